#!/usr/bin/env python3
"""gen.py - reproducible benchmark corpus for `make bench`.

usage: gen.py SRC_DIR OUT_DIR N [SEED [MAX_BYTES]]

Builds N .txt documents from the UTF-8 texts SRC_DIR/*.txt and SRC_DIR/real/*.txt.
Each document takes one source (round robin) and varies it with a seeded random
generator: document numbers, day and month of dates, a few swapped and duplicated
body paragraphs; with MAX_BYTES, longer documents are cut after the last whole
line that fits.  About 10% are written in Windows-1258 (base letter plus combining
tone mark, as Windows writes it), the rest in UTF-8.  Prints "DOCS BYTES LEGACY".
"""
import glob
import os
import random
import re
import sys
import unicodedata

RE_DATE_NUM = re.compile(r'\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b')
RE_DATE_TXT = re.compile(r'(ngày\s+)(\d{1,2})(\s+tháng\s+)(\d{1,2})(\s+năm)', re.IGNORECASE)
RE_DOCNO = re.compile(r'((?:Số|số)\s*:?\s*|(?:Kế hoạch|Quyết định|Công văn|Nghị quyết|Chỉ thị)\s+(?:số\s+)?)(\d{1,5})\b')
HEADER_LINES = 15


def cp1258_encode(text):
    """Windows-1258: precomposed where the code page has the letter, else
    decomposed into a precomposed base (â, ê, ô, ơ, ư, ă, đ) and a combining tone."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode('cp1258')
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize('NFD', ch)
        for cand in (unicodedata.normalize('NFC', d[:2]) + d[2:], d):
            try:
                out += cand.encode('cp1258')
                break
            except UnicodeEncodeError:
                continue
        else:
            out += ch.encode('cp1258', errors='replace')
    return bytes(out)


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
    total = legacy = 0
    for i in range(n):
        rng = random.Random(seed * 1000003 + i)
        doc = vary(texts[i % len(texts)], rng, max_bytes)
        if i % 10 == 7:
            data = cp1258_encode(doc)
            legacy += 1
        else:
            data = doc.encode('utf-8')
        with open(os.path.join(out, 'doc%05d.txt' % i), 'wb') as fh:
            fh.write(data)
        total += len(data)
    print(n, total, legacy)


if __name__ == '__main__':
    main()
