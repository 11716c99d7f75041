//! The REPL's line editor on a terminal: `rustyline` on a thread of its own. The loop asks it
//! for a line (`Command::Read` with the prompt); it reads one, with line editing, history
//! (kept in a file across sessions), reverse search and Tab completion, and sends the loop
//! what happened. Completion asks the loop too, and waits for its answer: the candidates
//! come from the live objects, which only the loop's thread may touch.
//!
//! While the editor runs, what the script writes to stdout goes through rustyline's external
//! printer, which prints it above the line being edited (a timer that fires while the user
//! types does not garble the line).

use crate::event_loop::host::{Inbox, Message};
use crate::event_loop::stdio;
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::FileHistory;
use rustyline::validate::Validator;
use rustyline::{
    Cmd, CompletionType, ConditionalEventHandler, Config, Context, Event, EventContext,
    EventHandler, ExternalPrinter, KeyEvent, RepeatCount,
};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How many lines the history file keeps.
const HISTORY_SIZE: usize = 1000;
/// How long a Tab waits for the loop's candidates (the loop may be busy in a computation).
const COMPLETION_WAIT: Duration = Duration::from_secs(3);

/// What the loop asks the editor's thread.
pub enum Command {
    /// Read a line, showing this prompt.
    Read(String),
    Stop,
}

/// The text before the cursor that the candidates replace, and the candidates.
pub type Completions = (String, Vec<String>);

/// What the editor's thread tells the loop.
pub enum EditorEvent {
    /// A line, without its newline.
    Line(String),
    /// Ctrl-C; `empty` when the line was empty.
    Interrupted { empty: bool },
    /// Ctrl-D on an empty line (or the terminal is gone).
    Eof,
    /// Tab: which completions for the line up to the cursor? The answer goes to `reply`.
    Complete {
        before: String,
        reply: Sender<Completions>,
    },
}

/// Starts the editor's thread; gives the sender of its commands.
pub fn start(history: Option<PathBuf>, inbox: Inbox) -> Option<Sender<Command>> {
    let (commands, receiver) = mpsc::channel();
    save_terminal();
    std::thread::Builder::new()
        .name("line editor".to_string())
        .spawn(move || run(history, inbox, receiver))
        .ok()?;
    Some(commands)
}

fn run(history: Option<PathBuf>, inbox: Inbox, commands: Receiver<Command>) {
    let send = |event| inbox.send(Message::Editor(event));
    let config = Config::builder()
        .max_history_size(HISTORY_SIZE)
        .and_then(|c| c.history_ignore_dups(true))
        .map(|c| {
            c.auto_add_history(false)
                .completion_type(CompletionType::List)
                .build()
        });
    let editor = config.and_then(rustyline::Editor::<Helper, FileHistory>::with_config);
    let mut editor = match editor {
        Ok(editor) => editor,
        Err(error) => {
            crate::output::stderr(&format!(
                "node-repl: cannot start the line editor: {error}\n"
            ));
            send(EditorEvent::Eof);
            return;
        }
    };
    editor.set_helper(Some(Helper {
        inbox: inbox.clone(),
    }));
    // Ctrl-C interrupts the line either way; the loop needs to know whether it was empty
    // (twice on an empty line exits).
    let empty = Arc::new(AtomicBool::new(false));
    editor.bind_sequence(
        KeyEvent::ctrl('C'),
        EventHandler::Conditional(Box::new(CtrlC(empty.clone()))),
    );
    if let Some(path) = &history {
        // A missing or unreadable file is an empty history.
        let _ = editor.load_history(path);
    }
    if let Ok(printer) = editor.create_external_printer() {
        divert_stdout(printer);
    }
    for command in commands {
        let prompt = match command {
            Command::Read(prompt) => prompt,
            Command::Stop => break,
        };
        match editor.readline(&prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                    if let Some(path) = &history {
                        // Saved at each line: the process may end at any moment (a timer's
                        // process.exit()), and the next session wants this one's lines.
                        let _ = editor.save_history(path);
                    }
                }
                send(EditorEvent::Line(line));
            }
            Err(ReadlineError::Interrupted) => send(EditorEvent::Interrupted {
                empty: empty.load(Ordering::SeqCst),
            }),
            Err(_) => send(EditorEvent::Eof),
        }
    }
}

/// Routes stdout through the editor's printer (see the module's comment).
fn divert_stdout(printer: impl ExternalPrinter + Send + 'static) {
    let printer = Mutex::new(printer);
    stdio::divert(Some(Box::new(move |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes).into_owned();
        match printer.lock() {
            Ok(mut printer) => printer.print(text).is_ok(),
            Err(_) => false,
        }
    })));
}

/// Stdout goes straight to the terminal again.
pub fn stop_diverting() {
    stdio::divert(None);
}

struct CtrlC(Arc<AtomicBool>);

impl ConditionalEventHandler for CtrlC {
    fn handle(
        &self,
        _event: &Event,
        _count: RepeatCount,
        _positive: bool,
        context: &EventContext,
    ) -> Option<Cmd> {
        self.0.store(context.line().is_empty(), Ordering::SeqCst);
        Some(Cmd::Interrupt)
    }
}

/// What rustyline calls for completions: it asks the loop.
struct Helper {
    inbox: Inbox,
}

impl Completer for Helper {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _context: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let before = line.get(..pos).unwrap_or(line);
        let (reply, answer) = mpsc::channel();
        self.inbox.send(Message::Editor(EditorEvent::Complete {
            before: before.to_string(),
            reply,
        }));
        let Ok((word, candidates)) = answer.recv_timeout(COMPLETION_WAIT) else {
            return Ok((pos, Vec::new()));
        };
        match before.strip_suffix(word.as_str()) {
            Some(rest) => Ok((rest.len(), candidates)),
            None => Ok((pos, Vec::new())),
        }
    }
}

impl Hinter for Helper {
    type Hint = String;
}
impl Highlighter for Helper {}
impl Validator for Helper {}
impl rustyline::Helper for Helper {}

/// The terminal's settings before the editor started, to put back if the process exits while
/// the editor has the terminal in raw mode (rustyline restores them itself when a read ends).
static SAVED: Mutex<Option<nix::sys::termios::Termios>> = Mutex::new(None);

fn save_terminal() {
    if let Ok(termios) = nix::sys::termios::tcgetattr(std::io::stdin()) {
        if let Ok(mut saved) = SAVED.lock() {
            *saved = Some(termios);
        }
    }
}

/// Puts the terminal back as it was before the line editor started (when it did): called on
/// every way out of the process.
pub fn restore_terminal() {
    let saved = SAVED.lock().ok().and_then(|saved| saved.clone());
    if let Some(termios) = saved {
        let _ = nix::sys::termios::tcsetattr(
            std::io::stdin(),
            nix::sys::termios::SetArg::TCSADRAIN,
            &termios,
        );
    }
}
