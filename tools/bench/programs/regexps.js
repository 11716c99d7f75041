// Regular expressions: test, exec with groups, global replace and split.
var text = "";
for (var i = 0; i < 2000; i++) { text += "user" + i + "@example" + (i % 7) + ".com, "; }
var count = 0;
var re = /(\w+)@(\w+)\.com/g;
var m;
while ((m = re.exec(text)) !== null) { if (m[2] === "example3") { count++; } }
var replaced = text.replace(/user(\d+)/g, "u$1");
var words = text.split(/,\s*/);
var digits = 0;
for (var j = 0; j < words.length; j++) { if (/\d{3}/.test(words[j])) { digits++; } }
if (count !== 286 || replaced.length !== 38890 || digits !== 1900) { throw new Error("regexps: wrong result " + count + " " + replaced.length + " " + digits); }
