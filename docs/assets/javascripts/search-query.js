/* Det rummelige bibliotek: the search result's count line when nothing matched.

   When no page matches, our search worker (search-worker.js) answers with the closest words
   ("Mente du …?") and the situation playbooks instead of an empty box, and marks the answer.
   Material would count those as matching pages; this says what they are. It listens to the
   worker that Material created (found through its first query) and works with the native
   Worker and with the iframe-worker shim used from file://. */
(function () {
  "use strict";
  var QUERY = 2, RESULT = 3;

  function describe(data) {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta) return;
    var words = (data.rummelig.suggestions || []).map(function (w) { return "«" + w + "»"; });
    meta.textContent = "Ingen sider passer på søgningen. " +
      (words.length ? "Mente du " + words.join(" eller ") + "? " : "") +
      "Eller vælg en af situationerne herunder.";
  }

  function listen(worker) {
    if (worker.__rummelig) return;
    worker.__rummelig = true;
    worker.addEventListener("message", function (event) {
      var message = event.data;
      if (message && message.type === RESULT && message.data && message.data.rummelig) describe(message.data);
    });
  }

  function wrap(proto) {
    if (!proto || proto.__rummeligWrapped) return;
    var post = proto.postMessage;
    proto.postMessage = function (message) {
      if (message && message.type === QUERY) listen(this);
      return post.apply(this, arguments);
    };
    proto.__rummeligWrapped = true;
  }

  if (typeof Worker !== "undefined") wrap(Worker.prototype);
  if (typeof IFrameWorker !== "undefined") wrap(IFrameWorker.prototype);
})();
