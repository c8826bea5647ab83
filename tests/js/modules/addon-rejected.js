// .node files are native addons; nodec rejects them with an error (Node
// fails to dlopen this fake one too).
try { require('./fixtures/addon.node'); console.log('loaded?'); } catch (e) { console.log('threw', e instanceof Error); }
try { require('./fixtures/addon'); console.log('loaded?'); } catch (e) { console.log('threw', e instanceof Error); }
