#pragma once
// POSIX file operations of the I/O layer, each throwing slabhydro::Error
// (local, not collective) with the path and strerror on failure.
#include <cstdint>
#include <string>
#include <vector>

namespace slabhydro {

// "dir/name.h5" -> "dir/name.h5.tmp": where a file is written before it is complete.
std::string tmp_name(const std::string& path);
std::string parent_dir(const std::string& path);  // "." for a bare name
std::string join_path(const std::string& dir, const std::string& name);

bool file_exists(const std::string& path);
std::uint64_t file_size(const std::string& path);
void make_directories(const std::string& dir);  // mkdir -p
void fsync_file(const std::string& path);
void fsync_dir(const std::string& dir);
// rename(from, to) (atomic, replaces `to`), then fsync of the directory so
// the new name survives a crash.
void commit_rename(const std::string& from, const std::string& to);
void remove_file(const std::string& path);
// Names (not paths) of the entries of `dir`; empty if it does not exist.
std::vector<std::string> list_dir(const std::string& dir);

}  // namespace slabhydro
