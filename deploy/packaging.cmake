# The Debian package (CPack DEB): the kiosk binary, its manual page, changelog and licences, the
# default config in /etc/kiosk, the systemd unit that starts it inside cage at boot, and its user.
# Build it: cmake --build BUILD --target kiosk && (cd BUILD && cpack -G DEB)
# (deploy/package.sh does that for amd64 and arm64, into dist/).
set(kiosk_deploy ${CMAKE_SOURCE_DIR}/deploy)
set(kiosk_docs ${CMAKE_BINARY_DIR}/package-docs)  # the gzipped changelog and manual page
file(MAKE_DIRECTORY ${kiosk_docs})

# The Maintainer field names whoever builds and answers for the package: a museum sets its own,
# e.g. cmake -DKIOSK_MAINTAINER="Museum IT <it@museum.example>" (deploy/package.sh passes the
# KIOSK_MAINTAINER environment variable on).
set(KIOSK_MAINTAINER "Memorial kiosk maintainers <kiosk@example.org>" CACHE STRING
    "The .deb's Maintainer field, NAME <ADDRESS>: the museum that builds the package")
if(NOT KIOSK_MAINTAINER MATCHES "^[^<>@]*[^<>@ ] <[^<>@ ]+@[^<>@ ]+\\.[^<>@ .]+>$")
    message(FATAL_ERROR "KIOSK_MAINTAINER '${KIOSK_MAINTAINER}' is not NAME <ADDRESS> (e.g. Museum IT <it@museum.example>)")
endif()

# The Debian changelog (deploy/debian/changelog), gzipped as Debian wants it (-9, no name or time
# inside, so two builds give the same bytes). Its newest entry must be this version.
set(kiosk_changelog ${kiosk_deploy}/debian/changelog)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${kiosk_changelog})
file(STRINGS ${kiosk_changelog} kiosk_changelog_head LIMIT_COUNT 1)
if(NOT kiosk_changelog_head MATCHES "^kiosk \\(${PROJECT_VERSION}\\) ")
    message(FATAL_ERROR "deploy/debian/changelog starts with '${kiosk_changelog_head}', not version ${PROJECT_VERSION}")
endif()
execute_process(COMMAND gzip -9nc ${kiosk_changelog} OUTPUT_FILE ${kiosk_docs}/changelog.gz RESULT_VARIABLE gzip_result)
if(NOT gzip_result EQUAL 0)
    message(FATAL_ERROR "gzip deploy/debian/changelog: ${gzip_result}")
endif()

# kiosk(1): printed by the kiosk just linked (`kiosk --print-manpage`, from its option table), so
# the page and --help cannot disagree; a cross build runs it through its emulator (qemu).
if(CMAKE_CROSSCOMPILING AND NOT CMAKE_CROSSCOMPILING_EMULATOR)
    message(FATAL_ERROR "a cross build needs an emulator to print the manual page: apt-get install qemu-user-static")
endif()
string(REPLACE ";" "|" kiosk_emulator "${CMAKE_CROSSCOMPILING_EMULATOR}")
add_custom_command(TARGET kiosk POST_BUILD
    COMMAND ${CMAKE_COMMAND} "-DCOMMAND=${kiosk_emulator}|$<TARGET_FILE:kiosk>|--print-manpage"
            -DOUTPUT=${kiosk_docs}/kiosk.1.gz -P ${CMAKE_SOURCE_DIR}/cmake/gzip_output.cmake
    COMMENT "Printing the kiosk(1) manual page"
    VERBATIM)
install(FILES ${kiosk_docs}/kiosk.1.gz DESTINATION share/man/man1)
install(FILES ${kiosk_docs}/changelog.gz DESTINATION share/doc/kiosk)
install(FILES ${kiosk_deploy}/debian/lintian-overrides DESTINATION share/lintian/overrides RENAME kiosk)

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
# Each line under 80 columns (Debian policy 3.4.1; lintian checks it).
set(CPACK_PACKAGE_DESCRIPTION "Shows one memorial article, with its sources and fonts compiled into one
binary, fullscreen inside the cage compositor from boot, as an unprivileged
user, with the systemd watchdog. It opens no network connection and writes
nothing to disk.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${KIOSK_MAINTAINER}")
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
