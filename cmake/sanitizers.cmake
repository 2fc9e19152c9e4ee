# Sanitizer and fuzzing builds (CI: deploy/ci/sanitizers.sh, deploy/ci/fuzz.sh). Both need clang:
#   cmake -S . -B build-asan -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DKIOSK_FUZZ=ON
# KIOSK_SANITIZE builds everything, tests included, with ASan + UBSan; any UB report fails.
# KIOSK_FUZZ implies it, adds libFuzzer's coverage instrumentation and builds tests/fuzz/.
option(KIOSK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(KIOSK_FUZZ "Also build the libFuzzer targets (clang and libclang-rt-14-dev)" OFF)

if(KIOSK_SANITIZE OR KIOSK_FUZZ)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
if(KIOSK_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "KIOSK_FUZZ needs clang: -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
