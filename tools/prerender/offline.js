// Written into each build by tools/prerender (do not edit dist/offline.js). Registers the
// service worker (sw.js, beside this file at the site's root) so that the atlas opens with
// no signal after a first visit, and says so when the worker has found newer data.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  var root = new URL("./", document.currentScript.src);
  navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname }).catch(function (err) {
    console.warn("The atlas cannot keep an offline copy: " + err.message);
  });
  var container = navigator.serviceWorker;
  // A page the worker already served: a new worker taking it over is a new build.
  var served = Boolean(container.controller);

  function notify(en, said) {
    if (document.querySelector(".update-notice")) return;
    // A landmark of its own (outside the app's root, which the app renders), with a live
    // region inside, so screen readers hear it.
    var notice = document.createElement("aside");
    notice.className = "update-notice";
    notice.setAttribute("aria-label", en ? "Update" : "Pembaruan");
    var text = document.createElement("span");
    text.setAttribute("role", "status");
    text.textContent = said;
    var reload = document.createElement("button");
    reload.type = "button";
    reload.className = "button";
    reload.textContent = en ? "Reload" : "Muat ulang";
    reload.addEventListener("click", function () {
      location.reload();
    });
    notice.append(text, " ", reload);
    document.body.append(notice);
  }

  container.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "data-updated") return;
    var en = document.documentElement.lang === "en";
    notify(en, en ? "A newer version of the data is available." : "Versi data yang lebih baru tersedia.");
  });
  container.addEventListener("controllerchange", function () {
    if (!served) return;
    var en = document.documentElement.lang === "en";
    notify(en, en ? "A newer version of the atlas is available." : "Versi atlas yang lebih baru tersedia.");
  });
  // Ask for the data check (and, on a first visit, its first copy) once this page has
  // loaded the data itself (the load event waits for its preload) and the worker is active.
  function checkData() {
    container.ready.then(function (registration) {
      var worker = container.controller || registration.active;
      if (worker) worker.postMessage({ type: "check-data" });
    });
  }
  if (document.readyState === "complete") checkData();
  else addEventListener("load", checkData);
})();
