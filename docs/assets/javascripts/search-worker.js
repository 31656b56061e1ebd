/* Det rummelige bibliotek: the site search, as a search worker in Material's protocol.

   Material for MkDocs talks to its search through a worker with four messages (SETUP, READY,
   QUERY, RESULT) and lets a site bring its own worker; overrides/main.html points it here. The
   header search box, its shortcuts and the result list stay Material's.

   The index is built in Python (rummelig/search/): scores per (stem, document) are ready-made
   and split into small files, so a page that just loaded answers its first query after loading
   the vocabulary and the one or two postings files the query needs (docs-dev/search.md). The
   query goes through the same Danish as the index: tokens, Snowball stems (lunr-languages'
   Danish stemmer, shipped by Material; a test checks it agrees with Python's on every indexed
   word), stop words, aliases (synonyms, the respectful-language list, language and country
   names), compound splitting, typo tolerance (one edit from five letters) and, for the word
   still being typed, completion.

   Files load with importScripts: synchronous in a real worker, a script tag (and a Promise) in
   the iframe-worker shim that Material uses from file://, so the offline copy searches too. */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var here = (typeof document !== "undefined" && document.currentScript && document.currentScript.src) ||
    self.location.href;
  var siteRoot = new URL("../../", here);           // this file is assets/javascripts/search-worker.js
  var parts = {};
  var core = null, folder = "search/rummelig/", version = "";
  var vocabulary = null;                         // stem → position in core.terms
  var stopWords = null, tokenPattern = null, stemWord = null;
  var pending = Promise.resolve(), latest = null;

  self.rummeligSearch = { add: function (name, data) { parts[name] = data; } };

  // -- loading -------------------------------------------------------------------------------
  // In a real worker over http(s), the index files are fetched in parallel and their data
  // parsed as JSON (importScripts would fetch them one after the other). From file:// (the
  // iframe-worker shim) fetch is refused, so they load as scripts there.
  var parallel = typeof fetch === "function" && typeof document === "undefined" &&
    /^https?:$/.test(self.location.protocol);

  function load(urls) {
    if (!urls.length) return Promise.resolve();
    try {
      return Promise.resolve(importScripts.apply(self, urls));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  function fetchData(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.text();
    }).then(function (text) {   // rummeligSearch.add("name",DATA);
      var comma = text.indexOf(",");
      parts[JSON.parse(text.slice(text.indexOf("(") + 1, comma))] =
        JSON.parse(text.slice(comma + 1, text.lastIndexOf(")")));
    });
  }

  // A query overtaken by a newer one while its files loaded stops there, and the newer one is
  // answered next, once the reader has seen a first answer (that one still comes as early as it
  // can). Before, the answer to the whole query waited until the answer to a word typed on the
  // way had loaded its postings and documents (docs-dev/performance.md).
  var OVERTAKEN = new Error("overtaken by a newer query");
  var answering = null, answered = false;

  function need(names) {
    var urls = names.filter(function (name) { return !(name in parts); }).map(function (name) {
      return new URL(folder + name + ".js?v=" + version, siteRoot).href;
    });
    var asking = answering;
    return (parallel ? Promise.all(urls.map(fetchData)) : load(urls)).then(function () {
      if (answered && asking !== null && asking !== latest) throw OVERTAKEN;
    });
  }

  function setup(config) {
    var info = (config && config.rummelig) || {};
    folder = (info.folder || "search/rummelig") + "/";
    version = info.version || "";
    // lunr-languages' Danish stemmer needs a few names from lunr itself; nothing else of lunr is used.
    self.lunr = self.lunr || {
      Pipeline: { registerFunction: function () {} },
      generateStopWordFilter: function () { return function (token) { return token; }; }
    };
    var coreLoaded = need(["core"]);   // in parallel with the stemmer, where it can be
    return load([new URL("assets/javascripts/lunr/min/lunr.stemmer.support.min.js", siteRoot).href,
                 new URL("assets/javascripts/lunr/min/lunr.da.min.js", siteRoot).href])
      .then(function () { return coreLoaded; })
      .then(function () {
        core = parts.core;
        vocabulary = new Map();
        core.terms.forEach(function (term, i) { vocabulary.set(term, i); });
        stopWords = new Set(core.stopWords);
        tokenPattern = new RegExp(core.token, "g");
        stemWord = function (word) { return self.lunr.da.stemmer(word); };
      });
  }

  // -- Danish, as in rummelig/search/language.py --------------------------------------------
  var FOLD = { "é": "e", "è": "e", "ê": "e", "á": "a", "à": "a", "ä": "æ", "ö": "ø", "ü": "y", "ó": "o",
               "í": "i", "ñ": "n", "ç": "c" };

  function normalise(text) {   // as language.py: an ending after an apostrophe ("pc'erne") is dropped
    return text.normalize("NFC").toLowerCase()
      .replace(/[éèêáàäöüóíñç]/g, function (c) { return FOLD[c]; })
      .replace(/([0-9a-zæøå])['’´`][a-zæøå]+/g, "$1")
      .replace(/aa/g, "å");
  }

  function tokens(text) { return normalise(text).match(tokenPattern) || []; }

  function stem(token) {
    if (token.length < 3 || /^[0-9]+$/.test(token)) return token;
    return stemWord(token);
  }

  function isContent(token) {
    return !stopWords.has(token) && (token.length > 1 || /^[0-9]+$/.test(token));
  }

  function known(s) { return vocabulary.has(s); }

  function df(s) {   // a question's pair ("hvor_kan") is no vocabulary word: core.questions has its df
    return vocabulary.has(s) ? core.df[vocabulary.get(s)] || 0 : (core.questions || {})[s] || 0;
  }

  function idf(s) {
    var d = df(s);
    return Math.log(1 + (core.documents - d + 0.5) / (d + 0.5));
  }

  function splitCompound(token) {
    if (token.length < core.minCompound || !/^[a-zæøå]+$/.test(token)) return null;
    for (var cut = core.minPart; cut <= token.length - core.minPart; cut++) {
      var head = stem(token.slice(cut));
      if (!known(head) || (core.suffixes || []).indexOf(token.slice(cut)) >= 0) continue;   // "oplær|ing
      var modifier = token.slice(0, cut);
      var candidates = [modifier];
      if ("se".indexOf(modifier[modifier.length - 1]) >= 0) candidates.push(modifier.slice(0, -1));
      for (var i = 0; i < candidates.length; i++) {
        if (candidates[i].length >= core.minPart && known(stem(candidates[i])) &&
            (!stopWords.has(candidates[i]) || core.particles.indexOf(candidates[i]) >= 0))
          return [stem(candidates[i]), head];
      }
    }
    return null;
  }

  function isAlias(s) { return Object.prototype.hasOwnProperty.call(core.aliases, s); }

  var everydayWords = null;
  function everyday() {
    if (!everydayWords) everydayWords = new Set(parts.w);
    return everydayWords;
  }

  // Does the query have a word the typo step would look at? Then the everyday words (w.js)
  // are loaded first; a query of known words never waits for them.
  // A word still being typed that begins index words is completed, not corrected.
  function needsEveryday(query) {
    var list = tokens(query), open = !/\s$/.test(query);
    return list.some(function (token, i) {
      var s = stem(token);
      return isContent(token) && token.length >= 4 && !/^[0-9]+$/.test(token) && !known(s) && !isAlias(s) &&
        !family(token).length && !(open && i === list.length - 1 && completes(token));
    });
  }

  // A word typed without æ, ø, å (a phone or a foreign keyboard) is read as the Danish word:
  // "ae" as æ, "oe" as ø ("aa" as å: normalise() does that), and in a word no page has, a plain
  // a as æ or å and o as ø ("sovn" → søvn). The spelling wins that pages use most, also over
  // the word as typed ("gaest" is in an address, "gæst" on every page). At most three letters
  // are tried both ways (≤ 27 spellings).
  function respell(token) {
    if (!/^[a-z]+$/.test(token) || stopWords.has(token) || isAlias(stem(token))) return token;   // "for" is no "før"
    var own = stem(token), digraph = /ae|oe/.test(token);
    if (known(own) && !digraph) return token;
    // An everyday Danish word spelt right is no word typed without æ, ø, å: "grader" is not
    // "græder", "loftet" not "løftet", "markere" not "mærkere" (w.js, loaded for such a word).
    if (!digraph && parts.w && everyday().has(own)) return token;
    var variants = [""], tried = 0;
    for (var i = 0; i < token.length; i++) {
      var pair = token.slice(i, i + 2), options = null, width = 1;
      if (pair === "ae") { options = ["ae", "æ"]; width = 2; }
      else if (pair === "oe") { options = ["oe", "ø"]; width = 2; }
      else if (!known(own) && token[i] === "a") options = ["a", "æ", "å"];
      else if (!known(own) && token[i] === "o") options = ["o", "ø"];
      if (options && tried < 3) {
        tried++;
        var next = [];
        variants.forEach(function (v) { options.forEach(function (o) { next.push(v + o); }); });
        variants = next;
      } else variants = variants.map(function (v) { return v + token.slice(i, i + width); });
      i += width - 1;
    }
    var best = token, bestDf = known(own) ? df(own) : 0;
    variants.forEach(function (v) {
      var s = stem(v);
      if (v !== token && (known(s) && df(s) > bestDf || !bestDf && isAlias(s))) { best = v; bestDf = known(s) ? df(s) : 0; }
    });
    // a compound no page has, typed with "ae", "oe": its parts are Danish words with æ, ø
    // ("oversaetterapp" → oversætter + app) where the word as typed splits into none
    var whole = token.replace(/ae/g, "æ").replace(/oe/g, "ø");
    if (best === token && digraph && !known(own) && splitCompound(whole) && !splitCompound(token)) best = whole;
    return best;
  }

  // Do a and b differ only in their last `tail` letters (the shorter word's)?
  function sameBut(a, b, tail) {
    var n = Math.max(0, Math.min(a.length, b.length) - tail);
    return a.slice(0, n) === b.slice(0, n);
  }

  var listed = null;   // the one-word keys of the lists (synonyms, respectful language, languages)
  function listWords() {
    if (!listed) listed = Object.keys(core.aliases).filter(function (k) { return k.indexOf(" ") < 0; }).sort();
    return listed;
  }

  // A compound the index cannot split into two of its own words: its parts may still be words
  // staff use for the pages' words ("narko" + "handel", "misbrug" + "center"). The longest part
  // wins that is an index word (five letters or more) or a word of the lists (four or more;
  // shorter ones are mostly endings or chance); its synonyms count, and so do index words that
  // are the same compound with a synonym in the other part's place. The part alone is a weaker
  // clue than the whole word, hence the lower weights.
  function compoundClues(token, alternatives) {
    if (token.length < core.minCompound || !/^[a-zæøå]+$/.test(token)) return;
    var best = null;
    for (var cut = core.minPart; cut <= token.length - core.minPart; cut++) {
      var modifier = token.slice(0, cut), head = token.slice(cut);
      if ((core.suffixes || []).indexOf(head) >= 0) continue;
      var bare = "se".indexOf(modifier[modifier.length - 1]) >= 0 ? modifier.slice(0, -1) : modifier;
      [[head, modifier, "head"], [modifier, head, "modifier"], [bare, head, "modifier"]].forEach(function (c) {
        var s = stem(c[0]);
        if (!(c[0].length >= 5 && known(s) || c[0].length >= 4 && isAlias(s) ||
              c[2] === "modifier" && c[0] !== modifier && c[0].length >= 4 && known(s) && topical(s))) return;
        // a part some page is about (or a word of the lists) before a part no page is about
        // ("tolkebistand": tolk, not the fragment "stand" of bistand); then the longest part by
        // its stem (Snowball cuts a fragment such as "folkere" to "folk"), the head on a tie: a
        // Danish compound's last part carries its sense
        var about = isAlias(s) || known(s) && topical(s) ? 1 : 0;
        if (!best || about > best.about || about === best.about && (s.length > best.stem.length ||
            s.length === best.stem.length && c[2] === "head" && best.role !== "head"))
          best = { part: c[0], stem: s, other: c[1], role: c[2], about: about };
      });
    }
    if (!best) return;
    var weight = best.role === "head" ? 0.6 : 0.45;
    add(alternatives, best.stem, weight);
    if (isAlias(best.stem)) core.aliases[best.stem].forEach(function (pair) {
      add(alternatives, pair[0], weight * pair[1]);
      // the same compound with a synonym for this part: an index word?
      var word = best.role === "head" ? pair[0] + best.other : best.other + pair[0];
      var written = core.display[vocabulary.get(pair[0])] || pair[0];
      [word, best.role === "head" ? written + best.other : best.other + written].forEach(function (w) {
        var s = stem(w);
        if (known(s)) add(alternatives, s, 0.75);
      });
    });
  }

  // Damerau-Levenshtein distance, stopping early past `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = null, prev = [], row, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          value = Math.min(value, prev2[j - 2] + 1);
        row.push(value);
        if (value < best) best = value;
      }
      if (best > limit) return limit + 1;
      prev2 = prev; prev = row;
    }
    return prev[b.length];
  }

  // The index words closest to s: fewest edits first; among equals, the same letters swapped
  // ("hahs" → hash: the commonest typo), then words some page is about, then the commonest.
  // The word as typed is compared too, with the word the pages write for each stem: Snowball
  // strips endings by their letters, so a typo can change the stem beyond recognition
  // ("konfligt" → "konf", but it is one letter from the pages' "konflikt").
  function nearest(s, limit, count, word) {
    var found = [];
    var letters = s.split("").sort().join("");
    core.terms.forEach(function (term, i) {
      if (/^[0-9]+$/.test(term) || term.indexOf(core.pair) >= 0) return;
      var d = distance(s, term, limit);
      if (d > limit && word && word !== s) d = distance(word, core.display[i] || term, limit);
      if (d <= limit) found.push({ term: term, d: d, df: core.df[i],
                                   swap: term.length === s.length && term.split("").sort().join("") === letters ? 1 : 0,
                                   topical: core.topical.charAt(i) === "1" ? 1 : 0 });
    });
    found.sort(function (x, y) { return x.d - y.d || y.swap - x.swap || y.topical - x.topical || y.df - x.df; });
    return found.slice(0, count).map(function (x) { return x.term; });
  }

  // Does some index word begin with `prefix` (and is longer)? A binary search in the sorted
  // vocabulary (index.py sorts it by code point, as JavaScript compares these strings), so
  // that every keystroke need not scan it.
  function completes(prefix) {
    var terms = core.terms, low = 0, high = terms.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (terms[middle] < prefix) low = middle + 1; else high = middle;
    }
    for (var i = low; i < terms.length && terms[i].lastIndexOf(prefix, 0) === 0; i++)
      if (terms[i].length > prefix.length && terms[i].indexOf(core.pair) < 0) return true;
    return false;
  }

  function completions(prefix, count) {
    var found = [];
    core.terms.forEach(function (term, i) {
      if (term.length > prefix.length && term.lastIndexOf(prefix, 0) === 0 && term.indexOf(core.pair) < 0)
        found.push({ term: term, df: core.df[i] });
    });
    found.sort(function (x, y) { return y.df - x.df; });
    return found.slice(0, count).map(function (x) { return x.term; });
  }

  // as rummelig/search/language.py root(): the ending off, then an unstressed e before l, n or
  // r ("cykel" → cykl, as in "cyklen"), and a double consonant before it single ("middel" → midl)
  function root(token) {
    var found = token;
    for (var i = 0; i < core.endings.length; i++) {
      var e = core.endings[i];
      if (token.length - e.length >= core.minPart && token.slice(-e.length) === e) { found = token.slice(0, -e.length); break; }
    }
    var n = found.length;
    if (n >= 4 && found[n - 2] === "e" && "lnr".indexOf(found[n - 1]) >= 0 && "aeiouyæøå".indexOf(found[n - 3]) < 0) {
      found = found.slice(0, -2) + found[n - 1];
      n = found.length;
      if (found[n - 2] === found[n - 3]) found = found.slice(0, -3) + found.slice(-2);
    }
    return found;
  }

  // A word's inflection family: the index words that differ from it by an ending, or whose
  // word it is an irregular form of ("drak" → drikke; core.forms, from rummelig/search/forms.py).
  // The particles and prefixes Danish verbs are made with ("udvise", "bortvise", "opføre sig").
  var PREFIXES = /^(ud|op|af|ind|ned|bort|hjem|over|under|til|fra|om|sammen|be|for|an|mis|gen|på|med|frem|tilbage)[a-zæøå]/;
  function family(token) {
    return core.families[familyKey(token)] || [];
  }

  // The family key of a word: its irregular form's word (core.forms), or, for a word with a
  // prefix or a first part before such a form ("udviste": ud + viste → udvis, as "viste" → vis;
  // the table leaves such words out, as forms.py says), the prefix and that word; else its root.
  function familyKey(token) {
    if (Object.prototype.hasOwnProperty.call(core.forms, token)) return core.forms[token];
    var plain = root(token);
    if (!core.families[plain]) {
      var prefix = PREFIXES.exec(token);
      var rest = prefix && token.slice(prefix[1].length);
      if (rest && rest.length >= 4 && Object.prototype.hasOwnProperty.call(core.forms, rest)) return prefix[1] + core.forms[rest];
    }
    return plain;
  }

  // -- the query -----------------------------------------------------------------------------
  function add(alternatives, s, weight) {
    if (known(s) && (alternatives[s] || 0) < weight) alternatives[s] = weight;
  }

  // An alias target: an index word, or a pair of words ("ny_medarbejd" for "nyansat") that
  // the build only ships where some page has it.
  function addTarget(alternatives, s, weight) {
    if (s.indexOf(core.pair) >= 0) { if ((alternatives[s] || 0) < weight) alternatives[s] = weight; }
    else add(alternatives, s, weight);
  }

  var LONG_TYPO = 8;   // letters from which a word one edit from a topical word is that word
  var FEW = 3;    // documents: a known compound this rare also counts as its two parts pages are about
  var RARE = 2;   // documents: a known compound this rare also counts by its parts …

  // … unless some page is about it (has it in its title or keywords): "selvmordstanker" is
  // the crisis page's word, "hændelsesrapport" only a passing mention somewhere.
  function topical(s) { return core.topical.charAt(vocabulary.get(s)) === "1"; }

  // A compound split into two index words is two concepts: the head in the word's own concept
  // (it carries the sense), the modifier in a concept of its own at half weight, so a page with
  // both parts ("sprut" and "lugt") beats a page with only the head.
  var splitModifier = null;

  var rareClues = null;   // the clues of a rare known compound (wordAlternatives), for the concept

  function wordAlternatives(token, open) {
    var alternatives = {};
    rareClues = null;
    var s = stem(token);
    add(alternatives, s, 1);
    family(token).forEach(function (member) { add(alternatives, member, 0.85); });
    // A word of the lists is a word of its own, not a compound of two others ("slagsmål" is
    // no "slag" + "mål"): its aliases say what it means.
    var split = known(s) && (df(s) > RARE || topical(s)) || isAlias(s) ? null : splitCompound(token);
    // A compound only a few pages have, of two words pages are about ("kameraoptagelser": the
    // camera page has "kamera" and "optagelser"), is also those two words: the page about both
    // parts is about the compound too, even where it never writes it as one.
    if (!split && known(s) && df(s) <= FEW && !isAlias(s)) {
      var both = splitCompound(token);
      if (both && both.every(function (part) { return part.length >= 5 && topical(part); })) split = both;
    }
    // A long word the index does not know, one edit from a word some page is about, is that
    // word misspelt ("livslinjen" → Livslinien), not a compound of two other words (unless it
    // is an everyday Danish word, w.js).
    if (split && !known(s) && token.length >= LONG_TYPO && !(parts.w && everyday().has(s)) &&
        nearest(s, 1, 1, token).filter(topical).some(function (term) { add(alternatives, term, 0.8); return true; }))
      split = null;
    // A word and a particle written as one ("husforbi"): the pair a page has ("Hus Forbi"), as
    // the index pairs a word with the particle after it; the particle is no index word of its own.
    if (!split && !known(s) && /^[a-zæøå]+$/.test(token))
      core.particles.forEach(function (particle) {
        var modifier = token.slice(0, -particle.length);
        if (modifier.length >= core.minPart && token.slice(-particle.length) === particle && known(stem(modifier))) {
          alternatives[stem(modifier) + core.pair + particle] = 1;
          add(alternatives, stem(modifier), 0.6);
        }
      });
    splitModifier = split ? split[0] : null;
    if (split) add(alternatives, split[1], 0.7);   // the head
    // A compound that only a page or two have, and that is no two index words ("politikreds":
    // "kreds" is on no page), also counts by the part pages are about ("politi"), as a compound
    // the index does not know does: the page a colleague needs may not have the whole word
    // ("politikreds aalborg" → the police's entry in Aalborg).
    // A page that has the whole word still comes first ("rummeligmærke", a new word in a playbook's
    // text, is no page about "rum"): the clue's pages count at most as that page (score: clues).
    else if (known(s) && df(s) <= RARE && !isAlias(s) && /^[a-zæøå]+$/.test(token)) {
      var before = Object.keys(alternatives);
      compoundClues(token, alternatives);
      rareClues = Object.keys(alternatives).filter(function (k) { return before.indexOf(k) < 0; });
    }
    if (open && (!known(s) || token.length <= 3))
      completions(token, 8).forEach(function (term) { add(alternatives, term, 0.8); });
    // A word of the lists that no page has ("hidsig", "pige") is no typo: its aliases (added by
    // the caller) are what it means, and guessing a neighbour ("hils", "lig") only adds noise.
    if (isAlias(s)) return alternatives;
    // typos: one edit from four letters (a word the index does not know at all). An everyday
    // Danish word our pages just do not use is no typo ("kvinde" is not "kind", "slidt" not
    // "smidt"; w.js); only another ending of it is the same word ("skændtes" → skænd…).
    var real = parts.w && everyday().has(s);
    // (at least three letters in common at the start: "skør" is not "sker" or "skær"; and only
    // another ending, one word the start of the other: "skændes" is not "skældes", "strengere"
    // not "stregere")
    function plausible(term) {
      return !real || sameBut(s, term, 2) && Math.min(s.length, term.length) - 2 >= 3 &&
        (term.lastIndexOf(s, 0) === 0 || s.lastIndexOf(term, 0) === 0);
    }
    if (!Object.keys(alternatives).length && token.length >= 4 && !/^[0-9]+$/.test(token))
      nearest(s, 1, 2, token).filter(plausible).forEach(function (term) { add(alternatives, term, 0.8); });
    // A short form that begins words some page is about is those words cut short ("psyk
    // skadestue" → psykiatrisk, psykisk; "akutmod"), also where it is not the word still typed.
    if (!Object.keys(alternatives).length && token.length >= 4 && /^[a-zæøå]+$/.test(token) && !real)
      completions(token, 8).filter(topical).slice(0, 3).forEach(function (term) { add(alternatives, term, 0.6); });
    // Last resort for a word the index does not know: the longest start of it (at least six
    // letters, half the word) that begins a word some page is about ("psykotisk" → psykose,
    // "overdosering" → overdosis): Danish derives words by endings (-ering, -isk, -else).
    // A word of the lists counts as such a start too ("diabetiker" → diabetes → its synonyms).
    if (!Object.keys(alternatives).length && /^[a-zæøå]+$/.test(token)) {
      for (var length = token.length - 1; length >= Math.max(6, Math.ceil(token.length * 0.5)); length--) {
        var prefix = token.slice(0, length);
        var starts = completions(prefix, 8).filter(topical).slice(0, 3);
        if (starts.length) { starts.forEach(function (term) { add(alternatives, term, 0.6); }); break; }
        var fromLists = listWords().filter(function (w) { return w.lastIndexOf(prefix, 0) === 0; }).slice(0, 3);
        if (fromLists.length) {
          fromLists.forEach(function (w) {
            core.aliases[w].forEach(function (pair) { add(alternatives, pair[0], 0.6 * pair[1]); });
          });
          break;
        }
      }
      // the word's stem, from five letters, as the start of a word of the lists ("skændtes" →
      // skænd → skænderi): an ending Snowball leaves may be longer than the prefixes above allow
      if (!Object.keys(alternatives).length && s.length >= 5)
        listWords().filter(function (w) { return w.length > s.length && w.lastIndexOf(s, 0) === 0; }).slice(0, 3)
          .forEach(function (w) {
            core.aliases[w].forEach(function (pair) { add(alternatives, pair[0], 0.6 * pair[1]); });
          });
    }
    // A word the pages only write with a prefix that turns it round or against ("eskalerer" →
    // deeskalering, "organiseret" → uorganiseret): the same topic, a weaker clue.
    if (!Object.keys(alternatives).length && s.length >= 5 && /^[a-zæøå]+$/.test(token)) {
      var turned = [];
      ["de", "u", "mis", "gen"].forEach(function (prefix) {
        completions(prefix + s, 8).concat(known(prefix + s) ? [prefix + s] : []).forEach(function (term) {
          if (topical(term) && turned.indexOf(term) < 0) turned.push(term);
        });
      });
      turned.slice(0, 3).forEach(function (term) { add(alternatives, term, 0.6); });
    }
    // two edits from eight letters, and six of the stem: two edits in the five letters Snowball
    // leaves of "eskalerer" make any word ("smal", "skab")
    if (!Object.keys(alternatives).length && token.length >= 8 && s.length >= 6 && !/^[0-9]+$/.test(token))
      nearest(s, 2, 2, token).filter(plausible).forEach(function (term) { add(alternatives, term, 0.6); });
    if (!Object.keys(alternatives).length && /^[a-zæøå]+$/.test(token)) compoundClues(token, alternatives);
    return alternatives;
  }

  // How many words after "efter" at position i name the shift or what happened, or 0.
  function afterwards(list, i) {
    if (list[i] !== "efter") return 0;
    var words = 0;
    for (var j = 1; j <= 3 && i + j < list.length; j++) {
      if (EVENT.test(list[i + j])) return j;
      if (isContent(list[i + j]) && ++words > 1) return 0;
    }
    return 0;
  }

  function joinNumbers(list) {
    // "70 201 201" and "+45 70 20 12 01" are one phone number: 8 digits, as the index has them
    var out = [], i = 0;
    while (i < list.length) {
      var j = i, digits = "";
      while (j < list.length && /^[0-9]+$/.test(list[j])) { digits += list[j]; j++; }
      if (j - i >= 2 && digits.length === 10 && digits.lastIndexOf("45", 0) === 0) digits = digits.slice(2);
      if (j - i >= 2 && digits.length === 8) { out.push(digits); i = j; continue; }
      // a shorter number written in groups that some page has whole ("116 111" → 116111);
      // the longest such run from here
      for (var k = j; k - i >= 2; k--) {
        var whole = list.slice(i, k).join("");
        if (known(whole)) { out.push(whole); break; }
      }
      if (k - i >= 2) { i = k; continue; }
      out.push(list[i]); i++;
    }
    return out;
  }

  // "over" too, once something has happened: "flipper ud over printeren", "vred over ventetiden"
  // (what it is about, or where); "om" was tried and lost five queries ("mistanke om omsorgssvigt").
  var WHERE = new Set(["ved", "foran", "hos", "mellem", "over"]);
  var ARTICLES = new Set(["en", "et", "den", "det", "de"]);
  var WHERE_WEIGHT = 0.5, WHERE_FACTOR = 0.5;
  var DURATION = /^(time|timer|minut|minutter|dag|dage|døgn|uge|uger|måned|måneder)$/;   // a unit of time (analyse)
  var COUNTED = /^([0-9]+|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|tyve|halv|halvanden|flere|mange|nogle|par)$/;
  var WHICH = /^(ny|nye|nyt|gratis|lille|små|stor|store|gammel|gamle)$/;   // an adjective that says which one, before a word (analyse)
  // an adult, said before what happened (analyse): a young or old one, a man, a woman, a borrower;
  // not a child ("pige", "dreng", "teenager"): a child is the situation (the concern for a child)
  var PERSON = /^(ung|unge|ungt|ældre|gammel|gamle|dame|damer|herre|herrer|mand|mænd|kvinde|kvinder|fyr|fyre|låner|lånere)$/;
  // "oversigt over væresteder", "statistik over gode møder": what follows "over" after a word for
  // a list or a count is what the list is of, not where something happened
  var LISTING = /^([a-zæøå]*oversigt|[a-zæøå]*oversigten|liste|listen|overblik|overblikket|statistik|statistikken|opgørelse|opgørelsen)$/;
  var TIME = /^(går|dag|morgen|forgårs|overmorgen|år)$/;   // after "i" (analyse)
  var PHRASE = 0.5;
  var FIRST_TIME = /^(dag|dage|dagen|uge|uger|ugen|vagt|vagter|vagten|måned|måneder|arbejdsdag|tid)$/;   // after "første"
  // after "efter": the shift or what happened, with at most one word before it ("en hård vagt")
  var EVENT = /^(vagt|vagten|vagter|vagterne|arbejde|arbejdet|episode|episoden|episoder|hændelse|hændelsen|oplevelse|oplevelsen|overfald|overfaldet|skete|sket)$/;
  var SYNONYM_TARGET = 0.8;   // as language.py's SYNONYM_WEIGHT
  var PHRASE_WORDS = 6;   // the longest phrase of the lists looked up ("ser ting der ikke er der")
  // a verb of taking someone somewhere, with "hen til", "over til", "videre til" after it (analyse)
  var TAKING = /^(følge|følger|fulgte|fulgt|gå|går|gik|sende|sender|sendte|sendt|køre|kører|kørte|kørt|tage|tager|tog|hjælpe|hjælper|hjalp)$/;
  var TO = /(^|\s)(hen|over|videre)\s+(til|for)(\s|$)/;
  var REFERRAL = ["henvise", "henvisning"], TAKING_WEIGHT = 0.8;
  var NEGATED = 0.5;   // a word of a phrase of the lists with "ikke", as typed (analyse)
  var MODIFIER = 0.5;   // a compound's modifier, as a concept of its own (wordAlternatives)

  // The synonyms of a phrase of the lists, for the words typed: the phrase as written, or with
  // an intensifier left out ("tage sit eget liv" is "tage sit liv", "slå sig selv ihjel" is
  // "slå sig ihjel"), or with one word replaced by a synonym of it ("ingen at snakke med" is
  // "ingen at tale med").
  // Also a word that only strengthens what it stands in: "flipper helt ud" is "flipper ud".
  var INTENSIFIERS = ["selv", "eget", "egen", "egne", "helt", "totalt", "fuldstændig", "fuldstændigt", "vildt",
                      "meget", "lige"];
  var intensifiers = null;   // as stems, as the words of a phrase are
  var negation = null;       // "ikke", as a stem
  function phraseTargets(words) {
    var found = core.aliases[words.join(" ")];
    if (found || words.length < 2) return found;
    if (!intensifiers) intensifiers = new Set(INTENSIFIERS.map(stem));
    var plain = words.filter(function (w, j) { return !j || !intensifiers.has(w); });
    if (plain.length < words.length) {
      if (plain.length > 1 && (found = core.aliases[plain.join(" ")])) return found;
      return null;   // the intensifier belongs to the phrase we look for, or to none
    }
    // Danish puts "ikke" after the verb in a main clause and before it in a clause of its own
    // ("han reagerer ikke", but "en gæst der ikke reagerer", "han siger han ikke vil leve"): the
    // lists write the main clause, so "ikke" before a verb is also looked up after it.
    if (!negation) negation = stem("ikke");
    var not = words.indexOf(negation);
    if (not >= 0 && not + 1 < words.length) {
      var turned = words.slice();
      turned[not] = words[not + 1];
      turned[not + 1] = negation;
      if ((found = core.aliases[turned.join(" ")])) return found;
    }
    for (var j = 0; j < words.length && !found; j++) {
      var synonyms = core.aliases[words[j]] || [];
      for (var k = 0; k < synonyms.length && !found; k++) {
        if (synonyms[k][0] === words[j] || synonyms[k][0].indexOf(core.pair) >= 0) continue;
        var other = words.slice();
        other[j] = synonyms[k][0];
        found = core.aliases[other.join(" ")];
      }
    }
    return found;
  }

  // The age group of a number followed by "årig"/"årige", or by "år" and "gammel"/"gamle".
  function ageGroup(list, i) {
    if (!/^[0-9]{1,3}$/.test(list[i]) || !core.ages) return null;
    var next = list[i + 1], after = list[i + 2];
    if (!(next === "årig" || next === "årige" || next === "år" && (after === "gammel" || after === "gamle"))) return null;
    var years = Number(list[i]);
    for (var g = 0; g < core.ages.length; g++)
      if (years >= core.ages[g][0] && years <= core.ages[g][1]) return core.ages[g][2];
    return null;
  }

  // "region h", "region midt", "region sj": a word after "region" that begins the name of one
  // region, and only one, is that region (core.regions: "hovedstaden", "midtjylland", …), as
  // Danes write the regions short.
  // Without "region" too when the word is no word of the index or the lists ("lægevagt syd tlf":
  // "syd" is Syddanmark), with three letters at least.
  function regionNames(list) {
    return list.map(function (token, i) {
      if (!core.regions || core.regions.indexOf(token) >= 0) return token;
      var afterRegion = i > 0 && list[i - 1] === "region";
      if (!afterRegion && (token.length < 3 || !/^[a-zæøå]+$/.test(token) || known(stem(token)) || isAlias(stem(token)))) return token;
      var named = core.regions.filter(function (r) { return r.lastIndexOf(token, 0) === 0; });
      return named.length === 1 ? named[0] : token;
    });
  }

  // A compound written as two words ("relations medarbejder", "hændelses rapport"), as Danes
  // often type it: a word with the compound's linking -s (its word without the -s is known) and
  // the next content word, whose joined form is an index word, are that word. Only with the
  // linking -s: two whole words in a row ("social bibliotekar", "flytte liget") are as often a
  // phrase as a compound, and joining them lost queries.
  function joinWrittenApart(list) {
    var out = [];
    for (var i = 0; i < list.length; i++) {
      var a = list[i], b = list[i + 1];
      if (b !== undefined && a.length >= 4 && b.length >= 3 && /s$/.test(a) && known(stem(a.slice(0, -1))) &&
          isContent(a) && isContent(b) && known(stem(a + b))) { out.push(a + b); i++; }
      else out.push(a);
    }
    return out;
  }

  // A noun made of a verb with -ning that the index and the lists do not know is that verb
  // ("udvisning" → "udvise", a word of the lists; "bortvisning" is a page's word of its own): Danish
  // makes the noun of an action so, and a colleague types whichever comes first.
  var NOUN_OF_VERB = /^([a-zæøå]{3,})ning(en|er|erne)?$/;
  function deverbal(token) {
    var m = NOUN_OF_VERB.exec(token), s = stem(token);
    if (!m || known(s) || isAlias(s)) return token;
    var verb = m[1] + "e", v = stem(verb);
    return isAlias(v) || known(v) && topical(v) ? verb : token;
  }

  // An English word staff use for a Danish one ("de-escalation", "flashing") that the index and
  // the lists do not know is its Danish form when that form is a word of the index or the lists:
  // -ation is Danish -ering, with c before a, o, u written k ("escalation" → eskalering,
  // "registration" → registrering), and an -ing form is the verb's agent noun or the verb itself
  // ("flashing" → flasher, "mobbing" → mobber). English "de-" before it is Danish "de-"
  // ("de-escalation" → deeskalering) when that word is known.
  var ENGLISH_ATION = /^([a-z]{3,})ations?$/, ENGLISH_ING = /^([a-z]{3,})ings?$/;
  function loanword(token, prefix) {
    var s = stem(token), m;
    if (!/^[a-z]+$/.test(token) || known(s) || isAlias(s)) return token;
    var candidates = [];
    if ((m = ENGLISH_ATION.exec(token))) candidates.push(m[1].replace(/c(?=[aou])/g, "k") + "ering");
    if ((m = ENGLISH_ING.exec(token))) {
      var base = m[1].replace(/([bdgklmnprt])\1$/, "$1");   // "mobbing" → mob
      candidates.push(m[1] + "er", base + "er", base + "e", base);
    }
    for (var c = 0; c < candidates.length; c++) {
      var cs = stem(prefix + candidates[c]);
      if (known(cs) || isAlias(cs)) return prefix + candidates[c];
    }
    return prefix ? null : token;
  }
  function loanwords(list) {
    var out = [];
    list.forEach(function (token, i) {
      var joined = i && list[i - 1] === "de" ? loanword(token, "de") : null;
      if (joined && joined !== token) out[out.length - 1] = joined;
      else out.push(loanword(token, ""));
    });
    return out;
  }

  // A compound that no page is about (no title or keyword has it) whose head asks for an overview ("partneroversigt",
  // "herbergsoversigt") is its modifier and the head apart: what the overview is of, and that it
  // is one (OVERVIEW, LISTING).
  var OVERVIEW_HEAD = /^([a-zæøå]{3,}?)(oversigt|oversigten|overblik|overblikket)$/;
  function overviewApart(token) {
    var m = OVERVIEW_HEAD.exec(token);
    if (!m || known(stem(token)) && topical(stem(token))) return [token];
    var modifier = m[1];
    if (/s$/.test(modifier) && !known(stem(modifier)) && known(stem(modifier.slice(0, -1)))) modifier = modifier.slice(0, -1);
    return [modifier, m[2]];
  }

  function analyse(query) {
    var open = !/\s$/.test(query);
    var list = regionNames(joinNumbers(tokens(query)));
    list = list.map(function (token, i) {   // a word still being typed that begins index words stays
      return open && i === list.length - 1 && completes(token) ? token : respell(token);
    });
    list = joinWrittenApart(loanwords(list));
    list = list.map(deverbal);
    list = [].concat.apply([], list.map(overviewApart));
    // "i går", "i dag", "i år": when, not what ("politiet vil vide hvem der var her i går" is no
    // "gå"); "i nat" and "i aften" stay words (a bed for the night, the evening shift)
    list = list.filter(function (token, k) { return !(k && list[k - 1] === "i" && TIME.test(token)); });
    // "i tre timer", "i en time", "i over 20 minutter", "i to uger": how long, not what (the
    // opening hours' "timer", a quarantine's "måneder"); the unit after a count is no word of the
    // query. Not "år" (an age: "på 7 år"), and not without a count ("døgnet rundt").
    list = list.filter(function (token, k) { return !(k && DURATION.test(token) && COUNTED.test(list[k - 1])); });
    var stems = list.map(stem);
    var content = list.filter(isContent);
    var concepts = [];
    var particles = new Set(core.particles);
    function pushModifier(modifier, token) {
      if (!modifier) return;
      var alternatives = {};
      alternatives[modifier] = MODIFIER;
      if (isAlias(modifier))   // "junkie" in "junkiestedet": the words it stands for, too
        core.aliases[modifier].forEach(function (pair) { add(alternatives, pair[0], MODIFIER * pair[1]); });
      concepts.push({ label: token, alternatives: alternatives, own: modifier, part: true });
    }
    var i = 0;
    while (i < list.length) {
      // an age typed as a number ("15-årig", "16 årig", "14 år gammel"): the words for its age
      // group (core.ages, from rummelig/search/language.py), not the number
      var age = ageGroup(list, i);
      if (age) {
        var grouped = {};
        age.forEach(function (pair) { add(grouped, pair[0], pair[1]); });
        if (Object.keys(grouped).length) {
          concepts.push({ label: list.slice(i, i + 2).join(" "), alternatives: grouped, own: null,
                          aliased: age.map(function (pair) { return pair[0]; }) });
          i += 2;
          continue;
        }
      }
      // "første dag", "min første vagt", "de første uger": being new on the job, the words of the
      // lists for a new colleague (as "nyansat"), not a day or a guard
      if (list[i] === "første" && FIRST_TIME.test(list[i + 1] || "") && core.aliases[stem("nyansat")]) {
        var starting = {};
        add(starting, stem("nyansat"), SYNONYM_TARGET);
        core.aliases[stem("nyansat")].forEach(function (pair) { addTarget(starting, pair[0], pair[1]); });
        concepts.push({ label: list.slice(i, i + 2).join(" "), alternatives: starting, own: null,
                        aliased: Object.keys(starting) });
        i += 2;
        continue;
      }
      // "efter vagten", "efter en hård vagt", "efter det der skete", "efter episoden": afterwards,
      // the words of the lists for the staff's debriefing ("snak bagefter"), not a guard or a shift
      var after = afterwards(list, i);
      if (after && core.aliases[stem("debriefing")]) {
        var debriefing = {};
        add(debriefing, stem("debriefing"), SYNONYM_TARGET);
        core.aliases[stem("debriefing")].forEach(function (pair) { addTarget(debriefing, pair[0], pair[1]); });
        concepts.push({ label: list.slice(i, i + after + 1).join(" "), alternatives: debriefing, own: null,
                        aliased: Object.keys(debriefing) });
        i += after + 1;
        continue;
      }
      var matched = false;
      for (var n = Math.min(PHRASE_WORDS, list.length - i); n >= 1 && !matched; n--) {
        var targets = phraseTargets(stems.slice(i, i + n));
        // a word we advise against whose stem is another word ("stodder" → stod) is looked up as written
        if (!targets && n === 1) targets = (core.written || {})[list[i]];
        if (!targets && n === 1) {   // "truet" has no synonyms, but its family member "truer" has
          var members = family(list[i]);
          for (var m = 0; m < members.length && !targets; m++) targets = core.aliases[members[m]];
          // a form of a word of the lists that no page has ("udviste" → udvise, "bortviste")
          if (!targets && !known(stems[i])) targets = core.aliases[familyKey(list[i])];
        }
        if (!targets || (n === 1 && !isContent(list[i]) && content.length)) continue;
        // A phrase's own words stay concepts of their own (a page should have them all); the
        // alias's words join the last one ("falder i søvn" → søvn or sover, snorker, …).
        var own = list.slice(i, i + n).filter(function (token, j) {   // an intensifier in it is no word of its own
          return isContent(token) && !(j && n > 1 && intensifiers && intensifiers.has(stem(token)));
        });
        if (!own.length) own = [list[i + n - 1]];
        var negated = n > 1 && stems.slice(i, i + n).indexOf(stem("ikke")) >= 0;
        own.forEach(function (token, k) {
          var position = i + list.slice(i, i + n).indexOf(token);
          var concept = { label: token, alternatives: wordAlternatives(token, open && position === list.length - 1),
                          own: stem(token), clues: rareClues };
          var modifier = splitModifier;
          if (k === own.length - 1) concept.label = list.slice(i, i + n).join(" ").trim() === token ? token : concept.label;
          concept.aliased = targets.map(function (pair) { return pair[0]; });
          // a word the phrase negates ("vil ikke leve", "kan ikke vækkes") says the opposite of
          // itself: the phrase's meaning (its group) counts, the word as typed only as a clue
          if (negated) Object.keys(concept.alternatives).forEach(function (s) { concept.alternatives[s] *= NEGATED; });
          targets.forEach(function (pair) { addTarget(concept.alternatives, pair[0], pair[1]); });
          concepts.push(concept);
          pushModifier(modifier, token);
        });
        i += n; matched = true;
      }
      if (matched) continue;
      if (isContent(list[i]) || !content.length) {
        concepts.push({ label: list[i], alternatives: wordAlternatives(list[i], open && i === list.length - 1),
                        own: stems[i], clues: rareClues });
        pushModifier(splitModifier, list[i]);
      }
      i++;
    }
    // Danish writes as one word what a sentence says with a particle after the verb ("lader
    // mobilen op" → oplader) or a reflexive ("skader sig selv" → selvskade): a word followed,
    // later in the query, by a particle or by "selv" also finds that compound where a page has it.
    concepts.forEach(function (concept) {
      if (concept.bonus || concept.part || !isContent(concept.label)) return;
      var at = list.indexOf(concept.label);
      if (at < 0) return;
      list.slice(at + 1).forEach(function (next) {
        if (!particles.has(next) && next !== "selv") return;
        var whole = next + concept.label;
        add(concept.alternatives, stem(whole), 1);   // the same word, written as one
        family(whole).forEach(function (member) { add(concept.alternatives, member, 0.85); });
      });
    });
    // A question a page answers, typed in its words: a page's keyword of stop words only ("hvor
    // kan jeg") is indexed by its first two words; the same two words in a row in the query
    // ("hvor kan han sove i nat") are a concept of their own, so the page that answers "where
    // can …" counts them as it counts a word.
    for (var q = 0; q + 1 < list.length; q++) {
      var question = list[q] + core.pair + list[q + 1];
      if (!isContent(list[q]) && !isContent(list[q + 1]) && (core.questions || {})[question]) {
        var asked = {};
        asked[question] = 1;
        concepts.push({ label: list[q] + " " + list[q + 1], alternatives: asked, own: question, question: true });
      }
    }
    // Two content words in a row that a page has in a row (in its title, keywords, summary,
    // first steps or headings): a bonus for that page, not a concept of its own.
    // Pairs are not in the vocabulary; their postings sit next to their first word's. A
    // particle ("om" in "falder om") counts as a word in a pair, as in index.py.
    var sequence = [];
    list.forEach(function (token) {
      if (isContent(token)) sequence.push([stem(token), true]);
      else if (particles.has(token)) sequence.push([token, false]);
    });
    for (var k = 0; k + 1 < sequence.length; k++) {
      var a = sequence[k], b = sequence[k + 1];
      if (!(a[1] || b[1]) || (a[1] && !known(a[0])) || (b[1] && !known(b[0]))) continue;
      var pair = a[0] + core.pair + b[0];
      var alternatives = {};
      alternatives[pair] = PHRASE;
      // the words it joins: a page with the pair has them as typed, in a field that says what
      // the page is about, so it covers them fully (score, below)
      var joins = [a, b].filter(function (w) { return w[1]; }).map(function (w) { return w[0]; });
      concepts.push({ label: pair, alternatives: alternatives, own: pair, bonus: true, factors: alternatives,
                      joins: joins });
    }
    // Taking someone to a service ("følge en gæst hen til værestedet", "gå med ham over til
    // herberget", "sende en gæst videre til …") is a referral: the verb also means "henvise".
    for (var t = 0; t < list.length; t++) {
      if (!TAKING.test(list[t]) || !TO.test(list.slice(t + 1, t + 7).join(" "))) continue;
      var taken = concepts.filter(function (c) { return !c.bonus && c.label === list[t]; })[0];
      if (!taken) { taken = { label: list[t], alternatives: {}, own: null }; concepts.push(taken); }
      var referral = REFERRAL.map(stem);
      taken.aliased = (taken.aliased || []).concat(referral);
      referral.forEach(function (s) { addTarget(taken.alternatives, s, TAKING_WEIGHT); });
      break;
    }
    // A word after a preposition of place, once the query has said what happened, says where
    // it happened ("sover ved pc'en", "besvimede ved printeren"): it weighs less than the words
    // that say what. Not after "på" or "i", which as often say what ("på nettet").
    var seen = false;
    list.forEach(function (token, k) {
      var before = list[k - 1], article = ARTICLES.has(before) ? list[k - 2] : before;
      if (seen && WHERE.has(article) && isContent(token))
        concepts.forEach(function (c) { if (!c.bonus && c.label === token) c.where = true; });
      if (isContent(token) && !LISTING.test(token)) seen = true;
    });
    // An adjective of age, size or price before a word says which one, not what the query is
    // about ("skrive nye ordensregler", "tilføje et nyt værested", "lille filial uden personale",
    // "gratis mad"): it weighs half, as a word that says where does. Not where the two are a
    // phrase of the lists ("ny kollega"), nor alone ("ny på jobbet").
    list.forEach(function (token, k) {
      if (!WHICH.test(token) || k + 1 >= list.length || !isContent(list[k + 1])) return;
      concepts.forEach(function (c) { if (!c.bonus && c.label === token && !c.aliased) c.which = true; });
    });
    // Who, told before what happened ("ældre herre besvimede ved avisreolen", "ældre dame er faldet
    // og har slået hovedet", "unge laver ballade i foyeren"): the person words that open the query are
    // its subject, and the rest says what the situation is. They weigh half, as a word that says
    // where does, when at least two content words follow; alone ("ensom ældre", "lille barn
    // alene") they keep their weight.
    var subject = [];
    for (var p = 0; p < list.length; p++) {
      if (!isContent(list[p])) continue;
      if (!PERSON.test(list[p])) break;
      subject.push(list[p]);
    }
    var told = list.slice(p).filter(function (token) { return isContent(token); }).length;
    if (subject.length && told >= 2)
      concepts.forEach(function (c) { if (!c.bonus && subject.indexOf(c.label) >= 0) c.which = true; });
    // A clause of cause ("råber ad mig fordi han ikke kan få lov at printe") says why, the main
    // clause what happens: the words after "fordi" weigh half, once the query has said what.
    var because = list.indexOf("fordi");
    if (because > 0 && list.slice(0, because).some(isContent))
      list.slice(because + 1).forEach(function (token) {
        concepts.forEach(function (c) { if (!c.bonus && c.label === token) c.which = true; });
      });
    // A concept weighs what its own word weighs (or its alternatives on average, for a word
    // the index does not know); an alternative counts as that word would, so a rare synonym
    // does not outweigh the word that was typed.
    concepts.forEach(function (concept) {
      if (concept.bonus) { concept.idf = concept.weight = 0; return; }
      var keys = Object.keys(concept.alternatives), own = concept.own;
      var sum = 0;
      keys.forEach(function (s) { sum += idf(s); });
      concept.idf = own && known(own) ? idf(own) : (keys.length ? sum / keys.length : 0);
      concept.weight = (concept.part ? concept.idf * MODIFIER : concept.idf) *
        (concept.where || concept.which ? WHERE_WEIGHT : 1);
      concept.factors = {};
      keys.forEach(function (s) {
        concept.factors[s] = concept.alternatives[s] * Math.min(1, concept.idf / Math.max(idf(s), 0.01)) *
          (concept.where || concept.which ? WHERE_FACTOR : 1);
      });
    });
    return concepts;
  }

  // The postings file of a stem: the last one whose first stem sorts before it (as index.py).
  function shardOf(term) {
    var starts = core.postingStarts, low = 0, high = starts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (starts[middle] <= term) low = middle; else high = middle - 1;
    }
    return low;
  }

  var SCALE = 10;           // rummelig/search/index.py stores round(score × SCALE)
  var ELSEWHERE = 0.5;      // a page that does not match the place typed
  var UNPLACED = 0.5;       // an entry of one area when the query names no place
  var PLACE_LEVEL = 0.4;    // a page is in the place typed when it matches it this well, of the best
  var PLACE_SERVED = 0.1;   // … and has what the query asks there when it matches a topic word this well
  var TOPICAL = 6;          // the keywords field's weight: a page is about a word it has there
  var GLOSSARY_TYPED = 1.2; // a glossary word typed as such: its own title at 0.6 of a page's prior, not 0.5
  // How much the share of the query a document covers counts: to this power. Squared (rounds
  // 1–7) let a page that mentions every word in passing beat the page about the query's main
  // words; 1.5 gained on every query set at once in round 8 (docs-dev/search.md).
  var COVERAGE_POWER = 1.5;

  // A document's score: per concept the best of its alternatives (plus a little for more of
  // them), summed, times the share of the query it covers, to the power 1.5. A concept's share is its
  // weight (its rarity) times how topical it is here: a word that some page has in its title or
  // keywords says what the query is about; a word only mentioned in passing ("læsesalen") says
  // where it happened, and weighs less.
  function score(concepts) {
    var places = new Set(core.places || []);
    var glossary = new Set(core.glossary || []);
    // a place typed as the place ("aarhus") or as a short form of it ("kbh" → københavn)
    concepts.forEach(function (c) {
      c.place = !c.bonus && (places.has(c.own) || !known(c.own) && Object.keys(c.alternatives).some(function (s) {
        return places.has(s) && c.alternatives[s] >= 0.85;
      }));
    });
    var perConcept = concepts.map(function (concept) {
      var best = new Map();   // doc → [max, sum]
      var strength = 0;       // the best field weight × prior × the alternative's own weight
      var aliased = new Set(concept.aliased || []);
      var clues = new Set(concept.clues || []), byWord = new Set();   // docs matched by the word, not a clue
      Object.keys(concept.alternatives).forEach(function (s) {
        var list = parts["p" + shardOf(s)][s] || [];
        var weight = concept.factors[s];
        // a word of the lists on its own scale; the typed word, its forms and parts on the word's
        var unit = aliased.has(s) ? concept.alternatives[s] / (Math.max(idf(s), 0.01) * SCALE)
          : weight / (Math.max(concept.idf, 0.01) * SCALE);
        var typed = s === concept.own;
        for (var j = 0, doc = 0; j < list.length; j += 2) {
          doc += list[j];   // stored as gaps between document numbers
          var value = list[j + 1] * weight * (typed && glossary.has(doc) ? GLOSSARY_TYPED : 1), entry = best.get(doc);
          if (!clues.has(s)) byWord.add(doc);
          if (!entry) best.set(doc, [value, value]);
          else { entry[0] = Math.max(entry[0], value); entry[1] += value; }
          strength = Math.max(strength, list[j + 1] * unit);
        }
      });
      // a rare compound's clue (wordAlternatives) counts at most as the weakest page with the word
      if (clues.size && byWord.size) {
        var cap = Infinity;
        byWord.forEach(function (doc) { cap = Math.min(cap, best.get(doc)[0]); });
        best.forEach(function (entry, doc) {
          if (!byWord.has(doc) && entry[0] >= cap) { entry[0] = entry[1] = cap * 0.99; }
        });
      }
      var strongest = 0;
      best.forEach(function (entry) { strongest = Math.max(strongest, entry[0]); });
      concept.strongest = strongest;
      // A place says where, not how well: every page that is clearly in it (its entries, its
      // library) counts the same, however often its text repeats the name; the topic words
      // decide between them ("værested kbh": the drop-in centre, not the night shelter whose
      // name says København).
      if (concept.place) best.forEach(function (entry) {
        if (entry[0] >= PLACE_LEVEL * strongest) entry[0] = entry[1] = strongest;
      });
      // how topical the concept is; a word of the lists (synonyms, the respectful-language list)
      // on its own scale, so a word typed that only the language guide has ("junkie") is as
      // topical as the words it stands for
      var topicality = Math.min(1, strength / TOPICAL);
      concept.share = concept.bonus ? 0 : concept.weight * Math.max(0.05, topicality * topicality);
      return best;
    });
    // A place where no page has what the query asks ("værested esbjerg": no drop-in centre of
    // Esbjerg is on the site; the region's page only names the town) cannot be answered there:
    // it says nothing the site can answer, and the pages about the topic (the list of all
    // drop-in centres) come first, not the page that merely names the place.
    unservedPlaces(concepts, perConcept);
    // A place typed with a topic ("psykiatrien aarhus") says where as much as the topic says
    // what: a page elsewhere is not the answer, however well it matches the topic.
    var topic = 0;
    concepts.forEach(function (c) { if (!c.place) topic = Math.max(topic, c.share); });
    concepts.forEach(function (c) { if (c.place) c.share = Math.max(c.share, topic); });
    var total = 0;
    concepts.forEach(function (c) { total += c.share; });
    // documents that have a typed pair ("smide … ud" → "smide ud" in the keywords), per concept
    // the pair joins
    var inPair = concepts.map(function () { return null; });
    concepts.forEach(function (pair, p) {
      if (!pair.joins) return;
      concepts.forEach(function (concept, c) {
        if (concept.bonus || pair.joins.indexOf(concept.own) < 0) return;
        inPair[c] = inPair[c] || new Set();
        perConcept[p].forEach(function (entry, doc) { inPair[c].add(doc); });
      });
    });
    var scores = new Map();   // doc → {sum, covered, concepts}
    perConcept.forEach(function (best, c) {
      best.forEach(function (entry, doc) {
        var value = entry[0] + 0.3 * Math.min(entry[1] - entry[0], entry[0]);
        var found = scores.get(doc);
        if (!found) scores.set(doc, found = { sum: 0, covered: 0, concepts: [] });
        found.sum += value;
        // graded: a weak match (a synonym in passing) covers less of the concept than the
        // page that is about it; a page with the typed pair covers it fully
        var grade = inPair[c] && inPair[c].has(doc) ? 1 :
          Math.min(1, Math.sqrt(entry[0] / Math.max(concepts[c].strongest, 1e-9)));
        found.covered += concepts[c].share * grade;
        found.concepts[c] = true;
      });
    });
    // A query that names no place is seldom about one municipality's entry (an index with the
    // entries of several areas): the playbook or a nationwide line answers it before Aalborg's
    // or Aarhus's entry of the same kind ("underretning" → the playbook on concern for children).
    var placed = concepts.some(function (c) { return c.place; });
    var local = new Set();
    if ((core.localAreas || 0) > 1)
      (core.local || []).forEach(function (run) { for (var d = run[0]; d <= run[1]; d++) local.add(d); });
    var ranked = [];
    scores.forEach(function (found, doc) {
      var coverage = total > 0 ? found.covered / total : 1;
      // a page elsewhere than the place typed is not the answer, however well it matches the topic
      var elsewhere = concepts.some(function (c, i) { return c.place && !found.concepts[i]; });
      var unplaced = !placed && local.has(doc) ? UNPLACED : 1;
      ranked.push({ doc: doc, score: found.sum * Math.pow(coverage, COVERAGE_POWER) * (elsewhere ? ELSEWHERE : 1) * unplaced,
                    concepts: found.concepts });
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return ranked;
  }

  // A place is served when a page clearly in it (PLACE_LEVEL of the place's best) also matches
  // one of the query's topic words at a tenth of the best page for that word (an entry of the
  // kind asked: "psykiatrien aarhus" 0.37, "misbrugscenter aalborg" 0.24; a region's page that
  // names the town and says "tilbud": 0.03); otherwise the
  // place drops out of the score (its pages keep no value from it, and no page is "elsewhere").
  function unservedPlaces(concepts, perConcept) {
    var topics = [];
    concepts.forEach(function (c, i) { if (!c.bonus && !c.place) topics.push(i); });
    if (!topics.length) return;
    concepts.forEach(function (c, i) {
      if (!c.place) return;
      var served = false;
      perConcept[i].forEach(function (entry, doc) {
        if (served || entry[0] < PLACE_LEVEL * c.strongest) return;
        served = topics.some(function (t) {
          var there = perConcept[t].get(doc);
          return there && there[0] >= PLACE_SERVED * concepts[t].strongest;
        });
      });
      if (served) return;
      c.place = false;
      c.share = 0;
      perConcept[i] = new Map();
    });
  }

  // "hvad betyder …", "hvad er …": a question about a word; the glossary answers it.
  // Also "forskel på herberg og forsorgshjem" (two words explained side by side), "hvad står
  // skp for", and a paragraph of a law ("paragraf 110", "§ 110"): the glossary explains them.
  var DEFINITION = /(^|\s)(betyder|betydning(en|er|erne)?|definition(en|er|erne)?|forskel|forskellen|paragraf|§|forkortelse[nr]?|forkortelserne|forkortet|forklaring|forklaringen|forklaret|begreb|begrebet|begreber|begreberne)(\s|$)|^\s*hvad\s+(er|står|laver|menes\s+med|tæller\s+som|regnes\s+som)\s|(^|\s)§\s*[0-9]|(^|\s)[a-zæøå]*(forklaringer|forklaringerne|begreber)(\s|$)|(^|\s)[a-zæøå]+(forklaring|forklaringen)(\s|$)/;
  var GLOSSARY_LIFT = 8;
  // The verbs of such a question, and the words that name it ("skp forkortelse"; "ord" in "ord og
  // begreber", a question for the glossary itself): no topic.
  // A compound whose head explains ("ordforklaringer", "begrebsforklaring", "fagbegreber") asks
  // the same as the head alone.
  var ASKING = /^(ord|menes|laver|tæller|regnes|forkortelse[nr]?|forkortelserne|forkortet|forklaret|begrebet|begreberne)$|^[a-zæøå]*(forklaring|forklaringer|forklaringen|forklaringerne|begreb|begreber)$/;
  // "nummeret til ambulancen", "tlf gadeteam": a question for a number; a partner's entry
  // (with its phone) answers it, not the playbook that mentions the service.
  // "hvor kan hun ringe", "hvem kan han ringe til": where to call is a question for a number too.
  var NUMBER = /(^|\s)(nummer|nummeret|telefonnummer|telefonnummeret|tlf|hotline|hotlinen|(hvor|hvem)\s+kan\s+(\S+\s+)?ringe)(\s|$)/;
  var NUMBER_LIFT = 3;
  // "telefon" in the indefinite form is the service's line ("livslinien telefon", "anonym telefon
  // for børn", "telefon til pårørende"); someone's own phone has a possessive or an adjective
  // before it ("lade sin telefon op", "ny telefon"), and the definite "telefonen" is the device.
  var PHONE = /(^|\s)telefon(\s|$)/;
  var OWN_PHONE = /(^|\s)(sin|sit|min|mit|din|dit|hans|hendes|deres|vores|jeres|ny|nye|gammel|gamle|en|egen)\s+telefon(\s|$)/;
  function asksNumber(text) { return NUMBER.test(text) || PHONE.test(text) && !OWN_PHONE.test(text); }
  // "hvor mange gode møder har vi haft i år", "statistik gode møder": a question for a count; the
  // pages with the counts answer it (core.counts), not the playbook on how to count.
  var COUNT = /(^|\s)(hvor\s+mange|i\s+alt|statistik|statistikken|antal|antallet|opgørelse|opgørelsen|tallene)(\s|$)/;
  var COUNT_LIFT = 3;
  var COUNTING = /^(statistik|statistikken|antal|antallet|opgørelse|opgørelsen|tallene)$/;   // no topic
  // "hvordan retter jeg en fejl på siden", "skrive en ny side om en situation": a question about
  // editing the site itself (a word for the site or its pages, and a verb of editing) asks for
  // the contributor's guides, which weigh little otherwise (they quote every word of the lists).
  // Both are needed: "læg ham på siden" is the side a person lies on.
  var SITE = /(^|\s)(side|siden|sider|siderne|sitet|site|hjemmesiden|indholdet|teksten|teksterne)(\s|$)/;
  var EDITING = /(^|\s)(rette|retter|rettes|tilføje|tilføjer|oprette|opretter|skrive|skriver|skrives|skrevet|lægge|lægger|ændre|ændrer|ændres|opdatere|opdaterer|tjekke|tjekker|tjekkes|gennemgå|gennemgås|bidrage|lave|laver)(\s|$)/;
  var SITE_LIFT = 8;
  // … and so does a verb of editing with "our" thing ("tilføje vores lokale værested", "oprette
  // vores bibliotek", "lægge vores husregler ind"): a colleague puts their own library or partner
  // on the site; the situations are never "ours".
  var OURS = /(^|\s)(vores|vort|vor)(\s|$)/;
  // In such a question a verb of adding or changing is no topic ("oprette vores bibliotek" is no
  // library card's "oprette"); "skrive", "bidrage", "gennemgå" stay: they name guides.
  var ADDING = /^(rette|retter|rettes|tilføje|tilføjer|oprette|opretter|lægge|lægger|ændre|ændrer|ændres|opdatere|opdaterer|komme|kommer|kommet|få|får|fået)$/;
  // "komme med på siden", "hvordan kommer vores bibliotek med i oversigten", "vores bibliotek
  // vil være med": being included is adding too (the particle verbs "komme med", "være med"),
  // and so is its causative "få … med" ("få vores bibliotek med på siden").
  var INCLUDED = /(^|\s)(komme|kommer|kommet|få|får|fået)\s(\S+\s){0,3}med\s(på|i)(\s|$)|(^|\s)være\s+med(\s+(på|i)(\s|$)|\s*$)/;
  function editingSite(query) {
    var q = normalise(query);
    return (SITE.test(q) || OURS.test(q)) && (EDITING.test(q) || INCLUDED.test(q));
  }
  // "hvem står bag", "hvem har skrevet indholdet", "hvem laver siden": a question for who makes
  // the site asks for the page about the project; its verbs are no topic ("bag" is no bag).
  var MAKERS = /^\s*hvem\s+(står\s+bag|står\s+for|har\s+skrevet|har\s+lavet|skriver|skrev|laver|driver|ejer|har\s+ansvaret\s+for)(\s|$)/;
  var MAKING = /^(står|bag|skrevet|lavet|skriver|skrev|laver|driver|ejer|ansvaret|side|siden|sider|siderne|sitet|site|hjemmesiden|indholdet|teksten|teksterne)$/;
  var ABOUT_LIFT = 8;
  // "ord vi ikke må skrive", "rummelig check siger jeg skal skrive et andet ord", "hvorfor ikke
  // skrive de hjemløse": a question which words to write (a word for a word and a verb of writing
  // or calling, or "hvorfor ikke skrive …") asks for the guide to respectful language
  // (core.wording), which weighs little otherwise (a contributor guide). "ord" and "skrive" stay
  // topics (the guide's description has them); "sige", "kalde" do not. "siger" is left out of
  // the verbs that ask: "siger grimme ord" is abuse.
  var WORD_NOUN = /(^|\s)(ord|ordet|ordene|ordvalg|udtryk|udtrykket|udtrykkene|betegnelse|betegnelsen|betegnelser|formulering|formuleringen)(\s|$)/;
  var WRITING = /(^|\s)(skrive|skriver|skrives|skrevet|kalde|kalder|kaldes)(\s|$)/;
  // "må man skrive de hjemløse", "kan vi kalde dem brugere" ask it too; "må man sige nej" asks
  // for a rule, not a word.
  var WHY_NOT = /^\s*hvorfor\s+((man|vi|jeg)\s+)?(ikke\s+)?(skrive|sige|kalde|skriver|siger|kalder)(\s|$)|^\s*(må|kan|bør|skal)\s+(man|vi|jeg)\s+(ikke\s+)?(skrive|kalde)(\s|$)/;
  function asksWording(q) { return WORD_NOUN.test(q) && WRITING.test(q) || WHY_NOT.test(q); }
  var WORDING = /^(sige|siger|kalde|kalder|kaldes|andet)$/;
  var WORDING_LIFT = 8;
  // "oversigt over …", "alle bibliotekerne", "hvilke biblioteker er med": a query for an overview
  // asks for the page that lists them all, which weighs little otherwise (it repeats every title).
  var OVERVIEW = /(^|\s)([a-zæøå]*oversigt|[a-zæøå]*oversigten|liste|listen|alle|hvilke)(\s|$)/;
  var OVERVIEW_LIFT = 8;
  // "er det forbudt at sove i stolene", "har vi lov til at vække folk", "er tiggeri ulovligt": a
  // question whether something is allowed is about that something; the word that asks it is no
  // topic (as a question's verb is not, above). "forbudt" would otherwise stand for the page on
  // bans through its synonym "forbud", the noun, which stays a topic ("husforbud", "forbud mod …").
  var PERMISSION = /^(forbudt|tilladt|lovligt|ulovligt|okay|ok|acceptabelt|lov)$/;
  // Such a question asks for the rules: a library's house rules (core.rules) before the library's
  // own page, where the query names the library ("må man have hund med på vesterbro bibliotek");
  // they match nothing else much, so a question without a library keeps its playbook.
  var PERMITTED = /(^|\s)(må\s+(man|vi|jeg|de|han|hun|en|gæster|man\s+ikke)|tilladt|forbudt|lov\s+til|lovligt|ulovligt)(\s|$)/;
  var RULES_LIFT = 2;
  // "formular til episoden i går", "papir at udfylde efter en voldsom episode", "seddel til dem
  // der lukker i aften", "skrivelse om bortvisning": a word for a form, a note or a letter asks
  // for the templates (core.templates), not the playbook on the same topic, which matches more
  // of the query's words. "papirer" (a person's papers) and "brev" (a letter received) do not ask.
  var FORM = /(^|\s)(formular|formularen|formularer|skema|skemaet|skemaer|blanket|blanketten|blanketter|skabelon|skabelonen|skabeloner|papir|papiret|seddel|sedlen|sedler|skrivelse|skrivelsen|[a-zæøå]+skema|[a-zæøå]+skemaet)(\s|$)/;
  var FORM_LIFT = 2;
  // "hvordan tæller vi gode møder ved skranken": a question how asks for a how-to page, and
  // Danish titles those "Sådan …" ("Sådan registrerer I gode møder"; core.howto), which the
  // playbook on the same topic otherwise beats on the query's words.
  var HOW = /(^|\s)hvordan(\s|$)/;
  var HOW_LIFT = 3;

  // -- results in Material's format ------------------------------------------------------------
  var ESCAPE = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

  function escape(text) { return String(text).replace(/[&<>"']/g, function (c) { return ESCAPE[c]; }); }

  function highlight(text, marked) {
    return escape(text).replace(/[0-9A-Za-zÀ-ÖØ-öø-ÿ]+/g, function (word) {
      var t = tokens(word);
      return t.length === 1 && marked.has(stem(t[0])) ? "<mark data-md-highlight>" + word + "</mark>" : word;
    });
  }

  function documentOf(id) {
    var shard = parts["d" + Math.floor(id / core.documentsPerShard)];
    return shard[id % core.documentsPerShard];
  }

  function docShards(ids) {
    var names = {};
    ids.forEach(function (id) { names["d" + Math.floor(id / core.documentsPerShard)] = true; });
    return Object.keys(names);
  }

  function item(id, marked, score, terms) {
    var d = documentOf(id);   // [location, title, teaser, subtitle, steps]
    var title = highlight(d[1], marked);
    if (d[3]) title += ' <span class="rb-search-sub">' + escape(d[3]) + "</span>";
    var text = d[2] ? "<p>" + highlight(d[2], marked) + "</p>" : "";
    if (d[4] && d[4].length)
      text += "<ol>" + d[4].map(function (step) { return "<li>" + highlight(step, marked) + "</li>"; }).join("") + "</ol>";
    return { location: d[0], title: title, text: text, score: score, terms: terms || {} };
  }

  var SHOWN = 10;   // results sent (fewer document files to load); a stressed colleague reads the first, maybe the second

  function search(query) {
    if (!parts.w && needsEveryday(query))
      return need(["w"]).then(function () { return search(query); });
    var concepts = analyse(query);
    // the words that ask for an overview say what kind of page, not what about: "oversigt over
    // partnere" is about partners
    // (and so do the verbs of a question for a word's meaning: "hvad menes med …", "hvad laver …")
    var asking = MAKERS.test(normalise(query)) ? MAKING : OVERVIEW.test(normalise(query)) ? OVERVIEW : DEFINITION.test(normalise(query)) ? ASKING :
      COUNT.test(normalise(query)) ? COUNTING : asksWording(normalise(query)) ? WORDING : editingSite(query) ? ADDING : null;
    var onlyAsking = false;   // "ordforklaringer", "hvem står bag siden": the glossary, the page about us
    if (asking) {
      var topics = concepts.filter(function (c) { return c.bonus || !asking.test(c.label); });
      if (topics.some(function (c) { return !c.bonus; })) concepts = topics;
      else onlyAsking = asking === ASKING || asking === MAKING || asking === WORDING;
    }
    // a question for a number ("hvor kan hun ringe") asks for a line, not for the page that
    // answers "hvor kan jeg …" (a keyword of the referral playbook)
    if (asksNumber(normalise(query)) && concepts.some(function (c) { return !c.bonus && !c.question; }))
      concepts = concepts.filter(function (c) { return !c.question; });
    var allowed = concepts.filter(function (c) {   // "lov" only as "lov til": "en lov" is a law
      return c.bonus || !(PERMISSION.test(c.label) && (c.label !== "lov" || /(^|\s)lov til(\s|$)/.test(normalise(query))));
    });
    if (allowed.length < concepts.length && allowed.some(function (c) { return !c.bonus && !c.part; })) concepts = allowed;
    // nothing to search for: an empty field stays empty, but "?" or "–" gets the situations
    if (!concepts.length) return /\S/.test(query) ? nothing([]) : Promise.resolve({ items: [], total: 0 });
    var shards = {};
    concepts.forEach(function (c) {
      Object.keys(c.alternatives).forEach(function (s) { shards["p" + shardOf(s)] = true; });
    });
    return need(Object.keys(shards)).then(function () {
      var ranked = score(concepts);
      var lift = null;
      if (MAKERS.test(normalise(query))) lift = [new Set(core.about || []), ABOUT_LIFT];
      else if (DEFINITION.test(normalise(query))) lift = [new Set(core.glossary), GLOSSARY_LIFT];
      else if (asksWording(normalise(query))) lift = [new Set(core.wording || []), WORDING_LIFT];
      else if (editingSite(query)) lift = [new Set(core.contributing || []), SITE_LIFT];
      else if (PERMITTED.test(normalise(query))) lift = [new Set(core.rules || []), RULES_LIFT];
      else if (OVERVIEW.test(normalise(query))) lift = [new Set(core.listings || []), OVERVIEW_LIFT];
      else if (COUNT.test(normalise(query))) lift = [new Set(core.counts || []), COUNT_LIFT];
      else if (FORM.test(normalise(query))) lift = [new Set(core.templates || []), FORM_LIFT];
      else if (HOW.test(normalise(query))) lift = [new Set(core.howto || []), HOW_LIFT];
      else if (asksNumber(normalise(query))) {
        var entries = new Set();   // core.entries: [first, last] runs of document numbers
        (core.entries || []).forEach(function (run) { for (var d = run[0]; d <= run[1]; d++) entries.add(d); });
        lift = [entries, NUMBER_LIFT];
      }
      if (onlyAsking && lift) {   // the pages asked for first even where none has the words typed
        var present = new Set(ranked.map(function (r) { return r.doc; }));
        lift[0].forEach(function (doc) {
          if (!present.has(doc)) ranked.push({ doc: doc, score: 1e-9, concepts: [] });
        });
      }
      if (lift) {
        ranked.forEach(function (r) { if (lift[0].has(r.doc)) r.score *= lift[1]; });
        ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      }
      if (onlyAsking && lift) ranked.sort(function (a, b) {
        return (lift[0].has(b.doc) - lift[0].has(a.doc)) || b.score - a.score || a.doc - b.doc;
      });
      ranked = ranked.slice(0, SHOWN);
      var marked = new Set();
      concepts.forEach(function (c) { Object.keys(c.alternatives).forEach(function (s) { marked.add(s); }); });
      if (!ranked.length) return nothing(concepts);
      return need(docShards(ranked.map(function (r) { return r.doc; }))).then(function () {
        var items = ranked.map(function (r) {
          var terms = {};
          concepts.forEach(function (c, i) { if (!c.bonus && !c.part && !c.question) terms[c.label] = !!r.concepts[i]; });
          return [item(r.doc, marked, r.score, terms)];
        });
        return { items: items, total: items.length };
      });
    });
  }

  // No page matched: the closest words ("Mente du …?") and the situation playbooks, never an empty box.
  function nothing(concepts) {
    var words = [];
    concepts.forEach(function (c) {
      if (c.bonus || c.part || c.question) return;
      var t = tokens(c.label).filter(isContent);
      t.forEach(function (token) {
        nearest(stem(token), 2, 3).forEach(function (term) {
          var shown = core.display[vocabulary.get(term)] || term;
          if (words.indexOf(shown) < 0) words.push(shown);
        });
      });
    });
    var situations = core.situations.slice();
    return need(docShards(situations)).then(function () {
      var items = words.slice(0, 3).map(function (word) {
        return [{ location: "?q=" + encodeURIComponent(word), title: "Mente du «" + escape(word) + "»?",
                  text: "<p>Søg på " + escape(word) + " i stedet.</p>", score: 0, terms: {} }];
      });
      situations.forEach(function (id) { items.push([item(id, new Set(), 0)]); });
      return { items: items, total: items.length, rummelig: { none: true, suggestions: words.slice(0, 3) } };
    });
  }

  // -- Material's protocol ---------------------------------------------------------------------
  addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === SETUP) {
      // READY at once, before the index has loaded: Material sends no query before READY, and
      // READY's trip back to the page waits for a main thread busy with the page's load and the
      // keystrokes (up to 250 ms under load, docs-dev/performance.md). A query typed while the
      // index loads waits for it here instead; the newest one is answered.
      pending = setup(message.data && message.data.config);
      postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var query = String(message.data || "");
      latest = query;
      pending = pending.then(function () {
        if (query !== latest) return;   // typed on since: only the newest query is answered
        answering = query;
        return search(query).then(function (data) {
          answered = answered || /\S/.test(query);   // the empty field's answer is no answer
          postMessage({ type: RESULT, data: data });
        });
      }).catch(function (error) {
        if (error === OVERTAKEN) return;
        // a file that failed to load: say so in the console, answer with no results, keep going
        if (typeof console !== "undefined") console.error("rummelig search:", error);
        postMessage({ type: RESULT, data: { items: [], total: 0 } });
      });
    }
  });
})();
