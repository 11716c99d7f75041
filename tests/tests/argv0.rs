//! `process.argv[0]` is the program as it was invoked (facts file, "### process"): a name with
//! a "/" after its first character is joined with the working directory, an absolute path
//! stays as given, a bare name stays as it is. Programs re-run `process.argv[0]` to start
//! another copy of node.

use integration::{node_bin, TempDir};
use std::os::unix::process::CommandExt;
use std::process::Command;

/// What the script sees as process.argv[0] when node is started with `arg0` as its argv[0],
/// in `cwd`.
fn argv0_seen(arg0: &str, cwd: &std::path::Path) -> String {
    let dir = TempDir::new("argv0");
    let script = dir.write("argv0.js", "require(\"sys\").puts(process.argv[0]);\n");
    let output = Command::new(node_bin())
        .arg0(arg0)
        .arg(&script)
        .current_dir(cwd)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .trim_end()
        .to_string()
}

#[test]
fn argv0_is_the_program_as_invoked() {
    let dir = TempDir::new("argv0_cwd");
    let cwd = dir.path().canonicalize().expect("the directory exists");
    assert_eq!(argv0_seen("node", &cwd), "node");
    assert_eq!(
        argv0_seen("/usr/local/bin/node", &cwd),
        "/usr/local/bin/node"
    );
    assert_eq!(
        argv0_seen("./bin/node", &cwd),
        format!("{}/./bin/node", cwd.display())
    );
    assert_eq!(
        argv0_seen("bin/node", &cwd),
        format!("{}/bin/node", cwd.display())
    );
}
