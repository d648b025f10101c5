/* process.h - one document through every stage, in memory. */
#ifndef VP_PROCESS_H
#define VP_PROCESS_H

#include "convert.h"
#include "normalise.h"
#include "rules.h"
#include "vnplan.h"

/* What every worker shares, read-only. */
typedef struct vp_config {
    const vp_rules *rules;
    vp_limits limits;
    vp_norm_opts norm;
} vp_config;

typedef enum { VP_STAGE_CONVERT = 1, VP_STAGE_NORMALISE = 2, VP_STAGE_EXTRACT = 4 } vp_stage_mask;

typedef struct vp_result {
    vp_utf8 conv;       /* converted text (owned) */
    vp_text text;       /* normalised text (owned) */
    vp_doc *doc;        /* owned */
    char *xml;          /* owned */
    size_t xmllen;
    int warnings;       /* number of diagnostics */
    char err[512];      /* reason when vp_process returns -1 */
    double t_convert, t_normalise, t_structure, t_facts, t_xml; /* seconds */
} vp_result;

/* Runs the stages up to `upto` (VP_STAGE_CONVERT, _NORMALISE or _EXTRACT) on `bytes`.
 * `source` is written into the XML as given; `sha256` is the hex SHA-256 of bytes when the
 * caller already has it, NULL to compute it here.  m (and ic, the iconv descriptors, NULL
 * for ones of this document only) belong to the calling thread.  Returns 0, or -1 with
 * res->err set.  Always call vp_result_free() afterwards. */
int vp_process(const char *source, const unsigned char *bytes, size_t len, const char *sha256, const vp_config *cfg,
               vp_matcher *m, vp_iconvs *ic, int upto, vp_result *res);
void vp_result_free(vp_result *res);

#endif
