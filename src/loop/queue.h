/*
 * queue.h - intrusive circular doubly-linked lists.
 *
 * A queue is a struct nd__queue used as the list head; members embed one and
 * are recovered with nd__container_of.  An empty queue points to itself, so
 * insertion and removal never branch on emptiness.
 */
#ifndef ND_LOOP_QUEUE_H
#define ND_LOOP_QUEUE_H

#include <stddef.h>
#include "nodec/loop.h"

#define nd__container_of(ptr, type, member)                                  \
  ((type *)((char *)(ptr) - offsetof(type, member)))

static inline void nd__queue_init(struct nd__queue *q) {
  q->next = q;
  q->prev = q;
}

static inline int nd__queue_empty(const struct nd__queue *q) {
  return q->next == q;
}

static inline struct nd__queue *nd__queue_head(const struct nd__queue *q) {
  return q->next;
}

static inline void nd__queue_insert_tail(struct nd__queue *h,
                                         struct nd__queue *q) {
  q->next = h;
  q->prev = h->prev;
  q->prev->next = q;
  h->prev = q;
}

static inline void nd__queue_insert_head(struct nd__queue *h,
                                         struct nd__queue *q) {
  q->next = h->next;
  q->prev = h;
  q->next->prev = q;
  h->next = q;
}

/* Unlink q and leave it pointing to itself, so a second remove is harmless. */
static inline void nd__queue_remove(struct nd__queue *q) {
  q->prev->next = q->next;
  q->next->prev = q->prev;
  q->next = q;
  q->prev = q;
}

/* Move every member of h to n (which is overwritten); h becomes empty. */
static inline void nd__queue_move(struct nd__queue *h, struct nd__queue *n) {
  if (nd__queue_empty(h)) {
    nd__queue_init(n);
    return;
  }
  n->next = h->next;
  n->prev = h->prev;
  n->next->prev = n;
  n->prev->next = n;
  nd__queue_init(h);
}

#define nd__queue_foreach(q, h) for ((q) = (h)->next; (q) != (h); (q) = (q)->next)

#endif
