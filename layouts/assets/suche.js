// suche.js: the search on /suche/, loaded only there, after the index
// (suche/index.js, which sets window.handbuchSuche).
//
// Without this script the page shows every heading and glossary term from
// A to Z. With it, the search form appears; the query comes from ?q= (the
// form in the header of every page) and results follow every submit and,
// after a short pause, every change of the field. The count goes to a
// polite status region. Words are folded and stemmed exactly as
// internal/search does at build time: keep fold, words, plain, stem,
// stemEnglish, stemArabic, stems and the search in step with search.go
// and query.go (Go tests compare them).
(function () {
  'use strict';

  // fold: see Fold in search.go. NFKC; lower case; ä → ae, ö → oe,
  // ü → ue, ß → ss; other accents dropped, except on Cyrillic letters;
  // ς → σ; Arabic harakat, hamza marks and tatweel dropped, alef forms →
  // ا, ى → ي, ة → ه, Arabic-Indic digits → 0–9; NFC.
  var MARK = /\p{M}/u, CYRILLIC = /\p{Script=Cyrillic}/u;
  function fold(s) {
    s = s.normalize('NFKC').toLowerCase()
      .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
      .normalize('NFD');
    var out = '', cyrillic = false;
    for (var ch of s) {
      var r = ch.codePointAt(0);
      if (r >= 0x300 && r <= 0x36f && !cyrillic) continue;
      if ((r >= 0x64b && r <= 0x65f) || r === 0x670 || r === 0x640) continue;
      if (r === 0x622 || r === 0x623 || r === 0x625 || r === 0x671) ch = '\u0627';
      else if (r === 0x649) ch = '\u064a';
      else if (r === 0x629) ch = '\u0647';
      else if (r >= 0x660 && r <= 0x669) ch = String(r - 0x660);
      else if (r >= 0x6f0 && r <= 0x6f9) ch = String(r - 0x6f0);
      else if (ch === 'ς') ch = 'σ';
      if (r < 0x300 || !MARK.test(ch)) cyrillic = r >= 0x400 && CYRILLIC.test(ch);
      out += ch;
    }
    return out.normalize('NFC');
  }

  // size: the letters of a string, in code points (runes), not UTF-16 units.
  function size(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) n++;
    }
    return n;
  }

  // words: runs of letters, marks and decimal digits of any script, of
  // two letters or more.
  function words(s) {
    return (fold(s).match(/[\p{L}\p{M}\p{Nd}]+/gu) || []).filter(function (w) { return size(w) >= 2; });
  }

  function plain(w) {
    return w.replace(/([aou])e/g, '$1');
  }

  // Endings, longest first, with the letters allowed before them ('' for any).
  var SUFFIXES = [['ern', ''], ['en', ''], ['er', ''], ['es', ''], ['e', ''], ['n', 'lr'], ['s', 'bdfghklmnrt']];

  // stem: the German stem of a folded word (Stem in search.go).
  function stem(w) {
    w = plain(w);
    if (/ungen$/.test(w) && size(w) - 2 >= 3) {
      w = w.slice(0, -2);
    } else if (/innen$/.test(w) && size(w) - 3 >= 3) {
      w = w.slice(0, -3);
    } else {
      for (var i = 0; i < SUFFIXES.length; i++) {
        var s = SUFFIXES[i][0], after = SUFFIXES[i][1];
        var n = w.length - s.length;
        if (w.endsWith(s) && size(w.slice(0, n)) >= 3 && (after === '' || after.indexOf(w[n - 1]) >= 0)) {
          w = w.slice(0, n);
          break;
        }
      }
    }
    return w.endsWith('ss') ? w.slice(0, -1) : w;
  }

  // stemEnglish: Harman's S-stemmer, then plain (StemEnglish in search.go).
  function stemEnglish(w) {
    var n = size(w);
    if (/ies$/.test(w) && n - 3 >= 3 && !/[ea]ies$/.test(w)) w = w.slice(0, -3) + 'y';
    else if (/es$/.test(w) && n - 1 >= 3 && !/[aeo]es$/.test(w)) w = w.slice(0, -1);
    else if (/s$/.test(w) && n - 1 >= 3 && !/[us]s$/.test(w)) w = w.slice(0, -1);
    return plain(w);
  }

  // stemArabic: a folded Arabic word without the article ال or لل, if
  // three letters remain (StemArabic in search.go).
  function stemArabic(w) {
    var articles = ['\u0627\u0644', '\u0644\u0644'];
    for (var i = 0; i < articles.length; i++) {
      if (w.startsWith(articles[i]) && size(w) - 2 >= 3) return w.slice(2);
    }
    return w;
  }

  var ARABIC = /^\p{Script=Arabic}/u;

  // stems: the index keys a folded query word is looked up under
  // (QueryStems in search.go): German, English and plain for a Latin
  // word, without repeats; an Arabic word without its article.
  function stems(w) {
    if (ARABIC.test(w)) return [stemArabic(w)];
    var out = [stem(w)];
    [stemEnglish(w), plain(w)].forEach(function (s) { if (out.indexOf(s) < 0) out.push(s); });
    return out;
  }

  // prefix: the form in which a query word finds the words that begin with it.
  function prefix(w) {
    return ARABIC.test(w) ? stemArabic(w) : plain(w);
  }

  // tokens: the runs of letters, marks and digits of a query, as typed.
  function tokens(s) {
    return s.split(/[^\p{L}\p{M}\p{Nd}]+/u).filter(function (t) { return t !== ''; });
  }

  // typos: the edit distance a query word of n letters may have.
  function typos(n) {
    return n >= 8 ? 2 : n >= 5 ? 1 : 0;
  }

  // codes: the letters of a string as code points, so that distance
  // counts letters (runes), not UTF-16 units.
  function codes(s) {
    var out = [];
    for (var ch of s) out.push(ch.codePointAt(0));
    return out;
  }

  // distance: optimal string alignment distance between two arrays of
  // code points, limit+1 when further. Its three rows are kept between
  // calls: the typo search calls it for every index word of about the
  // query's length.
  var rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
  function distance(a, b, limit) {
    if (b.length + 1 > rows[0].length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
    var prev2 = rows[0], prev = rows[1], cur = rows[2], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur[0] = i;
      var low = i, ai = a[i - 1], ap = i > 1 ? a[i - 2] : -1;
      for (j = 1; j <= b.length; j++) {
        var bj = b[j - 1];
        var v = prev[j - 1] + (ai === bj ? 0 : 1);
        if (prev[j] + 1 < v) v = prev[j] + 1;
        if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
        if (j > 1 && ai === b[j - 2] && ap === bj && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
        cur[j] = v;
        if (v < low) low = v;
      }
      if (low > limit) return limit + 1;
      var t = prev2; prev2 = prev; prev = cur; cur = t;
    }
    return Math.min(prev[b.length], limit + 1);
  }

  // makeSearch returns the search over an index; internal/search's
  // Index.Search does the same, and a Go test compares the two.
  function makeSearch(index) {
    var keys = index.words.map(function (w) { return w[0]; });
    // The keys' letters, counted and (for the typo search, when first
    // needed) as code points.
    var sizes = keys.map(size), keyCodes = new Array(keys.length);
    var stops = new Set(index.stop);

    // first returns the position of the first key not before s.
    function first(s) {
      var lo = 0, hi = keys.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (keys[mid] < s) lo = mid + 1; else hi = mid;
      }
      return lo;
    }

    // form: the word a suggestion shows for an index word (see wordJS
    // in internal/search).
    function form(w) {
      var c = String.fromCodePoint(w[0].codePointAt(0)), f = w[2], cap = c.toUpperCase() + w[0].slice(c.length);
      if (f === undefined) return w[0];
      if (f === 1) return cap;
      if (f.charAt(0) === '+') return w[0] + f.slice(1);
      if (f.charAt(0) === '^') return cap + f.slice(1);
      return f;
    }

    // scores maps part → score for one query word: its stems count twice
    // the weight, a word that merely begins with it ("Daten" in
    // "Datenschutz") once.
    function scores(w) {
      var out = new Map();
      function add(postings, factor) {
        for (var i = 0; i < postings.length; i += 2) {
          var sc = postings[i + 1] * factor;
          if (!(out.get(postings[i]) >= sc)) out.set(postings[i], sc);
        }
      }
      stems(w).forEach(function (s) {
        var i = first(s);
        if (keys[i] === s) add(index.words[i][1], 2);
      });
      var p = prefix(w);
      if (size(p) >= 3) {
        for (var j = first(p); j < keys.length && keys[j].startsWith(p); j++) add(index.words[j][1], 1);
      }
      return out;
    }

    // closest: the index word nearest to a stem of w within typos(),
    // the one in most parts on a tie, or -1.
    function closest(w) {
      var limit = typos(size(w));
      if (limit === 0) return -1;
      var ss = stems(w).map(codes), best = -1, bestD = limit + 1, bestN = 0;
      for (var i = 0; i < keys.length; i++) {
        for (var k = 0; k < ss.length; k++) {
          var s = ss[k];
          if (Math.abs(sizes[i] - s.length) > limit) continue;
          if (!keyCodes[i]) keyCodes[i] = codes(keys[i]);
          var d = distance(s, keyCodes[i], limit), n = index.words[i][1].length;
          if (d <= limit && (d < bestD || (d === bestD && n > bestN))) { best = i; bestD = d; bestN = n; }
        }
      }
      return best;
    }

    // search returns { ignored, searched, corrected, hits }: the tokens of
    // stop words only, how many words were searched, the query with its
    // typos corrected ('' if none), and the docs found, best first.
    return function search(query) {
      var r = { ignored: [], searched: 0, corrected: '', hits: [] };
      var qs = [], seen = new Set(), toks = tokens(query);
      toks.forEach(function (token, t) {
        var ws = words(token), content = false;
        ws.forEach(function (w) {
          if (stops.has(w)) return;
          content = true;
          if (!seen.has(w)) { seen.add(w); qs.push({ w: w, token: t }); }
        });
        var key = ' ' + fold(token);
        if (ws.length > 0 && !content && !seen.has(key)) { seen.add(key); r.ignored.push(token); }
      });
      r.searched = qs.length;
      if (qs.length === 0) return r;
      var byDoc = new Map(), corrected = new Map();
      qs.forEach(function (q, k) {
        var sc = scores(q.w);
        if (sc.size === 0) {
          var i = closest(q.w);
          if (i >= 0) {
            var word = index.words[i];
            corrected.set(q.token, form(word));
            for (var j = 0; j < word[1].length; j += 2) sc.set(word[1][j], word[1][j + 1]);
          }
        }
        sc.forEach(function (s, part) {
          var d = index.parts[part].d;
          var e = byDoc.get(d);
          if (!e) {
            e = { best: qs.map(function () { return 0; }), parts: new Map() };
            byDoc.set(d, e);
          }
          e.best[k] = Math.max(e.best[k], s);
          e.parts.set(part, (e.parts.get(part) || 0) + s);
        });
      });
      if (corrected.size > 0) {
        var out = [];
        toks.forEach(function (token, t) {
          if (corrected.has(t)) out.push(corrected.get(t));
          else if (!words(token).every(function (w) { return stops.has(w); })) out.push(token);
        });
        r.corrected = out.join(' ');
      }
      byDoc.forEach(function (e, d) {
        if (e.best.indexOf(0) >= 0) return;
        var part = -1, top = 0;
        e.parts.forEach(function (s, p) {
          if (s > top || (s === top && p < part)) { part = p; top = s; }
        });
        r.hits.push({ doc: d, part: part, score: e.best.reduce(function (a, b) { return a + b; }, 0) });
      });
      r.hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      return r;
    };
  }

  // Under Node (the Go tests of the stemmer and the search) there is no
  // page to work on.
  if (typeof document === 'undefined') {
    if (typeof module === 'object') {
      module.exports = {
        fold: fold, words: words, plain: plain, stem: stem, stemEnglish: stemEnglish, stemArabic: stemArabic,
        stems: stems, tokens: tokens, makeSearch: makeSearch,
      };
    }
    return;
  }

  var index = window.handbuchSuche;
  var form = document.getElementById('suche-formular');
  var field = document.getElementById('suche-begriff');
  var status = document.getElementById('suche-status');
  var hint = document.getElementById('suche-vorschlag');
  var list = document.getElementById('suche-treffer');
  if (!index || !form || !field || !status || !hint || !list) return;

  var MAX = 50;
  var search = makeSearch(index);

  // href is the one place links are made: the relative way to the site
  // root, the page, a suffix and the anchor. Opened from disk (file://),
  // a folder does not open its index.html, so links name it; a
  // data-link-suffix on the form overrides this.
  var root = form.getAttribute('data-root') || '';
  var suffix = form.hasAttribute('data-link-suffix') ? form.getAttribute('data-link-suffix')
    : location.protocol === 'file:' ? 'index.html' : '';
  function href(doc, part) {
    return root + doc.u + suffix + (part.a ? '#' + part.a : '');
  }

  // show runs a query and writes the results, the count (into the
  // polite status), the words left out and a "Meinten Sie …?" link that
  // runs the corrected query.
  function show(query) {
    var q = query.trim();
    list.textContent = '';
    list.hidden = true;
    hint.textContent = '';
    hint.hidden = true;
    if (q === '') {
      status.textContent = '';
      return;
    }
    var r = search(q);
    // Results in the reader's language first, in the order of the
    // search: the language of the page the search came from (?sprache=,
    // set by the header of a page in another language), else the
    // handbook's.
    var mine = function (h) { return (index.docs[h.doc].l || '') === reader ? 0 : 1; };
    var hits = r.hits.slice().sort(function (a, b) { return mine(a) - mine(b); });
    hits.slice(0, MAX).forEach(function (h) {
      var doc = index.docs[h.doc];
      var part = index.parts[h.part];
      // A result in another language is in it as a whole, and in its
      // direction: an Arabic one with its number, link and snippet
      // from the right.
      var li = document.createElement('li');
      if (doc.l) {
        li.lang = doc.l;
        li.dir = 'auto';
      }
      var a = document.createElement('a');
      a.href = href(doc, part);
      a.textContent = part.h ? part.h + ' – ' + doc.t : doc.t;
      li.appendChild(a);
      if (doc.k) {
        var kind = document.createElement('span');
        kind.className = 'suche-art';
        if (doc.l) kind.lang = 'de';
        kind.textContent = doc.k;
        li.appendChild(document.createTextNode(' '));
        li.appendChild(kind);
      }
      if (part.s) {
        var p = document.createElement('p');
        p.textContent = part.s;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    list.hidden = hits.length === 0;
    var ignored = r.ignored.length ? 'Nicht gesucht: ' + r.ignored.join(', ') + ' (zu häufige Wörter).' : '';
    if (r.searched === 0 && r.ignored.length === 0) {
      // Only words of one letter ("a", the Arabic "و"), or no letters.
      status.textContent = 'Keine Treffer für „' + q + '“. Die Suche braucht Wörter aus mindestens zwei Buchstaben oder Ziffern.';
      return;
    }
    if (r.searched === 0) {
      status.textContent = 'Nicht gesucht: ' + r.ignored.join(', ') + '. Diese Wörter sind zu häufig, die Suche lässt sie weg. ' +
        'Geben Sie ein genaueres Wort ein, zum Beispiel „Datenschutz“.';
      return;
    }
    var text = '';
    var shown = r.corrected || q;
    if (r.corrected) text = 'Keine Treffer für „' + q + '“. Ähnlich geschrieben: ';
    var quoted = '„' + shown + '“';
    if (hits.length === 0) text += 'Keine Treffer für ' + quoted + '.';
    else if (hits.length > MAX) text += hits.length + ' Treffer für ' + quoted + ', die ersten ' + MAX + ' stehen hier.';
    else text += hits.length + ' Treffer für ' + quoted + '.';
    status.textContent = ignored ? text + ' ' + ignored : text;
    if (r.corrected) {
      var link = document.createElement('a');
      link.href = '?q=' + encodeURIComponent(r.corrected) + (reader ? '&sprache=' + encodeURIComponent(reader) : '');
      link.textContent = 'Meinten Sie „' + r.corrected + '“?';
      hint.appendChild(link);
      hint.hidden = false;
    }
  }

  var note = document.getElementById('suche-ohne-skript');
  if (note) note.hidden = true;
  var help = document.getElementById('suche-hilfe');
  if (help) help.hidden = false;
  form.hidden = false;
  document.documentElement.classList.add('suche-aktiv');

  var params = new URLSearchParams(location.search);
  var query = params.get('q') || '';
  var reader = params.get('sprache') || '';
  field.value = query;
  if (query) show(query);

  var timer = 0;
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    show(field.value);
    try {
      history.replaceState(null, '', '?q=' + encodeURIComponent(field.value.trim()) + (reader ? '&sprache=' + encodeURIComponent(reader) : ''));
    } catch (err) {
      // Some browsers refuse this for pages opened from disk; the results stand anyway.
    }
  });
  field.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(field.value); }, 400);
  });
}());
