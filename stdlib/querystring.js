// The "querystring" module: turn objects into query strings and back.
//
//   stringify({foo: "bar", baz: {quux: "asdf"}, boo: [1, 2]})
//     => "foo=bar&baz%5Bquux%5D=asdf&boo%5B%5D=1&boo%5B%5D=2"
//   parse("foo=bar&baz%5Bquux%5D=asdf&boo%5B%5D=1&boo%5B%5D=2")
//     => {foo: "bar", baz: {quux: "asdf"}, boo: [1, 2]}
//
// Nested values travel in the bracket notation PHP and Rails popularised:
// "a[b][c]=x" is {a: {b: {c: "x"}}} and "a[]=x&a[]=y" is {a: ["x", "y"]}.

var QueryString = exports;

var toClass = Object.prototype.toString;
var hasOwn = Object.prototype.hasOwnProperty;

function isArray(value) {
  return toClass.call(value) === "[object Array]";
}

// A plain object, as parse() builds them: not an array, not a string.
function isObject(value) {
  return toClass.call(value) === "[object Object]";
}

// The escape function used by stringify. Exported so a program can replace
// it; stringify always calls it through the module.
QueryString.escape = function (str) {
  return encodeURIComponent(str);
};

// The unescape function used by parse. With decodeSpaces, "+" is a space, as
// HTML forms encode it. A malformed escape ("%zz", "%E9" alone) is not an
// error: the text is returned as it stands, so that a bad query string in a
// request cannot throw out of a server's request handler.
QueryString.unescape = function (str, decodeSpaces) {
  if (decodeSpaces) str = str.replace(/\+/g, " ");
  try {
    return decodeURIComponent(str);
  } catch (e) {
    return str;
  }
};

// ---------------------------------------------------------------------------
// stringify(obj, sep="&", eq="=", munge=true)
//
// Each leaf value becomes "name=value". Nested objects name their members
// "name[key]". Array elements are all named "name[]", or, with munge false,
// simply "name", giving "boo=1&boo=2&boo=3". Booleans are written as 1 and 0;
// null, undefined and functions as an empty value ("name="). Names and values
// are escaped, brackets too. A cycle of objects is an error.

QueryString.stringify = function (obj, sep, eq, munge) {
  if (!obj || typeof obj !== "object") return "";

  var options = {
    eq: eq || "=",
    munge: munge === undefined ? true : !!munge,
    // The objects being written, outermost first, to find cycles.
    open: []
  };
  var pairs = [];
  if (isArray(obj)) {
    // A bare array has no name to give its elements; use their indices.
    for (var i = 0; i < obj.length; i++) addPairs(pairs, String(i), obj[i], options);
  } else {
    addMembers(pairs, "", obj, options);
  }
  return pairs.join(sep || "&");
};

// Append the "name=value" pairs for the members of obj, each named
// prefix[key] (or plain key at the top level).
function addMembers(pairs, prefix, obj, options) {
  for (var i = 0; i < options.open.length; i++) {
    if (options.open[i] === obj) {
      throw new Error("querystring.stringify. Cyclical reference");
    }
  }
  options.open.push(obj);
  for (var key in obj) {
    if (!hasOwn.call(obj, key)) continue;
    addPairs(pairs, prefix ? prefix + "[" + key + "]" : key, obj[key], options);
  }
  options.open.pop();
}

// Append the pairs that the value under name contributes.
function addPairs(pairs, name, value, options) {
  var escapedName = QueryString.escape(name);

  if (value === null || value === undefined || typeof value === "function") {
    pairs.push(escapedName + options.eq);
    return;
  }
  // Boolean, Number and String objects count as the primitives they wrap, and NaN and
  // Infinity as no value: {f: new Boolean(false)} is "f=0", {x: NaN} is "x=" (facts file,
  // "### querystring").
  var kind = toClass.call(value);
  if (typeof value === "object" &&
      (kind === "[object Boolean]" || kind === "[object Number]" || kind === "[object String]")) {
    value = value.valueOf();
  }
  if (typeof value === "boolean") value = value ? 1 : 0;
  if (typeof value === "number" && !isFinite(value)) {
    pairs.push(escapedName + options.eq);
    return;
  }
  if (typeof value !== "object") {
    pairs.push(escapedName + options.eq + QueryString.escape(value));
    return;
  }
  if (isArray(value)) {
    // An empty array contributes nothing: there is no element to name.
    var elementName = options.munge ? name + "[]" : name;
    for (var i = 0; i < value.length; i++) addPairs(pairs, elementName, value[i], options);
    return;
  }

  var before = pairs.length;
  addMembers(pairs, name, value, options);
  // An empty object still shows that the name is there: "name=".
  if (pairs.length === before) pairs.push(escapedName + options.eq);
}

// ---------------------------------------------------------------------------
// parse(str, sep="&", eq="=")
//
// The inverse of stringify: each "key=value" piece is unescaped and turned
// into a small object by its key's brackets, then merged into the result.
//
//   "a[b][]=1"  =>  {a: {b: [1]}}
//
// Values are trimmed of white space, and values that are numbers written the
// way JavaScript writes them ("1", "-2.5", not "01" or "1.0") become numbers:
// "boo[]=1" parses to {boo: [1]}. A key given twice collects its values in
// an array: "a=1&a=2" is {a: [1, 2]}. A piece without an eq is a key with an
// empty value: "flag" is {flag: ""}.

// "outer[inner]": the last bracketed part and what comes before it.
var lastBracket = /^(.*)\[([^\]]*)\]$/;
var outerSpace = /^\s+|\s+$/g;

QueryString.parse = function (str, sep, eq) {
  sep = sep || "&";
  eq = eq || "=";
  var result = {};
  if (!str) return result;

  var pieces = String(str).split(sep);
  for (var i = 0; i < pieces.length; i++) {
    var piece = pieces[i];
    var at = piece.indexOf(eq);
    var key = at === -1 ? piece : piece.slice(0, at);
    var value = at === -1 ? "" : piece.slice(at + eq.length);
    key = QueryString.unescape(key, true).replace(outerSpace, "");
    value = toNumberIfNumeral(QueryString.unescape(value, true).replace(outerSpace, ""));
    merge(result, nest(key, value));
  }
  return result;
};

// parseQuery: the same function under its older name (facts file, "### querystring").
QueryString.parseQuery = QueryString.parse;

// "12" => 12, but "", "012", "1.0", "0x1f", "NaN" and "Infinity" stay text:
// only a numeral that reads back exactly as written is taken for a number.
function toNumberIfNumeral(text) {
  if (text === "") return text;
  var number = Number(text);
  return isFinite(number) && String(number) === text ? number : text;
}

// Unwrap a key's brackets from the inside out, wrapping the value as it goes:
//   nest("a[b][]", 1)  =>  nest("a[b]", [1])  =>  nest("a", {b: [1]})
//                      =>  {a: {b: [1]}}
// A key that ends up empty ("=x", "[]=x") gives an empty object, which the
// merge ignores.
function nest(key, value) {
  var match;
  while ((match = lastBracket.exec(key)) !== null) {
    var inner = match[2];
    if (inner === "") {
      value = [value];
    } else {
      var wrapper = {};
      setOwn(wrapper, inner, value);
      value = wrapper;
    }
    key = match[1];
  }
  var piece = {};
  if (key !== "") setOwn(piece, key, value);
  return piece;
}

// obj[key] = value, except that it always makes a plain data property: a key
// such as "__proto__" from a query string must not reach an object's
// prototype, which assignment would do in engines that support __proto__.
function setOwn(obj, key, value) {
  Object.defineProperty(obj, key, {
    value: value, writable: true, enumerable: true, configurable: true
  });
}

// Merge the members of addition (the result of nest) into target.
function merge(target, addition) {
  for (var key in addition) {
    if (!hasOwn.call(addition, key)) continue;
    setOwn(target, key, hasOwn.call(target, key)
      ? combine(target[key], addition[key])
      : addition[key]);
  }
}

// What a key holds when it is given again: arrays grow, two objects merge,
// and two different values become an array of both.
function combine(existing, addition) {
  if (isArray(existing)) return existing.concat(addition);
  if (isObject(existing) && isObject(addition)) {
    merge(existing, addition);
    return existing;
  }
  return [existing].concat(addition);
}
