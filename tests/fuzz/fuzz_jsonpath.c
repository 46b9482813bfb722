/* fuzz_jsonpath.c — JSONPath: input is SELECTOR '\n' DOCUMENT. Any selector
 * compiles or is rejected with a column; a compiled one evaluates on the
 * document (or on a fixed one) without crashing, and every selected node's
 * normalized path is computed. Prefix mode never consumes more than given. */
#include "fuzz.h"
#include "jsonpath.h"

#include <stdlib.h>

static const char fixed[] = "{\"a\": [1, 2.5, \"x\", null, true, {\"b\": [\"Đà\", {\"c\": 3}]}], "
                            "\"d\": {\"e\": \"f\", \"g\": [[1], [2, 3]]}}";

static void eval(const rl_jpath *q, const rl_jnode *root)
{
    rl_nodelist out;
    rl_nodelist_init(&out);
    rl_error err = {0};
    rl_jpath_eval(q, root, root, &out, &err);
    rl_sbuf b = RL_SBUF_INIT;
    for (size_t i = 0; i < out.n; i++)
        rl_jpath_normalized(out.items[i], &b);
    if (rl_jpath_is_singular(q))
        rl_jpath_select_one(q, root, root);
    rl_sbuf_free(&b);
    rl_nodelist_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *rest = NULL;
    size_t qlen = size, dlen = 0;
    if (!fuzz_split(data, size, '\n', &rest, &qlen, &dlen))
        rest = NULL;
    rl_error err = {0};
    size_t used = 0;
    rl_jpath *prefix = rl_jpath_compile((const char *)data, qlen, &used, &err);
    if (prefix && used > qlen)
        abort();
    rl_jpath_free(prefix);
    rl_jpath *q = rl_jpath_compile((const char *)data, qlen, NULL, &err);
    if (!q) {
        if (err.column == 0)
            abort(); /* rejections point at a column */
        return 0;
    }
    rl_jdoc *doc = rest ? rl_json_parse((const char *)rest, dlen, NULL, &err) : NULL;
    rl_jdoc *fix = rl_json_parse(fixed, sizeof fixed - 1, NULL, &err);
    eval(q, doc ? doc->root : fix->root);
    rl_jdoc_free(doc);
    rl_jdoc_free(fix);
    rl_jpath_free(q);
    return 0;
}
