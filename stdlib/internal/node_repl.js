// The `node-repl` program, as v0.1.27 installed it in $PREFIX/bin/node-repl: a few welcome
// lines, then the REPL of stdlib/repl.js. (runtime/src/bin/node_repl.rs starts the runtime
// with this as the main module.) The tip about rlwrap is gone: the line editor is built in
// when stdin is a terminal.
// `puts` is a global here, as in v0.1.27's script: at the prompt too.
puts = require("sys").puts;
puts("Welcome to the Node.js REPL.");
puts("Enter ECMAScript at the prompt.");
puts("Tip 1: the line editor is built in (arrows, Ctrl-R, Tab); no need for rlwrap.");
puts("Tip 2: Type Control-D to exit.");
puts("Type '.help' for options.");
require("repl").start();
