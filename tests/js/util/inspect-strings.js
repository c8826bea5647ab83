// Quoting and escaping of strings by inspect.
const { inspect } = require('util');
for (const s of ['plain', "it's", 'say "hi"', `it's "both"`, 'all \' " `', 'new\nline', 'tab\t', '\u0000\u001f\u007f', 'émoji 😀', '\\back']) {
  console.log(inspect(s));
}
console.log(inspect(['a'.repeat(20), 'b'.repeat(20), 'c'.repeat(20), 'd'.repeat(20)]));
console.log(inspect('x'.repeat(100).match(/.{1,50}/g).join('\n')));
