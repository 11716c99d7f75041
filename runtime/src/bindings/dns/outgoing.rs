//! The queries written during a turn of the loop, sent together before the loop waits again:
//! one `sendmmsg` for all of a server's queries, not one `send` each.
//!
//! Why: each datagram sent to a server that sleeps wakes it, and on a busy machine the woken
//! server takes the CPU from us at once (it has slept, so the scheduler favours it), answers
//! that one query and sleeps again; with a hundred queries in flight that was a context switch
//! or two for every query, and most of our time waiting for the CPU back. Sent together, the
//! queries of a turn wake the server once, and it answers them all in a row.

use mio::net::UdpSocket;
use nix::sys::socket::{sendmmsg, MsgFlags, MultiHeaders};
use std::io::IoSlice;
use std::os::fd::AsRawFd;

/// At most this many datagrams go in one `sendmmsg` (the rest in the next).
const PER_CALL: usize = 128;

/// Tries, as (job, serial).
type Tries = Vec<(u64, u64)>;

/// One query waiting to be sent.
struct Datagram {
    server: usize,
    /// The try it is (job and serial), to fail it if it cannot be sent.
    job: u64,
    serial: u64,
    /// Where its bytes are in `Outgoing::bytes`.
    start: usize,
    end: usize,
}

pub struct Outgoing {
    bytes: Vec<u8>,
    datagrams: Vec<Datagram>,
    /// `sendmmsg`'s headers, made once.
    headers: MultiHeaders<()>,
}

impl Default for Outgoing {
    fn default() -> Self {
        Outgoing {
            bytes: Vec::new(),
            datagrams: Vec::new(),
            headers: MultiHeaders::preallocate(PER_CALL, None),
        }
    }
}

impl Outgoing {
    /// Queues a datagram for server `server`, whose bytes `write` appends to the vector it is
    /// given.
    pub fn push(&mut self, server: usize, job: u64, serial: u64, write: impl FnOnce(&mut Vec<u8>)) {
        let start = self.bytes.len();
        write(&mut self.bytes);
        self.datagrams.push(Datagram {
            server,
            job,
            serial,
            start,
            end: self.bytes.len(),
        });
    }

    /// Drops the datagrams of the tries (job, serial) for which `keep` says no.
    pub fn retain(&mut self, mut keep: impl FnMut(u64, u64) -> bool) {
        self.datagrams
            .retain(|datagram| keep(datagram.job, datagram.serial));
        if self.datagrams.is_empty() {
            self.bytes.clear();
        }
    }

    /// Sends the datagrams queued, each on its server's socket, in the order they were
    /// queued, at most `room[server]` for each server (the others stay queued). Returns the
    /// tries (job, serial) whose datagram was sent, and those whose datagram could not be (no
    /// socket; "port unreachable" reported for an earlier one; a full send buffer).
    pub fn send(&mut self, sockets: &[Option<UdpSocket>], room: &mut [usize]) -> (Tries, Tries) {
        let (mut sent, mut failed) = (Vec::new(), Vec::new());
        let mut taken = vec![false; self.datagrams.len()];
        for (server, socket) in sockets.iter().enumerate() {
            let Some(room) = room.get_mut(server) else {
                break;
            };
            let mine: Vec<usize> = (0..self.datagrams.len())
                .filter(|&n| self.datagrams[n].server == server)
                .take(*room)
                .collect();
            let Some(socket) = socket else {
                for &n in &mine {
                    taken[n] = true;
                    failed.push((self.datagrams[n].job, self.datagrams[n].serial));
                }
                continue;
            };
            let mut at = 0;
            while at < mine.len() {
                let batch = &mine[at..mine.len().min(at + PER_CALL)];
                let result = send_together(
                    socket,
                    &mut self.headers,
                    &self.bytes,
                    batch.iter().map(|&n| &self.datagrams[n]),
                );
                let (count, went) = match result {
                    Ok(count) if count > 0 => (count, true),
                    // The first of them could not go: it fails, the others are tried again.
                    _ => (1, false),
                };
                for &n in &batch[..count.min(batch.len())] {
                    taken[n] = true;
                    let datagram = &self.datagrams[n];
                    let list = if went { &mut sent } else { &mut failed };
                    list.push((datagram.job, datagram.serial));
                }
                if went {
                    *room = room.saturating_sub(count);
                }
                at += count;
            }
        }
        // What is left waits for the next call, its bytes moved to the front.
        let mut kept = Vec::new();
        let mut bytes = Vec::new();
        for (n, datagram) in self.datagrams.drain(..).enumerate() {
            if taken[n] || datagram.server >= sockets.len() {
                if !taken[n] {
                    failed.push((datagram.job, datagram.serial));
                }
                continue;
            }
            let start = bytes.len();
            bytes.extend_from_slice(&self.bytes[datagram.start..datagram.end]);
            kept.push(Datagram {
                start,
                end: bytes.len(),
                ..datagram
            });
        }
        self.datagrams = kept;
        if self.datagrams.is_empty() {
            // (Keeps the buffer's capacity for the next turn.)
            self.bytes.clear();
        } else {
            self.bytes = bytes;
        }
        (sent, failed)
    }
}

/// One `sendmmsg` of `batch` on the (connected) `socket`: how many were sent.
fn send_together<'a>(
    socket: &UdpSocket,
    headers: &mut MultiHeaders<()>,
    bytes: &[u8],
    batch: impl Iterator<Item = &'a Datagram>,
) -> nix::Result<usize> {
    let slices: Vec<[IoSlice<'_>; 1]> = batch
        .map(|datagram| [IoSlice::new(&bytes[datagram.start..datagram.end])])
        .collect();
    // No addresses: the socket is connected to its server.
    let addresses = vec![None::<()>; slices.len()];
    let results = sendmmsg(
        socket.as_raw_fd(),
        headers,
        &slices,
        addresses,
        [],
        MsgFlags::empty(),
    )?;
    Ok(results.count())
}
