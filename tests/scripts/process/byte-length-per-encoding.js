// byte length per encoding.
// Expected: SOURCE
var sys = require("sys");
sys.puts([
  process._byteLength("abc"),
  process._byteLength("h\u00e9llo"),
  process._byteLength("\u20ac", "utf8"),
  process._byteLength("\u20ac", "UTF-8"),
  process._byteLength("h\u00e9llo", "binary"),
  process._byteLength("h\u00e9llo", "ascii"),
  process._byteLength("\ud83d\ude00"),
  process._byteLength("")
].join(","));
try { process._byteLength(5); } catch (e) { sys.puts(e instanceof TypeError); }
