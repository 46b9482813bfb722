# reportlint — build, test, install.
#
#   make            build/reportlint, build/libreportlint.a, build/libreportlint.so
#   make run        install missing dependencies, build, lint samples/ with rules/
#   make check      make run, then every test
#   make asan       the whole test suite on an ASan+UBSan build (build-asan/)
#   make tsan       the -j tests on a ThreadSanitizer build (build-tsan/)
#   make valgrind   the golden cases under valgrind
#   make install    PREFIX=/usr/local DESTDIR=   (make uninstall undoes it)
#   make clean

CC       ?= cc
BUILD    ?= build
OPT      ?= -O2 -g
SANITIZE ?=
# The CLI sees only the public header; the library and unit tests see engine/src too.
CFLAGS_CLI = -std=c11 -Wall -Wextra -Werror -Wno-format-truncation -D_DEFAULT_SOURCE -fPIC -fvisibility=hidden \
             -Iengine/include $(OPT) $(SANITIZE) $(CFLAGS)
CFLAGS_ALL = $(CFLAGS_CLI) -Iengine/src
LDFLAGS_ALL = $(SANITIZE) $(LDFLAGS)
LIBS     = -lpcre2-8 -lm -lpthread
SHARED   ?= $(or $(RL_SHARED),../shared)
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR   ?= $(PREFIX)/bin
LIBDIR   ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR  ?= $(PREFIX)/share/reportlint
MANDIR   ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
VERSION  := $(shell sed -n 's/^\#define RL_VERSION "\(.*\)"/\1/p' engine/include/reportlint.h)
SOVERSION = 0

LIB_SRC  = $(wildcard engine/src/*.c)
LIB_OBJ  = $(LIB_SRC:engine/src/%.c=$(BUILD)/obj/%.o)
LIB_ALL  = $(BUILD)/libreportlint_all.a
CLI_SRC  = $(wildcard engine/cli/*.c)
CLI_OBJ  = $(CLI_SRC:engine/cli/%.c=$(BUILD)/cli/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
DEPS_OK  = $(BUILD)/.deps-ok

.PHONY: all deps run check test unit cases cli-tests install-tests integration-tests asan valgrind \
        install uninstall clean FORCE

all: $(BUILD)/reportlint $(BUILD)/libreportlint.a $(BUILD)/libreportlint.so $(LIB_ALL)

deps: $(DEPS_OK)
$(DEPS_OK): tools/ensure-deps.sh
	@CC="$(CC)" sh tools/ensure-deps.sh
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/obj/%.o: engine/src/%.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/cli/%.o: engine/cli/%.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_CLI) -MMD -MP -c $< -o $@

# Two archives. libreportlint_all.a holds every object as compiled: the
# command, the unit tests, conformance runners and fuzz targets link it (they
# use reportlint_util.h and the internal modules). libreportlint.a, the one
# installed, is one partially linked object in which only the functions
# declared RL_API in reportlint.h stay global (objcopy --keep-global-symbols):
# `nm -g` on it shows the public API and nothing else (tests/install).
$(LIB_ALL): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/public.syms: engine/include/reportlint.h
	@mkdir -p $(dir $@)
	sed -n 's/^RL_API[^(]*[^a-zA-Z0-9_]\(rl_[a-zA-Z0-9_]*\)(.*/\1/p' $< >$@

$(BUILD)/libreportlint.a: $(LIB_OBJ) $(BUILD)/public.syms
	@rm -f $@ $(BUILD)/reportlint.o
	$(LD) -r -o $(BUILD)/reportlint.o $(LIB_OBJ)
	objcopy --keep-global-symbols=$(BUILD)/public.syms $(BUILD)/reportlint.o
	ar rcs $@ $(BUILD)/reportlint.o

$(BUILD)/libreportlint.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libreportlint.so.$(SOVERSION) $(LDFLAGS_ALL) -o $@ $^ $(LIBS)

# The installed binary finds its bundled rules under DATADIR (compiled in):
# the object is rebuilt whenever PREFIX or DATADIR changes.
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(BUILD)
	@echo '$(DATADIR)' | cmp -s - $@ 2>/dev/null || echo '$(DATADIR)' >$@
$(BUILD)/cli/cli_rules_load.o: $(BUILD)/datadir.stamp
$(BUILD)/cli/cli_rules_load.o: CFLAGS_CLI += -DRL_DATADIR='"$(DATADIR)"'

$(BUILD)/reportlint.pc: reportlint.pc.in engine/include/reportlint.h $(BUILD)/datadir.stamp
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' \
	    -e 's|@VERSION@|$(VERSION)|g' reportlint.pc.in >$@

$(BUILD)/reportlint: $(CLI_OBJ) $(LIB_ALL)
	$(CC) $(LDFLAGS_ALL) -o $@ $(CLI_OBJ) $(LIB_ALL) $(LIBS)

# Unit tests: one CUnit program per tests/unit/test_*.c, linked statically
# against the library so internal modules can be tested directly.
$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(LIB_ALL)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(LIB_ALL) $(LDFLAGS_ALL) $(LIBS) -lcunit -lcjson

# JSONPath compliance suite (RFC 9535 CTS), read from RL_SHARED (default ../shared);
# fails when fewer tests pass than tests/conformance/jsonpath-cts.min records.
.PHONY: jsonpath-cts
$(BUILD)/conformance/jsonpath_cts: tests/conformance/jsonpath_cts.c $(LIB_ALL)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB_ALL) $(LDFLAGS_ALL) $(LIBS)

# JSONTestSuite: y_ accepted, n_ rejected with a location, i_ handled; cJSON as the oracle.
.PHONY: json-parsing
$(BUILD)/conformance/json_parsing: tests/conformance/json_parsing.c $(LIB_ALL)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB_ALL) $(LDFLAGS_ALL) $(LIBS) -lcjson

json-parsing: $(BUILD)/conformance/json_parsing
	@$(BUILD)/conformance/json_parsing $(SHARED)/testsuites/json-parsing/test_parsing

jsonpath-cts: $(BUILD)/conformance/jsonpath_cts
	@$(BUILD)/conformance/jsonpath_cts --min tests/conformance/jsonpath-cts.min

run: all
	@echo "== reportlint samples/ (bundled rules/) =="
	@$(BUILD)/reportlint samples/; status=$$?; \
	  if [ $$status -eq 2 ]; then echo "make run: reportlint failed (exit 2)"; exit 2; fi; \
	  echo "(exit $$status: violations found in samples are expected; see samples/README.md)"

unit: $(UNIT_BIN)
	@sh tests/run-unit.sh $(BUILD)

cases: all
	@sh tests/run-cases.sh $(BUILD)/reportlint

cli-tests: all
	@sh tests/cli/run.sh $(BUILD)/reportlint
	@sh tests/cli/config.sh $(BUILD)/reportlint
	@sh tests/cli/schema.sh $(BUILD)/reportlint
	@sh tests/cli/robust.sh $(BUILD)/reportlint
	@sh tests/collection/run.sh $(BUILD)/reportlint 20000
	@sh tests/cli/rules_test.sh $(BUILD)/reportlint
	@sh tests/cli/exact.sh $(BUILD)/reportlint
	@sh tests/cli/tools.sh $(BUILD)/reportlint
	@sh tests/cli/output.sh $(BUILD)/reportlint
	@sh tests/cli/special.sh $(BUILD)/reportlint
	@sh tests/cli/trust.sh $(BUILD)/reportlint
	@sh tests/cli/limits.sh $(BUILD)/reportlint
	@sh tests/cli/by_rule.sh $(BUILD)/reportlint
	@sh tests/cli/jobs_memory.sh $(BUILD)/reportlint

# Fuzzing. `make fuzz FUZZ_SECONDS=N` builds every target with clang and
# libFuzzer (+ASan+UBSan) and runs each for N seconds from seed corpora;
# crashes land in build-fuzz/artifacts/<target>/ and belong, once fixed, in
# tests/fuzz/regressions/<target>/, which `make fuzz-replay` (part of make
# test) runs through every target without libFuzzer.
FUZZ_TARGETS = json jsonpath expr rules check locale schema config partial
FUZZ_SECONDS ?= 60
# How long each target runs: FUZZ_SECONDS, or (make fuzz-long) a number of
# executions, FUZZ_LONG_RUNS (10^7) per target, however long that takes.
FUZZ_LIMIT   ?= -max_total_time=$(FUZZ_SECONDS)
FUZZ_LABEL   ?= $(FUZZ_SECONDS)s
FUZZ_LONG_RUNS ?= 10000000
# A unit over 10 s is written as a slow-unit artifact (a failure either
# way); FUZZ_TIMEOUT is when it is killed. fuzz-long waits 600 s, so that a
# run paused with SIGSTOP (a shared machine) is not ended as a false hang.
FUZZ_TIMEOUT ?= 10
FUZZ_LONG_TIMEOUT ?= 600
FUZZ_CC      ?= clang
FUZZ_FLAGS    = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined
# The config target compiles the CLI's own sources in (they still include
# only reportlint.h); every other target links the library alone.
FUZZ_CLI_SRC  = $(filter-out engine/cli/main.c,$(CLI_SRC))
FUZZ_CLI_OBJ  = $(filter-out $(BUILD)/cli/main.o,$(CLI_OBJ))
fuzz_extra    = $(if $(filter config,$(1)),-Iengine/cli $(2))
# config's target writes each input's problems to stderr, as the CLI does:
# sent to /dev/null (sanitizer reports and libFuzzer's lines still reach the log)
FUZZ_RUN_config = -close_fd_mask=2
.PHONY: fuzz fuzz-replay fuzz-long
fuzz-long:
	@$(MAKE) --no-print-directory fuzz FUZZ_LIMIT="-runs=$(FUZZ_LONG_RUNS) -max_total_time=0" \
	  FUZZ_LABEL="$(FUZZ_LONG_RUNS)-run" FUZZ_TARGETS="$(FUZZ_TARGETS)" FUZZ_TIMEOUT=$(FUZZ_LONG_TIMEOUT)
fuzz:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=$(FUZZ_CC) OPT="-g -O1 -DRL_DEBUG" CFLAGS=-Wno-unknown-warning-option \
	  SANITIZE="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
	  build-fuzz/libreportlint_all.a
	@python3 tools/fuzz-corpus.py build-fuzz/seeds >/dev/null
	@set -e; for t in $(FUZZ_TARGETS); do \
	  extra=""; [ $$t != config ] || extra="$(call fuzz_extra,config,$(FUZZ_CLI_SRC))"; \
	  $(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -std=c11 -D_DEFAULT_SOURCE -Iengine/include \
	    -Iengine/src -Itests/fuzz -o build-fuzz/fuzz_$$t tests/fuzz/fuzz_$$t.c $$extra \
	    build-fuzz/libreportlint_all.a $(LIBS); \
	  mkdir -p build-fuzz/corpus/$$t build-fuzz/artifacts/$$t tests/fuzz/regressions/$$t; \
	  rc=0; start=$$(date +%s); opts=""; [ $$t != config ] || opts="$(FUZZ_RUN_config)"; \
	  build-fuzz/fuzz_$$t $(FUZZ_LIMIT) $$opts -timeout=$(FUZZ_TIMEOUT) -report_slow_units=10 -rss_limit_mb=2048 \
	    -artifact_prefix=build-fuzz/artifacts/$$t/ -print_final_stats=1 \
	    build-fuzz/corpus/$$t build-fuzz/seeds/$$t tests/fuzz/regressions/$$t \
	    >build-fuzz/fuzz_$$t.log 2>&1 || rc=$$?; \
	  printf "fuzz_%-9s %s: %s runs in %s s, corpus %s files\n" $$t "$(FUZZ_LABEL)" \
	    "$$(sed -n 's/^stat::number_of_executed_units: *//p' build-fuzz/fuzz_$$t.log)" \
	    "$$(($$(date +%s) - start))" "$$(ls build-fuzz/corpus/$$t | wc -l)"; \
	  if [ $$rc -ne 0 ] || ls build-fuzz/artifacts/$$t/* >/dev/null 2>&1; then \
	    tail -n 40 build-fuzz/fuzz_$$t.log; \
	    echo "FUZZ FAILURE: fuzz_$$t (exit $$rc) found inputs that fail: build-fuzz/artifacts/$$t/"; exit 1; fi; \
	done

$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay_main.c tests/fuzz/fuzz.h $(LIB_ALL)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/fuzz -o $@ $< tests/fuzz/replay_main.c $(LIB_ALL) $(LDFLAGS_ALL) $(LIBS)

$(BUILD)/fuzz/replay_config: tests/fuzz/fuzz_config.c tests/fuzz/replay_main.c tests/fuzz/fuzz.h $(FUZZ_CLI_OBJ) $(LIB_ALL)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/fuzz -Iengine/cli -o $@ $< tests/fuzz/replay_main.c $(FUZZ_CLI_OBJ) \
	  $(LIB_ALL) $(LDFLAGS_ALL) $(LIBS)

fuzz-replay: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay_%)
	@set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p tests/fuzz/regressions/$$t; \
	  printf "fuzz regressions %-9s " $$t; $(BUILD)/fuzz/replay_$$t tests/fuzz/regressions/$$t; \
	done

# make install into a temporary DESTDIR; the installed binary and library
# (through pkg-config, static and shared) must work on their own.
install-tests: all
	@sh tests/install/run.sh "$(MAKE)" "$(BUILD)" "$(SANITIZE)"

# The HTML page in headless Chromium (tests/browser/: puppeteer-core and
# axe-core from npm, Debian's chromium; both installed when missing):
# counts, filters, highlighted lines, no console errors or requests,
# accessibility, the load time of 10,000 violations; the screenshot and
# the time land in $(BUILD)/browser/.
.PHONY: browser-tests
browser-tests: all
	@sh tests/browser/run.sh $(BUILD)/reportlint $(BUILD)/browser

# CI examples, the pre-commit hook, bash completion, man pages.
integration-tests: all
	@sh tests/integrations/run.sh $(BUILD)/reportlint

# Throughput (tests/bench/, results in tests/bench/RESULTS.md): reportlint
# beside jq, ajv, plain Python and a cJSON parse-only floor, on generated
# data whose violation counts every tool must reproduce. make bench installs
# jq/node/npm and ajv (into build/bench/node) first; BENCH_RECORDS=N for a
# smaller run; BENCH_HUGE_MB=0 skips the ~1 GB document (generated into
# build/bench/data). make check runs it on a tiny size for the counts only.
.PHONY: bench bench-check
$(BUILD)/bench/floor_cjson: tests/bench/floor_cjson.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) -O2 -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -o $@ $< -lcjson
$(BUILD)/bench/timed: tests/bench/timed.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -o $@ $<

# The shard/merge property of collection rules on 200,000 records (make check
# runs it on 20,000).
.PHONY: collection-property
collection-property: all
	@sh tests/collection/run.sh $(BUILD)/reportlint 200000

bench: all $(BUILD)/bench/floor_cjson $(BUILD)/bench/timed
	@sh tests/bench/setup.sh $(BUILD)/bench
	@BUILD=$(BUILD) python3 tests/bench/bench.py
	@sh tools/ensure-deps.sh python3-dask python3-distributed python3-psutil
	@BUILD=$(BUILD) $(PYTHON_DEBIAN) tests/bench/bench_dask.py

bench-check: all $(BUILD)/bench/floor_cjson $(BUILD)/bench/timed
	@sh tests/bench/setup.sh $(BUILD)/bench
	@BUILD=$(BUILD) python3 tests/bench/bench.py --check

# The engine's C sources are formatted as .clang-format says (clang-format 14,
# installed when missing); hand-aligned tables are fenced with
# /* clang-format off */ ... /* clang-format on */. `make format` applies it.
FORMAT_SRC = $(wildcard engine/include/*.h engine/src/*.c engine/src/*.h engine/cli/*.c engine/cli/*.h)
.PHONY: format format-check
format-check:
	@sh tools/ensure-deps.sh clang-format-14 >/dev/null
	@bad=0; for f in $(FORMAT_SRC); do clang-format-14 --dry-run -Werror "$$f" 2>/dev/null || { echo "format-check: $$f differs from .clang-format (make format)"; bad=1; }; done; \
	  [ $$bad -eq 0 ] && echo "format-check: $(words $(FORMAT_SRC)) files as .clang-format says"

format:
	@sh tools/ensure-deps.sh clang-format-14 >/dev/null
	@clang-format-14 -i $(FORMAT_SRC)

# Every relative link in README.md and docs/ resolves (tests/docs/).
.PHONY: docs-links
docs-links:
	@sh tests/docs/run.sh

# The Python package (python/) and reportlint.dask on real Dask clusters,
# with Debian's /usr/bin/python3 (tests/python/run.sh installs python3-dask
# and python3-distributed).
PYTHON_DEBIAN ?= /usr/bin/python3
# The engine's includes and calls (nm of the objects) follow the layer order
# of docs/internals.md.
.PHONY: layers
layers: $(LIB_OBJ)
	@sh tests/layers.sh $(BUILD)/obj

.PHONY: python-tests
python-tests: all
	@PYTHON=$(PYTHON_DEBIAN) sh tests/python/run.sh $(BUILD)

test: layers format-check unit cases cli-tests jsonpath-cts json-parsing fuzz-replay install-tests integration-tests browser-tests bench-check docs-links python-tests

# The tests also read outputs with tools from Debian: python3-jsonschema
# (JSON and SARIF output against their schemas), python3-yaml (the CI
# examples), xmllint (JUnit, HTML).
TEST_DEPS = python3 python3-jsonschema python3-yaml libxml2-utils
check: run
	@CC="$(CC)" sh tools/ensure-deps.sh $(TEST_DEPS)
	@test -d "$(SHARED)/testsuites" || { \
	  echo "make check: $(SHARED)/testsuites is missing (the public test suites the tests read);" >&2; \
	  echo "put the shared directory beside this checkout as ../shared, or set RL_SHARED=DIR" >&2; exit 1; }
	@$(MAKE) --no-print-directory test
	@echo "make check: all tests passed"

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer -DRL_DEBUG" \
	  SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=all" test
	@echo "make asan: all tests passed under ASan+UBSan"

# ThreadSanitizer on the tests that run -j (tests/cli/tsan.sh), built in
# build-tsan/ with $(CC) -fsanitize=thread (gcc's runtime: libtsan2).
.PHONY: tsan
tsan:
	@CC="$(CC)" sh tools/ensure-deps.sh python3 libtsan2
	@$(MAKE) --no-print-directory BUILD=build-tsan OPT="-O1 -g" SANITIZE="-fsanitize=thread" \
	  all build-tsan/tests/test_ndjson_jobs
	@TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1" sh tests/cli/tsan.sh build-tsan
	@echo "make tsan: the -j tests are clean under ThreadSanitizer"

valgrind: all
	@VALGRIND="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
	  sh tests/run-cases.sh $(BUILD)/reportlint
	@echo "make valgrind: golden cases clean"

# JSON Schema conformance: the official test suite, read at run time from
# $$RL_SHARED/testsuites/json-schema (RL_SHARED defaults to ../shared); the
# pass counts may not drop below those in tests/conformance/jsonschema.min.
.PHONY: jsonschema-suite
test: jsonschema-suite
$(BUILD)/conformance/jsonschema_suite: tests/conformance/jsonschema_suite.c $(LIB_ALL)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB_ALL) $(LDFLAGS_ALL) $(LIBS) -lcunit -lcjson

jsonschema-suite: $(BUILD)/conformance/jsonschema_suite
	@$(BUILD)/conformance/jsonschema_suite

install: all $(BUILD)/reportlint.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR) \
	  $(DESTDIR)$(DATADIR)/rules/ref $(DESTDIR)$(DATADIR)/schemas $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BUILD)/reportlint $(DESTDIR)$(BINDIR)/reportlint
	install -m 644 $(BUILD)/libreportlint.a $(DESTDIR)$(LIBDIR)/libreportlint.a
	install -m 755 $(BUILD)/libreportlint.so $(DESTDIR)$(LIBDIR)/libreportlint.so.$(VERSION)
	ln -sf libreportlint.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libreportlint.so.$(SOVERSION)
	ln -sf libreportlint.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libreportlint.so
	install -m 644 $(BUILD)/reportlint.pc $(DESTDIR)$(LIBDIR)/pkgconfig/reportlint.pc
	install -m 644 engine/include/reportlint.h $(DESTDIR)$(INCLUDEDIR)/reportlint.h
	install -m 644 rules/*.json $(DESTDIR)$(DATADIR)/rules/
	install -m 644 rules/ref/*.json $(DESTDIR)$(DATADIR)/rules/ref/
	install -m 644 schemas/*.json $(DESTDIR)$(DATADIR)/schemas/
	install -d $(DESTDIR)$(DATADIR)/schemas/meta
	cp -R schemas/meta/. $(DESTDIR)$(DATADIR)/schemas/meta/
	install -m 644 man/reportlint.1 $(DESTDIR)$(MANDIR)/man1/reportlint.1
	install -m 644 man/reportlint-rules.5 $(DESTDIR)$(MANDIR)/man5/reportlint-rules.5
	install -m 644 completions/reportlint.bash $(DESTDIR)$(BASHCOMPDIR)/reportlint

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/reportlint $(DESTDIR)$(LIBDIR)/libreportlint.a \
	  $(DESTDIR)$(LIBDIR)/libreportlint.so $(DESTDIR)$(LIBDIR)/libreportlint.so.$(SOVERSION) \
	  $(DESTDIR)$(LIBDIR)/libreportlint.so.$(VERSION) $(DESTDIR)$(LIBDIR)/pkgconfig/reportlint.pc \
	  $(DESTDIR)$(INCLUDEDIR)/reportlint.h $(DESTDIR)$(MANDIR)/man1/reportlint.1 \
	  $(DESTDIR)$(MANDIR)/man5/reportlint-rules.5 $(DESTDIR)$(BASHCOMPDIR)/reportlint
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-asan build-fuzz build-tsan

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
