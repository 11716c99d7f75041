//! `verifyPeer()` and `getPeerCertificate("DNstring")` on a peer's certificate chain: the
//! DER bytes a peer sends in its Certificate message (which the handshake accepts whatever
//! they are, see credentials.rs) through our verifier (runtime/src/bindings/tls/verify.rs:
//! x509-parser, rustls-webpki, our CRL, name and self-trust checks) and our DN printer. The
//! runtime's tls files are included by path, in a module of their shape (`runtime` is a
//! binary crate; they use nothing of it but each other).
//!
//! Input: a control byte, then items, each a kind byte, a 16-bit big-endian length and that
//! many bytes of DER: kind 0 a certificate of the peer's chain (its own first), 1 a CA
//! certificate given to setSecure, 2 a CRL given to it. Control: bit 0 the peer is the server
//! (its name is checked), bits 1-2 the host connected to (localhost, 127.0.0.1,
//! other.example, [::1]), bit 3 the CA of conformance/api/tls/fixtures is given too.
#![no_main]

#[path = "tls_runtime.rs"]
mod tls;

use libfuzzer_sys::fuzz_target;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, CertificateRevocationListDer};
use tls::{verify, Credentials, Role};

const CA: &str = include_str!("../../conformance/api/tls/fixtures/ca.pem");
const HOSTS: [&str; 4] = ["localhost", "127.0.0.1", "other.example", "[::1]"];

fuzz_target!(|data: &[u8]| {
    let Some((&control, mut rest)) = data.split_first() else {
        return;
    };
    let mut chain = Vec::new();
    let mut cas = Vec::new();
    let mut crls = Vec::new();
    while let [kind, high, low, tail @ ..] = rest {
        let length = usize::from(u16::from_be_bytes([*high, *low])).min(tail.len());
        let (der, tail) = tail.split_at(length);
        match kind % 3 {
            0 => chain.push(CertificateDer::from(der.to_vec())),
            1 => cas.push(CertificateDer::from(der.to_vec())),
            _ => crls.push(CertificateRevocationListDer::from(der.to_vec())),
        }
        rest = tail;
    }
    if control & 8 != 0 {
        cas.extend(CertificateDer::pem_slice_iter(CA.as_bytes()).map(|c| c.expect("the CA")));
    }
    let peer_is_server = control & 1 != 0;
    let credentials = Credentials {
        role: if peer_is_server {
            Role::Client
        } else {
            Role::Server
        },
        server: None,
        client: None,
        cas,
        crls,
    };
    let host = peer_is_server.then(|| HOSTS[usize::from(control >> 1) & 3]);
    let verdict = verify::verify_peer(&chain, &credentials, host);
    assert!(
        verdict == verify::VERIFIED || (-107..=0).contains(&verdict),
        "verdict {verdict}"
    );
    assert_eq!(chain.is_empty(), verdict == verify::NO_CERTIFICATE);
    if let Some(first) = chain.first() {
        let _ = verify::subject_dn(first);
    }
});
