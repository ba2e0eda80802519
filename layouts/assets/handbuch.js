// handbuch.js: small enhancements on top of pages that work without it.
//
// Glossary terms: a linked term that carries its short text
// (a.begriff[data-kurz]; the build gives it to a term's first link in a
// section, at most one per paragraph and three per section) gets a
// button right after it. The term and the button are wrapped together, with
// a word joiner between them, so that no line break comes between them. The button opens the short
// explanation below the paragraph (or at the end of the list item or table
// cell), never inside the sentence. It says whether it is open
// (aria-expanded) and points to the explanation (aria-controls), which is
// announced politely when it appears. Enter, Space and a click toggle it;
// Escape and moving the focus away close it, and the focus stays on the
// button. Without this script the term is simply a link to its glossary
// entry. On a page in another language the link carries the label of the
// button in that language (data-knopf), and the short text in it; the
// explanation then carries the language and direction of the term.
(function () {
  'use strict';

  var links = document.querySelectorAll('a.begriff[data-kurz]');
  for (var i = 0; i < links.length; i++) {
    enhance(links[i], 'hb-kurz-' + i);
  }

  function enhance(link, id) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'begriff-knopf';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', id);
    var icon = document.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '?';
    var label = document.createElement('span');
    label.className = 'visually-hidden';
    // A page in another language gives the label in its language.
    var knopf = link.getAttribute('data-knopf');
    label.textContent = (knopf || 'Kurz erklärt') + ': ' + link.getAttribute('data-begriff');
    button.appendChild(icon);
    button.appendChild(label);

    var box = document.createElement('div');
    box.id = id;
    box.className = 'begriff-kurz';
    box.hidden = true;
    box.setAttribute('aria-live', 'polite');
    if (knopf) {
      // The short text is in the language of the term's sentence; the
      // box says so itself, wherever it lands.
      var own = link.closest('[lang]');
      if (own) {
        box.lang = own.lang;
      }
      box.dir = window.getComputedStyle(link).direction;
    }

    var pair = document.createElement('span');
    pair.className = 'begriff-paar';
    link.parentNode.insertBefore(pair, link);
    pair.appendChild(link);
    // A word joiner: Chromium breaks between a link and the button after
    // it even inside white-space: nowrap; U+2060 forbids that break.
    pair.appendChild(document.createTextNode('\u2060'));
    pair.appendChild(button);

    // The explanation goes after the paragraph, or at the end of the list
    // item, table cell or quote that holds the term without a paragraph.
    var block = pair.parentNode.closest('p, legend, label, li, dt, dd, td, th, blockquote');
    if (!block) {
      pair.parentNode.insertBefore(box, pair.nextSibling);
    } else if (/^(P|LEGEND|LABEL)$/.test(block.tagName)) {
      block.parentNode.insertBefore(box, block.nextSibling);
    } else {
      block.appendChild(box);
    }

    function toggle(open) {
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      box.hidden = !open;
      // Setting the text when it appears makes screen readers read it.
      box.textContent = open ? link.getAttribute('data-kurz') : '';
    }
    button.addEventListener('click', function () {
      toggle(button.getAttribute('aria-expanded') !== 'true');
    });
    button.addEventListener('keydown', function (e) {
      if ((e.key === 'Escape' || e.key === 'Esc') && !box.hidden) {
        e.preventDefault();
        toggle(false);
      }
    });
    button.addEventListener('focusout', function () {
      toggle(false);
    });
  }

  // Checklists: the answers stay in this browser only (localStorage), a
  // count of answered items is announced politely, and a button clears
  // them; a polite message then offers to undo that ("Rückgängig"), until
  // the next answer is chosen. Without the script the answers can still be
  // chosen; nothing is kept.
  var lists = document.querySelectorAll('.checkliste[data-checkliste]');
  for (var j = 0; j < lists.length; j++) {
    checklist(lists[j]);
  }

  function checklist(el) {
    var key = 'handbuch:checkliste:' + el.getAttribute('data-checkliste');
    var items = el.querySelectorAll('.checkliste-punkt[data-punkt]');
    var radios = el.querySelectorAll('.checkliste-punkt input[type="radio"]');
    var store = null;
    try {
      store = window.localStorage;
    } catch (e) {
      store = null;
    }
    var saved = {};
    try {
      saved = JSON.parse((store && store.getItem(key)) || '{}') || {};
    } catch (e) {
      saved = {};
    }

    var panel = document.createElement('div');
    panel.className = 'checkliste-stand';
    var note = document.createElement('p');
    note.className = 'hinweis-klein';
    note.textContent = store
      ? 'Ihre Antworten speichert nur dieser Browser auf diesem Gerät. Nichts wird gesendet.'
      : 'Dieser Browser kann Ihre Antworten nicht speichern. Sie bleiben nur, solange die Seite offen ist.';
    var status = document.createElement('p');
    status.className = 'fortschritt';
    status.setAttribute('aria-live', 'polite');
    var reset = document.createElement('button');
    reset.type = 'button';
    reset.className = 'knopf';
    reset.textContent = 'Alle Antworten löschen';
    var undoBox = document.createElement('p');
    undoBox.className = 'checkliste-rueckgaengig';
    var undoText = document.createElement('span');
    undoText.setAttribute('role', 'status');
    undoText.setAttribute('aria-live', 'polite');
    var undo = document.createElement('button');
    undo.type = 'button';
    undo.className = 'knopf';
    undo.textContent = 'Rückgängig';
    undo.hidden = true;
    undoBox.appendChild(undoText);
    undoBox.appendChild(undo);
    panel.appendChild(note);
    panel.appendChild(status);
    panel.appendChild(reset);
    panel.appendChild(undoBox);
    var before = null; // the answers before "Alle Antworten löschen"
    var first = el.querySelector('fieldset');
    el.insertBefore(panel, first);

    function update(save) {
      var done = 0;
      var state = {};
      for (var i = 0; i < items.length; i++) {
        var c = items[i].querySelector('input[type="radio"]:checked');
        if (c) {
          done++;
          state[items[i].getAttribute('data-punkt')] = c.value;
        }
      }
      status.textContent = done + ' von ' + items.length + ' Punkten beantwortet';
      if (save && store) {
        try {
          store.setItem(key, JSON.stringify(state));
        } catch (e) {
          // Storage full or forbidden: the answers stay on the page.
        }
      }
    }
    for (var i = 0; i < radios.length; i++) {
      var item = radios[i].closest('.checkliste-punkt');
      radios[i].checked = saved[item.getAttribute('data-punkt')] === radios[i].value;
      radios[i].addEventListener('change', function () {
        if (before) {
          before = null;
          undo.hidden = true;
          undoText.textContent = '';
        }
        update(true);
      });
    }
    reset.addEventListener('click', function () {
      var was = [];
      for (var i = 0; i < radios.length; i++) {
        if (radios[i].checked) was.push(radios[i]);
        radios[i].checked = false;
      }
      update(true);
      if (was.length === 0) {
        undoText.textContent = 'Es waren keine Antworten gewählt.';
        return;
      }
      before = was;
      undoText.textContent = 'Alle Antworten gelöscht.';
      undo.hidden = false;
    });
    undo.addEventListener('click', function () {
      if (!before) return;
      for (var i = 0; i < before.length; i++) {
        before[i].checked = true;
      }
      before = null;
      update(true);
      // The button goes away; the focus goes back to where it came from.
      undo.hidden = true;
      reset.focus();
      undoText.textContent = 'Die Antworten sind wieder da.';
    });
    update(false);
  }

  // Traffic-light self-check: as soon as all three criteria are chosen,
  // the result and what it requires appear and are announced. The rule
  // and the decision table stay on the page for working it out on paper.
  var checks = document.querySelectorAll('.ampel-check[data-ampel]');
  for (var k = 0; k < checks.length; k++) {
    ampel(checks[k]);
  }

  function ampel(el) {
    var rank = { gruen: 0, gelb: 1, rot: 2 };
    var criteria = el.querySelectorAll('fieldset[data-kriterium]');
    var out = el.querySelector('.ampel-ergebnis');
    el.addEventListener('change', function () {
      var worst = null;
      var open = 0;
      for (var i = 0; i < criteria.length; i++) {
        var chosen = criteria[i].querySelector('input:checked');
        if (!chosen) {
          open++;
        } else if (worst === null || rank[chosen.value] > rank[worst]) {
          worst = chosen.value;
        }
      }
      while (out.firstChild) {
        out.removeChild(out.firstChild);
      }
      out.className = 'ampel-ergebnis';
      var p = document.createElement('p');
      if (open > 0) {
        p.textContent = 'Noch ' + open + ' von ' + criteria.length + ' Kriterien offen.';
        out.appendChild(p);
        return;
      }
      var row = el.querySelector('tr[data-stufe="' + worst + '"]');
      var strong = document.createElement('strong');
      strong.textContent = 'Ergebnis: ' + row.querySelector('th').textContent.replace(/\s+/g, ' ').trim() + '. ';
      p.appendChild(strong);
      p.appendChild(document.createTextNode(row.querySelector('td').textContent.trim()));
      out.appendChild(p);
      out.className = 'ampel-ergebnis ergebnis-' + worst;
    });
  }
})();
