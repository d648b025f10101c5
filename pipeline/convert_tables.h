/* convert_tables.h - legacy-encoding tables generated into pipeline/tables/legacy_tables.c.
 * All tables are const data; see the .tsv files in pipeline/tables for their sources. */
#ifndef VP_CONVERT_TABLES_H
#define VP_CONVERT_TABLES_H

#include <stddef.h>
#include <stdint.h>

/* byte -> code point for single-byte codes (0x00-0x7F identity, holes -> Windows-1252) */
extern const uint16_t vp_tab_cp1252[256];
extern const uint16_t vp_tab_tcvn3[256];
extern const uint16_t vp_tab_vps[256];
extern const uint16_t vp_tab_vni1[256];   /* VNI bytes standing alone */

typedef struct vp_vni_pair {
    uint8_t base, mark;
    uint16_t cp;
} vp_vni_pair;
extern const vp_vni_pair vp_tab_vni2[];   /* sorted by (base, mark) */
extern const size_t vp_tab_vni2_n;
extern const unsigned vp_tab_vni2_mark_min; /* the smallest second byte of a pair */

typedef enum { VP_VIQR_SHAPE, VP_VIQR_TONE, VP_VIQR_LETTER } vp_viqr_kind;
typedef struct vp_viqr_rule {
    vp_viqr_kind kind;
    const char *mark;      /* the mnemonic: "(", "^", "'", "dd", ... */
    const char *applies;   /* letters it may follow (NULL for VP_VIQR_LETTER) */
    uint16_t cp;           /* combining mark, or the letter for VP_VIQR_LETTER */
} vp_viqr_rule;
extern const vp_viqr_rule vp_tab_viqr[];
extern const size_t vp_tab_viqr_n;

/* The case-folded canonical decomposition of a letter (utf8proc's UTF8PROC_CASEFOLD |
 * UTF8PROC_DECOMPOSE): n code points (-1: longer than 4, ask utf8proc), from
 * pipeline/tables/fold_tables.c for U+00C0-U+01BF and U+1EA0-U+1EFF. */
typedef struct vp_fold_entry {
    int8_t n;
    uint16_t cp[4];
} vp_fold_entry;
/* Frequent syllables (lower case, NFC, sorted by strcmp) with a weight growing with their
 * count, from pipeline/tables/syllables.c (gen_syllables.py). */
typedef struct vp_syllable {
    const char *s;
    uint8_t weight;
} vp_syllable;
extern const vp_syllable vp_tab_syllables[];
extern const size_t vp_tab_syllables_n;
/* The rhymes of those syllables (detect.c's rhyme_of, sorted by strcmp), each with the sum of
 * the weights of the syllables that have it (syllables.c, gen_syllables.py). */
typedef struct vp_rhyme {
    const char *s;
    uint16_t weight;
} vp_rhyme;
extern const vp_rhyme vp_tab_rhymes[];
extern const size_t vp_tab_rhymes_n;

extern const vp_fold_entry vp_tab_fold_lat[0x01BF - 0x00C0 + 1];
extern const vp_fold_entry vp_tab_fold_viet[0x1EFF - 0x1EA0 + 1];

#endif
