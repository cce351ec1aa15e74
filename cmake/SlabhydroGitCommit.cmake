# Run at every build (cmake -P): writes OUTPUT with the source tree's git
# commit ("unknown" outside a git checkout, e.g. a release tarball), touching
# it only when the commit changed, so that --version names what was built.
set(_commit "unknown")
find_package(Git QUIET)
if(GIT_FOUND)
  execute_process(COMMAND ${GIT_EXECUTABLE} -C ${SOURCE_DIR} describe --always --dirty --abbrev=12
                  OUTPUT_VARIABLE _out RESULT_VARIABLE _rc ERROR_QUIET
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(_rc EQUAL 0 AND _out)
    set(_commit "${_out}")
  endif()
endif()
file(WRITE ${OUTPUT}.tmp
     "#pragma once\nnamespace slabhydro {\nconstexpr const char* kGitCommit = \"${_commit}\";\n}\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.tmp ${OUTPUT})
file(REMOVE ${OUTPUT}.tmp)
