package search

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Result is what a query finds: the script on /suche/ does the same in
// the browser (layouts/assets/suche.js, compared by a test), so this is
// where the rules are written down and tested.
type Result struct {
	// Ignored are the tokens of the query, as typed, that are only stop
	// words ("und", "die"); they are not searched.
	Ignored []string
	// Searched is how many query words were searched; 0 with Ignored
	// means the query held only stop words.
	Searched int
	// Corrected is the query with every word that found nothing replaced
	// by the closest word of the index; "" when no word was corrected.
	// The hits are those of the corrected query.
	Corrected string
	Hits      []Hit
}

// Hit is a found doc, linked to its best part.
type Hit struct {
	Doc, Part, Score int
}

// Typos returns the edit distance a query word of n letters (runes,
// folded) may have from a word of the index: none under 5 letters, 1 up
// to 7, 2 from 8.
func Typos(n int) int {
	switch {
	case n >= 8:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// Search runs a query against the index, as the script does:
//
//   - the query is cut into tokens (as typed) and words (folded); a token
//     of stop words only is ignored and reported;
//   - a word finds the parts one of its stems (QueryStems) stands in
//     (twice the weight) and the parts with a word that begins with it
//     (once);
//   - a word of five letters or more that finds nothing is replaced by
//     the index word closest to one of its stems within Typos
//     (Damerau–Levenshtein, optimal string alignment, in letters), the
//     one in most parts on a tie, and finds that word's parts (once the
//     weight);
//   - a doc is found when every word is in it; its score is the sum of
//     each word's best score, and the link goes to the part with the
//     highest total.
func (ix *Index) Search(query string) Result {
	var r Result
	type qword struct {
		w     string
		token int
	}
	var qs []qword
	tokens := Tokens(query)
	seen := map[string]bool{}
	for t, token := range tokens {
		ws := Words(token)
		content := false
		for _, w := range ws {
			if !stopWords[w] {
				content = true
				if !seen[w] {
					seen[w] = true
					qs = append(qs, qword{w, t})
				}
			}
		}
		if len(ws) > 0 && !content && !seen[" "+Fold(token)] {
			seen[" "+Fold(token)] = true
			r.Ignored = append(r.Ignored, token)
		}
	}
	r.Searched = len(qs)
	if len(qs) == 0 {
		return r
	}

	type docHits struct {
		best  []int
		parts map[int]int
	}
	byDoc := map[int]*docHits{}
	corrected := map[int]string{} // token → the word it is replaced by
	for k, q := range qs {
		sc := ix.scores(q.w)
		if len(sc) == 0 {
			if i, ok := ix.closest(q.w); ok {
				w := ix.js.Words[i]
				corrected[q.token] = w.form
				sc = map[int]int{}
				for j := 0; j < len(w.postings); j += 2 {
					sc[w.postings[j]] = w.postings[j+1]
				}
			}
		}
		for part, s := range sc {
			d := ix.js.Parts[part].Doc
			e := byDoc[d]
			if e == nil {
				e = &docHits{best: make([]int, len(qs)), parts: map[int]int{}}
				byDoc[d] = e
			}
			e.best[k] = max(e.best[k], s)
			e.parts[part] += s
		}
	}
	if len(corrected) > 0 {
		var out []string
		for t, token := range tokens {
			if c, ok := corrected[t]; ok {
				out = append(out, c)
				continue
			}
			ignored := true
			for _, w := range Words(token) {
				ignored = ignored && stopWords[w]
			}
			if !ignored {
				out = append(out, token)
			}
		}
		r.Corrected = strings.Join(out, " ")
	}
	for d, e := range byDoc {
		score := 0
		for _, b := range e.best {
			if b == 0 {
				score = -1
				break
			}
			score += b
		}
		if score < 0 {
			continue
		}
		part, top := -1, 0
		for p, s := range e.parts {
			if s > top || s == top && p < part {
				part, top = p, s
			}
		}
		r.Hits = append(r.Hits, Hit{Doc: d, Part: part, Score: score})
	}
	sort.Slice(r.Hits, func(i, j int) bool {
		a, b := r.Hits[i], r.Hits[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.Doc < b.Doc
	})
	return r
}

// scores maps part → score for one folded query word: its stems count
// twice the weight, a word that merely begins with it ("Daten" in
// "Datenschutz") once.
func (ix *Index) scores(w string) map[int]int {
	out := map[int]int{}
	add := func(postings []int, factor int) {
		for i := 0; i < len(postings); i += 2 {
			out[postings[i]] = max(out[postings[i]], postings[i+1]*factor)
		}
	}
	words := ix.js.Words
	for _, s := range QueryStems(w) {
		if i := ix.first(s); i < len(words) && words[i].stem == s {
			add(words[i].postings, 2)
		}
	}
	if p := queryPrefix(w); utf8.RuneCountInString(p) >= 3 {
		for j := ix.first(p); j < len(words) && strings.HasPrefix(words[j].stem, p); j++ {
			add(words[j].postings, 1)
		}
	}
	return out
}

// first returns the position of the first index word not before s.
func (ix *Index) first(s string) int {
	words := ix.js.Words
	return sort.Search(len(words), func(i int) bool { return words[i].stem >= s })
}

// closest returns the index word nearest to a stem of the folded query
// word w within Typos of its letters: the smallest distance to any of
// its stems, then the word in most parts, then the first.
func (ix *Index) closest(w string) (int, bool) {
	limit := Typos(utf8.RuneCountInString(w))
	if limit == 0 {
		return 0, false
	}
	var stems [][]rune
	for _, s := range QueryStems(w) {
		stems = append(stems, []rune(s))
	}
	best, bestD, bestN := -1, limit+1, 0
	for i, x := range ix.js.Words {
		n := utf8.RuneCountInString(x.stem)
		key := []rune(nil)
		for _, s := range stems {
			if d := n - len(s); d > limit || -d > limit {
				continue
			}
			if key == nil {
				key = []rune(x.stem)
			}
			d := distance(s, key, limit)
			if p := len(x.postings); d <= limit && (d < bestD || d == bestD && p > bestN) {
				best, bestD, bestN = i, d, p
			}
		}
	}
	return best, best >= 0
}

// Distance is the optimal string alignment distance between a and b
// (Levenshtein with the swap of two neighbours as one edit), in letters
// (runes). Past limit it returns limit+1.
func Distance(a, b string, limit int) int {
	return distance([]rune(a), []rune(b), limit)
}

func distance(a, b []rune, limit int) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			low = min(low, v)
		}
		if low > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}
