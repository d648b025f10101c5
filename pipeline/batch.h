/* batch.h - `vnplan run`: inputs walked in sorted order, worker threads, ordered index.xml. */
#ifndef VP_BATCH_H
#define VP_BATCH_H

#include "process.h"

typedef struct vp_batch_opts {
    const char *const *inputs;
    size_t ninputs;
    const char *outdir;
    int jobs;           /* worker threads; <= 0: number of cores */
    int force;          /* redo documents even when unchanged */
    int shard_k, shard_n; /* 1-based shard K of N; N == 0: no sharding */
    int progress;       /* -1 auto (stderr is a terminal), 0 off, 1 on */
    int compare;        /* pair documents and write compliance files (default on) */
    const char *rules_dir; /* where report.xsl is read from */
    vp_rules *jit;      /* cfg's rules, JIT-compiled as the workers use them when the batch is
                         * large enough (VP_JIT_FROM_BYTES); NULL: left as they are */
} vp_batch_opts;

/* Returns the exit status: 0 all ok, 1 some inputs failed, 2 the run itself failed. */
int vp_batch_run(const vp_batch_opts *o, const vp_config *cfg);
/* The number of workers -j asks for: asked when above 0, else one a core online (at least 1). */
int vp_batch_jobs(int asked);

/* A digest of the sources vnplan was built from (the Makefile computes it), recorded in
 * index.xml: outputs of another build are redone.  "unknown" when built without it. */
const char *vp_batch_build_id(void);

/* Joins the index.xml files of shards into OUT/index.xml. Returns an exit status. */
int vp_batch_merge(const char *const *indexes, size_t n, const char *out);

#endif
