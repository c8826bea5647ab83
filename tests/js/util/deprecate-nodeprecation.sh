# --no-deprecation silences deprecate; --throw-deprecation makes it throw.
"$NODE" --no-deprecation -e 'process.on("warning", (w) => console.log("warning", w.name)); require("util").deprecate(() => 1, "x", "DEP_X")(); setTimeout(() => console.log("done"), 1)'
"$NODE" --throw-deprecation -e 'try { require("util").deprecate(() => 1, "x msg", "DEP_X")(); } catch (e) { console.log("threw", e.name, e.code, e.message) }'
