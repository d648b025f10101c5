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
    if (b->len + 5 > b->cap)
        vp_buf_reserve(b, 4);
    b->len += (size_t)vp_utf8_encode(cp, b->data + b->len);
    b->data[b->len] = 0;
}

/* ------------------------------------------------------------------ syllables */

/* Letters after removing the tone: plain a-z, and â ă ê ô ơ ư đ as A B E O P U D.
 * Onsets: "" b c ch d D g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x. */
static int is_onset(const char *w, size_t ol)
{
    switch (ol) {
    case 0:
        return 1;
    case 1:
        switch (w[0]) {
        case 'b': case 'c': case 'd': case 'D': case 'g': case 'h': case 'k': case 'l':
        case 'm': case 'n': case 'p': case 'r': case 's': case 't': case 'v': case 'x':
            return 1;
        default:
            return 0;
        }
    case 2: {
        static const char two[][3] = {"ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr"};
        for (size_t i = 0; i < sizeof two / sizeof two[0]; i++)
            if (w[0] == two[i][0] && w[1] == two[i][1])
                return 1;
        return 0;
    }
    case 3:
        return w[0] == 'n' && w[1] == 'g' && w[2] == 'h';
    default:
        return 0;
    }
}

/* Rimes (at most four letters), each packed big-endian into 32 bits so that numeric order is
 * strcmp order; sorted, for a binary search.  "ăk" and "uk" (stops, as "ăc", "uc") are rimes of
 * the names of the Central Highlands' places as they are officially written ("Đắk Lắk", "Đăk
 * Glei", "Krông Búk"). */
static const uint32_t rimes[] = {
    0x41630000 /* Ac */, 0x416D0000 /* Am */, 0x416E0000 /* An */, 0x416E6700 /* Ang */,
    0x41700000 /* Ap */, 0x41740000 /* At */, 0x41750000 /* Au */, 0x41790000 /* Ay */,
    0x42630000 /* Bc */, 0x426B0000 /* Bk */, 0x426D0000 /* Bm */, 0x426E0000 /* Bn */,
    0x426E6700 /* Bng */, 0x42700000 /* Bp */, 0x42740000 /* Bt */, 0x45000000 /* E */, 0x45636800 /* Ech */,
    0x456D0000 /* Em */, 0x456E0000 /* En */, 0x456E6800 /* Enh */, 0x45700000 /* Ep */,
    0x45740000 /* Et */, 0x45750000 /* Eu */, 0x4F000000 /* O */, 0x4F630000 /* Oc */,
    0x4F690000 /* Oi */, 0x4F6D0000 /* Om */, 0x4F6E0000 /* On */, 0x4F6E6700 /* Ong */,
    0x4F700000 /* Op */, 0x4F740000 /* Ot */, 0x50000000 /* P */, 0x50690000 /* Pi */,
    0x506D0000 /* Pm */, 0x506E0000 /* Pn */, 0x50700000 /* Pp */, 0x50740000 /* Pt */,
    0x55000000 /* U */, 0x55506300 /* UPc */, 0x55506900 /* UPi */, 0x55506D00 /* UPm */,
    0x55506E00 /* UPn */, 0x55506E67 /* UPng */, 0x55507000 /* UPp */, 0x55507400 /* UPt */,
    0x55507500 /* UPu */, 0x55610000 /* Ua */, 0x55630000 /* Uc */, 0x55690000 /* Ui */,
    0x556D0000 /* Um */, 0x556E0000 /* Un */, 0x556E6700 /* Ung */, 0x55740000 /* Ut */,
    0x55750000 /* Uu */, 0x61000000 /* a */, 0x61630000 /* ac */, 0x61636800 /* ach */,
    0x61690000 /* ai */, 0x616D0000 /* am */, 0x616E0000 /* an */, 0x616E6700 /* ang */,
    0x616E6800 /* anh */, 0x616F0000 /* ao */, 0x61700000 /* ap */, 0x61740000 /* at */,
    0x61750000 /* au */, 0x61790000 /* ay */, 0x65000000 /* e */, 0x65630000 /* ec */,
    0x656D0000 /* em */, 0x656E0000 /* en */, 0x656E6700 /* eng */, 0x656F0000 /* eo */,
    0x65700000 /* ep */, 0x65740000 /* et */, 0x69000000 /* i */, 0x69456300 /* iEc */,
    0x69456D00 /* iEm */, 0x69456E00 /* iEn */, 0x69456E67 /* iEng */, 0x69457000 /* iEp */,
    0x69457400 /* iEt */, 0x69457500 /* iEu */, 0x69610000 /* ia */, 0x69636800 /* ich */,
    0x696D0000 /* im */, 0x696E0000 /* in */, 0x696E6800 /* inh */, 0x69700000 /* ip */,
    0x69740000 /* it */, 0x69750000 /* iu */, 0x6F000000 /* o */, 0x6F426300 /* oBc */,
    0x6F426D00 /* oBm */, 0x6F426E00 /* oBn */, 0x6F426E67 /* oBng */, 0x6F427400 /* oBt */,
    0x6F610000 /* oa */, 0x6F616300 /* oac */, 0x6F616368 /* oach */, 0x6F616900 /* oai */,
    0x6F616D00 /* oam */, 0x6F616E00 /* oan */, 0x6F616E67 /* oang */, 0x6F616E68 /* oanh */,
    0x6F616F00 /* oao */, 0x6F617000 /* oap */, 0x6F617400 /* oat */, 0x6F617900 /* oay */,
    0x6F630000 /* oc */, 0x6F650000 /* oe */, 0x6F656300 /* oec */, 0x6F656D00 /* oem */,
    0x6F656E00 /* oen */, 0x6F656F00 /* oeo */, 0x6F657400 /* oet */, 0x6F690000 /* oi */,
    0x6F6D0000 /* om */, 0x6F6E0000 /* on */, 0x6F6E6700 /* ong */, 0x6F6F6300 /* ooc */,
    0x6F6F6E67 /* oong */, 0x6F700000 /* op */, 0x6F740000 /* ot */, 0x75000000 /* u */,
    0x75416E00 /* uAn */, 0x75416E67 /* uAng */, 0x75417400 /* uAt */, 0x75417900 /* uAy */,
    0x75450000 /* uE */, 0x75456368 /* uEch */, 0x75456E68 /* uEnh */, 0x754F6300 /* uOc */,
    0x754F6900 /* uOi */, 0x754F6D00 /* uOm */, 0x754F6E00 /* uOn */, 0x754F6E67 /* uOng */,
    0x754F7400 /* uOt */, 0x75500000 /* uP */, 0x75610000 /* ua */, 0x75630000 /* uc */,
    0x75690000 /* ui */, 0x756B0000 /* uk */, 0x756D0000 /* um */, 0x756E0000 /* un */, 0x756E6700 /* ung */,
    0x75700000 /* up */, 0x75740000 /* ut */, 0x75790000 /* uy */, 0x7579456E /* uyEn */,
    0x75794574 /* uyEt */, 0x75796100 /* uya */, 0x75796368 /* uych */, 0x75796E00 /* uyn */,
    0x75796E68 /* uynh */, 0x75797000 /* uyp */, 0x75797400 /* uyt */, 0x75797500 /* uyu */,
    0x79000000 /* y */, 0x79456D00 /* yEm */, 0x79456E00 /* yEn */, 0x79456E67 /* yEng */,
    0x79457400 /* yEt */, 0x79457500 /* yEu */};

static int is_rime(const char *r, size_t n)
{
    if (n == 0 || n > 4)
        return 0;
    uint32_t key = 0;
    for (size_t i = 0; i < 4; i++)
        key = key << 8 | (i < n ? (unsigned char)r[i] : 0);
    size_t lo = 0, hi = sizeof rimes / sizeof rimes[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (rimes[mid] == key)
            return 1;
        if (rimes[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Can a rime begin with this letter: a vowel (a e i o u y, or A B E O P U for the marked ones)? */
static int rime_start(char c)
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case 'A': case 'B': case 'E': case 'O': case 'P': case 'U':
        return 1;
    default:
        return 0;
    }
}

/* Can the onset w[0..ol) stand before the rime "y" alone: d h k l m n qu s t th v? */
static int lone_y_onset(const char *w, size_t ol)
{
    if (ol == 1)
        return w[0] == 'd' || w[0] == 'h' || w[0] == 'k' || w[0] == 'l' || w[0] == 'm' || w[0] == 'n' ||
               w[0] == 's' || w[0] == 't' || w[0] == 'v';
    return ol == 2 && ((w[0] == 'q' && w[1] == 'u') || (w[0] == 't' && w[1] == 'h'));
}

/* w[0..n): the word in the tone-less alphabet above; tone: 0 none, else the combining mark. */
static int is_syllable(const char *w, size_t n, int32_t tone)
{
    if (n == 0 || n > 8)
        return 0;
    for (size_t ol = 0; ol < n && ol <= 3; ol++) {
        /* every rime begins with a vowel */
        if (!rime_start(w[ol]) || !is_onset(w, ol))
            continue;
        const char *r = w + ol;
        if (!is_rime(r, n - ol))
            continue;
        size_t rl = n - ol;
        int stop = r[rl - 1] == 'c' || r[rl - 1] == 'k' || r[rl - 1] == 'p' || r[rl - 1] == 't' ||
                   (rl >= 2 && r[rl - 2] == 'c' && r[rl - 1] == 'h');
        if (stop && tone && tone != 0x0301 && tone != 0x0323)
            continue;
        /* "y" alone follows few onsets ("ty", "kỹ", "quý", "Thy"); after the others "i" is
         * written ("chi", "trí", "nhỉ"): VISCII's "chú" as TCVN3 is no "chỳ" */
        if (rl == 1 && r[0] == 'y' && ol > 0 && !lone_y_onset(w, ol))
            continue;
        return 1;
    }
    return 0;
}

static int is_tone(int32_t c)
{
    return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

/* Case-folded canonical decompositions of the characters met in one scoring call (a text
 * uses few distinct letters, and utf8proc_decompose_char is the costly step). */
#define DEC_SLOTS 256
typedef struct deccache {
    int32_t cp[DEC_SLOTS];
    int8_t n[DEC_SLOTS];
    int32_t d[DEC_SLOTS][4];
} deccache;

static utf8proc_ssize_t decompose_fold(deccache *dc, int32_t cp, int32_t *dec)
{
    /* the Vietnamese letters from a table; other characters from utf8proc, kept in dc */
    const vp_fold_entry *f = cp >= 0xC0 && cp <= 0x1BF       ? &vp_tab_fold_lat[cp - 0xC0]
                             : cp >= 0x1EA0 && cp <= 0x1EFF ? &vp_tab_fold_viet[cp - 0x1EA0]
                                                            : NULL;
    if (f && f->n >= 0) {
        for (int k = 0; k < 4; k++)
            dec[k] = f->cp[k];
        return f->n;
    }
    unsigned slot = (unsigned)cp % DEC_SLOTS;
    if (dc->cp[slot] == cp) {
        memcpy(dec, dc->d[slot], sizeof dc->d[slot]);
        return dc->n[slot];
    }
    int last = 0;
    utf8proc_ssize_t nd = utf8proc_decompose_char(cp, dec, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, &last);
    if (nd >= 0 && nd <= 4) {
        dc->cp[slot] = cp;
        dc->n[slot] = (int8_t)nd;
        memcpy(dc->d[slot], dec, sizeof dc->d[slot]);
    }
    return nd;
}

/* Check one token (already trimmed of punctuation).  Returns 1 valid syllable, 0 not;
 * *marked set when it carries a diacritic. */
static int check_token(const char *s, size_t n, int *marked, deccache *dc)
{
    char w[16];
    size_t wl = 0;
    int32_t tone = 0;
    int ntone = 0;
    *marked = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) { /* ASCII: only letters (case-folded) can be part of a syllable */
            int32_t c = b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
            if (wl + 1 >= sizeof w || c < 'a' || c > 'z' || c == 'f' || c == 'j' || c == 'w' || c == 'z')
                return 0;
            w[wl++] = (char)c;
            i++;
            continue;
        }
        int32_t cp;
        int l = vp_utf8_decode_fast(s + i, n - i, &cp);
        i += (size_t)l;
        if (cp < 0)
            return 0;
        utf8proc_int32_t dec[8];
        utf8proc_ssize_t nd = decompose_fold(dc, cp, dec);
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
                /* a tone sits on a vowel: "Ñ" (VNI's "Đ" as Windows-1252 shows it) is no letter */
                if (wl == 0 || !rime_start(w[wl - 1]))
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
    return is_syllable(w, wl, tone);
}

int vp_detect_syllable(const char *s, size_t n)
{
    deccache dc;
    for (size_t k = 0; k < DEC_SLOTS; k++)
        dc.cp[k] = -1;
    int marked;
    return n > 0 && check_token(s, n, &marked, &dc);
}

/* Letters (L*) and, for is_wordchar, marks (M*); ASCII answered without a table lookup. */
static int is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static int is_wordchar(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

static int is_space(int32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0; }

/* One character at s[i] (n > i): its code point (-1 when invalid) and length. */
static inline int next_cp(const char *s, size_t i, size_t n, int32_t *cp)
{
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    return vp_utf8_decode_fast(s + i, n - i, cp);
}

/* vp_detect_score; with wt, each token of line k (lines end with '\n') counts wt[k] times. */
static void score_text(const char *s, size_t n, const size_t *wt, vp_vscore *sc)
{
    memset(sc, 0, sizeof *sc);
    deccache dc;
    for (size_t k = 0; k < DEC_SLOTS; k++)
        dc.cp[k] = -1;
    size_t i = 0, line = 0;
    while (i < n) {
        int32_t cp;
        int l = next_cp(s, i, n, &cp);
        if (cp >= 0 && is_space(cp)) {
            line += cp == '\n';
            i += (size_t)l;
            continue;
        }
        /* one token: up to the next space */
        size_t start = i, end = i;
        int has_letter = 0;
        while (end < n) {
            l = next_cp(s, end, n, &cp);
            if (cp >= 0 && is_space(cp))
                break;
            if (!has_letter && cp >= 0 && is_letter(cp))
                has_letter = 1;
            end += (size_t)l;
        }
        i = end;
        if (!has_letter)
            continue;
        /* trim leading/trailing characters that are not letters */
        size_t a = start, b = end;
        while (a < b) {
            l = next_cp(s, a, b, &cp);
            if (cp >= 0 && is_letter(cp))
                break;
            a += (size_t)l;
        }
        while (b > a) {
            size_t p = b - 1;
            while (p > a && ((unsigned char)s[p] & 0xC0) == 0x80)
                p--;
            next_cp(s, p, b, &cp);
            if (cp >= 0 && is_wordchar(cp))
                break;
            b = p;
        }
        /* a name of the Central Highlands joins a consonant to a word by an apostrophe
         * ("H'Ngọc", "Đắk R'Moan"): the word after it is what reads as a syllable (after a
         * vowel the apostrophe is VIQR's acute, "A'o") */
        if (b - a > 2 && (unsigned char)s[a] < 0x80 && !rime_start((char)(s[a] | 0x20))) {
            if (s[a + 1] == '\'')
                a += 2;
            else if (b - a > 4 && memcmp(s + a + 1, "\xE2\x80\x99", 3) == 0)
                a += 4;
        }
        size_t w = wt ? wt[line] : 1;
        sc->words += w;
        for (size_t k = a; k < b; k++)
            if ((unsigned char)s[k] >= 0x80) {
                sc->accented += w;
                break;
            }
        int marked;
        if (check_token(s + a, b - a, &marked, &dc)) {
            sc->viet += w;
            if (marked)
                sc->marked += w;
        }
    }
}

void vp_detect_score(const char *s, size_t n, vp_vscore *sc) { score_text(s, n, NULL, sc); }

/* A comparable number: valid syllables minus words that are not. */
long vp_detect_score_key(const vp_vscore *sc) { return 2 * (long)sc->viet - (long)sc->words; }

static int syllable_cmp(const void *k, const void *e) { return strcmp(k, ((const vp_syllable *)e)->s); }

/* The rhyme of a syllable folded to lower case: what follows its first consonants, the "u"
 * of "qu" and the "i" of "gi" before a vowel counted with them ("tống" -> "ống"). */
static const char *rhyme_of(const char *w)
{
    const unsigned char *p = (const unsigned char *)w;
    for (;;) {
        if (*p && *p < 0x80 && !strchr("aeiouy", *p))
            p++;
        else if (p[0] == 0xC4 && p[1] == 0x91) /* đ */
            p += 2;
        else
            break;
    }
    if ((const char *)p > w && (p[-1] == 'q' || (p[-1] == 'g' && *p == 'i')) && p[1])
        p++;
    return (const char *)p;
}

/* How common the rhyme of a syllable (folded to lower case) is: the sum of the weights of the
 * frequent syllables that rhyme with it, looked up in the table made with theirs
 * (vp_tab_rhymes).  A name outside the syllable table reads the more likely in the reading
 * whose rhymes are common ("Tống" rather than "Toỏng"). */
static int rhyme_cmp(const void *k, const void *e) { return strcmp(k, ((const vp_rhyme *)e)->s); }

static long rhyme_weight(const char *w)
{
    const vp_rhyme *hit = bsearch(rhyme_of(w), vp_tab_rhymes, vp_tab_rhymes_n, sizeof *vp_tab_rhymes, rhyme_cmp);
    return hit ? (long)hit->weight : 0;
}

/* How common the words of NFC text are: the sum of the weights (vp_tab_syllables) of its
 * tokens, folded to lower case, that are frequent syllables.  Breaks ties between readings.
 * With wt, each token of line k (lines end with '\n') counts wt[k] times.  With rhyme, the
 * sum of the rhyme weights of the tokens that are no frequent syllable goes to *rhyme. */
static long frequency_score(const char *s, size_t n, const size_t *wt, long *rhyme)
{
    long sum = 0;
    char w[64];
    size_t line = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            line += s[i++] == '\n';
        size_t j = i, k = 0;
        int fit = 1;
        while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r') {
            int32_t cp;
            int l = vp_utf8_decode(s + j, n - j, &cp);
            if (l <= 0)
                l = 1;
            j += (size_t)l;
            if (cp < 0 || !is_letter(cp)) {
                if (cp < 0 || cp >= 0x80)
                    fit = 0; /* a sign among letters ("§¶i"): no syllable */
                if (k || !fit)
                    break; /* ASCII punctuation, letters, then what trails them */
                continue;
            }
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t el = utf8proc_encode_char(utf8proc_tolower(cp), enc);
            if (el <= 0 || k + (size_t)el >= sizeof w) {
                fit = 0;
                break;
            }
            memcpy(w + k, enc, (size_t)el);
            k += (size_t)el;
        }
        while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r')
            j++;
        i = j;
        if (!fit || !k)
            continue;
        w[k] = 0;
        const vp_syllable *hit = bsearch(w, vp_tab_syllables, vp_tab_syllables_n, sizeof *vp_tab_syllables, syllable_cmp);
        if (hit)
            sum += (long)hit->weight * (wt ? (long)wt[line] : 1);
        else if (rhyme)
            *rhyme += rhyme_weight(w) * (wt ? (long)wt[line] : 1);
    }
    return sum;
}

long vp_detect_frequency(const char *s, size_t n) { return frequency_score(s, n, NULL, NULL); }

/* Is cp, not ASCII, a letter of Vietnamese (its vowels with marks, đ)? */
static int viet_letter(int32_t cp)
{
    static const char latin[] = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư";
    if (cp >= 0x1EA0 && cp <= 0x1EF9)
        return 1;
    if (cp < 0xC0 || cp > 0x1B0)
        return 0;
    char u[8];
    int l = vp_utf8_encode(cp, u);
    u[l] = 0;
    return strstr(latin, u) != NULL;
}

/* Words (letters joined by "-" or ".") holding a letter that is not ASCII whose case is not
 * that of a word: returns those mixing capitals and small letters otherwise than a capital
 * before small ones ("tÌnh", "TỪng" against "tỉnh", "Tống"), or holding a letter Vietnamese
 * has not ("NÐ-CP", with an Icelandic eth); *soft: those whose small letters are all marked
 * letters among ASCII capitals, as TCVN3 writes capitals with tones ("Né-CP", "HOạCH"), where
 * another reading may have "NĐ-CP".  Break ties between readings that the syllables leave
 * tied.  With wt, each word of line k counts wt[k] times. */
static size_t odd_case(const char *s, size_t n, const size_t *wt, size_t *soft)
{
    size_t odd = 0, line = 0, letters = 0, upper = 0, ascii_small = 0;
    int high = 0, first_upper = 0, foreign = 0;
    *soft = 0;
    for (size_t i = 0; i <= n;) {
        int32_t cp = -1;
        int l = 1;
        if (i < n)
            l = vp_utf8_decode(s + i, n - i, &cp);
        i += (size_t)(l > 0 ? l : 1);
        if (cp >= 0 && is_letter(cp)) {
            int up = cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : utf8proc_toupper(cp) == cp && utf8proc_tolower(cp) != cp;
            if (letters == 0)
                first_upper = up;
            if (cp >= 0x80) {
                high = 1;
                foreign |= !viet_letter(cp);
            } else {
                ascii_small += (size_t)!up;
            }
            upper += (size_t)up;
            letters++;
            continue;
        }
        if ((cp == '-' || cp == '.') && letters)
            continue;
        /* the word ends */
        if (high && (foreign || (upper && upper < letters && !(first_upper && upper == 1)))) {
            size_t w = wt ? wt[line] : 1;
            if (!foreign && ascii_small == 0)
                *soft += w;
            else
                odd += w;
        }
        line += cp == '\n';
        letters = upper = ascii_small = 0;
        high = first_upper = foreign = 0;
    }
    return odd;
}

/* ------------------------------------------------------------------ decoding */

/* The code pages read through iconv, in the order of vp_iconvs' slots. */
enum { IC_VISCII, IC_CP1258, IC_VN1 };
static const char *const iconv_names[VP_ICONV_N] = {[IC_VISCII] = "VISCII", [IC_CP1258] = "CP1258",
                                                    [IC_VN1] = "TCVN5712-1"};

struct vp_iconvs {
    iconv_t cd[VP_ICONV_N];
};

vp_iconvs *vp_iconvs_new(void)
{
    vp_iconvs *ic = vp_xmalloc(sizeof *ic);
    for (int k = 0; k < VP_ICONV_N; k++)
        ic->cd[k] = (iconv_t)-1;
    return ic;
}

void vp_iconvs_free(vp_iconvs *ic)
{
    if (!ic)
        return;
    for (int k = 0; k < VP_ICONV_N; k++)
        if (ic->cd[k] != (iconv_t)-1)
            iconv_close(ic->cd[k]);
    free(ic);
}

/* Decodes with the iconv code page `which`: through ic's descriptor (opened at its first use,
 * then brought back to the initial state before each use), or, without ic, through one
 * opened for this call. */
static int iconv_decode(vp_iconvs *ic, int which, const unsigned char *s, size_t n, vp_buf *out, char *err,
                        size_t errlen)
{
    const char *from = iconv_names[which];
    iconv_t cd = ic ? ic->cd[which] : (iconv_t)-1;
    if (cd == (iconv_t)-1) {
        cd = iconv_open("UTF-8", from);
        if (cd == (iconv_t)-1) {
            char m[128];
            snprintf(m, sizeof m, "iconv cannot convert from %s", from);
            set_err(err, errlen, m);
            return -1;
        }
        if (ic)
            ic->cd[which] = cd;
    } else {
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    char *in = (char *)s;
    size_t inleft = n;
    int rc = 0;
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
            set_err(err, errlen, "iconv failed");
            rc = -1;
            break;
        }
    }
    if (rc == 0) {
        /* flush any pending combined character */
        vp_buf_reserve(out, 16);
        char *o = out->data + out->len;
        size_t oleft = out->cap - out->len - 1;
        iconv(cd, NULL, NULL, &o, &oleft);
        out->len = (size_t)(o - out->data);
        out->data[out->len] = 0;
    }
    if (!ic)
        iconv_close(cd);
    return rc;
}

static int vni_pair(unsigned a, unsigned b)
{
    if (b < vp_tab_vni2_mark_min) /* most bytes after a letter: no pair to look for */
        return -1;
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

/* The "." at s[k] ends a paragraph after a vowel: is it rather the dot below of its word, the
 * word so marked a more frequent syllable than the word without it ("nhie^.m vu." is "nhiệm
 * vụ", "Chi? thi." "Chỉ thị"; "tham gia." and "giao lu+u." end with a full stop)? */
static int viqr_word_marked(const char *s, size_t k)
{
    size_t w = k;
    while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '\t' && s[w - 1] != '\n' && s[w - 1] != '\r' && k - w < 40)
        w--;
    vp_buf d = {0}, nf = {0};
    long f[2] = {0, 0};
    for (int m = 0; m < 2; m++) { /* the word without the mark, then with it */
        d.len = nf.len = 0;
        vp_detect_viqr(s + w, k + (size_t)m - w, &d);
        if (d.data && vp_detect_nfc(d.data, d.len, &nf, NULL, 0) == 0 && nf.data)
            f[m] = frequency_score(nf.data, nf.len, NULL, NULL);
    }
    vp_buf_free(&d);
    vp_buf_free(&nf);
    return f[1] > f[0];
}

/* Is the "." at s[k], after a vowel, a full stop rather than the dot-below tone?  At the end
 * of a paragraph of prose ("… người dân tham gia." and a blank line or the end: a paragraph of
 * 80 bytes or more, its last line not in capitals (a heading), and not a line wrapped inside
 * a sentence, whose last word may well carry the dot below), and after a heading's numeral or
 * letter at the start of a line ("I. MỤC TIÊU", "A. MỤC ĐÍCH"). */
static int viqr_period(const char *s, size_t n, size_t k)
{
    if (s[k] != '.')
        return 0;
    if (k + 1 >= n || s[k + 1] == '\n' || s[k + 1] == '\r') {
        size_t e = k + 1;
        while (e < n && (s[e] == '\r' || s[e] == ' ' || s[e] == '\t'))
            e++;
        if (e < n && s[e] == '\n') { /* the line after: blank? */
            e++;
            while (e < n && (s[e] == '\r' || s[e] == ' ' || s[e] == '\t'))
                e++;
            if (e < n && s[e] != '\n')
                return 0;
        }
        size_t l = k; /* its line: in capitals, a heading ("MU+`NG XUA^N A^'T TY.") */
        while (l > 0 && s[l - 1] != '\n')
            l--;
        int lower = 0;
        for (size_t j = l; j < k && !lower; j++)
            lower = s[j] >= 'a' && s[j] <= 'z';
        if (!lower)
            return 0;
        size_t a = k; /* the paragraph's start: after the blank line before it */
        while (a > 0 && !(s[a - 1] == '\n' && a >= 2 && (s[a - 2] == '\n' || s[a - 2] == '\r')) && k - a < 80)
            a--;
        return k - a >= 80 && !viqr_word_marked(s, k);
    }
    if (s[k + 1] != ' ')
        return 0;
    size_t a = k;
    while (a > 0 && s[a - 1] >= 'A' && s[a - 1] <= 'Z')
        a--;
    if (a == k || (k - a > 1 && strspn(s + a, "IVXLC") < k - a))
        return 0; /* one capital, or a Roman numeral */
    while (a > 0 && (s[a - 1] == ' ' || s[a - 1] == '\t'))
        a--;
    return a == 0 || s[a - 1] == '\n';
}

/* VIQR over UTF-8 text (non-ASCII passes through). Returns how many marks were decoded. */
size_t vp_detect_viqr(const char *s, size_t n, vp_buf *out)
{
    size_t marks = 0;
    unsigned char ismark[256] = {0}; /* bytes that are the mark of a shape or tone rule */
    unsigned char isletter[256] = {0}; /* bytes that start a letter rule's mnemonic */
    for (size_t k = 0; k < vp_tab_viqr_n; k++) {
        if (vp_tab_viqr[k].kind != VP_VIQR_LETTER)
            ismark[(unsigned char)vp_tab_viqr[k].mark[0]] = 1;
        else
            isletter[(unsigned char)vp_tab_viqr[k].mark[0]] = 1;
    }
    /* a text that escapes a full stop somewhere ("tham gia\.") escapes them all: every other
     * "." after a vowel is the dot below, as the standard says */
    int escapes = memmem(s, n, "\\.", 2) != NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' && i + 1 < n && viqr_is_mark((unsigned char)s[i + 1])) {
            vp_buf_addc(out, s[++i]);
            continue;
        }
        int done = 0;
        for (size_t k = 0; k < vp_tab_viqr_n && !done && isletter[c]; k++) {
            const vp_viqr_rule *r = &vp_tab_viqr[k];
            if (r->kind != VP_VIQR_LETTER || r->mark[0] != (char)c)
                continue;
            size_t ml = strlen(r->mark);
            if (i + ml <= n && memcmp(s + i, r->mark, ml) == 0) {
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
        if (i + 1 >= n || !ismark[(unsigned char)s[i + 1]])
            continue;
        if (i + 1 < n && (r = viqr_rule(VP_VIQR_SHAPE, (unsigned char)s[i + 1], c))) {
            add_cp(out, r->cp);
            i++;
            marks++;
        }
        if (i + 1 < n && (r = viqr_rule(VP_VIQR_TONE, (unsigned char)s[i + 1], c)) &&
            (escapes || !viqr_period(s, n, i + 1))) {
            add_cp(out, r->cp);
            i++;
            marks++;
        }
    }
    return marks;
}

int vp_detect_decode(vp_enc e, const unsigned char *s, size_t n, vp_buf *out, char *err, size_t errlen)
{
    return vp_detect_decode_ic(NULL, e, s, n, out, err, errlen);
}

int vp_detect_decode_ic(vp_iconvs *ic, vp_enc e, const unsigned char *s, size_t n, vp_buf *out, char *err,
                        size_t errlen)
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
        return iconv_decode(ic, IC_VISCII, s, n, out, err, errlen);
    case VP_ENC_CP1258:
        return iconv_decode(ic, IC_CP1258, s, n, out, err, errlen);
    case VP_ENC_VN1:
        return iconv_decode(ic, IC_VN1, s, n, out, err, errlen);
    default:
        set_err(err, errlen, "unknown encoding");
        return -1;
    }
}

/* NFC quick check (UAX #15) restricted to characters whose NFC_Quick_Check is Yes and whose
 * combining class is 0: everything below U+0300 (ASCII, Latin-1, Latin Extended-A/B with
 * ơ ư đ ă), the precomposed Vietnamese letters U+1EA0-U+1EF9, and general punctuation and
 * currency signs (U+2010-U+2027, U+2030-U+205E, U+20A0-U+20C0; U+2000-U+200F are left out
 * because U+2000/U+2001 are singletons).  A text made only of these is already NFC.  Returns 0
 * for anything else, including invalid UTF-8, and then the caller normalises in full. */
/* Characters that are their own NFC whatever surrounds them (starters with NFC_QC=Yes):
 * ASCII, U+0080-U+02FF, the Vietnamese letters U+1EA0-U+1EF9, common punctuation and
 * currency signs.  Text may be split before any of them and normalised piece by piece. */
static inline int nfc_stable(int32_t cp)
{
    return cp >= 0 && (cp < 0x300 || (cp >= 0x1EA0 && cp <= 0x1EF9) || (cp >= 0x2010 && cp <= 0x2027) ||
                       (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20C0));
}

static int nfc_quick_yes(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int l = vp_utf8_decode_fast(s + i, n - i, &cp);
        if (!nfc_stable(cp))
            return 0;
        i += (size_t)l;
    }
    return 1;
}

/* Append NFC text d[0..r) to out without NUL, stray control characters, C1 controls and stray
 * BOMs; CRLF and lone CR become LF. */
static void add_filtered(const unsigned char *d, size_t r, vp_buf *out)
{
    /* bytes that may be dropped or changed: controls (and CR), DEL, 0xC2 (a C1 control's
     * lead) and 0xEF (a BOM's); runs of the others are copied as they are */
    static const unsigned char special[256] = {
        [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
        [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1,
        [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
        [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
        [0x7F] = 1, [0xC2] = 1, [0xEF] = 1};
    vp_buf_reserve(out, r);
    char *o = out->data + out->len;
    for (size_t i = 0; i < r; i++) {
        size_t j = i;
        while (j < r && !special[d[j]])
            j++;
        if (j > i) {
            memcpy(o, d + i, j - i);
            o += j - i;
            i = j;
            if (i >= r)
                break;
        }
        unsigned char c = d[i];
        if (c == '\r') {
            if (i + 1 < r && d[i + 1] == '\n')
                continue;
            c = '\n';
        }
        if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || c == 0x7F)
            continue;
        if (c == 0xC2 && i + 1 < r && d[i + 1] >= 0x80 && d[i + 1] <= 0x9F) { /* C1 control */
            i++;
            continue;
        }
        if (c == 0xEF && i + 2 < r && d[i + 1] == 0xBB && d[i + 2] == 0xBF) { /* stray BOM */
            i += 2;
            continue;
        }
        *o++ = (char)c;
    }
    out->len = (size_t)(o - out->data);
    out->data[out->len] = 0;
}

int vp_detect_nfc(const char *s, size_t n, vp_buf *out, char *err, size_t errlen)
{
    if (n == 0)
        return 0;
    if (nfc_quick_yes(s, n)) {
        add_filtered((const unsigned char *)s, n, out);
        return 0;
    }
    /* Only the pieces around other characters go through utf8proc: each from the stable
     * character before them (a tone mark composes with it) up to the next stable one, so a
     * Windows-1258 text with a few combining tone marks is not normalised whole. */
    vp_buf nf = {0};
    vp_buf_reserve(&nf, n);
    size_t i = 0, last = 0, done = 0; /* last: start of the last stable character; done: copied up to */
    while (i < n) {
        int32_t cp;
        int l = vp_utf8_decode_fast(s + i, n - i, &cp);
        if (nfc_stable(cp)) {
            last = i;
            i += (size_t)l;
            continue;
        }
        size_t a = last < done ? done : last, e = i + (size_t)l;
        while (e < n) {
            l = vp_utf8_decode_fast(s + e, n - e, &cp);
            if (nfc_stable(cp))
                break;
            e += (size_t)l;
        }
        vp_buf_add(&nf, s + done, a - done);
        utf8proc_uint8_t *dst = NULL;
        utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s + a, (utf8proc_ssize_t)(e - a), &dst,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (r < 0) {
            char m[160];
            snprintf(m, sizeof m, "Unicode normalisation failed: %s", utf8proc_errmsg(r));
            set_err(err, errlen, m);
            free(dst);
            vp_buf_free(&nf);
            return -1;
        }
        vp_buf_add(&nf, (const char *)dst, (size_t)r);
        free(dst);
        done = i = last = e;
    }
    vp_buf_add(&nf, s + done, n - done);
    add_filtered((const unsigned char *)(nf.data ? nf.data : ""), nf.len, out);
    vp_buf_free(&nf);
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

static int ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Does valid UTF-8 s[0..n) hold, next to an ASCII letter, a character no Vietnamese text has
 * among its letters but legacy bytes make by chance: a control byte where VPS, VISCII or VN1
 * put a capital ("H\x02I", VPS "HỘI"), a C1 control, or a letter of Greek to NKo (VPS
 * "ph\xdc\xa9ng", "phường", is U+0729 in UTF-8)? */
static int utf8_foreign(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        size_t l;
        if (c < 0x20 && (VP_CTL_LETTERS & (1u << c)))
            l = 1;
        else if (i + 1 < n && ((c == 0xC2 && s[i + 1] < 0xA0) || (c == 0xCD && s[i + 1] >= 0xB0) || (c >= 0xCE && c <= 0xDF)))
            l = 2;
        else
            continue;
        if ((i > 0 && ascii_letter(s[i - 1])) || (i + l < n && ascii_letter(s[i + l])))
            return 1;
        i += l - 1;
    }
    return 0;
}

/* A byte where Windows-1252 has "…", a quote, a bullet or a dash */
static int sign1252(unsigned char b) { return b == 0x85 || (b >= 0x91 && b <= 0x97); }

/* Words that say TCVN3 rather than VN1, less those that say VN1.  TCVN3: words of two or more
 * ASCII capitals and no small ASCII letter holding a byte both read as a small toned letter
 * ("HO\xb9CH"), a dash, a bullet, a quote or "…" of Windows-1252 standing alone or at the edge
 * of a word of small letters or digits ("2021 \x96 2030", VN1's "Ọ"; "\x93Festival"); VN1:
 * capital words holding a byte only it reads as a capital (its capitals with tones sit on
 * 0x01-0x17 and 0x80-0x9F), that byte counted among the capitals ("\x9eY", VN1's "ỦY"), and
 * capital words whose byte TCVN3 reads as a small toned letter but whose TCVN3 reading is no
 * syllable where VN1's, all capitals, is one ("BI\xcdU": VN1's "BIỂU"; a small letter inside a
 * word of capitals is TCVN3's only when it makes the word, "HO\xb9CH"). */

/* Is the word s[0..n) of legacy bytes one Vietnamese syllable when read in e? */
static int word_is_syllable(vp_iconvs *ic, vp_enc e, const unsigned char *s, size_t n, vp_buf *tmp)
{
    vp_buf d = {0};
    vp_vscore sc;
    int yes = vp_detect_decode_ic(ic, e, s, n, &d, NULL, 0) == 0 &&
              vp_detect_score_nfc(d.data ? d.data : "", d.len, tmp, &sc) == 0 && sc.words == 1 && sc.viet == 1;
    vp_buf_free(&d);
    return yes;
}

static long tcvn3_over_vn1(vp_iconvs *ic, const unsigned char *s, size_t n, vp_buf *tmp)
{
    long t3 = 0, vn1 = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            i++;
        int caps = 0, small = 0, toned = 0, vcap = 0, ncap = 0, digits = 0;
        size_t w = i;
        if (i >= n)
            break;
        for (; i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r'; i++) {
            unsigned char b = s[i];
            caps += b >= 'A' && b <= 'Z';
            small += b >= 'a' && b <= 'z';
            digits += b >= '0' && b <= '9';
            toned |= b >= 0xB5 && b <= 0xFE;
            ncap += (b >= 0x80 && b <= 0x9F) || (b >= 0x01 && b <= 0x17 && b != '\t');
        }
        vcap = ncap > 0;
        if (sign1252(s[w]) && (i == w + 1 || small || digits))
            t3++; /* "\x96", "\x93Festival" */
        else if (sign1252(s[i - 1]) && (small || digits))
            t3++; /* "2026\x94" */
        else if (caps + ncap >= 2 && !small && vcap)
            vn1++;
        else if (caps >= 2 && !small && toned && !word_is_syllable(ic, VP_ENC_TCVN3, s + w, i - w, tmp) &&
                 word_is_syllable(ic, VP_ENC_VN1, s + w, i - w, tmp))
            vn1++; /* "BI\xcdU" */
        else if (caps >= 2 && !small && toned)
            t3++;
    }
    return t3 - vn1;
}

/* Does line s[0..n) of legacy bytes read as Vietnamese better in alt than in enc?  A line whose
 * every word reads as a Vietnamese syllable in enc stays in enc. */
static int alt_reads_better(vp_iconvs *ic, vp_enc enc, vp_enc alt, const unsigned char *s, size_t n, vp_buf *tmp)
{
    int hi = 0;
    for (size_t i = 0; i < n && !hi; i++)
        hi = s[i] >= 0x80;
    if (!hi)
        return 0;
    vp_buf a = {0}, b = {0};
    vp_vscore sa, sb;
    int better = vp_detect_decode_ic(ic, enc, s, n, &a, NULL, 0) == 0 &&
                 vp_detect_score_nfc(a.data ? a.data : "", a.len, tmp, &sa) == 0 && sa.viet < sa.words &&
                 vp_detect_decode_ic(ic, alt, s, n, &b, NULL, 0) == 0 &&
                 vp_detect_score_nfc(b.data ? b.data : "", b.len, tmp, &sb) == 0 &&
                 vp_detect_score_key(&sb) > vp_detect_score_key(&sa);
    vp_buf_free(&a);
    vp_buf_free(&b);
    return better;
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

/* The lines of text[0..n) (each a word and its '\n') once each into *uniq, in order of
 * first occurrence, and how often each occurs into (*count)[k] (malloc'd). */
static size_t unique_lines(const char *text, size_t n, vp_buf *uniq, size_t **count)
{
    size_t nl = 0;
    for (size_t i = 0; i < n; i++)
        nl += text[i] == '\n';
    size_t cap = 16;
    while (cap < 2 * nl)
        cap *= 2;
    typedef struct ent {
        size_t off, len; /* in text */
        size_t k;        /* its number */
    } ent;
    ent *tab = vp_xcalloc(cap, sizeof *tab);
    size_t *used = vp_xcalloc(cap, sizeof *used); /* 1 + k, 0: empty */
    *count = vp_xmalloc((nl ? nl : 1) * sizeof **count);
    size_t nu = 0;
    for (size_t i = 0; i < n;) {
        const char *e = memchr(text + i, '\n', n - i);
        size_t j = e ? (size_t)(e - text) + 1 : n;
        uint64_t h = 0xcbf29ce484222325ULL;
        for (size_t k = i; k < j; k++)
            h = (h ^ (unsigned char)text[k]) * 0x100000001b3ULL;
        size_t k = (size_t)(h ^ (h >> 29)) & (cap - 1);
        while (used[k] && !(tab[k].len == j - i && memcmp(text + tab[k].off, text + i, j - i) == 0))
            k = (k + 1) & (cap - 1);
        if (used[k]) {
            (*count)[tab[k].k]++;
        } else {
            used[k] = 1;
            tab[k].off = i;
            tab[k].len = j - i;
            tab[k].k = nu;
            (*count)[nu++] = 1;
            vp_buf_add(uniq, text + i, j - i);
        }
        i = j;
    }
    free(tab);
    free(used);
    return nu;
}

/* The score of candidate reading e of the words `uniq` (lines, each counted count[k]
 * times): 0, or -1 when it cannot be had so (the caller then reads all the words). */
static int score_unique(vp_iconvs *ic, vp_enc e, const vp_buf *uniq, const size_t *count, size_t nu, vp_buf *dec,
                        vp_buf *tmp, vp_vscore *sc)
{
    dec->len = 0;
    if (vp_detect_decode_ic(ic, e, (const unsigned char *)(uniq->data ? uniq->data : ""), uniq->len, dec, NULL, 0) < 0)
        return -1;
    tmp->len = 0;
    if (tmp->data)
        tmp->data[0] = 0;
    if (vp_detect_nfc(dec->data ? dec->data : "", dec->len, tmp, NULL, 0) < 0)
        return -1;
    /* a carriage return inside a word becomes a line break: the lines no longer match */
    size_t nl = 0;
    for (size_t i = 0; i < tmp->len; i++)
        nl += tmp->data[i] == '\n';
    if (nl != nu)
        return -1;
    score_text(tmp->data ? tmp->data : "", tmp->len, count, sc);
    return 0;
}

#define SAMPLE_WORDS 64 /* distinct words the candidate readings are first scored on */
#define SAMPLE_CANDS 8  /* candidate readings sample_leader can weigh (vp_detect_text has 6) */

/* The candidates worth reading in full, by their scores on the first SAMPLE_WORDS distinct
 * words (each counted as often as it occurs): keep[c] (all set by the caller) is cleared for
 * every candidate that trails the leader there by at least a quarter of their count, there
 * being at least 40.  Returns the leader's index in cands when it is the only one kept (its
 * score on them in *lead), else -1 (keep left as it was when the text has fewer distinct
 * words). */
static int sample_leader(vp_iconvs *ic, const vp_enc *cands, size_t ncands, const vp_buf *uniq, const size_t *count,
                         size_t nu, vp_buf *dec, vp_buf *tmp, vp_vscore *lead, int *keep)
{
    if (nu <= SAMPLE_WORDS || ncands > SAMPLE_CANDS)
        return -1;
    size_t off = 0;
    for (size_t k = 0; k < SAMPLE_WORDS; k++) {
        const char *nl = memchr(uniq->data + off, '\n', uniq->len - off);
        if (!nl)
            return -1;
        off = (size_t)(nl - uniq->data) + 1;
    }
    vp_buf head = *uniq;
    head.len = off;
    long key[SAMPLE_CANDS];
    vp_vscore sc[SAMPLE_CANDS];
    size_t best = 0, words = 0;
    for (size_t c = 0; c < ncands; c++) {
        if (score_unique(ic, cands[c], &head, count, SAMPLE_WORDS, dec, tmp, &sc[c]) != 0)
            return -1;
        key[c] = vp_detect_score_key(&sc[c]);
        words = sc[c].words;
        if (key[c] > key[best])
            best = c;
    }
    if (words < 40)
        return -1;
    /* the key is 2 * syllables - words: a lead of words / 2 is 25 syllables in 100 */
    size_t nkept = 0;
    for (size_t c = 0; c < ncands; c++) {
        keep[c] = c == best || key[best] - key[c] < (long)words / 2;
        nkept += (size_t)keep[c];
    }
    if (nkept > 1 || ncands < 2)
        return -1;
    *lead = sc[best];
    return (int)best;
}

/* Does ASCII text write a vowel's shape the VIQR way ("o^", "a(", "u+")?  A short line
 * ("So^': 12/QDD-UBND") scores no better in VIQR than as it is (a word of two is a syllable
 * either way), but plain text puts none of these signs straight after a vowel. */
static int viqr_shapes(const unsigned char *s, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if ((s[i] == '^' || s[i] == '(' || s[i] == '+') && strchr("aeiouyAEIOUY", s[i - 1]) && s[i - 1] &&
            (i < 2 || (s[i - 2] | 0x20) >= 'a'))
            return 1;
    return 0;
}

/* Does ASCII text end a word with a tilde or a grave after a vowel ("xa~", "ra`")?  Plain text
 * puts neither there, and "xa" is a syllable as well as "xã". */
static int viqr_word_end_tone(const unsigned char *s, size_t n)
{
    for (size_t i = 2; i < n; i++)
        if ((s[i] == '~' || s[i] == '`') && strchr("aeiouyAEIOUY", s[i - 1]) && ascii_letter(s[i - 2]) &&
            (i + 1 >= n || !ascii_letter(s[i + 1])))
            return 1;
    return 0;
}

/* Does ASCII text end a word with an apostrophe or a question mark after a vowel where plain
 * text does not put them: an apostrophe closing no quote opened on its line ("Quy' III"), a
 * question mark with more of its line after it ("CHI? THI.", "tro?.")?  The acute and the hook
 * above of VIQR, whose syllable is one without the mark as well ("Quy", "CHI"). */
static int viqr_word_end_sign(const unsigned char *s, size_t n)
{
    size_t line = 0;
    int quoted = 0; /* a "'" opened a quote on this line */
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            line = i + 1;
            quoted = 0;
            continue;
        }
        if (s[i] != '\'' && s[i] != '?')
            continue;
        int after = i + 1 < n && ascii_letter(s[i + 1]);
        if (s[i] == '\'' && after && (i == line || !ascii_letter(s[i - 1]))) {
            quoted = 1;
            continue;
        }
        if (after || i < line + 2 || !strchr("aeiouyAEIOUY", s[i - 1]) || !ascii_letter(s[i - 2]))
            continue;
        if (s[i] == '\'' && !quoted)
            return 1;
        if (s[i] == '?' && i + 1 < n && strchr(".,;:)/ ", s[i + 1])) {
            size_t j = i + 1;
            while (j < n && s[j] == ' ')
                j++;
            if (j < n && s[j] != '\n' && s[j] != '\r')
                return 1;
        }
    }
    return 0;
}

/* Does ASCII text escape a mark after a vowel ("laichau\\.gov.vn", "Zalo\\.")?  Only VIQR does,
 * so that the sign stays punctuation; a text whose words carry no other mark (an address)
 * says VIQR by it alone. */
static int viqr_escaped(const unsigned char *s, size_t n)
{
    for (size_t i = 2; i + 1 < n; i++)
        if (s[i] == '\\' && strchr(".?'~`", s[i + 1]) && s[i + 1] && strchr("aeiouyAEIOUY", s[i - 1]) && s[i - 1] &&
            ascii_letter(s[i - 2]))
            return 1;
    return 0;
}

/* Words of ASCII capitals holding a "DD" not after a vowel, nor before a third D: VIQR's
 * "Đ" in an abbreviation ("QDD-UBND", "HDDND", "TTDDT", "DD/c"), which English spells only
 * after a vowel ("ADD", "ODDS").  They carry no mark a syllable could be scored by. */
static size_t viqr_abbr_dd(const unsigned char *s, size_t n)
{
    size_t found = 0;
    for (size_t i = 0; i < n;) {
        if (!ascii_letter(s[i])) {
            i++;
            continue;
        }
        size_t j = i, dd = 0;
        int caps = 1;
        while (j < n && ascii_letter(s[j])) {
            caps &= s[j] <= 'Z';
            if (s[j] == 'D' && j + 1 < n && s[j + 1] == 'D' && (j == i || !strchr("AEIOUY", s[j - 1])) &&
                (j + 2 >= n || s[j + 2] != 'D'))
                dd++;
            j++;
        }
        if (caps)
            found += dd;
        i = j;
    }
    return found;
}

int vp_detect_text(const unsigned char *s, size_t n, int explain, vp_buf *out, vp_detect_info *info,
                   vp_diags *diags, vp_iconvs *ic, char *err, size_t errlen)
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

    /* Valid UTF-8 is read as it is, unless characters in it look like legacy bytes: then it
     * is read as legacy bytes, and as UTF-8 after all when no line reads better so. */
    int valid = vp_utf8_valid((const char *)s, n);
    int as_utf8 = valid && !utf8_foreign(s, n);
again:
    if (as_utf8) {
        int ascii = 1;
        for (size_t i = 0; i < n && ascii; i++)
            if (s[i] >= 0x80)
                ascii = 0;
        enc = VP_ENC_UTF8;
        /* valid UTF-8 needs no score unless it may be VIQR, or one is asked for */
        int sign = ascii && viqr_word_end_sign(s, n);
        int esc = ascii && viqr_escaped(s, n);
        int viqr = ascii && (sign || esc || vp_repair_looks_viqr((const char *)s, n));
        memset(&bsc, 0, sizeof bsc);
        if ((explain || viqr) && vp_detect_score_nfc((const char *)s, n, &tmp, &bsc) < 0)
            goto fail_nfc;
        if (viqr) {
            vp_vscore v;
            vp_detect_viqr((const char *)s, n, &dec);
            long kv = 0, kb = vp_detect_score_key(&bsc);
            /* abbreviations with "Đ" count as marked words here */
            size_t abbr = viqr_abbr_dd(s, n);
            if (vp_detect_score_nfc(dec.data, dec.len, &tmp, &v) == 0 && ((v.marked + abbr) * 4 >= v.words || esc) &&
                ((kv = vp_detect_score_key(&v)) > kb ||
                 (kv == kb && ((v.viet > 0 && (sign || viqr_shapes(s, n) || viqr_word_end_tone(s, n))) || abbr > 0 || esc)))) {
                ssc = bsc;
                second = VP_ENC_UTF8;
                bsc = v;
                enc = VP_ENC_VIQR;
            }
        }
        if (enc == VP_ENC_UTF8) {
            dec.len = 0;
            vp_buf_add(&dec, (const char *)s, n);
            /* Would the text differ in NFC (beyond dropped controls)?  Then it was NFD / tổ hợp.
             * Only combining marks (lead bytes 0xCC, 0xCD) can make it shorter. */
            int changed = memchr(s, 0xCC, n) || memchr(s, 0xCD, n);
            if (changed) {
                vp_buf nf = {0};
                if (vp_detect_nfc((const char *)s, n, &nf, err, errlen) < 0) {
                    vp_buf_free(&nf);
                    goto done;
                }
                if (nf.len < n)
                    snprintf(extra, sizeof extra, "decomposed (NFD or composite) marks composed to NFC");
                vp_buf_free(&nf);
            }
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
            if (line_is_utf8_text(s + i, e - i) && !utf8_foreign(s + i, e - i))
                nutf8++;
            else
                vp_buf_add(&legacy, (const char *)s + i, e - i);
            i = e;
        }
        /* Words of printable ASCII read the same in every candidate (each table maps
         * 0x21-0x7E to itself, and no VNI pair or iconv composition reaches across a space,
         * tab or newline): score them once and decode only the other words per candidate. */
        vp_buf plain = {0}, other = {0};
        for (size_t i = 0; i < legacy.len;) {
            const unsigned char *L = (const unsigned char *)legacy.data;
            if (L[i] == ' ' || L[i] == '\t' || L[i] == '\n') {
                i++;
                continue;
            }
            size_t j = i;
            int printable = 1;
            while (j < legacy.len && L[j] != ' ' && L[j] != '\t' && L[j] != '\n') {
                if (L[j] < 0x21 || L[j] > 0x7E)
                    printable = 0;
                j++;
            }
            vp_buf *to = printable ? &plain : &other;
            vp_buf_add(to, legacy.data + i, j - i);
            vp_buf_addc(to, '\n');
            i = j;
        }
        vp_vscore common;
        vp_detect_score(plain.data ? plain.data : "", plain.len, &common);
        vp_buf_free(&plain);
        /* A word reads the same wherever it is (its reading and its NFC end at the newline
         * after it, and so does every token scored): each distinct word is read and scored
         * once per candidate, and counted as often as it occurs. */
        vp_buf uniq = {0};
        size_t *count = NULL;
        size_t nu = unique_lines(other.data ? other.data : "", other.len, &uniq, &count);
        long bestk = 0;
        int besti = -1;
        vp_vscore scs[sizeof cands / sizeof cands[0]];
        /* Without an explanation to give (it names the runner-up and the full scores), the
         * candidates are first scored on the first distinct words only: when one leads there
         * by a wide margin, it is the reading, and its score on them gives the confidence. */
        vp_vscore lead;
        vp_buf rd[sizeof cands / sizeof cands[0]];
        memset(rd, 0, sizeof rd);
        int keep[sizeof cands / sizeof cands[0]];
        for (size_t c = 0; c < sizeof cands / sizeof cands[0]; c++)
            keep[c] = 1;
        int only = explain ? -1
                           : sample_leader(ic, cands, sizeof cands / sizeof cands[0], &uniq, count, nu, &dec, &tmp,
                                           &lead, keep);
        if (only >= 0) {
            scs[only] = lead;
            besti = only;
        }
        for (size_t c = 0; c < sizeof cands / sizeof cands[0] && only < 0; c++) {
            if (!keep[c])
                continue;
            if (score_unique(ic, cands[c], &uniq, count, nu, &dec, &tmp, &scs[c]) == 0) {
                vp_buf t = rd[c]; /* the reading of the distinct words, kept for the ties */
                rd[c] = tmp;
                tmp = t;
                goto scored;
            }
            dec.len = 0;
            if (vp_detect_decode_ic(ic, cands[c], (const unsigned char *)(other.data ? other.data : ""), other.len, &dec, err,
                                 errlen) < 0) {
                vp_buf_free(&other);
                vp_buf_free(&legacy);
                vp_buf_free(&uniq);
                free(count);
                for (size_t k = 0; k < sizeof cands / sizeof cands[0]; k++)
                    vp_buf_free(&rd[k]);
                goto done;
            }
            if (vp_detect_score_nfc(dec.data ? dec.data : "", dec.len, &tmp, &scs[c]) < 0) {
                vp_buf_free(&other);
                vp_buf_free(&legacy);
                vp_buf_free(&uniq);
                free(count);
                for (size_t k = 0; k < sizeof cands / sizeof cands[0]; k++)
                    vp_buf_free(&rd[k]);
                goto fail_nfc;
            }
        scored:
            scs[c].words += common.words;
            scs[c].viet += common.viet;
            scs[c].marked += common.marked;
            scs[c].accented += common.accented;
            long k = vp_detect_score_key(&scs[c]);
            if (besti < 0 || k > bestk) {
                bestk = k;
                besti = (int)c;
            }
        }
        /* A short text may read as valid syllables in several candidates alike ("Sè:" is "Số:"
         * in Windows-1258 and "Sơì" in VNI), or as none ("61/2018/NÐ-CP."): of the readings
         * tied best, the one with fewer words in no case a word has ("tÌnh"; "LUỳA" too, but in
         * TCVN3, which writes capitals with tones so, "HOạCH") wins, then the
         * one whose words are the more frequent syllables, then the one with fewer capital
         * words holding small marked letters ("Né-CP"), then the earlier candidate.  A reading
         * the same as an earlier one's is not weighed again. */
        if (only < 0) {
            size_t ntied = 0;
            for (size_t c = 0; c < sizeof cands / sizeof cands[0]; c++)
                ntied += keep[c] && vp_detect_score_key(&scs[c]) == bestk;
            long bestf = -1, bestr = 0;
            size_t besto = 0, bests = 0;
            for (size_t c = 0; c < sizeof cands / sizeof cands[0] && ntied > 1; c++) {
                if (!keep[c] || vp_detect_score_key(&scs[c]) != bestk)
                    continue;
                int same = 0;
                for (size_t p = 0; p < c && rd[c].data && !same; p++)
                    same = keep[p] && vp_detect_score_key(&scs[p]) == bestk && rd[p].data && rd[p].len == rd[c].len &&
                           memcmp(rd[p].data, rd[c].data, rd[c].len) == 0;
                if (same)
                    continue;
                const vp_buf *r = &rd[c];
                const size_t *wt = count;
                if (!rd[c].data) {
                    dec.len = 0;
                    if (vp_detect_decode_ic(ic, cands[c], (const unsigned char *)(other.data ? other.data : ""), other.len,
                                            &dec, NULL, 0) < 0)
                        continue;
                    tmp.len = 0;
                    if (vp_detect_nfc(dec.data ? dec.data : "", dec.len, &tmp, NULL, 0) < 0)
                        continue;
                    r = &tmp;
                    wt = NULL;
                }
                size_t soft;
                size_t o = odd_case(r->data ? r->data : "", r->len, wt, &soft);
                if (cands[c] != VP_ENC_TCVN3) { /* only TCVN3 has no capitals with tones */
                    o += soft;
                    soft = 0;
                }
                long rh = 0;
                long f = frequency_score(r->data ? r->data : "", r->len, wt, &rh);
                if (bestf < 0 || o < besto ||
                    (o == besto && (f > bestf || (f == bestf && (rh > bestr || (rh == bestr && soft < bests)))))) {
                    bestf = f;
                    bestr = rh;
                    besto = o;
                    bests = soft;
                    besti = (int)c;
                }
            }
        }
        for (size_t c = 0; c < sizeof cands / sizeof cands[0]; c++)
            vp_buf_free(&rd[c]);
        vp_buf_free(&other);
        vp_buf_free(&legacy);
        vp_buf_free(&uniq);
        free(count);
        enc = cands[besti];
        bsc = scs[besti];
        long sk = 0;
        for (size_t c = 0; c < sizeof cands / sizeof cands[0] && only < 0; c++) {
            if ((int)c == besti || !keep[c])
                continue;
            if (second < 0 || vp_detect_score_key(&scs[c]) > sk) {
                sk = vp_detect_score_key(&scs[c]);
                second = (int)cands[c];
                ssc = scs[c];
            }
        }
        /* TCVN3 and VN1 read apart only the bytes where VN1 puts its capitals with tones and
         * TCVN3 Windows-1252's signs: a capital word typed in TCVN3 holds small toned letters
         * ("HO¹CH"), and a dash standing alone is a dash ("Lao động – TB&XH", not VN1's "Ọ").
         * More such words than words in VN1's capitals say TCVN3. */
        if (enc == VP_ENC_VN1 && tcvn3_over_vn1(ic, s, n, &tmp) > 0) {
            enc = VP_ENC_TCVN3;
            if (second == VP_ENC_TCVN3) { /* the explanation's scores change places too */
                vp_vscore t = bsc;
                bsc = ssc;
                ssc = t;
                second = VP_ENC_VN1;
            }
        }
        /* the other of TCVN3 and VNI, which a line pasted from another document may be in */
        vp_enc alt = enc == VP_ENC_VNI ? VP_ENC_TCVN3 : (enc == VP_ENC_TCVN3 || enc == VP_ENC_VN1) ? VP_ENC_VNI : enc;
        size_t nalt = 0;
        /* decode line by line: UTF-8 paragraphs stay UTF-8 when they read better that way, a
         * legacy line reads in the other of TCVN3 and VNI when it reads better so.
         * The lines to decode in a row are decoded in one call: each ends with its newline,
         * and no VNI pair or iconv composition reaches across one. */
        dec.len = 0;
        size_t line = 1, kept = 0, run = 0, nlegacy = 0; /* run: first byte of the lines waiting to be decoded */
        for (size_t i = 0; i < n; line++) {
            const unsigned char *nl = memchr(s + i, '\n', n - i);
            size_t e = nl ? (size_t)(nl - s) + 1 : n;
            int use_utf8 = 0;
            if (alt != enc && !line_is_utf8_text(s + i, e - i) && alt_reads_better(ic, enc, alt, s + i, e - i, &tmp)) {
                if (run < i && vp_detect_decode_ic(ic, enc, s + run, i - run, &dec, err, errlen) < 0)
                    goto done;
                if (vp_detect_decode_ic(ic, alt, s + i, e - i, &dec, err, errlen) < 0)
                    goto done;
                run = i = e;
                nalt++;
                nlegacy++;
                continue;
            }
            if (line_is_utf8_text(s + i, e - i)) {
                vp_vscore a, b;
                vp_buf t = {0};
                vp_detect_decode_ic(ic, enc, s + i, e - i, &t, NULL, 0);
                if (vp_detect_score_nfc((const char *)s + i, e - i, &tmp, &a) == 0 &&
                    vp_detect_score_nfc(t.data ? t.data : "", t.len, &tmp, &b) == 0 && vp_detect_score_key(&a) >= vp_detect_score_key(&b))
                    use_utf8 = 1;
                vp_buf_free(&t);
            }
            if (use_utf8) {
                if (run < i && vp_detect_decode_ic(ic, enc, s + run, i - run, &dec, err, errlen) < 0)
                    goto done;
                vp_buf_add(&dec, (const char *)s + i, e - i);
                run = e;
                kept++;
            } else if (valid && !nlegacy) {
                for (size_t k = i; k < e && !nlegacy; k++)
                    nlegacy = s[k] >= 0x80 || (s[k] < 0x20 && (VP_CTL_LETTERS & (1u << s[k])));
            }
            i = e;
        }
        if (valid && !nlegacy) { /* every line reads as well as UTF-8 */
            as_utf8 = 1;
            dec.len = 0;
            second = -1;
            memset(&ssc, 0, sizeof ssc);
            extra[0] = 0;
            goto again;
        }
        if (run < n && vp_detect_decode_ic(ic, enc, s + run, n - run, &dec, err, errlen) < 0)
            goto done;
        if (nalt) {
            vp_diag_add(diags, "encoding", 0, "file mixes %s and %s paragraphs: %zu line%s read as %s", vp_enc_name(enc),
                        vp_enc_name(alt), nalt, nalt == 1 ? "" : "s", vp_enc_name(alt));
            info->repaired = 1;
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
        if (explain)
            vp_detect_score(out->data ? out->data : "", out->len, &bsc);
    }
    info->confidence = bsc.words ? (double)bsc.viet / (double)bsc.words : 0.0;
    info->explain = explain ? explain_str(enc, &bsc, second, &ssc, extra) : NULL;
    rc = 0;
    goto done;
fail_nfc:
    set_err(err, errlen, "Unicode normalisation failed");
done:
    vp_buf_free(&dec);
    vp_buf_free(&tmp);
    return rc;
}

/* The bytes decoded as e (into a) and scored (tmp: scratch): 0 with *sc set, -1 when they do not
 * decode. */
static int score_as(vp_enc e, const unsigned char *s, size_t n, vp_buf *a, vp_buf *tmp, vp_vscore *sc)
{
    a->len = 0;
    return vp_detect_decode(e, s, n, a, NULL, 0) == 0 &&
                   vp_detect_score_nfc(a->data ? a->data : "", a->len, tmp, sc) == 0
               ? 0
               : -1;
}

int vp_detect_reads_cp1258(const unsigned char *s, size_t n)
{
    vp_buf a = {0}, tmp = {0};
    vp_vscore sa, sb;
    int w1258 = score_as(VP_ENC_CP1258, s, n, &a, &tmp, &sa) == 0 && score_as(VP_ENC_CP1252, s, n, &a, &tmp, &sb) == 0 &&
                vp_detect_score_key(&sa) > vp_detect_score_key(&sb);
    /* nor better in TCVN3 or VNI, whose bytes Windows-1252 stands for: TCVN3's "phÝ" ("phí")
     * is no syllable in Windows-1252, "phƯ" one in Windows-1258 */
    static const vp_enc font[] = {VP_ENC_TCVN3, VP_ENC_VNI};
    for (size_t k = 0; w1258 && k < sizeof font / sizeof font[0]; k++)
        w1258 = score_as(font[k], s, n, &a, &tmp, &sb) == 0 && vp_detect_score_key(&sa) > vp_detect_score_key(&sb);
    vp_buf_free(&a);
    vp_buf_free(&tmp);
    return w1258;
}

int vp_detect_reads_viscii(const unsigned char *s, size_t n)
{
    static const vp_enc other[] = {VP_ENC_CP1258, VP_ENC_CP1252, VP_ENC_TCVN3, VP_ENC_VNI};
    vp_buf a = {0}, tmp = {0};
    vp_vscore sc;
    int better = score_as(VP_ENC_VISCII, s, n, &a, &tmp, &sc) == 0 && sc.viet > 0;
    long kv = better ? vp_detect_score_key(&sc) : 0;
    for (size_t k = 0; better && k < sizeof other / sizeof other[0]; k++)
        better = score_as(other[k], s, n, &a, &tmp, &sc) == 0 && kv > vp_detect_score_key(&sc);
    vp_buf_free(&a);
    vp_buf_free(&tmp);
    return better;
}

/* ------------------------------------------------------------------ legacy fonts */

int vp_detect_font_text(vp_enc e, int upper, const char *s, size_t n, vp_buf *out, char *err, size_t errlen)
{
    /* Unicode typed under a legacy font name: letters a legacy font cannot hold (ă đ ơ ư ộ, a
     * combining tone) say the run is Unicode already */
    int l1_letter = 0, l1_sign = 0;
    for (size_t k = 0; k < n;) {
        int32_t cp;
        int l = vp_utf8_decode(s + k, n - k, &cp);
        if (cp >= 0x100 && cp < 0x2000 && vp_detect_cp1252_byte(cp) < 0) {
            set_err(err, errlen, "the run is Unicode text");
            return -1;
        }
        if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7)
            l1_letter = 1;
        else if ((cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7)
            l1_sign = 1; /* not the quotes and dashes a legacy font shares with Unicode text */
        k += (size_t)(l > 0 ? l : 1);
    }
    /* Whether the run reads better as it is (below) is only asked when it has Latin-1
     * letters and no Latin-1 sign U+00A1-U+00BF, × or ÷ (where the legacy fonts put letters:
     * µ ¸ ¹ ...): without those letters nothing reads as Vietnamese as it is, and with those
     * signs the run is in the font's own code. */
    /* A run of one letter is the font's: a typist switches fonts for one capital with its
     * tone (".VnTimeH" "Ê" + ".VnTime" "t": "Ất"), and one letter alone says nothing of how it
     * reads best. */
    size_t ncp = 0;
    for (size_t k = 0; k < n && ncp < 2; k++)
        ncp += ((unsigned char)s[k] & 0xC0) != 0x80;
    int ask = l1_letter && !l1_sign && ncp > 1;
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
    if (ask) {
        vp_vscore raw, got;
        vp_detect_score(s, n, &raw);
        vp_detect_score(dec.data ? dec.data : "", dec.len, &got);
        if (vp_detect_score_key(&raw) > vp_detect_score_key(&got)) {
            set_err(err, errlen, "the run reads as Unicode text");
            goto fail;
        }
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
