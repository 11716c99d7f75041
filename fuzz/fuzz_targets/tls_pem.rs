//! `setSecure`'s PEM arguments (runtime/src/bindings/tls/credentials.rs): the CA
//! certificates, CRLs, private key and certificate strings a script passes, often read from
//! files, parsed and checked into a rustls configuration, or refused with a message.
//!
//! Input: a control byte (bit 0: a client's credentials, else a server's), then the four
//! strings `ca`, `crl`, `private_key`, `certificate`, separated by NUL bytes (lossy UTF-8,
//! as the binding gets them from JavaScript strings).
#![no_main]

#[path = "tls_runtime.rs"]
mod tls;

use libfuzzer_sys::fuzz_target;
use tls::{Credentials, Role};

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut parts = text.splitn(4, '\0');
    let mut next = || parts.next().unwrap_or("").to_string();
    let (ca, crl, key, certificate) = (next(), next(), next(), next());
    let role = if control & 1 != 0 {
        Role::Client
    } else {
        Role::Server
    };
    match Credentials::new(role, &ca, &crl, &key, &certificate) {
        Ok(credentials) => {
            // A server's has a server configuration, a client's a client one.
            assert_eq!(credentials.server.is_some(), role == Role::Server);
            assert_eq!(credentials.client.is_some(), role == Role::Client);
        }
        Err(message) => assert!(!message.is_empty()),
    }
});
