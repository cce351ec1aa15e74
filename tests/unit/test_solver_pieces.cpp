// Pieces of the solver on small hand-made slabs: the CFL key and its bad-zone
// encoding, the physical boundaries (which guard cells each one fills, and
// which it must leave to the halo exchange), and the state digest.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "solver/boundary.hpp"
#include "solver/digest.hpp"
#include "solver/timestep.hpp"

using namespace slabhydro;

namespace {

Slab make_slab(int nx, int ny, int ng, int x_offset, int nx_local) {
  Slab s;
  s.mesh.nx = nx;
  s.mesh.ny = ny;
  s.mesh.ng = ng;
  s.x_offset = x_offset;
  s.nx_local = nx_local;
  return s;
}

double field(int ig, int jg, int v) { return 1.0 + ig + 100.0 * jg + 1.0e4 * v; }
constexpr double kSentinel = -777.0;

// Interior from field(), guards the sentinel.
HostArray3D<double> filled(const Slab& s) {
  HostArray3D<double> h("h", NVAR, s.ny_tot(), s.nx_tot());
  for (int v = 0; v < NVAR; ++v)
    for (int j = 0; j < s.ny_tot(); ++j)
      for (int i = 0; i < s.nx_tot(); ++i) {
        const bool in = j >= s.js() && j < s.je() && i >= s.is() && i < s.ie();
        h(v, j, i) = in ? field(s.x_offset + i - s.mesh.ng, j - s.mesh.ng, v) : kSentinel;
      }
  return h;
}

HostArray3D<double> after_boundaries(const Slab& s, const Boundaries& bc) {
  HostArray3D<double> h = filled(s);
  DvceArray3D<double> u("u", NVAR, s.ny_tot(), s.nx_tot());
  Kokkos::deep_copy(u, h);
  apply_physical_boundaries(s, bc, u);
  Kokkos::deep_copy(h, u);
  return h;
}

// Index of the zone a guard index k (stored) takes its value from, along one
// direction with interior [first, last], for the boundary type; -1: untouched.
int source_index(int k, int first, int last, BoundaryType t, bool& flip) {
  flip = false;
  if (k >= first && k <= last) return k;
  const bool inner = k < first;
  const int g = inner ? first - 1 - k : k - last - 1;  // 0 next to the edge
  switch (t) {
    case BoundaryType::outflow: return inner ? first : last;
    case BoundaryType::reflecting: flip = true; return inner ? first + g : last - g;
    case BoundaryType::periodic: return inner ? last - g : first + g;
  }
  return -1;
}

}  // namespace

TEST_CASE("CFL key: dt of the slowest zone, bad zones first in global order", "[unit][timestep]") {
  HydroOptions opt;
  opt.gamma = 1.4;
  opt.cfl = 0.5;
  const int nx = 10, ny = 6;
  const Slab a = make_slab(nx, ny, 2, 0, 5), b = make_slab(nx, ny, 2, 5, 5);
  auto uniform = [&](const Slab& s, double d, double vx, double vy, double p) {
    HostArray3D<double> h("h", NVAR, s.ny_tot(), s.nx_tot());
    for (int j = 0; j < s.ny_tot(); ++j)
      for (int i = 0; i < s.nx_tot(); ++i) {
        h(IDN, j, i) = d;
        h(IM1, j, i) = d * vx;
        h(IM2, j, i) = d * vy;
        h(IEN, j, i) = p / (opt.gamma - 1.0) + 0.5 * d * (vx * vx + vy * vy);
      }
    return h;
  };
  DvceArray3D<double> ua("ua", NVAR, a.ny_tot(), a.nx_tot());
  DvceArray3D<double> ub("ub", NVAR, b.ny_tot(), b.nx_tot());
  HostArray3D<double> ha = uniform(a, 1.0, 0.5, -0.25, 1.0);
  HostArray3D<double> hb = uniform(b, 1.0, 0.5, -0.25, 1.0);
  // A faster zone in b sets the step.
  hb(IM1, 3, 4) = 2.0;
  hb(IEN, 3, 4) = 1.0 / 0.4 + 0.5 * (4.0 + 0.0625);
  // A bad zone in a guard cell is not looked at.
  ha(IDN, 0, 0) = -1.0;
  Kokkos::deep_copy(ua, ha);
  Kokkos::deep_copy(ub, hb);
  const double c = std::sqrt(1.4);
  const double dx = 0.1, dy = 1.0 / 6.0;
  const double ka = local_timestep_key(a, ua, opt), kb = local_timestep_key(b, ub, opt);
  CHECK(ka == Approx(0.5 * std::fmin(dx / (0.5 + c), dy / (0.25 + c))).epsilon(1e-14));
  CHECK(kb == Approx(0.5 * std::fmin(dx / (2.0 + c), dy / (0.25 + c))).epsilon(1e-14));
  const LocalTimestep t = decode_timestep_key(a.mesh, std::fmin(ka, kb));
  CHECK(t.bad_zone == -1);
  CHECK(t.dt == kb);

  // Bad zones: negative density at global (7, 2), NaN pressure at (8, 1) and
  // zero density at (3, 5): the first in global order i*ny + j is (3, 5).
  hb(IDN, 2 + 2, 2 + 2) = -1.0;                                      // (7, 2)
  hb(IEN, 2 + 1, 2 + 3) = std::numeric_limits<double>::quiet_NaN();  // (8, 1)
  Kokkos::deep_copy(ub, hb);
  const double kb_bad = local_timestep_key(b, ub, opt);
  CHECK(decode_timestep_key(b.mesh, kb_bad).bad_zone == 7 * ny + 2);
  ha(IDN, 2 + 5, 2 + 3) = 0.0;  // (3, 5)
  Kokkos::deep_copy(ua, ha);
  const double ka_bad = local_timestep_key(a, ua, opt);
  CHECK(decode_timestep_key(a.mesh, ka_bad).bad_zone == 3 * ny + 5);
  // The reduction over slabs (MPI_MIN in the driver) finds the first.
  CHECK(decode_timestep_key(a.mesh, std::fmin(ka_bad, kb_bad)).bad_zone == 3 * ny + 5);
  CHECK(decode_timestep_key(a.mesh, std::fmin(kb_bad, ka)).bad_zone == 7 * ny + 2);
  // Zone 0 is encodable too.
  ha(IDN, 2, 2) = -1.0;
  Kokkos::deep_copy(ua, ha);
  CHECK(decode_timestep_key(a.mesh, local_timestep_key(a, ua, opt)).bad_zone == 0);
}

TEST_CASE("physical boundaries fill exactly the guard cells they own", "[unit][boundary]") {
  const int nx = 7, ny = 5, ng = 2;
  using B = BoundaryType;
  struct Variant {
    B x, y;
  };
  const Variant variants[] = {{B::outflow, B::outflow},
                              {B::reflecting, B::reflecting},
                              {B::outflow, B::periodic},
                              {B::periodic, B::reflecting},
                              {B::reflecting, B::periodic}};
  // One slab spanning the domain, one at each edge, one in the middle.
  const int cuts[][2] = {{0, nx}, {0, 3}, {3, 2}, {5, 2}};
  for (const Variant& var : variants)
    for (const auto& cut : cuts) {
      const Slab s = make_slab(nx, ny, ng, cut[0], cut[1]);
      const Boundaries bc{var.x, var.x, var.y, var.y};
      INFO("x " << static_cast<int>(var.x) << " y " << static_cast<int>(var.y) << " slab ["
                << cut[0] << ", " << cut[0] + cut[1] << ")");
      const HostArray3D<double> h = after_boundaries(s, bc);
      long long wrong = 0;
      for (int v = 0; v < NVAR; ++v)
        for (int j = 0; j < s.ny_tot(); ++j)
          for (int i = 0; i < s.nx_tot(); ++i) {
            // x first (interior rows, only at a domain edge, never periodic),
            // then y over every column.
            bool fx = false, fy = false;
            int si = i;
            const bool x_guard = i < s.is() || i >= s.ie();
            const bool at_edge =
                (i < s.is() && s.has_x1_inner_edge()) || (i >= s.ie() && s.has_x1_outer_edge());
            bool x_filled = !x_guard;
            if (x_guard && at_edge && var.x != B::periodic) {
              si = source_index(i, s.is(), s.ie() - 1, var.x, fx);
              x_filled = true;
            }
            const int sj = source_index(j, s.js(), s.je() - 1, var.y, fy);
            // x guard columns the slab does not own keep the sentinel (the
            // halo exchange's job); the y sides copy whatever the column holds.
            double want = x_filled ? field(s.x_offset + si - ng, sj - ng, v) : kSentinel;
            if (fx && v == IM1) want = -want;  // reflecting: normal momentum flips
            if (fy && v == IM2) want = -want;
            if (h(v, j, i) != want) {
              ++wrong;
              if (wrong <= 3) {
                INFO("stored (v, j, i) = (" << v << ", " << j << ", " << i << "): got "
                                            << h(v, j, i) << ", want " << want);
                CHECK(h(v, j, i) == want);
              }
            }
          }
      CHECK(wrong == 0);
    }
}

TEST_CASE("state digest: independent of the cut, sensitive to every bit", "[unit][digest]") {
  const int nx = 9, ny = 4, ng = 2;
  auto digest_of = [&](const std::vector<int>& widths, int flip_i = -1) {
    std::vector<std::uint64_t> cols;
    int off = 0;
    for (int w : widths) {
      const Slab s = make_slab(nx, ny, ng, off, w);
      HostArray3D<double> h = filled(s);
      if (flip_i >= off && flip_i < off + w) {
        double& x = h(IEN, ng + 3, ng + flip_i - off);
        std::uint64_t bits = double_bits(x) ^ 1ULL;  // the last bit of one value
        std::memcpy(&x, &bits, sizeof x);
      }
      std::vector<std::uint64_t> c(w);
      column_hashes(s, h, c.data());
      cols.insert(cols.end(), c.begin(), c.end());
      off += w;
    }
    REQUIRE(off == nx);
    return combine_column_hashes(cols);
  };
  const std::uint64_t whole = digest_of({9});
  CHECK(digest_of({5, 4}) == whole);
  CHECK(digest_of({3, 3, 3}) == whole);
  CHECK(digest_of({1, 7, 1}) == whole);
  CHECK(digest_of({9}, 0) != whole);
  CHECK(digest_of({9}, 8) != whole);
  CHECK(digest_of({4, 5}, 6) == digest_of({9}, 6));
  // Guard cells do not enter the digest.
  const Slab s = make_slab(nx, ny, ng, 0, nx);
  HostArray3D<double> h = filled(s);
  std::vector<std::uint64_t> c1(nx), c2(nx);
  column_hashes(s, h, c1.data());
  h(IDN, 0, 0) = 123.0;
  h(IM1, ng + 1, 0) = 123.0;
  column_hashes(s, h, c2.data());
  CHECK(c1 == c2);
  // Columns are hashed with their global index: swapping two equal-content
  // columns' positions changes the digest.
  std::vector<std::uint64_t> swapped = c1;
  std::swap(swapped[0], swapped[1]);
  CHECK(combine_column_hashes(swapped) != combine_column_hashes(c1));
  // Printed as 16 lowercase hex digits.
  CHECK(digest_hex(1) == "0000000000000001");
  CHECK(digest_hex(0xABCDEF0123456789ULL) == "abcdef0123456789");
}
