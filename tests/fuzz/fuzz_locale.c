/* fuzz_locale.c — the readers of numbers and dates written in a report's
 * locale (locale_number.c through rl_number_parse, locale_date.c), fed the
 * same bytes in every supported locale: any text reads as a value or gives
 * an error quoting it, never a crash, an overflow or a hang. */
#include "fuzz.h"
#include "date.h"
#include "locales.h"
#include "number.h"
#include "value.h"

#include <stdlib.h>

static const char *const locales[] = {"en", "vi", "id", "ru", "nb", "vi-VN", "no"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
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
