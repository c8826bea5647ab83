const s1 = "import x from 'y'";
const s2 = 'export default 1';
const s3 = `import('${'z'}') export * from 'q'`;
// import nothing from 'here'
/* export { nope } */
const o = { import: 'prop', export: 'prop2', default: 3 };
console.log(s1, s2, s3, o.import, o.export, o['import'], o?.import);
class K { import() { return 'method'; } export() { return 'm2'; } static import = 's'; }
console.log(new K().import(), new K().export(), K.import);
