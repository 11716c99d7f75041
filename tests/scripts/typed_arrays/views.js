// Views share their buffer: a write through one is seen through every other (ES2015 22.2.4.5,
// 24.1); `subarray` makes a view of the same bytes, `slice` a copy; buffer, byteOffset,
// byteLength and length say what each view covers. Element order in memory is little-endian.
var sys = require("sys");
var buffer = new ArrayBuffer(16);
var bytes = new Uint8Array(buffer);
var words = new Uint32Array(buffer, 4, 2);
var floats = new Float64Array(buffer, 8);
words[0] = 0x11223344;
sys.puts(Array.prototype.slice.call(bytes, 0, 8).join(","));
bytes[4] = 0xff;
sys.puts(words[0].toString(16));
floats[0] = 1;
sys.puts(Array.prototype.slice.call(bytes, 8).join(","));
sys.puts(words[1].toString(16));
sys.puts([buffer.byteLength, bytes.length, words.length, words.byteOffset, words.byteLength,
  floats.byteOffset, floats.length, words.buffer === buffer, floats.buffer === bytes.buffer].join(" "));
var sub = bytes.subarray(2, 6);
sub[0] = 7;
sys.puts([bytes[2], sub.length, sub.byteOffset, sub.buffer === buffer].join(" "));
sys.puts([bytes.subarray(-2).length, bytes.subarray(-2).byteOffset, bytes.subarray(5, 2).length,
  bytes.subarray(20).length, words.subarray(1).byteOffset].join(" "));
var copy = bytes.slice(2, 4);
copy[0] = 99;
sys.puts([copy.length, copy[0], bytes[2], copy.buffer === buffer, copy.buffer.byteLength].join(" "));
var b2 = buffer.slice(4, 8);
sys.puts([b2.byteLength, new Uint32Array(b2)[0].toString(16), buffer.slice(-4).byteLength,
  buffer.slice(10, 2).byteLength].join(" "));
sys.puts([ArrayBuffer.isView(bytes), ArrayBuffer.isView(new DataView(buffer)),
  ArrayBuffer.isView(buffer), ArrayBuffer.isView([])].join(" "));
// A typed array made from another gets its own buffer.
var own = new Uint8Array(bytes);
own[0] = 1;
sys.puts(bytes[0] + " " + (own.buffer !== buffer));
