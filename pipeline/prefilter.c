/* prefilter.c - required literals of each rule, one Aho-Corasick pass over a text.
 *
 * The pattern reader follows the PCRE2 syntax the rules use and gives up (the rule then
 * always runs) on anything else.  For a sequence it keeps the best requirements (up to
 * CONJ_MAX, all of which hold) among its mandatory parts: a run of literal characters (a
 * class of a few literal characters, [àa], makes the run a set of strings), a mandatory
 * group's requirements, or a positive lookaround's (what it looks for is in the subject as
 * well); alternatives give the union of their branches' best.  Zero-width items
 * (lookarounds, anchors, \b, option settings) do not break a run: the characters around
 * them are still next to each other in the subject; so is a group whose every branch is
 * zero-width, "(?:(?<=a)|(?<=b))".  A rule's first requirement has the
 * rule's bit in the automaton's output; the others have bits of their own, numbered after
 * the rules, and a rule whose other bits are not all set is cleared after the pass.  A
 * sequence's leading set is the run of literals it starts with (after zero-width items) or
 * the leading set of the group it starts with, joined by the leading sets of optional
 * groups before it ("(?:hoàn thành\s+)?trước": "hoàn thành" or "trước"); an alternation's,
 * the union of its branches' when each has one. */
#include "prefilter.h"
#include "vnplan.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define LIT_MAX 12     /* bytes kept of a literal (a prefix of a required string is required) */
#define SET_MAX 64     /* more alternatives than this: no requirement */
#define DEPTH_MAX 64
#define UNSET UINT32_MAX

/* ---- folding ------------------------------------------------------------ */

static int32_t fold_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
    if (cp == 0x017F) /* long s matches s caselessly */
        return 's';
    return utf8proc_tolower(cp);
}

/* Characters a literal may hold: those whose caseless matches all fold to one value. */
static int safe_cp(int32_t cp)
{
    if (cp < 0x80)
        return 1;
    if (cp == 0xDF || cp == 0x130 || cp == 0x131 || cp == 0x149 || cp == 0x17F)
        return 0;
    return (cp >= 0xC0 && cp <= 0x1B0) || (cp >= 0x1EA0 && cp <= 0x1EF9);
}

/* ---- literal sets ------------------------------------------------------- */

typedef struct lset {
    int info;          /* 0: nothing known (the set is "anything") */
    int digit;         /* every match holds a decimal digit (\d: any Unicode Nd character) */
    size_t n, cap;
    char (*s)[LIT_MAX];
    unsigned char *len;
} lset;

static void lset_free(lset *a)
{
    free(a->s);
    free(a->len);
    memset(a, 0, sizeof *a);
}

static void lset_push(lset *a, const char *s, size_t len)
{
    if (len > LIT_MAX)
        len = LIT_MAX;
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 4;
        a->s = vp_xrealloc(a->s, a->cap * sizeof *a->s);
        a->len = vp_xrealloc(a->len, a->cap);
    }
    memcpy(a->s[a->n], s, len);
    a->len[a->n] = (unsigned char)len;
    a->n++;
    a->info = 1;
}

static size_t lset_minlen(const lset *a)
{
    size_t m = LIT_MAX + 1;
    for (size_t i = 0; i < a->n; i++)
        if (a->len[i] < m)
            m = a->len[i];
    return m;
}

/* Is a a better requirement than b?  Longer shortest literal first, then fewer literals. */
static int lset_better(const lset *a, const lset *b)
{
    if (!a->info)
        return 0;
    if (!b->info)
        return 1;
    size_t ma = lset_minlen(a), mb = lset_minlen(b);
    if (ma != mb)
        return ma > mb;
    return a->n < b->n;
}

/* a := a | b (b is consumed). */
static void lset_union(lset *a, lset *b)
{
    int digit = a->digit && b->digit;
    if (!a->info || !b->info || a->n + b->n > SET_MAX) {
        lset_free(a);
        lset_free(b);
        a->digit = digit;
        return;
    }
    for (size_t i = 0; i < b->n; i++)
        lset_push(a, b->s[i], b->len[i]);
    lset_free(b);
    a->digit = digit;
}

static int lset_same(const lset *a, const lset *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->len[i] != b->len[i] || memcmp(a->s[i], b->s[i], a->len[i]) != 0)
            return 0;
    return 1;
}

/* Requirements that all hold: every match holds a literal of each set (the best CONJ_MAX
 * kept, best first), and a digit when `digit`. */
#define CONJ_MAX 3
typedef struct conj {
    lset r[CONJ_MAX];
    size_t n;
    int digit;
    int never; /* no match takes this way: it ends in (*FAIL) */
    lset lead; /* when lead.info: every match starts with one of these literals (after
                * zero-width items), the leading set */
    int zero;  /* every match is empty (lookarounds, anchors: "(?:(?<=a)|(?<=b))") */
    int empty; /* a group with a branch that matches empty ("(?:nguồn\s+|(?<=bằng\s))"): the
                * leading set is of its other branches; what follows the group starts the rest */
} conj;

static void conj_free(conj *c)
{
    for (size_t i = 0; i < c->n; i++)
        lset_free(&c->r[i]);
    c->n = 0;
    lset_free(&c->lead);
}

/* Adds requirement x (consumed) to c. */
static void conj_add(conj *c, lset *x)
{
    if (!x->info || x->n == 0) {
        lset_free(x);
        return;
    }
    for (size_t i = 0; i < c->n; i++)
        if (lset_same(&c->r[i], x)) {
            lset_free(x);
            return;
        }
    size_t k = c->n;
    while (k > 0 && lset_better(x, &c->r[k - 1]))
        k--;
    if (k >= CONJ_MAX) {
        lset_free(x);
        return;
    }
    if (c->n == CONJ_MAX)
        lset_free(&c->r[--c->n]);
    memmove(&c->r[k + 1], &c->r[k], (c->n - k) * sizeof *c->r);
    c->r[k] = *x;
    memset(x, 0, sizeof *x);
    c->n++;
}

/* The best requirement of c alone (c is consumed). */
static lset conj_best(conj *c)
{
    lset b = {0};
    if (c->n) {
        b = c->r[0];
        for (size_t i = 1; i < c->n; i++)
            lset_free(&c->r[i]);
    }
    b.digit = c->digit;
    c->n = 0;
    lset_free(&c->lead);
    return b;
}

/* ---- pattern reader ----------------------------------------------------- */

typedef struct pctx {
    const char *p, *end;
    int bad;
    int depth;
    int nolead; /* \K, \G or a backtracking verb: the leading set is not used */
} pctx;

enum { A_LIT, A_OTHER, A_GROUP, A_ZERO, A_LOOK, A_DIGIT, A_NEVER };

static conj parse_alt(pctx *c);

static int at(const pctx *c, size_t k) { return c->p + k < c->end ? (unsigned char)c->p[k] : -1; }

static int is_digit(int ch) { return ch >= '0' && ch <= '9'; }
static int is_alnum(int ch) { return is_digit(ch) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

/* Skips from c->p (at an opening brace) past the closing one. */
static void skip_braces(pctx *c)
{
    while (c->p < c->end && *c->p != '}')
        c->p++;
    if (c->p >= c->end)
        c->bad = 1;
    else
        c->p++;
}

/* A quantifier after an atom: sets *min (0 or at least 1), returns 1 when there was one. */
static int parse_quant(pctx *c, int *min)
{
    int ch = at(c, 0), q = 0;
    *min = 1;
    if (ch == '?' || ch == '*') {
        *min = 0;
        c->p++;
        q = 1;
    } else if (ch == '+') {
        c->p++;
        q = 1;
    } else if (ch == '{') {
        /* {n} {n,} {n,m} {,m}; anything else after an atom: give up (versions differ) */
        const char *s = c->p + 1;
        long lo = 0;
        int dlo = 0, dhi = 0, comma = 0;
        while (s < c->end && is_digit((unsigned char)*s)) {
            if (lo < 100000)
                lo = lo * 10 + (*s - '0');
            s++;
            dlo = 1;
        }
        if (s < c->end && *s == ',') {
            comma = 1;
            s++;
            while (s < c->end && is_digit((unsigned char)*s)) {
                s++;
                dhi = 1;
            }
        }
        if (s >= c->end || *s != '}' || (!dlo && !dhi) || (!dlo && !comma)) {
            c->bad = 1;
            return 0;
        }
        *min = dlo && lo > 0 ? 1 : 0;
        c->p = s + 1;
        q = 1;
    }
    if (q && (at(c, 0) == '+' || at(c, 0) == '?'))
        c->p++;
    return q;
}

static void skip_class(pctx *c)
{
    c->p++; /* [ */
    if (at(c, 0) == '^')
        c->p++;
    if (at(c, 0) == ']')
        c->p++;
    while (c->p < c->end && *c->p != ']') {
        if (*c->p == '\\') {
            if (at(c, 1) == 'Q' || at(c, 1) == 'E') {
                c->bad = 1;
                return;
            }
            c->p += 2;
        } else if (*c->p == '[' && at(c, 1) == ':') {
            const char *e = c->p + 2;
            while (e + 1 < c->end && !(e[0] == ':' && e[1] == ']'))
                e++;
            if (e + 1 >= c->end) {
                c->bad = 1;
                return;
            }
            c->p = e + 2;
        } else {
            c->p++;
        }
    }
    if (c->p >= c->end)
        c->bad = 1;
    else
        c->p++;
}

/* A backslash escape outside a class. */
static int parse_escape(pctx *c, int32_t *cp)
{
    int e = at(c, 1);
    if (e < 0) {
        c->bad = 1;
        return A_OTHER;
    }
    c->p += 2;
    if (is_digit(e)) { /* back reference or octal */
        while (c->p < c->end && is_digit((unsigned char)*c->p))
            c->p++;
        return A_OTHER;
    }
    switch (e) {
    case 'p':
    case 'P':
    case 'x':
    case 'o':
    case 'N':
        if (at(c, 0) == '{')
            skip_braces(c);
        else if (e == 'p' || e == 'P')
            c->p++;
        else if (e == 'x')
            for (int k = 0; k < 2 && c->p < c->end && strchr("0123456789abcdefABCDEF", *c->p); k++)
                c->p++;
        else if (e == 'o')
            c->bad = 1;
        return A_OTHER;
    case 'c':
        c->p++;
        return A_OTHER;
    case 'd':
        return A_DIGIT;
    case 'D': case 'w': case 'W': case 's': case 'S': case 'h': case 'H':
    case 'v': case 'V': case 'R': case 'X': case 'C':
        return A_OTHER;
    case 'G': case 'K':
        c->nolead = 1;
        return A_ZERO;
    case 'b': case 'B': case 'A': case 'z': case 'Z':
        return A_ZERO;
    case 'n': *cp = '\n'; return A_LIT;
    case 't': *cp = '\t'; return A_LIT;
    case 'r': *cp = '\r'; return A_LIT;
    case 'f': *cp = '\f'; return A_LIT;
    case 'e': *cp = 0x1B; return A_LIT;
    case 'a': *cp = 0x07; return A_LIT;
    default:
        if (e < 0x80 && !is_alnum(e)) {
            *cp = e;
            return A_LIT;
        }
        c->bad = 1; /* \Q \E \k \g \u ... */
        return A_OTHER;
    }
}

/* Skips a group name up to `close`. */
static void skip_name(pctx *c, char close)
{
    while (c->p < c->end && *c->p != close)
        c->p++;
    if (c->p >= c->end)
        c->bad = 1;
    else
        c->p++;
}

/* After "(" has been consumed up to the group's body: the body and ")". */
static void skip_alt(pctx *c);

static conj group_body(pctx *c)
{
    conj g = parse_alt(c);
    if (!c->bad && at(c, 0) == ')')
        c->p++;
    else
        c->bad = 1;
    return g;
}

static int parse_group(pctx *c, conj *g)
{
    if (++c->depth > DEPTH_MAX) {
        c->bad = 1;
        return A_OTHER;
    }
    int kind = A_GROUP;
    c->p++; /* ( */
    if (at(c, 0) == '*') {
        /* backtracking verbs: (*F) ends the way it is on; (*SKIP), (*PRUNE), (*COMMIT),
         * (*THEN) and marks only stop ways that would have matched, so every match still
         * holds what the rest of its way requires; (*ACCEPT) and start-of-pattern options
         * are not followed */
        const char *v = c->p + 1, *e = v; /* c->p is at the star */
        while (e < c->end && *e != ')' && *e != ':')
            e++;
        size_t vl = (size_t)(e - v);
#define VERB(w) (vl == sizeof(w) - 1 && memcmp(v, w, vl) == 0)
        if (VERB("F") || VERB("FAIL"))
            kind = e < c->end && *e == ')' ? A_NEVER : A_OTHER;
        else if (VERB("SKIP") || VERB("PRUNE") || VERB("COMMIT") || VERB("THEN") || VERB("MARK") || vl == 0)
            kind = A_ZERO;
        else
            kind = A_OTHER;
#undef VERB
        if (kind == A_OTHER)
            c->bad = 1;
        else
            skip_name(c, ')');
        c->nolead = 1; /* a verb changes where the next attempt starts */
    } else if (at(c, 0) != '?') {
        *g = group_body(c);
    } else {
        int q = at(c, 1);
        c->p += 2;
        if (q == '#') {
            skip_name(c, ')');
            kind = A_ZERO;
        } else if (q == '&' || (q >= '0' && q <= '9') ||
                   ((q == '-' || q == '+') && at(c, 0) >= '0' && at(c, 0) <= '9')) {
            /* a call of a group, named ("(?&agency)") or by its number ("(?-1)", "(?2)"): it
             * matches what the group does, here taken as something that requires nothing */
            skip_name(c, ')');
            kind = A_OTHER;
        } else if (q == ':' || q == '>' || q == '|') {
            *g = group_body(c);
        } else if (q == '=' || q == '!' || (q == '<' && (at(c, 0) == '=' || at(c, 0) == '!'))) {
            /* a positive lookaround's text is in the subject too (next to nothing in
             * particular); a negative one says nothing */
            int positive = q == '=' || (q == '<' && at(c, 0) == '=');
            if (q == '<')
                c->p++;
            if (positive) {
                *g = group_body(c);
            } else { /* stepped over, not read: a list of words a name stops at is long */
                skip_alt(c);
                while (!c->bad && at(c, 0) == '|') {
                    c->p++;
                    skip_alt(c);
                }
                if (!c->bad && at(c, 0) == ')')
                    c->p++;
                else
                    c->bad = 1;
            }
            kind = positive ? A_LOOK : A_ZERO;
        } else if (q == '<' || q == '\'' || (q == 'P' && at(c, 0) == '<')) {
            if (q == 'P')
                c->p++;
            skip_name(c, q == '\'' ? '\'' : '>');
            if (!c->bad)
                *g = group_body(c);
        } else {
            /* option letters: (?i) (?-i) (?i:...); (?x) changes the syntax, anything else
             * (recursion, conditions, callouts) is not followed */
            c->p--;
            while (c->p < c->end && ((*c->p >= 'a' && *c->p <= 'z') || (*c->p >= 'A' && *c->p <= 'Z') ||
                                     *c->p == '-' || *c->p == '^')) {
                if (*c->p == 'x')
                    c->bad = 1;
                c->p++;
            }
            if (c->bad) {
            } else if (at(c, 0) == ')') {
                c->p++;
                kind = A_ZERO;
            } else if (at(c, 0) == ':') {
                c->p++;
                *g = group_body(c);
            } else {
                c->bad = 1;
            }
        }
    }
    c->depth--;
    return kind;
}

/* A run of literal characters, as the set of strings it may be (a class such as [àa]
 * makes one string two). */
typedef struct lrun {
    char s[SET_MAX][LIT_MAX];
    unsigned char len[SET_MAX];
    size_t n;  /* strings (1 when there are no classes) */
    int any;   /* a character has been added */
} lrun;

static void run_reset(lrun *r)
{
    r->n = 1;
    r->len[0] = 0;
    r->any = 0;
}

static void flush(conj *acc, lrun *r)
{
    if (r->any) {
        lset t = {0};
        for (size_t i = 0; i < r->n; i++) {
            int dup = 0;
            for (size_t j = 0; j < t.n && !dup; j++)
                dup = t.len[j] == r->len[i] && memcmp(t.s[j], r->s[i], r->len[i]) == 0;
            if (!dup)
                lset_push(&t, r->s[i], r->len[i]);
        }
        conj_add(acc, &t);
    }
    run_reset(r);
}

/* Appends one character, any of the folded alternatives alt[0..nalt) (each UTF-8 in the low
 * bytes, its length in the top byte); a run that would have too many strings is flushed
 * first. */
static void run_add(conj *acc, lrun *r, const uint32_t *alt, size_t nalt)
{
    if (r->n * nalt > SET_MAX)
        flush(acc, r);
    size_t n = r->n;
    char s[SET_MAX][LIT_MAX];
    unsigned char len[SET_MAX];
    memcpy(s, r->s, n * sizeof *s);
    memcpy(len, r->len, n);
    r->n = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t a = 0; a < nalt; a++) {
            size_t l = len[i], ul = alt[a] >> 24;
            memcpy(r->s[r->n], s[i], l);
            for (size_t k = 0; k < ul && l < LIT_MAX; k++)
                r->s[r->n][l++] = (char)(alt[a] >> (8 * k));
            r->len[r->n] = (unsigned char)l;
            int dup = 0;
            for (size_t j = 0; j < r->n && !dup; j++)
                dup = r->len[j] == l && memcmp(r->s[j], r->s[r->n], l) == 0;
            if (!dup)
                r->n++;
        }
    r->any = 1;
}

static uint32_t enc_folded(int32_t cp)
{
    char u[4] = {0};
    int ul = vp_utf8_encode(fold_cp(cp), u);
    return (uint32_t)(unsigned char)u[0] | (uint32_t)(unsigned char)u[1] << 8 | (uint32_t)(unsigned char)u[2] << 16 |
           (uint32_t)ul << 24;
}

#define CLASS_MAX 8

/* A class of a few literal characters ([àa], [/-]): their folded forms, distinct, into
 * alt; returns how many, or 0 (c->p unchanged) for any other class: negated, ranges,
 * escapes, POSIX names, characters a literal may not hold, or more than CLASS_MAX. */
static size_t lit_class(pctx *c, uint32_t *alt)
{
    const char *p = c->p + 1, *end = c->end;
    size_t n = 0;
    if (p >= end || *p == '^' || *p == ']')
        return 0;
    while (p < end && *p != ']') {
        if (*p == '\\' || *p == '[')
            return 0;
        if (*p == '-' && p + 1 < end && p[1] != ']' && p > c->p + 1)
            return 0; /* a range */
        int32_t cp;
        int l = vp_utf8_decode(p, (size_t)(end - p), &cp);
        if (cp < 0 || !safe_cp(cp))
            return 0;
        if (p + l < end && p[l] == '-' && p + l + 1 < end && p[l + 1] != ']')
            return 0; /* the start of a range */
        uint32_t e = enc_folded(cp);
        int dup = 0;
        for (size_t k = 0; k < n && !dup; k++)
            dup = alt[k] == e;
        if (!dup) {
            if (n == CLASS_MAX)
                return 0;
            alt[n++] = e;
        }
        p += l;
    }
    if (p >= end)
        return 0;
    c->p = p + 1;
    return n;
}

/* The strings of run r into the leading set of acc. */
static void lead_take(conj *acc, const lrun *r)
{
    for (size_t i = 0; r->any && i < r->n; i++)
        lset_push(&acc->lead, r->s[i], r->len[i]);
}

static conj parse_seq(pctx *c)
{
    conj acc = {0};
    lrun run;
    run_reset(&run);
    int digit = 0;
    /* the leading set: the run of literals the sequence starts with (lead_run while it is
     * being read), or the leading set of the group it starts with; none when it starts with
     * anything else that consumes (lead_bad) */
    int started = 0, lead_run = 0, lead_bad = 0;
    /* optional groups first ("(?:hoàn thành\s+)?trước"): their leading sets join the one of
     * what follows them */
    lset opt = {0};
    int opt_bad = 0, consumes = 0;
    while (!c->bad && c->p < c->end && *c->p != '|' && *c->p != ')') {
        int ch = (unsigned char)*c->p, kind;
        int32_t cp = 0;
        /* a group's requirements; only its count and leading set are read for other items
         * (cleared alone: clearing the whole of it for every character cost a third of
         * reading the patterns) */
        conj g;
        g.n = 0;
        memset(&g.lead, 0, sizeof g.lead);
        uint32_t alt[CLASS_MAX];
        size_t nalt = 0;
        if (ch == '(') {
            memset(&g, 0, sizeof g);
            kind = parse_group(c, &g);
        } else if (ch == '[') {
            nalt = lit_class(c, alt);
            if (nalt) {
                kind = A_LIT;
            } else {
                skip_class(c);
                kind = A_OTHER;
            }
        } else if (ch == '\\') {
            kind = parse_escape(c, &cp);
        } else if (ch == '.') {
            c->p++;
            kind = A_OTHER;
        } else if (ch == '^' || ch == '$') {
            c->p++;
            kind = A_ZERO;
        } else if (ch == '*' || ch == '+' || ch == '?' || ch == '{') {
            c->bad = 1;
            break;
        } else {
            int l = vp_utf8_decode(c->p, (size_t)(c->end - c->p), &cp);
            if (cp < 0) {
                c->bad = 1;
                break;
            }
            c->p += l;
            kind = A_LIT;
        }
        if (c->bad) {
            conj_free(&g);
            break;
        }
        int min = 1, q = parse_quant(c, &min);
        if (!c->bad && q && kind == A_NEVER)
            c->bad = 1;
        if (c->bad) {
            conj_free(&g);
            break;
        }
        if (kind == A_GROUP && g.zero)
            kind = A_LOOK; /* a group of lookarounds is one */
        if (kind == A_LIT || kind == A_OTHER || kind == A_DIGIT || kind == A_GROUP)
            consumes = 1;
        if (!started && kind == A_GROUP && (min == 0 || g.empty)) {
            if (!g.lead.info || !g.lead.n)
                opt_bad = 1;
            else if (!opt_bad && opt.info)
                lset_union(&opt, &g.lead);
            else if (!opt_bad)
                opt = g.lead, memset(&g.lead, 0, sizeof g.lead);
            if (!opt.info)
                opt_bad = 1; /* over SET_MAX */
            flush(&acc, &run);
            conj_free(&g); /* an optional group requires nothing (one with an empty branch is
                            * taken as one: what its other branches require is not kept) */
            continue;
        }
        /* a consuming item ends the leading run; one that is not a literal, first, leaves
         * the sequence without a leading set */
        int lit = kind == A_LIT && !(min == 0 || (!nalt && !safe_cp(cp)));
        if (kind == A_LIT || kind == A_OTHER || kind == A_DIGIT || kind == A_GROUP) {
            if (lead_run && (!lit || q || run.n * (nalt ? nalt : 1) > SET_MAX)) {
                lead_take(&acc, &run);
                lead_run = 0;
            }
            if (!started) {
                started = 1;
                if (lit)
                    lead_run = 1;
                else if (kind == A_GROUP && min >= 1 && g.lead.info && g.lead.n)
                    acc.lead = g.lead, memset(&g.lead, 0, sizeof g.lead);
                else
                    lead_bad = 1;
            }
        }
        lset_free(&g.lead);
        switch (kind) {
        case A_LIT:
            if (!lit) {
                flush(&acc, &run);
            } else {
                if (!nalt)
                    alt[nalt++] = enc_folded(cp);
                run_add(&acc, &run, alt, nalt);
                if (q) {
                    if (lead_run) {
                        lead_take(&acc, &run);
                        lead_run = 0;
                    }
                    flush(&acc, &run);
                }
            }
            break;
        case A_OTHER:
            flush(&acc, &run);
            break;
        case A_DIGIT:
            flush(&acc, &run);
            if (min >= 1)
                digit = 1;
            break;
        case A_GROUP:
        case A_LOOK:
            if (kind == A_GROUP)
                flush(&acc, &run);
            if (min >= 1) {
                digit |= g.digit;
                acc.never |= g.never;
                for (size_t i = 0; i < g.n; i++)
                    conj_add(&acc, &g.r[i]);
                g.n = 0;
            } else {
                conj_free(&g);
            }
            break;
        case A_NEVER:
            acc.never = 1;
            break;
        default: /* zero-width */
            conj_free(&g);
            break;
        }
    }
    if (lead_run)
        lead_take(&acc, &run);
    flush(&acc, &run);
    acc.digit = digit;
    acc.zero = !consumes;
    if (lead_bad || !started || opt_bad)
        lset_free(&acc.lead);
    else if (opt.info && acc.lead.info)
        lset_union(&acc.lead, &opt);
    lset_free(&opt);
    return acc;
}

/* One branch: all its requirements; several: each branch's best, joined.  Branches that
 * with (*FAIL) in them do not count: with one other branch, its requirements are the group's. */
static conj parse_alt(pctx *c)
{
    conj r = parse_seq(c);
    if (c->bad || at(c, 0) != '|')
        return r;
    conj one = {0}; /* the only branch that can match so far */
    size_t live = 0;
    lset u = {0}, lu = {0}; /* lu: the branches' leading sets */
    int lead_bad = 0, zero = 1;
    int empty = 0;
    for (;;) {
        if (!r.never) {
            zero &= r.zero;
            if (r.zero)
                empty = 1; /* a branch of lookarounds: its matches start where the group ends */
            else if (!r.lead.info || !r.lead.n || lu.n + r.lead.n > 4 * SET_MAX)
                lead_bad = 1;
            for (size_t i = 0; !lead_bad && i < r.lead.n; i++)
                lset_push(&lu, r.lead.s[i], r.lead.len[i]);
            if (live == 0) {
                one = r;
            } else {
                if (live == 1)
                    u = conj_best(&one);
                lset bl = conj_best(&r);
                lset_union(&u, &bl);
            }
            live++;
        } else {
            conj_free(&r);
        }
        if (c->bad || at(c, 0) != '|')
            break;
        c->p++;
        r = parse_seq(c);
    }
    if (live == 0) {
        lset_free(&lu);
        conj out = {0};
        out.never = 1;
        return out;
    }
    if (live == 1) {
        lset_free(&lu);
        return one;
    }
    conj out = {0};
    out.zero = zero;
    out.empty = empty && !zero;
    out.digit = u.digit;
    u.digit = 0;
    conj_add(&out, &u);
    if (!lead_bad)
        out.lead = lu;
    else
        lset_free(&lu);
    return out;
}

/* ---- automaton ---------------------------------------------------------- */

typedef struct plit {
    char s[LIT_MAX];
    unsigned char len;
    uint32_t id;  /* the rule */
    uint32_t sec; /* 0: the rule's first requirement; k: its requirement number nrules + k - 1 */
    int lead;     /* one of the rule's leading set instead (its starts are reported) */
} plit;

/* A rule with more than one requirement: the others have the bits nrules + first ... */
typedef struct pconj {
    uint32_t id, first, n;
} pconj;

struct vp_prefilter {
    plit *lits;
    size_t nlits, cap;
    size_t nrules_pf;
    uint32_t *digit_ids, *nolit_ids; /* rules that need a digit; rules with no literal */
    size_t ndigit, nnolit;
    uint64_t *needdigit, *nolit;     /* the same as bit sets, `words` words each */
    pconj *conjs;
    size_t nconjs, nsec;
    uint64_t *conjmask;              /* rules with conjs, `words` words */
    uint32_t *conjof;                /* per rule: its entry of conjs */
    size_t nrules, words;
    size_t ncls;        /* character classes: 0 for a character in no literal, then one each */
    uint32_t nstates;
    uint16_t *delta;    /* nstates rows of ncls entries: the next state << 1 | it has outputs */
    uint32_t *dict;     /* next state on the failure chain with outputs of its own, 0 none */
    uint32_t *outstart; /* own outputs of state s: outids[outstart[s] .. outstart[s + 1]) */
    uint32_t *outids;
    uint8_t *hasout;    /* own outputs or a dict link */
    uint64_t *outbits;  /* per state, `words` words: every rule whose literal ends there */
    uint32_t *ostart;   /* the same, only its words that are not 0: for state s the entries */
    uint32_t *oword;    /* ostart[s] .. ostart[s + 1] of oword (which word) and omask */
    uint64_t *omask;
    /* leading literals ending at each state (its own and its suffixes'): lstart[s] ..
     * lstart[s + 1] of lrule (the rule) and lchars (the literal's length in characters) */
    uint32_t *lstart, *lrule;
    uint8_t *lchars;
    uint64_t *leads; /* the rules with a leading set, by id */
    size_t nleads;
    /* the class of each character of U+0000-U+024F and U+1E00-U+1EFF, after folding (a
     * capital's is its small letter's) */
    uint8_t cls[0x350]; /* at class_at(cp) */
};

/* Where character cp's class is kept in cls: U+0000-U+024F, then U+1E00-U+1EFF; -1 for any
 * other character (its class is 0). */
static int class_at(int32_t cp)
{
    if (cp >= 0 && cp < 0x250)
        return cp;
    if (cp >= 0x1E00 && cp < 0x1F00)
        return 0x250 + (cp - 0x1E00);
    return -1;
}

vp_prefilter *vp_prefilter_new(void) { return vp_xcalloc(1, sizeof(vp_prefilter)); }

void vp_prefilter_free(vp_prefilter *p)
{
    if (!p)
        return;
    free(p->lits);
    free(p->conjs);
    free(p->conjmask);
    free(p->conjof);
    free(p->digit_ids);
    free(p->nolit_ids);
    free(p->needdigit);
    free(p->nolit);
    free(p->delta);
    free(p->dict);
    free(p->outstart);
    free(p->outids);
    free(p->hasout);
    free(p->outbits);
    free(p->ostart);
    free(p->oword);
    free(p->omask);
    free(p->lstart);
    free(p->lrule);
    free(p->lchars);
    free(p->leads);
    free(p);
}

static void push_lit(vp_prefilter *p, const char *s, size_t len, uint32_t id, uint32_t sec, int lead)
{
    if (p->nlits == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 256;
        p->lits = vp_xrealloc(p->lits, p->cap * sizeof *p->lits);
    }
    plit *l = &p->lits[p->nlits++];
    memcpy(l->s, s, len);
    l->len = (unsigned char)len;
    l->id = id;
    l->sec = sec;
    l->lead = lead;
}

/* Does the pattern read into s have a leading set worth reporting: one its reader is sure
 * of, of literals of LEAD_MIN_CHARS whole characters or more?  (Shorter ones, "số", "xã",
 * start in every other line: noting where they do costs the scan more than it spares the
 * rule; on the bench corpus 3 took 9% fewer instructions in the facts stage than 4, and 2 took
 * 8% more than 3.) */
#define LEAD_MIN_CHARS 3
static int lead_usable(const pctx *c, const conj *s)
{
    if (c->bad || c->nolead || c->p != c->end || s->never || !s->lead.info || !s->lead.n)
        return 0;
    for (size_t i = 0; i < s->lead.n; i++) {
        int32_t cp;
        size_t k = 0, chars = 0;
        while (k < s->lead.len[i]) {
            int l = vp_utf8_decode(s->lead.s[i] + k, s->lead.len[i] - k, &cp);
            if (cp < 0 || k + (size_t)l > s->lead.len[i])
                break;
            k += (size_t)l;
            chars++;
        }
        if (chars < LEAD_MIN_CHARS)
            return 0;
    }
    return 1;
}

int vp_prefilter_leads(const char *pattern, size_t len)
{
    pctx c = {pattern, pattern + len, 0, 0, 0};
    conj s = parse_alt(&c);
    int r = lead_usable(&c, &s);
    conj_free(&s);
    return r;
}

int vp_prefilter_is_lead(const vp_prefilter *p, size_t id)
{
    return id / 64 < p->nleads && ((p->leads[id / 64] >> (id % 64)) & 1);
}

/* Does set a hold a literal of one letter a-z? */
static int lset_has_letter(const lset *a)
{
    for (size_t i = 0; i < a->n; i++)
        if (a->len[i] == 1 && a->s[i][0] >= 'a' && a->s[i][0] <= 'z')
            return 1;
    return 0;
}

int vp_prefilter_add(vp_prefilter *p, size_t id, const char *pattern, size_t len)
{
    pctx c = {pattern, pattern + len, 0, 0, 0};
    conj s = parse_alt(&c);
    /* A requirement met by one letter (the "c" of a Roman numeral) is met by nearly every
     * line: it spares no run, and the scan would stop to mark it at every such letter (a
     * quarter of the scan's time went so).  It is not kept.  One other character ("đ", ",",
     * "/") still spares the runs on the lines without it. */
    size_t kept = 0;
    for (size_t k = 0; k < s.n; k++) {
        if (lset_has_letter(&s.r[k]))
            lset_free(&s.r[k]);
        else
            s.r[kept++] = s.r[k];
    }
    s.n = kept;
    int lits = s.n > 0;
    if (c.bad || c.p != c.end || s.never || (!lits && !s.digit) || id > UINT32_MAX) {
        conj_free(&s);
        return 0;
    }
    if (s.digit) {
        p->digit_ids = vp_xrealloc(p->digit_ids, (p->ndigit + 1) * sizeof *p->digit_ids);
        p->digit_ids[p->ndigit++] = (uint32_t)id;
    }
    if (!lits) {
        p->nolit_ids = vp_xrealloc(p->nolit_ids, (p->nnolit + 1) * sizeof *p->nolit_ids);
        p->nolit_ids[p->nnolit++] = (uint32_t)id;
    }
    for (size_t i = 0; lits && i < s.r[0].n; i++)
        push_lit(p, s.r[0].s[i], s.r[0].len[i], (uint32_t)id, 0, 0);
    if (s.n > 1) { /* the other requirements: bits of their own, numbered after the rules */
        p->conjs = vp_xrealloc(p->conjs, (p->nconjs + 1) * sizeof *p->conjs);
        p->conjs[p->nconjs].id = (uint32_t)id;
        p->conjs[p->nconjs].first = (uint32_t)p->nsec;
        p->conjs[p->nconjs].n = (uint32_t)(s.n - 1);
        p->nconjs++;
        for (size_t k = 1; k < s.n; k++) {
            p->nsec++;
            for (size_t i = 0; i < s.r[k].n; i++)
                push_lit(p, s.r[k].s[i], s.r[k].len[i], (uint32_t)id, (uint32_t)p->nsec, 0);
        }
    }
    if (lead_usable(&c, &s)) {
        for (size_t i = 0; i < s.lead.n; i++)
            push_lit(p, s.lead.s[i], s.lead.len[i], (uint32_t)id, 0, 1);
        size_t w = id / 64 + 1;
        if (w > p->nleads) {
            p->leads = vp_xrealloc(p->leads, w * sizeof *p->leads);
            memset(p->leads + p->nleads, 0, (w - p->nleads) * sizeof *p->leads);
            p->nleads = w;
        }
        p->leads[id / 64] |= (uint64_t)1 << (id % 64);
    }
    conj_free(&s);
    p->nrules_pf++;
    return 1;
}

/* ---- digit-first patterns ---------------------------------------------- */

/* Skips to the end of the current alternative: the next '|' or ')' at this depth, or the
 * end (escapes and classes stepped over). */
static void skip_alt(pctx *c)
{
    int depth = 0;
    while (c->p < c->end && !c->bad) {
        int ch = (unsigned char)*c->p;
        if (ch == '\\') {
            if (at(c, 1) == 'Q' || at(c, 1) == 'E' || at(c, 1) < 0) {
                c->bad = 1;
                return;
            }
            c->p += 2;
        } else if (ch == '[') {
            skip_class(c);
        } else if (ch == '(') {
            depth++;
            c->p++;
        } else if (ch == ')' || ch == '|') {
            if (depth == 0)
                return;
            if (ch == ')')
                depth--;
            c->p++;
        } else {
            c->p++;
        }
    }
}

/* Skips the alternatives of a group from c->p (after its opening) and its ")": 0 (c->bad set)
 * when the group does not end there. */
static int skip_group_rest(pctx *c)
{
    skip_alt(c);
    while (!c->bad && at(c, 0) == '|') {
        c->p++;
        skip_alt(c);
    }
    if (c->bad || at(c, 0) != ')') {
        c->bad = 1;
        return 0;
    }
    c->p++;
    return 1;
}

static int alt_digit_first(pctx *c);

/* Is the text at c->p a lookaround's opening, "(?=", "(?!", "(?<=" or "(?<!"?  Its length, or 0. */
static int look_open(const pctx *c)
{
    if (at(c, 0) != '(' || at(c, 1) != '?')
        return 0;
    int q = at(c, 2);
    if (q == '=' || q == '!')
        return 3;
    return q == '<' && (at(c, 3) == '=' || at(c, 3) == '!') ? 4 : 0;
}

/* At "(?:": a group whose every branch is lookarounds only, "(?:(?<=a\s)|(?<=bc\s))", with
 * any quantifier, takes none of the text: steps over it and returns 1.  Else 0, c->p kept. */
static int skip_look_group(pctx *c)
{
    const char *save = c->p;
    c->p += 3;
    for (;;) {
        int n;
        while (!c->bad && (n = look_open(c)) > 0) {
            c->p += n;
            skip_group_rest(c);
        }
        if (c->bad || at(c, 0) != '|')
            break;
        c->p++;
    }
    int min = 1;
    if (!c->bad && at(c, 0) == ')') {
        c->p++;
        parse_quant(c, &min);
        if (!c->bad)
            return 1;
    }
    c->bad = 0; /* it was not set on entry (the caller stops when it is) */
    c->p = save;
    return 0;
}

/* Does every match of the alternative at c->p start with a character \d matches?  Leaves
 * c->p at the alternative's end. */
static int seq_digit_first(pctx *c)
{
    int yes = 0;
    for (;;) {
        if (at(c, 0) == '(' && at(c, 1) == '?' && at(c, 2) == ':' && skip_look_group(c))
            continue;
        int look = look_open(c);
        if (look) {
            /* a lookaround at the start reads the text but takes none of it */
            c->p += look;
            if (!skip_group_rest(c))
                return 0;
            continue;
        }
        if (at(c, 0) == '(' && at(c, 1) == '?') {
            /* option settings (?i) (?-i); (?x) changes the syntax */
            const char *o = c->p + 2;
            while (o < c->end && ((*o >= 'a' && *o <= 'z') || *o == '-' || *o == '^')) {
                if (*o == 'x')
                    c->bad = 1;
                o++;
            }
            if (!c->bad && o > c->p + 2 && o < c->end && *o == ')') {
                c->p = o + 1;
                continue;
            }
        }
        break;
    }
    if (c->bad)
        return 0;
    if (at(c, 0) == '\\' && at(c, 1) == 'd') {
        c->p += 2;
        int min = 1;
        if (!parse_quant(c, &min) || min > 0)
            yes = 1;
    } else if (at(c, 0) == '(' && at(c, 1) != '*') {
        /* a group: plain, (?:, (?<name>, (?'name', (?P<name> */
        c->p++;
        int ok = 1;
        if (at(c, 0) == '?') {
            int q = at(c, 1);
            if (q == ':') {
                c->p += 2;
            } else if (q == '<' || q == '\'' || (q == 'P' && at(c, 2) == '<')) {
                c->p += q == 'P' ? 3 : 2;
                skip_name(c, q == '\'' ? '\'' : '>');
            } else {
                ok = 0;
            }
        }
        if (ok && !c->bad && ++c->depth <= DEPTH_MAX) {
            int inner = alt_digit_first(c);
            c->depth--;
            if (!c->bad && at(c, 0) == ')') {
                c->p++;
                int min = 1;
                if (!parse_quant(c, &min) || min > 0)
                    yes = inner;
            } else {
                c->bad = 1;
            }
        }
    }
    skip_alt(c);
    return yes && !c->bad;
}

static int alt_digit_first(pctx *c)
{
    int all = 1;
    for (;;) {
        all &= seq_digit_first(c);
        if (c->bad)
            return 0;
        if (at(c, 0) != '|')
            return all;
        c->p++;
    }
}

int vp_prefilter_digit_first(const char *pattern, size_t len)
{
    /* verbs ((*COMMIT) ...) and \G depend on where the search starts: not followed */
    for (size_t i = 0; i + 1 < len; i++) {
        if (pattern[i] == '\\') {
            if (pattern[i + 1] == 'G')
                return 0;
            i++;
        } else if (pattern[i] == '(' && pattern[i + 1] == '*') {
            return 0;
        }
    }
    pctx c = {pattern, pattern + len, 0, 0, 0};
    int yes = alt_digit_first(&c);
    return yes && !c.bad && c.p == c.end;
}

/* Characters below U+0660 and in the blocks U+1E00-U+1EFF (Latin, Vietnamese) and
 * U+2000-U+206F (punctuation) are never decimal digits (Unicode Nd) in any Unicode version;
 * every other non-ASCII character is treated as a possible one.  s[i] is a lead byte of at
 * least 0xD9; sets *clen to the character's length. */
static inline int maybe_digit_mb(const unsigned char *s, size_t n, size_t i, size_t *clen)
{
    unsigned char b = s[i];
    size_t k = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    if (i + k > n)
        k = n - i;
    *clen = k;
    if (k < 2)
        return 1;
    if (b == 0xD9 && s[i + 1] < 0xA0) /* U+0640-U+065F */
        return 0;
    if (b == 0xE1 && s[i + 1] >= 0xB8 && s[i + 1] <= 0xBB) /* U+1E00-U+1EFF */
        return 0;
    if (b == 0xE2 && s[i + 1] == 0x80) /* U+2000-U+203F */
        return 0;
    if (b == 0xE2 && s[i + 1] == 0x81 && k > 2 && s[i + 2] < 0xB0) /* U+2040-U+206F */
        return 0;
    return 1;
}

/* Is the character at s[i] possibly a digit?  Bytes below 0xD9 other than ASCII digits
 * (other ASCII, continuation bytes, leads of characters below U+0640) never are. */
static inline int maybe_digit(const unsigned char *s, size_t n, size_t i, size_t *clen)
{
    unsigned char b = s[i];
    *clen = 1;
    if (b < 0xD9)
        return b >= '0' && b <= '9';
    return maybe_digit_mb(s, n, i, clen);
}

int vp_prefilter_digit_run(const char *s, size_t len, size_t from, size_t *a, size_t *last)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = from, cl = 1;
    while (i < len && !maybe_digit(u, len, i, &cl))
        i += cl;
    if (i >= len)
        return 0;
    *a = *last = i;
    i += cl;
    while (i < len && maybe_digit(u, len, i, &cl)) {
        *last = i;
        i += cl;
    }
    return 1;
}

typedef struct outpair {
    uint32_t state, id;
} outpair;

static int outpair_cmp(const void *a, const void *b)
{
    const outpair *x = a, *y = b;
    if (x->state != y->state)
        return x->state < y->state ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* The bytes of s[0..len) up to its last whole character (a literal kept to LIT_MAX bytes may
 * end inside one). */
static size_t whole_chars(const char *s, size_t len)
{
    size_t k = 0;
    while (k < len) {
        int32_t cp;
        int l = vp_utf8_decode(s + k, len - k, &cp);
        if (cp < 0)
            break;
        k += (size_t)l;
    }
    return k;
}

int vp_prefilter_build(vp_prefilter *p, size_t nrules)
{
    p->nrules = nrules;
    p->words = (nrules + p->nsec + 63) / 64;
    if (p->words == 0)
        p->words = 1;
    p->needdigit = vp_xcalloc(p->words, sizeof *p->needdigit);
    p->nolit = vp_xcalloc(p->words, sizeof *p->nolit);
    for (size_t i = 0; i < p->ndigit; i++)
        if (p->digit_ids[i] < nrules)
            p->needdigit[p->digit_ids[i] >> 6] |= (uint64_t)1 << (p->digit_ids[i] & 63);
    for (size_t i = 0; i < p->nnolit; i++)
        if (p->nolit_ids[i] < nrules)
            p->nolit[p->nolit_ids[i] >> 6] |= (uint64_t)1 << (p->nolit_ids[i] & 63);
    p->conjmask = vp_xcalloc(p->words, sizeof *p->conjmask);
    p->conjof = vp_xcalloc(nrules ? nrules : 1, sizeof *p->conjof);
    for (size_t k = 0; k < p->nconjs; k++)
        if (p->conjs[k].id < nrules) {
            p->conjmask[p->conjs[k].id >> 6] |= (uint64_t)1 << (p->conjs[k].id & 63);
            p->conjof[p->conjs[k].id] = (uint32_t)k;
        }
    /* character classes: one per character that occurs in a literal, 0 for every other */
    memset(p->cls, 0, sizeof p->cls);
    p->ncls = 1;
    for (size_t i = 0; i < p->nlits; i++)
        p->lits[i].len = (unsigned char)whole_chars(p->lits[i].s, p->lits[i].len);
    for (size_t i = 0; i < p->nlits; i++)
        for (size_t k = 0; k < p->lits[i].len;) {
            int32_t cp;
            k += (size_t)vp_utf8_decode(p->lits[i].s + k, p->lits[i].len - k, &cp);
            int at = class_at(cp);
            if (at < 0 || p->ncls > UINT8_MAX) /* not a literal's character (see safe_cp) */
                return 0;
            if (!p->cls[at])
                p->cls[at] = (uint8_t)p->ncls++;
        }
    for (int32_t cp = 0; cp < 0x350; cp++) { /* every character takes its folded one's class */
        int32_t c = cp < 0x250 ? cp : 0x1E00 + (cp - 0x250);
        int f = class_at(fold_cp(c));
        p->cls[cp] = f < 0 ? 0 : p->cls[f];
    }
    size_t ncls = p->ncls, cap = 64;
    /* trie */
    uint32_t *delta = vp_xmalloc(cap * ncls * sizeof *delta);
    for (size_t k = 0; k < ncls; k++)
        delta[k] = UNSET;
    uint32_t n = 1;
    outpair *outs = vp_xmalloc((p->nlits ? p->nlits : 1) * sizeof *outs);
    outpair *louts = vp_xmalloc((p->nlits ? p->nlits : 1) * sizeof *louts); /* leading literals */
    size_t nouts = 0, nlouts = 0;
    for (size_t i = 0; i < p->nlits; i++) {
        size_t chars = 0;
        uint32_t s = 0;
        for (size_t k = 0; k < p->lits[i].len;) {
            int32_t cp;
            k += (size_t)vp_utf8_decode(p->lits[i].s + k, p->lits[i].len - k, &cp);
            size_t c = p->cls[class_at(cp)];
            if (delta[s * ncls + c] == UNSET) {
                if (n == cap) {
                    cap *= 2;
                    delta = vp_xrealloc(delta, cap * ncls * sizeof *delta);
                }
                for (size_t j = 0; j < ncls; j++)
                    delta[(size_t)n * ncls + j] = UNSET;
                delta[s * ncls + c] = n++;
            }
            s = delta[s * ncls + c];
            chars++;
        }
        if (p->lits[i].lead) {
            louts[nlouts].state = s;
            louts[nlouts++].id = p->lits[i].id << 8 | (uint32_t)chars; /* chars <= LIT_MAX */
            continue;
        }
        outs[nouts].state = s;
        outs[nouts++].id = p->lits[i].sec ? (uint32_t)(nrules + p->lits[i].sec - 1) : p->lits[i].id;
    }
    qsort(outs, nouts, sizeof *outs, outpair_cmp);
    qsort(louts, nlouts, sizeof *louts, outpair_cmp);
    size_t nl = 0; /* a literal twice in a set ("ngân sách" of two branches) is reported once */
    for (size_t i = 0; i < nlouts; i++)
        if (!nl || louts[i].state != louts[nl - 1].state || louts[i].id != louts[nl - 1].id)
            louts[nl++] = louts[i];
    nlouts = nl;
    p->outstart = vp_xcalloc((size_t)n + 1, sizeof *p->outstart);
    p->outids = vp_xmalloc((p->nlits ? p->nlits : 1) * sizeof *p->outids);
    size_t no = 0;
    for (size_t i = 0; i < nouts; i++) {
        if (no && outs[i].state == outs[i - 1].state && outs[i].id == outs[i - 1].id)
            continue;
        p->outids[no++] = outs[i].id;
        p->outstart[outs[i].state + 1]++;
    }
    for (uint32_t s = 0; s < n; s++)
        p->outstart[s + 1] += p->outstart[s];
    free(outs);
    /* each state's own leading literals (as louts, by state) */
    uint32_t *lown = vp_xcalloc((size_t)n + 1, sizeof *lown);
    for (size_t i = 0; i < nlouts; i++)
        lown[louts[i].state + 1]++;
    for (uint32_t s = 0; s < n; s++)
        lown[s + 1] += lown[s];
    /* failure links, completed transitions, output links: breadth first */
    uint32_t *fail = vp_xcalloc(n, sizeof *fail), *queue = vp_xmalloc((size_t)n * sizeof *queue);
    uint32_t *ldict = vp_xcalloc(n, sizeof *ldict); /* next state on the failure chain with leading literals */
    p->dict = vp_xcalloc(n, sizeof *p->dict);
    p->hasout = vp_xcalloc(n, 1);
    size_t qh = 0, qt = 0;
    for (size_t c = 0; c < ncls; c++) {
        uint32_t v = delta[c];
        if (v == UNSET) {
            delta[c] = 0;
        } else {
            fail[v] = 0;
            queue[qt++] = v;
        }
    }
    while (qh < qt) {
        uint32_t u = queue[qh++];
        for (size_t c = 0; c < ncls; c++) {
            uint32_t v = delta[(size_t)u * ncls + c];
            if (v == UNSET) {
                delta[(size_t)u * ncls + c] = delta[(size_t)fail[u] * ncls + c];
            } else {
                uint32_t f = delta[(size_t)fail[u] * ncls + c];
                fail[v] = f;
                p->dict[v] = p->outstart[f + 1] > p->outstart[f] ? f : p->dict[f];
                ldict[v] = lown[f + 1] > lown[f] ? f : ldict[f];
                queue[qt++] = v;
            }
        }
    }
    for (uint32_t s = 0; s < n; s++)
        p->hasout[s] = p->outstart[s + 1] > p->outstart[s] || p->dict[s] != 0 || lown[s + 1] > lown[s] || ldict[s] != 0;
    /* every leading literal that ends at each state: its own and those of its link, which is
     * shallower and so done earlier in breadth-first order */
    uint32_t *lcount = vp_xcalloc((size_t)n, sizeof *lcount);
    for (size_t qi = 0; qi < qt; qi++) {
        uint32_t v = queue[qi];
        lcount[v] = lown[v + 1] - lown[v] + (ldict[v] ? lcount[ldict[v]] : 0);
    }
    p->lstart = vp_xcalloc((size_t)n + 1, sizeof *p->lstart);
    for (uint32_t s = 0; s < n; s++)
        p->lstart[s + 1] = p->lstart[s] + lcount[s];
    p->lrule = vp_xmalloc((p->lstart[n] ? p->lstart[n] : 1) * sizeof *p->lrule);
    p->lchars = vp_xmalloc(p->lstart[n] ? p->lstart[n] : 1);
    for (size_t qi = 0; qi < qt; qi++) {
        uint32_t v = queue[qi], k = p->lstart[v];
        for (uint32_t j = lown[v]; j < lown[v + 1]; j++, k++) {
            p->lrule[k] = louts[j].id >> 8;
            p->lchars[k] = (uint8_t)(louts[j].id & 0xFF);
        }
        if (ldict[v]) {
            uint32_t d = ldict[v];
            memcpy(p->lrule + k, p->lrule + p->lstart[d], lcount[d] * sizeof *p->lrule);
            memcpy(p->lchars + k, p->lchars + p->lstart[d], lcount[d]);
        }
    }
    free(lcount);
    free(lown);
    free(ldict);
    free(louts);
    /* the full output set of each state: its own rules and those of its output link, which
     * is shallower and so comes earlier in breadth-first order */
    p->outbits = vp_xcalloc((size_t)n * p->words, sizeof *p->outbits);
    for (size_t qi = 0; qi < qt; qi++) {
        uint32_t v = queue[qi];
        uint64_t *o = p->outbits + (size_t)v * p->words;
        for (uint32_t k = p->outstart[v]; k < p->outstart[v + 1]; k++)
            o[p->outids[k] >> 6] |= (uint64_t)1 << (p->outids[k] & 63);
        if (p->dict[v])
            for (size_t w = 0; w < p->words; w++)
                o[w] |= p->outbits[(size_t)p->dict[v] * p->words + w];
    }
    size_t nz = 0;
    for (size_t k = 0; k < (size_t)n * p->words; k++)
        nz += p->outbits[k] != 0;
    p->ostart = vp_xmalloc(((size_t)n + 1) * sizeof *p->ostart);
    p->oword = vp_xmalloc((nz ? nz : 1) * sizeof *p->oword);
    p->omask = vp_xmalloc((nz ? nz : 1) * sizeof *p->omask);
    nz = 0;
    for (uint32_t v = 0; v < n; v++) {
        p->ostart[v] = (uint32_t)nz;
        for (size_t w = 0; w < p->words; w++)
            if (p->outbits[(size_t)v * p->words + w]) {
                p->oword[nz] = (uint32_t)w;
                p->omask[nz++] = p->outbits[(size_t)v * p->words + w];
            }
    }
    p->ostart[n] = (uint32_t)nz;
    free(fail);
    free(queue);
    /* a transition holds the target state shifted left by 1, and in bit 0 whether the target
     * has outputs */
    if (n > UINT16_MAX >> 1) { /* too large to encode: no prefilter */
        free(delta);
        return 0;
    }
    p->delta = vp_xmalloc((size_t)n * ncls * sizeof *p->delta);
    for (size_t k = 0; k < (size_t)n * ncls; k++)
        p->delta[k] = (uint16_t)(delta[k] << 1 | p->hasout[delta[k]]);
    free(delta);
    p->nstates = n;
    return 0;
}

size_t vp_prefilter_words(const vp_prefilter *p) { return p->words; }

void vp_prefilter_stats(const vp_prefilter *p, size_t *rules, size_t *literals, size_t *states)
{
    *rules = p->nrules_pf;
    *literals = p->nlits;
    *states = p->nstates;
}

/* A leading literal of rule `rule`, `chars` characters long, ends before s[end]: into hits
 * (vp_pf_hit_start finds where it starts). */
static void add_hit(vp_pf_hits *hits, size_t end, uint32_t rule, unsigned chars)
{
    if (hits->n >= VP_PF_HITS_MAX) {
        hits->overflow = 1;
        return;
    }
    if (hits->n == hits->cap) { /* a copy (rules.c) may have left any capacity */
        hits->cap = hits->cap ? hits->cap * 2 : 64;
        if (hits->cap > VP_PF_HITS_MAX)
            hits->cap = VP_PF_HITS_MAX;
        hits->h = vp_xrealloc(hits->h, hits->cap * sizeof *hits->h);
    }
    hits->h[hits->n].rule = rule;
    hits->h[hits->n].chars = chars;
    hits->h[hits->n++].end = (uint32_t)end;
}

size_t vp_pf_hit_start(const char *s, const vp_pf_hit *h)
{
    size_t a = h->end;
    for (unsigned k = 0; k < h->chars && a > 0; k++)
        do
            a--;
        while (a > 0 && ((unsigned char)s[a] & 0xC0) == 0x80);
    return a;
}

#define STEP(c)                                                                                                      \
    do {                                                                                                             \
        st = delta[(size_t)(st >> 1) * ncls + (c)];                                                                  \
        if (st & 1) {                                                                                                \
            uint32_t s_ = st >> 1;                                                                                   \
            for (uint32_t k_ = ostart[s_]; k_ < ostart[s_ + 1]; k_++)                                                \
                bits[oword[k_]] |= omask[k_];                                                                        \
            if (hits)                                                                                                \
                for (uint32_t k_ = lstart[s_]; k_ < lstart[s_ + 1]; k_++)                                            \
                    add_hit(hits, i, p->lrule[k_], p->lchars[k_]);                                                   \
        }                                                                                                            \
    } while (0)

void vp_prefilter_scan(const vp_prefilter *p, const char *s, size_t len, uint64_t *bits, vp_pf_hits *hits)
{
    if (hits) {
        hits->n = 0;
        hits->overflow = 0;
    }
    if (!p->delta || (hits && len > UINT32_MAX)) { /* not built: every rule may match, anywhere */
        memset(bits, 0xFF, p->words * sizeof *bits);
        if (hits)
            hits->overflow = 1;
        return;
    }
    memset(bits, 0, p->words * sizeof *bits);
    const uint32_t *lstart = p->lstart;
    const uint16_t *delta = p->delta;
    const uint32_t *ostart = p->ostart, *oword = p->oword;
    const uint64_t *omask = p->omask;
    const uint8_t *lo = p->cls, *e1 = p->cls + 0x250;
    const size_t ncls = p->ncls;
    const size_t words = p->words;
    uint32_t st = 0;
    size_t i = 0;
    int digit = 0; /* a character \d may match: an ASCII digit or another Nd (or unknown) one */
    const unsigned char *u = (const unsigned char *)s;
    while (i < len) {
        unsigned char b = u[i];
        unsigned c;
        if (b < 0x80) {
            digit |= (unsigned)(b - '0') < 10u;
            c = lo[b];
            i++;
        } else if (b >= 0xC2 && b <= 0xC8 && i + 1 < len && (u[i + 1] & 0xC0) == 0x80) {
            c = lo[(b & 0x1F) << 6 | (u[i + 1] & 0x3F)]; /* U+0080-U+023F: no decimal digit here */
            i += 2;
        } else if (b == 0xE1 && i + 2 < len && (u[i + 1] & 0xFC) == 0xB8 && (u[i + 2] & 0xC0) == 0x80) {
            c = e1[(u[i + 1] & 3) << 6 | (u[i + 2] & 0x3F)]; /* U+1E00-U+1EFF: nor here */
            i += 3;
        } else {
            int32_t cp;
            i += (size_t)vp_utf8_decode(s + i, len - i, &cp);
            c = 0;
            if (cp < 0) {
                digit = 1;
            } else {
                utf8proc_category_t cat = utf8proc_category(cp);
                if (cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_CN)
                    digit = 1;
                int f = class_at(fold_cp(cp));
                c = f < 0 ? 0 : p->cls[f];
            }
        }
        STEP(c);
    }
    /* a rule with several requirements needs each of them */
    for (size_t w = 0; w < words; w++)
        for (uint64_t m = bits[w] & p->conjmask[w]; m; m &= m - 1) {
            const pconj *q = &p->conjs[p->conjof[w * 64 + (size_t)__builtin_ctzll(m)]];
            for (uint32_t j = 0; j < q->n; j++) {
                size_t b = p->nrules + q->first + j;
                if (!((bits[b >> 6] >> (b & 63)) & 1)) {
                    bits[w] &= ~(m & -m);
                    break;
                }
            }
        }
    /* rules without literals pass the literal test; rules that need a digit need one */
    for (size_t w = 0; w < words; w++) {
        bits[w] |= p->nolit[w];
        if (!digit)
            bits[w] &= ~p->needdigit[w];
    }
}

/* ---- start contexts ----------------------------------------------------- */

/* A class of characters: ASCII members as bits; wide: which others (0 none, SC_ANY every
 * one, SC_SPACE those \s matches). */
enum { SC_NONE, SC_ANY, SC_SPACE };
enum { SC_TRIG_BEFORE = 1, SC_TRIG_HERE = 2 };

static void ccl_add(vp_ccl *k, int ch) { k->lo[ch >> 6] |= (uint64_t)1 << (ch & 63); }

/* \s and its kin as pcre2 reads them with PCRE2_UCP (\h, \v, Zs): the characters above
 * U+007F. */
static int wide_space(int32_t cp)
{
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Can byte b end one of those (the last byte of its UTF-8 form)? */
static int space_tail(int b)
{
    return (b >= 0x80 && b <= 0x8A) || b == 0x8E || b == 0x9F || b == 0xA0 || b == 0xA8 || b == 0xA9 || b == 0xAF ||
           b == 0x85;
}

static void ccl_space(vp_ccl *k)
{
    static const char ws[] = " \t\n\v\f\r";
    for (const char *w = ws; *w; w++)
        ccl_add(k, *w);
    if (k->wide == SC_NONE)
        k->wide = SC_SPACE;
}

static int ccl_has(const vp_ccl *k, int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return (int)((k->lo[cp >> 6] >> (cp & 63)) & 1);
    return k->wide == SC_ANY || (k->wide == SC_SPACE && wide_space(cp));
}

/* Can byte b be the last of a character of class k? */
static int may_end(const vp_ccl *k, int b)
{
    if (b < 0x80)
        return ccl_has(k, b);
    return b < 0xC0 && (k->wide == SC_ANY || (k->wide == SC_SPACE && space_tail(b)));
}

/* One character of a start context, at c->p: an ASCII character that is not a letter (a
 * letter's case is not followed), an escape of one (\. \| \n), \s, \d, or a class of such
 * ([.!?], [;:\s]).  Returns 0 (c->p unchanged) for anything else. */
static int sc_char(pctx *c, vp_ccl *k)
{
    memset(k, 0, sizeof *k);
    int ch = at(c, 0);
    if (ch < 0 || ch >= 0x80)
        return 0;
    if (ch == '\\') {
        int e = at(c, 1);
        if (e == 's') {
            ccl_space(k);
        } else if (e == 'd') {
            for (int d = '0'; d <= '9'; d++)
                ccl_add(k, d);
            k->wide = SC_ANY;
        } else if (e == 'n' || e == 't' || e == 'r' || e == 'f') {
            ccl_add(k, e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : '\f');
        } else if (e >= 0x21 && e < 0x7F && !is_alnum(e)) {
            ccl_add(k, e);
        } else {
            return 0;
        }
        c->p += 2;
        return 1;
    }
    if (ch == '[') {
        const char *q = c->p + 1;
        if (q < c->end && (*q == '^' || *q == ']'))
            return 0;
        while (q < c->end && *q != ']') {
            unsigned char b = (unsigned char)*q;
            if (b == '\\' && q + 1 < c->end) {
                unsigned char e = (unsigned char)q[1];
                if (e == 's')
                    ccl_space(k);
                else if (e == 'n')
                    ccl_add(k, '\n');
                else if (e == 't')
                    ccl_add(k, '\t');
                else if (e < 0x80 && !is_alnum(e))
                    ccl_add(k, e);
                else
                    return 0;
                q += 2;
            } else if (b < 0x80 && !is_alnum(b) && b != '[' && !(b == '-' && q + 1 < c->end && q[1] != ']')) {
                ccl_add(k, b);
                q++;
            } else {
                return 0; /* letters, digits, ranges, non-ASCII, [:name:] */
            }
        }
        if (q >= c->end)
            return 0;
        c->p = q + 1;
        return 1;
    }
    if (is_alnum(ch) || strchr("^$.|()?*+{}", ch))
        return 0;
    ccl_add(k, ch);
    c->p++;
    return 1;
}

static int sc_alt(pctx *c, vp_startctx *sc);

/* The body of a lookbehind at c->p (after "(?<="): alternatives of up to VP_SC_CHARS single
 * characters each, into sc->look.  Leaves c->p after its ")". */
static int sc_lookbehind(pctx *c, vp_startctx *sc)
{
    for (;;) {
        if (sc->nlook == VP_SC_LOOKS)
            return 0;
        vp_sc_look *l = &sc->look[sc->nlook];
        l->n = 0;
        while (at(c, 0) != '|' && at(c, 0) != ')') {
            if (l->n == VP_SC_CHARS || !sc_char(c, &l->c[l->n]))
                return 0;
            int ch = at(c, 0);
            if (ch == '?' || ch == '*' || ch == '+' || ch == '{')
                return 0;
            l->n++;
        }
        if (l->n == 0)
            return 0;
        sc->nlook++;
        if (at(c, 0) == ')') {
            c->p++;
            return 1;
        }
        c->p++;
    }
}

/* Does every match of the alternative at c->p start at the text's start, after one of a few
 * sequences of characters (a lookbehind) or on one character?  Adds what it found to sc;
 * leaves c->p at the alternative's end. */
static int sc_seq(pctx *c, vp_startctx *sc)
{
    int ok = 0;
    for (;;) {
        int ch = at(c, 0);
        if (ch == '^') {
            sc->at0 = 1;
            ok = 1;
        } else if (ch == '(' && at(c, 1) == '?' && at(c, 2) == '<' && at(c, 3) == '=') {
            c->p += 4;
            ok = sc_lookbehind(c, sc);
            if (!ok)
                c->bad = 1;
        } else if (ch == '(' && at(c, 1) == '?' &&
                   (at(c, 2) == '=' || at(c, 2) == '!' || (at(c, 2) == '<' && at(c, 3) == '!'))) {
            /* a lookahead or a negative lookbehind narrows the matches, never widens them */
            c->p += at(c, 2) == '<' ? 4 : 3;
            if (!skip_group_rest(c))
                return 0;
            continue;
        } else if (ch == '\\' && (at(c, 1) == 'b' || at(c, 1) == 'B')) {
            c->p += 2;
            continue;
        } else if (ch == '(' && at(c, 1) != '*') {
            c->p++;
            if (at(c, 0) == '?') {
                int q = at(c, 1);
                if (q == ':' || q == '>') {
                    c->p += 2;
                } else if (q == '<' || q == '\'' || (q == 'P' && at(c, 2) == '<')) {
                    c->p += q == 'P' ? 3 : 2;
                    skip_name(c, q == '\'' ? '\'' : '>');
                } else {
                    /* option settings: (?i) and (?-i) only; (?i:...) a group */
                    const char *o = c->p + 1;
                    while (o < c->end && (*o == 'i' || *o == '-'))
                        o++;
                    if (o < c->end && *o == ')' && o > c->p + 1) {
                        c->p = o + 1;
                        continue;
                    }
                    if (o < c->end && *o == ':' && o > c->p + 1) {
                        c->p = o + 1;
                    } else {
                        c->bad = 1;
                        return 0;
                    }
                }
            }
            if (c->bad || ++c->depth > DEPTH_MAX) {
                c->bad = 1;
                return 0;
            }
            ok = sc_alt(c, sc);
            c->depth--;
            if (c->bad || at(c, 0) != ')') {
                c->bad = 1;
                return 0;
            }
            c->p++;
            int min = 1;
            if (parse_quant(c, &min) && min == 0)
                ok = 0;
        } else {
            vp_ccl k;
            ok = sc_char(c, &k);
            if (ok) {
                int min = 1;
                if (parse_quant(c, &min) && min == 0)
                    ok = 0;
                for (int w = 0; w < 2; w++)
                    sc->here.lo[w] |= k.lo[w];
                if (k.wide == SC_ANY || sc->here.wide == SC_ANY)
                    sc->here.wide = SC_ANY; /* the union of the two */
                else if (k.wide == SC_SPACE)
                    sc->here.wide = SC_SPACE;
                sc->has_here = 1;
            }
        }
        break;
    }
    skip_alt(c);
    return ok && !c->bad;
}

static int sc_alt(pctx *c, vp_startctx *sc)
{
    int all = 1;
    for (;;) {
        all &= sc_seq(c, sc);
        if (c->bad || !all)
            return 0;
        if (at(c, 0) != '|')
            return all;
        c->p++;
    }
}

int vp_prefilter_start_ctx(const char *pattern, size_t len, vp_startctx *sc)
{
    memset(sc, 0, sizeof *sc);
    /* verbs, \G and \K depend on where the search starts; (?m), (?s) and (?x) change ^, the
     * dot and the syntax: not followed */
    for (size_t i = 0; i + 1 < len; i++) {
        if (pattern[i] == '\\') {
            if (pattern[i + 1] == 'G' || pattern[i + 1] == 'K')
                return 0;
            i++;
        } else if (pattern[i] == '(' && pattern[i + 1] == '*') {
            return 0;
        } else if (pattern[i] == '(' && pattern[i + 1] == '?') {
            size_t j = i + 2;
            while (j < len && ((pattern[j] >= 'a' && pattern[j] <= 'z') || pattern[j] == '-' || pattern[j] == '^')) {
                if (pattern[j] == 'm' || pattern[j] == 'x' || pattern[j] == 's')
                    return 0;
                j++;
            }
        }
    }
    pctx c = {pattern, pattern + len, 0, 0, 0};
    int yes = sc_alt(&c, sc);
    if (!yes || c.bad || c.p != c.end || (!sc->nlook && !sc->has_here)) { /* ^ alone: pcre2 knows */
        memset(sc, 0, sizeof *sc);
        return 0;
    }
    /* the bytes that can end the character before a start, and begin the one at it */
    for (size_t l = 0; l < sc->nlook; l++)
        if (sc->look[l].n == 1)
            sc->one |= (uint8_t)(1u << l);
    for (int b = 0; b < 256; b++) {
        sc->prevm[b] = sc->one;
        for (size_t l = 0; l < sc->nlook; l++) {
            const vp_sc_look *L = &sc->look[l];
            if (may_end(&L->c[L->n - 1], b))
                sc->lastm[b] |= (uint8_t)(1u << l);
            if (L->n > 1 && may_end(&L->c[L->n - 2], b))
                sc->prevm[b] |= (uint8_t)(1u << l);
        }
        int here = sc->has_here && (b < 0x80 ? ccl_has(&sc->here, b) : b >= 0xC0 && sc->here.wide != SC_NONE);
        sc->trig[b] = (uint8_t)((sc->lastm[b] ? SC_TRIG_BEFORE : 0) | (here ? SC_TRIG_HERE : 0));
    }
    return 1;
}

/* Does lookbehind l hold just before s[p]? */
static int look_holds(const vp_sc_look *l, const char *s, size_t p)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t k = l->n; k-- > 0;) {
        if (p == 0)
            return 0;
        const vp_ccl *c = &l->c[k];
        if (u[p - 1] < 0x80) {
            if (!ccl_has(c, u[p - 1]))
                return 0;
            p--;
            continue;
        }
        if (c->wide == SC_NONE)
            return 0;
        size_t q = p - 1;
        while (q > 0 && (u[q] & 0xC0) == 0x80 && p - q < 4)
            q--;
        int32_t cp;
        if (vp_utf8_decode(s + q, p - q, &cp) != (int)(p - q) || !ccl_has(c, cp))
            return 0;
        p = q;
    }
    return 1;
}

size_t vp_startctx_next(const vp_startctx *sc, const char *s, size_t len, size_t from, size_t to)
{
    const unsigned char *u = (const unsigned char *)s;
    if (from == 0 && sc->at0)
        return 0;
    if (to > len)
        to = len;
    /* byte i may begin the character at a start (here) or end the one before it (i + 1) */
    const uint8_t *t = sc->trig;
    for (size_t i = from ? from - 1 : 0; i <= to; i++) {
        while (i + 8 <= to && !(t[u[i]] | t[u[i + 1]] | t[u[i + 2]] | t[u[i + 3]] | t[u[i + 4]] | t[u[i + 5]] |
                                t[u[i + 6]] | t[u[i + 7]]))
            i += 8;
        while (i < to && !t[u[i]])
            i++;
        if (i >= len) {
            /* a match may start at the end only after a lookbehind */
            if (len >= from && len > 0 && (t[u[len - 1]] & SC_TRIG_BEFORE))
                for (size_t l = 0; l < sc->nlook; l++)
                    if (look_holds(&sc->look[l], s, len))
                        return len;
            return SIZE_MAX;
        }
        if (i >= from && (t[u[i]] & SC_TRIG_HERE)) {
            int32_t cp;
            vp_utf8_decode(s + i, len - i, &cp);
            if (ccl_has(&sc->here, cp))
                return i;
        }
        if ((t[u[i]] & SC_TRIG_BEFORE) && i + 1 >= from && i + 1 <= to &&
            (i + 1 == len || (u[i + 1] & 0xC0) != 0x80)) {
            /* the lookbehinds whose last character may end at i and the one before it where
             * that one starts */
            size_t q = i;
            while (q > 0 && (u[q] & 0xC0) == 0x80 && i - q < 3)
                q--;
            unsigned lm = sc->lastm[u[i]] & (q > 0 ? sc->prevm[u[q - 1]] : sc->one);
            for (; lm; lm &= lm - 1)
                if (look_holds(&sc->look[__builtin_ctz(lm)], s, i + 1))
                    return i + 1;
        }
    }
    return SIZE_MAX;
}
