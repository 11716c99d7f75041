//! The module system (the API document's "Modules"): relative requires, the require.paths
//! search and its order, NODE_PATH, caching, circular requires and the error for a module
//! that is not there. Each test lays out real files in a scratch directory.

use integration::{node_with, Options, Run, TempDir};
use std::path::Path;

/// Writes each `(path, contents)` under `dir`, making directories as needed.
fn lay_out(dir: &TempDir, files: &[(&str, &str)]) {
    for (path, contents) in files {
        let full = dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&full, contents).expect("write");
    }
}

/// Runs `main.js` of `dir` with HOME and NODE_PATH set as given (HOME inside `dir`, so that no
/// real ~/.node_libraries interferes).
fn run_main(dir: &TempDir, node_path: Option<&str>) -> Run {
    let home = dir.path().join("home");
    let options = Options {
        env: vec![
            ("HOME".into(), Some(home.display().to_string())),
            ("NODE_PATH".into(), node_path.map(String::from)),
        ],
        ..Options::default()
    };
    node_with(&[dir.path().join("main.js")], &options)
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn relative_requires_follow_the_requiring_file() {
    let dir = TempDir::new("relative");
    lay_out(
        &dir,
        &[
            (
                "main.js",
                r#"var sys = require("sys");
var x = require("./lib/sub/x");
sys.puts(x.name + " | " + x.up + " | " + x.filename);
sys.puts(require("./lib/sub/x.js") === x);
var circle = require("./circle");
sys.puts(circle.area(2) + " " + circle.circumference(1) + " " + typeof circle.PI);
"#,
            ),
            (
                "lib/sub/x.js",
                "exports.name = 'sub/x'; exports.up = require('../y').name; \
                 exports.filename = __filename.slice(__dirname.length);",
            ),
            ("lib/y.js", "exports.name = 'lib/y';"),
            (
                "circle.js",
                "var PI = 3; exports.area = function (r) { return PI * r * r; };\n\
                 this.circumference = function (r) { return 2 * PI * r; };",
            ),
        ],
    );
    let run = run_main(&dir, None);
    assert_eq!(
        run.stdout, "sub/x | lib/y | /x.js\ntrue\n12 6 undefined\n",
        "{}",
        run.stderr
    );
}

#[test]
fn require_paths_defaults_and_node_path() {
    let dir = TempDir::new("paths");
    lay_out(
        &dir,
        &[(
            "main.js",
            "require('sys').puts(JSON.stringify(require.paths));",
        )],
    );
    let home = display(&dir.path().join("home"));
    let run = run_main(&dir, None);
    let paths: Vec<String> = parse_json_strings(&run.stdout);
    assert_eq!(paths.len(), 2, "{}", run.stdout);
    assert_eq!(paths[0], format!("{home}/.node_libraries"));
    assert!(paths[1].ends_with("/lib/node/libraries"), "{}", paths[1]);

    let run = run_main(&dir, Some("/first:/second"));
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
fn search_order_within_a_path_and_across_paths() {
    let dir = TempDir::new("order");
    lay_out(
        &dir,
        &[
            (
                "main.js",
                r#"var sys = require("sys");
require.paths.unshift(__dirname + "/second");
require.paths.unshift(__dirname + "/first");
sys.puts(require("both").where);
sys.puts(require("dironly").where);
sys.puts(require("onlyinsecond").where);
sys.puts(require("fromnodepath").where);
try { require("addon"); } catch (e) { sys.puts(e.message.replace(__dirname, "DIR")); }
"#,
            ),
            // X.js comes before X/index.js, and the first path before the second.
            ("first/both.js", "exports.where = 'first/both.js';"),
            (
                "first/both/index.js",
                "exports.where = 'first/both/index.js';",
            ),
            ("second/both.js", "exports.where = 'second/both.js';"),
            (
                "first/dironly/index.js",
                "exports.where = 'first/dironly/index.js';",
            ),
            (
                "second/onlyinsecond.js",
                "exports.where = 'second/onlyinsecond.js';",
            ),
            (
                "np/fromnodepath.js",
                "exports.where = 'np/fromnodepath.js';",
            ),
            (
                "np/both.js",
                "exports.where = 'np/both.js: runtime unshift comes first';",
            ),
            // X.node comes before X/index.js: it is found, and binary addons are refused.
            ("first/addon.node", "not a real addon"),
            ("first/addon/index.js", "exports.where = 'too late';"),
        ],
    );
    let np = display(&dir.path().join("np"));
    let run = run_main(&dir, Some(&np));
    assert_eq!(
        run.stdout,
        "first/both.js\nfirst/dironly/index.js\nsecond/onlyinsecond.js\nnp/fromnodepath.js\n\
         Cannot load module 'addon' from DIR/first/addon.node: binary addons (.node files) are not supported\n",
        "{}",
        run.stderr
    );
}

#[test]
fn home_node_libraries_is_searched() {
    let dir = TempDir::new("homelib");
    lay_out(
        &dir,
        &[
            ("main.js", "require('sys').puts(require('homemod').where);"),
            (
                "home/.node_libraries/homemod/index.js",
                "exports.where = 'home';",
            ),
        ],
    );
    let run = run_main(&dir, None);
    assert_eq!(run.stdout, "home\n", "{}", run.stderr);
}

#[test]
fn modules_are_cached_and_run_once() {
    let dir = TempDir::new("cache");
    lay_out(
        &dir,
        &[
            (
                "main.js",
                r#"var sys = require("sys");
var a = require("./counted");
var b = require("./counted.js");
var c = require("./sub/../counted");
sys.puts((a === b) + " " + (b === c) + " " + runs);
sys.puts(require("sys") === sys);
require("./sub/again");
sys.puts(runs);
"#,
            ),
            (
                "counted.js",
                "runs = (typeof runs === 'number' ? runs : 0) + 1;",
            ),
            ("sub/again.js", "require('../counted');"),
        ],
    );
    let run = run_main(&dir, None);
    assert_eq!(run.stdout, "true true 1\ntrue\n1\n", "{}", run.stderr);
}

#[test]
fn circular_requires_see_partial_exports() {
    let dir = TempDir::new("circular");
    lay_out(
        &dir,
        &[
            (
                "main.js",
                r#"var sys = require("sys");
var a = require("./a");
sys.puts(JSON.stringify(a));
sys.puts(JSON.stringify(require("./b")));
"#,
            ),
            (
                "a.js",
                "exports.before = 1; var b = require('./b'); \
                 exports.bSawOfA = b.sawA; exports.after = 2;",
            ),
            (
                "b.js",
                "var a = require('./a'); exports.sawA = JSON.stringify(a); exports.b = true;",
            ),
        ],
    );
    let run = run_main(&dir, None);
    assert_eq!(
        run.stdout,
        "{\"before\":1,\"bSawOfA\":\"{\\\"before\\\":1}\",\"after\":2}\n\
         {\"sawA\":\"{\\\"before\\\":1}\",\"b\":true}\n",
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_module_is_a_clear_error_naming_where_it_looked() {
    let dir = TempDir::new("missingmod");
    lay_out(
        &dir,
        &[(
            "main.js",
            r#"var sys = require("sys");
require.paths.length = 0;
require.paths.push(__dirname + "/only");
try { require("nonesuch"); } catch (e) { sys.puts((e instanceof Error) + " " + e.message); }
try { require("./nope"); } catch (e) { sys.puts(e.message); }
require("./nope/deeper");
"#,
        )],
    );
    let d = display(dir.path());
    let run = run_main(&dir, None);
    assert_eq!(
        run.stdout,
        format!(
            "true Cannot find module 'nonesuch' (looked for {d}/only/nonesuch.js, \
             {d}/only/nonesuch.node, {d}/only/nonesuch/index.js, {d}/only/nonesuch/index.node)\n\
             Cannot find module './nope' (looked for {d}/nope.js, {d}/nope.node, \
             {d}/nope/index.js, {d}/nope/index.node)\n"
        ),
        "{}",
        run.stderr
    );
    // Uncaught, it ends the program like any other exception.
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr
            .starts_with("Error: Cannot find module './nope/deeper'"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_module_that_throws_is_not_cached_half_made() {
    let dir = TempDir::new("throwing");
    lay_out(
        &dir,
        &[
            (
                "main.js",
                r#"var sys = require("sys");
for (var i = 0; i < 2; i++) {
  try { require("./bad"); } catch (e) { sys.puts("attempt " + i + ": " + e.message); }
}
try { require("./syntax"); } catch (e) {
  sys.puts((e instanceof SyntaxError) + " " + /syntax\.js/.test(e.stack));
}
"#,
            ),
            (
                "bad.js",
                "attempts = (typeof attempts === 'number' ? attempts : 0) + 1;\n\
                        throw new Error('load ' + attempts);",
            ),
            ("syntax.js", "var x = {;"),
        ],
    );
    let run = run_main(&dir, None);
    assert_eq!(
        run.stdout, "attempt 0: load 1\nattempt 1: load 2\ntrue true\n",
        "{}",
        run.stderr
    );
}

#[test]
fn mixin_brings_a_module_into_global() {
    let dir = TempDir::new("mixinglobal");
    lay_out(
        &dir,
        &[
            (
                "main.js",
                r#"process.mixin(GLOBAL, require("./circle"), require("sys"));
puts("The area of a circle of radius 4 is " + area(4));
"#,
            ),
            (
                "circle.js",
                "var PI = 3.14;\nexports.area = function (r) { return PI * r * r; };",
            ),
        ],
    );
    let run = run_main(&dir, None);
    assert_eq!(
        run.stdout, "The area of a circle of radius 4 is 50.24\n",
        "{}",
        run.stderr
    );
}

#[test]
fn the_runtimes_own_modules_are_not_loadable() {
    // stdlib/internal/ holds the JavaScript behind process.createChildProcess and
    // process.watchFile; v0.1.27 had no such modules, so `require` must not find them, by
    // either name, while the runtime still loads them.
    let dir = TempDir::new("internalmodules");
    lay_out(
        &dir,
        &[(
            "main.js",
            r#"var sys = require("sys");
["child_process", "watch_file", "internal/child_process", "internal/watch_file"]
  .forEach(function (name) {
    try {
      require(name);
      sys.puts("loaded " + name);
    } catch (e) {
      sys.puts(e.message.replace(/ \(.*/, ""));
    }
  });
process.watchFile(__filename, function () {});
process.unwatchFile(__filename);
var child = process.createChildProcess("/bin/echo", ["the child ran"]);
child.addListener("output", function (data) { if (data !== null) sys.print(data); });
"#,
        )],
    );
    let run = run_main(&dir, None);
    assert_eq!(
        run.stdout,
        "Cannot find module 'child_process'\n\
         Cannot find module 'watch_file'\n\
         Cannot find module 'internal/child_process'\n\
         Cannot find module 'internal/watch_file'\n\
         the child ran\n",
        "{}",
        run.stderr
    );
}
