/* test_compare.c - drives the compare stage on vnplan XML files, for tests/suite_compare.sh.
 *
 *   test_compare RULES CHILD.xml PARENT.xml          prints the compliance XML (link="given")
 *   test_compare RULES -run OUTDIR XML...            pairs the XML files (paths relative to
 *                                                    OUTDIR), writes compliance/ and report.html,
 *                                                    prints "pair CHILD PARENT FILE SCORE" and
 *                                                    "near CHILD PARENT REASON" lines
 *   test_compare RULES -clause TEXT...               prints, one line a TEXT, the level its
 *                                                    report goes to ("-" when none) and 1 when
 *                                                    it is of the whole of a task, else 0
 *   test_compare RULES -subject UNIT INDICATOR...    prints, one line a pair, whom or what a
 *                                                    target of them counts ("-" when unsaid)
 */
#include "compare.h"
#include "compare_int.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: test_compare RULES CHILD.xml PARENT.xml | RULES -run OUTDIR XML...\n");
        return 2;
    }
    xmlInitParser();
    char err[1024] = "";
    vp_rules *rules = vp_rules_load(argv[1], err, sizeof err);
    if (!rules) {
        fprintf(stderr, "test_compare: %s\n", err);
        return 2;
    }
    int rc = 0;
    if (!strcmp(argv[2], "-clause")) {
        vp_cmp_cfg *cfg = vp_cmp_cfg_new(rules, err, sizeof err);
        if (!cfg) {
            fprintf(stderr, "test_compare: %s\n", err);
            rc = 2;
        }
        for (int i = 3; cfg && i < argc; i++) {
            const char *to = vp_report_to(cfg, argv[i]);
            printf("%s %d\n", to ? to : "-", vp_whole_said(cfg, argv[i]));
        }
        vp_cmp_cfg_free(cfg);
    } else if (!strcmp(argv[2], "-subject")) {
        vp_cmp_cfg *cfg = vp_cmp_cfg_new(rules, err, sizeof err);
        vp_arena *a = cfg ? vp_arena_new() : NULL;
        if (!cfg) {
            fprintf(stderr, "test_compare: %s\n", err);
            rc = 2;
        }
        for (int i = 3; cfg && i + 1 < argc; i += 2) {
            const char *s = vp_subject_of(cfg, a, argv[i], argv[i + 1], NULL);
            printf("%s\n", s ? s : "-");
        }
        vp_arena_free(a);
        vp_cmp_cfg_free(cfg);
    } else if (!strcmp(argv[2], "-run")) {
        /* TEST_THREADS: compare on that many threads (the output must not change) */
        int threads = getenv("TEST_THREADS") ? atoi(getenv("TEST_THREADS")) : 1;
        size_t n = (size_t)(argc - 4);
        vp_run_doc *docs = calloc(n + 1, sizeof *docs);
        for (size_t i = 0; i < n; i++) {
            docs[i].source = argv[4 + i];
            docs[i].xml = argv[4 + i];
        }
        char xsl[4096];
        snprintf(xsl, sizeof xsl, "%s/report.xsl", argv[1]);
        vp_pairs p;
        if (vp_compare_run_xsl(argv[3], docs, n, rules, xsl, threads, &p, err, sizeof err) < 0) {
            fprintf(stderr, "test_compare: %s\n", err);
            rc = 1;
        } else {
            for (size_t i = 0; i < p.npairs; i++)
                printf("pair %s %s %s %.3f\n", p.pairs[i].child, p.pairs[i].parent, p.pairs[i].file, p.pairs[i].score);
            for (size_t i = 0; i < p.nnear; i++)
                printf("near %s %s %s\n", p.near[i].child, p.near[i].parent, p.near[i].reason);
            vp_pairs_free(&p);
        }
        free(docs);
    } else {
        size_t cl = 0, pl = 0;
        unsigned char *cb = NULL, *pb = NULL;
        char rerr[512];
        if (vp_read_file(argv[2], SIZE_MAX - 1, &cb, &cl, rerr, sizeof rerr) != 0)
            cb = NULL;
        if (vp_read_file(argv[3], SIZE_MAX - 1, &pb, &pl, rerr, sizeof rerr) != 0)
            pb = NULL;
        char *c = (char *)cb, *p = (char *)pb;
        if (!c || !p) {
            fprintf(stderr, "test_compare: cannot read %s\n", c ? argv[3] : argv[2]);
            rc = 2;
        } else {
            char *out = NULL;
            size_t ol = 0;
            if (vp_compare_xml(c, cl, argv[2], p, pl, argv[3], rules, &out, &ol, err, sizeof err) < 0) {
                fprintf(stderr, "test_compare: %s\n", err);
                rc = 1;
            } else {
                fwrite(out, 1, ol, stdout);
            }
            free(out);
        }
        free(c);
        free(p);
    }
    vp_rules_free(rules);
    xmlCleanupParser();
    return rc;
}
