/* Quick exit. The Exit link, and Shift pressed three times, cover the page with an announced overlay
   and replace this history entry with the reader's neutral page, so Back does not return here.
   - The overlay (role="alert") sits outside the hidden content and gets its text after insertion,
     so screen readers speak it.
   - Shift counts on key-up, alone: a Shift used with another key (Shift+A, Ctrl+Shift+T) does not
     count; each press restarts the five-second window; when it runs out the reader is told.
   - Ctrl/Cmd-click, Shift-click, middle click and the context menu on Exit leave this tab too.
   - Coming back (back-forward cache) or a navigation that does not happen never leaves a blank
     page: pageshow restores it, and after a few seconds the overlay offers to try again or show
     the page again (it never reveals the page by itself).
   - Practice mode (safety page): the same gestures show what would happen and open nothing.
   No inline code, no eval: it runs under the site's Content-Security-Policy. Without JavaScript
   the Exit link is a plain link to the neutral page. */
(function () {
  "use strict";
  var box = document.querySelector("[data-kb-exit]");
  if (!box) return;
  var link = box.querySelector("[data-kb-exit-link]");
  var status = box.querySelector("[data-kb-exit-status]");
  var PRESSES = 3;
  var WINDOW_MS = 5000;
  var STALL_MS = 6000;
  var count = 0;
  var countTimer = null;
  var messageTimer = null;
  var stallTimer = null;
  var shiftAsModifier = false;
  var overlay = null;
  var savedTitle = document.title;
  var practising = false;

  function text(name) {
    return box.getAttribute("data-kb-" + name) || "";
  }

  function say(message) {
    window.clearTimeout(messageTimer);
    status.textContent = message;
  }

  function clearCount() {
    count = 0;
    window.clearTimeout(countTimer);
    countTimer = null;
  }

  // The window runs out: reset and tell the reader, then clear the message.
  function expire() {
    clearCount();
    say(text("reset"));
    messageTimer = window.setTimeout(function () { status.textContent = ""; }, WINDOW_MS);
  }

  function button(label, onPress) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "kb-exit-overlay__button";
    b.textContent = label;
    b.addEventListener("click", onPress);
    return b;
  }

  // Cover the page: the overlay is a child of <body> beside the content that CSS hides.
  function cover(message, actions) {
    uncover();
    document.documentElement.classList.add("kb-exiting");
    overlay = document.createElement("div");
    overlay.className = "kb-exit-overlay";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("lang", box.getAttribute("lang") || document.documentElement.lang);
    document.body.appendChild(overlay);
    var p = document.createElement("p");
    overlay.appendChild(p);
    p.textContent = message; // after insertion, so it is announced
    if (actions && actions.length) {
      var row = document.createElement("p");
      actions.forEach(function (b) { row.appendChild(b); });
      overlay.appendChild(row);
      actions[0].focus();
    }
  }

  function uncover() {
    if (overlay) overlay.remove();
    overlay = null;
    document.documentElement.classList.remove("kb-exiting");
  }

  // Show the page again as it was (title, messages, toggles), with Exit focusable first.
  function restore() {
    window.clearTimeout(stallTimer);
    clearCount();
    uncover();
    say("");
    if (savedTitle) document.title = savedTitle;
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle) toggle.checked = false;
    });
  }

  // The neutral page has not replaced this one: offer to try again or to see the page again.
  function stalled() {
    cover(text("stalled"), [
      button(text("retry"), function () { leave(); }),
      button(text("return"), function () { restore(); link.focus(); })
    ]);
  }

  function leave() {
    clearCount();
    say("");
    if (practising) {
      cover(practice.getAttribute("data-kb-practice-result"), [
        button(text("return"), function () { restore(); link.focus(); })
      ]);
      return;
    }
    savedTitle = document.title || savedTitle;
    cover(text("leaving"));
    document.title = "";
    window.clearTimeout(stallTimer);
    stallTimer = window.setTimeout(stalled, STALL_MS);
    window.location.replace(link.href);
  }

  function exitFromLink(event) {
    event.preventDefault();
    leave();
  }

  // Every way of using the link leaves this tab: plain, Ctrl/Cmd/Shift/Alt-click and keyboard
  // (click), middle click (auxclick), the context menu ("open in new tab") and dragging it away.
  link.addEventListener("click", exitFromLink);
  link.addEventListener("auxclick", function (event) { if (event.button === 1) exitFromLink(event); });
  link.addEventListener("mousedown", function (event) { if (event.button === 1) event.preventDefault(); });
  link.addEventListener("contextmenu", exitFromLink);
  link.addEventListener("dragstart", function (event) { event.preventDefault(); });

  // Another key (or Shift used with one) is not the shortcut: the count starts again.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") return;
    if (event.shiftKey) shiftAsModifier = true;
    if (count) {
      clearCount();
      say("");
    }
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    if (shiftAsModifier || event.ctrlKey || event.altKey || event.metaKey) {
      shiftAsModifier = false;
      return;
    }
    count += 1;
    window.clearTimeout(countTimer);
    countTimer = window.setTimeout(expire, WINDOW_MS); // every press restarts the window
    if (count >= PRESSES) {
      leave();
    } else {
      say(text(PRESSES - count === 2 ? "two-left" : "one-left"));
    }
  }, true);

  // Back-forward cache, or a navigation that never happened: the page comes back usable.
  window.addEventListener("pageshow", function () {
    restore();
  });

  // Practice mode (safety page only).
  var practice = document.querySelector("[data-kb-practice]");
  if (practice) {
    var toggle = practice.querySelector("[data-kb-practice-toggle]");
    var nojs = practice.querySelector("[data-kb-practice-nojs]");
    toggle.hidden = false;
    if (nojs) nojs.hidden = true;
    toggle.addEventListener("click", function () {
      practising = !practising;
      toggle.setAttribute("aria-pressed", practising ? "true" : "false");
      box.classList.toggle("kb-exit--practice", practising);
    });
  }
})();
