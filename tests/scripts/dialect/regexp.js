// The RegExp statics, callable regular expressions and trimLeft/trimRight of V8 of 2010.
var sys = require("sys");

/(\w+)@(\w+)\.com/.exec("write to bob@example.com today");
sys.puts(RegExp.$1 + " at " + RegExp.$2);
sys.puts("[" + RegExp.leftContext + "|" + RegExp.lastMatch + "|" + RegExp.rightContext + "]");
sys.puts(RegExp.input);

if ("Content-Length: 42".match(/^([\w-]+):\s*(.*)$/)) {
  sys.puts(RegExp.$1.toLowerCase() + "=" + RegExp.$2);
}

var digits = /(\d+)/;
var m = digits("abc 123 def");
sys.puts(m[1] + " at " + m.index);
sys.puts(typeof digits);

sys.puts("[" + "   padded   ".trimLeft() + "]");
sys.puts("[" + "   padded   ".trimRight() + "]");
