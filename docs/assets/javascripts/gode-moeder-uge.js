/* Det rummelige bibliotek: "Skriv ugen ind" (gode-moeder/<bibliotek>/skriv-ugen-ind/, issue 17).

   The person at the front desk types the week's tally sheet into a form: one number per
   category and day, and a few short notes. The page turns it into the rows for
   encounters/<bibliotek>/<år>.csv (date,category,count,note) to copy and paste. Everything
   happens in the browser: nothing is sent, fetched or stored, so it works offline and from a
   file share. The page gives its data in data-entry (rummelig/encounters/pages.py); the file
   itself checks the rows again (`rummelig check`), so this only helps a person get them right. */
(function () {
  "use strict";

  var DAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
  var MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
                "oktober", "november", "december"];
  var NOTES = 4;

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function iso(day) { return day.getFullYear() + "-" + pad(day.getMonth() + 1) + "-" + pad(day.getDate()); }
  function spoken(day) { return DAYS[(day.getDay() + 6) % 7] + " den " + day.getDate() + ". " + MONTHS[day.getMonth()]; }
  function short(day) { return DAYS[(day.getDay() + 6) % 7].slice(0, 3) + " " + day.getDate() + "/" + (day.getMonth() + 1); }
  function cap(text) { return text.charAt(0).toUpperCase() + text.slice(1); }
  function addDays(day, n) { return new Date(day.getFullYear(), day.getMonth(), day.getDate() + n); }
  function parseIso(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) return null;
    var day = new Date(+m[1], +m[2] - 1, +m[3]);
    return day.getMonth() === +m[2] - 1 ? day : null;
  }
  function today() { var now = new Date(); return new Date(now.getFullYear(), now.getMonth(), now.getDate()); }
  function lastWeeksMonday() { var t = today(); return addDays(t, -((t.getDay() + 6) % 7) - 7); }

  /* A cell as the csv module writes it: quoted when it holds a comma, a quote or a line break. */
  function cell(text) { return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text; }

  /* What the check refuses in a note (rummelig/privacy.py), looked for here so the person can fix
     it before pasting: an e-mail address, a phone number, a CPR number (6 + 4 digits). */
  function personal(note) {
    return /@/.test(note) || /\d{2}[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{2}/.test(note) || /\d{6}[- ]?\d{4}/.test(note);
  }

  function build(root) {
    var data = JSON.parse(root.getAttribute("data-entry"));
    var categories = data.categories;
    root.textContent = "";

    var first = el("p", { "class": "gode-moeder-entry__week" });
    var label = el("label", { "for": "gm-monday" }, "Ugens mandag: ");
    var monday = el("input", { type: "date", id: "gm-monday", value: iso(lastWeeksMonday()) });
    label.appendChild(monday);
    first.appendChild(label);
    root.appendChild(first);

    var table = el("table", { "class": "gode-moeder-entry__counts" });
    var caption = el("caption", {}, "Antal streger pr. dag (tomt felt = ingen)");
    table.appendChild(caption);
    var head = el("tr");
    head.appendChild(el("th", { scope: "col" }, "Kategori"));
    var dayHeads = DAYS.map(function () { var th = el("th", { scope: "col" }); head.appendChild(th); return th; });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var tbody = el("tbody");
    var counts = categories.map(function (category) {
      var row = el("tr");
      row.appendChild(el("th", { scope: "row" }, category.label));
      var inputs = DAYS.map(function (dayName, index) {
        var td = el("td");
        var input = el("input", { type: "text", inputmode: "numeric", size: "3", autocomplete: "off",
                                  "data-category": category.key, "data-day": String(index),
                                  "aria-label": category.label + ", " + dayName });
        td.appendChild(input);
        row.appendChild(td);
        return input;
      });
      tbody.appendChild(row);
      return inputs;
    });
    table.appendChild(tbody);
    var scroll = el("div", { "class": "gode-moeder-entry__scroll" });  // a phone: the table, not the page, scrolls
    scroll.appendChild(table);
    root.appendChild(scroll);

    root.appendChild(el("h2", {}, "Korte noter (valgfrit)"));
    root.appendChild(el("p", {}, "Højst " + data.noteMax + " tegn, anonymt: skriv en rolle som \"en gæst\", aldrig " +
                                 "et navn, et nummer eller en e-mail. En note hører til en dag og en kategori med streger."));
    var notes = [];
    for (var n = 0; n < NOTES; n++) {
      var line = el("p", { "class": "gode-moeder-entry__note" });
      var day = el("select", { "aria-label": "Note " + (n + 1) + ": dag" });
      DAYS.forEach(function (dayName, index) { day.appendChild(el("option", { value: String(index) }, dayName)); });
      var category = el("select", { "aria-label": "Note " + (n + 1) + ": kategori" });
      categories.forEach(function (c) { category.appendChild(el("option", { value: c.key }, c.label)); });
      var text = el("input", { type: "text", maxlength: String(data.noteMax), autocomplete: "off",
                               "aria-label": "Note " + (n + 1) + ": hvad gik godt?", placeholder: "Hvad gik godt?" });
      line.appendChild(day);
      line.appendChild(category);
      line.appendChild(text);
      root.appendChild(line);
      notes.push({ day: day, category: category, text: text });
    }

    root.appendChild(el("h2", {}, "Rækkerne til filen"));
    var problems = el("ul", { "class": "gode-moeder-entry__problems", "aria-live": "polite" });
    root.appendChild(problems);
    var output = el("div", { "class": "gode-moeder-entry__output" });
    root.appendChild(output);
    var status = el("p", { role: "status", "class": "gode-moeder-entry__status" });
    root.appendChild(status);

    var last = null;

    function update() {
      var start = parseIso(monday.value);
      var found = [];
      if (!start) {
        found.push("Skriv ugens mandag som en dato.");
      } else if (start.getDay() !== 1) {
        found.push(cap(spoken(start)) + " er ikke en mandag – vælg mandagen i ugen på arket.");
      }
      dayHeads.forEach(function (th, index) { th.textContent = start ? short(addDays(start, index)) : DAYS[index].slice(0, 3); });
      var rows = {};   // "day|category" → {count, notes[]}
      counts.forEach(function (inputs, c) {
        inputs.forEach(function (input, d) {
          var text = input.value.trim();
          input.removeAttribute("aria-invalid");
          if (text === "" || text === "0") return;
          if (!/^[0-9]+$/.test(text)) {
            input.setAttribute("aria-invalid", "true");
            found.push(categories[c].label + ", " + DAYS[d] + ": '" + text + "' er ikke et helt tal – skriv antallet af streger, fx 3.");
            return;
          }
          rows[d + "|" + categories[c].key] = { day: d, category: categories[c].key, count: parseInt(text, 10), notes: [] };
        });
      });
      notes.forEach(function (note, index) {
        var text = note.text.value.trim();
        if (!text) return;
        var key = note.day.value + "|" + note.category.value;
        var name = DAYS[+note.day.value] + ", " + note.category.options[note.category.selectedIndex].text.toLowerCase();
        if (personal(text)) {
          found.push("Note " + (index + 1) + " ser ud til at indeholde et nummer eller en e-mailadresse – skriv den uden.");
        } else if (!rows[key]) {
          found.push("Note " + (index + 1) + " hører til " + name + ", men der er ingen streger dér – skriv antallet, eller flyt noten.");
        } else {
          rows[key].notes.push(text);
        }
      });
      var byFile = {};
      var limit = today();
      Object.keys(rows).map(function (key) { return rows[key]; })
        .sort(function (a, b) { return a.day - b.day || categories.map(function (c) { return c.key; }).indexOf(a.category) -
                                                         categories.map(function (c) { return c.key; }).indexOf(b.category); })
        .forEach(function (row) {
          if (!start) return;
          var date = addDays(start, row.day);
          if (date > limit) {
            found.push(cap(spoken(date)) + " ligger i fremtiden – den kan først skrives ind, når dagen er gået.");
            return;
          }
          if (row.notes.length > row.count) {
            found.push("Der er flere noter end streger " + DAYS[row.day] + " – en note hører til én streg.");
            return;
          }
          var lines = byFile[date.getFullYear()] = byFile[date.getFullYear()] || [];
          // One row per note (count 1), the rest of the day's marks in the first row: the sum stays the same.
          var rest = row.count - Math.max(row.notes.length - 1, 0);
          lines.push([iso(date), row.category, String(rest), row.notes[0] ? cell(row.notes[0]) : ""].join(","));
          row.notes.slice(1).forEach(function (note) { lines.push([iso(date), row.category, "1", cell(note)].join(",")); });
        });

      // Leaving a field fires "change" just before a click on the copy button lands: rebuilding
      // the same output then would remove the button under the click.
      var shown = JSON.stringify([found, byFile]);
      if (shown === last) return;
      last = shown;
      problems.textContent = "";
      found.forEach(function (text) { problems.appendChild(el("li", {}, text)); });
      output.textContent = "";
      status.textContent = "";
      var years = Object.keys(byFile).sort();
      if (found.length) {
        output.appendChild(el("p", {}, "Ret det, der står ovenfor – så kommer rækkerne her."));
        return;
      }
      if (!years.length) {
        output.appendChild(el("p", {}, "Skriv antallet af streger i skemaet – så kommer rækkerne her."));
        return;
      }
      years.forEach(function (year) {
        var file = data.file.replace("{year}", year);
        var intro = el("p", {});
        intro.appendChild(document.createTextNode("Nederst i "));
        intro.appendChild(el("code", {}, file));
        intro.appendChild(document.createTextNode(" (findes filen ikke, så start den med linjen "));
        intro.appendChild(el("code", {}, data.header));
        intro.appendChild(document.createTextNode("):"));
        output.appendChild(intro);
        var area = el("textarea", { readonly: "readonly", rows: String(Math.min(byFile[year].length + 1, 16)),
                                    "class": "gode-moeder-entry__rows", "data-file": file,
                                    "aria-label": "Rækkerne til " + file });
        area.value = byFile[year].join("\n") + "\n";
        output.appendChild(area);
        var copy = el("button", { type: "button", "class": "md-button" }, "Kopiér rækkerne");
        copy.addEventListener("click", function () { copyRows(area); });
        output.appendChild(copy);
      });
    }

    function copyRows(area) {
      function done(ok) {
        status.textContent = ok ? "Kopieret – sæt rækkerne ind nederst i filen." :
          "Kopiér rækkerne selv: markér dem, og tryk Ctrl+C (Cmd+C på en Mac).";
      }
      area.focus();
      area.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(function () { done(true); }, function () { done(false); });
        return;
      }
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      done(ok);
    }

    root.addEventListener("input", update);
    root.addEventListener("change", update);
    update();
  }

  function start() {
    var root = document.getElementById("gode-moeder-entry");
    if (root && root.getAttribute("data-entry") && !root.__built) {
      root.__built = true;
      build(root);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);  // Material's instant navigation, if it is ever turned on
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
