/* similar.c - Vietnamese text similarity for the compare stage.
 *
 * A text becomes syllables: case folded (utf8proc), split at spaces and punctuation, each
 * abbreviation of rules/abbrev.tsv ("UBND", "LĐTBXH", "TB&XH") replaced by its words, and the
 * stopwords of rules/stopwords.tsv dropped.  Two texts are compared by the Dice coefficient of
 * their syllable sets blended with that of their syllable pairs (which stand in for
 * Vietnamese two-syllable words): sim = w * dice(uni) + (1 - w) * dice(bi), w from
 * rules/compare.tsv (unigram-weight). */
#include "compare_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

/* ---- small helpers ------------------------------------------------------- */

static int is_alnum_cp(int32_t cp)
{
    if (cp < 0)
        return 0;
    utf8proc_category_t k = utf8proc_category(cp);
    switch (k) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

static int is_space_cp(int32_t cp)
{
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
        return 1;
    if (cp < 0)
        return 0;
    utf8proc_category_t k = utf8proc_category(cp);
    return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL || k == UTF8PROC_CATEGORY_ZP ||
           k == UTF8PROC_CATEGORY_CC;
}

static int not_space_cp(int32_t cp) { return !is_space_cp(cp); }

/* Case folded (and with accent_insensitive, accent-free) NFC copy; malloc'd. */
static char *fold(const char *s, size_t n, int strip)
{
    utf8proc_uint8_t *dst = NULL;
    int opts = UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE;
    if (strip)
        opts |= UTF8PROC_STRIPMARK;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst, opts);
    if (r < 0 || !dst) {
        free(dst);
        return vp_xstrndup(s, n); /* invalid UTF-8: compare the bytes as they are */
    }
    char *out = vp_xstrdup((const char *)dst);
    free(dst);
    return out;
}

static int32_t next_cp(const char *s, size_t n, size_t i, int *len)
{
    int32_t cp = -1;
    int l = vp_utf8_decode(s + i, n - i, &cp);
    *len = l > 0 ? l : 1;
    return cp;
}

/* ---- configuration ------------------------------------------------------- */

typedef struct strvec {
    char **v;
    size_t n, cap;
} strvec;

static void sv_push(strvec *s, char *x)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->v = vp_xrealloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = x;
}

static void sv_free(strvec *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

/* Finds the next run of code points for which in_run() holds in f[*i, n): its start into *st
 * and its end into *i; 0 when none is left. */
static int next_run(const char *f, size_t n, size_t *i, size_t *st, int (*in_run)(int32_t))
{
    int l;
    while (*i < n && !in_run(next_cp(f, n, *i, &l)))
        *i += (size_t)l;
    if (*i >= n)
        return 0;
    *st = *i;
    while (*i < n && in_run(next_cp(f, n, *i, &l)))
        *i += (size_t)l;
    return 1;
}

/* Splits folded text into alphanumeric runs. */
static void split_runs(const char *f, strvec *out)
{
    size_t n = strlen(f), i = 0, st;
    while (next_run(f, n, &i, &st, is_alnum_cp))
        sv_push(out, vp_xstrndup(f + st, i - st));
}

/* Trims non-alphanumeric characters from both ends of [s, s+n). */
static void trim_punct(const char *s, size_t *st, size_t *en)
{
    size_t a = *st, b = *en;
    while (a < b) {
        int l;
        int32_t cp = next_cp(s, b, a, &l);
        if (is_alnum_cp(cp))
            break;
        a += (size_t)l;
    }
    while (b > a) {
        size_t k = b - 1;
        while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        int l;
        int32_t cp = next_cp(s, b, k, &l);
        if (is_alnum_cp(cp))
            break;
        b = k;
    }
    *st = a;
    *en = b;
}

static double num_or(const char *s, double def)
{
    if (!s || !*s)
        return def;
    char *e;
    double v = strtod(s, &e);
    return (e != s) ? v : def;
}

static const char **cells_to_list(vp_arena *a, const char *const *row, size_t from, size_t nc)
{
    const char **l = vp_arena_alloc(a, sizeof(char *) * (nc > from ? nc - from + 1 : 1));
    size_t k = 0;
    for (size_t j = from; j < nc; j++)
        if (row[j][0])
            l[k++] = vp_arena_strdup(a, row[j]);
    l[k] = NULL;
    return l;
}

static const char *DEF_SECTIONS[] = {"objectives", "tasks", "budget", "organisation", "reporting", NULL};
static const char *DEF_DEADLINES[] = {"before", "recurring", "on", NULL};
static const char *DEF_CARRY[] = {NULL}; /* the words are in rules/compare.tsv */
static const char *DEF_NONE[] = {NULL};

typedef struct abbr_tmp {
    char *key;
    const char **exp;
} abbr_tmp;

static int cmp_abbr(const void *a, const void *b)
{
    return strcmp(((const abbr_tmp *)a)->key, ((const abbr_tmp *)b)->key);
}

/* The numeric settings of rules/compare.tsv: key, field of vp_cmp_cfg and its type. */
typedef struct cfg_num {
    const char *key;
    size_t off;
    char type; /* 'd' double, 'i' int, 'z' size_t, 'b' flag (nonzero: 1) */
} cfg_num;

static const cfg_num cfg_nums[] = {
    {"target-similarity", offsetof(vp_cmp_cfg, target_sim), 'd'},
    {"task-similarity", offsetof(vp_cmp_cfg, task_sim), 'd'},
    {"deadline-similarity", offsetof(vp_cmp_cfg, deadline_sim), 'd'},
    {"target-part-similarity", offsetof(vp_cmp_cfg, target_part_sim), 'd'},
    {"target-op-margin", offsetof(vp_cmp_cfg, target_op_margin), 'd'},
    {"target-subject-margin", offsetof(vp_cmp_cfg, target_subject_margin), 'd'},
    {"weight-reference", offsetof(vp_cmp_cfg, w_reference), 'd'},
    {"weight-section", offsetof(vp_cmp_cfg, w_section), 'd'},
    {"weight-target", offsetof(vp_cmp_cfg, w_target), 'd'},
    {"weight-task", offsetof(vp_cmp_cfg, w_task), 'd'},
    {"weight-deadline", offsetof(vp_cmp_cfg, w_deadline), 'd'},
    {"unclear-credit", offsetof(vp_cmp_cfg, unclear_credit), 'd'},
    {"unigram-weight", offsetof(vp_cmp_cfg, unigram_weight), 'd'},
    {"topic-weight", offsetof(vp_cmp_cfg, topic_weight), 'd'},
    {"accent-insensitive", offsetof(vp_cmp_cfg, accent_insensitive), 'b'},
    {"task-min-tokens", offsetof(vp_cmp_cfg, task_min_tokens), 'i'},
    {"task-taken-ratio", offsetof(vp_cmp_cfg, task_taken_ratio), 'd'},
    {"task-sure-similarity", offsetof(vp_cmp_cfg, task_sure_sim), 'd'},
    {"task-frame-credit", offsetof(vp_cmp_cfg, task_frame_credit), 'd'},
    {"task-object-min", offsetof(vp_cmp_cfg, task_object_min), 'i'},
    {"task-common-share", offsetof(vp_cmp_cfg, task_common_share), 'd'},
    {"task-common-min", offsetof(vp_cmp_cfg, task_common_min), 'i'},
    {"report-text-chars", offsetof(vp_cmp_cfg, report_text_chars), 'z'},
    {"report-weak-rows", offsetof(vp_cmp_cfg, report_weak_rows), 'z'},
    {"report-ok-rows", offsetof(vp_cmp_cfg, report_ok_rows), 'z'},
};

static const cfg_num *find_num(const char *key)
{
    for (size_t i = 0; i < sizeof cfg_nums / sizeof cfg_nums[0]; i++)
        if (!strcmp(cfg_nums[i].key, key))
            return &cfg_nums[i];
    return NULL;
}

/* Sets the field to the number v, or leaves it as it is when v is not a number (a flag: 0). */
static void set_num(vp_cmp_cfg *c, const cfg_num *cn, const char *v)
{
    char *f = (char *)c + cn->off;
    switch (cn->type) {
    case 'd':
        *(double *)f = num_or(v, *(double *)f);
        break;
    case 'i':
        *(int *)f = (int)num_or(v, *(int *)f);
        break;
    case 'z':
        *(size_t *)f = (size_t)num_or(v, (double)*(size_t *)f);
        break;
    default:
        *(int *)f = num_or(v, 0) != 0;
        break;
    }
}

static void words_make(const vp_cmp_cfg *c, const char *text, vp_tokens *out);
static vp_tokens *words_list(const vp_cmp_cfg *c, const char *const *list, size_t *n);
static size_t named_phrases(vp_cmp_cfg *c, const vp_table *t, const char *key, vp_tokens *tok, const char **name,
                            size_t max);

/* The NULL-terminated phrases of list as syllables (seq: in order only), their number in *n. */
static vp_tokens *phrase_tokens(const vp_cmp_cfg *c, const char *const *list, int seq, size_t *n)
{
    *n = 0;
    while (list[*n])
        (*n)++;
    vp_tokens *t = vp_xcalloc(*n + 1, sizeof *t);
    for (size_t i = 0; i < *n; i++) {
        if (seq)
            vp_tokens_make_seq(c, list[i], 0, &t[i]);
        else
            vp_tokens_make(c, list[i], 0, &t[i]);
    }
    return t;
}

static void tokens_free_all(vp_tokens *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        vp_tokens_free(&t[i]);
    free(t);
}

vp_cmp_cfg *vp_cmp_cfg_new(const vp_rules *rules, char *err, size_t errlen)
{
    vp_cmp_cfg *c = vp_xcalloc(1, sizeof *c);
    c->arena = vp_arena_new();
    c->rules = rules;
    c->target_sim = 0.35;
    c->task_sim = 0.30;
    c->deadline_sim = 0.22;
    c->w_reference = 1;
    c->w_section = 1;
    c->w_target = 3;
    c->w_task = 2;
    c->w_deadline = 2;
    c->unclear_credit = 0.5;
    c->unigram_weight = 0.5;
    c->topic_weight = 1;
    c->task_min_tokens = 4;
    c->task_taken_ratio = 0; /* 0: off */
    c->task_sure_sim = 0;
    c->task_frame_credit = 1; /* 1: off */
    c->task_object_min = 2;
    c->task_common_share = 0; /* 0: off */
    c->task_common_min = 4;
    c->report_text_chars = 400;
    c->report_weak_rows = 10000;
    c->report_ok_rows = 2000;
    c->section_kinds = DEF_SECTIONS;
    c->deadline_kinds = DEF_DEADLINES;
    c->carry_words = DEF_CARRY;
    c->own_plan_doctypes = DEF_NONE;
    c->not_child_doctypes = DEF_NONE;
    c->level_bodies = DEF_NONE;
    c->scope_units = DEF_NONE;
    const char **own_plan_words = DEF_NONE, **office = DEF_NONE, **report_words = DEF_NONE,
                **review_words = DEF_NONE, **span_words = DEF_NONE, **lead_stop = DEF_NONE,
                **task_frame = DEF_NONE,
                **per_unit = DEF_NONE, **per_unit_not = DEF_NONE, **whole_words = DEF_NONE;
    c->level_order = DEF_NONE;
    c->rate_units = DEF_NONE;
    (void)err;
    (void)errlen;

    const vp_table *t = rules ? vp_rules_table(rules, "compare") : NULL;
    size_t nlvl = 0;
    for (size_t i = 0; t && i < t->nrows; i++) {
        const char *const *row = t->rows[i];
        size_t nc = t->ncols[i];
        const char *k = row[0], *v = nc > 1 ? row[1] : "";
        const cfg_num *cn = find_num(k);
        if (cn)
            set_num(c, cn, v);
        else if (!strcmp(k, "section-kinds"))
            c->section_kinds = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "deadline-kinds"))
            c->deadline_kinds = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "carry-words"))
            c->carry_words = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "level-order"))
            c->level_order = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "rate-units"))
            c->rate_units = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "own-plan-words"))
            own_plan_words = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "office-titles"))
            office = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "own-plan-doctypes"))
            c->own_plan_doctypes = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "not-child-doctypes"))
            c->not_child_doctypes = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "level-bodies"))
            c->level_bodies = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "scope-units"))
            c->scope_units = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "own-plan-level") && nc > 2)
            c->nopl += nc - 2;
        else if (!strcmp(k, "report-body") && nc > 2)
            c->nrbody += nc - 2;
        else if (!strcmp(k, "report-body-of") && nc > 1)
            c->nrbody += nc - 1;
        else if (!strcmp(k, "report-words"))
            report_words = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "review-words"))
            review_words = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "whole-words"))
            whole_words = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "span-words"))
            span_words = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "per-unit-words"))
            per_unit = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "per-unit-not"))
            per_unit_not = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "lead-stop-words"))
            lead_stop = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "task-frame-words"))
            task_frame = cells_to_list(c->arena, row, 1, nc);
        else if (!strcmp(k, "report-period") && nc > 2)
            c->nperiod += nc - 2;
        else if (!strcmp(k, "subject") && nc > 2)
            c->nsubject += nc - 2;
        else if (!strcmp(k, "subject-unit") && nc > 2)
            c->nsubject_unit += nc - 2;
        else if (!strcmp(k, "report-every") && nc > 2)
            c->nevery++;
        else if (!strcmp(k, "level-word") && nc > 2)
            nlvl++;
    }
    /* level words */
    c->lvl_name = vp_arena_alloc(c->arena, sizeof(char *) * (nlvl + 1));
    c->lvl_words = vp_arena_alloc(c->arena, sizeof(char **) * (nlvl + 1));
    for (size_t i = 0; t && i < t->nrows; i++) {
        const char *const *row = t->rows[i];
        size_t nc = t->ncols[i];
        if (strcmp(row[0], "level-word") || nc <= 2)
            continue;
        strvec w = {0};
        for (size_t j = 2; j < nc; j++) {
            char *f = fold(row[j], strlen(row[j]), c->accent_insensitive);
            split_runs(f, &w);
            free(f);
        }
        const char **l = vp_arena_alloc(c->arena, sizeof(char *) * (w.n + 1));
        for (size_t j = 0; j < w.n; j++)
            l[j] = vp_arena_strdup(c->arena, w.v[j]);
        sv_free(&w);
        c->lvl_name[c->nlvl] = vp_arena_strdup(c->arena, row[1]);
        c->lvl_words[c->nlvl] = l;
        c->nlvl++;
    }
    /* abbreviations */
    const vp_table *ab = rules ? vp_rules_table(rules, "abbrev") : NULL;
    if (ab && ab->nrows) {
        abbr_tmp *tmp = vp_xcalloc(ab->nrows, sizeof *tmp);
        size_t n = 0;
        for (size_t i = 0; i < ab->nrows; i++) {
            if (ab->ncols[i] < 2)
                continue;
            const char *k = ab->rows[i][0];
            char *f = fold(k, strlen(k), c->accent_insensitive);
            size_t st = 0, en = strlen(f);
            trim_punct(f, &st, &en);
            if (st == en) {
                free(f);
                continue;
            }
            strvec w = {0};
            char *fe = fold(ab->rows[i][1], strlen(ab->rows[i][1]), c->accent_insensitive);
            split_runs(fe, &w);
            free(fe);
            const char **l = vp_arena_alloc(c->arena, sizeof(char *) * (w.n + 1));
            for (size_t j = 0; j < w.n; j++)
                l[j] = vp_arena_strdup(c->arena, w.v[j]);
            sv_free(&w);
            tmp[n].key = vp_arena_strndup(c->arena, f + st, en - st);
            tmp[n].exp = l;
            n++;
            free(f);
        }
        /* stable: the first row of a key wins */
        qsort(tmp, n, sizeof *tmp, cmp_abbr);
        c->abbr_key = vp_arena_alloc(c->arena, sizeof(char *) * (n + 1));
        c->abbr_exp = vp_arena_alloc(c->arena, sizeof(char **) * (n + 1));
        for (size_t i = 0; i < n; i++) {
            if (c->nabbr && !strcmp(c->abbr_key[c->nabbr - 1], tmp[i].key))
                continue;
            c->abbr_key[c->nabbr] = tmp[i].key;
            c->abbr_exp[c->nabbr] = tmp[i].exp;
            c->nabbr++;
        }
        free(tmp);
    }
    /* stopwords: every syllable of every cell */
    const vp_table *sw = rules ? vp_rules_table(rules, "stopwords") : NULL;
    if (sw) {
        strvec w = {0};
        for (size_t i = 0; i < sw->nrows; i++)
            for (size_t j = 0; j < sw->ncols[i]; j++) {
                char *f = fold(sw->rows[i][j], strlen(sw->rows[i][j]), c->accent_insensitive);
                split_runs(f, &w);
                free(f);
            }
        qsort(w.v, w.n, sizeof *w.v, vp_strp_cmp);
        c->stop = vp_arena_alloc(c->arena, sizeof(char *) * (w.n + 1));
        for (size_t i = 0; i < w.n; i++)
            if (!c->nstop || strcmp(c->stop[c->nstop - 1], w.v[i]))
                c->stop[c->nstop++] = vp_arena_strdup(c->arena, w.v[i]);
        sv_free(&w);
    }
    /* synonyms: each side as syllables (stopwords left out), the longest first so that a
     * phrase is read before a shorter one it holds */
    const vp_table *sy = rules ? vp_rules_table(rules, "synonyms") : NULL;
    if (sy && sy->nrows) {
        vp_tokens *from = vp_xcalloc(sy->nrows + 1, sizeof *from), *to = vp_xcalloc(sy->nrows + 1, sizeof *to);
        size_t n = 0;
        for (size_t i = 0; i < sy->nrows; i++) {
            if (sy->ncols[i] < 2)
                continue;
            vp_tokens_make_seq(c, sy->rows[i][0], 1, &from[n]);
            vp_tokens_make_seq(c, sy->rows[i][1], 1, &to[n]);
            if (from[n].nseq == 0) {
                vp_tokens_free(&from[n]);
                vp_tokens_free(&to[n]);
                continue;
            }
            n++;
        }
        for (size_t i = 1; i < n; i++) /* by length, longest first, stable */
            for (size_t j = i; j > 0 && from[j - 1].nseq < from[j].nseq; j--) {
                vp_tokens tf = from[j], tt = to[j];
                from[j] = from[j - 1];
                to[j] = to[j - 1];
                from[j - 1] = tf;
                to[j - 1] = tt;
            }
        c->syn_from = from;
        c->syn_to = to;
        c->nsyn = n;
    }
    /* the phrases as syllables, made once (after the abbreviations they may hold) */
    c->carry = phrase_tokens(c, c->carry_words, 0, &c->ncarry);
    c->office = phrase_tokens(c, office, 1, &c->noffice);
    c->own_plan = phrase_tokens(c, own_plan_words, 1, &c->nown_plan);
    c->opl_level = vp_arena_alloc(c->arena, sizeof(char *) * (c->nopl + 1));
    c->opl_tok = vp_xcalloc(c->nopl + 1, sizeof *c->opl_tok);
    size_t no = 0;
    for (size_t i = 0; t && i < t->nrows; i++) {
        const char *const *row = t->rows[i];
        if (strcmp(row[0], "own-plan-level") || t->ncols[i] <= 2)
            continue;
        for (size_t j = 2; j < t->ncols[i] && no < c->nopl; j++, no++) {
            c->opl_level[no] = vp_arena_strdup(c->arena, row[1]);
            vp_tokens_make_seq(c, row[j], 0, &c->opl_tok[no]);
        }
    }
    c->rbody_level = vp_arena_alloc(c->arena, sizeof(char *) * (c->nrbody + 1));
    c->rbody_word = vp_arena_alloc(c->arena, sizeof(char *) * (c->nrbody + 1));
    size_t nr = 0;
    for (size_t i = 0; t && i < t->nrows; i++) {
        const char *const *row = t->rows[i];
        /* report-body-of: of the level its name ends on (rbody_level NULL) */
        int of = !strcmp(row[0], "report-body-of");
        if ((!of && strcmp(row[0], "report-body")) || t->ncols[i] <= (of ? 1u : 2u))
            continue;
        for (size_t j = of ? 1 : 2; j < t->ncols[i] && nr < c->nrbody; j++) {
            if (!row[j][0])
                continue;
            c->rbody_level[nr] = of ? NULL : vp_arena_strdup(c->arena, row[1]);
            c->rbody_word[nr++] = vp_arena_strdup(c->arena, row[j]);
        }
    }
    c->nrbody = nr;
    /* the report words and the periods' phrases, read without synonyms; the phrases longest
     * first ("6 tháng đầu năm" before "năm"), stable */
    c->report_words = words_list(c, report_words, &c->nreport_words);
    c->review_words = words_list(c, review_words, &c->nreview_words);
    c->whole_words = words_list(c, whole_words, &c->nwhole_words);
    c->span_words = words_list(c, span_words, &c->nspan_words);
    c->per_unit = words_list(c, per_unit, &c->nper_unit);
    c->per_unit_not = words_list(c, per_unit_not, &c->nper_unit_not);
    c->lead_stop = phrase_tokens(c, lead_stop, 1, &c->nlead_stop);
    /* as the texts of tasks are read: stopwords dropped, synonyms read ("đẩy mạnh" is "tăng cường") */
    c->ntask_frame = 0;
    while (task_frame[c->ntask_frame])
        c->ntask_frame++;
    c->task_frame = vp_xcalloc(c->ntask_frame + 1, sizeof *c->task_frame);
    for (size_t i = 0; i < c->ntask_frame; i++)
        vp_tokens_make_seq(c, task_frame[i], 1, &c->task_frame[i]);
    c->period_name = vp_arena_alloc(c->arena, sizeof(char *) * (c->nperiod + 1));
    c->period_tok = vp_xcalloc(c->nperiod + 1, sizeof *c->period_tok);
    c->nperiod = named_phrases(c, t, "report-period", c->period_tok, c->period_name, c->nperiod);
    c->subject_name = vp_arena_alloc(c->arena, sizeof(char *) * (c->nsubject + 1));
    c->subject_tok = vp_xcalloc(c->nsubject + 1, sizeof *c->subject_tok);
    c->nsubject = named_phrases(c, t, "subject", c->subject_tok, c->subject_name, c->nsubject);
    c->subject_unit_name = vp_arena_alloc(c->arena, sizeof(char *) * (c->nsubject_unit + 1));
    c->subject_unit_tok = vp_xcalloc(c->nsubject_unit + 1, sizeof *c->subject_unit_tok);
    c->nsubject_unit = named_phrases(c, t, "subject-unit", c->subject_unit_tok, c->subject_unit_name, c->nsubject_unit);
    c->every_name = vp_arena_alloc(c->arena, sizeof(char *) * (c->nevery + 1));
    c->every_dur = vp_arena_alloc(c->arena, sizeof(char *) * (c->nevery + 1));
    size_t ne = 0;
    for (size_t i = 0; t && i < t->nrows && ne < c->nevery; i++) {
        const char *const *row = t->rows[i];
        if (strcmp(row[0], "report-every") || t->ncols[i] <= 2)
            continue;
        c->every_name[ne] = vp_arena_strdup(c->arena, row[1]);
        c->every_dur[ne++] = vp_arena_strdup(c->arena, row[2]);
    }
    c->nevery = ne;
    return c;
}

void vp_cmp_cfg_free(vp_cmp_cfg *c)
{
    if (!c)
        return;
    tokens_free_all(c->carry, c->ncarry);
    tokens_free_all(c->office, c->noffice);
    tokens_free_all(c->own_plan, c->nown_plan);
    tokens_free_all(c->opl_tok, c->nopl);
    tokens_free_all(c->report_words, c->nreport_words);
    tokens_free_all(c->review_words, c->nreview_words);
    tokens_free_all(c->whole_words, c->nwhole_words);
    tokens_free_all(c->span_words, c->nspan_words);
    tokens_free_all(c->per_unit, c->nper_unit);
    tokens_free_all(c->per_unit_not, c->nper_unit_not);
    tokens_free_all(c->lead_stop, c->nlead_stop);
    tokens_free_all(c->task_frame, c->ntask_frame);
    tokens_free_all(c->period_tok, c->nperiod);
    tokens_free_all(c->subject_tok, c->nsubject);
    tokens_free_all(c->subject_unit_tok, c->nsubject_unit);
    tokens_free_all(c->syn_from, c->nsyn);
    tokens_free_all(c->syn_to, c->nsyn);
    vp_arena_free(c->arena);
    free(c);
}

/* ---- tokens -------------------------------------------------------------- */

static const char *const *find_abbr(const vp_cmp_cfg *c, const char *k, size_t kl)
{
    size_t lo = 0, hi = c->nabbr;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *m = c->abbr_key[mid];
        size_t ml = strlen(m);
        int r = strncmp(m, k, kl < ml ? kl : ml);
        if (r == 0)
            r = (ml > kl) - (ml < kl);
        if (r == 0)
            return c->abbr_exp[mid];
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static int is_stop(const vp_cmp_cfg *c, const char *w)
{
    return c->nstop && bsearch(&w, c->stop, c->nstop, sizeof *c->stop, vp_strp_cmp) != NULL;
}

static void push_tok(const vp_cmp_cfg *c, strvec *seq, const char *s, size_t n, int drop_stop)
{
    char *w = vp_xstrndup(s, n);
    if (drop_stop && is_stop(c, w)) {
        free(w);
        return;
    }
    sv_push(seq, w);
}

static void push_exp(const vp_cmp_cfg *c, strvec *seq, const char *const *exp, int drop_stop)
{
    for (size_t i = 0; exp[i]; i++)
        push_tok(c, seq, exp[i], strlen(exp[i]), drop_stop);
}

static void uniq_sorted(char **v, size_t *n)
{
    qsort(v, *n, sizeof *v, vp_strp_cmp);
    size_t k = 0;
    for (size_t i = 0; i < *n; i++) {
        if (k && !strcmp(v[k - 1], v[i])) {
            free(v[i]);
            continue;
        }
        v[k++] = v[i];
    }
    *n = k;
}

/* The syllables of seq with each phrase of rules/synonyms.tsv read as the word it stands for
 * ("gắn kết" as "liên kết"), the longest phrase first at each place. */
static void synonyms(const vp_cmp_cfg *c, strvec *seq)
{
    strvec out = {0};
    for (size_t i = 0; i < seq->n;) {
        size_t k = 0;
        for (; k < c->nsyn; k++) {
            const vp_tokens *f = &c->syn_from[k];
            size_t j = 0;
            while (j < f->nseq && i + j < seq->n && !strcmp(seq->v[i + j], f->seq[j]))
                j++;
            if (j == f->nseq)
                break;
        }
        if (k == c->nsyn) {
            sv_push(&out, seq->v[i++]);
            continue;
        }
        for (size_t j = 0; j < c->syn_to[k].nseq; j++)
            sv_push(&out, vp_xstrdup(c->syn_to[k].seq[j]));
        for (size_t j = 0; j < c->syn_from[k].nseq; j++)
            free(seq->v[i + j]);
        i += c->syn_from[k].nseq;
    }
    free(seq->v);
    *seq = out;
}

/* The syllables of text into out->seq; with sets, also the sorted distinct syllables and
 * pairs of neighbours (uni, bi) that similarity is measured on. */
static void tokens_make(const vp_cmp_cfg *c, const char *text, int drop_stop, int sets, int syn, vp_tokens *out)
{
    memset(out, 0, sizeof *out);
    if (!text)
        text = "";
    char *f = fold(text, strlen(text), c->accent_insensitive);
    size_t n = strlen(f), i = 0, st;
    strvec seq = {0};
    while (next_run(f, n, &i, &st, not_space_cp)) {
        size_t a = st, b = i;
        trim_punct(f, &a, &b);
        if (a == b)
            continue;
        const char *const *exp = find_abbr(c, f + a, b - a);
        if (exp) {
            push_exp(c, &seq, exp, drop_stop);
            continue;
        }
        /* alphanumeric runs inside the chunk ("LĐ-TBXH" when only parts are known) */
        size_t k = a, rs;
        while (next_run(f, b, &k, &rs, is_alnum_cp)) {
            exp = find_abbr(c, f + rs, k - rs);
            if (exp)
                push_exp(c, &seq, exp, drop_stop);
            else
                push_tok(c, &seq, f + rs, k - rs, drop_stop);
        }
    }
    free(f);
    if (c->nsyn && syn)
        synonyms(c, &seq);
    out->seq = seq.v;
    out->nseq = seq.n;
    if (!sets)
        return;
    out->uni = vp_xmalloc(sizeof(char *) * (seq.n + 1));
    for (size_t j = 0; j < seq.n; j++)
        out->uni[j] = vp_xstrdup(seq.v[j]);
    out->nuni = seq.n;
    uniq_sorted(out->uni, &out->nuni);
    out->bi = vp_xmalloc(sizeof(char *) * (seq.n + 1));
    out->nbi = 0;
    for (size_t j = 0; j + 1 < seq.n; j++) {
        size_t la = strlen(seq.v[j]), lb = strlen(seq.v[j + 1]);
        char *p = vp_xmalloc(la + lb + 2);
        memcpy(p, seq.v[j], la);
        p[la] = ' ';
        memcpy(p + la + 1, seq.v[j + 1], lb + 1);
        out->bi[out->nbi++] = p;
    }
    uniq_sorted(out->bi, &out->nbi);
}

void vp_tokens_make(const vp_cmp_cfg *c, const char *text, int drop_stop, vp_tokens *out)
{
    tokens_make(c, text, drop_stop, 1, 1, out);
}

void vp_tokens_make_seq(const vp_cmp_cfg *c, const char *text, int drop_stop, vp_tokens *out)
{
    tokens_make(c, text, drop_stop, 0, 1, out);
}

/* The syllables of text in order, stopwords kept and synonyms not read ("sơ kết" stays); a "%"
 * is a word of its own ("phần trăm"): "hoàn thành 100%" is not "hoàn thành 100 hộ". */
static void words_make(const vp_cmp_cfg *c, const char *text, vp_tokens *out)
{
    if (!text || !strchr(text, '%')) {
        tokens_make(c, text, 0, 0, 0, out);
        return;
    }
    vp_buf b = {0};
    for (const char *p = text; *p; p++)
        if (*p == '%')
            vp_buf_adds(&b, " phần trăm ");
        else
            vp_buf_addc(&b, *p);
    tokens_make(c, b.data, 0, 0, 0, out);
    vp_buf_free(&b);
}

/* words_make of each phrase of a NULL-ended list; *n their count. */
static vp_tokens *words_list(const vp_cmp_cfg *c, const char *const *list, size_t *n)
{
    size_t k = 0;
    while (list[k])
        k++;
    vp_tokens *v = vp_xcalloc(k + 1, sizeof *v);
    for (*n = 0; *n < k; (*n)++)
        words_make(c, list[*n], &v[*n]);
    return v;
}

/* The phrases of the rows KEY<TAB>NAME<TAB>phrases... of t as syllables (words_make), at most max,
 * into tok[] longest first (stable) and the NAME of each into name[]; their count. */
static size_t named_phrases(vp_cmp_cfg *c, const vp_table *t, const char *key, vp_tokens *tok, const char **name,
                            size_t max)
{
    size_t n = 0;
    for (size_t i = 0; t && i < t->nrows; i++) {
        const char *const *row = t->rows[i];
        if (strcmp(row[0], key) || t->ncols[i] <= 2)
            continue;
        for (size_t j = 2; j < t->ncols[i] && n < max; j++) {
            vp_tokens w;
            words_make(c, row[j], &w);
            if (w.nseq == 0) {
                vp_tokens_free(&w);
                continue;
            }
            size_t k = n++;
            for (; k > 0 && tok[k - 1].nseq < w.nseq; k--) {
                tok[k] = tok[k - 1];
                name[k] = name[k - 1];
            }
            tok[k] = w;
            name[k] = vp_arena_strdup(c->arena, row[1]);
        }
    }
    return n;
}

void vp_tokens_free(vp_tokens *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nseq; i++)
        free(t->seq[i]);
    for (size_t i = 0; i < t->nuni; i++)
        free(t->uni[i]);
    for (size_t i = 0; i < t->nbi; i++)
        free(t->bi[i]);
    free(t->seq);
    free(t->uni);
    free(t->bi);
    memset(t, 0, sizeof *t);
}

/* The count of elements two sorted sets share; with out, copies of them put there. */
static size_t common(char *const *a, size_t na, char *const *b, size_t nb, char **out)
{
    size_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        int r = strcmp(a[i], b[j]);
        if (r == 0) {
            if (out)
                out[k] = vp_xstrdup(a[i]);
            k++;
            i++;
            j++;
        } else if (r < 0)
            i++;
        else
            j++;
    }
    return k;
}

static double dice(char *const *a, size_t na, char *const *b, size_t nb)
{
    if (na + nb == 0)
        return 0;
    return 2.0 * (double)common(a, na, b, nb, NULL) / (double)(na + nb);
}

double vp_tokens_sim(const vp_cmp_cfg *c, const vp_tokens *a, const vp_tokens *b)
{
    double u = dice(a->uni, a->nuni, b->uni, b->nuni);
    if (a->nbi == 0 || b->nbi == 0)
        return u; /* one-syllable texts: pairs say nothing */
    double bg = dice(a->bi, a->nbi, b->bi, b->nbi);
    double w = c->unigram_weight;
    return w * u + (1 - w) * bg;
}

static int holds(char *const *v, size_t n, const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = strcmp(v[mid], key);
        if (r == 0)
            return 1;
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Dice of two sorted sets, an element of the sorted set t weighing tw (1 for the others). */
static double dice_weighted(char *const *a, size_t na, char *const *b, size_t nb, char *const *t, size_t nt,
                            double tw)
{
    double wa = 0, wb = 0, wc = 0;
    size_t i = 0, j = 0;
    while (i < na || j < nb) {
        int r = i == na ? 1 : j == nb ? -1 : strcmp(a[i], b[j]);
        const char *key = r <= 0 ? a[i] : b[j];
        double w = holds(t, nt, key) ? tw : 1;
        if (r <= 0) {
            wa += w;
            i++;
        }
        if (r >= 0) {
            wb += w;
            j++;
        }
        if (r == 0)
            wc += w;
    }
    return wa + wb > 0 ? 2.0 * wc / (wa + wb) : 0;
}

double vp_tokens_sim_topic(const vp_cmp_cfg *c, const vp_tokens *a, const vp_tokens *b, const vp_tokens *topic)
{
    if (!topic || (topic->nuni == 0 && topic->nbi == 0) || c->topic_weight == 1)
        return vp_tokens_sim(c, a, b);
    double tw = c->topic_weight;
    double u = dice_weighted(a->uni, a->nuni, b->uni, b->nuni, topic->uni, topic->nuni, tw);
    if (a->nbi == 0 || b->nbi == 0)
        return u;
    double bg = dice_weighted(a->bi, a->nbi, b->bi, b->nbi, topic->bi, topic->nbi, tw);
    double w = c->unigram_weight;
    return w * u + (1 - w) * bg;
}

/* The share of the elements of sorted set a, those of sorted set t left out, that sorted set b
 * holds; *n: how many were counted. */
static double held_share(char *const *a, size_t na, char *const *b, size_t nb, char *const *t, size_t nt, size_t *n)
{
    size_t all = 0, in = 0;
    for (size_t i = 0; i < na; i++) {
        if (holds(t, nt, a[i]))
            continue;
        all++;
        in += (size_t)holds(b, nb, a[i]);
    }
    *n = all;
    return all ? (double)in / (double)all : 0;
}

double vp_tokens_held(const vp_cmp_cfg *c, const vp_tokens *a, const vp_tokens *b, const vp_tokens *topic,
                      size_t *nuni)
{
    size_t nbi;
    char *const *tu = topic ? topic->uni : NULL, *const *tb = topic ? topic->bi : NULL;
    double u = held_share(a->uni, a->nuni, b->uni, b->nuni, tu, topic ? topic->nuni : 0, nuni);
    double bg = held_share(a->bi, a->nbi, b->bi, b->nbi, tb, topic ? topic->nbi : 0, &nbi);
    if (nbi == 0)
        return u;
    double w = c->unigram_weight;
    return w * u + (1 - w) * bg;
}

void vp_tokens_object(const vp_cmp_cfg *c, const vp_tokens *a, const vp_tokens *topic, vp_tokens *out)
{
    memset(out, 0, sizeof *out);
    uint8_t *framed = vp_xcalloc(a->nseq + 1, 1);
    for (size_t f = 0; f < c->ntask_frame; f++) {
        const vp_tokens *fr = &c->task_frame[f];
        for (long at = 0; (at = vp_tokens_find_run(fr, a, (size_t)at, a->nseq)) >= 0; at++)
            memset(framed + at, 1, fr->nseq);
    }
    strvec obj = {0};
    for (size_t i = 0; i < a->nseq; i++)
        if (!framed[i] && a->seq[i][strspn(a->seq[i], "0123456789")] && !(topic && holds(topic->uni, topic->nuni, a->seq[i])))
            sv_push(&obj, vp_xstrdup(a->seq[i]));
    free(framed);
    if (obj.n)
        uniq_sorted(obj.v, &obj.n);
    out->uni = obj.v;
    out->nuni = obj.n;
}

size_t vp_tokens_count_held(const vp_tokens *words, const vp_tokens *b)
{
    size_t in = 0;
    for (size_t i = 0; i < words->nuni; i++)
        in += (size_t)holds(b->uni, b->nuni, words->uni[i]);
    return in;
}

static void common_into(char *const *a, size_t na, char *const *b, size_t nb, char ***out, size_t *nout)
{
    *out = vp_xcalloc(na < nb ? na + 1 : nb + 1, sizeof **out);
    *nout = common(a, na, b, nb, *out);
}

void vp_tokens_common(const vp_tokens *a, const vp_tokens *b, vp_tokens *out)
{
    memset(out, 0, sizeof *out);
    common_into(a->uni, a->nuni, b->uni, b->nuni, &out->uni, &out->nuni);
    common_into(a->bi, a->nbi, b->bi, b->nbi, &out->bi, &out->nbi);
}

long vp_tokens_find_run(const vp_tokens *name, const vp_tokens *in, size_t from, size_t to)
{
    if (to > in->nseq)
        to = in->nseq;
    if (name->nseq == 0 || from > to || name->nseq > to - from)
        return -1;
    for (size_t i = from; i + name->nseq <= to; i++) {
        size_t k = 0;
        while (k < name->nseq && !strcmp(in->seq[i + k], name->seq[k]))
            k++;
        if (k == name->nseq)
            return (long)i;
    }
    return -1;
}

char *vp_strip_marks(const char *text)
{
    utf8proc_uint8_t *f = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)text, 0, &f,
                     UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD) < 0)
        return NULL;
    return (char *)f;
}

/* 1 when syllables a and b differ in their marks only ("luât" for "luật"). */
static int marks_only(const char *a, const char *b)
{
    char *fa = vp_strip_marks(a), *fb = fa ? vp_strip_marks(b) : NULL;
    int same = fb && !strcmp(fa, fb);
    free(fa);
    free(fb);
    return same;
}

long vp_tokens_find_run_near(const vp_tokens *name, const vp_tokens *in)
{
    if (name->nseq < 6 || name->nseq > in->nseq)
        return -1;
    for (size_t i = 0; i + name->nseq <= in->nseq; i++) {
        size_t diff = 0;
        for (size_t k = 0; k < name->nseq && diff <= 1; k++)
            if (strcmp(in->seq[i + k], name->seq[k]))
                diff += marks_only(in->seq[i + k], name->seq[k]) ? 1 : 2;
        if (diff <= 1)
            return (long)i;
    }
    return -1;
}

int vp_title_carries(const vp_cmp_cfg *c, const vp_tokens *title, size_t at)
{
    for (size_t w = 0; w < c->ncarry; w++)
        if (vp_tokens_find_run(&c->carry[w], title, 0, at) >= 0)
            return 1;
    return 0;
}

/* Where the first word of level (own-plan-level) starts in sentence, not inside a longer word
 * of another level ("xã" of "thị xã", "ban" of "ủy ban"); -1 when none does. */
static long level_word_at(const vp_cmp_cfg *c, const vp_tokens *sentence, const char *level)
{
    long first = -1;
    for (size_t i = 0; i < c->nopl; i++) {
        if (strcmp(c->opl_level[i], level))
            continue;
        for (long at = 0; (at = vp_tokens_find_run(&c->opl_tok[i], sentence, (size_t)at, sentence->nseq)) >= 0; at++) {
            if (first >= 0 && at >= first)
                break;
            size_t j = 0;
            for (; j < c->nopl; j++) {
                const vp_tokens *o = &c->opl_tok[j];
                if (!strcmp(c->opl_level[j], level) || o->nseq <= c->opl_tok[i].nseq)
                    continue;
                size_t from = (size_t)at + 1 > o->nseq ? (size_t)at + 1 - o->nseq : 0;
                long oa = vp_tokens_find_run(o, sentence, from, (size_t)at + o->nseq);
                if (oa >= 0 && (size_t)oa <= (size_t)at && (size_t)oa + o->nseq >= (size_t)at + c->opl_tok[i].nseq)
                    break;
            }
            if (j == c->nopl) {
                first = at;
                break;
            }
        }
    }
    return first;
}

int vp_own_plan_due(const vp_cmp_cfg *c, const vp_tokens *clause, const vp_tokens *sentence, const char *level)
{
    if (!level || !*level)
        return 0;
    size_t w = 0;
    while (w < c->nown_plan && vp_tokens_find_run(&c->own_plan[w], clause, 0, clause->nseq) < 0)
        w++;
    if (w == c->nown_plan)
        return 0;
    return level_word_at(c, sentence, level) >= 0;
}

int vp_own_plan_opens(const vp_cmp_cfg *c, const vp_tokens *sentence)
{
    for (size_t w = 0; w < c->nown_plan; w++)
        if (vp_tokens_find_run(&c->own_plan[w], sentence, 0, c->own_plan[w].nseq) == 0)
            return 1;
    return 0;
}

const char *vp_level_lead(const vp_cmp_cfg *c, const vp_tokens *sentence)
{
    const char *lead = NULL;
    long best = LEVEL_LEAD_SYLLABLES;
    for (size_t i = 0; i < c->nopl; i++) {
        if (i && !strcmp(c->opl_level[i], c->opl_level[i - 1]))
            continue;
        long at = level_word_at(c, sentence, c->opl_level[i]);
        if (at >= 0 && at < best) {
            best = at;
            lead = c->opl_level[i];
        }
    }
    return lead;
}

int vp_level_in_lead(const vp_cmp_cfg *c, const vp_tokens *sentence, const char *level)
{
    long at = level_word_at(c, sentence, level);
    if (at < 0 || at >= 2 * LEVEL_LEAD_SYLLABLES)
        return 0;
    for (size_t i = 0; i < c->nlead_stop; i++)
        if (vp_tokens_find_run(&c->lead_stop[i], sentence, 0, (size_t)at) >= 0)
            return 0;
    return 1;
}

/* A number ("2025", "6") or a Roman one ("iii", folded) that tells a date or a count. */
static int number_word(const char *w)
{
    size_t n = strlen(w), d = strspn(w, "0123456789"), r = strspn(w, "ivx");
    return n > 0 && (d == n || (r == n && n <= 4));
}

#define PERIOD_STOPS ",.;:()!?\"" /* a phrase does not run over these ("hồ sơ, kết quả" holds no "sơ kết") */

/* Does a part of text between stops hold one of the n phrases t? */
static int holds_phrase(const vp_cmp_cfg *c, const char *text, const vp_tokens *t, size_t n)
{
    int found = 0;
    for (const char *p = text; *p && !found;) {
        size_t k = strcspn(p, PERIOD_STOPS);
        char *part = vp_xstrndup(p, k);
        vp_tokens w;
        words_make(c, part, &w);
        for (size_t i = 0; i < n && !found; i++)
            found = vp_tokens_find_run(&t[i], &w, 0, w.nseq) >= 0;
        vp_tokens_free(&w);
        free(part);
        p += k + (p[k] != 0);
    }
    return found;
}

/* The period of the phrases in the syllables t, into *found; 1 when they name two periods. */
static int periods_in(const vp_cmp_cfg *c, const vp_tokens *t, const char **found)
{
    for (size_t i = 0; i < t->nseq;) {
        size_t k = 0, len = 0;
        for (; k < c->nperiod; k++) {
            len = c->period_tok[k].nseq;
            if (i + len > t->nseq || vp_tokens_find_run(&c->period_tok[k], t, i, i + len) != (long)i)
                continue;
            /* "năm 2025", "tháng 6", "quý III" say when; "9 tháng", "3 năm" how long */
            if ((i + len < t->nseq && number_word(t->seq[i + len])) || (i > 0 && number_word(t->seq[i - 1])))
                continue;
            break;
        }
        if (k == c->nperiod) {
            i++;
            continue;
        }
        if (*found && strcmp(*found, c->period_name[k]))
            return 1; /* "Định kỳ 6 tháng, hằng năm báo cáo …": of which, the clause does not say */
        *found = c->period_name[k];
        i += len;
    }
    return 0;
}

int vp_report_said(const vp_cmp_cfg *c, const char *text)
{
    return c->nreport_words && holds_phrase(c, text, c->report_words, c->nreport_words);
}

/* Is the word of `s` (n bytes) a capital letter's? */
static int opens_capital(const char *s, size_t n)
{
    int l;
    int32_t cp = n ? next_cp(s, n, 0, &l) : -1;
    return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* Is level one of level-order's? */
static int level_known(const vp_cmp_cfg *c, const char *level)
{
    size_t n = strlen(level);
    for (size_t r = 0; c->level_order && c->level_order[r]; r++)
        for (const char *p = c->level_order[r]; *p;) {
            size_t k = strcspn(p, "=");
            if (k == n && !strncmp(p, level, n))
                return 1;
            p += k + (p[k] == '=');
        }
    return 0;
}

/* The level a body of report-body-of ("Ban Chỉ đạo", "Thường trực") serves, by the words after
 * its name `rest` up to a stop: the first word of a level (own-plan-level, the longest at its
 * place; "Ban Chỉ đạo tỉnh", "Ban Dân vận Huyện ủy", "Văn phòng Điều phối nông thôn mới tỉnh")
 * within REPORT_NAMED_SYLLABLES syllables; NULL when none is, or one that names no level. */
static const char *named_level(const vp_cmp_cfg *c, const char *rest)
{
    char *name = vp_xstrndup(rest, strcspn(rest, PERIOD_STOPS));
    vp_tokens w;
    vp_tokens_make_seq(c, name, 0, &w);
    const char *lv = NULL;
    for (size_t at = 0; at < w.nseq && at < REPORT_NAMED_SYLLABLES && !lv; at++) {
        size_t best = 0;
        for (size_t i = 0; i < c->nopl; i++)
            if (c->opl_tok[i].nseq > best && vp_tokens_find_run(&c->opl_tok[i], &w, at, at + c->opl_tok[i].nseq) == (long)at) {
                best = c->opl_tok[i].nseq;
                lv = c->opl_level[i];
            }
    }
    vp_tokens_free(&w);
    free(name);
    return lv && level_known(c, lv) ? lv : NULL;
}

/* The bodies (report-body: "Sở", "Phòng", "Bộ", "Bộ Chỉ huy"; report-body-of) named in clause, written with their
 * capital and, a name of one word, followed by a name that opens on one ("Sở Y tế", "Phòng Nội vụ"; not "cơ sở", "toàn bộ",
 * "Phòng, chống"): into at[] the syllable (of vp_tokens_make_seq of clause) each opens and into
 * lv[] its level, at most max; their count. */
static size_t report_bodies(const vp_cmp_cfg *c, const char *clause, size_t *at, const char **lv, size_t max)
{
    size_t n = 0;
    for (const char *p = clause; *p && n < max;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '(')
            p++;
        size_t k = strcspn(p, " \t\n"), best = 0, bi = 0;
        /* the longest name ("Bộ Chỉ huy Quân sự tỉnh" a province's, not "Bộ Y tế") */
        for (size_t i = 0; k && i < c->nrbody; i++) {
            size_t l = strlen(c->rbody_word[i]);
            if (l < k || l <= best || strncmp(p, c->rbody_word[i], l))
                continue; /* the text does not open on this word: nothing read past it */
            const char *next = p + l;
            while (*next == ' ' || *next == '\t' || *next == '\n' || *next == '(')
                next++;
            if ((!p[l] || p[l] == ' ' || p[l] == '\t' || p[l] == '\n') &&
                (strchr(c->rbody_word[i], ' ') || opens_capital(next, strcspn(next, " \t\n")))) {
                best = l;
                bi = i;
            }
        }
        const char *blv = best ? c->rbody_level[bi] : NULL;
        if (best && !blv)
            blv = named_level(c, p + best);
        if (blv) {
            char *before = vp_xstrndup(clause, (size_t)(p - clause));
            vp_tokens bt;
            vp_tokens_make_seq(c, before, 0, &bt);
            at[n] = bt.nseq;
            lv[n++] = blv;
            vp_tokens_free(&bt);
            free(before);
        }
        p += k;
    }
    return n;
}

#define REPORT_BODIES_MAX 16

const char *vp_report_to(const vp_cmp_cfg *c, const char *clause)
{
    if (!c->nreport_words || !clause)
        return NULL;
    vp_tokens w;
    vp_tokens_make_seq(c, clause, 0, &w);
    size_t bat[REPORT_BODIES_MAX];
    const char *blv[REPORT_BODIES_MAX];
    size_t nb = c->nrbody ? report_bodies(c, clause, bat, blv, REPORT_BODIES_MAX) : 0;
    const char *to = NULL;
    long last = -1; /* the report word of to: the last one naming a level */
    for (size_t k = 0; k < c->nreport_words; k++)
        for (long at = 0; (at = vp_tokens_find_run(&c->report_words[k], &w, (size_t)at, w.nseq)) >= 0; at++) {
            size_t from = (size_t)at + c->report_words[k].nseq, upto = from + REPORT_TO_SYLLABLES;
            const char *lv = NULL;
            size_t lvat = upto; /* the first body named after the report word: whom it goes to */
            for (const char *const *b = c->level_bodies; b && *b && !lv; b++) {
                vp_tokens bt;
                vp_tokens_make_seq(c, *b, 0, &bt);
                long ba = vp_tokens_find_run(&bt, &w, from, upto);
                size_t after = ba >= 0 ? (size_t)ba + bt.nseq : 0, best = 0;
                /* the longest word: "thành phố trực thuộc trung ương" */
                for (size_t i = 0; ba >= 0 && i < c->nopl; i++)
                    if (c->opl_tok[i].nseq > best &&
                        vp_tokens_find_run(&c->opl_tok[i], &w, after, after + c->opl_tok[i].nseq) == (long)after) {
                        best = c->opl_tok[i].nseq;
                        lv = c->opl_level[i];
                        lvat = (size_t)ba;
                    }
                vp_tokens_free(&bt);
            }
            /* a body named by itself ("báo cáo kết quả về Sở Y tế"): a department's level */
            for (size_t i = 0; i < nb; i++)
                if (bat[i] >= from && bat[i] < upto && bat[i] < lvat) {
                    lv = blv[i];
                    lvat = bat[i];
                }
            if (lv && at > last) {
                last = at;
                to = lv;
            }
        }
    vp_tokens_free(&w);
    return to;
}

int vp_whole_said(const vp_cmp_cfg *c, const char *text)
{
    return c->nwhole_words && holds_phrase(c, text, c->whole_words, c->nwhole_words);
}

int vp_review_said(const vp_cmp_cfg *c, const char *text)
{
    return c->nreview_words && holds_phrase(c, text, c->review_words, c->nreview_words);
}

int vp_span_said(const vp_cmp_cfg *c, const char *text)
{
    return c->nspan_words && holds_phrase(c, text, c->span_words, c->nspan_words);
}

/* The name of the phrase of tok[] (n, longest first) that words w hold from syllable i, else NULL;
 * *len its length. */
static const char *named_at(const vp_tokens *tok, const char *const *name, size_t n, const vp_tokens *w, size_t i,
                            size_t *len)
{
    for (size_t k = 0; k < n; k++)
        if (i + tok[k].nseq <= w->nseq && vp_tokens_find_run(&tok[k], w, i, i + tok[k].nseq) == (long)i) {
            *len = tok[k].nseq;
            return name[k];
        }
    return NULL;
}

const char *vp_subject_of(const vp_cmp_cfg *c, vp_arena *a, const char *unit, const char *indicator, const char **said)
{
    const char *found = NULL;
    size_t len = 0, at = 0;
    vp_tokens w;
    words_make(c, unit ? unit : "", &w);
    /* the unit is one of the words ("hộ", "căn", "người") */
    if (w.nseq) {
        found = named_at(c->subject_unit_tok, c->subject_unit_name, c->nsubject_unit, &w, 0, &len);
        if (!found || len != w.nseq)
            found = named_at(c->subject_tok, c->subject_name, c->nsubject, &w, 0, &len);
        if (found && len != w.nseq)
            found = NULL;
    }
    if (!found) {
        vp_tokens_free(&w);
        words_make(c, indicator ? indicator : "", &w);
        for (at = 0; at < w.nseq && !found; at++)
            found = named_at(c->subject_tok, c->subject_name, c->nsubject, &w, at, &len);
        at = found ? at - 1 : 0;
    }
    if (found && said) {
        vp_buf b = {0};
        for (size_t k = at; k < at + len; k++) {
            if (k > at)
                vp_buf_addc(&b, ' ');
            vp_buf_adds(&b, w.seq[k]);
        }
        *said = vp_arena_strdup(a, b.data ? b.data : "");
        vp_buf_free(&b);
    }
    vp_tokens_free(&w);
    return found;
}

int vp_per_unit_said(const vp_cmp_cfg *c, const char *text)
{
    if (!c->nper_unit || !text)
        return 0;
    vp_tokens w;
    words_make(c, text, &w);
    int found = 0;
    for (size_t i = 0; i < c->nper_unit && !found; i++)
        for (long at = 0; !found && (at = vp_tokens_find_run(&c->per_unit[i], &w, (size_t)at, w.nseq)) >= 0; at++) {
            found = 1;
            for (size_t j = 0; j < c->nper_unit_not && found; j++)
                found = vp_tokens_find_run(&c->per_unit_not[j], &w, (size_t)at, (size_t)at + c->per_unit_not[j].nseq) < 0;
        }
    vp_tokens_free(&w);
    return found;
}

const char *vp_report_period(const vp_cmp_cfg *c, const char *before, const char *clause)
{
    if (!c->nperiod || !c->nreport_words || !holds_phrase(c, before, c->report_words, c->nreport_words))
        return NULL;
    const char *found = NULL;
    int two = 0;
    for (const char *p = clause; *p && !two;) {
        size_t k = strcspn(p, PERIOD_STOPS);
        char *part = vp_xstrndup(p, k);
        vp_tokens w;
        words_make(c, part, &w);
        two = periods_in(c, &w, &found);
        vp_tokens_free(&w);
        free(part);
        p += k + (p[k] != 0);
    }
    return two ? NULL : found;
}

char *vp_authority_body(const vp_cmp_cfg *c, const char *authority)
{
    vp_tokens t;
    vp_tokens_make_seq(c, authority, 0, &t);
    size_t skip = 0;
    for (size_t i = 0; i < c->noffice; i++)
        if (c->office[i].nseq > skip && c->office[i].nseq < t.nseq && vp_tokens_find_run(&c->office[i], &t, 0, c->office[i].nseq) == 0)
            skip = c->office[i].nseq;
    vp_buf b = {0};
    for (size_t i = skip; i < t.nseq; i++) {
        if (b.len)
            vp_buf_addc(&b, ' ');
        vp_buf_add(&b, t.seq[i], strlen(t.seq[i]));
    }
    vp_tokens_free(&t);
    char *r = vp_xstrdup(b.data ? b.data : "");
    vp_buf_free(&b);
    return r;
}

int vp_authority_fits(const vp_cmp_cfg *c, const char *ref_authority, const char *authority, const char *level)
{
    if (!ref_authority || !ref_authority[0])
        return 1;
    vp_tokens rt, dt;
    char *body = vp_authority_body(c, ref_authority);
    vp_tokens_make(c, body, 0, &rt);
    free(body);
    vp_tokens_make(c, authority, 0, &dt);
    int ok = vp_tokens_within(c, &rt, &dt, level);
    vp_tokens_free(&rt);
    vp_tokens_free(&dt);
    return ok;
}

int vp_tokens_last_year(const vp_tokens *t)
{
    for (size_t i = t->nseq; i-- > 0;) {
        const char *w = t->seq[i];
        if (strlen(w) == 4 && ((w[0] == '1' && w[1] == '9') || (w[0] == '2' && w[1] == '0')) && w[2] >= '0' &&
            w[2] <= '9' && w[3] >= '0' && w[3] <= '9')
            return atoi(w);
    }
    return 0;
}

int vp_tokens_within(const vp_cmp_cfg *c, const vp_tokens *ref, const vp_tokens *doc, const char *level)
{
    const char *const *lw = NULL;
    for (size_t i = 0; level && i < c->nlvl; i++)
        if (!strcmp(c->lvl_name[i], level))
            lw = c->lvl_words[i];
    for (size_t i = 0; i < ref->nuni; i++) {
        if (bsearch(&ref->uni[i], doc->uni, doc->nuni, sizeof *doc->uni, vp_strp_cmp))
            continue;
        int ok = 0;
        for (size_t j = 0; lw && lw[j] && !ok; j++)
            ok = !strcmp(lw[j], ref->uni[i]);
        if (!ok)
            return 0;
    }
    return 1;
}

/* ---- document numbers ------------------------------------------------------ */

char *vp_number_key(const char *s)
{
    if (!s)
        return NULL;
    char *f = fold(s, strlen(s), 0);
    size_t n = strlen(f);
    vp_buf b = {0};
    size_t i = 0;
    while (i < n) {
        int l;
        int32_t cp = next_cp(f, n, i, &l);
        if (is_space_cp(cp)) {
            i += (size_t)l;
            continue;
        }
        /* dashes of every kind become '-' */
        if (cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x2212) {
            vp_buf_addc(&b, '-');
        } else {
            vp_buf_add(&b, f + i, (size_t)l);
        }
        i += (size_t)l;
    }
    free(f);
    char *k = vp_buf_steal(&b);
    /* leading number without zeros */
    size_t z = 0;
    while (k[z] == '0' && k[z + 1] >= '0' && k[z + 1] <= '9')
        z++;
    if (!(k[z] >= '0' && k[z] <= '9')) {
        free(k);
        return NULL;
    }
    memmove(k, k + z, strlen(k + z) + 1);
    return k;
}
