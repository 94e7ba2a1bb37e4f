# gatherorder: the two commands are `make paper` (the main job) and
# `go test ./...` (the tests; also `make test`).
GO ?= go
SHELL := /bin/bash

.PHONY: all test verify bench fuzz lint paper measure setup

all: test

setup:
	scripts/setup.sh

# The README's test command (< 3 minutes on 2 cores).
test: setup
	$(GO) test ./...

# The long runs: more checks, larger bounds (GATHERORDER_VERIFY=1 raises the
# budgets of every engine).
verify: setup
	GATHERORDER_VERIFY=1 $(GO) test -timeout 90m -count=1 ./...

# Benchmarks, 10 runs each, summarised with benchstat.
bench:
	$(GO) test -run '^$$' -bench . -count 10 ./... | tee bench.txt
	$(GO) run golang.org/x/perf/cmd/benchstat@latest bench.txt

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 60s ./model

lint:
	test -z "$$(gofmt -l .)"
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

# Placeholder until the paper issue: regenerates nothing yet.
paper:
	@echo "make paper: not built yet (see issue 6)"; exit 1

# Re-measure the real-clock validation data (about 6 minutes; run on a quiet
# machine). Plotting never needs this: the CSV is committed.
measure: setup
	$(GO) run ./experiments/realclock -n 200 -repeats 3
	$(GO) run ./experiments/realclock -summarize experiments/data/realclock.csv
