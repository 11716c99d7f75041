//! The REPL (the API document's "REPL"): `node-repl` and `require("repl")`, fed through a
//! pipe. Scripted sessions with their expected output are in tests/fixtures/repl/ (NAME.in is
//! typed, NAME.out is what the REPL prints); the tests here talk to a running REPL where
//! time matters (a timer firing mid-session, a tcp server served while the REPL waits). The
//! terminal (line editing, history, completion, Ctrl-C and Ctrl-D) is in repl_terminal.rs.

use integration::{free_port, node_bin, wait_for_port, TempDir};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a REPL gets to print what a test waits for (generous: the machine may be busy).
const LIMIT: Duration = Duration::from_secs(60);

/// `node-repl`, built beside `node`.
fn repl_bin() -> PathBuf {
    node_bin().with_file_name("node-repl")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/repl")
}

/// A REPL (or a program that starts one) running with its stdin and stdout on pipes.
struct Session {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
    _home: TempDir,
}

impl Session {
    fn start(program: &Path, args: &[&Path]) -> Session {
        let home = TempDir::new("repl-home");
        let mut child = Command::new(program)
            .args(args)
            .env("HOME", home.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
        let stdout = collect(child.stdout.take());
        let stderr = collect(child.stderr.take());
        Session {
            stdin: child.stdin.take(),
            child,
            stdout,
            stderr,
            _home: home,
        }
    }

    fn repl() -> Session {
        Session::start(&repl_bin(), &[])
    }

    fn send(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin
            .write_all(format!("{line}\n").as_bytes())
            .and_then(|()| stdin.flush())
            .expect("the REPL reads its stdin");
    }

    fn stdout(&self) -> String {
        self.stdout.lock().map(|s| s.clone()).unwrap_or_default()
    }

    fn stderr(&self) -> String {
        self.stderr.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// Waits until stdout holds `text`.
    fn wait_for(&self, text: &str) {
        let started = Instant::now();
        while !self.stdout().contains(text) {
            assert!(
                started.elapsed() < LIMIT,
                "the REPL never printed {text:?}; stdout:\n{}\nstderr:\n{}",
                self.stdout(),
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Closes stdin and waits for the process to end; gives its status and stdout.
    fn finish(mut self) -> (i32, String) {
        drop(self.stdin.take());
        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                // The readers finish once the pipes close.
                std::thread::sleep(Duration::from_millis(50));
                return (status.code().unwrap_or(-1), self.stdout());
            }
            assert!(
                started.elapsed() < LIMIT,
                "the REPL did not exit at the end of its input; stdout:\n{}",
                self.stdout()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads a pipe on a thread into a shared string.
fn collect(pipe: Option<impl Read + Send + 'static>) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    if let Some(mut pipe) = pipe {
        let shared = text.clone();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                if let Ok(mut text) = shared.lock() {
                    text.push_str(&String::from_utf8_lossy(&buffer[..n]));
                }
            }
        });
    }
    text
}

/// Runs `node-repl` on all of `input` at once.
fn session(input: &str) -> (i32, String) {
    let mut session = Session::repl();
    if let Some(stdin) = session.stdin.as_mut() {
        stdin.write_all(input.as_bytes()).expect("the REPL reads");
    }
    session.finish()
}

const WELCOME: &str = "\
Welcome to the Node.js REPL.
Enter ECMAScript at the prompt.
Tip 1: the line editor is built in (arrows, Ctrl-R, Tab); no need for rlwrap.
Tip 2: Type Control-D to exit.
Type '.help' for options.
";

#[test]
fn the_documents_one_liner_prints_2_and_4() {
    // printf '1+1\n_*2\n' | node-repl
    let (status, stdout) = session("1+1\n_*2\n");
    assert_eq!(status, 0);
    assert_eq!(stdout, format!("{WELCOME}node> 2\nnode> 4\nnode> \n"));
}

/// Each tests/fixtures/repl/NAME.in, typed into node-repl, prints NAME.out: values and `_`,
/// `var` and functions in the scope, continued input, the keywords, errors with their stack
/// and syntax errors with their position.
#[test]
fn scripted_sessions_print_what_their_out_files_show() {
    let mut inputs: Vec<_> = std::fs::read_dir(fixtures())
        .expect("tests/fixtures/repl exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "in"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 4, "the sessions are missing: {inputs:?}");
    for input in inputs {
        let expected = std::fs::read_to_string(input.with_extension("out"))
            .unwrap_or_else(|e| panic!("{}: no .out file: {e}", input.display()));
        let typed = std::fs::read_to_string(&input).expect("readable");
        let (status, stdout) = session(&typed);
        assert_eq!(status, 0, "{}", input.display());
        assert_eq!(stdout, expected, "{}", input.display());
    }
}

#[test]
fn a_timer_set_at_the_prompt_fires_while_the_repl_waits() {
    let mut repl = Session::repl();
    repl.send("var x = 41; setTimeout(function () { puts('fired ' + x); }, 200); 'armed'");
    repl.wait_for("node> \"armed\"\nnode> ");
    // Nothing more is typed: the timer fires while the REPL waits for the next line.
    repl.wait_for("fired 41\n");
    repl.send("x + 1");
    // The timer's line came after the prompt that was waiting; the value follows it.
    let (status, stdout) = repl.finish();
    assert_eq!(status, 0);
    assert!(stdout.ends_with("node> fired 41\n42\nnode> \n"), "{stdout}");
}

#[test]
fn exceptions_from_timers_and_listeners_print_their_stack_and_the_repl_goes_on() {
    let mut repl = Session::repl();
    repl.send("setTimeout(function () { throw new Error('late'); }, 50); 1");
    repl.wait_for("Error: late\n    at repl:1:");
    repl.send("var e = new process.EventEmitter()");
    repl.send("e.addListener('go', function () { throw new RangeError('heard'); }); 2");
    repl.send("setTimeout(function () { e.emit('go'); }, 50); 3");
    repl.wait_for("RangeError: heard\n    at repl:1:");
    repl.send("'still here'");
    repl.wait_for("node> \"still here\"\n");
    let (status, _) = repl.finish();
    assert_eq!(status, 0);
}

#[test]
fn promise_wait_at_the_prompt_returns_when_the_promise_fires() {
    let mut repl = Session::repl();
    repl.send(
        "var p = new process.Promise(); setTimeout(function () { p.emitSuccess('done'); }, 100); 0",
    );
    repl.send("p.wait()");
    // The lines after wait() are evaluated after it returned, in order.
    repl.send("'after'");
    repl.wait_for("node> 0\nnode> \"done\"\nnode> \"after\"\n");
    let (status, _) = repl.finish();
    assert_eq!(status, 0);
}

/// The document's second example: `repl.scope.count = count` exposes a variable; with a
/// prompt of its own and a writer replaced.
#[test]
fn a_program_starts_the_repl_and_exposes_variables_in_its_scope() {
    let dir = TempDir::new("repl-scope");
    let script = dir.write(
        "scope.js",
        r#"var repl = require("repl");
var count = 5;
repl.start("count> ");
repl.scope.count = count;
repl.writer = function (value) { return "=> " + JSON.stringify(value); };
process.addListener("exit", function () {
  require("sys").puts("kept: " + repl.scope.kept + ", _: " + repl.scope._);
});
"#,
    );
    let mut program = Session::start(&node_bin(), &[&script]);
    program.send("count");
    program.send("count * 2");
    program.send("var kept = 'yes'");
    program.send("typeof repl");
    let (status, stdout) = program.finish();
    assert_eq!(status, 0);
    assert_eq!(
        stdout,
        "count> => 5\ncount> => 10\ncount> count> => \"undefined\"\ncount> \n\
         kept: yes, _: undefined\n"
    );
}

/// The document's example, as it is (port 5000 made a free one): a tcp server counts its
/// connections while the REPL runs; the count is read at the prompt.
#[test]
fn the_documents_tcp_server_is_served_while_the_repl_waits() {
    let port = free_port();
    let dir = TempDir::new("repl-tcp");
    let source = r#"var sys = require("sys"),
    tcp = require("tcp"),
   repl = require("repl");
nconnections = 0;
tcp.createServer(function (c) {
  sys.error("Connection!");
  nconnections += 1;
  c.close();
}).listen(5000);
repl.start("simple tcp server> ");
"#
    .replace("5000", &port.to_string());
    let script = dir.write("server.js", source);
    let mut program = Session::start(&node_bin(), &[&script]);
    program.wait_for("simple tcp server> ");
    assert!(wait_for_port(port, LIMIT), "the server never listened");
    for _ in 0..3 {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connects");
        stream.set_read_timeout(Some(LIMIT)).expect("a timeout");
        let mut rest = Vec::new();
        // The server closes the connection: the read ends.
        stream.read_to_end(&mut rest).expect("the server closes");
    }
    let started = Instant::now();
    while program.stderr().matches("Connection!").count() < 3 {
        assert!(started.elapsed() < LIMIT, "stderr: {}", program.stderr());
        std::thread::sleep(Duration::from_millis(10));
    }
    program.send("nconnections");
    program.wait_for("simple tcp server> 3\nsimple tcp server> ");
}
