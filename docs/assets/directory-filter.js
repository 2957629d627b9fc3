/* Filters for the member directories (kb/directory.py, overrides/kb/directory.html).
   Without JavaScript the full table shows; this script only adds the filter controls.
   No inline script, no eval, no storage, no network request. */
(function () {
  "use strict";

  // Distinct [value, label] pairs of the elements matching a selector in the rows, sorted as shown.
  function options(rows, selector, valueAttr) {
    var seen = {};
    var list = [];
    rows.forEach(function (row) {
      row.querySelectorAll(selector).forEach(function (el) {
        var value = el.getAttribute(valueAttr);
        if (value && !seen[value]) {
          seen[value] = true;
          list.push([value, el.textContent.trim()]);
        }
      });
    });
    var lang = document.documentElement.lang || undefined;
    list.sort(function (a, b) { return a[1].localeCompare(b[1], lang); });
    return list;
  }

  // A labelled <select> with an "All" choice and one option per value.
  function select(box, id, label, all, choices) {
    var wrap = document.createElement("span");
    wrap.className = "kb-filter__field";
    var lab = document.createElement("label");
    lab.htmlFor = id;
    lab.textContent = label;
    var sel = document.createElement("select");
    sel.id = id;
    var first = document.createElement("option");
    first.value = "";
    first.textContent = all;
    sel.appendChild(first);
    choices.forEach(function (choice) {
      var opt = document.createElement("option");
      opt.value = choice[0];
      opt.textContent = choice[1];
      sel.appendChild(opt);
    });
    wrap.appendChild(lab);
    wrap.appendChild(sel);
    box.appendChild(wrap);
    return sel;
  }

  // Add the filters to one directory.
  function setUp(root, index) {
    var table = root.querySelector("table");
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var data = root.dataset;
    var form = document.createElement("form");
    form.className = "kb-filter";
    form.setAttribute("role", "search");
    var fieldset = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = data.labelLegend;
    fieldset.appendChild(legend);
    form.appendChild(fieldset);
    var prefix = "kb-filter-" + index + "-";
    var filters = [
      ["country", select(fieldset, prefix + "country", data.labelCountry, data.labelAll,
        options(rows, "td[data-col=country][data-value]", "data-value"))],
      ["roles", select(fieldset, prefix + "role", data.labelRole, data.labelAll,
        options(rows, "[data-role]", "data-role"))]
    ];
    var networks = options(rows, "[data-network]", "data-network");
    if (networks.length > 1) {
      networks = options(rows, "[data-network]", "data-network").map(function (n) {
        var el = root.querySelector('[data-network="' + n[0] + '"]');
        return [n[0], el.getAttribute("data-network-name")];
      });
      filters.push(["networks", select(fieldset, prefix + "network", data.labelNetwork, data.labelAll, networks)]);
    }
    var status = document.createElement("p");
    status.className = "kb-filter__status";
    status.setAttribute("aria-live", "polite");
    form.appendChild(status);

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = filters.every(function (f) {
          var want = f[1].value;
          if (!want) { return true; }
          var have = f[0] === "country" ? [row.dataset.country] : (row.dataset[f[0]] || "").split(" ");
          return have.indexOf(want) !== -1;
        });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      status.textContent = data.labelShown.replace("{shown}", shown).replace("{total}", rows.length);
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    root.insertBefore(form, root.firstChild);
    apply();
  }

  function init() {
    document.querySelectorAll("[data-kb-filter]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
