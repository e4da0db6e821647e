# The two commands for a fresh Debian 12 machine: `make run` and `make test`.
# Each installs what is missing (scripts/install-deps), then builds.
BUILD      ?= build
JOBS       ?= $(shell nproc)
BUILD_TYPE ?= Release
CMAKE_FLAGS ?=
LISTEN     ?= 127.0.0.1:8080
# Lets ccache share results between checkouts of this repository.
export CCACHE_BASEDIR := $(CURDIR)

.PHONY: all deps build run test test-unit bench crash asan fuzz format clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/solipraxis serve --listen $(LISTEN)

# Every test: unit, integration, store contract on SQLite and PostgreSQL, browser.
test: build
	ctest --test-dir $(BUILD) --output-on-failure --timeout 600 -j $(JOBS)

bench: build
	bench/run

# Crash consistency: the server killed with SIGKILL under concurrent writes,
# CRASH_CYCLES times (`make test` runs 10 cycles of the same test).
CRASH_CYCLES ?= 100
crash: build
	SOLIPRAXIS_CRASH_CYCLES=$(CRASH_CYCLES) $(BUILD)/tests/integration/integration_test \
	  --gtest_filter='Crash.*'

# libFuzzer targets of the text checker (clang), each run for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
fuzz:
	CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOLIPRAXIS_FUZZ=ON -DSOLIPRAXIS_WERROR=OFF
	cmake --build build-fuzz -j $(JOBS) --target text_tokenizer_fuzz text_checker_fuzz
	mkdir -p build-fuzz/corpus/tokenizer build-fuzz/corpus/checker
	build-fuzz/src/text/text_tokenizer_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build-fuzz/corpus/tokenizer
	build-fuzz/src/text/text_checker_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build-fuzz/corpus/checker

asan:
	$(MAKE) test BUILD=build-asan BUILD_TYPE=Debug CMAKE_FLAGS=-DSOLIPRAXIS_SANITIZE=ON

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) build-asan
