// Circular requires: a module required while it is still loading is seen with the exports it
// has so far.
// Expected from CommonJS Modules 1.0 (the API document's "Node uses the CommonJS module
// system"): the partial exports of a module in a cycle.
var sys = require("sys");
var a = require("./fixtures/circular/a");
sys.puts(JSON.stringify(a));
sys.puts(JSON.stringify(require("./fixtures/circular/b")));
