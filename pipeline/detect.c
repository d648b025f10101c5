/* detect.c - Vietnamese encoding detection, decoding and per-paragraph repair.
 *
 * Candidates are judged by what Vietnamese text is: every candidate decoding is split into
 * words and each word is checked as a Vietnamese syllable (onset + rime + tone rules).  The
 * decoding with the most valid syllables wins. */
#include "detect.h"
#include "convert_tables.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

static const char *const enc_names[VP_ENC_N] = {"utf-8", "tcvn3", "vni", "viscii", "vps",
                                                "cp1258", "vn1", "viqr", "cp1252"};

const char *vp_enc_name(vp_enc e) { return (unsigned)e < VP_ENC_N ? enc_names[e] : "unknown"; }

static void set_err(char *err, size_t errlen, const char *msg)
{
    if (err && errlen)
        snprintf(err, errlen, "%s", msg);
}

static void add_cp(vp_buf *b, int32_t cp)
{
    char u[4];
    int l = vp_utf8_encode(cp, u);
    vp_buf_add(b, u, (size_t)l);
}

/* ------------------------------------------------------------------ syllables */

/* Letters after removing the tone: plain a-z, and â ă ê ô ơ ư đ as A B E O P U D. */
static const char *const onsets[] = {"",   "b",  "c",  "ch", "d",  "D",  "g",  "gh", "gi", "h",
                                     "k",  "kh", "l",  "m",  "n",  "ng", "ngh", "nh", "p",  "ph",
                                     "qu", "r",  "s",  "t",  "th", "tr", "v",  "x"};

static const char *const rimes[] = {
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
    "Bc", "Bm", "Bn", "Bng", "Bp", "Bt",
    "Ac", "Am", "An", "Ang", "Ap", "At", "Au", "Ay",
    "e", "ec", "em", "en", "eng", "eo", "ep", "et",
    "E", "Ech", "Em", "En", "Enh", "Ep", "Et", "Eu",
    "i", "ich", "im", "in", "inh", "ip", "it", "iu", "ia", "iEc", "iEm", "iEn", "iEng", "iEp", "iEt", "iEu",
    "o", "oc", "oi", "om", "on", "ong", "op", "ot", "oong", "ooc",
    "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
    "oBc", "oBm", "oBn", "oBng", "oBt", "oe", "oec", "oem", "oen", "oeo", "oet",
    "O", "Oc", "Oi", "Om", "On", "Ong", "Op", "Ot",
    "P", "Pi", "Pm", "Pn", "Pp", "Pt",
    "u", "uc", "ui", "um", "un", "ung", "up", "ut", "ua", "uOc", "uOi", "uOm", "uOn", "uOng", "uOt",
    "uy", "uych", "uyn", "uynh", "uyp", "uyt", "uya", "uyEn", "uyEt", "uyu",
    "uE", "uEch", "uEnh", "uP", "uAn", "uAng", "uAt", "uAy",
    "U", "Uc", "Ui", "Um", "Un", "Ung", "Ut", "Uu", "Ua", "UPc", "UPi", "UPm", "UPn", "UPng", "UPp",
    "UPt", "UPu",
    "y", "yEm", "yEn", "yEng", "yEt", "yEu"};

static int is_rime(const char *r)
{
    for (size_t i = 0; i < sizeof rimes / sizeof rimes[0]; i++)
        if (strcmp(r, rimes[i]) == 0)
            return 1;
    return 0;
}

/* w: the word in the tone-less alphabet above; tone: 0 none, else the combining mark. */
static int is_syllable(const char *w, int32_t tone)
{
    size_t n = strlen(w);
    if (n == 0 || n > 8)
        return 0;
    for (size_t i = 0; i < sizeof onsets / sizeof onsets[0]; i++) {
        size_t ol = strlen(onsets[i]);
        if (ol >= n || strncmp(w, onsets[i], ol) != 0)
            continue;
        const char *r = w + ol;
        if (!is_rime(r))
            continue;
        size_t rl = strlen(r);
        int stop = (rl >= 1 && (r[rl - 1] == 'c' || r[rl - 1] == 'p' || r[rl - 1] == 't')) ||
                   (rl >= 2 && strcmp(r + rl - 2, "ch") == 0);
        if (stop && tone && tone != 0x0301 && tone != 0x0323)
            continue;
        return 1;
    }
    return 0;
}

static int is_tone(int32_t c)
{
    return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

/* Check one token (already trimmed of punctuation).  Returns 1 valid syllable, 0 not;
 * *marked set when it carries a diacritic. */
static int check_token(const char *s, size_t n, int *marked)
{
    char w[16];
    size_t wl = 0;
    int32_t tone = 0;
    int ntone = 0;
    *marked = 0;
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int l = vp_utf8_decode(s + i, n - i, &cp);
        i += (size_t)l;
        if (cp < 0)
            return 0;
        utf8proc_int32_t dec[8];
        int last = 0;
        utf8proc_ssize_t nd = utf8proc_decompose_char(cp, dec, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, &last);
        if (nd < 0 || nd > 8)
            return 0;
        for (utf8proc_ssize_t k = 0; k < nd; k++) {
            int32_t c = dec[k];
            if (wl + 1 >= sizeof w)
                return 0;
            if (c >= 'a' && c <= 'z') {
                if (c == 'f' || c == 'j' || c == 'w' || c == 'z')
                    return 0;
                w[wl++] = (char)c;
            } else if (c == 0x0111) {
                w[wl++] = 'D';
                *marked = 1;
            } else if (is_tone(c)) {
                if (wl == 0)
                    return 0;
                tone = c;
                ntone++;
                *marked = 1;
            } else if (c == 0x0302 || c == 0x0306 || c == 0x031B) {
                char p = wl ? w[wl - 1] : 0;
                char q = 0;
                if (c == 0x0302)
                    q = p == 'a' ? 'A' : p == 'e' ? 'E' : p == 'o' ? 'O' : 0;
                else if (c == 0x0306)
                    q = p == 'a' ? 'B' : 0;
                else
                    q = p == 'o' ? 'P' : p == 'u' ? 'U' : 0;
                if (!q)
                    return 0;
                w[wl - 1] = q;
                *marked = 1;
            } else {
                return 0;
            }
        }
    }
    if (ntone > 1)
        return 0;
    w[wl] = 0;
    return is_syllable(w, tone);
}

static int is_wordchar(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

static int is_space(int32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0; }

void vp_detect_score(const char *s, size_t n, vp_vscore *sc)
{
    memset(sc, 0, sizeof *sc);
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int l = vp_utf8_decode(s + i, n - i, &cp);
        if (cp >= 0 && is_space(cp)) {
            i += (size_t)l;
            continue;
        }
        /* one token: up to the next space */
        size_t start = i, end = i;
        int has_letter = 0;
        while (end < n) {
            l = vp_utf8_decode(s + end, n - end, &cp);
            if (cp >= 0 && is_space(cp))
                break;
            if (cp >= 0 && is_wordchar(cp) && utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO)
                has_letter = 1;
            end += (size_t)l;
        }
        i = end;
        if (!has_letter)
            continue;
        /* trim leading/trailing characters that are not letters */
        size_t a = start, b = end;
        while (a < b) {
            l = vp_utf8_decode(s + a, b - a, &cp);
            if (cp >= 0 && is_wordchar(cp) && utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO)
                break;
            a += (size_t)l;
        }
        while (b > a) {
            size_t p = b - 1;
            while (p > a && ((unsigned char)s[p] & 0xC0) == 0x80)
                p--;
            vp_utf8_decode(s + p, b - p, &cp);
            if (cp >= 0 && is_wordchar(cp))
                break;
            b = p;
        }
        sc->words++;
        for (size_t k = a; k < b; k++)
            if ((unsigned char)s[k] >= 0x80) {
                sc->accented++;
                break;
            }
        int marked;
        if (check_token(s + a, b - a, &marked)) {
            sc->viet++;
            if (marked)
                sc->marked++;
        }
    }
}

/* A comparable number: valid syllables minus words that are not. */
static long score_key(const vp_vscore *sc) { return 2 * (long)sc->viet - (long)sc->words; }

/* ------------------------------------------------------------------ decoding */

static int iconv_decode(const char *from, const unsigned char *s, size_t n, vp_buf *out, char *err, size_t errlen)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        char m[128];
        snprintf(m, sizeof m, "iconv cannot convert from %s", from);
        set_err(err, errlen, m);
        return -1;
    }
    char *in = (char *)s;
    size_t inleft = n;
    while (inleft > 0) {
        vp_buf_reserve(out, inleft * 4 + 16);
        char *o = out->data + out->len;
        size_t oleft = out->cap - out->len - 1;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        out->len = (size_t)(o - out->data);
        if (r == (size_t)-1) {
            if (errno == E2BIG)
                continue;
            if (errno == EILSEQ || errno == EINVAL) {
                /* a byte the code page leaves undefined: keep it as Windows-1252 */
                add_cp(out, vp_tab_cp1252[(unsigned char)*in]);
                in++;
                inleft--;
                continue;
            }
            iconv_close(cd);
            set_err(err, errlen, "iconv failed");
            return -1;
        }
    }
    /* flush any pending combined character */
    vp_buf_reserve(out, 16);
    char *o = out->data + out->len;
    size_t oleft = out->cap - out->len - 1;
    iconv(cd, NULL, NULL, &o, &oleft);
    out->len = (size_t)(o - out->data);
    out->data[out->len] = 0;
    iconv_close(cd);
    return 0;
}

static int vni_pair(unsigned a, unsigned b)
{
    size_t lo = 0, hi = vp_tab_vni2_n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const vp_vni_pair *p = &vp_tab_vni2[mid];
        unsigned k = (unsigned)p->base << 8 | p->mark, want = a << 8 | b;
        if (k == want)
            return p->cp;
        if (k < want)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static int viqr_is_mark(int c)
{
    for (size_t i = 0; i < vp_tab_viqr_n; i++)
        if (vp_tab_viqr[i].kind != VP_VIQR_LETTER && vp_tab_viqr[i].mark[0] == c)
            return 1;
    return 0;
}

static const vp_viqr_rule *viqr_rule(vp_viqr_kind kind, int mark, int after)
{
    for (size_t i = 0; i < vp_tab_viqr_n; i++) {
        const vp_viqr_rule *r = &vp_tab_viqr[i];
        if (r->kind == kind && r->mark[0] == mark && r->applies && strchr(r->applies, after))
            return r;
    }
    return NULL;
}

/* VIQR over UTF-8 text (non-ASCII passes through). Returns how many marks were decoded. */
static size_t viqr_decode(const char *s, size_t n, vp_buf *out)
{
    size_t marks = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' && i + 1 < n && viqr_is_mark((unsigned char)s[i + 1])) {
            vp_buf_addc(out, s[++i]);
            continue;
        }
        int done = 0;
        for (size_t k = 0; k < vp_tab_viqr_n && !done; k++) {
            const vp_viqr_rule *r = &vp_tab_viqr[k];
            size_t ml = strlen(r->mark);
            if (r->kind == VP_VIQR_LETTER && i + ml <= n && memcmp(s + i, r->mark, ml) == 0) {
                add_cp(out, r->cp);
                i += ml - 1;
                marks++;
                done = 1;
            }
        }
        if (done)
            continue;
        vp_buf_addc(out, (char)c);
        if (c >= 0x80)
            continue;
        const vp_viqr_rule *r;
        if (i + 1 < n && (r = viqr_rule(VP_VIQR_SHAPE, (unsigned char)s[i + 1], c))) {
            add_cp(out, r->cp);
            i++;
            marks++;
        }
        if (i + 1 < n && (r = viqr_rule(VP_VIQR_TONE, (unsigned char)s[i + 1], c))) {
            add_cp(out, r->cp);
            i++;
            marks++;
        }
    }
    return marks;
}

int vp_detect_decode(vp_enc e, const unsigned char *s, size_t n, vp_buf *out, char *err, size_t errlen)
{
    vp_buf_reserve(out, n * 3);
    switch (e) {
    case VP_ENC_UTF8:
        vp_buf_add(out, (const char *)s, n);
        return 0;
    case VP_ENC_TCVN3:
    case VP_ENC_VPS:
    case VP_ENC_CP1252: {
        const uint16_t *t = e == VP_ENC_TCVN3 ? vp_tab_tcvn3 : e == VP_ENC_VPS ? vp_tab_vps : vp_tab_cp1252;
        for (size_t i = 0; i < n; i++)
            add_cp(out, t[s[i]]);
        return 0;
    }
    case VP_ENC_VNI:
        for (size_t i = 0; i < n; i++) {
            int cp = i + 1 < n ? vni_pair(s[i], s[i + 1]) : -1;
            if (cp >= 0) {
                add_cp(out, cp);
                i++;
            } else {
                add_cp(out, vp_tab_vni1[s[i]]);
            }
        }
        return 0;
    case VP_ENC_VIQR:
        viqr_decode((const char *)s, n, out);
        return 0;
    case VP_ENC_VISCII:
        return iconv_decode("VISCII", s, n, out, err, errlen);
    case VP_ENC_CP1258:
        return iconv_decode("CP1258", s, n, out, err, errlen);
    case VP_ENC_VN1:
        return iconv_decode("TCVN5712-1", s, n, out, err, errlen);
    default:
        set_err(err, errlen, "unknown encoding");
        return -1;
    }
}

int vp_detect_nfc(const char *s, size_t n, vp_buf *out, char *err, size_t errlen)
{
    if (n == 0)
        return 0;
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (r < 0) {
        char m[160];
        snprintf(m, sizeof m, "Unicode normalisation failed: %s", utf8proc_errmsg(r));
        set_err(err, errlen, m);
        free(dst);
        return -1;
    }
    vp_buf_reserve(out, (size_t)r);
    for (utf8proc_ssize_t i = 0; i < r; i++) {
        unsigned char c = dst[i];
        if (c == '\r') {
            if (i + 1 < r && dst[i + 1] == '\n')
                continue;
            c = '\n';
        }
        if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || c == 0x7F)
            continue;
        if (c == 0xC2 && i + 1 < r && dst[i + 1] >= 0x80 && dst[i + 1] <= 0x9F) { /* C1 control */
            i++;
            continue;
        }
        if (c == 0xEF && i + 2 < r && dst[i + 1] == 0xBB && dst[i + 2] == 0xBF) { /* stray BOM */
            i += 2;
            continue;
        }
        vp_buf_addc(out, (char)c);
    }
    free(dst);
    return 0;
}

/* Score a UTF-8 candidate after NFC. */
static int score_nfc(const char *s, size_t n, vp_buf *tmp, vp_vscore *sc)
{
    tmp->len = 0;
    if (tmp->data)
        tmp->data[0] = 0;
    if (vp_detect_nfc(s, n, tmp, NULL, 0) < 0)
        return -1;
    vp_detect_score(tmp->data ? tmp->data : "", tmp->len, sc);
    return 0;
}

/* ------------------------------------------------------------------ cp1252 round trip */

static int cp1252_byte(int32_t cp)
{
    if (cp < 0x100) /* ASCII, Latin-1, and the C1 codes that stand for Windows-1252 holes */
        return cp;
    for (int b = 0x80; b < 0xA0; b++)
        if (vp_tab_cp1252[b] == cp)
            return b;
    if (cp >= 0xF000 && cp <= 0xF0FF) /* symbol-font private use codes */
        return cp & 0xFF;
    return -1;
}

/* UTF-8 text -> the bytes it would have been in Windows-1252; -1 if a character has none. */
static int to_cp1252(const char *s, size_t n, vp_buf *out)
{
    size_t i = 0;
    int high = 0;
    while (i < n) {
        int32_t cp;
        int l = vp_utf8_decode(s + i, n - i, &cp);
        if (cp < 0)
            return -1;
        int b = cp1252_byte(cp);
        if (b < 0)
            return -1;
        if (b >= 0x80)
            high = 1;
        vp_buf_addc(out, (char)b);
        i += (size_t)l;
    }
    return high ? 0 : -1;
}

/* ------------------------------------------------------------------ per-line repair */

enum { FIX_NONE, FIX_DOUBLE, FIX_TCVN3, FIX_VNI, FIX_VIQR, FIX_N };
static const char *const fix_names[FIX_N] = {"", "double-encoded UTF-8", "TCVN3 read as Windows-1252",
                                             "VNI read as Windows-1252", "VIQR"};

static int looks_viqr(const char *s, size_t n)
{
    size_t hits = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char c = (unsigned char)s[i], d = (unsigned char)s[i + 1];
        if (strchr("aAeEiIoOuUyY", c) && c && d && strchr("(^+'`?~.", d) && i + 2 < n &&
            ((unsigned char)s[i + 2] >= 'A' || strchr("(^+'`?~.", s[i + 2])))
            hits++;
        else if ((c == 'd' || c == 'D') && (d == 'd' || d == 'D'))
            hits++;
    }
    return hits > 0;
}

/* Is this token (no spaces) made only of characters Windows-1252 has, one of them not ASCII?
 * Returns 1 for such a token, 0 for plain ASCII, -1 for a token with other characters. */
static int token_kind(const char *s, size_t n)
{
    int high = 0;
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int l = vp_utf8_decode(s + i, n - i, &cp);
        if (cp < 0 || cp1252_byte(cp) < 0)
            return -1;
        if (cp >= 0x80)
            high = 1;
        i += (size_t)l;
    }
    return high;
}

/* Most accented words of a reading are syllables with marks; in a short line one
 * abbreviation ("TTĐT") may be the exception. */
static int marked_enough(const vp_vscore *sc)
{
    return 10 * sc->marked >= 7 * sc->accented || (sc->marked >= 2 && sc->marked + 1 >= sc->accented);
}

/* Token s[n] read with repair `fix` into out (NFC); -1 when it cannot be. */
static int fix_token(const char *s, size_t n, int fix, vp_buf *out, vp_buf *t1, vp_buf *t2)
{
    t1->len = 0;
    t2->len = 0;
    out->len = 0;
    if (to_cp1252(s, n, t1) < 0)
        return -1;
    if (fix == FIX_DOUBLE) {
        if (!vp_utf8_valid(t1->data, t1->len))
            return -1;
        vp_buf_add(t2, t1->data, t1->len);
    } else if (vp_detect_decode(fix == FIX_TCVN3 ? VP_ENC_TCVN3 : VP_ENC_VNI, (const unsigned char *)t1->data,
                                t1->len, t2, NULL, 0) < 0) {
        return -1;
    }
    return vp_detect_nfc(t2->data ? t2->data : "", t2->len, out, NULL, 0);
}

/* Does the token read as Vietnamese, without symbols of Windows-1252's upper half (® ¹ µ ·,
 * the soft hyphen) that legacy bytes leave in mojibake and that no Vietnamese word holds? */
static int latin1_symbols(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int l = vp_utf8_decode(s + i, n - i, &cp);
        if (cp >= 0x80 && cp <= 0xFF && !(utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO))
            return 1;
        i += (size_t)(l > 0 ? l : 1);
    }
    return 0;
}

/* Case that no Vietnamese word has: a capital of Latin-1's upper half right after a lowercase
 * letter ("tÕ", "QuÊt"), or a lowercase one of that half between capitals ("CéNG"): TCVN3
 * puts lowercase letters on those codes. */
static int inner_capital(const char *s, size_t n)
{
    int32_t prev = -1, cur = -1;
    for (size_t i = 0; i <= n;) {
        int32_t next = -1;
        int l = 1;
        if (i < n)
            l = vp_utf8_decode(s + i, n - i, &next);
        if (cur >= 0) {
            utf8proc_category_t pc = prev >= 0 ? utf8proc_category(prev) : UTF8PROC_CATEGORY_CN;
            utf8proc_category_t nc = next >= 0 ? utf8proc_category(next) : UTF8PROC_CATEGORY_CN;
            if (cur >= 0xC0 && cur <= 0xDE && cur != 0xD7 && pc == UTF8PROC_CATEGORY_LL)
                return 1;
            if (cur >= 0xDF && cur <= 0xFF && cur != 0xF7 && pc == UTF8PROC_CATEGORY_LU && nc == UTF8PROC_CATEGORY_LU)
                return 1;
        }
        prev = cur;
        cur = next;
        if (i >= n)
            break;
        i += (size_t)(l > 0 ? l : 1);
    }
    return 0;
}

/* Latin-1 letters that Vietnamese does not use (ñ ç î ü å æ ø ð þ ß ...). */
static int foreign_letter(const char *s, size_t n)
{
    static const char viet[] = "\xe0\xe1\xe2\xe3\xe8\xe9\xea\xec\xed\xf2\xf3\xf4\xf5\xf9\xfa\xfd";
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int l = vp_utf8_decode(s + i, n - i, &cp);
        int32_t low = cp >= 0xC0 && cp <= 0xDE && cp != 0xD7 ? cp + 0x20 : cp;
        if (low >= 0xDF && low <= 0xFF && low != 0xF7 && !memchr(viet, (int)low, sizeof viet - 1))
            return 1;
        i += (size_t)(l > 0 ? l : 1);
    }
    return 0;
}

/* Every word of the token (split at ASCII punctuation) is a Vietnamese syllable. */
static int token_viet(const char *s, size_t n)
{
    if (latin1_symbols(s, n) || inner_capital(s, n) || foreign_letter(s, n) || n > 256)
        return 0;
    char w[257];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        w[i] = c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ? ' ' : (char)c;
    }
    vp_vscore sc;
    vp_detect_score(w, n, &sc);
    return sc.words > 0 && sc.viet == sc.words;
}

/* Appends the run s[n] with each token either kept or read with `fix`: a token is read when
 * that makes it Vietnamese and it was not; a token that reads as Vietnamese both ways ("cã"
 * in TCVN3 is "có") follows the nearest token that is not ambiguous.  So Unicode words that
 * Windows-1252 happens to hold ("công") stay as they are beside repaired ones.  Returns the
 * number of tokens read with `fix`. */
static size_t repair_tokens(const char *s, size_t n, int fix, int left_unicode, int right_unicode, vp_buf *out,
                            vp_buf *t1, vp_buf *t2, vp_buf *t3)
{
    typedef struct tk {
        size_t a, b;
        int cls; /* 1: legacy text, -1: Unicode as it is, 0: cannot tell */
        int ascii;
        char *fixed;
    } tk;
    size_t nt = 0;
    tk *t = vp_xcalloc(n / 2 + 1, sizeof *t);
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t a = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        if (i == a)
            continue;
        tk *k = &t[nt++];
        k->a = a;
        k->b = i;
        k->ascii = 1;
        for (size_t j = a; j < i; j++)
            if ((unsigned char)s[j] >= 0x80)
                k->ascii = 0;
        int ov = token_viet(s + a, i - a);
        if (fix_token(s + a, i - a, fix, t3, t1, t2) == 0 && (t3->len != i - a || memcmp(t3->data, s + a, i - a))) {
            int dv = token_viet(t3->data, t3->len);
            k->fixed = vp_xstrndup(t3->data, t3->len);
            k->cls = dv && !ov ? 1 : ov && !dv ? -1 : 0;
            if (!k->cls && latin1_symbols(s + a, i - a) && !latin1_symbols(t3->data, t3->len))
                k->cls = 1; /* "1479/Q§-TTg": the reading loses the stray symbols */
        }
    }
    /* an ambiguous token is read only when the nearest evidence on both sides is legacy text
     * (a side without evidence counts as Unicode when Unicode words border the run there) */
    for (size_t k = 0; k < nt; k++) {
        if (t[k].cls || !t[k].fixed)
            continue;
        int left = left_unicode ? -1 : 0, right = right_unicode ? -1 : 0;
        /* evidence: the nearest word with some, past ambiguous words; an ASCII word ends the
         * search without any, the edge of the run gives what borders it */
        for (size_t d = k; d-- > 0;)
            if (t[d].ascii || t[d].cls == 1 || t[d].cls == -1) {
                left = t[d].ascii ? 0 : t[d].cls;
                break;
            }
        for (size_t d = k + 1; d < nt; d++)
            if (t[d].ascii || t[d].cls == 1 || t[d].cls == -1) {
                right = t[d].ascii ? 0 : t[d].cls;
                break;
            }
        t[k].cls = left >= 0 && right >= 0 && (left == 1 || right == 1) ? 2 : 0; /* 2: read by its neighbours */
    }
    size_t pos = 0, nfixed = 0;
    for (size_t k = 0; k < nt; k++) {
        vp_buf_add(out, s + pos, t[k].a - pos);
        if (t[k].cls > 0 && t[k].fixed) {
            vp_buf_adds(out, t[k].fixed);
            nfixed++;
        } else {
            vp_buf_add(out, s + t[k].a, t[k].b - t[k].a);
        }
        pos = t[k].b;
        free(t[k].fixed);
    }
    vp_buf_add(out, s + pos, n - pos);
    free(t);
    return nfixed;
}

/* Try one run of tokens s[n] that Windows-1252 can hold as double-encoded UTF-8, TCVN3 and VNI
 * read as Windows-1252; appends the best reading (or the run as it is) to out.  The same
 * tests as for a whole line: a repair must read clearly better, as Vietnamese on its own. */
static int repair_run(const char *s, size_t n, int left_unicode, int right_unicode, vp_buf *out, vp_buf *t1,
                      vp_buf *t2, vp_buf *t3)
{
    vp_vscore base, best;
    if (score_nfc(s, n, t3, &base) < 0) {
        vp_buf_add(out, s, n);
        return FIX_NONE;
    }
    best = base;
    int bestfix = FIX_NONE;
    vp_buf bestbuf = {0};
    vp_buf_add(&bestbuf, s, n);
    t1->len = 0;
    if (to_cp1252(s, n, t1) == 0)
        for (int fix = FIX_DOUBLE; fix <= FIX_VNI; fix++) {
            t2->len = 0;
            if (fix == FIX_DOUBLE) {
                if (!vp_utf8_valid(t1->data, t1->len))
                    continue;
                vp_buf_add(t2, t1->data, t1->len);
            } else if (vp_detect_decode(fix == FIX_TCVN3 ? VP_ENC_TCVN3 : VP_ENC_VNI,
                                        (const unsigned char *)t1->data, t1->len, t2, NULL, 0) < 0) {
                continue;
            }
            vp_vscore sc;
            if (score_nfc(t2->data ? t2->data : "", t2->len, t3, &sc) < 0)
                continue;
            if (score_key(&sc) >= score_key(&best) + 2 && sc.viet >= base.viet + 1 &&
                4 * (sc.viet - base.viet) >= sc.words && marked_enough(&sc) && sc.marked > 0) {
                best = sc;
                bestfix = fix;
                bestbuf.len = 0;
                vp_buf_add(&bestbuf, t3->data ? t3->data : "", t3->len);
            }
        }
    vp_buf_free(&bestbuf);
    if (bestfix == FIX_NONE) {
        vp_buf_add(out, s, n);
        return FIX_NONE;
    }
    return repair_tokens(s, n, bestfix, left_unicode, right_unicode, out, t1, t2, t3) ? bestfix : FIX_NONE;
}

/* A line mixing Unicode with a pasted legacy fragment ("thực hiện công t¸c cæ phÇn hãa"):
 * every run of words that Windows-1252 can hold, from the first word with a non-ASCII
 * character to the last, is repaired on its own; the rest of the line is kept.  Returns the
 * FIX_ kind of the last run repaired, FIX_NONE if none was. */
static int repair_runs(const char *s, size_t n, vp_buf *out, vp_buf *t1, vp_buf *t2, vp_buf *t3)
{
    typedef struct tok {
        size_t a, b;
        int kind;
    } tok;
    size_t ntok = 0;
    tok *t = vp_xmalloc(sizeof *t * (n / 2 + 1));
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t a = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        if (i > a) {
            t[ntok].a = a;
            t[ntok].b = i;
            t[ntok].kind = token_kind(s + a, i - a);
            ntok++;
        }
    }
    vp_buf raw = {0};
    int fixed = FIX_NONE;
    size_t pos = 0;
    for (size_t k = 0; k < ntok;) {
        if (t[k].kind != 1) {
            k++;
            continue;
        }
        size_t last = k;
        int odd = 0; /* a word that does not read as Vietnamese: without one, nothing to repair */
        for (size_t j = k; j < ntok && t[j].kind >= 0; j++)
            if (t[j].kind == 1) {
                last = j;
                odd |= !token_viet(s + t[j].a, t[j].b - t[j].a);
            }
        if (!odd) {
            k = last + 1;
            continue;
        }
        vp_buf_add(&raw, s + pos, t[k].a - pos);
        /* what borders the run: the nearest word with characters Windows-1252 lacks is Unicode */
        int left_uni = 0, right_uni = 0;
        for (size_t d = k; d-- > 0;)
            if (t[d].kind != 0) {
                left_uni = t[d].kind < 0;
                break;
            }
        for (size_t d = last + 1; d < ntok; d++)
            if (t[d].kind != 0) {
                right_uni = t[d].kind < 0;
                break;
            }
        int f = repair_run(s + t[k].a, t[last].b - t[k].a, left_uni, right_uni, &raw, t1, t2, t3);
        if (f != FIX_NONE)
            fixed = f;
        pos = t[last].b;
        k = last + 1;
    }
    vp_buf_add(&raw, s + pos, n - pos);
    if (fixed != FIX_NONE)
        vp_detect_nfc(raw.data ? raw.data : "", raw.len, out, NULL, 0);
    vp_buf_free(&raw);
    free(t);
    return fixed;
}

/* A quick look for what pasted legacy text leaves and Vietnamese text never has: a symbol
 * of U+0080-U+00BF other than NBSP, a Latin-1 letter Vietnamese does not use, or a Latin-1
 * letter in the wrong case inside a word.  Lines without any skip the run-by-run repair. */
static int line_suspect(const char *s, size_t n)
{
    static const char viet[] = "\xe0\xe1\xe2\xe3\xe8\xe9\xea\xec\xed\xf2\xf3\xf4\xf5\xf9\xfa\xfd";
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char c = (unsigned char)s[i], d = (unsigned char)s[i + 1];
        if (c == 0xC2 && d >= 0x80 && d <= 0xBF && d != 0xA0)
            return 1;
        if (c != 0xC3 || d < 0x80 || d > 0xBF)
            continue;
        unsigned cp = 0xC0 + (d & 0x3F), low = cp <= 0xDE && cp != 0xD7 ? cp + 0x20 : cp;
        if (!memchr(viet, (int)low, sizeof viet - 1))
            return 1;
        unsigned char before = i ? (unsigned char)s[i - 1] : ' ', after = i + 2 < n ? (unsigned char)s[i + 2] : ' ';
        if (cp < 0xDF && before >= 'a' && before <= 'z')
            return 1;
        if (cp >= 0xDF && before >= 'A' && before <= 'Z' && after >= 'A' && after <= 'Z')
            return 1;
    }
    return 0;
}

/* Repair one line; appends the NFC result to out and returns the FIX_ kind applied. */
static int repair_line(const char *s, size_t n, vp_buf *out, vp_buf *t1, vp_buf *t2, vp_buf *t3)
{
    vp_vscore base, best;
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            ascii = 0;
    if (ascii && !looks_viqr(s, n)) {
        vp_detect_nfc(s, n, out, NULL, 0);
        return FIX_NONE;
    }
    if (score_nfc(s, n, t3, &base) < 0) {
        vp_buf_add(out, s, n);
        return FIX_NONE;
    }
    int bestfix = FIX_NONE;
    best = base;
    vp_buf bestbuf = {0};
    vp_buf_add(&bestbuf, t3->data ? t3->data : "", t3->len);

    t1->len = 0;
    int have_bytes = !ascii && to_cp1252(s, n, t1) == 0;
    size_t nmarks = 0;
    for (int fix = FIX_DOUBLE; fix < FIX_N; fix++) {
        t2->len = 0;
        if (fix == FIX_VIQR) {
            if (!looks_viqr(s, n) || (nmarks = viqr_decode(s, n, t2)) == 0)
                continue;
        } else {
            if (!have_bytes)
                continue;
            if (fix == FIX_DOUBLE) {
                if (!vp_utf8_valid(t1->data, t1->len))
                    continue;
                vp_buf_add(t2, t1->data, t1->len);
            } else if (vp_detect_decode(fix == FIX_TCVN3 ? VP_ENC_TCVN3 : VP_ENC_VNI,
                                        (const unsigned char *)t1->data, t1->len, t2, NULL, 0) < 0) {
                continue;
            }
        }
        vp_vscore sc;
        if (score_nfc(t2->data ? t2->data : "", t2->len, t3, &sc) < 0)
            continue;
        /* a repair must read clearly better, and read as Vietnamese on its own */
        if (score_key(&sc) >= score_key(&best) + 2 && sc.viet >= base.viet + 1 &&
            4 * (sc.viet - base.viet) >= sc.words && marked_enough(&sc) && sc.marked > 0 &&
            (fix != FIX_VIQR || nmarks >= 2)) {
            best = sc;
            bestfix = fix;
            bestbuf.len = 0;
            vp_buf_add(&bestbuf, t3->data ? t3->data : "", t3->len);
        }
    }
    if (bestfix == FIX_NONE && !have_bytes && !ascii && line_suspect(s, n)) {
        int f = repair_runs(s, n, out, t1, t2, t3);
        if (f != FIX_NONE) {
            vp_buf_free(&bestbuf);
            return f;
        }
    }
    vp_buf_add(out, bestbuf.data ? bestbuf.data : "", bestbuf.len);
    vp_buf_free(&bestbuf);
    return bestfix;
}

typedef struct fixlog {
    size_t count[FIX_N];
    size_t first[FIX_N], last[FIX_N];
} fixlog;

static void fixlog_add(fixlog *fl, int fix, size_t line)
{
    if (!fl->count[fix]++)
        fl->first[fix] = line;
    fl->last[fix] = line;
}

static void fixlog_report(const fixlog *fl, vp_diags *diags)
{
    for (int f = FIX_DOUBLE; f < FIX_N; f++)
        if (fl->count[f])
            vp_diag_add(diags, "encoding", (int)fl->first[f],
                        "repaired %zu line%s of %s (lines %zu-%zu), decoded and normalised to NFC",
                        fl->count[f], fl->count[f] == 1 ? "" : "s", fix_names[f], fl->first[f], fl->last[f]);
}

static int repair_lines(const char *s, size_t n, vp_buf *out, fixlog *fl, size_t *nfixed)
{
    vp_buf t1 = {0}, t2 = {0}, t3 = {0};
    size_t line = 1, i = 0;
    *nfixed = 0;
    while (i < n) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        int fix = repair_line(s + i, e - i, out, &t1, &t2, &t3);
        if (fix != FIX_NONE) {
            fixlog_add(fl, fix, line);
            (*nfixed)++;
        }
        if (nl)
            vp_buf_addc(out, '\n');
        i = nl ? e + 1 : n;
        line++;
    }
    vp_buf_free(&t1);
    vp_buf_free(&t2);
    vp_buf_free(&t3);
    return 0;
}

int vp_detect_repair(const char *s, size_t n, vp_buf *out, int *repaired, vp_diags *diags, char *err,
                     size_t errlen)
{
    (void)err;
    (void)errlen;
    fixlog fl;
    memset(&fl, 0, sizeof fl);
    size_t nfixed = 0;
    vp_buf_reserve(out, n);
    repair_lines(s, n, out, &fl, &nfixed);
    if (repaired)
        *repaired = nfixed > 0;
    fixlog_report(&fl, diags);
    return 0;
}

/* ------------------------------------------------------------------ whole-file detection */

static int line_is_utf8_text(const unsigned char *s, size_t n)
{
    int multi = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 0x80)
            multi = 1;
    return multi && vp_utf8_valid((const char *)s, n);
}

static char *explain_str(vp_enc best, const vp_vscore *b, int second, const vp_vscore *s2, const char *extra)
{
    vp_buf e = {0};
    double pb = b->words ? 100.0 * (double)b->viet / (double)b->words : 0;
    vp_buf_printf(&e, "%s: %.0f%% of %zu words are Vietnamese syllables", vp_enc_name(best), pb, b->words);
    if (second >= 0)
        vp_buf_printf(&e, "; next best %s %.0f%%", vp_enc_name((vp_enc)second),
                      s2->words ? 100.0 * (double)s2->viet / (double)s2->words : 0.0);
    if (extra && *extra)
        vp_buf_printf(&e, "; %s", extra);
    return vp_buf_steal(&e);
}

int vp_detect_text(const unsigned char *s, size_t n, vp_buf *out, vp_detect_info *info, vp_diags *diags,
                   char *err, size_t errlen)
{
    memset(info, 0, sizeof *info);
    vp_buf dec = {0}, tmp = {0};
    fixlog fl;
    memset(&fl, 0, sizeof fl);
    size_t nfixed = 0;
    int rc = -1;
    vp_enc enc;
    vp_vscore bsc, ssc;
    int second = -1;
    char extra[160] = "";
    memset(&ssc, 0, sizeof ssc);

    if (vp_utf8_valid((const char *)s, n)) {
        int ascii = 1;
        for (size_t i = 0; i < n; i++)
            if (s[i] >= 0x80)
                ascii = 0;
        enc = VP_ENC_UTF8;
        if (score_nfc((const char *)s, n, &tmp, &bsc) < 0)
            goto fail_nfc;
        if (ascii && looks_viqr((const char *)s, n)) {
            vp_vscore v;
            viqr_decode((const char *)s, n, &dec);
            if (score_nfc(dec.data, dec.len, &tmp, &v) == 0 && score_key(&v) > score_key(&bsc) &&
                v.marked * 4 >= v.words) {
                ssc = bsc;
                second = VP_ENC_UTF8;
                bsc = v;
                enc = VP_ENC_VIQR;
            }
        }
        if (enc == VP_ENC_UTF8) {
            dec.len = 0;
            vp_buf_add(&dec, (const char *)s, n);
            vp_buf nf = {0};
            if (vp_detect_nfc((const char *)s, n, &nf, err, errlen) < 0) {
                vp_buf_free(&nf);
                goto done;
            }
            /* Would the text differ in NFC (beyond dropped controls)?  Then it was NFD / tổ hợp. */
            int changed = 0;
            for (size_t i = 0; i < n && !changed; i++)
                if (s[i] == 0xCC || s[i] == 0xCD)
                    changed = 1;
            if (changed && nf.len < n)
                snprintf(extra, sizeof extra, "decomposed (NFD or composite) marks composed to NFC");
            vp_buf_free(&nf);
        }
    } else {
        /* Legacy bytes, possibly with UTF-8 paragraphs.  Pick the encoding that makes the
         * non-UTF-8 lines most Vietnamese. */
        static const vp_enc cands[] = {VP_ENC_TCVN3, VP_ENC_VNI, VP_ENC_VISCII, VP_ENC_VPS, VP_ENC_CP1258,
                                       VP_ENC_VN1};
        vp_buf legacy = {0};
        size_t nutf8 = 0;
        for (size_t i = 0; i < n;) {
            const unsigned char *nl = memchr(s + i, '\n', n - i);
            size_t e = nl ? (size_t)(nl - s) + 1 : n;
            if (line_is_utf8_text(s + i, e - i))
                nutf8++;
            else
                vp_buf_add(&legacy, (const char *)s + i, e - i);
            i = e;
        }
        long bestk = 0;
        int besti = -1;
        vp_vscore scs[sizeof cands / sizeof cands[0]];
        for (size_t c = 0; c < sizeof cands / sizeof cands[0]; c++) {
            dec.len = 0;
            if (vp_detect_decode(cands[c], (const unsigned char *)legacy.data, legacy.len, &dec, err, errlen) < 0) {
                vp_buf_free(&legacy);
                goto done;
            }
            if (score_nfc(dec.data ? dec.data : "", dec.len, &tmp, &scs[c]) < 0) {
                vp_buf_free(&legacy);
                goto fail_nfc;
            }
            long k = score_key(&scs[c]);
            if (besti < 0 || k > bestk) {
                bestk = k;
                besti = (int)c;
            }
        }
        vp_buf_free(&legacy);
        enc = cands[besti];
        bsc = scs[besti];
        long sk = 0;
        for (size_t c = 0; c < sizeof cands / sizeof cands[0]; c++) {
            if ((int)c == besti)
                continue;
            if (second < 0 || score_key(&scs[c]) > sk) {
                sk = score_key(&scs[c]);
                second = (int)cands[c];
                ssc = scs[c];
            }
        }
        /* decode line by line: UTF-8 paragraphs stay UTF-8 when they read better that way */
        dec.len = 0;
        size_t line = 1, kept = 0;
        for (size_t i = 0; i < n; line++) {
            const unsigned char *nl = memchr(s + i, '\n', n - i);
            size_t e = nl ? (size_t)(nl - s) + 1 : n;
            int use_utf8 = 0;
            if (line_is_utf8_text(s + i, e - i)) {
                vp_vscore a, b;
                vp_buf t = {0};
                vp_detect_decode(enc, s + i, e - i, &t, NULL, 0);
                if (score_nfc((const char *)s + i, e - i, &tmp, &a) == 0 &&
                    score_nfc(t.data ? t.data : "", t.len, &tmp, &b) == 0 && score_key(&a) >= score_key(&b))
                    use_utf8 = 1;
                vp_buf_free(&t);
            }
            if (use_utf8) {
                vp_buf_add(&dec, (const char *)s + i, e - i);
                kept++;
            } else if (vp_detect_decode(enc, s + i, e - i, &dec, err, errlen) < 0) {
                goto done;
            }
            i = e;
        }
        if (kept) {
            snprintf(extra, sizeof extra, "%zu UTF-8 line%s kept between %s lines", kept, kept == 1 ? "" : "s",
                     vp_enc_name(enc));
            vp_diag_add(diags, "encoding", 0, "file mixes UTF-8 paragraphs (%zu lines) with raw %s bytes; each part decoded on its own",
                        kept, vp_enc_name(enc));
            info->repaired = 1;
        }
        (void)nutf8;
    }

    if (repair_lines(dec.data ? dec.data : "", dec.len, out, &fl, &nfixed) < 0)
        goto done;
    fixlog_report(&fl, diags);
    if (nfixed)
        info->repaired = 1;
    info->encoding = (info->repaired && (nfixed || enc != VP_ENC_UTF8)) ? "mixed" : vp_enc_name(enc);
    if (enc == VP_ENC_UTF8 && nfixed == 0 && extra[0])
        info->encoding = "nfd";
    if (nfixed) {
        size_t el = strlen(extra);
        snprintf(extra + el, sizeof extra - el, "%s%zu line%s repaired", el ? "; " : "", nfixed,
                 nfixed == 1 ? "" : "s");
        /* score again what comes out */
        vp_detect_score(out->data ? out->data : "", out->len, &bsc);
    }
    info->confidence = bsc.words ? (double)bsc.viet / (double)bsc.words : 0.0;
    info->explain = explain_str(enc, &bsc, second, &ssc, extra);
    rc = 0;
    goto done;
fail_nfc:
    set_err(err, errlen, "Unicode normalisation failed");
done:
    vp_buf_free(&dec);
    vp_buf_free(&tmp);
    return rc;
}

/* ------------------------------------------------------------------ legacy fonts */

vp_enc vp_detect_font(const char *font, int *upper)
{
    *upper = 0;
    if (!font)
        return VP_ENC_UTF8;
    while (*font == ' ')
        font++;
    size_t n = strlen(font);
    while (n && font[n - 1] == ' ')
        n--;
    if (n >= 4 && (strncasecmp(font, ".Vn", 3) == 0 ||
                   (strncmp(font, "Vn", 2) == 0 && font[2] >= 'A' && font[2] <= 'Z' && strncasecmp(font, "VNI", 3) != 0))) {
        *upper = font[n - 1] == 'H';
        return VP_ENC_TCVN3;
    }
    if (n >= 4 && strncasecmp(font, "VNI", 3) == 0 && (font[3] == '-' || font[3] == ' ' || font[3] == '_'))
        return VP_ENC_VNI;
    if (n >= 4 && strncasecmp(font, "VPS", 3) == 0 && (font[3] == '-' || font[3] == ' ' || font[3] == '_'))
        return VP_ENC_VPS;
    if (n >= 2 && strncmp(font, "VI", 2) == 0 && strstr(font, "VISCII"))
        return VP_ENC_VISCII;
    return VP_ENC_UTF8;
}

int vp_detect_font_text(vp_enc e, int upper, const char *s, size_t n, vp_buf *out, char *err, size_t errlen)
{
    /* Unicode typed under a legacy font name: letters a legacy font cannot hold (ă đ ơ ư ộ, a
     * combining tone) say the run is Unicode already */
    for (size_t k = 0; k < n;) {
        int32_t cp;
        int l = vp_utf8_decode(s + k, n - k, &cp);
        if (cp >= 0x100 && cp < 0x2000 && cp1252_byte(cp) < 0) {
            set_err(err, errlen, "the run is Unicode text");
            return -1;
        }
        k += (size_t)(l > 0 ? l : 1);
    }
    vp_buf bytes = {0}, dec = {0};
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int l = vp_utf8_decode(s + i, n - i, &cp);
        int b = cp < 0 ? '?' : cp1252_byte(cp);
        if (b < 0) {
            /* already a Unicode character (a run typed in Unicode with a legacy font name) */
            if (bytes.len) {
                if (vp_detect_decode(e, (const unsigned char *)bytes.data, bytes.len, &dec, err, errlen) < 0)
                    goto fail;
                bytes.len = 0;
            }
            vp_buf_add(&dec, s + i, (size_t)l);
        } else {
            vp_buf_addc(&bytes, (char)b);
        }
        i += (size_t)l;
    }
    if (bytes.len && vp_detect_decode(e, (const unsigned char *)bytes.data, bytes.len, &dec, err, errlen) < 0)
        goto fail;
    /* ... and so does Latin-1 text that reads as Vietnamese better as it is ("và có") */
    vp_vscore raw, got;
    vp_detect_score(s, n, &raw);
    vp_detect_score(dec.data ? dec.data : "", dec.len, &got);
    if (score_key(&raw) > score_key(&got)) {
        set_err(err, errlen, "the run reads as Unicode text");
        goto fail;
    }
    if (upper) {
        for (size_t k = 0; k < dec.len;) {
            int32_t cp;
            int l = vp_utf8_decode(dec.data + k, dec.len - k, &cp);
            add_cp(out, cp < 0 ? 0xFFFD : utf8proc_toupper(cp));
            k += (size_t)l;
        }
    } else {
        vp_buf_add(out, dec.data ? dec.data : "", dec.len);
    }
    vp_buf_free(&bytes);
    vp_buf_free(&dec);
    return 0;
fail:
    vp_buf_free(&bytes);
    vp_buf_free(&dec);
    return -1;
}
