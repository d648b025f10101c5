/* xmlmem.h - a memory budget for libxml2, per document.
 *
 * libxml2 allocates through vnplan's counting allocator once vp_xml_memory_install() has
 * run (in main(), before any other libxml2 call).  Between vp_xml_budget_begin(max) and
 * vp_xml_budget_end() on one thread, libxml2 allocations made by that thread beyond `max`
 * bytes fail (libxml2 then gives up on that document with an error); vp_xml_budget_end()
 * returns 1 when that happened.  The counters are per thread (one document, one budget);
 * the allocator itself is process-wide, as libxml2 has only one. */
#ifndef VP_XMLMEM_H
#define VP_XMLMEM_H

#include <stddef.h>

void vp_xml_memory_install(void);
void vp_xml_budget_begin(size_t max);
int vp_xml_budget_end(void);

#endif
