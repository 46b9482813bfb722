/* reportlint_util.h — the helpers the reportlint command (and the tests)
 * share with the library, kept out of the public API: reading a file with
 * the library's limits, glob patterns, the JSON reader with positions
 * (configuration files, baselines), JSON string quoting and "did you mean".
 *
 * Not installed and not part of the 1.0 contract: these functions are not
 * exported by the installed libraries (the static library keeps only the
 * functions of reportlint.h global, the shared one exports only those
 * marked RL_API), so the command links the build's internal archive
 * (build/libreportlint_all.a), as curl's tool uses curlx. See
 * docs/internals.md. */
#ifndef REPORTLINT_UTIL_H
#define REPORTLINT_UTIL_H

#include "reportlint.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RL_UTIL /* not exported: see above */

/* The engine's one growable-array helper (engine/src/array.h): capacity
 * doubled until need items of size bytes fit, `count * size` checked for
 * overflow; NULL (the old array untouched, still the caller's) on failure. */
RL_UTIL void *rl_array_grow(void *items, size_t *cap, size_t need, size_t size);
/* realloc to exactly n items of size bytes, overflow-checked (NULL as above). */
RL_UTIL void *rl_array_resize(void *items, size_t n, size_t size);

/* Read a whole file (or stdin for "-") into a malloc'd, NUL-terminated
 * buffer. Returns 0, or -1 with err set. */
RL_UTIL int rl_read_file(const char *path, char **data, size_t *len, rl_error *err);
/* The same with a size limit (0 or RL_UNLIMITED: none) and the reader's
 * refusals (special files, see rl_file_kind): a file larger than max is
 * refused from its size, a stream after max + 1 bytes. */
RL_UTIL int rl_read_file_max(const char *path, char **data, size_t *len, size_t max, rl_error *err);

/* ---- globs ----------------------------------------------------------- */

/* Glob patterns over '/'-separated paths (file paths, JSON Pointers, rule
 * ids), as fnmatch(3) with FNM_PATHNAME plus `**`: `*` matches any run of
 * characters but '/', `?` one character but '/', `[abc]`, `[a-z]`, `[!a]`
 * (or `[^a]`) one character of a set, `\x` the character x, and `**` as a
 * whole segment any number of segments, none included: "a/ **" (without
 * the space, which only keeps this comment open) is everything under a,
 * "** /x" x at any depth, "a/ ** /b" b anywhere under a. `**` inside a
 * segment is `*`. Characters are UTF-8 code points; matching is exact
 * (case-sensitive; a leading '.' is an ordinary character). The whole
 * path must match.
 *
 * rl_glob_check returns 0, or -1 with err (column: the code point in the
 * pattern, 1-based) for an unclosed '[', an empty or POSIX-class set, a
 * '/' inside a set, a trailing backslash, invalid UTF-8 or an empty
 * pattern. rl_glob_match returns 1 on a match, 0 otherwise (and for an
 * invalid pattern). */
RL_UTIL int rl_glob_check(const char *pattern, rl_error *err);
RL_UTIL int rl_glob_match(const char *pattern, const char *path);

/* ---- reading JSON with positions ------------------------------------ */

/* The engine's strict RFC 8259 reader for other JSON files a tool reads
 * (configuration, baselines), so that their problems can be reported with
 * a line and column. A document owns its nodes and strings. */
typedef struct rl_jdoc rl_jdoc;
typedef struct rl_jnode rl_jnode;

typedef enum rl_jkind {
    RL_JKIND_NULL,
    RL_JKIND_BOOL,
    RL_JKIND_NUMBER,
    RL_JKIND_STRING,
    RL_JKIND_ARRAY,
    RL_JKIND_OBJECT
} rl_jkind;

/* Parse text (copied). NULL with err's message, line and column on error. */
RL_UTIL rl_jdoc *rl_jdoc_read(const char *text, size_t len, rl_error *err);
RL_UTIL void rl_jdoc_free(rl_jdoc *doc);
RL_UTIL const rl_jnode *rl_jdoc_root(const rl_jdoc *doc);
/* Line and column (1-based, code points) where a value starts. */
RL_UTIL void rl_jdoc_where(rl_jdoc *doc, const rl_jnode *node, unsigned *line, unsigned *column);
/* Where the name of member i of an object starts (its opening quote). */
RL_UTIL void rl_jdoc_key_where(rl_jdoc *doc, const rl_jnode *obj, size_t i, unsigned *line,
                               unsigned *column);

RL_UTIL rl_jkind rl_jnode_kind(const rl_jnode *node);
/* "null", "boolean", "number", "string", "array", "object". */
RL_UTIL const char *rl_jkind_name(rl_jkind kind);
/* Items of an array, members of an object; 0 otherwise. */
RL_UTIL size_t rl_jnode_count(const rl_jnode *node);
/* Item i of an array, or the value of member i of an object; else NULL. */
RL_UTIL const rl_jnode *rl_jnode_item(const rl_jnode *node, size_t i);
/* The name of member i of an object (NUL-terminated; *len may be NULL). */
RL_UTIL const char *rl_jnode_key(const rl_jnode *node, size_t i, size_t *len);
/* A string's decoded UTF-8 (NUL-terminated; it may hold U+0000, see *len),
 * or NULL for another kind. */
RL_UTIL const char *rl_jnode_string(const rl_jnode *node, size_t *len);
/* 1 for true, 0 for false, -1 for another kind. */
RL_UTIL int rl_jnode_bool(const rl_jnode *node);
/* 0 and *out for a number written as an integer that fits int64; else -1. */
RL_UTIL int rl_jnode_int(const rl_jnode *node, int64_t *out);
/* The value as compact JSON text (numbers as written); malloc'd, or NULL. */
RL_UTIL char *rl_jnode_json(const rl_jdoc *doc, const rl_jnode *node);
/* s[0..len) as a JSON string literal, quotes included; malloc'd, or NULL. */
RL_UTIL char *rl_json_quote(const char *s, size_t len);

/* "Did you mean ...?": the name in names (NULL-terminated) closest to
 * word, when it is a plausible misspelling of it; else NULL. */
RL_UTIL const char *rl_suggest_name(const char *word, const char *const *names);

#ifdef __cplusplus
}
#endif

#endif
