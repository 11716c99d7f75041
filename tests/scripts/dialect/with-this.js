// A function found on a `with` object and called by its bare name gets that object as
// `this` (ES5 10.2.1.2.6), as V8 did.
var sys = require("sys");
var counter = {
  count: 0,
  bump: function () { this.count++; return this === counter; }
};
with (counter) {
  sys.puts(bump());
  bump();
}
sys.puts(counter.count);
