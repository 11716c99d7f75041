//! V8's stack-trace API, as V8 documents it (https://v8.dev/docs/stack-trace-api, and the
//! 2010 wiki page it grew from): `error.stack` is recorded when an error is constructed,
//! `Error.captureStackTrace(object, fn)` records one on any object, leaving out `fn` and the
//! frames above it, and `Error.stackTraceLimit` bounds the frames.

mod common;

use common::{prints, run};
use engine::vm::Completion;

#[test]
fn stack_is_recorded_when_the_error_is_made() {
    // Handed to a callback instead of thrown, the error still shows where it was made.
    prints(
        "function make() { return new TypeError('bad'); }\n\
         function outer() { return make(); }\n\
         print(outer().stack)",
        &["TypeError: bad\n    at make (test.js:1:26)\n    at outer (test.js:2:27)\n    at test.js:3:7"],
    );
    // Just the name when the message is empty; `new` frames say so.
    prints(
        "function Foo() { this.e = new Error(); }\nprint(new Foo().e.stack)",
        &["Error\n    at new Foo (test.js:1:27)\n    at test.js:2:7"],
    );
    prints("print(Error('x').stack)", &["Error: x\n    at test.js:1:7"]);
}

#[test]
fn stack_is_own_writable_configurable_and_not_enumerable() {
    prints(
        "var e = new Error('m'); var d = Object.getOwnPropertyDescriptor(e, 'stack');\n\
         var keys = []; for (var k in e) keys.push(k);\n\
         print(typeof d.value, d.writable, d.enumerable, d.configurable, keys.length);\n\
         e.stack = 'mine'; print(e.stack); delete e.stack; print(e.stack)",
        &["string true false true 0", "mine", "undefined"],
    );
}

#[test]
fn errors_the_engine_throws_have_a_stack() {
    prints(
        "function f() { return null.x; }\ntry { f() } catch (e) { print(e.stack) }",
        &["TypeError: Cannot read property 'x' of null\n    at f (test.js:1:23)\n    at test.js:2:7"],
    );
    prints(
        "try { nope } catch (e) { print(e.stack) }",
        &["ReferenceError: nope is not defined\n    at test.js:1:7"],
    );
}

#[test]
fn an_uncaught_error_keeps_the_stack_of_its_construction() {
    let (_, completion) = run(
        "function inner() { throw new TypeError('bad'); }\nfunction outer() { inner(); }\nouter();",
    );
    let Completion::Threw { stack, .. } = completion else {
        panic!("expected an exception");
    };
    assert_eq!(
        stack,
        "TypeError: bad\n    at inner (test.js:1:26)\n    at outer (test.js:2:20)\n    at test.js:3:1"
    );
}

#[test]
fn capture_stack_trace_leaves_out_the_constructor() {
    prints(
        "function MyError(msg) { this.message = msg; Error.captureStackTrace(this, MyError); }\n\
         MyError.prototype = Object.create(Error.prototype);\n\
         MyError.prototype.name = 'MyError';\n\
         function fail() { return new MyError('custom'); }\n\
         var e = fail();\n\
         print(e.stack);\n\
         print(e instanceof Error, Object.keys(e))",
        &[
            "MyError: custom\n    at fail (test.js:4:26)\n    at test.js:5:9",
            "true message",
        ],
    );
    // Without a function, the trace starts at the caller of captureStackTrace; on a plain
    // object the first line is what toString gives.
    prints(
        "function f() { var o = {}; Error.captureStackTrace(o); return o.stack; }\nprint(f())",
        &["[object Object]\n    at f (test.js:1:28)\n    at test.js:2:7"],
    );
    // A function that is not being called leaves out every frame (V8 does the same).
    prints(
        "var o = {}; Error.captureStackTrace(o, function () {}); print(JSON.stringify(o.stack))",
        &["\"[object Object]\""],
    );
    prints(
        "try { Error.captureStackTrace(1) } catch (e) { print(e.name) }",
        &["TypeError"],
    );
}

#[test]
fn stack_trace_limit_bounds_the_frames() {
    let deep = "function deep(n) { return n ? deep(n - 1) : new Error('deep'); }\n";
    prints(
        &format!("{deep}print(Error.stackTraceLimit, deep(20).stack.split('\\n').length)"),
        &["10 11"],
    );
    prints(
        &format!("{deep}Error.stackTraceLimit = 2; print(deep(5).stack)"),
        &["Error: deep\n    at deep (test.js:1:45)\n    at deep (test.js:1:31)"],
    );
    prints(
        &format!("{deep}Error.stackTraceLimit = 0; print(JSON.stringify(deep(5).stack))"),
        &["\"Error: deep\""],
    );
    // Not a number: no stack at all, even when thrown.
    prints(
        &format!(
            "{deep}Error.stackTraceLimit = 'x'; print(deep(5).stack);\n\
             try {{ null.x }} catch (e) {{ print(e.stack) }}"
        ),
        &["undefined", "undefined"],
    );
}
