// Odd keys and values in process.env.
process.env[''] = 'empty key?';
console.log(JSON.stringify(process.env['']));
process.env.NODEC_T_UNICODE = 'héllo ✓';
console.log(process.env.NODEC_T_UNICODE);
process.env.NODEC_T_EMPTY = '';
console.log(JSON.stringify(process.env.NODEC_T_EMPTY), 'NODEC_T_EMPTY' in process.env);
console.log(process.env.hasOwnProperty === undefined ? 'no proto methods' : typeof process.env.hasOwnProperty);
