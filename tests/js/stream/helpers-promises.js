// Readable helpers that return promises: toArray, forEach, some, every,
// find, reduce; and errors inside helper functions.
const { Readable } = require('stream');

(async () => {
  const nums = () => Readable.from([3, 1, 4, 1, 5, 9, 2, 6]);
  const seen = [];
  console.log('forEach result', await nums().forEach((x) => seen.push(x)), seen.join(''));
  console.log('some >8', await nums().some((x) => x > 8));
  console.log('some >9', await nums().some((x) => x > 9));
  console.log('every >0', await nums().every((x) => x > 0));
  console.log('every >1', await nums().every(async (x) => x > 1));
  console.log('find even', await nums().find((x) => x % 2 === 0));
  console.log('find none', await nums().find((x) => x > 100));
  console.log('reduce sum', await nums().reduce((a, b) => a + b));
  console.log('reduce init', await nums().reduce((a, b) => a + b, 100));
  console.log('reduce async', await nums().reduce(async (a, b) => a * b, 1));
  try {
    await Readable.from([]).reduce((a, b) => a + b);
  } catch (e) {
    console.log('empty reduce', e.name, e.code, e.message);
  }
  try {
    await nums().map((x) => {
      if (x === 4) throw new Error('mapper threw on 4');
      return x;
    }).toArray();
  } catch (e) {
    console.log('map error', e.message);
  }
  try {
    await nums().forEach(async (x) => {
      if (x === 5) throw new Error('forEach rejected on 5');
    });
  } catch (e) {
    console.log('forEach error', e.message);
  }
})();
