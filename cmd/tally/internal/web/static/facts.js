// Clicking a fact, in the text or in the record, lights up every mark of
// its evidence and its entry in the record, and brings the first mark of
// the text into view when the click was in the record.
"use strict";
var smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
document.addEventListener("click", function (ev) {
  var el = ev.target.closest("[data-fact]");
  if (!el || ev.target.closest("a")) return;
  var ids = el.getAttribute("data-fact").split(" ").filter(Boolean);
  document.querySelectorAll(".lit").forEach(function (x) { x.classList.remove("lit"); });
  var first = null;
  ids.forEach(function (id) {
    document.querySelectorAll('[data-fact~="' + id + '"]').forEach(function (x) {
      x.classList.add("lit");
      if (!first && x.tagName === "MARK") first = x;
    });
  });
  if (first && !el.closest("#text")) first.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
});
document.addEventListener("keydown", function (ev) {
  if (ev.key === "Enter" && ev.target.matches(".fact[data-fact]")) ev.target.click();
});

// Hovering a fact lights its evidence and its entry in the record while
// the pointer stays on it.
function factIDs(el) {
  return el.getAttribute("data-fact").split(" ").filter(Boolean);
}
function hover(el, on) {
  factIDs(el).forEach(function (id) {
    document.querySelectorAll('[data-fact~="' + id + '"]').forEach(function (x) {
      x.classList.toggle("hover", on);
    });
  });
}
document.addEventListener("mouseover", function (ev) {
  var el = ev.target.closest("[data-fact]");
  if (el) hover(el, true);
});
document.addEventListener("mouseout", function (ev) {
  var el = ev.target.closest("[data-fact]");
  if (el) hover(el, false);
});

// Clicking a fact also shows the rules that made it, asked of the server
// once per page (the stored record does not keep them), and brings its
// entry in the record into view when the click was in the text.
var rules = null;
function showRules(ids) {
  var text = document.getElementById("text");
  var url = text && text.getAttribute("data-explain");
  if (!url) return;
  if (!rules) {
    rules = fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error("status " + r.status);
      return r.json();
    });
  }
  rules.then(function (data) {
    ids.forEach(function (id) {
      document.querySelectorAll('[data-rule="' + id + '"]').forEach(function (p) {
        var lines = data.rules[id];
        p.textContent = lines ? "rule " + lines.join("; ") : "no rule of " + data.extractor + " gives this fact now";
        p.hidden = false;
      });
    });
  }, function (err) {
    ids.forEach(function (id) {
      document.querySelectorAll('[data-rule="' + id + '"]').forEach(function (p) {
        p.textContent = "rules could not be read: " + err.message;
        p.hidden = false;
      });
    });
  });
}
document.addEventListener("click", function (ev) {
  var el = ev.target.closest("[data-fact]");
  if (!el || ev.target.closest("a")) return;
  var ids = factIDs(el);
  showRules(ids);
  if (el.closest("#text")) {
    var card = document.querySelector('.record [data-fact~="' + ids[ids.length - 1] + '"]');
    if (card) card.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }
});

// A link to a fact (#f-v0, from an event) lights it when the page opens.
window.addEventListener("DOMContentLoaded", function () {
  var m = /^#f-(\w+)$/.exec(location.hash);
  var el = m && document.getElementById("f-" + m[1]);
  if (el) el.click();
});
