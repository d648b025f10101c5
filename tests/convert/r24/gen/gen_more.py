import sys, os, unicodedata, html
sys.path.insert(0, os.path.dirname(__file__))
import enc
import gen_text
from gen_text import write, prepare, full, seed, NFC
OUT = gen_text.OUT = sys.argv[1]
sq = lambda s: ' '.join(s.split())
# mixed by paragraph, TCVN3 the minority this time, CRLF
t = full(12); ps = t.split('\n'); data = []; exp = []
for k, l in enumerate(ps):
    e = 'tcvn3' if k % 5 == 2 else 'vni'
    data.append(enc.encode(prepare(l, e), e)); exp.append(prepare(l, e))
write('mix-vni-tcvn3-crlf.txt', b'\r\n'.join(data), '\n'.join(exp))
# VISCII + raw UTF-8 paragraphs
t = full(24); ps = t.split('\n'); data = []; exp = []
for k, l in enumerate(ps):
    if k % 4 == 1: data.append(l.encode()); exp.append(l)
    else: pl = prepare(l, 'viscii'); data.append(enc.encode(pl, 'viscii')); exp.append(pl)
write('viscii-utf8-paras.txt', b'\n'.join(data), '\n'.join(exp))
# one-line documents
for e in ('tcvn3', 'vni', 'viscii', 'vps', 'vn1', 'cp1258', 'viqr'):
    l = 'Số: 45/KH-UBND ngày 12 tháng 3 năm 2025 của Ủy ban nhân dân huyện\n'
    pl = prepare(l, e); write('oneline.%s.txt' % e, enc.encode(pl, e), pl)
# NFD + double encoded paragraph + CRLF
ls = full(25).split('\n')
k = max(range(len(ls)), key=lambda i: len(ls[i]))
def dbl(s):
    return ''.join(chr(b) if b in (0x81, 0x8d, 0x8f, 0x90, 0x9d) else bytes([b]).decode('cp1252') for b in s.encode())
out = [dbl(l) if i == k else unicodedata.normalize('NFD', l) for i, l in enumerate(ls)]
write('nfd-double-para-crlf.txt', '\r\n'.join(out).encode(), '\n'.join(ls))
# UTF-16 LE with BOM of a TCVN3-looking? no: of a seed with CRLF
t = seed(4); write('seed4.u16le-bom.txt', b'\xff\xfe' + t.replace('\n', '\r\n').encode('utf-16-le'), t)
t = seed(0); write('seed0.u16be.txt', t.encode('utf-16-be'), t)
t = seed(2); write('seed2.utf8-bom.txt', b'\xef\xbb\xbf' + t.encode(), t)
# a page with no charset at all in windows-1258
P = [sq(l) for l in full(14).split('\n') if len(sq(l)) > 20][:8]
page = '<html><head><title>Thông báo</title></head><body><div class="menu"><a href="/">Trang chủ</a></div><div class="content"><h1>%s</h1>%s</div></body></html>' % (
    html.escape(P[0], False), ''.join('<p>%s</p>' % html.escape(p, False) for p in P[1:]))
write('html-1258-nocharset.html', enc.encode(page, 'cp1258'), '\n'.join(P) + '\n')
# <div class="content"> with a data table and <br> inside cells (a cell's lines on its row's line), &nbsp; cells
T = 'Kế hoạch tổ chức các hoạt động kỷ niệm năm 2025'
rows = [('STT', 'Nội dung', 'Thời gian'), ('1', 'Tổ chức hội nghị<br>tổng kết', 'Tháng 3'), ('2', 'Hội thi văn nghệ', 'Tháng 5&nbsp;')]
tbl = '<table border="1">' + ''.join('<tr>%s</tr>' % ''.join('<td>%s</td>' % c for c in r) for r in rows) + '</table>'
page = '<html><head><meta charset="utf-8"></head><body><div id="header"><a href="/">Trang chủ</a></div><div class="content"><h1>%s</h1><p>Các hoạt động cụ thể như sau:</p>%s<p>Giao Phòng Văn hóa chủ trì thực hiện.</p></div><div class="footer">Bản quyền</div></body></html>' % (T, tbl)
exp = [T, 'Các hoạt động cụ thể như sau:', 'STT | Nội dung | Thời gian', '1 | Tổ chức hội nghị tổng kết | Tháng 3', '2 | Hội thi văn nghệ | Tháng 5', 'Giao Phòng Văn hóa chủ trì thực hiện.']
write('html-table-br.html', page.encode(), '\n'.join(exp) + '\n')
# VIQR that escapes its full stops ("gia\.") with a paragraph ending on a dot below and no
# full stop ("... nguồn tài trợ" and a blank line): the dot is the tone, as the standard says
t = ('Điều 5. Kinh phí thực hiện\n\n'
     'Kinh phí tổ chức các hoạt động được bảo đảm từ ngân sách nhà nước, nguồn xã hội hóa và các nguồn tài trợ\n\n'
     'Các cơ quan, đơn vị có trách nhiệm vận động các tổ chức, cá nhân cùng tham gia.\n')
write('viqr-escaped-para-end.txt', enc.encode(t, 'viqr'), t)
# TCVN3 lines with Windows-1252 dashes and quotes and no capitals with tones: the bytes VN1 reads
# as capitals ("Ọ", "Ỏ") are the signs
t = ('giai đoạn 2021 – 2030 khu vực miền Trung, Tây Nguyên\n'
     'Tổ chức “Festival Thăng Long - Hà Nội lần thứ II, năm 2026”\n')
write('tcvn3-dash-quotes.txt', enc.encode(t, 'tcvn3'), t)
