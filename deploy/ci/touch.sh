#!/usr/bin/env bash
# The kiosk lock in a real window: under Xvfb, a kiosk started with `window.kiosk = true` fills
# the screen, survives Alt+F4, Esc, Ctrl+Q and Ctrl+W sent to its window and a tap, and stops
# cleanly (exit 0) on SIGTERM. Usage: deploy/ci/touch.sh BUILD_DIR   (about 5 s)
set -euo pipefail
build=$(cd "${1:?build directory}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/kiosk.toml" <<'TOML'
[window]
kiosk = true
[idle]
quiet_s = 3
countdown_s = 1
TOML
cat >"$work/inside.sh" <<INSIDE
#!/usr/bin/env bash
set -u
"$build/kiosk" --config "$work/kiosk.toml" >"$work/kiosk.log" 2>&1 &
pid=\$!
for _ in \$(seq 50); do window=\$(xdotool search --pid \$pid 2>/dev/null | head -1); [ -n "\$window" ] && break; sleep 0.1; done
[ -n "\${window:-}" ] || { echo "touch.sh: no kiosk window"; exit 1; }
geometry=\$(xdotool getwindowgeometry "\$window" | sed -n 's/.*Geometry: //p')
[ "\$geometry" = 1024x600 ] || { echo "touch.sh: kiosk window is \$geometry, not the whole 1024x600 screen"; exit 1; }
for key in alt+F4 Escape ctrl+q ctrl+w; do xdotool key --window "\$window" \$key 2>/dev/null; done
xdotool mousemove 500 300 click 1
sleep 4.5  # through the idle card and the reset into the attract loop
kill -0 \$pid || { echo "touch.sh: a quit key or the idle reset ended the locked kiosk"; exit 1; }
kill -TERM \$pid
wait \$pid || { echo "touch.sh: kiosk exited \$? on SIGTERM"; exit 1; }
INSIDE
chmod +x "$work/inside.sh"
# Xvfb's own messages go to a file of their own, shown when the run fails (xvfb-run drops them).
if ! xvfb-run -a -e "$work/xvfb.log" -s "-screen 0 1024x600x24" "$work/inside.sh"; then
    cat "$work/kiosk.log"
    echo "touch.sh: what Xvfb said:"
    cat "$work/xvfb.log"
    exit 1
fi
echo "touch.sh: the kiosk lock held under Xvfb"
