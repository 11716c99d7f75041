//! The String.prototype methods that take a regular expression (15.5.4.10-14): `match`,
//! `replace` (with its `$` template and a function replacement), `search` and `split`. They
//! live beside the RegExp built-ins because they share its matcher, its subjects and the
//! statics every successful match updates.

use super::*;
use crate::string::Units;

/// `regexp` itself if it is a RegExp object, else a RegExp "as if by the expression
/// `new RegExp(regexp)`" (15.5.4.10 step 4, 15.5.4.12 step 3).
fn to_regexp<'gc>(ctx: Ctx<'gc>, regexp: Value<'gc>) -> Result<Made<'gc>, Throw<'gc>> {
    if let (Value::Object(object), Some((regex, flags, _))) = (regexp, regexp_parts(regexp)) {
        return Ok((object, regex, flags));
    }
    let pattern = match regexp {
        Value::Undefined => Vec::new(),
        value => ops::to_string(ctx, value)?.to_units(&ctx),
    };
    make_regexp(ctx, &pattern, &[])
}

/// 15.5.4.10 String.prototype.match(regexp)
pub(super) fn string_match<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Call CheckObjectCoercible passing the this value as its argument.
    // 2. Let S be the result of calling ToString, giving it the this value as its argument.
    let input = this_string(ctx, this, "match")?;
    // 3. If Type(regexp) is Object and the value of the [[Class]] internal property of regexp
    //    is "RegExp", then let rx be regexp;
    // 4. Else, let rx be a new RegExp object created as if by the expression new RegExp(regexp)
    //    where RegExp is the standard built-in constructor with that name.
    let (rx, regex, flags) = to_regexp(ctx, arg(args, 0))?;
    // 5. Let global be the result of calling the [[Get]] internal method of rx with argument
    //    "global".
    // 6. Let exec be the standard built-in function RegExp.prototype.exec (see 15.10.6.2)
    // 7. If global is not true, then return the result of calling the [[Call]] internal method
    //    of exec with rx as the this value and argument list containing S.
    if !flags.global {
        return Ok(match exec_match(ctx, rx, &regex, false, input)? {
            None => Value::Null,
            Some(m) => match_array(ctx, &m, input),
        });
    }
    // 8. Else, global is true
    //    a. Call the [[Put]] internal method of rx with arguments "lastIndex" and 0.
    ops::put(
        ctx,
        Value::Object(rx),
        key(ctx, "lastIndex"),
        Value::Number(0.0),
        true,
    )?;
    //    b. Let A be a new array created as if by the expression new Array().
    //    c-e. Let previousLastIndex be 0, n be 0, lastMatch be true.
    //    f. Repeat, while lastMatch is true: call exec; stop at null; otherwise step past an
    //       empty match and add the matched substring to A.
    //    (The final exec fails and leaves lastIndex at 0, where it already is.)
    let units = input.to_units(&ctx);
    let matches = find_all(&regex, &units);
    if let Some(m) = matches.last() {
        statics::record(ctx, input, m);
    }
    let values: Vec<Value<'gc>> = matches
        .into_iter()
        .map(|m| substring(ctx, &units, m.range()))
        .collect();
    // g. If n = 0, then return null. h. Return A.
    if values.is_empty() {
        return Ok(Value::Null);
    }
    Ok(Value::Object(ctx.realm().new_array(ctx, values)))
}

/// One match of a `replace`: where it is and what its groups captured.
struct Found {
    range: Range<usize>,
    captures: Vec<Option<Range<usize>>>,
}

impl From<Match> for Found {
    fn from(m: Match) -> Found {
        Found {
            range: m.range,
            captures: m.captures,
        }
    }
}

/// The first occurrence of `needle` in `haystack` at or after `from`.
fn find_units(haystack: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= haystack.len()).then_some(from);
    }
    let tail = haystack.get(from..)?;
    tail.windows(needle.len())
        .position(|window| window == needle)
        .map(|i| i + from)
}

/// Appends the replacement text `template` makes for `found` (15.5.4.11, Table 22): `$$`,
/// `$&`, `` $` ``, `$'`, `$n` and `$nn`. A `$` that starts none of these, or names a group the
/// pattern does not have, stays as it is.
fn expand_template(template: &[u16], units: &[u16], found: &Found, out: &mut Vec<u16>) {
    let digit = |unit: Option<&u16>| match unit {
        Some(&u) if (0x30..=0x39).contains(&u) => Some(usize::from(u - 0x30)),
        _ => None,
    };
    let group_count = found.captures.len();
    let capture = |n: usize, out: &mut Vec<u16>| {
        if let Some(Some(range)) = found.captures.get(n - 1) {
            out.extend_from_slice(units.get(range.clone()).unwrap_or_default());
        }
    };
    let mut i = 0;
    while let Some(&unit) = template.get(i) {
        if unit != u16::from(b'$') {
            out.push(unit);
            i += 1;
            continue;
        }
        let next = template.get(i + 1).copied();
        match next {
            Some(0x24) => out.push(u16::from(b'$')), // $$
            Some(0x26) => out.extend_from_slice(units.get(found.range.clone()).unwrap_or_default()), // $&
            Some(0x60) => out.extend_from_slice(units.get(..found.range.start).unwrap_or_default()), // $`
            Some(0x27) => out.extend_from_slice(units.get(found.range.end..).unwrap_or_default()), // $'
            _ => {
                let first = digit(template.get(i + 1));
                let second = digit(template.get(i + 2));
                match (first, second) {
                    // $nn: a two-digit group number, when the pattern has that many groups.
                    (Some(a), Some(b)) if (1..=group_count).contains(&(a * 10 + b)) => {
                        capture(a * 10 + b, out);
                        i += 3;
                    }
                    // $n
                    (Some(a), _) if (1..=group_count).contains(&a) => {
                        capture(a, out);
                        i += 2;
                    }
                    _ => {
                        out.push(unit);
                        i += 1;
                    }
                }
                continue;
            }
        }
        i += 2;
    }
}

/// 15.5.4.11 String.prototype.replace(searchValue, replaceValue)
pub(super) fn string_replace<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // Let string be the result of calling ToString, giving it the this value as its argument.
    let input = this_string(ctx, this, "replace")?;
    let search_value = arg(args, 0);
    let replace_value = arg(args, 1);
    let regexp = regexp_parts(search_value);
    // If searchValue is not a regular expression, let searchString be ToString(searchValue).
    let search_string = match regexp {
        Some(_) => None,
        None => Some(ops::to_string(ctx, search_value)?.to_units(&ctx)),
    };
    // A replaceValue that is not a function is converted once, before the search (the order
    // ES2015 gives).
    let replace_function = replace_value
        .as_object()
        .filter(|f| f.is_callable())
        .map(Value::Object);
    let template = match replace_function {
        Some(_) => Vec::new(),
        None => ops::to_string(ctx, replace_value)?.to_units(&ctx),
    };
    let units = input.to_units(&ctx);
    let found: Vec<Found> = match (regexp, search_string) {
        (Some((regex, flags, _)), _) => {
            if flags.global {
                // If searchValue.global is true, then search string for all matches of the
                // regular expression searchValue, as in String.prototype.match, including
                // the update of searchValue.lastIndex.
                ops::put(
                    ctx,
                    search_value,
                    key(ctx, "lastIndex"),
                    Value::Number(0.0),
                    true,
                )?;
                let matches = find_all(&regex, &units);
                if let Some(m) = matches.last() {
                    statics::record(ctx, input, m);
                }
                matches.into_iter().map(Found::from).collect()
            } else {
                // If searchValue.global is false, then search string for the first match of
                // the regular expression searchValue.
                let found = find(&regex, Subject::Units(&units), 0);
                if let Some(m) = &found {
                    statics::record(ctx, input, m);
                }
                found.map(Found::from).into_iter().collect()
            }
        }
        // Search string for the first occurrence of searchString; let m be 0.
        (None, Some(needle)) => find_units(&units, &needle, 0)
            .map(|start| Found {
                range: start..start + needle.len(),
                captures: Vec::new(),
            })
            .into_iter()
            .collect(),
        (None, None) => Vec::new(),
    };
    if found.is_empty() {
        return Ok(Value::String(input));
    }
    let too_long = || ctx.range_error("Invalid string length");
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    let mut last = 0;
    for m in &found {
        out.extend_from_slice(units.get(last..m.range.start).unwrap_or_default());
        match replace_function {
            // If replaceValue is a function, then for each matched substring, call the function
            // with the following m + 3 arguments: the matched substring, the m captures
            // (undefined for a group that did not participate), the offset of the match within
            // string, and string itself. The result of each call, converted to a String,
            // replaces the matched substring.
            Some(function) => {
                let mut call_args = Vec::with_capacity(m.captures.len() + 3);
                call_args.push(substring(ctx, &units, m.range.clone()));
                for capture in &m.captures {
                    call_args.push(match capture {
                        Some(range) => substring(ctx, &units, range.clone()),
                        None => Value::Undefined,
                    });
                }
                call_args.push(Value::Number(m.range.start as f64));
                call_args.push(Value::String(input));
                let result = ops::call(ctx, function, Value::Undefined, &call_args)?;
                let text = ops::to_string(ctx, result)?;
                if out.len() + text.len() > MAX_LENGTH {
                    return Err(too_long());
                }
                text.with_units(&ctx, |piece| match piece {
                    crate::string::Units::Latin1(bytes) => {
                        out.extend(bytes.iter().map(|&b| u16::from(b)));
                    }
                    crate::string::Units::Utf16(wide) => out.extend_from_slice(wide),
                });
            }
            // Otherwise the replacement text is replaceValue with its $ patterns expanded.
            None => expand_template(&template, &units, m, &mut out),
        }
        if out.len() > MAX_LENGTH {
            return Err(too_long());
        }
        last = m.range.end;
    }
    out.extend_from_slice(units.get(last..).unwrap_or_default());
    if out.len() > MAX_LENGTH {
        return Err(too_long());
    }
    Ok(Value::String(JsString::from_units(&ctx, &out)))
}

/// 15.5.4.12 String.prototype.search(regexp)
pub(super) fn string_search<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Call CheckObjectCoercible passing the this value as its argument.
    // 2. Let string be the result of calling ToString, giving it the this value as its argument.
    let input = this_string(ctx, this, "search")?;
    // 3. If Type(regexp) is Object and the value of the [[Class]] internal property of regexp
    //    is "RegExp", then let rx be regexp; else let rx be a new RegExp object created as if by
    //    the expression new RegExp(regexp).
    let (_, regex, _) = to_regexp(ctx, arg(args, 0))?;
    // 4. Search the value string from its beginning for an occurrence of the regular expression
    //    pattern rx. Let result be the index within string at which the match begins, or -1.
    //    (The lastIndex and global properties of regexp are ignored and left unchanged.)
    let found = with_subject(ctx, input, |subject| find(&regex, subject, 0));
    if let Some(m) = &found {
        statics::record(ctx, input, m);
    }
    let result = found.map_or(-1.0, |m| m.start() as f64);
    // 5. Return result.
    Ok(Value::Number(result))
}

/// The separator of a `split`: a RegExp or a string.
enum Separator {
    RegExp(Rc<Matcher>),
    String(Vec<u16>),
}

impl Separator {
    /// The first place at or after `q`, and before the end of `units`, where SplitMatch
    /// (15.5.4.14) succeeds: its start, its end, and what the groups captured. Positions
    /// before it are those where SplitMatch fails.
    fn next_match(&self, units: &[u16], q: usize) -> Option<Found> {
        let found = match self {
            Separator::RegExp(regex) => find(regex, Subject::Units(units), q).map(Found::from),
            Separator::String(needle) => find_units(units, needle, q).map(|start| Found {
                range: start..start + needle.len(),
                captures: Vec::new(),
            }),
        };
        found.filter(|f| f.range.start < units.len())
    }

    /// SplitMatch(S, 0, R) on an empty S: whether R matches the empty string.
    fn matches_empty(&self, units: &[u16]) -> bool {
        match self {
            Separator::RegExp(regex) => {
                find(regex, Subject::Units(units), 0).is_some_and(|m| m.start() == 0)
            }
            Separator::String(needle) => needle.is_empty(),
        }
    }
}

/// Steps 12-16 of `split` for a non-empty string separator `needle` in a one-byte string: no
/// match of it can be empty, so the pieces are the text between its leftmost non-overlapping
/// occurrences, at most `lim` of them; each is a substring of `input` (short ones in cells of
/// their own, long ones sharing its buffer), with no two-byte copy of the whole. `None` for a
/// two-byte string, or a separator that is empty or has a unit past one byte (the general
/// steps then).
fn split_bytes<'gc>(
    ctx: Ctx<'gc>,
    input: JsString<'gc>,
    needle: &[u16],
    lim: usize,
) -> Option<Vec<Value<'gc>>> {
    let needle = needle
        .iter()
        .map(|&u| u8::try_from(u).ok())
        .collect::<Option<Vec<u8>>>()?;
    if needle.is_empty() {
        return None;
    }
    let starts = input.with_units(&ctx, |units| match units {
        Units::Latin1(bytes) => Some(
            memchr::memmem::find_iter(bytes, &needle)
                .take(lim)
                .collect::<Vec<usize>>(),
        ),
        Units::Utf16(_) => None,
    })?;
    let mut pieces = Vec::with_capacity(starts.len() + 1);
    let mut p = 0;
    for q in starts {
        pieces.push(Value::String(input.substring(&ctx, p, q)));
        p = q + needle.len();
    }
    if pieces.len() < lim {
        pieces.push(Value::String(input.substring(&ctx, p, input.len())));
    }
    Some(pieces)
}

/// 15.5.4.14 String.prototype.split(separator, limit)
pub(super) fn string_split<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Call CheckObjectCoercible passing the this value as its argument.
    // 2. Let S be the result of calling ToString, giving it the this value as its argument.
    let input = this_string(ctx, this, "split")?;
    let separator = arg(args, 0);
    // 3. Let A be a new array created as if by the expression new Array().
    // 4. Let lengthA be 0.
    let mut values: Vec<Value<'gc>> = Vec::new();
    // 5. If limit is undefined, let lim = 2^32-1; else let lim = ToUint32(limit).
    let lim = match arg(args, 1) {
        Value::Undefined => u32::MAX,
        limit => convert::to_uint32(ops::to_number(ctx, limit)?),
    } as usize;
    // 6. Let s be the number of characters in S.
    let s = input.len();
    // 7. Let p = 0.
    let mut p = 0;
    // 8. If separator is a RegExp object (its [[Class]] is "RegExp"), let R = separator;
    //    otherwise let R = ToString(separator).
    let r = match regexp_parts(separator) {
        Some((regex, _, _)) => Separator::RegExp(regex),
        None => Separator::String(ops::to_string(ctx, separator)?.to_units(&ctx)),
    };
    // 9. If lim = 0, return A.
    if lim == 0 {
        return Ok(Value::Object(ctx.realm().new_array(ctx, values)));
    }
    // 10. If separator is undefined, then
    //     a. Call the [[DefineOwnProperty]] internal method of A with arguments "0", Property
    //        Descriptor {[[Value]]: S, [[Writable]]: true, [[Enumerable]]: true,
    //        [[Configurable]]: true}, and false.
    //     b. Return A.
    if separator.is_undefined() {
        return Ok(Value::Object(
            ctx.realm().new_array(ctx, [Value::String(input)]),
        ));
    }
    // 11. If s = 0, then
    //     a. Call SplitMatch(S, 0, R) and let z be its MatchResult result.
    //     b. If z is not failure, return A.
    //     c. Call [[DefineOwnProperty]] of A with arguments "0", {[[Value]]: S, ...}.
    //     d. Return A.
    if s == 0 {
        if !r.matches_empty(&[]) {
            values.push(Value::String(input));
        }
        return Ok(Value::Object(ctx.realm().new_array(ctx, values)));
    }
    // A string separator in a one-byte string (`csv.split(",")`): steps 12-16 come to the
    // pieces between its occurrences, cut from the string itself.
    if let Separator::String(needle) = &r {
        if let Some(pieces) = split_bytes(ctx, input, needle, lim) {
            return Ok(Value::Object(ctx.realm().new_array(ctx, pieces)));
        }
    }
    let units = input.to_units(&ctx);
    // 12. Let q = p.
    let mut q = p;
    // 13. Repeat, while q ≠ s
    while q < s {
        //  a. Call SplitMatch(S, q, R) and let z be its MatchResult result.
        //  b. If z is failure, then let q = q+1. (Every position up to the next match fails.)
        let Some(found) = r.next_match(&units, q) else {
            break;
        };
        q = found.range.start;
        if let Separator::RegExp(_) = r {
            statics::record_range(ctx, input, found.range.clone(), &found.captures);
        }
        //  c. Else, z is not failure
        //     i. z must be a State. Let e be z's endIndex and let cap be z's captures array.
        let e = found.range.end;
        //     ii. If e = p, then let q = q+1.
        if e == p {
            q += 1;
            continue;
        }
        //     iii. Else, e ≠ p
        //        1. Let T be a String value equal to the substring of S consisting of the
        //           characters at positions p (inclusive) through q (exclusive).
        //        2. Call [[DefineOwnProperty]] of A with arguments ToString(lengthA), T.
        //        3. Increment lengthA by 1.
        values.push(substring(ctx, &units, p..q));
        //        4. If lengthA = lim, return A.
        if values.len() == lim {
            return Ok(Value::Object(ctx.realm().new_array(ctx, values)));
        }
        //        5. Let p = e.
        p = e;
        //        6-7. For each capture: append it to A (undefined if the group did not
        //           participate); if lengthA = lim, return A.
        for capture in &found.captures {
            values.push(match capture {
                Some(range) => substring(ctx, &units, range.clone()),
                None => Value::Undefined,
            });
            if values.len() == lim {
                return Ok(Value::Object(ctx.realm().new_array(ctx, values)));
            }
        }
        //        8. Let q = p.
        q = p;
    }
    // 14. Let T be a String value equal to the substring of S consisting of the characters at
    //     positions p (inclusive) through s (exclusive).
    // 15. Call [[DefineOwnProperty]] of A with arguments ToString(lengthA), T.
    values.push(substring(ctx, &units, p..s));
    // 16. Return A.
    Ok(Value::Object(ctx.realm().new_array(ctx, values)))
}
