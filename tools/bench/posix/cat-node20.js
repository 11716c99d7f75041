// cat.js for modern node: fs.readFile with "utf8".
var fs = require("fs");
var path = process.argv[2], size = Number(process.argv[3]);
fs.readFile(path, "utf8", function (error, text) {
  if (error) throw error;
  if (text.length !== size) throw new Error("read " + text.length + " characters");
});
