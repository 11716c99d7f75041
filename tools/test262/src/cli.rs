//! The command line: options and their parsing (by hand: a dozen options do not need a
//! library).

use crate::run::Phase;
use crate::select::Filter;
use std::path::PathBuf;

/// The usage text `--help` prints.
pub const USAGE: &str = "\
Runs the test262 conformance suite against the engine.

Usage: test262 [options] [paths...]

Paths are files or directories relative to the suite's test/ directory
(e.g. language/expressions); the default is all of test/.

Options:
  --suite DIR       the test262 checkout (default: ../shared/test262 from the workspace root)
  --es5             only the ES5 subset: tests with an es5id and no features
  --dialect         only the 2010 V8 dialect: Annex B, __proto__, function names, let
                    and const (tests using no later features; with no paths, it searches
                    where those tests are)
  --typed-arrays    only the tests of ArrayBuffer, DataView and the typed arrays (with no
                    paths, it searches their directories), whatever features they list
  --feature NAME    only tests that list feature NAME (repeatable: any of them)
  --phase PHASE     how far to take each test: parse (default), compile (parse, then
                    compile to bytecode) or run (the harness and the test on the VM)
  -v, --verbose     list each failing test with its mode and reason
  --results FILE    where to write this run's results (default: target/test262-results.txt)
  --compare FILE    results of an earlier run to compare with (default: the previous
                    results file, if there is one)
  --expect FILE     expectation file: the tests that must pass; exit status 1 if one fails
                    or does not run at all (within the given paths, if any)
  --update          rewrite the --expect file with the tests passing now
  --list            print the selected test paths and exit
  --threads N       worker threads (default: one per core)
  -h, --help        print this help
";

/// What the command line asks for.
#[derive(Debug, Default)]
pub struct Options {
    pub suite: Option<PathBuf>,
    /// Paths relative to `test/`.
    pub paths: Vec<String>,
    pub filter: Filter,
    pub phase: Option<Phase>,
    pub verbose: bool,
    pub results: Option<PathBuf>,
    pub compare: Option<PathBuf>,
    pub expect: Option<PathBuf>,
    pub update: bool,
    pub list: bool,
    pub threads: Option<usize>,
    pub help: bool,
}

/// Parses the arguments (without the program name).
///
/// # Errors
/// A message saying what is wrong with the command line.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut options = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            options.paths.extend(args.by_ref());
            break;
        }
        if !arg.starts_with('-') || arg == "-" {
            options.paths.push(arg);
            continue;
        }
        // `--name=value` or `--name value`.
        let (name, inline_value) = match arg.split_once('=') {
            Some((name, value)) => (name.to_string(), Some(value.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            inline_value
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "--suite" => options.suite = Some(PathBuf::from(value("a directory")?)),
            "--es5" => options.filter.es5 = true,
            "--dialect" => options.filter.dialect = true,
            "--typed-arrays" => options.filter.typed_arrays = true,
            "--feature" => options.filter.features.push(value("a feature name")?),
            "--phase" => options.phase = Some(value("a phase")?.parse()?),
            "-v" | "--verbose" => options.verbose = true,
            "--results" => options.results = Some(PathBuf::from(value("a file")?)),
            "--compare" => options.compare = Some(PathBuf::from(value("a file")?)),
            "--expect" => options.expect = Some(PathBuf::from(value("a file")?)),
            "--update" => options.update = true,
            "--list" => options.list = true,
            "--threads" => {
                let threads = value("a number")?;
                match threads.parse::<usize>() {
                    Ok(n) if n > 0 => options.threads = Some(n),
                    _ => return Err(format!("--threads: `{threads}` is not a positive number")),
                }
            }
            "-h" | "--help" => options.help = true,
            _ => return Err(format!("unknown option `{arg}`")),
        }
        let takes_value = matches!(
            name.as_str(),
            "--suite"
                | "--feature"
                | "--phase"
                | "--results"
                | "--compare"
                | "--expect"
                | "--threads"
        );
        if inline_value.is_some() && !takes_value {
            return Err(format!("{name} takes no value"));
        }
    }
    if options.update && options.expect.is_none() {
        return Err("--update needs --expect FILE (the file to rewrite)".to_string());
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_args(args: &[&str]) -> Result<Options, String> {
        parse(args.iter().map(|a| a.to_string()))
    }

    #[test]
    fn options_and_paths() {
        let options = parse_args(&[
            "--es5",
            "language/expressions",
            "--feature",
            "Symbol",
            "--feature=Proxy",
            "-v",
            "--threads",
            "3",
            "--expect",
            "x.txt",
            "--update",
            "--phase=parse",
            "built-ins",
        ])
        .expect("valid command line");
        assert!(options.filter.es5);
        assert_eq!(options.filter.features, vec!["Symbol", "Proxy"]);
        assert!(options.verbose);
        assert_eq!(options.threads, Some(3));
        assert_eq!(options.expect, Some(PathBuf::from("x.txt")));
        assert!(options.update);
        assert_eq!(options.phase, Some(Phase::Parse));
        assert_eq!(options.paths, vec!["language/expressions", "built-ins"]);
    }

    #[test]
    fn errors() {
        assert!(parse_args(&["--bogus"]).is_err());
        assert!(parse_args(&["--threads", "0"]).is_err());
        assert!(parse_args(&["--suite"]).is_err());
        assert!(parse_args(&["--phase", "nonsense"]).is_err());
        assert_eq!(
            parse_args(&["--phase", "compile"]).map(|o| o.phase),
            Ok(Some(Phase::Compile))
        );
        assert!(parse_args(&["--update"]).is_err());
        assert!(parse_args(&["--es5=yes"]).is_err());
    }
}
