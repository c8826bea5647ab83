// util.inspect.custom: return values, depth and options passed, nested.
const util = require('util');
class Money {
  constructor(v) { this.v = v; }
  [util.inspect.custom](depth, options, inspect) {
    return `Money<${this.v}> depth=${depth} ${typeof options.stylize} ${inspect === util.inspect}`;
  }
}
console.log(util.inspect(new Money(5)));
console.log({ wallet: new Money(7) });
const returnsObj = { [util.inspect.custom]() { return { replaced: true }; } };
console.log(returnsObj);
console.log(util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
const deep = { l1: { [util.inspect.custom](d) { return `custom at depth ${d}`; } } };
console.log(util.inspect(deep, { depth: 5 }));
console.log(util.inspect({ [util.inspect.custom]: 'not a function', x: 1 }));
