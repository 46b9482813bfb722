/* regex.c — the PCRE2 wrapper (see regex.h).
 *
 * Invariant: a compiled pattern owns its code and its match context; match
 * data is the caller's (one per thread) or made per search, so one rl_regex
 * can serve many threads. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "regex.h"
#include "error.h"
#include "utf8.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

struct rl_regex {
    pcre2_code *code;
    pcre2_match_context *mctx;
    char *pattern;
    unsigned flags;
};

static uint32_t pcre_options(unsigned flags)
{
    uint32_t o = PCRE2_UTF | PCRE2_UCP;
    if (flags & RL_RE_CASELESS)
        o |= PCRE2_CASELESS;
    if (flags & RL_RE_MULTILINE)
        o |= PCRE2_MULTILINE;
    if (flags & RL_RE_DOTALL)
        o |= PCRE2_DOTALL;
    if (flags & RL_RE_EXTENDED)
        o |= PCRE2_EXTENDED;
    if (flags & RL_RE_FULL)
        o |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
    return o;
}

static void compile_error(rl_error *err, const char *pattern, size_t len, int code, size_t offset)
{
    PCRE2_UCHAR msg[256];
    if (pcre2_get_error_message(code, msg, sizeof msg) < 0)
        strcpy((char *)msg, "invalid pattern");
    if (offset > len)
        offset = len;
    unsigned col = (unsigned)rl_utf8_count(pattern, offset) + 1;
    rl_error_set(err, 0, col, "invalid regular expression: %s at column %u", (const char *)msg,
                 col);
}

rl_regex *rl_regex_compile(const char *pattern, size_t len, unsigned flags,
                           const rl_regex_limits *lim, rl_error *err)
{
    int code;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, len, pcre_options(flags), &code, &offset,
                                   NULL);
    if (!re) {
        compile_error(err, pattern, len, code, offset);
        return NULL;
    }
    rl_regex *r = calloc(1, sizeof *r);
    pcre2_match_context *mctx = pcre2_match_context_create(NULL);
    char *copy = malloc(len + 1);
    if (!r || !mctx || !copy) {
        free(r);
        free(copy);
        pcre2_match_context_free(mctx);
        pcre2_code_free(re);
        rl_error_set(err, 0, 0, "out of memory compiling a regular expression");
        return NULL;
    }
    memcpy(copy, pattern, len);
    copy[len] = '\0';
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* failure: the interpreter is used */
    pcre2_set_match_limit(mctx, lim && lim->match_limit ? lim->match_limit
                                                        : RL_REGEX_DEFAULT_MATCH_LIMIT);
    pcre2_set_depth_limit(mctx, lim && lim->depth_limit ? lim->depth_limit
                                                        : RL_REGEX_DEFAULT_DEPTH_LIMIT);
    r->code = re;
    r->mctx = mctx;
    r->pattern = copy;
    r->flags = flags;
    return r;
}

void rl_regex_free(rl_regex *re)
{
    if (!re)
        return;
    pcre2_code_free(re->code);
    pcre2_match_context_free(re->mctx);
    free(re->pattern);
    free(re);
}

rl_regex_md *rl_regex_md_new(void)
{
    return (rl_regex_md *)pcre2_match_data_create(1, NULL);
}

void rl_regex_md_free(rl_regex_md *md)
{
    pcre2_match_data_free((pcre2_match_data *)md);
}

int rl_regex_search_md(const rl_regex *re, const char *subject, size_t len, rl_regex_md *own)
{
    pcre2_match_data *md = own ? (pcre2_match_data *)own : pcre2_match_data_create(1, NULL);
    if (!md)
        return RL_REGEX_ERROR;
    int rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, 0, 0, md, re->mctx);
    if (!own)
        pcre2_match_data_free(md);
    if (rc >= 0)
        return RL_REGEX_MATCH;
    if (rc == PCRE2_ERROR_NOMATCH)
        return RL_REGEX_NOMATCH;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
        return RL_REGEX_LIMIT;
    return RL_REGEX_ERROR;
}

int rl_regex_search(const rl_regex *re, const char *subject, size_t len)
{
    return rl_regex_search_md(re, subject, len, NULL);
}

/* The error for an unknown flag at *s of all, with what was probably meant: a
 * capital letter, a flag spelled as a word, JavaScript's g. */
static void flag_error(const char *all, const char *s, rl_error *err)
{
    static const char *const words[][2] = {
        {"ignorecase", "i"}, {"caseless", "i"},   {"insensitive", "i"}, {"multiline", "m"},
        {"dotall", "s"},     {"singleline", "s"}, {"extended", "x"},    {"unicode", "u"},
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strstr(all, words[i][0])) {
            rl_error_set(err, 0, 0,
                         "regex flags are letters: write \"%s\" for %s (known: i, m, "
                         "s, x, u)",
                         words[i][1], words[i][0]);
            return;
        }
    char c = *s;
    if (c >= 'A' && c <= 'Z' && strchr("imsxu", c - 'A' + 'a'))
        rl_error_set(err, 0, 0,
                     "unknown regex flag '%c' (did you mean '%c'? flags are "
                     "lower case: i, m, s, x, u)",
                     c, c - 'A' + 'a');
    else if (c == 'g')
        rl_error_set(err, 0, 0,
                     "unknown regex flag 'g': not needed, a pattern is searched "
                     "anywhere in the value (anchor it with ^...$) (known: i, m, s, x, u)");
    else
        rl_error_set(err, 0, 0, "unknown regex flag '%c' (known: i, m, s, x, u)", c);
}

int rl_regex_parse_flags(const char *s, unsigned *flags, rl_error *err)
{
    unsigned f = 0;
    const char *all = s;
    for (; s && *s; s++) {
        switch (*s) {
        case 'i': f |= RL_RE_CASELESS; break;
        case 'm': f |= RL_RE_MULTILINE; break;
        case 's': f |= RL_RE_DOTALL; break;
        case 'x': f |= RL_RE_EXTENDED; break;
        case 'u': break; /* always on */
        default: flag_error(all, s, err); return 0;
        }
    }
    *flags = f;
    return 1;
}

const char *rl_regex_pattern(const rl_regex *re)
{
    return re->pattern;
}
