#pragma once
// POSIX file operations of the I/O layer, each throwing slabhydro::Error
// (local, not collective) with the path and strerror on failure.
#include <cstdint>
#include <string>
#include <vector>

namespace slabhydro {

// Where a file is written before it is complete: "dir/name.h5" ->
// "dir/name.h5.<tag>.tmp" ("dir/name.h5.tmp" with no tag). The tag makes the
// name unique to the writer (a run's id), so two writers never share one.
std::string tmp_name(const std::string& path, const std::string& tag = "");
std::string parent_dir(const std::string& path);  // "." for a bare name
std::string base_name(const std::string& path);   // "dir/name.h5" -> "name.h5"
std::string join_path(const std::string& dir, const std::string& name);

bool file_exists(const std::string& path);  // anything there (stat follows links)
bool is_symlink(const std::string& path);
// A regular file, not a symbolic link (lstat): what may be pruned or moved.
bool is_plain_file(const std::string& path);
// Throws Error unless `path` (after symbolic links) is a regular file, saying
// what it is instead (missing, a directory, a FIFO, a device, a socket), so
// that nothing opens a FIFO or a device and waits forever.
void require_regular_file(const std::string& path);
std::uint64_t file_size(const std::string& path);
// mkdir -p; a dangling symbolic link or a non-directory is named in the error.
void make_directories(const std::string& dir);
void fsync_file(const std::string& path);
// fdatasync: the data and what is needed to read it back (size, blocks), not
// the timestamps, so no journal commit where only written blocks changed.
void fdatasync_file(const std::string& path);
void fsync_dir(const std::string& dir);
// rename(from, to) (atomic, replaces `to`), then (durable) fsync of the
// directory so the new name survives a crash.
void commit_rename(const std::string& from, const std::string& to, bool durable = true);
void remove_file(const std::string& path);
// Names (not paths) of the entries of `dir`; empty if it does not exist.
std::vector<std::string> list_dir(const std::string& dir);

// Bytes available to this user in the file system holding `dir` (statvfs).
std::uint64_t free_bytes(const std::string& dir);
// Makes sure `bytes` bytes can be written to the existing file `path` without
// running out of space: allocates them (fallocate, keeping the file's size,
// so that whoever writes it sees nothing else), or where the file system
// cannot allocate, checks the free space instead. Throws Error naming the
// file, the bytes needed and free. release_reserved_space(path) afterwards
// gives back what the file did not use (a truncate to its own size).
void reserve_space(const std::string& path, std::uint64_t bytes);
void release_reserved_space(const std::string& path);

}  // namespace slabhydro
