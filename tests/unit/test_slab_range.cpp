// The slab cut (decomposition/slab_decomposition.cpp): slab_range arithmetic
// and check_decomposition's errors. Pure arithmetic, no communication.
#include <catch2/catch.hpp>

#include <string>

#include "common/error.hpp"
#include "decomposition/slab_decomposition.hpp"

using namespace slabhydro;

TEST_CASE("slab_range: contiguous cover, first nx % np ranks one wider", "[unit][decomposition]") {
  long long bad = 0;
  for (int nx = 1; nx <= 160; ++nx)
    for (int np = 1; np <= nx && np <= 17; ++np) {
      int next = 0;
      for (int r = 0; r < np; ++r) {
        const SlabRange s = slab_range(nx, np, r);
        const int want = nx / np + (r < nx % np ? 1 : 0);
        if (s.x_offset != next || s.nx_local != want) {
          ++bad;
          INFO("nx " << nx << " np " << np << " rank " << r << ": offset " << s.x_offset
                     << " (want " << next << "), width " << s.nx_local << " (want " << want << ")");
          CHECK(false);
        }
        next = s.x_offset + s.nx_local;
      }
      bad += next != nx;
    }
  CHECK(bad == 0);
}

TEST_CASE("slab_range: worked examples", "[unit][decomposition]") {
  const int w70_3[][2] = {{0, 24}, {24, 23}, {47, 23}};
  for (int r = 0; r < 3; ++r) {
    CHECK(slab_range(70, 3, r).x_offset == w70_3[r][0]);
    CHECK(slab_range(70, 3, r).nx_local == w70_3[r][1]);
  }
  const int w70_4[][2] = {{0, 18}, {18, 18}, {36, 17}, {53, 17}};
  for (int r = 0; r < 4; ++r) {
    CHECK(slab_range(70, 4, r).x_offset == w70_4[r][0]);
    CHECK(slab_range(70, 4, r).nx_local == w70_4[r][1]);
  }
  CHECK(slab_range(5, 5, 4).x_offset == 4);
  CHECK(slab_range(5, 5, 4).nx_local == 1);
  CHECK(slab_range(1 << 30, 7, 6).x_offset + slab_range(1 << 30, 7, 6).nx_local == 1 << 30);
}

TEST_CASE("check_decomposition: np > nx and slabs narrower than ng", "[unit][decomposition]") {
  GlobalMesh m;
  m.ny = 8;
  m.ng = 2;

  m.nx = 3;
  try {
    check_decomposition(m, 4);
    FAIL("no error for 4 ranks on nx = 3");
  } catch (const Error& e) {
    const std::string msg = e.what();
    INFO(msg);
    CHECK(e.collective());
    CHECK(msg.find("mesh.nx") != std::string::npos);
    CHECK(msg.find("3 columns") != std::string::npos);
    CHECK(msg.find("4 slabs") != std::string::npos);
  }

  // nx = 7 on 4 ranks: widths 2 2 2 1; ng = 2 does not fit the last.
  m.nx = 7;
  try {
    check_decomposition(m, 4);
    FAIL("no error for a 1-column slab with ng = 2");
  } catch (const Error& e) {
    const std::string msg = e.what();
    INFO(msg);
    CHECK(e.collective());
    CHECK(msg.find("4 ranks") != std::string::npos);
    CHECK(msg.find("1 columns") != std::string::npos);
    CHECK(msg.find("mesh.ng = 2") != std::string::npos);
    CHECK(msg.find("at most 3 ranks") != std::string::npos);
  }

  // The limits themselves are fine: every slab exactly ng wide, np == nx.
  m.nx = 8;
  CHECK_NOTHROW(check_decomposition(m, 4));
  m.ng = 1;
  m.nx = 5;
  CHECK_NOTHROW(check_decomposition(m, 5));
  // One rank narrower than ng (also an error: the periodic halo would need
  // columns the slab does not have).
  m.ng = 3;
  m.nx = 2;
  CHECK_THROWS_AS(check_decomposition(m, 1), Error);
  // The suggested rank count is itself valid.
  m.ng = 2;
  m.nx = 70;
  CHECK_THROWS_AS(check_decomposition(m, 36), Error);
  CHECK_NOTHROW(check_decomposition(m, 35));
}

TEST_CASE("check_decomposition's advice names a rank count that works", "[unit][decomposition]") {
  // A refusal may advise "use at most K ranks"; if it does, K must be the
  // largest rank count check_decomposition accepts for this mesh (so there
  // must be one: nx >= ng). Checked for both refusals: np > nx, and a slab
  // narrower than ng.
  long long bad = 0;
  bool shown[2][2] = {{false, false}, {false, false}};  // [np > nx][some count works]
  for (int ng = 1; ng <= 4; ++ng)
    for (int nx = 1; nx <= 24; ++nx)
      for (int np = 1; np <= 30; ++np) {
        GlobalMesh m;
        m.nx = nx;
        m.ny = 4;
        m.ng = ng;
        std::string msg;
        try {
          check_decomposition(m, np);
          continue;
        } catch (const Error& e) {
          msg = e.what();
        }
        int valid = 0;  // the largest accepted rank count, 0 if none
        for (int k = 1; k <= nx; ++k) {
          try {
            check_decomposition(m, k);
            valid = k;
          } catch (const Error&) {
          }
        }
        const auto at = msg.find("use at most ");
        if (at == std::string::npos) continue;  // no advice given
        const int advised = std::stoi(msg.substr(at + 12));
        if (valid > 0 && advised == valid) continue;
        ++bad;
        // Show the first wrong advice of each kind.
        bool& first = shown[np > nx][valid > 0];
        if (!first) {
          first = true;
          INFO("nx " << nx << " np " << np << " ng " << ng << ": the largest rank count that "
                     << "works is " << valid << " (0: none); the message says: " << msg);
          const bool advice_works = valid > 0 && advised == valid;
          CHECK(advice_works);
        }
      }
  CHECK(bad == 0);
}
