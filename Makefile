# reportlint — build, test, install.
#
#   make            build/reportlint, build/libreportlint.a, build/libreportlint.so
#   make run        install missing dependencies, build, lint samples/ with rules/
#   make check      make run, then every test
#   make asan       the whole test suite on an ASan+UBSan build (build-asan/)
#   make valgrind   the golden cases under valgrind
#   make install    PREFIX=/usr/local DESTDIR=
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
PREFIX   ?= /usr/local
DESTDIR  ?=
SOVERSION = 0

LIB_SRC  = $(wildcard engine/src/*.c)
LIB_OBJ  = $(LIB_SRC:engine/src/%.c=$(BUILD)/obj/%.o)
CLI_SRC  = $(wildcard engine/cli/*.c)
CLI_OBJ  = $(CLI_SRC:engine/cli/%.c=$(BUILD)/cli/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
DEPS_OK  = $(BUILD)/.deps-ok

.PHONY: all deps run check test unit cases cli-tests asan valgrind install uninstall clean

all: $(BUILD)/reportlint $(BUILD)/libreportlint.a $(BUILD)/libreportlint.so

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

$(BUILD)/libreportlint.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libreportlint.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libreportlint.so.$(SOVERSION) $(LDFLAGS_ALL) -o $@ $^ $(LIBS)

$(BUILD)/reportlint: $(CLI_OBJ) $(BUILD)/libreportlint.a
	$(CC) $(LDFLAGS_ALL) -o $@ $(CLI_OBJ) $(BUILD)/libreportlint.a $(LIBS)

# Unit tests: one CUnit program per tests/unit/test_*.c, linked statically
# against the library so internal modules can be tested directly.
$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(BUILD)/libreportlint.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(BUILD)/libreportlint.a $(LDFLAGS_ALL) $(LIBS) -lcunit -lcjson

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

test: unit cases cli-tests

check: run
	@$(MAKE) --no-print-directory test
	@echo "make check: all tests passed"

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=all" test
	@echo "make asan: all tests passed under ASan+UBSan"

valgrind: all
	@VALGRIND="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
	  sh tests/run-cases.sh $(BUILD)/reportlint
	@echo "make valgrind: golden cases clean"

# JSON Schema conformance: the official test suite, read at run time from
# $$RL_SHARED/testsuites/json-schema (RL_SHARED defaults to ../shared); the
# pass counts may not drop below those in tests/conformance/jsonschema.min.
.PHONY: jsonschema-suite
test: jsonschema-suite
$(BUILD)/conformance/jsonschema_suite: tests/conformance/jsonschema_suite.c $(BUILD)/libreportlint.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libreportlint.a $(LDFLAGS_ALL) $(LIBS) -lcunit -lcjson

jsonschema-suite: $(BUILD)/conformance/jsonschema_suite
	@$(BUILD)/conformance/jsonschema_suite

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/share/reportlint/rules $(DESTDIR)$(PREFIX)/share/reportlint/schemas
	install -m 755 $(BUILD)/reportlint $(DESTDIR)$(PREFIX)/bin/reportlint
	install -m 644 $(BUILD)/libreportlint.a $(DESTDIR)$(PREFIX)/lib/libreportlint.a
	install -m 755 $(BUILD)/libreportlint.so $(DESTDIR)$(PREFIX)/lib/libreportlint.so.$(SOVERSION)
	ln -sf libreportlint.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/libreportlint.so
	install -m 644 engine/include/reportlint.h $(DESTDIR)$(PREFIX)/include/reportlint.h
	install -m 644 rules/*.json $(DESTDIR)$(PREFIX)/share/reportlint/rules/
	install -m 644 schemas/*.json $(DESTDIR)$(PREFIX)/share/reportlint/schemas/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/reportlint $(DESTDIR)$(PREFIX)/lib/libreportlint.a \
	  $(DESTDIR)$(PREFIX)/lib/libreportlint.so $(DESTDIR)$(PREFIX)/lib/libreportlint.so.$(SOVERSION) \
	  $(DESTDIR)$(PREFIX)/include/reportlint.h
	rm -rf $(DESTDIR)$(PREFIX)/share/reportlint

clean:
	rm -rf build build-asan

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
