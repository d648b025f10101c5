#!/usr/bin/env python3
"""Scores vnplan's header fields against a hand-written manifest (../shared/corpus style).

usage: manifest_check.py OUTDIR MANIFEST.tsv [MIN_PERCENT]
For every manifest row whose file was processed (OUTDIR/<file without .txt>.xml), compares
document type, number, date and authority level; prints mismatches and the share right per
field and overall; exits 1 when the overall share is below MIN_PERCENT (default 0).
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = {"v": "urn:vnplan:1"}


def norm_num(s):
    s = re.sub(r"[\s.]", "", s or "")
    return s


def main():
    outdir, manifest = sys.argv[1], sys.argv[2]
    minimum = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    rows = [l.rstrip("\n").split("\t") for l in open(manifest, encoding="utf-8")][1:]
    right = {"doctype": 0, "number": 0, "date": 0, "level": 0}
    seen = {k: 0 for k in right}
    for r in rows:
        f, kind, dtype, level, issuer, number, date = r[0], r[2], r[3], r[4], r[5], r[6], r[7]
        path = f"{outdir}/{os.path.splitext(f)[0]}.xml"
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError):
            print(f"{f}: no output")
            for k in seen:
                seen[k] += 1
            continue
        meta = root.find("v:meta", NS)

        def get(el, attr=None):
            e = meta.find("v:" + el, NS)
            if e is None:
                return None
            return e.get(attr) if attr else (e.text or "")

        checks = {}
        t = dtype.split()[0].split("+")[0] if dtype else ""
        if t == "news":
            checks["doctype"] = (root.get("genre") == "news", "genre=news", root.get("genre"))
        elif t in ("KH", "QĐ", "TB", "CV", "TTr", "NQ", "CT"):
            got = get("doctype", "code")
            checks["doctype"] = (got == t, t, got)
        if number and not number.startswith("107 ("):
            want = number.split(";")[0].split(" (")[0]
            seq, sym = get("number", "seq"), get("number", "symbol")
            got = f"{seq}/{sym}" if sym else (seq or "")
            # a Party body's number is printed "45-KH/HU": compare it as printed too
            printed = get("number") or ""
            good = norm_num(got) == norm_num(want) or norm_num(printed) == norm_num(want) or (
                "/" not in want and norm_num(seq) == norm_num(want))
            checks["number"] = (good, want, got)
        if date:
            got = get("date", "value")
            checks["date"] = (got is not None and (got == date or got.startswith(date)), date, got)
        if level:
            got = get("authority", "level")
            checks["level"] = (got == level, level, got)
        for k, (good, want, got) in checks.items():
            seen[k] += 1
            if good:
                right[k] += 1
            else:
                print(f"{f}: {k}: expected {want!r}, got {got!r}")
    tot_r = sum(right.values())
    tot_s = sum(seen.values())
    for k in right:
        if seen[k]:
            print(f"{k}: {right[k]}/{seen[k]} ({100.0 * right[k] / seen[k]:.0f}%)")
    share = 100.0 * tot_r / tot_s if tot_s else 100.0
    print(f"overall: {tot_r}/{tot_s} ({share:.1f}%)")
    sys.exit(0 if share >= minimum else 1)


if __name__ == "__main__":
    main()
