/* Live preview (`make serve` only): reload the page when the site has been rebuilt.
   The same protocol as MkDocs' own live-reload script, from a file instead of an inline script,
   so that the page's Content-Security-Policy (script-src 'self' and hashes) allows it. */
(function () {
  "use strict";
  var me = document.currentScript;
  var epoch = parseFloat(me.getAttribute("data-epoch"));
  var requestId = me.getAttribute("data-request");
  var req, timeout;

  function poll() {
    req = new XMLHttpRequest();
    req.onloadend = function () {
      if (this !== req) { return; }  // aborted by stop()
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        timeout = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    req.open("GET", "/livereload/" + epoch + "/" + requestId);
    req.send();
  }

  function stop() {
    var old = req;
    req = undefined;
    if (old) { old.abort(); }
    if (timeout) { clearTimeout(timeout); }
    timeout = undefined;
  }

  function start() {
    if (document.visibilityState === "visible" && !req) { poll(); }
  }

  if (document.readyState === "complete") { start(); } else { window.addEventListener("load", start); }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { start(); } else { stop(); }
  });
  window.addEventListener("beforeunload", stop);
})();
