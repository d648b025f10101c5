#!/usr/bin/env python3
"""pybase.py RULES IN OUT - the reference a fast vnplan is measured against.

The kind of script an analyst would otherwise write: 50 of vnplan's own rule patterns (of each
family below in turn, the first that Python's re compiles once the \\p{..} classes are
spelled out as ranges), run with re on every line of every UTF-8 document of IN,
each match written as an element of an XML tree (xml.etree) beside the NFC text, both files
through a temporary file and a rename as vnplan writes them.  Documents that are not UTF-8
text (legacy encodings, DOCX) are left out: the script cannot read them.

Prints one line:  pybase: N docs, B MB, S s, D docs/s (50 patterns)
"""
import os
import re
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET

FAMILIES = ["header", "sections", "references", "targets", "deadlines", "assignments", "budget", "genre"]
LETTER = "a-zA-Z\u00c0-\u024f\u1e00-\u1eff"
UPPER = "A-Z\u00c0-\u00de\u0102\u0110\u0128\u0168\u01a0\u01af\u1ea0-\u1ef9"
LOWER = "a-z\u00df-\u00ff\u0103\u0111\u0129\u0169\u01a1\u01b0\u1ea0-\u1ef9"
CLASSES = {"\\p{L}": LETTER, "\\p{Lu}": UPPER, "\\p{Ll}": LOWER}
UNSUPPORTED = ("(?&", "++", "*+", "?+", "}+", "(?>", "\\K", "(?|", "{{", "\\h", "(*")


def to_python(pat):
    """pcre2 syntax to re syntax, or None when re has no equivalent."""
    if any(u in pat for u in UNSUPPORTED):
        return None
    out, i, in_class = [], 0, False
    while i < len(pat):
        c = pat[i]
        if c == "\\" and pat.startswith(("\\p{L}", "\\p{Lu}", "\\p{Ll}"), i):
            key = "\\p{L}" if pat.startswith("\\p{L}", i) else pat[i:i + 6]
            rng = CLASSES[key]
            out.append(rng if in_class else "[" + rng + "]")
            i += len(key)
            continue
        if c == "\\":
            out.append(pat[i:i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class and pat[i - 1] != "[":
            in_class = False
        elif not in_class and pat.startswith("(?<", i) and pat[i + 3] not in "=!":
            out.append("(?P<")
            i += 3
            continue
        out.append(c)
        i += 1
    return "".join(out)


def load(rules_dir, want=50):
    """The first compilable patterns of each family in turn, until there are `want`."""
    per = []
    for fam in FAMILIES:
        got = []
        try:
            lines = open(os.path.join(rules_dir, fam + ".rules"), encoding="utf-8").read().splitlines()
        except OSError:
            continue
        for line in lines:
            if line.startswith("#") or " :: " not in line or line.startswith("define "):
                continue
            name, pat = line.split(" :: ", 1)
            py = to_python(pat)
            if py is None:
                continue
            try:
                got.append((fam + ":" + name.split()[0], re.compile(py)))
            except (re.error, OverflowError):
                continue
        per.append(got)
    pats = []
    for k in range(max((len(g) for g in per), default=0)):
        for g in per:
            if k < len(g) and len(pats) < want:
                pats.append(g[k])
    return pats


def main():
    rules_dir, indir, outdir = sys.argv[1:4]
    pats = load(rules_dir)
    os.makedirs(outdir, exist_ok=True)
    names = sorted(os.listdir(indir))
    t0 = time.perf_counter()
    docs = nbytes = 0
    for name in names:
        path = os.path.join(indir, name)
        if not name.endswith(".txt"):
            continue
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        text = unicodedata.normalize("NFC", text.lstrip("\ufeff")).replace("\r\n", "\n")
        root = ET.Element("document", source=path)
        facts = ET.SubElement(root, "facts")
        pos = 0
        for lineno, line in enumerate(text.split("\n"), 1):
            for rname, rx in pats:
                for m in rx.finditer(line):
                    e = ET.SubElement(facts, "match", rule=rname, line=str(lineno),
                                      span="%d-%d" % (pos + m.start(), pos + m.end()))
                    e.text = m.group(0)
            pos += len(line) + 1
        base = os.path.join(outdir, name[:-4])
        for ext, data in ((".xml", ET.tostring(root, encoding="utf-8")), (".txt", text.encode("utf-8"))):
            tmp = base + ext + ".tmp"
            with open(tmp, "wb") as f:
                f.write(data)
            os.replace(tmp, base + ext)
        docs += 1
        nbytes += len(raw)
    secs = time.perf_counter() - t0
    print("pybase: %d docs, %.2f MB, %.2f s, %.1f docs/s (%d patterns)" %
          (docs, nbytes / 1e6, secs, docs / secs if secs > 0 else 0, len(pats)))


if __name__ == "__main__":
    main()
