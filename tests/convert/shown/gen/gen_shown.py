"""Convert material of TCVN3 and VNI texts shown as Windows-1252 and saved as UTF-8, whose
lines hold words that read as good Vietnamese in that form too: VNI's capitals "CƠ QUAN" are
the bytes of "CÔ QUAN", TCVN3's "Số:" those of "Sè:"; VNI's "Đ" is shown as "Ñ".  Encoded with the encoders of r24/gen (not
vnplan).  Usage: python3 gen_shown.py DIR"""
import sys, os, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
sys.path.insert(0, os.path.join(ROOT, 'r24', 'gen'))
import enc
from gen_text import prepare
OUT = sys.argv[1] if __name__ == '__main__' else None
NFC = lambda s: unicodedata.normalize('NFC', s)

def write(name, data, expected):
    open(os.path.join(OUT, name), 'wb').write(data)
    open(os.path.join(OUT, name.rsplit('.', 1)[0] + '.expected.txt'), 'w',
         encoding='utf-8').write(NFC(expected))

def shown(text, e):
    """text in e, its bytes as Windows-1252 shows them"""
    return enc.encode(text, e).decode('cp1252')

# 1. whole texts shown: lines that read the same as they are and in the encoding among lines
#    that read only in it
WHOLE = {
    'caps.vni': ('CƠ QUAN\nKẾ HOẠCH\nTriển khai nhiệm vụ của cơ quan năm 2025\n'
                 'CƠ QUAN CHỦ TRÌ\nSở Nội vụ\nCƠ QUAN\nCƠ QUAN PHỐI HỢP\nCác sở, ban, ngành\n'),
    'number.tcvn3': ('Số: 15/KH-UBND\nKẾ HOẠCH\nTriển khai nhiệm vụ phát triển kinh tế năm 2025\n'
                     'Căn cứ Nghị quyết của Hội đồng nhân dân tỉnh;\nSố: 16/KH-UBND\n'),
}
# 2. single cells shown whose "Đ" Windows-1252 shows as "Ñ", a tone on a consonant: no
#    syllable ("ÑÔN VÒ" is VNI's "ĐƠN VỊ")
CELLS = {'unit.vni': 'ĐƠN VỊ\n', 'unit-col.vni': 'ĐƠN VỊ TÍNH\n'}
# 3. a UTF-8 plan with one paragraph shown: its lines that read as well in VNI ("Cô Tô", an
#    island district) stay as they are
GUARD = ('KẾ HOẠCH\nPhát triển du lịch biển đảo năm 2025\nCô Tô\n', 'Hỗ trợ các xã đảo xây dựng 12 điểm du lịch cộng đồng.\n',
         'Vân Đồn\nCô Tô\n')

if __name__ == '__main__':
    for name, t in WHOLE.items():
        e = name.rsplit('.', 1)[1]
        pt = prepare(t, e)
        write(name + '.txt', shown(pt, e).encode(), pt)
    for name, t in CELLS.items():
        write(name + '.txt', shown(t, 'vni').encode(), t)
    head, para, tail = GUARD
    write('guard.vni.txt', (head + shown(para, 'vni') + tail).encode(), head + para + tail)
