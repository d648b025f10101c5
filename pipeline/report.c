/* report.c - OUT/report.html from the run's summary with libxslt (rules/report.xsl). */
#include "compare_int.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int vp_report_html(const char *xsl_path, const char *summary_path, const char *out_path, char *err, size_t errlen)
{
    int rc = -1;
    xsltStylesheetPtr st = NULL;
    xmlDocPtr doc = NULL, res = NULL, sdoc = NULL;
    xsltTransformContextPtr ctx = NULL;
    xsltSecurityPrefsPtr sec = NULL;
    xmlChar *html = NULL;
    int hlen = 0;
    char msg[512] = "";
    xerr xe = {msg, sizeof msg};

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
    doc = xmlReadFile(summary_path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    if (!doc) {
        snprintf(err, errlen, "%s: cannot read the report summary", summary_path);
        goto done;
    }
    ctx = xsltNewTransformContext(st, doc);
    sec = xsltNewSecurityPrefs();
    if (!ctx || !sec) {
        snprintf(err, errlen, "cannot set up the report transformation");
        goto done;
    }
    if (xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) < 0 ||
        xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) < 0 ||
        xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) < 0 ||
        xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid) < 0 ||
        xsltSetCtxtSecurityPrefs(sec, ctx) < 0) {
        snprintf(err, errlen, "cannot set up the report transformation");
        goto done;
    }
    xsltSetTransformErrorFunc(ctx, &xe, on_error);
    res = xsltApplyStylesheetUser(st, doc, NULL, NULL, NULL, ctx);
    if (!res || ctx->state != XSLT_STATE_OK) {
        snprintf(err, errlen, "%s: the report transformation failed%s%s", xsl_path, msg[0] ? ": " : "", msg);
        goto done;
    }
    /* the summary and the transformation are done with: freed before the page is written out */
    xsltFreeTransformContext(ctx);
    ctx = NULL;
    xmlFreeDoc(doc);
    doc = NULL;
    if (xsltSaveResultToString(&html, &hlen, res, st) < 0 || !html || hlen <= 0) {
        snprintf(err, errlen, "%s: cannot serialise the report", out_path);
        goto done;
    }
    rc = vp_write_atomic(out_path, (const char *)html, (size_t)hlen, 1, err, errlen);
done:
    xmlFree(html);
    if (res)
        xmlFreeDoc(res);
    if (ctx)
        xsltFreeTransformContext(ctx);
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
