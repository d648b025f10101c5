/* sha256.h - SHA-256 of a byte string (FIPS 180-4). */
#ifndef VP_SHA256_H
#define VP_SHA256_H
#include <stddef.h>
void vp_sha256(const void *data, size_t len, unsigned char out[32]);
/* The same hash without the processor's SHA instructions (for tests), and whether
 * vp_sha256 uses them on this machine. */
void vp_sha256_portable(const void *data, size_t len, unsigned char out[32]);
int vp_sha256_accelerated(void);
void vp_sha256_hex(const unsigned char h[32], char out[65]);
#endif
