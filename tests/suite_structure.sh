#!/bin/sh
# Header and section tree: every tests/cases/**/NAME.expect is checked against the XML of
# corpus/**/NAME.txt, and the header fields of ../shared-style real documents are scored.
. tests/lib.sh
$VNPLAN run corpus -o "$TMP/out" -j 2 >/dev/null 2>"$TMP/err"
rc=$?
if [ $rc -le 1 ]; then ok; else fail "vnplan run corpus exited $rc: $(cat "$TMP/err")"; fi
for e in $(cd tests/cases && find . -name '*.expect' | sort); do
  name=${e#./}; name=${name%.expect}
  if python3 tests/xcheck.py "$TMP/out/$name.xml" "tests/cases/$name.expect"; then ok; else fail "expectations of $name"; fi
done
# a plan typed in TCVN3 (no toned capitals: "TỉNH NINH BìNH") gives the header its Windows-1258
# copy gives (020: a news text with one sentence, "ảnh minh họa", that starts with a toned
# letter: a TCVN3 text's sentence starts are put in capitals whatever their number)
for b in 004 012 020; do
  $VNPLAN extract tests/convert/encoded/$b.tcvn3.txt 2>/dev/null | sed -n '/<meta>/,/<\/meta>/p' >"$TMP/meta-tcvn3"
  $VNPLAN extract tests/convert/encoded/$b.cp1258.txt 2>/dev/null | sed -n '/<meta>/,/<\/meta>/p' >"$TMP/meta-cp1258"
  if [ -s "$TMP/meta-tcvn3" ] && cmp -s "$TMP/meta-tcvn3" "$TMP/meta-cp1258"; then ok; else fail "$b: TCVN3 header differs: $(diff "$TMP/meta-tcvn3" "$TMP/meta-cp1258" | head -4)"; fi
  # and the whole normalised text: capitals and "Ủy ban nhân dân" in running text restored
  $VNPLAN normalise tests/convert/encoded/$b.tcvn3.txt >"$TMP/n-tcvn3" 2>/dev/null
  $VNPLAN normalise tests/convert/encoded/$b.cp1258.txt >"$TMP/n-cp1258" 2>/dev/null
  if [ -s "$TMP/n-tcvn3" ] && cmp -s "$TMP/n-tcvn3" "$TMP/n-cp1258"; then ok; else fail "$b: TCVN3 text differs: $(diff "$TMP/n-tcvn3" "$TMP/n-cp1258" | head -4)"; fi
done
# a news sentence names the body with its office holder after "tỉnh": the name is no province
# (rules/provinces.tsv) and is left out; a province, "Tỉnh ủy" and "Tỉnh đoàn" stay
issuer() {
  printf '%s\n\nNội dung bài viết về kế hoạch của tỉnh.\n' "$1" >"$TMP/news.txt"
  $VNPLAN extract "$TMP/news.txt" 2>/dev/null | sed -n 's|.*<authority[^>]*>\(.*\)</authority>.*|\1|p'
}
for c in "Phó Chủ tịch UBND tỉnh Trần Song Tùng và đoàn công tác đã kiểm tra tiến độ.|UBND tỉnh" \
         "UBND tỉnh Quảng Nam Lê Trí Thanh đã ban hành kế hoạch.|UBND tỉnh Quảng Nam" \
         "UBND tỉnh Quảng Nam vừa ban hành kế hoạch.|UBND tỉnh Quảng Nam" \
         "Ban Tuyên giáo Tỉnh ủy Trà Vinh vừa ban hành kế hoạch.|Ban Tuyên giáo Tỉnh ủy Trà Vinh"; do
  got=$(issuer "${c%%|*}")
  if [ "$got" = "${c#*|}" ]; then ok; else fail "issuer of '${c%%|*}': got '$got', want '${c#*|}'"; fi
done
# an issuer named without its place ("UBND tỉnh") takes the one province the text names at
# least twice, and more often than any other; one named once in passing does not count
printf 'Ngày 22/10/2024, UBND tỉnh ban hành Kế hoạch số 185/KH-UBND về tinh giản biên chế tỉnh Ninh Bình.\n\nKế hoạch áp dụng trên địa bàn tỉnh Ninh Bình; tàu cá thuộc tỉnh Kiên Giang không thuộc phạm vi.\n' >"$TMP/bare.txt"
got=$($VNPLAN extract "$TMP/bare.txt" 2>/dev/null | sed -n 's|.*<authority[^>]*>\(.*\)</authority>.*|\1|p')
if [ "$got" = "UBND tỉnh Ninh Bình" ]; then ok; else fail "bare issuer: got '$got'"; fi
printf 'Ngày 22/10/2024, UBND tỉnh ban hành Kế hoạch số 185/KH-UBND về khai thác hải sản.\n\nĐã phát hiện tàu cá thuộc tỉnh Kiên Giang vi phạm.\n' >"$TMP/bare.txt"
got=$($VNPLAN extract "$TMP/bare.txt" 2>/dev/null | sed -n 's|.*<authority[^>]*>\(.*\)</authority>.*|\1|p')
if [ "$got" = "UBND tỉnh" ]; then ok; else fail "bare issuer, a province named once: got '$got'"; fi
# a year broken by a space in the date line ("16/7/20 21") is read whole, with a warning; a
# doubled "Căn cứ Căn cứ" still gives its reference
printf 'UBND TỈNH NINH BÌNH\nSố: 12/KH-UBND\nNinh Bình, ngày 16/7/20 21\n\nKẾ HOẠCH\nThực hiện Nghị quyết số 28/NQ-CP\n\nCăn cứ Căn cứ Nghị quyết số 28/NQ-CP ngày 03/3/20 21 của Chính phủ;\n' >"$TMP/split.txt"
$VNPLAN extract "$TMP/split.txt" >"$TMP/split.xml" 2>/dev/null
if grep -q '<date value="2021-07-16">' "$TMP/split.xml" && grep -q 'code="date-split-year"' "$TMP/split.xml" &&
   grep -q 'number="28/NQ-CP" date="2021-03-03"' "$TMP/split.xml" && [ "$(grep -c 'code="date-split-year"' "$TMP/split.xml")" = 2 ]; then ok; else fail "split year: $(grep -E '<date|<warning|<reference ' "$TMP/split.xml")"; fi
# an issuer whose level word OCR misread ("TÍNH" for "TỈNH") is given put right, with a
# warning; the same word elsewhere (a heading "TÍNH CHẤT …") is left as written
printf 'ỦY BAN NHÂN DÂN\nTÍNH QUẢNG NGÃI\nSố: 33/KH-UBND\nQuảng Ngãi, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\nPhát triển khu công nghiệp\n\nI. TÍNH CHẤT KHU QUY HOẠCH\n1. Khu công nghiệp tập trung.\n' >"$TMP/ocr.txt"
$VNPLAN extract "$TMP/ocr.txt" >"$TMP/ocr.xml" 2>/dev/null
if grep -q '<authority level="province">ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI</authority>' "$TMP/ocr.xml" &&
   grep -q 'code="ocr-issuer"' "$TMP/ocr.xml" && grep -q '<heading>TÍNH CHẤT KHU QUY HOẠCH</heading>' "$TMP/ocr.xml"; then ok; else fail "OCR'd issuer: $(grep -E '<authority|ocr-issuer|<heading' "$TMP/ocr.xml")"; fi
# a ministry's department of a province named without "TỈNH" ("CỤC HẢI QUAN HÀ NỘI") is a department,
# one of the ministry (CỤC QUẢN LÝ …) national
printf 'TỔNG CỤC HẢI QUAN\nCỤC HẢI QUAN HÀ NỘI\nSố: 123/KH-HQHN\nHà Nội, ngày 5 tháng 3 năm 2024\n\nKẾ HOẠCH\nCải cách hành chính năm 2024\n' >"$TMP/cuc.txt"
printf 'BỘ Y TẾ\nCỤC QUẢN LÝ KHÁM, CHỮA BỆNH\nSố: 12/KH-KCB\nHà Nội, ngày 5 tháng 3 năm 2024\n\nKẾ HOẠCH\nCải tiến chất lượng năm 2024\n' >"$TMP/cuc2.txt"
got="$($VNPLAN extract "$TMP/cuc.txt" 2>/dev/null | grep -o '<authority level="[a-z]*"') $($VNPLAN extract "$TMP/cuc2.txt" 2>/dev/null | grep -o '<authority level="[a-z]*"')"
if [ "$got" = '<authority level="department" <authority level="national"' ]; then ok; else fail "a province's department of a ministry: got '$got'"; fi
# a text without a headline that starts with its lead: the title is what the lead says the
# document is about, with a warning; a text with a headline keeps it
printf 'Ngày 15/3/2024, UBND tỉnh Quảng Nam ban hành Kế hoạch số 45/KH-UBND về thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2024, với mục tiêu phấn đấu có thêm 10 xã đạt chuẩn nông thôn mới.\n\nSở Nông nghiệp và Phát triển nông thôn chủ trì theo dõi, đôn đốc.\n' >"$TMP/lead.txt"
$VNPLAN extract "$TMP/lead.txt" >"$TMP/lead.xml" 2>/dev/null
if grep -q '<title>Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2024</title>' "$TMP/lead.xml" &&
   grep -q 'code="title-from-lead"' "$TMP/lead.xml"; then ok; else fail "title from the lead: $(grep -E '<title|<warning' "$TMP/lead.xml")"; fi
printf 'Quảng Nam đẩy mạnh xây dựng nông thôn mới\n\nNgày 15/3/2024, UBND tỉnh Quảng Nam ban hành Kế hoạch số 45/KH-UBND về thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2024, với mục tiêu phấn đấu có thêm 10 xã đạt chuẩn nông thôn mới.\n' >"$TMP/lead.txt"
$VNPLAN extract "$TMP/lead.txt" >"$TMP/lead.xml" 2>/dev/null
if grep -q '<title>Quảng Nam đẩy mạnh xây dựng nông thôn mới</title>' "$TMP/lead.xml" && ! grep -q 'title-from-lead' "$TMP/lead.xml"; then ok
else fail "headline kept: $(grep -E '<title|<warning' "$TMP/lead.xml")"; fi
# recipients: the issuer's file copy (the file code under it is that copy's note, no recipient) and why each copy is sent
printf 'UBND TỈNH NINH BÌNH\nSố: 12/KH-UBND\nNinh Bình, ngày 16/7/2024\n\nKẾ HOẠCH\nPhòng chống thiên tai năm 2024\n\nI. MỤC TIÊU\nBảo đảm an toàn.\n\nNơi nhận:\n- Bộ Nông nghiệp và PTNT (để b/c);\n- Các sở, ban, ngành (t/h);\n- Mặt trận Tổ quốc tỉnh (để biết);\n- Như trên;\n- Lưu: VT, VP3.\nLQ_VP3_2024\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n' >"$TMP/rec.txt"
$VNPLAN extract "$TMP/rec.txt" >"$TMP/rec.xml" 2>/dev/null
if grep -q '<recipient purpose="report">Bộ Nông nghiệp và PTNT (để b/c)</recipient>' "$TMP/rec.xml" &&
   grep -q '<recipient purpose="action">Các sở, ban, ngành (t/h)</recipient>' "$TMP/rec.xml" &&
   grep -q '<recipient purpose="information">Mặt trận Tổ quốc tỉnh (để biết)</recipient>' "$TMP/rec.xml" &&
   grep -q '<recipient>Như trên</recipient>' "$TMP/rec.xml" &&
   grep -q '<recipient kind="archive">Lưu: VT, VP3. LQ_VP3_2024</recipient>' "$TMP/rec.xml" &&
   ! grep -q '<recipient kind="archive">LQ_VP3_2024</recipient>' "$TMP/rec.xml" &&
   [ "$(grep -c '<recipient[ >]' "$TMP/rec.xml")" -eq 5 ]; then ok; else fail "recipients: $(grep '<recipient' "$TMP/rec.xml")"; fi
# rounds 25 and 26, plans in three forms (text, web page, Word): section kinds and item trees; the
# Word file is written here from Python (tests/structure-rNN/gen_docx_plan.py).  Round 26: parts
# ("PHẦN II", "B.", "Phần thứ hai" with its title below, not in capitals) over Roman sections, labels
# over lists numbered from 1 again, a table's rows "1.1" under its row "1", page numbers and running
# headers in a text not laid out in pages, bold marks inside items.  Round 27: a list numbered from 1 again
# under a sub-heading with no number nor colon ("Đối với cấp xã", "**Công tác kiểm dịch**", a centered bold
# line of a web page) or after a sentence leading into it; running headers and footers (the plan's number
# and date, "Trang 2/4", "- 3 -", the gazette's line of each page, the file's name) dropped, a line that
# comes back in every item kept; Word's numbering of three levels, restarted or counted on across w:num.
# Round 28 (text only): running headers with the page's number on their line ("Kế hoạch 45/KH-UBND – Trang 2",
# "2 | Kế hoạch …", "KH số 12/KH-MT ngày 5/3/2026 - trang 3") and issuers other than the people's committee
# ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "HUYỆN ỦY BÌNH XUYÊN", "BỘ Y TẾ") dropped; law text quoted in an item nests
# under it as paragraphs, not items of the plan.  Round 29: a list numbered from 1 again nests under the item
# that leads into it ("2. … thực hiện các nhiệm vụ sau:", its paragraph "… các nội dung sau:", "2. **Công tác
# kiểm dịch**"), a list that starts again with nothing to head it stays one list with a warning (list-restart),
# a short line broken by a running header and its page's number is joined again; Word's legal numbering
# (w:isLgl), w:lvlRestart and lists whose levels come from paragraph styles.  Round 39 (text only, with the facts
# that hang on the tree in NAME.facts, read by tests/facts/check_facts.py): texts of PDFs, laid out in pages or
# not, whose Roman headings a page's end breaks ("III. NHIỆM VỤ VÀ GIẢI" / "2" / "PHÁP", "IV." / "3" / "TỔ CHỨC
# THỰC HIỆN"), lines broken inside a date's year or after a hyphen, a table of the page; pages copied as one line
# or a sentence a line numbered "I-", "1/", "a-", "*", "+"; an outer list going on after a nested one with an
# item written as the nested ones are; a list numbered from 1 again after a clause that ends with ";".  Round 41
# (text only): a page copied as one line whose recipients and signature lie past its first 4000 bytes; lines of
# a plain text broken after a word's hyphen with the figures going on it ("Covid-" / "19 …", "2021-" / "2025 …");
# headings numbered "1." or lettered "a)" in capitals broken over two lines; an outer list going on after a nested
# one with an item written as the outer ones are ("3." after "1)", "2)"), or "3 -" with a blank before its dash
# Round 43, tables: a Word table's cell of two paragraphs is one text in its row's line (gen_docx_plan.py writes
# it); a web page's cell spanning columns (colspan) before another keeps the columns after it in their places;
# a group's row of a table laid out in columns ("I           Công tác tuyên truyền") keeps no empty cells
# Round 44 (text only): a list numbered "1)", "2)" under an item "2." goes on with "3)" whatever its sentence;
# a table laid out in columns whose rows give their number on a middle line, under groups' rows, read a row
# whole; a table copied a cell a line with a cell wrapped onto a line of its own, or a partner cell dropped
# Round 46 (text only): a page's number kept between the rows of a table copied a cell a line, or after its
# last row, left out; a table laid out in columns whose row's number line goes on in a capital read a row whole
# Round 47 (text only): parts numbered "1.", "2." with no Roman headings over a list "1)", "2)", "3)" that stays
# a list; a lettered group ("b) Nhóm giải pháp về …") after lines marked "-" closes them, no list under the last
# Round 48 (text only): a list written with another mark than the items of its style it would follow nests ("1)"
# right under "1.", each over "a)", "b)"; "3)" after "1)", "2)" under "a)" goes on under "b)"); a label ending with
# ":" after lines marked "-" ("Chỉ tiêu cụ thể:" over "+" lines) closes them, an item with its lines under it
# Round 53 (text only): "2)" after "b)" when "1)" was under "a)" goes on that run under "b)", not the outer "1.";
# the plan's number at the top of each page ("Số: 45/KH-UBND", "KH 45/KH-UBND" over the page's number) dropped
# and the item it broke joined; a form's fields keep a short run to write in ("Họ và tên: ___", "Đơn vị: …")
# Round 54 (text only): footnotes at a page's foot kept back after the item they cut, which is joined; a page's number between
# blank lines or under a line at a page's top left out; a joint issuer's name cut after its level word joined to
# its place; a form's run to write in after one space kept short
for round in r25:plan-docx r26:plan-docx-parts r27:plan-docx-levels r28: r29:plan-docx-legal r39: r41: r43:plan-docx-cells r44: r46: r47: r48: r53: r54:; do
  r=${round%%:*}; docx=${round#*:}
  mkdir -p "$TMP/${r}in"
  cp tests/structure-$r/plan-*.txt "$TMP/${r}in/"
  [ -z "$docx" ] || ! ls tests/structure-$r/plan-*.html >/dev/null 2>&1 || cp tests/structure-$r/plan-*.html "$TMP/${r}in/"
  [ -z "$docx" ] || python3 tests/structure-$r/gen_docx_plan.py "$TMP/${r}in" 2>"$TMP/${r}err"
  $VNPLAN run "$TMP/${r}in" -o "$TMP/${r}out" -j 2 >/dev/null 2>>"$TMP/${r}err"
  rc=$?
  if [ $rc -le 1 ] && { [ -z "$docx" ] || [ -f "$TMP/${r}in/$docx.docx" ]; }; then ok; else fail "structure-$r run exited $rc: $(cat "$TMP/${r}err")"; fi
  for e in tests/structure-$r/*.expect; do
    name=$(basename "$e" .expect)
    if python3 tests/xcheck.py "$TMP/${r}out/$name.xml" "$e"; then ok; else fail "expectations of structure-$r/$name"; fi
    # the facts that hang on the tree: the item or section each target, deadline and assignment falls in
    if [ -f "tests/structure-$r/$name.facts" ]; then
      if python3 tests/facts/check_facts.py "$TMP/${r}out/$name.xml" "tests/structure-$r/$name.facts" >"$TMP/${r}facts" 2>&1; then ok
      else fail "facts of structure-$r/$name: $(grep '^FAIL' "$TMP/${r}facts" | head -5)"; fi
    fi
  done
done
# no page furniture left in the text of round 27's plans
if ! grep -lE 'CÔNG BÁO/|\.docx<|>Trang [0-9]|>- [0-9]+ -<|>Kế hoạch số 45/KH-UBND' "$TMP/r27out"/plan-*.xml; then ok; else fail "structure-r27: page furniture left"; fi
# no running header left in round 28's plans; the quoted law's lettered clauses are paragraphs
if ! grep -lE '>([0-9]+ \| )?Kế hoạch [^<]*(Trang|trang|\|) [0-9]+<|rang [0-9]+<|(SỞ GIÁO DỤC VÀ ĐÀO TẠO|HUYỆN ỦY BÌNH XUYÊN|BỘ Y TẾ) ?</(p|heading)>|KH số 12/KH-MT' "$TMP/r28out"/plan-*.xml; then ok; else fail "structure-r28: page furniture left"; fi
if grep -q '<p line="[0-9]*" span="[0-9-]*">a) Nhiệm kỳ đại hội' "$TMP/r28out/plan-quoted-law.xml" &&
   grep -q '<p line="[0-9]*" span="[0-9-]*">d) Không báo cáo' "$TMP/r28out/plan-quoted-law.xml"; then ok; else fail "structure-r28: quoted clauses read as items"; fi
# round 29: the page's number of a running header joined to no text, one warning for the list that starts again
if ! grep -lE '>[0-9] (tập trung|kinh phí|kết quả)|Kế hoạch phát triển nông nghiệp hữu cơ năm 2026<' "$TMP/r29out"/plan-header-split.xml &&
   [ "$(grep -c 'code="list-restart"' "$TMP/r29out/plan-restart-flat.xml")" = 1 ] &&
   ! grep -q 'code="list-restart"' "$TMP/r29out/plan-lead-nested.xml" "$TMP/r29out/plan-lead-para.xml"; then ok
else fail "structure-r29: page furniture left or list-restart warnings wrong"; fi
# round 39: the warning of a list that starts again after a clause that ends with ";" names that line; right after an
# item's sentence it says no line heads it; no page's number nor piece of a heading left as text
if grep -q 'code="list-restart" line="15">the list numbered to 3 starts again from 1 after line 14, a clause ending with a semicolon that leads into no list' "$TMP/r39out/plan-restart-clause.xml" &&
   grep -q 'code="list-restart" line="17">the list numbered to 5 starts again from 1 with no line heading its second run' "$TMP/r29out/plan-restart-flat.xml" &&
   ! grep -qE '<p[^>]*>([0-9]{1,2}|PHÁP|TÂM|HIỆN|TỔ CHỨC THỰC HIỆN)</p>|<heading>(PHÁP|TÂM|HIỆN)</heading>' "$TMP/r39out"/plan-*-roman-pages.xml; then ok
else fail "structure-r39: list-restart messages or a broken heading: $(grep -h 'list-restart' "$TMP/r39out/plan-restart-clause.xml" "$TMP/r29out/plan-restart-flat.xml")"; fi
# round 41: the figures after a word's hyphen joined with no space, and an item's number after "Covid-" left an item;
# a page copied as one line of ten Roman sections of sixty items each (more markers than are held at once, 600 kB)
# is cut into all of them, its recipients and signature at its end too
if grep -q '>Chủ động giám sát, phát hiện sớm, không để dịch bệnh Covid-19 bùng phát [^<]* giai đoạn 2021-2025 và các năm tiếp theo.</p>' "$TMP/r41out/plan-text-hyphen-codes.xml" &&
   ! grep -q 'Covid-2\.\|Covid- ' "$TMP/r41out/plan-text-hyphen-codes.xml"; then ok
else fail "structure-r41: a word broken after its hyphen: $(grep -E '<p' "$TMP/r41out/plan-text-hyphen-codes.xml" | head -3)"; fi
python3 - "$TMP/long.txt" <<'PY'
import sys
fill = "bảo đảm an toàn thông tin mạng, kết nối, chia sẻ dữ liệu giữa các cơ quan, đơn vị và hướng dẫn người dân sử dụng các nền tảng số"
rn = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
parts = ["ỦY BAN NHÂN DÂN HUYỆN TAM DƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 58/KH-UBND",
         "Tam Dương, ngày 10 tháng 3 năm 2026 KẾ HOẠCH Chuyển đổi số năm 2026"]
for r in rn:
    parts.append("%s. NHIỆM VỤ PHẦN %s" % (r, r))
    parts += ["%d. Phòng Văn hóa và Thông tin thực hiện nhiệm vụ số %d, %s, %s, %s." % (k, k, fill, fill, fill) for k in range(1, 61)]
parts.append("Nơi nhận: - UBND tỉnh; - Sở Khoa học và Công nghệ; - Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn Hùng")
open(sys.argv[1], "w").write(" ".join(parts) + "\n")
PY
$VNPLAN extract "$TMP/long.txt" >"$TMP/long.xml" 2>/dev/null
if [ "$(grep -c '<section ' "$TMP/long.xml")" = 10 ] && [ "$(grep -c '<item ' "$TMP/long.xml")" = 600 ] &&
   [ "$(grep -c '<recipient[ >]' "$TMP/long.xml")" = 3 ] && grep -q 'name="Nguyễn Văn Hùng"' "$TMP/long.xml"; then ok
else fail "structure-r41: a long page of one line: $(grep -c '<section ' "$TMP/long.xml") sections, $(grep -c '<item ' "$TMP/long.xml") items, $(grep -c '<recipient[ >]' "$TMP/long.xml") recipients"; fi
# round 53: each field of the form a line of its own with its run to write in; no page's number joined to a line
if grep -q '<p line="[0-9]*" span="[0-9-]*">Họ và tên: ___</p>' "$TMP/r53out/plan-form-fields.xml" &&
   grep -q '<p line="[0-9]*" span="[0-9-]*">Đơn vị: …</p>' "$TMP/r53out/plan-form-fields.xml" &&
   grep -q '<p line="[0-9]*" span="[0-9-]*">Số điện thoại: \.\.\.</p>' "$TMP/r53out/plan-form-fields.xml" &&
   grep -q '<p line="[0-9]*" span="[0-9-]*">Chức vụ: ___</p>' "$TMP/r53out/plan-form-fields.xml" &&
   ! grep -qE '>(……|\.\.\.\.)' "$TMP/r53out/plan-form-fields.xml" &&
   ! grep -qE '>[0-9] |45/KH-UBND</p>' "$TMP/r53out"/plan-page-*.xml; then ok
else fail "structure-r53: form fields or page furniture: $(grep -E '<p line' "$TMP/r53out/plan-form-fields.xml")"; fi
# round 54: each field's run short after one space or none; no page's number left as a paragraph or joined to a line;
# each footnote a paragraph of its own after the item the page's turn cut, its references read
if grep -q '<p line="[0-9]*" span="[0-9-]*">Họ tên: \.\.\.</p>' "$TMP/r54out/plan-form-one-space.xml" &&
   grep -q '<p line="[0-9]*" span="[0-9-]*">Địa chỉ: …</p>' "$TMP/r54out/plan-form-one-space.xml" &&
   grep -q '<p line="[0-9]*" span="[0-9-]*">Ngày sinh: \.\.\.</p>' "$TMP/r54out/plan-form-one-space.xml" &&
   ! grep -qE '>[^<]*(\.\.\.\.|……)' "$TMP/r54out/plan-form-one-space.xml" &&
   ! grep -qE '<p[^>]*>([0-9]+|[^<]* [0-9])</p>' "$TMP/r54out"/plan-page-*.xml &&
   grep -q '<p line="[0-9]*" span="[0-9-]*">Quyết định số 6079/QĐ-UBND ngày 19/12/2025 của UBND Thành phố.</p>' "$TMP/r54out/plan-page-footnotes.xml" &&
   grep -q 'number="5521/QĐ-UBND" date="2025-11-10"' "$TMP/r54out/plan-page-footnotes.xml"; then ok
else fail "structure-r54: form fields, a page's number or a footnote left: $(grep -E '<p line' "$TMP/r54out"/plan-form-one-space.xml "$TMP/r54out"/plan-page-*.xml | head -8)"; fi
# header fields of the real page beginnings and full texts: document type, number, date, level
if [ -d tests/headers ]; then
  $VNPLAN run tests/headers/docs -o "$TMP/h" -j 2 >/dev/null 2>&1
  if python3 tests/manifest_check.py "$TMP/h" tests/headers/manifest.tsv "${MIN_HEADER_SCORE:-95}" >"$TMP/score" 2>&1; then ok; else fail "header score below ${MIN_HEADER_SCORE:-95}%: $(tail -1 "$TMP/score")"; fi
  tail -1 "$TMP/score"
fi
finish
