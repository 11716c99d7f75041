// promise.wait() called where the stack cannot be suspended (inside toJSON, a getter, valueOf,
// a replace callback) throws an Error saying it "cannot be suspended"; sort and forEach
// callbacks can wait; after all that, an ordinary wait still works.
// Expected: the API document's wait() "is not a true fiber/coroutine" and says nothing of
// this; the error is this implementation's choice (its waits suspend the VM's own frames,
// which native calls of the engine are not; see process._waitPromise in the runtime).
var sys = require("sys"), events = require("events");
function soon() {
  var p = new events.Promise();
  setTimeout(function () { p.emitSuccess("value"); }, 1);
  return p;
}
function check(what, f) {
  try { f(); sys.puts(what + ": no error"); }
  catch (e) { sys.puts(what + ": " + (e instanceof Error) + " " + /cannot be suspended/.test(e.message)); }
}
check("toJSON", function () { JSON.stringify({ toJSON: function () { return soon().wait(); } }); });
var o = {};
Object.defineProperty(o, "g", { get: function () { return soon().wait(); } });
check("getter", function () { return o.g; });
check("valueOf", function () { return 1 + { valueOf: function () { return soon().wait(); } }; });
check("replace", function () { return "abc".replace(/b/, function () { return soon().wait(); }); });
check("sort", function () { return [2, 1].sort(function (a, b) { soon().wait(); return a - b; }); });
check("forEach", function () { [1].forEach(function () { soon().wait(); }); });
// After all that, an ordinary wait still works.
sys.puts(soon().wait());
