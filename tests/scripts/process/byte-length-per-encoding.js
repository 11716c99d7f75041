// process._byteLength(string, encoding="utf8"): UTF-8 bytes by default, one a character in
// "binary" and "ascii", 4 for a surrogate pair; a TypeError for a non-string.
// Expected from ../shared/reference/beyond-the-document.md, "process" (process._byteLength)
// and UTF-8 itself.
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
