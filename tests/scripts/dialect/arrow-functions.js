// ES2015 syntax that test262's ES5 tests use: arrow functions, method shorthand in object
// literals, and `\u{...}` escapes in strings.
var sys = require("sys");

// An arrow function's body: an expression, or a block.
var double = x => x * 2;
var add = (a, b) => { return a + b; };
var none = () => 42;
var object = () => ({ a: 1 });
sys.puts(double(21) + " " + add(1, 2) + " " + none() + " " + JSON.stringify(object()));
sys.puts(double.length + " " + add.length + " " + none.length + " " + typeof add);
sys.puts([1, 2, 3].map(x => x * x).join(","));

// `this` is that of the code that made it, whatever the call says.
function Counter() {
  this.count = 0;
  var self = this;
  this.increment = () => { this.count++; return this === self; };
}
var counter = new Counter();
sys.puts(counter.increment() + " " + counter.increment.call({}) + " " +
         counter.increment.apply(null, []) + " " + counter.increment.bind({})() + " " + counter.count);
var nested = function () { return () => () => this.name; };
sys.puts(nested.call({ name: "nested" })()());
function strictThis() { "use strict"; return (() => this)(); }
sys.puts(strictThis() + " " + (function () { return (() => this)(); }).call(7).constructor.name);

// `arguments` is that of the function around it.
function outer() { var inner = () => arguments.length + ":" + arguments[0]; return inner("ignored"); }
sys.puts(outer("a", "b"));
function outerEval() { var inner = () => eval("arguments[1]"); return inner(); }
sys.puts(outerEval(1, 2));
function ownVar() { var inner = () => { var arguments = "own"; return arguments; }; return inner(); }
sys.puts(ownVar(1));

// Not a constructor, and no prototype.
try { new double(1); } catch (e) { sys.puts(e.constructor.name); }
try { new (double.bind(null))(1); } catch (e) { sys.puts(e.constructor.name); }
sys.puts(double.hasOwnProperty("prototype") + " " + Object.prototype.toString.call(double));
sys.puts(add.toString());

// Closures over loop variables, as any function.
var fs = [];
for (var i = 0; i < 3; i++) { fs.push((j => () => j)(i)); }
sys.puts(fs.map(f => f()).join(","));

// A regular expression after `=>`, a division after the body.
var re = s => /^a+$/.test(s);
sys.puts(re("aaa") + " " + re("ab"));
var half = n => n
  / 2;
sys.puts(half(9));

// Methods in object literals: named by their key, not constructors.
var o = {
  valueOf() { return 5; },
  get() { return "a method called get"; },
  get size() { return 3; },
  "quoted"(a, b) { return a + b; },
  7() { return "seven"; },
  me() { return this === o; }
};
sys.puts((o + 1) + " " + o.get() + " " + o.size + " " + o.quoted(1, 2) + " " + o[7]() + " " + o.me());
sys.puts(o.valueOf.name + " " + o.valueOf.hasOwnProperty("prototype"));
try { new o.me(); } catch (e) { sys.puts(e.constructor.name); }

// `\u{...}`: a code point, two UTF-16 units past FFFF.
sys.puts("\u{41}\u{000042}" + " " + "\u{10000}".length + " " + "\u{1F600}".charCodeAt(0).toString(16) +
         " " + ("\uD7FF" < "\u{10000}") + " " + ("\u{10000}" === "\uD800\uDC00"));

// Early errors.
[
  "(a, a) => 1",
  "(a + 1) => 1",
  "x\n=> 1",
  "() => {} ()",
  "({ m(a, a) {} })",
  "\"use strict\"; (eval) => 1",
  "'\\u{110000}'",
  "'\\u{}'",
  "'\\u{41'"
].forEach(source => {
  try {
    eval(source);
    sys.puts("parsed: " + source);
  } catch (e) {
    sys.puts(e.constructor.name + ": " + JSON.stringify(source));
  }
});
