/* textfold.h — folding text so that words compare as a reader sees them.
 *
 * Locale vocabulary (month names, scale words such as "triệu" or "млн")
 * must match however a report writes it: in capitals ("ДЕКАБРЯ", "NGÀY"),
 * precomposed (NFC) or decomposed (NFD, "a" + U+0301), with a no-break
 * space between words. Folding maps text to lowercase, canonically
 * decomposed and ordered code points, with every run of white space
 * turned into one U+0020 and none at the ends; two texts are the same
 * word when their folds are equal.
 *
 * Scope (a deliberate, documented limit): lowercase mappings and canonical
 * decompositions cover the scripts of the supported locales — ASCII,
 * Latin-1, Latin Extended-A, the Vietnamese letters (Ơ Ư and Latin
 * Extended Additional) and Cyrillic; combining classes cover U+0300..036F.
 * Other code points fold to themselves. No state; pure functions. */
#ifndef RL_TEXTFOLD_H
#define RL_TEXTFOLD_H

#include <stddef.h>
#include <stdint.h>

#define RL_FOLD_FAIL ((size_t)-1)

/* Fold s[0..len) into out (at most cap code points). Returns the number of
 * code points, or RL_FOLD_FAIL when s is not valid UTF-8 or its fold needs
 * more than cap. */
size_t rl_fold(const char *s, size_t len, uint32_t *out, size_t cap);

/* 1 when a[0..n), already folded, is the fold of the UTF-8 text w. */
int rl_fold_equals(const uint32_t *a, size_t n, const char *w);

/* 1 for Unicode white space (White_Space: tab..CR, space, U+0085, U+00A0,
 * U+1680, U+2000..200A, U+2028, U+2029, U+202F, U+205F, U+3000). */
int rl_fold_is_space(uint32_t cp);

/* Byte length of the white-space code point at s[i] (s[i..end) valid or
 * not), else 0. */
size_t rl_space_at(const char *s, size_t i, size_t end);

/* Narrow [*a, *b) of s past white space at both ends. */
void rl_trim_space(const char *s, size_t *a, size_t *b);

/* The simple lowercase of cp (within the scope above). */
uint32_t rl_fold_lower(uint32_t cp);

#endif
