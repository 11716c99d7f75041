// process.mixin([deep], target, object1, [objectN]).
// Expected output from: document, "The process Object" (mixin: returns the target, GLOBAL when
// no target, deep copy, inherited properties copied). The third line: facts file,
// "### process" (mixin copies undefined values too, against the document's "Undefined
// properties are not copied"; the facts file wins).
var sys = require("sys");

// It extends the target, and returns it.
var target = {a: 1};
var result = process.mixin(target, {b: 2}, {c: 3});
sys.puts(result === target);
sys.puts(JSON.stringify(target));

// The document: "Undefined properties are not copied"; v0.1.27's code copied them (facts file).
process.mixin(target, {u: undefined});
sys.puts("u" in target);

// "properties inherited from the object's prototype will be copied over."
function Base() {}
Base.prototype.inherited = "from the prototype";
var withPrototype = new Base();
withPrototype.own = "own";
sys.puts(JSON.stringify(process.mixin({}, withPrototype)));

// Shallow by default: the copy shares structure with the original; with
// true first, a deep copy.
var source = {inner: {x: 1}};
var shallow = process.mixin({}, source);
var deep = process.mixin(true, {}, source);
sys.puts(shallow.inner === source.inner);
sys.puts(deep.inner === source.inner);
sys.puts(JSON.stringify(deep));

// "If no target is specified, the GLOBAL namespace itself is extended."
process.mixin({addedToGlobal: "here"});
sys.puts(addedToGlobal);
