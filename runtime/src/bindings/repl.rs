//! The native half of stdlib/repl.js, as `process._binding("repl")`:
//!
//! - `parse(text)`: is the text typed so far a whole program, not yet one (the REPL waits for
//!   more lines), or wrong (a syntax error with its position)? And which names do its `var`
//!   statements and function declarations declare (the REPL puts them in its scope)?
//! - `isTerminal(fd)`.
//! - The line editor (`editorStart`, `editorRead`, `editorAnswer`, `editorStop`): when stdin
//!   is a terminal, `rustyline` reads lines on a thread of its own (editor.rs) and hands each
//!   complete line, Ctrl-C, Ctrl-D and each request for completions to the loop through its
//!   inbox, so the loop never blocks on the keyboard: timers fire and servers serve while
//!   the user types.

mod editor;

use super::{arg, natives_object, string_arg, NativeResult};
use crate::event_loop::host;
use crate::event_loop::EventLoop;
use engine::ast::{ForInTarget, ForInit, Stmt, StmtKind};
use engine::object::{Attributes, Object};
use engine::value::Value;
use engine::vm::{Ctx, Handle, Throw};
use std::io::IsTerminal;

pub use editor::{restore_terminal, EditorEvent};

/// The running line editor, as the loop's state keeps it.
pub struct Editor {
    /// `callback(kind, text, empty)` gets each event: "line", "interrupt", "eof", "complete".
    callback: Handle,
    commands: std::sync::mpsc::Sender<editor::Command>,
    /// Where the answer to the completion request being handled goes.
    reply: Option<std::sync::mpsc::Sender<editor::Completions>>,
}

/// The natives stdlib/repl.js is built on (`process._binding("repl")`).
pub fn make(ctx: Ctx<'_>) -> Object<'_> {
    natives_object(
        ctx,
        &[
            ("parse", parse, 1),
            ("isTerminal", is_terminal, 1),
            ("editorStart", editor_start, 2),
            ("editorRead", editor_read, 1),
            ("editorAnswer", editor_answer, 2),
            ("editorStop", editor_stop, 0),
        ],
    )
}

/// `parse(text)`: `null` when the text ends before the program does (an open brace, an
/// unfinished string continued with `\`, an unclosed comment: the REPL waits for more), or
/// `{vars: [...], functions: [...]}`, the names the program's `var` statements and its
/// function declarations declare. A real syntax error is thrown, a SyntaxError whose `stack`
/// shows the line and a caret under the offending text.
fn parse<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let text = string_arg(ctx, args, 0)?;
    let arena = bumpalo::Bump::new();
    let program = match engine::parse_program(text.as_str(), &arena) {
        Ok(program) => program,
        Err(error) if is_incomplete(&error, &text) => return Ok(Value::Null),
        Err(error) => {
            let realm = ctx.realm();
            let exception = realm.new_error(*ctx, realm.syntax_error_prototype, &error.message);
            let stack = ctx.string(&error.render(&text, "repl"));
            exception.set_own_value(ctx, realm.atoms.stack, stack, Attributes::HIDDEN);
            return Err(Throw(Value::Object(exception)));
        }
    };
    let mut vars = Vec::new();
    var_names(program.body, &mut vars);
    let functions = function_names(program.body);
    let result = Object::new(
        ctx,
        Some(ctx.realm().object_prototype),
        engine::object::Class::Object,
    );
    for (name, names) in [("vars", vars), ("functions", functions)] {
        let names = names.iter().map(|n| ctx.string(n)).collect::<Vec<_>>();
        let array = Value::Object(ctx.realm().new_array(*ctx, names));
        super::set_value(*ctx, result, name, array);
    }
    Ok(Value::Object(result))
}

/// Whether a syntax error only says the text stops too early: the error reaches the end of
/// the text ("Unexpected end of input", a string or comment still open there). An error
/// anywhere before the end is a real one, whatever follows could not mend it.
fn is_incomplete(error: &engine::SyntaxError, text: &str) -> bool {
    error.span.end as usize >= text.len() && !text.trim().is_empty()
}

/// The names of the functions `body` declares (at its top level: those in blocks are made
/// only if the block runs).
fn function_names(body: &[Stmt<'_>]) -> Vec<String> {
    body.iter()
        .filter_map(|stmt| match &stmt.kind {
            StmtKind::FunctionDecl(function) => function.name.map(|n| n.name.to_string()),
            _ => None,
        })
        .collect()
}

/// The names `var` declares in `body` (its statements and those nested in blocks, loops and
/// the like, not in functions), in order, each once.
fn var_names(body: &[Stmt<'_>], names: &mut Vec<String>) {
    for stmt in body {
        var_names_in(stmt, names);
    }
}

fn var_names_in(stmt: &Stmt<'_>, names: &mut Vec<String>) {
    let mut add = |name: &str| {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    };
    match &stmt.kind {
        StmtKind::Var(decls) => decls.iter().for_each(|d| add(d.name.name)),
        StmtKind::Block(body) => var_names(body, names),
        StmtKind::If {
            then, otherwise, ..
        } => {
            var_names_in(then, names);
            if let Some(otherwise) = otherwise {
                var_names_in(otherwise, names);
            }
        }
        StmtKind::DoWhile { body, .. }
        | StmtKind::While { body, .. }
        | StmtKind::With { body, .. }
        | StmtKind::Labeled { body, .. } => var_names_in(body, names),
        StmtKind::For { init, body, .. } => {
            if let Some(ForInit::Var(decls)) = init {
                decls.iter().for_each(|d| add(d.name.name));
            }
            var_names_in(body, names);
        }
        StmtKind::ForIn { target, body, .. } => {
            if let ForInTarget::Var(decl) = target {
                add(decl.name.name);
            }
            var_names_in(body, names);
        }
        StmtKind::Switch { cases, .. } => cases.iter().for_each(|c| var_names(c.body, names)),
        StmtKind::Try {
            block,
            handler,
            finalizer,
        } => {
            var_names(block, names);
            if let Some(handler) = handler {
                var_names(handler.body, names);
            }
            if let Some(finalizer) = finalizer {
                var_names(finalizer, names);
            }
        }
        _ => {}
    }
}

/// `isTerminal(fd)`: whether descriptor 0, 1 or 2 is a terminal.
fn is_terminal<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let fd = super::number_arg(ctx, args, 0)?;
    let terminal = match fd as i32 {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => false,
    };
    Ok(Value::Bool(terminal))
}

/// `editorStart(historyFile, callback)`: starts the line editor's thread (once), with the
/// history kept in `historyFile` (none when it is not a string). The loop stays alive until
/// `editorStop()`.
fn editor_start<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let history = match arg(args, 0) {
        Value::String(_) => Some(std::path::PathBuf::from(string_arg(ctx, args, 0)?)),
        _ => None,
    };
    let callback = arg(args, 1);
    if !callback.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error("editorStart: the callback must be a function"));
    }
    let host = host::of(ctx)?;
    if host.state.borrow().editor.is_some() {
        return Err(ctx.error(
            ctx.realm().error_prototype,
            "the line editor is already running",
        ));
    }
    let Some(commands) = editor::start(history, host.inbox.clone()) else {
        return Err(ctx.error(ctx.realm().error_prototype, "cannot start the line editor"));
    };
    host.state.borrow_mut().editor = Some(Editor {
        callback: ctx.stash(callback),
        commands,
        reply: None,
    });
    Ok(Value::Undefined)
}

/// `editorRead(prompt)`: the editor reads the next line, showing `prompt`. What the script
/// wrote so far is on the terminal first, so the prompt comes after it.
fn editor_read<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let prompt = string_arg(ctx, args, 0)?;
    let host = host::of(ctx)?;
    host.stdout.borrow_mut().sync();
    if let Some(editor) = &host.state.borrow().editor {
        // Fails only when the thread is gone, and then it has already said so (an "eof").
        let _ = editor.commands.send(editor::Command::Read(prompt));
    }
    Ok(Value::Undefined)
}

/// `editorAnswer(word, candidates)`: the answer to the "complete" event being handled: the
/// text before the cursor that the candidates replace, and the candidates.
fn editor_answer<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let word = string_arg(ctx, args, 0)?;
    let list = arg(args, 1);
    let length = engine::vm::ops::get(*ctx, list, ctx.realm().atoms.length)?;
    let length = engine::vm::ops::to_number(*ctx, length)? as u32;
    let mut candidates = Vec::new();
    for i in 0..length.min(10_000) {
        let item = engine::vm::ops::get(*ctx, list, engine::object::PropertyKey::Index(i))?;
        candidates.push(engine::vm::ops::to_string(*ctx, item)?.to_rust_string(ctx));
    }
    let host = host::of(ctx)?;
    let reply = host
        .state
        .borrow_mut()
        .editor
        .as_mut()
        .and_then(|e| e.reply.take());
    if let Some(reply) = reply {
        let _ = reply.send((word, candidates));
    }
    Ok(Value::Undefined)
}

/// `editorStop()`: the editor's thread ends (the terminal back as it was) and no longer
/// keeps the loop alive.
fn editor_stop<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let host = host::of(ctx)?;
    host.stdout.borrow_mut().sync();
    let editor = host.state.borrow_mut().editor.take();
    if let Some(editor) = editor {
        editor.stop();
    }
    Ok(Value::Undefined)
}

impl Editor {
    fn stop(self) {
        let _ = self.commands.send(editor::Command::Stop);
        editor::stop_diverting();
    }
}

/// An event from the editor's thread, on the loop: the callback hears it.
pub fn deliver(event_loop: &mut EventLoop, event: EditorEvent) {
    let callback = {
        let mut state = event_loop.host.state.borrow_mut();
        let Some(editor) = state.editor.as_mut() else {
            return;
        };
        if let EditorEvent::Complete { reply, .. } = &event {
            editor.reply = Some(reply.clone());
        }
        editor.callback.clone()
    };
    let (kind, text, flag) = match event {
        EditorEvent::Line(line) => ("line", line, false),
        EditorEvent::Interrupted { empty } => ("interrupt", String::new(), empty),
        EditorEvent::Eof => ("eof", String::new(), false),
        EditorEvent::Complete { before, .. } => ("complete", before, false),
    };
    event_loop.make_call(crate::event_loop::io::Call {
        callback,
        this: None,
        args: Box::new(move |ctx| vec![ctx.string(kind), ctx.string(&text), Value::Bool(flag)]),
    });
    // A completion the callback did not answer gets none (the editor's thread stops waiting).
    if let Some(editor) = event_loop.host.state.borrow_mut().editor.as_mut() {
        editor.reply = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<(Vec<String>, Vec<String>), bool> {
        let arena = bumpalo::Bump::new();
        match engine::parse_program(text, &arena) {
            Ok(program) => {
                let mut vars = Vec::new();
                var_names(program.body, &mut vars);
                let functions = function_names(program.body);
                Ok((vars, functions))
            }
            Err(error) => Err(is_incomplete(&error, text)),
        }
    }

    #[test]
    fn input_that_stops_early_is_incomplete_and_other_errors_are_real() {
        for text in [
            "{\n",
            "function f() {\n",
            "var o = {\n  a: 1,\n",
            "\"one \\\n",
            "/* open\n",
            "if (x)\n",
            "Math.\n",
            "[1,\n",
        ] {
            assert_eq!(check(text), Err(true), "{text:?}");
        }
        for text in ["var = 3\n", "1 +* 2\n", "'open\n", "}\n", "a b\n"] {
            assert_eq!(check(text), Err(false), "{text:?}");
        }
    }

    #[test]
    fn finds_the_names_var_and_function_declarations_declare() {
        let text = "var a = 1, b; for (var i = 0;;) { var c; } for (var k in o) {} \
                    if (x) { var d } else try { var e } catch (x) { var f } \
                    function g() { var hidden; } var a;\n";
        let (vars, functions) = check(text).expect("parses");
        assert_eq!(vars, ["a", "b", "i", "c", "k", "d", "e", "f"]);
        assert_eq!(functions, ["g"]);
    }
}
