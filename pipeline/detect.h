/* detect.h - Vietnamese encoding detection, decoding and per-paragraph repair (convert stage).
 *
 * Every function appends to a caller-owned vp_buf; nothing here prints.  Text handed back is
 * UTF-8 in NFC.  Functions returning int give 0 on success, -1 with a one-line reason in err. */
#ifndef VP_DETECT_H
#define VP_DETECT_H

#include "vnplan.h"

typedef enum {
    VP_ENC_UTF8,
    VP_ENC_TCVN3,
    VP_ENC_VNI,
    VP_ENC_VISCII,
    VP_ENC_VPS,
    VP_ENC_CP1258,
    VP_ENC_VN1,
    VP_ENC_VIQR,
    VP_ENC_CP1252,
    VP_ENC_N
} vp_enc;

const char *vp_enc_name(vp_enc e);

/* How Vietnamese a text looks: `words` tokens made of letters, `viet` of them valid
 * Vietnamese syllables (onset + rime + tone rules), `marked` of those with a diacritic. */
typedef struct vp_vscore {
    size_t words, viet, marked;
    size_t accented;   /* words with a non-ASCII character, valid or not */
} vp_vscore;
void vp_detect_score(const char *utf8, size_t n, vp_vscore *sc);

/* 1 when the n bytes at s (UTF-8, NFC, letters only) are one valid Vietnamese syllable ("hiện"),
 * 0 when not ("covid", "hóathể"). */
int vp_detect_syllable(const char *s, size_t n);

/* The iconv descriptors of one thread (VISCII, Windows-1258, TCVN 5712), kept from one
 * document to the next: opening one loads its converter module and closing the last one
 * unloads it again.  Not to be shared between threads. */
#define VP_ICONV_N 3
typedef struct vp_iconvs vp_iconvs;
vp_iconvs *vp_iconvs_new(void);
void vp_iconvs_free(vp_iconvs *ic);

/* Decode n bytes in encoding e, appending UTF-8 (not yet NFC) to out. */
int vp_detect_decode(vp_enc e, const unsigned char *s, size_t n, vp_buf *out, char *err, size_t errlen);
/* The same through ic's descriptors (ic may be NULL: each call opens its own). */
int vp_detect_decode_ic(vp_iconvs *ic, vp_enc e, const unsigned char *s, size_t n, vp_buf *out, char *err,
                        size_t errlen);

/* Append the NFC form of valid UTF-8 s; drops NUL and stray control characters, CRLF -> LF. */
int vp_detect_nfc(const char *s, size_t n, vp_buf *out, char *err, size_t errlen);

typedef struct vp_detect_info {
    const char *encoding;   /* static name */
    double confidence;
    char *explain;          /* owned by the caller after the call (may be NULL) */
    int repaired;
} vp_detect_info;

/* The control bytes VISCII, VPS and VN1 (TCVN 5712 VN1) put letters on: capitals with
 * tones such as VPS's 0x10 "Ị" or VN1's 0x01 "Ủ", dense in a short line of capitals. */
#define VP_CTL_LETTERS ((1u << 0x01) | (1u << 0x02) | (1u << 0x04) | (1u << 0x05) | (1u << 0x06) | (1u << 0x10) | \
                        (1u << 0x11) | (1u << 0x12) | (1u << 0x13) | (1u << 0x14) | (1u << 0x15) | (1u << 0x16) | \
                        (1u << 0x17) | (1u << 0x19) | (1u << 0x1E))

/* Bytes of a plain-text document (BOM already removed, not UTF-16) -> repaired NFC UTF-8.
 * With explain == 0 the confidence of a text that needed no decision is not measured (left 0)
 * and info->explain is NULL; the text and encoding are the same either way.  ic: the
 * thread's iconv descriptors, or NULL. */
int vp_detect_text(const unsigned char *s, size_t n, int explain, vp_buf *out, vp_detect_info *info,
                   vp_diags *diags, vp_iconvs *ic, char *err, size_t errlen);

/* Valid UTF-8 text extracted from a document -> NFC with damaged paragraphs repaired
 * (double-encoded UTF-8, TCVN3/VNI read as Windows-1252, VIQR).  *repaired counts lines fixed. */
int vp_detect_repair(const char *s, size_t n, vp_buf *out, int *repaired, vp_diags *diags, char *err,
                     size_t errlen);

/* Do 8-bit bytes read as Vietnamese better in Windows-1258 than in Windows-1252, TCVN3 and VNI? */
int vp_detect_reads_cp1258(const unsigned char *s, size_t n);

/* Do 8-bit bytes read as Vietnamese better in VISCII than in Windows-1258, Windows-1252 and the
 * legacy fonts' encodings (TCVN3, VNI) that a page in Windows-1252 stands for? */
int vp_detect_reads_viscii(const unsigned char *s, size_t n);

/* Text (UTF-8) whose characters stand for bytes of a legacy font: map each character back to its
 * byte (Windows-1252, or U+F0xx private-use symbol codes) and decode with e; appends UTF-8. */
int vp_detect_font_text(vp_enc e, int upper, const char *s, size_t n, vp_buf *out, char *err, size_t errlen);

#endif
