/* dvk — default theme: the search (tim-kiem/) and the units index's filters (don-vi/), loaded
   by those pages only. Progressive enhancement: without it the pages link to the lists. */
(function () {
  'use strict';

  // ---- (4) Search: <form data-search="DIR"> on tim-kiem/. The index is script files under
  // DIR (so it works from file://), each calling DVK_TK.nap(name, data); only the files a
  // query needs are loaded. The state is in the address (?q=…&nam=…&linh-vuc=…&don-vi=…
  // &tieu-bieu=1) so a search can be shared.
  function fold(text) {
    return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u0111\u0110]/g, 'd').toLowerCase().split(/[^a-z0-9]+/)
      .filter(function (w) { return w.length > 0; });
  }

  // The units under units[index] (and it itself when `self`): {index: 1}. `parent` is the
  // column holding a unit's parent's index.
  function subtreeOf(units, parent, index, self) {
    var children = {}, inside = {};
    units.forEach(function (u, i) { (children[u[parent]] = children[u[parent]] || []).push(i); });
    var stack = self ? [index] : (children[index] || []).slice();
    while (stack.length) {
      var i = stack.pop();
      if (inside[i]) continue;
      inside[i] = 1;
      (children[i] || []).forEach(function (c) { stack.push(c); });
    }
    return inside;
  }

  // Fills `list` (a <datalist>) with at most 30 names (column `name`) whose folded form (column
  // `folded`) holds the folded `text`.
  function suggestUnits(units, name, folded, text, list) {
    var words = fold(text).join(' ');
    list.textContent = '';
    if (!words) return;
    for (var i = 0, n = 0; i < units.length && n < 30; i++) {
      if (units[i][folded].indexOf(words) < 0) continue;
      var o = document.createElement('option');
      o.value = units[i][name];
      list.appendChild(o);
      n++;
    }
  }

  function initSearch(form) {
    var dir = form.getAttribute('data-search');
    var status = document.getElementById('tk-status');
    var list = document.getElementById('tk-results');
    var more = document.getElementById('tk-more');
    var unitText = document.getElementById('tk-dv');
    var unitId = document.getElementById('tk-dv-id');
    var unitList = document.getElementById('tk-dv-list');
    var fieldSelect = form.querySelector('select[name="linh-vuc"]');
    var loaded = {}, waiting = {}, files = [];
    var shown = [], pageSize = 20, current = 0;
    var root = form.getAttribute('data-root') || '';

    window.DVK_TK = {
      nap: function (name, data) {
        loaded[name] = data;
        (waiting[name] || []).forEach(function (fn) { fn(data); });
        delete waiting[name];
      }
    };
    function load(name) {
      return new Promise(function (resolve, reject) {
        if (loaded[name] !== undefined) return resolve(loaded[name]);
        var first = !waiting[name];
        (waiting[name] = waiting[name] || []).push(resolve);
        if (!first) return;
        var s = document.createElement('script');
        s.src = dir + name + '.js';
        s.async = true;
        // A word no model has has no file: an empty list.
        s.onerror = function () { window.DVK_TK.nap(name, name.charAt(0) === 't' ? {} : null); };
        files.push(name);
        document.head.appendChild(s);
      });
    }
    function shardOf(word) { return 't-' + (word.length <= 2 ? word + '_' : word.substr(0, 3)); }
    // "0,1,1,a" → [0, 1, 2, 12]: base-36 gaps, read in one pass (a common word lists most models).
    function decode(gaps) {
      var out = [];
      if (!gaps) return out;
      var last = 0, value = 0, first = true;
      for (var i = 0; i <= gaps.length; i++) {
        var c = i < gaps.length ? gaps.charCodeAt(i) : 44;
        if (c === 44) {  // ','
          last = first ? value : last + value;
          first = false;
          out.push(last);
          value = 0;
        } else {
          value = value * 36 + (c <= 57 ? c - 48 : c - 87);  // 0-9, a-z
        }
      }
      return out;
    }
    function union(lists) {
      if (lists.length === 1) return lists[0];
      var total = 0;
      lists.forEach(function (l) { total += l.length; });
      var all = new Int32Array(total), at = 0;
      lists.forEach(function (l) { for (var i = 0; i < l.length; i++) all[at++] = l[i]; });
      all.sort();
      var out = [];
      for (var j = 0; j < all.length; j++) if (j === 0 || all[j] !== all[j - 1]) out.push(all[j]);
      return out;
    }
    function intersect(a, b) {
      var out = [], i = 0, j = 0;
      while (i < a.length && j < b.length) {
        if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
      }
      return out;
    }
    // The models with `word`; the last word of a query also as the start of longer words.
    function postings(word, prefix) {
      return load(shardOf(word)).then(function (shard) {
        return function () { return match(shard || {}, word, prefix); };
      });
    }
    function match(shard, word, prefix) {
      if (!prefix || word.length < 3) return decode(shard[word]);
      var lists = [];
      Object.keys(shard).forEach(function (w) {
        if (w.lastIndexOf(word, 0) === 0) lists.push(decode(shard[w]));
      });
      return union(lists);
    }

    function params() {
      var p = {};
      location.search.replace(/^\?/, '').split('&').forEach(function (pair) {
        var kv = pair.split('=');
        if (kv.length !== 2) return;
        try { p[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1].replace(/\+/g, ' ')); } catch (e) { /* ignore */ }
      });
      return p;
    }
    function state() {
      return {
        q: form.q.value.trim(), nam: form.nam.value, 'linh-vuc': form['linh-vuc'].value,
        'don-vi': unitId.value, 'tieu-bieu': form['tieu-bieu'].checked ? '1' : ''
      };
    }
    function writeAddress(st) {
      var parts = [];
      Object.keys(st).forEach(function (k) {
        if (st[k]) parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(st[k]).replace(/%20/g, '+'));
      });
      var q = parts.length ? '?' + parts.join('&') : location.pathname;
      try { history.replaceState(null, '', q); } catch (e) { /* file:// in some browsers */ }
    }

    // Units: the type-ahead over names, and a unit's subtree for the filter.
    var units = null;
    function loadUnits() {
      return load('don-vi').then(function (u) {
        if (!units) {
          units = u || [];
          units.forEach(function (x) { x.push(fold(x[1]).join(' ')); });
        }
        return units;
      });
    }
    unitText.addEventListener('focus', loadUnits);
    unitText.addEventListener('input', function () {
      loadUnits().then(function () {
        unitId.value = '';
        suggestUnits(units, 1, 3, unitText.value, unitList);
        if (!fold(unitText.value).length) { run(); return; }
        units.forEach(function (u) { if (u[1] === unitText.value) unitId.value = u[0]; });
        if (unitId.value) run();
      });
    });

    var token = 0;
    function run() {
      var st = state();
      writeAddress(st);
      var mine = ++token;
      var started = performance.now();
      var words = fold(st.q);
      var filtered = st.nam || st['linh-vuc'] || st['don-vi'] || st['tieu-bieu'];
      if (!words.length && !filtered) {
        list.textContent = '';
        more.hidden = true;
        status.textContent = 'Gõ từ khóa hoặc chọn bộ lọc để tìm.';
        return;
      }
      status.textContent = 'Đang tìm…';
      var needs = words.map(function (w, i) { return postings(w, i === words.length - 1); });
      needs.push(filtered ? load('loc') : Promise.resolve(null));
      needs.push(st['don-vi'] ? loadUnits() : Promise.resolve(null));
      Promise.all(needs).then(function (r) {
        if (mine !== token) return;
        // The answer itself, once the files are there: decoding, intersecting, filtering.
        var answering = performance.now();
        var loc = r[words.length], found = null;
        for (var i = 0; i < words.length; i++) found = found ? intersect(found, r[i]()) : r[i]();
        if (!found) {
          found = [];
          for (var s = 0; s < loc.n; s++) found.push(s);
        }
        if (filtered && loc) {
          var step = loc.wu + 1 + 2 * loc.wy;
          var year = st.nam ? parseInt(st.nam, 10) - loc.y0 : -1;
          var field = -1;
          if (st['linh-vuc']) {
            var opt = fieldSelect.options[fieldSelect.selectedIndex];
            field = parseInt(opt.getAttribute('data-index'), 10) + 1;
          }
          var inside = null;
          if (st['don-vi']) {
            var at = -1;
            units.forEach(function (u, k) { if (u[0] === st['don-vi']) at = k; });
            inside = at >= 0 ? subtreeOf(units, 2, at, true) : {};
          }
          var d = loc.d;
          var num = function (from, length) {  // base 36, read in place
            var v = 0;
            for (var k = from; k < from + length; k++) {
              var c = d.charCodeAt(k);
              v = v * 36 + (c <= 57 ? c - 48 : c - 87);
            }
            return v;
          };
          found = found.filter(function (sid) {
            var at = sid * step;
            if (field >= 0 && num(at + loc.wu, 1) !== field) return false;
            if (year >= 0 && !(num(at + loc.wu + 1 + loc.wy, loc.wy) & (1 << year))) return false;
            if (st['tieu-bieu']) {
              var typical = num(at + loc.wu + 1, loc.wy);
              if (!(year >= 0 ? typical & (1 << year) : typical)) return false;
            }
            if (inside && !inside[num(at, loc.wu)]) return false;
            return true;
          });
        }
        shown = found;
        var answered = performance.now() - answering;
        current = 0;
        list.textContent = '';
        return page().then(function () {
          var ms = Math.round(performance.now() - started);
          status.textContent = found.length
            ? 'Tìm thấy ' + found.length.toLocaleString('vi-VN') + ' mô hình.'
            : 'Không tìm thấy mô hình nào. Thử bỏ bớt từ khóa, viết không dấu, hoặc bỏ bộ lọc.';
          list.setAttribute('data-ms', ms);
          list.setAttribute('data-ms-answer', answered.toFixed(1));
          list.setAttribute('data-files', files.join(' '));
          list.setAttribute('data-count', found.length);
        });
      });
    }
    // Shows the next page of results, loading the files that describe them.
    function page() {
      var slice = shown.slice(current, current + pageSize);
      current += slice.length;
      var need = {};
      slice.forEach(function (sid) { need[Math.floor(sid / 100)] = 1; });
      return Promise.all(Object.keys(need).map(function (f) { return load('m-' + f); })).then(function () {
        slice.forEach(function (sid) {
          var m = loaded['m-' + Math.floor(sid / 100)][sid % 100];
          var li = document.createElement('li');
          li.className = 'search-result';
          var h = document.createElement('h2');
          var a = document.createElement('a');
          a.href = root + m[1];
          a.textContent = m[0];
          h.appendChild(a);
          li.appendChild(h);
          var meta = document.createElement('p');
          meta.className = 'search-meta';
          var field = m[3] >= 0 && fieldSelect.options[m[3] + 1] ? ' · ' + fieldSelect.options[m[3] + 1].textContent : '';
          meta.textContent = m[2] + field + ' · năm ' + m[4];
          li.appendChild(meta);
          if (m[5]) {
            var b = document.createElement('span');
            b.className = 'badge badge-typical';
            b.textContent = 'Tiêu biểu ' + m[5];
            meta.appendChild(document.createTextNode(' '));
            meta.appendChild(b);
          }
          if (m[6]) {
            var p = document.createElement('p');
            p.className = 'search-summary';
            p.textContent = m[6];
            li.appendChild(p);
          }
          list.appendChild(li);
        });
        more.hidden = current >= shown.length;
      });
    }

    var p = params();
    form.q.value = p.q || '';
    if (p.nam) form.nam.value = p.nam;
    if (p['linh-vuc']) form['linh-vuc'].value = p['linh-vuc'];
    form['tieu-bieu'].checked = p['tieu-bieu'] === '1';
    var timer = null;
    form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
    form.q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    form.addEventListener('change', function (e) { if (e.target !== unitText) run(); });
    more.addEventListener('click', page);
    if (p['don-vi']) {
      unitId.value = p['don-vi'];
      loadUnits().then(function () {
        units.forEach(function (u) { if (u[0] === p['don-vi']) unitText.value = u[1]; });
        run();
      });
    } else {
      run();
    }
  }

  // ---- (5) Units index: <form data-units="FILE"> opens a unit's page by name and lists the
  // units of a kind and/or under a unit, from FILE (every unit of the year: DVK_DV([...])). The
  // filter is kept in the address (#loai=…&thuoc=…).
  function initUnits(form) {
    var file = form.getAttribute('data-units');
    var root = form.getAttribute('data-root') || '';
    var nameBox = document.getElementById('dv-ten');
    var parentBox = document.getElementById('dv-thuoc');
    var options = document.getElementById('dv-ten-list');
    var kind = form.querySelector('select[name="loai"]');
    var count = form.querySelector('.filter-count');
    var filtered = document.getElementById('dv-loc');
    var all = document.getElementById('dv-tat-ca');
    var units = null, waiting = [];
    var limit = 300;

    function load(fn) {
      if (units) return fn();
      waiting.push(fn);
      if (waiting.length > 1) return;
      window.DVK_DV = function (list) {
        units = list;
        units.forEach(function (u) { u.push(fold(u[0]).join(' ')); });
        waiting.forEach(function (w) { w(); });
        waiting = [];
      };
      var s = document.createElement('script');
      s.src = file;
      document.head.appendChild(s);
    }
    function idOf(u) {
      var m = /don-vi\/([^\/]+)\//.exec(u[1]);
      return m ? m[1] : '';
    }
    function byName(text) {
      for (var i = 0; i < units.length; i++) if (units[i][0] === text) return i;
      return -1;
    }
    function suggest(box) {
      load(function () { suggestUnits(units, 0, 8, box.value, options); });
    }
    function apply() {
      load(function () {
        var k = kind.value, p = parentBox.value ? byName(parentBox.value) : -1;
        var hash = [];
        if (k) hash.push('loai=' + encodeURIComponent(k));
        if (p >= 0) hash.push('thuoc=' + encodeURIComponent(idOf(units[p])));
        try { history.replaceState(null, '', hash.length ? '#' + hash.join('&') : location.pathname); } catch (e) { /* file:// */ }
        if (!k && p < 0) {
          filtered.hidden = true;
          all.hidden = false;
          count.textContent = '';
          return;
        }
        var inside = p >= 0 ? subtreeOf(units, 3, p, false) : null;
        var body = filtered.querySelector('tbody');
        body.textContent = '';
        var n = 0;
        units.forEach(function (u, i) {
          if (k && u[2] !== k) return;
          if (inside && !inside[i]) return;
          n++;
          if (n > limit) return;
          var tr = document.createElement('tr');
          var th = document.createElement('th');
          th.scope = 'row';
          var a = document.createElement('a');
          a.href = root + u[1];
          a.textContent = u[0];
          th.appendChild(a);
          if (u[2]) {
            var note = document.createElement('span');
            note.className = 'cell-note';
            note.textContent = u[2];
            th.appendChild(note);
          }
          var td = document.createElement('td');
          td.textContent = u[4] + (u[5] ? ' (riêng đơn vị: ' + u[5] + ')' : '') + (u[7] ? '' : ' · chưa báo cáo');
          var td2 = document.createElement('td');
          td2.className = 'num';
          td2.textContent = u[6];
          tr.appendChild(th);
          tr.appendChild(td);
          tr.appendChild(td2);
          body.appendChild(tr);
        });
        count.textContent = n > limit
          ? 'Có ' + n.toLocaleString('vi-VN') + ' đơn vị; đang hiện ' + limit + ' đơn vị đầu, hãy lọc thêm.'
          : 'Có ' + n.toLocaleString('vi-VN') + ' đơn vị.';
        filtered.hidden = false;
        all.hidden = true;
      });
    }
    nameBox.addEventListener('input', function () { suggest(nameBox); });
    parentBox.addEventListener('input', function () { suggest(parentBox); });
    nameBox.addEventListener('change', function () {
      load(function () {
        var i = byName(nameBox.value);
        if (i >= 0) location.href = root + units[i][1];
      });
    });
    parentBox.addEventListener('change', apply);
    kind.addEventListener('change', apply);
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.hidden = false;
    var hash = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var kv = pair.split('=');
      if (kv.length === 2) { try { hash[kv[0]] = decodeURIComponent(kv[1]); } catch (e) { /* ignore */ } }
    });
    if (hash.loai || hash.thuoc) {
      load(function () {
        if (hash.loai) kind.value = hash.loai;
        units.forEach(function (u) { if (hash.thuoc && idOf(u) === hash.thuoc) parentBox.value = u[0]; });
        apply();
      });
    }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-search]'), initSearch);
    Array.prototype.forEach.call(document.querySelectorAll('form[data-units]'), initUnits);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
