// DataView reads and writes each number type at any byte offset, big-endian unless the
// littleEndian argument is true (ES2015 24.2); accesses past the end are RangeErrors.
var sys = require("sys");
var buffer = new ArrayBuffer(16);
var view = new DataView(buffer);
var bytes = new Uint8Array(buffer);
function hex() {
  var out = [];
  for (var i = 0; i < 8; i++) {
    out.push((bytes[i] < 16 ? "0" : "") + bytes[i].toString(16));
  }
  return out.join(" ");
}
view.setUint32(0, 0x01020304);
sys.puts(hex());
view.setUint32(0, 0x01020304, true);
sys.puts(hex());
sys.puts(view.getUint32(0).toString(16) + " " + view.getUint32(0, true).toString(16) + " " +
  view.getUint16(1).toString(16) + " " + view.getInt8(0));
view.setInt16(0, -2);
sys.puts(hex() + " " + view.getInt16(0) + " " + view.getUint16(0) + " " + view.getInt16(0, true));
view.setFloat64(0, Math.PI);
sys.puts(hex() + " " + view.getFloat64(0) + " " + view.getFloat64(0, true));
view.setFloat32(4, 1.1, true);
sys.puts(view.getFloat32(4, true) + " " + view.getUint8(7).toString(16));
view.setInt32(8, -1);
sys.puts(view.getUint32(8) + " " + view.getInt32(8) + " " + view.getUint8(11));
view.setUint8(12, 300);
view.setInt8(13, 200);
sys.puts(view.getUint8(12) + " " + view.getInt8(13) + " " + view.getUint8(13));
var part = new DataView(buffer, 4, 8);
sys.puts(part.byteOffset + " " + part.byteLength + " " + (part.buffer === buffer) + " " +
  part.getInt32(4) + " " + new DataView(buffer, 10).byteLength);
function error(f) {
  try { f(); return "no error"; } catch (e) { return e.name; }
}
sys.puts([error(function () { view.getInt32(13); }), error(function () { view.getUint8(16); }),
  error(function () { view.setFloat64(9, 1); }), error(function () { view.getInt8(-1); }),
  error(function () { part.getFloat64(1); }), error(function () { part.getFloat64(0); })].join(" "));
sys.puts([error(function () { new DataView(buffer, 17); }),
  error(function () { new DataView(buffer, 8, 9); }), error(function () { new DataView({}); }),
  error(function () { DataView(buffer); }),
  error(function () { DataView.prototype.getInt8.call(bytes, 0); })].join(" "));
