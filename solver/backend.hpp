#pragma once
// What the kernels run on, for the run header and --version:
// "Kokkos 3.4.1, Serial, concurrency 1, loop policy rows".
#include <string>

namespace slabhydro {

const char* loop_policy_name();  // "rows", "range1d" or "mdrange"
std::string backend_text();
// True when the execution space's memory is not host-accessible (a GPU).
bool device_memory_is_separate();

}  // namespace slabhydro
