//! The `process` object where a test needs more than a script can do alone: arguments and
//! environment, a working directory, the exit status of one-line programs, and the command
//! line's own options. Everything else about the globals and `process` is a script in
//! tests/scripts/process/.

use integration::{node, node_with, run_js, scripts_dir, Options, TempDir};

#[test]
fn argv_env_pid_platform_and_version() {
    let script = scripts_dir().join("process/driven/argv-env-pid.js");
    let options = Options {
        env: vec![
            (
                "RUNTIME_TEST_VAR".into(),
                Some("a value=with:colons".into()),
            ),
            ("RUNTIME_TEST_GONE".into(), None),
        ],
        ..Options::default()
    };
    let args = [
        script.as_os_str(),
        "one".as_ref(),
        "two words".as_ref(),
        "--three".as_ref(),
    ];
    let run = node_with(&args, &options);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(lines[0], r#"["one","two words","--three"]"#);
    // argv[0] is the program as invoked, made absolute when it is a relative path with a "/"
    // (facts file, "### process").
    let bin = integration::node_bin();
    let argv0 = if bin.is_absolute() || !bin.to_string_lossy().contains('/') {
        bin.display().to_string()
    } else {
        let cwd = std::env::current_dir().expect("the test's working directory");
        format!("{}/{}", cwd.display(), bin.display())
    };
    assert_eq!(lines[1], format!("{argv0} true /"));
    assert_eq!(lines[2], "a value=with:colons undefined");
    // The pid is the child's own: a positive integer, not ours.
    let pid: u32 = lines[3].parse().expect("pid is a number");
    assert!(pid > 0 && pid != std::process::id());
    assert_eq!(lines[4], "linux2");
    assert_eq!(lines[5], "v0.1.27");
}

/// One-line programs and the status each ends with (the API document's process.exit and
/// "uncaughtException": an uncaught exception exits, with status 1 in node v0.1.27).
#[test]
fn exit_codes() {
    for (source, code) in [
        ("process.exit();", 0),
        ("process.exit(0);", 0),
        ("process.exit(42);", 42),
        ("setTimeout(function () { process.exit(7); }, 1);", 7),
        ("throw new Error('x');", 1),
        ("", 0),
        ("var x = 1;", 0),
    ] {
        let (run, _dir) = run_js("codes", source, &[]);
        assert_eq!(run.code(), code, "{source}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{source}");
    }
}

#[test]
fn uncaught_exception_in_a_timer_or_a_tick_is_fatal_too() {
    for (source, message) in [
        (
            "setTimeout(function () { throw new TypeError('late'); }, 1);",
            "TypeError: late",
        ),
        (
            "process.nextTick(function () { throw new RangeError('tick'); });",
            "RangeError: tick",
        ),
        (
            "process.nextTick(function () { throw 'a string'; });",
            "a string",
        ),
    ] {
        let (run, _dir) = run_js("fataltimer", source, &[]);
        assert_eq!(run.code(), 1, "{source}");
        assert!(run.stderr.starts_with(message), "{source}: {}", run.stderr);
    }
}

#[test]
fn cwd_and_chdir() {
    let dir = TempDir::new("chdir");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let options = Options {
        cwd: Some(dir.path().to_path_buf()),
        ..Options::default()
    };
    let run = node_with(
        &[scripts_dir().join("process/driven/cwd-and-chdir.js")],
        &options,
    );
    let here = std::fs::canonicalize(dir.path()).expect("canonical");
    let here = here.display();
    assert_eq!(
        run.stdout,
        format!(
            "{here}\n{here}/sub\ntrue ENOENT, No such file or directory 'no-such-dir'\n{here}\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0);
}

#[test]
fn version_and_help() {
    let run = node(&["--version"]);
    assert_eq!((run.code(), run.stdout.as_str()), (0, "v0.1.27\n"));
    let run = node(&["--help"]);
    assert_eq!(run.code(), 0);
    assert!(run.stdout.contains("Usage: node"), "{}", run.stdout);
}

/// Runs `node background.js ARGS` in the background of a shell without job control, which
/// starts it with SIGINT ignored (as `sh -c 'node script.js &'` or an init script does);
/// once it is ready, sends it `signal`. Returns what the script and the shell printed after
/// "ready": the script's lines, and "status N", the shell's `wait` for it (128 + the signal
/// for a process the signal ended).
fn background_node(signal: &str, args: &str) -> String {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::time::Duration;
    let script = scripts_dir().join("signals/driven/background.js");
    let mut shell = Command::new("/bin/sh")
        .arg("-c")
        .arg(r#""$0" "$1" $2 & echo "pid $!"; wait $!; echo "status $?""#)
        .arg(integration::node_bin())
        .arg(script)
        .arg(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .expect("sh");
    let stdout = shell.stdout.take().expect("stdout");
    let (lines, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let next = || {
        received
            .recv_timeout(Duration::from_secs(60))
            .expect("a line from the shell")
    };
    // "pid N" from the shell and "ready" from node, in either order.
    let (mut pid, mut ready) = (None, false);
    while pid.is_none() || !ready {
        let line = next();
        match line.strip_prefix("pid ") {
            Some(n) => pid = Some(n.to_string()),
            None => ready |= line == "ready",
        }
    }
    let pid = pid.unwrap_or_default();
    let kill = Command::new("kill").args([signal, &pid]).status();
    assert!(kill.is_ok_and(|s| s.success()), "kill {signal} {pid}");
    let mut rest = Vec::new();
    loop {
        let line = next();
        let done = line.starts_with("status ");
        rest.push(line);
        if done {
            break;
        }
    }
    let _ = shell.wait();
    rest.join("\n")
}

/// A node started in the background with SIGINT ignored still ends on SIGINT (and SIGTERM),
/// as modern node does; a script that listens for SIGINT gets it instead.
#[test]
fn sigint_ends_a_node_started_in_the_background() {
    assert_eq!(background_node("-INT", ""), "status 130");
    assert_eq!(background_node("-TERM", ""), "status 143");
    assert_eq!(
        background_node("-INT", "listen"),
        "SIGINT listener\nstatus 0"
    );
}

/// A node started with SIGHUP ignored (as under `nohup`) keeps ignoring it, and its children
/// start with SIGHUP at its default (tests/scripts/process/driven/nohup.js).
#[test]
fn children_of_a_nohup_node_get_default_signals() {
    let script = scripts_dir().join("process/driven/nohup.js");
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' HUP; exec \"$0\" \"$1\"")
        .arg(integration::node_bin())
        .arg(script)
        .output()
        .expect("sh");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "survived SIGHUP\nchild exit 1\n"
    );
    assert!(output.status.success(), "{output:?}");
}
