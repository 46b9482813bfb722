#!/usr/bin/env python3
"""check-layers.py [ROOT [OBJDIR]] — the engine's includes and calls follow its
layer order.

Data flows one way (docs/internals.md):

    base -> json, regex -> jsonpath -> schema, expr -> rules -> kinds -> load -> check
         -> output -> cli

("rules" is the model of a rule set and what its parts are made of; "load"
reads rule-set files into it, and needs the kinds to compile each rule.)

Every file of engine/src belongs to one layer (LAYERS below, by name); a
file may include headers of its own layer and of the layers below it, never
of a layer above. engine/cli may include only reportlint.h,
reportlint_util.h (and its own cli*.h). A file no pattern names is an error too, so that a new module has
to take its place in the order.

With OBJDIR (the library's object files, build/obj), calls are checked too:
`nm` lists the symbols each object uses and defines, and a symbol used by
a file but defined in a file of a higher layer is a call against the order
(an include check alone misses a local prototype or a declaration in a
lower header); a lower layer reaches a higher one only through function
pointers the higher one hands down (the loader's schema callback, the
checker's rl_run_ops in every rl_run).
Exit 1 with every offending include and call listed.
"""
import fnmatch
import os
import re
import subprocess
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
                   "schema_resolve.*", "schema_uri.*", "schema_validate.*",
                   "schema_apply.*", "schema_assert.*", "schema_format.*", "schema_number.*",
                   "schema_errors.*", "schema_memo.*"]),
    ("expr", 3, ["value.*", "number.*", "locale*", "expr*", "refdata.*"]),
    ("rules", 4, ["rules_int.h", "loader*", "schema_rules.h", "tolerance.*", "template.*",
                  "lang.*", "messages*"]),
    ("kinds", 5, ["kinds.*", "kind_*"]),
    ("load", 6, ["rules.c", "ruleset.*", "schema_rules.c", "collection_rule.*"]),
    ("check", 7, ["report_ctx.*", "check*", "result*", "fingerprint.*", "collection*",
                  "tools.*"]),
    ("output", 8, ["output*"]),
]
PUBLIC = "reportlint.h"
UTIL = "reportlint_util.h"  # the command's helpers (engine/include), not installed
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layer_of(name):
    for layer, rank, patterns in LAYERS:
        if any(fnmatch.fnmatch(name, p) for p in patterns):
            return layer, rank
    return None, None


def nm_symbols(obj):
    """(defined global symbols, undefined symbols) of an object file."""
    out = subprocess.run(["nm", "-P", obj], capture_output=True, text=True, check=True).stdout
    defined, used = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        if parts[1] == "U":
            used.add(parts[0])
        elif parts[1] in "TDBRVWC" and parts[1].isupper():
            defined.add(parts[0])
    return defined, used


def check_calls(objdir, problems):
    """Every call from an object to a symbol of a higher layer's object."""
    objs = sorted(n for n in os.listdir(objdir) if n.endswith(".o"))
    if not objs:
        problems.append("%s: no object files (build the library first)" % objdir)
        return
    owner, uses = {}, {}
    for name in objs:
        defined, used = nm_symbols(os.path.join(objdir, name))
        src = name[:-2] + ".c"
        for sym in defined:
            owner[sym] = src
        uses[src] = used
    for src in sorted(uses):
        layer, rank = layer_of(src)
        if layer is None:
            continue
        for sym in sorted(uses[src]):
            callee = owner.get(sym)
            cl, cr = layer_of(callee) if callee else (None, None)
            if cl is None or cr <= rank:
                continue
            problems.append("engine/src/%s (%s) calls %s, defined in %s (%s, a layer above)"
                            % (src, layer, sym, callee, cl))


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
            if inc in (PUBLIC, UTIL):
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
            if inc not in (PUBLIC, UTIL) and not inc.startswith("cli"):
                problems.append("engine/cli/%s includes %s: the command uses only %s and %s"
                                % (name, inc, PUBLIC, UTIL))
    if len(sys.argv) > 2:
        check_calls(sys.argv[2], problems)
    what = "include and call" if len(sys.argv) > 2 else "include"
    for p in problems:
        print("check-layers: " + p)
    n = len(problems)
    print("check-layers: %s" % ("%d against the layer order" % n if n
                                else "every %s follows the layer order" % what))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
