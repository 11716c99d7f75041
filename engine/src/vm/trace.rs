//! Watching the engine run, for readers of its source: `--trace-exec` (every instruction
//! executed), `--trace-ic` (the inline caches' state changes), `--stats` (counts at exit)
//! and, with `shapes.rs` beside it, `--dump-shapes` (the shape trees at exit).
//!
//! None of it costs anything when it is off: the dispatch loop has no test for it. Instead,
//! an engine made with tracing on (see [`request`]) puts a `Trace` instruction before every
//! instruction of the code it loads (`interleave`: jump targets, handlers and positions
//! moved to match), and the loop's arm for `Trace` calls `Executor::trace_instruction`.
//! Code loaded without tracing has no `Trace` in it, so the loop runs exactly as it does
//! without this module. Everything the tracer counts, it counts there, except allocations
//! (counted where objects, strings and environments are made: one increment of a thread-local
//! counter, see [`count_allocation`]) and collections (counted by the engine between slices,
//! where it already measures them for `--trace-gc`).
//!
//! An instruction's line needs the operand stack *after* it, so it is written at the next
//! `Trace` of the same run, or when the run ends or throws: each run of the loop (the
//! engine's, and each nested one a native starts) keeps one instruction waiting.

use super::cache::{SiteEntry, SiteKind};
use super::executor::{Executor, RunState};
use super::{Code, Ctx, Throw};
use crate::bytecode::{Constant, FunctionProto, Op};
use crate::object::{Class, Object, PropertyKey, Slot};
use crate::source::SourceText;
use crate::value::Value;
use rustc_hash::FxHashMap;
use std::cell::{Cell, RefCell};
use std::fmt::Write as _;
use std::io::Write as _;
use std::rc::Rc;
use std::time::Duration;

/// What to show of the engine's work.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TraceOptions {
    /// `--trace-exec`: every instruction (`Some(None)`), or those of the functions with this
    /// name (`Some(Some(name))`).
    pub exec: Option<Option<String>>,
    /// `--trace-ic`: each inline-cache site's state changes.
    pub ic: bool,
    /// `--stats`: counts at exit.
    pub stats: bool,
    /// `--dump-shapes`: the shape transition trees at exit.
    pub shapes: bool,
}

impl TraceOptions {
    /// Whether any of them is asked for. (Each needs the traced copy of the loop:
    /// `--dump-shapes` to keep the prototypes whose objects the caches saw.)
    pub fn any(&self) -> bool {
        self.exec.is_some() || self.ic || self.stats || self.shapes
    }
}

/// The tracer: the options and everything seen so far. Shared by the engine (which tells it
/// about collections) and the heap's root (where the interpreter finds it).
pub struct Tracer {
    options: TraceOptions,
    state: RefCell<State>,
    /// The allocation counters when tracing began (see [`count_allocation`]).
    allocations_before: [u64; ALLOCATION_KINDS],
    /// [`report`] has run for this tracer.
    reported: Cell<bool>,
}

#[derive(Default)]
struct State {
    /// The instruction of each run of the loop in progress whose line waits for the stack
    /// after it (the innermost run last).
    waiting: Vec<Option<Waiting>>,
    /// Lines not yet written to stderr.
    out: String,
    /// Where the lines of each source text start (by the text's address; the `Rc` keeps the
    /// address from being reused).
    lines: FxHashMap<usize, (Rc<SourceText>, Vec<usize>)>,
    instructions: u64,
    by_opcode: FxHashMap<&'static str, u64>,
    calls_to_javascript: u64,
    calls_to_natives: u64,
    ic_hits: u64,
    ic_misses: u64,
    /// What each inline-cache site has seen, by the code's address and the site's number.
    sites: FxHashMap<(usize, u16), Vec<u64>>,
    collections: u64,
    pause: Duration,
    peak_objects: usize,
    /// For `--dump-shapes`: the prototypes of the objects the caches saw (kept alive, so
    /// that their trees can be shown at exit), and their addresses.
    prototypes: Vec<super::Handle>,
    prototype_addresses: rustc_hash::FxHashSet<usize>,
}

/// An instruction that ran, whose line and cache report wait for what came after it.
struct Waiting {
    /// How many frames the executor had when it ran (its frame is the last of them).
    depth: usize,
    /// The code's address: its frame is still the one at `depth` if this still matches.
    code: usize,
    op: Op,
    /// The start of its `--trace-exec` line, when it is shown.
    line: Option<String>,
    /// What its inline-cache site held before it ran.
    site: Option<Probe>,
}

struct Probe {
    ic: u16,
    pc: usize,
    before: SiteEntry,
    /// Whether the access hit, when that could be told before it ran (a receiver with a
    /// shape); `None` when only an unchanged site after it tells (a receiver in dictionary
    /// mode, whose remembered slot is checked by name).
    hit: Option<bool>,
}

/// How the run of the loop went on after the waiting instruction.
enum After<'gc> {
    /// The next instruction of the same run starts, or the slice ended (fuel, suspension):
    /// the executor shows the state after the instruction.
    Next,
    /// The instruction threw this.
    Threw(Value<'gc>),
    /// The instruction returned this from the run's bottom frame.
    Done(Value<'gc>),
}

/// Above this many bytes of trace, the lines go out even in the middle of a slice.
const FLUSH_AT: usize = 64 * 1024;

/// A site that has seen more receiver layouts than this is megamorphic (as V8 counts).
const POLYMORPHIC_MAX: usize = 4;

impl Tracer {
    pub(super) fn new(options: TraceOptions) -> Tracer {
        Tracer {
            options,
            state: RefCell::default(),
            allocations_before: allocation_counts(),
            reported: Cell::new(false),
        }
    }

    /// The engine saw `objects` live objects between slices.
    pub(super) fn heap_sampled(&self, objects: usize) {
        let mut state = self.state.borrow_mut();
        state.peak_objects = state.peak_objects.max(objects);
    }

    /// A collection cycle ended, after `pause` spent in it.
    pub(super) fn collected(&self, pause: Duration) {
        let mut state = self.state.borrow_mut();
        state.collections += 1;
        state.pause += pause;
    }

    /// Whether `--trace-exec` shows the instructions of `code`.
    fn shows(&self, code: &Code<'_>) -> bool {
        match &self.options.exec {
            None => false,
            Some(None) => true,
            Some(Some(name)) => code.proto.name == *name,
        }
    }
}

impl<'gc> Executor<'gc> {
    /// [`Executor::run`] with tracing on: each run of the loop (the engine's, and each nested
    /// one a native starts) keeps its own instruction waiting, and the one left waiting when
    /// the run ends gets its line then.
    #[cold]
    #[inline(never)]
    pub(super) fn run_traced(&mut self, ctx: Ctx<'gc>, fuel: i64) -> RunState<'gc> {
        let Some(tracer) = ctx.root.tracer() else {
            return self.run_steps(ctx, fuel);
        };
        tracer.state.borrow_mut().waiting.push(None);
        let result = self.run_steps(ctx, fuel);
        let mut state = tracer.state.borrow_mut();
        if let Some(waiting) = state.waiting.pop().flatten() {
            let after = match &result {
                RunState::Finished(Err(throw)) => After::Threw(throw.0),
                RunState::Finished(Ok(value)) => After::Done(*value),
                _ => After::Next,
            };
            self.finish(ctx, tracer, &mut state, waiting, after);
        }
        state.flush();
        result
    }

    /// With tracing on, the instruction waiting in this run threw `throw` (before the handler,
    /// if any, runs).
    #[cold]
    #[inline(never)]
    pub(super) fn trace_threw(&mut self, ctx: Ctx<'gc>, throw: Throw<'gc>) {
        let Some(tracer) = ctx.root.tracer() else {
            return;
        };
        let mut state = tracer.state.borrow_mut();
        if let Some(waiting) = state.waiting.last_mut().and_then(Option::take) {
            self.finish(ctx, tracer, &mut state, waiting, After::Threw(throw.0));
        }
    }

    /// The `Trace` instruction: the instruction at `pc` of the top frame is about to run.
    /// Finishes the line of the one before it, counts this one, and leaves it waiting.
    #[cold]
    #[inline(never)]
    pub(super) fn trace_instruction(&mut self, ctx: Ctx<'gc>, pc: usize) {
        let Some(tracer) = ctx.root.tracer() else {
            return;
        };
        let mut state = tracer.state.borrow_mut();
        if state.waiting.is_empty() {
            state.waiting.push(None);
        }
        if let Some(waiting) = state.waiting.last_mut().and_then(Option::take) {
            self.finish(ctx, tracer, &mut state, waiting, After::Next);
        }
        let Some(frame) = self.frames.last() else {
            return;
        };
        let code = frame.code;
        let Some(&op) = code.proto.code.get(pc) else {
            return;
        };
        state.instructions += 1;
        *state.by_opcode.entry(op.name()).or_default() += 1;
        let line = tracer
            .shows(&code)
            .then(|| state.line_start(&code, pc, &op));
        let used = self.cache_use(ctx, op);
        let site = used.and_then(|used| Self::probe(&code, pc, used));
        if let (true, Some((_, receiver, _))) = (tracer.options.shapes, used) {
            state.keep_prototype(ctx, receiver);
        }
        // A native called next may write to stderr itself: what came before goes out first.
        if is_call(op) || state.out.len() >= FLUSH_AT {
            state.flush();
        }
        let waiting = Waiting {
            depth: self.frames.len(),
            code: code_address(&code),
            op,
            line,
            site,
        };
        if let Some(slot) = state.waiting.last_mut() {
            *slot = Some(waiting);
        }
    }

    /// The inline-cache site of `op` about to run, the object it is used for (only objects
    /// go through the caches), and whether it is a store.
    fn cache_use(&self, ctx: Ctx<'gc>, op: Op) -> Option<(u16, Object<'gc>, bool)> {
        let below = |n: usize| {
            let len = self.stack.len();
            (len > n).then(|| self.stack[len - 1 - n])
        };
        let (ic, receiver, store) = match op {
            Op::GetProp { ic, .. } => (ic, below(0)?, false),
            Op::SetProp { ic, .. } | Op::PutProp { ic, .. } | Op::InitProp { ic, .. } => {
                (ic, below(1)?, true)
            }
            Op::GetGlobal { ic, .. } => (ic, Value::Object(ctx.realm().global), false),
            Op::SetGlobal { ic, .. } | Op::PutGlobal { ic, .. } => {
                (ic, Value::Object(ctx.realm().global), true)
            }
            _ => return None,
        };
        Some((ic, receiver.as_object()?, store))
    }

    /// What the inline-cache site `ic` (of `op` at `pc` of `code`) holds before `receiver`
    /// uses it, and whether that is a hit.
    fn probe(
        code: &Code<'gc>,
        pc: usize,
        (ic, receiver, store): (u16, Object<'gc>, bool),
    ) -> Option<Probe> {
        let before = code.caches.site(ic)?;
        let layout = receiver.borrow().layout_id();
        let hit = (layout != 0).then(|| code.caches.would_hit(ic, layout, store));
        Some(Probe {
            ic,
            pc,
            before,
            hit,
        })
    }

    /// Writes the line of `waiting`, now that what followed it is known, and what its inline
    /// cache did.
    fn finish(
        &self,
        ctx: Ctx<'gc>,
        tracer: &Tracer,
        state: &mut State,
        waiting: Waiting,
        after: After<'gc>,
    ) {
        let entered = self.frames.len() > waiting.depth;
        if is_call(waiting.op) && matches!(after, After::Next) {
            match entered {
                true => state.calls_to_javascript += 1,
                false => state.calls_to_natives += 1,
            }
        }
        if let Some(line) = &waiting.line {
            let shown = match after {
                After::Threw(value) => format!("throws {}", describe(ctx, value)),
                After::Done(value) => format!("returns {}", describe(ctx, value)),
                After::Next if entered => match self.frames.last() {
                    Some(frame) => format!("enters {}", function_name(&frame.code.proto)),
                    None => String::from("-"),
                },
                After::Next => self.operand_top(ctx),
            };
            let _ = writeln!(state.out, "{line}  -> {shown}");
        }
        let Some(probe) = waiting.site else {
            return;
        };
        // The site's frame is still the top one unless the instruction threw.
        let Some(frame) = self.frames.get(waiting.depth.wrapping_sub(1)) else {
            return;
        };
        if matches!(after, After::Threw(_)) || code_address(&frame.code) != waiting.code {
            return;
        }
        let code = frame.code;
        let Some(now) = code.caches.site(probe.ic) else {
            return;
        };
        let changed = now != probe.before;
        match probe.hit.unwrap_or(!changed) {
            true => state.ic_hits += 1,
            false => state.ic_misses += 1,
        }
        if changed {
            let report = state.site_changed(waiting.code, probe.ic, now.layout);
            if let (true, Some((from, to, seen))) = (tracer.options.ic, report) {
                let place = state.place(&code, probe.pc);
                let name = site_name(&code.proto, waiting.op);
                let shapes = seen.iter().map(|&l| layout_name(l)).collect::<Vec<_>>();
                let _ = writeln!(
                    state.out,
                    "[ic] {place} {name}: {from} -> {to} (shapes {}): {}",
                    shapes.join(", "),
                    entry_name(now),
                );
            }
        }
    }

    /// The top of the top frame's operand stack, described; `-` when it is empty.
    fn operand_top(&self, ctx: Ctx<'gc>) -> String {
        let Some(frame) = self.frames.last() else {
            return String::from("-");
        };
        let operands = frame.base + frame.code.proto.register_count as usize;
        match self.stack.last() {
            Some(&value) if self.stack.len() > operands => describe(ctx, value),
            _ => String::from("-"),
        }
    }
}

impl State {
    /// Keeps the prototype of `object` for `--dump-shapes`.
    fn keep_prototype<'gc>(&mut self, ctx: Ctx<'gc>, object: Object<'gc>) {
        let Some(prototype) = object.prototype() else {
            return;
        };
        if self.prototype_addresses.insert(prototype.address()) {
            self.prototypes.push(ctx.stash(Value::Object(prototype)));
        }
    }

    /// Writes the lines gathered so far to stderr.
    fn flush(&mut self) {
        if self.out.is_empty() {
            return;
        }
        // A closed stderr loses the trace, as it would lose any message.
        let _ = std::io::stderr().lock().write_all(self.out.as_bytes());
        self.out.clear();
    }

    /// The start of an instruction's `--trace-exec` line: the function, where in the source,
    /// the offset and the instruction.
    fn line_start(&mut self, code: &Code<'_>, pc: usize, op: &Op) -> String {
        let place = self.place(code, pc);
        let name = function_name(&code.proto);
        let instruction = crate::bytecode::disasm::instruction(&code.proto, &as_compiled(*op));
        // The offset in the function as compiled (`--dump-bytecode`'s), not counting the
        // `Trace` instructions.
        let offset = pc / 2;
        format!("[exec] {name} {place} {offset:>4}  {instruction}")
    }

    /// `file:line:column` of instruction `pc` of `code` (the file's name without its
    /// directories; line and column 1-based, columns in UTF-16 units as dumps count them).
    fn place(&mut self, code: &Code<'_>, pc: usize) -> String {
        let script = &*code.script;
        let file = script.origin.rsplit('/').next().unwrap_or(&script.origin);
        let offset = code.position(pc).unwrap_or(code.proto.span.start) as usize;
        let key = Rc::as_ptr(&script.source) as usize;
        let (source, starts) = self.lines.entry(key).or_insert_with(|| {
            let starts = line_starts(&script.source.text);
            (script.source.clone(), starts)
        });
        // The lines the host's prefix (a module wrapper) takes count for nothing.
        let prefix = script.prefix as usize;
        let (line, column) = line_column(&source.text, starts, offset);
        let (prefix_line, prefix_column) = line_column(&source.text, starts, prefix);
        let (line, column) = match line == prefix_line {
            true => (1, column.saturating_sub(prefix_column) + 1),
            false => (line.saturating_sub(prefix_line) + 1, column),
        };
        format!("{file}:{line}:{column}")
    }

    /// Notes that site `ic` of the code at `code` now holds an entry for `layout`. When that
    /// is a layout the site had not seen, and it has not given up (megamorphic): the state
    /// before and after, and the layouts seen.
    fn site_changed(
        &mut self,
        code: usize,
        ic: u16,
        layout: u64,
    ) -> Option<(&'static str, &'static str, Vec<u64>)> {
        let seen = self.sites.entry((code, ic)).or_default();
        if seen.contains(&layout) || seen.len() > POLYMORPHIC_MAX {
            return None;
        }
        let from = state_name(seen.len());
        seen.push(layout);
        Some((from, state_name(seen.len()), seen.clone()))
    }
}

/// The name of a site's state, by how many receiver layouts it has seen.
fn state_name(seen: usize) -> &'static str {
    match seen {
        0 => "uninitialised",
        1 => "monomorphic",
        n if n <= POLYMORPHIC_MAX => "polymorphic",
        _ => "megamorphic",
    }
}

/// A layout id as the traces show it: `#id`, with `'` for a function whose `prototype` is
/// still to be made (see `ObjectData::layout_id`), `dictionary` for a receiver without one.
pub(super) fn layout_name(layout: u64) -> String {
    const LAZY: u64 = 1 << 63;
    match layout {
        0 => String::from("dictionary"),
        l if l & LAZY != 0 => format!("#{}'", l & !LAZY),
        l => format!("#{l}"),
    }
}

/// What a site's new entry says, for the reader.
fn entry_name(entry: SiteEntry) -> String {
    let shape = match entry.layout {
        0 => String::from("a dictionary-mode object"),
        layout => layout_name(layout),
    };
    match entry.kind {
        SiteKind::Own => format!("{shape} has it at slot {}", entry.slot),
        SiteKind::Inherited(1) => format!(
            "{shape} inherits it from its prototype, slot {}",
            entry.slot
        ),
        SiteKind::Inherited(depth) => {
            format!(
                "{shape} inherits it from {depth} prototypes up, slot {}",
                entry.slot
            )
        }
        SiteKind::Added => format!("{shape} adds it by transition {}", entry.slot),
    }
}

/// A cache site as the `--trace-ic` lines show it: the instruction and the property's name.
fn site_name(proto: &FunctionProto, op: Op) -> String {
    let name = match op {
        Op::GetProp { name, .. }
        | Op::SetProp { name, .. }
        | Op::PutProp { name, .. }
        | Op::InitProp { name, .. }
        | Op::GetGlobal { name, .. }
        | Op::SetGlobal { name, .. }
        | Op::PutGlobal { name, .. } => name,
        _ => return String::from(op.name()),
    };
    match proto.constants.get(name as usize) {
        Some(Constant::String(units)) => {
            format!("{} {}", op.name(), String::from_utf16_lossy(units))
        }
        _ => String::from(op.name()),
    }
}

fn is_call(op: Op) -> bool {
    matches!(op, Op::Call { .. } | Op::CallEval { .. } | Op::New { .. })
}

fn code_address(code: &Code<'_>) -> usize {
    std::ptr::from_ref(code) as usize
}

fn function_name(proto: &FunctionProto) -> &str {
    match proto.name.as_str() {
        "" => "<anonymous>",
        name => name,
    }
}

/// The byte offsets where the lines of `text` start.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let bytes = text.as_bytes();
    for (at, &byte) in bytes.iter().enumerate() {
        match byte {
            b'\n' => starts.push(at + 1),
            b'\r' if bytes.get(at + 1) != Some(&b'\n') => starts.push(at + 1),
            _ => {}
        }
    }
    // U+2028 and U+2029 end lines too.
    for (at, c) in text.match_indices(['\u{2028}', '\u{2029}']) {
        starts.push(at + c.len());
    }
    starts.sort_unstable();
    starts
}

/// The 1-based line and column (in UTF-16 units) of byte `offset` of `text`.
fn line_column(text: &str, starts: &[usize], offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let line = starts.partition_point(|&start| start <= offset).max(1);
    let start = starts[line - 1];
    let column = text
        .get(start..offset)
        .map_or(0, |s| s.chars().map(char::len_utf16).sum::<usize>());
    (line, column + 1)
}

/// A value as a trace shows it, without running any JavaScript (no `toString`, no getter).
pub(super) fn describe<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> String {
    match value {
        Value::Undefined => String::from("undefined"),
        Value::Null => String::from("null"),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => crate::convert::number_to_string(n),
        Value::String(s) => {
            let text = s.to_rust_string(&ctx);
            const SHOWN: usize = 40;
            match text.char_indices().nth(SHOWN) {
                Some((cut, _)) => format!("{:?}...", &text[..cut]),
                None => format!("{text:?}"),
            }
        }
        Value::Object(object) => describe_object(ctx, object),
    }
}

fn describe_object<'gc>(ctx: Ctx<'gc>, object: Object<'gc>) -> String {
    let data = object.borrow();
    let own_value = |key| match data.properties.get(key).map(|p| p.slot) {
        Some(Slot::Data(value)) => Some(value),
        _ => None,
    };
    let atoms = &ctx.realm().atoms;
    match &data.class {
        Class::Object => String::from("object"),
        Class::Array => match own_value(atoms.length) {
            Some(Value::Number(n)) => format!("array[{n}]"),
            _ => String::from("array"),
        },
        Class::Closure(closure) => format!("function {}", function_name(&closure.code.proto)),
        Class::Arrow(arrow) => format!(
            "arrow function {}",
            function_name(&arrow.closure.code.proto)
        ),
        Class::Native { .. } | Class::Bound(_) => {
            let kind = match data.class {
                Class::Bound(_) => "bound function",
                _ => "native function",
            };
            match own_value(atoms.name) {
                Some(Value::String(name)) if !name.is_empty() => {
                    format!("{kind} {}", name.to_rust_string(&ctx))
                }
                _ => String::from(kind),
            }
        }
        Class::Error => String::from("error"),
        Class::Arguments(_) => String::from("arguments"),
        Class::Boolean(_) => String::from("Boolean object"),
        Class::Number(_) => String::from("Number object"),
        Class::String(_) => String::from("String object"),
        Class::Date(_) => String::from("date"),
        Class::RegExp(_) => String::from("regexp"),
        Class::Math => String::from("Math"),
        Class::Json => String::from("JSON"),
        Class::ArrayBuffer(_) => String::from("ArrayBuffer"),
        Class::TypedArray(_) => String::from("typed array"),
        Class::DataView(_) => String::from("DataView"),
        Class::ForIn(_) => String::from("for-in state"),
    }
}

/// A property name as the dumps show it.
pub(super) fn key_name<'gc>(ctx: Ctx<'gc>, key: PropertyKey<'gc>) -> String {
    match key {
        PropertyKey::String(name) => name.to_rust_string(&ctx),
        PropertyKey::Index(index) => index.to_string(),
    }
}

// ---- Turning it on ---------------------------------------------------------------------------

thread_local! {
    /// What the next engine made on this thread is to trace (see [`request`]).
    static REQUESTED: RefCell<Option<TraceOptions>> = const { RefCell::new(None) };
}

/// Asks the next [`super::Engine`] made on this thread to trace as `options` say, from its
/// first instruction: its builtins written in JavaScript are loaded with `Trace` instructions
/// too. (Options asking for nothing are ignored.)
pub fn request(options: TraceOptions) {
    if options.any() {
        REQUESTED.with(|requested| *requested.borrow_mut() = Some(options));
    }
}

/// The tracer a new engine is to have, if one was requested.
pub(super) fn take_request() -> Option<Tracer> {
    REQUESTED
        .with(|requested| requested.borrow_mut().take())
        .map(Tracer::new)
}

/// Puts a `Trace` instruction before each instruction of `proto` (not of its nested
/// functions: each is loaded on its own), moving what refers to instruction offsets to
/// match: instruction `i` becomes `2i + 1`, its `Trace` `2i`, and a jump to `i` goes to `2i`
/// (the `Trace` first). Handlers and the position table move the same way.
pub(super) fn interleave(proto: &mut FunctionProto) {
    let at = |offset: u32| offset.saturating_mul(2);
    let mut code = Vec::with_capacity(proto.code.len() * 2);
    for &op in &proto.code {
        code.push(Op::Trace);
        code.push(move_targets(op, at));
    }
    proto.code = code;
    for handler in &mut proto.handlers {
        handler.start = at(handler.start);
        handler.end = at(handler.end);
        handler.target = at(handler.target);
    }
    for (offset, _) in &mut proto.positions {
        *offset = at(*offset);
    }
}

/// `op` with its jump target moved by `to`.
fn move_targets(op: Op, to: impl Fn(u32) -> u32) -> Op {
    op.map_jump_target(to)
}

/// An instruction of interleaved code as it was compiled (its jump target as
/// `--dump-bytecode` shows it).
fn as_compiled(op: Op) -> Op {
    move_targets(op, |offset| offset / 2)
}

// ---- Allocations ---------------------------------------------------------------------------

/// What kind of thing an allocation made, for `--stats`.
#[derive(Clone, Copy)]
pub enum Allocation {
    Object = 0,
    Array = 1,
    Closure = 2,
    String = 3,
    Environment = 4,
}

const ALLOCATION_KINDS: usize = 5;

thread_local! {
    /// Allocations made on this thread so far, by kind. Counted always (one increment where
    /// an object, a string or an environment is made, beside an allocation that costs a
    /// hundred times more): a test for "is tracing on" would cost as much.
    static ALLOCATIONS: [Cell<u64>; ALLOCATION_KINDS] = const {
        [const { Cell::new(0) }; ALLOCATION_KINDS]
    };
}

/// Counts an allocation of `kind`.
#[inline(always)]
pub fn count_allocation(kind: Allocation) {
    ALLOCATIONS.with(|counts| {
        let count = &counts[kind as usize];
        count.set(count.get().wrapping_add(1));
    });
}

/// Counts the allocation of an object of `class`.
#[inline(always)]
pub fn count_object(class: &Class<'_>) {
    count_allocation(match class {
        Class::Array => Allocation::Array,
        Class::Closure(_) | Class::Arrow(_) => Allocation::Closure,
        _ => Allocation::Object,
    });
}

fn allocation_counts() -> [u64; ALLOCATION_KINDS] {
    ALLOCATIONS.with(|counts| counts.each_ref().map(Cell::get))
}

// ---- At exit -------------------------------------------------------------------------------

/// Prints what tracing reports at exit on stderr: the `--stats` table, the `--dump-shapes`
/// trees. Once: later calls print nothing (the host calls it both from `process.exit` and
/// at the end of the loop).
pub fn report(ctx: Ctx<'_>) {
    let Some(tracer) = ctx.root.tracer() else {
        return;
    };
    if tracer.reported.replace(true) {
        return;
    }
    tracer.heap_sampled(ctx.metrics().total_gc_count());
    let mut state = tracer.state.borrow_mut();
    state.flush();
    if tracer.options.stats {
        let table = stats_table(tracer, &state);
        state.out.push_str(&table);
    }
    if tracer.options.shapes {
        let kept = state.prototypes.iter().map(|handle| ctx.fetch(handle));
        let trees = super::shapes::dump(ctx, kept.collect());
        state.out.push_str(&trees);
    }
    state.flush();
}

/// The `--stats` table.
fn stats_table(tracer: &Tracer, state: &State) -> String {
    let mut out = String::new();
    let total = state.instructions.max(1) as f64;
    let percent = |n: u64| 100.0 * n as f64 / total;
    let _ = writeln!(out, "[stats] instructions executed: {}", state.instructions);
    let mut by_opcode: Vec<(&str, u64)> = state.by_opcode.iter().map(|(k, v)| (*k, *v)).collect();
    by_opcode.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (name, count) in by_opcode {
        let _ = writeln!(
            out,
            "[stats]   {name:<20} {count:>12} {:>6.2}%",
            percent(count)
        );
    }
    let calls = state.calls_to_javascript + state.calls_to_natives;
    let _ = writeln!(
        out,
        "[stats] calls: {calls} ({} to JavaScript functions, {} to natives)",
        state.calls_to_javascript, state.calls_to_natives
    );
    let now = allocation_counts();
    let made = |kind: Allocation| {
        let k = kind as usize;
        now[k].wrapping_sub(tracer.allocations_before[k])
    };
    let _ = writeln!(
        out,
        "[stats] allocations: {} objects, {} arrays, {} strings, {} closures, {} environments",
        made(Allocation::Object),
        made(Allocation::Array),
        made(Allocation::String),
        made(Allocation::Closure),
        made(Allocation::Environment),
    );
    let _ = writeln!(
        out,
        "[stats] garbage collection: {} cycles, {:.3} ms in total",
        state.collections,
        state.pause.as_secs_f64() * 1000.0
    );
    let _ = writeln!(
        out,
        "[stats] peak heap: {} live objects",
        state.peak_objects
    );
    let accesses = state.ic_hits + state.ic_misses;
    let rate = match accesses {
        0 => 0.0,
        n => 100.0 * state.ic_hits as f64 / n as f64,
    };
    let _ = writeln!(
        out,
        "[stats] inline caches: {} hits, {} misses ({rate:.1}% of accesses hit)",
        state.ic_hits, state.ic_misses
    );
    out
}
