import sys, os, unicodedata, codecs
sys.path.insert(0, os.path.dirname(__file__))
import enc
OUT = sys.argv[1] if __name__ == "__main__" else None
NFC = lambda s: unicodedata.normalize('NFC', s)
def rd(p): return NFC(open(p, encoding='utf-8').read())
SEEDS = sorted(os.listdir('/work/shared/seeds'))
seed = lambda i: rd('/work/shared/seeds/' + SEEDS[i])
full = lambda n: rd('/work/shared/corpus/full/%03d.txt' % n)
REPL = {'\u201c': '"', '\u201d': '"', '\u2018': "'", '\u2019': "'", '\u2013': '-', '\u2014': '-', '\u2026': '...', '\xa0': ' ', '\u2022': '-'}

def prepare(text, e):
    """the text as the encoding can hold it (what a correct decoder gives back)"""
    out = []
    for ch in text:
        if e in ('viscii', 'vps', 'vn1', 'viqr') and ch in REPL: ch = REPL[ch]
        if e == 'tcvn3' and ch in enc.VIET and ch not in enc.TABLES['tcvn3']: ch = ch.lower()
        out.append(ch)
    return ''.join(out)

def fits(text, e):
    try: enc.encode(text, e); return True
    except Exception: return False

def write(name, data, expected, out=None):
    open(os.path.join(out or OUT, name), "wb").write(data)
    base = name.rsplit('.', 1)[0]
    open(os.path.join(out or OUT, base + ".expected.txt"), 'w', encoding='utf-8').write(NFC(expected.replace('\r\n', '\n')))

def lines_fit(text, e):
    return '\n'.join(l for l in text.split('\n') if fits(prepare(l, e), e))

def main():
    ENCS = ['tcvn3', 'vni', 'viscii', 'vps', 'viqr', 'cp1258', 'vn1']
    # 1. every seed in every legacy encoding (seeds 1 and 3 with CRLF; 2 as iconv's precomposed cp1258)
    for i in range(len(SEEDS)):
        for e in ENCS:
            t = prepare(seed(i), e)
            if not fits(t, e):
                t = lines_fit(t, e)   # VPS: lines holding a letter the learned table lacks are left out
            ee = 'cp1258pre' if (e == 'cp1258' and i == 2) else e
            data = enc.encode(t, ee)
            if i in (1, 3): data = data.replace(b'\n', b'\r\n')
            write('seed%d.%s.txt' % (i, ee), data, t)
    # 2. UTF-16 and BOMs
    for n, name, codec, bom in [(3, 'u16le-bom', 'utf-16-le', b'\xff\xfe'), (8, 'u16be-bom', 'utf-16-be', b'\xfe\xff'),
                                (10, 'u16le', 'utf-16-le', b''), (14, 'u16be', 'utf-16-be', b'')]:
        t = full(n)
        write(name + '.txt', bom + t.replace('\n', '\r\n').encode(codec), t)
    t = full(25); write('utf8-bom-crlf.txt', b'\xef\xbb\xbf' + t.replace('\n', '\r\n').encode(), t)
    # 3. short documents: a title only, one paragraph
    TITLE = 'KẾ HOẠCH\nTriển khai công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025\n'
    PARA = [l for l in full(26).split('\n') if len(l) > 150][0] + '\n'
    for e in ENCS:
        for nm, t in (('title', TITLE), ('para', PARA)):
            t = prepare(t, e)
            write('short-%s.%s.txt' % (nm, e), enc.encode(t, e), t)
    # 4. two legacy encodings by paragraph (TCVN3 and VNI raw bytes)
    t = full(13); ps = t.split('\n'); data = b''
    for k, l in enumerate(ps):
        data += enc.encode(l, 'tcvn3' if (k // 4) % 2 == 0 else 'vni') + (b'\n' if k < len(ps) - 1 else b'')
    exp = '\n'.join(prepare(l, 'tcvn3') if (k // 4) % 2 == 0 else l for k, l in enumerate(ps))
    write('mix-tcvn3-vni.txt', data, exp)
    # 5. NFD with CRLF, tổ hợp with CRLF
    t = full(16); write('nfd-crlf.txt', enc.encode(t, 'nfd').replace(b'\n', b'\r\n'), t)
    t = full(17); write('unicomp-crlf.txt', enc.encode(t, 'unicomp').replace(b'\n', b'\r\n'), t)
    # 6. UTF-8 with a few lines of legacy text shown as Windows-1252 (mojibake)
    for n, e in ((21, 'tcvn3'), (22, 'vni')):
        ls = full(n).split('\n'); out = []; exp = []
        cnt = 0
        for k, l in enumerate(ls):
            if len(l) > 60 and cnt < 3 and k % 3 == 0:
                pl = prepare(l, e)
                out.append(enc.encode(pl, e).decode('cp1252')); exp.append(pl); cnt += 1
            else:
                out.append(l); exp.append(l)
        write('utf8-%s-mojibake.txt' % e, '\n'.join(out).encode(), '\n'.join(exp))
    # 7. double-encoded UTF-8: a whole file, one paragraph
    def dbl(s):
        return ''.join(chr(b) if b in (0x81, 0x8d, 0x8f, 0x90, 0x9d) else bytes([b]).decode('cp1252') for b in s.encode())
    t = full(23); write('double-whole.txt', dbl(t).encode(), t)
    ls = full(18).split('\n'); k = max(range(len(ls)), key=lambda i: len(ls[i]))
    write('double-para.txt', '\n'.join(dbl(l) if i == k else l for i, l in enumerate(ls)).encode(), '\n'.join(ls))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    main()
