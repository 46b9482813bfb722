/* test_value.c — values: from JSON nodes (src, decimals), exact number
 * comparison, equality, lists, JSON output and human formatting. */
#include "unit.h"
#include "json.h"
#include "value.h"

#include <stdint.h>

static rl_jdoc *parse(const char *s)
{
    rl_error err;
    memset(&err, 0, sizeof err);
    rl_jdoc *d = rl_json_parse(s, strlen(s), NULL, &err);
    if (!d)
        fprintf(stderr, "parse failed: %s\n", err.message);
    return d;
}

static const char *fmt(rl_sbuf *b, const rl_value *v, int digits)
{
    rl_sbuf_clear(b);
    rl_value_format(b, v, digits);
    return rl_sbuf_str(b);
}

static const char *json(rl_sbuf *b, const rl_value *v, const rl_jdoc *doc)
{
    rl_sbuf_clear(b);
    rl_value_write_json(b, v, doc);
    return rl_sbuf_str(b);
}

static void test_from_node(void)
{
    rl_jdoc *d = parse("[null, true, 9007199254740993, 94.60, \"x\", [1], {\"a\": 1}]");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    rl_value v;
    rl_value_from_node(&v, rl_json_at(d->root, 0));
    CU_ASSERT_EQUAL(v.type, RL_VNULL);
    CU_ASSERT_PTR_EQUAL(v.src, rl_json_at(d->root, 0)); /* a JSON null exists */
    rl_value_from_node(&v, NULL);
    CU_ASSERT_EQUAL(v.type, RL_VNULL);
    CU_ASSERT_PTR_NULL(v.src);
    rl_value_from_node(&v, rl_json_at(d->root, 1));
    CU_ASSERT(v.type == RL_VBOOL && v.u.b == 1);
    rl_value_from_node(&v, rl_json_at(d->root, 2));
    CU_ASSERT(v.type == RL_VINT && v.u.i == 9007199254740993LL && v.decimals == 0);
    rl_value_from_node(&v, rl_json_at(d->root, 3));
    CU_ASSERT(v.type == RL_VNUM && v.u.d == 94.6 && v.decimals == 2);
    rl_value_from_node(&v, rl_json_at(d->root, 4));
    CU_ASSERT(v.type == RL_VSTR && v.u.str.len == 1 && v.u.str.s[0] == 'x');
    rl_value_from_node(&v, rl_json_at(d->root, 5));
    CU_ASSERT(v.type == RL_VNODE && v.u.node == rl_json_at(d->root, 5));
    rl_value_from_node(&v, rl_json_at(d->root, 6));
    CU_ASSERT_EQUAL(v.type, RL_VNODE);
    rl_jdoc_free(d);

    rl_value_set_int(&v, 3);
    CU_ASSERT_EQUAL(v.decimals, -1);
    CU_ASSERT_PTR_NULL(v.src);
}

static void test_num_cmp(void)
{
    rl_value a, b;
    rl_value_set_int(&a, 9007199254740993LL);
    rl_value_set_num(&b, 9007199254740992.0);
    CU_ASSERT_EQUAL(rl_value_num_cmp(&a, &b), 1); /* no rounding of the int */
    CU_ASSERT_EQUAL(rl_value_num_cmp(&b, &a), -1);
    CU_ASSERT_FALSE(rl_value_equal(&a, &b));
    rl_value_set_int(&a, 1);
    rl_value_set_num(&b, 1.0);
    CU_ASSERT_TRUE(rl_value_equal(&a, &b));
    rl_value_set_num(&b, 1.5);
    CU_ASSERT_EQUAL(rl_value_num_cmp(&a, &b), -1);
    rl_value_set_int(&a, INT64_MAX);
    rl_value_set_num(&b, 9223372036854775808.0);
    CU_ASSERT_EQUAL(rl_value_num_cmp(&a, &b), -1);
    rl_value_set_int(&a, INT64_MIN);
    rl_value_set_num(&b, -9223372036854775808.0);
    CU_ASSERT_EQUAL(rl_value_num_cmp(&a, &b), 0);
    rl_value_set_int(&a, -3);
    rl_value_set_num(&b, -2.5);
    CU_ASSERT_EQUAL(rl_value_num_cmp(&a, &b), -1);
    rl_value_set_int(&a, -2);
    CU_ASSERT_EQUAL(rl_value_num_cmp(&a, &b), 1);
    CU_ASSERT_TRUE(rl_value_is_number(&a));
    CU_ASSERT_EQUAL(rl_value_as_double(&a), -2.0);
}

static void test_equal(void)
{
    rl_value a, b;
    rl_value_set_null(&a);
    rl_value_set_null(&b);
    CU_ASSERT_TRUE(rl_value_equal(&a, &b));
    rl_value_set_int(&b, 0);
    CU_ASSERT_FALSE(rl_value_equal(&a, &b));
    rl_value_set_str(&a, "ab", 2);
    rl_value_set_str(&b, "abc", 2);
    CU_ASSERT_TRUE(rl_value_equal(&a, &b));
    rl_value_set_str(&b, "ac", 2);
    CU_ASSERT_FALSE(rl_value_equal(&a, &b));
    rl_value_set_bool(&a, 1);
    rl_value_set_int(&b, 1);
    CU_ASSERT_FALSE(rl_value_equal(&a, &b)); /* no truthiness */
    rl_date d1 = {100, RL_DATE_DAY}, d2 = {100, RL_DATE_MONTH};
    rl_value_set_date(&a, d1);
    rl_value_set_date(&b, d1);
    CU_ASSERT_TRUE(rl_value_equal(&a, &b));
    rl_value_set_date(&b, d2);
    CU_ASSERT_FALSE(rl_value_equal(&a, &b));

    /* nodes by JSON equality; a list literal against an array */
    rl_jdoc *d = parse("[[1, 2.0, \"x\"], [1, 2, \"x\"], {\"a\": [1]}, {\"a\": [1.0]}, [1, 2]]");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    rl_value_from_node(&a, rl_json_at(d->root, 0));
    rl_value_from_node(&b, rl_json_at(d->root, 1));
    CU_ASSERT_TRUE(rl_value_equal(&a, &b));
    rl_value_from_node(&a, rl_json_at(d->root, 2));
    rl_value_from_node(&b, rl_json_at(d->root, 3));
    CU_ASSERT_TRUE(rl_value_equal(&a, &b));
    rl_value items[2];
    rl_value_set_int(&items[0], 1);
    rl_value_set_num(&items[1], 2.0);
    rl_value list;
    memset(&list, 0, sizeof list);
    list.type = RL_VLIST;
    list.decimals = -1;
    list.u.list.values = items;
    list.u.list.n = 2;
    rl_value_from_node(&b, rl_json_at(d->root, 4));
    CU_ASSERT_TRUE(rl_value_equal(&list, &b));
    rl_value_from_node(&b, rl_json_at(d->root, 1));
    CU_ASSERT_FALSE(rl_value_equal(&list, &b));
    rl_jdoc_free(d);
}

static void test_lists(void)
{
    rl_jdoc *d = parse("{\"a\": [10, \"x\", null]}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    const rl_jnode *arr = rl_json_gets(d->root, "a");
    rl_value list;
    memset(&list, 0, sizeof list);
    list.type = RL_VLIST;
    const rl_jnode *items[] = {rl_jn_item(arr, 0), rl_jn_item(arr, 1), rl_jn_item(arr, 2)};
    list.u.list.nodes = items;
    list.u.list.n = rl_jn_count(arr);
    rl_value it;
    rl_value_list_item(&list, 0, &it);
    CU_ASSERT(it.type == RL_VINT && it.u.i == 10 && it.src == rl_jn_item(arr, 0));
    rl_value_list_item(&list, 2, &it);
    CU_ASSERT(it.type == RL_VNULL && it.src == rl_jn_item(arr, 2));
    rl_value_list_item(&list, 3, &it);
    CU_ASSERT(it.type == RL_VNULL && it.src == NULL);
    rl_sbuf b = RL_SBUF_INIT;
    ASSERT_STR_EQ(json(&b, &list, d), "[10,\"x\",null]");
    ASSERT_STR_EQ(fmt(&b, &list, 2), "[10, \"x\", null]");
    rl_sbuf_free(&b);
    rl_jdoc_free(d);
}

static void test_write_json(void)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_value v;
    rl_value_set_int(&v, INT64_MIN);
    ASSERT_STR_EQ(json(&b, &v, NULL), "-9223372036854775808");
    rl_value_set_num(&v, 7.767441);
    ASSERT_STR_EQ(json(&b, &v, NULL), "7.767441");
    rl_value_set_num(&v, 0.1 + 0.2);
    ASSERT_STR_EQ(json(&b, &v, NULL), "0.30000000000000004");
    rl_value_set_str(&v, "a\"b", 3);
    ASSERT_STR_EQ(json(&b, &v, NULL), "\"a\\\"b\"");
    rl_date d = {rl_days_from_civil(2025, 12, 15), RL_DATE_DAY};
    rl_value_set_date(&v, d);
    ASSERT_STR_EQ(json(&b, &v, NULL), "\"2025-12-15\"");
    rl_value_set_bool(&v, 0);
    ASSERT_STR_EQ(json(&b, &v, NULL), "false");
    rl_value_set_null(&v);
    ASSERT_STR_EQ(json(&b, &v, NULL), "null");
    rl_jdoc *doc = parse("{\"x\": [1.50, 2e0]}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    rl_value_from_node(&v, rl_json_gets(doc->root, "x"));
    ASSERT_STR_EQ(json(&b, &v, doc), "[1.50,2e0]");
    ASSERT_STR_EQ(json(&b, &v, NULL), "[1.5,2]");
    rl_jdoc_free(doc);
    rl_sbuf_free(&b);
}

static void test_format(void)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_value v;
    rl_value_set_num(&v, 24382.0 / 3139.0);
    ASSERT_STR_EQ(fmt(&b, &v, 2), "7.77");
    rl_value_set_num(&v, 7.767441);
    ASSERT_STR_EQ(fmt(&b, &v, 3), "7.767");
    rl_value_set_num(&v, 1.5);
    ASSERT_STR_EQ(fmt(&b, &v, 2), "1.5");
    rl_value_set_num(&v, 2.0);
    ASSERT_STR_EQ(fmt(&b, &v, 2), "2");
    rl_value_set_num(&v, 0.0012);
    ASSERT_STR_EQ(fmt(&b, &v, 2), "0.0012");
    rl_value_set_num(&v, -0.0012);
    ASSERT_STR_EQ(fmt(&b, &v, 2), "-0.0012");
    rl_value_set_num(&v, 0.000012345);
    ASSERT_STR_EQ(fmt(&b, &v, 2), "0.000012");
    rl_value_set_num(&v, -0.001);
    ASSERT_STR_EQ(fmt(&b, &v, 0), "-0.001");
    rl_value_set_num(&v, -1.767);
    ASSERT_STR_EQ(fmt(&b, &v, 2), "-1.77");
    rl_value_set_num(&v, -0.0);
    ASSERT_STR_EQ(fmt(&b, &v, 2), "0");
    rl_value_set_num(&v, 1e20);
    ASSERT_STR_EQ(fmt(&b, &v, 2), "100000000000000000000");
    rl_value_set_num(&v, 0.1 + 0.2);
    ASSERT_STR_EQ(fmt(&b, &v, -1), "0.30000000000000004");
    rl_value_set_int(&v, 9007199254740993LL);
    ASSERT_STR_EQ(fmt(&b, &v, 2), "9007199254740993");
    rl_value_set_str(&v, "héllo", 6);
    ASSERT_STR_EQ(fmt(&b, &v, 2), "héllo");
    rl_value_set_null(&v);
    ASSERT_STR_EQ(fmt(&b, &v, 2), "null");
    rl_date d = {rl_days_from_civil(2025, 11, 1), RL_DATE_MONTH};
    rl_value_set_date(&v, d);
    ASSERT_STR_EQ(fmt(&b, &v, 2), "2025-11");
    ASSERT_STR_EQ(rl_value_type_name(RL_VINT), "integer");
    ASSERT_STR_EQ(rl_value_type_name(RL_VLIST), "list");
    rl_sbuf_free(&b);
}

int main(void)
{
    static const unit_test tests[] = {
        {"values from JSON nodes", test_from_node},
        {"exact number comparison", test_num_cmp},
        {"equality", test_equal},
        {"lists of nodes", test_lists},
        {"JSON output", test_write_json},
        {"human formatting", test_format},
        {NULL, NULL},
    };
    return unit_run("value", tests);
}
