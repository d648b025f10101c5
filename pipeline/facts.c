/* facts.c - stage 3b: references, targets, deadlines, assignments and budget.
 *
 * Every fact comes from a rule of rules/{references,targets,deadlines,assignments,budget}.rules
 * run over the own text of one node (a heading or a paragraph).  Candidates of one family
 * are collected from all rules, then the longest leftmost ones that do not overlap are kept
 * (ties go to the rule written first).  Words live in the rules; this file only reads
 * numbers and dates and decides which attribute goes where.
 *
 * Rule attributes understood here:
 *   references   relation=implements|basis|cited  code=KH
 *                field=context (relation=... for the references that follow in the sentence)
 *                field=skip    (a line that lists related documents: no reference in it)
 *   targets      op=ge|le|eq  unit=%  field=by (a due year)  field=nopct (value missing "%")
 *   deadlines    kind=...  every=P{n}M (n from group n)  from=--MM-DD to=--MM-DD (plan year)
 *   assignments  role=lead|support  field=heading (agency named by an item heading)
 *   budget       kind=state|local|socialised|other (a source); none: an amount
 */
#include "facts.h"
#include "dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define PRE_LEADS 4 /* agencies a preamble asks to carry out what follows, kept at most */
#define DOING_MAX 80 /* bytes of the words of what is done before a share (indicator-doing) */
#define VP_FACT_MAXG 14

/* ---- candidates -------------------------------------------------------- */

typedef struct fcand {
    size_t s, e;                  /* match, relative to the node text */
    size_t ri;                    /* rule index in its family */
    const vp_rule *rule;
    size_t gs[VP_FACT_MAXG], ge[VP_FACT_MAXG];
    unsigned have;                /* bit i: group i took part */
} fcand;

typedef struct fcands {
    fcand *v;
    size_t n, cap;
} fcands;

typedef struct fspan {
    size_t s, e;
} fspan;

/* Facts already recorded, by a hash of the fields that make two of them the same, so that a
 * long document is not searched from the start for every new fact. */
typedef struct dset {
    uint64_t *hash;
    void **item;
    size_t cap, n;
} dset;

static uint64_t hash_str(uint64_t h, const char *s)
{
    if (!s)
        return (h ^ 0x1ff) * 0x100000001b3ULL; /* NULL differs from "" */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return (h ^ 0xff) * 0x100000001b3ULL;
}

static void dset_add(dset *d, uint64_t h, void *item)
{
    if (2 * (d->n + 1) > d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 64;
        uint64_t *hash = vp_xcalloc(cap, sizeof *hash);
        void **it = vp_xcalloc(cap, sizeof *it);
        for (size_t i = 0; i < d->cap; i++)
            if (d->item[i]) {
                size_t j = d->hash[i] & (cap - 1);
                while (it[j])
                    j = (j + 1) & (cap - 1);
                hash[j] = d->hash[i];
                it[j] = d->item[i];
            }
        free(d->hash);
        free(d->item);
        d->hash = hash;
        d->item = it;
        d->cap = cap;
    }
    size_t j = h & (d->cap - 1);
    while (d->item[j])
        j = (j + 1) & (d->cap - 1);
    d->hash[j] = h;
    d->item[j] = item;
    d->n++;
}

static void dset_free(dset *d)
{
    free(d->hash);
    free(d->item);
}

static uint64_t asg_key(const char *item, const char *agency)
{
    return hash_str(hash_str(0xcbf29ce484222325ULL, item), agency);
}

static char *name_key(const char *s);

/* A reference's key: its number, or for one named without a number its words (name_key: a
 * name in quotes is the same name written without them). */
static uint64_t ref_key(const vp_reference *r)
{
    if (r->number || !r->text)
        return hash_str(0xcbf29ce484222325ULL, r->number ? r->number : r->text);
    char *k = name_key(r->text);
    uint64_t h = hash_str(0xcbf29ce484222325ULL, k ? k : r->text);
    free(k);
    return h;
}

static uint64_t src_key(const char *kind, const char *item, const char *text)
{
    return hash_str(hash_str(hash_str(0xcbf29ce484222325ULL, kind), item), text);
}

typedef struct fctx {
    vp_doc *doc;
    const vp_text *t;
    const vp_rules *rules;
    vp_matcher *m;
    const vp_table *doctypes;
    const vp_table *holidays; /* rules/holidays.tsv: feasts of the lunar year */
    const vp_family *f_refs, *f_deadlines, *f_targets, *f_assign, *f_budget, *f_header; /* looked up once */
    int plan_year;
    const char *period_to;
    int nref, ntgt, ndl, nasg;
    const char *section_kind; /* of the node being read (NULL: none) */
    int in_scope;             /* it is read in a section of the plan's scale (targets field=scope-heading) */
    const vp_node *scope_sec; /* the section in_scope_section last read, and its answer */
    int scope_sec_is;
    char *issuer_fold;        /* the header's authority case-folded, made at its first use */
    int in_title; /* reading the title: references with a number not found in the body */
    int title_implements; /* the title named the document this one carries out */
    vp_reference *title_named; /* that document, named without a number and found in the body */
    vp_reference *ref_last;
    vp_target *tgt_last;
    vp_deadline *dl_last;
    vp_assignment *asg_last;
    const vp_node *carry_parent;  /* the items under it take the carry_n assignments from carry_first */
    vp_assignment *carry_first;
    int carry_n;
    int in_preamble; /* reading the preamble (walk of doc->preamble) */
    int grounds_para; /* the node being read opens with a context of relation=basis ("Căn cứ …") */
    /* the agencies a letter's preamble asks to carry out what follows ("Sở … đề nghị Phòng Lao
     * động - Thương binh và Xã hội các huyện … triển khai thực hiện các nội dung sau:"): each
     * section of tasks without a lead of its own takes them */
    vp_assignment pre_lead[PRE_LEADS];
    int npre_lead;
    vp_budget_item *bud_last;
    fcands c;                     /* scratch */
    struct {                      /* the due years find_by read last: a clause's figures share them */
        fcands c;
        const char *s;
        size_t a0, b;
    } bym;
    dset asg_seen;                /* assignments by item and agency */
    dset src_seen;                /* budget sources by kind, item and text */
    dset ref_seen;                /* references by number, or by text for one without */
    uint64_t *cbits;              /* the rules that can match in the text at hand */
    fspan *busy;                  /* spans already taken in the current node */
    size_t nbusy, capbusy;
    size_t busy_refs;             /* busy[0..busy_refs): the node's references and cited titles */
    struct {                      /* a table of targets whose rows are being read */
        int ncells;               /* cells of its header row; 0: no table */
        int ind, unit;            /* the columns of the indicator and of its unit (-1: none) */
        int nplan;                /* planned columns read: the last one, or each of the years */
        int plan[8], by[8];       /* a planned column and the year it names (0: none) */
        int years;                /* 1: a table of a year a row, its year's column ycol */
        int ycol;
        int nmeas;                /* its columns of a measure each: the column, the head's */
        int mcol[8];              /* words and the unit they give in brackets */
        const char *mind[8], *munit[8];
    } tab;
    struct {                      /* a label over lines of figures by quarter being read */
        const char *ind, *unit;   /* its indicator and unit (NULL: none) */
    } qlab;
    struct {                      /* a label over lines of targets a group each being read */
        const char *ind;          /* the measure it names (NULL: none) */
        int by;                   /* the year it names (0: none) */
    } glab;
    int comma_dec;                /* the text writes "," as its decimal mark (number_style) */
    struct {                      /* a table of costs whose rows are being read */
        int ncells;               /* cells of its header row; 0: no table */
        int col;                  /* the column of the amounts */
        double scale;             /* đồng a unit of that column ("(triệu đồng)": 1e6) */
        double said;              /* the unit a line just before the table says ("Đơn vị
                                   * tính: triệu đồng"), 0: none */
    } mtab;
    struct {                      /* a table of tasks whose rows are being read */
        int ncells;               /* cells of its header row; 0: no table */
        int lead, support;        /* the columns of who leads and who supports (-1: none) */
        int time;                 /* the column of when (-1: none) */
    } atab;
} fctx;

#define NEAR_MAX 160 /* bytes before a fact the rules anchored at its start see */
static const char *const REF_G[] = {"doctype", "number", "day", "month", "year", "authority", "title", NULL};
enum { RG_DOCTYPE, RG_NUMBER, RG_DAY, RG_MONTH, RG_YEAR, RG_AUTH, RG_TITLE };
static const char *const TGT_G[] = {"value", "unit", "indicator", "by", "prefix", "scale", "scope", NULL};
enum { TG_VALUE, TG_UNIT, TG_IND, TG_BY, TG_PREFIX, TG_SCALE, TG_SCOPE };
static const char *const DL_G[] = {"d1", "m1", "y1", "d2", "m2", "y2", "q1", "q2", "y1q", "y2q", "n", "name", "anniv", NULL};
enum { DG_D1, DG_M1, DG_Y1, DG_D2, DG_M2, DG_Y2, DG_Q1, DG_Q2, DG_Y1Q, DG_Y2Q, DG_N, DG_NAME, DG_ANNIV };
static const char *const ASG_G[] = {"agency", "head", "name", NULL};
enum { AG_AGENCY, AG_HEAD, AG_NAME };
static const char *const BUD_G[] = {"amount", "ty", "trieu", "nghin", "dong", "source", "times", NULL};
enum { BG_AMOUNT, BG_TY, BG_TRIEU, BG_NGHIN, BG_DONG, BG_SOURCE, BG_TIMES };

static void cands_push(fcands *c, const fcand *x)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 32;
        c->v = vp_xrealloc(c->v, c->cap * sizeof *c->v);
    }
    c->v[c->n++] = *x;
}

/* 1 when the rule's field attribute is what the caller asked for (NULL: no field). */
static int field_is(const vp_rule *r, const char *field)
{
    const char *f = vp_rule_field(r);
    if (!field)
        return f == NULL;
    return f && strcmp(f, field) == 0;
}

static size_t utf8_next(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return len + 1;
    i++;
    while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

/* Where the window of NEAR_MAX bytes before s[at] starts, no earlier than lo, at a character's
 * start: what the rules anchored at a fact's start see of the words before it. */
static size_t near_start(const char *s, size_t lo, size_t at)
{
    size_t w = at > lo + NEAR_MAX ? at - NEAR_MAX : lo;
    while (w < at && ((unsigned char)s[w] & 0xC0) == 0x80)
        w++;
    return w;
}

/* The groups of the last match into k. */
static void take_groups(fctx *x, const char *const *groups, fcand *k)
{
    for (size_t g = 0; groups && groups[g] && g < VP_FACT_MAXG; g++) {
        size_t gs, ge;
        if (vp_match_group(x->m, groups[g], &gs, &ge)) {
            k->gs[g] = gs;
            k->ge[g] = ge;
            k->have |= 1u << g;
        }
    }
}

/* Is `word` one of the items of `list`, separated by `sep` (' ': "prefix verb", '|': "CV|TTr")? */
static int item_in(const char *list, char sep, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; n && (p = strstr(p, word)) != NULL; p += n)
        if ((p == list || p[-1] == sep) && (p[n] == 0 || p[n] == sep))
            return 1;
    return 0;
}

/* A match of rule `head` (k) that names the first of a list: "phối hợp với Sở Tài chính, Sở
 * Y tế và Ủy ban nhân dân các huyện".  The rules of field `list` (the head's attribute
 * list=FIELD) are tried right at its end, again after each of theirs, and each match is a
 * candidate of the head's rule (its attributes, such as role, hold for the whole list; the
 * groups its attribute carry= names, when a match of the list has none of its own: "các
 * phòng: Tư pháp, Nội vụ", the kind of unit of every name; "xây dựng 15 khu dân cư, 200 vườn
 * mẫu", the verb of every count).  Returns where the list ends. */
static size_t collect_list(fctx *x, const vp_family *fam, const char *list, const char *const *groups,
                           const char *s, size_t len, const fcand *k, fcands *c)
{
    const char *carry = vp_rule_attr(k->rule, "carry"), *carry_end = vp_rule_attr(k->rule, "carry-end");
    size_t end = k->e;
    for (int n = 0; n < 32 && end < len; n++) {
        const vp_rule *lr = vp_family_first_attr(fam, "field", list, x->m, s, len, end);
        if (!lr)
            break;
        fcand k2;
        memset(&k2, 0, sizeof k2);
        vp_match_range(x->m, &k2.s, &k2.e);
        if (k2.s != end || k2.e <= k2.s)
            break;
        k2.ri = k->ri;
        k2.rule = k->rule;
        take_groups(x, groups, &k2);
        for (size_t g = 0; carry && groups[g] && g < VP_FACT_MAXG; g++)
            if (!(k2.have & 1u << g) && (k->have & 1u << g) && item_in(carry, ' ', groups[g])) {
                k2.gs[g] = k->gs[g];
                k2.ge[g] = k->ge[g];
                k2.have |= 1u << g;
            }
        cands_push(c, &k2);
        end = k2.e;
        /* after a match with the group the head's attribute carry-end= names, nothing more is
         * carried: after a unit named in full, names alone are parts of its name ("các Sở: Tài
         * chính, Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi"), not
         * units of the kind */
        for (size_t g = 0; carry && carry_end && groups[g] && g < VP_FACT_MAXG; g++)
            if ((k2.have & 1u << g) && strcmp(groups[g], carry_end) == 0)
                carry = NULL;
    }
    return end;
}

/* Has rule r the attribute spec ("key": any value; "key=value": that value)? */
static int attr_ok(const vp_rule *r, const char *spec)
{
    const char *eq = strchr(spec, '=');
    if (!eq)
        return vp_rule_attr(r, spec) != NULL;
    char key[32];
    size_t n = (size_t)(eq - spec);
    if (n >= sizeof key)
        return 0;
    memcpy(key, spec, n);
    key[n] = '\0';
    const char *v = vp_rule_attr(r, key);
    return v && strcmp(v, eq + 1) == 0;
}

/* Every match of every rule of `fam` whose field is `field` (and whose attributes meet attr,
 * when not NULL: attr_ok), into c (not cleared); after a match of a rule with list=FIELD, the
 * rest of its list (collect_list). */
static void collect_if(fctx *x, const vp_family *fam, const char *field, const char *attr, const char *const *groups,
                       const char *s, size_t len, fcands *c)
{
    int asked = 0; /* s is not changed here: the candidate rules are asked for once */
    size_t nr;
    const uint32_t *idx = vp_family_field_rules(fam, field, x->m, &nr);
    for (size_t j = 0; j < nr; j++) {
        size_t ri = idx[j];
        const vp_rule *r = fam->rules[ri];
        if (attr && !attr_ok(r, attr))
            continue;
        if (!asked) {
            vp_matcher_candidates(x->m, s, len, x->cbits);
            asked = 1;
        }
        if (!vp_rule_candidate(r, x->cbits))
            continue;
        const char *need = vp_rule_section(r); /* section=KIND: read only in a section of that kind */
        if (need && !(x->section_kind && strcmp(need, x->section_kind) == 0) && !(x->in_scope && strcmp(need, "scope") == 0))
            continue;
        const char *genre = vp_rule_genre(r); /* genre=official|news: only in documents of that genre */
        if (genre && !(x->doc->genre && strcmp(genre, x->doc->genre) == 0))
            continue;
        size_t start = 0;
        while (start <= len) {
            int hit = vp_rule_exec_cand(r, x->m, s, len, start) == 1;
            if (!hit)
                break;
            fcand k;
            memset(&k, 0, sizeof k);
            vp_match_range(x->m, &k.s, &k.e);
            k.ri = ri;
            k.rule = r;
            take_groups(x, groups, &k);
            size_t end = k.e;
            if (k.e > k.s) {
                cands_push(c, &k);
                const char *list = vp_rule_attr(r, "list");
                if (list)
                    end = collect_list(x, fam, list, groups, s, len, &k, c);
            }
            start = end > k.s ? end : utf8_next(s, len, k.s);
        }
    }
}

/* collect_if for every rule of the field. */
static void collect(fctx *x, const vp_family *fam, const char *field, const char *const *groups, const char *s,
                    size_t len, fcands *c)
{
    collect_if(x, fam, field, NULL, groups, s, len, c);
}

static int cand_cmp(const void *a, const void *b)
{
    const fcand *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    if (x->e != y->e)
        return x->e > y->e ? -1 : 1;
    if (x->ri != y->ri)
        return x->ri < y->ri ? -1 : 1;
    return 0;
}

/* Sort by position and keep the leftmost-longest candidates that do not overlap. */
static void select_nonoverlap(fcands *c)
{
    if (c->n == 0)
        return;
    qsort(c->v, c->n, sizeof *c->v, cand_cmp);
    size_t k = 0, last_end = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (k > 0 && c->v[i].s < last_end)
            continue;
        c->v[k++] = c->v[i];
        last_end = c->v[i].e;
    }
    c->n = k;
}

static int has(const fcand *k, int g) { return (k->have >> g) & 1u; }

static int gint(const fcand *k, int g, const char *s)
{
    if (!has(k, g))
        return -1;
    return vp_date_int(s + k->gs[g], k->ge[g] - k->gs[g]);
}

/* ---- busy spans (one node): facts of a later family never sit on earlier ones ---- */

static void busy_add(fctx *x, size_t s, size_t e)
{
    if (x->nbusy == x->capbusy) {
        x->capbusy = x->capbusy ? x->capbusy * 2 : 16;
        x->busy = vp_xrealloc(x->busy, x->capbusy * sizeof *x->busy);
    }
    x->busy[x->nbusy].s = s;
    x->busy[x->nbusy].e = e;
    x->nbusy++;
}

static int busy_hit_from(const fctx *x, size_t from, size_t s, size_t e)
{
    for (size_t i = from; i < x->nbusy; i++)
        if (s < x->busy[i].e && x->busy[i].s < e)
            return 1;
    return 0;
}

static int busy_hit(const fctx *x, size_t s, size_t e) { return busy_hit_from(x, 0, s, e); }

/* Does [s, e) overlap a candidate of c? */
static int cands_hit(const fcands *c, size_t s, size_t e)
{
    for (size_t j = 0; j < c->n; j++)
        if (s < c->v[j].e && c->v[j].s < e)
            return 1;
    return 0;
}

/* ---- text helpers ---------------------------------------------------- */

static int is_trim_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';' || c == ':' || c == '.' ||
           c == '-' || c == '*' || c == '(' || c == ')' || c == '/' || c == '"';
}

static int has_byte(const char *s, size_t a, size_t b, char c) { return memchr(s + a, c, b - a) != NULL; }

/* Trims spaces and punctuation (and "…") at both ends of s[*a..*b); a bracket stays when
 * its partner is inside. */
static void trim_range(const char *s, size_t *a, size_t *b)
{
    for (;;) {
        if (*a < *b && is_trim_byte((unsigned char)s[*a]) && !(s[*a] == '(' && has_byte(s, *a, *b, ')')) &&
            !(s[*a] == '"' && has_byte(s, *a + 1, *b, '"'))) /* a name in quotes keeps them */
            (*a)++;
        else if (*b - *a >= 3 && memcmp(s + *a, "\xE2\x80\xA6", 3) == 0)
            *a += 3;
        else
            break;
    }
    for (;;) {
        if (*b > *a && is_trim_byte((unsigned char)s[*b - 1]) && !(s[*b - 1] == ')' && has_byte(s, *a, *b, '(')) &&
            !(s[*b - 1] == '"' && has_byte(s, *a, *b - 1, '"')))
            (*b)--;
        else if (*b - *a >= 3 && memcmp(s + *b - 3, "\xE2\x80\xA6", 3) == 0)
            *b -= 3;
        else if (*b - *a >= 3 && (memcmp(s + *b - 3, "\xE2\x80\x93", 3) == 0 ||
                                  memcmp(s + *b - 3, "\xE2\x80\x94", 3) == 0))
            *b -= 3;
        else
            break;
    }
}

/* Copy with runs of white space made one space. */
static char *squeeze(vp_arena *a, const char *s, size_t n)
{
    char *out = vp_arena_alloc(a, n + 1);
    size_t k = 0;
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            sp = 1;
            continue;
        }
        if (sp && k > 0)
            out[k++] = ' ';
        sp = 0;
        out[k++] = c;
    }
    out[k] = 0;
    return out;
}

/* Copy without any white space and without markup stars ("908/SLĐT BXH-BĐG" -> "908/SLĐTBXH-BĐG"). */
static char *nospace(vp_arena *a, const char *s, size_t n)
{
    char *out = vp_arena_alloc(a, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '*')
            out[k++] = s[i];
    out[k] = 0;
    return out;
}

/* Lower case (Unicode) of s[0..n) with white space squeezed; caller frees. */
static char *fold_lower(const char *s, size_t n)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
                                      UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    if (r < 0 || !out)
        return vp_xstrndup(s, n);
    /* squeeze spaces in place */
    size_t k = 0;
    int sp = 0;
    for (size_t i = 0; out[i]; i++) {
        if (out[i] == ' ' || out[i] == '\t' || out[i] == '\n') {
            sp = 1;
            continue;
        }
        if (sp && k > 0)
            out[k++] = ' ';
        sp = 0;
        out[k++] = out[i];
    }
    out[k] = 0;
    char *res = vp_xstrdup((char *)out);
    free(out);
    return res;
}

static int is_upper_at(const char *s, size_t len, size_t i)
{
    int32_t cp = 0;
    if (i >= len)
        return 0;
    int l = vp_utf8_decode_fast(s + i, len - i, &cp);
    if (l < 1 || cp < 0)
        return 0;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* 1 when a sentence ends somewhere in s[a..b): ". " followed by a capital letter. */
static int sentence_break(const char *s, size_t len, size_t a, size_t b)
{
    for (size_t i = a; i + 1 < b; i++)
        if (s[i] == '.' && (s[i + 1] == ' ' || s[i + 1] == '\n')) {
            size_t j = i + 1;
            while (j < len && (s[j] == ' ' || s[j] == '\n'))
                j++;
            if (is_upper_at(s, len, j))
                return 1;
        }
    return 0;
}

/* ---- the node walk ---------------------------------------------------- */

#define TAB_MAX 16 /* cells read of a row */

/* What a node's text tells of its times gone by, asked once per node and kept for the
 * deadlines, targets, budget and assignments read in it: whether a heading over it reports
 * results, else where its time changes (past_at). */
typedef struct pastctx {
    int head;     /* -1: not yet asked */
    fcands marks; /* the targets rules field=past in the node's text, in order */
} pastctx;

#define PASTCTX_INIT {-1, {0}}

typedef struct nodeinfo {
    const vp_node *node;
    const char *item;            /* nearest id; NULL in the preamble */
    const char *section_kind;    /* enclosing section's kind; NULL in the preamble */
    size_t base;                 /* offset of the node text in t->data */
    const char *s;
    size_t len;
    int ncells;                  /* a table's row (one line with "|"): its cells; else 0 */
    size_t cs[TAB_MAX], ce[TAB_MAX];
    pastctx *past;               /* its times gone by, asked on the first need (past_told) */
} nodeinfo;

/* The cells of a line between "|", trimmed, at most TAB_MAX; returns their count. */
static int split_cells(const char *S, size_t len, size_t *cs, size_t *ce)
{
    int n = 0;
    size_t a = 0;
    for (size_t i = 0; i <= len && n < TAB_MAX; i++) {
        if (i < len && S[i] != '|')
            continue;
        size_t b = i;
        trim_range(S, &a, &b);
        cs[n] = a;
        ce[n] = b > a ? b : a;
        n++;
        a = i + 1;
    }
    return n;
}


/* The span in the normalised text of bytes [a,b) of a node's own text, and its line. */
static size_t locate(const fctx *x, const nodeinfo *ni, size_t a, size_t b, vp_span *sp)
{
    sp->start = ni->base + a;
    sp->end = ni->base + b;
    return vp_text_line_of(x->t, sp->start);
}

/* Facts of a node set aside as of the past: listed (the first eight) in one warning. */
typedef struct pastnote {
    vp_buf list;
    size_t n, line;
} pastnote;

static void pastnote_add(const fctx *x, const nodeinfo *ni, pastnote *p, size_t a, size_t b, const char *suffix)
{
    if (p->n == 0) {
        vp_span sp;
        p->line = locate(x, ni, a, b, &sp);
    }
    if (p->n < 8)
        vp_buf_printf(&p->list, "%s\"%s%s\"", p->n ? ", " : "", squeeze(x->doc->arena, ni->s + a, b - a), suffix);
    p->n++;
}

/* The warning `code`: what (which says what the n facts are) and the list; frees the list. */
static void pastnote_flush(fctx *x, pastnote *p, const char *code, const char *what)
{
    if (p->n)
        vp_diag_add(&x->doc->diags, code, (int)p->line, "%s: %s%s", what, p->list.data, p->n > 8 ? ", …" : "");
    vp_buf_free(&p->list);
}

/* The past-dates warning of the times p holds: "N NOUNs WHEN (the document's date), read as
 * AS, not deadlines". */
static void past_dates_flush(fctx *x, pastnote *p, const char *noun, const char *when, const char *as)
{
    pastnote_flush(x, p, "past-dates",
                   p->n ? vp_arena_printf(x->doc->arena, "%zu %s%s %s (%s), read as %s, not deadlines", p->n, noun,
                                          p->n == 1 ? "" : "s", when, x->doc->meta.date_value, as)
                        : "");
}

static const char *nearest_id(const vp_node *n)
{
    for (; n; n = n->parent)
        if (n->id)
            return n->id;
    return NULL;
}

/* The kind of section a node is read in: its section's, or that of the nearest item above it
 * that a section of no kind gave one ("Điều 1 … 1. Mục tiêu"). */
static const char *section_kind_of(const vp_node *n)
{
    const vp_node *sec = NULL, *item = NULL;
    for (; n; n = n->parent) {
        if (n->type == VP_NODE_SECTION)
            sec = n;
        else if (!item && n->type == VP_NODE_ITEM && n->kind)
            item = n;
    }
    return item ? item->kind : sec ? sec->kind : NULL;
}

/* ---- references -------------------------------------------------------- */

static const char *doctype_code(fctx *x, const nodeinfo *ni, const fcand *k, const char *number)
{
    if (has(k, RG_DOCTYPE) && x->doctypes) {
        char *w = fold_lower(ni->s + k->gs[RG_DOCTYPE], k->ge[RG_DOCTYPE] - k->gs[RG_DOCTYPE]);
        size_t nc = 0;
        const char *const *row = vp_table_find(x->doctypes, w, strlen(w), &nc);
        free(w);
        if (row && nc >= 2)
            return row[1];
    }
    /* from the symbol: "25/KH-UBND" -> KH, "20-CT/TU" -> CT, "70/2008/NĐ-CP" -> NĐ,
     * when that is a known code */
    if (number && x->doctypes) {
        const char *p = number;
        while (*p >= '0' && *p <= '9')
            p++;
        while (*p == '/' || *p == '-') {
            p++;
            const char *q = p;
            while (*q >= '0' && *q <= '9')
                q++;
            if (q > p && (*q == '/' || *q == '-')) {
                p = q;
                continue;
            }
            break;
        }
        const char *q = p;
        while (*q && *q != '-' && *q != '/')
            q++;
        if (q > p) {
            for (size_t i = 0; i < x->doctypes->nrows; i++) {
                const vp_table *T = x->doctypes;
                if (T->ncols[i] >= 2 && strlen(T->rows[i][1]) == (size_t)(q - p) &&
                    memcmp(T->rows[i][1], p, (size_t)(q - p)) == 0)
                    return T->rows[i][1];
            }
        }
    }
    return vp_rule_attr(k->rule, "code");
}

typedef struct refnote {
    vp_reference *ref;
    int from_basis; /* relation came from a basis context and the rule said implements */
    size_t s, e;    /* where it was read in the node */
} refnote;

/* The issuer's part of a symbol ("56/KH-UBND" -> "UBND", "15-NQ/TU" -> "TU"): what follows its
 * last '-' or '/'. */
static const char *symbol_issuer(const char *number)
{
    const char *t = NULL;
    for (const char *p = number; *p; p++)
        if (*p == '-' || *p == '/')
            t = p + 1;
    return t && *t ? t : NULL;
}

/* Whether two symbols' issuer parts name the same issuer: equal but for the number of a term
 * they end in ("QH13" and "QH14": the National Assembly of two terms). */
static int same_issuer(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    while (la > 1 && a[la - 1] >= '0' && a[la - 1] <= '9')
        la--;
    while (lb > 1 && b[lb - 1] >= '0' && b[lb - 1] <= '9')
        lb--;
    return la == lb && memcmp(a, b, la) == 0;
}

/* "Kế hoạch số 56/KH-UBND ngày 23/02/2024 và Kế hoạch số 78/KH-UBND ngày 10/3/2024 của UBND
 * tỉnh", "Nghị quyết số 88/2014/QH13 và Nghị quyết số 51/2017/QH14 của Quốc hội": the issuer
 * named after the last of a list is the issuer of the ones before it that name none, when only
 * ",", ";" or "và" stands between them and their symbols name the same issuer. */
static void share_authority(const char *S, refnote *notes, size_t n)
{
    for (size_t i = n; i-- > 1;) {
        vp_reference *a = notes[i - 1].ref, *b = notes[i].ref;
        if (a->authority || !b->authority || !a->number || !b->number)
            continue;
        const char *ia = symbol_issuer(a->number), *ib = symbol_issuer(b->number);
        if (!ia || !ib || !same_issuer(ia, ib))
            continue;
        size_t g = notes[i - 1].e, end = notes[i].s;
        while (g < end && (S[g] == ' ' || S[g] == ',' || S[g] == ';' || S[g] == '\n' || S[g] == '\t'))
            g++;
        if (g + 3 <= end && !memcmp(S + g, "và", 3))
            g += 3;
        while (g < end && (S[g] == ' ' || S[g] == '\n' || S[g] == '\t'))
            g++;
        if (g == end)
            a->authority = b->authority;
    }
}

/* The body a symbol's suffix stands for ("28/NQ-CP": Chính phủ; header rules field=symbol-issuer,
 * attribute issuer), NULL when the rules name none. */
static const char *issuer_of_symbol(fctx *x, const char *number)
{
    if (!number)
        return NULL;
    const vp_rule *r = vp_family_first_attr(x->f_header, "field", "symbol-issuer", x->m, number, strlen(number), 0);
    return r ? vp_rule_attr(r, "issuer") : NULL;
}

/* s folded for comparing issuers: lower case, marks stripped ("Ủy" and "Uỷ" alike); malloc'd,
 * NULL when it cannot be. */
static char *issuer_fold(const char *s)
{
    utf8proc_uint8_t *f = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &f,
                     UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD) < 0)
        return NULL;
    return (char *)f;
}

/* A name folded for comparing issuers (issuer_fold), words split at spaces and hyphens, each
 * abbreviation of rules/abbrev.tsv ("UBND") replaced by its words: keys[i] is row i's first cell
 * folded (NULL: none); malloc'd, words joined by one space. */
static char *issuer_words(const vp_table *abbrev, char *const *keys, const char *s)
{
    char *f = issuer_fold(s);
    if (!f)
        return NULL;
    vp_buf b = {0};
    const char *p = f;
    while (*p) {
        while (*p == ' ' || *p == '-' || *p == '\t' || *p == '\n' || *p == ',')
            p++;
        size_t n = 0;
        while (p[n] && p[n] != ' ' && p[n] != '-' && p[n] != '\t' && p[n] != '\n' && p[n] != ',')
            n++;
        if (!n)
            break;
        const char *w = p;
        size_t wn = n;
        char *exp = NULL;
        for (size_t i = 0; abbrev && keys && i < abbrev->nrows; i++)
            if (keys[i] && abbrev->ncols[i] >= 2 && strlen(keys[i]) == n && memcmp(keys[i], p, n) == 0) {
                exp = issuer_words(NULL, NULL, abbrev->rows[i][1]);
                break;
            }
        if (exp) {
            w = exp;
            wn = strlen(exp);
        }
        if (b.len)
            vp_buf_addc(&b, ' ');
        vp_buf_add(&b, w, wn);
        free(exp);
        p += n;
    }
    free(f);
    return vp_buf_steal(&b);
}

/* Does r (folded words) go on from its first la bytes with the last words of p, the place its
 * parent's name ends on ("so y te tinh dak lak" after "so y te", under "uy ban nhan dan tinh dak
 * lak")? */
static int ends_like(const char *r, size_t la, const char *p)
{
    if (r[la] != ' ')
        return 0;
    size_t lt = strlen(r + la + 1), lp = strlen(p);
    return lt && lt <= lp && strcmp(p + lp - lt, r + la + 1) == 0 && (lt == lp || p[lp - lt - 1] == ' ');
}

/* Is the issuer a reference names (ref) the document's own: the header's authority, its words
 * folded (issuer_words), or its first words up to a word boundary ("UBND huyện" in a plan of
 * "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG SƠN", the place left out), or its words followed by the place
 * the line above it in the header ends on ("Sở Y tế tỉnh Đắk Lắk" in a plan of "SỞ Y TẾ" under
 * "UBND TỈNH ĐẮK LẮK")?  A name of one word is no issuer's own. */
static int own_issuer(fctx *x, const char *ref)
{
    const char *auth = x->doc->meta.authority;
    if (!auth || !ref)
        return 0;
    const vp_table *ab = vp_rules_table(x->rules, "abbrev");
    char **keys = ab && ab->nrows ? calloc(ab->nrows, sizeof *keys) : NULL; /* the keys folded once */
    for (size_t i = 0; keys && i < ab->nrows; i++)
        keys[i] = ab->ncols[i] >= 2 ? issuer_fold(ab->rows[i][0]) : NULL;
    char *a = issuer_words(ab, keys, auth), *r = issuer_words(ab, keys, ref);
    const char *par = x->doc->meta.authority_parent;
    char *p = par ? issuer_words(ab, keys, par) : NULL;
    int own = 0;
    if (a && r) {
        size_t lr = strlen(r), la = strlen(a);
        own = strchr(r, ' ') && strncmp(a, r, lr) == 0 && (a[lr] == 0 || a[lr] == ' ');
        if (!own && p && la < lr && strncmp(a, r, la) == 0)
            own = ends_like(r, la, p);
    }
    free(p);
    for (size_t i = 0; keys && i < ab->nrows; i++)
        free(keys[i]);
    free(keys);
    free(a);
    free(r);
    return own;
}

/* A warning when group g of a date (a reference's day or year, a deadline's year) was read
 * across a space a text layer put inside it ("20 21", "1 5"); of says whose date it is. */
static void split_part(fctx *x, const nodeinfo *ni, const fcand *k, int g, int v, const char *code,
                       const char *part, const char *of)
{
    if (v <= 0 || !memchr(ni->s + k->gs[g], ' ', k->ge[g] - k->gs[g]))
        return;
    vp_span sp;
    size_t line = locate(x, ni, k->gs[g], k->ge[g], &sp);
    vp_diag_add(&x->doc->diags, code, (int)line, "the %s of %s is written with a space inside (\"%.*s\"): read as %d",
                part, of, (int)(k->ge[g] - k->gs[g]), ni->s + k->gs[g], v);
}

/* The date a reference gives (ISO, or its year alone), or NULL. */
static const char *ref_date(fctx *x, const nodeinfo *ni, const fcand *k)
{
    int d = gint(k, RG_DAY, ni->s), mo = gint(k, RG_MONTH, ni->s), y = gint(k, RG_YEAR, ni->s);
    split_part(x, ni, k, RG_YEAR, y, "date-split-year", "year", "a document's date");
    split_part(x, ni, k, RG_DAY, d, "date-split-day", "day", "a document's date");
    if (y > 0 && mo > 0 && d > 0 && vp_date_valid(y, mo, d)) {
        char buf[16];
        vp_date_iso(buf, y, mo, d);
        return vp_arena_strdup(x->doc->arena, buf);
    }
    if (y >= 1900 && y < 2200 && mo <= 0 && d <= 0)
        return vp_arena_printf(x->doc->arena, "%04d", y);
    return NULL;
}

/* "61/2018/NĐCP": a number whose symbol lost its hyphen (the header rule symbol-glued says
 * where it was) is given it back, so that it is found as "61/2018/NĐ-CP"; else number. */
static const char *ref_symbol_hyphen(fctx *x, const char *number)
{
    const char *slash = strrchr(number, '/');
    if (!slash || !slash[1] || strchr(slash, '-'))
        return number;
    const char *sym = slash + 1;
    size_t ts, te, bs, be;
    if (!vp_family_first_attr(x->f_header, "field", "symbol-glued", x->m, sym, strlen(sym), 0) ||
        !vp_match_group(x->m, "doctype", &ts, &te) || !vp_match_group(x->m, "text", &bs, &be))
        return number;
    return vp_arena_printf(x->doc->arena, "%.*s%.*s-%.*s", (int)(sym - number), number, (int)(te - ts), sym + ts,
                           (int)(be - bs), sym + bs);
}

/* The context rule a heading over the node gives its references (references rules
 * field=context-heading: "I. CĂN CỨ KẾ HOẠCH", whose items list the bases without "Căn cứ"), or
 * NULL. */
static const vp_rule *heading_context(fctx *x, const nodeinfo *ni)
{
    for (const vp_node *n = ni->node ? ni->node->parent : NULL; n; n = n->parent)
        if (n->heading) {
            const vp_rule *r = vp_family_first_attr(x->f_refs, "field", "context-heading", x->m, n->heading,
                                                    strlen(n->heading), 0);
            if (r)
                return r;
        }
    return NULL;
}

/* The words of a document's name for comparing: case-folded, without spaces nor quotes, its
 * dashes as "-" ("Đề án “Tăng cường …”" and "Đề án tăng cường …" alike, "2021 – 2030" and
 * "2021-2030"); malloc'd, NULL when it cannot be. */
static char *name_key(const char *s)
{
    char *f = fold_lower(s, strlen(s));
    if (!f)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; f[i];) {
        if (f[i] == ' ' || f[i] == '"') {
            i++;
            continue;
        }
        if ((unsigned char)f[i] == 0xE2 && (unsigned char)f[i + 1] == 0x80 &&
            ((unsigned char)f[i + 2] == 0x9C || (unsigned char)f[i + 2] == 0x9D)) {
            i += 3; /* “ ” */
            continue;
        }
        if ((unsigned char)f[i] == 0xE2 && (unsigned char)f[i + 1] == 0x80 &&
            ((unsigned char)f[i + 2] == 0x93 || (unsigned char)f[i + 2] == 0x94)) {
            f[k++] = '-'; /* "2021 – 2030" as "2021-2030" */
            i += 3;
            continue;
        }
        f[k++] = f[i++];
    }
    f[k] = 0;
    return f;
}

/* The length of a name's key (name_key) without the place and time it is of ("… trên địa bàn
 * tỉnh …", "… giai đoạn 2021 - 2030", "… đến năm 2030"): a province's plan names the national
 * strategy it carries out with its own place and years. */
static size_t name_core(const char *k)
{
    static const char *const tails[] = {"trênđịabàn", "giaiđoạn", "đếnnăm", "tầmnhìn", "năm20", "năm19"};
    size_t n = strlen(k);
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        const char *t = strstr(k, tails[i]);
        if (t && (size_t)(t - k) < n)
            n = (size_t)(t - k);
    }
    return n;
}

/* Do two names of documents without a number name the same one (name_key)? */
static int same_name(const char *a, const char *b)
{
    char *ka = name_key(a), *kb = name_key(b);
    int same = ka && kb ? strcmp(ka, kb) == 0 : strcmp(a, b) == 0;
    free(ka);
    free(kb);
    return same;
}

static int relation_rank(const char *rel)
{
    return !strcmp(rel, "implements") ? 2 : !strcmp(rel, "basis") ? 1 : 0;
}

/* The reference already recorded for the document candidate k names: the same number (and no
 * other date, when date is given: "Nghị quyết số 28/NQ-CP" of 2021 and of 2023 are two), or for
 * one without a number the same words; NULL at its first mention. */
static vp_reference *earlier_ref(fctx *x, const nodeinfo *ni, const fcand *k, const char *number, const char *date)
{
    vp_reference key = {0};
    key.number = number;
    if (!number) {
        size_t a = k->s, b = k->e;
        trim_range(ni->s, &a, &b);
        key.text = squeeze(x->doc->arena, ni->s + a, b - a);
    }
    uint64_t h = ref_key(&key);
    const dset *d = &x->ref_seen;
    for (size_t j = d->cap ? h & (d->cap - 1) : 0; d->cap && d->item[j]; j = (j + 1) & (d->cap - 1)) {
        vp_reference *p = d->item[j];
        if (d->hash[j] == h && (number ? p->number && strcmp(p->number, number) == 0 &&
                                             (!p->date || !date || strcmp(p->date, date) == 0)
                                       : !p->number && p->text && same_name(p->text, key.text)))
            return p;
    }
    return NULL;
}

/* Marks busy the words from at to the end of the clause naming a document the text stands on
 * when they open as its title (references rules field=title-start, field=cited-end: ";", a
 * sentence's end, ", UBND huyện đề nghị …"), marking them only when busy; returns the title's
 * end (at: none). */
static size_t cited_title(fctx *x, const nodeinfo *ni, size_t at, int busy)
{
    size_t s, e = ni->len;
    if (!vp_family_first_attr(x->f_refs, "field", "title-start", x->m, ni->s, ni->len, at))
        return at; /* no title follows (references rules field=title-start) */
    if (vp_family_first_attr(x->f_refs, "field", "cited-end", x->m, ni->s, ni->len, at)) {
        vp_match_range(x->m, &s, &e);
        e = s;
    }
    if (busy && e > at)
        busy_add(x, at, e);
    return e;
}

static void do_references(fctx *x, const nodeinfo *ni)
{
    const vp_family *fam = x->f_refs;
    x->c.n = 0;
    x->grounds_para = 0;
    collect(x, fam, "skip", NULL, ni->s, ni->len, &x->c);
    if (x->c.n)
        return;
    fcands ctx = {0}, next = {0};
    collect(x, fam, "context", NULL, ni->s, ni->len, &ctx);
    /* a context for some kinds of document only (doctype=CV|TTr: a letter answering a
     * request carries it out; a decision's "Theo đề nghị của …" is its ground) */
    size_t kept = 0;
    for (size_t j = 0; j < ctx.n; j++) {
        const char *only = vp_rule_attr(ctx.v[j].rule, "doctype");
        const char *dc = x->doc->meta.doctype_code;
        if (!only || (dc && item_in(only, '|', dc)))
            ctx.v[kept++] = ctx.v[j];
    }
    ctx.n = kept;
    if (ctx.n) {
        qsort(ctx.v, ctx.n, sizeof *ctx.v, cand_cmp);
        const char *rel = vp_rule_attr(ctx.v[0].rule, "relation");
        size_t b = 0;
        while (b < ctx.v[0].s && (ni->s[b] == ' ' || ni->s[b] == '\n'))
            b++;
        x->grounds_para = b == ctx.v[0].s && rel && strcmp(rel, "basis") == 0;
    }
    collect(x, fam, "context-next", NULL, ni->s, ni->len, &next);
    x->c.n = 0;
    collect(x, fam, NULL, REF_G, ni->s, ni->len, &x->c);
    select_nonoverlap(&x->c);
    const char *prev_code = NULL;
    size_t title_at = 0, title_end = 0; /* the title of the last document stood on, [at, end) */
    int title_basis = 0; /* that document is a legal basis (what its title amends is one too) */
    const vp_rule *hc = NULL; /* the context a heading over the node gives, once looked up */
    int hc_done = 0;
    refnote notes[64];
    size_t nnotes = 0;
    const char *own = x->doc->meta.number_text ? nospace(x->doc->arena, x->doc->meta.number_text,
                                                         strlen(x->doc->meta.number_text))
                                               : NULL;
    for (size_t i = 0; i < x->c.n; i++) {
        const fcand *k = &x->c.v[i];
        const char *written = has(k, RG_NUMBER)
                                  ? nospace(x->doc->arena, ni->s + k->gs[RG_NUMBER], k->ge[RG_NUMBER] - k->gs[RG_NUMBER])
                                  : NULL;
        const char *number = written ? ref_symbol_hyphen(x, written) : NULL;
        if (number && own && strcmp(number, own) == 0)
            continue; /* the document's own number */
        vp_reference *known = NULL; /* the body's reading of a document wins over the title's */
        if (x->in_title && (known = earlier_ref(x, ni, k, number, NULL))) {
            if (!known->date) /* the body names it short ("Nghị quyết số 28/NQ-CP"), the title in full */
                known->date = ref_date(x, ni, k);
            if (strcmp(known->relation, "implements") == 0) {
                if (!x->title_implements && !known->number)
                    x->title_named = known;
                x->title_implements = 1; /* later ones in the title are what it carries out */
                continue;
            }
            if (strcmp(known->relation, "basis") == 0 && x->title_implements)
                continue;
            /* only mentioned in the body ("Quán triệt nội dung Chỉ thị số 35-CT/TW"), or stood on
             * ("Căn cứ Nghị quyết số 118/NQ-CP …"): the title may say it is what the document
             * carries out ("Triển khai thực hiện Nghị quyết số 118/NQ-CP …", below) */
        }
        int again = 0;
        for (size_t j = 0; j < nnotes && number && !again; j++)
            again = notes[j].ref->number && strcmp(notes[j].ref->number, number) == 0;
        if (again)
            continue; /* "(sau đây gọi là Chỉ thị số 30/CT-TTg)": the same one again */
        const char *code = NULL;
        if (has(k, RG_DOCTYPE) || vp_rule_attr(k->rule, "code"))
            code = doctype_code(x, ni, k, number);
        else if (prev_code)
            code = prev_code; /* "…; số 95/KH-UBND": the doctype of the previous one */
        else
            code = doctype_code(x, ni, k, number);
        if (has(k, RG_DOCTYPE) || vp_rule_attr(k->rule, "code"))
            prev_code = code;
        const char *date = ref_date(x, ni, k);
        /* relation */
        const char *rel = "cited";
        int from_basis = 0;
        const fcand *c = NULL;
        for (size_t j = 0; j < ctx.n; j++)
            if (ctx.v[j].e <= k->s)
                c = &ctx.v[j];
        const vp_rule *crule = c && !sentence_break(ni->s, ni->len, c->e, k->s) ? c->rule : NULL;
        if (!crule && !c) {
            if (!hc_done)
                hc = heading_context(x, ni);
            hc_done = 1;
            crule = hc;
        }
        /* the words after a document the text stands on ("Căn cứ Kế hoạch số … về tổ chức Ngày
         * Nhà giáo Việt Nam 20/11 …;") are its title: not this document's deadlines or targets */
        int stands_on = 0;
        int names = 0; /* a title that may name other documents follows (a letter with no body too) */
        if (crule) {
            const char *cr = vp_rule_attr(crule, "relation");
            const char *rr = vp_rule_attr(k->rule, "relation");
            if (cr && strcmp(cr, "basis") == 0) {
                rel = rr ? rr : "basis";
                from_basis = strcmp(rel, "implements") == 0;
                stands_on = crule == hc || x->in_preamble;
            } else if (cr) {
                rel = cr;
                stands_on = strcmp(cr, "implements") == 0 && x->in_preamble && x->doc->body;
                names = strcmp(cr, "implements") == 0 && x->in_preamble;
            }
        }
        if (vp_rule_attr(k->rule, "context") &&
            !(crule && vp_rule_attr(crule, "relation") && strcmp(vp_rule_attr(crule, "relation"), "basis") == 0))
            continue; /* a law by its name alone is a reference only under "Căn cứ" (context=required) */
        names = names || stands_on;
        for (size_t j = 0; j < next.n; j++) { /* "… thực hiện Chiến lược …": the verb right before it */
            size_t g = next.v[j].e;
            while (g < k->s && (ni->s[g] == ' ' || ni->s[g] == '\t' || ni->s[g] == '\n'))
                g++;
            const char *nr = vp_rule_attr(next.v[j].rule, "relation");
            if (g == k->s && nr) {
                rel = nr;
                from_basis = 0;
                /* the verb of a task ("Phòng Y tế triển khai thực hiện Kế hoạch số … trước ngày
                 * 30/6"), not the sentence's opening ("Thực hiện Quyết định số …") */
                if (!(c && crule == c->rule && next.v[j].s < c->e && c->s < next.v[j].e))
                    stands_on = names = 0;
            }
        }
        /* a document named in that title ("Thực hiện Quyết định số 444/QĐ-TTg … ban hành Kế hoạch
         * triển khai thi hành Luật …", "… về triển khai Chỉ thị số 05/CT-TTg"): cited, not
         * another one stood on, when title words come before it (references rules
         * field=in-title; "Căn cứ Luật A …, Luật B …" names two) */
        if (k->s >= title_at && k->s < title_end &&
            (vp_family_first_attr(x->f_refs, "field", "in-title", x->m, ni->s, k->s, title_at) ||
             (!title_basis &&
              vp_family_first_attr(x->f_refs, "field", "in-title-amended", x->m, ni->s, k->s, title_at)))) {
            rel = "cited";
            from_basis = 0;
            stands_on = names = 0;
        }
        const char *approves = NULL;
        if (names && !x->in_title) {
            /* the title of a letter's request with no body after it holds its deadlines: not busy */
            title_at = k->e;
            title_end = cited_title(x, ni, k->e, stands_on);
            title_basis = strcmp(rel, "basis") == 0;
            if (from_basis && title_end > title_at &&
                vp_family_first_attr(x->f_refs, "field", "approval", x->m, ni->s, ni->len, title_at))
                approves = squeeze(x->doc->arena, ni->s + title_at, title_end - title_at);
        }
        if (x->in_title && strcmp(rel, "implements") == 0) {
            /* "thực hiện Nghị quyết 32/NQ-CP … về thực hiện Nghị quyết 686/NQ-UBTVQH15": the
             * first is carried out, the later ones are what it carries out */
            if (x->title_implements)
                rel = "cited";
            else if (known && !known->number)
                x->title_named = known;
            x->title_implements = 1;
        }
        if (known) {
            if (strcmp(known->relation, "basis") || strcmp(rel, "implements") == 0)
                known->relation = rel; /* a basis only to what the document carries out */
            if (!known->authority && has(k, RG_AUTH) && k->ge[RG_AUTH] > k->gs[RG_AUTH])
                known->authority = squeeze(x->doc->arena, ni->s + k->gs[RG_AUTH], k->ge[RG_AUTH] - k->gs[RG_AUTH]);
            continue;
        }
        if (!x->in_title && (known = earlier_ref(x, ni, k, number, date))) {
            /* a document named again: one reference, at its first mention, with what the later
             * ones add (a date, an issuer, a stronger relation: implements, then basis, then cited) */
            if (!known->date)
                known->date = date;
            if (!known->authority && has(k, RG_AUTH) && k->ge[RG_AUTH] > k->gs[RG_AUTH])
                known->authority = squeeze(x->doc->arena, ni->s + k->gs[RG_AUTH], k->ge[RG_AUTH] - k->gs[RG_AUTH]);
            /* the document's own issuer's plan, a basis at its first mention, is one at the later
             * ones ("báo cáo kết quả thực hiện Kế hoạch số 20/KH-SYT" in the body), unless the
             * preamble says it is carried out ("Thực hiện Kế hoạch số 20/KH-SYT …") */
            if (relation_rank(rel) > relation_rank(known->relation) &&
                !(strcmp(known->relation, "basis") == 0 && (from_basis || !x->in_preamble) &&
                  own_issuer(x, known->authority)))
                known->relation = rel;
            busy_add(x, k->s, k->e);
            continue;
        }
        vp_reference *r = vp_arena_alloc(x->doc->arena, sizeof *r);
        r->id = vp_arena_printf(x->doc->arena, "r%d", ++x->nref);
        r->relation = rel;
        r->doctype = code;
        r->number = number;
        r->date = date;
        r->approves = approves;
        if (has(k, RG_AUTH)) {
            size_t a = k->gs[RG_AUTH], b = k->ge[RG_AUTH];
            trim_range(ni->s, &a, &b);
            if (b > a)
                r->authority = squeeze(x->doc->arena, ni->s + a, b - a);
        }
        if (has(k, RG_TITLE) && k->ge[RG_TITLE] > k->gs[RG_TITLE]) /* "Kế hoạch của UBND huyện về phòng, chống …" */
            r->title = squeeze(x->doc->arena, ni->s + k->gs[RG_TITLE], k->ge[RG_TITLE] - k->gs[RG_TITLE]);
        size_t as, ae, w = near_start(ni->s, 0, k->s);
        if (!r->authority && !issuer_of_symbol(x, number) && k->s > w &&
            vp_family_first_attr(x->f_refs, "field", "authority-before", x->m, ni->s + w, k->s - w, 0) &&
            vp_match_group(x->m, "authority", &as, &ae) && ae > as)
            /* "chỉ đạo của UBND huyện tại Thông báo số 15/TB-UBND": the issuer named before it */
            r->authority = squeeze(x->doc->arena, ni->s + w + as, ae - as);
        size_t a = k->s, b = k->e;
        trim_range(ni->s, &a, &b);
        r->text = squeeze(x->doc->arena, ni->s + a, b - a);
        r->item = ni->item;
        r->line = locate(x, ni, a, b, &r->span);
        if (number != written)
            vp_diag_add(&x->doc->diags, "symbol-hyphen", r->line, "the symbol of reference %s has lost its hyphen; read as %s",
                        written, number);
        if (x->ref_last)
            x->ref_last->next = r;
        else
            x->doc->refs = r;
        x->ref_last = r;
        dset_add(&x->ref_seen, ref_key(r), r);
        busy_add(x, k->s, k->e);
        if (nnotes < sizeof notes / sizeof notes[0]) {
            notes[nnotes].ref = r;
            notes[nnotes].from_basis = from_basis;
            notes[nnotes].s = k->s;
            notes[nnotes].e = k->e;
            nnotes++;
        }
    }
    share_authority(ni->s, notes, nnotes);
    /* no issuer named after a reference nor after the last of its list: the one its symbol's
     * suffix stands for ("Nghị quyết số 28/NQ-CP": Chính phủ), before any the sentence names
     * ahead of it ("Thủ tướng Chính phủ đã ký Nghị quyết số 28/NQ-CP") */
    for (size_t i = 0; i < nnotes; i++)
        if (!notes[i].ref->authority)
            notes[i].ref->authority = issuer_of_symbol(x, notes[i].ref->number);
    /* under "Căn cứ", a plan of the document's own issuer ("Căn cứ Kế hoạch số 150/KH-UBND … của
     * UBND huyện Đông Sơn" in a plan of UBND huyện Đông Sơn) is no higher document it carries
     * out: a basis (carried out when the text says so: "Thực hiện Kế hoạch số …") */
    for (size_t i = 0; i < nnotes; i++)
        if (notes[i].from_basis && own_issuer(x, notes[i].ref->authority)) {
            notes[i].ref->relation = "basis";
            notes[i].from_basis = 0;
        }
    /* Under "Căn cứ", several plans of several authorities: the newest is the one this
     * document carries out (a plan is made after its parent's); the older of its type are
     * cited (a decision approving a scheme beside a newer plan stays) */
    const char *newest = NULL, *ntype = NULL;
    size_t nb = 0;
    for (size_t i = 0; i < nnotes; i++)
        if (notes[i].from_basis) {
            nb++;
            if (notes[i].ref->date && (!newest || strcmp(notes[i].ref->date, newest) > 0)) {
                newest = notes[i].ref->date;
                ntype = notes[i].ref->doctype;
            }
        }
    if (nb > 1 && newest)
        for (size_t i = 0; i < nnotes; i++)
            if (notes[i].from_basis && notes[i].ref->date && strcmp(notes[i].ref->date, newest) < 0 &&
                (!ntype || !notes[i].ref->doctype || strcmp(ntype, notes[i].ref->doctype) == 0))
                notes[i].ref->relation = "cited";
    free(ctx.v);
    free(next.v);
}

/* ---- deadlines --------------------------------------------------------- */

static int year_or(int y, int dflt)
{
    if (y >= 1900 && y < 2200)
        return y;
    if (y >= 0 && y < 100 && y != -1)
        return 2000 + y;
    return dflt;
}

/* The year a memorial day was first kept (rules/holidays.tsv: the fourth column of its "*" row,
 * "thanhlapdang * --02-03 1930"): "kỷ niệm 96 năm Ngày thành lập Đảng" is of 1930 + 96.  0 when
 * not given. */
static int holiday_founded(fctx *x, const char *holiday)
{
    const vp_table *t = x->holidays;
    for (size_t i = 0; t && i < t->nrows; i++) {
        const char *const *r = t->rows[i];
        if (t->ncols[i] >= 4 && !strcmp(r[0], holiday) && !strcmp(r[1], "*"))
            return atoi(r[3]);
    }
    return 0;
}

/* The year of the count-th anniversary of a memorial day written by its day and month ("kỷ niệm 80
 * năm Ngày truyền thống Công an nhân dân 19/8"): the first year of the "*" row of that day in
 * rules/holidays.tsv plus the count; of two rows of one day (22/12: quandoi 1944, quocphong 1989)
 * the one nearest the plan's year.  0 when no row has that day. */
static int holiday_anniv_year(fctx *x, int m, int d, int count)
{
    const vp_table *t = x->holidays;
    int best = 0;
    for (size_t i = 0; t && i < t->nrows; i++) {
        const char *const *r = t->rows[i];
        int mo, dd;
        if (t->ncols[i] < 4 || strcmp(r[1], "*") || strlen(r[2]) != 7 || sscanf(r[2], "--%d-%d", &mo, &dd) != 2 ||
            mo != m || dd != d || atoi(r[3]) <= 0)
            continue;
        int y = atoi(r[3]) + count;
        if (!best || (x->plan_year > 0 && abs(y - x->plan_year) < abs(best - x->plan_year)))
            best = y;
    }
    return best;
}

/* The day of a feast (rules/holidays.tsv: HOLIDAY, YEAR, ISO DATE, the year's name), into out
 * (11 bytes): of year y when given, else of the year named ("Ất Tỵ"), else the first on or after
 * the document's date (the plan's year's without one).  A feast whose day is the same every year
 * has one row, its YEAR "*" and its date --MM-DD ("quockhanh * --09-02"): a lunar year's name
 * does not say its year.  0 when unknown. */
static int holiday_date(fctx *x, const char *holiday, int y, const char *name, size_t nlen, char *out)
{
    const vp_table *t = x->holidays;
    const char *doc = x->doc->meta.date_value;
    int dated = doc && strlen(doc) == 10;
    char best[11] = "";
    char *fname = name && nlen ? fold_lower(name, nlen) : NULL;
    for (size_t i = 0; t && i < t->nrows; i++) {
        const char *const *r = t->rows[i];
        if (t->ncols[i] < 3 || strcmp(r[0], holiday))
            continue;
        int mo, d;
        if (!strcmp(r[1], "*")) {
            if (strlen(r[2]) != 7 || sscanf(r[2], "--%d-%d", &mo, &d) != 2)
                continue;
            int y0 = y > 0 ? y : dated ? atoi(doc) : x->plan_year;
            if (y0 <= 0 || (fname && y <= 0))
                continue;
            for (int k = 0; k < (y > 0 || !dated ? 1 : 2); k++) {
                char iso[16];
                if (!vp_date_valid(y0 + k, mo, d))
                    break;
                vp_date_iso(iso, y0 + k, mo, d);
                if (y > 0 || !dated || strcmp(iso, doc) >= 0) {
                    if (!best[0] || strcmp(iso, best) < 0)
                        memcpy(best, iso, sizeof best);
                    break;
                }
            }
            continue;
        }
        if (strlen(r[2]) != 10)
            continue;
        int ry = atoi(r[1]);
        if (y > 0) {
            if (ry == y)
                memcpy(best, r[2], sizeof best);
        } else if (fname) {
            char *fr = t->ncols[i] > 3 ? fold_lower(r[3], strlen(r[3])) : NULL;
            if (fr && !strcmp(fr, fname))
                memcpy(best, r[2], sizeof best);
            free(fr);
        } else if (dated ? strcmp(r[2], doc) >= 0 : ry == x->plan_year) {
            if (!best[0] || strcmp(r[2], best) < 0)
                memcpy(best, r[2], sizeof best);
        }
    }
    free(fname);
    if (!best[0])
        return 0;
    memcpy(out, best, sizeof best);
    return 1;
}

/* "--MM-DD" of an attribute + year -> ISO; 0 on failure */
static int md_attr(const char *a, int year, char *out)
{
    int mo, d;
    if (!a || sscanf(a, "--%d-%d", &mo, &d) != 2 || !vp_date_valid(year, mo, d))
        return 0;
    vp_date_iso(out, year, mo, d);
    return 1;
}

/* A rule's after=P{n}M (or a fixed P30D): the count (the group n for {n}) and its unit. */
static int relative_span(const char *after, int n_group, int *n, char *unit)
{
    if (after[0] != 'P')
        return 0;
    const char *p = after + 1;
    if (strncmp(p, "{n}", 3) == 0) {
        *n = n_group;
        p += 3;
    } else {
        *n = 0;
        for (; *p >= '0' && *p <= '9'; p++)
            if (*n < 10000)
                *n = *n * 10 + (*p - '0');
    }
    *unit = *p;
    /* "P0D" (written so, not counted): the plan's date itself ("ngay sau khi Kế hoạch được ban hành") */
    return (*n > 0 || (*n == 0 && p > after + 1 && after[1] == '0')) && *n < 10000 &&
           (*unit == 'D' || *unit == 'M' || *unit == 'Y') && p[1] == 0;
}

/* Does a sentence or line end in S[a..b) (a full stop before a space, a line break)? */
static int sentence_ends(const char *S, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (S[i] == '\n' || (S[i] == '.' && i + 1 < b && S[i + 1] == ' '))
            return 1;
    return 0;
}

/* d's days, and its words: the match k */
static void set_deadline(fctx *x, const nodeinfo *ni, const fcand *k, vp_deadline *d, const char *from,
                         const char *to)
{
    vp_arena *A = x->doc->arena;
    d->from = from ? vp_arena_strdup(A, from) : NULL;
    d->to = to ? vp_arena_strdup(A, to) : NULL;
    size_t a = k->s, b = k->e;
    trim_range(ni->s, &a, &b);
    d->text = squeeze(A, ni->s + a, b - a);
    d->line = locate(x, ni, a, b, &d->span);
}

static void add_deadline(fctx *x, const nodeinfo *ni, const fcand *k, const char *kind, const char *from,
                         const char *to, const char *every)
{
    vp_arena *A = x->doc->arena;
    vp_deadline *d = vp_arena_alloc(A, sizeof *d);
    d->id = vp_arena_printf(A, "d%d", ++x->ndl);
    d->item = ni->item;
    d->kind = kind;
    d->every = every ? vp_arena_strdup(A, every) : NULL;
    set_deadline(x, ni, k, d, from, to);
    if (x->dl_last)
        x->dl_last->next = d;
    else
        x->doc->deadlines = d;
    x->dl_last = d;
}

static int past_at(const fctx *x, const fcands *marks, const char *S, size_t at);
static int past_under_heading(fctx *x, const vp_node *n);

/* Is S[at] of node ni in a time the text tells as past (the targets rules field=past and
 * past-heading)? */
static int past_told(fctx *x, const nodeinfo *ni, size_t at)
{
    static const char *const PAST_G[] = {"year", NULL};
    pastctx *pc = ni->past;
    if (pc->head < 0) {
        pc->head = past_under_heading(x, ni->node);
        if (!pc->head) {
            collect(x, x->f_targets, "past", PAST_G, ni->s, ni->len, &pc->marks);
            if (pc->marks.n > 1)
                qsort(pc->marks.v, pc->marks.n, sizeof *pc->marks.v, cand_cmp);
        }
    }
    return pc->head || past_at(x, &pc->marks, ni->s, at);
}

/* Is the figure at S[vs..ve) of node ni told as reached by the words right after it ("100% xã, thị
 * trấn đã hoàn thành số hóa …", targets field=past-after, anchored at the figure's end), with no
 * time told before it in its sentence ("Phấn đấu đến tháng 6/2026, 100% xã … đã hoàn thành …": a
 * time to come, field=past with tense=future, keeps it a target)?  Asked after past_told. */
static int past_after(fctx *x, const nodeinfo *ni, size_t vs, size_t ve)
{
    const char *S = ni->s;
    size_t e = ve, ms, me;
    while (e < ni->len && S[e] != ';' && S[e] != '\n' && !(S[e] == '.' && (e + 1 == ni->len || S[e + 1] == ' ')))
        e++;
    if (e <= ve || !vp_family_first_attr(x->f_targets, "field", "past-after", x->m, S + ve, e - ve, 0))
        return 0;
    vp_match_range(x->m, &ms, &me);
    if (ms != 0)
        return 0;
    size_t sa = vs;
    while (sa > 0 && S[sa - 1] != ';' && S[sa - 1] != '\n' && !(S[sa - 1] == '.' && S[sa] == ' '))
        sa--;
    const fcands *marks = &ni->past->marks;
    for (size_t i = 0; i < marks->n; i++)
        if (marks->v[i].s >= sa && marks->v[i].e <= vs)
            return 0;
    return 1;
}

/* A deadline kept without its end date (warning `code`: the text of match k, then why) */
static void no_end_date(fctx *x, const nodeinfo *ni, const fcand *k, const char *code, const char *why)
{
    vp_span sp;
    size_t line = locate(x, ni, k->s, k->e, &sp);
    vp_diag_add(&x->doc->diags, code, (int)line, "\"%s\" %s: no end date given",
                squeeze(x->doc->arena, ni->s + k->s, k->e - k->s), why);
}

static int in_quoted_grounds(const fctx *x, const char *s, size_t len, size_t at);

static void do_deadlines(fctx *x, const nodeinfo *ni)
{
    const vp_family *fam = x->f_deadlines;
    x->c.n = 0;
    collect(x, fam, NULL, DL_G, ni->s, ni->len, &x->c);
    /* words round a time that say it is none of the plan's (field=skip, "(thay cho quý II/2026)":
     * the time an amendment replaces): no kind, so they take their span and give nothing */
    collect(x, fam, "skip", NULL, ni->s, ni->len, &x->c);
    if (x->atab.ncells && ni->ncells == x->atab.ncells && x->atab.time >= 0) {
        /* a row of a table of tasks: its time cell read alone too ("| 2025 |", "| 2025-2026 |":
         * field=time-cell, a year only a column of when makes a deadline) */
        size_t a = ni->cs[x->atab.time], n0 = x->c.n;
        collect(x, fam, "time-cell", DL_G, ni->s + a, ni->ce[x->atab.time] - a, &x->c);
        for (size_t i = n0; i < x->c.n; i++) {
            fcand *k = &x->c.v[i];
            k->s += a;
            k->e += a;
            for (int g = 0; g < VP_FACT_MAXG; g++)
                if (k->have & (1u << g)) {
                    k->gs[g] += a;
                    k->ge[g] += a;
                }
        }
    }
    /* a rule for some kinds of document only (doctype=KH|QĐ: "ngay sau khi Kế hoạch được phê duyệt"
     * is the approval of the plan itself in a plan or in the decision that approves it, another's
     * elsewhere): dropped before the overlaps are settled, so that the general rule reads the words */
    size_t kept = 0;
    const char *dc = x->doc->meta.doctype_code;
    for (size_t i = 0; i < x->c.n; i++) {
        const char *only = vp_rule_attr(x->c.v[i].rule, "doctype");
        if (!only || (dc && item_in(only, '|', dc)))
            x->c.v[kept++] = x->c.v[i];
    }
    x->c.n = kept;
    select_nonoverlap(&x->c);
    const char *S = ni->s;
    pastnote past = {0}, since = {0}, told = {0};
    vp_deadline *rec = NULL; /* the last recurrence read in this node, its match ending at rec_end */
    size_t rec_end = 0;
    for (size_t i = 0; i < x->c.n; i++) {
        const fcand *k = &x->c.v[i];
        if (busy_hit(x, k->s, k->e))
            continue;
        const char *kind = vp_rule_attr(k->rule, "kind");
        if (!kind)
            continue;
        int py = x->plan_year;
        int d1 = gint(k, DG_D1, S), m1 = gint(k, DG_M1, S), y1 = gint(k, DG_Y1, S);
        int d2 = gint(k, DG_D2, S), m2 = gint(k, DG_M2, S), y2 = gint(k, DG_Y2, S);
        int py2 = py; /* the year of a span's end written without one */
        if (x->doc->meta.school_year) {
            /* "trong tháng 3", "trước ngày 15/01" in a plan of a school year: in its second year
             * from January to July, in its first from August; a span's end by its own month ("từ
             * tháng 11 đến tháng 02": November of the first year to February of the second) */
            int sf = vp_date_year_of(x->doc->meta.period_from);
            if (sf > 1900 && !has(k, DG_Y1) && m1 >= 1 && m1 <= 12)
                py = m1 >= 8 ? sf : sf + 1;
            if (sf > 1900 && !has(k, DG_Y2) && m2 >= 1 && m2 <= 12)
                py2 = m2 >= 8 ? sf : sf + 1;
        }
        char from[16] = "", to[16] = "";
        const char *every = NULL;
        char everybuf[16];
        int ok = 0;
        const char *after = vp_rule_attr(k->rule, "after"), *holiday = vp_rule_attr(k->rule, "holiday");
        if (holiday && (strcmp(kind, "before") == 0 || strcmp(kind, "on") == 0)) {
            /* "trước Tết Nguyên đán Ất Tỵ": the day before the feast, from rules/holidays.tsv;
             * "nhân dịp Tết Nguyên đán Ất Tỵ" (kind=on): the feast's first day */
            char day[16];
            int founded = y1 <= 0 && has(k, DG_ANNIV) ? holiday_founded(x, holiday) : 0;
            int count = founded ? gint(k, DG_ANNIV, S) : 0;
            if (founded > 0 && count > 0 && count < 1000)
                y1 = founded + count; /* "kỷ niệm 80 năm Ngày Quốc khánh": 1945 + 80 */
            int known = holiday_date(x, holiday, y1, has(k, DG_NAME) ? S + k->gs[DG_NAME] : NULL,
                                     has(k, DG_NAME) ? k->ge[DG_NAME] - k->gs[DG_NAME] : 0, day);
            int on = strcmp(kind, "on") == 0;
            if (!known || !vp_date_add(day, on ? 0 : -1, 'D', to)) {
                vp_span sp;
                size_t line = locate(x, ni, k->s, k->e, &sp);
                vp_diag_add(&x->doc->diags, "holiday-unknown", (int)line,
                            "the day of \"%s\" is not in rules/holidays.tsv: no end date given",
                            squeeze(x->doc->arena, S + k->s, k->e - k->s));
                add_deadline(x, ni, k, kind, NULL, NULL, NULL);
                continue;
            }
            if (on)
                memcpy(from, to, sizeof to);
            ok = 1;
        } else if (strcmp(kind, "before") == 0 && vp_rule_attr(k->rule, "from") &&
                   strcmp(vp_rule_attr(k->rule, "from"), "event") == 0) {
            /* "trong vòng 30 ngày kể từ ngày Đề án được phê duyệt" (from=event): a time after a
             * day the plan does not give; the deadline without its end, and a warning; not in a
             * provision the grounds quote ("Căn cứ … quy định: “Trong thời hạn 07 ngày làm việc,
             * kể từ ngày kết thúc Đại hội, …”": the law's time, not the text's) */
            if (in_quoted_grounds(x, S, ni->len, k->s)) {
                busy_add(x, k->s, k->e);
                continue;
            }
            no_end_date(x, ni, k, "deadline-relative", "counts from a day the plan does not give");
            ok = 1;
        } else if ((strcmp(kind, "before") == 0 || strcmp(kind, "range") == 0) && vp_rule_attr(k->rule, "from") &&
                   strcmp(vp_rule_attr(k->rule, "from"), "season") == 0) {
            /* "trước mùa mưa bão năm 2026", "trong mùa khô" (from=season): a season has no fixed
             * day; the deadline without its days, and a warning */
            no_end_date(x, ni, k, "deadline-season", "is a season, which has no fixed day");
            ok = 1;
        } else if (after && strcmp(kind, "before") == 0) {
            /* "trong thời hạn 09 tháng kể từ ngày ban hành": a time after the plan's date */
            int n = -1;
            char unit = 0;
            if (!relative_span(after, gint(k, DG_N, S), &n, &unit))
                continue;
            const char *base = x->doc->meta.date_value;
            if (base && vp_date_add(base, n, unit, to)) {
                ok = 1;
            } else {
                no_end_date(x, ni, k, "deadline-without-date", "counts from the plan's date, which was not found");
                ok = 1;
            }
        } else if (strcmp(kind, "before") == 0 || strcmp(kind, "on") == 0) {
            int count = has(k, DG_ANNIV) ? gint(k, DG_ANNIV, S) : 0, ay;
            if (count > 0 && count < 1000 && y1 > 0)
                y1 += count; /* "kỷ niệm 80 năm … (19/8/1945 - 19/8/2025)": 1945 + 80 */
            else if (count > 0 && count < 1000 && d1 > 0 && m1 > 0 && (ay = holiday_anniv_year(x, m1, d1, count)) > 0)
                y1 = ay; /* "… Công an nhân dân 19/8": 1945 + 80 */
            int y = year_or(y1, py);
            if (d1 > 0 && m1 > 0 && y > 0 && vp_date_valid(y, m1, d1)) {
                vp_date_iso(to, y, m1, d1);
                if (strcmp(kind, "on") == 0)
                    memcpy(from, to, sizeof to);
                ok = 1;
            } else if (d1 <= 0 && m1 >= 1 && m1 <= 12 && y > 0 && strcmp(kind, "before") == 0 &&
                       vp_rule_attr(k->rule, "through")) {
                /* "chậm nhất trong tháng 6/2025" (through=yes): the month's last day */
                vp_date_iso(to, y, m1, vp_date_days_in_month(y, m1));
                ok = 1;
            } else if (d1 <= 0 && m1 <= 0 && has(k, DG_Q1) && y > 0 && strcmp(kind, "before") == 0) {
                /* "trước Quý III/2025": the last day before the quarter starts; "vào cuối Quý
                 * III/2025" (through=yes): the quarter's last day */
                int q = vp_date_roman(S + k->gs[DG_Q1], k->ge[DG_Q1] - k->gs[DG_Q1]);
                if (q < 1 || q > 4)
                    continue;
                int lm = vp_rule_attr(k->rule, "through") ? 3 * q : 3 * q - 3, ly = y;
                if (lm == 0) {
                    lm = 12;
                    ly--;
                }
                vp_date_iso(to, ly, lm, vp_date_days_in_month(ly, lm));
                ok = 1;
            } else if (d1 <= 0 && m1 >= 1 && m1 <= 12 && y > 0 && strcmp(kind, "before") == 0) {
                /* "trước tháng 9/2025": the last day before the month starts */
                if (m1 == 1)
                    vp_date_iso(to, y - 1, 12, 31);
                else
                    vp_date_iso(to, y, m1 - 1, vp_date_days_in_month(y, m1 - 1));
                ok = 1;
            } else if (d1 <= 0 && m1 <= 0 && !has(k, DG_Q1) && !vp_rule_attr(k->rule, "to") && y1 > 0 &&
                       strcmp(kind, "before") == 0) {
                /* "trước năm 2027": the last day before the year starts; a year not after the
                 * document's own ("các công trình xây dựng trước năm 2010" in a plan of 2025) is a
                 * time gone by, no deadline */
                const char *dv = x->doc->meta.date_value;
                int dy = dv ? vp_date_year_of(dv) : py;
                if (dy > 0 && y1 <= dy) {
                    busy_add(x, k->s, k->e);
                    continue;
                }
                vp_date_iso(to, y1 - 1, 12, 31);
                ok = 1;
            } else if (d1 <= 0 && m1 <= 0 && vp_rule_attr(k->rule, "to") && y > 0) {
                /* a day the rule names in the year ("cuối năm 2024": to=--12-31) */
                ok = md_attr(vp_rule_attr(k->rule, "to"), y, to);
                if (ok && strcmp(kind, "on") == 0)
                    memcpy(from, to, sizeof to);
            }
        } else if (strcmp(kind, "range") == 0) {
            const char *wk = vp_rule_attr(k->rule, "week"), *sem = vp_rule_attr(k->rule, "semester");
            if (sem) {
                /* a term of a school year ("trong học kỳ I năm học 2025-2026"): the year it starts
                 * in is written, or the document's period is a school year, or its date says */
                int ys = has(k, DG_Y1) ? year_or(y1, -1) : -1;
                const vp_meta *mt = &x->doc->meta;
                int pf = mt->period_from ? vp_date_year_of(mt->period_from) : 0;
                int pt = mt->period_to ? vp_date_year_of(mt->period_to) : 0;
                if (ys < 0 && pf > 0 && pt == pf + 1)
                    ys = pf;
                if (ys < 0 && mt->date_value && strlen(mt->date_value) >= 7) {
                    int dy = vp_date_year_of(mt->date_value), dm = atoi(mt->date_value + 5);
                    ys = dm >= 8 ? dy : dy - 1;
                }
                if (ys > 1900 && ys < 2200) {
                    if (sem[0] == '1') {
                        vp_date_iso(from, ys, 9, 1);
                        vp_date_iso(to, ys + 1, 1, 15);
                    } else {
                        vp_date_iso(from, ys + 1, 1, 16);
                        vp_date_iso(to, ys + 1, 5, 31);
                    }
                    ok = 1;
                }
            } else if (vp_rule_attr(k->rule, "days")) {
                /* a part of a month (days=A-B, B empty for its end): "thượng tuần tháng 01/2026"
                 * (1-10), "nửa cuối tháng 5" (16-) */
                int y = year_or(y1, py), a = 0, b = 0;
                const char *dd = vp_rule_attr(k->rule, "days");
                if (sscanf(dd, "%d-%d", &a, &b) < 1)
                    a = 0;
                if (y > 0 && m1 >= 1 && m1 <= 12 && a >= 1 && a <= 28) {
                    int dim = vp_date_days_in_month(y, m1);
                    vp_date_iso(from, y, m1, a);
                    vp_date_iso(to, y, m1, b >= a && b < dim ? b : dim);
                    ok = 1;
                }
            } else if (wk) { /* a week of a month: "tuần đầu tháng 4/2025" (1-7), "tuần cuối tháng 12" */
                int y = year_or(y1, py), w = strcmp(wk, "last") == 0 ? 0 : atoi(wk);
                if (y > 0 && m1 >= 1 && m1 <= 12 && (w >= 1 || strcmp(wk, "last") == 0) && w <= 5) {
                    int dim = vp_date_days_in_month(y, m1);
                    d1 = w ? 7 * (w - 1) + 1 : dim - 6;
                    d2 = w ? (7 * w < dim ? 7 * w : dim) : dim;
                    if (d1 <= dim) {
                        vp_date_iso(from, y, m1, d1);
                        vp_date_iso(to, y, m1, d2);
                        ok = 1;
                    }
                }
            } else if (vp_rule_attr(k->rule, "from") && strcmp(vp_rule_attr(k->rule, "from"), "issue") == 0) {
                /* "từ ngày ban hành Kế hoạch đến ngày 31/12/2025": from the document's date; to a
                 * month's end ("từ nay đến hết tháng 6/2025") */
                const char *dv = x->doc->meta.date_value;
                int yy2 = year_or(y2, py);
                int q2 = has(k, DG_Q2) ? vp_date_roman(S + k->gs[DG_Q2], k->ge[DG_Q2] - k->gs[DG_Q2]) : 0;
                if (m2 <= 0 && q2 >= 1 && q2 <= 4) { /* "từ nay đến hết quý III năm 2025" */
                    m2 = 3 * q2;
                    yy2 = year_or(gint(k, DG_Y2Q, S), py);
                }
                if (m2 <= 0 && has(k, DG_Y2))
                    m2 = 12; /* "từ nay đến năm 2030": to its last month's end */
                if (d2 <= 0 && m2 >= 1 && m2 <= 12 && yy2 > 0)
                    d2 = vp_date_days_in_month(yy2, m2);
                if (d2 > 0 && m2 > 0 && yy2 > 0 && vp_date_valid(yy2, m2, d2)) {
                    vp_date_iso(to, yy2, m2, d2);
                    if (dv && strlen(dv) == 10 && strcmp(dv, to) <= 0)
                        memcpy(from, dv, 11);
                    ok = 1;
                }
            } else if (vp_rule_attr(k->rule, "from") || vp_rule_attr(k->rule, "to")) {
                /* days the rule names in the year, the last in the second year when there is one
                 * ("trong năm học 2025-2026": from=--09-01 to=--05-31) */
                int y = year_or(y1, py), yt = has(k, DG_Y2) ? year_or(y2, y) : y;
                const char *fa = vp_rule_attr(k->rule, "from");
                if (!fa && !has(k, DG_Y1))
                    y = yt; /* "từ tháng 3 đến hết năm 2025": the start in the end's year */
                if (!fa && m1 >= 1 && m1 <= 12 && y > 0 && vp_date_valid(y, m1, d1 > 0 ? d1 : 1)) {
                    /* the start written, the end the rule's ("từ tháng 3/2025 đến hết năm 2025") */
                    vp_date_iso(from, y, m1, d1 > 0 ? d1 : 1);
                    ok = yt >= y && md_attr(vp_rule_attr(k->rule, "to"), yt, to) && strcmp(from, to) <= 0;
                } else
                    ok = y > 0 && yt >= y && md_attr(fa, y, from) && md_attr(vp_rule_attr(k->rule, "to"), yt, to);
            } else if (!has(k, DG_D2) && !has(k, DG_M2) && !has(k, DG_Y2)) {
                /* a start with no end ("từ ngày 01/7/2025", "từ tháng 6/2025", "từ Quý II/2025"),
                 * in a section's text: before any section it tells the background ("… trở
                 * thành thành phố trực thuộc Trung ương từ ngày 2/1/2025") */
                if (!ni->item)
                    continue;
                int y = year_or(y1, py);
                int q1 = has(k, DG_Q1) ? vp_date_roman(S + k->gs[DG_Q1], k->ge[DG_Q1] - k->gs[DG_Q1]) : 0;
                if (m1 <= 0 && q1 >= 1 && q1 <= 4)
                    m1 = 3 * q1 - 2; /* "từ Quý II/2025": its first month */
                if (d1 <= 0 && m1 > 0)
                    d1 = 1; /* "từ tháng 6/2025": its first day */
                if (d1 > 0 && m1 > 0 && y > 0 && vp_date_valid(y, m1, d1)) {
                    vp_date_iso(from, y, m1, d1);
                    ok = 1;
                }
            } else {
                if (m1 <= 0)
                    m1 = m2;
                if (m2 <= 0)
                    m2 = m1;
                int yy2 = year_or(y2, year_or(y1, py2));
                int yy1 = year_or(y1, yy2 > 0 && m1 > m2 ? yy2 - 1 : yy2);
                if (d1 <= 0 && m1 > 0) /* months: "từ tháng 3 đến tháng 6/2024"; a month to a day */
                    d1 = 1;
                if (d2 <= 0 && m2 > 0)
                    d2 = vp_date_days_in_month(yy2, m2);
                if (d1 > 0 && d2 > 0 && vp_date_valid(yy1, m1, d1) && vp_date_valid(yy2, m2, d2)) {
                    vp_date_iso(from, yy1, m1, d1);
                    vp_date_iso(to, yy2, m2, d2);
                    ok = strcmp(from, to) <= 0;
                }
            }
        } else if (strcmp(kind, "year") == 0) {
            /* a year named, or the plan's when the rule says the words mean a whole year without
             * naming it ("| Cả năm |": from=--01-01) */
            int ya = year_or(y1, vp_rule_attr(k->rule, "from") ? py : -1), yb = year_or(y2, ya);
            if (ya > 0 && yb >= ya) {
                vp_date_iso(from, ya, 1, 1);
                vp_date_iso(to, yb, 12, 31);
                ok = 1;
            }
        } else if ((strcmp(kind, "month") == 0 || strcmp(kind, "quarter") == 0) && vp_rule_attr(k->rule, "from") &&
                   vp_rule_attr(k->rule, "to")) {
            /* a month or quarter the rule names in the year ("trong tháng đầu năm 2025":
             * from=--01-01 to=--01-31), of the plan's year when none is written */
            int y = year_or(y1, py);
            ok = y > 0 && md_attr(vp_rule_attr(k->rule, "from"), y, from) &&
                 md_attr(vp_rule_attr(k->rule, "to"), y, to);
        } else if (strcmp(kind, "quarter") == 0) {
            int q1 = has(k, DG_Q1) ? vp_date_roman(S + k->gs[DG_Q1], k->ge[DG_Q1] - k->gs[DG_Q1]) : 0;
            int q2 = has(k, DG_Q2) ? vp_date_roman(S + k->gs[DG_Q2], k->ge[DG_Q2] - k->gs[DG_Q2]) : q1;
            int ya = year_or(gint(k, DG_Y1Q, S), py);
            int yb = year_or(gint(k, DG_Y2Q, S), ya);
            if (q1 >= 1 && q1 <= 4 && q2 >= 1 && q2 <= 4 && ya > 0 && (yb > ya || (yb == ya && q2 >= q1))) {
                vp_date_iso(from, ya, 3 * q1 - 2, 1);
                vp_date_iso(to, yb, 3 * q2, vp_date_days_in_month(yb, 3 * q2));
                ok = 1;
            }
        } else if (strcmp(kind, "month") == 0) {
            int y = year_or(y1, py);
            if (m2 <= 0)
                m2 = m1;
            int yb = year_or(y2, y);
            if (m1 >= 1 && m1 <= 12 && m2 >= 1 && m2 <= 12 && y > 0) {
                vp_date_iso(from, y, m1, 1);
                vp_date_iso(to, yb, m2, vp_date_days_in_month(yb, m2));
                ok = strcmp(from, to) <= 0;
            }
        } else if (strcmp(kind, "recurring") == 0) {
            const char *ev = vp_rule_attr(k->rule, "every");
            if (ev) {
                const char *br = strstr(ev, "{n}");
                int n = gint(k, DG_N, S);
                if (br && n > 0 && n < 100) {
                    snprintf(everybuf, sizeof everybuf, "%.*s%d%s", (int)(br - ev), ev, n, br + 3);
                    every = everybuf;
                } else if (!br)
                    every = ev;
            }
            int q1 = has(k, DG_Q1) ? vp_date_roman(S + k->gs[DG_Q1], k->ge[DG_Q1] - k->gs[DG_Q1]) : 0;
            int q2 = has(k, DG_Q2) ? vp_date_roman(S + k->gs[DG_Q2], k->ge[DG_Q2] - k->gs[DG_Q2]) : q1;
            if (every && m1 <= 0 && q1 >= 1 && q1 <= 4 && q2 >= q1 && q2 <= 4) { /* "Quý I hằng năm" */
                m1 = 3 * q1 - 2;
                m2 = 3 * q2;
            }
            if (every && m1 > 0 && m2 <= 0 && d1 <= 0 && d2 <= 0)
                m2 = m1; /* "tháng 6 hằng năm": the whole month */
            if (every && m1 > 0 && m2 > 0 && d1 <= 0 && d2 <= 0) { /* "từ tháng 9 đến tháng 10 hằng năm" */
                d1 = 1;
                d2 = vp_date_days_in_month(2001, m2);
            }
            if (every && d2 > 0 && m2 > 0 && d1 > 0 && m1 > 0) { /* "từ ngày 01/4 đến ngày 30/4 hằng năm" */
                if (vp_date_valid(2000, m1, d1) && vp_date_valid(2000, m2, d2)) {
                    snprintf(from, sizeof from, "--%02u-%02u", (unsigned)m1 % 100u, (unsigned)d1 % 100u);
                    snprintf(to, sizeof to, "--%02u-%02u", (unsigned)m2 % 100u, (unsigned)d2 % 100u);
                    ok = 1;
                }
            } else if (every && m1 <= 0 && m2 <= 0 && d1 > 0 && d2 > d1 && d2 <= 31) {
                /* days of each month ("ngày 15 và ngày 16 hằng tháng", "từ ngày 20 đến ngày 25 hằng
                 * tháng") */
                snprintf(from, sizeof from, "---%02u", (unsigned)d1 % 100u);
                snprintf(to, sizeof to, "---%02u", (unsigned)d2 % 100u);
                ok = 1;
            } else if (every) {
                if (d1 > 0 && m1 > 0 && vp_date_valid(2000, m1, d1))
                    snprintf(to, sizeof to, "--%02u-%02u", (unsigned)m1 % 100u, (unsigned)d1 % 100u);
                else if (d1 > 0 && d1 <= 31)
                    snprintf(to, sizeof to, "---%02u", (unsigned)d1 % 100u);
                ok = 1;
            }
        }
        if (!ok)
            continue;
        /* a date without a year takes the plan's year, as the contract says; when it then ends
         * before the plan's own date ("quý I" in a plan of 22/10/2024), the year after may be
         * meant: said in the diagnostics, unless the plan's period ends in its own year ("…
         * năm 2022": that year is meant) */
        const char *date = x->doc->meta.date_value;
        if (y1 <= 0 && y2 <= 0 && gint(k, DG_Y1Q, S) <= 0 && gint(k, DG_Y2Q, S) <= 0 && !after && !holiday &&
            strcmp(kind, "year") != 0 && strcmp(kind, "recurring") != 0 && date && strlen(date) == 10 && to[0] &&
            strcmp(to, date) < 0 && vp_date_year_of(x->doc->meta.period_to) != x->plan_year) {
            vp_span sp;
            size_t line = locate(x, ni, k->s, k->e, &sp);
            vp_diag_add(&x->doc->diags, "deadline-before-plan", (int)line,
                        "\"%s\" gives no year: in the plan's year it ends (%s) before the plan's date (%s); the year "
                        "after may be meant",
                        squeeze(x->doc->arena, S + k->s, k->e - k->s), to, date);
        }
        /* in a plan's preamble, its own period ("Bộ … ban hành Kế hoạch thực hiện giai đoạn 2024 -
         * 2025 như sau:") is what the plan covers, not a deadline */
        if (x->in_preamble && x->doc->body && !strcmp(kind, "year") && from[0] && to[0] &&
            x->doc->meta.period_from && x->doc->meta.period_to &&
            vp_date_year_of(from) == vp_date_year_of(x->doc->meta.period_from) &&
            vp_date_year_of(to) == vp_date_year_of(x->doc->meta.period_to)) {
            busy_add(x, k->s, k->e);
            continue;
        }
        /* a time with its year written that ended more than a month before the document's own
         * date ("đã tổ chức Đại hội vào ngày 27/9/2019" in a letter of 2025, "trong giai đoạn
         * 2021 - 2025" in a plan of 2026) is an event of the past, not a deadline; a deadline
         * said as one ("trước ngày 1/1/2025" in a plan of 27/6/2025) stays, with a warning,
         * unless the text tells its time as past ("Đến hết năm 2024, tỷ lệ … đạt 92,5%") */
        char later[16];
        const char *last = to[0] ? to : from; /* a start with no end: the start */
        int dated = strcmp(kind, "recurring") != 0 && date && strlen(date) == 10 && strlen(last) == 10;
        /* a feast named by its year ("trước Tết Bính Ngọ"): its year is written too */
        int named = holiday && has(k, DG_NAME) && k->ge[DG_NAME] > k->gs[DG_NAME];
        int passed = (y1 > 0 || y2 > 0 || named || gint(k, DG_Y1Q, S) > 0 || gint(k, DG_Y2Q, S) > 0) && dated &&
                     vp_date_add(last, 1, 'M', later) && strcmp(later, date) < 0;
        /* a day with its year written, before the document's own, that the words tell as past
         * ("toàn huyện đã giao 172 công dân nhập ngũ vào ngày 13/02/2025" in a plan of 10/3/2025) */
        /* a time begun by the document's own date whose clause goes on to a state reached ("Đến
         * tháng 01/2026, xã đã đạt 15/19 tiêu chí" in a plan of 20/02/2026, "Tính đến tháng 6/2025,
         * toàn tỉnh đã có 85% …": deadlines rules field=state, read from the time's end): the
         * time of that state, not a deadline */
        const char *first = from[0] ? from : to;
        int state = !passed && (y1 > 0 || y2 > 0) && dated && strcmp(kind, "before") != 0 && strlen(first) == 10 &&
                    strcmp(first, date) <= 0 &&
                    vp_family_first_attr(fam, "field", "state", x->m, S, ni->len, k->e) != NULL;
        if (state || (!passed && (y1 > 0 || y2 > 0) && dated && strcmp(kind, "before") != 0 && strcmp(last, date) < 0 &&
                      past_told(x, ni, k->e))) {
            pastnote_add(x, ni, &told, k->s, k->e, "");
            busy_add(x, k->s, k->e);
            continue;
        }
        if (passed && strcmp(kind, "before") == 0 && !past_told(x, ni, k->e)) {
            vp_span sp;
            size_t line = locate(x, ni, k->s, k->e, &sp);
            vp_diag_add(&x->doc->diags, "deadline-passed", (int)line,
                        "\"%s\" ended more than a month before the document's own date (%s): a wrong year, or a "
                        "date taken from an earlier text",
                        squeeze(x->doc->arena, S + k->s, k->e - k->s), date);
        } else if (passed) {
            pastnote_add(x, ni, &past, k->s, k->e, "");
            busy_add(x, k->s, k->e);
            continue;
        } else if (strcmp(kind, "range") == 0 && date && strlen(date) >= 4 && strlen(from) == 10 &&
                   vp_date_year_of(from) + 5 < vp_date_year_of(date)) {
            /* a span that began years before the document ("kỷ niệm 30 năm Ngày thành lập tỉnh
             * (12/8/1991-12/8/2021)"): an anniversary, not a deadline (the document's year is
             * enough to tell) */
            pastnote_add(x, ni, &since, k->s, k->e, "");
            busy_add(x, k->s, k->e);
            continue;
        }
        split_part(x, ni, k, DG_Y1, y1, "date-split-year", "year", "a deadline"); /* "30/11/20 21" */
        split_part(x, ni, k, DG_Y2, y2, "date-split-year", "year", "a deadline");
        split_part(x, ni, k, DG_Y1Q, gint(k, DG_Y1Q, S), "date-split-year", "year", "a deadline"); /* "Quý III/2 026" */
        split_part(x, ni, k, DG_Y2Q, gint(k, DG_Y2Q, S), "date-split-year", "year", "a deadline");
        split_part(x, ni, k, DG_D1, d1, "date-split-day", "day", "a deadline"); /* "1 6/7/2026" */
        busy_add(x, k->s, k->e);
        if (every && rec && !strcmp(rec->every, every) && !sentence_ends(S, rec_end, k->s)) {
            /* "Định kỳ hằng quý, các đơn vị gửi báo cáo … trước ngày 20 của tháng cuối quý", "cập
             * nhật số liệu hằng tháng …, tổng hợp trước ngày 05 của tháng sau": one recurrence,
             * said by the later words, which give its day */
            set_deadline(x, ni, k, rec, from[0] ? from : NULL, to[0] ? to : NULL);
            rec = NULL;
            continue;
        }
        add_deadline(x, ni, k, kind, from[0] ? from : NULL, to[0] ? to : NULL, every);
        /* a recurrence without its day, which the words after it may give */
        rec = every && !from[0] && !to[0] ? x->dl_last : NULL;
        rec_end = k->e;
    }
    past_dates_flush(x, &past, "date", "ended more than a month before the document's own", "past events");
    past_dates_flush(x, &since, "span", "began years before the document's own date", "anniversaries or past periods");
    past_dates_flush(x, &told, "date", "told as past, before the document's own", "past events");
}

/* ---- targets ---------------------------------------------------------- */

/* A share in percent as a value is written: at most two decimals, no trailing zeros ("83.33",
 * "90"). */
static void share_text(double v, char *out, size_t n)
{
    snprintf(out, n, "%.2f", v);
    char *e = out + strlen(out);
    while (e > out && e[-1] == '0')
        *--e = 0;
    if (e > out && e[-1] == '.')
        *--e = 0;
}

/* Does the line of s[0..n) around byte at hold a letter (ASCII or any non-ASCII character)? */
static int line_has_words(const char *s, size_t n, size_t at)
{
    size_t a = at, b = at;
    while (a > 0 && s[a - 1] != '\n')
        a--;
    while (b < n && s[b] != '\n')
        b++;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            return 1;
    }
    return 0;
}

/* A due year ("đến năm 2025") found by the by-rules in s[a..b): the first at or after
 * `pivot`, else the last before it; 0 if none.  s has lim bytes; the years of the sentence
 * are read once and kept for its next figure (a line of many figures is not read again for
 * each). */
static int find_by(fctx *x, const char *s, size_t lim, size_t a, size_t b, size_t pivot, size_t *bs, size_t *be)
{
    const vp_family *fam = x->f_targets;
    static const char *const G[] = {"by", NULL};
    /* read from a little before a (the rules look back that far), not from the text's start:
     * a long paragraph is not read again for each of its figures */
    size_t a0 = a > 48 ? a - 48 : 0;
    while (a0 > 0 && ((unsigned char)s[a0] & 0xC0) == 0x80)
        a0--;
    if (x->bym.s != s || x->bym.a0 != a0 || x->bym.b < b) {
        /* read up to the end of the sentence: the sentence's other figures (their clauses end
         * at their own "%") find theirs here too */
        size_t e = b;
        while (e < lim && s[e] != '.' && s[e] != ';' && s[e] != '\n')
            e++;
        x->bym.c.n = 0;
        collect(x, fam, "by", G, s + a0, e - a0, &x->bym.c);
        x->bym.s = s, x->bym.a0 = a0, x->bym.b = e;
    }
    s += a0;
    a -= a0, b -= a0, pivot = pivot > a0 ? pivot - a0 : 0;
    const fcand *after = NULL, *before = NULL;
    for (size_t i = 0; i < x->bym.c.n; i++) {
        const fcand *k = &x->bym.c.v[i];
        if (k->s < a || k->e > b || !has(k, 0))
            continue;
        int y = vp_date_int(s + k->gs[0], k->ge[0] - k->gs[0]);
        if (y < 1900 || y >= 2200)
            continue;
        if (k->s >= pivot) {
            if (!after || k->s < after->s)
                after = k;
        } else if (!before || k->s > before->s)
            before = k;
    }
    /* "đến năm 2025 đạt 60%, đến năm 2030 đạt 75%" (or "… 60% và đến năm 2030 …"): a year
     * after a comma or "và" is the next figure's when one stands before this one */
    if (after && before &&
        (memchr(s + pivot, ',', after->s - pivot) || memmem(s + pivot, after->s - pivot, " và ", 5)))
        after = NULL;
    const fcand *k = after ? after : before;
    if (!k)
        return 0;
    if (bs)
        *bs = k->s + a0;
    if (be)
        *be = k->e + a0;
    /* shift=-1: the year before the one written ("trước năm 2027": by 2026) */
    const char *shift = vp_rule_attr(k->rule, "shift");
    return vp_date_int(s + k->gs[0], k->ge[0] - k->gs[0]) + (shift ? atoi(shift) : 0);
}

/* The year node n's own line (its heading or text) names as the one targets are due by
 * (find_by over it), or 0. */
static int own_by(fctx *x, const vp_node *n)
{
    size_t len = n->own.end > n->own.start ? n->own.end - n->own.start : 0;
    return len ? find_by(x, x->t->data + n->own.start, len, 0, len, 0, NULL, NULL) : 0;
}

/* Whether the text writes "," as its decimal mark, as Vietnamese does: it groups thousands
 * with "." ("2.150", "1.500.000") or has a decimal of one or two places after "," ("42,5"),
 * and never groups them with "," ("1,234,567"). */
static int number_style(const char *s, size_t n)
{
    int dot = 0, comma = 0;
    /* the separators are found with memchr: the text is read at its speed, not a byte a turn */
    for (int pass = 0; pass < 2; pass++) {
        char sep = pass ? ',' : '.';
        size_t at = 1; /* a separator between two characters: in s[1, n - 1) */
        const char *q;
        while (n > 2 && at < n - 1 && (q = memchr(s + at, sep, n - 1 - at)) != NULL) {
            size_t i = (size_t)(q - s);
            at = i + 1;
            if (!(s[i - 1] >= '0' && s[i - 1] <= '9') || !(s[i + 1] >= '0' && s[i + 1] <= '9'))
                continue;
            size_t k = i + 1;
            while (k < n && s[k] >= '0' && s[k] <= '9')
                k++;
            size_t d = k - i - 1;
            int more = k + 1 < n && (s[k] == '.' || s[k] == ',') && s[k + 1] >= '0' && s[k + 1] <= '9';
            if (sep == '.' && d == 3 && (!more || s[k] == ','))
                dot = 1; /* "2.150", "1.500,5" */
            else if (sep == ',' && d == 3 && more && s[k] == ',')
                return 0; /* "1,234,567" */
            else if (sep == ',' && (d == 1 || d == 2) && !more)
                comma = 1; /* "42,5" */
        }
    }
    return dot || comma;
}

/* Does a unit as written start with a word of money's scale ("tỷ đồng", "triệu đồng/người")? */
static int money_unit(const char *u, size_t n)
{
    while (n && *u == ' ')
        u++, n--;
    return (n >= 4 && !memcmp(u, "t\xE1\xBB\xB7", 4)) || (n >= 7 && !memcmp(u, "tri\xE1\xBB\x87u", 7)) ||
           (n >= 6 && !memcmp(u, "ngh\xC3\xACn", 6));
}

/* val (a number as vp_date_decimal_text writes it) times the scale word w ("nghìn", "ngàn":
 * 1000; "triệu": 1,000,000), written back the same way; left as it is for another word. */
static void scale_value(const char *w, size_t n, char *val, size_t vallen)
{
    double f = (n == 6 && !memcmp(w, "nghìn", 6)) || (n == 5 && !memcmp(w, "ngàn", 5)) ? 1e3
               : n == 7 && !memcmp(w, "triệu", 7)                                   ? 1e6
                                                                                      : 0;
    double v;
    if (f == 0 || !vp_date_decimal(val, strlen(val), &v))
        return;
    char num[64];
    snprintf(num, sizeof num, "%.4f", v * f);
    vp_date_decimal_text(num, strlen(num), val, vallen);
}

/* Words around a target's indicator that are not part of it (targets rules field=indicator-lead,
 * anchored at its start: "đối với …", "so với năm 2023 …"; field=indicator-tail, anchored at its
 * end: "… và ít nhất", "trở lên"): S[*ia..*ib) narrowed. */
static void trim_indicator(fctx *x, const vp_family *fam, const char *S, size_t *ia, size_t *ib)
{
    size_t ms, me;
    if (*ib > *ia && vp_family_first_attr(fam, "field", "indicator-lead", x->m, S + *ia, *ib - *ia, 0)) {
        vp_match_range(x->m, &ms, &me);
        if (ms == 0 && me > 0) {
            *ia += me;
            trim_range(S, ia, ib);
        }
    }
    /* a tail may end on another ("… đạt từ": "từ", then "đạt") */
    for (int n = 0; n < 4 && *ib > *ia && vp_family_first_attr(fam, "field", "indicator-tail", x->m, S + *ia, *ib - *ia, 0);
         n++) {
        vp_match_range(x->m, &ms, &me);
        if (me != *ib - *ia || ms >= me)
            break;
        *ib = *ia + ms;
        trim_range(S, ia, ib);
    }
}

/* An indicator that names a part of the one before it (indicator-part: "trong đó có bằng cấp,
 * chứng chỉ", "ở nông thôn"): the one before leads it, what the rule matched dropped; a place
 * ("ở …") replaces the place of the one before ("… sinh hoạt ở đô thị" -> "… sinh hoạt ở nông
 * thôn"). */
static const char *indicator_part(fctx *x, const vp_family *fam, const char *ind, const char *prev)
{
    size_t n = strlen(ind), ms, me;
    if (!vp_family_first_attr(fam, "field", "indicator-part", x->m, ind, n, 0))
        return ind;
    vp_match_range(x->m, &ms, &me);
    if (ms != 0 || me >= n)
        return ind;
    size_t head = strlen(prev);
    if (me == 0) { /* a place: the one before without its own, if it has one of that word */
        size_t w = 0;
        while (w < n && ind[w] != ' ')
            w++;
        for (size_t i = head; i-- > 0;)
            if (prev[i] == ' ' && i + 1 + w < head && !strncmp(prev + i + 1, ind, w) && prev[i + 1 + w] == ' ') {
                head = i;
                break;
            }
    } else { /* a kind of the whole's last word ("lượt khách, trong đó khách quốc tế …"): "lượt
              * khách quốc tế" */
        const char *sp = strrchr(prev, ' '), *last = sp ? sp + 1 : prev;
        size_t lw = strlen(last);
        if (lw && !strncmp(ind + me, last, lw) && ind[me + lw] == ' ')
            return sp ? vp_arena_printf(x->doc->arena, "%.*s %s", (int)(sp - prev), prev, ind + me) : ind + me;
    }
    return vp_arena_printf(x->doc->arena, "%.*s %s", (int)head, prev, ind + me);
}

/* Do a and b open on the same word? */
static int same_first_word(const char *a, const char *b)
{
    size_t n = strcspn(a, " ");
    return n > 0 && strncmp(a, b, n) == 0 && (b[n] == ' ' || b[n] == '\0');
}

/* Does the clause S[a..e) open on a measure (targets field=indicator-measure: "Số …", "Tỷ lệ
 * …"), past an item's number or bullet? */
static int measure_leads(fctx *x, const vp_family *fam, const char *S, size_t a, size_t e)
{
    while (a < e && (S[a] == ' ' || S[a] == '-' || S[a] == '+' || (S[a] >= '0' && S[a] <= '9') || S[a] == '.' ||
                     S[a] == ')'))
        a++;
    return a < e && vp_family_first_attr(fam, "field", "indicator-measure", x->m, S + a, e - a, 0) != NULL;
}

/* ind led by the measure prev opens on (targets field=indicator-measure: "tỷ lệ", "số"), when
 * ind names none of its own; and by more of prev when ind stands for a part of it: in place of
 * the level of schooling prev names when ind opens on another (indicator-level), else from the
 * last word of prev ind opens on ("… suy dinh dưỡng thể thấp còi dưới 18%, thể nhẹ cân dưới
 * 12%": "… suy dinh dưỡng thể nhẹ cân"), else after the last word of prev that says whom the
 * measure is of (indicator-share-of: "… lần đầu đối với đất công đạt 100%; cá nhân đạt 80%":
 * "… lần đầu đối với cá nhân"). */
static const char *measure_of(fctx *x, const vp_family *fam, const char *prev, const char *ind)
{
    size_t ms, me, n = strlen(prev);
    if (vp_family_first_attr(fam, "field", "indicator-measure", x->m, ind, strlen(ind), 0) ||
        !vp_family_first_attr(fam, "field", "indicator-measure", x->m, prev, n, 0))
        return ind;
    vp_match_range(x->m, &ms, &me);
    if (ms != 0)
        return ind;
    size_t ls, le, ps, pe;
    if (vp_family_first_attr(fam, "field", "indicator-level", x->m, ind, strlen(ind), 0) &&
        (vp_match_range(x->m, &ls, &le), ls == 0 && le > 0) &&
        vp_family_first_attr(fam, "field", "indicator-level", x->m, prev + me, n - me, 0) &&
        (vp_match_range(x->m, &ps, &pe), pe > ps))
        /* a level in place of the one before, wherever that one stands ("Tỷ lệ học sinh tiểu
         * học học 2 buổi/ngày đạt 100%, trung học cơ sở 70%": "Tỷ lệ học sinh trung học cơ sở
         * học 2 buổi/ngày"); the words after it kept when the part is the level alone */
        return vp_arena_printf(x->doc->arena, "%.*s%s%s", (int)(me + ps), prev, ind,
                               ind[le] == '\0' ? prev + me + pe : "");
    size_t w = strcspn(ind, " ");
    for (size_t i = n; w && i-- > me;)
        if (prev[i - 1] == ' ' && i + w < n && !strncmp(prev + i, ind, w) && prev[i + w] == ' ')
            return vp_arena_printf(x->doc->arena, "%.*s%s", (int)i, prev, ind);
    size_t os, oe;
    if (vp_family_first_attr(fam, "field", "indicator-share-of", x->m, prev + me, n - me, 0) &&
        (vp_match_range(x->m, &os, &oe), oe > os))
        return vp_arena_printf(x->doc->arena, "%.*s%s", (int)(me + oe), prev, ind);
    return vp_arena_printf(x->doc->arena, "%.*s%s", (int)me, prev, ind);
}

#define LABEL_MAX 240 /* bytes of a clause a label is looked for in */

/* The label of a clause (indicator-label at its start), found once for the clause's figures. */
typedef struct label_memo {
    size_t clause; /* the clause it was looked for in, SIZE_MAX for none yet */
    const char *text;  /* the label, NULL for none */
    size_t colon;      /* where its ":" is */
} label_memo;

/* An indicator before its figure in a list after a label ("Tỷ lệ trường đạt chuẩn quốc gia: Mầm
 * non 70%"): the label leads it (indicator-label at the clause's start, up to its ":", with no
 * other ":" before the indicator), unless it names its own measure (indicator-measure). */
static const char *indicator_label(fctx *x, const vp_family *fam, const char *S, size_t clause_a, size_t ia,
                                   const char *ind, label_memo *lab)
{
    if (lab->clause != clause_a) {
        size_t ms, me, n = ia - clause_a;
        lab->clause = clause_a;
        lab->text = NULL;
        if (n > LABEL_MAX)
            n = LABEL_MAX;
        if (vp_family_first_attr(fam, "field", "indicator-label", x->m, S + clause_a, n, 0) &&
            (vp_match_range(x->m, &ms, &me), me > ms)) {
            lab->text = squeeze(x->doc->arena, S + clause_a + ms, me - ms);
            lab->colon = clause_a + me;
            while (lab->colon < ia && S[lab->colon] != ':')
                lab->colon++;
        }
    }
    if (!lab->text || lab->colon >= ia || memchr(S + lab->colon + 1, ':', ia - lab->colon - 1) ||
        vp_family_first_attr(fam, "field", "indicator-measure", x->m, ind, strlen(ind), 0))
        return ind;
    return vp_arena_printf(x->doc->arena, "%s %s", lab->text, ind);
}

/* A word of two to eight capitals or digits, a capital first ("THCS", "GRDP", "THPT"). */
static int abbreviation(const char *s, size_t n)
{
    if (n < 2 || n > 8 || !(s[0] >= 'A' && s[0] <= 'Z'))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            return 0;
    return 1;
}

/* Where the part of a clause that ends at S[at] starts: back to the clause's last "," ";" ":"
 * "(" ")" or "%" ("… THCS đạt 99% và hoàn thành cấp THPT đạt 95%": back to the figure
 * before), no further than lo. */
static size_t part_start(const char *S, size_t lo, size_t at)
{
    while (at > lo && !(S[at - 1] && strchr(",;:()%", S[at - 1])))
        at--;
    return at;
}

/* Where the bracket is that is open at S[at] ("… (chỉ tiêu: trên 70%"), back to a: SIZE_MAX
 * when none. */
static size_t open_bracket(const char *S, size_t a, size_t at)
{
    for (size_t i = at; i > a; i--) {
        if (S[i - 1] == ')')
            return SIZE_MAX;
        if (S[i - 1] == '(')
            return i - 1;
    }
    return SIZE_MAX;
}

/* S[clause_a..e) without the due year it ends on ("Tỷ lệ đô thị hóa đến năm 2025", "Thu nhập …
 * năm 2030"; targets rules field=indicator-year, anchored at the end: asked only when the words
 * end in a year's four digits); without a label's ":" only after a name of three words or more
 * ("phấn đấu đến năm 2025 đạt 60%" names nothing: the indicator is found after the figures). */
static size_t cut_due_year(fctx *x, const vp_family *fam, const char *S, size_t clause_a, size_t e, int label)
{
    size_t ms, me;
    if (e >= clause_a + 4 && S[e - 1] >= '0' && S[e - 1] <= '9' && S[e - 4] >= '0' && S[e - 4] <= '9' &&
        vp_family_first_attr(fam, "field", "indicator-year", x->m, S + clause_a, e - clause_a, 0)) {
        vp_match_range(x->m, &ms, &me);
        size_t ye = clause_a + ms, words = 0, from = part_start(S, clause_a, ye);
        /* a note in brackets is in the name ("Tốc độ tăng trưởng (GRDP) bình quân giai đoạn
         * 2026-2030"): its words count from before it */
        size_t ob;
        while (from > clause_a && S[from - 1] == ')' && (ob = open_bracket(S, clause_a, from - 1)) != SIZE_MAX)
            from = part_start(S, clause_a, ob);
        for (size_t i = from; i < ye; i++)
            words += S[i] == ' ' && i + 1 < ye && S[i + 1] != ' ';
        /* or a year alone after a label's ":" ("Tỷ lệ …: năm 2025 đạt 80%", "…: đến năm 2026 đạt
         * 95%"): the year of a road map, the label before it the name */
        int lone = from > clause_a && S[from - 1] == ':' && words == 0;
        if (me == e - clause_a && ms > 0 && (label || words >= 3 || lone))
            return ye;
    }
    return e;
}

/* Past an item's number at S[a] that no "." ends ("2- ", "3) "; "2. " ends a clause by its
 * dot), up to e. */
static size_t past_number(const char *S, size_t a, size_t e)
{
    size_t i = a;
    while (i < e && S[i] == ' ')
        i++;
    size_t d = i;
    while (i < e && ((S[i] >= '0' && S[i] <= '9') || (S[i] == '.' && i > d)))
        i++;
    if (i > d && i - d <= 8 && i + 1 < e && (S[i] == '-' || S[i] == ')') && S[i + 1] == ' ')
        return i + 2;
    return a;
}

/* Do the bytes w stand at S[at] (before e)?  Do they end at S[at] (after a)? */
static int word_at(const char *S, size_t at, size_t e, const char *w)
{
    size_t n = strlen(w);
    return e - at >= n && !memcmp(S + at, w, n);
}

static int word_before(const char *S, size_t a, size_t at, const char *w)
{
    size_t n = strlen(w);
    return at - a >= n && !memcmp(S + at - n, w, n);
}

/* Does S[a..e) hold a figure that is not part of a name: not an age ("trẻ em dưới 1 tuổi", "trẻ
 * em 3-5 tuổi"), an order ("sinh con thứ 3 trở lên"), a frequency ("khám sức khỏe ít nhất 01
 * lần/năm"), a duration ("đào tạo nghề dưới 3 tháng", "học 2 buổi/ngày", "giải quyết trong 24
 * giờ") or a grade ("cơ sở lưu trú 3 sao", "bệnh viện hạng 1", "cấp độ 4"); with years=1 not
 * a year either ("(giá so sánh 2010)", "(theo chuẩn nghèo đa chiều giai đoạn 2022-2025)"), but a
 * code's ("01-1:2018/BYT") is a figure. */
static int figure_in(const char *S, size_t a, size_t e, int years)
{
    static const char *const AFTER[] = {" tuổi", " lần", " sao", " tháng", " buổi", " giờ", NULL};
    static const char *const BEFORE[] = {"thứ ", "hạng ", "cấp độ ", "mức độ ", "loại ", NULL};
    for (size_t i = a; i < e; i++) {
        if (S[i] < '0' || S[i] > '9')
            continue;
        size_t j = i;
        while (j < e && S[j] >= '0' && S[j] <= '9')
            j++;
        if (years && j - i == 4 && (S[i] == '1' || S[i] == '2') && (S[i + 1] == '9' || S[i + 1] == '0') &&
            (i == a || !strchr(".,/:", S[i - 1])) && (j >= e || !strchr("/:.,", S[j]))) {
            i = j;
            continue;
        }
        if (j + 1 < e && S[j] == '-' && S[j + 1] >= '0' && S[j + 1] <= '9')
            for (j++; j < e && S[j] >= '0' && S[j] <= '9';)
                j++;
        int kind = 0;
        for (size_t k = 0; AFTER[k] && !kind; k++)
            kind = word_at(S, j, e, AFTER[k]);
        for (size_t k = 0; BEFORE[k] && !kind; k++)
            kind = word_before(S, a, i, BEFORE[k]);
        if (kind) {
            i = j;
            continue;
        }
        return 1;
    }
    return 0;
}

static int plain_figure(const char *S, size_t a, size_t e)
{
    return figure_in(S, a, e, 0);
}

/* Are all the figures of S[a..e) years inside brackets ("(giá so sánh 2010)")? */
static int bracket_years(const char *S, size_t a, size_t e)
{
    int depth = 0;
    for (size_t i = a; i < e; i++) {
        if (S[i] == '(')
            depth++;
        else if (S[i] == ')' && depth > 0)
            depth--;
        else if (S[i] >= '0' && S[i] <= '9') {
            size_t j = i;
            while (j < e && S[j] >= '0' && S[j] <= '9')
                j++;
            if (!depth || figure_in(S, i > a ? i - 1 : i, j < e ? j + 1 : j, 1))
                return 0;
            i = j - 1;
        }
    }
    return 1;
}

/* Where a list of short parts that the part at S[a] ends opens with the words of a part
 * (targets field=indicator-list-head: "…, trong đó lao động là người dân tộc thiểu số, phụ nữ,
 * người khuyết tật chiếm 30%"): the start of the list's first part, when no part holds a figure
 * and the whole stays short; SIZE_MAX when there is no such head. */
static size_t list_head(fctx *x, const vp_family *fam, const char *S, size_t clause_a, size_t a, size_t e)
{
    size_t p = a;
    while (p > clause_a && S[p - 1] == ',') {
        size_t b = p - 1;
        p = b;
        while (p > clause_a && !strchr(",;:()", S[p - 1])) {
            p--;
            if (S[p] >= '0' && S[p] <= '9')
                return SIZE_MAX;
        }
        if (e - p > 200)
            return SIZE_MAX;
        size_t q = p, ms, me;
        while (q < b && S[q] == ' ')
            q++;
        if (vp_family_first_attr(fam, "field", "indicator-list-head", x->m, S + q, b - q, 0) &&
            (vp_match_range(x->m, &ms, &me), ms == 0))
            return p;
    }
    return SIZE_MAX;
}

/* A target whose value has nothing after it ("Nông - lâm nghiệp 80%; thương mại - dịch vụ
 * 15%", "tiểu thủ công nghiệp: 5%"): its indicator is the words just before it, back to the
 * clause's last "," ";" ":" or "(" (a ":" right before the value is passed over), when they are
 * at least two words and hold no figure; else none (*ib == *ia). */
static void indicator_before(fctx *x, const vp_family *fam, const char *S, size_t clause_a, size_t end, size_t *ia,
                             size_t *ib)
{
    size_t e = end;
    int label = 0;
    while (e > clause_a && (S[e - 1] == ' ' || S[e - 1] == ':'))
        label |= S[--e] == ':';
    /* a due year is not part of it ("Tỷ lệ đô thị hóa đến năm 2025: 16%"), also before the
     * figure's verb ("… nâng cao năm 2026 đạt 40%": once the verb is trimmed, below) */
    e = cut_due_year(x, fam, S, clause_a, e, label);
    /* a note in brackets just before the value is passed over ("… hàng năm (giá so sánh năm
     * 2010) đạt 16%") */
    if (e > clause_a && S[e - 1] == ')') {
        size_t q = e - 1;
        while (q > clause_a && S[q - 1] != '(' && S[q - 1] != ')')
            q--;
        if (q > clause_a && S[q - 1] == '(') {
            q--;
            while (q > clause_a && S[q - 1] == ' ')
                q--;
            if (q > clause_a)
                e = q;
        }
    }
    size_t a = part_start(S, clause_a, e);
    /* back over a comma inside the name of what is measured ("Tỷ lệ hộ nghèo tại các xã bãi
     * ngang, ven biển giảm từ 3% …"): when the words before it hold no figure and are at least
     * three (not "Trong đó, …"), or any words before a label's ":" ("Nông, lâm nghiệp, thuỷ
     * sản: 75%"), and the whole stays short; and over a note in brackets inside it ("Tỷ lệ
     * trường công lập (Mầm non, Tiểu học, THCS) đạt chuẩn …") that holds no figure */
    for (;;) {
        if (a > clause_a && S[a - 1] == ')') {
            size_t q = a - 1;
            while (q > clause_a && S[q - 1] != '(' && S[q - 1] != ')' && S[q - 1] != ';' && S[q - 1] != ':')
                q--;
            if (figure_in(S, q, a - 1, 1) || q == clause_a || S[q - 1] != '(' || e - q > 200)
                break;
            a = part_start(S, clause_a, q - 1);
            continue;
        }
        if (!(a > clause_a && S[a - 1] == ','))
            break;
        /* not back over the comma before a goal's purpose ("Tiêm phòng cho đàn gia súc, với mục
         * tiêu tiêm phòng đạt 80% tổng đàn": "tiêm phòng") */
        size_t pa = a;
        while (pa < e && S[pa] == ' ')
            pa++;
        if (vp_family_first_attr(fam, "field", "indicator-purpose", x->m, S + pa, e - pa, 0))
            break;
        size_t b = a - 1, p = b, words = 0;
        int fig = 0;
        while (p > clause_a && S[p - 1] != ',' && S[p - 1] != ';' && S[p - 1] != ':' && S[p - 1] != '(' &&
               S[p - 1] != ')') {
            p--;
            fig |= S[p] >= '0' && S[p] <= '9';
            words += S[p] == ' ' && p + 1 < b && S[p + 1] != ' ';
        }
        /* two doings at the clause's start, "Tuyển sinh, đào tạo nghề cho 73.000 người": the
         * first is part of it (not an opening word, "Trong đó, …": indicator-lead, whole) */
        size_t q = p, ms, me;
        while (q < b && S[q] == ' ')
            q++;
        int doing = p == clause_a && words < 3 && is_upper_at(S, b, q) &&
                    !(vp_family_first_attr(fam, "field", "indicator-lead", x->m, S + q, b + 1 - q, 0) &&
                      (vp_match_range(x->m, &ms, &me), ms == 0 && me == b + 1 - q));
        if (fig || (words < 3 && !label && !doing) || e - p > 200) {
            size_t h = list_head(x, fam, S, clause_a, a, e);
            if (h != SIZE_MAX)
                a = h;
            break;
        }
        a = p;
    }
    trim_range(S, &a, &e);
    trim_indicator(x, fam, S, &a, &e);
    if (e > a) {
        size_t e2 = cut_due_year(x, fam, S, clause_a, e, label);
        if (e2 != e && e2 > a) {
            e = e2;
            trim_range(S, &a, &e);
        }
    }
    /* "Tỷ lệ hộ nghèo: giảm 1,5%", "Số xã đạt chuẩn …: thêm 03 xã": after a label's ":" only
     * the figure's verb; the label is the indicator, with that verb ("Tỷ lệ hộ nghèo: giảm") */
    size_t colon = a;
    while (colon > clause_a && S[colon - 1] == ' ')
        colon--;
    if (colon > clause_a && S[colon - 1] == ':' && (e <= a || !memchr(S + a, ' ', e - a))) {
        size_t la = part_start(S, clause_a, colon - 1), le = colon - 1;
        /* back over a comma inside the label's name ("Tỷ lệ hồ sơ … nộp phí, lệ phí bằng hình thức
         * trực tuyến: Năm 2025: 60%") when the words before it hold no figure */
        while (la > clause_a && S[la - 1] == ',') {
            size_t p = la - 1;
            while (p > clause_a && !strchr(",;:()", S[p - 1]))
                p--;
            if (figure_in(S, p, la - 1, 1) || le - p > 200)
                break;
            la = p;
        }
        trim_range(S, &la, &le);
        trim_indicator(x, fam, S, &la, &le);
        if (le > la && memchr(S + la, ' ', le - la)) {
            if (e <= a)
                e = le;
            a = la;
            trim_indicator(x, fam, S, &a, &e); /* "…: từ" (95% trở lên) */
        }
    }
    /* another figure is not part of the name; a year in its note is ("Tổng giá trị sản xuất (giá
     * so sánh 2010) tăng 9,5-10%/năm") */
    if (plain_figure(S, a, e) && !bracket_years(S, a, e)) {
        *ia = *ib = a;
        return;
    }
    size_t words = 0;
    for (size_t i = a; i < e; i++)
        words += S[i] == ' ' && i + 1 < e && S[i + 1] != ' ';
    if (e > a && (words >= 1 || abbreviation(S + a, e - a))) { /* "THCS đạt 99%" */
        *ia = a;
        *ib = e;
    } else {
        *ia = *ib = a;
    }
}

/* Figures of the past are results, not targets.  A node under a heading that reports results
 * (targets rules field=past-heading: "KẾT QUẢ THỰC HIỆN NĂM 2023", "Thực trạng") holds only
 * results.  In a node's text, the targets rules field=past mark where its time changes: words
 * that open a statement of an earlier year ("Năm 2021, toàn tỉnh …": group year, before the
 * plan's year), of a time gone by ("Năm qua, …") or a verb in the past ("đã đào tạo nghề cho
 * …", attribute scope=sentence: up to the sentence's end); a year not before the plan's or a
 * rule with tense=future ("phấn đấu", "dự kiến") ends the past.  A figure is past when the last
 * such mark before it says so. */

/* Is node n, or an item or section above it, or the part over that section ("A. ĐÁNH GIÁ KẾT
 * QUẢ THỰC HIỆN NĂM 2024" over "I. Lĩnh vực kinh tế"), headed by words a rule of targets field
 * `field` matches? */
static int under_heading(fctx *x, const vp_node *n, const char *field)
{
    for (; n; n = n->parent ? n->parent : n->part) {
        /* an item with items under it is headed by its text ("2. Yêu cầu") */
        const char *h = n->heading ? n->heading : n->type == VP_NODE_ITEM && n->first ? n->text : NULL;
        if (h && vp_family_first_attr(x->f_targets, "field", field, x->m, h, strlen(h), 0))
            return 1;
    }
    return 0;
}

static int past_under_heading(fctx *x, const vp_node *n) { return under_heading(x, n, "past-heading"); }

static int past_at(const fctx *x, const fcands *marks, const char *S, size_t at)
{
    const fcand *last = NULL;
    for (size_t i = 0; i < marks->n && marks->v[i].s <= at; i++)
        if (marks->v[i].e <= at)
            last = &marks->v[i];
    if (!last)
        return 0;
    const char *tense = vp_rule_attr(last->rule, "tense");
    int past;
    if (has(last, 0)) {
        int y = vp_date_int(S + last->gs[0], last->ge[0] - last->gs[0]);
        past = x->plan_year > 0 && y >= 1900 && y < x->plan_year;
    } else
        past = !(tense && strcmp(tense, "future") == 0);
    const char *scope = vp_rule_attr(last->rule, "scope");
    if (past && scope && strcmp(scope, "sentence") == 0)
        for (size_t i = last->e; i < at && past; i++)
            past = !(S[i] == '\n' || ((S[i] == '.' || S[i] == '!' || S[i] == '?') && S[i + 1] == ' '));
    return past;
}

/* ---- targets in a table ("TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2025", then rows
 * "2 | Tỷ lệ hộ nghèo | % | 2,5"): a line of cells between "|" (a table of DOCX, ODT, HTML or
 * RTF) is a header row when its cells name the indicator and a planned value (targets rules
 * field=table-head-indicator, table-head-plan; not table-head-past, the year before's results;
 * not a table of costs, table-head-not); each row after it with as many cells is a target:
 * the indicator's cell, the unit's (table-head-unit) or a "%" after the value, the value of the
 * last planned column (field=table-value gives its op; with none, table-le on the indicator
 * makes it le: "Tỷ lệ hộ nghèo"), by the year that column names. */


static const vp_rule *cell_rule(fctx *x, const vp_family *f, const char *field, const char *S, size_t a, size_t b)
{
    return b > a ? vp_family_first_attr(f, "field", field, x->m, S + a, b - a, 0) : NULL;
}

static int cell_is(fctx *x, const char *field, const char *S, size_t a, size_t b)
{
    return cell_rule(x, x->f_targets, field, S, a, b) != NULL;
}

/* How far from a target its line is looked at (LINE_NEAR bytes each way): a line that opens
 * farther before it (a page flattened onto one line) does not open on its group; without the
 * bound each target of a long paragraph would read the paragraph again. */
#define LINE_NEAR 2048

/* The line of the text holding offset p, LINE_NEAR bytes at most each way of p: its start into
 * *a, its end into *e (when e is not NULL); 0 when p is not in the text, -1 when the line starts
 * farther than that before p (*a is then LINE_NEAR bytes before p). */
static int line_around(const fctx *x, size_t p, size_t *a, size_t *e)
{
    const char *T = x->t->data;
    if (!T || p > x->t->len)
        return 0;
    size_t s = p, lo = p > LINE_NEAR ? p - LINE_NEAR : 0, hi = x->t->len - p > LINE_NEAR ? p + LINE_NEAR : x->t->len;
    while (s > lo && T[s - 1] != '\n')
        s--;
    *a = s;
    if (e) {
        while (p < hi && T[p] != '\n')
            p++;
        *e = p;
    }
    return s > 0 && T[s - 1] != '\n' ? -1 : 1;
}

/* The unit the target's line opens on, before a colon ("- Tổ dân phố Đắc Lộc 1: tối thiểu 85% hộ
 * gia đình …", targets field=target-scope; before its figure, or in its words when they open the
 * line): the group the target is set for, or NULL. */
static const char *target_scope(fctx *x, const vp_target *tg)
{
    const char *T = x->t->data;
    size_t e = tg->span.start, a;
    if (line_around(x, e, &a, NULL) != 1)
        return NULL;
    if (tg->span.end > e && tg->span.end <= x->t->len)
        e = tg->span.end; /* a count read with its group's words ("- Xã Thục Luyện: 1.200 trẻ") */
    size_t gs, ge;
    if (e <= a || !vp_family_first_attr(x->f_targets, "field", "target-scope", x->m, T + a, e - a, 0) ||
        !vp_match_group(x->m, "scope", &gs, &ge) || ge <= gs)
        return NULL;
    return squeeze(x->doc->arena, T + a + gs, ge - gs);
}

/* The group a heading over the target names ("1. Thị xã Hương Trà:", "a) Phường Tứ Hạ", then its
 * targets on the lines below): the nearest item over the node whose own line(s) open on a group and a
 * colon (field=target-scope) or is the group alone (field=target-heading-scope); or NULL.  The
 * next heading of that level ends the group, as it ends the item. */
static const char *heading_scope(fctx *x, const vp_node *n)
{
    for (const vp_node *p = n ? n->parent : NULL; p && p->type == VP_NODE_ITEM; p = p->parent) {
        if (p->own.end <= p->own.start || p->own.end > x->t->len)
            continue;
        const char *h = x->t->data + p->own.start;
        size_t len = p->own.end - p->own.start, gs, ge;
        if ((vp_family_first_attr(x->f_targets, "field", "target-scope", x->m, h, len, 0) ||
             vp_family_first_attr(x->f_targets, "field", "target-heading-scope", x->m, h, len, 0)) &&
            vp_match_group(x->m, "scope", &gs, &ge) && ge > gs)
            return squeeze(x->doc->arena, h + gs, ge - gs);
    }
    return NULL;
}

/* Whether the target's line opens on the whole the groups make up ("Tổng cộng toàn xã …: 7.111
 * người", "Toàn huyện: …", targets field=target-whole): its figure is no group's, though the line
 * stands under the last group's heading. */
static int target_whole(fctx *x, const vp_target *tg)
{
    const char *T = x->t->data;
    size_t a, e;
    if (line_around(x, tg->span.start, &a, &e) != 1)
        return 0;
    return e > a && vp_family_first_attr(x->f_targets, "field", "target-whole", x->m, T + a, e - a, 0) != NULL;
}

/* Does the line of the target hold no year ("2026")? */
static int line_without_year(fctx *x, const vp_target *tg)
{
    const char *T = x->t->data;
    size_t a, e;
    if (!line_around(x, tg->span.start, &a, &e))
        return 1;
    for (size_t i = a; i + 4 <= e; i++)
        if ((T[i] == '1' || T[i] == '2') && (T[i + 1] == '9' || T[i + 1] == '0') && T[i + 2] >= '0' &&
            T[i + 2] <= '9' && T[i + 3] >= '0' && T[i + 3] <= '9' && (i == a || T[i - 1] < '0' || T[i - 1] > '9') &&
            (i + 4 == e || T[i + 4] < '0' || T[i + 4] > '9'))
            return 0;
    return 1;
}

/* Under a label over lines of targets a group each (x->glab: "Tỷ lệ hộ phân loại rác tại nguồn đến
 * cuối năm 2026:"), a target whose words name nothing but its group ("- Thôn Hưng Phú: 80%", "- Quý
 * I/2026: 55%": the group is its scope) measures what the label names; one whose words are the whole's alone
 * ("Tổng cộng toàn xã đến hết Quý IV/2026: 7.111 người", targets field=target-whole) the label's
 * measure of the whole it names ("Số người tham gia BHYT toàn xã").  The label's year is theirs
 * when their line names none. */
static void group_label_target(fctx *x, vp_target *tg, int whole)
{
    if (!x->glab.ind || (!tg->indicator && whole))
        return;
    vp_arena *A = x->doc->arena;
    if (!whole) {
        /* the words left are the group's, or none when the group is a quarter cut as its time */
        if (!tg->scope || (tg->indicator && tg->indicator[0] && strcmp(tg->indicator, tg->scope) != 0))
            return;
        tg->indicator = x->glab.ind;
    } else {
        size_t n = strlen(tg->indicator), ms, me, gs, ge;
        if (!vp_family_first_attr(x->f_targets, "field", "target-whole", x->m, tg->indicator, n, 0))
            return;
        vp_match_range(x->m, &ms, &me);
        if (me != n)
            return; /* "Toàn xã có 90% hộ …": words of its own */
        if (vp_match_group(x->m, "scope", &gs, &ge) && ge > gs) {
            char *w = vp_arena_printf(A, "%s %.*s", x->glab.ind, (int)(ge - gs), tg->indicator + gs);
            size_t at = strlen(x->glab.ind) + 1;
            if (w[at] >= 'A' && w[at] <= 'Z') /* "Toàn huyện": "… toàn huyện" */
                w[at] = (char)(w[at] - 'A' + 'a');
            tg->indicator = w;
        } else
            tg->indicator = x->glab.ind;
    }
    if (x->glab.by && line_without_year(x, tg))
        tg->by = vp_arena_printf(A, "%d", x->glab.by);
}

/* A new target of the node's item, of value val, unit and op ("ge" when NULL), due by the year by,
 * else by the plan's period's end, else by the plan's year. */
static vp_target *new_target(fctx *x, const nodeinfo *ni, const char *val, const char *unit, const char *op, int by)
{
    vp_arena *A = x->doc->arena;
    vp_target *tg = vp_arena_alloc(A, sizeof *tg);
    tg->id = vp_arena_printf(A, "t%d", ++x->ntgt);
    tg->item = ni->item;
    tg->value = vp_arena_strdup(A, val);
    tg->unit = unit;
    tg->op = op ? op : "ge";
    if (by)
        tg->by = vp_arena_printf(A, "%d", by);
    else if (x->period_to)
        tg->by = x->period_to;
    else if (x->plan_year > 0)
        tg->by = vp_arena_printf(A, "%d", x->plan_year);
    return tg;
}

/* Appends a target, a budget item to the document's list. */
static void push_target(fctx *x, const nodeinfo *ni, vp_target *tg)
{
    if (!tg->scope)
        tg->scope = target_scope(x, tg);
    int whole = !tg->scope && target_whole(x, tg);
    if (!tg->scope && !whole)
        tg->scope = heading_scope(x, ni->node);
    group_label_target(x, tg, whole);
    if (x->tgt_last)
        x->tgt_last->next = tg;
    else
        x->doc->targets = tg;
    x->tgt_last = tg;
}

static void push_budget(fctx *x, vp_budget_item *bi)
{
    if (x->bud_last)
        x->bud_last->next = bi;
    else
        x->doc->budget = bi;
    x->bud_last = bi;
}

/* The count of the node's cells when it is a table's row of at least min cells; 0 when it is
 * not, and then the table being read (its header's cell count *ncells) has ended. */
static int row_cells(const nodeinfo *ni, int min, int *ncells)
{
    if (ni->ncells < min) {
        if (!ni->ncells) /* a line that is no row ends the table; a group's row ("I | Công tác
                          * tuyên truyền", its cells merged) is read past */
            *ncells = 0;
        return 0;
    }
    return ni->ncells;
}

static int has_letter(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80 || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
            return 1;
    return 0;
}

/* Reads the node's line as a row of a table of costs: a header cell names the amounts' unit
 * (budget rules field=table-money, its attribute scale: "Kinh phí (triệu đồng)" is 1000000),
 * and each row after it with as many cells gives the amount of that column (field=table-amount)
 * times the scale.  1 when the line was a header (one whose unit a line before said: 0, its cells
 * read as text) or a row with nothing else to read, 2 when a
 * row's amount was read (its other cells may still name a source: "| Ngân sách huyện |"). */
static int money_row(fctx *x, const nodeinfo *ni)
{
    const char *S = ni->s;
    const size_t *cs = ni->cs, *ce = ni->ce;
    int n = row_cells(ni, 2, &x->mtab.ncells);
    if (!n) {
        /* a line before a table that says the unit of its amounts ("Dự toán kinh phí (đơn
         * vị: đồng):", "Đơn vị tính: triệu đồng"; field=table-unit, its attribute scale) */
        const vp_rule *r = ni->len < 200 ? vp_family_first_attr(x->f_budget, "field", "table-unit", x->m, S, ni->len, 0)
                                         : NULL;
        const char *sc = r ? vp_rule_attr(r, "scale") : NULL;
        x->mtab.said = sc ? atof(sc) : 0;
        return 0;
    }
    for (int i = 0; i < n; i++) {
        const vp_rule *r = cell_rule(x, x->f_budget, "table-money", S, cs[i], ce[i]);
        const char *sc = r ? vp_rule_attr(r, "scale") : NULL;
        if (sc && atof(sc) > 0) { /* a header row */
            x->mtab.ncells = n;
            x->mtab.col = i;
            x->mtab.scale = atof(sc);
            x->mtab.said = 0;
            return 1;
        }
    }
    if (x->mtab.said > 0 && !x->mtab.ncells)
        for (int i = 0; i < n; i++)
            if (cell_rule(x, x->f_budget, "table-money-col", S, cs[i], ce[i])) {
                /* a header row whose amounts' column ("Thành tiền", "Kinh phí", "Tổng cộng")
                 * has the unit the line before said; its other cells may name the sources of
                 * the columns before the sum ("| Ngân sách huyện | Xã hội hóa | Tổng cộng |"):
                 * read as text */
                x->mtab.ncells = n;
                x->mtab.col = i;
                x->mtab.scale = x->mtab.said;
                x->mtab.said = 0;
                return 0;
            }
    if (!x->mtab.ncells || n != x->mtab.ncells)
        return 0;
    size_t va = cs[x->mtab.col], vb = ce[x->mtab.col], gs, ge;
    const vp_rule *r = cell_rule(x, x->f_budget, "table-amount", S, va, vb);
    if (!r || !vp_match_group(x->m, "amount", &gs, &ge))
        return 2;
    char num[32];
    vp_date_decimal_text(S + va + gs, ge - gs, num, sizeof num);
    double v = atof(num) * x->mtab.scale;
    if (!num[0] || v <= 0 || v > 9e17)
        return 2;
    vp_arena *A = x->doc->arena;
    vp_budget_item *bi = vp_arena_alloc(A, sizeof *bi);
    bi->is_amount = 1;
    bi->value = (long long)(v + 0.5);
    bi->text = squeeze(A, S + va, vb - va);
    bi->item = ni->item;
    bi->line = locate(x, ni, va, vb, &bi->span);
    /* the row of the total ("| | Tổng cộng | 50.000.000 |": field=table-total in another cell) */
    for (int i = 0; i < n && !bi->total; i++)
        bi->total = i != x->mtab.col && cell_rule(x, x->f_budget, "table-total", S, cs[i], ce[i]) != NULL;
    push_budget(x, bi);
    return 2;
}

/* The last year a header cell names ("giai đoạn 2021-2025": 2025), 0 when none. */
static int cell_year(const char *S, size_t a, size_t b)
{
    int y = 0;
    for (size_t i = a; i + 4 <= b; i++)
        if ((S[i] == '1' || S[i] == '2') && (S[i + 1] == '9' || S[i + 1] == '0') && S[i + 2] >= '0' && S[i + 2] <= '9' &&
            S[i + 3] >= '0' && S[i + 3] <= '9' && (i == a || !(S[i - 1] >= '0' && S[i - 1] <= '9')) &&
            (i + 4 == b || !(S[i + 4] >= '0' && S[i + 4] <= '9')))
            y = atoi(S + i);
    return y;
}

/* The value of the table cell S[va, vb) (targets field=table-value) into val, as a decimal
 * text: the rule that read it, or NULL when the cell holds none. */
static const vp_rule *cell_value(fctx *x, const char *S, size_t va, size_t vb, char val[32])
{
    size_t gs, ge;
    const vp_rule *r = vb > va ? vp_family_first_attr(x->f_targets, "field", "table-value", x->m, S + va, vb - va, 0)
                               : NULL;
    if (!r || !vp_match_group(x->m, "value", &gs, &ge))
        return NULL;
    vp_date_decimal_text(S + va + gs, ge - gs, val, 32);
    return val[0] ? r : NULL;
}

/* The target of a table's row in its planned column col (due by year, 0: the plan's). */
static void table_target(fctx *x, const nodeinfo *ni, int col, int year)
{
    const char *S = ni->s;
    const size_t *cs = ni->cs, *ce = ni->ce;
    size_t ia = cs[x->tab.ind], ib = ce[x->tab.ind], va = cs[col], vb = ce[col];
    if (ib <= ia || !has_letter(S + ia, ib - ia) || vb <= va)
        return;
    char val[32];
    size_t gs, ge;
    const vp_rule *r = cell_value(x, S, va, vb, val);
    if (!r)
        return;
    vp_arena *A = x->doc->arena;
    const char *unit = NULL;
    size_t us, ue;
    if (vp_match_group(x->m, "unit", &us, &ue) && ue > us)
        unit = squeeze(A, S + va + us, ue - us);
    const char *op = vp_rule_attr(r, "op");
    /* a change ("giảm 10-15%"): its verb goes on the indicator, as the text says it ("Số vụ cháy
     * giảm 10-15%") */
    size_t vs, ve;
    int verb = vp_match_group(x->m, "verb", &vs, &ve) && ve > vs;
    if (x->tab.unit >= 0 && ce[x->tab.unit] > cs[x->tab.unit])
        unit = squeeze(A, S + cs[x->tab.unit], ce[x->tab.unit] - cs[x->tab.unit]);
    if (!unit || (!has_letter(unit, strlen(unit)) && strcmp(unit, "%") != 0))
        return; /* no unit to read the value by */
    if (!op && cell_is(x, "table-le", S, ia, ib)) {
        op = "le";
        /* a range of something to reduce ("10-15%"): no more than its high end (table-value-high) */
        if (cell_rule(x, x->f_targets, "table-value-high", S, va, vb) &&
            vp_match_group(x->m, "value", &gs, &ge)) {
            vp_date_decimal_text(S + va + gs, ge - gs, val, sizeof val);
            if (!val[0])
                return;
        }
    }
    vp_target *tg = new_target(x, ni, val, unit, op, year);
    tg->indicator = squeeze(A, S + ia, ib - ia);
    if (verb) {
        char *v = squeeze(A, S + va + vs, ve - vs);
        if (v[0] >= 'A' && v[0] <= 'Z')
            v[0] = (char)(v[0] - 'A' + 'a');
        tg->indicator = vp_arena_printf(A, "%s %s", tg->indicator, v);
    }
    tg->line = locate(x, ni, va, vb, &tg->span);
    push_target(x, ni, tg);
}

/* A table of a year a row ("Năm | Số người được đào tạo (người) | Trong đó nữ (người) | Kinh
 * phí (triệu đồng)", then "2024 | 4.500 | 1.800 | 13.500"): a header whose cell names the rows'
 * year (targets field=table-head-year) and whose other cells name a measure with its unit in
 * brackets (field=table-head-measure; not a column of costs, table-head-not, which the budget
 * reads).  1 when the line was such a header; the table's columns are then kept in x->tab. */
static int year_table_head(fctx *x, const nodeinfo *ni, int n)
{
    const char *S = ni->s;
    const size_t *cs = ni->cs, *ce = ni->ce;
    int ycol = -1, nm = 0, mcol[8];
    const char *mind[8], *munit[8];
    vp_arena *A = x->doc->arena;
    for (int i = 0; i < n; i++) {
        size_t gs, ge, us, ue;
        if (ycol < 0 && cell_is(x, "table-head-year", S, cs[i], ce[i]))
            ycol = i;
        else if (nm < 8 && !cell_is(x, "table-head-not", S, cs[i], ce[i]) &&
                 cell_is(x, "table-head-measure", S, cs[i], ce[i]) && vp_match_group(x->m, "indicator", &gs, &ge) &&
                 ge > gs && vp_match_group(x->m, "unit", &us, &ue) && ue > us) {
            mcol[nm] = i;
            mind[nm] = squeeze(A, S + cs[i] + gs, ge - gs);
            munit[nm] = squeeze(A, S + cs[i] + us, ue - us);
            /* a part of the column before ("Trong đó nữ (người)"): named after it, "Số người được
             * đào tạo, trong đó nữ" */
            if (nm > 0 && mcol[nm - 1] == i - 1 && cell_is(x, "table-head-part", S, cs[i] + gs, cs[i] + ge)) {
                char *p = vp_arena_printf(A, "%s, %s", mind[nm - 1], mind[nm]);
                size_t k = strlen(mind[nm - 1]) + 2;
                if (p[k] >= 'A' && p[k] <= 'Z')
                    p[k] = (char)(p[k] - 'A' + 'a');
                mind[nm] = p;
            }
            nm++;
        }
    }
    if (ycol < 0 || nm == 0)
        return 0;
    x->tab.ncells = n;
    x->tab.years = 1;
    x->tab.ycol = ycol;
    x->tab.nmeas = nm;
    memcpy(x->tab.mcol, mcol, (size_t)nm * sizeof *mcol);
    memcpy(x->tab.mind, mind, (size_t)nm * sizeof *mind);
    memcpy(x->tab.munit, munit, (size_t)nm * sizeof *munit);
    return 1;
}

/* The targets of a row of a table of a year a row: each measure's cell, due by the row's year (a
 * row of no year, "Tổng cộng | 9.600 | …", gives none). */
static void year_table_row(fctx *x, const nodeinfo *ni)
{
    const char *S = ni->s;
    const size_t *cs = ni->cs, *ce = ni->ce;
    size_t ya = cs[x->tab.ycol], yb = ce[x->tab.ycol];
    int year = cell_year(S, ya, yb);
    if (!year || !cell_is(x, "table-row-year", S, ya, yb))
        return;
    for (int k = 0; k < x->tab.nmeas; k++) {
        size_t va = cs[x->tab.mcol[k]], vb = ce[x->tab.mcol[k]];
        char val[32];
        const vp_rule *r = cell_value(x, S, va, vb, val);
        if (!r)
            continue;
        vp_target *tg = new_target(x, ni, val, x->tab.munit[k], vp_rule_attr(r, "op"), year);
        tg->indicator = x->tab.mind[k];
        tg->line = locate(x, ni, va, vb, &tg->span);
        push_target(x, ni, tg);
    }
}

/* Reads the node's line as a table row; 1 when it was one (header or targets row).  The planned
 * columns of a header that name two years or more ("Chỉ tiêu | ĐVT | 2026 | 2027 | … | 2030",
 * "Mục tiêu đến năm 2025 | Mục tiêu đến năm 2030") are each read, by their year; else the last. */
static int table_row(fctx *x, const nodeinfo *ni)
{
    const char *S = ni->s;
    const size_t *cs = ni->cs, *ce = ni->ce;
    int n = row_cells(ni, 3, &x->tab.ncells);
    if (!n)
        return 0;
    if (year_table_head(x, ni, n))
        return 1;
    int ind = -1, ucol = -1, not = 0, np = 0, pcol[8], pyear[8], past = 0;
    for (int i = 0; i < n && !not; i++) {
        if (cell_is(x, "table-head-not", S, cs[i], ce[i]))
            not = 1;
        else if (ind < 0 && cell_is(x, "table-head-indicator", S, cs[i], ce[i]))
            ind = i;
        else if (ucol < 0 && cell_is(x, "table-head-unit", S, cs[i], ce[i]))
            ucol = i;
        else if (ind >= 0 && cell_is(x, "table-head-past", S, cs[i], ce[i]))
            past = np > 0; /* "Kế hoạch 2025 | Ước thực hiện 2025 | Kế hoạch 2026": the year before's */
        else if (ind >= 0 && cell_is(x, "table-head-plan", S, cs[i], ce[i])) {
            int y = cell_year(S, cs[i], ce[i]);
            if (np > 0 && (past || !y || y <= pyear[np - 1] || !pyear[np - 1] || np == 8))
                np = 0; /* not a later year than the column before: the last column alone */
            past = 0;
            pcol[np] = i;
            pyear[np++] = y;
        }
    }
    if (not) {
        x->tab.ncells = 0;
        return 0;
    }
    if (ind >= 0 && np > 0) { /* a header row */
        x->tab.years = 0;
        x->tab.ncells = n;
        x->tab.ind = ind;
        x->tab.unit = ucol;
        x->tab.nplan = np;
        memcpy(x->tab.plan, pcol, (size_t)np * sizeof *pcol);
        memcpy(x->tab.by, pyear, (size_t)np * sizeof *pyear);
        return 1;
    }
    if (!x->tab.ncells || n != x->tab.ncells)
        return 0;
    if (x->tab.years) {
        year_table_row(x, ni);
        return 1;
    }
    for (int k = 0; k < x->tab.nplan; k++)
        table_target(x, ni, x->tab.plan[k], x->tab.by[k]);
    return 1;
}

/* What is done to a share, said before its figure (targets field=indicator-doing): the words of
 * the clause S[clause_a..end), or of its last part after a comma ("…, mạng 5G phủ sóng 95% dân
 * số"); the rule that read them, with their place in *ba..*bb, or NULL. */
static const vp_rule *doing_before(fctx *x, const vp_family *fam, const char *S, size_t clause_a, size_t end,
                                   size_t *ba, size_t *bb)
{
    size_t p = part_start(S, clause_a, end);
    for (int pass = 0; pass < 2; pass++) {
        size_t a = pass ? p : clause_a, b = end;
        if (pass && (p <= clause_a || S[p - 1] != ','))
            break;
        trim_range(S, &a, &b);
        const vp_rule *r = b > a && b - a <= DOING_MAX
                               ? vp_family_first_attr(fam, "field", "indicator-doing", x->m, S + a, b - a, 0)
                               : NULL;
        if (r) {
            /* not the words that open a goal (indicator-lead: "Ưu tiên phụ nữ chiếm 50% …":
             * "phụ nữ chiếm") */
            size_t ms, me;
            if (vp_family_first_attr(fam, "field", "indicator-lead", x->m, S + a, b - a, 0)) {
                vp_match_range(x->m, &ms, &me);
                if (ms == 0 && me > 0 && a + me < b) {
                    a += me;
                    trim_range(S, &a, &b);
                }
            }
            *ba = a;
            *bb = b;
            return r;
        }
    }
    return NULL;
}

/* The words the parts of a list share before their verb: ind, a part that opens in small letters
 * on two words prev holds after its first ("Lực lượng lao động tham gia bảo hiểm xã hội đạt 45%,
 * 35% tham gia bảo hiểm thất nghiệp"), led by the words of prev before them ("Lực lượng lao động
 * tham gia bảo hiểm thất nghiệp"); NULL when ind names a measure of its own (indicator-measure:
 * "tỷ lệ …", "số …") or is no such part. */
static const char *shared_head(fctx *x, const vp_family *fam, const char *prev, const char *ind)
{
    size_t n = strlen(ind), w1 = strcspn(ind, " ");
    if (!n || is_upper_at(ind, n, 0) || (ind[0] >= '0' && ind[0] <= '9') || !ind[w1] ||
        vp_family_first_attr(fam, "field", "indicator-measure", x->m, ind, n, 0))
        return NULL;
    size_t w2 = w1 + 1 + strcspn(ind + w1 + 1, " ");
    for (const char *p = strstr(prev, " "); p; p = strstr(p + 1, " "))
        if (!strncmp(p + 1, ind, w2) && (p[1 + w2] == ' ' || p[1 + w2] == '\0'))
            return vp_arena_printf(x->doc->arena, "%.*s %s", (int)(p - prev), prev, ind);
    return NULL;
}

/* Is S[a..b) no more than the comma or "và" between two parts of a list? */
static int list_gap(const char *S, size_t a, size_t b)
{
    while (a < b && S[a] == ' ')
        a++;
    if (a < b && S[a] == ',')
        a++;
    while (a < b && S[a] == ' ')
        a++;
    if (b - a >= 4 && !memcmp(S + a, "và ", 4))
        a += 4;
    while (a < b && S[a] == ' ')
        a++;
    return a == b;
}

/* A label over lines of figures by quarter ("Số người tham gia BHYT (người):", targets
 * field=target-list-label), then a line a group ("- Thôn Đồng Tâm: Quý I: 1.820; Quý II: 1.850;
 * Quý III: 1.880; Quý IV: 1.905", field=target-quarters): the last quarter's figure is the group's
 * target for the year, named and counted by the label (a target is due by a year, not a quarter).
 * 1 when the node was such a label or line; any other node ends the label's list. */
static int quarter_line(fctx *x, const nodeinfo *ni)
{
    const char *S = ni->s;
    size_t gs, ge, us, ue;
    if (ni->len < 240 && !memchr(S, '\n', ni->len) &&
        vp_family_first_attr(x->f_targets, "field", "target-list-label", x->m, S, ni->len, 0) &&
        vp_match_group(x->m, "indicator", &gs, &ge) && ge > gs && vp_match_group(x->m, "unit", &us, &ue) && ue > us) {
        x->qlab.ind = squeeze(x->doc->arena, S + gs, ge - gs);
        x->qlab.unit = squeeze(x->doc->arena, S + us, ue - us);
        return 1;
    }
    if (!x->qlab.ind)
        return 0;
    if (ni->ncells || !vp_family_first_attr(x->f_targets, "field", "target-quarters", x->m, S, ni->len, 0) ||
        !vp_match_group(x->m, "value", &gs, &ge) || ge <= gs) {
        x->qlab.ind = x->qlab.unit = NULL;
        return 0;
    }
    char val[32];
    vp_date_decimal_text(S + gs, ge - gs, val, sizeof val);
    if (!val[0])
        return 1;
    size_t ys, ye;
    int by = vp_match_group(x->m, "by", &ys, &ye) && ye > ys ? vp_date_int(S + ys, ye - ys) : 0;
    for (const vp_node *p = ni->node ? ni->node->parent : NULL; p && !by; p = p->parent)
        by = own_by(x, p);
    vp_target *tg = new_target(x, ni, val, x->qlab.unit, "ge", by);
    tg->indicator = x->qlab.ind;
    tg->line = locate(x, ni, gs, ge, &tg->span);
    push_target(x, ni, tg);
    return 1;
}

/* A label over lines of targets a group each: what they measure alone on its line ("Tỷ lệ trẻ em dưới
 * 1 tuổi được tiêm chủng đầy đủ:") or in brackets after a heading's words ("2. Chỉ tiêu theo thôn (tỷ lệ
 * hộ phân loại rác tại nguồn đến cuối năm 2026)"), targets field=target-group-label: its measure, without
 * its year, and that year kept in x->glab while lines a group ("- Xã A: 98%", field=target-scope) or the
 * whole (field=target-whole) follow; any other node ends it. */
static void group_label(fctx *x, const nodeinfo *ni)
{
    const vp_family *fam = x->f_targets;
    const char *S = ni->s;
    size_t gs, ge;
    if (!ni->ncells && ni->len < 320 && !memchr(S, '\n', ni->len) &&
        vp_family_first_attr(fam, "field", "target-group-label", x->m, S, ni->len, 0) &&
        vp_match_group(x->m, "indicator", &gs, &ge) && ge > gs) {
        size_t e = cut_due_year(x, fam, S, gs, ge, 1);
        trim_range(S, &gs, &e);
        if (e > gs) {
            x->glab.ind = squeeze(x->doc->arena, S + gs, e - gs);
            x->glab.by = find_by(x, S, ni->len, 0, ni->len, 0, NULL, NULL);
            return;
        }
    }
    if (x->glab.ind && !ni->ncells &&
        (vp_family_first_attr(fam, "field", "target-scope", x->m, S, ni->len, 0) ||
         vp_family_first_attr(fam, "field", "target-whole", x->m, S, ni->len, 0)))
        return;
    x->glab.ind = NULL;
    x->glab.by = 0;
}

static void do_targets(fctx *x, const nodeinfo *ni)
{
    group_label(x, ni);
    if (table_row(x, ni) || quarter_line(x, ni))
        return;
    const vp_family *fam = x->f_targets;
    vp_arena *A = x->doc->arena;
    fcands c = {0};
    collect(x, fam, "skip", NULL, ni->s, ni->len, &c); /* "trích lại 35%": a share, not a target */
    for (size_t i = 0; i < c.n; i++)
        busy_add(x, c.v[i].s, c.v[i].e);
    c.n = 0;
    /* the count a line of costs is reckoned on ("Hỗ trợ 25 hộ x 2 triệu đồng/hộ", field=cost): no
     * target, its words left to the budget, whose amount may hold them ("25 hộ x 2.000.000 đồng/hộ") */
    fcands cost = {0};
    collect(x, fam, "cost", NULL, ni->s, ni->len, &cost);
    collect(x, fam, NULL, TGT_G, ni->s, ni->len, &c);
    fcands np = {0};
    collect(x, fam, "nopct", TGT_G, ni->s, ni->len, &np);
    for (size_t i = 0; i < np.n; i++)
        cands_push(&c, &np.v[i]);
    free(np.v);
    select_nonoverlap(&c);
    const char *S = ni->s;
    const char *prev_ind = NULL;
    const char *past_ind = NULL; /* what the last figure of the past measured */
    pastnote past = {0};
    label_memo lab = {SIZE_MAX, NULL, 0};
    struct mine_t {
        vp_target *tg;
        size_t vs, ve; /* its value in S */
        int after;     /* its indicator follows the value */
        const char *raw, *lead; /* its words after the value and what led them, if any */
        int lead_all;           /* what led them leads every part of its list */
        size_t ie;              /* where its words end in S */
    } *mine = NULL;
    size_t nmine = 0, capmine = 0;
    for (size_t i = 0; i < c.n; i++) {
        const fcand *k = &c.v[i];
        if (!has(k, TG_VALUE) || busy_hit(x, k->gs[TG_VALUE], k->ge[TG_VALUE]) ||
            cands_hit(&cost, k->gs[TG_VALUE], k->ge[TG_VALUE]))
            continue;
        if (past_told(x, ni, k->gs[TG_VALUE]) || past_after(x, ni, k->gs[TG_VALUE], k->ge[TG_VALUE])) {
            size_t b = k->ge[TG_VALUE];
            if (has(k, TG_UNIT) && k->ge[TG_UNIT] > b)
                b = k->ge[TG_UNIT];
            const char *ua = vp_rule_attr(k->rule, "unit");
            /* a share written as a count of a total ("12/17") is quoted as it is */
            int ratio = memchr(ni->s + k->gs[TG_VALUE], '/', k->ge[TG_VALUE] - k->gs[TG_VALUE]) != NULL;
            pastnote_add(x, ni, &past, k->gs[TG_VALUE], b,
                         !ratio && !has(k, TG_UNIT) && (!ua || strcmp(ua, "%") == 0) ? "%" : "");
            if (has(k, TG_IND)) { /* what it measured, for a target after it that names none */
                size_t pa = k->gs[TG_IND], pb = k->ge[TG_IND];
                trim_range(S, &pa, &pb);
                trim_indicator(x, fam, S, &pa, &pb);
                if (pb > pa) /* not its year ("Tỷ lệ hộ nghèo năm 2025 là 3,2%") */
                    pb = cut_due_year(x, fam, S, pa, pb, 0);
                trim_range(S, &pa, &pb);
                if (pb > pa) {
                    past_ind = squeeze(A, S + pa, pb - pa);
                    /* where a task was done, after its figure ("huyện đã hoàn thành kết nối mạng …
                     * đến 100% xã, thị trấn; phấn đấu năm 2026 duy trì 100%"): what was done leads
                     * it, as for a target (indicator-for) */
                    size_t vs = k->gs[TG_VALUE], ca = k->s, ba, bb;
                    while (ca > 0 && S[ca - 1] != '.' && S[ca - 1] != ';' && S[ca - 1] != '\n')
                        ca--;
                    if (ca == 0 || S[ca - 1] == '\n')
                        ca = past_number(S, ca, k->s);
                    size_t wa = near_start(S, ca, vs);
                    if (pa >= k->ge[TG_VALUE] && vs > wa && !has(k, TG_PREFIX) &&
                        vp_family_first_attr(fam, "field", "indicator-for", x->m, S + wa, vs - wa, 0) &&
                        (indicator_before(x, fam, S, ca, k->s < vs ? k->s : vs, &ba, &bb), bb > ba))
                        past_ind = vp_arena_printf(A, "%s %s", squeeze(A, S + ba, bb - ba), past_ind);
                }
            }
            continue;
        }
        char val[32];
        /* an amount of money in a text whose decimal mark is ",": "305,900 tỷ đồng" is 305.9 */
        int money = x->comma_dec && (has(k, TG_SCALE) || (has(k, TG_UNIT) &&
                                                          money_unit(S + k->gs[TG_UNIT], k->ge[TG_UNIT] - k->gs[TG_UNIT])));
        const char *fixed = vp_rule_attr(k->rule, "value"); /* "Không để xảy ra …": the words say the figure */
        if (fixed && under_heading(x, ni->node, "rule-heading"))
            continue; /* "Yêu cầu: … không để xảy ra sai sót": a rule of the work, no target */
        unsigned part = 0, all = 0;
        if (fixed && !strcmp(fixed, "share")) { /* value=share: "18/20 xã" is 90% of them */
            if (sscanf(S + k->gs[TG_VALUE], "%u / %u", &part, &all) != 2 || all == 0 || part > all)
                continue;
            share_text(100.0 * part / all, val, sizeof val);
        } else if (fixed)
            snprintf(val, sizeof val, "%s", fixed);
        else
            vp_date_decimal_text_mark(S + k->gs[TG_VALUE], k->ge[TG_VALUE] - k->gs[TG_VALUE], money, val, sizeof val);
        if (!val[0])
            continue;
        if (has(k, TG_SCALE)) /* "23,5 nghìn lao động": the value in thousands (millions: "triệu") */
            scale_value(S + k->gs[TG_SCALE], k->ge[TG_SCALE] - k->gs[TG_SCALE], val, sizeof val);
        int nopct = field_is(k->rule, "nopct");
        const char *unit = NULL;
        if (has(k, TG_UNIT)) { /* as written, "/" included ("/100.000 trẻ đẻ sống") */
            size_t a = k->gs[TG_UNIT], b = k->ge[TG_UNIT];
            while (a < b && (S[a] == ' ' || S[a] == '\t'))
                a++;
            while (b > a && (S[b - 1] == ' ' || S[b - 1] == '\t'))
                b--;
            unit = squeeze(A, S + a, b - a);
        } else
            unit = vp_rule_attr(k->rule, "unit");
        if (!unit)
            unit = "%";
        /* indicator, and a due year in the clause */
        size_t ia = k->e, ib = k->e;
        if (has(k, TG_IND)) {
            ia = k->gs[TG_IND];
            ib = k->ge[TG_IND];
        }
        size_t clause_a = k->s;
        while (clause_a > 0 && S[clause_a - 1] != '.' && S[clause_a - 1] != ';' && S[clause_a - 1] != '\n')
            clause_a--;
        if (clause_a == 0 || S[clause_a - 1] == '\n')
            clause_a = past_number(S, clause_a, k->s);
        size_t clause_b = k->e > ib ? k->e : ib;
        while (clause_b < ni->len && S[clause_b] != '.' && S[clause_b] != ';' && S[clause_b] != '\n' &&
               S[clause_b] != '%')
            clause_b++;
        size_t bys = 0, bye = 0;
        int by = 0;
        if (has(k, TG_BY))
            by = vp_date_int(S + k->gs[TG_BY], k->ge[TG_BY] - k->gs[TG_BY]);
        if (by < 1900 || by >= 2200) {
            by = find_by(x, S, ni->len, clause_a, clause_b, k->s, &bys, &bye);
            if (by && bys >= ia && bys < ib)
                ib = bys; /* the due year is not part of the indicator */
        }
        if (!by && clause_a > 0 && S[clause_a - 1] == ';') {
            /* a list after a label that names the year ("Cơ cấu kinh tế đến năm 2030: công
             * nghiệp khoảng 45%; dịch vụ khoảng 38,5%; …"): the label's year is each one's */
            size_t la = clause_a - 1;
            while (la > 0 && S[la - 1] != '\n' && !(S[la - 1] == '.' && (S[la] == ' ' || S[la] == '\n')))
                la--; /* the sentence's start: not a dot inside a figure ("79.500 ha") */
            const char *colon = memchr(S + la, ':', clause_a - la);
            if (colon) {
                by = find_by(x, S, ni->len, la, (size_t)(colon - S), (size_t)(colon - S), NULL, NULL);
            } else {
                /* or a sentence that opens on its time ("Đến năm 2030, …; bố trí ổn định dân cư
                 * cho 150 hộ …", "Giai đoạn 2026-2030, …; giá trị sản xuất … tăng 12%/năm"), not
                 * a time past ("Đến hết năm 2024, … đạt 92,5%; năm 2025 …": a status) */
                while (la < clause_a && (S[la] == ' ' || S[la] == '\t'))
                    la++;
                const char *comma = memchr(S + la, ',', clause_a - la);
                size_t ce = comma ? (size_t)(comma - S) : 0;
                /* longer words before the time when the time ends them ("Kế hoạch đề ra mục
                 * tiêu đến năm 2030, …", as news items write it) */
                size_t ys = 0, ye = 0;
                if (comma && ce - la <= 96 && !memchr(S + la, '%', ce - la)) {
                    by = find_by(x, S, ni->len, la, ce, ce, &ys, &ye);
                    if (by && ce - la > 48 && ye != ce)
                        by = 0;
                }
                if (by && x->plan_year > 0 && by < x->plan_year)
                    by = 0;
            }
        }
        int by_here = by != 0;
        /* else the headings over it: its items', its section's, then the part over that section
         * ("PHẦN II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025" / "I. MỤC TIÊU") */
        const vp_node *sec = NULL;
        for (const vp_node *p = ni->node ? ni->node->parent : NULL; p && !by; p = p->parent) {
            if (p->type == VP_NODE_SECTION)
                sec = p;
            by = own_by(x, p);
        }
        if (!by && ni->node && ni->node->type == VP_NODE_SECTION)
            sec = ni->node;
        if (!by && sec && sec->part)
            by = own_by(x, sec->part);
        trim_range(S, &ia, &ib);
        trim_indicator(x, fam, S, &ia, &ib);
        if (ib > ia && ib <= k->gs[TG_VALUE]) {
            /* an indicator before its figure that ends on its year ("Tỷ lệ xã đạt chuẩn … năm
             * 2026 đạt 40%"): the year is the due year, not part of the name */
            size_t ib2 = cut_due_year(x, fam, S, ia, ib, 0), ms, me;
            if (ib2 != ib && ib2 > ia) {
                if (!by_here)
                    by = vp_date_int(S + ib - 4, 4);
                ib = ib2;
                trim_range(S, &ia, &ib);
            } else if (ia > 0 && S[ia - 1] == ' ' && ib - ia >= 8 && S[ib - 1] >= '0' && S[ib - 1] <= '9' &&
                       vp_family_first_attr(fam, "field", "indicator-year", x->m, S + ia - 1, ib - ia + 1, 0)) {
                /* the words before the figure are its due year alone ("…; năm 2025 đạt tối thiểu
                 * 94%"): the name is found before them */
                vp_match_range(x->m, &ms, &me);
                if (ms == 0 && me == ib - ia + 1) {
                    if (!by_here)
                        by = vp_date_int(S + ib - 4, 4);
                    ib = ia;
                }
            }
        }
        size_t pw = near_start(S, clause_a, k->gs[TG_VALUE]);
        if (ib > ia && unit && strlen(unit) == ib - ia && !memcmp(S + ia, unit, ib - ia) &&
            !(has(k, TG_PREFIX) && k->ge[TG_PREFIX] > k->gs[TG_PREFIX]) &&
            (memchr(S + clause_a, ':', k->s - clause_a) || measure_leads(x, fam, S, clause_a, k->s)) &&
            !(k->gs[TG_VALUE] > pw &&
              vp_family_first_attr(fam, "field", "indicator-part-before", x->m, S + pw, k->gs[TG_VALUE] - pw, 0)))
            /* "Số xã đạt chuẩn …: thêm 03 xã", "Số người tham gia bảo hiểm xã hội tự nguyện tăng
             * thêm 500 người": the words before say what the unit counts; not after a verb of
             * doing the rule read ("Hội LHPN huyện: kết nạp mới 450 hội viên": that verb leads),
             * nor a part after "trong đó" ("Chỉ tiêu giao quân: 185 công dân, trong đó có 12 đảng
             * viên": the part's unit is what it counts) */
            ib = ia;
        if (ib <= ia && !prev_ind && !line_has_words(S, ni->len, k->gs[TG_VALUE]))
            continue; /* a value alone on its line ("100%": a table cell, a page's zoom control) */
        if (ib <= ia)
            indicator_before(x, fam, S, clause_a, k->s < k->gs[TG_VALUE] ? k->s : k->gs[TG_VALUE], &ia, &ib);
        vp_target *tg = new_target(x, ni, val, unit, vp_rule_attr(k->rule, "op"), by);
        tg->indicator = ib > ia ? squeeze(A, S + ia, ib - ia) : NULL;
        size_t vs = k->gs[TG_VALUE], gs, ge;
        size_t ob = open_bracket(S, clause_a, vs);
        if (ob != SIZE_MAX && (ib <= ia || (ia > ob && vp_family_first_attr(fam, "field", "indicator-note", x->m,
                                                                             S + ia, ib - ia, 0)))) {
            /* "Tỷ lệ người dân hài lòng … (chỉ tiêu: trên 70%)": a figure in a note after what it
             * measures, the note naming no indicator of its own */
            size_t na, nb;
            indicator_before(x, fam, S, clause_a, ob, &na, &nb);
            const char *before = NULL; /* "… đạt 100% kế hoạch vốn (đến ngày 30/6 đạt 45%, …)": the
                                        * figure before the note names what it measures */
            for (size_t j = nmine; j > 0 && mine[j - 1].vs >= clause_a && !before; j--)
                if (mine[j - 1].ve <= ob)
                    before = mine[j - 1].tg->indicator;
            if (before)
                tg->indicator = before;
            else if (nb > na)
                tg->indicator = squeeze(A, S + na, nb - na);
        }
        /* the words right before the figure, for the rules anchored at it: a window, so that a
         * line of a thousand figures is not read a thousand times */
        size_t wa = near_start(S, clause_a, vs), ba, bb;
        const vp_rule *base = tg->indicator && ia >= k->ge[TG_VALUE]
                                  ? vp_family_first_attr(fam, "field", "indicator-base", x->m, tg->indicator,
                                                         strlen(tg->indicator), 0)
                                  : NULL;
        const char *join = base ? vp_rule_attr(base, "join") : NULL;
        const char *ind0 = tg->indicator;
        const char *ca;
        const vp_rule *doing = NULL; /* the rule that read what is done to the share, if one did */
        if (tg->indicator && ia >= k->ge[TG_VALUE] &&
            (base || (vs > wa && !has(k, TG_PREFIX) &&
                      vp_family_first_attr(fam, "field", "indicator-for", x->m, S + wa, vs - wa, 0))) &&
            (indicator_before(x, fam, S, clause_a, k->s < vs ? k->s : vs, &ba, &bb), bb > ba))
            /* "Tiêm phòng bệnh Dại cho chó, mèo đạt trên 70% tổng đàn", "Tổ chức tuyên truyền …
             * cho 100% học sinh": the words after the figure only say what it is a share of;
             * what is done leads them (joined by the base rule's word: "… trong GRDP") */
            tg->indicator = vp_arena_printf(A, "%s %s%s%s", squeeze(A, S + ba, bb - ba), join ? join : "",
                                            join ? " " : "", tg->indicator);
        else if (tg->indicator && ia >= k->ge[TG_VALUE] && vs > wa &&
                 vp_family_first_attr(fam, "field", "indicator-verb", x->m, S + wa, vs - wa, 0) &&
            vp_match_group(x->m, "verb", &gs, &ge)) /* "giảm ít nhất 10% số người nghiện …" */
            tg->indicator = vp_arena_printf(A, "%.*s %s", (int)(ge - gs), S + wa + gs, tg->indicator);
        else if (tg->indicator && ib <= k->s && k->s < vs && (!strcmp(unit, "%") || !strcmp(unit, "điểm %")) && vs > wa &&
                 vp_family_first_attr(fam, "field", "indicator-verb", x->m, S + wa, vs - wa, 0) &&
                 vp_match_group(x->m, "verb", &gs, &ge) && wa + gs >= k->s)
            /* "Giá trị sản xuất nông nghiệp tăng 3,5%": the rise the figure is, as "Tỷ lệ hộ nghèo
             * giảm 1,5%" keeps its verb */
            tg->indicator = vp_arena_printf(A, "%s %.*s", tg->indicator, (int)(ge - gs), S + wa + gs);
        else if (tg->indicator && ia >= k->ge[TG_VALUE] && !strcmp(unit, "%") &&
                 (doing = doing_before(x, fam, S, clause_a, k->s < vs ? k->s : vs, &ba, &bb)))
            /* "Giải quyết dứt điểm 100% đơn thư khiếu nại": what is done to the share leads what
             * it is a share of */
            tg->indicator = vp_arena_printf(A, "%s %s", squeeze(A, S + ba, bb - ba), tg->indicator);
        else if (tg->indicator && ia >= k->ge[TG_VALUE] && has(k, TG_PREFIX) && k->ge[TG_PREFIX] > k->gs[TG_PREFIX])
            /* "tạo việc làm mới cho 2.200 lao động": "tạo việc làm mới cho lao động" */
            tg->indicator = vp_arena_printf(A, "%s %s", squeeze(A, S + k->gs[TG_PREFIX], k->ge[TG_PREFIX] - k->gs[TG_PREFIX]),
                                            tg->indicator);
        if (base && vp_rule_attr(base, "plan") && tg->indicator == ind0 && prev_ind && nmine > 0 &&
            !sentence_ends(S, mine[nmine - 1].ve, vs))
            /* "… đạt trên 60% và đến ngày 31/01/2026 đạt 100% kế hoạch vốn được giao": a share of
             * the plan, no words of its own, measures what the figure before it does */
            tg->indicator = prev_ind;
        else if (tg->indicator && prev_ind)
            tg->indicator = indicator_part(x, fam, tg->indicator, prev_ind);
        if (tg->indicator && prev_ind && ia >= k->ge[TG_VALUE] && vs > wa &&
            !same_first_word(prev_ind, tg->indicator) && !has_letter(unit, strlen(unit)) &&
            vp_family_first_attr(fam, "field", "indicator-part-before", x->m, S + wa, vs - wa, 0))
            /* "…, trong đó 50% đạt …"; not one naming its own ("100% xã đạt chuẩn nông thôn mới,
             * trong đó 30% xã đạt chuẩn nông thôn mới nâng cao"), nor a count, whose unit names
             * what it counts ("Giao 185 công dân nhập ngũ, trong đó có 12 đảng viên": "đảng viên") */
            tg->indicator = vp_arena_printf(A, "%s %s", prev_ind, tg->indicator);
        if (tg->indicator && ib <= k->gs[TG_VALUE] && ia > clause_a)
            tg->indicator = indicator_label(x, fam, S, clause_a, ia, tg->indicator, &lab);
        if (tg->indicator && prev_ind && ib <= vs && ia > clause_a && nmine > 0 && !strcmp(unit, "%") &&
            !strcmp(mine[nmine - 1].tg->unit, "%") && !memchr(S + mine[nmine - 1].ve, '.', ia - mine[nmine - 1].ve))
            /* "tỷ lệ cấp ủy viên nữ đạt từ 20% trở lên, cấp ủy viên trẻ tuổi đạt từ 10% trở lên"
             * (or after a ";"): the measure of the figure before leads one named without its own */
            tg->indicator = measure_of(x, fam, prev_ind, tg->indicator);
        if (!tg->indicator && prev_ind && !(nmine > 0 && sentence_ends(S, mine[nmine - 1].ve, vs))) {
            tg->indicator = prev_ind; /* "đạt 50% vào năm 2025 và 60% vào năm 2030" (not one of the
                                       * sentence before) */
            if (vs > wa && nmine > 0 && vp_family_first_attr(fam, "field", "indicator-verb", x->m, S + wa, vs - wa, 0) &&
                vp_match_group(x->m, "verb", &gs, &ge) && wa + gs >= mine[nmine - 1].ve)
                /* "… đạt 75%, tăng 8% so với năm 2025": the rise is the figure, as "Tỷ lệ hộ nghèo
                 * giảm 1,5%" keeps its verb */
                tg->indicator = vp_arena_printf(A, "%s %.*s", prev_ind, (int)(ge - gs), S + wa + gs);
        }
        if (!tg->indicator && past_ind && !nmine)
            tg->indicator = past_ind; /* "Năm 2024, tỷ lệ hộ nghèo còn 2,1%; năm 2025 giảm còn 1,5%" */
        if (!tg->indicator && unit && strchr(unit, '/') && has(k, TG_UNIT))
            tg->indicator = unit; /* "Có 12 bác sĩ/vạn dân": the ratio names what it measures */
        /* the words that led the words after the figure ("Hạ tầng băng rộng cáp quang phủ" of
         * "… phủ 100% số xã") */
        const char *lead = NULL;
        int lead_all = 0; /* it leads every part of the list after it (carry=lead: "phủ") */
        size_t n0 = ind0 ? strlen(ind0) : 0, nt = tg->indicator ? strlen(tg->indicator) : 0;
        if (ind0 && tg->indicator && tg->indicator != ind0 && ia >= k->ge[TG_VALUE] && nt > n0 + 1 &&
            !strcmp(tg->indicator + nt - n0, ind0) && tg->indicator[nt - n0 - 1] == ' ')
            lead = vp_arena_printf(A, "%.*s", (int)(nt - n0 - 1), tg->indicator);
        if (lead && doing && (ca = vp_rule_attr(doing, "carry")) && !strcmp(ca, "lead"))
            lead_all = 1;
        const struct mine_t *pm = nmine > 0 ? &mine[nmine - 1] : NULL;
        if (ind0 && tg->indicator == ind0 && ia >= k->ge[TG_VALUE] && !strcmp(unit, "%") && pm && pm->lead &&
            pm->raw && !strcmp(pm->tg->unit, "%") && (pm->lead_all || same_first_word(pm->raw, ind0)) &&
            list_gap(S, pm->ie, k->s)) {
            /* "… phủ 100% số xã, 95% số thôn", "… phủ 100% thôn, bản, 98% hộ gia đình": the next
             * part of the list, what led the part before leads it (of the same kind, or any after
             * a verb that carries, carry=lead) */
            tg->indicator = vp_arena_printf(A, "%s %s", pm->lead, ind0);
            lead = pm->lead;
            lead_all = pm->lead_all;
        } else if (ind0 && tg->indicator == ind0 && prev_ind && pm && !strcmp(unit, "%") && !strcmp(pm->tg->unit, "%") &&
                   pm->ve <= (ia < vs ? ia : vs)) {
            /* "Lực lượng lao động tham gia bảo hiểm xã hội đạt 45%, 35% tham gia bảo hiểm thất
             * nghiệp" (or "…, tham gia bảo hiểm thất nghiệp đạt 30%"): in the same clause, the
             * words before the verb both parts share lead the second */
            size_t j = pm->ve, je = ia < vs ? ia : vs;
            while (j < je && !strchr(".;:\n", S[j]))
                j++;
            const char *sh = j == je ? shared_head(x, fam, prev_ind, ind0) : NULL;
            if (sh)
                tg->indicator = sh;
        }
        prev_ind = tg->indicator;
        size_t a = k->s, b = k->e;
        trim_range(S, &a, &b);
        if (a > k->gs[TG_VALUE])
            a = k->gs[TG_VALUE];
        if (b < k->ge[TG_VALUE])
            b = k->ge[TG_VALUE];
        tg->line = locate(x, ni, a, b, &tg->span);
        if (has(k, TG_SCOPE) && k->ge[TG_SCOPE] > k->gs[TG_SCOPE])
            /* "Số tổ công nghệ số cộng đồng hoạt động hiệu quả: 100% thôn, tổ dân phố": the groups
             * the share is of, after the figure, are its scope */
            tg->scope = squeeze(A, S + k->gs[TG_SCOPE], k->ge[TG_SCOPE] - k->gs[TG_SCOPE]);
        push_target(x, ni, tg);
        if (nmine == capmine) {
            capmine = capmine ? capmine * 2 : 8;
            mine = vp_xrealloc(mine, capmine * sizeof *mine);
        }
        mine[nmine].tg = tg;
        mine[nmine].vs = k->gs[TG_VALUE];
        mine[nmine].ve = k->ge[TG_VALUE];
        mine[nmine].raw = ia >= k->ge[TG_VALUE] ? ind0 : NULL;
        mine[nmine].lead = lead;
        mine[nmine].lead_all = lead_all;
        mine[nmine].ie = ib;
        mine[nmine++].after = tg->indicator && ia >= k->ge[TG_VALUE];
        /* a sum of money that is a target ("Thu nhập bình quân đầu người: 60 triệu đồng") is
         * not also an amount of the budget */
        if (has(k, TG_UNIT) && strstr(unit, "đồng"))
            busy_add(x, k->gs[TG_VALUE], k->ge[TG_UNIT] > k->ge[TG_VALUE] ? k->ge[TG_UNIT] : k->ge[TG_VALUE]);
        if (nopct)
            vp_diag_add(&x->doc->diags, "target-without-percent", (int)tg->line,
                        "target value without %%: \"%s\" is read as %s%%", squeeze(A, S + a, b - a), val);
    }
    /* "phấn đấu đến năm 2025 đạt 60%, đến năm 2030 đạt 75% các cơ quan …": a figure without
     * an indicator shares the one after the next figure of its sentence */
    for (size_t i = nmine; i-- > 1;) {
        const struct mine_t *p = &mine[i - 1], *q = &mine[i];
        if (p->tg->indicator || !q->after || q->vs < p->ve)
            continue;
        size_t j = p->ve;
        while (j < q->vs && S[j] != '.' && S[j] != ';' && S[j] != '\n' && S[j] != ':')
            j++;
        if (j == q->vs)
            p->tg->indicator = q->tg->indicator;
    }
    free(mine);
    pastnote_flush(x, &past, "past-results",
                   past.n ? vp_arena_printf(A, "%zu figure%s of the past read as results, not targets", past.n,
                                            past.n == 1 ? "" : "s")
                          : "");
    free(cost.v);
    free(c.v);
}

/* ---- assignments -------------------------------------------------------- */

static void add_assignment(fctx *x, const nodeinfo *ni, const char *role, const char *kind, size_t a, size_t b)
{
    trim_range(ni->s, &a, &b);
    if (b <= a)
        return;
    size_t ms, me; /* a name the rules read past its end: cut where field=agency-end says it ends */
    if (vp_family_first_attr(x->f_assign, "field", "agency-end", x->m, ni->s + a, b - a, 0)) {
        vp_match_range(x->m, &ms, &me);
        if (ms > 0) {
            b = a + ms;
            trim_range(ni->s, &a, &b);
        }
    }
    vp_arena *A = x->doc->arena;
    char *agency = squeeze(A, ni->s + a, b - a);
    if (kind)
        agency = vp_arena_printf(A, "%s %s", kind, agency);
    uint64_t h = asg_key(ni->item, agency);
    const dset *d = &x->asg_seen;
    if (!role)
        role = "support";
    vp_span sp;
    size_t line = locate(x, ni, a, b, &sp);
    /* a news item's cues gather many sentences in one item: there an agency that leads one
     * task may support another, told on another line ("Sở Y tế là cơ quan thường trực …";
     * "… giao Sở Tài chính chủ trì, phối hợp với Sở Y tế …") */
    int news = x->doc->genre && strcmp(x->doc->genre, "news") == 0;
    for (size_t j = d->cap ? h & (d->cap - 1) : 0; d->cap && d->item[j]; j = (j + 1) & (d->cap - 1)) {
        const vp_assignment *p = d->item[j];
        /* the same agency in the same item (or both outside any: a news item's paragraphs) */
        int same_item = p->item && ni->item ? strcmp(p->item, ni->item) == 0 : p->item == ni->item;
        if (d->hash[j] == h && same_item && strcmp(p->agency, agency) == 0 &&
            !(news && p->line != line && strcmp(p->role, role) != 0))
            return;
    }
    vp_assignment *as = vp_arena_alloc(A, sizeof *as);
    as->id = vp_arena_printf(A, "a%d", ++x->nasg);
    as->item = ni->item;
    as->role = role;
    as->agency = agency;
    as->line = line;
    as->span = sp;
    if (x->asg_last)
        x->asg_last->next = as;
    else
        x->doc->assignments = as;
    x->asg_last = as;
    dset_add(&x->asg_seen, h, as);
}

/* Is the agency S[a..b) the document's own issuer ("Sở Xây dựng" in a plan of "SỞ XÂY DỰNG")?
 * Compared case-folded; the issuer may go on with its place ("SỞ XÂY DỰNG HÀ NỘI"). */
static int is_issuer(fctx *x, const char *S, size_t a, size_t b)
{
    const char *auth = x->doc->meta.authority;
    if (!auth || b <= a)
        return 0;
    if (!x->issuer_fold)
        x->issuer_fold = fold_lower(auth, strlen(auth));
    const char *fi = x->issuer_fold;
    char *fa = fold_lower(S + a, b - a);
    size_t la = strlen(fa);
    int same = strncmp(fa, fi, la) == 0 && (fi[la] == 0 || fi[la] == ' ') && strchr(fa, ' ') != NULL;
    free(fa);
    return same;
}

/* Assigns the agency of candidate k: its group agency, or its group name after the kind of
 * unit its group head names ("các phòng: Tư pháp": "Phòng Tư pháp"). */
static void assign_cand(fctx *x, const nodeinfo *ni, const char *role, const fcand *k)
{
    if (has(k, AG_NAME) && has(k, AG_HEAD) && k->ge[AG_HEAD] > k->gs[AG_HEAD]) {
        const char *h = ni->s + k->gs[AG_HEAD];
        size_t hl = k->ge[AG_HEAD] - k->gs[AG_HEAD];
        int32_t cp = -1;
        size_t n = vp_utf8_decode(h, hl, &cp);
        if (cp < 0 || n == 0)
            return;
        char up[4];
        size_t un = vp_utf8_encode(utf8proc_toupper(cp), up);
        const char *kind = vp_arena_printf(x->doc->arena, "%.*s%.*s", (int)un, up, (int)(hl - n), h + n);
        add_assignment(x, ni, role, kind, k->gs[AG_NAME], k->ge[AG_NAME]);
    } else if (has(k, AG_AGENCY)) {
        add_assignment(x, ni, role, NULL, k->gs[AG_AGENCY], k->ge[AG_AGENCY]);
    }
}

/* The role a rule gives its agency: its attribute self= instead of role= when the agency is
 * the document's own issuer ("Sở Xây dựng phối hợp với …" in the Sở's own plan: it leads). */
static const char *role_of(fctx *x, const nodeinfo *ni, const fcand *k)
{
    const char *self = vp_rule_attr(k->rule, "self");
    if (self && is_issuer(x, ni->s, k->gs[0], k->ge[0]))
        return self;
    return vp_rule_attr(k->rule, "role");
}

/* The agencies named in the cell [a,b) (assignments rule field=cell-agency, tried from the
 * end of each one found), each with the role; of the rules' matches the first in the cell (a
 * rule after another in the file may name the agency before the one it finds: "Sở Tài chính;
 * Các sở, ngành"), read again in the cell's text up to the one found. */
static void cell_agencies(fctx *x, const nodeinfo *ni, const char *role, size_t a, size_t b)
{
    size_t start = 0, gs, ge, ms, me;
    while (start < b - a) {
        const vp_rule *r = vp_family_first_attr(x->f_assign, "field", "cell-agency", x->m, ni->s + a, b - a, start);
        if (!r || !vp_match_group(x->m, "agency", &gs, &ge))
            break;
        vp_match_range(x->m, &ms, &me);
        while (ms > start) {
            size_t gs2, ge2, ms2, me2;
            if (!vp_family_first_attr(x->f_assign, "field", "cell-agency", x->m, ni->s + a, ms, start) ||
                !vp_match_group(x->m, "agency", &gs2, &ge2))
                break;
            vp_match_range(x->m, &ms2, &me2);
            if (ms2 >= ms)
                break;
            gs = gs2;
            ge = ge2;
            ms = ms2;
            me = me2;
        }
        add_assignment(x, ni, role, NULL, a + gs, a + ge);
        start = me > start ? me : start + 1;
    }
}

/* Reads the node's line as a row of a table of tasks (a line of cells between "|"): a header
 * row names the column of who leads and of who supports (field=table-head-lead,
 * table-head-support) and of when (deadlines field=table-head-time, for do_deadlines); each row
 * after it with as many cells assigns the agencies of those cells.  1 when the line was such a
 * row of a table with a column of who leads. */
static int assign_row(fctx *x, const nodeinfo *ni)
{
    const char *S = ni->s;
    const size_t *cs = ni->cs, *ce = ni->ce;
    int n = row_cells(ni, 3, &x->atab.ncells);
    if (!n)
        return 0;
    int lead = -1, support = -1, time = -1;
    for (int i = 0; i < n; i++) {
        if (lead < 0 && cell_rule(x, x->f_assign, "table-head-lead", S, cs[i], ce[i]))
            lead = i;
        else if (support < 0 && cell_rule(x, x->f_assign, "table-head-support", S, cs[i], ce[i]))
            support = i;
        else if (time < 0 && cell_rule(x, x->f_deadlines, "table-head-time", S, cs[i], ce[i]))
            time = i;
    }
    if (lead >= 0 || time >= 0) { /* a header row */
        x->atab.ncells = n;
        x->atab.lead = lead;
        x->atab.support = support;
        x->atab.time = time;
        return lead >= 0;
    }
    if (!x->atab.ncells || n != x->atab.ncells || x->atab.lead < 0)
        return 0; /* not a row of the table, or a table with no column of who leads */
    if (ce[x->atab.lead] > cs[x->atab.lead])
        cell_agencies(x, ni, "lead", cs[x->atab.lead], ce[x->atab.lead]);
    if (x->atab.support >= 0 && ce[x->atab.support] > cs[x->atab.support])
        cell_agencies(x, ni, "support", cs[x->atab.support], ce[x->atab.support]);
    return 1;
}

/* Append a copy of assignment a for item (a lead carried to the items it covers). */
static void append_copy(fctx *x, const vp_assignment *a, const char *item)
{
    vp_assignment *c = vp_arena_alloc(x->doc->arena, sizeof *c);
    *c = *a;
    c->id = vp_arena_printf(x->doc->arena, "a%d", ++x->nasg);
    c->item = item;
    c->next = NULL;
    if (x->asg_last)
        x->asg_last->next = c;
    else
        x->doc->assignments = c;
    x->asg_last = c;
    dset_add(&x->asg_seen, asg_key(c->item, c->agency), c);
}

/* "- Văn phòng - Thống kê xã chủ trì tham mưu:" and the items after it at the same level
 * ("- 100% hồ sơ …"): an item that names who is in charge and ends with ":" covers the
 * items after it, up to one that names its own or ends with ":" itself.  own: the
 * assignments the item ni just got, after last0 (NULL: from the first). */
static void carry_assignments(fctx *x, const nodeinfo *ni, vp_assignment *last0, int own)
{
    const vp_node *n = ni->node;
    if (n->type != VP_NODE_ITEM || n->first) {
        if (n->type == VP_NODE_ITEM || n->type == VP_NODE_SECTION)
            x->carry_parent = NULL;
        return;
    }
    size_t e = ni->len;
    while (e > 0 && (ni->s[e - 1] == ' ' || ni->s[e - 1] == '\t' || ni->s[e - 1] == '\n'))
        e--;
    int colon = e > 0 && ni->s[e - 1] == ':';
    if (own > 0 && colon) {
        x->carry_parent = n->parent;
        x->carry_first = last0 ? last0->next : x->doc->assignments;
        x->carry_n = own;
        return;
    }
    if (own > 0 || colon || x->carry_parent != n->parent || !n->parent) {
        x->carry_parent = NULL;
        return;
    }
    vp_assignment *a = x->carry_first;
    for (int k = 0; k < x->carry_n && a; k++, a = a->next)
        append_copy(x, a, ni->item);
}

/* The leads a preamble's closing sentence names for what follows (it ends with ":"), kept in
 * x->pre_lead: candidates of the rules with lead-in=yes and role lead, not the issuer. */
static void preamble_leads(fctx *x, const nodeinfo *ni)
{
    size_t e = ni->len;
    while (e > 0 && (ni->s[e - 1] == ' ' || ni->s[e - 1] == '\n'))
        e--;
    if (e == 0 || ni->s[e - 1] != ':')
        return;
    x->c.n = 0;
    collect_if(x, x->f_assign, NULL, "lead-in=yes", ASG_G, ni->s, ni->len, &x->c);
    select_nonoverlap(&x->c);
    for (size_t i = 0; i < x->c.n && x->npre_lead < PRE_LEADS; i++) {
        const fcand *k = &x->c.v[i];
        const char *role = role_of(x, ni, k);
        size_t a = k->gs[AG_AGENCY], b = k->ge[AG_AGENCY];
        if (!has(k, AG_AGENCY) || has(k, AG_NAME) || !role || strcmp(role, "lead") != 0)
            continue;
        trim_range(ni->s, &a, &b);
        if (b <= a || is_issuer(x, ni->s, a, b))
            continue;
        vp_assignment *as = &x->pre_lead[x->npre_lead++];
        memset(as, 0, sizeof *as);
        as->role = "lead";
        as->agency = squeeze(x->doc->arena, ni->s + a, b - a);
        as->line = locate(x, ni, a, b, &as->span);
    }
}

/* A section of tasks (its heading read, own: the assignments it gave) without a lead of its
 * own takes the preamble's (preamble_leads). */
static void section_takes_preamble(fctx *x, const nodeinfo *ni, const vp_assignment *first, int own)
{
    if (!x->npre_lead || !ni->item || ni->node->type != VP_NODE_SECTION || !ni->section_kind ||
        strcmp(ni->section_kind, "tasks") != 0)
        return;
    for (const vp_assignment *a = first; a && own > 0; a = a->next, own--)
        if (strcmp(a->role, "lead") == 0)
            return;
    for (int k = 0; k < x->npre_lead; k++)
        append_copy(x, &x->pre_lead[k], ni->item);
}

/* 1 when [at] lies inside a provision a paragraph of grounds (x->grounds_para) quotes ("Căn cứ …
 * quy định: “…, Ban Chủ nhiệm Đoàn Luật sư có trách nhiệm báo cáo …”"): the law's words, no task
 * the text gives. */
static int in_quoted_grounds(const fctx *x, const char *s, size_t len, size_t at)
{
    if (!x->grounds_para)
        return 0;
    static const char OPEN[] = "\xe2\x80\x9c", CLOSE[] = "\xe2\x80\x9d"; /* “ ” */
    int inside = 0;
    for (size_t k = 0; k < at && k + 3 <= len; k++) {
        if (!memcmp(s + k, OPEN, 3))
            inside = 1;
        else if (!memcmp(s + k, CLOSE, 3))
            inside = 0;
    }
    return inside;
}

/* 1 when the heading of node p ends in ':' and n, its first child, goes on right after it ("Điều
 * 3. Chánh Văn phòng …; Giám đốc các Sở:" over "Xây dựng, Y tế, …; Chủ tịch … chịu trách nhiệm thi
 * hành Quyết định này"), only blanks between them. */
static int heading_goes_on(const fctx *x, const vp_node *p, const vp_node *n)
{
    if (!p || !n || p->first != n || !p->heading || p->own.end <= p->own.start || p->own.end > n->own.start ||
        n->own.start > x->t->len)
        return 0;
    const char *T = x->t->data;
    size_t e = p->own.end;
    while (e > p->own.start && (T[e - 1] == ' ' || T[e - 1] == '\t' || T[e - 1] == '\n' || T[e - 1] == '\r'))
        e--;
    if (e == p->own.start || T[e - 1] != ':')
        return 0;
    for (size_t k = e; k < n->own.start; k++)
        if (T[k] != ' ' && T[k] != '\t' && T[k] != '\n' && T[k] != '\r')
            return 0;
    return 1;
}

/* A closing article whose heading line ends on the kind of the units it lists (heading_goes_on):
 * out is ni, its first paragraph, read from the start of that heading, the line breaks between
 * them as spaces (the offsets those of the text); 0 when ni is not such. */
static int executes_with_heading(fctx *x, const nodeinfo *ni, nodeinfo *out)
{
    const vp_node *n = ni->node, *p = n ? n->parent : NULL;
    if (!heading_goes_on(x, p, n) || ni->base != n->own.start)
        return 0;
    size_t len = ni->base + ni->len - p->own.start;
    char *s = vp_arena_alloc(x->doc->arena, len + 1);
    memcpy(s, x->t->data + p->own.start, len);
    for (size_t k = 0; k < len; k++)
        if (s[k] == '\n' || s[k] == '\r')
            s[k] = ' ';
    *out = *ni;
    out->base = p->own.start;
    out->s = s;
    out->len = len;
    return 1;
}

/* 1 when the heading ni goes on in its first paragraph and that paragraph closes a decision on who
 * executes it: the units the heading names are read with the paragraph's (executes_with_heading). */
static int heading_of_executes(fctx *x, const nodeinfo *ni)
{
    const vp_node *n = ni->node, *c = n ? n->first : NULL;
    if (!c || c->type != VP_NODE_PARA || !heading_goes_on(x, n, c) || c->own.end > x->t->len ||
        c->own.end <= c->own.start)
        return 0;
    return vp_family_first_attr(x->f_assign, "field", "executes", x->m, x->t->data + c->own.start,
                                c->own.end - c->own.start, 0) != NULL;
}

static void do_assignments(fctx *x, const nodeinfo *ni)
{
    /* not in an official document's preamble (its grounds, "Theo đề nghị của Giám đốc Sở …");
     * a news item's opening paragraphs say who is to do what, read by the rules with
     * lead-in=yes only ("UBND tỉnh giao Sở …", "… phối hợp với …": not the body that issued
     * the plan, "UBND quận Thanh Xuân vừa ban hành …") */
    int news = x->doc->genre && strcmp(x->doc->genre, "news") == 0;
    if (!ni->item && !news && ni->node && x->in_preamble)
        preamble_leads(x, ni);
    /* a letter of a few paragraphs and no sections says who is to do what as a news item does
     * ("UBND tỉnh giao Bộ Chỉ huy Quân sự tỉnh chủ trì …"), and also by agencies opening its
     * sentences ("Ủy ban nhân dân các phường, xã có trách nhiệm …"): the rules with lead-in=yes
     * and those with lead-in=letter */
    int letter = !news && !ni->item && x->in_preamble && !x->doc->body;
    if ((!ni->item && !news && !letter) || !ni->node)
        return;
    if (assign_row(x, ni))
        return;
    const vp_family *fam = x->f_assign;
    /* a decision's closing article on who executes it ("Chánh Văn phòng …; Giám đốc các Sở: Y tế,
     * …; Trưởng các phòng … chịu trách nhiệm thi hành Quyết định này", field=executes): the units
     * it names by their heads lead its execution (field=executes-lead), read by those rules alone;
     * the letter's closing formula names units in general, none of them */
    if (vp_family_first_attr(fam, "field", "executes", x->m, ni->s, ni->len, 0)) {
        nodeinfo whole;
        const nodeinfo *at = executes_with_heading(x, ni, &whole) ? &whole : ni;
        x->c.n = 0;
        collect(x, fam, "executes-lead", ASG_G, at->s, at->len, &x->c);
        select_nonoverlap(&x->c);
        for (size_t i = 0; i < x->c.n; i++)
            assign_cand(x, at, role_of(x, at, &x->c.v[i]), &x->c.v[i]);
        return;
    }
    if (heading_of_executes(x, ni))
        return;
    const vp_node *n = ni->node;
    vp_assignment *last0 = x->asg_last;
    int n0 = x->nasg;
    /* an agency heading its own items: in the section on who does what, or as a numbered
     * section of its own ("1. Công an tỉnh:" in a directive; "2. Trung tâm Văn hóa - Thông tin
     * và Thể thao", the whole heading a name, its duties in the items below) */
    int sec_head = n->type == VP_NODE_SECTION && n->heading && n->num && strlen(n->heading) <= 160;
    int colon = sec_head && n->heading[0] && n->heading[strlen(n->heading) - 1] == ':';
    int org = ni->section_kind && strcmp(ni->section_kind, "organisation") == 0;
    /* elsewhere, an item headed by an agency alone and a colon, its duties below ("1. Trạm Y tế
     * xã:" over "- Tham mưu …" in a section of tasks) */
    const char *own = n->heading ? n->heading : n->text;
    size_t ol = own ? strlen(own) : 0;
    int item_head = !org && n->type == VP_NODE_ITEM && n->first && ol && ol <= 160 && own[ol - 1] == ':';
    /* and an item of tasks headed by a unit's proper name alone, its duties in the items below
     * ("1. Phòng Quản lý chất lượng" over "a) Chủ trì …"; field=heading-named: not "1. Phòng,
     * chống dịch bệnh" nor "2. Bảo hiểm y tế", whose words are no name) */
    int named_head = !org && !item_head && n->type == VP_NODE_ITEM && n->first && ol && ol <= 160;
    if ((n->type == VP_NODE_ITEM && (n->heading || n->first) && org) || sec_head || item_head || named_head) {
        x->c.n = 0;
        collect(x, fam, named_head ? "heading-named" : "heading", ASG_G, ni->s, ni->len, &x->c);
        select_nonoverlap(&x->c);
        /* without ":" (or in an item outside that section), only a match that is the whole
         * heading: the end of its line, before its colon */
        size_t he = 0;
        int whole = (sec_head && !colon) || item_head || named_head;
        if (whole) {
            const char *nl = memchr(ni->s, '\n', ni->len);
            he = nl ? (size_t)(nl - ni->s) : ni->len;
            while (he > 0 && (ni->s[he - 1] == ' ' || ni->s[he - 1] == '.' || (item_head && ni->s[he - 1] == ':')))
                he--;
        }
        for (size_t i = 0; i < x->c.n; i++)
            if (has(&x->c.v[i], AG_AGENCY) &&
                (!whole || (x->c.v[i].s == 0 && x->c.v[i].ge[AG_AGENCY] == he)))
                assign_cand(x, ni, role_of(x, ni, &x->c.v[i]), &x->c.v[i]);
    }
    x->c.n = 0;
    collect_if(x, fam, NULL, ni->item ? NULL : letter ? "lead-in" : "lead-in=yes", ASG_G, ni->s, ni->len, &x->c);
    select_nonoverlap(&x->c);
    /* a time the text tells as past ("Năm 2024, Công an huyện đã phối hợp với …", a heading of
     * results): what was done then, not who is to do the plan's work */
    for (size_t i = 0; i < x->c.n; i++) {
        size_t at = has(&x->c.v[i], AG_AGENCY) ? x->c.v[i].gs[AG_AGENCY] : x->c.v[i].s;
        if (!ni->item && in_quoted_grounds(x, ni->s, ni->len, at))
            continue;
        const char *role = role_of(x, ni, &x->c.v[i]);
        /* in a news item the body that issued the plan leads none of its tasks ("UBND tỉnh sẽ hỗ
         * trợ …", "UBND tỉnh chịu trách nhiệm trước HĐND tỉnh …": it reports on what it ordered) */
        if (news && role && strcmp(role, "lead") == 0 && has(&x->c.v[i], AG_AGENCY) &&
            is_issuer(x, ni->s, x->c.v[i].gs[AG_AGENCY], x->c.v[i].ge[AG_AGENCY]))
            continue;
        if (!past_told(x, ni, at))
            assign_cand(x, ni, role, &x->c.v[i]);
    }
    carry_assignments(x, ni, last0, x->nasg - n0);
    section_takes_preamble(x, ni, last0 ? last0->next : x->doc->assignments, x->nasg - n0);
}

/* ---- budget ------------------------------------------------------------- */

/* Group g of a budget match as a number; before a word of scale (scaled: "tỷ", "triệu",
 * "nghìn") in a text whose decimal mark is "," (number_style), a lone "," is one ("305,900 tỷ
 * đồng" is 305.9 billion); a sum in plain đồng has no decimals ("62,500 đồng"). */
static double gdec(const fctx *x, const fcand *k, int g, const char *s, int scaled)
{
    double v = 0;
    if (!has(k, g) || !vp_date_decimal_mark(s + k->gs[g], k->ge[g] - k->gs[g], scaled && x->comma_dec, &v))
        return 0;
    return v;
}

/* A clause on the costs inside a sentence outside a section of costs ("…; kinh phí từ nguồn xã
 * hội hóa và đóng góp của Nhân dân", "… Kinh phí thực hiện: từ nguồn ngân sách huyện và huy động
 * xã hội hóa"; budget rules field=budget-clause): the sources and amounts in it are read as in a
 * section of costs, and added to c; the rest of the text as its section reads it. */
static void budget_clauses(fctx *x, const vp_family *fam, const nodeinfo *ni, fcands *c)
{
    fcands cl = {0}, more = {0};
    collect(x, fam, "budget-clause", NULL, ni->s, ni->len, &cl);
    if (cl.n) {
        const char *kind = x->section_kind;
        x->section_kind = "budget";
        collect(x, fam, NULL, BUD_G, ni->s, ni->len, &more);
        x->section_kind = kind;
    }
    size_t n0 = c->n;
    for (size_t i = 0; i < more.n; i++) {
        const fcand *k = &more.v[i];
        int in = 0, dup = 0;
        for (size_t j = 0; j < cl.n && !in; j++)
            in = k->s >= cl.v[j].s && k->e <= cl.v[j].e;
        for (size_t j = 0; j < n0 && in && !dup; j++)
            dup = c->v[j].s == k->s && c->v[j].e == k->e && c->v[j].ri == k->ri;
        if (in && !dup)
            cands_push(c, k);
    }
    free(cl.v);
    free(more.v);
}

static void do_budget(fctx *x, const nodeinfo *ni)
{
    int row = money_row(x, ni);
    if (row == 1)
        return;
    const vp_family *fam = x->f_budget;
    vp_arena *A = x->doc->arena;
    /* the title of a regulation the text follows ("theo Thông tư số 55/2023/TT-BTC … quy định
     * quản lý, sử dụng kinh phí sự nghiệp từ nguồn ngân sách nhà nước") names no source (budget
     * rules field=skip); a sentence that opens on a rate ("Mức quà tặng …: 1.000.000 đồng")
     * holds no budget amount (field=rate) */
    fcands skip = {0}, rate = {0};
    pastnote past = {0};
    collect(x, fam, "skip", NULL, ni->s, ni->len, &skip);
    collect(x, fam, "rate", NULL, ni->s, ni->len, &rate);
    x->c.n = 0;
    collect(x, fam, NULL, BUD_G, ni->s, ni->len, &x->c);
    if (!(x->section_kind && strcmp(x->section_kind, "budget") == 0))
        budget_clauses(x, fam, ni, &x->c);
    select_nonoverlap(&x->c);
    const char *S = ni->s;
    for (size_t i = 0; i < x->c.n; i++) {
        const fcand *k = &x->c.v[i];
        const char *kind = vp_rule_attr(k->rule, "kind");
        /* a source may name a document the text cites ("Lồng ghép từ nguồn kinh phí thực hiện
         * Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025") */
        if (busy_hit_from(x, kind ? x->busy_refs : 0, k->s, k->e))
            continue;
        if (kind && x->in_preamble && busy_hit_from(x, 0, k->s, k->e))
            continue; /* "Căn cứ Nghị quyết … về dự toán thu, chi ngân sách địa phương năm 2025" */
        if (cands_hit(kind ? &skip : &rate, k->s, k->e))
            continue;
        if (row != 2 && past_told(x, ni, k->s)) {
            /* "Năm 2024, tổng kinh phí thực hiện là 2,8 tỷ đồng": spent, not budgeted; the
             * source of a sum spent ("Năm 2024, huyện đã giải ngân 312,4 tỷ đồng vốn đầu tư
             * công") is not the plan's either */
            if (!kind)
                pastnote_add(x, ni, &past, k->s, k->e, "");
            continue;
        }
        if (row == 2 && !kind)
            continue; /* a table row's amount is its column's, read above */
        vp_budget_item *bi = vp_arena_alloc(A, sizeof *bi);
        size_t a = k->s, b = k->e;
        if (kind) {
            if (has(k, BG_SOURCE)) {
                a = k->gs[BG_SOURCE];
                b = k->ge[BG_SOURCE];
            }
            bi->kind = kind;
        } else {
            if (has(k, BG_AMOUNT)) {
                a = k->gs[BG_AMOUNT];
                b = k->ge[BG_AMOUNT];
            }
            double v = gdec(x, k, BG_TY, S, 1) * 1e9 + gdec(x, k, BG_TRIEU, S, 1) * 1e6 +
                       gdec(x, k, BG_NGHIN, S, 1) * 1e3 + gdec(x, k, BG_DONG, S, 0);
            if (has(k, BG_TIMES)) /* "120 căn x 60 triệu đồng/căn": the product (group times) */
                v *= gdec(x, k, BG_TIMES, S, 0);
            if (v <= 0 || v > 9e17)
                continue;
            bi->is_amount = 1;
            bi->value = (long long)(v + 0.5);
            bi->currency = vp_rule_attr(k->rule, "currency"); /* "50.000 USD" */
        }
        trim_range(S, &a, &b);
        if (b <= a)
            continue;
        bi->text = squeeze(A, S + a, b - a);
        uint64_t h = 0;
        if (kind) { /* one source of a kind per item */
            int dup = 0;
            const dset *d = &x->src_seen;
            h = src_key(kind, ni->item, bi->text);
            for (size_t j = d->cap ? h & (d->cap - 1) : 0; d->cap && d->item[j] && !dup; j = (j + 1) & (d->cap - 1)) {
                const vp_budget_item *p = d->item[j];
                dup = d->hash[j] == h && !p->is_amount && strcmp(p->kind, kind) == 0 &&
                      ((!p->item && !ni->item) || (p->item && ni->item && strcmp(p->item, ni->item) == 0)) &&
                      strcmp(p->text, bi->text) == 0;
            }
            if (dup)
                continue;
        }
        bi->item = ni->item;
        bi->line = locate(x, ni, a, b, &bi->span);
        push_budget(x, bi);
        if (!bi->is_amount && bi->kind)
            dset_add(&x->src_seen, src_key(bi->kind, bi->item, bi->text), bi);
        busy_add(x, k->s, k->e);
    }
    free(skip.v);
    free(rate.v);
    pastnote_flush(x, &past, "past-results",
                   past.n ? vp_arena_printf(x->doc->arena, "%zu sum%s of the past read as spent, not budgeted",
                                            past.n, past.n == 1 ? "" : "s")
                          : "");
}

/* ---- driver ------------------------------------------------------------- */

/* 1 when node n is read in a section of the plan's scale or scope, its heading one a targets rule
 * field=scope-heading reads ("QUY MÔ, PHẠM VI"): rules section=scope read there. */
static int in_scope_section(fctx *x, const vp_node *n)
{
    for (; n && n->type != VP_NODE_SECTION; n = n->parent)
        ;
    if (!n || !n->heading || !x->f_targets)
        return 0;
    if (n != x->scope_sec) { /* its heading read once, not again for each node under it */
        x->scope_sec = n;
        x->scope_sec_is =
            vp_family_first_attr(x->f_targets, "field", "scope-heading", x->m, n->heading, strlen(n->heading), 0) != NULL;
    }
    return x->scope_sec_is;
}

static void task_indicators(fctx *x, const nodeinfo *ni, vp_target *t, const vp_assignment *a);

static void do_node(fctx *x, const vp_node *n, size_t start, size_t end)
{
    if (end <= start || end > x->t->len)
        return;
    nodeinfo ni;
    pastctx past = PASTCTX_INIT;
    ni.past = &past;
    ni.node = n;
    ni.item = n ? nearest_id(n) : NULL;
    ni.section_kind = n ? section_kind_of(n) : NULL;
    ni.base = start;
    ni.s = x->t->data + start;
    ni.len = end - start;
    /* a paragraph on the costs outside a section of costs ("Kinh phí thực hiện từ nguồn …" in
     * a news item or a section of organisation): read as one (budget rules field=budget-cue) */
    if (!(ni.section_kind && strcmp(ni.section_kind, "budget") == 0) &&
        vp_family_first_attr(x->f_budget, "field", "budget-cue", x->m, ni.s, ni.len, 0))
        ni.section_kind = "budget";
    x->section_kind = ni.section_kind;
    x->in_scope = in_scope_section(x, n);
    ni.ncells = memchr(ni.s, '|', ni.len) && !memchr(ni.s, '\n', ni.len) ? split_cells(ni.s, ni.len, ni.cs, ni.ce) : 0;
    x->nbusy = 0;
    do_references(x, &ni);
    x->busy_refs = x->nbusy;
    do_deadlines(x, &ni);
    vp_target *t0 = x->tgt_last;
    vp_assignment *a0 = x->asg_last;
    do_targets(x, &ni);
    do_budget(x, &ni);
    do_assignments(x, &ni);
    task_indicators(x, &ni, t0 ? t0->next : x->doc->targets, a0 ? a0->next : x->doc->assignments);
    free(past.marks.v);
}

/* The targets of node ni (from t) once its agencies are read (from a): an indicator that opens on
 * the agencies of a task and the words of their roles ("Phòng Văn hóa và Thông tin chủ trì, phối
 * hợp với Viễn thông Thạch Hà nâng cấp mạng LAN … tại 100% các xã"), those of the node before the
 * figure in its line, is the task without them ("nâng cấp mạng LAN … tại các xã"); a word that is
 * no part of any indicator (targets field=indicator-drop: the "đã" of a state after its subject,
 * "100% xã đã hoàn thành số hóa …") is taken out. */
static void task_indicators(fctx *x, const nodeinfo *ni, vp_target *t, const vp_assignment *a)
{
    vp_arena *A = x->doc->arena;
    const vp_family *fam = x->f_targets;
    size_t lo = ni->base, hi = ni->base + ni->len;
    for (; t; t = t->next) {
        if (!t->indicator)
            continue;
        size_t as = SIZE_MAX, ae = 0;
        for (const vp_assignment *g = a; g; g = g->next) {
            if (g->span.start < lo || g->span.end > hi || g->span.end > t->span.start || g->line != t->line)
                continue;
            if (g->span.start < as)
                as = g->span.start;
            if (g->span.end > ae)
                ae = g->span.end;
        }
        if (as < ae) {
            const char *lead = squeeze(A, x->t->data + as, ae - as);
            size_t n = strlen(lead);
            /* the whole of them, or the last parts of their list after a comma, where the
             * indicator took only the words after it ("các chi, đảng bộ cơ sở tổ chức quán triệt
             * đến …": "đảng bộ cơ sở tổ chức …") */
            for (size_t p = 0; p < n; p++) {
                if (p && (p < 2 || lead[p - 1] != ' ' || lead[p - 2] != ','))
                    continue;
                const char *rest = t->indicator + (n - p);
                if (strncmp(t->indicator, lead + p, n - p) != 0 || rest[0] != ' ')
                    continue;
                while (*rest == ' ' || *rest == ',')
                    rest++;
                /* the light verb left at its start, before the verb of what is done ("Phòng
                 * Giáo dục và Đào tạo triển khai thu học phí … tại 100% trường học": "thu học
                 * phí …"; targets field=indicator-light-verb) */
                size_t ms, me, rn = strlen(rest);
                if (vp_family_first_attr(fam, "field", "indicator-light-verb", x->m, rest, rn, 0)) {
                    vp_match_range(x->m, &ms, &me);
                    if (ms == 0 && me < rn && strchr(rest + me, ' '))
                        rest += me;
                }
                if (strchr(rest, ' '))
                    t->indicator = rest;
                break;
            }
        }
        size_t ms, me, n = strlen(t->indicator), gs, ge;
        /* a bound of a count each unit of a kind holds ("mỗi lớp không quá 35 học viên"), the
         * indicator those words alone (targets field=indicator-each): how many of what the unit
         * counts each holds ("số học viên mỗi lớp") */
        if (t->unit && has_letter(t->unit, strlen(t->unit)) &&
            vp_family_first_attr(fam, "field", "indicator-each", x->m, t->indicator, n, 0) &&
            vp_match_group(x->m, "indicator", &gs, &ge) && ge > gs) {
            t->indicator = vp_arena_printf(A, "số %s %.*s", t->unit, (int)(ge - gs), t->indicator + gs);
            n = strlen(t->indicator);
        }
        for (int k = 0; k < 4 && vp_family_first_attr(fam, "field", "indicator-drop", x->m, t->indicator, n, 0); k++) {
            vp_match_range(x->m, &ms, &me);
            if (me <= ms || me > n)
                break;
            t->indicator = vp_arena_printf(A, "%.*s%s", (int)ms, t->indicator, t->indicator + me);
            n = strlen(t->indicator);
        }
    }
}

/* Pre-order, in text order; a node whose own text was already read (a section without a
 * heading shares its first paragraph's line) is read once. */
static void walk(fctx *x, const vp_node *n, size_t *done)
{
    for (; n; n = n->next) {
        if (n->own.start >= *done && n->own.end > n->own.start) {
            do_node(x, n, n->own.start, n->own.end);
            *done = n->own.end;
        }
        walk(x, n->first, done);
    }
}

static int plan_year_of(const vp_doc *doc, const vp_text *t)
{
    int y = vp_date_year_of(doc->meta.date_value);
    if (y)
        return y;
    y = vp_date_year_of(doc->meta.period_from);
    if (y)
        return y;
    y = vp_date_year_of(doc->meta.period_to);
    if (y)
        return y;
    /* the first year written in the text */
    for (size_t i = 0; i + 4 <= t->len; i++) {
        const char *p = t->data + i;
        if ((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0'))
            if (p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' && (i == 0 || p[-1] < '0' || p[-1] > '9') &&
                (i + 4 == t->len || p[4] < '0' || p[4] > '9'))
                return (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    }
    return 0;
}

/* A news item's headline (ni) often states the figure the plan it reports aims at ("Cuối
 * năm 2025, ít nhất 50% số xã đạt chuẩn …"): read for targets, those the text gives again left
 * out and the others numbered on.  A headline's target is one of the body's with its value and
 * unit by the same year, or by any when the headline names no year of its own ("Phấn đấu 90%
 * hồ sơ được giải quyết trực tuyến" over "… đến năm 2027 có 90% hồ sơ …"). */
static void headline_targets(fctx *x, const nodeinfo *ni)
{
    vp_doc *doc = x->doc;
    vp_target *last = x->tgt_last;
    int base = x->ntgt;
    x->nbusy = 0;
    do_targets(x, ni);
    vp_target **pp = last ? &last->next : &doc->targets;
    while (*pp) {
        vp_target *n = *pp;
        int dup = 0;
        for (vp_target *o = doc->targets; o != n && !dup; o = o->next)
            dup = !strcmp(o->value, n->value) && !strcmp(o->unit, n->unit) &&
                  ((!o->by && !n->by) || (o->by && n->by && !strcmp(o->by, n->by)) ||
                   (n->by && !memmem(ni->s, ni->len, n->by, strlen(n->by))));
        if (dup) {
            *pp = n->next;
        } else {
            n->id = vp_arena_printf(doc->arena, "t%d", ++base);
            pp = &n->next;
        }
    }
    x->ntgt = base;
    x->tgt_last = last;
    for (vp_target *r = last ? last : doc->targets; r; r = r->next)
        x->tgt_last = r;
}

int vp_facts(vp_doc *doc, const vp_text *t, const vp_rules *rules, vp_matcher *m)
{
    fctx x;
    memset(&x, 0, sizeof x);
    x.doc = doc;
    x.t = t;
    x.rules = rules;
    x.m = m;
    x.cbits = vp_xcalloc(vp_matcher_words(m) ? vp_matcher_words(m) : 1, sizeof *x.cbits);
    x.doctypes = vp_rules_table(rules, "doctypes");
    x.holidays = vp_rules_table(rules, "holidays");
    x.f_refs = vp_rules_family(rules, "references");
    x.f_deadlines = vp_rules_family(rules, "deadlines");
    x.f_targets = vp_rules_family(rules, "targets");
    x.f_assign = vp_rules_family(rules, "assignments");
    x.f_budget = vp_rules_family(rules, "budget");
    x.f_header = vp_rules_family(rules, "header");
    x.plan_year = plan_year_of(doc, t);
    x.period_to = doc->meta.period_to;
    x.comma_dec = number_style(t->data ? t->data : "", t->len);
    for (vp_reference *r = doc->refs; r; r = r->next, x.nref++) {
        x.ref_last = r;
        if (r->number || r->text)
            dset_add(&x.ref_seen, ref_key(r), r);
    }
    for (vp_target *r = doc->targets; r; r = r->next, x.ntgt++)
        x.tgt_last = r;
    for (vp_deadline *r = doc->deadlines; r; r = r->next, x.ndl++)
        x.dl_last = r;
    for (vp_assignment *r = doc->assignments; r; r = r->next, x.nasg++) {
        x.asg_last = r;
        dset_add(&x.asg_seen, asg_key(r->item, r->agency), r);
    }
    for (vp_budget_item *r = doc->budget; r; r = r->next) {
        x.bud_last = r;
        if (!r->is_amount && r->kind)
            dset_add(&x.src_seen, src_key(r->kind, r->item, r->text), r);
    }
    if (!doc->preamble && !doc->body) {
        /* no structure: every line of the text on its own, but for the title's lines, which
         * are read as a title below (the document it names first is the one carried out) */
        size_t i = 0;
        while (i < t->len) {
            size_t j = i;
            while (j < t->len && t->data[j] != '\n')
                j++;
            if (!(doc->title_span.end > doc->title_span.start && i >= doc->title_span.start &&
                  j <= doc->title_span.end))
                do_node(&x, NULL, i, j);
            i = j + 1;
        }
    } else {
        size_t done = 0;
        x.in_preamble = 1;
        walk(&x, doc->preamble, &done);
        x.in_preamble = 0;
        walk(&x, doc->body, &done);
    }
    /* "KẾ HOẠCH Triển khai thực hiện Nghị quyết số 32/NQ-CP …": the title names what the plan
     * carries out, often the only place an excerpt or a short plan does */
    if (doc->title_span.end > doc->title_span.start && doc->title_span.end <= t->len) {
        nodeinfo ni = {0};
        pastctx past = PASTCTX_INIT;
        ni.past = &past;
        ni.base = doc->title_span.start;
        ni.s = t->data + ni.base;
        ni.len = doc->title_span.end - ni.base;
        x.nbusy = 0;
        x.section_kind = NULL;
        x.in_title = 1;
        do_references(&x, &ni);
        x.in_title = 0;
        if (doc->genre && strcmp(doc->genre, "news") == 0)
            headline_targets(&x, &ni);
        free(past.marks.v);
    }
    /* "Kế hoạch thực hiện Đề án B" standing on "Quyết định … phê duyệt Đề án A": what the title
     * names, found in the body, is carried out; a decision under "Căn cứ" on another document
     * is a basis (the one approving B stays) */
    if (x.title_named) {
        char *tk = name_key(x.title_named->text);
        for (vp_reference *r = doc->refs; tk && r; r = r->next)
            if (r != x.title_named && r->approves && strcmp(r->relation, "implements") == 0) {
                /* the title's name without its place and time, in what is approved, is the same
                 * ("ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030" for
                 * "Chiến lược quốc gia về bình đẳng giới trên địa bàn tỉnh …") */
                char *ak = name_key(r->approves);
                size_t tn = name_core(tk);
                char save = tk[tn];
                tk[tn] = 0;
                if (ak && !strstr(ak, tk))
                    r->relation = "basis";
                tk[tn] = save;
                free(ak);
            }
        free(tk);
    }
    free(x.c.v);
    free(x.bym.c.v);
    free(x.busy);
    free(x.cbits);
    free(x.issuer_fold);
    dset_free(&x.asg_seen);
    dset_free(&x.src_seen);
    dset_free(&x.ref_seen);
    return 0;
}
