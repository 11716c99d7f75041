// A router of the kind every 2010 micro-framework had: routes are regular expressions whose
// groups become the handler's arguments.
function Router() {
  this.routes = [];
}

["GET", "POST"].forEach(function (method) {
  Router.prototype[method.toLowerCase()] = function (pattern, handler) {
    this.routes.push({method: method, pattern: pattern, handler: handler});
    return this;
  };
});

// Calls the first route that matches, with (request, response, groups...); false when none did.
Router.prototype.dispatch = function (request, response) {
  var path = require("url").parse(request.url).pathname;
  for (var i = 0; i < this.routes.length; i++) {
    var route = this.routes[i];
    if (route.method !== request.method) continue;
    var match = route.pattern.exec(path);
    if (!match) continue;
    route.handler.apply(null, [request, response].concat(match.slice(1)));
    return true;
  }
  return false;
};

exports.Router = Router;
