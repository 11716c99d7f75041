/* References and wrapped native pointers (tests/tests/addons.rs, run with --trace-gc).
 *
 *   cc -shared -fPIC -I include -o refs.node examples/addons/refs.c
 *
 *   new refs.Thing(n)   an object wrapping a malloc'd struct holding n; its finalizer
 *                       frees it and counts (and prints "finalized thing N" on stderr when
 *                       refs.verbose(true))
 *   refs.value(thing)   n, read through node_unwrap
 *   refs.keep(value)    a node_ref to value, returned as a number; refs.get(id), refs.release(id)
 *   refs.finalized()    how many finalizers have run; refs.live() how many Things are alive
 */
#include <node_addon.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  double n;
} thing;

static int finalized_count, live_count, verbose;

static void finalize_thing(node_env *env, void *native, void *hint) {
  (void)env, (void)hint;
  thing *t = native;
  if (verbose) fprintf(stderr, "finalized thing %g\n", t->n);
  free(t);
  finalized_count++;
  live_count--;
}

static node_value Thing(node_env *env, node_value this_, size_t argc, const node_value *argv,
                        void *data, int construct) {
  (void)data;
  if (!construct) {
    node_throw_type_error(env, "Thing must be called with new");
    return 0;
  }
  thing *t = malloc(sizeof *t);
  if (!t) {
    node_throw_error(env, "out of memory");
    return 0;
  }
  t->n = 0;
  if (argc > 0 && node_to_number(env, argv[0], &t->n) != 0) {
    free(t);
    return 0;
  }
  if (node_wrap(env, this_, t, finalize_thing, NULL) != 0) {
    free(t);
    return 0;
  }
  live_count++;
  return this_;
}

static node_value value(node_env *env, node_value this_, size_t argc, const node_value *argv,
                        void *data, int construct) {
  (void)this_, (void)data, (void)construct;
  thing *t = argc > 0 ? node_unwrap(env, argv[0]) : NULL;
  if (!t) {
    node_throw_type_error(env, "not a Thing");
    return 0;
  }
  return node_number(env, t->n);
}

static node_value keep(node_env *env, node_value this_, size_t argc, const node_value *argv,
                       void *data, int construct) {
  (void)this_, (void)data, (void)construct;
  if (argc < 1) return 0;
  node_ref ref = node_ref_new(env, argv[0]);
  return node_number(env, (double)ref);
}

static node_ref ref_arg(node_env *env, size_t argc, const node_value *argv) {
  double id = 0;
  if (argc > 0) node_to_number(env, argv[0], &id);
  return (node_ref)id;
}

static node_value get(node_env *env, node_value this_, size_t argc, const node_value *argv,
                      void *data, int construct) {
  (void)this_, (void)data, (void)construct;
  return node_ref_get(env, ref_arg(env, argc, argv));
}

static node_value release(node_env *env, node_value this_, size_t argc, const node_value *argv,
                          void *data, int construct) {
  (void)this_, (void)data, (void)construct;
  node_ref_release(env, ref_arg(env, argc, argv));
  return 0;
}

static node_value finalized(node_env *env, node_value this_, size_t argc, const node_value *argv,
                            void *data, int construct) {
  (void)this_, (void)argc, (void)argv, (void)data, (void)construct;
  return node_number(env, finalized_count);
}

static node_value live(node_env *env, node_value this_, size_t argc, const node_value *argv,
                       void *data, int construct) {
  (void)this_, (void)argc, (void)argv, (void)data, (void)construct;
  return node_number(env, live_count);
}

static node_value set_verbose(node_env *env, node_value this_, size_t argc, const node_value *argv,
                              void *data, int construct) {
  (void)this_, (void)data, (void)construct;
  verbose = argc > 0 && node_to_boolean(env, argv[0]);
  return 0;
}

void init(node_env *env, node_value target) {
  node_set_named(env, target, "Thing", node_function(env, "Thing", Thing, NULL));
  node_set_named(env, target, "value", node_function(env, "value", value, NULL));
  node_set_named(env, target, "keep", node_function(env, "keep", keep, NULL));
  node_set_named(env, target, "get", node_function(env, "get", get, NULL));
  node_set_named(env, target, "release", node_function(env, "release", release, NULL));
  node_set_named(env, target, "finalized", node_function(env, "finalized", finalized, NULL));
  node_set_named(env, target, "live", node_function(env, "live", live, NULL));
  node_set_named(env, target, "verbose", node_function(env, "verbose", set_verbose, NULL));
}
