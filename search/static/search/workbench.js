// The search page's behaviour around htmx: focus, the filters panel, history, keyboard.
(function () {
  "use strict";
  var NARROW = "(max-width: 48rem)";
  var filtersOpen = false; // on a phone the filters start collapsed above the results

  function placeFilters() {
    var filters = document.getElementById("filters");
    if (filters) filters.open = !window.matchMedia(NARROW).matches || filtersOpen;
  }

  // Only the reader's own clicks (Enter and Space on the summary click too) count: a swapped-in
  // panel also fires `toggle`, as it arrives open.
  document.addEventListener("click", function (event) {
    var summary = event.target.closest && event.target.closest("#filters > summary");
    if (summary) filtersOpen = !summary.parentElement.open;
  });

  document.addEventListener("DOMContentLoaded", placeFilters);

  document.addEventListener("htmx:afterSettle", function () {
    placeFilters();
    // htmx re-focuses an element with the same id (the search box, a facet checkbox); when
    // the clicked control is gone (a timeline bar, a removed filter), focus the result count.
    if (document.activeElement === document.body) {
      var count = document.getElementById("result-count");
      if (count) count.focus({ preventScroll: true });
    }
  });

  // The search box and the mode live outside the results htmx swaps: set both from the
  // address the results are for.
  function showQuery(search) {
    var params = new URLSearchParams(search);
    var box = document.getElementById("q");
    if (box) box.value = params.get("q") || "";
    var mode = document.getElementById(
      params.get("mode") === "statements" ? "mode-statements" : "mode-articles"
    );
    if (mode) mode.checked = true;
  }

  // Back and Forward restore the results from htmx's cache, with the box as it was then.
  document.addEventListener("htmx:historyRestore", function () {
    showQuery(window.location.search);
    placeFilters();
  });

  // A link that changes the words (a chip of a typed filter, "Clear all", a suggestion)
  // changes the box too; the form's own requests leave alone what is being typed.
  document.addEventListener("htmx:afterSwap", function (event) {
    var elt = event.detail.requestConfig && event.detail.requestConfig.elt;
    var xhr = event.detail.xhr;
    if (!elt || elt.tagName !== "A" || !xhr || !xhr.responseURL) return;
    showQuery(new URL(xhr.responseURL).search);
  });

  // "/" goes to the search box, as on GitHub, YouTube and Datasette.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    var box = document.getElementById("q") || document.getElementById("header-q");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // The timeline is one tab stop; the arrow keys, Home and End move between its bars.
  document.addEventListener("keydown", function (event) {
    var bar = event.target.closest && event.target.closest(".timeline-bar");
    if (!bar) return;
    var bars = Array.prototype.slice.call(bar.ownerSVGElement.querySelectorAll(".timeline-bar"));
    var at = bars.indexOf(bar);
    var next = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: bars.length - 1 }[event.key];
    if (next === undefined || !bars[next]) return;
    event.preventDefault();
    bar.setAttribute("tabindex", "-1");
    bars[next].setAttribute("tabindex", "0");
    bars[next].focus();
  });

  // A live search cancels the request it replaces (hx-sync): that is no error, so keep
  // htmx from reporting it as one in the console.
  var aborting = false;
  document.addEventListener("htmx:abort", function () {
    aborting = true;
    window.setTimeout(function () { aborting = false; }, 0);
  }, true);
  var consoleError = window.console.error;
  window.console.error = function (message) {
    var cancelled = typeof message === "string" &&
      /^htmx:(afterRequest|sendAbort)\b/.test(message);
    if (aborting && cancelled) return;
    consoleError.apply(window.console, arguments);
  };
})();
