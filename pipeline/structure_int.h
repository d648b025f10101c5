/* structure_int.h - private to the structure stage (structure.c, structure_web.c): the lines
 * of the normalised text, the rule families, and the helpers both files use.  Every string a
 * helper returns lives in the document's arena (freed with the document). */
#ifndef VP_STRUCTURE_INT_H
#define VP_STRUCTURE_INT_H

#include "structure.h"

/* How far the fallbacks of a text without header look (lines). */
#define SCAN_LINES 200

typedef struct vp_st_line {
    size_t s, e; /* trimmed content */
} vp_st_line;

typedef struct vp_st_ctx {
    vp_doc *doc;
    const vp_text *t;
    const vp_rules *rules;
    vp_matcher *m;
    vp_st_line *L;
    size_t n;
    const vp_family *header, *sections, *items, *genre;
} vp_st_ctx;

/* ---- structure.c ---- */
int vp_st_blank(const vp_st_ctx *c, size_t i);
/* The capital letters of s[0..n), or -1 when it holds a small letter. */
int vp_st_caps(const char *s, size_t n);
/* s in capitals, in the arena. */
char *vp_st_upper(vp_arena *a, const char *s);
/* A body named in a sentence keeps after its "tỉnh" only the words of a province
 * (rules/provinces.tsv): "UBND tỉnh Trần Song Tùng" is "UBND tỉnh", the rest an office holder's
 * name (reported in the diagnostics, at `line`).  auth is changed in place and returned. */
char *vp_st_province_or_person(vp_st_ctx *c, char *auth, size_t line);
size_t vp_st_next_nonblank(vp_st_ctx *c, size_t i);
/* First rule of family f whose attribute `key` is `want` (any value when want is NULL) that
 * matches subj[0..len), or NULL; the match stays in c->m for the group helpers. */
const vp_rule *vp_st_match_str(vp_st_ctx *c, const vp_family *f, const char *key, const char *want,
                               const char *subj, size_t len);
const vp_rule *vp_st_match_line(vp_st_ctx *c, const vp_family *f, const char *want, size_t i);
/* A named group of the last match on subj (on line i), trimmed; NULL if unset. */
char *vp_st_group(vp_st_ctx *c, const char *name, const char *subj);
char *vp_st_lgroup(vp_st_ctx *c, const char *name, size_t i);
int vp_st_group_int(vp_st_ctx *c, const char *name, const char *subj); /* -1 if unset */
char *vp_st_squeeze(vp_arena *a, const char *s, int nospace);
char *vp_st_fold(vp_arena *a, const char *s); /* case-folded NFC, spaces collapsed */
char *vp_st_capitalise(vp_arena *a, const char *s); /* its first letter in capitals */
int vp_st_issue_title(vp_st_ctx *c, size_t i, const char *msg); /* issue-title: the title from line i */
char *vp_st_issued_doctype(vp_st_ctx *c, size_t i); /* the type of what line i issues, or NULL */
const char *vp_st_doctype_code(vp_st_ctx *c, const char *name);
/* The name doctypes.tsv gives the code code[codelen] first, or NULL. */
const char *vp_st_doctype_name(vp_st_ctx *c, const char *code, size_t codelen);
void vp_st_set_doctype(vp_st_ctx *c, const char *raw);
/* The type doctypes.tsv names first for the code code[codelen], and that code, into the meta;
 * 0 (nothing set) when the table has no such code. */
int vp_st_set_doctype_code(vp_st_ctx *c, const char *code, size_t codelen);
const char *vp_st_iso_date(vp_arena *a, int y, int mo, int d); /* NULL when y < 0 */
/* The date of the last match on subj into the meta; narrow: only its day..year groups as text. */
void vp_st_set_date_text(vp_st_ctx *c, const char *subj, vp_diags *d, size_t li, int narrow);
void vp_st_set_date(vp_st_ctx *c, const char *subj, vp_diags *d, size_t li);
const char *vp_st_level_of(vp_st_ctx *c, const char *text);

/* ---- structure_web.c: web pages and texts without a header ---- */
/* Reads a news page's headline, date, type and number into the meta; returns the line of its
 * headline (its first line, after lines that hold only the page's date, "Thứ sáu, Ngày
 * 25/06/2021 -"), c->n when the text is blank. */
size_t vp_st_parse_news(vp_st_ctx *c, size_t to);
void vp_st_guess_authority(vp_st_ctx *c, size_t from, size_t to, int news);
const char *vp_st_level_of_issuer(vp_st_ctx *c, const char *auth, size_t from, size_t to);
const char *vp_st_level_of_bare(vp_st_ctx *c, const char *auth);
const char *vp_st_level_of_named(vp_st_ctx *c, const char *auth);
/* An issuer named without its place ("UBND tỉnh") gets the first place of its unit the text
 * names ("UBND tỉnh Ninh Bình"), reported in the diagnostics. */
void vp_st_complete_bare(vp_st_ctx *c);
void vp_st_level_of_symbol(vp_st_ctx *c);
/* The body a number or symbol's suffix stands for ("28/NQ-CP": Chính phủ; header rules
 * field=symbol-issuer, attribute issuer), NULL when the rules name none. */
const char *vp_st_symbol_issuer(vp_st_ctx *c, const char *symbol);
int vp_st_year_in(vp_st_ctx *c, const char *s);
int vp_st_year_of_text(vp_st_ctx *c);
/* The latest year of a full date or month of a year written in lines [0,to), or -1. */
int vp_st_latest_cited_year(vp_st_ctx *c, size_t to);
const char *vp_st_fold_expanded(vp_st_ctx *c, const char *s);

#endif
