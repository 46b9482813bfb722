/* iregexp.h — I-Regexp (RFC 9485), the interoperable regular expressions
 * of JSONPath's match() and search(), translated to PCRE2.
 *
 * The translation is faithful: '.' becomes [^\n\r]; groups do not capture;
 * \p{..}/\P{..} take only the general categories RFC 9485 lists; anything
 * else I-Regexp forbids (\d, \w, backreferences, lazy or possessive
 * quantifiers, lookaround, unescaped [ inside a class, ...) is rejected
 * with its column. One deliberate departure: ^ and $ outside a class are
 * anchors (start and end of the string), as the JSONPath compliance suite
 * and RFC 9485 §5.3's mapping to ECMAScript read them; RFC 9485 §3 lists
 * them as ordinary characters, but a literal ^ or $ is what nobody means
 * (write \^ or \$ for one). */
#ifndef RL_IREGEXP_H
#define RL_IREGEXP_H

#include "regex.h"
#include "reportlint.h"
#include "sbuf.h"

#include <stddef.h>

/* Append the PCRE2 pattern for the I-Regexp re[0..len) to out. Returns 1,
 * or 0 with err set (err->column: 1-based code-point column in re). */
int rl_iregexp_translate(const char *re, size_t len, rl_sbuf *out, rl_error *err);

/* Translate and compile (flags: RL_RE_FULL for a whole-string match).
 * NULL with err set when re is not an I-Regexp or PCRE2 refuses it. */
rl_regex *rl_iregexp_compile(const char *re, size_t len, unsigned flags, const rl_regex_limits *lim,
                             rl_error *err);

#endif
