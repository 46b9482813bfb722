/* messages_ru.c — the Russian messages (see messages.h). Numbers in them
 * are written with a decimal comma; dates stay ISO (2025-09-10). Counts
 * that would need a noun in the right case are put after a colon
 * ("дней просрочки: 5"), so one text fits every number; the summary's
 * nouns have their three plural forms (one|few|many). */
#include "messages.h"

const char *const rl_messages_ru[RL_MSG_COUNT] = {
    [RL_MSG_SUM] = "итог равен {actual}, но сумма составляющих равна {expected} "
                   "(расхождение {imbalance})",
    [RL_MSG_RATIO] = "указано {actual}, но {numerator} / {denominator} × {scale} = {expected} "
                     "(расхождение {imbalance}, допуск {tolerance})",
    [RL_MSG_AVERAGE] = "указано среднее {actual}, ожидалось {expected} = {total} / {count} "
                       "(расхождение {imbalance})",
    [RL_MSG_THRESHOLD_MIN] = "{value} ниже минимального значения {min}",
    [RL_MSG_THRESHOLD_MAX] = "{value} выше максимального значения {max}",
    [RL_MSG_THRESHOLD_XMIN] = "{value} не превышает строгий минимум {min}",
    [RL_MSG_THRESHOLD_XMAX] = "{value} не ниже строгого максимума {max}",
    [RL_MSG_DEADLINE_LATE] =
        "выполнено {done}: с опозданием на {days_late} {days_late|день|дня|дней} (срок {due})",
    [RL_MSG_DEADLINE_OVERDUE] =
        "по состоянию на {as_of} не выполнено: просрочено на {days_late} {days_late|день|дня|дней} (срок {due})",
    [RL_MSG_PATTERN_NOMATCH] = "'{value}' не соответствует шаблону {regex}",
    [RL_MSG_PATTERN_LIMIT] = "превышен лимит при сопоставлении значения с шаблоном {regex} "
                             "(считается нарушением)",
    [RL_MSG_PATTERN_TYPE] = "{value} не является строкой или числом и не может соответствовать "
                            "шаблону {regex}",
    [RL_MSG_UNIQUE] = "повторяющийся ключ {key} (впервые встречается в {first})",
    [RL_MSG_EXPR_FALSE] = "условие не выполнено: {assert}",
    [RL_MSG_EXPR_TYPE] = "условие {assert} дало {value}, а не true или false",
    [RL_MSG_SCHEMA] = "{detail} (схема {schema})",
    [RL_MSG_CADENCE_MISSING_DAY] = "за {period_start} отчёт не представлен",
    [RL_MSG_CADENCE_MISSING_WEEK] = "за неделю с {period_start} (понедельник) по {period_end} "
                                    "отчёт не представлен",
    [RL_MSG_CADENCE_MISSING_MONTH] = "за месяц {period} (с {period_start} по {period_end}) "
                                     "отчёт не представлен",
    [RL_MSG_CADENCE_MISSING_MORE] =
        "ещё {count} {count|период|периода|периодов} без отчёта по {period_end} (по отдельности не перечислены)",
    [RL_MSG_CADENCE_WRONG_WEEKDAY] = "{date} — {day_name}; отчёты сдаются {due_days}",
    [RL_MSG_CADENCE_WRONG_MONTHDAY] = "{date} — {day}-е число месяца; отчёты сдаются "
                                      "{expected_day}-го числа",
    [RL_MSG_CADENCE_DUP_DAY] = "за {period_start} представлено отчётов: {count} "
                               "(ожидался один)",
    [RL_MSG_CADENCE_DUP_WEEK] = "за неделю с {period_start} (понедельник) по {period_end} "
                                "представлено отчётов: {count} (ожидался один)",
    [RL_MSG_CADENCE_DUP_MONTH] = "за месяц {period} (с {period_start} по {period_end}) "
                                 "представлено отчётов: {count} (ожидался один)",
    [RL_MSG_CADENCE_NOT_DAY] = "дата отчёта '{value}' обозначает период, а не день",
    [RL_MSG_MISSING_DATA] =
        "нет данных в {item}: {missing} отсутствует, поэтому {field} ({expr}) не имеет значения",
    [RL_MSG_EVAL_ERROR] = "не удалось вычислить {expr}: {detail}",
    [RL_MSG_ZERO_DIVISOR] =
        "в {item}: {field} ({expr}) равно 0, поэтому указанное значение {actual} проверить нельзя (деление на ноль)",
    [RL_MSG_INVALID_JSON] = "некорректный JSON: {detail}",
    [RL_MSG_CANNOT_OPEN] = "не удалось открыть файл: {detail}",
    [RL_MSG_CANNOT_READ] = "не удалось прочитать файл: {detail}",
    [RL_MSG_AS_OF_NOT_DATE] = "as_of не является датой: {detail}",
    [RL_MSG_MORE_VIOLATIONS] =
        "нарушения не показаны: ещё {count} (предел — {limit} на отчёт, --max-violations)",
    [RL_MSG_TIMEOUT] =
        "проверка остановлена через {seconds} с (--timeout) на правиле {rule}: отчёт проверен не полностью",
    [RL_MSG_TIMEOUT_READING] =
        "проверка остановлена через {seconds} с (--timeout) при чтении отчёта: отчёт не проверен",
    [RL_MSG_MEMORY] =
        "проверка остановлена: отчёту нужно больше {max} байт памяти (--max-memory) на правиле {rule}: отчёт проверен не полностью",
    [RL_MSG_MEMORY_READING] =
        "проверка остановлена: отчёту нужно больше {max} байт памяти (--max-memory) при чтении: отчёт не проверен",
    [RL_MSG_LOCALE_UNKNOWN] = "report.locale: {detail}; отчёт не проверяется",
    [RL_MSG_LOCALE_NOT_NAME] =
        "report.locale должен быть названием локали, например \"vi\" (поддерживаются: {detail}); отчёт не проверяется",
    [RL_MSG_LOCALE_FLAG] = "--locale: {detail}; отчёт не проверяется",
    [RL_MSG_DUPLICATE_KEY] =
        "повторяющийся ключ '{key}' (впервые в {first}); правила читают последнее значение, в {used}",
    [RL_MSG_RULE_NEVER_APPLIED] =
        "правило {rule} ни разу не применилось в этом запуске (проверок: {evaluations}; ни одна не пройдена и не провалена): проверьте each, when и пути",
    [RL_MSG_SUMMARY] = "{violations} ({errors}, {warnings}, {infos}) в {files}; {rules}, "
                       "{evaluations}: успешно {passed}, с нарушениями {failed}, неприменимо "
                       "{not_applicable}",
    [RL_MSG_RULE_COUNTS] =
        "{evaluations}: успешно {passed}, с нарушениями {failed}, неприменимо {not_applicable}",
    [RL_MSG_DAY_NAME_1] = "понедельник",
    [RL_MSG_DAY_NAME_2] = "вторник",
    [RL_MSG_DAY_NAME_3] = "среда",
    [RL_MSG_DAY_NAME_4] = "четверг",
    [RL_MSG_DAY_NAME_5] = "пятница",
    [RL_MSG_DAY_NAME_6] = "суббота",
    [RL_MSG_DAY_NAME_7] = "воскресенье",
    [RL_MSG_ON_DAYS_1] = "по понедельникам",
    [RL_MSG_ON_DAYS_2] = "по вторникам",
    [RL_MSG_ON_DAYS_3] = "по средам",
    [RL_MSG_ON_DAYS_4] = "по четвергам",
    [RL_MSG_ON_DAYS_5] = "по пятницам",
    [RL_MSG_ON_DAYS_6] = "по субботам",
    [RL_MSG_ON_DAYS_7] = "по воскресеньям",
    [RL_MSG_WORD_FILE_OK] = "нарушений нет",
    [RL_MSG_WORD_BY_RULE] = "нарушения по правилам:",
    [RL_MSG_WORD_RULES_RUN] = "выполненные правила",
    [RL_MSG_WORD_LATE] = "выполнено с опозданием",
    [RL_MSG_WORD_OVERDUE] = "просрочено",
    [RL_MSG_HTML_TITLE] = "Отчёт reportlint",
    [RL_MSG_HTML_SKIP] = "Перейти к нарушениям",
    [RL_MSG_HTML_SUMMARY] = "Сводка",
    [RL_MSG_HTML_CHART_RULES] = "Нарушения по правилам",
    [RL_MSG_HTML_CHART_FILES] = "Нарушения по файлам",
    [RL_MSG_HTML_FILTERS] = "Фильтр нарушений",
    [RL_MSG_HTML_SEVERITY] = "Серьёзность",
    [RL_MSG_HTML_RULE] = "Правило",
    [RL_MSG_HTML_FILE] = "Файл",
    [RL_MSG_HTML_ALL] = "все",
    [RL_MSG_HTML_SHOWN] = "Показано",
    [RL_MSG_HTML_BY_FILE] = "Нарушения в каждом файле",
    [RL_MSG_HTML_POSITION] = "Строка:столбец",
    [RL_MSG_HTML_POINTER] = "Место в данных",
    [RL_MSG_HTML_FIGURES] = "Показатели",
    [RL_MSG_HTML_SOURCE] = "Строки отчёта",
    [RL_MSG_HTML_NO_SOURCE] =
        "Текст отчёта не показан: он прочитан из стандартного ввода или больше не читается.",
    [RL_MSG_HTML_RULES] = "Результаты по правилам",
    [RL_MSG_HTML_TITLE_COL] = "Название",
    [RL_MSG_HTML_EVALUATIONS] = "Проверки",
    [RL_MSG_HTML_PASSED] = "Пройдено",
    [RL_MSG_HTML_FAILED] = "Не пройдено",
    [RL_MSG_HTML_NOT_APPLICABLE] = "Неприменимо",
    [RL_MSG_HTML_VIOLATIONS] = "Нарушения",
    [RL_MSG_HTML_CLEAN_FILES] = "Файлы без нарушений",
    [RL_MSG_HTML_FILES_NAV] = "Файлы",
    [RL_MSG_HTML_NONE] = "Нарушений нет.",
    [RL_MSG_HTML_LONG_LINE] = "(строка слишком длинная для показа)",
    [RL_MSG_NOUN_VIOLATION] = "нарушение|нарушения|нарушений",
    [RL_MSG_NOUN_ERROR] = "ошибка|ошибки|ошибок",
    [RL_MSG_NOUN_WARNING] = "предупреждение|предупреждения|предупреждений",
    [RL_MSG_NOUN_INFO] = "замечание|замечания|замечаний",
    [RL_MSG_NOUN_FILE] = "файле|файлах|файлах", /* after "в": prepositional case */
    [RL_MSG_NOUN_RULE] = "правило|правила|правил",
    [RL_MSG_NOUN_EVALUATION] = "проверка|проверки|проверок",
};
