// events - placeholder EventEmitter (on, once, off, emit, listenerCount)
// until the complete module lands.
'use strict';

class EventEmitter {
  constructor() {
    this._events = Object.create(null);
  }

  on(name, fn) {
    if (this._events === undefined) this._events = Object.create(null);
    if (this._events.newListener) this.emit('newListener', name, fn);
    (this._events[name] ||= []).push(fn);
    return this;
  }

  addListener(name, fn) {
    return this.on(name, fn);
  }

  once(name, fn) {
    const wrapper = (...args) => {
      this.off(name, wrapper);
      return fn.apply(this, args);
    };
    wrapper.listener = fn;
    return this.on(name, wrapper);
  }

  off(name, fn) {
    const list = this._events && this._events[name];
    if (!list) return this;
    const i = list.findIndex((l) => l === fn || l.listener === fn);
    if (i >= 0) {
      list.splice(i, 1);
      if (list.length === 0) delete this._events[name];
      if (this._events.removeListener) this.emit('removeListener', name, fn);
    }
    return this;
  }

  removeListener(name, fn) {
    return this.off(name, fn);
  }

  emit(name, ...args) {
    const list = this._events && this._events[name];
    if (!list || list.length === 0) {
      if (name === 'error') throw args[0];
      return false;
    }
    for (const fn of list.slice()) fn.apply(this, args);
    return true;
  }

  listenerCount(name) {
    const list = this._events && this._events[name];
    return list ? list.length : 0;
  }

  listeners(name) {
    const list = this._events && this._events[name];
    return list ? list.map((l) => l.listener || l) : [];
  }
}

module.exports = EventEmitter;
EventEmitter.EventEmitter = EventEmitter;
