/* test_json_api.c — the public JSON reader (rl_jdoc_read and the rl_jnode
 * accessors) that tools use for their own files: kinds, members with the
 * positions of names and values, strings with U+0000, integers, compact
 * re-serialization, errors with line and column, and "did you mean". */
#include "unit.h"
#include "reportlint_util.h"

#include <stdlib.h>

static const char *text = "{\n"
                          "  \"rules\": [\"rules/\", \"more/\"],\n"
                          "  \"fail-on\": \"warning\",\n"
                          "  \"params\": {\"min\": 91.50, \"on\": true, \"z\": null},\n"
                          "  \"n\": 9007199254740993, \"nul\": \"a\\u0000b\"\n"
                          "}\n";

static void test_reading(void)
{
    rl_error err = {0};
    rl_jdoc *doc = rl_jdoc_read(text, strlen(text), &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    const rl_jnode *root = rl_jdoc_root(doc);
    CU_ASSERT_EQUAL(rl_jnode_kind(root), RL_JKIND_OBJECT);
    CU_ASSERT_EQUAL(rl_jnode_count(root), 5);
    size_t len = 0;
    ASSERT_STR_EQ(rl_jnode_key(root, 1, &len), "fail-on");
    CU_ASSERT_EQUAL(len, 7);
    unsigned line, col;
    rl_jdoc_key_where(doc, root, 1, &line, &col);
    CU_ASSERT_EQUAL(line, 3);
    CU_ASSERT_EQUAL(col, 3);
    rl_jdoc_where(doc, rl_jnode_item(root, 1), &line, &col);
    CU_ASSERT_EQUAL(line, 3);
    CU_ASSERT_EQUAL(col, 14);
    ASSERT_STR_EQ(rl_jnode_string(rl_jnode_item(root, 1), NULL), "warning");

    const rl_jnode *rules = rl_jnode_item(root, 0);
    CU_ASSERT_EQUAL(rl_jnode_kind(rules), RL_JKIND_ARRAY);
    CU_ASSERT_EQUAL(rl_jnode_count(rules), 2);
    ASSERT_STR_EQ(rl_jnode_string(rl_jnode_item(rules, 1), NULL), "more/");
    CU_ASSERT_PTR_NULL(rl_jnode_item(rules, 2));
    CU_ASSERT_PTR_NULL(rl_jnode_key(rules, 0, NULL));

    const rl_jnode *params = rl_jnode_item(root, 2);
    char *json = rl_jnode_json(doc, rl_jnode_item(params, 0));
    ASSERT_STR_EQ(json, "91.50"); /* as written */
    free(json);
    CU_ASSERT_EQUAL(rl_jnode_bool(rl_jnode_item(params, 1)), 1);
    CU_ASSERT_EQUAL(rl_jnode_bool(rl_jnode_item(params, 2)), -1);
    CU_ASSERT_EQUAL(rl_jnode_kind(rl_jnode_item(params, 2)), RL_JKIND_NULL);
    ASSERT_STR_EQ(rl_jkind_name(rl_jnode_kind(params)), "object");

    int64_t n = 0;
    CU_ASSERT_EQUAL(rl_jnode_int(rl_jnode_item(root, 3), &n), 0);
    CU_ASSERT(n == 9007199254740993LL);
    CU_ASSERT_EQUAL(rl_jnode_int(rl_jnode_item(params, 0), &n), -1);
    const char *s = rl_jnode_string(rl_jnode_item(root, 4), &len);
    CU_ASSERT_EQUAL(len, 3);
    CU_ASSERT_EQUAL(strlen(s), 1); /* U+0000 inside: callers compare len */
    CU_ASSERT_PTR_NULL(rl_jnode_string(rules, NULL));
    rl_jdoc_free(doc);
}

static void test_errors(void)
{
    rl_error err = {0};
    const char *bad = "{\n  \"rules\": [\"a\",]\n}";
    CU_ASSERT_PTR_NULL(rl_jdoc_read(bad, strlen(bad), &err));
    CU_ASSERT_EQUAL(err.line, 2);
    CU_ASSERT_EQUAL(err.column, 17); /* the ] after the trailing comma */
    CU_ASSERT(err.message[0] != '\0');
    CU_ASSERT_PTR_NULL(rl_jdoc_root(NULL));
    CU_ASSERT_EQUAL(rl_jnode_count(NULL), 0);
    rl_jdoc_free(NULL);
}

static void test_quote(void)
{
    char *q = rl_json_quote("a\"b\\c\nđ\x01", 9);
    ASSERT_STR_EQ(q, "\"a\\\"b\\\\c\\nđ\\u0001\"");
    free(q);
    q = rl_json_quote("a\0b", 3);
    ASSERT_STR_EQ(q, "\"a\\u0000b\"");
    free(q);
}

static void test_suggest(void)
{
    static const char *const keys[] = {"rules", "fail-on", "severity", "suppress", NULL};
    ASSERT_STR_EQ(rl_suggest_name("fail_on", keys), "fail-on");
    ASSERT_STR_EQ(rl_suggest_name("supress", keys), "suppress");
    CU_ASSERT_PTR_NULL(rl_suggest_name("colour", keys));
}

int main(void)
{
    static const unit_test tests[] = {
        {"reading with positions", test_reading},
        {"errors", test_errors},
        {"quoting strings", test_quote},
        {"did you mean", test_suggest},
        {NULL, NULL},
    };
    return unit_run("json_api", tests);
}
