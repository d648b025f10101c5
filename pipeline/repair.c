/* repair.c - damaged text repaired line by line, and run by run inside a line.
 *
 * A line of UTF-8 that Windows-1252 can hold may be double-encoded UTF-8 ("Viá»‡t"), or TCVN3
 * or VNI text read as Windows-1252 ("Hµ Néi", "Vieät Nam"); a line with VIQR mnemonics may
 * be VIQR.  Each reading is scored as Vietnamese (detect.c) and kept only when it reads
 * clearly better.  A legacy fragment pasted inside a Unicode line is found as a run of words
 * Windows-1252 can hold, and each word of it is kept or read by its own evidence and that
 * of its neighbours. */
#include "detect.h"
#include "detect_int.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ------------------------------------------------------------------ cp1252 round trip */

/* UTF-8 text -> the bytes it would have been in Windows-1252; -1 if a character has none. */
static int to_cp1252(const char *s, size_t n, vp_buf *out)
{
    size_t i = 0;
    int high = 0;
    while (i < n) {
        int32_t cp;
        int l = vp_utf8_decode_fast(s + i, n - i, &cp);
        if (cp < 0)
            return -1;
        int b = vp_detect_cp1252_byte(cp);
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

static const char *const fix_names[FIX_N] = {"", "double-encoded UTF-8", "TCVN3 read as Windows-1252",
                                             "VNI read as Windows-1252", "VIQR"};

static int viqr_vowel(unsigned char c)
{
    switch (c | 0x20) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
        return 1;
    default:
        return 0;
    }
}

static int viqr_mark(unsigned char c)
{
    switch (c) {
    case '(': case '^': case '+': case '\'': case '`': case '?': case '~': case '.':
        return 1;
    default:
        return 0;
    }
}

int vp_repair_looks_viqr(const char *s, size_t n)
{
    /* both signs need s[i + 1] to be a mark or a d: only there is anything else looked at */
    static const unsigned char second[256] = {['('] = 1, ['^'] = 1, ['+'] = 1, ['\''] = 1, ['`'] = 1,
                                              ['?'] = 1, ['~'] = 1, ['.'] = 1, ['d'] = 1, ['D'] = 1};
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i + 1 < n; i++) {
        if (!second[u[i + 1]])
            continue;
        unsigned char c = u[i], d = u[i + 1];
        if (viqr_vowel(c) && viqr_mark(d) && i + 2 < n &&
            ((unsigned char)s[i + 2] >= 'A' || s[i + 2] == 0 || viqr_mark((unsigned char)s[i + 2])))
            return 1;
        /* a tilde or a grave ends a word ("xa~", "ra`"), where no text puts them */
        if (viqr_vowel(c) && (d == '~' || d == '`') && i > 0 && ((u[i - 1] | 0x20) >= 'a' && (u[i - 1] | 0x20) <= 'z') &&
            (i + 2 >= n || ((u[i + 2] | 0x20) < 'a' || (u[i + 2] | 0x20) > 'z')))
            return 1;
        /* a shape ends a word as well ("nhu+ sau", "mo^ ta?"), where a tone mark may be
         * punctuation ("ok?", "gia.") */
        if (viqr_vowel(c) && (d == '^' || d == '(' || d == '+') && i > 0 && ((u[i - 1] | 0x20) >= 'a' && (u[i - 1] | 0x20) <= 'z'))
            return 1;
        if ((c == 'd' || c == 'D') && (d == 'd' || d == 'D'))
            return 1;
    }
    return 0;
}

/* Is this token (no spaces) made only of characters Windows-1252 has, one of them not ASCII?
 * Returns 1 for such a token, 0 for plain ASCII, -1 for a token with other characters. */
static int token_kind(const char *s, size_t n)
{
    int high = 0;
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int l = vp_utf8_decode_fast(s + i, n - i, &cp);
        if (cp < 0 || vp_detect_cp1252_byte(cp) < 0)
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

/* The Windows-1252 bytes b read with repair `fix` (FIX_DOUBLE, FIX_TCVN3 or FIX_VNI) into out;
 * -1 when they cannot be. */
static int fix_decode(int fix, const vp_buf *b, vp_buf *out)
{
    out->len = 0;
    if (fix == FIX_DOUBLE) {
        if (!vp_utf8_valid(b->data, b->len))
            return -1;
        vp_buf_add(out, b->data, b->len);
        return 0;
    }
    return vp_detect_decode(fix == FIX_TCVN3 ? VP_ENC_TCVN3 : VP_ENC_VNI, (const unsigned char *)b->data, b->len,
                            out, NULL, 0) < 0 ? -1 : 0;
}

/* Does reading sc (of repair `fix`) win?  It must read clearly better than the text as it is
 * (base) and than the best reading tried before it (bestfix, best), which the reading most
 * lines took (prefer) only has to equal, and read as Vietnamese on its own. */
static int fix_wins(const vp_vscore *sc, int fix, const vp_vscore *base, const vp_vscore *best, int bestfix,
                    int prefer)
{
    int key = vp_detect_score_key(sc);
    return key >= vp_detect_score_key(base) + 2 &&
           (bestfix == FIX_NONE || key >= vp_detect_score_key(best) + (fix == prefer ? 0 : 2)) &&
           sc->viet >= base->viet + 1 && 4 * (sc->viet - base->viet) >= sc->words && marked_enough(sc) &&
           sc->marked > 0;
}

/* Does VNI's reading sc (NFC text vni[n]) win over TCVN3's (best, NFC text tcvn3[tn]) that it
 * ties?  The same bytes may be TCVN3's capitals with small toned letters ("THÖ": "THỆ") and
 * VNI's capitals ("THƯ"): the reading whose words are the more common syllables wins, unless
 * TCVN3 is the reading most lines took (prefer). */
static int vni_breaks_tie(const vp_vscore *sc, const vp_vscore *base, const vp_vscore *best, int bestfix,
                          int prefer, const char *vni, size_t n, const char *tcvn3, size_t tn)
{
    return bestfix == FIX_TCVN3 && prefer != FIX_TCVN3 && vp_detect_score_key(sc) == vp_detect_score_key(best) &&
           fix_wins(sc, FIX_VNI, base, base, FIX_NONE, prefer) &&
           vp_detect_frequency(vni, n) > vp_detect_frequency(tcvn3, tn);
}

/* Token s[n] read with repair `fix` into out (NFC); -1 when it cannot be. */
static int fix_token(const char *s, size_t n, int fix, vp_buf *out, vp_buf *t1, vp_buf *t2)
{
    t1->len = 0;
    out->len = 0;
    if (to_cp1252(s, n, t1) < 0 || fix_decode(fix, t1, t2) < 0)
        return -1;
    return vp_detect_nfc(t2->data ? t2->data : "", t2->len, out, NULL, 0);
}

/* Does the token read as Vietnamese, without symbols of Windows-1252's upper half (® ¹ µ ·,
 * the soft hyphen) that legacy bytes leave in mojibake and that no Vietnamese word holds? */
static int latin1_symbols(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int l = vp_utf8_decode_fast(s + i, n - i, &cp);
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
            l = vp_utf8_decode_fast(s + i, n - i, &next);
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
        int l = vp_utf8_decode_fast(s + i, n - i, &cp);
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
static int repair_run(const char *s, size_t n, int left_unicode, int right_unicode, int prefer, vp_buf *out,
                      vp_buf *t1, vp_buf *t2, vp_buf *t3)
{
    vp_vscore base, best;
    if (vp_detect_score_nfc(s, n, t3, &base) < 0) {
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
            vp_vscore sc;
            if (fix_decode(fix, t1, t2) < 0 || vp_detect_score_nfc(t2->data ? t2->data : "", t2->len, t3, &sc) < 0)
                continue;
            if (fix_wins(&sc, fix, &base, &best, bestfix, prefer) ||
                (fix == FIX_VNI && vni_breaks_tie(&sc, &base, &best, bestfix, prefer, t3->data ? t3->data : "", t3->len,
                                                  bestbuf.data ? bestbuf.data : "", bestbuf.len))) {
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
static int repair_runs(const char *s, size_t n, int prefer, vp_buf *out, vp_buf *t1, vp_buf *t2, vp_buf *t3)
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
        int f = repair_run(s + t[k].a, t[last].b - t[k].a, left_uni, right_uni, prefer, &raw, t1, t2, t3);
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
    /* the small letters of U+00E0-U+00FF Vietnamese writes (à á â ã è é ê ì í ò ó ô õ ù ú ý), as
     * bits by their place after U+00E0 */
    const uint32_t viet = 0x263C370F;
    for (size_t i = 0; i + 1 < n; i++) {
        /* only the lead bytes 0xC2 and 0xC3 (U+0080-U+00FF) matter: others are passed over
         * eight at a time */
        while (i + 9 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            w = (w ^ 0xC2C2C2C2C2C2C2C2ULL) & 0xFEFEFEFEFEFEFEFEULL; /* a zero byte: 0xC2 or 0xC3 */
            if ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i + 1 >= n)
            break;
        unsigned char c = (unsigned char)s[i], d = (unsigned char)s[i + 1];
        if (c == 0xC2 && d >= 0x80 && d <= 0xBF && d != 0xA0)
            return 1;
        if (c != 0xC3 || d < 0x80 || d > 0xBF)
            continue;
        unsigned cp = 0xC0 + (d & 0x3F), low = cp <= 0xDE && cp != 0xD7 ? cp + 0x20 : cp;
        if (low < 0xE0 || !((viet >> (low - 0xE0)) & 1))
            return 1;
        unsigned char before = i ? (unsigned char)s[i - 1] : ' ', after = i + 2 < n ? (unsigned char)s[i + 2] : ' ';
        if (cp < 0xDF && before >= 'a' && before <= 'z')
            return 1;
        if (cp >= 0xDF && before >= 'A' && before <= 'Z' && after >= 'A' && after <= 'Z')
            return 1;
    }
    return 0;
}

/* Does reading sc (NFC text r[rn]) of the text's own legacy reading win over the line as it is
 * (base, NFC text b[bn]), which no reading beat?  It must read as well, with as many syllables
 * and marks enough, and differ: VNI's capitals "CÔ QUAN" and TCVN3's "Sè: 15/KH-UBND" are good
 * Vietnamese as Windows-1252 shows them too, and only the lines around say they are "CƠ QUAN"
 * and "Số: 15/KH-UBND". */
static int own_ties(const vp_vscore *sc, const vp_vscore *base, const char *r, size_t rn, const char *b, size_t bn)
{
    return sc->viet > 0 && sc->viet >= base->viet && vp_detect_score_key(sc) >= vp_detect_score_key(base) &&
           marked_enough(sc) && sc->marked > 0 && (rn != bn || memcmp(r, b, rn) != 0);
}

/* Repair one line; appends the NFC result to out and returns the FIX_ kind applied.  prefer
 * (FIX_NONE for none) is the legacy reading most lines of the text took: it wins a tie; with
 * own set, most lines Windows-1252 can hold took it, and it wins a tie with the line as it is
 * too.  *bytes is set when the line is such a line. */
static int repair_line(const char *s, size_t n, int prefer, int own, int *bytes, vp_buf *out, vp_buf *t1, vp_buf *t2,
                       vp_buf *t3)
{
    vp_vscore base, best;
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            ascii = 0;
    int viqr = vp_repair_looks_viqr(s, n);
    *bytes = 0;
    if (ascii && !viqr) {
        vp_detect_nfc(s, n, out, NULL, 0);
        return FIX_NONE;
    }
    t1->len = 0;
    int have_bytes = !ascii && to_cp1252(s, n, t1) == 0;
    *bytes = have_bytes;
    if (!have_bytes && !viqr) { /* no whole-line repair applies: runs inside it, or the line in NFC */
        if (!ascii && line_suspect(s, n)) {
            int f = repair_runs(s, n, prefer, out, t1, t2, t3);
            if (f != FIX_NONE)
                return f;
        }
        if (vp_detect_nfc(s, n, out, NULL, 0) < 0)
            vp_buf_add(out, s, n);
        return FIX_NONE;
    }
    if (vp_detect_score_nfc(s, n, t3, &base) < 0) {
        vp_buf_add(out, s, n);
        return FIX_NONE;
    }
    int bestfix = FIX_NONE;
    best = base;
    vp_buf bestbuf = {0};
    vp_buf_add(&bestbuf, t3->data ? t3->data : "", t3->len);

    size_t nmarks = 0;
    for (int fix = FIX_DOUBLE; fix < FIX_N; fix++) {
        if (fix == FIX_VIQR) {
            t2->len = 0;
            if (!viqr || (nmarks = vp_detect_viqr(s, n, t2)) == 0)
                continue;
        } else if (!have_bytes || fix_decode(fix, t1, t2) < 0) {
            continue;
        }
        vp_vscore sc;
        if (vp_detect_score_nfc(t2->data ? t2->data : "", t2->len, t3, &sc) < 0)
            continue;
        if ((fix_wins(&sc, fix, &base, &best, bestfix, prefer) && (fix != FIX_VIQR || nmarks >= 2)) ||
            (fix == FIX_VNI && vni_breaks_tie(&sc, &base, &best, bestfix, prefer, t3->data ? t3->data : "", t3->len,
                                              bestbuf.data ? bestbuf.data : "", bestbuf.len))) {
            best = sc;
            bestfix = fix;
            bestbuf.len = 0;
            vp_buf_add(&bestbuf, t3->data ? t3->data : "", t3->len);
        }
    }
    if (bestfix == FIX_NONE && own && have_bytes && (prefer == FIX_TCVN3 || prefer == FIX_VNI) &&
        fix_decode(prefer, t1, t2) == 0) {
        vp_vscore sc;
        if (vp_detect_score_nfc(t2->data ? t2->data : "", t2->len, t3, &sc) == 0 &&
            own_ties(&sc, &base, t3->data ? t3->data : "", t3->len, bestbuf.data ? bestbuf.data : "", bestbuf.len)) {
            bestfix = prefer;
            bestbuf.len = 0;
            vp_buf_add(&bestbuf, t3->data ? t3->data : "", t3->len);
        }
    }
    if (bestfix == FIX_NONE && !have_bytes && !ascii && line_suspect(s, n)) {
        int f = repair_runs(s, n, prefer, out, t1, t2, t3);
        if (f != FIX_NONE) {
            vp_buf_free(&bestbuf);
            return f;
        }
    }
    vp_buf_add(out, bestbuf.data ? bestbuf.data : "", bestbuf.len);
    vp_buf_free(&bestbuf);
    return bestfix;
}

static void fixlog_add(vp_fixlog *fl, int fix, size_t line)
{
    if (!fl->count[fix]++)
        fl->first[fix] = line;
    fl->last[fix] = line;
}

void vp_fixlog_report(const vp_fixlog *fl, vp_diags *diags)
{
    for (int f = FIX_DOUBLE; f < FIX_N; f++)
        if (fl->count[f])
            vp_diag_add(diags, "encoding", (int)fl->first[f],
                        "repaired %zu line%s of %s (lines %zu-%zu), decoded and normalised to NFC",
                        fl->count[f], fl->count[f] == 1 ? "" : "s", fix_names[f], fl->first[f], fl->last[f]);
}

/* Repairs the text line by line (repair_line) into out, the fixes into fl and their number into
 * *nfixed; *nbytes: the lines Windows-1252 can hold (beyond ASCII). */
static void repair_pass(const char *s, size_t n, int prefer, int own, vp_buf *out, vp_fixlog *fl, size_t *nfixed,
                        size_t *nbytes, vp_buf *t1, vp_buf *t2, vp_buf *t3)
{
    size_t line = 1, i = 0;
    memset(fl, 0, sizeof *fl);
    *nfixed = 0;
    *nbytes = 0;
    while (i < n) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        /* a CRLF line's CR goes with its LF (alone, read as a line break of its own, it doubled
         * every line of a text written on Windows) */
        size_t le = nl && e > i && s[e - 1] == '\r' ? e - 1 : e;
        int bytes = 0;
        int fix = repair_line(s + i, le - i, prefer, own, &bytes, out, t1, t2, t3);
        *nbytes += (size_t)bytes;
        if (fix != FIX_NONE) {
            fixlog_add(fl, fix, line);
            (*nfixed)++;
        }
        if (nl)
            vp_buf_addc(out, '\n');
        i = nl ? e + 1 : n;
        line++;
    }
}

/* Lines are repaired one by one.  When some took TCVN3 and others VNI, the text is repaired
 * again with the reading most lines took winning ties: a short line such as "- Coâng ty QISC;"
 * reads as well in either, and its neighbours say which it is.  When the lines of one reading
 * are more than half the lines Windows-1252 can hold, the text is in it, shown as Windows-1252:
 * it is repaired again with that reading winning a tie with a line as it is too (VNI's capitals
 * "CÔ QUAN" among "KEÁ HOAÏCH" and "Trieån khai"). */
int vp_repair_lines(const char *s, size_t n, vp_buf *out, vp_fixlog *fl, size_t *nfixed)
{
    vp_buf t1 = {0}, t2 = {0}, t3 = {0};
    size_t start = out->len, nbytes = 0;
    repair_pass(s, n, FIX_NONE, 0, out, fl, nfixed, &nbytes, &t1, &t2, &t3);
    size_t t3n = fl->count[FIX_TCVN3], vnin = fl->count[FIX_VNI];
    int prefer = t3n > vnin ? FIX_TCVN3 : vnin > t3n ? FIX_VNI : FIX_NONE;
    int own = prefer != FIX_NONE && 2 * fl->count[prefer] > nbytes && fl->count[prefer] < nbytes;
    if (prefer != FIX_NONE && ((t3n && vnin) || own)) {
        out->len = start;
        repair_pass(s, n, prefer, own, out, fl, nfixed, &nbytes, &t1, &t2, &t3);
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
    vp_fixlog fl;
    memset(&fl, 0, sizeof fl);
    size_t nfixed = 0;
    vp_buf_reserve(out, n);
    vp_repair_lines(s, n, out, &fl, &nfixed);
    if (repaired)
        *repaired = nfixed > 0;
    vp_fixlog_report(&fl, diags);
    return 0;
}

