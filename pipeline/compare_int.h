/* compare_int.h - private to the compare stage (compare.c, similar.c, pairing.c, report.c).
 *
 * Ownership: a vp_cmp_cfg is built once from the rules (vp_cmp_cfg_new) and freed with
 * vp_cmp_cfg_free; it is read-only afterwards.  A vp_tokens is owned by the caller and freed
 * with vp_tokens_free.
 */
#ifndef VP_COMPARE_INT_H
#define VP_COMPARE_INT_H

#include "rules.h"
#include "vnplan.h"

#include <libxml/tree.h>

/* Settings of rules/compare.tsv, rules/abbrev.tsv and rules/stopwords.tsv. */
typedef struct vp_cmp_cfg {
    vp_arena *arena;
    double target_sim, task_sim, deadline_sim;     /* thresholds */
    double target_part_sim;                         /* a child target this alike to the one paired,
                                                     * in its sentence, is a part of it (0: off) */
    double target_op_margin;                        /* a pair of opposite ops ranks this much
                                                     * below its similarity */
    double target_subject_margin;                   /* and one of two subjects (subject) this much */
    double w_reference, w_section, w_target, w_task, w_deadline;
    double unclear_credit;                          /* share of an "unclear"/"mismatch" verdict */
    double unigram_weight;                          /* similarity = w*unigram + (1-w)*bigram */
    double topic_weight;                            /* weight of a syllable both titles share */
    int accent_insensitive;
    int task_min_tokens;                            /* below this, a task's sub-items are added */
    double task_taken_ratio, task_sure_sim;         /* a child item another parent task matches
                                                     * this many times better covers no task it
                                                     * matches below task_sure_sim */
    double task_frame_credit;                       /* a child item that shares a parent task's
                                                     * frame alone counts this share of its
                                                     * similarity (1: off) */
    int task_object_min;                            /* from this many words of what the task is
                                                     * about (task-frame-words, the topic's aside) */
    double task_common_share;                       /* a syllable this share of the parent's tasks
                                                     * hold says what every task is about (0: off) */
    int task_common_min;                            /* from this many tasks */
    size_t report_text_chars;                       /* texts are cut to this in report.html */
    size_t report_weak_rows, report_ok_rows;        /* most check rows report.html lists */
    const char **section_kinds;                     /* NULL-terminated */
    const vp_rules *rules;                          /* for the kind an item's heading names
                                                     * (rules/sections.rules); may be NULL */
    const char **deadline_kinds;                    /* NULL-terminated */
    const char **level_order;                       /* NULL-terminated, highest level first;
                                                     * "a=b" puts two levels on one rank */
    const char **rate_units;                        /* NULL-terminated: units without "%", "‰"
                                                     * or "/" that are no totals ("tuổi") */
    const char **carry_words;                       /* NULL-terminated: a title that has one of
                                                     * these before a programme's name carries
                                                     * it out ("thực hiện"), it is not it */
    struct vp_tokens *carry;                        /* the carry words as syllables */
    size_t ncarry;
    /* a parent's deadline for the plans of those under it: its sentence holds one of the
     * own-plan words and a word naming the child's level (own-plan-level), the child is of
     * one of the own-plan doctypes */
    const char **own_plan_doctypes;                 /* NULL-terminated doctype codes */
    /* documents of these types (a report, a letter, a notice) cite the plan they report on or
     * pass on, but do not carry it out: never a child in a run (not-child-doctypes) */
    const char **not_child_doctypes;                /* NULL-terminated doctype codes */
    /* bodies every unit of a level has: cited by the level alone ("của UBND huyện") they name
     * no one (level-bodies) */
    const char **level_bodies;                      /* NULL-terminated names */
    /* the words that name a kind of group a target may be set for ("Tổ dân phố", "Thôn",
     * scope-units): in "Tổ dân phố Đắc Lộc 1, Đắc Lộc 2" the second is a "Tổ dân phố" too */
    const char **scope_units;                       /* NULL-terminated */
    struct vp_tokens *own_plan;                     /* the own-plan words as syllables */
    size_t nown_plan;
    /* the period a report is of (report-words, report-period): the words as syllables read
     * without synonyms ("sơ kết" names the half year; synonyms.tsv reads it "báo cáo kết quả"),
     * the phrases longest first, period_name[i] the period of period_tok[i] */
    struct vp_tokens *report_words;
    size_t nreport_words;
    /* the words of a review ("sơ kết", "tổng kết", review-words): a report of its own, not one
     * of a denser schedule */
    struct vp_tokens *review_words;
    size_t nreview_words;
    /* the words of the whole of a task done ("hoàn thành toàn bộ", whole-words): its day is met
     * by the child's day for the task that comes no later */
    struct vp_tokens *whole_words;
    size_t nwhole_words;
    /* the words of an action held on every day of its span ("cao điểm", "chiến dịch", span-words):
     * a child's span of it that begins later is later */
    struct vp_tokens *span_words;
    size_t nspan_words;
    /* the words of a value set for each of those counted ("Mỗi nhà … tối thiểu 30 m2",
     * per-unit-words) unless a period follows them ("mỗi năm", per-unit-not): no total */
    struct vp_tokens *per_unit, *per_unit_not;
    size_t nper_unit, nper_unit_not;
    struct vp_tokens *period_tok;
    const char **period_name;
    size_t nperiod;
    /* whom or what a target counts (subject: "hộ gia đình" households, "nhà ở" houses, "người"
     * people), the phrases longest first, subject_name[i] the subject of subject_tok[i]; a unit
     * that is one of them or of subject-unit ("hộ", "căn") says it by itself */
    struct vp_tokens *subject_tok;
    const char **subject_name;
    size_t nsubject;
    struct vp_tokens *subject_unit_tok;
    const char **subject_unit_name;
    size_t nsubject_unit;
    /* the recurrence of a schedule that answers a one-off report of a period (report-every):
     * every_dur[i] ("P6M") for the period every_name[i] ("half") */
    const char **every_name, **every_dur;
    size_t nevery;
    /* words that end the subject a sentence opens on (lead-stop-words: "chủ trì", "báo cáo") */
    struct vp_tokens *lead_stop;
    size_t nlead_stop;
    /* the frame a task opens on, that says how rather than what ("ứng dụng công nghệ thông tin
     * trong quản lý", "tăng cường công tác", task-frame-words): as syllables, stopwords dropped
     * and synonyms read */
    struct vp_tokens *task_frame;
    size_t ntask_frame;
    struct vp_tokens *office;                       /* office-titles as syllables: "chủ tịch" */
    size_t noffice;
    const char **opl_level;                         /* level of the i-th own-plan-level word */
    struct vp_tokens *opl_tok;                      /* that word as syllables */
    size_t nopl;
    /* bodies that name their level by themselves (report-body: "Sở", "Phòng", "Bộ"), as written */
    const char **rbody_level, **rbody_word;
    size_t nrbody;
    /* abbreviations: sorted folded keys, each expanding to a NULL-terminated token list */
    const char **abbr_key;
    const char ***abbr_exp;
    size_t nabbr;
    const char **stop;                              /* sorted folded stopwords */
    size_t nstop;
    /* synonyms (rules/synonyms.tsv): the syllables syn_from[i] read as syn_to[i], the longest first */
    struct vp_tokens *syn_from, *syn_to;
    size_t nsyn;
    /* level words: for level name lvl_name[i], the folded tokens naming only that level */
    const char **lvl_name;
    const char ***lvl_words;
    size_t nlvl;
} vp_cmp_cfg;

vp_cmp_cfg *vp_cmp_cfg_new(const vp_rules *rules, char *err, size_t errlen);
void vp_cmp_cfg_free(vp_cmp_cfg *c);

/* A text as a set of syllables: lowercased, punctuation removed, abbreviations expanded. */
typedef struct vp_tokens {
    char **seq;        /* in text order (stopwords dropped when made with drop_stop) */
    size_t nseq;
    char **uni;        /* sorted, unique */
    size_t nuni;
    char **bi;         /* sorted unique "a b" syllable pairs of seq */
    size_t nbi;
} vp_tokens;

void vp_tokens_make(const vp_cmp_cfg *c, const char *text, int drop_stop, vp_tokens *out);
/* The same, the sequence only (uni and bi left empty): for texts only looked up in order. */
void vp_tokens_make_seq(const vp_cmp_cfg *c, const char *text, int drop_stop, vp_tokens *out);
void vp_tokens_free(vp_tokens *t);
/* Dice similarity 0..1, unigram and bigram blended as configured. */
double vp_tokens_sim(const vp_cmp_cfg *c, const vp_tokens *a, const vp_tokens *b);
/* The same with the syllables and pairs of topic (the words both documents' titles share)
 * weighing c->topic_weight instead of 1; topic may be NULL. */
double vp_tokens_sim_topic(const vp_cmp_cfg *c, const vp_tokens *a, const vp_tokens *b, const vp_tokens *topic);
/* The share of a's syllables and pairs, those of topic (may be NULL) left out, that b holds,
 * blended as vp_tokens_sim; *nuni: the syllables of a counted. */
double vp_tokens_held(const vp_cmp_cfg *c, const vp_tokens *a, const vp_tokens *b, const vp_tokens *topic,
                      size_t *nuni);
/* Into out (its uni only, sorted and unique; vp_tokens_free): the words of what the text a is
 * about, its syllables outside the runs of the frame words (task-frame-words) in a->seq, not of
 * topic (may be NULL) nor numbers. */
void vp_tokens_object(const vp_cmp_cfg *c, const vp_tokens *a, const vp_tokens *topic, vp_tokens *out);
/* How many of the syllables words->uni b holds. */
size_t vp_tokens_count_held(const vp_tokens *words, const vp_tokens *b);
/* Into out: the syllables and pairs a and b both hold (out->seq is empty). */
void vp_tokens_common(const vp_tokens *a, const vp_tokens *b, vp_tokens *out);
/* 1 when every syllable of `ref` is in `doc` or is a word naming only the level `level`. */
int vp_tokens_within(const vp_cmp_cfg *c, const vp_tokens *ref, const vp_tokens *doc, const char *level);

/* Where the syllables of `name` (made without dropping stopwords) first stand in
 * in->seq[from..to), in order and next to each other: their first index, or -1.  A programme
 * named in a reference, in a document's title. */
long vp_tokens_find_run(const vp_tokens *name, const vp_tokens *in, size_t from, size_t to);
/* The same where one syllable of a name of 6 or more may differ from in's in its marks only (a
 * tone or a hat typed wrong or left out: "pháp luât" for "pháp luật"); -1 when none. */
long vp_tokens_find_run_near(const vp_tokens *name, const vp_tokens *in);
/* text folded without its marks ("pháp luât" and "pháp luật" are "phap luat"; malloc'd), NULL
 * when it cannot be read. */
char *vp_strip_marks(const char *text);
/* Does title->seq[0..at) hold one of the carry words (rules/compare.tsv): a title that carries
 * out the programme named at `at` ("Kế hoạch thực hiện Chiến lược …"), not the programme? */
int vp_title_carries(const vp_cmp_cfg *c, const vp_tokens *title, size_t at);
/* Does a parent's sentence (syllables in order, stopwords kept) ask for the plans of those
 * under it at `level` ("UBND các huyện … xây dựng kế hoạch triển khai …": own-plan-words in
 * `clause`, the deadline's part of the sentence, and a word of own-plan-level anywhere in
 * `sentence`, of rules/compare.tsv)? */
int vp_own_plan_due(const vp_cmp_cfg *c, const vp_tokens *clause, const vp_tokens *sentence, const char *level);
/* Does a sentence open on the own-plan words, with no subject of its own ("Xây dựng kế hoạch triển
 * khai tại địa phương trước ngày 30/4/2025" under the heading "Đề nghị Ủy ban nhân dân các tỉnh,
 * thành phố trực thuộc trung ương"): whom it asks, its item's heading says? */
int vp_own_plan_opens(const vp_cmp_cfg *c, const vp_tokens *sentence);
/* The level (own-plan-level) a sentence is addressed to: the one whose word comes first among
 * its first LEVEL_LEAD_SYLLABLES syllables ("Ủy ban nhân dân các huyện, thị xã, thành phố … báo
 * cáo …": district; "Sở Y tế chủ trì …": department); NULL when none. */
#define LEVEL_LEAD_SYLLABLES 8
const char *vp_level_lead(const vp_cmp_cfg *c, const vp_tokens *sentence);
/* Is a word of level (own-plan-level) in the subject a sentence opens on, whether first or not:
 * among its first 2 * LEVEL_LEAD_SYLLABLES syllables, with no lead-stop-words before it ("Các
 * cơ quan, đơn vị, UBND các xã, thị trấn báo cáo …": commune too; "Sở Nội vụ chủ trì, phối hợp
 * với UBND các huyện …": not district)? */
int vp_level_in_lead(const vp_cmp_cfg *c, const vp_tokens *sentence, const char *level);
/* The period (rules/compare.tsv report-period: "half", "year", …) of a report due at the end of
 * `clause` ("báo cáo sơ kết 6 tháng" before "trước ngày 15/6/2025"): when `before`, its sentence
 * up to there, holds a report word and the clause words of that period only; NULL otherwise
 * ("năm 2025", "tháng 6", "quý III", "9 tháng" say when or how long, not a period). */
const char *vp_report_period(const vp_cmp_cfg *c, const char *before, const char *clause);
/* Does `text` hold a report word (rules/compare.tsv report-words: "báo cáo", "sơ kết", …)? */
int vp_report_said(const vp_cmp_cfg *c, const char *text);
/* The level (own-plan-level) a report of `clause` goes to: a level body (rules/compare.tsv
 * level-bodies) and a word of that level, or a body named by itself with its capital
 * (report-body: "Sở Y tế", "Phòng Nội vụ"), or by the level its name ends on (report-body-of:
 * "Ban Chỉ đạo tỉnh", "Thường trực Huyện ủy"), the first within REPORT_TO_SYLLABLES syllables
 * after its last report word that has them
 * ("tham mưu UBND huyện báo cáo UBND tỉnh trước ngày 15/12": province; "báo cáo kết quả thực
 * hiện về UBND huyện": district); NULL when none is named. */
#define REPORT_TO_SYLLABLES 10
/* a body of report-body-of ("Ban Chỉ đạo") takes the level of a level word this many syllables
 * after it at most ("Ban Chỉ đạo tỉnh", "Ban Chỉ đạo 389 tỉnh") */
#define REPORT_NAMED_SYLLABLES 8
const char *vp_report_to(const vp_cmp_cfg *c, const char *clause);
/* Whom or what a target of `unit` and `indicator` counts (rules/compare.tsv subject,
 * subject-unit): the unit's when it is one of the words, else the first said in the indicator
 * ("Tỷ lệ hộ gia đình có nhà ở kiên cố": households); NULL when none is said.  *said (when not
 * NULL) is set to the words as the text says them (folded), in arena a. */
const char *vp_subject_of(const vp_cmp_cfg *c, vp_arena *a, const char *unit, const char *indicator, const char **said);
/* Does text hold one of the whole-words (rules/compare.tsv: "toàn bộ")? */
int vp_whole_said(const vp_cmp_cfg *c, const char *text);
/* Does text hold one of the review words (rules/compare.tsv review-words: "sơ kết")? */
int vp_review_said(const vp_cmp_cfg *c, const char *text);
/* Does text hold one of the span words (rules/compare.tsv span-words: "cao điểm")? */
int vp_span_said(const vp_cmp_cfg *c, const char *text);
/* Does text (a target's sentence up to its value) set the value for each of those it counts
 * ("Mỗi nhà xây mới có diện tích … tối thiểu", not "mỗi năm")? (per-unit-words, per-unit-not) */
int vp_per_unit_said(const vp_cmp_cfg *c, const char *text);
/* The syllables of a reference's authority without the office title it starts with
 * ("Chủ tịch UBND tỉnh" is the UBND tỉnh's: office-titles), joined by spaces; malloc'd. */
char *vp_authority_body(const vp_cmp_cfg *c, const char *authority);
/* Is a reference's authority (empty: none named) a document's (authority: its issuer with the
 * parent authority after it, level its level): every word of the reference's body ("Chủ tịch
 * UBND tỉnh": the UBND's) in it, or naming only its level? */
int vp_authority_fits(const vp_cmp_cfg *c, const char *ref_authority, const char *authority, const char *level);
/* The last year (19xx or 20xx) among the syllables of t, or 0. */
int vp_tokens_last_year(const vp_tokens *t);

/* Document numbers compared as keys: case folded, no spaces, one kind of dash, the
 * leading number without leading zeros.  Returns malloc'd key, or NULL when s has no
 * digit before its first '/' (a blank "Số: /KH-UBND"). */
char *vp_number_key(const char *s);

/* Compares child and parent (in-memory XML) into compliance XML with the given link
 * ("reference" or "given").  *score receives the pair's score. */
/* A vnplan XML document read for comparing (compare.c's model of it); what is made of its
 * texts for one comparison is kept for the next (a parent is compared with each of its
 * children).  Owned by the caller: vp_cmp_doc_free. */
typedef struct cdoc vp_cmp_doc;
vp_cmp_doc *vp_cmp_doc_read(const char *xml, size_t len, const char *what, char *err, size_t errlen);
void vp_cmp_doc_free(vp_cmp_doc *d);
/* The compliance XML of child against parent, as vp_compare_xml_link gives it. */
int vp_cmp_docs(const vp_cmp_cfg *cfg, vp_cmp_doc *child, const char *child_path, vp_cmp_doc *parent,
                const char *parent_path, const char *link, char **out, size_t *outlen, double *score, char *err,
                size_t errlen);

int vp_compare_xml_link(const char *child_xml, size_t child_len, const char *child_path, const char *parent_xml,
                        size_t parent_len, const char *parent_path, const char *link, const vp_cmp_cfg *cfg,
                        char **out, size_t *outlen, double *score, char *err, size_t errlen);


/* A check row of report.html: its rank (0 missing … 3 ok) and where its fragment
 * (<pair child parent><check …/></pair>, no namespace) lies in the rows file. */
typedef struct vp_report_row {
    int rank;
    long long off;
    size_t len;
} vp_report_row;

/* Writes out_path atomically: the stylesheet at xsl_path applied to the summary XML file at
 * summary_path gives the page; where it holds the comment <!--vnplan:checks--> go the rows of
 * rows_path (rows[0..nrows)), weakest first (in their order within a rank), each chunk of them
 * the stylesheet applied to <checks xmlns="urn:vnplan:1"> holding the fragments.
 * 0 or -1 with err. */
int vp_report_html(const char *xsl_path, const char *summary_path, const char *rows_path, const vp_report_row *rows,
                   size_t nrows, const char *out_path, char *err, size_t errlen);

/* Element `name` in the vnplan namespace (urn:vnplan:1)? */
int vp_cmp_is_el(const xmlNode *n, const char *name);
/* The first child element `name` of n in the vnplan namespace, or NULL. */
const xmlNode *vp_cmp_child_el(const xmlNode *n, const char *name);

#endif
