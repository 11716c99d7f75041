//! The runtime's state that native functions share with the event loop. The engine hands it
//! to natives through `Ctx::host`; the loop keeps its own `Rc` to the same value.

use super::stdio::{StdinEvent, Stdout};
use super::timers::Timers;
use crate::encoding::{Encoding, Utf8Decoder};
use engine::vm::{Ctx, Handle, Throw};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::mpsc::Sender;
use std::sync::Arc;

pub struct Host {
    pub state: RefCell<State>,
    pub stdout: RefCell<Stdout>,
    pub workers: RefCell<super::workers::Pool>,
    /// The sources of readiness events (sockets, pipes, signals) registered with `poll`.
    pub io: RefCell<super::io::Io>,
    /// How other threads (stdin, the worker pool) hand the loop their results.
    pub inbox: Inbox,
}

/// What the loop tracks between events.
#[derive(Default)]
pub struct State {
    pub timers: Timers<TimerCallback>,
    /// `process.nextTick` has queued callbacks (JavaScript holds the queue).
    pub tick_needed: bool,
    /// The promises whose `wait()` suspended a stack, the most recent last: the engine's
    /// suspended stacks, in the same order.
    pub waits: Vec<Handle>,
    pub stdin: Stdin,
    /// Started `process.IdleWatcher`s.
    pub idle_watchers: usize,
    /// Jobs on the worker pool, by id, waiting to be delivered.
    pub jobs: rustc_hash::FxHashMap<u64, super::workers::Pending>,
    pub next_job: u64,
    /// The files scripts opened with `posix.open`, by descriptor.
    pub files: crate::bindings::posix::Files,
    /// The token of the source that reaps child processes, once the first was spawned.
    pub reaper: Option<mio::Token>,
    /// Started `process.watchFile` watchers, by id.
    pub file_watchers: rustc_hash::FxHashMap<u64, crate::bindings::watch_file::Watcher>,
    pub next_watcher: u64,
    /// The DNS resolver: its sockets and the queries in flight, once the first query came.
    pub dns: crate::bindings::dns::Resolver,
    /// The REPL's line editor, while it runs (it keeps the loop alive).
    pub editor: Option<crate::bindings::repl::Editor>,
}

/// What a timer calls: a function, and the extra arguments given to `setTimeout`.
#[derive(Clone)]
pub struct TimerCallback {
    pub function: Handle,
    pub args: Option<Handle>,
}

/// Standard input, once `process.stdio.open()` has been called.
#[derive(Default)]
pub struct Stdin {
    /// Open: the loop waits for its data (and stays alive for it).
    pub open: bool,
    /// The reader thread runs (it is started once and never stopped).
    pub reading: bool,
    pub encoding: Option<Encoding>,
    pub decoder: Utf8Decoder,
}

/// A message from another thread to the loop.
pub enum Message {
    Stdin(StdinEvent),
    /// A worker-pool job finished: its id and result.
    Done(u64, super::workers::Result),
    /// A watched file changed (from the watcher's polling thread).
    FileChanged(Box<crate::bindings::watch_file::Change>),
    /// From the REPL's line editor: a line, Ctrl-C, Ctrl-D, a Tab.
    Editor(crate::bindings::repl::EditorEvent),
}

/// The sending end of the loop's inbox: a channel plus the waker that interrupts `poll`.
#[derive(Clone)]
pub struct Inbox {
    pub sender: Sender<Message>,
    pub waker: Arc<mio::Waker>,
}

impl Inbox {
    pub fn send(&self, message: Message) {
        // Both fail only when the loop is gone, and then nobody wants the message.
        let _ = self.sender.send(message);
        let _ = self.waker.wake();
    }
}

/// The host state, from inside a native.
pub fn of<'gc>(ctx: &Ctx<'gc>) -> Result<&'gc Host, Throw<'gc>> {
    match ctx.host::<Rc<Host>>() {
        Some(host) => Ok(host),
        None => Err(ctx.type_error("this native function needs the node runtime")),
    }
}
