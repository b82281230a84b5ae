#!/usr/bin/env bash
# Sets dvk up on Debian 12 from nothing: installs the Debian packages that are missing, builds with
# CMake, then either generates the bundled example site (`site`) or runs every test (`test`).
# `test` runs the tests, then the tests again built with ASan+UBSan (build-asan/), then the fuzz
# targets (scripts/fuzz.sh); every step runs, and the script fails when any of them failed.
# Usage: bash scripts/setup.sh site|test|build
set -euo pipefail
mode=${1:-site}
cd "$(dirname "$0")/.."

packages=(cmake g++ make pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev libcsv-dev nlohmann-json3-dev libkainjow-mustache-dev
  libicu-dev libyaml-cpp-dev libcli11-dev libgoogle-perftools-dev
  libpango1.0-dev libcairo2-dev libgdk-pixbuf-2.0-dev libpng-dev libjpeg-dev webp-pixbuf-loader
  libcpp-httplib-dev libdeflate-dev libzip-dev libexpat1-dev libxlsxwriter-dev fonts-noto-core weasyprint)
if [[ $mode == test ]]; then
  packages+=(libgtest-dev googletest chromium python3 poppler-utils python3-pypdf)
  # tests/workbook_site_test.py: LibreOffice makes workbooks from the example's CSVs.
  packages+=(libreoffice-calc-nogui)
  # scripts/fuzz.sh: clang with libFuzzer and the sanitizer runtimes; llvm for readable stacks.
  packages+=(clang libclang-rt-14-dev llvm-14)
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
    failed=()
    # Runs one step and prints its time; a failure is remembered and the next steps still run.
    step() {
      local name=$1 start=$SECONDS
      shift
      echo "== $name"
      "$@" || failed+=("$name")
      echo "== $name: $((SECONDS - start)) s"
    }
    # Every test again, dvk and the unit tests built with AddressSanitizer and
    # UndefinedBehaviorSanitizer (g++): any report ends the process, so the test fails. ASan
    # reserves terabytes of address space, so the pathological test runs without its memory cap.
    # The browser, kill and compendium tests look at what a build shows and leaves (the PDF is
    # WeasyPrint's work), not at memory: once is enough. So does workbook_site (LibreOffice's
    # work; the workbook reader runs sanitized in the case, xlsx and fuzz tests).
    sanitized_tests() {
      # -Og -g1: a fifth of the compile time of -O2 -g under the sanitizers (73 s → 19 s for the
      # largest file), still with file and line in every report.
      cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-Og -g1" \
        -DCMAKE_C_FLAGS_DEBUG="-Og -g1" -DDVK_SANITIZE=ON -DDVK_TESTS=ON >/dev/null &&
        cmake --build build-asan -j"$(nproc)" &&
        DVK_PATHOLOGICAL_MEMORY_MB=0 ctest --test-dir build-asan --output-on-failure -j"$(nproc)" \
          -E '^(browser_pages|print_pages|find_pages|share_outputs|kill|compendium_pdf|workbook_site)$'
    }
    step "kiểm thử" ctest --test-dir build --output-on-failure -j"$(nproc)"
    step "kiểm thử với ASan+UBSan" sanitized_tests
    step "fuzz" bash scripts/fuzz.sh
    if ((${#failed[@]})); then
      echo "Các bước thất bại: ${failed[*]}" >&2
      exit 1
    fi
    ;;
  build) ;;
  *) echo "usage: bash scripts/setup.sh site|test|build" >&2; exit 2 ;;
esac
