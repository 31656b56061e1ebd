/* "Mit bibliotek" in the national edition (issue 12 §2): a colleague picks their library on
   its contact card, and from then on the red strip's "Hvem ringer jeg til?" goes to that card
   and the front page leads with its first rows. The choice is kept in this browser only
   (localStorage); nothing is sent anywhere. A library's own edition (make site LIBRARY=<id>)
   already links its card, so there the script does nothing.

   The markup it reads is made by the core: <div class="rb-mine" data-library data-name> on each
   contact card, <div class="rb-mine-home" data-lines> on the front page, and the strip's
   <a class="rb-akut__card" data-national> (overrides/main.html). */
(function () {
  "use strict";
  var KEY = "rummelig.mit-bibliotek";

  function root() {
    // Material writes the relative way to the site root into its config block ("../..").
    var element = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(element.textContent).base || "."; } catch (e) { /* keep "." */ }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function here() {
    return window.location.href.split("#")[0].split("?")[0];
  }

  function load() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY) || "null");
      return value && typeof value.id === "string" && typeof value.card === "string" ? value : null;
    } catch (e) {
      return null;  // storage switched off or an old value: as if nothing was chosen
    }
  }

  function save(value) {
    try {
      if (value) window.localStorage.setItem(KEY, JSON.stringify(value));
      else window.localStorage.removeItem(KEY);
      return true;
    } catch (e) {
      return false;
    }
  }

  function cardUrl(chosen) {
    return new URL(chosen.card, root()).href;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // The red strip: "Hvem ringer jeg til?" goes to the chosen library's card.
  function strip(chosen) {
    var link = document.querySelector("a.rb-akut__card[data-national]");
    if (!link) return;
    if (!link.hasAttribute("data-list")) link.setAttribute("data-list", link.getAttribute("href"));
    if (chosen) {
      link.setAttribute("href", cardUrl(chosen));
      link.textContent = "Hvem ringer jeg til? (" + chosen.name + ")";
    } else {
      link.setAttribute("href", link.getAttribute("data-list"));
      link.textContent = "Hvem ringer jeg til?";
    }
  }

  // On a contact card: choose this library, or forget the choice.
  function chooser(box) {
    var chosen = load();
    var id = box.getAttribute("data-library");
    var name = box.getAttribute("data-name");
    box.textContent = "";
    var text = element("p");
    var button = element("button", "", "md-button");
    button.type = "button";
    if (chosen && chosen.id === id) {
      // Opened from a file share the front page cannot read the card (home, below): it links to it.
      text.textContent = name + " er dit bibliotek i denne browser: \"Hvem ringer jeg til?\" øverst på " +
        "hver side fører hertil, og forsiden viser " +
        (window.location.protocol === "file:" ? "et link til kortet. " : "de første numre. ");
      button.textContent = "Fjern valget";
      button.addEventListener("click", function () { save(null); refresh(); });
    } else {
      text.textContent = "Arbejder du på " + name + "? Så kan \"Hvem ringer jeg til?\" øverst på hver " +
        "side føre direkte til dette kort. Valget gemmes kun i denne browser. ";
      button.textContent = "Gør " + name + " til mit bibliotek";
      button.addEventListener("click", function () {
        var url = here();
        var start = root().href;
        var card = url.indexOf(start) === 0 ? url.slice(start.length) : url;
        if (!save({ id: id, name: name, card: card })) {
          text.textContent = "Browseren tillader ikke, at valget gemmes (lokal lagring er slået fra).";
          return;
        }
        refresh();
      });
    }
    text.appendChild(button);
    box.appendChild(text);
  }

  // On the front page: the chosen library's card first, with its first rows when they can be
  // read (over http; a copy opened from a file share shows the link only).
  function home(box, chosen) {
    box.textContent = "";
    if (!chosen) return;
    var url = cardUrl(chosen);
    var head = element("p");
    head.appendChild(element("strong", "Dit bibliotek: " + chosen.name));
    head.appendChild(document.createTextNode(" · "));
    var link = element("a", "Hvem ringer jeg til?");
    link.href = url;
    head.appendChild(link);
    head.appendChild(document.createTextNode(" · "));
    var change = element("a", "skift bibliotek");
    change.href = new URL("biblioteker/", root()).href;
    head.appendChild(change);
    box.appendChild(head);
    if (window.location.protocol === "file:" || !window.fetch || !window.DOMParser) return;
    var lines = parseInt(box.getAttribute("data-lines") || "4", 10);
    window.fetch(url).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var rows = page.querySelectorAll(".rb-card li");
      if (!rows.length) return;
      var list = element("ul");
      for (var i = 0; i < rows.length && i < lines; i++) {
        var row = document.importNode(rows[i], true);
        row.querySelectorAll("a[href]").forEach(function (a) {
          a.setAttribute("href", new URL(a.getAttribute("href"), url).href);  // relative to the card
        });
        list.appendChild(row);
      }
      box.appendChild(list);
      if (window.rummeligOpeningHours) window.rummeligOpeningHours();
    }).catch(function () { /* the link above is enough */ });
  }

  function refresh() {
    var chosen = load();
    strip(chosen);
    document.querySelectorAll(".rb-mine[data-library]").forEach(chooser);
    document.querySelectorAll(".rb-mine-home").forEach(function (box) { home(box, chosen); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", refresh);
  else refresh();
})();
