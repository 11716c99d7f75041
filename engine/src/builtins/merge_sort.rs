//! The merge sort behind `Array.prototype.sort` (15.4.4.11): array.js gathers the present,
//! defined values into a plain array and hands them here with the comparison function.
//!
//! It is a resumable native (see [`crate::vm::resumable`]): every comparison is an ordinary
//! call that the interpreter makes and returns from, so a sort of a large array runs in slices
//! like any loop, and the collector can work while a comparator allocates. Between calls, all
//! the sort knows is its state: on the interpreter's operand stack the comparison function,
//! the array to put the result in, and two buffers of `count` values that the passes merge
//! from one into the other; beside them, where it is in the merging (a [`Cursor`]). Doing the
//! merging natively leaves the interpreter only the comparator's own instructions, where a
//! merge sort in JavaScript ran some thirty instructions of bookkeeping around each
//! comparison.

use super::arg;
use crate::object::{Attributes, Property, PropertyKey, Slot};
use crate::value::Value;
use crate::vm::resumable::{NativeState, Resumed};
use crate::vm::{ops, Ctx, Throw};

/// Where the state's values keep the comparison function, the array and the buffers.
const COMPARE: usize = 0;
const ARRAY: usize = 1;
const BUFFERS: usize = 2;

/// `mergeSort(values, count, compare)`: sorts `values[0 .. count)` (data properties, none of
/// them undefined) with `compare`, stably, and returns `values`.
pub fn merge_sort<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> Result<Value<'gc>, Throw<'gc>> {
    let ctx = *ctx;
    let Some(values) = arg(args, 0).as_object() else {
        return Err(ctx.type_error("mergeSort: not an object"));
    };
    let count = ops::to_number(ctx, arg(args, 1))? as usize;
    let mut state = vec![Value::Undefined; BUFFERS + 2 * count];
    state[COMPARE] = arg(args, 2);
    state[ARRAY] = Value::Object(values);
    for (i, slot) in state[BUFFERS..BUFFERS + count].iter_mut().enumerate() {
        if let Some(Property {
            slot: Slot::Data(value),
            ..
        }) = values.own_property(ctx, PropertyKey::Index(i as u32))
        {
            *slot = value;
        }
    }
    let mut numbers = [0; Cursor::LEN];
    Cursor::new(count).store(&mut numbers);
    ctx.resumable(resume, state, Box::new(numbers))
}

/// One step of the sort: takes the result of the comparison asked for last, merges until
/// the next comparison (which it asks for) or the end (when it writes the sorted values back).
fn resume<'gc>(
    ctx: Ctx<'gc>,
    state: NativeState<'_, 'gc>,
    result: Value<'gc>,
) -> Result<Resumed<'gc>, Throw<'gc>> {
    let NativeState { values, numbers } = state;
    let mut cursor = Cursor::load(numbers);
    let (from, to) = cursor.buffers();
    if cursor.comparing {
        // SortCompare for two defined values: the comparator was given (b's head, a's head);
        // a negative result puts b's first. `< 0` is false for NaN, which keeps the order as
        // 0 does, so the sort stays stable.
        let b_first = ops::to_number(ctx, result)? < 0.0;
        let head = if b_first { cursor.b } else { cursor.a };
        values[to + cursor.out] = values[from + head];
        if b_first {
            cursor.b += 1;
        } else {
            cursor.a += 1;
        }
        cursor.out += 1;
        cursor.comparing = false;
    }
    while cursor.width < cursor.count {
        let (from, to) = cursor.buffers();
        if cursor.a < cursor.mid && cursor.b < cursor.hi {
            cursor.comparing = true;
            cursor.store(numbers);
            return Ok(Resumed::Call {
                function: values[COMPARE],
                this: Value::Undefined,
                args: [values[from + cursor.b], values[from + cursor.a]],
            });
        }
        // One run is used up: the rest of the other follows as it is.
        for (head, end) in [(cursor.a, cursor.mid), (cursor.b, cursor.hi)] {
            values.copy_within(from + head..from + end, to + cursor.out);
            cursor.out += end - head;
        }
        cursor.next_merge();
    }
    let sorted = cursor.buffers().0;
    let Value::Object(array) = values[ARRAY] else {
        return Err(ctx.type_error("mergeSort: not an object"));
    };
    for (i, value) in values[sorted..sorted + cursor.count].iter().enumerate() {
        array.set_own_value(&ctx, PropertyKey::Index(i as u32), *value, Attributes::ALL);
    }
    Ok(Resumed::Return(values[ARRAY]))
}

/// Where a bottom-up merge sort of `count` values is: in the pass that merges runs of `width`
/// values, it merges `[lo, mid)` and `[mid, hi)` (whose next values are at `a` and `b`) into
/// the other buffer at `out`. `flipped` says which buffer the pass reads; `comparing`, that a
/// comparison of the two heads has been asked for.
struct Cursor {
    count: usize,
    width: usize,
    lo: usize,
    mid: usize,
    hi: usize,
    a: usize,
    b: usize,
    out: usize,
    flipped: bool,
    comparing: bool,
}

impl Cursor {
    /// How many state slots a cursor takes.
    const LEN: usize = 10;

    /// The first merge of the first pass.
    fn new(count: usize) -> Cursor {
        let mut cursor = Cursor {
            count,
            width: 1,
            lo: 0,
            mid: 0,
            hi: 0,
            a: 0,
            b: 0,
            out: 0,
            flipped: false,
            comparing: false,
        };
        cursor.begin_merge(0);
        cursor
    }

    /// Moves on to the next pair of runs, or to the next pass (reading what this one wrote).
    fn next_merge(&mut self) {
        let mut lo = self.lo + 2 * self.width;
        if lo >= self.count {
            self.width *= 2;
            self.flipped = !self.flipped;
            lo = 0;
        }
        self.begin_merge(lo);
    }

    fn begin_merge(&mut self, lo: usize) {
        self.lo = lo;
        self.mid = (lo + self.width).min(self.count);
        self.hi = (lo + 2 * self.width).min(self.count);
        self.a = lo;
        self.b = self.mid;
        self.out = lo;
    }

    /// Where the buffer this pass reads and the one it writes start in the state.
    fn buffers(&self) -> (usize, usize) {
        let (first, second) = (BUFFERS, BUFFERS + self.count);
        if self.flipped {
            (second, first)
        } else {
            (first, second)
        }
    }

    fn store(&self, numbers: &mut [usize]) {
        let fields = [
            self.count,
            self.width,
            self.lo,
            self.mid,
            self.hi,
            self.a,
            self.b,
            self.out,
            usize::from(self.flipped),
            usize::from(self.comparing),
        ];
        numbers.copy_from_slice(&fields);
    }

    fn load(numbers: &[usize]) -> Cursor {
        let mut fields = [0; Cursor::LEN];
        fields.copy_from_slice(numbers);
        let [count, width, lo, mid, hi, a, b, out, flipped, comparing] = fields;
        Cursor {
            count,
            width,
            lo,
            mid,
            hi,
            a,
            b,
            out,
            flipped: flipped != 0,
            comparing: comparing != 0,
        }
    }
}
