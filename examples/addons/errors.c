/* Addons that fail, for the loader's and the ABI's error paths (tests/tests/addons.rs).
 *
 *   cc -shared -fPIC -I include -o errors.node examples/addons/errors.c
 *       fail(message): throws an Error from C; failType(): a TypeError;
 *       callAndCatch(f): calls f, takes what it threw and returns its message;
 *       callAndPropagate(f): calls f and returns with its exception still pending;
 *       keepHandle(v), useKeptHandle(): uses a handle after its call has returned.
 *   ... -DTHROW_IN_INIT   an init that throws
 *   ... -DNO_INIT         no init function
 *   ... -DWRONG_ABI       built for another ABI version
 *   ... -DNO_VERSION      a shared object not built with node_addon.h (a node 0.1 C++ addon's
 *                         `init`, say)
 */
#if defined(NO_VERSION)
void init(void *target) {
  (void)target;
}
#elif defined(WRONG_ABI)
#include <stdint.h>
const uint32_t node_addon_abi_version = 999;
void init(void *env, uint64_t target) {
  (void)env;
  (void)target;
}
#else
#include <node_addon.h>

static node_value fail(node_env *env, node_value this_, size_t argc, const node_value *argv,
                       void *data, int construct) {
  (void)this_, (void)data, (void)construct;
  char message[256] = "failed in C";
  if (argc > 0) {
    node_value text = node_to_string(env, argv[0]);
    if (!text) return 0;
    node_string_get(env, text, NODE_UTF8, message, sizeof message);
  }
  node_throw_error(env, message);
  return 0;
}

static node_value fail_type(node_env *env, node_value this_, size_t argc, const node_value *argv,
                            void *data, int construct) {
  (void)this_, (void)argc, (void)argv, (void)data, (void)construct;
  node_throw_type_error(env, "wrong type, from C");
  return node_number(env, 1); /* ignored: the exception is pending */
}

static node_value call_and_catch(node_env *env, node_value this_, size_t argc,
                                 const node_value *argv, void *data, int construct) {
  (void)this_, (void)data, (void)construct;
  if (argc < 1) return 0;
  node_value result = node_call(env, argv[0], node_undefined(env), 0, NULL);
  if (result) return node_cstring(env, "no exception");
  if (!node_exception_pending(env)) return node_cstring(env, "failed without an exception");
  node_value exception = node_exception_take(env);
  node_value message = node_get_named(env, exception, "message");
  return node_to_string(env, message);
}

static node_value call_and_propagate(node_env *env, node_value this_, size_t argc,
                                     const node_value *argv, void *data, int construct) {
  (void)this_, (void)data, (void)construct;
  if (argc < 1) return 0;
  return node_call(env, argv[0], node_undefined(env), 0, NULL);
}

static node_value kept;

static node_value keep_handle(node_env *env, node_value this_, size_t argc, const node_value *argv,
                              void *data, int construct) {
  (void)env, (void)this_, (void)data, (void)construct;
  if (argc > 0) kept = argv[0];
  return 0;
}

static node_value use_kept_handle(node_env *env, node_value this_, size_t argc,
                                  const node_value *argv, void *data, int construct) {
  (void)this_, (void)argc, (void)argv, (void)data, (void)construct;
  return node_to_string(env, kept); /* a handle of a call that has returned: refused */
}

#ifndef NO_INIT
void init(node_env *env, node_value target) {
#ifdef THROW_IN_INIT
  node_throw_error(env, "init failed on purpose");
  return;
#endif
  node_set_named(env, target, "fail", node_function(env, "fail", fail, NULL));
  node_set_named(env, target, "failType", node_function(env, "failType", fail_type, NULL));
  node_set_named(env, target, "callAndCatch", node_function(env, "callAndCatch", call_and_catch, NULL));
  node_set_named(env, target, "callAndPropagate",
                 node_function(env, "callAndPropagate", call_and_propagate, NULL));
  node_set_named(env, target, "keepHandle", node_function(env, "keepHandle", keep_handle, NULL));
  node_set_named(env, target, "useKeptHandle",
                 node_function(env, "useKeptHandle", use_kept_handle, NULL));
}
#endif
#endif
