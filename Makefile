# gatherorder: the two commands are `make paper` (the main job) and
# `go test ./...` (the tests; also `make test`).
GO ?= go
SHELL := /bin/bash

.PHONY: all test verify bench fuzz lint paper measure measure-libuv hop realworld setup

all: test

setup:
	scripts/setup.sh

# The README's test command (< 3 minutes on 2 cores).
test: setup
	$(GO) test ./...

# The long runs: more checks, larger bounds (GATHERORDER_VERIFY=1 raises the
# budgets of every engine), and the tests that depend on the wall clock or
# real sockets' timing (experiments/hop, experiments/optbench).
verify: setup
	GATHERORDER_VERIFY=1 $(GO) test -timeout 90m -count=1 ./...

# Benchmarks, 10 runs each, summarised with benchstat.
bench:
	$(GO) test -run '^$$' -bench . -count 10 ./... | tee bench.txt
	$(GO) run golang.org/x/perf/cmd/benchstat@latest bench.txt

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 60s ./model
	$(GO) test -run '^$$' -fuzz '^FuzzUncertain$$' -fuzztime 60s ./model
	$(GO) test -run '^$$' -fuzz '^FuzzSimulateUncertain$$' -fuzztime 60s ./cmd/gatherorder
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 60s ./record
	$(GO) test -run '^$$' -fuzz '^FuzzParseRaw$$' -fuzztime 60s ./record

lint:
	test -z "$$(gofmt -l .)"
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

# The main job: regenerate every table, figure and number of the paper from
# code in one generator run (never re-measuring: see `measure` and `hop`),
# then build paper/paper.pdf. It installs what it needs first, TeX included
# (scripts/setup.sh --tex), and fails if the PDF cannot be built, if its
# main text ends after page 16 or if the log has an overfull box or an
# undefined reference (paper -check-build). SOURCE_DATE_EPOCH and
# FORCE_SOURCE_DATE (with paper.tex's \pdfinfoomitdate and \pdftrailerid)
# make two builds byte-identical.
paper:
	scripts/setup.sh --tex
	$(GO) run ./experiments/paper
	cd paper && SOURCE_DATE_EPOCH=0 FORCE_SOURCE_DATE=1 latexmk -pdf -interaction=nonstopmode -halt-on-error -quiet paper.tex
	$(GO) run ./experiments/paper -check-build

# The real-socket hop experiment (about 30 s, loopback only), after the
# tests that run real sockets on the wall clock (go test ./... skips them:
# they need GATHERORDER_VERIFY=1).
hop: setup
	GATHERORDER_VERIFY=1 $(GO) test -count=1 ./experiments/hop/...
	$(GO) run ./experiments/hop/cmd/hop

# Re-measure the real-clock validation data (about 6 minutes; run on a quiet
# machine). Plotting never needs this: the CSV is committed.
measure: setup
	$(GO) run ./experiments/realclock/cmd/realclock -n 200 -repeats 3
	$(GO) run ./experiments/realclock/cmd/realclock -summarize experiments/data/realclock.csv

# The seed thread's setups rebuilt with the real libraries (about 8 minutes,
# loopback only): installs Debian's python3 with httpx, Flask, psycopg,
# aiohttp and uvloop and the PostgreSQL server (scripts/setup-realworld.sh),
# starts a Flask delay server, a late-handshake TLS server and a PostgreSQL
# cluster in a temporary directory (stopped at the end), records every
# setup with gatherorder's recorder, predicts every gather order from the
# recording, runs every order, and writes experiments/data/realworld.csv and
# the recordings (experiments/data/realworld). It runs under nice -n -10,
# because the CPU phases are measured on the wall clock and a shared
# machine's other work lengthens them; where that is not permitted, GNU nice
# says so and runs it unchanged.
realworld:
	scripts/setup-realworld.sh
	nice -n -10 $(GO) run ./experiments/realworld/cmd/realworld

# Re-measure the libuv real-clock validation data: uvloop and Node.js against
# their models, CPython's loop as the control (about 12 minutes; run on a quiet
# machine: the one-minute load is recorded in every row). Never part of
# `go test ./...`.
measure-libuv: setup
	$(GO) run ./experiments/libuvclock/cmd/libuvclock -n 201 -repeats 3
	$(GO) run ./experiments/libuvclock/cmd/libuvclock -summarize experiments/data/libuvclock.csv
