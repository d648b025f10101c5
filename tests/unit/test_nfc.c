/* test_nfc.c - vp_detect_nfc normalises only the pieces of a text around characters that
 * are not their own NFC; the result must be what utf8proc gives for the whole text (then the
 * same filtering of controls), on hand-written cases (tone marks after their letter, marks to
 * reorder, marks at the start, Hangul jamo, invalid bytes) and on every line and whole file
 * given.  usage: test_nfc FILE... */
#include "convert_tables.h"
#include "detect.h"
#include "vnplan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static int pass, fail;

/* What vp_detect_nfc drops after normalising: NUL, stray controls, C1 controls, BOMs; CRLF
 * and lone CR become LF. */
static void filtered(const unsigned char *d, size_t r, vp_buf *out)
{
    for (size_t i = 0; i < r; i++) {
        unsigned char c = d[i];
        if (c == '\r') {
            if (i + 1 < r && d[i + 1] == '\n')
                continue;
            c = '\n';
        }
        if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || c == 0x7F)
            continue;
        if (c == 0xC2 && i + 1 < r && d[i + 1] >= 0x80 && d[i + 1] <= 0x9F) {
            i++;
            continue;
        }
        if (c == 0xEF && i + 2 < r && d[i + 1] == 0xBB && d[i + 2] == 0xBF) {
            i += 2;
            continue;
        }
        vp_buf_addc(out, (char)c);
    }
}

static void check(const char *s, size_t n, const char *what)
{
    vp_buf got = {0};
    char err[200] = "";
    int rc = vp_detect_nfc(s, n, &got, err, sizeof err);
    /* the reference: utf8proc on the whole text, filtered */
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t r = n ? utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE)
                           : 0;
    vp_buf want = {0};
    int wrc = r < 0 ? -1 : 0;
    if (r > 0)
        filtered(dst, (size_t)r, &want);
    free(dst);
    if (rc != wrc || (rc == 0 && (got.len != want.len || (got.len && memcmp(got.data, want.data, got.len) != 0)))) {
        printf("FAIL: %s: vp_detect_nfc %d (%zu bytes), whole text %d (%zu bytes)\n", what, rc, got.len, wrc,
               want.len);
        fail++;
    } else {
        pass++;
    }
    vp_buf_free(&got);
    vp_buf_free(&want);
}

/* The fold tables give what utf8proc gives. */
static void check_fold(const vp_fold_entry *t, int32_t lo, int32_t hi)
{
    for (int32_t cp = lo; cp <= hi; cp++) {
        utf8proc_int32_t d[8];
        int last = 0;
        utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, &last);
        const vp_fold_entry *e = &t[cp - lo];
        int same = e->n < 0 ? n > 4 : n == e->n;
        for (utf8proc_ssize_t k = 0; same && e->n >= 0 && k < n; k++)
            same = d[k] == e->cp[k];
        if (!same) {
            printf("FAIL: fold table differs from utf8proc at U+%04X\n", (unsigned)cp);
            fail++;
            return;
        }
    }
    pass++;
}

int main(int argc, char **argv)
{
    check_fold(vp_tab_fold_lat, 0xC0, 0x1BF);
    check_fold(vp_tab_fold_viet, 0x1EA0, 0x1EFF);
    static const char *hand[] = {
        "Ha\xcc\x80 No\xcc\xa3i",                    /* Hà Nội with combining marks */
        "ti\xcc\x89nh va\xcc\x80 huye\xcc\xa3\xcc\x82n", /* ỉ; ệ with the marks in the wrong order */
        "\xe1\xba\xa1\xcc\x82",                      /* ạ + circumflex: ậ */
        "\xcc\x81" "abc",                            /* a mark at the start */
        "x\xcc\x81\xcc\xa3 q\xcc\x81",               /* marks that compose with nothing */
        "\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8 a",    /* Hangul jamo: one syllable */
        "\xea\xb0\x80\xe1\x86\xa8",                  /* Hangul LV + T */
        "e\xcc\x82\xcc\x81\r\nA\xcc\x8a\xc2\x85",    /* CRLF, ring above, a C1 control */
        "\xef\xbb\xbf" "a\xcc\x80 \xe2\x80\x9c" "o\xcc\x9b\xcc\x80\xe2\x80\x9d",
        "\xe4\xb8\xad\xcc\x81\xe6\x96\x87",          /* CJK with a mark */
        "a\xcc\x80\xff b",                           /* an invalid byte */
        "o\xcc",                                     /* a cut sequence */
        "\xcc\x80",
    };
    for (size_t i = 0; i < sizeof hand / sizeof hand[0]; i++) {
        char what[32];
        snprintf(what, sizeof what, "case %zu", i + 1);
        check(hand[i], strlen(hand[i]), what);
    }
    for (int a = 1; a < argc; a++) {
        FILE *f = fopen(argv[a], "rb");
        if (!f) {
            printf("FAIL: cannot open %s\n", argv[a]);
            fail++;
            continue;
        }
        vp_buf b = {0};
        char chunk[65536];
        size_t k;
        while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
            vp_buf_add(&b, chunk, k);
        fclose(f);
        const char *s = b.data ? b.data : "";
        check(s, b.len, argv[a]);
        for (size_t i = 0; i < b.len;) {
            const char *nl = memchr(s + i, '\n', b.len - i);
            size_t e = nl ? (size_t)(nl - s) : b.len;
            check(s + i, e - i, argv[a]);
            i = e + 1;
        }
        vp_buf_free(&b);
    }
    printf("%d passed, %d failed\n", pass, fail);
    return fail != 0;
}
