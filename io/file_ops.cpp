#include "io/file_ops.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/error.hpp"

namespace slabhydro {
namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw Error(what + " '" + path + "': " + std::strerror(errno));
}

void fsync_fd_of(const std::string& path, int flags, const char* what, bool data_only = false) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) fail(std::string("cannot open ") + what, path);
  if ((data_only ? ::fdatasync(fd) : ::fsync(fd)) != 0) {
    const int e = errno;
    ::close(fd);
    errno = e;
    fail(std::string("cannot fsync ") + what, path);
  }
  ::close(fd);
}

std::string link_target(const std::string& path) {
  char buf[4096];
  const ssize_t n = ::readlink(path.c_str(), buf, sizeof buf - 1);
  return n < 0 ? std::string("?") : std::string(buf, static_cast<std::size_t>(n));
}

std::string mib(std::uint64_t b) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%llu bytes (%.1f MiB)", static_cast<unsigned long long>(b),
                double(b) / (1024.0 * 1024.0));
  return buf;
}

}  // namespace

std::string tmp_name(const std::string& path, const std::string& tag) {
  return tag.empty() ? path + ".tmp" : path + "." + tag + ".tmp";
}

std::string parent_dir(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string join_path(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

bool file_exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

bool is_symlink(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

bool is_plain_file(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

void require_regular_file(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT && is_symlink(path))
      throw Error(path + ": a symbolic link to '" + link_target(path) + "', which does not exist");
    if (errno == ENOENT) throw Error(path + ": no such file");
    throw Error(path + ": cannot open: " + std::strerror(errno));
  }
  if (S_ISREG(st.st_mode)) return;
  const char* kind = S_ISDIR(st.st_mode)    ? "a directory"
                     : S_ISFIFO(st.st_mode) ? "a FIFO (named pipe)"
                     : S_ISCHR(st.st_mode)  ? "a character device"
                     : S_ISBLK(st.st_mode)  ? "a block device"
                     : S_ISSOCK(st.st_mode) ? "a socket"
                                            : "not a regular file";
  throw Error(path + ": " + kind + ", not a regular file");
}

std::uint64_t file_size(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) fail("cannot stat", path);
  return static_cast<std::uint64_t>(st.st_size);
}

void make_directories(const std::string& dir) {
  if (dir.empty()) return;
  std::string partial;
  std::size_t pos = 0;
  int mkdir_errno = 0;
  std::string failed;
  while (pos != std::string::npos) {
    pos = dir.find('/', pos + 1);
    partial = dir.substr(0, pos);
    if (partial.empty() || partial == "/") continue;
    if (::mkdir(partial.c_str(), 0777) == 0 || errno == EEXIST) continue;
    mkdir_errno = errno;
    failed = partial;
    break;
  }
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return;
  // Say which component is wrong: a dangling link, or something not a directory.
  for (pos = 0; pos != std::string::npos;) {
    pos = dir.find('/', pos + 1);
    partial = dir.substr(0, pos);
    if (partial.empty() || partial == "/") continue;
    if (::stat(partial.c_str(), &st) == 0) {
      if (S_ISDIR(st.st_mode)) continue;
      throw Error("cannot use output directory '" + dir + "': '" + partial +
                  "' exists and is not a directory");
    }
    if (is_symlink(partial))
      throw Error("cannot use output directory '" + dir + "': '" + partial +
                  "' is a symbolic link to '" + link_target(partial) + "', which does not exist");
    break;
  }
  if (mkdir_errno != 0) {
    errno = mkdir_errno;
    fail("cannot create directory", failed);
  }
  errno = ENOTDIR;
  fail("cannot use output directory", dir);
}

void fsync_file(const std::string& path) { fsync_fd_of(path, O_RDONLY, "file"); }

void fdatasync_file(const std::string& path) { fsync_fd_of(path, O_RDONLY, "file", true); }

void fsync_dir(const std::string& dir) { fsync_fd_of(dir, O_RDONLY | O_DIRECTORY, "directory"); }

void commit_rename(const std::string& from, const std::string& to, bool durable) {
  if (std::rename(from.c_str(), to.c_str()) != 0) fail("cannot rename '" + from + "' to", to);
  if (durable) fsync_dir(parent_dir(to));
}

void remove_file(const std::string& path) {
  if (std::remove(path.c_str()) != 0) fail("cannot remove", path);
}

std::vector<std::string> list_dir(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = ::opendir(dir.c_str());
  if (!d) {
    if (errno == ENOENT) return names;
    fail("cannot list directory", dir);
  }
  while (const dirent* e = ::readdir(d)) {
    const std::string n = e->d_name;
    if (n != "." && n != "..") names.push_back(n);
  }
  ::closedir(d);
  return names;
}

std::uint64_t free_bytes(const std::string& dir) {
  struct statvfs s;
  if (::statvfs(dir.c_str(), &s) != 0) fail("cannot read the free space of", dir);
  return static_cast<std::uint64_t>(s.f_bavail) * static_cast<std::uint64_t>(s.f_frsize);
}

void reserve_space(const std::string& path, std::uint64_t bytes) {
  if (bytes == 0) return;
  const int fd = ::open(path.c_str(), O_WRONLY);
  if (fd < 0) fail("cannot open", path);
  int rc = 0;
#if defined(__linux__)
  // Not posix_fallocate: where the file system cannot allocate, glibc would
  // emulate it by writing every block, which costs a full write.
  rc = ::fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, static_cast<off_t>(bytes)) == 0 ? 0 : errno;
#else
  rc = EOPNOTSUPP;
#endif
  ::close(fd);
  if (rc == 0) return;
  if (rc == ENOSPC || rc == EDQUOT || rc == EFBIG)
    throw Error("not enough space for '" + path + "': it needs " + mib(bytes) + ", " +
                mib(free_bytes(parent_dir(path))) + " are free (" + std::strerror(rc) + ")");
  // No allocation here (EOPNOTSUPP, ENOSYS, ...): the free space must do.
  const std::uint64_t free = free_bytes(parent_dir(path));
  if (free < bytes)
    throw Error("not enough space for '" + path + "': it needs " + mib(bytes) + ", " + mib(free) +
                " are free");
}

void release_reserved_space(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) fail("cannot stat", path);
  // Blocks allocated beyond the end of the file go with a truncate to its size.
  if (::truncate(path.c_str(), st.st_size) != 0) fail("cannot truncate", path);
}

}  // namespace slabhydro
