//! The realm: the global object, the intrinsic objects every script shares, and the table of
//! interned property names.
//!
//! The standard library proper grows in `builtins/`; this file creates the objects the VM
//! itself needs (the prototypes of functions, arrays and errors) and wires up the global
//! object.

use super::interned::{array_index, InternTable, Missing};
use super::Ctx;
use crate::object::{Attributes, Class, NativeFn, Object, PropertyKey};
use crate::string::JsString;
use crate::value::Value;
use gc_arena::{Collect, Gc, Mutation, RefLock};

/// Property names the VM uses itself, interned once.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Atoms<'gc> {
    pub length: PropertyKey<'gc>,
    pub prototype: PropertyKey<'gc>,
    pub constructor: PropertyKey<'gc>,
    pub name: PropertyKey<'gc>,
    pub message: PropertyKey<'gc>,
    pub stack: PropertyKey<'gc>,
    pub to_string: PropertyKey<'gc>,
    pub value_of: PropertyKey<'gc>,
    pub callee: PropertyKey<'gc>,
    pub caller: PropertyKey<'gc>,
    pub arguments: PropertyKey<'gc>,
    /// A RegExp's `lastIndex`, which every `exec` and `test` reads.
    pub last_index: PropertyKey<'gc>,
    /// What `typeof` gives, by `Value::type_of`'s order: made once, so that a `typeof` makes
    /// no string (every `typeof x === "function"` made one, garbage at once).
    pub type_names: [JsString<'gc>; 6],
}

/// The global object and the intrinsics.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Realm<'gc> {
    pub global: Object<'gc>,
    pub object_prototype: Object<'gc>,
    pub function_prototype: Object<'gc>,
    pub array_prototype: Object<'gc>,
    pub string_prototype: Object<'gc>,
    pub number_prototype: Object<'gc>,
    pub boolean_prototype: Object<'gc>,
    pub date_prototype: Object<'gc>,
    pub regexp_prototype: Object<'gc>,
    pub error_prototype: Object<'gc>,
    pub type_error_prototype: Object<'gc>,
    pub reference_error_prototype: Object<'gc>,
    pub range_error_prototype: Object<'gc>,
    pub syntax_error_prototype: Object<'gc>,
    pub eval_error_prototype: Object<'gc>,
    pub uri_error_prototype: Object<'gc>,
    /// `ArrayBuffer.prototype` (ES2015 24.1.4).
    pub array_buffer_prototype: Object<'gc>,
    /// `%TypedArrayPrototype%` (ES2015 22.2.3): the methods all typed arrays share.
    pub typed_array_prototype: Object<'gc>,
    /// The prototype of each typed array constructor, in the order of
    /// `typed_array::ElementKind::ALL`: what a typed array made by a method inherits from.
    pub typed_array_prototypes: [Object<'gc>; 9],
    /// `DataView.prototype` (ES2015 24.2.4).
    pub data_view_prototype: Object<'gc>,
    /// The `Error` constructor, whose `stackTraceLimit` says how many frames a stack trace
    /// shows.
    pub error_constructor: Object<'gc>,
    /// The hole: the value of a `let` or `const` in its temporal dead zone (see `Op::Hole`),
    /// an object no script can reach.
    pub hole: Object<'gc>,
    /// The global `eval`: calling this very function by the name `eval` is a direct eval.
    pub eval_function: Object<'gc>,
    /// `[[ThrowTypeError]]` (13.2.3): the one function behind the `caller`/`arguments`
    /// accessors of strict functions, strict `arguments` objects and bound functions.
    pub throw_type_error: Object<'gc>,
    /// The getter of `Function.prototype.caller` (see `vm/caller.rs`).
    pub function_caller: Object<'gc>,
    /// The self-hosted methods (builtins/js), by their place in `self_hosted::LAZY`: native
    /// stand-ins until the library is first needed, then the library's closures (the same
    /// objects: loading changes what they are, not who they are).
    pub self_hosted: Gc<'gc, RefLock<Vec<Object<'gc>>>>,
    pub atoms: Atoms<'gc>,
    /// Every interned name (see `vm/interned.rs`).
    interned: Gc<'gc, RefLock<InternTable<'gc>>>,
    /// The shape of a native function with its `length` and `name` (made with the first one
    /// that has both): the realm makes some 600 of them at start-up, each in one step.
    native_function_shape: Gc<'gc, RefLock<Option<crate::object::Shape<'gc>>>>,
    /// Regular expressions follow the V8 of 2010 where it differed from ES5: they can be
    /// called, and `new RegExp(p, f)` ignores unknown or repeated flags (see
    /// [`super::Engine::set_v8_regexps`]).
    #[collect(require_static)]
    pub v8_regexps: std::cell::Cell<bool>,
    /// The last successful match, behind `RegExp.$1` and the other statics.
    pub last_match: Gc<'gc, RefLock<crate::builtins::regexp::statics::LastMatch<'gc>>>,
    /// What the property sites that see many shapes found (see `vm/cache.rs`).
    #[collect(require_static)]
    pub shared_cache: super::cache::SharedCache,
    /// The strings of one unit below 256, each made the first time it is asked for: what
    /// `s.charAt(i)` and `s[i]` give, so that a loop taking a text apart character by character
    /// allocates nothing (QuickJS and V8 keep such a table too).
    unit_strings: Gc<'gc, RefLock<[Option<JsString<'gc>>; 256]>>,
}

/// Interns `text` during realm construction (before a `Ctx` exists).
fn intern_raw<'gc>(
    mc: &Mutation<'gc>,
    table: &mut InternTable<'gc>,
    text: &str,
) -> PropertyKey<'gc> {
    PropertyKey::String(intern_string(mc, table, text))
}

fn intern_string<'gc>(
    mc: &Mutation<'gc>,
    table: &mut InternTable<'gc>,
    text: &str,
) -> JsString<'gc> {
    let units: Vec<u16> = text.encode_utf16().collect();
    table.intern_units(mc, &units)
}

/// The results of `typeof`, in the order of [`Atoms::type_names`].
const TYPE_NAMES: [&str; 6] = [
    "undefined",
    "object",
    "boolean",
    "number",
    "string",
    "function",
];

/// The body of `[[ThrowTypeError]]` (13.2.3).
fn throw_type_error<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    _args: &[Value<'gc>],
) -> Result<Value<'gc>, super::Throw<'gc>> {
    Err(ctx.type_error(
        "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode \
         functions or the arguments objects for calls to them",
    ))
}

impl<'gc> Realm<'gc> {
    /// Creates the intrinsics and the global object.
    pub fn new(mc: &Mutation<'gc>) -> Realm<'gc> {
        // Room for the builtins' names and those of a host's start-up (some 600 for node)
        // without growing the table step by step.
        let mut table = InternTable::with_capacity(800);
        let atoms = Atoms {
            length: intern_raw(mc, &mut table, "length"),
            prototype: intern_raw(mc, &mut table, "prototype"),
            constructor: intern_raw(mc, &mut table, "constructor"),
            name: intern_raw(mc, &mut table, "name"),
            message: intern_raw(mc, &mut table, "message"),
            stack: intern_raw(mc, &mut table, "stack"),
            to_string: intern_raw(mc, &mut table, "toString"),
            value_of: intern_raw(mc, &mut table, "valueOf"),
            callee: intern_raw(mc, &mut table, "callee"),
            caller: intern_raw(mc, &mut table, "caller"),
            arguments: intern_raw(mc, &mut table, "arguments"),
            last_index: intern_raw(mc, &mut table, "lastIndex"),
            type_names: TYPE_NAMES.map(|name| intern_string(mc, &mut table, name)),
        };
        // The intrinsics are one of a kind: dictionary mode (see `Object::new_dictionary`).
        let object_prototype = Object::new_dictionary(mc, None, Class::Object);
        let proto = |class| Object::new_dictionary(mc, Some(object_prototype), class);
        let function_prototype = Object::new_dictionary(
            mc,
            Some(object_prototype),
            Class::Native {
                function: |_, _, _| Ok(Value::Undefined),
                constructor: false,
            },
        );
        // 15.3.4: Function.prototype is itself a function, with a `length` of 0 (and, ES2015
        // 19.2.3, the `name` "").
        let read_only = Attributes::new(false, false, true);
        function_prototype.set_own_value(mc, atoms.length, Value::Number(0.0), read_only);
        let empty = Value::String(JsString::from_str(mc, ""));
        function_prototype.set_own_value(mc, atoms.name, empty, read_only);
        let error_prototype = proto(Class::Object);
        let error_kind = || Object::new_dictionary(mc, Some(error_prototype), Class::Object);
        let eval_function = Object::new(
            mc,
            Some(function_prototype),
            Class::Native {
                function: crate::builtins::indirect_eval,
                constructor: false,
            },
        );
        eval_function.set_own_value(mc, atoms.length, Value::Number(1.0), read_only);
        let eval_name = Value::String(JsString::from_str(mc, "eval"));
        eval_function.set_own_value(mc, atoms.name, eval_name, read_only);
        let error_constructor = Object::new(
            mc,
            Some(function_prototype),
            Class::Native {
                function: crate::builtins::error::ERROR_CONSTRUCTOR,
                constructor: true,
            },
        );
        let array_prototype = proto(Class::Array);
        array_prototype.set_own_value(
            mc,
            atoms.length,
            Value::Number(0.0),
            Attributes::new(true, false, false),
        );
        let throw_type_error = Object::new(
            mc,
            Some(function_prototype),
            Class::Native {
                function: throw_type_error,
                constructor: false,
            },
        );
        throw_type_error.set_own_value(mc, atoms.length, Value::Number(0.0), Attributes::NONE);
        // ES2017 9.2.9.1: %ThrowTypeError%'s `name` is "", fixed like the rest of it.
        throw_type_error.set_own_value(mc, atoms.name, empty, Attributes::NONE);
        throw_type_error.borrow_mut(mc).extensible = false;
        let function_caller = Object::new(
            mc,
            Some(function_prototype),
            Class::Native {
                function: super::caller::caller_getter,
                constructor: false,
            },
        );
        function_caller.set_own_value(mc, atoms.length, Value::Number(0.0), read_only);
        let caller_name = Value::String(JsString::from_str(mc, "get caller"));
        function_caller.set_own_value(mc, atoms.name, caller_name, read_only);
        let typed_array_prototype = proto(Class::Object);
        let typed_array_prototypes = std::array::from_fn(|_| {
            Object::new_dictionary(mc, Some(typed_array_prototype), Class::Object)
        });
        Realm {
            array_buffer_prototype: proto(Class::Object),
            typed_array_prototype,
            typed_array_prototypes,
            data_view_prototype: proto(Class::Object),
            global: proto(Class::Object),
            object_prototype,
            function_prototype,
            array_prototype,
            string_prototype: proto(Class::String(JsString::from_str(mc, ""))),
            number_prototype: proto(Class::Number(0.0)),
            boolean_prototype: proto(Class::Boolean(false)),
            date_prototype: proto(Class::Object),
            regexp_prototype: proto(Class::Object),
            error_prototype,
            type_error_prototype: error_kind(),
            reference_error_prototype: error_kind(),
            range_error_prototype: error_kind(),
            syntax_error_prototype: error_kind(),
            eval_error_prototype: error_kind(),
            uri_error_prototype: error_kind(),
            error_constructor,
            hole: Object::new(mc, None, Class::Object),
            eval_function,
            self_hosted: Gc::new(mc, RefLock::new(Vec::new())),
            throw_type_error,
            function_caller,
            atoms,
            interned: Gc::new(mc, RefLock::new(table)),
            native_function_shape: Gc::new(mc, RefLock::new(None)),
            last_match: Gc::new(mc, RefLock::new(Default::default())),
            v8_regexps: std::cell::Cell::new(false),
            shared_cache: super::cache::SharedCache::new(),
            unit_strings: Gc::new(mc, RefLock::new([None; 256])),
        }
    }

    /// The string of the one unit `unit`: from the realm's table for units below 256, else new.
    pub fn unit_string(&self, mc: &Mutation<'gc>, unit: u16) -> JsString<'gc> {
        let Ok(byte) = u8::try_from(unit) else {
            return JsString::from_units(mc, &[unit]);
        };
        let index = usize::from(byte);
        if let Some(s) = self.unit_strings.borrow()[index] {
            return s;
        }
        let s = JsString::from_latin1_slice(mc, &[byte]);
        self.unit_strings.borrow_mut(mc)[index] = Some(s);
        s
    }

    /// `typeof value`, as a string made once.
    pub fn type_of(&self, value: Value<'gc>) -> Value<'gc> {
        let name = value.type_of();
        let index = TYPE_NAMES.iter().position(|n| *n == name).unwrap_or(1);
        Value::String(self.atoms.type_names[index])
    }

    /// The interned string with these units.
    pub fn intern(&self, ctx: Ctx<'gc>, units: &[u16]) -> JsString<'gc> {
        let found = self.interned.borrow().lookup_units(&ctx, units);
        match found {
            Ok(s) => s,
            Err(missing) => self.add_interned(ctx, missing),
        }
    }

    /// The property key for a name given as a string: an array index or the interned string
    /// with its units (`s` itself if it is a new short name).
    pub fn key_from_string(&self, ctx: Ctx<'gc>, s: JsString<'gc>) -> PropertyKey<'gc> {
        // (A string marked interned is the key: the loop variable of a for-in over an
        // object's names, a name read from an object literal's keys...)
        if s.is_interned() {
            return PropertyKey::String(s);
        }
        if let Some(index) = s.with_units(&ctx, |units| array_index(&units)) {
            return PropertyKey::Index(index);
        }
        // Looked up through a shared borrow (a hit does not touch the table, so the collector
        // need not trace it again), and a miss is added with the hash the look-up computed.
        let found = self.interned.borrow().lookup(&ctx, s);
        match found {
            Ok(found) => PropertyKey::String(found),
            Err(missing) => PropertyKey::String(self.add_interned(ctx, missing)),
        }
    }

    /// Adds a name the table lacks, without having the collector trace the whole table
    /// again: the forward barrier marks the one string added (see `object/adopt.rs`, where
    /// the same is done for an object used as a table, and why).
    // SAFETY: the one `unsafe` below, argued there; measured necessary with the table's (see
    // `object/adopt.rs`): hash-map.js' 300,000 new names each re-queued the whole intern
    // table for tracing under the backward barrier.
    #[allow(unsafe_code)]
    fn add_interned(&self, ctx: Ctx<'gc>, missing: Missing<'gc>) -> JsString<'gc> {
        // SAFETY: gc-arena requires that a `Gc` adopting new pointers through the unlocked
        // cell be covered by a write barrier before the next collection step. The only
        // pointer the table adopts here is the string `add` returns (growing the table moves
        // the strings it holds, adopting none), which goes through the forward barrier below,
        // with the table as the parent, within the same mutation.
        let table = unsafe { self.interned.as_ref_cell() };
        let s = table.borrow_mut().add(&ctx, missing);
        ctx.forward_barrier(Some(Gc::erase(self.interned)), s.gc_cell());
        s
    }

    /// The property key for a name given as units: an array index or an interned string.
    pub fn key_from_units(&self, ctx: Ctx<'gc>, units: &[u16]) -> PropertyKey<'gc> {
        match crate::convert::array_index(units) {
            Some(index) => PropertyKey::Index(index),
            None => PropertyKey::String(self.intern(ctx, units)),
        }
    }

    /// The property key for a Rust name.
    pub fn key(&self, ctx: Ctx<'gc>, name: &str) -> PropertyKey<'gc> {
        // The builtins and the runtime's bindings define some 1,000 names at start-up, all
        // ASCII: looked up as the bytes they are, with no conversion to units.
        if name.is_ascii() {
            let bytes = name.as_bytes();
            if let Some(index) = crate::convert::array_index(bytes) {
                return PropertyKey::Index(index);
            }
            let found = self.interned.borrow().lookup_latin1(&ctx, bytes);
            return PropertyKey::String(match found {
                Ok(s) => s,
                Err(missing) => self.add_interned(ctx, missing),
            });
        }
        let units: Vec<u16> = name.encode_utf16().collect();
        self.key_from_units(ctx, &units)
    }

    /// A new array holding `values` (its `length` writable only, as 15.4.5.2 says).
    pub fn new_array(
        &self,
        ctx: Ctx<'gc>,
        values: impl IntoIterator<Item = Value<'gc>>,
    ) -> Object<'gc> {
        let array = Object::new(&ctx, Some(self.array_prototype), Class::Array);
        let mut length: u32 = 0;
        for value in values {
            array.set_own_value(&ctx, PropertyKey::Index(length), value, Attributes::ALL);
            length += 1;
        }
        array.set_own_value(
            &ctx,
            self.atoms.length,
            Value::Number(f64::from(length)),
            Attributes::new(true, false, false),
        );
        array
    }

    /// A new native function object.
    pub fn native_function(
        &self,
        ctx: Ctx<'gc>,
        function: NativeFn,
        length: u32,
        constructor: bool,
    ) -> Object<'gc> {
        let object = Object::new(
            &ctx,
            Some(self.function_prototype),
            Class::Native {
                function,
                constructor,
            },
        );
        // A function's `length` is read-only; ES2015 made it configurable, as test262 expects.
        object.set_own_value(
            &ctx,
            self.atoms.length,
            Value::Number(f64::from(length)),
            Attributes::new(false, false, true),
        );
        object
    }

    /// Gives a function its `name` (ES2015 9.2.11 SetFunctionName: read-only, hidden,
    /// configurable), after its `length`, where ES2015 puts it.
    pub fn set_function_name(&self, ctx: Ctx<'gc>, function: Object<'gc>, name: Value<'gc>) {
        function.set_own_value(
            &ctx,
            self.atoms.name,
            name,
            Attributes::new(false, false, true),
        );
    }

    /// A new native function object named `name`.
    pub fn named_native_function(
        &self,
        ctx: Ctx<'gc>,
        name: &str,
        function: NativeFn,
        length: u32,
        constructor: bool,
    ) -> Object<'gc> {
        self.native_function_named(ctx, function, length, ctx.string(name), constructor)
    }

    /// A native function with its `length` and `name` (what [`Realm::native_function`] and
    /// [`Realm::set_function_name`] make), in one step once the realm has made one.
    fn native_function_named(
        &self,
        ctx: Ctx<'gc>,
        function: NativeFn,
        length: u32,
        name: Value<'gc>,
        constructor: bool,
    ) -> Object<'gc> {
        let class = Class::Native {
            function,
            constructor,
        };
        let length = Value::Number(f64::from(length));
        if let Some(shape) = *self.native_function_shape.borrow() {
            let properties = crate::object::PropertyMap::from_shape(shape, &[length, name]);
            return Object::with_properties(&ctx, Some(self.function_prototype), class, properties);
        }
        let object = Object::new(&ctx, Some(self.function_prototype), class);
        let read_only = Attributes::new(false, false, true);
        object.set_own_value(&ctx, self.atoms.length, length, read_only);
        object.set_own_value(&ctx, self.atoms.name, name, read_only);
        let shape = object
            .borrow()
            .properties
            .shaped_values()
            .map(|(shape, _)| shape);
        *self.native_function_shape.borrow_mut(&ctx) = shape;
        object
    }

    /// Defines a native method `name` on `target` (writable, configurable, not enumerable).
    pub fn define_function(
        &self,
        ctx: Ctx<'gc>,
        target: Object<'gc>,
        name: &str,
        function: NativeFn,
        length: u32,
    ) -> Object<'gc> {
        let key = self.key(ctx, name);
        // The interned key doubles as the name's string.
        let object = match key {
            PropertyKey::String(text) => {
                self.native_function_named(ctx, function, length, Value::String(text), false)
            }
            PropertyKey::Index(_) => self.native_function(ctx, function, length, false),
        };
        target.set_own_value(&ctx, key, Value::Object(object), Attributes::HIDDEN);
        object
    }

    /// Defines each `(name, function, length)` of `functions` on `target` as a native method:
    /// the one registration loop every builtin and every runtime binding uses.
    pub fn define_functions(
        &self,
        ctx: Ctx<'gc>,
        target: Object<'gc>,
        functions: &[(&str, NativeFn, u32)],
    ) {
        for &(name, function, length) in functions {
            self.define_function(ctx, target, name, function, length);
        }
    }

    /// Defines `key` on `target` as an accessor whose getter and setter are
    /// `[[ThrowTypeError]]` (not enumerable, not configurable: 13.2 step 19, 10.6 step 14).
    pub fn define_thrower(&self, ctx: Ctx<'gc>, target: Object<'gc>, key: PropertyKey<'gc>) {
        let thrower = Some(self.throw_type_error);
        target.set_own(
            &ctx,
            key,
            crate::object::Property {
                slot: crate::object::Slot::Accessor {
                    get: thrower,
                    set: thrower,
                },
                attributes: Attributes::NONE,
            },
        );
    }

    /// A new error object with `prototype` and `message`.
    pub fn new_error(&self, ctx: Ctx<'gc>, prototype: Object<'gc>, message: &str) -> Object<'gc> {
        let error = Object::new(&ctx, Some(prototype), Class::Error);
        error.set_own_value(
            &ctx,
            self.atoms.message,
            ctx.string(message),
            Attributes::HIDDEN,
        );
        error
    }
}
