/* Find your network: show which network lists a member in the chosen country.
   Reads only the JSON embedded in the page (no network request); stores nothing. */
(function () {
  "use strict";
  var root = document.querySelector("[data-kb-find-network]");
  var blob = document.getElementById("kb-networks-data");
  if (!root || !blob) return;
  var data;
  try { data = JSON.parse(blob.textContent); } catch (e) { return; }

  var chooser = root.querySelector(".kb-find-network__chooser");
  var select = root.querySelector("#kb-country");
  var panels = root.querySelectorAll(".kb-network-panel");

  // The text of a <template> (translated in the page), e.g. "{organisation} is listed in this network."
  function template(name) {
    var t = root.querySelector('template[data-template="' + name + '"]');
    return t ? t.content.textContent : "";
  }

  // Put a template into an element, each {slot} replaced by a text node in <strong>.
  function fill(el, text, values) {
    el.textContent = "";
    text.split(/(\{[a-z]+\})/).forEach(function (part) {
      var m = /^\{([a-z]+)\}$/.exec(part);
      if (m && Object.prototype.hasOwnProperty.call(values, m[1])) {
        var strong = document.createElement("strong");
        strong.textContent = values[m[1]];
        el.appendChild(strong);
      } else if (part) {
        el.appendChild(document.createTextNode(part));
      }
    });
  }

  // The country's own name in the page's language (the "All countries" option's text).
  function countryName(code) {
    var groups = select.querySelectorAll("optgroup");
    var last = groups[groups.length - 1];
    var option = last && last.querySelector('option[value="' + code + '"]');
    return option ? option.textContent : code;
  }

  function show() {
    var code = select.value;
    panels.forEach(function (p) { p.hidden = true; });
    if (!/^[A-Z]{2}$/.test(code)) return;
    var entries = Object.prototype.hasOwnProperty.call(data.coverage, code) ? data.coverage[code] : [];
    if (!entries.length) {
      var none = root.querySelector('.kb-network-fallback');
      fill(none.querySelector('[data-slot="none"]'), template("none"), { country: countryName(code) });
      none.hidden = false;
      return;
    }
    var byNetwork = {};
    entries.forEach(function (e) {
      (byNetwork[e.network] = byNetwork[e.network] || []).push(data.organisations[e.organisation].name);
    });
    Object.keys(byNetwork).sort().forEach(function (id) {
      var panel = root.querySelector('.kb-network-panel[data-network="' + id + '"]');
      if (!panel) return;
      fill(panel.querySelector('[data-slot="member"]'), template("member"),
           { organisation: byNetwork[id].join(", ") });
      panel.hidden = false;
    });
  }

  select.value = "";
  select.addEventListener("change", show);
  chooser.hidden = false;
  root.querySelectorAll("[data-kb-nojs]").forEach(function (n) { n.hidden = true; });
})();
