// ERR_INVALID_URL in detail: name, code, message, input and base,
// instanceof, toString, the first line of the stack, own keys.
for (const args of [['nope'], ['x', 'bad'], ['http://[::1'], ['http://h:99999'], [''], ['http://a b'], ['\u00e9'], ['//x']]) {
  try {
    new URL(...args);
  } catch (e) {
    console.log(JSON.stringify(args), e instanceof TypeError, e.name, e.code, e.message, JSON.stringify(e.input),
      JSON.stringify(e.base), String(e), e.stack.split('\n')[0], Object.keys(e));
  }
}
try { new URL('http://h').href = 'bad'; } catch (e) { console.log(e.code, e.input, 'base' in e); }
try { require('url').fileURLToPath('http://x'); } catch (e) { console.log(e.name, e.code, e.message, e.stack.split('\n')[0]); }
try { require('url').fileURLToPath('file://host/x'); } catch (e) { console.log(e.name, e.code, e.message); }
try { require('url').fileURLToPath('file:///a%2fb'); } catch (e) { console.log(e.name, e.code, e.message); }
try { require('url').parse('http://\ufffd/'); } catch (e) { console.log(e.name, e.code, e.message, e.input); }
