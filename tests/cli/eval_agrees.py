#!/usr/bin/env python3
"""eval_agrees.py RL RULES_DIR REPORT... -- `reportlint eval` agrees with a check.

Every expression of the rule sets in RULES_DIR (every field that holds one:
total, parts, value, min, max, due, when, assert, ...) is evaluated with
`reportlint eval -r RULES_DIR EXPR REPORT --at POINTER` on each report, at
each node the rule's `each` selects (up to MAX_NODES per rule and report).
Then a probe rule set — the same params and locale, one `expr` rule per
(expression, node) asserting that the expression equals the value eval
printed — is checked against the report. Every probe must pass (not be
"not applicable"); where eval failed, the probe must fail with a violation.
So a value eval prints is the value the checker sees, as_of and locale
included (a year-less "--12-15" takes the year of the report's as_of in both).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

EXPR_FIELDS = ["total", "parts", "numerator", "denominator", "stated", "value", "min", "max",
               "due", "done", "as_of", "from", "to", "when", "assert", "at", "key", "count"]
DATE_FIELDS = {"due", "done", "as_of", "from", "to"}
DATE_LITERAL = re.compile(r"^(\d{4}-\d{2}(-\d{2})?|--\d{2}(-\d{2})?)$")
MAX_NODES = 3


def expressions(rule):
    """The rule's expression texts (date literals in date fields as date())."""
    out = []
    for field in EXPR_FIELDS:
        v = rule.get(field)
        for text in (v if isinstance(v, list) else [v]):
            if not isinstance(text, str):
                continue
            if field in DATE_FIELDS and DATE_LITERAL.match(text):
                text = "date('%s')" % text
            out.append(text)
    return out


def run(args):
    p = subprocess.run(args, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def literal(v):
    return json.dumps(v, ensure_ascii=False)


def assertion(expr, value):
    if value is None:
        return "is_null(%s)" % expr
    return "(%s) == %s" % (expr, literal(value))


def nodes(rl, rule, report):
    if "each" not in rule:
        return [{"pointer": "", "path": "$"}]
    rc, out, err = run([rl, "path", rule["each"], report, "--positions"])
    if rc != 0:
        sys.exit("path %s on %s failed: %s" % (rule["each"], report, err))
    return json.loads(out)[:MAX_NODES]


def main():
    rl, rules_dir, reports = sys.argv[1], sys.argv[2], sys.argv[3:]
    files = [f for f in sorted(os.listdir(rules_dir)) if f.endswith(".json")]
    sets = [json.load(open(os.path.join(rules_dir, f), encoding="utf-8")) for f in files]
    failures, probes_run = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for report in reports:
            for set_no, rs in enumerate(sets):
                probes, expect_fail = [], set()
                for rule in rs["rules"]:
                    if rule.get("scope") == "collection":
                        continue  # over a collection of reports, not one (docs/cross-report.md)
                    for node in nodes(rl, rule, report):
                        for expr in expressions(rule):
                            # the expression with its own rule set's parameters
                            rc, out, err = run([rl, "eval", "-r", os.path.join(rules_dir, files[set_no]),
                                                expr, report,
                                                "--at", node["pointer"]])
                            pid = "P%d" % len(probes)
                            if rc == 0:
                                test = assertion(expr, json.loads(out))
                            elif rc == 1:
                                test, _ = expr, expect_fail.add(pid)
                            else:
                                failures.append("%s: eval %r: %s" % (report, expr, err.strip()))
                                continue
                            probes.append({"id": pid, "kind": "expr", "each": node["path"],
                                           "assert": test,
                                           "message": "%s at %s" % (rule["id"], node["pointer"])})
                if not probes:
                    continue
                # reference files ({"file": PATH}) are relative to the rule set, not the probe
                params = {k: {"file": os.path.abspath(os.path.join(rules_dir, v["file"]))}
                          if isinstance(v, dict) and list(v) == ["file"] else v
                          for k, v in rs.get("params", {}).items()}
                probe_set = {"ruleset": "probe", "version": "1", "rules": probes,
                             "params": params, "locale": rs.get("locale", "en")}
                path = os.path.join(tmp, "probe%d.json" % set_no)
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(probe_set, f, ensure_ascii=False)
                rc, out, err = run([rl, "--no-config", "-r", path, report, "-f", "json",
                                    "--max-violations", "0"])
                if rc not in (0, 1):
                    sys.exit("check of %s with the probes failed (%d): %s" % (report, rc, err))
                res = json.loads(out)
                failed = {v["rule"] for v in res["violations"]}
                for v in res["violations"]:
                    if v["rule"] not in expect_fail:
                        failures.append("%s: eval and the check disagree: %s (%s)" %
                                        (report, v["message"], probes[int(v["rule"][1:])]["assert"]))
                for pid in sorted(expect_fail - failed):
                    failures.append("%s: eval failed on %s but the check did not" %
                                    (report, probes[int(pid[1:])]["assert"]))
                s = res["summary"]
                if s["not_applicable"] or s["passed"] != len(probes) - len(expect_fail):
                    failures.append("%s: %d probes, summary %s" % (report, len(probes), s))
                probes_run += len(probes)
    for f in failures:
        print("eval_agrees: FAIL " + f)
    print("eval_agrees: %d expressions at their nodes compared on %d reports, %d disagreements"
          % (probes_run, len(reports), len(failures)))
    return 1 if failures or not probes_run else 0


if __name__ == "__main__":
    sys.exit(main())
