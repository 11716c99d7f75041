// A File operation's callback that throws does not stall the queue: the exception goes to
// "uncaughtException" and the later operations still run.
// Expected from ../shared/reference/beyond-the-document.md, "file" (queued operations) and the
// API document, "process" ("uncaughtException").
var file = require("file"), posix = require("posix"), sys = require("sys");
var dir = require("../common").tmpDir();
process.addListener("uncaughtException", function (e) { sys.puts("caught " + e.message); });
var f = new file.File(dir + "/t.txt", "w");
f.write("a").addCallback(function () { throw new Error("boom"); });
f.write("b");
f.close().addCallback(function () { sys.puts("content " + posix.catSync(dir + "/t.txt")); });
