/* fuzz_json.c — the report reader: any bytes in, a document or a located
 * error out; for documents, every node's pointer, position and JSON text
 * are computed, and writing then re-reading gives an equal document. */
#include "fuzz.h"
#include "json.h"

#include <stdlib.h>

static void walk(rl_jdoc *doc, const rl_jnode *n, rl_sbuf *buf)
{
    unsigned line, col;
    rl_sbuf_clear(buf);
    rl_json_pointer(n, buf);
    rl_jdoc_locate(doc, rl_jn_offset(n), &line, &col);
    if (line == 0 || col == 0)
        abort();
    for (size_t i = 0; i < rl_json_size(n); i++)
        walk(doc, rl_jn_type(n) == RL_JARRAY ? rl_jn_item(n, i) : rl_jn_value(n, i), buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rl_error err = {0};
    rl_json_limits lim = {.max_depth = 64};
    rl_jdoc *doc = rl_json_parse((const char *)data, size, &lim, &err);
    if (!doc) {
        if (!err.failed || err.line == 0)
            abort(); /* every rejection is located */
        return 0;
    }
    rl_sbuf buf = RL_SBUF_INIT;
    walk(doc, doc->root, &buf);
    rl_sbuf_clear(&buf);
    rl_json_write(&buf, NULL, doc->root);
    rl_jdoc *again = rl_json_parse(buf.data, buf.len, NULL, &err);
    if (!again || !rl_json_equal(doc->root, again->root))
        abort(); /* what we write, we read back the same */
    rl_jdoc_free(again);
    rl_sbuf_free(&buf);
    rl_jdoc_free(doc);
    return 0;
}
