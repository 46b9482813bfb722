/* messages.h — the message catalog: every text the engine writes into a
 * violation or the text summary, by message id and language.
 *
 * The texts live in one table per language (messages_en.c, messages_vi.c,
 * messages_id.c, messages_ru.c, messages_nb.c), indexed by rl_msg. Each
 * is a template (template.h) whose placeholders are the figures and
 * arguments the engine hands it; every translation uses exactly the
 * placeholders of the English text (the unit tests hold them to that).
 * Three sorts of entries:
 *
 *   messages   templates: a kind's default messages, the engine's own
 *              (missing data, evaluation errors, input errors), the summary
 *   words      plain text a message inserts in its language: weekday names
 *              ({day_name}) and "on Wednesdays" forms ({due_days})
 *   nouns      counted nouns for the summary, plural forms separated by
 *              '|' in the order one|few|many (rl_lang_plural); a language
 *              gives as many forms as it has (vi and id one, en two, ru three)
 *
 * A catalog (rl_catalog) holds the compiled templates of one rl_rules:
 * each is compiled on its first use (a check uses a few messages in one
 * language, so building a rule set never compiles all of them) and kept
 * until the catalog is freed. Threads share a catalog: filling a slot is
 * a compare-and-swap, and a compiled template never changes. */
#ifndef RL_MESSAGES_H
#define RL_MESSAGES_H

#include "lang.h"
#include "template.h"

typedef enum rl_msg {
    /* the kinds' default messages */
    RL_MSG_SUM,
    RL_MSG_RATIO,
    RL_MSG_AVERAGE,
    RL_MSG_THRESHOLD_MIN,
    RL_MSG_THRESHOLD_MAX,
    RL_MSG_THRESHOLD_XMIN,
    RL_MSG_THRESHOLD_XMAX,
    RL_MSG_DEADLINE_LATE,
    RL_MSG_DEADLINE_OVERDUE,
    RL_MSG_PATTERN_NOMATCH,
    RL_MSG_PATTERN_LIMIT,
    RL_MSG_PATTERN_TYPE,
    RL_MSG_UNIQUE,
    RL_MSG_EXPR_FALSE,
    RL_MSG_EXPR_TYPE,
    RL_MSG_SCHEMA,
    RL_MSG_CADENCE_MISSING_DAY,
    RL_MSG_CADENCE_MISSING_WEEK,
    RL_MSG_CADENCE_MISSING_MONTH,
    RL_MSG_CADENCE_MISSING_MORE,
    RL_MSG_CADENCE_WRONG_WEEKDAY,
    RL_MSG_CADENCE_WRONG_MONTHDAY,
    RL_MSG_CADENCE_DUP_DAY,
    RL_MSG_CADENCE_DUP_WEEK,
    RL_MSG_CADENCE_DUP_MONTH,
    RL_MSG_CADENCE_NOT_DAY,
    /* the engine's own messages */
    RL_MSG_MISSING_DATA,
    RL_MSG_EVAL_ERROR,
    RL_MSG_ZERO_DIVISOR,
    RL_MSG_INVALID_JSON,
    RL_MSG_CANNOT_OPEN,
    RL_MSG_CANNOT_READ,
    RL_MSG_AS_OF_NOT_DATE,
    RL_MSG_MORE_VIOLATIONS,    /* {count} {limit} */
    RL_MSG_TIMEOUT,            /* {seconds} {rule} */
    RL_MSG_TIMEOUT_READING,    /* {seconds}: stopped before the report was parsed */
    RL_MSG_MEMORY,             /* {max} {rule}: past --max-memory */
    RL_MSG_MEMORY_READING,     /* {max}: past --max-memory while it was read */
    RL_MSG_LOCALE_UNKNOWN,     /* report.locale is not supported: {detail} */
    RL_MSG_LOCALE_NOT_NAME,    /* report.locale is not a name: {detail} (the supported ones) */
    RL_MSG_LOCALE_FLAG,        /* --locale is not supported: {detail} */
    RL_MSG_DUPLICATE_KEY,      /* {key} {first} {used} */
    RL_MSG_RULE_NEVER_APPLIED, /* {rule} {evaluations} */
    RL_MSG_SUMMARY,
    RL_MSG_RULE_COUNTS, /* -v: one rule's {evaluations}: {passed} ... {not_applicable} */
    /* words: weekday names (Monday first), then "on Mondays" forms */
    RL_MSG_DAY_NAME_1,
    RL_MSG_DAY_NAME_2,
    RL_MSG_DAY_NAME_3,
    RL_MSG_DAY_NAME_4,
    RL_MSG_DAY_NAME_5,
    RL_MSG_DAY_NAME_6,
    RL_MSG_DAY_NAME_7,
    RL_MSG_ON_DAYS_1,
    RL_MSG_ON_DAYS_2,
    RL_MSG_ON_DAYS_3,
    RL_MSG_ON_DAYS_4,
    RL_MSG_ON_DAYS_5,
    RL_MSG_ON_DAYS_6,
    RL_MSG_ON_DAYS_7,
    /* words of the text format: a clean file, the by-rule heading, -v's rules */
    RL_MSG_WORD_FILE_OK,
    RL_MSG_WORD_BY_RULE,
    RL_MSG_WORD_RULES_RUN,
    /* words of deadline messages ({state}): done late, still open */
    RL_MSG_WORD_LATE,
    RL_MSG_WORD_OVERDUE,
    /* words of the HTML page (output_html.c): headings, labels, notes */
    RL_MSG_HTML_TITLE,
    RL_MSG_HTML_SKIP,
    RL_MSG_HTML_SUMMARY,
    RL_MSG_HTML_CHART_RULES,
    RL_MSG_HTML_CHART_FILES,
    RL_MSG_HTML_FILTERS,
    RL_MSG_HTML_SEVERITY,
    RL_MSG_HTML_RULE,
    RL_MSG_HTML_FILE,
    RL_MSG_HTML_ALL,
    RL_MSG_HTML_SHOWN,
    RL_MSG_HTML_BY_FILE,
    RL_MSG_HTML_POSITION,
    RL_MSG_HTML_POINTER,
    RL_MSG_HTML_FIGURES,
    RL_MSG_HTML_SOURCE,
    RL_MSG_HTML_NO_SOURCE,
    RL_MSG_HTML_RULES,
    RL_MSG_HTML_TITLE_COL,
    RL_MSG_HTML_EVALUATIONS,
    RL_MSG_HTML_PASSED,
    RL_MSG_HTML_FAILED,
    RL_MSG_HTML_NOT_APPLICABLE,
    RL_MSG_HTML_VIOLATIONS,
    RL_MSG_HTML_CLEAN_FILES,
    RL_MSG_HTML_FILES_NAV,
    RL_MSG_HTML_NONE,
    RL_MSG_HTML_LONG_LINE,
    /* nouns counted in the summary line */
    RL_MSG_NOUN_VIOLATION,
    RL_MSG_NOUN_ERROR,
    RL_MSG_NOUN_WARNING,
    RL_MSG_NOUN_INFO,
    RL_MSG_NOUN_FILE,
    RL_MSG_NOUN_RULE,
    RL_MSG_NOUN_EVALUATION,
    RL_MSG_COUNT
} rl_msg;

/* The first word and noun ids (for tests and lookups). */
#define RL_MSG_FIRST_WORD RL_MSG_DAY_NAME_1
#define RL_MSG_FIRST_NOUN RL_MSG_NOUN_VIOLATION

/* The per-language tables (one file each). */
extern const char *const rl_messages_en[RL_MSG_COUNT];
extern const char *const rl_messages_vi[RL_MSG_COUNT];
extern const char *const rl_messages_id[RL_MSG_COUNT];
extern const char *const rl_messages_ru[RL_MSG_COUNT];
extern const char *const rl_messages_nb[RL_MSG_COUNT];

/* The text of a message as written in a language's table ("" if absent). */
const char *rl_msg_text(rl_msg id, rl_lang lang);

/* Append "N noun" for a counted noun, in the plural form N takes. */
void rl_msg_count(rl_sbuf *out, rl_msg noun, rl_lang lang, uint64_t n);

/* The placeholder names of a template text ({name}; {{ and }} are braces),
 * as a malloc'd NULL-terminated array of malloc'd names; NULL when out of
 * memory. Free with rl_msg_names_free. */
char **rl_msg_names(const char *text);
void rl_msg_names_free(char **names);

typedef struct rl_catalog rl_catalog;

/* An empty catalog; NULL (err set) when out of memory. */
rl_catalog *rl_catalog_new(rl_error *err);
void rl_catalog_free(rl_catalog *c);

/* The compiled template, compiled now on its first use; NULL for an
 * unknown id or language, or when out of memory. */
const rl_template *rl_catalog_get(const rl_catalog *c, rl_msg id, rl_lang lang);

/* Compile every message in every language now: 0, or -1 (err says which
 * message) when a text does not compile — a bug the unit tests catch. */
int rl_catalog_compile_all(const rl_catalog *c, rl_error *err);

/* Expand a message with figures into out. c may be NULL: the one template
 * is then compiled for this call (for writers that have no rule set). */
void rl_catalog_expand(const rl_catalog *c, rl_msg id, rl_lang lang, const rl_fig *figs,
                       size_t n_figs, rl_sbuf *out);

/* A figure's name in words in lang, for pages people read ("days_late"
 * -> "số ngày trễ" in vi); NULL for a name the engine does not give
 * (messages_figures.c). */
const char *rl_figure_label(const char *name, rl_lang lang);
/* A figure value that is a machine word (`status` `overdue`) in words in
 * lang ("quá hạn"); NULL for any other value (messages_figures.c). */
const char *rl_figure_value_word(const char *name, const char *value, rl_lang lang);
/* The i-th name with a label, in sorted order; NULL past the last (tests). */
const char *rl_figure_name_at(size_t i);

#endif
