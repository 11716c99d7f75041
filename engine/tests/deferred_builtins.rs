//! The builtins made on first use (`builtins/deferred.rs`: `Date`, `ArrayBuffer`, `DataView`,
//! the typed arrays): every way a script can see the global object sees them as if they had been
//! there from the start. Each case runs on a fresh engine, so that its first look at the
//! global object is the one that makes them.

mod common;
use common::prints;

#[test]
fn reads_see_them() {
    prints(
        "print(typeof Int8Array, typeof DataView, typeof ArrayBuffer)",
        &["function function function"],
    );
    prints("var g = this; print(typeof g.Float64Array)", &["function"]);
    prints("with (this) print(typeof Uint8Array)", &["function"]);
    prints(
        "print(new Date(0).getTime(), typeof Date.now())",
        &["0 number"],
    );
    prints(
        "print(Object.prototype.toString.call(Date.prototype), isNaN(Date.prototype.getTime()))",
        &["[object Date] true"],
    );
    prints(
        "print(new Uint8Array([1, 2, 3]).length, new DataView(new ArrayBuffer(4)).byteLength)",
        &["3 4"],
    );
}

#[test]
fn own_property_questions_see_them() {
    prints("print('Float64Array' in this)", &["true"]);
    prints("print(this.hasOwnProperty('Uint8ClampedArray'))", &["true"]);
    prints(
        "var d = Object.getOwnPropertyDescriptor(this, 'DataView');
         print(typeof d.value, d.writable, d.enumerable, d.configurable)",
        &["function true false true"],
    );
    prints(
        "var names = ['Date', 'ArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array',
             'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
             'Float32Array', 'Float64Array'];
         var own = Object.getOwnPropertyNames(this);
         print(names.every(function (n) { return own.indexOf(n) >= 0; }))",
        &["true"],
    );
}

#[test]
fn listings_see_them() {
    // A hidden own name hides an enumerable inherited one from for-in.
    prints(
        "Object.prototype.Int32Array = 1;
         var seen = false;
         for (var k in this) if (k === 'Int32Array') seen = true;
         print(seen)",
        &["false"],
    );
    prints(
        "this.Float32Array = 4; print(Float32Array, Object.keys(this).indexOf('Float32Array'))",
        &["4 -1"],
    );
}

#[test]
fn changes_find_them_there() {
    prints(
        "print(delete this.ArrayBuffer, typeof ArrayBuffer, 'ArrayBuffer' in this)",
        &["true undefined false"],
    );
    prints("print(delete Date, typeof Date)", &["true undefined"]);
    prints(
        "delete DataView; print(typeof DataView); print(typeof Int8Array, typeof DataView)",
        &["undefined", "function undefined"],
    );
    // Only the value changes: the property's attributes stay the builtin's.
    prints(
        "Object.defineProperty(this, 'Int8Array', {value: 7});
         var d = Object.getOwnPropertyDescriptor(this, 'Int8Array');
         print(Int8Array, d.writable, d.enumerable, d.configurable)",
        &["7 true false true"],
    );
    prints(
        "Uint32Array = 3;
         print(Uint32Array, Object.getOwnPropertyDescriptor(this, 'Uint32Array').enumerable)",
        &["3 false"],
    );
    prints("'use strict'; Int8Array = 1; print(Int8Array)", &["1"]);
}

#[test]
fn declarations_find_them_there() {
    prints("var DataView; print(typeof DataView)", &["function"]);
    prints(
        "var Date = 1; print(Date, Object.getOwnPropertyDescriptor(this, 'Date').enumerable)",
        &["1 false"],
    );
    prints(
        "var Int16Array = 5;
         print(Int16Array, Object.getOwnPropertyDescriptor(this, 'Int16Array').enumerable)",
        &["5 false"],
    );
    prints(
        "function Uint16Array() { return 1; } print(Uint16Array())",
        &["1"],
    );
}

#[test]
fn fixing_the_global_object_makes_them_first() {
    prints(
        "Object.freeze(this);
         print(Object.isFrozen(this), typeof Int8Array,
               Object.getOwnPropertyDescriptor(this, 'Int8Array').writable)",
        &["true function false"],
    );
    prints(
        "Object.preventExtensions(this); print(typeof DataView, Object.isExtensible(this))",
        &["function false"],
    );
    prints(
        "Object.seal(this); print(Object.isSealed(this), typeof ArrayBuffer)",
        &["true function"],
    );
}

#[test]
fn a_host_function_of_the_same_name_stays() {
    // (Listing the global object's names makes every builtin still to be made.)
    let source = "Object.getOwnPropertyNames(this); print(Date.length)";
    let arena = bumpalo::Bump::new();
    let program = engine::parse_program(source, &arena).expect("the script parses");
    let proto = engine::compiler::compile_script(&program, source).expect("the script compiles");
    let mut engine = engine::vm::Engine::new();
    common::clear_printed();
    engine.define_global_function("print", common::print, 1);
    // The host's `Date` (of length 0; the builtin's is 7) replaces the builtin, made before it.
    engine.define_global_function("Date", common::print, 0);
    let completion = engine.run(proto, source, "test.js");
    assert!(matches!(completion, engine::vm::Completion::Normal));
    assert_eq!(common::printed(), ["0"]);
}
