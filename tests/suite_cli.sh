#!/bin/sh
# The command line: usage errors, one-line errors naming the file, exit statuses, bad rules.
. tests/lib.sh
expect_exit() { # DESCRIPTION WANTED-STATUS COMMAND...
  d=$1; want=$2; shift 2
  "$@" >"$TMP/o" 2>"$TMP/e"; got=$?
  if [ "$got" -eq "$want" ]; then ok; else fail "$d: exit $got, wanted $want ($(head -2 "$TMP/e"))"; fi
}
expect_err() { # DESCRIPTION PATTERN (grep -E on stderr of the last command)
  if grep -Eq "$2" "$TMP/e"; then ok; else fail "$1: stderr was: $(head -3 "$TMP/e")"; fi
}
expect_exit "--help" 0 $VNPLAN --help
grep -q "usage: vnplan" "$TMP/o" && ok || fail "--help prints usage"
expect_exit "--version" 0 $VNPLAN --version
grep -Eq "^vnplan [0-9]+\.[0-9]+\.[0-9]+$" "$TMP/o" && ok || fail "--version format"
expect_exit "no command" 2 $VNPLAN
expect_exit "unknown command" 2 $VNPLAN frobnicate
expect_err "unknown command named" "^vnplan: unknown command 'frobnicate'$"
expect_exit "unknown option" 2 $VNPLAN extract --bogus corpus/002.txt
expect_exit "run without -o" 2 $VNPLAN run corpus
expect_exit "bad -j" 2 $VNPLAN run corpus -o "$TMP/x" -j zero
expect_exit "extract two files" 2 $VNPLAN extract corpus/002.txt corpus/003.txt
expect_exit "compare one file" 2 $VNPLAN compare corpus/002.txt
expect_exit "bad shard" 2 $VNPLAN run corpus -o "$TMP/x" --shard 3/2
# "-" reads standard input, as the same file would be read
expect_exit "extract -" 0 sh -c "$VNPLAN extract - <corpus/002.txt"
grep -q 'source="-"' "$TMP/o" && grep -q '<target ' "$TMP/o" && ok || fail "extract - reads the document from standard input"
$VNPLAN extract corpus/002.txt | sed 's/ source="[^"]*"//' >"$TMP/file.xml"
sed 's/ source="[^"]*"//' "$TMP/o" | cmp -s - "$TMP/file.xml" && ok || fail "extract - gives the XML of the file"
expect_exit "convert - of a legacy text" 0 sh -c "$VNPLAN convert - <tests/convert/encoded/004.tcvn3.txt"
$VNPLAN convert tests/convert/encoded/004.tcvn3.txt | cmp -s - "$TMP/o" && grep -q "Ninh Bình" "$TMP/o" && ok || fail "convert - decodes TCVN3 from standard input as from the file"
expect_exit "binary on standard input" 1 sh -c "head -c 3000 /dev/urandom | $VNPLAN extract -"
expect_err "binary on standard input message" "^vnplan: -: "
expect_exit "standard input over the input limit" 1 sh -c "head -c 70000000 /dev/zero | $VNPLAN convert -"
expect_err "standard input over the limit message" "^vnplan: -: input too large \(the limit is 67108864 bytes\)$"
# a missing file: one line naming it
expect_exit "missing file" 1 $VNPLAN extract "$TMP/nope.txt"
expect_err "missing file message" "^vnplan: $TMP/nope.txt: cannot open: No such file or directory$"
[ "$(wc -l <"$TMP/e")" -eq 1 ] && ok || fail "missing file: exactly one line"
# an empty file
: >"$TMP/empty.txt"
expect_exit "empty file" 1 $VNPLAN extract "$TMP/empty.txt"
expect_err "empty file message" "^vnplan: $TMP/empty.txt: "
# a batch with one bad file goes on and exits 1
mkdir -p "$TMP/in"; cp corpus/002.txt corpus/003.txt "$TMP/in/"; : >"$TMP/in/bad.txt"
expect_exit "batch with a bad file" 1 $VNPLAN run "$TMP/in" -o "$TMP/out" -j 2
[ -s "$TMP/out/002.xml" ] && [ -s "$TMP/out/003.xml" ] && ok || fail "good files of a batch are written"
grep -q 'status="error"' "$TMP/out/index.xml" && ok || fail "index.xml records the error"
expect_err "batch error names the file" "^vnplan: $TMP/in/bad.txt: "
# inputs that would write the same output name: the later ones keep their extension
mkdir -p "$TMP/dup/a"; cp corpus/002.txt "$TMP/dup/a/x.md"; cp corpus/003.txt "$TMP/dup/a/x.txt"; cp corpus/001.txt "$TMP/dup/x.txt"
expect_exit "same output names" 0 $VNPLAN run "$TMP/dup/a" "$TMP/dup/x.txt" -o "$TMP/dupo" --no-compare
grep -q "source=\"$TMP/dup/a/x.md\" output=\"x.xml\"" "$TMP/dupo/index.xml" && grep -q "source=\"$TMP/dup/a/x.txt\" output=\"x.txt.xml\"" "$TMP/dupo/index.xml" &&
  grep -q "source=\"$TMP/dup/x.txt\" output=\"x.txt.txt.xml\"" "$TMP/dupo/index.xml" && ok || fail "distinct output names for inputs with one stem"
# convert / normalise / extract on a seed
expect_exit "convert" 0 $VNPLAN convert corpus/002.txt --explain
expect_err "convert --explain" "format=text encoding=utf-8"
expect_exit "normalise" 0 $VNPLAN normalise corpus/002.txt
grep -q "^I. MỤC TIÊU$" "$TMP/o" && ok || fail "normalise keeps headings on their own line"
expect_exit "extract" 0 $VNPLAN extract corpus/002.txt
grep -q '<document xmlns="urn:vnplan:1"' "$TMP/o" && ok || fail "extract prints XML"
# bad rule files stop vnplan at start with FILE:LINE: offset N: reason
mkdir -p "$TMP/rules"; cp rules/* "$TMP/rules/"
bad_rules() { # DESCRIPTION TEXT-APPENDED-TO-header.rules PATTERN ("$line": the last line)
  cp rules/header.rules "$TMP/rules/"
  printf "%b" "$2" >>"$TMP/rules/header.rules"
  line=$(wc -l <"$TMP/rules/header.rules")
  expect_exit "$1" 2 $VNPLAN extract corpus/002.txt --rules "$TMP/rules"
  expect_err "$1 message" "$(printf '%s' "$3" | sed "s/LINE/$line/")"
}
bad_rules "bad rule" 'broken  field=number :: (unclosed\n' "^vnplan: rules/header.rules:LINE: offset [0-9]+: "
bad_rules "unknown field" 'odd  field=number :: (?<nosuchfield>x)\n' \
  "^vnplan: rules/header.rules:LINE: offset [0-9]+: unknown field 'nosuchfield'"
bad_rules "unknown attribute" 'odd  colour=red :: x\n' "unknown attribute 'colour'"
bad_rules "rule without ::" 'noseparator\n' "^vnplan: rules/header.rules:LINE: offset 0: expected"
bad_rules "attribute value not allowed" 'odd  field=level level=provnce :: x\n' \
  "^vnplan: rules/header.rules:LINE: offset [0-9]+: level=provnce is not one of national\\|province\\|district"
bad_rules "unterminated quoted value" 'odd  field=level level="province :: x\n' \
  "^vnplan: rules/header.rules:LINE: offset [0-9]+: unterminated quoted value"
bad_rules "quoted value not allowed" 'odd  field=level level="the province" :: x\n' \
  "^vnplan: rules/header.rules:LINE: offset [0-9]+: level=the province is not one of"
# a font rule naming an encoding the converters do not have is refused too
cp rules/header.rules "$TMP/rules/"; cp rules/fonts.rules "$TMP/rules/"
printf 'odd encoding=TCVN5 :: ^Foo\n' >>"$TMP/rules/fonts.rules"
expect_exit "unknown font encoding" 2 $VNPLAN extract corpus/002.txt --rules "$TMP/rules"
expect_err "unknown font encoding message" "rules/fonts.rules:$(wc -l <"$TMP/rules/fonts.rules"): offset [0-9]+: encoding=TCVN5 is not one of TCVN3\\|VNI\\|VPS\\|VISCII$"
cp rules/fonts.rules "$TMP/rules/"
# definitions: {{NAME}} before its "define NAME :: PATTERN" line, a name defined twice
bad_rules "unknown definition" 'odd  field=number :: Số {{nosuchname}}\n' \
  "^vnplan: rules/header.rules:LINE: offset [0-9]+: unknown definition 'nosuchname'"
bad_rules "definition given twice" 'define twice :: a\ndefine twice :: b\n' \
  "^vnplan: rules/header.rules:LINE: offset [0-9]+: 'twice' is already defined"
# a definition used by a rule gives the same XML as the pattern written out
cp rules/header.rules "$TMP/rules/"
$VNPLAN extract corpus/002.txt >"$TMP/plain.xml" 2>/dev/null
python3 - "$TMP/rules/header.rules" <<'PY'
import sys
p = sys.argv[1]
lines = open(p, encoding='utf-8').read().split('\n')
for k, l in enumerate(lines):
    if l.startswith('number ') and ' :: ' in l:
        name, pat = l.split(' :: ', 1)
        lines[k] = 'define number-pattern :: ' + pat + '\n' + name + ' :: {{number-pattern}}'
        break
open(p, 'w', encoding='utf-8').write('\n'.join(lines))
PY
grep -q '^define number-pattern :: ' "$TMP/rules/header.rules" && ok || fail "test setup: no number rule to rewrite"
$VNPLAN extract corpus/002.txt --rules "$TMP/rules" >"$TMP/defined.xml" 2>/dev/null
cmp -s "$TMP/plain.xml" "$TMP/defined.xml" && ok || fail "a rule written with a definition gives other XML"

# hidden files and folders of a folder run are no documents (".git", ".DS_Store", an editor's
# ".names.json")
mkdir -p "$TMP/hid/.git" && cp corpus/002.txt "$TMP/hid/" && echo '{}' >"$TMP/hid/.names.json" &&
    cp corpus/002.txt "$TMP/hid/.git/x.txt"
$VNPLAN run "$TMP/hid" -o "$TMP/hido" --no-compare >/dev/null 2>&1
if [ -f "$TMP/hido/002.xml" ] && [ ! -e "$TMP/hido/.names.xml" ] && [ ! -e "$TMP/hido/.git" ]; then ok
else fail "hidden files read: $(ls -A "$TMP/hido")"; fi
finish
