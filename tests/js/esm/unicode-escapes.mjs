const \u0066rom = 'escaped ident';
const obj = { \u0065xport: 'escaped key' };
const caf\u00e9 = 'café';
console.log(from, obj.export, café, '\u0069mport');
