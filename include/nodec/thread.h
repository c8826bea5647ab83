/* nodec/thread.h - threads, locks and the other synchronisation primitives. */
#ifndef NODEC_THREAD_H
#define NODEC_THREAD_H

#include <pthread.h>
#include <semaphore.h>

#include "common.h"

/*
 * The types are the pthread types themselves, so a program may hand them to
 * pthread functions.  Functions that return void treat a failure as a bug in
 * the caller (unlocking a mutex it does not hold, say) and abort with a
 * message; nd_thread_create(3) lists which.
 */
typedef pthread_t nd_thread_t;
typedef pthread_mutex_t nd_mutex_t;
typedef pthread_rwlock_t nd_rwlock_t;
typedef sem_t nd_sem_t;
typedef pthread_cond_t nd_cond_t;
typedef pthread_barrier_t nd_barrier_t;
typedef pthread_once_t nd_once_t;
typedef pthread_key_t nd_key_t;

#define ND_ONCE_INIT PTHREAD_ONCE_INIT

typedef void (*nd_thread_cb)(void *arg);

typedef enum {
  ND_THREAD_NO_FLAGS = 0x00,
  ND_THREAD_HAS_STACK_SIZE = 0x01 /* stack_size is set */
} nd_thread_create_flags;

typedef struct nd_thread_options_s nd_thread_options_t;

struct nd_thread_options_s {
  /* public */
  unsigned int flags;             /* ND_THREAD_* bits */
  size_t stack_size;              /* with ND_THREAD_HAS_STACK_SIZE; 0: default */
};

/* Threads */

/* Start a thread running entry(arg), with the default stack size. */
ND_EXTERN int nd_thread_create(nd_thread_t *tid, nd_thread_cb entry, void *arg);
/* Start a thread with options (NULL: none). */
ND_EXTERN int nd_thread_create_ex(nd_thread_t *tid,
                                  const nd_thread_options_t *params,
                                  nd_thread_cb entry, void *arg);
/* Wait for a thread to return and release it. */
ND_EXTERN int nd_thread_join(nd_thread_t *tid);
/* Let a thread release itself when it returns; it can no longer be joined. */
ND_EXTERN int nd_thread_detach(nd_thread_t *tid);
/* The calling thread. */
ND_EXTERN nd_thread_t nd_thread_self(void);
/* Non-zero if the two identify the same thread. */
ND_EXTERN int nd_thread_equal(const nd_thread_t *t1, const nd_thread_t *t2);
/* Name the calling thread; longer names are cut to 15 bytes. */
ND_EXTERN int nd_thread_setname(const char *name);
/* Copy a thread's name into name[size], truncating. */
ND_EXTERN int nd_thread_getname(nd_thread_t *tid, char *name, size_t size);

/* Mutexes: lock, unlock and destroy abort on misuse. */

/* A mutex that checks its owner (not recursive). */
ND_EXTERN int nd_mutex_init(nd_mutex_t *mutex);
/* A mutex its owner may lock again; unlock as often as locked. */
ND_EXTERN int nd_mutex_init_recursive(nd_mutex_t *mutex);
/* Release a mutex's resources; it must be unlocked. */
ND_EXTERN void nd_mutex_destroy(nd_mutex_t *mutex);
/* Lock, waiting as long as another thread holds the mutex. */
ND_EXTERN void nd_mutex_lock(nd_mutex_t *mutex);
/* Lock if free: 0, or ND_EBUSY. */
ND_EXTERN int nd_mutex_trylock(nd_mutex_t *mutex);
/* Unlock a mutex the calling thread holds. */
ND_EXTERN void nd_mutex_unlock(nd_mutex_t *mutex);

/* Read-write locks: many readers or one writer. */

/* Initialise a read-write lock. */
ND_EXTERN int nd_rwlock_init(nd_rwlock_t *rwlock);
/* Release a read-write lock's resources; nobody may hold it. */
ND_EXTERN void nd_rwlock_destroy(nd_rwlock_t *rwlock);
/* Take a read lock, waiting while a writer holds the lock. */
ND_EXTERN void nd_rwlock_rdlock(nd_rwlock_t *rwlock);
/* Take a read lock if no writer holds it: 0, or ND_EBUSY. */
ND_EXTERN int nd_rwlock_tryrdlock(nd_rwlock_t *rwlock);
/* Release a read lock. */
ND_EXTERN void nd_rwlock_rdunlock(nd_rwlock_t *rwlock);
/* Take the write lock, waiting for every holder to leave. */
ND_EXTERN void nd_rwlock_wrlock(nd_rwlock_t *rwlock);
/* Take the write lock if nobody holds the lock: 0, or ND_EBUSY. */
ND_EXTERN int nd_rwlock_trywrlock(nd_rwlock_t *rwlock);
/* Release the write lock. */
ND_EXTERN void nd_rwlock_wrunlock(nd_rwlock_t *rwlock);

/* Semaphores */

/* Initialise a counting semaphore to value. */
ND_EXTERN int nd_sem_init(nd_sem_t *sem, unsigned int value);
/* Release a semaphore's resources; nobody may wait on it. */
ND_EXTERN void nd_sem_destroy(nd_sem_t *sem);
/* Add one to the count, waking a waiter. */
ND_EXTERN void nd_sem_post(nd_sem_t *sem);
/* Wait until the count is positive, then take one. */
ND_EXTERN void nd_sem_wait(nd_sem_t *sem);
/* Take one if the count is positive: 0, or ND_EAGAIN. */
ND_EXTERN int nd_sem_trywait(nd_sem_t *sem);

/* Condition variables, timed on the monotonic clock. */

/* Initialise a condition variable. */
ND_EXTERN int nd_cond_init(nd_cond_t *cond);
/* Release a condition variable's resources; nobody may wait on it. */
ND_EXTERN void nd_cond_destroy(nd_cond_t *cond);
/* Wake at least one waiter, if any. */
ND_EXTERN void nd_cond_signal(nd_cond_t *cond);
/* Wake every waiter. */
ND_EXTERN void nd_cond_broadcast(nd_cond_t *cond);
/* Unlock mutex, wait for a wakeup, lock mutex again. */
ND_EXTERN void nd_cond_wait(nd_cond_t *cond, nd_mutex_t *mutex);
/* nd_cond_wait for at most timeout nanoseconds: 0, or ND_ETIMEDOUT. */
ND_EXTERN int nd_cond_timedwait(nd_cond_t *cond, nd_mutex_t *mutex,
                                uint64_t timeout);

/* Barriers */

/* Initialise a barrier that opens when count threads wait on it. */
ND_EXTERN int nd_barrier_init(nd_barrier_t *barrier, unsigned int count);
/* Release a barrier's resources. */
ND_EXTERN void nd_barrier_destroy(nd_barrier_t *barrier);
/* Wait for count threads; non-zero in exactly one of them. */
ND_EXTERN int nd_barrier_wait(nd_barrier_t *barrier);

/* Once */

/* Run callback the first time any thread passes guard; others wait. */
ND_EXTERN void nd_once(nd_once_t *guard, void (*callback)(void));

/* Thread-local keys */

/* Create a key whose value is NULL in every thread. */
ND_EXTERN int nd_key_create(nd_key_t *key);
/* Delete a key; the values threads stored are not freed. */
ND_EXTERN void nd_key_delete(nd_key_t *key);
/* The calling thread's value for key. */
ND_EXTERN void *nd_key_get(nd_key_t *key);
/* Set the calling thread's value for key. */
ND_EXTERN void nd_key_set(nd_key_t *key, void *value);

#endif
