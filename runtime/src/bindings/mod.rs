//! The native half of every module, one file each, named as its JavaScript half in stdlib/
//! (`posix.rs` ↔ stdlib/posix.js, `child_process.rs` ↔ stdlib/internal/child_process.js, ...):
//! OS resources, byte parsing and encodings, as node v0.1.27's C++ had them. Each makes an
//! object of its natives, which the JavaScript half asks for with `process._binding(name)`
//! (binding.rs) when it first needs it: an empty script loads none of these modules, and
//! making their ~70 functions at every start was an eighth of the runtime's start-up. This
//! file makes `process`, and holds the helpers the bindings share for reading arguments and
//! setting properties.

pub mod addon;
mod binding;
pub mod child_process;
pub mod dns;
pub mod http;
pub mod names;
pub mod posix;
pub mod process;
pub mod repl;
pub mod signals;
pub mod tcp;
pub mod tls;
pub mod watch_file;

use crate::encoding::Encoding;
use engine::object::{Attributes, Class, NativeFn, Object};
use engine::value::Value;
use engine::vm::{ops, Ctx, Throw};

/// What a native returns: a value, or a thrown exception.
pub type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// Makes the `process` object with its own natives and `process._binding`, which makes the
/// other modules' natives on first use, and sets the global `process` to it.
pub fn install<'gc>(ctx: Ctx<'gc>, startup: &process::Startup) -> Object<'gc> {
    let process = process::install(ctx, startup);
    define_natives(ctx, process, &[("_binding", binding::binding, 1)]);
    set_value(ctx, ctx.realm().global, "process", Value::Object(process));
    process
}

/// A new object (dictionary mode: each binding is one of a kind, see
/// `Object::new_dictionary`) holding the natives `natives`.
pub fn natives_object<'gc>(ctx: Ctx<'gc>, natives: &[(&str, NativeFn, u32)]) -> Object<'gc> {
    let object = Object::new_dictionary(&ctx, Some(ctx.realm().object_prototype), Class::Object);
    define_natives(ctx, object, natives);
    object
}

/// Defines native methods on `target`: (name, function, length).
pub fn define_natives<'gc>(ctx: Ctx<'gc>, target: Object<'gc>, natives: &[(&str, NativeFn, u32)]) {
    ctx.realm().define_functions(ctx, target, natives);
}

/// Argument `i`, or undefined when the call gave fewer.
pub fn arg<'gc>(args: &[Value<'gc>], i: usize) -> Value<'gc> {
    args.get(i).copied().unwrap_or(Value::Undefined)
}

/// Argument `i` converted to a string (undefined is "undefined", as `String(x)` has it).
pub fn string_arg<'gc>(
    ctx: &Ctx<'gc>,
    args: &[Value<'gc>],
    i: usize,
) -> Result<String, Throw<'gc>> {
    Ok(ops::to_string(*ctx, arg(args, i))?.to_rust_string(ctx))
}

/// Argument `i` converted to a number.
pub fn number_arg<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], i: usize) -> Result<f64, Throw<'gc>> {
    ops::to_number(*ctx, arg(args, i))
}

/// An encoding argument: a name, or the default when missing.
pub fn encoding_arg<'gc>(
    ctx: &Ctx<'gc>,
    args: &[Value<'gc>],
    i: usize,
    default: Encoding,
) -> Result<Encoding, Throw<'gc>> {
    match arg(args, i) {
        Value::Undefined | Value::Null => Ok(default),
        value => {
            let name = ops::to_string(*ctx, value)?.to_rust_string(ctx);
            Ok(Encoding::parse(Some(&name), default))
        }
    }
}

/// Sets `object[name]` to `value`: writable, enumerable and configurable, as an assignment
/// would make it.
pub fn set_value<'gc>(ctx: Ctx<'gc>, object: Object<'gc>, name: &str, value: Value<'gc>) {
    let key = ctx.realm().key(ctx, name);
    object.set_own_value(&ctx, key, value, Attributes::ALL);
}
