#!/usr/bin/env bash
# The whole test suite: a normal build with warnings as errors, and an
# AddressSanitizer + UndefinedBehaviorSanitizer build, each running every test
# label except bench; then a ThreadSanitizer build running the threaded tests. Usage: bash tests/run-all.sh [build-root]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-"$here/build"}
jobs=$(nproc 2>/dev/null || echo 2)
# Check's per-test default (4 s) is for an idle machine; sanitizers and a busy
# CI host can need more. CTest's own TIMEOUTs still bound every test.
export CK_TIMEOUT_MULTIPLIER=${CK_TIMEOUT_MULTIPLIER:-4}

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
# ThreadSanitizer: only the threaded tests (label "threaded"), so only their
# targets are built (docs/pooling.md).
tsan_targets="ifxlite ifxodbc it_odbc_threads it_odbc_pool it_odbc_pool_leak it_odbc_fault test_odbc_cancel"
echo "=== configure tsan"
cmake -S "$here" -B "$root/tsan" -DIFX_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIFX_TSAN=ON \
    >/dev/null
echo "=== build tsan"
# shellcheck disable=SC2086 # one word per target
cmake --build "$root/tsan" -j"$jobs" --target $tsan_targets
echo "=== test tsan"
(cd "$root/tsan" && ctest --output-on-failure -j"$jobs" -L threaded)
echo "all tests passed"
