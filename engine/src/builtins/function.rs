//! Function.prototype (ES5.1 15.3.4): `call`, `apply` and `toString`.
//!
//! `call` and `apply` run the target in a nested run of the interpreter (see `vm::ops::call`):
//! the simplest correct form until they become resumable native frames.

use super::arg;
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// 15.3.4.4 Function.prototype.call(thisArg, arg1, ...)
fn call<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    if !this.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error("Function.prototype.call called on a non-function"));
    }
    let rest = args.get(1..).unwrap_or(&[]);
    ops::call(*ctx, this, arg(args, 0), rest)
}

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
    ops::call(ctx, this, arg(args, 0), &list)
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
        _ => "function () { [native code] }".to_string(),
    };
    Ok(ctx.string(&text))
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let prototype = realm.function_prototype;
    realm.define_function(ctx, prototype, "call", call, 1);
    realm.define_function(ctx, prototype, "apply", apply, 2);
    realm.define_function(ctx, prototype, "toString", to_string, 0);
}
