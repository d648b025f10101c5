#!/usr/bin/env python3
"""gen.py - reproducible benchmark corpus for `make bench`.

usage: gen.py SRC_DIR OUT_DIR N [SEED [MAX_BYTES]]

Builds N documents from the UTF-8 texts SRC_DIR/*.txt and SRC_DIR/real/*.txt.
Each document takes one source (round robin) and varies it with a seeded random
generator: document numbers, day and month of dates, a few swapped and duplicated
body paragraphs; with MAX_BYTES, longer documents are cut after the last whole
line that fits.  Of every 20 documents, 2 are written in Windows-1258 (base letter
plus combining tone mark, as Windows writes it), 1 in TCVN3 (ABC), 1 in VNI-Windows,
1 as a DOCX in Unicode, 1 as a DOCX typed in the .VnTime font (TCVN3 bytes as Word
stores them) and the rest as UTF-8 text.  The legacy encoders are the inverse of the
tables in pipeline/tables/*.tsv.  Prints "DOCS BYTES DESCRIPTION".
"""
import glob
import io
import os
import random
import re
import sys
import unicodedata
import zipfile

RE_DATE_NUM = re.compile(r'\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b')
RE_DATE_TXT = re.compile(r'(ngày\s+)(\d{1,2})(\s+tháng\s+)(\d{1,2})(\s+năm)', re.IGNORECASE)
RE_DOCNO = re.compile(r'((?:Số|số)\s*:?\s*|(?:Kế hoạch|Quyết định|Công văn|Nghị quyết|Chỉ thị)\s+(?:số\s+)?)(\d{1,5})\b')
HEADER_LINES = 15


TONES = '\u0300\u0301\u0303\u0309\u0323'


def cp1258_encode(text):
    """Windows-1258: precomposed where the code page has the letter, else the letter without
    its tone (â, ê, ô, ơ, ư, ă, đ and the rest, as the code page holds them) followed by the
    combining tone mark, as Windows writes it ("ệ" is ê and a combining dot below)."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode('cp1258')
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize('NFD', ch)
        base = unicodedata.normalize('NFC', ''.join(c for c in d if c not in TONES))
        tones = ''.join(c for c in d if c in TONES)
        try:
            out += (base + tones).encode('cp1258')
        except UnicodeEncodeError:
            out += ch.encode('cp1258', errors='replace')
    return bytes(out)


TABLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'pipeline', 'tables')


def load_table(name):
    """code point -> bytes, from pipeline/tables/NAME.tsv (bytes as hex, U+XXXX)."""
    enc = {}
    with open(os.path.join(TABLES, name + '.tsv'), encoding='utf-8') as fh:
        for line in fh:
            if line.startswith('#') or not line.strip():
                continue
            f = line.rstrip('\n').split('\t')
            cp = chr(int(f[1][2:], 16))
            enc.setdefault(cp, bytes.fromhex(f[0]))
    return enc


def legacy_encode(text, table):
    """Legacy bytes: the table's bytes for a letter (a capital the table lacks takes the small
    letter's bytes, as text in a capitals font does), else Windows-1252, else '?'."""
    out = bytearray()
    for ch in unicodedata.normalize('NFC', text):
        b = table.get(ch) or table.get(ch.lower())
        if b is None:
            try:
                b = ch.encode('cp1252')
            except UnicodeEncodeError:
                b = b'?'
        out += b
    return bytes(out)


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOCX_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
           '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
           '<Default Extension="xml" ContentType="application/xml"/>'
           '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
           'wordprocessingml.document.main+xml"/></Types>')
DOCX_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'officeDocument" Target="word/document.xml"/></Relationships>')


def xml_escape(t):
    return t.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def docx_bytes(text, font=None, table=None):
    """A DOCX with a paragraph a line; with font, every run in that font and its text the
    table's bytes read as Windows-1252 (how Word keeps text typed in a legacy font)."""
    rpr = '<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/></w:rPr>' % (font, font) if font else ''
    paras = []
    for line in text.split('\n'):
        if table is not None:
            line = legacy_encode(line, table).decode('cp1252', errors='replace')
        line = ''.join(c for c in line if c == '\t' or ord(c) >= 0x20)
        paras.append('<w:p><w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (rpr, xml_escape(line)))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s</w:body></w:document>'
           % (W_NS, ''.join(paras)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in (('[Content_Types].xml', DOCX_CT), ('_rels/.rels', DOCX_RELS), ('word/document.xml', doc)):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))  # the same bytes every run
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


def vary(text, rng, max_bytes):
    text = RE_DATE_NUM.sub(lambda m: '%d/%d/%s' % (rng.randint(1, 28), rng.randint(1, 12), m.group(3)), text)
    text = RE_DATE_TXT.sub(lambda m: '%s%d%s%d%s' % (m.group(1), rng.randint(1, 28), m.group(3),
                                                    rng.randint(1, 12), m.group(5)), text)
    text = RE_DOCNO.sub(lambda m: m.group(1) + str(rng.randint(1, 9999)), text)
    lines = text.split('\n')
    head, body = lines[:HEADER_LINES], lines[HEADER_LINES:]
    # paragraphs that are list items or plain prose may move; headings stay in place
    movable = [i for i, l in enumerate(body) if l.strip() and (l.lstrip()[:1] in '-+•' or len(l) > 120)]
    for _ in range(max(1, len(movable) // 10)):
        if len(movable) < 2:
            break
        a, b = rng.sample(movable, 2)
        body[a], body[b] = body[b], body[a]
    for i in sorted(rng.sample(movable, min(len(movable), max(1, len(movable) // 20))), reverse=True):
        body.insert(i + 1, body[i])
    out = '\n'.join(head + body)
    if max_bytes and len(out.encode('utf-8')) > max_bytes:
        # keep whole lines up to the budget: long plans are cut after a paragraph
        kept, size = [], 0
        for line in head + body:
            size += len(line.encode('utf-8')) + 1
            if size > max_bytes and kept:
                break
            kept.append(line)
        out = '\n'.join(kept)
    return out


def main():
    if len(sys.argv) < 4:
        sys.exit('usage: gen.py SRC_DIR OUT_DIR N [SEED [MAX_BYTES]]')
    src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1258
    max_bytes = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    files = sorted(glob.glob(os.path.join(src, '*.txt'))) + sorted(glob.glob(os.path.join(src, 'real', '*.txt')))
    if not files:
        sys.exit('gen.py: no .txt in ' + src)
    texts = []
    for f in files:
        with open(f, encoding='utf-8') as fh:
            texts.append(unicodedata.normalize('NFC', fh.read()))
    os.makedirs(out, exist_ok=True)
    tcvn3, vni = load_table('tcvn3'), load_table('vni')
    kinds = {}
    total = 0
    for i in range(n):
        rng = random.Random(seed * 1000003 + i)
        doc = vary(texts[i % len(texts)], rng, max_bytes)
        k = i % 20
        if k in (7, 17):
            kind, ext, data = 'Windows-1258', 'txt', cp1258_encode(doc)
        elif k == 3:
            kind, ext, data = 'TCVN3', 'txt', legacy_encode(doc, tcvn3)
        elif k == 13:
            kind, ext, data = 'VNI', 'txt', legacy_encode(doc, vni)
        elif k == 9:
            kind, ext, data = 'DOCX', 'docx', docx_bytes(doc)
        elif k == 19:
            kind, ext, data = 'DOCX in .VnTime', 'docx', docx_bytes(doc, '.VnTime', tcvn3)
        else:
            kind, ext, data = 'UTF-8', 'txt', doc.encode('utf-8')
        kinds[kind] = kinds.get(kind, 0) + 1
        with open(os.path.join(out, 'doc%05d.%s' % (i, ext)), 'wb') as fh:
            fh.write(data)
        total += len(data)
    order = ['UTF-8', 'Windows-1258', 'TCVN3', 'VNI', 'DOCX', 'DOCX in .VnTime']
    print(n, total, ', '.join('%d %s' % (kinds[k], k) for k in order if k in kinds))


if __name__ == '__main__':
    main()
