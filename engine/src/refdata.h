/* refdata.h — reference data: a parameter's JSON value read from a file
 * (a rule set's "params": {"provinces": {"file": "ref/provinces.json"}},
 * --param-file NAME=FILE, the config's "param-files").
 *
 * A reference file is any JSON document of at most RL_REFDATA_MAX_SIZE
 * bytes, parsed with the report reader's default limits. Problems carry the
 * file's own line:column (a parse error) so the user can go there. */
#ifndef RL_REFDATA_H
#define RL_REFDATA_H

#include "deadline.h"
#include "error.h"
#include "io.h"
#include "json.h"

#define RL_REFDATA_MAX_SIZE (64u << 20) /* bytes in one reference file */

/* The path of a reference file named in the file `base` (a rule set):
 * relative to base's directory, unless absolute or base is NULL. malloc'd. */
char *rl_refdata_path(const char *base, const char *rel);

/* Read and parse the reference file at path, within deadline (NULL: no
 * limit; the rule sets' loading deadline, --timeout). Returns the
 * document, or NULL with err set: line and column of a parse error in the
 * file, or of where parsing stopped when the deadline passed (0 when the
 * file cannot be read or is too large), and a message without the path. */
rl_jdoc *rl_refdata_read(const rl_io_guard *io, const char *path, rl_deadline *deadline,
                         rl_error *err);

#endif
