/* fuzz_expr.c — the expression language: input is EXPRESSION '\n' DOCUMENT.
 * Any text compiles or is rejected with a column; a compiled expression
 * evaluates (to a value or an error with a message) against the document
 * or a fixed report, with parameters defined. */
#include "fuzz.h"
#include "expr.h"

#include <stdlib.h>

static const char fixed[] =
    "{\"report\": {\"as_of\": \"2025-09-29\", \"locale\": \"en\"}, \"staff\": 24382, "
    "\"centres\": 3139, \"avg\": 6, \"rate\": \"95%\", \"big\": 9223372036854775807, "
    "\"communes\": [{\"staff\": 7, \"name\": \"Xã Đông\"}, {\"staff\": null}], "
    "\"due\": \"--12-15\", \"done\": \"2025-12-19\"}";

static rl_params *params(void)
{
    rl_params *p = rl_params_new();
    rl_error err = {0};
    rl_params_set_text(p, "min", "91", &err);
    rl_params_set_text(p, "as_of", "2025-09-29", &err);
    rl_params_set_text(p, "name", "Hà Nội", &err);
    return p;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *rest = NULL;
    size_t elen = size, dlen = 0;
    if (!fuzz_split(data, size, '\n', &rest, &elen, &dlen))
        rest = NULL;
    rl_params *p = params();
    rl_error err = {0};
    rl_expr *e = rl_expr_compile((const char *)data, elen, p, 0, &err);
    if (!e) {
        if (!err.failed)
            abort();
        rl_params_free(p);
        return 0;
    }
    rl_jdoc *doc = rest ? rl_json_parse((const char *)rest, dlen, NULL, &err) : NULL;
    if (!doc)
        doc = rl_json_parse(fixed, sizeof fixed - 1, NULL, &err);
    rl_arena *arena = rl_arena_new(0);
    rl_error eerr = {0};
    rl_eval_ctx ctx = {0};
    ctx.root = ctx.current = doc->root;
    ctx.doc = doc;
    ctx.params = p;
    ctx.arena = arena;
    ctx.as_of = 20360;
    ctx.has_as_of = 1;
    ctx.err = &eerr;
    rl_value v;
    if (rl_expr_eval(e, &ctx, &v) == 0) {
        rl_sbuf b = RL_SBUF_INIT;
        rl_value_write_json(&b, &v, doc);
        rl_value_format(&b, &v, 2);
        rl_sbuf_free(&b);
    } else if (!eerr.failed) {
        abort(); /* a failure always says why */
    }
    rl_arena_free(arena);
    rl_jdoc_free(doc);
    rl_expr_free(e);
    rl_params_free(p);
    return 0;
}
