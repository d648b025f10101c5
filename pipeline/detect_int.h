/* detect_int.h - private interface between detect.c (syllables, decoding, whole-file
 * detection, legacy fonts) and repair.c (per-line and in-line repair of damaged text). */
#ifndef VP_DETECT_INT_H
#define VP_DETECT_INT_H

#include "detect.h"

/* detect.c */
long vp_detect_score_key(const vp_vscore *sc);        /* valid syllables count twice, words once */
int vp_detect_score_nfc(const char *s, size_t n, vp_buf *tmp, vp_vscore *sc); /* scores NFC of s */
size_t vp_detect_viqr(const char *s, size_t n, vp_buf *out); /* VIQR -> UTF-8; marks decoded */
int vp_detect_cp1252_byte(int32_t cp);                 /* Windows-1252 byte of cp, or -1 */
long vp_detect_frequency(const char *s, size_t n);      /* how common the syllables of NFC s are */

/* repair.c */
enum { FIX_NONE, FIX_DOUBLE, FIX_TCVN3, FIX_VNI, FIX_VIQR, FIX_N };

typedef struct vp_fixlog {
    size_t count[FIX_N];
    size_t first[FIX_N], last[FIX_N];
} vp_fixlog;

int vp_repair_looks_viqr(const char *s, size_t n);
/* Repairs every line of s into out (NFC); logs what was fixed; *nfixed lines repaired. */
int vp_repair_lines(const char *s, size_t n, vp_buf *out, vp_fixlog *fl, size_t *nfixed);
void vp_fixlog_report(const vp_fixlog *fl, vp_diags *diags);

#endif
