// title is a string and can be set (the OS may truncate what it shows).
const old = process.title;
console.log(typeof old, old.length > 0);
process.title = 'nodec';
console.log(process.title);
