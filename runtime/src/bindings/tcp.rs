//! The native half of TCP (stdlib/tcp.js builds tcp.Server and tcp.Connection on it, and
//! stdlib/http.js builds on those): listening sockets and connections registered with the
//! loop's `mio::Poll` as I/O sources.
//!
//! A connection tells JavaScript what happens by calling the handler function it was attached
//! with, `this` being the connection object: `handler("connect")`, `handler("receive", data)`,
//! `handler("eof")`, `handler("drain")`, `handler("close", hadError)`. When an HTTP parser is
//! attached (`_http.parse`, see http/mod.rs), received bytes go through it instead, and its
//! events ("message", "body", "complete", "parseError") go to the handler given with it.
//!
//! Output is never written from inside `send`: it is appended to the connection's buffer and
//! the loop flushes the buffer after the event (so a response made of several `send`s goes out
//! in one write). What the socket does not take stays buffered until it is writable again,
//! and then "drain" tells JavaScript the buffer is empty.

use crate::bindings::http::parser::{self as http_parser, Parser};
use crate::bindings::tls::Session;
use crate::bindings::{arg, http, names, natives_object, posix, set_value, NativeResult};
use crate::encoding::{Encoding, Utf8Decoder};
use crate::event_loop::io::{Call, Ready, Source};
use crate::event_loop::{host, workers};
use engine::object::Object;
use engine::string::{JsString, Units};
use engine::value::Value;
use engine::vm::{ops, Ctx, Handle, Throw};
use mio::net::{TcpListener, TcpStream};
use mio::{Interest, Registry, Token};
use std::io::{self, Read, Write};
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::time::Instant;

/// Bytes read from one socket per readiness event before the loop turns to the others (the
/// socket is re-armed, so the rest comes on the next turn).
const READ_BUDGET: usize = 256 * 1024;
/// The most one `read(2)` takes for a "receive" event: each carries one read of at most
/// 8,192 bytes, as in v0.1.27 (facts file, "### tcp"), so programs that counted on pieces of
/// that size still see them. (An HTTP parser reads more at a time: its events are no reads.)
const RECEIVE_SIZE: usize = 8 * 1024;
/// Connections accepted per readiness event, for the same reason.
const ACCEPT_BUDGET: usize = 64;
/// `send` returns false once this much output waits: the script should wait for "drain".
const HIGH_WATER: usize = 64 * 1024;
/// A script that ignores `send`'s false and goes on sending to a peer that does not read
/// would buffer without end: past this much unsent output the connection is cut ("close"
/// with `had_error`), so one such peer cannot take the server's memory.
const MAX_BUFFERED: usize = 64 * 1024 * 1024;

// A secure connection's reading and writing: through its TLS session.
mod secure;

thread_local! {
    /// What sockets read into: one buffer for all, as the loop reads one socket at a time (and
    /// zeroing a fresh 64 KB buffer for every read showed in profiles).
    static READ_BUFFER: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0; 64 * 1024]);
}

/// The natives stdlib/tcp.js is built on (`process._binding("tcp")`).
pub fn make(ctx: Ctx<'_>) -> Object<'_> {
    natives_object(
        ctx,
        &[
            ("listen", listen, 5),
            ("closeServer", close_server, 1),
            ("attach", attach, 3),
            ("connect", connect, 4),
            ("resolve", resolve, 3),
            ("send", send, 3),
            ("setEncoding", set_encoding, 2),
            ("shutdown", shutdown, 1),
            ("destroy", destroy, 1),
            ("pause", pause, 1),
            ("resume", resume, 1),
            ("setNoDelay", set_no_delay, 2),
            ("idleTime", idle_time, 1),
        ],
    )
}

// ---- Sources -----------------------------------------------------------------------------

/// A listening socket: each accepted connection becomes a [`Connection`] source, and
/// `onConnection(token, remoteAddress)` is called on the server object.
struct Listener {
    socket: TcpListener,
    token: Token,
    server: Handle,
    on_connection: Handle,
}

impl Source for Listener {
    fn ready(&mut self, _event: &mio::event::Event, registry: &Registry) -> Ready {
        let mut ready = Ready::default();
        for _ in 0..ACCEPT_BUDGET {
            let (stream, address) = match self.socket.accept() {
                Ok(accepted) => accepted,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                // WouldBlock: all taken. Anything else (EMFILE, ECONNABORTED) concerns one
                // pending connection, not the server, which goes on listening.
                Err(_) => return ready,
            };
            ready.calls.push(Call {
                callback: self.on_connection.clone(),
                this: Some(self.server.clone()),
                // The socket joins the loop when the call is made (the registry of sources
                // is busy with this one now).
                args: Box::new(move |ctx| {
                    let token = host::of(&ctx).ok().and_then(|host| {
                        host.io
                            .borrow_mut()
                            .add(|registry, token| {
                                Ok(Box::new(Connection::new(stream, registry, token, false)?))
                            })
                            .ok()
                    });
                    match token {
                        // A dual-stack server sees IPv4 peers as ::ffff:a.b.c.d: shown as a.b.c.d.
                        Some(token) => vec![
                            Value::Number(token.0 as f64),
                            ctx.string(&address.ip().to_canonical().to_string()),
                        ],
                        None => Vec::new(),
                    }
                }),
            });
        }
        // More may be waiting: re-arm, so that poll reports the socket again.
        let _ = registry.reregister(&mut self.socket, self.token, Interest::READABLE);
        ready
    }

    fn deregister(&mut self, registry: &Registry) {
        let _ = registry.deregister(&mut self.socket);
    }

    fn as_any(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// A connected socket (accepted by a server, or opened by `connect`).
pub struct Connection {
    stream: TcpStream,
    token: Token,
    /// The JavaScript connection object and the function that handles its events; none until
    /// `attach`.
    js: Option<(Handle, Handle)>,
    /// Where the HTTP parser's events go, when there is a parser (see http/mod.rs).
    http: Option<http::HttpSide>,
    /// `connect` was called and the socket has not said yet whether it worked.
    connecting: bool,
    /// The peer has not ended its side yet.
    reading: bool,
    /// Our side is not shut down yet.
    writing: bool,
    /// `shutdown` was asked for: it happens once the output is out.
    shutdown_asked: bool,
    /// `pause`d: readable events are ignored until `resume`.
    paused: bool,
    /// Output not yet taken by the socket, from `out_start` on.
    out: Vec<u8>,
    out_start: usize,
    /// The socket refused some output, or `send` said to wait: "drain" is due when the
    /// buffer empties.
    blocked: bool,
    encoding: Encoding,
    decoder: Utf8Decoder,
    parser: Option<Parser>,
    /// When the socket last read or wrote something (for the idle timeout in tcp.js).
    last_active: Instant,
    /// The TLS session between the socket and the events, on a secure connection.
    tls: Option<Box<Session>>,
    /// More than `MAX_BUFFERED` waited: the connection is cut at the next flush.
    overflowed: bool,
}

impl Connection {
    fn new(
        mut stream: TcpStream,
        registry: &Registry,
        token: Token,
        connecting: bool,
    ) -> io::Result<Connection> {
        registry.register(&mut stream, token, Interest::READABLE | Interest::WRITABLE)?;
        Ok(Connection {
            stream,
            token,
            js: None,
            http: None,
            connecting,
            reading: true,
            writing: true,
            shutdown_asked: false,
            paused: false,
            out: Vec::new(),
            out_start: 0,
            blocked: false,
            // Without setEncoding, data is "binary": one character per byte.
            encoding: Encoding::Binary,
            decoder: Utf8Decoder::default(),
            parser: None,
            last_active: Instant::now(),
            tls: None,
            overflowed: false,
        })
    }

    /// A call of the handler with `kind` and the arguments `rest` makes (nothing when the
    /// connection has no JavaScript object).
    fn call(
        &self,
        calls: &mut Vec<Call>,
        kind: &'static str,
        rest: impl for<'gc> FnOnce(Ctx<'gc>, &mut Vec<Value<'gc>>) + 'static,
    ) {
        let Some((this, handler)) = &self.js else {
            return;
        };
        let handler = match &self.http {
            Some(http) if !matches!(kind, "connect" | "eof" | "drain" | "close") => &http.handler,
            _ => handler,
        };
        calls.push(Call {
            callback: handler.clone(),
            this: Some(this.clone()),
            args: Box::new(move |ctx| {
                let mut args = Vec::with_capacity(4);
                args.push(names::value(ctx, kind));
                rest(ctx, &mut args);
                args
            }),
        });
    }

    /// The socket failed or the connection ended: "close" and the source is dropped.
    fn close(&self, mut ready: Ready, had_error: bool) -> Ready {
        self.call(&mut ready.calls, "close", move |_, args| {
            args.push(Value::Bool(had_error))
        });
        ready.done = true;
        ready
    }

    /// Reads what the socket has (up to the budget) and makes the calls it means.
    fn read(&mut self, registry: &Registry, ready: Ready, event_read_closed: bool) -> Ready {
        let size = if self.parser.is_some() {
            usize::MAX
        } else {
            RECEIVE_SIZE
        };
        READ_BUFFER.with_borrow_mut(|buffer| {
            let size = size.min(buffer.len());
            self.read_into(&mut buffer[..size], registry, ready, event_read_closed)
        })
    }

    fn read_into(
        &mut self,
        buffer: &mut [u8],
        registry: &Registry,
        mut ready: Ready,
        event_read_closed: bool,
    ) -> Ready {
        if self.tls.is_some() {
            return self.read_secure(buffer, registry, ready, event_read_closed);
        }
        let mut total = 0;
        while total < READ_BUDGET {
            match self.stream.read(buffer) {
                Ok(0) => return self.peer_ended(ready),
                Ok(n) => {
                    total += n;
                    self.last_active = Instant::now();
                    self.received(&buffer[..n], &mut ready.calls);
                    // A short read emptied the socket's buffer: what comes later raises a new
                    // event, so the read that would say "would block" can be saved. (Unless
                    // the peer has ended: that needs a read to see.)
                    if n < buffer.len() && !event_read_closed {
                        return ready;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return ready,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return self.close(ready, true),
            }
        }
        // The budget is spent with data left: re-arm so that poll reports it again.
        self.rearm(registry);
        ready
    }

    /// The peer ended its side: "eof" (after what the HTTP parser makes of the end), and
    /// "close" if ours is ended too.
    fn peer_ended(&mut self, mut ready: Ready) -> Ready {
        self.reading = false;
        if let Some(parser) = &mut self.parser {
            let mut events = Vec::new();
            parser.finish(&mut events);
            self.deliver(events, &mut ready.calls);
        }
        self.call(&mut ready.calls, "eof", |_, _| {});
        if !self.writing {
            return self.close(ready, false);
        }
        ready
    }

    fn rearm(&mut self, registry: &Registry) {
        let _ = registry.reregister(
            &mut self.stream,
            self.token,
            Interest::READABLE | Interest::WRITABLE,
        );
    }

    /// Bytes from the peer: "receive", or the HTTP parser's events.
    fn received(&mut self, bytes: &[u8], calls: &mut Vec<Call>) {
        if let Some(parser) = &mut self.parser {
            let mut events = Vec::new();
            parser.feed(bytes, &mut events);
            self.deliver(events, calls);
            return;
        }
        let (token, encoding, bytes) = (self.token, self.encoding, bytes.to_vec());
        self.call(calls, "receive", move |ctx, args| {
            args.push(decode(ctx, token, encoding, bytes))
        });
    }

    /// The HTTP parser's events, as calls.
    fn deliver(&mut self, events: Vec<http_parser::Event>, calls: &mut Vec<Call>) {
        let mut events = events.into_iter().peekable();
        while let Some(event) = events.next() {
            match event {
                http_parser::Event::Head(head) => {
                    // A message without a body is delivered complete, in one call.
                    let complete = matches!(events.peek(), Some(http_parser::Event::Complete));
                    if complete {
                        events.next();
                    }
                    let (Some(side), Some((connection, _))) = (self.http.clone(), &self.js) else {
                        continue;
                    };
                    let connection = connection.clone();
                    self.call(calls, "message", move |ctx, args| {
                        let connection = ctx.fetch(&connection);
                        http::message_args(ctx, &side, connection, head, complete, args);
                    });
                }
                http_parser::Event::Body(bytes) => {
                    let (token, encoding) = (self.token, self.encoding);
                    self.call(calls, "body", move |ctx, args| {
                        args.push(decode(ctx, token, encoding, bytes))
                    });
                }
                http_parser::Event::Complete => {
                    self.call(calls, "complete", |_, _| {});
                }
                http_parser::Event::Error(why) => {
                    self.call(calls, "parseError", move |ctx, args| {
                        args.push(ctx.string(why))
                    });
                }
            }
        }
    }

    /// Writes out the buffer as far as the socket takes it; then the shutdown, if asked for.
    fn write_out(&mut self, ready: Ready) -> Ready {
        if self.connecting {
            return ready; // the output waits for the connection
        }
        if self.tls.is_some() {
            return self.write_out_secure(ready);
        }
        self.write_plain(ready)
    }

    fn write_plain(&mut self, ready: Ready) -> Ready {
        while self.out_start < self.out.len() {
            match self.stream.write(&self.out[self.out_start..]) {
                Ok(0) => return self.close(ready, true),
                Ok(n) => {
                    self.out_start += n;
                    self.last_active = Instant::now();
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    self.blocked = true;
                    return ready;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return self.close(ready, true),
            }
        }
        self.output_done(ready)
    }

    /// All the output is out: "drain" if it was due, then the shutdown if it was asked for.
    fn output_done(&mut self, mut ready: Ready) -> Ready {
        self.out.clear();
        self.out_start = 0;
        // A large burst is over: give its memory back.
        if self.out.capacity() > HIGH_WATER * 4 {
            self.out = Vec::new();
        }
        if std::mem::take(&mut self.blocked) {
            self.call(&mut ready.calls, "drain", |_, _| {});
        }
        if self.shutdown_asked && self.writing {
            self.writing = false;
            let _ = self.stream.shutdown(std::net::Shutdown::Write);
            if !self.reading {
                return self.close(ready, false);
            }
        }
        ready
    }
}

impl Connection {
    /// From now on, received bytes go through `parser`, whose events go to `side`.
    pub fn set_parser(&mut self, parser: Parser, side: http::HttpSide) {
        self.parser = Some(parser);
        self.http = Some(side);
    }

    /// From now on the connection speaks TLS through `session`.
    pub fn start_tls(&mut self, session: Session) {
        self.tls = Some(Box::new(session));
    }

    /// The TLS session of a secure connection.
    pub fn tls_mut(&mut self) -> Option<&mut Session> {
        self.tls.as_deref_mut()
    }

    /// The next response answers a HEAD request.
    pub fn expect_no_body(&mut self) {
        if let Some(parser) = &mut self.parser {
            parser.no_body = true;
        }
    }
}

impl Source for Connection {
    fn ready(&mut self, event: &mio::event::Event, registry: &Registry) -> Ready {
        let mut ready = Ready::default();
        if self.connecting {
            if !(event.is_writable() || event.is_error() || event.is_write_closed()) {
                return ready;
            }
            // Connected, refused or unreachable: the socket's pending error says which.
            match self.stream.take_error() {
                Ok(None) => {}
                _ => return self.close(ready, true),
            }
            match self.stream.peer_addr() {
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::NotConnected => return ready, // not yet
                Err(_) => return self.close(ready, true),
            }
            self.connecting = false;
            self.last_active = Instant::now();
            // A secure connection is connected once its handshake is done (tcp/secure.rs).
            if self.tls.is_none() {
                self.call(&mut ready.calls, "connect", |_, _| {});
            }
        }
        if event.is_error() {
            // A reset: what is left to read is lost anyway.
            if let Ok(Some(_)) = self.stream.take_error() {
                return self.close(ready, true);
            }
        }
        if self.reading && !self.paused && (event.is_readable() || event.is_read_closed()) {
            ready = self.read(registry, ready, event.is_read_closed());
            if ready.done {
                return ready;
            }
        }
        let tls_wants_write = self.tls.as_ref().is_some_and(|s| s.tls.wants_write());
        if event.is_writable()
            && (self.out_start < self.out.len() || self.shutdown_asked || tls_wants_write)
        {
            ready = self.write_out(ready);
        }
        ready
    }

    fn flush(&mut self, _registry: &Registry) -> Ready {
        if self.overflowed {
            return self.close(Ready::default(), true);
        }
        self.write_out(Ready::default())
    }

    fn deregister(&mut self, registry: &Registry) {
        let _ = registry.deregister(&mut self.stream);
    }

    fn as_any(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// Received bytes as a string, in the connection's encoding as it is when the call is made:
/// a "message" listener may call setBodyEncoding for the body read along with the head.
/// One character per byte for "binary" and "ascii"; UTF-8 is decoded by the connection's
/// decoder, which keeps a character split between two reads. A connection closed since the
/// read (its last data comes with its "close") is decoded in the encoding it had then.
fn decode<'gc>(ctx: Ctx<'gc>, token: Token, then: Encoding, bytes: Vec<u8>) -> Value<'gc> {
    let host = host::of(&ctx).ok();
    let mut io = host.map(|host| host.io.borrow_mut());
    let connection = io.as_mut().and_then(|io| io.get::<Connection>(token));
    let text = match connection {
        Some(c) if c.encoding == Encoding::Utf8 => Some(c.decoder.decode(&bytes)),
        Some(_) => None,
        None if then == Encoding::Utf8 => Some(String::from_utf8_lossy(&bytes).into_owned()),
        None => None,
    };
    match text {
        Some(text) => ctx.string(&text),
        None => Value::String(JsString::from_latin1(&ctx, bytes)),
    }
}

// ---- Natives -----------------------------------------------------------------------------

fn token_arg<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], i: usize) -> Result<Token, Throw<'gc>> {
    let n = ops::to_number(*ctx, arg(args, i))?;
    if n.fract() == 0.0 && (1.0..9.0e15).contains(&n) {
        Ok(Token(n as usize))
    } else {
        Err(ctx.type_error("not a socket"))
    }
}

fn function_arg<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], i: usize) -> NativeResult<'gc> {
    match arg(args, i) {
        f if f.as_object().is_some_and(|o| o.is_callable()) => Ok(f),
        _ => Err(ctx.type_error("a function was expected")),
    }
}

fn port_arg<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], i: usize) -> Result<u16, Throw<'gc>> {
    let n = ops::to_number(*ctx, arg(args, i))?;
    if n.fract() == 0.0 && (0.0..=65535.0).contains(&n) {
        Ok(n as u16)
    } else {
        Err(ctx.range_error("the port must be an integer from 0 to 65535"))
    }
}

/// Runs `f` on the connection under the token argument, if it is still open.
pub fn with_connection<'gc, R>(
    ctx: &Ctx<'gc>,
    args: &[Value<'gc>],
    f: impl FnOnce(&mut Connection) -> R,
) -> Result<Option<R>, Throw<'gc>> {
    let token = token_arg(ctx, args, 0)?;
    let host = host::of(ctx)?;
    let mut io = host.io.borrow_mut();
    Ok(io.get::<Connection>(token).map(f))
}

/// _tcp.listen(server, onConnection, port, host, backlog): the listening socket's token.
/// Throws the system's error (EADDRINUSE, EACCES, ...) at once: listen is synchronous.
fn listen<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let server = arg(args, 0);
    let on_connection = function_arg(ctx, args, 1)?;
    let port = port_arg(ctx, args, 2)?;
    let host_name = match arg(args, 3) {
        Value::Undefined | Value::Null => None,
        value => Some(ops::to_string(*ctx, value)?.to_rust_string(ctx)),
    };
    let backlog = match arg(args, 4) {
        Value::Undefined | Value::Null => 128,
        value => ops::to_number(*ctx, value)?.clamp(1.0, 65535.0) as i32,
    };
    // No host: every address, IPv6 and IPv4 both where the system allows it.
    let addresses: Vec<SocketAddr> = match &host_name {
        None => vec![
            SocketAddr::new(IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED), port),
            SocketAddr::new(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED), port),
        ],
        Some(name) => match (name.as_str(), port).to_socket_addrs() {
            Ok(found) => found.collect(),
            Err(error) => return Err(Throw(posix::system_error(*ctx, &error, name))),
        },
    };
    let mut last_error = io::Error::from(io::ErrorKind::AddrNotAvailable);
    for address in addresses {
        match bind(address, backlog) {
            Ok(socket) => {
                let listener = Listener {
                    socket,
                    token: Token(0),
                    server: ctx.stash(server),
                    on_connection: ctx.stash(on_connection),
                };
                let host = host::of(ctx)?;
                let added = host.io.borrow_mut().add(|registry, token| {
                    let mut listener = listener;
                    listener.token = token;
                    registry.register(&mut listener.socket, token, Interest::READABLE)?;
                    Ok(Box::new(listener))
                });
                return match added {
                    Ok(token) => Ok(Value::Number(token.0 as f64)),
                    Err(error) => Err(Throw(posix::system_error(*ctx, &error, ""))),
                };
            }
            Err(error) => last_error = error,
        }
    }
    let place = format!("{}:{port}", host_name.as_deref().unwrap_or("*"));
    Err(Throw(listen_error(*ctx, &last_error, &place)))
}

/// "EADDRINUSE, Address already in use (localhost:8000)", with errno and code.
fn listen_error<'gc>(ctx: Ctx<'gc>, error: &io::Error, place: &str) -> Value<'gc> {
    let value = posix::system_error(ctx, error, "");
    if let Value::Object(object) = value {
        let errno = nix::errno::Errno::from_raw(error.raw_os_error().unwrap_or(0));
        let message = format!("{errno:?}, {} ({place})", errno.desc());
        set_value(ctx, object, "message", ctx.string(&message));
    }
    value
}

/// A listening socket on `address`: SO_REUSEADDR (so a restarted server can listen again at
/// once), IPV6_V6ONLY off (one socket for both families), and the backlog given.
fn bind(address: SocketAddr, backlog: i32) -> io::Result<TcpListener> {
    use nix::sys::socket::{self, sockopt, AddressFamily, SockFlag, SockType, SockaddrStorage};
    let family = if address.is_ipv6() {
        AddressFamily::Inet6
    } else {
        AddressFamily::Inet
    };
    let flags = SockFlag::SOCK_NONBLOCK | SockFlag::SOCK_CLOEXEC;
    let fd = socket::socket(family, SockType::Stream, flags, None)?;
    socket::setsockopt(&fd, sockopt::ReuseAddr, &true)?;
    if address.is_ipv6() {
        // Fails where IPv6 is disabled; then bind fails too and IPv4 is tried.
        let _ = socket::setsockopt(&fd, sockopt::Ipv6V6Only, &false);
    }
    socket::bind(
        std::os::fd::AsRawFd::as_raw_fd(&fd),
        &SockaddrStorage::from(address),
    )?;
    socket::listen(
        &fd,
        socket::Backlog::new(backlog).unwrap_or(socket::Backlog::MAXCONN),
    )?;
    Ok(TcpListener::from_std(std::net::TcpListener::from(fd)))
}

/// _tcp.closeServer(token): stops listening (tcp.js emits "close").
fn close_server<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let token = token_arg(ctx, args, 0)?;
    let host = host::of(ctx)?;
    let mut io = host.io.borrow_mut();
    if io.get::<Listener>(token).is_some() {
        io.remove(token);
    }
    Ok(Value::Undefined)
}

/// _tcp.attach(token, connection, handler): from now on the connection's events call
/// `handler` on `connection`.
fn attach<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let handler = function_arg(ctx, args, 2)?;
    let js = (ctx.stash(arg(args, 1)), ctx.stash(handler));
    with_connection(ctx, args, |c| c.js = Some(js))?;
    Ok(Value::Undefined)
}

/// _tcp.connect(connection, handler, port, address): opens a connection to an IP address
/// (tcp.js resolves names first); returns its token. Failure to connect is reported as
/// "close" with hadError, never thrown.
fn connect<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let handler = function_arg(ctx, args, 1)?;
    let port = port_arg(ctx, args, 2)?;
    let text = ops::to_string(*ctx, arg(args, 3))?.to_rust_string(ctx);
    let Ok(ip) = text.parse::<IpAddr>() else {
        return Err(ctx.type_error(&format!("not an IP address: {text}")));
    };
    let js = (ctx.stash(arg(args, 0)), ctx.stash(handler));
    let host = host::of(ctx)?;
    let added = host.io.borrow_mut().add(|registry, token| {
        let stream = TcpStream::connect(SocketAddr::new(ip, port))?;
        let mut connection = Connection::new(stream, registry, token, true)?;
        connection.js = Some(js);
        Ok(Box::new(connection))
    });
    match added {
        Ok(token) => Ok(Value::Number(token.0 as f64)),
        Err(error) => Err(Throw(posix::system_error(*ctx, &error, &text))),
    }
}

/// _tcp.resolve(hostname, callback, service): callback(error) or callback(null, address,
/// port), on the worker pool (getaddrinfo blocks). IPv4 addresses come first, as servers
/// listening on "localhost" usually have one. `service`, when given, is a port by name, looked
/// up in /etc/services as v0.1.27's getaddrinfo() did (its connect took "http" for 80).
fn resolve<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let name = ops::to_string(*ctx, arg(args, 0))?.to_rust_string(ctx);
    let callback = function_arg(ctx, args, 1)?;
    let service = match arg(args, 2) {
        Value::Undefined | Value::Null => None,
        value => Some(ops::to_string(*ctx, value)?.to_rust_string(ctx)),
    };
    workers::submit(
        ctx,
        host::of(ctx)?,
        callback,
        move || {
            let port = match &service {
                None => Ok(0),
                Some(service) => service_port(service)
                    .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "unknown service")),
            };
            let found = port.and_then(|port| {
                (name.as_str(), 0).to_socket_addrs().map(|addresses| {
                    let mut addresses: Vec<IpAddr> = addresses.map(|a| a.ip()).collect();
                    addresses.sort_by_key(IpAddr::is_ipv6);
                    addresses.first().map(|ip| (*ip, port))
                })
            });
            (name, found)
        },
        |ctx, (name, found): (String, io::Result<Option<(IpAddr, u16)>>)| match found {
            Ok(Some((ip, port))) => vec![
                Value::Null,
                ctx.string(&ip.to_string()),
                Value::Number(f64::from(port)),
            ],
            Ok(None) => {
                let error = io::Error::from_raw_os_error(nix::libc::EHOSTUNREACH);
                vec![posix::system_error(ctx, &error, &name)]
            }
            Err(error) => vec![posix::system_error(ctx, &error, &name)],
        },
    );
    Ok(Value::Undefined)
}

/// The TCP port of a service named in /etc/services ("http 80/tcp www"), by its name or an
/// alias.
fn service_port(service: &str) -> Option<u16> {
    let table = std::fs::read_to_string("/etc/services").ok()?;
    table.lines().find_map(|line| {
        let line = line.split('#').next().unwrap_or("");
        let mut fields = line.split_whitespace();
        let first = fields.next()?;
        let (port, protocol) = fields.next()?.split_once('/')?;
        if protocol != "tcp" || (first != service && !fields.any(|alias| alias == service)) {
            return None;
        }
        port.parse().ok()
    })
}

/// An encoding argument of `send`: "ascii" when missing.
pub fn encoding_arg<'gc>(ctx: &Ctx<'gc>, value: Value<'gc>) -> Result<Encoding, Throw<'gc>> {
    Ok(match value {
        Value::Undefined | Value::Null => Encoding::Ascii,
        // The names http.js passes on every write, recognized without making a Rust string.
        Value::String(name) => match name.with_units(ctx, |u| match u {
            Units::Latin1(b"ascii") => Some(Encoding::Ascii),
            Units::Latin1(b"utf8") => Some(Encoding::Utf8),
            Units::Latin1(b"binary") => Some(Encoding::Binary),
            _ => None,
        }) {
            Some(encoding) => encoding,
            None => Encoding::parse(Some(&name.to_rust_string(ctx)), Encoding::Ascii),
        },
        value => Encoding::parse(
            Some(&ops::to_string(*ctx, value)?.to_rust_string(ctx)),
            Encoding::Ascii,
        ),
    })
}

/// Lets `append` add to the output of the connection under the token argument; returns
/// whether the output waiting is still short (false: better wait for "drain"). Output for a
/// socket closed or shut down is dropped.
pub fn with_output<'gc>(
    ctx: &Ctx<'gc>,
    args: &[Value<'gc>],
    append: impl FnOnce(&mut Vec<u8>),
) -> Result<bool, Throw<'gc>> {
    let token = token_arg(ctx, args, 0)?;
    let host = host::of(ctx)?;
    let mut io = host.io.borrow_mut();
    let Some(connection) = io.get::<Connection>(token) else {
        return Ok(false);
    };
    if !connection.writing || connection.shutdown_asked || connection.overflowed {
        return Ok(false);
    }
    let was_empty = connection.out.len() == connection.out_start;
    append(&mut connection.out);
    let waiting = connection.out.len() - connection.out_start;
    let short = waiting < HIGH_WATER;
    // The caller was told to wait: it will be told when to go on.
    connection.blocked |= !short;
    if waiting > MAX_BUFFERED && !connection.overflowed {
        connection.overflowed = true;
        // Nothing more is kept: the connection is cut at the flush.
        connection.out = Vec::new();
        connection.out_start = 0;
        io.mark_dirty(token);
    } else if was_empty {
        io.mark_dirty(token);
    }
    Ok(short)
}

/// _tcp.send(token, data, encoding="ascii"): queues the data; returns whether the queue is
/// still short. Sending on a closed socket does nothing.
fn send<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let data = ops::to_string(*ctx, arg(args, 1))?;
    let encoding = encoding_arg(ctx, arg(args, 2))?;
    let short = with_output(ctx, args, |out| {
        data.with_units(ctx, |units| encoding.append(&units, out))
    })?;
    Ok(Value::Bool(short))
}

/// _tcp.setEncoding(token, encoding): how received data becomes strings.
fn set_encoding<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let name = match arg(args, 1) {
        Value::Undefined | Value::Null => None,
        value => Some(ops::to_string(*ctx, value)?.to_rust_string(ctx)),
    };
    let encoding = Encoding::parse(name.as_deref(), Encoding::Binary);
    with_connection(ctx, args, |c| c.encoding = encoding)?;
    Ok(Value::Undefined)
}

/// _tcp.shutdown(token): half-close, once the queued output is out.
fn shutdown<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let token = token_arg(ctx, args, 0)?;
    let host = host::of(ctx)?;
    let mut io = host.io.borrow_mut();
    if let Some(connection) = io.get::<Connection>(token) {
        connection.shutdown_asked = true;
        io.mark_dirty(token);
    }
    Ok(Value::Undefined)
}

/// _tcp.destroy(token): closes the socket now, dropping unsent output (tcp.js emits "close").
fn destroy<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let token = token_arg(ctx, args, 0)?;
    let host = host::of(ctx)?;
    let mut io = host.io.borrow_mut();
    if io.get::<Connection>(token).is_some() {
        io.remove(token);
    }
    Ok(Value::Undefined)
}

fn pause<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    with_connection(ctx, args, |c| c.paused = true)?;
    Ok(Value::Undefined)
}

/// _tcp.resume(token): reading again. The socket is re-armed: data that came while paused
/// raised no new event, so poll must be asked to report it.
fn resume<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let token = token_arg(ctx, args, 0)?;
    let host = host::of(ctx)?;
    let mut io = host.io.borrow_mut();
    let registry = io.registry().try_clone();
    if let (Some(connection), Ok(registry)) = (io.get::<Connection>(token), registry) {
        if connection.paused {
            connection.paused = false;
            connection.rearm(&registry);
        }
    }
    Ok(Value::Undefined)
}

fn set_no_delay<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let on = !matches!(arg(args, 1), Value::Bool(false));
    with_connection(ctx, args, |c| c.stream.set_nodelay(on))?;
    Ok(Value::Undefined)
}

/// _tcp.idleTime(token): milliseconds since the socket last read or wrote (-1 when closed).
fn idle_time<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let idle = with_connection(ctx, args, |c| {
        c.last_active.elapsed().as_secs_f64() * 1000.0
    })?;
    Ok(Value::Number(idle.unwrap_or(-1.0)))
}
