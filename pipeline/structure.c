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
    return vp_family_first_attr(f, key, want, c->m, subj, len, 0);
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

/* The date of the last match on subj: its text, its ISO value, its place. */
static void set_date(ctx *c, const char *subj, vp_diags *d, size_t li)
{
    vp_meta *m = &c->doc->meta;
    int day = group_int(c, "day", subj), mon = group_int(c, "month", subj), yr = group_int(c, "year", subj);
    char *place = group(c, "place", subj);
    if (place && *place)
        m->place = place;
    size_t ms, me;
    vp_match_range(c->m, &ms, &me);
    m->date_text = squeeze(c->doc->arena, vp_arena_strndup(c->doc->arena, subj + ms, me - ms), 0);
    m->date_value = iso_date(c->doc->arena, yr, mon, day);
    if (day < 0 || mon < 0)
        vp_diag_add(d, "partial-date", (int)li + 1, "the date of the document is incomplete (%s)", m->date_text);
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
        int want_title = h->has_doctype && !m->title;
        if (blank(c, i)) {
            if (!want_title)
                title_open = 0;
            continue;
        }
        seen++;
        const char *subj = c->t->data + c->L[i].s;
        size_t len = c->L[i].e - c->L[i].s;
        if (want_title && !match_line(c, c->sections, "heading", i) && !match_line(c, c->header, "number", i)) {
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
        if (!m->number_text && match_line(c, c->header, "number", i)) {
            m->number_text = squeeze(a, lgroup(c, "number", i), 0);
            char *seq = lgroup(c, "seq", i);
            m->number_seq = seq ? seq : "";
            char *sym = lgroup(c, "symbol", i);
            m->number_symbol = sym ? squeeze(a, sym, 1) : "";
            if (!*m->number_seq)
                vp_diag_add(&c->doc->diags, "blank-number", (int)i + 1,
                            "the document number is left blank (\"%s\")", m->number_text);
            h->has_number = 1;
            h->end = i + 1;
            title_open = 0;
            if (!m->date_value && match_line(c, c->header, "date", i))
                set_date(c, subj, &c->doc->diags, i);
            if (!h->has_doctype && match_line(c, c->header, "doctype", i)) {
                m->doctype = sentence_case(a, squeeze(a, lgroup(c, "doctype", i), 0));
                m->doctype_code = doctype_code(c, m->doctype);
                h->has_doctype = 1;
            }
            continue;
        }
        if (h->nauth == 0 && match_line(c, c->header, "authority-db", i)) {
            add_authority(c, h, lgroup(c, "authority", i), 0);
            h->end = i + 1;
            continue;
        }
        if (!m->date_value && match_line(c, c->header, "date", i)) {
            set_date(c, subj, &c->doc->diags, i);
            h->end = i + 1;
            title_open = 0;
            continue;
        }
        if (!m->date_value && match_line(c, c->header, "date-start", i)) {
            size_t j = next_nonblank(c, i + 1);
            if (j < c->n) {
                char *joined = vp_arena_printf(a, "%.*s %.*s", (int)len, subj, (int)(c->L[j].e - c->L[j].s),
                                               c->t->data + c->L[j].s);
                if (match_str(c, c->header, "field", "date", joined, strlen(joined))) {
                    set_date(c, joined, &c->doc->diags, i);
                    i = j;
                    h->end = j + 1;
                }
            }
            continue;
        }
        if (!h->has_doctype && match_line(c, c->header, "doctype", i)) {
            char *dt = lgroup(c, "doctype", i);
            char *tt = lgroup(c, "title", i);
            m->doctype = sentence_case(a, squeeze(a, dt, 0));
            m->doctype_code = doctype_code(c, m->doctype);
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
            if (match_line(c, c->header, "authority-cont", i)) {
                add_authority(c, h, lgroup(c, "authority", i), 1);
                h->end = i + 1;
                continue;
            }
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

static void parse_news(ctx *c, size_t to)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    /* the headline */
    size_t first = next_nonblank(c, 0);
    if (first < c->n && !m->title)
        m->title = vp_arena_strndup(a, c->t->data + c->L[first].s, c->L[first].e - c->L[first].s);
    for (size_t i = 0; i < to; i++) {
        if (blank(c, i))
            continue;
        const char *subj = c->t->data + c->L[i].s;
        if (!m->number_text && match_line(c, c->genre, "number", i)) {
            char *num = lgroup(c, "number", i);
            char *dt = lgroup(c, "doctype", i);
            m->number_text = num;
            const char *sl = strchr(num, '/');
            m->number_seq = sl ? vp_arena_strndup(a, num, (size_t)(sl - num)) : num;
            m->number_symbol = sl ? sl + 1 : "";
            if (dt && !m->doctype) {
                m->doctype = sentence_case(a, dt);
                m->doctype_code = doctype_code(c, m->doctype);
            }
        }
        if (!m->date_value && match_line(c, c->genre, "date", i)) {
            set_date(c, subj, NULL, i);
        }
        if (!m->authority && match_line(c, c->genre, "authority", i))
            m->authority = squeeze(a, lgroup(c, "authority", i), 0);
    }
    for (size_t i = 0, seen = 0; i < to && seen < 8 && !m->date_value; i++) {
        if (blank(c, i))
            continue;
        seen++;
        if (match_line(c, c->genre, "pubdate", i))
            set_date(c, c->t->data + c->L[i].s, NULL, i);
    }
    for (size_t i = 0, seen = 0; i < to && seen < 3 && !m->doctype; i++) {
        if (blank(c, i))
            continue;
        seen++;
        if (match_line(c, c->genre, "doctype", i)) {
            m->doctype = sentence_case(a, squeeze(a, lgroup(c, "doctype", i), 0));
            m->doctype_code = doctype_code(c, m->doctype);
        }
    }
    for (size_t i = 0, seen = 0; i < to && seen < 6 && !m->authority; i++) {
        if (blank(c, i))
            continue;
        seen++;
        if (match_line(c, c->genre, "authority-mention", i))
            m->authority = squeeze(a, lgroup(c, "authority", i), 0);
    }
    if (!m->doctype && m->number_text) {
        m->doctype = "Kế hoạch";
        m->doctype_code = doctype_code(c, m->doctype);
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

    /* genre: an official document has a number line or the national motto */
    int news = 0;
    if (!h.has_number && !h.has_motto && !(h.has_doctype && h.nauth > 0)) {
        for (size_t i = 0, seen = 0; i < c.n && seen < 20; i++) {
            if (blank(&c, i))
                continue;
            seen++;
            if (match_line(&c, c.genre, "news", i)) {
                news = 1;
                break;
            }
        }
        if (h.has_doctype)
            news = 0;
        else if (!h.nauth)
            news = 1; /* no header at all: a web page or an excerpt */
    }
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
        meta->authority_level = lv ? lv : "other";
    }

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
