/* test_schema.c — the JSON Schema module: keywords and their messages,
 * error locations (instance pointer, schema file/pointer/line:column),
 * exact numbers, references (files, schema map, fetch callback, anchors,
 * $dynamicRef), load errors and cycles, rollback of a failed load,
 * annotations for unevaluated*, draft-07, format assertion, the ECMA-262
 * regex translation, and concurrent validation with one schema. */
#include "unit.h"
#include "ecma_regex.h"
#include "json.h"
#include "schema.h"
#include "schema_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

/* ---- helpers ------------------------------------------------------------ */

static rl_schema_set *new_set(int format_assert)
{
    rl_schema_opts o = {0};
    o.format_assert = format_assert;
    o.meta_dir = "schemas/meta";
    rl_schema_set *set = rl_schema_set_new(&o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(set);
    return set;
}

static const rl_schema *load(rl_schema_set *set, const char *text)
{
    rl_error err;
    memset(&err, 0, sizeof err);
    const rl_schema *s = rl_schema_load_text(set, text, strlen(text), "test.schema.json", &err);
    if (!s)
        fprintf(stderr, "load failed: %u:%u %s\n", err.line, err.column, err.message);
    return s;
}

/* A load that must fail: the error's line, column and a message fragment. */
static void load_fails(const char *text, unsigned line, unsigned col, const char *needle)
{
    rl_schema_set *set = new_set(0);
    rl_error err;
    memset(&err, 0, sizeof err);
    const rl_schema *s = rl_schema_load_text(set, text, strlen(text), "bad.json", &err);
    CU_ASSERT_PTR_NULL(s);
    CU_ASSERT_EQUAL(err.line, line);
    CU_ASSERT_EQUAL(err.column, col);
    if (!strstr(err.message, needle)) {
        fprintf(stderr, "message '%s' lacks '%s' (%u:%u)\n", err.message, needle, err.line,
                err.column);
        CU_FAIL("load error message");
    }
    rl_schema_set_free(set);
}

typedef struct result {
    rl_jdoc *doc;
    rl_schema_errors errs;
    int rc;
} result;

static result run(const rl_schema *s, const char *instance)
{
    result r = {NULL, RL_SCHEMA_ERRORS_INIT, -1};
    rl_error err;
    memset(&err, 0, sizeof err);
    r.doc = rl_json_parse(instance, strlen(instance), NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.doc);
    r.rc = rl_schema_validate(s, r.doc, NULL, &r.errs);
    CU_ASSERT_EQUAL(rl_schema_validate(s, r.doc, NULL, NULL), r.rc); /* verdict-only agrees */
    CU_ASSERT_EQUAL(r.rc == 1, r.errs.n == 0);
    return r;
}

static void done(result *r)
{
    rl_schema_errors_free(&r->errs);
    rl_jdoc_free(r->doc);
}

/* Validate instance: expect the verdict, and (when invalid) that the first
 * message contains needle. */
static void expect(const rl_schema *s, const char *instance, int valid, const char *needle)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    result r = run(s, instance);
    if (r.rc != valid) {
        fprintf(stderr, "%s: expected %s, got %d\n", instance, valid ? "valid" : "invalid", r.rc);
        CU_FAIL("verdict");
    } else if (!valid && needle && !strstr(r.errs.items[0].message, needle)) {
        fprintf(stderr, "%s: message '%s' lacks '%s'\n", instance, r.errs.items[0].message, needle);
        CU_FAIL("message");
    }
    done(&r);
}

static void expect_one(const char *schema, const char *instance, int valid, const char *needle)
{
    rl_schema_set *set = new_set(0);
    expect(load(set, schema), instance, valid, needle);
    rl_schema_set_free(set);
}

static char *instance_pointer(const rl_schema_error *e)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_json_pointer(e->instance, &b);
    rl_sbuf_addc(&b, '\0');
    return rl_sbuf_take(&b);
}

/* ---- messages and locations ------------------------------------------------ */

static void test_error_location(void)
{
    rl_schema_set *set = new_set(0);
    const rl_schema *s = load(set, "{\n"
                                   "  \"type\": \"object\",\n"
                                   "  \"properties\": {\n"
                                   "    \"staff\": {\"type\": \"integer\", \"minimum\": 3200}\n"
                                   "  }\n"
                                   "}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    result r = run(s, "{\"centres\": 3139,\n \"staff\": 3139}");
    CU_ASSERT_EQUAL(r.rc, 0);
    CU_ASSERT_EQUAL_FATAL(r.errs.n, 1);
    const rl_schema_error *e = &r.errs.items[0];
    ASSERT_STR_EQ(e->keyword, "minimum");
    ASSERT_STR_EQ(e->message, "minimum: 3139 is less than the minimum 3200");
    ASSERT_STR_EQ(e->schema_pointer, "/properties/staff/minimum");
    ASSERT_STR_EQ(e->schema_file, "test.schema.json");
    CU_ASSERT_EQUAL(e->schema_line, 4);
    CU_ASSERT_EQUAL(e->schema_column, 45);
    char *ptr = instance_pointer(e);
    ASSERT_STR_EQ(ptr, "/staff");
    free(ptr);
    unsigned line, col;
    rl_jdoc_locate(r.doc, rl_jn_offset(e->instance), &line, &col);
    CU_ASSERT_EQUAL(line, 2);
    CU_ASSERT_EQUAL(col, 11);
    done(&r);
    rl_schema_set_free(set);
}

static void test_messages(void)
{
    expect_one("{\"required\": [\"staff\", \"centres\"]}", "{\"centres\": 1}", 0,
               "required: missing property 'staff'");
    expect_one("{\"type\": \"integer\"}", "\"x\"", 0, "type: expected integer, got string");
    expect_one("{\"type\": [\"string\", \"null\"]}", "2.5", 0,
               "type: expected null or string, got number");
    expect_one("{\"maximum\": 100}", "100.5", 0, "maximum: 100.5 is greater than the maximum 100");
    expect_one("{\"exclusiveMinimum\": 0}", "0", 0, "exclusiveMinimum: 0 is not greater");
    expect_one("{\"enum\": [\"a\", 1]}", "\"b\"", 0, "enum: \"b\" is not one of [\"a\",1]");
    expect_one("{\"const\": {\"a\": 1}}", "{\"a\": 2}", 0, "const: {\"a\":2} is not the constant");
    expect_one("{\"maxLength\": 2}", "\"abc\"", 0,
               "maxLength: the string has 3 characters, more than the maximum 2");
    expect_one("{\"minItems\": 2}", "[1]", 0, "minItems: the array has 1 item, fewer than");
    expect_one("{\"maxProperties\": 1}", "{\"a\":1,\"b\":2}", 0,
               "maxProperties: the object has 2 properties, more than the maximum 1");
    expect_one("{\"pattern\": \"^[0-9]+/[0-9]{4}/ND-CP$\"}", "\"118/2025/ND-CP\"", 1, NULL);
    expect_one("{\"pattern\": \"^[0-9]+$\"}", "\"12a\"", 0,
               "pattern: \"12a\" does not match ^[0-9]+$");
    expect_one("{\"additionalProperties\": false, \"properties\": {\"a\": true}}",
               "{\"a\": 1, \"b\": 2}", 0, "additionalProperties: property 'b' is not allowed");
    expect_one("{\"propertyNames\": {\"maxLength\": 2}}", "{\"abc\": 1}", 0,
               "propertyNames: property name 'abc' is not allowed: maxLength");
    expect_one("{\"anyOf\": [{\"type\": \"string\"}, {\"minimum\": 5}]}", "3", 0,
               "anyOf: the value matches none of the 2 alternatives; closest is alternative");
    expect_one("{\"oneOf\": [{\"minimum\": 1}, {\"minimum\": 2}]}", "3", 0,
               "oneOf: the value matches more than one alternative (0 and 1)");
    expect_one("{\"not\": {\"type\": \"null\"}}", "null", 0, "not: the value must not match");
    expect_one("{\"dependentRequired\": {\"a\": [\"b\"]}}", "{\"a\": 1}", 0,
               "dependentRequired: property 'b' is required when 'a' is present");
    expect_one("{\"contains\": {\"type\": \"string\"}, \"minContains\": 2}", "[\"a\", 1]", 0,
               "minContains: 1 item match");
    expect_one("{\"contains\": {\"type\": \"string\"}, \"maxContains\": 1}", "[\"a\", \"b\"]", 0,
               "maxContains: 2 items match the contains schema, at most 1 allowed");
    expect_one("{\"uniqueItems\": true}", "[1, 2, 1.0]", 0, "uniqueItems: item 2 (1.0) equals item 0");
    expect_one("{\"items\": false}", "[1]", 0, "items: item 0 is not allowed");
    expect_one("false", "1", 0, "false: no value is allowed here");
}

/* Keywords that compile to nothing (annotations) must not disturb the
 * ones that refer to their siblings. */
static void test_annotations_beside_siblings(void)
{
    expect_one("{\"format\": \"date\", \"uniqueItems\": false, \"properties\": {\"a\": true},"
               " \"patternProperties\": {\"^x\": true}, \"additionalProperties\": false}",
               "{\"a\": 1, \"xy\": 2}", 1, NULL);
    expect_one("{\"format\": \"date\", \"prefixItems\": [true], \"items\": false}", "[1]", 1, NULL);
    expect_one("{\"format\": \"date\", \"prefixItems\": [true], \"items\": false}", "[1, 2]", 0,
               "items: item 1 is not allowed");
}

static void test_all_errors_reported(void)
{
    rl_schema_set *set = new_set(0);
    const rl_schema *s = load(set, "{\"properties\": {\"a\": {\"type\": \"string\"}, "
                                   "\"b\": {\"minimum\": 3}}, \"required\": [\"c\", \"d\"]}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    result r = run(s, "{\"a\": 1, \"b\": 2}");
    CU_ASSERT_EQUAL(r.rc, 0);
    CU_ASSERT_EQUAL(r.errs.n, 4);
    const char *kw[4] = {0};
    for (size_t i = 0; i < r.errs.n && i < 4; i++)
        kw[i] = r.errs.items[i].keyword;
    CU_ASSERT(r.errs.n == 4 && !strcmp(kw[0], "required") && !strcmp(kw[1], "required") &&
              !strcmp(kw[2], "type") && !strcmp(kw[3], "minimum"));
    done(&r);
    rl_schema_set_free(set);
}

/* ---- numbers -------------------------------------------------------------- */

static void test_numbers(void)
{
    rl_schema_set *set = new_set(0);
    const rl_schema *m = load(set, "{\"multipleOf\": 0.0001}");
    expect(m, "0.0075", 1, NULL);
    expect(m, "0.00751", 0, "multipleOf: 0.00751 is not a multiple of 0.0001");
    expect(m, "1e-4", 1, NULL);
    expect(m, "123456789012345678901234567890", 1, NULL);
    const rl_schema *ten = load(set, "{\"multipleOf\": 10}");
    expect(ten, "123456789012345678901234567890", 1, NULL);
    expect(ten, "123456789012345678901234567891", 0, NULL);
    expect(ten, "1e300", 1, NULL); /* (1e400 is refused by the reader: beyond a double) */
    const rl_schema *odd = load(set, "{\"type\": \"integer\", \"multipleOf\": 0.123456789}");
    expect(odd, "1e308", 0, "multipleOf");
    const rl_schema *integer = load(set, "{\"type\": \"integer\"}");
    expect(integer, "1.0", 1, NULL);
    expect(integer, "1e3", 1, NULL);
    expect(integer, "1.5", 0, NULL);
    expect(integer, "12345678901234567890123", 1, NULL);
    expect(integer, "1.0000000000000001", 0, NULL); /* exact, though the double is 1 */
    const rl_schema *big = load(set, "{\"maximum\": 18446744073709551615}");
    expect(big, "18446744073709551615", 1, NULL);
    expect(big, "18446744073709551616", 0, NULL); /* equal as doubles */
    rl_schema_set_free(set);
}

static void test_numbers_without_document(void)
{
    rl_schema_set *set = new_set(0);
    const rl_schema *m = load(set, "{\"multipleOf\": 0.0001, \"type\": \"integer\"}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    rl_error err;
    memset(&err, 0, sizeof err);
    rl_jdoc *d = rl_json_parse("[0.0075, 3, 2.5]", 16, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    rl_schema_errors errs = RL_SCHEMA_ERRORS_INIT;
    CU_ASSERT_EQUAL(rl_schema_validate(m, NULL, rl_json_at(d->root, 0), NULL), 0); /* not integer */
    CU_ASSERT_EQUAL(rl_schema_validate(m, NULL, rl_json_at(d->root, 1), NULL), 1);
    CU_ASSERT_EQUAL(rl_schema_validate(m, NULL, rl_json_at(d->root, 2), &errs), 0);
    CU_ASSERT_EQUAL(errs.n, 1);
    rl_schema_errors_free(&errs);
    const rl_schema *f = load(set, "{\"multipleOf\": 0.0001}");
    CU_ASSERT_EQUAL(rl_schema_validate(f, NULL, rl_json_at(d->root, 0), NULL), 1);
    rl_jdoc_free(d);
    rl_schema_set_free(set);
}

static void test_strings_and_equality(void)
{
    rl_schema_set *set = new_set(0);
    const rl_schema *len = load(set, "{\"maxLength\": 2, \"minLength\": 2}");
    expect(len, "\"\xc3\xa9\xf0\x9f\x98\x80\"", 1, NULL); /* two code points, six bytes */
    expect(len, "\"abc\"", 0, NULL);
    const rl_schema *u = load(set, "{\"uniqueItems\": true}");
    expect(u, "[{\"a\": 1, \"b\": [1, 2]}, {\"b\": [1, 2.0], \"a\": 1.0}]", 0, NULL);
    expect(u, "[1, \"1\", true, [1], {\"1\": 1}, null]", 1, NULL);
    expect(u, "[[1, 2], [2, 1]]", 1, NULL);
    rl_sbuf big = RL_SBUF_INIT; /* many items: the hashed path */
    rl_sbuf_addc(&big, '[');
    for (int i = 0; i < 500; i++)
        rl_sbuf_printf(&big, "%s{\"k\": %d}", i ? "," : "", i);
    rl_sbuf_adds(&big, "]");
    expect(u, rl_sbuf_str(&big), 1, NULL);
    big.len--;
    rl_sbuf_adds(&big, ", {\"k\": 250.0}]");
    expect(u, rl_sbuf_str(&big), 0, "item 500");
    rl_sbuf_free(&big);
    const rl_schema *e = load(set, "{\"enum\": [1, {\"x\": [null]}]}");
    expect(e, "1.0", 1, NULL);
    expect(e, "{\"x\": [null]}", 1, NULL);
    expect(e, "{\"x\": []}", 0, NULL);
    rl_schema_set_free(set);
}

/* ---- references --------------------------------------------------------------- */

static char tmpdir[64];

static void write_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
}

static void test_file_refs(void)
{
    strcpy(tmpdir, "/tmp/rl-schema-XXXXXX");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(tmpdir));
    write_file("report.json", "{\"properties\": {\"staff\": {\"$ref\": \"defs.json#/$defs/count\"},"
                              " \"unit\": {\"$ref\": \"defs.json#unit\"}}}");
    write_file("defs.json", "{\"$defs\": {\"count\": {\"type\": \"integer\", \"minimum\": 0},"
                            " \"unit\": {\"$anchor\": \"unit\", \"enum\": [\"commune\"]}}}");
    char path[256];
    snprintf(path, sizeof path, "%s/report.json", tmpdir);
    rl_schema_set *set = new_set(0);
    rl_error err;
    memset(&err, 0, sizeof err);
    const rl_schema *s = rl_schema_load_file(set, path, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_PTR_EQUAL(rl_schema_load_file(set, path, &err), s); /* loaded once */
    result r = run(s, "{\"staff\": -1, \"unit\": \"province\"}");
    CU_ASSERT_EQUAL_FATAL(r.errs.n, 2);
    CU_ASSERT(strstr(r.errs.items[0].schema_file, "defs.json") != NULL);
    ASSERT_STR_EQ(r.errs.items[0].schema_pointer, "/$defs/count/minimum");
    ASSERT_STR_EQ(r.errs.items[1].keyword, "enum");
    done(&r);
    rl_schema_set_free(set);

    write_file("broken.json", "{\n  \"properties\": {\n    \"a\": {\"$ref\": \"defs.json#/$defs/nope\"}\n  }\n}");
    snprintf(path, sizeof path, "%s/broken.json", tmpdir);
    set = new_set(0);
    CU_ASSERT_PTR_NULL(rl_schema_load_file(set, path, &err));
    CU_ASSERT_EQUAL(err.line, 3);
    CU_ASSERT_EQUAL(err.column, 19);
    CU_ASSERT(strstr(err.message, "has no location '/$defs/nope'") != NULL);
    /* a problem inside a referenced file is located in that file */
    write_file("uses-bad.json", "{\"$ref\": \"inner-bad.json\"}");
    write_file("inner-bad.json", "{\"minimum\": \"x\"}");
    snprintf(path, sizeof path, "%s/uses-bad.json", tmpdir);
    CU_ASSERT_PTR_NULL(rl_schema_load_file(set, path, &err));
    CU_ASSERT_EQUAL(err.line, 0);
    CU_ASSERT(strstr(err.message, "inner-bad.json:1:13: minimum must be a number") != NULL);
    rl_schema_set_free(set);
}

static void test_schema_map(void)
{
    write_file("money.json", "{\"$id\": \"https://schemas.example.gov.vn/money.json\", "
                             "\"type\": \"number\", \"minimum\": 0}");
    rl_schema_map_entry map = {"https://schemas.example.gov.vn/", tmpdir};
    rl_schema_opts o = {0};
    o.map = &map;
    o.nmap = 1;
    rl_schema_set *set = rl_schema_set_new(&o);
    const rl_schema *s = load(set, "{\"$ref\": \"https://schemas.example.gov.vn/money\"}");
    expect(s, "5", 1, NULL);
    expect(s, "-5", 0, "minimum");
    rl_error err;
    memset(&err, 0, sizeof err);
    const char *far = "{\"$ref\": \"https://elsewhere.example/x.json\"}";
    CU_ASSERT_PTR_NULL(rl_schema_load_text(set, far, strlen(far), "x", &err));
    CU_ASSERT(strstr(err.message, "nothing is fetched from the network") != NULL);
    CU_ASSERT_FALSE(rl_schema_set_add_map_arg(set, "no-equals-sign", &err));
    CU_ASSERT_FALSE(rl_schema_set_add_map_arg(set, "relative/path=dir", &err));
    CU_ASSERT_TRUE(rl_schema_set_add_map_arg(set, "https://a.example/=/tmp", &err));
    rl_schema_set_free(set);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    CU_ASSERT_EQUAL(system(cmd), 0);
}

static char *fetch(void *ctx, const char *uri, size_t *len)
{
    (void)ctx;
    const char *text = strcmp(uri, "http://example.com/item.json") == 0
                           ? "{\"type\": \"object\", \"required\": [\"id\"]}"
                           : NULL;
    if (!text)
        return NULL;
    *len = strlen(text);
    return strdup(text);
}

static void test_fetch_and_anchors(void)
{
    rl_schema_opts o = {0};
    o.fetch = fetch;
    rl_schema_set *set = rl_schema_set_new(&o);
    const rl_schema *s = load(set, "{\"$id\": \"http://example.com/list.json\", "
                                   "\"items\": {\"$ref\": \"item.json\"}}");
    expect(s, "[{\"id\": 1}]", 1, NULL);
    expect(s, "[{}]", 0, "required: missing property 'id'");
    const rl_schema *a = load(set, "{\"$id\": \"urn:example:a\", \"$ref\": \"#x\", "
                                   "\"$defs\": {\"x\": {\"$anchor\": \"x\", \"type\": \"null\"},"
                                   " \"t~/%\": {\"type\": \"string\"}},"
                                   " \"properties\": {\"p\": {\"$ref\": \"#/$defs/t~0~1%25\"}}}");
    expect(a, "null", 1, NULL);
    expect(a, "{\"p\": 1}", 0, "type");
    rl_schema_set_free(set);
}

static void test_dynamic_ref(void)
{
    rl_schema_set *set = new_set(0);
    load(set, "{\"$id\": \"https://x.example/tree\", \"$dynamicAnchor\": \"node\", "
              "\"type\": \"object\", \"properties\": {\"kids\": {\"items\": {\"$dynamicRef\": "
              "\"#node\"}}}}");
    const rl_schema *strict =
        load(set, "{\"$id\": \"https://x.example/strict\", \"$dynamicAnchor\": \"node\", "
                  "\"$ref\": \"tree\", \"unevaluatedProperties\": false}");
    expect(strict, "{\"kids\": [{\"kids\": []}]}", 1, NULL);
    expect(strict, "{\"kids\": [{\"kid\": []}]}", 0, "unevaluatedProperties: property 'kid'");
    rl_schema_set_free(set);
}

static void test_unevaluated(void)
{
    rl_schema_set *set = new_set(0);
    const rl_schema *s = load(set, "{\"allOf\": [{\"properties\": {\"a\": true}}],"
                                   " \"anyOf\": [{\"properties\": {\"b\": true}, \"required\": [\"b\"]},"
                                   " {\"properties\": {\"c\": true}, \"required\": [\"c\"]}],"
                                   " \"unevaluatedProperties\": false}");
    expect(s, "{\"a\": 1, \"b\": 1, \"c\": 1}", 1, NULL);
    expect(s, "{\"a\": 1, \"b\": 1, \"d\": 1}", 0, "unevaluatedProperties: property 'd'");
    const rl_schema *items = load(set, "{\"prefixItems\": [true], \"contains\": {\"type\": \"string\"},"
                                       " \"unevaluatedItems\": false}");
    expect(items, "[1, \"a\", \"b\"]", 1, NULL);
    expect(items, "[1, \"a\", 2]", 0, "unevaluatedItems: item 2 is not allowed");
    /* no cascade: once oneOf failed, unevaluatedProperties stays quiet */
    const rl_schema *one = load(set, "{\"oneOf\": [{\"properties\": {\"a\": {\"type\": \"string\"}}}],"
                                     " \"unevaluatedProperties\": false}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(one);
    result r = run(one, "{\"a\": 1}");
    CU_ASSERT_EQUAL(r.errs.n, 1);
    ASSERT_STR_EQ(r.errs.items[0].keyword, "oneOf");
    done(&r);
    expect(one, "{\"a\": \"x\", \"b\": 1}", 0, "unevaluatedProperties: property 'b'");
    const rl_schema *cousins = load(set, "{\"allOf\": [{\"properties\": {\"a\": true}},"
                                         " {\"unevaluatedProperties\": false}]}");
    expect(cousins, "{\"a\": 1}", 0, NULL);
    rl_schema_set_free(set);
}

static void test_draft7(void)
{
    rl_schema_set *set = new_set(0);
    const rl_schema *s = load(set, "{\"$schema\": \"http://json-schema.org/draft-07/schema#\","
                                   " \"items\": [{\"type\": \"integer\"}],"
                                   " \"additionalItems\": {\"type\": \"string\"},"
                                   " \"definitions\": {\"n\": {\"type\": \"null\"}},"
                                   " \"properties\": {\"r\": {\"$ref\": \"#/definitions/n\","
                                   " \"minimum\": 5}},"
                                   " \"dependencies\": {\"a\": [\"b\"], \"c\": {\"required\": [\"d\"]}},"
                                   " \"unevaluatedProperties\": false}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(rl_schema_get_draft(s), RL_SCHEMA_DRAFT7);
    expect(s, "[1, \"x\"]", 1, NULL);
    expect(s, "[1, 2]", 0, "type: expected string, got integer");
    expect(s, "{\"r\": null, \"z\": 1}", 1, NULL); /* $ref siblings and unevaluated* ignored */
    expect(s, "{\"a\": 1}", 0, "dependencies: property 'b' is required when 'a' is present");
    expect(s, "{\"c\": 1}", 0, "required: missing property 'd'");
    const rl_schema *anchor = load(set, "{\"$schema\": \"http://json-schema.org/draft-07/schema#\","
                                        " \"$id\": \"#top\", \"properties\": {\"again\": {\"$ref\": \"#top\"}},"
                                        " \"maxProperties\": 1}");
    expect(anchor, "{\"again\": {\"again\": {}}}", 1, NULL);
    expect(anchor, "{\"again\": {\"a\": 1, \"b\": 2}}", 0, "maxProperties");
    const rl_schema *meta = load(set, "{\"$ref\": \"http://json-schema.org/draft-07/schema#\"}");
    expect(meta, "{\"minLength\": 1}", 1, NULL);
    expect(meta, "{\"minLength\": -1}", 0, NULL);
    rl_schema_set_free(set);
}

static void test_metaschema_2020(void)
{
    rl_schema_set *set = new_set(0);
    const rl_schema *meta = load(set, "{\"$ref\": \"https://json-schema.org/draft/2020-12/schema\"}");
    expect(meta, "{\"properties\": {\"a\": {\"type\": \"string\"}}}", 1, NULL);
    expect(meta, "{\"properties\": {\"a\": {\"type\": \"text\"}}}", 0, NULL);
    expect(meta, "{\"$defs\": {\"x\": {\"minItems\": \"1\"}}}", 0, NULL);
    rl_schema_set_free(set);
}

/* ---- load errors, cycles, rollback ---------------------------------------------- */

static void test_load_errors(void)
{
    load_fails("{\n  \"minimum\": \"3200\"\n}", 2, 14, "minimum must be a number");
    load_fails("{\"type\": \"text\"}", 1, 10, "type: unknown type");
    load_fails("  [1]", 1, 3, "expected a schema (an object or a boolean), got array");
    load_fails("{\"properties\": {\"a\": 5}}", 1, 22, "expected a schema (an object or a boolean)");
    load_fails("{\"required\": [\"a\", 1]}", 1, 20, "required must be an array of strings");
    load_fails("{\"$id\": \"https://x.example/a#frag\"}", 1, 9, "$id must not have a fragment");
    load_fails("{\"properties\": {\"a\": {\"$ref\": \"#/$defs/missing\"}}}", 1, 31,
               "has no location '/$defs/missing'");
    load_fails("{\"pattern\": \"(unclosed\"}", 1, 13, "pattern: ");
    load_fails("{\"pattern\": \"\\\\a\"}", 1, 13, "unknown escape");
    load_fails("{\"$ref\": \"#\"}", 1, 10, "reference cycle");
    load_fails("{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"allOf\": [{\"$ref\": "
               "\"#/$defs/a\"}]}}, \"$ref\": \"#/$defs/a\"}",
               1, 65, "reference cycle");
    load_fails("{\"$schema\": \"https://unknown.example/meta\"}", 1, 13, "cannot load the metaschema");
    load_fails("{\"minimum\": 1,}", 1, 15, "unexpected '}'");
}

static void test_recursion_is_not_a_cycle(void)
{
    expect_one("{\"properties\": {\"child\": {\"$ref\": \"#\"}}, \"required\": [\"v\"]}",
               "{\"v\": 1, \"child\": {\"v\": 2, \"child\": {}}}", 0, "missing property 'v'");
}

static void test_rollback(void)
{
    rl_schema_set *set = new_set(0);
    rl_error err;
    memset(&err, 0, sizeof err);
    const char *bad = "{\"$id\": \"https://x.example/a\", \"$ref\": \"#/nope\"}";
    CU_ASSERT_PTR_NULL(rl_schema_load_text(set, bad, strlen(bad), NULL, &err));
    /* the failed load left nothing behind: the same $id can be defined again */
    const rl_schema *s = load(set, "{\"$id\": \"https://x.example/a\", \"type\": \"string\"}");
    expect(s, "\"ok\"", 1, NULL);
    const rl_schema *t = load(set, "{\"$ref\": \"https://x.example/a\"}");
    expect(t, "1", 0, "type");
    rl_schema_set_free(set);
}

static void test_load_node(void)
{
    rl_error err;
    memset(&err, 0, sizeof err);
    const char *text = "{\"rules\": [{\"schema\": {\"required\": [\"id\"]}}]}";
    rl_jdoc *doc = rl_json_parse(text, strlen(text), NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    rl_schema_set *set = new_set(0);
    const rl_jnode *node = rl_json_gets(rl_json_at(rl_json_gets(doc->root, "rules"), 0), "schema");
    const rl_schema *s = rl_schema_load_node(set, doc, node, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    result r = run(s, "{}");
    CU_ASSERT_EQUAL_FATAL(r.errs.n, 1);
    ASSERT_STR_EQ(r.errs.items[0].schema_pointer, "/rules/0/schema/required");
    done(&r);
    rl_schema_set_free(set);
    rl_jdoc_free(doc);
}

/* ---- formats ---------------------------------------------------------------- */

static void test_format_assertion(void)
{
    const char *schema = "{\"properties\": {\"d\": {\"format\": \"date\"}, \"e\": {\"format\": "
                         "\"email\"}, \"x\": {\"format\": \"no-such-format\"}}}";
    expect_one(schema, "{\"d\": \"2025-02-30\", \"e\": \"nope\", \"x\": \"?\"}", 1, NULL);
    rl_schema_set *set = new_set(1);
    const rl_schema *s = load(set, schema);
    expect(s, "{\"d\": \"2024-02-29\", \"e\": \"a.b@example.gov.vn\", \"x\": \"?\"}", 1, NULL);
    expect(s, "{\"d\": \"2025-02-29\"}", 0, "format: \"2025-02-29\" is not a valid date");
    expect(s, "{\"e\": \"a..b@example.com\"}", 0, "is not a valid email");
    const rl_schema *f = load(set, "{\"items\": [{\"format\": \"date-time\"}, {\"format\": \"ipv4\"},"
                                   " {\"format\": \"ipv6\"}, {\"format\": \"uuid\"},"
                                   " {\"format\": \"duration\"}, {\"format\": \"uri\"},"
                                   " {\"format\": \"json-pointer\"}, {\"format\": \"hostname\"},"
                                   " {\"format\": \"time\"}, {\"format\": \"regex\"}],"
                                   " \"$schema\": \"http://json-schema.org/draft-07/schema#\"}");
    expect(f, "[\"2025-09-29T08:00:00+07:00\", \"192.168.0.1\", \"::ffff:1.2.3.4\","
              " \"123e4567-e89b-12d3-a456-426614174000\", \"P1Y2M3DT4H\","
              " \"https://chinhphu.vn/a?b#c\", \"/a~1b/0\", \"xa.gov.vn\", \"23:59:60Z\","
              " \"^\\\\d+$\"]", 1, NULL);
    expect(f, "[\"2025-09-29 08:00:00\"]", 0, "date-time");
    expect(f, "[0, \"256.1.1.1\"]", 0, "ipv4");
    expect(f, "[0, 0, \"1:2:3:4:5:6:7:8:9\"]", 0, "ipv6");
    expect(f, "[0, 0, 0, 0, \"P1D2H\"]", 0, "duration");
    expect(f, "[0, 0, 0, 0, 0, \"no scheme\"]", 0, "uri");
    expect(f, "[0, 0, 0, 0, 0, 0, \"a/b\"]", 0, "json-pointer");
    expect(f, "[0, 0, 0, 0, 0, 0, 0, \"-bad-.vn\"]", 0, "hostname");
    expect(f, "[0, 0, 0, 0, 0, 0, 0, 0, \"12:00:60+01:00\"]", 0, "time");
    expect(f, "[0, 0, 0, 0, 0, 0, 0, 0, 0, \"(?i)x\"]", 0, "regex");
    rl_schema_set_free(set);
}

/* ---- ECMA-262 regexes ---------------------------------------------------------- */

static int ecma_match(const char *pattern, const char *subject)
{
    rl_error err;
    memset(&err, 0, sizeof err);
    rl_regex *re = rl_ecma_regex_compile(pattern, strlen(pattern), &err);
    if (!re) {
        fprintf(stderr, "pattern %s: %s\n", pattern, err.message);
        return -1;
    }
    int r = rl_regex_search(re, subject, strlen(subject));
    rl_regex_free(re);
    return r;
}

static int ecma_rejects(const char *pattern)
{
    rl_error err;
    memset(&err, 0, sizeof err);
    rl_regex *re = rl_ecma_regex_compile(pattern, strlen(pattern), &err);
    rl_regex_free(re);
    return !re && err.failed && strstr(err.message, "invalid regular expression") != NULL;
}

static void test_ecma_regex(void)
{
    CU_ASSERT_EQUAL(ecma_match("^\\d$", "\xd9\xa3"), 0);          /* ARABIC-INDIC THREE */
    CU_ASSERT_EQUAL(ecma_match("^\\d$", "3"), 1);
    CU_ASSERT_EQUAL(ecma_match("^\\w$", "\xc3\xa9"), 0);          /* é is not \w */
    CU_ASSERT_EQUAL(ecma_match("^\\W$", "\xc3\xa9"), 1);
    CU_ASSERT_EQUAL(ecma_match("^\\s$", "\xef\xbb\xbf"), 1);      /* U+FEFF */
    CU_ASSERT_EQUAL(ecma_match("^\\s$", "\xc2\x85"), 0);          /* U+0085 */
    CU_ASSERT_EQUAL(ecma_match("^\\S$", "\xc2\x85"), 1);
    CU_ASSERT_EQUAL(ecma_match("^abc$", "abc\n"), 0);             /* $ only at the end */
    CU_ASSERT_EQUAL(ecma_match("^a.c$", "a\rc"), 0);
    CU_ASSERT_EQUAL(ecma_match("^a.c$", "a\xe2\x80\xa8" "c"), 0); /* U+2028 */
    CU_ASSERT_EQUAL(ecma_match("^a.c$", "a\xc3\xa9" "c"), 1);
    CU_ASSERT_EQUAL(ecma_match("^a[^]c$", "a\nc"), 1);
    CU_ASSERT_EQUAL(ecma_match("a[]", "a"), 0);
    CU_ASSERT_EQUAL(ecma_match("^\\u0041\\x42\\u{43}$", "ABC"), 1);
    CU_ASSERT_EQUAL(ecma_match("^\\uD83D\\uDE00$", "\xf0\x9f\x98\x80"), 1);
    CU_ASSERT_EQUAL(ecma_match("^[\\D]+$", "ab"), 1);
    CU_ASSERT_EQUAL(ecma_match("^[\\D]+$", "a1"), 0);
    CU_ASSERT_EQUAL(ecma_match("^[^\\d\\s]+$", "ab"), 1);
    CU_ASSERT_EQUAL(ecma_match("^[^\\d\\s]+$", "a b"), 0);
    CU_ASSERT_EQUAL(ecma_match("^[^\\S]$", " "), 1);
    CU_ASSERT_EQUAL(ecma_match("^[^\\S]$", "x"), 0);
    CU_ASSERT_EQUAL(ecma_match("^[a\\S]$", "b"), 1);
    CU_ASSERT_EQUAL(ecma_match("\\bx", "\xc3\xa9x"), 1);          /* é is not a word char */
    CU_ASSERT_EQUAL(ecma_match("^[[:a]+$", "[:a"), 1);            /* "[" is literal in a class */
    CU_ASSERT_EQUAL(ecma_match("^[\\d-z]+$", "1-z"), 1);
    CU_ASSERT_EQUAL(ecma_match("^\\cJ$", "\n"), 1);
    CU_ASSERT_EQUAL(ecma_match("^(?<y>\\d{4})-\\k<y>$", "2025-2025"), 1);
    CU_ASSERT_EQUAL(ecma_match("^\\p{Letter}+$", "vi\xe1\xbb\x87t"), 1);
    CU_ASSERT_EQUAL(ecma_match("^\\p{Script=Greek}$", "\xce\xb1"), 1);
    CU_ASSERT_EQUAL(ecma_match("^[0-9]+/\\d{4}/N\\u0110-CP$", "118/2025/N\xc4\x90-CP"), 1);
    CU_ASSERT_EQUAL(ecma_match("\\/\\-\\.", "/-."), 1);
    CU_ASSERT_TRUE(ecma_rejects("\\a"));
    CU_ASSERT_TRUE(ecma_rejects("(?i)a"));
    CU_ASSERT_TRUE(ecma_rejects("(?P<n>a)"));
    CU_ASSERT_TRUE(ecma_rejects("[b-a]"));
    CU_ASSERT_TRUE(ecma_rejects("\\"));
    rl_sbuf out = RL_SBUF_INIT;
    rl_error err;
    memset(&err, 0, sizeof err);
    CU_ASSERT_TRUE(rl_ecma_regex_translate("^\\d.$", 5, &out, &err));
    ASSERT_STR_EQ(rl_sbuf_str(&out), "^[0-9][^\\n\\r\\x{2028}\\x{2029}]\\z");
    rl_sbuf_clear(&out);
    CU_ASSERT_FALSE(rl_ecma_regex_translate("ab[c", 4, &out, &err));
    CU_ASSERT_EQUAL(err.column, 3);
    rl_sbuf_free(&out);
}

/* ---- URI references (RFC 3986 section 5.4) -------------------------------- */

static void test_uri_resolution(void)
{
    static const char *const cases[][2] = {
        {"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"},
        {"g/", "http://a/b/c/g/"}, {"/g", "http://a/g"}, {"//g", "http://g"},
        {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"}, {"#s", "http://a/b/c/d;p?q#s"},
        {"g#s", "http://a/b/c/g#s"}, {"g?y#s", "http://a/b/c/g?y#s"}, {";x", "http://a/b/c/;x"},
        {"g;x?y#s", "http://a/b/c/g;x?y#s"}, {"", "http://a/b/c/d;p?q"}, {".", "http://a/b/c/"},
        {"./", "http://a/b/c/"}, {"..", "http://a/b/"}, {"../g", "http://a/b/g"},
        {"../..", "http://a/"}, {"../../g", "http://a/g"}, {"../../../g", "http://a/g"},
        {"/./g", "http://a/g"}, {"/../g", "http://a/g"}, {"g.", "http://a/b/c/g."},
        {"..g", "http://a/b/c/..g"}, {"./../g", "http://a/b/g"}, {"./g/.", "http://a/b/c/g/"},
        {"g/./h", "http://a/b/c/g/h"}, {"g/../h", "http://a/b/c/h"},
        {"g;x=1/../y", "http://a/b/c/y"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rl_sbuf out = RL_SBUF_INIT;
        rl_suri_resolve("http://a/b/c/d;p?q", cases[i][0], &out);
        if (strcmp(rl_sbuf_str(&out), cases[i][1]) != 0) {
            fprintf(stderr, "resolve '%s': got '%s', want '%s'\n", cases[i][0], rl_sbuf_str(&out),
                    cases[i][1]);
            CU_FAIL("RFC 3986 resolution");
        }
        rl_sbuf_free(&out);
    }
    rl_sbuf out = RL_SBUF_INIT;
    rl_suri_resolve("urn:uuid:deadbeef-1234", "#/$defs/a", &out);
    ASSERT_STR_EQ(rl_sbuf_str(&out), "urn:uuid:deadbeef-1234#/$defs/a");
    rl_sbuf_clear(&out);
    rl_suri_from_path("/tmp/a b/ß.json", &out);
    ASSERT_STR_EQ(rl_sbuf_str(&out), "file:///tmp/a%20b/%C3%9F.json");
    rl_sbuf path = RL_SBUF_INIT;
    CU_ASSERT_TRUE(rl_suri_to_path(rl_sbuf_str(&out), &path));
    ASSERT_STR_EQ(rl_sbuf_str(&path), "/tmp/a b/ß.json");
    rl_sbuf_free(&path);
    rl_sbuf_free(&out);
}

/* ---- concurrency ------------------------------------------------------------ */

typedef struct worker {
    const rl_schema *schema;
    const rl_jdoc *doc;
    int bad;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    for (int i = 0; i < 200; i++) {
        rl_schema_errors errs = RL_SCHEMA_ERRORS_INIT;
        int rc = rl_schema_validate(w->schema, w->doc, NULL, &errs);
        if (rc != 0 || errs.n != 2)
            w->bad++;
        rl_schema_errors_free(&errs);
    }
    return NULL;
}

static void test_threads(void)
{
    rl_schema_set *set = new_set(1);
    const rl_schema *s = load(set, "{\"$defs\": {\"c\": {\"type\": \"integer\", \"minimum\": 0}},"
                                   " \"type\": \"array\", \"items\": {\"properties\":"
                                   " {\"n\": {\"$ref\": \"#/$defs/c\"}, \"d\": {\"format\": \"date\"}},"
                                   " \"unevaluatedProperties\": false}}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    rl_error err;
    memset(&err, 0, sizeof err);
    const char *text = "[{\"n\": 1, \"d\": \"2025-09-29\"}, {\"n\": -1}, {\"x\": 0}]";
    rl_jdoc *doc = rl_json_parse(text, strlen(text), NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    pthread_t th[4];
    worker w[4];
    for (int i = 0; i < 4; i++) {
        w[i] = (worker){s, doc, 0};
        CU_ASSERT_EQUAL(pthread_create(&th[i], NULL, work, &w[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        CU_ASSERT_EQUAL(w[i].bad, 0);
    }
    rl_jdoc_free(doc);
    rl_schema_set_free(set);
}

int main(void)
{
    static const unit_test tests[] = {
        {"error location", test_error_location},
        {"messages", test_messages},
        {"all errors reported", test_all_errors_reported},
        {"annotations beside siblings", test_annotations_beside_siblings},
        {"exact numbers", test_numbers},
        {"numbers without the document", test_numbers_without_document},
        {"strings and equality", test_strings_and_equality},
        {"file refs", test_file_refs},
        {"schema map", test_schema_map},
        {"fetch callback and anchors", test_fetch_and_anchors},
        {"dynamicRef", test_dynamic_ref},
        {"unevaluated", test_unevaluated},
        {"draft-07", test_draft7},
        {"2020-12 metaschema", test_metaschema_2020},
        {"load errors", test_load_errors},
        {"recursion is not a cycle", test_recursion_is_not_a_cycle},
        {"rollback of a failed load", test_rollback},
        {"load a node", test_load_node},
        {"format assertion", test_format_assertion},
        {"ECMA-262 regex", test_ecma_regex},
        {"URI resolution", test_uri_resolution},
        {"threads", test_threads},
        {NULL, NULL},
    };
    return unit_run("schema", tests);
}
