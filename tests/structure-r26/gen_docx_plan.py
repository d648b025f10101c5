"""Writes plan-docx-parts.docx: a plan in two parts ("Phần thứ nhất", "Phần thứ hai") over Word-numbered
Roman sections, two labels each over a list Word numbers from 1 again, and a table whose rows "1.1", "1.2"
follow the row "1".
Usage: python3 gen_docx_plan.py OUTDIR"""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'convert', 'docx'))
from gen_docx import document, write_docx, numbering, lvl, text_para, table_row

NUM = numbering([
    lvl(0, 'upperRoman', '%1.') + lvl(1, 'decimal', '%2.'),
    lvl(0, 'decimal', '%1.'),
], [0, 1, (1, True), (0, True)])
p = text_para
row = table_row


body = ''.join([
    p('ỦY BAN NHÂN DÂN'), p('HUYỆN HƯƠNG KHÊ'), p('Số: 31/KH-UBND'), p('Hương Khê, ngày 06 tháng 3 năm 2025'),
    p('KẾ HOẠCH'), p('Phát triển cây ăn quả có múi năm 2025'),
    p('Phần thứ nhất'), p('KẾT QUẢ THỰC HIỆN NĂM 2024'),
    p('Năm 2024, diện tích cây có múi toàn huyện đạt 2.850 ha.'),
    p('Phần thứ hai'), p('KẾ HOẠCH NĂM 2025'),
    p('MỤC TIÊU', 0, 4),
    p('Trồng mới 150 ha cây có múi theo tiêu chuẩn VietGAP.', 1, 4),
    p('NHIỆM VỤ, GIẢI PHÁP', 0, 4),
    p('Nhiệm vụ chung:'),
    p('Quy hoạch vùng trồng tập trung.', 0, 2),
    p('Tuyên truyền, vận động nông dân tham gia liên kết.', 0, 2),
    p('Nhiệm vụ cụ thể:'),
    p('Hỗ trợ giống cây có múi sạch bệnh theo bảng sau:', 0, 3),
    '<w:tbl>' + row('TT', 'Loại giống', 'Số lượng (cây)')
    + row('1', 'Cam', '30.000')
    + row('1.1', 'Cam Khe Mây', '20.000')
    + row('1.2', 'Cam chanh', '10.000')
    + row('2', 'Bưởi', '12.000')
    + '</w:tbl>',
    p('Tập huấn kỹ thuật canh tác cho 500 lượt nông dân.', 0, 3),
    p('TỔ CHỨC THỰC HIỆN', 0, 4),
    p('Phòng Nông nghiệp và Môi trường chủ trì, theo dõi thực hiện Kế hoạch.', 1, 4),
    p('UBND các xã tổ chức triển khai trên địa bàn.', 1, 4),
])
out = sys.argv[1] if len(sys.argv) > 1 else '.'
write_docx(os.path.join(out, 'plan-docx-parts.docx'), document(body), numbering=NUM)
