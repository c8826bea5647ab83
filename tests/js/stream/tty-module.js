// node:tty without a terminal: isatty, the errors of the stream
// constructors, and the colour-depth rules applied to given environments.
const tty = require('tty');

console.log(Object.keys(tty).join(' '));
console.log('isatty', [0, 1, 2, -1, 1.5, '1', 999].map((fd) => tty.isatty(fd)).join(' '));
for (const make of [() => new tty.WriteStream(1), () => new tty.ReadStream(0),
  () => new tty.WriteStream(-1)]) {
  try {
    make();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
const proto = tty.WriteStream.prototype;
const envs = [
  {}, { TERM: 'dumb' }, { TERM: 'xterm' }, { TERM: 'xterm-256color' }, { TERM: 'screen' },
  { TERM: 'linux' }, { TERM: 'vt220' }, { TERM: 'rxvt-unicode-24bit' }, { COLORTERM: 'truecolor' },
  { COLORTERM: 'yes' }, { FORCE_COLOR: '0' }, { FORCE_COLOR: '1' }, { FORCE_COLOR: '2' },
  { FORCE_COLOR: '3' }, { FORCE_COLOR: '' }, { NO_COLOR: '1', TERM: 'xterm' },
  { NODE_DISABLE_COLORS: '1', COLORTERM: 'truecolor' }, { TMUX: '1' }, { CI: '1' },
  { CI: '1', GITHUB_ACTIONS: 'true' }, { CI: '1', CI_NAME: 'codeship' },
  { TEAMCITY_VERSION: '9.1.0' }, { TEAMCITY_VERSION: '8.0' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4' }, { TERM_PROGRAM: 'iTerm.app' },
  { TERM_PROGRAM: 'Apple_Terminal' }, { TERM_PROGRAM: 'HyperTerm' },
];
for (const env of envs) {
  console.log(JSON.stringify(env), proto.getColorDepth(env), proto.hasColors(env),
    proto.hasColors(256, env), proto.hasColors(2 ** 24, env));
}
for (const bad of [1, 'x', 2.5]) {
  try {
    proto.hasColors(bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
console.log('methods', Object.getOwnPropertyNames(proto).join(' '));
