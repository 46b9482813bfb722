/* utf8.h — UTF-8 decoding, validation, encoding and code-point counting.
 *
 * Invariants: decoding is strict (RFC 3629): no overlongs, no surrogates,
 * nothing above U+10FFFF. Functions never read past the given length. */
#ifndef RL_UTF8_H
#define RL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point from s[0..len). Returns the number of bytes used
 * (1..4) and stores the code point, or 0 when the bytes are not valid UTF-8. */
size_t rl_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* Encode cp into out (at least 4 bytes); returns the bytes written. */
size_t rl_utf8_encode(uint32_t cp, char *out);

/* 1 when all of s[0..len) is valid UTF-8; else 0 and *bad = first bad offset. */
int rl_utf8_valid(const char *s, size_t len, size_t *bad);

/* Number of code points in a valid UTF-8 string. */
size_t rl_utf8_count(const char *s, size_t len);

/* The value of a hexadecimal digit (0-9, a-f, A-F), or -1. */
int rl_hexval(int c);

/* Four hexadecimal digits at s (which has at least 4 bytes) as *out;
 * 1, or 0 when one is not a hex digit. */
int rl_hex4(const char *s, uint32_t *out);

#endif
