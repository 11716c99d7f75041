// A lexer in the style of CoffeeScript 0.5's (2010): for each token it takes the rest of the
// source (`chunk = code.slice(i)`) and tries about ten anchored patterns on it in turn, so a
// failing `/^.../` must cost nothing like the length of the chunk. Tokenizes a generated ~20 KB
// source and checks that the tokens spell it back and how many there are of each kind.
var IDENTIFIER = /^([a-zA-Z\$_](\w|\$)*)/;
var NUMBER = /^(\b((0(x|X)[0-9a-fA-F]+)|([0-9]+(\.[0-9]+)?(e[+\-]?[0-9]+)?)))\b/i;
var HEREDOC = /^("{6}|'{6}|"{3}\n?([\s\S]*?)\n?([ \t]*)"{3}|'{3}\n?([\s\S]*?)\n?([ \t]*)'{3})/;
var STRING = /^("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/;
var JS = /^(``|`([\s\S]*?)([^\\]|\\\\)`)/;
var REGEX = /^(\/(\S.*?)?([^\\]|\\\\)\/[imgy]{0,4})/;
var COMMENT = /^(((\n?[ \t]*)?#[^\n]*)+)/;
var MULTI_DENT = /^((\n([ \t]*))+)(\.)?/;
var WHITESPACE = /^([ \t]+)/;
var CODE = /^((-|=)>)/;
var OPERATOR = /^([+\*&|\/\-%=<>:!?]+)/;
var LAST_DENT = /\n([ \t]*)/;

var lines = [
  "square = (x) -> x * x",
  "list = [1, 2, 3.5, 0x1F, 6e3]",
  "  name = \"hello world\" + 'it\\'s' # a comment",
  "  if count >= 10 and not done then count += 1 else count = 0",
  "matcher = /ab+c/g",
  "  result = `native(js)` or math.cube(list[2])",
  "    obj: {key: value, other: 'text'}",
  "cube = (x) => square(x) * x"
];
var code = "";
var n = 0;
while (code.length < 20000) {
  code += lines[n % lines.length] + "\n";
  if (n % 37 === 0) { code += "\"\"\"\n  a heredoc\n  of two lines\n\"\"\"\n"; }
  n++;
}

function Lexer(code) { this.code = code; this.i = 0; this.tokens = []; this.counts = {}; }
Lexer.prototype.match = function (regex, index) {
  var m = this.chunk.match(regex);
  return m ? m[index] : false;
};
Lexer.prototype.token = function (tag, value) {
  this.tokens.push([tag, value]);
  this.counts[tag] = (this.counts[tag] || 0) + 1;
  this.i += value.length;
  return true;
};
Lexer.prototype.tokenize = function () {
  while (this.i < this.code.length) {
    this.chunk = this.code.slice(this.i);
    this.next();
  }
  return this.tokens;
};
Lexer.prototype.next = function () {
  var v;
  if ((v = this.match(IDENTIFIER, 1))) { return this.token("IDENTIFIER", v); }
  if ((v = this.match(NUMBER, 1))) { return this.token("NUMBER", v); }
  if ((v = this.match(HEREDOC, 1))) { return this.token("HEREDOC", v); }
  if ((v = this.match(STRING, 1))) { return this.token("STRING", v); }
  var m = JS.exec(this.chunk);
  if (m) { return this.token("JS", m[1]); }
  if (this.chunk.charAt(0) === "/" && (m = REGEX.exec(this.chunk))) { return this.token("REGEX", m[1]); }
  if ((v = this.match(COMMENT, 1))) { return this.token("COMMENT", v); }
  if ((m = MULTI_DENT.exec(this.chunk))) {
    var indent = LAST_DENT.exec(m[1]);
    this.counts.indent = (this.counts.indent || 0) + indent[1].length;
    return this.token("TERMINATOR", m[1]);
  }
  if ((v = this.match(WHITESPACE, 1))) { return this.token("SPACE", v); }
  if ((v = this.match(CODE, 1))) { return this.token("CODE", v); }
  if ((v = this.match(OPERATOR, 1))) { return this.token("OPERATOR", v); }
  return this.token("LITERAL", this.chunk.substr(0, 1));
};

var lexer = new Lexer(code);
var tokens = lexer.tokenize();
var text = "";
for (var t = 0; t < tokens.length; t++) { text += tokens[t][1]; }
var c = lexer.counts;
var summary = [tokens.length, c.IDENTIFIER, c.NUMBER, c.HEREDOC, c.STRING, c.JS, c.REGEX,
  c.COMMENT, c.TERMINATOR, c.indent, c.SPACE, c.CODE, c.OPERATOR, c.LITERAL].join(" ");
if (text !== code || summary !== "9259 2035 612 15 204 68 68 68 558 680 3122 135 1018 1356") {
  throw new Error("lexer: wrong result " + (text === code) + " " + summary);
}
