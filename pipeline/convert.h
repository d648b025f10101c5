/* convert.h - stage 1: bytes of any supported format/encoding -> UTF-8 text. */
#ifndef VP_CONVERT_H
#define VP_CONVERT_H

#include "vnplan.h"

typedef struct vp_limits {
    size_t max_input;        /* bytes read from one file */
    size_t max_unzipped;     /* total decompressed bytes of one DOCX/ODT */
    int max_pdf_pages;
    double max_seconds;      /* per document, every stage */
    size_t max_lines;        /* lines of normalised text of one document */
    size_t max_xml_memory;   /* bytes libxml2 may hold for one document (vp_xml_budget_begin) */
    int explain;             /* 1: measure the confidence and explain every detection (convert
                              * --explain); 0: only what the decisions need (faster) */
    int read_markup;         /* 1: a text file holding page markup (an HTML fragment, line breaks
                              * written out as "\r\n", a static-site page's front matter) is read
                              * as the page (run, extract, normalise); 0: the text as it is,
                              * decoded (convert) */
} vp_limits;

void vp_limits_default(vp_limits *l);

typedef struct vp_utf8 {
    char *data;              /* UTF-8 text, NUL-terminated, owned (free with vp_utf8_free) */
    size_t len;
    const char *format;      /* static string: text|html|docx|odt|pdf|doc|rtf */
    const char *encoding;    /* static string: utf-8|utf-16|tcvn3|vni|viscii|vps|viqr|cp1258|vn1|nfd|mixed|... */
    double confidence;       /* 0..1 */
    char *explain;           /* owned; human-readable: what was detected and why (may be NULL) */
    int repaired;            /* nonzero when damage was repaired (mojibake, invalid bytes, ...) */
    int no_toned_caps;       /* decoded from TCVN3 (a file, or runs in its fonts), which has no
                              * toned capitals: normalise puts sentence starts in capitals */
} vp_utf8;

void vp_utf8_free(vp_utf8 *u);

typedef struct vp_iconvs vp_iconvs; /* detect.h */
typedef struct vp_rules vp_rules;   /* rules.h */
typedef struct vp_matcher vp_matcher;

/* Convert `len` bytes read from `path` (path used only for messages).
 * Returns 0 on success and fills *out; warnings about what was detected or repaired
 * go to `diags` (may be NULL).  On failure returns -1, leaves *out empty, and writes a
 * one-line reason (no path, no newline) into err[errlen].  ic: the calling thread's iconv
 * descriptors (vp_iconvs_new), or NULL to open them for this document only.  rules, m: the
 * rules (rules/fonts.rules says which font names are legacy fonts) and the thread's matcher;
 * NULL: every font is taken for a Unicode one. */
int vp_convert(const char *path, const unsigned char *bytes, size_t len, const vp_limits *lim,
               const vp_rules *rules, vp_matcher *m, vp_utf8 *out, vp_diags *diags, vp_iconvs *ic, char *err,
               size_t errlen);

#endif
