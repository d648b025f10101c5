/* process.c - one document through convert, normalise, structure, facts and XML. */
#include "process.h"

#include "facts.h"
#include "sha256.h"
#include "structure.h"
#include "xmlout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int vp_process(const char *source, const unsigned char *bytes, size_t len, const char *sha256, const vp_config *cfg,
               vp_matcher *m, int upto, vp_result *res)
{
    memset(res, 0, sizeof *res);
    res->doc = vp_doc_new();
    vp_doc *doc = res->doc;
    double t0 = now();
    if (vp_convert(source, bytes, len, &cfg->limits, &res->conv, &doc->diags, res->err, sizeof res->err) != 0)
        return -1;
    double t1 = now();
    res->t_convert = t1 - t0;
    if (upto == VP_STAGE_CONVERT)
        return 0;
    if (vp_normalise(res->conv.data, res->conv.len, cfg->rules, m, &cfg->norm, &res->text, &doc->diags, res->err,
                     sizeof res->err) != 0)
        return -1;
    double t2 = now();
    res->t_normalise = t2 - t1;
    if (upto == VP_STAGE_NORMALISE)
        return 0;
    char hex[65];
    if (!sha256) {
        unsigned char h[32];
        vp_sha256(bytes, len, h);
        vp_sha256_hex(h, hex);
        sha256 = hex;
    }
    doc->source = vp_arena_strdup(doc->arena, source);
    doc->sha256 = vp_arena_strdup(doc->arena, sha256);
    doc->format = res->conv.format;
    doc->encoding = res->conv.encoding;
    vp_structure(doc, &res->text, cfg->rules, m);
    double t3 = now();
    res->t_structure = t3 - t2;
    vp_facts(doc, &res->text, cfg->rules, m);
    double t4 = now();
    res->t_facts = t4 - t3;
    if (vp_xml_document(doc, &res->xml, &res->xmllen, res->err, sizeof res->err) != 0)
        return -1;
    res->t_xml = now() - t4;
    res->warnings = (int)doc->diags.n;
    return 0;
}

void vp_result_free(vp_result *res)
{
    vp_utf8_free(&res->conv);
    vp_text_free(&res->text);
    vp_doc_free(res->doc);
    free(res->xml);
    memset(res, 0, sizeof *res);
}
