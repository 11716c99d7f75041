// Regular expression literals evaluated in a loop (each evaluation makes a new RegExp object,
// ES5 7.8.5), as 2010 code does in helper functions: `function isNumber(s) { return /^\d+$/.test(s); }`.
function isWord(s) { return /^[a-z]+$/.test(s); }
function hasDot(s) { return /\./.test(s); }
var words = ["alpha", "beta", "x.y", "42", "gamma", "a.b.c", "delta", "7up"];
var word = 0, dot = 0, flags = 0;
for (var i = 0; i < 500000; i++) {
  var s = words[i & 7];
  if (isWord(s)) word++;
  if (hasDot(s)) dot++;
  var re = /b+/g;
  if (re.global && re.lastIndex === 0) flags++;
}
if (word !== 250000 || dot !== 125000 || flags !== 500000) {
  throw new Error("regexp_literal: wrong result " + word + " " + dot + " " + flags);
}
