/* test_output_escape.c — the escapers every output format relies on:
 * terminal-safe text, XML/HTML text and attributes, GitHub workflow
 * command data and properties, RFC 3986 URI paths, and JSON strings. */
#include "unit.h"
#include "json.h"
#include "output.h"

#include <stdlib.h>

typedef void (*escaper)(rl_sbuf *out, const char *s, int mode);

static void safe_text(rl_sbuf *out, const char *s, int mode)
{
    (void)mode;
    rl_out_safe_text(out, s);
}

static void uri_path(rl_sbuf *out, const char *s, int mode)
{
    (void)mode;
    rl_out_uri_path(out, s);
}

static void json_string(rl_sbuf *out, const char *s, int mode)
{
    (void)mode;
    rl_json_write_string(out, s, strlen(s));
}

static void check(escaper f, int mode, const char *in, const char *want)
{
    rl_sbuf b = RL_SBUF_INIT;
    f(&b, in, mode);
    CU_ASSERT_TRUE(rl_sbuf_ok(&b));
    if (strcmp(rl_sbuf_str(&b), want) != 0)
        fprintf(stderr, "\n  escaped \"%s\" as \"%s\", expected \"%s\"\n", in, rl_sbuf_str(&b), want);
    ASSERT_STR_EQ(rl_sbuf_str(&b), want);
    rl_sbuf_free(&b);
}

static void test_safe_text(void)
{
    check(safe_text, 0, "plain, ascii: 100%", "plain, ascii: 100%");
    check(safe_text, 0, "Cần Thơ — 94,6 %", "Cần Thơ — 94,6 %"); /* UTF-8 kept */
    check(safe_text, 0, "a\nb\tc\rd", "a\\x0Ab\\x09c\\x0Dd");
    check(safe_text, 0, "\033[31mred\033[0m", "\\x1B[31mred\\x1B[0m"); /* no terminal escapes */
    check(safe_text, 0, "del\x7f", "del\\x7F");
    check(safe_text, 0, "csi\xc2\x9b" "2J", "csi\\u009B2J"); /* a C1 control, UTF-8 encoded */
    check(safe_text, 0, "nonchar\xef\xbf\xbf", "nonchar\\uFFFF");
    check(safe_text, 0, "bad\xff\xc3", "bad\\xFF\\xC3");         /* bytes that are not UTF-8 */
    check(safe_text, 0, "over\xc0\xaf", "over\\xC0\\xAF");        /* an overlong '/' */
    check(safe_text, 0, "", "");
    /* every Unicode line break shows, none ends a line: VT FF NEL LS PS */
    check(safe_text, 0, "vt\x0b ff\x0c nel\xc2\x85 ls\xe2\x80\xa8 ps\xe2\x80\xa9.",
          "vt\\x0B ff\\x0C nel\\u0085 ls\\u2028 ps\\u2029.");
    check(safe_text, 0, "dash\xe2\x80\x94 nbsp\xc2\xa0", "dash\xe2\x80\x94 nbsp\xc2\xa0");
    CU_ASSERT_TRUE(rl_out_unsafe(0x1B));
    CU_ASSERT_TRUE(rl_out_unsafe(0x85));
    CU_ASSERT_FALSE(rl_out_unsafe(0xA0));
    CU_ASSERT_FALSE(rl_out_unsafe(0x20));
}

static void test_xml(void)
{
    check(rl_out_xml, 0, "a < b && c > d", "a &lt; b &amp;&amp; c &gt; d");
    check(rl_out_xml, 0, "say \"hi\" it's", "say &quot;hi&quot; it&#39;s");
    check(rl_out_xml, 0, "]]>", "]]&gt;");
    check(rl_out_xml, 0, "line\nnext\ttab\rcr", "line\nnext\ttab&#13;cr");
    check(rl_out_xml, 1, "line\nnext\ttab\rcr", "line&#10;next&#9;tab&#13;cr");
    /* what XML 1.0 forbids, even as a character reference, becomes visible text */
    check(rl_out_xml, 0, "bell\x07 nul-free\x01", "bell\\x07 nul-free\\x01");
    check(rl_out_xml, 1, "esc\033[1m", "esc\\x1B[1m");
    check(rl_out_xml, 0, "\xef\xbf\xbe", "\\uFFFE");
    check(rl_out_xml, 0, "bad\xe2\x82", "bad\\xE2\\x82");
    check(rl_out_xml, 0, "thành phố", "thành phố");
    check(rl_out_xml, 0, "&amp;", "&amp;amp;"); /* data is data, never markup */
    /* element content where quotes stay: the HTML page's report lines */
    check(rl_out_xml, RL_XML_TEXT_QUOTES, "\"a\": '<b>'\n\x01", "\"a\": '&lt;b&gt;'\n\\x01");
}

static void test_github(void)
{
    /* data: % CR LF only */
    check(rl_out_github, 0, "50%, done: yes\nnext\r", "50%25, done: yes%0Anext%0D");
    /* properties: also : and , */
    check(rl_out_github, 1, "a,b:c%d\ne", "a%2Cb%3Ac%25d%0Ae");
    check(rl_out_github, 0, "::error file=x::injected", "::error file=x::injected");
    check(rl_out_github, 0, "x\n::error::injected", "x%0A::error::injected");
    check(rl_out_github, 0, "tab\tesc\033", "tab\\x09esc\\x1B");
    check(rl_out_github, 1, "thành phố.json", "thành phố.json");
    check(rl_out_github, 0, "a\xe2\x80\xa8::error::x\xe2\x80\xa9\xc2\x85", "a\\u2028::error::x\\u2029\\u0085");
}

static void test_uri(void)
{
    check(uri_path, 0, "samples/national/2025-09-29.json", "samples/national/2025-09-29.json");
    check(uri_path, 0, "sum bad.json", "sum%20bad.json");
    check(uri_path, 0, "thành phố.json", "th%C3%A0nh%20ph%E1%BB%91.json");
    check(uri_path, 0, "c:x#y?z%w", "c%3Ax%23y%3Fz%25w");
    check(uri_path, 0, "a_b-c.d~e/F9", "a_b-c.d~e/F9");
    check(uri_path, 0, "\xff", "%FF");
}

static void test_json_string(void)
{
    check(json_string, 0, "quote\" back\\ nl\n", "\"quote\\\" back\\\\ nl\\n\"");
    check(json_string, 0, "esc\033 del\x7f", "\"esc\\u001b del\\u007f\"");
    check(json_string, 0, "c1\xc2\x9b ls\xe2\x80\xa8", "\"c1\\u009b ls\\u2028\"");
    check(json_string, 0, "file\xff.json", "\"file\\ufffd.json\""); /* a non-UTF-8 file name */
    check(json_string, 0, "Cà Mau", "\"Cà Mau\"");
}

int main(void)
{
    static const unit_test tests[] = {
        {"safe text", test_safe_text},     {"xml and html", test_xml},
        {"github commands", test_github},  {"uri paths", test_uri},
        {"json strings", test_json_string}, {NULL, NULL},
    };
    return unit_run("output_escape", tests);
}
