/* fmt_html.c - HTML -> text lines of the article body (libxml2's HTML parser).
 *
 * Navigation, menus, share bars, related links, footers, scripts and styles are dropped; the
 * element holding most of the remaining text is taken as the article.  Block elements become
 * lines; table rows read across, a cell's paragraphs on one line and the cells joined by " | "
 * (layout tables give their cells one after the other).  Text under a legacy font (<font
 * face=".VnTime">, style="font-family: VNI-Times") is decoded with that font's encoding. */
#include "convert_fmt.h"

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const drop_tags[] = {"script", "style", "noscript", "nav", "footer", "aside",
                                        "iframe", "button", "select", "svg", "menu", "template", "input",
                                        "textarea", "object", "embed", "canvas", "head", "title", "link",
                                        "meta", "map", "video", "audio", NULL};

/* class/id words that mark page furniture rather than the article */
static const char *const drop_words[] = {"menu",     "nav",      "footer",  "breadcrumb", "share",   "social",
                                         "related",  "sidebar",  "banner",  "comment",    "advert",  "cookie",
                                         "login",    "search",   "toolbar", "popup",      "modal",   "widget",
                                         "lienquan", "lien-quan", "tinkhac", "tin-khac",  "othernews", "other-news",
                                         "relate",   "footer",   "topbar",  "header-top", "copyright", "print",
                                         "tags",     "rating",   "hotline", "marquee",
                                         "xemthem",  "xem-them", "cungchuyenmuc", "cung-chuyen-muc",
                                         "morenews", "more-news", "readmore", "read-more", "see-also", NULL};

static const char *const block_tags[] = {"p",  "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                                         "table", "tbody", "thead", "tfoot", "section", "article", "main",
                                         "blockquote", "pre", "dl", "dt", "dd", "address", "figure",
                                         "figcaption", "header", "center", "caption", "hr", "body", NULL};

static int in_list(const char *name, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcasecmp(name, list[i]) == 0)
            return 1;
    return 0;
}

static int attr_has_word(xmlNode *n, const char *attr)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    if (!v)
        return 0;
    int hit = 0;
    char low[512];
    size_t l = strlen((const char *)v);
    if (l >= sizeof low)
        l = sizeof low - 1;
    for (size_t i = 0; i < l; i++)
        low[i] = (char)((v[i] >= 'A' && v[i] <= 'Z') ? v[i] + 32 : v[i]);
    low[l] = 0;
    for (size_t i = 0; drop_words[i] && !hit; i++) {
        const char *p = low;
        size_t wl = strlen(drop_words[i]);
        while ((p = strstr(p, drop_words[i])) != NULL) {
            /* "nav" must not match "canvas"-like words inside: require a word start */
            if (p == low || !((p[-1] >= 'a' && p[-1] <= 'z'))) {
                hit = 1;
                break;
            }
            p += wl;
        }
    }
    xmlFree(v);
    return hit;
}

static size_t text_len(xmlNode *n);

#define FORM_TEXT 300 /* letters a form holds when it wraps the page rather than a search box */

static int dropped(xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    const char *name = (const char *)n->name;
    if (in_list(name, drop_tags))
        return 1;
    /* a search or login form is furniture; a form that wraps the whole page (ASP.NET's
     * <form id="Form">) holds the article */
    if (strcasecmp(name, "form") == 0)
        return text_len(n) < FORM_TEXT;
    if (strcasecmp(name, "body") == 0 || strcasecmp(name, "html") == 0)
        return 0;
    if (attr_has_word(n, "class") || attr_has_word(n, "id") || attr_has_word(n, "role"))
        return 1;
    xmlChar *st = xmlGetProp(n, (const xmlChar *)"style");
    int hidden = 0;
    if (st) {
        const char *p = (const char *)st;
        hidden = strstr(p, "display:none") || strstr(p, "display: none");
        xmlFree(st);
    }
    return hidden;
}

/* letters of text under n, furniture excluded */
static size_t text_len(xmlNode *n)
{
    size_t t = 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar *p = c->content; p && *p; p++)
                if (*p > ' ')
                    t++;
        } else if (c->type == XML_ELEMENT_NODE && !dropped(c)) {
            t += text_len(c);
        }
    }
    return t;
}

static int is_candidate(xmlNode *n)
{
    const char *name = (const char *)n->name;
    if (strcasecmp(name, "article") == 0 || strcasecmp(name, "main") == 0)
        return 1;
    xmlChar *ip = xmlGetProp(n, (const xmlChar *)"itemprop"); /* schema.org's articleBody (Joomla) */
    int body = ip && strcasestr((const char *)ip, "articlebody") != NULL;
    xmlFree(ip);
    if (body)
        return 1;
    static const char *const words[] = {"content", "article", "detail", "post", "entry", "noidung", "noi-dung",
                                        "main", "story", "body", "chitiet", "chi-tiet", "van-ban", "vanban",
                                        "item-page", NULL};
    for (int a = 0; a < 2; a++) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)(a ? "id" : "class"));
        if (!v)
            continue;
        int hit = 0;
        for (size_t i = 0; words[i] && !hit; i++)
            if (strcasestr((const char *)v, words[i]))
                hit = 1;
        xmlFree(v);
        if (hit)
            return 1;
    }
    return 0;
}

typedef struct cand {
    xmlNode *node;
    size_t len;
    int depth;
} cand;

static int contains(xmlNode *outer, xmlNode *n)
{
    for (; n; n = n->parent)
        if (n == outer)
            return 1;
    return 0;
}

/* Does the class or id of n hold one of words? */
static int class_has(xmlNode *n, const char *const *words)
{
    for (int a = 0; a < 2; a++) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)(a ? "id" : "class"));
        int hit = 0;
        for (size_t i = 0; v && words[i] && !hit; i++)
            hit = strcasestr((const char *)v, words[i]) != NULL;
        xmlFree(v);
        if (hit)
            return 1;
    }
    return 0;
}

/* class or id naming the site's own masthead, where a page may put its name in an <h1>; not
 * an article's own header (WordPress's <header class="entry-header"> over its <h1>) */
static int masthead(xmlNode *n)
{
    static const char *const site[] = {"logo", "brand", "masthead", NULL};
    static const char *const head[] = {"header", NULL};
    static const char *const own[] = {"entry", "post", "article", "news", "detail", "title", NULL};
    if (class_has(n, site))
        return 1;
    return (class_has(n, head) || strcasecmp((const char *)n->name, "header") == 0) && !class_has(n, own);
}

#define ART_OVER_TITLE 8 /* an article holds this many times its headline's letters */
#define TITLE_MIN 15  /* letters of a headline found by its class */
#define TITLE_MAX 400

/* Without an <h1>: the first element outside furniture and the masthead whose class or id
 * names a title ("<h2 class="title">", "<div class="title-news">"), of a headline's length. */
static xmlNode *first_titled(xmlNode *n)
{
    static const char *const words[] = {"title", "tieude", "tieu-de", "headline", NULL};
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || dropped(c) || masthead(c))
            continue;
        if (class_has(c, words)) {
            size_t l = text_len(c);
            if (l >= TITLE_MIN && l <= TITLE_MAX)
                return c;
        }
        xmlNode *h = first_titled(c);
        if (h)
            return h;
    }
    return NULL;
}

/* The page's first <tag> outside page furniture and the masthead holding at least min letters:
 * with "h1", the article's title. */
static xmlNode *first_heading(xmlNode *n, const char *tag, size_t min)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || dropped(c) || masthead(c))
            continue;
        if (strcasecmp((const char *)c->name, tag) == 0 && (!min || (text_len(c) >= min && text_len(c) <= TITLE_MAX)))
            return c;
        xmlNode *h = first_heading(c, tag, min);
        if (h)
            return h;
    }
    return NULL;
}

/* title: when not NULL, only candidates holding it count (the title and lead paragraph
 * belong to the article, even where a deeper block holds its body) */
static void find_cands(xmlNode *n, int depth, cand *best, size_t maxlen, xmlNode *title)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || dropped(c))
            continue;
        if (is_candidate(c) && (!title || contains(c, title))) {
            size_t l = text_len(c);
            /* the deepest candidate still holding most of the text */
            if (l * 10 >= maxlen * 7 && (depth > best->depth || (depth == best->depth && l > best->len))) {
                best->node = c;
                best->len = l;
                best->depth = depth;
            }
        }
        find_cands(c, depth + 1, best, maxlen, title);
    }
}

static void max_cand(xmlNode *n, size_t *maxlen)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || dropped(c))
            continue;
        if (is_candidate(c)) {
            size_t l = text_len(c);
            if (l > *maxlen)
                *maxlen = l;
        }
        max_cand(c, maxlen);
    }
}

/* Fonts that the page's style sheets give to a class (".vn {...}", "p.MsoNormal {...}") or to
 * a tag ("p {...}"): pages saved by Word put a document's legacy font there. */
typedef struct css_font {
    char *name; /* class or tag name (owned) */
    int is_class;
    char *font; /* first family (owned) */
} css_font;

typedef struct css_fonts {
    css_font *v;
    size_t n, cap;
} css_fonts;

typedef struct render {
    vp_buf *out;
    vp_buf line;
    int pre;
    vp_enc font;    /* encoding of the legacy font in force (VP_ENC_UTF8: none) */
    int font_upper; /* .VnTimeH and the like: lowercase codes are capitals */
    vp_fmt_ctx *c;
    const css_fonts *css;
    size_t mark; /* the length of the line when it holds only a list item's marker, else 0 */
} render;

/* The first family of the font-family declaration in a style text, or NULL (caller frees). */
static char *family_of(const char *decl, size_t n)
{
    /* "font-family" itself, not "mso-bidi-font-family" and the like */
    const char *f = NULL;
    for (size_t i = 0; i + 11 <= n; i++)
        if (strncasecmp(decl + i, "font-family", 11) == 0 && (i == 0 || decl[i - 1] != '-')) {
            f = decl + i + 11;
            break;
        }
    if (!f)
        return NULL;
    const char *end = decl + n;
    while (f < end && *f == ' ')
        f++;
    if (f >= end || *f != ':')
        return NULL;
    f++;
    while (f < end && (*f == ' ' || *f == '"' || *f == '\''))
        f++;
    size_t l = 0;
    while (f + l < end && !strchr(",;\"'}", f[l]))
        l++;
    while (l && f[l - 1] == ' ')
        l--;
    return l ? vp_xstrndup(f, l) : NULL;
}

/* The first family an element asks for: <font face="A, B"> or style="font-family: A, B".
 * Returns a string the caller frees, or NULL when the element sets no font. */
static char *element_font(xmlNode *n)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"face");
    char *font = NULL;
    if (v) {
        const char *p = (const char *)v;
        while (*p == ' ' || *p == '"' || *p == '\'')
            p++;
        size_t l = strcspn(p, ",;\"'");
        while (l && p[l - 1] == ' ')
            l--;
        if (l)
            font = vp_xstrndup(p, l);
    } else if ((v = xmlGetProp(n, (const xmlChar *)"style")) != NULL) {
        font = family_of((const char *)v, strlen((const char *)v));
    }
    xmlFree(v);
    return font;
}

static void css_add(css_fonts *cf, const char *sel, size_t n, const char *font)
{
    while (n && (*sel == ' ' || *sel == '\n' || *sel == '\r' || *sel == '\t'))
        sel++, n--;
    while (n && (sel[n - 1] == ' ' || sel[n - 1] == '\n' || sel[n - 1] == '\r' || sel[n - 1] == '\t'))
        n--;
    const char *dot = memchr(sel, '.', n);
    const char *name = dot ? dot + 1 : sel;
    size_t l = n - (size_t)(name - sel);
    for (size_t i = 0; i < l; i++) /* simple selectors only: "p", ".vn", "p.MsoNormal" */
        if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
              (name[i] >= '0' && name[i] <= '9') || name[i] == '-' || name[i] == '_'))
            return;
    for (size_t i = 0; dot && i < (size_t)(dot - sel); i++)
        if (!((sel[i] >= 'a' && sel[i] <= 'z') || (sel[i] >= 'A' && sel[i] <= 'Z') || (sel[i] >= '0' && sel[i] <= '9')))
            return;
    if (!l || cf->n >= 4096)
        return;
    if (cf->n == cf->cap) {
        cf->cap = cf->cap ? cf->cap * 2 : 16;
        cf->v = vp_xrealloc(cf->v, sizeof *cf->v * cf->cap);
    }
    css_font *e = &cf->v[cf->n++];
    e->name = vp_xstrndup(name, l);
    e->is_class = dot != NULL;
    e->font = vp_xstrdup(font);
}

/* Reads the rules of every <style> element of the page. */
static void css_collect(xmlNode *n, css_fonts *cf)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (strcasecmp((const char *)c->name, "style") != 0) {
            css_collect(c, cf);
            continue;
        }
        xmlChar *t = xmlNodeGetContent(c);
        const char *p = (const char *)t;
        while (p && *p) {
            const char *open = strchr(p, '{');
            if (!open)
                break;
            const char *close = strchr(open, '}');
            if (!close)
                break;
            char *font = family_of(open + 1, (size_t)(close - open - 1));
            if (font) {
                const char *sel = p;
                while (sel < open) { /* "p.MsoNormal, li.MsoNormal, div.MsoNormal" */
                    const char *comma = memchr(sel, ',', (size_t)(open - sel));
                    const char *e = comma ? comma : open;
                    const char *start = sel;
                    const char *cm = NULL;
                    /* skip a comment before the selector */
                    while ((cm = strstr(start, "*/")) != NULL && cm < e)
                        start = cm + 2;
                    css_add(cf, start, (size_t)(e - start), font);
                    sel = comma ? comma + 1 : open;
                }
                free(font);
            }
            p = close + 1;
        }
        xmlFree(t);
    }
}

static void css_free(css_fonts *cf)
{
    for (size_t i = 0; i < cf->n; i++) {
        free(cf->v[i].name);
        free(cf->v[i].font);
    }
    free(cf->v);
}

/* The font the style sheets give this element (by class, then by tag), or NULL. */
static const char *css_font_of(const css_fonts *cf, xmlNode *n)
{
    if (!cf || !cf->n)
        return NULL;
    xmlChar *cls = xmlGetProp(n, (const xmlChar *)"class");
    const char *found = NULL;
    for (const char *p = (const char *)cls; p && *p && !found;) {
        while (*p == ' ')
            p++;
        size_t l = strcspn(p, " ");
        for (size_t i = 0; i < cf->n && !found; i++)
            if (cf->v[i].is_class && strlen(cf->v[i].name) == l && strncasecmp(cf->v[i].name, p, l) == 0)
                found = cf->v[i].font;
        p += l;
    }
    xmlFree(cls);
    for (size_t i = 0; i < cf->n && !found; i++)
        if (!cf->v[i].is_class && strcasecmp(cf->v[i].name, (const char *)n->name) == 0)
            found = cf->v[i].font;
    return found;
}

#define NBSP_GAP 3 /* no-break spaces in a row that part two columns of one line, or indent it */

static void flush(render *r)
{
    size_t a = 0, b = r->line.len;
    while (a < b && r->line.data[a] == ' ')
        a++;
    while (b > a && r->line.data[b - 1] == ' ')
        b--;
    if (a >= NBSP_GAP) /* a run of no-break spaces before the text: its indent */
        a = 0;
    if (b > a) {
        vp_buf_add(r->out, r->line.data + a, b - a);
        vp_buf_addc(r->out, '\n');
    }
    r->line.len = 0;
    r->mark = 0;
}

static void add_plain_text(render *r, const char *s);

/* Text of the page; under a legacy font its characters are the font's bytes, decoded here. */
static void add_text(render *r, const char *s)
{
    if (r->font != VP_ENC_UTF8) {
        vp_buf dec = {0};
        if (vp_detect_font_text(r->font, r->font_upper, s, strlen(s), &dec, NULL, 0) == 0) {
            vp_convert_legacy_run(r->c, r->font, r->font_upper);
            add_plain_text(r, dec.data ? dec.data : "");
            vp_buf_free(&dec);
            return;
        }
        vp_buf_free(&dec);
    }
    add_plain_text(r, s);
}

static void add_plain_text(render *r, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (r->pre && c == '\n') {
            flush(r);
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            if (r->line.len && r->line.data[r->line.len - 1] != ' ')
                vp_buf_addc(&r->line, ' ');
            continue;
        }
        /* NBSP (C2 A0) as a plain space; a run of them (with spaces) that lays out columns on
         * one line ("Nơi nhận:&nbsp;&nbsp;&nbsp;… TM. ỦY BAN NHÂN DÂN") as a gap that wide, which
         * normalise reads as columns */
        if (c == 0xC2 && p[1] == 0xA0) {
            size_t nb = 0, w = 0;
            const unsigned char *q = p;
            for (;; w++) {
                if (q[0] == 0xC2 && q[1] == 0xA0) {
                    nb++;
                    q += 2;
                } else if (*q == ' ' || *q == '\t') {
                    q++;
                } else {
                    break;
                }
            }
            p = q - 1;
            if (nb >= NBSP_GAP) {
                while (r->line.len && r->line.data[r->line.len - 1] == ' ')
                    r->line.len--;
                for (size_t k = 0; k < w; k++)
                    vp_buf_addc(&r->line, ' ');
            } else if (r->line.len && r->line.data[r->line.len - 1] != ' ') {
                vp_buf_addc(&r->line, ' ');
            }
            continue;
        }
        vp_buf_addc(&r->line, (char)c);
    }
}

static void walk(render *r, xmlNode *n);

/* The text of one table cell as lines; returns how many. */
static size_t cell_lines(render *r, xmlNode *cell, vp_buf *dst)
{
    render sub = {dst, {0}, 0, r->font, r->font_upper, r->c, r->css, 0};
    char *font = element_font(cell);
    const char *sheet = font ? NULL : css_font_of(r->css, cell);
    if (font || sheet) {
        sub.font = vp_convert_font(r->c, font ? font : sheet, &sub.font_upper);
        free(font);
    }
    walk(&sub, cell);
    flush(&sub);
    vp_buf_free(&sub.line);
    size_t n = 0;
    for (size_t i = 0; i < dst->len; i++)
        n += dst->data[i] == '\n';
    return n;
}

static int has_table(xmlNode *n)
{
    for (xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE &&
            (strcasecmp((const char *)c->name, "table") == 0 || has_table(c)))
            return 1;
    return 0;
}

/* Cells of the widest of the rows among tr and its siblings. */
static size_t rows_width(xmlNode *tr)
{
    size_t width = 0;
    for (xmlNode *t = tr->parent ? tr->parent->children : tr; t; t = t->next) {
        if (t->type != XML_ELEMENT_NODE || strcasecmp((const char *)t->name, "tr"))
            continue;
        size_t w = 0;
        for (xmlNode *c = t->children; c; c = c->next)
            w += c->type == XML_ELEMENT_NODE && !dropped(c) &&
                 (!strcasecmp((const char *)c->name, "td") || !strcasecmp((const char *)c->name, "th"));
        if (w > width)
            width = w;
    }
    return width;
}

#define SPAN_COLS 64   /* columns of a table whose cells merged down (rowspan) are carried */
#define SPAN_LINES 8   /* lines of a cell carried down at most: a longer one is a block of the page */

/* The cells of a table's rows that reach down into the rows below (rowspan), by the column of the
 * grid they start at: what each of those rows holds there. */
typedef struct spans {
    int left[SPAN_COLS];    /* rows below still to take the cell (0: none) */
    int cols[SPAN_COLS];    /* the columns it spans */
    vp_buf text[SPAN_COLS]; /* its lines */
} spans;

static void spans_free(spans *sp)
{
    for (size_t i = 0; i < SPAN_COLS; i++)
        vp_buf_free(&sp->text[i]);
}

/* A new cell at the end of the row's cells (*cells of *cap, *ncell used). */
static vp_buf *new_cell(vp_buf **cells, size_t *ncell, size_t *cap)
{
    if (*ncell == *cap) {
        *cap = *cap ? *cap * 2 : 4;
        *cells = vp_xrealloc(*cells, sizeof **cells * *cap);
    }
    vp_buf *b = &(*cells)[(*ncell)++];
    memset(b, 0, sizeof *b);
    return b;
}

/* The cells merged down from the rows above into the row's columns from *g on: each holds that
 * cell's text, as the page shows it beside the row's own cells. */
static void carried(spans *sp, size_t *g, vp_buf **cells, size_t *ncell, size_t *cap, size_t *most)
{
    while (*g < SPAN_COLS && sp->left[*g] > 0) {
        vp_buf *b = new_cell(cells, ncell, cap);
        vp_buf_add(b, sp->text[*g].data ? sp->text[*g].data : "", sp->text[*g].len);
        size_t n = 0;
        for (size_t i = 0; i < b->len; i++)
            n += b->data[i] == '\n';
        if (n > *most)
            *most = n;
        sp->left[*g]--;
        *g += (size_t)sp->cols[*g];
    }
}

/* A row of short cells (a data table, or a two-column header) reads across, line k of every
 * cell side by side (a group's row across a table of width cells: "I | Công tác …"); a row
 * holding whole blocks of the page (a layout table: menu beside the article) gives its cells one
 * after the other.  A short cell merged down over the rows below (rowspan: one lead agency for
 * two tasks) is in each of them too; one spanning columns (colspan) before another is followed
 * by empty ones, so that each column keeps its place ("Cơ quan chủ trì" and "Cơ quan phối hợp"
 * merged: the lead's column holds the name), as a Word table's cells spanning its grid; a cell's
 * paragraphs are its text on one line, as a Word table's (vp_fmt_join_cells). */
static void row(render *r, xmlNode *tr, size_t width, spans *sp)
{
    size_t ncell = 0, cap = 0, most = 0, g = 0, pad = 0;
    vp_buf *cells = NULL;
    int layout = 0;
    for (xmlNode *c = tr->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || dropped(c))
            continue;
        if (strcasecmp((const char *)c->name, "td") && strcasecmp((const char *)c->name, "th"))
            continue;
        for (; pad; pad--) /* the columns the cell before spans, when a cell follows it */
            new_cell(&cells, &ncell, &cap);
        carried(sp, &g, &cells, &ncell, &cap, &most);
        vp_buf *b = new_cell(&cells, &ncell, &cap);
        size_t n = cell_lines(r, c, b);
        if (n > most)
            most = n;
        int inner = has_table(c);
        layout |= inner;
        int cs = vp_xml_attr_int(c, "colspan", 1), rs = vp_xml_attr_int(c, "rowspan", 1);
        cs = cs < 1 ? 1 : cs > SPAN_COLS ? SPAN_COLS : cs;
        if (g < SPAN_COLS && rs > 1 && !inner && n <= SPAN_LINES) {
            sp->left[g] = rs > 1000 ? 999 : rs - 1;
            sp->cols[g] = cs;
            sp->text[g].len = 0;
            vp_buf_add(&sp->text[g], b->data ? b->data : "", b->len);
        }
        g += (size_t)cs;
        pad = (size_t)cs - 1;
    }
    if (ncell)
        carried(sp, &g, &cells, &ncell, &cap, &most);
    flush(r);
    if (layout || most > 8) {
        for (size_t i = 0; i < ncell; i++)
            if (cells[i].len)
                vp_buf_add(r->out, cells[i].data, cells[i].len);
    } else if (ncell) {
        vp_buf rows = {0};
        vp_fmt_join_cells(r->c, cells, ncell, width); /* a cell's paragraphs (<p>, <br>) on its row's line */
        if (!vp_fmt_group_row(cells, ncell, width, &rows))
            vp_fmt_table_row(cells, ncell, &rows);
        /* blank lines of a web table are spacing, not text */
        size_t i = 0;
        while (i < rows.len) {
            const char *nl = memchr(rows.data + i, '\n', rows.len - i);
            size_t e = nl ? (size_t)(nl - rows.data) : rows.len;
            if (e > i) {
                vp_buf_add(r->out, rows.data + i, e - i);
                vp_buf_addc(r->out, '\n');
            }
            i = e + 1;
        }
        vp_buf_free(&rows);
    }
    for (size_t i = 0; i < ncell; i++)
        vp_buf_free(&cells[i]);
    free(cells);
}

/* First visible character of an element's text (NULL if none). */
static const xmlChar *first_char(xmlNode *n)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar *p = c->content; p && *p; p++)
                if (*p > ' ' && !(p[0] == 0xC2 && p[1] == 0xA0))
                    return p;
        } else if (c->type == XML_ELEMENT_NODE && !dropped(c)) {
            const xmlChar *f = first_char(c);
            if (f)
                return f;
        }
    }
    return NULL;
}

/* Does text f open on an item's number ("2. ", "2.1. ", "3) "), not on a figure ("100% …")? */
static int opens_numbered(const xmlChar *f)
{
    const xmlChar *p = f;
    while ((*p >= '0' && *p <= '9') || (*p == '.' && p > f && p[1] >= '0' && p[1] <= '9'))
        p++;
    return p > f && (*p == '.' || *p == ')') && (p[1] == ' ' || p[1] == '\t' || p[1] == 0 || p[1] == 0xC2);
}

/* The marker a list item shows, as DOCX and ODT lists give it: "- " in a <ul>, "N. " in an
 * <ol> (start, value and type attributes followed); none when the text already begins with one. */
static void item_marker(render *r, xmlNode *li)
{
    xmlNode *list = li->parent;
    int ordered = list && list->type == XML_ELEMENT_NODE && strcasecmp((const char *)list->name, "ol") == 0;
    const xmlChar *f = first_char(li);
    if (!f || *f == '-' || *f == '+' || *f == '*' || opens_numbered(f) ||
        (f[0] == 0xE2 && f[1] == 0x80 && (f[2] == 0xA2 || f[2] == 0x93 || f[2] == 0x94))) /* • – — */
        return;
    if (!ordered) {
        add_plain_text(r, "- ");
        return;
    }
    xmlChar *st = xmlGetProp(list, (const xmlChar *)"start");
    int num = st ? atoi((const char *)st) : 1;
    xmlFree(st);
    for (xmlNode *k = list->children; k && k != li; k = k->next)
        if (k->type == XML_ELEMENT_NODE && strcasecmp((const char *)k->name, "li") == 0) {
            xmlChar *v = xmlGetProp(k, (const xmlChar *)"value");
            num = v ? atoi((const char *)v) + 1 : num + 1;
            xmlFree(v);
        }
    xmlChar *v = xmlGetProp(li, (const xmlChar *)"value");
    if (v)
        num = atoi((const char *)v);
    xmlFree(v);
    /* type="a" / "A" letters ("a) " as plans write them, "A. "), "i" / "I" Roman numerals */
    xmlChar *ty = xmlGetProp(list, (const xmlChar *)"type");
    int t = ty && ty[0] && !ty[1] ? ty[0] : '1';
    xmlFree(ty);
    char m[32];
    if ((t == 'a' || t == 'A') && num >= 1 && num <= 26)
        snprintf(m, sizeof m, t == 'a' ? "%c) " : "%c. ", t + num - 1);
    else if ((t == 'i' || t == 'I') && num >= 1 && num < 40) {
        static const char *const ones[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
        static const char *const tens[] = {"", "x", "xx", "xxx"};
        snprintf(m, sizeof m, "%s%s%s", tens[num / 10], ones[num % 10], t == 'i' ? ") " : ". ");
        if (t == 'I')
            for (char *q = m; *q; q++)
                if (*q >= 'a' && *q <= 'z')
                    *q = (char)(*q - 'a' + 'A');
    } else
        snprintf(m, sizeof m, "%d. ", num);
    add_plain_text(r, m);
}

static void walk(render *r, xmlNode *n)
{
    size_t width = SIZE_MAX; /* of the rows among n's children, once one is met */
    spans *sp = NULL;        /* their cells merged down, once a row is met */
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                add_text(r, (const char *)c->content);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || dropped(c))
            continue;
        const char *name = (const char *)c->name;
        if (strcasecmp(name, "br") == 0) {
            flush(r);
            continue;
        }
        if (strcasecmp(name, "tr") == 0) {
            if (width == SIZE_MAX) {
                width = rows_width(c);
                sp = vp_xcalloc(1, sizeof *sp);
            }
            row(r, c, width, sp);
            continue;
        }
        if (strcasecmp(name, "td") == 0 || strcasecmp(name, "th") == 0) {
            add_text(r, " ");
            walk(r, c);
            add_text(r, " ");
            continue;
        }
        int block = in_list(name, block_tags);
        int pre = strcasecmp(name, "pre") == 0;
        /* a paragraph that opens a list item (<li><p>Mục đích: …</p></li>) goes on its marker's line */
        if (block && !(r->mark && r->line.len == r->mark && (strcasecmp(name, "p") == 0 || strcasecmp(name, "div") == 0)))
            flush(r);
        int was = r->pre, was_upper = r->font_upper;
        vp_enc was_font = r->font;
        char *font = element_font(c);
        const char *sheet = font ? NULL : css_font_of(r->css, c);
        if (font || sheet) {
            r->font = vp_convert_font(r->c, font ? font : sheet, &r->font_upper);
            free(font);
        }
        r->pre |= pre;
        if (strcasecmp(name, "li") == 0) {
            item_marker(r, c);
            r->mark = r->line.len;
        }
        walk(r, c);
        r->pre = was;
        r->font = was_font;
        r->font_upper = was_upper;
        if (block)
            flush(r);
    }
    if (sp) {
        spans_free(sp);
        free(sp);
    }
}

/* charset named in the first bytes (<meta charset=...> or http-equiv content) */
static int declared_charset(const unsigned char *s, size_t n, char *cs, size_t cslen)
{
    size_t m = n < 4096 ? n : 4096;
    for (size_t i = 0; i + 8 < m; i++) {
        if (strncasecmp((const char *)s + i, "charset", 7) != 0)
            continue;
        size_t j = i + 7;
        while (j < m && (s[j] == ' ' || s[j] == '='))
            j++;
        while (j < m && (s[j] == '"' || s[j] == '\''))
            j++;
        size_t k = 0;
        while (j < m && k + 1 < cslen &&
               ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9') ||
                s[j] == '-' || s[j] == '_' || s[j] == '.' || s[j] == ':'))
            cs[k++] = (char)s[j++];
        cs[k] = 0;
        if (k)
            return 1;
    }
    return 0;
}

/* A page of 8-bit bytes that names no charset, or wrongly names UTF-8: VISCII when it reads as
 * Vietnamese better so than in any other, Windows-1258 when it reads better so than in
 * Windows-1252, TCVN3 and VNI (Vietnamese saved by a Windows tool), else Windows-1252, whose
 * characters stand for the bytes of legacy fonts. */
static const char *guess_8bit(const unsigned char *s, size_t n)
{
    return vp_detect_reads_viscii(s, n) ? "VISCII" : vp_detect_reads_cp1258(s, n) ? "windows-1258" : "windows-1252";
}

/* Is cs a single-byte charset a page of Vietnamese in another one is often said to be in (the
 * editor's default, or a template's): Windows-1258, Windows-1252, ISO-8859-1? */
static int default_8bit(const char *cs)
{
    return strcasestr(cs, "1258") || strcasestr(cs, "1252") || strcasestr(cs, "8859-1") ||
           strcasecmp(cs, "latin1") == 0;
}

int vp_fmt_html(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out)
{
    char cs[64] = "";
    const char *enc = NULL;
    int valid = vp_utf8_valid((const char *)s, n);
    if (c->encoding && strcmp(c->encoding, "utf-16") == 0) {
        enc = "UTF-8"; /* already converted */
    } else if (declared_charset(s, n, cs, sizeof cs)) {
        if (valid)
            enc = "UTF-8"; /* a page that is valid UTF-8 is UTF-8, whatever it says */
        else if (strcasecmp(cs, "utf-8") == 0 || strcasecmp(cs, "utf8") == 0)
            enc = guess_8bit(s, n); /* and one that is not is not, whatever it says */
        else if (default_8bit(cs))
            enc = guess_8bit(s, n); /* a default said of bytes that may be in another */
        else {
            xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(cs);
            enc = h ? cs : "windows-1252";
            if (h)
                xmlCharEncCloseFunc(h); /* frees the handler when iconv-backed */
        }
    } else {
        enc = valid ? "UTF-8" : guess_8bit(s, n);
    }
    if (!c->encoding)
        c->encoding = strcasecmp(enc, "UTF-8") == 0                                         ? "utf-8"
                      : strcasestr(enc, "1258")                                             ? "cp1258"
                      : strcasecmp(enc, "VISCII") == 0                                      ? "viscii"
                      : strcasestr(enc, "1252") || strcasestr(enc, "8859-1") || !cs[0] ? "cp1252"
                                                                                            : "other";
    if (n > (size_t)0x7fffffff) {
        vp_convert_err(c, "HTML document too large");
        return -1;
    }
    htmlDocPtr doc = htmlReadMemory((const char *)s, (int)n, NULL, enc,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    if (!doc) {
        vp_convert_err(c, "HTML parser could not read the document");
        return -1;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root) {
        xmlFreeDoc(doc);
        vp_convert_err(c, "HTML document has no content");
        return -1;
    }
    xmlNode *body = root;
    for (xmlNode *k = root->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && strcasecmp((const char *)k->name, "body") == 0)
            body = k;
    size_t maxlen = 0;
    max_cand(body, &maxlen);
    cand best = {NULL, 0, -1};
    /* the article's headline: its <h1>, else an element whose class names a title, else an <h2> */
    xmlNode *title = first_heading(body, "h1", 0);
    if (!title)
        title = first_titled(body);
    if (!title) /* a page without either heads its article with an <h2> of a headline's length */
        title = first_heading(body, "h2", TITLE_MIN);
    if (maxlen > 0) {
        find_cands(body, 0, &best, maxlen, title);
        if (!best.node)
            find_cands(body, 0, &best, maxlen, NULL);
    }
    if (!best.node) {
        /* no block says it is the article (a site laid out in tables, <td class="newsTitle">
         * over <td class="newsText">): the nearest block over its headline that holds the text
         * under it, not the whole page with its menus */
        size_t tl = title ? text_len(title) : 0;
        for (xmlNode *a = title ? title->parent : NULL; a && a != body; a = a->parent) {
            size_t l = a->type == XML_ELEMENT_NODE ? text_len(a) : 0;
            if (l >= ART_OVER_TITLE * tl) {
                best.node = a;
                best.len = l;
                break;
            }
        }
    }
    xmlNode *art = best.node;
    /* a candidate holding a small part of the page's text is a teaser, not the article */
    if (!art || best.len * 10 < text_len(body) * 3)
        art = body;
    css_fonts css = {NULL, 0, 0};
    css_collect(root, &css);
    render r = {out, {0}, 0, VP_ENC_UTF8, 0, c, &css, 0};
    /* the font in force where the article starts: its own, or its nearest ancestor's */
    for (xmlNode *x = art; x && x->type == XML_ELEMENT_NODE; x = x->parent) {
        char *font = element_font(x);
        const char *sheet = font ? NULL : css_font_of(&css, x);
        if (font || sheet) {
            r.font = vp_convert_font(c, font ? font : sheet, &r.font_upper);
            free(font);
            break;
        }
    }
    walk(&r, art);
    flush(&r);
    vp_buf_free(&r.line);
    css_free(&css);
    xmlFreeDoc(doc);
    return 0;
}
