#pragma once
// The baseline of the I/O benchmark: the same bytes per rank as an HDF5 file,
// written (and read) with plain MPI-IO, one contiguous piece per rank at the
// offset of the ranks before it, in one collective call
// (MPI_File_write_at_all / MPI_File_read_at_all), with the same MPI-IO hints
// and the same fsync rule (a durable write also as NAME.tmp, renamed after
// the sync, the directory fsynced). What the file system gives without HDF5, the
// hyperslabs, the metadata or the gather of serial mode.
// Phases as in bench_io.hpp; collective over `comm`; errors are collective.
#include <mpi.h>

#include <cstddef>
#include <map>
#include <string>

#include "bench/bench_io.hpp"

namespace slabhydro {

// `bytes` of `buf` from this rank (any count, also 0 on some ranks; at most
// 2^31 - 1 per rank). info_out, if given, receives the hints the MPI-IO
// layer reports for the open file (MPI_File_get_info).
BenchPhases mpiio_write(MPI_Comm comm, const std::string& path,
                        const std::map<std::string, std::string>& hints, const void* buf,
                        std::size_t bytes, bool fsync,
                        std::map<std::string, std::string>* info_out = nullptr);

BenchPhases mpiio_read(MPI_Comm comm, const std::string& path,
                       const std::map<std::string, std::string>& hints, void* buf,
                       std::size_t bytes);

}  // namespace slabhydro
