//! The native half of child processes (stdlib/internal/child_process.js builds
//! `process.ChildProcess` on it), as node v0.1.27's src/child_process.cc was: a child with its
//! stdin, stdout and stderr on pipes, each pipe a non-blocking source on the loop, and the exit
//! found by SIGCHLD.
//!
//! Three kinds of sources:
//! - [`Output`] reads the child's stdout or stderr and calls the child's JavaScript callback
//!   with ("output" or "error", text), then with null at end of file;
//! - [`Input`] writes to its stdin from a buffer, so a child that never reads never stalls the
//!   loop (the script's `write` only appends; the pipe takes what it can when it can);
//! - one [`Reaper`] for all children: SIGCHLD, through signal-hook-mio's self-pipe, makes it
//!   look for children that have ended; it reaps them (no zombies) and calls their callbacks
//!   with ("exit", code). It keeps the loop alive while a child runs.
//!
//! JavaScript emits "exit" once both pipes have ended and the child was reaped (the order
//! node's MaybeShutdown kept), so no "output" follows "exit".

use crate::bindings::{
    arg, encoding_arg, natives_object, number_arg, posix, set_value, signals, string_arg,
    NativeResult,
};
use crate::encoding::{Encoding, Utf8Decoder};
use crate::event_loop::host::{self, Host};
use crate::event_loop::io::{Call, Ready, Source};
use engine::object::{Class, Object, PropertyKey};
use engine::value::Value;
use engine::vm::{ops, Ctx, Handle, Throw};
use mio::unix::pipe::{Receiver, Sender};
use mio::{Interest, Registry, Token};
use rustc_hash::FxHashMap;
use signal_hook_mio::v1_0::Signals;
use std::any::Any;
use std::collections::VecDeque;
use std::io::{self, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};

/// Bytes asked of a pipe per read.
const CHUNK: usize = 64 * 1024;

/// Reads per readiness event before an output pipe lets the other sources have a turn: a child
/// writing as fast as we read would otherwise keep the loop in one source.
const FAIR_SHARE: usize = 16;

/// The natives stdlib/internal/child_process.js builds child processes on
/// (`process._binding("child_process")`).
pub fn make(ctx: Ctx<'_>) -> Object<'_> {
    natives_object(
        ctx,
        &[
            ("spawn", spawn, 4),
            ("write", child_write, 3),
            ("close", child_close, 1),
            ("kill", child_kill, 2),
            ("setEncoding", child_set_encoding, 2),
        ],
    )
}

// ---- Spawning --------------------------------------------------------------------------------

/// spawn(file, args, envPairs, onEvent): starts `file` (searched in PATH) with `args`
/// and the environment `envPairs` ("NAME=value" strings), its stdio on pipes. `onEvent(kind,
/// data)` is called with ("output", text), ("error", text) — null at end of file — and
/// ("exit", code).
///
/// Returns {pid, id, stdin, stdout, stderr}: the id the other natives know the child by, and
/// the tokens of its pipes. When the program cannot be run at all (not found, not executable)
/// it returns {failure: text}: node 0.1.27 forked first and called execvp in the child, so such
/// a command was a child that printed execvp's error on its stderr and exited with 127; the
/// JavaScript side plays that part. Other failures (no pipes or processes left) throw.
fn spawn<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let file = string_arg(ctx, args, 0)?;
    let argv = strings_of(ctx, arg(args, 1))?;
    let env = strings_of(ctx, arg(args, 2))?;
    let callback = arg(args, 3);
    if !callback.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error("_spawn: the last argument must be a function"));
    }
    let host = host::of(ctx)?;
    // SIGCHLD is watched before the first child starts, so that no exit goes unseen.
    let reaper = reaper_token(host).map_err(|e| Throw(posix::system_error(*ctx, &e, "")))?;

    let mut command = Command::new(&file);
    command
        .args(&argv)
        .env_clear()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for pair in &env {
        if let Some((name, value)) = pair.split_once('=') {
            command.env(name, value);
        }
    }
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(error) if is_exec_error(&error) => {
            let result = Object::new(ctx, Some(ctx.realm().object_prototype), Class::Object);
            let text = format!("execvp(): {}\n", describe(&error));
            set_value(*ctx, result, "failure", ctx.string(&text));
            return Ok(Value::Object(result));
        }
        Err(error) => return Err(system_error(ctx, &error, &file)),
    };

    let pid = child.id();
    let callback = ctx.stash(callback);
    let pipes = (child.stdin.take(), child.stdout.take(), child.stderr.take());
    let id = {
        let mut io = host.io.borrow_mut();
        match io.get::<Reaper>(reaper) {
            Some(reaper) => reaper.adopt(child, callback.clone()),
            // The reaper is never removed; without it the child could not be reaped, so it
            // is not left running.
            None => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(ctx.type_error("_spawn: the child reaper is gone"));
            }
        }
    };
    let (Some(stdin), Some(stdout), Some(stderr)) = pipes else {
        return Err(ctx.type_error("_spawn: the child's pipes are missing"));
    };
    let tokens = add_pipes(host, stdin, stdout, stderr, &callback);
    let (stdin, stdout, stderr) = match tokens {
        Ok(tokens) => tokens,
        Err(error) => {
            // Without its pipes the child is of no use: end it (the reaper still reaps it).
            let _ = kill(host, id, nix::sys::signal::Signal::SIGKILL);
            return Err(system_error(ctx, &error, &file));
        }
    };

    let result = Object::new(ctx, Some(ctx.realm().object_prototype), Class::Object);
    for (name, value) in [
        ("pid", f64::from(pid)),
        ("id", id as f64),
        ("stdin", stdin.0 as f64),
        ("stdout", stdout.0 as f64),
        ("stderr", stderr.0 as f64),
    ] {
        set_value(*ctx, result, name, Value::Number(value));
    }
    Ok(Value::Object(result))
}

/// Puts the child's three pipes on the loop, non-blocking; returns their tokens.
fn add_pipes(
    host: &Host,
    stdin: std::process::ChildStdin,
    stdout: std::process::ChildStdout,
    stderr: std::process::ChildStderr,
    callback: &Handle,
) -> io::Result<(Token, Token, Token)> {
    let mut io = host.io.borrow_mut();
    let stdin = Sender::from(stdin);
    stdin.set_nonblocking(true)?;
    let stdin = io.add(|registry, token| {
        let mut input = Input {
            pipe: stdin,
            pending: VecDeque::new(),
            closing: false,
        };
        registry.register(&mut input.pipe, token, Interest::WRITABLE)?;
        Ok(Box::new(input))
    })?;
    let mut output = |pipe: Receiver, kind: &'static str| {
        pipe.set_nonblocking(true)?;
        io.add(|registry, token| {
            let mut output = Output {
                pipe,
                token,
                kind,
                encoding: Encoding::Utf8,
                decoder: Utf8Decoder::default(),
                callback: callback.clone(),
            };
            registry.register(&mut output.pipe, token, Interest::READABLE)?;
            Ok(Box::new(output))
        })
    };
    let stdout = output(Receiver::from(stdout), "output")?;
    let stderr = output(Receiver::from(stderr), "error")?;
    Ok((stdin, stdout, stderr))
}

/// The errors of execvp itself: the program is not there or cannot be run. (The others —
/// EMFILE, EAGAIN, ENOMEM — come from making the pipes or the process.)
fn is_exec_error(error: &io::Error) -> bool {
    use nix::libc;
    matches!(
        error.raw_os_error(),
        Some(
            libc::ENOENT
                | libc::EACCES
                | libc::ENOEXEC
                | libc::ENOTDIR
                | libc::ELOOP
                | libc::ENAMETOOLONG
                | libc::ETXTBSY
                | libc::EISDIR
                | libc::E2BIG
                | libc::EPERM
        )
    )
}

/// What perror would say of an error: "No such file or directory".
fn describe(error: &io::Error) -> String {
    match error.raw_os_error() {
        Some(errno) => nix::errno::Errno::from_raw(errno).desc().to_string(),
        None => error.to_string(),
    }
}

fn system_error<'gc>(ctx: &Ctx<'gc>, error: &io::Error, path: &str) -> Throw<'gc> {
    if error.raw_os_error().is_none() {
        // Not a system call's error (a NUL byte inside an argument): say what it is.
        return ctx.type_error(&format!("cannot start '{path}': {error}"));
    }
    Throw(posix::system_error(*ctx, error, path))
}

/// The strings of an array (a missing array is empty).
fn strings_of<'gc>(ctx: &Ctx<'gc>, array: Value<'gc>) -> Result<Vec<String>, Throw<'gc>> {
    if matches!(array, Value::Undefined | Value::Null) {
        return Ok(Vec::new());
    }
    let length = ops::get(*ctx, array, ctx.realm().atoms.length)?;
    let length = ops::to_number(*ctx, length)?;
    let length = if length.is_finite() && length > 0.0 {
        length as u32
    } else {
        0
    };
    (0..length)
        .map(|i| {
            let value = ops::get(*ctx, array, PropertyKey::Index(i))?;
            Ok(ops::to_string(*ctx, value)?.to_rust_string(ctx))
        })
        .collect()
}

/// A token, as JavaScript keeps it (a number).
fn token_arg<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], i: usize) -> Result<Token, Throw<'gc>> {
    let number = number_arg(ctx, args, i)?;
    if number.is_finite() && number >= 0.0 && number.fract() == 0.0 {
        Ok(Token(number as usize))
    } else {
        Err(ctx.type_error("not a pipe of a child process"))
    }
}

// ---- stdin -----------------------------------------------------------------------------------

/// The child's stdin: what `write` gave, waiting for the pipe to take it.
struct Input {
    pipe: Sender,
    pending: VecDeque<u8>,
    /// `close()` was called: the pipe closes once `pending` is written.
    closing: bool,
}

impl Input {
    /// Writes what is pending until the pipe is full. An error (EPIPE: the child is gone or
    /// closed its stdin) means nothing more can be written.
    fn flush(&mut self) -> io::Result<()> {
        while !self.pending.is_empty() {
            let (front, _) = self.pending.as_slices();
            match self.pipe.write(front) {
                Ok(n) => {
                    self.pending.drain(..n);
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(()),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Whether the source is finished: closed and flushed.
    fn finished(&self) -> bool {
        self.closing && self.pending.is_empty()
    }
}

impl Source for Input {
    fn ready(&mut self, _event: &mio::event::Event, _registry: &Registry) -> Ready {
        let failed = self.flush().is_err();
        Ready {
            calls: Vec::new(),
            done: failed || self.finished(),
        }
    }

    fn deregister(&mut self, registry: &Registry) {
        let _ = registry.deregister(&mut self.pipe);
    }

    /// The child keeps the loop alive, not its stdin.
    fn keeps_alive(&self) -> bool {
        false
    }

    fn as_any(&mut self) -> &mut dyn Any {
        self
    }
}

/// write(stdin, data, encoding="ascii"): true when the data was taken (it is
/// written as the pipe allows), false when stdin is closed.
fn child_write<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let token = token_arg(ctx, args, 0)?;
    let text = ops::to_string(*ctx, arg(args, 1))?;
    let encoding = encoding_arg(ctx, args, 2, Encoding::Ascii)?;
    let bytes = text.with_units(ctx, |units| encoding.encode_units(units));
    let mut io = host::of(ctx)?.io.borrow_mut();
    let Some(input) = io.get::<Input>(token) else {
        return Ok(Value::Bool(false));
    };
    if input.closing {
        return Ok(Value::Bool(false));
    }
    let was_empty = input.pending.is_empty();
    input.pending.extend(bytes);
    // With nothing queued before, write at once (most writes end here); otherwise the pipe
    // is full and the loop writes when it is ready again.
    if was_empty && input.flush().is_err() {
        // The child no longer reads: what it did not take is dropped, as node did.
        io.remove(token);
    }
    Ok(Value::Bool(true))
}

/// close(stdin): closes the child's stdin once what was written has gone.
fn child_close<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let token = token_arg(ctx, args, 0)?;
    let mut io = host::of(ctx)?.io.borrow_mut();
    let Some(input) = io.get::<Input>(token) else {
        return Ok(Value::Bool(false));
    };
    if input.closing {
        return Ok(Value::Bool(false));
    }
    input.closing = true;
    if input.finished() {
        io.remove(token);
    }
    Ok(Value::Bool(true))
}

// ---- stdout and stderr -----------------------------------------------------------------------

/// The child's stdout or stderr.
struct Output {
    pipe: Receiver,
    token: Token,
    /// "output" (stdout) or "error" (stderr): the event it feeds.
    kind: &'static str,
    encoding: Encoding,
    decoder: Utf8Decoder,
    callback: Handle,
}

impl Output {
    /// The call of the child's callback with (kind, text), or (kind, null) at end of file.
    fn call(&self, text: Option<String>) -> Call {
        let kind = self.kind;
        Call {
            callback: self.callback.clone(),
            this: None,
            args: Box::new(move |ctx| {
                let data = text.map_or(Value::Null, |text| ctx.string(&text));
                vec![ctx.string(kind), data]
            }),
        }
    }

    fn decode(&mut self, bytes: &[u8]) -> String {
        match self.encoding {
            Encoding::Utf8 => self.decoder.decode(bytes),
            // One character per byte: "binary" gives the bytes back unchanged.
            Encoding::Ascii | Encoding::Binary => bytes.iter().map(|&b| char::from(b)).collect(),
        }
    }
}

impl Source for Output {
    fn ready(&mut self, _event: &mio::event::Event, registry: &Registry) -> Ready {
        let mut ready = Ready::default();
        let mut buffer = vec![0; CHUNK];
        let mut reads = 0;
        loop {
            match self.pipe.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    let text = self.decode(&buffer[..n]);
                    if !text.is_empty() {
                        ready.calls.push(self.call(Some(text)));
                    }
                    reads += 1;
                    if reads == FAIR_SHARE {
                        // Re-arming reports the pipe again if it is still readable (poll is
                        // edge-triggered: unread data alone would never be reported again).
                        if registry
                            .reregister(&mut self.pipe, self.token, Interest::READABLE)
                            .is_ok()
                        {
                            return ready;
                        }
                    }
                    continue;
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return ready,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                // A read error ends the stream as end of file does.
                Err(_) => break,
            }
        }
        // End of file: what the decoder holds (half a character), then null.
        let rest = self.decoder.finish();
        if !rest.is_empty() {
            ready.calls.push(self.call(Some(rest)));
        }
        ready.calls.push(self.call(None));
        ready.done = true;
        ready
    }

    fn deregister(&mut self, registry: &Registry) {
        let _ = registry.deregister(&mut self.pipe);
    }

    fn as_any(&mut self) -> &mut dyn Any {
        self
    }
}

/// setEncoding(pipe, encoding): how the data of the child's stdout or stderr
/// becomes text ("utf8" unless set).
fn child_set_encoding<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let token = token_arg(ctx, args, 0)?;
    let encoding = encoding_arg(ctx, args, 1, Encoding::Utf8)?;
    if let Some(output) = host::of(ctx)?.io.borrow_mut().get::<Output>(token) {
        output.encoding = encoding;
    }
    Ok(Value::Undefined)
}

// ---- Exit ------------------------------------------------------------------------------------

/// The children that have not been reaped yet, and SIGCHLD that says when to look.
struct Reaper {
    signals: Signals,
    children: FxHashMap<u64, Running>,
    next_id: u64,
}

struct Running {
    child: std::process::Child,
    callback: Handle,
}

impl Reaper {
    fn adopt(&mut self, child: std::process::Child, callback: Handle) -> u64 {
        self.next_id += 1;
        self.children
            .insert(self.next_id, Running { child, callback });
        self.next_id
    }
}

/// The exit code "exit" reports: the status the child exited with; for a child killed by a
/// signal, the signal's number. (node 0.1.27 handed over libev's raw wait status, whose value
/// for a killed child is the signal's number; for an exit it was code × 256, which sys.exec's
/// "exit code" was plainly not meant to be.)
fn exit_code(status: std::process::ExitStatus) -> i32 {
    status.code().or_else(|| status.signal()).unwrap_or(-1)
}

impl Source for Reaper {
    fn ready(&mut self, _event: &mio::event::Event, _registry: &Registry) -> Ready {
        // One SIGCHLD may stand for many children (signals do not queue): look at them all.
        for _ in self.signals.pending() {}
        let mut ready = Ready::default();
        self.children.retain(|_, running| {
            let code = match running.child.try_wait() {
                Ok(None) => return true,
                Ok(Some(status)) => exit_code(status),
                // ECHILD: reaped by someone else (a waitpid(-1) in the same process); its
                // status is lost.
                Err(_) => -1,
            };
            ready.calls.push(Call {
                callback: running.callback.clone(),
                this: None,
                args: Box::new(move |ctx| vec![ctx.string("exit"), Value::Number(f64::from(code))]),
            });
            false
        });
        ready
    }

    fn deregister(&mut self, registry: &Registry) {
        let _ = registry.deregister(&mut self.signals);
    }

    /// A running child keeps the loop alive.
    fn keeps_alive(&self) -> bool {
        !self.children.is_empty()
    }

    fn as_any(&mut self) -> &mut dyn Any {
        self
    }
}

/// The reaper's token, starting it (watching SIGCHLD) the first time.
fn reaper_token(host: &Host) -> io::Result<Token> {
    if let Some(token) = host.state.borrow().reaper {
        return Ok(token);
    }
    let token = host.io.borrow_mut().add(|registry, token| {
        let mut signals = Signals::new([nix::libc::SIGCHLD])?;
        registry.register(&mut signals, token, Interest::READABLE)?;
        Ok(Box::new(Reaper {
            signals,
            children: FxHashMap::default(),
            next_id: 0,
        }))
    })?;
    host.state.borrow_mut().reaper = Some(token);
    Ok(token)
}

/// Sends `signal` to the child `id` if it has not been reaped (after that its pid may be
/// another process's); None when it has been.
fn kill(host: &Host, id: u64, signal: nix::sys::signal::Signal) -> Option<nix::Result<()>> {
    let token = host.state.borrow().reaper?;
    let mut io = host.io.borrow_mut();
    let running = io.get::<Reaper>(token)?.children.get(&id)?;
    let pid = i32::try_from(running.child.id()).ok()?;
    Some(nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(pid),
        signal,
    ))
}

/// kill(id, signal): sends the signal (a number) to the child; throws when the
/// child is already dead or the signal is not one.
fn child_kill<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let id = number_arg(ctx, args, 0)?;
    let signal = signals::signal_arg(ctx, args, 1)?;
    let host = host::of(ctx)?;
    match kill(host, id as u64, signal) {
        Some(Ok(())) => Ok(Value::Undefined),
        Some(Err(errno)) => Err(Throw(posix::system_error(
            *ctx,
            &io::Error::from(errno),
            "",
        ))),
        None => Err(ctx.error(ctx.realm().error_prototype, "ChildProcess already dead")),
    }
}
