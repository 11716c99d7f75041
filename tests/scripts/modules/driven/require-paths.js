// Prints require.paths as JSON: tests/tests/runtime_modules.rs runs it with HOME and NODE_PATH
// set and checks them against the API document, "Modules" ("~/.node_libraries" then
// "PREFIX/lib/node/libraries"; NODE_PATH's colon-separated paths before them).
require("sys").puts(JSON.stringify(require.paths));
