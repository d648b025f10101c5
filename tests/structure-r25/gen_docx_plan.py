"""Writes plan-docx.docx: a plan whose headings and items are Word's numbered paragraphs (Roman
sections, Arabic items, "1.1." sub-items, "a)" letters, dashes) and a task table after an item.
Usage: python3 gen_docx_plan.py OUTDIR"""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'convert', 'docx'))
from gen_docx import document, write_docx, numbering, lvl, text_para, table_row

NUM = numbering([
    lvl(0, 'upperRoman', '%1.') + lvl(1, 'decimal', '%2.') + lvl(2, 'decimal', '%2.%3.') + lvl(3, 'lowerLetter', '%4)'),
    lvl(0, 'bullet', '-'),
], [0, 1])
p = text_para
row = table_row


def dash(text):
    return text_para(text, 0, 2)


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
