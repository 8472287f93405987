#!/usr/bin/env bash
# Opens a gridplan report in headless Chromium (Debian package `chromium`) and checks that it
#   1. loads without console messages (the report has no scripts, so any message - an "Uncaught"
#      error above all - or a failed or refused request is a failure),
#   2. has its content in the rendered DOM (verdict, headline table, inline SVG charts), and
#   3. renders a screenshot that is not blank (many distinct colours, enough non-white pixels).
#
# Usage: check-report.sh REPORT.html OUT.png
# Exit codes: 0 all checks pass, 1 a check failed, 2 bad usage or missing tools.
#
# Sample reports to check are written by the results tests (SampleReportTest):
#   mvn -B -q -pl results -am test -Dtest=SampleReportTest -Dsurefire.failIfNoSpecifiedTests=false
#   results/src/test/browser/check-report.sh results/target/sample-report/report-en.html /tmp/report-en.png
# and the report of a real batch, the full-size quickstart, by the scenario tests (ScenarioCommandsIT):
#   results/src/test/browser/check-report.sh scenarios/target/quickstart-report/report.html /tmp/quickstart.png
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 REPORT.html OUT.png" >&2
    exit 2
fi
report=$1
out=$2
if [[ ! -f $report ]]; then
    echo "check-report: $report: no such file" >&2
    exit 2
fi
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
    echo "check-report: chromium not found (Debian: apt-get install -y chromium)" >&2
    exit 2
fi
if ! command -v python3 >/dev/null; then
    echo "check-report: python3 not found" >&2
    exit 2
fi

url="file://$(realpath "$report")"
mkdir -p "$(dirname "$out")"
out=$(realpath -m "$out")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

chrome() {
    # A fresh profile each time; no network services, GPU, sync or updates.
    timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-default-apps --disable-extensions --mute-audio --hide-scrollbars \
        --user-data-dir="$(mktemp -d -p "$work")" "$@"
}

status=0
fail() {
    echo "check-report: FAIL: $*" >&2
    status=1
}

# 1. Screenshot, with the console and network log on stderr.
rm -f "$out"
chrome --enable-logging=stderr --v=0 --window-size=1280,2000 --screenshot="$out" "$url" \
    >"$work/shot.out" 2>"$work/shot.err" || fail "chromium exited with $? while taking the screenshot"
if grep -E "Uncaught|:CONSOLE|net::ERR_|Refused to|Failed to load resource" "$work/shot.err" \
        >"$work/console.txt"; then
    fail "console errors while loading $report:"
    sed 's/^/    /' "$work/console.txt" >&2
fi

# 2. The rendered DOM has the report's content.
chrome --dump-dom "$url" >"$work/dom.html" 2>"$work/dom.err" || fail "chromium exited with $? dumping the DOM"
python3 - "$work/dom.html" <<'PY' || status=1
import re, sys
dom = open(sys.argv[1], encoding="utf-8", errors="replace").read()
problems = []
for needle in ('id="verdict"', 'id="headline"', 'id="charts"', 'id="maps"'):
    if needle not in dom:
        problems.append("missing " + needle)
svgs = len(re.findall(r"<svg[\s>]", dom))
if svgs < 8:
    problems.append("only %d inline SVG charts" % svgs)
if "NaN" in dom:
    problems.append("NaN in the page")
for p in problems:
    print("check-report: FAIL: DOM: " + p, file=sys.stderr)
print("check-report: DOM has %d inline SVG charts" % svgs)
sys.exit(1 if problems else 0)
PY

# 3. The screenshot is not blank. PNG decoded with the standard library only (zlib).
if [[ ! -s $out ]]; then
    fail "no screenshot written to $out"
else
    python3 - "$out" <<'PY' || status=1
import struct, sys, zlib

def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit("check-report: FAIL: %s is not a PNG" % path)
    pos, idat, width = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise SystemExit("check-report: FAIL: unsupported PNG (depth %d, colour type %d)" % (depth, ctype))
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows

w, h, bpp, rows = pixels(sys.argv[1])
colours, ink = set(), 0
for row in rows:
    for x in range(0, len(row), bpp):
        px = row[x:x + 3]
        colours.add(px)
        if min(px) < 200:
            ink += 1
share = ink / (w * h)
print("check-report: screenshot %dx%d, %d distinct colours, %.1f%% of pixels inked" % (w, h, len(colours), 100 * share))
if len(colours) < 64 or share < 0.01:
    print("check-report: FAIL: the screenshot looks blank", file=sys.stderr)
    sys.exit(1)
PY
fi

if [[ $status -eq 0 ]]; then
    echo "check-report: OK $report -> $out"
fi
exit $status
