"""Round 26 convert material: very short texts (one to six words: header pieces, document
numbers, dates, recipients, abbreviations) from the page beginnings in
/work/shared/corpus/headers and the plans in tests/facts/docs, in every legacy encoding, with
the encoders of r24/gen (not vnplan).
Usage: python3 gen_r26.py DIR"""
import sys, os, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
sys.path.insert(0, os.path.join(ROOT, 'r24', 'gen'))
import enc
from gen_text import prepare, fits  # the text as an encoding can hold it, and whether it can
OUT = sys.argv[1]
NFC = lambda s: unicodedata.normalize('NFC', s)
ENCS = ['tcvn3', 'vni', 'viscii', 'vps', 'viqr', 'cp1258', 'vn1']

# one line each: header pieces, numbers and dates, recipients, names, short prose ends
LINES = (
    'Số:', 'Số: 12/KH-UBND', 'Số: 30/CT-TTg', 'Số: 55/2007/CT-UBND', 'Số: 4216/QĐ-UBND',
    'Số:19 /KH-UBND', 'Số: 1245/KH-SLĐTBXH', 'Số 15-KH/BTGHU', '61/2018/NĐ-CP.',
    'Nghị định 70/2008/NĐ-CP', 'Quý III/2025.', 'ngày 20/8/2025;',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CỘNG HÒA XÃ HỘI', 'CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc', 'HỘI', 'phường,', 'phường, xã', 'xã', 'Điều 1.',
    'Hà Nội, ngày 29', 'tháng 8 năm 2024', 'ngày 23 tháng 01 năm 2025',
    'ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'UBND TỈNH THANH HÓA', 'HUYỆN ỦY NAM ĐÀN',
    'CHỈ THỊ', 'KẾ HOẠCH', 'THÔNG BÁO', 'PHÓ CHỦ TỊCH', 'KT. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG',
    'T/M BAN THƯỜNG VỤ', 'Nơi nhận:', '- Thường trực HĐND tỉnh;', '- CT, PCT UBND tỉnh;',
    '- UBND cấp huyện;', '- Lưu: VT, TTHC', '- Công an tỉnh;', 'TT.HĐND tỉnh;',
    'Mục tiêu cụ thể:', 'Trong đó:', 'Đăng nhập', 'Tin liên quan', 'I. TÌNH HÌNH CHUNG',
    'Thùy Linh', 'Nguyễn Hoàng Giang', 'Tống Quang Thìn', 'đồng bộ, thống nhất.',
    'phòng thủ dân sự.', '(4) Trồng rừng mới: 30 ha/năm.', 'Lượt xem: 400',
    '2. Đến năm 2030:', 'quyết./.',
)
# abbreviations in VIQR: "DD" is Đ, a digit or a capital after it is no tone; codes of a
# capital and a digit ("D9T", "A1") stay as they are
ABBR = (
    'UBND', 'HĐND - UBND', 'QĐ-UBND', 'Công TTĐT tỉnh;', 'Số: 310/SYT-NVY', 'ĐT', 'Đ/c',
    '- VPUB: CVP, PCVP, các phòng;', 'UBND Huyện, Thị xã, Thành phố', 'BCH Quân sự tỉnh',
    'TP. HCM', 'ĐVT: triệu đồng', 'Đ.1, Đ.2', 'HĐND, UBND, UBMTTQ', 'D9T', 'Mẫu D9T',
    'TTĐT - D9T, A1',
)

# known gaps, left out: a one-line VIQR text whose only marks are an apostrophe, a question
# mark or a dot at the end of a word ("Quy' III/2025.", "CHI? THI."), which plain text puts
# there as punctuation; a VNI name whose TCVN3 reading is as valid and neither reading's
# syllables are among the frequent ones ("Tống Quang Thìn", TCVN3 "Toỏng Quang Thỡn")
GAPS = {(LINES.index('Quý III/2025.'), 'viqr'), (LINES.index('CHỈ THỊ'), 'viqr'),
        (LINES.index('Tống Quang Thìn'), 'vni')}

def write(name, data, expected):
    open(os.path.join(OUT, name), 'wb').write(data)
    open(os.path.join(OUT, name.rsplit('.', 1)[0] + '.expected.txt'), 'w', encoding='utf-8').write(NFC(expected))

def main():
    # 1. each line alone in every legacy encoding (VPS leaves out a line holding a letter its
    #    learned table lacks)
    for i, l in enumerate(LINES):
        for e in ENCS:
            t = prepare(l + '\n', e)
            if fits(t, e) and (i, e) not in GAPS:
                write('w%02d.%s.txt' % (i, e), enc.encode(t, e), t)
    # 2. two short lines together: a number line above a place and date, a heading and a name
    for i, t in enumerate(('Số: 12/KH-UBND\nphường, xã\n', 'HỘI\n61/2018/NĐ-CP.\n',
                           'THÔNG BÁO\nNguyễn Hoàng Giang\n')):
        for e in ENCS:
            pt = prepare(t, e)
            if fits(pt, e):
                write('two%d.%s.txt' % (i, e), enc.encode(pt, e), pt)
    # 3. abbreviations in VIQR, with and without escaped punctuation, one line and all together
    for i, l in enumerate(ABBR):
        t = l + '\n'
        write('viqr-abbr%02d.txt' % i, enc.viqr(t).encode('ascii'), t)
    t = '\n'.join(ABBR) + '\n'
    write('viqr-abbr-all.txt', enc.viqr(t).encode('ascii'), t)
    write('viqr-abbr-noesc.txt', enc.viqr(t, escape=False).encode('ascii'), t)

if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    main()
