/* Filters for the library (kb/library.py, overrides/kb/library.html).
   Without JavaScript the full list shows, grouped by type; this script shows the filter form the
   page already holds and hides the entries that do not match. No inline script, no eval, no
   storage, no network request. */
(function () {
  "use strict";

  function setUp(root) {
    var form = root.querySelector("form.kb-library__filter");
    if (!form) { return; }
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var entries = Array.prototype.slice.call(root.querySelectorAll(".kb-library__entry"));
    var groups = Array.prototype.slice.call(root.querySelectorAll(".kb-library__group"));
    var status = form.querySelector(".kb-filter__status");
    var none = root.querySelector(".kb-library__none");
    var template = root.getAttribute("data-label-shown") || "{shown}/{total}";

    function matches(entry) {
      return selects.every(function (select) {
        var want = select.value;
        if (!want) { return true; }
        var have = (entry.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ");
        return have.indexOf(want) !== -1;
      });
    }

    function apply() {
      var shown = 0;
      entries.forEach(function (entry) {
        var ok = matches(entry);
        entry.hidden = !ok;
        if (ok) { shown += 1; }
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector(".kb-library__entry:not([hidden])");
      });
      none.hidden = shown !== 0;
      status.textContent = template.replace("{shown}", shown).replace("{total}", entries.length);
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function init() {
    document.querySelectorAll("[data-kb-library]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
