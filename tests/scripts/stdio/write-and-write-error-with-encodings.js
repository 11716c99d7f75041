// process.stdio.write writes to stdout in "utf8" by default or in the encoding given ("binary":
// one byte a character, so U+00E9 is the single byte 0xE9); writeError writes UTF-8 to stderr.
// A number is written as its string.
// Expected from the API document, "Standard I/O" (process.stdio.write(data): "Write data to
// stdout"; process.stdio.writeError(data): "Write data to stderr. Synchronous.") and
// ../shared/reference/beyond-the-document.md, "process" (encodings).
// NAME.out holds the raw byte 0xE9 (not UTF-8); the runner, like the test before it, compares
// stdout with invalid UTF-8 replaced by U+FFFD on both sides.
process.stdio.write("out ");
process.stdio.writeError("err\n");
process.stdio.write("\u00e9", "binary");
process.stdio.write("\u00e9");
process.stdio.write(42);
process.stdio.writeError("\u20ac\n");
