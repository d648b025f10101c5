/* batch.c - `vnplan run`: walk inputs in sorted order, process them on worker threads,
 * write every output atomically, then index.xml in input order (so -j 1 and -j N give
 * byte-identical files), skipping documents that have not changed since the last run. */
#include "batch.h"

#include "compare.h"
#include "sha256.h"

#include <dirent.h>
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef enum { ST_PENDING, ST_OK, ST_WARNING, ST_ERROR, ST_SKIPPED } status;

typedef struct job {
    char *source;  /* path as found (input as given, joined with the walk) */
    char *name;    /* output name without extension, relative to outdir */
    status st;
    char *msg;     /* error text */
    char sha[65];
    int warnings;
    size_t bytes;
    /* from the previous index, when present */
    char *prev_sha, *prev_status;
    int prev_warnings;
} job;

typedef struct jobs {
    job *v;
    size_t n, cap;
} jobs;

typedef struct visited {
    dev_t *dev;
    ino_t *ino;
    size_t n;
} visited;

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void push_job(jobs *J, const char *source, const char *name)
{
    if (J->n == J->cap) {
        J->cap = J->cap ? J->cap * 2 : 64;
        J->v = vp_xrealloc(J->v, J->cap * sizeof *J->v);
    }
    job *j = &J->v[J->n++];
    memset(j, 0, sizeof *j);
    j->source = vp_xstrdup(source);
    j->name = vp_xstrdup(name);
}

static void push_error(jobs *J, const char *source, const char *msg)
{
    push_job(J, source, "");
    J->v[J->n - 1].st = ST_ERROR;
    J->v[J->n - 1].msg = vp_xstrdup(msg);
}

static char *strip_ext(const char *rel)
{
    const char *slash = strrchr(rel, '/');
    const char *dot = strrchr(rel, '.');
    if (dot && (!slash || dot > slash + 1))
        return vp_xstrndup(rel, (size_t)(dot - rel));
    return vp_xstrdup(rel);
}

static void walk(jobs *J, visited *V, const char *dir, const char *rel, const char *outreal, int depth)
{
    if (depth > 64) {
        push_error(J, dir, "folders nested too deeply");
        return;
    }
    struct stat st;
    if (stat(dir, &st) != 0) {
        char m[256];
        snprintf(m, sizeof m, "cannot open folder: %s", strerror(errno));
        push_error(J, dir, m);
        return;
    }
    for (size_t i = 0; i < V->n; i++)
        if (V->dev[i] == st.st_dev && V->ino[i] == st.st_ino) {
            push_error(J, dir, "symbolic link loop: folder already visited");
            return;
        }
    V->dev = vp_xrealloc(V->dev, (V->n + 1) * sizeof *V->dev);
    V->ino = vp_xrealloc(V->ino, (V->n + 1) * sizeof *V->ino);
    V->dev[V->n] = st.st_dev;
    V->ino[V->n] = st.st_ino;
    V->n++;
    if (outreal) {
        char *real = realpath(dir, NULL);
        int same = real && strcmp(real, outreal) == 0;
        free(real);
        if (same)
            return; /* never read our own output folder */
    }
    DIR *d = opendir(dir);
    if (!d) {
        char m[256];
        snprintf(m, sizeof m, "cannot open folder: %s", strerror(errno));
        push_error(J, dir, m);
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        names = vp_xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = vp_xstrdup(de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmpstr);
    for (size_t i = 0; i < n; i++) {
        size_t pl = strlen(dir) + strlen(names[i]) + 2;
        char *path = vp_xmalloc(pl);
        snprintf(path, pl, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
        size_t rl = strlen(rel) + strlen(names[i]) + 2;
        char *r = vp_xmalloc(rl);
        snprintf(r, rl, "%s%s%s", rel, *rel ? "/" : "", names[i]);
        struct stat s2;
        if (stat(path, &s2) != 0) {
            char m[256];
            snprintf(m, sizeof m, "cannot read: %s", strerror(errno));
            push_error(J, path, m);
        } else if (S_ISDIR(s2.st_mode)) {
            walk(J, V, path, r, outreal, depth + 1);
        } else if (S_ISREG(s2.st_mode)) {
            char *name = strip_ext(r);
            push_job(J, path, name);
            free(name);
        }
        free(path);
        free(r);
        free(names[i]);
    }
    free(names);
}

/* Jobs ordered by a key (source or name), ties in input order: a sorted view for
 * look-ups that would otherwise compare every job with every other. */
typedef struct jview {
    job **v;
    size_t n;
} jview;

static int by_name(const void *a, const void *b)
{
    const job *x = *(job *const *)a, *y = *(job *const *)b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x < y ? -1 : x > y);
}

static int by_source(const void *a, const void *b)
{
    const job *x = *(job *const *)a, *y = *(job *const *)b;
    int c = strcmp(x->source, y->source);
    return c ? c : (x < y ? -1 : x > y);
}

static jview view_of(jobs *J, int (*cmp)(const void *, const void *))
{
    jview w = {vp_xcalloc(J->n ? J->n : 1, sizeof(job *)), 0};
    for (size_t i = 0; i < J->n; i++)
        if (J->v[i].st != ST_ERROR)
            w.v[w.n++] = &J->v[i];
    qsort(w.v, w.n, sizeof *w.v, cmp);
    return w;
}

/* Two inputs that would write the same output name: all but the first in input order
 * add their extension, until every name is unique. */
static void dedupe_names(jobs *J)
{
    for (int changed = 1; changed;) {
        changed = 0;
        jview w = view_of(J, by_name);
        const job *first = w.n ? w.v[0] : NULL; /* first of the current run of one name: kept */
        for (size_t i = 1; i < w.n; i++) {
            job *j = w.v[i];
            if (strcmp(first->name, j->name) != 0) {
                first = j;
                continue;
            }
            const char *base = strrchr(j->source, '/');
            base = base ? base + 1 : j->source;
            const char *dot = strrchr(base, '.');
            char *nn = vp_xmalloc(strlen(j->name) + 32);
            sprintf(nn, "%s.%s", j->name, dot ? dot + 1 : "2");
            free(j->name);
            j->name = nn;
            changed = 1;
        }
        free(w.v);
    }
}

static int mkdirs(const char *path)
{
    char *p = vp_xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s == '/') {
            *s = 0;
            if (mkdir(p, 0755) != 0 && errno != EEXIST) {
                free(p);
                return -1;
            }
            *s = '/';
        }
    }
    int rc = (mkdir(p, 0755) != 0 && errno != EEXIST) ? -1 : 0;
    free(p);
    return rc;
}

/* ---- previous index ---- */

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = vp_xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

static void load_previous(jobs *J, const char *outdir, const char *digest)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/index.xml", outdir);
    if (access(path, R_OK) != 0)
        return;
    xmlDocPtr d = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOBLANKS);
    if (!d)
        return;
    xmlNodePtr root = xmlDocGetRootElement(d);
    char *rules = root ? prop(root, "rules") : NULL;
    char *ver = root ? prop(root, "vnplan") : NULL;
    int same = rules && ver && strcmp(rules, digest) == 0 && strcmp(ver, VP_VERSION) == 0;
    free(rules);
    free(ver);
    if (same) {
        jview by_src = view_of(J, by_source);
        for (xmlNodePtr e = root->children; e; e = e->next) {
            if (e->type != XML_ELEMENT_NODE || strcmp((const char *)e->name, "entry") != 0)
                continue;
            char *src = prop(e, "source"), *out = prop(e, "output");
            if (!src || !out) {
                free(src);
                free(out);
                continue;
            }
            /* the first job of this source not yet given its previous entry */
            size_t lo = 0, hi = by_src.n;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (strcmp(by_src.v[mid]->source, src) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            while (lo < by_src.n && by_src.v[lo]->prev_sha && strcmp(by_src.v[lo]->source, src) == 0)
                lo++;
            if (lo < by_src.n && strcmp(by_src.v[lo]->source, src) == 0) {
                job *j = by_src.v[lo];
                char *name = strip_ext(out);
                if (strcmp(name, j->name) == 0) {
                    j->prev_sha = prop(e, "sha256");
                    j->prev_status = prop(e, "status");
                    char *w = prop(e, "warnings");
                    j->prev_warnings = w ? atoi(w) : 0;
                    free(w);
                }
                free(name);
            }
            free(src);
            free(out);
        }
        free(by_src.v);
    }
    xmlFreeDoc(d);
}

/* ---- workers ---- */

typedef struct shared {
    jobs *J;
    const vp_config *cfg;
    const char *outdir;
    int force;
    atomic_size_t next;
    atomic_size_t done, errors;
    pthread_mutex_t err_lock;
    size_t total;
    int progress;
    double t0;
} shared;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void report_error(shared *S, const char *src, const char *msg)
{
    pthread_mutex_lock(&S->err_lock);
    if (S->progress)
        fputs("\r\033[K", stderr);
    fprintf(stderr, "vnplan: %s: %s\n", src, msg);
    pthread_mutex_unlock(&S->err_lock);
}

static void progress_line(shared *S)
{
    size_t done = atomic_load(&S->done), errs = atomic_load(&S->errors);
    double el = now() - S->t0;
    double rate = el > 0 ? (double)done / el : 0;
    double left = rate > 0 ? (double)(S->total - done) / rate : 0;
    pthread_mutex_lock(&S->err_lock);
    fprintf(stderr, "\r\033[K%zu/%zu files, %.0f/s, %zu errors, %.0f s left", done, S->total, rate, errs, left);
    fflush(stderr);
    pthread_mutex_unlock(&S->err_lock);
}

static int file_exists(const char *outdir, const char *name, const char *ext)
{
    char p[4096];
    snprintf(p, sizeof p, "%s/%s%s", outdir, name, ext);
    return access(p, F_OK) == 0;
}

static void do_job(shared *S, job *j, vp_matcher *m)
{
    char err[512];
    unsigned char *bytes = NULL;
    size_t len = 0;
    if (vp_read_file(j->source, S->cfg->limits.max_input, &bytes, &len, err, sizeof err) != 0) {
        j->st = ST_ERROR;
        j->msg = vp_xstrdup(err);
        return;
    }
    j->bytes = len;
    unsigned char h[32];
    vp_sha256(bytes, len, h);
    vp_sha256_hex(h, j->sha);
    if (!S->force && j->prev_sha && strcmp(j->prev_sha, j->sha) == 0 && j->prev_status &&
        strcmp(j->prev_status, "error") != 0 && file_exists(S->outdir, j->name, ".xml") &&
        file_exists(S->outdir, j->name, ".txt")) {
        j->st = strcmp(j->prev_status, "warning") == 0 ? ST_WARNING : ST_OK;
        j->warnings = j->prev_warnings;
        free(bytes);
        return;
    }
    vp_result res;
    int rc = vp_process(j->source, bytes, len, j->sha, S->cfg, m, VP_STAGE_EXTRACT, &res);
    free(bytes);
    if (rc != 0) {
        j->st = ST_ERROR;
        j->msg = vp_xstrdup(res.err);
        vp_result_free(&res);
        return;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.xml", S->outdir, j->name);
    char *slash = strrchr(path, '/');
    *slash = 0;
    if (mkdirs(path) != 0) {
        snprintf(err, sizeof err, "cannot create folder %s: %s", path, strerror(errno));
        j->st = ST_ERROR;
        j->msg = vp_xstrdup(err);
        vp_result_free(&res);
        return;
    }
    *slash = '/';
    char tpath[4096];
    snprintf(tpath, sizeof tpath, "%s/%s.txt", S->outdir, j->name);
    if (vp_write_atomic(tpath, res.text.data, res.text.len, 0, err, sizeof err) != 0 ||
        vp_write_atomic(path, res.xml, res.xmllen, 0, err, sizeof err) != 0) {
        j->st = ST_ERROR;
        j->msg = vp_xstrdup(err);
        vp_result_free(&res);
        return;
    }
    j->warnings = res.warnings;
    j->st = res.warnings ? ST_WARNING : ST_OK;
    vp_result_free(&res);
}

static void *worker(void *arg)
{
    shared *S = arg;
    vp_matcher *m = vp_matcher_new(S->cfg->rules);
    for (;;) {
        size_t i = atomic_fetch_add(&S->next, 1);
        if (i >= S->J->n)
            break;
        job *j = &S->J->v[i];
        if (j->st == ST_PENDING)
            do_job(S, j, m);
        if (j->st == ST_ERROR) {
            atomic_fetch_add(&S->errors, 1);
            report_error(S, j->source, j->msg);
        }
        size_t d = atomic_fetch_add(&S->done, 1) + 1;
        if (S->progress && (d % 16 == 0 || d == S->total))
            progress_line(S);
    }
    vp_matcher_free(m);
    return NULL;
}

/* ---- index.xml ---- */

static const char *status_name(status s)
{
    switch (s) {
    case ST_OK:
        return "ok";
    case ST_WARNING:
        return "warning";
    default:
        return "error";
    }
}

static int write_index(const char *outdir, jobs *J, const vp_pairs *P, const char *digest, char *err, size_t errlen)
{
    xmlBufferPtr buf = xmlBufferCreate();
    if (!buf) {
        snprintf(err, errlen, "cannot create the index buffer");
        return -1;
    }
    xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
    if (!w) {
        xmlBufferFree(buf);
        snprintf(err, errlen, "cannot create the index writer");
        return -1;
    }
    size_t nok = 0, nwarn = 0, nerr = 0;
    for (size_t i = 0; i < J->n; i++) {
        if (J->v[i].st == ST_OK)
            nok++;
        else if (J->v[i].st == ST_WARNING)
            nwarn++;
        else
            nerr++;
    }
    int bad = 0;
    char num[64];
#define W(call)                                                                                                       \
    do {                                                                                                              \
        if (!bad && (call) < 0)                                                                                       \
            bad = 1;                                                                                                  \
    } while (0)
#define A(n, v) W(xmlTextWriterWriteAttribute(w, BAD_CAST(n), BAD_CAST(v)))
    W(xmlTextWriterSetIndent(w, 1));
    W(xmlTextWriterSetIndentString(w, BAD_CAST "  "));
    W(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
    W(xmlTextWriterStartElement(w, BAD_CAST "index"));
    A("xmlns", VP_NS);
    A("version", "1");
    A("vnplan", VP_VERSION);
    A("rules", digest);
    snprintf(num, sizeof num, "%zu", J->n);
    A("total", num);
    snprintf(num, sizeof num, "%zu", nok);
    A("ok", num);
    snprintf(num, sizeof num, "%zu", nwarn);
    A("warning", num);
    snprintf(num, sizeof num, "%zu", nerr);
    A("error", num);
    for (size_t i = 0; i < J->n; i++) {
        job *j = &J->v[i];
        W(xmlTextWriterStartElement(w, BAD_CAST "entry"));
        A("source", j->source);
        if (j->st != ST_ERROR) {
            char *o = vp_xmalloc(strlen(j->name) + 5);
            sprintf(o, "%s.xml", j->name);
            A("output", o);
            free(o);
        }
        if (j->sha[0])
            A("sha256", j->sha);
        A("status", status_name(j->st));
        if (j->warnings) {
            snprintf(num, sizeof num, "%d", j->warnings);
            A("warnings", num);
        }
        if (j->st == ST_ERROR && j->msg)
            W(xmlTextWriterWriteString(w, BAD_CAST j->msg));
        W(xmlTextWriterEndElement(w));
    }
    if (P) {
        for (size_t i = 0; i < P->npairs; i++) {
            W(xmlTextWriterStartElement(w, BAD_CAST "pair"));
            A("child", P->pairs[i].child);
            A("parent", P->pairs[i].parent);
            if (P->pairs[i].file)
                A("file", P->pairs[i].file);
            snprintf(num, sizeof num, "%.2f", P->pairs[i].score);
            A("score", num);
            W(xmlTextWriterEndElement(w));
        }
        for (size_t i = 0; i < P->nnear; i++) {
            W(xmlTextWriterStartElement(w, BAD_CAST "near-miss"));
            A("child", P->near[i].child);
            A("parent", P->near[i].parent);
            A("reason", P->near[i].reason ? P->near[i].reason : "");
            W(xmlTextWriterEndElement(w));
        }
    }
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndDocument(w));
#undef A
#undef W
    xmlFreeTextWriter(w);
    if (bad) {
        xmlBufferFree(buf);
        snprintf(err, errlen, "the index writer failed");
        return -1;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/index.xml", outdir);
    int rc = vp_write_atomic(path, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf), 0, err, errlen);
    xmlBufferFree(buf);
    return rc;
}

static void free_jobs(jobs *J)
{
    for (size_t i = 0; i < J->n; i++) {
        free(J->v[i].source);
        free(J->v[i].name);
        free(J->v[i].msg);
        free(J->v[i].prev_sha);
        free(J->v[i].prev_status);
    }
    free(J->v);
}

int vp_batch_run(const vp_batch_opts *o, const vp_config *cfg)
{
    if (mkdirs(o->outdir) != 0) {
        fprintf(stderr, "vnplan: %s: cannot create the output folder: %s\n", o->outdir, strerror(errno));
        return 2;
    }
    char *outreal = realpath(o->outdir, NULL);
    jobs J = {0};
    visited V = {0};
    for (size_t i = 0; i < o->ninputs; i++) {
        const char *in = o->inputs[i];
        struct stat st;
        if (stat(in, &st) != 0) {
            char m[256];
            snprintf(m, sizeof m, "cannot open: %s", strerror(errno));
            push_error(&J, in, m);
        } else if (S_ISDIR(st.st_mode)) {
            walk(&J, &V, in, "", outreal, 0);
        } else {
            const char *base = strrchr(in, '/');
            char *name = strip_ext(base ? base + 1 : in);
            push_job(&J, in, name);
            free(name);
        }
    }
    free(V.dev);
    free(V.ino);
    free(outreal);
    if (o->shard_n > 0) {
        size_t k = 0;
        for (size_t i = 0; i < J.n; i++) {
            if ((int)(i % (size_t)o->shard_n) == o->shard_k - 1)
                J.v[k++] = J.v[i];
            else {
                free(J.v[i].source);
                free(J.v[i].name);
                free(J.v[i].msg);
            }
        }
        J.n = k;
    }
    dedupe_names(&J);
    load_previous(&J, o->outdir, vp_rules_digest(cfg->rules));

    shared S;
    memset(&S, 0, sizeof S);
    S.J = &J;
    S.cfg = cfg;
    S.outdir = o->outdir;
    S.force = o->force;
    S.total = J.n;
    S.progress = o->progress < 0 ? isatty(2) : o->progress;
    S.t0 = now();
    atomic_init(&S.next, 0);
    atomic_init(&S.done, 0);
    atomic_init(&S.errors, 0);
    pthread_mutex_init(&S.err_lock, NULL);
    int nj = o->jobs;
    if (nj <= 0) {
        long c = sysconf(_SC_NPROCESSORS_ONLN);
        nj = c > 0 ? (int)c : 1;
    }
    if ((size_t)nj > J.n && J.n > 0)
        nj = (int)J.n;
    if (nj > 256)
        nj = 256;
    if (nj <= 1 || J.n <= 1) {
        worker(&S);
    } else {
        pthread_t *th = vp_xmalloc(sizeof(pthread_t) * (size_t)nj);
        int started = 0;
        for (int i = 0; i < nj; i++) {
            if (pthread_create(&th[i], NULL, worker, &S) != 0)
                break;
            started++;
        }
        if (started == 0)
            worker(&S);
        for (int i = 0; i < started; i++)
            pthread_join(th[i], NULL);
        free(th);
    }
    if (S.progress)
        fputs("\r\033[K", stderr);
    pthread_mutex_destroy(&S.err_lock);

    /* pairs among the documents of this run */
    vp_pairs P = {0};
    int have_pairs = 0;
    char err[512];
    if (o->compare) {
        size_t nd = 0;
        vp_run_doc *docs = vp_xcalloc(J.n ? J.n : 1, sizeof *docs);
        char **names = vp_xcalloc(J.n ? J.n : 1, sizeof *names);
        for (size_t i = 0; i < J.n; i++) {
            if (J.v[i].st == ST_ERROR)
                continue;
            names[nd] = vp_xmalloc(strlen(J.v[i].name) + 5);
            sprintf(names[nd], "%s.xml", J.v[i].name);
            docs[nd].source = J.v[i].source;
            docs[nd].xml = names[nd];
            nd++;
        }
        char xsl[4096];
        snprintf(xsl, sizeof xsl, "%s/report.xsl", o->rules_dir ? o->rules_dir : "rules");
        if (vp_compare_run_xsl(o->outdir, docs, nd, cfg->rules, xsl, &P, err, sizeof err) != 0)
            fprintf(stderr, "vnplan: %s: comparison failed: %s\n", o->outdir, err);
        else
            have_pairs = 1;
        for (size_t i = 0; i < nd; i++)
            free(names[i]);
        free(names);
        free(docs);
    }
    int rc = 0;
    if (write_index(o->outdir, &J, have_pairs ? &P : NULL, vp_rules_digest(cfg->rules), err, sizeof err) != 0) {
        fprintf(stderr, "vnplan: %s: %s\n", o->outdir, err);
        rc = 2;
    }
    if (have_pairs)
        vp_pairs_free(&P);
    size_t nok = 0, nw = 0, ne = 0;
    for (size_t i = 0; i < J.n; i++) {
        if (J.v[i].st == ST_OK)
            nok++;
        else if (J.v[i].st == ST_WARNING)
            nw++;
        else
            ne++;
    }
    fprintf(stderr, "vnplan: %zu documents: %zu ok, %zu with warnings, %zu failed (%.2f s)\n", J.n, nok, nw, ne,
            now() - S.t0);
    free_jobs(&J);
    if (rc)
        return rc;
    return ne ? 1 : 0;
}

int vp_batch_merge(const char *const *indexes, size_t n, const char *out)
{
    xmlDocPtr merged = NULL;
    xmlNodePtr root = NULL;
    size_t tot[4] = {0};
    for (size_t i = 0; i < n; i++) {
        xmlDocPtr d = xmlReadFile(indexes[i], NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
        if (!d) {
            fprintf(stderr, "vnplan: %s: not a readable index.xml\n", indexes[i]);
            if (merged)
                xmlFreeDoc(merged);
            return 1;
        }
        xmlNodePtr r = xmlDocGetRootElement(d);
        if (!r || strcmp((const char *)r->name, "index") != 0) {
            fprintf(stderr, "vnplan: %s: not a vnplan index (root element is not index)\n", indexes[i]);
            xmlFreeDoc(d);
            if (merged)
                xmlFreeDoc(merged);
            return 1;
        }
        if (!merged) {
            merged = xmlNewDoc(BAD_CAST "1.0");
            root = xmlDocCopyNode(r, merged, 2); /* element + attributes */
            xmlDocSetRootElement(merged, root);
        }
        for (xmlNodePtr e = r->children; e; e = e->next) {
            if (e->type != XML_ELEMENT_NODE)
                continue;
            if (strcmp((const char *)e->name, "entry") == 0) {
                xmlChar *st = xmlGetProp(e, BAD_CAST "status");
                int k = !st ? 3 : strcmp((char *)st, "ok") == 0 ? 0 : strcmp((char *)st, "warning") == 0 ? 1 : 2;
                tot[k]++;
                xmlFree(st);
            }
            xmlAddChild(root, xmlDocCopyNode(e, merged, 1));
        }
        xmlFreeDoc(d);
    }
    if (!merged) {
        fprintf(stderr, "vnplan: merge: no index files given\n");
        return 2;
    }
    char num[32];
    snprintf(num, sizeof num, "%zu", tot[0] + tot[1] + tot[2] + tot[3]);
    xmlSetProp(root, BAD_CAST "total", BAD_CAST num);
    snprintf(num, sizeof num, "%zu", tot[0]);
    xmlSetProp(root, BAD_CAST "ok", BAD_CAST num);
    snprintf(num, sizeof num, "%zu", tot[1]);
    xmlSetProp(root, BAD_CAST "warning", BAD_CAST num);
    snprintf(num, sizeof num, "%zu", tot[2] + tot[3]);
    xmlSetProp(root, BAD_CAST "error", BAD_CAST num);
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpFormatMemoryEnc(merged, &mem, &len, "UTF-8", 1);
    xmlFreeDoc(merged);
    if (!mem) {
        fprintf(stderr, "vnplan: %s: cannot serialise the merged index\n", out);
        return 2;
    }
    char err[512];
    int rc = vp_write_atomic(out, (const char *)mem, (size_t)len, 0, err, sizeof err);
    xmlFree(mem);
    if (rc != 0) {
        fprintf(stderr, "vnplan: %s\n", err);
        return 2;
    }
    return 0;
}
