#pragma once
// OUTDIR/run_status: how the last run in an output directory ended, for batch
// scripts (jobscripts/) that decide whether to resubmit. Key=value lines:
//   state=running|complete|stopped   reason=tlim|nlim|time_limit|SIGTERM|SIGINT|stop_now
//   step=...  time=...  checkpoint=<file of the stop, if any>  ranks=...
// A run that crashed or was killed leaves state=running. One file per output
// directory: it describes the run started last there (basename=...), so batch
// scripts assume one run, one basename, per output directory.
#include <string>

namespace slabhydro {

struct RunStatus {
  std::string state;   // running | complete | stopped
  std::string reason;  // empty while running
  long long step = 0;
  double time = 0.0;
  std::string checkpoint;
  int ranks = 0;
  std::string basename;
};

// Rank 0 only: writes dir/run_status through a .tmp and a rename, so a reader
// never sees half a file. Failure is a warning, never an error: the file is
// a convenience for scripts, the run itself does not depend on it.
void write_run_status(const std::string& dir, const RunStatus& s);

}  // namespace slabhydro
