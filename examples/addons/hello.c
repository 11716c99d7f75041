/* The API document's addon example in C: exports.hello = "World".
 *
 *   cc -shared -fPIC -I include -o hello.node examples/addons/hello.c
 *   node -e 'var hello = require("./hello"); ...'
 */
#include <node_addon.h>

void init(node_env *env, node_value target) {
  node_set_named(env, target, "hello", node_cstring(env, "World"));
}
