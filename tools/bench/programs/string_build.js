// A 500 KB string built with `s += "ab"` (the pattern of 2010 code building output), then read
// once (QuickJS, without ropes, is quadratic here: 4 MB take it minutes): appends must be linear in the result's length and not keep a node per append alive.
function build(n) {
  var s = "";
  for (var i = 0; i < n; i++) { s += "ab"; }
  return s;
}
var s = build(250000);
var check = 0;
for (var j = 0; j < s.length; j += 4096) { check += s.charCodeAt(j) + s.charCodeAt(j + 1); }
if (s.length !== 500000 || check !== 123 * 195 || s.indexOf("ba", 499990) !== 499991) {
  throw new Error("string_build: wrong result " + s.length + " " + check);
}
