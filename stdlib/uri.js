// The "uri" module: removed before v0.1.27 in favour of "url", but still loadable, as in
// v0.1.27 (facts file, "### uri"): loading it writes a warning to stderr, and each of its
// functions throws an Error saying to use "url" instead.

process.stdio.writeError("\nWARNING: uri module is deprecated. Please use require(\"url\") instead.\n");

function deprecated() {
  throw new Error("uri module is deprecated. Please use require(\"url\") instead.");
}

exports.decode = deprecated;
exports.parse = deprecated;
exports.format = deprecated;
exports.resolveObject = deprecated;
exports.resolve = deprecated;
