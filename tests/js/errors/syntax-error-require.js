// A syntax error in a required file is a SyntaxError naming nothing else.
try { require('../cli/fixtures/bad-syntax.js'); } catch (e) { console.log(e.name, e instanceof SyntaxError); }
try { JSON.parse('{bad'); } catch (e) { console.log(e.name); }
try { new Function('return ]'); } catch (e) { console.log(e.name); }
try { eval('let let = 1'); } catch (e) { console.log(e.name); }
