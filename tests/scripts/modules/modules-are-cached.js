// A module runs once: every name that reaches the same file (with or without ".js", through
// "sub/..") gives the same exports object, and built-ins are cached too.
// Expected from CommonJS Modules 1.0 (the API document's "Node uses the CommonJS module
// system"), which requires require() to return the same object for the same module.
var sys = require("sys");
var a = require("./fixtures/cache/counted");
var b = require("./fixtures/cache/counted.js");
var c = require("./fixtures/cache/sub/../counted");
sys.puts((a === b) + " " + (b === c) + " " + runs);
sys.puts(require("sys") === sys);
require("./fixtures/cache/sub/again");
sys.puts(runs);
