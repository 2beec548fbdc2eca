#!/bin/sh
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer in
# build-asan/ and runs the whole test suite there (README "Sanitizers").
# Any sanitizer report fails the test that triggered it.
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Release -DVGMSIM_SANITIZE=ON >/dev/null
cmake --build build-asan -j"${JOBS:-2}"
# detect_leaks=0: the SystemC kernel keeps its objects until exit by design.
# detect_stack_use_after_return=0 and tools/asan.supp: SystemC threads switch
# stacks (coroutines) without telling ASan; see the suppression file.
ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0:abort_on_error=1:suppressions=$PWD/tools/asan.supp \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan -j2 --output-on-failure "$@"
