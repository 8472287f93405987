#!/usr/bin/env bash
# Opens a gridplan report in headless Chromium (Debian package `chromium`) and checks that it
#   1. loads without console messages (the report has no scripts, so any message - an "Uncaught"
#      error above all - or a failed or refused request is a failure),
#   2. has its content in the rendered DOM (verdict, headline table, inline SVG charts), and
#   3. renders a screenshot that is not blank (many distinct colours, enough non-white pixels), at
#      1280 px (OUT.png), and at a desktop's 1400 px and a phone's 420 px (OUT-1400.png, OUT-420.png),
#   4. prints to PDF (OUT.pdf) on A4 pages, the one-page summary first, so at least two pages.
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

# 3. The screenshots are not blank. PNG decoded with the standard library only (zlib).
not_blank() {
    python3 - "$1" <<'PY'
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
}
if [[ ! -s $out ]]; then
    fail "no screenshot written to $out"
else
    not_blank "$out" || status=1
fi
for width in 1400 420; do
    shot="${out%.png}-$width.png"
    rm -f "$shot"
    # Tall enough for the summary, verdict and the first tables at either width.
    chrome --window-size="$width,3000" --screenshot="$shot" "$url" >"$work/shot-$width.out" 2>&1 \
        || fail "chromium exited with $? taking the $width px screenshot"
    if [[ ! -s $shot ]]; then
        fail "no $width px screenshot written to $shot"
    else
        not_blank "$shot" || status=1
    fi
done

# 4. Print to PDF: A4 pages (595 x 842 pt), the one-page summary on its own first page.
pdf="${out%.png}.pdf"
rm -f "$pdf"
chrome --no-pdf-header-footer --print-to-pdf="$pdf" "$url" >"$work/pdf.out" 2>&1 \
    || fail "chromium exited with $? printing to PDF"
if [[ ! -s $pdf ]]; then
    fail "no PDF written to $pdf"
else
    python3 - "$pdf" <<'PY' || status=1
import re, sys
data = open(sys.argv[1], "rb").read()
problems = []
if not data.startswith(b"%PDF-"):
    problems.append("not a PDF")
pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
if pages < 2:
    problems.append("%d page(s); the summary is page one, so a report has at least two" % pages)
for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data):
    w, h = [float(v) for v in box.split()[2:4]]
    if abs(w - 595.3) > 2 or abs(h - 841.9) > 2:
        problems.append("a page of %.0f x %.0f pt, not A4" % (w, h))
        break
for p in problems:
    print("check-report: FAIL: PDF: " + p, file=sys.stderr)
print("check-report: PDF of %d A4 pages" % pages)
sys.exit(1 if problems else 0)
PY
fi

if [[ $status -eq 0 ]]; then
    echo "check-report: OK $report -> $out"
fi
exit $status
