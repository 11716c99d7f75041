//! The POSIX module where the test must look at the files from outside the runtime (bytes
//! written or read by Rust, a 40 MB file) or run the script as another user. The other posix
//! tests (every call through its promise, wait() and sync twin; every error path; ordering;
//! descriptors; odd arguments) are scripts in tests/scripts/posix/.

use integration::{script_source, TempDir};

/// EACCES needs a user that permissions apply to: root reads and writes anything. Run as
/// root (as CI does), the script runs as `nobody` through `setpriv`.
#[test]
fn permission_denied() {
    let root = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false);
    let source = script_source("posix/driven/permission-denied.js");
    let dir = TempDir::new("posix_eacces");
    let file = dir.write("eacces.js", &source);
    let mut command = if root {
        // Where `nobody` may create the locked file.
        use std::os::unix::fs::PermissionsExt;
        let open = std::fs::Permissions::from_mode(0o777);
        std::fs::set_permissions(dir.path(), open).expect("chmod the test directory");
        let mut command = std::process::Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        command.arg(integration::node_bin());
        command
    } else {
        std::process::Command::new(integration::node_bin())
    };
    let output = command.arg(&file).output().expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stdout, "EACCES true true\n", "stderr: {stderr}");
    assert!(output.status.success(), "stderr: {stderr}");
}

#[test]
fn every_byte_value_survives_a_binary_round_trip() {
    let dir = TempDir::new("posix_bytes");
    let all: Vec<u8> = (0..=255u8).collect();
    dir.write("in.bin", &all);
    let source = script_source("posix/driven/binary-round-trip.js");
    let script_path = dir.write("bytes.js", source);
    let run = integration::node(&[&script_path]);
    assert_eq!(run.stdout, "ok\n", "{}", run.stderr);
    let out = std::fs::read(dir.path().join("out.bin")).unwrap_or_default();
    assert_eq!(out.len(), 512);
    assert_eq!(&out[..256], &all[..]);
    assert_eq!(&out[256..], &all[..]);
    assert_eq!(
        std::fs::read(dir.path().join("low.bin")).unwrap_or_default(),
        vec![0x41, 0xAC]
    );
}

#[test]
fn utf8_text_round_trips_and_counts_bytes() {
    let dir = TempDir::new("posix_utf8");
    let source = script_source("posix/driven/utf8-round-trip.js");
    let script_path = dir.write("u.js", source);
    let run = integration::node(&[&script_path]);
    assert_eq!(
        run.stdout, "bytes written: 11\nsame text back: true\nread: true 11\n",
        "{}",
        run.stderr
    );
    let bytes = std::fs::read(dir.path().join("u.txt")).unwrap_or_default();
    assert_eq!(String::from_utf8_lossy(&bytes), "aé€😀z");
}

/// A 40 MB file through cat (binary and utf8) and through read in 1 MB chunks.
#[test]
fn large_files() {
    let dir = TempDir::new("posix_large");
    let size = 40 << 20;
    let data: Vec<u8> = (0..size).map(|i| b'a' + (i % 26) as u8).collect();
    dir.write("big", &data);
    let source = script_source("posix/driven/large-files.js");
    let script_path = dir.write("large.js", source);
    let run = integration::node(&[&script_path]);
    let last = char::from(b'a' + ((size - 1) % 26) as u8);
    assert_eq!(
        run.stdout,
        format!("cat binary {size} b{last}\ncat utf8 {size}\nread {size} in 40 chunks, last ends {last}\n"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0);
}
