#!/bin/sh
# suite_convert.sh - stage 1 (convert): encodings, damage repair, formats, hostile files.
# Run from the repository root with VNPLAN=path/to/vnplan.
VNPLAN=${VNPLAN:-./vnplan}
D=tests/convert
pass=0; fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }

# same_output FILE EXPECTED: converted FILE equals EXPECTED byte for byte
same_output() {
    if "$VNPLAN" convert "$1" > "$tmp/out" 2> "$tmp/err" && cmp -s "$tmp/out" "$2"; then
        ok
    else
        ko "$1 (expected $2)"
        diff "$tmp/out" "$2" 2>/dev/null | head -6
        head -2 "$tmp/err"
    fi
}

# same_nfc FILE EXPECTED: converted FILE equals the NFC form of EXPECTED byte for byte
same_nfc() {
    if ! python3 -c 'import sys, unicodedata
sys.stdout.write(unicodedata.normalize("NFC", open(sys.argv[1], encoding="utf-8").read()))' "$2" > "$tmp/want"; then
        ko "$2: cannot normalise the expected text"
        return
    fi
    same_output "$1" "$tmp/want"
}

# has_lines FILE PATTERN...: each fixed string occurs in the converted text
has_lines() {
    f=$1; shift
    if ! "$VNPLAN" convert "$f" > "$tmp/out" 2> "$tmp/err"; then
        ko "$f: conversion failed: $(head -1 "$tmp/err")"
        return
    fi
    for p in "$@"; do
        if grep -qF -- "$p" "$tmp/out"; then ok; else ko "$f: missing \"$p\""; fi
    done
}

# refuses FILE REASON: nonzero exit, one line "vnplan: FILE: ...REASON..."
refuses() {
    if "$VNPLAN" convert "$1" > "$tmp/out" 2> "$tmp/err"; then
        ko "$1: accepted, expected refusal ($2)"
    elif grep -qF -- "$2" "$tmp/err" && [ ! -s "$tmp/out" ]; then
        ok
    else
        ko "$1: wrong refusal: $(head -1 "$tmp/err") (wanted: $2)"
    fi
}

# 1. every encoding pair
for f in "$D"/encoded/[0-9]*.txt; do
    same_output "$f" "$D/encoded/expected/$(basename "$f")"
done

# 2. damaged files, repaired per paragraph
for f in "$D"/encoded/mixed/*.txt; do
    case $f in *.expected.txt) continue ;; esac
    same_output "$f" "${f%.txt}.expected.txt"
done

# 3. UTF-16 with and without BOM, UTF-8 with BOM
src=$D/encoded/expected/012.vni.txt
iconv -f UTF-8 -t UTF-16LE "$src" > "$tmp/le.txt"
iconv -f UTF-8 -t UTF-16BE "$src" > "$tmp/be.txt"
{ printf '\377\376'; cat "$tmp/le.txt"; } > "$tmp/le-bom.txt"
{ printf '\376\377'; cat "$tmp/be.txt"; } > "$tmp/be-bom.txt"
{ printf '\357\273\277'; cat "$src"; } > "$tmp/utf8-bom.txt"
for f in le be le-bom be-bom utf8-bom; do
    same_output "$tmp/$f.txt" "$src"
done

# 4. HTML: article body only, declared charset honoured
same_output "$D/html/portal.html" "$D/html/portal.expected.txt"
same_output "$D/html/portal-cp1258.html" "$D/html/portal-cp1258.expected.txt"

# 5. DOCX with .VnTime, .VnTimeH, VNI-Times and Unicode runs in one paragraph; ODT
same_output "$D/docx/legacy_fonts.docx" "$D/docx/legacy_fonts.expected.txt"
same_output "$D/docx/plain.odt" "$D/docx/plain.expected.txt"
# real TCVN3 / VNI text of encoded/012 in .VnTime, .VnTimeH and VNI-Times runs, some mixed
# with Unicode runs in one paragraph; expected = the independent decoding in encoded/expected
same_output "$D/docx/legacy_012.docx" "$D/docx/legacy_012.expected.txt"
# table rows with several paragraphs per cell: line k of every cell side by side
same_output "$D/docx/tables.docx" "$D/docx/tables.expected.txt"
# ODT lists numbered from their list styles (levels, continued and restarted numbering,
# start values, display-levels "1.1.", bullets, style from the paragraph style) and
# headings from the outline style
same_output "$D/docx/lists.odt" "$D/docx/lists.expected.txt"
has_lines "$D/files/lungcu-quy-che-2025.docx" "QUY CHẾ" "Điều 1. Phạm vi điều chỉnh" "ĐẢNG CỘNG SẢN VIỆT NAM"

# 6. PDF text layer: exactly what `pdftotext -layout` prints (NFC), form feeds between pages
for f in "$D"/pdf/*.layout.txt; do
    name=$(basename "$f" .layout.txt)
    same_nfc "$D/files/$name.pdf" "$f"
done
if "$VNPLAN" convert "$D/files/ninhbinh-kh-193-2024.pdf" > "$tmp/out" 2>/dev/null &&
   head -1 "$tmp/out" | grep -q "ỦY BAN NHÂN DÂN  .*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"; then
    ok
else
    ko "193 pdf: header columns not side by side"
fi
# a scan whose only text is its e-signature stamp: the stamp, and a warning about the rest
if "$VNPLAN" convert --explain "$D/files/bavi-nq-115.pdf" > "$tmp/out" 2> "$tmp/err" &&
   grep -q "warning: pdf-little-text: .* scanned images" "$tmp/err"; then
    ok
else
    ko "bavi-nq-115.pdf: no warning about the scanned pages: $(cat "$tmp/err")"
fi
refuses "$D/files/scanned-bavi-nq-115.pdf" "PDF has no text layer (scanned image); OCR is not supported"
head -c 40000 "$D/files/ninhbinh-kh-193-2024.pdf" > "$tmp/cut.pdf"
if "$VNPLAN" convert "$tmp/cut.pdf" > "$tmp/out" 2> "$tmp/err" || [ "$(wc -l < "$tmp/err")" -eq 1 ]; then
    ok
else
    ko "truncated PDF: more than one line of error: $(head -3 "$tmp/err")"
fi

# 7. Word 97 .doc
has_lines "$D/files/binhthuan-gia-han-dai-hoi.doc" "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Số:" "/UBND-NCKSTTHC"
has_lines "$D/files/binhthuan-tb-giai-the-hoi.doc" "THÔNG BÁO" "/TB-UBND"

# 7b. RTF (catdoc): Unicode as \uN escapes, and Windows-1258 bytes under \ansicpg1258; text and
# expected output from encoded/012 and its independent decoding (tests/convert/rtf/gen_rtf.py)
same_output "$D/rtf/unicode.rtf" "$D/rtf/unicode.expected.txt"
same_output "$D/rtf/cp1258.rtf" "$D/rtf/cp1258.expected.txt"

# 8. hostile and empty files
: > "$tmp/empty.txt"
refuses "$tmp/empty.txt" "empty file"
printf '\000\001\002\003\004\005\006\007\377\376\375\000\020\021binary\000\000' > "$tmp/noise.bin"
refuses "$tmp/noise.bin" "not a text document (binary data)"
refuses "$D/docx/xxe.docx" "declares a DTD"
if python3 "$D/docx/gen_docx.py" --bomb "$tmp/bomb.docx" 2>/dev/null; then
    refuses "$tmp/bomb.docx" "beyond the limit"
else
    ko "could not build the zip bomb test file"
fi
printf 'PK\003\004garbage' > "$tmp/broken.docx"
refuses "$tmp/broken.docx" "zip archive"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
