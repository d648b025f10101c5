/* test_facts.c - checks for the facts stage.
 *
 *   test_facts examples RULESDIR FILE.examples...
 *       every line "RULE-NAME<TAB>input<TAB>expected" runs that one rule on the input; the
 *       expected "key=value ..." pairs name groups of the match (their text) or attributes of
 *       the rule; "nomatch" expects no match.  Every rule of the family (the file's name)
 *       must have an example.
 *   test_facts rule RULESDIR FAMILY RULE-NAME TEXT
 *       prints the groups of the first match (for writing examples).
 *   test_facts unit RULESDIR
 *       runs vp_facts() on small documents built by hand and checks the facts.
 * Prints "N passed, M failed" and exits 1 when M > 0.
 */
#include "dates.h"
#include "facts.h"
#include "rules.h"
#include "vnplan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int npass, nfail;

static void check(int ok, const char *what)
{
    if (ok)
        npass++;
    else {
        nfail++;
        printf("FAIL: %s\n", what);
    }
}

static const vp_rule *find_rule(const vp_family *f, const char *name)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(vp_rule_name(f->rules[i]), name) == 0)
            return f->rules[i];
    return NULL;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    vp_buf b = {0};
    char tmp[4096];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        vp_buf_add(&b, tmp, n);
    fclose(f);
    return vp_buf_steal(&b);
}

/* expected: space-separated key=value; a value runs to the next " key=" (values may hold spaces). */
static int check_expected(const vp_rule *r, vp_matcher *m, const char *in, const char *exp, char *why, size_t wl)
{
    const char *p = exp;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *eq = strchr(p, '=');
        if (!eq) {
            snprintf(why, wl, "bad expectation '%s'", p);
            return 0;
        }
        /* value ends at the next " word=" */
        const char *v = eq + 1, *e = v;
        for (;;) {
            const char *sp = strchr(e, ' ');
            if (!sp) {
                e = v + strlen(v);
                break;
            }
            const char *q = sp + 1;
            while (*q && *q != ' ' && *q != '=')
                q++;
            if (*q == '=') {
                e = sp;
                break;
            }
            e = sp + 1;
        }
        char key[64];
        snprintf(key, sizeof key, "%.*s", (int)(eq - p), p);
        size_t gs, ge;
        const char *attr = vp_rule_attr(r, key);
        if (vp_match_group(m, key, &gs, &ge)) {
            if (ge - gs != (size_t)(e - v) || memcmp(in + gs, v, ge - gs) != 0) {
                snprintf(why, wl, "%s is '%.*s', expected '%.*s'", key, (int)(ge - gs), in + gs, (int)(e - v), v);
                return 0;
            }
        } else if (attr) {
            if (strlen(attr) != (size_t)(e - v) || memcmp(attr, v, (size_t)(e - v)) != 0) {
                snprintf(why, wl, "attribute %s is '%s', expected '%.*s'", key, attr, (int)(e - v), v);
                return 0;
            }
        } else {
            snprintf(why, wl, "no group or attribute '%s' in the match", key);
            return 0;
        }
        p = e;
    }
    return 1;
}

static void run_examples(const vp_rules *R, vp_matcher *m, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char fam[64];
    snprintf(fam, sizeof fam, "%.*s", (int)(strcspn(base, ".")), base);
    const vp_family *f = vp_rules_family(R, fam);
    char *text = slurp(path);
    if (!text) {
        check(0, path);
        return;
    }
    size_t *seen = vp_xcalloc(f->n + 1, sizeof *seen);
    int lineno = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        lineno++;
        if (!*line || *line == '#')
            continue;
        char *t1 = strchr(line, '\t');
        char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        char what[1200];
        if (!t1 || !t2) {
            snprintf(what, sizeof what, "%s:%d: expected RULE<TAB>input<TAB>expected", path, lineno);
            check(0, what);
            continue;
        }
        *t1 = *t2 = 0;
        const char *name = line, *in = t1 + 1, *exp = t2 + 1;
        const vp_rule *r = find_rule(f, name);
        if (!r) {
            snprintf(what, sizeof what, "%s:%d: no rule %s in family %s", path, lineno, name, fam);
            check(0, what);
            continue;
        }
        for (size_t i = 0; i < f->n; i++)
            if (f->rules[i] == r)
                seen[i]++;
        int hit = vp_rule_exec(r, m, in, strlen(in), 0) == 1;
        char why[600] = "";
        int ok;
        if (strcmp(exp, "nomatch") == 0)
            ok = !hit, snprintf(why, sizeof why, "matched but should not");
        else
            ok = hit ? check_expected(r, m, in, exp, why, sizeof why) : (snprintf(why, sizeof why, "no match"), 0);
        snprintf(what, sizeof what, "%s:%d: %s on \"%.200s\": %s", path, lineno, name, in, why);
        check(ok, what);
    }
    for (size_t i = 0; i < f->n; i++) {
        char what[300];
        snprintf(what, sizeof what, "%s: rule %s (%s) has no example", path, vp_rule_name(f->rules[i]),
                 vp_rule_where(f->rules[i]));
        check(seen[i] > 0, what);
    }
    free(seen);
    free(text);
}

/* ---- hand-built documents ---- */

typedef struct mini {
    vp_doc *doc;
    vp_text t;
} mini;

/* A document whose text is `text`; each line becomes a node: lines starting with "#K " are
 * sections of kind K (e.g. "#organisation TỔ CHỨC"), lines starting with "* " items with a
 * heading, other lines paragraphs under the last item or section (or the preamble). */
static void mini_build(mini *mm, const char *text, const char *date_value)
{
    memset(mm, 0, sizeof *mm);
    mm->doc = vp_doc_new();
    vp_doc *d = mm->doc;
    d->meta.date_value = date_value;
    size_t len = strlen(text);
    mm->t.data = vp_xstrdup(text);
    mm->t.len = len;
    mm->t.lines = vp_xcalloc(len + 2, sizeof(size_t));
    size_t nl = 0;
    mm->t.lines[nl++] = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            mm->t.lines[nl++] = i + 1;
    mm->t.nlines = nl;
    vp_node *sec = NULL, *item = NULL, *lastsec = NULL, *lastpre = NULL;
    int nsec = 0, nitem = 0;
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        vp_node *n = vp_arena_alloc(d->arena, sizeof *n);
        n->line = vp_text_line_of(&mm->t, i);
        n->own.start = i;
        n->own.end = j;
        if (text[i] == '#') {
            size_t k = i + 1;
            while (k < j && text[k] != ' ')
                k++;
            n->type = VP_NODE_SECTION;
            n->kind = vp_arena_strndup(d->arena, text + i + 1, k - i - 1);
            n->id = vp_arena_printf(d->arena, "s%d", ++nsec);
            n->heading = "";
            n->own.start = k < j ? k + 1 : j;
            if (lastsec)
                lastsec->next = n;
            else
                d->body = n;
            lastsec = sec = n;
            item = NULL;
            nitem = 0;
        } else if (text[i] == '*' && sec) {
            n->type = VP_NODE_ITEM;
            n->id = vp_arena_printf(d->arena, "%s.%d", sec->id, ++nitem);
            n->heading = "";
            n->own.start = i + 2;
            n->parent = sec;
            if (sec->last)
                sec->last->next = n;
            else
                sec->first = n;
            sec->last = n;
            item = n;
        } else {
            n->type = VP_NODE_PARA;
            vp_node *p = item ? item : sec;
            if (p) {
                n->parent = p;
                if (p->last)
                    p->last->next = n;
                else
                    p->first = n;
                p->last = n;
            } else {
                if (lastpre)
                    lastpre->next = n;
                else
                    d->preamble = n;
                lastpre = n;
            }
        }
        i = j + 1;
    }
}

static void mini_free(mini *mm)
{
    vp_doc_free(mm->doc);
    free(mm->t.data);
    free(mm->t.lines);
}

static void run_unit(const vp_rules *R, vp_matcher *m)
{
    char what[400];
    /* dates helpers */
    check(vp_date_roman("IV", 2) == 4 && vp_date_roman("II", 2) == 2 && vp_date_roman("3", 1) == 3, "roman");
    double v = 0;
    check(vp_date_decimal("1,5", 3, &v) && v == 1.5, "decimal 1,5");
    check(vp_date_decimal("500.000.000", 11, &v) && v == 500000000.0, "decimal 500.000.000");
    check(vp_date_decimal("1.500", 5, &v) && v == 1500.0, "decimal 1.500");
    check(vp_date_decimal("305,900", 7, &v) && v == 305900.0, "decimal 305,900 (a lone group of three)");
    check(vp_date_decimal_mark("305,900", 7, 1, &v) && v > 305.89 && v < 305.91, "decimal 305,900 with ',' marking decimals");
    check(vp_date_decimal_mark("1.500", 5, 1, &v) && v == 1500.0, "decimal 1.500 with ',' marking decimals");
    check(vp_date_valid(2024, 2, 29) && !vp_date_valid(2023, 2, 29), "leap year");

    mini mm;
    mini_build(&mm,
               "Thực hiện Kế hoạch số 102/KH-UBND ngày 22/3/2021 của UBND tỉnh Thừa Thiên Huế về thực hiện Chương trình.\n"
               "#objectives MỤC TIÊU\n"
               "* Mục tiêu cụ thể đến năm 2025\n"
               "a) Tối thiểu 50% người bị bạo lực trên cơ sở giới tìm kiếm sự trợ giúp.\n"
               "#budget KINH PHÍ\n"
               "Tổng kinh phí 5 tỷ 800 triệu đồng từ ngân sách nhà nước và nguồn xã hội hóa.\n"
               "#organisation TỔ CHỨC THỰC HIỆN\n"
               "* Phòng Lao động - Thương binh và Xã hội\n"
               "Chủ trì, phối hợp với Công an thị xã triển khai; báo cáo định kỳ 06 tháng (trước ngày 20/06) và trước ngày **06/4/2021**.\n",
               "2021-03-30");
    vp_facts(mm.doc, &mm.t, R, m);
    vp_doc *d = mm.doc;
    check(d->refs && strcmp(d->refs->relation, "implements") == 0 && strcmp(d->refs->number, "102/KH-UBND") == 0 &&
              strcmp(d->refs->date, "2021-03-22") == 0 && d->refs->doctype && strcmp(d->refs->doctype, "KH") == 0,
          "reference implements 102/KH-UBND 2021-03-22");
    check(d->refs && d->refs->authority && strcmp(d->refs->authority, "UBND tỉnh Thừa Thiên Huế") == 0,
          "reference authority");
    check(d->targets && strcmp(d->targets->value, "50") == 0 && strcmp(d->targets->op, "ge") == 0 &&
              d->targets->by && strcmp(d->targets->by, "2025") == 0 && strcmp(d->targets->item, "s1.1") == 0,
          "target 50 ge by 2025 from the heading");
    if (d->targets) {
        snprintf(what, sizeof what, "target span holds its value (%zu-%zu)", d->targets->span.start,
                 d->targets->span.end);
        const char *hit = strstr(mm.t.data + d->targets->span.start, "50%");
        check(hit && (size_t)(hit - mm.t.data) + 2 <= d->targets->span.end, what);
    }
    int amount = 0, state = 0, social = 0;
    for (vp_budget_item *b = d->budget; b; b = b->next) {
        if (b->is_amount && b->value == 5800000000LL)
            amount = 1;
        if (!b->is_amount && strcmp(b->kind, "state") == 0)
            state = 1;
        if (!b->is_amount && strcmp(b->kind, "socialised") == 0)
            social = 1;
    }
    check(amount, "amount 5 tỷ 800 triệu = 5800000000");
    check(state && social, "sources state and socialised");
    int lead = 0, support = 0;
    for (vp_assignment *a = d->assignments; a; a = a->next) {
        if (strcmp(a->role, "lead") == 0 && strcmp(a->agency, "Phòng Lao động - Thương binh và Xã hội") == 0)
            lead = 1;
        if (strcmp(a->role, "support") == 0 && strcmp(a->agency, "Công an thị xã") == 0)
            support = 1;
    }
    check(lead, "assignment lead from the item heading");
    check(support, "assignment support after 'phối hợp với'");
    int rec = 0, before = 0;
    for (vp_deadline *dl = d->deadlines; dl; dl = dl->next) {
        if (strcmp(dl->kind, "recurring") == 0 && dl->every && strcmp(dl->every, "P6M") == 0 && dl->to &&
            strcmp(dl->to, "--06-20") == 0)
            rec = 1;
        if (strcmp(dl->kind, "before") == 0 && dl->to && strcmp(dl->to, "2021-04-06") == 0)
            before = 1;
        if (strcmp(dl->kind, "before") == 0 && dl->to && strcmp(dl->to, "2021-03-22") == 0)
            check(0, "a reference's date taken as a deadline");
    }
    check(rec, "recurring P6M --06-20");
    check(before, "before 2021-04-06 (bold markup)");
    mini_free(&mm);

    /* several references in one sentence; the newest plan under "Căn cứ" is carried out */
    mini_build(&mm,
               "Căn cứ Kế hoạch số 21/KH-LĐTĐ&XH ngày 30/01/2024 của Sở Lao động - TB&XH về việc A; Kế hoạch số "
               "51/KH-UBND ngày 06/02/2024 của UBND huyện Hiệp Hòa về việc B;\n"
               "#tasks NHIỆM VỤ\n"
               "* Kế hoạch số 158/KHUBND ngày 27/8/2021 về C; số 95/KH-UBND ngày 20/5/2021 về D; Quý II- IV/2024.\n",
               "2024-02");
    vp_facts(mm.doc, &mm.t, R, m);
    d = mm.doc;
    const char *exp[][3] = {{"21/KH-LĐTĐ&XH", "cited", "2024-01-30"},
                            {"51/KH-UBND", "implements", "2024-02-06"},
                            {"158/KH-UBND", "cited", "2021-08-27"},
                            {"95/KH-UBND", "cited", "2021-05-20"}};
    vp_reference *r = d->refs;
    for (size_t i = 0; i < 4; i++, r = r ? r->next : NULL) {
        snprintf(what, sizeof what, "reference %s %s %s", exp[i][0], exp[i][1], exp[i][2]);
        check(r && r->number && strcmp(r->number, exp[i][0]) == 0 && strcmp(r->relation, exp[i][1]) == 0 &&
                  r->date && strcmp(r->date, exp[i][2]) == 0 && r->doctype && strcmp(r->doctype, "KH") == 0,
              what);
    }
    check(d->deadlines && strcmp(d->deadlines->kind, "quarter") == 0 && strcmp(d->deadlines->from, "2024-04-01") == 0 &&
              strcmp(d->deadlines->to, "2024-12-31") == 0,
          "quarter II-IV/2024");
    mini_free(&mm);

    /* deadlines counted from the plan's date; without a date, no end and a warning */
    char iso[16] = "";
    check(vp_date_add("2024-11-04", 9, 'M', iso) && strcmp(iso, "2025-08-04") == 0, "2024-11-04 + 9 months");
    check(vp_date_add("2024-01-31", 1, 'M', iso) && strcmp(iso, "2024-02-29") == 0, "2024-01-31 + 1 month");
    check(vp_date_add("2024-12-20", 30, 'D', iso) && strcmp(iso, "2025-01-19") == 0, "2024-12-20 + 30 days");
    check(vp_date_add("2024-02-29", 1, 'Y', iso) && strcmp(iso, "2025-02-28") == 0, "2024-02-29 + 1 year");
    check(vp_date_add("2025-01-29", -1, 'D', iso) && strcmp(iso, "2025-01-28") == 0, "2025-01-29 - 1 day");
    check(vp_date_add("2024-03-01", -1, 'D', iso) && strcmp(iso, "2024-02-29") == 0, "2024-03-01 - 1 day");
    check(vp_date_add("2025-01-01", -40, 'D', iso) && strcmp(iso, "2024-11-22") == 0, "2025-01-01 - 40 days");
    check(!vp_date_add("2024-02", 1, 'D', iso) && !vp_date_add("2024-02-30", 1, 'D', iso), "partial or bad date");
    static const char relative[] = "#tasks NHIỆM VỤ\n"
                                   "* Lập Chương trình\n"
                                   "Trong thời hạn 09 tháng, kể từ ngày ban hành Quyết định này; báo cáo chậm nhất 30 "
                                   "ngày kể từ ngày ký.\n";
    for (int dated = 1; dated >= 0; dated--) {
        mini_build(&mm, relative, dated ? "2024-11-04" : NULL);
        vp_facts(mm.doc, &mm.t, R, m);
        d = mm.doc;
        const vp_deadline *a = d->deadlines, *b = a ? a->next : NULL;
        if (dated) {
            check(a && strcmp(a->kind, "before") == 0 && a->to && strcmp(a->to, "2025-08-04") == 0 && !a->from,
                  "09 tháng kể từ ngày ban hành: before 2025-08-04");
            check(b && b->to && strcmp(b->to, "2024-12-04") == 0, "30 ngày kể từ ngày ký: before 2024-12-04");
        } else {
            check(a && b && !a->to && !b->to, "without the plan's date: deadlines without an end");
            size_t nw = 0;
            for (const vp_diag *g = d->diags.first; g; g = g->next)
                nw += strcmp(g->code, "deadline-without-date") == 0;
            check(nw == 2, "without the plan's date: one warning each");
        }
        mini_free(&mm);
    }

    /* a value alone on its line has nothing to measure: not a target */
    mini_build(&mm, "#objectives MỤC TIÊU\n* Mục tiêu\n100%\nTối thiểu 50% người bị bạo lực được hỗ trợ.\n", "2024-01-02");
    vp_facts(mm.doc, &mm.t, R, m);
    d = mm.doc;
    check(d->targets && strcmp(d->targets->value, "50") == 0 && !d->targets->next, "a bare 100% line is not a target");
    mini_free(&mm);

    /* the parts of a list share the words before their verb: the second part, named by its verb
     * alone, is led by the first's words before that verb, whether its words follow the figure or
     * come before it; a part that names a measure of its own is not */
    static const char *const SHARED[][2] = {
        {"Lực lượng lao động tham gia bảo hiểm xã hội đạt 45%, 35% tham gia bảo hiểm thất nghiệp.",
         "Lực lượng lao động tham gia bảo hiểm thất nghiệp"},
        {"Lực lượng lao động tham gia bảo hiểm xã hội đạt 45%, tham gia bảo hiểm thất nghiệp đạt 35%.",
         "Lực lượng lao động tham gia bảo hiểm thất nghiệp"},
        {"Tỷ lệ hộ nghèo giảm còn dưới 2%, tỷ lệ hộ cận nghèo dưới 5%.", "tỷ lệ hộ cận nghèo"},
    };
    for (size_t i = 0; i < sizeof SHARED / sizeof *SHARED; i++) {
        char text[512];
        snprintf(text, sizeof text, "#objectives MỤC TIÊU\n* %s\n", SHARED[i][0]);
        mini_build(&mm, text, "2026-03-12");
        vp_facts(mm.doc, &mm.t, R, m);
        const vp_target *t2 = mm.doc->targets ? mm.doc->targets->next : NULL;
        snprintf(what, sizeof what, "shared head: \"%s\" (got \"%s\")", SHARED[i][1],
                 t2 && t2->indicator ? t2->indicator : "-");
        check(t2 && t2->indicator && strcmp(t2->indicator, SHARED[i][1]) == 0, what);
        mini_free(&mm);
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_facts examples|rule|unit RULESDIR ...\n");
        return 2;
    }
    char err[512];
    vp_rules *R = vp_rules_load(argv[2], err, sizeof err);
    if (!R) {
        printf("FAIL: %s\n0 passed, 1 failed\n", err);
        return 1;
    }
    vp_matcher *m = vp_matcher_new(R);
    if (strcmp(argv[1], "examples") == 0) {
        for (int i = 3; i < argc; i++)
            run_examples(R, m, argv[i]);
    } else if (strcmp(argv[1], "rule") == 0 && argc == 6) {
        const vp_rule *r = find_rule(vp_rules_family(R, argv[3]), argv[4]);
        if (!r || vp_rule_exec(r, m, argv[5], strlen(argv[5]), 0) != 1)
            printf("no match\n");
        else {
            size_t s, e;
            vp_match_range(m, &s, &e);
            printf("match '%.*s'\n", (int)(e - s), argv[5] + s);
            static const char *const G[] = {"doctype", "number", "day", "month", "year", "authority", "value",
                                            "unit", "indicator", "by", "d1", "m1", "y1", "d2", "m2", "y2",
                                            "q1", "q2", "y1q", "n", "agency", "amount", "ty", "trieu",
                                            "nghin", "dong", "source", NULL};
            for (size_t i = 0; G[i]; i++)
                if (vp_match_group(m, G[i], &s, &e))
                    printf("%s=%.*s\n", G[i], (int)(e - s), argv[5] + s);
        }
        vp_matcher_free(m);
        vp_rules_free(R);
        return 0;
    } else if (strcmp(argv[1], "unit") == 0) {
        run_unit(R, m);
    } else if (strcmp(argv[1], "file") == 0) {
        /* facts over whole text files without structure (every line alone): must not crash */
        for (int i = 3; i < argc; i++) {
            char *text = slurp(argv[i]);
            if (!text) {
                check(0, argv[i]);
                continue;
            }
            mini mm;
            mini_build(&mm, "", NULL);
            free(mm.t.data);
            free(mm.t.lines);
            size_t len = strlen(text);
            mm.t.data = text;
            mm.t.len = len;
            mm.t.lines = vp_xcalloc(len + 2, sizeof(size_t));
            size_t nl = 0;
            mm.t.lines[nl++] = 0;
            for (size_t k = 0; k < len; k++)
                if (text[k] == '\n')
                    mm.t.lines[nl++] = k + 1;
            mm.t.nlines = nl;
            check(vp_facts(mm.doc, &mm.t, R, m) == 0, argv[i]);
            mini_free(&mm);
        }
    }
    vp_matcher_free(m);
    vp_rules_free(R);
    printf("%d passed, %d failed\n", npass, nfail);
    return nfail > 0;
}
