// 1000 timers with shuffled delays fire in deadline order.
const out = [];
const delays = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 50);
delays.forEach((d, i) => setTimeout(() => out.push([d, i]), d));
setTimeout(() => {
  let sorted = true;
  for (let k = 1; k < out.length; k++) {
    const [d0, i0] = out[k - 1], [d1, i1] = out[k];
    if (d0 > d1 || (d0 === d1 && i0 > i1)) sorted = false;
  }
  console.log(out.length, sorted);
}, 80);
