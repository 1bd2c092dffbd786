# tilesplit_add_kernels: translate annotated C++ into TT-Metalium kernels as part of the build.
#
#   tilesplit_add_kernels(<target>
#     SOURCES <file>...            annotated sources (relative to the current source dir)
#     OUTPUT_DIR <dir>             where <dir>/<kernel>/ goes (relative to the current binary dir)
#     [KERNELS <name>...]          the kernels the sources define (default: one per source, named
#                                  like the file: kernels/eltwise.cpp -> eltwise)
#     [API <profile>]              --tt-metal-api (2026-08, 2026-02)
#     [ARCH <arch>]                --arch (wormhole_b0, blackhole)
#     [GRID <XxY>]                 --grid
#     [FP32_DEST_ACC]              --fp32-dest-acc
#     [STYLE <style>]              --style
#     [FLAGS_FROM <cmake-target>]  parse with that target's include directories and compile
#                                  definitions (its own and those it inherits from what it links),
#                                  e.g. the executable that builds the CPU reference of the kernels
#     [COMPILE_OPTIONS <arg>...]   more compiler arguments
#     [OPTIONS <arg>...]           more tilesplit options
#     [EXCLUDE_FROM_ALL])
#
# Creates the custom target <target>, which depends on every generated file, and sets
# <target>_OUTPUT_DIR (absolute) in the caller's scope. <OUTPUT_DIR>/<kernel>/host.cpp and
# manifest.json are declared outputs, so add_executable(... ${<target>_OUTPUT_DIR}/k/host.cpp)
# builds after translation; reader.cpp, compute.cpp and writer.cpp sit next to them (a kernel
# writes those it needs) and are loaded at run time, not compiled by CMake.
#
# The translation re-runs when a source changes, when tilesplit changes, and, through a depfile
# tilesplit writes (--depfile), when any header a source includes changes. Without KERNELS each
# source is its own build step (--kernel=<file stem>); with KERNELS every source is translated by
# one tilesplit call.

if(CMAKE_VERSION VERSION_LESS 3.20)
  message(FATAL_ERROR "tilesplit_add_kernels needs CMake 3.20 or newer (for DEPFILE)")
endif()
# Functions keep the policies in effect where they are defined. Depfile paths are absolute, so
# either setting of CMP0116 (which rewrites relative ones) reads them the same; NEW silences
# its warning in projects that do not set it.
if(POLICY CMP0116)
  cmake_policy(SET CMP0116 NEW)
endif()

# One build step: tilesplit <sources> ... writing the kernels <kernels>. Appends the declared
# outputs to the list named by <outputs_var>.
function(_tilesplit_add_step outputs_var depfile)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "" "SOURCES;KERNELS;OPTIONS;COMPILE_ARGS;DEPENDS")
  set(outputs "")
  foreach(k ${arg_KERNELS})
    list(APPEND outputs "${TILESPLIT_STEP_OUT_DIR}/${k}/host.cpp"
                        "${TILESPLIT_STEP_OUT_DIR}/${k}/manifest.json")
  endforeach()
  set(abs_sources "")
  foreach(s ${arg_SOURCES})
    get_filename_component(abs "${s}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND abs_sources "${abs}")
  endforeach()
  # Ninja insists that a depfile's targets be outputs of the rule, the first one first; the
  # other files tilesplit writes (reader.cpp, ...) are not declared, since a kernel writes only
  # those it needs.
  set(depfile_targets "")
  foreach(o ${outputs})
    list(APPEND depfile_targets --depfile-target "${o}")
  endforeach()
  list(JOIN arg_KERNELS ", " names)
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND tilesplit::tilesplit ${abs_sources} ${arg_OPTIONS}
            --depfile "${depfile}" ${depfile_targets} -- ${arg_COMPILE_ARGS}
    DEPENDS ${abs_sources} ${arg_DEPENDS}
    DEPFILE "${depfile}"
    COMMENT "tilesplit: translating ${names}"
    COMMAND_EXPAND_LISTS VERBATIM)
  set(${outputs_var} ${${outputs_var}} ${outputs} PARENT_SCOPE)
endfunction()

function(tilesplit_add_kernels target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "FP32_DEST_ACC;EXCLUDE_FROM_ALL"
    "OUTPUT_DIR;API;ARCH;GRID;STYLE;FLAGS_FROM" "SOURCES;KERNELS;COMPILE_OPTIONS;OPTIONS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "tilesplit_add_kernels: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "tilesplit_add_kernels: SOURCES is required")
  endif()
  if(NOT arg_OUTPUT_DIR)
    message(FATAL_ERROR "tilesplit_add_kernels: OUTPUT_DIR is required")
  endif()
  get_filename_component(out_dir "${arg_OUTPUT_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  set(TILESPLIT_STEP_OUT_DIR "${out_dir}")

  set(options -o "${out_dir}")
  if(arg_API)
    list(APPEND options "--tt-metal-api=${arg_API}")
  endif()
  if(arg_ARCH)
    list(APPEND options "--arch=${arg_ARCH}")
  endif()
  if(arg_GRID)
    list(APPEND options "--grid=${arg_GRID}")
  endif()
  if(arg_STYLE)
    list(APPEND options "--style=${arg_STYLE}")
  endif()
  if(arg_FP32_DEST_ACC)
    list(APPEND options --fp32-dest-acc)
  endif()
  list(APPEND options ${arg_OPTIONS})

  # Compiler arguments go after "--". Generator expressions, because a target's include
  # directories and definitions are only known at generate time. $<SEMICOLON> rather than ";"
  # keeps each expression one list element until it is evaluated; COMMAND_EXPAND_LISTS then
  # makes each directory or definition one argument, and an empty list none.
  set(compile_args ${arg_COMPILE_OPTIONS})
  if(arg_FLAGS_FROM)
    set(inc "$<TARGET_PROPERTY:${arg_FLAGS_FROM},INCLUDE_DIRECTORIES>")
    set(def "$<TARGET_PROPERTY:${arg_FLAGS_FROM},COMPILE_DEFINITIONS>")
    list(APPEND compile_args "$<$<BOOL:${inc}>:-I$<JOIN:${inc},$<SEMICOLON>-I>>"
                             "$<$<BOOL:${def}>:-D$<JOIN:${def},$<SEMICOLON>-D>>")
  endif()

  # The user header is named even though the depfile lists it, so that the first build
  # (before any depfile exists) and generators without depfiles also see it.
  set(depends "$<TARGET_FILE:tilesplit::tilesplit>")
  if(TILESPLIT_RUNTIME_INCLUDE_DIR)
    list(APPEND depends "${TILESPLIT_RUNTIME_INCLUDE_DIR}/tilesplit/tile.hpp")
  endif()
  set(depfile_dir "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${target}.tilesplit")

  set(all_outputs "")
  if(arg_KERNELS)
    set(jobs "")
    list(LENGTH arg_SOURCES n_sources)
    if(n_sources GREATER 1)
      cmake_host_system_information(RESULT cores QUERY NUMBER_OF_LOGICAL_CORES)
      set(jobs -j ${cores})
    endif()
    _tilesplit_add_step(all_outputs "${depfile_dir}/all.d"
      SOURCES ${arg_SOURCES} KERNELS ${arg_KERNELS} OPTIONS ${options} ${jobs}
      COMPILE_ARGS ${compile_args} DEPENDS ${depends})
  else()
    set(step 0)
    foreach(s ${arg_SOURCES})
      get_filename_component(k "${s}" NAME_WE)
      _tilesplit_add_step(all_outputs "${depfile_dir}/${step}-${k}.d"
        SOURCES ${s} KERNELS ${k} OPTIONS ${options} --kernel=${k}
        COMPILE_ARGS ${compile_args} DEPENDS ${depends})
      math(EXPR step "${step} + 1")
    endforeach()
  endif()

  set(all "ALL")
  if(arg_EXCLUDE_FROM_ALL)
    set(all "")
  endif()
  add_custom_target(${target} ${all} DEPENDS ${all_outputs})
  set_target_properties(${target} PROPERTIES TILESPLIT_OUTPUT_DIR "${out_dir}")
  set(${target}_OUTPUT_DIR "${out_dir}" PARENT_SCOPE)
endfunction()
