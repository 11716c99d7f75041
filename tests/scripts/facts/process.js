// process: ARGV and ENV, mixin's copying rules, process.Promise and process.Stats.
// Expected output from: the facts file, "### process" (every line).
var sys = require("sys");
sys.puts(process.ARGV === process.argv);
sys.puts(process.ENV === process.env);

// Undefined values are copied too: the target gets an own "foo".
var t = {};
process.mixin(t, {foo: undefined});
sys.puts(Object.prototype.hasOwnProperty.call(t, "foo") + " " + t.foo);

// An accessor is read: the getter runs and its value is copied as a plain value.
var calls = 0;
var source = {};
Object.defineProperty(source, "g", {
  get: function () { calls++; return 7; },
  enumerable: true
});
var copied = process.mixin({}, source);
var descriptor = Object.getOwnPropertyDescriptor(copied, "g");
sys.puts(calls + " " + copied.g + " " + ("value" in descriptor));

// Deep: the base for a nested object is target[name] || (copy.length != null ? [] : {}).
var existing = {a: {keep: 1}};
process.mixin(true, existing, {a: {add: 2}, list: [1, 2], like: {length: 1, 0: "x"}});
sys.puts(JSON.stringify(existing.a) + " " + Array.isArray(existing.list) + " " +
         Array.isArray(existing.like) + " " + existing.like[0]);

sys.puts(process.Promise === require("events").Promise);
sys.puts(process.Stats === require("posix").Stats);
