# -r resolves like require from the cwd: packages in node_modules too.
cd "$(dirname "$0")/../modules/fixtures"
"$NODE" -r pkg-counter -e 'console.log("loads", globalThis.__counterLoads)'
"$NODE" -r ./node_modules/dep -p 'require("dep")'
