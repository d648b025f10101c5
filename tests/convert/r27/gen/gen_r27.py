"""Round 27 convert material: short texts (one to eight words: headers, document numbers,
names of people and places, all-capital titles, lines of digits and punctuation) and a few
medium ones (three to ten lines) picked from /work/shared/corpus (full plans and page
beginnings), in every legacy encoding and as UTF-8 with decomposed marks, with the encoders of
r24/gen (not vnplan). Lines already used by r26 are left out.
Usage: python3 gen_r27.py DIR"""
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

def used_before():
    s = set()
    for f in glob.glob(os.path.join(ROOT, 'r2[456]', '*.expected.txt')):
        for l in open(f, encoding='utf-8'):
            s.add(l.strip())
    return s

def pieces():
    """every cell of every line, stripped, of one to eight words, holding a Vietnamese letter"""
    seen, out = used_before(), []
    for f in FILES:
        for l in open(f, encoding='utf-8'):
            for p in NFC(l).split('|'):
                p = ' '.join(p.split())
                if 1 <= len(p.split()) <= 8 and p not in seen and VIET_RE.search(p):
                    seen.add(p); out.append(p)
    return out

def is_name(p):
    w = p.split()
    return 2 <= len(w) <= 4 and all(x[0].isupper() and not x.isupper() and x.isalpha() for x in w)

def is_caps(p):
    return p.upper() == p and sum(c.isalpha() for c in p) >= 3

def has_digit(p): return any(c.isdigit() for c in p)

def pick():
    r = random.Random(27)
    ps = pieces()
    names = [p for p in ps if is_name(p)]
    caps = [p for p in ps if is_caps(p) and p not in names]
    digits = [p for p in ps if has_digit(p) and p not in caps]
    prose = [p for p in ps if p not in names and p not in caps and p not in digits]
    # prose cut to its first one to eight words, as a line broken in a table cell is
    cut = []
    for p in r.sample(prose, 10):
        w = p.split()
        cut.append(' '.join(w[:r.randint(1, min(8, len(w)))]))
    short = (r.sample(names, min(10, len(names))) + r.sample(caps, 10) + r.sample(digits, 10)
             + cut)
    # medium: three to ten consecutive non-empty lines of one plan
    med = []
    for f in r.sample([f for f in FILES if '/full/' in f], 4):
        ls = [' '.join(NFC(l).split()) for l in open(f, encoding='utf-8') if l.strip()]
        n = r.randint(3, 10)
        i = r.randrange(0, max(1, len(ls) - n))
        med.append('\n'.join(ls[i:i + n]) + '\n')
    return [p + '\n' for p in short], med

# the known gaps of r26 and texts of their kinds: VIQR whose only marks are signs plain text
# ends words with ("Quy' III", "CHI? THI."), a name outside the syllable table whose VNI and
# TCVN3 readings are both valid ("Tống Quang Thìn", TCVN3 "Toỏng Quang Thỡn")
GAPTEXTS = ('Quý III/2025.', 'Quý I', 'CHỈ THỊ', 'QUÝ IV', 'Điều 3.', 'ngày 15/3/2026?',
            'Tống Quang Thìn', 'Đồng chí Tống Quang Thìn', 'Phùng Tô Long')
# left out, known gaps: a word of a small letter then a capital with a tone ("sÓ:33", a
# misprint of "Số:") reads in VISCII and VPS better as another encoding's small "số" / "sạ"
GAPS = {('sÓ:33 /TB-UBND', 'viscii'), ('sÓ:33 /TB-UBND', 'vps')}

def write(name, data, expected):
    open(os.path.join(OUT, name), 'wb').write(data)
    open(os.path.join(OUT, name.rsplit('.', 1)[0] + '.expected.txt'), 'w',
         encoding='utf-8').write(NFC(expected))

def main():
    short, med = pick()
    gap = [t + '\n' for t in GAPTEXTS]
    for kind, texts in (('s', short), ('m', med), ('g', gap)):
        for i, t in enumerate(texts):
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
