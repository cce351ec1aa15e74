#pragma once
// The output files of a run in its directory, found by name:
//   <basename>_chk_<step>.h5   checkpoints    (step: 6 or more digits)
//   <basename>_plt_<step>.h5   plot files, with <basename>_plt_<step>.xmf
// and NAME.tmp while one is being written. Finding the newest complete
// checkpoint, keeping the last N, and the files a run could overwrite.
// All functions are local (call them on one rank) and only list, open for
// reading, or delete.
#include <string>
#include <vector>

namespace slabhydro {

std::string checkpoint_name(const std::string& basename, long long step);  // "sod_chk_000012.h5"
std::string plot_name(const std::string& basename, long long step);        // "sod_plt_000012.h5"
std::string xdmf_name(const std::string& plot_h5_name);                   // ".h5" -> ".xmf"

enum class OutputKind { checkpoint, plot, plot_xdmf };

struct OutputFile {
  std::string path;  // dir/name
  OutputKind kind;
  long long step;
  bool tmp;          // NAME.tmp: an unfinished write
};

// Output files of `basename` in `dir`, highest step first (a .tmp after its final name).
std::vector<OutputFile> list_outputs(const std::string& dir, const std::string& basename);

struct LatestCheckpoint {
  std::string path;                   // empty: none found
  std::vector<std::string> skipped;   // "NAME: reason", newest first
};
// The complete, readable checkpoint with the highest step; .tmp, incomplete
// and unreadable files above it are skipped, each with the reason.
LatestCheckpoint find_latest_checkpoint(const std::string& dir, const std::string& basename);

// After checkpoint `newest_step` is complete: deletes checkpoints of
// `basename` with lower steps so that `keep` remain at or below newest_step
// (files with higher steps and .tmp files are left alone). Returns the paths
// deleted; a file that cannot be deleted is reported in `failures`.
std::vector<std::string> prune_checkpoints(const std::string& dir, const std::string& basename,
                                           long long newest_step, int keep,
                                           std::vector<std::string>& failures);

// Final-named output files (not .tmp) of `basename` with lo <= step <= hi
// (hi < 0: no upper bound): the files a run over those steps could overwrite.
std::vector<std::string> outputs_in_step_range(const std::string& dir,
                                               const std::string& basename, long long lo,
                                               long long hi);

}  // namespace slabhydro
