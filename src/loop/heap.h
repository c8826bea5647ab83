/*
 * heap.h - an intrusive binary min-heap.
 *
 * Nodes live inside their owners and are linked by pointers, so insertion and
 * removal never allocate.  The tree is complete: position n (counting from 1
 * at the root) is reached from the root by following the bits of n below its
 * top bit, 0 to the left and 1 to the right.  Insert and remove are
 * O(log n).  The caller supplies the order; ties must be broken by the caller
 * (timers use their start sequence) for the order to be total.
 */
#ifndef ND_LOOP_HEAP_H
#define ND_LOOP_HEAP_H

#include <stddef.h>
#include "nodec/loop.h"

typedef int (*nd__heap_less_fn)(const struct nd__heap_node *a,
                                const struct nd__heap_node *b);

static inline void nd__heap_init(struct nd__heap *h) {
  h->min = NULL;
  h->nelts = 0;
}

static inline struct nd__heap_node *nd__heap_min(const struct nd__heap *h) {
  return h->min;
}

/* The link that holds position n, and the node that owns that link. */
static inline struct nd__heap_node **
nd__heap_slot(struct nd__heap *h, unsigned int n,
              struct nd__heap_node **parent) {
  struct nd__heap_node **slot = &h->min;
  unsigned int depth = 31u - (unsigned int)__builtin_clz(n);

  *parent = NULL;
  while (depth-- > 0) {
    *parent = *slot;
    slot = ((n >> depth) & 1u) ? &(*parent)->right : &(*parent)->left;
  }
  return slot;
}

/* Make whatever pointed at `old` point at `node` instead. */
static inline void nd__heap_relink(struct nd__heap *h,
                                   struct nd__heap_node *old,
                                   struct nd__heap_node *node) {
  if (node->left != NULL)
    node->left->parent = node;
  if (node->right != NULL)
    node->right->parent = node;
  if (node->parent == NULL)
    h->min = node;
  else if (node->parent->left == old)
    node->parent->left = node;
  else
    node->parent->right = node;
}

/* Exchange a node with its parent: the child moves up one level. */
static inline void nd__heap_swap_up(struct nd__heap *h,
                                    struct nd__heap_node *parent,
                                    struct nd__heap_node *child) {
  struct nd__heap_node up = *parent;
  struct nd__heap_node *sibling;

  parent->left = child->left;
  parent->right = child->right;
  parent->parent = child;
  child->parent = up.parent;
  if (up.left == child) {
    child->left = parent;
    child->right = up.right;
    sibling = up.right;
  } else {
    child->right = parent;
    child->left = up.left;
    sibling = up.left;
  }
  if (sibling != NULL)
    sibling->parent = child;
  if (parent->left != NULL)
    parent->left->parent = parent;
  if (parent->right != NULL)
    parent->right->parent = parent;
  if (child->parent == NULL)
    h->min = child;
  else if (child->parent->left == parent)
    child->parent->left = child;
  else
    child->parent->right = child;
}

static inline void nd__heap_sift_up(struct nd__heap *h,
                                    struct nd__heap_node *node,
                                    nd__heap_less_fn less) {
  while (node->parent != NULL && less(node, node->parent))
    nd__heap_swap_up(h, node->parent, node);
}

static inline void nd__heap_insert(struct nd__heap *h,
                                   struct nd__heap_node *node,
                                   nd__heap_less_fn less) {
  struct nd__heap_node *parent;
  struct nd__heap_node **slot = nd__heap_slot(h, h->nelts + 1, &parent);

  node->left = NULL;
  node->right = NULL;
  node->parent = parent;
  *slot = node;
  h->nelts++;
  nd__heap_sift_up(h, node, less);
}

static inline void nd__heap_remove(struct nd__heap *h,
                                   struct nd__heap_node *node,
                                   nd__heap_less_fn less) {
  struct nd__heap_node *parent;
  struct nd__heap_node **slot = nd__heap_slot(h, h->nelts, &parent);
  struct nd__heap_node *last = *slot;
  struct nd__heap_node *smallest;

  *slot = NULL;
  h->nelts--;
  if (last == node)
    return;

  /* The last node takes the removed node's place, then finds its level. */
  last->left = node->left;
  last->right = node->right;
  last->parent = node->parent;
  nd__heap_relink(h, node, last);

  for (;;) {
    smallest = last;
    if (last->left != NULL && less(last->left, smallest))
      smallest = last->left;
    if (last->right != NULL && less(last->right, smallest))
      smallest = last->right;
    if (smallest == last)
      break;
    nd__heap_swap_up(h, last, smallest);
  }
  nd__heap_sift_up(h, last, less);
}

/*
 * Put `node` where `old` is.  The caller guarantees node orders exactly where
 * old did (no smaller than old's parent, no larger than old's children).
 */
static inline void nd__heap_replace(struct nd__heap *h,
                                    struct nd__heap_node *old,
                                    struct nd__heap_node *node) {
  *node = *old;
  nd__heap_relink(h, old, node);
}

#endif
