/* schema.h — JSON Schema validation (draft 2020-12, and draft-07 when a
 * schema's $schema names it).
 *
 * A schema set (rl_schema_set) is a registry of schema documents: the ones
 * loaded explicitly and every document they reference. Loading compiles each
 * schema once into keyword programs; every $ref is resolved at load time
 * (external documents are read from files relative to the referring
 * document, through the schema map, or through the fetch callback — never
 * from the network), and an unresolvable reference, a malformed keyword or a
 * reference cycle that never consumes the instance is a load error located
 * at line:column in the schema file.
 *
 * A $schema naming draft 2019-09 is read with 2020-12 rules and draft-04/06
 * with draft-07 rules (approximations); any other $schema is loaded as a
 * custom metaschema whose $vocabulary selects the keywords that apply.
 *
 * Loading is not thread-safe. Once loaded, a schema is immutable: any number
 * of threads may call rl_schema_validate() with it concurrently (each call
 * uses only its own scratch memory and its own error list).
 *
 * Lifetimes: schemas, and the strings and nodes an rl_schema_error points
 * into on the schema side, belong to the set and live until
 * rl_schema_set_free(). Errors point at instance nodes, which belong to the
 * caller's document. */
#ifndef RL_SCHEMA_H
#define RL_SCHEMA_H

#include "io.h"
#include "json.h"
#include "reportlint.h"

#include <stddef.h>

typedef struct rl_schema_set rl_schema_set;
typedef struct rl_schema rl_schema;

typedef enum rl_schema_draft {
    RL_SCHEMA_DRAFT2020_12 = 0, /* the default */
    RL_SCHEMA_DRAFT7 = 1
} rl_schema_draft;

/* One --schema-map entry: URIs starting with prefix are read from files
 * under dir (the rest of the URI, percent-decoded, is the relative path;
 * "NAME" is tried as NAME, then NAME.json). */
typedef struct rl_schema_map_entry {
    const char *prefix;
    const char *dir;
} rl_schema_map_entry;

/* Optional resolver for documents no map entry covers (tests, embedders).
 * Given an absolute URI without fragment, return a malloc'd buffer holding
 * JSON text (len bytes, buffer at least len+1 bytes; the set takes it), or
 * NULL when the URI is unknown. */
typedef char *(*rl_schema_fetch_fn)(void *ctx, const char *uri, size_t *len);

typedef struct rl_schema_opts {
    int format_assert;             /* --format-assert: "format" is an assertion */
    rl_schema_draft default_draft; /* for documents without $schema */
    /* Directory of the bundled metaschemas (schemas/meta in the repository,
     * share/reportlint/schemas/meta when installed); NULL: none. The
     * standard URIs https://json-schema.org/draft/2020-12/... and
     * http(s)://json-schema.org/draft-07/... are mapped onto its
     * draft2020-12/ and draft-07/ and read when first referenced. */
    const char *meta_dir;
    const rl_schema_map_entry *map; /* copied by rl_schema_set_new */
    size_t nmap;
    rl_schema_fetch_fn fetch;
    void *fetch_ctx;
    unsigned max_depth;    /* nested evaluations before giving up; 0: 4096 */
    const rl_io_guard *io; /* how schema files are read (the rules' policy); NULL: freely */
    /* checked while a schema file is parsed (the rules' loading deadline,
     * --timeout): once passed, the file fails "out of time"; NULL: none */
    struct rl_deadline *deadline;
} rl_schema_opts;

/* A new, empty set; opts may be NULL (defaults). NULL when out of memory. */
rl_schema_set *rl_schema_set_new(const rl_schema_opts *opts);
void rl_schema_set_free(rl_schema_set *set);

/* Add a map entry (the value of --schema-map, as "URL=DIR" or split).
 * Return 0 and set err on a malformed entry. */
int rl_schema_set_add_map(rl_schema_set *set, const char *prefix, const char *dir, rl_error *err);
int rl_schema_set_add_map_arg(rl_schema_set *set, const char *url_eq_dir, rl_error *err);

/* Load and compile the schema in a file. The returned schema belongs to the
 * set. On failure returns NULL; err holds the message and the line:column
 * of the offending keyword in path — or, when the problem is in a document
 * path references, line and column 0 and a message that starts with
 * "FILE:LINE:COLUMN: ". Loading the same file twice returns the same
 * schema; a failed load leaves the set as it was. */
const rl_schema *rl_schema_load_file(rl_schema_set *set, const char *path, rl_error *err);

/* Load a schema held in memory as JSON text (copied); name is used in
 * messages and, when it is an absolute URI, as the base URI (else the
 * schema gets a unique internal one). */
const rl_schema *rl_schema_load_text(rl_schema_set *set, const char *text, size_t len,
                                     const char *name, rl_error *err);

/* Load a schema that is a node of a document the caller owns (and keeps
 * alive as long as the set; the set builds its line index). The node is
 * the root of the schema's pointers ("#/..."). base_uri: an absolute URI
 * to resolve relative references against; anything else (a file name, or
 * NULL) only names the schema in errors, and it gets a unique internal URI.
 * The same node loaded twice gives the same schema. */
const rl_schema *rl_schema_load_node(rl_schema_set *set, const rl_jdoc *doc, const rl_jnode *node,
                                     const char *base_uri, rl_error *err);

/* The draft the schema is evaluated with, and its base URI. */
rl_schema_draft rl_schema_get_draft(const rl_schema *schema);
const char *rl_schema_base_uri(const rl_schema *schema);

/* One validation error. */
typedef struct rl_schema_error {
    const rl_jnode *instance; /* the invalid value (pointer, line:col via json.h) */
    const char *keyword;      /* "minimum", "required", "false" for a false schema, ... */
    const char *schema_file;  /* the schema document: file path or URI */
    char *schema_pointer;     /* JSON Pointer of the keyword in schema_file */
    unsigned schema_line;     /* where the keyword's value is written (1-based) */
    unsigned schema_column;
    char *message;                /* "minimum: 3139 is less than the minimum 3200" */
    const rl_jnode *schema_value; /* the keyword's value in the schema document */
} rl_schema_error;

typedef struct rl_schema_errors {
    rl_schema_error *items;
    size_t n;
    size_t cap;
    int oom; /* set when an error could not be recorded */
} rl_schema_errors;

/* clang-format off */
#define RL_SCHEMA_ERRORS_INIT {NULL, 0, 0, 0}
/* clang-format on */

void rl_schema_errors_init(rl_schema_errors *errs);
void rl_schema_errors_clear(rl_schema_errors *errs); /* empty, keep capacity */
void rl_schema_errors_free(rl_schema_errors *errs);

/* Validate instance (doc->root when NULL). doc, the instance's document, may
 * be NULL; with it numbers are handled from their exact written text
 * (multipleOf, integers beyond 2^53, messages). Errors are appended to out
 * (may be NULL: only the verdict). Returns 1 valid, 0 invalid, -1 out of
 * memory. */
int rl_schema_validate(const rl_schema *schema, const rl_jdoc *doc, const rl_jnode *instance,
                       rl_schema_errors *out);
/* The same, giving up once deadline (may be NULL; deadline.h) has passed:
 * -2 then, with whatever errors were found before. */
struct rl_deadline;
int rl_schema_validate_until(const rl_schema *schema, const rl_jdoc *doc, const rl_jnode *instance,
                             rl_schema_errors *out, struct rl_deadline *deadline);

#endif
