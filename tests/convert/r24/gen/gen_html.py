import sys, os, html, unicodedata
sys.path.insert(0, os.path.dirname(__file__))
import enc
OUT = sys.argv[1]
NFC = lambda s: unicodedata.normalize('NFC', s)
sq = lambda s: ' '.join(s.split())
def paras(n, a, b):
    ls = [sq(l) for l in NFC(open('/work/shared/corpus/full/%03d.txt' % n, encoding='utf-8').read()).split('\n')]
    ls = [l for l in ls if len(l) > 25 and '<' not in l and '&' not in l and '\ufffd' not in l]
    return ls[a:b]
esc = lambda s: html.escape(s, False)
TOP = ('<div id="header"><div class="logo"><a href="/">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH BÌNH THUẬN</a></div>'
       '<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>'
       '<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản</a></li></ul></div>'
       '<div class="breadcrumb"><a href="/">Trang chủ</a> &raquo; <a href="/tt">Thông báo</a></div>')
SIDE = ('<div class="sidebar"><h3>Văn bản mới</h3><ul><li><a href="/1">Quyết định số 12/QĐ-UBND</a></li>'
        '<li><a href="/2">Công văn số 345/UBND-VP</a></li></ul></div>')
FOOT = '<div id="footer"><p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh. Địa chỉ: 19 Nguyễn Tất Thành.</p></div>'
RELATED = '<div class="tin-lien-quan"><h3>Tin liên quan</h3><ul><li><a href="/a">Hội nghị tổng kết năm 2024</a></li></ul></div>'
def out(name, data, lines):
    open(os.path.join(OUT, name), 'wb').write(data)
    open(os.path.join(OUT, name.rsplit('.', 1)[0] + '.expected.txt'), 'w', encoding='utf-8').write('\n'.join(lines) + '\n')

# 1. <div class="content"> in a UTF-8 page with header, sidebar, footer
T = 'Quyết định về việc công nhận Điều lệ Quỹ Khuyến học tỉnh Bình Thuận'
P = paras(19, 6, 14)
body = '<h1 class="title">%s</h1>' % esc(T) + ''.join('<p>%s</p>' % esc(p) for p in P)
page = ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>%s</title></head><body>%s'
        '<div class="main"><div class="content">%s%s</div>%s</div>%s</body></html>') % (esc(T), TOP, body, RELATED, SIDE, FOOT)
out('html-div-content.html', page.encode(), [T] + P)

# 2. HTML5 <article> with nav, aside and footer outside it, &nbsp; between words
T = 'Kế hoạch phát triển các ngành công nghiệp văn hóa trên địa bàn tỉnh Ninh Bình'
P = paras(5, 5, 12)
body = '<header><h1>%s</h1></header>' % esc(T) + ''.join('<p>%s</p>' % esc(p).replace(' ', '&nbsp;', 1) for p in P)
page = ('<!DOCTYPE html><html><head><meta charset="UTF-8"><title>Tin tức</title></head><body><nav><a href="/">Trang chủ</a>'
        ' <a href="/tt">Tin tức</a></nav><main><article>%s</article><aside><h3>Xem nhiều</h3><p>Lịch tiếp công dân tháng 12</p></aside></main>'
        '<footer>Bản quyền thuộc UBND tỉnh Ninh Bình</footer></body></html>') % body
out('html-article-nbsp.html', page.encode(), [T] + P)

# 3. <br>-separated lines in one block, &nbsp; indents
T = 'Thông báo kết luận của Phó Chủ tịch UBND tỉnh Võ Phiên'
P = paras(11, 8, 16)
body = '<h2>%s</h2><div class="noidung">%s</div>' % (esc(T), '<br>\n'.join('&nbsp;&nbsp;&nbsp;&nbsp;' + esc(p) for p in P))
page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>%s'
        '<div class="content">%s</div>%s</body></html>') % (TOP, body, FOOT)
# the lines open on four no-break spaces, an indent kept as four spaces (fmt_html.c NBSP_GAP)
out('html-br-lines.html', page.encode(), [T] + ['    ' + p for p in P])

# 4. a layout-table page in windows-1258 (tones as combining bytes, as Windows writes them)
T = 'Quyết định phê duyệt Kế hoạch tổ chức lập Chương trình phát triển đô thị'
P = paras(6, 7, 14)
art = '<h1>%s</h1>' % esc(T) + ''.join('<p>%s</p>' % esc(p) for p in P)
page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><title>Văn bản</title></head><body>'
        '<table width="980"><tr><td colspan="2">%s</td></tr><tr><td class="left-menu" width="200"><a href="/">Trang chủ</a><br>'
        '<a href="/tt">Thông báo</a><br><a href="/lh">Liên hệ</a></td><td class="content-main">%s</td></tr>'
        '<tr><td colspan="2">%s</td></tr></table></body></html>') % (TOP, art, FOOT)
out('html-table-cp1258.html', enc.encode(page, 'cp1258'), [T] + P)

# 5. charset declared wrong: the page says iso-8859-1, its bytes are UTF-8
T = 'Quyết định phê duyệt đồ án Quy hoạch chi tiết Khu dân cư thôn Thượng và thôn Hệ'
P = paras(7, 7, 13)
body = '<h1>%s</h1>' % esc(T) + ''.join('<p>%s</p>' % esc(p) for p in P)
page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>%s'
        '<div class="article-detail">%s</div>%s</body></html>') % (TOP, body, FOOT)
out('html-wrong-charset.html', page.encode(), [T] + P)

# 6. .VnTime font tags in a windows-1252 page (TCVN3 bytes), a .VnTimeH heading
T = 'TỜ TRÌNH'
P = paras(15, 6, 12)
body = ('<p align="center"><font face=".VnTimeH">%s</font></p>' % esc(enc.encode(T.lower(), 'tcvn3').decode('cp1252'))
        + ''.join('<p><font face=".VnTime" size="3">%s</font></p>' % esc(enc.encode(p, 'tcvn3').decode('cp1252')) for p in P))
page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>%s'
        '<div class="content">%s</div>%s</body></html>') % (TOP, body, FOOT)
exp = [T] + [''.join(c.lower() if c in enc.VIET and c not in enc.TABLES['tcvn3'] else c for c in p) for p in P]
out('html-vntime-1252.html', page.encode('cp1252', 'xmlcharrefreplace'), exp)

# 7. VNI-Times in inline styles of a UTF-8 page
T = 'Kế hoạch tổ chức Hội nghị đánh giá Chương trình mục tiêu quốc gia'
P = paras(13, 4, 10)
body = '<h1>%s</h1>' % esc(T) + ''.join('<p><span style="font-family:\'VNI-Times\';font-size:14pt">%s</span></p>'
                                       % esc(enc.encode(p, 'vni').decode('cp1252')) for p in P)
page = ('<html><head><meta charset="utf-8"></head><body>%s<div class="news-content">%s</div>%s%s</body></html>') % (TOP, body, SIDE, FOOT)
out('html-vni-spans.html', page.encode(), [T] + P)

# 8. a page declared utf-8 whose bytes are windows-1258 (precomposed, as iconv writes)
T = 'Báo cáo tình hình thực hiện nhiệm vụ năm 2024'
P = paras(8, 2, 9)
body = '<h1>%s</h1>' % esc(T) + ''.join('<p>%s</p>' % esc(p) for p in P)
page = ('<html><head><meta charset="utf-8"></head><body>%s<div class="content">%s</div>%s</body></html>') % (TOP, body, FOOT)
out('html-1258-declared-utf8.html', enc.encode(page, 'cp1258pre'), [T] + P)
