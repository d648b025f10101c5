/* report.c - OUT/report.html from the run's summary with libxslt (rules/report.xsl).
 *
 * The page is the stylesheet applied to the summary (pairs, near-misses); its check rows, up to
 * thousands, are the stylesheet applied to chunks of ROWS_CHUNK rows read back from the rows
 * file weakest first, each chunk's trees freed before the next is read: the report's memory is
 * that of a chunk and the page, whatever the number of rows. */
#include "compare_int.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct xerr {
    char *buf;
    size_t len;
} xerr;

/* Collects the transformation's messages (first one kept) instead of printing them. */
static void on_error(void *ctx, const char *msg, ...)
{
    xerr *e = ctx;
    if (!e || !e->buf || e->buf[0])
        return;
    va_list ap;
    va_start(ap, msg);
    vsnprintf(e->buf, e->len, msg, ap);
    va_end(ap);
    size_t n = strlen(e->buf);
    while (n && (e->buf[n - 1] == '\n' || e->buf[n - 1] == ' '))
        e->buf[--n] = 0;
}

#define ROWS_CHUNK 256
#define ROWS_MARK "<!--vnplan:checks-->"

static int read_at(int fd, char *d, size_t n, long long off)
{
    while (n) {
        ssize_t r = pread(fd, d, n, (off_t)off);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        d += r;
        n -= (size_t)r;
        off += r;
    }
    return 0;
}

/* The stylesheet applied to doc, under sec; NULL with err set when it fails. */
static xmlDocPtr transform(xsltStylesheetPtr st, xmlDocPtr doc, xsltSecurityPrefsPtr sec, const char *xsl_path,
                           char *err, size_t errlen)
{
    char msg[512] = "";
    xerr xe = {msg, sizeof msg};
    xsltTransformContextPtr ctx = xsltNewTransformContext(st, doc);
    if (!ctx || xsltSetCtxtSecurityPrefs(sec, ctx) < 0) {
        if (ctx)
            xsltFreeTransformContext(ctx);
        snprintf(err, errlen, "cannot set up the report transformation");
        return NULL;
    }
    xsltSetTransformErrorFunc(ctx, &xe, on_error);
    xmlDocPtr res = xsltApplyStylesheetUser(st, doc, NULL, NULL, NULL, ctx);
    int bad = !res || ctx->state != XSLT_STATE_OK;
    xsltFreeTransformContext(ctx);
    if (bad) {
        if (res)
            xmlFreeDoc(res);
        snprintf(err, errlen, "%s: the report transformation failed%s%s", xsl_path, msg[0] ? ": " : "", msg);
        return NULL;
    }
    return res;
}

/* The rows of rank `rank`, ROWS_CHUNK at a time, laid out by the stylesheet and written to out. */
static int write_rows(int out, xsltStylesheetPtr st, xsltSecurityPrefsPtr sec, const char *xsl_path, int rfd,
                      const vp_report_row *rows, size_t nrows, int rank, char *err, size_t errlen)
{
    static const char open_el[] = "<checks xmlns=\"" VP_NS "\">", close_el[] = "</checks>";
    size_t i = 0;
    vp_buf cb = {0};
    int rc = 0;
    while (rc == 0) {
        cb.len = 0;
        vp_buf_adds(&cb, open_el);
        size_t taken = 0;
        for (; i < nrows && taken < ROWS_CHUNK; i++) {
            if (rows[i].rank != rank)
                continue;
            vp_buf_grow(&cb, rows[i].len + 1);
            if (read_at(rfd, cb.data + cb.len, rows[i].len, rows[i].off) < 0) {
                snprintf(err, errlen, "cannot read the report's rows back: %s", strerror(errno));
                rc = -1;
                break;
            }
            cb.len += rows[i].len;
            taken++;
        }
        if (rc < 0 || !taken)
            break;
        vp_buf_add(&cb, close_el, sizeof close_el - 1);
        xmlDocPtr doc = xmlReadMemory(cb.data, (int)(cb.len > INT_MAX ? INT_MAX : cb.len), NULL, "UTF-8",
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
        if (!doc) {
            snprintf(err, errlen, "cannot read the report's rows back");
            rc = -1;
            break;
        }
        xmlDocPtr res = transform(st, doc, sec, xsl_path, err, errlen);
        xmlFreeDoc(doc);
        if (!res) {
            rc = -1;
            break;
        }
        xmlOutputBufferPtr ob = xmlAllocOutputBuffer(NULL);
        if (!ob) {
            xmlFreeDoc(res);
            snprintf(err, errlen, "cannot serialise the report's rows");
            rc = -1;
            break;
        }
        for (xmlNodePtr n = res->children; n; n = n->next)
            if (n->type == XML_ELEMENT_NODE)
                htmlNodeDumpFormatOutput(ob, res, n, "UTF-8", 1);
        xmlOutputBufferWrite(ob, 1, "\n");
        const xmlChar *c = xmlOutputBufferGetContent(ob);
        size_t cl = xmlOutputBufferGetSize(ob);
        if (ob->error || !c || vp_write_all(out, (const char *)c, cl) < 0) {
            snprintf(err, errlen, "cannot write the report: %s", ob->error ? "out of memory" : strerror(errno));
            rc = -1;
        }
        xmlOutputBufferClose(ob);
        xmlFreeDoc(res);
    }
    vp_buf_free(&cb);
    return rc;
}

int vp_report_html(const char *xsl_path, const char *summary_path, const char *rows_path, const vp_report_row *rows,
                   size_t nrows, const char *out_path, char *err, size_t errlen)
{
    int rc = -1, out = -1, rfd = -1;
    xsltStylesheetPtr st = NULL;
    xmlDocPtr doc = NULL, res = NULL, sdoc = NULL;
    xsltSecurityPrefsPtr sec = NULL;
    xmlChar *html = NULL;
    int hlen = 0;
    char *tmp = NULL;

    sdoc = xmlReadFile(xsl_path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!sdoc) {
        snprintf(err, errlen, "%s: cannot read the report stylesheet", xsl_path);
        goto done;
    }
    st = xsltParseStylesheetDoc(sdoc);
    if (!st) {
        snprintf(err, errlen, "%s: not a usable XSLT stylesheet", xsl_path);
        goto done;
    }
    sdoc = NULL; /* owned by st now */
    sec = xsltNewSecurityPrefs();
    if (!sec || xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) < 0 ||
        xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) < 0 ||
        xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) < 0 ||
        xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid) < 0) {
        snprintf(err, errlen, "cannot set up the report transformation");
        goto done;
    }
    doc = xmlReadFile(summary_path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    if (!doc) {
        snprintf(err, errlen, "%s: cannot read the report summary", summary_path);
        goto done;
    }
    res = transform(st, doc, sec, xsl_path, err, errlen);
    if (!res)
        goto done;
    xmlFreeDoc(doc);
    doc = NULL;
    if (xsltSaveResultToString(&html, &hlen, res, st) < 0 || !html || hlen <= 0) {
        snprintf(err, errlen, "%s: cannot serialise the report", out_path);
        goto done;
    }
    xmlFreeDoc(res);
    res = NULL;
    size_t pl = strlen(out_path);
    tmp = vp_xmalloc(pl + 32);
    snprintf(tmp, pl + 32, "%s.tmp.%ld", out_path, (long)getpid());
    out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) {
        snprintf(err, errlen, "cannot write %s: %s", out_path, strerror(errno));
        goto done;
    }
    const char *page = (const char *)html, *mark = NULL;
    if (nrows)
        mark = memmem(page, (size_t)hlen, ROWS_MARK, sizeof ROWS_MARK - 1);
    size_t before = mark ? (size_t)(mark - page) : (size_t)hlen;
    if (vp_write_all(out, page, before) < 0) {
        snprintf(err, errlen, "cannot write %s: %s", out_path, strerror(errno));
        goto done;
    }
    if (mark) {
        rfd = open(rows_path, O_RDONLY | O_CLOEXEC);
        if (rfd < 0) {
            snprintf(err, errlen, "%s: cannot read the report's rows: %s", rows_path, strerror(errno));
            goto done;
        }
        for (int rank = 0; rank <= 3; rank++)
            if (write_rows(out, st, sec, xsl_path, rfd, rows, nrows, rank, err, errlen) < 0)
                goto done;
        size_t after = before + sizeof ROWS_MARK - 1;
        if (vp_write_all(out, page + after, (size_t)hlen - after) < 0) {
            snprintf(err, errlen, "cannot write %s: %s", out_path, strerror(errno));
            goto done;
        }
    }
    if ((fsync(out) != 0 && errno != EINVAL && errno != EROFS)) {
        snprintf(err, errlen, "cannot write %s: %s", out_path, strerror(errno));
        goto done;
    }
    int cl = close(out);
    out = -1;
    if (cl != 0 || rename(tmp, out_path) != 0) {
        snprintf(err, errlen, "cannot write %s: %s", out_path, strerror(errno));
        goto done;
    }
    free(tmp);
    tmp = NULL;
    rc = 0;
done:
    if (out >= 0)
        close(out);
    if (tmp) {
        unlink(tmp);
        free(tmp);
    }
    if (rfd >= 0)
        close(rfd);
    xmlFree(html);
    if (res)
        xmlFreeDoc(res);
    if (sec)
        xsltFreeSecurityPrefs(sec);
    if (doc)
        xmlFreeDoc(doc);
    if (st)
        xsltFreeStylesheet(st);
    if (sdoc)
        xmlFreeDoc(sdoc);
    return rc;
}
