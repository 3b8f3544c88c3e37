// kraftport report: sorting and filtering of the differences table. Inline on purpose; the page loads nothing.
// The state lives in the address (#q=...&status=...), so a filtered view can be linked.
(function () {
  'use strict';
  var table = document.getElementById('differences');
  if (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (r, i) { r.setAttribute('data-index', String(i)); });
    var text = document.getElementById('filter-text');
    var status = document.getElementById('filter-status');
    var shown = document.getElementById('shown');

    var apply = function () {
      var q = text.value.trim().toLowerCase();
      var s = status.value;
      var n = 0;
      rows.forEach(function (r) {
        var ok = (!s || r.getAttribute('data-status') === s) && (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
        r.hidden = !ok;
        if (ok) { n++; }
      });
      shown.textContent = n + ' of ' + rows.length + ' shown';
      var state = new URLSearchParams();
      if (q) { state.set('q', text.value.trim()); }
      if (s) { state.set('status', s); }
      try { history.replaceState(null, '', state.toString() ? '#' + state.toString() : location.pathname); } catch (e) { }
    };

    var key = function (row, i) {
      var cell = row.cells[i];
      return cell.getAttribute('data-sort') || cell.textContent.trim();
    };
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, i) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = th.textContent;
      button.title = 'Sort by ' + th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () {
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        rows.slice().sort(function (a, b) {
          return dir * key(a, i).localeCompare(key(b, i), undefined, { numeric: true, sensitivity: 'base' })
            || a.getAttribute('data-index') - b.getAttribute('data-index');
        }).forEach(function (r) { body.appendChild(r); });
      });
    });

    var initial = new URLSearchParams(location.hash.replace(/^#/, ''));
    text.value = initial.get('q') || '';
    if (initial.get('status')) { status.value = initial.get('status'); }
    text.addEventListener('input', apply);
    status.addEventListener('change', apply);
    document.getElementById('controls').hidden = false;
    apply();
  }
  document.documentElement.setAttribute('data-script', 'ran');
})();
