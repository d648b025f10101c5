#!/usr/bin/env python3
"""Hostile and perturbed inputs for tests/suite_robust.sh, built at test time.

usage: mkfiles.py hostile DIR          -> hostile files beside the good plans in DIR
       mkfiles.py perturb DIR FILE...  -> truncated (1/3, 2/3) and byte-flipped copies
       mkfiles.py many DIR N SRC       -> N copies of SRC with a changed number line
"""
import os
import sys
import zipfile

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
    elif sys.argv[1] == 'perturb':
        perturb(sys.argv[2], sys.argv[3:])
    elif sys.argv[1] == 'many':
        many(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
