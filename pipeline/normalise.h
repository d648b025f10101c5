/* normalise.h - stage 2: UTF-8 text -> normalised text with a map back to the input. */
#ifndef VP_NORMALISE_H
#define VP_NORMALISE_H

#include "rules.h"
#include "vnplan.h"

typedef enum { VP_TONE_NEW = 0, VP_TONE_OLD = 1 } vp_tone_style; /* hòa/thủy (default) or hoà/thuỷ */

/* The confusable and tone lookups of the rules' tables for one tone style.  Built once with
 * vp_norm_tables_new (read-only after, shared by threads), freed with vp_norm_tables_free. */
typedef struct vp_norm_tables vp_norm_tables;
vp_norm_tables *vp_norm_tables_new(const vp_rules *rules, vp_tone_style style);
void vp_norm_tables_free(vp_norm_tables *t);

typedef struct vp_norm_opts {
    vp_tone_style tone;
    const vp_norm_tables *tables; /* built for these rules and this tone; NULL: built per call */
    int no_toned_caps; /* the text was decoded from an encoding without toned capitals (TCVN3):
                        * sentence starts with a small toned letter are put in capitals */
    int plain;         /* plain text: its line breaks may be wraps (not the paragraphs of a
                        * DOCX, HTML or RTF document, whose every line is one) */
} vp_norm_opts;

/* Normalise `len` bytes of UTF-8 `in` (invalid sequences are replaced by U+FFFD with a
 * warning).  Fills *out (caller frees with vp_text_free).  Uses the "layout" rule family and
 * the confusables/tone tables of `rules`; `m` is the caller's (per-thread) matcher.
 * Returns 0, or -1 with a reason in err when the input cannot be normalised at all. */
int vp_normalise(const char *in, size_t len, const vp_rules *rules, vp_matcher *m, const vp_norm_opts *opts,
                 vp_text *out, vp_diags *diags, char *err, size_t errlen);

#endif
