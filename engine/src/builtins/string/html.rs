//! The HTML methods of String.prototype (ES2015 B.2.3.2-14): `"x".bold()` is `"<b>x</b>"`.
//! Nobody should use them, but pages and programs of 2010 did, and every engine had them.

use super::super::arg;
use super::this_string;
use crate::object::NativeFn;
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// B.2.3.2.1 CreateHTML(string, tag, attribute, value)
fn create_html<'gc>(
    ctx: Ctx<'gc>,
    this: Value<'gc>,
    method: &str,
    tag: &str,
    attribute: Option<(&str, Value<'gc>)>,
) -> NativeResult<'gc> {
    // 1-2. Let str be ? RequireObjectCoercible(string); let S be ? ToString(str).
    let s = this_string(ctx, this, method)?;
    // 3. Let p1 be the concatenation of "<" and tag.
    let mut p: Vec<u16> = format!("<{tag}").encode_utf16().collect();
    // 4. If attribute is not the empty String, then
    if let Some((attribute, value)) = attribute {
        // a. Let V be ? ToString(value).
        let v = ops::to_string(ctx, value)?.to_units(&ctx);
        // b. Let escapedV be V with each '"' replaced by "&quot;".
        // c. Let p1 be p1, " ", attribute, '="', escapedV and '"'.
        p.extend(format!(" {attribute}=\"").encode_utf16());
        for unit in v {
            if unit == u16::from(b'"') {
                p.extend("&quot;".encode_utf16());
            } else {
                p.push(unit);
            }
        }
        p.push(u16::from(b'"'));
    }
    // 5-7. Let p2 be p1 and ">"; p3 be p2 and S; p4 be p3, "</", tag and ">".
    p.push(u16::from(b'>'));
    p.extend(s.to_units(&ctx));
    p.extend(format!("</{tag}>").encode_utf16());
    // 8. Return p4.
    Ok(Value::String(crate::string::JsString::from_units(&ctx, &p)))
}

/// A method without an attribute: `this` wrapped in `<tag>`.
macro_rules! plain {
    ($name:ident, $method:literal, $tag:literal) => {
        fn $name<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
            // Return ? CreateHTML(S, tag, "", "").
            create_html(*ctx, this, $method, $tag, None)
        }
    };
}

/// A method whose argument becomes the tag's attribute.
macro_rules! with_attribute {
    ($name:ident, $method:literal, $tag:literal, $attribute:literal) => {
        fn $name<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
            // Return ? CreateHTML(S, tag, attribute, argument).
            create_html(*ctx, this, $method, $tag, Some(($attribute, arg(args, 0))))
        }
    };
}

with_attribute!(anchor, "anchor", "a", "name");
plain!(big, "big", "big");
plain!(blink, "blink", "blink");
plain!(bold, "bold", "b");
plain!(fixed, "fixed", "tt");
with_attribute!(fontcolor, "fontcolor", "font", "color");
with_attribute!(fontsize, "fontsize", "font", "size");
plain!(italics, "italics", "i");
with_attribute!(link, "link", "a", "href");
plain!(small, "small", "small");
plain!(strike, "strike", "strike");
plain!(sub, "sub", "sub");
plain!(sup, "sup", "sup");

/// The methods, for String.prototype.
pub(super) const METHODS: [(&str, NativeFn, u32); 13] = [
    ("anchor", anchor, 1),
    ("big", big, 0),
    ("blink", blink, 0),
    ("bold", bold, 0),
    ("fixed", fixed, 0),
    ("fontcolor", fontcolor, 1),
    ("fontsize", fontsize, 1),
    ("italics", italics, 0),
    ("link", link, 1),
    ("small", small, 0),
    ("strike", strike, 0),
    ("sub", sub, 0),
    ("sup", sup, 0),
];
