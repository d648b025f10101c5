/* pairing.c - stage 5 over a whole run: which documents carry out which, and the report.
 *
 * Each document is reduced to a small key (own number, date, authority, level and its
 * `implements` references); the trees are freed at once, so memory grows with the number of
 * documents only by a few short strings each.  A child's `implements` reference pairs it with a
 * document when the numbers are equal (vp_number_key), the dates are equal and the reference's
 * authority is compatible with the document's (every word of the reference's authority, after
 * abbreviations are expanded, is in the document's authority or its parent authority, or
 * names only the document's level: rules/compare.tsv level-word).  Equal numbers with a
 * different date (a missing one: below), or an incompatible authority, make a near-miss with
 * the reason.
 * A reference that names a programme without a number ("Chiến lược quốc gia về bình đẳng giới
 * giai đoạn 2021 - 2030") pairs the child with a document whose title holds the same
 * syllables in a row, issued no later than the child, unless the title has a carry word
 * before the name (rules/compare.tsv carry-words: a sibling that carries it out too).
 * A number cited with no date pairs with the only document of that number by the issuer named, of
 * the child's year or the one before and not after the child; an issuer named by its level alone
 * ("của UBND tỉnh", "của Ban Thường vụ Tỉnh ủy") only when the child stands under that document's
 * issuer (child_is_under).  Documents of one number and date
 * by several issuers, cited by the level alone, pair with those the child stands under when its
 * authority names some (child_is_under).  A report, letter or notice (rules/compare.tsv
 * not-child-doctypes) is never a child; a news page is no near-miss when a document of its
 * number is paired or a near-miss.
 * Each pair is then compared (vp_compare_xml_link), written to OUT/compliance/CHILD--PARENT.xml,
 * and summarised for OUT/report.html.
 */
#include "compare.h"
#include "compare_int.h"

#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- document keys ------------------------------------------------------------------ */

static char *path_join(const char *a, const char *b);

typedef struct kref {
    char *id, *number, *key, *date, *authority;
    char *name; /* a programme named without a number (key NULL), else NULL */
} kref;

typedef struct dkey {
    char *xml;                       /* relative to outdir */
    char *key1, *key2;               /* own number keys (NULL when blank) */
    char *number;                    /* as shown */
    char *date, *authority, *level;  /* authority: with the parent authority appended */
    char *title;
    char *doctype;                   /* its doctype code ("KH", "BC"), "" when none */
    kref *refs;
    size_t nrefs;
    char *auth_fold;     /* its issuer's syllables joined, made at their first use (same_issuer) */
    vp_tokens title_tok; /* its title's syllables, made only when some document names a programme */
    int have_title_tok;
    int news;      /* a news page (genre="news") rather than the document itself */
    size_t weight; /* bytes of its XML from <body> on: how much was read in it */
} dkey;

static char *xattr(const xmlNode *n, const char *name)
{
    if (!n)
        return vp_xstrdup("");
    xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
    char *s = vp_xstrdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

static char *xtext(const xmlNode *n)
{
    if (!n)
        return vp_xstrdup("");
    xmlChar *v = xmlNodeGetContent(n);
    char *s = vp_xstrdup(v ? (const char *)v : "");
    xmlFree(v);
    for (char *p = s; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    return s;
}

static void dkey_free(dkey *k)
{
    if (k->have_title_tok)
        vp_tokens_free(&k->title_tok);
    free(k->auth_fold);
    free(k->xml);
    free(k->key1);
    free(k->key2);
    free(k->number);
    free(k->date);
    free(k->authority);
    free(k->level);
    free(k->title);
    free(k->doctype);
    for (size_t i = 0; i < k->nrefs; i++) {
        free(k->refs[i].name);
        free(k->refs[i].id);
        free(k->refs[i].number);
        free(k->refs[i].key);
        free(k->refs[i].date);
        free(k->refs[i].authority);
    }
    free(k->refs);
}

/* 0 on success, -1 when the file cannot be read as a vnplan document (it is then skipped). */
static int dkey_read(const char *outdir, const char *xml, dkey *k)
{
    memset(k, 0, sizeof *k);
    char *path = path_join(outdir, xml);
    /* only what comes before <body> is read: the meta and the references (text holds no
     * "<", so the first "<body" is the element); the rest of the tree is not built */
    unsigned char *buf = NULL;
    size_t len = 0;
    char rerr[256];
    int rd = vp_read_file(path, SIZE_MAX - 32, &buf, &len, rerr, sizeof rerr);
    free(path);
    if (rd != 0)
        return -1;
    const char *body = memmem(buf, len, "<body", 5);
    size_t plen = len, bodyat = len;
    static const char close[] = "</document>";
    if (body && len - (size_t)(body - (const char *)buf) >= sizeof close - 1) {
        bodyat = (size_t)(body - (const char *)buf);
        memcpy(buf + bodyat, close, sizeof close - 1); /* over "<body…", inside the buffer */
        plen = bodyat + sizeof close - 1;
    }
    xmlDocPtr doc = xmlReadMemory((const char *)buf, (int)(plen > INT_MAX ? INT_MAX : plen), NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(buf);
    if (!doc)
        return -1;
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (!vp_cmp_is_el(root, "document")) {
        xmlFreeDoc(doc);
        return -1;
    }
    k->xml = vp_xstrdup(xml);
    char *genre = xattr(root, "genre");
    k->news = !strcmp(genre, "news");
    free(genre);
    k->weight = len - bodyat; /* the body and the facts */
    const xmlNode *meta = vp_cmp_child_el(root, "meta");
    const xmlNode *num = vp_cmp_child_el(meta, "number"), *au = vp_cmp_child_el(meta, "authority");
    char *seq = xattr(num, "seq"), *sym = xattr(num, "symbol"), *ntext = xtext(num);
    if (seq[0]) {
        size_t l = strlen(seq) + strlen(sym) + 2;
        k->number = vp_xmalloc(l);
        snprintf(k->number, l, "%s/%s", seq, sym);
        k->key1 = vp_number_key(k->number);
    } else {
        k->number = vp_xstrdup(ntext);
    }
    k->key2 = vp_number_key(ntext);
    if (k->key1 && k->key2 && !strcmp(k->key1, k->key2)) {
        free(k->key2);
        k->key2 = NULL;
    }
    free(seq);
    free(sym);
    free(ntext);
    k->date = xattr(vp_cmp_child_el(meta, "date"), "value");
    char *a = xtext(au), *ap = xattr(au, "parent");
    size_t l = strlen(a) + strlen(ap) + 2;
    k->authority = vp_xmalloc(l);
    snprintf(k->authority, l, "%s%s%s", a, ap[0] ? " " : "", ap);
    free(a);
    free(ap);
    k->level = xattr(au, "level");
    k->title = xtext(vp_cmp_child_el(meta, "title"));
    k->doctype = xattr(vp_cmp_child_el(meta, "doctype"), "code");
    const xmlNode *refs = vp_cmp_child_el(root, "references");
    size_t n = 0;
    for (const xmlNode *c = refs ? refs->children : NULL; c; c = c->next)
        n += vp_cmp_is_el(c, "reference");
    k->refs = vp_xcalloc(n + 1, sizeof *k->refs);
    for (const xmlNode *c = refs ? refs->children : NULL; c; c = c->next) {
        if (!vp_cmp_is_el(c, "reference"))
            continue;
        char *rel = xattr(c, "relation");
        int impl = !strcmp(rel, "implements");
        free(rel);
        if (!impl)
            continue;
        kref *r = &k->refs[k->nrefs];
        r->number = xattr(c, "number");
        r->key = vp_number_key(r->number);
        if (!r->key && !r->number[0]) { /* a programme named without a number, or a plan by
                                          * its subject (attribute title) */
            char *t = xattr(c, "title");
            if (!t[0]) {
                free(t);
                t = xtext(c);
            }
            if (t[0])
                r->name = t;
            else
                free(t);
        }
        if (!r->key && !r->name) {
            free(r->number);
            continue;
        }
        r->id = xattr(c, "id");
        r->date = xattr(c, "date");
        r->authority = xattr(c, "authority");
        k->nrefs++;
    }
    xmlFreeDoc(doc);
    return 0;
}

typedef struct nent {
    const char *key;
    size_t doc;
} nent;

static int cmp_nent(const void *a, const void *b)
{
    const nent *x = a, *y = b;
    int r = strcmp(x->key, y->key);
    return r ? r : (x->doc > y->doc) - (x->doc < y->doc);
}

/* The first entry of the sorted ix[0..n) whose key is not below key. */
static size_t nent_first(const nent *ix, size_t n, const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(ix[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int cmp_pair(const void *a, const void *b)
{
    const vp_pair *x = a, *y = b;
    int r = strcmp(x->child, y->child);
    if (r)
        return r;
    r = strcmp(x->parent, y->parent);
    if (r)
        return r;
    return strcmp(x->reason ? x->reason : "", y->reason ? y->reason : "");
}

typedef struct pairvec {
    vp_pair *v;
    size_t n, cap;
} pairvec;

static void pv_push(pairvec *p, const char *child, const char *parent, char *reason)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 16;
        p->v = vp_xrealloc(p->v, p->cap * sizeof *p->v);
    }
    vp_pair *x = &p->v[p->n++];
    memset(x, 0, sizeof *x);
    x->child = vp_xstrdup(child);
    x->parent = vp_xstrdup(parent);
    x->reason = reason;
}

static void pair_free(vp_pair *p)
{
    free(p->child);
    free(p->parent);
    free(p->file);
    free(p->reason);
}

/* p sorted by child, parent, each pair once. */
static void pv_sort_unique(pairvec *p)
{
    if (p->n)
        qsort(p->v, p->n, sizeof *p->v, cmp_pair);
    size_t k = 0;
    for (size_t i = 0; i < p->n; i++) {
        if (k && !strcmp(p->v[k - 1].child, p->v[i].child) && !strcmp(p->v[k - 1].parent, p->v[i].parent)) {
            pair_free(&p->v[i]);
            continue;
        }
        p->v[k++] = p->v[i];
    }
    p->n = k;
}

void vp_pairs_free(vp_pairs *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->npairs; i++)
        pair_free(&p->pairs[i]);
    for (size_t i = 0; i < p->nnear; i++)
        pair_free(&p->near[i]);
    for (size_t i = 0; i < p->ncopies; i++)
        pair_free(&p->copies[i]);
    free(p->pairs);
    free(p->near);
    free(p->copies);
    memset(p, 0, sizeof *p);
}

static char *dup_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *dup_printf(const char *fmt, ...)
{
    vp_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    vp_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return vp_buf_steal(&b);
}

/* Is a reference's authority (empty: none named) the candidate's (vp_authority_fits)? */
static int authority_fits(const vp_cmp_cfg *cfg, const char *authority, const dkey *cand)
{
    return vp_authority_fits(cfg, authority, cand->authority, cand->level);
}

/* May k be a child: not a report, a letter or a notice citing the plan it reports on or passes
 * on (rules/compare.tsv not-child-doctypes)? */
static int may_be_child(const vp_cmp_cfg *cfg, const dkey *k)
{
    for (const char *const *t = cfg->not_child_doctypes; t && *t; t++)
        if (k->doctype && !strcmp(*t, k->doctype))
            return 0;
    return 1;
}

/* Is cand's issuer the body the child stands under: every word of cand's authority in the
 * child's own authority with the one above it ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" under "UBND TỈNH
 * HẢI DƯƠNG" is under "ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG", not under "… TỈNH HƯNG YÊN")? */
static int child_is_under(const vp_cmp_cfg *cfg, const dkey *child, const dkey *cand)
{
    return cand->authority[0] && vp_authority_fits(cfg, cand->authority, child->authority, NULL);
}

/* Decides one candidate: returns NULL when paired, else the near-miss reason. */
static char *judge(const vp_cmp_cfg *cfg, const dkey *child, const kref *r, const dkey *cand)
{
    if (!r->date[0]) {
        /* a number cited without its date ("Kế hoạch số 45/KH-UBND của UBND tỉnh Thanh Hóa"): the
         * document of that number by the issuer named (more than its level), of the child's year
         * or the one before and not after the child (a number names one document of its issuer
         * in a year); paired when it is the only one (find_pairs), its reference check then says
         * the date is missing */
        if (r->authority[0] && !authority_fits(cfg, r->authority, cand))
            return dup_printf("same number, other authority: %s cites %s (%s) with no date by \"%s\"; %s is by \"%s\"",
                              child->xml, r->number, r->id, r->authority, cand->xml, cand->authority);
        int cy = strlen(child->date) >= 4 ? atoi(child->date) : 0, dy = strlen(cand->date) >= 4 ? atoi(cand->date) : 0;
        /* an issuer named by its level alone ("của UBND huyện") names no one (level-bodies),
         * unless the child stands under the candidate's issuer ("HUYỆN ỦY LỤC NAM" of "ĐẢNG BỘ
         * TỈNH BẮC GIANG" citing "Kế hoạch số 86-KH/TU của Ban Thường vụ Tỉnh ủy") */
        int level_only = !r->authority[0];
        for (const char *const *b = cfg->level_bodies; b && *b && !level_only; b++)
            level_only = vp_authority_fits(cfg, r->authority, *b, cand->level);
        if (level_only && r->authority[0] && child_is_under(cfg, child, cand))
            level_only = 0;
        if (level_only || !cy || !dy || dy > cy || dy < cy - 1 || strcmp(cand->date, child->date) > 0)
            return dup_printf("%s cites %s (%s) with no date; %s is %s of %s, so the link cannot be confirmed", child->xml,
                              r->number, r->id, cand->xml, cand->number, cand->date[0] ? cand->date : "no date");
        return NULL;
    }
    if (strcmp(r->date, cand->date))
        return dup_printf("same number, different date: %s cites %s of %s (%s); %s is %s of %s", child->xml, r->number,
                          r->date, r->id, cand->xml, cand->number, cand->date[0] ? cand->date : "no date");
    if (!authority_fits(cfg, r->authority, cand))
        return dup_printf("same number and date, other authority: %s cites %s of %s by \"%s\" (%s); %s is by \"%s\"",
                          child->xml, r->number, r->date, r->authority, r->id, cand->xml, cand->authority);
    return NULL;
}

static char *compliance_name(const char *child, const char *parent)
{
    vp_buf b = {0};
    vp_buf_adds(&b, "compliance/");
    for (int k = 0; k < 2; k++) {
        const char *s = k ? parent : child;
        size_t n = strlen(s);
        if (n > 4 && !strcmp(s + n - 4, ".xml"))
            n -= 4;
        for (size_t i = 0; i < n; i++)
            vp_buf_addc(&b, s[i] == '/' ? '_' : s[i]);
        vp_buf_adds(&b, k ? ".xml" : "--");
    }
    return vp_buf_steal(&b);
}

/* ---- report summary -------------------------------------------------------------- */

#define W(call)                                                                                                        \
    do {                                                                                                               \
        if ((call) < 0)                                                                                                \
            goto fail;                                                                                                 \
    } while (0)

static int rank_of(const char *v)
{
    if (!strcmp(v, "missing") || !strcmp(v, "absent"))
        return 0;
    if (!strcmp(v, "below") || !strcmp(v, "later") || !strcmp(v, "mismatch"))
        return 1;
    if (!strcmp(v, "unclear"))
        return 2;
    return 3;
}

/* Cuts s to at most max characters (UTF-8 safe), adding an ellipsis. */
static char *cut(const char *s, size_t max)
{
    size_t n = strlen(s), chars = 0, i = 0;
    while (i < n && chars < max) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        chars++;
    }
    if (i >= n)
        return vp_xstrdup(s);
    char *o = vp_xmalloc(i + 4);
    memcpy(o, s, i);
    memcpy(o + i, "\xE2\x80\xA6", 4);
    return o;
}

/* The page's summary (s->w: the pairs, near-misses and the count of checks left out) and its
 * check rows, each a fragment <pair child parent><check …/></pair> appended to the rows file
 * (rows_fd) with its rank and place (rows[]): report.c lays them out weakest first, a few
 * hundred at a time, so the report's memory does not grow with the number of rows. */
typedef struct summary {
    xmlTextWriterPtr w;
    size_t rows_weak, rows_ok, omitted;
    int rows_fd;
    long long rows_off;
    vp_report_row *rows;
    size_t nrows, rows_cap;
    xmlBufferPtr rb;      /* one row's fragment */
    xmlTextWriterPtr rw;  /* writing into rb */
} summary;

static int attr_cat(vp_buf *b, const xmlNode *n, const char *name, const char *label)
{
    xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
    if (!v)
        return 0;
    if (b->len)
        vp_buf_adds(b, ", ");
    if (label)
        vp_buf_printf(b, "%s %s", label, (const char *)v);
    else
        vp_buf_adds(b, (const char *)v);
    xmlFree(v);
    return 1;
}

/* The fragment in s->rb to the end of the rows file, with its rank; -1 when it cannot be written. */
static int row_keep(summary *s, int rank)
{
    if (xmlTextWriterFlush(s->rw) < 0)
        return -1;
    const char *d = (const char *)xmlBufferContent(s->rb);
    size_t len = (size_t)xmlBufferLength(s->rb);
    if (vp_write_all(s->rows_fd, d, len) < 0)
        return -1;
    if (s->nrows == s->rows_cap) {
        s->rows_cap = s->rows_cap ? 2 * s->rows_cap : 256;
        s->rows = vp_xrealloc(s->rows, s->rows_cap * sizeof *s->rows);
    }
    s->rows[s->nrows++] = (vp_report_row){rank, s->rows_off, len};
    s->rows_off += (long long)len;
    xmlBufferEmpty(s->rb);
    return 0;
}

/* One pair of the summary, and its check rows, from a compliance document. */
static int summary_pair(const vp_cmp_cfg *cfg, summary *s, const vp_pair *p, const char *xml, size_t len)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        return -1;
    xmlTextWriterPtr w = s->rw;
    size_t nweak = 0, nrows = 0;
    const xmlNode *root = xmlDocGetRootElement(doc);
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        int isref = vp_cmp_is_el(c, "reference-check");
        /* a warning on the comparison as a whole ("the child has no section of tasks …"): a row
         * of what it leaves unclear */
        int isdiag = vp_cmp_is_el(c, "diagnostics");
        xmlChar *v = isdiag ? NULL : xmlGetNoNsProp(c, BAD_CAST(isref ? "status" : "verdict"));
        const char *verdict = isdiag ? "unclear" : v ? (const char *)v : "";
        int rank = rank_of(verdict);
        if ((rank < 3 && s->rows_weak >= cfg->report_weak_rows) || (rank == 3 && s->rows_ok >= cfg->report_ok_rows)) {
            s->omitted++;
            xmlFree(v);
            continue;
        }
        if (rank < 3) {
            s->rows_weak++;
            nweak++;
        } else {
            s->rows_ok++;
        }
        nrows++;
        char rk[8];
        snprintf(rk, sizeof rk, "%d", rank);
        vp_buf det = {0};
        if (isdiag) {
            /* each warning's text, not the layout around them ("the child has no section of
             * tasks …"; "the parent has no section …") */
            for (const xmlNode *g = c->children; g; g = g->next)
                if (g->type == XML_ELEMENT_NODE) {
                    xmlChar *t = xmlNodeGetContent(g);
                    if (det.len)
                        vp_buf_adds(&det, "; ");
                    vp_buf_adds(&det, t ? (const char *)t : "");
                    xmlFree(t);
                }
        } else if (isref) {
            xmlChar *t = xmlNodeGetContent(c);
            vp_buf_adds(&det, t ? (const char *)t : "");
            xmlFree(t);
        } else if (vp_cmp_is_el(c, "section-check")) {
            attr_cat(&det, c, "kind", "section");
        } else if (vp_cmp_is_el(c, "target-check")) {
            attr_cat(&det, c, "parent-value", "parent");
            attr_cat(&det, c, "parent-unit", NULL);
            attr_cat(&det, c, "parent-op", NULL);
            attr_cat(&det, c, "parent-by", "by");
            attr_cat(&det, c, "child-value", "child");
            attr_cat(&det, c, "child-unit", NULL);
            attr_cat(&det, c, "child-op", NULL);
            attr_cat(&det, c, "child-by", "by");
            attr_cat(&det, c, "reason", NULL);
        } else if (vp_cmp_is_el(c, "deadline-check")) {
            attr_cat(&det, c, "kind", NULL);
            attr_cat(&det, c, "every", NULL);
            attr_cat(&det, c, "parent-to", "parent by");
            attr_cat(&det, c, "parent-from", "parent from");
            attr_cat(&det, c, "child-to", "child by");
            attr_cat(&det, c, "child-from", "child from");
            attr_cat(&det, c, "child-date", "child plan dated");
        }
        int ok = xmlTextWriterStartElement(w, BAD_CAST "pair") >= 0 &&
                 xmlTextWriterWriteAttribute(w, BAD_CAST "child", BAD_CAST p->child) >= 0 &&
                 xmlTextWriterWriteAttribute(w, BAD_CAST "parent", BAD_CAST p->parent) >= 0 &&
                 xmlTextWriterStartElement(w, BAD_CAST "check") >= 0 &&
                 xmlTextWriterWriteAttribute(w, BAD_CAST "type", c->name) >= 0 &&
                 xmlTextWriterWriteAttribute(w, BAD_CAST "verdict", BAD_CAST verdict) >= 0 &&
                 xmlTextWriterWriteAttribute(w, BAD_CAST "rank", BAD_CAST rk) >= 0;
        xmlFree(v);
        /* the ids compared (a section-check's parent/child say present/absent; its ids are
         * parent-section/child-section) */
        int issec = vp_cmp_is_el(c, "section-check");
        static const char *const keep[] = {"parent", "child", "similarity", NULL};
        static const char *const from_sec[] = {"parent-section", "child-section", "similarity", NULL};
        for (size_t k = 0; ok && keep[k]; k++) {
            xmlChar *a = xmlGetNoNsProp(c, BAD_CAST(issec ? from_sec[k] : keep[k]));
            if (a && !(isref && !strcmp(keep[k], "parent")))
                ok = xmlTextWriterWriteAttribute(w, BAD_CAST keep[k], a) >= 0;
            xmlFree(a);
        }
        if (ok && det.len)
            ok = xmlTextWriterWriteAttribute(w, BAD_CAST "detail", BAD_CAST det.data) >= 0;
        vp_buf_free(&det);
        for (const xmlNode *t = c->children; ok && t; t = t->next) {
            if (!vp_cmp_is_el(t, "parent-text") && !vp_cmp_is_el(t, "child-text"))
                continue;
            xmlChar *tx = xmlNodeGetContent(t);
            char *ct = cut(tx ? (const char *)tx : "", cfg->report_text_chars);
            xmlFree(tx);
            ok = xmlTextWriterWriteElement(w, t->name, BAD_CAST ct) >= 0;
            free(ct);
        }
        if (!ok || xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndElement(w) < 0 || row_keep(s, rank) < 0)
            goto fail;
    }
    char sc[32], nw[32], nr[32];
    snprintf(sc, sizeof sc, "%.3f", p->score);
    snprintf(nw, sizeof nw, "%zu", nweak);
    snprintf(nr, sizeof nr, "%zu", nrows);
    W(xmlTextWriterStartElement(s->w, BAD_CAST "pair"));
    W(xmlTextWriterWriteAttribute(s->w, BAD_CAST "child", BAD_CAST p->child));
    W(xmlTextWriterWriteAttribute(s->w, BAD_CAST "parent", BAD_CAST p->parent));
    W(xmlTextWriterWriteAttribute(s->w, BAD_CAST "file", BAD_CAST p->file));
    W(xmlTextWriterWriteAttribute(s->w, BAD_CAST "score", BAD_CAST sc));
    W(xmlTextWriterWriteAttribute(s->w, BAD_CAST "weak", BAD_CAST nw));
    W(xmlTextWriterWriteAttribute(s->w, BAD_CAST "rows", BAD_CAST nr));
    W(xmlTextWriterEndElement(s->w));
    xmlFreeDoc(doc);
    return 0;
fail:
    xmlFreeDoc(doc);
    return -1;
}

/* ---- the run ------------------------------------------------------------------------ */

/* Of two copies of one document (same_document), the one compared with its
 * children: the document rather than a news page about it, then the one with more XML from
 * its body on (more was read in it), then the first by name; every child gets the same one. */
static int better_copy(const dkey *a, const dkey *b)
{
    if (a->news != b->news)
        return b->news;
    if (a->weight != b->weight)
        return a->weight > b->weight;
    return strcmp(a->xml, b->xml) < 0;
}

/* Are a and b one document, if their issuer is the same (same_issuer): the same number (its
 * key) issued in the same year?  A number names one document of its issuer in a year; a page
 * that shows it again, a copy in another format, are that document. */
static int same_document(const dkey *a, const dkey *b)
{
    return a->key1 && b->key1 && !strcmp(a->key1, b->key1) && strlen(a->date) >= 4 && strlen(b->date) >= 4 &&
           !strncmp(a->date, b->date, 4);
}

/* A text's syllables joined by single spaces (malloc'd). */
static char *joined(const vp_tokens *t, size_t from, size_t to)
{
    vp_buf b = {0};
    for (size_t i = from; i < to && i < t->nseq; i++) {
        if (i > from)
            vp_buf_addc(&b, ' ');
        vp_buf_adds(&b, t->seq[i]);
    }
    if (!b.data)
        vp_buf_adds(&b, "");
    return vp_buf_steal(&b);
}

static const char *auth_fold(const vp_cmp_cfg *cfg, dkey *k)
{
    if (!k->auth_fold) {
        vp_tokens t;
        vp_tokens_make_seq(cfg, k->authority, 0, &t);
        k->auth_fold = joined(&t, 0, t.nseq);
        vp_tokens_free(&t);
    }
    return k->auth_fold;
}

/* Do a and b name the same issuer: the same words once abbreviations are expanded and case
 * and marks folded as the comparison folds them ("UBND tỉnh Ninh Bình", "ỦY BAN NHÂN DÂN TỈNH
 * NINH BÌNH")?  Two plans "102/KH-UBND" of one day from two provinces are two documents, not
 * copies of one. */
static int same_issuer(const vp_cmp_cfg *cfg, dkey *a, dkey *b)
{
    return !strcmp(a->authority, b->authority) || !strcmp(auth_fold(cfg, a), auth_fold(cfg, b));
}

/* Does a news page name the issuer of a document by its signer, the issuer's words last
 * ("Thủ tướng Chính phủ đã ký Nghị quyết số 28/NQ-CP" for the Government's resolution, "Bộ
 * trưởng Bộ Y tế" for the Ministry's decision): is one folded issuer the other's end, after a
 * space? */
static int signer_of(const vp_cmp_cfg *cfg, dkey *a, dkey *b)
{
    const char *x = auth_fold(cfg, a), *y = auth_fold(cfg, b);
    size_t nx = strlen(x), ny = strlen(y);
    if (nx < ny) {
        const char *t = x;
        x = y;
        y = t;
        size_t n = nx;
        nx = ny;
        ny = n;
    }
    return ny > 0 && nx > ny && x[nx - ny - 1] == ' ' && !strcmp(x + nx - ny, y);
}

/* Keeps document d among the parents found for one reference (best[0..*nbest)), copies of
 * one document once: d is added, or takes the place of its copy when it is the better one.
 * by_year: copies share the number and the year (same_document), else the date (the
 * reference's, which every candidate has); and always the issuer, which a news page about the
 * document may name by its signer (signer_of). */
static int same_copy(const vp_cmp_cfg *cfg, dkey *keys, size_t a, size_t d, int by_year)
{
    return (by_year ? same_document(&keys[a], &keys[d]) : strcmp(keys[a].date, keys[d].date) == 0) &&
           (same_issuer(cfg, &keys[a], &keys[d]) ||
            ((keys[a].news || keys[d].news) && signer_of(cfg, &keys[a], &keys[d])));
}

static void keep_copy(const vp_cmp_cfg *cfg, dkey *keys, size_t *best, size_t *nbest, size_t d, int by_year)
{
    size_t b = 0;
    while (b < *nbest && !same_copy(cfg, keys, best[b], d, by_year))
        b++;
    if (b == *nbest)
        best[(*nbest)++] = d;
    else if (better_copy(&keys[d], &keys[best[b]]))
        best[b] = d;
}

/* The documents of seen[0..nseen) that keep_copy left out for a copy of theirs in
 * best[0..nbest), into copies (child: the copy, parent: the one compared instead).  Being a copy
 * goes from one to the next (one number, year or date, issuer), so the one kept is found among
 * the last kept. */
static void note_copies(const vp_cmp_cfg *cfg, dkey *keys, const size_t *best, size_t nbest, const size_t *seen,
                        size_t nseen, int by_year, pairvec *copies)
{
    for (size_t i = 0; i < nseen; i++) {
        size_t b = 0;
        while (b < nbest && best[b] != seen[i])
            b++;
        if (b < nbest)
            continue; /* compared */
        for (b = 0; b < nbest; b++)
            if (same_copy(cfg, keys, best[b], seen[i], by_year)) {
                pv_push(copies, keys[seen[i]].xml, keys[best[b]].xml, NULL);
                break;
            }
    }
}

/* The syllables of k's title, made at their first use (NULL when it has none). */
static const vp_tokens *title_tokens(const vp_cmp_cfg *cfg, dkey *k)
{
    if (!k->title || !k->title[0])
        return NULL;
    if (!k->have_title_tok) {
        vp_tokens_make_seq(cfg, k->title, 0, &k->title_tok);
        k->have_title_tok = 1;
    }
    return &k->title_tok;
}

/* Into stitles the titles (their syllables joined) without marks, into *ix (sorted) every place
 * in them where a syllable starts. */
static void stripped_index(char *const *titles, size_t nk, char **stitles, nent **ix, size_t *nix)
{
    size_t n = 0, cap = 0;
    nent *x = NULL;
    for (size_t d = 0; d < nk; d++) {
        if (!titles[d] || !(stitles[d] = vp_strip_marks(titles[d])))
            continue;
        for (char *p = stitles[d]; p; p = strchr(p, ' '), p = p ? p + 1 : NULL) {
            if (n == cap) {
                cap = cap ? 2 * cap : 256;
                x = vp_xrealloc(x, cap * sizeof *x);
            }
            x[n++] = (nent){p, d};
        }
    }
    if (n)
        qsort(x, n, sizeof *x, cmp_nent);
    *ix = x;
    *nix = n;
}

/* Children that name a programme (kref.name) and the documents whose titles hold the name.
 * Each title is made syllables once; the places in it where a name's first syllable stands
 * (and no carry word comes before) are sorted, and each name is looked up by binary search. */
static void pair_by_name(const vp_cmp_cfg *cfg, dkey *keys, size_t nk, pairvec *pairs, pairvec *copies)
{
    /* the names, and the syllables they start with */
    size_t nnamed = 0;
    for (size_t c = 0; c < nk; c++)
        for (size_t r = 0; r < keys[c].nrefs; r++)
            nnamed += keys[c].refs[r].name != NULL;
    if (!nnamed)
        return;
    char **names = vp_xcalloc(nnamed + 1, sizeof *names);
    size_t *owner = vp_xcalloc(nnamed + 1, sizeof *owner);
    const kref **owner_ref = vp_xcalloc(nnamed + 1, sizeof *owner_ref);
    char **firsts = vp_xcalloc(nnamed + 1, sizeof *firsts);
    size_t nn = 0, nf = 0;
    for (size_t c = 0; c < nk; c++)
        for (size_t r = 0; r < keys[c].nrefs; r++) {
            if (!keys[c].refs[r].name || !may_be_child(cfg, &keys[c]))
                continue;
            vp_tokens t;
            vp_tokens_make_seq(cfg, keys[c].refs[r].name, 0, &t);
            if (t.nseq >= 4 && vp_tokens_last_year(&t)) { /* a name with its period */
                names[nn] = joined(&t, 0, t.nseq);
                owner_ref[nn] = &keys[c].refs[r];
                owner[nn++] = c;
                firsts[nf++] = joined(&t, 0, 1);
            }
            vp_tokens_free(&t);
        }
    qsort(firsts, nf, sizeof *firsts, vp_strp_cmp);
    size_t u = 0;
    for (size_t i = 0; i < nf; i++) {
        if (u && !strcmp(firsts[u - 1], firsts[i])) {
            free(firsts[i]);
            continue;
        }
        firsts[u++] = firsts[i];
    }
    nf = u;
    /* the places in the titles */
    char **titles = vp_xcalloc(nk + 1, sizeof *titles);
    nent *ix = NULL; /* the places in the titles where a name may start: their syllables from there */
    size_t nix = 0, cap = 0;
    for (size_t d = 0; d < nk && nn; d++) {
        const vp_tokens *t = title_tokens(cfg, &keys[d]);
        if (!t)
            continue;
        titles[d] = joined(t, 0, t->nseq);
        size_t off = 0;
        for (size_t i = 0; i < t->nseq; off += strlen(t->seq[i]) + 1, i++) {
            if (!bsearch(&t->seq[i], firsts, nf, sizeof *firsts, vp_strp_cmp))
                continue;
            if (vp_title_carries(cfg, t, i))
                break; /* "Kế hoạch thực hiện Chiến lược …": a sibling, not the parent */
            if (nix == cap) {
                cap = cap ? 2 * cap : 64;
                ix = vp_xrealloc(ix, cap * sizeof *ix);
            }
            ix[nix++] = (nent){titles[d] + off, d};
        }
        vp_tokens_free(&keys[d].title_tok); /* titles[d] holds what is looked up from here on */
        keys[d].have_title_tok = 0;
    }
    if (nix)
        qsort(ix, nix, sizeof *ix, cmp_nent);
    size_t *best = vp_xcalloc(nk + 1, sizeof *best), *seen = vp_xcalloc(nk + 1, sizeof *seen);
    /* the titles without marks, each place in them, made when a name is held by none as written */
    char **stitles = vp_xcalloc(nk + 1, sizeof *stitles);
    nent *sx = NULL;
    size_t nsx = 0;
    int sx_made = 0;
    for (size_t k = 0; k < nn; k++) {
        size_t len = strlen(names[k]), c = owner[k], nbest = 0, nseen = 0;
        for (size_t e = nent_first(ix, nix, names[k]); e < nix && !strncmp(ix[e].key, names[k], len); e++) {
            if (ix[e].key[len] != ' ' && ix[e].key[len] != 0)
                continue; /* the name's last syllable is longer there */
            dkey *d = &keys[ix[e].doc];
            if (ix[e].doc == c || (d->date[0] && keys[c].date[0] && strcmp(d->date, keys[c].date) > 0))
                continue;
            if (!authority_fits(cfg, owner_ref[k]->authority, d))
                continue; /* "Kế hoạch của UBND huyện A về …": not another issuer's of that title */
            if (d->key1 && keys[c].key1 && !strcmp(d->key1, keys[c].key1))
                continue; /* two copies of one document (one number) */
            keep_copy(cfg, keys, best, &nbest, ix[e].doc, 1); /* copies: one number in one year */
            if (nseen <= nk)
                seen[nseen++] = ix[e].doc;
        }
        if (!nseen) { /* none holds it as written: one with a syllable of other marks */
            if (!sx_made) {
                sx_made = 1;
                stripped_index(titles, nk, stitles, &sx, &nsx);
            }
            char *sname = vp_strip_marks(names[k]);
            size_t slen = sname ? strlen(sname) : 0;
            vp_tokens nt;
            vp_tokens_make_seq(cfg, names[k], 0, &nt);
            for (size_t e = sname ? nent_first(sx, nsx, sname) : nsx; e < nsx && !strncmp(sx[e].key, sname, slen); e++) {
                size_t d = sx[e].doc;
                if ((sx[e].key[slen] != ' ' && sx[e].key[slen] != 0) || d == c ||
                    (keys[d].date[0] && keys[c].date[0] && strcmp(keys[d].date, keys[c].date) > 0) ||
                    !authority_fits(cfg, owner_ref[k]->authority, &keys[d]) ||
                    (keys[d].key1 && keys[c].key1 && !strcmp(keys[d].key1, keys[c].key1)))
                    continue;
                vp_tokens tt;
                vp_tokens_make_seq(cfg, keys[d].title, 0, &tt);
                long at = vp_tokens_find_run_near(&nt, &tt);
                int near = at >= 0 && !vp_title_carries(cfg, &tt, (size_t)at);
                vp_tokens_free(&tt);
                if (!near)
                    continue;
                keep_copy(cfg, keys, best, &nbest, d, 1);
                if (nseen <= nk)
                    seen[nseen++] = d;
            }
            vp_tokens_free(&nt);
            free(sname);
        }
        for (size_t b = 0; b < nbest; b++)
            pv_push(pairs, keys[c].xml, keys[best[b]].xml, NULL);
        note_copies(cfg, keys, best, nbest, seen, nseen, 1, copies);
    }
    free(best);
    free(seen);
    for (size_t d = 0; d < nk; d++) {
        free(titles[d]);
        free(stitles[d]);
    }
    free(titles);
    free(stitles);
    free(sx);
    free(ix);
    for (size_t i = 0; i < nn; i++)
        free(names[i]);
    for (size_t i = 0; i < nf; i++)
        free(firsts[i]);
    free(names);
    free(owner);
    free(owner_ref);
    free(firsts);
}

static int find_pairs(const vp_cmp_cfg *cfg, dkey *keys, size_t nk, pairvec *pairs, pairvec *near, pairvec *copies)
{
    size_t *best = vp_xcalloc(nk + 1, sizeof *best); /* one document a date, for one reference */
    size_t *seen = vp_xcalloc(nk + 1, sizeof *seen); /* the documents it was paired with or copies of them */
    nent *ix = vp_xcalloc(2 * nk + 1, sizeof *ix);
    size_t nix = 0;
    for (size_t i = 0; i < nk; i++) {
        if (keys[i].key1)
            ix[nix++] = (nent){keys[i].key1, i};
        if (keys[i].key2)
            ix[nix++] = (nent){keys[i].key2, i};
    }
    if (nix)
        qsort(ix, nix, sizeof *ix, cmp_nent);
    for (size_t c = 0; c < nk; c++) {
        if (!may_be_child(cfg, &keys[c]))
            continue;
        for (size_t r = 0; r < keys[c].nrefs; r++) {
            const kref *ref = &keys[c].refs[r];
            if (!ref->key)
                continue;
            size_t last_doc = (size_t)-1, nbest = 0, nseen = 0;
            /* a news page about the document cited is no near-miss of its own when a document
             * of that number is paired or a near-miss: it only reports on it */
            size_t near_from = near->n, news_near = 0, other_cands = 0;
            for (size_t e = nent_first(ix, nix, ref->key); e < nix && !strcmp(ix[e].key, ref->key); e++) {
                size_t d = ix[e].doc;
                if (d == c || d == last_doc)
                    continue;
                last_doc = d;
                other_cands += !keys[d].news;
                char *why = judge(cfg, &keys[c], ref, &keys[d]);
                if (why) {
                    pv_push(near, keys[c].xml, keys[d].xml, why);
                    news_near += keys[d].news;
                    continue;
                }
                keep_copy(cfg, keys, best, &nbest, d, 0); /* copies: this number, the same date */
                if (nseen <= nk)
                    seen[nseen++] = d;
            }
            if (news_near && other_cands) {
                size_t k = near_from;
                for (size_t i = near_from; i < near->n; i++) {
                    const char *px = near->v[i].parent;
                    int drop = 0;
                    for (size_t e = nent_first(ix, nix, ref->key); e < nix && !strcmp(ix[e].key, ref->key) && !drop; e++)
                        drop = keys[ix[e].doc].news && !strcmp(keys[ix[e].doc].xml, px);
                    if (drop)
                        pair_free(&near->v[i]);
                    else
                        near->v[k++] = near->v[i];
                }
                near->n = k;
            }
            /* documents of one number and date by several issuers, cited by the level alone
             * ("của UBND tỉnh"): those the child stands under, when it names some of them;
             * the others are near-misses */
            size_t under = 0;
            for (size_t b = 0; b < nbest; b++)
                under += child_is_under(cfg, &keys[c], &keys[best[b]]);
            if (under && under < nbest) {
                size_t k = 0;
                for (size_t b = 0; b < nbest; b++) {
                    const dkey *d = &keys[best[b]];
                    if (child_is_under(cfg, &keys[c], d))
                        best[k++] = best[b];
                    else
                        pv_push(near, keys[c].xml, d->xml,
                                dup_printf("same number and date, other issuer than the child's: %s cites %s of %s by \"%s\" (%s) "
                                           "and stands under \"%s\"; %s is by \"%s\"",
                                           keys[c].xml, ref->number, ref->date, ref->authority, ref->id,
                                           keys[c].authority, d->xml, d->authority));
                }
                nbest = k;
            }
            if (!ref->date[0] && nbest > 1) { /* a number without its date that several documents fit */
                for (size_t b = 0; b < nbest; b++)
                    pv_push(near, keys[c].xml, keys[best[b]].xml,
                            dup_printf("%s cites %s (%s) with no date; %zu documents of that number by \"%s\" fit, %s is "
                                       "%s of %s, so the link cannot be confirmed",
                                       keys[c].xml, ref->number, ref->id, nbest, ref->authority, keys[best[b]].xml,
                                       keys[best[b]].number, keys[best[b]].date[0] ? keys[best[b]].date : "no date"));
                nbest = 0;
            }
            for (size_t b = 0; b < nbest; b++)
                pv_push(pairs, keys[c].xml, keys[best[b]].xml, NULL);
            note_copies(cfg, keys, best, nbest, seen, nseen, 0, copies);
        }
    }
    free(best);
    free(seen);
    free(ix);
    pair_by_name(cfg, keys, nk, pairs, copies);
    /* each copy once (a copy may stand for its document under several references); the
     * pairs sorted without duplicates, and no near-misses of documents paired anyway */
    pv_sort_unique(copies);
    pv_sort_unique(pairs);
    if (near->n)
        qsort(near->v, near->n, sizeof *near->v, cmp_pair);
    size_t k = 0;
    size_t j = 0; /* both lists are sorted by child, parent: walk them together */
    for (size_t i = 0; i < near->n; i++) {
        int dup = k && !strcmp(near->v[k - 1].child, near->v[i].child) &&
                  !strcmp(near->v[k - 1].parent, near->v[i].parent);
        int r = 1;
        while (j < pairs->n) {
            r = strcmp(pairs->v[j].child, near->v[i].child);
            if (!r)
                r = strcmp(pairs->v[j].parent, near->v[i].parent);
            if (r >= 0)
                break;
            j++;
        }
        int paired = j < pairs->n && r == 0;
        if (dup || paired) {
            pair_free(&near->v[i]);
            continue;
        }
        near->v[k++] = near->v[i];
    }
    near->n = k;
    return 0;
}

static char *path_join(const char *a, const char *b)
{
    size_t l = strlen(a) + strlen(b) + 2;
    char *p = vp_xmalloc(l);
    snprintf(p, l, "%s/%s", a, b);
    return p;
}

/* The documents of the last few comparisons, read once: a parent is compared with each of its
 * children (pairs come by child, so its children are apart) and a child may have several
 * parents.  Entries are used most recently first; the least recent one is dropped. */
#define DOC_CACHE 8
typedef struct doc_cache {
    char *xml[DOC_CACHE]; /* relative to outdir; NULL: a free entry */
    vp_cmp_doc *doc[DOC_CACHE];
    unsigned long used[DOC_CACHE], tick;
} doc_cache;

/* Document xml (relative to outdir), from the cache or read into it; NULL with err set when
 * it cannot be read.  The pointer stays valid until DOC_CACHE other documents were asked for. */
static vp_cmp_doc *doc_cache_get(doc_cache *c, const char *outdir, const char *xml, char *err, size_t errlen)
{
    size_t lru = 0;
    for (size_t k = 0; k < DOC_CACHE; k++) {
        if (c->xml[k] && !strcmp(c->xml[k], xml)) {
            c->used[k] = ++c->tick;
            return c->doc[k];
        }
        if (!c->xml[k] || (c->xml[lru] && c->used[k] < c->used[lru]))
            lru = k;
    }
    char *path = path_join(outdir, xml);
    unsigned char *b = NULL;
    size_t l = 0;
    int rd = vp_read_file(path, SIZE_MAX - 1, &b, &l, err, errlen);
    free(path);
    if (rd != 0)
        return NULL;
    vp_cmp_doc *d = vp_cmp_doc_read((const char *)b, l, xml, err, errlen);
    free(b);
    if (!d)
        return NULL;
    free(c->xml[lru]);
    if (c->doc[lru])
        vp_cmp_doc_free(c->doc[lru]);
    c->xml[lru] = vp_xstrdup(xml);
    c->doc[lru] = d;
    c->used[lru] = ++c->tick;
    return d;
}

static void doc_cache_free(doc_cache *c)
{
    for (size_t k = 0; k < DOC_CACHE; k++) {
        free(c->xml[k]);
        if (c->doc[k])
            vp_cmp_doc_free(c->doc[k]);
    }
}

/* ---- the run's work on several threads ------------------------------------------------ */

#define CMP_CHUNK 256 /* pairs compared before their summaries are written, in order */

typedef struct cmp_result {
    char *xml; /* the compliance XML (malloc'd), written to its file */
    size_t xl;
    int ok;    /* 1; 0: not compared; -1: compared, its file not written */
    char err[512];
} cmp_result;

typedef struct cmp_share {
    const char *outdir;
    const vp_cmp_cfg *cfg;
    /* reading the keys: docs[i] into keys[i], have[i] 1 when it could be read */
    const vp_run_doc *docs;
    dkey *keys;
    unsigned char *have;
    size_t ndocs;
    /* comparing pairs[from..to) into res[0..to-from) */
    vp_pair *pairs;
    cmp_result *res;
    size_t from, to;
    atomic_size_t next; /* the next item of the phase no thread has taken */
} cmp_share;

typedef struct cmp_thread {
    cmp_share *sh;
    int phase;     /* 0: keys, 1: pairs, 2: titles' syllables */
    doc_cache dc;  /* its own documents read (a parent is compared with several children) */
} cmp_thread;

/* One pair's result into the report summary, or its error into err (-1). */
static int summarise(const cmp_result *r, const vp_pair *p, summary *s, const vp_cmp_cfg *cfg, char *err, size_t errlen,
                 const char *sumpath)
{
    if (r->ok == 0) {
        snprintf(err, errlen, "%s--%s: %s", p->child, p->parent, r->err[0] ? r->err : "cannot read the documents' XML");
        return -1;
    }
    if (r->ok < 0) {
        snprintf(err, errlen, "%s", r->err);
        return -1;
    }
    if (summary_pair(cfg, s, p, r->xml, r->xl) < 0) {
        snprintf(err, errlen, "%s: cannot write the report summary", sumpath);
        return -1;
    }
    return 0;
}

static void compare_one(cmp_share *sh, doc_cache *dc, size_t i)
{
    vp_pair *p = &sh->pairs[i];
    cmp_result *r = &sh->res[i - sh->from];
    memset(r, 0, sizeof *r);
    vp_cmp_doc *cd = doc_cache_get(dc, sh->outdir, p->child, r->err, sizeof r->err);
    vp_cmp_doc *pd = cd ? doc_cache_get(dc, sh->outdir, p->parent, r->err, sizeof r->err) : NULL;
    if (!cd || !pd || vp_cmp_docs(sh->cfg, cd, p->child, pd, p->parent, "reference", &r->xml, &r->xl, &p->score,
                                  r->err, sizeof r->err) != 0)
        return;
    p->file = compliance_name(p->child, p->parent);
    char *fpath = path_join(sh->outdir, p->file);
    r->ok = vp_write_atomic(fpath, r->xml, r->xl, 1, r->err, sizeof r->err) < 0 ? -1 : 1;
    free(fpath);
}

/* Items are taken a few at a time by whichever thread is free (a pair or a document costs
 * from a few microseconds to milliseconds): no thread waits for another with work left. */
#define CMP_TAKE 4

static void *cmp_thread_main(void *arg)
{
    cmp_thread *ct = arg;
    cmp_share *sh = ct->sh;
    size_t from = ct->phase == 1 ? sh->from : 0, to = ct->phase == 1 ? sh->to : sh->ndocs;
    for (;;) {
        size_t a = from + atomic_fetch_add(&sh->next, CMP_TAKE);
        if (a >= to)
            break;
        size_t b = to - a < CMP_TAKE ? to : a + CMP_TAKE;
        for (size_t i = a; i < b; i++) {
            if (ct->phase == 0)
                sh->have[i] = sh->docs[i].xml && dkey_read(sh->outdir, sh->docs[i].xml, &sh->keys[i]) == 0;
            else if (ct->phase == 2) /* the titles' syllables, for pairing by a programme's name */
                title_tokens(sh->cfg, &sh->keys[i]);
            else
                compare_one(sh, &ct->dc, i);
        }
    }
    return NULL;
}

/* Runs one phase on every thread of ct[0..nt): ct[0] on this one; what a thread that cannot
 * be started would have taken the others take.  The work and its results do not depend on
 * how many threads run, nor on which takes what. */
static void run_phase(cmp_thread *ct, size_t nt, int phase)
{
    for (size_t t = 0; t < nt; t++)
        ct[t].phase = phase;
    atomic_store(&ct[0].sh->next, 0);
    pthread_t th[64];
    int started[64] = {0};
    for (size_t t = 1; t < nt && t < 64; t++)
        started[t] = pthread_create(&th[t], NULL, cmp_thread_main, &ct[t]) == 0;
    cmp_thread_main(&ct[0]);
    for (size_t t = 1; t < nt && t < 64; t++) {
        if (started[t])
            pthread_join(th[t], NULL);
        else
            cmp_thread_main(&ct[t]);
    }
}

struct vp_report_job {
    pthread_t th;
    char *xsl, *sum, *rows_path, *html; /* the summary and the rows file are removed once read */
    vp_report_row *rows;
    size_t nrows;
    int rc;
    char err[512];
};

static void *report_main(void *arg)
{
    vp_report_job *j = arg;
    j->rc = vp_report_html(j->xsl, j->sum, j->rows_path, j->rows, j->nrows, j->html, j->err, sizeof j->err);
    return NULL;
}

int vp_report_wait(vp_report_job *job, char *err, size_t errlen)
{
    pthread_join(job->th, NULL);
    int rc = job->rc;
    if (rc < 0)
        snprintf(err, errlen, "%s", job->err);
    unlink(job->sum);
    unlink(job->rows_path);
    free(job->xsl);
    free(job->sum);
    free(job->rows_path);
    free(job->rows);
    free(job->html);
    free(job);
    return rc;
}

int vp_compare_run_xsl(const char *outdir, const vp_run_doc *docs, size_t n, const vp_rules *rules,
                       const char *xsl_path, int threads, vp_pairs *out, char *err, size_t errlen)
{
    return vp_compare_run_async(outdir, docs, n, rules, xsl_path, threads, out, NULL, err, errlen);
}

int vp_compare_run_async(const char *outdir, const vp_run_doc *docs, size_t n, const vp_rules *rules,
                         const char *xsl_path, int threads, vp_pairs *out, vp_report_job **job, char *err,
                         size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (job)
        *job = NULL;
    vp_cmp_cfg *cfg = vp_cmp_cfg_new(rules, err, errlen);
    if (!cfg)
        return -1;
    size_t nt = threads > 1 ? (size_t)threads : 1;
    if (nt > 64)
        nt = 64;
    cmp_share sh = {0};
    sh.outdir = outdir;
    sh.cfg = cfg;
    cmp_thread *ct = vp_xcalloc(nt, sizeof *ct);
    for (size_t t = 0; t < nt; t++)
        ct[t].sh = &sh;
    dkey *keys = vp_xcalloc(n + 1, sizeof *keys);
    sh.docs = docs;
    sh.keys = keys;
    sh.have = vp_xcalloc(n + 1, 1);
    sh.ndocs = n;
    run_phase(ct, nt, 0);
    size_t nk = 0;
    for (size_t i = 0; i < n; i++)
        if (sh.have[i])
            keys[nk++] = keys[i]; /* in input order, whatever thread read it */
    free(sh.have);
    sh.ndocs = nk;
    int named = 0;
    for (size_t i = 0; i < nk && !named; i++)
        for (size_t r = 0; r < keys[i].nrefs && !named; r++)
            named = keys[i].refs[r].name != NULL;
    if (named && nt > 1)
        run_phase(ct, nt, 2);
    pairvec pairs = {0}, near = {0}, copies = {0};
    find_pairs(cfg, keys, nk, &pairs, &near, &copies);
    for (size_t i = 0; i < nk; i++)
        dkey_free(&keys[i]);
    free(keys);

    int rc = -1;
    char *cdir = path_join(outdir, "compliance");
    char *sumpath = NULL, *rowspath = NULL;
    summary s = {0};
    s.rows_fd = -1;
    if (pairs.n && mkdir(cdir, 0777) < 0 && errno != EEXIST) {
        snprintf(err, errlen, "%s: cannot create folder: %s", cdir, strerror(errno));
        goto done;
    }
    {
        size_t l = strlen(outdir) + 64;
        sumpath = vp_xmalloc(l);
        snprintf(sumpath, l, "%s/.report-summary.xml.tmp.%ld", outdir, (long)getpid());
        rowspath = vp_xmalloc(l);
        snprintf(rowspath, l, "%s/.report-rows.xml.tmp.%ld", outdir, (long)getpid());
    }
    s.rows_fd = open(rowspath, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (s.rows_fd < 0) {
        snprintf(err, errlen, "%s: cannot write the report's rows: %s", rowspath, strerror(errno));
        goto done;
    }
    s.rb = xmlBufferCreate();
    s.rw = s.rb ? xmlNewTextWriterMemory(s.rb, 0) : NULL;
    s.w = xmlNewTextWriterFilename(sumpath, 0);
    if (!s.w || !s.rw) {
        snprintf(err, errlen, "%s: cannot write the report summary", sumpath);
        goto done;
    }
    if (xmlTextWriterSetIndent(s.w, 1) < 0 || xmlTextWriterStartDocument(s.w, "1.0", "UTF-8", NULL) < 0 ||
        xmlTextWriterStartElementNS(s.w, NULL, BAD_CAST "report", BAD_CAST VP_NS) < 0) {
        snprintf(err, errlen, "%s: cannot write the report summary", sumpath);
        goto done;
    }
    sh.pairs = pairs.v;
    sh.res = vp_xcalloc(CMP_CHUNK, sizeof *sh.res);
    for (size_t from = 0; from < pairs.n; from += CMP_CHUNK) {
        sh.from = from;
        sh.to = pairs.n - from < CMP_CHUNK ? pairs.n : from + CMP_CHUNK;
        run_phase(ct, nt, 1);
        /* the summaries in the pairs' order; past a failure only the buffers are freed */
        for (size_t i = from; i < sh.to; i++) {
            cmp_result *r = &sh.res[i - from];
            vp_pair *p = &pairs.v[i];
            if (summarise(r, p, &s, cfg, err, errlen, sumpath) < 0) {
                for (size_t k = i; k < sh.to; k++)
                    free(sh.res[k - from].xml);
                goto done;
            }
            free(r->xml);
        }
    }
    for (size_t i = 0; i < near.n; i++) {
        if (xmlTextWriterStartElement(s.w, BAD_CAST "near-miss") < 0 ||
            xmlTextWriterWriteAttribute(s.w, BAD_CAST "child", BAD_CAST near.v[i].child) < 0 ||
            xmlTextWriterWriteAttribute(s.w, BAD_CAST "parent", BAD_CAST near.v[i].parent) < 0 ||
            xmlTextWriterWriteAttribute(s.w, BAD_CAST "reason", BAD_CAST near.v[i].reason) < 0 ||
            xmlTextWriterEndElement(s.w) < 0) {
            snprintf(err, errlen, "%s: cannot write the report summary", sumpath);
            goto done;
        }
    }
    {
        char om[32];
        snprintf(om, sizeof om, "%zu", s.omitted);
        if (xmlTextWriterWriteElement(s.w, BAD_CAST "omitted", BAD_CAST om) < 0) {
            snprintf(err, errlen, "%s: cannot write the report summary", sumpath);
            goto done;
        }
    }
    if (xmlTextWriterEndDocument(s.w) < 0) {
        snprintf(err, errlen, "%s: cannot write the report summary", sumpath);
        goto done;
    }
    xmlFreeTextWriter(s.w);
    s.w = NULL;
    close(s.rows_fd);
    s.rows_fd = -1;
    /* the keys and the comparisons' memory go back to the system before the report's trees are
     * built (the peak of a large run is there) */
    malloc_trim(0);
    {
        char *html = path_join(outdir, "report.html");
        vp_report_job *j = job && nt > 1 ? vp_xcalloc(1, sizeof *j) : NULL;
        if (j) {
            j->xsl = vp_xstrdup(xsl_path);
            j->sum = sumpath;
            j->rows_path = rowspath;
            j->rows = s.rows;
            j->nrows = s.nrows;
            j->html = html;
            if (pthread_create(&j->th, NULL, report_main, j) == 0) {
                *job = j;
                sumpath = rowspath = NULL; /* the job's now */
                s.rows = NULL;
                html = NULL;
            } else {
                free(j->xsl);
                free(j);
            }
        }
        if (html) {
            int r = vp_report_html(xsl_path, sumpath, rowspath, s.rows, s.nrows, html, err, errlen);
            free(html);
            if (r < 0)
                goto done;
        }
    }
    rc = 0;
done:
    for (size_t t = 0; t < nt; t++)
        doc_cache_free(&ct[t].dc);
    free(ct);
    free(sh.res);
    if (s.w)
        xmlFreeTextWriter(s.w);
    if (s.rw)
        xmlFreeTextWriter(s.rw); /* frees nothing of s.rb */
    if (s.rb)
        xmlBufferFree(s.rb);
    if (s.rows_fd >= 0)
        close(s.rows_fd);
    free(s.rows);
    if (sumpath) {
        unlink(sumpath);
        free(sumpath);
    }
    if (rowspath) {
        unlink(rowspath);
        free(rowspath);
    }
    free(cdir);
    vp_cmp_cfg_free(cfg);
    out->pairs = pairs.v;
    out->npairs = pairs.n;
    out->near = near.v;
    out->nnear = near.n;
    out->copies = copies.v;
    out->ncopies = copies.n;
    if (rc < 0) {
        vp_pairs_free(out); /* none of them is handed over */
        return -1;
    }
    return 0;
}

/* The stylesheet: $VNPLAN_RULES/report.xsl, else rules/report.xsl beside the executable, in
 * ../share/vnplan/rules/ beside it, or in the current folder (as main.c finds the rules). */
int vp_compare_run(const char *outdir, const vp_run_doc *docs, size_t n, const vp_rules *rules, vp_pairs *out,
                   char *err, size_t errlen)
{
    char *cands[4] = {NULL, NULL, NULL, NULL};
    const char *env = getenv("VNPLAN_RULES");
    if (env && *env)
        cands[0] = path_join(env, "report.xsl");
    char exe[4096];
    ssize_t l = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (l > 0) {
        exe[l] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            cands[1] = path_join(exe, "rules/report.xsl");
            cands[2] = path_join(exe, "../share/vnplan/rules/report.xsl");
        }
    }
    cands[3] = vp_xstrdup("rules/report.xsl");
    const char *use = cands[3];
    for (int i = 0; i < 4; i++)
        if (cands[i] && access(cands[i], R_OK) == 0) {
            use = cands[i];
            break;
        }
    int rc = vp_compare_run_xsl(outdir, docs, n, rules, use, 1, out, err, errlen);
    for (int i = 0; i < 4; i++)
        free(cands[i]);
    return rc;
}
