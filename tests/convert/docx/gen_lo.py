#!/usr/bin/env python3
r"""Write the LibreOffice-made test files of tests/convert/docx from the real text of
../shared/encoded/012 (tests/convert/encoded/012) and its independent decoding in
encoded/expected/ (the expected outputs come from there, never from vnplan).

usage: gen_lo.py ENCODED_DIR OUT_DIR
  writes lo_tcvn3.html (every line in .VnTime) and lo_vni.html (VNI-Times), the legacy bytes
  as the Windows-1252 characters a legacy-font document holds, and lo_ENC.expected.txt: the
  non-blank lines of expected/012.ENC.txt, white space collapsed as HTML does, page-number
  lines (after a form feed) left out.  Then, once, by hand:
    soffice --headless --convert-to 'docx:MS Word 2007 XML' lo_tcvn3.html lo_vni.html
    soffice --headless --convert-to 'doc:MS Word 97' lo_tcvn3.html lo_vni.html lo_tcvn3_table.html
    soffice --headless --convert-to 'rtf:Rich Text Format' lo_tcvn3.html lo_vni.html
  lo_tcvn3_table.html holds one paragraph and a two-column table of TCVN3 lines with "ư",
  lo_tcvn3_table.expected.txt the same as vnplan lays out table rows ("cell | cell").
  (the RTF files go to ../rtf/, compared with the same lo_ENC.expected.txt).
  LibreOffice writes TCVN3's "ư" (byte 0xAD, the Windows-1252 soft hyphen) as w:softHyphen in
  DOCX and as \- in RTF, the other legacy bytes in RTF as "\u162\'a2" (the Windows-1252
  character, then the byte), each line ending its control words with a newline ("\loch<LF>").
"""
import html
import re
import sys


def cp1252(b):
    out = []
    for x in b:
        try:
            out.append(bytes([x]).decode('cp1252'))
        except UnicodeDecodeError:
            out.append(chr(x))
    return ''.join(out)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    for enc, font in (('tcvn3', '.VnTime'), ('vni', 'VNI-Times')):
        raw = open('%s/012.%s.txt' % (src, enc), 'rb').read().split(b'\n')
        want = open('%s/expected/012.%s.txt' % (src, enc), encoding='utf-8').read().split('\n')
        keep = [i for i, l in enumerate(want) if l.strip() and '\f' not in l]
        body = ''.join('<p style="font-family:\'%s\'">%s</p>\n'
                       % (font, html.escape(cp1252(re.sub(rb'[ \t]+', b' ', raw[i]).strip(b' \t\r')))) for i in keep)
        with open('%s/lo_%s.html' % (dst, enc), 'w', encoding='utf-8') as f:
            f.write('<html><head><meta charset="utf-8"></head><body>%s</body></html>' % body)
        with open('%s/lo_%s.expected.txt' % (dst, enc), 'w', encoding='utf-8') as f:
            f.write(''.join(re.sub('[ \t]+', ' ', want[i]).strip(' \t\r') + '\n' for i in keep))
    # a paragraph and a table of TCVN3 lines holding "ư" (byte 0xAD), for the Word 97 reader
    raw = open('%s/012.tcvn3.txt' % src, 'rb').read().split(b'\n')
    want = open('%s/expected/012.tcvn3.txt' % src, encoding='utf-8').read().split('\n')
    idx = [i for i, l in enumerate(want) if 'ư' in l and l.strip() and '\f' not in l][:6]
    cell = lambda i: '<td style="font-family:\'.VnTime\'">%s</td>' % html.escape(
        cp1252(re.sub(rb'\s+', b' ', raw[i]).strip()))
    rows = ''.join('<tr>%s%s</tr>' % (cell(i), cell(j)) for i, j in zip(idx[:3], idx[3:]))
    w = [re.sub(r'\s+', ' ', want[i]).strip() for i in idx]
    with open('%s/lo_tcvn3_table.html' % dst, 'w', encoding='utf-8') as f:
        f.write('<html><head><meta charset="utf-8"></head><body><p style="font-family:\'.VnTime\'">%s</p>'
                '<table border=1>%s</table></body></html>' % (html.escape(cp1252(raw[idx[0]].strip())), rows))
    with open('%s/lo_tcvn3_table.expected.txt' % dst, 'w', encoding='utf-8') as f:
        f.write('\n'.join([w[0]] + ['%s | %s' % (w[k], w[k + 3]) for k in range(3)]) + '\n')


if __name__ == '__main__':
    main()
