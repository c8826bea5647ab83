# debuglog prints to stderr only for sections in NODE_DEBUG; enabled reflects it.
NODE_DEBUG=foo,bar* "$NODE" -e '
const util = require("util");
const a = util.debuglog("foo"), b = util.debuglog("barista"), c = util.debuglog("other");
console.log(a.enabled, b.enabled, c.enabled, util.debuglog("FOO").enabled);
a("hello %s", "world");
' 2>&1 | sed 's/ [0-9]*:/ PID:/'
"$NODE" -e 'console.log(require("util").debuglog("foo").enabled)'
