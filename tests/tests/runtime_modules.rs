//! The module system (the API document's "Modules"): what depends on the environment (HOME,
//! NODE_PATH) is run from here; relative requires, search order, caching, circular requires,
//! missing and throwing modules are scripts of their own in tests/scripts/modules/.

use integration::{node_with, scripts_dir, Options, Run};
use std::path::PathBuf;

fn modules() -> PathBuf {
    scripts_dir().join("modules")
}

/// Runs `tests/scripts/modules/driven/NAME` with HOME and NODE_PATH as given.
fn run_driven(name: &str, home: &str, node_path: Option<&str>) -> Run {
    let options = Options {
        env: vec![
            ("HOME".into(), Some(home.to_string())),
            ("NODE_PATH".into(), node_path.map(String::from)),
        ],
        ..Options::default()
    };
    node_with(&[modules().join("driven").join(name)], &options)
}

#[test]
fn require_paths_defaults_and_node_path() {
    let home = modules().join("fixtures/home").display().to_string();
    let run = run_driven("require-paths.js", &home, None);
    let paths: Vec<String> = parse_json_strings(&run.stdout);
    assert_eq!(paths.len(), 2, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(paths[0], format!("{home}/.node_libraries"));
    assert!(paths[1].ends_with("/lib/node/libraries"), "{}", paths[1]);

    let run = run_driven("require-paths.js", &home, Some("/first:/second"));
    let with_node_path = parse_json_strings(&run.stdout);
    assert_eq!(with_node_path[..2], ["/first", "/second"]);
    assert_eq!(with_node_path[2..], paths[..]);
}

/// The strings of a JSON array of plain strings (no escapes).
fn parse_json_strings(text: &str) -> Vec<String> {
    text.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .map(|s| s.trim_matches('"').to_string())
        .collect()
}

#[test]
fn node_path_is_searched_after_paths_unshifted_at_runtime() {
    let np = modules().join("fixtures/order/np").display().to_string();
    let home = modules().join("fixtures/home").display().to_string();
    let run = run_driven("node-path-order.js", &home, Some(&np));
    assert_eq!(
        run.stdout, "first/both.js\nnp/fromnodepath.js\n",
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0);
}

#[test]
fn home_node_libraries_is_searched() {
    let home = modules().join("fixtures/home").display().to_string();
    let run = run_driven("home-libraries.js", &home, None);
    assert_eq!(run.stdout, "home\n", "{}", run.stderr);
    assert_eq!(run.code(), 0);
}
