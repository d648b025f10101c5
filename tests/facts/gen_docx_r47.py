#!/usr/bin/env python3
"""Write tests/facts/docs/fresh-r47-bang-docx.docx: a province's department's plan whose tasks are the
rows of a table "STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm",
as Word writes it: the header and the signature in tables without borders, the lead of two rows in
one cell merged down (vMerge), two partners in one cell as two paragraphs, the row of the column
heads repeated on the next page (tblHeader), times written "Trước 15/10/2025", "Hằng quý".

usage: gen_docx_r47.py [FILE]   (default: tests/facts/docs/fresh-r47-bang-docx.docx)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_tables_r42 import esc, p, r, tbl, tr, write  # noqa: E402  (the package written as there)


def tc(text, bold=False, vmerge=None):
    """A cell; vmerge 'restart' opens a cell merged down, 'continue' is one under it."""
    tcpr = ''
    if vmerge == 'restart':
        tcpr = '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
    elif vmerge == 'continue':
        tcpr = '<w:tcPr><w:vMerge/></w:tcPr>'
    paras = ''.join(p(x, bold) for x in text.split('\n')) if text else '<w:p/>'
    return '<w:tc>%s%s</w:tc>' % (tcpr, paras)


def head_row(*cells):
    return '<w:tr><w:trPr><w:tblHeader/></w:trPr>%s</w:tr>' % ''.join(cells)


def body():
    heads = ('STT', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Sản phẩm')
    head = head_row(*(tc(h, bold=True) for h in heads))
    rows = [head,
            tr(tc('1'), tc('Rà soát, đánh giá hiện trạng hạ tầng số của các cơ quan nhà nước trên địa bàn tỉnh'),
               tc('Sở Khoa học và Công nghệ', vmerge='restart'), tc('Các sở, ban, ngành\nUBND các huyện, thành phố'),
               tc('Tháng 6/2025'), tc('Báo cáo đánh giá')),
            tr(tc('2'), tc('Xây dựng Kiến trúc Chính quyền số tỉnh phiên bản 4.0'),
               tc('', vmerge='continue'), tc('Sở Tài chính'), tc('Trước 15/10/2025'), tc('Quyết định phê duyệt')),
            tr(tc('3'), tc('Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã'), tc('Sở Nội vụ'),
               tc('UBND các xã, phường, thị trấn'), tc('Quý III/2025'), tc('Lớp tập huấn')),
            tr(tc('4'), tc('Cập nhật, công bố danh mục dịch vụ công trực tuyến toàn trình'), tc('Văn phòng UBND tỉnh'),
               tc('Các sở, ban, ngành'), tc('Hằng quý'), tc('Danh mục được công bố')),
            tr(tc('5'), tc('Bố trí kinh phí thực hiện các nhiệm vụ chuyển đổi số năm 2025'), tc('Sở Tài chính'),
               tc('Sở Khoa học và Công nghệ'), tc('Trước 31/7/2025'), tc('Văn bản bố trí kinh phí'))]
    top = tbl([tr(tc('ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG', bold=True),
                  tc('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc', bold=True)),
               tr(tc('Số: 96/KH-UBND'), tc('Hải Dương, ngày 25 tháng 3 năm 2025'))], [4000, 5600])
    sign = tbl([tr(tc('Nơi nhận:\n- Bộ Khoa học và Công nghệ (b/c);\n- TT Tỉnh ủy, TT HĐND tỉnh (b/c);\n'
                      '- Các sở, ban, ngành;\n- UBND các huyện, thành phố;\n- Lưu: VT, KGVX.'),
                   tc('TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nLê Văn Hiệu', bold=True))], [4800, 4800])
    return ''.join([
        top,
        p('KẾ HOẠCH', True, True),
        p('Chuyển đổi số tỉnh Hải Dương năm 2025', True, True),
        p('Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình '
          'Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;'),
        p('Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số năm 2025 như sau:'),
        p('I. MỤC TIÊU', True),
        p('1. 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.'),
        p('2. Tỷ lệ dịch vụ công trực tuyến toàn trình đạt tối thiểu 80%.'),
        p('II. NHIỆM VỤ CỤ THỂ', True),
        p('(Chi tiết tại bảng dưới đây)'),
        tbl(rows, [600, 3200, 1600, 1800, 1300, 1500]),
        p('III. TỔ CHỨC THỰC HIỆN', True),
        p('1. Sở Khoa học và Công nghệ là cơ quan thường trực, theo dõi, đôn đốc, tổng hợp tình hình thực hiện, '
          'báo cáo UBND tỉnh trước ngày 15/12/2025.'),
        p('2. Các sở, ban, ngành, UBND các huyện, thành phố căn cứ nhiệm vụ được giao chủ động triển khai thực hiện.'),
        sign])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'docs', 'fresh-r47-bang-docx.docx')
    write(out, body())


if __name__ == '__main__':
    main()
