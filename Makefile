# vnplan - build, set-up, tests.  `make run` and `make check` install what is missing
# (as root, with apt-get on Debian 12), build, and then process corpus/ or run every test.

PKGS      := libxml-2.0 libpcre2-8 libutf8proc libzip poppler-cpp libxslt
APT_BUILD := gcc g++ make pkg-config libxml2-dev libxml2-utils libpcre2-dev libutf8proc-dev \
             libzip-dev libpoppler-cpp-dev libxslt1-dev antiword catdoc
APT_CHECK := python3 xsltproc chromium
TOOLS_BUILD := gcc g++ pkg-config xmllint antiword catdoc
TOOLS_CHECK := python3 xsltproc chromium

CC      ?= cc
CXX     ?= c++
OPT     ?= -O2 -g
WARN    := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Werror -Wno-format-truncation
CXXWARN := -std=c++17 -Wall -Wextra -Wshadow -Werror
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

SRC     := $(sort $(wildcard pipeline/*.c pipeline/tables/*.c))
HDR     := $(sort $(wildcard pipeline/*.h pipeline/tables/*.h))
CXXSRC  := $(sort $(wildcard pipeline/*.cc))
OBJ     := $(SRC:%.c=build/%.o) $(CXXSRC:%.cc=build/%.o)
ASAN_OBJ := $(SRC:%.c=build-asan/%.o) $(CXXSRC:%.cc=build-asan/%.o)
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps deps-check run check test test-asan asan bench fuzz clean schema-check FORCE

all: vnplan

# ---- set-up -------------------------------------------------------------
deps:
	@missing=""; \
	for p in $(PKGS); do pkg-config --exists $$p 2>/dev/null || missing="$$missing $$p"; done; \
	for t in $(TOOLS_BUILD); do command -v $$t >/dev/null 2>&1 || missing="$$missing $$t"; done; \
	if [ -n "$$missing" ]; then \
	  echo "vnplan: installing build dependencies (missing:$$missing)"; \
	  if [ "$$(id -u)" != 0 ]; then echo "vnplan: run as root, or install: $(APT_BUILD)"; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_BUILD); \
	fi

deps-check: deps
	@missing=""; \
	for t in $(TOOLS_CHECK); do command -v $$t >/dev/null 2>&1 || missing="$$missing $$t"; done; \
	if [ -n "$$missing" ]; then \
	  echo "vnplan: installing test dependencies (missing:$$missing)"; \
	  if [ "$$(id -u)" != 0 ]; then echo "vnplan: run as root, or install: $(APT_CHECK)"; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_CHECK); \
	fi

# ---- build --------------------------------------------------------------
vnplan: $(OBJ)
	$(CXX) $(OPT) -o $@ $(OBJ) $(PKG_LIBS)

build/%.o: %.c $(wildcard pipeline/*.h pipeline/tables/*.h) | deps
	@mkdir -p $(dir $@)
	$(CC) $(OPT) $(WARN) $(PKG_CFLAGS) -Ipipeline $(BUILD_ID) -c $< -o $@

# The build identifier: a digest of every source, recorded in index.xml so that a rebuilt
# vnplan redoes the outputs of another build.  Rewritten only when it changes.
build/buildid.h: FORCE
	@mkdir -p build
	@line="#define VP_BUILD_ID \"$$(cat $(SRC) $(CXXSRC) $(HDR) | sha256sum | cut -c1-16)\""; \
	[ "$$(cat $@ 2>/dev/null)" = "$$line" ] || echo "$$line" >$@
build/pipeline/batch.o build-asan/pipeline/batch.o: build/buildid.h
build/pipeline/batch.o build-asan/pipeline/batch.o: BUILD_ID = -DVP_HAVE_BUILD_ID -Ibuild

build/%.o: %.cc pipeline/pdf_layout.h | deps
	@mkdir -p $(dir $@)
	$(CXX) $(OPT) $(CXXWARN) $(PKG_CFLAGS) -Ipipeline -c $< -o $@

vnplan-asan: $(ASAN_OBJ)
	$(CXX) -O1 -g $(SAN) -o $@ $(ASAN_OBJ) $(PKG_LIBS)

build-asan/%.o: %.c $(wildcard pipeline/*.h pipeline/tables/*.h) | deps
	@mkdir -p $(dir $@)
	$(CC) -O1 -g $(SAN) $(WARN) $(PKG_CFLAGS) -Ipipeline $(BUILD_ID) -c $< -o $@

build-asan/%.o: %.cc pipeline/pdf_layout.h | deps
	@mkdir -p $(dir $@)
	$(CXX) -O1 -g $(SAN) $(CXXWARN) $(PKG_CFLAGS) -Ipipeline -c $< -o $@

asan: vnplan-asan

# ---- use ----------------------------------------------------------------
run: vnplan
	./vnplan run corpus -o out -j $(JOBS); st=$$?; [ $$st -le 1 ] || exit $$st; \
	echo "vnplan: outputs in out/ (index.xml lists every document)"

# ---- tests --------------------------------------------------------------
check: deps-check vnplan vnplan-asan
	@tests/run.sh

test: check

bench: vnplan
	@tests/bench/bench.sh

fuzz:
	@tests/fuzz/run.sh

clean:
	rm -rf build build-asan vnplan vnplan-asan out tests/tmp
