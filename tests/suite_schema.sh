#!/bin/sh
# Every output validates against schema/vnplan.rng; -j 1 and -j 2 give byte-identical files;
# an unchanged rerun rewrites nothing; every span lies inside NAME.txt.
. tests/lib.sh
R=${VNPLAN_RELEASE:-$VNPLAN}
$R run corpus tests/compare -o "$TMP/a" -j 1 >/dev/null 2>&1
$R run corpus tests/compare -o "$TMP/b" -j 2 >/dev/null 2>&1
n=0
for f in $(cd "$TMP/a" && find . -name '*.xml' | sort); do
  n=$((n+1))
  if xmllint --noout --relaxng schema/vnplan.rng "$TMP/a/$f" 2>"$TMP/v"; then ok; else fail "schema: $f: $(grep -v validates "$TMP/v" | head -2)"; fi
done
[ "$n" -gt 5 ] && ok || fail "too few outputs ($n)"
# a joint document's second issuer (<co-authority>) and a header with no number nor type whose
# opening sentence issues it: valid, and present
for f in tests/facts/docs/header-joint-columns.txt tests/facts/docs/doctype-issued-official.txt; do
  $R extract "$f" >"$TMP/one.xml" 2>/dev/null
  if xmllint --noout --relaxng schema/vnplan.rng "$TMP/one.xml" 2>"$TMP/v"; then ok; else fail "schema: $f: $(grep -v validates "$TMP/v" | head -2)"; fi
done
$R extract tests/facts/docs/header-joint-columns.txt >"$TMP/one.xml" 2>/dev/null
if grep -q '<co-authority level="district">HUYỆN ĐOÀN NGHI LỘC</co-authority>' "$TMP/one.xml"; then ok; else fail "schema: no co-authority in header-joint-columns"; fi
# a target set for a named group ("Tổ dân phố Đắc Lộc 1: tối thiểu 85% …"): its scope attribute, valid
$R extract tests/facts/docs/target-scope-groups.txt >"$TMP/one.xml" 2>/dev/null
if xmllint --noout --relaxng schema/vnplan.rng "$TMP/one.xml" 2>"$TMP/v"; then ok; else fail "schema: target-scope-groups: $(grep -v validates "$TMP/v" | head -2)"; fi
if grep -q 'scope="Tổ dân phố Đắc Lộc 1"' "$TMP/one.xml"; then ok; else fail "schema: no target scope in target-scope-groups"; fi
if diff -r "$TMP/a" "$TMP/b" >"$TMP/d" 2>&1; then ok; else fail "-j 1 and -j 2 differ: $(head -5 "$TMP/d")"; fi
# spans: every span start-end lies within the text and the line attribute matches
if python3 - "$TMP/a" <<'PY'
import sys, os, re, xml.etree.ElementTree as ET
bad = 0
root = sys.argv[1]
for dp, _, fs in os.walk(root):
    for f in fs:
        if not f.endswith(".xml") or f == "index.xml" or "compliance" in dp:
            continue
        x = os.path.join(dp, f)
        t = open(x[:-4] + ".txt", "rb").read()
        for e in ET.parse(x).iter():
            sp = e.get("span")
            if not sp:
                continue
            s, en = map(int, sp.split("-"))
            if not (0 <= s <= en <= len(t)):
                print("span out of range", x, sp); bad += 1; continue
            ln = e.get("line")
            if ln and t[:s].count(b"\n") + 1 != int(ln):
                print("line mismatch", x, sp, ln); bad += 1
            v = e.get("value")
            txt = t[s:en].decode("utf-8", "replace")
            whole = re.sub(r"(?<=\d)[.,](?=\d{3}(?!\d))", "", txt)  # "47.500" is 47500
            scaled = any(w in txt for w in ("nghìn", "ngàn", "triệu"))  # "23,5 nghìn" is 23500
            # a goal of none: "Không để xảy ra …" (its words may hold a road's number: "Quốc lộ 1")
            none = v == "0" and re.match(r"(?i)\s*không", txt) is not None and not re.search(r"(?<![\d.,])0(?![\d.,])", txt)
            # all of a count: "20/20 trạm y tế …", "Toàn bộ 26 xã …", "Tất cả 12 trường …" are 100%
            whole_count = v == "100" and re.match(r"(?i)\s*(?:(\d+)\s*/\s*\1(?!\d)|toàn bộ|tất cả)", txt) is not None
            # a share of a count: "18/20 xã …" is 90%
            sc = re.match(r"\s*(\d+)\s*/\s*(\d+)(?!\d)", txt)
            share_count = sc is not None and bool(v) and int(sc.group(2)) > 0 and v.replace(".", "", 1).isdigit() and \
                abs(float(v) - 100.0 * int(sc.group(1)) / int(sc.group(2))) < 0.01
            if e.tag.endswith("target") and v and not scaled and not none and not whole_count and not share_count and v.split(".")[0] not in txt.replace(",", ".").split(".")[0] + txt + whole:
                print("target span without its value", x, sp, v); bad += 1
sys.exit(1 if bad else 0)
PY
then ok; else fail "spans"; fi
# an unchanged rerun skips every document and leaves the files as they were
cp -r "$TMP/a" "$TMP/a0"
$R run corpus tests/compare -o "$TMP/a" -j 2 >/dev/null 2>&1
if diff -r "$TMP/a0" "$TMP/a" >/dev/null; then ok; else fail "an unchanged rerun changed the outputs"; fi
finish
