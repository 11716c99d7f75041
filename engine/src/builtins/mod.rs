//! The standard library (ES5.1 chapter 15), one module per global, plus `self_hosted` (the
//! loader of the parts written in JavaScript, `js/`) and `merge_sort` (the sort under
//! `Array.prototype.sort`).
//!
//! [`install`] runs once when an engine is made: it fills the realm's intrinsic objects with
//! their methods and puts the constructors and values on the global object.
//!
//! ## Writing a builtin
//! A builtin is a [`NativeFn`](crate::object::NativeFn):
//! `fn(&Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Throw<'gc>>`.
//! - Conversions and property access go through `vm::ops` (`to_number`, `to_string`,
//!   `to_object`, `to_property_key`, `get`, `put`, `delete`, `has_property`, `call`), which
//!   implement the spec's abstract operations, accessors and array `length` included.
//! - Errors: `ctx.type_error("...")`, `ctx.range_error`, `ctx.reference_error`, or
//!   `ctx.error(prototype, "...")` for the other kinds; return them as `Err`.
//! - Register methods from a table, `realm.define_functions(ctx, target, &[(name, f,
//!   length), ...])` (each writable, configurable, not enumerable, as chapter 15 says), and
//!   constructors with `define_constructor`.
//! - Each method's body carries the spec's steps as comments (`// 1. Let O be ToObject(this)`).
//! - `vm::ops::call` runs a JavaScript callback in a nested run of the interpreter: the
//!   collector cannot run until it returns. That is fine for a single call (a `toJSON`, a
//!   `valueOf`), not for a loop of callbacks over a large array: those methods (`forEach`,
//!   `map`, ...) are written in JavaScript instead (self-hosted, see `js/`), and `sort`'s
//!   comparisons are made by a resumable native (`merge_sort.rs`, see `vm::resumable`), so
//!   their callbacks are ordinary calls the interpreter can pause between.
//! - A native whose last step is a call (`call`, `apply`, indirect `eval`, `toLocaleString`)
//!   returns `ctx.tail_call(function, this, args)`: the interpreter gives that function a
//!   frame of its own, as if the script had called it, so it can run for long, let the
//!   collector in, and be suspended by `promise.wait()`.

mod array;
mod array_buffer;
mod boolean;
mod data_view;
mod date;
pub(crate) mod deferred;
pub(crate) mod error;
pub(crate) mod function;
mod global;
mod json;
mod math;
mod merge_sort;
mod number;
mod object;
pub mod regexp;
mod self_hosted;
mod string;
mod typed_array;

use crate::object::{Attributes, Object};
use crate::value::Value;
use crate::vm::Ctx;

/// Fills the global object and the intrinsics.
pub fn install(ctx: Ctx<'_>) {
    global::install(ctx);
    object::install(ctx);
    function::install(ctx);
    error::install(ctx);
    array::install(ctx);
    string::install(ctx);
    number::install(ctx);
    boolean::install(ctx);
    math::install(ctx);
    json::install(ctx);
    regexp::install(ctx);
    // `Date`, `ArrayBuffer`, `DataView` and the typed arrays: when first needed.
    ctx.realm().global.set_deferred_builtins(&ctx, true);
    // Last: the self-hosted library may use everything above.
    self_hosted::install(ctx);
}

/// Links `constructor` and `prototype` both ways: `constructor.prototype` (read-only, hidden,
/// permanent) and `prototype.constructor` (hidden).
pub(crate) fn link_constructor<'gc>(
    ctx: Ctx<'gc>,
    constructor: Object<'gc>,
    prototype: Object<'gc>,
) {
    let realm = ctx.realm();
    // One of a kind, like the prototype: dictionary mode (see `Object::new_dictionary`).
    constructor.borrow_mut(&ctx).properties.to_dictionary();
    constructor.set_own_value(
        &ctx,
        realm.atoms.prototype,
        Value::Object(prototype),
        Attributes::NONE,
    );
    prototype.set_own_value(
        &ctx,
        realm.atoms.constructor,
        Value::Object(constructor),
        Attributes::HIDDEN,
    );
}

/// Defines a constructor `name` on the global object, linked both ways with `prototype`.
pub(crate) fn define_constructor<'gc>(
    ctx: Ctx<'gc>,
    name: &str,
    constructor: Object<'gc>,
    prototype: Object<'gc>,
) {
    let realm = ctx.realm();
    realm.set_function_name(ctx, constructor, ctx.string(name));
    link_constructor(ctx, constructor, prototype);
    let key = realm.key(ctx, name);
    realm
        .global
        .set_own_value(&ctx, key, Value::Object(constructor), Attributes::HIDDEN);
}

/// Argument `i`, or `undefined`.
#[inline]
pub(crate) fn arg<'gc>(args: &[Value<'gc>], i: usize) -> Value<'gc> {
    args.get(i).copied().unwrap_or(Value::Undefined)
}

/// Parses and compiles `text` as eval code (15.1.2.1) and loads it. `strict_caller`: the
/// direct eval is in strict code.
///
/// # Errors
/// A SyntaxError object for code that does not parse.
pub fn compile_eval_code<'gc>(
    ctx: Ctx<'gc>,
    text: crate::string::JsString<'gc>,
    strict_caller: bool,
    origin: std::rc::Rc<str>,
) -> Result<gc_arena::Gc<'gc, crate::vm::Code<'gc>>, crate::vm::Throw<'gc>> {
    // The string's code units as they are, lone surrogates included (see `crate::source`).
    let source = crate::source::SourceText::from_string(&ctx, text);
    let arena = bumpalo::Bump::new();
    let syntax_error =
        |e: crate::SyntaxError| ctx.error(ctx.realm().syntax_error_prototype, &e.message);
    let program = crate::parser::parse_program_syntax(&source, &arena).map_err(syntax_error)?;
    crate::early_errors::check_code(&program, strict_caller).map_err(syntax_error)?;
    let proto = crate::compiler::compile_eval(&program, &source.text, strict_caller)
        .map_err(syntax_error)?;
    Ok(crate::vm::Code::load(
        ctx,
        proto,
        std::rc::Rc::new(source),
        origin,
    ))
}

/// The global `eval` called other than directly (15.1.2.1): eval code in the global scope.
pub fn indirect_eval<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> Result<Value<'gc>, crate::vm::Throw<'gc>> {
    let ctx = *ctx;
    let Value::String(text) = arg(args, 0) else {
        return Ok(arg(args, 0));
    };
    let code = compile_eval_code(ctx, text, false, "eval".into())?;
    let function = crate::vm::Closure::new_function(ctx, code, None);
    ctx.tail_call(
        Value::Object(function),
        Value::Object(ctx.realm().global),
        Vec::new(),
    )
}
