// handbuch.js: small enhancements on top of pages that work without it.
//
// Glossary terms: every linked term (a.begriff) gets a button right after
// it that opens the term's short explanation in place, below the line,
// without covering anything. The button says whether it is open
// (aria-expanded) and points to the explanation (aria-controls), which is
// announced politely when it appears. Enter, Space and a click toggle it;
// Escape and moving the focus away close it. Without this script the term
// is simply a link to its glossary entry.
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
    label.textContent = 'Kurz erklärt: ' + link.getAttribute('data-begriff');
    button.appendChild(icon);
    button.appendChild(label);

    var box = document.createElement('span');
    box.id = id;
    box.className = 'begriff-kurz';
    box.hidden = true;
    box.setAttribute('aria-live', 'polite');

    link.parentNode.insertBefore(button, link.nextSibling);
    link.parentNode.insertBefore(box, button.nextSibling);

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
})();
