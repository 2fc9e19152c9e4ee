#!/usr/bin/env bash
# side_by_side.sh - the kiosk and a Chromium kiosk measured the same way in one run, and the ratios.
#
#   tests/bench/side_by_side.sh [BUILD_DIR]        (default: build; run from the repository)
#
# A manual command, not part of CI: Chromium is heavy. Needs Debian's chromium, xvfb, xdotool,
# imagemagick and python3 (measure.sh's own needs) and a built kiosk + kiosk_bench. About 3 minutes.
#
# What it runs, one after the other, each after the machine has been quiet for 3 s:
#   1. Chromium: the shared baseline script measure.sh unchanged (its own Xvfb 1920x1080x24, Chromium
#      in kiosk mode showing article.html; window mapped and content painted by a screen poll,
#      first-contentful-paint, PSS/RSS/USS summed over its processes at t = 10 s, idle CPU over 20 s).
#   2. kiosk: the same measure.sh again, with a `chromium` first on PATH that runs build/kiosk
#      (--size 1920x1080) instead. Same Xvfb set-up, same poller, same timeline, same /proc sums.
#      The kiosk also writes its frame log (KIOSK_FRAME_LOG): its own first-frame time stands beside
#      Chromium's first-contentful-paint, and the frames drawn in the idle window are counted.
#   3. kiosk_bench at 1080x1920, headless and under Xvfb, for what measure.sh does not take.
# Then a table: each figure for both, Chromium / kiosk, and issue 8's Chromium targets.
#
# Environment: CHROMIUM_BENCH (the folder with measure.sh; default ../shared/bench/chromium from the
# repository, else /work/shared/bench/chromium), OUT (where the outputs stay; default a new temp
# folder), QUIET_MAX_WAIT_S (default 300), BENCH_ARGS (extra kiosk_bench arguments, e.g. --quick).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
kiosk="$build/kiosk"
bench="$build/kiosk_bench"
chromium_bench=${CHROMIUM_BENCH:-}
if [ -z "$chromium_bench" ]; then
    for dir in "$repo/../shared/bench/chromium" /work/shared/bench/chromium; do
        [ -x "$dir/measure.sh" ] && { chromium_bench=$(cd "$dir" && pwd); break; }
    done
fi
[ -x "$kiosk" ] && [ -x "$bench" ] || { echo "error: build $build first (kiosk, kiosk_bench)" >&2; exit 1; }
[ -n "$chromium_bench" ] && [ -x "$chromium_bench/measure.sh" ] ||
    { echo "error: measure.sh not found; set CHROMIUM_BENCH" >&2; exit 1; }
for tool in chromium Xvfb xdotool import /usr/bin/python3; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found (apt-get install chromium xvfb xdotool imagemagick python3)" >&2; exit 1; }
done
out=${OUT:-$(mktemp -d -t kiosk-side-by-side.XXXXXX)}
mkdir -p "$out"
quiet_max=${QUIET_MAX_WAIT_S:-300}

# % of one core the whole machine was busy over 3 s.
busy_pct() {
    local a b ta=0 tb=0 i
    read -ra a < <(head -1 /proc/stat); sleep 3; read -ra b < <(head -1 /proc/stat)
    for i in 1 2 3 4 5 6 7 8; do ta=$((ta + a[i])); tb=$((tb + b[i])); done
    echo $(( ((tb - b[4] - b[5]) - (ta - a[4] - a[5])) * 100 / ($(getconf CLK_TCK) * 3) ))
}
wait_quiet() {  # $1: label; appends the busy figure to $out/quiet.txt
    local waited=0 b
    while :; do
        b=$(busy_pct)
        [ "$b" -lt 15 ] && break
        waited=$((waited + 3))
        if [ "$waited" -ge "$quiet_max" ]; then
            echo "warning: machine still $b % busy after ${waited} s; measuring $1 anyway" >&2
            break
        fi
    done
    echo "$1: machine busy before the run: $b % of one core (waited ${waited} s)" | tee -a "$out/quiet.txt" >&2
}

# The stand-in `chromium`: measure.sh asks it for --version and launches it with Chromium's flags.
shim="$out/shim"
mkdir -p "$shim"
cat >"$shim/chromium" <<EOF
#!/bin/sh
# Stand-in for Chromium inside measure.sh: runs the kiosk on the same display, ignoring Chromium's flags.
[ "\$1" = --version ] && exec "$kiosk" --version
exec "$kiosk" --size 1920x1080
EOF
chmod +x "$shim/chromium"

echo "== 1/3 Chromium (measure.sh) ==" >&2
wait_quiet chromium
SCREENSHOT="$out/chromium.png" "$chromium_bench/measure.sh" >"$out/chromium.txt" 2>"$out/chromium.stderr"

echo "== 2/3 kiosk (measure.sh with the kiosk as 'chromium') ==" >&2
wait_quiet kiosk
: >"$out/kiosk-frames.log"
PATH="$shim:$PATH" KIOSK_FRAME_LOG="$out/kiosk-frames.log" SCREENSHOT="$out/kiosk.png" \
    "$chromium_bench/measure.sh" >"$out/kiosk.txt" 2>"$out/kiosk.stderr"

echo "== 3/3 kiosk_bench at 1080x1920 ==" >&2
wait_quiet kiosk_bench
# shellcheck disable=SC2086
"$bench" --json "$out/bench.json" ${BENCH_ARGS:-} >"$out/bench.txt" 2>"$out/bench.stderr" || true

/usr/bin/python3 - "$out" <<'PYEOF' | tee "$out/summary.txt"
import json, os, sys
out = sys.argv[1]

def fields(path):
    kv = {}
    for line in open(path, errors='replace'):
        key, sep, value = line.partition(': ')
        if sep:
            kv[key.strip()] = value.strip()
    return kv

def num(kv, key):
    try:
        return float(kv.get(key, ''))
    except ValueError:
        return None

c, k = fields(f'{out}/chromium.txt'), fields(f'{out}/kiosk.txt')
launch = num(k, 'launch_epoch_ms')
frames = []
for line in open(f'{out}/kiosk-frames.log'):
    parts = dict(p.split('=', 1) for p in line.split())
    frames.append((float(parts['epoch_ms']), int(parts['runs'])))
first_frame = frames[0][0] - launch if frames and launch else None
article = next((t - launch for t, runs in frames if runs > 0), None) if launch else None
idle_s = num(k, 'idle_window_s') or 20.0
idle_start = launch + 10500.0 if launch else None          # measure.sh: max(10.5 s, counter + 1 s); no counter
idle_frames = sum(1 for t, _ in frames if idle_start and idle_start <= t <= idle_start + idle_s * 1000.0)

rows = [  # label, chromium value, kiosk value, lower is better
    ('launch -> window mapped (ms)', num(c, 'window_mapped_ms'), num(k, 'window_mapped_ms')),
    ('launch -> content painted, screen poll every 100 ms (ms)', num(c, 'content_painted_ms'), num(k, 'content_painted_ms')),
    ('launch -> first paint as the program reports it (ms) [1]', num(c, 'fcp_reported_by_chromium_ms'), article),
    ('PSS total at t = 10 s (MiB)', num(c, 'pss_total_mib'), num(k, 'pss_total_mib')),
    ('RSS total at t = 10 s (MiB)', num(c, 'rss_total_mib'), num(k, 'rss_total_mib')),
    ('USS total at t = 10 s (MiB)', num(c, 'uss_total_mib'), num(k, 'uss_total_mib')),
    ('processes', num(c, 'process_count'), num(k, 'process_count')),
    ('CPU used in the first 10 s (s)', num(c, 'cpu_seconds_first_10s'), num(k, 'cpu_seconds_first_10s')),
    ('idle CPU, 20 s window (% of one core, 10 ms ticks)', num(c, 'idle_cpu_pct_of_one_core'), num(k, 'idle_cpu_pct_of_one_core')),
    ('Xvfb idle CPU in that window (% of one core)', num(c, 'xvfb_idle_cpu_pct_of_one_core'), num(k, 'xvfb_idle_cpu_pct_of_one_core')),
]
def fmt(v):
    return 'n/a' if v is None else ('%.2f' % v if abs(v) < 10 else '%.0f' % v)
def ratio(a, b):
    if a is None or b is None:
        return 'n/a'
    if b == 0:
        return 'inf' if a > 0 else 'n/a'
    return 'x%.1f' % (a / b)
print()
print('Chromium kiosk vs kiosk, same measure.sh, same Xvfb set-up (1920x1080x24), one run')
print(f"chromium: {c.get('chromium_version', '?')}")
print(f"kiosk:    {k.get('chromium_version', '?')}")
print()
print('| figure | Chromium | kiosk | Chromium / kiosk |')
print('|---|---|---|---|')
for label, a, b in rows:
    print(f'| {label} | {fmt(a)} | {fmt(b)} | {ratio(a, b)} |')
print(f'| kiosk: frames drawn in the idle window / in the whole run | | {idle_frames} / {len(frames)} | |')
print(f"| screen unchanged during the idle window | {c.get('screen_static_during_idle', '?')} | {k.get('screen_static_during_idle', '?')} | |")
print(f"| machine busy during the idle window, others (% of one core) | {c.get('machine_busy_during_idle_other_pct_of_one_core', '?')} | {k.get('machine_busy_during_idle_other_pct_of_one_core', '?')} | |")
print(f"| machine CPU used by others in the first 10 s (s) | {c.get('machine_cpu_seconds_first_10s_other', '?')} | {k.get('machine_cpu_seconds_first_10s_other', '?')} | |")
def clean(kv):  # run_series.sh's rejection rules
    other10, other_idle = num(kv, 'machine_cpu_seconds_first_10s_other'), num(kv, 'machine_busy_during_idle_other_pct_of_one_core')
    return 'yes' if other10 is not None and other10 <= 1.0 and other_idle is not None and other_idle <= 10.0 else 'NO'
print(f'| undisturbed by run_series.sh\'s rules (others <= 1.0 s in 10 s, <= 10 % idle) | {clean(c)} | {clean(k)} | |')
print()
print('[1] Chromium: first-contentful-paint from PerformanceObserver. kiosk: its first presented frame with')
print(f'    article text in it, from its frame log (first frame of any kind: {fmt(first_frame)} ms).')

bench = {}
try:
    bench = json.load(open(f'{out}/bench.json'))
except (OSError, ValueError):
    pass
def dig(d, *path):
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return None
        d = d[p]
    return d
b_article = dig(bench, 'xvfb', 'kiosk_binary', 'startup', 'article_visible_ms')
b_rss = dig(bench, 'xvfb', 'kiosk_binary', 'memory', 'rss_mib')

print()
print("issue 8's Chromium targets, from this run")
def check(name, value, limit, higher_is_better=True):
    ok = value is not None and (value >= limit if higher_is_better else value <= limit)
    print(f"  {'PASS' if ok else 'FAIL'} {name}: {fmt(value) if value is not None else 'n/a'} (needs {'>=' if higher_is_better else '<='} {limit})")
cp, kp = num(c, 'content_painted_ms'), num(k, 'content_painted_ms')
check('article visible >= 5x sooner, screen poll vs screen poll', cp / kp if cp and kp else None, 5.0)
fcp = num(c, 'fcp_reported_by_chromium_ms')
check('article visible >= 5x sooner, as each reports it', fcp / article if fcp and article else None, 5.0)
cpss, kpss, krss = num(c, 'pss_total_mib'), num(k, 'pss_total_mib'), num(k, 'rss_total_mib')
check("memory >= 5x below Chromium's PSS, PSS vs PSS (same sum, same run)", cpss / kpss if cpss and kpss else None, 5.0)
check("memory >= 5x below Chromium's PSS, kiosk RSS (shared pages counted in full)", cpss / krss if cpss and krss else None, 5.0)
if b_rss:
    check("memory >= 5x below Chromium's PSS, kiosk RSS at 1080x1920 (kiosk_bench)", cpss / b_rss if cpss else None, 5.0)
if b_article and cp:
    check('article visible >= 5x sooner (kiosk_bench 1080x1920 vs Chromium screen poll)', cp / b_article, 5.0)
print()
print(f'outputs: {out} (chromium.txt, kiosk.txt, kiosk-frames.log, bench.txt, bench.json, *.png)')
PYEOF
