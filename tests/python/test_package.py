"""test_package.py — the reportlint package against the CLI: the same
violations (as dicts with -f json's keys), the same summary, the same bytes
in every format; rule-set errors raise with every diagnostic located;
bytes, dicts and NDJSON; pickling."""
import io
import json
import os
import pickle
import unittest

import common  # noqa: F401  (sets the paths)
from common import ROOT, BENCH_RULES, cli, records, tmpdir

import reportlint
from reportlint import Rules, RulesError

RULES = os.path.join(ROOT, "rules")
SAMPLE = os.path.join(ROOT, "samples", "national", "2025-09-29.json")


class TestAgainstCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rules = Rules(RULES)

    def test_file_same_as_cli(self):
        res = self.rules.check_file(SAMPLE)
        want, status = cli("-r", RULES, SAMPLE)
        self.assertEqual(res.violations, want["violations"])
        self.assertEqual(list(res), want["violations"])
        self.assertEqual(res.summary, want["summary"])
        self.assertEqual(res.exit_code(), status)
        self.assertGreater(len(res), 0)
        self.assertEqual(set(res.violations[0]) >= {"file", "rule", "severity", "pointer", "line",
                                                    "column", "message"}, True)

    def test_every_format_same_bytes(self):
        samples = os.path.join(ROOT, "samples")
        files = sorted(os.path.join(d, f) for d, _, fs in os.walk(samples) for f in fs
                       if f.endswith(".json"))
        res = self.rules.check_files(files)
        for fmt in reportlint.FORMATS:
            want, _ = cli("-r", RULES, *files, fmt=fmt, parse=False)
            got = res.to_bytes(fmt)
            if fmt == "ndjson":  # the CLI streams ndjson in check order, unsorted
                got, want = sorted(got.splitlines()), sorted(want.splitlines())
            self.assertEqual(got, want, fmt)

    def test_ndjson_file_and_bytes(self):
        d = tmpdir()
        path = records(2000, os.path.join(d, "r.ndjson"))
        rules = Rules(BENCH_RULES)
        want, _ = cli("-r", BENCH_RULES, path)
        res = rules.check_file(path)
        self.assertEqual(res.violations, want["violations"])
        self.assertEqual(res.summary, want["summary"])
        with open(path, "rb") as f:
            data = f.read()
        res2 = rules.check_bytes(data, name=path)
        self.assertEqual(res2.violations, want["violations"])
        self.assertGreater(len(want["violations"]), 10)

    def test_bytes_and_dict(self):
        with open(SAMPLE, "rb") as f:
            data = f.read()
        res = self.rules.check_bytes(data, name="x.json")
        want, _ = cli("-r", RULES, SAMPLE)
        # the report's violations (named x.json here), then the rule-never-applied
        # notices, which are placed in the rule set's file as the CLI places them
        self.assertEqual(sorted([dict(v, file=SAMPLE) if v["file"] == "x.json" else v for v in res],
                                key=lambda v: (v["rule"] == "rule-never-applied", v["pointer"])),
                         sorted(want["violations"],
                                key=lambda v: (v["rule"] == "rule-never-applied", v["pointer"])))
        obj = json.loads(data)
        res = self.rules.check(obj, name="obj")
        key = lambda v: (v["rule"] == "rule-never-applied", v["rule"], v["pointer"], v["message"])
        self.assertEqual(sorted(key(v) for v in res), sorted(key(v) for v in want["violations"]))
        self.assertEqual({v["line"] for v in res if v["file"] == "obj"}, {1})

    def test_collection_rules(self):
        """Cross-report rules are judged after the last report, as the CLI does."""
        for case, inputs in (("collection-sum", ["reports"]), ("collection-kinds", ["reports.ndjson"])):
            d = os.path.join(ROOT, "tests", "cases", case)
            rules = Rules(os.path.join(d, "rules.json"))
            self.assertGreater(reportlint._lib.collection_rules(rules._ptr), 0)
            files = []
            for i in inputs:
                p = os.path.join(d, i)
                files += sorted(os.path.join(p, f) for f in os.listdir(p)) if os.path.isdir(p) else [p]
            want, _ = cli("-r", os.path.join(d, "rules.json"), *files)
            res = rules.check_files(files)
            self.assertEqual(res.violations, want["violations"], case)
            self.assertEqual(res.summary, want["summary"], case)
            self.assertGreater(len(res), 0)

    def test_invalid_input_is_a_violation(self):
        res = self.rules.check_bytes(b'{"a": ', name="bad.json")
        # no rule applied to an unreadable report: each gets its notice (info)
        self.assertEqual([v["rule"] for v in res if v["rule"] != "rule-never-applied"], ["input"])
        self.assertEqual(len(res), 1 + len(res.summary["by_rule"]))
        self.assertEqual([v for v in res if v["rule"] == "input"][0]["line"], 1)
        self.assertEqual(res.exit_code(), 1)

    def test_write(self):
        res = self.rules.check_file(SAMPLE)
        d = tmpdir()
        res.write(os.path.join(d, "out.sarif"), format="sarif")
        with open(os.path.join(d, "out.sarif")) as f:
            self.assertEqual(json.load(f)["version"], "2.1.0")
        buf = io.BytesIO()
        res.write(buf, format="ndjson")
        self.assertEqual(sorted(buf.getvalue().splitlines()),
                         sorted(cli("-r", RULES, SAMPLE, fmt="ndjson")[0].splitlines()))
        with self.assertRaises(ValueError):
            res.to_bytes("yaml")


class TestOptions(unittest.TestCase):
    def test_params_only_skip_lang(self):
        want, _ = cli("-r", RULES, "--param", "min_on_time_rate=99", "--lang", "vi", SAMPLE)
        res = Rules(RULES, params={"min_on_time_rate": 99}, lang="vi").check_file(SAMPLE)
        self.assertEqual(res.violations, want["violations"])
        only = Rules(RULES, only=["SVC-AVG"]).check_file(SAMPLE)
        self.assertEqual({v["rule"] for v in only}, {"SVC-AVG"})
        self.assertEqual(only.summary["rules"], 1)

    def test_max_memory_and_timeout(self):
        # the same notice as the CLI's --max-memory, located while reading
        want, _ = cli("-r", RULES, "--max-memory", "1K", SAMPLE)
        res = Rules(RULES, max_memory=1024).check_file(SAMPLE)
        self.assertEqual(res.violations, want["violations"])
        self.assertIn("memory", {v["rule"] for v in res})
        self.assertNotIn("memory", {v["rule"] for v in Rules(RULES).check_file(SAMPLE)})
        # a generous timeout changes nothing
        self.assertEqual(Rules(RULES, timeout=60).check_file(SAMPLE).violations,
                         cli("-r", RULES, SAMPLE)[0]["violations"])
        self.assertEqual(pickle.loads(pickle.dumps(Rules(RULES, max_memory=1024)))
                         .check_file(SAMPLE).violations, want["violations"])

    def test_errors_carry_every_diagnostic(self):
        d = tmpdir()
        bad = os.path.join(d, "bad.json")
        with open(bad, "w") as f:
            f.write('{"ruleset": "t", "rules": [\n'
                    ' {"id": "A", "kind": "sum", "total": "@.x +", "parts": ["@.y"]},\n'
                    ' {"id": "B", "kind": "nope"}\n]}\n')
        with self.assertRaises(RulesError) as cm:
            Rules(bad)
        diags = cm.exception.diagnostics
        self.assertGreaterEqual(len(diags), 2)
        for dg in diags:
            self.assertEqual(dg.file, bad)
            self.assertGreater(dg.line, 0)
            self.assertGreater(dg.column, 0)
        self.assertEqual({dg.rule for dg in diags} >= {"A", "B"}, True)
        text = str(cm.exception)
        self.assertIn("%s:2:" % bad, text)
        self.assertIn("%s:3:" % bad, text)
        with self.assertRaises(RulesError):
            Rules(os.path.join(d, "missing.json"))
        with self.assertRaises(RulesError) as cm:
            Rules(RULES, only=["NO-SUCH-RULE"])
        self.assertIn("NO-SUCH-RULE", str(cm.exception))
        with self.assertRaises(RulesError):
            Rules(RULES, locale="vn")

    def test_param_files(self):
        case = os.path.join(ROOT, "tests", "cases")
        rules = os.path.join(case, "refdata-file", "rules.json")
        report = os.path.join(case, "refdata-file", "reports", "02-wrong-code.json")
        ref = os.path.join(case, "refdata-param-file", "other.json")
        want, _ = cli("-r", rules, "--param-file", "provinces=" + ref, report)
        res = Rules(rules, param_files={"provinces": ref}).check_file(report)
        self.assertEqual(res.violations, want["violations"])
        self.assertNotEqual(Rules(rules).check_file(report).violations, want["violations"])
        broken = os.path.join(case, "refdata-param-file", "broken.json")
        with self.assertRaises(RulesError) as cm:
            Rules(rules, param_files={"provinces": broken})
        d = cm.exception.diagnostics[0]
        self.assertEqual((d.file, d.line, d.column), (broken, 2, 11))
        with self.assertRaises(RulesError) as cm:
            Rules(rules, params={"provincez": 1})
        self.assertIn("provinces", str(cm.exception))

    def test_pickle(self):
        rules = Rules(RULES, params={"min_on_time_rate": 99})
        again = pickle.loads(pickle.dumps(rules))
        self.assertEqual(again.check_file(SAMPLE).violations,
                         rules.check_file(SAMPLE).violations)
        self.assertEqual(len(again), len(rules))

    def test_closed(self):
        rules = Rules(RULES)
        res = rules.check_file(SAMPLE)
        res.close()
        with self.assertRaises(ValueError):
            len(res)
        with rules:
            pass
        with self.assertRaises(ValueError):
            rules.check_file(SAMPLE)


if __name__ == "__main__":
    unittest.main()
