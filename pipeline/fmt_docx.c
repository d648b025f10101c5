/* fmt_docx.c - DOCX -> text lines (libzip + libxml2, through fmt_zip.c).
 *
 * Paragraphs come out in document order, table rows laid out by vp_fmt_table_row, list
 * numbers rendered from numbering.xml ("1.", "a)", "-").  Runs set in legacy Vietnamese
 * fonts (.VnTime, .VnTimeH, VNI-Times, ...) are decoded with their encoding.  A footnote or
 * endnote is marked where it is anchored ("[1]", one count for both kinds) and its text
 * follows, on lines of its own ("[1] Kế hoạch số …"), the paragraph or table that anchors it,
 * as on a printed page.  What Word does not show is left out: hidden text (w:vanish), deleted
 * text and rows (tracked w:del), field codes (w:instrText and nested fields before a field's
 * separate; the result is kept); a paragraph whose mark alone is hidden or deleted runs on into
 * the next.  The first section's page header comes first (a plan may lay out its issuer, number
 * and date there), without page numbers; later headers and footers are left out.
 * A symbol (w:sym, or text in a symbol font) is its Unicode character; capitals and small
 * capitals (w:caps, w:smallCaps, also from the Normal style or the document's defaults) come
 * out in capitals; of an mc:AlternateContent one branch is read. */
#include "convert_fmt.h"
#include "detect_int.h"

#include <libxml/tree.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* ------------------------------------------------------------------ DOCX */

#define MAXLVL 9

typedef struct numstate {
    int numid; /* the w:num counted, or -1 - the w:abstractNum its w:num share (no start override) */
    int count[MAXLVL];
    unsigned started; /* bit l: level l has numbered a paragraph since it (re)started */
    struct numstate *next;
} numstate;

typedef struct docx {
    vp_fmt_ctx *c;
    xmlNode *styles;    /* w:styles */
    xmlNode *numbering; /* w:numbering */
    char *default_font;
    numstate *nums;
    vp_buf *out;
    vp_buf boxes; /* text of the text boxes anchored in the paragraph being read */
    int box_depth; /* text boxes inside text boxes, bounded */
    vp_zip *zip;
    xmlDocPtr notes_doc[2];  /* word/footnotes.xml, word/endnotes.xml, read at their first mark */
    int notes_read[2];
    int note_no;             /* the marks given so far */
    const char *note_mark;   /* the mark of the note being read ("[3]"), or NULL */
    vp_buf notes;            /* text of the notes anchored in the block being read */
    int level;               /* depth of block(): notes are written after a top-level one */
    int fld_depth;           /* complex fields open (w:fldChar begin without its end) */
    unsigned fld_code;       /* bit k: field k (of the first 32) is still in its code, before separate */
    int joined;              /* the paragraph just read runs on into the next (its mark hidden) */
    int in_header;           /* reading the page header: page numbers are left out */
    unsigned fld_page;       /* bit k: field k (of the first 32) is a page number (PAGE, NUMPAGES, ...) */
    int page_field;          /* the paragraph being read shows a page number */
} docx;

static xmlNode *find_style(docx *d, const char *id)
{
    if (!d->styles || !id)
        return NULL;
    for (xmlNode *s = d->styles->children; s; s = s->next) {
        if (!vp_xml_is(s, "style"))
            continue;
        char *sid = vp_xml_attr(s, "styleId");
        int hit = sid && strcmp(sid, id) == 0;
        xmlFree(sid);
        if (hit)
            return s;
    }
    return NULL;
}

static char *rfonts_name(xmlNode *rpr)
{
    xmlNode *rf = vp_xml_child(rpr, "rFonts");
    if (!rf)
        return NULL;
    char *f = vp_xml_attr(rf, "ascii");
    if (!f)
        f = vp_xml_attr(rf, "hAnsi");
    return f;
}

/* font of a style, following basedOn */
static char *style_font(docx *d, const char *id)
{
    for (int guard = 0; id && guard < 20; guard++) {
        xmlNode *s = find_style(d, id);
        if (!s)
            return NULL;
        char *f = rfonts_name(vp_xml_child(s, "rPr"));
        if (f)
            return f;
        xmlNode *b = vp_xml_child(s, "basedOn");
        char *bid = vp_xml_attr(b, "val");
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
    xmlNode *rpr = vp_xml_child(r, "rPr");
    char *f = rfonts_name(rpr);
    if (f)
        return f;
    char *rs = vp_xml_attr(vp_xml_child(rpr, "rStyle"), "val");
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

/* The symbol fonts whose codes are no Unicode characters: Symbol, Wingdings, Wingdings 2,
 * Wingdings 3, Webdings (by name, any case). */
enum { SF_NONE = -1, SF_SYMBOL, SF_WINGDINGS, SF_WINGDINGS2, SF_WINGDINGS3, SF_WEBDINGS };
static int symbol_font(const char *font);
static int symbol_text(int sf, unsigned long code, vp_buf *out);

/* Appends UTF-8 text s[0..n) in capitals (w:caps, w:smallCaps: the letters shown). */
static void add_upper(const char *s, size_t n, vp_buf *out)
{
    for (size_t k = 0; k < n;) {
        int32_t cp;
        int l = vp_utf8_decode(s + k, n - k, &cp);
        if (l <= 0) {
            vp_buf_addc(out, s[k++]);
            continue;
        }
        char u[4];
        int ul = vp_utf8_encode(cp < 0 ? cp : utf8proc_toupper(cp), u);
        if (cp >= 0 && ul > 0)
            vp_buf_add(out, u, (size_t)ul);
        else
            vp_buf_add(out, s + k, (size_t)l);
        k += (size_t)l;
    }
}

/* The text of a run in a symbol font (Wingdings, ...): each character its code shows
 * (symbol_text); a code with none is kept in Symbol (its other letters are Greek) and left
 * out in the dingbat fonts; a character above the font's codes (Vietnamese text set in the
 * font by mistake) is kept. */
static void add_symbol_text(int sf, const char *text, vp_buf *out)
{
    size_t n = strlen(text);
    for (size_t k = 0; k < n;) {
        int32_t cp;
        int l = vp_utf8_decode(text + k, n - k, &cp);
        if (l <= 0)
            l = 1;
        int code = cp >= 0x20 ? vp_detect_cp1252_byte(cp) : -1; /* the byte, or its private-use form */
        if (code < 0 || (!symbol_text(sf, (unsigned long)code, out) && sf == SF_SYMBOL))
            vp_buf_add(out, text + k, (size_t)l);
        k += (size_t)l;
    }
}

static void add_run_text(docx *d, const char *font, int caps, const char *text, vp_buf *out)
{
    int sf = symbol_font(font);
    if (sf >= 0) {
        add_symbol_text(sf, text, out);
        return;
    }
    vp_buf tmp = {0};
    vp_buf *to = caps ? &tmp : out;
    int upper = 0;
    vp_enc e = vp_convert_font(d->c, font, &upper);
    if (e == VP_ENC_UTF8)
        vp_buf_adds(to, text);
    else if (vp_detect_font_text(e, upper, text, strlen(text), to, NULL, 0) == 0)
        vp_convert_legacy_run(d->c, e, upper);
    else
        vp_buf_adds(to, text);
    if (caps)
        add_upper(tmp.data ? tmp.data : "", tmp.len, out);
    vp_buf_free(&tmp);
}

static void block(docx *d, xmlNode *n, vp_buf *out);

/* The one branch of an mc:AlternateContent a reader reads: its first mc:Choice whose
 * Requires names only namespaces this reader knows (Word 2010's and later shapes, groups,
 * canvases and text, VML, the body's own), else its mc:Fallback, else NULL.  The branches hold
 * the same content again: never more than one is read. */
static xmlNode *alt_branch(xmlNode *alt)
{
    static const char *const known[] = {"w", "w10", "w14", "w15", "w16se", "wp", "wp14", "wps", "wpg", "wpc",
                                        "wpi", "a", "a14", "pic", "v", "o", "r", "mc", "m"};
    for (xmlNode *k = alt->children; k; k = k->next) {
        if (!vp_xml_is(k, "Choice"))
            continue;
        char *req = vp_xml_attr(k, "Requires");
        int ok = req != NULL;
        for (char *p = req; ok && *p;) {
            while (*p == ' ' || *p == '\t')
                p++;
            size_t n = strcspn(p, " \t");
            if (!n)
                break;
            int hit = 0;
            for (size_t i = 0; i < sizeof known / sizeof *known && !hit; i++)
                hit = strlen(known[i]) == n && strncmp(known[i], p, n) == 0;
            ok = hit;
            p += n;
        }
        if (req)
            xmlFree(req);
        if (ok)
            return k;
    }
    return vp_xml_child(alt, "Fallback");
}

/* Text boxes of a drawing (w:drawing, w:pict, mc:AlternateContent): their paragraphs go to
 * d->boxes, written after the paragraph that anchors them.  Of an mc:AlternateContent one
 * branch is read (alt_branch): the others hold the same text box again. */
static void text_boxes(docx *d, xmlNode *n)
{
    if (vp_xml_is(n, "AlternateContent") && !(n = alt_branch(n)))
        return;
    for (xmlNode *k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (vp_xml_is(k, "txbxContent")) {
            if (d->box_depth < 4) {
                d->box_depth++;
                vp_buf inner = {0};
                block(d, k, &inner);
                d->box_depth--;
                vp_buf_add(&d->boxes, inner.data ? inner.data : "", inner.len);
                vp_buf_free(&inner);
            }
        } else {
            text_boxes(d, k);
        }
    }
}

/* The text of a run is decoded in one piece: a soft hyphen (w:softHyphen) between two w:t is
 * byte 0xAD of a legacy font, the letter "ư" of TCVN3, and is dropped in a Unicode run. */
static void flush_run_text(docx *d, const char *font, int caps, vp_buf *txt, vp_buf *out)
{
    if (!txt->len)
        return;
    add_run_text(d, font, caps, txt->data, out);
    txt->len = 0;
}

/* Is a WordprocessingML on/off attribute on ("1", "true", "on")? */
static int attr_on(xmlNode *n, const char *name)
{
    char *v = vp_xml_attr(n, name);
    int on = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0 || strcmp(v, "on") == 0);
    if (v)
        xmlFree(v);
    return on;
}

/* Is the on/off property el of props (w:rPr, w:lvl, ...) set: 1 on, 0 off, -1 not given.  An
 * element without w:val is on. */
static int prop_on(xmlNode *props, const char *el)
{
    xmlNode *e = vp_xml_child(props, el);
    if (!e)
        return -1;
    char *v = vp_xml_attr(e, "val");
    int on = !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
    if (v)
        xmlFree(v);
    return on;
}

/* Is the on/off run property el (w:vanish, w:caps, ...) set in the style id or one it is based
 * on: 1 on, 0 off, -1 not said. */
static int style_prop(docx *d, const char *id, const char *el)
{
    char *own = NULL;
    int on = -1;
    for (int guard = 0; id && guard < 20 && on < 0; guard++) {
        xmlNode *s = find_style(d, id);
        if (!s)
            break;
        on = prop_on(vp_xml_child(s, "rPr"), el);
        char *b = vp_xml_attr(vp_xml_child(s, "basedOn"), "val");
        if (own)
            xmlFree(own);
        own = b;
        id = b;
    }
    if (own)
        xmlFree(own);
    return on;
}

/* Is the on/off property el set for the run r: in its properties, else its character style,
 * else its paragraph's style (Normal when it names none), else the document's defaults?  1 or 0. */
static int run_prop(docx *d, xmlNode *r, const char *pstyle, const char *el)
{
    xmlNode *rpr = vp_xml_child(r, "rPr");
    int on = prop_on(rpr, el);
    if (on >= 0)
        return on;
    char *rs = vp_xml_attr(vp_xml_child(rpr, "rStyle"), "val");
    if (rs) {
        on = style_prop(d, rs, el);
        xmlFree(rs);
        if (on >= 0)
            return on;
    }
    on = style_prop(d, pstyle ? pstyle : "Normal", el);
    if (on >= 0)
        return on;
    /* the document's defaults (w:docDefaults/w:rPrDefault) */
    xmlNode *def = vp_xml_child(vp_xml_child(vp_xml_child(d->styles, "docDefaults"), "rPrDefault"), "rPr");
    return prop_on(def, el) > 0;
}

/* Is the run r hidden (w:vanish)?  Word does not show nor print such text. */
static int run_hidden(docx *d, xmlNode *r, const char *pstyle) { return run_prop(d, r, pstyle, "vanish"); }

/* Does the run r show its letters as capitals: all capitals (w:caps) or small capitals
 * (w:smallCaps), whose letters are capitals too? */
static int run_caps(docx *d, xmlNode *r, const char *pstyle)
{
    return run_prop(d, r, pstyle, "caps") || run_prop(d, r, pstyle, "smallCaps");
}

/* The symbol font named font is (by name, any case, spaces around it aside), or SF_NONE. */
static int symbol_font(const char *font)
{
    static const char *const names[] = {[SF_SYMBOL] = "symbol", [SF_WINGDINGS] = "wingdings",
                                        [SF_WINGDINGS2] = "wingdings 2", [SF_WINGDINGS3] = "wingdings 3",
                                        [SF_WEBDINGS] = "webdings"};
    if (!font)
        return SF_NONE;
    while (*font == ' ')
        font++;
    size_t n = strlen(font);
    while (n && font[n - 1] == ' ')
        n--;
    for (int k = 0; k < (int)(sizeof names / sizeof *names); k++) {
        size_t i = 0;
        while (i < n && names[k][i] && (font[i] | 0x20) == names[k][i])
            i++;
        if (i == n && !names[k][i])
            return k;
    }
    return SF_NONE;
}

/* The character code (0x20-0xFF, or its private-use form 0xF020-0xF0FF) of symbol font sf
 * shows: its Unicode character, the nearest one in the Basic Multilingual Plane for the
 * dingbats Unicode has only above it (bullets, boxes, check marks, arrows, circled figures),
 * or NULL. */
static const char *symbol_char(int sf, unsigned long code)
{
    typedef struct {
        unsigned short code;
        const char *s;
    } symtab;
    static const symtab symbol[] = {
        {0x22, "\u2200"}, {0x24, "\u2203"}, {0x27, "\u220b"}, {0x2a, "\u2217"}, {0x2d, "-"},
        {0x40, "\u2245"}, {0x44, "\u0394"}, {0x61, "\u03b1"}, {0x62, "\u03b2"}, {0x70, "\u03c0"},
        {0xa3, "\u2264"}, {0xa5, "\u221e"}, {0xa8, "\u2666"}, {0xac, "\u2190"}, {0xad, "\u2191"},
        {0xae, "\u2192"}, {0xaf, "\u2193"}, {0xb0, "\u00b0"}, {0xb1, "\u00b1"}, {0xb3, "\u2265"},
        {0xb4, "\u00d7"}, {0xb7, "\u2022"}, {0xb8, "\u00f7"}, {0xb9, "\u2260"}, {0xbb, "\u2248"},
        {0xd6, "\u221a"}, {0xd7, "\u22c5"}, {0xdb, "\u21d4"}, {0xde, "\u21d2"}, {0xe0, "\u25ca"},
        {0xe5, "\u2211"},
    }, wingdings[] = {
        {0x6c, "\u25cf"}, {0x6e, "\u25a0"}, {0x6f, "\u25a1"}, {0x71, "\u2751"}, {0x76, "\u2756"},
        {0x9e, "\u00b7"}, {0x9f, "\u2022"}, {0xa0, "\u25aa"}, {0xa1, "\u25cb"}, {0xa4, "\u25c9"},
        {0xa5, "\u25ce"}, {0xa7, "\u25aa"}, {0xa8, "\u25fb"}, {0xab, "\u2605"}, {0xd8, "\u27a2"},
        {0xdc, "\u27b2"}, {0xdf, "\u2190"}, {0xe0, "\u2192"}, {0xe1, "\u2191"}, {0xe2, "\u2193"},
        {0xe8, "\u2794"}, {0xef, "\u21e6"}, {0xf0, "\u21e8"}, {0xf1, "\u21e7"}, {0xf2, "\u21e9"},
        {0xfb, "\u2718"}, {0xfc, "\u2714"}, {0xfd, "\u2612"}, {0xfe, "\u2611"},
    }, wingdings2[] = {
        {0x4f, "\u2717"}, {0x50, "\u2713"}, {0x51, "\u2612"}, {0x52, "\u2611"}, {0x53, "\u2612"},
        {0x54, "\u2612"}, {0x69, "\u24ea"}, {0x6a, "\u2460"}, {0x6b, "\u2461"}, {0x6c, "\u2462"},
        {0x6d, "\u2463"}, {0x6e, "\u2464"}, {0x6f, "\u2465"}, {0x70, "\u2466"}, {0x71, "\u2467"},
        {0x72, "\u2468"}, {0x73, "\u2469"}, {0x75, "\u2776"}, {0x76, "\u2777"}, {0x77, "\u2778"},
        {0x78, "\u2779"}, {0x79, "\u277a"}, {0x7a, "\u277b"}, {0x7b, "\u277c"}, {0x7c, "\u277d"},
        {0x7d, "\u277e"}, {0x7e, "\u277f"}, {0x95, "\u22c5"}, {0x96, "\u2022"}, {0x97, "\u2022"},
        {0x98, "\u25cf"}, {0x99, "\u25cb"}, {0x9d, "\u2299"}, {0x9e, "\u29bf"}, {0x9f, "\u25aa"},
        {0xa0, "\u25aa"}, {0xa1, "\u25fe"}, {0xa2, "\u25a0"}, {0xa3, "\u25a1"}, {0xa8, "\u25a3"},
        {0xab, "\u2b29"}, {0xac, "\u2b29"}, {0xad, "\u2b29"}, {0xae, "\u2b25"}, {0xaf, "\u25c7"},
        {0xb1, "\u25c8"}, {0xb8, "\u25ca"}, {0xf8, "\u203b"},
    }, wingdings3[] = {
        {0x21, "\u2b60"}, {0x22, "\u2b62"}, {0x23, "\u2b61"}, {0x24, "\u2b63"}, {0x31, "\u2b64"},
        {0x32, "\u2b65"}, {0x66, "\u2190"}, {0x67, "\u2192"}, {0x68, "\u2191"}, {0x69, "\u2193"},
        {0x70, "\u25b2"}, {0x71, "\u25bc"}, {0x72, "\u25b3"}, {0x73, "\u25bd"}, {0x74, "\u25c0"},
        {0x75, "\u25b6"}, {0x76, "\u25c1"}, {0x77, "\u25b7"}, {0x78, "\u25e3"}, {0x79, "\u25e2"},
        {0x7a, "\u25e4"}, {0x7b, "\u25e5"}, {0x7c, "\u25c0"}, {0x7d, "\u25b6"}, {0x7e, "\u25b2"},
        {0x80, "\u25bc"}, {0x81, "\u2bc5"}, {0x82, "\u2bc6"}, {0x83, "\u2bc7"}, {0x84, "\u2bc8"},
        {0x85, "\u2b9c"}, {0x86, "\u2b9e"}, {0x87, "\u2b9d"}, {0x88, "\u2b9f"},
    }, webdings[] = {
        {0x33, "\u23f4"}, {0x34, "\u23f5"}, {0x35, "\u23f6"}, {0x36, "\u23f7"}, {0x61, "\u2714"},
        {0x63, "\u2b1c"}, {0x67, "\u2b1b"}, {0x6e, "\u2b24"}, {0x72, "\u2716"}, {0x73, "\u2753"},
        {0x98, "\u272f"},
    };
    static const struct {
        const symtab *t;
        size_t n;
    } tabs[] = {[SF_SYMBOL] = {symbol, sizeof symbol / sizeof *symbol},
                [SF_WINGDINGS] = {wingdings, sizeof wingdings / sizeof *wingdings},
                [SF_WINGDINGS2] = {wingdings2, sizeof wingdings2 / sizeof *wingdings2},
                [SF_WINGDINGS3] = {wingdings3, sizeof wingdings3 / sizeof *wingdings3},
                [SF_WEBDINGS] = {webdings, sizeof webdings / sizeof *webdings}};
    if (sf < 0 || sf >= (int)(sizeof tabs / sizeof *tabs))
        return NULL;
    if (code >= 0xf020 && code <= 0xf0ff)
        code -= 0xf000;
    for (size_t i = 0; i < tabs[sf].n; i++)
        if (tabs[sf].t[i].code == code)
            return tabs[sf].t[i].s;
    return NULL;
}

/* Appends the character code of symbol font sf shows (symbol_char), a figure or mark of
 * Symbol as in ASCII, a space as itself; nothing for a code with no such character.  Returns
 * whether it appended any. */
static int symbol_text(int sf, unsigned long code, vp_buf *out)
{
    const char *u = symbol_char(sf, code);
    if (code >= 0xf020 && code <= 0xf0ff)
        code -= 0xf000;
    if (u)
        vp_buf_adds(out, u);
    else if (code == 0x20 || (sf == SF_SYMBOL && code > 0x20 && code < 0x41))
        vp_buf_addc(out, (char)code);
    return u || code == 0x20 || (sf == SF_SYMBOL && code > 0x20 && code < 0x41);
}

/* The character a w:sym shows: a code of a symbol font (symbol_font; 0xF020-0xF0FF, or
 * 0x20-0xFF) as its Unicode character, any other code as itself; nothing for a code with no
 * such character. */
static void sym_char(xmlNode *k, vp_buf *out)
{
    char *hex = vp_xml_attr(k, "char");
    char *font = vp_xml_attr(k, "font");
    unsigned long code = hex ? strtoul(hex, NULL, 16) : 0;
    int sf = symbol_font(font);
    if (sf != SF_NONE) {
        symbol_text(sf, code, out);
    } else if (code >= 0x20 && (code < 0xd800 || (code > 0xf8ff && code <= 0xfffd))) {
        /* a Unicode font: the code is the character (a private-use code of another symbol
         * font is none) */
        char u[4];
        int n = vp_utf8_encode((int32_t)code, u);
        if (n > 0)
            vp_buf_add(out, u, (size_t)n);
    }
    if (hex)
        xmlFree(hex);
    if (font)
        xmlFree(font);
}

/* A w:fldChar: a complex field opens (its code follows, up to its separate), shows its result
 * (after separate) or ends.  The code is never text; its result is. */
static void field_char(docx *d, xmlNode *k)
{
    char *t = vp_xml_attr(k, "fldCharType");
    if (!t)
        return;
    if (strcmp(t, "begin") == 0) {
        if (d->fld_depth < 32)
            d->fld_code |= 1u << d->fld_depth;
        d->fld_depth++;
    } else if (strcmp(t, "separate") == 0 && d->fld_depth > 0) {
        if (d->fld_depth <= 32)
            d->fld_code &= ~(1u << (d->fld_depth - 1));
    } else if (strcmp(t, "end") == 0 && d->fld_depth > 0) {
        d->fld_depth--;
        if (d->fld_depth < 32) {
            d->fld_code &= ~(1u << d->fld_depth);
            d->fld_page &= ~(1u << d->fld_depth);
        }
    }
    xmlFree(t);
}

/* Does the field code instr show a page number: PAGE, NUMPAGES, SECTIONPAGES (any case)? */
static int page_code(const char *instr)
{
    static const char *const names[] = {"PAGE", "NUMPAGES", "SECTIONPAGES"};
    while (instr && (*instr == ' ' || *instr == '\t'))
        instr++;
    for (size_t i = 0; instr && i < sizeof names / sizeof *names; i++) {
        size_t n = strlen(names[i]);
        if (strncasecmp(instr, names[i], n) == 0 && (instr[n] == 0 || instr[n] == ' ' || instr[n] == '\\'))
            return 1;
    }
    return 0;
}

/* A footnote (end 0) or endnote (end 1) anchored at ref: its mark into out (none when the
 * author typed one: w:customMarkFollows), its text into d->notes.  Notes inside notes are
 * not followed. */
static void note_ref(docx *d, xmlNode *ref, int end, vp_buf *out)
{
    if (d->note_mark || d->box_depth)
        return;
    if (!d->notes_read[end]) {
        int failed = 0;
        const char *part = end ? "word/endnotes.xml" : "word/footnotes.xml";
        d->notes_read[end] = 1;
        d->notes_doc[end] = vp_zip_parse(d->zip, part, 0, d->c, &failed);
        if (failed && d->c->err) { /* the body stands without its notes */
            if (d->c->diags)
                vp_diag_add(d->c->diags, "notes-unread", 0, "%s; the notes are left out", d->c->err);
            d->c->err[0] = 0;
        }
    }
    xmlNode *root = d->notes_doc[end] ? xmlDocGetRootElement(d->notes_doc[end]) : NULL;
    int id = vp_xml_attr_int(ref, "id", INT_MIN);
    xmlNode *note = NULL;
    for (xmlNode *k = root ? root->children : NULL; k && id != INT_MIN; k = k->next)
        if (vp_xml_is(k, end ? "endnote" : "footnote") && vp_xml_attr_int(k, "id", INT_MIN) == id) {
            char *type = vp_xml_attr(k, "type"); /* separators are no notes */
            if (!type || strcmp(type, "normal") == 0)
                note = k;
            if (type)
                xmlFree(type);
            break;
        }
    char mark[24] = "";
    if (!attr_on(ref, "customMarkFollows")) {
        snprintf(mark, sizeof mark, "[%d]", ++d->note_no);
        vp_buf_adds(out, mark);
    }
    if (!note || note->_private) /* each note's text once, however often it is marked */
        return;
    note->_private = note;
    vp_buf text = {0};
    d->note_mark = mark;
    block(d, note, &text);
    d->note_mark = NULL;
    vp_buf_add(&d->notes, text.data ? text.data : "", text.len);
    vp_buf_free(&text);
}

static void run_text(docx *d, xmlNode *r, const char *pstyle, vp_buf *out)
{
    char *font = NULL;
    int have_font = 0;
    int hidden = run_hidden(d, r, pstyle);
    int caps = !hidden && run_caps(d, r, pstyle);
    vp_buf txt = {0};
    for (xmlNode *k = r->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (vp_xml_is(k, "fldChar")) {
            flush_run_text(d, font, caps, &txt, out);
            field_char(d, k);
            continue;
        }
        if (d->in_header && d->fld_depth > 0 && d->fld_depth <= 32 && vp_xml_is(k, "instrText") &&
            (d->fld_code & 1u << (d->fld_depth - 1))) {
            xmlChar *code = xmlNodeGetContent(k);
            if (code && page_code((const char *)code))
                d->fld_page |= 1u << (d->fld_depth - 1);
            if (code)
                xmlFree(code);
        }
        if (d->fld_page) /* a page number: its result is left out, and its paragraph */
            d->page_field = 1;
        if (hidden || d->fld_code || d->fld_page) /* hidden text, a field's code, a page number */
            continue;
        if (vp_xml_is(k, "t") || vp_xml_is(k, "softHyphen")) {
            if (!have_font) {
                font = run_font(d, r, pstyle);
                have_font = 1;
            }
            if (vp_xml_is(k, "softHyphen")) {
                int upper;
                if (vp_convert_font(d->c, font, &upper) != VP_ENC_UTF8)
                    vp_buf_adds(&txt, "\xc2\xad");
                continue;
            }
            xmlChar *t = xmlNodeGetContent(k);
            if (t) {
                vp_buf_adds(&txt, (const char *)t);
                xmlFree(t);
            }
            continue;
        }
        flush_run_text(d, font, caps, &txt, out);
        if (vp_xml_is(k, "tab") || vp_xml_is(k, "ptab")) {
            vp_buf_addc(out, '\t');
        } else if (vp_xml_is(k, "br") || vp_xml_is(k, "cr")) {
            /* a page or column break before any text of its paragraph moves the paragraph to
             * the next page: no line of its own */
            char *type = vp_xml_attr(k, "type");
            int page = type && (strcmp(type, "page") == 0 || strcmp(type, "column") == 0);
            if (type)
                xmlFree(type);
            if (!page || (out->len && out->data[out->len - 1] != '\n'))
                vp_buf_addc(out, '\n');
        } else if (vp_xml_is(k, "sym")) {
            sym_char(k, out);
        } else if (vp_xml_is(k, "noBreakHyphen")) {
            vp_buf_addc(out, '-');
        } else if (vp_xml_is(k, "drawing") || vp_xml_is(k, "pict") || vp_xml_is(k, "AlternateContent")) {
            text_boxes(d, k);
        } else if (vp_xml_is(k, "footnoteReference") || vp_xml_is(k, "endnoteReference")) {
            note_ref(d, k, vp_xml_is(k, "endnoteReference"), out);
        } else if ((vp_xml_is(k, "footnoteRef") || vp_xml_is(k, "endnoteRef")) && d->note_mark) {
            vp_buf_adds(out, d->note_mark);
        }
    }
    flush_run_text(d, font, caps, &txt, out);
    vp_buf_free(&txt);
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
        else if (strcmp(nm, "AlternateContent") == 0) { /* one branch: the others repeat it */
            xmlNode *b = alt_branch(k);
            if (b)
                para_content(d, b, pstyle, out);
        } else if (d->in_header && strcmp(nm, "fldSimple") == 0) {
            char *instr = vp_xml_attr(k, "instr");
            int page = page_code(instr);
            if (instr)
                xmlFree(instr);
            if (page)
                d->page_field = 1;
            else
                para_content(d, k, pstyle, out);
        } else
            para_content(d, k, pstyle, out); /* hyperlink, ins, smartTag, sdt, fldSimple, ... */
    }
}

static xmlNode *find_by_attr(xmlNode *parent, const char *el, const char *an, int val)
{
    for (xmlNode *k = parent ? parent->children : NULL; k; k = k->next)
        if (vp_xml_is(k, el) && vp_xml_attr_int(k, an, -1) == val)
            return k;
    return NULL;
}

/* The definition of level l of the list num: its w:lvlOverride's own w:lvl, else the
 * w:abstractNum's. */
static xmlNode *level_def(xmlNode *abs, xmlNode *num, int l)
{
    xmlNode *lvl = vp_xml_child(find_by_attr(num, "lvlOverride", "ilvl", l), "lvl");
    return lvl ? lvl : find_by_attr(abs, "lvl", "ilvl", l);
}

/* The number text of a list paragraph, or nothing. */
static void list_number(docx *d, int numid, int ilvl, vp_buf *out)
{
    if (!d->numbering || numid <= 0 || ilvl < 0 || ilvl >= MAXLVL)
        return;
    xmlNode *num = find_by_attr(d->numbering, "num", "numId", numid);
    if (!num)
        return;
    int absid = vp_xml_attr_int(vp_xml_child(num, "abstractNumId"), "val", -1);
    xmlNode *abs = find_by_attr(d->numbering, "abstractNum", "abstractNumId", absid);
    if (!abs)
        return;
    /* a list that takes its levels from a numbering style (w:numStyleLink, no w:lvl of its own):
     * the list of the w:num that style names */
    char *link = vp_xml_child(abs, "lvl") ? NULL : vp_xml_attr(vp_xml_child(abs, "numStyleLink"), "val");
    if (link) {
        xmlNode *ls = find_style(d, link);
        xmlFree(link);
        int lid = vp_xml_attr_int(vp_xml_child(vp_xml_child(vp_xml_child(ls, "pPr"), "numPr"), "numId"), "val", -1);
        xmlNode *lnum = lid > 0 ? find_by_attr(d->numbering, "num", "numId", lid) : NULL;
        int labs = vp_xml_attr_int(vp_xml_child(lnum, "abstractNumId"), "val", -1);
        xmlNode *la = find_by_attr(d->numbering, "abstractNum", "abstractNumId", labs);
        if (!la || !vp_xml_child(la, "lvl"))
            return;
        abs = la;
        absid = labs;
    }
    /* w:num of one list without a start override go on counting from each other, as Word does
     * ("1.", "2." in one section, "3.", "4." in the next); one with a start override or levels of
     * its own (w:lvlOverride/w:lvl) counts alone */
    int key = -1 - absid;
    for (xmlNode *ov = num->children; ov; ov = ov->next)
        if (vp_xml_is(ov, "lvlOverride") && (vp_xml_child(ov, "startOverride") || vp_xml_child(ov, "lvl")))
            key = numid;
    numstate *st = d->nums;
    while (st && st->numid != key)
        st = st->next;
    if (!st) {
        st = vp_xcalloc(1, sizeof *st);
        st->numid = key;
        st->next = d->nums;
        d->nums = st;
    }
    int starts[MAXLVL];
    char *fmts[MAXLVL];
    for (int l = 0; l < MAXLVL; l++) {
        xmlNode *lvl = level_def(abs, num, l);
        starts[l] = vp_xml_attr_int(vp_xml_child(lvl, "start"), "val", 1);
        xmlNode *ov = find_by_attr(num, "lvlOverride", "ilvl", l);
        if (ov && vp_xml_child(ov, "startOverride"))
            starts[l] = vp_xml_attr_int(vp_xml_child(ov, "startOverride"), "val", starts[l]);
        fmts[l] = vp_xml_attr(vp_xml_child(lvl, "numFmt"), "val");
    }
    if (!(st->started & 1u << ilvl))
        st->count[ilvl] = starts[ilvl]; /* a list may start at 0 */
    else
        st->count[ilvl]++;
    st->started |= 1u << ilvl;
    /* the deeper levels start again, as Word does: after this level or a higher one, or after the
     * level their w:lvlRestart names (one-based: 1 restarts only after the first level, "1." and
     * not "1.1."), never with w:lvlRestart 0 */
    for (int l = ilvl + 1; l < MAXLVL; l++) {
        xmlNode *rs = vp_xml_child(level_def(abs, num, l), "lvlRestart");
        int after = rs ? vp_xml_attr_int(rs, "val", l) : l;
        if (after < 0 || after > l)
            after = l; /* a level not above it: ignored */
        if (ilvl < after) {
            st->count[l] = 0;
            st->started &= ~(1u << l);
        }
    }
    xmlNode *lvl = level_def(abs, num, ilvl);
    char *text = vp_xml_attr(vp_xml_child(lvl, "lvlText"), "val");
    /* legal numbering (w:isLgl): every level's number in this level's text in figures, "1.1.1."
     * under "I." */
    int legal = prop_on(lvl, "isLgl") > 0;
    if (fmts[ilvl] && strcmp(fmts[ilvl], "bullet") == 0) {
        vp_buf_adds(out, text && strcmp(text, "+") == 0 ? "+ " : "- ");
    } else if (text) {
        vp_buf num_txt = {0};
        for (const char *p = text; *p; p++) {
            if (*p == '%' && p[1] >= '1' && p[1] <= '9') {
                int l = p[1] - '1';
                int v = st->started & 1u << l ? st->count[l] : starts[l];
                vp_fmt_list_number(legal ? "decimal" : fmts[l], v, &num_txt);
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

/* The list and level a paragraph style numbers (w:numPr in its w:pPr, or in the styles it is
 * based on), each where *numid / *ilvl is not set yet (< 0); a style that names its list and not
 * its level is the level of that list whose w:pStyle names it or a style it is based on
 * ("DanhSach2" the list's "a)"). */
#define STYLE_DEPTH 10
static void style_numbering(docx *d, const char *pstyle, int *numid, int *ilvl)
{
    char *chain[STYLE_DEPTH]; /* the style and those it is based on */
    int nch = 0;
    for (const char *id = pstyle; id && nch < STYLE_DEPTH;) {
        xmlNode *s = find_style(d, id);
        if (!s)
            break;
        xmlNode *snum = vp_xml_child(vp_xml_child(s, "pPr"), "numPr");
        if (*numid < 0)
            *numid = vp_xml_attr_int(vp_xml_child(snum, "numId"), "val", -1);
        if (*ilvl < 0)
            *ilvl = vp_xml_attr_int(vp_xml_child(snum, "ilvl"), "val", -1);
        chain[nch] = vp_xml_attr(vp_xml_child(s, "basedOn"), "val");
        id = chain[nch++];
    }
    xmlNode *abs = NULL;
    if (*numid > 0 && *ilvl < 0 && d->numbering) {
        xmlNode *num = find_by_attr(d->numbering, "num", "numId", *numid);
        int absid = vp_xml_attr_int(vp_xml_child(num, "abstractNumId"), "val", -1);
        abs = find_by_attr(d->numbering, "abstractNum", "abstractNumId", absid);
    }
    for (int k = -1; abs && k < nch && *ilvl < 0; k++) {
        const char *name = k < 0 ? pstyle : chain[k];
        if (!name)
            break;
        for (xmlNode *l = abs->children; l && *ilvl < 0; l = l->next) {
            if (!vp_xml_is(l, "lvl"))
                continue;
            char *ps = vp_xml_attr(vp_xml_child(l, "pStyle"), "val");
            if (ps && strcmp(ps, name) == 0)
                *ilvl = vp_xml_attr_int(l, "ilvl", 0);
            if (ps)
                xmlFree(ps);
        }
    }
    for (int k = 0; k < nch; k++)
        if (chain[k])
            xmlFree(chain[k]);
}

static void paragraph(docx *d, xmlNode *p, vp_buf *out)
{
    int joined_before = d->joined; /* the paragraph before runs on into this one: its number stands */
    d->joined = 0;
    d->page_field = 0;
    xmlNode *ppr = vp_xml_child(p, "pPr");
    char *pstyle = vp_xml_attr(vp_xml_child(ppr, "pStyle"), "val");
    xmlNode *numpr = vp_xml_child(ppr, "numPr");
    int numid = vp_xml_attr_int(vp_xml_child(numpr, "numId"), "val", -1);
    int ilvl = vp_xml_attr_int(vp_xml_child(numpr, "ilvl"), "val", -1);
    if (numid < 0 || ilvl < 0)
        style_numbering(d, pstyle, &numid, &ilvl);
    if (ilvl < 0)
        ilvl = 0;
    vp_buf txt = {0};
    para_content(d, p, pstyle, &txt);
    int any = 0;
    for (size_t i = 0; i < txt.len; i++)
        if ((unsigned char)txt.data[i] > ' ')
            any = 1;
    /* a paragraph whose mark is hidden or deleted (tracked) and whose text is all hidden or
     * deleted is not seen: no empty line */
    xmlNode *mark = vp_xml_child(ppr, "rPr");
    int gone = !any && (prop_on(mark, "vanish") > 0 || vp_xml_child(mark, "del"));
    if (d->in_header && d->page_field) { /* "Trang 2/5" of the page header: no text of the document */
        any = 0;
        gone = 1;
        txt.len = 0;
    }
    /* a paragraph whose mark alone is hidden runs on into the next paragraph, as Word shows it
     * (a "style separator"), and so does one whose mark is deleted (tracked: the changes
     * accepted, the two are one paragraph): no line break between them; not into a table or past
     * the end */
    xmlNode *next = p->next;
    while (next && next->type != XML_ELEMENT_NODE)
        next = next->next;
    d->joined = any && (prop_on(mark, "vanish") > 0 || vp_xml_child(mark, "del")) && next && vp_xml_is(next, "p");
    if (any || numid > 0) {
        if (numid > 0 && any && !joined_before)
            list_number(d, numid, ilvl, out);
        if (txt.len)
            vp_buf_add(out, txt.data, txt.len);
    }
    if (!gone && !d->joined)
        vp_buf_addc(out, '\n');
    d->fld_code = 0; /* a field's code ends with its paragraph: one left open hides no more */
    vp_buf_free(&txt);
    if (pstyle)
        xmlFree(pstyle);
    if (d->boxes.len && !d->box_depth && !d->note_mark && !d->joined) {
        vp_buf_add(out, d->boxes.data, d->boxes.len);
        d->boxes.len = 0;
    }
}


static xmlNode *row_cell(xmlNode *tc)
{
    if (vp_xml_is(tc, "sdt") && vp_xml_child(vp_xml_child(tc, "sdtContent"), "tc"))
        tc = vp_xml_child(vp_xml_child(tc, "sdtContent"), "tc");
    return vp_xml_is(tc, "tc") ? tc : NULL;
}

/* The rows of a table, in order: w:tr, and those of content controls and custom XML that wrap
 * rows; a row deleted with its changes tracked (w:trPr/w:del) is not shown.  Appended to *rows
 * (*n of them). */
static void table_rows(xmlNode *n, xmlNode ***rows, size_t *nrow, size_t *cap, int depth)
{
    for (xmlNode *k = n->children; k; k = k->next) {
        if (vp_xml_is(k, "tr")) {
            if (vp_xml_child(vp_xml_child(k, "trPr"), "del"))
                continue;
            if (*nrow == *cap) {
                *cap = *cap ? *cap * 2 : 16;
                *rows = vp_xrealloc(*rows, *cap * sizeof **rows);
            }
            (*rows)[(*nrow)++] = k;
        } else if (depth < 8 && vp_xml_is(k, "sdt")) {
            xmlNode *c = vp_xml_child(k, "sdtContent");
            if (c)
                table_rows(c, rows, nrow, cap, depth + 1);
        } else if (depth < 8 && vp_xml_is(k, "customXml")) {
            table_rows(k, rows, nrow, cap, depth + 1);
        }
    }
}

/* The grid columns a row leaves empty before its first cell (before 1) or after its last (0):
 * w:gridBefore, w:gridAfter. */
static size_t row_skip(xmlNode *tr, int before)
{
    int n = vp_xml_attr_int(vp_xml_child(vp_xml_child(tr, "trPr"), before ? "gridBefore" : "gridAfter"), "val", 0);
    return n >= 1 && n <= 64 ? (size_t)n : 0;
}

/* The columns of the grid cell tc spans (w:gridSpan), at least 1. */
static size_t cell_span(xmlNode *tc)
{
    int n = vp_xml_attr_int(vp_xml_child(vp_xml_child(tc, "tcPr"), "gridSpan"), "val", 1);
    return n >= 1 && n <= 64 ? (size_t)n : 1;
}

/* Does tc go on a cell merged down from the row above (w:vMerge without val="restart")? */
static int cell_continues(xmlNode *tc)
{
    xmlNode *vm = vp_xml_child(vp_xml_child(tc, "tcPr"), "vMerge");
    if (!vm)
        return 0;
    char *v = vp_xml_attr(vm, "val");
    int cont = !v || strcmp(v, "restart") != 0;
    if (v)
        xmlFree(v);
    return cont;
}

/* A table's rows, cell by cell of its grid: a cell spanning columns (w:gridSpan) before another
 * is followed by empty ones, so that each column keeps its place ("Đơn vị chủ trì" and "Đơn vị
 * phối hợp" merged: the lead's column holds the name; a group's row "I | Công tác tuyên truyền"
 * stays two cells); a cell merged down from the row above (w:vMerge) holds that row's text
 * again, except in the first column, the rows' numbers (a lead or a deadline written once for
 * several tasks is each task's); a cell's paragraphs are its text on one line
 * (vp_fmt_join_cells: "Công an xã" / "UBND các thôn" is "Công an xã; UBND các thôn"). */
static void table(docx *d, xmlNode *tbl, vp_buf *out)
{
    xmlNode **rows = NULL;
    size_t nrow = 0, cap = 0;
    table_rows(tbl, &rows, &nrow, &cap, 0);
    size_t width = 0; /* columns of the widest row */
    for (size_t i = 0; i < nrow; i++) {
        size_t w = row_skip(rows[i], 1) + row_skip(rows[i], 0);
        for (xmlNode *tc = rows[i]->children; tc; tc = tc->next) {
            xmlNode *cell = row_cell(tc);
            if (cell)
                w += cell_span(cell);
        }
        if (w > width)
            width = w;
    }
    vp_buf *above = vp_xcalloc(width + 1, sizeof *above); /* the text of each column in the row before */
    for (size_t i = 0; i < nrow; i++) {
        xmlNode *tr = rows[i];
        size_t ncell = 0, pad = row_skip(tr, 1); /* the columns before the first cell */
        vp_buf *cells = vp_xcalloc(width + 1, sizeof *cells);
        for (xmlNode *tc = tr->children; tc; tc = tc->next) {
            xmlNode *cell = row_cell(tc);
            if (!cell)
                continue;
            ncell += pad; /* the columns the cell before spans, when a cell follows it */
            if (ncell >= width)
                break;
            size_t col = ncell;
            if (!cell_continues(cell))
                block(d, cell, &cells[col]);
            else if (col > 0)
                vp_buf_add(&cells[col], above[col].data ? above[col].data : "", above[col].len);
            ncell++;
            pad = cell_span(cell) - 1;
        }
        vp_fmt_join_cells(d->c, cells, ncell, width);
        vp_fmt_grid_row(cells, ncell, width, NULL, above, out);
        free(cells);
    }
    for (size_t i = 0; i < width; i++)
        vp_buf_free(&above[i]);
    free(above);
    free(rows);
}

static void block(docx *d, xmlNode *n, vp_buf *out)
{
    d->level++;
    for (xmlNode *k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (vp_xml_is(k, "p"))
            paragraph(d, k, out);
        else if (vp_xml_is(k, "tbl"))
            table(d, k, out);
        else if (vp_xml_is(k, "sdt"))
            block(d, vp_xml_child(k, "sdtContent") ? vp_xml_child(k, "sdtContent") : k, out);
        else if (vp_xml_is(k, "customXml") || vp_xml_is(k, "ins") || vp_xml_is(k, "smartTag"))
            block(d, k, out);
        else if (vp_xml_is(k, "AlternateContent") && alt_branch(k))
            block(d, alt_branch(k), out); /* one branch: the others repeat it */
        if (d->level == 1 && d->notes.len && !d->joined) { /* the notes this paragraph or table anchors */
            vp_buf_add(out, d->notes.data, d->notes.len);
            d->notes.len = 0;
        }
    }
    d->level--;
}

/* The part (word/header1.xml) that relationship rid of word/document.xml names, or NULL;
 * caller free()s. */
static char *part_of(docx *d, const char *rid)
{
    int failed = 0;
    xmlDocPtr rels = vp_zip_parse(d->zip, "word/_rels/document.xml.rels", 0, d->c, &failed);
    char *part = NULL;
    xmlNode *root = rels ? xmlDocGetRootElement(rels) : NULL;
    for (xmlNode *k = root ? root->children : NULL; k && !part; k = k->next) {
        if (!vp_xml_is(k, "Relationship"))
            continue;
        char *id = vp_xml_attr(k, "Id");
        char *target = id && strcmp(id, rid) == 0 ? vp_xml_attr(k, "Target") : NULL;
        if (target && !strstr(target, "..") && !strchr(target, ':')) {
            size_t len = strlen(target) + 6;
            part = vp_xmalloc(len);
            if (target[0] == '/')
                snprintf(part, len, "%s", target + 1);
            else
                snprintf(part, len, "word/%s", target);
        }
        if (target)
            xmlFree(target);
        if (id)
            xmlFree(id);
    }
    xmlFreeDoc(rels);
    if (failed && d->c->err)
        d->c->err[0] = 0; /* the body stands without it */
    return part;
}

/* The page header of the first section, before the body: the header block a plan may lay out
 * there (issuer, number, date) is the document's, as a reader of its first page sees it; the
 * headers of later pages and sections repeat it or are running heads, and page numbers are no
 * text of the document.  The first page's own header (w:titlePg) when it has one, else the
 * section's default one. */
static void first_header(docx *d, xmlNode *body, vp_buf *out)
{
    xmlNode *sect = NULL;
    for (xmlNode *k = body->children; k && !sect; k = k->next)
        if (vp_xml_is(k, "p"))
            sect = vp_xml_child(vp_xml_child(k, "pPr"), "sectPr");
        else if (vp_xml_is(k, "sectPr"))
            sect = k;
    if (!sect)
        return;
    const char *want = prop_on(sect, "titlePg") > 0 ? "first" : "default";
    char *rid = NULL;
    for (xmlNode *k = sect->children; k && !rid; k = k->next) {
        if (!vp_xml_is(k, "headerReference"))
            continue;
        char *type = vp_xml_attr(k, "type");
        if (strcmp(type ? type : "default", want) == 0)
            rid = vp_xml_attr(k, "id");
        if (type)
            xmlFree(type);
    }
    char *part = rid ? part_of(d, rid) : NULL;
    if (rid)
        xmlFree(rid);
    if (!part)
        return;
    int failed = 0;
    xmlDocPtr hdr = vp_zip_parse(d->zip, part, 0, d->c, &failed);
    free(part);
    if (failed && d->c->err) {
        if (d->c->diags)
            vp_diag_add(d->c->diags, "header-unread", 0, "%s; the page header is left out", d->c->err);
        d->c->err[0] = 0;
    }
    if (!hdr)
        return;
    d->in_header = 1;
    block(d, xmlDocGetRootElement(hdr), out);
    d->in_header = 0;
    d->fld_depth = 0;
    d->fld_code = d->fld_page = 0;
    d->joined = 0;
    xmlFreeDoc(hdr);
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
    d.zip = z;
    doc = vp_zip_parse(z, "word/document.xml", 1, c, &failed);
    if (!doc)
        goto done;
    sty = vp_zip_parse(z, "word/styles.xml", 0, c, &failed);
    if (failed)
        goto done;
    num = vp_zip_parse(z, "word/numbering.xml", 0, c, &failed);
    if (failed)
        goto done;
    d.styles = sty ? xmlDocGetRootElement(sty) : NULL;
    d.numbering = num ? xmlDocGetRootElement(num) : NULL;
    if (d.styles) {
        xmlNode *rpr = vp_xml_child(vp_xml_child(vp_xml_child(d.styles, "docDefaults"), "rPrDefault"), "rPr");
        d.default_font = rfonts_name(rpr);
    }
    xmlNode *body = vp_xml_child(xmlDocGetRootElement(doc), "body");
    if (!body) {
        vp_convert_err(c, "word/document.xml has no body");
        goto done;
    }
    first_header(&d, body, out);
    block(&d, body, out);
    c->encoding = c->legacy_runs ? "mixed" : "utf-8";
    rc = 0;
done:
    vp_buf_free(&d.boxes);
    vp_buf_free(&d.notes);
    xmlFreeDoc(d.notes_doc[0]);
    xmlFreeDoc(d.notes_doc[1]);
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

