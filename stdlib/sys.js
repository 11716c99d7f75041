// The "sys" module: writing to stdout and stderr, inspect() for looking at
// values while debugging, exec() for running a shell command, and inherits()
// for building constructors on top of others (EventEmitter above all).
//
// Output goes through process.stdio: write() is stdout, non-blocking (the
// runtime buffers it and writes when the descriptor is ready), writeError()
// is stderr, synchronous. Each function takes one value, as in 0.1.27, and
// converts it with string concatenation, so puts(undefined) prints
// "undefined".

var events = require("events");

// Writes `string` and a newline to stdout.
exports.puts = function (string) {
  process.stdio.write(string + "\n");
};

// Writes `string` to stdout, without a newline. The value is converted to a
// string here so that what reaches the runtime is always a string.
exports.print = function (string) {
  process.stdio.write("" + string);
};

// Writes "DEBUG: ", `string` and a newline to stderr, synchronously: the
// text is out before debug() returns, even if the process dies right after.
// (The document says stdout; 0.1.27's code wrote to stderr, and so does
// this, so that debugging output never mixes into a program's output.)
exports.debug = function (string) {
  process.stdio.writeError("DEBUG: " + string + "\n");
};

// Writes `string` and a newline to stderr, synchronously.
exports.error = function (string) {
  process.stdio.writeError(string + "\n");
};

// Writes inspect(value) and a newline to stderr: a quick look at a value.
exports.p = function (value) {
  exports.error(exports.inspect(value));
};

// ---------------------------------------------------------------------------
// inspect
//
// The format is 0.1.27's. Primitives print as in JavaScript source: strings
// as JSON ("a\n" becomes "\"a\\n\""), undefined, null, numbers, booleans.
// An object or array without properties is {} or []. Otherwise each
// enumerable property (inherited ones too: every for-in key) goes on a line of its own, indented one space per level and
// separated by commas, with names always JSON-quoted, and array elements
// by value alone:
//
//   {                     [
//    "a": 1,               1,
//    "b": [                "x",
//     2                    "extra": true
//    ]                    ]
//   }
//
// The values-only [ ... ] form is used only when `value instanceof Array` and
// Object.keys(value).length === value.length; any other array-like (holes, extra
// properties, an object made from an array after push()) prints in the { ... } form with
// its indices quoted like any other name (facts file, "### sys").
//
// A function prints as [Function], an Error as [Error: message]; when such an
// object also has properties, that text follows the opening brace:
// "{ [Function]\n \"aprop\": 42\n}". Dates and regular expressions have no enumerable
// properties and print as {} (facts file, "### sys").
// Accessor properties print as [Getter], [Setter] or [Getter/Setter] (their
// functions are not called), and a reference back to an object that is
// being printed, further up, prints as [Circular].
//
// With `showHidden` true, non-enumerable properties are listed too, their
// names in brackets instead of quotes: inspect([1], true) has "[length]: 1".
//
// Where this differs from 0.1.27, on purpose:
// - Errors: {} in 0.1.27; [Error: message] is what later nodes
//   print, and says what the error is.
// - [Circular] marks only real cycles. 0.1.27 never forgot an object it had
//   printed, so the same object reached twice by different paths
//   ({a: x, b: x}) printed as [Circular] the second time though nothing
//   was circular.
exports.inspect = function (value, showHidden) {
  return formatValue(value, !!showHidden, []);
};

var toClass = Object.prototype.toString;

// The text of an object that stands for it on its own: the whole output
// when the object has no properties to list, or the start of the first line
// when it has. Plain objects and arrays have none.
function objectLabel(value) {
  if (typeof value === "function") return "[Function]";
  if (toClass.call(value) === "[object Error]") {
    return "[" + Error.prototype.toString.call(value) + "]";
  }
  return "";
}

// Every enumerable key, own or inherited, in for-in order.
function enumerableKeys(value) {
  var keys = [];
  for (var key in value) keys.push(key);
  return keys;
}

// The descriptor of `key` on `value` or on the first of its prototypes that has it.
function findDescriptor(value, key) {
  for (var object = value; object !== null && object !== undefined;
       object = Object.getPrototypeOf(object)) {
    var descriptor = Object.getOwnPropertyDescriptor(object, key);
    if (descriptor) return descriptor;
  }
  return undefined;
}

// `ancestors` holds the objects being printed around this one, outermost
// first: meeting one of them again is a cycle.
function formatValue(value, showHidden, ancestors) {
  switch (typeof value) {
    case "undefined": return "undefined";
    case "string": return JSON.stringify(value);
    case "number": return "" + value;
    case "boolean": return "" + value;
  }
  if (value === null) return "null";

  var visibleKeys = enumerableKeys(value);
  var keys = visibleKeys;
  if (showHidden) {
    keys = visibleKeys.concat(Object.getOwnPropertyNames(value).filter(function (key) {
      return visibleKeys.indexOf(key) < 0;
    }));
  }
  var label = objectLabel(value);

  // Functions and errors without properties print as their label alone.
  if (label !== "" && keys.length === 0) return label;

  // The [ ... ] form, by 0.1.27's test (facts file, "### sys"): Object.create([]) is "[]".
  var isArray = value instanceof Array && Object.keys(value).length === value.length;
  var open = isArray ? "[" : "{";
  var close = isArray ? "]" : "}";
  var base = label === "" ? "" : " " + label;

  if (keys.length === 0) return open + base + close;

  ancestors.push(value);
  var lines = [];
  for (var i = 0; i < keys.length; i++) {
    lines.push(formatProperty(value, keys[i], visibleKeys, isArray, showHidden, ancestors));
  }
  ancestors.pop();

  // Join the properties, one per line, then indent every line by one space:
  // a nested object's lines, already indented for its own level, move one
  // level deeper with the rest.
  var body = lines.join(",\n").split("\n");
  for (var j = 0; j < body.length; j++) body[j] = " " + body[j];
  return open + base + "\n" + body.join("\n") + "\n" + close;
}

function formatProperty(value, key, visibleKeys, isArray, showHidden, ancestors) {
  var text;
  var descriptor = findDescriptor(value, key);
  if (descriptor && (descriptor.get || descriptor.set)) {
    // An accessor is named, never called: a getter may have side effects
    // (or be the very thing being debugged).
    text = descriptor.get
      ? (descriptor.set ? "[Getter/Setter]" : "[Getter]")
      : "[Setter]";
  } else if (ancestors.indexOf(value[key]) >= 0) {
    text = "[Circular]";
  } else {
    text = formatValue(value[key], showHidden, ancestors);
  }

  // A hidden property's name is in brackets.
  if (visibleKeys.indexOf(key) < 0) return "[" + key + "]: " + text;
  // An array's elements go by position, so their index is left out.
  if (isArray && /^\d+$/.test(key)) return text;
  return JSON.stringify(key) + ": " + text;
}

// ---------------------------------------------------------------------------
// exec

// Runs `command` with /bin/sh -c and returns a promise. When the command
// exits with status 0 the promise succeeds with (stdout, stderr), the whole
// of each as a string; otherwise it fails with (code, stdout, stderr).
//
// The child's "output" and "error" events bring stdout and stderr in chunks,
// and null when the stream closes (hence the test). "exit" comes after the
// last of them.
exports.exec = function (command) {
  var child = process.createChildProcess("/bin/sh", ["-c", command]);
  var stdout = "";
  var stderr = "";
  var promise = new events.Promise();

  child.addListener("output", function (chunk) {
    if (chunk) stdout += chunk;
  });
  child.addListener("error", function (chunk) {
    if (chunk) stderr += chunk;
  });
  child.addListener("exit", function (code) {
    if (code === 0) {
      promise.emitSuccess(stdout, stderr);
    } else {
      promise.emitError(code, stdout, stderr);
    }
  });

  return promise;
};

// ---------------------------------------------------------------------------
// inherits

// Makes instances of `ctor` inherit the prototype methods of `superCtor`:
// ctor.prototype becomes a new object whose prototype is
// superCtor.prototype, with `constructor` set back to ctor, and
// ctor.super_ is superCtor, so a constructor can call its parent:
//
//   function Stream() { events.EventEmitter.call(this); }
//   sys.inherits(Stream, events.EventEmitter);
//
// Methods must be added to ctor.prototype after this call, which replaces
// it. `constructor` is an ordinary (enumerable) property, as the assignment
// 0.1.27 used made it.
exports.inherits = function (ctor, superCtor) {
  ctor.super_ = superCtor;
  ctor.prototype = Object.create(superCtor.prototype);
  ctor.prototype.constructor = ctor;
};
