//! The runtime's TLS files (runtime/src/bindings/tls/), included by path for the tls_*
//! targets, in a module of the shape they expect: `super::Role`, `super::Credentials`,
//! `super::verify`. `Role` is mod.rs's (mod.rs itself is the JavaScript binding).
#![allow(dead_code, unused_imports)]

#[path = "../../runtime/src/bindings/tls/credentials.rs"]
pub mod credentials;
#[path = "../../runtime/src/bindings/tls/session.rs"]
pub mod session;
#[path = "../../runtime/src/bindings/tls/verify.rs"]
pub mod verify;

pub use credentials::Credentials;
pub use session::Session;

/// Which end of the connection the credentials are for (as in mod.rs).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Role {
    Server,
    Client,
}
