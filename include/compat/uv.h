/*
 * uv.h - libuv source compatibility over libnodec.
 *
 * A program written against libuv's API compiles unchanged with this header
 * first on its include path (pkg-config libnodec-uv) and links with -lnodec.
 * Every name below is an alias of a libnodec name: the types are the same
 * types, so callbacks, casts and public fields (data, loop, type) work as
 * they do with libuv.  The header grows with the library; it maps only what
 * libnodec implements.  It is installed as include/nodec/compat/uv.h, never
 * over a system uv.h.
 */
#ifndef NODEC_COMPAT_UV_H
#define NODEC_COMPAT_UV_H

/* The system headers libuv's uv.h brings in, which its users rely on. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <dirent.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <termios.h>
#include <pwd.h>
#include <semaphore.h>
#include <pthread.h>
#include <signal.h>

#include <nodec.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The libuv API level this layer implements. */
#define UV_VERSION_MAJOR 1
#define UV_VERSION_MINOR 44
#define UV_VERSION_PATCH 0
#define UV_VERSION_IS_RELEASE 1
#define UV_VERSION_SUFFIX "nodec"
#define UV_VERSION_HEX                                                       \
  ((UV_VERSION_MAJOR << 16) | (UV_VERSION_MINOR << 8) | UV_VERSION_PATCH)

#define UV_EXTERN ND_EXTERN

static inline unsigned int uv_version(void) { return UV_VERSION_HEX; }
static inline const char *uv_version_string(void) { return "1.44.0-nodec"; }

/* Errors */
#define UV_ERRNO_MAP(XX) ND_ERRNO_MAP(XX)
typedef enum {
#define UV__ERRNO_ENUM(name, msg) UV_##name = ND_##name,
  ND_ERRNO_MAP(UV__ERRNO_ENUM)
#undef UV__ERRNO_ENUM
  UV_ERRNO_MAX = ND_ERRNO_MAX
} uv_errno_t;

#define uv_strerror nd_strerror
#define uv_strerror_r nd_strerror_r
#define uv_err_name nd_err_name
#define uv_err_name_r nd_err_name_r
#define uv_translate_sys_error nd_translate_sys_error

/* Types */
typedef nd_loop_t uv_loop_t;
typedef nd_handle_t uv_handle_t;
typedef nd_req_t uv_req_t;
typedef nd_timer_t uv_timer_t;
typedef nd_idle_t uv_idle_t;
typedef nd_prepare_t uv_prepare_t;
typedef nd_check_t uv_check_t;
typedef nd_async_t uv_async_t;
typedef nd_signal_t uv_signal_t;
typedef nd_poll_t uv_poll_t;
typedef nd_metrics_t uv_metrics_t;
typedef int uv_os_sock_t;
typedef int uv_os_fd_t;

typedef nd_handle_type uv_handle_type;
typedef nd_req_type uv_req_type;
typedef nd_run_mode uv_run_mode;
typedef nd_loop_option uv_loop_option;

#define UV_HANDLE_TYPE_MAP(XX) ND_HANDLE_TYPE_MAP(XX)
#define UV_REQ_TYPE_MAP(XX) ND_REQ_TYPE_MAP(XX)
#define UV_UNKNOWN_HANDLE ND_UNKNOWN_HANDLE
#define UV_ASYNC ND_ASYNC
#define UV_CHECK ND_CHECK
#define UV_FS_EVENT ND_FS_EVENT
#define UV_FS_POLL ND_FS_POLL
#define UV_HANDLE ND_HANDLE
#define UV_IDLE ND_IDLE
#define UV_NAMED_PIPE ND_NAMED_PIPE
#define UV_POLL ND_POLL
#define UV_PREPARE ND_PREPARE
#define UV_PROCESS ND_PROCESS
#define UV_STREAM ND_STREAM
#define UV_TCP ND_TCP
#define UV_TIMER ND_TIMER
#define UV_TTY ND_TTY
#define UV_UDP ND_UDP
#define UV_SIGNAL ND_SIGNAL
#define UV_FILE ND_FILE
/* libuv's count: ND_TLS, after UV_FILE, is not a libuv type. */
#define UV_HANDLE_TYPE_MAX (ND_FILE + 1)
#define UV_UNKNOWN_REQ ND_UNKNOWN_REQ
#define UV_REQ ND_REQ
#define UV_CONNECT ND_CONNECT
#define UV_WRITE ND_WRITE
#define UV_SHUTDOWN ND_SHUTDOWN
#define UV_UDP_SEND ND_UDP_SEND
#define UV_FS ND_FS
#define UV_WORK ND_WORK
#define UV_GETADDRINFO ND_GETADDRINFO
#define UV_GETNAMEINFO ND_GETNAMEINFO
#define UV_RANDOM ND_RANDOM
#define UV_REQ_TYPE_MAX ND_REQ_TYPE_MAX

#define UV_RUN_DEFAULT ND_RUN_DEFAULT
#define UV_RUN_ONCE ND_RUN_ONCE
#define UV_RUN_NOWAIT ND_RUN_NOWAIT
#define UV_LOOP_BLOCK_SIGNAL ND_LOOP_BLOCK_SIGNAL
#define UV_METRICS_IDLE_TIME ND_METRICS_IDLE_TIME
#define UV_LOOP_USE_IO_URING_SQPOLL ND_LOOP_USE_SQPOLL

/* Callbacks */
typedef nd_close_cb uv_close_cb;
typedef nd_walk_cb uv_walk_cb;
typedef nd_timer_cb uv_timer_cb;
typedef nd_idle_cb uv_idle_cb;
typedef nd_prepare_cb uv_prepare_cb;
typedef nd_check_cb uv_check_cb;
typedef nd_async_cb uv_async_cb;
typedef nd_signal_cb uv_signal_cb;
typedef nd_poll_cb uv_poll_cb;

/* Loop */
#define uv_loop_init nd_loop_init
#define uv_loop_close nd_loop_close
#define uv_default_loop nd_default_loop
#define uv_loop_configure nd_loop_configure
#define uv_loop_fork nd_loop_fork
#define uv_run nd_run
#define uv_stop nd_stop
#define uv_loop_alive nd_loop_alive
#define uv_now nd_now
#define uv_update_time nd_update_time
#define uv_hrtime nd_hrtime
#define uv_backend_fd nd_backend_fd
#define uv_backend_timeout nd_backend_timeout
#define uv_walk nd_walk
#define uv_metrics_idle_time nd_metrics_idle_time
#define uv_metrics_info nd_metrics_info
#define uv_loop_size nd_loop_size
#define uv_loop_get_data nd_loop_get_data
#define uv_loop_set_data nd_loop_set_data

/* Deprecated in libuv but still used by older programs. */
static inline uv_loop_t *uv_loop_new(void) {
  uv_loop_t *loop = (uv_loop_t *)malloc(sizeof(*loop));
  if (loop != NULL && nd_loop_init(loop) != 0) {
    free(loop);
    loop = NULL;
  }
  return loop;
}

static inline void uv_loop_delete(uv_loop_t *loop) {
  if (nd_loop_close(loop) == 0 && loop != nd_default_loop())
    free(loop);
}

/* Handles and requests */
#define uv_close nd_close
#define uv_ref nd_ref
#define uv_unref nd_unref
#define uv_has_ref nd_has_ref
#define uv_is_active nd_is_active
#define uv_is_closing nd_is_closing
#define uv_handle_size nd_handle_size
#define uv_handle_get_type nd_handle_get_type
#define uv_handle_type_name nd_handle_type_name
#define uv_handle_get_data nd_handle_get_data
#define uv_handle_set_data nd_handle_set_data
#define uv_handle_get_loop nd_handle_get_loop
#define uv_fileno nd_fileno
#define uv_req_size nd_req_size
#define uv_req_get_type nd_req_get_type
#define uv_req_type_name nd_req_type_name
#define uv_req_get_data nd_req_get_data
#define uv_req_set_data nd_req_set_data

/* Timers */
#define uv_timer_init nd_timer_init
#define uv_timer_start nd_timer_start
#define uv_timer_stop nd_timer_stop
#define uv_timer_again nd_timer_again
#define uv_timer_set_repeat nd_timer_set_repeat
#define uv_timer_get_repeat nd_timer_get_repeat
#define uv_timer_get_due_in nd_timer_get_due_in

/* Idle, prepare, check */
#define uv_idle_init nd_idle_init
#define uv_idle_start nd_idle_start
#define uv_idle_stop nd_idle_stop
#define uv_prepare_init nd_prepare_init
#define uv_prepare_start nd_prepare_start
#define uv_prepare_stop nd_prepare_stop
#define uv_check_init nd_check_init
#define uv_check_start nd_check_start
#define uv_check_stop nd_check_stop

/* Async */
#define uv_async_init nd_async_init
#define uv_async_send nd_async_send

/* Signals */
#define uv_signal_init nd_signal_init
#define uv_signal_start nd_signal_start
#define uv_signal_start_oneshot nd_signal_start_oneshot
#define uv_signal_stop nd_signal_stop

/* Poll */
typedef enum nd_poll_event uv_poll_event;
#define UV_READABLE ND_READABLE
#define UV_WRITABLE ND_WRITABLE
#define UV_DISCONNECT ND_DISCONNECT
#define UV_PRIORITIZED ND_PRIORITIZED
#define uv_poll_init nd_poll_init
#define uv_poll_init_socket nd_poll_init_socket
#define uv_poll_start nd_poll_start
#define uv_poll_stop nd_poll_stop

/*
 * Streams.  uv_write keeps libuv's contract (0 or an error): libnodec's
 * nd_write also says "at or above the high watermark" with a positive
 * return, which a libuv program would take for an error.
 */
typedef nd_stream_t uv_stream_t;
typedef nd_write_t uv_write_t;
typedef nd_shutdown_t uv_shutdown_t;
typedef nd_connect_t uv_connect_t;
typedef nd_alloc_cb uv_alloc_cb;
typedef nd_read_cb uv_read_cb;
typedef nd_write_cb uv_write_cb;
typedef nd_connect_cb uv_connect_cb;
typedef nd_shutdown_cb uv_shutdown_cb;
typedef nd_connection_cb uv_connection_cb;
#define uv_listen nd_listen
#define uv_accept nd_accept
#define uv_read_start nd_read_start
#define uv_read_stop nd_read_stop
static inline int uv_write(uv_write_t *req, uv_stream_t *handle,
                           const nd_buf_t bufs[], unsigned int nbufs,
                           uv_write_cb cb) {
  int r = nd_write(req, handle, bufs, nbufs, cb);
  return r < 0 ? r : 0;
}
static inline int uv_write2(uv_write_t *req, uv_stream_t *handle,
                            const nd_buf_t bufs[], unsigned int nbufs,
                            uv_stream_t *send_handle, uv_write_cb cb) {
  int r = nd_write2(req, handle, bufs, nbufs, send_handle, cb);
  return r < 0 ? r : 0;
}
#define uv_try_write nd_try_write
#define uv_try_write2 nd_try_write2
#define uv_shutdown nd_shutdown
#define uv_is_readable nd_is_readable
#define uv_is_writable nd_is_writable
#define uv_stream_set_blocking nd_stream_set_blocking
#define uv_stream_get_write_queue_size nd_stream_get_write_queue_size

/* TCP */
typedef nd_tcp_t uv_tcp_t;
#define uv_tcp_flags nd_tcp_flags /* enum uv_tcp_flags */
#define UV_TCP_IPV6ONLY ND_TCP_IPV6ONLY
#define UV_TCP_REUSEPORT ND_TCP_REUSEPORT
#define uv_tcp_init nd_tcp_init
#define uv_tcp_init_ex nd_tcp_init_ex
#define uv_tcp_open nd_tcp_open
#define uv_tcp_bind nd_tcp_bind
#define uv_tcp_connect nd_tcp_connect
#define uv_tcp_nodelay nd_tcp_nodelay
#define uv_tcp_keepalive nd_tcp_keepalive
#define uv_tcp_simultaneous_accepts nd_tcp_simultaneous_accepts
#define uv_tcp_getsockname nd_tcp_getsockname
#define uv_tcp_getpeername nd_tcp_getpeername
#define uv_tcp_close_reset nd_tcp_close_reset
#define uv_ip4_addr nd_ip4_addr
#define uv_ip6_addr nd_ip6_addr
#define uv_ip4_name nd_ip4_name
#define uv_ip6_name nd_ip6_name
#define uv_ip_name nd_ip_name
#define uv_inet_ntop nd_inet_ntop
#define uv_inet_pton nd_inet_pton

/* Terminals, and what kind of file a descriptor is */
typedef nd_tty_t uv_tty_t;
typedef nd_tty_mode_t uv_tty_mode_t;
typedef nd_tty_vtermstate_t uv_tty_vtermstate_t;
#define UV_TTY_MODE_NORMAL ND_TTY_MODE_NORMAL
#define UV_TTY_MODE_RAW ND_TTY_MODE_RAW
#define UV_TTY_MODE_IO ND_TTY_MODE_IO
#define UV_TTY_SUPPORTED ND_TTY_SUPPORTED
#define UV_TTY_UNSUPPORTED ND_TTY_UNSUPPORTED
#define uv_tty_init nd_tty_init
#define uv_tty_set_mode nd_tty_set_mode
#define uv_tty_reset_mode nd_tty_reset_mode
#define uv_tty_get_winsize nd_tty_get_winsize
#define uv_tty_set_vterm_state nd_tty_set_vterm_state
#define uv_tty_get_vterm_state nd_tty_get_vterm_state
#define uv_guess_handle nd_guess_handle

/* UDP */
typedef nd_udp_t uv_udp_t;
typedef nd_udp_send_t uv_udp_send_t;
typedef nd_udp_send_cb uv_udp_send_cb;
typedef nd_udp_recv_cb uv_udp_recv_cb;
typedef nd_membership uv_membership;
#define uv_udp_flags nd_udp_flags
#define UV_LEAVE_GROUP ND_LEAVE_GROUP
#define UV_JOIN_GROUP ND_JOIN_GROUP
#define UV_UDP_IPV6ONLY ND_UDP_IPV6ONLY
#define UV_UDP_PARTIAL ND_UDP_PARTIAL
#define UV_UDP_REUSEADDR ND_UDP_REUSEADDR
#define UV_UDP_MMSG_CHUNK ND_UDP_MMSG_CHUNK
#define UV_UDP_MMSG_FREE ND_UDP_MMSG_FREE
#define UV_UDP_LINUX_RECVERR ND_UDP_LINUX_RECVERR
#define UV_UDP_REUSEPORT ND_UDP_REUSEPORT
#define UV_UDP_RECVMMSG ND_UDP_RECVMMSG
#define uv_udp_init nd_udp_init
#define uv_udp_init_ex nd_udp_init_ex
#define uv_udp_open nd_udp_open
#define uv_udp_bind nd_udp_bind
#define uv_udp_connect nd_udp_connect
#define uv_udp_getpeername nd_udp_getpeername
#define uv_udp_getsockname nd_udp_getsockname
#define uv_udp_set_membership nd_udp_set_membership
#define uv_udp_set_source_membership nd_udp_set_source_membership
#define uv_udp_set_multicast_loop nd_udp_set_multicast_loop
#define uv_udp_set_multicast_ttl nd_udp_set_multicast_ttl
#define uv_udp_set_multicast_interface nd_udp_set_multicast_interface
#define uv_udp_set_broadcast nd_udp_set_broadcast
#define uv_udp_set_ttl nd_udp_set_ttl
#define uv_udp_send nd_udp_send
#define uv_udp_try_send nd_udp_try_send
#define uv_udp_try_send2 nd_udp_try_send2
#define uv_udp_recv_start nd_udp_recv_start
#define uv_udp_recv_stop nd_udp_recv_stop
#define uv_udp_using_recvmmsg nd_udp_using_recvmmsg
#define uv_udp_get_send_queue_size nd_udp_get_send_queue_size
#define uv_udp_get_send_queue_count nd_udp_get_send_queue_count

/*
 * Pipes.  uv_pipe_bind2, uv_pipe_connect2 and UV_PIPE_NO_TRUNCATE are
 * libuv 1.46's; libnodec has them at this API level too.
 */
typedef nd_pipe_t uv_pipe_t;
#define UV_PIPE_NO_TRUNCATE ND_PIPE_NO_TRUNCATE
#define UV_NONBLOCK_PIPE ND_NONBLOCK_PIPE
#define UV_OVERLAPPED_PIPE ND_OVERLAPPED_PIPE /* its old name */
#define uv_pipe_init nd_pipe_init
#define uv_pipe_open nd_pipe_open
#define uv_pipe_bind nd_pipe_bind
#define uv_pipe_bind2 nd_pipe_bind2
#define uv_pipe_connect nd_pipe_connect
#define uv_pipe_connect2 nd_pipe_connect2
#define uv_pipe_getsockname nd_pipe_getsockname
#define uv_pipe_getpeername nd_pipe_getpeername
#define uv_pipe_pending_instances nd_pipe_pending_instances
#define uv_pipe_pending_count nd_pipe_pending_count
#define uv_pipe_pending_type nd_pipe_pending_type
#define uv_pipe_chmod nd_pipe_chmod
#define uv_pipe nd_pipe

/* Threads and synchronisation: the same pthread types libuv uses. */
typedef nd_thread_t uv_thread_t;
typedef nd_thread_cb uv_thread_cb;
typedef nd_thread_options_t uv_thread_options_t;
typedef nd_thread_create_flags uv_thread_create_flags;
typedef nd_mutex_t uv_mutex_t;
typedef nd_rwlock_t uv_rwlock_t;
typedef nd_sem_t uv_sem_t;
typedef nd_cond_t uv_cond_t;
typedef nd_barrier_t uv_barrier_t;
typedef nd_once_t uv_once_t;
typedef nd_key_t uv_key_t;
#define uv_thread_options_s nd_thread_options_s
#define UV_THREAD_NO_FLAGS ND_THREAD_NO_FLAGS
#define UV_THREAD_HAS_STACK_SIZE ND_THREAD_HAS_STACK_SIZE
#define UV_ONCE_INIT ND_ONCE_INIT

#define uv_thread_create nd_thread_create
#define uv_thread_create_ex nd_thread_create_ex
#define uv_thread_join nd_thread_join
#define uv_thread_detach nd_thread_detach
#define uv_thread_self nd_thread_self
#define uv_thread_equal nd_thread_equal
#define uv_thread_setname nd_thread_setname
#define uv_thread_getname nd_thread_getname

#define uv_mutex_init nd_mutex_init
#define uv_mutex_init_recursive nd_mutex_init_recursive
#define uv_mutex_destroy nd_mutex_destroy
#define uv_mutex_lock nd_mutex_lock
#define uv_mutex_trylock nd_mutex_trylock
#define uv_mutex_unlock nd_mutex_unlock

#define uv_rwlock_init nd_rwlock_init
#define uv_rwlock_destroy nd_rwlock_destroy
#define uv_rwlock_rdlock nd_rwlock_rdlock
#define uv_rwlock_tryrdlock nd_rwlock_tryrdlock
#define uv_rwlock_rdunlock nd_rwlock_rdunlock
#define uv_rwlock_wrlock nd_rwlock_wrlock
#define uv_rwlock_trywrlock nd_rwlock_trywrlock
#define uv_rwlock_wrunlock nd_rwlock_wrunlock

#define uv_sem_init nd_sem_init
#define uv_sem_destroy nd_sem_destroy
#define uv_sem_post nd_sem_post
#define uv_sem_wait nd_sem_wait
#define uv_sem_trywait nd_sem_trywait

#define uv_cond_init nd_cond_init
#define uv_cond_destroy nd_cond_destroy
#define uv_cond_signal nd_cond_signal
#define uv_cond_broadcast nd_cond_broadcast
#define uv_cond_wait nd_cond_wait
#define uv_cond_timedwait nd_cond_timedwait

#define uv_barrier_init nd_barrier_init
#define uv_barrier_destroy nd_barrier_destroy
#define uv_barrier_wait nd_barrier_wait

#define uv_once nd_once

#define uv_key_create nd_key_create
#define uv_key_delete nd_key_delete
#define uv_key_get nd_key_get
#define uv_key_set nd_key_set

/* Buffers and files */
typedef nd_buf_t uv_buf_t;
typedef nd_file uv_file;
#define uv_buf_init nd_buf_init

/* File system */
typedef nd_fs_t uv_fs_t;
typedef nd_fs_cb uv_fs_cb;
typedef nd_fs_type uv_fs_type;
typedef nd_stat_t uv_stat_t;
typedef nd_statfs_t uv_statfs_t;
typedef nd_timespec_t uv_timespec_t;
typedef nd_dir_t uv_dir_t;
typedef nd_dirent_t uv_dirent_t;
typedef nd_dirent_type_t uv_dirent_type_t;
#define UV_FS_UNKNOWN ND_FS_UNKNOWN
#define UV_FS_CUSTOM ND_FS_CUSTOM
#define UV_FS_OPEN ND_FS_OPEN
#define UV_FS_CLOSE ND_FS_CLOSE
#define UV_FS_READ ND_FS_READ
#define UV_FS_WRITE ND_FS_WRITE
#define UV_FS_SENDFILE ND_FS_SENDFILE
#define UV_FS_STAT ND_FS_STAT
#define UV_FS_LSTAT ND_FS_LSTAT
#define UV_FS_FSTAT ND_FS_FSTAT
#define UV_FS_FTRUNCATE ND_FS_FTRUNCATE
#define UV_FS_UTIME ND_FS_UTIME
#define UV_FS_FUTIME ND_FS_FUTIME
#define UV_FS_ACCESS ND_FS_ACCESS
#define UV_FS_CHMOD ND_FS_CHMOD
#define UV_FS_FCHMOD ND_FS_FCHMOD
#define UV_FS_FSYNC ND_FS_FSYNC
#define UV_FS_FDATASYNC ND_FS_FDATASYNC
#define UV_FS_UNLINK ND_FS_UNLINK
#define UV_FS_RMDIR ND_FS_RMDIR
#define UV_FS_MKDIR ND_FS_MKDIR
#define UV_FS_MKDTEMP ND_FS_MKDTEMP
#define UV_FS_RENAME ND_FS_RENAME
#define UV_FS_SCANDIR ND_FS_SCANDIR
#define UV_FS_LINK ND_FS_LINK
#define UV_FS_SYMLINK ND_FS_SYMLINK
#define UV_FS_READLINK ND_FS_READLINK
#define UV_FS_CHOWN ND_FS_CHOWN
#define UV_FS_FCHOWN ND_FS_FCHOWN
#define UV_FS_REALPATH ND_FS_REALPATH
#define UV_FS_COPYFILE ND_FS_COPYFILE
#define UV_FS_LCHOWN ND_FS_LCHOWN
#define UV_FS_OPENDIR ND_FS_OPENDIR
#define UV_FS_READDIR ND_FS_READDIR
#define UV_FS_CLOSEDIR ND_FS_CLOSEDIR
#define UV_FS_STATFS ND_FS_STATFS
#define UV_FS_MKSTEMP ND_FS_MKSTEMP
#define UV_FS_LUTIME ND_FS_LUTIME
#define UV_FS_O_APPEND ND_FS_O_APPEND
#define UV_FS_O_CREAT ND_FS_O_CREAT
#define UV_FS_O_DIRECT ND_FS_O_DIRECT
#define UV_FS_O_DIRECTORY ND_FS_O_DIRECTORY
#define UV_FS_O_DSYNC ND_FS_O_DSYNC
#define UV_FS_O_EXCL ND_FS_O_EXCL
#define UV_FS_O_EXLOCK ND_FS_O_EXLOCK
#define UV_FS_O_FILEMAP ND_FS_O_FILEMAP
#define UV_FS_O_NOATIME ND_FS_O_NOATIME
#define UV_FS_O_NOCTTY ND_FS_O_NOCTTY
#define UV_FS_O_NOFOLLOW ND_FS_O_NOFOLLOW
#define UV_FS_O_NONBLOCK ND_FS_O_NONBLOCK
#define UV_FS_O_RANDOM ND_FS_O_RANDOM
#define UV_FS_O_RDONLY ND_FS_O_RDONLY
#define UV_FS_O_RDWR ND_FS_O_RDWR
#define UV_FS_O_SEQUENTIAL ND_FS_O_SEQUENTIAL
#define UV_FS_O_SHORT_LIVED ND_FS_O_SHORT_LIVED
#define UV_FS_O_SYMLINK ND_FS_O_SYMLINK
#define UV_FS_O_SYNC ND_FS_O_SYNC
#define UV_FS_O_TEMPORARY ND_FS_O_TEMPORARY
#define UV_FS_O_TRUNC ND_FS_O_TRUNC
#define UV_FS_O_WRONLY ND_FS_O_WRONLY
#define UV_DIRENT_UNKNOWN ND_DIRENT_UNKNOWN
#define UV_DIRENT_FILE ND_DIRENT_FILE
#define UV_DIRENT_DIR ND_DIRENT_DIR
#define UV_DIRENT_LINK ND_DIRENT_LINK
#define UV_DIRENT_FIFO ND_DIRENT_FIFO
#define UV_DIRENT_SOCKET ND_DIRENT_SOCKET
#define UV_DIRENT_CHAR ND_DIRENT_CHAR
#define UV_DIRENT_BLOCK ND_DIRENT_BLOCK
#define UV_FS_COPYFILE_EXCL ND_FS_COPYFILE_EXCL
#define UV_FS_COPYFILE_FICLONE ND_FS_COPYFILE_FICLONE
#define UV_FS_COPYFILE_FICLONE_FORCE ND_FS_COPYFILE_FICLONE_FORCE
#define UV_FS_SYMLINK_DIR ND_FS_SYMLINK_DIR
#define UV_FS_SYMLINK_JUNCTION ND_FS_SYMLINK_JUNCTION
#define uv_fs_req_cleanup nd_fs_req_cleanup
#define uv_fs_get_type nd_fs_get_type
#define uv_fs_get_result nd_fs_get_result
#define uv_fs_get_system_error nd_fs_get_system_error
#define uv_fs_get_ptr nd_fs_get_ptr
#define uv_fs_get_path nd_fs_get_path
#define uv_fs_get_statbuf nd_fs_get_statbuf
#define uv_fs_open nd_fs_open
#define uv_fs_close nd_fs_close
#define uv_fs_read nd_fs_read
#define uv_fs_write nd_fs_write
#define uv_fs_sendfile nd_fs_sendfile
#define uv_fs_copyfile nd_fs_copyfile
#define uv_fs_ftruncate nd_fs_ftruncate
#define uv_fs_fsync nd_fs_fsync
#define uv_fs_fdatasync nd_fs_fdatasync
#define uv_fs_stat nd_fs_stat
#define uv_fs_lstat nd_fs_lstat
#define uv_fs_fstat nd_fs_fstat
#define uv_fs_statfs nd_fs_statfs
#define uv_fs_access nd_fs_access
#define uv_fs_chmod nd_fs_chmod
#define uv_fs_fchmod nd_fs_fchmod
#define uv_fs_chown nd_fs_chown
#define uv_fs_fchown nd_fs_fchown
#define uv_fs_lchown nd_fs_lchown
#define uv_fs_utime nd_fs_utime
#define uv_fs_futime nd_fs_futime
#define uv_fs_lutime nd_fs_lutime
#define uv_fs_unlink nd_fs_unlink
#define uv_fs_rename nd_fs_rename
#define uv_fs_link nd_fs_link
#define uv_fs_symlink nd_fs_symlink
#define uv_fs_readlink nd_fs_readlink
#define uv_fs_realpath nd_fs_realpath
#define uv_fs_mkdir nd_fs_mkdir
#define uv_fs_mkdtemp nd_fs_mkdtemp
#define uv_fs_mkstemp nd_fs_mkstemp
#define uv_fs_rmdir nd_fs_rmdir
#define uv_fs_scandir nd_fs_scandir
#define uv_fs_scandir_next nd_fs_scandir_next
#define uv_fs_opendir nd_fs_opendir
#define uv_fs_readdir nd_fs_readdir
#define uv_fs_closedir nd_fs_closedir

/* File watching */
typedef nd_fs_event_t uv_fs_event_t;
typedef nd_fs_poll_t uv_fs_poll_t;
typedef nd_fs_event_cb uv_fs_event_cb;
typedef nd_fs_poll_cb uv_fs_poll_cb;
typedef enum nd_fs_event uv_fs_event;
typedef enum nd_fs_event_flags uv_fs_event_flags;
#define UV_RENAME ND_RENAME
#define UV_CHANGE ND_CHANGE
#define UV_FS_EVENT_WATCH_ENTRY ND_FS_EVENT_WATCH_ENTRY
#define UV_FS_EVENT_STAT ND_FS_EVENT_STAT
#define UV_FS_EVENT_RECURSIVE ND_FS_EVENT_RECURSIVE
#define uv_fs_event_init nd_fs_event_init
#define uv_fs_event_start nd_fs_event_start
#define uv_fs_event_stop nd_fs_event_stop
#define uv_fs_event_getpath nd_fs_event_getpath
#define uv_fs_poll_init nd_fs_poll_init
#define uv_fs_poll_start nd_fs_poll_start
#define uv_fs_poll_stop nd_fs_poll_stop
#define uv_fs_poll_getpath nd_fs_poll_getpath

/* Name resolution (c-ares in the loop; see nd_getaddrinfo(3)) */
typedef nd_getaddrinfo_t uv_getaddrinfo_t;
typedef nd_getnameinfo_t uv_getnameinfo_t;
typedef nd_getaddrinfo_cb uv_getaddrinfo_cb;
typedef nd_getnameinfo_cb uv_getnameinfo_cb;
#define uv_getaddrinfo nd_getaddrinfo
#define uv_freeaddrinfo nd_freeaddrinfo
#define uv_getnameinfo nd_getnameinfo

/* Worker pool */
typedef nd_work_t uv_work_t;
typedef nd_work_cb uv_work_cb;
typedef nd_after_work_cb uv_after_work_cb;
#define uv_queue_work nd_queue_work
#define uv_cancel nd_cancel

/* Processes */
typedef nd_process_t uv_process_t;
typedef nd_process_options_t uv_process_options_t;
typedef nd_stdio_container_t uv_stdio_container_t;
typedef nd_stdio_flags uv_stdio_flags;
typedef nd_exit_cb uv_exit_cb;
typedef nd_uid_t uv_uid_t;
typedef nd_gid_t uv_gid_t;
typedef nd_pid_t uv_pid_t;
#define UV_IGNORE ND_IGNORE
#define UV_CREATE_PIPE ND_CREATE_PIPE
#define UV_INHERIT_FD ND_INHERIT_FD
#define UV_INHERIT_STREAM ND_INHERIT_STREAM
#define UV_READABLE_PIPE ND_READABLE_PIPE
#define UV_WRITABLE_PIPE ND_WRITABLE_PIPE
#define UV_PROCESS_SETUID ND_PROCESS_SETUID
#define UV_PROCESS_SETGID ND_PROCESS_SETGID
#define UV_PROCESS_WINDOWS_VERBATIM_ARGUMENTS                                  \
  ND_PROCESS_WINDOWS_VERBATIM_ARGUMENTS
#define UV_PROCESS_DETACHED ND_PROCESS_DETACHED
#define UV_PROCESS_WINDOWS_HIDE ND_PROCESS_WINDOWS_HIDE
#define UV_PROCESS_WINDOWS_HIDE_CONSOLE ND_PROCESS_WINDOWS_HIDE_CONSOLE
#define UV_PROCESS_WINDOWS_HIDE_GUI ND_PROCESS_WINDOWS_HIDE_GUI
#define uv_spawn nd_spawn
#define uv_process_kill nd_process_kill
#define uv_kill nd_kill
#define uv_process_get_pid nd_process_get_pid
#define uv_disable_stdio_inheritance nd_disable_stdio_inheritance

#ifdef __cplusplus
}
#endif

#endif
