// An uncaught exception is printed as its `stack` (V8's format: "Name: message", then a line
// per frame) on stderr, and the process exits with status 1, as node did on V8.
function fail() { throw new RangeError("too far"); }
function outer() { fail(); }
outer();
