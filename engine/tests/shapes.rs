//! Shapes and inline caches (engine/src/object/shape.rs, engine/src/vm/cache.rs): a cached
//! property site must see every change that could make its remembered answer wrong. Each
//! script runs a site first so that it caches, then changes what the cache relies on, then
//! runs the same site again.

mod common;

use common::{prints, throws};

#[test]
fn objects_built_alike_read_their_own_values() {
    prints(
        "function P(x, y) { this.x = x; this.y = y; }
         var s = 0; for (var i = 0; i < 100; i++) { var p = new P(i, 1); s += p.x + p.y; }
         print(s)",
        &["5050"],
    );
    // One site, objects of many layouts (and of none: a dictionary after a delete).
    prints(
        "function read(o) { return o.a; }
         var objects = [{a: 1}, {b: 0, a: 2}, {c: 0, d: 0, a: 3}, Object.create({a: 4}),
                        (function () { var o = {z: 0, a: 5}; delete o.z; return o; })()];
         var s = ''; for (var r = 0; r < 3; r++) for (var i = 0; i < objects.length; i++) s += read(objects[i]);
         print(s)",
        &["123451234512345"],
    );
}

#[test]
fn a_setter_added_to_a_prototype_is_called_by_a_cached_assignment() {
    prints(
        "function C() {} var log = [];
         function make() { var c = new C(); c.v = 1; return c; }
         make(); make();
         Object.defineProperty(C.prototype, 'v', { set: function (x) { log.push(x); } });
         var c = make(); print(log.join(), c.hasOwnProperty('v'))",
        &["1 false"],
    );
    // Deeper in the chain, on Object.prototype.
    prints(
        "var log = [];
         function make() { var o = {}; o.w = 2; return o; }
         make(); make();
         Object.defineProperty(Object.prototype, 'w', { set: function (x) { log.push(x); }, configurable: true });
         var o = make(); delete Object.prototype.w; print(log.join(), o.hasOwnProperty('w'))",
        &["2 false"],
    );
}

#[test]
fn a_read_only_inherited_property_stops_a_cached_assignment() {
    prints(
        "function C() {}
         function make() { var c = new C(); c.k = 1; return c; }
         make(); make();
         Object.defineProperty(C.prototype, 'k', { value: 0, writable: false });
         var c = make(); print(c.k, c.hasOwnProperty('k'))",
        &["0 false"],
    );
    throws(
        "'use strict'; function C() {}
         function make() { var c = new C(); c.k = 1; return c; }
         make(); make();
         Object.defineProperty(C.prototype, 'k', { value: 0 });
         make()",
        "TypeError",
    );
}

#[test]
fn a_frozen_prototype_or_receiver_stops_additions() {
    prints(
        "function C() {} C.prototype.m = 1;
         function set(o) { o.m = 2; return o.m; }
         set(new C()); set(new C());
         Object.freeze(C.prototype);
         print(set(new C()))",
        &["1"],
    );
    prints(
        "function set(o) { o.n = 2; return o.n; }
         set({}); set({});
         var o = Object.preventExtensions({}); print(set(o), Object.keys(o).length)",
        &["undefined 0"],
    );
}

#[test]
fn cached_methods_follow_changes_to_prototypes() {
    // Receivers with properties of their own, and without (whose layout is their
    // prototype's root).
    for own in ["this.own = 1;", ""] {
        prints(
            &format!(
                "function A() {{}} A.prototype.f = function () {{ return 'A'; }};
                 function B() {{ {own} }} B.prototype = new A();
                 function call(o) {{ return o.f(); }}
                 var b = new B(), s = call(b) + call(b);
                 B.prototype.f = function () {{ return 'B'; }};  // a new name, nearer
                 s += call(b);
                 A.prototype.f = function () {{ return 'A2'; }}; // a new value, further up
                 s += call(new A());
                 delete B.prototype.f;                          // gone again
                 s += call(b);
                 print(s)"
            ),
            &["AABA2A2"],
        );
    }
    // An accessor replacing a data property on a prototype.
    prints(
        "var proto = { g: 1 }; var o = Object.create(proto); o.own = 1;
         function get(x) { return x.g; } get(o); get(o);
         Object.defineProperty(proto, 'g', { get: function () { return 'getter'; } });
         print(get(o))",
        &["getter"],
    );
}

#[test]
fn cached_sites_keep_array_length_exotic() {
    // A plain object with the same names as an array must not teach a site to skip the
    // array's `length` semantics.
    prints(
        "function setLength(o, n) { o.length = n; }
         var fake = Object.create(Array.prototype); setLength(fake, 5); setLength(fake, 6);
         var a = [1, 2, 3, 4]; setLength(a, 1); print(a.length, a[1], fake.length)",
        &["1 undefined 6"],
    );
}

#[test]
fn literals_share_layouts_and_stay_independent() {
    prints(
        "function make(i) { return { a: i, b: i * 2, a2: 'x' }; }
         var list = []; for (var i = 0; i < 50; i++) list.push(make(i));
         list[3].c = 1; delete list[4].a;
         print(list[10].a + list[10].b, list[3].c, list[4].a, 'c' in list[5], Object.keys(list[7]).join())",
        &["30 1 undefined false a,b,a2"],
    );
    // A repeated name in a literal keeps the last value and the first place.
    prints(
        "function f() { return { a: 1, b: 2, a: 3 }; } f(); var o = f(); print(o.a, Object.keys(o).join())",
        &["3 a,b"],
    );
}

#[test]
fn objects_without_prototypes_and_many_properties() {
    prints(
        "function put(o, k, v) { o[k] = v; }
         function get(o) { return o.x; }
         var d = Object.create(null); d.x = 1; get(d); var e = Object.create(null); e.x = 2;
         var big = {}; for (var i = 0; i < 200; i++) big['p' + i] = i; big.x = 'big';
         print(get(d), get(e), get(big), big.p150)",
        &["1 2 big 150"],
    );
}
