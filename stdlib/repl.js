// The "repl" module: a read-eval-print loop that any program can start, as node v0.1.27's
// lib/repl.js was, and what `node-repl` runs (stdlib/internal/node_repl.js).
//
//   var repl = require("repl");
//   repl.start("simple tcp server> ");
//   repl.scope.count = count;
//
// It reads lines from stdin and evaluates each in `repl.scope`, inside `with (repl.scope)`,
// so that the program's globals are visible and `var x = 1` and `function f() {}` typed at
// the prompt land in the scope. The value of each input is printed with `repl.writer`
// (sys.inspect by default: the text it returns is printed; a writer that prints by itself,
// such as sys.p, returns nothing) and kept in `_` unless it is undefined. Input that is not
// a whole program yet (an open brace, a string continued with a backslash) is buffered with
// the prompt "...   " until it is; a real syntax error is reported with its position. The
// keywords .break, .clear, .exit and .help are v0.1.27's.
//
// Beyond v0.1.27 (which recommended rlwrap): when stdin and stdout are terminals, a line
// editor reads the lines (the native half, runtime/src/bindings/repl.rs: rustyline on a
// thread of its own, so timers and servers go on while the user types), with a history in
// ~/.node_repl_history, Ctrl-R, and Tab completion of names, of properties after "obj."
// (from the live object, without running getters) and of the keywords; printed values are
// coloured. Ctrl-C clears the line (twice on an empty line exits), Ctrl-D exits. An exception
// thrown by a timer or a listener set up at the prompt is printed and the REPL goes on.
//
// When stdin is not a terminal (a pipe, a file), the lines are evaluated in order and the
// REPL stops reading at the end of the input; the program then ends as any other does, when
// nothing is left to wait for.

var sys = require("sys");
var native = process._binding("repl");

exports.scope = {};
exports.prompt = "node> ";
exports.writer = sys.inspect;

var CONTINUATION = "...   ";
var KEYWORDS = [".break", ".clear", ".exit", ".help"];

var started = false;
var buffered = "";        // the lines of an input that is not complete yet
var terminal = false;     // the line editor reads the lines
var colours = false;      // stdout is a terminal
var closed = false;       // no more input will be read
var interrupted = false;  // the last thing typed was Ctrl-C on an empty line

exports.start = function (prompt) {
  if (prompt !== undefined) exports.prompt = prompt;
  if (started) return;
  started = true;
  colours = native.isTerminal(1);
  terminal = native.isTerminal(0) && colours;
  process.addListener("uncaughtException", onUncaught);
  if (terminal) {
    native.editorStart(historyFile(), onEditorEvent);
  } else {
    process.stdio.open();
    process.stdio.addListener("data", onData);
    process.stdio.addListener("close", onClose);
  }
  displayPrompt();
};

function historyFile() {
  var home = process.env.HOME;
  return home ? home.replace(/\/+$/, "") + "/.node_repl_history" : null;
}

function displayPrompt() {
  if (closed) return;
  var prompt = buffered ? CONTINUATION : exports.prompt;
  if (terminal) {
    native.editorRead(prompt);
  } else {
    sys.print(prompt);
  }
}

// Stops reading: at the end of the input, .exit, Ctrl-D. On a terminal that is the end of
// the program, as the document says of Control-D; otherwise the program goes on until
// nothing is left to wait for, as v0.1.27's did.
function close() {
  if (closed) return;
  closed = true;
  // The last prompt gets its line ended.
  sys.print("\n");
  if (terminal) {
    native.editorStop();
    process.exit();
  } else {
    process.stdio.close();
  }
}

// ---- Reading ------------------------------------------------------------------------------

// Lines from a pipe or a file. Each is evaluated in order; one whose evaluation is
// suspended (promise.wait() at the prompt) holds up those after it, which wait in `queue`.
var partial = "";
var queue = [];
var draining = false;
var inputEnded = false;

function onData(chunk) {
  var lines = (partial + chunk).split("\n");
  partial = lines.pop();
  for (var i = 0; i < lines.length; i++) queue.push(lines[i].replace(/\r$/, ""));
  drain();
}

function onClose() {
  if (partial !== "") queue.push(partial);
  partial = "";
  inputEnded = true;
  drain();
}

function drain() {
  if (draining) return;
  draining = true;
  try {
    while (queue.length && !closed) readLineSafely(queue.shift());
  } finally {
    draining = false;
  }
  if (inputEnded) close();
}

function onEditorEvent(kind, text, empty) {
  switch (kind) {
    case "line":
      interrupted = false;
      readLineSafely(text);
      break;
    case "interrupt":
      // Ctrl-C: the line is gone, and so is a continued input; twice on an empty line
      // exits.
      if (buffered) {
        buffered = "";
      } else if (empty && interrupted) {
        close();
        return;
      } else if (empty) {
        sys.puts("(To exit, press Ctrl+C again or Ctrl+D or type .exit)");
      }
      interrupted = empty;
      displayPrompt();
      break;
    case "eof":
      close();
      break;
    case "complete":
      var completion = complete(text);
      native.editorAnswer(completion[0], completion[1]);
      break;
  }
}

// ---- Evaluating ---------------------------------------------------------------------------

// Evaluates `__code` inside `with (__scope)`, compiled here in the global scope so that only
// the program's globals are around it (not this module's variables), and `require` (this
// module's: v0.1.27's REPL evaluated inside its module, and had it). The functions the code
// declares are created in this function's own scope (eval puts them there), and copied into
// the scope afterwards; the `var`s are made in the scope before it runs (see `evaluate`).
var evaluateIn = process.compile(
  "(function __replEvaluate(__scope, __code, __functions, require) {\n" +
  "  try {\n" +
  "    with (__scope) return eval(__code);\n" +
  "  } finally {\n" +
  "    for (var __i = 0; __i < __functions.length; __i++) {\n" +
  "      __scope[__functions[__i]] = eval(__functions[__i]);\n" +
  "    }\n" +
  "  }\n" +
  "})", "repl");

// readLine, which always ends by asking for the next line, even when something it calls
// throws (a writer replaced by one that throws): on a terminal, no prompt means no more input.
function readLineSafely(line) {
  try {
    readLine(line);
  } catch (error) {
    buffered = "";
    printError(error);
    displayPrompt();
  }
}

function readLine(line) {
  if (keyword(line.trim())) return;
  buffered = buffered ? buffered + "\n" + line : line;
  if (buffered.trim() === "") {
    buffered = "";
    displayPrompt();
    return;
  }
  var declared;
  try {
    declared = native.parse(buffered + "\n");
  } catch (error) {
    // A real syntax error: said, with where it is, and the input is dropped.
    buffered = "";
    printError(error);
    displayPrompt();
    return;
  }
  if (declared === null) {
    // Not complete yet: more lines follow with the continuation prompt.
    displayPrompt();
    return;
  }
  var code = buffered;
  buffered = "";
  evaluate(code, declared);
  displayPrompt();
}

function evaluate(code, declared) {
  var scope = exports.scope;
  var i, name;
  // A `var` typed at the prompt is the scope's; one the scope has not had yet starts as the
  // global of that name, as a redeclared global variable would (a getter is not run).
  for (i = 0; i < declared.vars.length; i++) {
    name = declared.vars[i];
    if (!(name in scope)) {
      var found = lookup(global, name);
      scope[name] = found ? found.value : undefined;
    }
  }
  // A function declared again replaces the old one from the start of the input (functions
  // are hoisted): the old one must not be seen in the meantime.
  for (i = 0; i < declared.functions.length; i++) {
    delete scope[declared.functions[i]];
  }
  var value;
  try {
    value = evaluateIn(scope, code, declared.functions, require);
  } catch (error) {
    printError(error);
    return;
  }
  if (value !== undefined) {
    scope._ = value;
    print(value);
  }
}

function print(value) {
  var text = exports.writer(value);
  if (typeof text !== "string") return;
  if (colours && exports.writer === sys.inspect) text = colourise(value, text);
  sys.puts(text);
}

// An exception at the prompt, or from a timer or listener set up there: its stack, without
// the frames of the REPL itself.
function printError(error) {
  var text;
  if (error && typeof error.stack === "string") {
    text = trimStack(error.stack);
  } else {
    text = "Thrown: " + sys.inspect(error);
  }
  sys.puts(colours ? paint(31, text) : text);
}

function trimStack(stack) {
  var lines = stack.split("\n");
  for (var i = 0; i < lines.length; i++) {
    if (/__replEvaluate|\(repl\.js:/.test(lines[i])) return lines.slice(0, i).join("\n");
  }
  return stack;
}

function onUncaught(error) {
  printError(error);
  // On a terminal the line being edited stays where it is, under the text.
  if (!terminal && !closed && !draining) displayPrompt();
}

// ---- Keywords -----------------------------------------------------------------------------

function keyword(command) {
  switch (command) {
    case ".break":
      buffered = "";
      displayPrompt();
      return true;
    case ".clear":
      sys.puts("Clearing Scope...");
      buffered = "";
      exports.scope = {};
      displayPrompt();
      return true;
    case ".exit":
      close();
      return true;
    case ".help":
      sys.puts(".break\tSometimes you get stuck in a place you can't get out... " +
               "This will get you out.");
      sys.puts(".clear\tBreak, and also clear the local scope.");
      sys.puts(".exit\tExit the prompt");
      sys.puts(".help\tShow repl options");
      displayPrompt();
      return true;
  }
  return false;
}

// ---- Completion ---------------------------------------------------------------------------

var JS_KEYWORDS = ["break", "case", "catch", "continue", "debugger", "default", "delete",
  "do", "else", "false", "finally", "for", "function", "if", "in", "instanceof", "new",
  "null", "return", "switch", "this", "throw", "true", "try", "typeof", "undefined", "var",
  "void", "while", "with"];

var IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

// The completions of the line up to the cursor: [the text they replace, the candidates].
function complete(before) {
  var match = /^\s*(\.\w*)$/.exec(before);
  if (match) return [match[1], startingWith(KEYWORDS, match[1])];
  match = /(^|[^\w$.])([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\.([\w$]*)$/.exec(before);
  if (match) {
    var object = resolve(match[2].split("."));
    if (object === undefined) return [match[3], []];
    return [match[3], startingWith(propertyNames(object), match[3])];
  }
  match = /(^|[^\w$.])([A-Za-z_$][\w$]*)?$/.exec(before);
  if (!match) return ["", []];
  var word = match[2] || "";
  var names = propertyNames(exports.scope).concat(propertyNames(global), JS_KEYWORDS);
  return [word, startingWith(unique(names), word)];
}

function startingWith(names, prefix) {
  return names.filter(function (name) {
    return name.slice(0, prefix.length) === prefix;
  }).sort();
}

function unique(names) {
  var seen = {};
  return names.filter(function (name) {
    if (Object.prototype.hasOwnProperty.call(seen, name)) return false;
    seen[name] = true;
    return true;
  });
}

// The value a dotted name has at the prompt (a name of the scope, else a global), read from
// data properties only: a getter is never run, and a path through one has no value here.
function resolve(path) {
  var found = lookup(exports.scope, path[0]) || lookup(global, path[0]);
  for (var i = 1; found && i < path.length; i++) {
    found = found.value === null || found.value === undefined
      ? undefined : lookup(Object(found.value), path[i]);
  }
  if (!found || found.value === null || found.value === undefined) return undefined;
  return Object(found.value);
}

// {value} of the data property `name` of `object` or of its prototypes; undefined when there
// is none, or it is an accessor.
function lookup(object, name) {
  for (var o = object; o !== null; o = Object.getPrototypeOf(o)) {
    var descriptor = Object.getOwnPropertyDescriptor(o, name);
    if (descriptor) return "value" in descriptor ? { value: descriptor.value } : undefined;
  }
  return undefined;
}

// Every property name of `object` and its prototypes that can follow a dot, each once.
function propertyNames(object) {
  var names = [];
  for (var o = object; o !== null; o = Object.getPrototypeOf(o)) {
    names = names.concat(Object.getOwnPropertyNames(o));
  }
  return unique(names.filter(function (name) {
    return IDENTIFIER.test(name);
  }));
}

// ---- Colours ------------------------------------------------------------------------------

function paint(code, text) {
  return "\u001b[" + code + "m" + text + "\u001b[39m";
}

// The text sys.inspect gave for `value`, with colours: numbers and booleans yellow, strings
// green, undefined grey, null bold, functions cyan, errors red; in an object's text, each of
// its values (the names stay plain).
function colourise(value, text) {
  if (toClass(value) === "[object Error]" && typeof value !== "function") {
    return paint(31, text);
  }
  return text.replace(TOKENS, function (all, string, colon, word, number, fn, error) {
    if (string !== undefined) return colon ? all : paint(32, string);
    if (word === "undefined") return "\u001b[90m" + word + "\u001b[39m";
    if (word === "null") return "\u001b[1m" + word + "\u001b[22m";
    if (word !== undefined) return paint(33, word);
    if (number !== undefined) return paint(33, number);
    if (fn !== undefined) return paint(36, fn);
    return paint(31, error);
  });
}

// What colourise() looks for in sys.inspect's text, one group each: a string (and the colon
// after it when it is a property name), a word, a number, [Function], [SomeError: ...].
var TOKENS = new RegExp([
  '("(?:[^"\\\\]|\\\\.)*")(:?)',
  "\\b(undefined|null|true|false)\\b",
  "(-?\\b\\d[\\w.+-]*\\b|NaN|-?Infinity)",
  "(\\[Function\\])",
  "(\\[(?:Range|Reference|Syntax|Type|Eval|URI)?Error[^\\]]*\\])"
].join("|"), "g");

function toClass(value) {
  return Object.prototype.toString.call(value);
}
