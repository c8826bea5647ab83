// __filename/__dirname in nested requires; module.path.
const path = require('path');
const show = require('./fixtures/meta/show');
console.log(path.basename(__filename), path.basename(__dirname), module.path === __dirname);
console.log(show.file, show.isMain);
