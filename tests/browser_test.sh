#!/usr/bin/env bash
# Opens the home, a unit, a model and the showcase page of the bundled example in headless Chromium
# at 360 px and 1280 px; fails on any console message (dvk's pages log nothing when all is well).
# Screenshots are kept in SHOTS (default build/screenshots).
# Usage: browser_test.sh DVK_BINARY SOURCE_DIR [SHOTS [SITE]]   (SITE: a build of SOURCE_DIR)
set -euo pipefail
dvk=$1
src=$2
shots=${3:-$src/build/screenshots}
built=${4:-}
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  echo "browser_test: chromium is missing (apt-get install chromium)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ -n $built ]]; then
  ln -s "$built" "$work/site"
else
  "$dvk" build "$src" -o "$work/site" --jobs 2 >/dev/null 2>&1
fi
mkdir -p "$shots"
pages=(
  "index.html home"
  "don-vi/xa-son-duong/index.html unit"
  "mo-hinh/xa-son-duong/xa-son-duong-2026-hien-dat-lam-duong/index.html model"
  "tieu-bieu/index.html showcase"
  "don-vi/index.html units"
  "xep-hang/index.html rankings"
  "chi-tieu/index.html indicators"
  "giai-doan/index.html period"
  "nam/2025/linh-vuc/kinh-te/index.html field-2025"
)
failures=0
checks=0
for entry in "${pages[@]}"; do
  read -r page name <<<"$entry"
  for width in 360 1280; do
    log="$work/$name-$width.log"
    png="$shots/$name-$width.png"
    rm -f "$png"
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$work/profile-$name-$width" --hide-scrollbars --enable-logging=stderr --v=0 \
      --window-size="$width,2200" --screenshot="$png" "file://$work/site/$page" >"$log" 2>&1 || true
    checks=$((checks + 1))
    if [[ ! -s $png ]]; then
      echo "FAIL $page at ${width}px: no screenshot"
      failures=$((failures + 1))
    elif grep -q "CONSOLE" "$log"; then
      echo "FAIL $page at ${width}px: console messages:"
      grep "CONSOLE" "$log" | sed 's/^/    /'
      failures=$((failures + 1))
    else
      echo "ok   $page at ${width}px -> $png"
    fi
  done
done
echo "$((checks - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
