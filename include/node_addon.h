/*
 * node_addon.h: the C ABI of this node's addons (docs/addons.md).
 *
 * An addon is a shared object named NAME.node that `require` finds along require.paths. It
 * includes this header and exports
 *
 *     void init(node_env *env, node_value target);
 *
 * which puts the addon's API on `target` (the module's exports), as node's
 * `init(Handle<Object> target)` did. Build one with
 *
 *     cc -shared -fPIC -I include -o hello.node hello.c
 *
 * Values. A node_value is an opaque handle, valid until the call that received or made it
 * returns to the runtime (the runtime opens a handle scope around every call into C and
 * closes it afterwards): never keep one in a global or across calls. No pointer into the
 * garbage-collected heap is ever given out. To keep a value across calls, make a node_ref
 * (a root of the collector) and release it when done.
 *
 * Errors. A function that can fail (because JavaScript ran and threw, or the arguments were
 * wrong) returns 0 (for node_value results) or -1 (for int results) and leaves an exception
 * pending. A C function that returns with an exception pending throws it in JavaScript; or
 * it may take it with node_exception_take and carry on.
 *
 * Threads. Every function here must be called on the loop's thread, inside a call from the
 * runtime (init, a function, a callback, a finalizer). Only the `execute` half of
 * node_queue_work runs on the worker pool, and it must not call any of them.
 */
#ifndef NODE_ADDON_H
#define NODE_ADDON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this ABI. The runtime loads an addon only if the version it was built
 * against (exported as `node_addon_abi_version`, below) is the runtime's own. */
#define NODE_ADDON_ABI_VERSION 1

/* A value handle (0: none; a failed call returns it with an exception pending). */
typedef uint64_t node_value;
/* A reference: keeps a value alive across calls until released (0: none). */
typedef uint64_t node_ref;
/* A descriptor watch or a timer (0: none). */
typedef uint64_t node_watch;

typedef struct node_env node_env;
typedef struct node_api node_api;

/* What typeof says, with null and functions told apart. */
typedef enum {
  NODE_UNDEFINED = 0,
  NODE_NULL = 1,
  NODE_BOOLEAN = 2,
  NODE_NUMBER = 3,
  NODE_STRING = 4,
  NODE_OBJECT = 5,
  NODE_FUNCTION = 6
} node_type;

/* The document's three encodings: "utf8", and "ascii" and "binary" (one byte per
 * character, the low 8 bits of each UTF-16 unit). */
typedef enum { NODE_UTF8 = 0, NODE_ASCII = 1, NODE_BINARY = 2 } node_encoding;

/* A length meaning "up to the terminating NUL". */
#define NODE_NUL_TERMINATED ((size_t)-1)

/* Descriptor events. */
#define NODE_READABLE 1
#define NODE_WRITABLE 2

/* A function implemented in C: `this`, the arguments and the data given to node_function.
 * `construct` is 1 when it was called with `new` (then `this_` is the new object). Return
 * a value (0 means undefined), or return with an exception pending to throw it. */
typedef node_value (*node_callback)(node_env *env, node_value this_, size_t argc,
                                    const node_value *argv, void *data, int construct);
/* Runs after the object a native pointer was wrapped in has been collected. */
typedef void (*node_finalizer)(node_env *env, void *native, void *hint);
/* A watched descriptor is ready: `events` says how (NODE_READABLE, NODE_WRITABLE). */
typedef void (*node_fd_callback)(node_env *env, node_watch watch, int fd, int events,
                                 void *data);
/* A timer is due. */
typedef void (*node_timer_callback)(node_env *env, node_watch timer, void *data);
/* node_queue_work's halves: `execute` on a worker thread (no node_* calls there), then
 * `complete` on the loop's thread. */
typedef void (*node_work_execute)(void *data);
typedef void (*node_work_complete)(node_env *env, void *data);

/* The function table. Use the node_* functions below rather than the table. */
struct node_api {
  /* values */
  node_value (*undefined_)(node_env *env);
  node_value (*null_)(node_env *env);
  node_value (*boolean)(node_env *env, int b);
  node_value (*number)(node_env *env, double n);
  node_value (*string)(node_env *env, const char *bytes, size_t length, node_encoding encoding);
  node_value (*object)(node_env *env);
  node_value (*array)(node_env *env, uint32_t length);
  node_value (*global)(node_env *env);
  /* inspection and conversion */
  node_type (*type_of)(node_env *env, node_value value);
  int (*is_array)(node_env *env, node_value value);
  int (*instance_of)(node_env *env, node_value value, node_value constructor);
  int (*strict_equals)(node_env *env, node_value a, node_value b);
  int (*to_boolean)(node_env *env, node_value value);
  int (*to_number)(node_env *env, node_value value, double *result);
  node_value (*to_string)(node_env *env, node_value value);
  node_value (*to_object)(node_env *env, node_value value);
  size_t (*string_get)(node_env *env, node_value string, node_encoding encoding, char *buffer,
                       size_t size);
  /* properties */
  node_value (*get)(node_env *env, node_value object, node_value key);
  int (*set)(node_env *env, node_value object, node_value key, node_value value);
  node_value (*get_named)(node_env *env, node_value object, const char *name);
  int (*set_named)(node_env *env, node_value object, const char *name, node_value value);
  node_value (*get_index)(node_env *env, node_value object, uint32_t index);
  int (*set_index)(node_env *env, node_value object, uint32_t index, node_value value);
  int (*has_named)(node_env *env, node_value object, const char *name);
  int (*delete_named)(node_env *env, node_value object, const char *name);
  node_value (*keys)(node_env *env, node_value object);
  uint32_t (*array_length)(node_env *env, node_value array);
  /* functions */
  node_value (*function)(node_env *env, const char *name, node_callback callback, void *data);
  node_value (*call)(node_env *env, node_value function, node_value this_, size_t argc,
                     const node_value *argv);
  node_value (*construct)(node_env *env, node_value constructor, size_t argc,
                          const node_value *argv);
  /* exceptions */
  node_value (*error)(node_env *env, const char *message);
  void (*throw_value)(node_env *env, node_value value);
  void (*throw_error)(node_env *env, const char *message);
  void (*throw_type_error)(node_env *env, const char *message);
  int (*exception_pending)(node_env *env);
  node_value (*exception_take)(node_env *env);
  /* references */
  node_ref (*ref)(node_env *env, node_value value);
  node_value (*ref_get)(node_env *env, node_ref ref);
  void (*ref_release)(node_env *env, node_ref ref);
  /* native pointers in objects */
  int (*wrap)(node_env *env, node_value object, void *native, node_finalizer finalizer,
              void *hint);
  void *(*unwrap)(node_env *env, node_value object);
  /* events and promises */
  int (*emit)(node_env *env, node_value emitter, const char *event, size_t argc,
              const node_value *argv);
  node_value (*promise)(node_env *env);
  int (*promise_resolve)(node_env *env, node_value promise, size_t argc, const node_value *argv);
  int (*promise_reject)(node_env *env, node_value promise, size_t argc, const node_value *argv);
  /* the loop and the worker pool */
  node_watch (*watch_fd)(node_env *env, int fd, int events, node_fd_callback callback,
                         void *data);
  void (*unwatch_fd)(node_env *env, node_watch watch);
  node_watch (*timer_start)(node_env *env, double milliseconds, int repeat,
                            node_timer_callback callback, void *data);
  void (*timer_stop)(node_env *env, node_watch timer);
  int (*queue_work)(node_env *env, node_work_execute execute, node_work_complete complete,
                    void *data);
};

/* What every call from the runtime gets: the ABI version and the function table. The same
 * env is given to every call into one addon. */
struct node_env {
  uint32_t abi_version;
  const node_api *api;
  /* The runtime's own. */
  void *reserved;
};

/* Exported by every addon: the ABI version it was built against. (Weak, so that an addon
 * of several files that each include this header defines it once.) */
#ifdef __cplusplus
#define NODE_ADDON_DEFINITION extern /* a const of C++ is otherwise internal */
#else
#define NODE_ADDON_DEFINITION
#endif
__attribute__((weak, visibility("default"))) extern const uint32_t node_addon_abi_version;
__attribute__((weak, visibility("default"))) NODE_ADDON_DEFINITION const uint32_t
    node_addon_abi_version = NODE_ADDON_ABI_VERSION;

/* The entry point every addon defines (declared here so that it has C linkage in C++ too). */
void init(node_env *env, node_value target);

/* ---- values ---- */
static inline node_value node_undefined(node_env *env) { return env->api->undefined_(env); }
static inline node_value node_null(node_env *env) { return env->api->null_(env); }
static inline node_value node_boolean(node_env *env, int b) { return env->api->boolean(env, b); }
static inline node_value node_number(node_env *env, double n) { return env->api->number(env, n); }
/* A string from `length` bytes in `encoding` (or up to a NUL: NODE_NUL_TERMINATED). Invalid
 * UTF-8 becomes U+FFFD. */
static inline node_value node_string(node_env *env, const char *bytes, size_t length,
                                     node_encoding encoding) {
  return env->api->string(env, bytes, length, encoding);
}
/* A string from a NUL-terminated UTF-8 text. */
static inline node_value node_cstring(node_env *env, const char *text) {
  return env->api->string(env, text, NODE_NUL_TERMINATED, NODE_UTF8);
}
static inline node_value node_object(node_env *env) { return env->api->object(env); }
static inline node_value node_array(node_env *env, uint32_t length) {
  return env->api->array(env, length);
}
static inline node_value node_global(node_env *env) { return env->api->global(env); }

/* ---- inspection and conversion ---- */
static inline node_type node_type_of(node_env *env, node_value value) {
  return env->api->type_of(env, value);
}
static inline int node_is_array(node_env *env, node_value value) {
  return env->api->is_array(env, value);
}
/* `value instanceof constructor`: 1, 0, or -1 with an exception pending. */
static inline int node_instance_of(node_env *env, node_value value, node_value constructor) {
  return env->api->instance_of(env, value, constructor);
}
static inline int node_strict_equals(node_env *env, node_value a, node_value b) {
  return env->api->strict_equals(env, a, b);
}
static inline int node_to_boolean(node_env *env, node_value value) {
  return env->api->to_boolean(env, value);
}
/* ToNumber (which may call valueOf): 0, or -1 with an exception pending. */
static inline int node_to_number(node_env *env, node_value value, double *result) {
  return env->api->to_number(env, value, result);
}
static inline node_value node_to_string(node_env *env, node_value value) {
  return env->api->to_string(env, value);
}
static inline node_value node_to_object(node_env *env, node_value value) {
  return env->api->to_object(env, value);
}
/* The bytes of a string in `encoding`, as snprintf gives them: up to size-1 bytes and a NUL
 * are written to `buffer`; the result is the full length in bytes (call with size 0 to learn
 * it). 0 for a value that is not a string. */
static inline size_t node_string_get(node_env *env, node_value string, node_encoding encoding,
                                     char *buffer, size_t size) {
  return env->api->string_get(env, string, encoding, buffer, size);
}

/* ---- properties (getters and setters run; errors leave an exception pending) ---- */
static inline node_value node_get(node_env *env, node_value object, node_value key) {
  return env->api->get(env, object, key);
}
static inline int node_set(node_env *env, node_value object, node_value key, node_value value) {
  return env->api->set(env, object, key, value);
}
static inline node_value node_get_named(node_env *env, node_value object, const char *name) {
  return env->api->get_named(env, object, name);
}
static inline int node_set_named(node_env *env, node_value object, const char *name,
                                 node_value value) {
  return env->api->set_named(env, object, name, value);
}
static inline node_value node_get_index(node_env *env, node_value object, uint32_t index) {
  return env->api->get_index(env, object, index);
}
static inline int node_set_index(node_env *env, node_value object, uint32_t index,
                                 node_value value) {
  return env->api->set_index(env, object, index, value);
}
/* `name in object`: 1, 0, or -1. */
static inline int node_has_named(node_env *env, node_value object, const char *name) {
  return env->api->has_named(env, object, name);
}
static inline int node_delete_named(node_env *env, node_value object, const char *name) {
  return env->api->delete_named(env, object, name);
}
/* The own enumerable property names, as an array of strings. */
static inline node_value node_keys(node_env *env, node_value object) {
  return env->api->keys(env, object);
}
static inline uint32_t node_array_length(node_env *env, node_value array) {
  return env->api->array_length(env, array);
}

/* ---- functions ---- */
static inline node_value node_function(node_env *env, const char *name, node_callback callback,
                                       void *data) {
  return env->api->function(env, name, callback, data);
}
/* function.apply(this_, argv): the result, or 0 with the exception pending. */
static inline node_value node_call(node_env *env, node_value function, node_value this_,
                                   size_t argc, const node_value *argv) {
  return env->api->call(env, function, this_, argc, argv);
}
/* new constructor(argv...). */
static inline node_value node_construct(node_env *env, node_value constructor, size_t argc,
                                        const node_value *argv) {
  return env->api->construct(env, constructor, argc, argv);
}

/* ---- exceptions ---- */
/* A new Error object (not thrown). */
static inline node_value node_error(node_env *env, const char *message) {
  return env->api->error(env, message);
}
static inline void node_throw(node_env *env, node_value value) { env->api->throw_value(env, value); }
static inline void node_throw_error(node_env *env, const char *message) {
  env->api->throw_error(env, message);
}
static inline void node_throw_type_error(node_env *env, const char *message) {
  env->api->throw_type_error(env, message);
}
static inline int node_exception_pending(node_env *env) { return env->api->exception_pending(env); }
/* Takes the pending exception (0 if none): it is no longer pending. */
static inline node_value node_exception_take(node_env *env) { return env->api->exception_take(env); }

/* ---- references ---- */
static inline node_ref node_ref_new(node_env *env, node_value value) { return env->api->ref(env, value); }
static inline node_value node_ref_get(node_env *env, node_ref ref) { return env->api->ref_get(env, ref); }
static inline void node_ref_release(node_env *env, node_ref ref) { env->api->ref_release(env, ref); }

/* ---- native pointers in objects (node::ObjectWrap's role) ---- */
/* Keeps `native` in `object`; `finalizer` (may be NULL) runs after the object is collected.
 * An object can be wrapped once. */
static inline int node_wrap(node_env *env, node_value object, void *native,
                            node_finalizer finalizer, void *hint) {
  return env->api->wrap(env, object, native, finalizer, hint);
}
/* The pointer wrapped in `object`, or NULL. */
static inline void *node_unwrap(node_env *env, node_value object) {
  return env->api->unwrap(env, object);
}

/* ---- events and promises ---- */
/* emitter.emit(event, argv...). */
static inline int node_emit(node_env *env, node_value emitter, const char *event, size_t argc,
                            const node_value *argv) {
  return env->api->emit(env, emitter, event, argc, argv);
}
/* new events.Promise(). */
static inline node_value node_promise(node_env *env) { return env->api->promise(env); }
/* promise.emitSuccess(argv...). */
static inline int node_promise_resolve(node_env *env, node_value promise, size_t argc,
                                       const node_value *argv) {
  return env->api->promise_resolve(env, promise, argc, argv);
}
/* promise.emitError(argv...). */
static inline int node_promise_reject(node_env *env, node_value promise, size_t argc,
                                      const node_value *argv) {
  return env->api->promise_reject(env, promise, argc, argv);
}

/* ---- the loop and the worker pool ---- */
/* Calls `callback` on the loop whenever `fd` is ready for `events` (level-triggered, as
 * libev's ev_io), until node_unwatch_fd. The watch keeps the loop alive. 0 on failure. */
static inline node_watch node_watch_fd(node_env *env, int fd, int events,
                                       node_fd_callback callback, void *data) {
  return env->api->watch_fd(env, fd, events, callback, data);
}
static inline void node_unwatch_fd(node_env *env, node_watch watch) {
  env->api->unwatch_fd(env, watch);
}
/* Calls `callback` after `milliseconds`, and every `milliseconds` after that if `repeat`,
 * until node_timer_stop (a one-shot timer is stopped once it has fired). */
static inline node_watch node_timer_start(node_env *env, double milliseconds, int repeat,
                                          node_timer_callback callback, void *data) {
  return env->api->timer_start(env, milliseconds, repeat, callback, data);
}
static inline void node_timer_stop(node_env *env, node_watch timer) {
  env->api->timer_stop(env, timer);
}
/* Runs execute(data) on the worker pool, then complete(env, data) on the loop. The work
 * keeps the loop alive until it completes. */
static inline int node_queue_work(node_env *env, node_work_execute execute,
                                  node_work_complete complete, void *data) {
  return env->api->queue_work(env, execute, complete, data);
}

#ifdef __cplusplus
}
#endif

#endif /* NODE_ADDON_H */
