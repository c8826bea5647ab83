'use strict';
// AssertionError and the messages Node 20 generates for failed assertions,
// including the line diff ("+ actual - expected") for strictEqual and
// deepStrictEqual.

const { inspect } = require('internal/inspect');

const kMaxShortLength = 12;

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Diff markers are colored when stderr is a color terminal.
let blue = '';
let green = '';
let red = '';
let white = '';

function setColors() {
  const stderr = typeof process === 'object' && process ? process.stderr : undefined;
  if (stderr && stderr.isTTY) {
    const colored = typeof stderr.hasColors === 'function' ? stderr.hasColors() : false;
    blue = colored ? '\u001b[34m' : '';
    green = colored ? '\u001b[32m' : '';
    white = colored ? '\u001b[39m' : '';
    red = colored ? '\u001b[31m' : '';
  }
}

function removeColors(str) {
  // eslint-disable-next-line no-control-regex
  return str.replace(/\u001b\[\d\d?m/g, '');
}

function copyError(source) {
  const target = Object.assign({ __proto__: Object.getPrototypeOf(source) }, source);
  Object.defineProperty(target, 'message', { value: source.message });
  return target;
}

// The deterministic, complete rendering used for comparisons: sorted keys,
// one entry per line, no custom inspectors.
function inspectValue(val) {
  return inspect(val, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

function header(operator, message) {
  return message ? String(message) : kReadableOperator[operator];
}

function isObjectLike(v) {
  return typeof v === 'object' && v !== null;
}

// Prints up to the last three of `count` identical lines before `at` in
// `lines`; more than five are collapsed into '...'. Returns the text and
// how many lines it printed.
function identicalContext(lines, at, count) {
  let out = '';
  let printed = 0;
  let skipped = false;
  if (count > 2) {
    if (count > 3) {
      if (count > 4) {
        if (count === 5) {
          out += `\n  ${lines[at - 3]}`;
          printed++;
        } else {
          out += `\n${blue}...${white}`;
          skipped = true;
        }
      }
      out += `\n  ${lines[at - 2]}`;
      printed++;
    }
    out += `\n  ${lines[at - 1]}`;
    printed++;
  }
  return { out, printed, skipped };
}

// `message`, when given, replaces the header line (but not the diff).
function createErrDiff(actual, expected, operator, message) {
  const actualInspected = inspectValue(actual);
  const actualLines = actualInspected.split('\n');
  const expectedLines = inspectValue(expected).split('\n');

  if (operator === 'strictEqual' &&
      ((isObjectLike(actual) && isObjectLike(expected)) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }

  // `counter` first measures the common prefix of single-line values, and
  // then (unless a caret indicator used it up) goes on counting common
  // trailing lines; both feed Node's layout decisions.
  let counter = 0;
  let indicator = '';
  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const c = inspect.defaultOptions.colors;
    const actualRaw = c ? removeColors(actualLines[0]) : actualLines[0];
    const expectedRaw = c ? removeColors(expectedLines[0]) : expectedLines[0];
    const inputLength = actualRaw.length + expectedRaw.length;
    if (inputLength <= kMaxShortLength) {
      // Short primitives read best side by side (0 vs -0 excepted).
      if (!isObjectLike(actual) && !isObjectLike(expected) && (actual !== 0 || expected !== 0)) {
        return `${header(operator, message)}\n\n${actualLines[0]} !== ${expectedLines[0]}\n`;
      }
    } else if (operator !== 'strictEqualObject') {
      const stderr = typeof process === 'object' && process ? process.stderr : undefined;
      const maxLength = stderr && stderr.isTTY ? stderr.columns : 80;
      if (inputLength < maxLength) {
        while (actualRaw[counter] === expectedRaw[counter]) counter++;
        // Point at the first difference, unless it is right at the start.
        if (counter > 2) {
          indicator = `\n  ${' '.repeat(counter)}^`;
          counter = 0;
        }
      }
    }
  }

  // Common trailing lines: keep three as context.
  let end = '';
  let other = '';
  let skipped = false;
  let a = actualLines[actualLines.length - 1];
  let b = expectedLines[expectedLines.length - 1];
  while (a === b) {
    if (counter++ < 3) end = `\n  ${a}${end}`;
    else other = a;
    actualLines.pop();
    expectedLines.pop();
    if (actualLines.length === 0 || expectedLines.length === 0) break;
    a = actualLines[actualLines.length - 1];
    b = expectedLines[expectedLines.length - 1];
  }

  const maxLines = Math.max(actualLines.length, expectedLines.length);
  if (maxLines === 0) {
    // Same rendering, different identity.
    const lines = actualInspected.split('\n');
    if (lines.length > 50) {
      lines[46] = `${blue}...${white}`;
      while (lines.length > 47) lines.pop();
    }
    return `${kReadableOperator.notIdentical}\n\n${lines.join('\n')}\n`;
  }

  if (counter >= 5) {
    end = `\n${blue}...${white}${end}`;
    skipped = true;
  }
  if (other !== '') {
    end = `\n  ${other}${end}`;
    other = '';
  }

  let printedLines = 0;
  let identical = 0;
  let res = '';
  const msg = `${header(operator, message)}\n${green}+ actual${white} ${red}- expected${white}`;
  const skippedMsg = ` ${blue}...${white} Lines skipped`;

  // Lines beyond the shorter side are all additions (or removals).
  let lines = actualLines;
  let plusMinus = `${green}+${white}`;
  let shorterLength = expectedLines.length;
  if (actualLines.length < maxLines) {
    lines = expectedLines;
    plusMinus = `${red}-${white}`;
    shorterLength = actualLines.length;
  }

  for (let i = 0; i < maxLines; i++) {
    if (shorterLength < i + 1) {
      const ctx = identicalContext(lines, i, identical);
      res += ctx.out;
      printedLines += ctx.printed;
      if (ctx.skipped) skipped = true;
      identical = 0;
      if (lines === actualLines) res += `\n${plusMinus} ${lines[i]}`;
      else other += `\n${plusMinus} ${lines[i]}`;
      printedLines++;
    } else {
      const expectedLine = expectedLines[i];
      let actualLine = actualLines[i];
      // A line that differs only by a trailing comma counts as equal.
      let diverging = actualLine !== expectedLine &&
        (!actualLine.endsWith(',') || actualLine.slice(0, -1) !== expectedLine);
      if (diverging && expectedLine.endsWith(',') && expectedLine.slice(0, -1) === actualLine) {
        diverging = false;
        actualLine += ',';
      }
      if (diverging) {
        const ctx = identicalContext(actualLines, i, identical);
        res += ctx.out;
        printedLines += ctx.printed;
        if (ctx.skipped) skipped = true;
        identical = 0;
        // Collect consecutive removals so the output reads +++--- rather
        // than +-+-+-.
        res += `\n${green}+${white} ${actualLine}`;
        other += `\n${red}-${white} ${expectedLine}`;
        printedLines += 2;
      } else {
        res += other;
        other = '';
        identical++;
        if (identical <= 2) {
          res += `\n  ${actualLine}`;
          printedLines++;
        }
      }
    }
    // Keep the message to about fifty lines.
    if (printedLines > 50 && i < maxLines - 2) {
      return `${msg}${skippedMsg}\n${res}\n${blue}...${white}${other}\n${blue}...${white}`;
    }
  }

  return `${msg}${skipped ? skippedMsg : ''}\n${res}${other}${end}${indicator}`;
}

function addEllipsis(string) {
  const lines = string.split('\n', 11);
  if (lines.length > 10) {
    lines.length = 10;
    return `${lines.join('\n')}\n...`;
  } else if (string.length > 512) {
    return `${string.slice(512)}...`;
  }
  return string;
}

class AssertionError extends Error {
  constructor(options) {
    if (options === null || typeof options !== 'object') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { message, operator, stackStartFn, details } = options;
    let { actual, expected } = options;

    if (message != null && operator !== 'deepStrictEqual' && operator !== 'strictEqual') {
      super(String(message));
    } else {
      setColors();
      // Errors compare by their visible properties; use copies so the
      // inspected message is not affected by later changes.
      if (isObjectLike(actual) && actual instanceof Error) actual = copyError(actual);
      if (isObjectLike(expected) && expected instanceof Error) expected = copyError(expected);

      if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
        super(createErrDiff(actual, expected, operator, message));
      } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
        let base = kReadableOperator[operator];
        const res = inspectValue(actual).split('\n');
        if (operator === 'notStrictEqual' &&
            (isObjectLike(actual) || typeof actual === 'function')) {
          base = kReadableOperator.notStrictEqualObject;
        }
        if (res.length > 50) {
          res[46] = `${blue}...${white}`;
          while (res.length > 47) res.pop();
        }
        if (res.length === 1) super(`${base}${res[0].length > 5 ? '\n\n' : ' '}${res[0]}`);
        else super(`${base}\n\n${res.join('\n')}\n`);
      } else {
        let res = inspectValue(actual);
        let other = inspectValue(expected);
        const knownOperator = kReadableOperator[operator];
        if (operator === 'notDeepEqual' && res === other) {
          res = `${knownOperator}\n\n${res}`;
          if (res.length > 1024) res = `${res.slice(0, 1021)}...`;
          super(res);
        } else {
          if (res.length > 512) res = `${res.slice(0, 509)}...`;
          if (other.length > 512) other = `${other.slice(0, 509)}...`;
          if (operator === 'deepEqual') {
            res = `${knownOperator}\n\n${res}\n\nshould loosely deep-equal\n\n`;
          } else {
            const newOp = kReadableOperator[`${operator}Unequal`];
            if (newOp) res = `${newOp}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
            else other = ` ${operator} ${other}`;
          }
          super(`${res}${other}`);
        }
      }
    }

    this.generatedMessage = !message;
    Object.defineProperty(this, 'name', {
      value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this['message ' + i] = details[i].message;
        this['actual ' + i] = details[i].actual;
        this['expected ' + i] = details[i].expected;
        this['operator ' + i] = details[i].operator;
        this['stack trace ' + i] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(this, stackStartFn || options.stackStartFunction);
    }
    // Materialize the stack with the coded name in its header, then use
    // the plain name.
    // eslint-disable-next-line no-unused-expressions
    this.stack;
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [inspect.custom](recurseTimes, ctx) {
    // Long actual/expected strings are shortened, and nothing nested is
    // expanded.
    const tmpActual = this.actual;
    const tmpExpected = this.expected;
    if (typeof this.actual === 'string') this.actual = addEllipsis(this.actual);
    if (typeof this.expected === 'string') this.expected = addEllipsis(this.expected);
    const result = inspect(this, { ...ctx, customInspect: false, depth: 0 });
    this.actual = tmpActual;
    this.expected = tmpExpected;
    return result;
  }
}

module.exports = AssertionError;
