/* fmt_docx.c - DOCX and ODT -> text lines (libzip + libxml2).
 *
 * Paragraphs come out in document order, a table row per line with cells joined by " | ",
 * list numbers rendered from numbering.xml ("1.", "a)", "-").  Runs set in legacy Vietnamese
 * fonts (.VnTime, .VnTimeH, VNI-Times, ...) are decoded with their encoding.
 *
 * Hostile input: XML is parsed without network access, without loading DTDs and without
 * substituting entities (a part that declares a DTD is refused); decompressed bytes are
 * counted while reading, in chunks, and reading stops at vp_limits.max_unzipped. */
#include "convert_fmt.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

struct vp_zip {
    zip_t *za;
    size_t total; /* decompressed bytes read so far */
};

vp_zip *vp_zip_open(const unsigned char *s, size_t n, vp_fmt_ctx *c)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(s, n, 0, &ze);
    if (!src) {
        vp_convert_err(c, "cannot read zip archive: %s", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return NULL;
    }
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!za) {
        vp_convert_err(c, "damaged zip archive: %s", zip_error_strerror(&ze));
        zip_source_free(src);
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    vp_zip *z = vp_xcalloc(1, sizeof *z);
    z->za = za;
    return z;
}

void vp_zip_close(vp_zip *z)
{
    if (!z)
        return;
    zip_discard(z->za);
    free(z);
}

int vp_zip_has(vp_zip *z, const char *name) { return zip_name_locate(z->za, name, 0) >= 0; }

char *vp_zip_read(vp_zip *z, const char *name, size_t *len, int required, vp_fmt_ctx *c)
{
    *len = 0;
    zip_int64_t idx = zip_name_locate(z->za, name, 0);
    if (idx < 0) {
        if (required)
            vp_convert_err(c, "archive has no %s", name);
        return NULL;
    }
    zip_file_t *f = zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
    if (!f) {
        vp_convert_err(c, "cannot open %s in archive: %s", name, zip_strerror(z->za));
        return NULL;
    }
    vp_buf b = {0};
    char chunk[65536];
    size_t cap = c->lim->max_unzipped ? c->lim->max_unzipped : (size_t)256 << 20;
    for (;;) {
        zip_int64_t r = zip_fread(f, chunk, sizeof chunk);
        if (r < 0) {
            vp_convert_err(c, "cannot decompress %s: %s", name, zip_file_strerror(f));
            zip_fclose(f);
            vp_buf_free(&b);
            return NULL;
        }
        if (r == 0)
            break;
        if (z->total + (size_t)r > cap) {
            vp_convert_err(c, "archive expands beyond the limit of %zu bytes (zip bomb?)", cap);
            zip_fclose(f);
            vp_buf_free(&b);
            return NULL;
        }
        z->total += (size_t)r;
        vp_buf_add(&b, chunk, (size_t)r);
        if (vp_convert_now() > c->deadline) {
            vp_convert_err(c, "time limit reached while decompressing %s", name);
            zip_fclose(f);
            vp_buf_free(&b);
            return NULL;
        }
    }
    zip_fclose(f);
    *len = b.len;
    return vp_buf_steal(&b);
}

static xmlDocPtr parse_part(vp_zip *z, const char *name, int required, vp_fmt_ctx *c, int *failed)
{
    size_t len;
    *failed = 0;
    char *data = vp_zip_read(z, name, &len, required, c);
    if (!data) {
        if (required || (c->err && c->err[0]))
            *failed = 1;
        return NULL;
    }
    if (len > 0x7fffffff) {
        free(data);
        vp_convert_err(c, "%s is too large", name);
        *failed = 1;
        return NULL;
    }
    /* no XML_PARSE_NOENT (entities stay unexpanded), no DTDLOAD, no network */
    xmlDocPtr doc = xmlReadMemory(data, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(data);
    if (!doc) {
        vp_convert_err(c, "%s is not well-formed XML", name);
        *failed = 1;
        return NULL;
    }
    if (doc->intSubset || doc->extSubset) {
        xmlFreeDoc(doc);
        vp_convert_err(c, "%s declares a DTD (refused: entities are not allowed in documents)", name);
        *failed = 1;
        return NULL;
    }
    return doc;
}

static int is_el(xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNode *child(xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is_el(c, name))
            return c;
    return NULL;
}

/* attribute by local name, whatever its prefix */
static char *attr(xmlNode *n, const char *name)
{
    if (!n)
        return NULL;
    for (xmlAttr *a = n->properties; a; a = a->next)
        if (strcmp((const char *)a->name, name) == 0) {
            xmlChar *v = xmlNodeGetContent((xmlNode *)a);
            return (char *)v;
        }
    return NULL;
}

static int attr_int(xmlNode *n, const char *name, int def)
{
    char *v = attr(n, name);
    if (!v)
        return def;
    int r = atoi(v);
    xmlFree(v);
    return r;
}

/* ------------------------------------------------------------------ DOCX */

#define MAXLVL 9

typedef struct numstate {
    int numid;
    int count[MAXLVL];
    struct numstate *next;
} numstate;

typedef struct docx {
    vp_fmt_ctx *c;
    xmlNode *styles;    /* w:styles */
    xmlNode *numbering; /* w:numbering */
    char *default_font;
    numstate *nums;
    vp_buf *out;
} docx;

static xmlNode *find_style(docx *d, const char *id)
{
    if (!d->styles || !id)
        return NULL;
    for (xmlNode *s = d->styles->children; s; s = s->next) {
        if (!is_el(s, "style"))
            continue;
        char *sid = attr(s, "styleId");
        int hit = sid && strcmp(sid, id) == 0;
        xmlFree(sid);
        if (hit)
            return s;
    }
    return NULL;
}

static char *rfonts_name(xmlNode *rpr)
{
    xmlNode *rf = child(rpr, "rFonts");
    if (!rf)
        return NULL;
    char *f = attr(rf, "ascii");
    if (!f)
        f = attr(rf, "hAnsi");
    return f;
}

/* font of a style, following basedOn */
static char *style_font(docx *d, const char *id)
{
    for (int guard = 0; id && guard < 20; guard++) {
        xmlNode *s = find_style(d, id);
        if (!s)
            return NULL;
        char *f = rfonts_name(child(s, "rPr"));
        if (f)
            return f;
        xmlNode *b = child(s, "basedOn");
        char *bid = attr(b, "val");
        if (!bid)
            return NULL;
        /* recurse on the parent style */
        f = style_font(d, bid);
        xmlFree(bid);
        return f;
    }
    return NULL;
}

static char *run_font(docx *d, xmlNode *r, const char *pstyle)
{
    xmlNode *rpr = child(r, "rPr");
    char *f = rfonts_name(rpr);
    if (f)
        return f;
    char *rs = attr(child(rpr, "rStyle"), "val");
    if (rs) {
        f = style_font(d, rs);
        xmlFree(rs);
        if (f)
            return f;
    }
    if (pstyle && (f = style_font(d, pstyle)))
        return f;
    if (!pstyle && (f = style_font(d, "Normal")))
        return f;
    return d->default_font ? (char *)xmlStrdup((const xmlChar *)d->default_font) : NULL;
}

static void add_run_text(docx *d, const char *font, const char *text, vp_buf *out)
{
    int upper = 0;
    vp_enc e = vp_detect_font(font, &upper);
    if (e == VP_ENC_UTF8) {
        vp_buf_adds(out, text);
        return;
    }
    if (vp_detect_font_text(e, upper, text, strlen(text), out, NULL, 0) == 0)
        d->c->legacy_runs++;
    else
        vp_buf_adds(out, text);
}

static void run_text(docx *d, xmlNode *r, const char *pstyle, vp_buf *out)
{
    char *font = NULL;
    int have_font = 0;
    for (xmlNode *k = r->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(k, "t")) {
            xmlChar *t = xmlNodeGetContent(k);
            if (t) {
                if (!have_font) {
                    font = run_font(d, r, pstyle);
                    have_font = 1;
                }
                add_run_text(d, font, (const char *)t, out);
                xmlFree(t);
            }
        } else if (is_el(k, "tab") || is_el(k, "ptab")) {
            vp_buf_addc(out, '\t');
        } else if (is_el(k, "br") || is_el(k, "cr")) {
            vp_buf_addc(out, '\n');
        } else if (is_el(k, "noBreakHyphen")) {
            vp_buf_addc(out, '-');
        }
    }
    if (font)
        xmlFree(font);
}

static void para_content(docx *d, xmlNode *n, const char *pstyle, vp_buf *out)
{
    for (xmlNode *k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        const char *nm = (const char *)k->name;
        if (strcmp(nm, "r") == 0)
            run_text(d, k, pstyle, out);
        else if (strcmp(nm, "del") == 0 || strcmp(nm, "pPr") == 0 || strcmp(nm, "rPr") == 0 ||
                 strcmp(nm, "moveFrom") == 0)
            continue;
        else
            para_content(d, k, pstyle, out); /* hyperlink, ins, smartTag, sdt, fldSimple, ... */
    }
}

static void roman(int v, int upper, vp_buf *out)
{
    static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *const sym[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
    if (v <= 0 || v > 3999) {
        vp_buf_printf(out, "%d", v);
        return;
    }
    for (int i = 0; i < 13; i++)
        while (v >= val[i]) {
            for (const char *p = sym[i]; *p; p++)
                vp_buf_addc(out, upper ? (char)(*p - 32) : *p);
            v -= val[i];
        }
}

static void fmt_number(const char *fmt, int v, vp_buf *out)
{
    if (!fmt || strcmp(fmt, "decimal") == 0) {
        vp_buf_printf(out, "%d", v);
    } else if (strcmp(fmt, "lowerLetter") == 0 || strcmp(fmt, "upperLetter") == 0) {
        char base = fmt[0] == 'l' ? 'a' : 'A';
        int k = v > 0 ? v - 1 : 0;
        int rep = k / 26 + 1;
        for (int i = 0; i < rep && i < 10; i++)
            vp_buf_addc(out, (char)(base + k % 26));
    } else if (strcmp(fmt, "lowerRoman") == 0) {
        roman(v, 0, out);
    } else if (strcmp(fmt, "upperRoman") == 0) {
        roman(v, 1, out);
    } else if (strcmp(fmt, "decimalZero") == 0) {
        vp_buf_printf(out, "%02d", v);
    } else if (strcmp(fmt, "none") == 0) {
    } else {
        vp_buf_printf(out, "%d", v);
    }
}

static xmlNode *find_by_attr(xmlNode *parent, const char *el, const char *an, int val)
{
    for (xmlNode *k = parent ? parent->children : NULL; k; k = k->next)
        if (is_el(k, el) && attr_int(k, an, -1) == val)
            return k;
    return NULL;
}

/* The number text of a list paragraph, or nothing. */
static void list_number(docx *d, int numid, int ilvl, vp_buf *out)
{
    if (!d->numbering || numid <= 0 || ilvl < 0 || ilvl >= MAXLVL)
        return;
    xmlNode *num = find_by_attr(d->numbering, "num", "numId", numid);
    if (!num)
        return;
    int absid = attr_int(child(num, "abstractNumId"), "val", -1);
    xmlNode *abs = find_by_attr(d->numbering, "abstractNum", "abstractNumId", absid);
    if (!abs)
        return;
    numstate *st = d->nums;
    while (st && st->numid != numid)
        st = st->next;
    if (!st) {
        st = vp_xcalloc(1, sizeof *st);
        st->numid = numid;
        st->next = d->nums;
        d->nums = st;
    }
    int starts[MAXLVL];
    char *fmts[MAXLVL];
    for (int l = 0; l < MAXLVL; l++) {
        xmlNode *lvl = find_by_attr(abs, "lvl", "ilvl", l);
        starts[l] = attr_int(child(lvl, "start"), "val", 1);
        xmlNode *ov = find_by_attr(num, "lvlOverride", "ilvl", l);
        if (ov && child(ov, "startOverride"))
            starts[l] = attr_int(child(ov, "startOverride"), "val", starts[l]);
        fmts[l] = attr(child(lvl, "numFmt"), "val");
    }
    if (st->count[ilvl] == 0)
        st->count[ilvl] = starts[ilvl];
    else
        st->count[ilvl]++;
    for (int l = ilvl + 1; l < MAXLVL; l++)
        st->count[l] = 0;
    xmlNode *lvl = find_by_attr(abs, "lvl", "ilvl", ilvl);
    char *text = attr(child(lvl, "lvlText"), "val");
    if (fmts[ilvl] && strcmp(fmts[ilvl], "bullet") == 0) {
        vp_buf_adds(out, text && strcmp(text, "+") == 0 ? "+ " : "- ");
    } else if (text) {
        vp_buf num_txt = {0};
        for (const char *p = text; *p; p++) {
            if (*p == '%' && p[1] >= '1' && p[1] <= '9') {
                int l = p[1] - '1';
                int v = st->count[l] ? st->count[l] : starts[l];
                fmt_number(fmts[l], v, &num_txt);
                p++;
            } else {
                vp_buf_addc(&num_txt, *p);
            }
        }
        if (num_txt.len) {
            vp_buf_add(out, num_txt.data, num_txt.len);
            vp_buf_addc(out, ' ');
        }
        vp_buf_free(&num_txt);
    }
    if (text)
        xmlFree(text);
    for (int l = 0; l < MAXLVL; l++)
        if (fmts[l])
            xmlFree(fmts[l]);
}

static void paragraph(docx *d, xmlNode *p, vp_buf *out)
{
    xmlNode *ppr = child(p, "pPr");
    char *pstyle = attr(child(ppr, "pStyle"), "val");
    xmlNode *numpr = child(ppr, "numPr");
    int numid = -1, ilvl = 0;
    if (numpr) {
        numid = attr_int(child(numpr, "numId"), "val", -1);
        ilvl = attr_int(child(numpr, "ilvl"), "val", 0);
    } else if (pstyle) {
        xmlNode *s = find_style(d, pstyle);
        xmlNode *snum = child(child(s, "pPr"), "numPr");
        if (snum) {
            numid = attr_int(child(snum, "numId"), "val", -1);
            ilvl = attr_int(child(snum, "ilvl"), "val", 0);
        }
    }
    vp_buf txt = {0};
    para_content(d, p, pstyle, &txt);
    int any = 0;
    for (size_t i = 0; i < txt.len; i++)
        if ((unsigned char)txt.data[i] > ' ')
            any = 1;
    if (any || numid > 0) {
        if (numid > 0 && any)
            list_number(d, numid, ilvl, out);
        if (txt.len)
            vp_buf_add(out, txt.data, txt.len);
    }
    vp_buf_addc(out, '\n');
    vp_buf_free(&txt);
    if (pstyle)
        xmlFree(pstyle);
}

static void block(docx *d, xmlNode *n, vp_buf *out);

static void table(docx *d, xmlNode *tbl, vp_buf *out)
{
    for (xmlNode *tr = tbl->children; tr; tr = tr->next) {
        if (!is_el(tr, "tr"))
            continue;
        vp_buf line = {0};
        int ncell = 0;
        for (xmlNode *tc = tr->children; tc; tc = tc->next) {
            if (is_el(tc, "sdt"))
                tc = child(child(tc, "sdtContent"), "tc") ? child(child(tc, "sdtContent"), "tc") : tc;
            if (!is_el(tc, "tc"))
                continue;
            vp_buf cell = {0};
            block(d, tc, &cell);
            /* the cell's paragraphs on one line */
            size_t a = 0, b = cell.len;
            while (a < b && (cell.data[a] == '\n' || cell.data[a] == ' '))
                a++;
            while (b > a && (cell.data[b - 1] == '\n' || cell.data[b - 1] == ' '))
                b--;
            if (ncell++)
                vp_buf_adds(&line, " | ");
            for (size_t i = a; i < b; i++) {
                char ch = cell.data[i] == '\n' || cell.data[i] == '\t' ? ' ' : cell.data[i];
                if (ch == ' ' && line.len && line.data[line.len - 1] == ' ')
                    continue;
                vp_buf_addc(&line, ch);
            }
            vp_buf_free(&cell);
        }
        int any = 0;
        for (size_t i = 0; i < line.len; i++)
            if (line.data[i] != ' ' && line.data[i] != '|')
                any = 1;
        if (any)
            vp_buf_add(out, line.data, line.len);
        vp_buf_addc(out, '\n');
        vp_buf_free(&line);
    }
}

static void block(docx *d, xmlNode *n, vp_buf *out)
{
    for (xmlNode *k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(k, "p"))
            paragraph(d, k, out);
        else if (is_el(k, "tbl"))
            table(d, k, out);
        else if (is_el(k, "sdt"))
            block(d, child(k, "sdtContent") ? child(k, "sdtContent") : k, out);
        else if (is_el(k, "customXml") || is_el(k, "ins") || is_el(k, "smartTag"))
            block(d, k, out);
    }
}

int vp_fmt_docx(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out)
{
    vp_zip *z = vp_zip_open(s, n, c);
    if (!z)
        return -1;
    int failed = 0, rc = -1;
    xmlDocPtr doc = NULL, sty = NULL, num = NULL;
    docx d;
    memset(&d, 0, sizeof d);
    d.c = c;
    d.out = out;
    doc = parse_part(z, "word/document.xml", 1, c, &failed);
    if (!doc)
        goto done;
    sty = parse_part(z, "word/styles.xml", 0, c, &failed);
    if (failed)
        goto done;
    num = parse_part(z, "word/numbering.xml", 0, c, &failed);
    if (failed)
        goto done;
    d.styles = sty ? xmlDocGetRootElement(sty) : NULL;
    d.numbering = num ? xmlDocGetRootElement(num) : NULL;
    if (d.styles) {
        xmlNode *rpr = child(child(child(d.styles, "docDefaults"), "rPrDefault"), "rPr");
        d.default_font = rfonts_name(rpr);
    }
    xmlNode *body = child(xmlDocGetRootElement(doc), "body");
    if (!body) {
        vp_convert_err(c, "word/document.xml has no body");
        goto done;
    }
    block(&d, body, out);
    c->encoding = c->legacy_runs ? "mixed" : "utf-8";
    rc = 0;
done:
    if (d.default_font)
        xmlFree(d.default_font);
    while (d.nums) {
        numstate *x = d.nums->next;
        free(d.nums);
        d.nums = x;
    }
    xmlFreeDoc(doc);
    xmlFreeDoc(sty);
    xmlFreeDoc(num);
    vp_zip_close(z);
    return rc;
}

/* ------------------------------------------------------------------ ODT */

typedef struct odt {
    vp_fmt_ctx *c;
    xmlNode *auto_styles, *styles;
    int depth_count[MAXLVL];
} odt;

static char *odt_style_font(odt *o, const char *name)
{
    xmlNode *roots[2] = {o->auto_styles, o->styles};
    for (int guard = 0; name && guard < 10; guard++) {
        xmlNode *found = NULL;
        for (int r = 0; r < 2 && !found; r++)
            for (xmlNode *s = roots[r] ? roots[r]->children : NULL; s && !found; s = s->next) {
                if (!is_el(s, "style"))
                    continue;
                char *nm = attr(s, "name");
                if (nm && strcmp(nm, name) == 0)
                    found = s;
                xmlFree(nm);
            }
        if (!found)
            return NULL;
        char *f = attr(child(found, "text-properties"), "font-name");
        if (f)
            return f;
        char *parent = attr(found, "parent-style-name");
        if (!parent)
            return NULL;
        f = odt_style_font(o, parent);
        xmlFree(parent);
        return f;
    }
    return NULL;
}

static void odt_text(odt *o, xmlNode *n, const char *font, vp_buf *out)
{
    for (xmlNode *k = n->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE && k->content) {
            int upper = 0;
            vp_enc e = vp_detect_font(font, &upper);
            if (e != VP_ENC_UTF8 &&
                vp_detect_font_text(e, upper, (const char *)k->content, strlen((const char *)k->content), out, NULL, 0) == 0)
                o->c->legacy_runs++;
            else
                vp_buf_adds(out, (const char *)k->content);
            continue;
        }
        if (k->type != XML_ELEMENT_NODE)
            continue;
        const char *nm = (const char *)k->name;
        if (strcmp(nm, "s") == 0) {
            int cnt = attr_int(k, "c", 1);
            for (int i = 0; i < cnt && i < 200; i++)
                vp_buf_addc(out, ' ');
        } else if (strcmp(nm, "tab") == 0) {
            vp_buf_addc(out, '\t');
        } else if (strcmp(nm, "line-break") == 0) {
            vp_buf_addc(out, '\n');
        } else if (strcmp(nm, "note") == 0 || strcmp(nm, "annotation") == 0) {
            continue;
        } else {
            char *sn = attr(k, "style-name");
            char *f = sn ? odt_style_font(o, sn) : NULL;
            odt_text(o, k, f ? f : font, out);
            if (f)
                xmlFree(f);
            if (sn)
                xmlFree(sn);
        }
    }
}

static void odt_block(odt *o, xmlNode *n, vp_buf *out, int listlvl, const char *prefix);

static void odt_para(odt *o, xmlNode *p, vp_buf *out, const char *prefix)
{
    char *sn = attr(p, "style-name");
    char *f = sn ? odt_style_font(o, sn) : NULL;
    vp_buf txt = {0};
    odt_text(o, p, f, &txt);
    int any = 0;
    for (size_t i = 0; i < txt.len; i++)
        if ((unsigned char)txt.data[i] > ' ')
            any = 1;
    if (any && prefix)
        vp_buf_adds(out, prefix);
    if (txt.len)
        vp_buf_add(out, txt.data, txt.len);
    vp_buf_addc(out, '\n');
    vp_buf_free(&txt);
    if (f)
        xmlFree(f);
    if (sn)
        xmlFree(sn);
}

static void odt_table(odt *o, xmlNode *t, vp_buf *out)
{
    for (xmlNode *r = t->children; r; r = r->next) {
        if (is_el(r, "table-header-rows") || is_el(r, "table-rows")) {
            odt_table(o, r, out);
            continue;
        }
        if (!is_el(r, "table-row"))
            continue;
        vp_buf line = {0};
        int ncell = 0;
        for (xmlNode *cl = r->children; cl; cl = cl->next) {
            if (!is_el(cl, "table-cell"))
                continue;
            vp_buf cell = {0};
            odt_block(o, cl, &cell, 0, NULL);
            if (ncell++)
                vp_buf_adds(&line, " | ");
            size_t a = 0, b = cell.len;
            while (a < b && (cell.data[a] == '\n' || cell.data[a] == ' '))
                a++;
            while (b > a && (cell.data[b - 1] == '\n' || cell.data[b - 1] == ' '))
                b--;
            for (size_t i = a; i < b; i++)
                vp_buf_addc(&line, cell.data[i] == '\n' ? ' ' : cell.data[i]);
            vp_buf_free(&cell);
        }
        if (line.len)
            vp_buf_add(out, line.data, line.len);
        vp_buf_addc(out, '\n');
        vp_buf_free(&line);
    }
}

static void odt_block(odt *o, xmlNode *n, vp_buf *out, int listlvl, const char *prefix)
{
    for (xmlNode *k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(k, "p") || is_el(k, "h")) {
            odt_para(o, k, out, prefix);
            prefix = NULL;
        } else if (is_el(k, "list")) {
            for (xmlNode *it = k->children; it; it = it->next)
                if (is_el(it, "list-item") || is_el(it, "list-header"))
                    odt_block(o, it, out, listlvl + 1, is_el(it, "list-item") ? "- " : NULL);
        } else if (is_el(k, "table")) {
            odt_table(o, k, out);
        } else if (is_el(k, "section") || is_el(k, "text") || is_el(k, "body")) {
            odt_block(o, k, out, listlvl, prefix);
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
    doc = parse_part(z, "content.xml", 1, c, &failed);
    if (!doc)
        goto done;
    sty = parse_part(z, "styles.xml", 0, c, &failed);
    if (failed)
        goto done;
    xmlNode *root = xmlDocGetRootElement(doc);
    o.auto_styles = child(root, "automatic-styles");
    o.styles = sty ? child(xmlDocGetRootElement(sty), "styles") : NULL;
    xmlNode *body = child(root, "body");
    if (!body) {
        vp_convert_err(c, "content.xml has no body");
        goto done;
    }
    odt_block(&o, body, out, 0, NULL);
    c->encoding = c->legacy_runs ? "mixed" : "utf-8";
    rc = 0;
done:
    xmlFreeDoc(doc);
    xmlFreeDoc(sty);
    vp_zip_close(z);
    return rc;
}
