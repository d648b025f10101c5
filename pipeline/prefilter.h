/* prefilter.h - the rules engine's first pass: which rules can match a text at all.
 *
 * At load, every rule's pattern is read for literals that any match must contain (one of a
 * set, e.g. "phối hợp" or one of "tỷ|triệu", and up to three such sets that must all occur,
 * e.g. one of "tỷ|triệu" and "đồng"); all of them go into one Aho-Corasick automaton over
 * case-folded characters (one step a character, each character of the literals a class of
 * its own, every other character class 0, 16-bit transitions: 260 KB for the production
 * rules, against 910 KB for a byte automaton).  Before the rules run on a text, one pass of
 * the automaton over the folded text marks the rules all of whose sets occur; a rule that
 * is not marked cannot match anywhere in the text and is not run.  A rule whose pattern
 * yields no literal (or uses syntax the reader does not follow) is always run.  A rule whose
 * every match starts with one of a few longer literals (its leading set) has them in the
 * automaton as well, and the pass notes where they start in the text: the rule is tried only
 * there (rules.c).
 *
 * Folding: ASCII and Unicode letters to lower case (U+017F to s), both for the literals and
 * for the text, so a caseless pattern and its text agree.  Literals take only characters
 * whose caseless matches all fold alike: ASCII and the Latin letters up to U+01B0 and
 * U+1EA0-U+1EF9 (Vietnamese), without ß, İ, ı, ŉ and ſ.
 *
 * Ownership: vp_prefilter_new() returns a builder that vp_prefilter_build() turns into the
 * automaton (and frees); the caller frees the automaton with vp_prefilter_free().  The
 * automaton is read-only after building and shared by threads. */
#ifndef VP_PREFILTER_H
#define VP_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

typedef struct vp_prefilter vp_prefilter;

vp_prefilter *vp_prefilter_new(void);
/* Adds the literals of `pattern` for rule number `id`.  Returns 1 when the rule got a
 * prefilter, 0 when it must always run. */
int vp_prefilter_add(vp_prefilter *p, size_t id, const char *pattern, size_t len);
/* Builds the automaton for rule numbers 0..nrules-1.  Returns 0. */
int vp_prefilter_build(vp_prefilter *p, size_t nrules);
void vp_prefilter_free(vp_prefilter *p);

/* Words of the bit set vp_prefilter_scan fills (one bit a rule number, then bits of its own
 * use). */
size_t vp_prefilter_words(const vp_prefilter *p);

/* Where the leading literals of rules start in a text (see vp_prefilter_leads): in the
 * order the scan met their ends.  overflow: more than VP_PF_HITS_MAX, or not known (the
 * rules are then searched for everywhere). */
#define VP_PF_HITS_MAX 16384
typedef struct vp_pf_hit {
    uint32_t rule, end, chars; /* the literal ends before byte `end`, after `chars` characters */
} vp_pf_hit;
typedef struct vp_pf_hits {
    vp_pf_hit *h;
    size_t n, cap;
    int overflow;
} vp_pf_hits;

/* The byte of s where hit h's literal starts. */
size_t vp_pf_hit_start(const char *s, const vp_pf_hit *h);

/* Clears bits[0..words) and sets the bit of every rule with a literal in s[0..len); with
 * hits, also lists where the leading literals start. */
void vp_prefilter_scan(const vp_prefilter *p, const char *s, size_t len, uint64_t *bits, vp_pf_hits *hits);

/* 1 when every match of `pattern` starts with one of a few literals of four characters or
 * more (after zero-width items: lookarounds, \b, anchors, option settings), the rule's
 * leading set, e.g. "(?<![\p{L}])(?i:kế hoạch|công văn)": such a rule need only be tried
 * where one of them starts.  0 when unsure, and for a pattern with \K, \G or a backtracking
 * verb.  vp_prefilter_add reports the starts of the leading set of such a rule (test with
 * vp_prefilter_is_lead). */
int vp_prefilter_leads(const char *pattern, size_t len);
int vp_prefilter_is_lead(const vp_prefilter *p, size_t id);

/* 1 when every match of `pattern` starts with a character \d matches (a decimal digit,
 * any Unicode Nd): its first item, after lookarounds and option settings, is a \d or a group
 * whose every alternative starts so, and may not be skipped.  Such a rule need only be
 * tried where digits are (see vp_prefilter_digit_run).  0 when unsure. */
int vp_prefilter_digit_first(const char *pattern, size_t len);
/* The first run of characters at or after byte `from` of s[0..len) that may be decimal
 * digits: *a is its first byte, *last the first byte of its last character.  Every ASCII
 * digit and every character \d can match is in a run (a run may hold other characters,
 * never fewer).  Returns 0 when there is none. */
int vp_prefilter_digit_run(const char *s, size_t len, size_t from, size_t *a, size_t *last);

/* Where a match can start, when a pattern says so at its start: at the text's start (^),
 * just after one of a few short sequences of characters (lookbehinds such as (?<=[.!?]\s) or
 * (?<=\|)), or on one of a few characters that are not letters ("\(", [,;]).  Every
 * alternative of the pattern must say one of these (after lookaheads, negative lookbehinds,
 * \b and option settings, which only narrow it); the rules engine then tries the rule only
 * at such places.  A class of characters holds ASCII ones as bits; wide says which others
 * it holds (0 none, 1 all, 2 the white space \s matches). */
#define VP_SC_CHARS 4 /* characters in one lookbehind */
#define VP_SC_LOOKS 8 /* lookbehinds in all */
typedef struct vp_ccl {
    uint64_t lo[2];
    uint8_t wide;
} vp_ccl;
typedef struct vp_sc_look {
    uint8_t n;
    vp_ccl c[VP_SC_CHARS];
} vp_sc_look;
typedef struct vp_startctx {
    uint8_t at0, has_here, nlook;
    vp_ccl here;
    vp_sc_look look[VP_SC_LOOKS];
    uint8_t trig[256]; /* bytes that may end the character before a start (1), begin the one at it (2) */
    uint8_t lastm[256], prevm[256], one; /* by byte, the lookbehinds (bits) whose last character may
                                          * end in it, whose last but one may (or that have one) */
} vp_startctx;
/* 1 and *sc filled when every match of `pattern` starts in such a place; 0 when unsure, and
 * for a pattern that says only ^ (pcre2 itself tries such a one once). */
int vp_prefilter_start_ctx(const char *pattern, size_t len, vp_startctx *sc);
/* The first place from `from` to `to` (at most len) where a match in s[0..len) may start, or
 * SIZE_MAX. */
size_t vp_startctx_next(const vp_startctx *sc, const char *s, size_t len, size_t from, size_t to);

/* Statistics for messages and tests: rules with a prefilter, literals, automaton states. */
void vp_prefilter_stats(const vp_prefilter *p, size_t *rules, size_t *literals, size_t *states);

#endif
