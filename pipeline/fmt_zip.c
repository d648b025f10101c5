/* fmt_zip.c - what DOCX and ODT readers share: zip entries read under the decompressed-size
 * cap (libzip), parts parsed safely (libxml2), element and attribute helpers, and the layout
 * of a table row as text lines.
 *
 * Hostile input: XML is parsed without network access, without loading DTDs and without
 * substituting entities (a part that declares a DTD is refused); decompressed bytes are
 * counted while reading, in chunks, and reading stops at vp_limits.max_unzipped. */
#include "convert_fmt.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
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
        if (zip_error_code_zip(&ze) == ZIP_ER_NOZIP) /* it starts as one: its end is missing */
            vp_convert_err(c, "damaged zip archive: truncated (no central directory at its end)");
        else
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

xmlDocPtr vp_zip_parse(vp_zip *z, const char *name, int required, vp_fmt_ctx *c, int *failed)
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

int vp_xml_is(xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

xmlNode *vp_xml_child(xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (vp_xml_is(c, name))
            return c;
    return NULL;
}

/* attribute by local name, whatever its prefix */
char *vp_xml_attr(xmlNode *n, const char *name)
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

int vp_xml_attr_int(xmlNode *n, const char *name, int def)
{
    char *v = vp_xml_attr(n, name);
    if (!v)
        return def;
    int r = atoi(v);
    xmlFree(v);
    return r;
}


/* ---- list numbers ---- */

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

void vp_fmt_list_number(const char *fmt, int v, vp_buf *out)
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

/* ---- table rows ---- */

typedef struct cell_lines {
    const char *s;
    size_t n, pos; /* text, its length, start of the next line */
} cell_lines;

/* Next line of a cell, trimmed of spaces and tabs; returns 0 when the cell is exhausted. */
static int next_line(cell_lines *c, const char **l, size_t *len)
{
    if (c->pos >= c->n)
        return 0;
    const char *a = c->s + c->pos;
    const char *nl = memchr(a, '\n', c->n - c->pos);
    size_t e = nl ? (size_t)(nl - c->s) : c->n;
    const char *b = c->s + e;
    c->pos = nl ? e + 1 : c->n;
    while (a < b && (*a == ' ' || *a == '\t'))
        a++;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
        b--;
    *l = a;
    *len = (size_t)(b - a);
    return 1;
}

/* The cell without blank lines at its start and end. */
static cell_lines trim_cell(const vp_buf *b)
{
    cell_lines c = {b->data ? b->data : "", b->len, 0};
    size_t start = 0, end = c.n;
    for (size_t i = 0; i < c.n; i++) { /* first non-blank byte: its line starts the cell */
        char ch = c.s[i];
        if (ch != ' ' && ch != '\t' && ch != '\n')
            break;
        if (ch == '\n')
            start = i + 1;
        if (i + 1 == c.n)
            start = c.n;
    }
    while (end > start && (c.s[end - 1] == ' ' || c.s[end - 1] == '\t' || c.s[end - 1] == '\n'))
        end--;
    c.s += start;
    c.n = end > start ? end - start : 0;
    return c;
}

void vp_fmt_table_row(const vp_buf *cells, size_t ncell, vp_buf *out)
{
    cell_lines *cl = vp_xmalloc(sizeof *cl * (ncell ? ncell : 1));
    for (size_t i = 0; i < ncell; i++)
        cl[i] = trim_cell(&cells[i]);
    vp_buf line = {0};
    int lines = 0;
    for (;;) {
        int more = 0, text = 0;
        line.len = 0;
        for (size_t i = 0; i < ncell; i++) {
            const char *l = "";
            size_t len = 0;
            if (next_line(&cl[i], &l, &len))
                more = 1;
            if (i)
                vp_buf_adds(&line, " | ");
            for (size_t k = 0; k < len; k++)
                vp_buf_addc(&line, l[k] == '\t' ? ' ' : l[k]);
            text |= len > 0;
        }
        if (!more)
            break;
        if (text)
            vp_buf_add(out, line.data, line.len);
        vp_buf_addc(out, '\n');
        lines++;
    }
    if (!lines)
        vp_buf_addc(out, '\n');
    vp_buf_free(&line);
    free(cl);
}

/* A row of a table of width columns (3 or more) whose one cell with text, its other cells merged
 * or empty, opens with a group's number ("I. Công tác tuyên truyền", "A - Chỉ tiêu kinh tế"):
 * appended as the table's row "I | Công tác tuyên truyền", not a line of its own that would read
 * as a section of the document.  1 when it was such a row and was written. */
int vp_fmt_group_row(const vp_buf *cells, size_t ncell, size_t width, vp_buf *out)
{
    if (width < 3)
        return 0;
    cell_lines one = {0};
    size_t full = 0;
    for (size_t i = 0; i < ncell; i++) {
        cell_lines c = trim_cell(&cells[i]);
        if (c.n) {
            one = c;
            full++;
        }
    }
    if (full != 1 || memchr(one.s, '\n', one.n))
        return 0;
    size_t k = 0;
    int roman = 1, digits = 1;
    while (k < one.n && k < 5 && ((one.s[k] >= 'A' && one.s[k] <= 'Z') || (one.s[k] >= '0' && one.s[k] <= '9'))) {
        roman &= strchr("IVXL", one.s[k]) != NULL;
        digits &= one.s[k] >= '0' && one.s[k] <= '9';
        k++;
    }
    if (!k || k > 4 || !(roman || (digits && k <= 2) || k == 1))
        return 0;
    size_t num = k;
    if (k < one.n && (one.s[k] == '.' || one.s[k] == ')' || one.s[k] == '-'))
        k++;
    if (k >= one.n || one.s[k] != ' ')
        return 0;
    while (k < one.n && (one.s[k] == ' ' || one.s[k] == '-' || one.s[k] == '.'))
        k++;
    if (k >= one.n || !((unsigned char)one.s[k] >= 0x80 || ((one.s[k] | 0x20) >= 'a' && (one.s[k] | 0x20) <= 'z')))
        return 0;
    vp_buf_add(out, one.s, num);
    vp_buf_adds(out, " | ");
    vp_buf_add(out, one.s + k, one.n - k);
    vp_buf_addc(out, '\n');
    return 1;
}

/* The paragraphs of each cell of a row of a table of width columns (3 or more: a table of data,
 * not a header's two blocks side by side) joined into the cell's text: after a paragraph that
 * ends on a mark ("- Sở Y tế;" / "- UBND cấp huyện.") or before one in small letters or in
 * brackets ("Tuyên truyền" / "(cả năm)") a space,
 * else "; " ("Công an xã" / "UBND các thôn": "Công an xã; UBND các thôn").  A row with a cell of
 * more than CELL_LINES paragraphs (a block of the page) or of a table's rows (a table inside) is
 * left a line a paragraph, and so is a row of blocks side by side, one of its cells holding a
 * line of rules/layout.rules' column blocks (action=columns: "ỦY BAN NHÂN DÂN" / "HUYỆN X"
 * beside "CỘNG HÒA XÃ HỘI …" and an empty third cell, a header's row read as a two-column
 * header's is). */
#define CELL_LINES 8

/* Does a line of cell s (n bytes) open a column block (layout action=columns)? */
static int column_block(vp_fmt_ctx *ctx, const char *s, size_t n)
{
    if (!ctx || !ctx->layout || !ctx->m)
        return 0;
    const char *l;
    size_t len;
    cell_lines c = {s, n, 0};
    while (next_line(&c, &l, &len))
        if (len && vp_family_first_attr(ctx->layout, "action", "columns", ctx->m, l, len, 0))
            return 1;
    return 0;
}

void vp_fmt_join_cells(vp_fmt_ctx *ctx, vp_buf *cells, size_t ncell, size_t width)
{
    if (width < 3)
        return;
    for (size_t i = 0; i < ncell; i++) {
        cell_lines c = trim_cell(&cells[i]);
        size_t lines = 1;
        for (size_t k = 0; k < c.n; k++)
            lines += c.s[k] == '\n';
        if (lines > CELL_LINES || memchr(c.s, '|', c.n))
            return;
    }
    for (size_t i = 0; i < ncell; i++) {
        cell_lines c = trim_cell(&cells[i]);
        if (column_block(ctx, c.s, c.n))
            return;
    }
    vp_buf j = {0};
    for (size_t i = 0; i < ncell; i++) {
        cell_lines c = trim_cell(&cells[i]);
        if (!memchr(c.s, '\n', c.n))
            continue;
        const char *l;
        size_t len;
        char last = 0;
        j.len = 0;
        while (next_line(&c, &l, &len)) {
            if (!len)
                continue;
            if (last) {
                int32_t cp = 0;
                vp_utf8_decode(l, len, &cp);
                vp_buf_adds(&j, strchr(".;,:", last) || utf8proc_islower(cp) || cp == '(' ? " " : "; ");
            }
            vp_buf_add(&j, l, len);
            last = l[len - 1];
        }
        cells[i].len = 0;
        vp_buf_add(&cells[i], j.data ? j.data : "", j.len);
    }
    vp_buf_free(&j);
}

/* Ends a row of a table of width columns read cell by cell of its grid (DOCX, ODT): above[i]
 * takes the text of column i for the row after, unless kept[i] (a cell merged down goes on
 * holding the text above it); the row is appended (a group's row, else cells side by side); the
 * cells are freed. */
void vp_fmt_grid_row(vp_buf *cells, size_t ncell, size_t width, const int *kept, vp_buf *above, vp_buf *out)
{
    for (size_t i = 0; i < width; i++) {
        if (kept && kept[i])
            continue;
        above[i].len = 0;
        if (i < ncell && cells[i].len)
            vp_buf_add(&above[i], cells[i].data, cells[i].len);
    }
    if (!vp_fmt_group_row(cells, ncell, width, out))
        vp_fmt_table_row(cells, ncell, out);
    for (size_t i = 0; i < width; i++)
        vp_buf_free(&cells[i]);
}
