"""Writes plan-docx-legal.docx: a plan whose sections and items are all Word's numbering (numbering.xml, no
number typed) in three ways plain numbering does not show: a list of legal numbering (w:isLgl), its sections
"I.", "II." at the first level and "1.1.", "2.1.1." below them (every level's number in figures under the Roman
one); a level that restarts only after the first level (w:lvlRestart 1: the third level counts on across the
second, "2.1.1.", "2.1.2." then "2.2.3."), and one that never restarts (w:lvlRestart 0: the letters of section
IV run on across its agencies, "a)", "b)" under "1." then "c)" under "2."); and the list of section III whose
levels come from paragraph styles (w:pStyle, the w:numPr in styles.xml: "DanhSach1" names the list and its
level, "DanhSach2" the list only, its level the one whose w:pStyle is "DanhSach2", "DanhSach2b" based on it
with no w:numPr of its own).
Usage: python3 gen_docx_plan.py OUTDIR"""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'convert', 'docx'))
from gen_docx import document, write_docx, numbering, lvl, text_para, para, run, W


def legal(ilvl, text, restart=None):
    """A level in figures (w:isLgl) whatever the levels above it are written in."""
    x = lvl(ilvl, 'decimal', text)
    extra = '<w:isLgl/>' + ('<w:lvlRestart w:val="%d"/>' % restart if restart is not None else '')
    return x.replace('<w:numFmt', extra + '<w:numFmt', 1)


def styled(ilvl, fmt, text, style):
    """A level a paragraph style is linked to (w:pStyle in w:lvl)."""
    return lvl(ilvl, fmt, text).replace('<w:numFmt', '<w:pStyle w:val="%s"/><w:numFmt' % style, 1)


NUM = numbering([
    lvl(0, 'upperRoman', '%1.') + legal(1, '%1.%2.') + legal(2, '%1.%2.%3.', restart=1),
    styled(0, 'decimal', '%1.', 'DanhSach1') + styled(1, 'lowerLetter', '%2)', 'DanhSach2'),
    lvl(0, 'decimal', '%1.') + lvl(1, 'lowerLetter', '%2)').replace('<w:numFmt', '<w:lvlRestart w:val="0"/><w:numFmt', 1),
], [0, 1, 2])

STY = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles %s>'
       '<w:style w:type="paragraph" w:styleId="DanhSach1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
       '<w:style w:type="paragraph" w:styleId="DanhSach2"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
       '<w:style w:type="paragraph" w:styleId="DanhSach2b"><w:basedOn w:val="DanhSach2"/></w:style>'
       '</w:styles>' % W)
p = text_para


def sp(text, style):
    """A paragraph numbered by its style alone."""
    return para([run(text)], style=style)


body = ''.join([
    p('ỦY BAN NHÂN DÂN'), p('TỈNH QUẢNG TRỊ'), p('Số: 118/KH-UBND'), p('Quảng Trị, ngày 27 tháng 3 năm 2026'),
    p('KẾ HOẠCH'), p('Phát triển kinh tế biển năm 2026'),
    p('MỤC TIÊU', 0),
    p('Giá trị sản xuất thủy sản tăng 6% so với năm 2025.', 1),
    p('Đón 1,2 triệu lượt khách du lịch biển.', 1),
    p('NHIỆM VỤ, GIẢI PHÁP', 0),
    p('Phát triển thủy sản', 1),
    p('Nâng cấp cảng cá Cửa Tùng.', 2),
    p('Hỗ trợ ngư dân đóng mới tàu cá vỏ thép.', 2),
    p('Phát triển du lịch biển', 1),
    p('Xây dựng khu du lịch sinh thái Cửa Việt.', 2),
    p('KINH PHÍ THỰC HIỆN', 0),
    sp('Ngân sách tỉnh', 'DanhSach1'),
    sp('Chi đầu tư hạ tầng cảng cá.', 'DanhSach2'),
    sp('Chi hỗ trợ ngư dân.', 'DanhSach2b'),
    sp('Nguồn xã hội hóa', 'DanhSach1'),
    # its style's list, its own level (w:numPr with w:ilvl and no w:numId)
    '<w:p><w:pPr><w:pStyle w:val="DanhSach1"/><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr>%s</w:p>'
    % run('Vốn của doanh nghiệp đầu tư du lịch.'),
    p('TỔ CHỨC THỰC HIỆN', 0),
    p('Sở Nông nghiệp và Môi trường', 0, 3),
    p('Chủ trì triển khai các nhiệm vụ phát triển thủy sản.', 1, 3),
    p('Báo cáo kết quả trước ngày 15/12/2026.', 1, 3),
    p('Sở Văn hóa, Thể thao và Du lịch', 0, 3),
    p('Chủ trì phát triển du lịch biển.', 1, 3),
])
out = sys.argv[1] if len(sys.argv) > 1 else '.'
write_docx(os.path.join(out, 'plan-docx-legal.docx'), document(body), styles=STY, numbering=NUM)
