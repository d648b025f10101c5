/* fmt_rtf.c - RTF -> text lines, read natively (RTF 1.9.1).
 *
 * A group stack holds what a group changes (font, \ucN, paragraph in a table, skipped
 * destination); control words are letters, an optional signed number and one optional space;
 * line ends in the text are ignored ("\<newline>" is \par).  Text comes from plain characters,
 * \'hh bytes (in the code page of the run's font: \fcharsetN, \cpgN or \ansicpgN) and \uN
 * characters (their \ucN fallback skipped, surrogate pairs joined).
 *
 * Runs set in legacy Vietnamese fonts (.VnTime, .VnTimeH, VNI-Times, VPS, VISCII) are decoded
 * with their encoding as the DOCX reader does: their bytes are kept as the Windows-1252
 * characters they are (LibreOffice writes .VnTime text as "\u162\'a2", the character of byte
 * 0xA2) and vp_detect_font_text reads them back; \- there is byte 0xAD, TCVN3's ư.  A \uN
 * that is no Windows-1252 character (the byte read through the font's other code page)
 * takes its one-byte \'hh fallback.
 *
 * Table rows are laid out by vp_fmt_table_row (cells joined by " | "), list numbers
 * (\listtext, \pntext) written before their paragraph ("- " for a bullet).  A footnote or
 * endnote (\footnote) is marked "[1]" where \chftn anchors it and its text follows the
 * paragraph or table row that anchors it, as the DOCX reader does.  Font table,
 * styles, pictures, objects, headers and footers, field instructions, shapes (but their text)
 * and every \* destination are skipped; \binN data is skipped by count.
 *
 * Bounded: groups nest at most RTF_MAX_DEPTH deep, the text written is capped like the
 * unzipped size of a DOCX, and the reader gives up at the deadline.  It never reads past the
 * input and holds no global mutable state. */
#include "convert_fmt.h"
#include "convert_tables.h"

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RTF_MAX_DEPTH 1000
#define RTF_MAX_FONTS 4096
#define RTF_MAX_CELLS 4096  /* cells of one row; more are read as lines of the last cell */
#define RTF_WORD_MAX 32     /* letters of a control word kept (the spec's limit) */
#define FONT_NAME_MAX 128

enum { D_TEXT, D_FONTTBL, D_LISTTEXT, D_NOTE }; /* what the text of a group is */
enum { R_NONE, R_UD, R_SHPTXT };             /* child destination read in a skipped group */

typedef struct rtf_group {
    int font;                /* font number; -1: the default font (\deffN) */
    int uc;                  /* fallback characters after \uN */
    unsigned char skip;      /* text of this group is dropped */
    unsigned char dest;      /* D_TEXT, D_FONTTBL, D_LISTTEXT, D_NOTE */
    unsigned char intbl;     /* paragraph in a table cell */
    unsigned char deleted;   /* tracked deletion */
    unsigned char star;      /* \* just read: the next control word names an ignorable destination */
    unsigned char reopen;    /* R_UD (\upr), R_SHPTXT (\shpinst): that child group is read */
    unsigned char outer_skip;/* skip of the text around a \upr or \shpinst group */
} rtf_group;

typedef struct rtf_font {
    int num, charset, cpg;
    char name[FONT_NAME_MAX];
    size_t nlen;
    int named; /* the name has ended (';') */
} rtf_font;

typedef struct rtf {
    vp_fmt_ctx *c;
    const unsigned char *s;
    size_t n, i;
    size_t cap;              /* bytes of text at most */
    rtf_group *st;
    int depth;
    int done;                /* the \rtf group closed */
    int failed;              /* the reason is set */

    rtf_font *fonts;
    size_t nfont, capfont;
    int sorted;
    long entry;              /* font table entry being read, -1 none */
    int deff, ansicpg;

    /* resolved font of the group being read (cached) */
    int fc_num, fc_valid;
    vp_enc fc_enc;
    int fc_upper, fc_cpg;

    size_t uskip;            /* \uN fallback characters still to skip */
    int32_t ufb;             /* \uN of a legacy font waiting for its one-byte fallback, 0 none */
    int32_t hi;              /* high surrogate waiting for its low half, 0 none */

    /* text of the run being gathered: one font class, one target */
    vp_buf run;
    vp_enc run_enc;
    int run_upper;
    vp_buf *run_to;

    /* bytes of a code page read through iconv (double-byte code pages need them together) */
    vp_buf pend;
    int pend_cpg, pend_lead;
    iconv_t cd;
    int cd_cpg;              /* code page of cd, 0 none, -1 iconv has no such code page */

    vp_buf *out;
    vp_buf list;             /* list number text (\listtext) */
    vp_buf note;             /* text of the notes (\footnote) anchored in the paragraph or row */
    int note_no;             /* the marks (\chftn) given so far */
    vp_buf cell;             /* the cell being read */
    vp_buf *cells;
    size_t ncell, capcell, cells_bytes;
} rtf;

/* ------------------------------------------------------------------ fonts */

static int font_cmp(const void *a, const void *b)
{
    const rtf_font *x = a, *y = b;
    return x->num < y->num ? -1 : x->num > y->num;
}

static const rtf_font *font_find(rtf *r, int num)
{
    if (!r->nfont)
        return NULL;
    if (!r->sorted) {
        qsort(r->fonts, r->nfont, sizeof *r->fonts, font_cmp);
        r->sorted = 1;
    }
    rtf_font key;
    key.num = num;
    return bsearch(&key, r->fonts, r->nfont, sizeof *r->fonts, font_cmp);
}

static int charset_cpg(int charset, int ansicpg)
{
    switch (charset) {
    case 77: return 10000;
    case 128: return 932;
    case 129: return 949;
    case 130: return 1361;
    case 134: return 936;
    case 136: return 950;
    case 161: return 1253;
    case 162: return 1254;
    case 163: return 1258;
    case 177: return 1255;
    case 178: return 1256;
    case 186: return 1257;
    case 204: return 1251;
    case 222: return 874;
    case 238: return 1250;
    case 254: return 437;
    case 255: return 850;
    default: return ansicpg; /* 0 ANSI, 1 default, 2 symbol, unknown */
    }
}

/* The encoding, capitals flag and code page of the current group's font. */
static void font_of(rtf *r, vp_enc *enc, int *upper, int *cpg)
{
    int num = r->st[r->depth].font;
    if (num < 0)
        num = r->deff;
    if (!r->fc_valid || r->fc_num != num) {
        const rtf_font *f = font_find(r, num);
        r->fc_num = num;
        r->fc_valid = 1;
        r->fc_upper = 0;
        r->fc_enc = f ? vp_convert_font(r->c, f->name, &r->fc_upper) : VP_ENC_UTF8;
        r->fc_cpg = f && f->cpg > 0 ? f->cpg : charset_cpg(f ? f->charset : 0, r->ansicpg);
    }
    *enc = r->fc_enc;
    *upper = r->fc_upper;
    *cpg = r->fc_cpg;
}

static int font_is_legacy(rtf *r)
{
    vp_enc e;
    int u, cp;
    font_of(r, &e, &u, &cp);
    return e != VP_ENC_UTF8;
}

static void font_entry(rtf *r, int num)
{
    if (r->nfont >= RTF_MAX_FONTS) {
        r->entry = -1;
        return;
    }
    if (r->nfont == r->capfont) {
        r->capfont = r->capfont ? r->capfont * 2 : 16;
        r->fonts = vp_xrealloc(r->fonts, r->capfont * sizeof *r->fonts);
    }
    rtf_font *f = &r->fonts[r->nfont];
    memset(f, 0, sizeof *f);
    f->num = num;
    if (r->nfont && f[-1].num > num)
        r->sorted = 0; /* sorted again at the next look-up; tables are written in order */
    else if (!r->nfont)
        r->sorted = 1;
    r->entry = (long)r->nfont++;
    r->fc_valid = 0;
}

static void font_name_add(rtf *r, const char *s, size_t n)
{
    if (r->entry < 0)
        return;
    rtf_font *f = &r->fonts[r->entry];
    for (size_t k = 0; k < n && !f->named; k++) {
        if (s[k] == ';')
            f->named = 1;
        else if (f->nlen + 1 < sizeof f->name)
            f->name[f->nlen++] = s[k];
    }
    f->name[f->nlen] = 0;
    r->fc_valid = 0;
}

/* ------------------------------------------------------------------ text */

static size_t text_size(const rtf *r)
{
    return r->out->len + r->run.len + r->cell.len + r->list.len + r->note.len + r->pend.len + r->cells_bytes;
}

static void flush_run(rtf *r)
{
    if (!r->run.len)
        return;
    if (r->run_enc == VP_ENC_UTF8 ||
        vp_detect_font_text(r->run_enc, r->run_upper, r->run.data, r->run.len, r->run_to, NULL, 0) != 0)
        vp_buf_add(r->run_to, r->run.data, r->run.len);
    else
        vp_convert_legacy_run(r->c, r->run_enc, r->run_upper);
    r->run.len = 0;
}

static int row_pending(const rtf *r)
{
    return r->ncell > 0 || r->cell.len > 0;
}

static void finish_row(rtf *r);
static void end_cell(rtf *r);

/* Where the text of the current group goes; NULL: dropped.  A paragraph outside the table
 * ends a row left open (a \cell without its \row); white space between them is dropped. */
static vp_buf *target(rtf *r, int space)
{
    const rtf_group *g = &r->st[r->depth];
    if (g->dest == D_LISTTEXT)
        return &r->list;
    if (g->dest == D_NOTE)
        return &r->note;
    if (g->intbl)
        return &r->cell;
    if (row_pending(r)) {
        if (space)
            return NULL;
        finish_row(r);
    }
    return r->out;
}

/* Text of the current group: UTF-8 of Unicode characters, or, in a legacy-font run, of the
 * Windows-1252 characters its bytes are. */
static void emit_utf8(rtf *r, const char *s, size_t n)
{
    const rtf_group *g = &r->st[r->depth];
    if (g->skip || g->deleted || !n)
        return;
    if (g->dest == D_FONTTBL) {
        font_name_add(r, s, n);
        return;
    }
    vp_buf *to = target(r, n == 1 && (s[0] == ' ' || s[0] == '\t'));
    if (!to)
        return;
    vp_enc e;
    int upper, cpg;
    font_of(r, &e, &upper, &cpg);
    if (r->run.len && (r->run_to != to || r->run_enc != e || r->run_upper != upper))
        flush_run(r);
    r->run_to = to;
    r->run_enc = e;
    r->run_upper = upper;
    vp_buf_add(&r->run, s, n);
}

static void emit_cp(rtf *r, int32_t cp)
{
    r->hi = 0;
    if (cp < 0x20 && cp != '\t')
        return;
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        cp = 0xFFFD;
    char u[4];
    int l = vp_utf8_encode(cp, u);
    emit_utf8(r, u, (size_t)l);
}

/* Structure (line ends, cell separators) written to the current target after the run. */
static void put(rtf *r, const char *s)
{
    const rtf_group *g = &r->st[r->depth];
    if (g->skip || g->deleted || g->dest == D_FONTTBL)
        return;
    vp_buf *to = target(r, 0);
    flush_run(r);
    vp_buf_adds(to, s);
}

static int is_dbcs(int cpg)
{
    return cpg == 932 || cpg == 936 || cpg == 949 || cpg == 950 || cpg == 1361;
}

static void flush_pend(rtf *r)
{
    if (!r->pend.len)
        return;
    vp_buf u = {0};
    if (r->cd_cpg != r->pend_cpg) {
        if (r->cd_cpg > 0)
            iconv_close(r->cd);
        char name[32];
        if (r->pend_cpg == 65001)
            snprintf(name, sizeof name, "UTF-8");
        else if (r->pend_cpg == 10000)
            snprintf(name, sizeof name, "MACINTOSH");
        else if (r->pend_cpg == 1361)
            snprintf(name, sizeof name, "JOHAB");
        else
            snprintf(name, sizeof name, "CP%d", r->pend_cpg);
        r->cd = iconv_open("UTF-8", name);
        r->cd_cpg = r->cd == (iconv_t)-1 ? -1 : r->pend_cpg;
    }
    if (r->cd_cpg < 0) { /* iconv lacks the code page: read it as Windows-1252 */
        for (size_t k = 0; k < r->pend.len; k++) {
            char b[4];
            vp_buf_add(&u, b, (size_t)vp_utf8_encode(vp_tab_cp1252[(unsigned char)r->pend.data[k]], b));
        }
    } else {
        iconv(r->cd, NULL, NULL, NULL, NULL);
        char *in = r->pend.data;
        size_t left = r->pend.len;
        while (left > 0) {
            char buf[256];
            char *o = buf;
            size_t room = sizeof buf;
            size_t rc = iconv(r->cd, &in, &left, &o, &room);
            vp_buf_add(&u, buf, (size_t)(o - buf));
            if (rc == (size_t)-1 && errno != E2BIG) { /* a byte the code page does not have */
                vp_buf_adds(&u, "\xEF\xBF\xBD");
                in++;
                left--;
                iconv(r->cd, NULL, NULL, NULL, NULL);
            }
        }
    }
    r->pend.len = 0;
    r->pend_lead = 0;
    if (u.len)
        emit_utf8(r, u.data, u.len);
    vp_buf_free(&u);
}

/* A byte of text (\'hh, or a raw 8-bit byte) in the code page of the current font. */
static void emit_byte(rtf *r, unsigned char b)
{
    const rtf_group *g = &r->st[r->depth];
    if (g->skip || g->deleted)
        return;
    if (g->dest == D_FONTTBL) {
        char u[4];
        font_name_add(r, u, (size_t)vp_utf8_encode(vp_tab_cp1252[b], u));
        return;
    }
    vp_enc e;
    int upper, cpg;
    font_of(r, &e, &upper, &cpg);
    if (e != VP_ENC_UTF8 || cpg == 1252 || cpg <= 0) {
        flush_pend(r);
        r->hi = 0;
        char u[4];
        emit_utf8(r, u, (size_t)vp_utf8_encode(vp_tab_cp1252[b], u));
    } else if (cpg == 1258) {
        flush_pend(r);
        r->hi = 0;
        vp_buf u = {0};
        vp_detect_decode(VP_ENC_CP1258, &b, 1, &u, NULL, 0);
        emit_utf8(r, u.data, u.len);
        vp_buf_free(&u);
    } else {
        if (r->pend.len && r->pend_cpg != cpg)
            flush_pend(r);
        r->hi = 0;
        r->pend_cpg = cpg;
        vp_buf_addc(&r->pend, (char)b);
        if (is_dbcs(cpg))
            r->pend_lead = r->pend_lead ? 0 : b >= 0x81;
    }
}

/* A character vp_detect_font_text reads back as a byte: Windows-1252 (its C1 holes included)
 * or a symbol font's private-use code. */
static int font_byte_char(int32_t cp)
{
    if (cp < 0x100 || (cp >= 0xF000 && cp <= 0xF0FF))
        return 1;
    for (int b = 0x80; b < 0xA0; b++)
        if (vp_tab_cp1252[b] == cp)
            return 1;
    return 0;
}

/* One fallback character of a \uN skipped.  A legacy font's \uN that is no Windows-1252
 * character (the byte read through another code page: \fcharset163 gives byte 0xD5 as
 * "\u416\'d5") is that byte when its one fallback is a byte >= 0x80. */
static void skip_one(rtf *r, int byte)
{
    r->uskip--;
    if (!r->ufb)
        return;
    int32_t cp = r->ufb;
    r->ufb = 0;
    if (byte >= 0x80)
        emit_byte(r, (unsigned char)byte);
    else
        emit_cp(r, cp);
}

/* The fallback ended early (a brace, the end): the \uN character itself. */
static void end_fallback(rtf *r)
{
    r->uskip = 0;
    if (r->ufb) {
        int32_t cp = r->ufb;
        r->ufb = 0;
        emit_cp(r, cp);
    }
}

/* ------------------------------------------------------------------ tables and lists */

static void finish_row(rtf *r)
{
    flush_run(r);
    int any = 0;
    for (size_t k = 0; k < r->cell.len; k++)
        if ((unsigned char)r->cell.data[k] > ' ')
            any = 1;
    if (any)
        end_cell(r); /* text after the last \cell */
    if (r->cell.len && r->ncell) { /* beyond RTF_MAX_CELLS: lines of the last cell */
        vp_buf_addc(&r->cells[r->ncell - 1], '\n');
        vp_buf_add(&r->cells[r->ncell - 1], r->cell.data, r->cell.len);
        r->cells_bytes += r->cell.len + 1;
    }
    r->cell.len = 0;
    if (r->ncell) {
        /* line k of every cell side by side: lines times cells separators at most */
        size_t lines = 1;
        for (size_t k = 0; k < r->ncell; k++) {
            size_t l = 1;
            for (size_t j = 0; j < r->cells[k].len; j++)
                l += r->cells[k].data[j] == '\n';
            if (l > lines)
                lines = l;
        }
        size_t est = r->cells_bytes + lines * (3 * r->ncell + 1);
        if (lines > r->cap / (3 * r->ncell + 1) || r->out->len + est > r->cap) {
            if (!r->failed)
                vp_convert_err(r->c, "rtf text exceeds the size limit");
            r->failed = 1;
        } else {
            vp_fmt_table_row(r->cells, r->ncell, r->out);
        }
    }
    for (size_t k = 0; k < r->ncell; k++)
        vp_buf_free(&r->cells[k]);
    r->ncell = 0;
    r->cells_bytes = 0;
}

static void end_cell(rtf *r)
{
    flush_run(r);
    if (r->ncell >= RTF_MAX_CELLS) {
        vp_buf_addc(&r->cell, '\n');
        return;
    }
    if (r->ncell == r->capcell) {
        r->capcell = r->capcell ? r->capcell * 2 : 8;
        r->cells = vp_xrealloc(r->cells, r->capcell * sizeof *r->cells);
    }
    r->cells_bytes += r->cell.len;
    r->cells[r->ncell++] = r->cell;
    memset(&r->cell, 0, sizeof r->cell);
}

/* The list number of a paragraph (\listtext): "1." or "a)" followed by a space; a bullet
 * (one symbol) as "- ", or "+ ". */
static void finish_list(rtf *r)
{
    flush_run(r);
    const char *s = r->list.data ? r->list.data : "";
    size_t a = 0, e = r->list.len;
    for (;;) {
        if (a < e && (s[a] == ' ' || s[a] == '\t'))
            a++;
        else if (a + 1 < e && (unsigned char)s[a] == 0xC2 && (unsigned char)s[a + 1] == 0xA0)
            a += 2; /* no-break space */
        else
            break;
    }
    while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    vp_buf num = {0};
    if (e > a) {
        int32_t cp;
        int l = vp_utf8_decode(s + a, e - a, &cp);
        if ((size_t)l == e - a && !(cp >= '0' && cp <= '9')) {
            vp_buf_adds(&num, cp == '+' ? "+ " : "- ");
        } else {
            for (size_t k = a; k < e; k++)
                vp_buf_addc(&num, s[k] == '\t' ? ' ' : s[k]);
            vp_buf_addc(&num, ' ');
        }
    }
    r->list.len = 0;
    if (num.len)
        put(r, num.data);
    vp_buf_free(&num);
}

/* ------------------------------------------------------------------ groups */

static void push(rtf *r)
{
    if (r->depth >= RTF_MAX_DEPTH) {
        vp_convert_err(r->c, "rtf groups nested more than %d deep", RTF_MAX_DEPTH);
        r->failed = 1;
        return;
    }
    rtf_group *p = &r->st[r->depth], *g = &r->st[r->depth + 1];
    *g = *p;
    g->star = 0;
    g->reopen = R_NONE;
    if (p->reopen != R_NONE)
        g->skip = 1; /* read only if it names the destination the parent reopens */
    r->depth++;
}

static void pop(rtf *r)
{
    rtf_group *g = &r->st[r->depth];
    if (r->depth == 1) { /* the \rtf group closed: what follows is not the document */
        r->done = 1;
        return;
    }
    rtf_group *p = &r->st[r->depth - 1];
    int list_end = g->dest == D_LISTTEXT && p->dest != D_LISTTEXT;
    if (g->dest == D_FONTTBL && p->dest != D_FONTTBL)
        r->entry = -1;
    if (g->dest == D_NOTE && p->dest != D_NOTE) { /* a note ends on a line end */
        flush_run(r);
        if (r->note.len && r->note.data[r->note.len - 1] != '\n')
            vp_buf_addc(&r->note, '\n');
    }
    r->depth--;
    if (list_end)
        finish_list(r);
}

/* The notes anchored in the paragraph or the table row just ended, after it, as on a printed
 * page (within a row they wait for its end). */
static void flush_notes(rtf *r)
{
    if (!r->note.len || row_pending(r))
        return;
    flush_run(r);
    vp_buf_add(r->out, r->note.data, r->note.len);
    r->note.len = 0;
}

/* ------------------------------------------------------------------ control words */

/* Destinations whose text is not document text (sorted for bsearch). */
static const char *const skipped[] = {
    "annotation", "atnauthor", "atndate", "atnicn", "atnid", "atnparent", "atnref", "atntime",
    "atrfend", "atrfstart", "bkmkend", "bkmkstart", "colorschememapping", "colortbl", "comment",
    "datastore", "do", "doccomm", "docvar", "falt", "fchars", "ffdeftext", "ffentrymcr",
    "ffexitmcr", "ffformat", "ffhelptext", "ffl", "ffname", "ffstattext",
    "file", "filetbl", "fldinst", "footer", "footerf", "footerl", "footerr",
    "ftncn", "ftnsep", "ftnsepc", "generator", "header", "headerf", "headerl", "headerr",
    "info", "keycode", "latentstyles", "lchars", "listoverridetable", "listpicture",
    "listtable", "mmathPr", "nesttableprops", "nextfile", "nonshppict", "objdata", "object",
    "operator", "panose", "pgdsctbl", "pict", "pn", "pnseclvl", "pntxta", "pntxtb", "printim",
    "private", "propname", "revtbl", "revtim", "rsidtbl", "rxe", "shprslt", "staticval",
    "stylesheet", "subject", "tc", "template", "themedata", "title", "txe", "userprops",
    "wgrffmtfilter", "writereservation", "writereservhash", "xe", "xmlnstbl",
};

static int is_skipped(const char *w)
{
    return bsearch(&w, skipped, sizeof skipped / sizeof skipped[0], sizeof skipped[0], vp_strp_cmp) != NULL;
}

static void control_word(rtf *r, const char *w, int has_num, long num)
{
    rtf_group *g = &r->st[r->depth];
    int star = g->star;
    g->star = 0;
    rtf_group *p = r->depth > 0 ? &r->st[r->depth - 1] : NULL;

    /* destinations a skipped group may reopen */
    if (strcmp(w, "ud") == 0 && p && p->reopen == R_UD) {
        g->skip = p->outer_skip;
        return;
    }
    if (strcmp(w, "shptxt") == 0 && p && p->reopen == R_SHPTXT) {
        g->skip = p->outer_skip;
        return;
    }
    if (strcmp(w, "shpinst") == 0 && star) {
        g->outer_skip = g->skip;
        g->skip = 1;
        g->reopen = R_SHPTXT;
        return;
    }
    if (strcmp(w, "upr") == 0) {
        g->outer_skip = g->skip;
        g->reopen = R_UD;
        return;
    }
    if (g->skip)
        return;
    if (star || is_skipped(w)) {
        g->skip = 1;
        return;
    }
    int n = has_num ? (int)num : 0;
    if (g->dest == D_FONTTBL) {
        if (strcmp(w, "f") == 0)
            font_entry(r, n);
        else if (strcmp(w, "fcharset") == 0 && r->entry >= 0)
            r->fonts[r->entry].charset = n, r->fc_valid = 0;
        else if (strcmp(w, "cpg") == 0 && r->entry >= 0)
            r->fonts[r->entry].cpg = n, r->fc_valid = 0;
        else if (strcmp(w, "u") == 0) {
            emit_cp(r, (n < 0 ? n + 65536 : n) & 0xFFFF);
            r->uskip = (size_t)g->uc;
        }
        return;
    }
    switch (w[0]) {
    case 'a':
        if (strcmp(w, "ansi") == 0)
            r->ansicpg = 1252, r->fc_valid = 0;
        else if (strcmp(w, "ansicpg") == 0 && n > 0)
            r->ansicpg = n, r->fc_valid = 0;
        return;
    case 'b':
        if (strcmp(w, "bullet") == 0)
            emit_cp(r, 0x2022);
        return;
    case 'c':
        if (strcmp(w, "cell") == 0) {
            if (g->dest == D_TEXT)
                end_cell(r);
        } else if (strcmp(w, "chftn") == 0 && (g->dest == D_TEXT || g->dest == D_NOTE)) {
            /* a note's automatic mark: counted where it is anchored, repeated in the note */
            char mark[24];
            snprintf(mark, sizeof mark, "[%d]", g->dest == D_NOTE ? r->note_no : ++r->note_no);
            emit_utf8(r, mark, strlen(mark));
        } else if (strcmp(w, "column") == 0) {
            put(r, "\n");
        }
        return;
    case 'd':
        if (strcmp(w, "deff") == 0)
            r->deff = n, r->fc_valid = 0;
        else if (strcmp(w, "deleted") == 0)
            g->deleted = !has_num || n != 0;
        return;
    case 'e':
        if (strcmp(w, "emdash") == 0)
            emit_cp(r, 0x2014);
        else if (strcmp(w, "endash") == 0)
            emit_cp(r, 0x2013);
        else if (strcmp(w, "emspace") == 0)
            emit_cp(r, 0x2003);
        else if (strcmp(w, "enspace") == 0)
            emit_cp(r, 0x2002);
        return;
    case 'f':
        if (strcmp(w, "f") == 0)
            g->font = n;
        else if (strcmp(w, "fonttbl") == 0) {
            g->dest = D_FONTTBL;
            r->entry = -1;
        } else if (strcmp(w, "footnote") == 0) {
            if (g->dest != D_TEXT) { /* notes inside notes or list numbers are not followed */
                g->skip = 1;
                return;
            }
            flush_run(r);
            g->dest = D_NOTE;
            g->intbl = 0;
        }
        return;
    case 'i':
        if (strcmp(w, "intbl") == 0)
            g->intbl = 1;
        else if (strcmp(w, "itap") == 0)
            g->intbl = n > 0;
        return;
    case 'l':
        if (strcmp(w, "line") == 0)
            put(r, "\n");
        else if (strcmp(w, "lquote") == 0)
            emit_cp(r, 0x2018);
        else if (strcmp(w, "ldblquote") == 0)
            emit_cp(r, 0x201C);
        else if (strcmp(w, "listtext") == 0 && g->dest != D_LISTTEXT) {
            flush_run(r);
            r->list.len = 0;
            g->dest = D_LISTTEXT;
        }
        return;
    case 'm':
        if (strcmp(w, "mac") == 0)
            r->ansicpg = 10000, r->fc_valid = 0;
        return;
    case 'n':
        if (strcmp(w, "nestcell") == 0 || strcmp(w, "nestrow") == 0)
            put(r, "\n");
        return;
    case 'p':
        if (strcmp(w, "par") == 0 || strcmp(w, "page") == 0) {
            put(r, "\n");
            if (g->dest == D_TEXT && !g->intbl)
                flush_notes(r);
        } else if (strcmp(w, "pard") == 0) {
            g->intbl = 0;
        } else if (strcmp(w, "plain") == 0) {
            g->font = -1;
            g->deleted = 0;
        } else if (strcmp(w, "pc") == 0) {
            r->ansicpg = 437, r->fc_valid = 0;
        } else if (strcmp(w, "pca") == 0) {
            r->ansicpg = 850, r->fc_valid = 0;
        } else if (strcmp(w, "pntext") == 0 && g->dest != D_LISTTEXT) {
            flush_run(r);
            r->list.len = 0;
            g->dest = D_LISTTEXT;
        }
        return;
    case 'q':
        if (strcmp(w, "qmspace") == 0)
            emit_cp(r, 0x2005);
        return;
    case 'r':
        if (strcmp(w, "row") == 0) {
            if (g->dest == D_TEXT) {
                flush_run(r);
                finish_row(r);
                flush_notes(r);
            }
        } else if (strcmp(w, "rquote") == 0) {
            emit_cp(r, 0x2019);
        } else if (strcmp(w, "rdblquote") == 0) {
            emit_cp(r, 0x201D);
        }
        return;
    case 's':
        if (strcmp(w, "sect") == 0) { /* ends the paragraph it is in, if any */
            vp_buf *to = g->intbl ? &r->cell : r->out;
            flush_run(r);
            if (to->len && to->data[to->len - 1] != '\n')
                put(r, "\n");
        }
        return;
    case 't':
        if (strcmp(w, "tab") == 0)
            emit_cp(r, '\t');
        return;
    case 'u':
        if (strcmp(w, "u") == 0) {
            int32_t cp = (int32_t)(n < 0 ? n + 65536 : n) & 0xFFFF;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                r->hi = cp;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF && r->hi) {
                int32_t full = 0x10000 + ((r->hi - 0xD800) << 10) + (cp - 0xDC00);
                emit_cp(r, full);
            } else if (g->uc == 1 && !font_byte_char(cp) && font_is_legacy(r)) {
                r->ufb = cp; /* decided by the fallback */
            } else {
                emit_cp(r, cp);
            }
            r->uskip = (size_t)g->uc;
        } else if (strcmp(w, "uc") == 0) {
            g->uc = n < 0 ? 0 : n; /* a brace ends the fallback, whatever its length */
        }
        return;
    default:
        return;
    }
}

/* Reads the control word or symbol after the backslash at r->i. */
static void control(rtf *r)
{
    const unsigned char *s = r->s;
    size_t n = r->n, i = r->i + 1;
    rtf_group *g = &r->st[r->depth];
    if (i >= n) {
        r->i = n;
        return;
    }
    unsigned char ch = s[i];
    int isalpha_ch = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    if (!isalpha_ch) {
        r->i = i + 1;
        if (ch == '\'') { /* \'hh */
            int v = 0, k = 0;
            while (k < 2 && r->i < n) {
                unsigned char h = s[r->i];
                int d = vp_hex_digit(h);
                if (d < 0)
                    break;
                v = v * 16 + d;
                k++;
                r->i++;
            }
            if (r->uskip) {
                skip_one(r, k == 2 ? v : -1);
                return;
            }
            if (k == 2)
                emit_byte(r, (unsigned char)v);
            return;
        }
        if (r->uskip) {
            skip_one(r, -1);
            return;
        }
        if (ch == '*') {
            g->star = 1;
            return;
        }
        flush_pend(r);
        switch (ch) {
        case '\\': case '{': case '}':
            emit_cp(r, ch);
            break;
        case '~':
            emit_cp(r, 0xA0);
            break;
        case '_':
            emit_cp(r, '-');
            break;
        case '-':
            if (!g->skip && g->dest != D_FONTTBL && font_is_legacy(r))
                emit_cp(r, 0xAD); /* byte 0xAD: TCVN3's ư */
            break;
        case '\n': case '\r':
            control_word(r, "par", 0, 0);
            break;
        default:
            break; /* \: \| and unknown symbols */
        }
        return;
    }
    char w[RTF_WORD_MAX + 1];
    size_t wl = 0;
    while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) {
        if (wl < RTF_WORD_MAX)
            w[wl++] = (char)s[i];
        i++;
    }
    w[wl] = 0;
    int has_num = 0, neg = 0;
    long num = 0;
    if (i < n && s[i] == '-' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') {
        neg = 1;
        i++;
    }
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (num < 100000000L)
            num = num * 10 + (s[i] - '0');
        has_num = 1;
        i++;
    }
    if (neg)
        num = -num;
    if (i < n && s[i] == ' ')
        i++;
    r->i = i;
    if (strcmp(w, "bin") == 0) { /* binary data, skipped by count (one character for \uc) */
        size_t len = has_num && num > 0 ? (size_t)num : 0;
        r->i += len < n - r->i ? len : n - r->i;
        if (r->uskip)
            skip_one(r, -1);
        return;
    }
    if (r->uskip) {
        skip_one(r, -1);
        return;
    }
    flush_pend(r);
    control_word(r, w, has_num, num);
}

/* ------------------------------------------------------------------ the reader */

int vp_fmt_rtf(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out)
{
    rtf r;
    memset(&r, 0, sizeof r);
    r.c = c;
    r.s = s;
    r.n = n;
    r.cap = c->lim->max_unzipped ? c->lim->max_unzipped : (size_t)256 << 20;
    r.out = out;
    r.st = vp_xcalloc(RTF_MAX_DEPTH + 1, sizeof *r.st);
    r.st[0].font = -1;
    r.st[0].uc = 1;
    r.entry = -1;
    r.ansicpg = 1252;
    r.cd_cpg = 0;
    unsigned long step = 0;
    int rc = 0;
    while (r.i < n && !r.done && !r.failed) {
        if ((++step & 0x3FFF) == 0) {
            if (vp_convert_now() > c->deadline) {
                vp_convert_err(c, "time limit reached while reading the rtf document");
                rc = -1;
                break;
            }
            if (text_size(&r) > r.cap) {
                vp_convert_err(c, "rtf text exceeds the size limit");
                rc = -1;
                break;
            }
        }
        unsigned char ch = s[r.i];
        if (ch == '{' || ch == '}') {
            r.i++;
            flush_pend(&r);
            end_fallback(&r);
            if (ch == '{')
                push(&r);
            else if (r.depth > 0)
                pop(&r);
            continue;
        }
        if (ch == '\\') {
            control(&r);
            continue;
        }
        r.i++;
        if (ch == '\r' || ch == '\n')
            continue;
        if (r.uskip) {
            skip_one(&r, ch);
            continue;
        }
        if (ch >= 0x80) {
            emit_byte(&r, ch);
            continue;
        }
        if (r.pend.len && r.pend_lead && ch >= 0x20) { /* trail byte of a double-byte character */
            vp_buf_addc(&r.pend, (char)ch);
            r.pend_lead = 0;
            continue;
        }
        flush_pend(&r);
        if (ch == '\t' || ch >= 0x20)
            emit_cp(&r, ch);
    }
    if (r.failed)
        rc = -1;
    if (rc == 0) {
        end_fallback(&r);
        flush_pend(&r);
        flush_run(&r); /* a list number without its paragraph is dropped */
        if (row_pending(&r))
            finish_row(&r);
        if (r.out->len && r.out->data[r.out->len - 1] != '\n' && r.note.len)
            vp_buf_addc(r.out, '\n');
        flush_notes(&r);
        if (r.failed)
            rc = -1;
    }
    if (rc == 0 && text_size(&r) > r.cap) {
        vp_convert_err(c, "rtf text exceeds the size limit");
        rc = -1;
    }
    if (rc == 0 && out->len && out->data[out->len - 1] != '\n')
        vp_buf_addc(out, '\n');
    if (r.cd_cpg > 0)
        iconv_close(r.cd);
    for (size_t k = 0; k < r.ncell; k++)
        vp_buf_free(&r.cells[k]);
    free(r.cells);
    vp_buf_free(&r.cell);
    vp_buf_free(&r.list);
    vp_buf_free(&r.note);
    vp_buf_free(&r.run);
    vp_buf_free(&r.pend);
    free(r.fonts);
    free(r.st);
    if (rc == 0)
        c->encoding = c->legacy_runs ? "mixed" : "utf-8";
    return rc;
}
