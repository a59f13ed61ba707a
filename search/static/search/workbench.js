// Keeps focus and the filters panel predictable across htmx swaps.
(function () {
  "use strict";
  var NARROW = "(max-width: 48rem)";
  var filtersOpen = false; // on a phone the filters start collapsed under the results

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
})();
