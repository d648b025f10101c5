/* fmt_pdf.c - PDF text layer -> text laid out as `pdftotext -layout` prints it.
 *
 * The layout is poppler's own (TextOutputDev in physical-layout mode, through the C interface
 * of pdf_layout.h), so two-column header blocks ("ỦY BAN NHÂN DÂN ... CỘNG HÒA XÃ HỘI ...")
 * stay on shared lines, vertical gaps become blank lines and every page ends with a form
 * feed, exactly as in pdftotext's output.  Page count and time are capped; a PDF whose pages
 * carry no text at all (a scan) is refused. */
#include "convert_fmt.h"
#include "pdf_layout.h"

#include <stdlib.h>
#include <string.h>

/* Characters that are neither white space nor form feeds. */
static size_t visible_chars(const char *s, size_t n)
{
    size_t v = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c > ' ' && (c & 0xC0) != 0x80)
            v++;
    }
    return v;
}

int vp_fmt_pdf(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out)
{
    char why[256];
    why[0] = 0;
    vp_pdf *doc = vp_pdf_open(s, n, why, sizeof why);
    if (!doc) {
        vp_convert_err(c, "%s", why[0] ? why : "cannot open PDF");
        return -1;
    }
    int pages = vp_pdf_pages(doc), rc = 0;
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
        size_t len = 0;
        char *t = vp_pdf_page_text(doc, i, &len, why, sizeof why);
        if (!t) {
            vp_convert_err(c, "%s", why[0] ? why : "cannot read a PDF page");
            rc = -1;
            break;
        }
        visible += visible_chars(t, len);
        vp_buf_add(out, t, len);
        if (len == 0 || t[len - 1] != '\f')
            vp_buf_addc(out, '\f');
        free(t);
    }
    vp_pdf_close(doc);
    if (rc == 0 && visible == 0) {
        vp_convert_err(c, "PDF has no text layer (scanned image); OCR is not supported");
        rc = -1;
    } else if (rc == 0 && visible < (size_t)pages * 100) {
        /* e.g. a scan whose only text is the e-signature stamp drawn over it */
        vp_diag_add(c->diags, "pdf-little-text", 0,
                    "the PDF has only %zu characters of text on %d page%s; the rest may be scanned images, "
                    "which are not read (no OCR)", visible, pages, pages == 1 ? "" : "s");
    }
    if (rc == 0)
        c->encoding = "utf-8";
    return rc;
}
