/* rules.h - the rules engine: rules/ loaded and compiled once (JIT-compiled when the input is
 * large enough for it to pay), shared read-only.
 *
 * rules/NAME.rules holds one rule a line:   RULE-NAME [key=value ...] :: PCRE2-PATTERN
 * and definitions "define NAME :: PATTERN" that later lines use as {{NAME}} (see rules/README.md).  The file name is the rule's family ("header", "targets", ...);
 * each family accepts a fixed set of named groups and attribute keys, and a pattern using
 * any other group name is refused at load.  rules/NAME.tsv are tables (tab-separated).
 *
 * Ownership: vp_rules_load() returns a vp_rules the caller frees with vp_rules_free();
 * everything obtained from it (families, rules, tables, strings) lives as long as it.
 * A vp_matcher belongs to one thread; create one per worker.
 */
#ifndef VP_RULES_H
#define VP_RULES_H

#include <stddef.h>
#include <stdint.h>

typedef struct vp_rules vp_rules;
typedef struct vp_rule vp_rule;
typedef struct vp_matcher vp_matcher;

typedef struct vp_famindex vp_famindex;

typedef struct vp_family {
    const char *name;
    const vp_rule *const *rules;
    size_t n;
    const vp_famindex *index; /* the rules by attribute, for vp_family_first_attr */
} vp_family;

typedef struct vp_table {
    const char *name;
    size_t nrows;
    const char *const *const *rows; /* rows[i][j]; each row has ncols[i] cells */
    const size_t *ncols;
} vp_table;

/* Loads every *.rules and *.tsv file of `dir`.  On error returns NULL and writes
 * "rules/FILE:LINE: offset N: reason" into err. */
vp_rules *vp_rules_load(const char *dir, char *err, size_t errlen);
/* The same, the patterns JIT-compiled by up to `jobs` threads (at most 16); with jobs < 1
 * they stay with pcre2's interpreter (same matches; no compilation, slower matching). */
vp_rules *vp_rules_load_jobs(const char *dir, int jobs, char *err, size_t errlen);
/* The same, of the *.rules files only the families named in the NULL-terminated list
 * `families` (every one when NULL); the others are empty.  Every table is loaded. */
vp_rules *vp_rules_load_some(const char *dir, int jobs, const char *const *families, char *err, size_t errlen);
/* JIT-compiles the rules not compiled yet, by up to `jobs` threads (at most 16).  Not to be
 * called while a matcher of r is in use. */
void vp_rules_jit(vp_rules *r, int jobs);
/* JIT-compiles each rule when a worker first runs it (rules.c: JIT_AFTER), by that worker,
 * instead of every rule at once: the rules never run are not compiled.  Meanwhile (another
 * worker compiling it) a rule runs with the interpreter, with the same matches.  To be called
 * before any matcher of r is created. */
void vp_rules_jit_lazy(vp_rules *r);
/* Input bytes from which JIT-compiling the rules pays: compiling the whole rule set costs about
 * 0.1 s, more than pcre2's interpreter spends on a few hundred kilobytes of plans. */
#define VP_JIT_FROM_BYTES (512 * 1024)
void vp_rules_free(vp_rules *r);
const char *vp_rules_digest(const vp_rules *r); /* hex digest of all rule and table files */

/* An empty family (n == 0) when the file does not exist. Never NULL. */
const vp_family *vp_rules_family(const vp_rules *r, const char *name);
/* NULL when there is no such table. */
const vp_table *vp_rules_table(const vp_rules *r, const char *name);
/* The first row whose first cell equals key (exact bytes), or NULL. */
const char *const *vp_table_find(const vp_table *t, const char *key, size_t keylen, size_t *ncols);

const char *vp_rule_name(const vp_rule *r);
const char *vp_rule_where(const vp_rule *r); /* "rules/targets.rules:12" */
const char *vp_rule_pattern(const vp_rule *r); /* as compiled, definitions expanded */
const char *vp_rule_attr(const vp_rule *r, const char *key); /* NULL when absent */
const char *vp_rule_field(const vp_rule *r); /* vp_rule_attr(r, "field"), found at load */
const char *vp_rule_section(const vp_rule *r); /* vp_rule_attr(r, "section"), found at load */
const char *vp_rule_genre(const vp_rule *r);   /* vp_rule_attr(r, "genre"), found at load */

vp_matcher *vp_matcher_new(const vp_rules *r);
void vp_matcher_free(vp_matcher *m);

/* A per-document deadline in vp_now() seconds (0: none); setting it clears the expired state.
 * Once the deadline has passed, vp_rule_exec matches nothing, so a stage runs quickly to its
 * end, and vp_matcher_expired() returns 1: the caller then reports the document as too slow. */
void vp_matcher_set_deadline(vp_matcher *m, double deadline);
int vp_matcher_expired(const vp_matcher *m);

/* Match rule r against subject[0..len) starting at byte `start`.
 * Returns 1 on a match, 0 on none, -1 when the match limit was hit (treated as none). */
int vp_rule_exec(const vp_rule *r, vp_matcher *m, const char *subject, size_t len, size_t start);
/* For a caller that runs many rules on one text: the rules that can match in it (the
 * prefilter's answer, asked once) into bits[vp_matcher_words(m)]; vp_rule_candidate says
 * whether r is one of them, and vp_rule_exec_cand runs r without the prefilter (a candidate,
 * or a rule the caller runs on every text).  The bits hold while the text is not changed. */
size_t vp_matcher_words(const vp_matcher *m);
void vp_matcher_candidates(vp_matcher *m, const char *subject, size_t len, uint64_t *bits);
int vp_rule_candidate(const vp_rule *r, const uint64_t *bits);
int vp_rule_exec_cand(const vp_rule *r, vp_matcher *m, const char *subject, size_t len, size_t start);
/* After a successful vp_rule_exec: the whole match, and a named group.
 * vp_match_group returns 1 and the byte range when the group took part in the match. */
void vp_match_range(const vp_matcher *m, size_t *s, size_t *e);
int vp_match_group(const vp_matcher *m, const char *field, size_t *s, size_t *e);

/* First rule of f, in file order, whose attribute `key` is `want` (has any value when want is
 * NULL) and that matches subject[0..len) from `start`; NULL when none.  The same as testing
 * vp_rule_attr on every rule in turn, with the attribute tests done once at load. */
const vp_rule *vp_family_first_attr(const vp_family *f, const char *key, const char *want, vp_matcher *m,
                                    const char *subject, size_t len, size_t start);

/* The rules of f whose attribute "field" is `field` (NULL: those without the attribute), in
 * file order, as indices into f->rules; their number into *n.  Lists made at load. */
const uint32_t *vp_family_field_rules(const vp_family *f, const char *field, vp_matcher *m, size_t *n);

/* Convenience: first rule of a family that matches; returns it or NULL. */
const vp_rule *vp_family_first(const vp_family *f, vp_matcher *m, const char *subject, size_t len,
                               size_t start);

#endif
