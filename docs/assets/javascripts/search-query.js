/* Det rummelige bibliotek: remove Danish stop words from search queries.

   Material appends "*" to every query term, and lunr skips its stop-word filter for wildcard
   terms, so "falder i søvn" also searched "i*" (every word starting with i) and buried the
   page. This wraps the search worker's postMessage: a query message (type 2, Material 9.8)
   loses its stop words, unless nothing else is left. The words are rummelig/search.py's
   STOP_WORDS; tests/test_search.py keeps the two lists equal. Works with the native Worker
   and with the iframe-worker shim used from file://. */
(function () {
  "use strict";
  var QUERY = 2;
  var STOP_WORDS = new Set([
    "ad", "af", "alle", "alt", "anden", "at", "betyder", "blev", "blive", "bliver", "da", "de",
    "dem", "den", "denne", "der", "deres", "det", "dette", "dig", "din", "disse", "dog", "du",
    "efter", "eller", "en", "end", "er", "et", "for", "fra", "gjorde", "gør", "gøre", "ham", "han",
    "hans", "har", "havde", "have", "hende", "hendes", "her", "hos", "hun", "hvad", "hvilke",
    "hvilken", "hvilket", "hvis", "hvor", "hvordan", "hvorfor", "hvornår", "i", "ikke", "ind",
    "jeg", "jer", "jo", "kan", "kunne", "man", "mange", "med", "meget", "men", "mig", "min", "mine",
    "mit", "mod", "ned", "nogen", "noget", "nogle", "nu", "når", "og", "også", "om", "op", "os",
    "over", "på", "selv", "sig", "sin", "sine", "sit", "skal", "skulle", "som", "sådan", "thi",
    "til", "ud", "under", "var", "vi", "vil", "ville", "vor", "være", "været",
  ]);

  function clean(query) {
    var words = query.split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) {
      return !STOP_WORDS.has(word.toLowerCase().replace(/[^0-9a-zæøåéüäö]/g, ""));
    });
    return kept.length ? kept.join(" ") : query;
  }

  function wrap(proto) {
    if (!proto || proto.__rummelig) return;
    var post = proto.postMessage;
    proto.postMessage = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        arguments[0] = { type: message.type, data: clean(message.data) };
      }
      return post.apply(this, arguments);
    };
    proto.__rummelig = true;
  }

  if (typeof Worker !== "undefined") wrap(Worker.prototype);
  if (typeof IFrameWorker !== "undefined") wrap(IFrameWorker.prototype);
})();
