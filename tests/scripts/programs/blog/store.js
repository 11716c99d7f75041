// A store of posts that tells its listeners what changed: an EventEmitter subclass made the way
// 2010's modules made them (the parent's constructor called on `this`, the prototype chained
// with __proto__), with `const` and a getter defined by __defineGetter__.
var events = require("events");

const MAX_POSTS = 3;

function Store() {
  events.EventEmitter.call(this);
  this.posts = [];
}
Store.prototype.__proto__ = events.EventEmitter.prototype;

Store.prototype.__defineGetter__("count", function () {
  return this.posts.length;
});

Store.prototype.add = function (title, body) {
  if (this.posts.length >= MAX_POSTS) {
    throw new Error("the store holds " + MAX_POSTS + " posts at most");
  }
  var post = {id: this.posts.length + 1, title: title, body: body};
  this.posts.push(post);
  this.emit("add", post);
  return post;
};

Store.prototype.find = function (id) {
  return this.posts[id - 1];
};

exports.Store = Store;
exports.MAX_POSTS = MAX_POSTS;
