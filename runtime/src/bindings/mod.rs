//! The native half of every module, one file each, named as its JavaScript half in stdlib/
//! (`posix.rs` ↔ stdlib/posix.js, `child_process.rs` ↔ stdlib/internal/child_process.js, ...):
//! OS resources, byte parsing and encodings, as node v0.1.27's C++ had them. Each puts its
//! natives on `process` (as `process._posix`, `process.tcp`, ...), where the JavaScript half
//! finds them. This file installs them all, and holds the helpers they share for reading
//! arguments and setting properties.

pub mod addon;
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
use engine::object::{Attributes, NativeFn, Object};
use engine::value::Value;
use engine::vm::{ops, Ctx, Throw};

/// What a native returns: a value, or a thrown exception.
pub type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// Makes the `process` object with the native half of every module on it, and sets the global
/// `process` to it.
pub fn install<'gc>(ctx: Ctx<'gc>, startup: &process::Startup) -> Object<'gc> {
    let process = process::install(ctx, startup);
    posix::install(ctx, process);
    child_process::install(ctx, process);
    signals::install(ctx, process);
    watch_file::install(ctx, process);
    tcp::install(ctx, process);
    tls::install(ctx, process);
    dns::install(ctx, process);
    http::install(ctx, process);
    repl::install(ctx, process);
    addon::install(ctx, process);
    set_value(ctx, ctx.realm().global, "process", Value::Object(process));
    process
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
