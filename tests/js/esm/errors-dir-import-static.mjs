try { await import('./fixtures/more/dir-import.mjs'); } catch (e) { console.log(e.code); }
