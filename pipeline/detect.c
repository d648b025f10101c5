/* detect.c - Vietnamese encoding detection, decoding and per-paragraph repair.
 *
 * Candidates are judged by what Vietnamese text is: every candidate decoding is split into
 * words and each word is checked as a Vietnamese syllable (onset + rime + tone rules).  The
 * decoding with the most valid syllables wins.  Damaged lines are repaired in repair.c. */
#include "detect.h"
#include "convert_tables.h"
#include "detect_int.h"

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
long vp_detect_score_key(const vp_vscore *sc) { return 2 * (long)sc->viet - (long)sc->words; }

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
size_t vp_detect_viqr(const char *s, size_t n, vp_buf *out)
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
        vp_detect_viqr((const char *)s, n, out);
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
int vp_detect_score_nfc(const char *s, size_t n, vp_buf *tmp, vp_vscore *sc)
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

int vp_detect_cp1252_byte(int32_t cp)
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
    vp_fixlog fl;
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
        if (vp_detect_score_nfc((const char *)s, n, &tmp, &bsc) < 0)
            goto fail_nfc;
        if (ascii && vp_repair_looks_viqr((const char *)s, n)) {
            vp_vscore v;
            vp_detect_viqr((const char *)s, n, &dec);
            if (vp_detect_score_nfc(dec.data, dec.len, &tmp, &v) == 0 && vp_detect_score_key(&v) > vp_detect_score_key(&bsc) &&
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
            if (vp_detect_score_nfc(dec.data ? dec.data : "", dec.len, &tmp, &scs[c]) < 0) {
                vp_buf_free(&legacy);
                goto fail_nfc;
            }
            long k = vp_detect_score_key(&scs[c]);
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
            if (second < 0 || vp_detect_score_key(&scs[c]) > sk) {
                sk = vp_detect_score_key(&scs[c]);
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
                if (vp_detect_score_nfc((const char *)s + i, e - i, &tmp, &a) == 0 &&
                    vp_detect_score_nfc(t.data ? t.data : "", t.len, &tmp, &b) == 0 && vp_detect_score_key(&a) >= vp_detect_score_key(&b))
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

    if (vp_repair_lines(dec.data ? dec.data : "", dec.len, out, &fl, &nfixed) < 0)
        goto done;
    vp_fixlog_report(&fl, diags);
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
        if (cp >= 0x100 && cp < 0x2000 && vp_detect_cp1252_byte(cp) < 0) {
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
        int b = cp < 0 ? '?' : vp_detect_cp1252_byte(cp);
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
    if (vp_detect_score_key(&raw) > vp_detect_score_key(&got)) {
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
