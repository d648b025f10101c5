"""Writes plan-docx.docx: a plan whose headings and items are Word's numbered paragraphs (Roman
sections, Arabic items, "1.1." sub-items, "a)" letters, dashes) and a task table after an item.
Usage: python3 gen_docx_plan.py OUTDIR"""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'convert', 'docx'))
from gen_docx import run, para, document, write_docx, W
from xml.sax.saxutils import escape as xesc

NUM = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering %s>'
       '<w:abstractNum w:abstractNumId="0">'
       '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%%1."/></w:lvl>'
       '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%2."/></w:lvl>'
       '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%2.%%3."/></w:lvl>'
       '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%%4)"/></w:lvl>'
       '</w:abstractNum>'
       '<w:abstractNum w:abstractNumId="1">'
       '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
       '</w:abstractNum>'
       '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
       '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
       '</w:numbering>' % W)


def p(text, lvl=None):
    return para([run(xesc(text))], num=(lvl, 1) if lvl is not None else None)


def dash(text):
    return para([run(xesc(text))], num=(0, 2))


def row(*cells):
    return '<w:tr>%s</w:tr>' % ''.join('<w:tc>%s</w:tc>' % para([run(xesc(c))]) for c in cells)


body = ''.join([
    p('ỦY BAN NHÂN DÂN'), p('HUYỆN CAM LỘ'), p('Số: 56/KH-UBND'), p('Cam Lộ, ngày 14 tháng 4 năm 2025'),
    p('KẾ HOẠCH'), p('Phát triển sản xuất nông nghiệp hữu cơ năm 2025'),
    p('Căn cứ Nghị định số 109/2018/NĐ-CP ngày 29/8/2018 của Chính phủ về nông nghiệp hữu cơ;'),
    p('MỤC TIÊU', 0),
    p('Mục tiêu chung', 1),
    p('Phát triển nông nghiệp hữu cơ gắn với chuỗi giá trị.'),
    p('Mục tiêu cụ thể', 1),
    dash('Diện tích sản xuất hữu cơ đạt 150 ha.'),
    dash('Có ít nhất 03 sản phẩm được chứng nhận hữu cơ.'),
    p('NHIỆM VỤ VÀ GIẢI PHÁP', 0),
    p('Quy hoạch vùng sản xuất', 1),
    p('Rà soát vùng sản xuất tập trung', 2),
    p('Khảo sát thổ nhưỡng tại các xã.', 3),
    p('Xác định vùng đủ điều kiện sản xuất hữu cơ.', 3),
    p('Hỗ trợ chứng nhận', 2),
    p('Các hoạt động cụ thể', 1),
    '<w:tbl>' + row('TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian')
    + row('1', 'Tập huấn kỹ thuật canh tác hữu cơ', 'Phòng Nông nghiệp và Môi trường', 'UBND các xã', 'Quý II/2025')
    + row('2', 'Xây dựng mô hình trình diễn', 'Trung tâm Dịch vụ nông nghiệp', 'Hợp tác xã', 'Quý III/2025')
    + '</w:tbl>',
    p('KINH PHÍ THỰC HIỆN', 0),
    p('Kinh phí từ nguồn ngân sách huyện và các nguồn hợp pháp khác.'),
    p('TỔ CHỨC THỰC HIỆN', 0),
    p('Phòng Nông nghiệp và Môi trường chủ trì, theo dõi thực hiện Kế hoạch.', 1),
    p('UBND các xã, thị trấn tổ chức triển khai trên địa bàn.', 1),
])
out = sys.argv[1] if len(sys.argv) > 1 else '.'
write_docx(os.path.join(out, 'plan-docx.docx'), document(body), numbering=NUM)
