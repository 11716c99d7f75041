//! `verifyPeer()` and `getPeerCertificate("DNstring")`: our own judgement of the peer's
//! certificate, as v0.1.27 gave it over GnuTLS, made after the handshake (which accepts any
//! certificate; see credentials.rs).
//!
//! The numbers (docs/tls.md lists them for script writers):
//!
//! | value | meaning |
//! |---|---|
//! | 1 | the certificate chains to one of the CAs given, is not revoked by the CRLs given, is within its dates and (the peer being the server) matches the host name connected to |
//! | 0 | the peer presented no certificate |
//! | -100 | unknown issuer: no path to one of the CAs given (or no CAs were given) |
//! | -101 | an issuer in the chain is not a CA |
//! | -102 | bad signature: a certificate's signature does not verify with its issuer's key |
//! | -103 | not yet valid (or an issuer in the chain is not) |
//! | -104 | expired (or an issuer in the chain is) |
//! | -105 | revoked by one of the CRLs given |
//! | -106 | the server's certificate does not match the host name connected to |
//! | -107 | unusable: malformed, an unsupported algorithm, the wrong key usage |
//!
//! The chain is checked by `rustls-webpki`, with one exception from the practice of 2010: a
//! certificate that is itself one of the CAs given (a self-signed certificate used both as
//! the CA and as the peer's certificate) is trusted as it is — webpki would refuse a CA
//! certificate as an end entity — and only its dates, the CRLs and the name are checked.
//! Names are checked as GnuTLS did: against the subjectAltName's DNS names and IP addresses
//! when there are any, else against the subject's common name (CN), with `*.` wildcards.

use super::Credentials;
use rustls::pki_types::{CertificateDer, UnixTime};
use std::net::IpAddr;
use webpki::{
    CertRevocationList, ExpirationPolicy, KeyUsage, RevocationCheckDepth, UnknownStatusPolicy,
};
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::GeneralName;
use x509_parser::prelude::FromDer;
use x509_parser::revocation_list::CertificateRevocationList;

pub const VERIFIED: i32 = 1;
pub const NO_CERTIFICATE: i32 = 0;
pub const UNKNOWN_ISSUER: i32 = -100;
pub const ISSUER_NOT_CA: i32 = -101;
pub const BAD_SIGNATURE: i32 = -102;
pub const NOT_YET_VALID: i32 = -103;
pub const EXPIRED: i32 = -104;
pub const REVOKED: i32 = -105;
pub const NAME_MISMATCH: i32 = -106;
pub const UNUSABLE: i32 = -107;

/// The verdict on the peer's `chain` (its own certificate first). `host` is the name the
/// client connected to, when the peer is the server.
pub fn verify_peer(
    chain: &[CertificateDer<'_>],
    credentials: &Credentials,
    host: Option<&str>,
) -> i32 {
    let Some(end_entity) = chain.first() else {
        return NO_CERTIFICATE;
    };
    let Ok((_, certificate)) = X509Certificate::from_der(end_entity) else {
        return UNUSABLE;
    };
    let now = UnixTime::now();
    let verdict = if credentials
        .cas
        .iter()
        .any(|ca| ca.as_ref() == end_entity.as_ref())
    {
        check_trusted_itself(&certificate, credentials, now)
    } else {
        check_chain(end_entity, &chain[1..], credentials, host.is_some(), now)
    };
    if verdict != VERIFIED {
        return verdict;
    }
    match host {
        Some(host) if !matches_host(&certificate, host) => NAME_MISMATCH,
        _ => VERIFIED,
    }
}

/// A certificate that is one of the CAs given: trusted as it is, if within its dates and not
/// revoked by a CRL it signed itself.
fn check_trusted_itself(
    certificate: &X509Certificate<'_>,
    credentials: &Credentials,
    now: UnixTime,
) -> i32 {
    let now = i64::try_from(now.as_secs()).unwrap_or(i64::MAX);
    let validity = certificate.validity();
    if now < validity.not_before.timestamp() {
        return NOT_YET_VALID;
    }
    if now > validity.not_after.timestamp() {
        return EXPIRED;
    }
    for der in &credentials.crls {
        let Ok((_, crl)) = CertificateRevocationList::from_der(der) else {
            continue;
        };
        if crl.issuer().as_raw() != certificate.subject().as_raw()
            || crl.verify_signature(certificate.public_key()).is_err()
        {
            continue;
        }
        if crl
            .iter_revoked_certificates()
            .any(|revoked| revoked.raw_serial() == certificate.raw_serial())
        {
            return REVOKED;
        }
    }
    VERIFIED
}

/// The path from the certificate to one of the CAs given, by webpki, with the CRLs.
fn check_chain(
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
    credentials: &Credentials,
    peer_is_server: bool,
    now: UnixTime,
) -> i32 {
    let anchors: Vec<_> = credentials
        .cas
        .iter()
        .filter_map(|ca| webpki::anchor_from_trusted_cert(ca).ok())
        .collect();
    if anchors.is_empty() {
        return UNKNOWN_ISSUER;
    }
    let Ok(certificate) = webpki::EndEntityCert::try_from(end_entity) else {
        return UNUSABLE;
    };
    let crls: Vec<CertRevocationList<'_>> = credentials
        .crls
        .iter()
        .filter_map(|der| webpki::OwnedCertRevocationList::from_der(der).ok())
        .map(CertRevocationList::from)
        .collect();
    let crl_refs: Vec<&CertRevocationList<'_>> = crls.iter().collect();
    // A CRL from another CA says nothing of this chain: unknown status is allowed, and a CRL
    // past its next update still counts (as GnuTLS had it).
    let revocation = webpki::RevocationOptionsBuilder::new(&crl_refs)
        .ok()
        .map(|builder| {
            builder
                .with_depth(RevocationCheckDepth::Chain)
                .with_status_policy(UnknownStatusPolicy::Allow)
                .with_expiration_policy(ExpirationPolicy::Ignore)
                .build()
        });
    let usage = if peer_is_server {
        KeyUsage::server_auth()
    } else {
        KeyUsage::client_auth()
    };
    let algorithms = super::credentials::provider().signature_verification_algorithms;
    match certificate.verify_for_usage(
        algorithms.all,
        &anchors,
        intermediates,
        now,
        usage,
        revocation,
        None,
    ) {
        Ok(_) => VERIFIED,
        Err(error) => number_of(&error),
    }
}

/// The number for webpki's reason.
fn number_of(error: &webpki::Error) -> i32 {
    use webpki::Error as E;
    match error {
        E::UnknownIssuer => UNKNOWN_ISSUER,
        E::EndEntityUsedAsCa => ISSUER_NOT_CA,
        E::InvalidSignatureForPublicKey | E::SignatureAlgorithmMismatch => BAD_SIGNATURE,
        E::CertNotValidYet { .. } => NOT_YET_VALID,
        E::CertExpired { .. } => EXPIRED,
        E::CertRevoked => REVOKED,
        _ => UNUSABLE,
    }
}

/// Whether the certificate names `host`: its subjectAltName's DNS names and IP addresses if
/// it has any, else its subject's common name.
fn matches_host(certificate: &X509Certificate<'_>, host: &str) -> bool {
    let host = host.trim_end_matches('.');
    let ip: Option<IpAddr> = host.trim_matches(|c| c == '[' || c == ']').parse().ok();
    if let Ok(Some(san)) = certificate.subject_alternative_name() {
        let names = &san.value.general_names;
        if !names.is_empty() {
            return names.iter().any(|name| match (name, ip) {
                (GeneralName::DNSName(pattern), None) => name_matches(pattern, host),
                (GeneralName::IPAddress(bytes), Some(ip)) => ip_bytes_match(bytes, ip),
                _ => false,
            });
        }
    }
    certificate
        .subject()
        .iter_common_name()
        .filter_map(|cn| cn.as_str().ok())
        .any(|cn| match ip {
            Some(ip) => cn.parse::<IpAddr>().is_ok_and(|cn| cn == ip),
            None => name_matches(cn, host),
        })
}

/// A DNS name pattern against a host name, ignoring case; `*.example.com` stands for one
/// label, the leftmost.
fn name_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern.trim_end_matches('.');
    match pattern.strip_prefix("*.") {
        Some(rest) => host
            .split_once('.')
            .is_some_and(|(first, tail)| !first.is_empty() && tail.eq_ignore_ascii_case(rest)),
        None => pattern.eq_ignore_ascii_case(host),
    }
}

fn ip_bytes_match(bytes: &[u8], ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => bytes == v4.octets(),
        IpAddr::V6(v6) => bytes == v6.octets(),
    }
}

/// The subject's distinguished name as v0.1.27 printed it: `name=value` pairs joined by
/// commas, in the order the certificate holds them (C first, as a rule: the order GnuTLS
/// printed, not RFC 2253's reversed one), with RFC 2253's escapes. The attributes of a
/// multi-valued RDN are joined by `+`.
pub fn subject_dn(der: &CertificateDer<'_>) -> Option<String> {
    let (_, certificate) = X509Certificate::from_der(der).ok()?;
    let mut out = String::new();
    for rdn in certificate.subject().iter_rdn() {
        for (i, attribute) in rdn.iter().enumerate() {
            if !out.is_empty() {
                out.push(if i == 0 { ',' } else { '+' });
            }
            let oid = attribute.attr_type().to_id_string();
            out.push_str(short_name(&oid).unwrap_or(&oid));
            out.push('=');
            match attribute.as_str() {
                Ok(value) => escape(value, &mut out),
                // Not a string type: RFC 2253's "#" and the value's DER in hex.
                Err(_) => {
                    out.push('#');
                    for byte in attribute.attr_value().as_bytes() {
                        out.push_str(&format!("{byte:02x}"));
                    }
                }
            }
        }
    }
    Some(out)
}

/// The names GnuTLS printed for the usual attributes.
fn short_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.4.3" => "CN",
        "2.5.4.4" => "SN",
        "2.5.4.5" => "serialNumber",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "STREET",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.12" => "title",
        "2.5.4.42" => "GN",
        "2.5.4.46" => "dnQualifier",
        "0.9.2342.19200300.100.1.1" => "UID",
        "0.9.2342.19200300.100.1.25" => "DC",
        "1.2.840.113549.1.9.1" => "EMAIL",
        _ => return None,
    })
}

/// RFC 2253's escapes: `,+"\<>;` anywhere, `#` or a space first, a space last.
fn escape(value: &str, out: &mut String) {
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        let special = matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';')
            || (i == 0 && (c == '#' || c == ' '))
            || (i == last && c == ' ');
        if special {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_stand_for_one_label() {
        assert!(name_matches("*.example.com", "www.example.com"));
        assert!(name_matches("*.Example.com", "WWW.example.COM"));
        assert!(!name_matches("*.example.com", "example.com"));
        assert!(!name_matches("*.example.com", "a.b.example.com"));
        assert!(name_matches("localhost", "LOCALHOST"));
        assert!(!name_matches("localhost", "localhost2"));
    }

    #[test]
    fn values_are_escaped_as_rfc_2253_says() {
        let mut out = String::new();
        escape("a,b+c", &mut out);
        assert_eq!(out, "a\\,b\\+c");
        out.clear();
        escape(" #x ", &mut out);
        assert_eq!(out, "\\ #x\\ ");
    }
}
