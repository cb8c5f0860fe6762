/* Faceted filtering of the hub's listings. No framework; works from file://.
   The full list is in the HTML; each item carries its facet values as data-* attributes.
   State (checked facets, text, sort) lives in the URL hash, e.g. #type=ministry,ngo&text=care,
   so a filtered view can be shared; a query string (?type=ministry) is read too. */
(function () {
  "use strict";

  function words(s) { return (s || "").split(/\s+/).filter(Boolean); }

  function readState() {
    var raw = location.hash.indexOf("=") > 0 ? location.hash.slice(1) : location.search.slice(1);
    var state = {};
    raw.split("&").forEach(function (pair) {
      var i = pair.indexOf("=");
      if (i > 0) {
        state[decodeURIComponent(pair.slice(0, i))] =
          decodeURIComponent(pair.slice(i + 1).replace(/\+/g, " "));
      }
    });
    return state;
  }

  function setup(form) {
    var list = document.getElementById(form.getAttribute("data-hub-filter"));
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-hub-item]"));
    var groups = list.querySelectorAll("[data-hub-group]");
    var facets = Array.prototype.map.call(form.querySelectorAll("fieldset[data-facet]"),
      function (fs) { return fs.getAttribute("data-facet"); });
    var text = form.querySelector("input[name=text]");
    var sort = form.querySelector("select[name=sort]");
    var status = form.querySelector("[data-hub-status]");
    var noun = form.getAttribute("data-noun") || "items";
    var nounOne = form.getAttribute("data-noun-one") || noun;  // "1 partner", not "1 partners"
    var defaultSort = sort ? sort.options[0].value : "";

    items.forEach(function (item, i) {
      item._order = i;
      // what the item shows, and words it does not show (a partner's description)
      item._text = (item.textContent + " " + (item.getAttribute("data-hub-text") || "")).toLowerCase();
      item._values = {};
      facets.forEach(function (f) { item._values[f] = words(item.getAttribute("data-" + f)); });
    });

    function checked() {
      var sel = {};
      facets.forEach(function (f) {
        sel[f] = Array.prototype.map.call(
          form.querySelectorAll("input[name='" + f + "']:checked"), function (c) { return c.value; });
      });
      return sel;
    }

    function matches(item, sel, query, except) {
      for (var i = 0; i < facets.length; i++) {
        var f = facets[i];
        if (f === except || !sel[f].length) continue;
        if (!sel[f].some(function (v) { return item._values[f].indexOf(v) >= 0; })) return false;
      }
      return query.every(function (w) { return item._text.indexOf(w) >= 0; });
    }

    function reorder() {
      var key = sort ? sort.value : "";
      var desc = key.charAt(0) === "-";
      var attr = "data-sort-" + key.replace(/^-/, "");
      var sorted = items.slice().sort(function (a, b) {
        var x = key ? a.getAttribute(attr) || "" : "", y = key ? b.getAttribute(attr) || "" : "";
        var c = x < y ? -1 : x > y ? 1 : 0;
        return (desc ? -c : c) || a._order - b._order;
      });
      sorted.forEach(function (item) { item.parentNode.appendChild(item); });
    }

    function writeState(sel, query) {
      var parts = [];
      facets.forEach(function (f) {
        if (sel[f].length) parts.push(encodeURIComponent(f) + "=" + sel[f].map(encodeURIComponent).join(","));
      });
      if (query.length) parts.push("text=" + encodeURIComponent(text.value.trim()));
      if (sort && sort.value !== defaultSort) parts.push("sort=" + encodeURIComponent(sort.value));
      var url = location.pathname + location.search + (parts.length ? "#" + parts.join("&") : "");
      if (url !== location.pathname + location.search + location.hash) {
        try { history.replaceState(null, "", url); } catch (e) { /* some file:// setups */ }
      }
    }

    function apply(save) {
      var sel = checked(), query = words(text && text.value.toLowerCase()), shown = 0;
      items.forEach(function (item) {
        var ok = matches(item, sel, query, null);
        item.hidden = !ok;
        if (ok) shown++;
      });
      facets.forEach(function (f) {
        form.querySelectorAll("input[name='" + f + "']").forEach(function (box) {
          var n = items.filter(function (item) {
            return item._values[f].indexOf(box.value) >= 0 && matches(item, sel, query, f);
          }).length;
          var out = box.parentNode.querySelector("[data-count]");
          if (out) out.textContent = "(" + n + ")";
        });
      });
      Array.prototype.forEach.call(groups, function (g) {
        g.hidden = !g.querySelector("[data-hub-item]:not([hidden])");
      });
      reorder();
      if (status) {
        // the sentences come translated from the page (data-msg-*), "{shown}" to fill in
        var all = form.getAttribute("data-msg-all"), some = form.getAttribute("data-msg-some");
        var total = items.length + " " + (items.length === 1 ? nounOne : noun);
        if (all && some) {
          status.textContent = shown === items.length ? all
            : some.replace("{shown}", shown.toLocaleString(document.documentElement.lang || undefined));
        } else {
          status.textContent = shown === items.length ? "Showing " + (shown === 1 ? "" : "all ") + total + "."
            : "Showing " + shown + " of " + total + ".";
        }
      }
      if (save) writeState(sel, query);
    }

    function load() {
      var state = readState();
      facets.forEach(function (f) {
        var wanted = (state[f] || "").split(",");
        form.querySelectorAll("input[name='" + f + "']").forEach(function (box) {
          box.checked = wanted.indexOf(box.value) >= 0;
        });
      });
      var more = form.querySelector("[data-hub-facets]");
      if (more && form.querySelector("input[type=checkbox]:checked")) more.open = true;
      if (text) text.value = state.text || "";
      if (sort) {
        sort.value = defaultSort;
        Array.prototype.forEach.call(sort.options, function (o) { if (o.value === state.sort) sort.value = o.value; });
      }
      apply(false);
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    window.addEventListener("hashchange", function () {  // a pasted view; not a jump to an anchor
      if (location.hash.indexOf("=") > 0) load();
    });
    form.hidden = false;
    load();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-hub-filter]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
