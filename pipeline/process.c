/* process.c - one document through convert, normalise, structure, facts and XML, within
 * the per-document limits: a deadline checked between stages and, through the matcher,
 * every 64 rule matches inside them; a cap on lines; a budget for libxml2's memory. */
#include "process.h"

#include "facts.h"
#include "sha256.h"
#include "structure.h"
#include "xmlmem.h"
#include "xmlout.h"

#include <libxml/xmlerror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libxml2 prints some errors (a refused allocation, for one) whatever the parse options say;
 * while a document is processed they are dropped: the document's own error says what
 * happened, on one line. */
static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* Nonzero (with res->err set) when the document has used up its time. */
static int too_slow(const vp_config *cfg, vp_matcher *m, double deadline, const char *stage, vp_result *res)
{
    if (!vp_matcher_expired(m) && vp_now() <= deadline)
        return 0;
    snprintf(res->err, sizeof res->err, "time limit reached while %s (%g s per document)", stage,
             cfg->limits.max_seconds);
    return 1;
}

static int stages(const char *source, const unsigned char *bytes, size_t len, const char *sha256,
                  const vp_config *cfg, vp_matcher *m, vp_iconvs *ic, int upto, double deadline, vp_result *res)
{
    vp_doc *doc = res->doc;
    double t0 = vp_now();
    if (vp_convert(source, bytes, len, &cfg->limits, cfg->rules, m, &res->conv, &doc->diags, ic, res->err,
                   sizeof res->err) != 0)
        return -1;
    double t1 = vp_now();
    res->t_convert = t1 - t0;
    if (upto == VP_STAGE_CONVERT)
        return 0;
    if (too_slow(cfg, m, deadline, "converting", res))
        return -1;
    vp_norm_opts norm = cfg->norm;
    norm.no_toned_caps = res->conv.no_toned_caps;
    norm.plain = res->conv.format && strcmp(res->conv.format, "text") == 0;
    if (vp_normalise(res->conv.data, res->conv.len, cfg->rules, m, &norm, &res->text, &doc->diags, res->err,
                     sizeof res->err) != 0)
        return -1;
    double t2 = vp_now();
    res->t_normalise = t2 - t1;
    if (too_slow(cfg, m, deadline, "normalising", res))
        return -1;
    if (upto == VP_STAGE_NORMALISE)
        return 0;
    if (cfg->limits.max_lines && res->text.nlines > cfg->limits.max_lines) {
        snprintf(res->err, sizeof res->err, "too many lines (%zu; the limit is %zu per document)", res->text.nlines,
                 cfg->limits.max_lines);
        return -1;
    }
    char hex[65];
    if (!sha256) {
        unsigned char h[32];
        vp_sha256(bytes, len, h);
        vp_sha256_hex(h, hex);
        sha256 = hex;
    }
    char *safe = vp_xml_safe(source);
    doc->source = vp_arena_strdup(doc->arena, safe);
    free(safe);
    doc->sha256 = vp_arena_strdup(doc->arena, sha256);
    doc->format = res->conv.format;
    doc->encoding = res->conv.encoding;
    vp_structure(doc, &res->text, cfg->rules, m);
    double t3 = vp_now();
    res->t_structure = t3 - t2;
    if (too_slow(cfg, m, deadline, "finding the structure", res))
        return -1;
    vp_facts(doc, &res->text, cfg->rules, m);
    double t4 = vp_now();
    res->t_facts = t4 - t3;
    if (too_slow(cfg, m, deadline, "finding the facts", res))
        return -1;
    if (vp_xml_document(doc, &res->xml, &res->xmllen, res->err, sizeof res->err) != 0)
        return -1;
    res->t_xml = vp_now() - t4;
    res->warnings = (int)doc->diags.n;
    return 0;
}

int vp_process(const char *source, const unsigned char *bytes, size_t len, const char *sha256, const vp_config *cfg,
               vp_matcher *m, vp_iconvs *ic, int upto, vp_result *res)
{
    memset(res, 0, sizeof *res);
    res->doc = vp_doc_new();
    double deadline = vp_now() + (cfg->limits.max_seconds > 0 ? cfg->limits.max_seconds : 1e9);
    vp_matcher_set_deadline(m, deadline);
    xmlGenericErrorFunc was_func = xmlGenericError; /* this thread's handler */
    void *was_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet);
    vp_xml_budget_begin(cfg->limits.max_xml_memory);
    int rc = stages(source, bytes, len, sha256, cfg, m, ic, upto, deadline, res);
    int over = vp_xml_budget_end();
    xmlSetGenericErrorFunc(was_ctx, was_func);
    if (over) {
        snprintf(res->err, sizeof res->err, "needs more than %zu MB of memory to read (the limit per document)",
                 cfg->limits.max_xml_memory >> 20);
        rc = -1;
    }
    vp_matcher_set_deadline(m, 0);
    return rc;
}

void vp_result_free(vp_result *res)
{
    vp_utf8_free(&res->conv);
    vp_text_free(&res->text);
    vp_doc_free(res->doc);
    free(res->xml);
    memset(res, 0, sizeof *res);
}
