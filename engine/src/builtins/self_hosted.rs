//! The parts of the standard library written in JavaScript (`js/*.js`).
//!
//! Each file is a function expression, called with the helpers it needs (natives that do what
//! user code must not be able to intercept: defining hidden properties, ToObject, ToUint32,
//! ...). It is loaded on first use: until then each of its methods is a native stand-in
//! which, when called, loads the library and calls the real method. Loading turns each
//! stand-in into the library's closure (the same object), so a script never sees two
//! different `Array.prototype.map`s — and a script that uses none of them does not pay for
//! compiling the library at start-up.

use super::arg;
use crate::bytecode::FunctionProto;
use crate::object::{Attributes, Class, Object, Property, PropertyKey, Slot};
use crate::value::Value;
use crate::vm::{ops, Closure, Code, Ctx, Throw};
use std::rc::Rc;
use std::sync::OnceLock;

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// The self-hosted library's sources, in the order they are installed.
const SOURCES: [(&str, &str); 2] = [
    ("array.js", include_str!("js/array.js")),
    ("typed_array.js", include_str!("js/typed_array.js")),
];

/// The compiled library, shared by every engine of the process.
static COMPILED: OnceLock<Vec<FunctionProto>> = OnceLock::new();

fn compiled() -> &'static [FunctionProto] {
    COMPILED.get_or_init(|| {
        SOURCES
            .iter()
            .filter_map(|(name, source)| {
                let arena = bumpalo::Bump::new();
                let program = crate::parse_program(*source, &arena)
                    .map_err(|e| eprintln!("internal error in {name}: {e}"))
                    .ok()?;
                crate::compiler::compile_builtin(&program, source)
                    .map_err(|e| eprintln!("internal error in {name}: {e}"))
                    .ok()
            })
            .collect()
    })
}

/// Which prototype a self-hosted method belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Home {
    /// `Array.prototype` (`js/array.js`).
    Array,
    /// `%TypedArray%.prototype` (`js/typed_array.js`).
    TypedArray,
}

/// The methods the library defines, with their `length`, in the order of
/// `Realm::self_hosted`.
const LAZY: [(Home, &str, u32); 19] = [
    (Home::Array, "forEach", 1),
    (Home::Array, "map", 1),
    (Home::Array, "filter", 1),
    (Home::Array, "some", 1),
    (Home::Array, "every", 1),
    (Home::Array, "reduce", 1),
    (Home::Array, "reduceRight", 1),
    (Home::Array, "sort", 1),
    (Home::TypedArray, "forEach", 1),
    (Home::TypedArray, "map", 1),
    (Home::TypedArray, "filter", 1),
    (Home::TypedArray, "some", 1),
    (Home::TypedArray, "every", 1),
    (Home::TypedArray, "find", 1),
    (Home::TypedArray, "findIndex", 1),
    (Home::TypedArray, "reduce", 1),
    (Home::TypedArray, "reduceRight", 1),
    (Home::TypedArray, "sort", 1),
    (Home::TypedArray, "toLocaleString", 0),
];

/// The prototype `home` names.
fn home_object<'gc>(ctx: Ctx<'gc>, home: Home) -> Object<'gc> {
    match home {
        Home::Array => ctx.realm().array_prototype,
        Home::TypedArray => ctx.realm().typed_array_prototype,
    }
}

/// The stand-in for method `K` of [`LAZY`]: loads the library, then calls the method it made.
fn stand_in<'gc, const K: usize>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    load(*ctx);
    let method = ctx.realm().self_hosted.borrow().get(K).copied();
    match method {
        Some(method) if !matches!(method.borrow().class, Class::Native { .. }) => {
            ctx.tail_call(Value::Object(method), this, args.to_vec())
        }
        _ => Err(ctx.type_error("internal error: the self-hosted library did not load")),
    }
}

/// `define(object, name, function, length)`: installs a self-hosted method as builtins are:
/// hidden, with the given `length` and without the `prototype` a JS function gets. A method
/// with a stand-in becomes that stand-in (see the module's comment).
fn define<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let (Some(target), Some(function)) = (arg(args, 0).as_object(), arg(args, 2).as_object())
    else {
        return Err(ctx.type_error("define: bad arguments"));
    };
    let name = ops::to_string(ctx, arg(args, 1))?.to_rust_string(&ctx);
    let stand_in = LAZY
        .iter()
        .position(|&(home, n, _)| n == name && home_object(ctx, home) == target)
        .and_then(|k| ctx.realm().self_hosted.borrow().get(k).copied());
    if let Some(stand_in) = stand_in {
        let class = std::mem::replace(&mut function.borrow_mut(&ctx).class, Class::Object);
        stand_in.borrow_mut(&ctx).class = class;
        return Ok(Value::Undefined);
    }
    let key = ops::to_property_key(ctx, arg(args, 1))?;
    let length = ops::to_number(ctx, arg(args, 3))?;
    let atoms = &ctx.realm().atoms;
    function.remove_own(&ctx, atoms.prototype);
    function.set_lazy_prototype(&ctx, false);
    function.set_own_value(
        &ctx,
        atoms.length,
        Value::Number(length),
        Attributes::new(false, false, true),
    );
    let name = Value::String(ops::key_to_string(ctx, key));
    ctx.realm().set_function_name(ctx, function, name);
    target.set_own_value(&ctx, key, Value::Object(function), Attributes::HIDDEN);
    Ok(Value::Undefined)
}

fn to_object<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(Value::Object(ops::to_object(*ctx, arg(args, 0))?))
}

/// ES2015's ToLength (7.1.15): ToInteger, clamped to 0 ..= 2^53 - 1.
fn to_length<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let n = crate::convert::to_integer(ops::to_number(*ctx, arg(args, 0))?);
    Ok(Value::Number(n.clamp(0.0, 9_007_199_254_740_991.0)))
}

fn to_string<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(Value::String(ops::to_string(*ctx, arg(args, 0))?))
}

fn is_callable<'gc>(_ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(Value::Bool(
        arg(args, 0).as_object().is_some_and(|f| f.is_callable()),
    ))
}

/// `defineElement(array, index, value)`: `[[DefineOwnProperty]]` of a plain data element, what
/// `map` and `filter` do to their results (an assignment would run setters on the prototype).
fn define_element<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    let Some(target) = arg(args, 0).as_object() else {
        return Err(ctx.type_error("defineElement: not an object"));
    };
    let key = ops::to_property_key(ctx, arg(args, 1))?;
    // A new element of an array (what `map` and `filter` make): the definition is an
    // addition, as in an assignment that finds nothing to call.
    let is_array = matches!(target.borrow().class, crate::object::Class::Array);
    if is_array && target.own_property(ctx, key).is_none() {
        return ops::add_property(ctx, target, key, arg(args, 2), true).map(|()| Value::Undefined);
    }
    let descriptor = ops::PropertyDescriptor::data(arg(args, 2), Attributes::ALL);
    ops::define_own_property(ctx, target, key, &descriptor, true)?;
    Ok(Value::Undefined)
}

/// `sortPrimitives(values, count)`: sorts the elements 0 .. count of the library's own scratch
/// array by the default order of `Array.prototype.sort` (15.4.4.11 SortCompare without a
/// comparator: ToString of each, compared by code units), stably. Only when every element is
/// a primitive, whose ToString runs no user code; otherwise it returns `false` and touches
/// nothing, and the caller sorts in JavaScript.
fn sort_primitives<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    let Some(values) = arg(args, 0).as_object() else {
        return Err(ctx.type_error("sortPrimitives: not an object"));
    };
    let count = ops::to_number(ctx, arg(args, 1))? as u32;
    let mut keyed = Vec::with_capacity(count as usize);
    for i in 0..count {
        let value = match values.own_property(ctx, PropertyKey::Index(i)) {
            Some(Property {
                slot: Slot::Data(value),
                ..
            }) if !matches!(value, Value::Object(_)) => value,
            _ => return Ok(Value::Bool(false)),
        };
        keyed.push((ops::to_string(ctx, value)?.to_units(&ctx), value));
    }
    // A stable sort, so equal strings keep their order (as the merge sort would).
    keyed.sort_by(|(a, _), (b, _)| a.cmp(b));
    for (i, (_, value)) in keyed.into_iter().enumerate() {
        values.set_own_value(&ctx, PropertyKey::Index(i as u32), value, Attributes::ALL);
    }
    Ok(Value::Bool(true))
}

/// Puts the stand-ins of the library's methods in place (see the module's comment).
pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let stand_ins: [crate::object::NativeFn; 19] = [
        stand_in::<0>,
        stand_in::<1>,
        stand_in::<2>,
        stand_in::<3>,
        stand_in::<4>,
        stand_in::<5>,
        stand_in::<6>,
        stand_in::<7>,
        stand_in::<8>,
        stand_in::<9>,
        stand_in::<10>,
        stand_in::<11>,
        stand_in::<12>,
        stand_in::<13>,
        stand_in::<14>,
        stand_in::<15>,
        stand_in::<16>,
        stand_in::<17>,
        stand_in::<18>,
    ];
    let mut methods = realm.self_hosted.borrow_mut(&ctx);
    for ((home, name, length), function) in LAZY.iter().zip(stand_ins) {
        let target = home_object(ctx, *home);
        let method = realm.define_function(ctx, target, name, function, *length);
        methods.push(method);
    }
}

/// Runs each library file and hands it its helpers, once per engine.
fn load(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let loaded = realm
        .self_hosted
        .borrow()
        .first()
        .is_some_and(|m| !matches!(m.borrow().class, Class::Native { .. }));
    if loaded {
        return;
    }
    let helpers: Vec<Value<'_>> = [
        realm.array_prototype,
        realm.native_function(ctx, define, 4, false),
        realm.native_function(ctx, to_object, 1, false),
        realm.native_function(ctx, to_length, 1, false),
        realm.native_function(ctx, to_string, 1, false),
        realm.native_function(ctx, is_callable, 1, false),
    ]
    .into_iter()
    .map(Value::Object)
    .chain(std::iter::once(
        realm
            .global
            .own_property(ctx, realm.key(ctx, "TypeError"))
            .and_then(|p| match p.slot {
                crate::object::Slot::Data(v) => Some(v),
                _ => None,
            })
            .unwrap_or(Value::Undefined),
    ))
    .chain(std::iter::once(Value::Object(realm.native_function(
        ctx,
        define_element,
        3,
        false,
    ))))
    .chain(std::iter::once(Value::Object(realm.native_function(
        ctx,
        sort_primitives,
        2,
        false,
    ))))
    .chain(std::iter::once(Value::Object(realm.native_function(
        ctx,
        super::merge_sort::merge_sort,
        3,
        false,
    ))))
    .chain(std::iter::once(Value::Object(realm.typed_array_prototype)))
    .chain(
        super::typed_array::SELF_HOSTED_HELPERS
            .iter()
            .map(|&(f, length)| Value::Object(realm.native_function(ctx, f, length, false))),
    )
    .collect();
    for ((name, source), proto) in SOURCES.iter().zip(compiled()) {
        let code = Code::load(
            ctx,
            proto.clone(),
            Rc::new((*source).into()),
            Rc::from(*name),
        );
        let script: Object<'_> = Closure::new_function(ctx, code, None);
        let result = ops::call(ctx, Value::Object(script), Value::Undefined, &[])
            .and_then(|library| ops::call(ctx, library, Value::Undefined, &helpers));
        if let Err(Throw(error)) = result {
            eprintln!(
                "internal error in {name}: {}",
                ops::display_string(ctx, error)
            );
        }
    }
}
