// Templates and Markdown in the style of early-2010 libraries: templates read with posix.cat
// and wait(), compiled with new Function and with(), helpers called by their bare name inside
// `with` (so `this` is the locals object, ES5 10.2.1.2.6), RegExp.$1, a regular expression
// called as a function, trimLeft/trimRight and function names.
// Expected output from: the API document (posix.cat, promise.wait), ES5 (with, new Function,
// String.prototype.replace), V8 of 2010 for RegExp.$1-$9, callable regular expressions,
// trimLeft/trimRight and Function.prototype.name.
var sys = require("sys"),
    posix = require("posix"),
    template = require("./markup/template"),
    markdown = require("./markup/markdown");

var dir = __dirname + "/markup/templates/";
var page = template.compile(posix.cat(dir + "page.html", "utf8").wait());

var locals = {
  title: "Fish & <Chips>",
  items: ["cod", "haddock", "plaice"],
  suffix: "!",
  shout: function shout(text) { return text.toUpperCase() + this.suffix; }
};
sys.print(page(locals));

sys.puts(markdown.toHTML(posix.cat(dir + "notes.md", "utf8").wait()));

sys.puts("helpers: " + [locals.shout, template.compile, markdown.toHTML].map(function (f) {
  return JSON.stringify(f.name);
}).join(", "));
sys.puts("substr: " + "template".substr(-4, 3) + ", last match: " + RegExp.lastMatch.length);
