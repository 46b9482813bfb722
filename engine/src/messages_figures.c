/* messages_figures.c — figure names in words, for pages people read.
 *
 * A violation's figures have fixed machine names (`actual`, `days_late`:
 * DESIGN.md, the JSON output's keys). The HTML page is for people and is
 * written in --lang, so it labels each figure with the words here; the
 * machine formats keep the names. One row per name the engine gives a
 * figure (every kind's placeholders and the collection rules' `group`),
 * sorted by name for bsearch, each with a label in every language. A name
 * missing here (a rule's own `figures`) shows as it is.
 *
 * A few figures hold a machine word as their value (`status`: `late`,
 * `overdue`); those values have a word in every language too (value_rows).
 *
 * Invariant: rows sorted by name, every label non-empty (test_messages.c
 * holds them to that and checks that every kind's figure has a row). */
#include "messages.h"

#include <stdlib.h>
#include <string.h>

typedef struct figure_row {
    const char *name;
    const char *label[RL_LANG_COUNT]; /* en, vi, id, ru, nb */
} figure_row;

/* clang-format off */
static const figure_row rows[] = {
    {"actual",       {"actual", "thực tế", "aktual", "фактически", "faktisk"}},
    {"as_of",        {"as of", "tính đến", "per tanggal", "по состоянию на", "per"}},
    {"assert",       {"condition", "điều kiện", "kondisi", "условие", "betingelse"}},
    {"count",        {"count", "số lượng", "jumlah", "количество", "antall"}},
    {"date",         {"date", "ngày", "tanggal", "дата", "dato"}},
    {"day",          {"day", "ngày", "hari", "день", "dag"}},
    {"day_name",     {"weekday", "thứ", "nama hari", "день недели", "ukedag"}},
    {"days_late",    {"days late", "số ngày trễ", "hari terlambat", "дней просрочки", "dager forsinket"}},
    {"denominator",  {"denominator", "mẫu số", "penyebut", "знаменатель", "nevner"}},
    {"detail",       {"detail", "chi tiết", "rincian", "подробности", "detalj"}},
    {"done",         {"done", "hoàn thành", "selesai", "выполнено", "utført"}},
    {"due",          {"due", "hạn", "tenggat", "срок", "frist"}},
    {"due_days",     {"due days", "ngày đến hạn", "hari tenggat", "дни срока", "fristdager"}},
    {"expected",     {"expected", "kỳ vọng", "diharapkan", "ожидается", "forventet"}},
    {"expected_day", {"expected day", "ngày dự kiến", "hari yang diharapkan", "ожидаемый день", "forventet dag"}},
    {"first",        {"first", "lần đầu", "pertama", "впервые", "første"}},
    {"group",        {"group", "nhóm", "kelompok", "группа", "gruppe"}},
    {"imbalance",    {"imbalance", "chênh lệch", "selisih", "расхождение", "avvik"}},
    {"key",          {"key", "khóa", "kunci", "ключ", "nøkkel"}},
    {"keyword",      {"keyword", "từ khóa", "kata kunci", "ключевое слово", "nøkkelord"}},
    {"max",          {"maximum", "tối đa", "maksimum", "максимум", "maksimum"}},
    {"min",          {"minimum", "tối thiểu", "minimum", "минимум", "minimum"}},
    {"numerator",    {"numerator", "tử số", "pembilang", "числитель", "teller"}},
    {"period",       {"period", "kỳ", "periode", "период", "periode"}},
    {"period_end",   {"period end", "cuối kỳ", "akhir periode", "конец периода", "periodeslutt"}},
    {"period_start", {"period start", "đầu kỳ", "awal periode", "начало периода", "periodestart"}},
    {"regex",        {"pattern", "mẫu", "pola", "шаблон", "mønster"}},
    {"scale",        {"scale", "hệ số", "skala", "масштаб", "skala"}},
    {"schema",       {"schema", "lược đồ", "skema", "схема", "skjema"}},
    {"state",        {"state", "tình trạng", "keadaan", "состояние", "tilstand"}},
    {"stated",       {"stated", "giá trị khai", "dinyatakan", "заявлено", "oppgitt"}},
    {"status",       {"status", "trạng thái", "status", "статус", "status"}},
    {"tolerance",    {"tolerance", "dung sai", "toleransi", "допуск", "toleranse"}},
    {"total",        {"total", "tổng", "total", "итого", "totalt"}},
    {"value",        {"value", "giá trị", "nilai", "значение", "verdi"}},
    {"weekday",      {"weekday", "thứ", "hari", "день недели", "ukedag"}},
};
/* clang-format on */

static int by_name(const void *key, const void *row)
{
    return strcmp(key, ((const figure_row *)row)->name);
}

const char *rl_figure_label(const char *name, rl_lang lang)
{
    if (!name || (unsigned)lang >= RL_LANG_COUNT)
        return NULL;
    const figure_row *r = bsearch(name, rows, sizeof rows / sizeof rows[0], sizeof rows[0],
                                  by_name);
    return r ? r->label[lang] : NULL;
}

/* Figure values that are machine words, with the message that says them. */
static const struct {
    const char *name, *value;
    rl_msg word;
} value_rows[] = {
    {"status", "late", RL_MSG_WORD_LATE},
    {"status", "overdue", RL_MSG_WORD_OVERDUE},
};

const char *rl_figure_value_word(const char *name, const char *value, rl_lang lang)
{
    if (!name || !value)
        return NULL;
    for (size_t i = 0; i < sizeof value_rows / sizeof value_rows[0]; i++)
        if (strcmp(value_rows[i].name, name) == 0 && strcmp(value_rows[i].value, value) == 0)
            return rl_msg_text(value_rows[i].word, lang);
    return NULL;
}

const char *rl_figure_name_at(size_t i)
{
    return i < sizeof rows / sizeof rows[0] ? rows[i].name : NULL;
}
