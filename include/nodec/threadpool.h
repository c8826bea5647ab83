/* nodec/threadpool.h - worker pools and work requests. */
#ifndef NODEC_THREADPOOL_H
#define NODEC_THREADPOOL_H

#include "loop.h"

typedef struct nd_work_s nd_work_t;

typedef void (*nd_work_cb)(nd_work_t *req);
typedef void (*nd_after_work_cb)(nd_work_t *req, int status);

struct nd_work_s {
  ND_REQ_FIELDS
  /* read-only */
  nd_loop_t *loop;
  /* private */
  nd_work_cb work_cb;
  nd_after_work_cb after_work_cb;
  nd__work_t work_req;
};

/* Run work_cb on a worker thread, then after_work_cb on the loop thread. */
ND_EXTERN int nd_queue_work(nd_loop_t *loop, nd_work_t *req,
                            nd_work_cb work_cb,
                            nd_after_work_cb after_work_cb);
/* Cancel a request that is still waiting for a worker. */
ND_EXTERN int nd_cancel(nd_req_t *req);

/* Size the default pool before its first use. */
ND_EXTERN int nd_threadpool_set_size(unsigned int nthreads);
/* A private pool, for nd_loop_configure(loop, ND_LOOP_THREADPOOL, pool). */
ND_EXTERN int nd_threadpool_new(nd_threadpool_t **pool, unsigned int nthreads);
ND_EXTERN int nd_threadpool_free(nd_threadpool_t *pool);
ND_EXTERN unsigned int nd_threadpool_size(const nd_threadpool_t *pool);

#endif
