/* structure.h - stage 3a: header fields (meta), genre and the section/item tree. */
#ifndef VP_STRUCTURE_H
#define VP_STRUCTURE_H

#include "rules.h"
#include "vnplan.h"

/* Fills doc->meta, doc->genre, doc->preamble, doc->body from the normalised text `t`
 * (families "header", "sections", "items", "genre").  Everything is allocated in
 * doc->arena; odd findings go to doc->diags.  Returns 0. */
int vp_structure(vp_doc *doc, const vp_text *t, const vp_rules *rules, vp_matcher *m);

/* Depth-first walk over preamble then body: calls fn for every node (pre-order). */
void vp_walk(const vp_doc *doc, void (*fn)(const vp_node *n, void *ctx), void *ctx);

#endif
