/* output_common.c — figure formatting and safe text shared by the writers. */
#include "output.h"
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void rounded(rl_sbuf *out, double d)
{
    char buf[48];
    if (!isfinite(d)) {
        rl_sbuf_adds(out, "null");
        return;
    }
    if (fabs(d) >= 1 || d == 0) {
        snprintf(buf, sizeof buf, "%.3f", d);
        char *end = buf + strlen(buf) - 1;
        while (*end == '0')
            *end-- = '\0';
        if (*end == '.')
            *end = '\0';
    } else {
        snprintf(buf, sizeof buf, "%.3g", d);
    }
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    for (char *c = buf; *c; c++) /* a C locale with a decimal comma */
        if (*c == ',')
            *c = '.';
    rl_sbuf_adds(out, buf);
}

void rl_out_figure_json(rl_sbuf *out, const rl_figure *f)
{
    switch (f->type) {
    case RL_FIG_NULL: rl_sbuf_adds(out, "null"); break;
    case RL_FIG_BOOL: rl_sbuf_adds(out, f->i ? "true" : "false"); break;
    case RL_FIG_INT: rl_sbuf_printf(out, "%lld", (long long)f->i); break;
    case RL_FIG_NUM:
        if (f->s && f->s[0])
            rl_sbuf_adds(out, f->s);
        else
            rounded(out, f->d);
        break;
    case RL_FIG_STR: rl_json_write_string(out, f->s ? f->s : "", f->s ? strlen(f->s) : 0); break;
    }
}

void rl_out_safe_text(rl_sbuf *out, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7F)
            rl_sbuf_printf(out, "\\x%02X", c);
        else
            rl_sbuf_addc(out, (char)c);
    }
}
