//! Sources of readiness events — sockets, pipes, signals — registered with the loop's
//! `mio::Poll`. Each is a [`Source`] kept here under its token; when `poll` says it is ready,
//! the loop asks it what happened, and it answers with the JavaScript calls to make. Natives
//! reach a source (to write to a socket, to close it) by its token, which the JavaScript object
//! keeps as a number.

use engine::value::Value;
use engine::vm::{Ctx, Handle};
use mio::{Registry, Token};
use rustc_hash::FxHashMap;
use std::any::Any;

/// Builds the arguments of a call into JavaScript, inside the arena.
pub type Args = Box<dyn for<'gc> FnOnce(Ctx<'gc>) -> Vec<Value<'gc>>>;

/// A call the loop makes for a source: `callback.apply(this, args)`.
pub struct Call {
    pub callback: Handle,
    pub this: Option<Handle>,
    pub args: Args,
}

/// What a source has to say after an event.
#[derive(Default)]
pub struct Ready {
    pub calls: Vec<Call>,
    /// The source is finished: the loop deregisters and drops it (after making the calls).
    pub done: bool,
}

pub trait Source: Any {
    /// `poll` reported `event` for this source.
    fn ready(&mut self, event: &mio::event::Event, registry: &Registry) -> Ready;
    /// Takes the source off `poll` before it is dropped.
    fn deregister(&mut self, registry: &Registry);
    /// Whether the loop must keep running for this source (a listening server or an open
    /// socket does; a watcher a script marked non-persistent does not).
    fn keeps_alive(&self) -> bool {
        true
    }
    /// Writes out what natives queued during the last event (see [`Io::mark_dirty`]).
    fn flush(&mut self, _registry: &Registry) -> Ready {
        Ready::default()
    }
    fn as_any(&mut self) -> &mut dyn Any;
}

/// Token 0 is the loop's waker; sources get the others.
pub const FIRST_TOKEN: usize = 1;

pub struct Io {
    registry: Registry,
    sources: FxHashMap<Token, Box<dyn Source>>,
    next: usize,
    /// Sources with output queued since the last flush: the loop flushes them after each
    /// event, so that everything a callback sends goes out in one system call.
    dirty: Vec<Token>,
}

impl Io {
    pub fn new(registry: Registry) -> Io {
        Io {
            registry,
            sources: FxHashMap::default(),
            next: FIRST_TOKEN,
            dirty: Vec::new(),
        }
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Adds the source `make` builds (registering itself under the token it is given).
    pub fn add(
        &mut self,
        make: impl FnOnce(&Registry, Token) -> std::io::Result<Box<dyn Source>>,
    ) -> std::io::Result<Token> {
        let token = Token(self.next);
        let source = make(&self.registry, token)?;
        self.next += 1;
        self.sources.insert(token, source);
        Ok(token)
    }

    /// The source under `token`, if it is a `T`.
    pub fn get<T: Source>(&mut self, token: Token) -> Option<&mut T> {
        self.sources.get_mut(&token)?.as_any().downcast_mut::<T>()
    }

    /// Deregisters and drops the source under `token`.
    pub fn remove(&mut self, token: Token) {
        if let Some(mut source) = self.sources.remove(&token) {
            source.deregister(&self.registry);
        }
    }

    /// Lets the source under `token` handle `event`.
    pub fn ready(&mut self, token: Token, event: &mio::event::Event) -> Ready {
        let Some(source) = self.sources.get_mut(&token) else {
            return Ready::default();
        };
        let ready = source.ready(event, &self.registry);
        if ready.done {
            self.remove(token);
        }
        ready
    }

    /// Asks for the source under `token` to be flushed after the current event.
    pub fn mark_dirty(&mut self, token: Token) {
        self.dirty.push(token);
    }

    /// Flushes the sources marked dirty; returns the calls they make (a "drain", or a
    /// "close" after an error), dropping the sources that are done.
    pub fn flush(&mut self) -> Vec<Call> {
        let mut calls = Vec::new();
        for token in std::mem::take(&mut self.dirty) {
            let Some(source) = self.sources.get_mut(&token) else {
                continue;
            };
            let ready = source.flush(&self.registry);
            calls.extend(ready.calls);
            if ready.done {
                self.remove(token);
            }
        }
        calls
    }

    pub fn keeps_alive(&self) -> bool {
        self.sources.values().any(|s| s.keeps_alive())
    }
}
