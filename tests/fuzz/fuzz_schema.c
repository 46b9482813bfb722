/* fuzz_schema.c — the JSON Schema compiler and validator (schema_*.c, and
 * ecma_regex.c for "pattern"): the input is a schema document, a NUL byte,
 * then an instance. Any schema loads or gives a located error; any instance
 * validates or not; never a crash, a leak or a hang. "format" is asserted
 * when the input's first byte is odd, so both modes are explored. The
 * bundled metaschemas (schemas/meta, relative to the working directory) let
 * "$schema" and "$ref" to the standard drafts resolve; nothing else is read
 * (the fetch callback knows no document). */
#include "fuzz.h"
#include "json.h"
#include "schema.h"

#include <stdlib.h>

static char *no_fetch(void *ctx, const char *uri, size_t *len)
{
    (void)ctx;
    (void)uri;
    (void)len;
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *inst;
    size_t slen, ilen;
    if (!fuzz_split(data, size, 0, &inst, &slen, &ilen)) {
        slen = size;
        inst = NULL;
        ilen = 0;
    }
    rl_schema_opts opts = {0};
    opts.format_assert = size > 0 && (data[0] & 1);
    opts.meta_dir = "schemas/meta";
    opts.fetch = no_fetch;
    rl_schema_set *set = rl_schema_set_new(&opts);
    if (!set)
        return 0;
    rl_error err = {0};
    const rl_schema *schema = rl_schema_load_text(set, (const char *)data, slen, "fuzz.json", &err);
    if (schema && inst) {
        rl_jdoc *doc = rl_jdoc_read((const char *)inst, ilen, &err);
        if (doc) {
            rl_schema_errors errs = RL_SCHEMA_ERRORS_INIT;
            rl_schema_validate(schema, doc, NULL, &errs);
            rl_schema_errors_free(&errs);
            rl_jdoc_free(doc);
        }
    }
    rl_schema_set_free(set);
    return 0;
}
