/* convert.c - stage 1: bytes of any supported format/encoding -> clean UTF-8 (NFC).
 *
 * The format is sniffed from the content, never from the file name.  Plain text goes
 * through encoding detection (detect.c); every other format is read by its library and the
 * text it gives goes through the same per-paragraph repair and NFC. */
#include "convert.h"
#include "convert_fmt.h"
#include "dates.h"
#include "detect.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

void vp_limits_default(vp_limits *l)
{
    l->max_input = (size_t)64 << 20;
    l->max_unzipped = (size_t)256 << 20;
    l->max_pdf_pages = 2000;
    l->max_seconds = 30.0;
    l->explain = 1;
    l->read_markup = 1;
    l->max_lines = 200000;
    l->max_xml_memory = (size_t)256 << 20;
}

void vp_utf8_free(vp_utf8 *u)
{
    if (!u)
        return;
    free(u->data);
    free(u->explain);
    memset(u, 0, sizeof *u);
}

double vp_convert_now(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return 0.0;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void vp_convert_err(vp_fmt_ctx *c, const char *fmt, ...)
{
    if (!c->err || !c->errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err, c->errlen, fmt, ap);
    va_end(ap);
    for (char *p = c->err; *p; p++) /* one line */
        if (*p == '\n' || *p == '\r')
            *p = ' ';
}

static int has_prefix(const unsigned char *s, size_t n, const char *p)
{
    size_t l = strlen(p);
    return n >= l && memcmp(s, p, l) == 0;
}

static const unsigned char *find_ci(const unsigned char *s, size_t n, const char *needle)
{
    size_t l = strlen(needle);
    if (l == 0 || l > n)
        return l == 0 ? s : NULL;
    unsigned char c0 = (unsigned char)needle[0];
    if ((c0 | 0x20) < 'a' || (c0 | 0x20) > 'z') { /* a first character without case: found by memchr */
        for (const unsigned char *p = s; (p = memchr(p, c0, (size_t)(s + n - l + 1 - p))) != NULL; p++)
            if (strncasecmp((const char *)p, needle, l) == 0)
                return p;
        return NULL;
    }
    unsigned char f = c0 | 0x20; /* equal for both cases of a letter */
    for (size_t i = 0; i + l <= n; i++)
        if ((s[i] | 0x20) == f && strncasecmp((const char *)s + i, needle, l) == 0)
            return s + i;
    return NULL;
}

static int looks_html(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    if (i >= n || s[i] != '<')
        return 0;
    size_t m = n - i < 4096 ? n - i : 4096;
    const unsigned char *h = s + i;
    return find_ci(h, m, "<!doctype html") || find_ci(h, m, "<html") || find_ci(h, m, "<head") ||
           find_ci(h, m, "<body") || find_ci(h, m, "<meta") || find_ci(h, m, "<div") || find_ci(h, m, "<p>");
}

/* A text file holding an HTML fragment pasted from a page (a site's front matter, then
 * "<p>Ng&agrave;y 10/02/2020 …</p>"): it does not start with '<', but markup runs through it.
 * Counted in the first 64 KB: tags of common block and inline elements (a closing tag at
 * least three times, six in all, one per 400 bytes or denser) or, with a few tags, character
 * entities.  Prose with a stray '<' or an "a < b" has none of this and stays text. */
static int markup_dominates(const unsigned char *s, size_t n)
{
    static const char *const names[] = {"p", "br", "div", "span", "strong", "em", "b", "i", "u",
                                        "a", "li", "ul", "ol", "table", "tbody", "tr", "td", "th",
                                        "h1", "h2", "h3", "h4", "h5", "h6", "img", "font", "sup"};
    size_t m = n < 65536 ? n : 65536, tags = 0, closing = 0, ents = 0;
    if (!memchr(s, '<', m)) /* no tag: markup cannot dominate (both tests below need tags) */
        return 0;
    for (size_t i = 0; i < m; i++) {
        if (s[i] == '<') {
            size_t j = i + 1, close = 0;
            if (j < m && s[j] == '/')
                close = 1, j++;
            size_t k = j;
            while (k < m && k - j < 8 && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z' ? 1 : (s[k] >= '0' && s[k] <= '9')))
                k++;
            if (k == j || k >= m || (s[k] != '>' && s[k] != ' ' && s[k] != '/'))
                continue;
            for (size_t t = 0; t < sizeof names / sizeof names[0]; t++)
                if (strlen(names[t]) == k - j && strncasecmp((const char *)s + j, names[t], k - j) == 0) {
                    tags++;
                    closing += close;
                    break;
                }
        } else if (s[i] == '&') {
            size_t k = i + 1;
            if (k < m && s[k] == '#')
                k++;
            size_t j = k;
            while (k < m && k - j < 8 && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z' ? 1 : (s[k] >= '0' && s[k] <= '9')))
                k++;
            if (k - j >= 2 && k < m && s[k] == ';')
                ents++;
        }
    }
    if (tags >= 6 && closing >= 3 && tags * 400 >= m)
        return 1;
    return tags >= 2 && closing >= 1 && ents >= 10 && (tags + ents) * 200 >= m;
}

/* UTF-16 without BOM: most ASCII characters leave a zero in every other byte. */
static int utf16_guess(const unsigned char *s, size_t n)
{
    if (n < 4)
        return 0;
    size_t m = n < 4096 ? n : 4096, ze = 0, zo = 0;
    for (size_t i = 0; i + 1 < m; i += 2) {
        ze += s[i] == 0;
        zo += s[i + 1] == 0;
    }
    size_t pairs = m / 2;
    if (zo * 10 >= pairs * 4 && ze * 10 < pairs)
        return 1; /* LE */
    if (ze * 10 >= pairs * 4 && zo * 10 < pairs)
        return 2; /* BE */
    return 0;
}

static int utf16_to_utf8(const unsigned char *s, size_t n, int be, vp_buf *out)
{
    size_t i = 0;
    while (i + 1 < n) {
        uint32_t u = be ? (uint32_t)s[i] << 8 | s[i + 1] : (uint32_t)s[i + 1] << 8 | s[i];
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
            uint32_t v = be ? (uint32_t)s[i] << 8 | s[i + 1] : (uint32_t)s[i + 1] << 8 | s[i];
            if (v >= 0xDC00 && v <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
                i += 2;
            } else {
                u = 0xFFFD;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            u = 0xFFFD;
        }
        char e[4];
        int l = vp_utf8_encode((int32_t)u, e);
        vp_buf_add(out, e, (size_t)l);
    }
    return 0;
}

/* Binary noise: NUL bytes or many control bytes that no Vietnamese code page uses. */
static int looks_binary(const unsigned char *s, size_t n)
{
    size_t m = n < 65536 ? n : 65536, ctl = 0;
    for (size_t i = 0; i < m; i++) {
        while (i + 8 <= m) { /* eight bytes at a time while none is below 0x20 */
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= m)
            break;
        unsigned c = s[i];
        if (c == 0)
            return 1;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && !(VP_CTL_LETTERS & (1u << c)))
            ctl++;
    }
    return ctl * 20 > m;
}

/* A data file rather than a document: its first line names columns the way programs name
 * fields (two or more ASCII identifiers, "file\tsource\tkind" or "child_file,parent_file"),
 * and its next line is cut by the same separator.  A plan's table copied as text heads its
 * columns with words ("TT\tChỉ tiêu\tĐơn vị tính"), so it is never taken for one.  On a
 * match the first line's fields are written to cols (at most cap bytes) for the message. */
static int looks_data_table(const unsigned char *s, size_t n, char *cols, size_t cap)
{
    const unsigned char *nl = memchr(s, '\n', n);
    size_t e = nl ? (size_t)(nl - s) : n;
    if (e > 0 && s[e - 1] == '\r')
        e--;
    char sep = memchr(s, '\t', e) ? '\t' : memchr(s, ',', e) ? ',' : 0;
    if (!sep || !nl)
        return 0;
    size_t fields = 1, flen = 0;
    for (size_t i = 0; i < e; i++) {
        unsigned c = s[i];
        if (c == (unsigned char)sep) {
            if (flen == 0)
                return 0;
            fields++, flen = 0;
        } else if (c == '_' || (c | 0x20) - 'a' < 26u || (flen > 0 && c - '0' < 10u)) {
            flen++;
        } else {
            return 0;
        }
    }
    if (flen == 0 || fields < 2)
        return 0;
    const unsigned char *r = nl + 1, *end = s + n;
    while (r < end && (*r == '\n' || *r == '\r'))
        r++;
    const unsigned char *rn = memchr(r, '\n', (size_t)(end - r));
    if (r == end || !memchr(r, sep, (size_t)((rn ? rn : end) - r)))
        return 0;
    size_t o = 0;
    for (size_t i = 0; i < e && o + 6 < cap; i++)
        if (s[i] == (unsigned char)sep) {
            if (o + 6 + 2 >= cap || (i > 40 && e - i > 3)) {
                memcpy(cols + o, ", ...", 5);
                o += 5;
                break;
            }
            cols[o++] = ',', cols[o++] = ' ';
        } else {
            cols[o++] = (char)s[i];
        }
    cols[o] = 0;
    return 1;
}

/* Is s[0..n) nothing but white space and control characters? */
static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] > ' ')
            return 0;
    return 1;
}

static int finish(vp_utf8 *out, vp_buf *raw, vp_fmt_ctx *c, const char *format, vp_diags *diags)
{
    vp_buf clean = {0};
    int repaired = 0;
    if (vp_detect_repair(raw->data ? raw->data : "", raw->len, &clean, &repaired, diags, c->err, c->errlen) < 0) {
        vp_buf_free(&clean);
        return -1;
    }
    out->len = clean.len;
    out->data = vp_buf_steal(&clean);
    out->format = format;
    out->encoding = c->encoding ? c->encoding : "utf-8";
    out->repaired = repaired;
    out->no_toned_caps = c->no_toned_caps;
    /* nothing readable came out: a document without text is of no use downstream */
    if (blank(out->data, out->len)) {
        vp_utf8_free(out);
        vp_convert_err(c, "%s document has no text", format);
        return -1;
    }
    /* the score of the text read is for `convert --explain` only */
    if (c->lim->explain) {
        vp_vscore sc;
        vp_detect_score(out->data, out->len, &sc);
        out->confidence = sc.words ? (double)sc.viet / (double)sc.words : 0.0;
        vp_buf e = {0};
        vp_buf_printf(&e, "%s (%s): %.0f%% of %zu words are Vietnamese syllables", format, out->encoding,
                      100.0 * out->confidence, sc.words);
        if (c->legacy_runs)
            vp_buf_printf(&e, "; %d run%s in legacy fonts decoded", c->legacy_runs, c->legacy_runs == 1 ? "" : "s");
        if (repaired)
            vp_buf_adds(&e, "; damaged paragraphs repaired");
        out->explain = vp_buf_steal(&e);
    }
    return 0;
}

/* ---- front matter ---- */

/* The value of a front-matter line "KEY: value", "\"KEY\": \"value\"," or "KEY = value" for
 * key (a JSON string's escapes read) into v; 0 when the line is not about key. */
static int fm_value(const char *l, size_t n, const char *key, vp_buf *v)
{
    size_t i = 0, kl = strlen(key);
    while (i < n && (l[i] == ' ' || l[i] == '\t'))
        i++;
    int q = i < n && l[i] == '"';
    i += (size_t)q;
    if (n - i < kl || memcmp(l + i, key, kl) != 0)
        return 0;
    i += kl;
    if (q) {
        if (i >= n || l[i] != '"')
            return 0;
        i++;
    }
    while (i < n && (l[i] == ' ' || l[i] == '\t'))
        i++;
    if (i >= n || (l[i] != ':' && l[i] != '='))
        return 0;
    i++;
    while (i < n && (l[i] == ' ' || l[i] == '\t'))
        i++;
    v->len = 0;
    if (i < n && (l[i] == '"' || l[i] == '\'')) {
        char quote = l[i++];
        for (; i < n && l[i] != quote; i++) {
            if (l[i] == '\\' && quote == '"' && i + 1 < n) {
                char e = l[++i];
                if (e == 'u' && i + 4 < n) {
                    int32_t cp = 0;
                    int ok = 1;
                    for (int k = 1; k <= 4 && ok; k++) {
                        int d = vp_hex_digit((unsigned char)l[i + (size_t)k]);
                        ok = d >= 0;
                        cp = cp * 16 + d;
                    }
                    if (ok) {
                        char u[4];
                        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
                            cp = 0xFFFD; /* the text stays valid UTF-8 (a lone half of a pair) */
                        vp_buf_add(v, u, (size_t)vp_utf8_encode(cp, u));
                        i += 4;
                        continue;
                    }
                }
                vp_buf_addc(v, e == 'n' || e == 't' || e == 'r' ? ' ' : e);
                continue;
            }
            vp_buf_addc(v, l[i]);
        }
    } else {
        size_t e = n;
        while (e > i && (l[e - 1] == ' ' || l[e - 1] == ',' || l[e - 1] == '\r'))
            e--;
        vp_buf_add(v, l + i, e - i);
    }
    while (v->len && (v->data[v->len - 1] == ' ' || v->data[v->len - 1] == '\t'))
        v->len--;
    return 1;
}

/* A page of a static-site generator starts with its front matter ("---json" … "---"): the
 * values rules/frontmatter.tsv names replace it, one "LABEL: value" line each. */
static void front_matter(vp_fmt_ctx *c, vp_buf *b, vp_diags *diags)
{
    const char *t = b->data;
    if (!c->front || !c->lim->read_markup || !t || b->len < 8 || strncmp(t, "---", 3) != 0)
        return;
    size_t i = 3;
    while (i < b->len && ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z')))
        i++;
    while (i < b->len && (t[i] == ' ' || t[i] == '\r'))
        i++;
    if (i >= b->len || t[i] != '\n')
        return;
    size_t body = i + 1, end = 0, lines = 0;
    for (size_t p = body; p < b->len && lines < 400; lines++) {
        const char *nl = memchr(t + p, '\n', b->len - p);
        size_t e = nl ? (size_t)(nl - t) : b->len;
        size_t le = e;
        while (le > p && (t[le - 1] == ' ' || t[le - 1] == '\r'))
            le--;
        if (le - p == 3 && strncmp(t + p, "---", 3) == 0) {
            end = p;
            break;
        }
        p = e + 1;
    }
    if (!end)
        return;
    vp_buf out = {0}, v = {0};
    size_t shown = 0;
    uint64_t shown_rows = 0; /* the first 64 rows of the table that gave a line */
    for (size_t r = 0; r < c->front->nrows; r++) {
        const char *const *row = c->front->rows[r];
        const char *key = row[0], *label = c->front->ncols[r] > 1 ? row[1] : "";
        int dup = 0; /* a label shown already, by an earlier key */
        for (size_t q = 0; q < r && label[0] && !dup; q++)
            dup = c->front->ncols[q] > 1 && strcmp(c->front->rows[q][1], label) == 0 && (shown_rows >> (q & 63) & 1);
        for (size_t p = body; p < end && !dup;) {
            const char *nl = memchr(t + p, '\n', end - p);
            size_t e = nl ? (size_t)(nl - t) : end;
            if (fm_value(t + p, e - p, key, &v) && v.len) {
                char iso[16];
                if (v.len >= 10 && v.data[4] == '-' && v.data[7] == '-' && vp_date_int(v.data, 4) > 0 &&
                    vp_date_valid(vp_date_int(v.data, 4), vp_date_int(v.data + 5, 2), vp_date_int(v.data + 8, 2))) {
                    snprintf(iso, sizeof iso, "%02d/%02d/%04d", vp_date_int(v.data + 8, 2), vp_date_int(v.data + 5, 2),
                             vp_date_int(v.data, 4));
                    v.len = 0;
                    vp_buf_adds(&v, iso);
                }
                if (label && label[0])
                    vp_buf_printf(&out, "%s: ", label);
                vp_buf_add(&out, v.data, v.len);
                vp_buf_addc(&out, '\n');
                shown++;
                shown_rows |= (uint64_t)1 << (r & 63);
                break;
            }
            p = e + 1;
        }
    }
    const char *nl = memchr(t + end, '\n', b->len - end);
    size_t rest = nl ? (size_t)(nl - t) + 1 : b->len;
    vp_buf_add(&out, t + rest, b->len - rest);
    vp_buf_free(&v);
    vp_diag_add(diags, "front-matter", 1, "the page's front matter (%zu lines) read as %zu field%s", lines, shown,
                shown == 1 ? "" : "s");
    vp_buf_free(b);
    *b = out;
}

static int convert_text(const unsigned char *s, size_t n, vp_utf8 *out, vp_diags *diags, vp_fmt_ctx *c)
{
    vp_buf b = {0};
    vp_detect_info info;
    if (vp_detect_text(s, n, c->lim->explain, &b, &info, diags, c->ic, c->err, c->errlen) < 0) {
        vp_buf_free(&b);
        return -1;
    }
    /* a page dumped with the line breaks of its source escaped ("CỘNG\\r\\n HÒA XÃ HỘI",
     * "\\r\\n Số: 54/KH-UBND \\r\\n |"): in the page they were white space, so each one
     * becomes a space; three or more, as a stray "\\r\\n" in prose is left alone */
    size_t esc = 0;
    for (const char *p = b.data; p && (p = strstr(p, "\\r\\n")); p += 4)
        esc++;
    if (esc >= 3 && c->lim->read_markup) {
        char *w = b.data;
        for (const char *r = b.data; *r;) {
            if (strncmp(r, "\\r\\n", 4) == 0) {
                *w++ = ' ';
                r += 4;
            } else {
                *w++ = *r++;
            }
        }
        *w = '\0';
        b.len = (size_t)(w - b.data);
        vp_diag_add(diags, "escaped-line-breaks", 0,
                    "%zu escaped line breaks (\"\\r\\n\" written out) read as spaces", esc);
    }
    front_matter(c, &b, diags);
    out->len = b.len;
    out->data = vp_buf_steal(&b);
    out->format = "text";
    out->encoding = info.encoding;
    out->confidence = info.confidence;
    out->explain = info.explain;
    out->repaired = info.repaired;
    out->no_toned_caps = info.encoding && strcmp(info.encoding, "tcvn3") == 0;
    return 0;
}

void vp_convert_legacy_run(vp_fmt_ctx *c, vp_enc e, int upper)
{
    c->legacy_runs++;
    if (e == VP_ENC_TCVN3 && !upper)
        c->no_toned_caps = 1;
}

vp_enc vp_convert_font(vp_fmt_ctx *c, const char *font, int *upper)
{
    *upper = 0;
    if (!font || !c->fonts || !c->m)
        return VP_ENC_UTF8;
    size_t n = strlen(font);
    if (c->font_known && n < sizeof c->font && strcmp(c->font, font) == 0) {
        *upper = c->font_upper;
        return c->font_enc;
    }
    vp_enc e = VP_ENC_UTF8;
    const vp_rule *r = vp_family_first(c->fonts, c->m, font, n, 0);
    const char *name = r ? vp_rule_attr(r, "encoding") : NULL;
    for (int k = 0; name && k < VP_ENC_N; k++)
        if (strcasecmp(vp_enc_name((vp_enc)k), name) == 0)
            e = (vp_enc)k;
    if (e != VP_ENC_UTF8) {
        const char *cs = vp_rule_attr(r, "case");
        *upper = cs && strcmp(cs, "upper") == 0;
    }
    c->font_known = n < sizeof c->font;
    if (c->font_known) {
        memcpy(c->font, font, n + 1);
        c->font_enc = e;
        c->font_upper = *upper;
    }
    return e;
}

int vp_convert(const char *path, const unsigned char *bytes, size_t len, const vp_limits *lim,
               const vp_rules *rules, vp_matcher *m, vp_utf8 *out, vp_diags *diags, vp_iconvs *ic, char *err,
               size_t errlen)
{
    (void)path;
    vp_limits defl;
    if (!lim) {
        vp_limits_default(&defl);
        lim = &defl;
    }
    memset(out, 0, sizeof *out);
    vp_fmt_ctx c;
    memset(&c, 0, sizeof c);
    c.lim = lim;
    c.diags = diags;
    c.ic = ic;
    c.fonts = rules ? vp_rules_family(rules, "fonts") : NULL;
    c.front = rules ? vp_rules_table(rules, "frontmatter") : NULL;
    c.layout = rules ? vp_rules_family(rules, "layout") : NULL;
    c.m = m;
    c.deadline = vp_convert_now() + (lim->max_seconds > 0 ? lim->max_seconds : 1e9);
    c.err = err;
    c.errlen = errlen;
    if (err && errlen)
        err[0] = 0;

    if (!bytes || len == 0) {
        vp_convert_err(&c, "empty file");
        return -1;
    }
    if (lim->max_input && len > lim->max_input) {
        vp_convert_err(&c, "file too large (%zu bytes; limit %zu)", len, lim->max_input);
        return -1;
    }

    const unsigned char *s = bytes;
    size_t n = len;
    vp_buf raw = {0};
    const char *format = NULL;
    int rc;

    if (has_prefix(s, n, "%PDF-") || (find_ci(s, n < 1024 ? n : 1024, "%PDF-") != NULL)) {
        format = "pdf";
        rc = vp_fmt_pdf(s, n, &c, &raw);
    } else if (has_prefix(s, n, "PK\x03\x04") || has_prefix(s, n, "PK\x05\x06")) {
        vp_zip *z = vp_zip_open(s, n, &c);
        if (!z)
            return -1;
        int docx = vp_zip_has(z, "word/document.xml"), odt = vp_zip_has(z, "content.xml");
        vp_zip_close(z);
        if (docx) {
            format = "docx";
            rc = vp_fmt_docx(s, n, &c, &raw);
        } else if (odt) {
            format = "odt";
            rc = vp_fmt_odt(s, n, &c, &raw);
        } else {
            vp_convert_err(&c, "zip archive is neither DOCX nor ODT");
            return -1;
        }
    } else if (has_prefix(s, n, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        format = "doc";
        rc = vp_fmt_doc(s, n, &c, &raw);
    } else if (has_prefix(s, n, "{\\rtf")) {
        format = "rtf";
        rc = vp_fmt_rtf(s, n, &c, &raw);
    } else {
        /* text, in some encoding */
        vp_buf u16 = {0};
        int kind = 0;
        if (has_prefix(s, n, "\xFF\xFE"))
            kind = 1, s += 2, n -= 2;
        else if (has_prefix(s, n, "\xFE\xFF"))
            kind = 2, s += 2, n -= 2;
        else if (!has_prefix(s, n, "\xEF\xBB\xBF"))
            kind = utf16_guess(s, n);
        if (kind) {
            utf16_to_utf8(s, n, kind == 2, &u16);
            s = (const unsigned char *)(u16.data ? u16.data : "");
            n = u16.len;
        }
        if (has_prefix(s, n, "\xEF\xBB\xBF"))
            s += 3, n -= 3;
        if (n == 0) {
            vp_buf_free(&u16);
            vp_convert_err(&c, "empty file");
            return -1;
        }
        if (!kind && looks_binary(s, n)) {
            vp_convert_err(&c, "not a text document (binary data)");
            return -1;
        }
        char cols[64];
        if (!kind && looks_data_table(s, n, cols, sizeof cols)) {
            vp_convert_err(&c, "not a document: a data table (columns %s)", cols);
            return -1;
        }
        int whole = looks_html(s, n);
        if (whole || (c.lim->read_markup && markup_dominates(s, n))) {
            format = "html";
            if (kind)
                c.encoding = "utf-16";
            if (whole) {
                rc = vp_fmt_html(s, n, &c, &raw);
            } else {
                /* a fragment: its encoding is read as for any text (a VNI or TCVN3 file may
                 * hold one), then the decoded text goes to the HTML reader.  The plain lines
                 * before the line of its first tag (a headline, a date, front matter) keep
                 * their line breaks, each read as a paragraph. */
                vp_utf8 txt = {0};
                rc = convert_text(s, n, &txt, diags, &c);
                if (rc == 0) {
                    c.encoding = kind ? "utf-16" : txt.encoding;
                    c.no_toned_caps |= txt.no_toned_caps;
                    const char *t = txt.data;
                    const char *lt = memchr(t, '<', txt.len);
                    size_t pre = lt ? (size_t)(lt - t) : 0;
                    while (pre > 0 && t[pre - 1] != '\n')
                        pre--;
                    vp_buf frag = {0};
                    for (size_t i = 0; i < pre;) {
                        const char *nl = memchr(t + i, '\n', pre - i);
                        size_t e = nl ? (size_t)(nl - t) : pre;
                        vp_buf_adds(&frag, "<p>");
                        vp_buf_add(&frag, t + i, e - i);
                        vp_buf_adds(&frag, "</p>\n");
                        i = e + 1;
                    }
                    vp_buf_add(&frag, t + pre, txt.len - pre);
                    rc = vp_fmt_html((const unsigned char *)(frag.data ? frag.data : ""), frag.len, &c, &raw);
                    vp_buf_free(&frag);
                }
                vp_utf8_free(&txt);
            }
            vp_buf_free(&u16);
        } else {
            rc = convert_text(s, n, out, diags, &c);
            if (rc == 0 && kind)
                out->encoding = "utf-16";
            vp_buf_free(&u16);
            if (rc == 0 && blank(out->data, out->len)) {
                vp_utf8_free(out);
                vp_convert_err(&c, "empty file");
                return -1;
            }
            return rc;
        }
    }
    if (rc < 0) {
        vp_buf_free(&raw);
        if (err && errlen && !err[0])
            vp_convert_err(&c, "cannot read %s document", format);
        return -1;
    }
    rc = finish(out, &raw, &c, format, diags);
    vp_buf_free(&raw);
    return rc;
}
