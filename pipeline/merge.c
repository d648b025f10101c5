/* merge.c - `vnplan merge`: join the index.xml files of shards (vnplan run --shard K/N). */
#include "batch.h"
#include "outdir.h"
#include "vnplan.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int vp_batch_merge(const char *const *indexes, size_t n, const char *out)
{
    xmlDocPtr merged = NULL;
    xmlNodePtr root = NULL;
    size_t tot[4] = {0};
    for (size_t i = 0; i < n; i++) {
        xmlDocPtr d = xmlReadFile(indexes[i], NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
        if (!d) {
            fprintf(stderr, "vnplan: %s: not a readable index.xml\n", indexes[i]);
            if (merged)
                xmlFreeDoc(merged);
            return 1;
        }
        xmlNodePtr r = xmlDocGetRootElement(d);
        if (!r || strcmp((const char *)r->name, "index") != 0) {
            fprintf(stderr, "vnplan: %s: not a vnplan index (root element is not index)\n", indexes[i]);
            xmlFreeDoc(d);
            if (merged)
                xmlFreeDoc(merged);
            return 1;
        }
        if (!merged) {
            merged = xmlNewDoc(BAD_CAST "1.0");
            root = xmlDocCopyNode(r, merged, 2); /* element + attributes */
            xmlDocSetRootElement(merged, root);
        }
        for (xmlNodePtr e = r->children; e; e = e->next) {
            if (e->type != XML_ELEMENT_NODE)
                continue;
            if (strcmp((const char *)e->name, "entry") == 0) {
                xmlChar *st = xmlGetProp(e, BAD_CAST "status");
                int k = !st ? 3 : strcmp((char *)st, "ok") == 0 ? 0 : strcmp((char *)st, "warning") == 0 ? 1 : 2;
                tot[k]++;
                xmlFree(st);
            }
            xmlAddChild(root, xmlDocCopyNode(e, merged, 1));
        }
        xmlFreeDoc(d);
    }
    if (!merged) {
        fprintf(stderr, "vnplan: merge: no index files given\n");
        return 2;
    }
    char num[32];
    snprintf(num, sizeof num, "%zu", tot[0] + tot[1] + tot[2] + tot[3]);
    xmlSetProp(root, BAD_CAST "total", BAD_CAST num);
    snprintf(num, sizeof num, "%zu", tot[0]);
    xmlSetProp(root, BAD_CAST "ok", BAD_CAST num);
    snprintf(num, sizeof num, "%zu", tot[1]);
    xmlSetProp(root, BAD_CAST "warning", BAD_CAST num);
    snprintf(num, sizeof num, "%zu", tot[2] + tot[3]);
    xmlSetProp(root, BAD_CAST "error", BAD_CAST num);
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpFormatMemoryEnc(merged, &mem, &len, "UTF-8", 1);
    xmlFreeDoc(merged);
    if (!mem) {
        fprintf(stderr, "vnplan: %s: cannot serialise the merged index\n", out);
        return 2;
    }
    char err[512];
    /* the folder of the output is made, as `run -o` makes its folder */
    const char *slash = strrchr(out, '/');
    if (slash && slash != out) {
        char *dir = vp_xstrdup(out);
        dir[slash - out] = 0;
        int mk = vp_mkdirs(dir);
        if (mk != 0)
            fprintf(stderr, "vnplan: cannot create folder %s: %s\n", dir, strerror(errno));
        free(dir);
        if (mk != 0) {
            xmlFree(mem);
            return 2;
        }
    }
    int rc = vp_write_atomic(out, (const char *)mem, (size_t)len, 0, err, sizeof err);
    xmlFree(mem);
    if (rc != 0) {
        fprintf(stderr, "vnplan: %s\n", err);
        return 2;
    }
    return 0;
}
