"""Writes plan-docx-levels.docx: a plan whose Roman sections and lists are all Word's numbering (numbering.xml,
w:numPr, no number typed): a list of three levels ("1.", "1.1.", "a)") restarted in each section by a new w:num
with a w:startOverride, and one section whose list is a second w:num of the same list without an override
(Word goes on counting: "3.", "4." after "1.", "2." of the section before); the list of section III (funds) takes
its levels from a numbering style (w:numStyleLink to a w:style of type numbering, whose w:numPr names the list).
Usage: python3 gen_docx_plan.py OUTDIR"""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'convert', 'docx'))
from gen_docx import document, write_docx, numbering, lvl, text_para, W

NUM = numbering([
    lvl(0, 'upperRoman', '%1.'),
    lvl(0, 'decimal', '%1.') + lvl(1, 'decimal', '%1.%2.') + lvl(2, 'lowerLetter', '%3)'),
    lvl(0, 'decimal', '%1.'),
    '<w:numStyleLink w:val="DanhSachKH"/>',
    '<w:styleLink w:val="DanhSachKH"/>' + lvl(0, 'decimal', '%1.'),
], [0, 1, (1, True), 2, 2, 3, 4])

STY = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles %s>'
       '<w:style w:type="numbering" w:styleId="DanhSachKH"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
       '</w:styles>' % W)
p = text_para


body = ''.join([
    p('ỦY BAN NHÂN DÂN'), p('TỈNH LẠNG SƠN'), p('Số: 73/KH-UBND'), p('Lạng Sơn, ngày 20 tháng 3 năm 2026'),
    p('KẾ HOẠCH'), p('Phát triển du lịch cộng đồng năm 2026'),
    p('MỤC TIÊU', 0, 1),
    p('Đón 50.000 lượt khách đến các điểm du lịch cộng đồng.', 0, 2),
    p('Tổng thu từ du lịch cộng đồng đạt 60 tỷ đồng.', 0, 2),
    p('NHIỆM VỤ, GIẢI PHÁP', 0, 1),
    p('Phát triển sản phẩm du lịch', 0, 3),
    p('Sản phẩm du lịch trải nghiệm', 1, 3),
    p('Xây dựng tour trải nghiệm nông nghiệp tại huyện Bắc Sơn.', 2, 3),
    p('Khôi phục lễ hội truyền thống của đồng bào Tày, Nùng.', 2, 3),
    p('Sản phẩm du lịch sinh thái', 1, 3),
    p('Đầu tư điểm dừng chân tại Mẫu Sơn.', 2, 3),
    p('Quảng bá, xúc tiến du lịch', 0, 3),
    p('Tham gia hội chợ du lịch quốc tế tại Hà Nội.', 1, 3),
    p('KINH PHÍ THỰC HIỆN', 0, 1),
    p('Ngân sách tỉnh bố trí 20 tỷ đồng.', 0, 6),
    p('Nguồn xã hội hóa và các nguồn hợp pháp khác.', 0, 6),
    p('TỔ CHỨC THỰC HIỆN', 0, 1),
    p('Sở Văn hóa, Thể thao và Du lịch chủ trì, hướng dẫn thực hiện Kế hoạch.', 0, 4),
    p('Sở Tài chính tham mưu bố trí kinh phí.', 0, 4),
    p('UBND các huyện, thành phố chỉ đạo các xã xây dựng sản phẩm du lịch.', 0, 5),
    p('Các cơ quan, đơn vị báo cáo kết quả trước ngày 15/12/2026.', 0, 5),
])
out = sys.argv[1] if len(sys.argv) > 1 else '.'
write_docx(os.path.join(out, 'plan-docx-levels.docx'), document(body), styles=STY, numbering=NUM)
