/* result_dump.c — a result as JSON text and back (rl_result_dump,
 * rl_result_load): how a result checked in one process reaches another
 * (the workers of reportlint.dask send their partitions' results to the
 * client, which loads them in order into one result and writes it).
 *
 * The text is one JSON object, versioned:
 *   {"reportlint-result": 1, "lang": "en", "files": [
 *     {"name": "a.ndjson", "counts": [rules, evaluations, passed, failed, not_applicable],
 *      "violations": [[file, rule, severity, pointer, line, column, message,
 *                      [[name, type, value, text], ...], stable_pointer], ...]}, ...]}
 * severity and a figure's type are the numbers of rl_severity and
 * rl_fig_type; value is the integer (BOOL, INT), the double in shortest
 * round-trip form or "nan"/"inf"/"-inf" (NUM), else null; text is the
 * figure's string or null; stable_pointer is a string or null (the
 * pointer). After the files, "rules" (optional when loading): the rules
 * that ran (rl_result_rule), each [id, kind, title, description, ruleset,
 * file, pointer, severity, line, column, evaluations, passed, failed,
 * not_applicable, timed_out], strings or null (timed_out optional when
 * loading: 0). Loading adds exactly what was dumped: the
 * figures' bits, the files in order with their counts, the violations in
 * order. A file named as res's last file continues it (one file checked in
 * slices counts once). */
#include "result.h"
#include "error.h"
#include "json.h"
#include "lang.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DUMP_VERSION 1

/* ---- dumping ------------------------------------------------------------ */

static void str(rl_sbuf *b, const char *s)
{
    if (s)
        rl_json_write_string(b, s, strlen(s));
    else
        rl_sbuf_adds(b, "null");
}

static void fig_value(rl_sbuf *b, const rl_figure *f)
{
    if (f->type == RL_FIG_BOOL || f->type == RL_FIG_INT)
        rl_sbuf_add_int(b, (long long)f->i);
    else if (f->type != RL_FIG_NUM)
        rl_sbuf_adds(b, "null");
    else if (isnan(f->d))
        rl_sbuf_adds(b, "\"nan\"");
    else if (isinf(f->d))
        rl_sbuf_adds(b, f->d > 0 ? "\"inf\"" : "\"-inf\"");
    else
        rl_json_write_double(b, f->d);
}

static void dump_violation(rl_sbuf *b, const rl_violation *v)
{
    rl_sbuf_addc(b, '[');
    str(b, v->file);
    rl_sbuf_addc(b, ',');
    str(b, v->rule);
    rl_sbuf_printf(b, ",%d,", (int)v->severity);
    str(b, v->pointer);
    rl_sbuf_printf(b, ",%u,%u,", v->line, v->column);
    str(b, v->message);
    rl_sbuf_adds(b, ",[");
    for (size_t i = 0; i < v->n_figures; i++) {
        const rl_figure *f = &v->figures[i];
        rl_sbuf_adds(b, i ? ",[" : "[");
        str(b, f->name);
        rl_sbuf_printf(b, ",%d,", (int)f->type);
        fig_value(b, f);
        rl_sbuf_addc(b, ',');
        str(b, f->s);
        rl_sbuf_addc(b, ']');
    }
    rl_sbuf_adds(b, "],");
    str(b, v->stable_pointer);
    rl_sbuf_addc(b, ']');
}

static void dump_rule(rl_sbuf *b, const rl_rule_result *r, size_t i)
{
    const char *s[] = {r->id, r->kind, r->title, r->description, r->ruleset, r->file, r->pointer};
    rl_sbuf_adds(b, i ? ",\n[" : "\n[");
    for (size_t k = 0; k < sizeof s / sizeof *s; k++) {
        str(b, s[k]);
        rl_sbuf_addc(b, ',');
    }
    rl_sbuf_printf(b, "%d,%u,%u,%zu,%zu,%zu,%zu,%zu]", (int)r->severity, r->line, r->column,
                   r->evaluations, r->passed, r->failed, r->not_applicable, r->timed_out);
}

char *rl_result_dump(const rl_result *res, size_t *len)
{
    rl_sbuf b = RL_SBUF_INIT;
    rl_sbuf_printf(&b, "{\"reportlint-result\":%d,\"lang\":\"%s\",\"files\":[", DUMP_VERSION,
                   rl_lang_code(rl_result_lang(res)));
    size_t k = 0, n = rl_result_count(res);
    for (size_t f = 0; f < rl_result_file_count(res); f++) {
        rl_summary c;
        const char *name = rl_result_file(res, f, &c);
        rl_sbuf_adds(&b, f ? ",\n{\"name\":" : "\n{\"name\":");
        str(&b, name);
        rl_sbuf_printf(&b, ",\"counts\":[%zu,%zu,%zu,%zu,%zu],\"violations\":[", c.rules,
                       c.evaluations, c.passed, c.failed, c.not_applicable);
        size_t end = k + c.errors + c.warnings + c.infos;
        if (f + 1 == rl_result_file_count(res))
            end = n; /* the last file takes whatever remains */
        for (size_t first = k; k < end && k < n; k++) {
            rl_sbuf_adds(&b, k > first ? ",\n" : "\n");
            dump_violation(&b, rl_result_violation(res, k));
        }
        rl_sbuf_adds(&b, "]}");
    }
    rl_sbuf_adds(&b, "],\n\"rules\":[");
    for (size_t i = 0; i < rl_result_rule_count(res); i++)
        dump_rule(&b, rl_result_rule(res, i), i);
    rl_sbuf_adds(&b, "]}\n");
    if (!rl_sbuf_ok(&b)) {
        rl_sbuf_free(&b);
        return NULL;
    }
    if (len)
        *len = b.len;
    return rl_sbuf_take(&b);
}

/* ---- loading ------------------------------------------------------------ */

typedef struct loader {
    rl_jdoc *doc;
    rl_error *err;
} loader;

/* Report what is wrong at node (or at the document's start). Returns -1. */
static int bad(const loader *L, const rl_jnode *node, const char *what)
{
    unsigned line = 1, column = 1;
    if (node)
        rl_jdoc_locate(L->doc, rl_jn_offset(node), &line, &column);
    if (L->err)
        rl_error_set(L->err, line, column, "not a reportlint result dump: %s", what);
    return -1;
}

static int get_uint(const rl_jnode *n, size_t *out)
{
    if (!n || rl_jn_type(n) != RL_JNUMBER || !(rl_jn_flags(n) & RL_JNUM_INT) || rl_jn_int(n) < 0)
        return -1;
    *out = (size_t)rl_jn_int(n);
    return 0;
}

/* A string member or item: its text, NULL for JSON null; *ok 0 otherwise. */
static const char *get_str(const rl_jnode *n, int *ok)
{
    if (n && rl_jn_type(n) == RL_JSTRING)
        return rl_jn_str(n);
    if (!n || rl_jn_type(n) != RL_JNULL)
        *ok = 0;
    return NULL;
}

static int load_number(const rl_jnode *v, rl_figure *f)
{
    if (rl_jn_type(v) == RL_JSTRING) {
        const char *s = rl_jn_str(v);
        f->d = strcmp(s, "nan") == 0    ? NAN
               : strcmp(s, "inf") == 0  ? INFINITY
               : strcmp(s, "-inf") == 0 ? -INFINITY
                                        : 0;
        return strcmp(s, "nan") && strcmp(s, "inf") && strcmp(s, "-inf") ? -1 : 0;
    }
    if (rl_jn_type(v) != RL_JNUMBER)
        return -1;
    f->d = rl_jn_double(v);
    return 0;
}

static int load_figure(const loader *L, const rl_jnode *n, rl_figure *f)
{
    size_t type = 0;
    int ok = 1;
    if (!n || rl_jn_type(n) != RL_JARRAY || rl_json_size(n) != 4 ||
        get_uint(rl_json_at(n, 1), &type) || type > RL_FIG_STR)
        return bad(L, n, "a figure is [name, type, value, text]");
    memset(f, 0, sizeof *f);
    f->name = get_str(rl_json_at(n, 0), &ok);
    f->type = (rl_fig_type)type;
    f->s = get_str(rl_json_at(n, 3), &ok);
    const rl_jnode *v = rl_json_at(n, 2);
    if (!ok || !f->name)
        return bad(L, n, "a figure's name and text are strings");
    if (f->type == RL_FIG_BOOL || f->type == RL_FIG_INT) {
        if (rl_jn_type(v) != RL_JNUMBER || !(rl_jn_flags(v) & RL_JNUM_INT))
            return bad(L, v, "an integer figure's value is an integer");
        f->i = rl_jn_int(v);
    } else if (f->type == RL_FIG_NUM && load_number(v, f) != 0) {
        return bad(L, v, "a number figure's value is a number, \"nan\", \"inf\" or \"-inf\"");
    }
    return 0;
}

static int load_violation(const loader *L, const rl_jnode *n, rl_result *res)
{
    size_t sev = 0, line = 0, column = 0;
    int ok = 1;
    const rl_jnode *figs = rl_json_at(n, 7);
    if (!n || rl_jn_type(n) != RL_JARRAY || rl_json_size(n) != 9 ||
        get_uint(rl_json_at(n, 2), &sev) || sev > RL_SEVERITY_ERROR ||
        get_uint(rl_json_at(n, 4), &line) || get_uint(rl_json_at(n, 5), &column) ||
        rl_jn_type(figs) != RL_JARRAY)
        return bad(L, n,
                   "a violation is [file, rule, severity, pointer, line, column, message, "
                   "figures, stable pointer]");
    rl_violation v = {get_str(rl_json_at(n, 0), &ok),
                      get_str(rl_json_at(n, 1), &ok),
                      (rl_severity)sev,
                      get_str(rl_json_at(n, 3), &ok),
                      (unsigned)line,
                      (unsigned)column,
                      get_str(rl_json_at(n, 6), &ok),
                      NULL,
                      rl_json_size(figs),
                      get_str(rl_json_at(n, 8), &ok)};
    if (!ok || !v.file || !v.rule)
        return bad(L, n, "a violation's file, rule, pointer and message are strings");
    rl_figure *f = v.n_figures ? calloc(v.n_figures, sizeof *f) : NULL;
    if (v.n_figures && !f)
        return bad(L, NULL, "out of memory");
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < v.n_figures; i++)
        rc = load_figure(L, rl_json_at(figs, i), &f[i]);
    v.figures = f;
    if (rc == 0 && !rl_result_add(res, &v))
        rc = bad(L, NULL, "out of memory");
    free(f);
    return rc;
}

/* Start (or continue) the file named name and add its counts. */
static int load_counts(const loader *L, const rl_jnode *file, const char *name, rl_result *res)
{
    const rl_jnode *c = rl_json_gets(file, "counts");
    size_t k[5];
    for (size_t i = 0; i < 5; i++)
        if (!c || rl_jn_type(c) != RL_JARRAY || rl_json_size(c) != 5 ||
            get_uint(rl_json_at(c, i), &k[i]))
            return bad(L, c ? c : file, "a file's counts are 5 integers");
    size_t nf = rl_result_file_count(res);
    const char *last = nf ? rl_result_file(res, nf - 1, NULL) : NULL;
    if ((!last || strcmp(last, name) != 0) && rl_result_begin_file(res, name) != 0)
        return bad(L, NULL, "out of memory");
    rl_summary *s = rl_result_summary_mut(res);
    if (k[0] > s->rules)
        s->rules = k[0];
    s->evaluations += k[1];
    s->passed += k[2];
    s->failed += k[3];
    s->not_applicable += k[4];
    return 0;
}

static int load_file(const loader *L, const rl_jnode *file, rl_result *res)
{
    int ok = 1;
    const char *name = get_str(rl_json_gets(file, "name"), &ok);
    const rl_jnode *vs = rl_json_gets(file, "violations");
    if (!file || rl_jn_type(file) != RL_JOBJECT || !ok || !name || !vs ||
        rl_jn_type(vs) != RL_JARRAY)
        return bad(L, file, "a file is {\"name\", \"counts\", \"violations\"}");
    if (load_counts(L, file, name, res) != 0)
        return -1;
    for (size_t i = 0; i < rl_json_size(vs); i++)
        if (load_violation(L, rl_json_at(vs, i), res) != 0)
            return -1;
    return 0;
}

/* One rule of "rules": recorded (by id) and its counts added. */
static int load_rule(const loader *L, const rl_jnode *n, rl_result *res)
{
    size_t k[8] = {0};
    int ok = 1;
    size_t size = n && rl_jn_type(n) == RL_JARRAY ? rl_json_size(n) : 0;
    int sized = size == 14 || size == 15; /* timed_out optional */
    for (size_t i = 0; sized && 7 + i < size; i++)
        ok &= get_uint(rl_json_at(n, 7 + i), &k[i]) == 0;
    if (!sized || !ok || k[0] > RL_SEVERITY_ERROR)
        return bad(L, n,
                   "a rule is [id, kind, title, description, ruleset, file, pointer, "
                   "severity, line, column, evaluations, passed, failed, not_applicable, "
                   "timed_out (optional)]");
    rl_rule_result r = {0};
    const char **s[] = {&r.id, &r.kind, &r.title, &r.description, &r.ruleset, &r.file, &r.pointer};
    for (size_t i = 0; i < 7; i++)
        *s[i] = get_str(rl_json_at(n, i), &ok);
    if (!ok || !r.id)
        return bad(L, n, "a rule's id is a string, and its other names strings or null");
    r.severity = (rl_severity)k[0];
    r.line = (unsigned)k[1];
    r.column = (unsigned)k[2];
    rl_rule_result *got = rl_result_rule_mut(res, rl_result_rule_slot(res, NULL, &r));
    if (!got)
        return bad(L, NULL, "out of memory");
    got->evaluations += k[3];
    got->passed += k[4];
    got->failed += k[5];
    got->not_applicable += k[6];
    got->timed_out += k[7];
    return 0;
}

int rl_result_load(rl_result *res, const char *text, size_t len, rl_error *err)
{
    if (!res || !text)
        return -1;
    loader L = {rl_json_parse(text, len, NULL, err), err};
    if (!L.doc)
        return -1;
    const rl_jnode *root = L.doc->root;
    size_t version = 0;
    int ok = 1;
    rl_lang lang = RL_LANG_EN;
    const char *code = get_str(rl_json_gets(root, "lang"), &ok);
    const rl_jnode *files = rl_json_gets(root, "files");
    int rc = 0;
    if (rl_jn_type(root) != RL_JOBJECT ||
        get_uint(rl_json_gets(root, "reportlint-result"), &version))
        rc = bad(&L, root, "no \"reportlint-result\" version");
    else if (version != DUMP_VERSION)
        rc = bad(&L, rl_json_gets(root, "reportlint-result"),
                 "a version this library does not read");
    else if (!ok || !code || !rl_lang_parse(code, &lang) || !files ||
             rl_jn_type(files) != RL_JARRAY)
        rc = bad(&L, root, "\"lang\" is a language code and \"files\" an array");
    if (rc == 0)
        rl_result_set_lang(res, lang);
    for (size_t i = 0; rc == 0 && i < rl_json_size(files); i++)
        rc = load_file(&L, rl_json_at(files, i), res);
    const rl_jnode *rules = rl_json_gets(root, "rules");
    if (rc == 0 && rules && rl_jn_type(rules) != RL_JARRAY)
        rc = bad(&L, rules, "\"rules\" is an array");
    for (size_t i = 0; rc == 0 && rules && i < rl_json_size(rules); i++)
        rc = load_rule(&L, rl_json_at(rules, i), res);
    rl_jdoc_free(L.doc);
    return rc;
}
