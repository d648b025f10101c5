#!/usr/bin/env python3
"""Checks a vnplan XML document against an expectation file.

Each line of the expectation file is `KEY = VALUE` (blank lines and # comments ignored):
  genre, sections (kinds in order, comma separated), sections.count,
  META.ATTR or META (text) for meta children: authority, authority.level, authority.parent,
  doctype, doctype.code, number, number.seq, number.symbol, place, date, date.value, title,
  period.from, period.to, signature.authority, signature.position, signature.name,
  recipients (count), recipient.N (text of the N-th),
  heading.N (heading of the N-th section), part.N (the id of the part the N-th section is under, or empty),
  warnings (the codes of the diagnostics, comma separated, in order),
  items.N (the ids of the N-th section's items at every depth, in order, each with its number or
  marker in brackets: "s2.1(1),s2.1.1(a),s2.1.1.1(-)"), item.ID (the heading of the item with that
  id, else the text of its first paragraph).
A value written `~text` only has to be contained in the actual value.
Prints one line per mismatch; exit status 1 when any.
"""
import sys
import xml.etree.ElementTree as ET

NS = {"v": "urn:vnplan:1"}


def actual(root, key):
    meta = root.find("v:meta", NS)
    secs = root.findall("v:body/v:section", NS)
    if key == "genre":
        return root.get("genre")
    if key == "sections":
        return ",".join(s.get("kind") for s in secs)
    if key == "sections.count":
        return str(len(secs))
    if key == "warnings":
        return ",".join(w.get("code") for w in root.findall("v:diagnostics/v:warning", NS))
    if key == "recipients":
        return str(len(root.findall("v:meta/v:recipients/v:recipient", NS)))
    if key.startswith("recipient."):
        r = root.findall("v:meta/v:recipients/v:recipient", NS)
        n = int(key.split(".")[1])
        return r[n - 1].text if len(r) >= n else None
    if key.startswith("items."):
        n = int(key.split(".")[1])
        if len(secs) < n:
            return None
        return ",".join("%s(%s)" % (i.get("id"), i.get("num") or i.get("marker") or "")
                        for i in secs[n - 1].iter("{urn:vnplan:1}item"))
    if key.startswith("item."):
        for i in root.iter("{urn:vnplan:1}item"):
            if i.get("id") == key[5:]:
                h = i.find("v:heading", NS)
                if h is None:
                    h = i.find("v:p", NS)
                return "".join(h.itertext()) if h is not None else ""
        return None
    if key.startswith("part."):
        n = int(key.split(".")[1])
        if len(secs) < n:
            return None
        return secs[n - 1].get("part") or ""
    if key.startswith("heading."):
        n = int(key.split(".")[1])
        if len(secs) < n:
            return None
        h = secs[n - 1].find("v:heading", NS)
        return h.text if h is not None else ""
    el, _, attr = key.partition(".")
    e = meta.find("v:" + el, NS) if meta is not None else None
    if e is None:
        return None
    return e.get(attr) if attr else (e.text or "")


def main():
    root = ET.parse(sys.argv[1]).getroot()
    bad = 0
    for raw in open(sys.argv[2], encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, want = line.partition("=")
        key, want = key.strip(), want.strip()
        got = actual(root, key)
        if want.startswith("~"):
            good = got is not None and want[1:] in got
        else:
            good = (got or "") == want if want == "" else got == want
        if not good:
            print(f"{sys.argv[1]}: {key}: expected {want!r}, got {got!r}")
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
