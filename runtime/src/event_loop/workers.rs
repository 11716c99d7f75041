//! The worker pool: blocking work (file system calls, DNS look-ups) runs on a few threads, as
//! libeio's did for node, and its result comes back to the loop through the inbox. There the
//! job's `deliver` function turns the result into JavaScript values for the job's callback.

use super::host::{Host, Message};
use engine::value::Value;
use engine::vm::{Ctx, Handle};
use std::any::Any;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

/// Threads in the pool: enough to overlap a few slow disks or look-ups.
const THREADS: usize = 4;

/// A job's result, on its way back to the loop.
pub type Result = Box<dyn Any + Send>;
type Job = Box<dyn FnOnce() -> Result + Send>;

/// What the loop does with a finished job's result: the values to call its callback with.
pub type Deliver = Box<dyn for<'gc> FnOnce(Ctx<'gc>, Result) -> Vec<Value<'gc>>>;

/// A job whose result the loop is waiting for.
pub struct Pending {
    pub callback: Handle,
    pub deliver: Deliver,
}

/// The pool's threads, started on first use.
#[derive(Default)]
pub struct Pool {
    queue: Option<Sender<(u64, Job)>>,
}

impl Pool {
    fn send(&mut self, host: &Host, id: u64, job: Job) {
        if self.queue.is_none() {
            self.queue = Some(start(host));
        }
        if let Some(queue) = &self.queue {
            // The threads live as long as the process: sending cannot fail.
            let _ = queue.send((id, job));
        }
    }
}

fn start(host: &Host) -> Sender<(u64, Job)> {
    let (sender, receiver) = mpsc::channel::<(u64, Job)>();
    let receiver = Arc::new(Mutex::new(receiver));
    for n in 0..THREADS {
        let receiver = Arc::clone(&receiver);
        let inbox = host.inbox.clone();
        let started = std::thread::Builder::new()
            .name(format!("worker-{n}"))
            .spawn(move || work(&receiver, &inbox));
        if started.is_err() && n == 0 {
            crate::output::stderr("node: cannot start a worker thread\n");
        }
    }
    sender
}

fn work(receiver: &Mutex<Receiver<(u64, Job)>>, inbox: &super::host::Inbox) {
    loop {
        // The lock is held only while taking a job, not while doing it.
        let next = match receiver.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok((id, job)) = next else { return };
        inbox.send(Message::Done(id, job()));
    }
}

/// Runs `work` on the pool; when it is done, the loop calls `callback` with the values
/// `deliver` makes of its result. The job keeps the loop alive until then.
pub fn submit<'gc, R: Send + 'static>(
    ctx: &Ctx<'gc>,
    host: &Host,
    callback: Value<'gc>,
    work: impl FnOnce() -> R + Send + 'static,
    deliver: for<'a> fn(Ctx<'a>, R) -> Vec<Value<'a>>,
) {
    let id = expect(ctx, host, callback, deliver);
    let job: Job = Box::new(move || Box::new(work()) as Result);
    host.workers.borrow_mut().send(host, id, job);
}

/// Registers a job: when it is done, the loop is handed `(id, Box<R>)` (through the inbox,
/// `Message::Done`) and calls `callback` with the values `deliver` makes of the result. The
/// job keeps the loop alive until then.
fn expect<'gc, R: Send + 'static>(
    ctx: &Ctx<'gc>,
    host: &Host,
    callback: Value<'gc>,
    deliver: for<'a> fn(Ctx<'a>, R) -> Vec<Value<'a>>,
) -> u64 {
    let pending = Pending {
        callback: ctx.stash(callback),
        deliver: Box::new(move |ctx, result| match result.downcast::<R>() {
            Ok(result) => deliver(ctx, *result),
            // Each job's result has the type its own `work` returns.
            Err(_) => Vec::new(),
        }),
    };
    let mut state = host.state.borrow_mut();
    state.next_job += 1;
    let id = state.next_job;
    state.jobs.insert(id, pending);
    id
}
