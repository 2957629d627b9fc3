/* Keep nothing in the browser: Material keeps a few preferences through __md_get/__md_set in
   localStorage and sessionStorage. Replace both with memory that is gone when the page closes.
   Loaded at the end of the body before the theme's bundle, the only code that uses them. */
(function () {
  "use strict";
  var memory = new Map();
  window.__md_get = function (key) {
    return memory.has(key) ? JSON.parse(memory.get(key)) : null;
  };
  window.__md_set = function (key, value) {
    memory.set(key, JSON.stringify(value));
  };
})();
