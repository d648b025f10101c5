#!/usr/bin/env python3
"""Write the DOCX test files of tests/convert/docx-r40 with their expected text.

Each file holds one kind of WordprocessingML as Word or LibreOffice writes it: fields, tracked
changes, symbols and hyphens, hidden text, content controls and smart tags, tabs and breaks,
numbering, merged and nested tables, the two-column header, headers and footers, text boxes,
runs in legacy fonts.  The expected text is what a reader sees in Word.

usage: gen_docx_r40.py DIR
"""
import os
import sys
import zipfile
from xml.sax.saxutils import escape as esc

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="w14 wps wpg"')
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CT = (HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '</Types>')
RELS = (HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
STYLES = (HEAD + '<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" '
          'w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="character" w:styleId="An"><w:name w:val="An"/><w:rPr><w:vanish/></w:rPr></w:style>'
          '<w:style w:type="character" w:styleId="VnChu"><w:name w:val="VnChu"/><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>'
          '%s</w:styles>')


def r(text, rpr=''):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % ('<w:rPr>%s</w:rPr>' % rpr if rpr else '', esc(text))


def font(name):
    return '<w:rFonts w:ascii="%s" w:hAnsi="%s"/>' % (name, name)


def p(*runs, ppr=''):
    return '<w:p>%s%s</w:p>' % ('<w:pPr>%s</w:pPr>' % ppr if ppr else '', ''.join(runs))


def tp(text, ppr=''):
    return p(r(text), ppr=ppr) if text else p(ppr=ppr)


def numpr(numid, ilvl=0):
    return '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (ilvl, numid)


def tc(*paras, tcpr=''):
    return '<w:tc>%s%s</w:tc>' % ('<w:tcPr>%s</w:tcPr>' % tcpr if tcpr else '',
                                  ''.join(x if x.startswith('<') else tp(x) for x in paras) or '<w:p/>')


def tr(*cells, trpr=''):
    return '<w:tr>%s%s</w:tr>' % ('<w:trPr>%s</w:trPr>' % trpr if trpr else '', ''.join(cells))


def tbl(*rows, grid=None):
    g = '<w:tblGrid>%s</w:tblGrid>' % ''.join('<w:gridCol w:w="%d"/>' % w for w in grid) if grid else ''
    return '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>%s%s</w:tbl>' % (g, ''.join(rows))


def write(dirname, name, body, expected, styles='', numbering=None, parts=None):
    # refs: (kind, part id) of the default header or footer, or (kind, part id, type)
    sect = '<w:sectPr>%s<w:pgSz w:w="11906" w:h="16838"/>%s</w:sectPr>' % (''.join(
        '<w:%sReference w:type="%s" r:id="%s"/>' % (ref[0], ref[2] if len(ref) > 2 else 'default', ref[1])
        for ref in (parts or {}).get('refs', [])), (parts or {}).get('sect', ''))
    doc = HEAD + '<w:document %s><w:body>%s%s</w:body></w:document>' % (NS, body, sect)
    rels = [('rIdS', 'styles', 'styles.xml')]
    with zipfile.ZipFile(os.path.join(dirname, name + '.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/document.xml', doc)
        z.writestr('word/styles.xml', STYLES % (NS, styles))
        if numbering:
            z.writestr('word/numbering.xml', HEAD + '<w:numbering %s>%s</w:numbering>' % (NS, numbering))
            rels.append(('rIdN', 'numbering', 'numbering.xml'))
        for pname, xml in (parts or {}).get('files', []):
            z.writestr('word/' + pname, HEAD + xml)
            rels.append((pname.split('.')[0], pname.rstrip('0123456789.xml'), pname))
        z.writestr('word/_rels/document.xml.rels', HEAD +
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>'
                   % ''.join('<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>'
                             % x for x in rels))
    with open(os.path.join(dirname, name + '.expected.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(expected) + '\n')


def fld(code, result, rpr=''):
    """A complex field as Word writes it: begin, the code in w:instrText, separate, result, end."""
    pr = '<w:rPr>%s</w:rPr>' % rpr if rpr else ''
    return ('<w:r>%s<w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r>%s<w:instrText xml:space="preserve"> %s </w:instrText></w:r>'
            '<w:r>%s<w:fldChar w:fldCharType="separate"/></w:r>%s'
            '<w:r>%s<w:fldChar w:fldCharType="end"/></w:r>') % (pr, pr, esc(code), pr, result, pr)


def fields(d):
    body = (p(r('KẾ HOẠCH')) +
            p(r('Trang '), '<w:fldSimple w:instr=" PAGE   \\* MERGEFORMAT ">%s</w:fldSimple>' % r('2'),
              r(' của kế hoạch')) +
            p(r('Thực hiện theo mục '), fld('REF _Ref123456 \\r \\h', r('II.1')), r(' của Kế hoạch này.')) +
            p(r('Hà Nội, ngày '), fld('DATE \\@ "dd/MM/yyyy"', r('15/03/2025')), r('.')) +
            # a field whose result holds another field (IF around a MERGEFIELD)
            p(r('Kính gửi: '), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
              '<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>' +
              fld('MERGEFIELD DonVi', r('«DonVi»')) +
              '<w:r><w:instrText xml:space="preserve"> = "" "" "Sở Nội vụ" </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r('Sở Nội vụ') +
              '<w:r><w:fldChar w:fldCharType="end"/></w:r>') +
            # a field with no result (an XE index entry), and a hyperlink field with a TOC line
            p(r('Mục tiêu chung'), fld('XE "Mục tiêu"', '').replace(
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', '')) +
            p(fld('HYPERLINK \\l "_Toc1"', r('I. MỤC ĐÍCH, YÊU CẦU') + r('\t') +
                  fld('PAGEREF _Toc1 \\h', r('1')))) +
            p('<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>5</w:t></w:r></w:fldSimple>', r(' trang')) +
            # a damaged field: begun, never separated nor ended; the paragraphs after it stand
            p(r('Căn cứ'), '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref9 </w:instrText></w:r>') +
            p(r('Luật Tổ chức chính quyền địa phương')))
    write(d, 'fields', body, [
        'KẾ HOẠCH',
        'Trang 2 của kế hoạch',
        'Thực hiện theo mục II.1 của Kế hoạch này.',
        'Hà Nội, ngày 15/03/2025.',
        'Kính gửi: Sở Nội vụ',
        'Mục tiêu chung',
        'I. MỤC ĐÍCH, YÊU CẦU\t1',
        '5 trang',
        'Căn cứ',
        'Luật Tổ chức chính quyền địa phương'])


def tracked(d):
    ins = '<w:ins w:id="%d" w:author="Nguyen Van A" w:date="2025-03-01T08:00:00Z">%s</w:ins>'
    dele = '<w:del w:id="%d" w:author="Nguyen Van A" w:date="2025-03-01T08:00:00Z">%s</w:del>'

    def dr(text):
        return '<w:r><w:delText xml:space="preserve">%s</w:delText></w:r>' % esc(text)
    body = (p(r('Thời gian thực hiện: '), dele % (1, dr('quý II')), ins % (2, r('quý III')), r(' năm 2025.')) +
            p(r('Kinh phí '), ins % (3, r('do ngân sách tỉnh bảo đảm')), dele % (4, dr('tự túc'))) +
            p('<w:moveFrom w:id="5" w:author="A" w:date="2025-03-01T08:00:00Z">%s</w:moveFrom>' % dr('Sở Tài chính'),
              r('Chủ trì: '),
              '<w:moveTo w:id="6" w:author="A" w:date="2025-03-01T08:00:00Z">%s</w:moveTo>' % r('Sở Tài chính')) +
            # a paragraph inserted whole, a deleted paragraph's runs
            p(ins % (7, r('Phối hợp: Sở Nội vụ.')), ppr='<w:rPr><w:ins w:id="8" w:author="A" w:date="2025-03-01T08:00:00Z"/></w:rPr>') +
            tbl(tr(tc('TT'), tc('Nội dung')),
                tr(tc('1'), tc(p(r('Tuyên truyền '), dele % (9, dr('(đã bỏ)')), ins % (10, r('phổ biến'))))),
                # a row deleted with its changes tracked
                tr(tc(p(dele % (11, dr('2')))), tc(p(dele % (12, dr('Tập huấn')))),
                   trpr='<w:del w:id="13" w:author="A" w:date="2025-03-01T08:00:00Z"/>'),
                tr(tc('3'), tc('Kiểm tra'))))
    write(d, 'tracked', body, [
        'Thời gian thực hiện: quý III năm 2025.',
        'Kinh phí do ngân sách tỉnh bảo đảm',
        'Chủ trì: Sở Tài chính',
        'Phối hợp: Sở Nội vụ.',
        'TT | Nội dung',
        '1 | Tuyên truyền phổ biến',
        '3 | Kiểm tra'])


def symbols(d):
    def sym(fontname, char):
        return '<w:r><w:sym w:font="%s" w:char="%s"/></w:r>' % (fontname, char)
    body = (p(r('Tỷ lệ hộ nghèo '), sym('Symbol', 'F0A3'), r(' 2%; tỷ lệ che phủ rừng '), sym('Symbol', 'F0B3'), r(' 42%.')) +
            p(r('Diện tích 20 '), sym('Symbol', 'F0B4'), r(' 30 m.')) +
            p(sym('Wingdings', 'F0FC'), r(' Đã hoàn thành')) +
            p(r('Năm 2025 '), sym('Symbol', 'F0AE'), r(' năm 2030')) +
            p(r('kinh tế '), sym('Times New Roman', '2013'), r(' xã hội')) +
            p(sym('Symbol', 'F02D'), r(' Tổ chức tập huấn')) +
            # a soft hyphen shows nothing unless the line breaks there; a no-break hyphen is "-"
            p(r('Kế hoạch liên'), '<w:r><w:softHyphen/></w:r>', r('ngành')) +
            p(r('Quốc lộ 1'), '<w:r><w:noBreakHyphen/></w:r>', r('A và đường Hồ Chí Minh')) +
            p(r('Số: 12/KH'), '<w:r><w:noBreakHyphen/><w:t>UBND</w:t></w:r>'))
    write(d, 'symbols', body, [
        'Tỷ lệ hộ nghèo ≤ 2%; tỷ lệ che phủ rừng ≥ 42%.',
        'Diện tích 20 × 30 m.',
        '✔ Đã hoàn thành',
        'Năm 2025 → năm 2030',
        'kinh tế – xã hội',
        '- Tổ chức tập huấn',
        'Kế hoạch liênngành',
        'Quốc lộ 1-A và đường Hồ Chí Minh',
        'Số: 12/KH-UBND'])


def hidden(d):
    body = (p(r('KẾ HOẠCH')) +
            p(r('Triển khai '), r('(ghi chú nội bộ: xem lại) ', '<w:vanish/>'), r('công tác cải cách hành chính')) +
            p(r('Phụ trách: '), r('Phòng Nội vụ', '<w:rStyle w:val="An"/>'), r('Văn phòng UBND')) +
            p(r('Bản nháp số 3', '<w:vanish/>'), ppr='<w:rPr><w:vanish/></w:rPr>') +
            p(r('Thời hạn: '), r('tháng 6', '<w:vanish w:val="0"/>'), r(' năm 2025')) +
            # a visible run in a hidden character style switched back on
            p(r('Số liệu: ', '<w:rStyle w:val="An"/><w:vanish w:val="false"/>'), r('100%')) +
            tbl(tr(tc('Chỉ tiêu'), tc(p(r('80%'), r(' (ước)', '<w:vanish/>'))))))
    write(d, 'hidden', body, [
        'KẾ HOẠCH',
        'Triển khai công tác cải cách hành chính',
        'Phụ trách: Văn phòng UBND',
        'Thời hạn: tháng 6 năm 2025',
        'Số liệu: 100%',
        'Chỉ tiêu | 80%'])


def controls(d):
    def sdt_run(alias, *runs):
        return ('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="%s"/><w:id w:val="1"/><w:date w:fullDate="2025-03-15T00:00:00Z">'
                '<w:dateFormat w:val="dd/MM/yyyy"/><w:lid w:val="vi-VN"/></w:date></w:sdtPr><w:sdtEndPr/>'
                '<w:sdtContent>%s</w:sdtContent></w:sdt>' % (alias, alias, ''.join(runs)))
    tag = '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">%s</w:smartTag>'
    body = (p(r('Hà Nội, ngày '), sdt_run('Ngay', r('15/03/2025'))) +
            p(r('Địa bàn: '), tag % (r('Hà ') + r('Nội')), r(' và '),
              tag % ('<w:smartTagPr><w:attr w:name="City" w:val="HCM"/></w:smartTagPr>' + r('TP. Hồ Chí Minh'))) +
            '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Cover Pages"/></w:docPartObj></w:sdtPr>'
            '<w:sdtContent>%s%s</w:sdtContent></w:sdt>' % (tp('I. MỤC ĐÍCH'), tp('Nâng cao chất lượng')) +
            '<w:customXml w:element="noidung">%s</w:customXml>' % tp('II. NỘI DUNG') +
            p('<w:customXml w:element="ten">%s</w:customXml>' % r('Tổ chức hội nghị'), r(' tổng kết')) +
            # a table whose rows are in a repeating-section control, one cell in a control
            tbl(tr(tc('TT'), tc('Nội dung')),
                '<w:sdt><w:sdtPr><w:id w:val="7"/></w:sdtPr><w:sdtContent>%s%s</w:sdtContent></w:sdt>' % (
                    tr(tc('1'), tc('Tập huấn')),
                    tr(tc('2'), '<w:sdt><w:sdtPr/><w:sdtContent>%s</w:sdtContent></w:sdt>' % tc('Kiểm tra')))) +
            # a drop-down whose shown entry is the run in its content
            p(r('Mức độ: '), '<w:sdt><w:sdtPr><w:dropDownList><w:listItem w:displayText="Khẩn" w:value="1"/>'
              '<w:listItem w:displayText="Thường" w:value="2"/></w:dropDownList></w:sdtPr><w:sdtContent>%s'
              '</w:sdtContent></w:sdt>' % r('Thường')))
    write(d, 'controls', body, [
        'Hà Nội, ngày 15/03/2025',
        'Địa bàn: Hà Nội và TP. Hồ Chí Minh',
        'I. MỤC ĐÍCH',
        'Nâng cao chất lượng',
        'II. NỘI DUNG',
        'Tổ chức hội nghị tổng kết',
        'TT | Nội dung',
        '1 | Tập huấn',
        '2 | Kiểm tra',
        'Mức độ: Thường'])


def breaks(d):
    body = (p(r('Số: 15/KH-UBND'), '<w:r><w:tab/></w:r>', r('Hà Nội, ngày 15 tháng 3 năm 2025')) +
            p(r('KẾ HOẠCH'), '<w:r><w:br/></w:r>', r('Tổ chức hội nghị tổng kết')) +
            p('<w:r><w:t>Nơi nhận:</w:t><w:br/><w:t>- Như trên;</w:t><w:cr/><w:t>- Lưu: VT.</w:t></w:r>') +
            # a page break at the start of a paragraph (as LibreOffice and Word write one) and one alone
            p('<w:r><w:br w:type="page"/></w:r>', r('PHỤ LỤC')) +
            p(r('Biểu 01'), '<w:r><w:br w:type="page"/></w:r>', r('Biểu 02')) +
            p('<w:r><w:lastRenderedPageBreak/><w:t>Các chỉ tiêu</w:t></w:r>') +
            p('<w:r><w:br w:type="column"/><w:t>Cột hai</w:t></w:r>'))
    write(d, 'breaks', body, [
        'Số: 15/KH-UBND\tHà Nội, ngày 15 tháng 3 năm 2025',
        'KẾ HOẠCH',
        'Tổ chức hội nghị tổng kết',
        'Nơi nhận:',
        '- Như trên;',
        '- Lưu: VT.',
        'PHỤ LỤC',
        'Biểu 01',
        'Biểu 02',
        'Các chỉ tiêu',
        'Cột hai'])


def lvl(ilvl, fmt, text, start=1, extra=''):
    return ('<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>%s'
            '<w:lvlJc w:val="left"/></w:lvl>' % (ilvl, start, fmt, text, extra))


def numbering(d):
    num = ('<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>' +
           lvl(0, 'upperRoman', '%1.') + lvl(1, 'decimal', '%2.') + lvl(2, 'decimal', '%2.%3.') +
           lvl(3, 'lowerLetter', '%4)') + '</w:abstractNum>'
           '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>' +
           lvl(0, 'bullet', '\uf02d', extra='<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>') +
           lvl(1, 'bullet', '+') + lvl(2, 'bullet', '\uf0a7', extra='<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>') +
           '</w:abstractNum>'
           '<w:abstractNum w:abstractNumId="2">' + lvl(0, 'decimal', 'Điều %1.') + '</w:abstractNum>'
           '<w:abstractNum w:abstractNumId="3">' + lvl(0, 'decimal', '(%1)', start=3) + '</w:abstractNum>'
           '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
           '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
           '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
           '<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
           '<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>')
    body = (tp('MỤC ĐÍCH, YÊU CẦU', numpr(1, 0)) +
            tp('Mục đích', numpr(1, 1)) +
            tp('Nâng cao nhận thức', numpr(1, 2)) +
            tp('Cán bộ, công chức', numpr(1, 3)) +
            tp('Người dân', numpr(1, 3)) +
            tp('Tạo chuyển biến', numpr(1, 2)) +
            tp('Yêu cầu', numpr(1, 1)) +
            tp('Bám sát thực tiễn', numpr(1, 2)) +
            tp('Các cơ quan, đơn vị:') +
            tp('Sở Nội vụ;', numpr(2, 0)) +
            tp('Các phòng chuyên môn;', numpr(2, 1)) +
            tp('Ủy ban nhân dân cấp xã.', numpr(2, 2)) +
            tp('NỘI DUNG', numpr(1, 0)) +
            tp('Tuyên truyền', numpr(1, 1)) +
            tp('Phạm vi điều chỉnh', numpr(3, 0)) +
            tp('Đối tượng áp dụng', numpr(3, 0)) +
            tp('Quy chế kèm theo:') +
            tp('Phạm vi', numpr(4, 0)) +
            tp('Hiệu lực', numpr(4, 0)) +
            tp('Căn cứ thứ ba', numpr(5, 0)) +
            tp('', numpr(5, 0)) +
            tp('Căn cứ thứ tư', numpr(5, 0)) +
            # numbering switched off on a paragraph (numId 0)
            tp('Ghi chú', numpr(0, 0)))
    write(d, 'numbering', body, [
        'I. MỤC ĐÍCH, YÊU CẦU',
        '1. Mục đích',
        '1.1. Nâng cao nhận thức',
        'a) Cán bộ, công chức',
        'b) Người dân',
        '1.2. Tạo chuyển biến',
        '2. Yêu cầu',
        '2.1. Bám sát thực tiễn',
        'Các cơ quan, đơn vị:',
        '- Sở Nội vụ;',
        '+ Các phòng chuyên môn;',
        '- Ủy ban nhân dân cấp xã.',
        'II. NỘI DUNG',
        '1. Tuyên truyền',
        'Điều 1. Phạm vi điều chỉnh',
        'Điều 2. Đối tượng áp dụng',
        'Quy chế kèm theo:',
        'Điều 1. Phạm vi',
        'Điều 2. Hiệu lực',
        '(3) Căn cứ thứ ba',
        '',
        '(4) Căn cứ thứ tư',
        'Ghi chú'], numbering=num)


def numbering_lo(d):
    """Numbering as LibreOffice writes it: a w:num per list restarted with a start override,
    levels tied to heading styles, level text with no separator."""
    num = ('<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>' +
           lvl(0, 'decimal', '%1.', extra='<w:pStyle w:val="Heading1"/><w:suff w:val="space"/>') +
           lvl(1, 'decimal', '%1.%2.', extra='<w:pStyle w:val="Heading2"/><w:suff w:val="space"/>') +
           lvl(2, 'decimal', '%1.%2.%3', extra='<w:suff w:val="tab"/>') + '</w:abstractNum>'
           '<w:abstractNum w:abstractNumId="2">' + lvl(0, 'lowerLetter', '%1)') + '</w:abstractNum>'
           '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
           '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
           '<w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    styles = ('<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/>'
              '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>')
    body = (tp('TÌNH HÌNH THỰC HIỆN', '<w:pStyle w:val="Heading1"/>') +
            tp('Kết quả đạt được', '<w:pStyle w:val="Heading2"/>') +
            tp('Về kinh tế', numpr(1, 2)) +
            tp('Về xã hội', numpr(1, 2)) +
            tp('Hạn chế', '<w:pStyle w:val="Heading2"/>') +
            tp('Chưa đồng bộ', numpr(2, 0)) +
            tp('Thiếu kinh phí', numpr(2, 0)) +
            tp('NHIỆM VỤ', '<w:pStyle w:val="Heading1"/>') +
            tp('Hoàn thiện thể chế', numpr(3, 0)) +
            tp('Đào tạo cán bộ', numpr(3, 0)))
    write(d, 'numbering_lo', body, [
        '1. TÌNH HÌNH THỰC HIỆN',
        '1.1. Kết quả đạt được',
        '1.1.1 Về kinh tế',
        '1.1.2 Về xã hội',
        '1.2. Hạn chế',
        'a) Chưa đồng bộ',
        'b) Thiếu kinh phí',
        '2. NHIỆM VỤ',
        'a) Hoàn thiện thể chế',
        'b) Đào tạo cán bộ'], styles=styles, numbering=num)


def merged(d):
    span = '<w:gridSpan w:val="%d"/>'
    vres = '<w:vMerge w:val="restart"/>'
    vcon = '<w:vMerge/>'
    body = (tp('PHÂN CÔNG NHIỆM VỤ') +
            tbl(tr(tc('TT'), tc('Nội dung'), tc('Đơn vị thực hiện', tcpr=span % 2), tc('Thời gian')),
                tr(tc('', tcpr=vcon), tc('', tcpr=vcon), tc('Chủ trì'), tc('Phối hợp'), tc('', tcpr=vcon)),
                tr(tc('1', tcpr=vres), tc('Tập huấn cán bộ'), tc('Sở Nội vụ', tcpr=vres), tc('Các sở'), tc('Quý II', tcpr=vres)),
                tr(tc('', tcpr=vcon), tc('Kiểm tra'), tc('', tcpr=vcon), tc('UBND cấp huyện'), tc('', tcpr=vcon)),
                tr(tc('Tổng cộng', tcpr=span % 4), tc('5 nhiệm vụ')),
                grid=[600, 3000, 1800, 1800, 1200]) +
            # a row that starts in the grid's second column (w:gridBefore), as LibreOffice writes one
            tbl(tr(tc('Chỉ tiêu'), tc('2024'), tc('2025')),
                tr(tc('Ghi chú: ước'), tc('x'), trpr='<w:gridBefore w:val="1"/>'),
                grid=[3000, 1500, 1500]))
    write(d, 'merged', body, [
        'PHÂN CÔNG NHIỆM VỤ',
        'TT | Nội dung | Đơn vị thực hiện |  | Thời gian',
        ' | Nội dung | Chủ trì | Phối hợp | Thời gian',
        '1 | Tập huấn cán bộ | Sở Nội vụ | Các sở | Quý II',
        ' | Kiểm tra | Sở Nội vụ | UBND cấp huyện | Quý II',
        'Tổng cộng |  |  |  | 5 nhiệm vụ',
        'Chỉ tiêu | 2024 | 2025',
        ' | Ghi chú: ước | x'])


def nested(d):
    inner = tbl(tr(tc('TT'), tc('Chỉ tiêu'), tc('Kế hoạch')),
                tr(tc('1'), tc('Hồ sơ trực tuyến'), tc('80%')))
    body = (tp('KẾ HOẠCH') +
            # the whole text in a one-cell frame table, a table inside it
            tbl(tr(tc(tp('Các chỉ tiêu chủ yếu:'), inner, tp('Nguồn: Sở Thông tin và Truyền thông.')))) +
            # a signature table whose right cell holds a table of its own
            tbl(tr(tc('Nơi nhận:', '- Như trên;'),
                   tc(tp('TM. ỦY BAN NHÂN DÂN'), tbl(tr(tc('KT. CHỦ TỊCH'))), tp('PHÓ CHỦ TỊCH')))))
    write(d, 'nested', body, [
        'KẾ HOẠCH',
        'Các chỉ tiêu chủ yếu:',
        'TT | Chỉ tiêu | Kế hoạch',
        '1 | Hồ sơ trực tuyến | 80%',
        'Nguồn: Sở Thông tin và Truyền thông.',
        'Nơi nhận: | TM. ỦY BAN NHÂN DÂN',
        '- Như trên; | KT. CHỦ TỊCH',
        ' | PHÓ CHỦ TỊCH'])


def header(d):
    """The two-column header, one row per line as many Word plans have it, with the page header
    and footer (a page number field) in their own parts: the first page's header comes before
    the body, as it is printed; the footer does not."""
    hdr = ('<w:hdr %s>%s</w:hdr>' % (NS, p(r('Dự thảo lần 2'))))
    ftr = ('<w:ftr %s>%s</w:ftr>' % (NS, p(r('Trang '), fld('PAGE', r('1')), r('/'),
                                           '<w:fldSimple w:instr="NUMPAGES">%s</w:fldSimple>' % r('3'))))
    body = (tbl(tr(tc(p(r('ỦY BAN NHÂN DÂN', '<w:b/>'))), tc(p(r('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '<w:b/>')))),
                tr(tc(p(r('TỈNH NINH BÌNH', '<w:b/>'))), tc(p(r('Độc lập - Tự do - Hạnh phúc', '<w:b/>')))),
                tr(tc(p(r('Số: 45/KH-UBND'))), tc(p(r('Ninh Bình, ngày 10 tháng 3 năm 2025', '<w:i/>')))),
                grid=[3500, 5500]) +
            tp('KẾ HOẠCH') +
            tp('Triển khai chuyển đổi số năm 2025') +
            p(r('Trang '), fld('PAGE', r('1'))))
    write(d, 'header', body, [
        'Dự thảo lần 2',
        'ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'TỈNH NINH BÌNH | Độc lập - Tự do - Hạnh phúc',
        'Số: 45/KH-UBND | Ninh Bình, ngày 10 tháng 3 năm 2025',
        'KẾ HOẠCH',
        'Triển khai chuyển đổi số năm 2025',
        'Trang 1'],
        parts={'files': [('header1.xml', hdr), ('footer1.xml', ftr)],
               'refs': [('header', 'header1'), ('footer', 'footer1')]})


def boxes(d):
    def box(*texts):
        return '<w:txbxContent>%s</w:txbxContent>' % ''.join(tp(t) for t in texts)

    def alt(content_choice, content_fallback):
        return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
                '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">%s'
                '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>%s</w:pict>'
                '</mc:Fallback></mc:AlternateContent></w:r>' % (content_choice, content_fallback))
    shape = '<wps:wsp><wps:txbx>%s</wps:txbx><wps:bodyPr/></wps:wsp>'
    group = ('<wpg:wgp><wpg:grpSpPr/>%s%s</wpg:wgp>' % (shape % box('Mẫu số 02'), shape % box('Ban hành kèm theo Kế hoạch')))
    body = (p(alt(shape % box('DỰ THẢO'), '<v:rect><v:textbox>%s</v:textbox></v:rect>' % box('DỰ THẢO'))) +
            tp('KẾ HOẠCH') +
            p(r('Biểu tổng hợp'), alt(group, '<v:group><v:rect><v:textbox>%s</v:textbox></v:rect><v:rect><v:textbox>%s</v:textbox></v:rect></v:group>'
                                     % (box('Mẫu số 02'), box('Ban hành kèm theo Kế hoạch')))) +
            tbl(tr(tc('Nội dung'), tc(p(r('Ghi chú'), alt(shape % box('Mật'), '<v:rect><v:textbox>%s</v:textbox></v:rect>' % box('Mật')))))) +
            # a box written by LibreOffice as its own mc:AlternateContent inside the paragraph
            '<w:p><mc:AlternateContent><mc:Choice Requires="wps">%s</mc:Choice><mc:Fallback>%s</mc:Fallback></mc:AlternateContent>%s</w:p>' % (
                '<w:r><w:drawing><wp:anchor><a:graphic><a:graphicData>%s</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>' % (shape % box('Khẩn')),
                '<w:r><w:pict><v:rect><v:textbox>%s</v:textbox></v:rect></w:pict></w:r>' % box('Khẩn'),
                r('Thực hiện ngay')))
    write(d, 'boxes', body, [
        '',
        'DỰ THẢO',
        'KẾ HOẠCH',
        'Biểu tổng hợp',
        'Mẫu số 02',
        'Ban hành kèm theo Kế hoạch',
        'Nội dung | Ghi chú',
        ' | Mật',
        'Thực hiện ngay',
        'Khẩn'])


def legacy(d):
    body = (p(r('Hµ Néi', font('.VnTime')), r(', ngày 15 tháng 3 năm 2025')) +
            p(r('KẾ HOẠCH ', font('Times New Roman')), r('TRIÓN KHAI', font('.VnTimeH'))) +
            p(r('Thöïc hieän ', font('VNI-Times')), r('Chương trình '), r('sè 12', '<w:rStyle w:val="VnChu"/>')) +
            p(r('Ph¹m vi: ', '<w:rFonts w:hAnsi=".VnTime"/>'), r('toàn tỉnh')) +
            tbl(tr(tc(p(r('Së Néi vô', font('.VnTime')))), tc(p(r('Chủ trì'))))) +
            tp('Nhiệm vụ', numpr(1, 0)) +
            p(r('Tæ chøc', font('.VnTime')), ppr=numpr(1, 0)))
    num = ('<w:abstractNum w:abstractNumId="0">' + lvl(0, 'decimal', '%1.') + '</w:abstractNum>'
           '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    write(d, 'legacy', body, [
        'Hà Nội, ngày 15 tháng 3 năm 2025',
        'KẾ HOẠCH TRIỂN KHAI',
        'Thực hiện Chương trình số 12',
        'Phạm vi: toàn tỉnh',
        'Sở Nội vụ | Chủ trì',
        '1. Nhiệm vụ',
        '2. Tổ chức'], numbering=num)


def main():
    d = sys.argv[1]
    for f in (fields, tracked, symbols, hidden, controls, breaks, numbering, numbering_lo, merged, nested,
              header, boxes, legacy):
        f(d)


if __name__ == '__main__':
    main()
