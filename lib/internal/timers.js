// internal/timers - Timeout and Immediate, and the hooks the loop calls.
//
// A Timeout owns a native timer (binding.timerCreate) while it is
// scheduled; the loop orders timers by deadline, then by start.  Numbers
// from a Timeout's [Symbol.toPrimitive] name it for clearTimeout(number).
//
// Immediates are a linked queue.  The check phase runs the ones queued
// before it began (immediateBegin says how many), one per call from C, so
// ticks and promise jobs run after each; info[2] and info[3] tell C how
// many are queued and how many keep the loop alive.
'use strict';

const binding = internalBinding('native');
const info = binding.info;
const INFO_IMMEDIATES = 2;
const INFO_IMMEDIATE_REFS = 3;
const TIMEOUT_MAX = 2 ** 31 - 1;

let nextAsyncId = 2;
const byPrimitive = new Map();

function validateCallback(callback) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
}

// Node's rule: anything not a number from 1 to 2^31 - 1 is 1 ms.
function normalizeDelay(after) {
  after *= 1;
  if (!(after >= 1 && after <= TIMEOUT_MAX)) {
    if (after > TIMEOUT_MAX) {
      process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
        '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
    }
    after = 1;
  }
  return after;
}

const kId = Symbol('timerId');
const kRefed = Symbol('refed');

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after = normalizeDelay(after);
    this._idleTimeout = after;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = isRefed;
    this[kId] = -1;
    this._asyncId = nextAsyncId++;
    this._schedule();
  }

  _schedule() {
    if (this[kId] < 0) this[kId] = binding.timerCreate(this);
    binding.timerStart(this[kId], this._idleTimeout,
      this._repeat === null ? 0 : this._repeat);
    if (!this[kRefed]) binding.timerRef(this[kId], false);
  }

  _close() {
    if (this._destroyed) return;
    this._destroyed = true;
    if (this[kId] >= 0) {
      binding.timerClose(this[kId]);
      this[kId] = -1;
    }
    byPrimitive.delete(this._asyncId);
  }

  // As in Node, a timer that already fired is armed again (its callback
  // is kept); only a cleared one stays cleared.
  refresh() {
    if (this._onTimeout !== null) {
      this._destroyed = false;
      this._schedule();
    }
    return this;
  }

  unref() {
    this[kRefed] = false;
    if (this[kId] >= 0) binding.timerRef(this[kId], false);
    return this;
  }

  ref() {
    this[kRefed] = true;
    if (this[kId] >= 0) binding.timerRef(this[kId], true);
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    byPrimitive.set(this._asyncId, this);
    return this._asyncId;
  }
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    timer._close();
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const t = byPrimitive.get(+timer);
    if (t !== undefined) {
      t._onTimeout = null;
      t._close();
    }
  }
}

// From C: a timer is due.  Runs it; closes it unless it repeats.
function timerFire(timer) {
  const cb = timer._onTimeout;
  if (timer._destroyed || cb === null) return;
  if (timer._repeat === null) timer._close();
  const args = timer._timerArgs;
  if (args === undefined) cb.call(timer);
  else cb.apply(timer, args);
}

// --- immediates ------------------------------------------------------------

let head = null;
let tail = null;
let batchLeft = 0;
let count = 0;
let refCount = 0;

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = true;
    if (tail === null) {
      head = tail = this;
    } else {
      tail._idleNext = this;
      this._idlePrev = tail;
      tail = this;
    }
    count++;
    refCount++;
    update();
  }

  ref() {
    if (!this[kRefed] && !this._destroyed) {
      this[kRefed] = true;
      refCount++;
      update();
    }
    return this;
  }

  unref() {
    if (this[kRefed] && !this._destroyed) {
      this[kRefed] = false;
      refCount--;
      update();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }
}

function update() {
  info[INFO_IMMEDIATES] = count;
  info[INFO_IMMEDIATE_REFS] = refCount;
  binding.immediateUpdate();
}

function unlink(imm) {
  if (imm._idlePrev !== null) imm._idlePrev._idleNext = imm._idleNext;
  else head = imm._idleNext;
  if (imm._idleNext !== null) imm._idleNext._idlePrev = imm._idlePrev;
  else tail = imm._idlePrev;
  imm._idleNext = imm._idlePrev = null;
  imm._destroyed = true;
  count--;
  if (imm[kRefed]) refCount--;
}

function clearImmediate(imm) {
  if (!imm || imm._destroyed || !(imm instanceof Immediate)) return;
  if (batchLeft > 0) batchLeft--;
  unlink(imm);
  imm._onImmediate = null;
  update();
}

// From C, at the start of the check phase: how many to run now.
function immediateBegin() {
  batchLeft = count;
  return batchLeft;
}

// From C: the next immediate of this batch.
function immediateRunOne() {
  if (batchLeft <= 0 || head === null) return;
  batchLeft--;
  const imm = head;
  unlink(imm);
  update();
  const cb = imm._onImmediate;
  imm._onImmediate = null;
  const args = imm._argv;
  if (args === undefined) cb.call(imm);
  else cb.apply(imm, args);
}

module.exports = {
  Timeout,
  Immediate,
  clearTimeout,
  clearImmediate,
  validateCallback,
  timerFire,
  immediateBegin,
  immediateRunOne,
};
