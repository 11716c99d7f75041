//! Function.prototype (ES5.1 15.3.4): `call`, `apply`, `toString` and `bind`.
//!
//! `call` and `apply` end in a tail call (`Ctx::tail_call`): the target gets an ordinary frame
//! of the interpreter, with no nested run.

use super::arg;
use crate::object::BoundFunction;
use crate::object::{Attributes, Class, NativeFn, Object};
use crate::source::{Source, SourceText};
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};
use std::rc::Rc;

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// 15.3.4.4 Function.prototype.call(thisArg, arg1, ...)
fn call<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    if !this.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error("Function.prototype.call called on a non-function"));
    }
    let rest = args.get(1..).unwrap_or(&[]);
    ctx.tail_call(this, arg(args, 0), rest.to_vec())
}

/// `Function.prototype.call` and `apply`, which the interpreter recognises: called from
/// JavaScript, it does their work on its own stack instead (see `vm/frame.rs`), and these
/// natives run only when something else calls them.
pub(crate) const CALL: NativeFn = call;
pub(crate) const APPLY: NativeFn = apply;

/// The most arguments `apply` spreads: more is a `RangeError`, as in V8 (an array-like with a
/// length of four billion would otherwise fill memory before the call).
pub(crate) const MAX_APPLY_ARGUMENTS: u32 = 1 << 22;

/// 15.3.4.3 Function.prototype.apply(thisArg, argArray)
fn apply<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    if !this.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error("Function.prototype.apply called on a non-function"));
    }
    let list = match arg(args, 1) {
        Value::Undefined | Value::Null => Vec::new(),
        Value::Object(array) => {
            // 4-8. The arguments are argArray[0 .. ToUint32(argArray.length)).
            let length = ops::get(ctx, Value::Object(array), ctx.realm().atoms.length)?;
            let length = crate::convert::to_uint32(ops::to_number(ctx, length)?);
            if length > MAX_APPLY_ARGUMENTS {
                return Err(ctx.range_error("Maximum call stack size exceeded"));
            }
            (0..length)
                .map(|i| {
                    ops::get(
                        ctx,
                        Value::Object(array),
                        crate::object::PropertyKey::Index(i),
                    )
                })
                .collect::<Result<Vec<_>, _>>()?
        }
        _ => return Err(ctx.type_error("CreateListFromArrayLike called on non-object")),
    };
    ctx.tail_call(this, arg(args, 0), list)
}

/// 15.3.4.5 Function.prototype.bind(thisArg [, arg1 [, arg2, ...]])
fn bind<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let realm = ctx.realm();
    // 1. Let Target be the this value.
    // 2. If IsCallable(Target) is false, throw a TypeError exception.
    let Some(target) = this.as_object().filter(|f| f.is_callable()) else {
        return Err(ctx.type_error("Bind must be called on a function"));
    };
    // 3. Let A be a new (possibly empty) internal list of all of the argument values provided
    //    after thisArg (arg1, arg2 etc), in order.
    let bound_args: Box<[Value<'gc>]> = args.get(1..).unwrap_or(&[]).into();
    // 14-15. If the [[Class]] internal property of Target is "Function", the length is the
    //        length property of Target minus the length of A, or 0 if that is negative.
    //        (Every callable object here has [[Class]] "Function".)
    let length = match ops::get(ctx, this, realm.atoms.length)? {
        Value::Number(n) if n.is_finite() => (n.trunc() - bound_args.len() as f64).max(0.0),
        Value::Number(n) if n == f64::INFINITY => n,
        _ => 0.0,
    };
    // ES2015 19.2.3.2 steps 10-11: the name is "bound " and the target's name (if a string).
    let target_name = match ops::get(ctx, this, realm.atoms.name)? {
        Value::String(name) => name.to_rust_string(&ctx),
        _ => String::new(),
    };
    // 4-13. Let F be a new native ECMAScript object whose [[Class]] is "Function", whose
    //       [[Prototype]] is the standard Function prototype object, and whose [[Call]],
    //       [[Construct]] and [[HasInstance]] use [[TargetFunction]] Target,
    //       [[BoundThis]] thisArg and [[BoundArgs]] A (see `Executor::call`,
    //       `construct_this` and `ops::instance_of`).
    let function = Object::new(
        &ctx,
        Some(realm.function_prototype),
        Class::Bound(Box::new(BoundFunction {
            target,
            this: arg(args, 0),
            args: bound_args,
        })),
    );
    // 16. Call the [[DefineOwnProperty]] internal method of F with arguments "length",
    //     PropertyDescriptor {[[Value]]: L, [[Writable]]: false, [[Enumerable]]: false,
    //     [[Configurable]]: false}, and false.
    // (ES2015 makes it configurable, as test262 expects.)
    function.set_own_value(
        &ctx,
        realm.atoms.length,
        Value::Number(length),
        Attributes::new(false, false, true),
    );
    realm.set_function_name(ctx, function, ctx.string(&format!("bound {target_name}")));
    // 17. Set the [[Extensible]] internal property of F to true. (Objects start extensible.)
    // 18-20. Let thrower be the [[ThrowTypeError]] function Object (13.2.3); define "caller"
    //        and "arguments" as accessors {[[Get]]: thrower, [[Set]]: thrower,
    //        [[Enumerable]]: false, [[Configurable]]: false}.
    realm.define_thrower(ctx, function, realm.atoms.caller);
    realm.define_thrower(ctx, function, realm.atoms.arguments);
    // 21. Return F.
    Ok(Value::Object(function))
}

/// 15.3.4.2 Function.prototype.toString: the function's source text, or a native stand-in.
fn to_string<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let Some(function) = this.as_object().filter(|f| f.is_callable()) else {
        return Err(
            ctx.type_error("Function.prototype.toString requires that 'this' be a Function")
        );
    };
    let text = match &function.borrow().class {
        crate::object::Class::Closure(closure) => closure.code.source_text(),
        crate::object::Class::Arrow(arrow) => arrow.closure.code.source_text(),
        _ => return Ok(ctx.string("function () { [native code] }")),
    };
    Ok(Value::String(JsString::from_units(ctx, &text)))
}

/// 15.3.2.1 `Function(p1, p2, ..., body)`, called or constructed: a new function from source
/// text, in the global scope.
fn function_constructor<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1-5. The parameters are the arguments before the last, joined with commas; the last is
    // the body. Their code units are kept as they are, lone surrogates included (see
    // `crate::source`).
    let mut texts = Vec::with_capacity(args.len());
    for value in args {
        texts.push(SourceText::from_string(&ctx, ops::to_string(ctx, *value)?));
    }
    let body = texts.pop().unwrap_or_default();
    let mut parts = Vec::with_capacity(2 * texts.len());
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            parts.push(Source::from(","));
        }
        parts.push(text.as_source());
    }
    let parameters = SourceText::concat(&parts);
    let (parameters, body) = (parameters.as_source(), body.as_source());
    // The parameter list and the body are checked separately first, so that text such as
    // `"){ ... }(function("` cannot close the function early and smuggle in more code.
    let syntax_error = |message: &str| ctx.error(ctx.realm().syntax_error_prototype, message);
    let arena = bumpalo::Bump::new();
    let params_only = SourceText::concat(&["(function (".into(), parameters, "\n) {})".into()]);
    let body_only = SourceText::concat(&["(function () {\n".into(), body, "\n})".into()]);
    for text in [&params_only, &body_only] {
        let program = crate::parse_program(text, &arena).map_err(|e| syntax_error(&e.message))?;
        if program.body.len() != 1 {
            return Err(syntax_error("Invalid function source"));
        }
    }
    let source = SourceText::concat(&[
        "(function anonymous(".into(),
        parameters,
        "\n) {\n".into(),
        body,
        "\n})".into(),
    ]);
    let program = crate::parse_program(&source, &arena).map_err(|e| syntax_error(&e.message))?;
    let proto = crate::compiler::compile_script(&program, &source.text)
        .map_err(|e| syntax_error(&e.message))?;
    let code = crate::vm::Code::load(ctx, proto, Rc::new(source), "Function".into());
    let script = crate::vm::Closure::new_function(ctx, code, None);
    ops::call(ctx, Value::Object(script), Value::Undefined, &[])
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let constructor = realm.native_function(ctx, function_constructor, 1, true);
    super::define_constructor(ctx, "Function", constructor, realm.function_prototype);
    let prototype = realm.function_prototype;
    realm.define_functions(
        ctx,
        prototype,
        &[
            ("call", call, 1),
            ("apply", apply, 2),
            ("toString", to_string, 0),
            ("bind", bind, 1),
        ],
    );
    // V8's `f.caller` in sloppy code (see `vm/caller.rs`); the interpreter answers reads of
    // this accessor. Assignments are ignored, as V8 ignored them.
    prototype.set_own(
        &ctx,
        realm.atoms.caller,
        crate::object::Property {
            slot: crate::object::Slot::Accessor {
                get: Some(realm.function_caller),
                set: None,
            },
            attributes: Attributes::new(false, false, true),
        },
    );
}
