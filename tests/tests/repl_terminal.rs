//! `node-repl` on a real terminal: tmux runs it in a pane of a fixed size, `send-keys` types,
//! `capture-pane` reads the screen. The prompt, line editing, history across two sessions,
//! reverse search, Tab completion, Ctrl-C and Ctrl-D; and the loop going on while the user
//! types. Every wait polls the screen with a generous limit (the machine may be loaded).

use integration::{node_bin, TempDir};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(60);

/// A tmux server of the test's own (its own socket), running `node-repl` in one pane.
struct Terminal {
    socket: PathBuf,
}

impl Terminal {
    /// Starts `node-repl` in a 100x40 pane, with HOME at `home`, and waits for its prompt.
    fn start(dir: &TempDir, home: &Path) -> Terminal {
        Terminal::start_with(dir, home, "")
    }

    /// [`Terminal::start`], with `after` run by the shell once node-repl has exited.
    fn start_with(dir: &TempDir, home: &Path, after: &str) -> Terminal {
        let socket = dir.path().join(format!("tmux-{}", unique()));
        let repl = node_bin().with_file_name("node-repl");
        let command = format!(
            "env HOME='{}' TERM=xterm-256color '{}'; {after}",
            home.display(),
            repl.display()
        );
        let terminal = Terminal { socket };
        let started = terminal.tmux(&[
            "new-session",
            "-d",
            "-s",
            "repl",
            "-x",
            "100",
            "-y",
            "40",
            &command,
        ]);
        assert!(
            started.status.success(),
            "tmux cannot start: {}",
            String::from_utf8_lossy(&started.stderr)
        );
        terminal.wait_screen("the prompt", |s| s.lines().any(|l| l.starts_with("node>")));
        terminal
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is installed (.ci/run installs it)")
    }

    /// Types `text` as it is.
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "repl", "-l", text]);
    }

    /// Presses keys by tmux's names ("Enter", "C-a", "Tab", "Up").
    fn press(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "repl", key]);
        }
    }

    /// Types a line and presses Enter.
    fn enter(&self, line: &str) {
        self.type_text(line);
        self.press(&["Enter"]);
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "repl"]).stdout)
            .into_owned()
    }

    /// The screen with its colours, as escape sequences.
    fn screen_with_colours(&self) -> String {
        let args = ["capture-pane", "-p", "-e", "-t", "repl"];
        String::from_utf8_lossy(&self.tmux(&args).stdout).into_owned()
    }

    /// The screen's lines, without trailing blanks and empty lines at the end.
    fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .screen()
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect();
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        lines
    }

    /// Waits until the screen satisfies `ready`.
    fn wait_screen(&self, what: &str, ready: impl Fn(&str) -> bool) {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return;
            }
            assert!(
                started.elapsed() < LIMIT,
                "the screen never showed {what}:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the last line of the screen is `line`.
    fn wait_last_line(&self, line: &str) {
        let started = Instant::now();
        loop {
            let lines = self.lines();
            if lines.last().is_some_and(|l| l == line) {
                return;
            }
            assert!(
                started.elapsed() < LIMIT,
                "the last line never became {line:?}:\n{}",
                lines.join("\n")
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until a line of the screen is `line`.
    fn wait_line(&self, line: &str) {
        self.wait_screen(&format!("the line {line:?}"), |screen| {
            screen.lines().any(|l| l.trim_end() == line)
        });
    }

    /// Types `line`, presses Enter, and waits until `result` is the line after it.
    fn evaluate(&self, line: &str, result: &str) {
        self.enter(line);
        let typed = format!("node> {line}");
        self.wait_screen(&format!("{result:?} after {typed:?}"), |screen| {
            let lines: Vec<&str> = screen.lines().map(str::trim_end).collect();
            lines
                .windows(2)
                .any(|pair| pair[0] == typed && pair[1] == result)
        });
        self.wait_last_line("node>");
    }

    fn alive(&self) -> bool {
        self.tmux(&["has-session", "-t", "repl"]).status.success()
    }

    /// Waits until node-repl has exited (tmux closes the pane, and the session with it).
    fn wait_exit(&self) {
        let started = Instant::now();
        while self.alive() {
            assert!(
                started.elapsed() < LIMIT,
                "node-repl did not exit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

fn unique() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

#[test]
fn the_prompt_and_line_editing() {
    let dir = TempDir::new("repl-term-edit");
    let term = Terminal::start(&dir, dir.path());
    assert!(term.screen().starts_with("Welcome to the Node.js REPL.\n"));
    term.evaluate("1 + 2", "3");
    // On a terminal, values are coloured: a number yellow, a string green.
    term.evaluate("'green'", "\"green\"");
    let coloured = term.screen_with_colours();
    assert!(coloured.contains("\u{1b}[33m3"), "{coloured:?}");
    assert!(coloured.contains("\u{1b}[32m\"green\""), "{coloured:?}");

    // Ctrl-A goes to the start of the line, Ctrl-E to its end.
    term.type_text("1 + 2");
    term.press(&["C-a"]);
    term.type_text("10 * ");
    term.press(&["C-e"]);
    term.type_text(" + 0");
    term.wait_last_line("node> 10 * 1 + 2 + 0");
    term.press(&["Enter"]);
    term.wait_line("12");
    term.wait_last_line("node>");

    // Ctrl-W deletes the word before the cursor, Ctrl-U the line before it, Ctrl-K after it.
    term.type_text("6 * 7 wrong");
    term.press(&["C-w"]);
    term.wait_last_line("node> 6 * 7");
    term.press(&["Enter"]);
    term.wait_line("42");
    term.wait_last_line("node>");
    term.type_text("all of this");
    term.press(&["C-u"]);
    term.type_text("5 - 1; tail");
    term.press(&["Left", "Left", "Left", "Left", "Left", "C-k"]);
    term.wait_last_line("node> 5 - 1;");
    term.press(&["Enter"]);
    term.wait_line("4");
    term.wait_last_line("node>");

    // Word motions: Alt-B goes back a word.
    term.type_text("2 * 3 + 4");
    term.press(&["M-b", "M-b"]);
    term.type_text("(");
    term.press(&["C-e"]);
    term.type_text(")");
    term.wait_last_line("node> 2 * (3 + 4)");
    term.press(&["Enter"]);
    term.wait_line("14");
    term.wait_last_line("node>");

    // A continued input gets the continuation prompt.
    term.enter("function twice(n) {");
    term.wait_last_line("...");
    term.enter("  return 2 * n; }");
    term.wait_last_line("node>");
    term.evaluate("twice(21)", "42");
}

#[test]
fn the_loop_runs_while_the_user_types() {
    let dir = TempDir::new("repl-term-loop");
    let term = Terminal::start(&dir, dir.path());
    term.enter("setTimeout(function () { puts('tick'); }, 500); 0");
    term.wait_last_line("node>");
    // Half a line typed when the timer prints: its text goes above the line being edited,
    // which stays as it was.
    term.type_text("'half a line");
    term.wait_line("tick");
    term.wait_last_line("node> 'half a line");
    term.type_text("'");
    term.press(&["Enter"]);
    term.wait_line("\"half a line\"");

    // An exception from a timer set at the prompt: its stack is printed, the REPL goes on.
    term.enter("setTimeout(function () { throw new Error('from a timer'); }, 100); 1");
    term.wait_line("Error: from a timer");
    term.evaluate("'alive'", "\"alive\"");
}

#[test]
fn tab_completes_names_properties_and_keywords() {
    let dir = TempDir::new("repl-term-tab");
    let term = Terminal::start(&dir, dir.path());

    // A global.
    term.type_text("setTimeo");
    term.press(&["Tab"]);
    term.wait_last_line("node> setTimeout");
    term.press(&["C-u"]);

    // A name of the REPL's scope, then a property after the dot.
    term.enter("var completeMe = {alpha: 1, alphabet: 2}");
    term.wait_last_line("node>");
    term.type_text("completeM");
    term.press(&["Tab"]);
    term.wait_last_line("node> completeMe");
    term.type_text(".alphab");
    term.press(&["Tab"]);
    term.wait_last_line("node> completeMe.alphabet");
    term.press(&["Enter"]);
    term.wait_line("2");
    term.wait_last_line("node>");

    // Ambiguous: a second Tab lists the candidates, inherited ones too (Object.prototype's).
    term.type_text("completeMe.");
    term.press(&["Tab", "Tab"]);
    term.wait_screen("the candidates", |s| {
        s.contains("alphabet") && s.contains("hasOwnProperty")
    });
    term.press(&["C-u"]);

    // Methods up the prototype chain of a live object.
    term.enter("var list = [3, 1, 2]");
    term.wait_last_line("node>");
    term.type_text("list.sor");
    term.press(&["Tab"]);
    term.wait_last_line("node> list.sort");
    term.type_text("()");
    term.press(&["Enter"]);
    term.wait_screen("the sorted list", |s| s.contains("[\n 1,\n 2,\n 3\n]"));
    term.wait_last_line("node>");

    // A getter is never run to complete what follows it.
    term.enter("var hits = 0, g = {}; g.__defineGetter__('lazy', function () { hits++; return {inner: 1}; }); 0");
    term.wait_last_line("node>");
    term.type_text("g.la");
    term.press(&["Tab"]);
    term.wait_last_line("node> g.lazy");
    term.type_text(".in");
    term.press(&["Tab", "Tab"]);
    std::thread::sleep(Duration::from_millis(300));
    term.press(&["C-u"]);
    term.evaluate("hits", "0");

    // The REPL's keywords.
    term.type_text(".he");
    term.press(&["Tab"]);
    term.wait_last_line("node> .help");
    term.press(&["Enter"]);
    term.wait_line(".exit\tExit the prompt".replace('\t', "   ").as_str());
}

#[test]
fn history_is_kept_across_sessions_and_searched_with_ctrl_r() {
    let dir = TempDir::new("repl-term-history");
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).expect("a home");
    {
        let term = Terminal::start(&dir, &home);
        term.evaluate("var remembered = 123", "node>");
        term.evaluate("'second line'", "\"second line\"");
        // Ctrl-D on an empty line exits.
        term.press(&["C-d"]);
        term.wait_exit();
    }
    let history = std::fs::read_to_string(home.join(".node_repl_history")).expect("a history");
    assert!(history.contains("var remembered = 123"), "{history}");

    let term = Terminal::start(&dir, &home);
    // Up brings back the last line of the last session.
    term.press(&["Up"]);
    term.wait_last_line("node> 'second line'");
    term.press(&["C-u"]);
    // Ctrl-R searches back.
    term.press(&["C-r"]);
    term.type_text("remem");
    term.wait_screen("the line found", |s| s.contains("var remembered = 123"));
    term.press(&["Enter"]);
    term.wait_last_line("node>");
    term.evaluate("remembered", "123");
}

#[test]
fn ctrl_c_clears_the_line_and_twice_on_an_empty_line_exits() {
    let dir = TempDir::new("repl-term-ctrl-c");
    let term = Terminal::start(&dir, dir.path());
    term.type_text("'not wanted");
    term.press(&["C-c"]);
    term.wait_last_line("node>");
    assert!(term.alive());
    // A continued input is dropped too.
    term.enter("{");
    term.wait_last_line("...");
    term.press(&["C-c"]);
    term.wait_last_line("node>");
    term.evaluate("'still here'", "\"still here\"");
    term.press(&["C-c"]);
    term.wait_line("(To exit, press Ctrl+C again or Ctrl+D or type .exit)");
    assert!(term.alive());
    term.press(&["C-c"]);
    term.wait_exit();
}

#[test]
fn dot_exit_and_ctrl_d_exit() {
    let dir = TempDir::new("repl-term-exit");
    let term = Terminal::start(&dir, dir.path());
    term.enter(".exit");
    term.wait_exit();
    let term = Terminal::start(&dir, dir.path());
    // Ctrl-D on a line that is not empty deletes a character instead.
    term.type_text("12");
    term.press(&["Left", "C-d"]);
    term.wait_last_line("node> 1");
    term.press(&["C-u", "C-d"]);
    term.wait_exit();
}

/// A process that exits while the editor has the terminal in raw mode (a timer calling
/// process.exit() while the user types) gives the terminal back as it found it.
#[test]
fn the_terminal_is_restored_when_a_timer_exits_mid_line() {
    let dir = TempDir::new("repl-term-restore");
    let settings = dir.path().join("stty.txt");
    let term = Terminal::start_with(
        &dir,
        dir.path(),
        &format!("stty -a > '{}'", settings.display()),
    );
    term.enter("setTimeout(function () { process.exit(3); }, 300); 0");
    term.type_text("'typing when the timer fires");
    term.wait_exit();
    let stty = std::fs::read_to_string(&settings).expect("the shell ran stty after node-repl");
    let flags: Vec<&str> = stty.split_whitespace().collect();
    for flag in ["icanon", "echo", "isig", "icrnl"] {
        assert!(
            flags.contains(&flag),
            "{flag} is off after node-repl:\n{stty}"
        );
    }
}
