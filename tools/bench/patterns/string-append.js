// A 4 MB string built with `s += "ab"`, the way 2010 code builds its output: two million
// appends, then the string is read (length, characters at both ends and in the middle).
var N = 2000000;
var s = "";
for (var i = 0; i < N; i++) s += "ab";
if (s.length !== 2 * N || s.charAt(0) !== "a" || s.charAt(2 * N - 1) !== "b" ||
    s.charCodeAt(N + 1) !== 98 || s.indexOf("ba", N) !== N + 1) {
  throw new Error("string-append: wrong string of length " + s.length);
}
