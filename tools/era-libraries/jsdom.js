// jsdom's own test/runner.js (the w3c DOM suites) under mjsunit.runner, found
// through require.paths as it would be in ~/.node_libraries.
var dir = process.ARGV[2];
require.paths.unshift(process.ARGV[3], dir + "/lib");
process.ARGV.splice(2, 2);
require(dir + "/test/runner");
