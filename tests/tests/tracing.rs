//! Watching the engine run: `--trace-exec`, `--trace-exec=NAME`, `--trace-ic`,
//! `--dump-shapes` and `--stats` on small programs, with the exact traces they must print
//! (docs/tracing.md explains each line). The program's own output must not change.
//!
//! Shape ids depend on how many shapes node made before the script ran (its environment,
//! its arguments), so the tests number them in order of appearance (`#A`, `#B`...) before
//! comparing. Lines from node's own JavaScript (the bootstrap, `sys`) are left out where a
//! test is about the script.

use integration::{node, Run, TempDir};
use std::collections::HashMap;
use std::ffi::OsStr;

/// Runs `node FLAGS file` on `source` written to a fresh directory, as `name`.
fn run(name: &str, source: &str, flags: &[&str], args: &[&str]) -> Run {
    let dir = TempDir::new("tracing");
    let file = dir.write(name, source);
    let mut argv: Vec<&OsStr> = flags.iter().map(OsStr::new).collect();
    argv.push(file.as_os_str());
    argv.extend(args.iter().map(OsStr::new));
    let run = node(&argv);
    assert_eq!(run.code(), 0, "{}", run.stderr);
    run
}

/// The lines of `text` that contain `needle`.
fn lines_with(text: &str, needle: &str) -> Vec<String> {
    text.lines()
        .filter(|line| line.contains(needle))
        .map(String::from)
        .collect()
}

/// `lines` with each shape id (`#123`, `#123'`) replaced by a letter, in order of first
/// appearance.
fn number_shapes(lines: &[String]) -> Vec<String> {
    let mut names: HashMap<String, String> = HashMap::new();
    lines
        .iter()
        .map(|line| {
            let mut out = String::new();
            let mut rest = line.as_str();
            while let Some(at) = rest.find('#') {
                out.push_str(&rest[..at]);
                let digits = rest[at + 1..]
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(rest.len() - at - 1);
                let id = &rest[at..at + 1 + digits];
                let next = names.len();
                let letter = names
                    .entry(id.to_string())
                    .or_insert_with(|| format!("#{}", (b'A' + next as u8) as char));
                out.push_str(letter);
                rest = &rest[at + 1 + digits..];
            }
            out.push_str(rest);
            out
        })
        .collect()
}

fn assert_lines(actual: &[String], expected: &[&str]) {
    let actual: Vec<&str> = actual.iter().map(String::as_str).collect();
    assert_eq!(actual, expected, "\nactual:\n{}\n", actual.join("\n"));
}

const ADD: &str = "\
function add(a, b) {
  return a + b;
}
var sys = require(\"sys\");
sys.puts(add(2, 3));
";

#[test]
fn trace_exec_name_shows_only_that_function() {
    let run = run("add.js", ADD, &["--trace-exec=add"], &[]);
    assert_eq!(run.stdout, "5\n");
    let lines: Vec<String> = run.stderr.lines().map(String::from).collect();
    assert_lines(
        &lines,
        &[
            "[exec] add add.js:2:10    0  GetLocal2 a=0 b=1  -> 3",
            "[exec] add add.js:2:10    1  Add  -> 5",
            "[exec] add add.js:2:3    2  Return  -> 5",
        ],
    );
}

#[test]
fn trace_exec_follows_a_loop() {
    let source = "\
function sum(n) {
  var total = 0;
  for (var i = 0; i < n; i++) total += i;
  return total;
}
require(\"sys\").puts(sum(2));
";
    let run = run("sum.js", source, &["--trace-exec=sum"], &[]);
    assert_eq!(run.stdout, "1\n");
    let lines: Vec<String> = run.stderr.lines().map(String::from).collect();
    // Two rounds of the loop, then the test that ends it: `GetLocal2` pushes `i` and `n`
    // (the top shows `n`), `JumpIfFalse` pops the comparison (the stack is then empty).
    assert_lines(
        &lines,
        &[
            "[exec] sum sum.js:2:15    0  Int value=0  -> 0",
            "[exec] sum sum.js:2:7    1  PutLocal index=1  -> -",
            "[exec] sum sum.js:3:16    2  Int value=0  -> 0",
            "[exec] sum sum.js:3:12    3  PutLocal index=2  -> -",
            "[exec] sum sum.js:3:19    4  GetLocal2 a=2 b=0  -> 2",
            "[exec] sum sum.js:3:19    5  Lt  -> true",
            "[exec] sum sum.js:3:3    6  JumpIfFalse target=12  -> -",
            "[exec] sum sum.js:3:31    7  GetLocal2 a=1 b=2  -> 0",
            "[exec] sum sum.js:3:31    8  Add  -> 0",
            "[exec] sum sum.js:3:31    9  PutLocal index=1  -> -",
            "[exec] sum sum.js:3:26   10  UpdateLocal index=2 step=1  -> -",
            "[exec] sum sum.js:3:3   11  Jump target=4  -> -",
            "[exec] sum sum.js:3:19    4  GetLocal2 a=2 b=0  -> 2",
            "[exec] sum sum.js:3:19    5  Lt  -> true",
            "[exec] sum sum.js:3:3    6  JumpIfFalse target=12  -> -",
            "[exec] sum sum.js:3:31    7  GetLocal2 a=1 b=2  -> 1",
            "[exec] sum sum.js:3:31    8  Add  -> 1",
            "[exec] sum sum.js:3:31    9  PutLocal index=1  -> -",
            "[exec] sum sum.js:3:26   10  UpdateLocal index=2 step=1  -> -",
            "[exec] sum sum.js:3:3   11  Jump target=4  -> -",
            "[exec] sum sum.js:3:19    4  GetLocal2 a=2 b=0  -> 2",
            "[exec] sum sum.js:3:19    5  Lt  -> false",
            "[exec] sum sum.js:3:3    6  JumpIfFalse target=12  -> -",
            "[exec] sum sum.js:4:10   12  GetLocal index=1  -> 1",
            "[exec] sum sum.js:4:3   13  Return  -> 1",
        ],
    );
}

#[test]
fn trace_exec_shows_every_instruction_and_leaves_stdout_alone() {
    let plain = run("add.js", ADD, &[], &[]);
    let traced = run("add.js", ADD, &["--trace-exec"], &[]);
    assert_eq!(traced.stdout, plain.stdout);
    assert_eq!(plain.stderr, "");
    // Every line is an instruction: node's own JavaScript too.
    for line in traced.stderr.lines() {
        assert!(
            line.starts_with("[exec] ") && line.contains("  -> "),
            "{line}"
        );
    }
    assert!(lines_with(&traced.stderr, " node.js:").len() > 100);
    // The script's own instructions, in the order they ran: the module's code calls
    // `require`, then `add`, whose three instructions come next, then `sys.puts`.
    let script = lines_with(&traced.stderr, " add.js:");
    let module: Vec<String> = script
        .iter()
        .skip_while(|line| !line.ends_with("Closure index=0  -> function add"))
        .cloned()
        .collect();
    assert_lines(
        &module,
        &[
            "[exec] <anonymous> add.js:1:1    0  Closure index=0  -> function add",
            "[exec] <anonymous> add.js:1:1    1  PutLocal index=5  -> -",
            "[exec] <anonymous> add.js:4:11    2  GetLocal index=1  -> function require",
            "[exec] <anonymous> add.js:4:11    3  Undefined  -> undefined",
            "[exec] <anonymous> add.js:4:19    4  Const index=0  ; \"sys\"  -> \"sys\"",
            "[exec] <anonymous> add.js:4:11    5  Call argc=1  -> enters require",
            "[exec] <anonymous> add.js:4:5    6  SetLocal index=6  -> object",
            "[exec] <anonymous> add.js:5:1    7  Dup  -> object",
            "[exec] <anonymous> add.js:5:1    8  GetProp name=1 ic=0  ; \"puts\"  -> function <anonymous>",
            "[exec] <anonymous> add.js:5:1    9  Swap  -> object",
            "[exec] <anonymous> add.js:5:10   10  GetLocal index=5  -> function add",
            "[exec] <anonymous> add.js:5:10   11  Undefined  -> undefined",
            "[exec] <anonymous> add.js:5:14   12  Int value=2  -> 2",
            "[exec] <anonymous> add.js:5:17   13  Int value=3  -> 3",
            "[exec] <anonymous> add.js:5:10   14  Call argc=2  -> enters add",
            "[exec] add add.js:2:10    0  GetLocal2 a=0 b=1  -> 3",
            "[exec] add add.js:2:10    1  Add  -> 5",
            "[exec] add add.js:2:3    2  Return  -> 5",
            "[exec] <anonymous> add.js:5:1   15  Call argc=1  -> enters <anonymous>",
            "[exec] <anonymous> add.js:5:1   16  Pop  -> -",
            "[exec] <anonymous> add.js:1:1   17  Undefined  -> undefined",
            "[exec] <anonymous> add.js:1:1   18  Return  -> undefined",
        ],
    );
}

#[test]
fn trace_ic_shows_a_site_go_from_monomorphic_to_megamorphic() {
    let source = "\
function getX(p) {
  return p.x;
}
var objects = [{x: 1}, {x: 2, y: 1}, {y: 1, x: 3}, {z: 1, x: 4}, {w: 1, x: 5}, {v: 1, x: 6}];
for (var i = 0; i < objects.length; i++) {
  getX(objects[i]);
  getX(objects[i]);
}
";
    let run = run("ic.js", source, &["--trace-ic"], &[]);
    let lines = number_shapes(&lines_with(&run.stderr, "ic.js:2:"));
    // A new shape at each of the first five objects; the sixth is past megamorphic, where
    // nothing more is reported.
    assert_lines(
        &lines,
        &[
            "[ic] ic.js:2:10 GetProp x: uninitialised -> monomorphic (shapes #A): #A has it at slot 0",
            "[ic] ic.js:2:10 GetProp x: monomorphic -> polymorphic (shapes #A, #B): #B has it at slot 0",
            "[ic] ic.js:2:10 GetProp x: polymorphic -> polymorphic (shapes #A, #B, #C): #C has it at slot 1",
            "[ic] ic.js:2:10 GetProp x: polymorphic -> polymorphic (shapes #A, #B, #C, #D): #D has it at slot 1",
            "[ic] ic.js:2:10 GetProp x: polymorphic -> megamorphic (shapes #A, #B, #C, #D, #E): #E has it at slot 1",
        ],
    );
}

#[test]
fn dump_shapes_shows_the_tree_of_each_prototype() {
    let source = "\
function Point(x, y) {
  this.x = x;
  this.y = y;
}
var a = new Point(1, 2);
var b = new Point(3, 4);
b.label = \"b\";
var c = new Point(5, 6);
c.z = 7;
global.kept = [a, b, c];
";
    let run = run("points.js", source, &["--dump-shapes"], &[]);
    let section: Vec<String> = run
        .stderr
        .lines()
        .skip_while(|line| !line.starts_with("[shapes] Point.prototype"))
        .take_while(|line| !line.starts_with("[shapes] ") || line.contains("Point.prototype"))
        .map(String::from)
        .collect();
    // `a` has the shape {x, y}; `b` and `c` branch from it.
    assert_lines(
        &number_shapes(&section),
        &[
            "[shapes] Point.prototype (root #A)",
            "  #A {}",
            "    #B +x @0",
            "      #C +y @1",
            "        #D +label @2",
            "        #E +z @2",
        ],
    );
}

const POINTS: &str = "\
var N = Number(process.argv[2]);
function Point(x, y) { this.x = x; this.y = y; }
function make(v) { return function () { return v; }; }
var keep = [];
for (var i = 0; i < N; i++) {
  keep.push([new Point(i, i), make(i)]);
}
";

/// The `--stats` table of the POINTS program making `n` points, as numbers by line name.
fn stats(n: usize) -> HashMap<String, f64> {
    let run = run("points.js", POINTS, &["--stats"], &[&n.to_string()]);
    assert_eq!(run.stdout, "");
    let mut table = HashMap::new();
    for line in run.stderr.lines() {
        let Some(rest) = line.strip_prefix("[stats] ") else {
            panic!("not a --stats line: {line}");
        };
        if let Some(row) = rest.strip_prefix("  ") {
            // An opcode row: name, count, share.
            let mut fields = row.split_whitespace();
            let (Some(name), Some(count)) = (fields.next(), fields.next()) else {
                panic!("bad opcode row: {line}");
            };
            table.insert(format!("op {name}"), count.parse().expect("a count"));
            continue;
        }
        // "what: 12 things, 3 other things (4 more)": each number, named by what and
        // the words after it.
        let (what, numbers) = rest.split_once(": ").expect("a heading");
        for segment in numbers.split([',', '(', ')']) {
            let mut words = segment.split_whitespace();
            let Some(number) = words.next() else {
                continue;
            };
            let value: f64 = number.trim_end_matches('%').parse().expect("a number");
            let name: Vec<&str> = words.collect();
            let key = match name.is_empty() {
                true => what.to_string(),
                false => format!("{what} {}", name.join(" ")),
            };
            table.insert(key, value);
        }
    }
    table
}

#[test]
fn stats_count_what_a_program_does() {
    let (ten, eleven, hundred_ten) = (stats(10), stats(11), stats(110));
    for key in [
        "instructions executed",
        "calls",
        "calls to JavaScript functions",
        "calls to natives",
        "allocations objects",
        "allocations arrays",
        "allocations strings",
        "allocations closures",
        "allocations environments",
        "garbage collection cycles",
        "garbage collection ms in total",
        "peak heap live objects",
        "inline caches hits",
        "inline caches misses",
        "inline caches of accesses hit",
        "op GetLocal",
    ] {
        assert!(ten.contains_key(key), "no {key} in {ten:?}");
    }
    // One more point costs the same as each of a hundred more: the table counts exactly.
    let one = |key: &str| eleven[key] - ten[key];
    let hundred = |key: &str| hundred_ten[key] - ten[key];
    for key in ten
        .keys()
        .filter(|k| k.starts_with("op ") || k.starts_with("allocations"))
    {
        assert_eq!(hundred(key), 100.0 * one(key), "{key}");
    }
    assert_eq!(
        hundred("instructions executed"),
        100.0 * one("instructions executed")
    );
    // Each point: a `new Point` and a `make` (JavaScript), a `push` (native)...
    assert_eq!(one("calls to JavaScript functions"), 2.0);
    assert_eq!(one("calls to natives"), 1.0);
    assert_eq!(one("calls"), 3.0);
    // ...an object, an array, a closure and the environment `make`'s closure keeps, and no
    // string.
    assert_eq!(one("allocations objects"), 1.0);
    assert_eq!(one("allocations arrays"), 1.0);
    assert_eq!(one("allocations closures"), 1.0);
    assert_eq!(one("allocations environments"), 1.0);
    assert_eq!(one("allocations strings"), 0.0);
    // Once warm, the caches hit: a hundred more points are no more misses.
    assert_eq!(hundred("inline caches misses"), 0.0);
    assert!(hundred("inline caches hits") >= 100.0 * 3.0);
    assert!(hundred_ten["peak heap live objects"] > ten["peak heap live objects"]);
}

#[test]
fn tracing_flags_are_in_the_help() {
    let run = node(&["--help"]);
    for flag in [
        "--trace-exec",
        "--trace-exec=NAME",
        "--trace-ic",
        "--dump-shapes",
        "--stats",
    ] {
        assert!(run.stdout.contains(flag), "--help lacks {flag}");
    }
}
