/* compare.c - stage 5: does a lower-level plan (child) carry out the plan it implements (parent)?
 *
 * Both documents are read from their vnplan XML (libxml2, no network, no entities) into a
 * small model; the checks below fill a list of verdicts; the score is computed from the list
 * and everything is written with libxml2's writer.
 *
 * Checks (every verdict names the ids it compared):
 *  - reference-check: among the child's references (implements first, then cited, then
 *    basis) one whose number equals the parent's own number (vp_number_key) and whose date
 *    equals the parent's date -> ok; number equal, date not -> mismatch; none -> absent.
 *  - section-check: for each kind of rules/compare.tsv section-kinds the parent has, whether
 *    the child has a section of that kind, or a direct item whose heading the sections rules
 *    give that kind ("4. Kinh phí thực hiện" under "TỔ CHỨC THỰC HIỆN") (ok|missing).
 *  - target-check: parent and child targets are paired one to one, most similar indicators
 *    first (the words both titles share weighing topic-weight; a pair of a maximum and a
 *    minimum ranked target-op-margin lower, one of two subjects, rules/compare.tsv subject,
 *    target-subject-margin lower; document order on ties), pairs below
 *    target-similarity never; an unpaired parent
 *    target -> missing (the reason names the parent target that took its best match); units
 *    differ, subjects differ ("hộ gia đình" and "người dân") or values not numbers or opposite
 *    ops -> unclear; targets set for a group (scope) pair only those of the same group, a
 *    parent's for the child's issuer counting as the child's whole (paired first: "…, trong đó
 *    huyện Yên Thành 300 lao động" of the plan of that district, its share) and one for another
 *    group left out, and a parent target of the whole unit that only a child's target for a
 *    group is like -> unclear, so a parent's total whose share for the child took the child's
 *    target; and so is a lower total of a child
 *    of a lower level (rules/compare.tsv level-order; a unit with no "%", "‰" or "/", nor in
 *    rate-units, nor set for each of those counted, per-unit-words: "3.000 lao động" of a
 *    district under "50.000" of its province; not the share set for the child, which is
 *    below); otherwise meets when the value
 *    is no weaker for the parent's op (ge: child >= parent, le: child <= parent, eq: equal) and
 *    the child's `by` is no later (a missing `by` on either side does not count against it),
 *    else below.
 *  - task-check: a parent task is each item directly under a parent section of kind tasks
 *    (the section itself when it has no items); its text is heading + own paragraphs, plus its
 *    sub-items when that is shorter than task-min-tokens syllables or is a heading alone over
 *    them ("3. Khởi công và hoàn thành xây dựng nhà ở" over "- Khởi công …", "- Hoàn thành …").
 *    It is matched against
 *    every item (any depth) of the child's tasks sections (all the child's items when the
 *    child has no tasks section), scored on the item's own text and on its text with
 *    sub-items, the better of the two; >= task-similarity -> covered, else missing.  The
 *    words both documents' titles share (their topic) weigh topic-weight in that score.  A
 *    parent task headed over its paragraph scores at least the share of its heading's words a
 *    child item holds when that item opens on the heading's action (its first two words):
 *    that share pairs them, the similarity written is the texts' (with a reason naming it);
 *    a heading of fewer words than task-min-tokens ("1. Truyền thông"), over its paragraph or
 *    its items, when the item opens on the whole heading and holds all its words.  An item
 *    that holds none of the words of what the task is about (its syllables outside the frame it
 *    opens on, task-frame-words: "ứng dụng công nghệ thông tin trong quản lý", "tăng cường công
 *    tác"; the topic's, numbers and those task-common-share of the parent's tasks hold aside),
 *    when it has task-object-min of them, scores task-frame-credit of its similarity (missing:
 *    a reason says so when that alone left it below task-similarity).
 *  - deadline-check: each parent deadline of a kind in deadline-kinds against the child
 *    deadlines of the same class (recurring with the same `every`; or one-off: before/on),
 *    the most similar by the sentence around it (its item's text, the deadline's own words
 *    left out when enough is left); taken when the similarity
 *    reaches deadline-similarity, or when it is the child's only recurring deadline of that
 *    recurrence and the parent's is of a report (report-words in its sentence).  A child's
 *    one-off deadline answers one parent deadline: the most similar pairs first (those of the
 *    child's item carrying the parent's task before any); a parent
 *    deadline whose match another took takes its next one or is missing.  One of a task the
 *    child's item carries without a deadline, or of a task not carried down, is taken only
 *    from task-sure-similarity.  A one-off report whose clause names its period
 *    (report-period: "sơ kết 6 tháng", "báo cáo năm") is answered only by a child's of that
 *    period or of none said.  later when the child's last allowed day (`to`, else `from`) is
 *    after the parent's (recurring days compare as month-day; partial dates as their last
 *    day), else ok (with a reason and an unclear check's credit when a parent's recurring
 *    deadline names a day, "trước ngày 20 hằng tháng", and the child's schedule of its period
 *    none, "báo cáo kết quả hằng tháng"); against a parent's start with no end ("từ ngày
 *    01/4/2025"), the child's start;
 *    no candidate -> missing; a child's span holding the parent's whole span is ok, one that
 *    begins after the parent's span of an action held every day of it (span-words: "đợt cao
 *    điểm … từ ngày 20/01 đến ngày 15/3") begins is later (taken up late, though it ends in
 *    time).  One-off
 *    parent deadlines addressed to the child's level (vp_level_lead) pick before the others; a
 *    child's deadline addressed to a level below it answers only one of that level in a first
 *    round, nor does one whose report goes no higher than a body below the parent's level and
 *    the one the parent's report goes to (the schools' "báo cáo … về Phòng Giáo dục và Đào tạo"
 *    of a district office against the department's "… về Sở Giáo dục và Đào tạo"), which takes
 *    part from the round after it; then a department's own report shares the child report its
 *    chain took, then a second round allows the rest.  A parent target of a task item that no child target answers
 *    is unclear when the child item carrying the task holds no target, and so is a parent
 *    target whose indicator's words (target-part-similarity of them) a child item of tasks or
 *    objectives holding no target says, unless that item carries a task of the parent's that
 *    says those words too (missing, the reason naming both items).  A parent's own report to
 *    a level above its own ("báo cáo UBND tỉnh" of a district, not of a task the child
 *    carries; a report after ";" naming no one goes where the one before it in the sentence
 *    goes) is answered only by a child's report to that level, and is not checked when
 *    there is none.  The day of the
 *    whole of a task (whole-words) shares the one day the child gives that task when no later.
 *    A parent's one-off
 *    deadline that asks for the plans of those under it at the child's level (own-plan-words,
 *    own-plan-level) is checked against the child plan's own date instead (child-date; ok on or
 *    before, else later).  A one-off report of a year or of none said that no one-off deadline
 *    of the child answers is answered by the child's own yearly report (child-every="P1Y"),
 *    one of six months, a quarter or a month by its schedule of that period (report-every),
 *    or one denser unless the report is a review (review-words), compared by its day (a day
 *    of each month, "---05", by that month's; ok when any of its days in the year comes by
 *    the parent's: "trước ngày 15/12 và 15/6" for "trước ngày 20/7/2025", that day shown with
 *    a reason), before the second round gives it what the child asks of those under it,
 *    whatever other parent deadlines the schedule answers too; a child's day of another kind
 *    of work (no report word before it) below task-sure-similarity and less alike than that
 *    schedule, or than a one-off report of the child's (taken by another parent deadline or
 *    not), is no answer to a report; a parent's recurring report is answered by the child's
 *    own schedules that name the parent's issuer when there are any; a one-off day named by
 *    its occasion ("trong dịp Tết Nguyên đán") that the child's item carrying the task names
 *    too is ok (child-item).
 *  - a child with no body (no section of a kind of section-kinds and no item: an excerpt that
 *    ends after its preamble) gets a warning (<diagnostics>) instead: the parent's targets
 *    unclear, its sections, tasks and deadlines not checked; a parent with no body gets one
 *    too (parent-without-tasks), what it states being checked; a child that is a news page
 *    about its plan (genre="news") one too, and a parent target it names no figure of is
 *    unclear rather than missing.
 *  - score: per kind of check the share of credit (ok/meets/covered = 1, unclear and
 *    mismatch = unclear-credit, others 0), averaged with the weights weight-reference,
 *    weight-section, weight-target, weight-task, weight-deadline over the kinds that have at
 *    least one check, and over the kinds left unchecked for a side without a body, each
 *    counted unclear (so a reference alone never scores full compliance); 0 when there is no
 *    check at all.
 */
#include "compare.h"
#include "compare_int.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <utf8proc.h>

/* ---- the model read from vnplan XML ----------------------------------------- */

typedef struct c_item {
    const char *id, *kind; /* kind: of the section the item is in */
    const char *own, *full;
    const char *head;      /* its heading, else its first paragraph */
    int depth;             /* 0 = section */
    int nchildren;         /* items directly below */
    int heading_only;      /* a heading and no paragraph of its own: its items say what it is */
    int titled;            /* a heading over paragraphs of its own: head names what it is */
    int top_task;          /* depth-1 item of a tasks section, or an item-less tasks section */
    int bare_article;      /* a decision's article with no items ("Điều 2. Quyết định này có hiệu lực …") */
} c_item;

typedef struct c_ref {
    const char *id, *relation, *number, *date, *authority;
    const char *text;  /* as cited; a programme named without a number is known by it */
    const char *title; /* a plan cited by its issuer and subject: the subject */
} c_ref;

typedef struct c_target {
    const char *id, *item, *value, *unit, *op, *by, *indicator;
    const char *scope; /* the group it is set for ("Tổ dân phố Đắc Lộc 1"), "" for the whole unit */
} c_target;

typedef struct c_dl {
    const char *id, *item, *kind, *from, *to, *every, *text;
} c_dl;

typedef struct cdoc {
    vp_arena *a;
    const char *seq, *symbol, *number_text, *date, *authority, *auth_parent, *level, *title, *doctype;
    int news; /* a news page about the plan (genre="news"): what it leaves out, the plan may say */
    const char *period_to; /* the last year of the span the plan covers, "" when not given */
    c_item *items;
    size_t nitems, capitems;
    c_ref *refs;
    size_t nrefs;
    c_target *targets;
    size_t ntargets;
    c_dl *dls;
    size_t ndls;
    /* syllables of texts compared, made at their first use (a parent is compared with each of
     * its children): items' own and full texts, targets' indicators; have: 1 when made */
    vp_tokens *tok_own, *tok_full, *tok_ind;
    uint8_t *have_own, *have_full, *have_ind;
} cdoc;

/* The syllables (stop words dropped) of text, the i-th of n kept in (*t)[i] once made
 * ((*have)[i] 1); the arrays are made at the first use. */
static const vp_tokens *kept_tokens(const vp_cmp_cfg *cfg, vp_tokens **t, uint8_t **have, size_t n, size_t i,
                                    const char *text)
{
    if (!*t) {
        *t = vp_xcalloc(n + 1, sizeof **t);
        *have = vp_xcalloc(n + 1, 1);
    }
    if (!(*have)[i]) {
        vp_tokens_make(cfg, text, 1, &(*t)[i]);
        (*have)[i] = 1;
    }
    return &(*t)[i];
}

static void kept_tokens_free(vp_tokens *t, uint8_t *have, size_t n)
{
    for (size_t i = 0; have && i < n; i++)
        if (have[i])
            vp_tokens_free(&t[i]);
    free(t);
    free(have);
}

/* The syllables of item i's own text (full: with its sub-items). */
static const vp_tokens *item_tokens(const vp_cmp_cfg *cfg, cdoc *d, size_t i, int full)
{
    return full ? kept_tokens(cfg, &d->tok_full, &d->have_full, d->nitems, i, d->items[i].full)
                : kept_tokens(cfg, &d->tok_own, &d->have_own, d->nitems, i, d->items[i].own);
}

/* The syllables of target i's indicator. */
static const vp_tokens *target_tokens(const vp_cmp_cfg *cfg, cdoc *d, size_t i)
{
    return kept_tokens(cfg, &d->tok_ind, &d->have_ind, d->ntargets, i, d->targets[i].indicator);
}

int vp_cmp_is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           !strcmp((const char *)n->ns->href, VP_NS) && !strcmp((const char *)n->name, name);
}

const xmlNode *vp_cmp_child_el(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (vp_cmp_is_el(c, name))
            return c;
    return NULL;
}

/* Attribute value copied into the arena; "" when absent. */
static const char *attr(vp_arena *a, const xmlNode *n, const char *name)
{
    if (!n)
        return "";
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v)
        return "";
    const char *s = vp_arena_strdup(a, (const char *)v);
    xmlFree(v);
    return s;
}

/* Appends n's text with runs of white space made one space. */
static void add_text(vp_buf *b, const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    if (!v)
        return;
    const char *s = (const char *)v;
    int sp = b->len > 0 && b->data[b->len - 1] != ' ';
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            sp = b->len > 0;
            continue;
        }
        if (sp && b->len && b->data[b->len - 1] != ' ')
            vp_buf_addc(b, ' ');
        sp = 0;
        vp_buf_addc(b, *s);
    }
    xmlFree(v);
}

static const char *text_of(vp_arena *a, const xmlNode *n)
{
    if (!n)
        return "";
    vp_buf b = {0};
    add_text(&b, n);
    const char *s = vp_arena_strdup(a, b.data ? b.data : "");
    vp_buf_free(&b);
    return s;
}

static size_t push_item(cdoc *d)
{
    if (d->nitems == d->capitems) {
        d->capitems = d->capitems ? d->capitems * 2 : 32;
        d->items = vp_xrealloc(d->items, d->capitems * sizeof *d->items);
    }
    memset(&d->items[d->nitems], 0, sizeof d->items[0]);
    return d->nitems++;
}

/* Own text: heading and direct paragraphs.  Full text: own and every item below. */
static void own_text(vp_buf *b, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (vp_cmp_is_el(c, "heading") || vp_cmp_is_el(c, "p"))
            add_text(b, c);
}

static void full_text(vp_buf *b, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (vp_cmp_is_el(c, "heading") || vp_cmp_is_el(c, "p") || vp_cmp_is_el(c, "item"))
            add_text(b, c);
}

static void walk_items(cdoc *d, const xmlNode *n, const char *kind, int depth, int in_tasks)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (!vp_cmp_is_el(c, "item"))
            continue;
        size_t k = push_item(d);
        vp_buf o = {0}, f = {0};
        own_text(&o, c);
        full_text(&f, c);
        c_item *it = &d->items[k];
        it->id = attr(d->a, c, "id");
        it->kind = kind;
        it->depth = depth;
        it->own = vp_arena_strdup(d->a, o.data ? o.data : "");
        for (const xmlNode *g = c->children; g && !it->head; g = g->next)
            if (vp_cmp_is_el(g, "heading") || vp_cmp_is_el(g, "p")) {
                vp_buf h = {0};
                add_text(&h, g);
                it->head = vp_arena_strdup(d->a, h.data ? h.data : "");
                vp_buf_free(&h);
            }
        it->full = vp_arena_strdup(d->a, f.data ? f.data : "");
        it->top_task = in_tasks && depth == 1;
        vp_buf_free(&o);
        vp_buf_free(&f);
        int nch = 0, np = 0, nh = 0;
        for (const xmlNode *g = c->children; g; g = g->next) {
            nch += vp_cmp_is_el(g, "item");
            np += vp_cmp_is_el(g, "p");
            nh += vp_cmp_is_el(g, "heading");
        }
        d->items[k].nchildren = nch;
        d->items[k].heading_only = np == 0 && nch > 0;
        d->items[k].titled = nh > 0 && np > 0;
        walk_items(d, c, kind, depth + 1, in_tasks);
    }
}

static void cdoc_free(cdoc *d)
{
    if (!d)
        return;
    kept_tokens_free(d->tok_own, d->have_own, d->nitems);
    kept_tokens_free(d->tok_full, d->have_full, d->nitems);
    kept_tokens_free(d->tok_ind, d->have_ind, d->ntargets);
    free(d->items);
    free(d->refs);
    free(d->targets);
    free(d->dls);
    vp_arena_free(d->a);
    memset(d, 0, sizeof *d);
}

static size_t count_el(const xmlNode *n, const char *name)
{
    size_t k = 0;
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        k += vp_cmp_is_el(c, name);
    return k;
}

static int cdoc_read(const char *xml, size_t len, const char *what, cdoc *d, char *err, size_t errlen)
{
    memset(d, 0, sizeof *d);
    if (len > (size_t)2147483647) {
        snprintf(err, errlen, "%s: XML too large", what);
        return -1;
    }
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
        const xmlError *e = xmlGetLastError();
        snprintf(err, errlen, "%s: not well-formed XML%s%s", what, e && e->message ? ": " : "",
                 e && e->message ? e->message : "");
        if (err[0] && err[strlen(err) - 1] == '\n')
            err[strlen(err) - 1] = 0;
        return -1;
    }
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (!vp_cmp_is_el(root, "document")) {
        snprintf(err, errlen, "%s: not a vnplan document (root element is not document in %s)", what, VP_NS);
        xmlFreeDoc(doc);
        return -1;
    }
    d->a = vp_arena_new();
    d->news = !strcmp(attr(d->a, root, "genre"), "news");
    const xmlNode *meta = vp_cmp_child_el(root, "meta");
    const xmlNode *num = vp_cmp_child_el(meta, "number"), *date = vp_cmp_child_el(meta, "date"), *au = vp_cmp_child_el(meta, "authority");
    d->seq = attr(d->a, num, "seq");
    d->symbol = attr(d->a, num, "symbol");
    d->number_text = text_of(d->a, num);
    d->date = attr(d->a, date, "value");
    d->authority = text_of(d->a, au);
    d->auth_parent = attr(d->a, au, "parent");
    d->level = attr(d->a, au, "level");
    d->title = text_of(d->a, vp_cmp_child_el(meta, "title"));
    d->doctype = attr(d->a, vp_cmp_child_el(meta, "doctype"), "code");
    d->period_to = attr(d->a, vp_cmp_child_el(meta, "period"), "to");

    const xmlNode *refs = vp_cmp_child_el(root, "references");
    d->refs = vp_xcalloc(count_el(refs, "reference") + 1, sizeof *d->refs);
    for (const xmlNode *c = refs ? refs->children : NULL; c; c = c->next)
        if (vp_cmp_is_el(c, "reference")) {
            c_ref *r = &d->refs[d->nrefs++];
            r->id = attr(d->a, c, "id");
            r->relation = attr(d->a, c, "relation");
            r->number = attr(d->a, c, "number");
            r->date = attr(d->a, c, "date");
            r->authority = attr(d->a, c, "authority");
            r->text = text_of(d->a, c);
            r->title = attr(d->a, c, "title");
        }

    const xmlNode *body = vp_cmp_child_el(root, "body");
    for (const xmlNode *s = body ? body->children : NULL; s; s = s->next) {
        if (!vp_cmp_is_el(s, "section"))
            continue;
        const char *kind = attr(d->a, s, "kind");
        int tasks = !strcmp(kind, "tasks");
        size_t k = push_item(d);
        vp_buf o = {0}, f = {0};
        own_text(&o, s);
        full_text(&f, s);
        c_item *it = &d->items[k];
        it->id = attr(d->a, s, "id");
        it->kind = kind;
        it->depth = 0;
        it->own = vp_arena_strdup(d->a, o.data ? o.data : "");
        it->full = vp_arena_strdup(d->a, f.data ? f.data : "");
        it->nchildren = (int)count_el(s, "item");
        it->top_task = tasks && it->nchildren == 0;
        const char *snum = attr(d->a, s, "num");
        it->bare_article = !strncmp(snum, "Điều ", strlen("Điều ")) && it->nchildren == 0;
        vp_buf_free(&o);
        vp_buf_free(&f);
        walk_items(d, s, kind, 1, tasks);
    }

    const xmlNode *tg = vp_cmp_child_el(root, "targets");
    d->targets = vp_xcalloc(count_el(tg, "target") + 1, sizeof *d->targets);
    for (const xmlNode *c = tg ? tg->children : NULL; c; c = c->next)
        if (vp_cmp_is_el(c, "target")) {
            c_target *t = &d->targets[d->ntargets++];
            t->id = attr(d->a, c, "id");
            t->item = attr(d->a, c, "item");
            t->value = attr(d->a, c, "value");
            t->unit = attr(d->a, c, "unit");
            t->op = attr(d->a, c, "op");
            t->by = attr(d->a, c, "by");
            t->scope = attr(d->a, c, "scope");
            t->indicator = text_of(d->a, vp_cmp_child_el(c, "indicator"));
        }

    const xmlNode *dl = vp_cmp_child_el(root, "deadlines");
    d->dls = vp_xcalloc(count_el(dl, "deadline") + 1, sizeof *d->dls);
    for (const xmlNode *c = dl ? dl->children : NULL; c; c = c->next)
        if (vp_cmp_is_el(c, "deadline")) {
            c_dl *x = &d->dls[d->ndls++];
            x->id = attr(d->a, c, "id");
            x->item = attr(d->a, c, "item");
            x->kind = attr(d->a, c, "kind");
            x->from = attr(d->a, c, "from");
            x->to = attr(d->a, c, "to");
            x->every = attr(d->a, c, "every");
            x->text = text_of(d->a, c);
        }
    xmlFreeDoc(doc);
    return 0;
}

static const c_item *find_item(const cdoc *d, const char *id)
{
    if (!id || !*id)
        return NULL;
    for (size_t i = 0; i < d->nitems; i++)
        if (!strcmp(d->items[i].id, id))
            return &d->items[i];
    return NULL;
}

/* ---- verdicts ------------------------------------------------------------------ */

enum { CK_REF, CK_SECTION, CK_TARGET, CK_TASK, CK_DEADLINE, CK_N };
static const char *const CK_NAME[CK_N] = {"reference-check", "section-check", "target-check", "task-check",
                                          "deadline-check"};

typedef struct check {
    int type;
    const char *verdict; /* the status for reference-check */
    const char *names[12], *vals[12];
    size_t nattrs;
    const char *content;        /* reference-check text */
    const char *ptext, *ctext;  /* the sentences compared */
    double credit;
} check;

typedef struct checks {
    vp_arena *a;
    check *v;
    size_t n, cap;
    /* warnings on the comparison as a whole (<diagnostics>): their codes and texts */
    const char *warn_code[2], *warn[2];
    size_t nwarn;
    /* kinds of check the parent asks for that could not be made (a side without a body): each
     * counts in the score as one unclear check */
    int unknown[CK_N];
} checks;

static check *ck_new(checks *cs, int type)
{
    if (cs->n == cs->cap) {
        cs->cap = cs->cap ? cs->cap * 2 : 32;
        cs->v = vp_xrealloc(cs->v, cs->cap * sizeof *cs->v);
    }
    check *c = &cs->v[cs->n++];
    memset(c, 0, sizeof *c);
    c->type = type;
    return c;
}

static void ck_attr(check *c, const char *name, const char *val)
{
    if (!val || !*val || c->nattrs == sizeof c->names / sizeof c->names[0])
        return;
    c->names[c->nattrs] = name;
    c->vals[c->nattrs] = val;
    c->nattrs++;
}

/* Gives check c the reason why (a reason it had already is replaced). */
static void ck_reason(check *c, const char *why)
{
    for (size_t k = 0; k < c->nattrs; k++)
        if (!strcmp(c->names[k], "reason")) {
            c->vals[k] = why;
            return;
        }
    ck_attr(c, "reason", why);
}

/* Turns check c unclear for the reason why (the credit of unclear-credit). */
static void ck_unclear(const vp_cmp_cfg *cfg, check *c, const char *why)
{
    c->verdict = "unclear";
    c->credit = cfg->unclear_credit;
    ck_reason(c, why);
}

static const char *fmt2(vp_arena *a, double v) { return vp_arena_printf(a, "%.2f", v); }

/* The parent's number as people write it: its sequence and symbol cleaned, joined by "-" where
 * the number was written so (a Party body's "25-CTr/TU"), else by "/". */
static const char *shown_number(vp_arena *a, const cdoc *p)
{
    if (p->seq[0]) {
        const char *at = strstr(p->number_text, p->seq);
        int dash = at && at[strlen(p->seq)] == '-';
        return vp_arena_printf(a, "%s%s%s", p->seq, dash ? "-" : "/", p->symbol);
    }
    return p->number_text[0] ? p->number_text : "(no number)";
}

/* The child's `implements` reference that names, without a number, the programme the
 * parent's title is (see pairing.c), or NULL. */
static const c_ref *named_in_title(const vp_cmp_cfg *cfg, const cdoc *ch, const cdoc *pa)
{
    if (!pa->title[0])
        return NULL;
    vp_tokens t;
    vp_tokens_make(cfg, pa->title, 0, &t);
    const c_ref *found = NULL;
    for (size_t i = 0; i < ch->nrefs && !found; i++) {
        const c_ref *x = &ch->refs[i];
        const char *nm = x->title[0] ? x->title : x->text; /* its subject, or its name */
        if (x->number[0] || strcmp(x->relation, "implements") || !nm[0])
            continue;
        vp_tokens name;
        vp_tokens_make(cfg, nm, 0, &name);
        long at = name.nseq >= 4 ? vp_tokens_find_run(&name, &t, 0, t.nseq) : -1;
        if (at < 0) /* a syllable typed with other marks ("pháp luât") */
            at = vp_tokens_find_run_near(&name, &t);
        if (at >= 0 && !vp_title_carries(cfg, &t, (size_t)at))
            found = x;
        vp_tokens_free(&name);
    }
    vp_tokens_free(&t);
    return found;
}

static void check_reference(const vp_cmp_cfg *cfg, const cdoc *ch, const cdoc *pa, checks *cs)
{
    check *c = ck_new(cs, CK_REF);
    const char *pnum = shown_number(cs->a, pa);
    const char *pdate = pa->date[0] ? pa->date : "(no date)";
    char *k1 = NULL, *k2 = NULL;
    if (pa->seq[0]) {
        char *s = vp_xmalloc(strlen(pa->seq) + strlen(pa->symbol) + 2);
        sprintf(s, "%s/%s", pa->seq, pa->symbol);
        k1 = vp_number_key(s);
        free(s);
    }
    k2 = vp_number_key(pa->number_text);
    static const char *const rel[] = {"implements", "cited", "basis"};
    const c_ref *ok = NULL, *mis = NULL;
    /* the parent's issuer with its parent authority, as pairing reads it */
    const char *pauth = vp_arena_printf(cs->a, "%s%s%s", pa->authority, pa->auth_parent[0] ? " " : "", pa->auth_parent);
    for (size_t r = 0; r < 3 && !ok; r++)
        for (size_t i = 0; i < ch->nrefs && !ok; i++) {
            const c_ref *x = &ch->refs[i];
            if (strcmp(x->relation, rel[r]))
                continue;
            char *k = vp_number_key(x->number);
            int same = k && ((k1 && !strcmp(k, k1)) || (k2 && !strcmp(k, k2)));
            free(k);
            if (!same)
                continue;
            if (pa->date[0] && !strcmp(x->date, pa->date) && vp_authority_fits(cfg, x->authority, pauth, pa->level))
                ok = x;
            else if (!mis)
                mis = x;
        }
    free(k1);
    free(k2);
    const c_ref *x = ok ? ok : mis;
    const c_ref *named = x ? NULL : named_in_title(cfg, ch, pa);
    if (named) {
        c->verdict = "ok";
        c->credit = 1;
        ck_attr(c, "child", named->id);
        c->content = vp_arena_printf(cs->a, "child names %s (%s %s); parent's title is %s", named->text,
                                     named->relation, named->id, pa->title);
    } else if (x) {
        c->verdict = ok ? "ok" : "mismatch";
        c->credit = ok ? 1 : cfg->unclear_credit;
        ck_attr(c, "child", x->id);
        c->content = vp_arena_printf(cs->a, "child cites %s of %s%s%s%s (%s %s); parent is %s of %s%s%s%s", x->number,
                                     x->date[0] ? x->date : "(no date)", x->authority[0] ? " by \"" : "",
                                     x->authority, x->authority[0] ? "\"" : "", x->relation, x->id, pnum, pdate,
                                     pauth[0] ? " by \"" : "", pauth, pauth[0] ? "\"" : "");
    } else {
        c->verdict = "absent";
        c->credit = 0;
        if (!pa->seq[0] && !k2)
            c->content = vp_arena_printf(cs->a, "parent has no number (\"%s\"), so no reference can name it; parent is of %s",
                                         pa->number_text, pdate);
        else
            c->content = vp_arena_printf(cs->a, "child cites no document numbered %s; parent is %s of %s", pnum, pnum,
                                         pdate);
    }
}

/* A part of the child written as an item of another section ("4. Kinh phí thực hiện" under
 * "TỔ CHỨC THỰC HIỆN"; "2. Kinh phí thực hiện từ nguồn …"): a direct item whose heading, or
 * first paragraph, the sections rules give that kind; short like a heading, or any length for
 * the costs (a paragraph that opens on them is read as a section of costs). */
static const c_item *item_of_kind(const vp_cmp_cfg *cfg, const cdoc *ch, const char *kind, vp_matcher **m)
{
    const vp_family *f = cfg->rules ? vp_rules_family(cfg->rules, "sections") : NULL;
    if (!f)
        return NULL;
    for (size_t i = 0; i < ch->nitems; i++) {
        const c_item *it = &ch->items[i];
        if (it->depth != 1 || !it->head || !*it->head)
            continue;
        size_t n = strlen(it->head);
        if (strcmp(kind, "budget") != 0 && (n > 80 || strpbrk(it->head, ".;")))
            continue;
        if (!*m)
            *m = vp_matcher_new(cfg->rules);
        if (vp_family_first_attr(f, "kind", kind, *m, it->head, n, 0))
            return it;
    }
    return NULL;
}

/* Is it a decision's article with no items that says who executes the decision ("Điều 3. Chánh Văn
 * phòng … chịu trách nhiệm thi hành Quyết định này./.", rules/sections.rules field=closing-article)?
 * Of the kind organisation, it is still no part of a plan's body. */
static int closing_article(const vp_cmp_cfg *cfg, const c_item *it, vp_matcher **m)
{
    if (!it->bare_article || !cfg->rules)
        return 0;
    const vp_family *f = vp_rules_family(cfg->rules, "sections");
    if (!f)
        return 0;
    if (!*m)
        *m = vp_matcher_new(cfg->rules);
    return vp_family_first_attr(f, "field", "closing-article", *m, it->own, strlen(it->own), 0) != NULL;
}

static void check_sections(const vp_cmp_cfg *cfg, const cdoc *ch, const cdoc *pa, checks *cs)
{
    vp_matcher *m = NULL;
    for (size_t k = 0; cfg->section_kinds[k]; k++) {
        const char *kind = cfg->section_kinds[k];
        const c_item *ps = NULL, *cs_ = NULL;
        for (size_t i = 0; i < pa->nitems && !ps; i++)
            if (pa->items[i].depth == 0 && !strcmp(pa->items[i].kind, kind) && !closing_article(cfg, &pa->items[i], &m))
                ps = &pa->items[i];
        if (!ps)
            continue;
        for (size_t i = 0; i < ch->nitems && !cs_; i++)
            if (ch->items[i].depth == 0 && !strcmp(ch->items[i].kind, kind) && !closing_article(cfg, &ch->items[i], &m))
                cs_ = &ch->items[i];
        if (!cs_)
            cs_ = item_of_kind(cfg, ch, kind, &m);
        check *c = ck_new(cs, CK_SECTION);
        ck_attr(c, "kind", kind);
        ck_attr(c, "parent", "present");
        ck_attr(c, "child", cs_ ? "present" : "absent");
        c->verdict = cs_ ? "ok" : "missing";
        c->credit = cs_ ? 1 : 0;
        ck_attr(c, "parent-section", ps->id);
        if (cs_)
            ck_attr(c, "child-section", cs_->id);
    }
    vp_matcher_free(m);
}

static int parse_num(const char *s, double *v)
{
    if (!s || !*s)
        return 0;
    char tmp[64];
    size_t n = strlen(s);
    if (n >= sizeof tmp)
        return 0;
    for (size_t i = 0; i <= n; i++)
        tmp[i] = s[i] == ',' ? '.' : s[i];
    char *e;
    *v = strtod(tmp, &e);
    return e != tmp && *e == 0 && isfinite(*v);
}

/* Last day a partial ISO date allows, as a comparable string; recurring "--MM-DD" kept (seven
 * characters as "2025-06" has, no month to end). */
static void last_day(const char *s, char out[16])
{
    size_t n = strlen(s);
    if (n == 4)
        snprintf(out, 16, "%s-12-31", s);
    else if (n == 7 && s[0] != '-')
        snprintf(out, 16, "%s-31", s);
    else
        snprintf(out, 16, "%.15s", s);
}

/* >0 when a is later than b, 0 when not or when they cannot be compared. */
static int later(const char *a, const char *b)
{
    if (!a || !*a || !b || !*b)
        return 0;
    char x[16], y[16];
    last_day(a, x);
    last_day(b, y);
    int ra = x[0] == '-', rb = y[0] == '-';
    int da = !strncmp(x, "---", 3), db = !strncmp(y, "---", 3);
    if (da != db) { /* a day of each month against a day of one: by that month's ("---05", "2025-06-10") */
        size_t lx = strlen(x), ly = strlen(y);
        return lx >= 2 && ly >= 2 && strcmp(x + lx - 2, y + ly - 2) > 0;
    }
    if (ra || rb) { /* month-day */
        const char *mx = ra ? x + 2 : (strlen(x) >= 10 ? x + 5 : NULL);
        const char *my = rb ? y + 2 : (strlen(y) >= 10 ? y + 5 : NULL);
        if (!mx || !my)
            return 0;
        return strcmp(mx, my) > 0;
    }
    return strcmp(x, y) > 0;
}

/* Days of an ISO 8601 period "P6M", "P1Y", "P2W", "P10D"; 0 for anything else. */
static long period_days(const char *p)
{
    if (!p || p[0] != 'P')
        return 0;
    char *end;
    long n = strtol(p + 1, &end, 10);
    if (end == p + 1 || n <= 0 || end[1] != '\0')
        return 0;
    switch (*end) {
    case 'D': return n;
    case 'W': return 7 * n;
    case 'M': return 30 * n;
    case 'Y': return 365 * n;
    default: return 0;
    }
}

/* Does a day of child schedule q ("--12-15" every "P6M": 15/6 and 15/12) fall in the year on or
 * before the day of the date b ("2025-07-10")?  Only for a schedule of a month-day coming round
 * a whole number of times a year (every "PnM", n a divisor of 12, or "P1Y").  day: the last such
 * day ("--06-15"), when it does. */
static int occurs_by(const c_dl *q, const char *b, char day[static 8])
{
    int m, d, bm, bd, n = 12;
    char c;
    if (strlen(q->to) != 7 || sscanf(q->to, "--%2d-%2d%c", &m, &d, &c) != 2 || m < 1 || m > 12 || !b ||
        strlen(b) != 10 || sscanf(b + 5, "%2d-%2d", &bm, &bd) != 2)
        return 0;
    if (strcmp(q->every, "P1Y")) {
        char *end = NULL;
        long e = q->every[0] == 'P' ? strtol(q->every + 1, &end, 10) : 0;
        if (e < 1 || e > 12 || 12 % e || strcmp(end, "M"))
            return 0;
        n = (int)e;
    }
    int last = 0;
    for (int k = (m - 1) % n + 1; k <= 12; k += n)
        if (k < bm || (k == bm && d <= bd))
            last = k;
    if (last)
        snprintf(day, 8, "--%02d-%02d", last, d);
    return last != 0;
}

/* A recurring deadline of the child that comes round less often than the parent's ("định kỳ
 * hằng năm" for "định kỳ 06 tháng") is later. */
static int sparser(const char *child, const char *parent)
{
    long c = period_days(child), p = period_days(parent);
    return c > 0 && p > 0 && c > p;
}

static const char *unit_fold(vp_arena *a, const char *u)
{
    /* case folded: a table's unit column writes "Triệu đồng", "Xã" */
    utf8proc_uint8_t *f = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)u, 0, &f, UTF8PROC_NULLTERM | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0)
        f = NULL;
    const char *s = vp_arena_strdup(a, f ? (const char *)f : u);
    free(f);
    return s;
}

/* Are folded units x and y the same but for spaces? */
static int same_but_spaces(const char *x, const char *y)
{
    for (;; x++, y++) {
        while (*x == ' ')
            x++;
        while (*y == ' ')
            y++;
        if (*x != *y)
            return 0;
        if (!*x)
            return 1;
    }
}

/* Is folded rate unit l the rate s with words after its denominator that only say which of
 * them ("bé trai/100 bé gái sinh ra sống" and "bé trai/100 bé gái")?  The words after hold no
 * "/", "%" nor digit ("triệu đồng/người/năm" is not "triệu đồng/người"). */
static int rate_qualified(const char *s, const char *l)
{
    size_t n = strlen(s);
    const char *slash = strchr(s, '/');
    return n && slash && strpbrk(slash + 1, "0123456789") && !strncmp(s, l, n) && l[n] == ' ' && l[n + 1] &&
           !strpbrk(l + n, "/%0123456789");
}

/* Do units pu and qu count the same thing: the same words (case folded, abbreviations read:
 * rules/abbrev.tsv), or a count of one kind and of a kind of it ("người" and "người khuyết
 * tật", written "NKT")?  Not rates ("%", "/"), whose words must be the same, except words that
 * say which of a rate's denominator (rate_qualified). */
static int same_unit(const vp_cmp_cfg *cfg, vp_arena *a, const char *pu, const char *qu)
{
    const char *fp = unit_fold(a, pu), *fq = unit_fold(a, qu);
    if (same_but_spaces(fp, fq) || rate_qualified(fp, fq) || rate_qualified(fq, fp))
        return 1;
    if (!*pu || !*qu || strpbrk(pu, "%/") || strpbrk(qu, "%/"))
        return 0;
    vp_tokens x, y;
    vp_tokens_make_seq(cfg, pu, 0, &x);
    vp_tokens_make_seq(cfg, qu, 0, &y);
    const vp_tokens *s = x.nseq <= y.nseq ? &x : &y, *l = s == &x ? &y : &x;
    size_t k = 0;
    while (s->nseq && k < s->nseq && !strcmp(s->seq[k], l->seq[k]))
        k++;
    int same = s->nseq > 0 && k == s->nseq;
    vp_tokens_free(&x);
    vp_tokens_free(&y);
    return same;
}

/* s case folded, each run of spaces one space, none at either end (in arena a). */
static char *fold_words(vp_arena *a, const char *s)
{
    const char *f = unit_fold(a, s);
    char *o = vp_arena_strdup(a, f), *w = o;
    for (const char *r = f; *r; r++)
        if (!isspace((unsigned char)*r))
            *w++ = *r;
        else if (w > o && w[-1] != ' ')
            *w++ = ' ';
    if (w > o && w[-1] == ' ')
        w--;
    *w = 0;
    return o;
}

/* Does folded text t end on the words of folded w (the whole of t, or after a space)? */
static int ends_on_words(const char *t, const char *w)
{
    size_t nt = strlen(t), nw = strlen(w);
    return nw && nt >= nw && !strcmp(t + nt - nw, w) && (nt == nw || t[nt - nw - 1] == ' ');
}

/* Does the group a target is set for (its scope: "Thôn Xuân Lạc", "Tổ dân phố Đắc Lộc 1, Đắc
 * Lộc 2", "Tổ dân phố Hòn Xện và Tổ dân phố Như Xuân") name the unit that issues d: its
 * authority ends on one of the groups ("ỦY BAN NHÂN DÂN XÃ XUÂN LẠC" for "Xã Xuân Lạc"), a group
 * named without its kind (rules/compare.tsv scope-units) being of the kind before it? */
static int scope_is_issuer(const vp_cmp_cfg *cfg, vp_arena *a, const char *scope, const cdoc *d)
{
    if (!scope[0] || !d->authority[0])
        return 0;
    const char *au = fold_words(a, d->authority);
    char *sc = fold_words(a, scope);
    const char *kind = NULL;
    for (char *part = sc; part && *part;) {
        char *end = strchr(part, ','), *conj = strstr(part, " và ");
        if (conj && (!end || conj < end))
            end = conj;
        char *next = end ? end + (*end == ',' ? 1 : 4) : NULL;
        if (end)
            *end = 0;
        while (*part == ' ')
            part++;
        size_t n = strlen(part);
        while (n && part[n - 1] == ' ')
            part[--n] = 0;
        /* the longest kind it opens on */
        const char *own = NULL;
        for (const char *const *u = cfg->scope_units; u && *u; u++) {
            const char *fu = fold_words(a, *u);
            size_t nu = strlen(fu);
            if (!strncmp(part, fu, nu) && part[nu] == ' ' && (!own || nu > strlen(own)))
                own = fu;
        }
        if (own)
            kind = own;
        if (*part && ends_on_words(au, own || !kind ? part : vp_arena_printf(a, "%s %s", kind, part)))
            return 1;
        part = next;
    }
    return 0;
}

/* The parent target's figure on its check: value, unit, op and year. */
static void ck_parent_target(check *c, const c_target *p)
{
    ck_attr(c, "parent-value", p->value);
    ck_attr(c, "parent-unit", p->unit);
    ck_attr(c, "parent-op", p->op);
    ck_attr(c, "parent-by", p->by);
}

/* A target check left unclear: how alike the child's target found is, the parent's target, and
 * why. */
static void ck_target_unclear(checks *cs, check *c, double sim, const c_target *p, const char *why)
{
    c->verdict = "unclear";
    ck_attr(c, "similarity", fmt2(cs->a, sim));
    ck_parent_target(c, p);
    ck_attr(c, "reason", why);
}

/* The sentence a target was read from (its item's text), else its indicator. */
static const char *target_sentence(const cdoc *d, const c_target *t)
{
    const c_item *it = find_item(d, t->item);
    return it && it->own[0] ? it->own : t->indicator;
}

/* A candidate pairing of parent target p with child target c. */
typedef struct tpair {
    double sim;
    double rank; /* sim, less target-op-margin when one side bounds above and the other below */
    size_t p, c;
} tpair;

static int tpair_cmp(const void *x, const void *y)
{
    const tpair *a = x, *b = y;
    if (a->rank != b->rank)
        return a->rank > b->rank ? -1 : 1;
    if (a->sim != b->sim)
        return a->sim > b->sim ? -1 : 1;
    if (a->p != b->p)
        return a->p < b->p ? -1 : 1;
    return a->c < b->c ? -1 : a->c > b->c;
}

/* The rank of a level in rules/compare.tsv level-order (0 highest), or -1 when not listed. */
static int level_rank(const vp_cmp_cfg *cfg, const char *level)
{
    if (!level || !*level)
        return -1;
    size_t n = strlen(level);
    for (int r = 0; cfg->level_order[r]; r++)
        for (const char *p = cfg->level_order[r]; *p;) {
            size_t k = strcspn(p, "=");
            if (k == n && !strncmp(p, level, n))
                return r;
            p += k + (p[k] == '=');
        }
    return -1;
}

/* Does the unit count a total ("lao động", "tỷ đồng", "ha"), which a lower level's plan holds a
 * part of, rather than a rate ("%", "‰", "/100.000 trẻ em", "triệu đồng/người/năm", "tuổi")? */
static int total_unit(const vp_cmp_cfg *cfg, const char *unit)
{
    if (!unit || !*unit || strchr(unit, '%') || strchr(unit, '/') || strstr(unit, "\xE2\x80\xB0"))
        return 0;
    for (size_t i = 0; cfg->rate_units[i]; i++)
        if (!strcmp(cfg->rate_units[i], unit))
            return 0;
    return 1;
}

/* Where in sentence s value v (a target's value, "2.5") is first written ("2,5", "2.5"), not
 * inside another number; NULL when it is not found. */
static const char *value_in(const char *s, const char *v)
{
    size_t n = strlen(v);
    if (!n)
        return NULL;
    for (const char *at = s; *at; at++) {
        size_t k = 0;
        while (k < n && at[k] && (at[k] == v[k] || (v[k] == '.' && at[k] == ',')))
            k++;
        if (k == n && (at == s || !strchr("0123456789.,", at[-1])) &&
            !(at[n] >= '0' && at[n] <= '9') && !((at[n] == ',' || at[n] == '.') && at[n + 1] >= '0' && at[n + 1] <= '9'))
            return at;
    }
    return NULL;
}

/* Does target t set its value for each of those it counts ("Mỗi nhà xây mới có diện tích sử dụng
 * tối thiểu 30 m2"): the per-unit words before its value in its sentence? Such a value is no
 * total that a lower level holds a part of. */
static int per_unit_target(const vp_cmp_cfg *cfg, const cdoc *d, const c_target *t)
{
    const char *s = target_sentence(d, t), *at = value_in(s, t->value);
    if (!at)
        return 0;
    char *before = vp_xstrndup(s, (size_t)(at - s));
    int r = vp_per_unit_said(cfg, before);
    free(before);
    return r;
}

/* Is child target r of target q's sentence s no part of q, but another measure: said after
 * "trong đó" that follows q ("… đạt 95%, trong đó tỷ lệ … tại trạm y tế xã đạt 30%": a share
 * of those q counts), or with its own indicator written out that is not q's with words after it
 * ("… đạt 95% và tỷ lệ … được xét nghiệm tải lượng vi rút đạt 80%")? */
static int other_measure(vp_arena *a, const char *s, const c_target *q, const c_target *r)
{
    const char *qa = value_in(s, q->value), *ra = qa ? value_in(qa + strlen(q->value), r->value) : NULL;
    if (ra) {
        const char *td = strstr(qa, "trong đó");
        if (!td)
            td = strstr(qa, "Trong đó");
        if (td && td < ra)
            return 1;
    }
    if (!r->indicator[0] || !strstr(s, r->indicator))
        return 0;
    const char *fq = unit_fold(a, q->indicator), *fr = unit_fold(a, r->indicator);
    return strncmp(fr, fq, strlen(fq)) != 0;
}

static void check_targets(const vp_cmp_cfg *cfg, cdoc *ch, cdoc *pa, checks *cs)
{
    /* One child target answers at most one parent target: pairs at or above the similarity
     * threshold are taken most similar first (document order on ties), each side once. */
    size_t np = pa->ntargets, nc = ch->ntargets;
    double *bestsim = vp_xcalloc(np + 1, sizeof *bestsim);
    size_t *bestc = vp_xcalloc(np + 1, sizeof *bestc);
    size_t *match = vp_xcalloc(np + 1, sizeof *match);
    double *matchsim = vp_xcalloc(np + 1, sizeof *matchsim);
    size_t *owner = vp_xcalloc(nc + 1, sizeof *owner);
    tpair *pairs = NULL;
    size_t npairs = 0, cap = 0;
    /* the words both titles share (their topic, "an toàn thông tin mạng") weigh topic-weight:
     * every indicator of the plans may hold them */
    vp_tokens tp = {0}, tc = {0}, topic = {0};
    if (pa->title && ch->title) {
        vp_tokens_make(cfg, pa->title, 1, &tp);
        vp_tokens_make(cfg, ch->title, 1, &tc);
        vp_tokens_common(&tp, &tc, &topic);
    }
    /* whom or what each target counts (vp_subject_of) and the words that say it */
    const char **psub = vp_xcalloc(np + 1, sizeof *psub), **psaid = vp_xcalloc(np + 1, sizeof *psaid);
    const char **csub = vp_xcalloc(nc + 1, sizeof *csub), **csaid = vp_xcalloc(nc + 1, sizeof *csaid);
    for (size_t i = 0; i < np; i++)
        psub[i] = vp_subject_of(cfg, cs->a, pa->targets[i].unit, pa->targets[i].indicator, &psaid[i]);
    for (size_t j = 0; j < nc; j++)
        csub[j] = vp_subject_of(cfg, cs->a, ch->targets[j].unit, ch->targets[j].indicator, &csaid[j]);
    /* the group each target is set for (scope), "" for the whole unit; a group that is the
     * child's issuer ("Xã Hải Thanh" of the plan of UBND xã Hải Thanh) is the child's whole.  A
     * parent's target for another group, which no child target is set for either, is not the
     * child's to answer (left out); a child's target for one of its groups answers only the
     * parent's for that group, not one of the whole unit (groupc: the most similar such) */
    const char **pscope = vp_xcalloc(np + 1, sizeof *pscope), **cscope = vp_xcalloc(nc + 1, sizeof *cscope);
    size_t *groupc = vp_xcalloc(np + 1, sizeof *groupc);
    double *groupsim = vp_xcalloc(np + 1, sizeof *groupsim);
    for (size_t j = 0; j < nc; j++)
        cscope[j] = scope_is_issuer(cfg, cs->a, ch->targets[j].scope, ch) ? "" : fold_words(cs->a, ch->targets[j].scope);
    /* a parent's target set for the child's own unit ("…, trong đó huyện Yên Thành 300 lao động"
     * of the plan of UBND huyện Yên Thành) is the child's share: paired before any other */
    uint8_t *pown = vp_xcalloc(np + 1, 1);
    for (size_t i = 0; i < np; i++) {
        pown[i] = (uint8_t)scope_is_issuer(cfg, cs->a, pa->targets[i].scope, ch);
        pscope[i] = pown[i] ? "" : fold_words(cs->a, pa->targets[i].scope);
    }
    for (size_t i = 0; i < np; i++) {
        const vp_tokens *pt = target_tokens(cfg, pa, i);
        bestsim[i] = -1;
        match[i] = SIZE_MAX;
        groupc[i] = SIZE_MAX;
        groupsim[i] = -1;
        for (size_t j = 0; j < nc; j++) {
            double s = vp_tokens_sim_topic(cfg, pt, target_tokens(cfg, ch, j), &topic);
            if (strcmp(pscope[i], cscope[j])) {
                if (!pscope[i][0] && s >= cfg->target_sim && s > groupsim[i]) {
                    groupsim[i] = s;
                    groupc[i] = j;
                }
                continue;
            }
            if (s > bestsim[i]) {
                bestsim[i] = s;
                bestc[i] = j;
            }
            if (s >= cfg->target_sim) {
                if (npairs == cap) {
                    cap = cap ? 2 * cap : 16;
                    pairs = vp_xrealloc(pairs, cap * sizeof *pairs);
                }
                /* of a child's "giảm 0,5%, xuống còn 18%" (ge, le), the level answers the
                 * parent's "giảm xuống còn 20%" (le), the cut its "giảm 1%" (ge) */
                int lp = !strcmp(pa->targets[i].op, "le"), lc = !strcmp(ch->targets[j].op, "le");
                int ep = !strcmp(pa->targets[i].op, "eq"), ec = !strcmp(ch->targets[j].op, "eq");
                double r = s - (lp != lc && !ep && !ec ? cfg->target_op_margin : 0);
                /* of a child's rates of households and of people, the one of the parent's subject */
                if (psub[i] && csub[j] && strcmp(psub[i], csub[j]))
                    r -= cfg->target_subject_margin;
                if (pown[i])
                    r += 1;
                pairs[npairs++] = (tpair){s, r, i, j};
            }
        }
    }
    for (size_t j = 0; j < nc; j++)
        owner[j] = SIZE_MAX;
    if (npairs)
        qsort(pairs, npairs, sizeof *pairs, tpair_cmp);
    for (size_t k = 0; k < npairs; k++)
        if (match[pairs[k].p] == SIZE_MAX && owner[pairs[k].c] == SIZE_MAX) {
            match[pairs[k].p] = pairs[k].c;
            matchsim[pairs[k].p] = pairs[k].sim;
            owner[pairs[k].c] = pairs[k].p;
        }
    for (size_t i = 0; i < np; i++) {
        const c_target *p = &pa->targets[i];
        int matched = match[i] != SIZE_MAX;
        double best = matched ? matchsim[i] : bestsim[i];
        size_t bj = matched ? match[i] : bestc[i];
        if (pscope[i][0]) { /* another group's: checked only against the child's for it */
            size_t j = 0;
            while (j < nc && strcmp(pscope[i], cscope[j]))
                j++;
            if (j == nc)
                continue;
        }
        check *c = ck_new(cs, CK_TARGET);
        ck_attr(c, "parent", p->id);
        c->ptext = target_sentence(pa, p);
        int cy = ch->period_to[0] ? atoi(ch->period_to) : 0, py = p->by[0] ? atoi(p->by) : 0;
        if (!matched && cy > 0 && py > cy && best >= cfg->target_sim && owner[bj] != SIZE_MAX) {
            /* "30% vào năm 2025 và 35% vào năm 2030" for a plan of 2025 that sets the first: the
             * second is not due in the span the child covers, whose target of that indicator
             * answers the first */
            ck_target_unclear(cs, c, best, p,
                              vp_arena_printf(cs->a,
                                              "due in %d, after the span the child covers (to %d); the child's "
                                              "target %s of that indicator answers parent target %s",
                                              py, cy, ch->targets[bj].id, pa->targets[owner[bj]].id));
            continue;
        }
        if (!matched && best >= cfg->target_sim && owner[bj] != SIZE_MAX && pown[owner[bj]] && !pown[i] &&
            total_unit(cfg, p->unit) && !strcmp(pa->targets[owner[bj]].item, p->item)) {
            /* "toàn tỉnh đưa 2.500 lao động …, trong đó huyện Yên Thành 300 lao động": the child
             * answers its share, not the total */
            ck_target_unclear(cs, c, best, p,
                              vp_arena_printf(cs->a,
                                              "the child's target %s answers parent target %s, the part of this "
                                              "total set for the child",
                                              ch->targets[bj].id, pa->targets[owner[bj]].id));
            continue;
        }
        if (!matched && groupc[i] != SIZE_MAX) {
            /* "Tổ dân phố Đắc Lộc 1: tối thiểu 90% …" against the parent's rate of the whole
             * unit: what the child sets for the whole is not said */
            const c_target *g = &ch->targets[groupc[i]];
            c->ctext = target_sentence(ch, g);
            ck_target_unclear(cs, c, groupsim[i], p,
                              vp_arena_printf(cs->a,
                                              "the child sets it only for a group, %s (its target %s, %s%s%s), "
                                              "not for its whole unit",
                                              g->scope, g->id, g->value,
                                              g->unit[0] && strcmp(g->unit, "%") && strcmp(g->unit, "‰") ? " " : "",
                                              g->unit));
            continue;
        }
        if (!matched) {
            c->verdict = "missing";
            if (best >= 0)
                ck_attr(c, "similarity", fmt2(cs->a, best));
            ck_parent_target(c, p);
            if (best >= cfg->target_sim && owner[bj] != SIZE_MAX)
                ck_attr(c, "reason",
                        vp_arena_printf(cs->a, "the most similar child target (%s) answers parent target %s",
                                        ch->targets[bj].id, pa->targets[owner[bj]].id));
            else
                ck_attr(c, "reason", "no target of the child has a similar indicator");
            continue;
        }
        const c_target *q = &ch->targets[bj];
        c->ctext = target_sentence(ch, q);
        ck_attr(c, "child", q->id);
        ck_attr(c, "similarity", fmt2(cs->a, best));
        ck_attr(c, "parent-value", p->value);
        ck_attr(c, "child-value", q->value);
        ck_attr(c, "parent-unit", p->unit);
        ck_attr(c, "child-unit", q->unit);
        ck_attr(c, "parent-op", p->op);
        ck_attr(c, "child-op", q->op);
        ck_attr(c, "parent-by", p->by);
        ck_attr(c, "child-by", q->by);
        const char *pop = p->op[0] ? p->op : "ge", *qop = q->op[0] ? q->op : "ge";
        double pv, qv;
        const char *verdict = "meets", *reason = NULL;
        if (!same_unit(cfg, cs->a, p->unit, q->unit)) {
            verdict = "unclear";
            reason = "the units differ";
        } else if (psub[i] && csub[bj] && strcmp(psub[i], csub[bj])) {
            /* "Tỷ lệ hộ gia đình … đạt 70%" and "Tỷ lệ người dân … đạt 65%": not one indicator */
            verdict = "unclear";
            reason = vp_arena_printf(cs->a, "the parent's target counts %s (%s), the child's %s (%s)", psub[i], psaid[i],
                                     csub[bj], csaid[bj]);
        } else if (!parse_num(p->value, &pv) || !parse_num(q->value, &qv)) {
            verdict = "unclear";
            reason = "a value is not a number";
        } else if (!strcmp(pop, "ge")) {
            if (!strcmp(qop, "le")) {
                verdict = "unclear";
                reason = "the parent sets a minimum, the child a maximum";
            } else if (qv < pv && !pown[i] && total_unit(cfg, p->unit) && level_rank(cfg, ch->level) > level_rank(cfg, pa->level) &&
                       level_rank(cfg, pa->level) >= 0 && !per_unit_target(cfg, pa, p) && !per_unit_target(cfg, ch, q)) {
                /* "3.000 lao động" of a district under "50.000 lao động" of its province: a part
                 * of the total, whose due share the texts do not give (a share the parent sets for
                 * the child's own unit, pown, is no such total) */
                verdict = "unclear";
                reason = "the child, of a lower level, sets a part of the parent's total";
            } else if (qv < pv) {
                verdict = "below";
                reason = "the child's value is lower than the parent's minimum";
            }
        } else if (!strcmp(pop, "le")) {
            if (!strcmp(qop, "ge")) {
                verdict = "unclear";
                reason = "the parent sets a maximum, the child a minimum";
            } else if (qv > pv) {
                verdict = "below";
                reason = "the child's value is higher than the parent's maximum";
            }
        } else if (qv != pv) {
            verdict = "below";
            reason = "the child's value differs from the value the parent fixes";
        }
        if (!strcmp(verdict, "meets") && later(q->by, p->by)) {
            verdict = "below";
            reason = "the child's target is due later";
        }
        if (!strcmp(verdict, "meets") && q->item[0] && cfg->target_part_sim > 0 && !total_unit(cfg, p->unit)) {
            /* a rate the child splits in one sentence ("đạt 45% ở thị trấn và đạt 40% ở các
             * xã"): its other parts (as alike to the one paired as target-part-similarity),
             * paired with no parent target, must meet the parent's too */
            const vp_tokens *pt = target_tokens(cfg, pa, i), *qt = target_tokens(cfg, ch, bj);
            for (size_t k = 0; k < nc; k++) {
                const c_target *r = &ch->targets[k];
                double rv;
                if (k == bj || owner[k] != SIZE_MAX || strcmp(r->item, q->item) || strcmp(r->op, q->op) ||
                    !same_unit(cfg, cs->a, r->unit, q->unit) || !parse_num(r->value, &rv) ||
                    !(strcmp(pop, "le") ? rv < pv : rv > pv) ||
                    vp_tokens_sim(cfg, pt, target_tokens(cfg, ch, k)) < cfg->target_sim ||
                    vp_tokens_sim(cfg, qt, target_tokens(cfg, ch, k)) < cfg->target_part_sim ||
                    other_measure(cs->a, target_sentence(ch, q), q, r))
                    continue;
                verdict = "below";
                reason = vp_arena_printf(cs->a, "a part of the child's target, %s (%s), is %s than the parent's %s",
                                         r->id, r->value, strcmp(pop, "le") ? "lower" : "higher",
                                         strcmp(pop, "le") ? "minimum" : "maximum");
                break;
            }
        }
        c->verdict = verdict;
        ck_attr(c, "reason", reason);
    }
    free(psub);
    free(psaid);
    free(csub);
    free(csaid);
    free(pscope);
    free(pown);
    free(cscope);
    free(groupc);
    free(groupsim);
    free(bestsim);
    free(bestc);
    free(match);
    free(matchsim);
    free(owner);
    free(pairs);
    vp_tokens_free(&tp);
    vp_tokens_free(&tc);
    vp_tokens_free(&topic);
    for (size_t i = 0; i < cs->n; i++)
        if (cs->v[i].type == CK_TARGET)
            cs->v[i].credit = !strcmp(cs->v[i].verdict, "meets")     ? 1
                              : !strcmp(cs->v[i].verdict, "unclear") ? cfg->unclear_credit
                                                                    : 0;
}

/* Into out->uni (sorted, distinct): the syllables of topic and those that task-common-share of
 * the n parent tasks t hold, from task-common-min tasks ("học sinh" of a plan for schools): what
 * every task is about, not what one is (vp_tokens_object leaves them out). */
static void plan_words(const vp_cmp_cfg *cfg, const vp_tokens *const *t, size_t n, const vp_tokens *topic, vp_tokens *out)
{
    memset(out, 0, sizeof *out);
    size_t all = topic->nuni;
    for (size_t q = 0; q < n; q++)
        all += t[q]->nuni;
    char **w = vp_xcalloc(all + 1, sizeof *w);
    size_t nw = 0;
    for (size_t q = 0; q < n; q++)
        for (size_t j = 0; j < t[q]->nuni; j++)
            w[nw++] = t[q]->uni[j];
    qsort(w, nw, sizeof *w, vp_strp_cmp);
    out->uni = vp_xcalloc(all + 1, sizeof *out->uni);
    for (size_t j = 0; j < topic->nuni; j++)
        out->uni[out->nuni++] = vp_xstrdup(topic->uni[j]);
    int on = cfg->task_common_share > 0 && n >= (size_t)cfg->task_common_min;
    for (size_t a = 0, b; on && a < nw; a = b) {
        for (b = a + 1; b < nw && !strcmp(w[a], w[b]); b++)
            ;
        if ((double)(b - a) >= cfg->task_common_share * (double)n &&
            !bsearch(&w[a], topic->uni, topic->nuni, sizeof *topic->uni, vp_strp_cmp))
            out->uni[out->nuni++] = vp_xstrdup(w[a]);
    }
    free(w);
    qsort(out->uni, out->nuni, sizeof *out->uni, vp_strp_cmp);
}

static void check_tasks(const vp_cmp_cfg *cfg, cdoc *ch, cdoc *pa, checks *cs)
{
    int child_has_tasks = 0;
    for (size_t j = 0; j < ch->nitems; j++)
        child_has_tasks |= !strcmp(ch->items[j].kind, "tasks");
    /* candidate profiles: own and full */
    size_t nc = 0;
    size_t *idx = vp_xcalloc(ch->nitems + 1, sizeof *idx);
    for (size_t j = 0; j < ch->nitems; j++) {
        const c_item *it = &ch->items[j];
        if (child_has_tasks ? !strcmp(it->kind, "tasks") && (it->depth > 0 || it->nchildren == 0) : it->depth > 0 || it->nchildren == 0)
            idx[nc++] = j;
    }
    /* the words both titles share name the plans' common topic ("phòng, chống tai nạn thương
     * tích trẻ em"): every task holds them, so they weigh less in telling tasks apart */
    vp_tokens tp = {0}, tc = {0}, topic = {0};
    if (pa->title && ch->title) {
        vp_tokens_make(cfg, pa->title, 1, &tp);
        vp_tokens_make(cfg, ch->title, 1, &tc);
        vp_tokens_common(&tp, &tc, &topic);
    }
    /* every parent task's similarity to every candidate, then each task's best candidate that
     * no other task matches task-taken-ratio times better (a child item on another task
     * shares a few words with this one: "Hỗ trợ nhà ở cho các hộ nghèo" is not "Hỗ trợ phát
     * triển sản xuất … cho hộ nghèo"), unless this one matches it from task-sure-similarity */
    size_t np = 0;
    size_t *pidx = vp_xcalloc(pa->nitems + 1, sizeof *pidx);
    for (size_t i = 0; i < pa->nitems; i++)
        if (pa->items[i].top_task)
            pidx[np++] = i;
    vp_tokens *chead = vp_xcalloc(nc + 1, sizeof *chead); /* each candidate's heading or first paragraph */
    for (size_t k = 0; k < nc; k++)
        vp_tokens_make_seq(cfg, ch->items[idx[k]].head ? ch->items[idx[k]].head : "", 1, &chead[k]);
    double *sim = vp_xcalloc(np * nc + 1, sizeof *sim);
    double *tsim = vp_xcalloc(np * nc + 1, sizeof *tsim); /* by the texts alone: the similarity reported */
    uint8_t *frame = vp_xcalloc(np * nc + 1, 1);              /* the pair shares the task's frame alone */
    double *frame_sim = vp_xcalloc(np * nc + 1, sizeof *frame_sim); /* and its similarity before that counts */
    const char **ptexts = vp_xcalloc(np + 1, sizeof *ptexts);
    const vp_tokens **ptok = vp_xcalloc(np + 1, sizeof *ptok);
    for (size_t q = 0; q < np; q++) {
        size_t i = pidx[q];
        const c_item *p = &pa->items[i];
        ptexts[q] = p->own;
        ptok[q] = item_tokens(cfg, pa, i, 0);
        if ((ptok[q]->nuni < (size_t)cfg->task_min_tokens || p->heading_only) && strcmp(p->own, p->full)) {
            ptexts[q] = p->full;
            ptok[q] = item_tokens(cfg, pa, i, 1);
        }
    }
    vp_tokens aside = {0};
    plan_words(cfg, ptok, np, &topic, &aside);
    for (size_t q = 0; q < np; q++) {
        size_t i = pidx[q];
        const c_item *p = &pa->items[i];
        const vp_tokens *pt = ptok[q];
        /* a task headed by what it is ("1. Rà soát, lập danh sách hộ được hỗ trợ" over its
         * paragraph) is carried by the child item that opens on the same action (its heading's
         * first two words, not the topic's, among the first LEVEL_LEAD_SYLLABLES of the item's
         * heading or first paragraph, after its subject) and holds the words of its heading (the
         * topic's aside), however few of the paragraph's it says ("Các thôn rà soát, bình xét hộ
         * …, gửi danh sách về UBND xã"): another's words of the paragraph ("xây mới, sửa chữa",
         * "hoàn thành trước ngày") are not its action */
        vp_tokens ht = {0};
        if ((p->titled || p->heading_only) && p->head)
            vp_tokens_make(cfg, p->head, 1, &ht);
        /* a heading of fewer words ("3. Truyền thông", "a) Thanh tra, kiểm tra"), over its
         * paragraph or its items, helps when the child item opens on it whole and holds all
         * its words; a longer one only over a paragraph, from task-min-tokens of its words */
        size_t hn = 0;
        vp_tokens_held(cfg, &ht, &ht, &topic, &hn);
        int short_head = hn > 0 && hn < (size_t)cfg->task_min_tokens;
        if (!short_head && !p->titled)
            vp_tokens_free(&ht);
        /* the words it opens on: its action (a short heading's all) */
        vp_tokens verb = {.seq = ht.seq, .nseq = ht.nseq < 2 ? 0 : short_head ? ht.nseq : 2};
        for (size_t b = 0; verb.nseq && b < topic.nbi; b++) { /* not the topic's ("phòng, chống") */
            size_t l0 = strlen(verb.seq[0]);
            if (!strncmp(topic.bi[b], verb.seq[0], l0) && topic.bi[b][l0] == ' ' &&
                !strcmp(topic.bi[b] + l0 + 1, verb.seq[1]))
                verb.nseq = 0;
        }
        /* the words of what the task is about (none when task-frame-credit is off) */
        vp_tokens obj = {0};
        if (cfg->task_frame_credit < 1)
            vp_tokens_object(cfg, pt, &aside, &obj);
        for (size_t k = 0; k < nc; k++) {
            const vp_tokens *co = item_tokens(cfg, ch, idx[k], 0);
            double s = vp_tokens_sim_topic(cfg, pt, co, &topic);
            double s2 = vp_tokens_sim_topic(cfg, pt, item_tokens(cfg, ch, idx[k], 1), &topic);
            if (s2 > s)
                s = s2;
            /* an item alike by the frame the task opens on alone, none of the words of what it
             * is about said ("Ứng dụng công nghệ thông tin trong quản lý hồ sơ sức khỏe điện tử" and
             * "Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý nhà trường"), neither by its own
             * text nor with its sub-items: its similarity counts task-frame-credit */
            frame[q * nc + k] = cfg->task_frame_credit < 1 && obj.nuni >= (size_t)cfg->task_object_min &&
                                !vp_tokens_count_held(&obj, co) &&
                                !vp_tokens_count_held(&obj, item_tokens(cfg, ch, idx[k], 1));
            frame_sim[q * nc + k] = s;
            if (frame[q * nc + k])
                s *= cfg->task_frame_credit;
            tsim[q * nc + k] = s;
            size_t nh = 0;
            double h = verb.nseq && vp_tokens_find_run(&verb, &chead[k], 0, LEVEL_LEAD_SYLLABLES) >= 0
                           ? vp_tokens_held(cfg, &ht, co, &topic, &nh)
                           : 0;
            if (frame[q * nc + k])
                h *= cfg->task_frame_credit;
            if ((short_head ? nh > 0 && h >= 1 : nh >= (size_t)cfg->task_min_tokens) && h > s)
                s = h;
            sim[q * nc + k] = s;
        }
        vp_tokens_free(&obj);
        vp_tokens_free(&ht);
    }
    for (size_t q = 0; q < np; q++) {
        const c_item *p = &pa->items[pidx[q]];
        double best = -1, best_all = -1;
        size_t bk = 0, bk_all = 0, by = np; /* by: the task that took bk_all, np none */
        for (size_t k = 0; k < nc; k++) {
            double s = sim[q * nc + k];
            size_t taker = np;
            for (size_t r = 0; r < np && taker == np && cfg->task_taken_ratio > 0 && s < cfg->task_sure_sim; r++)
                if (r != q && sim[r * nc + k] >= cfg->task_taken_ratio * s)
                    taker = r;
            if (s > best_all) {
                best_all = s;
                bk_all = k;
                by = taker;
            }
            if (taker == np && s > best) {
                best = s;
                bk = k;
            }
        }
        check *c = ck_new(cs, CK_TASK);
        ck_attr(c, "parent", p->id);
        c->ptext = ptexts[q];
        int covered = best >= cfg->task_sim;
        if (covered) {
            ck_attr(c, "child", ch->items[idx[bk]].id);
            c->ctext = ch->items[idx[bk]].own[0] ? ch->items[idx[bk]].own : ch->items[idx[bk]].full;
        }
        /* covered: by the item taken; missing: the closest item's.  The similarity of the texts,
         * not the heading's share that paired them: 1.00 says the child says all of the task */
        if (best_all >= 0)
            ck_attr(c, "similarity", fmt2(cs->a, tsim[q * nc + (covered ? bk : bk_all)]));
        int by_head = covered && best > tsim[q * nc + bk] && tsim[q * nc + bk] < cfg->task_sim; /* the heading paired them */
        for (size_t k = 0; covered && !by_head && best > tsim[q * nc + bk] && k < nc; k++)
            by_head = tsim[q * nc + k] > tsim[q * nc + bk];
        if (by_head)
            ck_attr(c, "reason",
                    vp_arena_printf(cs->a, "the child item opens on the action of the parent task's heading and holds %s of its words",
                                    fmt2(cs->a, best)));
        if (!covered && best_all >= cfg->task_sim && by < np)
            ck_attr(c, "reason",
                    vp_arena_printf(cs->a, "the closest child item, %s, is about the parent's task %s",
                                    ch->items[idx[bk_all]].id, pa->items[pidx[by]].id));
        else if (!covered && frame[q * nc + bk_all] && frame_sim[q * nc + bk_all] >= cfg->task_sim)
            ck_attr(c, "reason",
                    vp_arena_printf(cs->a, "the closest child item, %s, shares only the frame the task opens on (%s alike), "
                                           "none of the words of what it is about",
                                    ch->items[idx[bk_all]].id, fmt2(cs->a, frame_sim[q * nc + bk_all])));
        c->verdict = covered ? "covered" : "missing";
        c->credit = covered;
    }
    for (size_t k = 0; k < nc; k++)
        vp_tokens_free(&chead[k]);
    free(chead);
    free(sim);
    free(tsim);
    free(frame);
    free(frame_sim);
    free(ptok);
    vp_tokens_free(&aside);
    free(ptexts);
    free(pidx);
    vp_tokens_free(&tp);
    vp_tokens_free(&tc);
    vp_tokens_free(&topic);
    free(idx);
}

static int in_list(const char *const *l, const char *s)
{
    for (size_t i = 0; l && l[i]; i++)
        if (!strcmp(l[i], s))
            return 1;
    return 0;
}

#define DL_SHORT 100 /* an item's own text shorter than this (bytes) is told with its parent's */

/* The text a deadline is compared by: its item's own text; a short one ("Thời gian: dự kiến
 * ngày 28/5/2024", a line under its task) after its parent item's, which names the task. */
static const char *dl_sentence(vp_arena *a, const cdoc *d, const c_dl *x)
{
    const c_item *it = find_item(d, x->item);
    if (!it || !it->own[0])
        return x->text;
    const char *dot = strrchr(it->id, '.');
    if (strlen(it->own) >= DL_SHORT || !dot || dot == strchr(it->id, '.'))
        return it->own; /* long enough, or a top item: its parent is a section */
    char pid[64];
    size_t n = (size_t)(dot - it->id);
    if (n >= sizeof pid)
        return it->own;
    memcpy(pid, it->id, n);
    pid[n] = 0;
    const c_item *up = find_item(d, pid);
    if (!up || !up->own[0])
        return it->own;
    return vp_arena_printf(a, "%s %s", up->own, it->own);
}

#define DL_MIN_TOKENS 3 /* syllables a deadline's sentence keeps without the deadline's words */

/* The syllables deadline x of d is matched by: its sentence s (dl_sentence) without the
 * deadline's own words ("hoàn thành trước ngày 31/10/2025"), which say when and not what, nor
 * the words of the other deadlines of its item said in s ("Khởi công … trong tháng 4/2025; hoàn
 * thành 70% số nhà trước ngày 30/6/2025": each is told apart by its day, not by the other's; not
 * a schedule's, whose words name the report too, "định kỳ 6 tháng", "hằng năm");
 * with those others' words when too little is left without them, the whole sentence when too
 * little is left without its own. */
static void dl_tokens(const vp_cmp_cfg *cfg, vp_arena *a, const cdoc *d, const char *s, const c_dl *x, vp_tokens *t)
{
    const char *at = x->text && x->text[0] ? strstr(s, x->text) : NULL;
    if (at) {
        size_t n = strlen(x->text);
        const char *rest = vp_arena_printf(a, "%.*s %s", (int)(at - s), s, at + n);
        char *bare = vp_arena_strdup(a, rest);
        for (size_t k = 0; k < d->ndls; k++) {
            const c_dl *o = &d->dls[k];
            if (o == x || !o->text || !o->text[0] || !o->item || !x->item || strcmp(o->item, x->item) ||
                !strcmp(o->kind, "recurring") || !strcmp(x->kind, "recurring"))
                continue; /* a schedule's words say what too: "định kỳ 6 tháng", "hằng năm" */
            char *oa = strstr(bare, o->text);
            if (oa)
                memset(oa, ' ', strlen(o->text));
        }
        vp_tokens_make(cfg, bare, 1, t);
        if (t->nseq >= DL_MIN_TOKENS)
            return;
        vp_tokens_free(t);
        vp_tokens_make(cfg, rest, 1, t);
        if (t->nseq >= DL_MIN_TOKENS)
            return;
        vp_tokens_free(t);
    }
    vp_tokens_make(cfg, s, 1, t);
}

/* Does the parent's sentence ptext ask for child's own plan by deadline p (vp_own_plan_due at
 * the child's level)?  The plan is to be asked in p's clause, between the ";" around it ("UBND
 * các xã xây dựng kế hoạch trước ngày 28/02/2025; báo cáo kết quả trước ngày 15/5/2025": the
 * report's day is not the plan's). */
static int own_plan_asked(const vp_cmp_cfg *cfg, vp_arena *a, const char *ptext, const c_dl *p, const cdoc *pa,
                          const cdoc *ch)
{
    const char *at = p->text && p->text[0] ? strstr(ptext, p->text) : NULL;
    const char *cs = ptext, *ce = ptext + strlen(ptext);
    if (at) {
        for (const char *q = at; q > ptext; q--)
            if (q[-1] == ';') {
                cs = q;
                break;
            }
        const char *semi = strchr(at + strlen(p->text), ';');
        if (semi)
            ce = semi;
    }
    vp_tokens t, cl;
    vp_tokens_make_seq(cfg, ptext, 0, &t);
    vp_tokens_make_seq(cfg, cs == ptext && !*ce ? ptext : vp_arena_strndup(a, cs, (size_t)(ce - cs)), 0, &cl);
    int r = vp_own_plan_due(cfg, &cl, &t, ch->level);
    if (!r && vp_own_plan_opens(cfg, &t)) {
        /* "a) Xây dựng kế hoạch triển khai tại địa phương trước ngày 30/4/2025" under "4. Đề
         * nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương": the item above says
         * whom the sentence asks */
        const c_item *it = find_item(pa, p->item);
        const char *dot = it ? strrchr(it->id, '.') : NULL;
        const c_item *up = dot ? find_item(pa, vp_arena_strndup(a, it->id, (size_t)(dot - it->id))) : NULL;
        if (up && up->head && up->head[0]) {
            vp_tokens h;
            vp_tokens_make_seq(cfg, up->head, 0, &h);
            r = vp_own_plan_due(cfg, &cl, &h, ch->level);
            vp_tokens_free(&h);
        }
    }
    vp_tokens_free(&cl);
    vp_tokens_free(&t);
    return r;
}

static const char *ck_get(const check *c, const char *name)
{
    for (size_t k = 0; k < c->nattrs; k++)
        if (!strcmp(c->names[k], name))
            return c->vals[k];
    return NULL;
}

/* Is item b item a or under it ("s2.3" under "s2")? */
static int item_under(const char *b, const char *a)
{
    size_t n = strlen(a);
    return n && !strncmp(b, a, n) && (b[n] == 0 || b[n] == '.');
}

/* The task-check of the parent's task item holds (it, or the item it is under), NULL if none. */
static const check *task_check_of(const checks *cs, const char *item)
{
    const check *best = NULL;
    size_t bl = 0;
    for (size_t i = 0; item && item[0] && i < cs->n; i++) {
        const char *id = cs->v[i].type == CK_TASK ? ck_get(&cs->v[i], "parent") : NULL;
        if (id && item_under(item, id) && strlen(id) > bl) {
            best = &cs->v[i];
            bl = strlen(id);
        }
    }
    return best;
}

/* Does the child hold a target in item id or under it? */
static int has_target_under(const cdoc *ch, const char *id)
{
    for (size_t k = 0; k < ch->ntargets; k++)
        if (item_under(ch->targets[k].item, id))
            return 1;
    return 0;
}

/* The item of tasks or objectives of document ch (the child, or the parent itself), with no
 * target of its own, that holds the words of parent target p's indicator (task-min-tokens
 * syllables or more; target-part-similarity of its syllables and pairs): "100% hộ nghèo, hộ cận
 * nghèo khó khăn về nhà ở được hỗ trợ xây mới, sửa chữa nhà ở" carried down as the task "Hỗ trợ xây
 * mới, sửa chữa nhà ở cho hộ nghèo, hộ cận nghèo khó khăn về nhà ở"; NULL when none does. */
static const char *target_said(const vp_cmp_cfg *cfg, cdoc *ch, cdoc *pa, const c_target *p)
{
    if (cfg->target_part_sim <= 0)
        return NULL;
    const vp_tokens *pt = target_tokens(cfg, pa, (size_t)(p - pa->targets));
    const char *best = NULL;
    double bs = -1;
    for (size_t j = 0; j < ch->nitems; j++) {
        const c_item *it = &ch->items[j];
        if ((strcmp(it->kind, "tasks") && strcmp(it->kind, "objectives")) || !it->depth || has_target_under(ch, it->id))
            continue;
        size_t n = 0;
        double h = vp_tokens_held(cfg, pt, item_tokens(cfg, ch, j, 0), NULL, &n);
        if (n >= (size_t)cfg->task_min_tokens && h >= cfg->target_part_sim && h > bs) {
            bs = h;
            best = it->id;
        }
    }
    return best;
}

/* A parent target said in a task ("Triển khai mô hình … tại 100% xã, phường, thị trấn") that no
 * child target answers, while the child's item that carries the task holds no target at all
 * ("Xây dựng mô hình … ở tất cả các xã, thị trấn"): the task is carried down without its figure,
 * unclear rather than missing; so too a target the child says in an item without a figure
 * (target_said). */
static void targets_in_carried_tasks(const vp_cmp_cfg *cfg, cdoc *ch, cdoc *pa, checks *cs)
{
    for (size_t i = 0; i < cs->n; i++) {
        check *c = &cs->v[i];
        if (c->type != CK_TARGET || strcmp(c->verdict, "missing"))
            continue;
        const char *pid = ck_get(c, "parent");
        const c_target *p = NULL;
        for (size_t k = 0; pid && k < pa->ntargets && !p; k++)
            if (!strcmp(pa->targets[k].id, pid))
                p = &pa->targets[k];
        const check *tk = p ? task_check_of(cs, p->item) : NULL;
        const char *citem = tk && !strcmp(tk->verdict, "covered") ? ck_get(tk, "child") : NULL;
        const char *why = NULL;
        if (citem && !has_target_under(ch, citem))
            why = vp_arena_printf(cs->a, "the child's item %s carries the parent's task %s without a figure", citem,
                                  ck_get(tk, "parent"));
        else if (p && (citem = target_said(cfg, ch, pa, p)) != NULL) {
            /* the parent says it in a task of its own too ("4. 100% vụ ngộ độc thực phẩm được điều
             * tra, xử lý kịp thời" and the task "5. Điều tra, xử lý kịp thời các vụ ngộ độc thực
             * phẩm"): the child's item that carries that task carries the task, not the target */
            const char *pitem = target_said(cfg, pa, pa, p);
            const check *pk = pitem ? task_check_of(cs, pitem) : NULL;
            const char *pc = pk && !strcmp(pk->verdict, "covered") ? ck_get(pk, "child") : NULL;
            if (pc && (item_under(citem, pc) || item_under(pc, citem)))
                ck_reason(c, vp_arena_printf(cs->a, "the child's item %s carries the parent's task %s, which says the "
                                             "target without a figure too", citem, ck_get(pk, "parent")));
            else
                why = vp_arena_printf(cs->a, "the child's item %s says the parent's target without a figure", citem);
        }
        if (why)
            ck_unclear(cfg, c, why);
    }
}

/* The days from 1970-01-01 to the date iso ("YYYY-MM-DD"), LONG_MIN when it is not one. */
static long day_number(const char *iso)
{
    int y, m, d;
    if (strlen(iso) != 10 || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return LONG_MIN;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400, doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

#define DL_TIE 0.05 /* child deadlines this close to the best similarity are told apart by their day */

/* Where deadline x of d is said in its sentence s, NULL when not found; *from: the start of its
 * clause, the end of the deadline before it in s or a ";" ("… ban hành kế hoạch trước ngày
 * 31/5/2024; báo cáo kết quả trước ngày 15/12": the second's clause is "báo cáo kết quả"), not of
 * a schedule right before it, whose day it names ("báo cáo … định kỳ 6 tháng trước ngày 10/6"). */
static const char *dl_clause(const cdoc *d, const c_dl *x, const char *s, const char **fromp)
{
    const char *at = x->text && x->text[0] ? strstr(s, x->text) : NULL;
    if (!at)
        return NULL;
    const char *from = s;
    for (const char *q = at; q > s; q--)
        if (q[-1] == ';') {
            from = q;
            break;
        }
    for (size_t k = 0; k < d->ndls; k++) {
        const c_dl *o = &d->dls[k];
        if (o == x || !o->text[0] || !item_under(x->item, o->item))
            continue;
        const char *oa = strstr(s, o->text);
        const char *oe = oa ? oa + strlen(o->text) : NULL;
        if (oe && oe <= at && !strcmp(o->kind, "recurring") && oe + strspn(oe, " (") == at)
            continue; /* "định kỳ hằng năm trước ngày 05/11": one deadline said twice, one clause */
        if (oe && oe <= at && oe > from)
            from = oe;
    }
    *fromp = from;
    return at;
}

/* What the clause of deadline x of d in its sentence s (dl_clause) says: *per, the period of the
 * report it is of (vp_report_period), NULL when none is said; *rep, whether it is of a report;
 * *rep_before, whether a report word comes before it in s ("báo cáo UBND tỉnh kết quả 6 tháng
 * trước ngày 10/6/2025, kết quả năm trước ngày 15/12/2025": both the day of a report).  The
 * clause runs from the end of the deadline before it in s, or from a ";", to it ("Báo cáo kết
 * quả 6 tháng trước ngày 10/6/2025 và báo cáo năm trước ngày 10/11/2025": "6 tháng" for the
 * first, "báo cáo năm" for the second); *review, whether the clause names a review ("sơ kết",
 * "tổng kết": vp_review_said). */
static void dl_about(const vp_cmp_cfg *cfg, vp_arena *a, const cdoc *d, const c_dl *x, const char *s,
                     const char **per, int *rep, int *rep_before, int *review)
{
    const char *from = NULL, *at = dl_clause(d, x, s, &from);
    *per = NULL;
    *rep = *rep_before = *review = 0;
    if (!at)
        return;
    const char *clause = vp_arena_strndup(a, from, (size_t)(at - from));
    const char *before = vp_arena_strndup(a, s, (size_t)(at - s));
    *per = vp_report_period(cfg, before, clause);
    *rep = vp_report_said(cfg, clause);
    *rep_before = vp_report_said(cfg, before);
    *review = vp_review_said(cfg, clause);
}

/* The level the report of deadline x of d goes to, by its sentence s from the ";" before it to
 * it (vp_report_to: "tổng hợp, báo cáo UBND tỉnh … 6 tháng trước ngày 10/6/2025 và báo cáo năm"
 * of the second day: province); a report of that clause naming none goes where the sentence
 * before it sends the last one ("báo cáo kết quả 6 tháng về UBND tỉnh … trước ngày 10/6/2026;
 * báo cáo kết quả năm trước ngày 05/12/2026": province); NULL when none is named. */
static const char *dl_report_to(const vp_cmp_cfg *cfg, vp_arena *a, const cdoc *d, const c_dl *x, const char *s)
{
    const char *from = NULL, *at = dl_clause(d, x, s, &from);
    if (!at)
        return NULL;
    from = at;
    while (from > s && from[-1] != ';')
        from--;
    const char *clause = vp_arena_strndup(a, from, (size_t)(at - from));
    const char *to = vp_report_to(cfg, clause);
    if (!to && from > s && vp_report_said(cfg, clause))
        to = vp_report_to(cfg, vp_arena_strndup(a, s, (size_t)(from - 1 - s)));
    return to;
}

/* The highest level the report of deadline x of sentence s goes to of those its clause names
 * one after another ("báo cáo UBND thị xã và Sở Khoa học và Công nghệ …": a department's), to
 * being the first (dl_report_to); NULL when none is said. */
static const char *dl_report_to_top(const vp_cmp_cfg *cfg, vp_arena *a, const cdoc *d, const c_dl *x, const char *s,
                                    const char *to)
{
    const char *from = NULL, *at = dl_clause(d, x, s, &from);
    if (!to || !at)
        return to;
    from = at;
    while (from > s && from[-1] != ';')
        from--;
    /* each body after "và" read as a report's own ("… và báo cáo Sở …") */
    static const char and_[] = " và ", each_[] = " và báo cáo ";
    const size_t la = sizeof and_ - 1, le = sizeof each_ - 1;
    const char *clause = vp_arena_strndup(a, from, (size_t)(at - from));
    size_t extra = 0;
    for (const char *v = strstr(clause, and_); v; v = strstr(v + 1, and_))
        extra++;
    if (!extra)
        return to;
    char *each = vp_arena_alloc(a, strlen(clause) + extra * (le - la) + 1), *o = each;
    for (const char *c = clause; *c;) {
        if (!strncmp(c, and_, la)) {
            memcpy(o, each_, le);
            o += le;
            c += la;
        } else
            *o++ = *c++;
    }
    *o = 0;
    const char *to2 = vp_report_to(cfg, each);
    return to2 && level_rank(cfg, to2) >= 0 && level_rank(cfg, to2) < level_rank(cfg, to) ? to2 : to;
}

/* The level that the report of deadline x of sentence s goes to, said before its day (to, as
 * dl_report_to reads it) or after the last day of its clause between ";", each day's ("báo cáo
 * sơ kết học kỳ I trước ngày 20/01/2027 và báo cáo tổng kết năm học trước ngày 15/6/2027 về Sở
 * Giáo dục và Đào tạo"); NULL when none is said. */
static const char *dl_report_to_around(const vp_cmp_cfg *cfg, vp_arena *a, const cdoc *d, const c_dl *x, const char *s,
                                       const char *to)
{
    const char *from = NULL, *at = to ? NULL : dl_clause(d, x, s, &from);
    if (!at)
        return to;
    while (from > s && from[-1] != ';')
        from--;
    const char *end = at + strcspn(at, ";"), *tail = at + strlen(x->text);
    for (size_t k = 0; k < d->ndls; k++) {
        const char *oa = d->dls[k].text[0] ? strstr(at, d->dls[k].text) : NULL;
        if (oa && oa < end && oa + strlen(d->dls[k].text) > tail)
            tail = oa + strlen(d->dls[k].text);
    }
    if (tail > end)
        tail = end;
    return vp_report_to(cfg, vp_arena_printf(a, "%.*s %.*s", (int)(at - from), from, (int)(end - tail), tail));
}

/* The recurrence of a child's schedule that answers a one-off report of period per (a name of
 * compare.tsv report-period; NULL, none said: a year's), by compare.tsv report-every; NULL for a
 * period of no schedule. */
static const char *report_every(const vp_cmp_cfg *cfg, const char *per)
{
    if (!per)
        per = "year";
    for (size_t k = 0; k < cfg->nevery; k++)
        if (!strcmp(per, cfg->every_name[k]))
            return cfg->every_dur[k];
    return NULL;
}

/* A parent deadline as the child's are handed out. */
typedef struct dl_want {
    const c_dl *p;
    const char *ptext;
    const check *tk;   /* the task-check of the parent's task it is of, NULL if none */
    const char *titem; /* the child's item carrying that task, NULL if none */
    int prec;          /* recurring */
    int own;           /* asks for the child plan itself: its date answers */
    int in_task;       /* answered among the deadlines of titem (any of them) */
    int addr;          /* its sentence is addressed to those of the child's level */
    const char *plead; /* the level its sentence is addressed to (vp_level_lead), NULL if none */
    double need;       /* the similarity a child deadline of another item must reach */
    const char *why;   /* why need is task-sure-similarity: the reason when none does */
    long pday;         /* its last day (one-off), LONG_MIN when not a full date */
    int taken;
    size_t bj;         /* the child deadline taken */
    double best;       /* the most similar candidate's similarity, -1 when none */
    size_t jbest;      /* that candidate */
    const char *pper;  /* the period of the report it is of, NULL when none said */
    double best_other; /* the most similar child deadline of another period, -1 when none */
    size_t jother;     /* that deadline */
    double sched_sim;  /* a one-off report: the most similar schedule of its period of the child
                        * (report_every), -1 when none */
    size_t jsched;     /* that deadline */
    int nsched;        /* the child's schedules of that period */
    const char *own_every; /* recurring: answered by the child's own one-off report of this period,
                            * the parent's or a sparser one (report_every), NULL when not */
    const char *occasion; /* a day by a name the child's item carrying the task names too */
    const char *above; /* the parent's own report to a level above its own, NULL when not */
    const char *pto;   /* the level its report goes to (dl_report_to_around), NULL when none said */
    int whole;         /* its clause is of the whole of the task (whole-words) */
} dl_want;

/* May the child's schedule of reports w->jsched answer one-off report w: as alike as
 * deadline-similarity, or the child's only one of its period (task-sure-similarity when w is of a
 * task the child's item carries without a day, or of one not carried down)? */
static int sched_answers(const vp_cmp_cfg *cfg, const dl_want *w)
{
    return w->sched_sim >= 0 && (w->sched_sim >= cfg->deadline_sim || w->nsched == 1) &&
           (!w->why || w->sched_sim >= cfg->task_sure_sim);
}

/* The name of the occasion a one-off deadline's words say ("trong dịp Tết Nguyên đán": "Tết
 * Nguyên đán"): from its first capital to a bracket or a figure, of two words or more; NULL when
 * there is none. */
static const char *occasion_name(vp_arena *a, const char *t)
{
    const char *b = t;
    while (*b) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)b, -1, &c);
        if (n <= 0)
            return NULL;
        if (utf8proc_category(c) == UTF8PROC_CATEGORY_LU)
            break;
        b += n;
    }
    size_t len = strcspn(b, "(0123456789");
    while (len && b[len - 1] == ' ')
        len--;
    if (!len || !memchr(b, ' ', len))
        return NULL;
    return vp_arena_strndup(a, b, len);
}

/* The days between the last days of parent deadline w and child deadline q, LONG_MAX when
 * either is not a full date. */
static long days_apart(const dl_want *w, const c_dl *q)
{
    long qday = day_number(q->to[0] ? q->to : q->from);
    return w->pday == LONG_MIN || qday == LONG_MIN ? LONG_MAX : labs(qday - w->pday);
}

/* Do child deadline q's full days hold the whole span of parent deadline p (a span of days
 * with a start and an end, both written as full dates)? */
static int spans_hold(const c_dl *q, const c_dl *p)
{
    if (strcmp(p->kind, "range") || strcmp(q->kind, "range") || strlen(p->from) != 10 || strlen(p->to) != 10 ||
        strlen(q->from) != 10 || strlen(q->to) != 10 || strcmp(p->from, p->to) >= 0)
        return 0;
    return strcmp(q->from, p->from) <= 0 && strcmp(q->to, p->to) >= 0;
}

/* Does child span q begin after parent span p begins (both "từ ngày … đến ngày …", whole dates)?
 * An "đợt cao điểm … từ ngày 20/01/2025 đến ngày 15/3/2025" the child begins on 10/02 is taken up
 * later, though it ends in time (asked only of an action held on every day of its span, the
 * caller's span words: a child's inspections "từ tháng 9 đến tháng 10/2024" are done within the
 * parent's "từ tháng 8 đến tháng 10/2024"). */
static int span_starts_later(const c_dl *q, const c_dl *p)
{
    if (strcmp(p->kind, "range") || strcmp(q->kind, "range") || strlen(p->from) != 10 || strlen(p->to) != 10 ||
        strlen(q->from) != 10 || strlen(q->to) != 10 || strcmp(p->from, p->to) >= 0)
        return 0;
    return strcmp(q->from, p->from) > 0;
}

/* Does child span q end after parent span p ends (both "từ ngày … đến ngày …", whole dates)? The
 * work of "Thu thập thông tin tại địa bàn từ ngày 01/7/2025 đến ngày 31/7/2025" carried down to
 * 05/8/2025 is later; the reason says so, as it says a span held or begun later. */
static int span_ends_later(const c_dl *q, const c_dl *p)
{
    if (strcmp(p->kind, "range") || strcmp(q->kind, "range") || strlen(p->from) != 10 || strlen(p->to) != 10 ||
        strlen(q->from) != 10 || strlen(q->to) != 10 || strcmp(p->from, p->to) >= 0)
        return 0;
    return strcmp(q->to, p->to) > 0;
}

/* The child deadline that one-off parent deadline w (row sim of similarities, -1 for no
 * candidate) takes among those no other has taken (owner SIZE_MAX): the most similar; of
 * those as similar as it (DL_TIE), the one whose day is nearest the parent's (deadlines said
 * in one sentence: "báo cáo sơ kết 6 tháng trước ngày 15/6/2025 và tổng kết năm trước ngày
 * 10/12/2025" match the child's alike).  SIZE_MAX when none is left. */
static size_t dl_pick(const cdoc *ch, const dl_want *w, const double *sim, const size_t *owner)
{
    double best = -1;
    size_t bj = SIZE_MAX;
    for (size_t j = 0; j < ch->ndls; j++)
        if (sim[j] >= 0 && owner[j] == SIZE_MAX && sim[j] > best) {
            best = sim[j];
            bj = j;
        }
    for (size_t j = 0, bd = (size_t)-1; w->pday != LONG_MIN && bj != SIZE_MAX && j < ch->ndls; j++) {
        if (sim[j] < 0 || owner[j] != SIZE_MAX || sim[j] < best - DL_TIE)
            continue;
        long dist = days_apart(w, &ch->dls[j]);
        if (dist != LONG_MAX && (size_t)dist < bd) {
            bd = (size_t)dist;
            bj = j;
        }
    }
    return bj;
}

/* One round of the pairing of one-off deadlines (check_deadlines) over similarities sims. */
static void dl_pick_round(const cdoc *ch, dl_want *want, size_t np, const double *sims, size_t *owner)
{
    size_t nc = ch->ndls;
    size_t *pick = vp_xcalloc(np + 1, sizeof *pick);
    for (;;) {
        /* each one's pick among those left; the most similar pick first, and of picks as
         * similar (DL_TIE) the one of the nearest days: two deadlines of one sentence ("Báo cáo
         * kết quả 6 tháng trước ngày 10/6/2025 và báo cáo năm trước ngày 10/11/2025"), alike to
         * the child's one report ("… 6 tháng … trước ngày 10/6/2025"), go by its day */
        /* then those addressed to the child's level ("UBND các huyện … báo cáo năm trước ngày
         * 20/11") before a department's own ("Sở … tổng hợp, báo cáo UBND tỉnh trước ngày 15/12"),
         * which the child's one report would otherwise answer first */
        int top_task = -1, top_addr = -1;
        double top = -1;
        for (size_t i = 0; i < np; i++) {
            const dl_want *w = &want[i];
            pick[i] = SIZE_MAX;
            if (!w->p || w->own || w->prec || w->taken)
                continue;
            size_t j = dl_pick(ch, w, &sims[i * nc], owner);
            if (j == SIZE_MAX || (!w->in_task && sims[i * nc + j] < w->need))
                continue;
            pick[i] = j;
            if (w->in_task > top_task || (w->in_task == top_task && w->addr > top_addr) ||
                (w->in_task == top_task && w->addr == top_addr && sims[i * nc + j] > top)) {
                top_task = w->in_task;
                top_addr = w->addr;
                top = sims[i * nc + j];
            }
        }
        if (top_task < 0)
            break;
        size_t bi = SIZE_MAX;
        long bd = LONG_MAX;
        for (size_t i = 0; i < np; i++) {
            if (pick[i] == SIZE_MAX || want[i].in_task != top_task || want[i].addr != top_addr ||
                sims[i * nc + pick[i]] < top - DL_TIE)
                continue;
            long d = days_apart(&want[i], &ch->dls[pick[i]]);
            if (bi == SIZE_MAX || d < bd || (d == bd && sims[i * nc + pick[i]] > sims[bi * nc + pick[bi]])) {
                bi = i;
                bd = d;
            }
        }
        want[bi].taken = 1;
        want[bi].bj = pick[bi];
        owner[pick[bi]] = bi;
    }
    free(pick);
}

/* The chain of reports (check_deadlines) over similarities sims. */
static void dl_share_chain(const cdoc *ch, dl_want *want, size_t np, const double *sims, const size_t *owner)
{
    size_t nc = ch->ndls;
    /* a department's own report ("Sở … tổng hợp, báo cáo UBND tỉnh trước ngày 15/12") whose
     * answer is the child's report that a deadline addressed to the child's level took ("UBND
     * các huyện … báo cáo năm trước ngày 20/11"): the child's report comes first in that chain */
    for (size_t i = 0; i < np; i++) {
        dl_want *w = &want[i];
        if (!w->p || w->own || w->prec || w->taken || w->addr || w->best < 0 || (!w->in_task && w->best < w->need))
            continue;
        /* of the child's reports so taken and alike enough, the one whose day is nearest */
        size_t bj = SIZE_MAX;
        long bd = LONG_MAX;
        for (size_t j = 0; j < nc; j++) {
            double sj = sims[i * nc + j];
            if (sj < 0 || owner[j] == SIZE_MAX || !want[owner[j]].addr || (!w->in_task && sj < w->need))
                continue;
            long d = days_apart(w, &ch->dls[j]);
            if (bj == SIZE_MAX || d < bd) {
                bj = j;
                bd = d;
            }
        }
        if (bj != SIZE_MAX) {
            w->taken = 1;
            w->bj = bj;
        }
    }
}

/* The last day of child deadline q, LONG_MIN when not a full date. */
static long dl_day(const c_dl *q)
{
    return day_number(q->to[0] ? q->to : q->from);
}

/* Is one-off parent deadline w, untaken, of the same parent item as the one-off w2 and answered
 * among the deadlines of the child's item carrying it (check_deadlines)? */
static int same_task_day(const dl_want *w, const dl_want *w2)
{
    return w != w2 && w->p && w2->p && !w->own && !w2->own && !w->prec && !w2->prec && w->in_task && w2->in_task &&
           !strcmp(w->p->item, w2->p->item) && w->pday != LONG_MIN && w2->pday != LONG_MIN;
}

/* A day of the whole of a parent task (whole-words: "… hoàn thành toàn bộ … trước ngày
 * 31/10/2025") that no child deadline answers: the one day the child's item carrying the task
 * gives it ("hoàn thành trước ngày 25/9/2025"), which another day of that task took, when it comes
 * no later (not a day of a part, "hoàn thành 70% số nhà trước ngày 30/6/2025", beside another). */
static void dl_share_task_days(const cdoc *ch, dl_want *want, size_t np, const double *sims, const size_t *owner)
{
    size_t nc = ch->ndls;
    for (size_t i = 0; i < np; i++) {
        dl_want *w = &want[i];
        if (w->taken || !w->whole || !w->titem)
            continue;
        size_t nday = 0; /* the days the child's item gives the task: one, the day of the whole */
        for (size_t j = 0; j < nc; j++)
            nday += item_under(ch->dls[j].item, w->titem);
        if (nday != 1)
            continue;
        size_t bj = SIZE_MAX;
        for (size_t j = 0; j < nc; j++) {
            long qday = dl_day(&ch->dls[j]);
            if (owner[j] == SIZE_MAX || sims[i * nc + j] < 0 || qday == LONG_MIN || qday > w->pday ||
                !same_task_day(w, &want[owner[j]]) || !want[owner[j]].taken || want[owner[j]].bj != j)
                continue;
            if (bj == SIZE_MAX || qday > dl_day(&ch->dls[bj]))
                bj = j;
        }
        if (bj != SIZE_MAX) {
            w->taken = 1;
            w->bj = bj;
        }
    }
}

static void check_deadlines(const vp_cmp_cfg *cfg, const cdoc *ch, const cdoc *pa, checks *cs)
{
    /* the child is a plan with a full date: a parent's deadline for it can be checked */
    int own_plan = ch->date && strlen(ch->date) == 10 && ch->doctype && in_list(cfg->own_plan_doctypes, ch->doctype);
    size_t np = pa->ndls, nc = ch->ndls;
    vp_tokens *ct = vp_xcalloc(nc + 1, sizeof *ct);
    const char **cper = vp_xcalloc(nc + 1, sizeof *cper);
    double *sims = vp_xcalloc(np * nc + 1, sizeof *sims);
    dl_want *want = vp_xcalloc(np + 1, sizeof *want);
    size_t *owner = vp_xcalloc(nc + 1, sizeof *owner);
    /* the level each child deadline's sentence is addressed to; one below the child's own */
    const char **clead = vp_xcalloc(nc + 1, sizeof *clead);
    uint8_t *clead_sub = vp_xcalloc(nc + 1, 1);
    uint8_t *crep = vp_xcalloc(nc + 1, 1); /* its clause says it is of a report (dl_about) */
    uint8_t *crep_day = vp_xcalloc(nc + 1, 1); /* a one-off day of a report: a report word before it */
    /* whether its sentence names the parent's issuer whole, its office title left out
     * (vp_authority_body): "… báo cáo UBND tỉnh và Bộ Thông tin và Truyền thông …" */
    uint8_t *cto_pa = vp_xcalloc(nc + 1, 1);
    const char **cto = vp_xcalloc(nc + 1, sizeof *cto); /* the level its report goes to (dl_report_to) */
    const char **ctop = vp_xcalloc(nc + 1, sizeof *ctop); /* the highest it goes to (dl_report_to_top) */
    vp_tokens pbody = {0};
    if (pa->authority && pa->authority[0]) {
        char *body = vp_authority_body(cfg, pa->authority);
        vp_tokens_make_seq(cfg, body, 0, &pbody);
        free(body);
    }
    int crank = level_rank(cfg, ch->level);
    for (size_t j = 0; j < nc; j++) {
        const char *s = dl_sentence(cs->a, ch, &ch->dls[j]);
        dl_tokens(cfg, cs->a, ch, s, &ch->dls[j], &ct[j]);
        vp_tokens seq;
        vp_tokens_make_seq(cfg, s, 0, &seq);
        if (crank >= 0) {
            clead[j] = vp_level_lead(cfg, &seq);
            clead_sub[j] = clead[j] && level_rank(cfg, clead[j]) > crank;
            /* a lead that lists those under the child after its own offices ("Các cơ quan, đơn
             * vị, UBND các xã, thị trấn báo cáo … định kỳ hằng quý" of a district) asks it of
             * them too: addressed to the lowest level it names below the child's */
            for (size_t l = 0; clead[j] && l < cfg->nopl; l++)
                if ((!l || strcmp(cfg->opl_level[l], cfg->opl_level[l - 1])) && /* each level once */
                    level_rank(cfg, cfg->opl_level[l]) > (clead_sub[j] ? level_rank(cfg, clead[j]) : crank) &&
                    vp_level_in_lead(cfg, &seq, cfg->opl_level[l])) {
                    clead[j] = cfg->opl_level[l];
                    clead_sub[j] = 1;
                }
        }
        cto_pa[j] = (uint8_t)(pbody.nseq > 0 && vp_tokens_find_run(&pbody, &seq, 0, seq.nseq) >= 0);
        cto[j] = dl_report_to(cfg, cs->a, ch, &ch->dls[j], s);
        ctop[j] = dl_report_to_top(cfg, cs->a, ch, &ch->dls[j], s, cto[j]);
        vp_tokens_free(&seq);
        const char *per;
        int rep, rep_before, review;
        dl_about(cfg, cs->a, ch, &ch->dls[j], s, &per, &rep, &rep_before, &review);
        int rec = !strcmp(ch->dls[j].kind, "recurring");
        cper[j] = rec ? NULL : per;
        crep[j] = (uint8_t)rep;
        crep_day[j] = (uint8_t)(!rec && rep_before);
        owner[j] = SIZE_MAX;
    }
    for (size_t i = 0; i < np; i++) {
        const c_dl *p = &pa->dls[i];
        dl_want *w = &want[i];
        double *sim = &sims[i * nc];
        if (!in_list(cfg->deadline_kinds, p->kind))
            continue;
        w->p = p;
        w->prec = !strcmp(p->kind, "recurring");
        w->ptext = dl_sentence(cs->a, pa, p);
        w->pday = w->prec ? LONG_MIN : day_number(p->to[0] ? p->to : p->from);
        w->best = -1;
        /* the parent's own report to those above it ("Phòng … tham mưu UBND huyện báo cáo UBND
         * tỉnh trước ngày 15/12" of a district): no duty of the child, whose report to the
         * parent's issuer ("báo cáo … về UBND huyện trước ngày 01/12") is another's; answered
         * only by a report of the child to that level */
        const char *pto_lv = dl_report_to(cfg, cs->a, pa, p, w->ptext);
        int prank = level_rank(cfg, pa->level), trank = pto_lv ? level_rank(cfg, pto_lv) : -1;
        if (prank >= 0 && trank >= 0 && trank < prank)
            w->above = pto_lv;
        w->pto = dl_report_to_around(cfg, cs->a, pa, p, w->ptext, pto_lv);
        if (w->pto && level_rank(cfg, w->pto) < 0)
            w->pto = NULL;
        const char *wfrom = NULL, *wat = w->prec ? NULL : dl_clause(pa, p, w->ptext, &wfrom);
        w->whole = wat && vp_whole_said(cfg, vp_arena_strndup(cs->a, wfrom, (size_t)(wat - wfrom)));
        if (own_plan && !w->prec && p->to[0] && own_plan_asked(cfg, cs->a, w->ptext, p, pa, ch)) {
            w->own = 1;
            continue;
        }
        /* a one-off report's period ("sơ kết 6 tháng", "báo cáo năm") is met by a child's
         * of that period or of none said */
        const char *pper = NULL;
        int prep = 0, prep_before = 0, preview = 0;
        if (!w->prec)
            dl_about(cfg, cs->a, pa, p, w->ptext, &pper, &prep, &prep_before, &preview);
        w->pper = pper;
        w->best_other = -1;
        vp_tokens pt;
        dl_tokens(cfg, cs->a, pa, w->ptext, p, &pt);
        if (!w->prec) {
            vp_tokens lead;
            vp_tokens_make_seq(cfg, w->ptext, 0, &lead);
            w->plead = vp_level_lead(cfg, &lead);
            w->addr = w->plead && ch->level && !strcmp(w->plead, ch->level);
            vp_tokens_free(&lead);
        }
        /* a recurring one is matched with the child's of the same period (by its sentence, or
         * the only one), else by its sentence with one of another period (a sparser one is
         * later).  A deadline of a parent's task the child carries down is looked for first
         * among the deadlines of the child's item that carries it (any of them); one of a task
         * the child has not, or whose item has no deadline, is taken only from
         * task-sure-similarity (another task's day, alike in a few words, is not its day) */
        w->tk = task_check_of(cs, p->item);
        w->titem = w->tk ? ck_get(w->tk, "child") : NULL;
        if (w->titem) /* a report the parent's task asks, carried down with the task: its day */
            w->above = NULL;
        /* a one-off report of a year or of none said ("báo cáo kết quả thực hiện trước ngày
         * 15/12/2026") may be answered by the child's yearly one ("định kỳ hằng năm báo cáo …
         * trước ngày 10/12"), its own, not what it asks of those under it; one of six months
         * ("báo cáo sơ kết 6 tháng trước ngày 15/6/2025") by its six-monthly one with a day
         * ("định kỳ 6 tháng (trước ngày 05/6)"), and so on; or, unless it is a review ("sơ
         * kết", "tổng kết": a report of its own), by a denser one, whose report of that month is
         * the one ("hằng quý trước ngày 05 của tháng cuối quý": by 05/6) */
        w->sched_sim = -1;
        const char *sched = !w->prec && w->pday != LONG_MIN && prep ? report_every(cfg, pper) : NULL;
        for (size_t j = 0; j < nc; j++) {
            const c_dl *q = &ch->dls[j];
            sim[j] = -1;
            if (w->above && (!cto[j] || level_rank(cfg, cto[j]) != level_rank(cfg, w->above)))
                continue;
            if (sched && !strcmp(q->kind, "recurring") && (!strcmp(q->every, sched) || (!preview && sparser(sched, q->every))) &&
                q->to[0] && !clead_sub[j] && crep[j]) {
                double s = vp_tokens_sim(cfg, &pt, &ct[j]);
                w->nsched++;
                if (s > w->sched_sim) {
                    w->sched_sim = s;
                    w->jsched = j;
                }
            }
            if (!in_list(cfg->deadline_kinds, q->kind) || (strcmp(q->kind, "recurring") == 0) != w->prec)
                continue;
            if (pper && !w->prec && !crep_day[j])
                continue; /* a report of a period is answered by a child's report, not another duty's day */
            double s = vp_tokens_sim(cfg, &pt, &ct[j]);
            if (pper && cper[j] && strcmp(pper, cper[j])) {
                if (s > w->best_other) {
                    w->best_other = s;
                    w->jother = j;
                }
                continue;
            }
            sim[j] = s;
            w->in_task |= w->titem && item_under(q->item, w->titem);
        }
        if (w->prec) {
            /* a schedule the child asks of those under it ("UBND các xã … báo cáo định kỳ hằng
             * quý") answers a parent's addressed to that level; another only when the child has
             * no schedule of its own that may answer it: one as alike as deadline-similarity, of
             * the parent's period or a denser one, or of a sparser one when what it asks of those
             * under it is not of the parent's period and more alike (the district's "định kỳ 6
             * tháng" of its offices is no answer to "hằng quý" when its communes report "hằng
             * quý"; its yearly report to the province answers "6 tháng", later, whatever the
             * communes' quarterly one) */
            vp_tokens lead;
            vp_tokens_make_seq(cfg, w->ptext, 0, &lead);
            const char *lv = vp_level_lead(cfg, &lead);
            vp_tokens_free(&lead);
            double sub_same = -1; /* the most alike of those asked below, of the parent's period */
            for (size_t j = 0; j < nc; j++)
                if (sim[j] > sub_same && clead_sub[j] && (!lv || strcmp(lv, clead[j])) &&
                    !strcmp(ch->dls[j].every, p->every))
                    sub_same = sim[j];
            /* schedules of its own reporting to the parent's issuer by name ("Sở … báo cáo UBND
             * tỉnh và Bộ Thông tin và Truyền thông … định kỳ 6 tháng") are the answer, not what it
             * asks of others ("các sở, UBND các huyện … báo cáo về Sở … hằng quý") */
            int nto_pa = 0;
            if (vp_report_said(cfg, w->ptext))
                for (size_t j = 0; j < nc; j++)
                    nto_pa += sim[j] >= cfg->deadline_sim && !clead_sub[j] && cto_pa[j];
            for (size_t j = 0; j < nc && nto_pa; j++)
                if (!(sim[j] >= cfg->deadline_sim && !clead_sub[j] && cto_pa[j]))
                    sim[j] = -1;
            int own_any = 0;
            for (size_t j = 0; j < nc; j++)
                own_any |= sim[j] >= cfg->deadline_sim && (!clead_sub[j] || (lv && !strcmp(lv, clead[j]))) &&
                           (!sparser(ch->dls[j].every, p->every) || sim[j] >= sub_same);
            /* no schedule of its own: its own one-off report of a sparser period (the year's
             * "báo cáo … kết quả thực hiện năm trước ngày 10/12/2025" of a plan of one year), as
             * alike as deadline-similarity, is its schedule, later; one of the parent's period
             * (the half year's "báo cáo kết quả 6 tháng … trước ngày 10/6/2026" for "định kỳ 6
             * tháng … trước ngày 15/6/2026") before it, compared by its day; what it asks of those
             * under it answers then only a parent's addressed to that level */
            size_t jown = SIZE_MAX;
            double sown = -1;
            int own_same = 0;
            for (size_t j = 0; j < nc && !own_any; j++) {
                const char *e = crep_day[j] && !clead_sub[j] && cper[j] ? report_every(cfg, cper[j]) : NULL;
                int same = e && p->every[0] && !strcmp(e, p->every);
                if (!e || (!same && !sparser(e, p->every)) || (own_same && !same))
                    continue;
                if (w->above && (!cto[j] || level_rank(cfg, cto[j]) != level_rank(cfg, w->above)))
                    continue; /* the parent's own report above: only the child's to that level */
                double s = vp_tokens_sim(cfg, &pt, &ct[j]);
                if (s >= cfg->deadline_sim && (s > sown || (same && !own_same))) {
                    sown = s;
                    jown = j;
                    own_same = same;
                }
            }
            for (size_t j = 0; j < nc && (own_any || jown != SIZE_MAX); j++)
                if (sim[j] >= 0 && clead_sub[j] && (!lv || strcmp(lv, clead[j])))
                    sim[j] = -1;
            if (jown != SIZE_MAX) {
                int other = 0;
                for (size_t j = 0; j < nc; j++)
                    other |= sim[j] >= 0;
                if (!other) {
                    w->own_every = report_every(cfg, cper[jown]);
                    sim[jown] = sown;
                }
            }
        }
        vp_tokens_free(&pt);
        for (size_t j = 0; j < nc; j++) {
            if (w->in_task && sim[j] >= 0 && !item_under(ch->dls[j].item, w->titem))
                sim[j] = -1;
            if (sim[j] > w->best) {
                w->best = sim[j];
                w->jbest = j;
            }
        }
        w->need = w->in_task ? -1 : cfg->deadline_sim;
        if (w->tk && !w->in_task && !strcmp(w->tk->verdict, "missing"))
            w->why = vp_arena_printf(cs->a, "the parent's task %s is not carried down", ck_get(w->tk, "parent"));
        else if (w->titem && !w->in_task)
            w->why = vp_arena_printf(cs->a, "the child's item %s, which carries the parent's task %s, has no deadline",
                                     w->titem, ck_get(w->tk, "parent"));
        if (w->why && cfg->task_sure_sim > w->need)
            w->need = cfg->task_sure_sim;
        /* a one-off report the child's schedule of reports answers, or one of the child's one-off
         * reports is more alike to: a day of another kind of work (no report said before it), of
         * a low similarity (below task-sure-similarity), less alike than that schedule or report
         * and not of the child's item carrying the task, is no answer to it, though that report
         * may answer another parent deadline ("báo cáo nhanh kết quả Lễ phát động … trước ngày
         * 20/4/2026" is not answered by "Tổ chức Lễ phát động … trước ngày 15/4/2026" when the
         * child's "báo cáo kết quả … trước ngày 28/5/2026" answers the month's report) */
        double rep_sim = !w->prec && sched_answers(cfg, w) ? w->sched_sim : -1;
        for (size_t j = 0; j < nc && !w->prec && prep; j++)
            if (sim[j] >= 0 && crep_day[j] && sim[j] > rep_sim)
                rep_sim = sim[j];
        if (rep_sim >= 0) {
            w->best = -1;
            for (size_t j = 0; j < nc; j++) {
                if (sim[j] >= 0 && !crep_day[j] && sim[j] < cfg->task_sure_sim && sim[j] < rep_sim &&
                    !(w->in_task && item_under(ch->dls[j].item, w->titem)))
                    sim[j] = -1;
                if (sim[j] > w->best) {
                    w->best = sim[j];
                    w->jbest = j;
                }
            }
        }
        if (!w->prec)
            continue;
        /* recurring: the child's schedule answers each parent deadline of its period or a
         * denser one ("hằng năm" for "định kỳ 06 tháng" and "hằng năm"), so not one to one */
        double best_same = -1;
        size_t bj_same = 0, nsame = 0;
        for (size_t j = 0; j < nc; j++)
            if (sim[j] >= 0 && !strcmp(p->every, ch->dls[j].every)) {
                nsame++;
                if (sim[j] > best_same) {
                    best_same = sim[j];
                    bj_same = j;
                }
            }
        w->bj = w->jbest;
        double s = w->best;
        /* the child's one schedule of the period answers a parent's report of it whatever its
         * words; not another recurring duty ("kiểm tra … ít nhất 01 lần/năm" is no report) */
        int lone = nsame == 1 && vp_report_said(cfg, w->ptext);
        if (nsame > 0 && (best_same >= cfg->deadline_sim || lone)) {
            w->bj = bj_same; /* the same period first */
            s = best_same;
        }
        w->taken = w->best >= 0 && (w->in_task || s >= cfg->deadline_sim || lone) &&
                   (!w->why || s >= cfg->task_sure_sim);
    }
    /* one-off deadlines: a child's answers one parent's, the most similar pairs first (those
     * of the item carrying the parent's task before any), so that one child deadline does not
     * hide the parent's that the child has not ("báo cáo tổng kết năm" is the answer to "báo
     * cáo tổng kết năm", not also to "báo cáo sơ kết 6 tháng").  A child's deadline addressed to
     * those under it ("UBND các xã, thị trấn … báo cáo về UBND huyện trước ngày 15/11") is what
     * it asks of them, not its own: it answers a parent's deadline addressed to that level, and
     * any other only when nothing else does (a second round, after the chain of reports).  So
     * is a child's report to a body below the one the parent's goes to and below the parent's
     * level, the highest it names ("Các trường … báo cáo sơ kết học kỳ I về Phòng Giáo dục và Đào
     * tạo trước ngày 18/01" of a district office, against the department's "… báo cáo sơ kết học
     * kỳ I … về Sở Giáo dục và Đào tạo"; not a commune's "báo cáo UBND huyện" against its
     * district's "báo cáo UBND tỉnh"): what those under the child report to it, not its own */
    double *sims0 = vp_xcalloc(np * nc + 1, sizeof *sims0), *simsb = vp_xcalloc(np * nc + 1, sizeof *simsb);
    int prank = level_rank(cfg, pa->level);
    for (size_t i = 0; i < np; i++)
        for (size_t j = 0; j < nc; j++) {
            simsb[i * nc + j] = clead_sub[j] && (!want[i].plead || strcmp(want[i].plead, clead[j])) ? -1 : sims[i * nc + j];
            sims0[i * nc + j] = want[i].pto && ctop[j] && level_rank(cfg, ctop[j]) > level_rank(cfg, want[i].pto) &&
                                        prank >= 0 && level_rank(cfg, ctop[j]) > prank
                                    ? -1
                                    : simsb[i * nc + j];
        }
    dl_pick_round(ch, want, np, sims0, owner);
    dl_share_chain(ch, want, np, sims0, owner);
    /* then the child's own reports to a body below, before what it asks of those under it */
    dl_pick_round(ch, want, np, simsb, owner);
    dl_share_chain(ch, want, np, simsb, owner);
    free(sims0);
    free(simsb);
    /* a one-off report that no one-off deadline of the child's own answers: the child's report
     * of its period (as alike as deadline-similarity, or its only one), compared by its day
     * (sched_answers), before what the child asks of those under it in the second round (the
     * communes' "báo cáo về Phòng … trước ngày 05/3/2025" is no answer to the department's
     * "tổng hợp, báo cáo UBND tỉnh … trước ngày 20/12/2025" when the district reports "định kỳ
     * 6 tháng, trước ngày 15/6 và 15/12/2025"); a schedule answers every report it may */
    for (size_t i = 0; i < np; i++) {
        dl_want *w = &want[i];
        if (!w->p || w->own || w->prec || w->taken || !sched_answers(cfg, w))
            continue;
        w->taken = 1;
        w->bj = w->jsched;
        sims[i * nc + w->jsched] = w->sched_sim;
    }
    dl_pick_round(ch, want, np, sims, owner);
    /* the day of the whole of a task ("… tại các thôn trước ngày 30/9/2025; hoàn thành toàn bộ
     * … trước ngày 31/10/2025") the child answers with one day ("hoàn thành trước ngày
     * 15/10/2025"), which the other took: met when that day comes no later */
    dl_share_task_days(ch, want, np, sims, owner);
    /* a day named by its occasion ("tuần tra … cao điểm trong dịp Tết Nguyên đán") that the
     * child's item carrying the task names too ("đợt cao điểm Tết Nguyên đán"): done then */
    for (size_t i = 0; i < np; i++) {
        dl_want *w = &want[i];
        const c_item *it = w->titem ? find_item(ch, w->titem) : NULL;
        const char *name = w->p && !w->own && !w->prec && !w->taken && !strcmp(w->p->kind, "on") && it
                               ? occasion_name(cs->a, w->p->text)
                               : NULL;
        if (name && strstr(it->full, name))
            w->occasion = name;
    }
    for (size_t i = 0; i < np; i++) {
        const dl_want *w = &want[i];
        const c_dl *p = w->p;
        if (!p || (w->above && !w->taken && !w->own))
            continue;
        check *c = ck_new(cs, CK_DEADLINE);
        ck_attr(c, "parent", p->id);
        ck_attr(c, "kind", p->kind);
        ck_attr(c, "every", p->every);
        c->ptext = w->ptext;
        if (w->own) {
            /* "UBND các huyện … xây dựng kế hoạch triển khai trước ngày 28/02/2025": the child
             * plan itself answers it, by its date */
            ck_attr(c, "parent-to", p->to);
            ck_attr(c, "child-date", ch->date);
            c->ctext = vp_arena_printf(cs->a, "%s%s%s", ch->number_text, ch->number_text[0] && ch->title[0] ? " " : "",
                                       ch->title);
            int late = later(ch->date, p->to);
            c->verdict = late ? "later" : "ok";
            c->credit = !late;
            continue;
        }
        /* a start with no end ("từ ngày 01/4/2025") is compared by its start */
        const char *pto = p->to[0] ? p->to : p->from;
        const char *pname = p->to[0] ? "parent-to" : "parent-from";
        if (!w->taken && w->occasion) {
            ck_attr(c, pname, pto);
            ck_attr(c, "child-item", w->titem);
            ck_attr(c, "reason", vp_arena_printf(cs->a, "the child's item %s names the same occasion (%s)", w->titem,
                                                 w->occasion));
            c->ctext = find_item(ch, w->titem)->full;
            c->verdict = "ok";
            c->credit = 1;
            continue;
        }
        if (!w->taken) {
            c->verdict = "missing";
            c->credit = 0;
            size_t o = w->best >= 0 ? owner[w->jbest] : SIZE_MAX;
            if (w->best_other > w->best && w->best_other >= cfg->deadline_sim)
                ck_attr(c, "reason", vp_arena_printf(cs->a, "the most similar child deadline (%s) is of a report of "
                                                            "another period (%s; the parent's: %s)",
                                                     ch->dls[w->jother].id, cper[w->jother], w->pper));
            else if (o != SIZE_MAX && (w->in_task || w->best >= w->need))
                ck_attr(c, "reason", vp_arena_printf(cs->a, "the most similar child deadline (%s) answers parent "
                                                            "deadline %s", ch->dls[w->jbest].id, pa->dls[o].id));
            else if (w->why && w->best >= cfg->deadline_sim)
                ck_attr(c, "reason", w->why);
            ck_attr(c, pname, pto);
            if (w->best >= 0)
                ck_attr(c, "similarity", fmt2(cs->a, w->best));
            continue;
        }
        const c_dl *q = &ch->dls[w->bj];
        /* against a start with no end, the child's start */
        const char *qto = p->to[0] || !q->from[0] ? (q->to[0] ? q->to : q->from) : q->from;
        ck_attr(c, "child", q->id);
        ck_attr(c, "similarity", fmt2(cs->a, sims[i * nc + w->bj]));
        ck_attr(c, pname, pto);
        int late = w->own_every && !q->every[0] ? sparser(w->own_every, p->every) || later(qto, pto)
                                                 : later(qto, pto) || sparser(q->every, p->every);
        /* a schedule for a one-off day: in time when one of its days falls by it ("định kỳ 6
         * tháng, trước ngày 15/6 và 15/12" for "trước ngày 20/12/2025"); the day that answers is
         * the one shown ("định kỳ 6 tháng, trước ngày 15/12 và 15/6" for "trước ngày 20/7/2025":
         * 15/6), and why */
        char qday[8];
        const char *sched_why = NULL;
        if (late && !w->prec && q->every[0] && occurs_by(q, pto, qday)) {
            late = 0;
            if (qto == q->to && strcmp(qday, qto)) {
                sched_why = vp_arena_printf(cs->a, "the child's schedule (%s every %s) falls on %s too, by the parent's day",
                                            qto, q->every, qday);
                qto = vp_arena_strdup(cs->a, qday);
            }
        }
        ck_attr(c, qto != q->from ? "child-to" : "child-from", qto);
        if (q->every[0] && (!w->prec || strcmp(q->every, p->every) != 0))
            ck_attr(c, "child-every", q->every);
        else if (w->own_every && !q->every[0])
            ck_attr(c, "child-every", w->own_every);
        c->ctext = dl_sentence(cs->a, ch, q);
        if (sched_why)
            ck_attr(c, "reason", sched_why);
        /* a span the child's holds whole ("trực … từ ngày 15/12/2024 đến ngày 31/5/2025" for
         * "từ ngày 01/01/2025 đến ngày 30/4/2025"): done on every day the parent asks, not later;
         * only of an action held on every day of its span (the span words): the span of other
         * work is the time allowed for it, and one that ends later is later ("Thu thập thông tin
         * tại địa bàn từ ngày 01/7/2025 đến ngày 31/7/2025" carried down to 05/8/2025) */
        int spanned = 0; /* the spans' starts given, with the reason */
        if (late && !w->prec && spans_hold(q, p) && w->ptext && vp_span_said(cfg, w->ptext)) {
            ck_attr(c, "child-from", q->from);
            ck_attr(c, "parent-from", p->from);
            ck_reason(c, "the child's span holds the parent's");
            late = 0;
            spanned = 1;
        }
        if (!late && !w->prec && span_starts_later(q, p) && w->ptext && vp_span_said(cfg, w->ptext)) {
            ck_attr(c, "child-from", q->from);
            ck_attr(c, "parent-from", p->from);
            ck_reason(c, "the child's span begins after the parent's");
            late = 1;
            spanned = 1;
        }
        if (late && !spanned && !w->prec && span_ends_later(q, p)) {
            ck_attr(c, "child-from", q->from);
            ck_attr(c, "parent-from", p->from);
            ck_reason(c, "the child's span ends after the parent's");
        }
        c->verdict = late ? "later" : "ok";
        c->credit = !late;
        /* a schedule of the parent's period that names no day ("báo cáo kết quả hằng tháng về
         * UBND huyện") for one due by a day ("trước ngày 20 hằng tháng"): not later, but in time
         * or not the child does not say; the contract's verdicts for a deadline are ok, later
         * and missing, so ok with the reason and the credit of an unclear check */
        if (!late && w->prec && pto[0] && !qto[0]) {
            c->credit = cfg->unclear_credit;
            ck_attr(c, "reason", vp_arena_printf(cs->a, "the child's schedule names no day (the parent's: %s)", pto));
        }
    }
    for (size_t j = 0; j < nc; j++)
        vp_tokens_free(&ct[j]);
    free(ct);
    free(cper);
    free(crep);
    free(clead);
    free(clead_sub);
    free(crep_day);
    free(cto_pa);
    free(cto);
    free(ctop);
    vp_tokens_free(&pbody);
    free(sims);
    free(want);
    free(owner);
}

static double score_of(const vp_cmp_cfg *cfg, const checks *cs)
{
    const double w[CK_N] = {cfg->w_reference, cfg->w_section, cfg->w_target, cfg->w_task, cfg->w_deadline};
    double got[CK_N] = {0}, cnt[CK_N] = {0};
    for (size_t i = 0; i < cs->n; i++) {
        got[cs->v[i].type] += cs->v[i].credit;
        cnt[cs->v[i].type] += 1;
    }
    double num = 0, den = 0;
    for (int k = 0; k < CK_N; k++)
        if (cnt[k] > 0 && w[k] > 0) {
            num += w[k] * got[k] / cnt[k];
            den += w[k];
        } else if (cs->unknown[k] && w[k] > 0) {
            num += w[k] * cfg->unclear_credit;
            den += w[k];
        }
    if (den <= 0)
        return 0;
    double s = num / den;
    return s < 0 ? 0 : s > 1 ? 1 : s;
}

/* Has child ch no body to compare: no section of a kind compared (section-kinds) and no item
 * below a section (none at all: an excerpt that stops after its preamble; or only the articles
 * of a decision, "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …", without the plan, its
 * closing article on who executes it of the kind organisation but no part of a plan)? */
static int bodyless(const vp_cmp_cfg *cfg, const cdoc *ch)
{
    vp_matcher *m = NULL;
    int none = 1;
    for (size_t i = 0; i < ch->nitems && none; i++)
        if (ch->items[i].depth > 0 ||
            (in_list(cfg->section_kinds, ch->items[i].kind) && !closing_article(cfg, &ch->items[i], &m)))
            none = 0;
    vp_matcher_free(m);
    return none;
}

/* The parent's targets against a child without a body (bodyless): unclear, the reason said. */
static void targets_unknown(const vp_cmp_cfg *cfg, const cdoc *pa, checks *cs)
{
    for (size_t i = 0; i < pa->ntargets; i++) {
        const c_target *p = &pa->targets[i];
        check *c = ck_new(cs, CK_TARGET);
        ck_attr(c, "parent", p->id);
        c->ptext = target_sentence(pa, p);
        ck_parent_target(c, p);
        ck_attr(c, "reason", "the child's text has no body to compare: it ends before its tasks");
        c->verdict = "unclear";
        c->credit = cfg->unclear_credit;
    }
}

/* A child that is a news page about the plan ("Ngày 29/3/2021, UBND tỉnh ban hành Kế hoạch số …,
 * theo đó …") sums it up: a parent target it names no figure of may be in the plan, so it is
 * unclear, not missing; a warning says so, and that its missing tasks and deadlines are the
 * page's. */
static void news_targets_unclear(const vp_cmp_cfg *cfg, checks *cs)
{
    for (size_t i = 0; i < cs->n; i++) {
        check *c = &cs->v[i];
        if (c->type != CK_TARGET || strcmp(c->verdict, "missing"))
            continue;
        ck_unclear(cfg, c, "the child is a news page about the plan: a target it does not name may be in the plan");
    }
    cs->warn_code[cs->nwarn] = "child-news-page";
    cs->warn[cs->nwarn++] = "the child is a news page about the plan, not the plan's text: the parent's targets it "
                            "names no figure of are unclear, and a task or deadline missing is missing from the page";
}

/* ---- output ---------------------------------------------------------------------- */

#define W(call)                                                                                                        \
    do {                                                                                                               \
        if ((call) < 0)                                                                                                \
            goto fail;                                                                                                 \
    } while (0)

static int write_compliance(const checks *cs, const char *child_path, const char *parent_path, const char *link,
                            double score, char **out, size_t *outlen, char *err, size_t errlen)
{
    xmlBufferPtr buf = xmlBufferCreate();
    if (!buf) {
        snprintf(err, errlen, "cannot create an XML buffer");
        return -1;
    }
    xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
    if (!w) {
        xmlBufferFree(buf);
        snprintf(err, errlen, "cannot create an XML writer");
        return -1;
    }
    char sc[32];
    snprintf(sc, sizeof sc, "%.3f", score);
    W(xmlTextWriterSetIndent(w, 1));
    W(xmlTextWriterSetIndentString(w, BAD_CAST "  "));
    W(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
    W(xmlTextWriterStartElementNS(w, NULL, BAD_CAST "compliance", BAD_CAST VP_NS));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "1"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "child", BAD_CAST child_path));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "parent", BAD_CAST parent_path));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "link", BAD_CAST link));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "score", BAD_CAST sc));
    for (size_t i = 0; i < cs->n; i++) {
        const check *c = &cs->v[i];
        W(xmlTextWriterStartElement(w, BAD_CAST CK_NAME[c->type]));
        if (c->type == CK_REF) {
            W(xmlTextWriterWriteAttribute(w, BAD_CAST "status", BAD_CAST c->verdict));
            for (size_t k = 0; k < c->nattrs; k++)
                W(xmlTextWriterWriteAttribute(w, BAD_CAST c->names[k], BAD_CAST c->vals[k]));
            W(xmlTextWriterWriteString(w, BAD_CAST c->content));
        } else {
            /* parent/child ids first, then the verdict, then the rest */
            for (size_t k = 0; k < c->nattrs; k++)
                if (!strcmp(c->names[k], "parent") || !strcmp(c->names[k], "child") || !strcmp(c->names[k], "kind"))
                    W(xmlTextWriterWriteAttribute(w, BAD_CAST c->names[k], BAD_CAST c->vals[k]));
            for (size_t k = 0; k < c->nattrs; k++)
                if (!strcmp(c->names[k], "similarity"))
                    W(xmlTextWriterWriteAttribute(w, BAD_CAST c->names[k], BAD_CAST c->vals[k]));
            W(xmlTextWriterWriteAttribute(w, BAD_CAST "verdict", BAD_CAST c->verdict));
            for (size_t k = 0; k < c->nattrs; k++)
                if (strcmp(c->names[k], "parent") && strcmp(c->names[k], "child") && strcmp(c->names[k], "kind") &&
                    strcmp(c->names[k], "similarity"))
                    W(xmlTextWriterWriteAttribute(w, BAD_CAST c->names[k], BAD_CAST c->vals[k]));
            if (c->ptext && *c->ptext)
                W(xmlTextWriterWriteElement(w, BAD_CAST "parent-text", BAD_CAST c->ptext));
            if (c->ctext && *c->ctext)
                W(xmlTextWriterWriteElement(w, BAD_CAST "child-text", BAD_CAST c->ctext));
        }
        W(xmlTextWriterEndElement(w));
    }
    if (cs->nwarn) {
        W(xmlTextWriterStartElement(w, BAD_CAST "diagnostics"));
        for (size_t k = 0; k < cs->nwarn; k++) {
            W(xmlTextWriterStartElement(w, BAD_CAST "warning"));
            W(xmlTextWriterWriteAttribute(w, BAD_CAST "code", BAD_CAST cs->warn_code[k]));
            W(xmlTextWriterWriteString(w, BAD_CAST cs->warn[k]));
            W(xmlTextWriterEndElement(w));
        }
        W(xmlTextWriterEndElement(w));
    }
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndDocument(w));
    xmlFreeTextWriter(w);
    w = NULL;
    *outlen = (size_t)xmlBufferLength(buf);
    *out = vp_xstrndup((const char *)xmlBufferContent(buf), *outlen);
    xmlBufferFree(buf);
    return 0;
fail:
    xmlFreeTextWriter(w);
    xmlBufferFree(buf);
    snprintf(err, errlen, "cannot write the compliance XML (libxml2 writer failed)");
    return -1;
}

vp_cmp_doc *vp_cmp_doc_read(const char *xml, size_t len, const char *what, char *err, size_t errlen)
{
    cdoc *d = vp_xmalloc(sizeof *d);
    if (cdoc_read(xml, len, what, d, err, errlen) < 0) {
        free(d);
        return NULL;
    }
    return d;
}

void vp_cmp_doc_free(vp_cmp_doc *d)
{
    cdoc_free(d);
    free(d);
}

int vp_cmp_docs(const vp_cmp_cfg *cfg, vp_cmp_doc *ch, const char *child_path, vp_cmp_doc *pa,
                const char *parent_path, const char *link, char **out, size_t *outlen, double *score, char *err,
                size_t errlen)
{
    *out = NULL;
    *outlen = 0;
    checks cs = {0};
    cs.a = vp_arena_new();
    check_reference(cfg, ch, pa, &cs);
    int pb = bodyless(cfg, pa), cb = bodyless(cfg, ch);
    if (cb) {
        /* an excerpt that stops after its preamble ("Căn cứ …", a decision's articles): what
         * its body would say is not known, so nothing of the parent's is missing from it */
        cs.warn_code[cs.nwarn] = "child-without-tasks";
        cs.warn[cs.nwarn++] = "the child has no section of tasks nor any other part of a plan's body (its "
                              "text ends after the preamble or the articles of the decision issuing it): "
                              "the parent's targets are unclear, its sections, tasks and deadlines not "
                              "checked (the score counts each kind not checked as unclear)";
        targets_unknown(cfg, pa, &cs);
        cs.unknown[CK_SECTION] = cs.unknown[CK_TASK] = cs.unknown[CK_DEADLINE] = 1;
    } else {
        check_sections(cfg, ch, pa, &cs);
        check_targets(cfg, ch, pa, &cs);
        check_tasks(cfg, ch, pa, &cs);
        targets_in_carried_tasks(cfg, ch, pa, &cs);
        check_deadlines(cfg, ch, pa, &cs);
        if (ch->news)
            news_targets_unclear(cfg, &cs);
    }
    if (pb) {
        /* a parent cut after its preamble (a directive's opening paragraphs, a portal's
         * summary): what it states is checked, what its body would ask for is not known, and
         * so not met either: each kind it gives no check of counts unclear */
        cs.warn_code[cs.nwarn] = "parent-without-tasks";
        cs.warn[cs.nwarn++] = "the parent has no section of tasks nor any other part of a plan's body (its "
                              "text ends after the preamble or the articles of the decision issuing it): "
                              "only the reference and what targets and deadlines it states are checked, "
                              "and the score counts each kind it gives nothing to check of (sections, "
                              "tasks, …) as unclear, not as met";
        for (int k = CK_SECTION; k < CK_N; k++)
            cs.unknown[k] = 1;
    }
    double sc = score_of(cfg, &cs);
    int rc = write_compliance(&cs, child_path, parent_path, link, sc, out, outlen, err, errlen);
    if (score)
        *score = sc;
    free(cs.v);
    vp_arena_free(cs.a);
    return rc;
}

int vp_compare_xml_link(const char *child_xml, size_t child_len, const char *child_path, const char *parent_xml,
                        size_t parent_len, const char *parent_path, const char *link, const vp_cmp_cfg *cfg,
                        char **out, size_t *outlen, double *score, char *err, size_t errlen)
{
    *out = NULL;
    *outlen = 0;
    vp_cmp_doc *ch = vp_cmp_doc_read(child_xml, child_len, child_path, err, errlen);
    if (!ch)
        return -1;
    vp_cmp_doc *pa = vp_cmp_doc_read(parent_xml, parent_len, parent_path, err, errlen);
    if (!pa) {
        vp_cmp_doc_free(ch);
        return -1;
    }
    int rc = vp_cmp_docs(cfg, ch, child_path, pa, parent_path, link, out, outlen, score, err, errlen);
    vp_cmp_doc_free(ch);
    vp_cmp_doc_free(pa);
    return rc;
}

int vp_compare_xml(const char *child_xml, size_t child_len, const char *child_path, const char *parent_xml,
                   size_t parent_len, const char *parent_path, const vp_rules *rules, char **out, size_t *outlen,
                   char *err, size_t errlen)
{
    vp_cmp_cfg *cfg = vp_cmp_cfg_new(rules, err, errlen);
    if (!cfg)
        return -1;
    int rc = vp_compare_xml_link(child_xml, child_len, child_path, parent_xml, parent_len, parent_path, "given", cfg,
                                 out, outlen, NULL, err, errlen);
    vp_cmp_cfg_free(cfg);
    return rc;
}
