#include "io/slab_detail.hpp"

#include "common/error.hpp"
#include "io/h5_attributes.hpp"
#include "io/h5_objects.hpp"

namespace slabhydro {
namespace slab_detail {

void check_block(const SlabBlock& b) {
  if (b.nx <= 0 || b.ny <= 0 || b.ng < 0 || b.nx_local < 0 || b.x_offset < 0 ||
      b.x_offset + b.nx_local > b.nx)
    throw Error("slab I/O: block columns [" + std::to_string(b.x_offset) + ", " +
                std::to_string(b.x_offset + b.nx_local) + ") of a " + std::to_string(b.ny) + " x " +
                std::to_string(b.nx) + " dataset with " + std::to_string(b.ng) +
                " guard cells is not valid");
}

H5Space file_space(const SlabBlock& b, const std::string& where) {
  const hsize_t dims[2] = {hsize_t(b.ny), hsize_t(b.nx)};
  H5Space s{SLABHYDRO_H5_CHECK(H5Screate_simple(2, dims, nullptr), where)};
  if (b.nx_local == 0) {
    SLABHYDRO_H5_CHECK(H5Sselect_none(s.get()), where);
  } else {
    const hsize_t start[2] = {0, hsize_t(b.x_offset)},
                  count[2] = {hsize_t(b.ny), hsize_t(b.nx_local)};
    SLABHYDRO_H5_CHECK(H5Sselect_hyperslab(s.get(), H5S_SELECT_SET, start, nullptr, count, nullptr),
                       where);
  }
  return s;
}

H5Space memory_space(const SlabBlock& b, const std::string& where) {
  const hsize_t dims[2] = {hsize_t(b.ny) + 2 * b.ng, std::max<hsize_t>(plane_width(b), 1)};
  H5Space s{SLABHYDRO_H5_CHECK(H5Screate_simple(2, dims, nullptr), where)};
  if (b.nx_local == 0) {
    SLABHYDRO_H5_CHECK(H5Sselect_none(s.get()), where);
  } else {
    const hsize_t start[2] = {hsize_t(b.ng), hsize_t(b.ng)},
                  count[2] = {hsize_t(b.ny), hsize_t(b.nx_local)};
    SLABHYDRO_H5_CHECK(H5Sselect_hyperslab(s.get(), H5S_SELECT_SET, start, nullptr, count, nullptr),
                       where);
  }
  return s;
}

std::vector<SlabBlock> gather_blocks(const SlabFile& f, const SlabBlock& b) {
  const int mine[2] = {b.x_offset, b.nx_local};
  std::vector<int> all(f.rank() == 0 ? 2 * std::size_t(f.size()) : 0);
  SLABHYDRO_MPI_CHECK(MPI_Gather(mine, 2, MPI_INT, all.data(), 2, MPI_INT, 0, f.comm()));
  std::vector<SlabBlock> blocks(all.size() / 2, b);
  for (std::size_t r = 0; r < blocks.size(); ++r) {
    blocks[r].x_offset = all[2 * r];
    blocks[r].nx_local = all[2 * r + 1];
    blocks[r].ng = 0;
  }
  return blocks;
}

H5Dataset create_dataset(SlabFile& f, const std::string& name, hid_t file_type,
                         const std::vector<hsize_t>& dims, const DatasetOptions& d) {
  const std::string where = f.where(name);
  H5Space space{SLABHYDRO_H5_CHECK(
      H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), where)};
  const H5Plist lcpl = link_create_plist();
  const H5Plist dcpl = dataset_create_plist(d, static_cast<int>(dims.size()));
  return H5Dataset{SLABHYDRO_H5_CHECK(
      H5Dcreate2(f.id(), name.c_str(), file_type, space.get(), lcpl.get(), dcpl.get(), H5P_DEFAULT),
      where)};
}

H5Dataset open_2d(SlabFile& f, const std::string& name, const SlabBlock& b) {
  const std::string where = f.where(name);
  H5Dataset d{SLABHYDRO_H5_CHECK(H5Dopen2(f.id(), name.c_str(), H5P_DEFAULT), where)};
  const H5Space s{SLABHYDRO_H5_CHECK(H5Dget_space(d.get()), where)};
  check_shape(s.get(), b.ny, b.nx, where);
  return d;
}

}  // namespace slab_detail
}  // namespace slabhydro
