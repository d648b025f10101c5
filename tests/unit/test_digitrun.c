/* test_digitrun.c - rules whose every match starts with a digit are searched only in runs of
 * digits, and rules whose pattern says where a match starts (^, a lookbehind, a punctuation
 * mark: a start context) only at such places (rules.c, prefilter.c); that must never change a
 * result.
 * usage: test_digitrun RULESDIR FILE...
 * Every such rule of RULESDIR is run through vp_rule_exec and, compiled again here without
 * the runs, through one plain pcre2_match, on every line of every FILE, each whole FILE and
 * the hand-written subjects below, from several start offsets: both must agree on whether
 * there is a match and where it is.  Hand-written cases check the pattern readers. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "prefilter.h"
#include "rules.h"
#include "vnplan.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int pass, fail;

static void reader(const char *pat, int want)
{
    int got = vp_prefilter_digit_first(pat, strlen(pat));
    if (got != want) {
        printf("FAIL: digit-first(%s) = %d, want %d\n", pat, got, want);
        fail++;
    } else {
        pass++;
    }
}

/* vp_prefilter_start_ctx: want 0 (no context) or the numbers of its parts */
static void sc_reader(const char *pat, int want, int at0, int here, int looks)
{
    vp_startctx sc;
    int got = vp_prefilter_start_ctx(pat, strlen(pat), &sc);
    if (got != want || (got && (sc.at0 != at0 || sc.has_here != here || sc.nlook != looks))) {
        printf("FAIL: start-ctx(%s) = %d (^ %d, here %d, lookbehinds %d), want %d (%d, %d, %d)\n", pat, got,
               got ? sc.at0 : 0, got ? sc.has_here : 0, got ? sc.nlook : 0, want, at0, here, looks);
        fail++;
    } else {
        pass++;
    }
}

/* where vp_startctx_next says a match of pat may start in s: a string of offsets */
static void sc_places(const char *pat, const char *s, const char *want)
{
    vp_startctx sc;
    char got[256] = "";
    size_t n = strlen(s), gl = 0;
    if (vp_prefilter_start_ctx(pat, strlen(pat), &sc))
        for (size_t p = vp_startctx_next(&sc, s, n, 0, n); p != SIZE_MAX && gl < 200;
             p = p < n ? vp_startctx_next(&sc, s, n, p + 1, n) : SIZE_MAX)
            gl += (size_t)snprintf(got + gl, sizeof got - gl, "%s%zu", gl ? " " : "", p);
    if (strcmp(got, want) != 0) {
        printf("FAIL: start-ctx(%s) places in \"%s\": \"%s\", want \"%s\"\n", pat, s, got, want);
        fail++;
    } else {
        pass++;
    }
}

typedef struct drule {
    const vp_rule *r;
    pcre2_code *ref;
    pcre2_match_data *md;
} drule;

static void run_one(const drule *d, vp_matcher *m, const char *s, size_t n, size_t start, const char *what)
{
    int got = vp_rule_exec(d->r, m, s, n, start);
    int rc = pcre2_match(d->ref, (PCRE2_SPTR)s, n, start, 0, d->md, NULL);
    int want = rc >= 0 ? 1 : rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
    size_t gs = 0, ge = 0, ws = 0, we = 0;
    if (got == 1)
        vp_match_range(m, &gs, &ge);
    if (want == 1) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(d->md);
        ws = ov[0];
        we = ov[1];
    }
    if (got != want || gs != ws || ge != we) {
        printf("FAIL: %s on %s from %zu: vp_rule_exec %d [%zu,%zu), pcre2_match %d [%zu,%zu)\n",
               vp_rule_name(d->r), what, start, got, gs, ge, want, ws, we);
        fail++;
    } else {
        pass++;
    }
}

/* From 0, from a third and from half way (moved to a character's first byte). */
static void run_all(const drule *d, size_t nd, vp_matcher *m, const char *s, size_t n, const char *what)
{
    size_t starts[3] = {0, n / 3, n / 2};
    for (size_t k = 0; k < 3; k++) {
        while (starts[k] < n && ((unsigned char)s[starts[k]] & 0xC0) == 0x80)
            starts[k]++;
        if (k && starts[k] == starts[k - 1])
            continue;
        for (size_t i = 0; i < nd; i++)
            run_one(&d[i], m, s, n, starts[k], what);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_digitrun RULESDIR FILE...\n");
        return 2;
    }
    reader("\\d+x", 1);
    reader("\\d{2,}", 1);
    reader("(?i)\\d", 1);
    reader("(?<![\\d.,])(?<amount>(?<d>\\d{1,3}(?:[.,]\\d{3})+|\\d{4,})\\s*đ)", 1);
    reader("(?=\\d)\\d", 1);
    reader("(?:\\d|x)", 0);
    reader("\\d|x", 0);
    reader("\\d*x", 0);
    reader("\\d?x", 0);
    reader("\\d{0,3}x", 0);
    reader("(?:\\d)?x", 0);
    reader("x\\d", 0);
    reader("^\\d", 0);
    reader("(?x) \\d", 0);
    reader("(*COMMIT)\\d", 0);
    reader("\\d\\G", 0);
    reader("[0-9]", 0);
    /* a group of lookarounds only takes nothing: the digit after it comes first */
    reader("(?:(?<=(?i)thời gian\\s)|(?<=(?i)trong\\s))(?<d1>\\d{1,2})", 1);
    reader("(?:(?<=a)|(?=x))?\\d", 1);
    reader("(?:(?<=a)(?!b)|(?<!c))\\d", 1);
    reader("(?:(?<=a)|b)\\d", 0);  /* a branch takes a letter */
    reader("(?:(?<=a)x)\\d", 0);
    reader("(?:(?<=a)|(?<=b)", 0); /* not closed */
    /* the start-context reader: a pattern, whether it has one, and its ^, here and lookbehinds */
    static const struct {
        const char *pat;
        int want, at0, here, looks;
    } sc_cases[] = {
        {"(?:^|(?<=\\|))\\s*x|(?<=[.!?]\\s)(?=\\p{Lu})y", 1, 1, 0, 2},
        {"(?:^|(?<=\\n)|(?<=[;:])|(?<=\\.\\s))\\s*x", 1, 1, 0, 3},
        {"(?:\\(\\s*|(?<=,)\\s*(?=\\p{Lu})|^\\s*)x", 1, 1, 1, 1},
        {"(?<![\\p{L}])(?:[,:;]\\s*|(?<!^\\d)\\.\\s+)x", 1, 0, 1, 0},
        {"(?i)(?<=;|\\n)x", 1, 0, 0, 2},
        {"\\s+năm", 1, 0, 1, 0},
        {"^x", 0, 0, 0, 0},          /* ^ alone: pcre2 tries it once */
        {"x(?<=x)", 0, 0, 0, 0},
        {"\\s*x", 0, 0, 0, 0},
        {"(?:^|y)x", 0, 0, 0, 0},    /* a letter: its case is not followed */
        {"(?:^|(?<=,))?x", 0, 0, 0, 0},
        {"(?<=a+)x", 0, 0, 0, 0},
        {"(?<=[^,])x", 0, 0, 0, 0},
        {"(?<=[a-z])x", 0, 0, 0, 0},
        {"(?m)(?:^|(?<=,))x", 0, 0, 0, 0},
        {"(?:^|(?<=,))\\Kx", 0, 0, 0, 0},
        {"(*COMMIT)(?<=,)x", 0, 0, 0, 0},
        {"(?:(?<=,)|)x", 0, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof sc_cases / sizeof sc_cases[0]; i++)
        sc_reader(sc_cases[i].pat, sc_cases[i].want, sc_cases[i].at0, sc_cases[i].here, sc_cases[i].looks);
    sc_places("(?:^|(?<=\\|))\\s*x|(?<=[.!?]\\s)y", "ab. c| d!\xc2\xa0" "e", "0 4 6 11");
    sc_places("(?<=\\.\\s)x", "a.\xe3\x80\x80" "b. c. ", "5 8 11");
    sc_places("(?<=,)x|;x", "à,ư;đ,", "3 5 9");
    sc_places("\\s+x", "\xc2\xa0" "a b\te", "0 3 5");
    /* \s in one alternative, \d in another (any character may be a digit): their union */
    sc_places("\\s+x|\\dy", "a\xd9\xa3" "b", "1");

    char err[512];
    vp_rules *R = vp_rules_load(argv[1], err, sizeof err);
    if (!R) {
        printf("FAIL: %s\n", err);
        return 1;
    }
    static const char *fams[] = {"layout", "header", "sections", "items", "genre", "references",
                                 "targets", "deadlines", "assignments", "budget"};
    drule *d = NULL;
    size_t nd = 0;
    for (size_t fi = 0; fi < sizeof fams / sizeof fams[0]; fi++) {
        const vp_family *f = vp_rules_family(R, fams[fi]);
        for (size_t i = 0; i < f->n; i++) {
            char *pat = strdup(vp_rule_pattern(f->rules[i]));
            if (!pat) {
                printf("FAIL: no pattern for %s\n", vp_rule_where(f->rules[i]));
                fail++;
                continue;
            }
            vp_startctx sc;
            if (vp_prefilter_digit_first(pat, strlen(pat)) || vp_prefilter_start_ctx(pat, strlen(pat), &sc)) {
                int ec;
                PCRE2_SIZE eo;
                pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
                                               PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES, &ec, &eo, NULL);
                pcre2_match_data *md = re ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
                if (!re || !md) {
                    printf("FAIL: %s does not compile\n", vp_rule_where(f->rules[i]));
                    fail++;
                } else {
                    d = realloc(d, (nd + 1) * sizeof *d);
                    if (!d)
                        return 1;
                    d[nd].r = f->rules[i];
                    d[nd].ref = re;
                    d[nd].md = md;
                    nd++;
                }
            }
            free(pat);
        }
    }
    if (nd < 30) {
        printf("FAIL: only %zu digit-first or start-context rules found\n", nd);
        fail++;
    }
    vp_matcher *m = vp_matcher_new(R);
    /* digits in other scripts (\d is any Unicode Nd), a match starting inside a run, digits
     * next to Vietnamese letters and punctuation */
    static const char *hand[] = {
        "Kinh phí ١٢٣٤ đồng cho năm",         /* Arabic-Indic */
        "Kinh phí ۱۲۳۴۵ đồng",               /* extended Arabic-Indic */
        "tổng １２３４ đồng",                  /* fullwidth */
        "dự toán ०१२३४ VNĐ",                 /* Devanagari */
        "văn bản số 123456/",                /* doc-number-slash from inside the run */
        "số 12/KH-UBND-",
        "từ năm 2020-",
        "đạt 95% trở lên số hộ",
        "1.234.567 đồng; 2,5 tỷ đồng; 30 triệu đồng",
        "ấp3 xã4 – “5” 6 trường học",
        "x⁵ 7 mô hình",
        "",
        "٣",
        /* starts after sentence ends, cells, semicolons, Unicode spaces (NBSP, U+3000, U+2009) */
        "Sở Y tế chủ trì. UBND các xã phối hợp; Công an huyện thực hiện",
        "| UBND xã|Trạm Y tế:\xc2\xa0" "Phòng Văn hóa.\xe3\x80\x80" "Sở Tài chính!\xe2\x80\x89" "Ban Dân tộc",
        "1. Đến hết năm 2025, tỷ lệ hộ dân dùng nước sạch đạt 88%; năm 2026 đạt tối thiểu 90%.",
        " năm 2026",
        "\n- Phòng Giáo dục (thực hiện), Trung tâm Y tế: triển khai",
    };
    for (size_t i = 0; i < sizeof hand / sizeof hand[0]; i++)
        run_all(d, nd, m, hand[i], strlen(hand[i]), hand[i]);
    for (int a = 2; a < argc; a++) {
        FILE *f = fopen(argv[a], "rb");
        if (!f) {
            printf("FAIL: cannot open %s\n", argv[a]);
            fail++;
            continue;
        }
        vp_buf b = {0};
        char chunk[65536];
        size_t k;
        while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
            vp_buf_add(&b, chunk, k);
        fclose(f);
        const char *s = b.data ? b.data : "";
        if (!vp_utf8_valid(s, b.len)) { /* the rules run on UTF-8 text only (a .doc, say) */
            vp_buf_free(&b);
            continue;
        }
        run_all(d, nd, m, s, b.len, argv[a]);
        for (size_t i = 0; i < b.len;) {
            const char *nl = memchr(s + i, '\n', b.len - i);
            size_t e = nl ? (size_t)(nl - s) : b.len;
            run_all(d, nd, m, s + i, e - i, argv[a]);
            i = e + 1;
        }
        vp_buf_free(&b);
    }
    vp_matcher_free(m);
    for (size_t i = 0; i < nd; i++) {
        pcre2_code_free(d[i].ref);
        pcre2_match_data_free(d[i].md);
    }
    free(d);
    vp_rules_free(R);
    printf("# %zu digit-first or start-context rules\n", nd);
    printf("%d passed, %d failed\n", pass, fail);
    return fail != 0;
}
