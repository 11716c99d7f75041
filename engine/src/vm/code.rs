//! Compiled code on the heap ([`Code`]), the closures made from it ([`Closure`]), and the heap
//! environments that hold captured variables ([`Env`]).

use super::{Ctx, Throw};
use crate::bytecode::{Constant, FunctionProto};
use crate::object::{Attributes, Class, Object, PropertyKey};
use crate::source::SourceText;
use crate::string::JsString;
use crate::value::Value;
use gc_arena::barrier::unlock;
use gc_arena::lock::Lock;
use gc_arena::{Collect, Gc, Mutation, RefLock};
use std::rc::Rc;

/// A [`FunctionProto`] loaded into the heap: its constants made into values (names interned),
/// its nested functions loaded too.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Code<'gc> {
    /// The compiler's output, without its nested functions (they are in `functions`).
    #[collect(require_static)]
    pub proto: FunctionProto,
    /// `proto.constants` as values; string constants are interned, so they double as
    /// property keys.
    pub constants: Box<[Value<'gc>]>,
    /// The property key each string constant names: an array index for a canonical numeral
    /// (so that `{1: x}` defines the same property as `o[1] = x`), else the interned string.
    keys: Box<[PropertyKey<'gc>]>,
    /// The nested functions, in the order `Closure` refers to them: loaded with this one, or
    /// (for code from a bytecode image) when a closure is first made of each; see
    /// [`Code::function`].
    functions: RefLock<Box<[Option<Gc<'gc, Code<'gc>>>]>>,
    /// The regular expression literals evaluated so far, by constant index: what each
    /// literal's site keeps for the next evaluation (few functions have more than one or two,
    /// most none: a boxed slice, two words in place of a vector's three).
    regexps: RefLock<Box<RegExpSites<'gc>>>,
    /// For code from a bytecode image: where in it each nested function not yet loaded is,
    /// and its position table, decoded when first asked (only errors' positions and stack
    /// traces read it; `proto.positions` is then empty). Boxed: rarely read, and in place they
    /// made every function's code 88 bytes bigger.
    #[collect(require_static)]
    image: Option<Box<ImageParts>>,
    /// For a function of a bytecode image not called yet, where its whole tree is in the
    /// image: this code is then only its header (`proto` has no code, constants nor scopes),
    /// which is all that making closures of it needs. See [`Code::callable`]. An empty range
    /// (`0..0`) for any other code. (Offsets into `script.image`: two words where the image's
    /// slice and the range took four.)
    #[collect(require_static)]
    pending: std::ops::Range<u32>,
    /// The whole code of a header-only one, once it is first called.
    loaded: Lock<Option<Gc<'gc, Code<'gc>>>>,
    /// The function's `name` (a string: its declared name, or "" as in V8 of 2010, which
    /// gave `var f = function () {}` no name).
    pub name: JsString<'gc>,
    /// The inline caches of the function's property instructions.
    #[collect(require_static)]
    pub caches: super::cache::InlineCaches,
    /// The script the function is part of, shared by all its functions.
    #[collect(require_static)]
    pub script: Rc<Script>,
}

/// What [`Code::with_regexp_site`] finds: each regular expression literal's site, by constant
/// index.
type RegExpSites<'gc> = [(u32, crate::builtins::regexp::LiteralSite<'gc>)];

/// Where a function's code came from: one for all the functions of a script (each function's
/// code held the three, 32 bytes in place of 8).
pub struct Script {
    /// The whole script's source text (for `toString`).
    pub source: Rc<SourceText>,
    /// Where the script came from (a file name), for stack traces.
    pub origin: Rc<str>,
    /// How many bytes at the start of `source` the host added around the file's own text (a
    /// module wrapper): positions in stack traces count from after them.
    pub prefix: u32,
    /// The bytecode image the script's code is loaded from, if it is.
    pub image: Option<&'static [u8]>,
}

impl<'gc> Code<'gc> {
    /// Loads a proto tree, compiled from `source`, into the heap.
    pub fn load(
        ctx: Ctx<'gc>,
        proto: FunctionProto,
        source: Rc<SourceText>,
        origin: Rc<str>,
    ) -> Gc<'gc, Code<'gc>> {
        Code::load_with_prefix(ctx, proto, source, origin, 0)
    }

    /// Like [`Code::load`], for a source whose first `prefix` bytes the host added.
    pub fn load_with_prefix(
        ctx: Ctx<'gc>,
        proto: FunctionProto,
        source: Rc<SourceText>,
        origin: Rc<str>,
        prefix: u32,
    ) -> Gc<'gc, Code<'gc>> {
        let script = Rc::new(Script {
            source,
            origin,
            prefix,
            image: None,
        });
        Code::load_tree(ctx, proto, &script)
    }

    /// Loads a proto tree of `script`.
    fn load_tree(
        ctx: Ctx<'gc>,
        mut proto: FunctionProto,
        script: &Rc<Script>,
    ) -> Gc<'gc, Code<'gc>> {
        let functions: Box<[_]> = std::mem::take(&mut proto.functions)
            .into_iter()
            .map(|child| Some(Code::load_tree(ctx, child, script)))
            .collect();
        Code::new(ctx, proto, functions, None, script.clone())
    }

    /// Loads one proto of a bytecode image (`decoded`, from `image`); its nested functions
    /// load when first made into closures.
    pub fn load_image(
        ctx: Ctx<'gc>,
        image: &'static [u8],
        decoded: crate::bytecode::image::Decoded,
        source: Rc<SourceText>,
        origin: Rc<str>,
        prefix: u32,
    ) -> Gc<'gc, Code<'gc>> {
        let script = Rc::new(Script {
            source,
            origin,
            prefix,
            image: Some(image),
        });
        Code::load_decoded(ctx, image, decoded, script)
    }

    /// Loads one decoded proto of `image`, a function of `script`.
    fn load_decoded(
        ctx: Ctx<'gc>,
        image: &'static [u8],
        decoded: crate::bytecode::image::Decoded,
        script: Rc<Script>,
    ) -> Gc<'gc, Code<'gc>> {
        let functions = vec![None; decoded.children.len()].into_boxed_slice();
        let children = ImageChildren {
            image,
            ranges: decoded.children.into_boxed_slice(),
        };
        let mut proto = decoded.proto;
        let mut positions = Some(LazyPositions {
            image,
            range: decoded.positions,
            table: std::cell::OnceCell::new(),
        });
        if ctx.root.is_tracing() {
            // Tracing moves the table with the instructions (`trace::interleave`): it must be
            // there to move.
            proto.positions = positions.take().map(|p| p.decode()).unwrap_or_default();
        }
        let image = ImageParts {
            children,
            positions,
        };
        Code::new(ctx, proto, functions, Some(image), script)
    }

    fn new(
        ctx: Ctx<'gc>,
        mut proto: FunctionProto,
        functions: Box<[Option<Gc<'gc, Code<'gc>>>]>,
        image: Option<ImageParts>,
        script: Rc<Script>,
    ) -> Gc<'gc, Code<'gc>> {
        if ctx.root.is_tracing() {
            // (Loaded while tracing: a `Trace` before each instruction, see `trace.rs`. Every
            // function goes through here, those of images too when first made into closures.)
            super::trace::interleave(&mut proto);
        }
        let constants: Box<[Value<'gc>]> = proto
            .constants
            .iter()
            .map(|constant| match constant {
                Constant::Number(n) => Value::Number(*n),
                Constant::String(units) => Value::String(ctx.realm().intern(ctx, units)),
                // Regex constants are made into objects by the `Regex` instruction.
                Constant::Regex { .. } => Value::Undefined,
            })
            .collect();
        // The same interned strings as keys (one look-up in the table per constant, not two).
        let keys = proto
            .constants
            .iter()
            .zip(&constants)
            .map(|(constant, value)| match (constant, value) {
                (Constant::String(units), Value::String(interned)) => {
                    match crate::convert::array_index(units) {
                        Some(index) => PropertyKey::Index(index),
                        None => PropertyKey::String(*interned),
                    }
                }
                _ => PropertyKey::Index(0),
            })
            .collect();
        let caches = super::cache::InlineCaches::new(proto.ic_count);
        let name = JsString::from_str(&ctx, &proto.name);
        Gc::new(
            &ctx,
            Code {
                proto,
                constants,
                keys,
                functions: RefLock::new(functions),
                regexps: RefLock::new(Box::default()),
                image: image.map(Box::new),
                pending: 0..0,
                loaded: Lock::new(None),
                name,
                caches,
                script,
            },
        )
    }

    /// Nested function `index` (the operand of `Closure`), loaded from the image on first
    /// use: only its header, until it is first called ([`Code::callable`]). `None` for a bad
    /// index, or an image that does not decode (a bug in the host).
    pub fn function(
        code: Gc<'gc, Code<'gc>>,
        ctx: Ctx<'gc>,
        index: u32,
    ) -> Option<Gc<'gc, Code<'gc>>> {
        let index = index as usize;
        if let Some(loaded) = *code.functions.borrow().get(index)? {
            return Some(loaded);
        }
        let children = &code.image.as_deref()?.children;
        let range = children.ranges.get(index)?.clone();
        let header = crate::bytecode::image::decode_header(children.image, range.clone()).ok()?;
        // (A child's tree follows its parent's own fields: its range never ends at 0, which
        // `pending` keeps for code that is not pending.)
        let pending = u32::try_from(range.start).ok()?..u32::try_from(range.end).ok()?;
        let child = Gc::new(
            &ctx,
            Code {
                name: JsString::from_str(&ctx, &header.name),
                proto: header,
                constants: Box::default(),
                keys: Box::default(),
                functions: RefLock::new(Box::default()),
                regexps: RefLock::new(Box::default()),
                image: None,
                pending,
                loaded: Lock::new(None),
                caches: super::cache::InlineCaches::new(0),
                script: code.script.clone(),
            },
        );
        let functions = unlock!(Gc::write(&ctx, code), Code, functions);
        if let Some(slot) = functions.borrow_mut().get_mut(index) {
            *slot = Some(child);
        }
        Some(child)
    }

    /// The code a call of `code` runs: `code` itself, or for the header-only code of a
    /// function of a bytecode image, its whole code, decoded and loaded on the first call.
    /// Of the 73 functions of the bootstrap and `events` an empty script makes closures of,
    /// it calls 14: decoding the others' code and interning their constants was a sixth of
    /// its start-up. `None` if the image does not decode (a bug in the host).
    #[inline]
    pub fn callable(code: Gc<'gc, Code<'gc>>, ctx: Ctx<'gc>) -> Option<Gc<'gc, Code<'gc>>> {
        if code.pending.end == 0 {
            return Some(code);
        }
        match code.loaded.get() {
            Some(loaded) => Some(loaded),
            None => Code::load_pending(code, ctx),
        }
    }

    #[cold]
    fn load_pending(code: Gc<'gc, Code<'gc>>, ctx: Ctx<'gc>) -> Option<Gc<'gc, Code<'gc>>> {
        let image = code.script.image?;
        let range = code.pending.start as usize..code.pending.end as usize;
        let decoded = crate::bytecode::image::decode_tree(image, range).ok()?;
        let loaded = Code::load_decoded(ctx, image, decoded, code.script.clone());
        unlock!(Gc::write(&ctx, code), Code, loaded).set(Some(loaded));
        Some(loaded)
    }

    /// `f` of what the regular expression literal of constant `index` kept from its first
    /// evaluation, if it was evaluated.
    pub fn with_regexp_site<R>(
        &self,
        index: u32,
        f: impl FnOnce(&crate::builtins::regexp::LiteralSite<'gc>) -> R,
    ) -> Option<R> {
        let sites = self.regexps.borrow();
        let (_, site) = sites.iter().find(|(at, _)| *at == index)?;
        Some(f(site))
    }

    /// Keeps what the regular expression literal of constant `index` made the first time.
    pub fn set_regexp_site(
        code: Gc<'gc, Code<'gc>>,
        ctx: Ctx<'gc>,
        index: u32,
        site: crate::builtins::regexp::LiteralSite<'gc>,
    ) {
        let sites = unlock!(Gc::write(&ctx, code), Code, regexps);
        // (A new slice each time: few functions have more than one or two literals.)
        let mut sites = sites.borrow_mut();
        let mut grown = std::mem::take(&mut *sites).into_vec();
        grown.push((index, site));
        *sites = grown.into_boxed_slice();
    }

    /// The source offset of instruction `pc`, if known.
    pub fn position(&self, pc: usize) -> Option<u32> {
        match self
            .image
            .as_deref()
            .and_then(|image| image.positions.as_ref())
        {
            Some(lazy) => FunctionProto::position_in(lazy.table(), pc),
            None => self.proto.position(pc),
        }
    }

    /// `origin:line:column` of instruction `pc`.
    pub fn location(&self, pc: usize) -> String {
        let offset = self.position(pc).unwrap_or(self.proto.span.start);
        let script = &*self.script;
        let prefix = script.prefix as usize;
        let source = &script.source.text;
        let text = source.get(prefix..).unwrap_or(source);
        let offset = offset.saturating_sub(script.prefix) as usize;
        let position = crate::error::LineIndex::new(text).position(offset);
        format!("{}:{}", script.origin, position)
    }

    /// The function's source text (what `Function.prototype.toString` shows), as code units:
    /// code from `eval` or `Function` may hold lone surrogates.
    pub fn source_text(&self) -> Vec<u16> {
        let span = self.proto.span;
        let range = span.start as usize..span.end as usize;
        let source = &self.script.source;
        if source.text.get(range.clone()).is_none() {
            return "function () { [code] }".encode_utf16().collect();
        }
        source.units(range)
    }

    /// Constant `index` as a property key (name operands are interned string constants).
    #[inline]
    pub fn name(&self, index: u32) -> PropertyKey<'gc> {
        self.keys
            .get(index as usize)
            .copied()
            .unwrap_or(PropertyKey::Index(0))
    }
}

/// The nested functions of code from a bytecode image: the image, and where each one's tree
/// is in it.
struct ImageChildren {
    image: &'static [u8],
    ranges: Box<[std::ops::Range<usize>]>,
}

/// What `Code::new` keeps of a function from a bytecode image.
struct ImageParts {
    children: ImageChildren,
    positions: Option<LazyPositions>,
}

/// A position table left in its bytecode image until first read.
struct LazyPositions {
    image: &'static [u8],
    range: std::ops::Range<usize>,
    table: std::cell::OnceCell<Vec<(u32, u32)>>,
}

impl LazyPositions {
    /// The table, decoded on first use. (An image the build made always decodes; were it not
    /// to, errors would only lack their positions.)
    fn table(&self) -> &[(u32, u32)] {
        self.table.get_or_init(|| self.decode())
    }

    fn decode(&self) -> Vec<(u32, u32)> {
        crate::bytecode::image::decode_positions(self.image, self.range.clone()).unwrap_or_default()
    }
}

/// A JavaScript function's internal state: its code and the environment it closed over.
#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
pub struct Closure<'gc> {
    pub code: Gc<'gc, Code<'gc>>,
    pub env: Option<Env<'gc>>,
}

impl<'gc> Closure<'gc> {
    /// A new function object for `code` closing over `env`, with its `length` and (for
    /// constructors) `prototype` properties.
    pub fn new_function(
        ctx: Ctx<'gc>,
        code: Gc<'gc, Code<'gc>>,
        env: Option<Env<'gc>>,
    ) -> Object<'gc> {
        let realm = ctx.realm();
        let function = Object::new(
            &ctx,
            Some(realm.function_prototype),
            Class::Closure(Closure { code, env }),
        );
        let atoms = &realm.atoms;
        Closure { code, env }.define_length_and_name(ctx, function);
        // (A method is no constructor, and has neither.)
        if code.proto.kind == crate::bytecode::proto::ProtoKind::Function && !code.proto.method {
            // Every ES5 function can be a constructor: it gets a fresh `prototype` object
            // whose `constructor` points back, made when first looked for.
            function.set_lazy_prototype(&ctx, true);
            // 13.2 step 19: strict functions have poisoned `caller` and `arguments`.
            if code.proto.strict {
                realm.define_thrower(ctx, function, atoms.caller);
                realm.define_thrower(ctx, function, atoms.arguments);
            }
        }
        function
    }

    /// Gives `function`, a new function of this closure, its `length` and `name`.
    fn define_length_and_name(&self, ctx: Ctx<'gc>, function: Object<'gc>) {
        let atoms = &ctx.realm().atoms;
        function.set_own_value(
            &ctx,
            atoms.length,
            Value::Number(f64::from(self.code.proto.param_count)),
            Attributes::new(false, false, true),
        );
        // ES2015 9.2.11 SetFunctionName: read-only, hidden, configurable.
        function.set_own_value(
            &ctx,
            atoms.name,
            Value::String(self.code.name),
            Attributes::new(false, false, true),
        );
    }
}

/// An arrow function's internal state: its closure, and the `this` it was made with.
#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
pub struct Arrow<'gc> {
    pub closure: Closure<'gc>,
    pub this: Value<'gc>,
}

impl<'gc> Arrow<'gc> {
    /// A new arrow function for `code` closing over `env`, made where `this` is `this`. It
    /// has a `length` and a `name`, but no `prototype` (it is no constructor) and, strict or
    /// not, no poisoned `caller` and `arguments` of its own (ES2015 14.2.16, 9.2.7).
    pub fn new_function(
        ctx: Ctx<'gc>,
        code: Gc<'gc, Code<'gc>>,
        env: Option<Env<'gc>>,
        this: Value<'gc>,
    ) -> Object<'gc> {
        let realm = ctx.realm();
        let closure = Closure { code, env };
        let function = Object::new(
            &ctx,
            Some(realm.function_prototype),
            Class::Arrow(Box::new(Arrow { closure, this })),
        );
        closure.define_length_and_name(ctx, function);
        function
    }
}

/// A heap environment: the captured variables of one function call or catch clause, or the
/// object of a `with` statement, linked to the environment around it.
#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
pub struct Env<'gc>(pub Gc<'gc, RefLock<EnvData<'gc>>>);

#[derive(Collect)]
#[collect(no_drop)]
pub struct EnvData<'gc> {
    pub parent: Option<Env<'gc>>,
    pub kind: EnvKind<'gc>,
    /// Variables a sloppy direct `eval` declared in this (function) environment after it was
    /// made, as properties of a plain object.
    pub extra: Option<Object<'gc>>,
}

#[derive(Collect)]
#[collect(no_drop)]
pub enum EnvKind<'gc> {
    /// Variable slots; `code.proto.scopes[scope].names` names them (for lookups by name).
    /// `scope` is [`EVAL_VAR_SCOPE`] for the fresh variable environment of strict eval code.
    Declarative {
        slots: Slots<'gc>,
        code: Gc<'gc, Code<'gc>>,
        scope: u32,
    },
    /// A `with` statement's object.
    With(Object<'gc>),
}

/// The variable slots of a declarative environment (a fixed number, known when it is made).
/// Most environments hold the one or two variables a closure captures: those are kept inline,
/// so that making the environment is one allocation, not two (and costs no heap block of its
/// own beside the environment's).
#[derive(Clone, Collect)]
#[collect(no_drop)]
pub enum Slots<'gc> {
    Inline {
        len: u8,
        values: [Value<'gc>; INLINE_SLOTS],
    },
    Boxed(Box<[Value<'gc>]>),
}

/// How many slots an environment keeps inline.
const INLINE_SLOTS: usize = 2;

impl<'gc> Slots<'gc> {
    /// `count` slots, all undefined.
    pub fn new(count: usize) -> Slots<'gc> {
        match u8::try_from(count) {
            Ok(len) if count <= INLINE_SLOTS => Slots::Inline {
                len,
                values: [Value::Undefined; INLINE_SLOTS],
            },
            _ => Slots::Boxed(vec![Value::Undefined; count].into_boxed_slice()),
        }
    }
}

impl<'gc> std::ops::Deref for Slots<'gc> {
    type Target = [Value<'gc>];

    #[inline(always)]
    fn deref(&self) -> &[Value<'gc>] {
        match self {
            Slots::Inline { len, values } => &values[..*len as usize],
            Slots::Boxed(values) => values,
        }
    }
}

impl std::ops::DerefMut for Slots<'_> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut Self::Target {
        match self {
            Slots::Inline { len, values } => &mut values[..*len as usize],
            Slots::Boxed(values) => values,
        }
    }
}

/// The `scope` of a strict eval code's own variable environment (it has no slots, only
/// `extra`).
pub const EVAL_VAR_SCOPE: u32 = u32::MAX;

impl<'gc> Env<'gc> {
    /// Whether this is a *variable environment* (10.3): where `var`s declared by eval code
    /// go — a function's environment, or strict eval code's own.
    pub fn is_variable_environment(self) -> bool {
        match &self.0.borrow().kind {
            EnvKind::Declarative { code, scope, .. } => {
                *scope == EVAL_VAR_SCOPE
                    || code
                        .proto
                        .scopes
                        .get(*scope as usize)
                        .is_some_and(|s| s.kind == crate::bytecode::ScopeKind::Function)
            }
            EnvKind::With(_) => false,
        }
    }

    pub fn new(ctx: Ctx<'gc>, parent: Option<Env<'gc>>, kind: EnvKind<'gc>) -> Env<'gc> {
        super::trace::count_allocation(super::trace::Allocation::Environment);
        Env(Gc::new(
            &ctx,
            RefLock::new(EnvData {
                parent,
                kind,
                extra: None,
            }),
        ))
    }

    /// The environment `depth` links up from this one.
    pub fn up(self, depth: u16) -> Option<Env<'gc>> {
        let mut env = self;
        for _ in 0..depth {
            env = env.0.borrow().parent?;
        }
        Some(env)
    }

    pub fn parent(self) -> Option<Env<'gc>> {
        self.0.borrow().parent
    }

    /// Variable slot `index` of a declarative environment. (Always inlined: every read of a
    /// captured variable comes here.)
    #[inline(always)]
    pub fn slot(self, ctx: Ctx<'gc>, index: u16) -> Result<Value<'gc>, Throw<'gc>> {
        match &self.0.borrow().kind {
            EnvKind::Declarative { slots, .. } => Ok(slots
                .get(index as usize)
                .copied()
                .unwrap_or(Value::Undefined)),
            EnvKind::With(_) => Err(ctx.reference_error("internal error: with environment")),
        }
    }

    /// A fresh environment with the same parent and a copy of this one's slots (a
    /// `for (let ...)` loop's next iteration).
    pub fn copy(self, ctx: Ctx<'gc>) -> Env<'gc> {
        let data = self.0.borrow();
        let kind = match &data.kind {
            EnvKind::Declarative { slots, code, scope } => EnvKind::Declarative {
                slots: slots.clone(),
                code: *code,
                scope: *scope,
            },
            EnvKind::With(object) => EnvKind::With(*object),
        };
        Env::new(ctx, data.parent, kind)
    }

    /// The name of variable slot `index` (for error messages).
    pub fn slot_name(self, index: u16) -> String {
        match &self.0.borrow().kind {
            EnvKind::Declarative { code, scope, .. } => code
                .proto
                .scopes
                .get(*scope as usize)
                .and_then(|s| s.names.get(index as usize))
                .cloned()
                .unwrap_or_default(),
            EnvKind::With(_) => String::new(),
        }
    }

    /// Sets variable slot `index` of a declarative environment.
    #[inline]
    pub fn set_slot(self, mc: &Mutation<'gc>, index: u16, value: Value<'gc>) {
        if let EnvKind::Declarative { slots, .. } = &mut self.0.borrow_mut(mc).kind {
            if let Some(slot) = slots.get_mut(index as usize) {
                *slot = value;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// Every function a script makes a closure of has a `Code`, called or not (the bootstrap
    /// of node makes 73, calls 14): with the collector's header of 24 bytes, 360 bytes take
    /// the allocator's blocks of 384, where 496 took blocks of 640.
    #[test]
    fn code_fits_a_384_byte_block() {
        assert!(std::mem::size_of::<super::Code<'static>>() <= 360);
    }
}
