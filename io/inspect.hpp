#pragma once
// `slabhydro inspect FILE`: what a checkpoint (or plot file) holds, whether it
// is complete, and for a checkpoint the state digest recomputed from the data
// and compared with the stored one. Runs in this process alone (serial HDF5),
// reading the fields in blocks of columns, so memory stays bounded.
#include <string>

namespace slabhydro {

struct InspectResult {
  std::string text;  // the report, one item per line
  bool ok = false;   // complete, and (checkpoints) the digest matches
};

// Throws Error if the file cannot be read as a slabhydro file.
InspectResult inspect_file(const std::string& path);

}  // namespace slabhydro
