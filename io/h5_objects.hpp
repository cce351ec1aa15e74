#pragma once
// Opening the objects of a file that is not trusted: every link on the way
// must be a hard link (a soft link could point anywhere in the file, an
// external link into another file, even a FIFO), every object of the kind
// expected, and a dataset's type, shape, layout and filters are checked
// before anything is read or allocated from them. Errors name the file and
// the object ("out/a_chk_000010.h5:/fields/dens: ...").
#include <hdf5.h>

#include <cstdint>
#include <string>

#include "io/h5_handle.hpp"

namespace slabhydro {

// A file that is not trusted, opened read-only by this process alone (POSIX
// driver): refused before opening unless it is a regular file (a FIFO or a
// device would block). Its size in bytes goes to `bytes`.
H5File open_untrusted(const std::string& path, std::uint64_t& bytes);

// The group or dataset at "/a/b/c" (absolute), reached through hard links only.
H5Group open_hard_group(hid_t file, const std::string& path, const std::string& file_name);
H5Dataset open_hard_dataset(hid_t file, const std::string& path, const std::string& file_name);

// Throws Error naming `where` unless the dataspace is [ny][nx] (nx < 0: [ny]).
void check_shape(hid_t space, long long ny, long long nx, const std::string& where);

struct DatasetRule {
  H5T_class_t type_class = H5T_FLOAT;
  std::size_t type_size = 8;  // bytes per value
  long long ny = 0, nx = 0;   // required shape [ny][nx]; nx < 0: 1-D [ny]
};
// Checks type, shape, layout (contiguous, chunked or compact; no virtual or
// external storage), chunks (the dataset's rank, each extent 1 to the
// dataset's, under 4 GiB), that every filter is deflate, szip, shuffle or
// fletcher32 and available to this HDF5, and that the stored bytes fit in
// the file (file_bytes) when nothing compresses them.
void check_dataset(hid_t dset, const DatasetRule& rule, const std::string& where,
                   std::uint64_t file_bytes);

}  // namespace slabhydro
