/*
 * A Web Worker stand-in for pages opened from the file system (file://), where the browser refuses
 * to start a real worker. Only the offline edition loads it: the theme runs its search in a worker.
 *
 * Plain-JavaScript port of iframe-worker's shim (src/shim, src/worker, src/worker/runtime),
 * Copyright (c) 2020-2022 Martin Donath <martin.donath@squidfunk.com>, MIT licence:
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
 * associated documentation files (the "Software"), to deal in the Software without restriction,
 * including without limitation the rights to use, copy, modify, merge, publish, distribute,
 * sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions: The above copyright notice and this
 * permission notice shall be included in all copies or substantial portions of the Software.
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
 *
 * It loads nothing from the network: the worker script runs in a hidden same-document iframe, and
 * importScripts() adds <script> elements there (it returns a Promise, which the theme awaits).
 */
(function () {
  "use strict";

  // Runs inside the iframe: send a message to the page.
  function workerPostMessage(message, origin) {
    parent.postMessage(message, origin || "*");
  }

  // Runs inside the iframe: load scripts one after another; resolves when all have loaded.
  function workerImportScripts() {
    var urls = Array.prototype.slice.call(arguments);
    return urls.reduce(function (promise, url) {
      return promise.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.onmessage = null;
      this.onerror = null;
      this.onmessageerror = null;
      var iframe = document.createElement("iframe");
      iframe.hidden = true;
      document.body.appendChild((this.iframe = iframe));
      var doc = iframe.contentWindow.document;
      doc.open();
      doc.write(
        "<html><body><script>" +
          "postMessage=" + workerPostMessage + ";" +
          "importScripts=" + workerImportScripts + ";" +
          "addEventListener(\"error\",function(e){parent.dispatchEvent(new ErrorEvent(\"error\"," +
          "{filename:" + JSON.stringify(String(url)) + ",error:e.error}))})" +
        "<\/script>" +
        "<script src=\"" + String(url).replace(/"/g, "&quot;") + "\"><\/script>" +
        "</body></html>"
      );
      doc.close();
      var self = this;
      window.addEventListener("message", function (ev) {
        if (self.iframe && ev.source === self.iframe.contentWindow) {
          self.dispatchEvent(new MessageEvent("message", { data: ev.data }));
          if (self.onmessage) self.onmessage(ev);
        }
      });
      window.addEventListener("error", function (ev) {
        if (ev.filename === String(url)) {
          var copy = new ErrorEvent("error", { message: ev.message, filename: ev.filename, error: ev.error });
          self.dispatchEvent(copy);
          if (self.onerror) self.onerror(copy);
        }
      });
      this.ready = new Promise(function (resolve, reject) {
        iframe.contentWindow.onload = resolve;
        iframe.contentWindow.onerror = reject;
      });
    }

    // Remove the iframe: the worker stops.
    terminate() {
      if (this.iframe) this.iframe.remove();
      this.iframe = null;
    }

    // Send a message to the worker once its script has loaded.
    postMessage(data) {
      var self = this;
      this.ready.catch(function () {}).then(function () {
        if (self.iframe) {
          self.iframe.contentWindow.dispatchEvent(new MessageEvent("message", structuredClone({ data: data })));
        }
      });
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
