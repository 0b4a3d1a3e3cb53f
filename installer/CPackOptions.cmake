# CPACK_PROJECT_CONFIG_FILE: read by cpack once per generator, with CPACK_GENERATOR set to that generator.
if(CPACK_GENERATOR STREQUAL "DEB")
  # Installed as a distribution package: /usr/bin/upstream, /usr/bin/upstream-workstation, /usr/share/...
  set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
elseif(CPACK_GENERATOR STREQUAL "TGZ")
  # A relocatable tree: upstream-workstation-<version>-Linux/{bin,share}
  set(CPACK_INCLUDE_TOPLEVEL_DIRECTORY ON)
endif()
