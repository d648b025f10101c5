/* test_rules.c - every rule of a family pinned to examples.
 * usage: test_rules RULESDIR FAMILY EXAMPLES...
 *        test_rules RULESDIR --sizes   (the compiled size of every rule of every FAMILY.rules)
 * An examples line is RULE<TAB>input<TAB>expected, expected being "nomatch" or
 * space-separated key=value pairs: a named group's text, or an attribute of the rule.
 * Fails when a line does not hold or when a rule of the family has no example. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rules.h"
#include "vnplan.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pcre2.h>

static int pass, fail;

static void check_line(const vp_family *f, vp_matcher *m, const char *file, int ln, char *line)
{
    char *name = line, *input = strchr(line, '\t');
    if (!input) {
        printf("FAIL: %s:%d: expected RULE<TAB>input<TAB>expected\n", file, ln);
        fail++;
        return;
    }
    *input++ = 0;
    char *want = strchr(input, '\t');
    if (!want) {
        printf("FAIL: %s:%d: no expected column\n", file, ln);
        fail++;
        return;
    }
    *want++ = 0;
    const vp_rule *r = NULL;
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(vp_rule_name(f->rules[i]), name) == 0)
            r = f->rules[i];
    if (!r) {
        printf("FAIL: %s:%d: no rule named %s\n", file, ln, name);
        fail++;
        return;
    }
    int hit = vp_rule_exec(r, m, input, strlen(input), 0) == 1;
    if (strcmp(want, "nomatch") == 0) {
        if (hit) {
            printf("FAIL: %s:%d: %s matched '%s'\n", file, ln, name, input);
            fail++;
        } else
            pass++;
        return;
    }
    if (!hit) {
        printf("FAIL: %s:%d: %s did not match '%s'\n", file, ln, name, input);
        fail++;
        return;
    }
    /* key=value pairs; a value runs up to the next " key=" */
    char *p = want;
    int good = 1;
    while (p && *p) {
        char *eq = strchr(p, '=');
        if (!eq)
            break;
        *eq = 0;
        char *val = eq + 1, *next = NULL;
        for (char *q = val; *q; q++)
            if (*q == ' ') {
                char *e2 = strchr(q + 1, '=');
                char *sp = strchr(q + 1, ' ');
                if (e2 && (!sp || e2 < sp)) {
                    *q = 0;
                    next = q + 1;
                    break;
                }
            }
        size_t s, e;
        const char *attr = vp_rule_attr(r, p);
        char got[512] = "";
        if (vp_match_group(m, p, &s, &e))
            snprintf(got, sizeof got, "%.*s", (int)(e - s), input + s);
        else if (attr)
            snprintf(got, sizeof got, "%s", attr);
        else
            snprintf(got, sizeof got, "(unset)");
        if (strcmp(got, val) != 0) {
            printf("FAIL: %s:%d: %s on '%s': %s is '%s', expected '%s'\n", file, ln, name, input, p, got, val);
            good = 0;
        }
        p = next;
    }
    if (good)
        pass++;
    else
        fail++;
}

/* The per-document deadline of a matcher: once it has passed, no rule matches (the clock is
 * read every 64 matches) and the matcher says so; a new deadline (0: none) clears it.
 * Uses the first example of `file` that must match. */
static void check_deadline(const vp_family *f, vp_matcher *m, const char *file)
{
    FILE *fp = fopen(file, "r");
    char line[4096];
    const vp_rule *r = NULL;
    char *input = NULL;
    while (fp && !r && fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\n")] = 0;
        char *in = strchr(line, '\t'), *want = in ? strchr(in + 1, '\t') : NULL;
        if (line[0] == '#' || !want || strcmp(want + 1, "nomatch") == 0)
            continue;
        *in++ = 0;
        *want = 0;
        for (size_t i = 0; i < f->n; i++)
            if (strcmp(vp_rule_name(f->rules[i]), line) == 0 && vp_rule_exec(f->rules[i], m, in, strlen(in), 0) == 1) {
                r = f->rules[i];
                input = in;
            }
    }
    if (fp)
        fclose(fp);
    if (!r) {
        printf("FAIL: %s: no matching example to test the deadline with\n", file);
        fail++;
        return;
    }
    size_t n = strlen(input);
    vp_matcher_set_deadline(m, vp_now() + 3600);
    int ok = vp_rule_exec(r, m, input, n, 0) == 1 && !vp_matcher_expired(m);
    vp_matcher_set_deadline(m, vp_now() - 1);
    int calls = 0;
    while (calls < 200 && vp_rule_exec(r, m, input, n, 0) == 1)
        calls++;
    ok = ok && calls < 64 && vp_matcher_expired(m) && vp_rule_exec(r, m, input, n, 0) == 0;
    vp_matcher_set_deadline(m, 0);
    ok = ok && !vp_matcher_expired(m) && vp_rule_exec(r, m, input, n, 0) == 1;
    if (ok)
        pass++;
    else {
        printf("FAIL: %s: the matcher's deadline does not stop matching (%d matches after it)\n", file, calls);
        fail++;
    }
}

/* Rules loaded from a folder holding only facts.rules with `text`, JIT-compiled by `jobs`
 * threads (none: 0); NULL (a failure counted, named by `what`) when that cannot be. */
static vp_rules *load_facts_rules_jobs(const char *text, const char *what, int jobs)
{
    char dir[] = "/tmp/vnplan-test-rules.XXXXXX";
    if (!mkdtemp(dir)) {
        printf("FAIL: %s: cannot make a folder\n", what);
        fail++;
        return NULL;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/facts.rules", dir);
    FILE *fp = fopen(path, "w");
    if (!fp) {
        printf("FAIL: %s: cannot write %s\n", what, path);
        fail++;
        rmdir(dir);
        return NULL;
    }
    fputs(text, fp);
    fclose(fp);
    char err[1024];
    vp_rules *R = vp_rules_load_jobs(dir, jobs, err, sizeof err);
    remove(path);
    rmdir(dir);
    if (!R) {
        printf("FAIL: %s: %s\n", what, err);
        fail++;
    }
    return R;
}

static vp_rules *load_facts_rules(const char *text, const char *what) { return load_facts_rules_jobs(text, what, 1); }

/* A text rewritten in place (same buffer, same length) between two runs of a family whose
 * first rule has no prefilter: the second run must not trust the prefilter's result for the
 * old bytes. */
static void check_reused_buffer(void)
{
    vp_rules *R = load_facts_rules("blank :: ^\\s*$\nplan :: (?i)kế hoạch\n", "reused buffer");
    if (!R)
        return;
    const vp_family *f = vp_rules_family(R, "facts");
    vp_matcher *m = vp_matcher_new(R);
    char buf[16];
    memcpy(buf, "abcdefghijkl", 13); /* as many bytes as "kế hoạch" */
    const vp_rule *a = vp_family_first(f, m, buf, 12, 0);
    memcpy(buf, "kế hoạch", 13);
    const vp_rule *b = vp_family_first(f, m, buf, 12, 0);
    if (a || !b || strcmp(vp_rule_name(b), "plan") != 0) {
        printf("FAIL: reused buffer: the rewritten text was judged by its old bytes\n");
        fail++;
    } else {
        pass++;
    }
    vp_matcher_free(m);
    vp_rules_free(R);
}

/* vp_buf_printf and vp_arena_printf give the whole text, short or longer than the room the
 * buffer had, appended after what was there. */
static void check_printf(void)
{
    char big[1000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = 0;
    vp_buf b = {0};
    vp_buf_printf(&b, "%s-%d", "ab", 7);
    vp_buf_printf(&b, "[%s]", big);
    vp_buf_printf(&b, "%s", "");
    vp_buf_printf(&b, "%c", 'z');
    int ok = b.len == 4 + 1001 + 1 && memcmp(b.data, "ab-7[", 5) == 0 && b.data[4 + 1000] == ']' &&
             b.data[b.len - 1] == 'z' && b.data[b.len] == 0 && strspn(b.data + 5, "x") == 999;
    vp_buf_free(&b);
    vp_arena *a = vp_arena_new();
    const char *s1 = vp_arena_printf(a, "t%d", 12);
    const char *s2 = vp_arena_printf(a, "%s|%s", big, big);
    ok = ok && strcmp(s1, "t12") == 0 && strlen(s2) == 1999 && s2[999] == '|' && strspn(s2, "x") == 999;
    vp_arena_free(a);
    if (ok) {
        pass++;
    } else {
        printf("FAIL: vp_buf_printf / vp_arena_printf: wrong text\n");
        fail++;
    }
}

/* vp_family_field_rules: the rules of one "field" value, and those without one, in file order. */
static void check_field_rules(void)
{
    vp_rules *R = load_facts_rules("r0 field=a :: x\nr1 :: y\nr2 field=b :: z\nr3 field=a field=b :: w\nr4 :: v\n",
                                   "field rules");
    if (!R)
        return;
    const vp_family *f = vp_rules_family(R, "facts");
    vp_matcher *m = vp_matcher_new(R);
    size_t na, nb, nn, nc;
    const uint32_t *a = vp_family_field_rules(f, "a", m, &na), *b = vp_family_field_rules(f, "b", m, &nb);
    const uint32_t *none = vp_family_field_rules(f, NULL, m, &nn);
    vp_family_field_rules(f, "c", m, &nc);
    /* only the first "field" of r3 counts, as for vp_rule_field */
    if (na == 2 && a[0] == 0 && a[1] == 3 && nb == 1 && b[0] == 2 && nn == 2 && none[0] == 1 && none[1] == 4 &&
        nc == 0) {
        pass++;
    } else {
        printf("FAIL: field rules: wrong lists (a %zu, b %zu, none %zu, c %zu)\n", na, nb, nn, nc);
        fail++;
    }
    vp_matcher_free(m);
    vp_rules_free(R);
}

/* The prefilter's results kept by content: subjects handed over again in other buffers,
 * after more text than the matcher keeps has passed (records written over), and once longer
 * than it keeps at all, find the same rule at the same place as the first time. */
static void check_content_cache(void)
{
    vp_rules *R = load_facts_rules("plan :: (?i)(?<![\\p{L}])kế hoạch\\s+số\\s+(?<text>\\d+)\nyear :: năm (?<text>\\d{4})\n",
                                   "content cache");
    if (!R)
        return;
    const vp_family *f = vp_rules_family(R, "facts");
    vp_matcher *m = vp_matcher_new(R);
    enum { N = 3000, W = 600 };
    size_t *first = malloc(N * sizeof *first);
    int ok = first != NULL;
    for (int pass2 = 0; pass2 < 2 && ok; pass2++)
        for (int k = 0; k < N && ok; k++) {
            int i = pass2 ? N - 1 - k : k; /* the second time the latest first: kept, then written over */
            char *buf = malloc(W + 1);
            if (!buf) {
                ok = 0;
                break;
            }
            memset(buf, 'x', W);
            buf[W] = 0;
            char tag[64];
            int tl = snprintf(tag, sizeof tag, " Kế hoạch số %d ", i);
            size_t at = (size_t)(i * 37) % (W - 80);
            if (i % 3)
                memcpy(buf + at, tag, (size_t)tl);
            static const char more[] = " kế hoạch "; /* the literal again, not followed by a number */
            for (size_t j = 0; j + 40 < W; j += 97)
                if (j + sizeof more < at || j > at + (size_t)tl)
                    memcpy(buf + j, more, sizeof more - 1);
            const vp_rule *r = vp_family_first(f, m, buf, W, 0);
            size_t ms = 0, me = 0;
            if (r)
                vp_match_range(m, &ms, &me);
            size_t want = i % 3 ? at + 1 : (size_t)-1;
            size_t got = r && strcmp(vp_rule_name(r), "plan") == 0 ? ms : (size_t)-1;
            if (got != want || (pass2 && got != first[i])) {
                printf("FAIL: content cache: subject %d (pass %d): match at %zu, wanted %zu\n", i, pass2 + 1, got,
                       want);
                ok = 0;
            }
            first[i] = got;
            free(buf);
        }
    /* a subject longer than a record may be, twice */
    size_t big = 300 * 1024;
    char *b1 = malloc(big), *b2 = malloc(big);
    if (ok && b1 && b2) {
        memset(b1, 'y', big);
        memcpy(b1 + big - 100, "năm 2031", 9);
        memcpy(b2, b1, big);
        const vp_rule *r1 = vp_family_first(f, m, b1, big, 0);
        size_t s1 = 0, e1 = 0, s2 = 1, e2 = 1;
        if (r1)
            vp_match_range(m, &s1, &e1);
        const vp_rule *r2 = vp_family_first(f, m, b2, big, 0);
        if (r2)
            vp_match_range(m, &s2, &e2);
        if (!r1 || r1 != r2 || s1 != big - 100 || s2 != s1 || e2 != e1) {
            printf("FAIL: content cache: a long subject read twice gave different matches\n");
            ok = 0;
        }
    }
    free(b1);
    free(b2);
    free(first);
    if (ok)
        pass++;
    else
        fail++;
    vp_matcher_free(m);
    vp_rules_free(R);
}

/* pcre2 (as Debian builds it, with 2-byte links) refuses a compiled pattern over 64 KB: a rule
 * that has come near that fails while there is still room to split it or share its parts (see
 * rules/README.md), not when the next word added to a definition stops the rules loading. */
#define RULE_SIZE_MAX 58000
static void check_size(const vp_rule *r)
{
    int ec;
    PCRE2_SIZE eo;
    const char *pat = vp_rule_pattern(r);
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, strlen(pat), PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES, &ec, &eo, NULL);
    size_t size = 0;
    if (!re || pcre2_pattern_info(re, PCRE2_INFO_SIZE, &size) != 0) {
        printf("FAIL: %s: rule %s does not compile again\n", vp_rule_where(r), vp_rule_name(r));
        fail++;
    } else if (size > RULE_SIZE_MAX) {
        printf("FAIL: %s: rule %s compiles to %zu bytes, near pcre2's limit of 65536\n", vp_rule_where(r),
               vp_rule_name(r), size);
        fail++;
    } else {
        pass++;
    }
    pcre2_code_free(re);
}

/* The size of every rule of every family: each FAMILY.rules of the directory, so a new file is
 * checked too. */
static void check_sizes(const vp_rules *R, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        printf("FAIL: cannot open %s\n", dir);
        fail++;
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= 6 || e->d_name[0] == '.' || strcmp(e->d_name + len - 6, ".rules") != 0)
            continue;
        char fam[256];
        snprintf(fam, sizeof fam, "%.*s", (int)(len - 6), e->d_name);
        const vp_family *f = vp_rules_family(R, fam);
        if (f->n == 0) {
            printf("FAIL: %s/%s: no rules loaded\n", dir, e->d_name);
            fail++;
            continue;
        }
        for (size_t i = 0; i < f->n; i++)
            check_size(f->rules[i]);
    }
    closedir(d);
}

/* JIT compilation on demand: a rule run by two workers at once, many times each (by the JIT
 * code one of them compiles at its first run, by the interpreter while it does), finds the
 * same match every time, and the rule the workers never ran finds its match too. */
typedef struct lazy_run {
    const vp_family *f;
    vp_matcher *m;
    int bad;
} lazy_run;

static void *lazy_worker(void *arg)
{
    lazy_run *w = arg;
    static const char text[] = "Giao Sở Tài chính chủ trì, báo cáo trước ngày 15/12/2025.";
    for (int i = 0; i < 400; i++) {
        const vp_rule *r = vp_family_first(w->f, w->m, text, sizeof text - 1, (size_t)(i % 3));
        size_t s = 0, e = 0, ds = 0, de = 0;
        if (!r || strcmp(vp_rule_name(r), "date") != 0)
            w->bad++;
        else {
            vp_match_range(w->m, &s, &e);
            if (!vp_match_group(w->m, "text", &ds, &de) || ds != s || e - s != 10 ||
                memcmp(text + s, "15/12/2025", 10) != 0)
                w->bad++;
        }
    }
    return NULL;
}

static void check_lazy_jit(void)
{
    vp_rules *R = load_facts_rules_jobs("date :: (?<text>\\d{1,2}/\\d{1,2}/\\d{4})\nplan :: (?i)kế hoạch\n",
                                         "lazy jit", 0);
    if (!R)
        return;
    vp_rules_jit_lazy(R);
    const vp_family *f = vp_rules_family(R, "facts");
    lazy_run w[2] = {{f, vp_matcher_new(R), 0}, {f, vp_matcher_new(R), 0}};
    pthread_t th;
    int started = pthread_create(&th, NULL, lazy_worker, &w[1]) == 0;
    lazy_worker(&w[0]);
    if (started)
        pthread_join(th, NULL);
    else
        lazy_worker(&w[1]);
    static const char plan[] = "Kế hoạch số 12";
    const vp_rule *p = vp_family_first(f, w[0].m, plan, sizeof plan - 1, 0);
    if (w[0].bad || w[1].bad || !p || strcmp(vp_rule_name(p), "plan") != 0) {
        printf("FAIL: lazy jit: %d and %d runs found another match%s\n", w[0].bad, w[1].bad,
               p ? "" : "; the rule never run before found none");
        fail++;
    } else {
        pass++;
    }
    vp_matcher_free(w[0].m);
    vp_matcher_free(w[1].m);
    vp_rules_free(R);
}

int main(int argc, char **argv)
{
    int sizes = argc == 3 && strcmp(argv[2], "--sizes") == 0;
    if (argc < 4 && !sizes) {
        fprintf(stderr, "usage: test_rules RULESDIR FAMILY EXAMPLES...\n       test_rules RULESDIR --sizes\n");
        return 2;
    }
    char err[1024];
    /* compiled by three threads, as a run with -j 3 does: every example holds of that too (the
     * other tests load with one) */
    vp_rules *R = vp_rules_load_jobs(argv[1], 3, err, sizeof err);
    if (!R) {
        printf("FAIL: %s\n0 passed, 1 failed\n", err);
        return 1;
    }
    if (sizes) {
        check_sizes(R, argv[1]);
        vp_rules_free(R);
        printf("%d passed, %d failed\n", pass, fail);
        return fail ? 1 : 0;
    }
    if (strcmp(argv[2], "header") == 0) {
        check_reused_buffer();
        check_printf();
        check_field_rules();
        check_content_cache();
        check_lazy_jit();
    }
    const vp_family *f = vp_rules_family(R, argv[2]);
    vp_matcher *m = vp_matcher_new(R);
    int *seen = calloc(f->n + 1, sizeof(int));
    for (int a = 3; a < argc; a++) {
        FILE *fp = fopen(argv[a], "r");
        if (!fp) {
            printf("FAIL: cannot open %s\n", argv[a]);
            fail++;
            continue;
        }
        char line[4096];
        int ln = 0;
        while (fgets(line, sizeof line, fp)) {
            ln++;
            line[strcspn(line, "\n")] = 0;
            if (!line[0] || line[0] == '#')
                continue;
            char *tab = strchr(line, '\t');
            if (tab)
                for (size_t i = 0; i < f->n; i++)
                    if (strlen(vp_rule_name(f->rules[i])) == (size_t)(tab - line) &&
                        strncmp(vp_rule_name(f->rules[i]), line, (size_t)(tab - line)) == 0)
                        seen[i] = 1;
            check_line(f, m, argv[a], ln, line);
        }
        fclose(fp);
    }
    for (size_t i = 0; i < f->n; i++)
        if (!seen[i]) {
            printf("FAIL: %s: rule %s has no example\n", vp_rule_where(f->rules[i]), vp_rule_name(f->rules[i]));
            fail++;
        }
    free(seen);
    for (size_t i = 0; i < f->n; i++)
        check_size(f->rules[i]);
    check_deadline(f, m, argv[3]);
    vp_matcher_free(m);
    vp_rules_free(R);
    printf("%d passed, %d failed\n", pass, fail);
    return fail ? 1 : 0;
}
