/* fuzz_pipeline.c - libFuzzer target: arbitrary bytes through convert, normalise and
 * extract (structure, facts, XML).  FUZZ_STAGE selects the last stage at build time. */
#include "process.h"

#include <stdlib.h>

#ifndef FUZZ_STAGE
#define FUZZ_STAGE VP_STAGE_EXTRACT
#endif

static vp_rules *rules;
static vp_config cfg;
static vp_matcher *matcher;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char err[1024];
    const char *dir = getenv("VNPLAN_RULES");
    rules = vp_rules_load(dir ? dir : "rules", err, sizeof err);
    if (!rules)
        abort();
    vp_limits_default(&cfg.limits);
    cfg.limits.max_seconds = 5;
    cfg.rules = rules;
    matcher = vp_matcher_new(rules);
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    vp_result res;
    vp_process("fuzz", data, size, NULL, &cfg, matcher, NULL, FUZZ_STAGE, &res);
    vp_result_free(&res);
    return 0;
}
