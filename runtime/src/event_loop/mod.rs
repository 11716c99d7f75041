//! The event loop: one thread runs JavaScript; a `mio::Poll` waits for whatever comes next
//! (a timer's deadline, a socket, pipe or signal ready (io.rs), a message from another thread
//! through the waker: the worker pool (workers.rs), stdin (stdio.rs), file watchers); each
//! event enters the engine once, by calling one of the hooks stdlib/node.js put on `process`,
//! or the callback the event's source names.
//!
//! Beside it: the state natives share with the loop (host.rs), timers (timers.rs), the worker
//! pool (workers.rs), the I/O sources (io.rs) and standard I/O (stdio.rs).
//!
//! `promise.wait()` suspends the stack that called it (the engine keeps it) and the loop goes
//! on. After every event the loop looks at the most recent suspended stack: once its promise
//! has fired, it resumes. Only the most recent one may resume, so a wait begun earlier returns
//! only after every later one has — the ordering the API document describes.

pub mod host;
pub mod io;
pub mod stdio;
pub mod timers;
pub mod workers;

use crate::bindings::{self, process, watch_file};
use engine::value::Value;
use engine::vm::{ops, Ctx, Engine, Handle, Outcome, Throw, Thrown};
use host::{Host, Message};
use io::{Args, Call};
use std::rc::Rc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};
use stdio::StdinEvent;

/// The waker's token: the first, reserved; I/O sources get the tokens after it (io.rs).
const WAKER: mio::Token = mio::Token(0);

pub struct EventLoop {
    pub engine: Engine,
    pub host: Rc<Host>,
    pub poll: mio::Poll,
    pub inbox: Receiver<Message>,
    /// The `process` object, whose hooks the loop calls.
    pub process: Handle,
    /// What `poll` reports, kept between turns.
    events: mio::Events,
}

impl EventLoop {
    /// An engine with `process` installed, and the loop around it.
    pub fn new(startup: &process::Startup) -> std::io::Result<EventLoop> {
        let poll = mio::Poll::new()?;
        let waker = std::sync::Arc::new(mio::Waker::new(poll.registry(), WAKER)?);
        let (sender, inbox) = std::sync::mpsc::channel();
        crate::bindings::signals::give_children_default_signals();
        let host = Rc::new(Host {
            state: Default::default(),
            stdout: std::cell::RefCell::new(stdio::Stdout::watching_signals()),
            workers: Default::default(),
            io: std::cell::RefCell::new(io::Io::new(poll.registry().try_clone()?)),
            inbox: host::Inbox { sender, waker },
        });
        let mut engine = Engine::with_host(Box::new(host.clone()));
        // node ran on V8, whose regular expressions could be called (`re(s)`).
        engine.set_v8_regexps(true);
        let process = engine.mutate(|ctx| {
            let process = bindings::install(ctx, startup);
            ctx.stash(Value::Object(process))
        });
        Ok(EventLoop {
            engine,
            host,
            poll,
            inbox,
            process,
            events: mio::Events::with_capacity(256),
        })
    }

    /// Runs stdlib/node.js, which sets up the API and runs the main script.
    pub fn bootstrap(&mut self) {
        let outcome = self.engine.call(|ctx| {
            let global = Value::Object(ctx.realm().global);
            let bootstrap = &crate::stdlib::BOOTSTRAP;
            let function = process::load_native(&ctx, bootstrap, "node.js")?;
            Ok((Value::Object(function), global, Vec::new()))
        });
        self.settle(outcome);
    }

    /// Runs until nothing is pending, then emits "exit". Returns the exit status.
    pub fn run(&mut self) -> u8 {
        loop {
            self.after_event();
            if !self.pending() {
                if self.host.state.borrow().waits.is_empty() {
                    break;
                }
                // Nothing can fire the awaited promise any more: its wait() returns false
                // (and throws in JavaScript).
                self.host.state.borrow_mut().waits.pop();
                let outcome = self.engine.resume(|_| Value::Bool(false));
                self.settle(outcome);
                continue;
            }
            self.wait_for_events();
            self.fire_timers();
            if self.host.state.borrow().idle_watchers > 0 {
                self.call_hook("_onIdle", Box::new(|_| Vec::new()));
            }
        }
        self.call_hook("_emitExit", Box::new(|_| vec![Value::Number(0.0)]));
        self.host.stdout.borrow_mut().finish();
        0
    }

    /// Is anything left that could make an event?
    fn pending(&self) -> bool {
        let state = self.host.state.borrow();
        state.tick_needed
            || !state.timers.is_empty()
            || state.stdin.open
            || state.idle_watchers > 0
            || !state.jobs.is_empty()
            || state.dns.busy()
            || state.file_watchers.values().any(|w| w.persistent)
            || state.editor.is_some()
            || self.host.io.borrow().keeps_alive()
    }

    /// Blocks until the next timer is due or another thread sends something, and handles what
    /// the other threads sent.
    fn wait_for_events(&mut self) {
        let timeout = {
            let mut state = self.host.state.borrow_mut();
            // The DNS queries written since the last wait go out together
            // (bindings/dns/outgoing.rs).
            state.dns.flush();
            if state.tick_needed || state.idle_watchers > 0 {
                Some(Duration::ZERO)
            } else {
                // The next timer, or the next DNS try to give up (bindings/dns/resolver.rs).
                let timer = state.timers.next_deadline();
                let deadline = match (timer, state.dns.next_deadline()) {
                    (Some(timer), Some(dns)) => Some(timer.min(dns)),
                    (timer, dns) => timer.or(dns),
                };
                deadline.map(|deadline| deadline.saturating_duration_since(Instant::now()))
            }
        };
        let mut events = std::mem::replace(&mut self.events, mio::Events::with_capacity(0));
        if let Err(error) = self.poll.poll(&mut events, timeout) {
            if error.kind() != std::io::ErrorKind::Interrupted {
                crate::output::stderr(&format!("node: the event loop failed: {error}\n"));
                process::exit_now(&self.host, 1);
            }
        }
        for event in events.iter() {
            if event.token() == WAKER {
                continue;
            }
            let ready = self.host.io.borrow_mut().ready(event.token(), event);
            for call in ready.calls {
                self.make_call(call);
                self.after_event();
            }
        }
        self.events = events;
        // The DNS queries that got their answer or gave up (bindings/dns/).
        bindings::dns::deliver_answers(self);
        while let Ok(message) = self.inbox.try_recv() {
            match message {
                Message::Stdin(event) => self.stdin(event),
                Message::Done(job, result) => self.job_done(job, result),
                Message::FileChanged(change) => self.file_changed(*change),
                Message::Editor(event) => bindings::repl::deliver(self, event),
            }
            self.after_event();
        }
    }

    /// A worker-pool job finished: its callback gets the values made of its result.
    fn job_done(&mut self, job: u64, result: workers::Result) {
        let Some(pending) = self.host.state.borrow_mut().jobs.remove(&job) else {
            return;
        };
        let deliver = pending.deliver;
        let call = Call {
            callback: pending.callback,
            this: None,
            args: Box::new(move |ctx| deliver(ctx, result)),
        };
        self.make_call(call);
    }

    /// A watched file changed: its listener gets the current and previous stats (unless it
    /// was unwatched since the change was seen).
    fn file_changed(&mut self, (id, current, previous): watch_file::Change) {
        let callback = match self.host.state.borrow().file_watchers.get(&id) {
            Some(watcher) => watcher.callback.clone(),
            None => return,
        };
        self.make_call(Call {
            callback,
            this: None,
            args: Box::new(move |ctx| {
                watch_file::stats_values(ctx, current.as_ref(), previous.as_ref())
            }),
        });
    }

    /// Calls `callback.apply(this, args)` (`this` is the global object when not given).
    pub fn make_call(&mut self, call: Call) {
        let outcome = self.engine.call(move |ctx| {
            let this = match &call.this {
                Some(this) => ctx.fetch(this),
                None => Value::Object(ctx.realm().global),
            };
            Ok((ctx.fetch(&call.callback), this, (call.args)(ctx)))
        });
        self.settle(outcome);
    }

    fn stdin(&mut self, event: StdinEvent) {
        let (text, ended) = {
            let mut state = self.host.state.borrow_mut();
            let stdin = &mut state.stdin;
            if !stdin.open {
                return;
            }
            match event {
                StdinEvent::Data(bytes) => (decode(stdin, &bytes), false),
                StdinEvent::End => {
                    stdin.open = false;
                    (stdin.decoder.finish(), true)
                }
            }
        };
        if !text.is_empty() {
            self.call_hook("_onStdinData", Box::new(move |ctx| vec![ctx.string(&text)]));
        }
        if ended {
            self.call_hook("_onStdinClose", Box::new(|_| Vec::new()));
        }
    }

    fn fire_timers(&mut self) {
        let now = Instant::now();
        loop {
            let due = self.host.state.borrow_mut().timers.pop_due(now);
            let Some((_, callback)) = due else { break };
            let outcome = self.engine.call(move |ctx| {
                let args = match &callback.args {
                    Some(array) => list_of(ctx, ctx.fetch(array))?,
                    None => Vec::new(),
                };
                let global = Value::Object(ctx.realm().global);
                Ok((ctx.fetch(&callback.function), global, args))
            });
            self.settle(outcome);
            self.after_event();
        }
    }

    /// What follows every event: addons' finalizers, the nextTick callbacks, the waits that can now return, and
    /// handing stdout's text to its writer.
    pub fn after_event(&mut self) {
        // Addons' finalizers for the objects collected during the event (bindings/addon/).
        bindings::addon::run_finalizers(&mut self.engine);
        loop {
            if std::mem::take(&mut self.host.state.borrow_mut().tick_needed) {
                self.call_hook("_tickCallback", Box::new(|_| Vec::new()));
                continue;
            }
            if self.resume_wait() {
                continue;
            }
            // What the callbacks sent goes out now, one write per socket.
            let calls = self.host.io.borrow_mut().flush();
            if !calls.is_empty() {
                for call in calls {
                    self.make_call(call);
                }
                continue;
            }
            break;
        }
        self.host.stdout.borrow_mut().hand_off();
    }

    /// Resumes the most recent suspended stack if its promise has fired.
    fn resume_wait(&mut self) -> bool {
        let Some(promise) = self.host.state.borrow().waits.last().cloned() else {
            return false;
        };
        let fired = self.engine.mutate(|ctx| {
            let key = ctx.realm().key(ctx, "hasFired");
            ops::get(ctx, ctx.fetch(&promise), key).is_ok_and(|v| v.to_boolean())
        });
        if !fired {
            return false;
        }
        self.host.state.borrow_mut().waits.pop();
        let outcome = self.engine.resume(|_| Value::Bool(true));
        self.settle(outcome);
        true
    }

    /// Calls `process[hook](args...)`.
    pub fn call_hook(&mut self, hook: &'static str, args: Args) {
        let process = self.process.clone();
        let outcome = self.engine.call(move |ctx| {
            let process = ctx.fetch(&process);
            let key = ctx.realm().key(ctx, hook);
            let function = ops::get(ctx, process, key)?;
            Ok((function, process, args(ctx)))
        });
        self.settle(outcome);
    }

    /// Deals with how a call into JavaScript ended: an exception that escaped goes to
    /// `process._uncaught` (the "uncaughtException" event, or print and exit).
    pub fn settle(&mut self, outcome: Outcome) {
        let Outcome::Threw(thrown) = outcome else {
            return;
        };
        let value = thrown.value.clone();
        let process = self.process.clone();
        let handled = self.engine.call(move |ctx| {
            let process = ctx.fetch(&process);
            let key = ctx.realm().key(ctx, "_uncaught");
            let function = ops::get(ctx, process, key)?;
            let exception = ctx.fetch(&value);
            if !function.as_object().is_some_and(|f| f.is_callable()) {
                // No bootstrap to ask (it failed before defining the hook): the exception
                // itself is fatal.
                return Err(Throw(exception));
            }
            Ok((function, process, vec![exception]))
        });
        match handled {
            Outcome::Returned | Outcome::Suspended => {}
            // An "uncaughtException" listener that throws: what it threw is fatal, as in
            // node.cc's FatalException.
            Outcome::Threw(second) => self.fatal(&second),
        }
    }

    pub fn fatal(&mut self, thrown: &Thrown) -> ! {
        self.host.stdout.borrow_mut().finish();
        bindings::repl::restore_terminal();
        crate::output::stderr(&format!("{}\n", thrown.stack));
        self.engine.finish_tracing();
        std::process::exit(1)
    }
}

/// The elements of an array.
fn list_of<'gc>(
    ctx: Ctx<'gc>,
    array: Value<'gc>,
) -> Result<Vec<Value<'gc>>, engine::vm::Throw<'gc>> {
    let length = ops::get(ctx, array, ctx.realm().atoms.length)?;
    let length = ops::to_number(ctx, length)? as u32;
    (0..length)
        .map(|i| ops::get(ctx, array, engine::object::PropertyKey::Index(i)))
        .collect()
}

fn decode(stdin: &mut host::Stdin, bytes: &[u8]) -> String {
    use crate::encoding::Encoding;
    match stdin.encoding.unwrap_or(Encoding::Utf8) {
        Encoding::Utf8 => stdin.decoder.decode(bytes),
        Encoding::Ascii | Encoding::Binary => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}
