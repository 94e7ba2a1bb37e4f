package repocheck

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// Repo is what a reference may name: the tracked files, the directories
// that hold them, and the build outputs that .gitignore names (Ignored).
// Paths are slash-separated and relative to the module root.
type Repo struct {
	Files   map[string]bool
	Dirs    map[string]bool
	Ignored map[string]bool
	// Headings maps each Markdown file to the ids of its headings: the
	// first word of each heading line without a trailing '.' or ':'
	// ("## S3. One loop iteration" has id S3).
	Headings map[string]map[string]bool
	// tails maps every tail of a tracked path that starts at a segment
	// boundary (numbers.tex, generated/proofs.tex) to the paths ending in it.
	tails map[string][]string
}

// NewRepo builds a Repo from the tracked files; contents gives the text of
// a Markdown file, whose headings § references are checked against.
func NewRepo(files []string, contents func(p string) []byte) *Repo {
	r := &Repo{Files: map[string]bool{}, Dirs: map[string]bool{".": true}, Ignored: map[string]bool{},
		Headings: map[string]map[string]bool{}, tails: map[string][]string{}}
	for _, f := range files {
		r.Files[f] = true
		r.addTails(f)
		for d := path.Dir(f); d != "." && !r.Dirs[d]; d = path.Dir(d) {
			r.Dirs[d] = true
			r.addTails(d)
		}
		if strings.HasSuffix(f, ".md") {
			r.Headings[f] = headings(contents(f))
		}
	}
	return r
}

func (r *Repo) addTails(p string) {
	for s, ok := p, true; ok; _, s, ok = strings.Cut(s, "/") {
		r.tails[s] = append(r.tails[s], p)
	}
}

var headingRE = regexp.MustCompile(`^#{1,6}[ \t]+(\S+)`)

func headings(text []byte) map[string]bool {
	ids := map[string]bool{}
	for _, l := range strings.Split(string(text), "\n") {
		if m := headingRE.FindStringSubmatch(l); m != nil {
			ids[strings.TrimRight(m[1], ".:")] = true
		}
	}
	return ids
}

// resolve looks p up relative to the citing file's directory and each of
// its ancestors up to the root, then as the tail of any tracked path (the
// paper's generator, working in paper/, cites generated/proofs.tex). It
// returns the repository paths found, or nil and the paths it tried.
func (r *Repo) resolve(file, p string) (found, tried []string) {
	p = strings.TrimSuffix(p, "/")
	for d := path.Dir(file); ; d = path.Dir(d) {
		if c := path.Join(d, p); c != ".." && !strings.HasPrefix(c, "../") {
			if r.Files[c] || r.Dirs[c] || r.Ignored[c] {
				return []string{c}, nil
			}
			tried = append(tried, c)
		}
		if d == "." {
			break
		}
	}
	if ps := r.tails[p]; ps != nil && !strings.HasPrefix(p, "../") {
		return ps, nil
	}
	return nil, tried
}

// section returns "" if one of files (what a reference resolved to) is
// Markdown with a heading id, else what is wrong.
func (r *Repo) section(files []string, id string) string {
	md := ""
	for _, f := range files {
		if hs, ok := r.Headings[f]; ok {
			if hs[id] {
				return ""
			}
			md = f
		}
	}
	if md == "" {
		return "a § reference needs a Markdown file with headings"
	}
	return fmt.Sprintf("%s has no heading %s", md, id)
}
