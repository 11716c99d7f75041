//! Addons: C shared objects built here with `cc` from examples/addons/ against
//! include/node_addon.h, loaded by `require`, and the scripts in tests/scripts/addons/driven/
//! that use them. Each test builds what it needs into a directory of its own, copies the
//! script beside it and runs it there.

use integration::{free_port, node_with, script_source, wait_for_port, Options, Run, TempDir};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::Duration;

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Builds examples/addons/`source`.c into `dir`/`output` with the one `cc` line of
/// docs/addons.md, plus `extra` arguments.
fn build(dir: &Path, source: &str, output: &str, extra: &[&str]) -> PathBuf {
    let path = repository()
        .join("examples/addons")
        .join(format!("{source}.c"));
    build_from(dir, &path, output, extra)
}

/// Builds the C file at `path` into `dir`/`output`.
fn build_from(dir: &Path, path: &Path, output: &str, extra: &[&str]) -> PathBuf {
    let repository = repository();
    let output = dir.join(output);
    if let Some(parent) = output.parent() {
        std::fs::create_dir_all(parent).expect("cannot make the addon's directory");
    }
    let built = Command::new("cc")
        .args(["-shared", "-fPIC", "-Wall", "-Werror", "-I"])
        .arg(repository.join("include"))
        .arg("-o")
        .arg(&output)
        .arg(path)
        .args(extra)
        .output()
        .expect("cannot run cc (the addon tests need a C compiler)");
    assert!(
        built.status.success(),
        "cc failed for {}:\n{}",
        path.display(),
        String::from_utf8_lossy(&built.stderr)
    );
    output
}

/// Copies tests/scripts/addons/driven/`name`.js into `dir` and runs it there.
fn run(dir: &TempDir, name: &str, args: &[&str], options: Options) -> Run {
    // Not under its own name: `require("./sqlite")` would find sqlite.js before sqlite.node.
    let script = dir.write(
        &format!("script-{name}.js"),
        script_source(&format!("addons/driven/{name}.js")),
    );
    let mut all = vec![script.to_string_lossy().into_owned()];
    all.extend(args.iter().map(|a| (*a).to_string()));
    let options = Options {
        cwd: Some(dir.path().to_path_buf()),
        ..options
    };
    node_with(&all, &options)
}

#[test]
fn the_documents_hello_example() {
    let dir = TempDir::new("addon-hello");
    build(dir.path(), "hello", "hello.node", &[]);
    build(dir.path(), "hello", "greeting/index.node", &[]);
    let run = run(&dir, "hello", &[], Options::default());
    assert_eq!(
        run.stdout, "World\ntrue\nWorld\n[\"hello\"]\n",
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0, "{}", run.stderr);
}

#[test]
fn failures_are_errors_never_crashes() {
    let dir = TempDir::new("addon-errors");
    dir.write("not-a-library.node", "this is not a shared object\n");
    // errors.c's variants: -Wall's unused-function warnings are expected without init.
    build(dir.path(), "errors", "errors.node", &[]);
    build(
        dir.path(),
        "errors",
        "no-init.node",
        &["-DNO_INIT", "-Wno-unused-function"],
    );
    build(dir.path(), "errors", "wrong-abi.node", &["-DWRONG_ABI"]);
    build(dir.path(), "errors", "no-version.node", &["-DNO_VERSION"]);
    build(
        dir.path(),
        "errors",
        "throws-in-init.node",
        &["-DTHROW_IN_INIT"],
    );
    let run = run(&dir, "errors", &[], Options::default());
    let expected = "\
./not-a-library: Error: Cannot load addon not-a-library.node: not-a-library.node: file too short
./no-init: Error: Cannot load addon no-init.node: it has no init function (void init(node_env *env, node_value target))
./wrong-abi: Error: Cannot load addon wrong-abi.node: it was built for addon ABI version 999; this node speaks version 1 (rebuild it with this node's include/node_addon.h)
./no-version: Error: Cannot load addon no-version.node: it does not export node_addon_abi_version (was it built with node_addon.h?)
./throws-in-init: Error: init failed on purpose
./throws-in-init: Error: init failed on purpose
fail: true thrown from C
failType: true wrong type, from C
callAndCatch: thrown from JS
callAndCatch: no exception
callAndPropagate: SyntaxError: through C
stale handle: TypeError
";
    assert_eq!(run.stdout, expected, "{}", run.stderr);
    assert_eq!(run.code(), 0, "{}", run.stderr);
}

#[test]
fn sqlite_queries_are_promises_of_rows_and_errbacks() {
    let dir = TempDir::new("addon-sqlite");
    build(dir.path(), "sqlite", "sqlite.node", &["-lsqlite3"]);
    let db = dir.path().join("test.db");
    let run = run(&dir, "sqlite", &[&db.to_string_lossy()], Options::default());
    let expected = "\
a promise: true
TypeError: query(sql, params): a parameter must be null, a boolean, a number or a string
TypeError: Database must be called with new
TypeError: query must be called on a Database
open: unable to open database file
{\"id\":1,\"name\":\"héllo\",\"x\":1.5,\"b\":null}
{\"id\":2,\"name\":null,\"x\":2,\"b\":\"\\u0000ÿA\"} blob length 3
{\"id\":3,\"name\":\"1\",\"x\":-7,\"b\":null}
errback: true no such table: missing
errback: UNIQUE constraint failed: t.id
params: [{\"name\":\"héllo\"}]
queued before
count from a callback: 3
";
    assert_eq!(run.stdout, expected, "{}", run.stderr);
    assert_eq!(run.code(), 0, "{}", run.stderr);
}

#[test]
fn a_thousand_inserts_on_the_pool_while_http_keeps_answering() {
    let dir = TempDir::new("addon-sqlite-http");
    build(dir.path(), "sqlite", "sqlite.node", &["-lsqlite3"]);
    let port = free_port();
    let db = dir.path().join("items.db");
    let script = dir.write(
        "script-sqlite-and-http.js",
        script_source("addons/driven/sqlite-and-http.js"),
    );
    let args = vec![
        script.to_string_lossy().into_owned(),
        port.to_string(),
        db.to_string_lossy().into_owned(),
    ];
    let cwd = dir.path().to_path_buf();
    let server = thread::spawn(move || {
        let options = Options {
            cwd: Some(cwd),
            limit: Duration::from_secs(120),
            ..Options::default()
        };
        node_with(&args, &options)
    });
    assert!(
        wait_for_port(port, Duration::from_secs(30)),
        "the server did not listen"
    );
    // A client hitting the server all along, until it closes.
    let mut answered = 0;
    while !server.is_finished() {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
            break;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
        if stream
            .write_all(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
            .is_err()
        {
            break;
        }
        let mut response = String::new();
        if stream.read_to_string(&mut response).is_err() {
            break;
        }
        if response.starts_with("HTTP/1.") && response.contains("\r\n\r\nok ") {
            answered += 1;
        }
        thread::sleep(Duration::from_millis(2));
    }
    let run = server.join().expect("the node thread failed");
    assert_eq!(
        run.stdout,
        "listening\ninserts done: 1000\n\
         [{\"count\":1000,\"total\":500500,\"last\":\"item 999\"}]\n\
         slow query: 4500001500000\nanswered while it ran: true\n",
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0, "{}", run.stderr);
    assert!(answered > 1, "only {answered} answers");
}

#[test]
fn a_pipe_watched_from_c_emits_data_events() {
    let dir = TempDir::new("addon-watcher");
    build(dir.path(), "watcher", "watcher.node", &[]);
    let options = Options {
        stdin: vec![
            // Far enough apart to be read as two chunks even on a loaded machine (the
            // script watches stdin about 100 ms after it starts; a chunk that came earlier
            // waits in the pipe).
            (Duration::from_millis(800), b"first chunk\n".to_vec()),
            (Duration::from_millis(800), "sécond\n".as_bytes().to_vec()),
        ],
        ..Options::default()
    };
    let run = run(&dir, "watcher", &[], options);
    assert_eq!(
        run.stdout,
        "stdout writable: 2\nafter: 0\nevery: 0\nevery: 1\nevery: 2\nSIGUSR1 from C\n\
         data: \"first chunk\\n\"\ndata: \"sécond\\n\"\nend: 19 characters\n",
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0, "{}", run.stderr);
}

#[test]
fn an_exception_from_a_c_callback_is_uncaught_on_the_loop() {
    let dir = TempDir::new("addon-throw");
    build(dir.path(), "watcher", "watcher.node", &[]);
    let run = run(&dir, "throw-from-callback", &[], Options::default());
    assert_eq!(run.code(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("Error: thrown in a callback an addon's timer called"),
        "{}",
        run.stderr
    );
}

#[test]
fn references_keep_objects_and_finalizers_run_after_collection() {
    let dir = TempDir::new("addon-refs");
    build(dir.path(), "refs", "refs.node", &[]);
    let script = dir.write("script-refs.js", script_source("addons/driven/refs.js"));
    let options = Options {
        cwd: Some(dir.path().to_path_buf()),
        ..Options::default()
    };
    let run = node_with(
        &[
            "--trace-gc".to_string(),
            script.to_string_lossy().into_owned(),
        ],
        &options,
    );
    assert_eq!(
        run.stdout,
        "live: 2000, finalized: 0\nlive: 10, finalized: 1990\n\
         kept: 0 200 400 600 800 1000 1200 1400 1600 1800\n\
         released: TypeError: node_ref_get: not a live reference\n\
         live: 0, finalized: 2000\n",
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0, "{}", run.stderr);
    // The collector's cycles, and the finalizers of the released ten after them.
    assert!(run.stderr.contains("[gc] cycle"), "{}", run.stderr);
    let reported: usize = run
        .stderr
        .lines()
        .filter_map(|l| {
            l.strip_prefix("[gc] ")?
                .strip_suffix(" addon finalizers run")
        })
        .map(|n| n.parse::<usize>().unwrap_or(0))
        .sum();
    assert_eq!(reported, 2000, "{}", run.stderr);
    let finalized: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("finalized thing"))
        .collect();
    assert_eq!(finalized.len(), 10, "{}", run.stderr);
    assert!(
        finalized.contains(&"finalized thing 1800"),
        "{}",
        run.stderr
    );
}

#[test]
fn every_value_conversion_and_property_function() {
    let dir = TempDir::new("addon-everything");
    let source = repository().join("tests/scripts/addons/fixtures/everything.c");
    build_from(dir.path(), &source, "everything.node", &[]);
    let run = run(&dir, "everything", &[], Options::default());
    let expected = script_source("addons/driven/everything.out");
    assert_eq!(run.stdout, expected, "{}", run.stderr);
    assert_eq!(run.code(), 0, "{}", run.stderr);
}
