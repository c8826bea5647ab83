// Dot segments in every spelling, in special, non-special and file URLs,
// at the start, middle and end of the path, and climbing past the root.
const { showAll } = require('./fixtures/show');
const dots = ['.', '..', '%2e', '%2E', '.%2e', '%2e.', '%2E%2e', '%2e%2e', '...', '.a', 'a.', '%2e%2e%2e', '.%2E%2e'];
const inputs = [];
for (const base of ['http://h', 'sc://h', 'file://', 'sc:']) {
  for (const d of dots) {
    inputs.push(`${base}/a/${d}`, `${base}/a/${d}/`, `${base}/${d}/b`, `${base}/a/b/${d}/${d}/c`, `${base}/a/${d}?q`, `${base}/a/${d}#f`);
  }
}
inputs.push('http://h/a/b/c/../../../../..', 'http://h/..', 'sc:/..', 'sc:/.//x', 'sc:/a/..//x', 'http://h/a\\..\\b', 'sc://h/a\\..\\b');
showAll(inputs);
