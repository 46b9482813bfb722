/* kind_schema.c — `schema`: the `each` node must satisfy a JSON Schema.
 *
 *   {"kind": "schema", "each": "$.communes[*]", "schema": "commune.schema.json"}
 *
 * `schema` is a path relative to the rule-set file, or an inline schema
 * (object or boolean); it is compiled once, at load (schema_rules.c). The
 * rule "schema" that validates whole reports (-s, a rule set's "schema")
 * is this kind with several schemas. Every schema error is a violation at
 * the invalid value, with figures keyword, schema (FILE#POINTER of the
 * keyword), actual (the value, when it is not an array or object) and
 * expected (the keyword's value, for keywords that compare with one). */
#include "kinds.h"
#include "schema_rules.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const fields[] = {"schema", NULL};
static const char *const figures[] = {"detail", "keyword", "schema", "actual", "expected", NULL};

static void list_free(void *p)
{
    rl_schema_list *l = p;
    free(l->items);
    free(l);
}

static int schema_compile(rl_rule *rule, rl_loader *ld, const rl_jnode *obj)
{
    rl_schema_list *l = calloc(1, sizeof *l);
    if (!l)
        return -1;
    rule->data = l;
    const rl_jnode *v = rl_ld_field(ld, obj, "schema", 1);
    const rl_schema *s = v ? ld->schema(ld, v) : NULL;
    if (!s)
        return 0;
    if (!(l->items = malloc(sizeof *l->items)))
        return -1;
    l->items[l->n++] = s;
    return 0;
}

/* Keywords whose value is what the instance was compared with. */
static int compares(const char *keyword)
{
    static const char *const kws[] = {
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "const",   "type",    "pattern",          "format",           NULL};
    for (size_t i = 0; kws[i]; i++)
        if (strcmp(kws[i], keyword) == 0)
            return 1;
    return 0;
}

static int scalar(const rl_jnode *n)
{
    return n && rl_jn_type(n) != RL_JARRAY && rl_jn_type(n) != RL_JOBJECT;
}

/* A schema file a $ref reached is named by its absolute path: show it
 * relative to the current directory when it is under it. */
static const char *shown_file(const char *file)
{
    char cwd[PATH_MAX];
    size_t n;
    if (file[0] != '/' || !getcwd(cwd, sizeof cwd))
        return file;
    n = strlen(cwd);
    return strncmp(file, cwd, n) == 0 && file[n] == '/' ? file + n + 1 : file;
}

static void report_error(rl_run *run, const rl_schema_error *e, rl_sbuf *where)
{
    rl_finding f = {0};
    f.msg = RL_MSG_SCHEMA;
    f.blame = e->instance;
    rl_sbuf_clear(where);
    rl_sbuf_printf(where, "%s#%s", shown_file(e->schema_file), e->schema_pointer);
    rl_finding_add_str(&f, "keyword", e->keyword);
    rl_finding_add_str(&f, "schema", rl_sbuf_str(where));
    rl_value v;
    if (scalar(e->instance)) {
        rl_value_from_node(&v, e->instance);
        rl_finding_add(&f, "actual", &v);
    }
    if (compares(e->keyword) && scalar(e->schema_value)) {
        rl_value_from_node(&v, e->schema_value);
        v.src = NULL; /* a node of the schema, not of the report */
        rl_finding_add(&f, "expected", &v);
    }
    rl_finding_arg_str(&f, "detail", e->message);
    rl_run_report(run, &f);
}

static void report_oom(rl_run *run)
{
    rl_finding f = {0};
    f.engine = 1;
    f.msg = RL_MSG_EVAL_ERROR;
    rl_finding_arg_str(&f, "expr", "schema");
    rl_finding_arg_str(&f, "detail", "out of memory");
    rl_run_report(run, &f);
}

static rl_outcome schema_check(const rl_rule *rule, rl_run *run)
{
    const rl_schema_list *l = rule->data;
    const rl_eval_ctx *ctx = rl_run_ctx(run);
    rl_schema_errors errs = RL_SCHEMA_ERRORS_INIT;
    rl_sbuf where = RL_SBUF_INIT;
    rl_outcome o = RL_PASS;
    for (size_t i = 0; i < l->n; i++) {
        rl_schema_errors_clear(&errs);
        int rc = rl_schema_validate_until(l->items[i], ctx->doc, rl_run_node(run), &errs,
                                          ctx->deadline);
        if (rc == 1)
            continue;
        if (rc == -2) /* out of time: the check reports that, not these errors */
            break;
        o = RL_FAIL;
        for (size_t j = 0; j < errs.n; j++)
            report_error(run, &errs.items[j], &where);
        if (rc < 0 || errs.oom)
            report_oom(run);
    }
    rl_sbuf_free(&where);
    rl_schema_errors_free(&errs);
    return o;
}

static const rl_msg messages[] = {RL_MSG_SCHEMA, RL_MSG_COUNT};

const rl_kind rl_kind_schema = {
    "schema", fields, figures, messages, schema_compile, list_free, schema_check, NULL,
};
