#!/usr/bin/env python3
"""Write the RTF test files of tests/convert/rtf from the real text of tests/convert/encoded/012
and its independent decodings in encoded/expected/ (the expected outputs come from there,
never from vnplan).

usage: gen_rtf.py ENCODED_DIR OUT_DIR
  unicode.rtf  Unicode text as Word writes it: \\uN? escapes (N signed 16-bit), ASCII as is
  cp1258.rtf   \\ansicpg1258 with \\'xx bytes of Windows-1258 (precomposed where it can)
  legacy.rtf   paragraphs in .VnTime and VNI-Times, the legacy bytes as \\'xx, alternating;
               every line, those with a single accented word ("- Löu: VT.") too, which read
               as Vietnamese in both encodings: the reader knows each paragraph's font
each with NAME.expected.txt.  Form feeds of the source are dropped (RTF has \\page).
"""
import sys


def lines(path, binary):
    with open(path, 'rb') as f:
        data = f.read().replace(b'\f', b'')
    return data.split(b'\n') if binary else data.decode('utf-8').split('\n')


def esc_bytes(b):
    out = []
    for c in b:
        if c >= 0x80:
            out.append("\\'%02x" % c)
        elif chr(c) in '\\{}':
            out.append('\\' + chr(c))
        else:
            out.append(chr(c))
    return ''.join(out)


def esc_unicode(s):
    out = []
    for ch in s:
        o = ord(ch)
        if o >= 0x80:
            out.append('\\u%d?' % (o - 65536 if o > 32767 else o))
        elif ch in '\\{}':
            out.append('\\' + ch)
        else:
            out.append(ch)
    return ''.join(out)


HEAD = ('{\\rtf1\\ansi\\ansicpg%d\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}'
        '{\\f1\\froman .VnTime;}{\\f2\\froman VNI-Times;}}\n')


def write(out_dir, name, cp, paras, expected):
    with open('%s/%s.rtf' % (out_dir, name), 'w', encoding='ascii') as f:
        f.write(HEAD % cp)
        for p in paras:
            f.write('\\pard\\plain %s\\par\n' % p)
        f.write('}\n')
    with open('%s/%s.expected.txt' % (out_dir, name), 'w', encoding='utf-8') as f:
        f.write('\n'.join(expected) + '\n')


def main():
    enc, out = sys.argv[1], sys.argv[2]
    uni = lines(enc + '/expected/012.vni.txt', False)
    write(out, 'unicode', 1252, ['\\f0 ' + esc_unicode(s) for s in uni], uni)
    pre, pre_exp = lines(enc + '/012.cp1258pre.txt', True), lines(enc + '/expected/012.cp1258pre.txt', False)
    write(out, 'cp1258', 1258, ['\\f0 ' + esc_bytes(b) for b in pre], pre_exp)
    tcvn, vni = lines(enc + '/012.tcvn3.txt', True), lines(enc + '/012.vni.txt', True)
    e_tcvn, e_vni = lines(enc + '/expected/012.tcvn3.txt', False), lines(enc + '/expected/012.vni.txt', False)
    paras, exp = [], []
    for i in range(len(tcvn)):
        if i % 2:
            paras.append('\\f2 ' + esc_bytes(vni[i]))
            exp.append(e_vni[i])
        else:
            paras.append('\\f1 ' + esc_bytes(tcvn[i]))
            exp.append(e_tcvn[i])
    write(out, 'legacy', 1252, paras, exp)

if __name__ == '__main__':
    main()
