/* Today's opening hours on contact rows (rummelig/render/format.hours_html).
   Each <span class="rb-hours" data-hours="mon,tue 09:00-15:00|sat 10:00-14:00|fri 22:00-06:00 +1">
   (+1: closes the next day) shows the
   whole week as text; this script shows today's hours instead and keeps the week in the
   title. Printed cards keep the whole week. Nothing is fetched or sent anywhere. */
(function () {
  "use strict";
  var DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

  function today(span, now) {
    var day = DAYS[now.getDay()];
    var yesterday = DAYS[(now.getDay() + 6) % 7];
    var early = [];  // the end of last night's window (one that closes the next day)
    var windows = [];
    span.getAttribute("data-hours").split("|").forEach(function (part) {
      var pieces = part.split(" ");
      if (pieces.length < 2) return;
      var days = pieces[0].split(","), times = pieces[1].split("-"), overnight = pieces[2] === "+1";
      if (overnight && days.indexOf(yesterday) >= 0) early.push("til " + times[1]);
      if (days.indexOf(day) >= 0) windows.push(say(times, overnight));
    });
    if (windows.indexOf("døgnet rundt") >= 0) return "i dag døgnet rundt";
    windows = early.concat(windows).filter(function (text, i, all) { return all.indexOf(text) === i; });
    return windows.length ? "i dag " + windows.join(" og ") : "lukket i dag";
  }

  // "09:00–15:00"; the rest of a night that began yesterday ("00:00-08:00") is "til 08:00";
  // a window that closes after midnight ("16:00-08:00") is "fra 16:00": a stressed reader
  // needs to know whether they can call now, not "16:00–08:00" read as a time that ends
  // before it starts.
  function say(times, overnight) {
    if (times[0] === "00:00" && times[1] === "24:00") return "døgnet rundt";
    if (times[0] === "00:00") return "til " + times[1];
    if (overnight || times[1] <= times[0]) return "fra " + times[0];
    return times[0] + "–" + times[1];
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
