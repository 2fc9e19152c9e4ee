# Cross build for 64-bit ARM (Raspberry Pi OS 64-bit, Debian 12 arm64) on a Debian 12 amd64 host,
# with Debian's multiarch: the compiler from crossbuild-essential-arm64 and the :arm64 variants of
# the -dev packages, installed side by side with the amd64 ones (deploy/arm64.sh installs them).
# There is no separate sysroot: the arm64 libraries live in /usr/lib/aarch64-linux-gnu.
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=deploy/toolchain-arm64.cmake
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

# pkg-config must see only the arm64 .pc files (and the architecture-independent ones).
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# Test programs (Catch2's test discovery, ctest, the tests that start the kiosk) run through qemu.
# binfmt_misc may not be registered on the build host, so qemu is named explicitly. The arm64
# loader and libraries come from the multiarch packages in / (qemu's -L prefix).
find_program(KIOSK_QEMU_AARCH64 qemu-aarch64-static)
if(KIOSK_QEMU_AARCH64)
    set(CMAKE_CROSSCOMPILING_EMULATOR "${KIOSK_QEMU_AARCH64};-L;/")
endif()

set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
