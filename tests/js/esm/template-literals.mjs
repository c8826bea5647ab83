const n = 2;
const t1 = `a${`b${`c${n}`}`}d`;
const t2 = `${{ x: '}' }.x}${'`'}`;
const t3 = `line1
import x from 'y';
export default 1;
line4`;
const tag = (s, ...v) => s.raw.join('|') + v.join(',');
console.log(t1, t2, t3.split('\n').length, tag`x${1}y${`z`}`);
