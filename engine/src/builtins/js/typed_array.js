// The %TypedArray%.prototype methods that call back into JavaScript (ES2015 22.2.3), written
// in JavaScript for the same reason as array.js: each callback is an ordinary call, so a long
// loop of them runs in slices and lets the collector work.
//
// A typed array has no holes, so there is no `k in O` test; its elements are read with
// `O[k]` (the interpreter's fast path). Helpers from Rust: `validate(O, method)` checks that
// O is a typed array and returns its length, `create(O, n)` makes a typed array of O's kind,
// `sortNumeric(O)` sorts O by the default numeric order.
(function (ArrayPrototype, define, toObject, toLength, toString, isCallable, TypeError, defineElement, sortPrimitives, mergeSort, TypedArrayPrototype, validate, create, sortNumeric) {
  "use strict";

  function callableOrThrow(callbackfn, method) {
    if (!isCallable(callbackfn)) {
      throw new TypeError("%TypedArray%.prototype." + method + ": " + typeof callbackfn + " is not a function");
    }
  }

  // 22.2.3.12
  define(TypedArrayPrototype, "forEach", function forEach(callbackfn, thisArg) {
    var O = this;
    var len = validate(O, "forEach");
    callableOrThrow(callbackfn, "forEach");
    for (var k = 0; k < len; k++) {
      __call(callbackfn, thisArg, O[k], k, O);
    }
  }, 1);

  // 22.2.3.18: the results go into a new typed array of the same kind.
  define(TypedArrayPrototype, "map", function map(callbackfn, thisArg) {
    var O = this;
    var len = validate(O, "map");
    callableOrThrow(callbackfn, "map");
    var A = create(O, len);
    for (var k = 0; k < len; k++) {
      A[k] = __call(callbackfn, thisArg, O[k], k, O);
    }
    return A;
  }, 1);

  // 22.2.3.9
  define(TypedArrayPrototype, "filter", function filter(callbackfn, thisArg) {
    var O = this;
    var len = validate(O, "filter");
    callableOrThrow(callbackfn, "filter");
    var kept = [];
    var count = 0;
    for (var k = 0; k < len; k++) {
      var kValue = O[k];
      if (__call(callbackfn, thisArg, kValue, k, O)) {
        defineElement(kept, count++, kValue);
      }
    }
    var A = create(O, count);
    for (var n = 0; n < count; n++) {
      A[n] = kept[n];
    }
    return A;
  }, 1);

  // 22.2.3.24
  define(TypedArrayPrototype, "some", function some(callbackfn, thisArg) {
    var O = this;
    var len = validate(O, "some");
    callableOrThrow(callbackfn, "some");
    for (var k = 0; k < len; k++) {
      if (__call(callbackfn, thisArg, O[k], k, O)) {
        return true;
      }
    }
    return false;
  }, 1);

  // 22.2.3.7
  define(TypedArrayPrototype, "every", function every(callbackfn, thisArg) {
    var O = this;
    var len = validate(O, "every");
    callableOrThrow(callbackfn, "every");
    for (var k = 0; k < len; k++) {
      if (!__call(callbackfn, thisArg, O[k], k, O)) {
        return false;
      }
    }
    return true;
  }, 1);

  // 22.2.3.10 and 22.2.3.11: the first element that passes, or its index.
  function findWith(O, callbackfn, thisArg, method) {
    var len = validate(O, method);
    callableOrThrow(callbackfn, method);
    for (var k = 0; k < len; k++) {
      var kValue = O[k];
      if (__call(callbackfn, thisArg, kValue, k, O)) {
        return k;
      }
    }
    return -1;
  }

  define(TypedArrayPrototype, "find", function find(callbackfn, thisArg) {
    var k = findWith(this, callbackfn, thisArg, "find");
    return k < 0 ? undefined : this[k];
  }, 1);

  define(TypedArrayPrototype, "findIndex", function findIndex(callbackfn, thisArg) {
    return findWith(this, callbackfn, thisArg, "findIndex");
  }, 1);

  // 22.2.3.19 and 22.2.3.20: `reduce` walks up from 0, `reduceRight` down from len - 1.
  function reduceWith(O, callbackfn, args, step, method) {
    var len = validate(O, method);
    callableOrThrow(callbackfn, method);
    var k = step > 0 ? 0 : len - 1;
    var accumulator;
    if (args.length >= 2) {
      accumulator = args[1];
    } else {
      if (len === 0) {
        throw new TypeError("%TypedArray%.prototype." + method + " of empty array with no initial value");
      }
      accumulator = O[k];
      k += step;
    }
    for (; k >= 0 && k < len; k += step) {
      accumulator = __call(callbackfn, undefined, accumulator, O[k], k, O);
    }
    return accumulator;
  }

  define(TypedArrayPrototype, "reduce", function reduce(callbackfn) {
    return reduceWith(this, callbackfn, arguments, 1, "reduce");
  }, 1);

  define(TypedArrayPrototype, "reduceRight", function reduceRight(callbackfn) {
    return reduceWith(this, callbackfn, arguments, -1, "reduceRight");
  }, 1);

  // 22.2.3.25: numeric order without a comparator (native); with one, the stable merge sort
  // of array.js on a copy of the elements, written back (a NaN result counts as 0).
  define(TypedArrayPrototype, "sort", function sort(comparefn) {
    var O = this;
    if (comparefn !== undefined && !isCallable(comparefn)) {
      throw new TypeError("%TypedArray%.prototype.sort: the comparison function must be a function or undefined");
    }
    var len = validate(O, "sort");
    if (comparefn === undefined) {
      return sortNumeric(O);
    }
    var values = [];
    for (var k = 0; k < len; k++) {
      defineElement(values, k, O[k]);
    }
    values = mergeSort(values, len, function (x, y) {
      return +comparefn(x, y);
    });
    for (var i = 0; i < len; i++) {
      O[i] = values[i];
    }
    return O;
  }, 1);

  // 22.2.3.27: each element's toLocaleString, joined by ",".
  define(TypedArrayPrototype, "toLocaleString", function toLocaleString() {
    var O = this;
    var len = validate(O, "toLocaleString");
    var R = "";
    for (var k = 0; k < len; k++) {
      if (k > 0) {
        R += ",";
      }
      R += toString(O[k].toLocaleString());
    }
    return R;
  }, 0);
})
