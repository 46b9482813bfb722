/* messages_en.c — the English messages (see messages.h). These are the
 * texts reportlint has always printed: changing one changes every golden
 * case and every user's CI log, so keep them stable. */
#include "messages.h"

const char *const rl_messages_en[RL_MSG_COUNT] = {
    [RL_MSG_SUM] = "total is {actual} but its parts add up to {expected} (imbalance {imbalance})",
    [RL_MSG_RATIO] = "stated {actual}, but {numerator} / {denominator} × {scale} = {expected} "
                     "(imbalance {imbalance}, tolerance {tolerance})",
    [RL_MSG_AVERAGE] = "stated average is {actual}, expected {expected} = {total} / {count} "
                       "(imbalance {imbalance})",
    [RL_MSG_THRESHOLD_MIN] = "{value} is below the minimum {min}",
    [RL_MSG_THRESHOLD_MAX] = "{value} is above the maximum {max}",
    [RL_MSG_THRESHOLD_XMIN] = "{value} is not above the exclusive minimum {min}",
    [RL_MSG_THRESHOLD_XMAX] = "{value} is not below the exclusive maximum {max}",
    [RL_MSG_DEADLINE_LATE] = "done {done}: {days_late} {days_late|day|days} late (deadline {due})",
    [RL_MSG_DEADLINE_OVERDUE] =
        "still open as of {as_of}: {days_late} {days_late|day|days} overdue (deadline {due})",
    [RL_MSG_PATTERN_NOMATCH] = "'{value}' does not match the pattern {regex}",
    [RL_MSG_PATTERN_LIMIT] = "pattern limit exceeded matching {regex} against the value "
                             "(treated as a violation)",
    [RL_MSG_PATTERN_TYPE] = "{value} is not a string or number, so it cannot match {regex}",
    [RL_MSG_UNIQUE] = "duplicate key {key} (first at {first})",
    [RL_MSG_EXPR_FALSE] = "assertion failed: {assert}",
    [RL_MSG_EXPR_TYPE] = "assertion {assert} gave {value}, not true or false",
    [RL_MSG_SCHEMA] = "{detail} (schema {schema})",
    [RL_MSG_CADENCE_MISSING_DAY] = "no submission on {period_start}",
    [RL_MSG_CADENCE_MISSING_WEEK] = "no submission in the week of {period_start} (Monday) to "
                                    "{period_end}",
    [RL_MSG_CADENCE_MISSING_MONTH] = "no submission in the month {period} ({period_start} to "
                                     "{period_end})",
    [RL_MSG_CADENCE_MISSING_MORE] =
        "{count} more {count|period|periods} with no submission, up to {period_end} (not listed one by one)",
    [RL_MSG_CADENCE_WRONG_WEEKDAY] = "{date} is a {day_name}; reports are due on {due_days}",
    [RL_MSG_CADENCE_WRONG_MONTHDAY] = "{date} is day {day} of the month; reports are due on day "
                                      "{expected_day}",
    [RL_MSG_CADENCE_DUP_DAY] = "{count} submissions on {period_start}; one was expected",
    [RL_MSG_CADENCE_DUP_WEEK] = "{count} submissions in the week of {period_start} (Monday) to "
                                "{period_end}; one was expected",
    [RL_MSG_CADENCE_DUP_MONTH] = "{count} submissions in the month {period} ({period_start} to "
                                 "{period_end}); one was expected",
    [RL_MSG_CADENCE_NOT_DAY] = "submission date '{value}' is a period, not a day",
    [RL_MSG_MISSING_DATA] =
        "missing data in {item}: {missing} is missing, so {field} ({expr}) has no value",
    [RL_MSG_EVAL_ERROR] = "cannot evaluate {expr}: {detail}",
    [RL_MSG_ZERO_DIVISOR] =
        "in {item}: {field} ({expr}) is 0, so the stated {actual} cannot be checked (division by zero)",
    [RL_MSG_INVALID_JSON] = "invalid JSON: {detail}",
    [RL_MSG_CANNOT_OPEN] = "cannot open: {detail}",
    [RL_MSG_CANNOT_READ] = "cannot read: {detail}",
    [RL_MSG_AS_OF_NOT_DATE] = "as_of is not a date: {detail}",
    [RL_MSG_MORE_VIOLATIONS] =
        "violations not shown: {count} more (the limit is {limit} per report, --max-violations)",
    [RL_MSG_TIMEOUT] =
        "checking stopped after {seconds} s (--timeout) in rule {rule}: the report was not fully checked",
    [RL_MSG_TIMEOUT_READING] =
        "checking stopped after {seconds} s (--timeout) while reading the report: it was not checked",
    [RL_MSG_MEMORY] =
        "checking stopped: the report needed more than {max} bytes of memory (--max-memory) in rule {rule}: it was not fully checked",
    [RL_MSG_MEMORY_READING] =
        "checking stopped: the report needed more than {max} bytes of memory (--max-memory) while it was read: it was not checked",
    [RL_MSG_LOCALE_UNKNOWN] = "report.locale: {detail}; the report is not checked",
    [RL_MSG_LOCALE_NOT_NAME] =
        "report.locale must be a locale name such as \"vi\" (supported: {detail}); the report is not checked",
    [RL_MSG_LOCALE_FLAG] = "--locale: {detail}; the report is not checked",
    [RL_MSG_DUPLICATE_KEY] =
        "duplicate key '{key}' (first at {first}); rules read the last one, at {used}",
    [RL_MSG_RULE_NEVER_APPLIED] =
        "rule {rule} never applied in this run (evaluations: {evaluations}; none passed or failed): check its each, when and paths",
    [RL_MSG_SUMMARY] = "{violations} ({errors}, {warnings}, {infos}) in {files}; {rules}, "
                       "{evaluations}: {passed} passed, {failed} failed, {not_applicable} not "
                       "applicable",
    [RL_MSG_RULE_COUNTS] =
        "{evaluations}: {passed} passed, {failed} failed, {not_applicable} not applicable",
    [RL_MSG_DAY_NAME_1] = "Monday",
    [RL_MSG_DAY_NAME_2] = "Tuesday",
    [RL_MSG_DAY_NAME_3] = "Wednesday",
    [RL_MSG_DAY_NAME_4] = "Thursday",
    [RL_MSG_DAY_NAME_5] = "Friday",
    [RL_MSG_DAY_NAME_6] = "Saturday",
    [RL_MSG_DAY_NAME_7] = "Sunday",
    [RL_MSG_ON_DAYS_1] = "Mondays",
    [RL_MSG_ON_DAYS_2] = "Tuesdays",
    [RL_MSG_ON_DAYS_3] = "Wednesdays",
    [RL_MSG_ON_DAYS_4] = "Thursdays",
    [RL_MSG_ON_DAYS_5] = "Fridays",
    [RL_MSG_ON_DAYS_6] = "Saturdays",
    [RL_MSG_ON_DAYS_7] = "Sundays",
    [RL_MSG_WORD_FILE_OK] = "ok",
    [RL_MSG_WORD_BY_RULE] = "violations by rule:",
    [RL_MSG_WORD_RULES_RUN] = "rules run",
    [RL_MSG_WORD_LATE] = "late",
    [RL_MSG_WORD_OVERDUE] = "overdue",
    [RL_MSG_HTML_TITLE] = "reportlint report",
    [RL_MSG_HTML_SKIP] = "Skip to the violations",
    [RL_MSG_HTML_SUMMARY] = "Summary",
    [RL_MSG_HTML_CHART_RULES] = "Violations by rule",
    [RL_MSG_HTML_CHART_FILES] = "Violations by file",
    [RL_MSG_HTML_FILTERS] = "Filter the violations",
    [RL_MSG_HTML_SEVERITY] = "Severity",
    [RL_MSG_HTML_RULE] = "Rule",
    [RL_MSG_HTML_FILE] = "File",
    [RL_MSG_HTML_ALL] = "all",
    [RL_MSG_HTML_SHOWN] = "Shown",
    [RL_MSG_HTML_BY_FILE] = "Violations in each file",
    [RL_MSG_HTML_POSITION] = "Line:column",
    [RL_MSG_HTML_POINTER] = "Location in the data",
    [RL_MSG_HTML_FIGURES] = "Figures",
    [RL_MSG_HTML_SOURCE] = "Lines of the report",
    [RL_MSG_HTML_NO_SOURCE] =
        "The report's text is not shown: it was read from standard input or can no longer be read.",
    [RL_MSG_HTML_RULES] = "Results by rule",
    [RL_MSG_HTML_TITLE_COL] = "Title",
    [RL_MSG_HTML_EVALUATIONS] = "Evaluations",
    [RL_MSG_HTML_PASSED] = "Passed",
    [RL_MSG_HTML_FAILED] = "Failed",
    [RL_MSG_HTML_NOT_APPLICABLE] = "Not applicable",
    [RL_MSG_HTML_VIOLATIONS] = "Violations",
    [RL_MSG_HTML_CLEAN_FILES] = "Files without violations",
    [RL_MSG_HTML_FILES_NAV] = "Files",
    [RL_MSG_HTML_NONE] = "No violations.",
    [RL_MSG_HTML_LONG_LINE] = "(line too long to show)",
    [RL_MSG_NOUN_VIOLATION] = "violation|violations",
    [RL_MSG_NOUN_ERROR] = "error|errors",
    [RL_MSG_NOUN_WARNING] = "warning|warnings",
    [RL_MSG_NOUN_INFO] = "info|infos",
    [RL_MSG_NOUN_FILE] = "file|files",
    [RL_MSG_NOUN_RULE] = "rule|rules",
    [RL_MSG_NOUN_EVALUATION] = "evaluation|evaluations",
};
