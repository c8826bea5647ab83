/*
 * uring.h - operations on the loop's io_uring, for subsystems.
 *
 * When a loop runs on the io_uring backend, a subsystem (streams, files,
 * ...) can hand the kernel whole operations instead of waiting for
 * readiness: it fills an SQE and names an nd__uring_op_t whose callback gets
 * every completion.  On any other backend nd__uring_get_sqe() returns NULL
 * and the subsystem uses readiness (nd__io_*) instead.
 *
 * Lifetime rules:
 *  - An op is in flight from nd__uring_submit() until its callback receives
 *    a completion without IORING_CQE_F_MORE (its final completion).  A
 *    multishot op gets completions with IORING_CQE_F_MORE before that.
 *  - The op's memory (and every buffer the SQE points to) must stay valid
 *    while it is in flight.  It is usually embedded in a handle or request.
 *  - nd__uring_cancel() asks the kernel to stop the op early.  It does not
 *    end the op: the final completion still arrives, with -ECANCELED or with
 *    the result the op reached first.  Cancelling an op that already ended
 *    is harmless.
 *  - When its handle closes, the owner cancels the ops it has in flight and
 *    keeps the handle's memory valid until their final completions: it holds
 *    the close (nd__handle_close_hold) and releases it from the last final
 *    completion (nd__handle_close_release), so the close callback, after
 *    which the user may free the handle, runs only then.
 *  - Every op in flight counts as an active request: the loop stays alive
 *    and nd_loop_close() fails with ND_EBUSY until it has ended.
 *  - After nd_loop_fork() the child's ring is new and empty: ops that were
 *    in flight in the parent never complete in the child.
 *  - Callbacks run on the loop thread, in the poll phase, never from inside
 *    nd__uring_submit() or nd__uring_cancel().
 */
#ifndef ND_LOOP_URING_H
#define ND_LOOP_URING_H

#include <liburing.h>

#include "internal.h"

/* nd__uring_op_t is declared in nodec/loop.h, so requests can embed one. */
typedef void (*nd__uring_cb)(nd_loop_t *loop, nd__uring_op_t *op, int res,
                             unsigned int cqe_flags);

/* Does the loop run on io_uring, with a kernel that has this opcode? */
int nd__uring_supports(const nd_loop_t *loop, int opcode);

/*
 * Should sockets (streams, UDP) use ring operations where they can?  Yes,
 * unless the environment says ND_STREAM_RING=0, which keeps them on
 * readiness to compare the two.  Read once per process.
 */
int nd__uring_sockets_wanted(void);

/*
 * An SQE to fill, or NULL when the loop is not on io_uring.  When the
 * submission queue is full, the queued SQEs are submitted first, so this
 * never fails on an io_uring loop.
 */
struct io_uring_sqe *nd__uring_get_sqe(nd_loop_t *loop);

/*
 * Tie a filled SQE to op and queue it.  It reaches the kernel with the next
 * io_uring_enter: at the latest when the loop polls, or at once with
 * nd__uring_flush().
 */
void nd__uring_submit(nd_loop_t *loop, struct io_uring_sqe *sqe,
                      nd__uring_op_t *op, nd__uring_cb cb);

/*
 * nd__uring_submit for an op that must not keep the loop alive by itself:
 * one that serves a handle (a stream's receive), which the handle's own
 * active state and reference already account for.  The owner still waits
 * for its final completion before the handle's close callback.
 */
void nd__uring_submit_weak(nd_loop_t *loop, struct io_uring_sqe *sqe,
                           nd__uring_op_t *op, nd__uring_cb cb);

/*
 * A number that changes whenever queued SQEs may have gone to the kernel.
 * An owner that saw the same number when it filled an SQE may still change
 * the SQE (and the memory it points to), for instance to add to a send.
 */
uint64_t nd__uring_submissions(nd_loop_t *loop);

/*
 * Make a weak op count as an active request from now on: for an op whose
 * owner is gone (a closed handle's cancelled receive), which the loop must
 * still wait for before it can close.
 */
void nd__uring_op_strengthen(nd_loop_t *loop, nd__uring_op_t *op);

/*
 * The loop's provided buffers, for receives that let the kernel pick the
 * buffer (IOSQE_BUFFER_SELECT from group ND__URING_BGID): made and
 * registered by the first call, 0 on success.  A completion that carries
 * IORING_CQE_F_BUFFER names buffer `bid`; its owner reads it at
 * nd__uring_buf(bid) and gives it back with nd__uring_buf_recycle() as soon
 * as it is done, since the pool is shared by every stream of the loop.
 */
#define ND__URING_BGID 0
#define ND__URING_BUF_SIZE (16u * 1024u)
#define ND__URING_BUF_COUNT 128u
int nd__uring_bufs_setup(nd_loop_t *loop);
char *nd__uring_buf(nd_loop_t *loop, unsigned int bid);
void nd__uring_buf_recycle(nd_loop_t *loop, unsigned int bid);

/*
 * Make room for n SQEs (n <= 64), submitting what is queued if there is
 * less: for a chain of IOSQE_IO_LINK ops, which must reach the kernel in
 * one submission (a chain split by a submission is two chains).
 */
void nd__uring_reserve(nd_loop_t *loop, unsigned int n);

/* Ask the kernel to cancel op (IORING_OP_ASYNC_CANCEL). */
int nd__uring_cancel(nd_loop_t *loop, nd__uring_op_t *op);

/* Submit what is queued now, instead of at the next poll. */
int nd__uring_flush(nd_loop_t *loop);

#endif
