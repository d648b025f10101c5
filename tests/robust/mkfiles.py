#!/usr/bin/env python3
"""Hostile and perturbed inputs for tests/suite_robust.sh, built at test time.

usage: mkfiles.py hostile DIR          -> hostile files beside the good plans in DIR
       mkfiles.py heavy DIR            -> files within the input limits that would need
                                          gigabytes (libxml2 memory, lines)
       mkfiles.py slow DIR             -> a file that takes seconds to analyse
       mkfiles.py perturb DIR FILE...  -> truncated (1/3, 2/3) and byte-flipped copies
       mkfiles.py many DIR N SRC       -> N copies of SRC with a changed number line
"""
import os
import sys
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')


def docx(path, document, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, 'w', compress) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        if isinstance(document, str):
            z.writestr('word/document.xml', document)
        else:
            document(z)


def body(paras):
    return ('<?xml version="1.0" encoding="UTF-8"?>' if not paras.startswith('<?') else '') + paras


def hostile(d):
    good = open(os.path.join(d, '002.txt'), 'rb').read()
    open(os.path.join(d, 'h_empty.txt'), 'wb').close()
    with open(os.path.join(d, 'h_noise.bin'), 'wb') as f:
        f.write(os.urandom(4096))
    # NUL bytes inside otherwise good text
    lines = good.split(b'\n')
    for i in range(5, len(lines), 7):
        lines[i] = lines[i][:3] + b'\x00\x00' + lines[i][3:]
    open(os.path.join(d, 'h_nul.txt'), 'wb').write(b'\n'.join(lines))
    # invalid UTF-8 sequences inside a UTF-8 plan: repaired with a warning
    src = open(os.path.join(d, '003.txt'), 'rb').read().split(b'\n')
    for i in (12, 20, 30):
        if i < len(src):
            src[i] = src[i] + b' \xff\xfe \xc3( \xe1\x80'
    open(os.path.join(d, 'h_badutf8.txt'), 'wb').write(b'\n'.join(src))
    # a 10 MB single line
    with open(os.path.join(d, 'h_longline.txt'), 'wb') as f:
        f.write(good[:400] + b'\n' + ('kế hoạch ' * (10 * 1024 * 1024 // 13)).encode() + b'\n')
    # deeply nested list markers
    with open(os.path.join(d, 'h_nested.txt'), 'wb') as f:
        f.write(good[:600] + b'\n')
        for i in range(3000):
            f.write(('- ' * (i % 400 + 1) + 'x\n').encode())
        for i in range(3000):
            f.write(('.'.join(['1'] * (i % 300 + 1)) + '. mục\n').encode())
    # a truncated DOCX
    real = 'tests/convert/files/lungcu-quy-che-2025.docx'
    if os.path.exists(real):
        data = open(real, 'rb').read()
        open(os.path.join(d, 'h_trunc.docx'), 'wb').write(data[:len(data) // 2])
    else:
        docx(os.path.join(d, 'full.tmp'), body('<w:document %s><w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>' % (W, 'Kế hoạch ' * 2000)))
        data = open(os.path.join(d, 'full.tmp'), 'rb').read()
        os.unlink(os.path.join(d, 'full.tmp'))
        open(os.path.join(d, 'h_trunc.docx'), 'wb').write(data[:len(data) // 2])
    # a corrupt PDF: its first 1000 bytes
    for pdf in ('tests/convert/files/ninhbinh-kh-193-2024.pdf', '/work/shared/corpus/files/hanoi-kh-173-2026.pdf'):
        if os.path.exists(pdf):
            open(os.path.join(d, 'h_corrupt.pdf'), 'wb').write(open(pdf, 'rb').read()[:1000])
            break
    # a zip bomb: one 300 MB entry of zeros

    def bomb(z):
        with z.open(zipfile.ZipInfo('word/document.xml'), 'w', force_zip64=True) as f:
            pass
    with zipfile.ZipFile(os.path.join(d, 'h_bomb.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        zi = zipfile.ZipInfo('word/document.xml')
        zi.compress_type = zipfile.ZIP_DEFLATED
        with z.open(zi, 'w', force_zip64=True) as f:
            chunk = b'\0' * (1 << 20)
            for _ in range(300):
                f.write(chunk)
    # XXE
    docx(os.path.join(d, 'h_xxe.docx'),
         '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
         '<w:document %s><w:body><w:p><w:r><w:t>KẾ HOẠCH &x; cuối</w:t></w:r></w:p></w:body></w:document>' % W)
    # billion laughs
    ents = '<!ENTITY l0 "lol">' + ''.join('<!ENTITY l%d "%s">' % (i, ('&l%d;' % (i - 1)) * 10) for i in range(1, 10))
    docx(os.path.join(d, 'h_laughs.docx'),
         '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE d [%s]>'
         '<w:document %s><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>' % (ents, W))


    # entity tricks outside DOCX: billion laughs and XXE in HTML and in a .xml input
    html_head = '<!DOCTYPE html [%s<!ENTITY x SYSTEM "file:///etc/passwd">]>' % ents
    with open(os.path.join(d, 'h_laughs_html.html'), 'w', encoding='utf-8') as f:
        f.write(html_head + '<html><head><meta charset="utf-8"><title>KẾ HOẠCH</title></head><body><article>'
                '<p>KẾ HOẠCH &l9; &x;</p><p>%s</p></article></body></html>' % good.decode('utf-8', 'replace')[:2000])
    with open(os.path.join(d, 'h_xxe_xml.xml'), 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE d [%s<!ENTITY x SYSTEM "file:///etc/passwd">'
                '<!ENTITY %% p SYSTEM "file:///etc/passwd">%%p;]><d>KẾ HOẠCH &x; &l9;</d>\n' % ents)
    # 200,000 nested elements in HTML and in a DOCX part
    with open(os.path.join(d, 'h_deep_html.html'), 'w', encoding='utf-8') as f:
        f.write('<html><body>' + '<div>' * 200000 + '<p>' + good.decode('utf-8', 'replace')[:2000] + '</p>' +
                '</div>' * 200000 + '</body></html>')
    docx(os.path.join(d, 'h_deep_docx.docx'),
         '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>%s'
         '</w:body></w:document>' % (W, '<w:sdt><w:sdtContent>' * 200000, '</w:sdtContent></w:sdt>' * 200000))
    # 200,000 nested RTF groups, and an RTF whose \\bin length runs past its end
    with open(os.path.join(d, 'h_deep_rtf.rtf'), 'w', encoding='ascii') as f:
        f.write('{\\rtf1\\ansi ' + '{' * 200000 + 'K\\u7870?HO\\u7840?CH' + '}' * 200000 + '}')
    with open(os.path.join(d, 'h_bin_rtf.rtf'), 'w', encoding='ascii') as f:
        f.write('{\\rtf1\\ansi K\\u7870? HO\\u7840?CH {\\pict\\bin4000000000 \x01\x02}}')
    # an external DTD in a DOCX part (never fetched)
    docx(os.path.join(d, 'h_xxe_dtd.docx'),
         '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document SYSTEM "file:///etc/passwd">'
         '<w:document %s><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p></w:body></w:document>' % W)

    # a zip of 5000 entries around a small document
    def many_entries(z):
        z.writestr('word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>'
                   '<w:p><w:r><w:t>KẾ HOẠCH thực hiện năm 2025</w:t></w:r></w:p></w:body></w:document>' % W)
        for i in range(5000):
            z.writestr('word/media/x%05d.xml' % i, '<x/>')
    docx(os.path.join(d, 'h_entries.docx'), many_entries)

    # a DOCX whose unused part (an XLSX-style sharedStrings.xml) is large: never read
    def shared(z):
        z.writestr('word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s'
                   '</w:body></w:document>' % (W, ''.join('<w:p><w:r><w:t>%s</w:t></w:r></w:p>' % escape(l) for l in
                                                      good.decode('utf-8').split('\n')[:60])))
        zi = zipfile.ZipInfo('xl/sharedStrings.xml')
        zi.compress_type = zipfile.ZIP_DEFLATED
        with z.open(zi, 'w', force_zip64=True) as f:
            f.write(b'<sst>')
            chunk = b'<si><t>x</t></si>' * 4096
            for _ in range(1500):
                f.write(chunk)
            f.write(b'</sst>')
    docx(os.path.join(d, 'h_shared.docx'), shared)

    # above the input limit (64 MB): a sparse file, refused before it is read
    with open(os.path.join(d, 'h_huge.txt'), 'wb') as f:
        f.truncate(70 * 1024 * 1024)
    # 50 MB below the limit, binary: read, refused as not a text document
    with open(os.path.join(d, 'h_50mb.bin'), 'wb') as f:
        block = bytes(range(256)) * 4096
        for _ in range(50):
            f.write(block)


def heavy(d):
    good = open('corpus/002.txt', 'rb').read()
    # 240 MB of tiny paragraphs in document.xml (under the 256 MB unzip limit, 0.7 MB on disk):
    # as a tree it would take gigabytes
    def bigdoc(z):
        zi = zipfile.ZipInfo('word/document.xml')
        zi.compress_type = zipfile.ZIP_DEFLATED
        with z.open(zi, 'w', force_zip64=True) as f:
            f.write(('<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>' % W).encode())
            p = b'<w:p><w:r><w:t>x</w:t></w:r></w:p>' * 30000
            for _ in range(240 * 2**20 // len(p)):
                f.write(p)
            f.write(b'</w:body></w:document>')
    docx(os.path.join(d, 'v_bigdoc.docx'), bigdoc)
    # 250,000 list items in 1 MB: more lines than a plan has
    with open(os.path.join(d, 'v_lines.txt'), 'wb') as f:
        f.write(good[:600] + b'- x\n' * 250000)


def slow(d):
    good = open('corpus/002.txt', 'rb').read()
    # 20,000 dense lines: quick to read, slow to analyse (about 3 s in 2026-12)
    with open(os.path.join(d, 'v_slow.txt'), 'wb') as f:
        f.write(good + '1. Mục tiêu đạt 5% trước ngày 30/6/2025 do Sở Y tế chủ trì\n'.encode() * 20000)


def flip(data, seed):
    b = bytearray(data)
    if not b:
        return bytes(b)
    for k in range(3):
        pos = (seed * 7919 + k * 104729 + len(b) // (k + 2)) % len(b)
        b[pos] ^= 0x5A + 17 * k
    return bytes(b)


def perturb(d, files):
    for n, p in enumerate(files):
        data = open(p, 'rb').read()
        base = os.path.basename(p)
        stem, ext = os.path.splitext(base)
        stem = '%02d_%s' % (n, stem)
        open(os.path.join(d, stem + '.t1' + ext), 'wb').write(data[:len(data) // 3])
        open(os.path.join(d, stem + '.t2' + ext), 'wb').write(data[:2 * len(data) // 3])
        open(os.path.join(d, stem + '.f' + ext), 'wb').write(flip(data, n + 1))


def many(d, n, src):
    data = open(src, 'rb').read()
    for i in range(1, n + 1):
        out = data.replace('Số: /KH-UBND'.encode(), ('Số: %d/KH-UBND' % i).encode(), 1)
        open(os.path.join(d, 'p%03d.txt' % i), 'wb').write(out)


if __name__ == '__main__':
    if sys.argv[1] == 'hostile':
        hostile(sys.argv[2])
    elif sys.argv[1] == 'heavy':
        heavy(sys.argv[2])
    elif sys.argv[1] == 'slow':
        slow(sys.argv[2])
    elif sys.argv[1] == 'perturb':
        perturb(sys.argv[2], sys.argv[3:])
    elif sys.argv[1] == 'many':
        many(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
