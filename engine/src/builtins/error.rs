//! Error and the six native error types (ES5.1 15.11).

use super::{arg, define_constructor};
use crate::object::{Attributes, Class, Object};
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// The error kinds: global name, and how to find the prototype in the realm.
const KINDS: [&str; 7] = [
    "Error",
    "EvalError",
    "RangeError",
    "ReferenceError",
    "SyntaxError",
    "TypeError",
    "URIError",
];

fn prototype_of<'gc>(ctx: Ctx<'gc>, kind: usize) -> Object<'gc> {
    let realm = ctx.realm();
    match kind {
        1 => realm.eval_error_prototype,
        2 => realm.range_error_prototype,
        3 => realm.reference_error_prototype,
        4 => realm.syntax_error_prototype,
        5 => realm.type_error_prototype,
        6 => realm.uri_error_prototype,
        _ => realm.error_prototype,
    }
}

/// 15.11.1.1 / 15.11.7.2: called or constructed, an error constructor makes a new error whose
/// `message` is the argument converted to a string (absent when the argument is undefined).
/// As in V8, the error records the stack where it was made (its `stack`).
fn construct<'gc>(ctx: Ctx<'gc>, kind: usize, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let error = Object::new(&ctx, Some(prototype_of(ctx, kind)), Class::Error);
    let message = arg(args, 0);
    if !message.is_undefined() {
        let message = ops::to_string(ctx, message)?;
        error.set_own_value(
            &ctx,
            ctx.realm().atoms.message,
            Value::String(message),
            Attributes::HIDDEN,
        );
    }
    ctx.capture_stack(error, None);
    Ok(Value::Object(error))
}

macro_rules! constructors {
    ($($name:ident = $kind:expr;)*) => {
        $(fn $name<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
            construct(*ctx, $kind, args)
        })*
        const CONSTRUCTORS: [crate::object::NativeFn; 7] = [$($name),*];
        /// `Error` itself, which the realm makes (it holds `Error.stackTraceLimit`).
        pub(crate) const ERROR_CONSTRUCTOR: crate::object::NativeFn = CONSTRUCTORS[0];
    };
}

constructors! {
    error = 0;
    eval_error = 1;
    range_error = 2;
    reference_error = 3;
    syntax_error = 4;
    type_error = 5;
    uri_error = 6;
}

/// 15.11.4.4 Error.prototype.toString
fn to_string<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1-2. If Type(O) is not Object, throw a TypeError.
    if this.as_object().is_none() {
        return Err(ctx.type_error("Error.prototype.toString called on a non-object"));
    }
    let atoms = &ctx.realm().atoms;
    // 3-4. name defaults to "Error".
    let name = match ops::get(ctx, this, atoms.name)? {
        Value::Undefined => "Error".to_string(),
        v => ops::to_string(ctx, v)?.to_rust_string(&ctx),
    };
    // 5-6. message defaults to "".
    let message = match ops::get(ctx, this, atoms.message)? {
        Value::Undefined => String::new(),
        v => ops::to_string(ctx, v)?.to_rust_string(&ctx),
    };
    // 7-9.
    let text = match (name.is_empty(), message.is_empty()) {
        (true, _) => message,
        (_, true) => name,
        _ => format!("{name}: {message}"),
    };
    Ok(ctx.string(&text))
}

/// V8's `Error.captureStackTrace(object, fn)`: sets `object.stack` to the current stack
/// trace, leaving out the frames above and including the topmost call of `fn` (so a custom
/// error type's constructor does not show itself).
fn capture_stack_trace<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let Some(object) = arg(args, 0).as_object() else {
        return Err(ctx.type_error("Error.captureStackTrace needs an object"));
    };
    ctx.capture_stack(object, arg(args, 1).as_object());
    Ok(Value::Undefined)
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let mut error_constructor = None;
    for (kind, name) in KINDS.iter().enumerate() {
        let prototype = prototype_of(ctx, kind);
        let constructor = match kind {
            // The realm made `Error` already (the stack traces read its `stackTraceLimit`).
            0 => {
                let error = realm.error_constructor;
                error.set_own_value(
                    &ctx,
                    realm.atoms.length,
                    Value::Number(1.0),
                    Attributes::new(false, false, true),
                );
                error
            }
            _ => realm.native_function(ctx, CONSTRUCTORS[kind], 1, true),
        };
        define_constructor(ctx, name, constructor, prototype);
        // ES2015 (19.5.6.1): each native error constructor inherits from Error, as test262's
        // ES5 tests check through Object.getPrototypeOf.
        match error_constructor {
            None => error_constructor = Some(constructor),
            Some(error) => constructor.borrow_mut(&ctx).set_prototype(Some(error)),
        }
        prototype.set_own_value(&ctx, realm.atoms.name, ctx.string(name), Attributes::HIDDEN);
        prototype.set_own_value(
            &ctx,
            realm.atoms.message,
            ctx.string(""),
            Attributes::HIDDEN,
        );
    }
    realm.define_function(ctx, realm.error_prototype, "toString", to_string, 0);
    // V8's stack-trace API.
    let error = realm.error_constructor;
    realm.define_function(ctx, error, "captureStackTrace", capture_stack_trace, 2);
    let limit = realm.key(ctx, "stackTraceLimit");
    error.set_own_value(&ctx, limit, Value::Number(10.0), Attributes::ALL);
}
