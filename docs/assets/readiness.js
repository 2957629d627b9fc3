/* Readiness self-check: work out a result per area and overall from the answers on the page.
   Rule (also written on the page): yes = 2, partly = 1, not yet = 0; an area takes its lowest
   answer (2 ready, 1 partly ready, 0 not yet ready); overall "engage" only if every area is ready.
   Nothing is sent (the form cannot be submitted) and nothing is stored. */
(function () {
  "use strict";
  var form = document.querySelector("[data-kb-readiness]");
  var result = document.querySelector("[data-kb-readiness-result]");
  if (!form || !result) return;

  var areas = Array.prototype.map.call(form.querySelectorAll(".kb-area"), function (s) {
    return s.getAttribute("data-area");
  });

  // An area's state: "not-yet" as soon as one answer is "not yet"; "unanswered" while a question
  // has no answer; otherwise "ready" (all yes) or "partly" (lowest answer partly).
  function areaState(area) {
    var lowest = 2;
    var missing = false;
    form.querySelectorAll('.kb-question[data-area="' + area + '"]').forEach(function (q) {
      var checked = q.querySelector("input:checked");
      if (!checked) { missing = true; return; }
      lowest = Math.min(lowest, Number(checked.value));
    });
    if (lowest === 0) return "not-yet";
    if (missing) return "unanswered";
    return lowest === 2 ? "ready" : "partly";
  }

  // The overall suggestion: refer as soon as one area is not ready; engage only if all are ready.
  function overall(states) {
    if (states.some(function (s) { return s === "partly" || s === "not-yet"; })) return "refer";
    if (states.some(function (s) { return s === "unanswered"; })) return "incomplete";
    return "ready";
  }

  // Show one <span> per area row and one overall paragraph; everything else stays hidden.
  function update() {
    var states = areas.map(areaState);
    areas.forEach(function (area, i) {
      var row = result.querySelector('[data-area-result="' + area + '"]');
      row.setAttribute("data-result", states[i]);
      row.querySelectorAll("[data-state]").forEach(function (span) {
        span.hidden = span.getAttribute("data-state") !== states[i];
      });
    });
    var verdict = overall(states);
    result.setAttribute("data-verdict", verdict);
    result.querySelectorAll("[data-overall]").forEach(function (p) {
      p.hidden = p.getAttribute("data-overall") !== verdict;
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("change", update);
  result.querySelector("[data-kb-print]").addEventListener("click", function () { window.print(); });
  result.querySelector("[data-kb-reset]").addEventListener("click", function () {
    form.reset();
    update();
  });
  form.reset();
  result.querySelector(".kb-readiness-result__live").hidden = false;
  document.querySelectorAll("[data-kb-nojs]").forEach(function (n) { n.hidden = true; });
  update();
})();
