#!/usr/bin/env python3
"""Lines that mix Unicode with a pasted legacy fragment, from the real text of
tests/convert/encoded/{012,024} and its independent decodings in encoded/expected/.

usage: gen_inline.py ENCODED_DIR OUT_DIR  -> inline_tcvn3.txt, inline_vni.txt (+ .expected.txt)

Each line of the source with enough words becomes: its first words in Unicode, the rest as the
legacy bytes read as Windows-1252 and saved as UTF-8 ("thực hiện công t¸c cæ phÇn hãa").
A line is used only where the change is visible: its Unicode part has a word Windows-1252
cannot hold (a line made only of Windows-1252 characters cannot be told from a wholly legacy
line), and the first pasted word has a character no Vietnamese word has ("t¸c", not "cã",
which reads as Vietnamese both ways).  Lines holding HTML character references are markup,
not text, and are left out.  The expected line is the decoded source line.
"""
import sys


def cp1252_only(word):
    try:
        word.encode('cp1252')
        return True
    except UnicodeEncodeError:
        return False


VIET = set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ')


def visibly_legacy(word):
    return any(ord(c) >= 0x80 and c not in VIET for c in word)


def main():
    enc, out = sys.argv[1], sys.argv[2]
    for name in ('tcvn3', 'vni'):
        src, exp = [], []
        for doc in ('012', '024'):
            with open('%s/%s.%s.txt' % (enc, doc, name), 'rb') as f:
                raw = f.read().replace(b'\f', b'').split(b'\n')
            with open('%s/expected/%s.%s.txt' % (enc, doc, name), encoding='utf-8') as f:
                dec = f.read().replace('\f', '').split('\n')
            for r, d in zip(raw, dec):
                a, b = r.decode('cp1252').split(' '), d.split(' ')
                if len(a) != len(b) or len([w for w in b if w]) < 6:
                    continue
                k = len(b) // 2
                if all(cp1252_only(w) for w in b[:k]) or not visibly_legacy(a[k]) or '&' in d:
                    continue
                src.append(' '.join(b[:k] + a[k:]))
                exp.append(d)
        with open('%s/inline_%s.txt' % (out, name), 'w', encoding='utf-8') as f:
            f.write('\n'.join(src) + '\n')
        with open('%s/inline_%s.expected.txt' % (out, name), 'w', encoding='utf-8') as f:
            f.write('\n'.join(exp) + '\n')


if __name__ == '__main__':
    main()
