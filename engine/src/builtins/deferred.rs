//! The builtins the global object gets when they are first needed: `Math` and `Date`, which
//! few scripts use at once, and `ArrayBuffer`, `DataView` and the typed arrays (ES2015 §22.2,
//! §24), which a script of 2010 never touches. Nothing but their global names leads to them
//! (no other builtin makes a Date or a typed array), so until a script names them, nothing
//! needs them.
//!
//! They come in three groups, each made on its own: `Math`; `Date`; `ArrayBuffer`, `DataView`
//! and the typed arrays (which make and share buffers). Until a group is made the global
//! object says so (`Object::deferred_builtins`), and each place that would see its absence
//! makes it first: a look-up of one of its names (a read, `typeof`, `in`, `hasOwnProperty`,
//! `getOwnPropertyDescriptor`, `delete`, a declaration or an assignment of the name), and
//! anything that lists or fixes the global object's own names (`getOwnPropertyNames`,
//! `for-in`, `freeze`, `seal`, `preventExtensions` and their tests) makes them all. Those are
//! the places that already make a function's `prototype` on first use (see
//! `Object::make_prototype`), so a script cannot tell them from builtins made at start-up,
//! but for the order of the global object's names: theirs come after the names added before
//! they were made (as a lazy `prototype` comes after a function's other properties).

use crate::object::PropertyKey;
use crate::string::Units;
use crate::vm::Ctx;

/// The group of `Math`.
const MATH: u8 = 1;
/// The group of `Date`.
const DATE: u8 = 2;
/// The group of `ArrayBuffer`, `DataView` and the typed arrays.
const BINARY: u8 = 4;
/// The group of `RegExp` (its constructor, its statics, `RegExp.prototype`'s methods).
const REGEXP: u8 = 8;
/// Every group: what the global object lacks after `builtins::install`.
pub const ALL: u8 = MATH | DATE | BINARY | REGEXP;

/// The global names of the deferred builtins, with their groups.
const NAMES: [(&str, u8); 14] = [
    ("Math", MATH),
    ("Date", DATE),
    ("RegExp", REGEXP),
    ("ArrayBuffer", BINARY),
    ("DataView", BINARY),
    ("Int8Array", BINARY),
    ("Uint8Array", BINARY),
    ("Uint8ClampedArray", BINARY),
    ("Int16Array", BINARY),
    ("Uint16Array", BINARY),
    ("Int32Array", BINARY),
    ("Uint32Array", BINARY),
    ("Float32Array", BINARY),
    ("Float64Array", BINARY),
];

/// The group whose global name `key` is (0: none).
fn group_of<'gc>(ctx: Ctx<'gc>, key: PropertyKey<'gc>) -> u8 {
    let PropertyKey::String(name) = key else {
        return 0;
    };
    // (Every one is 4 to 17 characters long: a longer name needs no comparison.)
    if !(4..=17).contains(&name.len()) {
        return 0;
    }
    name.with_units(&ctx, |units| {
        let same = |candidate: &str| match units {
            Units::Latin1(bytes) => bytes == candidate.as_bytes(),
            Units::Utf16(units) => units.iter().copied().eq(candidate.encode_utf16()),
        };
        NAMES
            .iter()
            .find(|(candidate, _)| same(candidate))
            .map_or(0, |&(_, group)| group)
    })
}

/// Whether `key` is the global name of a builtin still to be made.
pub fn names<'gc>(ctx: Ctx<'gc>, key: PropertyKey<'gc>) -> bool {
    group_of(ctx, key) & ctx.realm().global.deferred_builtins() != 0
}

/// Makes the group of builtins whose global name `key` is, if it is still to be made.
pub fn make_for<'gc>(ctx: Ctx<'gc>, key: PropertyKey<'gc>) {
    let group = group_of(ctx, key);
    if group != 0 {
        make(ctx, group);
    }
}

/// Makes `RegExp` if it is still to be made: what making a RegExp object (a literal, a
/// pattern given to `match` or `split`) needs first, as `RegExp.prototype` is their prototype.
pub fn make_regexps(ctx: Ctx<'_>) {
    make(ctx, REGEXP);
}

/// Makes every group still to be made.
pub fn make_all(ctx: Ctx<'_>) {
    make(ctx, ALL);
}

/// Makes those of `groups` still to be made.
fn make(ctx: Ctx<'_>, groups: u8) {
    let global = ctx.realm().global;
    let pending = global.deferred_builtins();
    let todo = pending & groups;
    if todo == 0 {
        return;
    }
    // First: making them looks names up on the global object, which must not come back here.
    global.set_deferred_builtins(&ctx, pending & !todo);
    if todo & MATH != 0 {
        super::math::install(ctx);
    }
    if todo & DATE != 0 {
        super::date::install(ctx);
    }
    if todo & REGEXP != 0 {
        super::regexp::install(ctx);
    }
    if todo & BINARY != 0 {
        super::array_buffer::install(ctx);
        super::typed_array::install(ctx);
        super::data_view::install(ctx);
    }
}
