#!/usr/bin/env python3
"""Write tests/facts/docs/fresh-r45-so-vntime.docx: a department's plan typed in the legacy fonts,
as Word keeps it: the runs in .VnTime hold the TCVN3 bytes of the text as the Windows-1252
characters they are ("KÕ ho¹ch"), the lines in capitals a run in .VnTimeH (its small letters' codes
show capitals), a capital with a tone mark inside a line of small letters typed in .VnTimeH too (the
plain font has none: "Ủy" is "ñ" in .VnTimeH and "y" in .VnTime), the header and the signature in tables.

usage: gen_docx_r45.py [FILE]   (default: tests/facts/docs/fresh-r45-so-vntime.docx)
"""
import os
import sys
import unicodedata
from xml.sax.saxutils import escape as esc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_tables_r42 import write  # noqa: E402  (the package written as there)


def tcvn3_table():
    """Unicode (NFC) letter -> its TCVN3 byte, from the converter's own table."""
    code = {}
    with open(os.path.join(HERE, '..', '..', 'pipeline', 'tables', 'tcvn3.tsv'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            byte, cp = line.split('\t')[:2]
            code[chr(int(cp[2:], 16))] = int(byte, 16)
    return code


CODE = tcvn3_table()


def tcvn3(text):
    """The Windows-1252 characters of text's TCVN3 bytes; None when a letter has no code."""
    out = bytearray()
    for ch in unicodedata.normalize('NFC', text):
        if ch in CODE:
            out.append(CODE[ch])
        elif ord(ch) < 0x80:
            out.append(ord(ch))
        else:
            return None
    return out.decode('cp1252')


def runs(text):
    """The runs of a line of small letters: .VnTime, a capital it has no code for in .VnTimeH."""
    out, plain = [], ''
    for ch in text:
        if tcvn3(ch) is None:
            if plain:
                out.append(('.VnTime', tcvn3(plain)))
                plain = ''
            out.append(('.VnTimeH', tcvn3(ch.lower())))
        else:
            plain += ch
    if plain:
        out.append(('.VnTime', tcvn3(plain)))
    return out


def r(font, text, bold=False):
    rpr = '<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/>%s</w:rPr>' % (font, font, '<w:b/>' if bold else '')
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, esc(text))


def p(text, center=False, bold=False):
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ''
    if not text:
        return '<w:p>%s</w:p>' % ppr
    if text == text.upper():
        body = r('.VnTimeH', tcvn3(text.lower()), bold)
    else:
        body = ''.join(r(font, t, bold) for font, t in runs(text))
    return '<w:p>%s%s</w:p>' % (ppr, body)


def table(*cells):
    tcs = ''.join('<w:tc>%s</w:tc>' % ''.join(p(x, center=True) for x in c) for c in cells)
    return '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tr>%s</w:tr></w:tbl>' % tcs


HEADER = table(['UBND TỈNH NGHỆ AN', 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', '', 'Số: 318/KH-SNNMT'],
               ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '',
                'Nghệ An, ngày 20 tháng 3 năm 2026'])

BODY = """KẾ HOẠCH
Trồng rừng và phòng cháy, chữa cháy rừng năm 2026

Căn cứ Luật Lâm nghiệp số 16/2017/QH14 ngày 15/11/2017;
Thực hiện Quyết định số 612/QĐ-UBND ngày 05/3/2026 của Ủy ban nhân dân tỉnh Nghệ An về giao chỉ tiêu kế hoạch phát triển lâm nghiệp năm 2026;
Sở Nông nghiệp và Môi trường xây dựng Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Tổ chức trồng rừng đúng thời vụ, bảo đảm chất lượng cây giống; nâng cao tỷ lệ che phủ rừng của tỉnh.
2. Chủ động phòng ngừa, phát hiện sớm và dập tắt kịp thời các vụ cháy rừng, hạn chế thấp nhất thiệt hại.
II. CHỈ TIÊU
1. Trồng mới 18.500 ha rừng tập trung, trong đó rừng phòng hộ, đặc dụng 500 ha.
2. Tỷ lệ che phủ rừng toàn tỉnh đạt 58,4%.
3. Tỷ lệ cây trồng sống sau một năm đạt từ 85% trở lên.
III. NHIỆM VỤ, GIẢI PHÁP
1. Chuẩn bị cây giống và hiện trường trồng rừng
Chi cục Kiểm lâm chủ trì, phối hợp với các Ban quản lý rừng phòng hộ kiểm tra nguồn gốc giống, hoàn thành trước ngày 30/4/2026.
2. Trồng rừng vụ Xuân và vụ Thu
Tổ chức trồng rừng vụ Xuân từ ngày 15/02/2026 đến ngày 30/4/2026; vụ Thu từ ngày 01/8/2026 đến ngày 30/9/2026.
3. Phòng cháy, chữa cháy rừng
Ủy ban nhân dân các huyện, thị xã chỉ đạo lực lượng kiểm lâm địa bàn tổ chức trực 24/24 giờ trong mùa khô; báo cáo tình hình cháy rừng về Sở định kỳ hằng tuần.
IV. KINH PHÍ
Kinh phí từ nguồn ngân sách tỉnh năm 2026 là 12,5 tỷ đồng; nguồn vốn của các chủ rừng và nguồn xã hội hóa.
V. TỔ CHỨC THỰC HIỆN
1. Phòng Lâm nghiệp và Kiểm lâm
Chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp kết quả, báo cáo Giám đốc Sở trước ngày 15/11/2026.
2. Chi cục Kiểm lâm
Chủ trì, phối hợp với Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh xây dựng phương án chữa cháy rừng cấp tỉnh trước ngày 31/3/2026.
3. Văn phòng Sở
Bố trí kinh phí, bảo đảm điều kiện phục vụ công tác chỉ đạo, kiểm tra."""

SIGN = table(['Nơi nhận:', '- UBND tỉnh (b/c);', '- Các huyện, thị xã;', '- Lưu: VT, LN.'],
             ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', '', 'Hoàng Văn Đức'])


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'docs', 'fresh-r45-so-vntime.docx')
    lines = BODY.split('\n')
    body = HEADER + ''.join(p(x, center=(i < 2), bold=(i < 2)) for i, x in enumerate(lines)) + SIGN
    write(path, body)


if __name__ == '__main__':
    main()
