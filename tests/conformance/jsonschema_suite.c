/* jsonschema_suite.c — the official JSON Schema Test Suite against the
 * schema module.
 *
 * Reads the suite at run time from $RL_SHARED/testsuites/json-schema
 * (RL_SHARED defaults to ../shared, relative to the repository root where
 * make runs this), runs every test of tests/draft2020-12/ and
 * tests/draft7/ (every *.json there, not optional/), each group with a fresh schema set
 * whose schema map serves the suite's remotes/ as http://localhost:1234/
 * and the bundled metaschemas from schemas/meta. Every test is validated
 * twice — collecting errors and verdict-only — and passes only when both
 * give the expected answer (and an invalid verdict comes with an error).
 *
 *   jsonschema_suite [-v] [--optional] [--min FILE]
 *
 * Prints "json-schema DRAFT: P/N passed" per draft; -v lists failures;
 * --optional also reports the optional/ tests (format ones with format
 * assertion on), without gating. Exits 1 when a draft passes fewer tests
 * than FILE (default tests/conformance/jsonschema.min) records. */
#include "json.h"
#include "schema.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct run {
    const char *label;
    const char *dir; /* under tests/ */
    rl_schema_draft draft;
    int format_assert;
    size_t pass, total;
} run;

typedef struct env {
    char suite[4096];
    char remotes[4096];
    const char *meta;
    int verbose;
} env;

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.json names in dir, sorted; NULL-terminated, caller frees. */
static char **json_files(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    char **v = NULL;
    *n = 0;
    if (!d)
        return NULL;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        char **nv = realloc(v, (*n + 1) * sizeof *v);
        if (!nv)
            break;
        v = nv;
        v[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    if (v)
        qsort(v, *n, sizeof *v, name_cmp);
    return v;
}

static void report(const env *en, const char *file, const rl_jnode *group, const rl_jnode *test,
                   const char *why)
{
    if (!en->verbose)
        return;
    const rl_jnode *gd = rl_json_gets(group, "description");
    const rl_jnode *td = test ? rl_json_gets(test, "description") : NULL;
    printf("FAIL %s: %s / %s: %s\n", file, gd ? rl_jn_str(gd) : "?", td ? rl_jn_str(td) : "(all)", why);
}

/* Run one test; 1 when it passes. */
static int run_test(const env *en, const char *file, const rl_jdoc *doc, const rl_schema *schema,
                    const rl_jnode *group, const rl_jnode *test)
{
    const rl_jnode *data = rl_json_gets(test, "data");
    const rl_jnode *valid = rl_json_gets(test, "valid");
    if (!data || !valid) {
        report(en, file, group, test, "malformed test");
        return 0;
    }
    int want = rl_jn_type(valid) == RL_JTRUE;
    rl_schema_errors errs = RL_SCHEMA_ERRORS_INIT;
    int full = rl_schema_validate(schema, doc, data, &errs);
    int quick = rl_schema_validate(schema, doc, data, NULL);
    char why[700];
    int ok = full == want && quick == want && (full == 1) == (errs.n == 0);
    if (!ok)
        snprintf(why, sizeof why, "expected %s, got %s (verdict-only: %s; %zu errors%s%s)",
                 want ? "valid" : "invalid", full == 1 ? "valid" : full == 0 ? "invalid" : "error",
                 quick == 1 ? "valid" : quick == 0 ? "invalid" : "error", errs.n,
                 errs.n ? ": " : "", errs.n ? errs.items[0].message : "");
    rl_schema_errors_free(&errs);
    if (!ok)
        report(en, file, group, test, why);
    return ok;
}

static void run_group(const env *en, run *r, const char *file, const rl_jdoc *doc,
                      const rl_jnode *group)
{
    rl_schema_map_entry map = {"http://localhost:1234/", en->remotes};
    rl_schema_opts opts = {0};
    opts.default_draft = r->draft;
    opts.format_assert = r->format_assert;
    opts.meta_dir = en->meta;
    opts.map = &map;
    opts.nmap = 1;
    rl_schema_set *set = rl_schema_set_new(&opts);
    rl_error err;
    memset(&err, 0, sizeof err);
    const rl_jnode *schema_json = rl_json_gets(group, "schema");
    const rl_schema *schema =
        set && schema_json ? rl_schema_load_node(set, doc, schema_json, NULL, &err) : NULL;
    const rl_jnode *tests = rl_json_gets(group, "tests");
    size_t n = rl_json_size(tests);
    r->total += n;
    if (!schema) {
        char why[700];
        snprintf(why, sizeof why, "schema not loaded: %u:%u: %s", err.line, err.column,
                 err.message);
        report(en, file, group, NULL, why);
    }
    for (size_t i = 0; schema && i < n; i++)
        r->pass += (size_t)run_test(en, file, doc, schema, group, rl_json_at(tests, i));
    rl_schema_set_free(set);
}

static void run_file(const env *en, run *r, const char *dir, const char *name)
{
    char path[8192], label[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(label, sizeof label, "%s/%s", r->dir, name);
    size_t len;
    char *text = read_all(path, &len);
    rl_error err;
    memset(&err, 0, sizeof err);
    rl_jdoc *doc = text ? rl_json_parse_owned(text, len, NULL, &err) : NULL;
    if (!doc) {
        printf("FAIL %s: cannot read: %s\n", label, err.message);
        r->total++;
        return;
    }
    for (size_t g = 0; g < rl_json_size(doc->root); g++)
        run_group(en, r, label, doc, rl_json_at(doc->root, g));
    rl_jdoc_free(doc);
}

static int run_dir(const env *en, run *r)
{
    char dir[8192];
    snprintf(dir, sizeof dir, "%s/tests/%s", en->suite, r->dir);
    size_t n;
    char **files = json_files(dir, &n);
    if (!files) {
        fprintf(stderr, "jsonschema_suite: no test files in %s (set RL_SHARED)\n", dir);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        run_file(en, r, dir, files[i]);
        free(files[i]);
    }
    free(files);
    printf("json-schema %s: %zu/%zu passed\n", r->label, r->pass, r->total);
    return 1;
}

/* The pass count recorded for label in the min file, or -1. */
static long recorded_min(const char *path, const char *label)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[256], name[128];
    long v, found = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "%127s %ld", name, &v) == 2 && strcmp(name, label) == 0)
            found = v;
    fclose(f);
    return found;
}

static int at_least_recorded(const run *r, const char *min_file)
{
    long min = recorded_min(min_file, r->label);
    if (min < 0) {
        fprintf(stderr, "jsonschema_suite: no figure for %s in %s\n", r->label, min_file);
        return 0;
    }
    if (r->pass < (size_t)min) {
        fprintf(stderr, "jsonschema_suite: %s: %zu passed, fewer than the %ld recorded in %s\n",
                r->label, r->pass, min, min_file);
        return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    env en = {.meta = "schemas/meta"};
    const char *min_file = "tests/conformance/jsonschema.min";
    int optional = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            en.verbose = 1;
        else if (strcmp(argv[i], "--optional") == 0)
            optional = 1;
        else if (strcmp(argv[i], "--min") == 0 && i + 1 < argc)
            min_file = argv[++i];
        else {
            fprintf(stderr, "usage: %s [-v] [--optional] [--min FILE]\n", argv[0]);
            return 2;
        }
    }
    const char *shared = getenv("RL_SHARED");
    snprintf(en.suite, sizeof en.suite, "%s/testsuites/json-schema", shared ? shared : "../shared");
    snprintf(en.remotes, sizeof en.remotes, "%s/remotes", en.suite);
    run runs[] = {
        {"draft2020-12", "draft2020-12", RL_SCHEMA_DRAFT2020_12, 0, 0, 0},
        {"draft7", "draft7", RL_SCHEMA_DRAFT7, 0, 0, 0},
        {"draft2020-12-optional", "draft2020-12/optional", RL_SCHEMA_DRAFT2020_12, 0, 0, 0},
        {"draft2020-12-format", "draft2020-12/optional/format", RL_SCHEMA_DRAFT2020_12, 1, 0, 0},
        {"draft7-optional", "draft7/optional", RL_SCHEMA_DRAFT7, 0, 0, 0},
        {"draft7-format", "draft7/optional/format", RL_SCHEMA_DRAFT7, 1, 0, 0},
    };
    int status = 0;
    for (size_t i = 0; i < (optional ? 6u : 2u); i++) {
        if (!run_dir(&en, &runs[i]))
            return 1;
        if (i < 2 && !at_least_recorded(&runs[i], min_file))
            status = 1;
    }
    return status;
}
