/* suggest.h — "did you mean ...?": the closest known name to a misspelling.
 *
 * Distance is Damerau-Levenshtein (optimal string alignment) on bytes,
 * case-insensitive; a suggestion is made only when it is close enough to
 * be a plausible typo (distance <= 2, or <= 1 for short words). */
#ifndef RL_SUGGEST_H
#define RL_SUGGEST_H

#include <stddef.h>

/* names: NULL-terminated. Returns one of them, or NULL. */
const char *rl_suggest(const char *word, size_t len, const char *const *names);

/* The edit distance itself (for tests). */
size_t rl_edit_distance(const char *a, size_t alen, const char *b, size_t blen);

#endif
