/* fmt_odt.c - ODT -> text lines (libzip + libxml2, through fmt_zip.c).
 *
 * Paragraphs and headings in document order, table rows laid out by vp_fmt_table_row, list
 * items numbered from their list styles (text:list-style) and headings from the outline
 * style, as an office suite shows them.  Spans in legacy Vietnamese fonts are decoded.  A
 * footnote or endnote is marked where it is anchored by its citation ("[1]"; a mark the
 * author chose, text:label, as it is) and its text follows, on lines of its own ("[1] …"),
 * the paragraph, list or table that anchors it. */
#include "convert_fmt.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#define MAXLVL 10

/* Counters of one list (a top-level text:list and the lists that continue it). */
typedef struct olist {
    char *style;       /* list style name (owned, may be NULL) */
    char *id;          /* xml:id (owned, may be NULL) */
    int count[MAXLVL]; /* 0: level not used yet */
    struct olist *next;
} olist;

typedef struct odt {
    vp_fmt_ctx *c;
    xmlNode *auto_styles, *styles;
    xmlNode *outline;        /* text:outline-style, numbering of headings */
    int outline_count[MAXLVL];
    olist *lists;            /* most recent first */
    vp_buf notes;            /* text of the notes anchored in the block being read */
    int hold;                /* inside a list, a table or a note: notes wait */
    int in_note;
} odt;

/* The element <style:ELEM style:name="name"> (automatic styles first, then common styles). */
static xmlNode *find_named(odt *o, const char *elem, const char *name)
{
    xmlNode *roots[2] = {o->auto_styles, o->styles};
    for (int r = 0; name && r < 2; r++)
        for (xmlNode *s = roots[r] ? roots[r]->children : NULL; s; s = s->next) {
            if (!vp_xml_is(s, elem))
                continue;
            char *nm = vp_xml_attr(s, "name");
            int hit = nm && strcmp(nm, name) == 0;
            xmlFree(nm);
            if (hit)
                return s;
        }
    return NULL;
}

static xmlNode *find_list_style(odt *o, const char *name) { return find_named(o, "list-style", name); }

/* A paragraph style's style:list-style-name, following parent styles; caller frees. */
static char *para_list_style(odt *o, const char *name)
{
    char *cur = name ? (char *)xmlStrdup((const xmlChar *)name) : NULL;
    for (int guard = 0; cur && guard < 10; guard++) {
        xmlNode *found = find_named(o, "style", cur);
        xmlFree(cur);
        cur = NULL;
        if (!found)
            break;
        char *ls = vp_xml_attr(found, "list-style-name");
        if (ls && *ls)
            return ls;
        xmlFree(ls);
        cur = vp_xml_attr(found, "parent-style-name");
    }
    xmlFree(cur);
    return NULL;
}

/* The level style (number, bullet or image) for level lvl (1-based) of a list style. */
static xmlNode *level_style(xmlNode *ls, int lvl)
{
    for (xmlNode *k = ls ? ls->children : NULL; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && vp_xml_attr_int(k, "level", 0) == lvl)
            return k;
    return NULL;
}

/* ODF num-format ("1", "a", "A", "i", "I", "") as a numbering.xml format name. */
static const char *num_format(xmlNode *lvlstyle)
{
    char *f = vp_xml_attr(lvlstyle, "num-format");
    const char *r = "decimal";
    if (!f || !*f)
        r = "none";
    else if (strcmp(f, "a") == 0)
        r = "lowerLetter";
    else if (strcmp(f, "A") == 0)
        r = "upperLetter";
    else if (strcmp(f, "i") == 0)
        r = "lowerRoman";
    else if (strcmp(f, "I") == 0)
        r = "upperRoman";
    xmlFree(f);
    return r;
}

/* The label of a numbered level: prefix, the shown levels joined by ".", suffix. */
static void number_label(xmlNode *ls, const int *count, int lvl, vp_buf *out)
{
    xmlNode *st = level_style(ls, lvl);
    int shown = vp_xml_attr_int(st, "display-levels", 1);
    if (shown < 1)
        shown = 1;
    if (shown > lvl)
        shown = lvl;
    char *pre = vp_xml_attr(st, "num-prefix"), *suf = vp_xml_attr(st, "num-suffix");
    vp_buf num = {0};
    for (int l = lvl - shown + 1; l <= lvl; l++) {
        xmlNode *ps = level_style(ls, l);
        const char *fmt = num_format(ps);
        if (strcmp(fmt, "none") == 0)
            continue;
        int v = count[l - 1] ? count[l - 1] : vp_xml_attr_int(ps, "start-value", 1);
        if (num.len)
            vp_buf_addc(&num, '.');
        vp_fmt_list_number(fmt, v, &num);
    }
    if (num.len) {
        if (pre)
            vp_buf_adds(out, pre);
        vp_buf_add(out, num.data, num.len);
        if (suf)
            vp_buf_adds(out, suf);
    }
    vp_buf_free(&num);
    xmlFree(pre);
    xmlFree(suf);
}

/* Counts an item at level lvl (1-based) and appends its label and a space. */
static void item_label(xmlNode *ls, int *count, int lvl, int start_value, vp_buf *out)
{
    if (lvl > MAXLVL)
        lvl = MAXLVL;
    xmlNode *st = level_style(ls, lvl);
    if (start_value > 0)
        count[lvl - 1] = start_value;
    else if (count[lvl - 1] == 0)
        count[lvl - 1] = vp_xml_attr_int(st, "start-value", 1);
    else
        count[lvl - 1]++;
    for (int k = lvl; k < MAXLVL; k++)
        count[k] = 0;
    if (!st || vp_xml_is(st, "list-level-style-bullet") || vp_xml_is(st, "list-level-style-image")) {
        char *b = vp_xml_attr(st, "bullet-char");
        vp_buf_adds(out, b && strcmp(b, "+") == 0 ? "+ " : "- ");
        xmlFree(b);
        return;
    }
    size_t before = out->len;
    number_label(ls, count, lvl, out);
    if (out->len > before)
        vp_buf_addc(out, ' ');
}

/* The counters a top-level list uses: those of the list it continues, or new ones. */
static olist *list_counters(odt *o, xmlNode *list, const char *style)
{
    char *cont = vp_xml_attr(list, "continue-list");
    char *num = vp_xml_attr(list, "continue-numbering");
    olist *l = NULL;
    if (cont) {
        for (l = o->lists; l; l = l->next)
            if (l->id && strcmp(l->id, cont) == 0)
                break;
    } else if (num && strcmp(num, "true") == 0) {
        for (l = o->lists; l; l = l->next)
            if ((!l->style && !style) || (l->style && style && strcmp(l->style, style) == 0))
                break;
    }
    xmlFree(cont);
    xmlFree(num);
    if (!l) {
        l = vp_xcalloc(1, sizeof *l);
        l->style = style ? vp_xstrdup(style) : NULL;
        l->next = o->lists;
        o->lists = l;
    }
    char *id = vp_xml_attr(list, "id");
    if (id) {
        free(l->id);
        l->id = vp_xstrdup(id);
        xmlFree(id);
    }
    return l;
}

static char *odt_style_font(odt *o, const char *name)
{
    /* follow parent styles, at most 10 (a style may name itself or a cycle as its parent) */
    char *cur = name ? (char *)xmlStrdup((const xmlChar *)name) : NULL;
    for (int guard = 0; cur && guard < 10; guard++) {
        xmlNode *found = find_named(o, "style", cur);
        xmlFree(cur);
        if (!found)
            return NULL;
        char *f = vp_xml_attr(vp_xml_child(found, "text-properties"), "font-name");
        if (f)
            return f;
        cur = vp_xml_attr(found, "parent-style-name");
    }
    xmlFree(cur);
    return NULL;
}

/* Where a paragraph sits in lists: the counters, the list style and the level (1-based). */
typedef struct lctx {
    olist *l;
    const char *style;
    int lvl;
} lctx;

static void odt_block(odt *o, xmlNode *n, vp_buf *out, const lctx *lc);

/* A text:note: its mark into out, its text (after the mark) into o->notes.  Notes inside
 * notes are not followed. */
static void odt_note(odt *o, xmlNode *note, vp_buf *out)
{
    if (o->in_note)
        return;
    xmlNode *cit = vp_xml_child(note, "note-citation");
    char *label = vp_xml_attr(cit, "label");
    xmlChar *num = cit ? xmlNodeGetContent(cit) : NULL;
    vp_buf mark = {0};
    if (num && num[0]) {
        if (label)
            vp_buf_adds(&mark, (const char *)num);
        else {
            vp_buf_addc(&mark, '[');
            vp_buf_adds(&mark, (const char *)num);
            vp_buf_addc(&mark, ']');
        }
        vp_buf_add(out, mark.data, mark.len);
    }
    vp_buf text = {0};
    o->in_note = 1;
    o->hold++;
    odt_block(o, vp_xml_child(note, "note-body"), &text, NULL);
    o->hold--;
    o->in_note = 0;
    if (text.len) {
        if (mark.len) {
            vp_buf_add(&o->notes, mark.data, mark.len);
            vp_buf_addc(&o->notes, ' ');
        }
        vp_buf_add(&o->notes, text.data, text.len);
    }
    vp_buf_free(&text);
    vp_buf_free(&mark);
    if (num)
        xmlFree(num);
    if (label)
        xmlFree(label);
}

static void odt_text(odt *o, xmlNode *n, const char *font, vp_buf *out)
{
    for (xmlNode *k = n->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE && k->content) {
            int upper = 0;
            vp_enc e = vp_convert_font(o->c, font, &upper);
            if (e != VP_ENC_UTF8 &&
                vp_detect_font_text(e, upper, (const char *)k->content, strlen((const char *)k->content), out, NULL, 0) == 0)
                vp_convert_legacy_run(o->c, e, upper);
            else
                vp_buf_adds(out, (const char *)k->content);
            continue;
        }
        if (k->type != XML_ELEMENT_NODE)
            continue;
        const char *nm = (const char *)k->name;
        if (strcmp(nm, "s") == 0) {
            int cnt = vp_xml_attr_int(k, "c", 1);
            for (int i = 0; i < cnt && i < 200; i++)
                vp_buf_addc(out, ' ');
        } else if (strcmp(nm, "tab") == 0) {
            vp_buf_addc(out, '\t');
        } else if (strcmp(nm, "line-break") == 0) {
            vp_buf_addc(out, '\n');
        } else if (strcmp(nm, "note") == 0) {
            odt_note(o, k, out);
        } else if (strcmp(nm, "annotation") == 0) {
            continue;
        } else {
            char *sn = vp_xml_attr(k, "style-name");
            char *f = sn ? odt_style_font(o, sn) : NULL;
            odt_text(o, k, f ? f : font, out);
            if (f)
                xmlFree(f);
            if (sn)
                xmlFree(sn);
        }
    }
}

static void odt_table(odt *o, xmlNode *t, vp_buf *out);

/* A paragraph or heading; `label` (may be NULL) goes before its text when it has any. */
static void odt_para(odt *o, xmlNode *p, vp_buf *out, const char *label)
{
    char *sn = vp_xml_attr(p, "style-name");
    char *f = sn ? odt_style_font(o, sn) : NULL;
    vp_buf txt = {0}, head = {0};
    odt_text(o, p, f, &txt);
    int any = 0;
    for (size_t i = 0; i < txt.len; i++)
        if ((unsigned char)txt.data[i] > ' ')
            any = 1;
    if (!label && vp_xml_is(p, "h") && o->outline) {
        /* a heading outside lists: numbered by the outline style of its level */
        char *hdr = vp_xml_attr(p, "is-list-header");
        int lvl = vp_xml_attr_int(p, "outline-level", 1);
        xmlNode *st = level_style(o->outline, lvl);
        if (any && lvl >= 1 && lvl <= MAXLVL && !(hdr && strcmp(hdr, "true") == 0) && st &&
            strcmp(num_format(st), "none") != 0)
            item_label(o->outline, o->outline_count, lvl, 0, &head);
        xmlFree(hdr);
    }
    if (any && label)
        vp_buf_adds(out, label);
    if (any && head.len)
        vp_buf_add(out, head.data, head.len);
    if (txt.len)
        vp_buf_add(out, txt.data, txt.len);
    vp_buf_addc(out, '\n');
    vp_buf_free(&txt);
    vp_buf_free(&head);
    if (f)
        xmlFree(f);
    if (sn)
        xmlFree(sn);
}

/* The list style of a list without one: that of its first paragraph's style. */
static char *first_para_list_style(odt *o, xmlNode *list)
{
    for (xmlNode *it = list->children; it; it = it->next)
        for (xmlNode *k = it->type == XML_ELEMENT_NODE ? it->children : NULL; k; k = k->next) {
            if (vp_xml_is(k, "p") || vp_xml_is(k, "h")) {
                char *sn = vp_xml_attr(k, "style-name");
                char *ls = para_list_style(o, sn);
                xmlFree(sn);
                return ls;
            }
            if (k->type == XML_ELEMENT_NODE)
                return NULL;
        }
    return NULL;
}

static void odt_list(odt *o, xmlNode *list, vp_buf *out, const lctx *outer)
{
    char *sn = vp_xml_attr(list, "style-name");
    char *fallback = NULL;
    lctx lc;
    lc.lvl = outer ? outer->lvl + 1 : 1;
    lc.style = sn ? sn : outer ? outer->style : NULL;
    if (!lc.style)
        lc.style = fallback = first_para_list_style(o, list);
    lc.l = outer ? outer->l : list_counters(o, list, lc.style);
    xmlNode *ls = find_list_style(o, lc.style);
    for (xmlNode *it = list->children; it; it = it->next) {
        int item = vp_xml_is(it, "list-item");
        if (!item && !vp_xml_is(it, "list-header"))
            continue;
        xmlNode *first = it->children;
        while (first && first->type != XML_ELEMENT_NODE)
            first = first->next;
        vp_buf label = {0};
        if (item && first && (vp_xml_is(first, "p") || vp_xml_is(first, "h"))) {
            if (ls)
                item_label(ls, lc.l->count, lc.lvl, vp_xml_attr_int(it, "start-value", 0), &label);
            else
                vp_buf_adds(&label, "- ");
        }
        for (xmlNode *k = it->children; k; k = k->next) {
            if (vp_xml_is(k, "p") || vp_xml_is(k, "h")) {
                odt_para(o, k, out, label.len ? label.data : NULL);
                label.len = 0;
            } else if (vp_xml_is(k, "list")) {
                odt_list(o, k, out, &lc);
            } else if (vp_xml_is(k, "table")) {
                odt_table(o, k, out);
            }
        }
        vp_buf_free(&label);
    }
    xmlFree(sn);
    xmlFree(fallback);
}

/* Cells of the widest row of table t (its header rows and row groups included). */
static size_t odt_width(xmlNode *t)
{
    size_t width = 0;
    for (xmlNode *r = t->children; r; r = r->next) {
        size_t w = 0;
        if (vp_xml_is(r, "table-header-rows") || vp_xml_is(r, "table-rows"))
            w = odt_width(r);
        else if (vp_xml_is(r, "table-row"))
            for (xmlNode *cl = r->children; cl; cl = cl->next)
                w += vp_xml_is(cl, "table-cell") || vp_xml_is(cl, "covered-table-cell");
        if (w > width)
            width = w;
    }
    return width;
}

/* A table's rows by the columns of its grid: a cell covered by one spanning columns before it
 * (table:covered-table-cell) is an empty one when another cell follows, so that each column keeps
 * its place; one covered by a cell spanning rows above it (table:number-rows-spanned) holds that
 * cell's text again, except in the first column, the rows' numbers (a lead or a deadline written
 * once for several tasks is each task's).  above and down: per column, the text of the row before
 * and the rows still covered from above. */
static void odt_rows(odt *o, xmlNode *t, size_t width, vp_buf *above, size_t *down, vp_buf *out)
{
    for (xmlNode *r = t->children; r; r = r->next) {
        if (vp_xml_is(r, "table-header-rows") || vp_xml_is(r, "table-rows")) {
            odt_rows(o, r, width, above, down, out);
            continue;
        }
        if (!vp_xml_is(r, "table-row"))
            continue;
        size_t ncell = 0, pad = 0;
        vp_buf *cells = vp_xcalloc(width + 1, sizeof *cells);
        int *covered = vp_xcalloc(width + 1, sizeof *covered);
        for (xmlNode *cl = r->children; cl; cl = cl->next) {
            int cov = vp_xml_is(cl, "covered-table-cell");
            if (!cov && !vp_xml_is(cl, "table-cell"))
                continue;
            size_t col = ncell + pad;
            if (col >= width)
                break;
            if (cov && !down[col]) { /* covered from the left: placed once a cell follows */
                pad++;
                continue;
            }
            ncell = col + 1;
            pad = 0;
            if (cov) {
                covered[col] = 1;
                if (col > 0)
                    vp_buf_add(&cells[col], above[col].data ? above[col].data : "", above[col].len);
                continue;
            }
            odt_block(o, cl, &cells[col], NULL);
            int rows = vp_xml_attr_int(cl, "number-rows-spanned", 1);
            int cols = vp_xml_attr_int(cl, "number-columns-spanned", 1);
            for (int k = 0; rows > 1 && rows <= 1000 && k < cols && col + (size_t)k < width; k++)
                down[col + (size_t)k] = (size_t)rows; /* counted down below, this row included */
        }
        for (size_t i = 0; i < width; i++)
            if (down[i])
                down[i]--;
        vp_fmt_join_cells(o->c, cells, ncell, width); /* a cell's paragraphs on its row's line */
        vp_fmt_grid_row(cells, ncell, width, covered, above, out); /* a covered cell's text goes on */
        free(cells);
        free(covered);
    }
}

static void odt_table(odt *o, xmlNode *t, vp_buf *out)
{
    size_t width = odt_width(t);
    vp_buf *above = vp_xcalloc(width + 1, sizeof *above);
    size_t *down = vp_xcalloc(width + 1, sizeof *down);
    odt_rows(o, t, width, above, down, out);
    for (size_t i = 0; i < width; i++)
        vp_buf_free(&above[i]);
    free(above);
    free(down);
}

static void odt_block(odt *o, xmlNode *n, vp_buf *out, const lctx *lc)
{
    for (xmlNode *k = n ? n->children : NULL; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (vp_xml_is(k, "p") || vp_xml_is(k, "h")) {
            odt_para(o, k, out, NULL);
        } else if (vp_xml_is(k, "list")) {
            o->hold++;
            odt_list(o, k, out, lc);
            o->hold--;
        } else if (vp_xml_is(k, "table")) {
            o->hold++;
            odt_table(o, k, out);
            o->hold--;
        } else if (vp_xml_is(k, "section") || vp_xml_is(k, "text") || vp_xml_is(k, "body")) {
            odt_block(o, k, out, lc);
        }
        if (!o->hold && o->notes.len) { /* the notes this paragraph, list or table anchors */
            vp_buf_add(out, o->notes.data, o->notes.len);
            o->notes.len = 0;
        }
    }
}

int vp_fmt_odt(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out)
{
    vp_zip *z = vp_zip_open(s, n, c);
    if (!z)
        return -1;
    int failed = 0, rc = -1;
    xmlDocPtr doc = NULL, sty = NULL;
    odt o;
    memset(&o, 0, sizeof o);
    o.c = c;
    doc = vp_zip_parse(z, "content.xml", 1, c, &failed);
    if (!doc)
        goto done;
    sty = vp_zip_parse(z, "styles.xml", 0, c, &failed);
    if (failed)
        goto done;
    xmlNode *root = xmlDocGetRootElement(doc);
    o.auto_styles = vp_xml_child(root, "automatic-styles");
    o.styles = sty ? vp_xml_child(xmlDocGetRootElement(sty), "styles") : NULL;
    o.outline = vp_xml_child(o.styles, "outline-style");
    xmlNode *body = vp_xml_child(root, "body");
    if (!body) {
        vp_convert_err(c, "content.xml has no body");
        goto done;
    }
    odt_block(&o, body, out, NULL);
    c->encoding = c->legacy_runs ? "mixed" : "utf-8";
    rc = 0;
done:
    vp_buf_free(&o.notes);
    while (o.lists) {
        olist *x = o.lists->next;
        free(o.lists->style);
        free(o.lists->id);
        free(o.lists);
        o.lists = x;
    }
    xmlFreeDoc(doc);
    xmlFreeDoc(sty);
    vp_zip_close(z);
    return rc;
}
