/* heavy.c - the memory budget of heavy documents in a run.
 *
 * A heavy document may need hundreds of megabytes: over 4 MB on disk, of many lines (a plan
 * has a few thousand), or a zip (DOCX/ODT) whose XML parts declare many megabytes.  Heavy
 * documents share a budget: one waits until its estimated need fits beside those in
 * progress (one that needs more than the budget runs alone), so several in a folder never
 * add up.  A light document needs tens of megabytes. */
#include "heavy.h"

#include <string.h>
#include <zip.h>

#define HEAVY_BYTES ((size_t)4 << 20)
#define HEAVY_LINES 50000
#define HEAVY_UNZIPPED ((zip_uint64_t)8 << 20)
#define HEAVY_BUDGET ((size_t)512 << 20)

/* 0 for a light document, else its estimated peak memory: measured, about 8 times the
 * size of a text or PDF, and the decompressed XML plus libxml2's tree (at most 256 MB each)
 * for a DOCX/ODT. */
size_t vp_heavy_need(const unsigned char *bytes, size_t len)
{
    if (len < 4 || memcmp(bytes, "PK\x03\x04", 4) != 0) {
        size_t lines = 0;
        if (len <= HEAVY_BYTES)
            for (const unsigned char *p = bytes, *end = bytes + len; p < end && lines <= HEAVY_LINES; lines++) {
                p = memchr(p, '\n', (size_t)(end - p));
                if (!p)
                    break;
                p++;
            }
        if (len <= HEAVY_BYTES && lines <= HEAVY_LINES)
            return 0;
        size_t need = len * 8;
        return need > ((size_t)64 << 20) ? need : (size_t)64 << 20;
    }
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    zip_error_fini(&ze);
    if (!za) {
        if (src)
            zip_source_free(src);
        return 0; /* refused early by convert */
    }
    zip_uint64_t total = 0;
    zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; i < n && total <= ((zip_uint64_t)256 << 20); i++) {
        zip_stat_t st;
        if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
            (st.valid & ZIP_STAT_NAME) && strstr(st.name, ".xml"))
            total += st.size;
    }
    zip_discard(za);
    if (total <= HEAVY_UNZIPPED)
        return 0;
    return 2 * (total < ((zip_uint64_t)256 << 20) ? (size_t)total : (size_t)256 << 20);
}

void vp_heavy_init(vp_heavy *h)
{
    pthread_mutex_init(&h->lock, NULL);
    pthread_cond_init(&h->cond, NULL);
    h->inflight = 0;
}

void vp_heavy_destroy(vp_heavy *h)
{
    pthread_mutex_destroy(&h->lock);
    pthread_cond_destroy(&h->cond);
}

void vp_heavy_begin(vp_heavy *h, size_t need)
{
    pthread_mutex_lock(&h->lock);
    while (h->inflight > 0 && h->inflight + need > HEAVY_BUDGET)
        pthread_cond_wait(&h->cond, &h->lock);
    h->inflight += need;
    pthread_mutex_unlock(&h->lock);
}

void vp_heavy_end(vp_heavy *h, size_t need)
{
    pthread_mutex_lock(&h->lock);
    h->inflight -= need;
    pthread_cond_broadcast(&h->cond);
    pthread_mutex_unlock(&h->lock);
}
