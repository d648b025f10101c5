/* process.c - one document through convert, normalise, structure, facts and XML. */
#include "process.h"

#include "facts.h"
#include "sha256.h"
#include "structure.h"
#include "xmlout.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int vp_process(const char *source, const unsigned char *bytes, size_t len, const vp_config *cfg, vp_matcher *m,
               int upto, vp_result *res)
{
    memset(res, 0, sizeof *res);
    res->doc = vp_doc_new();
    vp_doc *doc = res->doc;
    double t0 = now();
    if (vp_convert(source, bytes, len, &cfg->limits, &res->conv, &doc->diags, res->err, sizeof res->err) != 0)
        return -1;
    double t1 = now();
    res->t_convert = t1 - t0;
    if (upto == VP_STAGE_CONVERT)
        return 0;
    if (vp_normalise(res->conv.data, res->conv.len, cfg->rules, m, &cfg->norm, &res->text, &doc->diags, res->err,
                     sizeof res->err) != 0)
        return -1;
    double t2 = now();
    res->t_normalise = t2 - t1;
    if (upto == VP_STAGE_NORMALISE)
        return 0;
    unsigned char h[32];
    char hex[65];
    vp_sha256(bytes, len, h);
    vp_sha256_hex(h, hex);
    doc->source = vp_arena_strdup(doc->arena, source);
    doc->sha256 = vp_arena_strdup(doc->arena, hex);
    doc->format = res->conv.format;
    doc->encoding = res->conv.encoding;
    vp_structure(doc, &res->text, cfg->rules, m);
    double t3 = now();
    res->t_structure = t3 - t2;
    vp_facts(doc, &res->text, cfg->rules, m);
    double t4 = now();
    res->t_facts = t4 - t3;
    if (vp_xml_document(doc, &res->xml, &res->xmllen, res->err, sizeof res->err) != 0)
        return -1;
    res->t_xml = now() - t4;
    res->warnings = (int)doc->diags.n;
    return 0;
}

void vp_result_free(vp_result *res)
{
    vp_utf8_free(&res->conv);
    vp_text_free(&res->text);
    vp_doc_free(res->doc);
    free(res->xml);
    memset(res, 0, sizeof *res);
}

int vp_read_file(const char *path, size_t max, unsigned char **out, size_t *len, char *err, size_t errlen)
{
    *out = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open: %s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        snprintf(err, errlen, "cannot read: %s", strerror(errno));
        close(fd);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "is a folder, not a file");
        close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "not a regular file");
        close(fd);
        return -1;
    }
    if ((size_t)st.st_size > max) {
        snprintf(err, errlen, "file too large (%lld bytes; the limit is %zu)", (long long)st.st_size, max);
        close(fd);
        return -1;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    unsigned char *buf = vp_xmalloc(cap);
    for (;;) {
        if (n == cap - 1) {
            if (cap - 1 >= max) {
                snprintf(err, errlen, "file too large (the limit is %zu bytes)", max);
                free(buf);
                close(fd);
                return -1;
            }
            cap = cap * 2;
            buf = vp_xrealloc(buf, cap);
        }
        ssize_t r = read(fd, buf + n, cap - 1 - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            snprintf(err, errlen, "cannot read: %s", strerror(errno));
            free(buf);
            close(fd);
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    buf[n] = 0;
    *out = buf;
    *len = n;
    return 0;
}

int vp_write_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
    size_t pl = strlen(path);
    char *tmp = vp_xmalloc(pl + 32);
    snprintf(tmp, pl + 32, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        free(tmp);
        return -1;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
            close(fd);
            unlink(tmp);
            free(tmp);
            return -1;
        }
        off += (size_t)w;
    }
    if (close(fd) != 0) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}
