#!/usr/bin/env python3
"""Write tests/facts/docs/plan-table-groups-r42.docx: a plan whose tasks are the rows of a table, in groups
under rows that span the table ("I | Công tác tuyên truyền"), the lead and partner agencies and
the time each in a column of its own, as Word writes it.

usage: gen_tables_r42.py [FILE]   (default: tests/facts/docs/plan-table-groups-r42.docx)
"""
import os
import sys
import zipfile
from xml.sax.saxutils import escape as esc

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'convert', 'docx-r40'))
from gen_docx_r40 import CT, HEAD, RELS  # noqa: E402  (the package's parts, as there)


def r(text, bold=False):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % ('<w:rPr><w:b/></w:rPr>' if bold else '', esc(text))


def p(text, bold=False, center=False):
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ''
    return '<w:p>%s%s</w:p>' % (ppr, r(text, bold) if text else '')


def tc(text, span=1, bold=False):
    tcpr = '<w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>' % span if span > 1 else ''
    return '<w:tc>%s%s</w:tc>' % (tcpr, ''.join(p(x, bold) for x in text.split('\n')) if text else '<w:p/>')


def tr(*cells):
    return '<w:tr>%s</w:tr>' % ''.join(cells)


def tbl(rows, grid):
    g = '<w:tblGrid>%s</w:tblGrid>' % ''.join('<w:gridCol w:w="%d"/>' % w for w in grid)
    return '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>%s%s</w:tbl>' % (g, ''.join(rows))


def write(path, body):
    doc = HEAD + '<w:document %s><w:body>%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>' % (NS, body)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in (('[Content_Types].xml', CT), ('_rels/.rels', RELS), ('word/document.xml', doc)):
            info = zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def plan_groups_docx():
    """A commune's plan: its tasks in a table of six columns, two groups of rows under Roman
    numbers whose names span the table, two partners in one cell as two paragraphs, the
    products in the last column."""
    head = tr(tc('STT', bold=True), tc('Nội dung công việc', bold=True), tc('Cơ quan, đơn vị chủ trì', bold=True),
              tc('Cơ quan phối hợp', bold=True), tc('Thời gian thực hiện/hoàn thành', bold=True), tc('Sản phẩm', bold=True))
    rows = [head,
            tr(tc('I', bold=True), tc('Công tác tuyên truyền', span=5, bold=True)),
            tr(tc('1'), tc('Tuyên truyền kiến thức phòng cháy trên hệ thống loa truyền thanh'), tc('Công an xã'),
               tc('Đài truyền thanh xã'), tc('Quý II/2026'), tc('Các bản tin')),
            tr(tc('2'), tc('Tập huấn kỹ năng thoát nạn cho các hộ kinh doanh'), tc('Công an xã'),
               tc('UBND các thôn'), tc('Tháng 6/2026'), tc('Hội nghị tập huấn')),
            tr(tc('II', bold=True), tc('Công tác kiểm tra', span=5, bold=True)),
            tr(tc('3'), tc('Kiểm tra an toàn phòng cháy tại các cơ sở kinh doanh'), tc('Công an xã'),
               tc('Văn phòng - Thống kê xã'), tc('Thường xuyên'), tc('Biên bản kiểm tra')),
            tr(tc('4'), tc('Rà soát, bổ sung phương án chữa cháy của các thôn'), tc('Ban Chỉ huy Quân sự xã'),
               tc('Công an xã\nUBND các thôn'), tc('Trước 30/9/2026'), tc('Phương án')),
            tr(tc('5'), tc('Tổng kết công tác phòng cháy năm 2026'), tc('Văn phòng - Thống kê xã'),
               tc('Công an xã'), tc('Tháng 12/2026'), tc('Báo cáo tổng kết'))]
    body = ''.join([
        p('ỦY BAN NHÂN DÂN', True), p('XÃ HÒA AN', True), p('Số: 52/KH-UBND'),
        p('Hòa An, ngày 12 tháng 01 năm 2026'),
        p('KẾ HOẠCH', True, True), p('Phòng cháy, chữa cháy và cứu nạn, cứu hộ năm 2026', True, True),
        p('I. MỤC ĐÍCH, YÊU CẦU', True),
        p('1. Nâng cao nhận thức của người dân về phòng cháy, chữa cháy.'),
        p('II. NHIỆM VỤ CỤ THỂ', True),
        tbl(rows, [600, 3200, 1600, 1600, 1400, 1400]),
        p('III. TỔ CHỨC THỰC HIỆN', True),
        p('1. Công an xã theo dõi, báo cáo kết quả trước ngày 15/12/2026.')])
    return body


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, 'docs', 'plan-table-groups-r42.docx')
    write(out, plan_groups_docx())


if __name__ == '__main__':
    main()
