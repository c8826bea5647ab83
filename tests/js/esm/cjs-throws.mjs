try { await import('./fixtures/more/throws.cjs'); } catch (e) { console.log('first', e.message); }
try { await import('./fixtures/more/throws.cjs'); } catch (e) { console.log('second', e.message); }
