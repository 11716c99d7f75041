// Preloaded by run.sh (node -r ./es5-host.js) to run a test a second time
// with the library of ECMAScript 5.1 only: the built-in functions and
// objects that later editions added are deleted from the host before the
// test starts, so a module or test that leans on one fails here, as it
// would on our own ES5 engine. (Syntax is checked separately: see README.)

function remove(object, names) {
  for (var i = 0; i < names.length; i++) delete object[names[i]];
}

remove(Object, ["assign", "entries", "values", "fromEntries", "is", "setPrototypeOf",
  "getOwnPropertySymbols", "getOwnPropertyDescriptors", "hasOwn", "groupBy"]);
remove(Array, ["from", "of", "fromAsync"]);
remove(Array.prototype, ["includes", "find", "findIndex", "findLast", "findLastIndex",
  "fill", "copyWithin", "entries", "keys", "values", "flat", "flatMap", "at",
  "toReversed", "toSorted", "toSpliced", "with"]);
remove(String, ["fromCodePoint", "raw"]);
remove(String.prototype, ["includes", "startsWith", "endsWith", "repeat", "padStart",
  "padEnd", "trimStart", "trimEnd", "trimLeft", "trimRight", "codePointAt", "normalize",
  "at", "replaceAll", "matchAll", "isWellFormed", "toWellFormed"]);
remove(Number, ["isInteger", "isFinite", "isNaN", "isSafeInteger", "parseFloat",
  "parseInt", "EPSILON", "MAX_SAFE_INTEGER", "MIN_SAFE_INTEGER"]);
remove(Math, ["trunc", "sign", "cbrt", "log2", "log10", "log1p", "expm1", "hypot",
  "clz32", "imul", "fround", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"]);
// (RegExp.prototype.flags stays: the host's own RegExp toString reads it.)
remove(global, ["Map", "Set", "WeakMap", "WeakSet", "WeakRef", "Promise", "Proxy",
  "Reflect", "structuredClone", "queueMicrotask", "globalThis"]);
