# On a terminal (script(1) gives the program a pseudo-terminal): stdout is
# a tty.WriteStream, stdin a tty.ReadStream with raw mode.
script -qec "\"$NODE\" -e \"
const out = process.stdout, inp = process.stdin, tty = require('tty');
const row = (...a) => process.stdout.write(a.join(' ') + '\\\\n');
row(out.constructor.name, out._type, out.isTTY, typeof out.columns, typeof out.rows,
  out.getWindowSize().length, typeof out.getColorDepth(), typeof out.hasColors());
row(inp.constructor.name, inp.isTTY, inp.isRaw, tty.isatty(0), tty.isatty(1), tty.isatty(99));
inp.setRawMode(true);
row('raw', inp.isRaw);
inp.setRawMode(false);
row('cooked', inp.isRaw, out.writableHighWaterMark, inp.readableHighWaterMark);
\"" /dev/null </dev/null | tr -d '\r'
