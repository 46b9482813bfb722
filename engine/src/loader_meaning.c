/* loader_meaning.c — what the loader checks beyond syntax: fields that
 * parse but cannot mean what their author meant, and hints for the usual
 * slips behind a syntax error.
 *
 *   - a date field whose text is arithmetic ("15/10/2025" is 15 ÷ 10 ÷ 2025)
 *     or another constant that is never a date: an error that says how to
 *     write the date (2025-10-15, or date('15/10/2025', 'vi'));
 *   - a constant `when`: a warning (always true: the rule always applies;
 *     always false: it never does); a constant that is not boolean: an error;
 *   - hints appended to syntax errors: a trailing comma, "\d" in a JSON
 *     string (write "\\d"), a decimal comma in a number ("91,5" for 91.5),
 *     "=<" and "=>" for "<=" and ">=".
 *
 * Every check works on the text and the compiled tree only: nothing here
 * reads a report. */
#include "loader.h"
#include "error.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- date fields ------------------------------------------------------ */

/* "15/10/2025", "15-10-2025", "2025/10/15", "15.10.2025": day, month and
 * year when text is three numbers so separated; 0 otherwise. */
static int dmy(const char *text, unsigned *d, unsigned *m, unsigned *y, char *sep)
{
    unsigned a, b, c;
    int n = 0;
    char s1, s2;
    if (sscanf(text, " %u%c%u%c%u %n", &a, &s1, &b, &s2, &c, &n) != 5 || text[n] != '\0' ||
        s1 != s2 || !strchr("/-.", s1))
        return 0;
    if (a >= 1000) { /* 2025/10/15 */
        *y = a, *m = b, *d = c;
    } else {
        *d = a, *m = b, *y = c;
    }
    *sep = s1;
    return *d >= 1 && *d <= 31 && *m >= 1 && *m <= 12 && *y >= 1000 && *y <= 9999;
}

/* How to write the date text seems to mean, into buf: ISO, and for a
 * day-first form the locale that reads it (vi: 15/10/2025, ru: 15.10.2025). */
static const char *date_advice(const char *text, char *buf, size_t size)
{
    unsigned d, m, y;
    char sep;
    if (!dmy(text, &d, &m, &y, &sep))
        snprintf(buf, size,
                 "write an ISO date such as 2025-10-15, or date('...', LOCALE) for a "
                 "date as a locale writes it");
    else if (sep == '-' || strtoul(text, NULL, 10) >= 1000)
        snprintf(buf, size, "write %04u-%02u-%02u", y, m, d);
    else
        snprintf(buf, size, "write %04u-%02u-%02u or date('%s', '%s')", y, m, d, text,
                 sep == '/' ? "vi" : "ru");
    return buf;
}

int rl_ld_check_date_field(rl_loader *ld, const rl_jnode *v, const char *field, const rl_expr *x)
{
    rl_value val;
    rl_error err = {0};
    if (rl_ld_constant(x, &val, &err) != 1 || val.type == RL_VDATE || val.type == RL_VNULL)
        return 0;
    char what[96], advice[160];
    const char *text = rl_jn_type(v) == RL_JSTRING ? rl_jn_str(v) : rl_expr_text(x);
    if (rl_jn_type(v) == RL_JSTRING && val.type != RL_VBOOL)
        rl_ld_error(ld, rl_jn_offset(v),
                    "field '%s': \"%s\" is arithmetic (a number), never a date: %s", field, text,
                    date_advice(text, advice, sizeof advice));
    else
        rl_ld_error(ld, rl_jn_offset(v), "field '%s' is %s, never a date: %s", field,
                    rl_eval_describe(&val, what, sizeof what),
                    date_advice(text, advice, sizeof advice));
    return -1;
}

/* A date written with dots fails to parse ("15.10.2025"): say how to
 * write it. */
const char *rl_ld_date_parse_hint(const char *text, char *buf, size_t size)
{
    unsigned d, m, y;
    char sep;
    if (!dmy(text, &d, &m, &y, &sep))
        return "";
    snprintf(buf, size, " (a date: write %04u-%02u-%02u or date('%s', 'ru'))", y, m, d, text);
    return buf;
}

/* ---- when -------------------------------------------------------------- */

int rl_ld_check_when(rl_loader *ld, const rl_jnode *v, const rl_expr *when)
{
    rl_value val;
    rl_error err = {0};
    int rc = rl_ld_constant(when, &val, &err);
    char what[96];
    if (rc == 0)
        return 0;
    if (rc < 0) {
        rl_ld_error(ld, rl_jn_offset(v), "field 'when': cannot evaluate \"%s\": %s",
                    rl_expr_text(when), err.message);
        return -1;
    }
    if (val.type != RL_VBOOL) {
        rl_ld_error(ld, rl_jn_offset(v),
                    "field 'when' must be true or false, but \"%s\" is always %s",
                    rl_expr_text(when), rl_eval_describe(&val, what, sizeof what));
        return -1;
    }
    rl_ld_warning(ld, rl_jn_offset(v), "field 'when' is always %s: the rule %s",
                  val.u.b ? "true" : "false",
                  val.u.b ? "always applies (leave 'when' out)" : "never applies");
    return 0;
}

/* ---- bounds and scales ------------------------------------------------ */

static int is_number(const rl_value *v)
{
    return v->type == RL_VINT || v->type == RL_VNUM;
}

int rl_ld_check_bounds(rl_loader *ld, const rl_jnode *at, const rl_expr *min, const rl_expr *max,
                       int exclusive)
{
    rl_value lo, hi;
    rl_error err = {0};
    if (rl_ld_constant(min, &lo, &err) != 1 || rl_ld_constant(max, &hi, &err) != 1 ||
        !is_number(&lo) || !is_number(&hi))
        return 0;
    double a = rl_value_as_double(&lo), b = rl_value_as_double(&hi);
    if (a < b || (a == b && !exclusive))
        return 0;
    rl_ld_error(ld, rl_jn_offset(at), "min %s is %s max %s%s: no value can pass", rl_expr_text(min),
                a > b ? "greater than" : "equal to", rl_expr_text(max),
                a > b ? "" : " and the bounds are exclusive");
    return -1;
}

int rl_ld_check_scale(rl_loader *ld, const rl_jnode *v, const rl_expr *scale)
{
    rl_value val;
    rl_error err = {0};
    int c = rl_ld_constant(scale, &val, &err);
    const char *text = rl_expr_text(scale);
    if (c == 1 && is_number(&val) && rl_value_as_double(&val) > 0)
        return 0;
    if (c == 0 && !(rl_expr_path(scale) && text[0] != '$' && text[0] != '@'))
        return 0; /* read from the report or a param: judged when checking */
    if (c == 0)
        rl_ld_error(ld, rl_jn_offset(v),
                    "unknown scale '%s' (it would read @.%s from the report): "
                    "write a number, 100 for a percentage, 1000 per mille, 1 for a fraction",
                    text, text);
    else
        rl_ld_error(ld, rl_jn_offset(v),
                    "scale %s is not a positive number: write 100 for a "
                    "percentage, 1000 per mille, 1 for a fraction",
                    text);
    return -1;
}

/* ---- hints for syntax errors ------------------------------------------ */

/* The byte offset of line:column (1-based; column in code points). */
static size_t offset_of(const char *text, size_t len, unsigned line, unsigned column)
{
    size_t i = 0;
    for (unsigned l = 1; l < line && i < len; l++) { /* past line - 1 newlines */
        const char *nl = memchr(text + i, '\n', len - i);
        i = nl ? (size_t)(nl - text) + 1 : len;
    }
    for (unsigned c = 1; c < column && i < len; c++)
        do
            i++;
        while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80);
    return i;
}

/* The last non-blank byte before off, or -1. */
static long before(const char *text, size_t off)
{
    while (off > 0 && strchr(" \t\r\n", text[off - 1]))
        off--;
    return off ? (long)off - 1 : -1;
}

/* "91,5" around a comma at text[comma]: the number with a point, into buf. */
static int decimal_comma(const char *text, size_t len, long comma, char *buf, size_t size)
{
    if (comma < 1 || !isdigit((unsigned char)text[comma - 1]) || (size_t)comma + 1 >= len ||
        !isdigit((unsigned char)text[comma + 1]))
        return 0;
    long a = comma - 1;
    while (a > 0 && isdigit((unsigned char)text[a - 1]))
        a--;
    size_t b = (size_t)comma + 1;
    while (b < len && isdigit((unsigned char)text[b]))
        b++;
    snprintf(buf, size, "%.*s.%.*s", (int)(comma - a), text + a, (int)(b - (size_t)comma - 1),
             text + comma + 1);
    return 1;
}

const char *rl_ld_json_hint(const char *text, size_t len, const rl_error *err, char *buf,
                            size_t size)
{
    size_t off = offset_of(text, len, err->line, err->column);
    long prev = before(text, off);
    char num[64];
    buf[0] = '\0';
    if (strstr(err->message, "escape") && off + 1 < len && text[off] == '\\')
        snprintf(buf, size,
                 " (a backslash in a JSON string is written twice: \"\\\\%c\" for the "
                 "regex \\%c)",
                 text[off + 1], text[off + 1]);
    else if (off < len && (text[off] == '}' || text[off] == ']') && prev >= 0 && text[prev] == ',')
        snprintf(buf, size, " (a trailing comma? JSON allows none after the last %s)",
                 text[off] == '}' ? "member" : "item");
    else if (prev >= 0 && text[prev] == ',' && decimal_comma(text, len, prev, num, sizeof num))
        snprintf(buf, size, " (a decimal comma? JSON numbers are written with a point: %s)", num);
    return buf;
}

const char *rl_ld_expr_hint(const char *text, unsigned column, char *buf, size_t size)
{
    size_t len = strlen(text), off = offset_of(text, len, 1, column ? column : 1);
    char num[64];
    buf[0] = '\0';
    if (off + 1 < len && text[off] == '=' && (text[off + 1] == '<' || text[off + 1] == '>'))
        snprintf(buf, size, " (did you mean '%c='?)", text[off + 1]);
    else if (off < len && text[off] == ',' && decimal_comma(text, len, (long)off, num, sizeof num))
        snprintf(buf, size, " (a decimal comma? numbers are written with a point: %s)", num);
    return buf;
}
