#!/usr/bin/env python3
"""Write tests/facts/docs/fresh-r46-cah.rtf: a district police plan saved by Word as RTF: the header
and the signature in borderless tables (\\trowd … \\cell … \\row), letters outside ASCII as \\uN?
escapes, the headings in bold, a font table and a stylesheet before the text, \\line inside a cell.

usage: gen_rtf_r46.py [FILE]   (default: tests/facts/docs/fresh-r46-cah.rtf)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'convert', 'rtf'))
from gen_rtf import esc_unicode as esc  # noqa: E402


def cell_lines(lines):
    return '\\line '.join(esc(x) for x in lines)


def table(rows, widths):
    out = []
    for row in rows:
        out.append('\\trowd\\trgaph108\\trleft0')
        x = 0
        for w in widths:
            x += w
            out.append('\\clvertalt\\cellx%d' % x)
        out.append('\n\\pard\\intbl\\qc ')
        out.append(''.join('{\\b %s}\\cell ' % cell_lines(c) if c and c[0].isupper() else '%s\\cell ' % cell_lines(c)
                           for c in row))
        out.append('\\row\n')
    return ''.join(out)


HEADER = [
    [['CÔNG AN TỈNH NGHỆ AN', 'CÔNG AN HUYỆN ĐÔ LƯƠNG'],
     ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']],
    [['Số: 15/KH-CAH'], ['Đô Lương, ngày 20 tháng 12 năm 2025']],
]

BODY = '''KẾ HOẠCH
Cao điểm tấn công, trấn áp tội phạm, bảo đảm an ninh, trật tự
dịp trước, trong và sau Tết Nguyên đán Bính Ngọ 2026

Thực hiện Kế hoạch số 236/KH-CAT-PV01 ngày 10/12/2025 của Công an tỉnh Nghệ An về bảo đảm an ninh, trật tự dịp Tết Nguyên đán Bính Ngọ 2026, Công an huyện xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Chủ động nắm chắc tình hình, phát hiện, đấu tranh, ngăn chặn kịp thời các loại tội phạm, không để bị động, bất ngờ.
2. Huy động tối đa lực lượng, phương tiện; bảo đảm tuyệt đối an toàn các mục tiêu, công trình trọng điểm.
II. CHỈ TIÊU
1. Tỷ lệ điều tra, khám phá án rất nghiêm trọng, đặc biệt nghiêm trọng đạt trên 95%.
2. Giảm ít nhất 5% số vụ phạm pháp hình sự so với cùng kỳ Tết Ất Tỵ 2025.
3. Vận động thu hồi ít nhất 50 khẩu súng tự chế, vũ khí thô sơ trên địa bàn huyện.
III. NỘI DUNG, BIỆN PHÁP
1. Công tác nắm tình hình
Đội An ninh chủ trì, phối hợp với Công an các xã, thị trấn rà soát, quản lý chặt chẽ các đối tượng, hoàn thành trước ngày 31/12/2025.
2. Tấn công, trấn áp tội phạm
a) Đội Cảnh sát điều tra tội phạm về trật tự xã hội mở đợt cao điểm tấn công tội phạm từ ngày 25/12/2025 đến ngày 05/3/2026.
b) Đội Cảnh sát điều tra tội phạm về ma túy chủ trì đấu tranh triệt xóa các điểm, tụ điểm phức tạp về ma túy, xong trước Tết Nguyên đán Bính Ngọ.
3. Bảo đảm trật tự, an toàn giao thông
Đội Cảnh sát giao thông - trật tự tổ chức tuần tra, kiểm soát, xử lý vi phạm nồng độ cồn hằng tuần vào tối thứ Sáu và thứ Bảy.
IV. TỔ CHỨC THỰC HIỆN
1. Đội Tham mưu theo dõi, đôn đốc, tổng hợp kết quả, báo cáo Công an tỉnh chậm nhất ngày 25 hằng tháng.
2. Công an các xã, thị trấn xây dựng kế hoạch của đơn vị mình, gửi về Công an huyện (qua Đội Tham mưu) trong tháng 12/2025.'''

SIGN = [[['Nơi nhận:', '- Công an tỉnh (PV01) (để b/c);', '- Thường trực Huyện ủy (để b/c);',
          '- Các đội nghiệp vụ;', '- Công an các xã, thị trấn;', '- Lưu: VT, ĐTM.'],
         ['TRƯỞNG CÔNG AN HUYỆN', '', '', '', 'Thượng tá Nguyễn Đình Phúc']]]

HEAD = ('{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}}\n'
        '{\\colortbl;\\red0\\green0\\blue0;}\n'
        '{\\stylesheet{\\s0\\f0\\fs28 Normal;}{\\s1\\b\\f0\\fs28 heading 1;}}\n'
        '{\\info{\\author Doi Tham muu}{\\creatim\\yr2025\\mo12\\dy20}}\n'
        '\\paperw11906\\paperh16838\\margl1701\\margr1134\\f0\\fs28\n')


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'docs', 'fresh-r46-cah.rtf')
    out = [HEAD, table(HEADER, [3800, 5800]), '\\pard\\par\n']
    lines = BODY.split('\n')
    for i, l in enumerate(lines):
        if not l:
            out.append('\\pard\\par\n')
        elif i < 3:
            out.append('\\pard\\qc{\\b %s}\\par\n' % esc(l))
        elif l[:2] in ('I.', 'II', 'IV') or l[:4] == 'III.':
            out.append('\\pard\\qj\\fi567{\\b %s}\\par\n' % esc(l))
        else:
            out.append('\\pard\\qj\\fi567 %s\\par\n' % esc(l))
    out.append('\\pard\\par\n')
    out.append(table(SIGN, [4800, 4800]))
    out.append('\\pard\\par\n}\n')
    with open(path, 'w', encoding='ascii') as f:
        f.write(''.join(out))


if __name__ == '__main__':
    main()
