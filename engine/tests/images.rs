//! Scripts run from bytecode images (`Ctx::load_image`, how node's stdlib is loaded) behave as
//! the same scripts compiled from source. A nested function of an image is loaded in two
//! steps: its header when a closure is first made of it, its code when it is first called;
//! everything a closure shows before its first call (`length`, `name`, `toString`, its
//! `prototype`, strict functions' poisoned properties) must already be right.

mod common;

use engine::value::Value;
use engine::vm::{Engine, Outcome};

/// What `source` prints when run from its image.
fn run_from_image(source: &'static str) -> Vec<String> {
    common::clear_printed();
    let image = engine::bytecode::image::compile("", source, "").expect("the script compiles");
    let image: &'static [u8] = Box::leak(image.into_boxed_slice());
    let mut engine = Engine::new();
    engine.define_global_function("print", common::print, 1);
    let outcome = engine.call(|ctx| {
        let function = ctx
            .load_image(image, source, 0, "test.js")
            .map_err(|error| ctx.type_error(&format!("{error:?}")))?;
        Ok((
            Value::Object(function),
            Value::Object(ctx.realm().global),
            Vec::new(),
        ))
    });
    assert!(matches!(outcome, Outcome::Returned), "{outcome:?}");
    common::printed()
}

/// `source` prints the same from its image as from its text, and that is `expected`.
fn same_from_image(source: &'static str, expected: &[&str]) {
    let from_image = run_from_image(source);
    let (from_text, _) = common::run(source);
    assert_eq!(from_image, from_text, "{source}");
    assert_eq!(from_image, expected, "{source}");
}

#[test]
fn a_closure_shows_its_length_name_and_text_before_its_first_call() {
    same_from_image(
        r#"function outer() {
            function add(a, b) { return a + b; }
            return add;
        }
        var f = outer();
        print(f.length, f.name, String(f), typeof f.prototype, f.prototype.constructor === f);
        print(f(2, 3), f.length, f.name);
        "#,
        &[
            "2 add function add(a, b) { return a + b; } object true",
            "5 2 add",
        ],
    );
}

#[test]
fn strict_functions_are_poisoned_before_their_first_call() {
    same_from_image(
        r#"function make() { "use strict"; return function s() { return this; }; }
        var s = make();
        try { s.caller; print("no throw"); } catch (e) { print(e instanceof TypeError); }
        print(s() === undefined);
        "#,
        &["true", "true"],
    );
}

#[test]
fn closures_of_one_site_share_their_code_and_keep_their_own_variables() {
    same_from_image(
        r#"function counter(start) {
            return function () { return start++; };
        }
        var a = counter(10), b = counter(20);
        print(a(), a(), b(), a(), b());
        function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
        print(fib(15));
        function Point(x) { this.x = x; }
        Point.prototype.twice = function () { return this.x * 2; };
        print(new Point(21).twice(), new Point(4) instanceof Point);
        "#,
        &["10 11 20 12 21", "610", "42 true"],
    );
}

#[test]
fn errors_in_code_loaded_at_its_first_call_have_their_positions() {
    same_from_image(
        r#"function outer() {
            return function inner(x) {
                return x.missing.property;
            };
        }
        try { outer()(1); } catch (e) { print(e.stack.split("\n").slice(0, 2).join(" / ")); }
        "#,
        &["TypeError: Cannot read property 'property' of undefined /     at inner (test.js:3:24)"],
    );
}
