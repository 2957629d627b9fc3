/* Search on demand. Most readers never search, so nothing of search is downloaded until the reader
   first uses it (focus or click on the search box or its button, or the "/", "s", "f" keys): the
   language's index, the search worker and the lunr language files the worker loads.
   Loaded before the theme's bundle: it stands in for the search worker (window.Worker) and holds the
   index request (XMLHttpRequest) until first use; then both go ahead unchanged.
   From file:// the theme itself loads the index on first use (search/search_index.js).
   It also makes search answer text that arrives without key events (paste, dictation, input
   methods): the theme searches on key-up, so each `input` event of the search box is passed on as
   a key-up; while the index is loading, the theme searches the box's text once it is ready. */
(function () {
  "use strict";
  var started = false;
  var waiting = [];

  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  function whenStarted(go) {
    if (started) go(); else waiting.push(go);
  }

  function isSearchWorker(url) {
    return /\/workers\/search\.[^/]*\.js(\?|#|$)/.test(String(url));
  }

  function isSearchIndex(url) {
    return /\/search\/search_index\.json(\?|#|$)/.test(String(url));
  }

  // The search worker: a stand-in that keeps listeners and messages until first use.
  var RealWorker = window.Worker;
  if (typeof RealWorker === "function") {
    window.Worker = function (url, options) {
      if (!isSearchWorker(url)) return new RealWorker(url, options);
      var listeners = [];
      var messages = [];
      var real = null;
      whenStarted(function () {
        real = new RealWorker(url, options);
        listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
        messages.splice(0).forEach(function (m) { real.postMessage(m); });
      });
      return {
        addEventListener: function (type, listener, opts) {
          if (real) real.addEventListener(type, listener, opts); else listeners.push([type, listener, opts]);
        },
        removeEventListener: function (type, listener, opts) {
          if (real) { real.removeEventListener(type, listener, opts); return; }
          listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
        },
        postMessage: function (message) {
          if (real) real.postMessage(message); else messages.push(message);
        },
        terminate: function () {
          if (real) real.terminate();
        }
      };
    };
  }

  // The index: its request (the theme uses XMLHttpRequest) is sent on first use.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.kbSearchIndex = isSearchIndex(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (started || !request.kbSearchIndex) return send.apply(request, args);
    whenStarted(function () { send.apply(request, args); });
  };

  function isSearchBox(target) {
    return target instanceof Element && target.matches("[data-md-component=search-query]");
  }

  // First use: focus on the search box, a click on search, or the theme's search keys.
  document.addEventListener("focusin", function (event) {
    if (isSearchBox(event.target)) start();
  }, true);
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest("[for=__search], .md-search")) start();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (started || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target instanceof Element && target.closest("input, textarea, select, [contenteditable]");
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) start();
  }, true);

  // Text that arrives without key events: pass each input event on as the key-up the theme listens to.
  document.addEventListener("input", function (event) {
    if (!isSearchBox(event.target)) return;
    start();
    event.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }, true);
})();
