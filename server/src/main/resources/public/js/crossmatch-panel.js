// ztfclass object page, cross-match panel: hands the cached catalogue matches to an Aladin Lite
// view. The panel works without this script (tables and SVG plots are server-rendered).
// Contract: reads data-crossmatches (a JSON URL) from #crossmatches, fetches it once, exposes
// window.ztfclassCrossmatches = [{catalogue, source_id, ra, dec, separation, label}] and fires
// the DOM event "ztfclass:crossmatches" with that list as detail; if the page has set
// window.ztfclassAladin (an Aladin Lite instance) and the global A, the matches are overlaid
// as one catalogue layer.
(function () {
  'use strict';
  var section = document.getElementById('crossmatches');
  if (!section || !window.fetch) { return; }
  fetch(section.getAttribute('data-crossmatches'), {headers: {Accept: 'application/json'}})
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (body) {
      if (!body) { return; }
      var names = body.columns.map(function (c) { return c.name; });
      var seen = {};
      var list = [];
      body.rows.forEach(function (row) {
        var o = {};
        if (Array.isArray(row)) { names.forEach(function (n, i) { o[n] = row[i]; }); } else { o = row; }
        var key = o.catalogue + ':' + o.source_id;
        if (seen[key] || o.ra == null || o.dec == null) { return; }
        seen[key] = true;
        list.push({catalogue: o.catalogue, source_id: o.source_id, ra: o.ra, dec: o.dec, separation: o.separation,
          label: o.catalogue_title + ' ' + o.source_id + ' (' + Number(o.separation).toFixed(2) + '″)'});
      });
      window.ztfclassCrossmatches = list;
      document.dispatchEvent(new CustomEvent('ztfclass:crossmatches', {detail: list}));
      var aladin = window.ztfclassAladin;
      if (aladin && window.A && list.length) {
        var layer = window.A.catalog({name: 'ztfclass cross-matches', sourceSize: 14, color: '#b3261e'});
        aladin.addCatalog(layer);
        layer.addSources(list.map(function (s) {
          return window.A.marker(s.ra, s.dec, {popupTitle: s.label, popupDesc: s.catalogue});
        }));
      }
    })
    .catch(function () { /* the server-rendered tables stay */ });
}());
