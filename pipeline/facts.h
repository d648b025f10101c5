/* facts.h - stage 3b: references, targets, deadlines, assignments and budget. */
#ifndef VP_FACTS_H
#define VP_FACTS_H

#include "rules.h"
#include "vnplan.h"

/* Runs the families "references", "targets", "deadlines", "assignments" and "budget" over
 * the text of every node of doc (after vp_structure) and over the header, and appends the
 * facts, in text order, to doc->refs, doc->targets, doc->deadlines, doc->assignments and
 * doc->budget, each with its item id, line and span in `t`.  Allocations go to doc->arena;
 * doubtful findings to doc->diags.  Returns 0. */
int vp_facts(vp_doc *doc, const vp_text *t, const vp_rules *rules, vp_matcher *m);

#endif
