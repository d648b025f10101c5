#!/usr/bin/env python3
"""Write the DOCX/ODT test files of tests/convert/docx (committed with their output).

usage: gen_docx.py DIR            -> legacy_fonts.docx, xxe.docx, plain.odt
       gen_docx.py --bomb FILE    -> a DOCX whose document.xml inflates to 300 MB (not committed)
"""
import sys
import zipfile

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
