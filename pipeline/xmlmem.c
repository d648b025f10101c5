/* xmlmem.c - libxml2 allocates through a counting allocator, so one document's parse can
 * be given a memory budget (see xmlmem.h).
 *
 * Every block libxml2 allocates carries its size in a header, so the thread that frees it
 * can count it back.  A DOCX part of a few hundred megabytes of tiny paragraphs would
 * otherwise become a tree of several gigabytes before any of our limits could see it. */
#include "xmlmem.h"

#include <libxml/xmlmemory.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef union xml_hdr {
    size_t size;
    max_align_t align;
} xml_hdr;

typedef struct xml_budget {
    size_t used;  /* bytes of libxml2 blocks allocated minus freed on this thread */
    size_t limit; /* 0: no budget; else allocations may take `used` up to this */
    int over;     /* an allocation was refused since vp_xml_budget_begin */
} xml_budget;

static _Thread_local xml_budget xmlb;

static int xml_may_grow(size_t n)
{
    if (xmlb.limit && (n > xmlb.limit || xmlb.used > xmlb.limit - n)) {
        xmlb.over = 1;
        return 0;
    }
    return 1;
}

static void *xml_malloc(size_t n)
{
    if (n > SIZE_MAX - sizeof(xml_hdr) || !xml_may_grow(n))
        return NULL;
    xml_hdr *h = malloc(sizeof *h + n);
    if (!h)
        return NULL;
    h->size = n;
    xmlb.used += n;
    return h + 1;
}

static void xml_free(void *p)
{
    if (!p)
        return;
    xml_hdr *h = (xml_hdr *)p - 1;
    xmlb.used = xmlb.used > h->size ? xmlb.used - h->size : 0; /* freed by another thread */
    free(h);
}

static void *xml_realloc(void *p, size_t n)
{
    if (!p)
        return xml_malloc(n);
    xml_hdr *h = (xml_hdr *)p - 1;
    size_t old = h->size;
    if (n > SIZE_MAX - sizeof(xml_hdr) || (n > old && !xml_may_grow(n - old)))
        return NULL;
    xml_hdr *q = realloc(h, sizeof *q + n);
    if (!q)
        return NULL;
    q->size = n;
    xmlb.used = xmlb.used + n > old ? xmlb.used + n - old : 0;
    return q + 1;
}

static char *xml_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = xml_malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

void vp_xml_memory_install(void)
{
    if (xmlMemSetup(xml_free, xml_malloc, xml_realloc, xml_strdup) != 0) {
        fprintf(stderr, "vnplan: cannot install the libxml2 allocator\n");
        abort();
    }
}

void vp_xml_budget_begin(size_t max)
{
    xmlb.limit = max ? (xmlb.used > SIZE_MAX - max ? SIZE_MAX : xmlb.used + max) : 0;
    xmlb.over = 0;
}

int vp_xml_budget_end(void)
{
    int over = xmlb.over;
    xmlb.limit = 0;
    xmlb.over = 0;
    return over;
}
