package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The README quotes the tool's output; this test keeps the quote true.
// Each `<!-- README-RUN: ARGS -->` marker in README.md is followed by an
// indented block that must equal the output of `gatherorder ARGS` (run from
// the repository root). `go test ./cmd/gatherorder -update` rewrites the
// blocks.
func TestREADMEExamplesAreCurrent(t *testing.T) {
	const path = "../../README.md"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	marker := regexp.MustCompile(`(?m)^<!-- README-RUN: (.*) -->\n\n((?:(?:    .*)?\n)*)`)
	if err := os.Chdir("../.."); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir("cmd/gatherorder")
	found := 0
	out := marker.ReplaceAllFunc(src, func(m []byte) []byte {
		found++
		sub := marker.FindSubmatch(m)
		args := strings.Fields(string(sub[1]))
		var stdout, stderr bytes.Buffer
		if code := run(args, nil, &stdout, &stderr); code != 0 {
			t.Errorf("README: gatherorder %s exits %d: %s", sub[1], code, stderr.String())
			return m
		}
		var block strings.Builder
		for _, line := range strings.SplitAfter(stdout.String(), "\n") {
			if line == "" {
				continue
			}
			if line == "\n" {
				block.WriteString("\n")
			} else {
				block.WriteString("    " + line)
			}
		}
		want := block.String()
		if got := strings.TrimRight(string(sub[2]), "\n") + "\n"; got != want && !updating() {
			t.Errorf("README block after %q is out of date; run go test ./cmd/gatherorder -update\n--- README\n%s\n--- tool\n%s", sub[1], sub[2], want)
		}
		return []byte("<!-- README-RUN: " + string(sub[1]) + " -->\n\n" + want + "\n")
	})
	if found == 0 {
		t.Fatal("README.md has no README-RUN marker")
	}
	if updating() && !bytes.Equal(out, src) {
		if err := os.WriteFile("README.md", out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// README sections generated elsewhere (the paper generator writes
// paper/generated/readme-reproduce.md) are included verbatim between
// `<!-- README-INCLUDE: PATH -->` and `<!-- /README-INCLUDE -->`; this test
// keeps the copy equal to the generated file (`-update` rewrites it).
func TestREADMEIncludesAreCurrent(t *testing.T) {
	const path = "../../README.md"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	include := regexp.MustCompile(`(?s)<!-- README-INCLUDE: (\S+) -->\n(.*?)<!-- /README-INCLUDE -->`)
	found := 0
	out := include.ReplaceAllFunc(src, func(m []byte) []byte {
		found++
		sub := include.FindSubmatch(m)
		want, err := os.ReadFile("../../" + string(sub[1]))
		if err != nil {
			t.Errorf("README includes %s: %v", sub[1], err)
			return m
		}
		if !bytes.Equal(sub[2], want) && !updating() {
			t.Errorf("README's copy of %s is out of date; run go test ./cmd/gatherorder -update", sub[1])
		}
		return []byte("<!-- README-INCLUDE: " + string(sub[1]) + " -->\n" + string(want) + "<!-- /README-INCLUDE -->")
	})
	if found == 0 {
		t.Fatal("README.md has no README-INCLUDE marker")
	}
	if updating() && !bytes.Equal(out, src) {
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
