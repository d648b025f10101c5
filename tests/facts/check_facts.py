#!/usr/bin/env python3
"""check_facts.py XML EXPECT [XML EXPECT ...] - every expected fact is in the vnplan XML.

EXPECT has one fact a line:  KIND key=value ... (shell quoting for values with spaces)
KIND is reference|target|deadline|assignment|source|amount; key=value must equal the
attribute; key~=value means the attribute (or "text", or "indicator") contains value;
min=N asks for at least N matching elements, max=N for at most N; "no KIND key=value" asks for none.
Prints FAIL lines and "N passed, M failed" (the caller adds the totals)."""
import shlex
import sys
import xml.etree.ElementTree as ET

NS = "{urn:vnplan:1}"


def value_of(el, key):
    if key == "text":
        return "".join(el.itertext())
    if key == "indicator":
        ind = el.find(NS + "indicator")
        return "".join(ind.itertext()) if ind is not None else None
    return el.get(key)


def matches(el, conds):
    for key, op, val in conds:
        got = value_of(el, key)
        if got is None:
            return False
        if op == "=" and got != val:
            return False
        if op == "~=" and val not in got:
            return False
    return True


def check(xml_path, exp_path):
    """The (passed, failed) counts of one EXPECT file against its XML; prints FAIL lines."""
    try:
        root = ET.parse(xml_path).getroot()
    except (OSError, ET.ParseError) as e:
        print("FAIL: %s: cannot read %s: %s" % (exp_path, xml_path, e))
        return 0, 1
    passed = failed = 0
    for lineno, line in enumerate(open(exp_path, encoding="utf-8"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = shlex.split(line)
        negate = words[0] == "no"
        if negate:
            words = words[1:]
        kind, conds, need, most = words[0], [], 1, None
        for w in words[1:]:
            if "~=" in w:
                k, v = w.split("~=", 1)
                conds.append((k, "~=", v))
            else:
                k, v = w.split("=", 1)
                if k == "min":
                    need = int(v)
                elif k == "max":
                    most = int(v)
                else:
                    conds.append((k, "=", v))
        found = [el for el in root.iter(NS + kind) if matches(el, conds)]
        ok = (len(found) == 0) if negate else (need <= len(found) and (most is None or len(found) <= most))
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL: %s:%d: %s (found %d)" % (exp_path, lineno, line, len(found)))
    return passed, failed


def main():
    args = sys.argv[1:]
    if not args or len(args) % 2:
        sys.exit("usage: check_facts.py XML EXPECT [XML EXPECT ...]")
    passed = failed = 0
    for i in range(0, len(args), 2):
        p, f = check(args[i], args[i + 1])
        passed += p
        failed += f
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
