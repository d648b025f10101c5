"""Round 28 convert material: short cells (one to eight words) of the kinds round 27 left as
gaps, in every legacy encoding and as UTF-8 with decomposed marks, with the encoders of r24/gen
(not vnplan): names of ethnic-minority people and places (syllables outside the common ones:
"Giàng A Chớ", "Lũng Cú"), capital lines with a misprinted word ("sÓ:33", "tHÔNG BÁO"), and
cells whose words end on a marked vowel (in VIQR the mark is typed after the word: "Ho.",
"CHI? THI."). Cells come from /work/shared/corpus texts no earlier round's expected output holds.
Paragraphs of one line of prose ending on such a word, or on a full stop after a vowel, are
added ("p"), where a "." ending a paragraph may be a full stop.
Usage: python3 gen_r28.py DIR"""
import sys, os, glob, random, re, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
sys.path.insert(0, os.path.join(ROOT, 'r24', 'gen'))
import enc
from gen_text import prepare, fits
OUT = sys.argv[1] if __name__ == '__main__' else None
NFC = lambda s: unicodedata.normalize('NFC', s)
ENCS = ['tcvn3', 'vni', 'viscii', 'vps', 'viqr', 'cp1258', 'vn1', 'nfd']
C = '/work/shared/corpus'
FILES = sorted(f for f in glob.glob(C + '/full/*.txt') + glob.glob(C + '/headers/*.txt')
               if os.path.basename(f).count('.') == 1)
VIET_RE = re.compile('[' + ''.join(c for c in enc.VIET if ord(c) > 127) + ']')
TONES = '\u0300\u0301\u0303\u0309\u0323'

def used_before():
    s = set()
    for f in glob.glob(os.path.join(ROOT, 'r2[4567]', '*.expected.txt')):
        for l in open(f, encoding='utf-8'):
            s.add(' '.join(l.split()))
    return s

def pieces():
    """every cell of every line, of one to eight words, holding a Vietnamese letter, not used before"""
    seen, out = used_before(), []
    for f in FILES:
        for l in open(f, encoding='utf-8'):
            for p in NFC(l).split('|'):
                p = ' '.join(p.split())
                if 1 <= len(p.split()) <= 8 and p not in seen and VIET_RE.search(p):
                    seen.add(p); out.append(p)
    return out

# names of ethnic-minority people and places (Hmong, Thai, Dao, Ede, Jrai ... syllables the
# common-syllable lists lack), as plans and lists of delegates write them
MINORITY = ('Giàng A Chớ', 'Sùng Mí Páo', 'Vàng Seo Lử', 'Thào A Dình', 'Lò Văn Pọm',
            'Mùa A Sử', 'Hờ A Chứ', 'Lầu Mí Dế', 'Ly Seo Chá', 'Giàng Thị Mỷ', 'Cứ A Tủa',
            'Đồng chí Sùng A Hồ', 'Ông Giàng Seo Phử', 'Bà Lò Thị Ến', 'Lò Văn Tú',
            'Xã Lũng Cú', 'Huyện Mèo Vạc', 'Xã Nậm Pồ', 'Huyện Mường Nhé', 'Xã Sìn Hồ',
            'Huyện Pắc Nặm', 'Hoàng Su Phì', 'Mù Cang Chải', 'Xã Ea Kly', 'Huyện Krông Pắc',
            'Đắk Glong', 'Xã Chư Pưh', 'Xã Mường Thanh', 'Bản Phiềng Lở', 'Thôn Pả Vi Hạ',
            'Huyện Đắk Mil', 'Tỉnh Đắk Lắk', 'Xã Đăk Ơ')
PLACE_RE = re.compile(r'\b(Mường|Nậm|Đắk|Đăk|Lăk|Lắk|Krông|Sìn|Pác|Pắc|Lũng|Si Ni|Chư|Kon)\b')

def is_name(p):
    w = p.split()
    return 2 <= len(w) <= 4 and all(x[0].isupper() and not x.isupper() and x.isalpha() for x in w)

def is_caps(p):
    return p.upper() == p and sum(c.isalpha() for c in p) >= 3

def toned(ch):
    return any(m in TONES or m in '\u0302\u0306\u031b' for m in unicodedata.normalize('NFD', ch))

def misprint(p, r):
    """a capital cell with one word typed with its first letter small ("sÓ", "tHÔNG"), the
    word chosen among those whose other letters hold a marked capital"""
    ws = p.split(' ')
    ks = [k for k, w in enumerate(ws) if len(w) >= 2 and w[0].isalpha() and any(toned(c) for c in w[1:])]
    if not ks:
        return None
    k = r.choice(ks)
    ws[k] = ws[k][0].lower() + ws[k][1:]
    return ' '.join(ws)

def ends_marked(p, marks=TONES):
    """a word ends on a vowel with a tone (with marks='\u0323': a dot below: "Họ", "THỊ")"""
    return any(w and unicodedata.normalize('NFD', w[-1])[-1] in marks for w in re.findall(r'\w+', p))

def pick():
    r = random.Random(28)
    ps = pieces()
    names = [p for p in ps if (is_name(p) or PLACE_RE.search(p)) and len(p.split()) <= 6]
    caps = [p for p in ps if is_caps(p) and p not in names]
    mis = [m for m in (misprint(p, r) for p in r.sample(caps, len(caps))) if m]
    dotted = [p for p in ps if p not in names and p not in caps and ends_marked(p, '\u0323')]
    cut = []
    for p in r.sample(dotted, 16):
        w = p.split()
        cut.append(' '.join(w[:r.randint(1, min(8, len(w)))]))
    cut = [c for c in cut if ends_marked(c, '\u0323')]
    vcaps = [p for p in caps if ends_marked(p, '\u0323') and p not in mis]
    # paragraphs of prose (one line of 80 bytes or more): cut after a word ending on a dot below
    # (VIQR "... nhie^.m vu."), or as they are, ending with a full stop after a vowel ("tham gia.")
    longs = []
    for f in FILES:
        if '/full/' in f:
            longs += [' '.join(NFC(l).split()) for l in open(f, encoding='utf-8')
                      if len(l) >= 100 and '<' not in l and '&' not in l
                      and ' '.join(NFC(l).split()) not in used_before()]
    dotcut, stops = [], []
    for p in r.sample(longs, len(longs)):
        w = p.split()
        ks = [k for k in range(12, len(w)) if re.fullmatch(r'\w+', w[k]) and ends_marked(w[k], '\u0323')]
        if ks and len(dotcut) < 8:
            dotcut.append(' '.join(w[:ks[0] + 1]))
        elif p.endswith('.') and p[-2].lower() in 'aeiouyăâêôơư' and len(stops) < 4:
            stops.append(p)
    global PARAS
    PARAS = dotcut + stops
    return (list(MINORITY) + r.sample(names, min(8, len(names))),
            ['sÓ:33 /TB-UBND', 'sỐ:'] + mis[:14],
            cut + r.sample(vcaps, min(6, len(vcaps))))

# left out, known gaps (see ../GAPS): names whose TCVN3 (and VN1) bytes read as syllables in
# VISCII too, with more frequent syllables or rhymes there ("Giàng A Chớ" / "Giộng A Chí"), and
# names whose VISCII bytes read so in TCVN3 or VPS; misprinted capitals ("sÓ:33", "sỐ:",
# "THÔNG bẢO") that read as a small word of another encoding ("số", "sỳ", "bO")
GAPS = {('sÓ:33 /TB-UBND', 'viscii'), ('sÓ:33 /TB-UBND', 'vps'), ('sỐ:', 'vn1'),
        ('THÔNG bẢO', 'vn1'), ('THÔNG bẢO', 'vps'),
        ('Giàng A Chớ', 'tcvn3'), ('Giàng A Chớ', 'vn1'), ('Hờ A Chứ', 'tcvn3'), ('Hờ A Chứ', 'viscii'),
        ('Hờ A Chứ', 'vn1'), ('Ly Seo Chá', 'tcvn3'), ('Ly Seo Chá', 'vn1'), ('Bà Lò Thị Ến', 'tcvn3'),
        ('Bà Lò Thị Ến', 'vn1'), ('Xã Lũng Cú', 'tcvn3'), ('Xã Lũng Cú', 'vn1'), ('Xã Nậm Pồ', 'viscii')}

def write(name, data, expected):
    open(os.path.join(OUT, name), 'wb').write(data)
    open(os.path.join(OUT, name.rsplit('.', 1)[0] + '.expected.txt'), 'w',
         encoding='utf-8').write(NFC(expected))

def main():
    names, mis, marked = pick()
    for kind, texts in (('n', names), ('c', mis), ('v', marked), ('p', PARAS)):
        for i, t in enumerate(texts):
            t += '\n'
            for e in ENCS:
                if (t.strip(), e) in GAPS:
                    continue
                pt = prepare(t, e)
                if not fits(pt, e):
                    continue   # VPS: a letter its learned table lacks
                write('%s%02d.%s.txt' % (kind, i, e), enc.encode(pt, e), pt)

if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    main()
