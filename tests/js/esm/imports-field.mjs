// Runs from fixtures/, where the packages (fixtures/node_modules) and
// the "imports" map (fixtures/package.json) are in scope.
import './fixtures/run/imports-field.mjs';
