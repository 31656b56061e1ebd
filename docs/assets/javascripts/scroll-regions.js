/* Det rummelige bibliotek: a table that scrolls sideways can be scrolled from the keyboard.

   Material wraps every table in .md-typeset__scrollwrap. When the table is wider than the page
   (the month-by-category tables under Gode møder on a laptop, most tables at 200 % zoom) the
   wrapper scrolls, but only with a mouse: a keyboard user cannot reach the columns out of view
   (WCAG 2.1.1; axe: scrollable-region-focusable). Such a wrapper becomes a focusable region named
   after the heading above the table; when it no longer scrolls, it stops being one. */
(function () {
  "use strict";

  var MARK = "data-rb-scroll";

  function heading(wrap) {
    for (var node = wrap; node && node.tagName !== "ARTICLE"; node = node.parentElement) {
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) {
          return before.textContent.trim();
        }
      }
    }
    return "";
  }

  function update() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        if (!wrap.hasAttribute(MARK)) {
          var name = heading(wrap);
          wrap.setAttribute(MARK, "");
          wrap.setAttribute("tabindex", "0");
          wrap.setAttribute("role", "region");
          wrap.setAttribute("aria-label", (name ? name + ": " : "") + "tabel, der kan rulles til siden");
        }
      } else if (wrap.hasAttribute(MARK)) {
        wrap.removeAttribute(MARK);
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    }
  }

  var pending = null;
  window.addEventListener("resize", function () {  // zoom and a turned phone change what scrolls
    if (pending) {
      window.clearTimeout(pending);
    }
    pending = window.setTimeout(update, 150);
  });
  window.addEventListener("load", update);  // Material has wrapped the tables by then

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);  // each page Material shows, also with instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
})();
