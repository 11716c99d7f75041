// process.compile(code, origin) runs code in the global scope like an indirect eval and returns
// its value; a syntax error or an exception names the origin (and its line) in the stack.
// Expected from the API document, "process" ("process.compile(source, scriptOrigin): Just like
// eval() except that you can specify a scriptOrigin for better error reporting") and
// ECMAScript (eval's completion value; SyntaxError).
var sys = require("sys");
sys.puts(process.compile("var compiledGlobal = 6; compiledGlobal * 7", "answer.js"));
sys.puts(typeof compiledGlobal);
try {
  process.compile("var x = ;", "broken-origin.js");
} catch (e) {
  sys.puts((e instanceof SyntaxError) + " " + /broken-origin\.js/.test(e.stack));
}
try {
  process.compile("\n\nthrow new Error('at line 3');", "thrower-origin.js");
} catch (e) {
  sys.puts(e.message + " " + /thrower-origin\.js:3:/.test(e.stack));
}
