//! Object's functions (ES5.1 15.2.3), the object model they expose (`[[DefineOwnProperty]]`,
//! arrays' `length`, non-writable and non-extensible objects) and Function.prototype.bind.

mod common;

use common::{prints as prints_raw, throws as throws_raw};

/// `j(array)`: the elements joined by commas (Array.prototype.join belongs to another module).
/// Appended to each script (function declarations are hoisted) to keep `'use strict'` first.
const PRELUDE: &str =
    "function j(a) { var s = ''; for (var i = 0; i < a.length; i++) s += (i ? ',' : '') + a[i]; return s; }\n";

fn prints(source: &str, expected: &[&str]) {
    prints_raw(&format!("{source}\n{PRELUDE}"), expected);
}

fn throws(source: &str, prefix: &str) {
    throws_raw(&format!("{source}\n{PRELUDE}"), prefix);
}

#[test]
fn get_prototype_of() {
    prints(
        "print(Object.getPrototypeOf({}) === Object.prototype, Object.getPrototypeOf(Object.prototype))",
        &["true null"],
    );
    prints(
        "function F() {} print(Object.getPrototypeOf(new F()) === F.prototype)",
        &["true"],
    );
    // ES2015: a primitive is converted with ToObject.
    prints(
        "print(Object.getPrototypeOf(1) === Number.prototype)",
        &["true"],
    );
    throws("Object.getPrototypeOf()", "TypeError");
}

#[test]
fn get_own_property_descriptor() {
    prints(
        "var d = Object.getOwnPropertyDescriptor({a: 1}, 'a');
         print(d.value, d.writable, d.enumerable, d.configurable, 'get' in d)",
        &["1 true true true false"],
    );
    prints(
        "var o = { get x() { return 1; } };
         var d = Object.getOwnPropertyDescriptor(o, 'x');
         print(typeof d.get, d.set, d.enumerable, d.configurable, 'value' in d, 'writable' in d)",
        &["function undefined true true false false"],
    );
    prints(
        "print(Object.getOwnPropertyDescriptor({}, 'a'))",
        &["undefined"],
    );
    prints(
        "var d = Object.getOwnPropertyDescriptor(new Object('ab'), '1');
         print(d.value, d.writable, d.enumerable, d.configurable)",
        &["b false true false"],
    );
    prints(
        "var d = Object.getOwnPropertyDescriptor([1, 2], 'length');
         print(d.value, d.writable, d.enumerable, d.configurable)",
        &["2 true false false"],
    );
    throws("Object.getOwnPropertyDescriptor(null, 'a')", "TypeError");
}

#[test]
fn get_own_property_names_and_keys() {
    prints(
        "var o = {b: 1, a: 2, 1: 3, 0: 4}; Object.defineProperty(o, 'h', {value: 5});
         print(j(Object.getOwnPropertyNames(o)), j(Object.keys(o)))",
        &["0,1,b,a,h 0,1,b,a"],
    );
    prints(
        "print(j(Object.getOwnPropertyNames(new Object('ab'))), j(Object.keys(new Object('ab'))))",
        &["0,1,length 0,1"],
    );
    prints(
        "print(j(Object.getOwnPropertyNames([7, 8])), Object.keys([7, 8]).length)",
        &["0,1,length 2"],
    );
    prints("print(j(Object.keys('abc')))", &["0,1,2"]);
    throws("Object.getOwnPropertyNames(undefined)", "TypeError");
}

#[test]
fn create() {
    prints(
        "var p = {x: 1}; var o = Object.create(p); print(o.x, Object.getPrototypeOf(o) === p)",
        &["1 true"],
    );
    prints(
        "var o = Object.create(null); print(Object.getPrototypeOf(o), typeof o.toString)",
        &["null undefined"],
    );
    prints(
        "var o = Object.create({}, {a: {value: 1, enumerable: true}, b: {get: function () { return 2; }}});
         print(o.a, o.b, j(Object.keys(o)))",
        &["1 2 a"],
    );
    throws("Object.create(1)", "TypeError");
    throws("Object.create(undefined)", "TypeError");
    throws("Object.create({}, {a: 1})", "TypeError");
    throws("Object.create({}, null)", "TypeError");
}

#[test]
fn define_property_defaults_and_validation() {
    prints(
        "var o = {}; Object.defineProperty(o, 'a', {value: 1});
         var d = Object.getOwnPropertyDescriptor(o, 'a');
         print(d.value, d.writable, d.enumerable, d.configurable)",
        &["1 false false false"],
    );
    prints(
        "var o = {}; print(Object.defineProperty(o, 'a', {}) === o, 'a' in o, o.a)",
        &["true true undefined"],
    );
    // Redefining a permanent property: only no-ops are allowed.
    prints(
        "var o = {}; Object.defineProperty(o, 'a', {value: NaN});
         Object.defineProperty(o, 'a', {value: NaN, writable: false, configurable: false});
         try { Object.defineProperty(o, 'a', {value: 1}); } catch (e) { print(e.name); }
         try { Object.defineProperty(o, 'a', {enumerable: true}); } catch (e) { print(e.name); }
         try { Object.defineProperty(o, 'a', {get: function () {}}); } catch (e) { print(e.name); }",
        &["TypeError", "TypeError", "TypeError"],
    );
    // +0 and -0 differ for SameValue.
    throws(
        "var o = {}; Object.defineProperty(o, 'a', {value: 0});
         Object.defineProperty(o, 'a', {value: -0})",
        "TypeError: Cannot redefine property: a",
    );
    // A writable permanent property can change its value and become read-only.
    prints(
        "var o = {}; Object.defineProperty(o, 'a', {value: 1, writable: true});
         Object.defineProperty(o, 'a', {value: 2}); Object.defineProperty(o, 'a', {writable: false});
         print(o.a, Object.getOwnPropertyDescriptor(o, 'a').writable)",
        &["2 false"],
    );
    // A configurable property can switch between data and accessor.
    prints(
        "var o = {a: 1}; Object.defineProperty(o, 'a', {get: function () { return 9; }});
         var d = Object.getOwnPropertyDescriptor(o, 'a');
         print(o.a, d.enumerable, d.configurable, d.set);
         Object.defineProperty(o, 'a', {value: 3});
         d = Object.getOwnPropertyDescriptor(o, 'a');
         print(o.a, d.writable, d.enumerable)",
        &["9 true true undefined", "3 false true"],
    );
    throws("Object.defineProperty({}, 'a', {get: 1})", "TypeError");
    throws(
        "Object.defineProperty({}, 'a', {get: function () {}, value: 1})",
        "TypeError",
    );
    throws("Object.defineProperty(1, 'a', {})", "TypeError");
    throws("Object.defineProperty({}, 'a', 1)", "TypeError");
    throws(
        "Object.defineProperty(Object.preventExtensions({}), 'a', {value: 1})",
        "TypeError",
    );
}

#[test]
fn descriptor_fields_are_read_through_get() {
    prints(
        "var proto = {value: 5}; var desc = Object.create(proto);
         Object.defineProperty(desc, 'enumerable', {get: function () { return true; }});
         var o = Object.defineProperty({}, 'a', desc); print(o.a, j(Object.keys(o)))",
        &["5 a"],
    );
}

#[test]
fn define_properties() {
    prints(
        "var o = Object.defineProperties({}, {a: {value: 1, enumerable: true}, b: {value: 2}});
         print(o.a, o.b, j(Object.keys(o)))",
        &["1 2 a"],
    );
    // Every descriptor is read before any property is defined.
    prints(
        "var o = {}; try { Object.defineProperties(o, {a: {value: 1}, b: 2}); } catch (e) { print(e.name); }
         print('a' in o)",
        &["TypeError", "false"],
    );
    throws("Object.defineProperties({}, 'ab')", "TypeError");
    throws("Object.defineProperties({}, undefined)", "TypeError");
}

#[test]
fn array_length_and_indices() {
    prints(
        "var a = [1, 2, 3]; Object.defineProperty(a, 'length', {value: 1}); print(a.length, a[1], 1 in a)",
        &["1 undefined false"],
    );
    prints(
        "var a = []; Object.defineProperty(a, '5', {value: 1, configurable: true}); print(a.length)",
        &["6"],
    );
    // Shrinking stops at a permanent element.
    prints(
        "var a = [0, 1, 2, 3]; Object.defineProperty(a, '1', {configurable: false});
         try { Object.defineProperty(a, 'length', {value: 0}); } catch (e) { print(e.name); }
         print(a.length, a[1], 2 in a)",
        &["TypeError", "2 1 false"],
    );
    prints(
        "var a = [0, 1, 2, 3]; Object.defineProperty(a, '1', {configurable: false});
         a.length = 0; print(a.length)",
        &["2"],
    );
    throws(
        "'use strict'; var a = [0, 1]; Object.defineProperty(a, '1', {configurable: false}); a.length = 0",
        "TypeError",
    );
    // A read-only length: shrinking and growing both fail.
    prints(
        "var a = [1, 2]; Object.defineProperty(a, 'length', {writable: false});
         a[5] = 1; a.length = 0; a.push;
         print(a.length, 5 in a, a[0])",
        &["2 false 1"],
    );
    throws(
        "var a = [1]; Object.defineProperty(a, 'length', {writable: false});
         Object.defineProperty(a, '1', {value: 1})",
        "TypeError",
    );
    throws(
        "'use strict'; var a = [1]; Object.defineProperty(a, 'length', {writable: false}); a[1] = 2",
        "TypeError",
    );
    // Shrinking and freezing the length at once.
    prints(
        "var a = [1, 2, 3]; Object.defineProperty(a, 'length', {value: 1, writable: false});
         var d = Object.getOwnPropertyDescriptor(a, 'length'); print(d.value, d.writable, a[1])",
        &["1 false undefined"],
    );
    throws(
        "Object.defineProperty([], 'length', {value: -1})",
        "RangeError",
    );
    throws("[].length = 1.5", "RangeError");
    // A huge length allocates nothing.
    prints(
        "var a = [1]; a.length = 4294967295; a[4294967294] = 2; a.length = 1;
         print(a.length, a[0], a[4294967294])",
        &["1 1 undefined"],
    );
}

#[test]
fn seal_freeze_prevent_extensions() {
    prints(
        "var o = {a: 1}; Object.preventExtensions(o); o.b = 2;
         print(Object.isExtensible(o), 'b' in o, Object.isSealed(o), Object.isFrozen(o))",
        &["false false false false"],
    );
    prints(
        "var o = Object.seal({a: 1}); o.a = 2; delete o.a; o.b = 1;
         print(o.a, 'b' in o, Object.isSealed(o), Object.isFrozen(o), Object.isExtensible(o))",
        &["2 false true false false"],
    );
    prints(
        "var o = Object.freeze({a: 1, get b() { return 2; }}); o.a = 2;
         print(o.a, o.b, Object.isSealed(o), Object.isFrozen(o))",
        &["1 2 true true"],
    );
    prints(
        "print(Object.isFrozen(Object.preventExtensions({})), Object.isSealed({}))",
        &["true false"],
    );
    prints(
        "var a = Object.freeze([1, 2]); a[0] = 5; a[2] = 3; a.length = 0; print(j(a), a.length)",
        &["1,2 2"],
    );
    throws(
        "'use strict'; var o = Object.freeze({a: 1}); o.a = 2",
        "TypeError",
    );
    throws(
        "'use strict'; var o = Object.seal({a: 1}); delete o.a",
        "TypeError",
    );
    throws(
        "'use strict'; var o = Object.preventExtensions({}); o.b = 1",
        "TypeError",
    );
    // ES2015 (which test262 follows): primitives are returned, and count as frozen, sealed
    // and not extensible.
    prints(
        "print(Object.seal('x'), Object.freeze(1), Object.preventExtensions(true), Object.isSealed('x'), Object.isFrozen(1), Object.isExtensible('x'))",
        &["x 1 true true true false"],
    );
}

#[test]
fn inherited_read_only_and_setters() {
    prints(
        "var p = Object.defineProperty({}, 'a', {value: 1}); var o = Object.create(p);
         o.a = 2; print(o.a, o.hasOwnProperty('a'))",
        &["1 false"],
    );
    throws(
        "'use strict'; var p = Object.defineProperty({}, 'a', {value: 1}); Object.create(p).a = 2",
        "TypeError",
    );
    prints(
        "var seen; var p = Object.defineProperty({}, 'a', {set: function (v) { seen = v; }});
         var o = Object.create(p); o.a = 3; print(seen, o.hasOwnProperty('a'))",
        &["3 false"],
    );
    throws(
        "'use strict'; var o = Object.defineProperty({}, 'a', {get: function () { return 1; }}); o.a = 2",
        "TypeError",
    );
}

#[test]
fn string_objects_characters_are_read_only() {
    prints(
        "var s = new Object('ab'); s[0] = 'x'; print(s[0], delete s[0], s.hasOwnProperty('1'), s.propertyIsEnumerable(0))",
        &["a false true true"],
    );
    throws(
        "'use strict'; var s = new Object('ab'); s[0] = 'x'",
        "TypeError",
    );
    throws("'use strict'; delete new Object('ab')[1]", "TypeError");
    prints(
        "var s = new Object('ab'); Object.defineProperty(s, '0', {value: 'a'}); print(s[0])",
        &["a"],
    );
    throws(
        "Object.defineProperty(new Object('ab'), '0', {value: 'x'})",
        "TypeError",
    );
}

#[test]
fn to_locale_string_calls_to_string() {
    prints(
        "var o = {toString: function () { return 'me'; }}; print(o.toLocaleString())",
        &["me"],
    );
    throws(
        "Object.prototype.toLocaleString.call(undefined)",
        "TypeError",
    );
}

#[test]
fn function_lengths() {
    prints(
        "print(Object.create.length, Object.defineProperty.length, Object.defineProperties.length,
               Object.getOwnPropertyDescriptor.length, Object.keys.length, print.bind.length)",
        &["2 3 2 2 1 1"],
    );
    prints("print(Object.keys(Object).length)", &["0"]);
}

#[test]
fn bind_calls_with_bound_this_and_arguments() {
    prints(
        "function f(a, b, c) { return j([this.x, a, b, c]); }
         var g = f.bind({x: 1}, 2); print(g(3, 4), g.length, 'prototype' in g, typeof g)",
        &["1,2,3,4 2 false function"],
    );
    prints(
        "function f(a) { return a; } print(f.bind(null, 1, 2, 3).length)",
        &["0"],
    );
    prints(
        "function f() { return arguments.length; }
         var h = f.bind(null, 1).bind(null, 2); print(h(3), h.length)",
        &["3 0"],
    );
    prints(
        "function f() { 'use strict'; return this; } print(f.bind(undefined)(), f.bind(5)())",
        &["undefined 5"],
    );
    prints(
        "var g = Object.prototype.toString.bind([]); print(g(), g.call({}))",
        &["[object Array] [object Array]"],
    );
    throws("print.bind.call({})", "TypeError");
}

#[test]
fn bind_construct_and_instanceof() {
    prints(
        "function P(x, y) { this.x = x; this.y = y; }
         var B = P.bind({ignored: true}, 1); var p = new B(2);
         print(p.x, p.y, p instanceof P, p instanceof B, p.ignored)",
        &["1 2 true true undefined"],
    );
    prints(
        "function P() { return {made: 1}; } var B = P.bind(null); print(new B().made)",
        &["1"],
    );
    throws(
        "var B = Object.prototype.toString.bind(null); new B()",
        "TypeError",
    );
}

#[test]
fn poisoned_caller_and_arguments() {
    throws("function f() {} f.bind(null).caller", "TypeError");
    throws("function f() {} f.bind(null).arguments = 1", "TypeError");
    throws("'use strict'; function f() {} f.caller", "TypeError");
    throws(
        "'use strict'; (function () { return arguments; })().callee",
        "TypeError",
    );
    prints(
        "function f() {} var g = f.bind(null); var d = Object.getOwnPropertyDescriptor(g, 'caller');
         print(d.get === d.set, d.enumerable, d.configurable, Object.isFrozen(d.get), d.get.length)",
        &["true false false true 0"],
    );
    prints(
        "function f() {} print(j(Object.getOwnPropertyNames(f.bind(null))))",
        &["length,name,caller,arguments"],
    );
}

#[test]
fn natives_may_change_their_own_function_object() {
    prints(
        "Object.freeze.call(null, Object.freeze); print(Object.isFrozen(Object.freeze));
         var f = Object.defineProperty; f.call(null, f, 'x', {value: 1}); print(f.x)",
        &["true", "1"],
    );
}

#[test]
fn literal_index_keys_are_indices() {
    prints(
        "var o = {0: 'a', '1': 'b'}; print(o[0], o[1], o.hasOwnProperty(0), j(Object.keys(o)))",
        &["a b true 0,1"],
    );
}

#[test]
fn array_writes_keep_length_in_step() {
    prints(
        "var a = []; for (var i = 0; i < 1000; i++) a[a.length] = i;
         while (a.length > 10) a.length--; print(a.length, a[9], a[10])",
        &["10 9 undefined"],
    );
    prints(
        "var a = [1, 2, 3]; a[1] = 5; print(a.length, a[1]); a[7] = 1; print(a.length)",
        &["3 5", "8"],
    );
}
