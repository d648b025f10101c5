import sys, os, unicodedata, zipfile
sys.path.insert(0, os.path.dirname(__file__)); sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'docx'))
import enc
from gen_docx import run, para, document, write_docx, W, ODF_NS
from xml.sax.saxutils import escape as xesc
OUT = sys.argv[1]
NFC = lambda s: unicodedata.normalize('NFC', s)
sq = lambda s: ' '.join(s.split())
def lines(n, a, b):
    ls = [sq(l) for l in NFC(open('/work/shared/corpus/full/%03d.txt' % n, encoding='utf-8').read()).split('\n')]
    return [l for l in ls if len(l) > 3 and '\ufffd' not in l][a:b]
t3 = lambda s: enc.encode(s, 'tcvn3').decode('cp1252')
vni = lambda s: enc.encode(s, 'vni').decode('cp1252')
t3exp = lambda s: ''.join(c.lower() if c in enc.VIET and c not in enc.TABLES['tcvn3'] else c for c in s)
def expect(name, ls):
    open(os.path.join(OUT, name), 'w', encoding='utf-8').write('\n'.join(ls) + '\n')

# 1. a document typed in .VnTime, its capital lines in .VnTimeH (the font shows small letters as capitals)
L = lines(20, 0, 30); body = []; exp = []
for l in L:
    if l == l.upper() and any(c.isalpha() for c in l):
        body.append(para([run(xesc(t3(l.lower())), '.VnTimeH')])); exp.append(l)
    else:
        body.append(para([run(xesc(t3(l)), '.VnTime')])); exp.append(t3exp(l))
write_docx(os.path.join(OUT, 'docx-vntime.docx'), document(''.join(body))); expect('docx-vntime.expected.txt', exp)

# 2. a two-column header table (.VnTimeH left, VNI-Times right), then VNI-Times paragraphs
def tc(ps): return '<w:tc>%s</w:tc>' % ''.join(ps)
left = ['ỦY BAN NHÂN DÂN', 'HUYỆN ĐẮK SONG']; right = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']
tbl = '<w:tbl><w:tr>%s%s</w:tr></w:tbl>' % (tc([para([run(xesc(t3(x.lower())), '.VnTimeH')]) for x in left]),
                                          tc([para([run(xesc(vni(x)), 'VNI-Times')]) for x in right]))
L = lines(21, 6, 24)
body = tbl + ''.join(para([run(xesc(vni(l)), 'VNI-Times')]) for l in L)
write_docx(os.path.join(OUT, 'docx-table-vni.docx'), document(body))
expect('docx-table-vni.expected.txt', ['%s | %s' % lr for lr in zip(left, right)] + L)

# 3. a numbered list in Unicode with soft hyphens Word keeps in words (U+00AD, invisible),
#    and a .VnTime run whose ư Word saved as <w:softHyphen/>
L = lines(22, 8, 14)
body = para([run('KẾ HOẠCH')])
for l in L:
    w = l.split(' ')
    k = next((i for i, x in enumerate(w) if len(x) >= 5), 0)
    w[k] = w[k][:2] + '\u00ad' + w[k][2:]
    body += para([run(xesc(' '.join(w)))], num=(0, 1))
tl = 'Tổ chức thực hiện và trưởng ban chỉ đạo'
tb = xesc(t3(tl)).replace('\u00ad', '</w:t><w:softHyphen/><w:t xml:space="preserve">')
body += '<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % tb
write_docx(os.path.join(OUT, 'docx-list-shy.docx'), document(body))
expect('docx-list-shy.expected.txt', ['KẾ HOẠCH'] + ['%d. %s' % (i + 1, l) for i, l in enumerate(L)] + [tl])

# 4. ODT: paragraphs in a paragraph style whose font is .VnTime, a VNI-Times span inside a Unicode paragraph
L = [l for l in lines(18, 5, 30) if len(l.split()) > 5][:10]
ps = ''.join('<text:p text:style-name="P1">%s</text:p>' % xesc(t3(l)) for l in L[:-2])
a, b = L[-2].split(' ', 3)[:3], L[-2].split(' ', 3)[3]
ps += '<text:p>%s <text:span text:style-name="T2">%s</text:span></text:p>' % (xesc(' '.join(a)), xesc(vni(b)))
ps += '<text:p text:style-name="P1">%s</text:p>' % xesc(t3(L[-1]))
content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content %s><office:font-face-decls>'
           '<style:font-face style:name=".VnTime" svg:font-family="&apos;.VnTime&apos;" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>'
           '<style:font-face style:name="VNI-Times" svg:font-family="&apos;VNI-Times&apos;" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>'
           '</office:font-face-decls><office:automatic-styles>'
           '<style:style style:name="P1" style:family="paragraph"><style:text-properties style:font-name=".VnTime"/></style:style>'
           '<style:style style:name="T2" style:family="text"><style:text-properties style:font-name="VNI-Times"/></style:style>'
           '</office:automatic-styles><office:body><office:text>%s</office:text></office:body></office:document-content>') % (ODF_NS, ps)
with zipfile.ZipFile(os.path.join(OUT, 'odt-legacy.odt'), 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.text')
    z.writestr('content.xml', content)
expect('odt-legacy.expected.txt', [t3exp(l) for l in L[:-2]] + [L[-2], t3exp(L[-1])])

# 5. RTF as Word writes legacy fonts: \'hh bytes under \f1 .VnTime and \f2 VNI-Times, a table row
def rtfbytes(bs):
    return ''.join('\\\'%02x' % c if c >= 0x80 or c in b'\\{}' else chr(c) for c in bs)
L = lines(16, 4, 16)
r = ['{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}{\\f1\\froman .VnTime;}{\\f2\\froman VNI-Times;}{\\f3\\froman .VnTimeH;}}\n']
r.append('\\trowd\\cellx4000\\cellx9000\\pard\\intbl{\\f3 %s}\\cell\\pard\\intbl{\\f2 %s}\\cell\\row\n'
         % (rtfbytes(enc.encode('ủy ban nhân dân', 'tcvn3')), rtfbytes(enc.encode('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'vni'))))
exp = ['ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']
for i, l in enumerate(L):
    if i % 2:
        r.append('\\pard\\plain\\f2\\fs26 %s\\par\n' % rtfbytes(enc.encode(l, 'vni'))); exp.append(l)
    else:
        r.append('\\pard\\plain\\f1\\fs26 %s\\par\n' % rtfbytes(enc.encode(l, 'tcvn3'))); exp.append(t3exp(l))
r.append('}')
open(os.path.join(OUT, 'rtf-legacy.rtf'), 'w').write(''.join(r)); expect('rtf-legacy.expected.txt', exp)
