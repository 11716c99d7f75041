// A module whose code throws is not cached half made: requiring it again runs it again. A
// syntax error in a module is a SyntaxError whose stack names the module's file.
// Expected: neither the API document nor the facts file says what a throwing module leaves in
// the cache; CommonJS caches a module's exports once it is loaded, so a failed load is
// retried. A SyntaxError for bad source is ECMAScript's (early errors).
var sys = require("sys");
for (var i = 0; i < 2; i++) {
  try { require("./fixtures/throwing/bad"); } catch (e) { sys.puts("attempt " + i + ": " + e.message); }
}
try { require("./fixtures/throwing/syntax"); } catch (e) {
  sys.puts((e instanceof SyntaxError) + " " + /syntax\.js/.test(e.stack));
}
