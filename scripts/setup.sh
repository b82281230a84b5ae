#!/usr/bin/env bash
# Sets dvk up on Debian 12 from nothing: installs the Debian packages that are missing, builds with
# CMake, then either generates the bundled example site (`site`) or runs every test (`test`).
# Usage: bash scripts/setup.sh site|test|build
set -euo pipefail
mode=${1:-site}
cd "$(dirname "$0")/.."

packages=(cmake g++ make pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev libcsv-dev nlohmann-json3-dev libkainjow-mustache-dev
  libicu-dev libyaml-cpp-dev libcli11-dev
  fonts-noto-core)
if [[ $mode == test ]]; then
  packages+=(libgtest-dev googletest chromium python3)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Cài các gói còn thiếu: ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "Cần quyền root để cài gói (chạy lại bằng sudo)." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

tests=OFF
[[ $mode == test ]] && tests=ON
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DDVK_TESTS=$tests >/dev/null
cmake --build build -j"$(nproc)"

case $mode in
  site)
    ./build/dvk build . -o output
    echo
    echo "Trang đã tạo trong thư mục output/. Mở bằng trình duyệt: file://$PWD/output/index.html"
    ;;
  test)
    cd build
    ctest --output-on-failure -j"$(nproc)"
    ;;
  build) ;;
  *) echo "usage: bash scripts/setup.sh site|test|build" >&2; exit 2 ;;
esac
