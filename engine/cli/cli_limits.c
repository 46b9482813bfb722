/* cli_limits.c — the values of the limit options: --max-string,
 * --max-size and --max-file-size (sizes: bytes, or with a K, M or G suffix, binary: 16M is
 * 16 MiB), --max-violations (a count) and --timeout (seconds, decimals
 * allowed). 0 turns a limit off (RL_UNLIMITED for the library; no
 * --timeout means none). A malformed value is a usage error that says what
 * is expected. */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int bad(const char *flag, const char *what, const char *arg)
{
    fprintf(stderr, "reportlint: %s needs %s, not '%s'\nTry 'reportlint --help'.\n", flag, what,
            arg);
    return CLI_USAGE_ERROR;
}

/* "123", "16M", "16MiB", "512k", "1G" -> bytes. */
static int parse_size(const char *s, size_t *out)
{
    if (!isdigit((unsigned char)s[0]))
        return -1;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno)
        return -1;
    int shift = 0;
    switch (*end) {
    case 'k':
    case 'K':
        shift = 10;
        end++;
        break;
    case 'm':
    case 'M':
        shift = 20;
        end++;
        break;
    case 'g':
    case 'G':
        shift = 30;
        end++;
        break;
    default: break;
    }
    if (shift && (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0))
        end += strlen(end);
    if (*end || v > (SIZE_MAX >> shift))
        return -1;
    *out = (size_t)v << shift;
    return 0;
}

int cli_parse_size_opt(const char *flag, const char *arg, size_t *out)
{
    size_t v;
    if (parse_size(arg, &v) != 0)
        return bad(flag, "a size in bytes (such as 1048576, 512K, 16M or 1G; 0: no limit)", arg);
    *out = v ? v : RL_UNLIMITED;
    return 0;
}

int cli_parse_count_opt(const char *flag, const char *arg, size_t *out)
{
    size_t v;
    char *end;
    errno = 0;
    unsigned long long n = isdigit((unsigned char)arg[0]) ? strtoull(arg, &end, 10) : 0;
    if (!isdigit((unsigned char)arg[0]) || errno || *end || n > SIZE_MAX / 2)
        return bad(flag, "a whole number (0: no limit)", arg);
    v = (size_t)n;
    *out = v ? v : RL_UNLIMITED;
    return 0;
}

size_t cli_report_limit(const cli_opts *o)
{
    return o->max_size ? o->max_size : RL_DEFAULT_MAX_SIZE;
}

size_t cli_file_limit(const cli_opts *o)
{
    return o->max_file_size ? o->max_file_size : RL_DEFAULT_MAX_FILE_SIZE;
}

int cli_parse_seconds_opt(const char *flag, const char *arg, double *out)
{
    char *end;
    errno = 0;
    double v = isdigit((unsigned char)arg[0]) || arg[0] == '.' ? strtod(arg, &end) : -1;
    if (v < 0 || errno || *end || !isfinite(v) || v > 1e7)
        return bad(flag, "a number of seconds such as 30 or 0.5 (0: no limit)", arg);
    *out = v;
    return 0;
}
