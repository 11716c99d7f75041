// inspect(object): a string representation of any value.
// Expected output from: document, "System module" says only "a string representation". The
// layout (one-space indents, quoted keys, "{ [Function]", "[length]"): NO SOURCE. [Getter],
// [Circular]: facts file, "## sys". Date and RegExp objects printing as "{}": facts file,
// "### sys".
var sys = require("sys");
function show(value) {
  sys.puts(sys.inspect(value));
}

show("a string\nwith \"quotes\"");
show(42);
show(true);
show(null);
show(undefined);
show(function () {});
show(/ab+c/gi);
show(new Date("Sun, 14 Feb 2010 11:48:40 GMT"));
show([]);
show({});
show([1, "two", [3]]);
show({name: "circle", radius: 4, tags: ["round"], nested: {deep: {deeper: true}}});

var withGetter = {};
Object.defineProperty(withGetter, "size", {get: function () { return 1; }, enumerable: true});
show(withGetter);

var cyclic = {name: "me"};
cyclic.self = cyclic;
show(cyclic);

var fn = function () {};
fn.version = 2;
show(fn);

sys.puts(sys.inspect([1, 2], true));
