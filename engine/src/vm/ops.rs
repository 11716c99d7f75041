//! The spec's abstract operations the interpreter and the builtins share: type conversions
//! (ES5.1 chapter 9), the operators (chapter 11), and property access with prototypes,
//! accessors and array `length` (chapter 8).
//!
//! Conversions of objects (`ToPrimitive`) and accessor properties run JavaScript code. Here
//! they do so in a *nested run* of the interpreter (see [`call`]), bounded in depth. Such a
//! run happens inside one slice of the engine, so the collector cannot run during it and a
//! `promise.wait()` inside it cannot suspend.
//!
//! One file per part:
//! - `nested.rs`: calling a JavaScript function from inside an operation (a nested run);
//! - `convert.rs`: the type conversions (chapter 9);
//! - `property.rs`: `[[Get]]`, `[[Put]]`, `[[Delete]]` and the other property operations
//!   (8.12);
//! - `descriptor.rs`: property descriptors and `[[DefineOwnProperty]]` (8.10, 8.12.9,
//!   15.4.5.1);
//! - `operators.rs`: `+`, the comparisons, `instanceof` and SameValue.
//!
//! Callers use the items through this module (`ops::get`, `ops::to_number`); the split is for
//! whoever reads them.

mod convert;
mod descriptor;
pub mod integer_indexed;
mod nested;
mod operators;
mod property;

pub use convert::{
    display_string, error_stack, key_to_string, to_number, to_object, to_primitive,
    to_property_key, to_string, Hint,
};
pub use descriptor::{
    define_own_property, from_property_descriptor, to_property_descriptor, PropertyDescriptor,
};
pub use nested::{call, is_nested, CANNOT_SUSPEND};
pub use operators::{add, instance_of, less_than, loose_equals, same_value, strict_equals};
pub use property::{
    add_property, array_length, delete, get, get_own_property, has_property, own_keys, put,
};
