//! The native half of `process.watchFile` (stdlib/internal/watch_file.js builds the API on
//! it): a file's stat polled at an interval, its listener told of each change with the new and
//! the previous stats. node 0.1.27 used libev's ev_stat, which polls with a timer; here each
//! watcher is a thread that sleeps between two `lstat` calls (a stat can block on a slow disk,
//! and must not stall the loop), and sends what changed through the loop's inbox.
//!
//! As ev_stat did: the file is looked at with lstat; a missing file has stats that are all
//! zero (its appearing or disappearing is a change); a change is any difference in device,
//! inode, mode, link count, owner, group, rdev, size or the three times.

use crate::bindings::{arg, natives_object, number_arg, posix, string_arg, NativeResult};
use crate::event_loop::host::{self, Message};
use engine::object::Object;
use engine::value::Value;
use engine::vm::{Ctx, Handle};
use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

/// The interval when the script gives none (or 0): libev's default for ev_stat, which node has
/// kept to this day (5007 ms — not a round number, so that watchers started together drift
/// apart rather than all polling at once).
const DEFAULT_INTERVAL: Duration = Duration::from_millis(5007);

/// The shortest interval: libev's lower bound (about 0.1 s) — polling faster costs a thread a
/// stat call every few milliseconds for changes no one could tell apart.
const MIN_INTERVAL: Duration = Duration::from_millis(100);

/// A started watcher, in the host state.
pub struct Watcher {
    pub callback: Handle,
    /// Whether it keeps the loop alive.
    pub persistent: bool,
    /// Dropping it stops the polling thread (its `recv_timeout` wakes up disconnected).
    _stop: mpsc::Sender<()>,
}

/// A change, from a polling thread to the loop: the watcher's id, the current and previous
/// stats (None: the file was not there).
pub type Change = (u64, Option<Metadata>, Option<Metadata>);

/// The natives of stdlib/internal/watch_file.js (`process._binding("watch_file")`).
pub fn make(ctx: Ctx<'_>) -> Object<'_> {
    natives_object(
        ctx,
        &[("watch", watch_file, 4), ("unwatch", unwatch_file, 1)],
    )
}

/// watch(filename, interval, persistent, callback): starts polling; returns the
/// watcher's id. `callback(current, previous)` gets the raw stats (posix.Stats' fields, times
/// in milliseconds) or null for a missing file.
fn watch_file<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let path = string_arg(ctx, args, 0)?;
    let interval = number_arg(ctx, args, 1)?;
    let interval = if interval.is_finite() && interval > 0.0 {
        Duration::from_secs_f64(interval.min(1e9) / 1000.0).max(MIN_INTERVAL)
    } else {
        DEFAULT_INTERVAL
    };
    let persistent = arg(args, 2).to_boolean();
    let callback = arg(args, 3);
    if !callback.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error("_watchFile: the callback must be a function"));
    }
    let host = host::of(ctx)?;
    let (stop, stopped) = mpsc::channel();
    let id = {
        let mut state = host.state.borrow_mut();
        state.next_watcher += 1;
        state.next_watcher
    };
    let inbox = host.inbox.clone();
    // The first stat is taken now, as ev_stat_start did: a change made right after
    // watchFile returns is a change.
    let mut previous = std::fs::symlink_metadata(&path).ok();
    let started = std::thread::Builder::new()
        .name(format!("watch-{id}"))
        .spawn(move || {
            // Until the watcher is dropped (the sender goes, and the wait ends at once).
            while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(interval) {
                let current = std::fs::symlink_metadata(&path).ok();
                if fields(current.as_ref()) != fields(previous.as_ref()) {
                    inbox.send(Message::FileChanged(Box::new((
                        id,
                        current.clone(),
                        previous,
                    ))));
                }
                previous = current;
            }
        });
    if let Err(error) = started {
        return Err(ctx.error(
            ctx.realm().error_prototype,
            &format!("process.watchFile: cannot start a thread: {error}"),
        ));
    }
    let watcher = Watcher {
        callback: ctx.stash(callback),
        persistent,
        _stop: stop,
    };
    host.state.borrow_mut().file_watchers.insert(id, watcher);
    Ok(Value::Number(id as f64))
}

/// unwatch(id): stops a watcher; no change is reported after this.
fn unwatch_file<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let id = number_arg(ctx, args, 0)?;
    host::of(ctx)?
        .state
        .borrow_mut()
        .file_watchers
        .remove(&(id as u64));
    Ok(Value::Undefined)
}

/// What ev_stat compared (all zero for a missing file).
fn fields(meta: Option<&Metadata>) -> [i64; 14] {
    let Some(m) = meta else { return [0; 14] };
    [
        m.dev() as i64,
        m.ino() as i64,
        i64::from(m.mode()),
        m.nlink() as i64,
        i64::from(m.uid()),
        i64::from(m.gid()),
        m.rdev() as i64,
        m.size() as i64,
        m.atime(),
        m.atime_nsec(),
        m.mtime(),
        m.mtime_nsec(),
        m.ctime(),
        m.ctime_nsec(),
    ]
}

/// The values a change's callback gets: the stats objects (null for a missing file).
pub fn stats_values<'gc>(
    ctx: Ctx<'gc>,
    current: Option<&Metadata>,
    previous: Option<&Metadata>,
) -> Vec<Value<'gc>> {
    [current, previous]
        .into_iter()
        .map(|meta| meta.map_or(Value::Null, |meta| posix::stats_object(ctx, meta)))
        .collect()
}
