//! The native half of the POSIX module (stdlib/posix.js builds the promises): each call runs
//! on the worker pool and calls back `callback(error, result...)` through the loop; each has
//! a synchronous twin (`*Sync`) that runs at once and returns or throws.

use crate::host;
use crate::process::{arg, define_natives, set_value, NativeResult};
use engine::object::{Class, Object};
use engine::value::Value;
use engine::vm::{ops, Ctx, Throw};
use std::io;
use std::os::unix::fs::MetadataExt;

/// Makes `process._posix`, the natives stdlib/posix.js is built on.
pub fn install<'gc>(ctx: Ctx<'gc>, process: Object<'gc>) {
    let posix = Object::new(&ctx, Some(ctx.realm().object_prototype), Class::Object);
    define_natives(ctx, posix, &[("stat", stat, 2), ("statSync", stat_sync, 1)]);
    set_value(ctx, process, "_posix", Value::Object(posix));
}

/// A path argument.
fn path_arg<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], i: usize) -> Result<String, Throw<'gc>> {
    Ok(ops::to_string(*ctx, arg(args, i))?.to_rust_string(ctx))
}

/// The callback argument at `i`: a function, or a TypeError.
fn callback_arg<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], i: usize) -> NativeResult<'gc> {
    match arg(args, i) {
        f if f.as_object().is_some_and(|o| o.is_callable()) => Ok(f),
        _ => Err(ctx.type_error("the last argument must be a callback function")),
    }
}

/// A system error as node reports it: an Error whose message has the error's code, the OS's
/// description and the path ("ENOENT, No such file or directory '/x'"), with `errno` and
/// `code` properties.
pub fn system_error<'gc>(ctx: Ctx<'gc>, error: &io::Error, path: &str) -> Value<'gc> {
    let errno = error.raw_os_error().unwrap_or(0);
    let code = nix::errno::Errno::from_raw(errno);
    let description = code.desc();
    let message = if path.is_empty() {
        format!("{code:?}, {description}")
    } else {
        format!("{code:?}, {description} '{path}'")
    };
    let realm = ctx.realm();
    let object = realm.new_error(ctx, realm.error_prototype, &message);
    set_value(ctx, object, "errno", Value::Number(f64::from(errno)));
    set_value(ctx, object, "code", ctx.string(&format!("{code:?}")));
    set_value(ctx, object, "path", ctx.string(path));
    Value::Object(object)
}

/// What `stat` gives: the fields of posix.Stats (times in milliseconds; posix.js makes Dates).
pub fn stats_object<'gc>(ctx: Ctx<'gc>, meta: &std::fs::Metadata) -> Value<'gc> {
    let object = Object::new(&ctx, Some(ctx.realm().object_prototype), Class::Object);
    let millis = |seconds: i64, nanos: i64| seconds as f64 * 1000.0 + (nanos / 1_000_000) as f64;
    let fields = [
        ("dev", meta.dev() as f64),
        ("ino", meta.ino() as f64),
        ("mode", f64::from(meta.mode())),
        ("nlink", meta.nlink() as f64),
        ("uid", f64::from(meta.uid())),
        ("gid", f64::from(meta.gid())),
        ("rdev", meta.rdev() as f64),
        ("size", meta.size() as f64),
        ("blksize", meta.blksize() as f64),
        ("blocks", meta.blocks() as f64),
        ("atime", millis(meta.atime(), meta.atime_nsec())),
        ("mtime", millis(meta.mtime(), meta.mtime_nsec())),
        ("ctime", millis(meta.ctime(), meta.ctime_nsec())),
    ];
    for (name, value) in fields {
        set_value(ctx, object, name, Value::Number(value));
    }
    Value::Object(object)
}

/// A path and what a call on it came to, from a worker back to the loop.
type Outcome<T> = (String, io::Result<T>);

/// `[error]` or `[null, results...]`: the arguments of a node callback.
fn callback_args<'gc, T>(
    ctx: Ctx<'gc>,
    (path, result): Outcome<T>,
    success: impl FnOnce(Ctx<'gc>, T) -> Vec<Value<'gc>>,
) -> Vec<Value<'gc>> {
    match result {
        Ok(value) => {
            let mut args = vec![Value::Null];
            args.extend(success(ctx, value));
            args
        }
        Err(error) => vec![system_error(ctx, &error, &path)],
    }
}

/// _posix.stat(path, callback): callback(error) or callback(null, stats).
fn stat<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let path = path_arg(ctx, args, 0)?;
    let callback = callback_arg(ctx, args, 1)?;
    crate::workers::submit(
        ctx,
        host::of(ctx)?,
        callback,
        move || {
            let result = std::fs::metadata(&path);
            (path, result)
        },
        |ctx, outcome: Outcome<std::fs::Metadata>| {
            callback_args(ctx, outcome, |ctx, meta| vec![stats_object(ctx, &meta)])
        },
    );
    Ok(Value::Undefined)
}

fn stat_sync<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let path = path_arg(ctx, args, 0)?;
    match std::fs::metadata(&path) {
        Ok(meta) => Ok(stats_object(*ctx, &meta)),
        Err(error) => Err(Throw(system_error(*ctx, &error, &path))),
    }
}
