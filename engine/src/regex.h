/* regex.h — PCRE2 patterns compiled once, matched safely.
 *
 * Every pattern is compiled with UTF and UCP (Unicode properties for \w, \d,
 * case folding), JIT-compiled where the platform allows, and matched under a
 * match limit and a depth limit, so a hostile subject cannot hang a check:
 * hitting a limit is reported as RL_REGEX_LIMIT, never as "no match".
 * A compiled rl_regex is immutable and may be shared between threads. */
#ifndef RL_REGEX_H
#define RL_REGEX_H

#include "reportlint.h"

#include <stddef.h>
#include <stdint.h>

typedef struct rl_regex rl_regex;

/* compile flags */
#define RL_RE_CASELESS 0x01  /* i */
#define RL_RE_MULTILINE 0x02 /* m */
#define RL_RE_DOTALL 0x04    /* s */
#define RL_RE_EXTENDED 0x08  /* x */
#define RL_RE_FULL 0x10      /* the whole subject must match (anchored at both ends) */

#define RL_REGEX_DEFAULT_MATCH_LIMIT 10000000u
#define RL_REGEX_DEFAULT_DEPTH_LIMIT 10000u

typedef struct rl_regex_limits {
    uint32_t match_limit; /* 0: default */
    uint32_t depth_limit; /* 0: default */
} rl_regex_limits;

/* results of rl_regex_search */
#define RL_REGEX_NOMATCH 0
#define RL_REGEX_MATCH 1
#define RL_REGEX_LIMIT (-1) /* match or depth limit exceeded */
#define RL_REGEX_ERROR (-2) /* bad UTF-8 subject or internal error */

/* Compile pattern[0..len). On error returns NULL and sets err: PCRE2's
 * message, with err->column = the 1-based code-point column in the pattern
 * where PCRE2 stopped. lim may be NULL. */
rl_regex *rl_regex_compile(const char *pattern, size_t len, unsigned flags,
                           const rl_regex_limits *lim, rl_error *err);
void rl_regex_free(rl_regex *re);

/* Search subject[0..len) (or match all of it with RL_RE_FULL). */
int rl_regex_search(const rl_regex *re, const char *subject, size_t len);

/* Match data one thread reuses from search to search (any pattern), so
 * that the hot path does not allocate. Not shared between threads. */
typedef struct rl_regex_md rl_regex_md;
rl_regex_md *rl_regex_md_new(void);
void rl_regex_md_free(rl_regex_md *md);
/* rl_regex_search with md's match data (md NULL: made for this search). */
int rl_regex_search_md(const rl_regex *re, const char *subject, size_t len, rl_regex_md *md);

/* Parse a flags string such as "im" into RL_RE_* bits; 0 on an unknown
 * letter (err names it). */
int rl_regex_parse_flags(const char *s, unsigned *flags, rl_error *err);

/* The pattern text as given to rl_regex_compile. */
const char *rl_regex_pattern(const rl_regex *re);

#endif
