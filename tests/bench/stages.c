/* stages.c - per-stage throughput of the pipeline, single-threaded, for `make bench`.
 *
 * usage: stages RULES_DIR CORPUS_DIR TMP_OUT_DIR
 * Runs vp_process() on every regular file of CORPUS_DIR (sorted, not recursive), adds up
 * the stage times vp_result reports, and times writing the .xml and .txt outputs with
 * vp_write_atomic into TMP_OUT_DIR.  Reading the files is not counted. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "detect.h"
#include "process.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: stages RULES_DIR CORPUS_DIR TMP_OUT_DIR\n");
        return 2;
    }
    char err[512] = "";
    vp_rules *rules = vp_rules_load(argv[1], err, sizeof err);
    if (!rules) {
        fprintf(stderr, "stages: %s\n", err);
        return 2;
    }
    vp_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.rules = rules;
    vp_limits_default(&cfg.limits);
    cfg.limits.explain = 0; /* as vnplan run */
    cfg.norm.tone = VP_TONE_NEW;
    vp_norm_tables *ntabs = vp_norm_tables_new(rules, cfg.norm.tone);
    cfg.norm.tables = ntabs;
    vp_matcher *m = vp_matcher_new(rules);
    vp_iconvs *ic = vp_iconvs_new();

    DIR *d = opendir(argv[2]);
    if (!d) {
        perror(argv[2]);
        return 2;
    }
    size_t n = 0, cap = 0;
    char **names = NULL;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            names = realloc(names, cap * sizeof *names);
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);

    double t[6] = {0}, t_all0 = now();
    size_t bytes = 0, ok = 0, failed = 0;
    char path[4096], out[4096];
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", argv[2], names[i]);
        unsigned char *buf = NULL;
        size_t len = 0;
        if (vp_read_file(path, cfg.limits.max_input, &buf, &len, err, sizeof err) != 0) {
            fprintf(stderr, "stages: %s: %s\n", path, err);
            failed++;
            continue;
        }
        bytes += len;
        vp_result res;
        memset(&res, 0, sizeof res);
        int rc = vp_process(names[i], buf, len, NULL, &cfg, m, ic, VP_STAGE_EXTRACT, &res);
        t[0] += res.t_convert;
        t[1] += res.t_normalise;
        t[2] += res.t_structure;
        t[3] += res.t_facts;
        t[4] += res.t_xml;
        if (rc != 0) {
            fprintf(stderr, "stages: %s: %s\n", path, res.err);
            failed++;
        } else {
            double w0 = now();
            snprintf(out, sizeof out, "%s/%s", argv[3], names[i]); /* NAME.txt: normalised text */
            int w = vp_write_atomic(out, res.text.data, res.text.len, 0, err, sizeof err);
            size_t l = strlen(out);
            if (w == 0 && l > 4) {
                memcpy(out + l - 4, ".xml", 4);
                w = vp_write_atomic(out, res.xml, res.xmllen, 0, err, sizeof err);
            }
            t[5] += now() - w0;
            if (w != 0) {
                fprintf(stderr, "stages: %s: %s\n", out, err);
                failed++;
            } else {
                ok++;
            }
        }
        vp_result_free(&res);
        free(buf);
    }
    double wall = now() - t_all0;
    static const char *stage[] = {"convert", "normalise", "structure", "facts", "xml", "write"};
    double mb = (double)bytes / 1e6, sum = 0;
    printf("stages: %zu docs (%zu ok, %zu failed), %.2f MB input, 1 thread\n", n, ok, failed, mb);
    printf("  %-10s %9s %6s %10s %10s\n", "stage", "seconds", "share", "MB/s", "docs/s");
    for (int s = 0; s < 6; s++) sum += t[s];
    for (int s = 0; s < 6; s++)
        printf("  %-10s %9.3f %5.1f%% %10.2f %10.1f\n", stage[s], t[s], sum > 0 ? 100 * t[s] / sum : 0,
               t[s] > 0 ? mb / t[s] : 0, t[s] > 0 ? (double)n / t[s] : 0);
    printf("  %-10s %9.3f %5.1f%% %10.2f %10.1f\n", "total", sum, 100.0, sum > 0 ? mb / sum : 0,
           sum > 0 ? (double)n / sum : 0);
    struct rusage ru;
    double peak = getrusage(RUSAGE_SELF, &ru) == 0 ? (double)ru.ru_maxrss / 1024.0 : 0.0; /* KB on Linux */
    printf("  (loop wall time including reading: %.3f s; peak memory of this one-thread run: %.1f MB)\n", wall, peak);

    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    vp_matcher_free(m);
    vp_iconvs_free(ic);
    vp_norm_tables_free(ntabs);
    vp_rules_free(rules);
    return failed ? 1 : 0;
}
