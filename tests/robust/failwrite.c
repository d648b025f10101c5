/* failwrite.c - LD_PRELOAD shim for tests/suite_robust.sh: rename() fails with ENOSPC
 * when its target path contains $FAILWRITE_MATCH (as a full disk would at the last step);
 * open() fails with EACCES when the path contains $FAILREAD_MATCH. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rename(const char *from, const char *to)
{
    static int (*real)(const char *, const char *);
    const char *m = getenv("FAILWRITE_MATCH");
    if (m && *m && to && strstr(to, m)) {
        errno = ENOSPC;
        return -1;
    }
    if (!real)
        real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    return real ? real(from, to) : (errno = ENOSYS, -1);
}

/* open() fails with EACCES when the path contains $FAILREAD_MATCH (an unreadable file, for
 * tests that run as root, where chmod 000 does not stop reading). */
static int fail_open(const char *path)
{
    const char *m = getenv("FAILREAD_MATCH");
    if (m && *m && path && strstr(path, m)) {
        errno = EACCES;
        return 1;
    }
    return 0;
}

int open(const char *path, int flags, ...)
{
    static int (*real)(const char *, int, ...);
    va_list ap;
    va_start(ap, flags);
    int mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, int) : 0;
    va_end(ap);
    if (fail_open(path))
        return -1;
    if (!real)
        real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
    return real ? real(path, flags, mode) : (errno = ENOSYS, -1);
}

int open64(const char *path, int flags, ...)
{
    static int (*real)(const char *, int, ...);
    va_list ap;
    va_start(ap, flags);
    int mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, int) : 0;
    va_end(ap);
    if (fail_open(path))
        return -1;
    if (!real)
        real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open64");
    return real ? real(path, flags, mode) : (errno = ENOSYS, -1);
}
