//! The disk fills, a file disappears: tests/scripts/posix/driven/disk-full.js on a 1 MB tmpfs
//! mounted in a private mount namespace (`unshare --mount`, as root; nothing outside the test
//! sees it). posix errbacks carry the errno, and every byte a write acknowledged is kept.

use integration::{node_bin, TempDir};
use std::process::Command;

#[test]
fn a_full_disk_and_a_vanished_file_reach_the_errbacks() {
    let dir = TempDir::new("disk_faults");
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/posix/driven/disk-full.js"
    );
    let mount = dir.path().join("small");
    std::fs::create_dir(&mount).expect("mkdir");
    let output = Command::new("unshare")
        .args(["--mount", "sh", "-c"])
        .arg("mount -t tmpfs -o size=1m tmpfs \"$1\" && exec \"$2\" \"$3\" \"$1\"")
        .arg("sh")
        .arg(&mount)
        .arg(node_bin())
        .arg(script)
        .output()
        .expect("unshare (util-linux) is needed");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(stderr, "");
    assert_eq!(
        stdout,
        "write failed: ENOSPC, errno is ENOSPC: true\n\
         acknowledged bytes all in the file: true\n\
         and they read back: true\n\
         a file gone between two calls: ENOENT\n\
         cat of a missing file: ENOENT\n\
         after freeing: wrote 10\n"
    );
}
