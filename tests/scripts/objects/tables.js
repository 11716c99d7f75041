// Objects used as tables (many names, so the engine keeps them in dictionary mode): names
// added, deleted and added again keep insertion order (indices first, ascending), for-in and
// Object.keys agree, deleting during a for-in skips the deleted names, names made by
// concatenation and names read from for-in are the same keys, and JSON round-trips names
// with and without escapes. Expected output checked against node 20.
// (`sys.puts` is v0.1.27's; node 20, which checked the output, has `console.log`.)
var sys = require("sys");
if (!sys.puts) sys = { puts: function (s) { console.log(s); } };

var table = {};
for (var i = 0; i < 1000; i++) table["key" + i] = i;
// Delete every other name, then most of the rest (the engine compacts its holes as it goes).
for (i = 0; i < 1000; i += 2) delete table["key" + i];
for (i = 1; i < 900; i += 2) delete table["key" + i];
var names = Object.keys(table);
sys.puts(names.length + " left: " + names.slice(0, 3).join(",") + " ... " + names[names.length - 1]);
// Added again, a name goes to the end; indices come first, ascending.
table.key0 = "back";
table[7] = "seven";
table[3] = "three";
names = [];
for (var name in table) names.push(name);
sys.puts(names.slice(0, 4).join(",") + " ... " + names.slice(-2).join(","));
sys.puts("for-in and keys agree: " + (names.join() === Object.keys(table).join()));

// A name read back by for-in and one made again by "+" find the same property.
var sum = 0, hits = 0;
for (name in table) if (typeof table[name] === "number") sum += table[name];
for (i = 901; i < 1000; i += 2) if (table["key" + i] === i) hits++;
sys.puts("sum " + sum + ", hits " + hits);

// Deleting names while a for-in walks them: a name deleted before its turn is skipped.
var seen = [];
for (name in table) {
  if (name === "key901") { delete table.key903; delete table.key999; }
  seen.push(name);
}
sys.puts(seen.length + " seen, key903 " + (seen.indexOf("key903") >= 0) +
         ", key999 " + (seen.indexOf("key999") >= 0));

// Names with inherited ones: an own name shadows the prototype's, hidden or not.
function Base() {}
Base.prototype.shared = 1;
Base.prototype.hidden = 2;
var object = new Base();
for (i = 0; i < 100; i++) object["n" + i] = i;
Object.defineProperty(object, "hidden", { value: 3, enumerable: false });
var listed = [];
for (name in object) listed.push(name);
sys.puts(listed.length + " names, last " + listed[listed.length - 1] +
         ", hidden listed " + (listed.indexOf("hidden") >= 0));

// JSON: names and strings with and without escapes, and numbers as text.
var text = JSON.stringify({ plain: "abc", "quote\"d": "tab\there", "\u00e9t\u00e9": [1.5, -0, 1e21, 12345] });
sys.puts(text);
var back = JSON.parse(text);
sys.puts(Object.keys(back).join("|") + " " + back["quote\"d"] + " " + back["\u00e9t\u00e9"].join(","));
sys.puts(JSON.stringify(JSON.parse('{"a\\u0062c": "x\\ny", "k": "\\"\\\\"}')));
