/* pdf_layout.h - C interface to poppler's own text layout (poppler-cpp), used by fmt_pdf.c.
 *
 * The text of a page is what poppler's TextOutputDev gives in physical-layout mode, the
 * same code and mode as `pdftotext -layout`: columns placed side by side on a character
 * grid, blank lines for vertical gaps, and a form feed at the end of every page.
 * Annotations (e-signature stamps) are part of the page, as pdftotext shows them.
 * Every function catches the library's exceptions; none prints anything. */
#ifndef VP_PDF_LAYOUT_H
#define VP_PDF_LAYOUT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vp_pdf vp_pdf;

/* Opens the PDF in s[n].  The bytes are not copied: they must outlive the handle.
 * Returns NULL with a one-line reason in err[errlen] (damaged, encrypted, too large). */
vp_pdf *vp_pdf_open(const unsigned char *s, size_t n, char *err, size_t errlen);

/* Frees the handle (NULL is fine). */
void vp_pdf_close(vp_pdf *p);

/* Number of pages (0 when the document has none). */
int vp_pdf_pages(const vp_pdf *p);

/* The laid-out UTF-8 text of page i (0-based), ending with a form feed.  Returns a string
 * the caller frees with free(), its length in *len; NULL with a reason in err on failure. */
char *vp_pdf_page_text(vp_pdf *p, int i, size_t *len, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif
