/* An SQLite binding, as the API document points to node_postgres: a real library bound
 * through node_addon.h, with every query run on the worker pool.
 *
 *   cc -shared -fPIC -I include -o sqlite.node examples/addons/sqlite.c -lsqlite3
 *
 *   var sqlite = require("./sqlite");
 *   var db = new sqlite.Database("/tmp/test.db");     // ":memory:" for a database in memory
 *   db.query("SELECT * FROM t WHERE id > ?", [10])      // an events.Promise
 *     .addCallback(function (rows) { ... })             // rows: [{id: 11, name: "x"}, ...]
 *     .addErrback(function (error) { ... });            // error.message: SQLite's message
 *
 * Parameters: null, booleans, numbers and strings. Results: integers and reals as numbers,
 * text as strings, blobs as "binary" strings, NULL as null. A query may hold several
 * statements separated by semicolons ("BEGIN; ...; COMMIT"); the rows are those of the last
 * statement that returned any. The queries of one database run one after another, in the
 * order they were made (so an INSERT is done before the SELECT made after it), while the
 * loop goes on serving. The connection is closed when the Database object is collected.
 */
#include <node_addon.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  int type; /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB */
  sqlite3_int64 integer;
  double real;
  char *bytes;
  size_t length;
} cell;

typedef struct query query;
typedef struct database database;

struct database {
  sqlite3 *handle;
  query *head, *tail; /* the queue; the head is running when `running` */
  int running;
  node_ref self;      /* the Database object, kept alive while queries are queued */
};

struct query {
  database *db;
  char *sql;
  cell *params;
  int nparams;
  node_ref promise;
  /* results, filled in on the worker pool */
  int ncolumns;
  char **names;
  cell *cells; /* row after row */
  size_t nrows, capacity;
  char *error;
  query *next;
};

static char *copy_bytes(const void *bytes, size_t length) {
  char *copy = malloc(length + 1);
  if (copy) {
    if (length) memcpy(copy, bytes, length);
    copy[length] = 0;
  }
  return copy;
}

static void free_cells(cell *cells, size_t n) {
  for (size_t i = 0; i < n; i++) free(cells[i].bytes);
  free(cells);
}

static void free_query(query *q) {
  free(q->sql);
  free_cells(q->params, (size_t)q->nparams);
  for (int i = 0; i < q->ncolumns; i++) free(q->names ? q->names[i] : NULL);
  free(q->names);
  free_cells(q->cells, q->nrows * (size_t)q->ncolumns);
  free(q->error);
  free(q);
}

/* ---- on the worker pool: no node_* calls here ---- */

static void fail(query *q, const char *message) {
  if (!q->error) q->error = copy_bytes(message, strlen(message));
}

static int bind(query *q, sqlite3_stmt *statement) {
  int count = sqlite3_bind_parameter_count(statement);
  for (int i = 0; i < count && i < q->nparams; i++) {
    cell *p = &q->params[i];
    int rc;
    switch (p->type) {
      case SQLITE_INTEGER: rc = sqlite3_bind_int64(statement, i + 1, p->integer); break;
      case SQLITE_FLOAT: rc = sqlite3_bind_double(statement, i + 1, p->real); break;
      case SQLITE_TEXT:
        rc = sqlite3_bind_text(statement, i + 1, p->bytes, (int)p->length, SQLITE_STATIC);
        break;
      default: rc = sqlite3_bind_null(statement, i + 1);
    }
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

/* Keeps the row `statement` is on. */
static int keep_row(query *q, sqlite3_stmt *statement) {
  if (q->nrows == q->capacity) {
    size_t capacity = q->capacity ? q->capacity * 2 : 16;
    cell *cells = realloc(q->cells, capacity * (size_t)q->ncolumns * sizeof(cell));
    if (!cells) return -1;
    q->cells = cells;
    q->capacity = capacity;
  }
  cell *row = &q->cells[q->nrows * (size_t)q->ncolumns];
  for (int i = 0; i < q->ncolumns; i++) {
    cell *c = &row[i];
    memset(c, 0, sizeof *c);
    c->type = sqlite3_column_type(statement, i);
    switch (c->type) {
      case SQLITE_INTEGER: c->integer = sqlite3_column_int64(statement, i); break;
      case SQLITE_FLOAT: c->real = sqlite3_column_double(statement, i); break;
      case SQLITE_TEXT:
      case SQLITE_BLOB: {
        const void *bytes = c->type == SQLITE_TEXT
                                ? (const void *)sqlite3_column_text(statement, i)
                                : sqlite3_column_blob(statement, i);
        c->length = (size_t)sqlite3_column_bytes(statement, i);
        c->bytes = copy_bytes(bytes, c->length);
        if (!c->bytes) return -1;
        break;
      }
      default: break;
    }
  }
  q->nrows++;
  return 0;
}

/* A statement returned rows: they replace those of earlier statements. */
static int start_rows(query *q, sqlite3_stmt *statement) {
  for (int i = 0; i < q->ncolumns; i++) free(q->names[i]);
  free(q->names);
  free_cells(q->cells, q->nrows * (size_t)q->ncolumns);
  q->cells = NULL;
  q->nrows = q->capacity = 0;
  q->ncolumns = sqlite3_column_count(statement);
  q->names = calloc((size_t)q->ncolumns + 1, sizeof(char *));
  if (!q->names) return -1;
  for (int i = 0; i < q->ncolumns; i++) {
    const char *name = sqlite3_column_name(statement, i);
    q->names[i] = copy_bytes(name, strlen(name));
    if (!q->names[i]) return -1;
  }
  return 0;
}

static void execute(void *data) {
  query *q = data;
  sqlite3 *db = q->db->handle;
  const char *sql = q->sql;
  while (sql && *sql && !q->error) {
    sqlite3_stmt *statement = NULL;
    const char *rest = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, &rest) != SQLITE_OK) {
      fail(q, sqlite3_errmsg(db));
      break;
    }
    sql = rest;
    if (!statement) continue; /* whitespace or a comment */
    if (bind(q, statement) != SQLITE_OK) {
      fail(q, sqlite3_errmsg(db));
    } else {
      int first = 1, rc;
      while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        if (first && start_rows(q, statement) != 0) { fail(q, "out of memory"); break; }
        first = 0;
        if (keep_row(q, statement) != 0) { fail(q, "out of memory"); break; }
      }
      if (rc != SQLITE_DONE && rc != SQLITE_ROW) fail(q, sqlite3_errmsg(db));
    }
    sqlite3_finalize(statement);
  }
}

/* ---- on the loop ---- */

static void start(node_env *env, database *db);

static node_value cell_value(node_env *env, cell *c) {
  switch (c->type) {
    case SQLITE_INTEGER: return node_number(env, (double)c->integer);
    case SQLITE_FLOAT: return node_number(env, c->real);
    case SQLITE_TEXT: return node_string(env, c->bytes, c->length, NODE_UTF8);
    case SQLITE_BLOB: return node_string(env, c->bytes, c->length, NODE_BINARY);
    default: return node_null(env);
  }
}

static node_value rows_value(node_env *env, query *q) {
  node_value rows = node_array(env, 0);
  for (size_t r = 0; r < q->nrows; r++) {
    node_value row = node_object(env);
    for (int i = 0; i < q->ncolumns; i++) {
      node_set_named(env, row, q->names[i], cell_value(env, &q->cells[r * (size_t)q->ncolumns + i]));
    }
    node_set_index(env, rows, (uint32_t)r, row);
  }
  return rows;
}

static void complete(node_env *env, void *data) {
  query *q = data;
  database *db = q->db;
  /* Off the queue first: a callback may queue more (they wait for this one's turn to end). */
  db->head = q->next;
  if (!db->head) db->tail = NULL;
  node_value promise = node_ref_get(env, q->promise);
  if (q->error) {
    node_value error = node_error(env, q->error);
    node_promise_reject(env, promise, 1, &error);
  } else {
    node_value rows = rows_value(env, q);
    node_promise_resolve(env, promise, 1, &rows);
  }
  /* A callback that threw: its exception goes on once the queue is looked after. */
  node_value thrown = node_exception_take(env);
  node_ref_release(env, q->promise);
  free_query(q);
  if (db->head) {
    start(env, db);
  } else {
    db->running = 0;
    node_ref_release(env, db->self);
    db->self = 0;
  }
  if (thrown) node_throw(env, thrown);
}

static void start(node_env *env, database *db) {
  db->running = 1;
  if (node_queue_work(env, execute, complete, db->head) != 0) {
    /* Cannot happen on a live loop; fail the query rather than leave it hanging. */
    query *q = db->head;
    fail(q, "cannot queue the query on the worker pool");
    node_exception_take(env);
    complete(env, q);
  }
}

static void close_database(node_env *env, void *native, void *hint) {
  (void)env;
  (void)hint;
  database *db = native;
  sqlite3_close_v2(db->handle);
  free(db);
}

/* new Database(path) */
static node_value Database(node_env *env, node_value this_, size_t argc, const node_value *argv,
                           void *data, int construct) {
  (void)data;
  if (!construct) {
    node_throw_type_error(env, "Database must be called with new");
    return 0;
  }
  if (argc < 1 || node_type_of(env, argv[0]) != NODE_STRING) {
    node_throw_type_error(env, "Database(path): the path must be a string");
    return 0;
  }
  size_t length = node_string_get(env, argv[0], NODE_UTF8, NULL, 0);
  char *path = malloc(length + 1);
  database *db = calloc(1, sizeof *db);
  if (!path || !db) {
    free(path);
    free(db);
    node_throw_error(env, "out of memory");
    return 0;
  }
  node_string_get(env, argv[0], NODE_UTF8, path, length + 1);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  int rc = sqlite3_open_v2(path, &db->handle, flags, NULL);
  free(path);
  if (rc != SQLITE_OK) {
    node_throw_error(env, db->handle ? sqlite3_errmsg(db->handle) : sqlite3_errstr(rc));
    sqlite3_close_v2(db->handle);
    free(db);
    return 0;
  }
  if (node_wrap(env, this_, db, close_database, NULL) != 0) {
    sqlite3_close_v2(db->handle);
    free(db);
    return 0;
  }
  return this_;
}

/* Converts the parameters (an array) for the worker pool. */
static int read_params(node_env *env, query *q, node_value params) {
  node_type type = node_type_of(env, params);
  if (type == NODE_UNDEFINED || type == NODE_NULL) return 0;
  if (!node_is_array(env, params)) {
    node_throw_type_error(env, "query(sql, params): params must be an array");
    return -1;
  }
  uint32_t n = node_array_length(env, params);
  q->params = calloc(n ? n : 1, sizeof(cell));
  if (!q->params) { node_throw_error(env, "out of memory"); return -1; }
  q->nparams = (int)n;
  for (uint32_t i = 0; i < n; i++) {
    node_value v = node_get_index(env, params, i);
    if (!v) return -1;
    cell *p = &q->params[i];
    switch (node_type_of(env, v)) {
      case NODE_UNDEFINED:
      case NODE_NULL: p->type = SQLITE_NULL; break;
      case NODE_BOOLEAN: p->type = SQLITE_INTEGER; p->integer = node_to_boolean(env, v); break;
      case NODE_NUMBER: {
        double d;
        node_to_number(env, v, &d);
        if (d == (double)(sqlite3_int64)d && d > -9e15 && d < 9e15) {
          p->type = SQLITE_INTEGER;
          p->integer = (sqlite3_int64)d;
        } else {
          p->type = SQLITE_FLOAT;
          p->real = d;
        }
        break;
      }
      case NODE_STRING: {
        size_t length = node_string_get(env, v, NODE_UTF8, NULL, 0);
        p->bytes = malloc(length + 1);
        if (!p->bytes) { node_throw_error(env, "out of memory"); return -1; }
        node_string_get(env, v, NODE_UTF8, p->bytes, length + 1);
        p->length = length;
        p->type = SQLITE_TEXT;
        break;
      }
      default:
        node_throw_type_error(env, "query(sql, params): a parameter must be null, a boolean, a number or a string");
        return -1;
    }
  }
  return 0;
}

/* db.query(sql, [params]) -> events.Promise */
static node_value query_method(node_env *env, node_value this_, size_t argc, const node_value *argv,
                               void *data, int construct) {
  (void)data;
  (void)construct;
  database *db = node_unwrap(env, this_);
  if (!db) {
    node_throw_type_error(env, "query must be called on a Database");
    return 0;
  }
  if (argc < 1) {
    node_throw_type_error(env, "query(sql, params): sql is missing");
    return 0;
  }
  node_value sql = node_to_string(env, argv[0]);
  if (!sql) return 0;
  query *q = calloc(1, sizeof *q);
  if (!q) { node_throw_error(env, "out of memory"); return 0; }
  q->db = db;
  size_t length = node_string_get(env, sql, NODE_UTF8, NULL, 0);
  q->sql = malloc(length + 1);
  if (!q->sql) { free_query(q); node_throw_error(env, "out of memory"); return 0; }
  node_string_get(env, sql, NODE_UTF8, q->sql, length + 1);
  if (argc > 1 && read_params(env, q, argv[1]) != 0) { free_query(q); return 0; }
  node_value promise = node_promise(env);
  if (!promise) { free_query(q); return 0; }
  q->promise = node_ref_new(env, promise);
  if (db->tail) db->tail->next = q; else db->head = q;
  db->tail = q;
  if (!db->self) db->self = node_ref_new(env, this_);
  if (!db->running) start(env, db);
  return promise;
}

void init(node_env *env, node_value target) {
  node_value constructor = node_function(env, "Database", Database, NULL);
  node_value prototype = node_get_named(env, constructor, "prototype");
  node_set_named(env, prototype, "query", node_function(env, "query", query_method, NULL));
  node_set_named(env, target, "Database", constructor);
  node_set_named(env, target, "version", node_cstring(env, sqlite3_libversion()));
}
