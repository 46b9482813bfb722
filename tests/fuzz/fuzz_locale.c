/* fuzz_locale.c — the readers of numbers and dates written in a report's
 * locale (locale_number.c through rl_number_parse, locale_date.c), fed the
 * same bytes in every supported locale, and the period reader (2025-Q3,
 * 2025-W53, 2025: date.c) with the period arithmetic on what it reads
 * (period.c): any text reads as a value or gives an error quoting it,
 * never a crash, an overflow or a hang, and a period read back from its
 * own label is the same period. */
#include "fuzz.h"
#include "date.h"
#include "locales.h"
#include "number.h"
#include "period.h"
#include "value.h"

#include <stdlib.h>

static const char *const locales[] = {"en", "vi", "id", "ru", "nb", "vi-VN", "no"};

/* A period read from s: its label reads back as itself; it can be moved. */
static void periods(const char *s, size_t size)
{
    rl_date_spec spec;
    rl_date d, r;
    char why[96];
    if (!rl_date_parse_period(s, size, &spec)) {
        rl_date_period_problem(s, size, why, sizeof why);
        return;
    }
    if (!rl_date_resolve(&spec, 2025, &d))
        return;
    if (rl_date_last_day(d) < d.days)
        abort();
    rl_sbuf b = RL_SBUF_INIT;
    rl_date_format(&b, d);
    rl_date again;
    if (!rl_date_parse_period(rl_sbuf_str(&b), b.len, &spec) || !rl_date_resolve(&spec, 2025, &again) ||
        again.days != d.days || again.precision != d.precision)
        abort(); /* a period's label names that period */
    rl_sbuf_free(&b);
    int64_t n = size ? (int8_t)s[size - 1] : 1;
    if (rl_period_shift(d, n, &r) && rl_period_shift(r, -n, &again) && again.days != d.days)
        abort(); /* moving there and back is the identity */
    rl_date_add_months(d, n, &r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    periods(s, size);
    for (size_t i = 0; i < sizeof locales / sizeof *locales; i++) {
        rl_value v;
        rl_error err = {0};
        rl_value_set_null(&v);
        rl_number_parse(s, size, locales[i], &v, &err);

        const rl_locale *loc = rl_locale_find(locales[i]);
        if (!loc)
            abort(); /* every name above is supported */
        rl_date_spec spec;
        if (rl_locale_read_date(loc, s, size, &spec) == RL_LDATE_OK) {
            rl_date d;
            rl_date_resolve(&spec, 2025, &d);
        }
    }
    return 0;
}
