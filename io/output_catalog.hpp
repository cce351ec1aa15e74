#pragma once
// The output files of a run in its directory, found by name:
//   <basename>_chk_<step>.h5   checkpoints    (step: 6 or more digits)
//   <basename>_plt_<step>.h5   plot files, with <basename>_plt_<step>.xmf
// and NAME.tmp or NAME.<tag>.tmp while one is being written. Which run wrote
// a file is read from the file (its lineage, lineage.hpp), never guessed from
// its name. Finding the newest valid checkpoint, keeping the last N, and
// moving aside what a restart supersedes. All functions are local (call them
// on one rank).
#include <string>
#include <vector>

namespace slabhydro {

std::string checkpoint_name(const std::string& basename, long long step);  // "sod_chk_000012.h5"
std::string plot_name(const std::string& basename, long long step);        // "sod_plt_000012.h5"
std::string xdmf_name(const std::string& plot_h5_name);                    // ".h5" -> ".xmf"

enum class OutputKind { checkpoint, plot, plot_xdmf };

struct OutputFile {
  std::string path;  // dir/name
  OutputKind kind;
  long long step;
  bool tmp;    // NAME.tmp or NAME.<tag>.tmp: an unfinished write
  bool exact;  // named exactly as slabhydro names it (6-digit padding, no tag)
};

// Entries of `dir` named as output of `basename` (whatever they are: files,
// links, directories), highest step first (a .tmp after its final name).
std::vector<OutputFile> list_outputs(const std::string& dir, const std::string& basename);

// The lineage written in a file: in an HDF5 file the root attribute
// `lineage`, in an XDMF sidecar its <Information Name="lineage">.
struct FileLineage {
  enum class State { unreadable, none, id } state = State::unreadable;
  std::string id;  // when state == id
};
FileLineage read_lineage(const OutputFile& f);

struct LatestCheckpoint {
  std::string path;  // empty: none found
  long long step = -1;
  std::vector<std::string> skipped;  // "NAME: reason", newest first
};
// The newest checkpoint below `below_step` (< 0: no bound) whose metadata
// verify (checkpoint_io.hpp read_checkpoint_meta) and that is complete, with
// the step of its name; .tmp, incomplete, unreadable and damaged files above
// it are skipped, each with the reason.
LatestCheckpoint find_latest_checkpoint(const std::string& dir, const std::string& basename,
                                        long long below_step = -1);

// After checkpoint `newest_step` is complete: deletes this lineage's older
// checkpoints so that `keep` of them remain at or below newest_step. Only
// regular files (never links or directories) named exactly as this run names
// them and carrying `lineage` count or are deleted; everything else is left
// alone. Returns the paths deleted; a file that cannot be deleted is reported
// in `failures`.
std::vector<std::string> prune_checkpoints(const std::string& dir, const std::string& basename,
                                           long long newest_step, int keep,
                                           const std::string& lineage,
                                           std::vector<std::string>& failures);

// The output of `basename` after `after_step` (< 0: all) that a run of
// `lineage` continuing from there would supersede: `own` holds what that
// lineage wrote, every unfinished (.tmp) or unreadable file, and entries that
// are not regular files (at `after_step` itself only unfinished, unreadable
// and non-regular ones); `foreign` the files another run wrote (a different
// lineage, or none: slabhydro 0.1). Lowest step first.
struct Superseded {
  std::vector<std::string> own, foreign;
};
Superseded superseded_outputs(const std::string& dir, const std::string& basename,
                              long long after_step, const std::string& lineage);

// Moves `paths` (entries of `dir`) into dir/superseded/<UTC time>/, without
// following links; returns that directory. Throws Error if one cannot be moved.
std::string move_aside(const std::string& dir, const std::vector<std::string>& paths);

}  // namespace slabhydro
