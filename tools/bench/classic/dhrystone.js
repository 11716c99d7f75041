// Dhrystone 2.1 (integer code, records, procedure calls), written for this suite after
// Reinhold Weicker's published C program: the same procedures, records and string operations,
// characters as character codes, the C pointer parameters as small holder objects. Checks the
// final values the original prints as "should be".
var RUNS = 400000;
var IDENT_1 = 0, IDENT_2 = 1, IDENT_3 = 2, IDENT_4 = 3, IDENT_5 = 4;
var A = 65, B = 66, C = 67, R = 82, W = 87, Z = 90;

function Record() {
  this.ptrComp = null;
  this.discr = IDENT_1;
  this.enumComp = IDENT_1;
  this.intComp = 0;
  this.strComp = "";
}
function assign(to, from) {
  to.ptrComp = from.ptrComp;
  to.discr = from.discr;
  to.enumComp = from.enumComp;
  to.intComp = from.intComp;
  to.strComp = from.strComp;
}
// A holder for an int or enumeration passed by reference.
function Ref(value) { this.value = value; }

var ptrGlob, nextPtrGlob, intGlob = 0, boolGlob = false, ch1Glob = 0, ch2Glob = 0;
var arr1Glob = [], arr2Glob = [];
for (var i = 0; i < 50; i++) {
  arr1Glob.push(0);
  var row = [];
  for (var j = 0; j < 50; j++) row.push(0);
  arr2Glob.push(row);
}

function proc1(ptrValPar) {
  var nextRecord = ptrValPar.ptrComp;
  assign(nextRecord, ptrGlob);
  ptrValPar.intComp = 5;
  nextRecord.intComp = ptrValPar.intComp;
  nextRecord.ptrComp = ptrValPar.ptrComp;
  nextRecord.ptrComp = proc3(nextRecord.ptrComp);
  if (nextRecord.discr === IDENT_1) {
    nextRecord.intComp = 6;
    nextRecord.enumComp = proc6(ptrValPar.enumComp, nextRecord.enumComp);
    nextRecord.ptrComp = ptrGlob.ptrComp;
    nextRecord.intComp = proc7(nextRecord.intComp, 10);
  } else {
    assign(ptrValPar, ptrValPar.ptrComp);
  }
}

function proc2(intParRef) {
  var intLoc = intParRef.value + 10, enumLoc;
  do {
    if (ch1Glob === A) {
      intLoc -= 1;
      intParRef.value = intLoc - intGlob;
      enumLoc = IDENT_1;
    }
  } while (enumLoc !== IDENT_1);
}

// Returns the new value of its reference parameter.
function proc3(ptrRefPar) {
  if (ptrGlob !== null) ptrRefPar = ptrGlob.ptrComp;
  ptrGlob.intComp = proc7(10, intGlob);
  return ptrRefPar;
}

function proc4() {
  var boolLoc = ch1Glob === A;
  boolGlob = boolLoc || boolGlob;
  ch2Glob = B;
}

function proc5() {
  ch1Glob = A;
  boolGlob = false;
}

// Returns the new value of its reference parameter.
function proc6(enumValPar, enumRefPar) {
  enumRefPar = enumValPar;
  if (!func3(enumValPar)) enumRefPar = IDENT_4;
  switch (enumValPar) {
    case IDENT_1: enumRefPar = IDENT_1; break;
    case IDENT_2: enumRefPar = intGlob > 100 ? IDENT_1 : IDENT_4; break;
    case IDENT_3: enumRefPar = IDENT_2; break;
    case IDENT_4: break;
    case IDENT_5: enumRefPar = IDENT_3; break;
  }
  return enumRefPar;
}

function proc7(int1ParVal, int2ParVal) {
  var intLoc = int1ParVal + 2;
  return int2ParVal + intLoc;
}

function proc8(arr1ParRef, arr2ParRef, int1ParVal, int2ParVal) {
  var intLoc = int1ParVal + 5;
  arr1ParRef[intLoc] = int2ParVal;
  arr1ParRef[intLoc + 1] = arr1ParRef[intLoc];
  arr1ParRef[intLoc + 30] = intLoc;
  for (var intIndex = intLoc; intIndex <= intLoc + 1; ++intIndex) arr2ParRef[intLoc][intIndex] = intLoc;
  arr2ParRef[intLoc][intLoc - 1] += 1;
  arr2ParRef[intLoc + 20][intLoc] = arr1ParRef[intLoc];
  intGlob = 5;
}

function func1(ch1ParVal, ch2ParVal) {
  var ch1Loc = ch1ParVal, ch2Loc = ch1Loc;
  if (ch2Loc !== ch2ParVal) return IDENT_1;
  ch1Glob = ch1Loc;
  return IDENT_2;
}

function func2(str1ParRef, str2ParRef) {
  var intLoc = 2, chLoc = 0;
  while (intLoc <= 2) {
    if (func1(str1ParRef.charCodeAt(intLoc), str2ParRef.charCodeAt(intLoc + 1)) === IDENT_1) {
      chLoc = A;
      intLoc += 1;
    }
  }
  if (chLoc >= W && chLoc < Z) intLoc = 7;
  if (chLoc === R) return true;
  if (str1ParRef > str2ParRef) {
    intLoc += 7;
    intGlob = intLoc;
    return true;
  }
  return false;
}

function func3(enumParVal) {
  return enumParVal === IDENT_3;
}

nextPtrGlob = new Record();
ptrGlob = new Record();
ptrGlob.ptrComp = nextPtrGlob;
ptrGlob.discr = IDENT_1;
ptrGlob.enumComp = IDENT_3;
ptrGlob.intComp = 40;
ptrGlob.strComp = "DHRYSTONE PROGRAM, SOME STRING";
var str1Loc = "DHRYSTONE PROGRAM, 1'ST STRING", str2Loc = "";
arr2Glob[8][7] = 10;

var int1Loc = 0, int2Loc = 0, int3Loc = new Ref(0), enumLoc = IDENT_1, int1Ref = new Ref(0);
for (var runIndex = 1; runIndex <= RUNS; ++runIndex) {
  proc5();
  proc4();
  int1Loc = 2;
  int2Loc = 3;
  str2Loc = "DHRYSTONE PROGRAM, 2'ND STRING";
  enumLoc = IDENT_2;
  boolGlob = !func2(str1Loc, str2Loc);
  while (int1Loc < int2Loc) {
    int3Loc.value = 5 * int1Loc - int2Loc;
    int3Loc.value = proc7(int1Loc, int2Loc);
    int1Loc += 1;
  }
  proc8(arr1Glob, arr2Glob, int1Loc, int3Loc.value);
  proc1(ptrGlob);
  for (var chIndex = A; chIndex <= ch2Glob; ++chIndex) {
    if (enumLoc === func1(chIndex, C)) {
      enumLoc = proc6(IDENT_1, enumLoc);
      str2Loc = "DHRYSTONE PROGRAM, 3'RD STRING";
      int2Loc = runIndex;
      intGlob = runIndex;
    }
  }
  int2Loc = int2Loc * int1Loc;
  int1Loc = (int2Loc / int3Loc.value) | 0;
  int2Loc = 7 * (int2Loc - int3Loc.value) - int1Loc;
  int1Ref.value = int1Loc;
  proc2(int1Ref);
  int1Loc = int1Ref.value;
}

function expect(what, got, want) {
  if (got !== want) throw new Error("dhrystone: " + what + " is " + got + ", should be " + want);
}
expect("Int_Glob", intGlob, 5);
expect("Bool_Glob", boolGlob, true);
expect("Ch_1_Glob", String.fromCharCode(ch1Glob), "A");
expect("Ch_2_Glob", String.fromCharCode(ch2Glob), "B");
expect("Arr_1_Glob[8]", arr1Glob[8], 7);
expect("Arr_2_Glob[8][7]", arr2Glob[8][7], RUNS + 10);
expect("Ptr_Glob->Discr", ptrGlob.discr, 0);
expect("Ptr_Glob->Enum_Comp", ptrGlob.enumComp, 2);
expect("Ptr_Glob->Int_Comp", ptrGlob.intComp, 17);
expect("Ptr_Glob->Str_Comp", ptrGlob.strComp, "DHRYSTONE PROGRAM, SOME STRING");
expect("Next_Ptr_Glob->Discr", nextPtrGlob.discr, 0);
expect("Next_Ptr_Glob->Enum_Comp", nextPtrGlob.enumComp, 1);
expect("Next_Ptr_Glob->Int_Comp", nextPtrGlob.intComp, 18);
expect("Next_Ptr_Glob->Str_Comp", nextPtrGlob.strComp, "DHRYSTONE PROGRAM, SOME STRING");
expect("Int_1_Loc", int1Loc, 5);
expect("Int_2_Loc", int2Loc, 13);
expect("Int_3_Loc", int3Loc.value, 7);
expect("Enum_Loc", enumLoc, 1);
expect("Str_1_Loc", str1Loc, "DHRYSTONE PROGRAM, 1'ST STRING");
expect("Str_2_Loc", str2Loc, "DHRYSTONE PROGRAM, 2'ND STRING");
