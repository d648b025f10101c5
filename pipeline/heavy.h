/* heavy.h - heavy documents (those that may need hundreds of megabytes) share a memory
 * budget, so several in one folder never add up.  One vp_heavy per run, shared by workers. */
#ifndef VP_HEAVY_H
#define VP_HEAVY_H

#include <pthread.h>
#include <stddef.h>

typedef struct vp_heavy {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    size_t inflight; /* estimated bytes of the heavy documents in progress */
} vp_heavy;

void vp_heavy_init(vp_heavy *h);
void vp_heavy_destroy(vp_heavy *h);

/* 0 for a light document, else its estimated peak memory in bytes. */
size_t vp_heavy_need(const unsigned char *bytes, size_t len);

/* Waits until `need` fits in the budget beside the documents in progress (a document that
 * needs more than the whole budget waits until it is alone), then counts it in. */
void vp_heavy_begin(vp_heavy *h, size_t need);
void vp_heavy_end(vp_heavy *h, size_t need);

#endif
