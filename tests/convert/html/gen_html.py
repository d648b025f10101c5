#!/usr/bin/env python3
"""Write saved-portal-page tests for tests/convert/html, with expected text written from the
source (the real TCVN3 / VNI text of tests/convert/encoded/012 and its independent decodings
in encoded/expected/, or the Unicode text below), never from vnplan.

usage: gen_html.py ENCODED_DIR OUT_DIR
  legacy-fonts.html  UTF-8 page whose article is typed in .VnTime / .VnTimeH / VNI-Times
                     (<font face>, style="font-family:..."), some paragraphs mixing Unicode spans
  layout-cp1258.html windows-1258 page (bytes from iconv -t CP1258) laid out in a table: menu
                     cell, article cell holding a two-column header table, related links, footer
  ncr.html           ASCII page without a declared charset: every letter a numeric reference
  detail.html        news page: title and lead paragraph above the block holding the body,
                     a "xem thêm" box inside it, newest-news sidebar, footer
An HTML reader collapses white space, so the expected lines are the source lines with runs of
spaces made one and empty lines left out.
"""
import html
import subprocess
import sys

FURNITURE_TOP = ('<div id="header"><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH QUẢNG NGÃI</div>'
                 '<ul class="main-menu"><li><a href="/">Trang chủ</a></li><li><a href="/tt">Tin tức</a></li>'
                 '<li><a href="/vb">Văn bản</a></li></ul></div>'
                 '<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/tb">Thông báo</a></div>')
FURNITURE_END = ('<div class="box-tin-lien-quan"><h3>Tin liên quan</h3><ul>'
                 '<li><a href="/1">Hội nghị sơ kết công tác cổ phần hóa 6 tháng</a></li>'
                 '<li><a href="/2">Lịch tiếp công dân tháng 02/2025</a></li></ul></div>'
                 '<div class="social-share"><a href="#">Chia sẻ</a> <a href="#">In trang</a></div>'
                 '<div id="footer"><p>Cơ quan chủ quản: UBND tỉnh Quảng Ngãi.</p>'
                 '<p>Bản quyền thuộc Cổng thông tin điện tử tỉnh.</p></div>')


def squeeze(s):
    return ' '.join(s.split())


def read_lines(path, binary):
    with open(path, 'rb') as f:
        data = f.read().replace(b'\f', b'')
    return data.split(b'\n') if binary else data.decode('utf-8').split('\n')


def page(head, article):
    return ('<!DOCTYPE html><html lang="vi"><head>%s<title>Thông báo số 11/TB-UBND</title>'
            '<script>var x = "<p>không phải bài viết</p>";</script></head><body>%s'
            '<div class="article-detail">%s</div>%s</body></html>'
            % (head, FURNITURE_TOP, article, FURNITURE_END))


def legacy_fonts(enc, out):
    tcvn, vni = read_lines(enc + '/012.tcvn3.txt', True), read_lines(enc + '/012.vni.txt', True)
    e_tcvn, e_vni = read_lines(enc + '/expected/012.tcvn3.txt', False), read_lines(enc + '/expected/012.vni.txt', False)
    paras, expected = [], []
    for i, (t, v, et, ev) in enumerate(zip(tcvn, vni, e_tcvn, e_vni)):
        if not squeeze(ev):
            continue
        ts, vs = html.escape(t.decode('cp1252'), False), html.escape(v.decode('cp1252'), False)
        if ev == ev.upper() and any(c.isalpha() for c in ev):
            paras.append('<p><span style="font-family: \'.VnTimeH\', serif">%s</span></p>' % ts)
            expected.append(squeeze(ev))
        elif i % 3 == 0:
            paras.append('<p><font face=".VnTime">%s</font></p>' % ts)
            expected.append(squeeze(et))
        elif i % 3 == 1:
            paras.append('<p style="font-family:VNI-Times;font-size:13pt">%s</p>' % vs)
            expected.append(squeeze(ev))
        else:
            a, b = t.decode('cp1252').split(), et.split()
            if len(a) == len(b) and len(a) > 2:
                k = len(a) // 2
                paras.append('<p><font face=".VnTime">%s</font> <span style="font-family: Times New Roman">%s</span></p>'
                             % (html.escape(' '.join(a[:k]), False), html.escape(' '.join(b[k:]), False)))
            else:
                paras.append('<p><font face=".VnTime">%s</font></p>' % ts)
            expected.append(squeeze(et))
    with open(out + '/legacy-fonts.html', 'w', encoding='utf-8') as f:
        f.write(page('<meta charset="utf-8">', ''.join(paras)))
    with open(out + '/legacy-fonts.expected.txt', 'w', encoding='utf-8') as f:
        f.write('\n'.join(expected) + '\n')


ARTICLE = [
    'Thực hiện Kế hoạch số 193/KH-UBND ngày 01/11/2024 của UBND tỉnh về trồng cây xanh;',
    'UBND huyện yêu cầu các xã, thị trấn triển khai các nội dung sau:',
    '1. Trồng mới ít nhất 5.000 cây xanh trong năm 2025.',
    '2. Báo cáo kết quả về Phòng Tài nguyên và Môi trường trước ngày 15/12/2025.',
]
HEADER = [('ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
          ('HUYỆN SƠN TỊNH', 'Độc lập - Tự do - Hạnh phúc'),
          ('Số: 45/KH-UBND', 'Sơn Tịnh, ngày 20 tháng 01 năm 2025')]


def layout_cp1258(out):
    left = '<br>'.join(x for x, _ in HEADER)
    right = '<br>'.join(y for _, y in HEADER)
    article = ('<table width="100%%"><tr><td>%s</td><td>%s</td></tr></table>'
               '<p align="center"><b>KẾ HOẠCH</b><br>Trồng cây xanh năm 2025</p>%s'
               % (left, right, ''.join('<p>%s</p>' % x for x in ARTICLE)))
    body = ('<table width="980"><tr><td class="left-menu" width="200"><a href="/">Trang chủ</a><br>'
            '<a href="/gt">Giới thiệu</a><br><a href="/vb">Văn bản</a></td>'
            '<td class="content-main">%s</td></tr></table>' % article)
    doc = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
           '<title>Kế hoạch trồng cây xanh</title></head><body>%s<div id="footer">Cổng thông tin huyện Sơn Tịnh'
           '</div></body></html>' % body)
    data = subprocess.run(['iconv', '-f', 'UTF-8', '-t', 'CP1258'], input=doc.encode('utf-8'),
                          stdout=subprocess.PIPE, check=True).stdout
    with open(out + '/layout-cp1258.html', 'wb') as f:
        f.write(data)
    expected = ['%s | %s' % h for h in HEADER] + ['KẾ HOẠCH', 'Trồng cây xanh năm 2025'] + ARTICLE
    with open(out + '/layout-cp1258.expected.txt', 'w', encoding='utf-8') as f:
        f.write('\n'.join(expected) + '\n')


def ncr(out):
    def refs(s):
        return ''.join(c if ord(c) < 128 else '&#%d;' % ord(c) for c in html.escape(s, False))
    article = '<h1>%s</h1>%s' % (refs('Thông báo kết luận của Chủ tịch UBND tỉnh'),
                                 ''.join('<p>%s</p>' % refs(x) for x in ARTICLE))
    doc = '<html><head><title>TB</title></head><body><div id="content">%s</div></body></html>' % article
    with open(out + '/ncr.html', 'w', encoding='ascii') as f:
        f.write(doc)
    with open(out + '/ncr.expected.txt', 'w', encoding='utf-8') as f:
        f.write('\n'.join(['Thông báo kết luận của Chủ tịch UBND tỉnh'] + ARTICLE) + '\n')


def detail(out):
    title = 'Quận Thanh Xuân triển khai Tháng hành động vì bình đẳng giới năm 2025'
    lead = 'UBND quận Thanh Xuân vừa ban hành Kế hoạch số 112/KH-UBND ngày 05/11/2025.'
    body = ['Theo đó, Tháng hành động được tổ chức từ ngày 15/11 đến ngày 15/12/2025.',
            'Phòng Văn hóa - Xã hội quận là cơ quan thường trực, chủ trì, phối hợp các đơn vị liên quan.',
            'UBND 11 phường xây dựng kế hoạch và báo cáo kết quả trước ngày 20/12/2025.']
    doc = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body>'
           '<div class="top-menu"><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></div>'
           '<div class="main-wrap"><div class="news-detail">'
           '<h1 class="news-title">%s</h1><div class="sapo"><b>%s</b></div>'
           '<div class="news-content">%s'
           '<div class="box-xem-them"><b>Xem thêm:</b> <a href="/a">Hội nghị tập huấn công tác gia đình</a></div>'
           '</div></div>'
           '<div class="col-right"><h3>Tin mới nhất</h3><ul><li>Lịch tiếp công dân tháng 12</li>'
           '<li>Thông báo tuyển dụng viên chức năm 2025</li></ul></div></div>'
           '<div class="footer">Cổng thông tin điện tử quận Thanh Xuân</div></body></html>'
           % (title, title, lead, ''.join('<p>%s</p>' % x for x in body)))
    with open(out + '/detail.html', 'w', encoding='utf-8') as f:
        f.write(doc)
    with open(out + '/detail.expected.txt', 'w', encoding='utf-8') as f:
        f.write('\n'.join([title, lead] + body) + '\n')


if __name__ == '__main__':
    legacy_fonts(sys.argv[1], sys.argv[2])
    layout_cp1258(sys.argv[2])
    ncr(sys.argv[2])
    detail(sys.argv[2])
