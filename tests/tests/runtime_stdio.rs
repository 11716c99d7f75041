//! Standard I/O (the API document's "Standard I/O") where the test must be the other end of
//! the pipes: stdin through a real pipe, in each encoding and in chunks over time; stdout that
//! never blocks the script and loses nothing, even at exit and with a slow reader. The scripts
//! are in tests/scripts/stdio/driven/; write and writeError on their own are a script in
//! tests/scripts/stdio/.

use integration::{node_bin, node_with, scripts_dir, Options, Run};
use std::path::PathBuf;
use std::time::Duration;

fn driven(name: &str) -> PathBuf {
    scripts_dir().join("stdio/driven").join(name)
}

/// Runs `tests/scripts/stdio/driven/NAME` with `args`.
fn run(name: &str, args: &[&str], options: &Options) -> Run {
    let mut all = vec![driven(name).into_os_string()];
    all.extend(args.iter().map(std::ffi::OsString::from));
    node_with(&all, options)
}

fn echo(encoding: Option<&str>, input: &[u8]) -> String {
    let args: Vec<&str> = encoding.into_iter().collect();
    let run = run("echo.js", &args, &Options::stdin(input));
    assert_eq!(run.code(), 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn open_decodes_stdin_in_the_encoding_asked() {
    let input = b"h\xc3\xa9llo \xe2\x82\xac";
    assert_eq!(echo(None, input), "\"h\u{e9}llo \u{20ac}\" string\n");
    assert_eq!(
        echo(Some("utf8"), input),
        "\"h\u{e9}llo \u{20ac}\" string\n"
    );
    assert_eq!(
        echo(Some("UTF-8"), input),
        "\"h\u{e9}llo \u{20ac}\" string\n"
    );
    // binary and ascii: one character a byte.
    let bytes = "\"h\u{c3}\u{a9}llo \u{e2}\u{82}\u{ac}\" string\n";
    assert_eq!(echo(Some("binary"), input), bytes);
    assert_eq!(echo(Some("ascii"), input), bytes);
}

#[test]
fn utf8_split_across_chunks_is_decoded_whole() {
    // The euro sign's three bytes arrive in two writes, 20 ms apart.
    let options = Options {
        stdin: vec![
            (Duration::ZERO, b"price: \xe2\x82".to_vec()),
            (Duration::from_millis(20), b"\xac 5".to_vec()),
        ],
        ..Options::default()
    };
    let run = run("echo.js", &[], &options);
    assert_eq!(
        run.stdout, "\"price: \u{20ac} 5\" string\n",
        "{}",
        run.stderr
    );
}

#[test]
fn data_events_come_as_the_input_does_and_close_ends_the_loop() {
    // Three writes 300 ms apart: each is a "data" event of its own as it arrives (a loaded
    // machine might still read two at once, so only "more than one" is certain).
    let options = Options {
        stdin: vec![
            (Duration::ZERO, b"one\n".to_vec()),
            (Duration::from_millis(300), b"two\n".to_vec()),
            (Duration::from_millis(300), b"three\n".to_vec()),
        ],
        ..Options::default()
    };
    let run = run("data-events.js", &[], &options);
    assert_eq!(
        run.stdout, "\"one\\ntwo\\nthree\\n\" true\nexit\n",
        "{}",
        run.stderr
    );
}

#[test]
fn without_open_stdin_is_not_read_and_does_not_keep_the_loop() {
    // The writer holds stdin open for 4 s; the script is done in about 50 ms. The bound leaves
    // a loaded machine seconds.
    let options = Options {
        stdin: vec![(Duration::from_secs(4), b"late".to_vec())],
        ..Options::default()
    };
    let run = run("not-opened.js", &[], &options);
    assert_eq!(run.stdout, "done\n", "{}", run.stderr);
    assert!(
        run.elapsed < Duration::from_millis(3000),
        "waited for stdin: {:?}",
        run.elapsed
    );
}

#[test]
fn close_stops_reading_while_the_writer_holds_the_pipe() {
    // The writer sends one chunk and keeps the pipe open for 4 s more: close() from the
    // first "data" lets the process end at once all the same (in about 50 ms; the bound
    // leaves a loaded machine seconds).
    let options = Options {
        stdin: vec![
            (Duration::ZERO, b"first".to_vec()),
            (Duration::from_secs(4), b"second".to_vec()),
        ],
        ..Options::default()
    };
    let run = run("close-from-data.js", &[], &options);
    assert_eq!(run.stdout, "got first\nexit\n", "{}", run.stderr);
    assert!(
        run.elapsed < Duration::from_millis(3000),
        "close() did not end it: {:?}",
        run.elapsed
    );
}

fn assert_big_output(stdout: &str) {
    assert_eq!(stdout.len(), 40000 * 100 + 4);
    assert!(stdout.ends_with("x\nend\n"));
}

#[test]
fn stdout_is_complete_with_a_slow_reader_and_at_exit() {
    let slow = Options {
        stdout_delay: Duration::from_millis(200),
        ..Options::default()
    };
    for (then, code) in [("", 0), ("exit", 7), ("exit-from-a-timer", 3)] {
        let run = run("big-output.js", &[then], &slow);
        assert_big_output(&run.stdout);
        assert_eq!(run.code(), code, "{then}: {}", run.stderr);
    }
}

#[test]
fn stdout_does_not_block_the_loop() {
    // Nobody reads stdout for 3 s: the script goes on regardless (its 1 ms timer runs within
    // 2 s, which leaves a loaded machine time, and writes to stderr, which is synchronous),
    // and the output is whole in the end.
    let slow = Options {
        stdout_delay: Duration::from_secs(3),
        ..Options::default()
    };
    let run = run("big-output.js", &["timer-to-stderr"], &slow);
    assert_big_output(&run.stdout);
    assert_eq!(run.stderr, "timer after a moment\n");
}

#[test]
fn stdout_to_a_file() {
    let dir = integration::TempDir::new("tofile");
    let out = std::fs::File::create(dir.path().join("out.txt")).expect("create");
    let status = std::process::Command::new(node_bin())
        .arg(driven("big-output.js"))
        .arg("exit-0")
        .stdout(out)
        .status()
        .expect("run node");
    assert!(status.success());
    let written = std::fs::read_to_string(dir.path().join("out.txt")).expect("read");
    assert_big_output(&written);
}

#[test]
fn a_reader_that_goes_away_is_not_a_crash() {
    // `node big-output.js linger | head -c 10`: the rest has nowhere to go; node ends
    // normally.
    use std::io::Read;
    let mut child = std::process::Command::new(node_bin())
        .arg(driven("big-output.js"))
        .arg("linger")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run node");
    let mut stdout = child.stdout.take().expect("piped");
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).expect("read");
    drop(stdout);
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(0), "{status:?}");
}
