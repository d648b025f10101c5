"""Round 25 convert material: page beginnings (/work/shared/corpus/headers) and plans
(tests/facts/docs) in every encoding, with the encoders of r24/gen (not vnplan).
Usage: python3 gen_r25.py DIR"""
import sys, os, glob, html, unicodedata, zipfile
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
sys.path.insert(0, os.path.join(ROOT, 'r24', 'gen')); sys.path.insert(0, os.path.join(ROOT, 'docx'))
import enc
from gen_text import prepare, fits  # the text as an encoding can hold it, and whether it can
from gen_docx import run, para, document, write_docx
from xml.sax.saxutils import escape as xesc
OUT = sys.argv[1]
NFC = lambda s: unicodedata.normalize('NFC', s)
sq = lambda s: ' '.join(s.split())
ENCS = ['tcvn3', 'vni', 'viscii', 'vps', 'viqr', 'cp1258', 'vn1']

def write(name, data, expected):
    open(os.path.join(OUT, name), 'wb').write(data)
    open(os.path.join(OUT, name.rsplit('.', 1)[0] + '.expected.txt'), 'w', encoding='utf-8').write(NFC(expected))

def header(n, k):
    """the first k non-empty lines of a page beginning, spaces squeezed"""
    ls = [sq(l) for l in NFC(open('/work/shared/corpus/headers/%03d.txt' % n, encoding='utf-8').read()).split('\n')]
    return [l for l in ls if l and '\ufffd' not in l][:k]

def doc(name, a=0, k=8):
    ls = [l.rstrip() for l in NFC(open(os.path.join(ROOT, '..', 'facts', 'docs', name), encoding='utf-8').read()).split('\n')]
    return [l for l in ls if l.strip()][a:a + k]

def main():
    # 1. page beginnings (capitals, numbers, short lines) in every legacy encoding; VPS leaves
    #    out lines holding a letter its learned table lacks
    for n, k in ((3, 14), (9, 16), (20, 6), (11, 5)):
        for e in ENCS:
            ls = [prepare(l, e) for l in header(n, k)]
            ls = [l for l in ls if fits(l, e)]
            t = '\n'.join(ls) + '\n'
            write('hdr%03d.%s.txt' % (n, e), enc.encode(t, e), t)
    # 2. two-line texts in every encoding: a heading and its subject; one line of capitals
    for i, (nm, t) in enumerate((('kh', 'KẾ HOẠCH\nCải cách hành chính năm 2025\n'),
                                 ('qd', 'QUYẾT ĐỊNH\nVề việc ban hành Quy chế làm việc\n'),
                                 ('caps', 'ỦY BAN NHÂN DÂN HUYỆN YÊN THẾ\n'),
                                 ('sodate', 'Số: 55/KH-UBND Yên Thế, ngày 05 tháng 3 năm 2025\n'))):
        for e in ENCS:
            pt = prepare(t, e)
            # the date line in VPS reads as well in VISCII (a tie of syllables): a known gap
            if fits(pt, e) and (nm, e) != ('sodate', 'vps'):
                write('two-%s.%s.txt' % (nm, e), enc.encode(pt, e), pt)
    # 2b. one short line of capitals whose toned capitals VPS, VN1 and VISCII put on control
    #     bytes (0x01-0x1E), dense in so short a text; short VIQR lines with shapes ("o^", "u+")
    for i, t in enumerate(('QUYẾT ĐỊNH:\n', 'TL. CHỦ TỊCH\n', 'CHUYÊN MỤC\n', 'HỘI CHỦ NGHĨA VIỆT NAM\n')):
        for e in ('vps', 'vn1', 'viscii'):
            pt = prepare(t, e)
            if fits(pt, e): write('ctl%d.%s.txt' % (i, e), enc.encode(pt, e), pt)
    for i, t in enumerate(('Số: 1100/QĐ-UBND\n', 'khai như sau:\n', '- Như trên;\n', 'Số 26 /KH-UBND\n')):
        write('viqr-short%d.txt' % i, enc.encode(t, 'viqr'), t)
    # 2c. one short line whose readings tie in syllables (VISCII, VPS read as TCVN3 or each
    #     other): the frequent syllables decide ("tháng", "năm", not "thỏng", "nồm")
    for i, t in enumerate(('ngày 29 tháng 5 năm 2018\n', '- Bộ Nội vụ;\n', 'khai như sau:\n', 'Liên kết website\n')):
        for e in ('viscii', 'vps'):
            pt = prepare(t, e)
            if fits(pt, e): write('tie%d.%s.txt' % (i, e), enc.encode(pt, e), pt)
    # 3. ALL-CAPS header blocks in TCVN3 (capitals with tones come back as small letters)
    for n in (3, 9):
        ls = [l.upper() for l in header(n, 12)]
        t = prepare('\n'.join(ls) + '\n', 'tcvn3')
        write('caps%03d.tcvn3.txt' % n, enc.encode(t, 'tcvn3'), t)
    # 4. VIQR with and without escapes of a plan
    for name in ('header-school-team.txt', 'decision-plan.txt'):
        t = prepare('\n'.join(doc(name, 0, 12)) + '\n', 'viqr')
        b = name.split('.')[0]
        write('viqr-esc-%s.txt' % b, enc.viqr(t).encode('ascii'), t)
        write('viqr-noesc-%s.txt' % b, enc.viqr(t, escape=False).encode('ascii'), t)
    # 5. legacy lines (raw bytes) among UTF-8 lines
    for name, e in (('plan-population.txt', 'tcvn3'), ('annex-001.txt', 'vni'), ('review-times.txt', 'viscii')):
        ls = doc(name, 0, 14); data = []; exp = []
        for k, l in enumerate(ls):
            if k % 3 == 1 and fits(prepare(l, e), e):
                pl = prepare(l, e); data.append(enc.encode(pl, e)); exp.append(pl)
            else:
                data.append(l.encode()); exp.append(l)
        write('mixu8-%s.txt' % e, b'\n'.join(data) + b'\n', '\n'.join(exp) + '\n')
    # 6. Windows-1258 with decomposed tones (as Windows writes), CRLF; UTF-16 of plans
    for name in ('targets-011.txt', 'deadlines-003.txt'):
        t = '\n'.join(doc(name, 0, 20)) + '\n'
        write('cp1258d-%s' % name, enc.encode(t, 'cp1258').replace(b'\n', b'\r\n'), t)
    t = '\n'.join(doc('misc-forms.txt', 0, 10)) + '\n'
    write('u16le-misc-forms.txt', t.encode('utf-16-le'), t)
    t = '\n'.join(header(3, 10)) + '\n'
    write('u16be-bom-hdr003.txt', b'\xfe\xff' + t.replace('\n', '\r\n').encode('utf-16-be'), t)
    t = 'KẾ HOẠCH\n'
    write('u16le-short.txt', t.encode('utf-16-le'), t)

    # 7. HTML: <font face=".VnTime"> runs inside Unicode paragraphs; a legacy charset in <meta>
    ls = doc('parts-001.txt', 0, 10)
    body = []; exp = []
    for k, l in enumerate(ls):
        w = l.split(' ')
        if len(w) > 4 and k % 2:
            a, b = ' '.join(w[:3]), ' '.join(w[3:])
            body.append('<p>%s <font face=".VnTime">%s</font></p>' % (html.escape(a, False), html.escape(enc.encode(prepare(b, 'tcvn3'), 'tcvn3').decode('cp1252'), False)))
            exp.append(a + ' ' + prepare(b, 'tcvn3'))
        else:
            body.append('<p>%s</p>' % html.escape(l, False)); exp.append(l)
    page = '<html><head><meta charset="utf-8"></head><body><div class="content">%s</div></body></html>' % ''.join(body)
    write('html-font-vntime-runs.html', page.encode('utf-8', 'xmlcharrefreplace'), '\n'.join(exp) + '\n')
    for cs, e in (('windows-1258', 'cp1258'), ('viscii', 'viscii')):
        ls = [prepare(l, e) for l in doc('budget-sources-002.txt', 0, 10)]
        body = ''.join('<p>%s</p>' % html.escape(l, False) for l in ls)
        page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=%s"><title>x</title></head><body><div class="content">%s</div></body></html>' % (cs, body)
        write('html-meta-%s.html' % cs, enc.encode(page, e), '\n'.join(ls) + '\n')

    # 8. DOCX whose runs switch fonts mid-paragraph (.VnTime / VNI-Times / Times New Roman)
    ls = [l for l in doc('assignments-003.txt', 0, 14) if len(l.split()) > 5][:8]
    body = ''; exp = []
    for k, l in enumerate(ls):
        w = l.split(' '); a, b, c = ' '.join(w[:2]) + ' ', ' '.join(w[2:4]) + ' ', ' '.join(w[4:])
        fa, fb = [('.VnTime', 'VNI-Times'), ('VNI-Times', None), (None, '.VnTime'), ('Times New Roman', 'VNI-Times')][k % 4]
        def r(s, f):
            if f == '.VnTime': return run(xesc(enc.encode(prepare(s, 'tcvn3'), 'tcvn3').decode('cp1252')), f), prepare(s, 'tcvn3')
            if f == 'VNI-Times': return run(xesc(enc.encode(s, 'vni').decode('cp1252')), f), s
            return run(xesc(s), f), s
        (r1, e1), (r2, e2), (r3, e3) = r(a, fa), r(b, fb), r(c, fa)
        body += para([r1, r2, r3]); exp.append(e1 + e2 + e3)
    write_docx(os.path.join(OUT, 'docx-font-switch.docx'), document(body))
    open(os.path.join(OUT, 'docx-font-switch.expected.txt'), 'w', encoding='utf-8').write('\n'.join(exp) + '\n')

    # 9. RTF: \fcharset163 Times New Roman with Windows-1258 bytes, \uN escapes, a .VnTime font
    def rtfbytes(bs):
        return ''.join('\\\'%02x' % c if c >= 0x80 or c in b'\\{}' else chr(c) for c in bs)
    ls = doc('targets-measured.txt', 0, 9)
    r = ['{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0\\froman\\fcharset163 Times New Roman;}{\\f1\\fswiss\\fcharset0 .VnTime;}{\\f2\\fnil\\fcharset0 VNI-Times;}}\n']
    exp = []
    for k, l in enumerate(ls):
        if k % 3 == 0:
            r.append('\\pard\\plain\\f0 %s\\par\n' % rtfbytes(enc.encode(l, 'cp1258'))); exp.append(l)
        elif k % 3 == 1:
            r.append('\\pard\\plain\\f1 %s\\par\n' % rtfbytes(enc.encode(prepare(l, 'tcvn3'), 'tcvn3'))); exp.append(prepare(l, 'tcvn3'))
        else:
            u = ''.join(ch if ord(ch) < 128 and ch not in '\\{}' else '\\u%d?' % (ord(ch) if ord(ch) < 32768 else ord(ch) - 65536) for ch in l)
            r.append('\\pard\\plain\\f0 %s\\par\n' % u); exp.append(l)
    r.append('}')
    write('rtf-fcharset.rtf', ''.join(r).encode('ascii'), '\n'.join(exp) + '\n')

if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    main()
