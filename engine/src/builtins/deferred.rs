//! The builtins the global object gets when they are first needed: `Date`, which few scripts
//! use at once, and `ArrayBuffer`, `DataView` and the typed arrays (ES2015 §22.2, §24), which
//! a script of 2010 never touches. Nothing but their constructors makes their objects, so
//! until a script names them, nothing needs them.
//!
//! Until then the global object is marked (`Object::has_deferred_builtins`), and each place
//! that would see their absence makes them first: a look-up of one of their names (a read,
//! `typeof`, `in`, `hasOwnProperty`, `getOwnPropertyDescriptor`, `delete`, a declaration or an
//! assignment of the name), and anything that lists or fixes the global object's own names
//! (`getOwnPropertyNames`, `for-in`, `freeze`, `seal`, `preventExtensions` and their tests).
//! Those are the places that already make a function's `prototype` on first use (see
//! `Object::make_prototype`), so a script cannot tell them apart from builtins made at
//! start-up, but for the order of the global object's names: theirs come after the names
//! added before they were made (as a lazy `prototype` comes after a function's other
//! properties).

use crate::object::PropertyKey;
use crate::string::Units;
use crate::vm::Ctx;

/// The global names of the deferred builtins.
const NAMES: [&str; 12] = [
    "Date",
    "ArrayBuffer",
    "DataView",
    "Int8Array",
    "Uint8Array",
    "Uint8ClampedArray",
    "Int16Array",
    "Uint16Array",
    "Int32Array",
    "Uint32Array",
    "Float32Array",
    "Float64Array",
];

/// Whether `key` is the global name of a deferred builtin.
pub fn names<'gc>(ctx: Ctx<'gc>, key: PropertyKey<'gc>) -> bool {
    let PropertyKey::String(name) = key else {
        return false;
    };
    // (Every one is 4 to 17 characters long: a longer name needs no comparison.)
    if !(4..=17).contains(&name.len()) {
        return false;
    }
    name.with_units(&ctx, |units| {
        NAMES.iter().any(|candidate| match units {
            Units::Latin1(bytes) => bytes == candidate.as_bytes(),
            Units::Utf16(units) => units.iter().copied().eq(candidate.encode_utf16()),
        })
    })
}

/// Makes the deferred builtins, if they are not made yet.
pub fn install(ctx: Ctx<'_>) {
    let global = ctx.realm().global;
    if !global.has_deferred_builtins() {
        return;
    }
    // First: making them looks names up on the global object, which must not come back here.
    global.set_deferred_builtins(&ctx, false);
    super::date::install(ctx);
    super::array_buffer::install(ctx);
    super::typed_array::install(ctx);
    super::data_view::install(ctx);
}
