/* normalise.c - stage 2: UTF-8 text -> normalised text with a map back to the input.
 *
 * Two passes, both linear:
 *   1. characters: BOM, line ends, invalid bytes, NFC (only where the text is not
 *      already NFC), confusables (rules/confusables.tsv), tone placement
 *      (rules/tone.tsv), tabs and control characters.  Produces an intermediate text
 *      with a segment map back to the input.
 *   2. layout: page furniture, two-column header/signature blocks, lines broken inside
 *      a sentence, spaces and blank lines (rules/layout.rules).  Produces the final
 *      text; its map is composed with the map of pass 1.
 *
 * What the output looks like (the conventions later stages rely on) is described in
 * normalise.h.
 */
#include "normalise.h"
#include "detect.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---------------------------------------------------------------------------------- */
/* small helpers                                                                        */

#define RULE_HEAD_MAX 1000 /* bytes of a line tried by most layout rules */
#define RULE_TAIL_MAX 200  /* bytes of a line tried by join-tight rules */
#define HEADER_ZONE 25     /* a column block may start within the first lines without a rule */

static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

static int cp_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

static int cp_is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int cp_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* Decode the code point ending at s[n-1] (s valid UTF-8). */
static int32_t last_cp(const char *s, size_t n, size_t *start)
{
    size_t i = n;
    while (i > 0 && is_cont((unsigned char)s[i - 1]))
        i--;
    if (i > 0)
        i--;
    int32_t cp;
    vp_utf8_decode_fast(s + i, n - i, &cp);
    if (start)
        *start = i;
    return cp;
}

/* Parse "U+XXXX U+YYYY" or literal characters into code points. Returns the count. */
static size_t parse_cps(const char *s, int32_t *out, size_t max)
{
    size_t n = 0, len = strlen(s);
    if (len >= 3 && (s[0] == 'U' || s[0] == 'u') && s[1] == '+') {
        const char *p = s;
        while (*p && n < max) {
            while (*p == ' ')
                p++;
            if (!*p)
                break;
            if (!((p[0] == 'U' || p[0] == 'u') && p[1] == '+'))
                return 0;
            char *end;
            long v = strtol(p + 2, &end, 16);
            if (end == p + 2 || v < 0 || v > 0x10FFFF)
                return 0;
            out[n++] = (int32_t)v;
            p = end;
        }
        return n;
    }
    size_t i = 0;
    while (i < len && n < max) {
        int32_t cp;
        int l = vp_utf8_decode_fast(s + i, len - i, &cp);
        if (cp < 0)
            return 0;
        out[n++] = cp;
        i += (size_t)l;
    }
    return n;
}

/* ---------------------------------------------------------------------------------- */
/* lookup tables built per call from the rules (no global state)                         */

typedef struct conf_ent {
    int32_t from;
    char to[32];
    uint8_t tolen;
} conf_ent;

typedef struct tone_ent {
    int32_t a, b;      /* the pair to find */
    int32_t ra, rb;    /* its replacement */
    char notafter[16]; /* UTF-8 characters that block the row when just before the pair */
    char onlyafter[16]; /* UTF-8 characters one of which must be just before the pair */
} tone_ent;

typedef struct lookups {
    conf_ent *conf;
    size_t nconf;
    tone_ent *tone;
    size_t ntone;
    uint64_t confbm[1024]; /* BMP code points with a confusable entry */
    uint64_t tonebm[1024]; /* BMP code points that end a tone pair */
    uint64_t toneabm[1024]; /* BMP code points that start a tone pair */
} lookups;

static int bm_has(const uint64_t *bm, int32_t cp)
{
    if (cp < 0 || cp >= 0x10000)
        return 1; /* outside the BMP: look it up */
    return (int)((bm[cp >> 6] >> (cp & 63)) & 1);
}
static void bm_set(uint64_t *bm, int32_t cp)
{
    if (cp >= 0 && cp < 0x10000)
        bm[cp >> 6] |= (uint64_t)1 << (cp & 63);
}

/* What lookups_build has to say about bad table rows: kept with prebuilt tables and added to
 * every document's diagnostics, as when the tables are built per document. */
typedef struct rowmsgs {
    char **v;
    size_t n;
} rowmsgs;

static void rowmsg(rowmsgs *r, const char *fmt, size_t row)
{
    vp_buf b = {0};
    vp_buf_printf(&b, fmt, row);
    r->v = vp_xrealloc(r->v, (r->n + 1) * sizeof *r->v);
    r->v[r->n++] = vp_buf_steal(&b);
}

static void lookups_build(lookups *L, const vp_rules *rules, vp_tone_style style, rowmsgs *msgs)
{
    memset(L, 0, sizeof *L);
    const vp_table *ct = rules ? vp_rules_table(rules, "confusables") : NULL;
    if (ct && ct->nrows) {
        L->conf = vp_xcalloc(ct->nrows, sizeof *L->conf);
        for (size_t i = 0; i < ct->nrows; i++) {
            int32_t from[2], to[8];
            size_t nf = parse_cps(ct->rows[i][0], from, 2);
            if (nf != 1 || from[0] < 0x80) {
                rowmsg(msgs, "confusables.tsv row %zu: FROM must be one non-ASCII character", i + 1);
                continue;
            }
            size_t nt = 0;
            if (ct->ncols[i] >= 2 && ct->rows[i][1][0])
                nt = parse_cps(ct->rows[i][1], to, 8);
            conf_ent *e = &L->conf[L->nconf];
            e->from = from[0];
            e->tolen = 0;
            for (size_t k = 0; k < nt; k++) {
                char enc[4];
                int el = vp_utf8_encode(to[k], enc);
                if (e->tolen + el >= (int)sizeof e->to)
                    break;
                memcpy(e->to + e->tolen, enc, (size_t)el);
                e->tolen = (uint8_t)(e->tolen + el);
            }
            bm_set(L->confbm, e->from);
            L->nconf++;
        }
    }
    const vp_table *tt = rules ? vp_rules_table(rules, "tone") : NULL;
    if (tt && tt->nrows) {
        L->tone = vp_xcalloc(tt->nrows, sizeof *L->tone);
        for (size_t i = 0; i < tt->nrows; i++) {
            if (tt->ncols[i] < 2)
                continue;
            int32_t o[3], n[3];
            if (parse_cps(tt->rows[i][0], o, 3) != 2 || parse_cps(tt->rows[i][1], n, 3) != 2) {
                rowmsg(msgs, "tone.tsv row %zu: each side must be two characters", i + 1);
                continue;
            }
            tone_ent *e = &L->tone[L->ntone++];
            int fix = tt->ncols[i] >= 4 && tt->rows[i][3][0]; /* ONLY-AFTER: a fix in both styles */
            if (style == VP_TONE_OLD && !fix) {
                e->a = n[0], e->b = n[1], e->ra = o[0], e->rb = o[1];
            } else {
                e->a = o[0], e->b = o[1], e->ra = n[0], e->rb = n[1];
            }
            if (tt->ncols[i] >= 3)
                snprintf(e->notafter, sizeof e->notafter, "%s", tt->rows[i][2]);
            if (fix)
                snprintf(e->onlyafter, sizeof e->onlyafter, "%s", tt->rows[i][3]);
            bm_set(L->tonebm, e->b);
            bm_set(L->toneabm, e->a);
        }
    }
}

static void lookups_free(lookups *L)
{
    free(L->conf);
    free(L->tone);
}

static void rowmsgs_free(rowmsgs *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->v[i]);
    free(r->v);
}

/* What a layout rule does (its attribute action=) */
enum {
    K_NONE, K_DROP, K_PAGE, K_BLOCK, K_ALONE, K_TIGHT, K_DASH, K_WORD, K_NUM, K_COLS, K_FLAT, K_SPLIT, K_ROWS,
    K_THEAD, K_ROWNUM, K_TEND, K_RUN, K_CHEAD
};

/* K_* of each rule of the layout family (malloc'd, at least one byte) */
static uint8_t *layout_kinds(const vp_family *fam)
{
    uint8_t *kind = vp_xcalloc(fam->n ? fam->n : 1, 1);
    for (size_t i = 0; i < fam->n; i++) {
        const char *a = vp_rule_attr(fam->rules[i], "action");
        uint8_t k = K_NONE;
        if (a) {
            k = strcmp(a, "drop") == 0         ? K_DROP
                : strcmp(a, "page") == 0       ? K_PAGE
                : strcmp(a, "block") == 0      ? K_BLOCK
                : strcmp(a, "alone") == 0      ? K_ALONE
                : strcmp(a, "join-tight") == 0 ? K_TIGHT
                : strcmp(a, "join-dash") == 0  ? K_DASH
                : strcmp(a, "join-word") == 0  ? K_WORD
                : strcmp(a, "join-number") == 0 ? K_NUM
                : strcmp(a, "columns") == 0    ? K_COLS
                : strcmp(a, "flat") == 0       ? K_FLAT
                : strcmp(a, "split") == 0      ? K_SPLIT
                : strcmp(a, "row") == 0        ? K_ROWS
                : strcmp(a, "table-head") == 0 ? K_THEAD
                : strcmp(a, "row-number") == 0 ? K_ROWNUM
                : strcmp(a, "table-end") == 0  ? K_TEND
                : strcmp(a, "running") == 0    ? K_RUN
                : strcmp(a, "column-head") == 0 ? K_CHEAD
                                               : K_NONE;
        }
        kind[i] = k;
    }
    return kind;
}

/* The layout rules of some kinds, as indexes into the family in file order. */
typedef struct kind_list {
    uint32_t *idx;
    size_t n;
} kind_list;

struct vp_norm_tables {
    vp_tone_style style;
    lookups L;
    rowmsgs msgs;
    const vp_family *layout; /* the layout rules, and what each does */
    uint8_t *kind;
    kind_list act;   /* drop, page, block and alone: the first that matches decides */
    kind_list cols;  /* columns */
    kind_list tight; /* join-tight */
    kind_list dash;  /* join-dash */
    kind_list word;  /* join-word */
    kind_list num;   /* join-number */
    kind_list flat, split;
    kind_list rows; /* row: a line that is a row of its own, never a cell of a column block */
    kind_list thead, rownum, tend; /* the head of a table that numbers its rows; a row's number; a
                                    * line that ends such a table */
    kind_list run;                 /* running: what a page's running header may say */
    kind_list chead;               /* column-head: a line alone naming a table's column */
};

#define KIND(k) (1u << (k))

/* The rules whose kind is in the set `kinds` (KIND(K_…) | …). */
static void kind_list_make(kind_list *l, const uint8_t *kind, size_t n, unsigned kinds)
{
    l->idx = vp_xmalloc((n ? n : 1) * sizeof *l->idx);
    l->n = 0;
    for (size_t i = 0; i < n; i++)
        if (kinds & KIND(kind[i]))
            l->idx[l->n++] = (uint32_t)i;
}

static const vp_family no_family = {"", NULL, 0, NULL};

vp_norm_tables *vp_norm_tables_new(const vp_rules *rules, vp_tone_style style)
{
    vp_norm_tables *t = vp_xcalloc(1, sizeof *t);
    t->style = style;
    lookups_build(&t->L, rules, style, &t->msgs);
    t->layout = rules ? vp_rules_family(rules, "layout") : &no_family;
    t->kind = layout_kinds(t->layout);
    kind_list_make(&t->act, t->kind, t->layout->n, KIND(K_DROP) | KIND(K_PAGE) | KIND(K_BLOCK) | KIND(K_ALONE));
    kind_list_make(&t->cols, t->kind, t->layout->n, KIND(K_COLS));
    kind_list_make(&t->tight, t->kind, t->layout->n, KIND(K_TIGHT));
    kind_list_make(&t->dash, t->kind, t->layout->n, KIND(K_DASH));
    kind_list_make(&t->word, t->kind, t->layout->n, KIND(K_WORD));
    kind_list_make(&t->num, t->kind, t->layout->n, KIND(K_NUM));
    kind_list_make(&t->flat, t->kind, t->layout->n, KIND(K_FLAT));
    kind_list_make(&t->split, t->kind, t->layout->n, KIND(K_SPLIT));
    kind_list_make(&t->rows, t->kind, t->layout->n, KIND(K_ROWS));
    kind_list_make(&t->thead, t->kind, t->layout->n, KIND(K_THEAD));
    kind_list_make(&t->rownum, t->kind, t->layout->n, KIND(K_ROWNUM));
    kind_list_make(&t->tend, t->kind, t->layout->n, KIND(K_TEND));
    kind_list_make(&t->run, t->kind, t->layout->n, KIND(K_RUN));
    kind_list_make(&t->chead, t->kind, t->layout->n, KIND(K_CHEAD));
    return t;
}

void vp_norm_tables_free(vp_norm_tables *t)
{
    if (!t)
        return;
    lookups_free(&t->L);
    rowmsgs_free(&t->msgs);
    free(t->kind);
    free(t->act.idx);
    free(t->cols.idx);
    free(t->tight.idx);
    free(t->dash.idx);
    free(t->word.idx);
    free(t->num.idx);
    free(t->flat.idx);
    free(t->split.idx);
    free(t->rows.idx);
    free(t->thead.idx);
    free(t->rownum.idx);
    free(t->tend.idx);
    free(t->run.idx);
    free(t->chead.idx);
    free(t);
}

static const conf_ent *conf_find(const lookups *L, int32_t cp)
{
    if (!bm_has(L->confbm, cp))
        return NULL;
    for (size_t i = 0; i < L->nconf; i++)
        if (L->conf[i].from == cp)
            return &L->conf[i];
    return NULL;
}

static int notafter_has(const char *set, int32_t cp)
{
    size_t n = strlen(set), i = 0;
    while (i < n) {
        int32_t c;
        int l = vp_utf8_decode_fast(set + i, n - i, &c);
        if (c == cp)
            return 1;
        i += (size_t)l;
    }
    return 0;
}

static const tone_ent *tone_find(const lookups *L, int32_t before, int32_t a, int32_t b)
{
    if (!bm_has(L->tonebm, b) || !bm_has(L->toneabm, a))
        return NULL;
    for (size_t i = 0; i < L->ntone; i++) {
        const tone_ent *e = &L->tone[i];
        if (e->a == a && e->b == b && !(e->notafter[0] && before > 0 && notafter_has(e->notafter, before)) &&
            !(e->onlyafter[0] && !(before > 0 && notafter_has(e->onlyafter, before))))
            return e;
    }
    return NULL;
}

/* ---------------------------------------------------------------------------------- */
/* segment maps                                                                         */

typedef struct segmap {
    vp_mapseg *s;
    size_t n, cap;
} segmap;

/* Out text is about to grow at `norm`, and that byte maps to `orig`. */
static void seg_note(segmap *m, size_t norm, size_t orig)
{
    if (m->n) {
        vp_mapseg *l = &m->s[m->n - 1];
        if (l->orig + (norm - l->norm) == orig)
            return;
        if (l->norm == norm) {
            l->orig = orig;
            return;
        }
    }
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 64;
        m->s = vp_xrealloc(m->s, m->cap * sizeof *m->s);
    }
    m->s[m->n].norm = norm;
    m->s[m->n].orig = orig;
    m->n++;
}

static size_t seg_find(const segmap *m, size_t off)
{
    size_t lo = 0, hi = m->n;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (m->s[mid].norm <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static size_t seg_orig(const segmap *m, size_t off)
{
    if (!m->n)
        return off;
    size_t k = seg_find(m, off);
    if (m->s[k].norm > off)
        return m->s[0].orig;
    return m->s[k].orig + (off - m->s[k].norm);
}

/* ---------------------------------------------------------------------------------- */
/* pass 1: characters                                                                   */

typedef struct cpass {
    const lookups *L;
    vp_buf t;  /* intermediate text */
    segmap m;  /* t -> input */
    int32_t prev, prev2;  /* last two code points written */
    size_t prev_off;      /* offset in t of prev */
    const tone_ent *pend; /* a tone pair waiting for the next character */
    size_t pend_off;      /* offset in t of the pair */
    size_t ninvalid, first_invalid;
} cpass;

static void cp_put_bytes(cpass *c, const char *s, size_t n, size_t orig)
{
    seg_note(&c->m, c->t.len, orig);
    vp_buf_add(&c->t, s, n);
}

static void tone_apply(cpass *c)
{
    const tone_ent *e = c->pend;
    c->pend = NULL;
    size_t orig = seg_orig(&c->m, c->pend_off);
    /* forget map segments that start inside the pair */
    while (c->m.n > 1 && c->m.s[c->m.n - 1].norm > c->pend_off)
        c->m.n--;
    if (c->m.n == 1 && c->m.s[0].norm > c->pend_off)
        c->m.n = 0;
    c->t.len = c->pend_off;
    c->t.data[c->t.len] = 0;
    char enc[8];
    int l1 = vp_utf8_encode(e->ra, enc);
    int l2 = vp_utf8_encode(e->rb, enc + l1);
    cp_put_bytes(c, enc, (size_t)(l1 + l2), orig);
    c->prev_off = c->pend_off + (size_t)l1;
    c->prev = e->rb;
}

/* Write one code point (after confusables). */
static void cp_emit(cpass *c, int32_t cp, size_t orig)
{
    if (c->pend) {
        if (cp_is_letter(cp))
            c->pend = NULL;
        else
            tone_apply(c);
    }
    const tone_ent *e = NULL;
    if (c->L->ntone && cp >= 'A' && bm_has(c->L->tonebm, cp))
        e = tone_find(c->L, c->prev2, c->prev, cp);
    if (e) {
        c->pend = e;
        c->pend_off = c->prev_off;
    }
    char enc[4];
    int l = vp_utf8_encode(cp, enc);
    c->prev2 = c->prev;
    c->prev = cp;
    c->prev_off = c->t.len;
    cp_put_bytes(c, enc, (size_t)l, orig);
}

/* Does the line written so far hold a column's text before a tab?  Not when it is empty, an
 * indent or an item's marker alone ("1.", "a)", "II.", "-"): a tab there is one space. */
static int tab_is_gap(const cpass *c)
{
    size_t e = c->t.len, a = e;
    while (a > 0 && c->t.data[a - 1] != '\n' && e - a <= 12)
        a--;
    if (a > 0 && c->t.data[a - 1] != '\n')
        return 1; /* more than a marker's length */
    while (a < e && c->t.data[a] == ' ')
        a++;
    while (e > a && c->t.data[e - 1] == ' ')
        e--;
    if (a == e)
        return 0;
    const char *t = c->t.data;
    if (e - a == 1 && strchr("-+*", t[a]))
        return 0;
    if (e - a == 3 && !memcmp(t + a, "•", 3))
        return 0;
    if (t[e - 1] != '.' && t[e - 1] != ')')
        return 1;
    size_t i = a;
    if (t[i] >= '0' && t[i] <= '9') {
        while (i < e - 1 && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.'))
            i++;
    } else if (strchr("IVXLC", t[i])) {
        while (i < e - 1 && strchr("IVXLC", t[i]))
            i++;
    } else if (t[i] >= 'a' && t[i] <= 'z')
        i++;
    else if (e - a == 3 && !memcmp(t + a, "đ", 2))
        i += 2;
    return i != e - 1;
}

/* Handle one code point of the (NFC) input: confusables, control characters.  A tab between a
 * column's text and the next is a gap of three spaces (a header's or signature's two columns,
 * "Nơi nhận:<TAB>GIÁM ĐỐC", as the layout pass reads them); elsewhere one space. */
static void cp_handle(cpass *c, int32_t cp, size_t orig)
{
    if (cp < 0x80) {
        if (cp == '\t' && tab_is_gap(c)) {
            cp_emit(c, ' ', orig);
            cp_emit(c, ' ', orig);
            cp = ' ';
        } else if (cp == '\t' || cp == '\v')
            cp = ' ';
        else if (cp == '\r')
            cp = '\n';
        else if ((cp < 0x20 && cp != '\n' && cp != '\f') || cp == 0x7F)
            return;
        cp_emit(c, cp, orig);
        return;
    }
    if (cp >= 0x80 && cp < 0xA0) {
        if (cp == 0x85)
            cp_emit(c, '\n', orig);
        return; /* C1 controls */
    }
    const conf_ent *ce = conf_find(c->L, cp);
    if (ce) {
        size_t i = 0;
        while (i < ce->tolen) {
            int32_t r;
            int l = vp_utf8_decode_fast(ce->to + i, ce->tolen - i, &r);
            if (r == '\t')
                r = ' ';
            if (r >= 0)
                cp_emit(c, r, orig);
            i += (size_t)l;
        }
        return;
    }
    cp_emit(c, cp, orig);
}

/* Could this code point make the text non-NFC (here or with what follows)? */
static int nfc_candidate(int32_t cp)
{
    if (cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF))
        return 0;
    if (cp >= 0x300 && cp <= 0x36F)
        return 1;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class != 0 || p->comp_exclusion)
        return 1;
    if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0)
        return 1; /* canonical decomposition (singletons, Hangul, ...) */
    if (p->comb_index != UINT16_MAX)
        return 1; /* may combine with what precedes it */
    if (cp >= 0x1100 && cp <= 0x11FF)
        return 1; /* conjoining jamo */
    return 0;
}

/* Bytes [a,b) of the input, mapped one to one (no NFC needed). */
static void cp_chunk(cpass *c, const char *in, size_t a, size_t b)
{
    size_t i = a;
    while (i < b) {
        unsigned char ch = (unsigned char)in[i];
        if (ch >= 0x20 && ch < 0x7F && (c->pend || bm_has(c->L->tonebm, ch))) {
            cp_emit(c, ch, i);
            i++;
            continue;
        }
        if ((ch >= 0x20 && ch < 0x7F) || ch >= 0xC2) {
            /* a run of characters that need nothing: copied as they are */
            size_t j = i;
            while (j < b) {
                unsigned char d = (unsigned char)in[j];
                if (d >= 0x20 && d < 0x7F) {
                    if (j > i && bm_has(c->L->tonebm, d))
                        break;
                    j++;
                    continue;
                }
                if (d < 0xC2 || (j == i && c->pend))
                    break;
                int32_t cp;
                int l = vp_utf8_decode_fast(in + j, b - j, &cp);
                if (cp < 0xA0 || bm_has(c->L->confbm, cp) || bm_has(c->L->tonebm, cp))
                    break;
                j += (size_t)l;
            }
            if (j > i) {
                cp_put_bytes(c, in + i, j - i, i);
                size_t st;
                c->prev = last_cp(in + i, j - i, &st);
                c->prev_off = c->t.len - (j - i - st);
                c->prev2 = st > 0 ? last_cp(in + i, st, NULL) : c->prev2;
                i = j;
                continue;
            }
        }
        if (ch < 0x80) {
            if (ch == '\r' && i + 1 < b && in[i + 1] == '\n') {
                i++;
                continue;
            }
            cp_handle(c, ch, i);
            i++;
            continue;
        }
        int32_t cp;
        int l = vp_utf8_decode_fast(in + i, b - i, &cp);
        if (cp < 0) {
            if (!c->ninvalid)
                c->first_invalid = i;
            c->ninvalid++;
            cp = 0xFFFD;
        }
        cp_handle(c, cp, i);
        i += (size_t)l;
    }
}

/* A word [a,b) that needs NFC. */
static void cp_nfc_word(cpass *c, const char *in, size_t a, size_t b, char *err, size_t errlen)
{
    vp_buf clean = {0};
    size_t i = a;
    while (i < b) {
        int32_t cp;
        int l = vp_utf8_decode_fast(in + i, b - i, &cp);
        if (cp < 0) {
            if (!c->ninvalid)
                c->first_invalid = i;
            c->ninvalid++;
            vp_buf_add(&clean, "\xEF\xBF\xBD", 3);
        } else {
            vp_buf_add(&clean, in + i, (size_t)l);
        }
        i += (size_t)l;
    }
    utf8proc_uint8_t *res = NULL;
    utf8proc_ssize_t rl = utf8proc_map((const utf8proc_uint8_t *)clean.data, (utf8proc_ssize_t)clean.len, &res,
                                       UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    const char *s = clean.data;
    size_t n = clean.len;
    if (rl >= 0 && res) {
        s = (const char *)res;
        n = (size_t)rl;
    } else if (err && errlen && !err[0]) {
        snprintf(err, errlen, "NFC failed: %s", utf8proc_errmsg(rl));
    }
    size_t wl = b - a;
    i = 0;
    while (i < n) {
        int32_t cp;
        int l = vp_utf8_decode_fast(s + i, n - i, &cp);
        if (cp < 0)
            cp = 0xFFFD;
        size_t o = a + (i < wl ? i : wl - 1);
        cp_handle(c, cp, o);
        i += (size_t)l;
    }
    free(res);
    vp_buf_free(&clean);
}

/* A line [a,b) of the input (without its '\n'). */
static void cp_line(cpass *c, const char *in, size_t a, size_t b, char *err, size_t errlen)
{
    /* quick check: any byte that may start a non-NFC character? */
    size_t k = a;
    int need = 0;
    while (k < b) {
        unsigned char ch = (unsigned char)in[k];
        if (ch < 0xCC) {
            k++;
            continue;
        }
        if (ch == 0xE1 && k + 1 < b && (unsigned char)in[k + 1] >= 0xB8 && (unsigned char)in[k + 1] <= 0xBB) {
            k += 3;
            continue;
        }
        if (ch >= 0xCC && ch <= 0xF4) {
            int32_t cp;
            int l = vp_utf8_decode_fast(in + k, b - k, &cp);
            if (cp >= 0 && nfc_candidate(cp)) {
                need = 1;
                break;
            }
            k += (size_t)l;
            continue;
        }
        k++;
    }
    if (!need) {
        cp_chunk(c, in, a, b);
        return;
    }
    /* word by word: only words with a candidate go through utf8proc */
    size_t i = a;
    while (i < b) {
        size_t ws = i;
        while (i < b && in[i] != ' ' && in[i] != '\t')
            i++;
        size_t we = i;
        int w = 0;
        for (size_t j = ws; j < we;) {
            if ((unsigned char)in[j] < 0xCC) {
                j++;
                continue;
            }
            int32_t cp;
            int l = vp_utf8_decode_fast(in + j, we - j, &cp);
            if (cp >= 0 && nfc_candidate(cp)) {
                w = 1;
                break;
            }
            j += (size_t)l;
        }
        if (w)
            cp_nfc_word(c, in, ws, we, err, errlen);
        else
            cp_chunk(c, in, ws, we);
        size_t ss = i;
        while (i < b && (in[i] == ' ' || in[i] == '\t'))
            i++;
        cp_chunk(c, in, ss, i);
    }
}

static void pass_chars(cpass *c, const char *in, size_t len, char *err, size_t errlen)
{
    size_t i = 0;
    if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len) {
        const char *nl = memchr(in + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - in) : len;
        cp_line(c, in, i, nl && e > i && in[e - 1] == '\r' ? e - 1 : e, err, errlen);
        if (nl) {
            cp_emit(c, '\n', e);
            e++;
        }
        i = e;
    }
    if (c->pend)
        tone_apply(c);
}

/* ---------------------------------------------------------------------------------- */
/* pass 2: layout                                                                       */

enum { LF_PAGE = 1, LF_RUNNING = 2, LF_FOOTNOTE = 4 };

typedef struct pline {
    size_t s, e;           /* bytes of the line in t, trimmed */
    int32_t indent, endcol; /* columns (code points) of the first and after the last char */
    int32_t first, last;   /* first and last code points */
    uint32_t blanks;       /* blank lines just before */
    uint8_t flags;
} pline;

typedef struct tok {
    size_t s, e;
    int sep;  /* before it: 0 none, 1 space, 2 " | " */
    int glue; /* a space inside it may go (before a mark of punctuation, after "("): out_glued */
} tok;

/* The classification of a line by the layout rules. */
enum { A_NONE, A_DROP, A_PAGE, A_BLOCK, A_ALONE };

#define WT_COLS 12 /* columns of a table laid out on a page at most (wrapped_table) */

/* The columns of a table laid out on a page (wrapped_table). */
typedef struct wtab {
    int nc;
    int32_t bnd[WT_COLS]; /* bnd[k]: where column k+1 starts (the middle between two heads) */
    int32_t na, nb;       /* the columns of the numbers' head */
    int nonum;            /* no column of numbers (a head of numbers=no, in a text of one line a
                           * paragraph): every line is a row, its first piece of the first column */
} wtab;

#define WT_FRAGS 24 /* pieces of one line of such a table at most */

/* A piece of a line of such a table: between runs of three spaces or more. */
typedef struct wfrag {
    size_t s, e;  /* bytes in t */
    int32_t a, b; /* columns */
    int col;      /* the table's column */
} wfrag;

/* The pieces of one line of a table's page, with their columns (table_frags). */
typedef struct wline {
    wfrag f[WT_FRAGS];
    uint8_t n;   /* pieces */
    uint8_t num; /* the line holds a row's number */
} wline;

typedef struct lpass {
    const char *t;
    size_t tlen;
    const segmap *am; /* t -> input */
    const vp_rules *rules;
    const vp_family *fam;
    vp_matcher *m;
    uint64_t *hbits, *tbits; /* classify: the rules that can match a cell's head and tail */
    pline *ln;
    size_t nln;
    int layout;          /* 1: text laid out on pages (pdftotext -layout), lines joined */
    int plain;           /* plain text: a lone line break inside a sentence may be a wrap */
    int32_t margin, right; /* usual indent and right edge of body lines */
    /* output */
    vp_buf o;
    segmap om;
    /* scratch */
    tok *tk;
    size_t ntk, captk;
    vp_buf ct; /* text of the current cell */
    const uint8_t *rkind; /* K_* of each layout rule */
    /* the layout rules of those kinds */
    const kind_list *act, *cols, *tight, *dash, *word, *num, *flat, *split, *rows, *thead, *rownum, *tend, *run, *chead;
    /* the open output line */
    int open;     /* an output line has text and no '\n' yet */
    int p_closed; /* it ends a sentence/heading or stands alone */
    int p_hard;   /* it is a heading or stands alone */
    int p_caps;   /* it is in capitals */
    int p_soft;   /* it ends with ; or : */
    int p_semi;   /* it ends with ; */
    int p_full;   /* its last physical line reaches the right edge */
    int margin_used; /* body lines start at the margin (paragraphs are indented) */
    int p_tight;  /* it ends inside a number: join without space */
    int p_short;  /* its last physical line ends well before the right edge */
    int p_table;
    int p_col;    /* column block cell: 0 none, 1 left, 2 right */
    int p_single; /* column block cell from a row with one cell */
    size_t p_anchor;
    int want_blank; /* a blank line is due before the next text */
    int run_broke;  /* a page's running header (and its number) was dropped since the open line */
    wtab tab;       /* the columns of the last table laid out on a page, its rows reaching the */
    size_t tab_end; /* page's end at line tab_end (tab_ok): it may go on on the next page */
    int tab_ok;
    size_t tab_h, tab_hend; /* its head's lines (tab_h > tab_hend: none) */
    size_t rows_head;       /* 1 + the line heading a table whose rows are a line each, their
                             * cells set apart by tabs (0: none) */
    wline *wl;      /* the pieces of the lines of the table's page being read, from line wl_top */
    size_t wl_top, wl_cap;
    size_t nfoot;   /* footnotes at the foot of a page kept back (mark_footnotes) */
    size_t foot_a, foot_b; /* the lines of those waiting for the paragraph the page's turn cut to end */
    int foot_wait;
} lpass;

/* Append t[off, off+n) to the output, composing the maps. */
static void out_t(lpass *p, size_t off, size_t n)
{
    const segmap *am = p->am;
    while (n) {
        size_t piece = n, orig = off;
        if (am->n) {
            size_t k = seg_find(am, off);
            if (am->s[k].norm <= off) {
                orig = am->s[k].orig + (off - am->s[k].norm);
                if (k + 1 < am->n && am->s[k + 1].norm - off < piece)
                    piece = am->s[k + 1].norm - off;
            } else {
                orig = am->s[0].orig;
                if (am->s[0].norm - off < piece)
                    piece = am->s[0].norm - off;
            }
        }
        if (piece == 0)
            piece = n;
        seg_note(&p->om, p->o.len, orig);
        vp_buf_add(&p->o, p->t + off, piece);
        off += piece;
        n -= piece;
    }
}

/* Append literal bytes mapped to the input position of t[anchor]. */
static void out_lit(lpass *p, const char *s, size_t n, size_t anchor)
{
    size_t orig = seg_orig(p->am, anchor < p->tlen ? anchor : (p->tlen ? p->tlen - 1 : 0));
    seg_note(&p->om, p->o.len, orig);
    vp_buf_add(&p->o, s, n);
}

static void end_line(lpass *p, size_t anchor)
{
    if (p->open) {
        out_lit(p, "\n", 1, anchor);
        p->open = 0;
    }
}

/* The number of a footnote alone on line i of a text laid out in pages ("2" over "Quyết định số
 * 5521/QĐ-UBND …"): one to three figures; 0 when the line is none. */
static long footnote_number(const lpass *p, size_t i)
{
    const pline *L = &p->ln[i];
    size_t n = L->e - L->s;
    if (n == 0 || n > 3)
        return 0;
    long v = 0;
    for (size_t k = 0; k < n; k++) {
        char ch = p->t[L->s + k];
        if (ch < '0' || ch > '9')
            return 0;
        v = v * 10 + (ch - '0');
    }
    return v;
}

/* Write the footnotes kept back from a page's foot (mark_footnotes), lines [foot_a, foot_b], once the
 * paragraph the page's turn cut has ended: after a blank line, each note a line of its own, its text
 * without its number, its lines joined. */
static void flush_notes(lpass *p, size_t anchor)
{
    if (!p->foot_wait)
        return;
    p->foot_wait = 0;
    end_line(p, anchor);
    if (p->o.len) /* set apart by a blank line, as at the page's foot */
        out_lit(p, "\n", 1, anchor);
    for (size_t q = p->foot_a; q <= p->foot_b && q < p->nln; q++) {
        const pline *L = &p->ln[q];
        if (!(L->flags & LF_FOOTNOTE)) /* the text of a page between two pages' notes */
            continue;
        if (footnote_number(p, q)) { /* a note's number (mark_footnotes: each over its text) */
            end_line(p, L->s);
            continue;
        }
        if (p->open)
            out_lit(p, " ", 1, L->s);
        out_t(p, L->s, L->e - L->s);
        p->open = 1;
    }
    end_line(p, anchor);
    p->p_closed = p->p_hard = 1;
}

static int32_t col_width(const char *s, size_t n)
{
    /* the bytes that are not UTF-8 continuation bytes (10xxxxxx), eight at a time */
    size_t i = 0, cont = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        cont += (size_t)__builtin_popcountll(w & ~(w << 1) & 0x8080808080808080ULL);
    }
    for (; i < n; i++)
        cont += is_cont((unsigned char)s[i]);
    return (int32_t)(n - cont);
}

/* The end of the line that starts at t[i]: its '\n', a form feed, or tlen. */
static size_t line_end(const char *t, size_t i, size_t tlen)
{
    const char *nl = memchr(t + i, '\n', tlen - i);
    size_t e = nl ? (size_t)(nl - t) : tlen;
    const char *ff = memchr(t + i, '\f', e - i);
    return ff ? (size_t)(ff - t) : e;
}

/* Split the text into lines; record the non-blank ones. */

static void scan_lines(lpass *p)
{
    size_t cap = 0, i = 0;
    uint32_t blanks = 0;
    uint8_t flags = 0;
    const char *t = p->t;
    while (i <= p->tlen) {
        if (i == p->tlen)
            break;
        size_t e = line_end(t, i, p->tlen);
        size_t s = i, x = e;
        while (s < x && t[s] == ' ')
            s++;
        while (x > s && t[x - 1] == ' ')
            x--;
        if (s == x) {
            if (blanks < UINT32_MAX)
                blanks++;
        } else {
            if (p->nln == cap) {
                cap = cap ? cap * 2 : 256;
                p->ln = vp_xrealloc(p->ln, cap * sizeof *p->ln);
            }
            pline *L = &p->ln[p->nln++];
            L->s = s;
            L->e = x;
            L->indent = col_width(t + i, s - i);
            L->endcol = L->indent + col_width(t + s, x - s);
            vp_utf8_decode_fast(t + s, x - s, &L->first);
            L->last = last_cp(t + s, x - s, NULL);
            L->blanks = blanks;
            L->flags = flags;
            blanks = 0;
            flags = 0;
        }
        if (e < p->tlen && t[e] == '\f') {
            flags |= LF_PAGE;
            /* "\f" then the rest of the line: no blank counted for the break itself */
            if (s == x && blanks)
                blanks--;
        }
        i = e + 1;
    }
}

static int is_closing(int32_t cp)
{
    return cp == ')' || cp == ']' || cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0xBB ||
           cp == '*';
}

static int is_terminal(int32_t cp)
{
    return cp == '.' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* Does text end a sentence?  Returns the final punctuation mark, or 0. */
static int32_t ends_sentence(const char *s, size_t n)
{
    while (n) {
        size_t st;
        int32_t cp = last_cp(s, n, &st);
        if (is_closing(cp)) {
            n = st;
            continue;
        }
        return is_terminal(cp) ? cp : 0;
    }
    return 0;
}

/* All letters upper case, at least two of them. */
static int all_caps(const char *s, size_t n)
{
    size_t i = 0;
    int up = 0;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) {
            if (ch >= 'a' && ch <= 'z')
                return 0;
            if (ch >= 'A' && ch <= 'Z')
                up++;
            i++;
            continue;
        }
        int32_t cp;
        int l = vp_utf8_decode_fast(s + i, n - i, &cp);
        if (cp_is_lower(cp))
            return 0;
        if (cp_is_upper(cp))
            up++;
        i += (size_t)l;
    }
    return up >= 2;
}

/* Is s[0,n) a Roman section's number in capitals, alone or with a heading in capitals that ends
 * no sentence ("IV.", "III. NHIỆM VỤ VÀ GIẢI")?  *bare: the number alone. */
static int roman_heading_open(const char *s, size_t n, int *bare)
{
    size_t i = 0;
    while (i < n && s[i] == ' ')
        i++;
    size_t d = i;
    while (i < n && i - d < 7 && s[i] && strchr("IVXLC", s[i]))
        i++;
    if (i == d || i >= n || (s[i] != '.' && s[i] != ')' && s[i] != '-'))
        return 0;
    i++;
    while (i < n && s[i] == ' ')
        i++;
    *bare = i == n;
    return *bare || (all_caps(s + i, n - i) && !ends_sentence(s + i, n - i));
}

/* Is s[0,n) the start of a heading in capitals numbered in Roman figures (roman_heading_open),
 * or in Arabic ones or with a letter, some of its words after the number ("1. MỤC TIÊU CỤ",
 * "2.1. NHIỆM VỤ", "a) TĂNG CƯỜNG CƠ SỞ VẬT"; "1." alone is rather a site's page number before
 * the issuer's line)?  *bare when the number is all the line holds. */
static int numbered_heading_open(const char *s, size_t n, int *bare)
{
    if (roman_heading_open(s, n, bare))
        return 1;
    size_t i = 0;
    while (i < n && s[i] == ' ')
        i++;
    size_t d = i;
    if (i < n && s[i] >= '0' && s[i] <= '9') {
        while (i < n && i - d < 8 && ((s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')))
            i++;
        if (i >= n || (s[i] != '.' && s[i] != ')'))
            return 0;
    } else if (i < n && s[i] >= 'a' && s[i] <= 'z') {
        i++;
        if (i >= n || s[i] != ')')
            return 0;
    } else if (i + 1 < n && (unsigned char)s[i] == 0xC4 && (unsigned char)s[i + 1] == 0x91) { /* "đ" */
        i += 2;
        if (i >= n || s[i] != ')')
            return 0;
    } else {
        return 0;
    }
    i++;
    if (i < n && s[i] != ' ')
        return 0;
    while (i < n && s[i] == ' ')
        i++;
    *bare = 0;
    return i < n && all_caps(s + i, n - i) && !ends_sentence(s + i, n - i);
}

/* Words of s[0,n) (runs of characters between spaces). */
static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return w;
}

/* Start of a UTF-8 character at or before n. */
static size_t utf8_floor(const char *s, size_t n)
{
    while (n > 0 && is_cont((unsigned char)s[n]))
        n--;
    return n;
}

enum { W_DROP = 1, W_BLOCK = 2, W_TIGHT = 4, W_COLS = 8, W_ROWS = 16 };
#define DROP_MAX 200 /* longer lines are never page furniture */

/* Classify the cell text in p->ct with the rules selected by `what` (W_*);
 * [ds,de): the part to remove for A_DROP with a group "text". */
static int classify(lpass *p, int what, int *tight, int *columns, size_t *ds, size_t *de)
{
    const char *s = p->ct.data ? p->ct.data : "";
    size_t n = p->ct.len;
    size_t hn = n > RULE_HEAD_MAX ? utf8_floor(s, RULE_HEAD_MAX) : n;
    size_t ts = n > RULE_TAIL_MAX ? utf8_floor(s, n - RULE_TAIL_MAX) : 0;
    int act = A_NONE;
    *tight = 0;
    *columns = 0;
    *ds = *de = 0;
    if (n > DROP_MAX)
        what &= ~W_DROP;
    /* the text is not changed here: the rules that can match each of its two subjects are
     * asked for once, at the first rule that needs them */
    int head = 0, tail = 0;
#define EXEC_HEAD(r)                                                                                                 \
    ((head++ || (vp_matcher_candidates(p->m, s, hn, p->hbits), 1)) && vp_rule_candidate(r, p->hbits) &&             \
     vp_rule_exec_cand(r, p->m, s, hn, 0) == 1)
    /* the kinds decide apart from each other: each list in file order, the first match of a
     * list wins (drop, page, block and alone share one) */
    if (!p->fam->n)
        return act;
    if (what & W_TIGHT)
        for (size_t k = 0; k < p->tight->n && !*tight; k++) {
            const vp_rule *r = p->fam->rules[p->tight->idx[k]];
            *tight = (tail++ || (vp_matcher_candidates(p->m, s + ts, n - ts, p->tbits), 1)) &&
                     vp_rule_candidate(r, p->tbits) && vp_rule_exec_cand(r, p->m, s + ts, n - ts, 0) == 1;
        }
    if (what & W_COLS)
        for (size_t k = 0; k < p->cols->n && !*columns; k++)
            *columns = EXEC_HEAD(p->fam->rules[p->cols->idx[k]]);
    if (what & W_ROWS)
        for (size_t k = 0; k < p->rows->n && *columns >= 0; k++)
            if (EXEC_HEAD(p->fam->rules[p->rows->idx[k]]))
                *columns = -1; /* a row of its own */
    if (what & (W_DROP | W_BLOCK))
        for (size_t k = 0; k < p->act->n && act == A_NONE; k++) {
            size_t i = p->act->idx[k];
            int kind = p->rkind[i];
            int drop = kind == K_DROP || kind == K_PAGE;
            if (!(what & (drop ? W_DROP : W_BLOCK)) || !EXEC_HEAD(p->fam->rules[i]))
                continue;
            act = kind == K_DROP ? A_DROP : kind == K_PAGE ? A_PAGE : kind == K_BLOCK ? A_BLOCK : A_ALONE;
            size_t gs, ge;
            if (act == A_DROP && vp_match_group(p->m, "text", &gs, &ge)) {
                *ds = gs;
                *de = ge;
            }
        }
#undef EXEC_HEAD
    return act;
}

/* Pass 1b: a header flattened into one line ("UBND TỈNH X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 * ... Độc lập - Tự do - Hạnh phúc Số: 12/UBND X, ngày ... V/v ..."), as document-sharing
 * sites and some text extractions give it, is cut back into its lines.  A line matched by an
 * action=flat rule (in its first RULE_HEAD_MAX bytes) is searched, the whole of it (a page
 * copied as one line has its recipients and signature at its end), by every action=split rule;
 * each match is a split point: the start of its group "text", else of the match, and the
 * search goes on after the match (each rule reads the line once).  The blank before a
 * split point becomes a line break: no byte moves, so the offset map stays valid.  All points
 * of a line are found before the line is changed. */
static void pass_flat(lpass *p, char *t, size_t tlen)
{
    if (!t || !p->fam->n || !p->flat->n || !p->split->n)
        return;
    size_t *pts = NULL, npts = 0, cap = 0;
    for (size_t i = 0; i < tlen;) {
        size_t e = line_end(t, i, tlen);
        const char *s = t + i;
        size_t n = e - i;
        size_t hn = n > RULE_HEAD_MAX ? utf8_floor(s, RULE_HEAD_MAX) : n;
        int flat = 0;
        /* the few flat rules run without the prefilter: a scan of every line for them costs
         * more than they do, and the lines are scanned later in the form the stages read */
        for (size_t k = 0; k < p->flat->n && !flat; k++)
            flat = vp_rule_exec_cand(p->fam->rules[p->flat->idx[k]], p->m, s, hn, 0) == 1;
        if (flat) {
            npts = 0;
            for (size_t k = 0; k < p->split->n; k++) {
                const vp_rule *r = p->fam->rules[p->split->idx[k]];
                size_t from = 0;
                while (from < n && vp_rule_exec(r, p->m, s, n, from) == 1) {
                    size_t ms, me, gs, ge;
                    vp_match_range(p->m, &ms, &me);
                    size_t at = vp_match_group(p->m, "text", &gs, &ge) ? gs : ms;
                    if (npts == cap) {
                        cap = cap ? cap * 2 : 32;
                        pts = vp_xrealloc(pts, cap * sizeof *pts);
                    }
                    pts[npts++] = at;
                    if (me > from && me > ms)
                        from = me;
                    else {
                        from = ms + 1;
                        while (from < n && is_cont((unsigned char)s[from]))
                            from++;
                    }
                }
            }
            for (size_t k = 0; k < npts; k++)
                if (pts[k] > 0 && pts[k] <= n && (s[pts[k] - 1] == ' ' || s[pts[k] - 1] == '\t'))
                    t[i + pts[k] - 1] = '\n';
        }
        i = e + 1;
    }
    free(pts);
}

#define RUNIN_MIN_LINE 160 /* bytes of a line before a numbered list run into it is looked for */
#define RUNIN_MAX 128      /* markers of one line held before their cuts are made */

/* A list marker at t[q] (q < e): "12. " or "3) " before a capital letter (*roman 0), or a
 * Roman number "II. " (*roman 1); its value, or 0 when there is none. */
static int runin_marker(const char *t, size_t q, size_t e, int *roman)
{
    size_t k = q;
    int v = 0;
    *roman = 0;
    if (t[k] >= '0' && t[k] <= '9') {
        while (k < e && k - q < 3 && t[k] >= '0' && t[k] <= '9')
            v = v * 10 + (t[k++] - '0');
        if (k - q > 2 || v == 0 || k >= e || (t[k] != '.' && t[k] != ')'))
            return 0;
    } else {
        static const char *const rn[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
        while (k < e && k - q < 5 && (t[k] == 'I' || t[k] == 'V' || t[k] == 'X'))
            k++;
        if (k == q || k >= e || t[k] != '.')
            return 0;
        for (int r = 0; r < 12 && !v; r++)
            if (strlen(rn[r]) == k - q && memcmp(rn[r], t + q, k - q) == 0)
                v = r + 1;
        if (!v)
            return 0;
        *roman = 1;
    }
    k++;
    if (k + 1 >= e || t[k] != ' ')
        return 0;
    int32_t cp;
    int l = vp_utf8_decode(t + k + 1, e - k - 1, &cp);
    return l > 0 && cp_is_upper(cp) ? v : 0;
}

/* The length in bytes of a fill-in run at t[k..e): "_", "." and "…" (E2 80 A6) only, three "_" or "."
 * or two "…" at least, ending the line or before a blank; 0 when there is none.  *mark is the
 * mark it is kept as ('_', '.', or 'e' for "…"). */
static size_t fill_run(const char *t, size_t k, size_t e, char *mark)
{
    size_t a = k, nu = 0, nd = 0, ne = 0;
    while (k < e) {
        if (t[k] == '_')
            nu++, k++;
        else if (t[k] == '.')
            nd++, k++;
        else if (k + 2 < e && (unsigned char)t[k] == 0xE2 && (unsigned char)t[k + 1] == 0x80 &&
                 (unsigned char)t[k + 2] == 0xA6)
            ne++, k += 3;
        else
            break;
    }
    if (k < e && t[k] != ' ' && t[k] != '\t')
        return 0;
    if (nu >= 3 && nu >= nd + ne)
        *mark = '_';
    else if (ne >= 2 || (ne >= 1 && nd + ne >= 3))
        *mark = 'e';
    else if (nd >= 3)
        *mark = '.';
    else
        return 0;
    return k - a;
}

/* A fill-in field of a form: a label ending with ":" and, right after it or after blanks or a tab,
 * a run of "_", "." or "…" to write in ("Họ và tên:        ______", "Đơn vị:\t……………", "Họ tên:
 * ………", "Địa chỉ:........"): the run is kept short one space after the label ("Họ và tên: ___",
 * "Đơn vị: …"; one already as short as that is left as written), the rest blanks, so the
 * field stays one line and is not read as a label beside a rule drawn in a cell (pass_rule_cells)
 * nor its run as a rule line dropped on its own.  No byte moves, so the offset map stays valid.
 * Returns the fields kept. */
static size_t pass_fill_fields(char *t, size_t tlen)
{
    size_t n = 0, i = 0;
    while (i < tlen) {
        size_t e = i;
        while (e < tlen && t[e] != '\n')
            e++;
        for (size_t k = i; k < e; k++) {
            if (t[k] != ':' || k == i || t[k - 1] == ' ' || t[k - 1] == '\t')
                continue;
            size_t g = k + 1;
            while (g < e && (t[g] == ' ' || t[g] == '\t'))
                g++;
            char mark = 0;
            size_t r = g < e ? fill_run(t, g, e, &mark) : 0;
            /* room for the blank and the short run: one no longer than that stays as it is */
            if (!r || g + r - (k + 1) < 4)
                continue;
            memset(t + k + 1, ' ', g + r - (k + 1));
            if (mark == 'e')
                memcpy(t + k + 2, "\xE2\x80\xA6", 3);
            else
                memset(t + k + 2, mark, 3);
            n++;
            k = g + r - 1;
        }
        i = e + 1;
    }
    return n;
}

/* A rule drawn in a cell of a row, set apart by gaps of three spaces or more (a tab) from the text
 * before it: the line under a header's motto in a Word table written out as text ("SỞ Y TẾ      ______
 * Độc lập - Tự do - Hạnh phúc", "Số: 45/KH-SYT      _____      Nghệ An, ngày …"), three or more "_"
 * and nothing else, becomes blanks, so the row is the two cells beside it.  No byte moves, so the
 * offset map stays valid.  Returns the cells blanked. */
static size_t pass_rule_cells(char *t, size_t tlen)
{
    size_t n = 0, i = 0;
    while (i < tlen) {
        size_t e = i;
        while (e < tlen && t[e] != '\n')
            e++;
        int text = 0; /* text seen before on the line */
        size_t k = i;
        while (k < e) {
            if (t[k] == ' ') {
                k++;
                continue;
            }
            size_t a = k, gap = 0;
            for (size_t g = a; g > i && t[g - 1] == ' '; g--)
                gap++;
            while (k < e && t[k] == '_')
                k++;
            if (text && gap >= 3 && k - a >= 3 && (k == e || (k + 2 < e && t[k] == ' ' && t[k + 1] == ' ' && t[k + 2] == ' '))) {
                memset(t + a, ' ', k - a);
                n++;
                continue;
            }
            while (k < e && t[k] != ' ')
                k++;
            text = 1;
        }
        i = e + 1;
    }
    return n;
}

/* Pass 1c: a numbered list run into one paragraph ("... như sau: 1. Tốc độ tăng ... đạt 16%.
 * 2. Thu nhập ... 3. ...", as news pages and copied text give it) is cut back into its
 * items.  A marker (runin_marker) counts where it starts the line or follows a blank after
 * . ; : ! ? or ')' (a Roman one also after a digit: "giai đoạn 2021-2025 I. Về kinh tế").
 * The markers taken are those that count on in order (1, 2, 3 ...; I, II ...), the Arabic
 * count starting again at 1 after a Roman marker; with two or more of them inside the line
 * (a line with fewer than two "N. " is passed over at once), the blank before each becomes
 * a line break: no byte moves, so the offset map stays valid.  Returns the lines cut. */
static size_t pass_runin(char *t, size_t tlen)
{
    size_t cuts = 0;
    for (size_t i = 0; t && i < tlen;) {
        size_t e = line_end(t, i, tlen);
        if (e - i < RUNIN_MIN_LINE) {
            i = e + 1;
            continue;
        }
        /* a list needs two numbers followed by ". " in the line: found among its few dots */
        int nums = 0;
        for (const char *d = memchr(t + i, '.', e - i); d && nums < 2; d = memchr(d + 1, '.', (size_t)(t + e - d - 1)))
            nums += d > t + i && d[-1] >= '0' && d[-1] <= '9' && d + 1 < t + e && d[1] == ' ';
        if (nums < 2) {
            i = e + 1;
            continue;
        }
        size_t at[RUNIN_MAX], nat = 0, rat = 0, made = 0; /* rat: where the last Roman marker taken starts */
        int next = 1, rnext = 1, restart = 0;
        /* the line's start, then each blank's next byte (a list of more than RUNIN_MAX markers
         * is cut as it is read: the whole line, once) */
        for (size_t q = i, start = 1; q < e; start = 0) {
            if (nat == RUNIN_MAX) {
                for (size_t k = 0; k < nat; k++)
                    t[at[k]] = '\n';
                made += nat;
                nat = 0;
            }
            int roman;
            if (!start) {
                const char *sp = memchr(t + q, ' ', e - q);
                if (!sp)
                    break;
                q = (size_t)(sp - t) + 1;
                if (q >= e || q - i < 2)
                    continue;
                char b = t[q - 2];
                int after = b == '.' || b == ';' || b == ':' || b == '!' || b == '?' || b == ')';
                /* a Roman section's first item also right after its heading in capitals ("I. MỤC
                 * ĐÍCH, YÊU CẦU 1. Nâng cao …") */
                int under = restart && rat && t[q] >= '1' && t[q] <= '9' && all_caps(t + rat, q - 1 - rat);
                if (!after && !under && !(b >= '0' && b <= '9' && (t[q] == 'I' || t[q] == 'V' || t[q] == 'X')))
                    continue;
            }
            int v = runin_marker(t, q, e, &roman);
            if (!v)
                continue;
            if (roman) {
                if (v != rnext)
                    continue;
                rnext = v + 1;
                restart = 1;
                rat = q;
            } else if (v == next || (v == 1 && restart)) {
                next = v + 1;
                restart = 0;
            } else if (start) {
                next = v + 1; /* the line starts inside a list */
                continue;
            } else {
                continue;
            }
            if (!start)
                at[nat++] = q - 1;
        }
        if (nat + made >= 2) {
            for (size_t k = 0; k < nat; k++)
                t[at[k]] = '\n';
            cuts += nat + made;
        }
        i = e + 1;
    }
    return cuts;
}

/* The bytes that may start a mark of punctuation a space before goes from (glued_at) */
static const uint8_t GLUE_AFTER[256] = {[','] = 1, [';'] = 1, [':'] = 1, ['.'] = 1, ['!'] = 1,
                                        ['?'] = 1, [')'] = 1, ['%'] = 1};

/* Tokens of t[s,e): words separated by spaces; with table=1 gaps of 3+ spaces become " | ". */
static void tokenize(lpass *p, size_t s, size_t e, int table)
{
    p->ntk = 0;
    p->ct.len = 0;
    if (p->ct.data)
        p->ct.data[0] = 0;
    size_t i = s;
    int sep = 0;
    const char *t = p->t;
    while (i < e) {
        size_t g = i;
        while (i < e && t[i] == ' ')
            i++;
        if (i >= e)
            break;
        if (p->ntk)
            sep = (table && i - g >= 3) ? 2 : 1;
        size_t w = i;
        int glue = 0;
        /* a run of words separated by single spaces is one token */
        for (;;) {
            const char *sp = memchr(t + i, ' ', e - i);
            i = sp ? (size_t)(sp - t) : e;
            if (i + 1 < e && t[i + 1] != ' ') {
                glue |= GLUE_AFTER[(unsigned char)t[i + 1]] | (i > w && t[i - 1] == '(');
                i++;
                continue;
            }
            break;
        }
        if (p->ntk == p->captk) {
            p->captk = p->captk ? p->captk * 2 : 64;
            p->tk = vp_xrealloc(p->tk, p->captk * sizeof *p->tk);
        }
        p->tk[p->ntk].s = w;
        p->tk[p->ntk].e = i;
        p->tk[p->ntk].sep = p->ntk ? sep : 0;
        p->tk[p->ntk].glue = glue;
        p->ntk++;
        if (sep == 2)
            vp_buf_add(&p->ct, " | ", 3);
        else if (sep == 1)
            vp_buf_addc(&p->ct, ' ');
        vp_buf_add(&p->ct, t + w, i - w);
    }
}

/* Does a word (or a closing bracket or quote, or a per cent sign) end at s[n-1]? */
static int ends_word(const char *s, size_t n)
{
    unsigned char c = n ? (unsigned char)s[n - 1] : 0;
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == ')' || c == '"' ||
           c == '%';
}

/* Length of the mark of punctuation at t[i] (< end) that goes on the word before it, a space or
 * the end after it ("," ";" ":" "." "!" "?" ")" and the closing "./.": "lợi , khoa" is written
 * "lợi, khoa"; "%" after a figure, "50 %"); 0 for none. */
static size_t glued_at(const char *t, size_t i, size_t end, int after_digit)
{
    size_t n = i + 3 <= end && !memcmp(t + i, "./.", 3) ? 3 : 1;
    unsigned char c = (unsigned char)t[i];
    if (n == 1 && !(GLUE_AFTER[c] && (c != '%' || after_digit)))
        return 0;
    return i + n == end || t[i + n] == ' ' ? n : 0;
}

/* Is the token s[0, n) a mark of punctuation that goes on the word before it? */
static int after_word_punct(const char *s, size_t n) { return glued_at(s, 0, n, 0) == n; }

/* Append the token t[off, off+n), its spaces before a mark of punctuation ("lợi , khoa", "50 %")
 * and after an opening bracket ("( chung") left out. */
static void out_glued(lpass *p, size_t off, size_t n)
{
    const char *t = p->t;
    size_t a = off, end = off + n;
    for (size_t i = off + 1; i + 1 < end; i++) {
        if (t[i] != ' ')
            continue;
        int drop = (ends_word(t + off, i - off) && glued_at(t, i + 1, end, t[i - 1] >= '0' && t[i - 1] <= '9')) ||
                   (t[i - 1] == '(' && (i - 1 == off || t[i - 2] == ' ') && t[i + 1] != ' ' && !glued_at(t, i + 1, end, 0));
        if (drop) {
            out_t(p, a, i - a);
            a = i + 1;
        }
    }
    out_t(p, a, end - a);
}

/* Write the tokens; skip the bytes [ds,de) of the cell text (a dropped part). */
static void out_tokens(lpass *p, size_t ds, size_t de)
{
    size_t pos = 0; /* position in the cell text */
    int any = 0;
    for (size_t k = 0; k < p->ntk; k++) {
        tok *t = &p->tk[k];
        size_t sl = t->sep == 2 ? 3 : (size_t)t->sep;
        size_t ws = pos + sl, we = ws + (t->e - t->s);
        pos = we;
        if (ds < de && ws < de && we > ds) {
            /* word overlaps the removed part: keep what lies outside */
            size_t a = ws < ds ? ds - ws : 0, b = we > de ? (t->e - t->s) - (we - de) : 0;
            if (a) {
                if (any && t->sep)
                    out_t(p, p->tk[k - 1].e, 1);
                out_t(p, t->s, a);
                any = 1;
            }
            if (b) {
                if (any)
                    out_lit(p, " ", 1, t->s);
                out_t(p, t->e - b, b);
                any = 1;
            }
            continue;
        }
        const tok *pt = k ? &p->tk[k - 1] : NULL;
        int glue = pt && ((after_word_punct(p->t + t->s, t->e - t->s) && ends_word(p->t + pt->s, pt->e - pt->s)) ||
                          (pt->e - pt->s == 1 && p->t[pt->s] == '(' && !after_word_punct(p->t + t->s, t->e - t->s)));
        if (any && t->sep == 1 && !glue)
            out_t(p, p->tk[k - 1].e, 1);
        else if (any && t->sep == 2)
            out_lit(p, " | ", 3, p->tk[k - 1].e);
        if (t->glue)
            out_glued(p, t->s, t->e - t->s);
        else
            out_t(p, t->s, t->e - t->s);
        any = 1;
    }
}

typedef struct cellinfo {
    int col;      /* 0 ordinary line, 1 left cell, 2 right cell */
    int single;   /* a cell of a column-block row with one cell */
    int table;    /* a table row: cells joined by " | " */
    int page_near;
    int crossed; /* a page's break or its dropped number just before */
    int32_t indent, endcol;
    uint32_t blanks;
    int page; /* a page break just before */
} cellinfo;

#define WRAP_MIN 60 /* bytes of an output line before a lone line break inside a sentence */

/* Bytes of the output line still open (after the last line break written). */
static size_t open_line_len(const lpass *p)
{
    const char *nl = p->o.len ? memrchr(p->o.data, '\n', p->o.len) : NULL;
    return nl ? p->o.len - (size_t)(nl - p->o.data) - 1 : p->o.len;
}

/* Does the open line start with an item's number ("3. ", "2.1. ", "a) ", the Party's "1- ")? */
static int open_line_numbered(const lpass *p)
{
    size_t n = open_line_len(p), i = 0;
    const char *s = p->o.data + p->o.len - n;
    while (i < n && s[i] == ' ')
        i++;
    size_t d = i;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') ||
                     (s[i] == '.' && i > d && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')))
        i++;
    if (i == d && i < n && s[i] >= 'a' && s[i] <= 'z' && i + 1 < n && s[i + 1] == ')')
        i++;
    else if (i == d || i - d > 8)
        return 0;
    return i + 1 < n && (s[i] == '.' || s[i] == ')' || s[i] == '-') && s[i + 1] == ' ';
}

/* Letters of the first word of s (a piece of a word cut at the line's start, "ố 09/2019/NĐ-CP", has one). */
static size_t word_letters(const char *s, size_t n)
{
    size_t i = 0, k = 0;
    while (i < n && s[i] != ' ') {
        int32_t cp;
        int l = vp_utf8_decode_fast(s + i, n - i, &cp);
        k += cp_is_letter(cp);
        i += (size_t)(l > 0 ? l : 1);
    }
    return k;
}

/* Is the first word of s all letters (a word of a sentence, not "headers/003.txt" or "a)")? A
 * comma, semicolon or full stop may end it. */
static int first_word_letters(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] != ' ') {
        int32_t cp;
        int l = vp_utf8_decode_fast(s + i, n - i, &cp);
        int last = i + (size_t)l >= n || s[i + (size_t)l] == ' ';
        if (!cp_is_letter(cp) && !(last && (cp == ',' || cp == ';' || cp == '.')))
            return 0;
        i += (size_t)l;
    }
    return i > 0;
}

/* The first rule of list l that matches s[0,n), else NULL.  bits: the caller's scratch for the
 * rules that can. */
static const vp_rule *list_first_bits(lpass *p, const kind_list *l, const char *s, size_t n, uint64_t *bits)
{
    if (!l->n || !n)
        return NULL;
    vp_matcher_candidates(p->m, s, n, bits);
    for (size_t k = 0; k < l->n; k++) {
        const vp_rule *r = p->fam->rules[l->idx[k]];
        if (vp_rule_candidate(r, bits) && vp_rule_exec_cand(r, p->m, s, n, 0) == 1)
            return r;
    }
    return NULL;
}

/* Does a rule of list l match s[0,n)? */
static int list_match_bits(lpass *p, const kind_list *l, const char *s, size_t n, uint64_t *bits)
{
    return list_first_bits(p, l, s, n, bits) != NULL;
}

static int list_match(lpass *p, const kind_list *l, const char *s, size_t n)
{
    return list_match_bits(p, l, s, n, p->hbits);
}

#define DASH_SIDE 96 /* bytes of each line a join-dash or join-word rule sees */

/* Does a rule of list l match the seam of the open line and the line s: the end of the open
 * line, a line break, and the start of s? */
static int seam_match(lpass *p, const kind_list *l, const char *s, size_t n)
{
    size_t ol = open_line_len(p);
    size_t take = ol > DASH_SIDE ? DASH_SIDE : ol;
    const char *o = p->o.data + p->o.len - take;
    size_t skip = 0; /* start at a character */
    while (skip < take && is_cont((unsigned char)o[skip]))
        skip++;
    char buf[2 * DASH_SIDE + 2];
    size_t bl = take - skip;
    memcpy(buf, o + skip, bl);
    buf[bl++] = '\n';
    size_t hn = n > DASH_SIDE ? utf8_floor(s, DASH_SIDE) : n;
    memcpy(buf + bl, s, hn);
    bl += hn;
    return list_match_bits(p, l, buf, bl, p->tbits);
}

/* Does the line s (a dash, then a letter) go on the open line as the second half of a
 * dashed compound ("… phát triển kinh tế" + "- xã hội và …")? The join-dash rules see the end of
 * the open line, a line break, and the start of this one. */
static int dash_goes_on(lpass *p, const char *s, size_t n)
{
    if (!p->dash->n || n < 3 || !p->open || p->p_closed)
        return 0;
    int32_t cp;
    size_t i = (size_t)vp_utf8_decode_fast(s, n, &cp);
    if (cp != '-' && cp != 0x2013)
        return 0;
    if (i < n && s[i] == ' ')
        i++;
    if (i >= n)
        return 0;
    vp_utf8_decode_fast(s + i, n - i, &cp);
    if (!cp_is_lower(cp)) {
        /* a capital after the dash goes on a name cut at its dash ("… của Sở Lao động" + "-
         * Thương binh và Xã hội tỉnh …"), not on an item of a list of dashes ("- Kinh tế" +
         * "- Xã hội") */
        size_t ol = open_line_len(p);
        const char *o = p->o.data + p->o.len - ol;
        size_t k = 0;
        while (k < ol && o[k] == ' ')
            k++;
        /* (0xE2 opens "–" and "•" in UTF-8) */
        if (k >= ol || o[k] == '-' || o[k] == '+' || (unsigned char)o[k] == 0xE2 || !memchr(o + k, ' ', ol - k))
            return 0;
    }
    return seam_match(p, p->dash, s, n);
}

/* "… chủ động thực hi-" + "ện vệ sinh …": a syllable a page's copy broke at the line's end with a
 * hyphen of its own: the hyphen goes when the letters before it and the small letters that open the
 * next line make one Vietnamese syllable ("hiện"); a hyphen of the text stays ("Covid-" + "19",
 * "KH-" + "UBND", "Sars-" + "CoV-2", "Văn hóa-" + "Thể thao"). */
static int drop_syllable_hyphen(lpass *p, const char *s, size_t n)
{
    size_t ol = p->o.len;
    if (ol < 2 || p->o.data[ol - 1] != '-')
        return 0;
    size_t ls = ol - 1, st;
    while (ls > 0) {
        int32_t cp = last_cp(p->o.data, ls, &st);
        if (!cp_is_letter(cp))
            break;
        ls = st;
    }
    size_t re = 0;
    while (re < n) {
        int32_t cp;
        int l = vp_utf8_decode_fast(s + re, n - re, &cp);
        if (l <= 0 || !cp_is_letter(cp) || (re == 0 && !cp_is_lower(cp)))
            break;
        re += (size_t)l;
    }
    char w[32];
    size_t left = ol - 1 - ls;
    if (!left || !re || left + re > sizeof w)
        return 0;
    size_t st1;
    int32_t one = last_cp(p->o.data, ol - 1, &st1);
    /* one letter ("phục v-" + "ụ", "đ-" + "ảm bảo"): a small one that is no word of its own, a word
     * after a word ("A-" opens its line, "v-" + "2" stays) */
    if (st1 == ls && (!cp_is_lower(one) || ls < 2 || p->o.data[ls - 1] != ' ' || vp_detect_syllable(p->o.data + ls, left)))
        return 0;
    memcpy(w, p->o.data + ls, left);
    memcpy(w + left, s, re);
    if (!vp_detect_syllable(w, left + re))
        return 0;
    p->o.len--;
    return 1;
}

/* Emit one cell (tokens already in p->tk / p->ct). Returns 1 when something was written. */
static int emit_cell(lpass *p, const cellinfo *ci, int *carry_page)
{
    if (!p->ntk)
        return 0;
    int tight, columns;
    size_t ds, de;
    int act = classify(p, W_DROP | (p->layout ? W_BLOCK | W_TIGHT : 0), &tight, &columns, &ds, &de);
    (void)columns;
    if (act == A_PAGE) {
        if (ci->page_near || (ci->indent >= 15 && ci->col == 0))
            act = A_DROP;
        else
            act = A_NONE;
    }
    if (act == A_DROP && !(ds < de)) {
        *carry_page = *carry_page || ci->page || ci->page_near;
        return 0;
    }
    const char *s = p->ct.data;
    size_t n = p->ct.len;
    int broke = p->run_broke;
    p->run_broke = 0;
    int caps = all_caps(s, n);
    int starts_block = act == A_BLOCK || act == A_ALONE || caps || ci->table;
    /* join with the open line? */
    int join = 0;
    int32_t f;
    vp_utf8_decode_fast(s, n, &f);
    /* a plain text not laid out in lines of a page (one line a paragraph) may still have a line
     * broken inside a sentence here and there (a DOCX's or a page's lines are its paragraphs):
     * the line written so far is long (short lines are a header's fields, a title, a byline),
     * or ends on a word no sentence ends on ("… sơ kết vào" + "ngày 15/6/2025": join-word), and
     * ends no sentence, this one starts with a small letter, and no block rule says it starts
     * something ("a) …"); or it starts with a figure a join-word rule says the open line's last
     * word wants ("… hoàn thành trước ngày" + "15/8/2024.", "… trong quý" + "II/2025."), or a
     * name ("… báo cáo kết quả về" + "UBND huyện …"); a short line too when a page's running
     * header broke it ("2. Sở Tài chính bố trí" / "Kế hoạch … năm 2026" / "3" / "kinh phí …"); a
     * long line that ends a clause with ";" goes on too when the next one starts with a small letter
     * ("… của các cơ sở chăn nuôi;" + "đồng thời xử lý nghiêm …") */
    int lone_wrap = 0;
    int figure = (f >= '0' && f <= '9') || f == 'I' || f == 'V'; /* "II/2025" is in capitals */
    int clause = p->p_semi && !p->p_hard && open_line_len(p) >= WRAP_MIN && cp_is_lower(f) && word_letters(s, n) >= 2;
    if (!p->layout && p->plain && p->open && !p->want_blank && !p->p_table && !ci->table && !ci->col && !p->p_col &&
        (!p->p_closed || clause) && act == A_NONE && (!starts_block || (figure && caps)) &&
        ((!starts_block && cp_is_lower(f) &&
          (open_line_len(p) >= WRAP_MIN || broke || (p->word->n && seam_match(p, p->word, s, n))) &&
          first_word_letters(s, n)) ||
         ((figure || (!starts_block && cp_is_upper(f))) && p->word->n && seam_match(p, p->word, s, n)))) {
        int t2, c2;
        size_t s2, e2;
        lone_wrap = classify(p, W_BLOCK, &t2, &c2, &s2, &e2) == A_NONE;
    }
    /* "… kinh tế" + "- xã hội": a dashed compound broken at its dash; "MỤC ĐÍCH," + "YÊU CẦU": a
     * heading in capitals broken after a comma */
    int goes_on = 0, num_seam = 0;
    if (p->open && !p->want_blank && !p->p_table && !ci->table && ci->col == p->p_col) {
        goes_on = ((act == A_BLOCK || act == A_NONE) && dash_goes_on(p, s, n)) ||
                  (caps && p->p_caps && act == A_NONE && p->o.len && p->o.data[p->o.len - 1] == ',');
        /* a Roman section's heading in capitals broken at a page's end ("III. NHIỆM VỤ VÀ GIẢI" /
         * the page's number / "PHÁP"), its number alone on the line before the page's end ("IV." /
         * "3" / "TỔ CHỨC THỰC HIỆN"), or the last word or two of its heading wrapped ("KINH PHÍ
         * THỰC" / "HIỆN"), and so one numbered "1." or lettered "a)" ("1. MỤC TIÊU CỤ" / "THỂ"):
         * the line in capitals goes on it, unless it starts something itself */
        int bare;
        size_t ol = open_line_len(p);
        if (!goes_on && caps && act == A_NONE && numbered_heading_open(p->o.data + p->o.len - ol, ol, &bare) &&
            (bare || ci->crossed || count_words(s, n) <= 2)) {
            int t2, c2;
            size_t s2, e2;
            goes_on = classify(p, W_BLOCK, &t2, &c2, &s2, &e2) == A_NONE;
        }
        /* "… là 1.250." + "000.000 đồng": a number broken after a group's dot (join-number
         * rules see the seam), joined without a space */
        num_seam = !goes_on && p->num->n && act == A_NONE && f >= '0' && f <= '9' && seam_match(p, p->num, s, n);
    }
    if (goes_on || num_seam)
        join = 1;
    else if (p->open && (p->layout || lone_wrap) && !p->want_blank && !p->p_table && !ci->table &&
        ci->col == p->p_col) {
        int cells_ok = !ci->col || ci->single || p->p_single;
        if (p->p_tight && act != A_ALONE)
            join = 1;
        else if ((starts_block && !lone_wrap &&
                  /* "… trong quý" + "II/2025." in capitals, in a text laid out on pages too */
                  !(figure && caps && act == A_NONE && p->word->n && seam_match(p, p->word, s, n))) ||
                 !cells_ok || p->p_hard)
            join = 0;
        else if (!p->p_closed)
            /* not after a short line, when this one starts a sentence indented, or the short
             * line is a numbered item's heading ("3. Kiểm tra, thanh tra" over "Thanh tra Bộ
             * xây dựng …" at the margin) */
            join = !(ci->col == 0 && p->p_short && (cp_is_upper(f) || (f >= '0' && f <= '9')) &&
                     (ci->indent > p->margin + 2 || open_line_numbered(p)));
        else if (p->p_soft && cp_is_lower(f))
            join = 1; /* "...;" + "xem xét, ..." */
        else if (ci->col == 0 && p->p_full && ci->indent <= p->margin + 1 && p->margin_used)
            join = 1; /* a full line, then one at the margin: the paragraph goes on */
    }
    size_t anchor = p->tk[0].s ? p->tk[0].s - 1 : 0;
    if (join) {
        /* in a plain text too, where its lines are its paragraphs' ("… thực hi-" + "ện …") */
        if (!num_seam && (p->p_tight || lone_wrap) && drop_syllable_hyphen(p, s, n))
            ;
        else if (!p->p_tight && !num_seam)
            out_lit(p, " ", 1, anchor);
    } else {
        end_line(p, anchor);
        flush_notes(p, anchor);
        if (p->want_blank && p->o.len)
            out_lit(p, "\n", 1, anchor);
        p->want_blank = 0;
    }
    size_t before = p->o.len;
    out_tokens(p, ds, de);
    if (p->o.len == before && !join) {
        return 0;
    }
    p->open = 1;
    size_t lstart = p->o.len;
    while (lstart > 0 && p->o.data[lstart - 1] != '\n')
        lstart--;
    int32_t endc = ends_sentence(s, n);
    p->p_hard = act == A_ALONE || caps;
    p->p_caps = caps;
    p->p_closed = p->p_hard || endc != 0;
    p->p_soft = endc == ';' || endc == ':' || endc == ',';
    p->p_semi = endc == ';';
    p->p_tight = tight;
    p->p_table = ci->table;
    p->p_col = ci->col;
    p->p_single = ci->single;
    p->p_short = ci->col == 0 && p->right > 0 && ci->endcol * 4 < p->right * 3;
    p->p_full = ci->col == 0 && p->right > 0 && ci->endcol * 10 >= p->right * 9;
    p->p_anchor = p->tk[p->ntk - 1].e;
    return 1;
}

/* Is the line a row of cells parted by "|", as a text table writes one ("| 1 | Sở Y tế |",
 * "1 | Sở Y tế | Quý II/2025"): two bars or more with a space beside them? */
static int bar_row(const char *s, size_t n)
{
    int bars = 0;
    for (size_t i = 0; i < n && bars < 2; i++)
        bars += s[i] == '|' && ((i > 0 && s[i - 1] == ' ') || (i + 1 < n && s[i + 1] == ' '));
    return bars >= 2;
}

/* Is s[0..n) a group's number in a table ("I", "IV", "A", "B.", "1")? */
static int group_number(const char *s, size_t n)
{
    if (n && s[n - 1] == '.')
        n--;
    if (!n || n > 4)
        return 0;
    int roman = 1, digits = 1;
    for (size_t i = 0; i < n; i++) {
        roman &= strchr("IVXL", s[i]) != NULL && s[i] != 0;
        digits &= s[i] >= '0' && s[i] <= '9';
    }
    return roman || digits || (n == 1 && s[0] >= 'A' && s[0] <= 'Z');
}

/* Blank columns of a line: gaps of 3+ spaces (not before a ":"), and the space before/after it. */
typedef struct gap {
    int32_t a, b; /* [a,b) */
} gap;

static size_t line_gaps(const lpass *p, const pline *L, gap *g, size_t max)
{
    size_t n = 0;
    g[n].a = 0;
    g[n].b = L->indent;
    n++;
    int32_t col = L->indent;
    size_t i = L->s;
    while (i < L->e && n + 1 < max) {
        if (p->t[i] == ' ') {
            size_t j = i;
            while (j < L->e && p->t[j] == ' ')
                j++;
            /* a label's ":" set apart ("Tỷ lệ hộ nghèo          : dưới 1,5%") opens no column */
            if (j - i >= 3 && !(j < L->e && p->t[j] == ':')) {
                g[n].a = col;
                g[n].b = col + (int32_t)(j - i);
                n++;
            }
            col += (int32_t)(j - i);
            i = j;
            continue;
        }
        if (!is_cont((unsigned char)p->t[i]))
            col++;
        i++;
    }
    g[n].a = L->endcol;
    g[n].b = INT32_MAX;
    n++;
    return n;
}

/* Byte offset in line L of column `col` (clamped to the line). */
static size_t col_byte(const lpass *p, const pline *L, int32_t col)
{
    if (col <= L->indent)
        return L->s;
    int32_t c = L->indent;
    size_t i = L->s;
    while (i < L->e && c < col) {
        i++;
        while (i < L->e && is_cont((unsigned char)p->t[i]))
            i++;
        c++;
    }
    return i;
}

/* Is the line a pipe row of at most three cells ("A | B |")?  Fills up to max non-empty cells
 * (and, when ix is not NULL, the place of each in the row: 0, 1 or 2); returns their count (0: no
 * such row). */
static size_t pipe_cells(const lpass *p, const pline *L, size_t *cs, size_t *ce, size_t max, int *side, int *ix)
{
    size_t n = 0, i = L->s, cell = L->s, first_bar = L->e;
    int bars = 0;
    while (i <= L->e) {
        int bar = i < L->e && p->t[i] == '|' && (i == L->s || p->t[i - 1] == ' ') &&
                  (i + 1 == L->e || p->t[i + 1] == ' ');
        if (bar || i == L->e) {
            size_t a = cell, b = i;
            while (a < b && p->t[a] == ' ')
                a++;
            while (b > a && p->t[b - 1] == ' ')
                b--;
            if (a < b) {
                if (n < max) {
                    cs[n] = a;
                    ce[n] = b;
                    if (ix)
                        ix[n] = bars;
                }
                n++;
            }
            if (bar && !bars++)
                first_bar = i;
            cell = i + 1;
        }
        i++;
    }
    /* a row of two cells, one of them empty ("- Lưu: VT. | "): the side of the other */
    *side = n == 1 && bars == 1 ? (cs[0] < first_bar ? 1 : 2) : 0;
    /* a row of four cells or more is a table's, not two columns side by side with maybe an
     * empty one between them ("| Tổng cộng |  |  | 145,5") */
    return bars && bars <= 2 ? n : 0;
}

/* The rightmost overlap of width 2 or more of a gap of line L with the gutter [lo,hi), into
 * [*nlo,*nhi); 0 when there is none. */
static int gutter_overlap(const lpass *p, const pline *L, int32_t lo, int32_t hi, int32_t *nlo, int32_t *nhi)
{
    gap h[64];
    size_t nh = line_gaps(p, L, h, 64);
    for (size_t k = nh; k-- > 0;) {
        int32_t a = h[k].a > lo ? h[k].a : lo, b = h[k].b < hi ? h[k].b : hi;
        if (b - a >= 2) {
            *nlo = a, *nhi = b;
            return 1;
        }
    }
    return 0;
}

typedef struct crow {
    size_t line;
    int kind; /* 1 left only, 2 right only, 3 both */
    size_t ls, le, rs, re;
    size_t xs, xe; /* a third cell, under the right one (xs == xe: none) */
} crow;

static int has_gap(const lpass *p, const pline *L);

/* Is line L two cells whose one gap lies right of the gutter [lo,hi): a left cell longer than
 * the lines before it, that runs past where the right column's widest line starts, and a right
 * cell in the right column, as a signature centred on the right leaves a long recipient beside
 * the signer's name ("- Các huyện, thị, thành Đoàn, Đoàn trực thuộc;      Huỳnh Thị Mỹ Linh")?
 * The gap, into *own. */
static int gap_beyond(const lpass *p, const pline *L, int32_t lo, int32_t hi, gap *own)
{
    gap g[4];
    if (line_gaps(p, L, g, 4) != 3 || L->indent >= lo || g[1].a < lo || g[1].b < hi)
        return 0;
    *own = g[1];
    return 1;
}

/* Is line L two short cells, each opening on a capital: the names of two signers side by side,
 * under the space left for signing ("Lê Thị Thu Hà        Trung tá Nguyễn Văn Bình")? */
static int names_row(const lpass *p, const pline *L)
{
    gap g[4];
    if (line_gaps(p, L, g, 4) != 3 || g[1].a - L->indent > 40 || L->endcol - g[1].b > 40)
        return 0;
    size_t r = col_byte(p, L, g[1].b);
    int32_t cp = -1;
    if (r >= L->e || vp_utf8_decode_fast(p->t + r, L->e - r, &cp) <= 0)
        return 0;
    return cp_is_upper(L->first) && cp_is_upper(cp);
}

/* Does line L start a column block by a rule (layout.rules action=columns)?  It leaves the
 * line's words in p->ct: the caller tokenizes again. */
static int starts_columns(lpass *p, const pline *L)
{
    int tight, columns;
    size_t ds, de;
    tokenize(p, L->s, L->e, 0);
    classify(p, W_COLS, &tight, &columns, &ds, &de);
    return columns > 0;
}

/* Split the right cell of row c at its first gap of three spaces or more (not before a ":") when
 * the text before the gap is a line that stands alone by a rule (action=alone: the motto): the
 * text after it becomes the row's third cell.  Nothing when the cell has no such gap, or its
 * words are set apart within one text ("Hà Nội, ngày 20     tháng 8    năm 2026").  It leaves
 * the words of the text before the gap in p->ct. */
static void third_cell(lpass *p, crow *c)
{
    for (size_t k = c->rs; k < c->re; k++) {
        if (p->t[k] != ' ')
            continue;
        size_t j = k;
        while (j < c->re && p->t[j] == ' ')
            j++;
        if (j - k >= 3 && j < c->re && p->t[j] != ':') {
            int tight, columns;
            size_t ds, de;
            tokenize(p, c->rs, k, 0);
            if (classify(p, W_BLOCK, &tight, &columns, &ds, &de) != A_ALONE)
                return;
            c->xs = j, c->xe = c->re;
            c->re = k;
            return;
        }
        k = j;
    }
}

/* Try a column block starting at line i. Returns the number of lines it covers (0: none). */
static size_t find_columns(lpass *p, size_t i, int by_rule, crow **rowsp, size_t *nrows)
{
    const pline *L0 = &p->ln[i];
    size_t cs[3], ce[3];
    crow *rows = *rowsp;
    size_t nr = 0;
    /* pipe rows; after the first, a row may have one of its two cells empty; in a block a rule
     * starts (a header's row of three cells, Word's "UBND HUYỆN X | CỘNG HÒA … | " over "Số: 12/KH-UBND
     * | Độc lập - Tự do - Hạnh phúc | X, ngày …") a row may have three, its third cell read under
     * the second as a two-column header's date under its motto */
    int side, ix[3];
    if (pipe_cells(p, L0, cs, ce, 3, &side, ix) == 2) {
        /* a row of two cells under a table's row of more, the first cell a group's number ("I |
         * Công tác tuyên truyền", its other cells merged), is the table's, not two columns */
        if (i > 0 && L0->blanks == 0 && !(p->ln[i - 1].flags & LF_PAGE) && group_number(p->t + cs[0], ce[0] - cs[0]) &&
            bar_row(p->t + p->ln[i - 1].s, p->ln[i - 1].e - p->ln[i - 1].s)) {
            size_t ps[3], pe[3];
            int pside;
            if (!pipe_cells(p, &p->ln[i - 1], ps, pe, 3, &pside, NULL))
                return 0;
        }
        size_t j = i;
        while (j < p->nln) {
            const pline *L = &p->ln[j];
            if (j > i && (L->blanks > 1 || (L->flags & LF_PAGE)))
                break;
            size_t nc = pipe_cells(p, L, cs, ce, 3, &side, ix);
            if (by_rule && j > i && nc == 1 && !side) /* "HUYỆN X |  | ": the side of its cell */
                side = ix[0] == 0 ? 1 : 2;
            int three = by_rule && j > i && (nc == 3 || (nc == 2 && ix[0] == 1));
            if (nc != 2 && !three && !(j > i && side))
                break;
            rows[nr].line = j;
            rows[nr].xs = rows[nr].xe = 0;
            if (three && nc == 2) { /* " | Độc lập - Tự do - Hạnh phúc | X, ngày …" */
                rows[nr].kind = 2;
                rows[nr].rs = cs[0], rows[nr].re = ce[0], rows[nr].ls = rows[nr].le = cs[0];
                rows[nr].xs = cs[1], rows[nr].xe = ce[1];
            } else if (nc >= 2) {
                rows[nr].kind = 3;
                rows[nr].ls = cs[0], rows[nr].le = ce[0], rows[nr].rs = cs[1], rows[nr].re = ce[1];
                if (nc == 3)
                    rows[nr].xs = cs[2], rows[nr].xe = ce[2];
            } else if (side == 1) {
                rows[nr].kind = 1;
                rows[nr].ls = cs[0], rows[nr].le = ce[0], rows[nr].rs = rows[nr].re = ce[0];
            } else {
                rows[nr].kind = 2;
                rows[nr].rs = cs[0], rows[nr].re = ce[0], rows[nr].ls = rows[nr].le = cs[0];
            }
            nr++;
            j++;
            if (nr == 64)
                break;
        }
        *nrows = nr;
        return j - i;
    }
    gap g[64];
    size_t ng = line_gaps(p, L0, g, 64);
    size_t first2 = i; /* the first row with two cells */
    if (ng < 3) {
        /* a rule's line with one cell ("Nơi nhận:" on the left, "TM. ỦY BAN NHÂN DÂN" on the
         * right) starts a block when a row with two cells follows within a few lines: the
         * gutter is that row's, and the lines before it must each keep to one side of it */
        if (!by_rule)
            return 0;
        for (first2 = i + 1; first2 < p->nln && first2 <= i + 4; first2++) {
            const pline *L = &p->ln[first2];
            if ((L->flags & LF_PAGE) || L->blanks > 0)
                return 0;
            if ((ng = line_gaps(p, L, g, 64)) >= 3)
                break;
        }
        if (first2 >= p->nln || first2 > i + 4 || ng != 3)
            return 0;
    }
    /* the widest inner gap */
    /* without a rule, the first row has exactly two cells (tables have more) */
    if (!by_rule && ng != 3)
        return 0;
    size_t best = 1;
    for (size_t k = 2; k + 1 < ng; k++)
        if (g[k].b - g[k].a > g[best].b - g[best].a)
            best = k;
    int32_t lo = g[best].a, hi = g[best].b;
    if (hi - lo < (by_rule ? 3 : 6))
        return 0;
    size_t j;
    nr = 1;
    j = i + 1;
    int32_t nlo = 0, nhi = 0;
    if (first2 > i) { /* the first row, of one cell, narrows the gutter too */
        if (!gutter_overlap(p, L0, lo, hi, &nlo, &nhi))
            return 0;
        lo = nlo, hi = nhi;
    }
    uint64_t whole = 0; /* rows that are a left cell whole, across the gutter */
    uint64_t beyond = 0; /* rows split at a gap of their own right of the gutter (gap_beyond) */
    gap own[64];
    int lastkind = first2 > i ? 1 : 3, subject = 0;
    while (j < p->nln && nr < 64) {
        const pline *L = &p->ln[j];
        if ((L->flags & LF_PAGE) || L->blanks > 4)
            break;
        if (lastkind == 1 && subject && L->blanks == 0 && cp_is_lower(L->first) && L->indent < lo && !has_gap(p, L)) {
            /* the right column has ended and a letter's subject in the left one goes on in
             * small letters, wider than the gutter ("V/v hướng dẫn triển khai kế hoạch" /
             * "phòng, chống đuối nước cho học sinh"): the line is the left cell's, whole */
            whole |= (uint64_t)1 << nr;
            nr++;
            j++;
            continue;
        }
        int kind;
        if (gutter_overlap(p, L, lo, hi, &nlo, &nhi))
            kind = L->endcol <= nlo ? 1 : L->indent >= nhi ? 2 : 3;
        else if (by_rule && gap_beyond(p, L, lo, hi, &own[nr])) {
            /* split at its own gap; the gutter stays that of the other rows */
            beyond |= (uint64_t)1 << nr;
            kind = 3;
            nlo = lo, nhi = hi;
        } else
            break;
        lastkind = kind;
        if (kind == 1) {
            const char *q = p->t + L->s;
            while (q < p->t + L->e && *q == ' ')
                q++;
            subject = (size_t)(p->t + L->e - q) > 4 && (!strncmp(q, "V/v ", 4) || !strncmp(q, "V/V ", 4));
        } else
            subject = 0;
        /* one-cell rows follow without a blank line; in a signature block the name
           may come after the space left for the signature */
        if (kind != 3 && L->blanks > 0 && !(by_rule && i * 2 >= p->nln && kind == 2 && L->blanks <= 4))
            break;
        /* two rows after the space for signing: the names of two signers side by side, under
         * their titles in a signature block of the text's second half */
        if (kind == 3 && L->blanks > 1 && !(by_rule && i * 2 >= p->nln && L->blanks <= 4 && names_row(p, L)))
            break;
        if (kind == 3 && L->blanks > 0 && starts_columns(p, L))
            break; /* a new block after a blank line: a document attached after the signature
                    * ("ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI …" after "- Lưu: VT.   Đoàn Tấn Bửu") */
        lo = nlo, hi = nhi;
        nr++;
        j++;
    }
    if (j <= first2) /* the rows with one cell did not reach the row with two */
        return 0;
    /* cells split at the final gutter [lo,hi) */
    for (size_t r = 0; r < nr; r++) {
        const pline *L = &p->ln[i + r];
        crow *c = &rows[r];
        c->line = i + r;
        size_t cut_l = col_byte(p, L, lo), cut_r = col_byte(p, L, hi);
        if ((beyond >> r) & 1)
            cut_l = col_byte(p, L, own[r].a), cut_r = col_byte(p, L, own[r].b);
        if ((whole >> r) & 1)
            cut_l = cut_r = L->e;
        c->ls = L->s, c->le = cut_l, c->rs = cut_r, c->re = L->e;
        c->xs = c->xe = 0;
        while (c->le > c->ls && p->t[c->le - 1] == ' ')
            c->le--;
        while (c->rs < c->re && p->t[c->rs] == ' ')
            c->rs++;
        c->kind = (c->le > c->ls ? 1 : 0) | (c->re > c->rs ? 2 : 0);
        /* in a header a rule starts, a row of three cells set apart by spaces alone ("Số:
         * 12/KH-UBND     Độc lập - Tự do - Hạnh phúc     X, ngày …"): its third cell is read under
         * the second, as a two-column header's date under its motto */
        if (by_rule && i < HEADER_ZONE && c->kind == 3 && !((beyond >> r) & 1))
            third_cell(p, c);
    }
    *nrows = nr;
    return nr;
}

/* The bytes of a list's marker that starts s ("I.", "1.", "2.1.", "a)", "-", "+"), then a gap
 * of two spaces or more (a Word list's tab printed as spaces): where the text after the gap
 * starts, or 0. */
static size_t marker_gap(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 6 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == 'I' || s[i] == 'V' ||
                              s[i] == 'X'))
        i++;
    if (i == 0 && n > 1 && ((s[0] >= 'a' && s[0] <= 'z') || s[0] == '-' || s[0] == '+'))
        i = s[0] >= 'a' && s[0] <= 'z' ? (s[1] == ')' ? 2 : 0) : 1;
    else if (i > 0 && !(s[i - 1] == '.' || (i < n && s[i] == ')')))
        return 0; /* a figure, not a number of an item: "2025   …" */
    else if (i > 0 && i < n && s[i] == ')')
        i++;
    if (i == 0 || i + 2 > n || s[i] != ' ' || s[i + 1] != ' ')
        return 0;
    while (i < n && s[i] == ' ')
        i++;
    return i < n ? i : 0;
}

/* Does line L hold three spaces in a row (a gap between cells)? */
static int has_gap(const lpass *p, const pline *L)
{
    const char *q = p->t + L->s;
    size_t n = L->e - L->s;
    size_t m = marker_gap(q, n); /* "I.      MỤC TIÊU": a numbered line, no columns */
    q += m;
    n -= m;
    /* three spaces in a row hold one byte whose place is 2 more than a multiple of 3: only
     * those bytes are looked at first */
    for (size_t k = 2; k < n; k += 3) {
        if (q[k] != ' ')
            continue;
        size_t a = k, b = k + 1; /* the run of spaces around k: [a, b) */
        while (a > 0 && k - a < 2 && q[a - 1] == ' ')
            a--;
        while (b < n && b - a < 3 && q[b] == ' ')
            b++;
        if (b - a >= 3)
            return 1;
    }
    return 0;
}

/* has_gap of line i, the answer for the line last asked about kept in *memo (line + 1, and
 * the answer): a line is asked about as the one after a line, then as itself. */
static int line_gap(const lpass *p, size_t i, size_t memo[2])
{
    if (memo[0] != i + 1) {
        memo[0] = i + 1;
        memo[1] = (size_t)has_gap(p, &p->ln[i]);
    }
    return (int)memo[1];
}

/* ---- a table laid out on pages whose cells wrap over lines ------------------------------
 * A page's text (pdftotext -layout) prints a table line by line across its columns: a cell of
 * several lines shares them with its row's other cells, each cell centred in its row (or at
 * its top), so a row's number sits in the middle of its lines and the lines between two
 * numbers hold the end of one row and the start of the next.  A table whose head names the
 * column of its rows' numbers first (action=table-head) is read back into one line a row:
 * the head's columns are where its words stand (on its line and the lines just above and
 * below it), the pieces of each line go to the column where their middles fall, a line with a
 * row's number (action=row-number) in the first column is a row's middle, and two rows part
 * where the lines after the number are as many as before it, give or take one line where the
 * cells show better where one ends and the next starts (a full stop, a capital).  When the
 * first row's number is on its first line, rows start at their numbers (or at a line that
 * starts again in capitals across two columns or more: "Tổng cộng").  Cells are written in
 * the order of the columns, " | " between them: the output's map to the input goes back and
 * forth inside a row.  The table's page ends at a page break, two blank lines, a page's
 * number, a line that does not keep to the columns, or a line of text (action=table-end); when
 * its rows reach the page's end, the next page may go on with the same columns, with or without
 * its head again (table_goes_on). */

#define WT_ROWS 256  /* rows of one page of a table at most */
#define WT_ABOVE 10  /* lines of a row above its number at most */
#define WT_HEAD 6    /* lines of its head at most: two above the line of "TT", three below */
#define WT_SLACK 12  /* columns a piece may reach past the middle between two heads */


/* The pieces of line L between runs of three spaces or more; a short number first is set
 * apart by two ("10  chuyên môn …"). */
static size_t line_frags(const lpass *p, const pline *L, wfrag *f, size_t max)
{
    const char *t = p->t;
    size_t n = 0, i = L->s;
    int32_t col = L->indent;
    while (i < L->e && n < max) {
        size_t s = i;
        int32_t a = col;
        for (;;) {
            if (i >= L->e) {
                f[n] = (wfrag){s, i, a, col, 0};
                break;
            }
            if (t[i] != ' ') {
                if (!is_cont((unsigned char)t[i]))
                    col++;
                i++;
                continue;
            }
            size_t j = i;
            while (j < L->e && t[j] == ' ')
                j++;
            int apart = j - i >= 3 || (j - i == 2 && n == 0 && i - s <= 5 &&
                                       ((t[s] >= '0' && t[s] <= '9') || t[s] == 'I' || t[s] == 'V' || t[s] == 'X'));
            if (apart) {
                f[n] = (wfrag){s, i, a, col, 0};
                col += (int32_t)(j - i);
                i = j;
                break;
            }
            col += (int32_t)(j - i);
            i = j;
        }
        n++;
    }
    return n;
}

/* The column of piece f: where its middle falls among the bounds between the heads' columns. */
static int frag_col(const wtab *w, const wfrag *f)
{
    int32_t mid = (f->a + f->b) / 2;
    int c = 0;
    while (c < w->nc - 1 && mid >= w->bnd[c])
        c++;
    return c;
}

/* Does piece f keep to its column (give or take WT_SLACK)? */
static int frag_fits(const wtab *w, const wfrag *f)
{
    int c = f->col;
    return (c == 0 || f->a >= w->bnd[c - 1] - WT_SLACK) && (c == w->nc - 1 || f->b <= w->bnd[c] + WT_SLACK);
}

/* The pieces of line j with their columns, into L; L->num: the line holds a row's number (its first
 * piece, in the first column; a number under the numbers' head may be followed by one space
 * only: "1.1 Đất ở hiện trạng").  A line of the head (head=1) keeps its pieces where they fall. */
static void table_frags(lpass *p, size_t j, const wtab *w, wline *L, int head)
{
    wfrag *f = L->f;
    size_t n = line_frags(p, &p->ln[j], f, WT_FRAGS - 1);
    int num = 0;
    if (head || w->nonum) {
        for (size_t k = 0; k < n; k++)
            f[k].col = frag_col(w, &f[k]);
        L->n = (uint8_t)n;
        L->num = 0;
        return;
    }
    if (n && f[0].a >= w->na - 1 && f[0].a <= w->nb + 1 &&
        !list_match(p, p->rownum, p->t + f[0].s, f[0].e - f[0].s)) {
        const char *sp = memchr(p->t + f[0].s, ' ', f[0].e - f[0].s);
        size_t cut = sp ? (size_t)(sp - p->t) : f[0].e;
        if (cut < f[0].e && list_match(p, p->rownum, p->t + f[0].s, cut - f[0].s)) {
            memmove(f + 1, f, n * sizeof *f);
            n++;
            f[0].e = cut;
            f[0].b = f[0].a + col_width(p->t + f[0].s, cut - f[0].s);
            f[1].s = cut + 1;
            f[1].a = f[0].b + 1;
        }
    }
    for (size_t k = 0; k < n; k++) {
        f[k].col = frag_col(w, &f[k]);
        if (f[k].col == 0) {
            if (k == 0 && list_match(p, p->rownum, p->t + f[k].s, f[k].e - f[k].s))
                num = 1;
            else
                f[k].col = 1; /* the text of the column after, begun left of its head */
        }
    }
    L->n = (uint8_t)n;
    L->num = (uint8_t)num;
}

static int starts_cell(int32_t cp) { return cp_is_upper(cp) || cp == '-' || cp == '+' || cp == 0x2013 || cp == 0x2022; }

/* The pieces of line j of the table's page being read (table_rows). */
static const wline *wl_of(const lpass *p, size_t j) { return &p->wl[j - p->wl_top]; }

/* How well rows part after line b: a cell of line b ends (a full stop, a semicolon) and the
 * same column's on line b+1 starts (a capital, a dash); a cell of line b+1 that goes on in
 * small letters counts against. */
static int part_score(lpass *p, size_t b)
{
    const wline *f = wl_of(p, b), *g = wl_of(p, b + 1);
    int score = 0;
    for (size_t k = 0; k < g->n; k++) {
        const wfrag *gk = &g->f[k];
        if (gk->col == 0)
            continue;
        int32_t cp;
        vp_utf8_decode_fast(p->t + gk->s, gk->e - gk->s, &cp);
        const wfrag *before = NULL; /* the piece of line b in the same column */
        for (size_t q = 0; q < f->n; q++)
            if (f->f[q].col == gk->col)
                before = &f->f[q];
        int ended = before && is_terminal(last_cp(p->t + before->s, before->e - before->s, NULL));
        if (starts_cell(cp))
            score += ended;
        else if (cp_is_lower(cp))
            score -= 2;
    }
    return score;
}

/* Does a cell of line j start in capitals (or with a dash)? */
static int starts_again(lpass *p, size_t j)
{
    const wline *L = wl_of(p, j);
    for (size_t k = 0; k < L->n; k++) {
        int32_t cp;
        vp_utf8_decode_fast(p->t + L->f[k].s, L->f[k].e - L->f[k].s, &cp);
        if (L->num || starts_cell(cp))
            return 1;
    }
    return 0;
}

/* Does a line of pieces L, in a table whose rows start at their numbers, start a row without
 * one: text in two columns or more, the first in capitals ("Tổng cộng   257.897,0   100,00")? */
static int starts_row(lpass *p, const wline *L)
{
    if (L->n < 2 || L->num)
        return 0;
    int32_t cp;
    vp_utf8_decode_fast(p->t + L->f[0].s, L->f[0].e - L->f[0].s, &cp);
    return cp_is_upper(cp) && L->f[L->n - 1].col > L->f[0].col;
}

/* Is the line of pieces L a group's row of a table of columns w: its number ("I", "II") and a
 * title after it, nothing in the columns after ("I           Công tác chuẩn bị")? */
static int group_line(const lpass *p, const wline *L, const wtab *w)
{
    if (!L->num || L->n < 2 || w->nc <= 2)
        return 0;
    for (size_t k = 1; k < L->n; k++)
        if (L->f[k].col != 1)
            return 0;
    return group_number(p->t + L->f[0].s, L->f[0].e - L->f[0].s);
}

/* Does the line of pieces L, a row's number first, go on from the line of pieces A above it,
 * which holds none: its text in small letters after the number, or, in a capital ("1    Bão số 3
 * theo cấp độ …" under "     Rà soát, cập nhật phương án ứng phó        Ban Chỉ huy"), after a
 * text of A that ends no sentence when A fills a column beside it that L leaves empty (one row's
 * cells over its lines, not a group's title over a row of its own)? */
static int goes_on(const lpass *p, const wline *A, const wline *L)
{
    if (!L->num || L->n < 2)
        return 0;
    int32_t cp;
    vp_utf8_decode_fast(p->t + L->f[1].s, L->f[1].e - L->f[1].s, &cp);
    if (cp_is_lower(cp))
        return 1;
    if (A->num || A->n < 2 || A->f[0].col != L->f[1].col || A->f[0].e <= A->f[0].s ||
        strchr(".;:!?", p->t[A->f[0].e - 1]))
        return 0;
    for (size_t k = 1; k < A->n; k++) {
        size_t j = 0;
        while (j < L->n && L->f[j].col != A->f[k].col)
            j++;
        if (j == L->n)
            return 1;
    }
    return 0;
}

/* Write the lines ls[0..nl) of a table as one line: the pieces of each column in order.  A
 * group's row ("I" / "Công tác tuyên truyền", the cells after them merged) ends at its text,
 * "I | Công tác tuyên truyền", as a Word table's gives it. */
static void table_row_out(lpass *p, const wline *ls, size_t nl, size_t anchor, size_t end, const wtab *w)
{
    int any = 0; /* the row has text written */
    int last = -1, nfirst = 0, group = 0; /* the last column with text; pieces in the first */
    const wfrag *f0 = NULL;
    for (size_t j = 0; j < nl; j++)
        for (size_t k = 0; k < ls[j].n; k++) {
            if (ls[j].f[k].col > last)
                last = ls[j].f[k].col;
            if (ls[j].f[k].col == 0 && !nfirst++)
                f0 = &ls[j].f[k];
        }
    if (last == 1 && nfirst == 1 && w->nc > 2)
        group = group_number(p->t + f0->s, f0->e - f0->s);
    for (int c = 0; c < (group ? last + 1 : w->nc); c++) {
        int first = 1;
        for (size_t j = 0; j < nl; j++)
            for (size_t k = 0; k < ls[j].n; k++) {
                const wfrag *f = &ls[j].f[k];
                if (f->col != c)
                    continue;
                if (first) {
                    if (c)
                        out_lit(p, any ? " | " : "| ", any ? 3 : 2, f->s);
                    first = 0;
                } else
                    out_lit(p, " ", 1, f->s);
                tokenize(p, f->s, f->e, 0);
                out_tokens(p, 0, 0);
                any = 1;
            }
        if (first && c) {
            out_lit(p, any ? " |" : "|", any ? 2 : 1, anchor);
            any = 1;
        }
    }
    out_lit(p, "\n", 1, end);
}

/* Write lines [a,b] of the table's page being read as one line. */
static void table_lines_out(lpass *p, size_t a, size_t b, const wtab *w)
{
    table_row_out(p, wl_of(p, a), b - a + 1, p->ln[a].s, p->ln[b].e, w);
}

/* Is line j a line of a table's head above the line that names its columns: short pieces
 * only, two or more (not a title)?  Below it (hf: the nh pieces of the head's lines so far),
 * each piece goes on the words of the head it stands under (small letters, capitals, a
 * bracket: "chủ trì", "(m2)"), no wider than that head. */
static int head_line(lpass *p, size_t j, const wfrag *hf, size_t nh)
{
    wfrag f[WT_FRAGS];
    size_t n = line_frags(p, &p->ln[j], f, WT_FRAGS);
    for (size_t k = 0; k < n; k++) {
        int32_t cp;
        vp_utf8_decode_fast(p->t + f[k].s, f[k].e - f[k].s, &cp);
        if (f[k].b - f[k].a > 30 || (cp >= '0' && cp <= '9'))
            return 0;
        if (!hf)
            continue;
        if (!(cp_is_lower(cp) || cp == '(' || all_caps(p->t + f[k].s, f[k].e - f[k].s)))
            return 0;
        size_t q = 0;
        while (q < nh && !(f[k].a >= hf[q].a - 4 && f[k].b <= hf[q].b + 4))
            q++;
        if (q == nh)
            return 0;
    }
    return hf ? n > 0 : n > 1;
}

static int cmp_frag(const void *a, const void *b)
{
    const wfrag *x = a, *y = b;
    return x->a < y->a ? -1 : x->a > y->a;
}

/* Do lines [a, aend] and [b, bend] say the same, white space aside? */
static int same_lines(const lpass *p, size_t a, size_t aend, size_t b, size_t bend)
{
    if (aend - a != bend - b)
        return 0;
    for (; a <= aend; a++, b++) {
        size_t i = p->ln[a].s, ie = p->ln[a].e, j = p->ln[b].s, je = p->ln[b].e;
        for (;;) {
            while (i < ie && (p->t[i] == ' ' || p->t[i] == '\t'))
                i++;
            while (j < je && (p->t[j] == ' ' || p->t[j] == '\t'))
                j++;
            if (i == ie || j == je)
                break;
            if (p->t[i] != p->t[j])
                return 0;
            i++, j++;
        }
        if (i != ie || j != je)
            return 0;
    }
    return 1;
}

/* The rows of a table of columns w from line top on, to the end of its page: written a row a
 * line, after its head's lines [h, hend] (h > hend: none, a table going on from the page
 * before).  Returns the line after the last one read (0: no row found).  Where the rows stop
 * at the page's end, the columns are kept for the next page (p->tab). */
static size_t table_rows(lpass *p, size_t h, size_t hend, size_t top, const wtab *w)
{
    size_t end = top, nums[WT_ROWS], nn = 0;
    /* the head of the table kept from the page before, said again at the top of this page: the
     * same table going on, its head not written twice */
    int again = h <= hend && p->tab_ok && p->tab_h <= p->tab_hend && h >= p->tab_end && h <= p->tab_end + 3 &&
                same_lines(p, p->tab_h, p->tab_hend, h, hend);
    size_t kh = p->tab_h, khend = p->tab_hend;
    p->tab_ok = 0;
    p->wl_top = top; /* each line's pieces, read once: p->wl[end - top] */
    while (end < p->nln && nn < WT_ROWS) {
        const pline *L = &p->ln[end];
        if (end > top && (L->blanks >= 2 || (L->flags & LF_PAGE)))
            break;
        if (end > top && L->blanks) { /* a heading after a blank line ("IV. KINH PHÍ"): no row */
            tokenize(p, L->s, L->e, 0);
            if (list_match(p, p->tend, p->ct.data, p->ct.len))
                break;
        }
        if (end - top == p->wl_cap) {
            p->wl_cap = p->wl_cap ? p->wl_cap * 2 : 64;
            p->wl = vp_xrealloc(p->wl, p->wl_cap * sizeof *p->wl);
        }
        wline *W = &p->wl[end - top];
        table_frags(p, end, w, W, 0);
        const wfrag *f = W->f;
        size_t n = W->n;
        int ok = n > 0 && !(n == 1 && f[0].col > 0 && f[0].b - f[0].a <= 4 && p->t[f[0].s] >= '0' &&
                            p->t[f[0].s] <= '9'); /* a page's number */
        for (size_t k = 0; k < n && ok; k++)
            ok = frag_fits(w, &f[k]);
        /* a text of one line a paragraph wraps no cell: a line with no gap of three spaces is no row */
        if (ok && !p->layout && !has_gap(p, L))
            ok = 0;
        if (ok && !W->num && f[0].a > w->nb + 1) {
            tokenize(p, L->s, L->e, 0);
            ok = !list_match(p, p->tend, p->ct.data, p->ct.len);
        }
        if (!ok)
            break;
        if (W->num || w->nonum || (nn && nums[0] == top && starts_row(p, W)))
            nums[nn++] = end;
        end++;
    }
    /* a line taken for a row without a number whose next row's number stands on a line going on
     * from it (goes_on: "     Rà soát, cập nhật …   Ban Chỉ huy" / "1    thiên tai theo …"): the
     * first line of that row, its number in the middle of its lines */
    size_t kept = 0;
    for (size_t r = 0; r < nn; r++) {
        if (!wl_of(p, nums[r])->num && r + 1 < nn && goes_on(p, wl_of(p, nums[r]), wl_of(p, nums[r + 1])))
            continue;
        nums[kept++] = nums[r];
    }
    nn = kept;
    if (!nn || nums[0] - top > WT_ABOVE)
        return 0;
    if (again)
        h = hend + 1;
    size_t first = h <= hend ? h : top;
    const pline *H = &p->ln[first];
    if (H->blanks && p->open && h <= hend)
        p->want_blank = 1;
    end_line(p, H->s);
    if (p->want_blank && p->o.len)
        out_lit(p, "\n", 1, H->s);
    p->want_blank = 0;
    if (h <= hend) {
        wline head[WT_HEAD];
        for (size_t j = h; j <= hend; j++)
            table_frags(p, j, w, &head[j - h], 1);
        table_row_out(p, head, hend - h + 1, p->ln[h].s, p->ln[hend].e, w);
    }
    /* a row begun on the page before goes on first, in small letters: a row of its own */
    size_t rt = top;
    while (rt < nums[0] && !starts_again(p, rt))
        rt++;
    if (rt > top)
        table_lines_out(p, top, rt - 1, w);
    /* rows whose number stands in the middle of their lines: the first row's number below its
     * first line, or a row's right after a group's row (a group's row is its one line) */
    int centred = nums[0] > rt;
    for (size_t r = 1; r < nn && !centred; r++)
        centred = nums[r] > nums[r - 1] + 1 && group_line(p, wl_of(p, nums[r - 1]), w) &&
                  !group_line(p, wl_of(p, nums[r]), w);
    for (size_t r = 0; r < nn; r++) {
        size_t lo = nums[r], hi = r + 1 < nn ? nums[r + 1] - 1 : end - 1, b;
        if (!centred) {
            b = hi;
        } else if (group_line(p, wl_of(p, lo), w) && rt == lo) {
            b = lo; /* a group's row: its one line */
        } else if (r + 1 < nn && group_line(p, wl_of(p, nums[r + 1]), w)) {
            b = hi; /* the row before a group's row: every line up to it */
        } else {
            size_t est = 2 * nums[r] >= rt ? 2 * nums[r] - rt : lo;
            est = est < lo ? lo : est > hi ? hi : est;
            b = est;
            if (r + 1 < nn) {
                int best = part_score(p, est);
                for (int d = -1; d <= 1; d += 2) {
                    size_t c = est + (size_t)d;
                    if ((d < 0 && est == lo) || c < lo || c > hi || c + 1 >= end)
                        continue;
                    int sc = part_score(p, c);
                    if (sc > best)
                        best = sc, b = c;
                }
            }
        }
        table_lines_out(p, rt, b, w);
        rt = b + 1;
    }
    p->open = 0;
    p->p_closed = p->p_hard = 1;
    p->p_table = 1;
    /* the rows reach the page's end: the table may go on on the next page, without its head */
    if (rt == end) {
        p->tab = *w;
        p->tab_end = end;
        p->tab_ok = 1;
        p->tab_h = h <= hend ? h : kh;
        p->tab_hend = h <= hend ? hend : khend;
    }
    return rt;
}

/* Does the table kept from the page before go on at line i, the first of a page: only page
 * furniture (a page's number) since its last row, and no head of a table of its own here? */
static int table_goes_on(lpass *p, size_t i)
{
    if (!p->tab_ok || !(p->ln[i].flags & LF_PAGE) || i < p->tab_end || i > p->tab_end + 2)
        return 0;
    for (size_t j = p->tab_end; j < i; j++) {
        int tight, columns;
        size_t ds, de;
        tokenize(p, p->ln[j].s, p->ln[j].e, 0);
        int act = classify(p, W_DROP, &tight, &columns, &ds, &de);
        if (act != A_PAGE && act != A_DROP)
            return 0;
    }
    for (size_t j = i; j < p->nln && j <= i + 2; j++) {
        tokenize(p, p->ln[j].s, p->ln[j].e, 1);
        if (list_match(p, p->thead, p->ct.data, p->ct.len))
            return 0;
    }
    return 1;
}

#define RUNNING_MAX 160 /* longer lines are never a running header */
#define RUNNING_GAP 5   /* lines at least between two pages' headers */
#define RUNNING_FROM 8  /* lines of the header that are never a running one */

/* A candidate line of a running header: its text (as tokenized, less its page's number) and its
 * line; k: where that text starts in the buffer of such texts. */
typedef struct runline {
    const char *t;
    size_t k, n, line;
} runline;

/* by text, then by line */
static int cmp_runline(const void *x, const void *y)
{
    const runline *a = x, *b = y;
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    int c = memcmp(a->t, b->t, a->n);
    if (c)
        return c;
    return a->line < b->line ? -1 : a->line > b->line;
}

/* A page's running header in a text not laid out in pages (the plan's short title "Kế hoạch đấu
 * tranh chống buôn lậu năm 2025", the issuer "UBND TỈNH HÀ TĨNH" at the top of each page): a line
 * a running rule matches, written the same two or more times after the first RUNNING_FROM lines,
 * each RUNNING_GAP lines or more after the one before; those lines are marked LF_RUNNING.  A rule's
 * group "page" is the page's number on the line ("Kế hoạch 45/KH-UBND – Trang 2"): lines are the same
 * when they are the same outside it; its group "text", where it has one, must be said in the
 * document's header, its first RUNNING_FROM lines.  Lines followed each time by the same line (no candidate itself)
 * are a block said again, not a running header.  The candidates are sorted by their text, so that a
 * long document's are grouped in n log n. */
static void mark_running(lpass *p)
{
    if (!p->run || !p->run->n)
        return;
    runline *cand = NULL;
    size_t nc = 0;
    vp_buf keys = {0};
    for (size_t i = RUNNING_FROM; i < p->nln; i++) {
        const pline *L = &p->ln[i];
        size_t n = L->e - L->s;
        if (n < 8 || n > RUNNING_MAX || is_terminal(L->last) || L->last == ',')
            continue;
        tokenize(p, L->s, L->e, 0);
        if (!list_match(p, p->run, p->ct.data, p->ct.len))
            continue;
        /* a rule's group "text" is what the document says first in its header, its first RUNNING_FROM
         * lines (its own number "45/KH-UBND" at the top of each page): a line whose text the header
         * does not say is no running header (another document's header said in the text, "SỞ CÔNG
         * THƯƠNG" / "Số: 12/KH-SCT") */
        size_t ts, te;
        if (vp_match_group(p->m, "text", &ts, &te) && te > ts) {
            const char *f = memmem(p->t, p->tlen, p->ct.data + ts, te - ts);
            if (!f || (size_t)(f - p->t) >= p->ln[RUNNING_FROM].s)
                continue;
        }
        if (!cand)
            cand = vp_xmalloc((p->nln - RUNNING_FROM) * sizeof *cand);
        size_t gs = p->ct.len, ge = p->ct.len, k = keys.len;
        if (!vp_match_group(p->m, "page", &gs, &ge))
            gs = ge = p->ct.len;
        vp_buf_add(&keys, p->ct.data, gs);
        vp_buf_add(&keys, p->ct.data + ge, p->ct.len - ge);
        cand[nc++] = (runline){NULL, k, keys.len - k, i};
    }
    uint8_t *iscand = nc ? vp_xcalloc(p->nln, 1) : NULL;
    for (size_t c = 0; c < nc; c++) {
        cand[c].t = keys.data + cand[c].k;
        iscand[cand[c].line] = 1;
    }
    if (nc > 1)
        qsort(cand, nc, sizeof *cand, cmp_runline);
    for (size_t a = 0; a < nc;) {
        size_t b = a + 1;
        int spaced = 1;
        for (; b < nc && cand[b].n == cand[a].n && memcmp(cand[b].t, cand[a].t, cand[a].n) == 0; b++)
            if (cand[b].line < cand[b - 1].line + RUNNING_GAP)
                spaced = 0;
        /* a block said again (a document's header copied twice: "BỘ Y TẾ" / "CỘNG HÒA …"): the
         * same line after each, no running header itself, is no page's top */
        int block = spaced && b - a >= 2;
        for (size_t k = a; block && k < b; k++) {
            size_t nx = cand[k].line + 1, n0 = cand[a].line + 1;
            if (nx >= p->nln || iscand[nx] || p->ln[nx].e - p->ln[nx].s != p->ln[n0].e - p->ln[n0].s ||
                memcmp(p->t + p->ln[nx].s, p->t + p->ln[n0].s, p->ln[n0].e - p->ln[n0].s) != 0)
                block = 0;
        }
        if (b - a >= 2 && spaced && !block)
            for (size_t k = a; k < b; k++)
                p->ln[cand[k].line].flags |= LF_RUNNING;
        a = b;
    }
    free(cand);
    free(iscand);
    vp_buf_free(&keys);
}

#define FOOT_LINES 24 /* lines of a page's footnotes at most */

/* The footnotes at the foot of each page of a text laid out in pages (pdftotext): after a blank
 * line, each note's number alone on a line, counted up from one note to the next, and its text on
 * the lines under it ("2" / "Quyết định số 5521/QĐ-UBND ngày 10/11/2025." / "3" / "Quyết định số
 * 6079/QĐ-UBND …"), up to the page's break (its number may stand last).  They are marked
 * LF_FOOTNOTE and kept back (flush_notes), so that a sentence the page cut goes on on the next page
 * and no note's number is read as an item; a note's text in capitals (a heading after a number
 * alone), a row of cells, or a blank line inside it, and the lines are no footnotes.  Returns the
 * notes. */
static size_t mark_footnotes(lpass *p)
{
    size_t notes = 0;
    for (size_t j = 1; j < p->nln; j++) {
        if (!(p->ln[j].flags & LF_PAGE))
            continue;
        size_t b = j - 1; /* the page's last line; its number, alone after a blank, is no note */
        if (b > 0 && footnote_number(p, b) && p->ln[b].blanks > 0 && !(p->ln[b].flags & LF_PAGE))
            b--;
        /* back from the page's end to the first note's number, after a blank line */
        size_t a = b + 1, k = b + 1;
        while (k > 0 && b + 1 - (k - 1) <= FOOT_LINES) {
            k--;
            const pline *L = &p->ln[k];
            if ((L->flags & (LF_PAGE | LF_RUNNING)) || k == 0)
                break;
            if (footnote_number(p, k) && L->blanks > 0) {
                a = k;
                break;
            }
            if (L->blanks > 0)
                break;
        }
        if (a > b)
            continue;
        /* numbers counted up, each over its text, no text in capitals, no row of cells */
        long want = footnote_number(p, a);
        size_t n = 0, text = 0;
        int ok = 1;
        for (size_t q = a; q <= b && ok; q++) {
            const pline *L = &p->ln[q];
            long v = q > a && L->blanks == 0 ? footnote_number(p, q) : 0;
            if (q == a || v) {
                if (q > a && v != want + 1)
                    ok = 0;
                want = q == a ? want : v;
                n++;
                /* its text on the next line */
                ok = ok && q + 1 <= b && !footnote_number(p, q + 1);
                continue;
            }
            if (q > a && L->blanks > 0)
                ok = 0;
            else if (all_caps(p->t + L->s, L->e - L->s) || memchr(p->t + L->s, '|', L->e - L->s) || has_gap(p, L))
                ok = 0;
            text += L->e - L->s;
        }
        if (!ok || !n || text < 20 * n)
            continue;
        for (size_t q = a; q <= b; q++)
            p->ln[q].flags |= LF_FOOTNOTE;
        notes += n;
    }
    return notes;
}

#define PAGE_BLANKS 3 /* blank lines at most on either side of a page's number in running text */
#define TOP_LINES 2   /* lines of a page's furniture at most before its number at its top */

/* A page's number alone on line i near the top of a page of a text laid out in pages, under its
 * running lines ("\f" / "Số: 21/KH-UBND" / "2", "\f" / "Kế hoạch tổ chức Hội thi …" / "- 2 -"): the
 * page's break TOP_LINES lines or fewer before it, each line between short and ending no sentence
 * (not a table's row, no numbered line). */
static int page_top(const lpass *p, size_t i)
{
    const pline *L = &p->ln[i];
    size_t n = L->e - L->s;
    if (n == 0 || n > 4 || (L->flags & LF_PAGE))
        return 0;
    for (size_t k = 0; k < n; k++)
        if (p->t[L->s + k] < '0' || p->t[L->s + k] > '9')
            return 0;
    for (size_t k = i; k > 0 && i - k < TOP_LINES;) {
        const pline *A = &p->ln[--k];
        int32_t f = A->first;
        if (is_terminal(A->last) || A->last == ',' || A->last == ':' || A->endcol - A->indent > 80 ||
            (f >= '0' && f <= '9') || memchr(p->t + A->s, '|', A->e - A->s) || has_gap(p, A))
            return 0;
        if (A->flags & LF_PAGE)
            return 1;
    }
    return 0;
}

/* A page's number alone on line i between two lines of running text (a text not laid out in
 * pages): the line before it long and the line after it going on with its sentence ("… hợp tác
 * xã mới" / "12" / "tại các xã …"), or the line before ending a sentence and the next opening
 * an item; no table's row on either side (a number alone can be a table's cell). */
static int page_in_text(const lpass *p, size_t i)
{
    size_t a = i, b = i + 1; /* the lines around it, past a running header */
    while (a > 0 && (p->ln[a - 1].flags & LF_RUNNING))
        a--;
    while (b < p->nln && (p->ln[b].flags & LF_RUNNING))
        b++;
    if (a == 0 || b >= p->nln)
        return 0;
    const pline *A = &p->ln[a - 1], *B = &p->ln[b];
    /* inside a Roman section's heading in capitals ("II. NHIỆM VỤ TRỌNG" / "2" / "TÂM", "III." / "3" /
     * "KINH PHÍ THỰC HIỆN") */
    int bare;
    if (p->ln[i].blanks <= 1 && B->blanks <= 1 && roman_heading_open(p->t + A->s, A->e - A->s, &bare) &&
        cp_is_upper(B->first) && all_caps(p->t + B->s, B->e - B->s) && !roman_heading_open(p->t + B->s, B->e - B->s, &bare))
        return 1;
    /* next to a running header the line before may be short ("2. Sở Tài chính bố trí" / the
     * header / "3" / "kinh phí …") */
    int by_run = a < i || b > i + 1;
    /* a few blank lines on either side where the copy kept the page's margins ("… vững mạnh" / "" /
     * "" / "2" / "" / "và các thôn …") */
    if (p->ln[i].blanks > PAGE_BLANKS || B->blanks > PAGE_BLANKS || (!by_run && A->endcol - A->indent < 40) ||
        memchr(p->t + A->s, '|', A->e - A->s) || memchr(p->t + B->s, '|', B->e - B->s))
        return 0;
    if (!is_terminal(A->last) && !is_closing(A->last) && A->last != ',')
        return cp_is_lower(B->first);
    /* between paragraphs: only before an item's marker ("3. …", "- …"); a number before a
     * sentence in capitals is rather a footnote's ("2" / "Quyết định số …") */
    return (A->last == '.' || A->last == ';') &&
           ((B->first >= '0' && B->first <= '9') || B->first == '-' || B->first == '+' || B->first == 0x2013 ||
            B->first == 0x2022);
}

/* A table whose head starts at line i and whose cells wrap: written a row a line.  Returns the
 * number of lines read (0: none such here). */
static size_t wrapped_table(lpass *p, size_t i)
{
    if (!p->thead->n || !p->rownum->n)
        return 0;
    /* (also in a text of one line a paragraph, its table's columns set apart by spaces) */
    /* the line naming the columns, the numbers' first: this one or one of the next two, the
     * lines before it short pieces of the head's words */
    size_t h = i;
    int nonum = 0;
    for (;; h++) {
        if (h >= p->nln || h > i + 2 || (h > i && (p->ln[h].blanks || (p->ln[h].flags & LF_PAGE))))
            return 0;
        const pline *H = &p->ln[h];
        tokenize(p, H->s, H->e, 1);
        const vp_rule *hr = list_first_bits(p, p->thead, p->ct.data, p->ct.len, p->hbits);
        if (hr) {
            const char *nv = vp_rule_attr(hr, "numbers");
            nonum = nv && !strcmp(nv, "no");
            if (nonum && (p->layout || h != i))
                return 0;
            break;
        }
        if (!head_line(p, h, NULL, 0))
            return 0;
    }
    /* the head's pieces: of its lines down to the one of "TT", then of those below it, each
     * checked against the former */
    wfrag hf[WT_FRAGS * WT_HEAD];
    size_t nh = 0;
    wfrag numhead = {0};
    for (size_t j = i; j <= h; j++) {
        size_t n = line_frags(p, &p->ln[j], hf + nh, WT_FRAGS);
        if (j == h)
            numhead = hf[nh];
        nh += n;
    }
    size_t nt = nh, hend = h;
    while (hend + 1 < p->nln && hend < h + 3 && !p->ln[hend + 1].blanks && !(p->ln[hend + 1].flags & LF_PAGE) &&
           head_line(p, hend + 1, hf, nt))
        nh += line_frags(p, &p->ln[++hend], hf + nh, WT_FRAGS);
    /* the columns: the head's pieces that overlap, merged */
    qsort(hf, nh, sizeof *hf, cmp_frag);
    wtab w = {0};
    int32_t ca[WT_COLS + 1], cb[WT_COLS + 1];
    int nc = 0;
    for (size_t k = 0; k < nh; k++) {
        if (nc && hf[k].a <= cb[nc - 1] + 1) {
            if (hf[k].b > cb[nc - 1])
                cb[nc - 1] = hf[k].b;
            continue;
        }
        if (nc == WT_COLS)
            return 0;
        ca[nc] = hf[k].a, cb[nc] = hf[k].b;
        nc++;
    }
    if (nc < 3 || ca[0] != numhead.a)
        return 0;
    /* a text of one line a paragraph whose head and first row each hold a piece a column (cells
     * set apart by tabs, not lined up under the head's): its rows are read a line each */
    if (!p->layout && h == i && hend == h && h + 1 < p->nln && !p->ln[h + 1].blanks && nh == (size_t)nc) {
        wfrag rf[WT_FRAGS];
        size_t r = h + 1, n = line_frags(p, &p->ln[r], rf, WT_FRAGS);
        /* a group's row first ("I<TAB>Công tác tuyên truyền", its cells merged): the row after it tells */
        if (n == 2 && group_number(p->t + rf[0].s, rf[0].e - rf[0].s) && r + 1 < p->nln && !p->ln[r + 1].blanks)
            n = line_frags(p, &p->ln[++r], rf, WT_FRAGS);
        if (n == (size_t)nc) {
            p->rows_head = h + 1;
            return 0;
        }
    }
    w.nc = nc;
    w.nonum = nonum;
    w.na = numhead.a, w.nb = numhead.b;
    for (int k = 0; k + 1 < nc; k++)
        w.bnd[k] = (cb[k] + ca[k + 1]) / 2;
    if (nonum) /* the first column, of indicators written from its left, reaches the next head */
        w.bnd[0] = ca[1] - 1;
    size_t e = table_rows(p, i, hend, hend + 1, &w);
    return e ? e - i : 0;
}

/* ---- a table flattened to one cell a line -----------------------------------------------
 * Text copied from a table, or a PDF's text read without its layout, gives each cell a line:
 * "STT" / "Nội dung" / "Đơn vị chủ trì" / "Đơn vị phối hợp" / "Thời gian", then "1" /
 * "Tuyên truyền …" / "Phòng Văn hóa" / "Các xã" / "Quý II/2025" and so on.  Where the head's lines
 * each name a column (action=column-head, the first one the column of numbers, numbers=yes, or a
 * head the facts read a table by: a lead, a partner, a time, an indicator, a unit, a plan) and
 * the rows after it start at their numbers (action=row-number) with as many lines as the head,
 * each row is written as one line, its cells parted by " | ", as a table laid out in columns
 * gives it; a group's row ("II" / "Công tác kiểm tra") keeps its two cells. */

#define FT_CELL 200 /* bytes of a cell of such a table at most */

/* The fields of the other families that name a column a table is read by (facts.c). */
static const struct {
    const char *family, *field;
} FLAT_HEADS[] = {
    {"assignments", "table-head-lead"}, {"assignments", "table-head-support"}, {"deadlines", "table-head-time"},
    {"targets", "table-head-indicator"}, {"targets", "table-head-unit"},      {"targets", "table-head-plan"},
};

/* Is line j one cell of text on its own: no bars, no gap of columns, not blank? */
static int lone_cell(lpass *p, size_t j)
{
    const pline *L = &p->ln[j];
    return L->e > L->s && L->e - L->s <= FT_CELL && !(L->flags & (LF_PAGE | LF_RUNNING)) &&
           !memchr(p->t + L->s, '|', L->e - L->s) && !has_gap(p, L);
}

/* Does line j name a table's column?  1 for the column of numbers, 2 for another, 0 for none;
 * with first, only the layout rules are asked (the head's first line names the numbers). */
static int column_head(lpass *p, size_t j, int first)
{
    const pline *L = &p->ln[j];
    if (!lone_cell(p, j) || L->e - L->s > 80)
        return 0;
    tokenize(p, L->s, L->e, 0);
    const vp_rule *r = list_first_bits(p, p->chead, p->ct.data, p->ct.len, p->hbits);
    if (r) {
        const char *nv = vp_rule_attr(r, "numbers");
        return nv && !strcmp(nv, "yes") ? 1 : 2;
    }
    if (first || !p->rules)
        return 0;
    for (size_t k = 0; k < sizeof FLAT_HEADS / sizeof FLAT_HEADS[0]; k++)
        if (vp_family_first_attr(vp_rules_family(p->rules, FLAT_HEADS[k].family), "field", FLAT_HEADS[k].field, p->m,
                                 p->ct.data, p->ct.len, 0))
            return 2;
    return 0;
}

/* Does line j number a row of such a table (a line of its own, the row's first cell)? */
static int row_number_line(lpass *p, size_t j)
{
    if (j >= p->nln || !lone_cell(p, j) || p->ln[j].blanks > 1)
        return 0;
    tokenize(p, p->ln[j].s, p->ln[j].e, 0);
    return list_match(p, p->rownum, p->ct.data, p->ct.len);
}

/* Are lines r+1 .. r+k-1 the rest of a row of k cells, none blank before it?  Where the line
 * after them numbers no row (the table's last row), none of them may be text after a table
 * (action=table-end: "III. TỔ CHỨC THỰC HIỆN"). *strong: the line after them numbers a row. */
static int flat_row(lpass *p, size_t r, size_t k, int *strong)
{
    *strong = 0;
    if (r + k > p->nln)
        return 0;
    for (size_t j = r + 1; j < r + k; j++)
        if (p->ln[j].blanks || !lone_cell(p, j))
            return 0;
    *strong = row_number_line(p, r + k);
    if (*strong)
        return 1;
    for (size_t j = r + 1; j < r + k; j++) {
        tokenize(p, p->ln[j].s, p->ln[j].e, 0);
        if (list_match(p, p->tend, p->ct.data, p->ct.len))
            return 0;
    }
    return 1;
}

/* Write lines [a,b] as one row of a table: a cell a line, parted by " | "; line a + join (0:
 * none) goes on the cell before it, after a space; an empty cell stands at column `empty`
 * (SIZE_MAX: none) of the row. */
static void flat_row_out(lpass *p, size_t a, size_t b, size_t join, size_t empty)
{
    for (size_t j = a, col = 0; j <= b; j++, col++) {
        if (j > a && join && j == a + join) {
            out_lit(p, " ", 1, p->ln[j].s);
            col--;
        } else if (j > a) {
            out_lit(p, " | ", 3, p->ln[j].s);
            if (col == empty)
                out_lit(p, " | ", 3, p->ln[j].s), col++;
        }
        tokenize(p, p->ln[j].s, p->ln[j].e, 0);
        out_tokens(p, 0, 0);
    }
    if (empty != SIZE_MAX && b - a + 1 == empty)
        out_lit(p, " | ", 3, p->ln[b].e);
    out_lit(p, "\n", 1, p->ln[b].e);
}

/* The number of a row on line r as a figure ("12", "12."), -1 when it is none. */
static long flat_row_number(const lpass *p, size_t r)
{
    const char *s = p->t + p->ln[r].s, *e = p->t + p->ln[r].e;
    long n = 0;
    const char *d = s;
    while (s < e && *s >= '0' && *s <= '9' && s - d < 4)
        n = n * 10 + (*s++ - '0');
    if (s < e && *s == '.')
        s++;
    return s > d && s == e ? n : -1;
}

/* Does the row numbered on line r end at line r + n with the next row numbered after it (the
 * table's rows in step again: "2" after "1", a group's number)? */
static int flat_resync(lpass *p, size_t r, size_t n)
{
    if (r + n >= p->nln || p->ln[r + n].blanks || !row_number_line(p, r + n))
        return 0;
    long a = flat_row_number(p, r), b = flat_row_number(p, r + n);
    return b < 0 ? group_number(p->t + p->ln[r + n].s, p->ln[r + n].e - p->ln[r + n].s) : a >= 0 && b == a + 1;
}

/* Is line j a time ("Quý II/2026", "Tháng 6/2026", "Hằng năm"): a rule of the deadlines reads it? */
static int flat_time(lpass *p, size_t j)
{
    if (!p->rules)
        return 0;
    tokenize(p, p->ln[j].s, p->ln[j].e, 0);
    return vp_family_first(vp_rules_family(p->rules, "deadlines"), p->m, p->ct.data, p->ct.len, 0) != NULL;
}

/* Which column of the head of k lines from line i names the field of `family` (FLAT_HEADS);
 * SIZE_MAX when none does. */
static size_t flat_column(lpass *p, size_t i, size_t k, const char *family, const char *field)
{
    if (!p->rules)
        return SIZE_MAX;
    const vp_family *f = vp_rules_family(p->rules, family);
    for (size_t c = 1; c < k; c++) {
        tokenize(p, p->ln[i + c].s, p->ln[i + c].e, 0);
        if (vp_family_first_attr(f, "field", field, p->m, p->ct.data, p->ct.len, 0))
            return c;
    }
    return SIZE_MAX;
}

/* A row of the table of k columns (head at line i) numbered on line r that the copy broke, when
 * the rows after it are in step again (flat_resync): a cell wrapped onto a line of its own that
 * goes on in lower case (k + 1 lines; *join: the line joined to the cell before it), or an empty
 * time or partner cell the copy dropped (k - 1 lines; *empty: the column left empty: the partner's
 * when the row's last cell is a time, else the time's when it is the last column).  Returns the
 * row's lines, 0 when it is neither. */
static size_t flat_broken_row(lpass *p, size_t i, size_t k, size_t r, size_t *join, size_t *empty)
{
    int strong;
    *join = 0;
    *empty = SIZE_MAX;
    if (flat_row(p, r, k + 1, &strong) && flat_resync(p, r, k + 1)) {
        size_t j = r + 2;
        while (j <= r + k && !(cp_is_lower(p->ln[j].first) && !is_terminal(p->ln[j - 1].last)))
            j++;
        if (j <= r + k) {
            *join = j - r;
            return k + 1;
        }
    }
    if (k > 3 && flat_row(p, r, k - 1, &strong) && flat_resync(p, r, k - 1)) {
        size_t tc = flat_column(p, i, k, "deadlines", "table-head-time");
        size_t sc = flat_column(p, i, k, "assignments", "table-head-support");
        if (flat_time(p, r + k - 2)) {
            if (sc != SIZE_MAX && tc == k - 1 && sc == k - 2)
                *empty = sc;
        } else if (tc == k - 1)
            *empty = tc;
        if (*empty != SIZE_MAX)
            return k - 1;
    }
    return 0;
}

/* After the whole row of k cells numbered on line r, a line of a figure out of step with it (a
 * page's number the copy kept: "2" after row 3): 1 when it is left out, the next row numbered in
 * step after it (*strong stays), or no row of the table after it (*strong cleared: the table ends
 * at row r, the text after the figure lines of their own); 0 when a row of k cells it numbers is
 * followed by another (rows numbered out of step, the table going on). */
static int flat_stray(lpass *p, size_t k, size_t r, int *strong)
{
    long a = flat_row_number(p, r), b = flat_row_number(p, r + k);
    if (a < 0 || b < 0 || b == a + 1)
        return 0;
    int s2 = 0;
    if (flat_resync(p, r, k + 1) && flat_row(p, r + k + 1, k, &s2))
        return 1;
    if (flat_row(p, r + k, k, &s2) && s2)
        return 0;
    *strong = 0;
    return 1;
}

/* A table flattened to a cell a line from line i on: written a row a line; returns the lines
 * read (0: none such). */
static size_t flat_table(lpass *p, size_t i)
{
    if (column_head(p, i, 1) != 1)
        return 0;
    size_t k = 1;
    while (i + k < p->nln && k < WT_COLS && !p->ln[i + k].blanks && column_head(p, i + k, 0) == 2)
        k++;
    if (k < 3 || !row_number_line(p, i + k) || p->ln[i + k].blanks)
        return 0;
    /* the rows: [start, start + cells) each */
    size_t starts[WT_ROWS], joins[WT_ROWS], empties[WT_ROWS];
    uint8_t cells[WT_ROWS];
    size_t nr = 0, full = 0, r = i + k;
    while (nr < WT_ROWS && row_number_line(p, r)) {
        int strong, gstrong = 0;
        int whole = flat_row(p, r, k, &strong);
        size_t n = 0, join = 0, empty = SIZE_MAX, skip = 0;
        if (whole && strong && flat_resync(p, r, k))
            n = k;
        else if (r + 2 < p->nln && !p->ln[r + 1].blanks && lone_cell(p, r + 1) && row_number_line(p, r + 2) &&
                 group_number(p->t + p->ln[r].s, p->ln[r].e - p->ln[r].s) && flat_row(p, r + 2, k, &gstrong))
            n = 2; /* a group's row: its number and its title, then a row of the table */
        else if ((n = flat_broken_row(p, i, k, r, &join, &empty)) != 0)
            strong = 1; /* a row broken by the copy, the next in step again */
        else if (whole && strong && flat_stray(p, k, r, &strong)) {
            n = k; /* a page's number after the row: left out, the next row in step after it */
            skip = 1;
        } else if (whole && strong)
            n = k;
        else if (whole)
            n = k; /* the table's last row */
        if (!n)
            break;
        starts[nr] = r;
        joins[nr] = join;
        empties[nr] = empty;
        cells[nr++] = (uint8_t)n;
        full += n == k;
        r += n + skip;
        if (n != 2 && !strong)
            break;
    }
    if (!full)
        return 0;
    const pline *H = &p->ln[i];
    if (H->blanks && p->open)
        p->want_blank = 1;
    end_line(p, H->s);
    if (p->want_blank && p->o.len)
        out_lit(p, "\n", 1, H->s);
    p->want_blank = 0;
    flat_row_out(p, i, i + k - 1, 0, SIZE_MAX);
    for (size_t q = 0; q < nr; q++)
        flat_row_out(p, starts[q], starts[q] + cells[q] - 1, joins[q], empties[q]);
    p->open = 0;
    p->p_closed = p->p_hard = 1;
    p->p_table = 1;
    return r - i;
}

static void pass_layout(lpass *p)
{
    scan_lines(p);
    mark_running(p);
    p->nfoot = mark_footnotes(p);
    /* statistics: laid out on pages? usual indent and right edge */
    size_t wraps = 0, pages = 0;
    int32_t hist_i[64] = {0}, hist_e[512] = {0};
    for (size_t i = 0; i < p->nln; i++) {
        const pline *L = &p->ln[i];
        if (L->flags & LF_PAGE)
            pages++;
        if (i + 1 < p->nln && p->ln[i + 1].blanks == 0 && !is_terminal(L->last) && cp_is_lower(p->ln[i + 1].first))
            wraps++;
        hist_i[L->indent < 63 ? L->indent : 63]++;
        hist_e[L->endcol < 511 ? L->endcol : 511]++;
    }
    p->layout = pages > 0 || (wraps >= 3 && wraps * 10 >= p->nln);
    int32_t best = 0;
    for (int k = 1; k < 64; k++)
        if (hist_i[k] > hist_i[best])
            best = k;
    p->margin = best;
    {
        size_t at = 0, ind = 0;
        for (int k = 0; k < 64; k++) {
            if (k <= best + 1)
                at += (size_t)hist_i[k];
            else if (k >= best + 3 && k <= best + 15)
                ind += (size_t)hist_i[k];
        }
        p->margin_used = at * 4 >= p->nln && ind * 20 >= p->nln;
    }
    /* right edge: 80th percentile of line ends */
    size_t want = p->nln - p->nln / 5, acc = 0;
    p->right = 0;
    for (int k = 0; k < 512; k++) {
        acc += (size_t)hist_e[k];
        if (acc >= want && want) {
            p->right = k;
            break;
        }
    }
    if (!p->layout)
        p->right = 0;

    crow rowbuf[64];
    crow *rows = rowbuf;
    int carry_page = 0;
    size_t gapmemo[2] = {0, 0};
    for (size_t i = 0; i < p->nln;) {
        pline *L = &p->ln[i];
        cellinfo ci = {0};
        ci.indent = L->indent;
        ci.endcol = L->endcol;
        ci.page = (L->flags & LF_PAGE) != 0;
        ci.page_near = ci.page || (i + 1 < p->nln && (p->ln[i + 1].flags & LF_PAGE)) ||
                       (p->layout && i + 1 == p->nln) || page_in_text(p, i) || page_top(p, i);
        ci.crossed = ci.page || carry_page;
        size_t span0;
        if (L->flags & LF_RUNNING) {
            p->run_broke = 1;
            i++;
            continue;
        }
        if (L->flags & LF_FOOTNOTE) {
            /* kept back until the paragraph goes on past the page's turn and ends (flush_notes) */
            if (!p->foot_wait)
                p->foot_a = i;
            p->foot_b = i;
            p->foot_wait = 1;
            i++;
            continue;
        }
        uint32_t blanks = L->blanks;
        if (p->layout && (ci.page || carry_page))
            blanks = 0;
        if ((span0 = flat_table(p, i)) > 0) {
            carry_page = 0;
            i += span0;
            continue;
        }
        if (p->tab_ok && table_goes_on(p, i)) {
            size_t e = table_rows(p, i + 1, i, i, &p->tab);
            if (e) {
                carry_page = 0;
                i = e;
                continue;
            }
        }
        /* a column block? */
        size_t nrows = 0, span = 0;
        int maybe = memchr(p->t + L->s, '|', L->e - L->s) != NULL || line_gap(p, i, gapmemo);
        /* a line with one cell may start a block whose next row has two */
        if (!maybe && i + 1 < p->nln && p->ln[i + 1].blanks == 0 && L->e > L->s)
            maybe = line_gap(p, i + 1, gapmemo);
        if (maybe && (span = wrapped_table(p, i)) > 0) {
            carry_page = 0;
            i += span;
            continue;
        }
        if (maybe) {
            int by_rule = 0, columns;
            {
                tokenize(p, L->s, L->e, 0);
                int tight;
                size_t ds, de;
                classify(p, W_COLS | W_ROWS, &tight, &columns, &ds, &de);
                by_rule = columns > 0;
            }
            if ((i < HEADER_ZONE || by_rule) && columns >= 0)
                span = find_columns(p, i, by_rule, &rows, &nrows);
        }
        if (span) {
            if (blanks && p->open)
                p->want_blank = 1;
            int cp0 = carry_page;
            for (int side = 1; side <= 2; side++)
                for (size_t r = 0; r < nrows; r++) {
                    crow *c = &rows[r];
                    if (!(c->kind & side))
                        continue;
                    const pline *R = &p->ln[c->line];
                    cellinfo cc = {0};
                    cc.col = side;
                    cc.single = c->kind != 3;
                    cc.indent = R->indent;
                    cc.endcol = R->endcol;
                    cc.page = (R->flags & LF_PAGE) != 0;
                    if (side == 1)
                        tokenize(p, c->ls, c->le, 0);
                    else
                        tokenize(p, c->rs, c->re, 0);
                    emit_cell(p, &cc, &cp0);
                    if (side == 2 && c->xe > c->xs) {
                        tokenize(p, c->xs, c->xe, 0);
                        emit_cell(p, &cc, &cp0);
                    }
                }
            carry_page = 0;
            /* the next line never joins a column block */
            p->p_closed = p->p_hard = 1;
            i += span;
            continue;
        }
        /* an ordinary line (or a table row) */
        size_t ng = 0, wide = 0;
        if ((p->layout || p->p_table || p->rows_head == i + 1) && maybe) {
            gap g[8];
            size_t n = line_gaps(p, L, g, 8);
            ng = n - 2;
            for (size_t k = 1; k + 1 < n; k++)
                if (g[k].b - g[k].a >= 6)
                    wide++;
        }
        /* in a text of one line a paragraph, a line whose cells are set apart (by tabs: "3<TAB>Kiểm
         * tra …<TAB>Công an xã<TAB>Thường xuyên", in no column of the head's) right under a table's
         * row or head is the next row, its cells kept */
        ci.table = (p->layout ? ng >= 2 || wide > 0 : ng >= 1) || (maybe && bar_row(p->t + L->s, L->e - L->s));
        /* a sentence cut by one blank line where the source turned a page ("… của UBND" / "" /
         * "huyện Như Xuân về …"): a long line that stops mid-sentence, then small letters */
        if ((p->layout || p->plain) && blanks == 1 && i > 0 && cp_is_lower(L->first) && !is_terminal(p->ln[i - 1].last) &&
            !is_closing(p->ln[i - 1].last) && p->ln[i - 1].endcol - p->ln[i - 1].indent >= 40)
            blanks = 0;
        /* and by the page's number left out between blank lines ("… vững mạnh và" / "" / "2" / "" /
         * "các thôn …"): the sentence goes on */
        else if (p->plain && !p->layout && carry_page && blanks <= PAGE_BLANKS && cp_is_lower(L->first) && p->open &&
                 !p->p_closed) {
            blanks = 0;
            p->want_blank = 0;
        }
        ci.blanks = blanks;
        if (blanks && p->open)
            p->want_blank = 1;
        tokenize(p, L->s, L->e, ci.table);
        int cpg = 0;
        if (emit_cell(p, &ci, &cpg)) {
            carry_page = 0;
        } else {
            carry_page = carry_page || cpg;
            if (carry_page && p->layout)
                p->want_blank = 0;
        }
        i++;
    }
    end_line(p, p->tlen);
    flush_notes(p, p->tlen);
}

/* ---------------------------------------------------------------------------------- */

/* ---- capitals of a legacy font without toned capitals ---- */

static int viet_letter(int32_t cp) { return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF); }

static void to_caps(char *t, size_t a, size_t b)
{
    for (size_t k = a; k < b;) {
        int32_t cp;
        int l = vp_utf8_decode_fast(t + k, b - k, &cp);
        if (l <= 0)
            break;
        if (cp >= 0x80 && viet_letter(cp) && utf8proc_islower(cp)) {
            char u[4];
            if (vp_utf8_encode(utf8proc_toupper(cp), u) == l)
                memcpy(t + k, u, (size_t)l);
        }
        k += (size_t)l;
    }
}

/* A capital with a tone mark (TCVN3 has Ă Â Đ Ê Ô Ơ Ư, and no toned capital). */
static int toned_capital(int32_t cp)
{
    return cp >= 0xC0 && viet_letter(cp) && utf8proc_isupper(cp) && cp != 0x102 && cp != 0xC2 && cp != 0x110 &&
           cp != 0xCA && cp != 0xD4 && cp != 0x1A0 && cp != 0x1AF;
}

/* What a word t[a..b) is, read once:
 *  broken      capitals whose toned letters stayed small: a small Vietnamese letter with a
 *              capital after it ("TỉNH", "ủY", "HòA") or two capitals before it ("CHủ"), met
 *              before any ASCII small letter; "Số", "Xã", "Tự" are not;
 *  caps_toned  two or more capitals and no small letter, one a vowel not in ASCII, toned or
 *              not ("HỘI", "ĐÍCH", "YÊN": "Xã YÊN PHONG" lost only its "Ã"; not "QĐ", "HĐND");
 *  title       one capital, then only small toned letters ("Kế", "Xã", "Số"). */
typedef struct wshape {
    int broken, caps_toned, title;
} wshape;

static wshape word_shape(const char *t, size_t a, size_t b)
{
    wshape w = {0, 0, 0};
    int decided = 0, uppers_before = 0, pending = 0; /* broken: decided by its first telling letter */
    int caps_ok = 1, ncaps = 0, high = 0;
    int title_ok = 1, nletters = 0;
    for (size_t i = a; i < b;) {
        int32_t cp;
        int l = vp_utf8_decode_fast(t + i, b - i, &cp);
        i += (size_t)(l > 0 ? l : 1);
        if (cp < 0)
            return (wshape){w.broken, 0, 0};
        int upper, lower;
        if (cp < 0x80) {
            upper = cp >= 'A' && cp <= 'Z';
            lower = cp >= 'a' && cp <= 'z';
            if (!upper && !lower)
                continue;
            if (lower)
                caps_ok = 0, decided = 1;
        } else {
            if (!viet_letter(cp))
                continue;
            upper = utf8proc_isupper(cp);
            lower = utf8proc_islower(cp);
            if (!upper)
                caps_ok = 0;
            high |= upper && cp != 0x110; /* not "Đ", as in "HĐND", "QĐ" */
        }
        if (upper) {
            ncaps++;
            if (!decided && pending)
                w.broken = decided = 1;
            uppers_before++;
        } else if (lower && cp >= 0x80 && !decided) {
            if (uppers_before >= 2)
                w.broken = decided = 1;
            pending = 1;
        }
        if (nletters++ == 0 ? !upper : !(cp >= 0x80 && lower))
            title_ok = 0;
    }
    w.caps_toned = caps_ok && ncaps >= 2 && high;
    w.title = title_ok && nletters >= 2;
    return w;
}

static size_t utf8_len_at(const char *t, size_t i, size_t end)
{
    int32_t cp;
    int l = vp_utf8_decode_fast(t + i, end - i, &cp);
    return l > 0 ? (size_t)l : 1;
}

static int word_letter_at(const char *t, size_t i, size_t end)
{
    int32_t cp;
    vp_utf8_decode_fast(t + i, end - i, &cp);
    return cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') : viet_letter(cp);
}

/* TCVN3 has no codes for capitals with tone marks: text typed in a capitals font (.VnTimeH)
 * reads, byte for byte, "ủY BAN NHÂN DÂN", "Kế HOạCH", "PHó CHủ TịCH".  On line t[ls..le), a
 * word with a small toned letter among capitals is put in capitals wherever it is; on a line
 * without ASCII small letters that holds one (or a word of toned capitals), so are the words
 * of one capital and small toned letters ("Kế", "Xã").  In place: a Vietnamese capital has as
 * many UTF-8 bytes as its small letter, so spans and the offset map stay.  Returns the words
 * changed. */
static size_t caps_line(char *t, size_t ls, size_t le)
{
    size_t fixed = 0;
    int lower = 0, high = 0;
    for (size_t i = ls; i < le; i++) {
        unsigned char c = (unsigned char)t[i];
        lower |= (unsigned)(c - 'a') < 26u;
        high |= c >= 0x80;
    }
    int trigger = 0;
    for (int pass = 0; pass < 2 && high; pass++) {
        if (pass == 1 && (lower || !trigger))
            break;
        for (size_t i = ls; i < le;) {
            /* a word: letters in a row ("Số/Ngày" is two) */
            size_t j = i;
            while (j < le && word_letter_at(t, j, le))
                j += utf8_len_at(t, j, le);
            if (j == i) {
                i += utf8_len_at(t, i, le);
                continue;
            }
            wshape w = word_shape(t, i, j);
            if (pass == 0) {
                if (w.broken) {
                    to_caps(t, i, j);
                    fixed++;
                    trigger = 1;
                } else if (w.caps_toned)
                    trigger = 1;
            } else if (w.title) {
                to_caps(t, i, j);
                fixed++;
            }
            i = j;
        }
    }
    return fixed;
}

/* In a text that lost its toned capitals, a sentence (a line, or after ". ") whose first
 * letter is a small toned one, and "ủy ban nhân dân" (a body's name), begin with a capital:
 * "ủy ban nhân dân tỉnh ban hành …" -> "Ủy ban nhân dân tỉnh ban hành …". */
static size_t sentence_caps(char *t, size_t ls, size_t le)
{
    size_t fixed = 0;
    int start = 1; /* at the start of a sentence: no letter seen since */
    for (size_t i = ls; i < le;) {
        int32_t cp;
        int l = vp_utf8_decode_fast(t + i, le - i, &cp);
        if (l <= 0)
            break;
        int letter = cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') : viet_letter(cp);
        if (letter) {
            /* (only letters whose capital TCVN3 lacks: not đ, ă, â, ê, ô, ơ, ư) */
            int up = start && cp >= 0x80 && utf8proc_islower(cp) && toned_capital(utf8proc_toupper(cp));
            static const char ub[] = "\xe1\xbb\xa7y ban nh\xc3\xa2n d\xc3\xa2n"; /* ủy ban nhân dân */
            if (!up && cp == 0x1EE7 && le - i >= sizeof ub - 1 && memcmp(t + i, ub, sizeof ub - 1) == 0 &&
                (i == ls || !word_letter_at(t, i - 1, le)))
                up = 1;
            if (up) {
                to_caps(t, i, i + (size_t)l);
                fixed++;
            }
            start = 0;
            while (i < le && word_letter_at(t, i, le)) /* the rest of the word */
                i += utf8_len_at(t, i, le);
            continue;
        }
        if (cp == '.' && i + 1 < le && t[i + 1] == ' ')
            start = 1;
        i += (size_t)l;
    }
    return fixed;
}

/* Bytes of x in 'A'..'Z' (their high bits). */
static inline uint64_t upper_bytes(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ULL;
    return ((ones * (127 + 0x5B) - (x & ones * 127)) & ~x & ((x & ones * 127) + ones * (127 - 0x40))) & ones * 128;
}

/* every_line: read every line with a letter not in ASCII (after the layout pass, in a text
 * that had such words; with sentences, in a text that had three or more, the starts of
 * sentences too); else only the lines where an ASCII capital stands right after a
 * letter not in ASCII ("ỉN") or before one after another capital ("CHủ"), found eight
 * bytes at a time. */
static size_t restore_caps(char *t, size_t n, int every_line, int sentences)
{
    size_t fixed = 0;
    if (every_line) {
        for (size_t ls = 0; ls < n;) {
            const char *nl = memchr(t + ls, '\n', n - ls);
            size_t le = nl ? (size_t)(nl - t) : n;
            fixed += caps_line(t, ls, le);
            if (sentences)
                fixed += sentence_caps(t, ls, le);
            ls = le + 1;
        }
        return fixed;
    }
    const unsigned char *u = (const unsigned char *)t;
    for (size_t i = 0; i < n;) {
        uint64_t w;
        if (i + 8 <= n) {
            memcpy(&w, u + i, 8);
            if (!upper_bytes(w)) {
                i += 8;
                continue;
            }
        }
        size_t stop = i + 8 < n ? i + 8 : n;
        size_t hit = n;
        for (size_t k = i; k < stop && hit == n; k++) {
            if ((unsigned)(u[k] - 'A') >= 26u || k == 0)
                continue;
            size_t c = n; /* the letter not in ASCII next to this capital */
            if (u[k - 1] >= 0x80) {
                c = k - 1;
                while (c > 0 && (u[c] & 0xC0) == 0x80)
                    c--;
            } else if ((unsigned)(u[k - 1] - 'A') < 26u && k + 1 < n && u[k + 1] >= 0xC0) {
                c = k + 1;
            }
            int32_t cp;
            if (c < n && vp_utf8_decode_fast(t + c, n - c, &cp) > 0 && viet_letter(cp) && utf8proc_islower(cp))
                hit = k; /* "ỉN", "CHủ"; not "HĐND" */
        }
        if (hit == n) {
            i = stop;
            continue;
        }
        size_t ls = hit, le = hit;
        while (ls > 0 && t[ls - 1] != '\n')
            ls--;
        while (le < n && t[le] != '\n')
            le++;
        fixed += caps_line(t, ls, le);
        i = le + 1;
    }
    return fixed;
}

int vp_normalise(const char *in, size_t len, const vp_rules *rules, vp_matcher *m, const vp_norm_opts *opts,
                 vp_text *out, vp_diags *diags, char *err, size_t errlen)
{
    if (err && errlen)
        err[0] = 0;
    memset(out, 0, sizeof *out);
    if (!in && len) {
        if (err && errlen)
            snprintf(err, errlen, "no input");
        return -1;
    }
    vp_tone_style style = opts ? opts->tone : VP_TONE_NEW;
    vp_norm_tables *own = NULL;
    const vp_norm_tables *tabs = opts ? opts->tables : NULL;
    if (!tabs || tabs->style != style)
        tabs = own = vp_norm_tables_new(rules, style);
    const lookups *L = &tabs->L;
    if (diags && diags->arena)
        for (size_t i = 0; i < tabs->msgs.n; i++)
            vp_diag_add(diags, "rules", 0, "%s", tabs->msgs.v[i]);

    cpass c = {0};
    c.L = L;
    c.prev = c.prev2 = -1;
    vp_buf_reserve(&c.t, len + 16);
    char nfcerr[128] = "";
    pass_chars(&c, in ? in : "", len, nfcerr, sizeof nfcerr);
    if (diags && diags->arena) {
        if (c.ninvalid)
            vp_diag_add(diags, "invalid-utf8", 0,
                        "%zu invalid UTF-8 byte sequence(s) replaced by U+FFFD (first at input byte %zu)", c.ninvalid,
                        c.first_invalid);
        if (nfcerr[0])
            vp_diag_add(diags, "nfc", 0, "%s; text left as it was", nfcerr);
    }

    /* before the layout pass (its rules read "PHÓ CHỦ TỊCH"), and after it (for the lines it
     * cut from a two-column line) */
    size_t ncaps0 = c.t.data ? restore_caps(c.t.data, c.t.len, 0, 0) : 0;

    lpass p = {0};
    p.tab_h = 1; /* no table head kept (tab_h > tab_hend) */
    p.t = c.t.data ? c.t.data : "";
    p.tlen = c.t.len;
    p.am = &c.m;
    p.rules = rules;
    p.fam = rules ? tabs->layout : &no_family;
    p.rkind = tabs->kind;
    p.act = &tabs->act;
    p.cols = &tabs->cols;
    p.tight = &tabs->tight;
    p.dash = &tabs->dash;
    p.word = &tabs->word;
    p.num = &tabs->num;
    p.flat = &tabs->flat;
    p.split = &tabs->split;
    p.rows = &tabs->rows;
    p.thead = &tabs->thead;
    p.rownum = &tabs->rownum;
    p.tend = &tabs->tend;
    p.run = &tabs->run;
    p.chead = &tabs->chead;
    p.m = m;
    p.plain = opts && opts->plain;
    size_t words = m && vp_matcher_words(m) ? vp_matcher_words(m) : 1;
    p.hbits = vp_xcalloc(2 * words, sizeof *p.hbits);
    p.tbits = p.hbits + words;
    if (!m)
        p.fam = &no_family;
    vp_buf_reserve(&p.o, c.t.len + 16);
    pass_flat(&p, c.t.data, c.t.len);
    if (c.t.data) {
        pass_fill_fields(c.t.data, c.t.len);
        pass_rule_cells(c.t.data, c.t.len);
    }
    size_t runin = pass_runin(c.t.data, c.t.len);
    if (runin && diags && diags->arena)
        vp_diag_add(diags, "run-in-list", 0, "a numbered list run into one paragraph was cut into its items (%zu line break%s added)",
                    runin, runin == 1 ? "" : "s");
    pass_layout(&p);
    if (p.nfoot && diags && diags->arena)
        vp_diag_add(diags, "footnote", 0,
                    "%zu footnote%s at the foot of a page moved after the paragraph the page's turn cut, without %s number%s",
                    p.nfoot, p.nfoot == 1 ? "" : "s", p.nfoot == 1 ? "its" : "their", p.nfoot == 1 ? "" : "s");
    vp_buf_reserve(&p.o, 1);
    p.o.data[p.o.len] = 0;
    /* (only in a text that had such words: the lines the layout pass cut from a two-column
     * line are read again) */
    int lost = opts && opts->no_toned_caps;
    size_t ncaps = ncaps0 || lost ? restore_caps(p.o.data, p.o.len, 1, ncaps0 >= 3 || lost) + ncaps0 : 0;
    if (ncaps && diags && diags->arena)
        vp_diag_add(diags, "capitals", 0,
                    "%zu word%s of capitals with small toned letters (\"TỉNH\", as a legacy font without toned capitals writes them) put in capitals",
                    ncaps, ncaps == 1 ? "" : "s");

    /* lines */
    size_t nl = 0;
    for (const char *q = p.o.data, *end = p.o.data + p.o.len; q && q < end; q++) {
        q = memchr(q, '\n', (size_t)(end - q));
        if (!q)
            break;
        nl++;
    }
    if (p.o.len && p.o.data[p.o.len - 1] != '\n')
        nl++;
    out->lines = vp_xmalloc((nl ? nl : 1) * sizeof *out->lines);
    size_t k = 0;
    if (p.o.len) {
        out->lines[k++] = 0;
        for (const char *q = p.o.data, *end = p.o.data + p.o.len - 1; q < end; q++) {
            q = memchr(q, '\n', (size_t)(end - q));
            if (!q)
                break;
            out->lines[k++] = (size_t)(q - p.o.data) + 1;
        }
    }
    out->nlines = k;
    out->len = p.o.len;
    out->data = vp_buf_steal(&p.o);
    if (!p.om.n)
        seg_note(&p.om, 0, 0);
    out->map = p.om.s;
    out->nmap = p.om.n;

    free(p.ln);
    free(p.tk);
    free(p.wl);
    free(p.hbits);
    vp_buf_free(&p.ct);
    vp_buf_free(&c.t);
    free(c.m.s);
    vp_norm_tables_free(own);
    return 0;
}
