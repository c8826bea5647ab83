// Runs from fixtures/, where the packages (fixtures/node_modules) are
// in scope.
require('./fixtures/run/seed-dual-package-require.cjs');
