//! Finding the test files and choosing which of them to run.
//!
//! Tests are named by their path relative to the suite's `test/` directory, always with `/`
//! separators (`language/expressions/addition/S11.6.1_A1.js`), so names are the same on every
//! platform and can be stored in the results and expectation files.

use crate::frontmatter::{self, Metadata};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// A test file and its metadata.
#[derive(Clone, Debug)]
pub struct Test {
    /// Path relative to `test/`, with `/` separators.
    pub path: String,
    /// The metadata, or why it could not be read (such a test is reported as failing).
    pub meta: Result<Metadata, String>,
}

/// Which tests to keep, by their metadata.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Keep only "the ES5 subset": tests with an `es5id` that use no later `features`.
    pub es5: bool,
    /// Keep only tests listing at least one of these features (no restriction when empty).
    pub features: Vec<String>,
    /// Keep only "the dialect": the tests of what programs of 2010 took from V8 beyond ES5
    /// (Annex B, `__proto__`, function `name`, `let` and `const`; see [`in_dialect`]) that use
    /// no later features than those ([`DIALECT_FEATURES`]).
    pub dialect: bool,
    /// Keep only the tests of the typed arrays, `ArrayBuffer` and `DataView` (the directories
    /// of [`TYPED_ARRAY_ROOTS`]), whatever features they list: most also need ES2015
    /// features this engine lacks (symbols, classes, `Reflect`, iterators), and the
    /// expectation file records those that pass.
    pub typed_arrays: bool,
}

/// Where the typed-array tests are.
pub const TYPED_ARRAY_ROOTS: [&str; 4] = [
    "built-ins/ArrayBuffer",
    "built-ins/DataView",
    "built-ins/TypedArray",
    "built-ins/TypedArrayConstructors",
];

/// Whether the test at `path` is under one of [`TYPED_ARRAY_ROOTS`].
pub fn in_typed_arrays(path: &str) -> bool {
    TYPED_ARRAY_ROOTS.iter().any(|root| {
        path.strip_prefix(root)
            .is_some_and(|rest| rest.starts_with('/'))
    })
}

/// Where the dialect's tests are (the directories to search; [`in_dialect`] picks from them).
pub const DIALECT_ROOTS: [&str; 8] = [
    "annexB",
    "built-ins",
    "language/expressions/object",
    "language/expressions/function",
    "language/statements/function",
    "language/statements/let",
    "language/statements/const",
    "language/block-scope",
];

/// The paths (prefixes) of the dialect's tests, besides every builtin's `name.js`.
const DIALECT_PREFIXES: [&str; 13] = [
    "annexB/",
    "built-ins/Object/prototype/__proto__/",
    "built-ins/Object/prototype/__defineGetter__/",
    "built-ins/Object/prototype/__defineSetter__/",
    "built-ins/Object/prototype/__lookupGetter__/",
    "built-ins/Object/prototype/__lookupSetter__/",
    "built-ins/Function/prototype/name.js",
    "language/expressions/object/__proto__",
    "language/expressions/function/name.js",
    "language/statements/function/name.js",
    "language/statements/let/",
    "language/statements/const/",
    "language/block-scope/",
];

/// The features a dialect test may list: those of the dialect itself.
pub const DIALECT_FEATURES: [&str; 5] = [
    "__proto__",
    "__getter__",
    "__setter__",
    "string-trimming",
    "legacy-regexp",
];

/// Whether the test at `path` is one of the dialect's: under one of [`DIALECT_PREFIXES`], or
/// the `name.js` of a builtin (`built-ins/Array/prototype/push/name.js`).
pub fn in_dialect(path: &str) -> bool {
    DIALECT_PREFIXES
        .iter()
        .any(|prefix| path.starts_with(prefix))
        || (path.starts_with("built-ins/") && path.ends_with("/name.js"))
}

impl Filter {
    /// Whether a test with this metadata is selected.
    pub fn keeps(&self, meta: &Metadata) -> bool {
        if self.es5 && (meta.es5id.is_none() || !meta.features.is_empty()) {
            return false;
        }
        let later = |feature: &String| !DIALECT_FEATURES.contains(&feature.as_str());
        if self.dialect && meta.features.iter().any(later) {
            return false;
        }
        if !self.features.is_empty() && !self.features.iter().any(|f| meta.features.contains(f)) {
            return false;
        }
        true
    }
}

/// The tests chosen for a run.
#[derive(Debug, Default)]
pub struct Selection {
    /// The tests to run, sorted by path.
    pub tests: Vec<Test>,
    /// How many selected tests were left out because they are modules (out of scope).
    pub skipped_modules: usize,
}

/// Applies the filter and leaves out module tests.
///
/// A test whose metadata could not be read is always kept: the filter cannot be applied to it,
/// and dropping it silently would hide the problem; running it reports it as failing.
pub fn select(tests: Vec<Test>, filter: &Filter) -> Selection {
    let mut selection = Selection::default();
    for test in tests {
        if filter.dialect && !in_dialect(&test.path) {
            continue;
        }
        if filter.typed_arrays && !in_typed_arrays(&test.path) {
            continue;
        }
        match &test.meta {
            Ok(meta) if !filter.keeps(meta) => {}
            Ok(meta) if meta.flags.module => selection.skipped_modules += 1,
            _ => selection.tests.push(test),
        }
    }
    selection
}

/// Why the test files could not be listed.
#[derive(Debug)]
pub enum SelectError {
    /// A path given on the command line is not a file or directory under `test/`.
    NotFound(String),
    /// A directory could not be read.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelectError::NotFound(path) => write!(f, "no test file or directory `{path}`"),
            SelectError::Io(path, error) => write!(f, "cannot read {}: {error}", path.display()),
        }
    }
}

impl std::error::Error for SelectError {}

/// Lists the test files under the given roots (paths relative to `test_dir`; all of
/// `test_dir` when `roots` is empty): every `.js` file except `*_FIXTURE.js` (files other
/// tests import, not tests themselves). Returns sorted, deduplicated test paths.
///
/// # Errors
/// A [`SelectError`] when a root does not exist or a directory cannot be read.
pub fn discover(test_dir: &Path, roots: &[String]) -> Result<Vec<String>, SelectError> {
    let mut found = Vec::new();
    if roots.is_empty() {
        walk(test_dir, "", &mut found)?;
    }
    for root in roots {
        let relative = normalize_root(test_dir, root)?;
        let full = test_dir.join(&relative);
        if full.is_dir() {
            walk(&full, &relative, &mut found)?;
        } else if is_test_file(&relative) {
            found.push(relative);
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

/// The roots a run was given, as paths relative to `test_dir` with `/` separators (what the
/// selected tests' paths start with); empty for a run over the whole suite.
///
/// # Errors
/// [`SelectError::NotFound`] when a root does not exist.
pub fn normalize_roots(test_dir: &Path, roots: &[String]) -> Result<Vec<String>, SelectError> {
    roots
        .iter()
        .map(|root| normalize_root(test_dir, root))
        .collect()
}

/// Turns a command-line path into a path relative to `test_dir` with `/` separators.
///
/// Accepts `language/types`, `language/types/`, `test/language/types` and paths (absolute or
/// relative to the current directory) that lead into `test_dir`.
fn normalize_root(test_dir: &Path, root: &str) -> Result<String, SelectError> {
    let not_found = || SelectError::NotFound(root.to_string());
    let trimmed = root.trim_end_matches(['/', '\\']);
    let mut candidates = vec![trimmed.to_string()];
    if let Some(rest) = trimmed.strip_prefix("test/") {
        candidates.push(rest.to_string());
    }
    for candidate in &candidates {
        let full = test_dir.join(candidate);
        if full.exists() {
            return Ok(candidate.replace('\\', "/"));
        }
    }
    // A path from the current directory (e.g. one a shell completed) that leads into test/.
    let canonical_test_dir = test_dir.canonicalize().map_err(|_| not_found())?;
    let canonical = Path::new(trimmed).canonicalize().map_err(|_| not_found())?;
    let relative = canonical
        .strip_prefix(&canonical_test_dir)
        .map_err(|_| not_found())?;
    Ok(path_to_name(relative))
}

/// Joins a relative path's components with `/`.
fn path_to_name(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether a file name is a test: a `.js` file that is not a fixture.
fn is_test_file(name: &str) -> bool {
    name.ends_with(".js") && !name.ends_with("_FIXTURE.js")
}

/// Collects the test files under `dir`, whose name relative to `test/` is `prefix`.
fn walk(dir: &Path, prefix: &str, found: &mut Vec<String>) -> Result<(), SelectError> {
    let entries = fs::read_dir(dir).map_err(|e| SelectError::Io(dir.to_path_buf(), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| SelectError::Io(dir.to_path_buf(), e))?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let name = if prefix.is_empty() {
            file_name.clone()
        } else {
            format!("{prefix}/{file_name}")
        };
        let file_type = entry
            .file_type()
            .map_err(|e| SelectError::Io(entry.path(), e))?;
        if file_type.is_dir() {
            walk(&entry.path(), &name, found)?;
        } else if is_test_file(&file_name) {
            found.push(name);
        }
    }
    Ok(())
}

/// Reads a test's source text.
///
/// # Errors
/// A readable message when the file cannot be read or is not UTF-8.
pub fn read_source(test_dir: &Path, path: &str) -> Result<String, String> {
    let bytes = fs::read(test_dir.join(path)).map_err(|e| format!("cannot read test: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("test file is not UTF-8: {e}"))
}

/// Reads a test's metadata.
pub fn load(test_dir: &Path, path: &str) -> Test {
    let meta = read_source(test_dir, path)
        .and_then(|source| frontmatter::parse(&source).map_err(|e| e.to_string()));
    Test {
        path: path.to_string(),
        meta,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::Flags;

    fn es5(id: &str) -> Metadata {
        Metadata {
            es5id: Some(id.to_string()),
            ..Metadata::default()
        }
    }

    fn with_features(features: &[&str]) -> Metadata {
        Metadata {
            features: features.iter().map(|f| f.to_string()).collect(),
            ..Metadata::default()
        }
    }

    #[test]
    fn no_filter_keeps_everything() {
        let filter = Filter::default();
        assert!(filter.keeps(&Metadata::default()));
        assert!(filter.keeps(&es5("1")));
        assert!(filter.keeps(&with_features(&["Symbol"])));
    }

    #[test]
    fn es5_filter() {
        let filter = Filter {
            es5: true,
            ..Filter::default()
        };
        assert!(filter.keeps(&es5("15.2.3.6-4-1")));
        assert!(!filter.keeps(&Metadata::default()));
        let mut later = es5("15.2.3.6-4-1");
        later.features = vec!["Symbol".to_string()];
        assert!(!filter.keeps(&later));
    }

    #[test]
    fn typed_array_paths() {
        assert!(in_typed_arrays(
            "built-ins/TypedArray/prototype/map/length.js"
        ));
        assert!(in_typed_arrays(
            "built-ins/DataView/prototype/getInt8/index-is-out-of-range.js"
        ));
        assert!(!in_typed_arrays("built-ins/TypedArrayFoo/x.js"));
        assert!(!in_typed_arrays("built-ins/Array/prototype/map/length.js"));
    }

    #[test]
    fn dialect_filter() {
        let filter = Filter {
            dialect: true,
            ..Filter::default()
        };
        assert!(filter.keeps(&Metadata::default()));
        assert!(filter.keeps(&with_features(&["__proto__"])));
        assert!(!filter.keeps(&with_features(&["__proto__", "Symbol"])));
        assert!(in_dialect("annexB/built-ins/escape/name.js"));
        assert!(in_dialect("built-ins/Array/prototype/push/name.js"));
        assert!(in_dialect(
            "language/expressions/object/__proto__-value-null.js"
        ));
        assert!(!in_dialect("built-ins/Array/prototype/push/length.js"));
        assert!(!in_dialect(
            "language/expressions/object/computed-__proto__.js"
        ));
        let tests = vec![
            test("annexB/a.js", Ok(Metadata::default())),
            test("built-ins/Array/b.js", Ok(Metadata::default())),
        ];
        let paths: Vec<String> = select(tests, &filter)
            .tests
            .into_iter()
            .map(|t| t.path)
            .collect();
        assert_eq!(paths, ["annexB/a.js"]);
    }

    #[test]
    fn feature_filter() {
        let filter = Filter {
            features: vec!["Symbol".to_string(), "Proxy".to_string()],
            ..Filter::default()
        };
        assert!(filter.keeps(&with_features(&["Symbol", "Symbol.iterator"])));
        assert!(filter.keeps(&with_features(&["Proxy"])));
        assert!(!filter.keeps(&with_features(&["Symbol.iterator"])));
        assert!(!filter.keeps(&Metadata::default()));
    }

    fn test(path: &str, meta: Result<Metadata, String>) -> Test {
        Test {
            path: path.to_string(),
            meta,
        }
    }

    #[test]
    fn select_skips_modules_and_keeps_broken_tests() {
        let module = Metadata {
            es5id: Some("x".to_string()),
            flags: Flags {
                module: true,
                ..Flags::default()
            },
            ..Metadata::default()
        };
        let tests = vec![
            test("a.js", Ok(es5("1"))),
            test("b.js", Ok(Metadata::default())),
            test("c.js", Ok(module)),
            test("d.js", Err("no front matter".to_string())),
        ];
        let filter = Filter {
            es5: true,
            ..Filter::default()
        };
        let selection = select(tests, &filter);
        let paths: Vec<&str> = selection.tests.iter().map(|t| t.path.as_str()).collect();
        assert_eq!(paths, vec!["a.js", "d.js"]);
        assert_eq!(selection.skipped_modules, 1);
    }

    /// A scratch copy of a tiny suite's `test/` directory, removed on drop.
    struct TempSuite(PathBuf);

    impl TempSuite {
        fn new(name: &str) -> TempSuite {
            let dir =
                std::env::temp_dir().join(format!("test262-runner-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            for file in [
                "language/types/a.js",
                "language/types/b.js",
                "language/types/dep_FIXTURE.js",
                "language/types/notes.txt",
                "language/expressions/deep/c.js",
                "built-ins/Array/d.js",
            ] {
                let path = dir.join(file);
                fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
                fs::write(&path, "/*---\nes5id: x\n---*/\n").expect("write");
            }
            TempSuite(dir)
        }
    }

    impl Drop for TempSuite {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn discover_everything() {
        let suite = TempSuite::new("all");
        let found = discover(&suite.0, &[]).expect("discover");
        assert_eq!(
            found,
            vec![
                "built-ins/Array/d.js",
                "language/expressions/deep/c.js",
                "language/types/a.js",
                "language/types/b.js",
            ]
        );
    }

    #[test]
    fn discover_roots() {
        let suite = TempSuite::new("roots");
        let roots = [
            "language/types/".to_string(),
            "test/built-ins/Array/d.js".to_string(),
            "language/types/a.js".to_string(),
            "language/types/dep_FIXTURE.js".to_string(),
        ];
        let found = discover(&suite.0, &roots).expect("discover");
        assert_eq!(
            found,
            vec![
                "built-ins/Array/d.js",
                "language/types/a.js",
                "language/types/b.js",
            ]
        );
    }

    #[test]
    fn discover_missing_root() {
        let suite = TempSuite::new("missing");
        let result = discover(&suite.0, &["language/nope".to_string()]);
        assert!(matches!(result, Err(SelectError::NotFound(p)) if p == "language/nope"));
    }

    #[test]
    fn load_reads_metadata_or_reports_why_not() {
        let suite = TempSuite::new("load");
        let loaded = load(&suite.0, "language/types/a.js");
        assert_eq!(loaded.meta.map(|m| m.es5id), Ok(Some("x".to_string())));
        fs::write(suite.0.join("language/types/b.js"), [0xff, 0xfe]).expect("write");
        assert!(load(&suite.0, "language/types/b.js").meta.is_err());
        assert!(load(&suite.0, "language/types/zzz.js").meta.is_err());
    }
}
