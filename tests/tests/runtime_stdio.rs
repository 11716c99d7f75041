//! Standard I/O (the API document's "Standard I/O"): stdin through a real pipe, in each
//! encoding and in chunks over time; stdout that never blocks the script and loses nothing,
//! even at exit and with a slow reader; stderr written at once.

use integration::{node_bin, run_js_with, Options, TempDir};
use std::time::Duration;

/// Prints, at "close", what stdin delivered (as JSON) and the types of the chunks.
const ECHO: &str = r#"var sys = require("sys");
process.stdio.open(process.argv[2]);
var chunks = [];
process.stdio.addListener("data", function (data) { chunks.push(data); });
process.stdio.addListener("close", function () {
  sys.puts(JSON.stringify(chunks.join("")) + " " + typeof chunks[0]);
});
"#;

fn echo(encoding: Option<&str>, input: &[u8]) -> String {
    let args: Vec<&str> = encoding.into_iter().collect();
    let (run, _dir) = run_js_with("echo", ECHO, &args, &Options::stdin(input));
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
    let (run, _dir) = run_js_with("split", ECHO, &[], &options);
    assert_eq!(
        run.stdout, "\"price: \u{20ac} 5\" string\n",
        "{}",
        run.stderr
    );
}

#[test]
fn data_events_come_as_the_input_does_and_close_ends_the_loop() {
    // Three writes 50 ms apart: each is a "data" event of its own as it arrives (a loaded
    // machine might still read two at once, so only "more than one" is certain).
    let source = r#"var sys = require("sys");
process.stdio.open();
var events = [];
process.stdio.addListener("data", function (data) { events.push(data); });
process.stdio.addListener("close", function () {
  sys.puts(JSON.stringify(events.join("")) + " " + (events.length > 1));
});
process.addListener("exit", function () { sys.puts("exit"); });
"#;
    let options = Options {
        stdin: vec![
            (Duration::ZERO, b"one\n".to_vec()),
            (Duration::from_millis(50), b"two\n".to_vec()),
            (Duration::from_millis(50), b"three\n".to_vec()),
        ],
        ..Options::default()
    };
    let (run, _dir) = run_js_with("chunks", source, &[], &options);
    assert_eq!(
        run.stdout, "\"one\\ntwo\\nthree\\n\" true\nexit\n",
        "{}",
        run.stderr
    );
}

#[test]
fn without_open_stdin_is_not_read_and_does_not_keep_the_loop() {
    let options = Options {
        stdin: vec![(Duration::from_millis(500), b"late".to_vec())],
        ..Options::default()
    };
    let (run, _dir) = run_js_with(
        "noopen",
        r#"var sys = require("sys");
process.stdio.addListener("data", function () { sys.puts("data: never"); });
sys.puts("done");
"#,
        &[],
        &options,
    );
    assert_eq!(run.stdout, "done\n", "{}", run.stderr);
    assert!(
        run.elapsed < Duration::from_millis(450),
        "waited for stdin: {:?}",
        run.elapsed
    );
}

#[test]
fn close_stops_reading_while_the_writer_holds_the_pipe() {
    // The writer sends one chunk and keeps the pipe open for another second: close() from the
    // first "data" lets the process end at once all the same.
    let options = Options {
        stdin: vec![
            (Duration::ZERO, b"first".to_vec()),
            (Duration::from_millis(1000), b"second".to_vec()),
        ],
        ..Options::default()
    };
    let (run, _dir) = run_js_with(
        "close",
        r#"var sys = require("sys");
process.stdio.open();
process.stdio.addListener("data", function (data) {
  sys.puts("got " + data);
  process.stdio.close();
});
process.addListener("exit", function () { sys.puts("exit"); });
"#,
        &[],
        &options,
    );
    assert_eq!(run.stdout, "got first\nexit\n", "{}", run.stderr);
    assert!(
        run.elapsed < Duration::from_millis(900),
        "close() did not end it: {:?}",
        run.elapsed
    );
}

#[test]
fn write_and_write_error_with_encodings() {
    let (run, _dir) = run_js_with(
        "write",
        r#"process.stdio.write("out ");
process.stdio.writeError("err\n");
process.stdio.write("\u00e9", "binary");
process.stdio.write("\u00e9");
process.stdio.write(42);
process.stdio.writeError("\u20ac\n");
"#,
        &[],
        &Options::default(),
    );
    assert_eq!(run.code(), 0);
    assert_eq!(run.stdout.as_bytes(), b"out \xef\xbf\xbd\xc3\xa942");
    assert_eq!(run.stderr, "err\n\u{20ac}\n");
}

/// Writes 40,000 lines of 100 bytes (4 MB) and then "end"; `then` is the code after that.
fn big_output(then: &str) -> String {
    format!(
        r#"var line = new Array(100).join("x") + "\n";
for (var i = 0; i < 40000; i++) process.stdio.write(line);
process.stdio.write("end\n");
{then}
"#
    )
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
    for then in [
        "",
        "process.exit(7);",
        "setTimeout(function () { process.exit(3); }, 1);",
    ] {
        let (run, _dir) = run_js_with("bigout", &big_output(then), &[], &slow);
        assert_big_output(&run.stdout);
        let code = if then.contains("7") {
            7
        } else if then.contains("3") {
            3
        } else {
            0
        };
        assert_eq!(run.code(), code, "{then}: {}", run.stderr);
    }
}

#[test]
fn stdout_does_not_block_the_loop() {
    // Nobody reads stdout for 300 ms: the script goes on regardless (its timer runs and
    // writes to stderr, which is synchronous), and the output is whole in the end.
    let slow = Options {
        stdout_delay: Duration::from_millis(300),
        ..Options::default()
    };
    let source = big_output(
        r#"var start = Date.now();
setTimeout(function () {
  process.stdio.writeError("timer after " + (Date.now() - start < 250 ? "a moment" : "a wait") + "\n");
}, 1);"#,
    );
    let (run, _dir) = run_js_with("nonblocking", &source, &[], &slow);
    assert_big_output(&run.stdout);
    assert_eq!(run.stderr, "timer after a moment\n");
}

#[test]
fn stdout_to_a_file() {
    let dir = TempDir::new("tofile");
    let script = dir.write("tofile.js", big_output("process.exit(0);"));
    let out = std::fs::File::create(dir.path().join("out.txt")).expect("create");
    let status = std::process::Command::new(node_bin())
        .arg(&script)
        .stdout(out)
        .status()
        .expect("run node");
    assert!(status.success());
    let written = std::fs::read_to_string(dir.path().join("out.txt")).expect("read");
    assert_big_output(&written);
}

#[test]
fn a_reader_that_goes_away_is_not_a_crash() {
    // `node big.js | head -c 10`: the rest has nowhere to go; node ends normally.
    use std::io::Read;
    let dir = TempDir::new("epipe");
    let script = dir.write("epipe.js", big_output("setTimeout(function () {}, 20);"));
    let mut child = std::process::Command::new(node_bin())
        .arg(&script)
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
