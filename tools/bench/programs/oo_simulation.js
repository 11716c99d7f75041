// An object-heavy simulation: particles with methods on prototypes, created and updated
// each step. Exercises object creation, method calls and property access.
function Vector(x, y) { this.x = x; this.y = y; }
Vector.prototype.add = function (o) { return new Vector(this.x + o.x, this.y + o.y); };
Vector.prototype.scale = function (k) { return new Vector(this.x * k, this.y * k); };
Vector.prototype.length2 = function () { return this.x * this.x + this.y * this.y; };

function Particle(id) {
  this.id = id;
  this.position = new Vector(id % 17, id % 13);
  this.velocity = new Vector((id % 7) - 3, (id % 5) - 2);
  this.alive = true;
}
Particle.prototype.step = function (dt) {
  this.position = this.position.add(this.velocity.scale(dt));
  if (this.position.length2() > 1e6) { this.alive = false; }
};

var particles = [];
for (var i = 0; i < 2000; i++) { particles.push(new Particle(i)); }
var alive = 0;
for (var step = 0; step < 150; step++) {
  alive = 0;
  for (var j = 0; j < particles.length; j++) {
    var p = particles[j];
    if (p.alive) { p.step(0.5); alive++; }
  }
}
if (alive !== 2000) { throw new Error("oo_simulation: wrong result " + alive); }
