/* structure.c - header fields, genre and the section/item tree, from the rules families
 * "header", "sections", "items" and "genre".  No Vietnamese word is compared here: every
 * decision about what a line says is a rule in rules/. */
#include "structure.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_HEADER_LINES 60
#define MAX_TAIL_LINES 90

typedef struct line {
    size_t s, e; /* trimmed content */
} line;

typedef struct ctx {
    vp_doc *doc;
    const vp_text *t;
    const vp_rules *rules;
    vp_matcher *m;
    line *L;
    size_t n;
    const vp_family *header, *sections, *items, *genre;
} ctx;

/* ---- small helpers ---- */

static int blank(const ctx *c, size_t i) { return c->L[i].s == c->L[i].e; }

/* First rule of family f whose attribute `key` is `want` (any value when want is NULL)
 * that matches subj[0..len), or NULL. */
static const vp_rule *match_str(ctx *c, const vp_family *f, const char *key, const char *want, const char *subj,
                                size_t len)
{
    for (size_t k = 0; k < f->n; k++) {
        const char *v = vp_rule_attr(f->rules[k], key);
        if (!v || (want && strcmp(v, want) != 0))
            continue;
        if (vp_rule_exec(f->rules[k], c->m, subj, len, 0) == 1)
            return f->rules[k];
    }
    return NULL;
}

/* First rule of family f with attribute field=want matching the text [s,e) (or NULL). */
static const vp_rule *match_field(ctx *c, const vp_family *f, const char *want, size_t s, size_t e)
{
    return match_str(c, f, "field", want, c->t->data + s, e - s);
}

static const vp_rule *match_line(ctx *c, const vp_family *f, const char *want, size_t i)
{
    return match_field(c, f, want, c->L[i].s, c->L[i].e);
}

/* Copy of a named group of the last match (relative to base), trimmed; NULL if unset. */
static char *group(ctx *c, const char *name, const char *subj)
{
    size_t s, e;
    if (!vp_match_group(c->m, name, &s, &e))
        return NULL;
    while (s < e && (subj[s] == ' ' || subj[s] == '*'))
        s++;
    while (e > s && (subj[e - 1] == ' ' || subj[e - 1] == '*'))
        e--;
    return vp_arena_strndup(c->doc->arena, subj + s, e - s);
}

static char *lgroup(ctx *c, const char *name, size_t i) { return group(c, name, c->t->data + c->L[i].s); }

static int group_int(ctx *c, const char *name, const char *subj)
{
    size_t s, e;
    if (!vp_match_group(c->m, name, &s, &e) || s == e)
        return -1;
    int v = 0;
    for (size_t k = s; k < e && k < s + 6; k++)
        if (subj[k] >= '0' && subj[k] <= '9')
            v = v * 10 + (subj[k] - '0');
    return v;
}

/* Collapse runs of spaces, drop spaces entirely when nospace. */
static char *squeeze(vp_arena *a, const char *s, int nospace)
{
    size_t n = strlen(s);
    char *o = vp_arena_alloc(a, n + 1);
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' || s[i] == '\t') {
            if (nospace || j == 0 || o[j - 1] == ' ')
                continue;
            o[j++] = ' ';
        } else
            o[j++] = s[i];
    }
    while (j && o[j - 1] == ' ')
        j--;
    o[j] = 0;
    return o;
}

/* Lower-case (case-folded), NFC copy for table look-ups. */
static char *fold(vp_arena *a, const char *s)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)strlen(s), &out,
                                      UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (r < 0)
        return squeeze(a, s, 0);
    char *res = squeeze(a, (const char *)out, 0);
    free(out);
    return res;
}

static const char *doctype_code(ctx *c, const char *name)
{
    const vp_table *t = vp_rules_table(c->rules, "doctypes");
    char *k = fold(c->doc->arena, name);
    size_t nc = 0;
    const char *const *row = vp_table_find(t, k, strlen(k), &nc);
    return row && nc > 1 ? row[1] : NULL;
}

static const char *doctype_name_of_code(ctx *c, const char *code, size_t codelen)
{
    const vp_table *t = vp_rules_table(c->rules, "doctypes");
    if (!t)
        return NULL;
    for (size_t i = 0; i < t->nrows; i++)
        if (t->ncols[i] > 1 && strlen(t->rows[i][1]) == codelen && memcmp(t->rows[i][1], code, codelen) == 0)
            return t->rows[i][0];
    return NULL;
}

/* "kế hoạch" -> "Kế hoạch" */
static char *capitalise(vp_arena *a, const char *s)
{
    int32_t cp;
    size_t n = strlen(s);
    int l = vp_utf8_decode(s, n, &cp);
    if (cp < 0)
        return vp_arena_strdup(a, s);
    char buf[4];
    int k = vp_utf8_encode(utf8proc_toupper(cp), buf);
    char *o = vp_arena_alloc(a, n + 4);
    memcpy(o, buf, (size_t)k);
    memcpy(o + k, s + l, n - (size_t)l + 1);
    return o;
}

static char *sentence_case(vp_arena *a, const char *s)
{
    char *f = fold(a, s);
    return capitalise(a, f);
}

/* The document type written as `raw` ("KẾ HOẠCH", "QUYET DINH"): its code and the name the
 * doctypes table gives that code first, so every spelling of a type reads the same. */
static void set_doctype(ctx *c, const char *raw)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    const char *written = squeeze(a, raw, 0);
    const char *code = doctype_code(c, written);
    const char *name = code ? doctype_name_of_code(c, code, strlen(code)) : NULL;
    m->doctype = name ? capitalise(a, name) : sentence_case(a, written);
    m->doctype_code = code;
}

static const char *iso_date(vp_arena *a, int y, int mo, int d)
{
    if (y < 0)
        return NULL;
    if (mo < 1 || mo > 12)
        return vp_arena_printf(a, "%04d", y);
    if (d < 1 || d > 31)
        return vp_arena_printf(a, "%04d-%02d", y, mo);
    return vp_arena_printf(a, "%04d-%02d-%02d", y, mo, d);
}

/* ---- nodes ---- */

static vp_node *node_new(ctx *c, vp_node_type type, size_t li)
{
    vp_node *n = vp_arena_alloc(c->doc->arena, sizeof *n);
    n->type = type;
    n->line = li + 1;
    n->own.start = c->L[li].s;
    n->own.end = c->L[li].e;
    n->span = n->own;
    return n;
}

static void node_append(vp_node *parent, vp_node *child)
{
    child->parent = parent;
    child->depth = parent->depth + 1;
    if (parent->last)
        parent->last->next = child;
    else
        parent->first = child;
    parent->last = child;
}

static void assign_ids(ctx *c, vp_node *n, const char *prefix)
{
    int k = 0;
    for (vp_node *ch = n->first; ch; ch = ch->next) {
        if (ch->type == VP_NODE_ITEM) {
            ch->id = vp_arena_printf(c->doc->arena, "%s.%d", prefix, ++k);
            assign_ids(c, ch, ch->id);
        }
    }
}

static size_t close_spans(vp_node *n)
{
    size_t end = n->own.end;
    for (vp_node *ch = n->first; ch; ch = ch->next) {
        size_t e = close_spans(ch);
        if (e > end)
            end = e;
    }
    n->span.end = end;
    return end;
}

static const char *section_kind(ctx *c, const char *heading)
{
    if (!heading)
        return NULL;
    const vp_rule *r = match_str(c, c->sections, "kind", NULL, heading, strlen(heading));
    return r ? vp_rule_attr(r, "kind") : NULL;
}

/* ---- header ---- */

typedef struct header_state {
    size_t end;        /* first line after the header zone */
    int has_number, has_motto, has_doctype;
    int web_doctype;   /* the type came from a sentence-case line of a web page */
    int no_title;      /* the type came from the number line: the next line is not the title */
    size_t competence_line; /* 1-based line naming who decides ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"), or 0 */
    char *auth[8];
    int nauth;
    size_t title_line;
} header_state;

static void add_authority(ctx *c, header_state *h, const char *txt, int cont)
{
    if (cont && h->nauth > 0) {
        h->auth[h->nauth - 1] = vp_arena_printf(c->doc->arena, "%s %s", h->auth[h->nauth - 1], txt);
        return;
    }
    if (h->nauth == 8)
        return;
    h->auth[h->nauth++] = vp_arena_strdup(c->doc->arena, txt);
}

static size_t next_nonblank(ctx *c, size_t i)
{
    while (i < c->n && blank(c, i))
        i++;
    return i;
}

/* The date of the last match on subj: its text, its ISO value, its place.  With narrow, the text
 * is only the day, month and year groups (a date inside a longer match). */
static void set_date_text(ctx *c, const char *subj, vp_diags *d, size_t li, int narrow)
{
    vp_meta *m = &c->doc->meta;
    int day = group_int(c, "day", subj), mon = group_int(c, "month", subj), yr = group_int(c, "year", subj);
    char *place = group(c, "place", subj);
    if (place && *place)
        m->place = place;
    size_t ms, me;
    vp_match_range(c->m, &ms, &me);
    if (narrow) {
        static const char *const parts[] = {"day", "month", "year"};
        size_t lo = me, hi = ms;
        for (size_t k = 0; k < 3; k++) {
            size_t gs, ge;
            if (vp_match_group(c->m, parts[k], &gs, &ge)) {
                if (gs < lo)
                    lo = gs;
                if (ge > hi)
                    hi = ge;
            }
        }
        if (lo < hi) {
            ms = lo;
            me = hi;
        }
    }
    m->date_text = squeeze(c->doc->arena, vp_arena_strndup(c->doc->arena, subj + ms, me - ms), 0);
    m->date_value = iso_date(c->doc->arena, yr, mon, day);
    if (day < 0 || mon < 0)
        vp_diag_add(d, "partial-date", (int)li + 1, "the date of the document is incomplete (%s)", m->date_text);
}

static void set_date(ctx *c, const char *subj, vp_diags *d, size_t li) { set_date_text(c, subj, d, li, 0); }

/* The number of the last match of a number rule on subj ("Số: 71/KH-UBND"). */
static void set_number(ctx *c, const char *subj, size_t li)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    char *num = group(c, "number", subj);
    m->number_text = squeeze(a, num ? num : "", 0);
    char *seq = group(c, "seq", subj);
    m->number_seq = seq ? seq : "";
    char *sym = group(c, "symbol", subj);
    m->number_symbol = sym ? squeeze(a, sym, 1) : "";
    if (!*m->number_seq)
        vp_diag_add(&c->doc->diags, "blank-number", (int)li + 1, "the document number is left blank (\"%s\")",
                    m->number_text);
}

/* Line i and the next non-blank line as one string (a field the layout cut in two). */
static char *join_next(ctx *c, size_t i, size_t *next)
{
    size_t j = next_nonblank(c, i + 1);
    *next = j;
    if (j >= c->n)
        return NULL;
    return vp_arena_printf(c->doc->arena, "%.*s %.*s", (int)(c->L[i].e - c->L[i].s), c->t->data + c->L[i].s,
                           (int)(c->L[j].e - c->L[j].s), c->t->data + c->L[j].s);
}

static void parse_header(ctx *c, header_state *h)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    size_t seen = 0;
    int title_open = 0;
    size_t i = 0;
    h->end = 0;
    for (i = 0; i < c->n && seen < MAX_HEADER_LINES; i++) {
        int want_title = h->has_doctype && !m->title && !h->no_title;
        if (blank(c, i)) {
            if (!want_title)
                title_open = 0;
            continue;
        }
        seen++;
        const char *subj = c->t->data + c->L[i].s;
        size_t len = c->L[i].e - c->L[i].s;
        if (h->nauth == 0 && match_line(c, c->header, "authority-db", i)) {
            /* "Nơi ban hành: Chính phủ" of a legal database, whatever comes before it */
            add_authority(c, h, lgroup(c, "authority", i), 0);
            h->end = i + 1;
            continue;
        }
        if (want_title && !match_line(c, c->sections, "heading", i) && !match_line(c, c->header, "number", i) &&
            !match_line(c, c->header, "date", i)) {
            /* the line after the document type is its title, whatever it says */
            m->title = vp_arena_strndup(a, subj, len);
            h->title_line = i + 1;
            h->end = i + 1;
            title_open = 1;
            continue;
        }
        if (match_line(c, c->sections, "heading", i) && h->has_doctype)
            break;
        if (match_line(c, c->header, "body-start", i))
            break;
        if (match_line(c, c->header, "kinh-gui", i)) {
            h->end = i + 1;
            break;
        }
        if (match_line(c, c->header, "motto", i)) {
            h->has_motto = 1;
            title_open = 0;
            h->end = i + 1;
            continue;
        }
        if (!m->number_text && match_line(c, c->header, "number-start", i)) {
            /* "Số:" alone, the number on the next line */
            size_t j;
            char *joined = join_next(c, i, &j);
            if (joined && match_str(c, c->header, "field", "number", joined, strlen(joined))) {
                set_number(c, joined, i);
                h->has_number = 1;
                h->end = j + 1;
                title_open = 0;
                i = j;
                continue;
            }
        }
        if (!m->number_text && match_line(c, c->header, "number", i)) {
            set_number(c, subj, i);
            h->has_number = 1;
            h->end = i + 1;
            title_open = 0;
            if (!m->date_value && match_line(c, c->header, "date", i))
                set_date(c, subj, &c->doc->diags, i);
            if (!h->has_doctype && match_line(c, c->header, "doctype", i)) {
                /* "Số hiệu: … Loại văn bản: …" of a legal database: no title line follows */
                set_doctype(c, lgroup(c, "doctype", i));
                h->has_doctype = 1;
                h->no_title = 1;
            }
            continue;
        }
        if (!m->date_value && match_line(c, c->header, "date", i)) {
            set_date(c, subj, &c->doc->diags, i);
            h->end = i + 1;
            title_open = 0;
            continue;
        }
        if (!m->date_value && match_line(c, c->header, "date-start", i)) {
            size_t j;
            char *joined = join_next(c, i, &j);
            if (joined && match_str(c, c->header, "field", "date", joined, strlen(joined))) {
                set_date(c, joined, &c->doc->diags, i);
                i = j;
                h->end = j + 1;
            }
            continue;
        }
        int dt = 0;
        if (!h->has_doctype)
            dt = match_line(c, c->header, "doctype", i) ? 1 : match_line(c, c->header, "doctype-web", i) ? 2 : 0;
        if (dt) {
            h->web_doctype = dt == 2;
            char *tt = lgroup(c, "title", i);
            set_doctype(c, lgroup(c, "doctype", i));
            h->has_doctype = 1;
            h->end = i + 1;
            if (tt && *tt) {
                m->title = tt;
                h->title_line = i + 1;
            }
            title_open = 1;
            continue;
        }
        if (!m->title && match_line(c, c->header, "title-vv", i)) {
            m->title = lgroup(c, "title", i);
            h->title_line = i + 1;
            h->end = i + 1;
            title_open = 1;
            continue;
        }
        if (!h->has_doctype && !h->has_number && !m->title) {
            if (match_line(c, c->header, "authority", i)) {
                add_authority(c, h, lgroup(c, "authority", i), 0);
                h->end = i + 1;
                continue;
            }
            if (match_line(c, c->header, "authority-cont", i) ||
                (h->nauth > 0 && match_line(c, c->header, "authority-tail", i))) {
                add_authority(c, h, lgroup(c, "authority", i), 1);
                h->end = i + 1;
                continue;
            }
        }
        if ((h->has_doctype || m->title) && match_line(c, c->header, "competence", i)) {
            /* who decides, after the title of a decision: the header ends here */
            h->competence_line = i + 1;
            break;
        }
        if (title_open && (h->has_doctype || m->title) && len < 200 && subj[len - 1] != '.' &&
            subj[len - 1] != ':' && subj[len - 1] != ';') {
            /* title lines after the document type (or the subject line) */
            char *line_txt = vp_arena_strndup(a, subj, len);
            if (!m->title)
                m->title = line_txt;
            else
                m->title = vp_arena_printf(a, "%s %s", m->title, line_txt);
            if (!h->title_line)
                h->title_line = i + 1;
            h->end = i + 1;
            continue;
        }
        /* anything else after the title ends the header */
        if (h->has_doctype || m->title)
            break;
    }
    if (m->title)
        m->title = squeeze(a, m->title, 0);
    if (h->nauth > 0) {
        m->authority = squeeze(a, h->auth[h->nauth - 1], 0);
        if (h->nauth > 1)
            m->authority_parent = squeeze(a, h->auth[h->nauth - 2], 0);
    }
}

static const char *level_of(ctx *c, const char *text)
{
    if (!text)
        return NULL;
    const vp_rule *r = match_str(c, c->header, "field", "level", text, strlen(text));
    return r ? vp_rule_attr(r, "level") : NULL;
}

/* ---- closing block: recipients and signature ---- */

static size_t parse_closing(ctx *c, size_t from)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    /* look at the last MAX_TAIL_LINES non-blank lines */
    size_t start = c->n, cnt = 0;
    while (start > from && cnt < MAX_TAIL_LINES) {
        start--;
        if (!blank(c, start))
            cnt++;
    }
    size_t closing = c->n;
    for (size_t i = start; i < c->n; i++) {
        if (blank(c, i))
            continue;
        if (match_line(c, c->header, "recipients", i) || match_line(c, c->header, "sigauth", i) ||
            (match_line(c, c->header, "position", i) && i + 1 < c->n)) {
            closing = i;
            break;
        }
    }
    if (closing == c->n)
        return c->n;
    const char **rec = vp_arena_alloc(a, sizeof(char *) * 64);
    size_t nrec = 0;
    int in_rec = 0, after_sig = 0;
    char *sigauth = NULL, *position = NULL, *name = NULL;
    for (size_t i = closing; i < c->n; i++) {
        if (blank(c, i))
            continue;
        if (match_line(c, c->header, "recipients", i)) {
            in_rec = 1;
            size_t ts, te;
            /* "Nơi nhận: - Như trên;" on one line */
            if (vp_match_group(c->m, "text", &ts, &te) && te > ts && nrec < 64) {
                size_t rs = c->L[i].s + ts;
                if (match_field(c, c->header, "recipient", rs, c->L[i].s + te))
                    rec[nrec++] = group(c, "text", c->t->data + rs);
            }
            continue;
        }
        if (in_rec && match_line(c, c->header, "recipient", i)) {
            char *r = lgroup(c, "text", i);
            if (r && *r && nrec < 64)
                rec[nrec++] = r;
            continue;
        }
        if (match_line(c, c->header, "sigauth", i)) {
            char *s = squeeze(a, lgroup(c, "sigauth", i), 0);
            sigauth = sigauth ? vp_arena_printf(a, "%s %s", sigauth, s) : s;
            in_rec = 0;
            after_sig = 1;
            continue;
        }
        if (match_line(c, c->header, "position", i)) {
            char *p = squeeze(a, lgroup(c, "position", i), 0);
            if (position)
                sigauth = sigauth ? vp_arena_printf(a, "%s %s", sigauth, position) : position;
            position = p;
            in_rec = 0;
            after_sig = 1;
            continue;
        }
        if (match_line(c, c->header, "sig-skip", i))
            continue;
        if (after_sig && !name && match_line(c, c->header, "signame", i)) {
            name = squeeze(a, lgroup(c, "name", i), 0);
            in_rec = 0;
            continue;
        }
        if (in_rec && nrec < 64) {
            /* a recipient line without a bullet */
            rec[nrec++] = squeeze(a, vp_arena_strndup(a, c->t->data + c->L[i].s, c->L[i].e - c->L[i].s), 0);
        }
    }
    /* a signature block with an authority line but no position line: "TM. UBND / CHỦ TỊCH" */
    m->sig_authority = sigauth;
    m->sig_position = position;
    m->sig_name = name;
    m->recipients = rec;
    m->nrecipients = nrec;
    return closing;
}

/* ---- body ---- */

/* Items of one style are siblings; a rule without style= is its own style. */
static const char *item_style(const vp_rule *r)
{
    const char *st = vp_rule_attr(r, "style");
    return st ? st : vp_rule_name(r);
}

typedef struct open_item {
    vp_node *node;
    const char *style;
} open_item;

static void build_body(ctx *c, size_t from, size_t to, const char *promote, int news)
{
    vp_doc *doc = c->doc;
    vp_arena *a = doc->arena;
    vp_node pre = {0}, root = {0};
    pre.depth = root.depth = -1;
    vp_node *sec = NULL;
    open_item stack[32];
    int sp = 0;
    int nsec = 0;
    for (size_t i = from; i < to; i++) {
        if (blank(c, i))
            continue;
        const char *subj = c->t->data + c->L[i].s;
        const vp_rule *r;
        if (!promote && (r = match_line(c, c->sections, "heading", i))) {
            vp_node *s = node_new(c, VP_NODE_SECTION, i);
            s->num = lgroup(c, "num", i);
            s->heading = lgroup(c, "heading", i);
            const char *k = section_kind(c, s->heading);
            s->kind = k ? k : "other";
            s->id = vp_arena_printf(a, "s%d", ++nsec);
            node_append(&root, s);
            s->depth = 0;
            sec = s;
            sp = 0;
            continue;
        }
        {
            const vp_rule *ir = vp_family_first(c->items, c->m, subj, c->L[i].e - c->L[i].s, 0);
            if (ir) {
                const char *style = item_style(ir);
                char *num = lgroup(c, "num", i);
                char *marker = lgroup(c, "marker", i);
                char *text = lgroup(c, "text", i);
                if (promote && strcmp(style, promote) == 0) {
                    vp_node *s = node_new(c, VP_NODE_SECTION, i);
                    s->num = num;
                    s->heading = text;
                    const char *k = section_kind(c, text);
                    s->kind = k ? k : "tasks";
                    s->id = vp_arena_printf(a, "s%d", ++nsec);
                    node_append(&root, s);
                    s->depth = 0;
                    sec = s;
                    sp = 0;
                    continue;
                }
                if (!sec && news) {
                    /* a list in a news item without a cue: its tasks */
                    vp_node *s = node_new(c, VP_NODE_SECTION, i);
                    s->kind = "tasks";
                    s->id = vp_arena_printf(a, "s%d", ++nsec);
                    node_append(&root, s);
                    s->depth = 0;
                    sec = s;
                    sp = 0;
                }
                vp_node *it = node_new(c, VP_NODE_ITEM, i);
                it->num = num;
                it->marker = num ? NULL : marker;
                it->text = text;
                int found = -1;
                for (int k = sp - 1; k >= 0; k--)
                    if (strcmp(stack[k].style, style) == 0) {
                        found = k;
                        break;
                    }
                if (found >= 0)
                    sp = found;
                vp_node *parent = sp > 0 ? stack[sp - 1].node : (sec ? sec : &pre);
                node_append(parent, it);
                if (sp < 32) {
                    stack[sp].node = it;
                    stack[sp].style = style;
                    sp++;
                }
                continue;
            }
        }
        /* a paragraph */
        if (news) {
            const vp_rule *cue = match_line(c, c->genre, "section", i);
            if (cue) {
                const char *kind = vp_rule_attr(cue, "kind");
                if (!sec || !sec->kind || strcmp(sec->kind, kind) != 0) {
                    vp_node *s = node_new(c, VP_NODE_SECTION, i);
                    s->kind = kind;
                    s->id = vp_arena_printf(a, "s%d", ++nsec);
                    node_append(&root, s);
                    s->depth = 0;
                    sec = s;
                    sp = 0;
                }
            }
        }
        vp_node *p = node_new(c, VP_NODE_PARA, i);
        p->text = vp_arena_strndup(a, subj, c->L[i].e - c->L[i].s);
        vp_node *parent = sp > 0 ? stack[sp - 1].node : (sec ? sec : &pre);
        node_append(parent, p);
    }
    for (vp_node *s = root.first; s; s = s->next) {
        s->parent = NULL;
        s->depth = 0;
        assign_ids(c, s, s->id);
        close_spans(s);
    }
    int npre = 0;
    for (vp_node *p = pre.first; p; p = p->next) {
        p->parent = NULL;
        close_spans(p);
        if (p->type == VP_NODE_ITEM) {
            p->id = vp_arena_printf(a, "p%d", ++npre);
            assign_ids(c, p, p->id);
        }
    }
    doc->preamble = pre.first;
    doc->body = root.first;
}

/* The style of the first numbered item in [from,to) when there is no section heading. */
static const char *promote_style(ctx *c, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        if (blank(c, i))
            continue;
        if (match_line(c, c->sections, "heading", i))
            return NULL;
    }
    for (size_t i = from; i < to; i++) {
        if (blank(c, i))
            continue;
        const vp_rule *ir = vp_family_first(c->items, c->m, c->t->data + c->L[i].s, c->L[i].e - c->L[i].s, 0);
        size_t s, e;
        if (ir && vp_match_group(c->m, "num", &s, &e))
            return item_style(ir);
    }
    return NULL;
}

/* ---- news ---- */

/* First rule of family f whose attribute field is want (rules are tried rule by rule below). */
static const vp_rule *rule_of(const vp_family *f, const char *want, size_t from)
{
    for (size_t k = from; k < f->n; k++) {
        const char *v = vp_rule_attr(f->rules[k], "field");
        if (v && strcmp(v, want) == 0)
            return f->rules[k];
    }
    return NULL;
}

#define SCAN_LINES 200

/* The latest year of a full date (day, month, year) written in lines [0,to): a news item that
 * leaves the year out of its dateline is not older than the documents it cites. */
static int latest_cited_year(ctx *c, size_t to)
{
    int best = -1;
    for (size_t k = 0; k < c->header->n; k++) {
        const char *v = vp_rule_attr(c->header->rules[k], "field");
        if (!v || strcmp(v, "any-date") != 0)
            continue;
        for (size_t i = 0; i < to && i < SCAN_LINES; i++) {
            const char *subj = c->t->data + c->L[i].s;
            size_t len = c->L[i].e - c->L[i].s, start = 0;
            while (start < len && vp_rule_exec(c->header->rules[k], c->m, subj, len, start) == 1) {
                int y = group_int(c, "year", subj);
                if (y > best)
                    best = y;
                size_t ms, me;
                vp_match_range(c->m, &ms, &me);
                if (me <= start)
                    break;
                start = me;
            }
        }
    }
    return best;
}

/* The year of a "năm 2023" or "giai đoạn 2021-2025" in s, or -1. */
static int year_in(ctx *c, const char *s)
{
    if (!s || !match_str(c, c->header, "field", "date-year", s, strlen(s)))
        return -1;
    return group_int(c, "year", s);
}

/* The year a text is about: in its title, else in its first lines (a headline after page
 * chrome), or -1. */
static int year_of_text(ctx *c)
{
    int yr = year_in(c, c->doc->meta.title);
    for (size_t i = 0, seen = 0; yr < 0 && i < c->n && seen < 6; i++) {
        if (blank(c, i))
            continue;
        seen++;
        if (match_line(c, c->header, "date-year", i))
            yr = group_int(c, "year", c->t->data + c->L[i].s);
    }
    return yr;
}

/* A number written "28/NQ-CP": its sequence before the first slash, its symbol after. */
static void set_number_text(ctx *c, const char *num)
{
    vp_meta *m = &c->doc->meta;
    const char *sl = strchr(num, '/');
    m->number_text = num;
    m->number_seq = sl ? vp_arena_strndup(c->doc->arena, num, (size_t)(sl - num)) : num;
    m->number_symbol = sl ? sl + 1 : "";
}

/* The first dateline of rule field `want` that leaves the year out: the year is that of the
 * page's publication date (the year before when the dateline's month is later), else the
 * latest year the item cites, else the year of its title. */
static void dateline_without_year(ctx *c, size_t to, const char *want, int pub_y, int pub_m)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    for (size_t i = 0; i < to && i < SCAN_LINES; i++) {
        if (blank(c, i) || !match_line(c, c->genre, want, i))
            continue;
        const char *subj = c->t->data + c->L[i].s;
        int day = group_int(c, "day", subj), mon = group_int(c, "month", subj);
        size_t ms, me;
        vp_match_range(c->m, &ms, &me);
        char *txt = squeeze(a, vp_arena_strndup(a, subj + ms, me - ms), 0);
        int yr = pub_y > 0 ? (pub_m > 0 && mon > pub_m ? pub_y - 1 : pub_y) : -1;
        if (yr < 0)
            yr = latest_cited_year(c, to);
        if (yr < 0)
            yr = year_of_text(c);
        if (yr < 0)
            return;
        m->date_text = txt;
        m->date_value = iso_date(a, yr, mon, day);
        vp_diag_add(&c->doc->diags, "date-year-inferred", (int)i + 1,
                    "the dateline \"%s\" gives no year; %d is taken from the page, the dates or the title of the item",
                    txt, yr);
        return;
    }
}

static void parse_news(ctx *c, size_t to)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    /* the headline */
    size_t first = next_nonblank(c, 0);
    if (first < c->n && !m->title)
        m->title = vp_arena_strndup(a, c->t->data + c->L[first].s, c->L[first].e - c->L[first].s);
    /* on a page without a header, a date the header pass found is page chrome or a cited
     * document's: kept only when the item gives no date of its own */
    const char *hd_text = m->date_text, *hd_value = m->date_value, *hd_place = m->place;
    m->date_text = m->date_value = m->place = NULL;
    size_t date_li = c->n, numdate_li = c->n;
    int title_year = -1;
    /* the page title: "Quyết định 186/QĐ-UBND năm 2018 …" */
    for (size_t i = 0, seen = 0; i < to && seen < 3 && !m->number_text; i++) {
        if (blank(c, i))
            continue;
        seen++;
        if (match_line(c, c->genre, "title-number", i)) {
            char *num = lgroup(c, "number", i);
            char *dt = lgroup(c, "doctype", i);
            title_year = group_int(c, "year", c->t->data + c->L[i].s);
            set_number_text(c, num);
            if (dt && !m->doctype)
                set_doctype(c, dt);
        }
    }
    for (size_t i = 0; i < to; i++) {
        if (blank(c, i))
            continue;
        const char *subj = c->t->data + c->L[i].s;
        if (!m->number_text && match_line(c, c->genre, "number", i)) {
            char *num = lgroup(c, "number", i);
            char *dt = lgroup(c, "doctype", i);
            if (group_int(c, "year", subj) > 0)
                numdate_li = i;
            set_number_text(c, num);
            if (dt && !m->doctype)
                set_doctype(c, dt);
        }
        if (date_li == c->n && match_line(c, c->genre, "date", i))
            date_li = i;
        if (!m->authority && match_line(c, c->genre, "authority", i))
            m->authority = squeeze(a, lgroup(c, "authority", i), 0);
    }
    /* the date the page was published (looked up first: it dates a dateline without year) */
    size_t pub_li = c->n;
    int pub_y = -1, pub_m = -1;
    for (size_t i = 0, seen = 0; i < to && seen < 8; i++) {
        if (blank(c, i))
            continue;
        seen++;
        if (match_line(c, c->genre, "pubdate", i)) {
            pub_li = i;
            pub_y = group_int(c, "year", c->t->data + c->L[i].s);
            pub_m = group_int(c, "month", c->t->data + c->L[i].s);
            break;
        }
    }
    /* the dateline of the item, else the date given with the plan's number */
    if (date_li < c->n && match_line(c, c->genre, "date", date_li))
        set_date_text(c, c->t->data + c->L[date_li].s, NULL, date_li, 1);
    else if (numdate_li < c->n && match_line(c, c->genre, "number", numdate_li))
        set_date_text(c, c->t->data + c->L[numdate_li].s, NULL, numdate_li, 1);
    /* else the issuing dateline without its year ("Ngày 15/3, UBND tỉnh ban hành …") */
    if (!m->date_value)
        dateline_without_year(c, to, "date-noyear-issue", pub_y, pub_m);
    /* else the date the page was published */
    if (!m->date_value && pub_li < c->n && match_line(c, c->genre, "pubdate", pub_li))
        set_date(c, c->t->data + c->L[pub_li].s, NULL, pub_li);
    /* else the dateline of an event the item reports, with or without its year */
    for (size_t i = 0; i < to && i < SCAN_LINES && !m->date_value; i++)
        if (!blank(c, i) && match_line(c, c->genre, "date-event", i))
            set_date_text(c, c->t->data + c->L[i].s, NULL, i, 1);
    if (!m->date_value)
        dateline_without_year(c, to, "date-noyear", -1, -1);
    /* else the year the page title gives the document */
    if (!m->date_value && title_year > 0) {
        m->date_value = iso_date(a, title_year, -1, -1);
        m->date_text = vp_arena_printf(a, "%d", title_year);
    }
    if (!m->date_value && hd_value) {
        m->date_text = hd_text;
        m->date_value = hd_value;
        m->place = hd_place;
    }
    for (size_t i = 0, seen = 0; i < to && seen < 8 && !m->doctype; i++) {
        if (blank(c, i))
            continue;
        seen++;
        if (match_line(c, c->genre, "doctype", i))
            set_doctype(c, lgroup(c, "doctype", i));
    }
    for (size_t i = 0; i < to && i < SCAN_LINES && !m->doctype; i++) {
        if (blank(c, i) || !match_line(c, c->genre, "doctype-self", i))
            continue;
        char *dt = lgroup(c, "doctype", i);
        if (dt) {
            set_doctype(c, dt);
            vp_diag_add(&c->doc->diags, "doctype-from-text", (int)i + 1,
                        "the text has no header; its type (%s) is read from how it names itself", m->doctype);
        }
    }
    if (!m->doctype && m->number_text) {
        m->doctype = "Kế hoạch";
        m->doctype_code = doctype_code(c, m->doctype);
    }
}

/* An authority for a text that names none: the locality it calls its own ("trên địa bàn
 * thành phố", "toàn xã") in its title, else (a news item) the first body it mentions, else its
 * own locality anywhere.  A best reading: reported in the diagnostics. */
static void guess_authority(ctx *c, size_t from, size_t to, int news)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    const char *title = m->title;
    if (title && match_str(c, c->header, "field", "self-locality", title, strlen(title))) {
        size_t s, e, ps, pe;
        if (vp_match_group(c->m, "text", &s, &e)) {
            if (vp_match_group(c->m, "place", &ps, &pe) && pe > e)
                e = pe;
            m->authority = squeeze(a, vp_arena_strndup(a, title + s, e - s), 0);
            vp_diag_add(&c->doc->diags, "authority-guessed", 0,
                        "no issuing body is named; the title speaks of \"%s\" as its own", m->authority);
            return;
        }
    }
    for (size_t i = 0, seen = 0; news && i < to && seen < 6; i++) {
        if (blank(c, i))
            continue;
        seen++;
        if (match_line(c, c->genre, "authority-mention", i)) {
            m->authority = squeeze(a, lgroup(c, "authority", i), 0);
            return;
        }
    }
    for (size_t i = from; i < to && i < SCAN_LINES; i++) {
        if (blank(c, i) || !match_line(c, c->header, "self-locality", i))
            continue;
        const char *subj = c->t->data + c->L[i].s;
        size_t s, e, ps, pe;
        if (!vp_match_group(c->m, "text", &s, &e))
            continue;
        if (vp_match_group(c->m, "place", &ps, &pe) && pe > e)
            e = pe;
        m->authority = squeeze(a, vp_arena_strndup(a, subj + s, e - s), 0);
        vp_diag_add(&c->doc->diags, "authority-guessed", (int)i + 1,
                    "no issuing body is named; the text speaks of \"%s\" as its own", m->authority);
        return;
    }
}

/* The level of an authority that ends in a unit word without its name ("Ủy ban nhân dân thành
 * phố"): the first place of that unit named in the text, else what its subordinates show. */
static const char *level_of_bare(ctx *c, const char *auth)
{
    vp_arena *a = c->doc->arena;
    if (!match_str(c, c->header, "field", "bare-unit", auth, strlen(auth)))
        return NULL;
    char *unit = group(c, "text", auth);
    if (!unit)
        return NULL;
    const char *ufold = fold(a, unit);
    const vp_rule *loc = rule_of(c->header, "locality", 0);
    for (size_t i = 0; loc && i < c->n && i < SCAN_LINES; i++) {
        const char *subj = c->t->data + c->L[i].s;
        size_t len = c->L[i].e - c->L[i].s, start = 0;
        while (start < len && vp_rule_exec(loc, c->m, subj, len, start) == 1) {
            size_t ms, me;
            vp_match_range(c->m, &ms, &me);
            char *u = group(c, "text", subj), *place = group(c, "place", subj);
            if (u && place && strcmp(fold(a, u), ufold) == 0) {
                const char *lv = level_of(c, vp_arena_printf(a, "%s %s", auth, place));
                if (lv)
                    return lv;
            }
            if (me <= start)
                break;
            start = me;
        }
    }
    for (size_t k = 0; k < c->header->n; k++) {
        const vp_rule *r = c->header->rules[k];
        const char *v = vp_rule_attr(r, "field");
        if (!v || strcmp(v, "subordinate") != 0)
            continue;
        for (size_t i = 0; i < c->n && i < SCAN_LINES; i++)
            if (vp_rule_exec(r, c->m, c->t->data + c->L[i].s, c->L[i].e - c->L[i].s, 0) == 1)
                return vp_rule_attr(r, "level");
    }
    return NULL;
}

/* s with a leading abbreviation written out ("UBND tỉnh" -> "ủy ban nhân dân tỉnh"), folded. */
static const char *fold_expanded(ctx *c, const char *s)
{
    vp_arena *a = c->doc->arena;
    const vp_table *t = vp_rules_table(c->rules, "abbrev");
    size_t k = strcspn(s, " ");
    size_t nc = 0;
    const char *const *row = t ? vp_table_find(t, s, k, &nc) : NULL;
    if (row && nc > 1)
        return fold(a, vp_arena_printf(a, "%s%s", row[1], s + k));
    return fold(a, s);
}

/* The level of a header authority that does not say its locality ("ỦY BAN NHÂN DÂN"): the
 * same body named in the sentence that issues the document ("Ủy ban nhân dân tỉnh ban hành
 * Kế hoạch …", "UBND tỉnh xây dựng Kế hoạch …"). */
static const char *level_of_issuer(ctx *c, const char *auth, size_t from, size_t to)
{
    const char *af = fold_expanded(c, auth);
    size_t alen = strlen(af);
    for (size_t i = from; i < to && i < from + 80; i++) {
        if (blank(c, i) || !match_line(c, c->genre, "authority", i))
            continue;
        char *found = lgroup(c, "authority", i);
        if (!found)
            continue;
        const char *ff = fold_expanded(c, squeeze(c->doc->arena, found, 0));
        if (strlen(ff) > alen && strncmp(ff, af, alen) == 0) {
            const char *lv = level_of(c, found);
            if (lv)
                return lv;
        }
    }
    return NULL;
}

/* The level of the issuer coded in the number ("QĐ-TTg", "CT/TU") when the text names no
 * issuing body with a level; the code stands for the body, with a warning. */
static void level_of_symbol(ctx *c)
{
    vp_meta *m = &c->doc->meta;
    const char *sym = m->number_symbol;
    size_t k = strcspn(sym, "-/");
    if (!sym[k] || !sym[k + 1])
        return;
    const char *issuer = sym + k + 1;
    const vp_rule *r = match_str(c, c->header, "field", "symbol-level", issuer, strlen(issuer));
    if (!r)
        return;
    m->authority_level = vp_rule_attr(r, "level");
    if (!m->authority) {
        m->authority = vp_arena_strndup(c->doc->arena, issuer, strcspn(issuer, "-/"));
        vp_diag_add(&c->doc->diags, "authority-from-number", 0,
                    "no issuing body is named; \"%s\" in the number %s is read as the issuer", m->authority,
                    m->number_text);
    }
}

/* ---- entry ---- */

int vp_structure(vp_doc *doc, const vp_text *t, const vp_rules *rules, vp_matcher *m)
{
    ctx c = {0};
    c.doc = doc;
    c.t = t;
    c.rules = rules;
    c.m = m;
    c.header = vp_rules_family(rules, "header");
    c.sections = vp_rules_family(rules, "sections");
    c.items = vp_rules_family(rules, "items");
    c.genre = vp_rules_family(rules, "genre");
    c.n = t->nlines;
    c.L = vp_xmalloc(sizeof(line) * (c.n ? c.n : 1));
    for (size_t i = 0; i < c.n; i++) {
        size_t s = t->lines[i];
        size_t e = i + 1 < c.n ? t->lines[i + 1] : t->len;
        while (e > s && (t->data[e - 1] == '\n' || t->data[e - 1] == ' ' || t->data[e - 1] == '\r'))
            e--;
        while (s < e && t->data[s] == ' ')
            s++;
        c.L[i].s = s;
        c.L[i].e = e;
    }
    vp_meta *meta = &doc->meta;
    header_state h = {0};
    parse_header(&c, &h);

    /* genre: an official document has a number line, the national motto or a document-type
     * line; a text with none of them (whatever upper-case line it starts with), or only a type
     * written as a web page shows it, is a web page or an excerpt */
    int news = !h.has_number && !h.has_motto && (!h.has_doctype || (h.web_doctype && !h.nauth));
    doc->genre = news ? "news" : "official";

    size_t closing = news ? c.n : parse_closing(&c, h.end);
    if (closing < h.end)
        closing = c.n;
    size_t body_from = news ? next_nonblank(&c, next_nonblank(&c, 0) + 1) : h.end;
    if (news) {
        parse_news(&c, closing);
        body_from = 0;
        /* skip the headline line */
        size_t f = next_nonblank(&c, 0);
        if (f < c.n)
            body_from = f + 1;
    }
    const char *promote = promote_style(&c, body_from, closing);
    build_body(&c, body_from, closing, promote, news);
    doc->body_start = body_from < c.n ? c.L[body_from].s : t->len;
    doc->body_end = closing < c.n ? c.L[closing].s : t->len;

    /* the authority named in the opening sentence when the header has none */
    if (!meta->authority) {
        for (size_t i = body_from; i < closing && i < body_from + 80; i++) {
            if (blank(&c, i))
                continue;
            if (match_line(&c, c.genre, "authority", i)) {
                meta->authority = squeeze(doc->arena, lgroup(&c, "authority", i), 0);
                break;
            }
        }
    }
    if (!meta->authority && (news || !h.nauth))
        guess_authority(&c, body_from, closing, news);
    if (meta->authority) {
        const char *lv = level_of(&c, meta->authority);
        if (!lv && meta->authority_parent)
            lv = level_of(&c, vp_arena_printf(doc->arena, "%s %s", meta->authority, meta->authority_parent));
        if (!lv) {
            /* a bare "ỦY BAN NHÂN DÂN": the issuing body named in full further down */
            size_t alen = strlen(meta->authority);
            for (size_t i = h.end; i < c.n && i < h.end + 40 && !lv; i++) {
                if (blank(&c, i) || c.L[i].e - c.L[i].s <= alen)
                    continue;
                if (memcmp(t->data + c.L[i].s, meta->authority, alen) == 0 &&
                    match_line(&c, c.header, "authority", i)) {
                    char *full = lgroup(&c, "authority", i);
                    lv = level_of(&c, full);
                }
            }
        }
        if (!lv && h.competence_line) {
            /* the competence line of a decision: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH" */
            size_t i = h.competence_line - 1;
            if (match_line(&c, c.header, "competence", i)) {
                char *full = lgroup(&c, "authority", i);
                const char *ff = full ? fold_expanded(&c, full) : NULL, *af = fold_expanded(&c, meta->authority);
                if (ff && strncmp(ff, af, strlen(af)) == 0)
                    lv = level_of(&c, full);
            }
        }
        if (!lv)
            lv = level_of_issuer(&c, meta->authority, h.end, closing);
        if (!lv)
            lv = level_of_bare(&c, meta->authority);
        meta->authority_level = lv ? lv : "other";
    }
    if ((!meta->authority || strcmp(meta->authority_level, "other") == 0) && meta->number_symbol)
        level_of_symbol(&c);

    /* document type from the symbol ("KH-UBND") or the subject line of a letter */
    if (!meta->doctype && meta->number_symbol && *meta->number_symbol) {
        const char *s = meta->number_symbol;
        size_t k = strcspn(s, "-/");
        const char *name = doctype_name_of_code(&c, s, k);
        if (name) {
            meta->doctype = capitalise(doc->arena, name);
            meta->doctype_code = vp_arena_strndup(doc->arena, s, k);
        }
    }
    if (!meta->doctype && meta->title && h.title_line && !h.has_doctype && !news) {
        const char *name = doctype_name_of_code(&c, "CV", 2);
        if (name) {
            meta->doctype = capitalise(doc->arena, name);
            meta->doctype_code = "CV";
        }
    }

    /* the period: from the title, else the year of the date */
    if (meta->title) {
        if (match_str(&c, c.header, "field", "period", meta->title, strlen(meta->title))) {
            meta->period_from = group(&c, "from", meta->title);
            meta->period_to = group(&c, "to", meta->title);
        }
    }
    /* else the period the text states ("thời gian thực hiện từ ngày 01/6/2024 đến 30/6/2024") */
    int body_year = -1;
    for (size_t i = 0; !meta->period_from && i < c.n && i < SCAN_LINES; i++) {
        if (blank(&c, i) || !match_line(&c, c.header, "period-body", i))
            continue;
        meta->period_from = lgroup(&c, "from", i);
        meta->period_to = lgroup(&c, "to", i);
        body_year = group_int(&c, "from", t->data + c.L[i].s);
    }
    /* else, on a web page, the period in the first lines (a headline after page chrome) */
    for (size_t i = 0, seen = 0; news && !meta->period_from && i < c.n && seen < 6; i++) {
        if (blank(&c, i))
            continue;
        seen++;
        if (match_line(&c, c.header, "period", i)) {
            meta->period_from = lgroup(&c, "from", i);
            meta->period_to = lgroup(&c, "to", i);
        }
    }
    /* no date line: the year the document is about, with a warning */
    if (!meta->date_value) {
        int yr = year_in(&c, meta->title);
        if (yr < 0)
            yr = body_year;
        if (yr < 0 && news)
            yr = year_of_text(&c);
        if (yr > 0) {
            meta->date_value = iso_date(doc->arena, yr, -1, -1);
            meta->date_text = "";
            vp_diag_add(&doc->diags, "date-from-period", 0,
                        "the document gives no date; %d is the year it is about (title or period)", yr);
        }
    }
    if (!meta->period_from && meta->date_value && strlen(meta->date_value) >= 4) {
        meta->period_from = meta->period_to = vp_arena_strndup(doc->arena, meta->date_value, 4);
    }
    if (!doc->body)
        vp_diag_add(&doc->diags, "no-sections", 0, "no section headings were found in the body");
    free(c.L);
    return 0;
}

/* ---- walking ---- */

static void walk(const vp_node *n, void (*fn)(const vp_node *, void *), void *ctxp)
{
    for (; n; n = n->next) {
        fn(n, ctxp);
        walk(n->first, fn, ctxp);
    }
}

void vp_walk(const vp_doc *doc, void (*fn)(const vp_node *n, void *ctx), void *ctxp)
{
    walk(doc->preamble, fn, ctxp);
    walk(doc->body, fn, ctxp);
}
