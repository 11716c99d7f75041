// DeltaBlue (OO constraint solving), written for this suite after the algorithm of
// Freeman-Benson, Maloney and Borning, "An Incremental Constraint Solver" (CACM, 1990), and the
// shape of the classic benchmark: a chain of equality constraints edited from one end, and a
// projection of 100 scale constraints whose source, destination, scale and offset are changed
// in turn. Constraint classes inherit through prototypes as 2010 code does. (Octane's own
// deltablue.js is GPL-licensed, so it is not copied here.) Checks every value it plans.
var RUNS = 100;

// Strengths: a smaller number is stronger.
var REQUIRED = 0, STRONG_PREFERRED = 1, PREFERRED = 2, STRONG_DEFAULT = 3, NORMAL = 4,
    WEAK_DEFAULT = 5, WEAKEST = 6;
function stronger(s1, s2) { return s1 < s2; }
function weaker(s1, s2) { return s1 > s2; }
function weakestOf(s1, s2) { return weaker(s1, s2) ? s1 : s2; }

var NONE = 0, FORWARD = 1, BACKWARD = -1;
var planner = null;

function removeAll(list, item) {
  var kept = [];
  for (var i = 0; i < list.length; i++) if (list[i] !== item) kept.push(list[i]);
  return kept;
}

function Variable(name, value) {
  this.name = name;
  this.value = value || 0;
  this.constraints = [];
  this.determinedBy = null;
  this.mark = 0;
  this.walkStrength = WEAKEST;
  this.stay = true;
}
Variable.prototype.addConstraint = function (c) { this.constraints.push(c); };
Variable.prototype.removeConstraint = function (c) {
  this.constraints = removeAll(this.constraints, c);
  if (this.determinedBy === c) this.determinedBy = null;
};

// --- Constraint: the abstract base ---
function Constraint(strength) { this.strength = strength; }
Constraint.prototype.addConstraint = function () {
  this.addToGraph();
  planner.incrementalAdd(this);
};
// Chooses a method for this constraint to satisfy it, if it can; returns the constraint it
// overrode, or null.
Constraint.prototype.satisfy = function (mark) {
  this.chooseMethod(mark);
  if (!this.isSatisfied()) {
    if (this.strength === REQUIRED) throw new Error("deltablue: a required constraint is unsatisfied");
    return null;
  }
  this.markInputs(mark);
  var out = this.output();
  var overridden = out.determinedBy;
  if (overridden !== null) overridden.markUnsatisfied();
  out.determinedBy = this;
  if (!planner.addPropagate(this, mark)) throw new Error("deltablue: cycle encountered");
  out.mark = mark;
  return overridden;
};
Constraint.prototype.destroyConstraint = function () {
  if (this.isSatisfied()) planner.incrementalRemove(this);
  else this.removeFromGraph();
};
Constraint.prototype.isInput = function () { return false; };

// --- UnaryConstraint: one variable, satisfied or not ---
function UnaryConstraint(v, strength) {
  Constraint.call(this, strength);
  this.myOutput = v;
  this.satisfied = false;
  this.addConstraint();
}
UnaryConstraint.prototype = Object.create(Constraint.prototype);
UnaryConstraint.prototype.addToGraph = function () {
  this.myOutput.addConstraint(this);
  this.satisfied = false;
};
UnaryConstraint.prototype.chooseMethod = function (mark) {
  this.satisfied = this.myOutput.mark !== mark &&
                   stronger(this.strength, this.myOutput.walkStrength);
};
UnaryConstraint.prototype.isSatisfied = function () { return this.satisfied; };
UnaryConstraint.prototype.markInputs = function (mark) { };
UnaryConstraint.prototype.output = function () { return this.myOutput; };
UnaryConstraint.prototype.recalculate = function () {
  this.myOutput.walkStrength = this.strength;
  this.myOutput.stay = !this.isInput();
  if (this.myOutput.stay) this.execute();
};
UnaryConstraint.prototype.markUnsatisfied = function () { this.satisfied = false; };
UnaryConstraint.prototype.inputsKnown = function () { return true; };
UnaryConstraint.prototype.removeFromGraph = function () {
  if (this.myOutput !== null) this.myOutput.removeConstraint(this);
  this.satisfied = false;
};

// A stay keeps its variable's value; an edit marks its variable as an input the user changes.
function StayConstraint(v, strength) { UnaryConstraint.call(this, v, strength); }
StayConstraint.prototype = Object.create(UnaryConstraint.prototype);
StayConstraint.prototype.execute = function () { };

function EditConstraint(v, strength) { UnaryConstraint.call(this, v, strength); }
EditConstraint.prototype = Object.create(UnaryConstraint.prototype);
EditConstraint.prototype.isInput = function () { return true; };
EditConstraint.prototype.execute = function () { };

// --- BinaryConstraint: two variables, solved in either direction ---
function BinaryConstraint(v1, v2, strength) {
  Constraint.call(this, strength);
  this.v1 = v1;
  this.v2 = v2;
  this.direction = NONE;
  this.addConstraint();
}
BinaryConstraint.prototype = Object.create(Constraint.prototype);
BinaryConstraint.prototype.chooseMethod = function (mark) {
  if (this.v1.mark === mark) {
    this.direction = this.v2.mark !== mark && stronger(this.strength, this.v2.walkStrength)
      ? FORWARD : NONE;
    return;
  }
  if (this.v2.mark === mark) {
    this.direction = this.v1.mark !== mark && stronger(this.strength, this.v1.walkStrength)
      ? BACKWARD : NONE;
    return;
  }
  if (weaker(this.v1.walkStrength, this.v2.walkStrength)) {
    this.direction = stronger(this.strength, this.v1.walkStrength) ? BACKWARD : NONE;
  } else {
    this.direction = stronger(this.strength, this.v2.walkStrength) ? FORWARD : BACKWARD;
  }
};
BinaryConstraint.prototype.addToGraph = function () {
  this.v1.addConstraint(this);
  this.v2.addConstraint(this);
  this.direction = NONE;
};
BinaryConstraint.prototype.isSatisfied = function () { return this.direction !== NONE; };
BinaryConstraint.prototype.markInputs = function (mark) { this.input().mark = mark; };
BinaryConstraint.prototype.input = function () { return this.direction === FORWARD ? this.v1 : this.v2; };
BinaryConstraint.prototype.output = function () { return this.direction === FORWARD ? this.v2 : this.v1; };
BinaryConstraint.prototype.recalculate = function () {
  var ihn = this.input(), out = this.output();
  out.walkStrength = weakestOf(this.strength, ihn.walkStrength);
  out.stay = ihn.stay;
  if (out.stay) this.execute();
};
BinaryConstraint.prototype.markUnsatisfied = function () { this.direction = NONE; };
BinaryConstraint.prototype.inputsKnown = function (mark) {
  var i = this.input();
  return i.mark === mark || i.stay || i.determinedBy === null;
};
BinaryConstraint.prototype.removeFromGraph = function () {
  if (this.v1 !== null) this.v1.removeConstraint(this);
  if (this.v2 !== null) this.v2.removeConstraint(this);
  this.direction = NONE;
};

// dest = src * scale + offset, or backwards.
function ScaleConstraint(src, scale, offset, dest, strength) {
  this.direction = NONE;
  this.scale = scale;
  this.offset = offset;
  BinaryConstraint.call(this, src, dest, strength);
}
ScaleConstraint.prototype = Object.create(BinaryConstraint.prototype);
ScaleConstraint.prototype.addToGraph = function () {
  BinaryConstraint.prototype.addToGraph.call(this);
  this.scale.addConstraint(this);
  this.offset.addConstraint(this);
};
ScaleConstraint.prototype.removeFromGraph = function () {
  BinaryConstraint.prototype.removeFromGraph.call(this);
  if (this.scale !== null) this.scale.removeConstraint(this);
  if (this.offset !== null) this.offset.removeConstraint(this);
};
ScaleConstraint.prototype.markInputs = function (mark) {
  BinaryConstraint.prototype.markInputs.call(this, mark);
  this.scale.mark = this.offset.mark = mark;
};
ScaleConstraint.prototype.execute = function () {
  if (this.direction === FORWARD) {
    this.v2.value = this.v1.value * this.scale.value + this.offset.value;
  } else {
    this.v1.value = (this.v2.value - this.offset.value) / this.scale.value;
  }
};
ScaleConstraint.prototype.recalculate = function () {
  var ihn = this.input(), out = this.output();
  out.walkStrength = weakestOf(this.strength, ihn.walkStrength);
  out.stay = ihn.stay && this.scale.stay && this.offset.stay;
  if (out.stay) this.execute();
};

// v1 == v2.
function EqualityConstraint(v1, v2, strength) { BinaryConstraint.call(this, v1, v2, strength); }
EqualityConstraint.prototype = Object.create(BinaryConstraint.prototype);
EqualityConstraint.prototype.execute = function () { this.output().value = this.input().value; };

// --- Plan: constraints in an order that satisfies them when executed ---
function Plan() { this.constraints = []; }
Plan.prototype.execute = function () {
  for (var i = 0; i < this.constraints.length; i++) this.constraints[i].execute();
};

// --- Planner ---
function Planner() { this.currentMark = 0; }
Planner.prototype.newMark = function () { return ++this.currentMark; };
Planner.prototype.incrementalAdd = function (c) {
  var mark = this.newMark();
  var overridden = c.satisfy(mark);
  while (overridden !== null) overridden = overridden.satisfy(mark);
};
Planner.prototype.incrementalRemove = function (c) {
  var out = c.output();
  c.markUnsatisfied();
  c.removeFromGraph();
  var unsatisfied = this.removePropagateFrom(out);
  for (var strength = REQUIRED; strength < WEAKEST; strength++) {
    for (var i = 0; i < unsatisfied.length; i++) {
      if (unsatisfied[i].strength === strength) this.incrementalAdd(unsatisfied[i]);
    }
  }
};
Planner.prototype.makePlan = function (sources) {
  var mark = this.newMark(), plan = new Plan(), todo = sources;
  while (todo.length > 0) {
    var c = todo.pop();
    if (c.output().mark !== mark && c.inputsKnown(mark)) {
      plan.constraints.push(c);
      c.output().mark = mark;
      this.addConstraintsConsumingTo(c.output(), todo);
    }
  }
  return plan;
};
Planner.prototype.extractPlanFromConstraints = function (constraints) {
  var sources = [];
  for (var i = 0; i < constraints.length; i++) {
    var c = constraints[i];
    if (c.isInput() && c.isSatisfied()) sources.push(c);
  }
  return this.makePlan(sources);
};
// Recomputes walkabout strengths downstream of c; false if that meets a cycle.
Planner.prototype.addPropagate = function (c, mark) {
  var todo = [c];
  while (todo.length > 0) {
    var d = todo.pop();
    if (d.output().mark === mark) {
      this.incrementalRemove(c);
      return false;
    }
    d.recalculate();
    this.addConstraintsConsumingTo(d.output(), todo);
  }
  return true;
};
// Downstream of a removed constraint's output: recompute, and collect the unsatisfied.
Planner.prototype.removePropagateFrom = function (out) {
  out.determinedBy = null;
  out.walkStrength = WEAKEST;
  out.stay = true;
  var unsatisfied = [], todo = [out];
  while (todo.length > 0) {
    var v = todo.pop(), i;
    for (i = 0; i < v.constraints.length; i++) {
      if (!v.constraints[i].isSatisfied()) unsatisfied.push(v.constraints[i]);
    }
    var determining = v.determinedBy;
    for (i = 0; i < v.constraints.length; i++) {
      var next = v.constraints[i];
      if (next !== determining && next.isSatisfied()) {
        next.recalculate();
        todo.push(next.output());
      }
    }
  }
  return unsatisfied;
};
Planner.prototype.addConstraintsConsumingTo = function (v, coll) {
  var determining = v.determinedBy;
  for (var i = 0; i < v.constraints.length; i++) {
    var c = v.constraints[i];
    if (c !== determining && c.isSatisfied()) coll.push(c);
  }
};

// --- the benchmark ---
function chainTest(n) {
  planner = new Planner();
  var prev = null, first = null, last = null;
  for (var i = 0; i <= n; i++) {
    var v = new Variable("v" + i);
    if (prev !== null) new EqualityConstraint(prev, v, REQUIRED);
    if (i === 0) first = v;
    if (i === n) last = v;
    prev = v;
  }
  new StayConstraint(last, STRONG_DEFAULT);
  var edit = new EditConstraint(first, PREFERRED);
  var plan = planner.extractPlanFromConstraints([edit]);
  for (i = 0; i < 100; i++) {
    first.value = i;
    plan.execute();
    if (last.value !== i) throw new Error("deltablue: chain test gave " + last.value + ", want " + i);
  }
}

function change(v, newValue) {
  var edit = new EditConstraint(v, PREFERRED);
  var plan = planner.extractPlanFromConstraints([edit]);
  for (var i = 0; i < 10; i++) {
    v.value = newValue;
    plan.execute();
  }
  edit.destroyConstraint();
}

function projectionTest(n) {
  planner = new Planner();
  var scale = new Variable("scale", 10), offset = new Variable("offset", 1000);
  var src = null, dst = null, dests = [], i;
  for (i = 0; i < n; i++) {
    src = new Variable("src" + i, i);
    dst = new Variable("dst" + i, i);
    dests.push(dst);
    new StayConstraint(src, NORMAL);
    new ScaleConstraint(src, scale, offset, dst, REQUIRED);
  }
  change(src, 17);
  if (dst.value !== 1170) throw new Error("deltablue: projection 1 gave " + dst.value);
  change(dst, 1050);
  if (src.value !== 5) throw new Error("deltablue: projection 2 gave " + src.value);
  change(scale, 5);
  for (i = 0; i < n - 1; i++) {
    if (dests[i].value !== i * 5 + 1000) throw new Error("deltablue: projection 3 failed at " + i);
  }
  change(offset, 2000);
  for (i = 0; i < n - 1; i++) {
    if (dests[i].value !== i * 5 + 2000) throw new Error("deltablue: projection 4 failed at " + i);
  }
}

for (var run = 0; run < RUNS; run++) {
  chainTest(100);
  projectionTest(100);
}
