//! Native pointers kept in JavaScript objects (`node_wrap`, `node_unwrap`: the role of
//! node's `ObjectWrap`), with a finalizer that runs after the object has been collected.
//!
//! Each wrap is numbered; the object keeps its number in a hidden, read-only, permanent
//! property, and the engine is asked to hand the number back once the object is collected
//! (`Ctx::on_collected`). The loop then runs the finalizer ([`run_finalizers`]), in a scope
//! of its own: the object is gone, the finalizer may use the rest of the API.

use super::{scope, NodeEnv};
use engine::object::{Attributes, Object, Property, PropertyKey};
use engine::value::Value;
use engine::vm::{Ctx, Engine, Throw};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::ffi::c_void;

/// `node_finalizer`.
// SAFETY: `unsafe` because it is C code an addon gave us: calling it is sound only with the
// pointers it was registered with (wrap.rs keeps them together); unavoidable for an FFI callback.
pub type Finalizer =
    unsafe extern "C" fn(env: *mut NodeEnv, native: *mut c_void, hint: *mut c_void);

struct Wrap {
    native: *mut c_void,
    finalizer: Option<Finalizer>,
    hint: *mut c_void,
    env: *mut NodeEnv,
    /// The object's address, checked by `unwrap`: the number alone could be copied to
    /// another object by a script.
    address: usize,
}

#[derive(Default)]
struct Wraps {
    live: FxHashMap<u64, Wrap>,
    next: u64,
}

thread_local! {
    static WRAPS: RefCell<Wraps> = RefCell::default();
}

/// The hidden property holding the wrap's number.
fn key<'gc>(ctx: Ctx<'gc>) -> PropertyKey<'gc> {
    ctx.realm().key(ctx, "\u{0}node_addon_wrap")
}

/// Keeps `native` in `object`.
pub fn wrap<'gc>(
    ctx: Ctx<'gc>,
    object: Value<'gc>,
    native: *mut c_void,
    finalizer: Option<Finalizer>,
    hint: *mut c_void,
    env: *mut NodeEnv,
) -> Result<(), Throw<'gc>> {
    let Some(object) = object.as_object() else {
        return Err(ctx.type_error("node_wrap: not an object"));
    };
    if object.own_property(ctx, key(ctx)).is_some() {
        return Err(ctx.type_error("node_wrap: the object already wraps a native pointer"));
    }
    if !object.borrow().extensible {
        return Err(ctx.type_error("node_wrap: the object is not extensible"));
    }
    let id = WRAPS.with_borrow_mut(|w| {
        w.next += 1;
        w.live.insert(
            w.next,
            Wrap {
                native,
                finalizer,
                hint,
                env,
                address: object.address(),
            },
        );
        w.next
    });
    let property = Property::data(Value::Number(id as f64), Attributes::NONE);
    object.set_own(&ctx, key(ctx), property);
    ctx.on_collected(object, id);
    Ok(())
}

/// The pointer `object` wraps, or null.
pub fn unwrap<'gc>(ctx: Ctx<'gc>, object: Value<'gc>) -> *mut c_void {
    let Some(object) = object.as_object() else {
        return std::ptr::null_mut();
    };
    number_of(ctx, object)
        .and_then(|id| {
            WRAPS.with_borrow(|w| {
                w.live
                    .get(&id)
                    .filter(|wrap| wrap.address == object.address())
                    .map(|wrap| wrap.native)
            })
        })
        .unwrap_or(std::ptr::null_mut())
}

fn number_of<'gc>(ctx: Ctx<'gc>, object: Object<'gc>) -> Option<u64> {
    match object.own_property(ctx, key(ctx))?.slot {
        engine::object::Slot::Data(Value::Number(n)) => Some(n as u64),
        _ => None,
    }
}

/// Runs the finalizers of the wrapped objects collected since last time, and frees the
/// numbers of collected C functions (the loop calls this after every event).
/// With `--trace-gc`, says how many ran.
pub fn run_finalizers(engine: &mut Engine) {
    let mut ran = 0;
    for id in engine.take_collected() {
        if id & super::FUNCTION_TOKEN != 0 {
            super::forget_function(id & !super::FUNCTION_TOKEN);
            continue;
        }
        let Some(wrap) = WRAPS.with_borrow_mut(|w| w.live.remove(&id)) else {
            continue;
        };
        let Some(finalizer) = wrap.finalizer else {
            continue;
        };
        ran += 1;
        engine.mutate(|ctx| {
            scope::run(
                ctx,
                |_| (),
                |()| {
                    // SAFETY: the finalizer and its arguments are what the addon gave
                    // node_wrap, called once, after the object is gone, as the header says.
                    unsafe { finalizer(wrap.env, wrap.native, wrap.hint) };
                    0
                },
                |scope, _| {
                    if let Some(exception) = scope.exception.take() {
                        let text = engine::vm::display(ctx, exception);
                        crate::output::stderr(&format!(
                            "node: an addon's finalizer threw (ignored): {text}\n"
                        ));
                    }
                },
            );
        });
    }
    if ran > 0 && engine.trace_gc {
        crate::output::stderr(&format!("[gc] {ran} addon finalizers run\n"));
    }
}
