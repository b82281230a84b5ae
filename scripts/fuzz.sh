#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (build-fuzz/, ASan+UBSan) and runs each one over
# its seed corpus tests/fuzz/<target>/ for SECONDS, as many at once as there are processors. Seeds
# are only read: inputs found new go to build-fuzz/runs/<target>/corpus. Exits non-zero when any
# target crashes, hangs, leaks, runs out of memory or breaks a property; the input that did it is
# kept in build-fuzz/runs/<target>/ and named in the output.
# Usage: bash scripts/fuzz.sh [SECONDS]    (per target, default 14: 8 targets on 2 processors ≈ 1 min)
set -euo pipefail
seconds=${1:-14}
cd "$(dirname "$0")/.."

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Release -DDVK_FUZZ=ON \
  -DDVK_TESTS=OFF >/dev/null
cmake --build build-fuzz --target fuzz -j"$(nproc)"

# Readable stacks in reports: clang's sanitizers need llvm-symbolizer, Debian names it by version.
for s in llvm-symbolizer /usr/lib/llvm-14/bin/llvm-symbolizer; do
  if command -v "$s" >/dev/null; then
    ASAN_SYMBOLIZER_PATH=$(command -v "$s")
    export ASAN_SYMBOLIZER_PATH
    break
  fi
done
export UBSAN_OPTIONS=print_stacktrace=1

runs=build-fuzz/runs
rm -rf "$runs"

# The largest input worth trying per target, in bytes.
max_len() {
  case $1 in
    value_fuzz) echo 256 ;;
    site_yaml_fuzz) echo 4096 ;;
    *) echo 16384 ;;
  esac
}

# Runs one target; its output goes to $runs/<target>/log, its exit status to .../status.
run() {
  local target=$1 dir=$runs/$1
  mkdir -p "$dir/corpus"
  local status=0
  "./build-fuzz/$target" "$dir/corpus" "tests/fuzz/$target" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$target")" -print_final_stats=1 \
    -artifact_prefix="$dir/" >"$dir/log" 2>&1 || status=$?
  echo "$status" >"$dir/status"
}

targets=()
for source in fuzz/*_fuzz.cc; do targets+=("$(basename "$source" .cc)"); done
echo "Fuzzing ${#targets[@]} targets for ${seconds}s each, $(nproc) at a time"
for target in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= $(nproc))); do sleep 1; done
  run "$target" &
done
wait

# A figure of libFuzzer's final statistics in a log.
final_stat() { sed -n "s/^stat::$2: *//p" "$1" | tail -n 1; }

shopt -s nullglob
failed=0
for target in "${targets[@]}"; do
  dir=$runs/$target
  if [[ $(cat "$dir/status") == 0 ]]; then
    printf '%-20s %10s runs  %7s exec/s  %4s new inputs  %5s MB peak\n' "$target" \
      "$(final_stat "$dir/log" number_of_executed_units)" \
      "$(final_stat "$dir/log" average_exec_per_sec)" "$(final_stat "$dir/log" new_units_added)" \
      "$(final_stat "$dir/log" peak_rss_mb)"
  else
    failed=1
    echo "$target FAILED (exit $(cat "$dir/status")); the end of $dir/log:"
    tail -n 60 "$dir/log"
    kept=("$dir"/crash-* "$dir"/timeout-* "$dir"/leak-* "$dir"/oom-*)
    echo "Input kept: ${kept[*]:-(none)}"
  fi
done
exit "$failed"
