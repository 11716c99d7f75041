// A module that exports through `this` ("Alternatively, one can use this
// instead of exports"). Used by this-exports.js.
this.area = function (side) {
  return side * side;
};
