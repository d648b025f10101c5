"""Round 30 convert material: texts of kinds earlier rounds did not stress, written for this
round (not taken from the corpus), in every legacy encoding and as UTF-8 with decomposed marks,
with the encoders of r24/gen (not vnplan): tables flattened into lines of numbers and short
cells, names of people and places of the Central Highlands and the north-west ("Ea H'leo",
"Krông Búk", "Mường Tè", H'Mông names), all-capital headings, notices of some 300 bytes, text
dense with abbreviations ("UBND", "HĐND", "BCĐ", "MTTQ", "KT-XH"), legacy text with English
words and web addresses; UTF-8 files with one legacy paragraph pasted in (raw bytes, or shown
as Windows-1252); HTML pages whose charset lies; DOCX whose runs mix .VnTime and Times New Roman.
Usage: python3 gen_r30.py DIR"""
import sys, os, html, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
sys.path.insert(0, os.path.join(ROOT, 'r24', 'gen')); sys.path.insert(0, os.path.join(ROOT, 'docx'))
import enc
from gen_text import prepare, fits
from gen_docx import run, para, document, write_docx
from xml.sax.saxutils import escape as xesc
OUT = sys.argv[1] if __name__ == '__main__' else None
NFC = lambda s: unicodedata.normalize('NFC', s)
ENCS = ['tcvn3', 'vni', 'viscii', 'vps', 'viqr', 'cp1258', 'vn1', 'nfd']

# tables flattened into lines: cells apart by " | ", by tabs, or one cell a line
TABLES = (
    'STT | Đơn vị | Số hộ nghèo | Tỷ lệ (%)\n1 | Xã Ea Tóh | 1.245 | 12,5\n2 | Xã Ea Hồ | 987 | 9,8\n'
    '3 | Thị trấn Krông Năng | 312 | 3,1\nCộng | | 2.544 | 8,47\n',
    'TT\tChỉ tiêu\tĐơn vị tính\tNăm 2024\tKế hoạch 2025\n1\tDân số trung bình\tngười\t245.610\t249.300\n'
    '2\tTỷ lệ hộ nghèo\t%\t18,62\t15,5\n3\tThu nhập bình quân\ttriệu đồng\t38,4\t42\n',
    '1\nHuyện Krông Búk\n45\n38\n84,4%\n2\nHuyện Cư M\'gar\n52\n47\n90,4%\n',
    'Tổng vốn: 12.345,6 triệu đồng; trong đó: ngân sách trung ương 8.000 triệu đồng (64,8%), '
    'ngân sách tỉnh 2.345,6 triệu đồng (19%), vốn lồng ghép 2.000 triệu đồng (16,2%).\n',
    'Số TT | Tên công trình | Địa điểm | Quy mô | Vốn (tr.đ)\n1 | Đường GTNT buôn Tơ Lơ | Xã Ea Sol | 2,5 km | 4.500\n'
    '2 | Nhà văn hóa bản Nậm Củm | Xã Nậm Manh | 120 m2 | 1.200\n3 | Kè suối Nậm Mạ | Xã Nậm Hàng | 350 m | 3.780\n',
    'Năm | Diện tích (ha) | Năng suất (tạ/ha) | Sản lượng (tấn)\n2021 | 1.032 | 47,2 | 4.871\n'
    '2022 | 1.105 | 48,6 | 5.370\n2023 | 1.160 | 50,1 | 5.811\n',
    'Đạt | Không đạt | Tỷ lệ\n18 | 3 | 85,7%\n',
    'a) Cà phê: 24.500 ha, tăng 1,2%; b) Hồ tiêu: 3.150 ha, giảm 4,6%; c) Sầu riêng: 1.870 ha, tăng 35%.\n',
)
# people and places of ethnic-minority areas, in lines as plans and lists write them
NAMES = (
    'Ông Lý A Sáng, dân tộc H\'Mông, Trưởng bản Pa Vệ Sủ, xã Pa Vệ Sủ, huyện Mường Tè, tỉnh Lai Châu.\n',
    'Bà H\'Hen Niê, Phó Chủ tịch UBND xã Ea Tul, huyện Cư M\'gar, tỉnh Đắk Lắk.\n',
    'Xã Đắk R\'Moan, thành phố Gia Nghĩa, tỉnh Đắk Nông\n',
    'Huyện Ea H\'leo, huyện Krông Búk và thị xã Buôn Hồ\n',
    'Các xã Tả Ngảo, Pu Sam Cáp, Nậm Cuổi, Phìn Hồ của huyện Sìn Hồ\n',
    'Đồng chí Y Biêr Niê; đồng chí Ksor Phước Hà; đồng chí Rơ Mah Tuấn; bà Siu H\'Lam.\n',
    'Ông Giàng Seo Páo và bà Thào Thị Mỷ, bản Lùng Thàng, xã Thu Lũm\n',
    'Buôn Ma Thuột, Krông Pắc, Lắk, Krông Ana, M\'Đrắk, Ea Súp, Buôn Đôn\n',
)
# all-capital headings
CAPS = (
    'BÁO CÁO\nKẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA PHÁT TRIỂN KINH TẾ - XÃ HỘI VÙNG ĐỒNG BÀO DÂN TỘC THIỂU SỐ VÀ MIỀN NÚI\n',
    'PHẦN THỨ NHẤT\nĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2024\n',
    'HỘI ĐỒNG NHÂN DÂN\nTỈNH ĐẮK NÔNG\n',
    'ỦY BAN NHÂN DÂN HUYỆN MƯỜNG TÈ\n',
    'BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA HUYỆN SÌN HỒ\n',
    'II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU\n',
    'NGHỊ QUYẾT\nVỀ VIỆC THÔNG QUA ĐỀ ÁN PHÁT TRIỂN CÂY DƯỢC LIỆU VÙNG CAO\n',
    'DANH SÁCH HỘ ĐƯỢC HỖ TRỢ NHÀ Ở NĂM 2025\n',
)
# notices of some 300 bytes
SHORT = (
    'UBND XÃ EA H\'LEO\nTHÔNG BÁO\nLịch tiếp công dân tháng 7/2025\nChủ tịch UBND xã tiếp công dân vào sáng thứ Năm hằng tuần tại bộ phận một cửa.\nNơi nhận:\n- Các thôn, buôn;\n- Lưu: VT.\n',
    'THÔNG BÁO\nVề việc tạm dừng cấp nước sinh hoạt\nDo sửa chữa đường ống, từ 7 giờ đến 17 giờ ngày 12/8/2025 tạm dừng cấp nước tại thôn Đắk Hoa. Mong bà con thông cảm.\n',
    'GIẤY MỜI\nKính mời: Đại diện MTTQ và các đoàn thể xã\nThời gian: 8 giờ 00, thứ Hai, ngày 03/3/2025\nĐịa điểm: Hội trường UBND xã Sìn Hồ.\n',
    'Thực hiện Công văn số 215/UBND-VX, UBND xã đề nghị các thôn rà soát, báo cáo số trẻ bỏ học trước ngày 20/9/2025.\n',
    'THÔNG BÁO TUYỂN DỤNG\nTrường PTDTBT THCS Pa Ủ tuyển 02 nhân viên nấu ăn. Hạn nộp hồ sơ: 30/6/2025.\n',
)
# text dense with abbreviations
ABBR = (
    'Căn cứ Nghị quyết số 12/NQ-HĐND ngày 15/7/2024 của HĐND tỉnh; theo đề nghị của BCĐ các CTMTQG và Ủy ban MTTQ Việt Nam huyện, UBND huyện giao Phòng GD&ĐT chỉ đạo các trường THCS, TH và MN thực hiện.\n',
    'Chỉ tiêu KT-XH năm 2025: tăng trưởng GRDP 7,5%; thu NSNN 1.250 tỷ đồng; tỷ lệ hộ nghèo giảm 2-3%/năm; 100% xã đạt chuẩn NTM.\n',
    'Nơi nhận:\n- TT. Tỉnh ủy, TT. HĐND tỉnh;\n- CT, các PCT UBND tỉnh;\n- UBMTTQVN tỉnh;\n- Các sở, ban, ngành;\n- UBND các huyện, TX, TP;\n- Lưu: VT, KGVX.\n',
    'Phối hợp với BCH Quân sự huyện, Công an huyện, BQL rừng phòng hộ và các HTX thực hiện PCCCR mùa khô 2024-2025.\n',
    'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n',
    'Đ/c Bí thư ĐU, CT HĐND, CT UBND xã và Trưởng các ban, ngành, đoàn thể (CCB, HND, HLHPN, ĐTN).\n',
)
# legacy text with English words and web addresses
ENGLISH = (
    'Chi tiết xem tại Cổng thông tin điện tử tỉnh: https://daknong.gov.vn/van-ban hoặc email: vanphong@daknong.gov.vn.\n',
    'Triển khai phần mềm eOffice, dịch vụ công trực tuyến (Online Public Service) và ứng dụng Zalo OA của huyện.\n',
    'Tài liệu hướng dẫn (User Guide) được đăng tại website http://sinho.laichau.gov.vn, mục Download.\n',
    'Dự án do tổ chức World Vision và UNICEF tài trợ, thời gian thực hiện 2024-2026.\n',
    'Kết nối Internet băng thông rộng đến 100% trường học; số hóa hồ sơ bằng phần mềm VNPT iGate.\n',
)
# single cells and lines of a few words of the same kinds (a table's column, a list of names, a
# heading alone, an abbreviation, a web address)
CELLS = (
    'Ea H\'leo\n', 'M\'Đrắk\n', 'Cư M\'gar\n', 'Huyện Đắk R\'lấp\n', 'Krông Búk\n', 'Mường Tè\n',
    'Sìn Hồ\n', 'Tả Ngảo\n', 'Dân tộc H\'Mông\n', 'Nậm Nhùn\n', 'Chư Păh\n', 'Tu Mơ Rông\n',
    'Đăk Glei\n', 'Xín Mần\n', 'Quản Bạ\n', 'Y Tý\n', 'Tủa Chùa\n', 'Mường Ảng\n', 'Sốp Cộp\n',
    'Trạm Tấu\n', 'Hầu A Lềnh\n', 'Vừ A Dính\n', 'Ksor Nhất\n', 'H\'Ngọc Êban\n', 'Nay Y Ngăn\n',
    'Cộng: 2.544\n', 'Tỷ lệ (%)\n', 'ĐVT: tr.đ\n', 'Ghi chú\n', '12,5 ha\n', '3 | 87 | 45,2%\n',
    'PHẦN THỨ HAI\n', 'PHỤ LỤC\n', 'BIỂU SỐ 01\n', 'TỜ TRÌNH\n', 'CHƯƠNG II\n', 'ĐỀ ÁN\n',
    'TT. HĐND tỉnh;\n', 'UBMTTQVN huyện\n', 'Phòng GD&ĐT\n', 'KT-XH\n', 'Đ/c Chủ tịch\n', 'TM. BCĐ\n',
    'HĐND-UBND\n', 'Trường THCS Ea Tul\n',
    'Website: https://dienbien.gov.vn\n', 'Email: ubnd@laichau.gov.vn\n', 'Hotline: 1900.1234\n',
    'Zalo: 0912.345.678\n',
)
KINDS = (('c', CELLS), ('t', TABLES), ('m', NAMES), ('h', CAPS), ('s', SHORT), ('a', ABBR), ('e', ENGLISH))

# left out, known gaps (see ../GAPS): names whose words are no syllable in any reading (an
# apostrophe joining "M'Đrắk"; "Cư M'gar" where only "Cư" is one), two-word
# cells whose readings are syllables in two encodings, the other's the more frequent or with the
# more common rhyme ("Y Tý" / "Y Tư", "Ghi chú" / "Ghi chó", "Vừ" / "Vử")
GAPS = {(t, e) for t, es in (
    ("M'Đrắk", 'cp1258 viqr vni vps'), ("Cư M'gar", 'tcvn3 vn1 vni'), ('Y Tý', 'tcvn3 viscii vn1'),
    ('Vừ A Dính', 'vps'), ('Ghi chú', 'tcvn3 vn1')) for e in es.split()}

def write(name, data, expected):
    open(os.path.join(OUT, name), 'wb').write(data)
    open(os.path.join(OUT, name.rsplit('.', 1)[0] + '.expected.txt'), 'w',
         encoding='utf-8').write(NFC(expected))

def lines_fit(t, e):
    """the lines of t the encoding can hold (VPS: letters its learned table lacks)"""
    return ''.join(l + '\n' for l in t.split('\n')[:-1] if fits(prepare(l, e), e))

def texts():
    for kind, ts in KINDS:
        for i, t in enumerate(ts):
            yield '%s%02d' % (kind, i), t

def main():
    # 1. every text in every encoding
    for name, t in texts():
        for e in ENCS:
            if (t.strip(), e) in GAPS:
                continue
            pt = prepare(t, e)
            if not fits(pt, e):
                pt = lines_fit(t, e)
                pt = prepare(pt, e)
                if not pt.strip():
                    continue
            write('%s.%s.txt' % (name, e), enc.encode(pt, e), pt)
    # 2. UTF-8 files with one legacy paragraph pasted in: raw bytes ("raw"), or the legacy bytes
    #    as a Windows-1252 editor shows them, saved as UTF-8 ("shown": TCVN3, VNI)
    base = [l + '\n' for l in (
        'KẾ HOẠCH',
        'Hỗ trợ phát triển sản xuất cho đồng bào dân tộc thiểu số huyện Krông Búk năm 2025',
        'I. MỤC ĐÍCH, YÊU CẦU',
        'Nâng cao thu nhập, giảm nghèo bền vững cho hộ đồng bào tại các buôn đặc biệt khó khăn.')]
    paste = ('Hỗ trợ 1.200 con giống gà, 45 con bò sinh sản cho 87 hộ nghèo tại buôn Ea Siên, '
             'buôn Ea Nguôi; tổng kinh phí 1.350 triệu đồng.\n')
    tail = ['II. NỘI DUNG\n', '1. Đối tượng: hộ nghèo, hộ cận nghèo người dân tộc thiểu số.\n']
    for e in ('tcvn3', 'vni', 'viscii', 'vps', 'cp1258', 'vn1'):
        pp = prepare(paste, e)
        if not fits(pp, e):
            continue
        data = ''.join(base).encode() + enc.encode(pp, e) + ''.join(tail).encode()
        write('x-raw.%s.txt' % e, data, ''.join(base) + pp + ''.join(tail))
    for e in ('tcvn3', 'vni'):
        pp = prepare(paste, e)
        data = ''.join(base) + enc.encode(pp, e).decode('cp1252') + ''.join(tail)
        write('x-shown.%s.txt' % e, data.encode(), ''.join(base) + pp + ''.join(tail))
    # 3. HTML pages whose charset lies
    T = 'Kế hoạch phòng, chống dịch bệnh trên đàn gia súc tại huyện Ea H\'leo năm 2025'
    P = ['Căn cứ Kế hoạch số 45/KH-UBND ngày 10/01/2025 của UBND tỉnh Đắk Lắk;',
         'Tiêm phòng vắc xin lở mồm long móng cho 100% đàn trâu, bò tại các xã Ea Khal, Ea Nam, Dliê Yang.',
         'Kinh phí: 850 triệu đồng từ ngân sách huyện.']
    def page(meta, t, ps):
        body = '<h1>%s</h1>' % html.escape(t, False) + ''.join('<p>%s</p>' % html.escape(p, False) for p in ps)
        return ('<html><head>%s<title>Tin tức</title></head><body><div class="content">%s</div></body></html>'
                % (meta, body))
    for name, meta, e in (
            ('w-utf8-says-1252', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', 'utf8'),
            ('w-utf8-says-1258', '<meta charset="windows-1258">', 'utf8'),
            ('w-1258-says-utf8', '<meta charset="utf-8">', 'cp1258'),
            ('w-tcvn3-says-utf8', '<meta charset="utf-8">', 'tcvn3'),
            ('w-vni-says-8859', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', 'vni'),
            ('w-viscii-says-1258', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">', 'viscii'),
            ('w-viscii-says-8859', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', 'viscii'),
            ('w-viscii-says-none', '', 'viscii'),
            ('w-viscii-says-utf8', '<meta charset="utf-8">', 'viscii'),
            ('w-tcvn3-says-1258', '<meta charset="windows-1258">', 'tcvn3'),
            ('w-vni-says-1258', '<meta charset="windows-1258">', 'vni'),
            ('w-1258-says-8859', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', 'cp1258'),
            ('w-utf8-says-viscii', '<meta charset="viscii">', 'utf8')):
        t, ps = (T, P) if e == 'utf8' else (prepare(T, e), [prepare(p, e) for p in P])
        pg = page(meta, t, ps)
        data = pg.encode() if e == 'utf8' else enc.encode(pg, e)
        write(name + '.html', data, '\n'.join([t] + ps) + '\n')
    # 4. DOCX whose runs mix .VnTime (TCVN3 bytes) and Times New Roman (Unicode): numbers,
    #    abbreviations and names typed in Times New Roman inside .VnTime text, a word split
    #    between the fonts, a .VnTimeH heading
    t3 = lambda s: xesc(enc.encode(prepare(s, 'tcvn3'), 'tcvn3').decode('cp1252'))
    V = lambda s: (run(t3(s), '.VnTime'), prepare(s, 'tcvn3'))
    H = lambda s: (run(t3(s.lower()), '.VnTimeH'), s)
    U = lambda s: (run(xesc(s), 'Times New Roman'), s)
    paras = (
        [H('KẾ HOẠCH')],
        [V('Triển khai Chương trình mục tiêu quốc gia năm '), U('2025'), V(' trên địa bàn huyện Krông Búk')],
        [U('Căn cứ Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ;')],
        [V('Giao '), U('UBND'), V(' các xã '), U('Ea Ngai, Cư Né, Pơng Drang'), V(' chủ trì thực hiện.')],
        [V('Tổng kinh phí: '), U('5.430,5'), V(' triệu đồng (vốn sự nghiệp '), U('3.210'), V(' triệu đồng).')],
        [V('Phối hợp với Ủy ban '), U('MTTQ'), V(' Việt Nam huyện và '), U('BCĐ'), V(' các chương trình.')],
        [V('Kr'), U('ông'), V(' Búk, ngày 15 tháng 3 năm 2025')],
    )
    body = ''.join(para([r for r, _ in p]) for p in paras)
    write_docx(os.path.join(OUT, 'd-vntime-tnr.docx'), document(body))
    open(os.path.join(OUT, 'd-vntime-tnr.expected.txt'), 'w', encoding='utf-8').write(
        ''.join(''.join(x for _, x in p) + '\n' for p in paras))
    # a table of short cells: .VnTime names, Times New Roman numbers
    rows = (('TT', 'Xã', 'Số hộ', 'Tỷ lệ'), ('1', 'Ea Sin', '312', '8,5%'), ('2', 'Ea Hồ', '1.046', '12,3%'))
    def tc(s, k):
        r, x = (U(s) if k in (0, 2, 3) else V(s))
        return '<w:tc>%s</w:tc>' % para([r]), x
    trs, exp = '', []
    for row in rows:
        cs = [tc(s, k) for k, s in enumerate(row)]
        trs += '<w:tr>%s</w:tr>' % ''.join(c for c, _ in cs)
        exp.append(' | '.join(x for _, x in cs))
    write_docx(os.path.join(OUT, 'd-table-mixed.docx'), document('<w:tbl>%s</w:tbl>' % trs))
    open(os.path.join(OUT, 'd-table-mixed.expected.txt'), 'w', encoding='utf-8').write('\n'.join(exp) + '\n')

if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    main()
