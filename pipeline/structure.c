/* structure.c - header fields, genre and the section/item tree, from the rules families
 * "header", "sections", "items" and "genre".  No Vietnamese word is compared here: every
 * decision about what a line says is a rule in rules/.  Web pages and texts without a header
 * are read in structure_web.c. */
#include "structure_int.h"
#include "dates.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_HEADER_LINES 60
#define MAX_TAIL_LINES 90

/* ---- small helpers ---- */

int vp_st_blank(const vp_st_ctx *c, size_t i) { return c->L[i].s == c->L[i].e; }

/* First rule of family f whose attribute `key` is `want` (any value when want is NULL)
 * that matches subj[0..len), or NULL. */
const vp_rule *vp_st_match_str(vp_st_ctx *c, const vp_family *f, const char *key, const char *want,
                               const char *subj, size_t len)
{
    return vp_family_first_attr(f, key, want, c->m, subj, len, 0);
}

/* First rule of family f with attribute field=want matching the text [s,e) (or NULL). */
static const vp_rule *match_field(vp_st_ctx *c, const vp_family *f, const char *want, size_t s, size_t e)
{
    return vp_st_match_str(c, f, "field", want, c->t->data + s, e - s);
}

const vp_rule *vp_st_match_line(vp_st_ctx *c, const vp_family *f, const char *want, size_t i)
{
    return match_field(c, f, want, c->L[i].s, c->L[i].e);
}

/* Copy of a named group of the last match (relative to base), trimmed; NULL if unset. */
char *vp_st_group(vp_st_ctx *c, const char *name, const char *subj)
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

char *vp_st_lgroup(vp_st_ctx *c, const char *name, size_t i)
{
    return vp_st_group(c, name, c->t->data + c->L[i].s);
}

int vp_st_group_int(vp_st_ctx *c, const char *name, const char *subj)
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
char *vp_st_squeeze(vp_arena *a, const char *s, int nospace)
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
char *vp_st_fold(vp_arena *a, const char *s)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)strlen(s), &out,
                                      UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (r < 0)
        return vp_st_squeeze(a, s, 0);
    char *res = vp_st_squeeze(a, (const char *)out, 0);
    free(out);
    return res;
}

const char *vp_st_doctype_code(vp_st_ctx *c, const char *name)
{
    const vp_table *t = vp_rules_table(c->rules, "doctypes");
    char *k = vp_st_fold(c->doc->arena, name);
    size_t nc = 0;
    const char *const *row = vp_table_find(t, k, strlen(k), &nc);
    return row && nc > 1 ? row[1] : NULL;
}

const char *vp_st_doctype_name(vp_st_ctx *c, const char *code, size_t codelen)
{
    const vp_table *t = vp_rules_table(c->rules, "doctypes");
    if (!t)
        return NULL;
    for (size_t i = 0; i < t->nrows; i++)
        if (t->ncols[i] > 1 && strlen(t->rows[i][1]) == codelen && memcmp(t->rows[i][1], code, codelen) == 0)
            return t->rows[i][0];
    return NULL;
}

int vp_st_caps(const char *s, size_t n)
{
    int caps = 0;
    for (size_t k = 0; k < n;) {
        int32_t cp;
        k += (size_t)vp_utf8_decode(s + k, n - k, &cp);
        if (cp < 0)
            continue;
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat == UTF8PROC_CATEGORY_LL)
            return -1;
        caps += cat == UTF8PROC_CATEGORY_LU;
    }
    return caps;
}

/* Is line i a title in capitals: letters, none of them small, at most 200 bytes? */
static int caps_line(const vp_st_ctx *c, size_t i)
{
    size_t n = c->L[i].e - c->L[i].s;
    return n > 0 && n <= 200 && vp_st_caps(c->t->data + c->L[i].s, n) >= 2;
}

char *vp_st_upper(vp_arena *a, const char *s)
{
    size_t n = strlen(s);
    char *o = vp_arena_alloc(a, n * 2 + 1), *w = o; /* a capital is never more than twice as long */
    for (size_t k = 0; k < n;) {
        int32_t cp;
        int l = vp_utf8_decode(s + k, n - k, &cp);
        if (cp >= 0)
            w += vp_utf8_encode(utf8proc_toupper(cp), w);
        k += (size_t)l;
    }
    *w = 0;
    return o;
}

/* The document's title from line i when it is the sentence that issues it (header rules
 * field=issue-title: "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện … như sau:", group title:
 * what it issues), with the warning title-from-lead saying why (msg).  Returns whether it set
 * the title. */
int vp_st_issue_title(vp_st_ctx *c, size_t i, const char *msg)
{
    if (!vp_st_match_line(c, c->header, "issue-title", i))
        return 0;
    char *tt = vp_st_lgroup(c, "title", i);
    if (!tt || !*tt)
        return 0;
    vp_arena *a = c->doc->arena;
    c->doc->meta.title = vp_st_capitalise(a, vp_st_squeeze(a, tt, 0));
    vp_diag_add(&c->doc->diags, "title-from-lead", (int)i + 1, "%s", msg);
    return 1;
}

/* The type of the document the sentence of line i issues (header rules field=issue-title): its
 * title's first words (genre rules field=doctype: "Kế hoạch …"), or the type written in small
 * letters right after "ban hành" that opens that title (genre rules field=doctype-issued: "vừa
 * ban hành kế hoạch phòng, chống …"); NULL for none. */
char *vp_st_issued_doctype(vp_st_ctx *c, size_t i)
{
    size_t ts, te, ds, de;
    if (!vp_st_match_line(c, c->header, "issue-title", i) || !vp_match_group(c->m, "title", &ts, &te) || te <= ts)
        return NULL;
    char *it = vp_st_lgroup(c, "title", i);
    if (!it || !*it)
        return NULL;
    if (vp_st_match_str(c, c->genre, "field", "doctype", it, strlen(it)))
        return vp_st_group(c, "doctype", it);
    const char *d = c->t->data + c->L[i].s;
    size_t n = c->L[i].e - c->L[i].s;
    for (size_t at = 0; at < n && vp_family_first_attr(c->genre, "field", "doctype-issued", c->m, d, n, at); at = de) {
        if (!vp_match_group(c->m, "doctype", &ds, &de) || de <= at)
            return NULL;
        if (ds == ts)
            return vp_st_group(c, "doctype", d);
    }
    return NULL;
}

/* "kế hoạch" -> "Kế hoạch" */
char *vp_st_capitalise(vp_arena *a, const char *s)
{
    int32_t cp;
    size_t n = strlen(s);
    int l = vp_utf8_decode_fast(s, n, &cp);
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
    char *f = vp_st_fold(a, s);
    return vp_st_capitalise(a, f);
}

/* The document type written as `raw` ("KẾ HOẠCH", "QUYET DINH"): its code and the name the
 * doctypes table gives that code first, so every spelling of a type reads the same. */
int vp_st_set_doctype_code(vp_st_ctx *c, const char *code, size_t codelen)
{
    const char *name = vp_st_doctype_name(c, code, codelen);
    if (!name)
        return 0;
    c->doc->meta.doctype = vp_st_capitalise(c->doc->arena, name);
    c->doc->meta.doctype_code = vp_arena_strndup(c->doc->arena, code, codelen);
    return 1;
}

void vp_st_set_doctype(vp_st_ctx *c, const char *raw)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    const char *written = vp_st_squeeze(a, raw, 0);
    const char *code = vp_st_doctype_code(c, written);
    const char *name = code ? vp_st_doctype_name(c, code, strlen(code)) : NULL;
    m->doctype = name ? vp_st_capitalise(a, name) : sentence_case(a, written);
    m->doctype_code = code;
}

const char *vp_st_iso_date(vp_arena *a, int y, int mo, int d)
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

static vp_node *node_new(vp_st_ctx *c, vp_node_type type, size_t li)
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

static void assign_ids(vp_st_ctx *c, vp_node *n, const char *prefix)
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

static const char *section_kind(vp_st_ctx *c, const char *heading)
{
    if (!heading)
        return NULL;
    const vp_rule *r = vp_st_match_str(c, c->sections, "kind", NULL, heading, strlen(heading));
    return r ? vp_rule_attr(r, "kind") : NULL;
}

/* ---- header ---- */

typedef struct header_state {
    size_t end;        /* first line after the header zone */
    int has_number, has_motto, has_doctype;
    int db_doctype; /* the type came from a legal database's field ("Loại văn bản: …") */
    char *db_headline; /* the title a legal database's headline gives: the title when no "Trích yếu"
                        * field nor the document's own title line says it */
    int web_doctype;   /* the type came from a sentence-case line of a web page */
    int no_title;      /* the type came from the number line: the next line is not the title */
    size_t competence_line; /* 1-based line naming who decides ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"), or 0 */
    char *auth[8];
    int nauth;
    int head_open;     /* the last authority line is a head word cut off by a narrow layout ("ỦY") */
    int db_auth;       /* 1: the issuer came from a legal database's field ("Nơi ban hành: Tỉnh Bắc Ninh");
                        * 2: the document's own issuer lines after those fields have replaced it */
    const char *db_authority; /* the database's issuer so replaced: kept when the document's is bare */
    size_t title_line, title_last; /* 1-based first and last line of the title, or 0 */
    const char *title_code; /* the code= of the rule that read a letter's subject line as the title */
    size_t doctype_line; /* 1-based line of the document type, or 0 */
    const char *coauth;  /* a joint document's second issuer, in the column beside the first */
    size_t coauth_line;  /* 1-based line where it was read (its name may go on on the next) */
} header_state;

static void add_authority(vp_st_ctx *c, header_state *h, const char *txt, int cont)
{
    if (cont && h->nauth > 0) {
        h->auth[h->nauth - 1] = vp_arena_printf(c->doc->arena, "%s %s", h->auth[h->nauth - 1], txt);
        return;
    }
    if (h->nauth == 8)
        return;
    h->auth[h->nauth++] = vp_arena_strdup(c->doc->arena, txt);
}

/* A bare issuer ("ỦY BAN NHÂN DÂN", its place left out of a narrow header) named in full on
 * line li further down ("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", the body that decides): the full
 * name, reported. */
static void complete_authority(vp_st_ctx *c, vp_meta *meta, const char *full, size_t li)
{
    char *f = full ? vp_st_squeeze(c->doc->arena, vp_arena_strdup(c->doc->arena, full), 0) : NULL;
    if (!f || strlen(f) <= strlen(meta->authority))
        return;
    if (vp_st_match_str(c, c->header, "field", "bare-unit", f, strlen(f)))
        return; /* "ỦY BAN NHÂN DÂN TỈNH": no place either */
    vp_diag_add(&c->doc->diags, "authority-completed", (int)li + 1,
                "the header names the issuer \"%s\" without its place; read in full as \"%s\" from line %zu",
                meta->authority, f, li + 1);
    meta->authority = f;
}

/* Does the title give year y only as a figure's due year ("Đến năm 2026, …", "… vào năm
 * 2026": header rules field=period-due), not as the year the plan is for ("Kế hoạch … năm
 * 2022")? */
static int due_year_only(vp_st_ctx *c, const char *title, const char *y)
{
    size_t n = strlen(title), yl = strlen(y), start = 0;
    int all = 0, due = 0;
    for (const char *p = strstr(title, y); p; p = strstr(p + 1, y))
        all++;
    while (start < n && vp_family_first_attr(c->header, "field", "period-due", c->m, title, n, start)) {
        size_t ms, me, ys, ye;
        vp_match_range(c->m, &ms, &me);
        if (vp_match_group(c->m, "year", &ys, &ye) && ye - ys == yl && !memcmp(title + ys, y, yl))
            due++;
        if (me <= start)
            break;
        start = me;
    }
    return all > 0 && due == all;
}

/* The title with the terms of a congress it names blanked out (header rules field=period-term,
 * group text, spaces of the same bytes: "… Đại hội Đảng bộ xã lần thứ XVI, nhiệm kỳ 2020 - 2025
 * về … năm 2025" keeps "năm 2025" alone); NULL when it names none. */
static const char *title_without_terms(vp_st_ctx *c, const char *title)
{
    size_t n = strlen(title), start = 0;
    char *out = NULL;
    while (start < n && vp_family_first_attr(c->header, "field", "period-term", c->m, title, n, start)) {
        size_t ms, me, ts, te;
        vp_match_range(c->m, &ms, &me);
        if (!vp_match_group(c->m, "text", &ts, &te))
            ts = ms, te = me;
        if (!out)
            out = vp_arena_strdup(c->doc->arena, title);
        memset(out + ts, ' ', te - ts);
        if (me <= start)
            break;
        start = me;
    }
    return out;
}

size_t vp_st_next_nonblank(vp_st_ctx *c, size_t i)
{
    while (i < c->n && vp_st_blank(c, i))
        i++;
    return i;
}

/* The date of the last match on subj: its text, its ISO value, its place.  With narrow, the text
 * is only the day, month and year groups (a date inside a longer match). */
void vp_st_set_date_text(vp_st_ctx *c, const char *subj, vp_diags *d, size_t li, int narrow)
{
    vp_meta *m = &c->doc->meta;
    int day = vp_st_group_int(c, "day", subj), mon = vp_st_group_int(c, "month", subj);
    int yr = vp_st_group_int(c, "year", subj);
    char *place = vp_st_group(c, "place", subj);
    if (place && *place)
        m->place = place;
    /* a place name cut by a narrow column ("Bình" / "Phước, ngày 06 tháng 3 năm 2018"): the
     * lone capitalised word on the line before is its first word */
    const char *cut = NULL; /* the place's first word, on the line before */
    size_t cutl = 0;
    if (place && *place && !strchr(place, ' ') && !narrow && li > 0 && li <= c->n && !vp_st_blank(c, li - 1)) {
        const char *p = c->t->data + c->L[li - 1].s;
        size_t pl = c->L[li - 1].e - c->L[li - 1].s, k = 0;
        int32_t cp;
        int l = pl ? vp_utf8_decode(p, pl, &cp) : 0;
        int word = l > 0 && pl <= 24 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
        for (k = (size_t)(l > 0 ? l : 0); word && k < pl;) {
            l = vp_utf8_decode(p + k, pl - k, &cp);
            word = l > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
            k += (size_t)(l > 0 ? l : 1);
        }
        if (word && k > (size_t)1) {
            m->place = vp_arena_printf(c->doc->arena, "%.*s %s", (int)pl, p, place);
            cut = p;
            cutl = pl;
        }
    }
    size_t ms, me, ts, te;
    vp_match_range(c->m, &ms, &me);
    if (!narrow && vp_match_group(c->m, "text", &ts, &te) && te > ts) {
        ms = ts; /* the date without its field's name ("Ngày ban hành: 08/09/2025") */
        me = te;
    }
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
    m->date_text = vp_st_squeeze(c->doc->arena, vp_arena_strndup(c->doc->arena, subj + ms, me - ms), 0);
    if (cut && !strncmp(m->date_text, place, strlen(place)))
        m->date_text = vp_arena_printf(c->doc->arena, "%.*s %s", (int)cutl, cut, m->date_text);
    if (yr >= 0 && yr < 100) /* "ngày 28/8/24" */
        yr += 2000;
    m->date_value = vp_st_iso_date(c->doc->arena, yr, mon, day);
    size_t ys, ye;
    if (vp_match_group(c->m, "year", &ys, &ye) && memchr(subj + ys, ' ', ye - ys))
        vp_diag_add(d, "date-split-year", (int)li + 1, "the year of the date is written with a space inside (\"%.*s\"): read as %d",
                    (int)(ye - ys), subj + ys, yr);
    if (day < 0 || mon < 0)
        vp_diag_add(d, "partial-date", (int)li + 1, "the date of the document is incomplete (%s)", m->date_text);
}

void vp_st_set_date(vp_st_ctx *c, const char *subj, vp_diags *d, size_t li) { vp_st_set_date_text(c, subj, d, li, 0); }

/* s with each en dash a hyphen and without a full stop at its end (s, when it has neither). */
static const char *dash_to_hyphen(vp_arena *a, const char *s)
{
    size_t n = strlen(s);
    if (!strstr(s, "\xE2\x80\x93") && !(n > 1 && s[n - 1] == '.'))
        return s;
    vp_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (!strncmp(s + i, "\xE2\x80\x93", 3)) {
            vp_buf_addc(&b, '-');
            i += 2;
        } else {
            vp_buf_addc(&b, s[i]);
        }
    }
    while (b.len > 1 && b.data[b.len - 1] == '.')
        b.len--;
    const char *r = vp_arena_strndup(a, b.data, b.len);
    vp_buf_free(&b);
    return r;
}

/* The number of the last match of a number rule on subj ("Số: 71/KH-UBND"). */
static void set_number(vp_st_ctx *c, const char *subj, size_t li)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    char *num = vp_st_group(c, "number", subj);
    m->number_text = vp_st_squeeze(a, num ? num : "", 0);
    char *seq = vp_st_group(c, "seq", subj);
    m->number_seq = seq ? seq : "";
    char *sym = vp_st_group(c, "symbol", subj);
    m->number_symbol = sym ? vp_st_squeeze(a, sym, 1) : "";
    /* an en dash Word put for the hyphen ("567/UBND–VP"), a full stop after the symbol */
    m->number_text = dash_to_hyphen(a, m->number_text);
    m->number_symbol = dash_to_hyphen(a, m->number_symbol);
    if (*m->number_symbol && !strpbrk(m->number_symbol, "-/") &&
        vp_st_match_str(c, c->header, "field", "symbol-glued", m->number_symbol, strlen(m->number_symbol))) {
        /* "1961/QĐUBND": the text layer lost the hyphen between the type and the issuer */
        char *ty = vp_st_group(c, "doctype", m->number_symbol);
        char *by = vp_st_group(c, "text", m->number_symbol);
        if (ty && by) {
            m->number_symbol = vp_arena_printf(a, "%s-%s", ty, by);
            vp_diag_add(&c->doc->diags, "symbol-hyphen", (int)li + 1,
                        "the symbol \"%s%s\" has lost its hyphen; read as %s", ty, by, m->number_symbol);
        }
    }
    size_t sl = strlen(m->number_symbol);
    if (sl > 1 && m->number_symbol[sl - 1] == '-') {
        /* "Số: 255 / BC-BCĐPCGD-" with the end of the symbol ("XMC") alone on a line a little
         * further down, below the place and date of the other column */
        for (size_t j = li + 1, seen = 0; j < c->n && seen < 4; j++) {
            if (vp_st_blank(c, j))
                continue;
            seen++;
            if (vp_st_match_line(c, c->header, "symbol-tail", j)) {
                char *tail = vp_st_lgroup(c, "symbol", j);
                if (tail) {
                    m->number_symbol = vp_arena_printf(a, "%s%s", m->number_symbol, tail);
                    m->number_text = vp_arena_printf(a, "%s%s", m->number_text, tail);
                }
                break;
            }
        }
    }
    if (!*m->number_seq)
        vp_diag_add(&c->doc->diags, "blank-number", (int)li + 1, "the document number is left blank (\"%s\")",
                    m->number_text);
}

/* Line i and the next non-blank line as one string (a field the layout cut in two). */
static char *join_next(vp_st_ctx *c, size_t i, size_t *next)
{
    size_t j = vp_st_next_nonblank(c, i + 1);
    *next = j;
    if (j >= c->n)
        return NULL;
    return vp_arena_printf(c->doc->arena, "%.*s %.*s", (int)(c->L[i].e - c->L[i].s), c->t->data + c->L[i].s,
                           (int)(c->L[j].e - c->L[j].s), c->t->data + c->L[j].s);
}

#define MAX_ADDRESSEES 32

/* The addressees written on the "Kính gửi:" line itself, into names (at most max): one name,
 * or a list flattened onto the line ("- Ủy ban nhân dân tỉnh; - Bộ Giáo dục và Đào tạo. Vừa
 * qua, …"), whose text after the last name is cut at the end of its sentence. */
static size_t inline_addressees(vp_arena *a, const char *t, const char **names, size_t max)
{
    size_t n = 0;
    int list = 0;
    while (*t == ' ')
        t++;
    if (t[0] == '-' && t[1] == ' ') {
        list = 1;
        t += 2;
    }
    while (*t && n < max) {
        const char *e = t, *next = NULL;
        for (const char *q = t; *q; q++) {
            if (*q == ';' && q[1] == ' ' && (q[2] == '-' || q[2] == '+') && q[3] == ' ') {
                list = 1;
                next = q + 4;
                break;
            }
            /* the end of a sentence: ". " and a capital, after a word of three letters or
             * more ("thành phố Huế. Thực hiện …"; not "TP. Hà Nội") */
            if (*q == '.' && q[1] == ' ' && q - t >= 3 && q[-1] != ' ' && q[-2] != ' ' && q[-3] != ' ' &&
                ((unsigned char)q[2] >= 0x80 || (q[2] >= 'A' && q[2] <= 'Z')) && (list || strlen(q) > 100)) {
                e = q;
                next = NULL;
                goto done;
            }
        }
        e = next ? next - 4 : t + strlen(t);
    done:
        names[n++] = vp_arena_strndup(a, t, (size_t)(e - t));
        if (!next)
            break;
        t = next;
    }
    return n;
}

/* A letter's addressees from its "Kính gửi:" line i: the name after the colon, or the list
 * under it, one a line ("- Phòng Giáo dục và Đào tạo các huyện;", "- Các trường …."), into
 * meta; returns the line after them. */
static size_t addressees(vp_st_ctx *c, size_t i)
{
    vp_arena *a = c->doc->arena;
    vp_meta *m = &c->doc->meta;
    const char *names[MAX_ADDRESSEES];
    size_t n = 0, end = i + 1;
    char *first = vp_st_lgroup(c, "text", i);
    for (size_t j = i; j < c->n && n < MAX_ADDRESSEES; j++) {
        const char *s = c->t->data + c->L[j].s, *e = c->t->data + c->L[j].e;
        if (j > i) {
            if (vp_st_blank(c, j)) { /* a page's list may be spaced out by blank lines */
                const char *last = n ? names[n - 1] + strlen(names[n - 1]) : NULL;
                if (n > 0 && (last == names[n - 1] || (last[-1] != ';' && last[-1] != ',')))
                    break;
                continue;
            }
            while (s < e && (*s == ' ' || *s == '\t'))
                s++;
            int32_t cp0 = -1;
            vp_utf8_decode(s, (size_t)(e - s), &cp0);
            const char *last = n ? names[n - 1] + strlen(names[n - 1]) : NULL;
            if (n && last > names[n - 1] && cp0 >= 0 && utf8proc_category(cp0) == UTF8PROC_CATEGORY_LL &&
                last[-1] != ';' && last[-1] != '.') {
                /* a name wrapped onto the next line ("- Phòng Giáo dục và Đào tạo các" /
                 * "huyện, thị xã;") */
                names[n - 1] = vp_arena_printf(a, "%s %s", names[n - 1],
                                               vp_st_squeeze(a, vp_arena_strndup(a, s, (size_t)(e - s)), 0));
                end = j + 1;
                continue;
            }
            if (s == e || !(*s == '-' || *s == '+' || *s == '*' || !strncmp(s, "\xE2\x80\xA2", 3) ||
                             !strncmp(s, "\xE2\x80\x93", 3))) {
                /* "Kính gửi:" over one short line of its own, a blank line after it: the
                 * addressee; else the text begins */
                if (n == 0 && e > s && e - s < 120 && e[-1] != ':' && (j + 1 == c->n || vp_st_blank(c, j + 1))) {
                    names[n++] = vp_st_squeeze(a, vp_arena_strndup(a, s, (size_t)(e - s)), 0);
                    end = j + 1;
                }
                break;
            }
            s += (unsigned char)*s >= 0x80 ? 3 : 1;
        } else if (first && *first) {
            n = inline_addressees(a, first, names, MAX_ADDRESSEES);
            end = j + 1;
            if (n > 1 || strlen(first) > 200)
                break; /* a page's text flattened onto the line: nothing after it is a name */
            continue;
        } else
            continue;
        names[n++] = vp_st_squeeze(a, vp_arena_strndup(a, s, (size_t)(e - s)), 0);
        end = j + 1;
    }
    size_t kept = 0;
    for (size_t k = 0; k < n; k++) { /* the list's ";" and the last one's "." are not the name's */
        char *name = (char *)names[k];
        size_t l = strlen(name);
        while (l > 0 && (name[l - 1] == ';' || name[l - 1] == '.' || name[l - 1] == ',' || name[l - 1] == ' '))
            name[--l] = 0;
        if (l)
            names[kept++] = name;
    }
    n = kept;
    if (n) {
        m->addressees = vp_arena_alloc(a, sizeof *m->addressees * n);
        memcpy(m->addressees, names, sizeof *names * n);
        m->naddressees = n;
    }
    return end;
}

/* A legal database's field whose name stands alone on line i (header rule field=db-label), its
 * value on the next line ("Ngày ban hành:" / "05/04/2024", "Cơ quan ban hành:" / "UBND tỉnh
 * Tuyên Quang", as a narrow page or a table's cells give them): the two read as one line by
 * the rules of those fields.  Returns the value's line when it was read, else 0. */
static size_t db_label_value(vp_st_ctx *c, header_state *h, size_t i)
{
    vp_meta *m = &c->doc->meta;
    size_t j;
    if (!vp_st_match_line(c, c->header, "db-label", i))
        return 0;
    char *joined = join_next(c, i, &j);
    /* not when the next line is a field of its own, named and filled ("Loại văn bản:" over
     * "Loại văn bản: Quyết định Số hiệu: 15/2014/QĐ-UBND", a search form above the fields) */
    if (!joined || vp_st_match_line(c, c->header, "db-label", j) || vp_st_match_line(c, c->header, "authority-db", j) ||
        vp_st_match_line(c, c->header, "doctype-db", j) || vp_st_match_line(c, c->header, "number", j) ||
        vp_st_match_line(c, c->header, "date", j) || vp_st_match_line(c, c->header, "title-db", j) ||
        vp_st_match_line(c, c->header, "db-field", j))
        return 0;
    size_t n = strlen(joined);
    if (h->nauth == 0 && vp_st_match_str(c, c->header, "field", "authority-db", joined, n)) {
        add_authority(c, h, vp_st_group(c, "authority", joined), 0);
        h->db_auth = 1;
    } else if (!h->has_doctype && vp_st_match_str(c, c->header, "field", "doctype-db", joined, n)) {
        vp_st_set_doctype(c, vp_st_group(c, "doctype", joined));
        h->has_doctype = h->db_doctype = h->no_title = 1;
    } else if (!m->date_value && vp_st_match_str(c, c->header, "field", "date", joined, n))
        vp_st_set_date(c, joined, &c->doc->diags, i);
    else if (!m->number_text && vp_st_match_str(c, c->header, "field", "number", joined, n)) {
        set_number(c, joined, i);
        h->has_number = 1;
    } else if (!m->title && vp_st_match_str(c, c->header, "field", "title-db", joined, n))
        m->title = vp_st_group(c, "title", joined);
    else if (!vp_st_match_str(c, c->header, "field", "db-field", joined, n))
        return 0;
    h->end = j + 1;
    return j;
}

/* Is the document a joint one, of two issuers (header rules field=joint: its symbol "45/KHLT-UBND-HĐ",
 * or its type "KẾ HOẠCH LIÊN TỊCH")?  The second issuer read beside the first is then its own, not
 * the body that decides nor a line of the title; and it names another body than the first one
 * ("ỦY BAN NHÂN DÂN" / "ỦY BAN NHÂN DÂN TỈNH" is one). */
static int joint_header(vp_st_ctx *c, const header_state *h)
{
    const vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    const char *first = vp_st_squeeze(a, h->auth[h->nauth - 1], 0), *co = vp_st_squeeze(a, h->coauth, 0);
    size_t lf = strlen(first), lc = strlen(co);
    if (!strncmp(first, co, lf < lc ? lf : lc))
        return 0;
    if (m->number_symbol && vp_st_match_str(c, c->header, "field", "joint", m->number_symbol, strlen(m->number_symbol)))
        return 1;
    return h->doctype_line && h->doctype_line <= c->n && vp_st_match_line(c, c->header, "joint", h->doctype_line - 1);
}

static void parse_header(vp_st_ctx *c, header_state *h)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    size_t seen = 0;
    int title_open = 0;
    size_t i = 0;
    h->end = 0;
    for (i = 0; i < c->n && seen < MAX_HEADER_LINES; i++) {
        int want_title = h->has_doctype && !m->title && !h->no_title;
        if (vp_st_blank(c, i)) {
            if (!want_title)
                title_open = 0;
            continue;
        }
        seen++;
        const char *subj = c->t->data + c->L[i].s;
        size_t len = c->L[i].e - c->L[i].s;
        if (h->nauth == 0 && vp_st_match_line(c, c->header, "authority-db", i)) {
            /* "Nơi ban hành: Chính phủ" of a legal database, whatever comes before it */
            add_authority(c, h, vp_st_lgroup(c, "authority", i), 0);
            h->db_auth = 1;
            h->end = i + 1;
            continue;
        }
        if (want_title && !vp_st_match_line(c, c->sections, "heading", i) &&
            !vp_st_match_line(c, c->header, "number", i) &&
            !vp_st_match_line(c, c->header, "date", i)) {
            /* the line after the document type is its title, whatever it says */
            m->title = vp_arena_strndup(a, subj, len);
            h->title_line = h->title_last = i + 1;
            h->end = i + 1;
            title_open = 1;
            continue;
        }
        size_t dbv = db_label_value(c, h, i);
        if (dbv) {
            i = dbv;
            continue;
        }
        if (vp_st_match_line(c, c->sections, "heading", i) && h->has_doctype)
            break;
        if (vp_st_match_line(c, c->header, "body-start", i))
            break;
        if (vp_st_match_line(c, c->header, "kinh-gui", i)) {
            h->end = addressees(c, i);
            break;
        }
        if (vp_st_match_line(c, c->header, "urgency", i)) {
            /* a mark of urgency or secrecy ("HỎA TỐC", "KHẨN", "MẬT") between the header and
             * "Kính gửi:" */
            h->end = i + 1;
            continue;
        }
        if (vp_st_match_line(c, c->header, "motto", i)) {
            h->has_motto = 1;
            title_open = 0;
            h->end = i + 1;
            continue;
        }
        if (!m->number_text && vp_st_match_line(c, c->header, "number-start", i)) {
            /* "Số:" alone, the number on the next line */
            size_t j;
            char *joined = join_next(c, i, &j);
            if (joined && vp_st_match_str(c, c->header, "field", "number", joined, strlen(joined))) {
                set_number(c, joined, i);
                h->has_number = 1;
                h->end = j + 1;
                title_open = 0;
                i = j;
                continue;
            }
        }
        if (!m->number_text && vp_st_match_line(c, c->header, "number", i)) {
            set_number(c, subj, i);
            h->has_number = 1;
            h->end = i + 1;
            title_open = 0;
            if (!m->date_value && vp_st_match_line(c, c->header, "date", i))
                vp_st_set_date(c, subj, &c->doc->diags, i);
            if (!h->has_doctype && (vp_st_match_line(c, c->header, "doctype", i) ||
                                    vp_st_match_line(c, c->header, "doctype-db", i))) {
                /* "Số hiệu: … Loại văn bản: …" of a legal database: no title line follows */
                vp_st_set_doctype(c, vp_st_lgroup(c, "doctype", i));
                h->has_doctype = 1;
                h->no_title = 1;
            }
            continue;
        }
        if (!m->date_value && vp_st_match_line(c, c->header, "date", i)) {
            vp_st_set_date(c, subj, &c->doc->diags, i);
            h->end = i + 1;
            title_open = 0;
            continue;
        }
        if (!m->date_value && vp_st_match_line(c, c->header, "date-start", i)) {
            size_t j;
            char *joined = join_next(c, i, &j);
            if (joined && vp_st_match_str(c, c->header, "field", "date", joined, strlen(joined))) {
                vp_st_set_date(c, joined, &c->doc->diags, i);
                i = j;
                h->end = j + 1;
            }
            continue;
        }
        if (!h->has_doctype && vp_st_match_line(c, c->header, "doctype-db", i)) {
            /* "Loại văn bản: Quyết định" of a legal database: a field, not a title line */
            vp_st_set_doctype(c, vp_st_lgroup(c, "doctype", i));
            h->has_doctype = 1;
            h->db_doctype = 1;
            h->no_title = 1;
            h->end = i + 1;
            continue;
        }
        if (vp_st_match_line(c, c->header, "db-field", i)) {
            /* another field of a legal database ("Người ký: …", "Tình trạng: …") */
            h->end = i + 1;
            continue;
        }
        int dt = 0;
        /* the type's line of the document itself may follow a legal database's fields */
        if (!h->has_doctype || (h->db_doctype && !m->title))
            dt = vp_st_match_line(c, c->header, "doctype", i)       ? 1
                 : vp_st_match_line(c, c->header, "doctype-web", i) ? 2
                                                                    : 0;
        if (dt) {
            h->web_doctype = dt == 2;
            h->db_doctype = h->no_title = 0;
            char *tt = vp_st_lgroup(c, "title", i);
            vp_st_set_doctype(c, vp_st_lgroup(c, "doctype", i));
            h->has_doctype = 1;
            h->doctype_line = i + 1;
            h->end = i + 1;
            if (tt && *tt) {
                m->title = tt;
                h->title_line = h->title_last = i + 1;
            }
            title_open = 1;
            continue;
        }
        const vp_rule *tdb;
        if (!m->title && (tdb = vp_st_match_line(c, c->header, "title-db", i))) {
            /* "Trích yếu: …" of a legal database (says nothing of the type); its headline
             * ("Kế hoạch 245/KH-UBND năm 2024 triển khai …", rule attribute kind=headline) gives
             * the title, in capitals first, when nothing after it does */
            const char *kind = vp_rule_attr(tdb, "kind");
            if (kind && strcmp(kind, "headline") == 0) {
                char *t = vp_st_lgroup(c, "title", i);
                if (t && !h->db_headline)
                    h->db_headline = vp_st_capitalise(a, t);
            } else
                m->title = vp_st_lgroup(c, "title", i);
            h->end = i + 1;
            continue;
        }
        const vp_rule *vv;
        if (!m->title && (vv = vp_st_match_line(c, c->header, "title-vv", i))) {
            h->title_code = vp_rule_attr(vv, "code");
            m->title = vp_st_lgroup(c, "title", i);
            h->title_line = h->title_last = i + 1;
            h->end = i + 1;
            title_open = 1;
            continue;
        }
        /* a joint document's second issuer, in the column beside the first: a header of two
         * columns read column by column gives it after the first one's number ("UBND HUYỆN NGHI
         * LỘC" / "Số: 45/KHLT-UBND-HĐ" / "HUYỆN ĐOÀN NGHI LỘC" / "CỘNG HÒA …"); only the first is
         * the authority.  Noted only (kept when the document is joint: joint_header), the line
         * read on as before */
        if (h->has_number && !h->has_doctype && !m->title && h->nauth > 0 && !h->db_auth) {
            char *co = NULL;
            /* its name goes on on the next line: a place after a name cut at its level word ("HỘI NÔNG
             * DÂN HUYỆN" / "KIM SƠN") too */
            if (h->coauth && h->coauth_line == i &&
                (vp_st_match_line(c, c->header, "authority-cont", i) ||
                 (vp_st_match_str(c, c->header, "field", "level-open", h->coauth, strlen(h->coauth)) &&
                  vp_st_match_line(c, c->header, "authority-place", i))) &&
                (co = vp_st_lgroup(c, "authority", i)) != NULL) {
                h->coauth = vp_arena_printf(a, "%s %s", h->coauth, co);
                h->coauth_line = i + 1;
            } else if (!h->coauth && !vp_st_match_line(c, c->header, "org-motto", i) &&
                       vp_st_match_line(c, c->header, "authority", i) && (co = vp_st_lgroup(c, "authority", i)) != NULL) {
                co = vp_st_squeeze(a, co, 0);
                if (*co && strcmp(co, vp_st_squeeze(a, h->auth[h->nauth - 1], 0)) != 0) {
                    h->coauth = co;
                    h->coauth_line = i + 1;
                }
            }
        }
        /* the document's own issuer ("ỦY BAN NHÂN DÂN" / "TỈNH BẮC NINH") after a legal database's
         * fields, whose number and type came first, names it better than the database's place */
        if ((!h->has_doctype && !h->has_number && !m->title) || (h->db_auth && !m->title)) {
            if (h->db_auth == 1 && h->nauth > 0 && vp_st_match_line(c, c->header, "authority", i)) {
                h->db_authority = h->auth[0];
                h->nauth = 0;
                h->db_auth = 2;
            }
            if (h->head_open && vp_st_match_line(c, c->header, "authority-rest", i)) {
                /* "ỦY" / "BAN NHÂN DÂN": one name over two lines */
                add_authority(c, h, vp_st_lgroup(c, "authority", i), 1);
                h->head_open = 0;
                h->end = i + 1;
                continue;
            }
            if (h->nauth > 0 && vp_st_match_line(c, c->header, "org-motto", i)) {
                /* the organisation's own name in the motto's place, after a local body of it */
                const char *lv = vp_st_level_of(c, h->auth[h->nauth - 1]);
                if (lv && (!strcmp(lv, "province") || !strcmp(lv, "district") || !strcmp(lv, "commune"))) {
                    h->end = i + 1;
                    continue;
                }
            }
            if (vp_st_match_line(c, c->header, "authority", i)) {
                add_authority(c, h, vp_st_lgroup(c, "authority", i), 0);
                h->head_open = vp_st_match_line(c, c->header, "authority-head", i) != NULL;
                h->end = i + 1;
                continue;
            }
            if (vp_st_match_line(c, c->header, "authority-cont", i) ||
                (h->nauth > 0 && vp_st_match_line(c, c->header, "authority-tail", i))) {
                add_authority(c, h, vp_st_lgroup(c, "authority", i), 1);
                h->end = i + 1;
                continue;
            }
        }
        if (len > 4 && (subj[0] == 'K' || subj[0] == 'k' || subj[0] == ' ') &&
            vp_st_match_line(c, c->header, "session", i)) {
            /* the council's term and sitting under its name ("KHÓA IX, KỲ HỌP THỨ NHẤT"): no title */
            h->end = i + 1;
            continue;
        }
        if (!h->has_doctype && !m->title && !h->no_title && h->has_number && m->date_value && caps_line(c, i) &&
            !vp_st_match_line(c, c->header, "competence", i)) {
            /* no type's line ("QUYẾT ĐỊNH" left out by a copy of the page): the lines in
             * capitals after the number and date, up to the body that decides or the first
             * grounds, are the title */
            size_t j = i, nx = vp_st_next_nonblank(c, i + 1);
            while (nx < c->n && nx < i + 4 && caps_line(c, nx) && !vp_st_match_line(c, c->header, "competence", nx)) {
                j = nx;
                nx = vp_st_next_nonblank(c, nx + 1);
            }
            if (nx < c->n && (vp_st_match_line(c, c->header, "competence", nx) ||
                              vp_st_match_line(c, c->header, "body-start", nx))) {
                char *tt = vp_arena_strndup(a, subj, c->L[j].e - c->L[i].s);
                for (char *q = tt; *q; q++)
                    if (*q == '\n')
                        *q = ' ';
                m->title = tt;
                h->title_line = i + 1;
                h->title_last = j + 1;
                h->end = j + 1;
                i = j;
                continue;
            }
        }
        if (((h->has_doctype && !h->db_doctype) || m->title) && vp_st_match_line(c, c->header, "competence", i)) {
            /* who decides, after the title of a decision: the last line of the header */
            h->competence_line = i + 1;
            h->end = i + 1;
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
            h->title_last = i + 1;
            h->end = i + 1;
            continue;
        }
        /* anything else after the title ends the header; after a legal database's fields the
         * document's own header (its issuer, national name, number, date) may come first */
        if (h->db_doctype && !m->title && i < h->end + 12)
            continue;
        if (h->has_doctype || m->title)
            break;
    }
    if (!m->title && h->db_headline)
        m->title = h->db_headline;
    if (m->title)
        m->title = vp_st_squeeze(a, m->title, 0);
    if (h->nauth > 0) {
        m->authority = vp_st_squeeze(a, h->auth[h->nauth - 1], 0);
        if (h->nauth > 1)
            m->authority_parent = vp_st_squeeze(a, h->auth[h->nauth - 2], 0);
        if (h->coauth && joint_header(c, h))
            m->coauthority = vp_st_squeeze(a, h->coauth, 0);
    }
}

/* An issuer's name with the letters OCR misread in it put right: each match of a header rule
 * field=authority-ocr has its group "text" replaced by the rule's attribute `reads`
 * ("ỦY BAN NHÂN DÂN TÍNH QUẢNG NGÃI" -> "… TỈNH QUẢNG NGÃI"), with a warning; at most a few
 * times, so that a rule whose `reads` it matches again cannot loop. */
static const char *fix_authority_ocr(vp_st_ctx *c, const char *name)
{
    const char *orig = name;
    for (int k = 0; name && k < 8; k++) {
        const vp_rule *r = vp_st_match_str(c, c->header, "field", "authority-ocr", name, strlen(name));
        const char *reads = r ? vp_rule_attr(r, "reads") : NULL;
        size_t gs, ge;
        if (!reads || !vp_match_group(c->m, "text", &gs, &ge) || ge <= gs ||
            (strlen(reads) == ge - gs && memcmp(name + gs, reads, ge - gs) == 0))
            break;
        name = vp_arena_printf(c->doc->arena, "%.*s%s%s", (int)gs, name, reads, name + ge);
    }
    if (name != orig)
        vp_diag_add(&c->doc->diags, "ocr-issuer", 0, "the issuer \"%s\" is read as \"%s\" (a letter misread by OCR)",
                    orig, name);
    return name;
}

/* Does name end with the name of a province (rules/provinces.tsv), after a word of its own? */
static int ends_with_province(vp_st_ctx *c, const char *name)
{
    const vp_table *pt = vp_rules_table(c->rules, "provinces");
    if (!pt)
        return 0;
    const char *k = vp_st_fold(c->doc->arena, name);
    for (const char *sp = strchr(k, ' '); sp; sp = strchr(sp + 1, ' ')) {
        size_t nc = 0;
        if (vp_table_find(pt, sp + 1, strlen(sp + 1), &nc))
            return 1;
    }
    return 0;
}

const char *vp_st_level_of(vp_st_ctx *c, const char *text)
{
    if (!text)
        return NULL;
    const vp_rule *r = vp_st_match_str(c, c->header, "field", "level", text, strlen(text));
    if (!r)
        return NULL;
    /* a level that holds from a date ("since=2025-01-01 before=district"): a document dated
     * before it gets the earlier level; an undated one, or a partial date that reaches the
     * day, the current one */
    /* a level whose bodies also sit in a province under the same name ("of-province=department":
     * "CỤC HẢI QUAN HÀ NỘI", a branch of the general department; rules/provinces.tsv) */
    const char *of_province = vp_rule_attr(r, "of-province");
    if (of_province && ends_with_province(c, text))
        return of_province;
    const char *since = vp_rule_attr(r, "since");
    const char *before = vp_rule_attr(r, "before");
    const char *date = c->doc->meta.date_value;
    if (since && before && date) {
        size_t n = strlen(date) < strlen(since) ? strlen(date) : strlen(since);
        if (strncmp(date, since, n) < 0)
            return before;
    }
    return vp_rule_attr(r, "level");
}

/* ---- closing block: recipients and signature ---- */

#define MID_SIG_LINES 30  /* lines from "Nơi nhận" to the signature, for a block inside the text */
#define MAX_RECIPIENTS 64 /* recipients kept of a closing block */

/* The first line of a closing block inside the text: a recipients line with a signature line
 * within MID_SIG_LINES non-blank lines after it, as in a decision whose plan is attached after
 * its closing block.  c->n when there is none. */
static size_t mid_closing(vp_st_ctx *c, size_t from)
{
    for (size_t i = from; i < c->n; i++) {
        if (vp_st_blank(c, i) || !vp_st_match_line(c, c->header, "recipients", i))
            continue;
        /* "Nơi nhận:" alone or with its first recipient ("Nơi nhận: - Như trên;"), not a
         * sentence of the body ("Nơi nhận hồ sơ: Sở Nội vụ") */
        size_t ts, te;
        if (vp_match_group(c->m, "text", &ts, &te) && te > ts &&
            !match_field(c, c->header, "recipient", c->L[i].s + ts, c->L[i].s + te))
            continue;
        size_t seen = 0;
        for (size_t k = i + 1; k < c->n && seen < MID_SIG_LINES; k++) {
            if (vp_st_blank(c, k))
                continue;
            seen++;
            if (vp_st_match_line(c, c->header, "sigauth", k) || vp_st_match_line(c, c->header, "position", k))
                return i;
        }
    }
    return c->n;
}

/* What each recipient's line says of its copy (header rules field=recipient-kind and
 * field=recipient-purpose): the issuer's file copy ("Lưu: VT, VP2"), and why the copy is sent
 * ("(để b/c)": to report to).  A file code alone on the line after the file copy
 * ("LQ_VP7_QS.2024") is part of it. */
static void recipient_notes(vp_st_ctx *c, vp_meta *m)
{
    if (!m->nrecipients)
        return;
    vp_arena *a = c->doc->arena;
    m->recipient_kind = vp_arena_alloc(a, sizeof(char *) * m->nrecipients);
    m->recipient_purpose = vp_arena_alloc(a, sizeof(char *) * m->nrecipients);
    for (size_t k = 0; k < m->nrecipients; k++) {
        const char *r = m->recipients[k];
        size_t n = strlen(r);
        const vp_rule *rk = vp_st_match_str(c, c->header, "field", "recipient-kind", r, n);
        m->recipient_kind[k] = rk ? vp_rule_attr(rk, "kind") : NULL;
        if (!rk && k > 0 && m->recipient_kind[k - 1] && !memchr(r, ' ', n))
            m->recipient_kind[k] = m->recipient_kind[k - 1];
        const vp_rule *rp = vp_st_match_str(c, c->header, "field", "recipient-purpose", r, n);
        m->recipient_purpose[k] = rp ? vp_rule_attr(rp, "purpose") : NULL;
    }
}

/* Is line k, outside a table row, one of header rules field=`field`? */
static int line_is_field(vp_st_ctx *c, size_t k, const char *field)
{
    return k < c->n && !memchr(c->t->data + c->L[k].s, '|', c->L[k].e - c->L[k].s) &&
           match_field(c, c->header, field, c->L[k].s, c->L[k].e) != NULL;
}

/* Is the next non-blank line after line i a signer's name alone? */
static int signame_next(vp_st_ctx *c, size_t i) { return line_is_field(c, vp_st_next_nonblank(c, i + 1), "signame"); }

/* Is the line after line i a signer's position, outside a table row? */
static int position_next(vp_st_ctx *c, size_t i) { return line_is_field(c, i + 1, "position"); }

/* A cell of the closing block with a signer's position as a scan misreads it put right
 * (rules/positions.tsv: "CHÚ TỊCH" for "CHỦ TỊCH", "PHÓ VĂN PHÒNG" for "PHÓ CHÁNH VĂN PHÒNG"; only
 * whole words), in the arena; NULL when it holds none.  *what names the first correction. */
static char *position_fixed(vp_st_ctx *c, const char *s, size_t n, const char *const **what)
{
    const vp_table *t = vp_rules_table(c->rules, "positions");
    if (!t)
        return NULL;
    vp_buf b = {0};
    size_t from = 0;
    for (size_t p = 0; p < n;) {
        int hit = 0;
        if (p == 0 || s[p - 1] == ' ' || s[p - 1] == '.')
            for (size_t r = 0; r < t->nrows && !hit; r++) {
                const char *w = t->rows[r][0];
                size_t wl = strlen(w);
                if (t->ncols[r] < 2 || !wl || wl > n - p || memcmp(s + p, w, wl) != 0)
                    continue;
                int32_t cp = -1;
                if (p + wl < n && vp_utf8_decode(s + p + wl, n - p - wl, &cp) > 0 && cp >= 0 &&
                    ((utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU && utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO) ||
                     (cp >= '0' && cp <= '9')))
                    continue; /* a longer word goes on */
                vp_buf_add(&b, s + from, p - from);
                vp_buf_adds(&b, t->rows[r][1]);
                if (!*what)
                    *what = (const char *const *)t->rows[r];
                p += wl;
                from = p;
                hit = 1;
            }
        if (!hit)
            p++;
    }
    if (!b.data)
        return NULL;
    vp_buf_add(&b, s + from, n - from);
    char *fix = vp_arena_strdup(c->doc->arena, b.data);
    vp_buf_free(&b);
    return fix;
}

/* s folded, each of its words an abbreviation of rules/abbrev.tsv stands for written out ("TM.
 * BAN THƯỜNG VỤ HỘI LHPN" -> "tm. ban thường vụ hội liên hiệp phụ nữ"), between two spaces. */
static const char *words_expanded(vp_st_ctx *c, const char *s)
{
    vp_arena *a = c->doc->arena;
    const vp_table *t = vp_rules_table(c->rules, "abbrev");
    vp_buf b = {0};
    while (*s) {
        size_t k = strcspn(s, " ");
        size_t nc = 0;
        const char *const *row = t && k ? vp_table_find(t, s, k, &nc) : NULL;
        if (row && nc > 1)
            vp_buf_adds(&b, row[1]);
        else
            vp_buf_add(&b, s, k);
        vp_buf_addc(&b, ' ');
        s += k;
        while (*s == ' ')
            s++;
    }
    const char *f = vp_st_fold(a, b.data ? b.data : "");
    vp_buf_free(&b);
    return vp_arena_printf(a, " %s ", f);
}

/* Does a signature's office (sig: "TM. BAN THƯỜNG VỤ HỘI LHPN HUYỆN") name the body (body: "HỘI
 * LIÊN HIỆP PHỤ NỮ HUYỆN EA KAR") by its first words (three at most, its place left out)? */
static int signs_for(vp_st_ctx *c, const char *sig, const char *body)
{
    if (!sig || !body)
        return 0;
    const char *sf = words_expanded(c, sig), *bf = words_expanded(c, body);
    size_t n = 1; /* bf's leading space */
    for (int w = 0; w < 3 && bf[n]; w++) {
        const char *sp = strchr(bf + n, ' ');
        if (!sp || !sp[1])
            break;
        n = (size_t)(sp - bf) + 1;
    }
    return n > 1 && strstr(sf, vp_arena_printf(c->doc->arena, "%.*s", (int)n, bf)) != NULL;
}

/* Reads the closing block (recipients and signature) from its first line `closing`, each
 * cell of a line on its own (a table row "- Lưu: VT. | Nguyễn Văn A" holds a recipient and a
 * signature line).  Inside the text (mid=1) the block ends at the first line after the
 * signature that is none of its lines: the line returned (c->n when it runs to the end). */
static size_t read_closing(vp_st_ctx *c, size_t closing, int mid, int listed)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    const char *d = c->t->data;
    const char **rec = vp_arena_alloc(a, sizeof(char *) * MAX_RECIPIENTS);
    size_t nrec = 0, end = c->n;
    int in_rec = listed, rec_seen = listed, after_sig = 0; /* listed: the block opens on its
                                                            * recipients, without "Nơi nhận" */
    char last = 0; /* the last byte of the cell before */
    int semi = 0;  /* a recipient's line ended with ';': the list's recipients end so */
    int rec_open = 0; /* the last recipient's line ended with ';' or ',': more are to come */
    char *sigauth = NULL, *position = NULL, *name = NULL;
    /* a second signer of a joint document ("KT. GIÁM ĐỐC SỞ Y TẾ" / "PHÓ GIÁM ĐỐC" then "KT.
     * GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO" / "PHÓ GIÁM ĐỐC", or side by side in a row's cells): a
     * signer's line after the first one's position, or in a later cell of a row that holds one */
    char *sigauth2 = NULL, *position2 = NULL, *name2 = NULL;
    int second = 0, col1 = -1; /* the first signer's cell in a row, -1 for none */
    size_t pos_line = c->n;    /* the line of the last position read outside a table row */
    size_t sig_line = c->n;    /* the line of the last office signed for, outside a table row */
    for (size_t i = closing; i < c->n && end == c->n; i++) {
        int cell = -1; /* the cell's number in its line: signature lines on the right of a
                        * row leave the recipients on its left going on */
        int row = memchr(d + c->L[i].s, '|', c->L[i].e - c->L[i].s) != NULL; /* a table row */
        if (second && name && !name2 && !row && match_field(c, c->header, "signame", c->L[i].s, c->L[i].e)) {
            name2 = vp_st_squeeze(a, vp_st_group(c, "name", d + c->L[i].s), 0); /* the second signer's */
            continue;
        }
        if (mid && name && !row && !vp_st_blank(c, i) && !match_field(c, c->header, "recipient", c->L[i].s, c->L[i].e)) {
            end = i; /* a plain line after the signer's name: the attached text begins */
            break;
        }
        int row_sig = 0; /* a signer's line already in this row */
        for (size_t cs = c->L[i].s, ce; cs < c->L[i].e; cs = ce + 1) {
            const char *bar = memchr(d + cs, '|', c->L[i].e - cs);
            ce = bar ? (size_t)(bar - d) : c->L[i].e;
            size_t s = cs, e = ce;
            while (s < e && d[s] == ' ')
                s++;
            while (e > s && d[e - 1] == ' ')
                e--;
            if (s == e)
                continue;
            cell++;
            char before = last;
            if (cell == 0)
                last = d[e - 1];
            if (match_field(c, c->header, "recipients", s, e)) {
                in_rec = rec_seen = 1;
                size_t ts, te;
                /* "Nơi nhận: - Như trên;" on one line */
                if (vp_match_group(c->m, "text", &ts, &te) && te > ts && nrec < MAX_RECIPIENTS &&
                    match_field(c, c->header, "recipient", s + ts, s + te))
                    rec[nrec++] = vp_st_group(c, "text", d + s + ts);
                continue;
            }
            /* a bulleted line after "Nơi nhận" is a recipient, also after a signature line
             * that a two-column block put between them, and after the signer's name when the
             * list stopped on a ';' (a recipient too wide for its column put after the block) */
            if ((in_rec || (rec_seen && (!name || rec_open))) && match_field(c, c->header, "recipient", s, e)) {
                char *r = vp_st_group(c, "text", d + s);
                if (r && *r && nrec < MAX_RECIPIENTS)
                    rec[nrec++] = r;
                in_rec = 1;
                semi |= d[e - 1] == ';';
                rec_open = d[e - 1] == ';' || d[e - 1] == ',';
                continue;
            }
            char *pos_too = NULL; /* a position on the line of the office signed for */
            /* a position a scan misread ("KT. CHÚ TỊCH"): the line read put right */
            const char *const *fixed = NULL;
            const char *cd = position_fixed(c, d + s, e - s, &fixed);
            size_t cl = cd ? strlen(cd) : e - s;
            if (!cd)
                cd = d + s;
            int sig_cell = vp_st_match_str(c, c->header, "field", "sigauth", cd, cl) != NULL;
            if (fixed && (sig_cell || vp_st_match_str(c, c->header, "field", "position", cd, cl)))
                vp_diag_add(&c->doc->diags, "position-misread", (int)i + 1,
                            "the signer's position \"%s\" is read as \"%s\" (a scan's misreading)", fixed[0], fixed[1]);
            if (sig_cell) {
                char *sa = vp_st_squeeze(a, vp_st_group(c, "sigauth", cd), 0);
                /* "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "TL. CHỦ TỊCH CHÁNH VĂN PHÒNG": the rule's group
                 * position is the signer's, read as a line of its own after the office */
                pos_too = vp_st_group(c, "position", cd);
                /* outside a row, a signer's line after the first one's position or name: the
                 * second signer's (the first one's lines, name and all, then the second's, as a
                 * column block gives a signature block of two columns) */
                int to2 = row ? row_sig || (second && col1 >= 0 && cell > col1) : second || position || name;
                second |= to2;
                if (to2)
                    sigauth2 = sigauth2 ? vp_arena_printf(a, "%s %s", sigauth2, sa) : sa;
                else
                    sigauth = sigauth ? vp_arena_printf(a, "%s %s", sigauth, sa) : sa;
                if (row && !to2)
                    col1 = cell;
                row_sig = 1;
                in_rec &= cell > 0;
                after_sig = 1;
                if (!row)
                    sig_line = i;
                if (!pos_too)
                    continue;
            }
            if (pos_too || vp_st_match_str(c, c->header, "field", "position", cd, cl)) {
                char *p = vp_st_squeeze(a, pos_too ? pos_too : vp_st_group(c, "position", cd), 0);
                if (second && (row && col1 >= 0 ? cell > col1 : position != NULL)) {
                    if (position2)
                        sigauth2 = sigauth2 ? vp_arena_printf(a, "%s %s", sigauth2, position2) : position2;
                    position2 = p;
                } else if (position && vp_st_match_str(c, c->header, "field", "position-office", p, strlen(p))) {
                    /* "TRƯỞNG BAN" / "PHÓ CHỦ TỊCH UBND HUYỆN", also under "TM. BAN CHỈ ĐẠO": the
                     * office signed in, then the signer's own, named with its agency (not an
                     * office signed for) */
                    position = vp_arena_printf(a, "%s (%s)", position, p);
                } else {
                    if (position)
                        sigauth = sigauth ? vp_arena_printf(a, "%s %s", sigauth, position) : position;
                    position = p;
                }
                if (!row)
                    pos_line = i;
                in_rec &= cell > 0;
                after_sig = 1;
                continue;
            }
            if (match_field(c, c->header, "sig-skip", s, e))
                continue;
            if (!row && i == sig_line + 1 && !(second ? position2 : position) && caps_line(c, i) &&
                position_next(c, i)) {
                /* a line in capitals between the office signed for and the position under it:
                 * the office goes on ("TM. BAN THƯỜNG VỤ" / "HỘI LIÊN HIỆP PHỤ NỮ TỈNH" / "CHỦ TỊCH") */
                char *more = vp_st_squeeze(a, vp_arena_strndup(a, d + s, e - s), 0);
                if (second)
                    sigauth2 = sigauth2 ? vp_arena_printf(a, "%s %s", sigauth2, more) : more;
                else
                    sigauth = sigauth ? vp_arena_printf(a, "%s %s", sigauth, more) : more;
                sig_line = i;
                continue;
            }
            if (!row && i == pos_line + 1 && !(second ? name2 : name) && caps_line(c, i) && signame_next(c, i)) {
                /* a line in capitals between a position and the name under it: the position goes on
                 * ("PHÓ TRƯỞNG PHÒNG" / "GIÁO DỤC VÀ ĐÀO TẠO" / "Lê Thị Thu Hà") */
                char *more = vp_st_squeeze(a, vp_arena_strndup(a, d + s, e - s), 0);
                if (second && position2)
                    position2 = vp_arena_printf(a, "%s %s", position2, more);
                else if (!second && position)
                    position = vp_arena_printf(a, "%s %s", position, more);
                pos_line = i;
                continue;
            }
            if (after_sig && !name && match_field(c, c->header, "signame", s, e)) {
                name = vp_st_squeeze(a, vp_st_group(c, "name", d + s), 0);
                in_rec &= cell > 0;
                continue;
            }
            if (second && name && !name2 && cell > 0 && match_field(c, c->header, "signame", s, e)) {
                name2 = vp_st_squeeze(a, vp_st_group(c, "name", d + s), 0); /* side by side */
                continue;
            }
            if (in_rec && match_field(c, c->header, "recipient-none", s, e))
                continue; /* a bullet alone: its recipient is on the next line */
            if (in_rec && nrec > 0 && match_field(c, c->header, "recipient-clerk", s, e) &&
                vp_st_match_str(c, c->header, "field", "recipient-kind", rec[nrec - 1], strlen(rec[nrec - 1]))) {
                /* the clerk's mark under the archive copy's line ("- Lưu: VT, VP3." / "LNT_VP3_KH12"):
                 * the note goes on, after the stop or comma the line before ended with */
                char *mark = vp_st_squeeze(a, vp_arena_strndup(a, d + s, e - s), 0);
                size_t ml = strlen(mark);
                while (ml > 0 && (mark[ml - 1] == ';' || mark[ml - 1] == '.' || mark[ml - 1] == ','))
                    mark[--ml] = 0;
                if (ml > 0)
                    rec[nrec - 1] = vp_arena_printf(a, "%s%s %s", rec[nrec - 1],
                                                    before == '.' ? "." : before == ',' ? "," : "", mark);
                continue;
            }
            if (in_rec && nrec < MAX_RECIPIENTS) {
                /* a recipient line without a bullet; it goes on the one before when that one
                 * ended with a comma or it starts in lower case ("- VPUB: CVP, các PCVP," /
                 * "phòng: KGVX, TH;"), or it is a note in brackets on a line of its own ("- Cơ quan
                 * Báo&PT, TH Thành phố;" / "(để đưa tin)"), or the one before ended inside a word
                 * in a list whose recipients end with ';' (a cell's text wrapped: "- Các hội: Hội
                 * …, Hội Làm vườn tỉnh Bình" / "Thuận, Hội Thân nhân …;") */
                unsigned char b = (unsigned char)before;
                int cut = semi && (b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9'));
                semi |= d[e - 1] == ';';
                char *line = vp_st_squeeze(a, vp_arena_strndup(a, d + s, e - s), 0);
                size_t l = strlen(line);
                while (l > 0 && (line[l - 1] == ';' || line[l - 1] == '.' || line[l - 1] == ','))
                    line[--l] = 0;
                int32_t cp0 = -1;
                vp_utf8_decode(line, l, &cp0);
                if (nrec > 0 && (before == ',' || cut || cp0 == '(' || (cp0 >= 0 && utf8proc_category(cp0) == UTF8PROC_CATEGORY_LL))) {
                    /* the comma the line before ended with, which its recipient's text leaves out
                     * ("- VPUB: …, TNMT," / "NC, HC-QT;") */
                    size_t rl = strlen(rec[nrec - 1]);
                    int comma = before == ',' && rl && rec[nrec - 1][rl - 1] != ',';
                    rec[nrec - 1] = vp_arena_printf(a, "%s%s %s", rec[nrec - 1], comma ? "," : "", line);
                } else if (l > 0)
                    rec[nrec++] = line;
                continue;
            }
            if (mid && after_sig) { /* the text goes on: the closing block has ended */
                end = i;
                break;
            }
        }
    }
    if (second && !position2 && !name2 && sigauth2) /* no second signer after all: the lines of
                                                    * one block out of order ("TL. CHỦ TỊCH" /
                                                    * "PHÓ CHÁNH VĂN PHÒNG" / "KT. CHÁNH VĂN PHÒNG") */
        sigauth = sigauth ? vp_arena_printf(a, "%s %s", sigauth, sigauth2) : sigauth2;
    if (sigauth && !position && vp_st_match_str(c, c->header, "field", "sigauth-acting", sigauth, strlen(sigauth))) {
        /* "Q. GIÁM ĐỐC" alone over the name: the acting head signs in that office, no one's behalf */
        position = sigauth;
        sigauth = NULL;
    }
    m->sig_authority = sigauth;
    m->sig_position = position;
    m->sig_name = name;
    if (second && (position2 || name2)) {
        m->cosig_authority = sigauth2;
        m->cosig_position = position2;
        m->cosig_name = name2;
    }
    m->recipients = rec;
    m->nrecipients = nrec;
    recipient_notes(c, m);
    return end;
}

static size_t line_before(const vp_st_ctx *c, size_t i, size_t from);

#define LIST_LINE_MAX 160 /* bytes at most of a line of recipients read without "Nơi nhận" */

/* The first line of a list of recipients whose "Nơi nhận:" was lost, right before the signature
 * line `sig` (the fields of a scanned page joined): the list ends with the issuer's own copy
 * ("- Lưu: VT, KTTH.", header rules field=recipient-kind kind=archive) just before `sig`, and runs
 * back over short lines that are bulleted or end as a list's lines do (";", ":", ","), not over
 * the title before it.  `sig` when there is no such list. */
static size_t unlabelled_recipients(vp_st_ctx *c, size_t from, size_t sig)
{
    const char *d = c->t->data;
    size_t k = line_before(c, sig, from);
    if (k == (size_t)-1 || c->L[k].e - c->L[k].s > LIST_LINE_MAX)
        return sig;
    size_t ts = c->L[k].s, te = c->L[k].e, gs, ge;
    if (match_field(c, c->header, "recipient", ts, te) && vp_match_group(c->m, "text", &gs, &ge)) {
        te = ts + ge;
        ts += gs;
    }
    const vp_rule *rk = vp_st_match_str(c, c->header, "field", "recipient-kind", d + ts, te - ts);
    const char *kind = rk ? vp_rule_attr(rk, "kind") : NULL;
    if (!kind || strcmp(kind, "archive") != 0)
        return sig;
    size_t first = k;
    for (size_t j = line_before(c, k, from); j != (size_t)-1; j = line_before(c, j, from)) {
        size_t s = c->L[j].s, e = c->L[j].e;
        if (e - s > LIST_LINE_MAX)
            break;
        if (!match_field(c, c->header, "recipient", s, e) && d[e - 1] != ';' && d[e - 1] != ':' && d[e - 1] != ',')
            break;
        first = j;
    }
    return first;
}

/* Finds the closing block: among the last MAX_TAIL_LINES non-blank lines, else inside the
 * text.  Returns its first line (c->n: none) and in *resume the line where the text goes on
 * after it (c->n when it ends the document). */
static size_t parse_closing(vp_st_ctx *c, size_t from, size_t *resume)
{
    *resume = c->n;
    size_t start = c->n, cnt = 0;
    while (start > from && cnt < MAX_TAIL_LINES) {
        start--;
        if (!vp_st_blank(c, start))
            cnt++;
    }
    size_t closing = c->n;
    for (size_t i = start; i < c->n; i++) {
        if (vp_st_blank(c, i))
            continue;
        if (vp_st_match_line(c, c->header, "recipients", i) || vp_st_match_line(c, c->header, "sigauth", i) ||
            (vp_st_match_line(c, c->header, "position", i) && i + 1 < c->n)) {
            closing = i;
            break;
        }
    }
    if (closing < c->n) {
        /* a document attached after the block, short enough for the block to be among the
         * last lines (a decision and the brief plan it issues): a line of its type ("KẾ
         * HOẠCH") after a signature line of the block; or an annex ("PHỤ LỤC") */
        int sig = 0, listed = 0;
        if (!vp_st_match_line(c, c->header, "recipients", closing)) {
            size_t first = unlabelled_recipients(c, from, closing);
            listed = first < closing;
            closing = first;
        }
        for (size_t k = closing; k < c->n; k++) {
            if (vp_st_blank(c, k))
                continue;
            if (sig && (vp_st_match_line(c, c->header, "doctype", k) || vp_st_match_line(c, c->header, "annex", k))) {
                size_t end = read_closing(c, closing, 1, listed);
                if (end <= k)
                    *resume = end;
                return closing;
            }
            if (vp_st_match_line(c, c->header, "sigauth", k) || vp_st_match_line(c, c->header, "position", k))
                sig = 1;
        }
        read_closing(c, closing, 0, listed);
        return closing;
    }
    closing = mid_closing(c, from);
    if (closing < c->n)
        *resume = read_closing(c, closing, 1, 0);
    return closing;
}

/* ---- body ---- */

/* Does the paragraph s[0..n) end the list of bulleted item `it`: the item is one sentence
 * ("- Tổ chức tập huấn cho cán bộ xã."), with nothing under it yet, and the paragraph opens a
 * sentence with a capital, not a label of the item ("Thời gian: Quý II/2025")? */
static int ends_bullet_list(const vp_node *it, const char *s, size_t n)
{
    if (!it || it->type != VP_NODE_ITEM || !it->marker || it->first || !it->text)
        return 0;
    size_t tl = strlen(it->text);
    while (tl > 0 && it->text[tl - 1] == ' ')
        tl--;
    if (tl == 0 || it->text[tl - 1] != '.')
        return 0;
    size_t k = 0;
    while (k < n && s[k] == ' ')
        k++;
    if (k >= n)
        return 0;
    int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + k, (utf8proc_ssize_t)(n - k), &cp);
    if (len <= 0 || utf8proc_category(cp) != UTF8PROC_CATEGORY_LU)
        return 0;
    size_t lab = n - k < 48 ? n - k : 48; /* a label's colon near the start */
    return memchr(s + k, ':', lab) == NULL;
}

#define QUOTE_MAX 40 /* lines at most a quotation spans */

/* The opening quotation marks of line i less its closing ones ("“" and "”"). */
static int quote_balance(const vp_st_ctx *c, size_t i)
{
    const char *s = c->t->data + c->L[i].s, *e = c->t->data + c->L[i].e;
    int b = 0;
    for (; s + 2 < e; s++)
        if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
            ((unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x9D)) {
            b += (unsigned char)s[2] == 0x9C ? 1 : -1;
            s += 2;
        }
    return b;
}

/* Text quoted from another document that line i opens and a later line closes ("… quy định:" /
 * "“2. Sau khi có kết luận …:" / "a) …;" / "b) …”."): the line after the one that closes it, when
 * that is within QUOTE_MAX lines, else i + 1.  The lines after i are the quotation's, not
 * headings nor items of the plan. */
static size_t quote_end(const vp_st_ctx *c, size_t i, size_t to)
{
    int b = quote_balance(c, i);
    if (b <= 0)
        return i + 1;
    for (size_t j = i + 1; j < to && j <= i + QUOTE_MAX; j++) {
        b += quote_balance(c, j);
        if (b <= 0)
            return j + 1;
    }
    return i + 1;
}

/* Drops the bold marks ("**") inside a section's heading ("KINH PHÍ:** Kinh phí thực hiện …" ->
 * "KINH PHÍ: Kinh phí thực hiện …"), in place, and the spaces they leave at its end. */
static void drop_bold(char *s)
{
    if (!s || !strstr(s, "**"))
        return;
    char *w = s;
    for (const char *r = s; *r;) {
        if (r[0] == '*' && r[1] == '*') {
            while (r[0] == '*')
                r++;
            continue;
        }
        *w++ = *r++;
    }
    while (w > s && w[-1] == ' ')
        w--;
    *w = '\0';
}

/* The line before line i that is not blank, or (size_t)-1 when none from `from` on. */
static size_t line_before(const vp_st_ctx *c, size_t i, size_t from)
{
    while (i > from) {
        i--;
        if (!vp_st_blank(c, i))
            return i;
    }
    return (size_t)-1;
}

/* The last byte of line i before its trailing spaces; 0 for a line of spaces. */
static char line_last(const vp_st_ctx *c, size_t i)
{
    size_t s = c->L[i].s, e = c->L[i].e;
    while (e > s && c->t->data[e - 1] == ' ')
        e--;
    return e > s ? c->t->data[e - 1] : 0;
}

/* Does the open item `it` head a list numbered from its start again that opens at line i
 * (rules/sections.rules field=nest, on the line before it: the item's own line, or its last
 * paragraph, a sentence leading into the list "… thực hiện các nhiệm vụ sau:"; a rule with
 * when=childless only on the item's own line with nothing under it, "2. **Công tác kiểm dịch**")? */
static int heads_list(vp_st_ctx *c, const vp_node *it, size_t i, size_t from)
{
    size_t pl = line_before(c, i, from);
    if (!it || pl == (size_t)-1)
        return 0;
    int own = it->line == pl + 1;
    if (!own && !(it->last && it->last->type == VP_NODE_PARA && it->last->line == pl + 1))
        return 0;
    const vp_rule *r = vp_st_match_line(c, c->sections, "nest", pl);
    if (!r)
        return 0;
    const char *when = vp_rule_attr(r, "when");
    return !(when && strcmp(when, "childless") == 0) || (own && !it->first);
}

/* Is the number a the one before b in a list ("2" before "3", "b" before "c", "d" before "đ")? */
static int num_before(const char *a, const char *b)
{
    if (!a || !b || !*a || !*b)
        return 0;
    if (strspn(a, "0123456789") == strlen(a) && strspn(b, "0123456789") == strlen(b))
        return strlen(a) < 4 && strlen(b) < 4 && atoi(a) + 1 == atoi(b);
    if (strcmp(a, "d") == 0)
        return strcmp(b, "đ") == 0;
    if (strcmp(a, "đ") == 0)
        return strcmp(b, "e") == 0;
    return !a[1] && !b[1] && a[0] >= 'a' && a[0] < 'z' && b[0] == a[0] + 1;
}

/* Does the text end a sentence or a clause ("." ";" "!" "?")? */
static int sentence_end(const char *t)
{
    if (!t)
        return 0;
    size_t n = strlen(t);
    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '*'))
        n--;
    return n > 0 && memchr(".;!?", t[n - 1], 4) != NULL;
}

/* Is the number the start of its list ("1", "a")? */
static int num_first(const char *n)
{
    return n && (strcmp(n, "1") == 0 || strcmp(n, "a") == 0);
}

/* Do the texts a and b open alike: with the same first word ("Sở Tài chính …" and "Sở Y tế …"), or
 * with words the same rule of rules/sections.rules field=opening reads (an agency named first:
 * "UBND các huyện …" and "Sở Y tế …")? */
static int open_alike(vp_st_ctx *c, const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    size_t na = strcspn(a, " "), nb = strcspn(b, " ");
    if (na && na == nb && memcmp(a, b, na) == 0)
        return 1;
    const vp_rule *ra = vp_st_match_str(c, c->sections, "field", "opening", a, strlen(a));
    return ra && ra == vp_st_match_str(c, c->sections, "field", "opening", b, strlen(b));
}

/* The mark written after the number of the item on line li (0-based): "." of "3.", ")" of "3)",
 * "-" of "3 -", "/" of "3/"; 0 when there is none. */
static char num_mark(const vp_st_ctx *c, size_t li)
{
    const char *s = c->t->data + c->L[li].s, *e = c->t->data + c->L[li].e;
    while (s < e && (*s == ' ' || *s == '*'))
        s++;
    const char *d = s;
    while (s < e && ((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') || (unsigned char)*s == 0xC4 ||
                     (unsigned char)*s == 0x91))
        s++;
    while (s < e && *s == ' ')
        s++;
    return s > d && s < e && strchr(".)-/", *s) ? *s : 0;
}

/* Is the item `it` the last of a run numbered from the start under its parent, each number after
 * the one before and written with the mark mk ("1)", "2)" under "2. … gồm các nội dung sau:")? */
static int marked_run(const vp_st_ctx *c, const vp_node *it, char mk)
{
    const vp_node *prev = NULL;
    for (const vp_node *n = it && it->parent ? it->parent->first : NULL; n; n = n->next) {
        if (n->type != VP_NODE_ITEM || !n->num)
            continue;
        if (prev ? !num_before(prev->num, n->num) : !num_first(n->num))
            return 0;
        if (num_mark(c, n->line - 1) != mk)
            return 0;
        if (n == it)
            return 1;
        prev = n;
    }
    return 0;
}

/* Is the number n written with digits ("3", not "b")? */
static int num_digits(const char *n)
{
    return n && *n && strspn(n, "0123456789") == strlen(n);
}

/* Is there, under the item `top` (not itself), an item numbered just before num, of its kind
 * (digits or a letter) and written with the mark mk, the last item of that kind and mark under
 * `top` ("2)" under "a)" under "1.", for "3)" once "b)" is open)? */
static int nested_before(const vp_st_ctx *c, const vp_node *top, const char *num, char mk)
{
    const vp_node *last = NULL;
    const vp_node *n = top ? top->first : NULL;
    while (n) {
        if (n->type == VP_NODE_ITEM && n->num && num_digits(n->num) == num_digits(num) && num_mark(c, n->line - 1) == mk)
            last = n;
        if (n->first)
            n = n->first;
        else {
            while (n && n != top && !n->next)
                n = n->parent;
            n = n && n != top ? n->next : NULL;
        }
    }
    return last && num_before(last->num, num);
}

/* Does the text open as a numbered item under `parent` does (open_alike)? */
static int opens_as_items_of(vp_st_ctx *c, const char *text, const vp_node *parent)
{
    for (const vp_node *n = parent ? parent->first : NULL; n; n = n->next)
        if (n->type == VP_NODE_ITEM && n->num && open_alike(c, text, n->text ? n->text : n->heading))
            return 1;
    return 0;
}

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

/* Puts item it under the item open on top of the stack (none: under sec, else pre) and opens it
 * with style: the items of its list go under it (at most 32 open). */
static void open_under(open_item *stack, int *sp, vp_node *sec, vp_node *pre, const vp_node **itemed, vp_node *it,
                       const char *style)
{
    vp_node *parent = *sp > 0 ? stack[*sp - 1].node : (sec ? sec : pre);
    node_append(parent, it);
    if (parent == sec)
        *itemed = sec;
    if (*sp < 32) {
        stack[*sp].node = it;
        stack[*sp].style = style;
        (*sp)++;
    }
}

/* Appends the section s to the body (root), numbered after the nsec before it; returns s. */
static vp_node *section_add(vp_arena *a, vp_node *root, vp_node *s, int *nsec)
{
    s->id = vp_arena_printf(a, "s%d", ++*nsec);
    node_append(root, s);
    s->depth = 0;
    return s;
}

/* The heading of a document attached after a closing block, from its first line `at`: its
 * type's line ("KẾ HOẠCH") within the first lines (its issuer and the national name may come
 * first) and the title lines under it, up to a blank line.  Sets *last to the heading's last
 * line; NULL when no type's line opens it. */
static char *attached_heading(vp_st_ctx *c, size_t at, size_t to, size_t *last, const char **kind)
{
    size_t k = at, seen = 0;
    int found = 0;
    for (; k < to && seen < 8 && !found; k++) {
        if (vp_st_blank(c, k))
            continue;
        seen++;
        if (vp_st_match_line(c, c->sections, "heading", k) ||
            vp_family_first(c->items, c->m, c->t->data + c->L[k].s, c->L[k].e - c->L[k].s, 0))
            return NULL; /* the body goes on: no title of its own */
        size_t ds, de;
        if (vp_st_match_line(c, c->header, "annex", k)) {
            found = 2; /* "PHỤ LỤC": its title under it says what it holds */
        } else if (vp_st_match_line(c, c->header, "doctype", k) && vp_match_group(c->m, "doctype", &ds, &de)) {
            const char *l = c->t->data + c->L[k].s;
            size_t n = c->L[k].e - c->L[k].s;
            while (de < n && (l[de] == ' ' || l[de] == ':'))
                de++;
            if (de == n) /* the type alone on its line ("KẾ HOẠCH", not "QUY ĐỊNH CHUNG") */
                found = 1;
        }
    }
    if (!found)
        return NULL;
    k--; /* the type's line */
    vp_buf b = {0};
    vp_buf_add(&b, c->t->data + c->L[k].s, c->L[k].e - c->L[k].s);
    *last = k;
    *kind = NULL;
    for (size_t j = k + 1, n = 0; j < to && n < 5 && !vp_st_blank(c, j); j++, n++) {
        if (vp_st_match_line(c, c->sections, "heading", j) ||
            vp_family_first(c->items, c->m, c->t->data + c->L[j].s, c->L[j].e - c->L[j].s, 0) ||
            memchr(c->t->data + c->L[j].s, '|', c->L[j].e - c->L[j].s))
            break; /* the body, or the head row of the annex's table ("TT | Nhiệm vụ | …") */
        if (found == 2 && n == 0) { /* an annex's title: "DANH MỤC NHIỆM VỤ …" holds tasks */
            char *tl = vp_arena_strndup(c->doc->arena, c->t->data + c->L[j].s, c->L[j].e - c->L[j].s);
            *kind = section_kind(c, tl);
        }
        vp_buf_addc(&b, ' ');
        vp_buf_add(&b, c->t->data + c->L[j].s, c->L[j].e - c->L[j].s);
        *last = j;
    }
    char *h = vp_arena_strndup(c->doc->arena, b.data, b.len);
    vp_buf_free(&b);
    return h;
}

/* The kind of a part of a plan an item's text names as a heading ("Mục tiêu", "Kinh phí thực
 * hiện"): short, no sentence; "other" for a heading of no kind; NULL for no heading. */
static const char *part_kind(vp_st_ctx *c, const char *text)
{
    if (!text || strlen(text) > 80 || strchr(text, '.') || strchr(text, ';'))
        return NULL;
    const char *k = section_kind(c, text);
    return k ? k : "other";
}

/* The kind a short label opening an item's text names, its text after a colon on the same line
 * ("1. Mục tiêu: Đến năm 2027, 95% thôn …", "2. Nhiệm vụ: Tổ chức …"): the heading rules read on the
 * whole text, so that a request is none ("Yêu cầu: Hội … tổ chức …"); NULL when no such label opens
 * it or it names no kind. */
static const char *label_kind(vp_st_ctx *c, const char *text)
{
    const char *colon = text ? strchr(text, ':') : NULL;
    if (!colon || colon == text || colon - text > 80)
        return NULL;
    for (const char *p = text; p < colon; p++)
        if (*p == '.' || *p == ';')
            return NULL;
    const char *k = section_kind(c, text);
    return k && strcmp(k, "other") != 0 ? k : NULL;
}

/* Are the numbered items of style `style` from line i on, up to the next section heading,
 * the parts of a plan (a decision's "Điều 1 … với các nội dung sau: 1. Mục tiêu … 2. Kinh phí
 * … 3. Tổ chức thực hiện")?  Each of them a short heading, two of them of a section's kind. */
static int parts_ahead(vp_st_ctx *c, size_t i, size_t to, const char *style)
{
    int kinds = 0;
    for (size_t j = i; j < to; j++) {
        if (vp_st_blank(c, j))
            continue;
        if (vp_st_match_line(c, c->sections, "heading", j))
            break;
        const vp_rule *ir = vp_family_first(c->items, c->m, c->t->data + c->L[j].s, c->L[j].e - c->L[j].s, 0);
        size_t s, e;
        if (!ir || strcmp(item_style(ir), style) != 0 || !vp_match_group(c->m, "num", &s, &e))
            continue;
        const char *k = part_kind(c, vp_st_lgroup(c, "text", j));
        if (!k)
            return 0;
        kinds += strcmp(k, "other") != 0;
    }
    return kinds >= 2;
}

/* The list a label line opens (rules/sections.rules field=label: "Nhiệm vụ chung:" over "1. …"):
 * the style of the item numbered first ("1", "a") on the next line; NULL when line i is no label
 * or no such item follows it.  *restart_only: the label's rule says when=restart (a sentence that
 * leads into a list is a label only where the list starts from 1 again). */
static const char *label_opens(vp_st_ctx *c, size_t i, size_t to, int *restart_only, int *kinded)
{
    const vp_rule *lr = vp_st_match_line(c, c->sections, "label", i);
    int want_kind = kinded && *kinded;
    if (kinded)
        *kinded = 0;
    if (!lr)
        return NULL;
    const char *when = vp_rule_attr(lr, "when");
    *restart_only = when && strcmp(when, "restart") == 0;
    size_t j = vp_st_next_nonblank(c, i + 1);
    if (j >= to)
        return NULL;
    const vp_rule *ir = vp_family_first(c->items, c->m, c->t->data + c->L[j].s, c->L[j].e - c->L[j].s, 0);
    size_t s, e;
    if (ir && want_kind && !*restart_only && !vp_match_group(c->m, "num", &s, &e)) {
        /* in a section of no kind (a decision's "Điều 1. Phê duyệt Đề án … với các nội dung
         * sau:"), a label naming a part of a plan over a list of marks ("Mục tiêu cụ thể:" /
         * "- Duy trì 12/12 xã …" / "Nhiệm vụ:" / "- …"): the marks are its items, read in the
         * kind it names */
        const char *style = item_style(ir);
        char lt[96];
        size_t n = c->L[i].e - c->L[i].s;
        if (n >= sizeof lt)
            return NULL;
        memcpy(lt, c->t->data + c->L[i].s, n);
        lt[n] = '\0';
        drop_bold(lt);
        const char *k = part_kind(c, lt);
        if (!k || strcmp(k, "other") == 0)
            return NULL;
        *kinded = 1;
        return style;
    }
    if (!ir || !vp_match_group(c->m, "num", &s, &e) || e - s != 1)
        return NULL;
    const char *l = c->t->data + c->L[j].s;
    return l[s] == '1' || l[s] == 'a' ? item_style(ir) : NULL;
}

/* Is there, after line i and before the next section heading, another label opening a list of
 * the style `style` numbered from its start again (the second of "Nhiệm vụ chung:" / "1. …" /
 * "Nhiệm vụ cụ thể:" / "1. …")? */
static int label_ahead(vp_st_ctx *c, size_t i, size_t to, const char *style)
{
    for (size_t j = i + 1; j < to && j < i + 400; j++) {
        if (vp_st_blank(c, j))
            continue;
        int ro = 0;
        const char *st = label_opens(c, j, to, &ro, NULL);
        if (st && !ro && strcmp(st, style) == 0)
            return 1;
        if (vp_st_match_line(c, c->sections, "heading", j))
            break;
    }
    return 0;
}

/* The next line after i that is not blank, when it is before `to` and marked "-" or "+" (an item
 * with a marker and no number); else `to`. */
static size_t marked_next(vp_st_ctx *c, size_t i, size_t to)
{
    size_t j = vp_st_next_nonblank(c, i + 1), s, e;
    if (j >= to)
        return to;
    const vp_rule *ir = vp_family_first(c->items, c->m, c->t->data + c->L[j].s, c->L[j].e - c->L[j].s, 0);
    return ir && !vp_match_group(c->m, "num", &s, &e) && vp_match_group(c->m, "marker", &s, &e) ? j : to;
}

/* Is line i a group's heading with no letter or number (rules/sections.rules field=group: "Nhóm
 * giải pháp về tuyên truyền") over lines marked "-" or "+" (the next line), with another such line
 * at the same place: one still open (open: the caller's stack holds one), or one ahead before the
 * next numbered item or section heading? */
static int group_opens(vp_st_ctx *c, size_t i, size_t to, int open)
{
    if (!vp_st_match_line(c, c->sections, "group", i))
        return 0;
    size_t j = marked_next(c, i, to), s, e;
    if (j >= to)
        return 0;
    if (open)
        return 1;
    const vp_rule *ir;
    for (size_t k = j + 1; k < to && k < i + 400; k++) {
        if (vp_st_blank(c, k))
            continue;
        if (vp_st_match_line(c, c->sections, "heading", k))
            break;
        ir = vp_family_first(c->items, c->m, c->t->data + c->L[k].s, c->L[k].e - c->L[k].s, 0);
        if (ir && vp_match_group(c->m, "num", &s, &e))
            break;
        if (!ir && vp_st_match_line(c, c->sections, "group", k))
            return 1;
    }
    return 0;
}

/* Is line i a label ending in a colon (rules/sections.rules field=marks-label: "Chỉ tiêu cụ thể:")
 * over lines marked "-" or "+" (the next line)? */
static int marks_label(vp_st_ctx *c, size_t i, size_t to)
{
    return vp_st_match_line(c, c->sections, "marks-label", i) && marked_next(c, i, to) < to;
}

/* A part's title on the line after its number ("Phần thứ ba" / "Tổ chức thực hiện"): short, no
 * sentence, no item nor table row, no heading of its own. */
static int title_line(vp_st_ctx *c, size_t j)
{
    const char *l = c->t->data + c->L[j].s;
    size_t n = c->L[j].e - c->L[j].s;
    while (n > 0 && l[n - 1] == ' ')
        n--;
    if (n == 0 || n > 120 || memchr(l, '|', n) || memchr(".;:,", l[n - 1], 4))
        return 0;
    int32_t cp;
    if (vp_utf8_decode(l, n, &cp) <= 0 || utf8proc_category(cp) != UTF8PROC_CATEGORY_LU)
        return 0;
    return !vp_family_first(c->items, c->m, l, n, 0) && !vp_st_match_line(c, c->sections, "heading", j);
}

/* Does a part heading of rule r (over=NAME: "B. Kế hoạch năm 2025", not in capitals) stand over
 * the sections after it: the next heading of rule NAME after line i is numbered I (the Roman
 * sections start again under it), only other parts between? */
static int part_over(vp_st_ctx *c, const vp_rule *r, size_t i, size_t to)
{
    const char *over = vp_rule_attr(r, "over");
    if (!over)
        return 1;
    for (size_t j = i + 1; j < to && j < i + 2000; j++) {
        if (vp_st_blank(c, j))
            continue;
        const vp_rule *h = vp_st_match_line(c, c->sections, "heading", j);
        if (!h)
            continue;
        if (strcmp(vp_rule_name(h), over) == 0) {
            char *num = vp_st_lgroup(c, "num", j);
            return num && strcmp(num, "I") == 0;
        }
        const char *sc = vp_rule_attr(h, "scope");
        if (!sc || strcmp(sc, "part") != 0)
            return 0;
    }
    return 0;
}

/* A heading with no number (a plan whose parts are headed "MỤC ĐÍCH, YÊU CẦU" / "KINH PHÍ" /
 * "TỔ CHỨC THỰC HIỆN" alone on their lines): a short line in capitals that names a part of a
 * plan, not an item nor a table's row.  Its kind, its text in *heading; NULL when it is none. */
static const char *bare_heading(vp_st_ctx *c, size_t i, char **heading)
{
    const char *l = c->t->data + c->L[i].s;
    size_t n = c->L[i].e - c->L[i].s;
    if (n > 120 || !caps_line(c, i) || memchr(l, '|', n) || vp_family_first(c->items, c->m, l, n, 0))
        return NULL;
    while (n > 0 && (l[n - 1] == ':' || l[n - 1] == ' ' || l[n - 1] == '*'))
        n--;
    while (n > 0 && (*l == ' ' || *l == '*'))
        l++, n--;
    char *h = vp_arena_strndup(c->doc->arena, l, n);
    const char *k = section_kind(c, h);
    if (k && heading)
        *heading = h;
    return k;
}

/* Does the body [from,to) head its parts with bare headings: none numbered, two or more bare? */
static int bare_body(vp_st_ctx *c, size_t from, size_t to)
{
    int nbare = 0;
    for (size_t i = from; i < to; i++) {
        if (vp_st_blank(c, i))
            continue;
        if (vp_st_match_line(c, c->sections, "heading", i))
            return 0;
        nbare += bare_heading(c, i, NULL) != NULL;
    }
    return nbare >= 2;
}

static void build_body(vp_st_ctx *c, size_t from, size_t to, const char *promote, char pmark, int bare, int news,
                       size_t attach)
{
    vp_doc *doc = c->doc;
    vp_arena *a = doc->arena;
    vp_node pre = {0}, root = {0};
    pre.depth = root.depth = -1;
    vp_node *sec = NULL;
    open_item stack[32];
    int sp = 0;
    int nsec = 0;
    const char *parts = NULL; /* the style of the items made sections in a section of no kind */
    const char *outer = NULL; /* the kind of the part ("Phần thứ hai", "B.") over the sections */
    vp_node *part = NULL;     /* that part's section */
    int annexes = 0; /* an attachment was read: annexes after it open sections */
    const vp_node *itemed = NULL; /* the last section an item was put in directly */
    size_t quoted = from;         /* lines before it are inside a quotation (quote_end) */
    if (news && from > 0) {
        /* an excerpt whose lead states the purpose ("Nhằm cụ thể hóa …", genre rules
         * field=lead-section): a list right after it is that section's, not its tasks */
        size_t k = from, j = from;
        while (k > 0 && vp_st_blank(c, k - 1))
            k--;
        while (j < to && vp_st_blank(c, j))
            j++;
        const vp_rule *lr = k > 0 && j < to ? vp_st_match_line(c, c->genre, "lead-section", k - 1) : NULL;
        if (lr && vp_family_first(c->items, c->m, c->t->data + c->L[j].s, c->L[j].e - c->L[j].s, 0)) {
            vp_node *s = node_new(c, VP_NODE_SECTION, j);
            s->kind = vp_rule_attr(lr, "kind");
            sec = section_add(a, &root, s, &nsec);
        }
    }
    for (size_t i = from; i < to; i++) {
        if (vp_st_blank(c, i))
            continue;
        const char *subj = c->t->data + c->L[i].s;
        if (i < quoted && (sec || sp > 0)) {
            /* a line of quoted text: a paragraph of the item that quotes it */
            vp_node *q = node_new(c, VP_NODE_PARA, i);
            q->text = vp_arena_strndup(a, subj, c->L[i].e - c->L[i].s);
            node_append(sp > 0 ? stack[sp - 1].node : sec, q);
            continue;
        }
        if (i >= quoted)
            quoted = quote_end(c, i, to);
        const vp_rule *r;
        size_t hl;
        char *ah;
        const char *ak;
        /* after an attachment, each annex opens a section too ("PHỤ LỤC I", "PHỤ LỤC II") */
        int annex = annexes && vp_st_match_line(c, c->header, "annex", i);
        if ((i >= attach || annex) && (ah = attached_heading(c, i, to, &hl, &ak))) {
            annexes = 1;
            /* the attached document opens a section of its own, headed by its type and title */
            attach = to;
            vp_node *s = node_new(c, VP_NODE_SECTION, i);
            s->heading = ah;
            /* a whole document: no one kind ("KẾ HOẠCH Thực hiện …" is no schedule); an annex
             * the kind its title names */
            s->kind = ak ? ak : "other";
            s->own.end = s->span.end = c->L[hl].e;
            sec = section_add(a, &root, s, &nsec);
            parts = outer = NULL;
            part = NULL;
            sp = 0;
            i = hl;
            continue;
        }
        if (i >= attach)
            attach = to;
        r = promote ? NULL : vp_st_match_line(c, c->sections, "heading", i);
        if (r && vp_rule_attr(r, "over")) {
            /* "A. Nhiệm vụ chung" inside a section no part is over, or a part over no Roman
             * sections numbered from I: no heading */
            if ((sec && !part) || !part_over(c, r, i, to))
                r = NULL;
            else
                r = vp_st_match_line(c, c->sections, "heading", i); /* its groups again */
        }
        if (r) {
            vp_node *s = node_new(c, VP_NODE_SECTION, i);
            s->num = vp_st_lgroup(c, "num", i);
            char *hd = vp_st_lgroup(c, "heading", i);
            drop_bold(hd);
            s->heading = hd;
            if (!s->heading || !*s->heading) {
                /* "Chương I" / "QUY ĐỊNH CHUNG": the title on the next line, in capitals */
                size_t j = vp_st_next_nonblank(c, i + 1);
                if (j < to && (caps_line(c, j) || title_line(c, j)) && !vp_st_match_line(c, c->sections, "heading", j)) {
                    s->heading = vp_arena_strndup(a, c->t->data + c->L[j].s, c->L[j].e - c->L[j].s);
                    s->own.end = s->span.end = c->L[j].e;
                    i = j;
                }
            }
            const char *k = section_kind(c, s->heading);
            s->kind = k ? k : "other";
            const char *scope = vp_rule_attr(r, "scope");
            if (scope && strcmp(scope, "part") == 0) {
                outer = s->kind;
                part = s;
            } else {
                s->part = part;
                if (!k && outer)
                    s->kind = outer; /* "I. CÔNG TÁC TUYÊN TRUYỀN" in the part of tasks */
            }
            sec = section_add(a, &root, s, &nsec);
            parts = NULL;
            sp = 0;
            continue;
        }
        const char *bk;
        char *bh = NULL;
        if (bare && (bk = bare_heading(c, i, &bh))) {
            vp_node *s = node_new(c, VP_NODE_SECTION, i);
            s->heading = bh;
            s->kind = bk;
            sec = section_add(a, &root, s, &nsec);
            parts = outer = NULL;
            part = NULL;
            sp = 0;
            continue;
        }
        {
            const vp_rule *ir = vp_family_first(c->items, c->m, subj, c->L[i].e - c->L[i].s, 0);
            if (ir) {
                const char *style = item_style(ir);
                char *num = vp_st_lgroup(c, "num", i);
                const char *marker = vp_st_lgroup(c, "marker", i);
                if (marker && !*marker)
                    marker = "*"; /* a star bullet ("* Đợt 1: …"), not the bold marks the groups are trimmed of */
                char *text = vp_st_lgroup(c, "text", i);
                drop_bold(text); /* "1. **Sở Y tế**: chủ trì …" */
                /* the items of the promoted style are sections, unless written with another mark
                 * than the first ("1)", "2)" under "2. Nhiệm vụ, giải pháp" in a plan whose parts
                 * are "1.", "2.", "3."): a list of the section's */
                char imark = pmark ? num_mark(c, i) : 0;
                if (promote && strcmp(style, promote) == 0 && !(pmark && imark && imark != pmark)) {
                    vp_node *s = node_new(c, VP_NODE_SECTION, i);
                    s->num = num;
                    s->heading = text;
                    const char *k = section_kind(c, text);
                    s->kind = k ? k : "tasks";
                    s->part = part;
                    sec = section_add(a, &root, s, &nsec);
                    parts = NULL;
                    sp = 0;
                    continue;
                }
                if (!sec && news &&
                    !(text && vp_st_match_str(c, c->header, "field", "list-basis", text, strlen(text)))) {
                    /* a list in a news item without a cue: its tasks (not a numbered list of
                     * bases, "1. Căn cứ Luật …", an excerpt's opening) */
                    vp_node *s = node_new(c, VP_NODE_SECTION, i);
                    s->kind = "tasks";
                    sec = section_add(a, &root, s, &nsec);
                    parts = NULL;
                    sp = 0;
                }
                /* in a section of no kind (a decision's "Điều 1. Phê duyệt Kế hoạch … với các
                 * nội dung sau:"), a numbered item of its own level headed as a section would be
                 * ("1. Mục tiêu", "3. Tổ chức thực hiện") is a section of that kind: the plan's
                 * parts, as in the plan itself */
                const char *ik = NULL;
                int first = sec && itemed != sec; /* the section's first item */
                if (parts && num && strcmp(parts, style) == 0)
                    ik = part_kind(c, text);
                else if (!parts && num && sp == 0 && first && sec && sec->kind && strcmp(sec->kind, "other") == 0 &&
                         part_kind(c, text) && parts_ahead(c, i, to, style))
                    ik = part_kind(c, text);
                if (ik) {
                    parts = style;
                    vp_node *s = node_new(c, VP_NODE_SECTION, i);
                    s->num = num;
                    s->heading = text;
                    s->kind = ik;
                    s->part = part;
                    sec = section_add(a, &root, s, &nsec);
                    sp = 0;
                    continue;
                }
                vp_node *it = node_new(c, VP_NODE_ITEM, i);
                it->num = num;
                it->marker = num ? NULL : marker;
                it->text = text;
                /* deeper, or alone: the facts under it are read as in the kind its heading names
                 * (the XML keeps kinds on sections) */
                const char *pk = sec && sec->kind && strcmp(sec->kind, "other") == 0 ? part_kind(c, text) : NULL;
                if (!pk && sec && sec->kind && strcmp(sec->kind, "other") == 0)
                    pk = label_kind(c, text); /* "1. Mục tiêu: Đến năm 2027, …" */
                it->kind = pk && strcmp(pk, "other") != 0 ? pk : NULL;
                int found = -1;
                for (int k = sp - 1; k >= 0; k--)
                    if (strcmp(stack[k].style, style) == 0) {
                        found = k;
                        break;
                    }
                /* a table's first row under its head ("TT | Nội dung | …") numbered on from an
                 * open item of the style the rule names (continues=arabic: "14. …" then the rows
                 * "15 | …", "16 | …") is that item's sibling, not its child */
                const char *cont = found < 0 && num ? vp_rule_attr(ir, "continues") : NULL;
                if (cont) {
                    size_t pb = line_before(c, i, from);
                    if (pb == (size_t)-1 || !memchr(c->t->data + c->L[pb].s, '|', c->L[pb].e - c->L[pb].s))
                        cont = NULL;
                }
                for (int k = sp - 1; cont && k >= 0; k--)
                    if (strcmp(stack[k].style, cont) == 0) {
                        if (strspn(num, "0123456789") == strlen(num) && num_before(stack[k].node->num, num))
                            found = k;
                        break;
                    }
                /* a style open twice (a list nested under an item of its own style, below): the number
                 * goes on from the item it follows ("3." after the nested "1." to "3." goes on from the
                 * outer "2."); when it could follow either, from the one written as it is, a heading or a
                 * sentence ("3. Công tác thú y cơ sở" goes on from "2. **Công tác kiểm dịch**", not from
                 * the nested "2. Kiểm soát giết mổ …") */
                if (found >= 0 && num) {
                    int pred = num_before(stack[found].node->num, num);
                    for (int k = found - 1; k >= 0; k--)
                        if (strcmp(stack[k].style, style) == 0 && num_before(stack[k].node->num, num)) {
                            int se = sentence_end(text);
                            int so = sentence_end(stack[k].node->text) == se, sn = sentence_end(stack[found].node->text) == se;
                            /* else from the list whose items it opens as ("3. Sở Tài chính …" after "2. Sở
                             * Y tế thực hiện các nhiệm vụ sau:" / "1. Giám sát …" / "2. Bảo đảm …": a
                             * sentence as the nested items are, an agency first as the outer ones) */
                            /* or written as the items of one list are and not as the other's ("3." after
                             * "1." / "2." that lead into "1)" / "2)") */
                            char mk = num_mark(c, i), mo = num_mark(c, stack[k].node->line - 1),
                                 mn = num_mark(c, stack[found].node->line - 1);
                            /* but an item that goes on from a run numbered from the start and written as
                             * it is ("3)" after "1)", "2)" under "2. … gồm các nội dung sau:", the outer
                             * items "1.", "2.") stays in that run, whatever its sentence */
                            int run = pred && mk && mk == mn && mk != mo && marked_run(c, stack[found].node, mk);
                            if (!run && (!pred || (so && !sn) || (mk && mk == mo && mk != mn) ||
                                         (opens_as_items_of(c, text, stack[k].node->parent) &&
                                          !opens_as_items_of(c, text, stack[found].node->parent))))
                                found = k;
                            break;
                        }
                }
                /* a list of its style written with another mark than the open item it would follow: two
                 * items numbered from the start are no siblings ("1)" under "1."), its list nests under
                 * the open item; nor is an item that goes on from a run of its mark closed under that
                 * item a sibling of it ("3)" after "1)", "2)" under "a)", once "b)" is open; "2)" after "1)"
                 * under "a)", once "b)" is open, though "2" could follow the outer "1."): it goes on under
                 * the item open now */
                if (found >= 0 && num && !cont) {
                    char mk = num_mark(c, i), mf = num_mark(c, stack[found].node->line - 1);
                    if (mk && mf && mk != mf && num_first(num) && num_first(stack[found].node->num)) {
                        while (sp > found + 1 && !stack[sp - 1].node->num && stack[sp - 1].node->marker)
                            sp--; /* under the item, not a line marked "-" under it */
                        found = -1;
                    } else if (mk && mf && mk != mf && found < sp - 1 && nested_before(c, stack[found].node, num, mk))
                        found = -1;
                }
                /* a list numbered from its start again while one of its style is open: under the
                 * open item when that item leads into it ("2. … thực hiện các nhiệm vụ sau:" / "1. …";
                 * "2. **Công tác kiểm dịch**" / "1. …"); else the list's numbering starts again
                 * (items side by side), with a warning */
                if (found >= 0 && num_first(num) && !cont && !memchr(subj, '|', c->L[i].e - c->L[i].s)) {
                    if (heads_list(c, stack[sp - 1].node, i, from))
                        found = -1;
                    else if (stack[found].node->num && !num_first(stack[found].node->num)) {
                        /* right after an item's own sentence; or after a clause that ends with ";"
                         * ("3. Kiểm tra …;" / "đồng thời xử lý … ra môi trường;"), or a line of text
                         * under the item, that leads into nothing: the message names it */
                        size_t pl = line_before(c, i, from);
                        int semi = pl != (size_t)-1 && line_last(c, pl) == ';';
                        if (pl == (size_t)-1 || !sp || (stack[sp - 1].node->line == pl + 1 && !semi))
                            vp_diag_add(&c->doc->diags, "list-restart", (int)i + 1,
                                        "the list numbered to %s starts again from %s with no line heading its second run: "
                                        "read as one list",
                                        stack[found].node->num, num);
                        else
                            vp_diag_add(&c->doc->diags, "list-restart", (int)i + 1,
                                        "the list numbered to %s starts again from %s after line %zu, %s that leads into "
                                        "no list: read as one list",
                                        stack[found].node->num, num, pl + 1,
                                        semi ? "a clause ending with a semicolon" : "a line of text");
                    }
                }
                if (found >= 0)
                    sp = found;
                /* a numbered item that does not start its list ("b) Nhóm giải pháp về …") with none
                 * of its style open, right after lines marked "-" or "+": no list starting under the
                 * last of them, but the next group of the level those lines are under, which it
                 * closes (a table's row, "3 | …", aside) */
                else if (num && !num_first(num) && !memchr(subj, '|', c->L[i].e - c->L[i].s))
                    while (sp > 0 && !stack[sp - 1].node->num && stack[sp - 1].node->marker)
                        sp--;
                open_under(stack, &sp, sec, &pre, &itemed, it, style);
                continue;
            }
        }
        /* a group's heading with no letter or number ("Nhóm giải pháp về tuyên truyền" / "- …" / "- …" /
         * "Nhóm giải pháp về …" / "- …"): an item of its own at the group's level (beside an open one,
         * else closing the marked lines before it), the marked lines its items */
        if (sec) {
            int kg = -1;
            for (int k = sp - 1; k >= 0 && kg < 0; k--)
                if (strcmp(stack[k].style, "group") == 0)
                    kg = k;
            if (group_opens(c, i, to, kg >= 0)) {
                if (kg >= 0)
                    sp = kg;
                else
                    while (sp > 0 && !stack[sp - 1].node->num && stack[sp - 1].node->marker)
                        sp--;
                char *gt = vp_arena_strndup(a, subj, c->L[i].e - c->L[i].s);
                drop_bold(gt);
                vp_node *it = node_new(c, VP_NODE_ITEM, i);
                it->text = gt;
                open_under(stack, &sp, sec, &pre, &itemed, it, "group");
                continue;
            }
        }
        /* a label after lines marked "-" or "+", itself over marked lines ("- …" / "Chỉ tiêu cụ thể:" /
         * "+ …"): the marked list before it has ended; an item of its own at that list's level, the
         * lines after it its items */
        if (sec && sp > 0 && !stack[sp - 1].node->num && stack[sp - 1].node->marker && marks_label(c, i, to)) {
            while (sp > 0 && !stack[sp - 1].node->num && stack[sp - 1].node->marker)
                sp--;
            if (sp > 0 && !stack[sp - 1].node->num && strcmp(stack[sp - 1].style, "label") == 0)
                sp--; /* a label over the marked lines just closed: this one is beside it */
            char *lt = vp_arena_strndup(a, subj, c->L[i].e - c->L[i].s);
            drop_bold(lt);
            vp_node *it = node_new(c, VP_NODE_ITEM, i);
            it->text = lt;
            const char *pk = sec->kind && strcmp(sec->kind, "other") == 0 ? part_kind(c, lt) : NULL;
            it->kind = pk && strcmp(pk, "other") != 0 ? pk : NULL;
            open_under(stack, &sp, sec, &pre, &itemed, it, "label");
            continue;
        }
        /* a label over a list numbered from its start again ("Nhiệm vụ chung:" / "1. …" / "2. …" /
         * "Nhiệm vụ cụ thể:" / "1. …"): an item of its own, the list its items; when an earlier
         * label is open, or the list goes on from items numbered before it, or another such
         * label follows in the section */
        const char *lstyle;
        int ronly = 0;
        int kinded = sec && sec->kind && strcmp(sec->kind, "other") == 0;
        if (sec && (lstyle = label_opens(c, i, to, &ronly, &kinded)) != NULL) {
            int kl = -1, ks = -1;
            for (int k = sp - 1; k >= 0; k--) {
                if (kl < 0 && strcmp(stack[k].style, "label") == 0)
                    kl = k;
                if (ks < 0 && strcmp(stack[k].style, lstyle) == 0)
                    ks = k;
            }
            const char *on = ks >= 0 ? stack[ks].node->num : NULL; /* the number the list is at */
            int restart = on && strcmp(on, "1") != 0 && strcmp(on, "a") != 0;
            /* a sentence leading into the list right under an item's heading ("1. Công tác tuyên
             * truyền" / "Phòng Văn hóa … thực hiện các nội dung sau:"): the item's text, the list
             * nests under the item (heads_list) */
            if (ronly && restart && sp > 0 && !stack[sp - 1].node->first && stack[sp - 1].node->line == line_before(c, i, from) + 1 &&
                !sentence_end(stack[sp - 1].node->text) && vp_st_match_line(c, c->sections, "nest", i))
                restart = 0;
            if (kl >= 0 || restart || kinded || (!ronly && label_ahead(c, i, to, lstyle))) {
                if (kl >= 0 && (ks < 0 || kl < ks))
                    sp = kl;
                else if (ks >= 0)
                    sp = ks;
                vp_st_match_line(c, c->sections, "label", i);
                char *num = vp_st_lgroup(c, "num", i); /* "A. Nhiệm vụ chung" */
                size_t skip = 0;
                if (num) {
                    size_t gs, ge;
                    if (vp_match_group(c->m, "num", &gs, &ge))
                        skip = ge + 1; /* after its letter and the dot */
                    while (skip < c->L[i].e - c->L[i].s && (subj[skip] == ' ' || subj[skip] == '*'))
                        skip++;
                }
                char *lt = vp_arena_strndup(a, subj + skip, c->L[i].e - c->L[i].s - skip);
                drop_bold(lt);
                vp_node *it = node_new(c, VP_NODE_ITEM, i);
                it->num = num;
                it->text = lt;
                const char *pk = sec->kind && strcmp(sec->kind, "other") == 0 ? part_kind(c, lt) : NULL;
                it->kind = pk && strcmp(pk, "other") != 0 ? pk : NULL;
                open_under(stack, &sp, sec, &pre, &itemed, it, "label");
                continue;
            }
        }
        /* a paragraph; a closing one ("Trên đây là Kế hoạch …") ends the items before it; one
         * known only by its end ("…./.", rule after=sentence) when the line before ends a
         * sentence (not under a heading, "4. Sở Nông nghiệp và Phát triển nông thôn") */
        const vp_rule *cr;
        if (sec && sp > 0 && (cr = vp_st_match_line(c, c->sections, "closing", i)) != NULL) {
            size_t pb = line_before(c, i, from);
            char last = pb != (size_t)-1 ? line_last(c, pb) : 0;
            int ends = last && memchr(".;!?)", last, 5) != NULL;
            if (!vp_rule_attr(cr, "after") || ends)
                sp = 0;
        }
        if (news) {
            const vp_rule *cue = vp_st_match_line(c, c->genre, "section", i);
            if (cue) {
                const char *kind = vp_rule_attr(cue, "kind");
                if (!sec || !sec->kind || strcmp(sec->kind, kind) != 0) {
                    vp_node *s = node_new(c, VP_NODE_SECTION, i);
                    s->kind = kind;
                    sec = section_add(a, &root, s, &nsec);
                    parts = NULL;
                    sp = 0;
                }
            }
        }
        /* a sentence of its own after a bulleted item that is one whole sentence ("- Kiểm tra …."
         * then "Các đơn vị báo cáo kết quả …"): the list has ended, the paragraph is its parent's */
        while (sp > 0 && ends_bullet_list(stack[sp - 1].node, subj, c->L[i].e - c->L[i].s))
            sp--;
        char *pt = vp_arena_strndup(a, subj, c->L[i].e - c->L[i].s);
        drop_bold(pt);
        if (pt && !*pt)
            continue; /* bold marks alone on their line */
        vp_node *p = node_new(c, VP_NODE_PARA, i);
        p->text = pt;
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

/* The style of the first numbered item in [from,to) when there is no section heading, and the
 * body is not headed by headings without numbers (bare: bare_body); the mark after its number
 * ('.', ')', …; 0 when none) into *mark. */
static const char *promote_style(vp_st_ctx *c, size_t from, size_t to, int bare, char *mark)
{
    *mark = 0;
    if (bare)
        return NULL;
    for (size_t i = from; i < to; i++) {
        if (vp_st_blank(c, i))
            continue;
        if (vp_st_match_line(c, c->sections, "heading", i))
            return NULL;
    }
    for (size_t i = from; i < to; i++) {
        if (vp_st_blank(c, i))
            continue;
        const char *l = c->t->data + c->L[i].s;
        size_t n = c->L[i].e - c->L[i].s;
        if (memchr(l, '|', n))
            continue; /* a table's row is no heading */
        const vp_rule *ir = vp_family_first(c->items, c->m, l, n, 0);
        size_t s, e;
        if (ir && vp_match_group(c->m, "num", &s, &e)) {
            *mark = num_mark(c, i);
            return item_style(ir);
        }
    }
    return NULL;
}

/* ---- entry ---- */

/* A sentence before line `to` that says a body issued a numbered document ("Ngày 23/8/2017,
 * Tỉnh ủy … đã ban hành Chương trình số 27-CTr/TU …"): the lead of a page that reposts that
 * document in full below it. */
static int repost_lead(vp_st_ctx *c, size_t to)
{
    for (size_t i = 0; i < to && i < SCAN_LINES; i++) {
        if (vp_st_blank(c, i))
            continue;
        if (vp_st_match_line(c, c->genre, "number", i) && vp_st_match_line(c, c->genre, "authority", i))
            return 1;
    }
    return 0;
}

/* The opening lines of a page after its header, for a header that lost its title or type: the
 * next line from i that is not blank, among the first OPENING_LINES of them (*seen counts them)
 * and before the first heading; c->n when there is none. */
#define OPENING_LINES 12
static size_t opening_line(vp_st_ctx *c, size_t i, size_t *seen)
{
    for (; i < c->n && *seen < OPENING_LINES; i++) {
        if (vp_st_blank(c, i))
            continue;
        ++*seen;
        return vp_st_match_line(c, c->sections, "heading", i) ? c->n : i;
    }
    return c->n;
}

int vp_structure(vp_doc *doc, const vp_text *t, const vp_rules *rules, vp_matcher *m)
{
    vp_st_ctx c = {0};
    c.doc = doc;
    c.t = t;
    c.rules = rules;
    c.m = m;
    c.header = vp_rules_family(rules, "header");
    c.sections = vp_rules_family(rules, "sections");
    c.items = vp_rules_family(rules, "items");
    c.genre = vp_rules_family(rules, "genre");
    c.n = t->nlines;
    c.L = vp_xmalloc(sizeof(vp_st_line) * (c.n ? c.n : 1));
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
    if (!news && !h.has_number && !h.has_motto && !h.nauth && h.doctype_line &&
        repost_lead(&c, h.doctype_line - 1)) {
        news = 1;
        vp_diag_add(&doc->diags, "genre-repost", (int)h.doctype_line,
                    "a sentence before the document that starts here reports it issued: the page is news about it, reposting it in full");
    }
    doc->genre = news ? "news" : "official";
    if (!news && !meta->title && h.has_number) {
        /* a header whose title line was lost (a legal database's copy): the sentence that
         * issues the document names it ("Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện …
         * (gọi tắt là …), gồm các nội dung …": header rules field=issue-title) */
        size_t seen = 0;
        for (size_t i = opening_line(&c, h.end, &seen); i < c.n && !meta->title; i = opening_line(&c, i + 1, &seen))
            vp_st_issue_title(&c, i, "the header has no title; it is what the sentence issuing the document names");
    }

    if (!news && !meta->doctype && !meta->number_text && !h.has_number && !h.has_doctype) {
        /* an official page whose header lost its number and type: the type of the document its
         * opening sentence issues ("UBND xã Cẩm Quan ban hành kế hoạch tổ chức … như sau:") */
        size_t seen = 0;
        for (size_t i = opening_line(&c, h.end, &seen); i < c.n && !meta->doctype; i = opening_line(&c, i + 1, &seen)) {
            char *dt = vp_st_issued_doctype(&c, i);
            if (dt) {
                vp_st_set_doctype(&c, dt);
                vp_diag_add(&doc->diags, "doctype-from-text", (int)i + 1,
                            "the header has no number nor type; its type (%s) is what its opening sentence issues",
                            meta->doctype);
                if (!meta->title)
                    vp_st_issue_title(&c, i, "the header has no title; it is what the sentence issuing the document names");
            }
        }
    }

    size_t resume = c.n; /* where the text goes on after a closing block inside it */
    size_t closing = news ? c.n : parse_closing(&c, h.end, &resume);
    if (closing < h.end)
        closing = c.n;
    for (size_t i = 0; !news && !meta->sig_name && i < h.end; i++)
        if (vp_st_match_line(&c, c.header, "signer-db", i)) {
            /* no signature block names the signer: a legal database's field does ("Người ký: …") */
            meta->sig_name = vp_st_lgroup(&c, "name", i);
            break;
        }
    size_t body_from = h.end, headline = c.n;
    if (news) {
        body_from = 0;
        /* the body starts after the headline */
        headline = vp_st_parse_news(&c, closing);
        if (headline < c.n)
            body_from = headline + 1;
    }
    /* a document attached after a closing block inside the text (the plan a decision
     * issues) is read as body too; the block's own lines are left out of it, blanked while
     * the body is built */
    int attached = resume < c.n && closing < resume;
    size_t body_to = attached ? c.n : closing, *hidden = NULL;
    if (news) /* a page's list of other articles ("Tin liên quan") ends its text */
        for (size_t i = body_from; i < body_to; i++)
            if (!vp_st_blank(&c, i) && vp_st_match_line(&c, c.genre, "page-tail", i)) {
                body_to = i;
                break;
            }
    if (attached) {
        vp_diag_add(&doc->diags, "closing-inside", (int)closing + 1,
                    "the recipients and signature end the document at line %zu; the text from line %zu on, "
                    "attached to it, is read as its body too",
                    closing + 1, resume + 1);
        hidden = vp_arena_alloc(doc->arena, sizeof *hidden * (resume - closing));
        for (size_t i = closing; i < resume; i++) {
            hidden[i - closing] = c.L[i].e;
            c.L[i].e = c.L[i].s;
        }
    }
    int bare = bare_body(&c, body_from, body_to);
    char pmark;
    const char *promote = promote_style(&c, body_from, body_to, bare, &pmark);
    build_body(&c, body_from, body_to, promote, pmark, bare, news, attached ? resume : c.n);
    for (size_t i = closing; attached && i < resume; i++)
        c.L[i].e = hidden[i - closing];
    doc->body_start = body_from < c.n ? c.L[body_from].s : t->len;
    if (news) {
        if (headline < c.n && headline < body_from) {
            doc->title_span.start = c.L[headline].s;
            doc->title_span.end = c.L[headline].e;
        }
    } else if (h.title_line && h.title_last >= h.title_line && h.title_last <= c.n) {
        doc->title_span.start = c.L[h.title_line - 1].s;
        doc->title_span.end = c.L[h.title_last - 1].e;
    }
    doc->body_end = body_to < c.n ? c.L[body_to].s : t->len;

    /* the authority named in the opening sentence when the header has none */
    if (!meta->authority) {
        for (size_t i = body_from; i < closing && i < body_from + 80; i++) {
            if (vp_st_blank(&c, i))
                continue;
            if (vp_st_match_line(&c, c.genre, "authority", i)) {
                meta->authority =
                    vp_st_province_or_person(&c, vp_st_squeeze(doc->arena, vp_st_lgroup(&c, "authority", i), 0), i);
                break;
            }
        }
    }
    if (!meta->authority && (news || !h.nauth))
        vp_st_guess_authority(&c, body_from, closing, news);
    if (news && meta->number_text) {
        /* a news page whose sentence names a national body ("Thủ tướng Chính phủ đã ký Nghị quyết
         * số 28/NQ-CP"), or none: the body its number's suffix stands for issued it */
        const char *iss = vp_st_symbol_issuer(&c, meta->number_text);
        const char *lv = meta->authority ? vp_st_level_of(&c, meta->authority) : NULL;
        if (iss && (!meta->authority || (lv && strcmp(lv, "national") == 0)))
            meta->authority = iss;
    }
    meta->authority = fix_authority_ocr(&c, meta->authority);
    meta->authority_parent = fix_authority_ocr(&c, meta->authority_parent);
    /* a joint document's issuers one over the other ("CÔNG AN TỈNH BẮC GIANG" / "SỞ GIÁO DỤC VÀ
     * ĐÀO TẠO", "Số: 25/KHLT-CAT-SGDĐT"): the first is the first issuer, not a body above the
     * second, which is its co-authority (when none stands beside it), unless the first is a
     * government over its department ("ỦY BAN NHÂN DÂN TỈNH" / "SỞ Y TẾ"; a body of a place that
     * is no government, "BAN CHỈ ĐẠO … HUYỆN X" / "HỘI LIÊN HIỆP PHỤ NỮ HUYỆN X", is a first
     * issuer, one signature block or two; so is a government over one of its own level, "BỘ Y TẾ" /
     * "BỘ GIÁO DỤC VÀ ĐÀO TẠO"); so too without a joint
     * symbol when each of the two signs for itself at the end ("TM. BAN THƯỜNG VỤ HỘI LHPN HUYỆN"
     * beside "TM. PHÒNG VĂN HÓA VÀ THÔNG TIN" under "HỘI LIÊN HIỆP PHỤ NỮ HUYỆN X" / "PHÒNG VĂN HÓA
     * VÀ THÔNG TIN HUYỆN X") */
    int joint_sym = meta->number_symbol &&
                    vp_st_match_str(&c, c.header, "field", "joint", meta->number_symbol, strlen(meta->number_symbol));
    int signed_both = meta->authority && meta->authority_parent && meta->sig_authority && meta->cosig_authority &&
                      ((signs_for(&c, meta->sig_authority, meta->authority_parent) &&
                        signs_for(&c, meta->cosig_authority, meta->authority)) ||
                       (signs_for(&c, meta->sig_authority, meta->authority) &&
                        signs_for(&c, meta->cosig_authority, meta->authority_parent)));
    if (meta->authority && meta->authority_parent && (joint_sym || signed_both)) {
        const char *plv = vp_st_level_of(&c, meta->authority_parent);
        int gov = vp_st_match_str(&c, c.header, "field", "government", meta->authority_parent,
                                  strlen(meta->authority_parent)) != NULL;
        /* two governments of one level ("BỘ Y TẾ" / "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 05/KHLT-BYT-BGDĐT"): neither
         * stands over the other */
        const char *alv = gov ? vp_st_level_of(&c, meta->authority) : NULL;
        int peers = alv && plv && strcmp(alv, plv) == 0 &&
                    vp_st_match_str(&c, c.header, "field", "government", meta->authority, strlen(meta->authority)) != NULL;
        if (signed_both || peers || (plv && (strcmp(plv, "department") == 0 || strcmp(plv, "other") == 0)) ||
            (plv && !gov && strcmp(plv, "national") != 0)) {
            if (!meta->coauthority)
                meta->coauthority = meta->authority;
            meta->authority = meta->authority_parent;
            meta->authority_parent = NULL;
        }
    }
    /* a joint document's two issuers on one line, a dash between them ("SỞ Y TẾ - SỞ GIÁO DỤC VÀ ĐÀO
     * TẠO", "Số: 05/KHLT-SYT-SGDĐT" or "KẾ HOẠCH LIÊN TỊCH"; header rules field=joint-pair): the first
     * the authority, the second its co-authority, as for two issuers side by side */
    if (meta->authority && !meta->coauthority &&
        (joint_sym || (h.doctype_line && h.doctype_line <= c.n &&
                       vp_st_match_line(&c, c.header, "joint", h.doctype_line - 1))) &&
        vp_st_match_str(&c, c.header, "field", "joint-pair", meta->authority, strlen(meta->authority))) {
        char *first = vp_st_group(&c, "authority", meta->authority);
        char *second = vp_st_group(&c, "text", meta->authority);
        char *place = vp_st_group(&c, "place", meta->authority);
        if (first && second && *first && *second) {
            /* the place after the second is the place of both ("… - SỞ GIÁO DỤC VÀ ĐÀO TẠO" / "TỈNH
             * BÌNH PHƯỚC"), unless the first names one of its kind ("UBND HUYỆN CHƯ SÊ - …") */
            if (place && *place) {
                size_t lw = strcspn(place, " ");
                char *kind = vp_arena_strndup(doc->arena, place, lw);
                second = vp_arena_printf(doc->arena, "%s %s", second, place);
                if (!strstr(first, kind))
                    first = vp_arena_printf(doc->arena, "%s %s", first, place);
            }
            meta->authority = first;
            meta->coauthority = second;
        }
    }
    if (meta->authority) {
        const char *lv = vp_st_level_of(&c, meta->authority);
        if (!lv && meta->authority_parent)
            lv = vp_st_level_of(&c, vp_arena_printf(doc->arena, "%s %s", meta->authority, meta->authority_parent));
        /* a body that names no level of its own is at the level of the one above it
         * ("BAN CHẤP HÀNH TRUNG ƯƠNG / ĐOÀN TNCS HỒ CHÍ MINH") */
        if (!lv && meta->authority_parent)
            lv = vp_st_level_of(&c, meta->authority_parent);
        if (!lv) {
            /* a bare "ỦY BAN NHÂN DÂN": the issuing body named in full further down */
            size_t alen = strlen(meta->authority);
            for (size_t i = h.end; i < c.n && i < h.end + 40 && !lv; i++) {
                if (vp_st_blank(&c, i) || c.L[i].e - c.L[i].s <= alen)
                    continue;
                if (memcmp(t->data + c.L[i].s, meta->authority, alen) == 0 &&
                    vp_st_match_line(&c, c.header, "authority", i)) {
                    char *full = vp_st_lgroup(&c, "authority", i);
                    lv = vp_st_level_of(&c, full);
                    if (lv)
                        complete_authority(&c, meta, full, i);
                }
            }
        }
        if (!lv && h.competence_line) {
            /* the competence line of a decision: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH" */
            size_t i = h.competence_line - 1;
            if (vp_st_match_line(&c, c.header, "competence", i)) {
                char *full = vp_st_lgroup(&c, "authority", i);
                const char *ff = full ? vp_st_fold_expanded(&c, full) : NULL;
                const char *af = vp_st_fold_expanded(&c, meta->authority);
                if (ff && strncmp(ff, af, strlen(af)) == 0 && (lv = vp_st_level_of(&c, full)) != NULL)
                    complete_authority(&c, meta, full, i);
            }
        }
        if (!lv && h.db_authority && (lv = vp_st_level_of(&c, h.db_authority)) != NULL) {
            /* the document's own issuer is bare ("ỦY BAN NHÂN DÂN"): the database's field
             * ("Cơ quan ban hành: Thành phố Huế") says more */
            meta->authority = vp_st_squeeze(doc->arena, vp_arena_strdup(doc->arena, h.db_authority), 0);
            meta->authority_parent = NULL;
        }
        if (!lv)
            lv = vp_st_level_of_issuer(&c, meta->authority, h.end, closing);
        if (!lv)
            lv = vp_st_level_of_bare(&c, meta->authority);
        if (!lv && meta->place) {
            /* the place of the date line names a province ("Ninh Thuận, ngày …") */
            const vp_table *pt = vp_rules_table(c.rules, "provinces");
            char *k = vp_st_fold(doc->arena, meta->place);
            size_t nc = 0;
            const char *const *row = pt ? vp_table_find(pt, k, strlen(k), &nc) : NULL;
            if (row && nc > 1) {
                lv = row[1];
                vp_diag_add(&doc->diags, "level-from-place", 0,
                            "the issuer \"%s\" shows no level; the place \"%s\" is a province, so it is read as %s",
                            meta->authority, meta->place, lv);
            }
        }
        if (!lv)
            lv = vp_st_level_of_named(&c, meta->authority);
        meta->authority_level = lv ? lv : "other";
    }
    if (meta->coauthority) {
        meta->coauthority = fix_authority_ocr(&c, meta->coauthority);
        const char *lv = vp_st_level_of(&c, meta->coauthority);
        if (!lv)
            lv = vp_st_level_of_named(&c, meta->coauthority);
        meta->coauthority_level = lv ? lv : "other";
    }
    if (meta->authority)
        vp_st_complete_bare(&c);
    if ((!meta->authority || strcmp(meta->authority_level, "other") == 0) && meta->number_symbol)
        vp_st_level_of_symbol(&c);

    /* document type from the symbol ("KH-UBND") or the subject line of a letter */
    if (!meta->doctype && meta->number_symbol && *meta->number_symbol) {
        const char *s = meta->number_symbol;
        size_t k = strcspn(s, "-/");
        /* "41/2019/QĐ-UBND": the year of a legal document comes before its type */
        if (k == 4 && strspn(s, "0123456789") == 4 && s[4] == '/') {
            s += 5;
            k = strcspn(s, "-/");
        }
        vp_st_set_doctype_code(&c, s, k);
    }
    /* a letter's subject line as the title: the type of the code its rule gives (title-vv code=CV) */
    if (!meta->doctype && meta->title && h.title_line && h.title_code && !h.has_doctype && !news)
        vp_st_set_doctype_code(&c, h.title_code, strlen(h.title_code));

    /* a title's closing full stop is no part of it (header rules field=title-stop) */
    if (meta->title && vp_st_match_str(&c, c.header, "field", "title-stop", meta->title, strlen(meta->title))) {
        size_t ts, te;
        if (vp_match_group(c.m, "text", &ts, &te) && ts > 0) {
            char *cut = vp_arena_strndup(doc->arena, meta->title, ts);
            size_t tl = strlen(cut);
            while (tl > 0 && cut[tl - 1] == ' ')
                cut[--tl] = 0;
            if (tl > 0)
                meta->title = cut;
        }
    }
    /* the period: from the title (without the term of a congress it names, when the rest of
     * it names a period), else the year of the date */
    if (meta->title) {
        const char *pt = title_without_terms(&c, meta->title);
        if (!pt || !vp_st_match_str(&c, c.header, "field", "period", pt, strlen(pt)))
            pt = meta->title;
        if (vp_st_match_str(&c, c.header, "field", "period", pt, strlen(pt))) {
            meta->period_from = vp_st_group(&c, "from", pt);
            meta->period_to = vp_st_group(&c, "to", pt);
            if (!meta->period_from && meta->period_to) {
                /* "đến năm 2030": from the year of the document's date */
                int dy = meta->date_value ? vp_date_year_of(meta->date_value) : 0;
                meta->period_from = dy > 0 && dy < atoi(meta->period_to) ? vp_arena_printf(doc->arena, "%d", dy)
                                                                          : meta->period_to;
            }
        }
    }
    /* a feast the title names by its lunar year alone ("dịp Tết Nguyên đán Bính Ngọ", header rules
     * field=period-feast): to the year of that name's Tết (rules/holidays.tsv), from the year of the
     * document's date when it is earlier */
    if (meta->title && !meta->period_from &&
        vp_st_match_str(&c, c.header, "field", "period-feast", meta->title, strlen(meta->title))) {
        const char *nm = vp_st_group(&c, "name", meta->title);
        const vp_table *ht = nm ? vp_rules_table(c.rules, "holidays") : NULL;
        const char *k = ht ? vp_st_fold(doc->arena, nm) : NULL;
        int fy = 0;
        for (size_t i = 0; k && i < ht->nrows && !fy; i++)
            if (ht->ncols[i] >= 4 && strcmp(ht->rows[i][0], "tet") == 0 &&
                strcmp(vp_st_fold(doc->arena, ht->rows[i][3]), k) == 0)
                fy = atoi(ht->rows[i][1]);
        if (fy > 1900) {
            int dy = meta->date_value ? vp_date_year_of(meta->date_value) : 0;
            meta->period_to = vp_arena_printf(doc->arena, "%d", fy);
            meta->period_from = dy > 1900 && dy < fy ? vp_arena_printf(doc->arena, "%d", dy) : meta->period_to;
        }
    }
    /* a school year's plan ("… năm học 2025-2026", header rules field=period-school): a month
     * it names without a year is in the school year: August to December in its first year,
     * January to July in the second (facts, do_deadlines) */
    if (meta->title && meta->period_from && meta->period_to &&
        atoi(meta->period_to) == atoi(meta->period_from) + 1 &&
        vp_st_match_str(&c, c.header, "field", "period-school", meta->title, strlen(meta->title)))
        meta->school_year = 1;
    /* else the period the text states ("thời gian thực hiện từ ngày 01/6/2024 đến 30/6/2024") */
    int body_year = -1;
    for (size_t i = 0; !meta->period_from && i < c.n && i < SCAN_LINES; i++) {
        if (vp_st_blank(&c, i) || !vp_st_match_line(&c, c.header, "period-body", i))
            continue;
        meta->period_from = vp_st_lgroup(&c, "from", i);
        meta->period_to = vp_st_lgroup(&c, "to", i);
        body_year = vp_st_group_int(&c, "from", t->data + c.L[i].s);
    }
    /* else a programme's, to the last year a line of its text opens on ("Đến năm 2030, 100% tổ
     * chức cơ sở đảng …", header rules field=period-due-body, code= its doctype) when later
     * than its date's: from the year of its date */
    int due_last = 0, date_year = meta->date_value ? vp_date_year_of(meta->date_value) : 0;
    for (size_t i = 0; !meta->period_from && date_year > 0 && meta->doctype_code && i < c.n && i < SCAN_LINES; i++) {
        if (vp_st_blank(&c, i))
            continue;
        const vp_rule *r = vp_st_match_line(&c, c.header, "period-due-body", i);
        const char *code = r ? vp_rule_attr(r, "code") : NULL;
        if (!r || (code && strcmp(code, meta->doctype_code)))
            continue;
        int y = vp_st_group_int(&c, "to", t->data + c.L[i].s);
        if (y > due_last)
            due_last = y;
    }
    if (!meta->period_from && due_last > date_year && date_year > 0) {
        meta->period_from = vp_arena_printf(doc->arena, "%d", date_year);
        meta->period_to = vp_arena_printf(doc->arena, "%d", due_last);
    }
    /* else, on a web page, the period in the first lines (a headline after page chrome) */
    for (size_t i = 0, seen = 0; news && !meta->period_from && i < c.n && seen < 6; i++) {
        if (vp_st_blank(&c, i))
            continue;
        seen++;
        if (vp_st_match_line(&c, c.header, "period", i)) {
            meta->period_from = vp_st_lgroup(&c, "from", i);
            meta->period_to = vp_st_lgroup(&c, "to", i);
        }
    }
    /* a news headline's one year within the period its first lines give ("… vào năm 2026" /
     * "Kế hoạch … giai đoạn 2024-2026"): that period */
    if (news && meta->period_from && meta->period_to && !strcmp(meta->period_from, meta->period_to) &&
        meta->title && due_year_only(&c, meta->title, meta->period_from)) {
        int y = atoi(meta->period_from);
        for (size_t i = 0, seen = 0; i < c.n && seen < 6; i++) {
            if (vp_st_blank(&c, i))
                continue;
            seen++;
            if (!vp_st_match_line(&c, c.header, "period", i))
                continue;
            const char *pf = vp_st_lgroup(&c, "from", i), *pt = vp_st_lgroup(&c, "to", i);
            if (pf && pt && atoi(pf) <= y && y <= atoi(pt) && atoi(pf) < atoi(pt)) {
                meta->period_from = pf;
                meta->period_to = pt;
                break;
            }
        }
    }
    /* no date line: the year the document is about, with a warning */
    if (!meta->date_value) {
        int yr = vp_st_year_in(&c, meta->title);
        if (yr < 0)
            yr = body_year;
        if (yr < 0 && news)
            yr = vp_st_year_of_text(&c);
        if (yr > 0) {
            meta->date_value = vp_st_iso_date(doc->arena, yr, -1, -1);
            meta->date_text = "";
            vp_diag_add(&doc->diags, "date-from-period", 0,
                        "the document gives no date; %d is the year it is about (title or period)", yr);
        } else if (news && (yr = vp_st_latest_cited_year(&c, closing)) > 0) {
            /* a text without header and without any year of its own: not older than the
             * newest document it cites, most often of the same year */
            meta->date_value = vp_st_iso_date(doc->arena, yr, -1, -1);
            meta->date_text = "";
            vp_diag_add(&doc->diags, "date-guessed", 0,
                        "the text gives no date; %d, the year of the latest document it cites, is a guess", yr);
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
