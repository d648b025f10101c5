/* compare.h - stage 5: does a lower-level plan carry out the plan it implements? */
#ifndef VP_COMPARE_H
#define VP_COMPARE_H

#include "rules.h"
#include "vnplan.h"

/* One document of a run, as written by the batch: paths relative to the output folder. */
typedef struct vp_run_doc {
    const char *source;   /* input path as given */
    const char *xml;      /* e.g. "corpus/002.xml", relative to outdir */
} vp_run_doc;

typedef struct vp_pair {
    char *child, *parent;     /* xml paths relative to outdir */
    char *file;               /* "compliance/CHILD--PARENT.xml" (NULL for near-misses) */
    char *reason;             /* near-misses: why they were not paired */
    double score;
} vp_pair;

typedef struct vp_pairs {
    vp_pair *pairs;           /* found pairs, sorted */
    size_t npairs;
    vp_pair *near;            /* near-misses */
    size_t nnear;
    vp_pair *copies;          /* documents not compared for a copy of theirs: child the copy,
                               * parent the one compared instead */
    size_t ncopies;
} vp_pairs;

void vp_pairs_free(vp_pairs *p);

/* Finds the child->parent pairs among docs (by the children's `implements` references
 * against the others' own headers), writes OUTDIR/compliance/CHILD--PARENT.xml for each and
 * OUTDIR/report.html, and fills *out.  Reads the documents' XML from outdir.  Returns 0, or
 * -1 with err. Output files are written atomically (temporary file + rename). */
int vp_compare_run(const char *outdir, const vp_run_doc *docs, size_t n, const vp_rules *rules,
                   vp_pairs *out, char *err, size_t errlen);

/* As vp_compare_run, with the report stylesheet given (vp_compare_run looks for it in
 * $VNPLAN_RULES/report.xsl, then rules/report.xsl beside the executable, then ./rules/report.xsl),
 * the documents read and the pairs compared on `threads` threads (the files written are the
 * same for any number). */
int vp_compare_run_xsl(const char *outdir, const vp_run_doc *docs, size_t n, const vp_rules *rules,
                       const char *xsl_path, int threads, vp_pairs *out, char *err, size_t errlen);

/* report.html being made on a thread of its own while the caller goes on. */
typedef struct vp_report_job vp_report_job;

/* As vp_compare_run_xsl, but with more than one thread report.html is made on its own thread
 * and *job (NULL when none was started) is to be waited for: the pairs in *out hold, and the
 * report is there, only when vp_report_wait returns 0 as well. */
int vp_compare_run_async(const char *outdir, const vp_run_doc *docs, size_t n, const vp_rules *rules,
                         const char *xsl_path, int threads, vp_pairs *out, vp_report_job **job, char *err,
                         size_t errlen);

/* Waits for report.html and frees job: 0 when it was written, else -1 with the reason in err. */
int vp_report_wait(vp_report_job *job, char *err, size_t errlen);

/* Compares two vnplan XML documents (child, parent) given as in-memory XML; the paths are
 * written into the compliance element as given.  *out is malloc'd compliance XML. */
int vp_compare_xml(const char *child_xml, size_t child_len, const char *child_path, const char *parent_xml,
                   size_t parent_len, const char *parent_path, const vp_rules *rules, char **out, size_t *outlen,
                   char *err, size_t errlen);

#endif
