//! Standard I/O as node v0.1.27 had it: stdout never blocks the script (a writer thread does
//! the writing, so a slow reader or a full pipe holds up nobody), stderr is synchronous, and
//! stdin is read on a thread of its own once `process.stdio.open()` asks for it.

use crate::output;
use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::backend::{PollResult, SignalDelivery, SignalIterator};
use signal_hook::iterator::exfiltrator::SignalOnly;
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

/// Buffer this much output before handing it to the writer thread mid-event.
const HAND_OFF: usize = 64 * 1024;
/// A script busy in a long computation does not come back to the loop to hand its output
/// off: the writer thread takes it itself this long after the first of it was written (as
/// v0.1.27's synchronous writes would have shown it at once, "working..." lines included).
const TAKE_AFTER: Duration = Duration::from_millis(10);
/// How much stdin is read at a time.
const READ_CHUNK: usize = 64 * 1024;

/// Standard output: text is gathered here and handed to a writer thread at the end of each
/// event (or when a lot has piled up, or when the script has not come back to the loop
/// [`TAKE_AFTER`] after writing it); [`Stdout::finish`] waits until all of it is written.
///
/// The text not yet written is shared (behind a mutex) with a thread that watches SIGINT and
/// SIGTERM, so that output written just before the process is killed is not lost even while
/// the script is busy: see [`watch_fatal_signals`].
#[derive(Default)]
pub struct Stdout {
    shared: Arc<Shared>,
    /// The writer thread, started on first use; only this (main) thread joins it.
    thread: Option<JoinHandle<()>>,
    /// The socket pair that SIGINT and SIGTERM will be delivered through, made when the
    /// process started, until the first write gives it to signal-hook and starts the thread
    /// that watches them (see [`catch_fatal_signals`]).
    signals: Option<SignalPipe>,
}

#[derive(Default)]
struct Shared {
    /// What the script wrote since the last hand-off. The lock is also held while a chunk is
    /// sent to the writer, so chunks reach it in the order they were written.
    buffer: Mutex<Vec<u8>>,
    /// The writer thread's inbox, while it runs.
    inbox: Mutex<Option<Sender<Job>>>,
}

enum Job {
    Write(Vec<u8>),
    /// Answer once everything sent before is written.
    Flush(Sender<()>),
    /// The buffer has text again: take it in [`TAKE_AFTER`] unless it is handed off before.
    Nudge,
}

/// A mutex's contents even if a thread panicked holding it: the bytes are still good to write.
fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Stdout {
    /// Stdout, with SIGINT and SIGTERM caught so that what the script wrote goes out before
    /// they end the process. Their socket pair is made with the process's start rather than
    /// on the first write, so that the descriptors the process holds do not change while the
    /// script runs (a script may count them); their delivery through it, and the thread that
    /// watches them, start with the first write (see [`catch_fatal_signals`]).
    pub fn watching_signals() -> Stdout {
        let mut stdout = Stdout::default();
        let caught = catch_fatal_signals();
        stdout.signals = UnixStream::pair().ok();
        if caught && stdout.signals.is_some() && !DIE_AT_ONCE.armed {
            // Nothing would act on a signal before the thread starts: start it now.
            stdout.watch_signals_from_now();
        }
        stdout
    }

    /// Starts the thread that watches SIGINT and SIGTERM, if not yet started. From now on a
    /// signal the script does not listen for waits for that thread, which writes the text
    /// not yet written first.
    fn watch_signals_from_now(&mut self) {
        let Some((read, write)) = self.signals.take() else {
            return;
        };
        // (Registered first, so that a signal is never caught with nothing to act on it.)
        std::sync::LazyLock::force(&DIE_AT_ONCE);
        // Without it the default actions stay (the handlers that end the process at once):
        // the process still dies, unflushed.
        let Ok(delivery) = SignalDelivery::with_pipe(read, write, SignalOnly, [SIGINT, SIGTERM])
        else {
            return;
        };
        // Before any text is buffered: a signal from now on is the thread's (it waits in the
        // signals' socket until the thread reads it).
        DIE_AT_ONCE.set_all(false);
        if !watch_fatal_signals(delivery, self.shared.clone()) {
            // The signals' default actions, unflushed, rather than none.
            DIE_AT_ONCE.set_all(true);
        }
    }

    pub fn write(&mut self, bytes: &[u8]) {
        if self.signals.is_some() {
            self.watch_signals_from_now();
        }
        let (pending, was_empty) = {
            let mut buffer = locked(&self.shared.buffer);
            let was_empty = buffer.is_empty();
            buffer.extend_from_slice(bytes);
            (buffer.len(), was_empty)
        };
        if pending >= HAND_OFF {
            self.hand_off();
        } else if was_empty && !bytes.is_empty() {
            self.send(Job::Nudge);
        }
    }

    /// Sends `job` to the writer thread, starting it if need be.
    fn send(&mut self, job: Job) {
        let mut inbox = locked(&self.shared.inbox);
        if inbox.is_none() {
            if let Some((sender, thread)) = start_writer(self.shared.clone()) {
                *inbox = Some(sender);
                self.thread = Some(thread);
            }
        }
        if let Some(sender) = &*inbox {
            let _ = sender.send(job);
        }
    }

    /// Gives what is buffered to the writer thread (started on first use).
    pub fn hand_off(&mut self) {
        let mut buffer = locked(&self.shared.buffer);
        if buffer.is_empty() {
            return;
        }
        let chunk = std::mem::take(&mut *buffer);
        let mut inbox = locked(&self.shared.inbox);
        if inbox.is_none() {
            if let Some((sender, thread)) = start_writer(self.shared.clone()) {
                *inbox = Some(sender);
                self.thread = Some(thread);
            }
        }
        match &*inbox {
            Some(sender) => {
                // The thread is gone only if stdout broke; the text has nowhere to go then.
                let _ = sender.send(Job::Write(chunk));
            }
            None => output::stdout_bytes(&chunk),
        }
    }

    /// Writes everything still pending and waits until it is out (before the process exits).
    pub fn finish(&mut self) {
        self.hand_off();
        // Dropping the last sender ends the writer's loop once it has written everything.
        drop(locked(&self.shared.inbox).take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Stdout {
    /// Writes everything pending and waits (a while) until it is out: the REPL's line editor
    /// draws its prompt only after what the script printed.
    pub fn sync(&mut self) {
        self.hand_off();
        let inbox = locked(&self.shared.inbox);
        if let Some(sender) = &*inbox {
            let (done, written) = mpsc::channel();
            if sender.send(Job::Flush(done)).is_ok() {
                let _ = written.recv_timeout(FLUSH_LIMIT);
            }
        }
    }
}

/// Where stdout's text goes instead of the descriptor, while something takes it: the REPL's
/// line editor, which prints it above the line being edited. Returns whether it took it.
type Diversion = Box<dyn FnMut(&[u8]) -> bool + Send>;

static DIVERSION: Mutex<Option<Diversion>> = Mutex::new(None);

/// Sends stdout's text to `diversion` from now on (`None`: to the descriptor again).
pub fn divert(diversion: Option<Diversion>) {
    *locked(&DIVERSION) = diversion;
}

/// Gives `chunk` to the diversion, if there is one and it takes it.
fn diverted(chunk: &[u8]) -> bool {
    locked(&DIVERSION).as_mut().is_some_and(|take| take(chunk))
}

/// Whatever way the loop is left (a panic unwinding included), what was written goes out.
impl Drop for Stdout {
    fn drop(&mut self) {
        self.finish();
    }
}

fn start_writer(shared: Arc<Shared>) -> Option<(Sender<Job>, JoinHandle<()>)> {
    let (sender, receiver) = mpsc::channel::<Job>();
    let thread = std::thread::Builder::new()
        .name("stdout".to_string())
        .spawn(move || {
            let mut out = std::io::stdout().lock();
            let mut broken = false;
            // After a write error (a closed pipe: nobody reads any more) the rest is dropped.
            let mut write = |chunk: &[u8]| {
                if !broken && !diverted(chunk) {
                    broken = out.write_all(chunk).and_then(|()| out.flush()).is_err();
                }
            };
            let mut nudged = false;
            loop {
                let job = if nudged {
                    match receiver.recv_timeout(TAKE_AFTER) {
                        Ok(job) => job,
                        Err(mpsc::RecvTimeoutError::Timeout) => {
                            nudged = false;
                            let (jobs, rest) = take_pending(&shared, &receiver);
                            for job in jobs {
                                match job {
                                    Job::Write(chunk) => write(&chunk),
                                    Job::Flush(done) => {
                                        let _ = done.send(());
                                    }
                                    Job::Nudge => {}
                                }
                            }
                            write(&rest);
                            continue;
                        }
                        Err(mpsc::RecvTimeoutError::Disconnected) => break,
                    }
                } else {
                    match receiver.recv() {
                        Ok(job) => job,
                        Err(_) => break,
                    }
                };
                match job {
                    Job::Write(chunk) => write(&chunk),
                    Job::Flush(done) => {
                        let _ = done.send(());
                    }
                    Job::Nudge => nudged = true,
                }
            }
        })
        .ok()?;
    Some((sender, thread))
}

/// For the writer thread: the jobs already sent, then the text still in the buffer. Both are
/// taken under the buffer's lock, which a hand-off holds while it sends, so nothing can come
/// between them and the order of the text is kept; they are written after the lock is let go,
/// so the script never waits for a slow reader.
fn take_pending(shared: &Shared, receiver: &mpsc::Receiver<Job>) -> (Vec<Job>, Vec<u8>) {
    let mut buffer = locked(&shared.buffer);
    let jobs: Vec<Job> = receiver.try_iter().collect();
    (jobs, std::mem::take(&mut *buffer))
}

/// Set when a script listens for SIGINT or SIGTERM (process.addListener("SIGINT", ...)): the
/// signal is then the script's, and the signal thread leaves it alone.
static TAKEN: [AtomicBool; 2] = [AtomicBool::new(false), AtomicBool::new(false)];

fn taken_index(signal: i32) -> Option<usize> {
    match signal {
        SIGINT => Some(0),
        SIGTERM => Some(1),
        _ => None,
    }
}

/// The script now listens for `signal` (called by the signals binding's `watch`).
pub fn script_takes(signal: i32) {
    if let Some(i) = taken_index(signal) {
        TAKEN[i].store(true, Ordering::SeqCst);
        DIE_AT_ONCE.flags[i].store(false, Ordering::SeqCst);
    }
}

/// Per signal (SIGINT, SIGTERM, as in [`TAKEN`]): set while a signal must end the process at
/// once, from its handler (signal-hook's conditional default action): until the script's
/// first write, when nothing is buffered and the thread that would flush it need not run,
/// unless the script listens for the signal. Registered when first needed (see
/// [`catch_fatal_signals`]).
struct DieAtOnce {
    flags: [Arc<AtomicBool>; 2],
    /// Whether the conditional default actions were registered (else the flags mean nothing).
    armed: bool,
}

impl DieAtOnce {
    fn set_all(&self, die: bool) {
        for (flag, taken) in self.flags.iter().zip(&TAKEN) {
            flag.store(die && !taken.load(Ordering::SeqCst), Ordering::SeqCst);
        }
    }
}

static DIE_AT_ONCE: std::sync::LazyLock<DieAtOnce> = std::sync::LazyLock::new(|| {
    // (Made when the script first listens for one of the signals, the one it listens for
    // must not end the process from the moment its handler is registered.)
    let flags = [
        Arc::new(AtomicBool::new(!TAKEN[0].load(Ordering::SeqCst))),
        Arc::new(AtomicBool::new(!TAKEN[1].load(Ordering::SeqCst))),
    ];
    let armed = [SIGINT, SIGTERM]
        .into_iter()
        .zip(&flags)
        .all(|(signal, flag)| {
            signal_hook::flag::register_conditional_default(signal, flag.clone()).is_ok()
        });
    if !armed {
        for flag in &flags {
            flag.store(false, Ordering::SeqCst);
        }
    }
    DieAtOnce { flags, armed }
});

/// How long a dying process waits for stdout to take the pending text (a reader that stopped
/// reading must not keep it alive).
const FLUSH_LIMIT: Duration = Duration::from_secs(2);

/// The two ends of the socket pair SIGINT and SIGTERM are delivered through (read, write).
type SignalPipe = (UnixStream, UnixStream);

/// Until the script has written something, a SIGINT or SIGTERM it does not listen for ends
/// the process at once, as the signal's default action does: with nothing to flush, no
/// thread need wait for it, and nothing need be delivered. (Started with every process, that
/// thread cost 0.1–0.3 ms of CPU at every start: docs/performance.md, "Start-up", sessions 9
/// to 11.) While both signals have their default action that is what happens with no
/// handler at all, and the handlers ([`DIE_AT_ONCE`]) are registered by the first write (or
/// when the script listens for one): signal-hook's registry costs some 7,000 instructions and
/// 7 page faults. A signal that is not at its default (inherited as ignored, and given a
/// handler that does nothing by `give_children_default_signals`) is caught now, so that it
/// ends the process as before. Returns whether the handlers were registered now.
fn catch_fatal_signals() -> bool {
    use crate::bindings::signals::has_default_action;
    if has_default_action(SIGINT) && has_default_action(SIGTERM) {
        return false;
    }
    std::sync::LazyLock::force(&DIE_AT_ONCE);
    true
}

/// Watches SIGINT and SIGTERM on a thread of their own. When one comes and the script does
/// not listen for it, the text not yet written goes out, then the signal's default action is
/// restored and the signal raised again, so the process ends as the signal ends it (the
/// status a shell sees is the signal's). A thread rather than the event loop, because a script
/// busy in a long computation must still die at once. Returns whether the thread started.
fn watch_fatal_signals(
    delivery: SignalDelivery<UnixStream, SignalOnly>,
    shared: Arc<Shared>,
) -> bool {
    let started = std::thread::Builder::new()
        .name("signals".to_string())
        // It only waits, and copies what is buffered.
        .stack_size(64 * 1024)
        .spawn(move || {
            let mut signals = SignalIterator::new(delivery);
            loop {
                let signal = match signals.poll_signal(&mut wait_for_signals) {
                    PollResult::Signal(signal) => signal,
                    // (A race with the pair's closing; the next poll says it is closed.)
                    PollResult::Pending => continue,
                    PollResult::Closed | PollResult::Err(_) => break,
                };
                if taken_index(signal).is_some_and(|i| TAKEN[i].load(Ordering::SeqCst)) {
                    continue;
                }
                flush_before_dying(&shared);
                // Resets the default action and raises the signal (abort if that failed).
                let _ = signal_hook::low_level::emulate_default_handler(signal);
            }
        });
    if started.is_err() {
        output::stderr("node: cannot start the signal thread\n");
    }
    started.is_ok()
}

/// Waits until the signals' socket has a byte: whether one came (false: the other end is
/// closed). What signal-hook's own `Signals` iterator does.
fn wait_for_signals(read: &mut UnixStream) -> std::io::Result<bool> {
    loop {
        match read.read(&mut [0u8]) {
            Ok(count) => return Ok(count > 0),
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
}

/// From the signal thread: hands what the script wrote to the writer and waits (a while) until
/// it is written.
fn flush_before_dying(shared: &Shared) {
    let buffer = std::mem::take(&mut *locked(&shared.buffer));
    let inbox = locked(&shared.inbox);
    match &*inbox {
        Some(sender) => {
            let (done, written) = mpsc::channel();
            let _ = sender.send(Job::Write(buffer));
            if sender.send(Job::Flush(done)).is_ok() {
                let _ = written.recv_timeout(FLUSH_LIMIT);
            }
        }
        None => output::stdout_bytes(&buffer),
    }
}

/// What the stdin thread reports.
pub enum StdinEvent {
    Data(Vec<u8>),
    /// End of input (or an error reading it).
    End,
}

/// Starts reading stdin on a thread; `send` delivers each chunk and then the end.
pub fn start_stdin_reader(send: impl Fn(StdinEvent) + Send + 'static) {
    let started = std::thread::Builder::new()
        .name("stdin".to_string())
        .spawn(move || {
            let mut stdin = std::io::stdin().lock();
            let mut buffer = vec![0u8; READ_CHUNK];
            loop {
                match stdin.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => send(StdinEvent::Data(buffer[..n].to_vec())),
                }
            }
            send(StdinEvent::End);
        });
    if started.is_err() {
        output::stderr("node: cannot start the stdin reader thread\n");
    }
}
