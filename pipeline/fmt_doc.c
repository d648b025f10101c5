/* fmt_doc.c - Word 97 .doc -> text through maintained Debian converters (RTF: fmt_rtf.c).
 *
 * The bytes go to a private temporary file; antiword (then catdoc) runs on it by fork/exec,
 * without a shell, with its standard output read through a pipe under the time limit.
 * A converter that runs too long is killed. */
#include "convert_fmt.h"
#include "detect_int.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Run argv[0] (searched in PATH) with environment envp (NULL: ours) and collect its stdout.
 * Returns its exit status, or -1. */
static int run_tool(char *const argv[], char *const envp[], vp_fmt_ctx *c, vp_buf *out, int *timed_out)
{
    int pfd[2];
    *timed_out = 0;
    if (pipe(pfd) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(pfd[0]);
        close(pfd[1]);
        return -1;
    }
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDWR);
        if (devnull >= 0) {
            dup2(devnull, 0);
            dup2(devnull, 2);
        }
        dup2(pfd[1], 1);
        close(pfd[0]);
        close(pfd[1]);
        if (envp)
            execvpe(argv[0], argv, envp);
        else
            execvp(argv[0], argv);
        _exit(127);
    }
    close(pfd[1]);
    size_t cap = c->lim->max_unzipped ? c->lim->max_unzipped : (size_t)256 << 20;
    char chunk[65536];
    for (;;) {
        double left = c->deadline - vp_convert_now();
        if (left <= 0) {
            *timed_out = 1;
            break;
        }
        struct pollfd pf = {pfd[0], POLLIN, 0};
        int pr = poll(&pf, 1, (int)(left * 1000) + 1);
        if (pr < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (pr == 0)
            continue;
        ssize_t r = read(pfd[0], chunk, sizeof chunk);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (r == 0)
            break;
        if (out->len + (size_t)r > cap) {
            *timed_out = 2;
            break;
        }
        vp_buf_add(out, chunk, (size_t)r);
    }
    close(pfd[0]);
    if (*timed_out)
        kill(pid, SIGKILL);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    if (*timed_out)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* antiword draws the page: table rows as "|cell   |cell   |" (made "cell | cell" here, as DOCX
 * rows read), paragraph indents as leading spaces and paragraph spacing as blank lines (both
 * dropped, so a .doc gives the lines the same document gives as DOCX). */
static void tidy_tables(vp_buf *b)
{
    vp_buf o = {0};
    size_t i = 0;
    while (i < b->len) {
        const char *nl = memchr(b->data + i, '\n', b->len - i);
        size_t e = nl ? (size_t)(nl - b->data) : b->len;
        const char *l = b->data + i;
        size_t n = e - i;
        if (n >= 2 && l[0] == '|' && l[n - 1] == '|') {
            size_t a = 1;
            int first = 1;
            while (a < n) {
                const char *bar = memchr(l + a, '|', n - a);
                size_t z = bar ? (size_t)(bar - l) : n;
                size_t x = a, y = z;
                while (x < y && l[x] == ' ')
                    x++;
                while (y > x && l[y - 1] == ' ')
                    y--;
                if (!first)
                    vp_buf_adds(&o, " | ");
                vp_buf_add(&o, l + x, y - x);
                first = 0;
                a = z + 1;
            }
        } else {
            size_t a = 0;
            while (a < n && (l[a] == ' ' || l[a] == '\t'))
                a++;
            if (a == n) { /* spacing between paragraphs */
                i = nl ? e + 1 : b->len;
                continue;
            }
            vp_buf_add(&o, l + a, n - a);
        }
        if (nl)
            vp_buf_addc(&o, '\n');
        i = nl ? e + 1 : b->len;
    }
    vp_buf_free(b);
    *b = o;
}

/* catdoc's own "ascii" output format deletes soft hyphens (U+00AD), and that is the byte
 * TCVN3 uses for ư: a text typed in .VnTime would lose every ư before it can be repaired.
 * catdoc reads its settings from $HOME/.catdocrc, so it runs with HOME set to a private
 * folder holding a format that keeps them (cells and rows as the ascii format has them). */
typedef struct catdoc_env {
    char dir[512];
    char home[600];
    char *envp[64];
    int ok;
} catdoc_env;

static int write_file(const char *dir, const char *name, const char *text)
{
    char path[640];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return -1;
    int rc = vp_write_all(fd, (const unsigned char *)text, strlen(text));
    return close(fd) == 0 ? rc : -1;
}

static void catdoc_env_free(catdoc_env *e)
{
    if (!e->dir[0])
        return;
    static const char *const names[] = {".catdocrc", "vnplan.specchars", "vnplan.replchars"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[640];
        snprintf(path, sizeof path, "%s/%s", e->dir, names[i]);
        unlink(path);
    }
    rmdir(e->dir);
    e->dir[0] = 0;
}

static int catdoc_env_init(catdoc_env *e, const char *tmp)
{
    memset(e, 0, sizeof *e);
    snprintf(e->dir, sizeof e->dir, "%s/vnplan-catdoc-XXXXXX", tmp);
    if (!mkdtemp(e->dir)) {
        e->dir[0] = 0;
        return -1;
    }
    char rc[600];
    snprintf(rc, sizeof rc, "map_path = %s\nformat = vnplan\n", e->dir);
    if (write_file(e->dir, ".catdocrc", rc) != 0 ||
        write_file(e->dir, "vnplan.specchars", "001C \"\\t\"\n001E \"\\n\"\n") != 0 ||
        write_file(e->dir, "vnplan.replchars", "") != 0) {
        catdoc_env_free(e);
        return -1;
    }
    snprintf(e->home, sizeof e->home, "HOME=%s", e->dir);
    size_t n = 0;
    e->envp[n++] = e->home;
    for (char **v = environ; v && *v && n + 1 < sizeof e->envp / sizeof e->envp[0]; v++)
        if (strncmp(*v, "HOME=", 5) != 0)
            e->envp[n++] = *v;
    e->envp[n] = NULL;
    e->ok = 1;
    return 0;
}

/* Converters write UTF-8 as asked; anything else is read as Windows-1252. */
static void make_utf8(vp_buf *b)
{
    if (!b->data || vp_utf8_valid(b->data, b->len))
        return;
    vp_buf fixed = {0};
    vp_detect_decode(VP_ENC_CP1252, (const unsigned char *)b->data, b->len, &fixed, NULL, 0);
    vp_buf_free(b);
    *b = fixed;
}

/* Does the text hold a line that reads as TCVN3 typed in a .VnTime font? */
static int has_tcvn3_lines(const vp_buf *b)
{
    if (!b->data)
        return 0;
    vp_buf tmp = {0};
    vp_fixlog fl;
    size_t nfixed = 0;
    memset(&fl, 0, sizeof fl);
    vp_repair_lines(b->data, b->len, &tmp, &fl, &nfixed);
    vp_buf_free(&tmp);
    return fl.count[FIX_TCVN3] > 0;
}

/* s[n] trimmed, runs of white space as one space, soft hyphens (U+00AD) left out. */
static char *soft_key(const char *s, size_t n)
{
    vp_buf k = {0};
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
            space = k.len > 0;
            continue;
        }
        if ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {
            i++;
            continue;
        }
        if (space)
            vp_buf_addc(&k, ' ');
        space = 0;
        vp_buf_addc(&k, s[i]);
    }
    return vp_buf_steal(&k);
}

typedef struct soft_cell {
    char *key;
    const char *s; /* catdoc's cell, trimmed, in its text */
    size_t n;
} soft_cell;

static int soft_cmp(const void *a, const void *b)
{
    return strcmp(((const soft_cell *)a)->key, ((const soft_cell *)b)->key);
}

/* antiword drops Word's optional hyphen, and in a document typed in .VnTime fonts that byte
 * (0xAD) is the letter ư: "Đầu tư" comes out "Đầu t".  catdoc keeps it (see catdoc_env).  Every
 * line, or table cell (" | "), of antiword's text aw that catdoc's text cd holds with soft
 * hyphens is replaced by catdoc's version; antiword's layout (tables, list numbers) stays. */
static void restore_soft_hyphens(vp_buf *aw, const vp_buf *cd)
{
    soft_cell *v = NULL;
    size_t nv = 0, cap = 0;
    for (size_t i = 0; cd->data && i < cd->len;) {
        const char *nl = memchr(cd->data + i, '\n', cd->len - i);
        size_t e = nl ? (size_t)(nl - cd->data) : cd->len;
        for (size_t a = i; a < e;) { /* catdoc separates table cells by tabs */
            const char *tab = memchr(cd->data + a, '\t', e - a);
            size_t z = tab ? (size_t)(tab - cd->data) : e;
            size_t x = a, y = z;
            while (x < y && (cd->data[x] == ' ' || cd->data[x] == '\r'))
                x++;
            while (y > x && (cd->data[y - 1] == ' ' || cd->data[y - 1] == '\r'))
                y--;
            if (y > x && memmem(cd->data + x, y - x, "\xc2\xad", 2)) {
                if (nv == cap) {
                    cap = cap ? cap * 2 : 64;
                    v = vp_xrealloc(v, cap * sizeof *v);
                }
                v[nv].key = soft_key(cd->data + x, y - x);
                v[nv].s = cd->data + x;
                v[nv].n = y - x;
                nv++;
            }
            a = z + 1;
        }
        i = nl ? e + 1 : cd->len;
    }
    if (!nv) {
        free(v);
        return;
    }
    qsort(v, nv, sizeof *v, soft_cmp);
    vp_buf o = {0};
    for (size_t i = 0; i < aw->len;) {
        const char *nl = memchr(aw->data + i, '\n', aw->len - i);
        size_t e = nl ? (size_t)(nl - aw->data) : aw->len;
        for (size_t a = i; a <= e;) {
            const char *bar = memmem(aw->data + a, e - a, " | ", 3);
            size_t z = bar ? (size_t)(bar - aw->data) : e;
            char *k = soft_key(aw->data + a, z - a);
            soft_cell want = {k, NULL, 0};
            const soft_cell *hit = *k ? bsearch(&want, v, nv, sizeof *v, soft_cmp) : NULL;
            free(k);
            if (hit) {
                size_t x = a, y = z;
                while (x < y && aw->data[x] == ' ')
                    x++;
                while (y > x && aw->data[y - 1] == ' ')
                    y--;
                vp_buf_add(&o, aw->data + a, x - a);
                vp_buf_add(&o, hit->s, hit->n);
                vp_buf_add(&o, aw->data + y, z - y);
            } else {
                vp_buf_add(&o, aw->data + a, z - a);
            }
            if (!bar)
                break;
            vp_buf_adds(&o, " | ");
            a = z + 3;
        }
        if (nl)
            vp_buf_addc(&o, '\n');
        i = nl ? e + 1 : aw->len;
    }
    for (size_t k = 0; k < nv; k++)
        free(v[k].key);
    free(v);
    vp_buf_free(aw);
    *aw = o;
}

static int convert_with(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out, const char *what)
{
    const char *dir = getenv("TMPDIR");
    char path[512];
    snprintf(path, sizeof path, "%s/vnplan-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        vp_convert_err(c, "cannot create a temporary file for the %s converter", what);
        return -1;
    }
    if (vp_write_all(fd, s, n) != 0) {
        close(fd);
        unlink(path);
        vp_convert_err(c, "cannot write a temporary file for the %s converter", what);
        return -1;
    }
    close(fd);
    char m_opt[] = "-m", m_val[] = "UTF-8.txt", w_opt[] = "-w", w_val[] = "0";
    char d_opt[] = "-d", d_val[] = "utf-8", w2[] = "-w";
    char antiword[] = "antiword", catdoc[] = "catdoc";
    char *av1[] = {antiword, m_opt, m_val, w_opt, w_val, path, NULL};
    char *av2[] = {catdoc, d_opt, d_val, w2, path, NULL};
    int rc = -1, to = 0;
    catdoc_env ce;
    if (catdoc_env_init(&ce, dir && *dir ? dir : "/tmp") != 0)
        ce.ok = 0; /* catdoc then runs with its own settings (soft hyphens dropped) */
    char *const *catdoc_envp = ce.ok ? ce.envp : NULL;
    vp_buf cd = {0};
    rc = run_tool(av1, NULL, c, out, &to);
    if (rc != 0 && !to) { /* antiword refuses some files catdoc reads */
        out->len = 0;
        rc = run_tool(av2, catdoc_envp, c, out, &to);
    } else if (rc == 0 && ce.ok) {
        make_utf8(out);
        int to2 = 0;
        if (has_tcvn3_lines(out) && (run_tool(av2, catdoc_envp, c, &cd, &to2) != 0 || to2))
            cd.len = 0; /* antiword's text as it is */
        if (to2 == 1)
            to = 1;
    }
    catdoc_env_free(&ce);
    unlink(path);
    if (to == 1) {
        vp_buf_free(&cd);
        vp_convert_err(c, "time limit reached while converting the %s document", what);
        return -1;
    }
    if (to == 2) {
        vp_buf_free(&cd);
        vp_convert_err(c, "%s converter output exceeds the size limit", what);
        return -1;
    }
    if (rc != 0) {
        vp_buf_free(&cd);
        vp_convert_err(c, rc == 127 ? "no %s converter installed (antiword or catdoc)"
                                    : "%s converter could not read the document",
                       what);
        return -1;
    }
    make_utf8(out);
    tidy_tables(out);
    if (cd.len) {
        make_utf8(&cd);
        restore_soft_hyphens(out, &cd);
    }
    vp_buf_free(&cd);
    c->encoding = "utf-8";
    return 0;
}

int vp_fmt_doc(const unsigned char *s, size_t n, vp_fmt_ctx *c, vp_buf *out)
{
    return convert_with(s, n, c, out, "doc");
}
