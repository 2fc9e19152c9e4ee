#!/usr/bin/env bash
# Runs the libFuzzer targets over the bundle loader and the photograph loader (tests/fuzz/) for a
# bounded time each, starting from the committed seed corpus (the pictures' seeds are generated
# with libjpeg's and libpng's encoders by the build's image_fixture). New inputs go to a scratch copy, never into the repository. A crash,
# hang, leak or sanitizer report fails the run and leaves the input in BUILD/fuzz-artifacts/: copy
# it into tests/fuzz/regressions/ (the unit tests replay that folder) and fix the bug.
# Needs the build from deploy/ci/sanitizers.sh (KIOSK_FUZZ=ON).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${KIOSK_ASAN_BUILD:-build-asan}
seconds=${KIOSK_FUZZ_SECONDS:-60}
image_seconds=${KIOSK_FUZZ_IMAGE_SECONDS:-30}
work=$(mktemp -d)
images=$(mktemp -d)
trap 'rm -rf "$work" "$images"' EXIT
cp tests/fuzz/corpus/* "$work/"
mkdir -p "$build/fuzz-artifacts"
status=0
"$build/fuzz_bundle" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict=tests/fuzz/bundle.dict -artifact_prefix="$build/fuzz-artifacts/" -print_final_stats=1 \
    "$work" >"$build/fuzz.log" 2>&1 || status=$?
grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb)" \
    "$build/fuzz.log" || true
echo "fuzz: $(ls "$work" | wc -l) inputs in the corpus after the run"
if [ "$status" -ne 0 ]; then
    tail -n 60 "$build/fuzz.log"
    echo "fuzz: FAILED (status $status); the input is in $build/fuzz-artifacts/"
fi

# The photograph loader: libjpeg, libpng and libexif behind the kiosk's limits.
"$build/image_fixture" "$images"
image_status=0
"$build/fuzz_image" -max_total_time="$image_seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
    -artifact_prefix="$build/fuzz-artifacts/image-" -print_final_stats=1 \
    "$images" >"$build/fuzz-image.log" 2>&1 || image_status=$?
grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb)" \
    "$build/fuzz-image.log" || true
if [ "$image_status" -ne 0 ]; then
    tail -n 60 "$build/fuzz-image.log"
    echo "fuzz: the image loader FAILED (status $image_status); the input is in $build/fuzz-artifacts/"
    status=$image_status
fi
exit "$status"
