// What goes wrong with addons is an Error from require or from the call, never a crash:
// a file that is not a shared object, one without init, one built for another ABI version,
// an init that throws (every time it is required), and errors thrown from C functions and
// through them (examples/addons/errors.c, built by tests/tests/addons.rs).
var sys = require("sys");

function attempt(name) {
  try {
    require(name);
    sys.puts(name + ": loaded");
  } catch (e) {
    // The directory is a temporary one: leave it out.
    sys.puts(name + ": " + e.name + ": " + e.message.split(__dirname + "/").join(""));
  }
}
attempt("./not-a-library");
attempt("./no-init");
attempt("./wrong-abi");
attempt("./no-version");
attempt("./throws-in-init");
attempt("./throws-in-init");

var errors = require("./errors");
try {
  errors.fail("thrown from C");
} catch (e) {
  sys.puts("fail: " + (e instanceof Error) + " " + e.message);
}
try {
  errors.failType();
} catch (e) {
  sys.puts("failType: " + (e instanceof TypeError) + " " + e.message);
}
sys.puts("callAndCatch: " + errors.callAndCatch(function () {
  throw new RangeError("thrown from JS");
}));
sys.puts("callAndCatch: " + errors.callAndCatch(function () { return 1; }));
try {
  errors.callAndPropagate(function () { throw new SyntaxError("through C"); });
} catch (e) {
  sys.puts("callAndPropagate: " + e.name + ": " + e.message);
}
// A handle kept past its call is refused, not followed.
errors.keepHandle({});
try {
  errors.useKeptHandle();
} catch (e) {
  sys.puts("stale handle: " + e.name);
}
