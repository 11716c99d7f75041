//! The globals and the `process` object (the API document's "Global Objects" and "The process
//! Object", and what v0.1.27 shipped beyond it), driven through the built binary.

use integration::{assert_prints, node, node_with, run_js, run_js_with, Options, TempDir};

#[test]
fn globals_are_there() {
    let dir = TempDir::new("globals");
    let script = dir.write(
        "main.js",
        r#"var sys = require("sys");
sys.puts(typeof global + " " + (global === GLOBAL) + " " + (global.process === process));
sys.puts(typeof require + " " + Array.isArray(require.paths));
sys.puts(__filename);
sys.puts(__dirname);
sys.puts((module.exports === exports) + " " + (module instanceof process.Module));
sys.puts((this === exports) + " " + (process.mainModule === module));
var topLevel = 1;
sys.puts(typeof global.topLevel);
"#,
    );
    let run = node(&[&script]);
    let dir = dir.path().display();
    assert_eq!(
        run.stdout,
        format!(
            "object true true\nfunction true\n{dir}/main.js\n{dir}\ntrue true\ntrue true\nundefined\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0);
}

#[test]
fn argv_env_pid_platform_and_version() {
    let source = r#"var sys = require("sys");
sys.puts(JSON.stringify(process.argv.slice(2)));
sys.puts(process.argv[0] + " " + /argv\.js$/.test(process.argv[1]) + " " + process.argv[1].charAt(0));
sys.puts(process.env.RUNTIME_TEST_VAR + " " + typeof process.env.RUNTIME_TEST_GONE);
sys.puts(process.pid);
sys.puts(process.platform);
sys.puts(process.version);
"#;
    let options = Options {
        env: vec![
            (
                "RUNTIME_TEST_VAR".into(),
                Some("a value=with:colons".into()),
            ),
            ("RUNTIME_TEST_GONE".into(), None),
        ],
        ..Options::default()
    };
    let (run, _dir) = run_js_with("argv", source, &["one", "two words", "--three"], &options);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(lines[0], r#"["one","two words","--three"]"#);
    // argv[0] is the program as invoked, made absolute when it is a relative path with a "/"
    // (facts file, "### process").
    let bin = integration::node_bin();
    let argv0 = if bin.is_absolute() || !bin.to_string_lossy().contains('/') {
        bin.display().to_string()
    } else {
        let cwd = std::env::current_dir().expect("the test's working directory");
        format!("{}/{}", cwd.display(), bin.display())
    };
    assert_eq!(lines[1], format!("{argv0} true /"));
    assert_eq!(lines[2], "a value=with:colons undefined");
    // The pid is the child's own: a positive integer, not ours.
    let pid: u32 = lines[3].parse().expect("pid is a number");
    assert!(pid > 0 && pid != std::process::id());
    assert_eq!(lines[4], "linux2");
    assert_eq!(lines[5], "v0.1.27");
}

#[test]
fn memory_usage_has_plausible_numbers() {
    assert_prints(
        "memory",
        r#"var sys = require("sys");
var before = process.memoryUsage();
sys.puts(Object.keys(before).sort().join(","));
var keep = [];
for (var i = 0; i < 20000; i++) keep.push({ i: i, s: "x" + i });
var after = process.memoryUsage();
function ok(m) {
  return m.rss > 1000000 && m.vsize >= m.rss && m.heapTotal >= m.heapUsed && m.heapUsed > 0 &&
         m.rss < 4e9 && Math.floor(m.rss) === m.rss;
}
sys.puts(ok(before) + " " + ok(after));
sys.puts(after.heapUsed > before.heapUsed);
"#,
        "heapTotal,heapUsed,rss,vsize\ntrue true\ntrue\n",
    );
}

#[test]
fn next_tick_runs_in_order_after_the_script_and_before_timers() {
    assert_prints(
        "nexttick",
        r#"var sys = require("sys");
setTimeout(function () { sys.puts("timer"); }, 0);
process.nextTick(function () {
  sys.puts("tick 1");
  process.nextTick(function () { sys.puts("tick 3 (queued by tick 1)"); });
});
process.nextTick(function () { sys.puts("tick 2"); });
sys.puts("script");
"#,
        "script\ntick 1\ntick 2\ntick 3 (queued by tick 1)\ntimer\n",
    );
}

#[test]
fn exit_event_gets_the_code_and_runs_once() {
    let (run, _dir) = run_js(
        "exitonce",
        r#"var sys = require("sys");
process.addListener("exit", function (code) {
  sys.puts("exit " + code);
  process.exit(3);
});
setTimeout(function () { sys.puts("timer"); process.exit(5); }, 1);
"#,
        &[],
    );
    // Calling exit from an "exit" listener does not emit "exit" again; its code wins.
    assert_eq!(run.stdout, "timer\nexit 5\n", "{}", run.stderr);
    assert_eq!(run.code(), 3);

    let (run, _dir) = run_js(
        "exitdry",
        r#"var sys = require("sys");
process.addListener("exit", function (code) { sys.puts("exit " + code); });
process.addListener("exit", function (code) { sys.puts("second listener " + code); });
sys.puts("main");
"#,
        &[],
    );
    assert_eq!(run.stdout, "main\nexit 0\nsecond listener 0\n");
    assert_eq!(run.code(), 0);
}

#[test]
fn exit_codes() {
    for (source, code) in [
        ("process.exit();", 0),
        ("process.exit(0);", 0),
        ("process.exit(42);", 42),
        ("setTimeout(function () { process.exit(7); }, 1);", 7),
        ("throw new Error('x');", 1),
        ("", 0),
    ] {
        let (run, _dir) = run_js("codes", source, &[]);
        assert_eq!(run.code(), code, "{source}: {}", run.stderr);
    }
}

#[test]
fn exit_stops_at_once_and_stdout_is_complete() {
    let (run, _dir) = run_js(
        "exitnow",
        r#"var sys = require("sys");
for (var i = 0; i < 1000; i++) sys.puts("line " + i);
setTimeout(function () { sys.puts("never"); }, 0);
process.nextTick(function () { sys.puts("never either"); });
process.exit(9);
sys.puts("not after exit");
"#,
        &[],
    );
    assert_eq!(run.code(), 9);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1000, "{}", run.stderr);
    assert_eq!(lines[999], "line 999");
}

#[test]
fn uncaught_exception_prints_the_stack_and_exits_1() {
    let (run, dir) = run_js(
        "uncaught",
        r#"var sys = require("sys");
process.addListener("exit", function () { sys.puts("exit listener must not run"); });
sys.puts("before");
setTimeout(function () { sys.puts("timer must not run"); }, 0);
function thrower() { throw new Error("kaboom"); }
thrower();
"#,
        &[],
    );
    assert_eq!(run.code(), 1);
    assert_eq!(run.stdout, "before\n");
    let file = dir.path().join("uncaught.js");
    assert!(run.stderr.starts_with("Error: kaboom\n"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("at thrower ({}:5:", file.display())),
        "{}",
        run.stderr
    );
}

#[test]
fn uncaught_exception_in_a_timer_or_a_tick_is_fatal_too() {
    for (source, message) in [
        (
            "setTimeout(function () { throw new TypeError('late'); }, 1);",
            "TypeError: late",
        ),
        (
            "process.nextTick(function () { throw new RangeError('tick'); });",
            "RangeError: tick",
        ),
        (
            "process.nextTick(function () { throw 'a string'; });",
            "a string",
        ),
    ] {
        let (run, _dir) = run_js("fataltimer", source, &[]);
        assert_eq!(run.code(), 1, "{source}");
        assert!(run.stderr.starts_with(message), "{source}: {}", run.stderr);
    }
}

#[test]
fn uncaught_exception_listener_takes_over() {
    assert_prints(
        "uncaughtlistener",
        r#"var sys = require("sys");
process.addListener("uncaughtException", function (e) { sys.puts("caught " + e.message); });
process.addListener("exit", function (code) { sys.puts("exit " + code); });
setTimeout(function () { throw new Error("in timer"); }, 1);
setTimeout(function () { sys.puts("a later timer still runs"); }, 5);
process.nextTick(function () { throw new Error("in tick"); });
process.nextTick(function () { sys.puts("the next tick still runs"); });
throw new Error("in the main script");
"#,
        "caught in the main script\ncaught in tick\nthe next tick still runs\n\
         caught in timer\na later timer still runs\nexit 0\n",
    );
}

#[test]
fn an_uncaught_exception_listener_that_throws_is_fatal() {
    let (run, _dir) = run_js(
        "listenerthrows",
        r#"var sys = require("sys");
process.addListener("uncaughtException", function (e) {
  sys.puts("listener got " + e.message);
  throw new Error("the listener failed");
});
setTimeout(function () { sys.puts("timer must not run"); }, 5);
throw new Error("first");
"#,
        &[],
    );
    assert_eq!(run.code(), 1);
    assert_eq!(run.stdout, "listener got first\n");
    // What is reported is what escaped last: the listener's own exception.
    assert!(
        run.stderr.starts_with("Error: the listener failed\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn cwd_and_chdir() {
    let dir = TempDir::new("chdir");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let script = dir.write(
        "chdir.js",
        r#"var sys = require("sys");
sys.puts(process.cwd());
process.chdir("sub");
sys.puts(process.cwd());
process.chdir("..");
try {
  process.chdir("no-such-dir");
  sys.puts("no error");
} catch (e) {
  sys.puts((e instanceof Error) + " " + e.message);
}
sys.puts(process.cwd());
"#,
    );
    let options = Options {
        cwd: Some(dir.path().to_path_buf()),
        ..Options::default()
    };
    let run = node_with(&[&script], &options);
    let here = std::fs::canonicalize(dir.path()).expect("canonical");
    let here = here.display();
    assert_eq!(
        run.stdout,
        format!(
            "{here}\n{here}/sub\ntrue ENOENT, No such file or directory 'no-such-dir'\n{here}\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn umask_returns_the_old_mask() {
    let (run, _dir) = run_js(
        "umask",
        r#"var sys = require("sys");
var first = process.umask(parseInt("027", 8));
sys.puts(process.umask(parseInt("077", 8)).toString(8));
sys.puts(process.umask().toString(8));
sys.puts(process.umask().toString(8));
sys.puts(process.umask("022").toString(8));
sys.puts(process.umask(first).toString(8));
"#,
        &[],
    );
    assert_eq!(run.stdout, "27\n77\n77\n77\n22\n", "{}", run.stderr);
}

#[test]
fn compile_is_eval_with_an_origin() {
    let (run, _dir) = run_js(
        "compile",
        r#"var sys = require("sys");
sys.puts(process.compile("var compiledGlobal = 6; compiledGlobal * 7", "answer.js"));
sys.puts(typeof compiledGlobal);
try {
  process.compile("var x = ;", "broken-origin.js");
} catch (e) {
  sys.puts((e instanceof SyntaxError) + " " + /broken-origin\.js/.test(e.stack));
}
try {
  process.compile("\n\nthrow new Error('at line 3');", "thrower-origin.js");
} catch (e) {
  sys.puts(e.message + " " + /thrower-origin\.js:3:/.test(e.stack));
}
"#,
        &[],
    );
    assert_eq!(
        run.stdout, "42\nnumber\ntrue true\nat line 3 true\n",
        "{}",
        run.stderr
    );
}

#[test]
fn compile_keeps_lone_surrogates() {
    // Source text is UTF-16 code units: a lone surrogate in a literal or comment is kept, and
    // anywhere else is a syntax error, as with `eval`.
    assert_prints(
        "compile-surrogates",
        r#"var sys = require("sys");
var hi = String.fromCharCode(0xD800);
sys.puts(process.compile("'" + hi + "'", "a.js").charCodeAt(0).toString(16));
sys.puts(process.compile("/" + hi + "/", "b.js").source === hi);
var f = process.compile("(function () { /*" + hi + "*/ })", "c.js");
sys.puts(f.toString() === "function () { /*" + hi + "*/ }");
try { process.compile("var a" + hi, "d.js"); } catch (e) { sys.puts(e.name); }
"#,
        "d800\ntrue\ntrue\nSyntaxError\n",
    );
}

#[test]
fn mixin_shallow_deep_global_and_inherited() {
    assert_prints(
        "mixin",
        r#"var sys = require("sys");
function Proto() {}
Proto.prototype.inherited = "from the prototype";
var source = new Proto();
source.nested = { inner: { value: 1 } };
source.skipped = undefined;
source.nothing = null;

var target = { skipped: "kept" };
var result = process.mixin(target, source);
sys.puts(result === target);
sys.puts(target.inherited + "|" + target.skipped + "|" + target.nothing);
sys.puts(target.nested === source.nested);

var deep = process.mixin(true, {}, source);
sys.puts((deep.nested !== source.nested) + " " + (deep.nested.inner !== source.nested.inner) +
         " " + deep.nested.inner.value);
var merged = process.mixin(true, { a: { keep: 1 } }, { a: { add: 2 } }, { b: [1, [2]] });
sys.puts(JSON.stringify(merged) + " " + Array.isArray(merged.b));

var several = process.mixin({}, { a: 1 }, undefined, { b: 2 }, null, { a: 3 });
sys.puts(JSON.stringify(several));

var g = process.mixin({ mixedIntoGlobal: "yes" });
sys.puts((g === GLOBAL) + " " + mixedIntoGlobal);
"#,
        // "undefined" in the second line: mixin copies undefined values (facts file,
        // "### process").
        "true\nfrom the prototype|undefined|null\ntrue\ntrue true 1\n\
         {\"a\":{\"keep\":1,\"add\":2},\"b\":[1,[2]]} true\n{\"a\":3,\"b\":2}\ntrue yes\n",
    );
}

#[test]
fn inherits_event_emitter_and_assert() {
    assert_prints(
        "inherits",
        r#"var sys = require("sys");
function Base() { this.made = true; }
Base.prototype.hello = function () { return "hello from " + this.name; };
function Derived(name) { Base.call(this); this.name = name; }
process.inherits(Derived, Base);
var d = new Derived("d");
sys.puts(d.hello() + " " + (d instanceof Base) + " " + (Derived.super_ === Base) + " " +
         (d.constructor === Derived) + " " + d.made);

function Emitter() { process.EventEmitter.call(this); }
process.inherits(Emitter, process.EventEmitter);
var e = new Emitter();
e.addListener("ping", function (x) { sys.puts("ping " + x); });
e.emit("ping", 1);
sys.puts(process.EventEmitter === require("events").EventEmitter);
process.addListener("custom", function (a, b) { sys.puts("process emits " + a + b); });
process.emit("custom", "x", "y");

process.assert(true);
process.assert(1, "not thrown");
try { process.assert(false); } catch (e) { sys.puts(e.message); }
try { process.assert(0, "my message"); } catch (e) { sys.puts(e.message + " " + (e instanceof Error)); }
"#,
        "hello from d true true true true\nping 1\ntrue\nprocess emits xy\n\
         assertion error\nmy message true\n",
    );
}

#[test]
fn byte_length_per_encoding() {
    assert_prints(
        "bytelength",
        r#"var sys = require("sys");
sys.puts([
  process._byteLength("abc"),
  process._byteLength("h\u00e9llo"),
  process._byteLength("\u20ac", "utf8"),
  process._byteLength("\u20ac", "UTF-8"),
  process._byteLength("h\u00e9llo", "binary"),
  process._byteLength("h\u00e9llo", "ascii"),
  process._byteLength("\ud83d\ude00"),
  process._byteLength("")
].join(","));
try { process._byteLength(5); } catch (e) { sys.puts(e instanceof TypeError); }
"#,
        "3,6,3,3,5,5,4,0\ntrue\n",
    );
}

#[test]
fn idle_watcher_runs_while_started() {
    assert_prints(
        "idle",
        r#"var sys = require("sys");
var watcher = new process.IdleWatcher();
var calls = 0;
watcher.setPriority(process.EVMAXPRI);
watcher.callback = function () {
  calls++;
  if (calls === 3) {
    watcher.stop();
    sys.puts("stopped after 3");
  }
};
watcher.start();
watcher.start();
process.nextTick(function () { sys.puts("tick"); });
process.addListener("exit", function () { sys.puts("exit with " + calls + " calls"); });
sys.puts(process.EVMAXPRI > process.EVMINPRI);
"#,
        "true\ntick\nstopped after 3\nexit with 3 calls\n",
    );
}

#[test]
fn constants_have_the_platforms_values() {
    assert_prints(
        "constants",
        r#"var sys = require("sys");
sys.puts([process.O_RDONLY, process.O_WRONLY, process.O_RDWR, process.O_CREAT, process.O_TRUNC,
          process.O_APPEND].join(","));
sys.puts([process.S_IFMT, process.S_IFREG, process.S_IFDIR, process.S_IRUSR, process.S_IRWXU].join(","));
sys.puts([process.EACCES, process.ENOENT, process.EEXIST, process.EPIPE, process.ECONNREFUSED,
          process.EADDRINUSE, process.ENOTDIR, process.ENOTEMPTY].join(","));
sys.puts([process.SIGHUP, process.SIGINT, process.SIGKILL, process.SIGUSR1, process.SIGPIPE,
          process.SIGTERM, process.SIGCHLD].join(","));
"#,
        "0,1,2,64,512,1024\n61440,32768,16384,256,448\n13,2,17,32,111,98,20,39\n1,2,9,10,13,15,17\n",
    );
}

#[test]
fn removed_globals_say_where_they_went() {
    assert_prints(
        "removed",
        r#"var sys = require("sys");
var calls = [
  function () { puts("x"); },
  function () { print("x"); },
  function () { p("x"); },
  function () { include("sys"); },
  function () { return __module; },
  function () { process.debug("x"); },
  function () { process.error("x"); },
  function () { node.exec("ls"); },
  function () { node.http.createServer(); },
  function () { node.tcp.createConnection(); }
];
calls.forEach(function (call) {
  try { call(); sys.puts("no error"); } catch (e) { sys.puts(e.message); }
});
"#,
        "puts() has moved. Use require('sys') to bring it back.\n\
         print() has moved. Use require('sys') to bring it back.\n\
         p() has moved. Use require('sys') to bring it back.\n\
         include(module) has been removed. Use process.mixin(GLOBAL, require(module)) to get the same effect.\n\
         __module has been renamed to module\n\
         process.debug() has moved. Use require('sys') to bring it back.\n\
         process.error() has moved. Use require('sys') to bring it back.\n\
         process.exec() has moved. Use require('sys') to bring it back.\n\
         node.http.createServer() has moved. Use require('http') to access it.\n\
         node.tcp.createConnection() has moved. Use require('tcp') to access it.\n",
    );
}

#[test]
fn the_loop_exits_when_nothing_is_pending() {
    // Nothing pending: out at once, well before any timer a hang would wait on.
    let (run, _dir) = run_js("dry", "var x = 1;", &[]);
    assert_eq!(run.code(), 0);
    // A pending timer keeps it alive until it fires; one cleared does not.
    let (run, _dir) = run_js(
        "alive",
        r#"var sys = require("sys");
var start = Date.now();
var cleared = setTimeout(function () { sys.puts("cleared one fired"); }, 100000);
setTimeout(function () { sys.puts("fired after at least 30 ms: " + (Date.now() - start >= 30)); }, 30);
clearTimeout(cleared);
"#,
        &[],
    );
    assert_eq!(
        run.stdout, "fired after at least 30 ms: true\n",
        "{}",
        run.stderr
    );
    assert!(
        run.elapsed.as_secs() < 50,
        "a cleared timer kept the loop alive"
    );
}

#[test]
fn version_and_help() {
    let run = node(&["--version"]);
    assert_eq!((run.code(), run.stdout.as_str()), (0, "v0.1.27\n"));
    let run = node(&["--help"]);
    assert_eq!(run.code(), 0);
    assert!(run.stdout.contains("Usage: node"), "{}", run.stdout);
}
