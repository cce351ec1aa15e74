#pragma once
// The data of the FLASH-I/O-style benchmark (slabhydro bench): 24 unknowns on
// a slab with guard cells, filled with a pattern of (variable, global i,
// global j) so that every value of every file can be checked, and the
// float32 plot variables, at cell centres and averaged onto cell corners.
//
// Pattern: unknown v of zone (i, j) of an nx-wide mesh holds
//   (j * nx + i) + (v + 1) / 32
// (the zone's linear index, the variable in the fraction): exact in float64
// for any mesh that fits in memory, exact in float32 while j * nx + i < 2^19 (24 bits).
//
// Corner (I, J), I in [0, nx], J in [0, ny], is the average of the four cells
// around it, ((c(I-1, J-1) + c(I, J-1)) + c(I-1, J)) + c(I, J)) * 0.25, always
// in this order. At a slab boundary the cells of the neighbouring slab come
// through the halo exchange; at the domain edge the guard cells are outflow
// copies of the nearest interior cell, so an edge corner is the average of
// the cells that exist (two on a side, one at a domain corner). The same
// operations on the same values: the corner file does not depend on the
// rank count, bit for bit.
//
// Everything here runs in the execution space on device views; the I/O
// layer sees host mirrors only.
#include <array>
#include <string>
#include <vector>

#include "solver/kokkos_types.hpp"
#include "solver/mesh.hpp"

namespace slabhydro {

constexpr int kBenchUnknowns = 24;
constexpr int kBenchPlotVars = 4;

// dens velx vely velz pres ener temp gamc game enuc gpot f1 ... f13 (FLASH-IO).
const std::vector<std::string>& bench_unknown_names();
// Indices into the unknowns of the plot variables dens, temp, pres, f1.
constexpr std::array<int, kBenchPlotVars> kBenchPlotIndex = {0, 6, 4, 11};
std::vector<std::string> bench_plot_names();

KOKKOS_INLINE_FUNCTION double bench_pattern(int v, long long i, long long j, long long nx) {
  return static_cast<double>(j * nx + i) + static_cast<double>(v + 1) * 0.03125;
}

// The corner value the files must hold, computed from the pattern alone (the
// reference of --verify and of the tests). Float64 before the float32 cast.
double bench_corner_expected(int v, long long I, long long J, long long nx, long long ny);

// The columns of a slab's corners: its own cell columns' left corners, and
// the last slab also the right edge (I = nx).
inline int corner_columns(const Slab& s) { return s.nx_local + (s.has_x1_outer_edge() ? 1 : 0); }

// u(v, j, i) for v < kBenchUnknowns: the pattern in the interior, `guard`
// in every guard cell.
void bench_fill_unknowns(const Slab& s, const DvceArray3D<double>& u, double guard);

// Outflow copies into the guard cells at the domain edges: the x sides of the
// end slabs (interior rows), then the y sides over every column. Call after
// the halo exchange, which fills the x guards between slabs.
void bench_fill_edge_guards(const Slab& s, const DvceArray3D<double>& u);

// out(k, j, i) = float(u(kBenchPlotIndex[k], j + ng, i + ng)): the interior
// as float32, shape (4, ny, nx_local).
void bench_plot_vars(const Slab& s, const DvceArray3D<double>& u, const DvceArray3D<float>& out);

// out(k, J, I) = the corner average as float32, shape (4, ny + 1,
// corner_columns(s)). Needs the guard cells filled (halo + edge guards).
void bench_corner_vars(const Slab& s, const DvceArray3D<double>& u, const DvceArray3D<float>& out);

}  // namespace slabhydro
