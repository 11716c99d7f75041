//! Helpers shared by the integration tests: find the built `node` and the test programs of
//! `tests/scripts/`, give each test its own scratch directory, and run the binary with a time
//! limit, as a user would.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The `node` binary under test.
///
/// `NODE_BIN` names it explicitly. Otherwise it is the `node` of the target directory these
/// tests were built into (so `cargo test --release` tests the release binary), then
/// `target/release/node` and `target/debug/node` of the workspace.
///
/// # Panics
/// When there is no binary: cargo does not build another package's binaries for these tests,
/// so the message says to run `cargo build` first.
pub fn node_bin() -> PathBuf {
    if let Some(path) = std::env::var_os("NODE_BIN") {
        return PathBuf::from(path);
    }
    let mut candidates = Vec::new();
    // This test executable lives in target/<profile>/deps/.
    if let Ok(exe) = std::env::current_exe() {
        if let Some(profile_dir) = exe.parent().and_then(Path::parent) {
            candidates.push(profile_dir.join("node"));
        }
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    candidates.push(workspace.join("target/release/node"));
    candidates.push(workspace.join("target/debug/node"));
    match candidates.iter().find(|path| path.is_file()) {
        Some(path) => path.clone(),
        None => panic!(
            "no node binary found (looked at {candidates:?}); build it first with \
             `cargo build --release -p runtime` (or `cargo build`), or set NODE_BIN"
        ),
    }
}

/// A directory of its own for one test, removed when dropped.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    /// Creates a fresh directory under the system's temporary directory.
    ///
    /// # Panics
    /// When the directory cannot be created.
    pub fn new(name: &str) -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let unique = format!(
            "node-it-{name}-{}-{}-{nanos}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(unique);
        if let Err(error) = fs::create_dir_all(&path) {
            panic!("cannot create {}: {error}", path.display());
        }
        TempDir { path }
    }

    /// Writes `contents` to `name` in this directory and returns its path.
    ///
    /// # Panics
    /// When the file cannot be written.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path.join(name);
        if let Err(error) = fs::write(&path, contents) {
            panic!("cannot write {}: {error}", path.display());
        }
        path
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// What a run of `node` did.
#[derive(Debug)]
pub struct Run {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    /// The highest resident set size seen while it ran, in KiB (Linux's `VmHWM`, sampled
    /// every few milliseconds; `None` where /proc is unavailable).
    pub peak_rss_kib: Option<u64>,
}

impl Run {
    /// The exit status.
    ///
    /// # Panics
    /// When the process did not exit normally (it was killed by a signal, as a crash, a stack
    /// overflow or an abort would be): that is always a bug.
    pub fn code(&self) -> i32 {
        match self.status.code() {
            Some(code) => code,
            None => panic!(
                "node did not exit normally ({:?}): stderr was\n{}",
                self.status,
                tail(&self.stderr)
            ),
        }
    }

    /// Asserts that `node` ended normally, as a program handling its input (whatever the
    /// input) should: a status in 0..=127, which excludes both signals and the shell's
    /// 128+signal convention.
    ///
    /// # Panics
    /// When it did not.
    pub fn assert_clean_exit(&self) {
        let code = self.code();
        assert!(
            (0..=127).contains(&code),
            "exit status {code}; stderr:\n{}",
            tail(&self.stderr)
        );
        assert!(
            !self.stderr.contains("panicked"),
            "node panicked:\n{}",
            tail(&self.stderr)
        );
    }
}

/// The end of a long output, for failure messages.
fn tail(text: &str) -> &str {
    let mut start = text.len().saturating_sub(2000);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    &text[start..]
}

/// Runs `node` with `args`, failing the test if it takes longer than `limit`.
///
/// # Panics
/// When the binary cannot be started, or runs past the limit (it is killed first).
pub fn node_with_limit<S: AsRef<std::ffi::OsStr>>(args: &[S], limit: Duration) -> Run {
    node_with(
        args,
        &Options {
            limit,
            ..Options::default()
        },
    )
}

/// How to run `node` besides its arguments: its environment, working directory, standard
/// input and time limit.
pub struct Options {
    /// Variables set (or, with `None`, removed) on top of the test's own environment.
    pub env: Vec<(String, Option<String>)>,
    pub cwd: Option<PathBuf>,
    /// What the child reads on stdin: nothing (`/dev/null`) when empty, else these chunks in
    /// order, each after its pause, from a pipe closed after the last one.
    pub stdin: Vec<(Duration, Vec<u8>)>,
    /// How long to leave stdout unread at first, as a slow reader would.
    pub stdout_delay: Duration,
    pub limit: Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            env: Vec::new(),
            cwd: None,
            stdin: Vec::new(),
            stdout_delay: Duration::ZERO,
            limit: Duration::from_secs(120),
        }
    }
}

impl Options {
    /// Standard input all at once, then closed.
    pub fn stdin(bytes: impl Into<Vec<u8>>) -> Options {
        Options {
            stdin: vec![(Duration::ZERO, bytes.into())],
            ..Options::default()
        }
    }
}

/// Runs `node` with `args` as `options` say.
///
/// # Panics
/// When the binary cannot be started, or runs past the limit (it is killed first).
pub fn node_with<S: AsRef<std::ffi::OsStr>>(args: &[S], options: &Options) -> Run {
    match try_node_with(args, options) {
        Ok(run) => run,
        Err(problem) => panic!("{problem}"),
    }
}

/// [`node_with`], with what went wrong as an `Err` instead of a panic, for a runner that
/// reports every failure rather than the first.
///
/// # Errors
/// When the binary cannot be started or waited for, or runs past the limit (it is killed).
pub fn try_node_with<S: AsRef<std::ffi::OsStr>>(
    args: &[S],
    options: &Options,
) -> Result<Run, String> {
    let bin = node_bin();
    let started = Instant::now();
    let mut command = Command::new(&bin);
    command
        .args(args)
        .stdin(if options.stdin.is_empty() {
            Stdio::null()
        } else {
            Stdio::piped()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in &options.env {
        match value {
            Some(value) => command.env(name, value),
            None => command.env_remove(name),
        };
    }
    if let Some(cwd) = &options.cwd {
        command.current_dir(cwd);
    }
    let mut child = command
        .spawn()
        .map_err(|error| format!("cannot start {}: {error}", bin.display()))?;
    let feeder = child.stdin.take().map(|mut pipe| {
        let chunks = options.stdin.clone();
        thread::spawn(move || {
            for (pause, bytes) in chunks {
                thread::sleep(pause);
                // The child may have exited without reading: that is its business.
                if pipe.write_all(&bytes).and_then(|()| pipe.flush()).is_err() {
                    break;
                }
            }
        })
    });
    // Drain both pipes on their own threads so a chatty child never blocks on a full pipe.
    let stdout = child
        .stdout
        .take()
        .map(|pipe| drain(pipe, options.stdout_delay));
    let stderr = child.stderr.take().map(|pipe| drain(pipe, Duration::ZERO));
    let mut peak_rss_kib = None;
    let limit = options.limit;
    let status = loop {
        if let Some(hwm) = high_water_mark(child.id()) {
            peak_rss_kib = Some(peak_rss_kib.unwrap_or(0).max(hwm));
        }
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "node {:?} ran longer than {limit:?}",
                    display_args(args)
                ));
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(error) => return Err(format!("cannot wait for node: {error}")),
        }
    };
    let elapsed = started.elapsed();
    if let Some(feeder) = feeder {
        let _ = feeder.join();
    }
    Ok(Run {
        status,
        stdout: stdout.map(collect).unwrap_or_default(),
        stderr: stderr.map(collect).unwrap_or_default(),
        elapsed,
        peak_rss_kib,
    })
}

/// `tests/scripts/`, where the test programs live as `.js` files a person can read and run.
pub fn scripts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts")
}

/// The text of the test program `tests/scripts/PATH` (e.g. `"stdio/driven/echo.js"`), for a
/// test that runs it with orchestration of its own (input, signals, peers, environment).
///
/// # Panics
/// When the file cannot be read.
pub fn script_source(path: &str) -> String {
    let full = scripts_dir().join(path);
    match fs::read_to_string(&full) {
        Ok(text) => text,
        Err(error) => panic!("cannot read {}: {error}", full.display()),
    }
}

/// Writes `source` as `NAME.js` in a new scratch directory and runs it with `args`; the
/// directory is returned too, for tests that look at it afterwards.
pub fn run_js(name: &str, source: &str, args: &[&str]) -> (Run, TempDir) {
    run_js_with(name, source, args, &Options::default())
}

/// [`run_js`] with [`Options`].
pub fn run_js_with(name: &str, source: &str, args: &[&str], options: &Options) -> (Run, TempDir) {
    let dir = TempDir::new(name);
    let script = dir.write(&format!("{name}.js"), source);
    let mut all = vec![script.into_os_string()];
    all.extend(args.iter().map(std::ffi::OsString::from));
    (node_with(&all, options), dir)
}

/// A process's peak resident set size so far, in KiB, from /proc/PID/status.
fn high_water_mark(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `node` with `args` and a limit that only a hang would hit.
pub fn node<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    node_with_limit(args, Duration::from_secs(120))
}

fn display_args<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Vec<String> {
    args.iter()
        .map(|a| a.as_ref().to_string_lossy().into_owned())
        .collect()
}

fn drain(mut pipe: impl Read + Send + 'static, delay: Duration) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        thread::sleep(delay);
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

fn collect(handle: thread::JoinHandle<Vec<u8>>) -> String {
    let bytes = handle.join().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

// ---- Networking: ports, servers in the background, peers -------------------------------------

/// A TCP port free at the moment (the system picks it; the tests pass it to their scripts).
///
/// # Panics
/// When no socket can be bound on the loopback interface.
pub fn free_port() -> u16 {
    match std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()) {
        Ok(address) => address.port(),
        Err(error) => panic!("cannot find a free port: {error}"),
    }
}

/// Waits until a socket listens on `port`; false after `limit`. It looks in /proc/net/tcp
/// and tcp6 rather than connecting, so that the server's first connection is the test's.
pub fn wait_for_port(port: u16, limit: Duration) -> bool {
    let started = Instant::now();
    let local = format!(":{port:04X} ");
    while started.elapsed() < limit {
        let listening = ["/proc/net/tcp", "/proc/net/tcp6"].iter().any(|table| {
            fs::read_to_string(table).is_ok_and(|text| {
                text.lines().any(|line| {
                    let fields: Vec<&str> = line.split_whitespace().collect();
                    // local_address is field 1, the state field 3 ("0A": LISTEN).
                    fields.len() > 3
                        && format!("{} ", fields[1]).ends_with(&local)
                        && fields[3] == "0A"
                })
            })
        });
        if listening {
            return true;
        }
        thread::sleep(Duration::from_millis(10));
    }
    false
}

/// Runs `source` as [`run_js_with`] does, on a thread of its own (a server the test then talks
/// to); join the handle for how it ended.
pub fn spawn_js(
    name: &str,
    source: &str,
    args: &[&str],
    limit: Duration,
) -> thread::JoinHandle<(Run, TempDir)> {
    let (name, source) = (name.to_string(), source.to_string());
    let args: Vec<String> = args.iter().map(|a| (*a).to_string()).collect();
    thread::spawn(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let options = Options {
            limit,
            ..Options::default()
        };
        run_js_with(&name, &source, &args, &options)
    })
}

/// Modern node (the peer the HTTP tests talk to), if installed: `PEER_NODE`, else `node` on
/// the PATH.
pub fn peer_node() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PEER_NODE") {
        return Some(PathBuf::from(path));
    }
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join("node"))
        .find(|p| p.is_file())
}

/// What a peer program did.
#[derive(Debug)]
pub struct PeerRun {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs a peer command (curl, modern node) with a time limit.
///
/// # Panics
/// When it cannot be started or runs past the limit.
pub fn run_peer(command: &mut Command, limit: Duration) -> PeerRun {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // This machine's CA bundle variable slows modern node's start and is not needed here.
    command.env_remove("NODE_EXTRA_CA_CERTS");
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(error) => panic!("cannot start {command:?}: {error}"),
    };
    let stdout = child.stdout.take().map(|pipe| drain(pipe, Duration::ZERO));
    let stderr = child.stderr.take().map(|pipe| drain(pipe, Duration::ZERO));
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{command:?} ran longer than {limit:?}");
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(error) => panic!("cannot wait for {command:?}: {error}"),
        }
    };
    PeerRun {
        code: status.code(),
        stdout: stdout.map(collect).unwrap_or_default(),
        stderr: stderr.map(collect).unwrap_or_default(),
    }
}
