/* failready report drill-down. Reads the JSON data island, filters, sorts and renders one page
 * of rows at a time. Report data is only ever written with textContent, never as HTML.
 * Filter state lives in the URL hash: #type=NON_COMPLIANT&severity=CRITICAL&q=orders&page=2
 * (keys: type, severity, section, workload, account, region, rule, q, blocking, sort, dir, page). */
(function () {
  'use strict';
  var PAGE_SIZE = 100;
  var KEYS = ['type', 'severity', 'section', 'workload', 'account', 'region', 'rule', 'q', 'blocking', 'sort', 'dir', 'page'];
  var SEV_RANK = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };
  var TYPE_RANK = { NON_COMPLIANT: 0, INSUFFICIENT_DATA: 1, COMPLIANT: 2, NOT_APPLICABLE: 3, WAIVED: 4 };

  var island = document.getElementById('fr-data');
  var tbody = document.getElementById('fr-rows');
  if (!island || !tbody) return;
  var data = JSON.parse(island.textContent);
  var dict = data.dict;
  function d(i) { return i < 0 ? null : dict[i]; }

  var rows = new Array(data.rows.length);
  for (var n = 0; n < data.rows.length; n++) {
    var r = data.rows[n];
    rows[n] = {
      i: n, workload: d(r[0]), rule: d(r[1]), section: d(r[2]), severity: d(r[3]), type: d(r[4]),
      rtype: d(r[5]), account: d(r[6]), region: d(r[7]), rreg: d(r[8]), cpreg: d(r[9]),
      rid: r[10], rname: r[11], cpid: r[12], ann: r[13], waived: r[14] === 1, blocking: r[15] === 1,
      waiver: r[16] >= 0 ? data.waivers[r[16]] : null, hay: null
    };
    rows[n].shown = rows[n].waived ? 'WAIVED' : rows[n].type;
  }

  var form = document.getElementById('fr-filters');
  var status = document.getElementById('fr-status');
  var pageLabel = document.getElementById('fr-page');
  var prev = document.getElementById('fr-prev');
  var next = document.getElementById('fr-next');
  var labels = document.getElementById('fr-labels').dataset;
  var docs = {};
  Array.prototype.forEach.call(document.querySelectorAll('[data-rule]'), function (el) {
    docs[el.getAttribute('data-rule')] = el.querySelector('.rule-body');
  });

  var state = {};

  function isFilterHash(h) { return h.indexOf('=') >= 0; }

  function readHash() {
    var h = location.hash.replace(/^#/, '');
    var s = {};
    if (!isFilterHash(h)) return null;
    h.split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq < 0) return;
      var k = decodeURIComponent(part.slice(0, eq).replace(/\+/g, ' '));
      var v = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
      if (KEYS.indexOf(k) >= 0 && v !== '') s[k] = v;
    });
    return s;
  }

  function writeHash() {
    var parts = [];
    KEYS.forEach(function (k) {
      if (state[k] !== undefined && state[k] !== '' && !(k === 'page' && state[k] === '1')) {
        parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(state[k]));
      }
    });
    var url = parts.length ? '#' + parts.join('&') : location.pathname + location.search;
    if (history.replaceState) history.replaceState(null, '', url);
  }

  function syncForm() {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      if (el.type === 'checkbox') el.checked = state[el.name] === '1';
      else if (el.tagName === 'SELECT' || el.type === 'search') el.value = state[el.name] || '';
    });
  }

  function readForm() {
    var s = { sort: state.sort, dir: state.dir };
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      if (el.type === 'checkbox') { if (el.checked) s[el.name] = '1'; }
      else if (el.value) s[el.name] = el.value;
    });
    return s;
  }

  function haystack(r) {
    if (r.hay === null) {
      r.hay = [r.rule, r.rid, r.rname, r.ann, r.account, r.region, r.rreg, r.cpid, r.rtype, r.workload, r.section, r.shown]
        .join('\u0001').toLowerCase();
    }
    return r.hay;
  }

  function matches(r, s, terms) {
    if (s.type && r.shown !== s.type) return false;
    if (s.severity && r.severity !== s.severity) return false;
    if (s.section && r.section !== s.section) return false;
    if (s.workload && r.workload !== s.workload) return false;
    if (s.account && r.account !== s.account) return false;
    if (s.region && r.region !== s.region && r.rreg !== s.region) return false;
    if (s.rule && r.rule !== s.rule) return false;
    if (s.blocking === '1' && !r.blocking) return false;
    if (terms.length) {
      var h = haystack(r);
      for (var t = 0; t < terms.length; t++) if (h.indexOf(terms[t]) < 0) return false;
    }
    return true;
  }

  var SORTERS = {
    type: function (r) { return TYPE_RANK[r.shown]; },
    severity: function (r) { var x = SEV_RANK[r.severity]; return x === undefined ? 9 : x; },
    rule: function (r) { return r.rule || ''; },
    resource: function (r) { return shownName(r).toLowerCase(); },
    account: function (r) { return r.account || ''; },
    region: function (r) { return (r.region || '') + ' ' + (r.rreg || ''); }
  };

  function filtered() {
    var terms = (state.q || '').toLowerCase().split(/\s+/).filter(Boolean);
    var out = rows.filter(function (r) { return matches(r, state, terms); });
    var key = SORTERS[state.sort];
    if (key) {
      var dir = state.dir === 'desc' ? -1 : 1;
      out.sort(function (a, b) {
        var x = key(a), y = key(b);
        if (x < y) return -dir;
        if (x > y) return dir;
        return a.i - b.i;
      });
    }
    return out;
  }

  function cell(tr, text, cls) {
    var td = document.createElement('td');
    if (cls) td.className = cls;
    td.textContent = text == null ? '' : text;
    tr.appendChild(td);
    return td;
  }

  function badge(td, text, cls) {
    var s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    td.appendChild(s);
  }

  // as ReportFacts.where: one region for single-region checks, never "eu-west-1 -> eu-west-1"
  function where(r) {
    var reg = r.region || '';
    if (!r.rreg || r.rreg === reg) return reg;
    if (reg === 'global') return reg + ' (recovery ' + r.rreg + ')';
    return reg + ' \u2192 ' + r.rreg;
  }
  function shownName(r) { return r.rtype === 'AWS::::Account' ? 'account ' + (r.account || r.rid) : (r.rname || r.rid || ''); }

  function detailRow(r) {
    var tr = document.createElement('tr');
    tr.className = 'detail';
    var td = document.createElement('td');
    td.colSpan = 7;
    var dl = document.createElement('dl');
    function item(label, value) {
      var dt = document.createElement('dt'); dt.textContent = label;
      var dd = document.createElement('dd'); dd.textContent = value == null || value === '' ? '\u2014' : value;
      dl.appendChild(dt); dl.appendChild(dd);
    }
    item(labels.resourceType, r.rtype);
    item(labels.resourceId, r.rid);
    if (r.rname) item('Name', r.rname);
    item(labels.counterpart, r.cpid ? r.cpid + (r.cpreg ? ' (' + r.cpreg + ')' : '') : labels.noCounterpart);
    item('Result', r.type + (r.waived ? ' (waived)' : ''));
    item('Annotation', r.ann);
    if (r.workload) item('Workload', r.workload);
    if (r.waiver) {
      var w = r.waiver;
      item(labels.waiver, (w[0] || '') + ' \u2014 approver ' + (w[1] || '\u2014') + ', owner ' + (w[2] || '\u2014')
        + ', expires ' + (w[3] || '\u2014') + (w[4] ? ' (' + w[4] + ')' : ''));
    }
    td.appendChild(dl);
    var doc = document.createElement('div');
    doc.className = 'doc';
    var h = document.createElement('h4');
    h.textContent = labels.doc + ': ' + r.rule + (data.titles[r.rule] ? ' \u2014 ' + data.titles[r.rule] : '');
    doc.appendChild(h);
    var body = docs[r.rule];
    if (body) doc.appendChild(body.cloneNode(true));
    else { var p = document.createElement('p'); p.className = 'muted'; p.textContent = labels.noDoc; doc.appendChild(p); }
    td.appendChild(doc);
    tr.appendChild(td);
    return tr;
  }

  function render() {
    var list = filtered();
    var pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    var page = Math.min(Math.max(1, parseInt(state.page || '1', 10) || 1), pages);
    state.page = String(page);
    var start = (page - 1) * PAGE_SIZE;
    var slice = list.slice(start, start + PAGE_SIZE);
    var frag = document.createDocumentFragment();
    slice.forEach(function (r) {
      var tr = document.createElement('tr');
      tr.className = 'row';
      tr.tabIndex = 0;
      tr.setAttribute('data-i', r.i);
      tr.setAttribute('data-type', r.shown);
      tr.setAttribute('data-severity', r.severity || '');
      tr.setAttribute('data-rule', r.rule);
      badge(cell(tr, null), r.shown, 'type type-' + r.shown);
      badge(cell(tr, null), r.severity || '\u2014', 'sev sev-' + (r.severity || 'none').toLowerCase());
      cell(tr, r.rule, 'mono');
      var res = cell(tr, shownName(r), 'mono');
      if (r.rname && r.rid) res.title = r.rid;
      cell(tr, r.account);
      cell(tr, where(r), 'nowrap');
      cell(tr, r.ann);
      frag.appendChild(tr);
    });
    if (!slice.length) {
      var empty = document.createElement('tr');
      var td = document.createElement('td');
      td.colSpan = 7; td.className = 'muted'; td.textContent = labels.noRows;
      empty.appendChild(td); frag.appendChild(empty);
    }
    tbody.textContent = '';
    tbody.appendChild(frag);
    var fmt = function (x) { return x.toLocaleString('en-US'); };
    status.textContent = list.length
      ? 'Showing ' + fmt(start + 1) + '\u2013' + fmt(start + slice.length) + ' of ' + fmt(list.length)
        + ' matching evaluations (' + fmt(rows.length) + ' in total).'
      : '0 of ' + fmt(rows.length) + ' evaluations match.';
    pageLabel.textContent = 'Page ' + page + ' of ' + pages;
    prev.disabled = page <= 1;
    next.disabled = page >= pages;
    Array.prototype.forEach.call(document.querySelectorAll('#fr-table th'), function (th) {
      var b = th.querySelector('button');
      if (b && b.getAttribute('data-sort') === state.sort) th.setAttribute('aria-sort', state.dir === 'desc' ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
  }

  function update(s, keepPage) {
    if (!keepPage) s.page = '1';
    state = s;
    writeHash();
    render();
  }

  var debounce = null;
  form.addEventListener('input', function (ev) {
    clearTimeout(debounce);
    var delay = ev.target && ev.target.type === 'search' ? 150 : 0;
    debounce = setTimeout(function () { update(readForm(), false); }, delay);
  });
  form.addEventListener('change', function () { update(readForm(), false); });
  form.addEventListener('submit', function (ev) { ev.preventDefault(); });
  form.addEventListener('reset', function () { setTimeout(function () { update({}, false); }, 0); });

  document.querySelector('#fr-table thead').addEventListener('click', function (ev) {
    var b = ev.target.closest('button[data-sort]');
    if (!b) return;
    var key = b.getAttribute('data-sort');
    var s = Object.assign({}, state);
    s.dir = s.sort === key && s.dir !== 'desc' ? 'desc' : 'asc';
    s.sort = key;
    update(s, false);
  });

  function toggle(tr) {
    if (!tr || !tr.classList.contains('row')) return;
    var open = tr.nextSibling && tr.nextSibling.classList && tr.nextSibling.classList.contains('detail');
    if (open) { tr.parentNode.removeChild(tr.nextSibling); tr.classList.remove('open'); return; }
    tr.parentNode.insertBefore(detailRow(rows[parseInt(tr.getAttribute('data-i'), 10)]), tr.nextSibling);
    tr.classList.add('open');
  }
  tbody.addEventListener('click', function (ev) { toggle(ev.target.closest('tr')); });
  tbody.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); toggle(ev.target.closest('tr')); }
  });

  prev.addEventListener('click', function () { var s = Object.assign({}, state); s.page = String(parseInt(s.page, 10) - 1); update(s, true); });
  next.addEventListener('click', function () { var s = Object.assign({}, state); s.page = String(parseInt(s.page, 10) + 1); update(s, true); });

  function fromHash(scroll) {
    var h = location.hash.replace(/^#/, '');
    if (h.indexOf('rule-') === 0) {
      var card = document.getElementById(decodeURIComponent(h));
      if (card && card.tagName === 'DETAILS') card.open = true;
      return;
    }
    var s = readHash();
    if (s === null) return;
    state = s;
    syncForm();
    render();
    if (scroll) document.getElementById('evaluations').scrollIntoView();
  }
  window.addEventListener('hashchange', function () { fromHash(true); });

  state = readHash() || {};
  syncForm();
  render();
  if (location.hash.indexOf('rule-') === 1) fromHash(false);
  if (isFilterHash(location.hash)) document.getElementById('evaluations').scrollIntoView();
})();
