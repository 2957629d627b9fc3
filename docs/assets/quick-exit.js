/* Quick exit: the Exit link and the Shift x3 shortcut hide the page at once and replace this
   history entry with the neutral site, so Back does not return here. No inline code, no eval:
   it runs under the site's Content-Security-Policy. Without JavaScript the Exit link still works. */
(function () {
  "use strict";
  var box = document.querySelector("[data-kb-exit]");
  if (!box) return;
  var link = box.querySelector("[data-kb-exit-link]");
  var status = box.querySelector("[data-kb-exit-status]");
  var PRESSES = 3;
  var WINDOW_MS = 5000;
  var count = 0;
  var timer = null;

  // Hide everything, then leave: replace() swaps this history entry for the neutral site.
  function leave() {
    document.documentElement.classList.add("kb-exiting");
    document.title = "";
    window.location.replace(link.href);
  }

  // Show (and announce through the role=status region) how many presses are left.
  function say(text) {
    status.textContent = text;
  }

  function reset() {
    count = 0;
    if (timer) window.clearTimeout(timer);
    timer = null;
    say("");
  }

  link.addEventListener("click", function (event) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    leave();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      if (count) reset(); // typing a capital letter is not the shortcut
      return;
    }
    if (event.repeat) return;
    count += 1;
    if (count === 1) timer = window.setTimeout(reset, WINDOW_MS);
    var left = PRESSES - count;
    if (left <= 0) {
      say(box.getAttribute("data-kb-leaving"));
      leave();
    } else {
      say(box.getAttribute(left === 2 ? "data-kb-two-left" : "data-kb-one-left"));
    }
  }, true);
})();
