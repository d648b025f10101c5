/* rules.c - load rules/ once, compile with pcre2 JIT, share read-only. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rules.h"
#include "prefilter.h"
#include "sha256.h"
#include "vnplan.h"

#include <dirent.h>
#include <errno.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The families vnplan reads, with the named groups and attribute keys each accepts. */
#define LEVELS "national|province|district|commune|department|other"
#define KINDS "objectives|tasks|budget|organisation|reporting|schedule|other"
/* Each family's named groups, attribute keys, and the values allowed for attributes the
 * stages act on ("key=a|b|c ..."; a key not listed takes any value). */
static const struct famspec {
    const char *name, *groups, *attrs, *values;
} FAMS[] = {
    {"layout", "text page", "action numbers",
     "action=drop|page|block|alone|join-tight|join-dash|join-word|join-number|columns|row|table-head|row-number|"
     "table-end|column-head|flat|split|running numbers=no|yes"},
    {"header", "authority parent seq symbol number place day month year doctype title name position sigauth text from to",
     "field level code since before reads kind purpose of-province issuer",
     "level=" LEVELS " before=" LEVELS " of-province=" LEVELS " kind=archive|headline purpose=report|action|coordination|direction|information"},
    {"sections", "num heading text", "kind field scope after over when", "kind=" KINDS " scope=part after=sentence when=restart|childless"},
    {"items", "num marker text", "style continues", ""},
    {"genre", "text authority number doctype day month year", "genre kind field level",
     "genre=official|news kind=" KINDS " level=" LEVELS},
    {"references", "doctype number seq symbol day month year authority title", "relation code field doctype context",
     "relation=basis|implements|cited context=required"},
    {"targets", "value unit indicator by prefix scale year verb scope", "op unit value field list carry tense scope section genre join plan shift",
     "op=ge|le|eq shift=-1 tense=future scope=sentence section=" KINDS "|scope genre=official|news"},
    {"deadlines", "d1 m1 y1 d2 m2 y2 q1 q2 y1q y2q n every name anniv", "kind every field from to after week holiday semester through days doctype",
     "kind=on|before|range|quarter|month|year|recurring through=yes"},
    {"assignments", "agency head name", "role field list carry carry-end self lead-in genre",
     "role=lead|support self=lead|support lead-in=yes|letter genre=official|news"},
    {"budget", "amount ty trieu nghin dong source times", "kind field section scale currency list",
     "kind=state|local|socialised|other currency=VND|USD|EUR section=" KINDS},
    {"facts", "text", "field", ""},
    {"fonts", "", "encoding case", "encoding=TCVN3|VNI|VPS|VISCII case=upper"},
};

struct vp_rule {
    const char *name, *where;
    const char *pattern; /* as compiled: definitions expanded */
    const char **keys, **vals;
    size_t nattrs;
    const char *field; /* the value of its attribute "field", or NULL */
    const char *section; /* its attribute "section" (the kind of section it reads in), or NULL */
    const char *genre;   /* its attribute "genre" (the genre of document it reads in), or NULL */
    pcre2_code *re;
    /* named groups: field name -> group numbers (several with DUPNAMES) */
    const char **gname;
    int *gnum;
    size_t ngroups;
    uint32_t id;   /* number among all rules, for the prefilter's bit set */
    int pf;        /* 1: run only when the prefilter found one of its literals */
    int digit;     /* 1: every match starts with a digit; tried only in runs of digits */
    int lead;      /* 1: every match starts with a literal of its leading set; tried only where
                    * the prefilter found one (vp_prefilter_leads) */
    int jit;       /* 1: JIT-compiled, run by pcre2_jit_match (no checks to repeat each call) */
    /* JIT compiled on demand (vp_rules_jit_lazy): a JIT-compiled copy of re, NULL until a
     * worker has run the rule JIT_AFTER times; the worker that claims it (jclaim) compiles
     * the copy and publishes it whole, the others meanwhile run re with the interpreter */
    _Atomic(pcre2_code *) jre;
    atomic_int jclaim;
    const uint8_t *first; /* an anchored pattern: pcre2's table of the bytes a match can start
                           * with (its first code unit bitmap), else NULL */
    const vp_startctx *sc; /* where every match starts, when the pattern says so at its start
                            * (vp_prefilter_start_ctx), else NULL: tried only there */
};

/* Rule numbers (in file order) of a family whose attribute key has value val (any value
 * when val is NULL); only the first occurrence of a key in a rule counts, as in vp_rule_attr. */
typedef struct attr_list {
    uint64_t h;
    const char *key, *val;
    uint32_t *idx;
    size_t n, cap;
    uint64_t *ids; /* the same rules as bits of their ids, words w0..w0+nw-1 (NULL: none made) */
    size_t w0, nw;
} attr_list;

struct vp_famindex {
    attr_list *v;
    size_t n;
    uint32_t *slot; /* open addressing by hash: 1 + the entry of v, 0 for none */
    size_t mask;
    uint32_t *nofield;    /* the rules without a "field" attribute, in file order */
    size_t nnofield;
    uint32_t first;       /* the id of the family's first rule: its ids are first..first+n-1 */
    const uint64_t *nopf; /* the rules without a prefilter, by id (they always run) */
};

typedef struct fam_store {
    vp_family fam;
    vp_rule **rules;
    size_t n, cap;
    vp_famindex index;
} fam_store;

typedef struct table_store {
    vp_table t;
    const char ***rows;
    size_t *ncols;
    size_t n, cap;
} table_store;

struct vp_rules {
    vp_arena *arena;
    fam_store *fams;
    size_t nfams;
    table_store *tables;
    size_t ntables;
    uint32_t max_groups;
    size_t nrules;
    vp_prefilter *pf;
    uint64_t *nopf; /* the rules without a prefilter, by id */
    int lazy;       /* 1: the rules are JIT-compiled as they are used (vp_rules_jit_lazy) */
    char digest[65];
    vp_family empty;
};

#define PF_SLOTS 64          /* subjects up to PF_SLOT_MAX bytes; one more slot for longer ones */
#define PF_SLOT_MAX 65536
#define PF_SEEN 4096         /* results by content, for subjects up to PF_SEEN_MAX bytes */
#define PF_SEEN_MAX 4096
#define PF_RING (1u << 20)   /* bytes of those subjects (and their leading-set starts) kept */
#define ATTR_SEEN 64         /* attribute lists kept by the caller's strings */

struct vp_matcher {
    pcre2_match_data *md;
    int lazy;        /* the rules' JIT compilation is on demand: count the runs of each */
    uint32_t *uses;  /* runs of each rule (by id) by this matcher, while it is not compiled */
    pcre2_match_context *mctx;
    pcre2_match_context *dctx; /* the same, with an offset limit, for digit-first rules */
    pcre2_jit_stack *jit;
    const vp_rule *last;
    const char *subject;
    /* prefilter results for recent subjects (structure asks about the same lines in several
     * passes): the rules that can match in each, by a hash of the subject's place */
    const vp_prefilter *pf;
    size_t words;
    struct pf_slot {
        const char *s;  /* the subject the bits are for, and a copy of its bytes */
        size_t len;
        vp_buf copy;
        uint64_t *bits;
        vp_pf_hits hits; /* where the leading sets start */
        int ok;
    } slot[PF_SLOTS + 1];
    /* the same results by the subject's bytes: the stages hand the same line over in other
     * buffers (a copy, the document's text, a node's text), normalise and structure in
     * passes far apart.  Each entry's record (its hits, then the subject's bytes) is in a
     * ring of PF_RING bytes; a record the ring has since written over is gone, so that what
     * is kept stays within PF_RING whatever the subjects' lengths. */
    struct pf_seen {
        uint64_t h;
        uint64_t at; /* the record's place in the ring's running count of bytes written */
        uint32_t len, nhits;
        uint64_t *bits;
        int overflow;
        int ok;
    } seen[PF_SEEN];
    unsigned char *ring;
    uint64_t ring_at; /* bytes written into the ring so far (its place: ring_at % PF_RING) */
    size_t *cand; /* a leading rule's starts, for rule_run */
    size_t ncand_cap;
    /* attribute lists recently asked for (vp_family_first_attr) */
    struct attr_seen {
        const vp_family *f;
        const char *key, *want;
        const struct attr_list *l;
    } aseen[ATTR_SEEN];
    double deadline; /* vp_now() seconds; 0: none */
    unsigned ticks;
    int expired;
};

/* Is w[0..wl) one of the items of list[0..ln), separated by sep?  (Empty items never match.) */
static int item_in(const char *list, size_t ln, char sep, const char *w, size_t wl)
{
    for (const char *p = list, *end = list + ln; p < end;) {
        const char *s = memchr(p, sep, (size_t)(end - p));
        const char *e = s ? s : end;
        if (e > p && (size_t)(e - p) == wl && memcmp(p, w, wl) == 0)
            return 1;
        p = e + 1;
    }
    return 0;
}

/* Is w[0..wl) a word of the space-separated list? */
static int word_in(const char *list, const char *w, size_t wl) { return item_in(list, strlen(list), ' ', w, wl); }

/* The values spec->values allows for attribute key (NULL: any), as "a|b|c" of length *n. */
static const char *allowed_values(const struct famspec *spec, const char *key, size_t kl, size_t *n)
{
    for (const char *p = spec->values; *p;) {
        while (*p == ' ')
            p++;
        const char *eq = strchr(p, '='), *end = strchr(p, ' ');
        if (!end)
            end = p + strlen(p);
        if (eq && eq < end && (size_t)(eq - p) == kl && memcmp(p, key, kl) == 0) {
            *n = (size_t)(end - eq - 1);
            return eq + 1;
        }
        p = end;
    }
    return NULL;
}

static const struct famspec *find_spec(const char *name)
{
    for (size_t i = 0; i < sizeof FAMS / sizeof FAMS[0]; i++)
        if (strcmp(FAMS[i].name, name) == 0)
            return &FAMS[i];
    return NULL;
}

/* The text of rules/FILE (malloc'd), or NULL with "rules/FILE:0: offset 0: reason" in err. */
static char *read_rule_file(const char *dir, const char *file, size_t *len, char *err, size_t errlen)
{
    char path[4096], why[512];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    unsigned char *text = NULL;
    if (vp_read_file(path, SIZE_MAX - 1, &text, len, why, sizeof why) != 0) {
        snprintf(err, errlen, "rules/%s:0: offset 0: %s", file, why);
        return NULL;
    }
    return (char *)text;
}

static void rules_free_partial(vp_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nfams; i++) {
        for (size_t j = 0; j < r->fams[i].n; j++) {
            pcre2_code_free(r->fams[i].rules[j]->re);
            pcre2_code_free(atomic_load(&r->fams[i].rules[j]->jre));
        }
        free(r->fams[i].rules);
        for (size_t j = 0; j < r->fams[i].index.n; j++) {
            free(r->fams[i].index.v[j].idx);
            free(r->fams[i].index.v[j].ids);
        }
        free(r->fams[i].index.v);
        free(r->fams[i].index.slot);
        free(r->fams[i].index.nofield);
    }
    free(r->fams);
    for (size_t i = 0; i < r->ntables; i++) {
        free(r->tables[i].rows);
        free(r->tables[i].ncols);
    }
    free(r->tables);
    vp_prefilter_free(r->pf);
    free(r->nopf);
    vp_arena_free(r->arena);
    free(r);
}

void vp_rules_free(vp_rules *r) { rules_free_partial(r); }

/* Parse one rule line. Returns 0, or -1 with err filled. */
static int parse_rule(vp_rules *R, fam_store *fs, const struct famspec *spec, const char *file, int lineno,
                      const char *line, size_t len, char *err, size_t errlen)
{
    const char *sep = NULL;
    for (size_t i = 0; i + 4 <= len; i++)
        if (line[i] == ' ' && line[i + 1] == ':' && line[i + 2] == ':' && line[i + 3] == ' ') {
            sep = line + i;
            break;
        }
    if (!sep) {
        snprintf(err, errlen, "rules/%s:%d: offset 0: expected 'NAME [key=value ...] :: PATTERN'", file, lineno);
        return -1;
    }
    vp_rule *rule = vp_arena_alloc(R->arena, sizeof *rule);
    rule->where = vp_arena_printf(R->arena, "rules/%s:%d", file, lineno);
    /* name and attributes */
    const char *p = line, *end = sep;
    const char *keys[16], *vals[16];
    size_t na = 0;
    int first = 1;
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (p >= end)
            break;
        const char *q = p;
        while (q < end && *q != ' ' && *q != '\t')
            q++;
        if (first) {
            rule->name = vp_arena_strndup(R->arena, p, (size_t)(q - p));
            first = 0;
        } else {
            const char *eq = memchr(p, '=', (size_t)(q - p));
            if (!eq || eq == p) {
                snprintf(err, errlen, "rules/%s:%d: offset %d: attribute must be key=value", file, lineno,
                         (int)(p - line));
                return -1;
            }
            if (!word_in(spec->attrs, p, (size_t)(eq - p))) {
                snprintf(err, errlen, "rules/%s:%d: offset %d: unknown attribute '%.*s' for %s rules (known: %s)",
                         file, lineno, (int)(p - line), (int)(eq - p), p, spec->name, spec->attrs);
                return -1;
            }
            const char *v = eq + 1, *ve = q;
            if (*v == '"') { /* a value with spaces: unit="trường hợp" */
                const char *cq = memchr(v + 1, '"', (size_t)(end - v - 1));
                if (!cq) {
                    snprintf(err, errlen, "rules/%s:%d: offset %d: unterminated quoted value", file, lineno,
                             (int)(v - line));
                    return -1;
                }
                v++;
                ve = cq;
                q = cq + 1;
            }
            size_t nv = 0;
            const char *allowed = allowed_values(spec, p, (size_t)(eq - p), &nv);
            if (allowed && !item_in(allowed, nv, '|', v, (size_t)(ve - v))) {
                snprintf(err, errlen, "rules/%s:%d: offset %d: %.*s=%.*s is not one of %.*s", file, lineno,
                         (int)(p - line), (int)(eq - p), p, (int)(ve - v), v, (int)nv, allowed);
                return -1;
            }
            if (na == 16) {
                snprintf(err, errlen, "rules/%s:%d: offset %d: too many attributes", file, lineno, (int)(p - line));
                return -1;
            }
            keys[na] = vp_arena_strndup(R->arena, p, (size_t)(eq - p));
            vals[na] = vp_arena_strndup(R->arena, v, (size_t)(ve - v));
            na++;
        }
        p = q;
    }
    if (!rule->name) {
        snprintf(err, errlen, "rules/%s:%d: offset 0: rule has no name", file, lineno);
        return -1;
    }
    rule->nattrs = na;
    rule->keys = vp_arena_alloc(R->arena, sizeof(char *) * (na + 1));
    rule->vals = vp_arena_alloc(R->arena, sizeof(char *) * (na + 1));
    for (size_t i = 0; i < na; i++) {
        rule->keys[i] = keys[i];
        rule->vals[i] = vals[i];
    }
    rule->field = vp_rule_attr(rule, "field");
    rule->section = vp_rule_attr(rule, "section");
    rule->genre = vp_rule_attr(rule, "genre");
    /* pattern */
    const char *pat = sep + 4;
    size_t patlen = len - (size_t)(pat - line);
    size_t patoff = (size_t)(pat - line);
    int ec;
    PCRE2_SIZE eo;
    int digit = vp_prefilter_digit_first(pat, patlen);
    /* the prefilter reads the pattern once for its literals and its leading set */
    rule->id = (uint32_t)R->nrules++;
    rule->pf = vp_prefilter_add(R->pf, rule->id, pat, patlen);
    int lead = !digit && rule->pf && vp_prefilter_is_lead(R->pf, rule->id);
    vp_startctx sc;
    int has_sc = !digit && vp_prefilter_start_ctx(pat, patlen, &sc);
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, patlen,
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES | PCRE2_NO_UTF_CHECK |
                                       (digit || lead || has_sc ? PCRE2_USE_OFFSET_LIMIT : 0),
                                   &ec, &eo, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        snprintf(err, errlen, "rules/%s:%d: offset %zu: %s", file, lineno, (size_t)eo + patoff, (char *)msg);
        return -1;
    }
    rule->re = re;
    rule->pattern = vp_arena_strndup(R->arena, pat, patlen);
    rule->digit = digit;
    if (has_sc) {
        vp_startctx *keep = vp_arena_alloc(R->arena, sizeof *keep);
        *keep = sc;
        rule->sc = keep;
    }
    rule->lead = lead;
    /* register now so that it is freed on a later error */
    if (fs->n == fs->cap) {
        fs->cap = fs->cap ? fs->cap * 2 : 16;
        fs->rules = vp_xrealloc(fs->rules, fs->cap * sizeof *fs->rules);
    }
    fs->rules[fs->n++] = rule; /* JIT-compiled once every file is loaded (jit_rules) */
    uint32_t allopt = 0;
    const uint8_t *bitmap = NULL;
    if (!digit && pcre2_pattern_info(re, PCRE2_INFO_ALLOPTIONS, &allopt) == 0 && (allopt & PCRE2_ANCHORED) &&
        pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &bitmap) == 0)
        rule->first = bitmap;
    else
        rule->first = NULL;
    uint32_t cap = 0, namecount = 0, entry = 0;
    pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &cap);
    pcre2_pattern_info(re, PCRE2_INFO_NAMECOUNT, &namecount);
    pcre2_pattern_info(re, PCRE2_INFO_NAMEENTRYSIZE, &entry);
    if (cap + 1 > R->max_groups)
        R->max_groups = cap + 1;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(re, PCRE2_INFO_NAMETABLE, &table);
    rule->gname = vp_arena_alloc(R->arena, sizeof(char *) * (namecount + 1));
    rule->gnum = vp_arena_alloc(R->arena, sizeof(int) * (namecount + 1));
    for (uint32_t i = 0; i < namecount; i++) {
        const unsigned char *e = table + i * entry;
        int num = (e[0] << 8) | e[1];
        const char *nm = (const char *)e + 2;
        if (!word_in(spec->groups, nm, strlen(nm))) {
            /* find the group's offset in the pattern for the message */
            size_t off = 0;
            char needle[80];
            snprintf(needle, sizeof needle, "<%s>", nm);
            const char *hit = strstr(pat, needle);
            if (hit && (size_t)(hit - pat) < patlen)
                off = (size_t)(hit - pat) + patoff;
            snprintf(err, errlen, "rules/%s:%d: offset %zu: unknown field '%s' for %s rules (known: %s)", file,
                     lineno, off, nm, spec->name, spec->groups);
            return -1;
        }
        rule->gname[i] = vp_arena_strdup(R->arena, nm);
        rule->gnum[i] = num;
    }
    rule->ngroups = namecount;
    return 0;
}

/* Definitions of a rule file: "define NAME :: PATTERN" lines; {{NAME}} in a later line (a rule
 * or another definition) stands for the pattern, expanded as text before compiling. */
typedef struct defs {
    char **name, **text;
    size_t n;
} defs;

static void defs_free(defs *d)
{
    for (size_t k = 0; k < d->n; k++) {
        free(d->name[k]);
        free(d->text[k]);
    }
    free(d->name);
    free(d->text);
    memset(d, 0, sizeof *d);
}

static int is_define(const char *s, size_t n) { return n > 7 && memcmp(s, "define", 6) == 0 && (s[6] == ' ' || s[6] == '\t'); }

static int def_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; }

/* The definition named s[n], or -1. */
static long def_find(const defs *d, const char *s, size_t n)
{
    for (size_t k = 0; k < d->n; k++)
        if (strlen(d->name[k]) == n && memcmp(d->name[k], s, n) == 0)
            return (long)k;
    return -1;
}

/* Copies line s[n] into out with every {{NAME}} replaced by its definition. */
static int expand_line(const defs *d, const char *file, int lineno, const char *s, size_t n, vp_buf *out, char *err,
                       size_t errlen)
{
    size_t i = 0;
    while (i < n) {
        if (i + 4 < n && s[i] == '{' && s[i + 1] == '{') {
            size_t a = i + 2, b = a;
            while (b < n && def_name_char(s[b]))
                b++;
            if (b > a && b + 1 < n && s[b] == '}' && s[b + 1] == '}') {
                long k = def_find(d, s + a, b - a);
                if (k < 0) {
                    snprintf(err, errlen, "rules/%s:%d: offset %zu: unknown definition '%.*s' (define it above: "
                             "'define %.*s :: PATTERN')", file, lineno, i, (int)(b - a), s + a, (int)(b - a), s + a);
                    return -1;
                }
                vp_buf_adds(out, d->text[k]);
                i = b + 2;
                continue;
            }
        }
        vp_buf_addc(out, s[i++]);
    }
    if (!out->data)
        vp_buf_add(out, "", 0);
    return 0;
}

static int add_define(defs *d, const char *file, int lineno, const char *s, size_t n, char *err, size_t errlen)
{
    size_t a = 6;
    while (a < n && (s[a] == ' ' || s[a] == '\t'))
        a++;
    size_t b = a;
    while (b < n && def_name_char(s[b]))
        b++;
    size_t c = b;
    while (c < n && (s[c] == ' ' || s[c] == '\t'))
        c++;
    if (b == a || c + 3 > n || memcmp(s + c, ":: ", 3) != 0 || c == b) {
        snprintf(err, errlen, "rules/%s:%d: offset %zu: expected 'define NAME :: PATTERN' (NAME of letters, digits, _ and -)",
                 file, lineno, b);
        return -1;
    }
    if (def_find(d, s + a, b - a) >= 0) {
        snprintf(err, errlen, "rules/%s:%d: offset %zu: '%.*s' is already defined", file, lineno, a, (int)(b - a),
                 s + a);
        return -1;
    }
    d->name = vp_xrealloc(d->name, (d->n + 1) * sizeof *d->name);
    d->text = vp_xrealloc(d->text, (d->n + 1) * sizeof *d->text);
    d->name[d->n] = vp_xstrndup(s + a, b - a);
    d->text[d->n] = vp_xstrndup(s + c + 3, n - c - 3);
    d->n++;
    return 0;
}

static int load_rules_file(vp_rules *R, const char *dir, const char *file, char *err, size_t errlen, vp_buf *dig)
{
    size_t len = 0;
    char *text = read_rule_file(dir, file, &len, err, errlen);
    if (!text)
        return -1;
    vp_buf_adds(dig, file);
    vp_buf_addc(dig, 0);
    vp_buf_add(dig, text, len);
    char stem[256];
    size_t sl = strlen(file) - strlen(".rules");
    if (sl >= sizeof stem)
        sl = sizeof stem - 1;
    memcpy(stem, file, sl);
    stem[sl] = 0;
    const struct famspec *spec = find_spec(stem);
    if (!spec) {
        snprintf(err, errlen, "rules/%s:0: offset 0: unknown rule family '%s'", file, stem);
        free(text);
        return -1;
    }
    R->fams = vp_xrealloc(R->fams, (R->nfams + 1) * sizeof *R->fams);
    fam_store *fs = &R->fams[R->nfams++];
    memset(fs, 0, sizeof *fs);
    fs->fam.name = vp_arena_strdup(R->arena, stem);
    if (!vp_utf8_valid(text, len)) {
        snprintf(err, errlen, "rules/%s:0: offset 0: file is not valid UTF-8", file);
        free(text);
        return -1;
    }
    int lineno = 0;
    size_t i = 0;
    int rc = 0;
    defs d = {0};
    vp_buf line = {0};
    while (i < len && rc == 0) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        lineno++;
        size_t e = j;
        if (e > i && text[e - 1] == '\r')
            e--;
        size_t s = i;
        while (s < e && (text[s] == ' ' || text[s] == '\t'))
            s++;
        if (s < e && text[s] != '#') {
            line.len = 0;
            rc = expand_line(&d, file, lineno, text + s, e - s, &line, err, errlen);
            if (rc == 0 && is_define(line.data, line.len))
                rc = add_define(&d, file, lineno, line.data, line.len, err, errlen);
            else if (rc == 0)
                rc = parse_rule(R, fs, spec, file, lineno, line.data, line.len, err, errlen);
        }
        i = j + 1;
    }
    defs_free(&d);
    vp_buf_free(&line);
    free(text);
    fs->fam.rules = (const vp_rule *const *)fs->rules;
    fs->fam.n = fs->n;
    return rc;
}

static int load_table(vp_rules *R, const char *dir, const char *file, char *err, size_t errlen, vp_buf *dig)
{
    size_t len = 0;
    char *text = read_rule_file(dir, file, &len, err, errlen);
    if (!text)
        return -1;
    if (!vp_utf8_valid(text, len)) {
        snprintf(err, errlen, "rules/%s:0: offset 0: file is not valid UTF-8", file);
        free(text);
        return -1;
    }
    vp_buf_adds(dig, file);
    vp_buf_addc(dig, 0);
    vp_buf_add(dig, text, len);
    R->tables = vp_xrealloc(R->tables, (R->ntables + 1) * sizeof *R->tables);
    table_store *ts = &R->tables[R->ntables++];
    memset(ts, 0, sizeof *ts);
    size_t sl = strlen(file) - 4;
    ts->t.name = vp_arena_strndup(R->arena, file, sl);
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        size_t e = j;
        if (e > i && text[e - 1] == '\r')
            e--;
        if (e > i && text[i] != '#') {
            size_t nc = 1;
            for (size_t k = i; k < e; k++)
                if (text[k] == '\t')
                    nc++;
            const char **row = vp_arena_alloc(R->arena, sizeof(char *) * (nc + 1));
            size_t c = 0, st = i;
            for (size_t k = i; k <= e; k++)
                if (k == e || text[k] == '\t') {
                    row[c++] = vp_arena_strndup(R->arena, text + st, k - st);
                    st = k + 1;
                }
            if (ts->n == ts->cap) {
                ts->cap = ts->cap ? ts->cap * 2 : 64;
                ts->rows = vp_xrealloc(ts->rows, ts->cap * sizeof *ts->rows);
                ts->ncols = vp_xrealloc(ts->ncols, ts->cap * sizeof *ts->ncols);
            }
            ts->rows[ts->n] = row;
            ts->ncols[ts->n] = nc;
            ts->n++;
        }
        i = j + 1;
    }
    free(text);
    ts->t.rows = (const char *const *const *)ts->rows;
    ts->t.ncols = ts->ncols;
    ts->t.nrows = ts->n;
    return 0;
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a > b && strcmp(s + a - b, suf) == 0;
}

static uint64_t attr_hash(const char *key, const char *val)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const char *p = key; *p; p++)
        h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
    h = (h ^ 0x100) * 0x100000001b3ULL;
    if (!val)
        return (h ^ 0x200) * 0x100000001b3ULL;
    for (const char *p = val; *p; p++)
        h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
    return h;
}

static void index_add(vp_famindex *x, const char *key, const char *val, size_t rule)
{
    uint64_t h = attr_hash(key, val);
    attr_list *l = NULL;
    for (size_t i = 0; i < x->n && !l; i++)
        if (x->v[i].h == h && strcmp(x->v[i].key, key) == 0 &&
            ((!val && !x->v[i].val) || (val && x->v[i].val && strcmp(x->v[i].val, val) == 0)))
            l = &x->v[i];
    if (!l) {
        x->v = vp_xrealloc(x->v, (x->n + 1) * sizeof *x->v);
        l = &x->v[x->n++];
        memset(l, 0, sizeof *l);
        l->h = h;
        l->key = key;
        l->val = val;
    }
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->idx = vp_xrealloc(l->idx, l->cap * sizeof *l->idx);
    }
    l->idx[l->n++] = (uint32_t)rule;
}

static void index_family(fam_store *fs)
{
    fs->index.nofield = vp_xmalloc((fs->n ? fs->n : 1) * sizeof *fs->index.nofield);
    for (size_t i = 0; i < fs->n; i++) {
        const vp_rule *r = fs->rules[i];
        if (!r->field)
            fs->index.nofield[fs->index.nnofield++] = (uint32_t)i;
        for (size_t a = 0; a < r->nattrs; a++) {
            int first = 1;
            for (size_t b = 0; b < a && first; b++)
                first = strcmp(r->keys[b], r->keys[a]) != 0;
            if (!first)
                continue;
            index_add(&fs->index, r->keys[a], r->vals[a], i);
            index_add(&fs->index, r->keys[a], NULL, i);
        }
    }
    vp_famindex *x = &fs->index;
    size_t cap = 16;
    while (cap < 2 * x->n)
        cap *= 2;
    x->slot = vp_xcalloc(cap, sizeof *x->slot);
    x->mask = cap - 1;
    for (size_t i = 0; i < x->n; i++) {
        size_t k = (size_t)x->v[i].h & x->mask;
        while (x->slot[k])
            k = (k + 1) & x->mask;
        x->slot[k] = (uint32_t)(i + 1);
    }
    fs->fam.index = &fs->index;
}

/* The id sets of a family's attribute lists, when its rules' ids follow each other (they are
 * numbered in load order, a file at a time). */
static void index_ids(fam_store *fs, const uint64_t *nopf)
{
    vp_famindex *x = &fs->index;
    if (!fs->n)
        return;
    x->first = fs->rules[0]->id;
    for (size_t i = 0; i < fs->n; i++)
        if (fs->rules[i]->id != x->first + i)
            return;
    x->nopf = nopf;
    for (size_t k = 0; k < x->n; k++) {
        attr_list *l = &x->v[k];
        if (!l->n)
            continue;
        l->w0 = (x->first + l->idx[0]) >> 6;
        l->nw = ((x->first + l->idx[l->n - 1]) >> 6) - l->w0 + 1;
        l->ids = vp_xcalloc(l->nw, sizeof *l->ids);
        for (size_t j = 0; j < l->n; j++) {
            uint32_t id = x->first + l->idx[j];
            l->ids[(id >> 6) - l->w0] |= (uint64_t)1 << (id & 63);
        }
    }
}

/* JIT compilation, the greater part of loading (pcre2_jit_compile of a few hundred patterns,
 * some of them tens of kilobytes), shared among threads: each takes the next rule not taken.
 * Compiling distinct patterns at once is safe (pcre2's executable memory allocator has its own
 * lock); each rule is written by the one thread that took it, and read after the joins.
 * Without JIT support a rule stays with the interpreter; results are the same. */
typedef struct jit_work {
    vp_rule **rules;
    size_t n;
    atomic_size_t next;
} jit_work;

static void *jit_thread(void *arg)
{
    jit_work *w = arg;
    for (size_t i; (i = atomic_fetch_add(&w->next, 1)) < w->n;)
        w->rules[i]->jit = pcre2_jit_compile(w->rules[i]->re, PCRE2_JIT_COMPLETE) == 0;
    return NULL;
}

void vp_rules_jit(vp_rules *R, int jobs)
{
    jit_work w = {NULL, 0, 0};
    for (size_t i = 0; i < R->nfams; i++)
        w.n += R->fams[i].n;
    w.rules = vp_xmalloc((w.n ? w.n : 1) * sizeof *w.rules);
    w.n = 0;
    for (size_t i = 0; i < R->nfams; i++)
        for (size_t j = 0; j < R->fams[i].n; j++)
            if (!R->fams[i].rules[j]->jit)
                w.rules[w.n++] = R->fams[i].rules[j];
    atomic_init(&w.next, 0);
    pthread_t th[16];
    int started = 0;
    for (int t = 1; t < jobs && t < 16 && (size_t)t < w.n; t++)
        if (pthread_create(&th[started], NULL, jit_thread, &w) == 0)
            started++;
    jit_thread(&w); /* this thread too; alone when no other could start */
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    free(w.rules);
}

void vp_rules_jit_lazy(vp_rules *R) { R->lazy = 1; }

vp_rules *vp_rules_load(const char *dir, char *err, size_t errlen)
{
    return vp_rules_load_some(dir, 1, NULL, err, errlen);
}

vp_rules *vp_rules_load_jobs(const char *dir, int jobs, char *err, size_t errlen)
{
    return vp_rules_load_some(dir, jobs, NULL, err, errlen);
}

/* Whether FILE.rules is one of the families asked for (all when the list is NULL). */
static int family_wanted(const char *file, const char *const *families)
{
    if (!families)
        return 1;
    size_t n = strlen(file) - strlen(".rules");
    for (size_t i = 0; families[i]; i++)
        if (strlen(families[i]) == n && memcmp(families[i], file, n) == 0)
            return 1;
    return 0;
}

vp_rules *vp_rules_load_some(const char *dir, int jobs, const char *const *families, char *err, size_t errlen)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "%s: cannot open rules folder: %s", dir, strerror(errno));
        return NULL;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        if ((ends_with(de->d_name, ".rules") && family_wanted(de->d_name, families)) ||
            ends_with(de->d_name, ".tsv")) {
            names = vp_xrealloc(names, (n + 1) * sizeof *names);
            names[n++] = vp_xstrdup(de->d_name);
        }
    }
    closedir(d);
    qsort(names, n, sizeof *names, vp_strp_cmp);
    vp_rules *R = vp_xcalloc(1, sizeof *R);
    R->arena = vp_arena_new();
    R->pf = vp_prefilter_new();
    R->empty.name = "";
    vp_buf dig = {0};
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (ends_with(names[i], ".rules"))
            rc = load_rules_file(R, dir, names[i], err, errlen, &dig);
        else
            rc = load_table(R, dir, names[i], err, errlen, &dig);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    if (rc == 0 && n == 0) {
        snprintf(err, errlen, "%s: no rule files found", dir);
        rc = -1;
    }
    if (rc != 0) {
        vp_buf_free(&dig);
        rules_free_partial(R);
        return NULL;
    }
    unsigned char h[32];
    vp_sha256(dig.data ? dig.data : "", dig.len, h);
    vp_sha256_hex(h, R->digest);
    vp_buf_free(&dig);
    if (R->max_groups < 1)
        R->max_groups = 1;
    if (jobs > 0)
        vp_rules_jit(R, jobs);
    vp_prefilter_build(R->pf, R->nrules);
    R->nopf = vp_xcalloc(vp_prefilter_words(R->pf) ? vp_prefilter_words(R->pf) : 1, sizeof *R->nopf);
    for (size_t i = 0; i < R->nfams; i++)
        for (size_t j = 0; j < R->fams[i].n; j++)
            if (!R->fams[i].rules[j]->pf)
                R->nopf[R->fams[i].rules[j]->id >> 6] |= (uint64_t)1 << (R->fams[i].rules[j]->id & 63);
    for (size_t i = 0; i < R->nfams; i++) {
        index_family(&R->fams[i]);
        index_ids(&R->fams[i], R->nopf);
    }
    return R;
}

const char *vp_rules_digest(const vp_rules *r) { return r->digest; }

const vp_family *vp_rules_family(const vp_rules *r, const char *name)
{
    for (size_t i = 0; i < r->nfams; i++)
        if (strcmp(r->fams[i].fam.name, name) == 0)
            return &r->fams[i].fam;
    return &r->empty;
}

const vp_table *vp_rules_table(const vp_rules *r, const char *name)
{
    for (size_t i = 0; i < r->ntables; i++)
        if (strcmp(r->tables[i].t.name, name) == 0)
            return &r->tables[i].t;
    return NULL;
}

const char *const *vp_table_find(const vp_table *t, const char *key, size_t keylen, size_t *ncols)
{
    if (!t)
        return NULL;
    for (size_t i = 0; i < t->nrows; i++) {
        const char *k = t->rows[i][0];
        if (strlen(k) == keylen && memcmp(k, key, keylen) == 0) {
            if (ncols)
                *ncols = t->ncols[i];
            return t->rows[i];
        }
    }
    return NULL;
}

const char *vp_rule_name(const vp_rule *r) { return r->name; }
const char *vp_rule_pattern(const vp_rule *r) { return r->pattern; }
const char *vp_rule_field(const vp_rule *r) { return r->field; }
const char *vp_rule_section(const vp_rule *r) { return r->section; }
const char *vp_rule_genre(const vp_rule *r) { return r->genre; }
const char *vp_rule_where(const vp_rule *r) { return r->where; }

const char *vp_rule_attr(const vp_rule *r, const char *key)
{
    for (size_t i = 0; i < r->nattrs; i++)
        if (r->keys[i][0] == key[0] && strcmp(r->keys[i], key) == 0)
            return r->vals[i];
    return NULL;
}

vp_matcher *vp_matcher_new(const vp_rules *r)
{
    vp_matcher *m = vp_xcalloc(1, sizeof *m);
    m->lazy = r->lazy;
    m->uses = vp_xcalloc(r->nrules ? r->nrules : 1, sizeof *m->uses);
    m->md = pcre2_match_data_create(r->max_groups, NULL);
    m->mctx = pcre2_match_context_create(NULL);
    if (!m->md || !m->mctx) {
        fprintf(stderr, "vnplan: out of memory (pcre2 match data)\n");
        abort();
    }
    /* bounded work per match: no line can stall a batch */
    pcre2_set_match_limit(m->mctx, 1000000);
    pcre2_set_depth_limit(m->mctx, 10000);
    m->jit = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
    if (m->jit)
        pcre2_jit_stack_assign(m->mctx, NULL, m->jit);
    m->dctx = pcre2_match_context_copy(m->mctx);
    if (!m->dctx) {
        fprintf(stderr, "vnplan: out of memory (pcre2 match context)\n");
        abort();
    }
    m->pf = r->pf;
    m->words = vp_prefilter_words(r->pf);
    uint64_t *bits = vp_xcalloc((PF_SLOTS + 1) * m->words, sizeof *bits);
    for (size_t k = 0; k <= PF_SLOTS; k++)
        m->slot[k].bits = bits + k * m->words;
    uint64_t *sbits = vp_xcalloc((size_t)PF_SEEN * m->words, sizeof *sbits);
    for (size_t k = 0; k < PF_SEEN; k++)
        m->seen[k].bits = sbits + k * m->words;
    m->ring = vp_xmalloc(PF_RING);
    return m;
}

void vp_matcher_free(vp_matcher *m)
{
    if (!m)
        return;
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mctx);
    pcre2_match_context_free(m->dctx);
    if (m->jit)
        pcre2_jit_stack_free(m->jit);
    free(m->slot[0].bits);
    for (size_t k = 0; k <= PF_SLOTS; k++) {
        vp_buf_free(&m->slot[k].copy);
        free(m->slot[k].hits.h);
    }
    free(m->seen[0].bits);
    free(m->ring);
    free(m->cand);
    free(m->uses);
    free(m);
}

static uint64_t content_hash(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 29;
    }
    uint64_t w = 0;
    if (len > i)
        memcpy(&w, s + i, len - i);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 32);
}

/* A record of `size` bytes at the ring's next place (its start back at the ring's first
 * byte when it would not fit before the end); returns its running-count place. */
static uint64_t ring_put(vp_matcher *m, size_t size)
{
    uint64_t off = m->ring_at % PF_RING;
    if (off + size > PF_RING)
        m->ring_at += PF_RING - off;
    uint64_t at = m->ring_at;
    m->ring_at += (size + 7) & ~(size_t)7;
    return at;
}

/* The prefilter's bits for subject[0..len) into `bits`, and where the leading sets start
 * into hits: those of an earlier subject with the same bytes, or a scan. */
static void prefilter_bits(vp_matcher *m, const char *subject, size_t len, uint64_t *bits, vp_pf_hits *hits)
{
    if (len == 0 || len > PF_SEEN_MAX) {
        vp_prefilter_scan(m->pf, subject, len, bits, hits);
        return;
    }
    uint64_t h = content_hash(subject, len);
    struct pf_seen *e = &m->seen[h % PF_SEEN];
    /* a record is whole while the ring has not come round to its place again */
    if (e->ok && e->h == h && e->len == len && m->ring_at - e->at <= PF_RING) {
        const unsigned char *rec = m->ring + e->at % PF_RING;
        size_t hb = (size_t)e->nhits * sizeof(vp_pf_hit);
        if (memcmp(rec + hb, subject, len) == 0) {
            memcpy(bits, e->bits, m->words * sizeof *bits);
            if (hits->cap < e->nhits) {
                hits->cap = e->nhits;
                hits->h = vp_xrealloc(hits->h, hits->cap * sizeof *hits->h);
            }
            if (hb)
                memcpy(hits->h, rec, hb);
            hits->n = e->nhits;
            hits->overflow = e->overflow;
            return;
        }
    }
    vp_prefilter_scan(m->pf, subject, len, bits, hits);
    size_t hb = hits->n * sizeof(vp_pf_hit);
    if (hb + len > PF_RING / 8) { /* not kept: it would push out many others */
        e->ok = 0;
        return;
    }
    e->at = ring_put(m, hb + len);
    unsigned char *rec = m->ring + e->at % PF_RING;
    if (hb)
        memcpy(rec, hits->h, hb);
    memcpy(rec + hb, subject, len);
    memcpy(e->bits, bits, m->words * sizeof *bits);
    e->h = h;
    e->len = (uint32_t)len;
    e->nhits = (uint32_t)hits->n;
    e->overflow = hits->overflow;
    e->ok = 1;
}

/* The slot of the small table of prefilter results that subject[0..len) goes to, by its
 * place and length. */
static struct pf_slot *slot_of(vp_matcher *m, const char *subject, size_t len)
{
    uint64_t h = ((uint64_t)(uintptr_t)subject * 0x9E3779B97F4A7C15ULL) ^ (len * 0xC2B2AE3D27D4EB4FULL);
    return &m->slot[len > PF_SLOT_MAX ? PF_SLOTS : (h >> 32) % PF_SLOTS]; /* copies stay small */
}

/* The slot of subject[0..len) when it holds it, else NULL; never a scan.  A call at start 0
 * checks that the bytes are still those it was computed for (and drops the slot when they
 * changed); calls at later starts (a scan through the same subject) trust the place and
 * length. */
static const struct pf_slot *slot_held(vp_matcher *m, const char *subject, size_t len, size_t start)
{
    struct pf_slot *sl = slot_of(m, subject, len);
    if (!sl->ok || subject != sl->s || len != sl->len)
        return NULL;
    if (start == 0 && len && memcmp(sl->copy.data, subject, len) != 0) {
        sl->ok = 0;
        return NULL;
    }
    return sl;
}

/* The rules that can match in subject[0..len) (bits) and where the leading sets start
 * (hits): computed once per subject, kept in its slot.  A caller that runs many rules on one
 * text asks once (vp_matcher_candidates, the family lookups).  The pointer is valid until
 * the matcher is asked about another subject. */
static const struct pf_slot *subject_slot(vp_matcher *m, const char *subject, size_t len, size_t start)
{
    const struct pf_slot *held = slot_held(m, subject, len, start);
    if (held)
        return held;
    struct pf_slot *sl = slot_of(m, subject, len);
    prefilter_bits(m, subject, len, sl->bits, &sl->hits);
    sl->copy.len = 0;
    vp_buf_add(&sl->copy, subject, len);
    sl->s = subject;
    sl->len = len;
    sl->ok = 1;
    return sl;
}

static const uint64_t *subject_bits(vp_matcher *m, const char *subject, size_t len, size_t start)
{
    return subject_slot(m, subject, len, start)->bits;
}

static int has_bit(const uint64_t *bits, uint32_t id) { return (int)((bits[id >> 6] >> (id & 63)) & 1); }

size_t vp_matcher_words(const vp_matcher *m) { return m->words; }

void vp_matcher_candidates(vp_matcher *m, const char *subject, size_t len, uint64_t *bits)
{
    memcpy(bits, subject_bits(m, subject, len, 0), m->words * sizeof *bits);
}

int vp_rule_candidate(const vp_rule *r, const uint64_t *bits) { return !r->pf || has_bit(bits, r->id); }

void vp_matcher_set_deadline(vp_matcher *m, double deadline)
{
    m->deadline = deadline;
    m->ticks = 0;
    m->expired = 0;
}

int vp_matcher_expired(const vp_matcher *m) { return m->expired; }

/* The clock is read once every 64 matches. */
static int past_deadline(vp_matcher *m)
{
    if (m->expired)
        return 1;
    if (m->deadline <= 0 || (++m->ticks & 63) != 0)
        return 0;
    m->expired = vp_now() > m->deadline;
    return m->expired;
}

/* Runs of a rule by one worker after which it is JIT-compiled, when that is on demand.  A third
 * of the rules never run on a batch of plans and are not compiled at all; of the others, even
 * those run only a few times pay: on the bench corpus compiling at the first run took 3% fewer
 * instructions than at the eighth and 13% fewer than at the 64th (the interpreter's first runs
 * of the long agency patterns cost more than their compilation). */
#define JIT_AFTER 1

/* The JIT-compiled copy of rule r, compiled now when no worker has claimed it; NULL while
 * there is none (another worker compiles it, or JIT compilation failed: the interpreter runs
 * it, with the same results).  The rule is written only through its atomic members. */
static pcre2_code *jit_now(const vp_rule *r)
{
    vp_rule *w = (vp_rule *)r; /* the arena's memory: the rule is const only to its users */
    int free_claim = 0;
    if (!atomic_compare_exchange_strong(&w->jclaim, &free_claim, 1))
        return atomic_load_explicit(&w->jre, memory_order_acquire);
    pcre2_code *c = pcre2_code_copy(r->re);
    if (c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) != 0) {
        pcre2_code_free(c);
        c = NULL;
    }
    if (c)
        atomic_store_explicit(&w->jre, c, memory_order_release);
    return c;
}

/* pcre2 on subject from start: the JIT code directly when there is some */
static int re_match(const vp_rule *r, vp_matcher *m, const char *subject, size_t len, size_t start,
                    pcre2_match_context *mc)
{
    if (r->jit)
        return pcre2_jit_match(r->re, (PCRE2_SPTR)subject, len, start, 0, m->md, mc);
    if (m->lazy) {
        pcre2_code *c = atomic_load_explicit(&((vp_rule *)r)->jre, memory_order_acquire);
        if (!c && ++m->uses[r->id] == JIT_AFTER)
            c = jit_now(r);
        if (c)
            return pcre2_jit_match(c, (PCRE2_SPTR)subject, len, start, 0, m->md, mc);
    }
    return pcre2_match(r->re, (PCRE2_SPTR)subject, len, start, PCRE2_NO_UTF_CHECK, m->md, mc);
}

/* A literal starts at most this many bytes before it ends: LIT_MAX (12) characters, 4 bytes
 * each at most. */
#define LEAD_BACK 48

/* Rule r (a leading one) on subject from start, tried only where a literal of its leading
 * set starts (hits, in the order of their ends).  The places are tried in ascending order,
 * each once, and the first match is the leftmost one, as one search from `start` would find
 * it.  A place is tried as soon as no later hit can start before it, so the hits are read
 * once, and no further than the match. */
static int lead_search(const vp_rule *r, vp_matcher *m, const char *subject, size_t len, size_t start,
                       const vp_pf_hits *hits)
{
    size_t lo = 0, hi = hits->n; /* the first hit that ends after start */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (hits->h[mid].end <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0; /* places waiting, ascending, in m->cand */
    int rc = PCRE2_ERROR_NOMATCH;
    for (size_t k = lo;; k++) {
        size_t bound = k < hits->n ? (hits->h[k].end > LEAD_BACK ? hits->h[k].end - LEAD_BACK : 0) : SIZE_MAX;
        size_t t = 0;
        for (; t < n && m->cand[t] < bound && rc == PCRE2_ERROR_NOMATCH; t++) {
            pcre2_set_offset_limit(m->dctx, m->cand[t]);
            rc = re_match(r, m, subject, len, m->cand[t], m->dctx);
        }
        if (rc != PCRE2_ERROR_NOMATCH || k == hits->n)
            return rc;
        if (t) {
            memmove(m->cand, m->cand + t, (n - t) * sizeof *m->cand);
            n -= t;
        }
        if (hits->h[k].rule != r->id)
            continue;
        size_t a = vp_pf_hit_start(subject, &hits->h[k]);
        if (a < start)
            continue;
        size_t j = n;
        while (j > 0 && m->cand[j - 1] > a)
            j--;
        if (j > 0 && m->cand[j - 1] == a)
            continue;
        if (n == m->ncand_cap) {
            m->ncand_cap = m->ncand_cap ? m->ncand_cap * 2 : 64;
            m->cand = vp_xrealloc(m->cand, m->ncand_cap * sizeof *m->cand);
        }
        memmove(m->cand + j + 1, m->cand + j, (n - j) * sizeof *m->cand);
        m->cand[j] = a;
        n++;
    }
}

/* Places a start context allows that are at most this many bytes apart are searched in one
 * call (a call costs about as much as a search over that many bytes). */
#define SC_GAP 24

/* Rule r on subject from start, its prefilter passed; hits (NULL: not known) are where the
 * leading sets start in subject. */
static int rule_run(const vp_rule *r, vp_matcher *m, const char *subject, size_t len, size_t start,
                    const vp_pf_hits *hits)
{
    m->last = NULL;
    if (start > len || past_deadline(m))
        return 0;
    /* an anchored pattern matches only from `start`: not when the byte there cannot begin one */
    if (r->first && (start >= len || !((r->first[(unsigned char)subject[start] >> 3] >> (subject[start] & 7)) & 1)))
        return 0;
    int rc;
    if (r->digit) {
        /* A match can only start on a digit: search each run of digits from its first
         * character to its last (the offset limit), the runs in order, so the first match
         * found is the leftmost one, as one search from `start` would find it. */
        size_t a, last;
        rc = PCRE2_ERROR_NOMATCH;
        for (size_t from = start; rc == PCRE2_ERROR_NOMATCH && vp_prefilter_digit_run(subject, len, from, &a, &last);
             from = last + 1) {
            pcre2_set_offset_limit(m->dctx, last);
            rc = re_match(r, m, subject, len, a, m->dctx);
        }
    } else if (r->lead && hits && !hits->overflow) {
        rc = lead_search(r, m, subject, len, start, hits);
    } else if (r->sc) {
        /* A match can only start where the pattern's start context holds: the places in
         * order, those close together searched in one call up to the last of them (the
         * offset limit), so the first match found is the leftmost one. */
        rc = PCRE2_ERROR_NOMATCH;
        size_t a = vp_startctx_next(r->sc, subject, len, start, len);
        while (rc == PCRE2_ERROR_NOMATCH && a != SIZE_MAX) {
            size_t last = a, nx;
            while (last < len && (nx = vp_startctx_next(r->sc, subject, len, last + 1, last + SC_GAP)) != SIZE_MAX)
                last = nx;
            pcre2_set_offset_limit(m->dctx, last);
            rc = re_match(r, m, subject, len, a, m->dctx);
            a = last < len ? vp_startctx_next(r->sc, subject, len, last + 1, len) : SIZE_MAX;
        }
    } else {
        rc = re_match(r, m, subject, len, start, m->mctx);
    }
    if (rc > 0 || rc == 0) {
        m->last = r;
        m->subject = subject;
        return 1;
    }
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    return -1;
}

int vp_rule_exec(const vp_rule *r, vp_matcher *m, const char *subject, size_t len, size_t start)
{
    m->last = NULL;
    if (start > len)
        return 0;
    if (!r->pf)
        return rule_run(r, m, subject, len, start, NULL);
    const struct pf_slot *sl = subject_slot(m, subject, len, start);
    if (!has_bit(sl->bits, r->id))
        return 0;
    return rule_run(r, m, subject, len, start, &sl->hits);
}

int vp_rule_exec_cand(const vp_rule *r, vp_matcher *m, const char *subject, size_t len, size_t start)
{
    /* a leading rule takes the starts of its set from the scan the caller asked for */
    const struct pf_slot *sl = r->lead ? slot_held(m, subject, len, start) : NULL;
    return rule_run(r, m, subject, len, start, sl ? &sl->hits : NULL);
}

void vp_match_range(const vp_matcher *m, size_t *s, size_t *e)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    *s = ov[0];
    *e = ov[1];
}

int vp_match_group(const vp_matcher *m, const char *field, size_t *s, size_t *e)
{
    if (!m->last)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    uint32_t n = pcre2_get_ovector_count(m->md);
    for (size_t i = 0; i < m->last->ngroups; i++) {
        if (strcmp(m->last->gname[i], field) != 0)
            continue;
        uint32_t g = (uint32_t)m->last->gnum[i];
        if (g >= n || ov[2 * g] == PCRE2_UNSET)
            continue;
        *s = ov[2 * g];
        *e = ov[2 * g + 1];
        return 1;
    }
    return 0;
}

/* The first of the rules f->rules[idx[j]] (f->rules[j] without idx), j < n, that matches,
 * the prefilter asked once at the first rule that has one. */
static const vp_rule *first_in_order(const vp_family *f, const uint32_t *idx, size_t n, vp_matcher *m,
                                     const char *subject, size_t len, size_t start)
{
    const struct pf_slot *sl = NULL;
    for (size_t j = 0; j < n; j++) {
        const vp_rule *r = f->rules[idx ? idx[j] : j];
        if (r->pf) {
            if (start > len)
                return NULL;
            if (!sl)
                sl = subject_slot(m, subject, len, start);
            if (!has_bit(sl->bits, r->id))
                continue;
        }
        if (rule_run(r, m, subject, len, start, sl ? &sl->hits : NULL) == 1)
            return r;
    }
    m->last = NULL;
    return NULL;
}

static int same_attr(const attr_list *l, const char *key, const char *want)
{
    return strcmp(l->key, key) == 0 && (!want) == (!l->val) && (!want || strcmp(l->val, want) == 0);
}

/* The list of f's rules whose attribute key is want (any value: NULL), or NULL.  The lists last
 * asked for are kept by the strings' addresses (callers pass the same literals again and again)
 * and checked by content, so the hash is computed only for a new question. */
static const attr_list *attr_list_of(const vp_family *f, const char *key, const char *want, vp_matcher *m)
{
    struct attr_seen *c = &m->aseen[(((uintptr_t)f >> 4) ^ ((uintptr_t)key >> 2) ^ ((uintptr_t)want * 7)) % ATTR_SEEN];
    if (c->f == f && c->key == key && c->want == want && c->l && same_attr(c->l, key, want))
        return c->l;
    uint64_t h = attr_hash(key, want);
    const vp_famindex *x = f->index;
    for (size_t k = (size_t)h & x->mask; x->slot[k]; k = (k + 1) & x->mask) {
        const attr_list *l = &x->v[x->slot[k] - 1];
        if (l->h == h && same_attr(l, key, want)) {
            c->f = f;
            c->key = key;
            c->want = want;
            c->l = l;
            return l;
        }
    }
    return NULL;
}

const vp_rule *vp_family_first_attr(const vp_family *f, const char *key, const char *want, vp_matcher *m,
                                    const char *subject, size_t len, size_t start)
{
    if (!f->index)
        return NULL;
    const vp_famindex *x = f->index;
    const attr_list *l = attr_list_of(f, key, want, m);
    if (!l)
        return NULL;
    if (!l->ids)
        return first_in_order(f, l->idx, l->n, m, subject, len, start);
    /* the candidates among the list's rules, in id (file) order */
    if (start > len)
        return NULL;
    const struct pf_slot *sl = subject_slot(m, subject, len, start);
    const uint64_t *bits = sl->bits;
    for (size_t w = 0; w < l->nw; w++)
        for (uint64_t c = (bits[l->w0 + w] | x->nopf[l->w0 + w]) & l->ids[w]; c; c &= c - 1) {
            uint32_t id = (uint32_t)((l->w0 + w) * 64 + (size_t)__builtin_ctzll(c));
            const vp_rule *r = f->rules[id - x->first];
            if (rule_run(r, m, subject, len, start, &sl->hits) == 1)
                return r;
        }
    m->last = NULL;
    return NULL;
}

const uint32_t *vp_family_field_rules(const vp_family *f, const char *field, vp_matcher *m, size_t *n)
{
    *n = 0;
    if (!f->index)
        return NULL;
    if (!field) {
        *n = f->index->nnofield;
        return f->index->nofield;
    }
    const attr_list *l = attr_list_of(f, "field", field, m);
    if (!l)
        return NULL;
    *n = l->n;
    return l->idx;
}

const vp_rule *vp_family_first(const vp_family *f, vp_matcher *m, const char *subject, size_t len, size_t start)
{
    return first_in_order(f, NULL, f->n, m, subject, len, start);
}
