/* xmlout.c - one vp_doc as vnplan XML (urn:vnplan:1).
 *
 * Written straight into one buffer, byte for byte as libxml2's text writer (xmlwriter.c,
 * indenting with two spaces, document encoding UTF-8) wrote it before: an element's start
 * tag on a line of its own, indented by its depth; text right after its start tag and the
 * end tag right after the text; an element without content as <name/>; every end tag
 * followed by a newline.  Text escapes < > & and " (xmlEncodeSpecialChars); attribute
 * values also tab and newline (&#9; &#10;); other characters are copied as they are.
 * XML 1.0 cannot carry C0 controls other than tab and newline: they become spaces. */
#include "xmlout.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { S_NAME, S_TEXT }; /* an open element: start tag not yet closed by '>', or closed */

typedef struct w {
    vp_buf b;
    const char **name; /* open elements, outermost first (names are string constants) */
    unsigned char *state;
    size_t depth, cap;
    int doindent; /* an end tag goes on a line of its own (no text just before it) */
    int bad;
} w;

static void put(w *o, const char *s, size_t n) { vp_buf_add(&o->b, s, n); }
static void puts_(w *o, const char *s) { vp_buf_add(&o->b, s, strlen(s)); }

static void indent(w *o)
{
    for (size_t i = 1; i < o->depth; i++)
        put(o, "  ", 2);
}

/* s with controls made spaces and the characters XML needs escaped; attr: as an attribute
 * value (tab and newline escaped too). */
static void escaped(w *o, const char *s, int attr)
{
    /* the bytes that end a run copied as it is: controls (and the terminating NUL), < > & " */
    static const unsigned char stop[256] = {
        [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
        [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1,
        [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
        [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
        ['<'] = 1,  ['>'] = 1,  ['&'] = 1,  ['"'] = 1};
    const unsigned char *u = (const unsigned char *)s;
    for (;;) {
        const unsigned char *r = u;
        while (!stop[*u])
            u++;
        if (u > r)
            put(o, (const char *)r, (size_t)(u - r));
        unsigned char c = *u;
        if (!c)
            return;
        u++;
        switch (c) {
        case '<':
            put(o, "&lt;", 4);
            break;
        case '>':
            put(o, "&gt;", 4);
            break;
        case '&':
            put(o, "&amp;", 5);
            break;
        case '"':
            put(o, "&quot;", 6);
            break;
        case '\t':
            if (attr)
                put(o, "&#9;", 4);
            else
                put(o, "\t", 1);
            break;
        case '\n':
            if (attr)
                put(o, "&#10;", 5);
            else
                put(o, "\n", 1);
            break;
        default:
            put(o, " ", 1);
            break;
        }
    }
}

static void start(w *o, const char *name)
{
    if (o->bad)
        return;
    if (o->depth && o->state[o->depth - 1] == S_NAME) {
        put(o, ">\n", 2);
        o->state[o->depth - 1] = S_TEXT;
    }
    if (o->depth == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 16;
        o->name = vp_xrealloc(o->name, o->cap * sizeof *o->name);
        o->state = vp_xrealloc(o->state, o->cap);
    }
    o->name[o->depth] = name;
    o->state[o->depth++] = S_NAME;
    indent(o);
    put(o, "<", 1);
    puts_(o, name);
}

static void end(w *o)
{
    if (o->bad)
        return;
    if (!o->depth) {
        o->bad = 1;
        return;
    }
    if (o->state[o->depth - 1] == S_NAME) {
        o->doindent = 1;
        put(o, "/>", 2);
    } else {
        if (o->doindent)
            indent(o);
        o->doindent = 1;
        put(o, "</", 2);
        puts_(o, o->name[o->depth - 1]);
        put(o, ">", 1);
    }
    put(o, "\n", 1);
    o->depth--;
}

static void attr(w *o, const char *name, const char *val)
{
    if (!val || o->bad)
        return;
    if (!o->depth || o->state[o->depth - 1] != S_NAME) { /* after the start tag's end */
        o->bad = 1;
        return;
    }
    put(o, " ", 1);
    puts_(o, name);
    put(o, "=\"", 2);
    escaped(o, val, 1);
    put(o, "\"", 1);
}

static void attrf(w *o, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void attrf(w *o, const char *name, const char *fmt, ...)
{
    char buf[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    attr(o, name, buf);
}

static void text(w *o, const char *s)
{
    if (!s || o->bad || !o->depth)
        return;
    if (o->state[o->depth - 1] == S_NAME) {
        put(o, ">", 1);
        o->state[o->depth - 1] = S_TEXT;
    }
    o->doindent = 0;
    escaped(o, s, 0);
}

static void elem(w *o, const char *name, const char *val)
{
    if (!val)
        return;
    start(o, name);
    text(o, val);
    end(o);
}

/* Decimal digits of v, ending at end (no terminator); returns the first. */
static char *digits(char *end, size_t v)
{
    do
        *--end = (char)('0' + v % 10);
    while (v /= 10);
    return end;
}

/* attr(o, name, "%zu") and attr(o, name, "%zu-%zu") without printf */
static void attr_num(w *o, const char *name, size_t v)
{
    char buf[24], *e = buf + sizeof buf - 1;
    *e = 0;
    attr(o, name, digits(e, v));
}

static void attr_range(w *o, const char *name, size_t a, size_t b)
{
    char buf[48], *e = buf + sizeof buf - 1;
    *e = 0;
    char *p = digits(e, b);
    *--p = '-';
    attr(o, name, digits(p, a));
}

static void span(w *o, size_t line, vp_span sp)
{
    if (line)
        attr_num(o, "line", line);
    attr_range(o, "span", sp.start, sp.end);
}

/* A signer's element (el), when anything of it was read. */
static void signer(w *o, const char *el, const char *authority, const char *position, const char *name)
{
    if (!authority && !position && !name)
        return;
    start(o, el);
    attr(o, "authority", authority);
    attr(o, "position", position);
    attr(o, "name", name);
    end(o);
}

static void write_meta(w *o, const vp_meta *m)
{
    start(o, "meta");
    if (m->authority) {
        start(o, "authority");
        attr(o, "level", m->authority_level ? m->authority_level : "other");
        attr(o, "parent", m->authority_parent);
        text(o, m->authority);
        end(o);
    }
    if (m->coauthority) { /* a joint document's second issuer, beside the first */
        start(o, "co-authority");
        attr(o, "level", m->coauthority_level ? m->coauthority_level : "other");
        text(o, m->coauthority);
        end(o);
    }
    if (m->doctype) {
        start(o, "doctype");
        attr(o, "code", m->doctype_code);
        text(o, m->doctype);
        end(o);
    }
    if (m->number_text) {
        start(o, "number");
        attr(o, "seq", m->number_seq ? m->number_seq : "");
        attr(o, "symbol", m->number_symbol ? m->number_symbol : "");
        text(o, m->number_text);
        end(o);
    }
    elem(o, "place", m->place);
    if (m->date_text || m->date_value) {
        start(o, "date");
        attr(o, "value", m->date_value);
        text(o, m->date_text ? m->date_text : "");
        end(o);
    }
    elem(o, "title", m->title);
    if (m->period_from || m->period_to) {
        start(o, "period");
        attr(o, "from", m->period_from);
        attr(o, "to", m->period_to);
        end(o);
    }
    signer(o, "signature", m->sig_authority, m->sig_position, m->sig_name);
    signer(o, "cosigner", m->cosig_authority, m->cosig_position, m->cosig_name); /* a joint document's second */
    if (m->nrecipients) {
        start(o, "recipients");
        for (size_t i = 0; i < m->nrecipients; i++) {
            start(o, "recipient");
            attr(o, "kind", m->recipient_kind ? m->recipient_kind[i] : NULL);
            attr(o, "purpose", m->recipient_purpose ? m->recipient_purpose[i] : NULL);
            text(o, m->recipients[i]);
            end(o);
        }
        end(o);
    }
    if (m->naddressees) {
        start(o, "addressees");
        for (size_t i = 0; i < m->naddressees; i++)
            elem(o, "addressee", m->addressees[i]);
        end(o);
    }
    end(o);
}

static void write_node(w *o, const vp_node *n)
{
    if (n->type == VP_NODE_PARA) {
        start(o, "p");
        span(o, n->line, n->own);
        text(o, n->text);
        end(o);
        return;
    }
    start(o, n->type == VP_NODE_SECTION ? "section" : "item");
    attr(o, "id", n->id);
    if (n->type == VP_NODE_SECTION)
        attr(o, "kind", n->kind ? n->kind : "other");
    attr(o, "num", n->num);
    attr(o, "marker", n->marker);
    if (n->type == VP_NODE_SECTION && n->part)
        attr(o, "part", n->part->id); /* the lettered part over it: the hierarchy, sections flat */
    span(o, n->line, n->span);
    if (n->heading)
        elem(o, "heading", n->heading);
    else if (n->type == VP_NODE_ITEM && n->first)
        elem(o, "heading", n->text);
    else if (n->type == VP_NODE_ITEM)
        elem(o, "p", n->text);
    for (const vp_node *c = n->first; c; c = c->next)
        write_node(o, c);
    end(o);
}

static void write_doc(w *o, const vp_doc *d)
{
    start(o, "document");
    attr(o, "xmlns", VP_NS);
    attr(o, "version", "1");
    attr(o, "source", d->source);
    attr(o, "sha256", d->sha256);
    attr(o, "format", d->format ? d->format : "text");
    attr(o, "encoding", d->encoding ? d->encoding : "utf-8");
    attr(o, "genre", d->genre ? d->genre : "official");
    write_meta(o, &d->meta);

    start(o, "references");
    for (const vp_reference *r = d->refs; r; r = r->next) {
        start(o, "reference");
        attr(o, "id", r->id);
        attr(o, "relation", r->relation);
        attr(o, "doctype", r->doctype);
        attr(o, "number", r->number);
        attr(o, "date", r->date);
        attr(o, "authority", r->authority);
        attr(o, "title", r->title);
        attr(o, "item", r->item);
        span(o, r->line, r->span);
        text(o, r->text);
        end(o);
    }
    end(o);

    start(o, "body");
    if (d->preamble) {
        start(o, "preamble");
        for (const vp_node *n = d->preamble; n; n = n->next)
            write_node(o, n);
        end(o);
    }
    for (const vp_node *n = d->body; n; n = n->next)
        write_node(o, n);
    end(o);

    start(o, "targets");
    for (const vp_target *t = d->targets; t; t = t->next) {
        start(o, "target");
        attr(o, "id", t->id);
        attr(o, "item", t->item);
        attr(o, "value", t->value);
        attr(o, "unit", t->unit);
        attr(o, "op", t->op);
        attr(o, "by", t->by);
        attr(o, "scope", t->scope);
        span(o, t->line, t->span);
        elem(o, "indicator", t->indicator ? t->indicator : "");
        end(o);
    }
    end(o);

    start(o, "deadlines");
    for (const vp_deadline *t = d->deadlines; t; t = t->next) {
        start(o, "deadline");
        attr(o, "id", t->id);
        attr(o, "item", t->item);
        attr(o, "kind", t->kind);
        attr(o, "from", t->from);
        attr(o, "to", t->to);
        attr(o, "every", t->every);
        span(o, t->line, t->span);
        text(o, t->text);
        end(o);
    }
    end(o);

    start(o, "assignments");
    for (const vp_assignment *a = d->assignments; a; a = a->next) {
        start(o, "assignment");
        attr(o, "id", a->id);
        attr(o, "item", a->item);
        attr(o, "role", a->role);
        attr(o, "agency", a->agency);
        if (a->line)
            span(o, a->line, a->span);
        end(o);
    }
    end(o);

    start(o, "budget");
    for (const vp_budget_item *b = d->budget; b; b = b->next) {
        start(o, b->is_amount ? "amount" : "source");
        attr(o, "item", b->item);
        if (b->is_amount) {
            attrf(o, "value", "%lld", b->value);
            attr(o, "currency", b->currency ? b->currency : "VND");
            attr(o, "total", b->total ? "yes" : NULL);
        } else
            attr(o, "kind", b->kind);
        if (b->line)
            span(o, b->line, b->span);
        text(o, b->text);
        end(o);
    }
    end(o);

    start(o, "diagnostics");
    for (const vp_diag *g = d->diags.first; g; g = g->next) {
        start(o, "warning");
        attr(o, "code", g->code);
        if (g->line > 0)
            attrf(o, "line", "%d", g->line);
        text(o, g->msg);
        end(o);
    }
    end(o);
    end(o);
}

int vp_xml_document(const vp_doc *doc, char **out, size_t *outlen, char *err, size_t errlen)
{
    *out = NULL;
    *outlen = 0;
    w o;
    memset(&o, 0, sizeof o);
    o.doindent = 1;
    vp_buf_reserve(&o.b, 8192);
    puts_(&o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    write_doc(&o, doc);
    while (!o.bad && o.depth)
        end(&o);
    free(o.name);
    free(o.state);
    if (o.bad) {
        vp_buf_free(&o.b);
        snprintf(err, errlen, "the XML writer failed (text that cannot be written as XML?)");
        return -1;
    }
    *outlen = o.b.len;
    *out = vp_buf_steal(&o.b);
    return 0;
}
