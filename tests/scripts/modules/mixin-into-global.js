// process.mixin(GLOBAL, require(...)) brings a module's exports into the global scope, as the
// removed include() did.
// Expected from the API document, "Modules": this very example and what it prints.
process.mixin(GLOBAL, require("./fixtures/mixin/circle"), require("sys"));
puts("The area of a circle of radius 4 is " + area(4));
