//! One connection's TLS session: the `rustls::Connection` that sits between the socket and
//! the connection's JavaScript events (tcp/secure.rs moves the bytes), and what the script
//! can ask about the peer.

use super::{verify, Credentials, Role};
use rustls::pki_types::ServerName;
use std::rc::Rc;

pub struct Session {
    pub tls: rustls::Connection,
    credentials: Rc<Credentials>,
    /// The host name a client connected to (its server's certificate must match it).
    host: Option<String>,
    /// The handshake finished and "connect" was reported.
    pub established: bool,
    /// Our close_notify alert is queued (the socket is shut down once it is out).
    pub close_sent: bool,
    /// `verifyPeer()`'s answer, once asked (the peer's certificate does not change).
    verified: Option<i32>,
}

impl Session {
    /// A server session, or a client session for `host`, as the credentials say.
    pub fn new(credentials: Rc<Credentials>, host: Option<String>) -> Result<Session, String> {
        let tls: rustls::Connection = match (credentials.role, &credentials.server) {
            (Role::Server, Some(config)) => rustls::ServerConnection::new(config.clone())
                .map_err(|e| e.to_string())?
                .into(),
            _ => {
                let Some(config) = &credentials.client else {
                    return Err("these TLS credentials are not a client's".to_string());
                };
                rustls::ClientConnection::new(config.clone(), server_name(host.as_deref()))
                    .map_err(|e| e.to_string())?
                    .into()
            }
        };
        Ok(Session {
            tls,
            credentials,
            host,
            established: false,
            close_sent: false,
            verified: None,
        })
    }

    /// `verifyPeer()`: see verify.rs for the numbers. 0 until the handshake is done.
    pub fn verify_peer(&mut self) -> i32 {
        if !self.established {
            return verify::NO_CERTIFICATE;
        }
        if let Some(known) = self.verified {
            return known;
        }
        let chain = self.tls.peer_certificates().unwrap_or(&[]);
        let host = match self.credentials.role {
            Role::Client => Some(self.host.as_deref().unwrap_or("localhost")),
            Role::Server => None,
        };
        let result = verify::verify_peer(chain, &self.credentials, host);
        self.verified = Some(result);
        result
    }

    /// `getPeerCertificate("DNstring")`: the subject of the peer's certificate.
    pub fn peer_dn(&mut self) -> Option<String> {
        let chain = self.tls.peer_certificates()?;
        verify::subject_dn(chain.first()?)
    }
}

/// The name a client sends (SNI) and rustls keeps for the session cache: a DNS name or an IP
/// address. A name that is neither (an underscore in it, say) is sent as no name at all; the
/// certificate check of verifyPeer still uses the name as given.
fn server_name(host: Option<&str>) -> ServerName<'static> {
    let host = host.unwrap_or("localhost");
    match ServerName::try_from(host.to_string()) {
        Ok(name) => name,
        Err(_) => ServerName::IpAddress(std::net::Ipv4Addr::UNSPECIFIED.into()),
    }
}
