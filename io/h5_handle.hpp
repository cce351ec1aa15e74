#pragma once
// Move-only owner of one HDF5 id, templated on its close function
// (Parthenon's H5Handle<&H5Fclose>). close() is checked and throws; the
// destructor closes quietly, for the unwinding path after an error (a failed
// close there could only hide the first error).
#include <hdf5.h>

#include <string>
#include <utility>

#include "io/h5_check.hpp"

namespace slabhydro {

template <herr_t (*Close)(hid_t)>
class H5Handle {
 public:
  H5Handle() = default;
  explicit H5Handle(hid_t id) : id_(id) {}
  ~H5Handle() {
    if (valid()) Close(id_);
  }
  H5Handle(const H5Handle&) = delete;
  H5Handle& operator=(const H5Handle&) = delete;
  H5Handle(H5Handle&& o) noexcept : id_(std::exchange(o.id_, H5I_INVALID_HID)) {}
  H5Handle& operator=(H5Handle&& o) noexcept {
    if (this != &o) {
      if (valid()) Close(id_);
      id_ = std::exchange(o.id_, H5I_INVALID_HID);
    }
    return *this;
  }

  hid_t get() const { return id_; }
  bool valid() const { return id_ >= 0; }

  // Checked close; `what` names the object in the error.
  void close(const std::string& what) {
    if (!valid()) return;
    const hid_t id = std::exchange(id_, H5I_INVALID_HID);
    SLABHYDRO_H5_CHECK(Close(id), what);
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
};

using H5File = H5Handle<&H5Fclose>;
using H5Group = H5Handle<&H5Gclose>;
using H5Dataset = H5Handle<&H5Dclose>;
using H5Space = H5Handle<&H5Sclose>;
using H5Plist = H5Handle<&H5Pclose>;
using H5Attr = H5Handle<&H5Aclose>;
using H5Type = H5Handle<&H5Tclose>;

}  // namespace slabhydro
