// Annex B of 2010's engines: substr, getYear, escape, the HTML string methods, compile.
var sys = require("sys");
sys.puts("hello world".substr(-5, 3));
sys.puts(new Date(2010, 1, 1).getYear());
sys.puts(escape("a b&c=ü"));
sys.puts(unescape("%u263A%20ok"));
sys.puts("node".bold() + " " + "docs".link("http://nodejs.org/"));
var re = /old/;
re.compile("new", "g");
sys.puts(re.source + " " + re.global);
sys.puts(typeof new Date(0).toGMTString());
