// Run by tests/tests/runtime_modules.rs with HOME=../fixtures/home (absolute): a module in
// ~/.node_libraries is found, as a directory with an index.js. Expected from the API
// document, "Modules" (require.paths begins with "~/.node_libraries"; "index.js" allows one to
// package a module as a directory).
require("sys").puts(require("homemod").where);
