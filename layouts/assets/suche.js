// suche.js: the search on /suche/, loaded only there, after the index
// (suche/index.js, which sets window.handbuchSuche).
//
// Without this script the page shows every heading and glossary term from
// A to Z. With it, the search form appears; the query comes from ?q= (the
// form in the header of every page) and results follow every submit and,
// after a short pause, every change of the field. The count goes to a
// polite status region. Words are folded and stemmed exactly as
// internal/search does at build time: keep fold, words, plain and stem in
// step with search.go (a Go test compares them).
(function () {
  'use strict';

  function fold(s) {
    return s.normalize('NFC').toLowerCase()
      .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  function words(s) {
    return (fold(s).match(/[a-z0-9]+/g) || []).filter(function (w) { return w.length >= 2; });
  }

  function plain(w) {
    return w.replace(/([aou])e/g, '$1');
  }

  // Endings, longest first, with the letters allowed before them ('' for any).
  var SUFFIXES = [['ern', ''], ['en', ''], ['er', ''], ['es', ''], ['e', ''], ['n', 'lr'], ['s', 'bdfghklmnrt']];

  function stem(w) {
    w = plain(w);
    if (/ungen$/.test(w) && w.length - 2 >= 3) {
      w = w.slice(0, -2);
    } else if (/innen$/.test(w) && w.length - 3 >= 3) {
      w = w.slice(0, -3);
    } else {
      for (var i = 0; i < SUFFIXES.length; i++) {
        var s = SUFFIXES[i][0], after = SUFFIXES[i][1];
        var n = w.length - s.length;
        if (w.endsWith(s) && n >= 3 && (after === '' || after.indexOf(w[n - 1]) >= 0)) {
          w = w.slice(0, n);
          break;
        }
      }
    }
    return w.endsWith('ss') ? w.slice(0, -1) : w;
  }

  // Under Node (the Go test of the stemmer) there is no page to work on.
  if (typeof document === 'undefined') {
    if (typeof module === 'object') module.exports = { fold: fold, words: words, plain: plain, stem: stem };
    return;
  }

  var index = window.handbuchSuche;
  var form = document.getElementById('suche-formular');
  var field = document.getElementById('suche-begriff');
  var status = document.getElementById('suche-status');
  var list = document.getElementById('suche-treffer');
  if (!index || !form || !field || !status || !list) return;

  var MAX = 50;
  var keys = index.words.map(function (w) { return w[0]; });

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

  // first returns the position of the first key not before s.
  function first(s) {
    var lo = 0, hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] < s) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // scores maps part → score for one query word: its stem counts twice
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
    var s = stem(w);
    var i = first(s);
    if (keys[i] === s) add(index.words[i][1], 2);
    var p = plain(w);
    if (p.length >= 3) {
      for (var j = first(p); j < keys.length && keys[j].startsWith(p); j++) add(index.words[j][1], 1);
    }
    return out;
  }

  // search returns the matching docs, best first: every query word must
  // stand somewhere in the doc; the link goes to its best part.
  function search(query) {
    var qs = [];
    words(query).forEach(function (w) {
      if (index.stop.indexOf(w) < 0 && qs.indexOf(w) < 0) qs.push(w);
    });
    var byDoc = new Map();
    qs.forEach(function (w, k) {
      scores(w).forEach(function (sc, part) {
        var d = index.parts[part].d;
        var e = byDoc.get(d);
        if (!e) {
          e = { doc: d, best: qs.map(function () { return 0; }), parts: new Map() };
          byDoc.set(d, e);
        }
        e.best[k] = Math.max(e.best[k], sc);
        e.parts.set(part, (e.parts.get(part) || 0) + sc);
      });
    });
    var hits = [];
    byDoc.forEach(function (e) {
      if (qs.length === 0 || e.best.indexOf(0) >= 0) return;
      var part = -1, top = 0;
      e.parts.forEach(function (sc, p) {
        if (sc > top || (sc === top && p < part)) { part = p; top = sc; }
      });
      hits.push({ doc: e.doc, part: part, score: e.best.reduce(function (a, b) { return a + b; }, 0) });
    });
    // Results in the reader's language first: the language of the page
    // the search came from (?sprache=, set by the header of a page in
    // another language), else the handbook's.
    var mine = function (h) { return (index.docs[h.doc].l || '') === reader ? 0 : 1; };
    hits.sort(function (a, b) { return mine(a) - mine(b) || b.score - a.score || a.doc - b.doc; });
    return hits;
  }

  function show(query) {
    var q = query.trim();
    list.textContent = '';
    list.hidden = true;
    if (q === '') {
      status.textContent = '';
      return;
    }
    var hits = search(q);
    hits.slice(0, MAX).forEach(function (h) {
      var doc = index.docs[h.doc];
      var part = index.parts[h.part];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = href(doc, part);
      a.textContent = part.h ? part.h + ' – ' + doc.t : doc.t;
      if (doc.l) {
        a.lang = doc.l;
        a.dir = 'auto';
      }
      li.appendChild(a);
      if (doc.k) {
        var kind = document.createElement('span');
        kind.className = 'suche-art';
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
    var quoted = '„' + q + '“';
    if (hits.length === 0) status.textContent = 'Keine Treffer für ' + quoted + '.';
    else if (hits.length > MAX) status.textContent = hits.length + ' Treffer für ' + quoted + ', die ersten ' + MAX + ' stehen hier.';
    else status.textContent = hits.length + ' Treffer für ' + quoted + '.';
  }

  var note = document.getElementById('suche-ohne-skript');
  if (note) note.hidden = true;
  form.hidden = false;

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
      history.replaceState(null, '', '?q=' + encodeURIComponent(field.value.trim()));
    } catch (err) {
      // Some browsers refuse this for pages opened from disk; the results stand anyway.
    }
  });
  field.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(field.value); }, 400);
  });
}());
