# The two commands for a fresh Debian 12 machine: `make run` and `make test`.
# Each installs what is missing (scripts/install-deps), then builds.
BUILD      ?= build
JOBS       ?= $(shell nproc)
BUILD_TYPE ?= Release
CMAKE_FLAGS ?=
LISTEN     ?= 127.0.0.1:8080
# Lets ccache share results between checkouts of this repository.
export CCACHE_BASEDIR := $(CURDIR)

.PHONY: all deps build run test bench crash asan fuzz fuzz-build format clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/solipraxis serve --listen $(LISTEN)

# Every test: unit, integration, store contract on SQLite and PostgreSQL, web and
# CLI tests on both stores, browser, standards, and each fuzz target for 30 seconds
# (built first by fuzz-build in build-fuzz/; a plain ctest without that build skips them).
test: build fuzz-build
	SOLIPRAXIS_REQUIRE_FUZZ=1 ctest --test-dir $(BUILD) --output-on-failure --timeout 600 -j $(JOBS)

bench: build
	bench/run

# Crash consistency: the server killed with SIGKILL under concurrent writes,
# CRASH_CYCLES times (`make test` runs 10 cycles of the same test).
CRASH_CYCLES ?= 100
crash: build
	SOLIPRAXIS_CRASH_CYCLES=$(CRASH_CYCLES) $(BUILD)/tests/integration/integration_test \
	  --gtest_filter='Crash.*'

# The libFuzzer targets (src/*/*_fuzz.cc) with clang, ASan and -O1 in a second
# build directory that builds only them and the libraries they link (ccache).
FUZZ_BUILD ?= build-fuzz
$(FUZZ_BUILD)/build.ninja:
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DSOLIPRAXIS_FUZZ=ON -DSOLIPRAXIS_WERROR=OFF
fuzz-build: deps $(FUZZ_BUILD)/build.ninja
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_targets

# Runs each fuzz target to FUZZ_RUNS executions, one after the other, and prints
# runs, seconds and exec/s per target (recorded in bench/README.md).
FUZZ_RUNS ?= 10000000
fuzz: fuzz-build
	@for src in src/*/*_fuzz.cc; do \
	  d=$${src#src/}; d=$${d%%/*}; n=$$(basename $$src .cc); \
	  scripts/fuzz-run --runs $(FUZZ_RUNS) $(FUZZ_BUILD) $${d}_$$n || exit 1; \
	done

asan:
	$(MAKE) test BUILD=build-asan BUILD_TYPE=Debug CMAKE_FLAGS=-DSOLIPRAXIS_SANITIZE=ON

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) build-asan $(FUZZ_BUILD)
