/* schema_uri.c — URI references for $id and $ref (RFC 3986).
 *
 * Components are split as in RFC 3986 Appendix B; reference resolution is
 * §5.2.2 with remove_dot_segments (§5.2.4). No normalization beyond that:
 * registry keys are compared as the resolved strings. URNs and other
 * non-hierarchical URIs resolve by the same rules (a fragment-only
 * reference keeps the whole base). */
#include "schema_int.h"
#include "utf8.h"

#include <string.h>

typedef struct span {
    const char *s;
    size_t n;
    int set; /* the component is present (possibly empty) */
} span;

typedef struct uri_parts {
    span scheme, auth, path, query, frag;
} uri_parts;

static void split(const char *u, uri_parts *p)
{
    memset(p, 0, sizeof *p);
    size_t i = strcspn(u, ":/?#");
    if (u[i] == ':' && i > 0) {
        p->scheme = (span){u, i, 1};
        u += i + 1;
    }
    if (u[0] == '/' && u[1] == '/') {
        size_t n = strcspn(u + 2, "/?#");
        p->auth = (span){u + 2, n, 1};
        u += 2 + n;
    }
    size_t n = strcspn(u, "?#");
    p->path = (span){u, n, 1};
    u += n;
    if (*u == '?') {
        n = strcspn(u + 1, "#");
        p->query = (span){u + 1, n, 1};
        u += 1 + n;
    }
    if (*u == '#')
        p->frag = (span){u + 1, strlen(u + 1), 1};
}

int rl_suri_has_scheme(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return 0;
    size_t i = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
    return s[i] == ':';
}

size_t rl_suri_base_len(const char *s)
{
    return strcspn(s, "#");
}

/* RFC 3986 §5.2.4, appending the result to out. */
static void remove_dots(const char *in, size_t n, rl_sbuf *out)
{
    size_t base = out->len;
    size_t i = 0;
    while (i < n) {
        const char *p = in + i;
        size_t left = n - i;
        if (left >= 3 && memcmp(p, "../", 3) == 0) {
            i += 3;
        } else if (left >= 2 && memcmp(p, "./", 2) == 0) {
            i += 2;
        } else if ((left >= 3 && memcmp(p, "/./", 3) == 0) ||
                   (left == 2 && memcmp(p, "/.", 2) == 0)) {
            i += 2; /* "/./x" -> "/x", "/." -> "/" */
            if (left == 2) {
                rl_sbuf_addc(out, '/');
                break;
            }
        } else if ((left >= 4 && memcmp(p, "/../", 4) == 0) ||
                   (left == 3 && memcmp(p, "/..", 3) == 0)) {
            i += 3;
            while (out->len > base && out->data[out->len - 1] != '/')
                out->len--;
            if (out->len > base)
                out->len--;
            if (out->data)
                out->data[out->len] = '\0';
            if (left == 3) {
                rl_sbuf_addc(out, '/');
                break;
            }
        } else if ((left == 1 && p[0] == '.') || (left == 2 && memcmp(p, "..", 2) == 0)) {
            break;
        } else {
            size_t seg = 1 + strcspn(p + 1, "/");
            if (seg > left)
                seg = left;
            rl_sbuf_add(out, p, seg);
            i += seg;
        }
    }
}

static void add_span(rl_sbuf *out, const char *prefix, span sp)
{
    if (!sp.set)
        return;
    rl_sbuf_adds(out, prefix);
    rl_sbuf_add(out, sp.s, sp.n);
}

/* The merged path of §5.2.3, dots removed, appended to out. */
static void merge_path(const uri_parts *b, span rpath, rl_sbuf *out)
{
    rl_sbuf m = RL_SBUF_INIT;
    if (b->auth.set && b->path.n == 0) {
        rl_sbuf_addc(&m, '/');
    } else {
        size_t keep = b->path.n;
        while (keep > 0 && b->path.s[keep - 1] != '/')
            keep--;
        rl_sbuf_add(&m, b->path.s, keep);
    }
    rl_sbuf_add(&m, rpath.s, rpath.n);
    remove_dots(rl_sbuf_str(&m), m.len, out);
    rl_sbuf_free(&m);
}

void rl_suri_resolve(const char *base, const char *ref, rl_sbuf *out)
{
    uri_parts b, r;
    split(base, &b);
    split(ref, &r);
    if (r.scheme.set) {
        add_span(out, "", r.scheme);
        rl_sbuf_addc(out, ':');
        add_span(out, "//", r.auth);
        remove_dots(r.path.s, r.path.n, out);
        add_span(out, "?", r.query);
        add_span(out, "#", r.frag);
        return;
    }
    add_span(out, "", b.scheme);
    if (b.scheme.set)
        rl_sbuf_addc(out, ':');
    if (r.auth.set) {
        add_span(out, "//", r.auth);
        remove_dots(r.path.s, r.path.n, out);
        add_span(out, "?", r.query);
    } else {
        add_span(out, "//", b.auth);
        if (r.path.n == 0) {
            rl_sbuf_add(out, b.path.s, b.path.n);
            add_span(out, "?", r.query.set ? r.query : b.query);
        } else {
            if (r.path.s[0] == '/')
                remove_dots(r.path.s, r.path.n, out);
            else
                merge_path(&b, r.path, out);
            add_span(out, "?", r.query);
        }
    }
    add_span(out, "#", r.frag);
}

int rl_suri_decode(const char *s, size_t len, rl_sbuf *out)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '%') {
            rl_sbuf_addc(out, s[i]);
            continue;
        }
        int hi = i + 1 < len ? rl_hexval(s[i + 1]) : -1;
        int lo = i + 2 < len ? rl_hexval(s[i + 2]) : -1;
        if (hi < 0 || lo < 0)
            return 0;
        rl_sbuf_addc(out, (char)(hi * 16 + lo));
        i += 2;
    }
    return 1;
}

void rl_suri_from_path(const char *abs_path, rl_sbuf *out)
{
    static const char hex[] = "0123456789ABCDEF";
    rl_sbuf_adds(out, "file://");
    for (const unsigned char *p = (const unsigned char *)abs_path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/-._~", *p)) {
            rl_sbuf_addc(out, (char)*p);
        } else {
            char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            rl_sbuf_add(out, e, 3);
        }
    }
}

int rl_suri_to_path(const char *uri, rl_sbuf *out)
{
    if (strncmp(uri, "file://", 7) != 0)
        return 0;
    const char *p = uri + 7;
    if (strncmp(p, "localhost/", 10) == 0)
        p += 9;
    if (*p != '/')
        return 0;
    return rl_suri_decode(p, rl_suri_base_len(p), out);
}
