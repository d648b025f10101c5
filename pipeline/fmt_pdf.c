/* fmt_pdf.c - PDF text layer -> layout-preserving text lines (poppler-glib).
 *
 * Poppler gives every character of a page with its box; characters are grouped into lines by
 * their vertical overlap, sorted left to right, and placed on a character grid so that side by
 * side blocks ("ỦY BAN NHÂN DÂN" ... "CỘNG HÒA XÃ HỘI ...") stay on one line, as
 * `pdftotext -layout` prints them.  Pages end with a form feed. */
#include "convert_fmt.h"

#include <glib.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

/* small helpers instead of libm */
static double dmin(double a, double b) { return a < b ? a : b; }
static double dmax(double a, double b) { return a > b ? a : b; }
static double dabs(double a) { return a < 0 ? -a : a; }

typedef struct pchar {
    gunichar cp;
    double x1, y1, x2, y2;
} pchar;

typedef struct pline {
    double y1, y2;
    size_t first, n; /* into the sorted index array */
} pline;

static int cmp_y(const void *a, const void *b)
{
    const pchar *p = a, *q = b;
    double pa = (p->y1 + p->y2) / 2, qa = (q->y1 + q->y2) / 2;
    if (pa < qa)
        return -1;
    if (pa > qa)
        return 1;
    return p->x1 < q->x1 ? -1 : p->x1 > q->x1;
}

static int cmp_x(const void *a, const void *b)
{
    const pchar *p = a, *q = b;
    return p->x1 < q->x1 ? -1 : p->x1 > q->x1;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void add_u(vp_buf *b, gunichar c)
{
    char u[4];
    int l = vp_utf8_encode((int32_t)c, u);
    vp_buf_add(b, u, (size_t)l);
}

/* Lay out one page; returns the number of visible characters. */
static size_t layout_page(PopplerPage *page, vp_buf *out)
{
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    if (!text)
        return 0;
    if (!poppler_page_get_text_layout(page, &rects, &nrects)) {
        g_free(text);
        return 0;
    }
    size_t nch = 0;
    pchar *ch = vp_xmalloc(sizeof *ch * (nrects + 1));
    const char *p = text;
    for (guint i = 0; i < nrects && *p; i++) {
        gunichar c = g_utf8_get_char_validated(p, -1);
        p = g_utf8_next_char(p);
        if (c == (gunichar)-1 || c == (gunichar)-2 || c == '\n' || c == '\r' || g_unichar_isspace(c))
            continue;
        PopplerRectangle *r = &rects[i];
        pchar q = {c, dmin(r->x1, r->x2), dmin(r->y1, r->y2), dmax(r->x1, r->x2), dmax(r->y1, r->y2)};
        ch[nch++] = q;
    }
    g_free(text);
    g_free(rects);
    if (nch == 0) {
        free(ch);
        return 0;
    }
    /* typical character width and height on this page */
    double *w = vp_xmalloc(sizeof *w * nch);
    size_t nw = 0;
    double hsum = 0;
    for (size_t i = 0; i < nch; i++) {
        double cw = ch[i].x2 - ch[i].x1;
        if (cw > 0.5 && g_unichar_isalpha(ch[i].cp))
            w[nw++] = cw;
        hsum += ch[i].y2 - ch[i].y1;
    }
    double charw = 6.0;
    if (nw) {
        qsort(w, nw, sizeof *w, cmp_d);
        charw = w[nw / 2] * 0.98;
    }
    free(w);
    if (charw < 2.0)
        charw = 2.0;
    double lineh = hsum / (double)nch;
    if (lineh < 1.0)
        lineh = 1.0;

    double minx = ch[0].x1;
    for (size_t i = 1; i < nch; i++)
        minx = dmin(minx, ch[i].x1);
    qsort(ch, nch, sizeof *ch, cmp_y);
    /* group into lines by vertical overlap with the line's band */
    pline *lines = vp_xmalloc(sizeof *lines * nch);
    size_t nl = 0;
    for (size_t i = 0; i < nch; i++) {
        double cy = (ch[i].y1 + ch[i].y2) / 2;
        if (nl) {
            pline *L = &lines[nl - 1];
            double mid = (L->y1 + L->y2) / 2, half = (L->y2 - L->y1) / 2;
            if (dabs(cy - mid) <= dmax(half * 0.6, lineh * 0.3)) {
                L->n++;
                if (ch[i].y1 < L->y1 && ch[i].y2 - ch[i].y1 < lineh * 2)
                    L->y1 = dmin(L->y1, ch[i].y1);
                continue;
            }
        }
        pline nlp = {ch[i].y1, ch[i].y2, i, 1};
        lines[nl++] = nlp;
    }
    double prev_y2 = -1;
    for (size_t l = 0; l < nl; l++) {
        pline *L = &lines[l];
        qsort(ch + L->first, L->n, sizeof *ch, cmp_x);
        if (prev_y2 >= 0) {
            double gap = L->y1 - prev_y2;
            int blanks = gap > 0 ? (int)(gap / (lineh * 1.1)) : 0;
            if (blanks > 2)
                blanks = 2;
            for (int b = 0; b < blanks; b++)
                vp_buf_addc(out, '\n');
        }
        prev_y2 = L->y2;
        size_t col = 0;
        double lastx2 = -1;
        for (size_t k = L->first; k < L->first + L->n; k++) {
            pchar *c = &ch[k];
            size_t want = c->x1 > minx ? (size_t)((c->x1 - minx) / charw + 0.5) : 0;
            if (lastx2 >= 0) {
                double gap = c->x1 - lastx2;
                if (gap > charw * 0.25) {
                    size_t need = want > col + 1 ? want : col + 1;
                    if (gap < charw * 1.5)
                        need = col + 1;
                    while (col < need) {
                        vp_buf_addc(out, ' ');
                        col++;
                    }
                }
            } else {
                while (col < want) {
                    vp_buf_addc(out, ' ');
                    col++;
                }
            }
            add_u(out, c->cp);
            if (!g_unichar_ismark(c->cp))
                col++;
            lastx2 = c->x2;
        }
        vp_buf_addc(out, '\n');
    }
    free(lines);
    free(ch);
    return nch;
}

static void gbytes_free_noop(gpointer p) { (void)p; }

int vp_fmt_pdf(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out)
{
    GError *gerr = NULL;
    GBytes *gb = g_bytes_new_with_free_func(s, n, gbytes_free_noop, NULL);
    PopplerDocument *doc = poppler_document_new_from_bytes(gb, NULL, &gerr);
    if (!doc) {
        vp_convert_err(c, "cannot open PDF: %s", gerr && gerr->message ? gerr->message : "unknown error");
        if (gerr)
            g_error_free(gerr);
        g_bytes_unref(gb);
        return -1;
    }
    int pages = poppler_document_get_n_pages(doc);
    int rc = 0;
    if (pages <= 0) {
        vp_convert_err(c, "PDF has no pages");
        rc = -1;
    } else if (c->lim->max_pdf_pages > 0 && pages > c->lim->max_pdf_pages) {
        vp_convert_err(c, "PDF has %d pages (limit %d)", pages, c->lim->max_pdf_pages);
        rc = -1;
    }
    size_t visible = 0;
    for (int i = 0; rc == 0 && i < pages; i++) {
        if (vp_convert_now() > c->deadline) {
            vp_convert_err(c, "time limit reached at PDF page %d of %d", i + 1, pages);
            rc = -1;
            break;
        }
        PopplerPage *pg = poppler_document_get_page(doc, i);
        if (!pg) {
            vp_convert_err(c, "cannot read PDF page %d", i + 1);
            rc = -1;
            break;
        }
        visible += layout_page(pg, out);
        vp_buf_addc(out, '\f');
        g_object_unref(pg);
    }
    if (rc == 0 && visible == 0) {
        vp_convert_err(c, "PDF has no text layer (scanned image); OCR is not supported");
        rc = -1;
    }
    g_object_unref(doc);
    g_bytes_unref(gb);
    if (rc == 0)
        c->encoding = "utf-8";
    return rc;
}
