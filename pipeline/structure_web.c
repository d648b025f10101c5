/* structure_web.c - the header of a text without one: web pages and news items about a plan
 * (the issuing sentence, the page and event dates, the year of a yearless dateline), excerpts
 * of a plan's body, and the level of an authority that does not say its locality.  Every
 * decision about what a line says is a rule in rules/. */
#include "structure_int.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* The first rule of family f whose attribute field is want, or NULL (for rules run on their
 * own, at every position of a line). */
static const vp_rule *rule_of(const vp_family *f, const char *want)
{
    for (size_t k = 0; k < f->n; k++) {
        const char *v = vp_rule_attr(f->rules[k], "field");
        if (v && strcmp(v, want) == 0)
            return f->rules[k];
    }
    return NULL;
}

/* The latest year of a full date (day, month, year) written in lines [0,to): a news item that
 * leaves the year out of its dateline is not older than the documents it cites. */
int vp_st_latest_cited_year(vp_st_ctx *c, size_t to)
{
    int best = -1;
    for (size_t k = 0; k < c->header->n; k++) {
        const char *v = vp_rule_attr(c->header->rules[k], "field");
        if (!v || strcmp(v, "any-date") != 0)
            continue;
        for (size_t i = 0; i < to && i < SCAN_LINES; i++) {
            const char *subj = c->t->data + c->L[i].s;
            size_t len = c->L[i].e - c->L[i].s, start = 0;
            while (start < len && vp_rule_exec(c->header->rules[k], c->m, subj, len, start) == 1) {
                int y = vp_st_group_int(c, "year", subj);
                if (y > best)
                    best = y;
                size_t ms, me;
                vp_match_range(c->m, &ms, &me);
                if (me <= start)
                    break;
                start = me;
            }
        }
    }
    return best;
}

/* The year of a "năm 2023" or "giai đoạn 2021-2025" in s, or -1. */
int vp_st_year_in(vp_st_ctx *c, const char *s)
{
    if (!s || !vp_st_match_str(c, c->header, "field", "date-year", s, strlen(s)))
        return -1;
    return vp_st_group_int(c, "year", s);
}

/* The year a text is about: in its title, else in its first lines (a headline after page
 * chrome), or -1. */
int vp_st_year_of_text(vp_st_ctx *c)
{
    int yr = vp_st_year_in(c, c->doc->meta.title);
    for (size_t i = 0, seen = 0; yr < 0 && i < c->n && seen < 6; i++) {
        if (vp_st_blank(c, i))
            continue;
        seen++;
        if (vp_st_match_line(c, c->header, "date-year", i))
            yr = vp_st_group_int(c, "year", c->t->data + c->L[i].s);
    }
    return yr;
}

/* A number written "28/NQ-CP": its sequence before the first slash, its symbol after; one
 * of a Party body written "1510-CV/BTGTU": its sequence before the hyphen. */
static void set_number_text(vp_st_ctx *c, const char *num)
{
    vp_meta *m = &c->doc->meta;
    const char *sl = strchr(num, '/');
    size_t nd = strspn(num, "0123456789");
    if (sl && nd > 0 && num[nd] == '-' && num + nd < sl)
        sl = num + nd;
    m->number_text = num;
    m->number_seq = sl ? vp_arena_strndup(c->doc->arena, num, (size_t)(sl - num)) : num;
    m->number_symbol = sl ? sl + 1 : "";
}

/* The first dateline of rule field `want` that leaves the year out: the year is that of the
 * page's publication date (the year before when the dateline's month is later), else the
 * latest year the item cites, else the year of its title. */
static void dateline_without_year(vp_st_ctx *c, size_t to, const char *want, int pub_y, int pub_m)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    for (size_t i = 0; i < to && i < SCAN_LINES; i++) {
        if (vp_st_blank(c, i) || !vp_st_match_line(c, c->genre, want, i))
            continue;
        const char *subj = c->t->data + c->L[i].s;
        int day = vp_st_group_int(c, "day", subj), mon = vp_st_group_int(c, "month", subj);
        size_t ms, me;
        vp_match_range(c->m, &ms, &me);
        char *txt = vp_st_squeeze(a, vp_arena_strndup(a, subj + ms, me - ms), 0);
        int yr = pub_y > 0 ? (pub_m > 0 && mon > pub_m ? pub_y - 1 : pub_y) : -1;
        if (yr < 0)
            yr = vp_st_latest_cited_year(c, to);
        if (yr < 0)
            yr = vp_st_year_of_text(c);
        if (yr < 0)
            return;
        m->date_text = txt;
        m->date_value = vp_st_iso_date(a, yr, mon, day);
        vp_diag_add(&c->doc->diags, "date-year-inferred", (int)i + 1,
                    "the dateline \"%s\" gives no year; %d is taken from the page, the dates or the title of the item",
                    txt, yr);
        return;
    }
}

#define LEAD_MIN 200 /* bytes a paragraph is longer than a headline */

/* Is line i a paragraph of running text rather than a headline: long, and ending a sentence? */
static int lead_paragraph(const vp_st_ctx *c, size_t i)
{
    size_t len = c->L[i].e - c->L[i].s;
    char last = len ? c->t->data[c->L[i].e - 1] : 0;
    return len > LEAD_MIN && (last == '.' || last == ';');
}

/* Does a document's number (genre rules field=number-mention) come before the words of line i
 * that issue a document (header rules field=issue-title): the lead speaks of another's ("Nghị
 * quyết số 28/NQ-CP … của Chính phủ ban hành Chương trình hành động …"), not of the text's own? */
static int number_before_issue(vp_st_ctx *c, size_t i)
{
    size_t ms, me;
    if (!vp_st_match_line(c, c->header, "issue-title", i))
        return 0;
    vp_match_range(c->m, &ms, &me);
    return ms > 0 && vp_st_match_str(c, c->genre, "field", "number-mention", c->t->data + c->L[i].s, ms) != NULL;
}

/* Is an issuer a unit named bare, "Huyện Yên Thành", "Tỉnh Quảng Trị" (a headline's subject;
 * rules/genre.rules, unit-bare)? */
static int unit_named_bare(vp_st_ctx *c, const char *auth)
{
    return vp_st_match_str(c, c->genre, "field", "unit-bare", auth, strlen(auth)) != NULL;
}

/* Is body the people's committee of that unit ("UBND huyện Yên Thành" of "Huyện Yên Thành";
 * rules/genre.rules, committee-of)? */
static int committee_of(vp_st_ctx *c, const char *body, const char *unit)
{
    size_t s, e;
    if (!vp_st_match_str(c, c->genre, "field", "committee-of", body, strlen(body)) ||
        !vp_match_group(c->m, "text", &s, &e))
        return 0;
    vp_arena *a = c->doc->arena;
    return !strcmp(vp_st_fold(a, vp_arena_strndup(a, body + s, e - s)), vp_st_fold(a, unit));
}

/* Is line i a short label: at most five words, no digit, not ending a sentence or a lead-in? */
static int short_label(const vp_st_ctx *c, size_t i)
{
    const char *L = c->t->data + c->L[i].s;
    size_t len = c->L[i].e - c->L[i].s;
    int words = 0, in = 0;
    if (!len || len > 60)
        return 0;
    for (size_t k = 0; k < len; k++) {
        char ch = L[k];
        if (ch >= '0' && ch <= '9')
            return 0;
        if (ch == ' ' || ch == '\t')
            in = 0;
        else if (!in && ch != '-' && ch != '|') {
            in = 1;
            words++;
        }
    }
    char last = L[len - 1];
    return words <= 5 && last != '.' && last != ':' && last != ';' && last != ',';
}

/* The line of a news page's headline: its first line, after lines that hold only the page's
 * date ("Thứ sáu, Ngày 25/06/2021 -", a site's calendar); c->n when the text is blank. */
static size_t headline_line(vp_st_ctx *c)
{
    /* site chrome before it (menus, skip links, banners) is not the headline */
    size_t i = vp_st_next_nonblank(c, 0);
    for (int k = 0; k < 8 && i < c->n && vp_st_match_line(c, c->genre, "page-chrome", i); k++)
        i = vp_st_next_nonblank(c, i + 1);
    /* nor the site's owner named alone above it, the page's date after it */
    if (i < c->n && vp_st_match_line(c, c->genre, "page-owner", i)) {
        size_t h = vp_st_next_nonblank(c, i + 1);
        /* a menu or the site's category under the owner ("Thời sự | Chính trị | Kinh tế") */
        for (int k = 0; k < 3 && h < c->n && vp_st_match_line(c, c->genre, "page-chrome", h); k++)
            h = vp_st_next_nonblank(c, h + 1);
        size_t d = h < c->n ? vp_st_next_nonblank(c, h + 1) : c->n;
        if (d < c->n && !vp_st_match_line(c, c->genre, "pubdate", h) && vp_st_match_line(c, c->genre, "pubdate", d))
            return h;
        if (h < c->n && vp_st_match_line(c, c->genre, "pubdate", h))
            i = h; /* the owner, then the page's date: the headline comes after the date */
    }
    /* nor a short label alone above it, the page's date after it (the site's category, "Xây
     * dựng Đảng", "Kinh tế"): a few words without figures or a sentence's end, then a longer
     * line, then the date */
    if (i < c->n && !vp_st_match_line(c, c->genre, "pubdate", i) && short_label(c, i)) {
        size_t h = vp_st_next_nonblank(c, i + 1), d = h < c->n ? vp_st_next_nonblank(c, h + 1) : c->n;
        if (d < c->n && c->L[h].e - c->L[h].s > c->L[i].e - c->L[i].s &&
            !vp_st_match_line(c, c->genre, "pubdate", h) && vp_st_match_line(c, c->genre, "pubdate", d))
            return h;
    }
    /* a line of page date and time is the site's, unless running text follows it directly */
    for (int k = 0; k < 3 && i < c->n && vp_st_match_line(c, c->genre, "pubdate", i); k++) {
        size_t s, e;
        vp_match_range(c->m, &s, &e);
        const char *L = c->t->data + c->L[i].s;
        size_t len = c->L[i].e - c->L[i].s;
        if (e < len && vp_st_match_str(c, c->genre, "field", "pubdate-tail", L + e, len - e))
            e = len; /* its time after it ("13:34 (GMT+7)") */
        for (; e < len; e++) /* words after the date: a headline that starts with one */
            if ((unsigned char)L[e] >= 0x80 || ((L[e] | 0x20) >= 'a' && (L[e] | 0x20) <= 'z'))
                return i;
        size_t next = vp_st_next_nonblank(c, i + 1);
        if (next >= c->n || lead_paragraph(c, next))
            return i; /* no headline after the date: the page starts with its lead */
        i = next;
    }
    if (i < c->n && vp_st_match_line(c, c->genre, "not-headline", i))
        return c->n; /* the body starts where the headline would be */
    return i;
}

size_t vp_st_parse_news(vp_st_ctx *c, size_t to)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    /* the headline */
    size_t first = headline_line(c);
    if (first < c->n && !m->title) {
        const char *h = c->t->data + c->L[first].s;
        size_t hl = c->L[first].e - c->L[first].s, ts, te;
        /* a headline that opens a list ("… năm 2019 với các nội dung:"): without its closing words */
        if (vp_st_match_str(c, c->genre, "field", "headline-tail", h, hl)) {
            size_t ms, me;
            vp_match_range(c->m, &ms, &me);
            if (ms > 0)
                hl = ms;
        }
        m->title = vp_arena_strndup(a, h, hl);
        /* no headline, the text starts with its lead ("Ngày 15/3, UBND tỉnh ban hành Kế hoạch
         * số 45/KH-UBND về thực hiện …, với mục tiêu …"): the title is what the document it
         * speaks of is about (genre rules field=lead-title), when the lead says it */
        if (lead_paragraph(c, first) && vp_st_match_str(c, c->genre, "field", "lead-title", h, hl) &&
            vp_match_group(c->m, "text", &ts, &te) && te > ts) {
            m->title = vp_st_capitalise(a, vp_st_squeeze(a, vp_arena_strndup(a, h + ts, te - ts), 0));
            vp_diag_add(&c->doc->diags, "title-from-lead", (int)first + 1,
                        "the text has no headline; the title is what its first paragraph says the document is about");
        } else if (vp_st_match_line(c, c->header, "body-start", first) || lead_paragraph(c, first)) {
            /* an excerpt that opens with the sentence issuing the plan ("Thực hiện Nghị định số
             * …, Ủy ban nhân dân thành phố ban hành Kế hoạch … như sau:"), a lead that issues it
             * ("UBND xã vừa ban hành Kế hoạch triển khai … năm 2021, với chủ đề: …"): what it
             * issues; a paragraph that names no such title is none ("Thực hiện Nghị định số …,
             * Ủy ban nhân dân thành phố ban hành Kế hoạch triển khai như sau:") */
            size_t full = c->L[first].e - c->L[first].s;
            int lead = lead_paragraph(c, first);
            int issued = !(lead && number_before_issue(c, first)) &&
                         vp_st_issue_title(c, first,
                                           "the text has no headline; the title is what the sentence issuing the document names");
            if (!issued && (lead || (full > LEAD_MIN && h[full - 1] == ':')))
                m->title = NULL;
        }
    }
    /* on a page without a header, a date the header pass found is page chrome or a cited
     * document's: kept only when the item gives no date of its own */
    const char *hd_text = m->date_text, *hd_value = m->date_value, *hd_place = m->place;
    m->date_text = m->date_value = m->place = NULL;
    size_t date_li = c->n, numdate_li = c->n;
    int title_year = -1;
    /* the page title: "Quyết định 186/QĐ-UBND năm 2018 …" */
    for (size_t i = 0, seen = 0; i < to && seen < 3 && !m->number_text; i++) {
        if (vp_st_blank(c, i))
            continue;
        seen++;
        if (vp_st_match_line(c, c->genre, "title-number", i)) {
            char *num = vp_st_lgroup(c, "number", i);
            char *dt = vp_st_lgroup(c, "doctype", i);
            title_year = vp_st_group_int(c, "year", c->t->data + c->L[i].s);
            set_number_text(c, num);
            if (dt && !m->doctype)
                vp_st_set_doctype(c, dt);
        }
    }
    /* a text that gives itself out as its body's notice ("UBND xã X thông báo … như sau:"):
     * the documents its sentences name are cited, their types and numbers not its own */
    int own = 0;
    for (size_t i = 0; i < to && i < SCAN_LINES && !own; i++) {
        if (vp_st_blank(c, i) || !vp_st_match_line(c, c->genre, "doctype-own", i))
            continue;
        char *dt = vp_st_lgroup(c, "doctype", i);
        if (dt) {
            vp_st_set_doctype(c, dt);
            own = 1;
            vp_diag_add(&c->doc->diags, "doctype-from-text", (int)i + 1,
                        "the text has no header; its type (%s) is read from how it names itself", m->doctype);
        }
    }
    /* the source a page names for its text ("(Nguồn: Thông báo số 81/TB-UBND ngày 08/6/2021)"):
     * the document it reproduces, before any its sentences cite */
    for (size_t i = 0; i < to && !m->number_text; i++) {
        if (vp_st_blank(c, i) || !vp_st_match_line(c, c->genre, "number-source", i))
            continue;
        char *num = vp_st_lgroup(c, "number", i);
        char *dt = vp_st_lgroup(c, "doctype", i);
        if (vp_st_group_int(c, "year", c->t->data + c->L[i].s) > 0)
            numdate_li = i;
        set_number_text(c, num);
        if (dt && !m->doctype)
            vp_st_set_doctype(c, dt);
    }
    for (size_t i = 0; i < to; i++) {
        if (vp_st_blank(c, i))
            continue;
        const char *subj = c->t->data + c->L[i].s;
        if (!own && !m->number_text && vp_st_match_line(c, c->genre, "number", i)) {
            char *num = vp_st_lgroup(c, "number", i);
            char *dt = vp_st_lgroup(c, "doctype", i);
            if (vp_st_group_int(c, "year", subj) > 0)
                numdate_li = i;
            set_number_text(c, num);
            if (dt && !m->doctype)
                vp_st_set_doctype(c, dt);
        }
        if (date_li == c->n && vp_st_match_line(c, c->genre, "date", i))
            date_li = i;
        if (!m->authority && vp_st_match_line(c, c->genre, "authority", i))
            m->authority = vp_st_province_or_person(c, vp_st_squeeze(a, vp_st_lgroup(c, "authority", i), 0), i);
        else if (m->authority && unit_named_bare(c, m->authority) && vp_st_match_line(c, c->genre, "authority", i)) {
            /* a headline's "Huyện Yên Thành ban hành …", then the lead's "UBND huyện Yên Thành vừa
             * ban hành …": the body the lead names */
            char *body = vp_st_squeeze(a, vp_st_lgroup(c, "authority", i), 0);
            if (body && committee_of(c, body, m->authority))
                m->authority = body;
        }
    }
    /* else the number and date a portal appends at the end of the text ("…: 37/UBND-VP ngày 10/1/2022") */
    for (size_t i = 0; i < to && !own && !m->number_text; i++) {
        if (vp_st_blank(c, i) || !vp_st_match_line(c, c->genre, "number-tail", i))
            continue;
        set_number_text(c, vp_st_lgroup(c, "number", i));
        numdate_li = i;
    }
    /* the date the page was published (looked up first: it dates a dateline without year) */
    size_t pub_li = c->n;
    int pub_y = -1, pub_m = -1;
    for (size_t i = 0, seen = 0; i < to && seen < 8; i++) {
        if (vp_st_blank(c, i))
            continue;
        seen++;
        if (vp_st_match_line(c, c->genre, "pubdate", i)) {
            pub_li = i;
            pub_y = vp_st_group_int(c, "year", c->t->data + c->L[i].s);
            pub_m = vp_st_group_int(c, "month", c->t->data + c->L[i].s);
            break;
        }
    }
    /* the dateline of the item, else the date given with the plan's number */
    if (date_li < c->n && vp_st_match_line(c, c->genre, "date", date_li))
        vp_st_set_date_text(c, c->t->data + c->L[date_li].s, NULL, date_li, 1);
    else if (numdate_li < c->n && (vp_st_match_line(c, c->genre, "number-source", numdate_li) ||
                                   vp_st_match_line(c, c->genre, "number", numdate_li) ||
                                   vp_st_match_line(c, c->genre, "number-tail", numdate_li)))
        vp_st_set_date_text(c, c->t->data + c->L[numdate_li].s, NULL, numdate_li, 1);
    /* else the issuing dateline without its year ("Ngày 15/3, UBND tỉnh ban hành …") */
    if (!m->date_value)
        dateline_without_year(c, to, "date-noyear-issue", pub_y, pub_m);
    /* else the date the page was published */
    if (!m->date_value && pub_li < c->n && vp_st_match_line(c, c->genre, "pubdate", pub_li))
        vp_st_set_date(c, c->t->data + c->L[pub_li].s, NULL, pub_li);
    /* else the dateline of an event the item reports, with or without its year */
    for (size_t i = 0; i < to && i < SCAN_LINES && !m->date_value; i++)
        if (!vp_st_blank(c, i) && vp_st_match_line(c, c->genre, "date-event", i))
            vp_st_set_date_text(c, c->t->data + c->L[i].s, NULL, i, 1);
    if (!m->date_value)
        dateline_without_year(c, to, "date-noyear", -1, -1);
    /* else the year the page title gives the document */
    if (!m->date_value && title_year > 0) {
        m->date_value = vp_st_iso_date(a, title_year, -1, -1);
        m->date_text = vp_arena_printf(a, "%d", title_year);
    }
    if (!m->date_value && hd_value) {
        m->date_text = hd_text;
        m->date_value = hd_value;
        m->place = hd_place;
    }
    for (size_t i = 0, seen = 0; i < to && seen < 8 && !m->doctype; i++) {
        if (vp_st_blank(c, i))
            continue;
        seen++;
        if (vp_st_match_line(c, c->genre, "doctype", i))
            vp_st_set_doctype(c, vp_st_lgroup(c, "doctype", i));
    }
    for (size_t i = 0; i < to && i < SCAN_LINES && !m->doctype; i++) {
        if (vp_st_blank(c, i) || !vp_st_match_line(c, c->genre, "doctype-self", i))
            continue;
        char *dt = vp_st_lgroup(c, "doctype", i);
        if (dt) {
            vp_st_set_doctype(c, dt);
            vp_diag_add(&c->doc->diags, "doctype-from-text", (int)i + 1,
                        "the text has no header; its type (%s) is read from how it names itself", m->doctype);
        }
    }
    /* a page without a number about a document a sentence issues ("UBND xã vừa ban hành Kế
     * hoạch triển khai …", "… vừa ban hành kế hoạch phòng, chống …"): the type it opens with */
    for (size_t i = 0; i < to && i < SCAN_LINES && !m->doctype && !m->number_text; i++) {
        if (vp_st_blank(c, i))
            continue;
        char *dt = vp_st_issued_doctype(c, i);
        if (dt) {
            vp_st_set_doctype(c, dt);
            vp_diag_add(&c->doc->diags, "doctype-from-text", (int)i + 1,
                        "the text has no header nor number; its type (%s) is what its sentence issues", m->doctype);
        }
    }
    /* a text headed by a letter's subject line ("V/v tăng cường …") is the letter: the type of
     * the code its header rule gives (title-vv code=CV) */
    if (!m->doctype && m->title) {
        const vp_rule *vv = vp_st_match_str(c, c->header, "field", "title-vv", m->title, strlen(m->title));
        const char *code = vv ? vp_rule_attr(vv, "code") : NULL;
        if (code)
            vp_st_set_doctype_code(c, code, strlen(code));
    }
    return first;
}

/* The longest run of the first words of place that rules/provinces.tsv knows as a province
 * ("Ninh Bình" of "Ninh Bình Trần Song"), or NULL. */
static char *province_prefix(vp_st_ctx *c, const char *place)
{
    const vp_table *t = vp_rules_table(c->rules, "provinces");
    size_t keep = 0, len = strlen(place);
    for (size_t end = 0, words = 0; t && end < len && words < 6; words++) {
        while (end < len && place[end] != ' ')
            end++;
        char *k = vp_st_fold(c->doc->arena, vp_arena_strndup(c->doc->arena, place, end));
        size_t nc = 0;
        if (vp_table_find(t, k, strlen(k), &nc))
            keep = end;
        while (end < len && place[end] == ' ')
            end++;
    }
    return keep ? vp_arena_strndup(c->doc->arena, place, keep) : NULL;
}

/* A body named in a sentence with the words after its "tỉnh" ("UBND tỉnh Trần Song Tùng"):
 * the words are its province only as far as rules/provinces.tsv knows them; the rest is the
 * office holder's name, left out (reported in the diagnostics).  auth is changed in place. */
char *vp_st_province_or_person(vp_st_ctx *c, char *auth, size_t line)
{
    const vp_table *t = vp_rules_table(c->rules, "provinces");
    char *rest = NULL;
    static const char small[] = "tỉnh ", capital[] = "Tỉnh ";
    for (char *q = auth; *q; q++)
        if ((q == auth || q[-1] == ' ') &&
            (strncmp(q, small, sizeof small - 1) == 0 || strncmp(q, capital, sizeof capital - 1) == 0))
            rest = q + sizeof small - 1;
    if (!t || !rest || !*rest)
        return auth;
    /* "Tỉnh ủy", "Tỉnh Ủy Thừa Thiên Huế", "Tỉnh đoàn": a body of its own; a name starts in
     * upper case */
    int32_t cp0 = -1;
    vp_utf8_decode(rest, strlen(rest), &cp0);
    size_t w0 = strcspn(rest, " ");
    const char *f0 = vp_st_fold(c->doc->arena, vp_arena_strndup(c->doc->arena, rest, w0));
    if (cp0 < 0 || utf8proc_category(cp0) != UTF8PROC_CATEGORY_LU || strcmp(f0, "ủy") == 0 || strcmp(f0, "uỷ") == 0 ||
        strcmp(f0, "đoàn") == 0)
        return auth;
    const char *prov = province_prefix(c, rest);
    size_t keep = prov ? strlen(prov) : 0, len = strlen(rest);
    if (keep == len)
        return auth;
    vp_diag_add(&c->doc->diags, "authority-person", (int)line + 1,
                "\"%s\" after \"tỉnh\" is no province: read as the name of an office holder, left out of the issuer",
                rest + keep + (keep > 0));
    rest[keep] = 0;
    size_t n = strlen(auth);
    while (n > 0 && auth[n - 1] == ' ')
        auth[--n] = 0;
    return auth;
}

/* An authority for a text that names none: the locality it calls its own ("trên địa bàn
 * thành phố", "toàn xã") in its title, else (a news item) the first body it mentions, else its
 * own locality anywhere.  A best reading: reported in the diagnostics. */
void vp_st_guess_authority(vp_st_ctx *c, size_t from, size_t to, int news)
{
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    const char *title = m->title;
    if (title && vp_st_match_str(c, c->header, "field", "self-locality", title, strlen(title))) {
        size_t s, e, ps, pe;
        if (vp_match_group(c->m, "text", &s, &e)) {
            if (vp_match_group(c->m, "place", &ps, &pe) && pe > e)
                e = pe;
            m->authority = vp_st_squeeze(a, vp_arena_strndup(a, title + s, e - s), 0);
            vp_diag_add(&c->doc->diags, "authority-guessed", 0,
                        "no issuing body is named; the title speaks of \"%s\" as its own", m->authority);
            return;
        }
    }
    for (size_t i = 0, seen = 0; news && i < to && seen < 6; i++) {
        if (vp_st_blank(c, i))
            continue;
        seen++;
        if (vp_st_match_line(c, c->genre, "authority-mention", i)) {
            m->authority = vp_st_province_or_person(c, vp_st_squeeze(a, vp_st_lgroup(c, "authority", i), 0), i);
            return;
        }
    }
    for (size_t i = from; i < to && i < SCAN_LINES; i++) {
        if (vp_st_blank(c, i) || !vp_st_match_line(c, c->header, "self-locality", i))
            continue;
        const char *subj = c->t->data + c->L[i].s;
        size_t s, e, ps, pe;
        if (!vp_match_group(c->m, "text", &s, &e))
            continue;
        if (vp_match_group(c->m, "place", &ps, &pe) && pe > e)
            e = pe;
        m->authority = vp_st_squeeze(a, vp_arena_strndup(a, subj + s, e - s), 0);
        vp_diag_add(&c->doc->diags, "authority-guessed", (int)i + 1,
                    "no issuing body is named; the text speaks of \"%s\" as its own", m->authority);
        return;
    }
}

/* The unit a body named without its place ends in ("tỉnh" of "UBND tỉnh"), as written into
 * *unit and folded as returned; NULL when auth names its place. */
static const char *bare_unit(vp_st_ctx *c, const char *auth, char **unit)
{
    if (!vp_st_match_str(c, c->header, "field", "bare-unit", auth, strlen(auth)))
        return NULL;
    *unit = vp_st_group(c, "text", auth);
    return *unit ? vp_st_fold(c->doc->arena, *unit) : NULL;
}

/* Called on each place the text names for a unit, in order, until it returns nonzero: the
 * place's words, and cut when a sentence rule read the words before them as a body that
 * ends in the unit ("Chủ tịch UBND thành phố Lê Trung Chinh vừa ký …": the words are the
 * office holder's name). */
typedef int (*place_fn)(vp_st_ctx *c, char *place, int cut, void *arg);

/* The places of unit ufold ("tỉnh") the text names ("tỉnh Ninh Bình"), in the first
 * SCAN_LINES lines; for "tỉnh" only as far as rules/provinces.tsv knows them as a province. */
static void each_place(vp_st_ctx *c, const char *ufold, place_fn fn, void *arg)
{
    vp_arena *a = c->doc->arena;
    const vp_rule *loc = rule_of(c->header, "locality");
    for (size_t i = 0; loc && i < c->n && i < SCAN_LINES; i++) {
        const char *subj = c->t->data + c->L[i].s;
        size_t len = c->L[i].e - c->L[i].s, start = 0;
        size_t as = 0, ae = 0; /* the body a sentence rule names on the line, if any */
        if (len && vp_st_match_line(c, c->genre, "authority", i) && !vp_match_group(c->m, "authority", &as, &ae))
            as = ae = 0;
        while (start < len && vp_rule_exec(loc, c->m, subj, len, start) == 1) {
            size_t ms, me, ts, te, ps, pe;
            vp_match_range(c->m, &ms, &me);
            char *u = vp_st_group(c, "text", subj), *place = vp_st_group(c, "place", subj);
            int cut = as < ae && vp_match_group(c->m, "text", &ts, &te) && vp_match_group(c->m, "place", &ps, &pe) &&
                      ts >= as && te <= ae && ps >= ae;
            if (u && place && strcmp(vp_st_fold(a, u), ufold) == 0 &&
                (strcmp(ufold, "tỉnh") != 0 || (place = province_prefix(c, place)) != NULL) && fn(c, place, cut, arg))
                return;
            if (me <= start)
                break;
            start = me;
        }
    }
}

/* each_place: the level of the first place, not cut, that gives the body a known level */
typedef struct place_level {
    const char *auth, *lv;
} place_level;

static int first_level(vp_st_ctx *c, char *place, int cut, void *arg)
{
    place_level *x = arg;
    if (!cut)
        x->lv = vp_st_level_of(c, vp_arena_printf(c->doc->arena, "%s %s", x->auth, place));
    return x->lv != NULL;
}

/* each_place: the places and how often each is named */
enum { NPLACES = 8 };
typedef struct place_tally {
    const char *place[NPLACES];
    int count[NPLACES];
    int uncut[NPLACES]; /* of them, not right after a body a sentence names (maybe a person) */
    size_t n;
} place_tally;

static int tally(vp_st_ctx *c, char *place, int cut, void *arg)
{
    place_tally *x = arg;
    const char *key = vp_st_fold(c->doc->arena, place);
    size_t k = 0;
    while (k < x->n && strcmp(vp_st_fold(c->doc->arena, x->place[k]), key) != 0)
        k++;
    if (k == x->n && x->n < NPLACES) {
        x->place[x->n] = place;
        x->uncut[x->n] = 0;
        x->count[x->n++] = 0;
    }
    if (k < x->n) {
        x->count[k]++;
        x->uncut[k] += !cut;
        /* a place named in capitals first (a site's banner, "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH QUẢNG
         * TRỊ") and as written later ("tỉnh Quảng Trị"): spelled as written */
        if (vp_st_caps(x->place[k], strlen(x->place[k])) > 0 && vp_st_caps(place, strlen(place)) < 0)
            x->place[k] = place;
    }
    return 0;
}

/* each_place: is the document's own place (folded, x->key) among them? */
typedef struct place_seek {
    const char *key;
    int found;
} place_seek;

static int seek_place(vp_st_ctx *c, char *place, int cut, void *arg)
{
    place_seek *x = arg;
    (void)cut;
    x->found = strcmp(vp_st_fold(c->doc->arena, place), x->key) == 0;
    return x->found;
}

/* An issuer named by its body alone ("ỦY BAN NHÂN DÂN": a page that lost the header's second
 * line; header rules field=bare-body) whose level is known and whose date line gives its place
 * ("Ninh Bình, ngày …"): the unit of that level the text names with that place ("trên địa bàn
 * tỉnh Ninh Bình") completes it, with a warning. */
static void complete_body(vp_st_ctx *c)
{
    static const char *const units[][5] = {
        {"province", "tỉnh", "thành phố", NULL},
        {"district", "huyện", "quận", "thị xã", "thành phố"},
        {"commune", "xã", "phường", "thị trấn", NULL},
    };
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    if (!m->place || !m->authority_level ||
        !vp_st_match_str(c, c->header, "field", "bare-body", m->authority, strlen(m->authority)))
        return;
    const char *key = vp_st_fold(a, m->place);
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        if (strcmp(units[k][0], m->authority_level) != 0)
            continue;
        for (size_t u = 1; u < 5 && units[k][u]; u++) {
            place_seek x = {key, 0};
            each_place(c, units[k][u], seek_place, &x);
            if (!x.found)
                continue;
            char *named = vp_arena_printf(a, "%s %s", units[k][u], m->place);
            char *full = vp_arena_printf(a, "%s %s", m->authority,
                                         vp_st_caps(m->authority, strlen(m->authority)) >= 0 ? vp_st_upper(a, named)
                                                                                            : named);
            vp_diag_add(&c->doc->diags, "authority-place", 0,
                        "the issuer is named \"%s\" without its unit and place; the date line's place and the "
                        "text's \"%s\" make it \"%s\"",
                        m->authority, named, full);
            m->authority = full;
            return;
        }
    }
}

void vp_st_complete_bare(vp_st_ctx *c)
{
    complete_body(c);
    vp_meta *m = &c->doc->meta;
    vp_arena *a = c->doc->arena;
    const char *auth = m->authority;
    char *unit = NULL;
    const char *ufold = auth ? bare_unit(c, auth, &unit) : NULL;
    if (!ufold)
        return;
    place_tally t = {0};
    each_place(c, ufold, tally, &t);
    if (t.n == 0 && m->title && (!strcmp(ufold, "tỉnh") || !strcmp(ufold, "thành phố"))) {
        /* the place named nowhere with its unit, but the headline opens on a province's name
         * ("Quảng Trị đặt mục tiêu …", "Hà Tĩnh: …"): that province */
        char *pl = province_prefix(c, m->title);
        if (pl) {
            const char *pc = vp_st_caps(auth, strlen(auth)) >= 0 ? vp_st_upper(a, pl) : pl;
            char *full = vp_arena_printf(a, "%s %s", auth, pc);
            vp_diag_add(&c->doc->diags, "authority-place", 0,
                        "the issuer is named \"%s\" without its place; the headline opens on \"%s\": read as \"%s\"",
                        auth, pl, full);
            m->authority = full;
            return;
        }
    }
    /* the one named most, more often than any other, and at least twice unless it is the only
     * place of that unit the text names, after the issuer's own words ("UBND huyện Tuy Phước ban
     * hành …" once), and not right after a body a sentence names ("Chủ tịch UBND thành phố Lê
     * Trung Chinh vừa ký …") */
    size_t best = t.n;
    for (size_t k = 0; k < t.n; k++)
        if (best == t.n || t.count[k] > t.count[best])
            best = k;
    if (best == t.n || (t.count[best] < 2 && (t.n > 1 || !t.uncut[best])))
        return;
    if (t.count[best] < 2) { /* named once: only as the issuer's own place ("UBND huyện Tuy Phước") */
        const char *hay = vp_st_fold(a, vp_arena_strndup(a, c->t->data, c->t->len));
        if (!strstr(hay, vp_st_fold(a, vp_arena_printf(a, "%s %s", auth, t.place[best]))))
            return;
    }
    for (size_t k = 0; k < t.n; k++)
        if (k != best && t.count[k] == t.count[best])
            return;
    /* an issuer in capitals ("THÀNH PHỐ") gets its place in capitals */
    const char *pl = vp_st_caps(auth, strlen(auth)) >= 0 ? vp_st_upper(a, t.place[best]) : t.place[best];
    char *full = vp_arena_printf(a, "%s %s", auth, pl);
    vp_diag_add(&c->doc->diags, "authority-place", 0,
                "the issuer is named \"%s\" without its place; the text names \"%s %s\" %d times: read as \"%s\"",
                auth, unit, t.place[best], t.count[best], full);
    m->authority = full;
}

/* The level of an authority that ends in a unit word without its name ("Ủy ban nhân dân thành
 * phố"): the first place of that unit named in the text, else what its subordinates show.  The
 * words after a body that a sentence rule reads up to its unit word are not the unit's place
 * ("Chủ tịch UBND thành phố Lê Trung Chinh vừa ký …": the name of the office holder). */
const char *vp_st_level_of_bare(vp_st_ctx *c, const char *auth)
{
    char *unit = NULL;
    const char *ufold = bare_unit(c, auth, &unit);
    if (!ufold)
        return NULL;
    place_level x = {auth, NULL};
    each_place(c, ufold, first_level, &x);
    if (x.lv)
        return x.lv;
    for (size_t k = 0; k < c->header->n; k++) {
        const vp_rule *r = c->header->rules[k];
        const char *v = vp_rule_attr(r, "field");
        if (!v || strcmp(v, "subordinate") != 0)
            continue;
        for (size_t i = 0; i < c->n && i < SCAN_LINES; i++)
            if (vp_rule_exec(r, c->m, c->t->data + c->L[i].s, c->L[i].e - c->L[i].s, 0) == 1)
                return vp_rule_attr(r, "level");
    }
    return NULL;
}

/* The level of a council or committee named by its place without its unit word ("ỦY BAN
 * NHÂN DÂN" / "DÂN LỰC", the "XÃ" left out): the unit the text puts before that place ("xã
 * Dân Lực", rule locality) in its title or first 80 lines, with a warning; NULL when none. */
const char *vp_st_level_of_named(vp_st_ctx *c, const char *auth)
{
    static const char *const bodies[] = {"ủy ban nhân dân ", "uỷ ban nhân dân ", "hội đồng nhân dân "};
    vp_arena *a = c->doc->arena;
    const vp_rule *loc = rule_of(c->header, "locality");
    const char *af = vp_st_fold_expanded(c, auth);
    size_t al = strlen(af), body = 0;
    for (size_t k = 0; k < sizeof bodies / sizeof bodies[0] && !body; k++)
        if (!strncmp(af, bodies[k], strlen(bodies[k])))
            body = strlen(bodies[k]);
    if (!loc || !body || al < body + 3)
        return NULL;
    const char *title = c->doc->meta.title;
    for (size_t i = 0, seen = 0; i <= c->n && seen < 80; i++) {
        const char *subj;
        size_t len, start = 0;
        if (i == c->n) { /* last, the title, which may run over several lines */
            if (!title)
                break;
            subj = title;
            len = strlen(title);
        } else {
            if (vp_st_blank(c, i))
                continue;
            seen++;
            subj = c->t->data + c->L[i].s;
            len = c->L[i].e - c->L[i].s;
        }
        while (start < len && vp_rule_exec(loc, c->m, subj, len, start) == 1) {
            size_t ms, me;
            vp_match_range(c->m, &ms, &me);
            char *u = vp_st_group(c, "text", subj), *place = vp_st_group(c, "place", subj);
            const char *pf = place ? vp_st_fold(a, place) : NULL;
            size_t pl = pf ? strlen(pf) : 0;
            /* the issuer's words after its body are the place */
            if (u && pl && al == body + pl && !strcmp(af + body, pf)) {
                const char *lv = vp_st_level_of(c, vp_st_upper(a, vp_arena_printf(a, "%s %s", u, place)));
                if (lv) {
                    vp_diag_add(&c->doc->diags, "level-from-text", i < c->n ? (int)i + 1 : 0,
                                "the issuer \"%s\" names its place without its unit; the text calls it %s %s, so it is read as %s",
                                auth, u, place, lv);
                    return lv;
                }
            }
            if (me <= start)
                break;
            start = me;
        }
    }
    return NULL;
}

/* s with a leading abbreviation written out ("UBND tỉnh" -> "ủy ban nhân dân tỉnh"), folded. */
const char *vp_st_fold_expanded(vp_st_ctx *c, const char *s)
{
    vp_arena *a = c->doc->arena;
    const vp_table *t = vp_rules_table(c->rules, "abbrev");
    size_t k = strcspn(s, " ");
    size_t nc = 0;
    const char *const *row = t ? vp_table_find(t, s, k, &nc) : NULL;
    if (row && nc > 1)
        return vp_st_fold(a, vp_arena_printf(a, "%s%s", row[1], s + k));
    return vp_st_fold(a, s);
}

/* The level of a header authority that does not say its locality ("ỦY BAN NHÂN DÂN"): the
 * same body named in the sentence that issues the document ("Ủy ban nhân dân tỉnh ban hành
 * Kế hoạch …", "UBND tỉnh xây dựng Kế hoạch …"). */
const char *vp_st_level_of_issuer(vp_st_ctx *c, const char *auth, size_t from, size_t to)
{
    const char *af = vp_st_fold_expanded(c, auth);
    size_t alen = strlen(af);
    for (size_t i = from; i < to && i < from + 80; i++) {
        if (vp_st_blank(c, i) || !vp_st_match_line(c, c->genre, "authority", i))
            continue;
        char *found = vp_st_lgroup(c, "authority", i);
        if (!found)
            continue;
        const char *ff = vp_st_fold_expanded(c, vp_st_squeeze(c->doc->arena, found, 0));
        if (strlen(ff) > alen && strncmp(ff, af, alen) == 0) {
            const char *lv = vp_st_level_of(c, found);
            if (lv)
                return lv;
        }
    }
    return NULL;
}

const char *vp_st_symbol_issuer(vp_st_ctx *c, const char *symbol)
{
    const vp_rule *r = symbol ? vp_st_match_str(c, c->header, "field", "symbol-issuer", symbol, strlen(symbol)) : NULL;
    return r ? vp_rule_attr(r, "issuer") : NULL;
}

/* The level of the issuer coded in the number ("QĐ-TTg", "CT/TU") when the text names no
 * issuing body with a level; the code stands for the body, with a warning. */
void vp_st_level_of_symbol(vp_st_ctx *c)
{
    vp_meta *m = &c->doc->meta;
    const char *sym = m->number_symbol;
    size_t k = strcspn(sym, "-/");
    if (!sym[k] || !sym[k + 1])
        return;
    const char *issuer = sym + k + 1;
    const vp_rule *r = vp_st_match_str(c, c->header, "field", "symbol-level", issuer, strlen(issuer));
    if (!r)
        return;
    m->authority_level = vp_rule_attr(r, "level");
    if (!m->authority) {
        /* the body the code stands for ("TTg": Thủ tướng Chính phủ), else the code itself */
        const char *named = vp_st_symbol_issuer(c, sym);
        m->authority = named ? named : vp_arena_strndup(c->doc->arena, issuer, strcspn(issuer, "-/"));
        if (named)
            vp_diag_add(&c->doc->diags, "authority-from-number", 0,
                        "no issuing body is named; the number %s stands for \"%s\", read as the issuer",
                        m->number_text, m->authority);
        else
            vp_diag_add(&c->doc->diags, "authority-from-number", 0,
                        "no issuing body is named; \"%s\" in the number %s is read as the issuer", m->authority,
                        m->number_text);
    }
}
