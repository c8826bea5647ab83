const \u0069mport = 'escaped ident';
const obj = { \u0065xport: 'escaped key' };
const caf\u00e9 = 'café';
console.log(\u0069mport, obj.export, café, '\u0069mport');
