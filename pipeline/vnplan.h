/* vnplan.h - shared types of the vnplan pipeline.
 *
 * Data moves one way:
 *   bytes --convert--> vp_utf8 (UTF-8 text + what was detected)
 *         --normalise--> vp_text (normalised text; owns the buffer every span points into)
 *         --structure/facts--> vp_doc (meta, section tree, facts)
 *         --xmlout--> XML
 *
 * Ownership: every string and node reachable from a vp_doc lives in the document's
 * arena (vp_doc.arena) and is freed by vp_doc_free(); nothing in a vp_doc is freed alone.
 * A vp_text owns its buffers and is freed by vp_text_free().
 * Our own allocations abort with one message on out-of-memory (vp_xmalloc and friends).
 */
#ifndef VNPLAN_H
#define VNPLAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <string.h>

#define VP_VERSION "1.0.0"
#define VP_NS "urn:vnplan:1"

/* ---- memory ---------------------------------------------------------- */
void *vp_xmalloc(size_t n);
void *vp_xcalloc(size_t n, size_t size);
void *vp_xrealloc(void *p, size_t n);
char *vp_xstrdup(const char *s);
char *vp_xstrndup(const char *s, size_t n);

/* A growable byte buffer (always NUL-terminated when data != NULL). Owner frees with vp_buf_free. */
typedef struct vp_buf {
    char *data;
    size_t len, cap;
} vp_buf;
void vp_buf_grow(vp_buf *b, size_t extra); /* vp_buf_reserve when the room is not there */
/* Room for `extra` more bytes and the terminator. */
static inline void vp_buf_reserve(vp_buf *b, size_t extra)
{
    if (b->len + extra + 1 > b->cap)
        vp_buf_grow(b, extra);
}
static inline void vp_buf_add(vp_buf *b, const char *s, size_t n)
{
    vp_buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}
void vp_buf_adds(vp_buf *b, const char *s);
static inline void vp_buf_addc(vp_buf *b, char c)
{
    vp_buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = 0;
}
void vp_buf_printf(vp_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void vp_buf_vprintf(vp_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void vp_buf_free(vp_buf *b);
char *vp_buf_steal(vp_buf *b); /* returns data (never NULL), resets b */

/* An arena: many small allocations, freed together. */
typedef struct vp_arena vp_arena;
vp_arena *vp_arena_new(void);
void vp_arena_free(vp_arena *a);
void *vp_arena_alloc(vp_arena *a, size_t n);          /* zeroed */
char *vp_arena_strndup(vp_arena *a, const char *s, size_t n);
char *vp_arena_strdup(vp_arena *a, const char *s);
char *vp_arena_printf(vp_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *vp_arena_vprintf(vp_arena *a, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* ---- diagnostics ----------------------------------------------------- */
typedef struct vp_diag {
    const char *code;   /* short stable code: "blank-number", "encoding", ... */
    int line;           /* 1-based line of the normalised text, 0 if none */
    char *msg;          /* words an analyst understands */
    struct vp_diag *next;
} vp_diag;

typedef struct vp_diags {
    vp_arena *arena;    /* not owned */
    vp_diag *first, *last;
    size_t n;
} vp_diags;
void vp_diag_add(vp_diags *d, const char *code, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- spans ----------------------------------------------------------- */
typedef struct vp_span {
    size_t start, end; /* byte offsets into the normalised text, end excluded */
} vp_span;

/* ---- normalised text -------------------------------------------------- */
typedef struct vp_mapseg {
    size_t norm, orig; /* from norm offset `norm` on, offsets map to orig + (x - norm) */
} vp_mapseg;

typedef struct vp_text {
    char *data;          /* UTF-8, NUL-terminated, owned */
    size_t len;
    size_t *lines;       /* start offset of line i (0-based), owned */
    size_t nlines;
    vp_mapseg *map;      /* sorted by norm; maps back to offsets of the converted input */
    size_t nmap;
} vp_text;
void vp_text_free(vp_text *t);
size_t vp_text_line_of(const vp_text *t, size_t off);     /* 1-based line of a byte offset */
size_t vp_text_orig_of(const vp_text *t, size_t off);     /* offset in the input text */

/* ---- the document ------------------------------------------------------ */
typedef enum { VP_NODE_SECTION, VP_NODE_ITEM, VP_NODE_PARA } vp_node_type;

typedef struct vp_node {
    vp_node_type type;
    const char *id;       /* "s1", "s1.2", "s1.2.1"; paragraphs have none */
    const char *num;      /* "I", "2", "1.1", "a"; NULL when marked by a bullet */
    const char *marker;   /* "-", "+", "•" for bullets; NULL otherwise */
    const char *kind;     /* sections: objectives|tasks|budget|organisation|reporting|schedule|other */
    const char *heading;  /* heading text as written (sections; items with children) */
    const char *text;     /* own text (items without heading, paragraphs) */
    size_t line;          /* 1-based line of the first line */
    vp_span span;         /* whole node, children included */
    vp_span own;          /* the node's own line(s): heading or text */
    int depth;            /* 0 for sections */
    struct vp_node *parent, *first, *last, *next;
    struct vp_node *part; /* sections: the part over it ("B. KẾ HOẠCH NĂM 2025"), NULL when none */
} vp_node;

typedef struct vp_reference {
    const char *id, *relation, *doctype, *number, *date, *authority, *text;
    const char *title; /* the subject of a document cited by it alone, without a number */
    const char *approves; /* the words of what a decision under "Căn cứ" approves ("phê duyệt Đề án
                             …"), or NULL; not written out */
    const char *item;
    size_t line;
    vp_span span;
    struct vp_reference *next;
} vp_reference;

typedef struct vp_target {
    const char *id, *item, *value, *unit, *op, *by, *indicator;
    const char *scope; /* the unit a line of targets opens on ("Tổ dân phố Đắc Lộc 1: …"), or NULL */
    size_t line;
    vp_span span;
    struct vp_target *next;
} vp_target;

typedef struct vp_deadline {
    const char *id, *item, *kind, *from, *to, *every, *text;
    size_t line;
    vp_span span;
    struct vp_deadline *next;
} vp_deadline;

typedef struct vp_assignment {
    const char *id, *item, *role, *agency;
    size_t line;
    vp_span span;
    struct vp_assignment *next;
} vp_assignment;

typedef struct vp_budget_item {
    int is_amount;        /* 0: <source kind=...>, 1: <amount value=...> */
    const char *item, *kind, *text;
    long long value;      /* amounts only, in currency */
    const char *currency; /* ISO 4217 code; NULL: VND */
    int total;            /* an amount on a cost table's total row */
    size_t line;
    vp_span span;
    struct vp_budget_item *next;
} vp_budget_item;

typedef struct vp_meta {
    const char *authority, *authority_parent, *authority_level;
    const char *coauthority, *coauthority_level; /* a joint document's second issuer (NULL: none) */
    const char *doctype, *doctype_code;
    const char *number_text, *number_seq, *number_symbol;
    const char *place, *date_text, *date_value;
    const char *title;
    const char *period_from, *period_to;
    int school_year; /* the period is a school year ("năm học 2025-2026"): August to July */
    const char *sig_authority, *sig_position, *sig_name;
    const char *cosig_authority, *cosig_position, *cosig_name; /* a joint document's second signer */
    const char **recipients;
    const char **recipient_kind, **recipient_purpose; /* per recipient, NULL when unsaid */
    size_t nrecipients;
    const char **addressees; /* a letter's "Kính gửi: …", each one named */
    size_t naddressees;
} vp_meta;

typedef struct vp_doc {
    vp_arena *arena;                 /* owns everything below */
    const char *source, *sha256, *format, *encoding, *genre;
    vp_meta meta;
    vp_node *preamble;               /* paragraphs before the first section (VP_NODE_PARA list) */
    vp_node *body;                   /* first section; siblings via next */
    size_t body_start, body_end;     /* byte range of the body in the text */
    vp_span title_span;              /* the lines the title was read from (empty: none); facts
                                      * reads the references a title names ("Triển khai thực
                                      * hiện Nghị quyết số 32/NQ-CP …") */
    vp_reference *refs;
    vp_target *targets;
    vp_deadline *deadlines;
    vp_assignment *assignments;
    vp_budget_item *budget;
    vp_diags diags;
} vp_doc;

vp_doc *vp_doc_new(void);
void vp_doc_free(vp_doc *d);

/* ---- files --------------------------------------------------------------- */
/* Reads a whole file of at most max bytes into *out (malloc'd, NUL-terminated; caller frees).
 * Returns 0, or -1 with a one-line reason in err. */
int vp_read_file(const char *path, size_t max, unsigned char **out, size_t *len, char *err, size_t errlen);
/* Reads fd (standard input, a pipe) to its end, up to max bytes; the buffer is NUL-terminated. */
int vp_read_fd(int fd, size_t max, unsigned char **out, size_t *len, char *err, size_t errlen);
/* qsort/bsearch order of an array of strings (each element a char *): strcmp of the pointed-to. */
int vp_strp_cmp(const void *a, const void *b);
/* Writes all n bytes of d to fd (a write cut short or interrupted goes on): 0, or -1 with errno. */
int vp_write_all(int fd, const void *d, size_t n);
/* Writes data atomically: a temporary file beside path, then rename, so a reader sees the
 * old file or the new one, never half of one.  durable: fsync before the rename.
 * Returns 0, or -1 with a one-line reason in err (the old file is left as it was). */
int vp_write_atomic(const char *path, const char *data, size_t len, int durable, char *err, size_t errlen);
/* The same, with the process id the temporary file is named after given by the caller (a
 * batch asks for it once, not once a file). */
int vp_write_atomic_pid(const char *path, const char *data, size_t len, int durable, long pid, char *err,
                        size_t errlen);

/* ---- time -------------------------------------------------------------- */
double vp_now(void); /* monotonic clock, seconds */


/* ---- small helpers shared by stages ------------------------------------ */
int vp_utf8_valid(const char *s, size_t n);
/* Decode one UTF-8 code point at s (n bytes available); returns its length (>=1), cp=-1 if invalid. */
int vp_utf8_decode(const char *s, size_t n, int32_t *cp);
/* The same, with ASCII and the common two- and three-byte forms decoded in line (the lead
 * bytes C2-DF, E1-EC and EE-EF have no overlong or surrogate forms to refuse). */
static inline int vp_utf8_decode_fast(const char *s, size_t n, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char b = n ? u[0] : 0;
    if (n && b < 0x80) {
        *cp = b;
        return 1;
    }
    if (b >= 0xC2 && b <= 0xDF && n >= 2 && (u[1] & 0xC0) == 0x80) {
        *cp = (int32_t)(b & 0x1F) << 6 | (u[1] & 0x3F);
        return 2;
    }
    if (((b >= 0xE1 && b <= 0xEC) || b >= 0xEE) && b <= 0xEF && n >= 3 && (u[1] & 0xC0) == 0x80 &&
        (u[2] & 0xC0) == 0x80) {
        *cp = (int32_t)(b & 0x0F) << 12 | (int32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
        return 3;
    }
    return vp_utf8_decode(s, n, cp);
}
int vp_utf8_encode(int32_t cp, char out[4]);
/* The value of hexadecimal digit c (0-9, a-f, A-F), or -1. */
int vp_hex_digit(int c);
/* A copy of s fit for an XML 1.0 attribute or text (malloc'd, caller frees): bytes that are
 * not UTF-8 and control characters other than tab, newline and carriage return become
 * U+FFFD.  File names may hold any byte; the XML vnplan writes must stay well-formed. */
char *vp_xml_safe(const char *s);

#endif
