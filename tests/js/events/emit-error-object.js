// ERR_UNHANDLED_ERROR keeps the context; errors with custom fields.
const E = require('events');
const e = new E();
try { e.emit('error', { message: 'objmsg', code: 'X' }); } catch (err) { console.log(err.code, err.message, err.context); }
try { e.emit('error'); } catch (err) { console.log(err.code, err.message); }
const custom = new Error('custom'); custom.extra = 1;
try { e.emit('error', custom); } catch (err) { console.log(err === custom, err.extra); }
