/* xmlout.h - stage 4: a vp_doc as vnplan XML (urn:vnplan:1). */
#ifndef VP_XMLOUT_H
#define VP_XMLOUT_H

#include "vnplan.h"

/* Serialises doc; on success returns 0 and a malloc'd buffer (caller frees) in *out. */
int vp_xml_document(const vp_doc *doc, char **out, size_t *outlen, char *err, size_t errlen);

#endif
