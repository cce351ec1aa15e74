#pragma once
// Limits on the paths of the files a run writes, checked when the deck is
// read (before any step) and again before each file is opened:
//   NAME_MAX  the longest file name the output directory's file system takes
//   PATH_MAX  the longest path the system calls take
//   Open MPI 4.1's OMPIO, shared-file-pointer component "lockedfile": at
//             every MPI_File_open it formats "<path>.locktest.<rank>" into a
//             256-byte buffer, and aborts the process when it does not fit.
//             slabhydro uses no shared file pointers and excludes that
//             component (OMPI_MCA_sharedfp=^lockedfile, set in main unless the
//             user set OMPI_MCA_sharedfp); the limit applies when it is not
//             excluded and OMPIO is the MPI-IO component.
#include <cstddef>
#include <string>

namespace slabhydro {

// Empty if `path` can be created; else why not (one sentence). nranks: the
// ranks that open it through MPI-IO (0: not opened through MPI-IO).
std::string path_problem(const std::string& path, int nranks);

// Called before MPI_Init: excludes OMPIO's "lockedfile" component unless the
// environment already chooses shared-file-pointer components.
void prefer_safe_mpiio_components();

}  // namespace slabhydro
