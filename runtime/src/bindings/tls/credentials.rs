//! What `setSecure` was given, parsed and checked once: the rustls configuration of a server
//! or a client, and the CA certificates and CRLs that `verifyPeer()` checks the peer against.
//!
//! The verifiers installed in the configurations accept every certificate chain, as GnuTLS
//! did for v0.1.27 (the handshake finishes; `verifyPeer()` tells the script what to think of
//! the peer). They still check the handshake's signatures, so a peer has to hold the private
//! key of the certificate it shows. A server given CA certificates asks clients for a
//! certificate, naming those CAs, but does not require one.

use super::Role;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::crypto::{ring, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{
    CertificateDer, CertificateRevocationListDer, PrivateKeyDer, ServerName, UnixTime,
};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{
    ClientConfig, DigitallySignedStruct, DistinguishedName, ServerConfig, SignatureScheme,
};
use std::sync::Arc;

/// One `setSecure`'s credentials.
#[derive(Debug)]
pub struct Credentials {
    pub role: Role,
    pub server: Option<Arc<ServerConfig>>,
    pub client: Option<Arc<ClientConfig>>,
    /// The CA certificates given (`ca_certs`).
    pub cas: Vec<CertificateDer<'static>>,
    /// The certificate revocation lists given (`crl_list`).
    pub crls: Vec<CertificateRevocationListDer<'static>>,
}

impl Credentials {
    /// Parses the PEM strings (each may be empty) and makes the configuration; the error
    /// says which argument is wrong and how.
    pub fn new(
        role: Role,
        ca: &str,
        crl: &str,
        private_key: &str,
        certificate: &str,
    ) -> Result<Credentials, String> {
        let cas = certificates(ca, "ca_certs")?;
        let crls = revocation_lists(crl)?;
        let chain = certificates(certificate, "certificate")?;
        let key = match private_key.trim() {
            "" => None,
            _ => Some(
                PrivateKeyDer::from_pem_slice(private_key.as_bytes()).map_err(|e| {
                    format!(
                        "private_key: no private key could be read ({e:?}): expected PEM \
                         \"RSA PRIVATE KEY\" (PKCS#1), \"PRIVATE KEY\" (PKCS#8) or \
                         \"EC PRIVATE KEY\" (SEC1), unencrypted"
                    )
                })?,
            ),
        };
        let provider = Arc::new(provider());
        let algorithms = provider.signature_verification_algorithms;
        let mut credentials = Credentials {
            role,
            server: None,
            client: None,
            cas,
            crls,
        };
        match role {
            Role::Server => {
                let (Some(key), false) = (key, chain.is_empty()) else {
                    return Err(
                        "a server needs both a private_key and a certificate (PEM)".to_string()
                    );
                };
                let builder = ServerConfig::builder_with_provider(provider)
                    .with_safe_default_protocol_versions()
                    .map_err(|e| e.to_string())?;
                let builder = if credentials.cas.is_empty() {
                    builder.with_no_client_auth()
                } else {
                    builder.with_client_cert_verifier(Arc::new(AcceptClient {
                        algorithms,
                        hints: hints(&credentials.cas),
                    }))
                };
                let config = builder
                    .with_single_cert(chain, key)
                    .map_err(|e| key_error(&e))?;
                credentials.server = Some(Arc::new(config));
            }
            Role::Client => {
                let builder = ClientConfig::builder_with_provider(provider)
                    .with_safe_default_protocol_versions()
                    .map_err(|e| e.to_string())?
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(AcceptServer { algorithms }));
                let config = match (key, chain.is_empty()) {
                    (None, true) => builder.with_no_client_auth(),
                    (Some(key), false) => builder
                        .with_client_auth_cert(chain, key)
                        .map_err(|e| key_error(&e))?,
                    (Some(_), true) => {
                        return Err("a private_key was given without its certificate".into())
                    }
                    (None, false) => {
                        return Err("a certificate was given without its private_key".into())
                    }
                };
                credentials.client = Some(Arc::new(config));
            }
        }
        Ok(credentials)
    }
}

/// rustls's complaint about a key and certificate, said plainly.
fn key_error(error: &rustls::Error) -> String {
    match error {
        rustls::Error::InconsistentKeys(_) => {
            "the private_key does not belong to the certificate".to_string()
        }
        other => format!("private_key or certificate unusable: {other}"),
    }
}

/// The certificates of a PEM string; every one must be a well-formed X.509 certificate, and
/// a string that is not empty must hold at least one.
fn certificates(pem: &str, what: &str) -> Result<Vec<CertificateDer<'static>>, String> {
    if pem.trim().is_empty() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    for item in CertificateDer::pem_slice_iter(pem.as_bytes()) {
        let der = item.map_err(|e| format!("{what}: bad PEM ({e:?})"))?;
        if let Err(e) = x509_parser::parse_x509_certificate(&der) {
            return Err(format!("{what}: not an X.509 certificate ({e})"));
        }
        found.push(der);
    }
    if found.is_empty() {
        return Err(format!(
            "{what}: no PEM certificate (\"-----BEGIN CERTIFICATE-----\") in it"
        ));
    }
    Ok(found)
}

/// The CRLs of a PEM string (`-----BEGIN X509 CRL-----`).
fn revocation_lists(pem: &str) -> Result<Vec<CertificateRevocationListDer<'static>>, String> {
    if pem.trim().is_empty() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    for item in CertificateRevocationListDer::pem_slice_iter(pem.as_bytes()) {
        let der = item.map_err(|e| format!("crl_list: bad PEM ({e:?})"))?;
        if let Err(e) = webpki::OwnedCertRevocationList::from_der(&der) {
            return Err(format!("crl_list: not a usable X.509 CRL ({e})"));
        }
        found.push(der);
    }
    if found.is_empty() {
        return Err("crl_list: no PEM CRL (\"-----BEGIN X509 CRL-----\") in it".to_string());
    }
    Ok(found)
}

/// The subjects of the CA certificates, which a server names when it asks for a client
/// certificate.
fn hints(cas: &[CertificateDer<'_>]) -> Vec<DistinguishedName> {
    cas.iter()
        .filter_map(|der| {
            let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
            Some(DistinguishedName::from(cert.subject().as_raw().to_vec()))
        })
        .collect()
}

/// The client's verifier: any server certificate is accepted (verifyPeer judges it).
#[derive(Debug)]
struct AcceptServer {
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for AcceptServer {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// The server's verifier when it has CA certificates: asks for a client certificate, does
/// not require one, accepts any (verifyPeer judges it).
#[derive(Debug)]
struct AcceptClient {
    algorithms: WebPkiSupportedAlgorithms,
    hints: Vec<DistinguishedName>,
}

impl ClientCertVerifier for AcceptClient {
    fn offer_client_auth(&self) -> bool {
        true
    }

    fn client_auth_mandatory(&self) -> bool {
        false
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &self.hints
    }

    fn verify_client_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        Ok(ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// The crypto provider of every session: ring, which builds with nothing beyond a C compiler
/// (aws-lc-rs wants cmake and a long build). rustls 0.23.48 marks ring's provider deprecated
/// because it has no post-quantum key exchange; X25519, P-256 and P-384 are what the peers of
/// this project's tests and of 2010's programs offer.
#[allow(deprecated)]
pub fn provider() -> rustls::crypto::CryptoProvider {
    ring::default_provider()
}
