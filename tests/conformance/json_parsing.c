/* json_parsing.c — the JSON reader on JSONTestSuite (../shared/testsuites/
 * json-parsing/test_parsing): every y_ file must be accepted, every n_ file
 * rejected with a location, every i_ file handled without a crash, the
 * same way on a second run. Accepted y_ files are also read with cJSON, and
 * the two trees must agree (cJSON is the independent oracle).
 *
 * usage: json_parsing [-v] [DIR]   prints "json-parsing: ..." counts; exit 1
 * on any failure. */
#include "json.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int verbose;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *more = realloc(buf, cap *= 2);
            if (!more) {
                free(buf);
                buf = NULL;
            }
            buf = more;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Our tree and cJSON's agree: same types, numbers, strings, shapes. */
static int same(const rl_jnode *a, const cJSON *b)
{
    switch (rl_jn_type(a)) {
    case RL_JNULL: return cJSON_IsNull(b);
    case RL_JTRUE: return cJSON_IsTrue(b);
    case RL_JFALSE: return cJSON_IsFalse(b);
    case RL_JNUMBER:
        return cJSON_IsNumber(b) && (rl_jn_double(a) == b->valuedouble ||
                                     (isinf(rl_jn_double(a)) && isinf(b->valuedouble)));
    case RL_JSTRING:
        /* cJSON stops at U+0000; compare up to it */
        return cJSON_IsString(b) && strncmp(rl_jn_str(a), b->valuestring, rl_jn_str_len(a)) == 0;
    case RL_JARRAY: {
        if (!cJSON_IsArray(b) || (size_t)cJSON_GetArraySize(b) != rl_jn_count(a))
            return 0;
        const cJSON *c = b->child;
        for (size_t i = 0; i < rl_jn_count(a); i++, c = c->next)
            if (!same(rl_jn_item(a, i), c))
                return 0;
        return 1;
    }
    case RL_JOBJECT: {
        if (!cJSON_IsObject(b) || (size_t)cJSON_GetArraySize(b) != rl_jn_count(a))
            return 0;
        const cJSON *c = b->child;
        for (size_t i = 0; i < rl_jn_count(a); i++, c = c->next)
            if (strcmp(rl_jn_key(a, i), c->string) != 0 ||
                !same(rl_jn_value(a, i), c))
                return 0;
        return 1;
    }
    }
    return 0;
}

typedef struct tally {
    int y_ok, y_n, n_ok, n_n, i_acc, i_rej, i_n, oracle_ok, oracle_n, failures;
} tally;

static void fail(tally *t, const char *name, const char *why)
{
    t->failures++;
    printf("FAIL %s: %s\n", name, why);
}

static void one(tally *t, const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len;
    char *data = slurp(path, &len);
    if (!data) {
        fail(t, name, "cannot read");
        return;
    }
    rl_error err = {0}, err2 = {0};
    rl_jdoc *doc = rl_json_parse(data, len, NULL, &err);
    rl_jdoc *again = rl_json_parse(data, len, NULL, &err2);
    if (!doc != !again || strcmp(err.message, err2.message) != 0)
        fail(t, name, "a second run decided differently");
    if (name[0] == 'y') {
        t->y_n++;
        if (doc)
            t->y_ok++;
        else
            fail(t, name, err.message);
        cJSON *c = doc ? cJSON_ParseWithLength(data, len) : NULL;
        if (c) {
            t->oracle_n++;
            if (same(doc->root, c))
                t->oracle_ok++;
            else
                fail(t, name, "differs from cJSON's reading");
        }
        cJSON_Delete(c);
    } else if (name[0] == 'n') {
        t->n_n++;
        if (!doc && err.line > 0 && err.column > 0)
            t->n_ok++;
        else
            fail(t, name, doc ? "accepted" : "rejected without a location");
    } else {
        t->i_n++;
        if (doc)
            t->i_acc++;
        else
            t->i_rej++;
        if (verbose)
            printf("%s: %s%s\n", name, doc ? "accepted" : "rejected: ", doc ? "" : err.message);
    }
    rl_jdoc_free(doc);
    rl_jdoc_free(again);
    free(data);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    const char *dir = "../shared/testsuites/json-parsing/test_parsing";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else
            dir = argv[i];
    }
    DIR *d = opendir(dir);
    if (!d) {
        printf("json-parsing: cannot open %s (is ../shared beside the checkout?)\n", dir);
        return 1;
    }
    char *names[4096];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 4096)
        if (strstr(e->d_name, ".json") && strchr("yni", e->d_name[0]) && e->d_name[1] == '_')
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    tally t = {0};
    for (size_t i = 0; i < n; i++) {
        one(&t, dir, names[i]);
        free(names[i]);
    }
    printf("json-parsing: y_ %d/%d accepted, n_ %d/%d rejected with a location, "
           "i_ %d accepted + %d rejected of %d, cJSON agrees on %d/%d\n",
           t.y_ok, t.y_n, t.n_ok, t.n_n, t.i_acc, t.i_rej, t.i_n, t.oracle_ok, t.oracle_n);
    return t.failures || n == 0 ? 1 : 0;
}
