/* test_prefilter.c - the rules prefilter never hides a match.
 * usage: test_prefilter RULESDIR FILE...
 * Every pattern of every RULESDIR/NAME.rules (as rules.c loads it) is compiled with pcre2
 * and run on every line of every FILE and on each whole FILE: whenever it matches, the
 * prefilter must have marked the rule (one check a file).  Hand-written cases check the
 * pattern reader. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "prefilter.h"
#include "rules.h"
#include "vnplan.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int pass, fail;

typedef struct pat {
    char *text;
    size_t len;
    pcre2_code *re;
    int pf;
} pat;

static pat *pats;
static size_t npats;

static void add_pattern(vp_prefilter *p, const char *text, size_t len, const char *where)
{
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)text, len, PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES, &ec, &eo, NULL);
    if (!re) {
        printf("FAIL: %s: pattern does not compile\n", where);
        fail++;
        return;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    pats = vp_xrealloc(pats, (npats + 1) * sizeof *pats);
    pats[npats].text = vp_xstrdup(where);
    pats[npats].len = len;
    pats[npats].re = re;
    pats[npats].pf = vp_prefilter_add(p, npats, text, len);
    npats++;
}

/* Every rule's pattern as rules.c compiles it (definitions expanded). */
static void load_rules(vp_prefilter *p, const char *dir)
{
    char err[512];
    vp_rules *R = vp_rules_load(dir, err, sizeof err);
    if (!R) {
        printf("FAIL: %s\n", err);
        fail++;
        return;
    }
    static const char *fams[] = {"layout", "header", "sections", "items", "genre", "references",
                                 "targets", "deadlines", "assignments", "budget", "fonts"};
    for (size_t fi = 0; fi < sizeof fams / sizeof fams[0]; fi++) {
        const vp_family *f = vp_rules_family(R, fams[fi]);
        for (size_t i = 0; i < f->n; i++) {
            const char *pat = vp_rule_pattern(f->rules[i]);
            add_pattern(p, pat, strlen(pat), vp_rule_where(f->rules[i]));
        }
    }
    vp_rules_free(R);
}

/* Is there a hit of rule k starting at byte a? */
static int hit_at(const vp_pf_hits *h, const char *s, size_t k, size_t a)
{
    for (size_t i = 0; i < h->n; i++)
        if (h->h[i].rule == k && vp_pf_hit_start(s, &h->h[i]) == a)
            return 1;
    return 0;
}

static void check_subject(const vp_prefilter *p, pcre2_match_data *md, const char *s, size_t len, uint64_t *bits,
                          vp_pf_hits *hits, const char *file)
{
    vp_prefilter_scan(p, s, len, bits, hits);
    for (size_t k = 0; k < npats; k++) {
        if (!pats[k].pf)
            continue;
        int marked = (int)((bits[k >> 6] >> (k & 63)) & 1);
        if (!marked && pcre2_match(pats[k].re, (PCRE2_SPTR)s, len, 0, 0, md, NULL) >= 0) {
            printf("FAIL: %s: rule %s matches '%.*s' but the prefilter did not mark it\n", file, pats[k].text,
                   (int)(len > 120 ? 120 : len), s);
            fail++;
        }
        /* a rule with a leading set: every place a match can start, a leading literal starts */
        if (!vp_prefilter_is_lead(p, k) || hits->overflow)
            continue;
        for (size_t from = 0; from <= len; from++) {
            if (pcre2_match(pats[k].re, (PCRE2_SPTR)s, len, from, 0, md, NULL) < 0)
                break;
            size_t a = pcre2_get_ovector_pointer(md)[0];
            if (!hit_at(hits, s, k, a)) {
                printf("FAIL: %s: rule %s matches at byte %zu of '%.*s' where no leading literal starts\n", file,
                       pats[k].text, a, (int)(len > 120 ? 120 : len), s);
                fail++;
                break;
            }
            from = a; /* the next place a match may start */
        }
    }
}

/* The reader on its own: does `pattern` get a prefilter, and is `subject` marked? */
static void reader_case(const char *pattern, int want_pf, const char *subject, int want_marked)
{
    vp_prefilter *p = vp_prefilter_new();
    int pf = vp_prefilter_add(p, 0, pattern, strlen(pattern));
    vp_prefilter_build(p, 1);
    uint64_t *bits = vp_xcalloc(vp_prefilter_words(p), sizeof *bits);
    vp_prefilter_scan(p, subject, strlen(subject), bits, NULL);
    int marked = (int)(bits[0] & 1);
    free(bits);
    if (pf != want_pf || (pf && marked != want_marked)) {
        printf("FAIL: reader: '%s' on '%s': prefilter %d (want %d), marked %d (want %d)\n", pattern, subject, pf,
               want_pf, marked, want_marked);
        fail++;
    } else {
        pass++;
    }
    vp_prefilter_free(p);
}

/* The leading set: does `pattern` get one, and where does the scan say it starts in
 * `subject` (want_at: the first start, -1 for none)? */
static void lead_case(const char *pattern, int want_lead, const char *subject, long want_at)
{
    int lead = vp_prefilter_leads(pattern, strlen(pattern));
    vp_prefilter *p = vp_prefilter_new();
    vp_prefilter_add(p, 0, pattern, strlen(pattern));
    vp_prefilter_build(p, 1);
    uint64_t *bits = vp_xcalloc(vp_prefilter_words(p), sizeof *bits);
    vp_pf_hits hits = {0};
    vp_prefilter_scan(p, subject, strlen(subject), bits, &hits);
    long at = -1;
    for (size_t i = 0; i < hits.n; i++) {
        long a = (long)vp_pf_hit_start(subject, &hits.h[i]);
        if (at < 0 || a < at)
            at = a;
    }
    int is = vp_prefilter_is_lead(p, 0);
    if (lead != want_lead || is != want_lead || (want_lead && at != want_at)) {
        printf("FAIL: lead: '%s' on '%s': lead %d/%d (want %d), first start %ld (want %ld)\n", pattern, subject, lead,
               is, want_lead, at, want_at);
        fail++;
    } else {
        pass++;
    }
    free(hits.h);
    free(bits);
    vp_prefilter_free(p);
}

/* More leading literals than VP_PF_HITS_MAX: the list stops there and says so, whatever room
 * it had before (a copy leaves any capacity). */
static void hits_cap_case(void)
{
    const char *pattern = "(?i)kế hoạch \\d";
    vp_prefilter *p = vp_prefilter_new();
    vp_prefilter_add(p, 0, pattern, strlen(pattern));
    vp_prefilter_build(p, 1);
    uint64_t *bits = vp_xcalloc(vp_prefilter_words(p), sizeof *bits);
    vp_buf text = {0};
    for (int i = 0; i < VP_PF_HITS_MAX + 100; i++)
        vp_buf_adds(&text, "kế hoạch ");
    vp_pf_hits hits = {0};
    hits.cap = 100;
    hits.h = vp_xmalloc(hits.cap * sizeof *hits.h);
    vp_prefilter_scan(p, text.data, text.len, bits, &hits);
    if (hits.overflow && hits.n == VP_PF_HITS_MAX && hits.cap <= VP_PF_HITS_MAX) {
        pass++;
    } else {
        printf("FAIL: leading literals past the cap: %zu kept (room %zu), overflow %d\n", hits.n, hits.cap,
               hits.overflow);
        fail++;
    }
    free(hits.h);
    vp_buf_free(&text);
    free(bits);
    vp_prefilter_free(p);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_prefilter RULESDIR FILE...\n");
        return 2;
    }
    reader_case("(?i:ngân sách) nhà nước", 1, "NGÂN SÁCH NHÀ NƯỚC cấp", 1);
    reader_case("(?i:ngân sách) nhà nước", 1, "ngân sách tỉnh", 0);
    reader_case("(?i)Đến hết năm", 1, "ĐẾN HẾT NĂM 2025", 1);
    reader_case("aab?cc", 1, "aacc", 1);       /* "aa" and "cc" are required, "b" is not */
    reader_case("(?:tỷ|triệu)\\s*đồng", 1, "5 triệu đồng", 1);
    reader_case("(?:tỷ|triệu)\\s*đồng", 1, "5 nghìn", 0);
    reader_case("(?:tỷ|triệu)\\s*đồng", 1, "5 triệu", 0);   /* both requirements hold */
    /* a call of a named group requires nothing of its own; what is around it still counts */
    reader_case("(?<ag>Sở \\p{L}+)(?=(?:, (?&ag))* chủ trì)", 1, "Sở Y tế, Sở Tài chính chủ trì", 1);
    reader_case("(?<ag>Sở \\p{L}+)(?=(?:, (?&ag))* chủ trì)", 1, "Sở Y tế phối hợp", 0);
    reader_case("(?<ag>Sở \\p{L}+)(?=(?:, (?&ag))* chủ trì)", 1, "Phòng Y tế chủ trì", 0);
    /* so does a call of a group by its number, relative or not; an option "(?-i)" is no call */
    reader_case("Luật (\\p{Lu}|, )(?-1){1,119}? số", 1, "Luật Đất đai số", 1);
    reader_case("Luật (\\p{Lu}|, )(?-1){1,119}? số", 1, "Luật Đất đai năm", 0);
    reader_case("Luật (\\p{Lu}|, )(?-1){1,119}? số", 1, "Nghị định Đất đai số", 0);
    reader_case("x(ab)(?1)(?+1)(cd)", 1, "xababcdcd", 1);
    reader_case("x(ab)(?1)(?+1)(cd)", 1, "xabab", 0);
    reader_case("(?i)k(?-i)Ab", 1, "kAb", 1);
    reader_case("(?i)k(?-i)Ab", 1, "kxb", 0);
    reader_case("(?:tỷ|triệu)\\s*đồng", 1, "5 đồng", 0);
    reader_case("(?i:ng[àa]y)\\s*\\d+", 1, "NGAY 5", 1);    /* a class of letters: each one */
    reader_case("(?i:ng[àa]y)\\s*\\d+", 1, "Ngày 5", 1);
    reader_case("(?i:ng[àa]y)\\s*\\d+", 1, "ngõ 5", 0);
    reader_case("(?i:ng[àa]y)\\s*\\d+", 1, "ngày tới", 0); /* and the digit */
    reader_case("aa[b-d]ee", 1, "aacee", 1);         /* a range is not read as letters */
    reader_case("aa[^b]ee", 1, "aaxee", 1);
    reader_case("x[/-]y", 1, "x-y", 1);
    reader_case("x[/-]y", 1, "x/y", 1);
    reader_case("x[/-]y", 1, "x.y", 0);
    reader_case("(?:ab|cd)[xy]ef", 1, "cdyef", 1);
    reader_case("(?:ab|cd)[xy]ef", 1, "cdzef", 0);
    reader_case("(?<![\\p{L}])giao\\s+(?<agency>Phòng)", 1, "Giao Phòng Y tế", 1);
    reader_case("\\d{1,3}\\s*%", 1, "đạt 80 %", 1);
    reader_case("\\d{1,3}\\s*%", 1, "đạt 80 phần trăm", 0);
    reader_case("\\d+\\s*(?=(?i:chủ trì)\\b)", 1, "Sở Y tế 2 CHỦ TRÌ", 1); /* positive lookahead */
    reader_case("\\d+\\s*(?=(?i:chủ trì)\\b)", 1, "Sở Y tế 2 phối hợp", 0);
    reader_case("(?<!không ).", 0, "", 0);      /* a negative lookbehind requires nothing */
    reader_case("a|", 0, "", 0);                /* an empty branch: no requirement */
    reader_case("(?x) a b", 0, "", 0);          /* extended syntax is not read */
    reader_case("\\Qabc\\E", 0, "", 0);
    reader_case("(ab)\\1", 1, "xab", 1);
    reader_case("\\d+", 1, "không có số", 0);   /* \d needs a decimal digit */
    reader_case("\\d+", 1, "mục 3", 1);
    reader_case("\\d+", 1, "\xd9\xa3", 1);      /* ARABIC-INDIC DIGIT THREE is \d too */
    reader_case("(?:\\d|x)yy", 1, "xyy", 1);     /* a digit in one branch only is not required */
    reader_case("x{0,2}yz", 1, "yz", 1);
    reader_case("Ka", 1, "\xe2\x84\xaa" "a", 1);     /* KELVIN SIGN folds like k */
    reader_case("(?i)ss", 1, "\xc5\xbf\xc5\xbf", 1); /* LONG S folds like s */
    /* one letter is in nearly every text: no requirement (the rule always runs) */
    reader_case("^\\s*(?=[IVXLC])[IVXLC]+\\s", 0, "II ", 1);
    reader_case("(?i)c(?:ông)?\\s+x", 0, "c x", 1);
    /* a branch with (*FAIL) in it matches nothing: the other branch's requirements, all of them */
    reader_case("số\\s*\\d+\\s+ngày(*SKIP)(*F)|ngày\\s*\\d+\\s*tháng", 1, "ngày 5 tháng", 1);
    reader_case("số\\s*\\d+\\s+ngày(*SKIP)(*F)|ngày\\s*\\d+\\s*tháng", 1, "số 5 ngày", 0);
    reader_case("số\\s*\\d+\\s+ngày(*SKIP)(*F)|ngày\\s*\\d+\\s*tháng", 1, "ngày 5", 0);
    reader_case("a(*SKIP)b|c(*FAIL)", 1, "ab", 1);
    reader_case("a(*SKIP)b|c(*FAIL)", 1, "c", 0);
    reader_case("a(*PRUNE:x)b(*COMMIT)(*THEN)(*:m)c", 1, "abc", 1);
    reader_case("a(*PRUNE:x)b(*COMMIT)(*THEN)(*:m)c", 1, "ab", 0);
    reader_case("(*F)|(*FAIL)", 0, "", 0);      /* nothing matches: not read */
    reader_case("a(*ACCEPT)b", 0, "", 0);       /* (*ACCEPT) ends a match early: not read */
    reader_case("(*UTF)ab", 0, "", 0);
    /* a literal kept to its first bytes may end inside a character: its whole characters count */
    reader_case("(?i)phòng người", 1, "PHÒNG NGƯỜI", 1);
    reader_case("(?i)phòng người", 1, "phòng ngưỡng", 1); /* "phòng ngư" + a byte of "ờ": the byte is dropped */
    reader_case("(?i)phòng người", 1, "phòng ngừa", 0);
    /* capitals of each range fold to the literal's letters: Latin-1, Latin Extended-A/B, U+1EXX */
    reader_case("(?i)đư ẩ ày", 1, "ĐƯ Ẩ ÀY", 1);
    reader_case("(?i)đư ẩ ày", 1, "ĐƯ Ẩ ẢY", 0);

    /* leading sets: after zero-width items, of literals of three characters or more */
    lead_case("(?<![\\p{L}])(?i:kế hoạch|công văn)\\s*số", 1, "Theo KẾ HOẠCH số 5", 5);
    lead_case("(?i)\\bkế hoạch\\s+\\d|quyết định", 1, "ban hành Quyết định", 10);
    lead_case("(?<doctype>[Kk]ế hoạch)\\s+\\d", 1, "xem Kế hoạch 12", 4);
    lead_case("(?:kế hoạch){1,2} số", 1, "kế hoạchkế hoạch số", 0);
    lead_case("(?i)số\\s*\\d+/", 0, "", -1);           /* too short to be worth noting */
    lead_case("\\s*kế hoạch", 0, "", -1);               /* what may start a match is not a literal */
    lead_case("(?:kế hoạch)?\\s*công văn", 0, "", -1);  /* an optional group first, then no literal */
    /* optional groups first: theirs and the leading set of what follows */
    lead_case("(?:kế hoạch\\s+)?(?i:công văn)", 1, "theo Công văn", 5);
    /* a branch of lookarounds: the match starts where the group ends, at what follows */
    lead_case("(?:nguồn\\s+|(?<=bằng\\s))vốn đầu tư", 1, "chi bằng vốn đầu tư", 11);
    lead_case("(?:nguồn\\s+|(?<=bằng\\s))vốn đầu tư", 1, "từ nguồn vốn đầu tư", 5);
    lead_case("(?:nguồn\\s+|(?<=bằng\\s))\\s*vốn", 0, "", -1); /* what follows is no literal */
    lead_case("(?:kế hoạch\\s+)?(?i:công văn)", 1, "theo kế hoạch công văn", 5);
    lead_case("(?:kế hoạch)*(?:quyết định)?công văn", 1, "xem quyết địnhcông văn", 4);
    lead_case("(?:kế hoạch)?", 0, "", -1);               /* nothing after: a match may be empty */
    lead_case("(?:\\s+)?công văn", 0, "", -1);           /* an optional group with no leading set */
    /* a group of lookbehinds takes nothing: what follows it leads */
    lead_case("(?:(?<=trước\\s)|(?<=sau\\s))(?i:ngày)\\s*\\d", 1, "sau ngày 5", 4);
    lead_case("(?:(?<=a)|b)công văn", 0, "", -1);        /* one branch takes a character */
    lead_case("(?i:năm)\\s+\\d", 1, "trong năm 2025", 6);
    lead_case("kế hoạch|\\d+ công văn", 0, "", -1);     /* one branch without */
    lead_case("kế hoạch\\K số", 0, "", -1);            /* \\K moves the start */
    lead_case("công văn(*SKIP)(*F)|kế hoạch", 0, "", -1); /* a verb moves the next attempt */

    hits_cap_case();

    vp_prefilter *p = vp_prefilter_new();
    load_rules(p, argv[1]);
    vp_prefilter_build(p, npats);
    uint64_t *bits = vp_xcalloc(vp_prefilter_words(p), sizeof *bits);
    vp_pf_hits hits = {0};
    pcre2_match_data *md = pcre2_match_data_create(64, NULL);
    size_t withpf = 0, withlead = 0;
    for (size_t k = 0; k < npats; k++) {
        withpf += pats[k].pf != 0;
        withlead += vp_prefilter_is_lead(p, k) != 0;
    }
    if (npats && withlead == 0) {
        printf("FAIL: no rule has a leading set\n");
        fail++;
    }
    if (npats && withpf * 2 < npats) {
        printf("FAIL: only %zu of %zu rules have a prefilter\n", withpf, npats);
        fail++;
    }
    for (int a = 2; a < argc; a++) {
        unsigned char *buf = NULL;
        size_t len;
        char err[256];
        if (vp_read_file(argv[a], (size_t)1 << 26, &buf, &len, err, sizeof err) != 0 ||
            !vp_utf8_valid((const char *)buf, len)) {
            free(buf);
            continue;
        }
        const char *s = (const char *)buf;
        int before = fail;
        for (size_t i = 0; i <= len;) {
            const char *nl = memchr(s + i, '\n', len - i);
            size_t e = nl ? (size_t)(nl - s) : len;
            check_subject(p, md, s + i, e - i, bits, &hits, argv[a]);
            i = e + 1;
        }
        check_subject(p, md, s, len, bits, &hits, argv[a]);
        if (fail == before)
            pass++; /* one check a file: no match of any rule was hidden */
        free(buf);
    }
    pcre2_match_data_free(md);
    free(bits);
    free(hits.h);
    for (size_t k = 0; k < npats; k++) {
        pcre2_code_free(pats[k].re);
        free(pats[k].text);
    }
    free(pats);
    vp_prefilter_free(p);
    printf("%d passed, %d failed\n", pass, fail);
    return fail ? 1 : 0;
}
