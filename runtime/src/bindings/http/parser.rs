//! The HTTP/1.x message parser behind stdlib/http.js: bytes in, events out. `httparse` reads
//! the head (request or status line and headers); this file decides how long the body is
//! (Content-Length, chunked, or until the connection ends) and takes off the chunked framing,
//! so that JavaScript sees "message", "body" (decoded) and "complete" — as node v0.1.27's C
//! http_parser gave its http.js. Nothing here knows about sockets or JavaScript; tcp.rs feeds
//! it what it reads and turns its events into calls.

use std::time::{Duration, Instant};

/// The longest head accepted (request line and headers), as node's http_parser had it;
/// a longer one is an error (the server answers 431).
pub const MAX_HEAD: usize = 80 * 1024;
/// At most this many headers in one message.
const MAX_HEADERS: usize = 128;
/// A chunk-size line longer than this is not a size (16 hex digits, extensions, CRLF).
const MAX_CHUNK_LINE: usize = 1024;

/// Which side of the conversation the parser reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A server reading requests.
    Request,
    /// A client reading responses.
    Response,
}

/// A message's first line and headers.
#[derive(Debug, Default)]
pub struct Head {
    /// Requests: the method and the URL as sent.
    pub method: String,
    pub url: String,
    /// Responses: the status code.
    pub status: u16,
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    pub minor_version: u8,
    /// Names lower-cased; values as sent, one byte one character ("binary").
    pub headers: Vec<(String, Vec<u8>)>,
    /// The connection may carry another message after this one (HTTP/1.1 unless
    /// "Connection: close"; HTTP/1.0 only with "Connection: keep-alive").
    pub keep_alive: bool,
}

/// What the parser found in the bytes it was given.
#[derive(Debug)]
pub enum Event {
    Head(Head),
    /// A piece of the body, its transfer-encoding removed.
    Body(Vec<u8>),
    /// The message is over.
    Complete,
    /// The input is not HTTP; the parser ignores everything after this.
    Error(&'static str),
}

/// Where in a message the parser is.
#[derive(Debug)]
enum State {
    Head,
    /// A body of known length: this many bytes are still to come.
    Fixed(u64),
    /// Chunked: reading a chunk-size line.
    ChunkSize,
    /// Chunked: this many bytes of chunk data are still to come.
    ChunkData(u64),
    /// Chunked: the CRLF after a chunk's data.
    ChunkEnd,
    /// Chunked: trailer lines up to the empty one.
    Trailer,
    /// A response body that ends when the connection does.
    UntilEof,
    /// After an error.
    Dead,
}

pub struct Parser {
    kind: Kind,
    state: State,
    /// Bytes of the head, or of a chunk-size or trailer line, not yet complete.
    pending: Vec<u8>,
    /// The next response answers a HEAD request: it has no body whatever its headers say.
    pub no_body: bool,
    /// How long a head may take to arrive once its first byte has (a server's
    /// `headersTimeout`): a peer that sends a byte now and then to hold the connection open
    /// (slowloris) is cut off when its next byte comes after this; a silent one is the idle
    /// timeout's.
    pub head_timeout: Option<Duration>,
    /// When the first byte of the head being read came.
    head_began: Option<Instant>,
}

impl Parser {
    pub fn new(kind: Kind) -> Parser {
        Parser {
            kind,
            state: State::Head,
            pending: Vec::new(),
            no_body: false,
            head_timeout: None,
            head_began: None,
        }
    }

    /// Parses `input`, adding what it finds to `events`.
    pub fn feed(&mut self, mut input: &[u8], events: &mut Vec<Event>) {
        while !input.is_empty() {
            let used = match self.state {
                State::Dead => return,
                State::Head => self.head(input, events),
                State::Fixed(left) => {
                    let n = input.len().min(usize::try_from(left).unwrap_or(usize::MAX));
                    events.push(Event::Body(input[..n].to_vec()));
                    if left == n as u64 {
                        self.complete(events);
                    } else {
                        self.state = State::Fixed(left - n as u64);
                    }
                    n
                }
                State::ChunkSize | State::ChunkEnd | State::Trailer => self.line(input, events),
                State::ChunkData(left) => {
                    let n = input.len().min(usize::try_from(left).unwrap_or(usize::MAX));
                    events.push(Event::Body(input[..n].to_vec()));
                    self.state = if left == n as u64 {
                        State::ChunkEnd
                    } else {
                        State::ChunkData(left - n as u64)
                    };
                    n
                }
                State::UntilEof => {
                    events.push(Event::Body(input.to_vec()));
                    input.len()
                }
            };
            input = &input[used..];
        }
    }

    /// The connection ended: a body that runs to the end is complete; a message cut short is
    /// an error only for the JavaScript side to notice (it gets no "complete").
    pub fn finish(&mut self, events: &mut Vec<Event>) {
        if let State::UntilEof = self.state {
            self.complete(events);
        }
    }

    fn fail(&mut self, why: &'static str, events: &mut Vec<Event>) -> usize {
        self.state = State::Dead;
        self.pending = Vec::new();
        events.push(Event::Error(why));
        0
    }

    /// The head being read has taken longer than `head_timeout`.
    fn head_overdue(&self) -> bool {
        match (self.head_began, self.head_timeout) {
            (Some(began), Some(limit)) => began.elapsed() > limit,
            _ => false,
        }
    }

    fn complete(&mut self, events: &mut Vec<Event>) {
        events.push(Event::Complete);
        self.state = State::Head;
        self.no_body = false;
    }

    /// Reads head bytes; returns how many of `input` it used.
    fn head(&mut self, input: &[u8], events: &mut Vec<Event>) -> usize {
        // Bytes between messages (a stray CRLF after a body) are skipped, as browsers send them.
        if self.pending.is_empty() {
            let blank = input
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            if blank > 0 {
                return blank;
            }
        }
        // Parse `input` without copying when nothing is pending (the usual case: a whole head
        // in one read). A head that comes in pieces is kept, and parsed again only once its
        // end (an empty line) has come: parsing it again at every piece would let a peer
        // sending 80 KB a byte at a time cost gigabytes of parsing.
        let before = self.pending.len();
        if before > 0 && self.head_overdue() {
            return self.fail("head too slow", events);
        }
        let taken;
        let bytes: &[u8] = if before == 0 {
            input
        } else {
            self.pending.extend_from_slice(input);
            // The empty line may begin in the bytes seen before (at most 3 of them).
            if !has_head_end(&self.pending[before.saturating_sub(3)..]) {
                if self.pending.len() > MAX_HEAD {
                    return self.fail("head too long", events);
                }
                return input.len();
            }
            taken = std::mem::take(&mut self.pending);
            &taken
        };
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let parsed = match self.kind {
            Kind::Request => {
                let mut request = httparse::Request::new(&mut headers);
                match request.parse(bytes) {
                    Ok(httparse::Status::Complete(n)) => Ok(Some((n, head_of_request(&request)))),
                    Ok(httparse::Status::Partial) => Ok(None),
                    Err(error) => Err(error),
                }
            }
            Kind::Response => {
                let mut response = httparse::Response::new(&mut headers);
                match response.parse(bytes) {
                    Ok(httparse::Status::Complete(n)) => Ok(Some((n, head_of_response(&response)))),
                    Ok(httparse::Status::Partial) => Ok(None),
                    Err(error) => Err(error),
                }
            }
        };
        match parsed {
            Err(httparse::Error::TooManyHeaders) => self.fail("too many headers", events),
            Err(_) => self.fail("malformed head", events),
            Ok(None) => {
                if bytes.len() > MAX_HEAD {
                    return self.fail("head too long", events);
                }
                // All of `bytes` is kept (it was taken from `pending`, or it is `input`).
                self.pending = bytes.to_vec();
                if self.head_timeout.is_some() && self.head_began.is_none() {
                    self.head_began = Some(Instant::now());
                }
                input.len()
            }
            Ok(Some((length, head))) => {
                if length > MAX_HEAD {
                    return self.fail("head too long", events);
                }
                // What of `input` the head took (the rest of it was pending before).
                let used = length.saturating_sub(before);
                self.head_began = None;
                self.begin_body(head, events);
                used
            }
        }
    }

    /// After a head: how the body is framed. Where a peer's framing could be read two ways
    /// (the way request smuggling works: a proxy in front reading it one way, this server the
    /// other), the message is an error, never a guess (RFC 9112, 6.1 and 6.3).
    fn begin_body(&mut self, head: Head, events: &mut Vec<Event>) {
        let mut lengths = head.headers.iter().filter(|(n, _)| n == "content-length");
        let length = match (lengths.next(), lengths.next()) {
            (None, _) => None,
            // Two Content-Lengths (even equal ones, as node's llhttp has it).
            (Some(_), Some(_)) => {
                self.fail("more than one Content-Length", events);
                return;
            }
            (Some((_, value)), None) => match decimal(value) {
                Some(n) => Some(n),
                None => {
                    self.fail("bad Content-Length", events);
                    return;
                }
            },
        };
        // The codings of all Transfer-Encoding headers, in order: a list across headers.
        let codings: Vec<Vec<u8>> = head
            .headers
            .iter()
            .filter(|(n, _)| n == "transfer-encoding")
            .flat_map(|(_, v)| v.split(|&b| b == b','))
            .map(|c| trim_ows(c).to_ascii_lowercase())
            .filter(|c| !c.is_empty())
            .collect();
        let chunked = codings.last().is_some_and(|c| c == b"chunked");
        if !codings.is_empty() {
            let mut earlier = codings[..codings.len() - 1].iter();
            if length.is_some() {
                self.fail("both Content-Length and Transfer-Encoding", events);
                return;
            }
            // Chunked twice, or not last: no way to know where the body ends. (A response
            // whose last coding is not chunked runs to the end of the connection.)
            if earlier.any(|c| c == b"chunked") || (self.kind == Kind::Request && !chunked) {
                self.fail("bad Transfer-Encoding", events);
                return;
            }
        }
        // No body: HEAD responses, 1xx, 204 and 304 (RFC 7230, 3.3.3).
        let bodiless = self.kind == Kind::Response
            && (self.no_body || head.status < 200 || head.status == 204 || head.status == 304);
        events.push(Event::Head(head));
        if bodiless {
            self.complete(events);
        } else if chunked {
            self.state = State::ChunkSize;
        } else if let Some(n) = length {
            if n == 0 {
                self.complete(events);
            } else {
                self.state = State::Fixed(n);
            }
        } else if self.kind == Kind::Response {
            self.state = State::UntilEof;
        } else {
            // A request without either header has no body.
            self.complete(events);
        }
    }

    /// Reads one CRLF-terminated line of the chunked framing.
    fn line(&mut self, input: &[u8], events: &mut Vec<Event>) -> usize {
        let Some(end) = input.iter().position(|&b| b == b'\n') else {
            self.pending.extend_from_slice(input);
            if self.pending.len() > MAX_CHUNK_LINE {
                return self.fail("chunk line too long", events);
            }
            return input.len();
        };
        self.pending.extend_from_slice(&input[..end]);
        let line = std::mem::take(&mut self.pending);
        if line.len() > MAX_CHUNK_LINE {
            return self.fail("chunk line too long", events);
        }
        // CRLF, not a bare LF: peers that disagree on line ends can be made to disagree on
        // where chunks end.
        let Some(line) = line.strip_suffix(b"\r") else {
            return self.fail("bad line end in chunked body", events);
        };
        match self.state {
            State::ChunkSize => {
                // The size in hex (no sign, no space before it), then maybe spaces and
                // ";extensions", which are ignored.
                let digits = line.split(|&b| b == b';').next().unwrap_or_default();
                let end = digits.iter().rposition(|&b| b != b' ' && b != b'\t');
                let digits = &digits[..end.map_or(0, |i| i + 1)];
                let size = if !digits.is_empty() && digits.iter().all(u8::is_ascii_hexdigit) {
                    std::str::from_utf8(digits)
                        .ok()
                        .and_then(|d| u64::from_str_radix(d, 16).ok())
                } else {
                    None
                };
                match size {
                    None => return self.fail("bad chunk size", events),
                    Some(0) => self.state = State::Trailer,
                    Some(n) => self.state = State::ChunkData(n),
                }
            }
            State::ChunkEnd => {
                if !line.is_empty() {
                    return self.fail("no CRLF after chunk", events);
                }
                self.state = State::ChunkSize;
            }
            // Trailer headers are read and dropped; the empty line ends the message.
            _ if line.is_empty() => self.complete(events),
            _ => {}
        }
        end + 1
    }
}

/// Whether `bytes` hold the empty line that ends a head ("\r\n\r\n", or with bare LFs).
fn has_head_end(bytes: &[u8]) -> bool {
    bytes.windows(2).any(|w| w == b"\n\n") || bytes.windows(3).any(|w| w == b"\n\r\n")
}

/// A Content-Length: decimal digits only (no sign, no spaces, no list), within u64.
fn decimal(value: &[u8]) -> Option<u64> {
    let value = trim_ows(value);
    if value.is_empty() || !value.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(value).ok()?.parse().ok()
}

/// Without the spaces and tabs around it (what RFC 9110 calls OWS).
fn trim_ows(mut bytes: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = bytes {
        bytes = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = bytes {
        bytes = rest;
    }
    bytes
}

fn lowercase_headers(headers: &[httparse::Header<'_>]) -> Vec<(String, Vec<u8>)> {
    headers
        .iter()
        .map(|h| (h.name.to_ascii_lowercase(), h.value.to_vec()))
        .collect()
}

/// HTTP/1.1 keeps the connection unless told "close"; HTTP/1.0 closes it unless told
/// "keep-alive".
fn keep_alive(minor_version: u8, headers: &[(String, Vec<u8>)]) -> bool {
    let connection = headers
        .iter()
        .find(|(n, _)| n == "connection")
        .map(|(_, v)| v.to_ascii_lowercase());
    let says = |word: &[u8]| {
        connection
            .as_ref()
            .is_some_and(|v| v.windows(word.len()).any(|w| w == word))
    };
    if minor_version >= 1 {
        !says(b"close")
    } else {
        says(b"keep-alive")
    }
}

fn head_of_request(request: &httparse::Request<'_, '_>) -> Head {
    let headers = lowercase_headers(request.headers);
    let minor_version = request.version.unwrap_or(1);
    Head {
        method: request.method.unwrap_or_default().to_string(),
        url: request.path.unwrap_or_default().to_string(),
        status: 0,
        minor_version,
        keep_alive: keep_alive(minor_version, &headers),
        headers,
    }
}

fn head_of_response(response: &httparse::Response<'_, '_>) -> Head {
    let headers = lowercase_headers(response.headers);
    let minor_version = response.version.unwrap_or(1);
    Head {
        method: String::new(),
        url: String::new(),
        status: response.code.unwrap_or(0),
        minor_version,
        keep_alive: keep_alive(minor_version, &headers),
        headers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds `input` in pieces of `step` bytes and describes the events.
    fn parse(kind: Kind, input: &[u8], step: usize) -> Vec<String> {
        let mut parser = Parser::new(kind);
        let mut events = Vec::new();
        for piece in input.chunks(step) {
            parser.feed(piece, &mut events);
        }
        parser.finish(&mut events);
        let mut out: Vec<String> = Vec::new();
        for event in events {
            let text = match event {
                Event::Head(h) => format!(
                    "head {} {} {} 1.{} {}",
                    h.method, h.url, h.status, h.minor_version, h.keep_alive
                ),
                Event::Body(b) => format!("body {}", String::from_utf8_lossy(&b)),
                Event::Complete => "complete".to_string(),
                Event::Error(why) => format!("error {why}"),
            };
            // Join body pieces so that the result does not depend on `step`.
            match (out.last_mut(), text.strip_prefix("body ")) {
                (Some(last), Some(more)) if last.starts_with("body ") => last.push_str(more),
                _ => out.push(text),
            }
        }
        out
    }

    #[test]
    fn pipelined_requests_with_bodies_in_any_pieces() {
        let input = b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n\
POST /b HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello\
POST /c HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n";
        for step in [1, 2, 7, 1000] {
            assert_eq!(
                parse(Kind::Request, input, step),
                [
                    "head GET /a 0 1.1 true",
                    "complete",
                    "head POST /b 0 1.1 true",
                    "body hello",
                    "complete",
                    "head POST /c 0 1.0 false",
                    "body abcde",
                    "complete"
                ],
                "step {step}"
            );
        }
    }

    #[test]
    fn responses_until_eof_and_without_bodies() {
        let input = b"HTTP/1.0 200 OK\r\n\r\nall of it";
        assert_eq!(
            parse(Kind::Response, input, 3),
            ["head   200 1.0 false", "body all of it", "complete"]
        );
        let input = b"HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n";
        assert_eq!(
            parse(Kind::Response, input, 100),
            ["head   304 1.1 true", "complete"]
        );
    }

    #[test]
    fn garbage_and_oversized_heads_are_errors() {
        assert_eq!(
            parse(Kind::Request, b"\x00\x01 nonsense\r\n\r\n", 100),
            ["error malformed head"]
        );
        let long = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(
            parse(Kind::Request, long.as_bytes(), 4096),
            ["error head too long"]
        );
        let bad = b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n";
        assert_eq!(
            parse(Kind::Request, bad, 100),
            ["head POST / 0 1.1 true", "error bad chunk size"]
        );
        let bad = b"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n";
        assert_eq!(parse(Kind::Request, bad, 100), ["error bad Content-Length"]);
    }

    /// Framing that two parsers could read two ways is an error, never a guess.
    #[test]
    fn ambiguous_framing_is_an_error() {
        let error = |head: &str| {
            let input = format!("POST / HTTP/1.1\r\n{head}\r\n\r\n");
            let events = parse(Kind::Request, input.as_bytes(), 1000);
            assert!(
                events.len() == 1 && events[0].starts_with("error "),
                "{head:?}: {events:?}"
            );
        };
        error("Content-Length: 5\r\nTransfer-Encoding: chunked");
        error("Transfer-Encoding: chunked\r\nContent-Length: 0");
        error("Content-Length: 5\r\nContent-Length: 6");
        error("Content-Length: 5\r\nContent-Length: 5");
        error("Content-Length: 5, 5");
        error("Content-Length: +5");
        error("Content-Length: 0x5");
        error("Content-Length: 99999999999999999999999");
        error("Transfer-Encoding: gzip");
        error("Transfer-Encoding: chunked, gzip");
        error("Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip");
        error("Transfer-Encoding: chunked, chunked");
        error("Transfer-Encoding: xchunked");
        // What is allowed: spaces around a length, codings across headers, any case.
        let ok = |head: &str, body: &str| {
            let input = format!("POST / HTTP/1.1\r\n{head}\r\n\r\n{body}");
            let events = parse(Kind::Request, input.as_bytes(), 3);
            assert_eq!(
                events,
                ["head POST / 0 1.1 true", "body hello", "complete"],
                "{head:?}"
            );
        };
        ok("Content-Length:  5 ", "hello");
        ok(
            "Transfer-Encoding: gzip\r\nTransfer-Encoding: Chunked",
            "5\r\nhello\r\n0\r\n\r\n",
        );
        ok(
            "Transfer-Encoding: chunked",
            "5 ;ext=1\r\nhello\r\n0\r\n\r\n",
        );
        // Chunk sizes: hex digits only, and CRLF line ends.
        for bad in ["+5", " 5", "-1", "5\r", "0x5", "", "11111111111111111"] {
            let input = format!("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n{bad}\r\n");
            let events = parse(Kind::Request, input.as_bytes(), 1000);
            assert!(
                events.last().is_some_and(|e| e.starts_with("error ")),
                "{bad:?}: {events:?}"
            );
        }
        let bare_lf = b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n";
        assert_eq!(
            parse(Kind::Request, bare_lf, 1000),
            [
                "head POST / 0 1.1 true",
                "error bad line end in chunked body"
            ]
        );
        // A response may end with the connection instead.
        let input = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nall";
        assert_eq!(
            parse(Kind::Response, input, 1000),
            ["head   200 1.1 true", "body all", "complete"]
        );
    }

    /// A head sent a byte at a time is parsed once, when its end has come (not once a byte).
    #[test]
    fn a_head_in_many_pieces() {
        let mut input = b"GET / HTTP/1.1\r\n".to_vec();
        for i in 0..1000 {
            input.extend_from_slice(format!("X-{i}: {i}\r\n").as_bytes());
        }
        input.extend_from_slice(b"\r\n");
        assert_eq!(parse(Kind::Request, &input, 1), ["error too many headers"]);
        let input = b"GET / HTTP/1.1\r\nA: b\r\n\r\nGET /2 HTTP/1.1\n\n";
        for step in [1, 2, 3, 5] {
            assert_eq!(
                parse(Kind::Request, input, step),
                [
                    "head GET / 0 1.1 true",
                    "complete",
                    "head GET /2 0 1.1 true",
                    "complete"
                ],
                "step {step}"
            );
        }
    }

    /// Whatever the bytes and however they are cut, the parser neither panics nor produces
    /// anything after an error.
    #[test]
    fn any_input_in_any_pieces() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let pieces: [&[u8]; 12] = [
            b"GET / HTTP/1.1\r\n",
            b"Content-Length: 3\r\n",
            b"Transfer-Encoding: chunked\r\n",
            b"\r\n",
            b"5\r\nhello\r\n",
            b"0\r\n\r\n",
            b"HTTP/1.1 200 OK\r\n",
            b"abc",
            b"\xff\x00\x7f",
            b"POST /x HTTP/1.0\r\n",
            b"ffffffffffffffffff\r\n",
            b": \r\n",
        ];
        for round in 0..2000 {
            let mut input = Vec::new();
            for _ in 0..(next() % 12) {
                if next() % 4 == 0 {
                    input.push(next() as u8);
                } else {
                    input.extend_from_slice(pieces[(next() % 12) as usize]);
                }
            }
            let kind = if round % 2 == 0 {
                Kind::Request
            } else {
                Kind::Response
            };
            let mut parser = Parser::new(kind);
            let mut events = Vec::new();
            let mut rest = input.as_slice();
            while !rest.is_empty() {
                let n = 1 + (next() as usize % rest.len());
                parser.feed(&rest[..n], &mut events);
                rest = &rest[n..];
            }
            parser.finish(&mut events);
            if let Some(error) = events.iter().position(|e| matches!(e, Event::Error(_))) {
                assert_eq!(error, events.len() - 1, "events after an error: {events:?}");
            }
        }
    }

    #[test]
    fn keep_alive_rules() {
        let one = |v: u8, c: &str| keep_alive(v, &[("connection".into(), c.as_bytes().to_vec())]);
        assert!(one(1, "Keep-Alive"));
        assert!(!one(1, "close"));
        assert!(one(0, "keep-alive"));
        assert!(!one(0, ""));
    }
}
