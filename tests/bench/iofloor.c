/* iofloor.c - what the files alone cost: for every document of a folder, what `vnplan run`
 * asks of the kernel with no processing at all (open, stat, read and close the input; write
 * NAME.txt and NAME.xml each to a temporary file, then rename it), one thread.  The bench
 * prints it beside vnplan's own figures: the documents a second no program writing these files
 * can pass on this machine.
 *
 * usage: iofloor CORPUS_DIR OUT_DIR */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int put(const char *dir, const char *name, const char *ext, const char *buf, size_t n)
{
    char tmp[4096], path[4096];
    snprintf(tmp, sizeof tmp, "%s/.%s.%s.tmp", dir, name, ext);
    snprintf(path, sizeof path, "%s/%s.%s", dir, name, ext);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    ssize_t w = write(fd, buf, n);
    if (close(fd) != 0 || w < 0 || (size_t)w != n)
        return -1;
    return rename(tmp, path);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: iofloor CORPUS_DIR OUT_DIR\n");
        return 2;
    }
    DIR *d = opendir(argv[1]);
    if (!d) {
        perror(argv[1]);
        return 2;
    }
    size_t cap = 1 << 20, n = 0, bytes = 0;
    char *buf = malloc(cap);
    if (!buf)
        return 2;
    double t0 = now();
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], e->d_name);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            if (fd >= 0)
                close(fd);
            continue;
        }
        ssize_t r = read(fd, buf, cap);
        close(fd);
        if (r < 0)
            continue;
        if (put(argv[2], e->d_name, "txt", buf, (size_t)r) != 0 || put(argv[2], e->d_name, "xml", buf, (size_t)r) != 0) {
            perror(argv[2]);
            return 1;
        }
        n++;
        bytes += (size_t)r;
    }
    double s = now() - t0;
    closedir(d);
    free(buf);
    printf("iofloor: %zu docs, %.2f MB, %.3f s: %.1f us a document, %.0f docs/s\n", n, (double)bytes / 1e6, s,
           n ? s * 1e6 / (double)n : 0.0, s > 0 ? (double)n / s : 0.0);
    return 0;
}
