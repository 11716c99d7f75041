//! The function table of include/node_addon.h (`struct node_api`), in the header's order,
//! and the functions in it. Each finds the scope of the call running now (scope.rs); called
//! outside one (from a worker thread, or after the call that gave out `env` returned), each
//! does nothing and reports failure (0, -1 or NULL) without touching anything.
//!
//! C hands over pointers (names, byte buffers, argument arrays); the header says what each
//! must point to, and that is trusted here as a C library's caller trusts its documentation.

use super::events::{self, Complete, Execute, FdCallback, TimerFn};
use super::scope::{self, Scope};
use super::wrap::{self, Finalizer};
use super::{Callback, NodeEnv};
use crate::encoding::{Decoded, Encoding};
use engine::object::PropertyKey;
use engine::string::JsString;
use engine::value::Value;
use engine::vm::{ops, Ctx, Throw};
use std::ffi::{c_char, c_void, CStr};

type Env = *mut NodeEnv;
type V = u64;

/// `struct node_api`.
#[repr(C)]
pub struct Api {
    undefined: extern "C" fn(Env) -> V,
    null: extern "C" fn(Env) -> V,
    boolean: extern "C" fn(Env, i32) -> V,
    number: extern "C" fn(Env, f64) -> V,
    string: extern "C" fn(Env, *const c_char, usize, i32) -> V,
    object: extern "C" fn(Env) -> V,
    array: extern "C" fn(Env, u32) -> V,
    global: extern "C" fn(Env) -> V,
    type_of: extern "C" fn(Env, V) -> i32,
    is_array: extern "C" fn(Env, V) -> i32,
    instance_of: extern "C" fn(Env, V, V) -> i32,
    strict_equals: extern "C" fn(Env, V, V) -> i32,
    to_boolean: extern "C" fn(Env, V) -> i32,
    to_number: extern "C" fn(Env, V, *mut f64) -> i32,
    to_string: extern "C" fn(Env, V) -> V,
    to_object: extern "C" fn(Env, V) -> V,
    string_get: extern "C" fn(Env, V, i32, *mut c_char, usize) -> usize,
    get: extern "C" fn(Env, V, V) -> V,
    set: extern "C" fn(Env, V, V, V) -> i32,
    get_named: extern "C" fn(Env, V, *const c_char) -> V,
    set_named: extern "C" fn(Env, V, *const c_char, V) -> i32,
    get_index: extern "C" fn(Env, V, u32) -> V,
    set_index: extern "C" fn(Env, V, u32, V) -> i32,
    has_named: extern "C" fn(Env, V, *const c_char) -> i32,
    delete_named: extern "C" fn(Env, V, *const c_char) -> i32,
    keys: extern "C" fn(Env, V) -> V,
    array_length: extern "C" fn(Env, V) -> u32,
    function: extern "C" fn(Env, *const c_char, Option<Callback>, *mut c_void) -> V,
    call: extern "C" fn(Env, V, V, usize, *const V) -> V,
    construct: extern "C" fn(Env, V, usize, *const V) -> V,
    error: extern "C" fn(Env, *const c_char) -> V,
    throw_value: extern "C" fn(Env, V),
    throw_error: extern "C" fn(Env, *const c_char),
    throw_type_error: extern "C" fn(Env, *const c_char),
    exception_pending: extern "C" fn(Env) -> i32,
    exception_take: extern "C" fn(Env) -> V,
    reference: extern "C" fn(Env, V) -> u64,
    ref_get: extern "C" fn(Env, u64) -> V,
    ref_release: extern "C" fn(Env, u64),
    wrap: extern "C" fn(Env, V, *mut c_void, Option<Finalizer>, *mut c_void) -> i32,
    unwrap: extern "C" fn(Env, V) -> *mut c_void,
    emit: extern "C" fn(Env, V, *const c_char, usize, *const V) -> i32,
    promise: extern "C" fn(Env) -> V,
    promise_resolve: extern "C" fn(Env, V, usize, *const V) -> i32,
    promise_reject: extern "C" fn(Env, V, usize, *const V) -> i32,
    watch_fd: extern "C" fn(Env, i32, i32, Option<FdCallback>, *mut c_void) -> u64,
    unwatch_fd: extern "C" fn(Env, u64),
    timer_start: extern "C" fn(Env, f64, i32, Option<TimerFn>, *mut c_void) -> u64,
    timer_stop: extern "C" fn(Env, u64),
    queue_work: extern "C" fn(Env, Option<Execute>, Option<Complete>, *mut c_void) -> i32,
}

pub static API: Api = Api {
    undefined,
    null,
    boolean,
    number,
    string,
    object,
    array,
    global,
    type_of,
    is_array,
    instance_of,
    strict_equals,
    to_boolean,
    to_number,
    to_string,
    to_object,
    string_get,
    get,
    set,
    get_named,
    set_named,
    get_index,
    set_index,
    has_named,
    delete_named,
    keys,
    array_length,
    function,
    call,
    construct,
    error,
    throw_value,
    throw_error,
    throw_type_error,
    exception_pending,
    exception_take,
    reference,
    ref_get,
    ref_release,
    wrap,
    unwrap,
    emit,
    promise,
    promise_resolve,
    promise_reject,
    watch_fd,
    unwatch_fd,
    timer_start,
    timer_stop,
    queue_work,
};

// ---- helpers ----

/// Runs `f` on the current scope for a function that returns a handle (0 on failure).
fn value_op(f: impl for<'gc> FnOnce(&mut Scope<'gc>) -> V) -> V {
    scope::with(f).unwrap_or(0)
}

/// For a function that returns a status (0, or -1 on failure).
fn status_op(f: impl for<'gc> FnOnce(&mut Scope<'gc>) -> i32) -> i32 {
    scope::with(f).unwrap_or(-1)
}

/// A NUL-terminated name from C, as text (invalid UTF-8 becomes U+FFFD); a null pointer
/// leaves a TypeError pending.
fn c_text(scope: &mut Scope<'_>, text: *const c_char, what: &str) -> Option<String> {
    if text.is_null() {
        scope.throw(scope.ctx.type_error(&format!("node addon: {what} is NULL")));
        return None;
    }
    // SAFETY: the header asks for a NUL-terminated string here.
    Some(
        unsafe { CStr::from_ptr(text) }
            .to_string_lossy()
            .into_owned(),
    )
}

/// The values of an argument array from C; a bad handle leaves its exception pending.
fn c_values<'gc>(scope: &mut Scope<'gc>, argc: usize, argv: *const V) -> Option<Vec<Value<'gc>>> {
    if argc == 0 {
        return Some(Vec::new());
    }
    if argv.is_null() {
        scope.throw(scope.ctx.type_error("node addon: argv is NULL"));
        return None;
    }
    // SAFETY: the header asks for `argc` handles at `argv`.
    let handles = unsafe { std::slice::from_raw_parts(argv, argc) };
    handles.iter().map(|&h| scope.value(h)).collect()
}

/// The property key a name means ("0" is an index, as in JavaScript).
fn name_key<'gc>(ctx: Ctx<'gc>, name: &str) -> Result<PropertyKey<'gc>, Throw<'gc>> {
    ops::to_property_key(ctx, ctx.string(name))
}

fn encoding(code: i32) -> Encoding {
    match code {
        1 => Encoding::Ascii,
        2 => Encoding::Binary,
        _ => Encoding::Utf8,
    }
}

/// Calls `object[method](args...)`.
fn invoke<'gc>(
    ctx: Ctx<'gc>,
    object: Value<'gc>,
    method: &str,
    args: &[Value<'gc>],
) -> Result<Value<'gc>, Throw<'gc>> {
    let function = ops::get(ctx, object, ctx.realm().key(ctx, method))?;
    if !function.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error(&format!("node addon: the object has no {method} method")));
    }
    ops::call(ctx, function, object, args)
}

/// `process.Promise`.
fn promise_constructor<'gc>(ctx: Ctx<'gc>) -> Result<Value<'gc>, Throw<'gc>> {
    let global = Value::Object(ctx.realm().global);
    let process = ops::get(ctx, global, ctx.realm().key(ctx, "process"))?;
    ops::get(ctx, process, ctx.realm().key(ctx, "Promise"))
}

// ---- values ----

extern "C" fn undefined(_env: Env) -> V {
    value_op(|s| s.handle(Value::Undefined))
}

extern "C" fn null(_env: Env) -> V {
    value_op(|s| s.handle(Value::Null))
}

extern "C" fn boolean(_env: Env, b: i32) -> V {
    value_op(|s| s.handle(Value::Bool(b != 0)))
}

extern "C" fn number(_env: Env, n: f64) -> V {
    value_op(|s| s.handle(Value::Number(n)))
}

extern "C" fn string(_env: Env, bytes: *const c_char, length: usize, code: i32) -> V {
    value_op(|s| {
        let data: Vec<u8> = if bytes.is_null() {
            if length != 0 {
                s.throw(s.ctx.type_error("node_string: bytes is NULL"));
                return 0;
            }
            Vec::new()
        } else if length == usize::MAX {
            // SAFETY: NODE_NUL_TERMINATED: the header asks for a NUL-terminated string.
            unsafe { CStr::from_ptr(bytes) }.to_bytes().to_vec()
        } else {
            // SAFETY: the header asks for `length` readable bytes at `bytes`.
            unsafe { std::slice::from_raw_parts(bytes.cast::<u8>(), length) }.to_vec()
        };
        let ctx = s.ctx;
        let string = match encoding(code).decode(data) {
            Decoded::Latin1(bytes) => JsString::from_latin1(&ctx, bytes),
            Decoded::Utf16(units) => JsString::from_units(&ctx, &units),
        };
        s.handle(Value::String(string))
    })
}

extern "C" fn object(_env: Env) -> V {
    value_op(|s| {
        let realm = s.ctx.realm();
        let object = engine::object::Object::new(
            &s.ctx,
            Some(realm.object_prototype),
            engine::object::Class::Object,
        );
        s.handle(Value::Object(object))
    })
}

extern "C" fn array(_env: Env, length: u32) -> V {
    value_op(|s| {
        let ctx = s.ctx;
        let array = ctx.realm().new_array(ctx, []);
        let set = ops::put(
            ctx,
            Value::Object(array),
            ctx.realm().atoms.length,
            Value::Number(f64::from(length)),
            true,
        );
        s.result(set.map(|()| Value::Object(array)))
    })
}

extern "C" fn global(_env: Env) -> V {
    value_op(|s| s.handle(Value::Object(s.ctx.realm().global)))
}

// ---- inspection and conversion ----

extern "C" fn type_of(_env: Env, value: V) -> i32 {
    scope::with(|s| match s.value(value) {
        Some(Value::Undefined) | None => 0,
        Some(Value::Null) => 1,
        Some(Value::Bool(_)) => 2,
        Some(Value::Number(_)) => 3,
        Some(Value::String(_)) => 4,
        Some(Value::Object(o)) if o.is_callable() => 6,
        Some(Value::Object(_)) => 5,
    })
    .unwrap_or(0)
}

extern "C" fn is_array(_env: Env, value: V) -> i32 {
    scope::with(|s| {
        let is = s
            .value(value)
            .and_then(Value::as_object)
            .is_some_and(|o| matches!(o.borrow().class, engine::object::Class::Array));
        i32::from(is)
    })
    .unwrap_or(0)
}

extern "C" fn instance_of(_env: Env, value: V, constructor: V) -> i32 {
    status_op(|s| {
        let (Some(v), Some(c)) = (s.value(value), s.value(constructor)) else {
            return -1;
        };
        match ops::instance_of(s.ctx, v, c) {
            Ok(is) => i32::from(is),
            Err(throw) => {
                s.throw(throw);
                -1
            }
        }
    })
}

extern "C" fn strict_equals(_env: Env, a: V, b: V) -> i32 {
    scope::with(|s| match (s.value(a), s.value(b)) {
        (Some(a), Some(b)) => i32::from(ops::strict_equals(s.ctx, a, b)),
        _ => 0,
    })
    .unwrap_or(0)
}

extern "C" fn to_boolean(_env: Env, value: V) -> i32 {
    scope::with(|s| i32::from(s.value(value).is_some_and(|v| v.to_boolean()))).unwrap_or(0)
}

extern "C" fn to_number(_env: Env, value: V, result: *mut f64) -> i32 {
    status_op(|s| {
        let Some(v) = s.value(value) else { return -1 };
        match ops::to_number(s.ctx, v) {
            Ok(n) => {
                if !result.is_null() {
                    // SAFETY: the header asks for a pointer to a double (or NULL).
                    unsafe { *result = n };
                }
                0
            }
            Err(throw) => {
                s.throw(throw);
                -1
            }
        }
    })
}

extern "C" fn to_string(_env: Env, value: V) -> V {
    value_op(|s| {
        let Some(v) = s.value(value) else { return 0 };
        let result = ops::to_string(s.ctx, v).map(Value::String);
        s.result(result)
    })
}

extern "C" fn to_object(_env: Env, value: V) -> V {
    value_op(|s| {
        let Some(v) = s.value(value) else { return 0 };
        let result = ops::to_object(s.ctx, v).map(Value::Object);
        s.result(result)
    })
}

extern "C" fn string_get(
    _env: Env,
    value: V,
    code: i32,
    buffer: *mut c_char,
    size: usize,
) -> usize {
    scope::with(|s| {
        let Some(Value::String(string)) = s.value(value) else {
            return 0;
        };
        let bytes = string.with_units(&s.ctx, |units| encoding(code).encode_units(units));
        if size > 0 && !buffer.is_null() {
            let n = bytes.len().min(size - 1);
            // SAFETY: the header asks for `size` writable bytes at `buffer`; n + 1 <= size.
            unsafe {
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), buffer.cast::<u8>(), n);
                *buffer.add(n) = 0;
            }
        }
        bytes.len()
    })
    .unwrap_or(0)
}

// ---- properties ----

extern "C" fn get(_env: Env, object: V, key: V) -> V {
    value_op(|s| {
        let (Some(o), Some(k)) = (s.value(object), s.value(key)) else {
            return 0;
        };
        let ctx = s.ctx;
        let result = ops::to_property_key(ctx, k).and_then(|k| ops::get(ctx, o, k));
        s.result(result)
    })
}

extern "C" fn set(_env: Env, object: V, key: V, value: V) -> i32 {
    status_op(|s| {
        let (Some(o), Some(k), Some(v)) = (s.value(object), s.value(key), s.value(value)) else {
            return -1;
        };
        let ctx = s.ctx;
        let result = ops::to_property_key(ctx, k).and_then(|k| ops::put(ctx, o, k, v, true));
        s.status(result)
    })
}

extern "C" fn get_named(_env: Env, object: V, name: *const c_char) -> V {
    value_op(|s| {
        let Some(o) = s.value(object) else { return 0 };
        let Some(name) = c_text(s, name, "the name") else {
            return 0;
        };
        let ctx = s.ctx;
        let result = name_key(ctx, &name).and_then(|k| ops::get(ctx, o, k));
        s.result(result)
    })
}

extern "C" fn set_named(_env: Env, object: V, name: *const c_char, value: V) -> i32 {
    status_op(|s| {
        let (Some(o), Some(v)) = (s.value(object), s.value(value)) else {
            return -1;
        };
        let Some(name) = c_text(s, name, "the name") else {
            return -1;
        };
        let ctx = s.ctx;
        let result = name_key(ctx, &name).and_then(|k| ops::put(ctx, o, k, v, true));
        s.status(result)
    })
}

extern "C" fn get_index(_env: Env, object: V, index: u32) -> V {
    value_op(|s| {
        let Some(o) = s.value(object) else { return 0 };
        let ctx = s.ctx;
        let result = ops::to_property_key(ctx, Value::Number(f64::from(index)))
            .and_then(|k| ops::get(ctx, o, k));
        s.result(result)
    })
}

extern "C" fn set_index(_env: Env, object: V, index: u32, value: V) -> i32 {
    status_op(|s| {
        let (Some(o), Some(v)) = (s.value(object), s.value(value)) else {
            return -1;
        };
        let ctx = s.ctx;
        let result = ops::to_property_key(ctx, Value::Number(f64::from(index)))
            .and_then(|k| ops::put(ctx, o, k, v, true));
        s.status(result)
    })
}

extern "C" fn has_named(_env: Env, object: V, name: *const c_char) -> i32 {
    status_op(|s| {
        let Some(o) = s.value(object) else { return -1 };
        let Some(name) = c_text(s, name, "the name") else {
            return -1;
        };
        let Some(o) = o.as_object() else {
            s.throw(s.ctx.type_error("node_has_named: not an object"));
            return -1;
        };
        match name_key(s.ctx, &name) {
            Ok(k) => i32::from(ops::has_property(s.ctx, o, k)),
            Err(throw) => {
                s.throw(throw);
                -1
            }
        }
    })
}

extern "C" fn delete_named(_env: Env, object: V, name: *const c_char) -> i32 {
    status_op(|s| {
        let Some(o) = s.value(object) else { return -1 };
        let Some(name) = c_text(s, name, "the name") else {
            return -1;
        };
        let ctx = s.ctx;
        let result = ops::to_object(ctx, o)
            .and_then(|o| name_key(ctx, &name).and_then(|k| ops::delete(ctx, o, k, true)));
        s.status(result)
    })
}

extern "C" fn keys(_env: Env, object: V) -> V {
    value_op(|s| {
        let Some(o) = s.value(object) else { return 0 };
        let ctx = s.ctx;
        let result = ops::to_object(ctx, o).map(|o| {
            let names = ops::own_keys(o, true)
                .into_iter()
                .map(|k| Value::String(ops::key_to_string(ctx, k)));
            Value::Object(ctx.realm().new_array(ctx, names))
        });
        s.result(result)
    })
}

extern "C" fn array_length(_env: Env, array: V) -> u32 {
    scope::with(|s| {
        let Some(a) = s.value(array) else { return 0 };
        let ctx = s.ctx;
        match ops::get(ctx, a, ctx.realm().atoms.length).and_then(|l| ops::to_number(ctx, l)) {
            Ok(n) if n >= 0.0 && n <= f64::from(u32::MAX) => n as u32,
            Ok(_) => 0,
            Err(throw) => {
                s.throw(throw);
                0
            }
        }
    })
    .unwrap_or(0)
}

// ---- functions ----

extern "C" fn function(
    env: Env,
    name: *const c_char,
    callback: Option<Callback>,
    data: *mut c_void,
) -> V {
    value_op(|s| {
        let Some(callback) = callback else {
            s.throw(s.ctx.type_error("node_function: the callback is NULL"));
            return 0;
        };
        let name = if name.is_null() {
            String::new()
        } else {
            c_text(s, name, "the name").unwrap_or_default()
        };
        let result = super::new_function(s.ctx, &name, callback, data, env);
        s.result(result)
    })
}

extern "C" fn call(_env: Env, function: V, this: V, argc: usize, argv: *const V) -> V {
    value_op(|s| {
        let (Some(f), Some(t)) = (s.value(function), s.value(this)) else {
            return 0;
        };
        let Some(args) = c_values(s, argc, argv) else {
            return 0;
        };
        let result = ops::call(s.ctx, f, t, &args);
        s.result(result)
    })
}

extern "C" fn construct(_env: Env, constructor: V, argc: usize, argv: *const V) -> V {
    value_op(|s| {
        let Some(c) = s.value(constructor) else {
            return 0;
        };
        let Some(args) = c_values(s, argc, argv) else {
            return 0;
        };
        let result = super::construct(s.ctx, c, args);
        s.result(result)
    })
}

// ---- exceptions ----

extern "C" fn error(_env: Env, message: *const c_char) -> V {
    value_op(|s| {
        let Some(message) = c_text(s, message, "the message") else {
            return 0;
        };
        let ctx = s.ctx;
        let error = ctx
            .realm()
            .new_error(ctx, ctx.realm().error_prototype, &message);
        s.handle(Value::Object(error))
    })
}

extern "C" fn throw_value(_env: Env, value: V) {
    scope::with(|s| {
        if let Some(v) = s.value(value) {
            s.exception = Some(v);
        }
    });
}

extern "C" fn throw_error(_env: Env, message: *const c_char) {
    scope::with(|s| {
        if let Some(message) = c_text(s, message, "the message") {
            let throw = s.ctx.error(s.ctx.realm().error_prototype, &message);
            s.throw(throw);
        }
    });
}

extern "C" fn throw_type_error(_env: Env, message: *const c_char) {
    scope::with(|s| {
        if let Some(message) = c_text(s, message, "the message") {
            let throw = s.ctx.type_error(&message);
            s.throw(throw);
        }
    });
}

extern "C" fn exception_pending(_env: Env) -> i32 {
    scope::with(|s| i32::from(s.exception.is_some())).unwrap_or(0)
}

extern "C" fn exception_take(_env: Env) -> V {
    value_op(|s| match s.exception.take() {
        Some(exception) => s.handle(exception),
        None => 0,
    })
}

// ---- references ----

extern "C" fn reference(_env: Env, value: V) -> u64 {
    value_op(|s| match s.value(value) {
        Some(v) => super::refs::new(s.ctx, v),
        None => 0,
    })
}

extern "C" fn ref_get(_env: Env, reference: u64) -> V {
    value_op(|s| match super::refs::get(s.ctx, reference) {
        Some(v) => s.handle(v),
        None => {
            s.throw(s.ctx.type_error("node_ref_get: not a live reference"));
            0
        }
    })
}

extern "C" fn ref_release(_env: Env, reference: u64) {
    // Releasing needs no scope: it only drops a root.
    super::refs::release(reference);
}

// ---- native pointers ----

extern "C" fn wrap(
    env: Env,
    object: V,
    native: *mut c_void,
    finalizer: Option<Finalizer>,
    hint: *mut c_void,
) -> i32 {
    status_op(|s| {
        let Some(o) = s.value(object) else { return -1 };
        let result = wrap::wrap(s.ctx, o, native, finalizer, hint, env);
        s.status(result)
    })
}

extern "C" fn unwrap(_env: Env, object: V) -> *mut c_void {
    scope::with(|s| match s.value(object) {
        Some(o) => wrap::unwrap(s.ctx, o),
        None => std::ptr::null_mut(),
    })
    .unwrap_or(std::ptr::null_mut())
}

// ---- events and promises ----

extern "C" fn emit(
    _env: Env,
    emitter: V,
    event: *const c_char,
    argc: usize,
    argv: *const V,
) -> i32 {
    status_op(|s| {
        let Some(e) = s.value(emitter) else { return -1 };
        let Some(event) = c_text(s, event, "the event name") else {
            return -1;
        };
        let Some(mut args) = c_values(s, argc, argv) else {
            return -1;
        };
        args.insert(0, s.ctx.string(&event));
        let result = invoke(s.ctx, e, "emit", &args);
        s.status(result)
    })
}

extern "C" fn promise(_env: Env) -> V {
    value_op(|s| {
        let ctx = s.ctx;
        let result = promise_constructor(ctx).and_then(|p| super::construct(ctx, p, Vec::new()));
        s.result(result)
    })
}

extern "C" fn promise_resolve(_env: Env, promise: V, argc: usize, argv: *const V) -> i32 {
    fire(promise, "emitSuccess", argc, argv)
}

extern "C" fn promise_reject(_env: Env, promise: V, argc: usize, argv: *const V) -> i32 {
    fire(promise, "emitError", argc, argv)
}

fn fire(promise: V, method: &'static str, argc: usize, argv: *const V) -> i32 {
    status_op(|s| {
        let Some(p) = s.value(promise) else { return -1 };
        let Some(args) = c_values(s, argc, argv) else {
            return -1;
        };
        let result = invoke(s.ctx, p, method, &args);
        s.status(result)
    })
}

// ---- the loop and the pool ----

extern "C" fn watch_fd(
    env: Env,
    fd: i32,
    events: i32,
    callback: Option<FdCallback>,
    data: *mut c_void,
) -> u64 {
    value_op(|s| {
        let Some(callback) = callback else {
            s.throw(s.ctx.type_error("node_watch_fd: the callback is NULL"));
            return 0;
        };
        match events::watch_fd(s.ctx, fd, events, callback, data, env) {
            Ok(id) => id,
            Err(throw) => {
                s.throw(throw);
                0
            }
        }
    })
}

extern "C" fn unwatch_fd(_env: Env, watch: u64) {
    scope::with(|s| events::stop(s.ctx, watch));
}

extern "C" fn timer_start(
    env: Env,
    milliseconds: f64,
    repeat: i32,
    callback: Option<TimerFn>,
    data: *mut c_void,
) -> u64 {
    value_op(|s| {
        let Some(callback) = callback else {
            s.throw(s.ctx.type_error("node_timer_start: the callback is NULL"));
            return 0;
        };
        match events::timer_start(s.ctx, milliseconds, repeat != 0, callback, data, env) {
            Ok(id) => id,
            Err(throw) => {
                s.throw(throw);
                0
            }
        }
    })
}

extern "C" fn timer_stop(_env: Env, timer: u64) {
    scope::with(|s| events::stop(s.ctx, timer));
}

extern "C" fn queue_work(
    env: Env,
    execute: Option<Execute>,
    complete: Option<Complete>,
    data: *mut c_void,
) -> i32 {
    status_op(|s| {
        let (Some(execute), Some(complete)) = (execute, complete) else {
            s.throw(
                s.ctx
                    .type_error("node_queue_work: execute and complete must not be NULL"),
            );
            return -1;
        };
        let result = events::queue_work(s.ctx, execute, complete, data, env);
        s.status(result)
    })
}
