// process.mixin: copies own and inherited properties, null and undefined values too (facts file,
// "### process"); returns the target; deep copies nested objects and arrays;
// skips null and undefined sources; with one argument mixes into GLOBAL.
// Expected from the API document, "process" (process.mixin([deep], target, object1,
// [objectN]): "Extend one object with one or more others, returning the modified object. If
// no target is specified, the GLOBAL namespace itself is extended. If deep is true...") and
// ../shared/reference/beyond-the-document.md, "process" (inherited and undefined values).
var sys = require("sys");
function Proto() {}
Proto.prototype.inherited = "from the prototype";
var source = new Proto();
source.nested = { inner: { value: 1 } };
source.skipped = undefined;
source.nothing = null;

var target = { skipped: "kept" };
var result = process.mixin(target, source);
sys.puts(result === target);
sys.puts(target.inherited + "|" + target.skipped + "|" + target.nothing);
sys.puts(target.nested === source.nested);

var deep = process.mixin(true, {}, source);
sys.puts((deep.nested !== source.nested) + " " + (deep.nested.inner !== source.nested.inner) +
         " " + deep.nested.inner.value);
var merged = process.mixin(true, { a: { keep: 1 } }, { a: { add: 2 } }, { b: [1, [2]] });
sys.puts(JSON.stringify(merged) + " " + Array.isArray(merged.b));

var several = process.mixin({}, { a: 1 }, undefined, { b: 2 }, null, { a: 3 });
sys.puts(JSON.stringify(several));

var g = process.mixin({ mixedIntoGlobal: "yes" });
sys.puts((g === GLOBAL) + " " + mixedIntoGlobal);
