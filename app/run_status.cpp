#include "app/run_status.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>

#include "common/error.hpp"
#include "common/number_text.hpp"
#include "io/file_ops.hpp"

namespace slabhydro {

void write_run_status(const std::string& dir, const RunStatus& s) {
  const std::string path = join_path(dir, "run_status");
  const std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::trunc);
    f << "# written by slabhydro; read by jobscripts/\n"
      << "state=" << s.state << "\n"
      << "reason=" << s.reason << "\n"
      << "step=" << s.step << "\n"
      << "time=" << exact_text(s.time) << "\n"
      << "checkpoint=" << s.checkpoint << "\n"
      << "ranks=" << s.ranks << "\n"
      << "basename=" << s.basename << "\n";
    f.close();
    if (!f) {
      warn("cannot write " + tmp);
      std::remove(tmp.c_str());
      return;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    warn("cannot rename " + tmp + " to " + path);
    std::remove(tmp.c_str());
  }
}

}  // namespace slabhydro
