#include "io/h5_objects.hpp"

#include <algorithm>
#include <vector>

#include "common/error.hpp"
#include "io/file_ops.hpp"
#include "io/h5_attributes.hpp"
#include "io/h5_props.hpp"

namespace slabhydro {
namespace {

// Walks "/a/b/c" from the root, one hard link at a time; returns the object.
hid_t open_hard(hid_t file, const std::string& path, const std::string& file_name, H5I_type_t want,
                const char* kind) {
  const std::string where = file_name + ":" + path;
  if (path.empty() || path[0] != '/') throw Error(where + ": not an absolute path");
  H5Group at{SLABHYDRO_H5_CHECK(H5Gopen2(file, "/", H5P_DEFAULT), where)};
  std::size_t pos = 1;
  while (true) {
    const std::size_t slash = path.find('/', pos);
    const std::string name = path.substr(pos, slash == std::string::npos ? slash : slash - pos);
    const std::string so_far = path.substr(0, slash);
    const std::string w = file_name + ":" + so_far;
    if (SLABHYDRO_H5_CHECK(H5Lexists(at.get(), name.c_str(), H5P_DEFAULT), w) <= 0)
      throw Error(w + ": missing");
    H5L_info_t info;
    SLABHYDRO_H5_CHECK(H5Lget_info(at.get(), name.c_str(), &info, H5P_DEFAULT), w);
    if (info.type != H5L_TYPE_HARD)
      throw Error(w +
                  (info.type == H5L_TYPE_SOFT       ? ": a soft link"
                   : info.type == H5L_TYPE_EXTERNAL ? ": an external link (into another file)"
                                                    : ": a user-defined link") +
                  ", not a " + (slash == std::string::npos ? kind : "group") +
                  "; slabhydro follows no links");
    const hid_t obj = SLABHYDRO_H5_CHECK(H5Oopen(at.get(), name.c_str(), H5P_DEFAULT), w);
    const H5I_type_t type = H5Iget_type(obj);
    const bool last = slash == std::string::npos;
    const H5I_type_t expected = last ? want : H5I_GROUP;
    if (type != expected) {
      H5Oclose(obj);
      throw Error(w + ": " +
                  (type == H5I_GROUP     ? "a group"
                   : type == H5I_DATASET ? "a dataset"
                                         : "a named datatype") +
                  ", not a " + (last ? kind : "group"));
    }
    if (last) return obj;
    at = H5Group{obj};
    pos = slash + 1;
  }
}

}  // namespace

H5File open_untrusted(const std::string& path, std::uint64_t& bytes) {
  h5_quiet();
  require_regular_file(path);
  bytes = file_size(path);
  const H5Plist fapl = file_access_plist(MPI_COMM_SELF, IoOptions{}, false);
  const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl.get());
  if (f < 0) {
    const std::string detail = h5_error_detail();
    throw Error(path + ": not a readable HDF5 file" + (detail.empty() ? "" : " (" + detail + ")"));
  }
  return H5File{f};
}

H5Group open_hard_group(hid_t file, const std::string& path, const std::string& file_name) {
  return H5Group{open_hard(file, path, file_name, H5I_GROUP, "group")};
}

H5Dataset open_hard_dataset(hid_t file, const std::string& path, const std::string& file_name) {
  return H5Dataset{open_hard(file, path, file_name, H5I_DATASET, "dataset")};
}

void check_shape(hid_t space, long long ny, long long nx, const std::string& where) {
  const int want_rank = nx < 0 ? 1 : 2;
  const bool simple = H5Sget_simple_extent_type(space) == H5S_SIMPLE;
  const int rank = simple ? H5Sget_simple_extent_ndims(space) : -1;
  hsize_t dims[2] = {0, 0};
  if (rank == want_rank) SLABHYDRO_H5_CHECK(H5Sget_simple_extent_dims(space, dims, nullptr), where);
  const bool ok =
      rank == want_rank && dims[0] == hsize_t(ny) && (want_rank == 1 || dims[1] == hsize_t(nx));
  if (!ok)
    throw Error(where + ": shape is " + describe_dataspace(space) + ", expected " +
                (want_rank == 1
                     ? "[" + std::to_string(ny) + "]"
                     : "[" + std::to_string(ny) + "][" + std::to_string(nx) + "] ([ny][nx])"));
}

namespace {

// A chunk of the dataset's rank, no extent beyond the dataset's, under 4 GiB:
// checked before HDF5 allocates a chunk to read.
void check_chunk(hid_t dcpl, const DatasetRule& rule, const std::string& where) {
  const int want_rank = rule.nx < 0 ? 1 : 2;
  hsize_t chunk[H5S_MAX_RANK] = {};
  const int rank = SLABHYDRO_H5_CHECK(H5Pget_chunk(dcpl, H5S_MAX_RANK, chunk), where);
  const hsize_t dims[2] = {hsize_t(rule.ny), hsize_t(rule.nx)};
  bool ok = rank == want_rank;
  hsize_t values = 1;
  for (int k = 0; ok && k < rank; ++k) {
    ok = chunk[k] >= 1 && chunk[k] <= dims[k];
    values *= chunk[k];
  }
  if (!ok || values * rule.type_size >= (hsize_t(1) << 32)) {
    std::string shape;
    for (int k = 0; k < std::min(rank, H5S_MAX_RANK); ++k)
      shape += (k ? "x" : "") + std::to_string(chunk[k]);
    throw Error(where + ": chunks of " + shape +
                " do not fit the dataset (each extent 1 to the dataset's, under 4 GiB)");
  }
}

// Only the filters slabhydro knows, each available here; returns their count.
int check_filters(hid_t dcpl, const std::string& where) {
  const int nfilters = SLABHYDRO_H5_CHECK(H5Pget_nfilters(dcpl), where);
  for (int k = 0; k < nfilters; ++k) {
    unsigned flags = 0, config = 0;
    std::size_t nvalues = 0;
    char name[128] = "";
    const H5Z_filter_t id = H5Pget_filter2(dcpl, static_cast<unsigned>(k), &flags, &nvalues,
                                           nullptr, sizeof name, name, &config);
    if (id < 0) throw Error(where + ": filter " + std::to_string(k) + " cannot be read");
    const std::string which =
        "filter " + std::to_string(id) + (name[0] ? std::string(" (") + name + ")" : "");
    if (id != H5Z_FILTER_DEFLATE && id != H5Z_FILTER_SZIP && id != H5Z_FILTER_SHUFFLE &&
        id != H5Z_FILTER_FLETCHER32)
      throw Error(where + ": stored with " + which +
                  ", not one slabhydro reads (deflate, szip, shuffle, fletcher32)");
    if (H5Zfilter_avail(id) <= 0)
      throw Error(where + ": compressed with " + which + ", which this HDF5 does not have");
  }
  return nfilters;
}

}  // namespace

void check_dataset(hid_t dset, const DatasetRule& rule, const std::string& where,
                   std::uint64_t file_bytes) {
  const H5Type t{SLABHYDRO_H5_CHECK(H5Dget_type(dset), where)};
  if (H5Tget_class(t.get()) != rule.type_class || H5Tget_size(t.get()) != rule.type_size)
    throw Error(where + ": type is " + describe_datatype(t.get()) + ", expected float" +
                std::to_string(8 * rule.type_size));
  const H5Space s{SLABHYDRO_H5_CHECK(H5Dget_space(dset), where)};
  check_shape(s.get(), rule.ny, rule.nx, where);
  const int want_rank = rule.nx < 0 ? 1 : 2;
  const H5Plist dcpl{SLABHYDRO_H5_CHECK(H5Dget_create_plist(dset), where)};
  const H5D_layout_t layout = H5Pget_layout(dcpl.get());
  if (layout != H5D_CONTIGUOUS && layout != H5D_CHUNKED && layout != H5D_COMPACT)
    throw Error(where + ": its layout (virtual or unknown) is not one slabhydro reads");
  if (SLABHYDRO_H5_CHECK(H5Pget_external_count(dcpl.get()), where) != 0)
    throw Error(where + ": its data is stored in external files, which slabhydro does not read");
  if (layout == H5D_CHUNKED) check_chunk(dcpl.get(), rule, where);
  const int nfilters = check_filters(dcpl.get(), where);
  const hsize_t stored = H5Dget_storage_size(dset);
  if (stored > file_bytes)
    throw Error(where + ": claims " + std::to_string(stored) + " bytes of storage in a file of " +
                std::to_string(file_bytes));
  const hsize_t logical =
      hsize_t(rule.ny) * (want_rank == 1 ? 1 : hsize_t(rule.nx)) * rule.type_size;
  if (nfilters == 0 && logical > file_bytes)
    throw Error(where + ": " + std::to_string(logical) + " bytes of data cannot fit in a file of " +
                std::to_string(file_bytes) + " bytes");
  // Compressed: no filter expands data more than deflate's best, about 1032 to 1.
  constexpr hsize_t kMaxExpansion = 1100;
  if (nfilters > 0 && (stored == 0 || logical / kMaxExpansion > stored))
    throw Error(where + ": " + std::to_string(logical) + " bytes of data from " +
                std::to_string(stored) + " stored, more than any compression gives");
}

}  // namespace slabhydro
