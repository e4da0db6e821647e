# solipraxis_library(NAME DEPS dep...): one static library per src/ directory.
# Sources: every *.cc below src/NAME except *_test.cc and *_fuzz.cc.
# Unit tests: every *_test.cc below src/NAME goes into one GoogleTest binary NAME_test.
function(solipraxis_library name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  set(dir ${CMAKE_SOURCE_DIR}/src/${name})
  file(GLOB_RECURSE all_sources CONFIGURE_DEPENDS ${dir}/*.cc)
  set(sources ${all_sources})
  list(FILTER sources EXCLUDE REGEX "_(test|fuzz)\\.cc$")
  set(tests ${all_sources})
  list(FILTER tests INCLUDE REGEX "_test\\.cc$")
  set(target solipraxis_${name})
  if(sources)
    add_library(${target} STATIC ${sources})
    target_include_directories(${target} PUBLIC ${CMAKE_SOURCE_DIR}/src)
    target_link_libraries(${target} PUBLIC ${ARG_DEPS})
  else()
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE ${CMAKE_SOURCE_DIR}/src)
    target_link_libraries(${target} INTERFACE ${ARG_DEPS})
  endif()
  if(tests)
    add_executable(${name}_test ${tests})
    target_link_libraries(${name}_test PRIVATE ${target} GTest::gtest_main GTest::gmock)
    target_compile_definitions(${name}_test PRIVATE
      SOLIPRAXIS_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    gtest_discover_tests(${name}_test DISCOVERY_TIMEOUT 60
      PROPERTIES LABELS "unit;${name}" ENVIRONMENT "SOLIPRAXIS_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
  endif()
endfunction()

# solipraxis_embed(TARGET OUT_CC NAMESPACE VAR FILES...): compiles files into a
# generated source as a sorted table of {relative name, content}, so the binary
# does not depend on the source tree at run time (used for migrations).
function(solipraxis_embed target out_cc ns var base)
  set(files ${ARGN})
  # Keep the list one argument: a bare ';' would split it on the command line.
  string(REPLACE ";" "$<SEMICOLON>" files_arg "${files}")
  add_custom_command(
    OUTPUT ${out_cc}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cc} -DNS=${ns} -DVAR=${var} -DBASE=${base}
            "-DFILES=${files_arg}" -P ${CMAKE_SOURCE_DIR}/cmake/embed.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/embed.cmake
    COMMENT "Embedding ${var}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out_cc})
endfunction()

# solipraxis_fuzz(SOURCE DEPS dep...): a libFuzzer target named <dir>_<stem>
# (src/web/form_fuzz.cc -> web_form_fuzz), built only with -DSOLIPRAXIS_FUZZ=ON
# and clang (`make fuzz-build`: build-fuzz/, target fuzz_targets).
# tests/fuzz/CMakeLists.txt derives the same names for its ctest runs.
function(solipraxis_fuzz source)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  if(NOT SOLIPRAXIS_FUZZ)
    return()
  endif()
  get_filename_component(stem ${source} NAME_WE)
  get_filename_component(dir ${CMAKE_CURRENT_SOURCE_DIR} NAME)
  set(name ${dir}_${stem})
  add_executable(${name} ${source})
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS})
  target_compile_definitions(${name} PRIVATE SOLIPRAXIS_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  set_property(GLOBAL APPEND PROPERTY SOLIPRAXIS_FUZZ_TARGETS ${name})
endfunction()
