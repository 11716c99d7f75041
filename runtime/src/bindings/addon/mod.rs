//! Addons: `.node` shared objects, loaded with `libloading`, speaking the C ABI of
//! include/node_addon.h (docs/addons.md says how to write one).
//!
//! `require` finds `name.node` along `require.paths` as it finds `name.js`, and calls
//! `process._binding("addon").load(filename, exports)` (stdlib/node.js), which loads the library, checks
//! the ABI version it exports, and calls its `init(env, target)` with the module's exports.
//!
//! What C gets, and how it is kept safe:
//! - `env`: one `node_env` per library, made once and never freed, so that a stale `env` is
//!   still a valid pointer. It carries the ABI version and the table of functions (api.rs).
//! - values: handles into the scope of the call running now (scope.rs), never pointers into
//!   the heap; references (`node_ref`) are engine [`Handle`]s, roots of the collector.
//! - functions written in C are JavaScript closures that call [`call_function`] with their
//!   number in the registry below; wrapped native pointers are numbered too, with the engine
//!   telling when their objects have been collected (wrap.rs); the loop's callbacks
//!   (descriptors, timers, finished work) come back through one native (events.rs).
//!
//! `unsafe` is allowed in this module only: loading libraries, calling C, and reading the
//! memory C hands over. Each use says why it is sound.

// SAFETY: needed, not chosen for speed: there is no safe way to load a shared object or call
// C (libloading's and FFI's operations are `unsafe` by nature). The allowance covers only
// this module, and each `unsafe` in it has its own SAFETY: comment.
#![allow(unsafe_code)]

mod api;
mod events;
mod refs;
mod scope;
mod wrap;

pub use wrap::run_finalizers;

use crate::bindings::{arg, natives_object, string_arg, NativeResult};
use engine::object::{Object, PropertyKey};
use engine::value::Value;
use engine::vm::{ops, Ctx, Handle, Throw};
use std::cell::RefCell;
use std::ffi::c_void;
use std::mem::ManuallyDrop;

/// The ABI version this runtime speaks (`NODE_ADDON_ABI_VERSION` in include/node_addon.h).
pub const ABI_VERSION: u32 = 1;

/// `struct node_env` of the header.
#[repr(C)]
pub struct NodeEnv {
    abi_version: u32,
    api: *const api::Api,
    reserved: *mut c_void,
}

/// `node_callback`.
// SAFETY: a C function an addon gave `node_function`; it is called only with a live scope's
// env and handles and the `data` it was registered with.
type Callback = unsafe extern "C" fn(
    env: *mut NodeEnv,
    this: u64,
    argc: usize,
    argv: *const u64,
    data: *mut c_void,
    construct: i32,
) -> u64;

/// A function written in C, as `node_function` made it.
#[derive(Clone, Copy)]
struct CFunction {
    callback: Callback,
    data: *mut c_void,
    env: *mut NodeEnv,
}

/// What the runtime keeps for the addons of this thread (the JavaScript thread).
#[derive(Default)]
struct Registry {
    /// The libraries loaded: never unloaded (their code may be running on the stack below,
    /// or be a finalizer still to run).
    libraries: Vec<(String, ManuallyDrop<libloading::Library>, *mut NodeEnv)>,
    /// The functions made by `node_function`, by number; a slot is freed when its
    /// function object has been collected (see [`FUNCTION_TOKEN`]).
    functions: Vec<Option<CFunction>>,
    free_functions: Vec<usize>,
    /// The JavaScript helpers (see [`HELPERS`]), once made.
    helpers: Option<Handle>,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::default();
}

/// Small JavaScript helpers: a closure for each C function (so that it has a `prototype`
/// and can be called with `new`, like any function), and `new` with an argument list.
const HELPERS: &str = "(function (call) {
  return {
    func: function (id) {
      var f = function () { return call(id, this, arguments, this instanceof f); };
      return f;
    },
    construct: function (F, args) {
      return new (Function.prototype.bind.apply(F, [null].concat(args)))();
    }
  };
})";

/// The native that loads addons for stdlib/node.js (`process._binding("addon")`).
pub fn make(ctx: Ctx<'_>) -> Object<'_> {
    natives_object(ctx, &[("load", load_addon, 2)])
}

/// The helper object, made on first use.
fn helpers<'gc>(ctx: Ctx<'gc>) -> Result<Value<'gc>, Throw<'gc>> {
    if let Some(handle) = REGISTRY.with_borrow(|r| r.helpers.clone()) {
        return Ok(ctx.fetch(&handle));
    }
    let script = ctx
        .compile_global(HELPERS, "node_addon")
        .map_err(|e| ctx.error(ctx.realm().error_prototype, &e.to_string()))?;
    let global = Value::Object(ctx.realm().global);
    let maker = ops::call(ctx, Value::Object(script), global, &[])?;
    let call = ctx
        .realm()
        .named_native_function(ctx, "call", call_function, 4, false);
    let helpers = ops::call(ctx, maker, Value::Undefined, &[Value::Object(call)])?;
    let handle = ctx.stash(helpers);
    REGISTRY.with_borrow_mut(|r| r.helpers = Some(handle));
    Ok(helpers)
}

/// Calls the helper `name` with `args`.
fn helper<'gc>(ctx: Ctx<'gc>, name: &str, args: &[Value<'gc>]) -> Result<Value<'gc>, Throw<'gc>> {
    let helpers = helpers(ctx)?;
    let function = ops::get(ctx, helpers, ctx.realm().key(ctx, name))?;
    ops::call(ctx, function, helpers, args)
}

/// A JavaScript function that calls `callback` (`node_function`).
fn new_function<'gc>(
    ctx: Ctx<'gc>,
    name: &str,
    callback: Callback,
    data: *mut c_void,
    env: *mut NodeEnv,
) -> Result<Value<'gc>, Throw<'gc>> {
    let entry = CFunction {
        callback,
        data,
        env,
    };
    let id = REGISTRY.with_borrow_mut(|r| match r.free_functions.pop() {
        Some(id) => {
            r.functions[id] = Some(entry);
            id
        }
        None => {
            r.functions.push(Some(entry));
            r.functions.len() - 1
        }
    });
    let function = helper(ctx, "func", &[Value::Number(id as f64)]);
    let object = match function {
        Ok(Value::Object(object)) => object,
        _ => {
            forget_function(id as u64);
            return function;
        }
    };
    ctx.realm().set_function_name(ctx, object, ctx.string(name));
    // Its number is free again once the function has been collected.
    ctx.on_collected(object, FUNCTION_TOKEN | id as u64);
    Ok(Value::Object(object))
}

/// Marks the tokens of `Ctx::on_collected` that stand for functions (the others are wraps:
/// wrap.rs).
pub const FUNCTION_TOKEN: u64 = 1 << 63;

/// Frees the slot of a function that has been collected.
fn forget_function(id: u64) {
    REGISTRY.with_borrow_mut(|r| {
        let id = id as usize;
        if r.functions.get_mut(id).and_then(Option::take).is_some() {
            r.free_functions.push(id);
        }
    });
}

/// `new constructor(...args)`.
fn construct<'gc>(
    ctx: Ctx<'gc>,
    constructor: Value<'gc>,
    args: Vec<Value<'gc>>,
) -> Result<Value<'gc>, Throw<'gc>> {
    let list = Value::Object(ctx.realm().new_array(ctx, args));
    helper(ctx, "construct", &[constructor, list])
}

/// The closure of a C function calls this with (its number, `this`, `arguments`, whether it
/// was called with `new`): the C function runs in a scope of its own.
fn call_function<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let id = ops::to_number(*ctx, arg(args, 0))?;
    let function = REGISTRY.with_borrow(|r| r.functions.get(id as usize).copied().flatten());
    let Some(function) = function.filter(|_| id.fract() == 0.0 && id >= 0.0) else {
        return Err(ctx.type_error("node addon: not a function made by node_function"));
    };
    let this = arg(args, 1);
    let list = arg(args, 2);
    let length = ops::to_number(*ctx, ops::get(*ctx, list, ctx.realm().atoms.length)?)?;
    let mut values = Vec::new();
    for i in 0..(length as u32) {
        values.push(ops::get(*ctx, list, PropertyKey::Index(i))?);
    }
    let construct = i32::from(arg(args, 3).to_boolean());
    scope::run(
        *ctx,
        |scope| {
            let this = scope.handle(this);
            let argv: Vec<u64> = values.iter().map(|v| scope.handle(*v)).collect();
            (this, argv)
        },
        |(this, argv)| {
            // SAFETY: `callback` is the C function the addon gave `node_function`, called
            // with the signature the header declares; `argv` outlives the call.
            unsafe {
                (function.callback)(
                    function.env,
                    this,
                    argv.len(),
                    argv.as_ptr(),
                    function.data,
                    construct,
                )
            }
        },
        |scope, returned| scope_outcome(scope, returned),
    )
}

/// How a call into C ended: its exception, or the value it returned (0 is undefined).
fn scope_outcome<'gc>(scope: &mut scope::Scope<'gc>, returned: u64) -> NativeResult<'gc> {
    if let Some(exception) = scope.exception.take() {
        return Err(Throw(exception));
    }
    if returned == 0 {
        return Ok(Value::Undefined);
    }
    match scope.value(returned) {
        Some(value) => Ok(value),
        None => Err(Throw(scope.exception.take().unwrap_or(Value::Undefined))),
    }
}

/// An Error object whose message is `message`.
fn error<'gc>(ctx: &Ctx<'gc>, message: &str) -> Throw<'gc> {
    ctx.error(ctx.realm().error_prototype, message)
}

/// `init`'s type.
// SAFETY: the addon's exported `init`, called once, after the ABI version was checked.
type Init = unsafe extern "C" fn(env: *mut NodeEnv, target: u64);

/// load(filename, exports): loads the addon and calls its `init` with
/// `exports`. Throws an Error saying what is wrong with a file that is not a shared object,
/// has no `init` or was built for another ABI version, and what `init` threw.
fn load_addon<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let mut filename = string_arg(ctx, args, 0)?;
    // A name without a slash would send the dynamic loader searching its own directories.
    if !filename.contains('/') {
        filename.insert_str(0, "./");
    }
    let target = arg(args, 1);
    let (init, env) = open(ctx, &filename)?;
    scope::run(
        *ctx,
        |scope| scope.handle(target),
        |target| {
            // SAFETY: `init` has the type the header declares (the library says, by exporting
            // the ABI version, that it was built with the header); `env` lives forever.
            unsafe { init(env, target) };
            0
        },
        |scope, returned| scope_outcome(scope, returned),
    )
}

/// The library at `filename` (loaded once), its `init` and its env.
fn open<'gc>(ctx: &Ctx<'gc>, filename: &str) -> Result<(Init, *mut NodeEnv), Throw<'gc>> {
    let cant = |why: String| error(ctx, &format!("Cannot load addon {filename}: {why}"));
    let loaded = REGISTRY.with_borrow(|r| {
        r.libraries
            .iter()
            .find(|(name, _, _)| name == filename)
            .map(|(_, library, env)| (init_of(library), *env))
    });
    if let Some((init, env)) = loaded {
        return Ok((init.map_err(cant)?, env));
    }
    // SAFETY: loading a shared object runs its initialisers. The script asked for this file
    // by name, which trusts it as much as running a script; a file that is not a shared
    // object is refused by the dynamic loader without running anything.
    let library = unsafe { libloading::Library::new(filename) }.map_err(|e| cant(e.to_string()))?;
    // SAFETY: the header defines `node_addon_abi_version` as a `const uint32_t`; a pointer to
    // it is read only after checking the symbol exists.
    let version = unsafe {
        library
            .get::<*const u32>(b"node_addon_abi_version\0")
            .ok()
            .map(|symbol| **symbol)
    };
    match version {
        None => {
            return Err(cant(
                "it does not export node_addon_abi_version (was it built with node_addon.h?)"
                    .into(),
            ))
        }
        Some(version) if version != ABI_VERSION => {
            return Err(cant(format!(
                "it was built for addon ABI version {version}; this node speaks version \
                 {ABI_VERSION} (rebuild it with this node's include/node_addon.h)"
            )))
        }
        Some(_) => {}
    }
    let init = init_of(&library).map_err(cant)?;
    let env = Box::into_raw(Box::new(NodeEnv {
        abi_version: ABI_VERSION,
        api: &api::API,
        reserved: std::ptr::null_mut(),
    }));
    REGISTRY.with_borrow_mut(|r| {
        r.libraries
            .push((filename.to_string(), ManuallyDrop::new(library), env))
    });
    Ok((init, env))
}

/// The library's `init`.
fn init_of(library: &libloading::Library) -> Result<Init, String> {
    // SAFETY: the ABI version was checked, so `init` has the header's type; the function
    // pointer is used only while the library stays loaded, which is for ever.
    unsafe { library.get::<Init>(b"init\0") }
        .map(|symbol| *symbol)
        .map_err(|_| "it has no init function (void init(node_env *env, node_value target))".into())
}
