// process.umask(mask) sets the mask and returns the old one; without an argument it only
// returns it; a string is read as octal.
// Expected from the API document, "process" ("process.umask(mask): Sets the process's file
// mode creation mask ... returns the old mask") and umask(2). A string mask ("022") read as
// octal is not in either document: it is this implementation's choice (later node's).
var sys = require("sys");
var first = process.umask(parseInt("027", 8));
sys.puts(process.umask(parseInt("077", 8)).toString(8));
sys.puts(process.umask().toString(8));
sys.puts(process.umask().toString(8));
sys.puts(process.umask("022").toString(8));
sys.puts(process.umask(first).toString(8));
