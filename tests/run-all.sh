#!/usr/bin/env bash
# The whole test suite: a normal build with warnings as errors, and an
# AddressSanitizer + UndefinedBehaviorSanitizer build, each running every test
# label except bench. Usage: bash tests/run-all.sh [build-root]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-"$here/build"}
jobs=$(nproc 2>/dev/null || echo 2)

bash "$here/tools/install-deps.sh"

run_config() {
    local name=$1; shift
    local dir="$root/$name"
    echo "=== configure $name"
    cmake -S "$here" -B "$dir" -DIFX_WERROR=ON "$@" >/dev/null
    echo "=== build $name"
    cmake --build "$dir" -j"$jobs"
    echo "=== test $name"
    (cd "$dir" && ctest --output-on-failure -j"$jobs" -LE bench)
}

bash "$here/tests/lint/check_layering.sh"
run_config default -DCMAKE_BUILD_TYPE=RelWithDebInfo
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_config sanitize -DCMAKE_BUILD_TYPE=Debug -DIFX_SANITIZE=ON
echo "all tests passed"
