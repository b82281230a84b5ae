/* dvk — default theme. Progressive enhancement only: every page works without
   this file. It adds (1) the showcase filter by year and field, (2) the copy
   button of the share block, (3) open <details> while printing. The search and the units index's filters are in tim.js. */
(function () {
  'use strict';

  function each(list, fn) {
    for (var i = 0; i < list.length; i++) fn(list[i], i);
  }

  // The element to hide for a card: its <li> when it sits in a list.
  function itemOf(card) {
    var p = card.parentNode;
    return p && p.nodeName === 'LI' ? p : card;
  }

  // ---- (1) Filters: <form data-filter-target="ID"> with <select data-filter="year|field">.
  // Cards inside #ID carry data-year / data-field. The state is kept in the
  // address (#nam=2025&linh-vuc=kinh-te) so a filtered view can be shared.
  function initFilter(form) {
    var list = document.getElementById(form.getAttribute('data-filter-target'));
    if (!list) return;
    var selects = form.querySelectorAll('select[data-filter]');
    var cards = list.querySelectorAll('[data-year]');
    var count = form.querySelector('.filter-count');
    var empty = list.parentNode ? list.parentNode.querySelector('[data-filter-empty]') : null;
    if (!selects.length || !cards.length) return;

    function readHash() {
      var params = {};
      each(location.hash.replace(/^#/, '').split('&'), function (pair) {
        var kv = pair.split('=');
        if (kv.length === 2) {
          try { params[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1]); } catch (e) { /* ignore */ }
        }
      });
      each(selects, function (s) {
        var v = params[s.name];
        if (v === undefined) return;
        each(s.options, function (o) { if (o.value === v) s.value = v; });
      });
    }

    function writeHash() {
      var parts = [];
      each(selects, function (s) {
        if (s.value) parts.push(encodeURIComponent(s.name) + '=' + encodeURIComponent(s.value));
      });
      var hash = parts.length ? '#' + parts.join('&') : '';
      if (hash === location.hash || (!hash && !location.hash)) return;
      try {
        history.replaceState(null, '', hash || location.pathname + location.search);
      } catch (e) { /* file:// in some browsers: the filter still works */ }
    }

    function apply() {
      var shown = 0;
      each(cards, function (card) {
        var ok = true;
        each(selects, function (s) {
          var key = s.getAttribute('data-filter');
          // A card may hold several values ("2025 2026": typical in both years).
          var values = (card.getAttribute('data-' + key + 's') ||
                        card.getAttribute('data-' + key) || '').split(' ');
          if (s.value && values.indexOf(s.value) < 0) ok = false;
        });
        itemOf(card).hidden = !ok;
        if (ok) shown++;
      });
      if (count) {
        count.textContent = shown === cards.length
          ? 'Đang hiển thị tất cả ' + cards.length + ' mô hình.'
          : 'Đang hiển thị ' + shown + '/' + cards.length + ' mô hình.';
      }
      if (empty) empty.hidden = shown !== 0;
    }

    form.addEventListener('change', function () { apply(); writeHash(); });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('reset', function () {
      // reset fires before the controls change back
      setTimeout(function () { apply(); writeHash(); }, 0);
    });
    readHash();
    form.hidden = false;
    apply();
  }

  // ---- (2) Copy: <button data-copy="ID"> copies the value of the field #ID.
  function initCopy(button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field) return;
    var status = button.parentNode ? button.parentNode.querySelector('.copy-status') : null;

    function say(text, isError) {
      if (!status) return;
      status.textContent = text;
      status.className = 'copy-status' + (isError ? ' is-error' : '');
    }

    function fallback() {
      var ok = false;
      try {
        field.focus();
        field.select();
        if (field.setSelectionRange) field.setSelectionRange(0, field.value.length);
        ok = document.execCommand && document.execCommand('copy');
      } catch (e) { ok = false; }
      if (ok) say('Đã sao chép nội dung.');
      else say('Chưa sao chép được: nội dung đã được chọn, hãy nhấn Ctrl+C (hoặc giữ và chọn “Sao chép”).', true);
    }

    button.addEventListener('click', function () {
      var text = field.value;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          say('Đã sao chép nội dung.');
        }, fallback);
      } else {
        fallback();
      }
    });
    button.hidden = false;
  }

  // ---- (3) Print: open every <details> (lists of units), then restore. The data
  // tables of charts stay closed: the printed chart carries the figures.
  function initPrint() {
    var opened = [];
    window.addEventListener('beforeprint', function () {
      each(document.querySelectorAll('details:not([open]):not(.chart-data)'), function (d) {
        d.open = true;
        opened.push(d);
      });
    });
    window.addEventListener('afterprint', function () {
      each(opened, function (d) { d.open = false; });
      opened = [];
    });
  }



  function init() {
    each(document.querySelectorAll('form[data-filter-target]'), initFilter);
    each(document.querySelectorAll('button[data-copy]'), initCopy);
    initPrint();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
