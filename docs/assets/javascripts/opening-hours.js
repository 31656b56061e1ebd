/* Today's opening hours on contact rows (rummelig/render/format.hours_html).
   Each <span class="rb-hours" data-hours="mon,tue 09:00-15:00|sat 10:00-14:00"> shows the
   whole week as text; this script shows today's hours instead and keeps the week in the
   title. Printed cards keep the whole week. Nothing is fetched or sent anywhere. */
(function () {
  "use strict";
  var DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

  function today(span, now) {
    var day = DAYS[now.getDay()];
    var windows = [];
    span.getAttribute("data-hours").split("|").forEach(function (part) {
      var pieces = part.split(" ");
      if (pieces.length < 2 || pieces[0].split(",").indexOf(day) < 0) return;
      var times = pieces[1].split("-");
      windows.push(times[0] === "00:00" && times[1] === "24:00" ? "døgnet rundt" : times[0] + "–" + times[1]);
    });
    return windows.length ? "i dag " + windows.join(", ") : "lukket i dag";
  }

  function show() {
    var now = new Date();
    document.querySelectorAll(".rb-hours[data-hours]").forEach(function (span) {
      if (!span.hasAttribute("data-week")) {
        span.setAttribute("data-week", span.textContent);
        span.setAttribute("title", "Hele ugen: " + span.textContent);
      }
      span.textContent = today(span, now);
    });
  }

  window.rummeligOpeningHours = show;  // for rows added later (my-library.js)
  if (window.matchMedia && window.matchMedia("print").matches) return;
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".rb-hours[data-week]").forEach(function (span) {
      span.textContent = span.getAttribute("data-week");
    });
  });
  window.addEventListener("afterprint", show);
  if (typeof document$ !== "undefined") {
    document$.subscribe(show);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", show);
  }
})();
