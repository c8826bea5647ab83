// Cycles see partial exports; module.exports replaced mid-cycle.
require('./fixtures/cycle/main.js');
const r = require('./fixtures/cycle/replace-a');
console.log(r);
