//! Standard I/O as node v0.1.27 had it: stdout never blocks the script (a writer thread does
//! the writing, so a slow reader or a full pipe holds up nobody), stderr is synchronous, and
//! stdin is read on a thread of its own once `process.stdio.open()` asks for it.

use crate::output;
use std::io::{Read, Write};
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

/// Buffer this much output before handing it to the writer thread mid-event.
const HAND_OFF: usize = 64 * 1024;
/// How much stdin is read at a time.
const READ_CHUNK: usize = 64 * 1024;

/// Standard output: text is gathered here and handed to a writer thread at the end of each
/// event (or when a lot has piled up); [`Stdout::finish`] waits until all of it is written.
#[derive(Default)]
pub struct Stdout {
    buffer: Vec<u8>,
    writer: Option<(Sender<Vec<u8>>, JoinHandle<()>)>,
}

impl Stdout {
    pub fn write(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= HAND_OFF {
            self.hand_off();
        }
    }

    /// Gives what is buffered to the writer thread (started on first use).
    pub fn hand_off(&mut self) {
        if self.buffer.is_empty() {
            return;
        }
        let chunk = std::mem::take(&mut self.buffer);
        if self.writer.is_none() {
            self.writer = start_writer();
        }
        match &self.writer {
            Some((sender, _)) => {
                // The thread is gone only if stdout broke; the text has nowhere to go then.
                let _ = sender.send(chunk);
            }
            None => output::stdout_bytes(&chunk),
        }
    }

    /// Writes everything still pending and waits until it is out (before the process exits).
    pub fn finish(&mut self) {
        self.hand_off();
        if let Some((sender, thread)) = self.writer.take() {
            drop(sender);
            let _ = thread.join();
        }
    }
}

fn start_writer() -> Option<(Sender<Vec<u8>>, JoinHandle<()>)> {
    let (sender, receiver) = mpsc::channel::<Vec<u8>>();
    let thread = std::thread::Builder::new()
        .name("stdout".to_string())
        .spawn(move || {
            let mut out = std::io::stdout().lock();
            let mut broken = false;
            for chunk in receiver {
                // After a write error (a closed pipe: nobody reads any more) the rest is
                // received and dropped.
                if !broken {
                    broken = out.write_all(&chunk).and_then(|()| out.flush()).is_err();
                }
            }
        })
        .ok()?;
    Some((sender, thread))
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
