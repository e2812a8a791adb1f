# packaging.cmake - install layout beyond the libraries (header, docs, the
# odbcinst template, ifxlite) and the CPack DEB package whose maintainer
# scripts register the driver with odbcinst (issue #9). Included from the
# top-level CMakeLists.txt after every install() rule.
include(GNUInstallDirs)

if(EXISTS ${CMAKE_SOURCE_DIR}/include/sqlifx.h)
    install(FILES ${CMAKE_SOURCE_DIR}/include/sqlifx.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endif()
file(GLOB IFX_DOCS ${CMAKE_SOURCE_DIR}/docs/*.md)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${IFX_DOCS} DESTINATION ${CMAKE_INSTALL_DOCDIR})
if(TARGET ifxlite)
    install(TARGETS ifxlite RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# The odbcinst.ini section the package registers (odbcinst -i -d -f ...).
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(IFX_PKG_LIBDIR ${CPACK_PACKAGING_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/odbc)
set(IFX_TEMPLATE ${CMAKE_BINARY_DIR}/packaging/odbcinst.ini.template)
file(WRITE ${IFX_TEMPLATE}
    "[ifxodbc]\n"
    "Description = Informix ODBC driver over the native SQLI protocol\n"
    "Driver      = ${IFX_PKG_LIBDIR}/libifxodbc.so\n"
    "Setup       = ${IFX_PKG_LIBDIR}/libifxodbcS.so\n"
    "Threading   = 0\n"
    "FileUsage   = 1\n")
install(FILES ${IFX_TEMPLATE} DESTINATION ${CMAKE_INSTALL_DATADIR}/ifxodbc)
set(IFX_PKG_TEMPLATE ${CPACK_PACKAGING_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/ifxodbc/odbcinst.ini.template)
configure_file(${CMAKE_SOURCE_DIR}/setup/deb/postinst.in ${CMAKE_BINARY_DIR}/packaging/postinst
    @ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
    WORLD_READ WORLD_EXECUTE)
configure_file(${CMAKE_SOURCE_DIR}/setup/deb/prerm.in ${CMAKE_BINARY_DIR}/packaging/prerm
    @ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
    WORLD_READ WORLD_EXECUTE)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ifxodbc)
set(CPACK_PACKAGE_VENDOR "ifxodbc project")
set(CPACK_PACKAGE_CONTACT "ifxodbc maintainers <ifxodbc@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Informix ODBC driver over the native SQLI protocol, with ifxlite")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "odbcinst, libodbcinst2, libssl3 | libssl3t64, libsqlite3-0")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_BINARY_DIR}/packaging/postinst ${CMAKE_BINARY_DIR}/packaging/prerm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)

if(IFX_BUILD_TESTS)
    add_test(NAME packaging_deb COMMAND bash ${CMAKE_SOURCE_DIR}/tests/packaging/check_deb.sh
             ${CMAKE_BINARY_DIR})
    set_tests_properties(packaging_deb PROPERTIES LABELS packaging TIMEOUT 120 RUN_SERIAL TRUE)
endif()
