/* nodec/fs.h - file system requests. */
#ifndef NODEC_FS_H
#define NODEC_FS_H

#include <fcntl.h>
#include <sys/types.h>

#include "loop.h"

typedef struct nd_fs_s nd_fs_t;
struct nd__fs_op;
typedef struct nd_dir_s nd_dir_t;
typedef void (*nd_fs_cb)(nd_fs_t *req);

/* libuv's order and numbering; the ones past ND_FS_LUTIME are nodec's. */
typedef enum {
  ND_FS_UNKNOWN = -1,
  ND_FS_CUSTOM,
  ND_FS_OPEN,
  ND_FS_CLOSE,
  ND_FS_READ,
  ND_FS_WRITE,
  ND_FS_SENDFILE,
  ND_FS_STAT,
  ND_FS_LSTAT,
  ND_FS_FSTAT,
  ND_FS_FTRUNCATE,
  ND_FS_UTIME,
  ND_FS_FUTIME,
  ND_FS_ACCESS,
  ND_FS_CHMOD,
  ND_FS_FCHMOD,
  ND_FS_FSYNC,
  ND_FS_FDATASYNC,
  ND_FS_UNLINK,
  ND_FS_RMDIR,
  ND_FS_MKDIR,
  ND_FS_MKDTEMP,
  ND_FS_RENAME,
  ND_FS_SCANDIR,
  ND_FS_LINK,
  ND_FS_SYMLINK,
  ND_FS_READLINK,
  ND_FS_CHOWN,
  ND_FS_FCHOWN,
  ND_FS_REALPATH,
  ND_FS_COPYFILE,
  ND_FS_LCHOWN,
  ND_FS_OPENDIR,
  ND_FS_READDIR,
  ND_FS_CLOSEDIR,
  ND_FS_STATFS,
  ND_FS_MKSTEMP,
  ND_FS_LUTIME,
  ND_FS_FALLOCATE = 100,
  ND_FS_MKDIR_P,
  ND_FS_RM_RF,
  ND_FS_TYPE_MAX
} nd_fs_type;

typedef struct {
  int64_t tv_sec;
  int64_t tv_nsec;
} nd_timespec_t;

typedef struct {
  uint64_t st_dev;
  uint64_t st_mode;
  uint64_t st_nlink;
  uint64_t st_uid;
  uint64_t st_gid;
  uint64_t st_rdev;
  uint64_t st_ino;
  uint64_t st_size;
  uint64_t st_blksize;
  uint64_t st_blocks;
  uint64_t st_flags;
  uint64_t st_gen;
  nd_timespec_t st_atim;
  nd_timespec_t st_mtim;
  nd_timespec_t st_ctim;
  nd_timespec_t st_birthtim;
} nd_stat_t;

typedef struct {
  uint64_t f_type;
  uint64_t f_bsize;
  uint64_t f_blocks;
  uint64_t f_bfree;
  uint64_t f_bavail;
  uint64_t f_files;
  uint64_t f_ffree;
  uint64_t f_spare[4];
} nd_statfs_t;

typedef enum {
  ND_DIRENT_UNKNOWN,
  ND_DIRENT_FILE,
  ND_DIRENT_DIR,
  ND_DIRENT_LINK,
  ND_DIRENT_FIFO,
  ND_DIRENT_SOCKET,
  ND_DIRENT_CHAR,
  ND_DIRENT_BLOCK
} nd_dirent_type_t;

typedef struct {
  const char *name;
  nd_dirent_type_t type;
} nd_dirent_t;

struct nd_dir_s {
  /* public: the caller points dirents at an array of nentries entries */
  nd_dirent_t *dirents;
  size_t nentries;
  /* private */
  void *reserved[4];
  void *dir; /* DIR * */
};

/* nd_fs_copyfile flags */
#define ND_FS_COPYFILE_EXCL 0x0001
#define ND_FS_COPYFILE_FICLONE 0x0002
#define ND_FS_COPYFILE_FICLONE_FORCE 0x0004

/* nd_fs_symlink flags (meaningful on Windows only, accepted here) */
#define ND_FS_SYMLINK_DIR 0x0001
#define ND_FS_SYMLINK_JUNCTION 0x0002

/* nd_fs_open flags: the system's own O_* values. */
#define ND_FS_O_APPEND O_APPEND
#define ND_FS_O_CREAT O_CREAT
#define ND_FS_O_DIRECT O_DIRECT
#define ND_FS_O_DIRECTORY O_DIRECTORY
#define ND_FS_O_DSYNC O_DSYNC
#define ND_FS_O_EXCL O_EXCL
#define ND_FS_O_EXLOCK 0
#define ND_FS_O_FILEMAP 0
#define ND_FS_O_NOATIME O_NOATIME
#define ND_FS_O_NOCTTY O_NOCTTY
#define ND_FS_O_NOFOLLOW O_NOFOLLOW
#define ND_FS_O_NONBLOCK O_NONBLOCK
#define ND_FS_O_RANDOM 0
#define ND_FS_O_RDONLY O_RDONLY
#define ND_FS_O_RDWR O_RDWR
#define ND_FS_O_SEQUENTIAL 0
#define ND_FS_O_SHORT_LIVED 0
#define ND_FS_O_SYMLINK 0
#define ND_FS_O_SYNC O_SYNC
#define ND_FS_O_TEMPORARY 0
#define ND_FS_O_TRUNC O_TRUNC
#define ND_FS_O_WRONLY O_WRONLY

struct nd_fs_s {
  ND_REQ_FIELDS
  /* read-only */
  nd_fs_type fs_type;
  nd_loop_t *loop;
  nd_fs_cb cb;
  ssize_t result;
  void *ptr;
  const char *path;
  nd_stat_t statbuf;
  /* private */
  const char *new_path;
  nd_file file;
  int flags;
  int mode;
  unsigned int nbufs;
  nd_buf_t *bufs;
  int64_t off;
  size_t len;
  uid_t uid;
  gid_t gid;
  double atime;
  double mtime;
  unsigned int fs_flags; /* how it runs: on the ring, on the pool, ... */
  const struct nd__fs_op *op;
  nd__work_t work_req;
  nd__uring_op_t uring_op;
  nd_buf_t bufsml[4];
  uint64_t scratch[32]; /* room for a struct statx the ring fills in */
};

/* The request */
ND_EXTERN void nd_fs_req_cleanup(nd_fs_t *req);
ND_EXTERN nd_fs_type nd_fs_get_type(const nd_fs_t *req);
ND_EXTERN ssize_t nd_fs_get_result(const nd_fs_t *req);
ND_EXTERN int nd_fs_get_system_error(const nd_fs_t *req);
ND_EXTERN void *nd_fs_get_ptr(const nd_fs_t *req);
ND_EXTERN const char *nd_fs_get_path(const nd_fs_t *req);
ND_EXTERN nd_stat_t *nd_fs_get_statbuf(nd_fs_t *req);

/* Files */
ND_EXTERN int nd_fs_open(nd_loop_t *loop, nd_fs_t *req, const char *path,
                         int flags, int mode, nd_fs_cb cb);
ND_EXTERN int nd_fs_close(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                          nd_fs_cb cb);
ND_EXTERN int nd_fs_read(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                         const nd_buf_t bufs[], unsigned int nbufs,
                         int64_t offset, nd_fs_cb cb);
ND_EXTERN int nd_fs_write(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                          const nd_buf_t bufs[], unsigned int nbufs,
                          int64_t offset, nd_fs_cb cb);
ND_EXTERN int nd_fs_sendfile(nd_loop_t *loop, nd_fs_t *req, nd_file out_fd,
                             nd_file in_fd, int64_t in_offset, size_t length,
                             nd_fs_cb cb);
ND_EXTERN int nd_fs_copyfile(nd_loop_t *loop, nd_fs_t *req, const char *path,
                             const char *new_path, int flags, nd_fs_cb cb);
ND_EXTERN int nd_fs_ftruncate(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                              int64_t offset, nd_fs_cb cb);
ND_EXTERN int nd_fs_fsync(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                          nd_fs_cb cb);
ND_EXTERN int nd_fs_fdatasync(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                              nd_fs_cb cb);
ND_EXTERN int nd_fs_fallocate(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                              int mode, int64_t offset, int64_t len,
                              nd_fs_cb cb);

/* Metadata */
ND_EXTERN int nd_fs_stat(nd_loop_t *loop, nd_fs_t *req, const char *path,
                         nd_fs_cb cb);
ND_EXTERN int nd_fs_lstat(nd_loop_t *loop, nd_fs_t *req, const char *path,
                          nd_fs_cb cb);
ND_EXTERN int nd_fs_fstat(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                          nd_fs_cb cb);
ND_EXTERN int nd_fs_statfs(nd_loop_t *loop, nd_fs_t *req, const char *path,
                           nd_fs_cb cb);
ND_EXTERN int nd_fs_access(nd_loop_t *loop, nd_fs_t *req, const char *path,
                           int mode, nd_fs_cb cb);
ND_EXTERN int nd_fs_chmod(nd_loop_t *loop, nd_fs_t *req, const char *path,
                          int mode, nd_fs_cb cb);
ND_EXTERN int nd_fs_fchmod(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                           int mode, nd_fs_cb cb);
ND_EXTERN int nd_fs_chown(nd_loop_t *loop, nd_fs_t *req, const char *path,
                          uid_t uid, gid_t gid, nd_fs_cb cb);
ND_EXTERN int nd_fs_fchown(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                           uid_t uid, gid_t gid, nd_fs_cb cb);
ND_EXTERN int nd_fs_lchown(nd_loop_t *loop, nd_fs_t *req, const char *path,
                           uid_t uid, gid_t gid, nd_fs_cb cb);
ND_EXTERN int nd_fs_utime(nd_loop_t *loop, nd_fs_t *req, const char *path,
                          double atime, double mtime, nd_fs_cb cb);
ND_EXTERN int nd_fs_futime(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                           double atime, double mtime, nd_fs_cb cb);
ND_EXTERN int nd_fs_lutime(nd_loop_t *loop, nd_fs_t *req, const char *path,
                           double atime, double mtime, nd_fs_cb cb);

/* Names */
ND_EXTERN int nd_fs_unlink(nd_loop_t *loop, nd_fs_t *req, const char *path,
                           nd_fs_cb cb);
ND_EXTERN int nd_fs_rename(nd_loop_t *loop, nd_fs_t *req, const char *path,
                           const char *new_path, nd_fs_cb cb);
ND_EXTERN int nd_fs_link(nd_loop_t *loop, nd_fs_t *req, const char *path,
                         const char *new_path, nd_fs_cb cb);
ND_EXTERN int nd_fs_symlink(nd_loop_t *loop, nd_fs_t *req, const char *path,
                            const char *new_path, int flags, nd_fs_cb cb);
ND_EXTERN int nd_fs_readlink(nd_loop_t *loop, nd_fs_t *req, const char *path,
                             nd_fs_cb cb);
ND_EXTERN int nd_fs_realpath(nd_loop_t *loop, nd_fs_t *req, const char *path,
                             nd_fs_cb cb);

/* Directories */
ND_EXTERN int nd_fs_mkdir(nd_loop_t *loop, nd_fs_t *req, const char *path,
                          int mode, nd_fs_cb cb);
ND_EXTERN int nd_fs_mkdir_p(nd_loop_t *loop, nd_fs_t *req, const char *path,
                            int mode, nd_fs_cb cb);
ND_EXTERN int nd_fs_mkdtemp(nd_loop_t *loop, nd_fs_t *req, const char *tpl,
                            nd_fs_cb cb);
ND_EXTERN int nd_fs_mkstemp(nd_loop_t *loop, nd_fs_t *req, const char *tpl,
                            nd_fs_cb cb);
ND_EXTERN int nd_fs_rmdir(nd_loop_t *loop, nd_fs_t *req, const char *path,
                          nd_fs_cb cb);
ND_EXTERN int nd_fs_rm_rf(nd_loop_t *loop, nd_fs_t *req, const char *path,
                          nd_fs_cb cb);
ND_EXTERN int nd_fs_scandir(nd_loop_t *loop, nd_fs_t *req, const char *path,
                            int flags, nd_fs_cb cb);
ND_EXTERN int nd_fs_scandir_next(nd_fs_t *req, nd_dirent_t *ent);
ND_EXTERN int nd_fs_opendir(nd_loop_t *loop, nd_fs_t *req, const char *path,
                            nd_fs_cb cb);
ND_EXTERN int nd_fs_readdir(nd_loop_t *loop, nd_fs_t *req, nd_dir_t *dir,
                            nd_fs_cb cb);
ND_EXTERN int nd_fs_closedir(nd_loop_t *loop, nd_fs_t *req, nd_dir_t *dir,
                             nd_fs_cb cb);

/* A buffer over base[0..len). */
static inline nd_buf_t nd_buf_init(char *base, unsigned int len) {
  nd_buf_t buf;
  buf.base = base;
  buf.len = len;
  return buf;
}

#endif
