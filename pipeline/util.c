/* util.c - allocation, buffers, arenas, diagnostics, UTF-8 helpers, files and the clock. */
#include "vnplan.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void oom(size_t n)
{
    fprintf(stderr, "vnplan: out of memory (%zu bytes)\n", n);
    abort();
}

void *vp_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    return p;
}

void *vp_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom(n * size);
    return p;
}

void *vp_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    return q;
}

char *vp_xstrndup(const char *s, size_t n)
{
    char *p = vp_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *vp_xstrdup(const char *s) { return vp_xstrndup(s, strlen(s)); }

/* ---- vp_buf ---- */
void vp_buf_grow(vp_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = vp_xrealloc(b->data, cap);
    b->cap = cap;
}

void vp_buf_adds(vp_buf *b, const char *s) { vp_buf_add(b, s, strlen(s)); }


/* Formatted into the room the buffer has (at least 256 bytes), the usual case; a longer
 * text a second time, once there is room for it.  (Measuring first, with a null buffer,
 * costs glibc more than formatting.) */
void vp_buf_vprintf(vp_buf *b, const char *fmt, va_list ap)
{
    vp_buf_reserve(b, 256);
    size_t room = b->cap - b->len;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(b->data + b->len, room, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        b->data[b->len] = 0;
        return;
    }
    if ((size_t)n >= room) {
        vp_buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void vp_buf_printf(vp_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vp_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void vp_buf_free(vp_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *vp_buf_steal(vp_buf *b)
{
    char *p = b->data ? b->data : vp_xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

/* ---- arena ---- */
typedef struct vp_chunk {
    struct vp_chunk *next;
    size_t used, cap;
    max_align_t data[];
} vp_chunk;

struct vp_arena {
    vp_chunk *head;
};

vp_arena *vp_arena_new(void) { return vp_xcalloc(1, sizeof(vp_arena)); }

void vp_arena_free(vp_arena *a)
{
    if (!a)
        return;
    vp_chunk *c = a->head;
    while (c) {
        vp_chunk *n = c->next;
        free(c);
        c = n;
    }
    free(a);
}

void *vp_arena_alloc(vp_arena *a, size_t n)
{
    const size_t al = sizeof(max_align_t);
    n = (n + al - 1) / al * al;
    if (!n)
        n = al;
    vp_chunk *c = a->head;
    if (!c || c->used + n > c->cap) {
        size_t cap = n > 16384 ? n : 16384;
        c = vp_xmalloc(sizeof(vp_chunk) + cap);
        c->used = 0;
        c->cap = cap;
        c->next = a->head;
        a->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

char *vp_arena_strndup(vp_arena *a, const char *s, size_t n)
{
    char *p = vp_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *vp_arena_strdup(vp_arena *a, const char *s) { return vp_arena_strndup(a, s, strlen(s)); }

/* Formatted once into a buffer on the stack, the usual case (ids, dates, short joins); a
 * longer text a second time, into its place. */
char *vp_arena_vprintf(vp_arena *a, const char *fmt, va_list ap)
{
    char small[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return vp_arena_strdup(a, "");
    char *p = vp_arena_alloc(a, (size_t)n + 1);
    if ((size_t)n < sizeof small)
        memcpy(p, small, (size_t)n + 1);
    else
        vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *vp_arena_printf(vp_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = vp_arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

/* ---- diagnostics ---- */
void vp_diag_add(vp_diags *d, const char *code, int line, const char *fmt, ...)
{
    if (!d || !d->arena)
        return;
    vp_diag *g = vp_arena_alloc(d->arena, sizeof *g);
    g->code = code;
    g->line = line;
    va_list ap;
    va_start(ap, fmt);
    g->msg = vp_arena_vprintf(d->arena, fmt, ap);
    va_end(ap);
    if (d->last)
        d->last->next = g;
    else
        d->first = g;
    d->last = g;
    d->n++;
}

/* ---- document ---- */
vp_doc *vp_doc_new(void)
{
    vp_doc *d = vp_xcalloc(1, sizeof *d);
    d->arena = vp_arena_new();
    d->diags.arena = d->arena;
    return d;
}

void vp_doc_free(vp_doc *d)
{
    if (!d)
        return;
    vp_arena_free(d->arena);
    free(d);
}

/* ---- text ---- */
void vp_text_free(vp_text *t)
{
    if (!t)
        return;
    free(t->data);
    free(t->lines);
    free(t->map);
    memset(t, 0, sizeof *t);
}

size_t vp_text_line_of(const vp_text *t, size_t off)
{
    size_t lo = 0, hi = t->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (t->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo + 1;
}

size_t vp_text_orig_of(const vp_text *t, size_t off)
{
    if (!t->nmap)
        return off;
    size_t lo = 0, hi = t->nmap;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (t->map[mid].norm <= off)
            lo = mid;
        else
            hi = mid;
    }
    if (t->map[lo].norm > off)
        return off;
    return t->map[lo].orig + (off - t->map[lo].norm);
}

/* ---- UTF-8 ---- */
int vp_utf8_decode(const char *s, size_t n, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0) {
        *cp = -1;
        return 1;
    }
    unsigned c = u[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    int len;
    int32_t v;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
    } else {
        *cp = -1;
        return 1;
    }
    if ((size_t)len > n) {
        *cp = -1;
        return 1;
    }
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    if ((len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) || (len == 4 && (v < 0x10000 || v > 0x10FFFF))) {
        *cp = -1;
        return 1;
    }
    *cp = v;
    return len;
}

int vp_utf8_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            while (i + 8 <= n) { /* ASCII eight bytes at a time */
                uint64_t w;
                memcpy(&w, s + i, 8);
                if (w & 0x8080808080808080ULL)
                    break;
                i += 8;
            }
            continue;
        }
        int32_t cp;
        int l = vp_utf8_decode_fast(s + i, n - i, &cp);
        if (cp < 0)
            return 0;
        i += (size_t)l;
    }
    return 1;
}

int vp_hex_digit(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

int vp_utf8_encode(int32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

char *vp_xml_safe(const char *s)
{
    size_t n = strlen(s);
    vp_buf b = {0};
    vp_buf_reserve(&b, n);
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int l = vp_utf8_decode(s + i, n - i, &cp);
        if (cp < 0 || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF)
            vp_buf_adds(&b, "\xEF\xBF\xBD");
        else
            vp_buf_add(&b, s + i, (size_t)l);
        i += (size_t)l;
    }
    return vp_buf_steal(&b);
}

/* ---- files ---- */
/* Reads fd to its end into a new NUL-terminated buffer, first cap bytes, at most max bytes of
 * data (`what` names the input in the error).  regular: a read that returns less than it
 * asked for is the end (a regular file); otherwise (a pipe) only a read that returns 0. */
static int read_to_end(int fd, size_t cap, size_t max, int regular, const char *what, unsigned char **out,
                       size_t *len, char *err, size_t errlen)
{
    size_t n = 0;
    unsigned char *buf = vp_xmalloc(cap);
    for (;;) {
        if (n > max)
            break;
        if (n == cap - 1) {
            cap *= 2;
            buf = vp_xrealloc(buf, cap);
        }
        size_t want = cap - 1 - n;
        if (max - n < want)
            want = max - n + 1; /* one byte past the limit says it is passed */
        ssize_t r = read(fd, buf + n, want);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            snprintf(err, errlen, "cannot read: %s", strerror(errno));
            free(buf);
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (regular && (size_t)r < want)
            break;
    }
    if (n > max) {
        snprintf(err, errlen, "%s too large (the limit is %zu bytes)", what, max);
        free(buf);
        return -1;
    }
    buf[n] = 0;
    *out = buf;
    *len = n;
    return 0;
}

int vp_read_file(const char *path, size_t max, unsigned char **out, size_t *len, char *err, size_t errlen)
{
    *out = NULL;
    *len = 0;
    /* O_NONBLOCK: opening a named pipe must not wait for a writer (it is refused below) */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
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
        snprintf(err, errlen, "%s", S_ISFIFO(st.st_mode) ? "not a regular file (a named pipe)" : "not a regular file");
        close(fd);
        return -1;
    }
    if ((size_t)st.st_size > max) {
        snprintf(err, errlen, "file too large (%lld bytes; the limit is %zu)", (long long)st.st_size, max);
        close(fd);
        return -1;
    }
    /* room for one byte more than the size: a read that returns less than it asked for is
     * the end of a regular file, so a file that did not grow is read with one call */
    int rc = read_to_end(fd, (size_t)st.st_size + 2, max, 1, "file", out, len, err, errlen);
    close(fd);
    return rc;
}

int vp_read_fd(int fd, size_t max, unsigned char **out, size_t *len, char *err, size_t errlen)
{
    *out = NULL;
    *len = 0;
    return read_to_end(fd, (size_t)1 << 16, max, 0, "input", out, len, err, errlen);
}

int vp_strp_cmp(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

int vp_write_all(int fd, const void *d, size_t n)
{
    const char *p = d;
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int vp_write_atomic(const char *path, const char *data, size_t len, int durable, char *err, size_t errlen)
{
    return vp_write_atomic_pid(path, data, len, durable, (long)getpid(), err, errlen);
}

int vp_write_atomic_pid(const char *path, const char *data, size_t len, int durable, long pid, char *err,
                        size_t errlen)
{
    size_t pl = strlen(path);
    char *tmp = vp_xmalloc(pl + 32);
    snprintf(tmp, pl + 32, "%s.tmp.%ld", path, pid);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        free(tmp);
        return -1;
    }
    if (vp_write_all(fd, data, len) < 0) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        close(fd);
        unlink(tmp);
        free(tmp);
        return -1;
    }
    if (durable && fsync(fd) != 0 && errno != EINVAL && errno != EROFS) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        close(fd);
        unlink(tmp);
        free(tmp);
        return -1;
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

/* ---- time ---- */
double vp_now(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return 0.0;
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
