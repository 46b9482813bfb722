/* messages_nb.c — the Norwegian Bokmål messages (see messages.h). Numbers
 * in them are written with a decimal comma; dates stay ISO (2025-09-10). */
#include "messages.h"

const char *const rl_messages_nb[RL_MSG_COUNT] = {
    [RL_MSG_SUM] = "totalen er {actual}, men delene summerer seg til {expected} "
                   "(avvik {imbalance})",
    [RL_MSG_RATIO] = "oppgitt {actual}, men {numerator} / {denominator} × {scale} = {expected} "
                     "(avvik {imbalance}, toleranse {tolerance})",
    [RL_MSG_AVERAGE] = "oppgitt gjennomsnitt er {actual}, forventet {expected} = {total} / "
                       "{count} (avvik {imbalance})",
    [RL_MSG_THRESHOLD_MIN] = "{value} er under nedre grense {min}",
    [RL_MSG_THRESHOLD_MAX] = "{value} er over øvre grense {max}",
    [RL_MSG_THRESHOLD_XMIN] = "{value} er ikke over nedre grense {min} (grensen er eksklusiv)",
    [RL_MSG_THRESHOLD_XMAX] = "{value} er ikke under øvre grense {max} (grensen er eksklusiv)",
    [RL_MSG_DEADLINE_LATE] =
        "fullført {done}: {days_late} {days_late|dag|dager} for sent (fristen var {due})",
    [RL_MSG_DEADLINE_OVERDUE] =
        "fortsatt ikke fullført per {as_of}: {days_late} {days_late|dag|dager} over fristen (fristen var {due})",
    [RL_MSG_PATTERN_NOMATCH] = "'{value}' samsvarer ikke med mønsteret {regex}",
    [RL_MSG_PATTERN_LIMIT] = "grensen for mønstersøk ble overskredet da {regex} ble prøvd mot "
                             "verdien (regnes som brudd)",
    [RL_MSG_PATTERN_TYPE] = "{value} er verken tekst eller tall og kan derfor ikke samsvare med "
                            "{regex}",
    [RL_MSG_UNIQUE] = "duplisert nøkkel {key} (første gang i {first})",
    [RL_MSG_EXPR_FALSE] = "betingelsen er ikke oppfylt: {assert}",
    [RL_MSG_EXPR_TYPE] = "betingelsen {assert} ga {value}, ikke true eller false",
    [RL_MSG_SCHEMA] = "{detail} (skjema {schema})",
    [RL_MSG_CADENCE_MISSING_DAY] = "ingen rapport levert for {period_start}",
    [RL_MSG_CADENCE_MISSING_WEEK] = "ingen rapport levert i uken {period_start} (mandag) til "
                                    "{period_end}",
    [RL_MSG_CADENCE_MISSING_MONTH] = "ingen rapport levert i måneden {period} ({period_start} til "
                                     "{period_end})",
    [RL_MSG_CADENCE_MISSING_MORE] =
        "{count} {count|periode|perioder} til uten levert rapport fram til {period_end} (ikke listet opp enkeltvis)",
    [RL_MSG_CADENCE_WRONG_WEEKDAY] = "{date} er en {day_name}; rapportene skal leveres på "
                                     "{due_days}",
    [RL_MSG_CADENCE_WRONG_MONTHDAY] = "{date} er den {day}. i måneden; rapportene skal leveres "
                                      "den {expected_day}. hver måned",
    [RL_MSG_CADENCE_DUP_DAY] = "{count} rapporter levert for {period_start}; én var forventet",
    [RL_MSG_CADENCE_DUP_WEEK] = "{count} rapporter levert i uken {period_start} (mandag) til "
                                "{period_end}; én var forventet",
    [RL_MSG_CADENCE_DUP_MONTH] = "{count} rapporter levert i måneden {period} ({period_start} "
                                 "til {period_end}); én var forventet",
    [RL_MSG_CADENCE_NOT_DAY] = "innleveringsdatoen '{value}' er en periode, ikke en dag",
    [RL_MSG_MISSING_DATA] =
        "data mangler i {item}: {missing} mangler, så {field} ({expr}) har ingen verdi",
    [RL_MSG_EVAL_ERROR] = "kan ikke beregne {expr}: {detail}",
    [RL_MSG_ZERO_DIVISOR] =
        "i {item}: {field} ({expr}) er 0, så den oppgitte verdien {actual} kan ikke kontrolleres (divisjon med null)",
    [RL_MSG_INVALID_JSON] = "ugyldig JSON: {detail}",
    [RL_MSG_CANNOT_OPEN] = "kan ikke åpne filen: {detail}",
    [RL_MSG_CANNOT_READ] = "kan ikke lese filen: {detail}",
    [RL_MSG_AS_OF_NOT_DATE] = "as_of er ikke en dato: {detail}",
    [RL_MSG_MORE_VIOLATIONS] =
        "brudd som ikke vises: {count} til (grensen er {limit} per rapport, --max-violations)",
    [RL_MSG_TIMEOUT] =
        "kontrollen ble stoppet etter {seconds} s (--timeout) ved regelen {rule}: rapporten ble ikke kontrollert helt",
    [RL_MSG_TIMEOUT_READING] =
        "kontrollen ble stoppet etter {seconds} s (--timeout) under lesing av rapporten: den ble ikke kontrollert",
    [RL_MSG_MEMORY] =
        "kontrollen ble stoppet: rapporten trengte mer enn {max} byte minne (--max-memory) ved regelen {rule}: den ble ikke kontrollert helt",
    [RL_MSG_MEMORY_READING] =
        "kontrollen ble stoppet: rapporten trengte mer enn {max} byte minne (--max-memory) under lesing: den ble ikke kontrollert",
    [RL_MSG_LOCALE_UNKNOWN] = "report.locale: {detail}; rapporten kontrolleres ikke",
    [RL_MSG_LOCALE_NOT_NAME] =
        "report.locale må være navnet på en lokalitet, for eksempel \"vi\" (støttet: {detail}); rapporten kontrolleres ikke",
    [RL_MSG_LOCALE_FLAG] = "--locale: {detail}; rapporten kontrolleres ikke",
    [RL_MSG_DUPLICATE_KEY] =
        "duplisert nøkkel '{key}' (først ved {first}); reglene leser den siste, ved {used}",
    [RL_MSG_RULE_NEVER_APPLIED] =
        "regelen {rule} ble aldri brukt i denne kjøringen (evalueringer: {evaluations}; ingen bestått eller feilet): sjekk each, when og stiene",
    [RL_MSG_SUMMARY] = "{violations} ({errors}, {warnings}, {infos}) i {files}; {rules}, "
                       "{evaluations}: {passed} bestått, {failed} ikke bestått, {not_applicable} "
                       "ikke relevante",
    [RL_MSG_RULE_COUNTS] =
        "{evaluations}: {passed} bestått, {failed} ikke bestått, {not_applicable} ikke relevante",
    [RL_MSG_DAY_NAME_1] = "mandag",
    [RL_MSG_DAY_NAME_2] = "tirsdag",
    [RL_MSG_DAY_NAME_3] = "onsdag",
    [RL_MSG_DAY_NAME_4] = "torsdag",
    [RL_MSG_DAY_NAME_5] = "fredag",
    [RL_MSG_DAY_NAME_6] = "lørdag",
    [RL_MSG_DAY_NAME_7] = "søndag",
    [RL_MSG_ON_DAYS_1] = "mandager",
    [RL_MSG_ON_DAYS_2] = "tirsdager",
    [RL_MSG_ON_DAYS_3] = "onsdager",
    [RL_MSG_ON_DAYS_4] = "torsdager",
    [RL_MSG_ON_DAYS_5] = "fredager",
    [RL_MSG_ON_DAYS_6] = "lørdager",
    [RL_MSG_ON_DAYS_7] = "søndager",
    [RL_MSG_WORD_FILE_OK] = "ingen brudd",
    [RL_MSG_WORD_BY_RULE] = "brudd per regel:",
    [RL_MSG_WORD_RULES_RUN] = "regler kjørt",
    [RL_MSG_WORD_LATE] = "for sent",
    [RL_MSG_WORD_OVERDUE] = "over fristen",
    [RL_MSG_HTML_TITLE] = "reportlint-rapport",
    [RL_MSG_HTML_SKIP] = "Gå til bruddene",
    [RL_MSG_HTML_SUMMARY] = "Sammendrag",
    [RL_MSG_HTML_CHART_RULES] = "Brudd per regel",
    [RL_MSG_HTML_CHART_FILES] = "Brudd per fil",
    [RL_MSG_HTML_FILTERS] = "Filtrer bruddene",
    [RL_MSG_HTML_SEVERITY] = "Alvorlighet",
    [RL_MSG_HTML_RULE] = "Regel",
    [RL_MSG_HTML_FILE] = "Fil",
    [RL_MSG_HTML_ALL] = "alle",
    [RL_MSG_HTML_SHOWN] = "Vist",
    [RL_MSG_HTML_BY_FILE] = "Brudd i hver fil",
    [RL_MSG_HTML_POSITION] = "Linje:kolonne",
    [RL_MSG_HTML_POINTER] = "Plassering i dataene",
    [RL_MSG_HTML_FIGURES] = "Tall",
    [RL_MSG_HTML_SOURCE] = "Linjer i rapporten",
    [RL_MSG_HTML_NO_SOURCE] =
        "Rapportens tekst vises ikke: den ble lest fra standard inn eller kan ikke leses lenger.",
    [RL_MSG_HTML_RULES] = "Resultater per regel",
    [RL_MSG_HTML_TITLE_COL] = "Tittel",
    [RL_MSG_HTML_EVALUATIONS] = "Evalueringer",
    [RL_MSG_HTML_PASSED] = "Bestått",
    [RL_MSG_HTML_FAILED] = "Ikke bestått",
    [RL_MSG_HTML_NOT_APPLICABLE] = "Ikke aktuelt",
    [RL_MSG_HTML_VIOLATIONS] = "Brudd",
    [RL_MSG_HTML_CLEAN_FILES] = "Filer uten brudd",
    [RL_MSG_HTML_FILES_NAV] = "Filer",
    [RL_MSG_HTML_NONE] = "Ingen brudd.",
    [RL_MSG_HTML_LONG_LINE] = "(linjen er for lang til å vises)",
    [RL_MSG_NOUN_VIOLATION] = "brudd|brudd",
    [RL_MSG_NOUN_ERROR] = "feil|feil",
    [RL_MSG_NOUN_WARNING] = "advarsel|advarsler",
    [RL_MSG_NOUN_INFO] = "merknad|merknader",
    [RL_MSG_NOUN_FILE] = "fil|filer",
    [RL_MSG_NOUN_RULE] = "regel|regler",
    [RL_MSG_NOUN_EVALUATION] = "kontroll|kontroller",
};
