#!/usr/bin/env python3
"""Write docs/fresh-r48-pccc-rung.odt: a district's plan on forest fire prevention saved as ODT
(paragraphs and headings in content.xml, the mimetype stored first and uncompressed)."""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "docs", "fresh-r48-pccc-rung.odt")

LINES = [
    ("p", "ỦY BAN NHÂN DÂN HUYỆN HƯƠNG SƠN"),
    ("p", "Số: 58/KH-UBND"),
    ("p", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("p", "Độc lập - Tự do - Hạnh phúc"),
    ("p", "Hương Sơn, ngày 07 tháng 3 năm 2025"),
    ("h", "KẾ HOẠCH"),
    ("p", "Phòng cháy, chữa cháy rừng mùa khô năm 2025 trên địa bàn huyện Hương Sơn"),
    ("p", "Căn cứ Luật Lâm nghiệp ngày 15/11/2017;"),
    ("p", "Thực hiện Kế hoạch số 96/KH-UBND ngày 20/02/2025 của UBND tỉnh Hà Tĩnh về phòng cháy, chữa cháy rừng năm 2025;"),
    ("p", "Ủy ban nhân dân huyện Hương Sơn ban hành Kế hoạch như sau:"),
    ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("p", "1. Chủ động phòng ngừa, phát hiện sớm và chữa cháy kịp thời, hạn chế thấp nhất thiệt hại do cháy rừng gây ra."),
    ("p", "2. Phấn đấu không để xảy ra cháy rừng lớn trên địa bàn huyện."),
    ("p", "3. 100% chủ rừng là tổ chức xây dựng phương án phòng cháy, chữa cháy rừng."),
    ("h", "II. NHIỆM VỤ, GIẢI PHÁP"),
    ("p", "1. Hạt Kiểm lâm huyện chủ trì, phối hợp với Ban Chỉ huy Quân sự huyện rà soát, cập nhật bản đồ vùng trọng điểm cháy rừng, hoàn thành trước ngày 31/3/2025."),
    ("p", "2. Hạt Kiểm lâm huyện bố trí lực lượng trực 24/24 giờ tại các chốt canh lửa trong thời gian từ ngày 01/4/2025 đến ngày 30/9/2025."),
    ("p", "3. Công an huyện điều tra, xử lý nghiêm các vụ vi phạm quy định về phòng cháy, chữa cháy rừng."),
    ("p", "4. Ủy ban nhân dân các xã, thị trấn có rừng tổ chức diễn tập chữa cháy rừng ít nhất 01 lần trong tháng 4/2025."),
    ("h", "III. KINH PHÍ"),
    ("p", "Kinh phí thực hiện từ nguồn ngân sách huyện và kinh phí của các chủ rừng."),
    ("h", "IV. TỔ CHỨC THỰC HIỆN"),
    ("p", "1. Phòng Nông nghiệp và Phát triển nông thôn tham mưu Ủy ban nhân dân huyện kiểm tra công tác phòng cháy, chữa cháy rừng tại các xã định kỳ hằng quý."),
    ("p", "2. Hạt Kiểm lâm huyện là cơ quan thường trực, tổng hợp, báo cáo Ủy ban nhân dân huyện trước ngày 15/10/2025."),
    ("p", "Nơi nhận:"),
    ("p", "- UBND tỉnh (b/c);"),
    ("p", "- Chi cục Kiểm lâm tỉnh;"),
    ("p", "- UBND các xã, thị trấn;"),
    ("p", "- Lưu: VT, NN."),
    ("p", "TM. ỦY BAN NHÂN DÂN"),
    ("p", "CHỦ TỊCH"),
    ("p", "Lê Văn Minh"),
]

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')


def content():
    body = []
    for kind, text in LINES:
        if kind == "h":
            body.append('<text:h text:outline-level="1">%s</text:h>' % escape(text))
        else:
            body.append("<text:p>%s</text:p>" % escape(text))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.2">'
            "<office:body><office:text>%s</office:text></office:body></office:document-content>\n"
            % (NS, "".join(body)))


MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>\n")


def main():
    fixed = (2025, 3, 7, 8, 0, 0)
    with zipfile.ZipFile(OUT, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", fixed), "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        for name, data in (("content.xml", content()), ("META-INF/manifest.xml", MANIFEST)):
            info = zipfile.ZipInfo(name, fixed)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


if __name__ == "__main__":
    main()
