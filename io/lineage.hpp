#pragma once
// The lineage of a run: one id for a fresh run and every restart that
// continues it, stored in every file the run writes (attribute `lineage`), so
// that "this run's own output" is decided from the file, not from its name.
#include <mpi.h>

#include <string>

namespace slabhydro {

// A new id, 32 lowercase hex digits (128 random bits), made by rank 0 and
// broadcast: the same on every rank of comm.
std::string new_lineage_id(MPI_Comm comm);
bool valid_lineage_id(const std::string& id);

// The tag that makes this process's temporary file names unique
// (tmp_name(path, tag)): the first 8 digits of a fresh random id and rank
// 0's pid, the same on every rank of comm.
std::string new_writer_tag(MPI_Comm comm);

}  // namespace slabhydro
