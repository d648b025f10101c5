/* outdir.c - the output folder of a run: folders made as needed, one run at a time (a lock),
 * and the temporary files an interrupted run left behind. */
#include "outdir.h"

#include "vnplan.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

int vp_mkdirs(const char *path)
{
    /* the usual case: the folder is there already (or only its last part is missing) */
    if (mkdir(path, 0755) == 0 || errno == EEXIST)
        return 0;
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

/* Is `name` an output's temporary file, FILE.{xml,txt,html}.tmp.PID (vp_write_atomic)? */
static int is_tmp_name(const char *name)
{
    const char *t = NULL;
    for (const char *p = strstr(name, ".tmp."); p; p = strstr(p + 1, ".tmp."))
        t = p;
    if (!t || !t[5])
        return 0;
    for (const char *p = t + 5; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    static const char *const ext[] = {".xml", ".txt", ".html"};
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
        size_t l = strlen(ext[i]);
        if ((size_t)(t - name) > l && memcmp(t - l, ext[i], l) == 0)
            return 1;
    }
    return 0;
}

static size_t remove_stale(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        /* a file the listing says is regular and that is not named as a temporary one is
         * left alone without a look at it */
        if (de->d_type == DT_REG && !is_tmp_name(de->d_name))
            continue;
        size_t pl = strlen(dir) + strlen(de->d_name) + 2;
        char *path = vp_xmalloc(pl);
        snprintf(path, pl, "%s/%s", dir, de->d_name);
        struct stat st;
        if (lstat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode) && depth < 64)
                n += remove_stale(path, depth + 1);
            else if (S_ISREG(st.st_mode) && is_tmp_name(de->d_name) && unlink(path) == 0)
                n++;
        }
        free(path);
    }
    closedir(d);
    return n;
}

size_t vp_outdir_remove_stale(const char *outdir) { return remove_stale(outdir, 0); }

int vp_outdir_lock(const char *outdir, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/.vnplan.lock", outdir);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        snprintf(err, errlen, "cannot write to the output folder: %s", strerror(errno));
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        close(fd);
        if (e == ENOLCK || e == ENOTSUP || e == EINVAL)
            return -2;
        if (e == EWOULDBLOCK)
            snprintf(err, errlen, "another vnplan run is writing to this folder");
        else
            snprintf(err, errlen, "cannot lock the output folder: %s", strerror(e));
        return -1;
    }
    return fd;
}
