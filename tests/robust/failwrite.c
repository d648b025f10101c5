/* failwrite.c - LD_PRELOAD shim for tests/suite_robust.sh: rename() fails with ENOSPC
 * when its target path contains $FAILWRITE_MATCH (as a full disk would at the last step). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
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
