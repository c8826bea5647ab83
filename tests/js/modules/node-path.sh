# NODE_PATH adds directories searched after node_modules.
cd "$(dirname "$0")"
NODE_PATH="$PWD/fixtures/node_modules" "$NODE" -e 'console.log(require("dep"), require("@scope/pkg"))'
NODE_PATH="/nonexistent:$PWD/fixtures/node_modules" "$NODE" -e 'console.log(require("pkg-index"))'
"$NODE" -e 'try { require("pkg-index") } catch (e) { console.log(e.code) }'
NODE_PATH="$PWD/fixtures/node_modules" "$NODE" -e 'console.log(require("module").globalPaths.length > 0)'
