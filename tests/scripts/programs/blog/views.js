// Renders posts as plain text; `sys.inspect` for the debugging view, as programs of the time did.
var sys = require("sys");

exports.list = function (posts) {
  if (posts.length === 0) return "no posts\n";
  return posts.map(function (post) {
    return post.id + ". " + post.title;
  }).join("\n") + "\n";
};

exports.post = function (post) {
  return post.title + "\n\n" + post.body + "\n";
};

exports.debug = function (post) {
  return sys.inspect(post) + "\n";
};
