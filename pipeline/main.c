/* main.c - the vnplan command line.  Only this file prints. */
#include "batch.h"
#include "compare.h"
#include "process.h"
#include "xmlmem.h"

#include <libgen.h>
#include <libxml/parser.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char USAGE[] =
    "usage: vnplan COMMAND [OPTIONS] ARGS\n"
    "\n"
    "Turns Vietnamese government plans into structured, checkable XML.\n"
    "\n"
    "commands:\n"
    "  run IN... -o OUT [-j N] [--force] [--shard K/N] [--no-compare]\n"
    "                         process files and folders (walked recursively, sorted, hidden ones left out)\n"
    "                         into OUT:\n"
    "                         NAME.xml and NAME.txt per document, index.xml, compliance/, report.html\n"
    "  convert FILE [--explain]  the text of FILE as UTF-8 (any format or encoding)\n"
    "  normalise FILE         the normalised text of FILE\n"
    "  extract FILE           the XML of FILE\n"
    "                         (convert, normalise, extract: FILE - reads standard input)\n"
    "  compare CHILD PARENT   compliance XML of a lower-level plan against the plan it implements\n"
    "  merge INDEX... -o OUT  join the index.xml files of shards\n"
    "\n"
    "options:\n"
    "  --rules DIR            rule folder (default: $VNPLAN_RULES, else rules/ beside the program)\n"
    "  --tone=new|old         tone-mark placement: hòa/thủy (new, default) or hoà/thuỷ (old)\n"
    "  --time-limit S         seconds one document may take (default 30)\n"
    "  -h, --help             this help\n"
    "  --version              the version\n"
    "\n"
    "exit status: 0 all went well, 1 some inputs failed, 2 bad usage\n";

static int usage_error(const char *msg)
{
    fprintf(stderr, "vnplan: %s\n", msg);
    fprintf(stderr, "Try 'vnplan --help'.\n");
    return 2;
}

static char *default_rules_dir(void)
{
    const char *env = getenv("VNPLAN_RULES");
    if (env && *env)
        return strdup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *dir = dirname(exe);
        char cand[PATH_MAX + 16];
        snprintf(cand, sizeof cand, "%s/rules", dir);
        if (access(cand, R_OK) == 0)
            return strdup(cand);
        snprintf(cand, sizeof cand, "%s/../share/vnplan/rules", dir);
        if (access(cand, R_OK) == 0)
            return strdup(cand);
    }
    return strdup("rules");
}

/* Whether the documents of a one-document command (convert, normalise, extract, compare) are
 * large enough for JIT-compiling the rules to pay (a batch decides for itself).  Standard input
 * counts when it is a file. */
static int jit_pays(const char *const *args, size_t nargs)
{
    long long total = 0;
    for (size_t i = 0; i < nargs; i++) {
        struct stat st;
        if ((strcmp(args[i], "-") == 0 ? fstat(0, &st) : stat(args[i], &st)) == 0 && S_ISREG(st.st_mode))
            total += st.st_size;
    }
    return total >= VP_JIT_FROM_BYTES;
}

/* Reads a whole file ("-": standard input); prints the error itself. */
static int read_input(const char *path, const vp_config *cfg, unsigned char **bytes, size_t *len)
{
    char err[512];
    int rc = strcmp(path, "-") == 0 ? vp_read_fd(0, cfg->limits.max_input, bytes, len, err, sizeof err)
                                    : vp_read_file(path, cfg->limits.max_input, bytes, len, err, sizeof err);
    if (rc != 0) {
        fprintf(stderr, "vnplan: %s: %s\n", path, err);
        return 1;
    }
    return 0;
}

/* Runs the stages up to `upto` on the bytes of path; prints the error itself.
 * res is always to be freed with vp_result_free. */
static int run_stages(const char *path, const unsigned char *bytes, size_t len, const vp_config *cfg, int upto,
                      vp_result *res)
{
    vp_matcher *m = vp_matcher_new(cfg->rules);
    int rc = vp_process(path, bytes, len, NULL, cfg, m, NULL, upto, res);
    vp_matcher_free(m);
    if (rc != 0) {
        fprintf(stderr, "vnplan: %s: %s\n", path, res->err);
        return 1;
    }
    return 0;
}

/* Reads and processes one file up to a stage. */
static int one(const char *path, const vp_config *cfg, int upto, vp_result *res)
{
    unsigned char *bytes = NULL;
    size_t len = 0;
    memset(res, 0, sizeof *res);
    if (read_input(path, cfg, &bytes, &len) != 0)
        return 1;
    int rc = run_stages(path, bytes, len, cfg, upto, res);
    free(bytes);
    return rc;
}

static int write_stdout(const char *data, size_t len)
{
    if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
        fprintf(stderr, "vnplan: cannot write to standard output\n");
        return 1;
    }
    return 0;
}

/* A vnplan XML file is used as it is; anything else goes through the pipeline. */
static int load_xml_or_process(const char *path, const vp_config *cfg, char **xml, size_t *len)
{
    unsigned char *bytes = NULL;
    size_t n = 0;
    if (read_input(path, cfg, &bytes, &n) != 0)
        return 1;
    if (n > 5 && memmem(bytes, n < 4096 ? n : 4096, "urn:vnplan:1", 12) &&
        memmem(bytes, n < 4096 ? n : 4096, "<document", 9)) {
        *xml = (char *)bytes;
        *len = n;
        return 0;
    }
    vp_result res;
    int rc = run_stages(path, bytes, n, cfg, VP_STAGE_EXTRACT, &res);
    free(bytes);
    if (rc == 0) {
        *xml = res.xml;
        *len = res.xmllen;
        res.xml = NULL;
    }
    vp_result_free(&res);
    return rc;
}

/* glibc gives the top of its heap back to the system as soon as 128 KB of it are free, and takes it
 * again on the next allocation: compiling the rules (pcre2's JIT allocates and frees big buffers) and
 * each document's buffers then fault in fresh pages over and over.  Keeping up to 32 MB lets the
 * memory be reused; blocks of 4 MB and more still come from (and go back by) mmap.  These are
 * hints: where they are refused (another allocator), only the speed differs. */
static void tune_malloc(void)
{
#ifdef __GLIBC__
    (void)mallopt(M_TRIM_THRESHOLD, 32 << 20);
    (void)mallopt(M_TOP_PAD, 1 << 20);
    (void)mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
}

int main(int argc, char **argv)
{
    tune_malloc();
    vp_xml_memory_install(); /* before any other libxml2 call */
    if (argc < 2)
        return usage_error("no command given");
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
        fputs(USAGE, stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("vnplan %s\nbuild %s\n", VP_VERSION, vp_batch_build_id());
        return 0;
    }
    const char *cmd = argv[1];
    const char *rules_dir = NULL;
    const char *outdir = NULL;
    const char **args = calloc((size_t)argc, sizeof *args);
    if (!args)
        return 2;
    size_t nargs = 0;
    int jobs = 0, force = 0, explain = 0, compare = 1, shard_k = 0, shard_n = 0, progress = -1;
    vp_config cfg;
    memset(&cfg, 0, sizeof cfg);
    vp_limits_default(&cfg.limits);
    cfg.limits.explain = strcmp(cmd, "convert") == 0; /* only convert --explain shows it */
    cfg.limits.read_markup = strcmp(cmd, "convert") != 0; /* convert prints a text file's own text */
    cfg.norm.tone = VP_TONE_NEW;
    int rc = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && i + 1 < argc)
            outdir = argv[++i];
        else if (strcmp(a, "-j") == 0 && i + 1 < argc) {
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || v < 1 || v > 256) {
                free(args);
                return usage_error("-j wants a number of workers from 1 to 256");
            }
            jobs = (int)v;
        } else if (strncmp(a, "-j", 2) == 0 && a[2]) {
            char *end;
            long v = strtol(a + 2, &end, 10);
            if (*end || v < 1 || v > 256) {
                free(args);
                return usage_error("-j wants a number of workers from 1 to 256");
            }
            jobs = (int)v;
        } else if (strcmp(a, "--time-limit") == 0 && i + 1 < argc) {
            char *end;
            double v = strtod(argv[++i], &end);
            if (*end || !(v > 0 && v <= 86400)) {
                free(args);
                return usage_error("--time-limit wants seconds per document, more than 0 and at most 86400");
            }
            cfg.limits.max_seconds = v;
        } else if (strcmp(a, "--rules") == 0 && i + 1 < argc)
            rules_dir = argv[++i];
        else if (strcmp(a, "--force") == 0)
            force = 1;
        else if (strcmp(a, "--explain") == 0)
            explain = 1;
        else if (strcmp(a, "--no-compare") == 0)
            compare = 0;
        else if (strcmp(a, "--progress") == 0)
            progress = 1;
        else if (strcmp(a, "--no-progress") == 0)
            progress = 0;
        else if (strcmp(a, "--tone=old") == 0)
            cfg.norm.tone = VP_TONE_OLD;
        else if (strcmp(a, "--tone=new") == 0)
            cfg.norm.tone = VP_TONE_NEW;
        else if (strcmp(a, "--shard") == 0 && i + 1 < argc) {
            if (sscanf(argv[++i], "%d/%d", &shard_k, &shard_n) != 2 || shard_n < 1 || shard_k < 1 ||
                shard_k > shard_n) {
                free(args);
                return usage_error("--shard wants K/N with 1 <= K <= N");
            }
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(USAGE, stdout);
            free(args);
            return 0;
        } else if (a[0] == '-' && a[1]) {
            char m[256];
            snprintf(m, sizeof m, "unknown option '%s'", a);
            free(args);
            return usage_error(m);
        } else
            args[nargs++] = a;
    }

    int known = strcmp(cmd, "run") == 0 || strcmp(cmd, "convert") == 0 || strcmp(cmd, "normalise") == 0 ||
                strcmp(cmd, "normalize") == 0 || strcmp(cmd, "extract") == 0 || strcmp(cmd, "compare") == 0 ||
                strcmp(cmd, "merge") == 0;
    if (!known) {
        char m[256];
        snprintf(m, sizeof m, "unknown command '%s'", cmd);
        free(args);
        return usage_error(m);
    }
    if (strcmp(cmd, "merge") == 0) {
        if (nargs < 1 || !outdir) {
            free(args);
            return usage_error("merge wants INDEX... -o OUT");
        }
        xmlInitParser();
        rc = vp_batch_merge(args, nargs, outdir);
        free(args);
        xmlCleanupParser();
        return rc;
    }
    if (strcmp(cmd, "run") == 0 && (nargs < 1 || !outdir)) {
        free(args);
        return usage_error("run wants IN... -o OUT");
    }
    if (strcmp(cmd, "compare") == 0 && nargs != 2) {
        free(args);
        return usage_error("compare wants CHILD PARENT");
    }
    if (strcmp(cmd, "run") != 0 && strcmp(cmd, "compare") != 0 && nargs != 1) {
        free(args);
        return usage_error("this command wants exactly one FILE");
    }

    char *rd = rules_dir ? strdup(rules_dir) : default_rules_dir();
    char err[1024];
    xmlInitParser();
    /* the rules are JIT-compiled by as many threads as documents are processed by (-j N, else
     * one a core) when the documents are large enough; a batch compiles them itself when it
     * knows its documents */
    int jit = strcmp(cmd, "run") != 0 && jit_pays(args, nargs) ? vp_batch_jobs(jobs) : 0;
    /* convert and normalise stop before the stages that read the other families (convert reads
     * the layout's column blocks in a table's row: a header's blocks side by side; normalise
     * reads the heads of a table's columns of three of them: a table flattened a cell a line) */
    static const char *const convert_fams[] = {"fonts", "layout", NULL};
    static const char *const normalise_fams[] = {"fonts", "layout", "assignments", "deadlines", "targets", NULL};
    const char *const *fams = strcmp(cmd, "convert") == 0     ? convert_fams
                              : strcmp(cmd, "normalise") == 0 ||
                                        strcmp(cmd, "normalize") == 0 ? normalise_fams
                                                                      : NULL;
    vp_rules *rules = vp_rules_load_some(rd, jit, fams, err, sizeof err);
    if (!rules) {
        fprintf(stderr, "vnplan: %s\n", err);
        free(rd);
        free(args);
        return 2;
    }
    cfg.rules = rules;
    vp_norm_tables *ntabs = vp_norm_tables_new(rules, cfg.norm.tone); /* once, for every document */
    cfg.norm.tables = ntabs;

    if (strcmp(cmd, "run") == 0) {
        vp_batch_opts o;
        memset(&o, 0, sizeof o);
        o.inputs = args;
        o.ninputs = nargs;
        o.outdir = outdir;
        o.jobs = jobs;
        o.force = force;
        o.shard_k = shard_k;
        o.shard_n = shard_n;
        o.progress = progress;
        o.compare = compare;
        o.rules_dir = rd;
        o.jit = rules;
        rc = vp_batch_run(&o, &cfg);
    } else if (strcmp(cmd, "compare") == 0) {
        char *cx = NULL, *px = NULL;
        size_t cl = 0, pl = 0;
        rc = load_xml_or_process(args[0], &cfg, &cx, &cl);
        if (rc == 0)
            rc = load_xml_or_process(args[1], &cfg, &px, &pl);
        if (rc == 0) {
            char *out = NULL;
            size_t ol = 0;
            if (vp_compare_xml(cx, cl, args[0], px, pl, args[1], rules, &out, &ol, err, sizeof err) != 0) {
                fprintf(stderr, "vnplan: %s: %s\n", args[0], err);
                rc = 1;
            } else
                rc = write_stdout(out, ol);
            free(out);
        }
        free(cx);
        free(px);
    } else {
        int upto = strcmp(cmd, "convert") == 0 ? VP_STAGE_CONVERT
                   : strcmp(cmd, "extract") == 0 ? VP_STAGE_EXTRACT
                                                  : VP_STAGE_NORMALISE;
        vp_result res;
        rc = one(args[0], &cfg, upto, &res);
        if (rc == 0) {
            if (upto == VP_STAGE_CONVERT) {
                rc = write_stdout(res.conv.data, res.conv.len);
                if (explain)
                    fprintf(stderr, "format=%s encoding=%s confidence=%.2f%s%s\n", res.conv.format,
                            res.conv.encoding, res.conv.confidence, res.conv.explain ? " why: " : "",
                            res.conv.explain ? res.conv.explain : "");
                for (const vp_diag *g = explain && res.doc ? res.doc->diags.first : NULL; g; g = g->next)
                    fprintf(stderr, "warning: %s: %s\n", g->code, g->msg);
            } else if (upto == VP_STAGE_NORMALISE)
                rc = write_stdout(res.text.data, res.text.len);
            else
                rc = write_stdout(res.xml, res.xmllen);
        }
        vp_result_free(&res);
    }
    vp_norm_tables_free(ntabs);
    vp_rules_free(rules);
    free(rd);
    free(args);
    xmlCleanupParser();
    return rc;
}
