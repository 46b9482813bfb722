/* fingerprint.h — the one violation identity: rl_violation_fingerprint
 * (public: the figures' fingerprint baselines store) and the 64-bit
 * identity SARIF's partialFingerprints give, which hashes the file URI,
 * rule id, stable pointer and that same figures' fingerprint — the fields
 * a baseline entry keys on (cli_baseline.c), so the two never disagree on
 * what makes a violation the same one. */
#ifndef RL_FINGERPRINT_H
#define RL_FINGERPRINT_H

#include "reportlint.h"

#include <stdint.h>

/* FNV-1a (hash.h) of uri, v's rule, stable pointer (its pointer when it
 * has none) and rl_violation_fingerprint, each ended by a NUL. */
uint64_t rl_violation_identity(const rl_violation *v, const char *uri);

#endif
