/*
 * epoll-events.h - watcher events to epoll's bits and back, for the epoll
 * backend and for the io_uring backend's helper epoll set.
 */
#ifndef ND_LOOP_EPOLL_EVENTS_H
#define ND_LOOP_EPOLL_EVENTS_H

#include <sys/epoll.h>

#include "internal.h"

static inline uint32_t nd__to_epoll(unsigned int events) {
  uint32_t e = 0;

  if (events & ND__POLLIN)
    e |= EPOLLIN;
  if (events & ND__POLLOUT)
    e |= EPOLLOUT;
  if (events & ND__POLLRDHUP)
    e |= EPOLLRDHUP;
  if (events & ND__POLLPRI)
    e |= EPOLLPRI;
  if (events & ND__IO_EDGE)
    e |= EPOLLET;
  return e;
}

static inline unsigned int nd__from_epoll(uint32_t e) {
  unsigned int events = 0;

  if (e & EPOLLIN)
    events |= ND__POLLIN;
  if (e & EPOLLOUT)
    events |= ND__POLLOUT;
  if (e & EPOLLRDHUP)
    events |= ND__POLLRDHUP;
  if (e & EPOLLPRI)
    events |= ND__POLLPRI;
  if (e & EPOLLERR)
    events |= ND__POLLERR;
  if (e & EPOLLHUP)
    events |= ND__POLLHUP;
  return events;
}

#endif
