// The globals: global/GLOBAL, process, require and require.paths, __filename and __dirname
// (absolute), module and exports; `this` at the top of a module is its exports, and a
// top-level var stays in the module.
// Expected from the API document, "Global Objects" (global, process, require, require.paths,
// __filename: "the filename of the script being executed", __dirname, module) and
// ../shared/reference/beyond-the-document.md, "process" (process.mainModule).
var sys = require("sys");
sys.puts(typeof global + " " + (global === GLOBAL) + " " + (global.process === process));
sys.puts(typeof require + " " + Array.isArray(require.paths));
sys.puts(__filename === __dirname + "/globals-are-there.js");
sys.puts(/^\/.*\/tests\/scripts\/process$/.test(__dirname));
sys.puts((module.exports === exports) + " " + (module instanceof process.Module));
sys.puts((this === exports) + " " + (process.mainModule === module));
var topLevel = 1;
sys.puts(typeof global.topLevel);
