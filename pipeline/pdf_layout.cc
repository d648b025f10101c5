/* pdf_layout.cc - poppler-cpp behind the C interface of pdf_layout.h.
 *
 * poppler::page::text(rect, physical_layout) runs poppler's TextOutputDev in the mode
 * `pdftotext -layout` uses, so a page comes out exactly as pdftotext prints it.  This is the
 * only C++ in vnplan: a thin wrapper that turns exceptions into a NULL and a reason. */
#include "pdf_layout.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>

struct vp_pdf {
    std::unique_ptr<poppler::document> doc;
};

namespace {

void set_err(char *err, size_t errlen, const char *msg)
{
    if (err && errlen)
        std::snprintf(err, errlen, "%s", msg);
}

/* poppler reports syntax errors of damaged files through this hook; the reader's own
 * result (a page without text, a document that does not open) is what vnplan reports. */
void quiet(const std::string &, void *) {}

std::once_flag quiet_once;

} // namespace

extern "C" vp_pdf *vp_pdf_open(const unsigned char *s, size_t n, char *err, size_t errlen)
{
    if (n > (size_t)INT_MAX) {
        set_err(err, errlen, "PDF too large");
        return nullptr;
    }
    try {
        std::call_once(quiet_once, [] { poppler::set_debug_error_function(quiet, nullptr); });
        std::unique_ptr<poppler::document> doc(
            poppler::document::load_from_raw_data(reinterpret_cast<const char *>(s), (int)n));
        if (!doc) {
            set_err(err, errlen, "cannot open PDF: the file is damaged or not a PDF");
            return nullptr;
        }
        if (doc->is_locked()) {
            set_err(err, errlen, "PDF is encrypted (a password is needed to read it)");
            return nullptr;
        }
        vp_pdf *p = new vp_pdf;
        p->doc = std::move(doc);
        return p;
    } catch (const std::bad_alloc &) {
        set_err(err, errlen, "out of memory reading the PDF");
    } catch (...) {
        set_err(err, errlen, "cannot open PDF");
    }
    return nullptr;
}

extern "C" void vp_pdf_close(vp_pdf *p)
{
    delete p;
}

extern "C" int vp_pdf_pages(const vp_pdf *p)
{
    if (!p || !p->doc)
        return 0;
    try {
        int n = p->doc->pages();
        return n > 0 ? n : 0;
    } catch (...) {
        return 0;
    }
}

extern "C" char *vp_pdf_page_text(vp_pdf *p, int i, size_t *len, char *err, size_t errlen)
{
    *len = 0;
    try {
        std::unique_ptr<poppler::page> pg(p->doc->create_page(i));
        if (!pg) {
            char m[64];
            std::snprintf(m, sizeof m, "cannot read PDF page %d", i + 1);
            set_err(err, errlen, m);
            return nullptr;
        }
        poppler::byte_array u = pg->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
        char *t = static_cast<char *>(std::malloc(u.size() + 1));
        if (!t) {
            set_err(err, errlen, "out of memory reading the PDF");
            return nullptr;
        }
        if (!u.empty())
            std::memcpy(t, u.data(), u.size());
        t[u.size()] = 0;
        *len = u.size();
        return t;
    } catch (const std::bad_alloc &) {
        set_err(err, errlen, "out of memory reading the PDF");
    } catch (...) {
        char m[64];
        std::snprintf(m, sizeof m, "cannot read PDF page %d", i + 1);
        set_err(err, errlen, m);
    }
    return nullptr;
}
