/* The loop from C: a descriptor watch that emits "data" events (libev's ev_io), and timers
 * (ev_timer).
 *
 *   cc -shared -fPIC -I include -o watcher.node examples/addons/watcher.c
 *
 *   var r = watcher.watch(0);    // an EventEmitter: "data" (a string, one per read), then
 *   r.addListener("data", ...);  // "end" when the writer closes; the descriptor is then
 *                                // closed and the loop may exit
 *   watcher.whenWritable(fd, f)  // calls f(events) once fd can be written to
 *   watcher.after(ms, f)         // calls f once after ms
 *   watcher.every(ms, n, f)      // calls f(i) n times, every ms
 */
#include <node_addon.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct {
  int fd;
  node_ref emitter;
  node_watch watch;
} reader;

static void readable(node_env *env, node_watch watch, int fd, int events, void *data) {
  (void)watch, (void)events;
  reader *r = data;
  char buffer[65536];
  ssize_t n = read(fd, buffer, sizeof buffer);
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
  node_value emitter = node_ref_get(env, r->emitter);
  if (n > 0) {
    node_value chunk = node_string(env, buffer, (size_t)n, NODE_UTF8);
    node_emit(env, emitter, "data", 1, &chunk);
    return; /* level-triggered: called again while there is more */
  }
  /* End of file (or an error): stop watching, then tell the listeners. */
  node_unwatch_fd(env, r->watch);
  close(r->fd);
  node_ref_release(env, r->emitter);
  free(r);
  if (n < 0) {
    node_value error = node_error(env, "read failed");
    node_emit(env, emitter, "error", 1, &error);
  } else {
    node_emit(env, emitter, "end", 0, NULL);
  }
}

static node_value watch(node_env *env, node_value this_, size_t argc, const node_value *argv,
                        void *data, int construct) {
  (void)this_, (void)data, (void)construct;
  double fd = -1;
  if (argc < 1 || node_to_number(env, argv[0], &fd) != 0 || fd < 0) {
    if (!node_exception_pending(env)) node_throw_type_error(env, "watch(fd): fd must be a descriptor");
    return 0;
  }
  node_value process = node_get_named(env, node_global(env), "process");
  node_value constructor = node_get_named(env, process, "EventEmitter");
  node_value emitter = node_construct(env, constructor, 0, NULL);
  if (!emitter) return 0;
  reader *r = malloc(sizeof *r);
  if (!r) {
    node_throw_error(env, "out of memory");
    return 0;
  }
  r->fd = (int)fd;
  fcntl(r->fd, F_SETFL, fcntl(r->fd, F_GETFL) | O_NONBLOCK);
  r->watch = node_watch_fd(env, r->fd, NODE_READABLE, readable, r);
  if (!r->watch) {
    free(r);
    return 0;
  }
  r->emitter = node_ref_new(env, emitter);
  return emitter;
}

typedef struct {
  node_ref function;
  node_watch watch;
} once;

static void writable(node_env *env, node_watch watch, int fd, int events, void *data) {
  (void)fd;
  once *o = data;
  node_unwatch_fd(env, watch);
  node_value function = node_ref_get(env, o->function);
  node_ref_release(env, o->function);
  free(o);
  node_value argument = node_number(env, events);
  node_call(env, function, node_undefined(env), 1, &argument);
}

static node_value when_writable(node_env *env, node_value this_, size_t argc,
                                const node_value *argv, void *data, int construct) {
  (void)this_, (void)data, (void)construct;
  double fd = -1;
  if (argc < 2 || node_to_number(env, argv[0], &fd) != 0) return 0;
  once *o = malloc(sizeof *o);
  if (!o) {
    node_throw_error(env, "out of memory");
    return 0;
  }
  o->function = node_ref_new(env, argv[1]);
  o->watch = node_watch_fd(env, (int)fd, NODE_WRITABLE, writable, o);
  if (!o->watch) {
    node_ref_release(env, o->function);
    free(o);
  }
  return 0;
}

typedef struct {
  node_ref function;
  double remaining, fired;
  int repeat;
} timer;

static void fire(node_env *env, node_watch id, void *data) {
  timer *t = data;
  node_value function = node_ref_get(env, t->function);
  node_value i = node_number(env, t->fired++);
  int last = !t->repeat || --t->remaining <= 0;
  if (last) {
    if (t->repeat) node_timer_stop(env, id);
    node_ref_release(env, t->function);
    free(t);
  }
  /* An exception from the callback stays pending: the runtime throws it on the loop. */
  node_call(env, function, node_undefined(env), 1, &i);
}

static node_value start(node_env *env, double ms, double count, node_value function, int repeat) {
  if (node_type_of(env, function) != NODE_FUNCTION) {
    node_throw_type_error(env, "the callback must be a function");
    return 0;
  }
  timer *t = malloc(sizeof *t);
  if (!t) {
    node_throw_error(env, "out of memory");
    return 0;
  }
  t->function = node_ref_new(env, function);
  t->remaining = count;
  t->fired = 0;
  t->repeat = repeat;
  if (!node_timer_start(env, ms, repeat, fire, t)) {
    node_ref_release(env, t->function);
    free(t);
    return 0;
  }
  return 0;
}

static node_value after(node_env *env, node_value this_, size_t argc, const node_value *argv,
                        void *data, int construct) {
  (void)this_, (void)data, (void)construct;
  double ms = 0;
  if (argc < 2 || node_to_number(env, argv[0], &ms) != 0) return 0;
  return start(env, ms, 1, argv[1], 0);
}

static node_value every(node_env *env, node_value this_, size_t argc, const node_value *argv,
                        void *data, int construct) {
  (void)this_, (void)data, (void)construct;
  double ms = 0, count = 0;
  if (argc < 3 || node_to_number(env, argv[0], &ms) != 0 || node_to_number(env, argv[1], &count) != 0)
    return 0;
  return start(env, ms, count, argv[2], 1);
}

/* Signals, libev's third role, need no call of their own: a C function listens on `process`
 * as a script's function would. onSignal(name, callback) calls callback(name) from C each
 * time the signal comes (the callback is kept by a reference, never released: the listener
 * stays for the life of the process). */
static node_value signal_came(node_env *env, node_value this_, size_t argc,
                              const node_value *argv, void *data, int construct) {
  (void)this_, (void)argc, (void)argv, (void)construct;
  node_ref *callback = data;
  node_value args[1] = {node_cstring(env, "from C")};
  node_call(env, node_ref_get(env, *callback), node_undefined(env), 1, args);
  return node_undefined(env);
}

static node_value on_signal(node_env *env, node_value this_, size_t argc,
                            const node_value *argv, void *data, int construct) {
  (void)this_, (void)data, (void)construct;
  if (argc < 2 || node_type_of(env, argv[1]) != NODE_FUNCTION) {
    node_throw_type_error(env, "onSignal(name, callback)");
    return 0;
  }
  node_ref *callback = malloc(sizeof *callback);
  if (!callback) {
    node_throw_error(env, "out of memory");
    return 0;
  }
  *callback = node_ref_new(env, argv[1]);
  node_value process = node_get_named(env, node_global(env), "process");
  node_value add = node_get_named(env, process, "addListener");
  node_value args[2] = {argv[0], node_function(env, "signalCame", signal_came, callback)};
  node_call(env, add, process, 2, args);
  return node_undefined(env);
}

void init(node_env *env, node_value target) {
  node_set_named(env, target, "onSignal", node_function(env, "onSignal", on_signal, NULL));
  node_set_named(env, target, "watch", node_function(env, "watch", watch, NULL));
  node_set_named(env, target, "whenWritable", node_function(env, "whenWritable", when_writable, NULL));
  node_set_named(env, target, "after", node_function(env, "after", after, NULL));
  node_set_named(env, target, "every", node_function(env, "every", every, NULL));
}
