"""Writes plan-docx-cells.docx: a district's plan whose tasks are the rows of a Word table, cells of
two paragraphs or more as Word writes them when Enter is pressed inside a cell: a task's content with its
means under it ("Tuyên truyền …" / "- Trên hệ thống truyền thanh cơ sở"), two leads ("Phòng Tư pháp" /
"Phòng Văn hóa và Thông tin"), two partners ("Công an huyện;" / "UBND các xã."), a time of two lines
("Quý II/2026" / "và Quý IV/2026"); each cell reads as one text in the row's line.
Usage: python3 gen_docx_plan.py OUTDIR"""
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'facts'))
from gen_tables_r42 import p, tc, tr, tbl, write  # noqa: E402  (the table's parts, as there)

head = tr(tc('TT', bold=True), tc('Nội dung nhiệm vụ', bold=True), tc('Cơ quan chủ trì', bold=True),
          tc('Cơ quan phối hợp', bold=True), tc('Thời gian thực hiện', bold=True))
rows = [head,
        tr(tc('1'), tc('Tuyên truyền các văn bản pháp luật mới\n- Trên hệ thống truyền thanh cơ sở'),
           tc('Phòng Tư pháp\nPhòng Văn hóa và Thông tin'), tc('UBND các xã, thị trấn'), tc('Quý II/2026')),
        tr(tc('2'), tc('Tổ chức hội nghị tập huấn cho hòa giải viên cơ sở'), tc('Phòng Tư pháp'),
           tc('- Công an huyện;\n- UBND các xã.'), tc('Tháng 8/2026')),
        tr(tc('3'), tc('Kiểm tra công tác hòa giải ở cơ sở'), tc('Phòng Tư pháp'), tc('Hội Nông dân huyện'),
           tc('Quý II/2026\nvà Quý IV/2026'))]
body = ''.join([
    p('ỦY BAN NHÂN DÂN', True), p('HUYỆN TAM NÔNG', True), p('Số: 41/KH-UBND'),
    p('Tam Nông, ngày 10 tháng 02 năm 2026'),
    p('KẾ HOẠCH', True, True), p('Phổ biến, giáo dục pháp luật năm 2026', True, True),
    p('I. MỤC ĐÍCH, YÊU CẦU', True),
    p('1. Nâng cao ý thức chấp hành pháp luật của cán bộ và nhân dân.'),
    p('II. NHIỆM VỤ CỤ THỂ', True),
    tbl(rows, [600, 3400, 1800, 1800, 1400]),
    p('III. TỔ CHỨC THỰC HIỆN', True),
    p('1. Phòng Tư pháp theo dõi, báo cáo kết quả trước ngày 15/12/2026.')])
out = sys.argv[1] if len(sys.argv) > 1 else '.'
write(os.path.join(out, 'plan-docx-cells.docx'), body)
