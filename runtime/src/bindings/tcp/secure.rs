//! A secure connection's reading and writing: the same connection as a plain one (pause,
//! timeouts, "drain", half-close and the HTTP parser are tcp.rs's), with its TLS session
//! between the socket and the events. What the socket gives goes to rustls, and what rustls
//! decrypts is "receive"d; the output buffer is handed to rustls a record at a time, once
//! the records before are out, so the session's own buffer stays small and `send`'s
//! high-water mark (over the output buffer) keeps its meaning.
//!
//! "connect" comes when the handshake is done. A handshake that fails, or a peer that ends
//! the connection before it is done, is "close" with hadError true; the alert that says why
//! goes to the peer if its socket takes it. `close()` sends TLS's close_notify, then shuts
//! the socket down for writing.

use super::{Connection, READ_BUDGET};
use crate::event_loop::io::Ready;
use mio::Registry;
use std::io::{self, Read, Write};
use std::time::Instant;

/// Plaintext handed to rustls at a time: one TLS record's worth.
const PLAINTEXT_CHUNK: usize = 16 * 1024;

thread_local! {
    /// What secure sockets read into before rustls takes it: one buffer for all, as the loop
    /// reads one socket at a time. (rustls's own `read_tls` reads 4 KB per system call.)
    static CIPHERTEXT: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0; 64 * 1024]);
}

/// After some bytes went through the session: go on reading, or stop with these calls.
enum Flow {
    Go(Ready),
    Stop(Ready),
}

impl Connection {
    /// Reads what the socket has through the TLS session and makes the calls it means;
    /// the plaintext is "receive"d in pieces of at most `buffer`'s size.
    pub(super) fn read_secure(
        &mut self,
        buffer: &mut [u8],
        registry: &Registry,
        ready: Ready,
        event_read_closed: bool,
    ) -> Ready {
        let mut ciphertext = CIPHERTEXT.take();
        if ciphertext.is_empty() {
            ciphertext = vec![0; 64 * 1024];
        }
        let ready = self.read_through(&mut ciphertext, buffer, registry, ready, event_read_closed);
        CIPHERTEXT.set(ciphertext);
        ready
    }

    fn read_through(
        &mut self,
        ciphertext: &mut [u8],
        buffer: &mut [u8],
        registry: &Registry,
        mut ready: Ready,
        event_read_closed: bool,
    ) -> Ready {
        let mut total = 0;
        loop {
            if total >= READ_BUDGET {
                // More may be waiting: re-arm, so that poll reports the socket again.
                self.rearm(registry);
                break;
            }
            let n = match self.stream.read(ciphertext) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => return self.close(ready, true),
            };
            total += n;
            if n > 0 {
                self.last_active = Instant::now();
            }
            ready = match self.take_in(&ciphertext[..n], buffer, ready) {
                Flow::Go(ready) => ready,
                Flow::Stop(ready) => return ready,
            };
            // A short read emptied the socket's buffer (unless the peer has ended: that
            // needs a read to see), as in tcp.rs. After the peer's close_notify nothing more
            // is read.
            if n == 0 || !self.reading || (n < ciphertext.len() && !event_read_closed) {
                break;
            }
        }
        // Handshake messages to send, or output that waited for the handshake.
        let due = self.tls.as_ref().is_some_and(|s| {
            s.tls.wants_write()
                || (s.established && (self.out_start < self.out.len() || self.shutdown_asked))
        });
        if due {
            ready = self.write_out(ready);
        }
        ready
    }

    /// Hands `data` read from the socket (nothing: the socket ended) to the session, and
    /// makes the calls of what comes out: "connect" when the handshake is done, "receive"s,
    /// "eof" at the peer's close_notify or end.
    fn take_in(&mut self, mut data: &[u8], buffer: &mut [u8], mut ready: Ready) -> Flow {
        let socket_ended = data.is_empty();
        loop {
            let Some(session) = self.tls.as_deref_mut() else {
                return Flow::Stop(ready);
            };
            // rustls takes at most a few records at a time; an empty read tells it of the end.
            match session.tls.read_tls(&mut data) {
                // Taking nothing from what is left: the peer's close_notify came before it.
                Ok(0) if !data.is_empty() => return Flow::Go(ready),
                Ok(_) => {}
                Err(_) => return Flow::Stop(self.close(ready, true)),
            }
            if session.tls.process_new_packets().is_err() {
                // Not TLS, a failed handshake, a forged record: the peer is told why (an
                // alert), if its socket takes it, and the connection ends in error.
                let _ = session.tls.write_tls(&mut self.stream);
                return Flow::Stop(self.close(ready, true));
            }
            if !session.established && !session.tls.is_handshaking() {
                session.established = true;
                self.call(&mut ready.calls, "connect", |_, _| {});
            }
            let mut peer_closed = false;
            while let Some(session) = self.tls.as_deref_mut() {
                match session.tls.reader().read(buffer) {
                    // The peer's close_notify.
                    Ok(0) => {
                        peer_closed = true;
                        break;
                    }
                    Ok(n) => self.received(&buffer[..n], &mut ready.calls),
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    // The socket ended without a close_notify (many peers end so).
                    Err(_) => {
                        peer_closed = true;
                        break;
                    }
                }
            }
            // The peer's close_notify, or the socket's end (even one that cuts a record
            // short: the record is lost, the end is the end).
            if peer_closed || socket_ended {
                if !self.tls.as_ref().is_some_and(|s| s.established) {
                    // Gone in the middle of the handshake.
                    return Flow::Stop(self.close(ready, true));
                }
                let ready = self.peer_ended(ready);
                return if ready.done {
                    Flow::Stop(ready)
                } else {
                    Flow::Go(ready)
                };
            }
            if data.is_empty() {
                return Flow::Go(ready);
            }
        }
    }

    /// Writes the session's records, and the output buffer through the session, as far as
    /// the socket takes them; then the close_notify and the shutdown, if asked for.
    pub(super) fn write_out_secure(&mut self, ready: Ready) -> Ready {
        loop {
            let Some(session) = self.tls.as_deref_mut() else {
                return ready;
            };
            while session.tls.wants_write() {
                match session.tls.write_tls(&mut self.stream) {
                    Ok(0) => return self.close(ready, true),
                    Ok(_) => self.last_active = Instant::now(),
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                        // "drain" is due once the records are out (not for the handshake's).
                        self.blocked |= session.established;
                        return ready;
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(_) => return self.close(ready, true),
                }
            }
            if !session.established {
                return ready; // the output waits for the handshake
            }
            if self.out_start < self.out.len() {
                let end = self.out.len().min(self.out_start + PLAINTEXT_CHUNK);
                match session.tls.writer().write(&self.out[self.out_start..end]) {
                    Ok(n) if n > 0 => self.out_start += n,
                    // The session takes nothing more until its records are out (it never
                    // happens: they are out).
                    _ => return ready,
                }
                continue;
            }
            if self.shutdown_asked && self.writing && !session.close_sent {
                session.close_sent = true;
                session.tls.send_close_notify();
                continue;
            }
            break;
        }
        self.output_done(ready)
    }
}
