# tekg - topic-event knowledge graph builder.  GNU make.
#
#   make            build ./tekg and libtekg.a
#   make check      install missing Debian packages, build, run every test
#   make demo       install, build, build the example graph from examples/
#   make bench      benchmark harness (bench/run.sh): prints figures, never fails on speed
#   make install    PREFIX=/usr/local DESTDIR= : binary, library, headers, tekg.pc, man page, data
#   make SANITIZE=address,undefined check   the same under ASan and UBSan

VERSION  := 0.1.0
PREFIX   ?= /usr/local
DESTDIR  ?=
CC       ?= cc
PKG_CONFIG ?= pkg-config

PKGS      := libxml-2.0 sqlite3 igraph opencc jansson libutf8proc
TEST_PKGS := cmocka

# Debian packages the build, the tests and the demo need (make deps).
DEB_PACKAGES := build-essential pkg-config libxml2-dev libsqlite3-dev libigraph-dev \
	libcmocka-dev libopencc-dev libjansson-dev libutf8proc-dev libopenblas-dev \
	python3-jieba python3-networkx python3-igraph opencc libxml2-utils sqlite3

WARN := -Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wpointer-arith -Wcast-qual -Wwrite-strings -Wformat=2 -Wno-unused-parameter
OPT  ?= -O2 -g
CFLAGS ?= $(OPT)
BUILD ?= build

ifneq ($(SANITIZE),)
  SANFLAGS := -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
  BUILD := build-san
endif

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
OPENCC_VERSION := $(shell $(PKG_CONFIG) --modversion opencc 2>/dev/null)
TEST_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS   := $(shell $(PKG_CONFIG) --libs $(TEST_PKGS) 2>/dev/null)
EXTRA_LIBS := -lm -lpthread

ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) \
	$(SANFLAGS) -Iinclude -Isrc -I. -DTEKG_VERSION='"$(VERSION)"' \
	-DTEKG_PREFIX='"$(PREFIX)"' $(PKG_CFLAGS) -MMD -MP
ALL_LDFLAGS := $(SANFLAGS) $(LDFLAGS)

# The pipeline, stage by stage: every .c below these folders is library code.
LIB_DIRS := src/util src/text src/nlp src/extract src/store src/pipeline graph export
LIB_SRC  := $(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.c))
CLI_SRC  := $(wildcard src/cli/*.c)
TEST_SRC := $(wildcard tests/test_*.c)

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

# SIMD kernels are chosen at run time; only their own files get -m flags.
$(BUILD)/src/text/text.o: ALL_CFLAGS += -DTEKG_OPENCC_VERSION='"$(OPENCC_VERSION)"'
$(BUILD)/%_avx2.o: ALL_CFLAGS += -mavx2 -mfma
$(BUILD)/%_avx512.o: ALL_CFLAGS += -mavx512f -mavx512bw -mfma

# The install prefix is compiled into the two files that look for the
# lexicons; a stamp holding it rebuilds them when PREFIX changes
# (make && make install PREFIX=/opt/x).
PREFIX_STAMP := $(BUILD)/prefix.stamp
$(shell mkdir -p $(BUILD); test "$$(cat $(PREFIX_STAMP) 2>/dev/null)" = "$(PREFIX)" || echo "$(PREFIX)" > $(PREFIX_STAMP))
$(BUILD)/src/extract/extract.o $(BUILD)/src/cli/common.o: $(PREFIX_STAMP)

ifeq ($(BUILD),build)
  LIBTEKG := libtekg.a
  TEKG_BIN := tekg
else
  LIBTEKG := $(BUILD)/libtekg.a
  TEKG_BIN := $(BUILD)/tekg
endif

.PHONY: all check test demo bench install uninstall clean deps fuzz
all: $(TEKG_BIN) $(LIBTEKG)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The store's schema is one SQL file, compiled in as a string.
$(BUILD)/gen/schema_sql.h: src/store/schema.sql tools/sql2c.sh
	@mkdir -p $(dir $@)
	sh tools/sql2c.sh $< schema_sql > $@
$(BUILD)/src/store/store.o: $(BUILD)/gen/schema_sql.h
$(BUILD)/src/store/store.o: ALL_CFLAGS += -I$(BUILD)/gen -Wno-overlength-strings

$(LIBTEKG): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(TEKG_BIN): $(CLI_OBJ) $(LIBTEKG)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIBTEKG) $(PKG_LIBS) $(EXTRA_LIBS)

$(BUILD)/tests/%: tests/%.c tests/testutil.h $(LIBTEKG)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -o $@ $< $(LIBTEKG) $(ALL_LDFLAGS) $(TEST_LIBS) $(PKG_LIBS) $(EXTRA_LIBS)

tests: $(TEST_BIN)

deps:
	@sh tools/deps.sh $(DEB_PACKAGES)

# make check: every cmocka suite, then the CLI and client tests (tests/run.sh).
check: deps
	@$(MAKE) --no-print-directory all tests
	@TEKG=$(abspath $(TEKG_BIN)) BUILD=$(BUILD) sh tests/run.sh

test: check

demo: deps
	@$(MAKE) --no-print-directory all
	@TEKG=$(abspath $(TEKG_BIN)) sh tools/demo.sh

bench: all
	@sh bench/run.sh

# ---- fuzzing (fuzz/, docs/robustness.md) ----------------------------------
# Each fuzz/fuzz_<target>.c is a libFuzzer harness.  `make check` builds a
# replay driver per target with $(CC) (fuzz/replay.c + the harness + the
# library, no clang needed) and tests/run.sh replays fuzz/corpus/<target>/.
# `make fuzz SECONDS=N` builds the harnesses with clang and
# -fsanitize=fuzzer,address,undefined into build-fuzz/ and runs each for N
# seconds (default 60), one after another with one worker; new inputs go to
# build-fuzz/corpus/<target>/, crashes to build-fuzz/crashes/<target>/;
# fuzz/<target>.dict, when there is one, is the dictionary.
FUZZ_TARGETS := text jsonl html time tagger xmlsafe export
FUZZ_REPLAY  := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay_%)
FUZZ_CFLAGS   = $(filter-out -MMD -MP,$(ALL_CFLAGS))
FUZZ_HDRS    := fuzz/fuzz.h fuzz/text_check.h
SECONDS      ?= 60
FUZZ_CC      ?= clang
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_OPTS    ?=

$(BUILD)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c $(FUZZ_HDRS) $(LIBTEKG)
	@mkdir -p $(dir $@)
	$(CC) $(FUZZ_CFLAGS) -o $@ fuzz/replay.c $< $(LIBTEKG) $(ALL_LDFLAGS) $(PKG_LIBS) $(EXTRA_LIBS)

tests: $(FUZZ_REPLAY)

build-fuzz/fuzz/fuzz_%: fuzz/fuzz_%.c $(FUZZ_HDRS) build-fuzz/libtekg.a
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< build-fuzz/libtekg.a \
		$(PKG_LIBS) $(EXTRA_LIBS)

# The library for the harnesses: the ordinary rules, run again with clang and
# coverage instrumentation into build-fuzz/.
ifneq ($(BUILD),build-fuzz)
.PHONY: build-fuzz/libtekg.a
build-fuzz/libtekg.a:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=$(FUZZ_CC) SANITIZE= \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" build-fuzz/libtekg.a
endif
.PHONY: fuzz-build

fuzz-build: $(FUZZ_TARGETS:%=build-fuzz/fuzz/fuzz_%)

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build-fuzz/corpus/$$t build-fuzz/crashes/$$t; \
		echo "== fuzz $$t for $(SECONDS) s"; \
		build-fuzz/fuzz/fuzz_$$t -max_total_time=$(SECONDS) -timeout=10 -rss_limit_mb=2048 \
			-print_final_stats=1 -artifact_prefix=build-fuzz/crashes/$$t/ $(FUZZ_OPTS) \
			$$(test -f fuzz/$$t.dict && echo -dict=fuzz/$$t.dict) \
			build-fuzz/corpus/$$t fuzz/corpus/$$t \
			$$(case $$t in text|tagger) test -d ../shared/corpus && echo ../shared/corpus;; esac) \
			|| exit 1; \
	done
# ---- end of fuzzing ---------------------------------------------------------

install: all
	@if [ -n "$(SANITIZE)" ]; then echo "make install: build without SANITIZE" >&2; exit 2; fi
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
		$(DESTDIR)$(PREFIX)/include/tekg $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/tekg
	install -m 755 tekg $(DESTDIR)$(PREFIX)/bin/tekg
	install -m 644 libtekg.a $(DESTDIR)$(PREFIX)/lib/libtekg.a
	install -m 644 include/tekg/*.h $(DESTDIR)$(PREFIX)/include/tekg/
	install -m 644 docs/tekg.1 $(DESTDIR)$(PREFIX)/share/man/man1/tekg.1
	cp -R data/. $(DESTDIR)$(PREFIX)/share/tekg/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
		-e 's|@REQUIRES@|$(PKGS)|' tekg.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/tekg.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/tekg $(DESTDIR)$(PREFIX)/lib/libtekg.a \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig/tekg.pc $(DESTDIR)$(PREFIX)/share/man/man1/tekg.1
	rm -rf $(DESTDIR)$(PREFIX)/include/tekg $(DESTDIR)$(PREFIX)/share/tekg

clean:
	rm -rf build build-san tekg libtekg.a

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
