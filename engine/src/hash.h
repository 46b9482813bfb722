/* hash.h — the one string hash of the engine: 64-bit FNV-1a (offset basis
 * 14695981039346656037, prime 1099511628211). Hash tables (strmap.c,
 * kind_unique.c), the rule-set hash of partial states and
 * violation fingerprints (fingerprint.c) all use it; a value that is
 * written to a file (fingerprints, rules-hash) must never change, so
 * neither may this function. */
#ifndef RL_HASH_H
#define RL_HASH_H

#include <stddef.h>
#include <stdint.h>

#define RL_FNV1A_INIT 14695981039346656037ull

/* FNV-1a of len bytes, continued from h (RL_FNV1A_INIT to start). */
uint64_t rl_fnv1a(uint64_t h, const void *data, size_t len);
/* The same over s and its NUL (a separator between fields); NULL hashes
 * as "". */
uint64_t rl_fnv1a_str(uint64_t h, const char *s);

#endif
