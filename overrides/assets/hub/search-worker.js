/* The hub's search worker: speaks Material's search worker protocol (SETUP 0, READY 1, QUERY 2,
 * RESULT 3), so Material's search dialog, keyboard use and highlighting stay as they are, but
 * loads only the parts of the index a query needs (hooks/hub/search_index.py writes them).
 *
 * Every index file is a script calling hubSearch(kind, n, data). Over http this runs in a web
 * worker (importScripts); from file:// in the hidden iframe of iframe-worker, whose
 * importScripts adds <script> elements and returns a promise. Both are awaited the same way.
 */
"use strict";
(function () {
  var WORD = /[\p{L}\p{N}]+/gu;
  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var PREFIX_CHUNKS = 2;   // a word that begins more than this many chunks of terms: exact only
  var SETTLE_MS = 60;      // wait for the next key before loading anything for a query
  var base = null;         // URL of the search/ folder
  var version = "";
  var manifest = null;
  var terms = {};          // chunk number -> {w: {word: stem or ""}, p: {stem: [delta, weight, ...]}}
  var docs = {};           // chunk number -> [[location, title, snippet], ...]
  var loading = {};        // file -> promise
  var latest = 0;          // number of the newest query: older ones give up

  self.hubSearch = function (kind, n, data) {
    if (kind === "m") manifest = data;
    else if (kind === "t") terms[n] = data;
    else if (kind === "d") docs[n] = data;
  };

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(MARKS, "");
  }

  function words(text) {
    return fold(text).match(WORD) || [];
  }

  function workerUrl() {
    if (typeof document !== "undefined") {           // iframe-worker: the script that runs us
      var scripts = document.querySelectorAll("script[src]");
      for (var i = 0; i < scripts.length; i++)
        if (scripts[i].src.indexOf("search-worker") >= 0) return scripts[i].src;
    }
    return self.location.href;
  }

  function load(file) {
    if (!loading[file])
      loading[file] = Promise.resolve(importScripts(base + file + "?v=" + version));
    return loading[file];
  }

  function loadTerms(n) {
    return terms[n] ? Promise.resolve() : load("hub/t" + n + ".js");
  }

  function loadDocs(n) {
    return docs[n] ? Promise.resolve() : load("hub/d" + n + ".js");
  }

  /* Chunk holding `key`: the last chunk whose first term is <= key. */
  function chunkOf(key) {
    var lo = 0, hi = manifest.t.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (manifest.t[mid] <= key) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /* A stem that the query word begins with (a word typed in full: "communities" finds the
   * stem "communiti" of "community"), or, from 5 letters, all but the stem's last letter
   * ("policy" finds "polici", the stem of "policies"), then at most 3 letters (an ending).
   * hub.search_index.stem_fits does the same. */
  function stemFits(stem, word) {
    if (word.length < 4 || stem.length < 4 || word.lastIndexOf(stem.slice(0, -1), 0) !== 0) return false;
    var ending = word.lastIndexOf(stem, 0) === 0 ? word.slice(stem.length)
      : stem.length >= 5 ? word.slice(stem.length - 1) : "-";
    return /^\p{L}{0,3}$/u.test(ending);
  }

  function range(a, b) {
    var out = [];
    for (var n = a; n <= b; n++) out.push(n);
    return out;
  }

  /* The chunks a query word needs: its own; to complete the word, every chunk whose terms may
   * begin with it; for stems it begins with, the chunks from its first 4 letters to it. Each
   * only when that is at most PREFIX_CHUNKS more chunks (a word of a few letters: exact only). */
  function plan(word) {
    var own = chunkOf(word), last = chunkOf(word + "\uffff"), low = chunkOf(word.slice(0, 4));
    var complete = word.length >= 2 && last - own < PREFIX_CHUNKS;
    var stems = word.length >= 4 && own - low < PREFIX_CHUNKS;
    var chunks = range(stems ? low : own, complete ? last : own);
    return { word: word, chunks: chunks, complete: complete, stems: stems };
  }

  /* page number -> weight for one query word: its stem's pages; completing it, the pages of
   * every word that begins with it; and the pages of stems it begins with. Other than the
   * word's own stem at half weight: the exact word ranks first. */
  function match(p) {
    var found = {}, stems = {}, surfaces = {};
    p.chunks.forEach(function (n) {
      var w = terms[n].w;
      for (var surface in w) {
        var exact = surface === p.word;
        if (exact || (p.complete && surface.lastIndexOf(p.word, 0) === 0)) {
          var stem = w[surface] || surface;
          surfaces[surface] = true;
          stems[stem] = exact ? 1 : (stems[stem] || 0.5);
        }
      }
      if (p.stems)
        for (var key in terms[n].p)
          if (!(key in stems) && stemFits(key, p.word)) stems[key] = 0.5;
    });
    var need = Object.keys(stems).map(chunkOf).filter(function (n) { return !terms[n]; });
    return Promise.all(need.map(loadTerms)).then(function () {
      for (var stem in stems) {
        var flat = terms[chunkOf(stem)].p[stem];
        if (!flat) continue;
        for (var i = 0, page = 0; i < flat.length; i += 2) {
          page += flat[i];
          var score = flat[i + 1] * stems[stem];
          if (!(found[page] >= score)) found[page] = score;
        }
      }
      return { found: found, surfaces: surfaces };
    });
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* The text, escaped, with the words the query found in <mark>. */
  function highlight(text, surfaces, prefixes) {
    var out = "", at = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      var w = fold(m[0]), hit = surfaces[w];
      for (var i = 0; !hit && i < prefixes.length; i++) hit = w.lastIndexOf(prefixes[i], 0) === 0;
      if (!hit) continue;
      out += escapeHtml(text.slice(at, m.index)) + "<mark data-md-highlight>" + escapeHtml(m[0]) + "</mark>";
      at = m.index + m[0].length;
    }
    return out + escapeHtml(text.slice(at));
  }

  function search(query, id) {
    var qwords = words(query).filter(function (w, i, all) { return all.indexOf(w) === i; });
    if (!qwords.length) return Promise.resolve({ items: [] });
    var plans = qwords.map(plan);
    var first = [];
    plans.forEach(function (p) { first = first.concat(p.chunks); });
    return Promise.all(first.map(loadTerms))
      .then(function () { return Promise.all(plans.map(match)); })
      .then(function (matches) {
        if (id !== latest) return null;
        var scores = null, surfaces = {};
        matches.forEach(function (m) {
          for (var s in m.surfaces) surfaces[s] = true;
          if (scores === null) { scores = m.found; return; }
          var both = {};
          for (var page in m.found) if (page in scores) both[page] = scores[page] + m.found[page];
          scores = both;
        });
        var ranked = Object.keys(scores).map(Number)
          .sort(function (a, b) { return scores[b] - scores[a] || a - b; })
          .slice(0, manifest.max);
        var need = ranked.map(function (page) { return Math.floor(page / manifest.g); })
          .filter(function (n, i, all) { return all.indexOf(n) === i; });
        return Promise.all(need.map(loadDocs)).then(function () {
          if (id !== latest) return null;
          var prefixes = plans.filter(function (p) { return p.complete; }).map(function (p) { return p.word; });
          var termsFound = {};
          qwords.forEach(function (w) { termsFound[w] = true; });
          return {
            items: ranked.map(function (page) {
              var d = docs[Math.floor(page / manifest.g)][page % manifest.g];
              return [{
                location: d[0],
                title: highlight(d[1], surfaces, prefixes),
                text: highlight(d[2], surfaces, prefixes),
                score: scores[page] / 8,
                terms: termsFound
              }];
            })
          };
        });
      });
  }

  function setup(data) {
    version = data.config.hub.v;
    base = new URL("../../search/", workerUrl()).href;
    return Promise.resolve();
  }

  var setUp;                 // queries typed before Material sends the settings wait for them
  var ready = new Promise(function (done) { setUp = done; });
  addEventListener("message", function (ev) {
    var message = ev.data;
    if (message.type === 0) {
      setup(message.data).then(function () { setUp(); postMessage({ type: 1 }); });
    } else if (message.type === 2) {
      var id = ++latest;
      if (!words(message.data).length) {
        postMessage({ type: 3, data: { items: [] } });
        return;
      }
      ready
        .then(function () { return new Promise(function (done) { setTimeout(done, SETTLE_MS); }); })
        .then(function () { return id !== latest || manifest ? null : load("hub/m.js"); })
        .then(function () { return id === latest ? search(message.data, id) : null; })
        .then(function (result) { if (result) postMessage({ type: 3, data: result }); })
        .catch(function (err) {
          console.warn("search:", err);
          if (id === latest) postMessage({ type: 3, data: { items: [] } });
        });
    }
  });
})();
