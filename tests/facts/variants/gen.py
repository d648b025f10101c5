#!/usr/bin/env python3
"""gen.py - remakes the variants of tests/facts/docs/ plans (run from the repository root):
fresh-r42-xa-tet.tcvn3.txt, the plan typed in TCVN3 bytes (the encoder of tests/convert/r24/gen,
toned capitals, which TCVN3 lacks, written small), and fresh-r42-kiemtra.portal.html, the plan put on a
district portal's page with its menus, a breadcrumb, the post's title and date, related posts and
a footer; fresh-r46-bchqs.viqr.txt, the plan typed in VIQR (RFC 1456: the marks after each letter, a
backslash before a mark that is punctuation after a vowel), by viqr() below.  suite_facts.sh checks each
gives the facts of its text."""
import unicodedata
import html
import os
import re
import sys

sys.path.insert(0, 'tests/convert/r24/gen')
import enc  # noqa: E402
from gen_text import prepare  # noqa: E402

OUT = 'tests/facts/variants'


def tcvn3(name):
    text = open('tests/facts/docs/%s.txt' % name, encoding='utf-8').read()
    with open(os.path.join(OUT, name + '.tcvn3.txt'), 'wb') as f:
        f.write(enc.encode(prepare(text, 'tcvn3'), 'tcvn3'))


PAGE_HEAD = '''<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Cổng thông tin điện tử huyện Đức Thọ</title>
<link rel="stylesheet" href="/themes/ductho/css/style.css">
<script src="/themes/ductho/js/jquery.min.js"></script>
</head>
<body>
<div class="top-bar">Thứ Ba, 03/03/2026 | <a href="/dang-nhap">Đăng nhập</a> | <a href="/lien-he">Liên hệ</a> | <a href="/so-do-cong">Sơ đồ cổng</a></div>
<header class="banner"><a href="/"><img src="/images/banner.png" alt="CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ĐỨC THỌ - TỈNH HÀ TĨNH"></a></header>
<nav class="main-menu"><ul>
<li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li>
<li><a href="/chi-dao-dieu-hanh">Chỉ đạo điều hành</a></li><li><a href="/van-ban">Văn bản</a></li><li><a href="/cai-cach-hanh-chinh">Cải cách hành chính</a></li>
<li><a href="/dich-vu-cong">Dịch vụ công</a></li></ul></nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> &raquo; <a href="/chi-dao-dieu-hanh">Chỉ đạo điều hành</a> &raquo; <a href="/cai-cach-hanh-chinh">Cải cách hành chính</a></div>
<div class="container"><div class="col-main">
<article class="news-detail">
<h1 class="title">{title}</h1>
<div class="meta">Ngày đăng: 04/03/2026 08:15 | Lượt xem: 312 | <a href="javascript:window.print()">In bài</a></div>
<div class="content">
'''

PAGE_TAIL = '''</div>
<div class="attach">Tệp đính kèm: <a href="/uploads/2026/03/58-kh-ubnd.pdf">58-KH-UBND.pdf</a></div>
<div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a></div>
</article>
<div class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/tin/1">Kế hoạch cải cách hành chính huyện Đức Thọ năm 2026</a> (20/01/2026)</li>
<li><a href="/tin/2">UBND huyện tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2025</a> (12/01/2026)</li>
<li><a href="/tin/3">Thông báo lịch tiếp công dân tháng 3/2026</a> (02/03/2026)</li>
</ul></div>
</div>
<aside class="col-right"><div class="box"><h3>Thống kê truy cập</h3><p>Đang online: 27</p><p>Tổng lượt truy cập: 1.254.889</p></div>
<div class="box"><h3>Liên kết website</h3><select><option>Cổng thông tin điện tử tỉnh Hà Tĩnh</option><option>Chính phủ</option></select></div></aside>
</div>
<footer>CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ĐỨC THỌ<br>Cơ quan chủ quản: Ủy ban nhân dân huyện Đức Thọ, tỉnh Hà Tĩnh<br>Địa chỉ: Thị trấn Đức Thọ, huyện Đức Thọ, tỉnh Hà Tĩnh. Điện thoại: 0239.3832.xxx<br>Chịu trách nhiệm chính: Chánh Văn phòng HĐND và UBND huyện<br>&copy; Bản quyền thuộc UBND huyện Đức Thọ. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</footer>
</body>
</html>
'''


def portal(name):
    """the plan's header in a table of two cells, its title centred, its parts' headings bold,
    the recipients and the signature in a table of two cells at the end"""
    lines = open('tests/facts/docs/%s.txt' % name, encoding='utf-8').read().split('\n')
    cols = [re.split(r'\s{3,}', l.strip()) for l in lines]
    kind = lines.index('KẾ HOẠCH')
    title = []
    k = kind + 1
    while lines[k].strip():
        title.append(lines[k].strip())
        k += 1
    close = next(i for i, l in enumerate(lines) if l.startswith('Nơi nhận:'))
    left = [c[0] for c in cols[:kind] if c and c[0] and len(c) > 1 or (c and c[0] and not c[0].startswith(('CỘNG', 'Độc')) and not re.search(r', ngày', c[0]))]
    right = [c[-1] for c in cols[:kind] if len(c) > 1 or (c and re.match(r'(CỘNG|Độc)|.*, ngày', c[0]))]
    out = ['<table style="width:100%;border:none">',
           '<tr><td style="text-align:center;width:40%%">%s</td>' % '<br>'.join(html.escape(x) for x in left if x),
           '<td style="text-align:center">%s</td></tr>' % '<br>'.join(html.escape(x) for x in right if x),
           '</table>',
           '<p style="text-align:center"><strong>KẾ HOẠCH</strong></p>',
           '<p style="text-align:center"><strong>%s</strong></p>' % '<br>'.join(html.escape(t) for t in title)]
    for l in lines[k:close]:
        if not l.strip():
            continue
        if re.match(r'^[IVX]+\. ', l):
            out.append('<p><strong>%s</strong></p>' % html.escape(l))
        else:
            out.append('<p style="text-align:justify">%s</p>' % html.escape(l))
    recs, sig = [], []
    for c in cols[close:]:
        if not c or not c[0]:
            continue
        if c[0].startswith(('-', 'Nơi nhận')):
            recs.append(c[0])
            sig += c[1:]
        else:
            sig += c
    out += ['<table style="width:100%;border:none">',
            '<tr><td style="vertical-align:top;width:50%%">%s</td>' % '<br>'.join(html.escape(r) for r in recs),
            '<td style="text-align:center;vertical-align:top">%s<br><br><br>%s</td></tr>' % (
                '<br>'.join(html.escape(s) for s in sig[:-1]), html.escape(sig[-1])),
            '</table>']
    with open(os.path.join(OUT, name + '.portal.html'), 'w', encoding='utf-8') as f:
        f.write(PAGE_HEAD.format(title='Kế hoạch ' + ' '.join(title)[:1].lower() + ' '.join(title)[1:]) +
                '\n'.join(out) + '\n' + PAGE_TAIL)


# VIQR's marks: the shape of a vowel first ("(" breve, "^" circumflex, "+" horn), then its tone
VIQR_SHAPE = {'\u0306': '(', '\u0302': '^', '\u031b': '+'}
VIQR_TONE = {'\u0301': "'", '\u0300': '`', '\u0309': '?', '\u0303': '~', '\u0323': '.'}


def viqr(text):
    """text in VIQR: each accented letter as its base letter and its marks, "đ" as "dd"; a
    character that is a mark, after a letter that could take it, escaped with a backslash"""
    out = []
    for ch in text:
        if ch in 'đĐ':
            out.append('dd' if ch == 'đ' else 'DD')
            continue
        parts = unicodedata.normalize('NFD', ch)
        if len(parts) > 1 and parts[0].lower() in 'aeiouy':
            marks = parts[1:]
            out.append(parts[0] + ''.join(VIQR_SHAPE.get(m, '') for m in marks) +
                       ''.join(VIQR_TONE.get(m, '') for m in marks))
            continue
        prev = out[-1][-1] if out and out[-1] else ''
        if ch in "('^+`?~." and (prev.lower() in 'aeiouy' or prev in '(^+'):
            out.append('\\' + ch)
            continue
        out.append(ch)
    return ''.join(out)


def viqr_variant(name):
    text = open('tests/facts/docs/%s.txt' % name, encoding='utf-8').read()
    with open(os.path.join(OUT, name + '.viqr.txt'), 'w', encoding='ascii') as f:
        f.write(viqr(text))


if __name__ == '__main__':
    tcvn3('fresh-r42-xa-tet')
    portal('fresh-r42-kiemtra')
    viqr_variant('fresh-r46-bchqs')
