// sys.inspect: strings as JSON, primitives, empty arrays and objects, nested objects one space
// an indent level, functions, dates, regular expressions, errors, [Circular] for cycles (and
// not for an object seen twice without a cycle), accessors as [Getter], [Setter],
// [Getter/Setter] (the getter is not called), a function with properties.
// Expected from the API document, "sys" (inspect(object)) and
// ../shared/reference/beyond-the-document.md, "sys" ([Getter], [Setter], [Getter/Setter],
// [Circular]); the layout is v0.1.27's sys.js (see stdlib/README.md, "sys").
var sys = require("sys");
sys.puts([sys.inspect("a\n"), sys.inspect(undefined), sys.inspect(null), sys.inspect(1.5),
          sys.inspect(true), sys.inspect([]), sys.inspect({})].join(" "));
var o = { a: [1, { b: "x" }], f: function () {}, d: new Date(0), r: /ab+c/gi,
          e: new Error("bad") };
o.self = o;
o.a.push(o.a);
sys.puts(sys.inspect(o));
var shared = {};
sys.puts(sys.inspect({ one: shared, two: shared }));
var accessors = {};
Object.defineProperty(accessors, "g", { get: function () { throw new Error("called"); }, enumerable: true });
Object.defineProperty(accessors, "s", { set: function () {}, enumerable: true });
Object.defineProperty(accessors, "gs", { get: function () {}, set: function () {}, enumerable: true });
sys.puts(sys.inspect(accessors));
var fn = function () {};
fn.prop = 1;
sys.puts(sys.inspect(fn));
