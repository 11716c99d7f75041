//! The resolver thread: `hickory-resolver`, configured from `/etc/resolv.conf`, with every
//! query of the script in flight at once.
//!
//! Why a thread: hickory is written for an async runtime (tokio), while our loop is a plain
//! `mio::Poll` that runs JavaScript between events. Driving hickory's futures from our loop
//! would mean writing a tokio-compatible reactor for its sockets and timers; driving
//! hickory-proto over our own UDP socket would mean writing again what the resolver does well
//! (a fresh random source port and id for each query, matching answers to questions, per-try
//! timeouts, TCP when an answer is truncated, following CNAMEs). So one thread runs a
//! current-thread tokio runtime that owns the resolvers: queries reach it over a channel, each
//! becomes a task, all of them wait on their sockets together (1,000 queries are 1,000 tasks,
//! not 1,000 threads), and each answer goes to the loop's inbox, whose waker wakes `poll`: to
//! the loop a DNS answer is one more event. The loop never blocks on DNS; the thread is started
//! on the first query and lives as long as the process. What resolv.conf(5) says about the
//! order of names and servers is applied here ([`System`]), as udns applied it.

use super::answer::{self, Code, Outcome};
use crate::event_loop::host::{Inbox, Message};
use hickory_resolver::config::{ResolveHosts, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::{Name, RecordType};
use hickory_resolver::system_conf::parse_resolv_conf;
use hickory_resolver::TokioResolver;
use std::sync::Arc;
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};

/// What a script asked.
#[derive(Debug)]
pub enum Query {
    /// A name (completed from the search list as resolv.conf says) and a record type.
    Name(String, RecordType),
    /// An absolute `in-addr.arpa` or `ip6.arpa` name, for its PTR records.
    Reverse(Name),
}

/// The loop's end of the resolver thread: not started until the first query.
#[derive(Default)]
pub struct Resolver {
    queue: Option<UnboundedSender<(u64, Query)>>,
}

impl Resolver {
    /// Sends job `id`'s query to the resolver thread, starting it if needed. The answer comes
    /// back as `Message::Done(id, Box<Outcome>)`.
    pub fn send(&mut self, inbox: &Inbox, id: u64, query: Query) {
        let queue = self.queue.get_or_insert_with(|| start(inbox.clone()));
        if let Err(unsent) = queue.send((id, query)) {
            // The thread could not start (or its runtime failed): the query fails, as udns's
            // did when it could not open its socket.
            let outcome: Outcome = Err(Code::TempFail);
            inbox.send(Message::Done(unsent.0 .0, Box::new(outcome)));
        }
    }
}

fn start(inbox: Inbox) -> UnboundedSender<(u64, Query)> {
    let (sender, receiver) = mpsc::unbounded_channel();
    let started = std::thread::Builder::new()
        .name("dns".into())
        .spawn(move || run(receiver, inbox));
    if started.is_err() {
        crate::output::stderr("node: cannot start the DNS resolver thread\n");
    }
    sender
}

/// The thread's body: answers queries until the loop goes away.
fn run(mut queue: UnboundedReceiver<(u64, Query)>, inbox: Inbox) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build();
    let runtime = match runtime {
        Ok(runtime) => runtime,
        Err(error) => {
            crate::output::stderr(&format!("node: cannot start the DNS resolver: {error}\n"));
            // Every query, those already sent too, fails rather than waits for ever.
            while let Some((id, _)) = queue.blocking_recv() {
                let outcome: Outcome = Err(Code::TempFail);
                inbox.send(Message::Done(id, Box::new(outcome)));
            }
            return;
        }
    };
    runtime.block_on(async move {
        let resolver = match System::from_resolv_conf() {
            Ok(resolver) => Some(Arc::new(resolver)),
            Err(error) => {
                crate::output::stderr(&format!("node: DNS: {error}\n"));
                None
            }
        };
        while let Some((id, query)) = queue.recv().await {
            let resolver = resolver.clone();
            let inbox = inbox.clone();
            tokio::spawn(async move {
                let outcome = match resolver {
                    // The lookup is a task of its own so that, should hickory panic on some
                    // answer, the query still fails instead of keeping the loop waiting.
                    Some(resolver) => tokio::spawn(async move { resolver.lookup(query).await })
                        .await
                        .unwrap_or(Err(Code::TempFail)),
                    // A resolv.conf that cannot be used: no server to ask.
                    None => Err(Code::TempFail),
                };
                inbox.send(Message::Done(id, Box::new(outcome)));
            });
            // Let the new query reach hickory's queue to the server before taking the next
            // one: that queue holds 32 requests until the task that sends them runs, and a
            // request that finds it full backs off 20 ms or more ("busy").
            tokio::task::yield_now().await;
        }
    });
}

/// The system's resolver: one hickory resolver for each server of resolv.conf, and the rules
/// of resolv.conf(5) that glibc and udns follow, applied here:
///
/// - each name of the search list in turn; when none has records, `NODATA` if any of them
///   exists, `NXDOMAIN` only when none does (hickory would report the last name's error);
/// - for each name, `attempts` rounds over the servers in the file's order, each server
///   given `timeout`. (hickory's own pool gives all its servers one `timeout` together, so a
///   first server that never answers would leave none for the second.)
struct System {
    /// One resolver per server, in resolv.conf's order.
    servers: Vec<TokioResolver>,
    attempts: usize,
    search: Vec<Name>,
    ndots: usize,
}

impl System {
    /// A resolver configured as udns configured itself: from `/etc/resolv.conf` alone.
    ///
    /// - `nameserver`, `search`/`domain`, `options ndots: timeout: attempts:` (and `edns0`) are
    ///   hickory's reading of the file (`system_conf`).
    /// - No `nameserver` line (or no file) means the server on this machine, 127.0.0.1, as
    ///   resolv.conf(5) says and glibc and udns did: never a public server.
    /// - No `/etc/hosts` (udns never read it; `tcp`'s getaddrinfo does), no cache (each call
    ///   asks the server, as udns did, so `ttl` is the server's).
    fn from_resolv_conf() -> Result<System, String> {
        let text = std::fs::read("/etc/resolv.conf").unwrap_or_default();
        let (config, mut options) = parse_resolv_conf(&text)
            .or_else(|_| {
                let mut with_local = text.clone();
                with_local.extend_from_slice(b"\nnameserver 127.0.0.1\n");
                parse_resolv_conf(with_local)
            })
            .map_err(|error| format!("cannot use /etc/resolv.conf: {error}"))?;
        let attempts = options.attempts.max(1);
        // The rounds are ours (see `ask`): each resolver tries its server once.
        options.attempts = 0;
        options.use_hosts_file = ResolveHosts::Never;
        options.cache_size = 0;
        let servers = config
            .name_servers()
            .iter()
            .map(|server| {
                let config = ResolverConfig::from_parts(None, Vec::new(), vec![server.clone()]);
                TokioResolver::builder_with_config(config, TokioRuntimeProvider::default())
                    .with_options(options.clone())
                    .build()
                    .map_err(|error| format!("cannot start the resolver: {error}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(System {
            servers,
            attempts,
            search: config.search().to_vec(),
            ndots: options.ndots,
        })
    }

    async fn lookup(&self, query: Query) -> Outcome {
        let (names, record_type) = match query {
            Query::Name(text, record_type) => match Name::from_utf8(&text) {
                Ok(name) => (self.candidates(name), record_type),
                Err(_) => return Err(Code::BadQuery),
            },
            Query::Reverse(name) => (vec![name], RecordType::PTR),
        };
        let mut failure = Code::NxDomain;
        for name in names {
            match self.ask(name, record_type).await {
                Err(Code::NxDomain) => {}
                Err(Code::NoData) => failure = Code::NoData,
                done => return done,
            }
        }
        Err(failure)
    }

    /// The answer for one absolute name: the first server that answers, in `attempts` rounds
    /// over the servers; a server that fails (no answer in time, unreachable, SERVFAIL,
    /// garbage...) passes the question to the next, and the last failure is the outcome.
    async fn ask(&self, name: Name, record_type: RecordType) -> Outcome {
        let mut failure = Code::TempFail;
        for _ in 0..self.attempts {
            for server in &self.servers {
                let outcome = match server.lookup(name.clone(), record_type).await {
                    Ok(lookup) => answer::answer(&lookup, record_type),
                    Err(error) => Err(Code::of(&error)),
                };
                match outcome {
                    Err(code @ (Code::TempFail | Code::Protocol)) => failure = code,
                    done => return done,
                }
            }
        }
        Err(failure)
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
