/* reportlint.h — the public interface of the reportlint engine.
 *
 * (Draft: grows with the engine. Everything here is stable API.)
 * Ownership: every object made by rl_x_new()/rl_x_load() is freed by the
 * matching rl_x_free(); strings returned by accessors belong to the object
 * they came from and live as long as it does. No global state: a loaded
 * rule set may be shared by threads that check documents concurrently. */
#ifndef REPORTLINT_H
#define REPORTLINT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define RL_API __attribute__((visibility("default")))
#else
#define RL_API
#endif

#define RL_VERSION "0.1.0"

/* An error: a message and, when known, a 1-based line and column. */
typedef struct rl_error {
    char message[512];
    unsigned line;
    unsigned column;
    int failed; /* nonzero once a message has been set */
} rl_error;

#ifdef __cplusplus
}
#endif

#endif
