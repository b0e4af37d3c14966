// The gold form of an article: accept or reject each fact, add facts from
// text selected in the article (the server names the countries in it),
// and warn before leaving with changes not saved.
"use strict";
(function () {
  var form = document.getElementById("gold");
  if (!form) return;
  var text = document.getElementById("text");
  var picker = document.getElementById("picker");
  var picked = document.getElementById("picked");
  var review = document.getElementById("review");
  var selected = "";
  var dirty = false;

  function field(row, name) { return row.querySelector('[name$=".' + name + '"]'); }

  function countReview() {
    var n = form.querySelectorAll(".rows .state-new").length;
    review.textContent = n ? n + " to review" : "all reviewed";
  }

  function setState(row, state) {
    var input = field(row, "state");
    row.classList.remove("state-" + input.value);
    row.classList.add("state-" + state);
    input.value = state;
    row.querySelector("[data-act=accept]").setAttribute("aria-pressed", state === "accepted");
    row.querySelector("[data-act=reject]").setAttribute("aria-pressed", state === "rejected");
    dirty = true;
    countReview();
  }

  form.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-act], button[data-add]");
    if (!b) return;
    if (b.hasAttribute("data-add")) { addRow(b.getAttribute("data-add"), ""); return; }
    // A second click on the same button takes the row back to its first
    // state (new, or added).
    var row = b.closest(".row");
    var state = field(row, "state").value;
    var to = b.getAttribute("data-act") === "accept" ? "accepted" : "rejected";
    if (state === to) {
      setState(row, row.getAttribute("data-was") || "new");
    } else {
      if (state !== "accepted" && state !== "rejected") row.setAttribute("data-was", state);
      setState(row, to);
    }
  });
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (ev) { if (dirty) ev.preventDefault(); });

  // addRow adds an empty row of kind, filled from the selected text sel.
  function addRow(kind, sel) {
    var tpl = document.getElementById("new-" + kind);
    var row = tpl.content.firstElementChild.cloneNode(true);
    form.querySelector('section[data-kind="' + kind + '"] .rows').appendChild(row);
    if (sel) fill(kind, row, sel);
    dirty = true;
    countReview();
    row.scrollIntoView({ block: "nearest" });
    var empty = Array.prototype.find.call(row.querySelectorAll("input:not([type=hidden])"), function (i) { return !i.value; });
    (empty || row.querySelector("input:not([type=hidden])")).focus({ preventScroll: true });
    return row;
  }

  // fill guesses a new row's fields from the selected text.
  function fill(kind, row, sel) {
    row.querySelector(".from").textContent = "“" + clip(sel, 60) + "”";
    var flat = sel.replace(/(\d),(\d{3})/g, "$1$2");
    if (kind === "count") {
      var m = flat.match(/(\d+(?:\.\d+)?)\s*-?\s*([A-Za-z]+)?/);
      if (m) {
        field(row, "value").value = m[1];
        if (m[2]) field(row, "unit").value = singular(m[2].toLowerCase());
      }
    } else if (kind === "vote") {
      field(row, "motion").value = clip(sel, 300);
      var t = flat.match(/(\d+)\s*(?:votes?\s*)?(?:to|-|–)\s*(\d+)/);
      if (t) { field(row, "yes").value = t[1]; field(row, "no").value = t[2]; }
      var a = flat.match(/(\d+)\s*abstention/);
      if (a) field(row, "abstain").value = a[1];
    }
    if (kind === "country" || kind === "stance") {
      fetch("/api/actors?text=" + encodeURIComponent(clip(sel, 1000)))
        .then(function (r) { return r.ok ? r.json() : { actors: [] }; })
        .then(function (d) {
          var codes = d.actors.map(function (a) { return a.code; });
          if (kind === "country") {
            if (codes[0]) field(row, "code").value = codes[0];
          } else {
            if (codes[0]) field(row, "holder").value = codes[0];
            var other = codes.find(function (c) { return c !== codes[0]; });
            if (other) field(row, "target").value = other;
          }
          row.classList.add("filled");
        });
    }
  }

  function singular(w) {
    if (/ies$/.test(w)) return w.slice(0, -3) + "y";
    if (/[^s]s$/.test(w)) return w.slice(0, -1);
    return w;
  }

  function clip(s, n) { s = s.replace(/\s+/g, " ").trim(); return s.length > n ? s.slice(0, n - 1) + "…" : s; }

  // The picker shows while text of the article is selected.
  document.addEventListener("selectionchange", function () {
    var s = window.getSelection();
    var t = s.toString().trim();
    if (t && s.rangeCount && text.contains(s.getRangeAt(0).commonAncestorContainer)) {
      selected = t;
      picked.textContent = clip(t, 80);
      picker.hidden = false;
    } else if (!picker.contains(document.activeElement)) {
      picker.hidden = true;
    }
  });
  picker.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
  picker.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-add]");
    if (!b) return;
    addRow(b.getAttribute("data-add"), selected);
    picker.hidden = true;
    window.getSelection().removeAllRanges();
  });

  var bad = form.querySelector(".bad");
  if (bad) bad.scrollIntoView({ block: "center" });
})();
