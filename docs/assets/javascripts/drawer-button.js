/* Det rummelige bibliotek: the navigation drawer opens and closes from the keyboard.

   Below Material's 76.25em breakpoint (a laptop at 1024 px, any page at 200 % zoom, a phone)
   the navigation is an off-canvas drawer, opened by the header's menu button. That button is a
   <label for="__drawer"> around the #__drawer checkbox, which a keyboard cannot reach, and the
   closed drawer is hidden from focus by rummelig.css (WCAG 2.1.1, 2.4.7). Here the label
   becomes a button: Tab reaches it, Enter or Space opens the drawer and moves focus to its
   first link, Escape closes it and brings focus back to the button, and aria-expanded says
   whether it is open. Focus leaving the open drawer for the page closes it too. */
(function () {
  "use strict";

  function setup() {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector(".md-header label[for='__drawer']");
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !button || !drawer || button.hasAttribute("data-rb-drawer")) return;

    button.setAttribute("data-rb-drawer", "");
    button.setAttribute("tabindex", "0");
    button.setAttribute("role", "button");
    button.setAttribute("aria-label", "Menu");

    function sync() {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }

    function set(open) {
      if (toggle.checked !== open) toggle.click();  // as Material does: its listeners see the change
      sync();
    }

    function firstLink() {
      return drawer.querySelector("a[href], [tabindex='0']");
    }

    button.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();  // no page scroll on Space, no second toggle from the label
      var open = !toggle.checked;
      set(open);
      if (open) {
        var link = firstLink();
        if (link) link.focus();
      }
    });

    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !toggle.checked) return;
      set(false);
      button.focus();
    });

    document.addEventListener("focusin", function (event) {
      if (!toggle.checked) return;
      if (drawer.contains(event.target) || button.contains(event.target) || event.target === toggle) return;
      set(false);  // Tab past the drawer's last link: the page below is in front again
    });

    toggle.addEventListener("change", sync);  // the mouse, the overlay and Material close it too
    sync();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
