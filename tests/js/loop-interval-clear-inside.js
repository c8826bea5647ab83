// Timers cleared and created from inside callbacks; intervals that clear
// themselves; a timer cleared by an earlier one due in the same turn.
const out = [];
const a = setTimeout(() => { out.push('a'); clearTimeout(b); }, 5);
const b = setTimeout(() => out.push('b (never)'), 5);
let i = 0;
const iv = setInterval(() => {
  out.push(`iv${++i}`);
  if (i === 3) {
    clearInterval(iv);
    setTimeout(() => {
      out.push('after interval');
      console.log(out.join(' '));
    }, 5);
  }
}, 10);
void a;
