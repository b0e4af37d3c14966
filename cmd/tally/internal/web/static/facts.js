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
