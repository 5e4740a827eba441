# lianxin — the two commands of the README are `make demo` and `make test`. Everything else is a step of them.
SHELL := /bin/bash
BUILD ?= build
PORT ?= 8080
DB ?= data/lianxin.db
# ccache keys on absolute paths unless told the project's root: a fresh clone then reuses earlier builds.
export CCACHE_BASEDIR := $(CURDIR)

.PHONY: demo deps build web test bench clean unit format

demo: deps build web
	@mkdir -p data
	./$(BUILD)/lianxin --db sqlite:$(DB) --port $(PORT) demo

deps:
	@scripts/deps

build:
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@ninja -C $(BUILD)

web:
	@scripts/web-build

unit: build
	./$(BUILD)/lianxin_tests --gtest_brief=1

test:
	@scripts/test

format:
	@scripts/format

bench: deps build
	@bench/run

clean:
	rm -rf $(BUILD) web/dist
