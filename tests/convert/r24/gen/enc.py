"""Independent Vietnamese encoders for test material: single-byte tables learned from the
independent converter's pairs in /work/shared/encoded (NNN.ENC.txt vs expected/), completed
from iconv (VISCII, TCVN5712-1); VNI and VIQR written from the published tables. Not vnplan."""
import glob, subprocess, unicodedata
E = '/work/shared/encoded'
TONES = '\u0300\u0301\u0303\u0309\u0323'

def learn(enc):
    t = {}
    for f in sorted(glob.glob(E + '/0*.%s.txt' % enc)):
        b = open(f, 'rb').read().split(b'\n'); u = open(E + '/expected/' + f.split('/')[-1], encoding='utf-8').read().split('\n')
        for x, y in zip(b, u):
            if len(x) == len(y):
                for bb, ch in zip(x, y):
                    if ch in t and t[ch] != bytes([bb]):
                        pass  # lowercase-capital collisions etc.
                    t.setdefault(ch, bytes([bb]))
    return t

VIET = ''.join(sorted(set(unicodedata.normalize('NFC', b + t) for b in 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY' for t in [''] + list(TONES)))) + 'đĐ'

def iconv_char(ch, enc):
    p = subprocess.run(['iconv', '-f', 'UTF-8', '-t', enc], input=ch.encode(), capture_output=True)
    return p.stdout if p.returncode == 0 and len(p.stdout) == 1 else None

TABLES = {}
for enc, ic in [('tcvn3', None), ('vps', None), ('viscii', 'VISCII'), ('vn1', 'TCVN5712-1')]:
    t = learn(enc)
    if ic:
        for ch in VIET:
            if ch not in t:
                b = iconv_char(ch, ic)
                if b: t[ch] = b
    TABLES[enc] = t
# TCVN3 letters the pairs happen not to show, from the TCVN 5712:1993 VN3 table
for ch, b in {'Ă': 0xA1, 'Â': 0xA2, 'Ê': 0xA3, 'Ô': 0xA4, 'Ơ': 0xA5, 'Ư': 0xA6, 'Đ': 0xA7,
              'ẫ': 0xC9, 'ẻ': 0xCE, 'ẳ': 0xBC, 'ẵ': 0xBD, 'ỵ': 0xFE}.items():
    assert TABLES['tcvn3'].get(ch, bytes([b])) == bytes([b]), ch
    TABLES['tcvn3'][ch] = bytes([b])

# VNI-Windows (VNI's own table): base letter + mark byte(s)
VNI_MARK = {'\u0301': 'ù', '\u0300': 'ø', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï'}
VNI_CIRC = {'': 'â', '\u0301': 'á', '\u0300': 'à', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä'}
VNI_BREVE = {'': 'ê', '\u0301': 'é', '\u0300': 'è', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë'}
VNI_I = {'\u0301': 'í', '\u0300': 'ì', '\u0309': 'æ', '\u0303': 'ó', '\u0323': 'ò'}

def vni_char(ch):
    if ch == 'đ': return 'ñ'
    if ch == 'Đ': return 'Ñ'
    d = unicodedata.normalize('NFD', ch)
    base, marks = d[0], d[1:]
    tone = ''.join(m for m in marks if m in TONES)
    shape = ''.join(m for m in marks if m not in TONES)
    if base.lower() not in 'aeiouy' or (not marks): return None
    up = base.isupper()
    U = (lambda s: s.upper()) if up else (lambda s: s)
    if base.lower() == 'i' and not shape:
        return U(VNI_I[tone])
    if shape == '\u0302':   # circumflex
        return base + U(VNI_CIRC[tone])
    if shape == '\u0306':   # breve
        return base + U(VNI_BREVE[tone])
    if shape == '\u031b':   # horn
        hb = U({'o': 'ô', 'u': 'ö'}[base.lower()])
        return hb + (U(VNI_MARK[tone]) if tone else '')
    if shape: return None
    if base.lower() == 'y' and tone == '\u0323': return base + U('î')
    return base + U(VNI_MARK[tone])

def encode(text, enc):
    text = unicodedata.normalize('NFC', text)
    if enc == 'vni':
        out = bytearray()
        for ch in text:
            v = vni_char(ch)
            out += v.encode('cp1252') if v else ch.encode('cp1252')
        return bytes(out)
    if enc == 'viqr':
        return viqr(text).encode('ascii')
    if enc == 'cp1258pre':
        return subprocess.run(['iconv', '-f', 'UTF-8', '-t', 'CP1258'], input=text.encode(), capture_output=True, check=True).stdout
    if enc == 'cp1258':
        out = bytearray()
        for ch in text:
            if not any(c in TONES for c in unicodedata.normalize('NFD', ch)):
                out += ch.encode('cp1258'); continue
            d = unicodedata.normalize('NFD', ch)
            base = unicodedata.normalize('NFC', ''.join(c for c in d if c not in TONES))
            out += (base + ''.join(c for c in d if c in TONES)).encode('cp1258')
        return bytes(out)
    if enc == 'nfd':
        return unicodedata.normalize('NFD', text).encode()
    if enc == 'unicomp':
        out = []
        for ch in text:
            d = unicodedata.normalize('NFD', ch)
            tone = ''.join(c for c in d if c in TONES)
            out.append(unicodedata.normalize('NFC', ''.join(c for c in d if c not in TONES)) + tone if tone else ch)
        return ''.join(out).encode()
    t = TABLES[enc]
    out = bytearray()
    for ch in text:
        b = t.get(ch)
        if b is None and enc == 'tcvn3' and ch in VIET: b = t.get(ch.lower())
        if b is None:
            if ch in VIET: raise ValueError('%s cannot hold %r' % (enc, ch))
            b = ch.encode('cp1252') if enc in ('tcvn3',) else ch.encode('ascii')
        out += b
    return bytes(out)

VQ_SHAPE = {'\u0306': '(', '\u0302': '^', '\u031b': '+'}
VQ_TONE = {'\u0301': "'", '\u0300': '`', '\u0309': '?', '\u0303': '~', '\u0323': '.'}

def viqr(text, escape=True):
    out = []
    prev_letter = False
    for ch in text:
        if ch in 'đĐ':
            out.append('dd' if ch == 'đ' else 'DD'); prev_letter = True; continue
        d = unicodedata.normalize('NFD', ch)
        if d[0].lower() in 'aeiouy' and len(d) > 1:
            s = d[0] + ''.join(VQ_SHAPE.get(m, '') for m in d[1:]) + ''.join(VQ_TONE.get(m, '') for m in d[1:])
            out.append(s); prev_letter = True; continue
        if escape and out and ch in "('^+`?~." and (out[-1][-1].lower() in 'aeiouy' or out[-1][-1] in '(^+'):
            out.append('\\' + ch); continue
        out.append(ch)
    return ''.join(out)
