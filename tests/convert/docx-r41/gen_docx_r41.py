#!/usr/bin/env python3
"""Write the DOCX test files of tests/convert/docx-r41 with their expected text.

Each file holds one kind of WordprocessingML as Word writes it, made with the writer of
docx-r40 (../docx-r40/gen_docx_r40.py): runs in capitals and small capitals (w:caps,
w:smallCaps, directly or through a character or paragraph style), symbols of Wingdings 2,
Wingdings 3 and Webdings (w:sym, or text set in the font), paragraphs whose mark is hidden
(w:pPr/w:rPr/w:vanish: they run on into the next), mc:AlternateContent in the body and in a
paragraph (one branch read: the first choice the reader knows, else the fallback).  The
expected text is what a reader sees in Word.

usage: gen_docx_r41.py DIR
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'docx-r40'))
import gen_docx_r40 as g  # noqa: E402
from gen_docx_r40 import font, numpr, p, r, tbl, tc, tp, tr, write  # noqa: E402

# Word 2016's and later namespaces, which a reader of Word 2010's may not know
g.NS += (' xmlns:w16du="http://schemas.microsoft.com/office/word/2023/wordml/word16du"'
         ' xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex"')


def caps(d):
    styles = ('<w:style w:type="character" w:styleId="InHoa"><w:name w:val="In hoa"/><w:rPr><w:caps/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="InHoaNho"><w:name w:val="In hoa nho"/><w:basedOn w:val="InHoa"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="TieuDe"><w:name w:val="Tieu de"/><w:rPr><w:smallCaps/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="TieuDe2"><w:name w:val="Tieu de 2"/><w:basedOn w:val="TieuDe"/></w:style>')
    body = (p(r('Kế hoạch', '<w:caps/>')) +
            p(r('Ủy ban nhân dân', '<w:smallCaps/>'), r(' tỉnh Lai Châu', '<w:smallCaps w:val="1"/>')) +
            p(r('Căn cứ '), r('luật tổ chức chính quyền địa phương', '<w:rStyle w:val="InHoa"/>'), r(';')) +
            p(r('mục đích, yêu cầu', '<w:rStyle w:val="InHoaNho"/>')) +
            p(r('Nội dung thực hiện'), ppr='<w:pStyle w:val="TieuDe2"/>') +
            # switched off in the run: its style's capitals are not shown
            p(r('Phụ lục ', '<w:rStyle w:val="InHoa"/><w:caps w:val="0"/>'), r('kèm theo')) +
            p(r('Tổ chức thực hiện', '<w:smallCaps w:val="false"/>'), ppr='<w:pStyle w:val="TieuDe"/>') +
            # a run in a legacy font: decoded, then in capitals
            p(r('Hµ Néi', font('.VnTime') + '<w:caps/>'), r(', ngày 15 tháng 3 năm 2025')) +
            # hidden text in capitals is still hidden; a tab and a symbol are no letters
            p(r('ghi chú', '<w:caps/><w:vanish/>'), r('Số: '), r('12/kh-ubnd', '<w:caps/>')) +
            p('<w:r><w:rPr><w:caps/></w:rPr><w:t>điều</w:t><w:tab/><w:t xml:space="preserve">1 </w:t>'
              '<w:sym w:font="Symbol" w:char="F0AE"/><w:t xml:space="preserve"> phạm vi</w:t></w:r>') +
            tbl(tr(tc(p(r('stt', '<w:caps/>'))), tc(p(r('nhiệm vụ', '<w:smallCaps/>'))))))
    write(d, 'caps', body, [
        'KẾ HOẠCH',
        'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
        'Căn cứ LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG;',
        'MỤC ĐÍCH, YÊU CẦU',
        'NỘI DUNG THỰC HIỆN',
        'Phụ lục kèm theo',
        'Tổ chức thực hiện',
        'HÀ NỘI, ngày 15 tháng 3 năm 2025',
        'Số: 12/KH-UBND',
        'ĐIỀU\t1 → PHẠM VI',
        'STT | NHIỆM VỤ'], styles=styles)


def dingbats(d):
    def sym(fontname, char):
        return '<w:r><w:sym w:font="%s" w:char="%s"/></w:r>' % (fontname, char)
    body = (p(sym('Wingdings 2', 'F050'), r(' Đã hoàn thành')) +
            p(sym('Wingdings 2', 'F052'), r(' Có  '), sym('Wingdings 2', 'F0A3'), r(' Không  '), sym('Wingdings 2', 'F054'), r(' Hủy')) +
            p(sym('Wingdings 2', 'F098'), r(' Tuyên truyền'), ppr='<w:ind w:left="720"/>') +
            p(sym('Wingdings 2', 'F06A'), r(' Bước một; '), sym('Wingdings 2', 'F076'), r(' bước hai')) +
            p(sym('Wingdings 3', 'F075'), r(' Nhiệm vụ trọng tâm')) +
            p(sym('Wingdings 3', 'F070'), r(' tăng 5%; '), sym('Wingdings 3', 'F071'), r(' giảm 2%')) +
            p(r('Năm 2025 '), sym('Wingdings 3', 'F067'), r(' năm 2030')) +
            p(sym('Webdings', 'F061'), r(' Đạt  '), sym('Webdings', 'F063'), r(' Chưa đạt')) +
            p(sym('Webdings', 'F034'), r(' Tiếp theo')) +
            # text set in a symbol font: its letters are the symbols shown (Word writes the code
            # as a private-use character or as the Windows-1252 character of the byte)
            p(r('\u00d8', font('Wingdings')), r(' Kiểm tra, giám sát')) +
            p(r('v', font('Wingdings')), r(' Báo cáo định kỳ')) +
            p(r('\uf0a3', font('Wingdings 2')), r(' Chưa thực hiện')) +
            p(r('\u00fc', font('wingdings')), r(' Hoàn thành')) +
            p(r('u', font('Wingdings 3')), r(' Nội dung')) +
            # a dingbat with no character near it in Unicode: nothing; a space stays
            p(r('A ', font('Wingdings 2')), r('Ghi chú')))
    write(d, 'dingbats', body, [
        '✓ Đã hoàn thành',
        '☑ Có  □ Không  ☒ Hủy',
        '● Tuyên truyền',
        '① Bước một; ❷ bước hai',
        '▶ Nhiệm vụ trọng tâm',
        '▲ tăng 5%; ▼ giảm 2%',
        'Năm 2025 → năm 2030',
        '✔ Đạt  ⬜ Chưa đạt',
        '⏵ Tiếp theo',
        '➢ Kiểm tra, giám sát',
        '❖ Báo cáo định kỳ',
        '□ Chưa thực hiện',
        '✔ Hoàn thành',
        '▶ Nội dung',
        ' Ghi chú'])


def hidden_mark(d):
    num = ('<w:abstractNum w:abstractNumId="0">' + g.lvl(0, 'decimal', 'Điều %1.') + '</w:abstractNum>'
           '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    hid = '<w:rPr><w:vanish/></w:rPr>'
    body = (tp('QUY CHẾ') +
            # a heading and its text made one paragraph with a hidden mark (Word's style separator)
            p(r('Phạm vi điều chỉnh. '), ppr=numpr(1) + hid) +
            p(r('Quy chế này quy định việc phối hợp giữa các cơ quan.')) +
            p(r('Đối tượng áp dụng. '), ppr=numpr(1) + hid) +
            p(r('Các sở, ban, ngành'), ppr=numpr(1)) +
            # three paragraphs run on; a space typed before the hidden mark stays
            p(r('Thời gian: '), ppr=hid) + p(r('năm 2025'), ppr=hid) + p(r(' và 2026.')) +
            # a hidden mark before a table, and the last of a cell: nothing to run on into
            p(r('Biểu tổng hợp'), ppr=hid) +
            tbl(tr(tc(p(r('Chỉ tiêu'), ppr=hid)), tc('Kết quả'))) +
            p(r('Ghi chú'), ppr=hid))
    write(d, 'hidden_mark', body, [
        'QUY CHẾ',
        'Điều 1. Phạm vi điều chỉnh. Quy chế này quy định việc phối hợp giữa các cơ quan.',
        'Điều 2. Đối tượng áp dụng. Các sở, ban, ngành',
        'Thời gian: năm 2025 và 2026.',
        'Biểu tổng hợp',
        'Chỉ tiêu | Kết quả',
        'Ghi chú'], numbering=num)


def alternate(d):
    def alt(choices, fallback=None):
        return ('<mc:AlternateContent>%s%s</mc:AlternateContent>'
                % (''.join('<mc:Choice Requires="%s">%s</mc:Choice>' % c for c in choices),
                   '<mc:Fallback>%s</mc:Fallback>' % fallback if fallback is not None else ''))
    body = (tp('KẾ HOẠCH') +
            # in the body: a choice the reader knows is read, not its fallback
            alt([('w14', tp('Mục tiêu năm 2025'))], tp('Mục tiêu (bản cũ)')) +
            # a choice of a namespace it does not know: the fallback
            alt([('w16du', tp('Nội dung mới'))], tp('Nội dung thực hiện')) +
            # two choices: the first it knows
            alt([('cx1', tp('Biểu đồ')), ('wps', tp('Hình minh họa'))], tp('Hình (bản cũ)')) +
            # no choice it knows and no fallback: nothing
            alt([('cx1', tp('Biểu đồ tròn'))]) +
            # in a paragraph, around runs
            p(r('Kinh phí: '), alt([('w16du', r('5.430 triệu đồng'))], r('5.430 trđ')), r('.')) +
            p(r('Thời gian: '), alt([('w14', r('quý III'))], r('quý 3')), r(' năm 2025')) +
            # a table in the body's choice
            alt([('w14 wp14', tbl(tr(tc('STT'), tc('Nhiệm vụ'))))], tbl(tr(tc('TT'), tc('Việc')))) +
            tp('Tổ chức thực hiện'))
    write(d, 'alternate', body, [
        'KẾ HOẠCH',
        'Mục tiêu năm 2025',
        'Nội dung thực hiện',
        'Hình minh họa',
        'Kinh phí: 5.430 trđ.',
        'Thời gian: quý III năm 2025',
        'STT | Nhiệm vụ',
        'Tổ chức thực hiện'])


def main():
    d = sys.argv[1]
    for f in (caps, dingbats, hidden_mark, alternate):
        f(d)


if __name__ == '__main__':
    main()
