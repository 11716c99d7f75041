//! Signals: `process.kill(pid, signal)`, and the signal events of `process` ("SIGINT",
//! "SIGUSR1", ...). stdlib/node.js starts watching a signal when its first listener is added;
//! from then on each delivery is a readiness event on the loop (signal-hook-mio: the handler
//! only writes to a pipe, the loop reads it), and the listeners run as for any other event.
//!
//! As in node 0.1.27, whose signal watchers were `ev_unref`'d, a watched signal does not keep
//! the loop alive by itself: a program that only waits for a signal must keep something else
//! going (a timer, a server).

use crate::bindings::{arg, natives_object, number_arg, posix, NativeResult};
use crate::event_loop::host;
use crate::event_loop::io::{Call, Ready, Source};
use engine::object::Object;
use engine::value::Value;
use engine::vm::{Ctx, Handle, Throw};
use mio::{Interest, Registry};
use nix::libc;
use nix::sys::signal::Signal;
use signal_hook_mio::v1_0::Signals;
use std::any::Any;

/// The natives of `process.kill` and signal listeners in stdlib/node.js
/// (`process._binding("signals")`).
pub fn make(ctx: Ctx<'_>) -> Object<'_> {
    natives_object(ctx, &[("kill", kill, 2), ("watch", watch_signal, 2)])
}

/// A signal number argument (stdlib/node.js turns names into numbers with process.SIGxxx).
pub fn signal_arg<'gc>(
    ctx: &Ctx<'gc>,
    args: &[Value<'gc>],
    i: usize,
) -> Result<Signal, Throw<'gc>> {
    let number = number_arg(ctx, args, i)?;
    let signal = if number.fract() == 0.0 && number.abs() < 1e6 {
        Signal::try_from(number as i32).ok()
    } else {
        None
    };
    signal.ok_or_else(|| ctx.type_error(&format!("Unknown signal: {}", number)))
}

/// kill(pid, signal): kill(2); throws the system error (ESRCH, EPERM).
fn kill<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let pid = number_arg(ctx, args, 0)?;
    let signal = signal_arg(ctx, args, 1)?;
    if pid.fract() != 0.0 || pid.abs() > f64::from(i32::MAX) {
        return Err(ctx.type_error("process.kill: the pid must be an integer"));
    }
    let pid = nix::unistd::Pid::from_raw(pid as i32);
    match nix::sys::signal::kill(pid, signal) {
        Ok(()) => Ok(Value::Undefined),
        Err(errno) => Err(Throw(posix::system_error(*ctx, &errno.into(), ""))),
    }
}

/// One watched signal: each delivery calls `callback`.
struct Watcher {
    signals: Signals,
    callback: Handle,
}

impl Source for Watcher {
    fn ready(&mut self, _event: &mio::event::Event, _registry: &Registry) -> Ready {
        // Deliveries that came close together are one (as with any signal handler).
        let mut calls = Vec::new();
        if self.signals.pending().count() > 0 {
            calls.push(Call {
                callback: self.callback.clone(),
                this: None,
                args: Box::new(|_| Vec::new()),
            });
        }
        Ready { calls, done: false }
    }

    fn deregister(&mut self, registry: &Registry) {
        let _ = registry.deregister(&mut self.signals);
    }

    /// See the module's comment: signals do not keep the loop alive.
    fn keeps_alive(&self) -> bool {
        false
    }

    fn as_any(&mut self) -> &mut dyn Any {
        self
    }
}

/// watch(signal, callback): calls `callback` on each delivery of `signal`
/// from now on (the signal's default action, such as ending the process, no longer happens).
/// Throws for the signals no handler can take (SIGKILL, SIGSTOP) and those that only a crash
/// raises (SIGSEGV, SIGILL, SIGFPE).
fn watch_signal<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let signal = signal_arg(ctx, args, 0)?;
    let callback = arg(args, 1);
    if !callback.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error("_watchSignal: the callback must be a function"));
    }
    // signal-hook refuses these (it panics if asked), so they are refused here first.
    if signal_hook::consts::FORBIDDEN.contains(&(signal as i32)) {
        return Err(ctx.error(
            ctx.realm().error_prototype,
            &format!("cannot watch {}: no handler can take it", signal.as_str()),
        ));
    }
    let callback = ctx.stash(callback);
    let added = host::of(ctx)?.io.borrow_mut().add(|registry, token| {
        let mut signals = Signals::new([signal as i32])?;
        registry.register(&mut signals, token, Interest::READABLE)?;
        Ok(Box::new(Watcher { signals, callback }))
    });
    match added {
        Ok(_) => {
            // The signal is the script's now: stdout's signal thread must not end the process.
            crate::event_loop::stdio::script_takes(signal as i32);
            Ok(Value::Undefined)
        }
        Err(error) => Err(ctx.error(
            ctx.realm().error_prototype,
            &format!("cannot watch {}: {error}", signal.as_str()),
        )),
    }
}

/// Signals this process inherited as ignored (`nohup` ignores SIGHUP, a shell's background job
/// SIGQUIT) stay ignored here, but children must start with every signal at its default, as
/// libuv gives node's children: otherwise a child started under `nohup` could not be ended
/// with SIGHUP. An ignored signal stays ignored across `exec`, a caught one is reset: each
/// ignored signal gets a handler that does nothing, which keeps ignoring it here and leaves
/// the children the default. (SIGPIPE is the Rust runtime's own, and std resets it for
/// children; SIGKILL, SIGSTOP, SIGILL, SIGFPE and SIGSEGV cannot be given a handler.)
pub fn give_children_default_signals() {
    let ignored_anyway = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for number in 1..32 {
        if number == libc_sigpipe()
            || signal_hook::consts::FORBIDDEN.contains(&number)
            || !is_ignored(number)
        {
            continue;
        }
        let _ = signal_hook::flag::register(number, ignored_anyway.clone());
    }
}

/// Whether signal `number` is ignored (as inherited from the parent).
fn is_ignored(number: i32) -> bool {
    current_action(number) == Some(libc::SIG_IGN)
}

/// Whether signal `number` has its default action (no handler, not ignored).
pub fn has_default_action(number: i32) -> bool {
    current_action(number) == Some(libc::SIG_DFL)
}

/// The current action of signal `number`: `SIG_DFL`, `SIG_IGN` or a handler's address.
///
/// Asked of the kernel (an `rt_sigaction` that changes nothing) rather than read from the
/// `SigIgn` line of `/proc/self/status`: making that file's text (memory figures,
/// capabilities, ...) cost the kernel some 12–20 µs at every start.
fn current_action(number: i32) -> Option<libc::sighandler_t> {
    // SAFETY: with a null new action `sigaction` only writes the current one into `current`,
    // a plain C struct for which all zeroes is a valid value; nothing is installed, so no
    // handler code is involved. Unavoidable: neither std, nix nor signal-hook can ask for a
    // disposition without setting one.
    #[allow(unsafe_code)]
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        (libc::sigaction(number, std::ptr::null(), &mut current) == 0)
            .then_some(current.sa_sigaction)
    }
}

fn libc_sigpipe() -> i32 {
    Signal::SIGPIPE as i32
}
