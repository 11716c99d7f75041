// A 4 MB string built with `s += "ab"` (the pattern of 2010 code building output), then read
// once: appends must be linear in the result's length and not keep a node per append alive.
function build(n) {
  var s = "";
  for (var i = 0; i < n; i++) { s += "ab"; }
  return s;
}
var s = build(2000000);
var check = 0;
for (var j = 0; j < s.length; j += 4096) { check += s.charCodeAt(j) + s.charCodeAt(j + 1); }
if (s.length !== 4000000 || check !== 977 * 195 || s.indexOf("ba", 3999990) !== 3999991) {
  throw new Error("string_build: wrong result " + s.length + " " + check);
}
