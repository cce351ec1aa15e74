# Finds MPI, Kokkos, parallel HDF5 and yaml-cpp, and repairs what some
# distributions ship wrong. Every failure says how to fix it.

find_package(MPI REQUIRED COMPONENTS C)

# A Kokkos_ROOT (variable or environment) that does not exist is a mistake to
# report, not a reason to pick whichever other Kokkos the search finds.
foreach(_root "${Kokkos_ROOT}" "$ENV{Kokkos_ROOT}")
  if(_root AND NOT IS_DIRECTORY "${_root}")
    message(FATAL_ERROR "slabhydro: Kokkos_ROOT is '${_root}', which is not a directory; "
                        "give the prefix of a Kokkos install (it holds lib/cmake/Kokkos), "
                        "or leave Kokkos_ROOT unset to search the system")
  endif()
endforeach()
if(Kokkos_ROOT OR DEFINED ENV{Kokkos_ROOT})
  # Only there: a Kokkos_ROOT without a Kokkos config is an error too.
  find_package(Kokkos REQUIRED NO_SYSTEM_ENVIRONMENT_PATH NO_CMAKE_SYSTEM_PATH
               NO_CMAKE_PACKAGE_REGISTRY NO_SYSTEM_PACKAGE_REGISTRY)
else()
  find_package(Kokkos REQUIRED)
endif()
# Debian's Trilinos build of Kokkos (3.4.1) declares Kokkos::kokkos with the
# include dir /usr/lib/include, which does not exist; its real headers are in
# ${Kokkos_INCLUDE_DIRS} (/usr/include/trilinos). A normal Kokkos 4 install
# does not set that variable, so this only touches the broken case.
if(Kokkos_INCLUDE_DIRS)
  set(_slabhydro_kokkos_inc "")
  foreach(_dir IN LISTS Kokkos_INCLUDE_DIRS)
    get_filename_component(_real "${_dir}" REALPATH)
    list(APPEND _slabhydro_kokkos_inc "${_real}")
  endforeach()
  set_target_properties(Kokkos::kokkos PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${_slabhydro_kokkos_inc}")
endif()
message(STATUS "slabhydro: Kokkos ${Kokkos_VERSION}")

set(HDF5_PREFER_PARALLEL TRUE)
find_package(HDF5 REQUIRED COMPONENTS C)
if(NOT HDF5_IS_PARALLEL)
  message(FATAL_ERROR
    "slabhydro needs a parallel (MPI) build of HDF5, but the HDF5 found "
    "(${HDF5_INCLUDE_DIRS}) is serial.\n"
    "Fix: on Debian/Ubuntu `apt-get install libhdf5-openmpi-dev`; on a cluster "
    "`module load` a parallel HDF5 (e.g. hdf5/x.y-mpi) or `spack install hdf5+mpi`, "
    "or point CMake at one with -DHDF5_ROOT=/path/to/parallel/hdf5.")
endif()
message(STATUS "slabhydro: HDF5 ${HDF5_VERSION} (parallel)")
if(NOT TARGET slabhydro_hdf5)
  add_library(slabhydro_hdf5 INTERFACE)
  target_include_directories(slabhydro_hdf5 SYSTEM INTERFACE ${HDF5_INCLUDE_DIRS})
  target_link_libraries(slabhydro_hdf5 INTERFACE ${HDF5_LIBRARIES})
  target_compile_definitions(slabhydro_hdf5 INTERFACE ${HDF5_DEFINITIONS})
endif()

find_package(yaml-cpp REQUIRED)
if(TARGET yaml-cpp::yaml-cpp)
  set(SLABHYDRO_YAML_TARGET yaml-cpp::yaml-cpp)
elseif(TARGET yaml-cpp)
  set(SLABHYDRO_YAML_TARGET yaml-cpp)
else()
  set(SLABHYDRO_YAML_TARGET ${YAML_CPP_LIBRARIES})
  include_directories(SYSTEM ${YAML_CPP_INCLUDE_DIR})
endif()
