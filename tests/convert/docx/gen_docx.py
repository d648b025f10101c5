#!/usr/bin/env python3
"""Write the DOCX/ODT test files of tests/convert/docx (committed with their output).

usage: gen_docx.py DIR            -> legacy_fonts.docx, xxe.docx, plain.odt, lists.odt,
                                    legacy_012.docx + legacy_012.expected.txt, tables.docx,
                                    textbox.docx, footnotes.docx, footnotes.odt
       gen_docx.py --bomb FILE    -> a DOCX whose document.xml inflates to 300 MB (not committed)
"""
import sys
import zipfile
from xml.sax.saxutils import escape as xesc

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')


def run(text, font=None):
    rpr = '<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/></w:rPr>' % (font, font) if font else ''
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, text)


def para(runs, num=None, style=None):
    ppr = ''
    if num or style:
        ppr = '<w:pPr>%s%s</w:pPr>' % ('<w:pStyle w:val="%s"/>' % style if style else '',
                                       '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % num if num else '')
    return '<w:p>%s%s</w:p>' % (ppr, ''.join(runs))


def cell(text):
    return '<w:tc>%s</w:tc>' % para([run(text)])


def document(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s</w:body></w:document>'
            % (W, body))


STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles %s>'
          '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:styleId="VnBody"><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>'
          '</w:styles>' % W)

NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering %s>'
             '<w:abstractNum w:abstractNumId="0">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%%2)"/></w:lvl>'
             '</w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>'
             '</w:abstractNum>'
             '<w:abstractNum w:abstractNumId="2">'
             '<w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%%1."/></w:lvl>'
             '</w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
             '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
             '</w:numbering>' % W)


def lvl(ilvl, fmt, text, start=1):
    """A level of a Word list: lvl(1, 'decimal', '%1.%2.') numbers "1.1.", "1.2." under "1."."""
    return ('<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/></w:lvl>'
            % (ilvl, start, fmt, text))


def numbering(abstracts, nums):
    """numbering.xml: abstracts[i] the content (levels) of w:abstractNum i; nums[k] the list w:num k + 1
    shows, an abstractNumId, or (abstractNumId, True) for one restarted at 1 (a w:startOverride)."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering %s>' % W]
    out += ['<w:abstractNum w:abstractNumId="%d">%s</w:abstractNum>' % (i, a) for i, a in enumerate(abstracts)]
    for k, n in enumerate(nums, 1):
        a, restart = n if isinstance(n, tuple) else (n, False)
        out.append('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>'
                   % (k, a, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ''))
    return ''.join(out) + '</w:numbering>'


def text_para(text, lvl=None, num=1):
    """A paragraph of plain text, of level lvl of list num when lvl is given."""
    return para([run(xesc(text))], num=(lvl, num) if lvl is not None else None)


def table_row(*cells):
    return '<w:tr>%s</w:tr>' % ''.join('<w:tc>%s</w:tc>' % para([run(xesc(c))]) for c in cells)


def write_docx(path, body, styles=STYLES, numbering=NUMBERING):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/document.xml', body)
        if styles:
            z.writestr('word/styles.xml', styles)
        if numbering:
            z.writestr('word/numbering.xml', numbering)


def legacy(path):
    body = ''.join([
        # one paragraph: .VnTime (TCVN3), .VnTimeH (TCVN3 capitals), VNI-Times, Unicode
        para([run('Hµ Néi, ', '.VnTime'), run('céng hßa ', '.VnTimeH'), run('Vieät Nam ', 'VNI-Times'),
              run('và Thành phố Hồ Chí Minh', 'Times New Roman')]),
        para([run('KÕ ho¹ch n¨m 2025')], style='VnBody'),
        para([run('MỤC TIÊU')], num=(0, 3)),
        para([run('NHIỆM VỤ')], num=(0, 3)),
        para([run('Tổ chức hội nghị')], num=(0, 1)),
        para([run('cấp tỉnh')], num=(1, 1)),
        para([run('cấp huyện')], num=(1, 1)),
        para([run('Báo cáo kết quả')], num=(0, 1)),
        para([run('Sở Nội vụ chủ trì')], num=(0, 2)),
        '<w:tbl><w:tr>%s%s</w:tr><w:tr>%s%s</w:tr></w:tbl>' % (cell('Nơi nhận:'), cell('TM. ỦY BAN NHÂN DÂN'),
                                                            cell('- Như trên;'), cell('CHỦ TỊCH')),
    ])
    write_docx(path, document(body))


def xxe(path):
    body = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
            '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            '<w:document %s><w:body><w:p><w:r><w:t>&xxe;&b;</w:t></w:r></w:p></w:body></w:document>' % W)
    write_docx(path, body, None, None)


def odt(path):
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">'
               '<office:automatic-styles><style:style style:name="T1" style:family="text">'
               '<style:text-properties style:font-name=".VnTime"/></style:style></office:automatic-styles>'
               '<office:body><office:text>'
               '<text:h>KẾ HOẠCH</text:h>'
               '<text:p>Thực hiện <text:span text:style-name="T1">Ch\u00d8 thÞ</text:span> số 20</text:p>'
               '<text:list><text:list-item><text:p>Mục tiêu chung</text:p></text:list-item></text:list>'
               '<table:table><table:table-row><table:table-cell><text:p>A</text:p></table:table-cell>'
               '<table:table-cell><text:p>B</text:p></table:table-cell></table:table-row></table:table>'
               '</office:text></office:body></office:document-content>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.text')
        z.writestr('content.xml', content)


ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:xml="http://www.w3.org/XML/1998/namespace"')


def num_level(level, fmt, suffix='.', display=1, start=None):
    return ('<text:list-level-style-number text:level="%d" style:num-format="%s" style:num-suffix="%s"%s%s/>'
            % (level, fmt, suffix, ' text:display-levels="%d"' % display if display > 1 else '',
               ' text:start-value="%d"' % start if start else ''))


def outline_level(level, fmt):
    return '<text:outline-level-style text:level="%d" style:num-format="%s" style:num-suffix="."/>' % (level, fmt)


def bullet_level(level, char):
    return '<text:list-level-style-bullet text:level="%d" text:bullet-char="%s"/>' % (level, char)


def lists_odt(path):
    """Numbered and bulleted lists from list styles, headings numbered by the outline style,
    a list style taken from a paragraph style, continued and restarted numbering, a table."""
    styles = ('<?xml version="1.0" encoding="UTF-8"?><office:document-styles %s office:version="1.2">'
              '<office:styles>'
              '<style:style style:name="Standard" style:family="paragraph"/>'
              '<style:style style:name="DanhSach" style:family="paragraph" style:list-style-name="LDash"/>'
              '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
              'style:default-outline-level="1"/>'
              '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" '
              'style:default-outline-level="2"/>'
              '<text:list-style style:name="LDash">%s</text:list-style>'
              '<text:outline-style style:name="Outline">%s%s</text:outline-style>'
              '</office:styles></office:document-styles>'
              % (ODF_NS, bullet_level(1, '-'), outline_level(1, 'I'), outline_level(2, '1')))
    auto = ('<office:automatic-styles>'
            '<text:list-style style:name="L1">%s%s%s</text:list-style>'
            '<text:list-style style:name="L2">%s%s</text:list-style>'
            '<text:list-style style:name="L3">%s</text:list-style>'
            '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="DanhSach"/>'
            '</office:automatic-styles>'
            % (num_level(1, '1'), num_level(2, 'a', ')'), bullet_level(3, '•'),
               num_level(1, '1'), num_level(2, '1', '.', 2),
               bullet_level(1, '+')))

    def h(level, text):
        return '<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>' % (level, level, text)

    def p(text, style=None):
        return '<text:p%s>%s</text:p>' % (' text:style-name="%s"' % style if style else '', text)

    def lst(items, style=None, extra=''):
        return '<text:list%s%s>%s</text:list>' % (' text:style-name="%s"' % style if style else '', extra, ''.join(items))

    def item(*content, start=None):
        return '<text:list-item%s>%s</text:list-item>' % (' text:start-value="%d"' % start if start else '', ''.join(content))

    def tcell(*paras):
        return '<table:table-cell>%s</table:table-cell>' % ''.join(p(x) for x in paras)

    body = ''.join([
        '<table:table><table:table-row>%s%s</table:table-row></table:table>' % (
            tcell('ỦY BAN NHÂN DÂN', 'TỈNH NINH BÌNH', 'Số: 193/KH-UBND'),
            tcell('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc')),
        p('KẾ HOẠCH'),
        h(1, 'MỤC ĐÍCH, YÊU CẦU'),
        h(2, 'Mục đích'),
        lst([item(p('Nâng cao nhận thức của cán bộ')),
             item(p('Huy động các nguồn lực'),
                  lst([item(p('ngân sách nhà nước')),
                       item(p('xã hội hóa'),
                            lst([item(p('doanh nghiệp')), item(p('người dân'))]))])),
             item(p('Bảo vệ môi trường'))], 'L1', ' xml:id="list1"'),
        p('Các nội dung tiếp theo:'),
        lst([item(p('Trồng cây xanh')), item(p('Chăm sóc cây'))], 'L1', ' text:continue-numbering="true"'),
        h(2, 'Yêu cầu'),
        lst([item(p('Bám sát chỉ đạo'), start=5), item(p('Đúng tiến độ'))], 'L1'),
        h(1, 'NHIỆM VỤ'),
        lst([item(p('Tuyên truyền'),
                  lst([item(p('trên báo chí')), item(p('trên mạng xã hội'))])),
             item(p('Kiểm tra, giám sát'))], 'L2'),
        lst([item(p('Sở Nội vụ')), item(p('Sở Tài chính'))], 'L3'),
        lst([item(p('Các huyện, thành phố', 'P1'))]),
        '<text:list text:style-name="L1"><text:list-header>%s</text:list-header></text:list>' % p('Nơi nhận:'),
    ])
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content %s office:version="1.2">%s'
               '<office:body><office:text>%s</office:text></office:body></office:document-content>'
               % (ODF_NS, auto, body))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.text')
        z.writestr('META-INF/manifest.xml',
                   '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                   'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                   '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                   '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                   '</manifest:manifest>')
        z.writestr('content.xml', content)
        z.writestr('styles.xml', styles)


def esc(text):
    return text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def legacy_real(path, expected_path, encoded_dir):
    """A DOCX typed in legacy fonts, made from the real TCVN3 and VNI texts of encoded/012 and
    their independent decodings in encoded/expected/.  Word keeps the bytes of a legacy-font
    run as the Windows-1252 characters they are ("Hµ Néi"), and that is what the runs hold.
    Lines in capitals use .VnTimeH (its lowercase codes show capitals); other lines alternate
    .VnTime, VNI-Times, and either of them followed by a Unicode run in the same paragraph; two
    last paragraphs are Unicode typed while .VnTime was still the font.
    The expected text is the decoded source line (form feeds dropped: not XML characters)."""
    def lines(name, binary):
        with open('%s/%s' % (encoded_dir, name), 'rb') as f:
            data = f.read()
        return (data if binary else data.decode('utf-8')).split(b'\n' if binary else '\n')
    tcvn, vni = lines('012.tcvn3.txt', True), lines('012.vni.txt', True)
    e_tcvn, e_vni = lines('expected/012.tcvn3.txt', False), lines('expected/012.vni.txt', False)
    paras, expected = [], []
    for i, (t, v, et, ev) in enumerate(zip(tcvn, vni, e_tcvn, e_vni)):
        t, v, et, ev = t.replace(b'\f', b''), v.replace(b'\f', b''), et.replace('\f', ''), ev.replace('\f', '')
        ts, vs = t.decode('cp1252'), v.decode('cp1252')
        if not ev.strip():
            paras.append(para([]))
            expected.append('')
        elif ev == ev.upper() and any(c.isalpha() for c in ev):
            paras.append(para([run(esc(ts), '.VnTimeH')]))
            expected.append(ev)
        elif i % 4 == 0:
            paras.append(para([run(esc(vs), 'VNI-Times')]))
            expected.append(ev)
        elif i % 4 == 2:
            paras.append(para([run(esc(ts), '.VnTime')]))
            expected.append(et)
        else:
            src, exp, font = (vs, ev, 'VNI-Times') if i % 4 == 1 else (ts, et, '.VnTime')
            a, b = src.split(' '), exp.split(' ')
            if len(a) == len(b) and len(a) > 2:
                k = len(a) // 2
                paras.append(para([run(esc(' '.join(a[:k]) + ' '), font),
                                   run(esc(' '.join(b[k:])), 'Times New Roman')]))
            else:
                paras.append(para([run(esc(src), font)]))
            expected.append(exp)
    # Unicode typed with a legacy font still selected: kept as it is
    for text in ('Thành phố Hồ Chí Minh và các tỉnh', 'và có các'):
        paras.append(para([run(text, '.VnTime')]))
        expected.append(text)
    write_docx(path, document(''.join(paras)))
    with open(expected_path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(expected) + '\n')


def tables(path):
    """Header and signature tables whose cells hold several paragraphs: each row reads as the
    page shows it, line k of every cell side by side; a one-cell table is its paragraphs; a table
    of data (three columns or more) has a cell's paragraphs on its row's line."""
    def cellp(*texts):
        return '<w:tc>%s</w:tc>' % ''.join(para([run(esc(x))] if x else []) for x in texts)

    def row(*cells):
        return '<w:tr>%s</w:tr>' % ''.join(cells)
    body = ''.join([
        '<w:tbl>%s</w:tbl>' % row(cellp('ỦY BAN NHÂN DÂN', 'HUYỆN BA VÌ', '', 'Số:      /KH-UBND'),
                                  cellp('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '',
                                        'Ba Vì, ngày    tháng 3 năm 2025')),
        para([run('KẾ HOẠCH')]),
        '<w:tbl>%s</w:tbl>' % row(cellp('Ghi chú: số liệu tạm tính', 'đến hết quý I')),
        '<w:tbl>%s%s</w:tbl>' % (row(cellp('TT'), cellp('Nội dung'), cellp('Kinh phí')),
                                 row(cellp('1'), cellp('Tuyên truyền', '(cả năm)'), cellp('50 triệu'))),
        '<w:tbl>%s</w:tbl>' % row(cellp('Nơi nhận:', '- Như trên;', '- Lưu: VT.'),
                                  cellp('TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', '', 'Nguyễn Văn A')),
    ])
    write_docx(path, document(body))


def textbox(path):
    """Text boxes: a DrawingML box with its VML fallback (read once) and a VML-only box; their
    paragraphs come after the paragraph that anchors them."""
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')

    def box(*texts):
        return '<w:txbxContent>%s</w:txbxContent>' % ''.join(para([run(t)]) for t in texts)
    drawing = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
               '<a:graphicData><wps:wsp><wps:txbx>%s</wps:txbx></wps:wsp></a:graphicData></a:graphic>'
               '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox>%s</v:textbox>'
               '</v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>' % (box('DỰ THẢO'), box('DỰ THẢO')))
    vml = '<w:r><w:pict><v:rect><v:textbox>%s</v:textbox></v:rect></w:pict></w:r>' % box('Số: 45/KH-UBND', 'Mẫu 01')
    body = ('<w:p>%s%s</w:p>' % (run('ỦY BAN NHÂN DÂN TỈNH'), drawing) +
            '<w:p>%s%s</w:p>' % (vml, run('KẾ HOẠCH')) +
            para([run('Thực hiện công tác chuyển đổi số năm 2025')]))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s</w:body></w:document>'
           % (ns, body))
    write_docx(path, doc)


def footnotes(path):
    """Footnotes and an endnote: a mark where each is anchored ("[1]", none for a mark the author
    typed), the note's text after the paragraph or table that anchors it (once: a note marked
    a second time gets a mark only)."""
    def note(kind, nid, *runs):
        return '<w:%s w:id="%d"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>%s</w:p></w:%s>' % (
            kind, nid, ''.join(runs), kind)
    ref = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:%sRef/></w:r>'
    seps = ('<w:%(k)s w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:%(k)s>'
            '<w:%(k)s w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:%(k)s>')
    foot = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes %s>' % W + seps % {'k': 'footnote'} +
            note('footnote', 1, ref % 'footnote',
                 run(' Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND tỉnh về chuyển đổi số năm 2026.')) +
            note('footnote', 2, run('*'), run(' Số liệu của năm 2025.')) +
            note('footnote', 3, ref % 'footnote', run(' Gồm cả hồ sơ nộp qua dịch vụ bưu chính công ích.')) +
            '</w:footnotes>')
    end = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:endnotes %s>' % W + seps % {'k': 'endnote'} +
           note('endnote', 1, ref % 'endnote', run(' Theo mẫu tại Phụ lục kèm theo.')) + '</w:endnotes>')
    sup = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:%sReference %sw:id="%d"/>%s</w:r>'
    body = (para([run('KẾ HOẠCH')]) +
            para([run('Thực hiện chuyển đổi số năm 2026'), sup % ('footnote', '', 1, '')]) +
            para([run('Tỷ lệ hồ sơ trực tuyến đạt 80%'), sup % ('footnote', 'w:customMarkFollows="1" ', 2, '<w:t>*</w:t>')]) +
            '<w:tbl><w:tr>%s<w:tc><w:p>%s%s</w:p></w:tc></w:tr></w:tbl>' % (
                cell('Chỉ tiêu'), run('Hồ sơ trực tuyến'), sup % ('footnote', '', 3, '')) +
            para([run('Báo cáo kết quả trước ngày 15/12/2026'), sup % ('endnote', '', 1, ''), run('.')]) +
            para([run('Xem thêm Kế hoạch số 12/KH-UBND'), sup % ('footnote', '', 1, '')]))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/document.xml', document(body))
        z.writestr('word/footnotes.xml', foot)
        z.writestr('word/endnotes.xml', end)


def footnotes_odt(path):
    """The same for ODT: the mark is the note's citation ("[1]"; a label the author chose, as
    it is), the note's text after the paragraph, list or table that anchors it."""
    def note(nid, cls, citation, text, label=None):
        lab = ' text:label="%s"' % label if label else ''
        return ('<text:note text:id="%s" text:note-class="%s"><text:note-citation%s>%s</text:note-citation>'
                '<text:note-body><text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
                % (nid, cls, lab, citation, text))
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content %s><office:body><office:text>' % ODF_NS +
               '<text:h>KẾ HOẠCH</text:h>'
               '<text:p>Thực hiện chuyển đổi số năm 2026%s</text:p>'
               % note('ftn1', 'footnote', '1', 'Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND tỉnh.') +
               '<text:p>Tỷ lệ hồ sơ trực tuyến đạt 80%%%s</text:p>'
               % note('ftn2', 'footnote', '*', 'Số liệu của năm 2025.', label='*') +
               '<text:list><text:list-item><text:p>Hồ sơ trực tuyến%s</text:p></text:list-item>'
               '<text:list-item><text:p>Thanh toán trực tuyến</text:p></text:list-item></text:list>'
               % note('ftn3', 'footnote', '2', 'Gồm cả hồ sơ nộp qua bưu chính công ích.') +
               '<text:p>Báo cáo trước ngày 15/12/2026%s.</text:p>' % note('edn1', 'endnote', 'i', 'Theo mẫu tại Phụ lục.') +
               '</office:text></office:body></office:document-content>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.text')
        z.writestr('content.xml', content)


def bomb(path):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        with z.open('word/document.xml', 'w', force_zip64=True) as f:
            f.write(b'<w:document %s><w:body><w:p><w:r><w:t>' % W.encode())
            chunk = b'a' * (1 << 20)
            for _ in range(300):
                f.write(chunk)
            f.write(b'</w:t></w:r></w:p></w:body></w:document>')


if __name__ == '__main__':
    if sys.argv[1] == '--bomb':
        bomb(sys.argv[2])
    else:
        d = sys.argv[1]
        legacy(d + '/legacy_fonts.docx')
        xxe(d + '/xxe.docx')
        odt(d + '/plain.odt')
        lists_odt(d + '/lists.odt')
        legacy_real(d + '/legacy_012.docx', d + '/legacy_012.expected.txt', d + '/../encoded')
        tables(d + '/tables.docx')
        textbox(d + '/textbox.docx')
        footnotes(d + '/footnotes.docx')
        footnotes_odt(d + '/footnotes.odt')
