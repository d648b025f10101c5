#!/usr/bin/env python3
"""Write the DOCX test files of tests/convert/docx-r42 with their expected text.

Each file holds one kind of WordprocessingML as Word writes it, made with the writer of
docx-r40 (../docx-r40/gen_docx_r40.py): capitals set for the whole document (w:caps in
w:docDefaults, or in the Normal style), tracked changes whose paragraph mark is deleted (the two
paragraphs are one once the changes are accepted), lists whose w:num overrides its levels
(w:lvlOverride with w:startOverride or a w:lvl of its own, a list starting at 0), the header
block of a plan laid out in the page header (the first section's, the first page's own when it
has one; page numbers left out).  The expected text is what a reader sees in Word.

usage: gen_docx_r42.py DIR
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'docx-r40'))
import gen_docx_r40 as g  # noqa: E402
from gen_docx_r40 import NS, fld, lvl, numpr, p, r, tbl, tc, tp, tr, write  # noqa: E402


def caps_default(d):
    # the defaults' capitals, switched off by a style and by a run
    g_styles = g.STYLES
    g.STYLES = g_styles.replace('<w:sz w:val="28"/></w:rPr></w:rPrDefault>',
                                '<w:sz w:val="28"/><w:caps/></w:rPr></w:rPrDefault>')
    styles = ('<w:style w:type="paragraph" w:styleId="Thuong"><w:name w:val="Thuong"/><w:rPr><w:caps w:val="0"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Thuong2"><w:name w:val="Thuong 2"/><w:basedOn w:val="Thuong"/></w:style>')
    body = (tp('Kế hoạch') +
            p(r('Số: '), r('12/kh-ubnd')) +
            p(r('Căn cứ luật tổ chức chính quyền địa phương;'), ppr='<w:pStyle w:val="Thuong2"/>') +
            p(r('Ủy ban nhân dân '), r('tỉnh Lai Châu', '<w:caps w:val="false"/>')) +
            tbl(tr(tc('stt'), tc('nhiệm vụ'))))
    try:
        write(d, 'caps_default', body, [
            'KẾ HOẠCH',
            'SỐ: 12/KH-UBND',
            'Căn cứ luật tổ chức chính quyền địa phương;',
            'ỦY BAN NHÂN DÂN tỉnh Lai Châu',
            'STT | NHIỆM VỤ'], styles=styles)
    finally:
        g.STYLES = g_styles


def caps_normal(d):
    # capitals in the Normal style: a paragraph naming no style is Normal's; one naming another
    # style that does not set them is not
    styles = ('<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:caps/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Khac"><w:name w:val="Khac"/></w:style>')
    g_styles = g.STYLES
    g.STYLES = g_styles.replace('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>', '')
    body = tp('Mục đích, yêu cầu') + tp('Nội dung thực hiện', '<w:pStyle w:val="Khac"/>')
    try:
        write(d, 'caps_normal', body, ['MỤC ĐÍCH, YÊU CẦU', 'Nội dung thực hiện'], styles=styles)
    finally:
        g.STYLES = g_styles


def tracked_marks(d):
    ins = '<w:ins w:id="%d" w:author="Nguyen Van A" w:date="2025-03-01T08:00:00Z">%s</w:ins>'
    dele = '<w:del w:id="%d" w:author="Nguyen Van A" w:date="2025-03-01T08:00:00Z">%s</w:del>'
    delmark = '<w:rPr><w:del w:id="%d" w:author="Nguyen Van A" w:date="2025-03-01T08:00:00Z"/></w:rPr>'
    insmark = '<w:rPr><w:ins w:id="%d" w:author="Nguyen Van A" w:date="2025-03-01T08:00:00Z"/></w:rPr>'

    def dr(text):
        return '<w:r><w:delText xml:space="preserve">%s</w:delText></w:r>' % g.esc(text)
    num = ('<w:abstractNum w:abstractNumId="0">' + lvl(0, 'decimal', '%1.') + '</w:abstractNum>'
           '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    body = (tp('KẾ HOẠCH') +
            # a paragraph mark deleted: the paragraph runs on into the next
            p(r('Thời gian thực hiện: '), ppr=delmark % 1) +
            p(r('quý III năm 2025.')) +
            # the mark and the text before it deleted: the kept text runs on
            p(r('Kinh phí do '), dele % (2, dr('đơn vị tự túc.')), ppr=delmark % 3) +
            p(ins % (4, r('ngân sách tỉnh')), r(' bảo đảm.')) +
            # a paragraph deleted whole (its text and its mark): nothing
            p(dele % (5, dr('Nội dung đã bỏ.')), ppr=delmark % 6) +
            # a numbered paragraph whose mark is deleted: one item, its number once
            p(r('Tuyên truyền, '), ppr=numpr(1) + delmark % 7) +
            p(r('phổ biến kế hoạch;'), ppr=numpr(1)) +
            p(r('Kiểm tra, giám sát.'), ppr=numpr(1)) +
            # an inserted paragraph mark splits one paragraph into two
            p(r('Giao Sở Nội vụ chủ trì.'), ppr=insmark % 8) +
            p(ins % (9, r('Các sở phối hợp.'))) +
            # the deleted mark of a paragraph before a table: the table stays apart
            p(r('Biểu tổng hợp'), ppr=delmark % 10) +
            tbl(tr(tc('TT'), tc(p(r('Nội dung '), dele % (11, dr('cũ')), ins % (12, r('mới')))))) +
            tp('Tổ chức thực hiện'))
    write(d, 'tracked_marks', body, [
        'KẾ HOẠCH',
        'Thời gian thực hiện: quý III năm 2025.',
        'Kinh phí do ngân sách tỉnh bảo đảm.',
        '1. Tuyên truyền, phổ biến kế hoạch;',
        '2. Kiểm tra, giám sát.',
        'Giao Sở Nội vụ chủ trì.',
        'Các sở phối hợp.',
        'Biểu tổng hợp',
        'TT | Nội dung mới',
        'Tổ chức thực hiện'], numbering=num)


def overrides(d):
    num = ('<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>' +
           lvl(0, 'decimal', '%1.') + lvl(1, 'lowerLetter', '%2)') + '</w:abstractNum>'
           '<w:abstractNum w:abstractNumId="1">' + lvl(0, 'decimal', 'Điều %1.') + '</w:abstractNum>'
           '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
           # the list's levels replaced: upper Roman from 3 ("III."), its second level "1.1." from 5
           '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
           '<w:lvlOverride w:ilvl="0">' + lvl(0, 'upperRoman', '%1.', start=3) + '</w:lvlOverride>'
           '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/>' + lvl(1, 'decimal', '%1.%2.') + '</w:lvlOverride></w:num>'
           # a start override and a level of its own: the override's start wins
           '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/>'
           + lvl(0, 'decimal', 'Khoản %1.', start=2) + '</w:lvlOverride></w:num>'
           # a list starting at 0
           '<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="0"/></w:lvlOverride></w:num>')
    body = (tp('Mục tiêu', numpr(1, 0)) +
            tp('Cụ thể', numpr(1, 1)) +
            tp('Nhiệm vụ', numpr(1, 0)) +
            tp('Giải pháp', numpr(2, 0)) +
            tp('Tuyên truyền', numpr(2, 1)) +
            tp('Đào tạo', numpr(2, 1)) +
            tp('Kinh phí', numpr(2, 0)) +
            tp('Ngân sách', numpr(2, 1)) +
            tp('Phạm vi', numpr(3, 0)) +
            tp('Đối tượng', numpr(3, 0)) +
            tp('Quy định chung', numpr(4, 0)) +
            tp('Quy định riêng', numpr(4, 0)))
    write(d, 'overrides', body, [
        '1. Mục tiêu',
        'a) Cụ thể',
        '2. Nhiệm vụ',
        'III. Giải pháp',
        'III.5. Tuyên truyền',
        'III.6. Đào tạo',
        'IV. Kinh phí',
        'IV.5. Ngân sách',
        'Khoản 7. Phạm vi',
        'Khoản 8. Đối tượng',
        'Điều 0. Quy định chung',
        'Điều 1. Quy định riêng'], numbering=num)


def page_header(d):
    """The issuer, number and date of a plan laid out in the first page's header (w:titlePg):
    the document's header, before its body; the header of the later pages (a running head with
    the page number) is not."""
    first = ('<w:hdr %s>%s</w:hdr>' % (NS, tbl(
        tr(tc(p(r('ỦY BAN NHÂN DÂN', '<w:b/>'))), tc(p(r('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '<w:b/>')))),
        tr(tc(p(r('TỈNH LAI CHÂU', '<w:b/>'))), tc(p(r('Độc lập - Tự do - Hạnh phúc', '<w:b/>')))),
        tr(tc(p(r('Số: 88/KH-UBND'))), tc(p(r('Lai Châu, ngày 2 tháng 4 năm 2025', '<w:i/>')))))))
    other = ('<w:hdr %s>%s%s</w:hdr>' % (NS, p(fld('PAGE', r('2'))), p(r('Kế hoạch số 88/KH-UBND'))))
    body = tp('KẾ HOẠCH') + tp('Phát triển du lịch năm 2025')
    write(d, 'page_header', body, [
        'ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'TỈNH LAI CHÂU | Độc lập - Tự do - Hạnh phúc',
        'Số: 88/KH-UBND | Lai Châu, ngày 2 tháng 4 năm 2025',
        'KẾ HOẠCH',
        'Phát triển du lịch năm 2025'],
        parts={'files': [('header1.xml', first), ('header2.xml', other)],
               'refs': [('header', 'header2'), ('header', 'header1', 'first')], 'sect': '<w:titlePg/>'})


def page_number_header(d):
    """A section with no first-page header of its own: its default header is the first page's;
    a line with the page number (a complex field or w:fldSimple) is left out, the rest kept."""
    hdr = ('<w:hdr %s>%s%s%s</w:hdr>' % (NS, p(r('Trang '), fld('PAGE', r('1')), r('/'),
                                              '<w:fldSimple w:instr=" NUMPAGES \\* MERGEFORMAT">%s</w:fldSimple>' % r('3')),
                                         p(r('Số: 15/TB-UBND')),
                                         p('<w:fldSimple w:instr="PAGE">%s</w:fldSimple>' % r('1'))))
    body = tp('THÔNG BÁO') + tp('Kết luận của Chủ tịch')
    write(d, 'page_number_header', body, ['Số: 15/TB-UBND', 'THÔNG BÁO', 'Kết luận của Chủ tịch'],
          parts={'files': [('header1.xml', hdr)], 'refs': [('header', 'header1')]})


def main():
    d = sys.argv[1]
    for f in (caps_default, caps_normal, tracked_marks, overrides, page_header, page_number_header):
        f(d)


if __name__ == '__main__':
    main()
