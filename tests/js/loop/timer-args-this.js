// Callback arguments and `this` (the Timeout/Immediate object).
setImmediate(function (a) {
  console.log('immediate', a, this.constructor.name);
  setTimeout(function (a, b) { console.log('timeout', a, b, this.constructor.name); }, 1, 'x', 'y');
  const t = setTimeout(function () { console.log('same object', this === t); }, 2);
}, 42);
