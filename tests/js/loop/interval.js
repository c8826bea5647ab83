// An interval repeats until cleared, from inside or from another callback.
let n = 0;
let m = 0;
const j = setInterval(() => { m++; }, 1);
const i = setInterval((x, y) => {
  n++;
  console.log('tick', n, x, y);
  if (n === 3) {
    clearInterval(i);
    clearInterval(j);
    const seen = m;
    setTimeout(() => console.log('other cleared, ran', seen > 0, m === seen), 10);
  }
}, 2, 'arg1', 'arg2');
