// Fasta (string building from random choices), after the Computer Language Benchmarks Game's
// description, written for this suite: DNA sequences made by repeating a fixed sequence and by
// picking letters at random from weighted tables with the game's linear congruential generator,
// built into 60-letter lines and joined into one text per sequence instead of being printed.
// Checks the first random line against the game's published output for its generator and a
// checksum of all the text (agreed by node 20, QuickJS and Duktape).
var N = 250000;

var ALU =
  "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG" +
  "GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA" +
  "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT" +
  "ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA" +
  "GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG" +
  "AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC" +
  "AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";

// Letters and their probabilities, in the game's order (an array: ES5 leaves for-in order open).
var IUB = ["a", 0.27, "c", 0.12, "g", 0.12, "t", 0.27,
           "B", 0.02, "D", 0.02, "H", 0.02, "K", 0.02, "M", 0.02, "N", 0.02,
           "R", 0.02, "S", 0.02, "V", 0.02, "W", 0.02, "Y", 0.02];
var HOMO_SAPIENS = ["a", 0.3029549426680, "c", 0.1979883004921,
                    "g", 0.1975473066391, "t", 0.3015094502008];

var last = 42;
function random(max) {
  last = (last * 3877 + 29573) % 139968;
  return max * last / 139968;
}

// A weighted table as parallel arrays of letters and cumulative probabilities.
function cumulative(table) {
  var letters = [], limits = [], sum = 0;
  for (var i = 0; i < table.length; i += 2) {
    sum += table[i + 1];
    letters.push(table[i]);
    limits.push(sum);
  }
  return { letters: letters, limits: limits };
}

function repeatText(header, source, n) {
  var lines = [header], at = 0;
  while (n > 0) {
    var width = n < 60 ? n : 60, line = "";
    for (var i = 0; i < width; i++) {
      line += source.charAt(at);
      at = (at + 1) % source.length;
    }
    lines.push(line);
    n -= width;
  }
  return lines.join("\n") + "\n";
}

function randomText(header, table, n) {
  var t = cumulative(table), lines = [header];
  while (n > 0) {
    var width = n < 60 ? n : 60, line = "";
    for (var i = 0; i < width; i++) {
      var r = random(1.0), k = 0;
      while (r >= t.limits[k] && k < t.limits.length - 1) k++;
      line += t.letters[k];
    }
    lines.push(line);
    n -= width;
  }
  return lines.join("\n") + "\n";
}

var one = repeatText(">ONE Homo sapiens alu", ALU, 2 * N);
var two = randomText(">TWO IUB ambiguity codes", IUB, 3 * N);
var three = randomText(">THREE Homo sapiens frequency", HOMO_SAPIENS, 5 * N);

var firstRandom = two.split("\n")[1];
if (firstRandom !== "cttBtatcatatgctaKggNcataaaSatgtaaaDcDRtBggDtctttataattcBgtcg") {
  throw new Error("fasta: first random line is " + firstRandom);
}
var text = one + two + three, sum = 0;
for (var i = 0; i < text.length; i++) sum = (sum * 31 + text.charCodeAt(i)) % 1000000007;
var LENGTH = 2541745, SUM = 364036565;
if (text.length !== LENGTH || sum !== SUM) {
  throw new Error("fasta: " + text.length + " characters, checksum " + sum);
}
