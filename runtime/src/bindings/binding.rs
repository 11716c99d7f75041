//! `process._binding(name)`: the natives of one module, made when its JavaScript half first
//! asks for them and kept for the life of the process (each later call gives the same object).
//!
//! node v0.1.27 put every module's natives on `process` at start-up. Here they are private
//! (none is part of the documented API): stdlib/posix.js, tcp.js, http.js, dns.js, repl.js,
//! internal/child_process.js, internal/watch_file.js and node.js (signals, addons) ask for
//! theirs when they load or first need them, and an empty script makes none of them.

use super::{addon, child_process, dns, http, posix, repl, signals, string_arg, tcp, tls};
use super::{watch_file, NativeResult};
use engine::object::Object;
use engine::value::Value;
use engine::vm::{Ctx, Handle};
use std::cell::RefCell;

/// What makes a module's object of natives.
type Make = for<'gc> fn(Ctx<'gc>) -> Object<'gc>;

/// Each module that has natives, and the function that makes their object.
const MODULES: &[(&str, Make)] = &[
    ("posix", posix::make),
    ("child_process", child_process::make),
    ("signals", signals::make),
    ("watch_file", watch_file::make),
    ("tcp", tcp::make),
    ("tls", tls::make),
    ("dns", dns::make),
    ("http", http::make),
    ("repl", repl::make),
    ("addon", addon::make),
];

thread_local! {
    /// The objects made so far, by module (held by handles; one engine per thread: the
    /// JavaScript thread's).
    static MADE: RefCell<Vec<(&'static str, Handle)>> = const { RefCell::new(Vec::new()) };
}

/// process._binding(name): the natives of module `name` (one of [`MODULES`]), made on the
/// first call; throws an Error for any other name.
pub fn binding<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let name = string_arg(ctx, args, 0)?;
    let made = MADE.with_borrow(|made| {
        made.iter()
            .find(|(module, _)| *module == name)
            .map(|(_, handle)| ctx.fetch(handle))
    });
    if let Some(object) = made {
        return Ok(object);
    }
    let Some(&(module, make)) = MODULES.iter().find(|(module, _)| *module == name) else {
        let realm = ctx.realm();
        return Err(ctx.error(realm.error_prototype, &format!("No such module: {name}")));
    };
    let object = Value::Object(make(*ctx));
    MADE.with_borrow_mut(|made| made.push((module, ctx.stash(object))));
    Ok(object)
}
