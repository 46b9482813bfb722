/* ecma_regex.h — ECMA-262 regular expressions (as JSON Schema's "pattern",
 * "patternProperties" and format "regex" use them) run on PCRE2.
 *
 * The translation keeps ECMA's meaning where PCRE2 differs: \d, \w and \b
 * are ASCII-only; \s is ECMA's whitespace set (with U+FEFF, without
 * U+0085); "." does not match any line terminator (\n \r U+2028 U+2029);
 * "$" matches only at the very end; \uXXXX (surrogate pairs combined) and
 * \u{...} are code points; "[]" matches nothing and "[^]" anything; "[" is
 * literal inside a class; \cX, \0, \v and named groups work as in ECMA.
 * As with ECMA's "u" flag (which JSON Schema implies), escaping a letter
 * that has no meaning (\a, \e, \z, \Q ...) and PCRE-only group syntax
 * ((?i), (?P<name>, (?#...)) are errors; escaped punctuation is literal.
 * Lookbehinds must have a bounded length (a PCRE2 10.42 limit). */
#ifndef RL_ECMA_REGEX_H
#define RL_ECMA_REGEX_H

#include "regex.h"
#include "sbuf.h"

#include <stddef.h>

/* Translate pattern[0..len) into PCRE2 syntax, appended to out. Returns 0
 * and sets err (with the 1-based column) when the pattern is malformed. */
int rl_ecma_regex_translate(const char *pattern, size_t len, rl_sbuf *out, rl_error *err);

/* Translate and compile (unanchored search semantics). NULL and err set on
 * failure; the message quotes PCRE2's when it rejects the translation. */
rl_regex *rl_ecma_regex_compile(const char *pattern, size_t len, rl_error *err);

#endif
