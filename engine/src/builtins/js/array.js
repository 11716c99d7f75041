// The Array.prototype methods that call back into JavaScript (ES5.1 15.4.4.11, 15.4.4.16-22).
//
// They are written in JavaScript so that each callback is an ordinary call in the interpreter:
// a long loop of callbacks runs in slices like any other code, and the collector can work
// between them. The code must not depend on anything a script can change, so it uses only
// operators and the helpers it is given: `__call(f, thisValue, args...)` is a compiler
// intrinsic for calling `f` with an explicit `this` (a script could replace
// `Function.prototype.call`, but not this).
(function (ArrayPrototype, define, toObject, toLength, toString, isCallable, TypeError, defineElement, sortPrimitives, mergeSort) {
  "use strict";

  function callableOrThrow(callbackfn, method) {
    if (!isCallable(callbackfn)) {
      throw new TypeError("Array.prototype." + method + ": " + typeof callbackfn + " is not a function");
    }
  }

  // 15.4.4.18
  define(ArrayPrototype, "forEach", function forEach(callbackfn, thisArg) {
    // 1. Let O be the result of calling ToObject passing the this value as the argument.
    var O = toObject(this);
    // 2-3. Let len be ToLength(Get(O, "length")). (ES5 said ToUint32; ES2015's ToLength is
    //      what test262 checks, and what engines do.)
    var len = toLength(O.length);
    // 4. If IsCallable(callbackfn) is false, throw a TypeError exception.
    callableOrThrow(callbackfn, "forEach");
    // 6-7. Visit each present index in ascending order.
    for (var k = 0; k < len; k++) {
      if (k in O) {
        __call(callbackfn, thisArg, O[k], k, O);
      }
    }
  }, 1);

  // 15.4.4.19
  define(ArrayPrototype, "map", function map(callbackfn, thisArg) {
    var O = toObject(this);
    var len = toLength(O.length);
    callableOrThrow(callbackfn, "map");
    // 6. Let A be a new array created as if by new Array(len).
    var A = [];
    A.length = len;
    for (var k = 0; k < len; k++) {
      if (k in O) {
        // 8.c.iii: the result is *defined* on A (a setter on Array.prototype must not run).
        defineElement(A, k, __call(callbackfn, thisArg, O[k], k, O));
      }
    }
    return A;
  }, 1);

  // 15.4.4.20
  define(ArrayPrototype, "filter", function filter(callbackfn, thisArg) {
    var O = toObject(this);
    var len = toLength(O.length);
    callableOrThrow(callbackfn, "filter");
    var A = [];
    var to = 0;
    for (var k = 0; k < len; k++) {
      if (k in O) {
        var kValue = O[k];
        if (__call(callbackfn, thisArg, kValue, k, O)) {
          defineElement(A, to++, kValue);
        }
      }
    }
    return A;
  }, 1);

  // 15.4.4.17
  define(ArrayPrototype, "some", function some(callbackfn, thisArg) {
    var O = toObject(this);
    var len = toLength(O.length);
    callableOrThrow(callbackfn, "some");
    for (var k = 0; k < len; k++) {
      if (k in O && __call(callbackfn, thisArg, O[k], k, O)) {
        return true;
      }
    }
    return false;
  }, 1);

  // 15.4.4.16
  define(ArrayPrototype, "every", function every(callbackfn, thisArg) {
    var O = toObject(this);
    var len = toLength(O.length);
    callableOrThrow(callbackfn, "every");
    for (var k = 0; k < len; k++) {
      if (k in O && !__call(callbackfn, thisArg, O[k], k, O)) {
        return false;
      }
    }
    return true;
  }, 1);

  // 15.4.4.21 and 15.4.4.22: `reduce` walks up from 0, `reduceRight` down from len - 1.
  function reduceWith(O, len, callbackfn, args, step, method) {
    callableOrThrow(callbackfn, method);
    var k = step > 0 ? 0 : len - 1;
    var accumulator;
    if (args.length >= 2) {
      accumulator = args[1];
    } else {
      // 7-8. Without an initial value, the first present element is the start.
      var found = false;
      for (; !found && k >= 0 && k < len; k += step) {
        if (k in O) {
          found = true;
          accumulator = O[k];
        }
      }
      if (!found) {
        throw new TypeError("Array.prototype." + method + " of empty array with no initial value");
      }
    }
    for (; k >= 0 && k < len; k += step) {
      if (k in O) {
        accumulator = __call(callbackfn, undefined, accumulator, O[k], k, O);
      }
    }
    return accumulator;
  }

  define(ArrayPrototype, "reduce", function reduce(callbackfn) {
    var O = toObject(this);
    var len = toLength(O.length);
    return reduceWith(O, len, callbackfn, arguments, 1, "reduce");
  }, 1);

  define(ArrayPrototype, "reduceRight", function reduceRight(callbackfn) {
    var O = toObject(this);
    var len = toLength(O.length);
    return reduceWith(O, len, callbackfn, arguments, -1, "reduceRight");
  }, 1);

  // 15.4.4.11: a stable merge sort. Present values are sorted (undefined ones go last, as
  // SortCompare says), then written back; the indices of the holes are deleted at the end.
  // `mergeSort(values, count, compare)` is native (merge_sort.rs): it sorts values[0 .. count)
  // with `compare` (SortCompare's step for two defined values: a NaN result counts as 0),
  // calling it as this code would, and returns the array.
  define(ArrayPrototype, "sort", function sort(comparefn) {
    var O = toObject(this);
    var len = toLength(O.length);
    if (comparefn !== undefined && !isCallable(comparefn)) {
      throw new TypeError("The comparison function must be either a function or undefined");
    }
    var values = [];
    var count = 0;
    var undefineds = 0;
    for (var i = 0; i < len; i++) {
      if (i in O) {
        var value = O[i];
        if (value === undefined) {
          undefineds++;
        } else {
          values[count++] = value;
        }
      }
    }
    if (comparefn === undefined) {
      // Without a comparator the order is that of ToString of each value. For primitives
      // ToString runs no user code, so a native sort does it (false: an object is present,
      // whose toString must be called from here, where the collector can run).
      if (!sortPrimitives(values, count)) {
        values = mergeSort(values, count, function (x, y) {
          var xs = toString(x);
          var ys = toString(y);
          return xs < ys ? -1 : xs > ys ? 1 : 0;
        });
      }
    } else {
      values = mergeSort(values, count, comparefn);
    }
    var k = 0;
    for (; k < count; k++) {
      O[k] = values[k];
    }
    for (var u = 0; u < undefineds; u++) {
      O[k++] = undefined;
    }
    for (; k < len; k++) {
      delete O[k];
    }
    return O;
  }, 1);
})
