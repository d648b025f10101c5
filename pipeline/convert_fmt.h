/* convert_fmt.h - private interface between convert.c and the format readers.
 *
 * Each reader turns the bytes of one format into UTF-8 text (lines separated by '\n'),
 * appended to `out`.  The text need not be NFC yet: convert.c normalises and repairs it.
 * Readers return 0, or -1 with a one-line reason in err.  They never print. */
#ifndef VP_CONVERT_FMT_H
#define VP_CONVERT_FMT_H

#include "convert.h"
#include "detect.h"
#include "rules.h"

#include <libxml/tree.h>

typedef struct vp_fmt_ctx {
    const vp_limits *lim;
    vp_diags *diags;
    double deadline;          /* monotonic seconds after which readers give up */
    const char *encoding;     /* set by a reader that knows the text encoding (static string) */
    int legacy_runs;          /* runs decoded from legacy fonts */
    int no_toned_caps;        /* some of them in a TCVN3 font of small letters (.VnTime) */
    vp_iconvs *ic;            /* the thread's iconv descriptors, or NULL */
    const vp_family *fonts;   /* rules/fonts.rules, or NULL */
    const vp_table *front;    /* rules/frontmatter.tsv, or NULL */
    const vp_family *layout;  /* rules/layout.rules (a table row of blocks side by side), or NULL */
    vp_matcher *m;
    char font[64];            /* the last font name looked up (when it fits), and its answer */
    int font_known, font_upper;
    vp_enc font_enc;
    char *err;
    size_t errlen;
} vp_fmt_ctx;

/* The legacy encoding a font name implies (.VnTime -> TCVN3, VNI-Times -> VNI, ...), by the
 * first rule of rules/fonts.rules that matches it, or VP_ENC_UTF8 for a Unicode font (NULL
 * font, or no rule); *upper is set for a capitals font (case=upper). */
vp_enc vp_convert_font(vp_fmt_ctx *c, const char *font, int *upper);

/* Counts a run decoded from legacy font encoding e (upper: a capitals font). */
void vp_convert_legacy_run(vp_fmt_ctx *c, vp_enc e, int upper);

double vp_convert_now(void);  /* monotonic clock, seconds */
void vp_convert_err(vp_fmt_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

int vp_fmt_html(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out);
int vp_fmt_docx(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out);
int vp_fmt_odt(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out);
int vp_fmt_pdf(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out);
int vp_fmt_doc(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out);
int vp_fmt_rtf(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out);

/* Zip and XML helpers shared by DOCX and ODT (fmt_zip.c). */
typedef struct vp_zip vp_zip;
vp_zip *vp_zip_open(const unsigned char *s, size_t n, vp_fmt_ctx *c);
void vp_zip_close(vp_zip *z);
int vp_zip_has(vp_zip *z, const char *name);
/* Reads a whole entry (NUL-terminated, caller frees); counts against the unzipped cap.
 * Returns NULL with the reason set when missing (if required) or over the cap. */
char *vp_zip_read(vp_zip *z, const char *name, size_t *len, int required, vp_fmt_ctx *c);
/* Parses an entry without network, DTDs or entity substitution (a DTD is refused).  Returns the
 * document (caller frees with xmlFreeDoc), or NULL: *failed is 0 when an optional entry is
 * only missing, 1 with the reason set otherwise. */
xmlDocPtr vp_zip_parse(vp_zip *z, const char *name, int required, vp_fmt_ctx *c, int *failed);

int vp_xml_is(xmlNode *n, const char *local_name);           /* element with this local name */
xmlNode *vp_xml_child(xmlNode *n, const char *local_name);   /* first such child element, or NULL */
char *vp_xml_attr(xmlNode *n, const char *local_name);       /* any prefix; caller xmlFree()s; NULL if absent */
int vp_xml_attr_int(xmlNode *n, const char *local_name, int def);

/* Appends v in a list number format of numbering.xml (decimal, lowerLetter, upperLetter,
 * lowerRoman, upperRoman, decimalZero, none; anything else as decimal). */
void vp_fmt_list_number(const char *fmt, int v, vp_buf *out);

/* Appends one table row: cells[i] holds cell i's text, one paragraph a line.  Line k of the
 * row is line k of every cell, trimmed, joined by " | " (a one-cell row is its lines), so
 * side-by-side blocks such as the two-column header or "Nơi nhận" beside the signature read
 * as the page shows them.  A row with no text gives one empty line. */
void vp_fmt_table_row(const vp_buf *cells, size_t ncell, vp_buf *out);

/* A group's row of a table of width columns ("I. Công tác tuyên truyền" across the table) as
 * "I | Công tác tuyên truyền": 1 when the row was one and was appended, else 0 (nothing added). */
int vp_fmt_group_row(const vp_buf *cells, size_t ncell, size_t width, vp_buf *out);

/* Joins the paragraphs of each cell of a row of a table of width columns (3 or more) into one
 * line of the cell's text; a row holding a block of the page or a table is left as it is. */
void vp_fmt_join_cells(vp_fmt_ctx *c, vp_buf *cells, size_t ncell, size_t width);

/* Ends a row of a table of width columns read by its grid: above[i] takes column i's text for
 * the row after unless kept[i] (kept may be NULL), the row is appended, the cells are freed. */
void vp_fmt_grid_row(vp_buf *cells, size_t ncell, size_t width, const int *kept, vp_buf *above, vp_buf *out);

#endif
