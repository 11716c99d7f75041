//! The native half of the `process` object: what stdlib/node.js cannot do in JavaScript
//! (the environment, compiling code, the built-in modules and the file system calls the
//! module loader needs, timers, stdio, exit; `process.memoryUsage` in memory.rs).
//! Names starting with `_` are private to stdlib/node.js, which builds the documented API on
//! them.

mod memory;

use super::{arg, define_natives, encoding_arg, number_arg, set_value, string_arg, NativeResult};
use crate::encoding::Encoding;
use crate::event_loop::host::{self, Host};
use crate::module_wrapper::{PREFIX, SUFFIX};
use crate::{output, stdlib};
use engine::object::{Attributes, Class, Object};
use engine::source::SourceText;
use engine::value::Value;
use engine::vm::{ops, Ctx, Throw};
use std::time::Duration;

/// What `process` starts with, besides its natives.
pub struct Startup {
    /// `process.argv`: the program as invoked, the script's absolute path, then the script's
    /// arguments.
    pub argv: Vec<String>,
    pub install_prefix: String,
    /// Run the REPL (`node-repl`) instead of a main script.
    pub repl: bool,
}

/// Makes the `process` object with its own natives (`bindings::install` adds the other
/// modules' and makes it the global `process`).
pub fn install<'gc>(ctx: Ctx<'gc>, startup: &Startup) -> Object<'gc> {
    let realm = ctx.realm();
    // One of a kind with some 150 properties (past 64 it would leave the shape tree anyway),
    // as `env` is: dictionary mode from the start (see `Object::new_dictionary`).
    let process = Object::new_dictionary(&ctx, Some(realm.object_prototype), Class::Object);
    let set = |name: &str, value: Value<'gc>| set_value(ctx, process, name, value);

    let argv = startup
        .argv
        .iter()
        .map(|a| ctx.string(a))
        .collect::<Vec<_>>();
    // process.ARGV is the same array and process.ENV the same object (facts file,
    // "### process").
    let argv = Value::Object(ctx.realm().new_array(ctx, argv));
    set("argv", argv);
    set("ARGV", argv);
    let env = Object::new_dictionary(&ctx, Some(realm.object_prototype), Class::Object);
    for (name, value) in std::env::vars_os() {
        set_value(ctx, env, &lossy(&name), ctx.string(&lossy(&value)));
    }
    set("env", Value::Object(env));
    set("ENV", Value::Object(env));
    set("pid", Value::Number(f64::from(std::process::id())));
    // node v0.1.27 reported what uname gave with the "linux2" of Python's sys.platform.
    let platform = if cfg!(target_os = "linux") {
        "linux2"
    } else {
        std::env::consts::OS
    };
    set("platform", ctx.string(platform));
    set("version", ctx.string(crate::cli::VERSION));
    set("installPrefix", ctx.string(&startup.install_prefix));
    if startup.repl {
        // Read (and deleted) by stdlib/node.js: the main program is the REPL.
        set("_replMain", Value::Bool(true));
    }
    for &(name, value) in CONSTANTS {
        set(name, Value::Number(f64::from(value)));
    }

    let natives: &[(&str, engine::object::NativeFn, u32)] = &[
        ("compile", compile, 2),
        ("_compileModule", compile_module, 2),
        ("reallyExit", really_exit, 1),
        ("cwd", cwd, 0),
        ("chdir", chdir, 1),
        ("umask", umask, 1),
        ("memoryUsage", memory_usage, 0),
        ("_byteLength", byte_length, 2),
        ("_nativeModule", native_module, 1),
        ("_internalModule", internal_module, 1),
        ("_readFile", read_file, 1),
        ("_isFile", is_file, 1),
        ("_setPrototype", set_prototype, 2),
        ("_setTimeout", set_timeout, 2),
        ("_setInterval", set_interval, 2),
        ("_clearTimer", clear_timer, 1),
        ("_needTick", need_tick, 0),
        ("_waitPromise", wait_promise, 1),
        ("_writeStdout", write_stdout, 2),
        ("_writeStderr", write_stderr, 2),
        ("_stdinOpen", stdin_open, 1),
        ("_stdinClose", stdin_close, 0),
        ("_idleWatchers", idle_watchers, 1),
        ("_fatal", fatal, 1),
    ];
    define_natives(ctx, process, natives);
    process
}

// ---- Helpers ---------------------------------------------------------------------------------

/// A system call's error, thrown (see `posix::system_error`).
fn io_error<'gc>(ctx: &Ctx<'gc>, error: &std::io::Error, path: &str) -> Throw<'gc> {
    Throw(super::posix::system_error(*ctx, error, path))
}

/// Milliseconds as a delay: anything not a positive number is 0.
fn delay(ms: f64) -> Duration {
    if ms.is_finite() && ms > 0.0 {
        Duration::from_secs_f64(ms.min(1e12) / 1000.0)
    } else {
        Duration::ZERO
    }
}

// ---- Code --------------------------------------------------------------------------------

/// process.compile(source, scriptOrigin): like a global `eval`, with the origin in stack
/// traces and syntax errors.
fn compile<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let source = source_arg(ctx, args)?;
    let origin = origin_arg(ctx, args, 1)?;
    let compiled = ctx.compile_global(&source, &origin);
    run_compiled(ctx, compiled, &source.text, &origin)
}

/// process._compileModule(source, filename): the function of a module, `function (exports,
/// require, module, __filename, __dirname)` around the file's text, with positions in stack
/// traces and syntax errors that are the file's own.
fn compile_module<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let source = source_arg(ctx, args)?;
    let origin = origin_arg(ctx, args, 1)?;
    let compiled = ctx.compile_wrapped(PREFIX, &source, SUFFIX, &origin);
    run_compiled(ctx, compiled, &source.text, &origin)
}

/// The first argument as source text, with any lone surrogates it holds (like `eval`'s).
fn source_arg<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>]) -> Result<SourceText, Throw<'gc>> {
    Ok(SourceText::from_string(
        ctx,
        ops::to_string(*ctx, arg(args, 0))?,
    ))
}

fn origin_arg<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], i: usize) -> Result<String, Throw<'gc>> {
    match arg(args, i) {
        Value::Undefined => Ok("unknown source".to_string()),
        _ => string_arg(ctx, args, i),
    }
}

/// Runs compiled code in the global scope (a tail call: the code gets a frame of its own), or
/// throws its syntax error, whose `stack` shows the line and a caret.
fn run_compiled<'gc>(
    ctx: &Ctx<'gc>,
    compiled: Result<Object<'gc>, engine::SyntaxError>,
    source: &str,
    origin: &str,
) -> NativeResult<'gc> {
    match compiled {
        Ok(function) => ctx.tail_call(
            Value::Object(function),
            Value::Object(ctx.realm().global),
            Vec::new(),
        ),
        Err(syntax) => {
            let realm = ctx.realm();
            let error = realm.new_error(*ctx, realm.syntax_error_prototype, &syntax.message);
            let stack = ctx.string(&syntax.render(source, origin));
            error.set_own_value(ctx, realm.atoms.stack, stack, Attributes::HIDDEN);
            Err(Throw(Value::Object(error)))
        }
    }
}

/// process._nativeModule(name): the function of built-in module `name` (stdlib/NAME.js), as
/// `process._compileModule` would give it, from the image compiled when node was built; or
/// undefined when there is no such module. Only the modules a script may `require`: the
/// runtime's own (stdlib/internal/) are not among them.
fn native_module<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let name = string_arg(ctx, args, 0)?;
    run_module(ctx, stdlib::module(&name), &format!("{name}.js"))
}

/// process._internalModule(name): as `_nativeModule`, for the runtime's own modules
/// (stdlib/internal/NAME.js), which stdlib/node.js loads for `process.createChildProcess`,
/// `process.watchFile` and the like, and which `require` never finds.
fn internal_module<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let name = string_arg(ctx, args, 0)?;
    run_module(
        ctx,
        stdlib::internal_module(&name),
        &format!("internal/{name}.js"),
    )
}

/// The function of a built-in module (a tail call runs the compiled file, which evaluates to
/// it), or undefined when there is no module.
fn run_module<'gc>(
    ctx: &Ctx<'gc>,
    module: Option<&'static stdlib::Native>,
    origin: &str,
) -> NativeResult<'gc> {
    let Some(module) = module else {
        return Ok(Value::Undefined);
    };
    let script = load_native(ctx, module, origin)?;
    ctx.tail_call(
        Value::Object(script),
        Value::Object(ctx.realm().global),
        Vec::new(),
    )
}

/// `text` as UTF-8, invalid bytes replaced. (`to_str` first: its check of valid text runs
/// a word at a time, where `to_string_lossy`'s goes byte by byte, 13,000 instructions for
/// this machine's environment at every start.)
fn lossy(text: &std::ffi::OsStr) -> std::borrow::Cow<'_, str> {
    match text.to_str() {
        Some(text) => std::borrow::Cow::Borrowed(text),
        None => text.to_string_lossy(),
    }
}

/// The script of a built-in file, loaded from its image. An image this build cannot read is
/// a bug in node, reported as an Error.
pub fn load_native<'gc>(
    ctx: &Ctx<'gc>,
    native: &stdlib::Native,
    origin: &str,
) -> Result<Object<'gc>, Throw<'gc>> {
    ctx.load_image(native.image, native.text, native.prefix, origin)
        .map_err(|error| {
            let realm = ctx.realm();
            ctx.error(
                realm.error_prototype,
                &format!("internal error in {origin}: {error}"),
            )
        })
}

/// The text of a file (UTF-8), for the module loader.
fn read_file<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let path = string_arg(ctx, args, 0)?;
    match std::fs::read(&path) {
        Ok(bytes) => Ok(ctx.string(&String::from_utf8_lossy(&bytes))),
        Err(e) => Err(io_error(ctx, &e, &path)),
    }
}

/// Whether `path` is a file (following links): the module loader's search.
fn is_file<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let path = string_arg(ctx, args, 0)?;
    Ok(Value::Bool(
        std::fs::metadata(path).is_ok_and(|m| m.is_file()),
    ))
}

/// process._setPrototype(object, prototype): what `object.__proto__ = prototype` did in V8,
/// which ES5 (and so our engine) cannot express. assert.js needs it: v0.1.27 set
/// `assert.AssertionError.__proto__` to Error.prototype (facts file, "### assert"). A
/// prototype chain that would lead back to `object` is refused, as V8 refused it: lookups
/// along it would never end.
fn set_prototype<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let (Some(object), Some(prototype)) = (arg(args, 0).as_object(), arg(args, 1).as_object())
    else {
        return Err(ctx.type_error("process._setPrototype takes two objects"));
    };
    let mut link = Some(prototype);
    while let Some(next) = link {
        if next == object {
            return Err(ctx.type_error("Cyclic __proto__ value"));
        }
        link = next.prototype();
    }
    object.borrow_mut(ctx).set_prototype(Some(prototype));
    Ok(Value::Undefined)
}

// ---- The process itself ----------------------------------------------------------------------

/// Exits at once with `code` (after writing out what stdout still holds). process.exit emits
/// "exit" first, in JavaScript.
fn really_exit<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let code = match arg(args, 0) {
        Value::Undefined => 0,
        _ => ops::to_number(*ctx, arg(args, 0))? as i32,
    };
    let host = host::of(ctx)?;
    // What `--stats` and `--dump-shapes` print at exit.
    engine::vm::trace::report(*ctx);
    exit_now(host, code)
}

pub fn exit_now(host: &Host, code: i32) -> ! {
    host.stdout.borrow_mut().finish();
    super::repl::restore_terminal();
    std::process::exit(code)
}

/// Prints an uncaught exception's stack and exits with status 1 (when no "uncaughtException"
/// listener took it).
fn fatal<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let value = arg(args, 0);
    let stack = ops::error_stack(*ctx, value).unwrap_or_else(|| ops::display_string(*ctx, value));
    let host = host::of(ctx)?;
    host.stdout.borrow_mut().finish();
    super::repl::restore_terminal();
    output::stderr(&format!("{stack}\n"));
    engine::vm::trace::report(*ctx);
    std::process::exit(1)
}

fn cwd<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    match std::env::current_dir() {
        Ok(dir) => Ok(ctx.string(&dir.to_string_lossy())),
        Err(e) => Err(io_error(ctx, &e, ".")),
    }
}

fn chdir<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    if !matches!(arg(args, 0), Value::String(_)) {
        return Err(ctx.type_error("process.chdir: the directory must be a string"));
    }
    let dir = string_arg(ctx, args, 0)?;
    match std::env::set_current_dir(&dir) {
        Ok(()) => Ok(Value::Undefined),
        Err(e) => Err(io_error(ctx, &e, &dir)),
    }
}

/// process.umask(mask): sets the mask and returns the old one; with no mask, only returns it.
fn umask<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    use nix::sys::stat::{umask, Mode};
    let new = match arg(args, 0) {
        Value::Undefined => None,
        // A string is read as octal ("0644"), as people write modes.
        Value::String(_) => {
            let text = string_arg(ctx, args, 0)?;
            match u32::from_str_radix(text.trim(), 8) {
                Ok(mask) => Some(mask),
                Err(_) => return Err(ctx.type_error("process.umask: not an octal mask")),
            }
        }
        _ => Some(ops::to_number(*ctx, arg(args, 0))? as u32),
    };
    let mask = Mode::from_bits_truncate(new.unwrap_or(0) & 0o777);
    let old = umask(mask);
    if new.is_none() {
        umask(old);
    }
    Ok(Value::Number(f64::from(old.bits())))
}

fn memory_usage<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let usage = memory::usage();
    let object = Object::new(ctx, Some(ctx.realm().object_prototype), Class::Object);
    for (name, value) in [
        ("rss", usage.rss),
        ("vsize", usage.vsize),
        ("heapTotal", usage.heap_total),
        ("heapUsed", usage.heap_used),
    ] {
        set_value(*ctx, object, name, Value::Number(value as f64));
    }
    Ok(Value::Object(object))
}

/// process._byteLength(string, encoding="utf8").
fn byte_length<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let Value::String(text) = arg(args, 0) else {
        return Err(ctx.type_error("Bad argument: _byteLength needs a string"));
    };
    let encoding = encoding_arg(ctx, args, 1, Encoding::Utf8)?;
    let length = text.with_units(ctx, |units| encoding.byte_length(&units.to_vec()));
    Ok(Value::Number(length as f64))
}

// ---- The loop: timers, ticks, waits, idle watchers -------------------------------------------

/// setTimeout(callback, delay, [arg, ...]): a native, so that the million timers of a busy
/// program cost no JavaScript frame or `arguments` object each. Returns the timer's id.
fn set_timeout<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    start_timer(ctx, args, false)
}

/// setInterval(callback, delay, [arg, ...]).
fn set_interval<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    start_timer(ctx, args, true)
}

fn start_timer<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], repeat: bool) -> NativeResult<'gc> {
    let function = arg(args, 0);
    if !function.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error("the timer's callback must be a function"));
    }
    let after = delay(number_arg(ctx, args, 1)?);
    let extra = match args.get(2..) {
        Some(rest) if !rest.is_empty() => Some(ctx.stash(Value::Object(
            ctx.realm().new_array(*ctx, rest.iter().copied()),
        ))),
        _ => None,
    };
    let callback = host::TimerCallback {
        function: ctx.stash(function),
        args: extra,
    };
    let id = host::of(ctx)?
        .state
        .borrow_mut()
        .timers
        .start(after, repeat, callback);
    Ok(Value::Number(f64::from(id)))
}

/// clearTimeout(id) and clearInterval(id): anything that is not a live timer's id is ignored.
fn clear_timer<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let id = ops::to_number(*ctx, arg(args, 0))?;
    if id.fract() == 0.0 && (1.0..=f64::from(u32::MAX)).contains(&id) {
        host::of(ctx)?.state.borrow_mut().timers.stop(id as u32);
    }
    Ok(Value::Undefined)
}

/// Tells the loop that process.nextTick has queued callbacks.
fn need_tick<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    host::of(ctx)?.state.borrow_mut().tick_needed = true;
    Ok(Value::Undefined)
}

/// process._waitPromise(promise): suspends this execution stack until `promise.hasFired` and
/// every wait begun after this one has returned (true), or until the loop has nothing left
/// that could fire it (false). See the event loop's `resume_waits`.
fn wait_promise<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let host = host::of(ctx)?;
    ctx.suspend()?;
    host.state.borrow_mut().waits.push(ctx.stash(arg(args, 0)));
    Ok(Value::Bool(false))
}

/// process._idleWatchers(delta): counts started IdleWatchers (they keep the loop polling).
fn idle_watchers<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let delta = number_arg(ctx, args, 0)?;
    let mut state = host::of(ctx)?.state.borrow_mut();
    state.idle_watchers = if delta < 0.0 {
        state.idle_watchers.saturating_sub(1)
    } else {
        state.idle_watchers + 1
    };
    Ok(Value::Undefined)
}

// ---- Standard I/O ----------------------------------------------------------------------------

fn encoded<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>]) -> Result<Vec<u8>, Throw<'gc>> {
    let text = ops::to_string(*ctx, arg(args, 0))?;
    let encoding = encoding_arg(ctx, args, 1, Encoding::Utf8)?;
    Ok(text.with_units(ctx, |units| encoding.encode_units(units)))
}

fn write_stdout<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let bytes = encoded(ctx, args)?;
    host::of(ctx)?.stdout.borrow_mut().write(&bytes);
    Ok(Value::Undefined)
}

fn write_stderr<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    output::stderr_bytes(&encoded(ctx, args)?);
    Ok(Value::Undefined)
}

/// process._stdinOpen(encoding): starts delivering stdin to process.stdio's "data" events.
fn stdin_open<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let encoding = encoding_arg(ctx, args, 0, Encoding::Utf8)?;
    let host = host::of(ctx)?;
    let mut state = host.state.borrow_mut();
    state.stdin.open = true;
    state.stdin.encoding = Some(encoding);
    if !state.stdin.reading {
        state.stdin.reading = true;
        let inbox = host.inbox.clone();
        crate::event_loop::stdio::start_stdin_reader(move |event| {
            inbox.send(host::Message::Stdin(event));
        });
    }
    Ok(Value::Undefined)
}

fn stdin_close<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    host::of(ctx)?.state.borrow_mut().stdin.open = false;
    Ok(Value::Undefined)
}

/// The platform's constants that v0.1.27 put on `process`: open flags, mode bits, errno values
/// and signal numbers.
const CONSTANTS: &[(&str, i32)] = {
    use nix::libc as c;
    &[
        ("O_RDONLY", c::O_RDONLY),
        ("O_WRONLY", c::O_WRONLY),
        ("O_RDWR", c::O_RDWR),
        ("O_CREAT", c::O_CREAT),
        ("O_EXCL", c::O_EXCL),
        ("O_NOCTTY", c::O_NOCTTY),
        ("O_TRUNC", c::O_TRUNC),
        ("O_APPEND", c::O_APPEND),
        ("O_DIRECTORY", c::O_DIRECTORY),
        ("O_NOFOLLOW", c::O_NOFOLLOW),
        ("O_SYNC", c::O_SYNC),
        ("S_IFMT", c::S_IFMT as i32),
        ("S_IFREG", c::S_IFREG as i32),
        ("S_IFDIR", c::S_IFDIR as i32),
        ("S_IFCHR", c::S_IFCHR as i32),
        ("S_IFBLK", c::S_IFBLK as i32),
        ("S_IFIFO", c::S_IFIFO as i32),
        ("S_IFLNK", c::S_IFLNK as i32),
        ("S_IFSOCK", c::S_IFSOCK as i32),
        ("S_IRWXU", c::S_IRWXU as i32),
        ("S_IRUSR", c::S_IRUSR as i32),
        ("S_IWUSR", c::S_IWUSR as i32),
        ("S_IXUSR", c::S_IXUSR as i32),
        ("S_IRWXG", c::S_IRWXG as i32),
        ("S_IRGRP", c::S_IRGRP as i32),
        ("S_IWGRP", c::S_IWGRP as i32),
        ("S_IXGRP", c::S_IXGRP as i32),
        ("S_IRWXO", c::S_IRWXO as i32),
        ("S_IROTH", c::S_IROTH as i32),
        ("S_IWOTH", c::S_IWOTH as i32),
        ("S_IXOTH", c::S_IXOTH as i32),
        ("E2BIG", c::E2BIG),
        ("EACCES", c::EACCES),
        ("EADDRINUSE", c::EADDRINUSE),
        ("EADDRNOTAVAIL", c::EADDRNOTAVAIL),
        ("EAGAIN", c::EAGAIN),
        ("EALREADY", c::EALREADY),
        ("EBADF", c::EBADF),
        ("EBUSY", c::EBUSY),
        ("ECHILD", c::ECHILD),
        ("ECONNABORTED", c::ECONNABORTED),
        ("ECONNREFUSED", c::ECONNREFUSED),
        ("ECONNRESET", c::ECONNRESET),
        ("EDEADLK", c::EDEADLK),
        ("EDESTADDRREQ", c::EDESTADDRREQ),
        ("EDOM", c::EDOM),
        ("EEXIST", c::EEXIST),
        ("EFAULT", c::EFAULT),
        ("EFBIG", c::EFBIG),
        ("EHOSTUNREACH", c::EHOSTUNREACH),
        ("EINPROGRESS", c::EINPROGRESS),
        ("EINTR", c::EINTR),
        ("EINVAL", c::EINVAL),
        ("EIO", c::EIO),
        ("EISCONN", c::EISCONN),
        ("EISDIR", c::EISDIR),
        ("ELOOP", c::ELOOP),
        ("EMFILE", c::EMFILE),
        ("EMLINK", c::EMLINK),
        ("EMSGSIZE", c::EMSGSIZE),
        ("ENAMETOOLONG", c::ENAMETOOLONG),
        ("ENETDOWN", c::ENETDOWN),
        ("ENETRESET", c::ENETRESET),
        ("ENETUNREACH", c::ENETUNREACH),
        ("ENFILE", c::ENFILE),
        ("ENOBUFS", c::ENOBUFS),
        ("ENODEV", c::ENODEV),
        ("ENOENT", c::ENOENT),
        ("ENOEXEC", c::ENOEXEC),
        ("ENOMEM", c::ENOMEM),
        ("ENOSPC", c::ENOSPC),
        ("ENOSYS", c::ENOSYS),
        ("ENOTCONN", c::ENOTCONN),
        ("ENOTDIR", c::ENOTDIR),
        ("ENOTEMPTY", c::ENOTEMPTY),
        ("ENOTSOCK", c::ENOTSOCK),
        ("ENOTTY", c::ENOTTY),
        ("ENXIO", c::ENXIO),
        ("EPERM", c::EPERM),
        ("EPIPE", c::EPIPE),
        ("ERANGE", c::ERANGE),
        ("EROFS", c::EROFS),
        ("ESPIPE", c::ESPIPE),
        ("ESRCH", c::ESRCH),
        ("ETIMEDOUT", c::ETIMEDOUT),
        ("EXDEV", c::EXDEV),
        ("SIGHUP", c::SIGHUP),
        ("SIGINT", c::SIGINT),
        ("SIGQUIT", c::SIGQUIT),
        ("SIGILL", c::SIGILL),
        ("SIGTRAP", c::SIGTRAP),
        ("SIGABRT", c::SIGABRT),
        ("SIGBUS", c::SIGBUS),
        ("SIGFPE", c::SIGFPE),
        ("SIGKILL", c::SIGKILL),
        ("SIGUSR1", c::SIGUSR1),
        ("SIGSEGV", c::SIGSEGV),
        ("SIGUSR2", c::SIGUSR2),
        ("SIGPIPE", c::SIGPIPE),
        ("SIGALRM", c::SIGALRM),
        ("SIGTERM", c::SIGTERM),
        ("SIGCHLD", c::SIGCHLD),
        ("SIGCONT", c::SIGCONT),
        ("SIGSTOP", c::SIGSTOP),
        ("SIGTSTP", c::SIGTSTP),
        ("SIGTTIN", c::SIGTTIN),
        ("SIGTTOU", c::SIGTTOU),
        ("SIGURG", c::SIGURG),
        ("SIGXCPU", c::SIGXCPU),
        ("SIGXFSZ", c::SIGXFSZ),
        ("SIGVTALRM", c::SIGVTALRM),
        ("SIGPROF", c::SIGPROF),
        ("SIGWINCH", c::SIGWINCH),
        ("SIGIO", c::SIGIO),
        ("SIGSYS", c::SIGSYS),
    ]
};
