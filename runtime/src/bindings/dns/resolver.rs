//! The resolver: the queries of the script, all in flight at once, over one UDP socket per
//! nameserver of `/etc/resolv.conf`, on the loop's own `mio::Poll`, the way udns (on libev)
//! and c-ares do it; `hickory-proto` reads the answers (and wire.rs writes the usual queries
//! and names the quick way, as hickory would).
//!
//! How a query goes: the native writes the question (a random 16-bit id) for the first
//! server, and the loop sends the queries written in a turn together before it waits again
//! (outgoing.rs: one `sendmmsg` per server, at most [`WINDOW`] waiting per server). The
//! sockets are connected, so the kernel hands us
//! only datagrams from that server's address and port, and reports a server that is not there
//! ("port unreachable") at once. When `poll` says a socket is readable, its [`Source`] reads
//! every datagram waiting; an answer is taken only when its id is one we are waiting for on
//! that socket and it echoes our question (name, type, class); anything else is dropped, and
//! the query keeps waiting for the real answer. A truncated answer is asked again over TCP,
//! on a short-lived thread of its own (a rare case, not worth a second kind of socket here),
//! which hands the answer back and wakes the loop. Each try has resolv.conf's `timeout` (the
//! loop's `poll` waits no longer than the next one, [`Resolver::next_deadline`], and
//! [`Resolver::finished`] ends those that are due); a try that fails (no answer in time,
//! SERVFAIL, REFUSED, garbage...) goes to the next server, `attempts` rounds over them, and
//! the names of the search list are tried in resolv.conf(5)'s order ([`Config::candidates`]).
//! After the socket events of each turn, the loop takes the finished queries
//! ([`Resolver::finished`]) and hands them to dns.js in one call (mod.rs).
//!
//! Why on the loop and not on a thread: a query costs a few microseconds here (one `send`,
//! one `recv`, building and parsing one small message), less than handing it to another
//! thread and back (two wakes and two context switches, which on a busy machine cost more
//! in waiting than in CPU); and it is what the architecture asks ("DNS is hickory on the
//! loop"). hickory-resolver did this work through tokio on a thread of its own, with a new
//! socket (bound, registered, closed) and a stack of futures per query: three to four times
//! node 20's CPU a query, where the whole query, script included, now takes less than node's
//! (docs/performance.md). What we keep of hickory-resolver is its reading of resolv.conf.
//!
//! What a forger must guess: the query's random id (16 bits) and the socket's port (random,
//! the kernel's, but the same for every query to that server, as with c-ares and udns;
//! hickory-resolver took a new random port for each query, which is the cost above), and the
//! question; its datagram must also come from the server's address and port.

use super::answer::{Code, Outcome};
use super::outgoing::Outgoing;
use super::reply::{self, Verdict};
use super::wire;
use crate::event_loop::host::{Host, Inbox};
use crate::event_loop::io::{Ready, Source};
use engine::vm::Handle;
use hickory_resolver::proto::op::{Message, Query as Question};
use hickory_resolver::proto::rr::{Name, RecordType};
use hickory_resolver::system_conf::parse_resolv_conf;
use mio::net::UdpSocket;
use mio::{Interest, Registry};
use rustc_hash::FxHashMap;
use std::any::Any;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream};
use std::rc::Rc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

/// What a script asked.
#[derive(Debug)]
pub enum Query {
    /// A name (completed from the search list as resolv.conf says) and a record type.
    Name(String, RecordType),
    /// An absolute `in-addr.arpa` or `ip6.arpa` name, for its PTR records.
    Reverse(Name),
}

/// The resolver, in the loop's state: made (resolv.conf read, sockets opened) on the first
/// query.
#[derive(Default)]
pub struct Resolver {
    client: Option<Rc<RefCell<Client>>>,
    /// dns.js's function that settles the promises (`_dns.onAnswers`).
    pub settle: Option<Handle>,
    /// What each query in flight settles (its promise, for dns.js), by the client's job id.
    targets: FxHashMap<u64, Handle>,
    next_job: u64,
}

impl Resolver {
    /// Sends a query whose outcome is for `target`: the loop gets the two from
    /// [`Resolver::finished`], once the query has its answer or has failed (perhaps at once:
    /// a name that cannot be asked, no server to ask).
    pub fn send(&mut self, host: &Host, target: Handle, query: Query) {
        let client = self.client.get_or_insert_with(|| Client::new(host)).clone();
        self.next_job += 1;
        let job = self.next_job;
        self.targets.insert(job, target);
        client.borrow_mut().start(job, query);
    }

    /// Whether queries are in flight (or finished and not yet taken): they keep the loop
    /// alive.
    pub fn busy(&self) -> bool {
        !self.targets.is_empty()
    }

    /// Sends the queries written since the last call, all of a server's in one system call:
    /// the loop calls this before it waits.
    pub fn flush(&mut self) {
        if let Some(client) = &self.client {
            client.borrow_mut().flush();
        }
    }

    /// When the loop must look at the resolver again: now if queries have finished (say, at
    /// once, in a native called from a timer), else when the first try in flight gives up.
    pub fn next_deadline(&self) -> Option<Instant> {
        let client = self.client.as_ref()?.borrow();
        if !client.done.is_empty() {
            return Some(Instant::now());
        }
        client.deadlines.front().map(|(deadline, ..)| *deadline)
    }

    /// Fails the tries whose time is up, takes the TCP answers that came, and returns the
    /// queries finished since the last call (by answers too), for the loop to deliver.
    pub fn finished(&mut self) -> Vec<(Handle, Outcome)> {
        let Some(client) = &self.client else {
            return Vec::new();
        };
        let mut client = client.borrow_mut();
        client.take_tcp_answers();
        client.expire(Instant::now());
        // (`done` keeps its capacity from turn to turn: growing a vector of a hundred answers
        // anew every turn made glibc consolidate its free lists each time.)
        let mut finished = Vec::with_capacity(client.done.len());
        for (job, outcome) in client.done.drain(..) {
            if let Some(target) = self.targets.remove(&job) {
                finished.push((target, outcome));
            }
        }
        finished
    }
}

/// One server's socket on the loop: when readable, its datagrams go to the client.
struct Socket {
    client: Rc<RefCell<Client>>,
    server: usize,
}

impl Source for Socket {
    fn ready(&mut self, _event: &mio::event::Event, _registry: &Registry) -> Ready {
        // The outcomes wait in `done` for the loop, which takes them after this turn's socket
        // events (`Resolver::finished`).
        self.client.borrow_mut().receive(self.server);
        Ready::default()
    }

    fn deregister(&mut self, registry: &Registry) {
        let mut client = self.client.borrow_mut();
        if let Some(Some(socket)) = client.sockets.get_mut(self.server) {
            let _ = registry.deregister(socket);
        }
    }

    /// The queries in flight keep the loop alive (as jobs), not the sockets.
    fn keeps_alive(&self) -> bool {
        false
    }

    fn as_any(&mut self) -> &mut dyn Any {
        self
    }
}

/// What resolv.conf says, as udns read it.
#[derive(Default)]
struct Config {
    servers: Vec<SocketAddr>,
    timeout: Duration,
    attempts: usize,
    search: Vec<Name>,
    ndots: usize,
    edns0: bool,
}

impl Config {
    /// The configuration of udns: `/etc/resolv.conf` alone, as hickory-resolver reads it
    /// (`nameserver`, `search`/`domain`, `options ndots: timeout: attempts: edns0`).
    ///
    /// - No `nameserver` line (or no file) means the server on this machine, 127.0.0.1, as
    ///   resolv.conf(5) says and glibc and udns did: never a public server.
    /// - No `/etc/hosts` (udns never read it; `tcp`'s getaddrinfo does), no cache (each call
    ///   asks the server, as udns did, so `ttl` is the server's).
    fn from_resolv_conf() -> Result<Config, String> {
        let text = std::fs::read("/etc/resolv.conf").unwrap_or_default();
        let (config, options) = parse_resolv_conf(&text)
            .or_else(|_| {
                let mut with_local = text.clone();
                with_local.extend_from_slice(b"\nnameserver 127.0.0.1\n");
                parse_resolv_conf(with_local)
            })
            .map_err(|error| format!("cannot use /etc/resolv.conf: {error}"))?;
        let mut servers: Vec<SocketAddr> = config
            .name_servers()
            .iter()
            .map(|server| SocketAddr::new(server.ip, 53))
            .collect();
        servers.dedup();
        Ok(Config {
            servers,
            // resolv.conf(5): a timeout of 0 is taken as 1 by glibc; never spin.
            timeout: options.timeout.max(Duration::from_secs(1)),
            attempts: options.attempts.max(1),
            search: config.search().to_vec(),
            ndots: options.ndots,
            edns0: options.edns0,
        })
    }

    /// The absolute names to try for `name`, in order, as resolv.conf(5) has it: an absolute
    /// name alone; a name with at least `ndots` dots as it is, then with each search domain;
    /// a name with fewer, with each search domain, then as it is.
    fn candidates(&self, name: Name) -> Vec<Name> {
        if name.is_fqdn() {
            return vec![name];
        }
        let mut as_is = name.clone();
        as_is.set_fqdn(true);
        let searched = self.search.iter().filter_map(|domain| {
            let mut full = name.clone().append_domain(domain).ok()?;
            full.set_fqdn(true);
            Some(full)
        });
        let mut names = Vec::with_capacity(self.search.len() + 1);
        if name.num_labels() as usize > self.ndots {
            names.push(as_is);
            names.extend(searched);
        } else {
            names.extend(searched);
            names.push(as_is);
        }
        names.dedup();
        names
    }
}

/// One script call on its way: the names left to try and where it stands.
struct Lookup {
    /// The candidate names, in order; `name` is the one being asked.
    names: Vec<Name>,
    name: usize,
    record_type: RecordType,
    /// Tries made for the current name: try `n` goes to server `n % servers`, in round
    /// `n / servers`.
    tries: usize,
    /// How the current name has failed so far (TEMPFAIL or PROTOCOL, the last one counts).
    failure: Code,
    /// How the names before it failed: NXDOMAIN, or NODATA once one of them existed.
    missing: Code,
    /// The try waiting for an answer.
    waiting: Option<Try>,
}

#[derive(Clone, Copy)]
struct Try {
    /// Tells this try from the lookup's earlier ones (a deadline or a TCP answer that comes
    /// late is for a try that is over).
    serial: u64,
    server: usize,
    /// The query id over UDP; `None` once the question went to TCP.
    id: Option<u16>,
    /// Sent (not just queued in `outgoing`): it counts in `in_flight`.
    sent: bool,
}

/// At most this many queries wait for an answer from one server; the others wait in
/// `outgoing` until answers or timeouts make room. Queries
/// written in one turn go out together (outgoing.rs), and a server's socket holds only so
/// many datagrams (Linux's default receive buffer, some 200 KB, about 160 small ones): a
/// thousand at once would lose most of them, where sent one by one the server kept up.
const WINDOW: usize = 128;

/// What a TCP helper thread brings back: the job, the try, and the answer's bytes.
type TcpAnswer = (u64, u64, std::io::Result<Vec<u8>>);

struct Client {
    inbox: Inbox,
    config: Config,
    /// Server `n`'s socket (`None` if it could not be opened: that server is never asked).
    sockets: Vec<Option<UdpSocket>>,
    lookups: FxHashMap<u64, Lookup>,
    /// The job waiting for each `(server, id)`.
    pending: FxHashMap<(usize, u16), u64>,
    /// When each try gives up: `(deadline, job, serial)`. Every try has the same timeout, so
    /// the deadlines come in the order the tries were sent.
    deadlines: VecDeque<(Instant, u64, u64)>,
    next_serial: u64,
    tcp: (Sender<TcpAnswer>, Receiver<TcpAnswer>),
    /// Outcomes not yet handed to the loop.
    done: Vec<(u64, Outcome)>,
    /// For reading datagrams.
    buffer: Vec<u8>,
    /// The queries written and not yet sent.
    outgoing: Outgoing,
    /// How many sent queries wait for an answer, per server.
    in_flight: Vec<usize>,
}

impl Client {
    /// Reads resolv.conf and opens a socket to each of its servers on the loop.
    fn new(host: &Host) -> Rc<RefCell<Client>> {
        let config = Config::from_resolv_conf().unwrap_or_else(|error| {
            crate::output::stderr(&format!("node: DNS: {error}\n"));
            // No server to ask: every query fails with TEMPFAIL.
            Config::default()
        });
        let client = Rc::new(RefCell::new(Client {
            inbox: host.inbox.clone(),
            sockets: Vec::new(),
            config,
            lookups: FxHashMap::default(),
            pending: FxHashMap::default(),
            deadlines: VecDeque::new(),
            next_serial: 0,
            tcp: mpsc::channel(),
            done: Vec::new(),
            // The largest UDP payload; a datagram cut short by a smaller buffer would read
            // as garbage.
            buffer: vec![0; 65536],
            outgoing: Outgoing::default(),
            in_flight: Vec::new(),
        }));
        let servers = client.borrow().config.servers.clone();
        let mut io = host.io.borrow_mut();
        for (server, address) in servers.into_iter().enumerate() {
            let mut opened = None;
            let added = io.add(|registry, token| {
                let mut socket = open(address)?;
                registry.register(&mut socket, token, Interest::READABLE)?;
                opened = Some(socket);
                Ok(Box::new(Socket {
                    client: client.clone(),
                    server,
                }))
            });
            if let Err(error) = added {
                crate::output::stderr(&format!("node: DNS: cannot ask {address}: {error}\n"));
            }
            let mut locked = client.borrow_mut();
            locked.sockets.push(opened);
            locked.in_flight.push(0);
        }
        client
    }

    /// Starts job `job`: its first try, or its outcome when no try can be made.
    fn start(&mut self, job: u64, query: Query) {
        let (names, record_type) = match query {
            Query::Name(text, record_type) => match wire::parse_name(&text) {
                Ok(name) => (self.config.candidates(name), record_type),
                Err(_) => return self.done.push((job, Err(Code::BadQuery))),
            },
            Query::Reverse(name) => (vec![name], RecordType::PTR),
        };
        let lookup = Lookup {
            names,
            name: 0,
            record_type,
            tries: 0,
            failure: Code::TempFail,
            missing: Code::NxDomain,
            waiting: None,
        };
        self.lookups.insert(job, lookup);
        self.next_try(job);
    }

    /// Sends the lookup's next try: the next server, the next round, or the next name; or
    /// finishes it when nothing is left to try.
    fn next_try(&mut self, job: u64) {
        let servers = self.config.servers.len();
        loop {
            let Some(lookup) = self.lookups.get_mut(&job) else {
                return;
            };
            if servers == 0 || lookup.tries >= servers * self.config.attempts {
                // Every server failed for this name, every round: that is the outcome (the
                // next name is not tried, as with udns).
                let failure = lookup.failure;
                return self.finish(job, Err(failure));
            }
            let server = lookup.tries % servers;
            lookup.tries += 1;
            let serial = self.next_serial;
            self.next_serial += 1;
            match self.send(job, server, serial) {
                Ok(id) => {
                    if let Some(lookup) = self.lookups.get_mut(&job) {
                        lookup.waiting = Some(Try {
                            serial,
                            server,
                            id: Some(id),
                            sent: false,
                        });
                    }
                    self.pending.insert((server, id), job);
                    // (The timeout runs from now, sent or still queued: a try that cannot
                    // even be sent in time, behind a server that does not answer, fails as
                    // the ones before it do.)
                    let deadline = Instant::now() + self.config.timeout;
                    self.deadlines.push_back((deadline, job, serial));
                    return;
                }
                // No way to ask this server (no socket, "port unreachable"...): the next.
                Err(_) => {
                    if let Some(lookup) = self.lookups.get_mut(&job) {
                        lookup.failure = Code::TempFail;
                    }
                }
            }
        }
    }

    /// Writes job `job`'s current question for server `server` with a random id free on its
    /// socket, and queues it for [`Client::flush`]; returns the id.
    fn send(&mut self, job: u64, server: usize, serial: u64) -> std::io::Result<u16> {
        let Some(lookup) = self.lookups.get(&job) else {
            return Err(ErrorKind::NotFound.into());
        };
        let Some(Some(_)) = self.sockets.get(server) else {
            return Err(ErrorKind::NotConnected.into());
        };
        // `Message::query` takes a random id from hickory's generator.
        let mut id = Message::query().metadata.id;
        while self.pending.contains_key(&(server, id)) {
            id = Message::query().metadata.id;
        }
        let name = &lookup.names[lookup.name];
        let (record_type, edns0) = (lookup.record_type, self.config.edns0);
        self.outgoing.push(server, job, serial, |out| {
            wire::write_query(id, name, record_type, edns0, out)
        });
        Ok(id)
    }

    /// Sends the queries written since the last call (outgoing.rs), as many as each server's
    /// window has room for. A try whose query could not be sent fails, and goes to the next
    /// server; the queries of tries that ended while queued (their time ran out) are dropped.
    fn flush(&mut self) {
        let lookups = &self.lookups;
        self.outgoing.retain(|job, serial| {
            lookups
                .get(&job)
                .and_then(|lookup| lookup.waiting)
                .is_some_and(|waiting| waiting.serial == serial)
        });
        loop {
            let mut room: Vec<usize> = self
                .in_flight
                .iter()
                .map(|&n| WINDOW.saturating_sub(n))
                .collect();
            let (sent, failed) = self.outgoing.send(&self.sockets, &mut room);
            for (job, serial) in sent {
                let Some(lookup) = self.lookups.get_mut(&job) else {
                    continue;
                };
                let Some(waiting) = lookup.waiting.as_mut().filter(|w| w.serial == serial) else {
                    continue;
                };
                waiting.sent = true;
                if let Some(count) = self.in_flight.get_mut(waiting.server) {
                    *count += 1;
                }
            }
            if failed.is_empty() {
                return;
            }
            for (job, serial) in failed {
                let current = self
                    .lookups
                    .get(&job)
                    .and_then(|lookup| lookup.waiting)
                    .is_some_and(|waiting| waiting.serial == serial);
                if current {
                    self.try_failed(job, Code::TempFail);
                }
            }
        }
    }

    /// A try is over (answered, failed, gone to TCP, or its lookup finished): its id is free
    /// again, and its place in the server's window.
    fn end_try(&mut self, waiting: Try) {
        if let Some(id) = waiting.id {
            self.pending.remove(&(waiting.server, id));
            if waiting.sent {
                if let Some(count) = self.in_flight.get_mut(waiting.server) {
                    *count = count.saturating_sub(1);
                }
            }
        }
    }

    /// Reads every datagram waiting on server `server`'s socket.
    fn receive(&mut self, server: usize) {
        loop {
            let Some(Some(socket)) = self.sockets.get(server) else {
                return;
            };
            match socket.recv(&mut self.buffer) {
                Ok(length) => {
                    let buffer = std::mem::take(&mut self.buffer);
                    self.datagram(server, &buffer[..length]);
                    self.buffer = buffer;
                }
                Err(error) if error.kind() == ErrorKind::WouldBlock => return,
                // "Port unreachable": nothing listens there. Every try waiting on this
                // server fails now rather than at its timeout, as with c-ares.
                Err(error) if error.kind() == ErrorKind::ConnectionRefused => {
                    let jobs: Vec<u64> = self
                        .pending
                        .iter()
                        .filter(|((on, _), _)| *on == server)
                        .map(|(_, job)| *job)
                        .collect();
                    for job in jobs {
                        self.try_failed(job, Code::TempFail);
                    }
                }
                Err(_) => return,
            }
        }
    }

    /// A datagram from server `server`: the answer of the try waiting for its id, if it is.
    fn datagram(&mut self, server: usize, datagram: &[u8]) {
        let Some(id) = datagram
            .get(..2)
            .map(|id| u16::from_be_bytes([id[0], id[1]]))
        else {
            return;
        };
        let Some(&job) = self.pending.get(&(server, id)) else {
            return;
        };
        self.answer(job, datagram, false);
    }

    /// Bytes that answer (or claim to answer) job `job`'s waiting try.
    fn answer(&mut self, job: u64, bytes: &[u8], over_tcp: bool) {
        let Some(lookup) = self.lookups.get(&job) else {
            return;
        };
        let Some(waiting) = lookup.waiting else {
            return;
        };
        let name = &lookup.names[lookup.name];
        match reply::judge(bytes, name, lookup.record_type, over_tcp) {
            Verdict::Ignore => {}
            Verdict::AskOverTcp => {
                let name = name.clone();
                let record_type = lookup.record_type;
                self.ask_over_tcp(job, waiting, name, record_type);
            }
            Verdict::TryFailed(code) => self.try_failed(job, code),
            Verdict::NameMissing(code) => self.name_missing(job, code),
            Verdict::Done(outcome) => self.finish(job, outcome),
        }
    }

    /// The waiting try failed with `code`: on to the next server (or round).
    fn try_failed(&mut self, job: u64, code: Code) {
        let Some(lookup) = self.lookups.get_mut(&job) else {
            return;
        };
        lookup.failure = code;
        if let Some(waiting) = lookup.waiting.take() {
            self.end_try(waiting);
        }
        self.next_try(job);
    }

    /// The current name does not exist (NXDOMAIN) or has no such records (NODATA): the next
    /// name of the search list; when none is left, NODATA if any of them existed.
    fn name_missing(&mut self, job: u64, code: Code) {
        let Some(lookup) = self.lookups.get_mut(&job) else {
            return;
        };
        if code == Code::NoData {
            lookup.missing = Code::NoData;
        }
        let waiting = lookup.waiting.take();
        if let Some(waiting) = waiting {
            self.end_try(waiting);
        }
        let Some(lookup) = self.lookups.get_mut(&job) else {
            return;
        };
        if lookup.name + 1 < lookup.names.len() {
            lookup.name += 1;
            lookup.tries = 0;
            lookup.failure = Code::TempFail;
            self.next_try(job);
        } else {
            let missing = lookup.missing;
            self.finish(job, Err(missing));
        }
    }

    fn finish(&mut self, job: u64, outcome: Outcome) {
        if let Some(waiting) = self.lookups.remove(&job).and_then(|lookup| lookup.waiting) {
            self.end_try(waiting);
        }
        self.done.push((job, outcome));
    }

    /// Fails every try whose time is up, and drops the deadlines of tries that are over
    /// from the front of the queue (so that the loop does not wake for them).
    fn expire(&mut self, now: Instant) {
        while let Some(&(deadline, job, serial)) = self.deadlines.front() {
            let current = self
                .lookups
                .get(&job)
                .and_then(|lookup| lookup.waiting)
                .is_some_and(|waiting| waiting.serial == serial);
            if current && deadline > now {
                return;
            }
            self.deadlines.pop_front();
            if current {
                self.try_failed(job, Code::TempFail);
            }
        }
    }

    /// The answer was truncated: the same question over TCP to the same server, on a thread
    /// of its own (blocking, within the try's timeout), whose answer comes back through the
    /// `tcp` channel, waking the loop.
    fn ask_over_tcp(&mut self, job: u64, waiting: Try, name: Name, record_type: RecordType) {
        self.end_try(waiting);
        let serial = self.next_serial;
        self.next_serial += 1;
        if let Some(lookup) = self.lookups.get_mut(&job) {
            lookup.waiting = Some(Try {
                serial,
                server: waiting.server,
                id: None,
                sent: true,
            });
        }
        self.deadlines
            .push_back((Instant::now() + self.config.timeout, job, serial));
        let mut message = Message::query();
        message.metadata.recursion_desired = true;
        message.add_query(Question::query(name, record_type));
        let address = self.config.servers[waiting.server];
        let timeout = self.config.timeout;
        let results = self.tcp.0.clone();
        let waker = self.inbox.waker.clone();
        let started = std::thread::Builder::new()
            .name("dns-tcp".into())
            .spawn(move || {
                let answer = message
                    .to_vec()
                    .map_err(std::io::Error::other)
                    .and_then(|query| ask_tcp(address, &query, timeout));
                let _ = results.send((job, serial, answer));
                let _ = waker.wake();
            });
        if started.is_err() {
            self.try_failed(job, Code::TempFail);
        }
    }

    /// The answers of the TCP threads: each is its try's, if that try still waits.
    fn take_tcp_answers(&mut self) {
        while let Ok((job, serial, answer)) = self.tcp.1.try_recv() {
            let current = self
                .lookups
                .get(&job)
                .and_then(|lookup| lookup.waiting)
                .is_some_and(|waiting| waiting.serial == serial);
            if !current {
                continue;
            }
            match answer {
                // The id is checked here (TCP has no other datagrams to match it with).
                Ok(bytes) if bytes.len() >= 2 => self.answer(job, &bytes, true),
                _ => self.try_failed(job, Code::TempFail),
            }
        }
    }
}

/// A socket for the server at `address`: a random local port (the kernel's), connected to it.
fn open(address: SocketAddr) -> std::io::Result<UdpSocket> {
    let any: IpAddr = match address {
        SocketAddr::V4(_) => Ipv4Addr::UNSPECIFIED.into(),
        SocketAddr::V6(_) => Ipv6Addr::UNSPECIFIED.into(),
    };
    let socket = UdpSocket::bind(SocketAddr::new(any, 0))?;
    socket.connect(address)?;
    Ok(socket)
}

/// One question over TCP (RFC 1035 4.2.2: each message after its 16-bit length); the answer
/// must carry the question's id.
fn ask_tcp(address: SocketAddr, query: &[u8], timeout: Duration) -> std::io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect_timeout(&address, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    let length = u16::try_from(query.len()).map_err(std::io::Error::other)?;
    let mut framed = length.to_be_bytes().to_vec();
    framed.extend_from_slice(query);
    stream.write_all(&framed)?;
    let mut length = [0; 2];
    stream.read_exact(&mut length)?;
    let mut answer = vec![0; usize::from(u16::from_be_bytes(length))];
    stream.read_exact(&mut answer)?;
    if answer.get(..2) != query.get(..2) {
        return Err(std::io::Error::other("an answer over TCP with another id"));
    }
    Ok(answer)
}
