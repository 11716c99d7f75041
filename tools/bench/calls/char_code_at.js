// A million calls of a string native, charCodeAt, with an index in the string.
function run() {
  var t = "abcdefghijklmnopqrstuvwxyz0123456789", s = 0;
  for (var i = 0; i < 1000000; i++) { s += t.charCodeAt(i % 36); }
  return s;
}
var s = run();
if (s !== 93666988) { throw new Error("char_code_at: wrong result " + s); }
