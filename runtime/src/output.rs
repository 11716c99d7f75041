//! Writing text output directly, outside the event loop's stdout (event_loop/stdio.rs): the
//! command line's messages, errors on stderr, and the engine's dumps. [`stdout`], [`stderr`]
//! and their byte twins never panic on a closed or broken stream; the engine's dumps write to
//! a [`fmt::Write`], and [`FmtWriter`] adapts standard output (or any [`io::Write`]) to it and
//! keeps the I/O error that `fmt::Error` cannot carry.

use std::fmt;
use std::io::{self, Write as _};

/// An [`io::Write`] seen as a [`fmt::Write`], remembering the first I/O error.
pub struct FmtWriter<W: io::Write> {
    inner: W,
    error: Option<io::Error>,
}

impl<W: io::Write> FmtWriter<W> {
    pub fn new(inner: W) -> FmtWriter<W> {
        FmtWriter { inner, error: None }
    }

    /// Flushes the output and returns the first error writing it met, if any.
    ///
    /// # Errors
    /// The I/O error that stopped the output.
    pub fn finish(mut self) -> io::Result<()> {
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        self.inner.flush()
    }
}

impl<W: io::Write> fmt::Write for FmtWriter<W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.error.is_some() {
            return Err(fmt::Error);
        }
        self.inner.write_all(s.as_bytes()).map_err(|error| {
            self.error = Some(error);
            fmt::Error
        })
    }
}

/// Writes `text` to standard output. Unlike `print!`, a closed or broken stdout is not a panic:
/// the text is dropped, since there is nobody to show it to.
pub fn stdout(text: &str) {
    let mut out = io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Writes `text` to standard error; like [`stdout`], never a panic.
pub fn stderr(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// Writes bytes to standard output, blocking until they are written; never a panic.
pub fn stdout_bytes(bytes: &[u8]) {
    let mut out = io::stdout().lock();
    let _ = out.write_all(bytes).and_then(|()| out.flush());
}

/// Writes bytes to standard error; never a panic.
pub fn stderr_bytes(bytes: &[u8]) {
    let _ = io::stderr().lock().write_all(bytes);
}
