// Fasta-like output building: random choices from a weighted alphabet appended one character at
// a time to lines of 60, the lines joined into one text (600 KB), then scanned with charCodeAt,
// indexOf and substring.
function main() {
  var seed = 42;
  function random(max) { seed = (seed * 3877 + 29573) % 139968; return max * seed / 139968; }
  var alphabet = "acgtBDHKMNRSVWY";
  var weights = [0.27, 0.12, 0.12, 0.27, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02];
  var cumulative = [], sum = 0;
  for (var k = 0; k < weights.length; k++) { sum += weights[k]; cumulative.push(sum); }
  function pick() {
    var r = random(1);
    for (var k = 0; k < cumulative.length; k++) { if (r < cumulative[k]) { return alphabet.charAt(k); } }
    return alphabet.charAt(alphabet.length - 1);
  }
  var lines = [];
  for (var n = 0; n < 10000; n++) {
    var line = "";
    for (var c = 0; c < 60; c++) { line += pick(); }
    lines.push(line);
  }
  var text = lines.join("\n");
  var counts = [];
  for (var i = 0; i < 256; i++) { counts.push(0); }
  for (var i = 0; i < text.length; i++) { counts[text.charCodeAt(i)]++; }
  var motifs = 0, at = text.indexOf("ggt");
  while (at >= 0) { motifs++; at = text.indexOf("ggt", at + 1); }
  var lastLine = text.substring(text.lastIndexOf("\n") + 1);
  if (text.length !== 10000 * 61 - 1 || counts[10] !== 9999 || lastLine.length !== 60) {
    throw new Error("string_fasta: wrong shape " + text.length);
  }
  // The exact counts depend only on the generator above; checked against node 20.
  return counts[97] + " " + motifs;
}
var result = main();
if (result !== "161917 2251") { throw new Error("string_fasta: wrong counts " + result); }
