//! One connection's TLS session (runtime/src/bindings/tls/session.rs, over credentials.rs's
//! configurations and verify.rs) fed arbitrary bytes as a peer would send them: a server
//! session taking a client's records, or a client session a server's.
//!
//! The reading loop that drives a session in the runtime (`take_in` in
//! runtime/src/bindings/tcp/secure.rs) is a method of the connection, with its mio socket and
//! its JavaScript events, and cannot run without them; this target makes the same calls on
//! the session in the same order: `read_tls` until the bytes are taken, `process_new_packets`
//! (on an error, the alert is written out and the connection ends), "connect" when the
//! handshake is over (then `verifyPeer()` and `getPeerCertificate`, our code on the peer's
//! certificate), the plaintext read out, and at the end an empty read (the socket's end).
//! What the session writes goes to a buffer, as it would to the socket.
//!
//! Input: a control byte (bit 0: a client session, else a server one; bits 1-7: the size of
//! the pieces the peer's bytes come in, 0 for all at once), then the peer's bytes.
#![no_main]

#[path = "tls_runtime.rs"]
mod tls;

use libfuzzer_sys::fuzz_target;
use std::io::Read;
use std::rc::Rc;
use tls::{Credentials, Role, Session};

const CA: &str = include_str!("../../conformance/api/tls/fixtures/ca.pem");
const SERVER_KEY: &str = include_str!("../../conformance/api/tls/fixtures/server.key");
const SERVER_CERT: &str = include_str!("../../conformance/api/tls/fixtures/server.pem");
const CLIENT_KEY: &str = include_str!("../../conformance/api/tls/fixtures/client.key");
const CLIENT_CERT: &str = include_str!("../../conformance/api/tls/fixtures/client.pem");

thread_local! {
    /// A server that asks for a client certificate (it has CAs), and a client with one.
    static CREDENTIALS: (Rc<Credentials>, Rc<Credentials>) = (
        Rc::new(Credentials::new(Role::Server, CA, "", SERVER_KEY, SERVER_CERT).expect("server")),
        Rc::new(Credentials::new(Role::Client, CA, "", CLIENT_KEY, CLIENT_CERT).expect("client")),
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&control, input)) = data.split_first() else {
        return;
    };
    let credentials = CREDENTIALS.with(|(server, client)| match control & 1 {
        0 => server.clone(),
        _ => client.clone(),
    });
    let host = (control & 1 != 0).then(|| "localhost".to_string());
    let mut session = Session::new(credentials, host).expect("a session");
    let step = match usize::from(control >> 1) {
        0 => input.len().max(1),
        n => n,
    };
    let mut socket = Vec::new();
    // The client speaks first: its ClientHello goes out before anything is read.
    let _ = session.tls.write_tls(&mut socket);
    let mut plaintext = 0;
    let mut ended = false;
    for piece in input.chunks(step) {
        if !take_in(&mut session, piece, &mut socket, &mut plaintext) {
            ended = true;
            break;
        }
    }
    if !ended {
        take_in(&mut session, &[], &mut socket, &mut plaintext);
    }
    assert!(plaintext <= input.len());
});

/// secure.rs's `take_in`: false when the connection ends (an error, the peer's end).
fn take_in(
    session: &mut Session,
    mut data: &[u8],
    socket: &mut Vec<u8>,
    plaintext: &mut usize,
) -> bool {
    let socket_ended = data.is_empty();
    let mut buffer = [0u8; 4096];
    loop {
        match session.tls.read_tls(&mut data) {
            Ok(0) if !data.is_empty() => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
        if session.tls.process_new_packets().is_err() {
            let _ = session.tls.write_tls(socket);
            return false;
        }
        if !session.established && !session.tls.is_handshaking() {
            session.established = true;
            // What a script does on "connect".
            let verdict = session.verify_peer();
            assert!(
                verdict == 1 || (-107..=0).contains(&verdict),
                "verdict {verdict}"
            );
            let _ = session.peer_dn();
        }
        let mut peer_closed = false;
        loop {
            match session.tls.reader().read(&mut buffer) {
                Ok(0) => {
                    peer_closed = true;
                    break;
                }
                Ok(n) => *plaintext += n,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(_) => {
                    peer_closed = true;
                    break;
                }
            }
        }
        // secure.rs's write_out: the session's records go to the socket.
        while session.tls.wants_write() {
            if session.tls.write_tls(socket).is_err() {
                return false;
            }
        }
        if peer_closed || socket_ended {
            return false;
        }
        if data.is_empty() {
            return true;
        }
    }
}
