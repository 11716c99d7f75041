//! Running the selected tests against the engine, in parallel.
//!
//! Each test runs in each of the modes its flags ask for ([`modes`]); what "running" means
//! depends on the [`Phase`]. Today the only phase is [`Phase::Parse`]: the engine has a
//! parser but nothing to execute with yet. An execution phase becomes another variant of
//! [`Phase`] and another arm in [`run_mode`] (it will need the harness `includes`, which the
//! parse phase ignores).

use crate::frontmatter::{Flags, Metadata, NegativePhase};
use crate::select::{read_source, Test};
use indicatif::ProgressBar;
use rayon::prelude::*;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How far the runner takes each test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Parse only (with early errors): a test whose `negative.phase` is `parse` must be
    /// rejected, every other test must be accepted.
    Parse,
    /// Parse, then compile to bytecode: the same verdicts as `Parse`, and every test that
    /// parses must also compile (no internal compiler error, no panic).
    Compile,
    /// Run each test on the VM, after the harness files it includes: it must finish without
    /// an exception, or throw the error its metadata names.
    Run,
}

impl FromStr for Phase {
    type Err = String;

    fn from_str(s: &str) -> Result<Phase, String> {
        match s {
            "parse" => Ok(Phase::Parse),
            "compile" => Ok(Phase::Compile),
            "run" => Ok(Phase::Run),
            _ => Err(format!("unknown phase `{s}` (known: parse, compile, run)")),
        }
    }
}

/// Whether a test's source runs as sloppy-mode or strict-mode code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    /// The source as it is.
    Sloppy,
    /// The source with `"use strict";\n` prepended.
    Strict,
}

impl Mode {
    /// The name used in reports and the results file.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Sloppy => "sloppy",
            Mode::Strict => "strict",
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The modes a test runs in, per its flags (INTERPRETING.md, "Strict Mode").
pub fn modes(flags: &Flags) -> &'static [Mode] {
    if flags.raw || flags.no_strict {
        &[Mode::Sloppy]
    } else if flags.only_strict {
        &[Mode::Strict]
    } else {
        &[Mode::Sloppy, Mode::Strict]
    }
}

/// The directive that turns a test into strict-mode code; it adds one line before the test.
const USE_STRICT: &str = "\"use strict\";\n";

/// The outcome of one test in one mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModeResult {
    pub mode: Mode,
    /// `None` when the mode passed, otherwise why it failed.
    pub failure: Option<String>,
}

/// What happened to a test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The test ran in each of its modes.
    Ran(Vec<ModeResult>),
    /// The test could not be run (unreadable file, malformed front matter): a failure.
    NotRun(String),
}

/// The result of one test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestResult {
    /// Path relative to `test/`.
    pub path: String,
    pub outcome: Outcome,
}

impl TestResult {
    /// A test passes when it ran and every one of its modes passed.
    pub fn passed(&self) -> bool {
        match &self.outcome {
            Outcome::Ran(modes) => modes.iter().all(|m| m.failure.is_none()),
            Outcome::NotRun(_) => false,
        }
    }
}

/// What a run needs to know.
#[derive(Clone, Debug)]
pub struct RunConfig {
    /// The suite's `test/` directory.
    pub test_dir: PathBuf,
    pub phase: Phase,
}

/// The stack each worker gets: parsing recurses, and some tests nest deeply.
const WORKER_STACK: usize = 256 << 20;

/// How long a test may take before the runner names it on stderr (it cannot be stopped, but a
/// hang in the engine should not go unexplained).
const SLOW_TEST: Duration = Duration::from_secs(10);

/// The worker threads tests run on (`threads`, or one per core), with large stacks.
///
/// # Errors
/// When the threads cannot be created.
pub fn worker_pool(
    threads: Option<usize>,
) -> Result<rayon::ThreadPool, rayon::ThreadPoolBuildError> {
    let mut builder = rayon::ThreadPoolBuilder::new().stack_size(WORKER_STACK);
    if let Some(threads) = threads {
        builder = builder.num_threads(threads);
    }
    builder.build()
}

/// Runs the tests in parallel on the current thread pool (call it inside
/// [`rayon::ThreadPool::install`] of a [`worker_pool`]), advancing `progress` as each test
/// finishes. Results are in the same order as `tests`.
pub fn run_all(tests: &[Test], config: &RunConfig, progress: &ProgressBar) -> Vec<TestResult> {
    install_quiet_panic_hook();
    let watchdog = Watchdog::default();
    let (stop, stopped) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        let watchdog = &watchdog;
        scope.spawn(move || watchdog.watch(&stopped, progress));
        let results = tests
            .par_iter()
            .map(|test| {
                let result = run_test(test, config, watchdog);
                progress.inc(1);
                result
            })
            .collect();
        // Ends the watchdog; if it already ended there is nothing to stop.
        let _ = stop.send(());
        results
    })
}

/// Runs one test in each of its modes.
fn run_test(test: &Test, config: &RunConfig, watchdog: &Watchdog) -> TestResult {
    let outcome = match &test.meta {
        Err(error) => Outcome::NotRun(error.clone()),
        Ok(meta) => match read_source(&config.test_dir, &test.path) {
            Err(error) => Outcome::NotRun(error),
            Ok(source) => Outcome::Ran(
                modes(&meta.flags)
                    .iter()
                    .map(|&mode| {
                        watchdog.started(&test.path, mode);
                        let failure = catching_panics(|| {
                            run_mode(config.phase, &config.test_dir, &source, meta, mode)
                        });
                        watchdog.finished();
                        ModeResult { mode, failure }
                    })
                    .collect(),
            ),
        },
    };
    TestResult {
        path: test.path.clone(),
        outcome,
    }
}

/// Runs one test mode (`run`), turning a panic in the engine into that mode's failure:
/// `None` when it passed, otherwise why it failed.
fn catching_panics(run: impl FnOnce() -> Result<(), String>) -> Option<String> {
    LAST_PANIC.with(|last| last.borrow_mut().take());
    match panic::catch_unwind(AssertUnwindSafe(run)) {
        Ok(outcome) => outcome.err(),
        Err(payload) => {
            let message = LAST_PANIC
                .with(|last| last.borrow_mut().take())
                .unwrap_or_else(|| panic_message(payload.as_ref()));
            Some(format!("panic: {message}"))
        }
    }
}

/// Runs one test in one mode: `Ok` when it behaves as its metadata says it must.
fn run_mode(
    phase: Phase,
    test_dir: &Path,
    source: &str,
    meta: &Metadata,
    mode: Mode,
) -> Result<(), String> {
    let (text, added_lines) = match mode {
        Mode::Sloppy => (Cow::Borrowed(source), 0),
        Mode::Strict => (Cow::Owned(format!("{USE_STRICT}{source}")), 1),
    };
    match phase {
        Phase::Parse => check_parse(&text, added_lines, meta, false),
        Phase::Compile => check_parse(&text, added_lines, meta, true),
        Phase::Run => check_run(test_dir, &text, meta),
    }
}

/// Instructions a test may run before it counts as hung.
const RUN_INSTRUCTION_LIMIT: u64 = 200_000_000;

/// The run phase: evaluate the harness files, then the test, in one fresh engine.
fn check_run(test_dir: &Path, text: &str, meta: &Metadata) -> Result<(), String> {
    use engine::vm::{Completion, Engine};
    if meta.flags.is_async {
        return Err("async tests are not supported yet".to_string());
    }
    let mut engine = Engine::new();
    engine.instruction_limit = Some(RUN_INSTRUCTION_LIMIT);
    engine.define_global_function("print", print, 1);
    let harness_dir = test_dir
        .parent()
        .map(|p| p.join("harness"))
        .unwrap_or_default();
    let mut includes = Vec::new();
    if !meta.flags.raw {
        includes.push("assert.js".to_string());
        includes.push("sta.js".to_string());
    }
    includes.extend(meta.includes.iter().cloned());
    for include in &includes {
        let source = std::fs::read_to_string(harness_dir.join(include))
            .map_err(|e| format!("cannot read harness file {include}: {e}"))?;
        match run_script(&mut engine, &source) {
            Ok(Completion::Normal) => {}
            Ok(Completion::Threw { message, .. }) => {
                return Err(format!("harness file {include} threw: {message}"))
            }
            Err(error) => return Err(format!("harness file {include}: {error}")),
        }
    }
    let expected = meta
        .negative
        .as_ref()
        .filter(|negative| negative.phase != NegativePhase::Parse)
        .map(|negative| negative.error_type.as_str());
    let parse_expected = meta
        .negative
        .as_ref()
        .filter(|negative| negative.phase == NegativePhase::Parse)
        .map(|negative| negative.error_type.as_str());
    match (run_script(&mut engine, text), expected, parse_expected) {
        (Err(_), _, Some(_)) => Ok(()),
        (Err(error), _, None) => Err(error),
        (Ok(_), _, Some(expected)) => Err(format!("expected {expected} at parse time, ran")),
        (Ok(Completion::Normal), None, None) => Ok(()),
        (Ok(Completion::Normal), Some(expected), None) => {
            Err(format!("expected {expected}, finished normally"))
        }
        (Ok(Completion::Threw { message, .. }), Some(expected), None) => {
            if message.starts_with(expected) {
                Ok(())
            } else {
                Err(format!("expected {expected}, threw {message}"))
            }
        }
        (Ok(Completion::Threw { message, .. }), None, None) => Err(format!("threw {message}")),
    }
}

/// Parses, compiles and runs one script in `engine`.
fn run_script(
    engine: &mut engine::vm::Engine,
    source: &str,
) -> Result<engine::vm::Completion, String> {
    let arena = bumpalo::Bump::new();
    let program = engine::parse_program(source, &arena).map_err(|e| e.to_string())?;
    let proto = engine::compiler::compile_script(&program, source).map_err(|e| e.to_string())?;
    Ok(engine.run(proto, source, "test.js"))
}

/// The harness's `print` (used by async tests and for debugging): writes to stderr.
fn print<'gc>(
    ctx: &engine::vm::Ctx<'gc>,
    _this: engine::value::Value<'gc>,
    args: &[engine::value::Value<'gc>],
) -> Result<engine::value::Value<'gc>, engine::vm::Throw<'gc>> {
    let line: Vec<String> = args.iter().map(|v| engine::vm::display(*ctx, *v)).collect();
    eprintln!("{}", line.join(" "));
    Ok(engine::value::Value::Undefined)
}

/// The parse phase: parse-phase negative tests must be rejected with their error type, all
/// other tests must parse.
fn check_parse(
    text: &str,
    added_lines: usize,
    meta: &Metadata,
    compile: bool,
) -> Result<(), String> {
    let arena = bumpalo::Bump::new();
    let parsed = engine::parse_program(text, &arena);
    if let (true, Ok(program)) = (compile, &parsed) {
        if let Err(error) = engine::compiler::compile_script(program, text) {
            return Err(format!(
                "compile error: {}",
                describe_error(&error, text, added_lines)
            ));
        }
    }
    let parsed = parsed.map(|_| ());
    let expected_error = meta
        .negative
        .as_ref()
        .filter(|negative| negative.phase == NegativePhase::Parse)
        .map(|negative| negative.error_type.as_str());
    judge_parse(expected_error, parsed, text, added_lines)
}

/// Whether the parser's verdict on `text` is the expected one: rejected with `expected_error`
/// if there is one, accepted otherwise.
fn judge_parse(
    expected_error: Option<&str>,
    parsed: Result<(), engine::SyntaxError>,
    text: &str,
    added_lines: usize,
) -> Result<(), String> {
    match (expected_error, parsed) {
        (None, Ok(())) => Ok(()),
        (None, Err(error)) => Err(describe_error(&error, text, added_lines)),
        (Some(expected), Ok(())) => Err(format!("expected {expected}, parsed fine")),
        // The parser only ever reports SyntaxErrors.
        (Some("SyntaxError"), Err(_)) => Ok(()),
        (Some(expected), Err(error)) => Err(format!(
            "expected {expected}, got {}",
            describe_error(&error, text, added_lines)
        )),
    }
}

/// The error's message with its position in the test file (`line:column`, 1-based, not
/// counting the line the strict mode adds).
fn describe_error(error: &engine::SyntaxError, text: &str, added_lines: usize) -> String {
    match line_column(text, error.span.start as usize) {
        Some((line, column)) if line > added_lines => {
            format!("{error} (at {}:{column})", line - added_lines)
        }
        _ => error.to_string(),
    }
}

/// The 1-based line and column (in characters) of a byte offset, if it is in the text.
fn line_column(text: &str, offset: usize) -> Option<(usize, usize)> {
    let before = text.get(..offset)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    Some((line, column))
}

thread_local! {
    /// The message and location of the last panic on this thread, recorded by the panic hook
    /// so the test's failure can say where the engine panicked.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Makes panics on worker threads quiet: the default panic hook prints to stderr, garbling the
/// progress bar and repeating what the report says; instead the panic is recorded for the
/// failing test's report. Panics elsewhere (the runner's own bugs) still go to the previous hook.
fn install_quiet_panic_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if rayon::current_thread_index().is_none() {
            previous(info);
            return;
        }
        let message = panic_message(info.payload());
        let message = match info.location() {
            Some(location) => format!("{message} at {location}"),
            None => message,
        };
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(message));
    }));
}

/// The text of a panic's payload (the `panic!` message), when it has one.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_string()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "(no message)".to_string()
    }
}

/// Keeps track of the test each worker is running, to name the ones that take too long.
#[derive(Default)]
struct Watchdog {
    /// Per worker thread: the test and mode it is running, when it started, and whether it
    /// has been reported as slow already.
    running: Mutex<HashMap<usize, (String, Mode, Instant, bool)>>,
}

impl Watchdog {
    /// Records that the current worker starts a test.
    fn started(&self, path: &str, mode: Mode) {
        if let (Some(worker), Ok(mut running)) =
            (rayon::current_thread_index(), self.running.lock())
        {
            running.insert(worker, (path.to_string(), mode, Instant::now(), false));
        }
    }

    /// Records that the current worker finished its test.
    fn finished(&self) {
        if let (Some(worker), Ok(mut running)) =
            (rayon::current_thread_index(), self.running.lock())
        {
            running.remove(&worker);
        }
    }

    /// Every second until `stop` says so, names the tests running for longer than
    /// [`SLOW_TEST`] (once each).
    fn watch(&self, stop: &mpsc::Receiver<()>, progress: &ProgressBar) {
        while let Err(mpsc::RecvTimeoutError::Timeout) = stop.recv_timeout(Duration::from_secs(1)) {
            let Ok(mut running) = self.running.lock() else {
                return;
            };
            for (path, mode, start, reported) in running.values_mut() {
                if !*reported && start.elapsed() >= SLOW_TEST {
                    *reported = true;
                    let seconds = start.elapsed().as_secs();
                    progress.suspend(|| {
                        eprintln!("still running after {seconds}s: {path} ({mode})");
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_follow_flags() {
        let flags = |f: fn(&mut Flags)| {
            let mut flags = Flags::default();
            f(&mut flags);
            flags
        };
        assert_eq!(modes(&Flags::default()), &[Mode::Sloppy, Mode::Strict]);
        assert_eq!(modes(&flags(|f| f.only_strict = true)), &[Mode::Strict]);
        assert_eq!(modes(&flags(|f| f.no_strict = true)), &[Mode::Sloppy]);
        assert_eq!(modes(&flags(|f| f.raw = true)), &[Mode::Sloppy]);
    }

    #[test]
    fn parse_verdicts() {
        use engine::ast::Span;
        let error = || {
            Err(engine::SyntaxError::new(
                "Unexpected token",
                Span::new(23, 24),
            ))
        };
        let text = "\"use strict\";\nvar x;\n  )";
        assert_eq!(judge_parse(None, Ok(()), text, 1), Ok(()));
        assert_eq!(judge_parse(Some("SyntaxError"), error(), text, 1), Ok(()));
        assert_eq!(
            judge_parse(None, error(), text, 1),
            Err("SyntaxError: Unexpected token (at 2:3)".to_string())
        );
        assert_eq!(
            judge_parse(None, error(), text, 0),
            Err("SyntaxError: Unexpected token (at 3:3)".to_string())
        );
        assert_eq!(
            judge_parse(Some("SyntaxError"), Ok(()), text, 0),
            Err("expected SyntaxError, parsed fine".to_string())
        );
        assert_eq!(
            judge_parse(Some("ReferenceError"), error(), text, 0),
            Err("expected ReferenceError, got SyntaxError: Unexpected token (at 3:3)".to_string())
        );
    }

    #[test]
    fn panics_become_failures() {
        install_quiet_panic_hook();
        let pool = worker_pool(Some(1)).expect("thread pool");
        let failure = pool.install(|| catching_panics(|| panic!("boom {}", 42)));
        let failure = failure.expect("a panic is a failure");
        assert!(failure.starts_with("panic: boom 42 at "), "{failure}");
        assert!(failure.contains("run.rs"), "{failure}");
        // Outside the pool the default hook runs; the payload still gives the message.
        assert_eq!(
            catching_panics(|| panic!("plain")),
            Some("panic: plain".to_string())
        );
        assert_eq!(
            catching_panics(|| Err("no".to_string())),
            Some("no".to_string())
        );
        assert_eq!(catching_panics(|| Ok(())), None);
    }

    #[test]
    fn line_columns() {
        assert_eq!(line_column("ab\ncd", 0), Some((1, 1)));
        assert_eq!(line_column("ab\ncd", 4), Some((2, 2)));
        assert_eq!(line_column("é\nx", 1), None);
        assert_eq!(line_column("ab", 9), None);
    }
}
