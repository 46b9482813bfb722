/* messages.c — the message catalog (see messages.h): looking texts up,
 * counted nouns, and compiling each template once, on its first use.
 *
 * A template is compiled with the placeholder names of its English text,
 * so a translation that names a figure English does not fails to compile
 * (rl_catalog_compile_all, which the unit tests run), never a "?" in front
 * of a user.
 *
 * Invariant: a catalog slot is NULL until its template is compiled, then
 * holds it until rl_catalog_free. Threads that share a catalog may race to
 * fill a slot: each compiles, one compare-and-swap wins, the losers free
 * their copy and use the winner's, so a slot is written at most once. */
#include "messages.h"
#include "array.h"
#include "error.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static const char *const *const tables[RL_LANG_COUNT] = {
    [RL_LANG_EN] = rl_messages_en, [RL_LANG_VI] = rl_messages_vi, [RL_LANG_ID] = rl_messages_id,
    [RL_LANG_RU] = rl_messages_ru, [RL_LANG_NB] = rl_messages_nb,
};

typedef _Atomic(rl_template *) rl_slot;

struct rl_catalog {
    rl_slot *t; /* RL_MSG_COUNT x RL_LANG_COUNT slots, by id then language */
};

const char *rl_msg_text(rl_msg id, rl_lang lang)
{
    if ((unsigned)id >= RL_MSG_COUNT || (unsigned)lang >= RL_LANG_COUNT)
        return "";
    const char *s = tables[lang][id];
    return s ? s : "";
}

void rl_msg_count(rl_sbuf *out, rl_msg noun, rl_lang lang, uint64_t n)
{
    const char *forms = rl_msg_text(noun, lang);
    size_t k = 1;
    for (const char *c = forms; *c; c++)
        k += *c == '|';
    int p = rl_lang_plural(lang, n); /* 0 one, 1 few, 2 many */
    size_t want = k == 1 ? 0 : k == 2 ? (p == 0 ? 0 : 1) : (size_t)p;
    for (size_t i = 0; i < want; i++)
        forms = strchr(forms, '|') + 1;
    const char *end = strchr(forms, '|');
    rl_sbuf_printf(out, "%llu ", (unsigned long long)n);
    rl_sbuf_add(out, forms, end ? (size_t)(end - forms) : strlen(forms));
}

void rl_msg_names_free(char **names)
{
    for (size_t i = 0; names && names[i]; i++)
        free(names[i]);
    free(names);
}

static int push_name(char ***names, size_t *n, const char *s, size_t len)
{
    char **more = rl_array_resize(*names, *n + 2, sizeof *more);
    if (!more)
        return 0;
    *names = more;
    more[*n] = strndup(s, len);
    more[*n + 1] = NULL;
    return more[(*n)++] != NULL;
}

char **rl_msg_names(const char *text)
{
    char **names = calloc(1, sizeof *names);
    size_t n = 0;
    for (const char *c = text; names && *c; c++) {
        if ((c[0] == '{' || c[0] == '}') && c[1] == c[0]) {
            c++;
            continue;
        }
        const char *close = c[0] == '{' ? strchr(c, '}') : NULL;
        if (!close)
            continue;
        size_t len = strcspn(c + 1, "|}"); /* {days|day|days} names days */
        int seen = 0;
        for (size_t i = 0; i < n && !seen; i++)
            seen = strlen(names[i]) == len && memcmp(names[i], c + 1, len) == 0;
        if (!seen && !push_name(&names, &n, c + 1, len)) {
            rl_msg_names_free(names);
            return NULL;
        }
        c = close;
    }
    return names;
}

static rl_template *compile_one(rl_msg id, rl_lang lang, rl_error *err)
{
    char **names = rl_msg_names(rl_msg_text(id, RL_LANG_EN));
    const char *text = rl_msg_text(id, lang);
    rl_template *t = NULL;
    if (!names)
        rl_error_set(err, 0, 0, "out of memory");
    else if (!*text)
        rl_error_set(err, 0, 0, "message %d has no %s text", (int)id, rl_lang_code(lang));
    else if (!(t = rl_template_compile(text, strlen(text), (const char *const *)names, NULL, err)))
        rl_error_prefix(err, "message %d in %s", (int)id, rl_lang_code(lang));
    rl_msg_names_free(names);
    return t;
}

void rl_catalog_free(rl_catalog *c)
{
    if (!c)
        return;
    for (size_t i = 0; c->t && i < (size_t)RL_MSG_COUNT * RL_LANG_COUNT; i++)
        rl_template_free(atomic_load_explicit(&c->t[i], memory_order_acquire));
    free(c->t);
    free(c);
}

rl_catalog *rl_catalog_new(rl_error *err)
{
    rl_catalog *c = calloc(1, sizeof *c);
    if (c && !(c->t = calloc((size_t)RL_MSG_COUNT * RL_LANG_COUNT, sizeof *c->t))) {
        free(c);
        c = NULL;
    }
    if (!c)
        rl_error_set(err, 0, 0, "out of memory");
    for (size_t i = 0; c && i < (size_t)RL_MSG_COUNT * RL_LANG_COUNT; i++)
        atomic_init(&c->t[i], NULL);
    return c;
}

/* The slot's template, compiled now if this is its first use (err set and
 * NULL when it does not compile). */
static const rl_template *slot_template(rl_slot *slot, rl_msg id, rl_lang lang, rl_error *err)
{
    rl_template *t = atomic_load_explicit(slot, memory_order_acquire);
    if (t)
        return t;
    rl_template *mine = compile_one(id, lang, err);
    if (!mine)
        return NULL;
    if (atomic_compare_exchange_strong_explicit(slot, &t, mine, memory_order_acq_rel,
                                                memory_order_acquire))
        return mine;
    rl_template_free(mine); /* another thread filled the slot first: t is its template */
    return t;
}

const rl_template *rl_catalog_get(const rl_catalog *c, rl_msg id, rl_lang lang)
{
    if (!c || (unsigned)id >= RL_MSG_COUNT || (unsigned)lang >= RL_LANG_COUNT)
        return NULL;
    rl_error err = {0};
    return slot_template(&c->t[(size_t)id * RL_LANG_COUNT + lang], id, lang, &err);
}

int rl_catalog_compile_all(const rl_catalog *c, rl_error *err)
{
    for (int id = 0; id < RL_MSG_COUNT; id++)
        for (int l = 0; l < RL_LANG_COUNT; l++)
            if (!slot_template(&c->t[(size_t)id * RL_LANG_COUNT + l], (rl_msg)id, (rl_lang)l, err))
                return -1;
    return 0;
}

void rl_catalog_expand(const rl_catalog *c, rl_msg id, rl_lang lang, const rl_fig *figs,
                       size_t n_figs, rl_sbuf *out)
{
    const rl_template *t = rl_catalog_get(c, id, lang);
    rl_template *own = NULL;
    if (!t) {
        rl_error err = {0};
        t = own = compile_one(id, lang, &err);
    }
    if (t)
        rl_template_expand(t, figs, n_figs, NULL, lang, out);
    rl_template_free(own);
}
