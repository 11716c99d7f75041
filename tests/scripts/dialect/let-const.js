// `let` and `const` with ES2015's semantics (ECMA-262 6th edition, 13.3.1 let and const
// declarations; 8.1.1.1 the temporal dead zone; 13.7.4.8 per-iteration bindings).
var sys = require("sys");

// Programs of 2010 used `const` at function and top level.
const VERSION = "0.1.27";
function greet(name) {
  const greeting = "hello, ";
  return greeting + name;
}
sys.puts(greet("world") + " " + VERSION);

// Block scope.
let x = "outer";
{
  let x = "inner";
  sys.puts(x);
}
sys.puts(x);

// Each iteration of `for (let ...)` has its own binding, which closures keep.
var callbacks = [];
for (let i = 0; i < 3; i++) {
  callbacks.push(function () { return i; });
}
sys.puts(callbacks.map(function (f) { return f(); }).join(" "));

var keys = [];
for (let key in { a: 1, b: 2, c: 3 }) {
  keys.push(function () { return key; });
}
sys.puts(keys.map(function (f) { return f(); }).join(" "));

// The temporal dead zone.
try {
  early;
  let early = 1;
} catch (e) {
  sys.puts(e.name + ": " + e.message);
}
function readLater() { return later; }
try { readLater(); } catch (e) { sys.puts(e.name); }
let later = "initialised";
sys.puts(readLater());

// Assigning a const is a TypeError, in sloppy code too.
const LIMIT = 10;
try {
  LIMIT = 11;
} catch (e) {
  sys.puts(e.name + ": " + e.message);
}
sys.puts(LIMIT);

// switch cases share one block.
switch (2) {
  case 1:
    let label = "one";
  case 2:
    try { sys.puts(label); } catch (e) { sys.puts("case 2 skipped the declaration: " + e.name); }
}

// `let` is still a name in sloppy code.
var let = "still a name";
sys.puts(let);

// Script-level bindings are not properties of the global object.
sys.puts(typeof this.later + " " + typeof global.later);
