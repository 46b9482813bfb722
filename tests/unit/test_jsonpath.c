/* test_jsonpath.c — RFC 9535 JSONPath: every selector kind, segments,
 * filters and functions, results in RFC order (checked through their
 * normalized paths), prefix mode, located compile errors, select_one. */
#include "unit.h"
#include "jsonpath.h"
#include "json.h"
#include "sbuf.h"

#include <stdlib.h>

#define JP_NESTING_IN_TEST 256 /* JP_MAX_NESTING: the documented limit */

/* One shared document for most tests. */
static const char *DOC =
    "{\"a\": [10, 20, 30, 40, 50],"
    " \"o\": {\"x\": 1, \"y\": \"two\", \"z\": null},"
    " \"staff\": 24382, \"centres\": 3139,"
    " \"communes\": [{\"name\": \"An\", \"staff\": 7, \"tags\": [\"a\", \"b\"]},"
    "               {\"name\": \"Binh\", \"staff\": 5, \"tags\": []},"
    "               {\"name\": \"Ca\u0300\", \"staff\": 9}],"
    " \"k'ey\": {\"\\u0001\\n\": true}}";

static rl_jdoc *parse(const char *json)
{
    rl_error err;
    rl_jdoc *d = rl_json_parse(json, strlen(json), NULL, &err);
    if (!d)
        fprintf(stderr, "bad test JSON: %s\n", err.message);
    return d;
}

static rl_jpath *compile(const char *q)
{
    rl_error err;
    rl_jpath *p = rl_jpath_compile(q, strlen(q), NULL, &err);
    if (!p)
        fprintf(stderr, "'%s' did not compile: column %u: %s\n", q, err.column, err.message);
    return p;
}

/* The normalized paths of what q selects from json, space-separated. */
static void paths_of(const char *json, const char *query, const rl_jnode *current, rl_sbuf *out)
{
    rl_jdoc *d = parse(json);
    rl_jpath *q = compile(query);
    rl_nodelist l;
    rl_nodelist_init(&l);
    rl_error err;
    if (d && q && rl_jpath_eval(q, d->root, current ? current : d->root, &l, &err) == 0) {
        for (size_t i = 0; i < l.n; i++) {
            if (i)
                rl_sbuf_addc(out, ' ');
            rl_jpath_normalized(l.items[i], out);
        }
    } else {
        rl_sbuf_adds(out, "<failed>");
    }
    rl_nodelist_free(&l);
    rl_jpath_free(q);
    rl_jdoc_free(d);
}

static void check_paths(const char *json, const char *query, const char *want)
{
    rl_sbuf b = RL_SBUF_INIT;
    paths_of(json, query, NULL, &b);
    if (strcmp(rl_sbuf_str(&b), want) != 0) {
        fprintf(stderr, "\n%s\n  got:  %s\n  want: %s\n", query, rl_sbuf_str(&b), want);
        CU_FAIL("selected paths");
    } else {
        CU_PASS("selected paths");
    }
    rl_sbuf_free(&b);
}

static void check_error(const char *query, unsigned column, const char *needle)
{
    rl_error err;
    rl_jpath *q = rl_jpath_compile(query, strlen(query), NULL, &err);
    CU_ASSERT_PTR_NULL(q);
    rl_jpath_free(q);
    if (!q && (err.column != column || !strstr(err.message, needle))) {
        fprintf(stderr, "\n%s\n  got:  column %u: %s\n  want: column %u: ...%s...\n", query,
                err.column, err.message, column, needle);
        CU_FAIL("error column and message");
    }
}

static void test_names_and_indexes(void)
{
    check_paths(DOC, "$", "$");
    check_paths(DOC, "$.staff", "$['staff']");
    check_paths(DOC, "$['staff']", "$['staff']");
    check_paths(DOC, "$[\"o\"].y", "$['o']['y']");
    check_paths(DOC, "$.a[0]", "$['a'][0]");
    check_paths(DOC, "$.a[-1]", "$['a'][4]");
    check_paths(DOC, "$.a[-6]", "");
    check_paths(DOC, "$.a[5]", "");
    check_paths(DOC, "$.o[0]", "");
    check_paths(DOC, "$.a.x", "");
    check_paths(DOC, "$.missing.deeper", "");
    check_paths(DOC, "$['k\\'ey']", "$['k\\'ey']");
    check_paths("{\"\xc3\xa9t\xc3\xa9\": 1}", "$.\xc3\xa9t\xc3\xa9", "$['\xc3\xa9t\xc3\xa9']");
    check_paths("{\"\xf0\x9d\x84\x9e\": 1}", "$['\\uD834\\uDD1E']", "$['\xf0\x9d\x84\x9e']");
}

static void test_wildcard_and_multi(void)
{
    check_paths(DOC, "$.o.*", "$['o']['x'] $['o']['y'] $['o']['z']");
    check_paths(DOC, "$.o[*]", "$['o']['x'] $['o']['y'] $['o']['z']");
    check_paths(DOC, "$.a[0, -1, 0]", "$['a'][0] $['a'][4] $['a'][0]");
    check_paths(DOC, "$.o['z', 'x']", "$['o']['z'] $['o']['x']");
    check_paths(DOC, "$.a[4, 1:3]", "$['a'][4] $['a'][1] $['a'][2]");
    check_paths(DOC, "$.staff.*", "");
}

static void test_slices(void)
{
    check_paths(DOC, "$.a[1:3]", "$['a'][1] $['a'][2]");
    check_paths(DOC, "$.a[:2]", "$['a'][0] $['a'][1]");
    check_paths(DOC, "$.a[3:]", "$['a'][3] $['a'][4]");
    check_paths(DOC, "$.a[::2]", "$['a'][0] $['a'][2] $['a'][4]");
    check_paths(DOC, "$.a[::-1]", "$['a'][4] $['a'][3] $['a'][2] $['a'][1] $['a'][0]");
    check_paths(DOC, "$.a[-1:-3:-1]", "$['a'][4] $['a'][3]");
    check_paths(DOC, "$.a[1:2:0]", "");
    check_paths(DOC, "$.a[-100:100:3]", "$['a'][0] $['a'][3]");
    check_paths(DOC, "$.a[100:-100:-4]", "$['a'][4] $['a'][0]");
    check_paths(DOC, "$.a[3:1]", "");
    check_paths(DOC, "$.o[0:1]", "");
}

static void test_descendants(void)
{
    const char *doc = "{\"a\": {\"b\": [1, {\"b\": 2}]}, \"b\": 3}";
    check_paths(doc, "$..b", "$['b'] $['a']['b'] $['a']['b'][1]['b']");
    check_paths(doc, "$..*",
                "$['a'] $['b'] $['a']['b'] $['a']['b'][0] $['a']['b'][1] $['a']['b'][1]['b']");
    check_paths(doc, "$..[0]", "$['a']['b'][0]");
    check_paths(doc, "$.a..[*]", "$['a']['b'] $['a']['b'][0] $['a']['b'][1] $['a']['b'][1]['b']");
    check_paths(doc, "$..['b', 0]", "$['b'] $['a']['b'] $['a']['b'][0] $['a']['b'][1]['b']");
}

static void test_filters(void)
{
    check_paths(DOC, "$.a[?@ > 25]", "$['a'][2] $['a'][3] $['a'][4]");
    check_paths(DOC, "$.a[?@ >= 20 && @ < 40]", "$['a'][1] $['a'][2]");
    check_paths(DOC, "$.a[?@ == 10 || @ == 50]", "$['a'][0] $['a'][4]");
    check_paths(DOC, "$.a[?!(@ == 10 || @ == 50)]", "$['a'][1] $['a'][2] $['a'][3]");
    check_paths(DOC, "$.communes[?@.tags]", "$['communes'][0] $['communes'][1]");
    check_paths(DOC, "$.communes[?!@.tags]", "$['communes'][2]");
    check_paths(DOC, "$.communes[?@.tags[*]]", "$['communes'][0]");
    check_paths(DOC, "$.communes[?@.staff > $.communes[1].staff].name",
                "$['communes'][0]['name'] $['communes'][2]['name']");
    check_paths(DOC, "$.communes[?@.name == 'Binh']", "$['communes'][1]");
    check_paths(DOC, "$.communes[?@.staff == $ ['communes'] [1]\n.staff]", "$['communes'][1]");
    check_paths(DOC, "$.communes[?@[ 'tags' ]]", "$['communes'][0] $['communes'][1]");
    check_paths(DOC, "$.o[?@ == null]", "$['o']['z']");
    check_paths(DOC, "$.o[?@ != 1]", "$['o']['y'] $['o']['z']");
    check_paths(DOC, "$.o[?@ < 'u']", "$['o']['y']");
    check_paths(DOC, "$.o[?@ < 'tw']", "");
    check_paths(DOC, "$.o[?@ > 'this']", "$['o']['y']");
    check_paths(DOC, "$.o[?@ <= true]", "");
    check_paths(DOC, "$.o[?@.nothing == @.absent]", "$['o']['x'] $['o']['y'] $['o']['z']");
    check_paths(DOC, "$.o[?@.nothing <= @.absent]", "$['o']['x'] $['o']['y'] $['o']['z']");
    check_paths(DOC, "$.o[?@.nothing < @.absent]", "");
    check_paths(DOC, "$.communes[?@.tags == $.communes[0].tags]", "$['communes'][0]");
    check_paths(DOC, "$.a[?@ == 1e1]", "$['a'][0]");
    check_paths(DOC, "$.a[?@ == 20.0]", "$['a'][1]");
    check_paths(DOC, "$[?@.x == 1]", "$['o']");
    check_paths(DOC, "$.communes[?@.tags[?@ == 'b']]", "$['communes'][0]");
    check_paths(DOC, "$.communes[?@[?@ == 'b']]", "");
}

static void test_functions(void)
{
    check_paths(DOC, "$.communes[?length(@.name) == 2]", "$['communes'][0]");
    check_paths(DOC, "$.communes[?length(@.name) == 3]", "$['communes'][2]");
    check_paths(DOC, "$.communes[?length(@.tags) == 0]", "$['communes'][1]");
    check_paths(DOC, "$.communes[?count(@.*) == 2]", "$['communes'][2]");
    check_paths(DOC, "$.communes[?value(@.tags[0]) == 'a']", "$['communes'][0]");
    check_paths(DOC, "$.communes[?value(@.tags[*]) == 'a']", "");
    check_paths(DOC, "$.communes[?match(@.name, 'B.*')]", "$['communes'][1]");
    check_paths(DOC, "$.communes[?match(@.name, 'B')]", "");
    check_paths(DOC, "$.communes[?search(@.name, 'i')]", "$['communes'][1]");
    check_paths(DOC, "$.communes[?search(@.name, '\\\\p{Mn}')]", "$['communes'][2]");
    check_paths(DOC, "$.communes[?match(@.name, 'Ca.')]", "$['communes'][2]");
    check_paths(DOC, "$.communes[?match(@.name, 'C.')]", "");
    check_paths(DOC, "$.communes[?match(@.name, 'Ca\\\\P{L}')]", "$['communes'][2]");
    check_paths(DOC, "$.communes[?match(@.name, $.communes[1].name)]", "$['communes'][1]");
    check_paths(DOC, "$.communes[?search(@.name, '[')]", "");
    check_paths(DOC, "$.communes[?search(@.name, 1)]", "");
    check_paths("[\"a\\nb\", \"a\\rb\", \"axb\"]", "$[?match(@, 'a.b')]", "$[2]");
    check_paths("[\"^a$\", \"a\"]", "$[?match(@, '^a$')]", "$[1]");
    check_paths("[\"^a$\", \"a\"]", "$[?match(@, '\\\\^a\\\\$')]", "$[0]");
}

static void test_relative_and_current(void)
{
    rl_jdoc *d = parse(DOC);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    const rl_jnode *c1 = rl_json_at(rl_json_gets(d->root, "communes"), 1);
    rl_jpath *q = compile("@.staff");
    CU_ASSERT_PTR_NOT_NULL_FATAL(q);
    CU_ASSERT_TRUE(rl_jpath_is_relative(q));
    CU_ASSERT_TRUE(rl_jpath_is_singular(q));
    const rl_jnode *n = rl_jpath_select_one(q, d->root, c1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(n);
    CU_ASSERT_EQUAL(rl_jn_int(n), 5);
    rl_jpath_free(q);

    q = compile("$.communes[-1].tags");
    CU_ASSERT_FALSE(rl_jpath_is_relative(q));
    CU_ASSERT_PTR_NULL(rl_jpath_select_one(q, d->root, c1));
    rl_jpath_free(q);

    q = compile("$.communes[*].staff");
    CU_ASSERT_FALSE(rl_jpath_is_singular(q));
    CU_ASSERT_PTR_NULL(rl_jpath_select_one(q, d->root, d->root));
    rl_nodelist l;
    rl_nodelist_init(&l);
    rl_error err;
    CU_ASSERT_EQUAL(rl_jpath_eval(q, d->root, d->root, &l, &err), 0);
    CU_ASSERT_EQUAL(l.n, 3);
    CU_ASSERT_EQUAL(rl_jpath_eval(q, d->root, d->root, &l, &err), 0);
    CU_ASSERT_EQUAL(l.n, 6); /* eval appends */
    rl_nodelist_clear(&l);
    CU_ASSERT_EQUAL(l.n, 0);
    rl_nodelist_free(&l);
    rl_jpath_free(q);
    rl_jdoc_free(d);
}

/* A pattern that backtracks exponentially hits PCRE2's match limit: an
 * evaluation error, never a silent "no match" — whether the pattern is a
 * literal (compiled with the query) or read from the document. */
static void test_regex_limit(void)
{
    rl_sbuf json = RL_SBUF_INIT;
    rl_sbuf_adds(&json, "[\"aac\", \"");
    for (int i = 0; i < 60; i++)
        rl_sbuf_addc(&json, 'a');
    rl_sbuf_adds(&json, "bc\", \"(a|aa)*c\"]");
    rl_jdoc *d = parse(json.data);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    static const struct { const char *query; int rc; size_t n; } cases[] = {
        {"$[?search(@, '(a|aa)*c')]", -1, 0},
        {"$[?search(@, $[2])]", -1, 0},
        {"$[?search(@, $[0])]", 0, 1},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        rl_jpath *q = compile(cases[k].query);
        CU_ASSERT_PTR_NOT_NULL_FATAL(q);
        rl_nodelist l;
        rl_nodelist_init(&l);
        rl_error err;
        memset(&err, 0, sizeof err);
        CU_ASSERT_EQUAL(rl_jpath_eval(q, d->root, d->root, &l, &err), cases[k].rc);
        CU_ASSERT_EQUAL(l.n, cases[k].n);
        if (cases[k].rc < 0)
            CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "search(): the regular expression hit"));
        rl_nodelist_free(&l);
        rl_jpath_free(q);
    }
    rl_sbuf_free(&json);
    rl_jdoc_free(d);
}

static void check_prefix(const char *text, size_t want)
{
    rl_error err;
    size_t used = 12345;
    rl_jpath *q = rl_jpath_compile(text, strlen(text), &used, &err);
    CU_ASSERT_PTR_NOT_NULL(q);
    if (q && used != want) {
        fprintf(stderr, "\nprefix of '%s': consumed %zu, want %zu\n", text, used, want);
        CU_FAIL("consumed");
    }
    if (q)
        CU_ASSERT_EQUAL(strlen(rl_jpath_text(q)), want);
    rl_jpath_free(q);
}

static void test_prefix_mode(void)
{
    check_prefix("@.staff / @.centres", 7);
    check_prefix("@.communes[*].staff)", 19);
    check_prefix("$.a [0]", 7);
    check_prefix("$.a [0]  + 1", 7);
    check_prefix("$.a  ", 3);
    check_prefix("$", 1);
    check_prefix("$min_rate", 1);
    check_prefix("@.a[?@.b == 'x)'] == 2", 17);
    check_prefix("$.a\xff", 3);
    rl_error err;
    size_t used;
    CU_ASSERT_PTR_NULL(rl_jpath_compile("$.a.", 4, &used, &err));
    CU_ASSERT_EQUAL(err.column, 5);
    CU_ASSERT_PTR_NULL(rl_jpath_compile("x", 1, &used, &err));
    CU_ASSERT_EQUAL(err.column, 1);
}

static void test_errors(void)
{
    check_error("", 1, "starts with '$'");
    check_error("a.b", 1, "starts with '$'");
    check_error(" $", 1, "starts with '$'");
    check_error("$ ", 2, "blank space");
    check_error("$.", 3, "expected a name or '*' after '.'");
    check_error("$. a", 3, "expected a name or '*' after '.'");
    check_error("$..", 4, "expected a name, '*' or '[' after '..'");
    check_error("$.1", 3, "expected a name");
    check_error("$.a[", 5, "expected a selector");
    check_error("$.a[0", 6, "missing ']'");
    check_error("$[0 1]", 5, "expected ',' or ']'");
    check_error("$['abc", 3, "unterminated string");
    check_error("$['a\\qb']", 5, "invalid escape '\\q'");
    check_error("$['\\uD800']", 4, "high surrogate");
    check_error("$['\\uDC00']", 4, "lone low surrogate");
    check_error("$['a\tb']", 5, "control character U+0009");
    check_error("$[9007199254740992]", 3, "index out of range \xc2\xb1(2^53-1)");
    check_error("$[-9007199254740992:]", 3, "index out of range");
    check_error("$[01]", 3, "leading zeros");
    check_error("$[-0]", 3, "-0 is not a valid index");
    check_error("$[1:2:3:4]", 8, "expected ',' or ']'");
    check_error("$[@.a]", 3, "needs a filter");
    check_error("\xc3\xa9$", 1, "starts with '$'");
    check_error("$['\xc3\xa9', x]", 8, "expected a selector");
    check_error("$.a\xff", 4, "invalid UTF-8");
    check_error("$.a)", 4, "unexpected ')' after the query");
    check_error("$['a']\xe2\x82\xab", 7, "unexpected '\xe2\x82\xab' after the query");
}

static void test_filter_errors(void)
{
    check_error("$[?@.a == 1 == 2]", 4, "do not chain");
    check_error("$[?1]", 4, "literal must be compared");
    check_error("$[?true && @.a]", 4, "literal must be compared");
    check_error("$[?@.a && 'x']", 11, "literal must be compared");
    check_error("$[?@.* == 1]", 4, "must be singular");
    check_error("$[?1 == @..a]", 9, "must be singular");
    check_error("$[?!@.a == 1]", 4, "'!' cannot negate");
    check_error("$[?(@.a) == 1]", 4, "cannot be compared");
    check_error("$[?@.a = 1]", 8, "expected ',' or ']'");
    check_error("$[?@.a == 1", 12, "missing ']'");
    check_error("$[?(@.a]", 8, "expected ')'");
    check_error("$[?@.a == True]", 11, "expected a query, a literal");
    check_error("$[?@.a == nul]", 11, "unknown name 'nul'");
    check_error("$[?@.a == 1.]", 13, "expected a digit after '.'");
    check_error("$[?@.a == 1e]", 13, "expected a digit in the exponent");
    check_error("$[?@.a == 01]", 11, "leading zeros");
    check_error("$[?@.a == 2x]", 12, "invalid number");
    check_error("$[?foo(@)]", 4, "unknown function foo()");
    check_error("$[?length (@) == 1]", 4, "unknown name 'length'");
    check_error("$[?match(@.a)]", 4, "function match() expects 2 arguments");
    check_error("$[?length(@.a, 1) == 1]", 4, "function length() expects 1 argument");
    check_error("$[?length(@.*) == 1]", 11, "argument 1 of length() must be a single value");
    check_error("$[?length(@.a)]", 4, "length() returns a value, which must be compared");
    check_error("$[?count(@.a) ]", 4, "count() returns a value");
    check_error("$[?count(1) == 1]", 10, "argument 1 of count() must be a query");
    check_error("$[?value(@.a == 1) == 1]", 10, "must be a query");
    check_error("$[?match(@.a, 'x') == true]", 4, "returns a logical value");
    check_error("$[?length(match(@, 'a')) == 1]", 11, "must be a value");
    check_error("$[?@.a == 1 && ]", 16, "expected a query");
    check_error("$[?@.tags == ['a']]", 14, "expected a query, a literal");
    check_error("$[?@[ 'a' ] == 1]", 4, "must be singular, but it has blank space inside");
    check_error("$[?length(@.a[0 ]) == 1]", 11, "blank space inside brackets");
    check_error("$[?@.a[0,1] == 1]", 4, "more than names and indexes");
}

static void test_nesting_limit(void)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_sbuf_adds(&b, "$[?");
    for (int i = 0; i < 300; i++)
        rl_sbuf_addc(&b, '(');
    rl_sbuf_adds(&b, "@");
    for (int i = 0; i < 300; i++)
        rl_sbuf_addc(&b, ')');
    rl_sbuf_addc(&b, ']');
    rl_error err;
    rl_jpath *q = rl_jpath_compile(b.data, b.len, NULL, &err);
    CU_ASSERT_PTR_NULL(q);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "nested too deeply"));
    CU_ASSERT_EQUAL(err.column, 4 + JP_NESTING_IN_TEST);
    rl_sbuf_clear(&b);
    rl_sbuf_adds(&b, "$[?");
    for (int i = 0; i < 200; i++)
        rl_sbuf_addc(&b, '(');
    rl_sbuf_adds(&b, "@");
    for (int i = 0; i < 200; i++)
        rl_sbuf_addc(&b, ')');
    rl_sbuf_addc(&b, ']');
    q = rl_jpath_compile(b.data, b.len, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL(q);
    rl_jpath_free(q);
    rl_sbuf_free(&b);
}

static void test_strict(void)
{
    rl_error err;
    rl_jpath *q = rl_jpath_compile_ex("@.a", 3, RL_JPATH_STRICT, NULL, &err);
    CU_ASSERT_PTR_NULL(q);
    CU_ASSERT_EQUAL(err.column, 1);
    q = rl_jpath_compile_ex("$[?@.a]", 7, RL_JPATH_STRICT, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL(q);
    CU_ASSERT_STRING_EQUAL(rl_jpath_text(q), "$[?@.a]");
    rl_jpath_free(q);
}

static void test_normalized(void)
{
    rl_jdoc *d = parse("{\"a\\u0000\\b\\f\\n\\r\\t\\u001f\\u007f'\\\\\\\"/\xc3\xa9\": [0, [1]]}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    const rl_jnode *arr = rl_jn_value(d->root, 0);
    rl_sbuf b = RL_SBUF_INIT;
    rl_jpath_normalized(rl_json_at(rl_json_at(arr, 1), 0), &b);
    ASSERT_STR_EQ(rl_sbuf_str(&b),
                  "$['a\\u0000\\b\\f\\n\\r\\t\\u001f\x7f\\'\\\\\"/\xc3\xa9'][1][0]");
    rl_sbuf_clear(&b);
    rl_jpath_normalized(d->root, &b);
    ASSERT_STR_EQ(rl_sbuf_str(&b), "$");
    rl_sbuf_free(&b);
    rl_jdoc_free(d);
}

int main(void)
{
    static const unit_test tests[] = {
        {"names and indexes", test_names_and_indexes},
        {"wildcard and multiple selectors", test_wildcard_and_multi},
        {"slices", test_slices},
        {"descendant segments", test_descendants},
        {"filters", test_filters},
        {"functions", test_functions},
        {"relative queries, select_one", test_relative_and_current},
        {"regex match limit", test_regex_limit},
        {"prefix mode", test_prefix_mode},
        {"errors", test_errors},
        {"filter errors", test_filter_errors},
        {"nesting limit", test_nesting_limit},
        {"strict mode", test_strict},
        {"normalized paths", test_normalized},
        {NULL, NULL}};
    return unit_run("jsonpath", tests);
}
