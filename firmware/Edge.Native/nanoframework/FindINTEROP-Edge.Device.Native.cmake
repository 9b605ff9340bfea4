#
# nanoFramework firmware build: the Edge.Device.Native interop assembly (the native kernels of
# Edge). Copy this file into the firmware's CMake/Modules folder (or put this folder on
# CMAKE_MODULE_PATH), set EDGE_NATIVE_ROOT to firmware/Edge.Native of an Edge checkout and add
# "Edge.Device.Native" to NF_INTEROP_ASSEMBLIES (see firmware/Edge.Native/README.md).
#

if(NOT EDGE_NATIVE_ROOT)
    get_filename_component(EDGE_NATIVE_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
endif()

list(APPEND Edge.Device.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Core)
list(APPEND Edge.Device.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)
list(APPEND Edge.Device.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/HAL/Include)
list(APPEND Edge.Device.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/PAL/Include)
list(APPEND Edge.Device.Native_INCLUDE_DIRS ${EDGE_NATIVE_ROOT}/nanoframework)
list(APPEND Edge.Device.Native_INCLUDE_DIRS ${EDGE_NATIVE_ROOT}/include)

# The interop glue, then every C kernel.
file(GLOB Edge.Device.Native_KERNELS ${EDGE_NATIVE_ROOT}/src/*.c)
set(Edge.Device.Native_SOURCES
    ${EDGE_NATIVE_ROOT}/nanoframework/Edge_Device_Native.cpp
    ${EDGE_NATIVE_ROOT}/nanoframework/Edge_Device_Native_Edge_Device_Native_NativeKernels_mshl.cpp
    ${EDGE_NATIVE_ROOT}/nanoframework/Edge_Device_Native_Edge_Device_Native_NativeKernels.cpp
    ${Edge.Device.Native_KERNELS}
)

include(FindPackageHandleStandardArgs)

FIND_PACKAGE_HANDLE_STANDARD_ARGS(Edge.Device.Native DEFAULT_MSG Edge.Device.Native_INCLUDE_DIRS Edge.Device.Native_SOURCES)
