# The Debian package (CPack DEB): the kiosk binary, its licences, the default config in
# /etc/kiosk, the systemd unit that starts it inside cage at boot, its PAM stack and its user.
# Build it: cmake --build BUILD --target kiosk && (cd BUILD && cpack -G DEB)
# (deploy/package.sh does that for amd64 and arm64, into dist/).
set(kiosk_deploy ${CMAKE_SOURCE_DIR}/deploy)

install(FILES ${kiosk_deploy}/kiosk.service DESTINATION lib/systemd/system)
# Health for a museum's monitoring: the kiosk writes /run/kiosk/health.prom; this step hands it to
# prometheus-node-exporter's textfile collector (nothing happens where the exporter is not installed).
install(PROGRAMS ${kiosk_deploy}/health/kiosk-health-export DESTINATION lib/kiosk)
install(FILES ${kiosk_deploy}/health/kiosk-health-export.service ${kiosk_deploy}/health/kiosk-health-export.timer
        DESTINATION lib/systemd/system)
install(FILES ${kiosk_deploy}/kiosk.sysusers DESTINATION lib/sysusers.d RENAME kiosk.conf)
install(FILES ${kiosk_deploy}/debian/copyright DESTINATION share/doc/kiosk)
install(FILES /usr/share/doc/libimgui-dev/copyright DESTINATION share/doc/kiosk RENAME copyright.imgui)
install(FILES ${kiosk_deploy}/README.md DESTINATION share/doc/kiosk)
# The packaged settings are no conffile: a technician's own go in /etc/kiosk/kiosk.toml.d/, which the
# package never ships, so an upgrade never stops at a conffile prompt (unattended-upgrades would
# skip the kiosk for good).
install(FILES ${kiosk_deploy}/kiosk.toml DESTINATION share/kiosk)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # debug info stays in the build tree, not on the SD card
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "memorial display: one article, offline, on a touchscreen")
set(CPACK_PACKAGE_DESCRIPTION "Shows one memorial article, with its sources and fonts compiled into one binary,
fullscreen inside the cage compositor from boot, as an unprivileged user, with the systemd watchdog.
It opens no network connection and writes nothing to disk.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "kiosk maintainers <kiosk@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # kiosk_VERSION_ARCH.deb
if(NOT CPACK_DEBIAN_PACKAGE_ARCHITECTURE)
    if(CMAKE_CROSSCOMPILING AND CMAKE_SYSTEM_PROCESSOR STREQUAL aarch64)
        set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
    endif()  # else CPack asks dpkg for the host's
endif()
# Libraries the binary links come from dpkg-shlibdeps; these are used without being linked: cage
# and Xwayland run it, GLFW loads libGL (GLX) at run time, Mesa draws, seatd hands out the seat,
# procps's pkill stops it (kiosk.service's ExecStop).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "cage, seatd, xwayland, libgl1, libegl-mesa0, libgl1-mesa-dri, systemd, procps")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${kiosk_deploy}/debian/preinst ${kiosk_deploy}/debian/postinst ${kiosk_deploy}/debian/prerm ${kiosk_deploy}/debian/postrm
    ${kiosk_deploy}/debian/triggers)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
