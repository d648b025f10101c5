/* fuzz_pipeline.c - libFuzzer target: arbitrary bytes through convert, normalise and
 * extract (structure, facts, XML).  VNPLAN_FUZZ_STAGE (convert, normalise or extract, the
 * default) selects the last stage; one build serves the three. */
#include "process.h"

#include <stdlib.h>
#include <string.h>

static vp_rules *rules;
static vp_config cfg;
static vp_matcher *matcher;
static int stage = VP_STAGE_EXTRACT;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char err[1024];
    const char *dir = getenv("VNPLAN_RULES");
    const char *st = getenv("VNPLAN_FUZZ_STAGE");
    if (st && strcmp(st, "convert") == 0)
        stage = VP_STAGE_CONVERT;
    else if (st && strcmp(st, "normalise") == 0)
        stage = VP_STAGE_NORMALISE;
    else if (st && strcmp(st, "extract") != 0)
        abort();
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
    vp_process("fuzz", data, size, NULL, &cfg, matcher, NULL, stage, &res);
    vp_result_free(&res);
    return 0;
}
