#!/usr/bin/env python3
"""check-layers.py [ROOT] — the engine's includes follow its layer order.

Data flows one way (docs/internals.md):

    base -> json, regex -> jsonpath -> schema, expr -> rules -> kinds -> load -> check
         -> output -> cli

("rules" is the model of a rule set and what its parts are made of; "load"
reads rule-set files into it, and needs the kinds to compile each rule.)

Every file of engine/src belongs to one layer (LAYERS below, by name); a
file may include headers of its own layer and of the layers below it, never
of a layer above. engine/cli may include only reportlint.h (and its own
cli*.h). A file no pattern names is an error too, so that a new module has
to take its place in the order. Exit 1 with every offending include listed.
"""
import fnmatch
import os
import re
import sys

# (layer, rank, file-name patterns); a lower rank is a lower layer
LAYERS = [
    ("base", 0, ["arena.*", "sbuf.*", "utf8.*", "error.*", "suggest.*", "textfold.*", "glob.*",
                 "date.*", "period.*", "io.*", "version.*", "strmap.*", "deadline.*", "array.*",
                 "hash.*"]),
    ("json", 1, ["json.*", "json_*"]),
    ("regex", 1, ["regex.*", "iregexp.*", "ecma_regex.*"]),
    ("jsonpath", 2, ["jsonpath*", "nodelist.*"]),
    ("schema", 3, ["schema.h", "schema_int.h", "schema_set.*", "schema_compile.*",
                   "schema_resolve.*", "schema_uri.*", "schema_table.*", "schema_validate.*",
                   "schema_apply.*", "schema_assert.*", "schema_format.*", "schema_number.*",
                   "schema_errors.*"]),
    ("expr", 3, ["value.*", "number.*", "locale*", "expr*", "refdata.*"]),
    ("rules", 4, ["rules_int.h", "loader*", "schema_rules.h", "tolerance.*", "template.*",
                  "lang.*", "messages*"]),
    ("kinds", 5, ["kinds.*", "kind_*"]),
    ("load", 6, ["rules.c", "ruleset.*", "schema_rules.c", "collection_rule.h"]),
    ("check", 7, ["report_ctx.*", "check*", "result*", "fingerprint.*", "collection*",
                  "tools.*"]),
    ("output", 8, ["output*"]),
]
PUBLIC = "reportlint.h"
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layer_of(name):
    for layer, rank, patterns in LAYERS:
        if any(fnmatch.fnmatch(name, p) for p in patterns):
            return layer, rank
    return None, None


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    problems = []
    src = os.path.join(root, "engine", "src")
    for name in sorted(os.listdir(src)):
        if not name.endswith((".c", ".h")):
            continue
        layer, rank = layer_of(name)
        if layer is None:
            problems.append("engine/src/%s: in no layer (add it to tools/check-layers.py "
                            "and docs/internals.md)" % name)
            continue
        text = open(os.path.join(src, name), encoding="utf-8").read()
        for inc in INCLUDE.findall(text):
            if inc == PUBLIC:
                continue
            il, ir = layer_of(inc)
            if il is None:
                problems.append("engine/src/%s includes %s, which is in no layer" % (name, inc))
            elif ir > rank:
                problems.append("engine/src/%s (%s) includes %s (%s, a layer above)"
                                % (name, layer, inc, il))
    cli = os.path.join(root, "engine", "cli")
    for name in sorted(os.listdir(cli)):
        if not name.endswith((".c", ".h")):
            continue
        text = open(os.path.join(cli, name), encoding="utf-8").read()
        for inc in INCLUDE.findall(text):
            if inc != PUBLIC and not inc.startswith("cli"):
                problems.append("engine/cli/%s includes %s: the command uses only %s"
                                % (name, inc, PUBLIC))
    for p in problems:
        print("check-layers: " + p)
    n = sum(1 for _ in problems)
    print("check-layers: %s" % ("%d include%s against the layer order" % (n, "" if n == 1 else "s")
                                 if n else "every include follows the layer order"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
