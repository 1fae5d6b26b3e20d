/* Pop-ups for note references and names, inlined into every page by teiwright's web view.
 *
 * Each link marked data-popup points at an element on the same page (a footnote, or a register
 * entry); the pop-up shows a copy of that element's text on hover and on keyboard focus, so the
 * reader need not leave the line. Without this script the links still lead to the entries.
 * Escape closes the pop-up; the pointer may move into it (WCAG 1.4.13). Following an in-page
 * link moves keyboard focus to its target, so that a back-link brings the reader back. */
(function () {
  "use strict";
  var popup = document.getElementById("tw-popup");
  var owner = null;
  var hideTimer = 0;

  function targetOf(link) {
    var id = decodeURIComponent((link.getAttribute("href") || "").replace(/^#/, ""));
    return id && link.getAttribute("href").charAt(0) === "#" ? document.getElementById(id) : null;
  }

  function fill(target) {
    var copy = target.cloneNode(true);
    copy.querySelectorAll(".backref, .more").forEach(function (n) { n.remove(); });
    copy.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    copy.querySelectorAll("dt, dd").forEach(function (n) {
      var p = document.createElement("p");
      p.className = n.tagName === "DT" ? "popup-name" : "popup-text";
      p.replaceChildren.apply(p, Array.prototype.slice.call(n.childNodes));
      n.replaceWith(p);
    });
    popup.replaceChildren.apply(popup, Array.prototype.slice.call(copy.childNodes));
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = Math.min(popup.offsetWidth, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(box.left + window.scrollX - 16,
      window.scrollX + document.documentElement.clientWidth - width - 8));
    popup.style.left = left + "px";
    popup.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function show(link) {
    var target = targetOf(link);
    if (!target || !popup) { return; }
    window.clearTimeout(hideTimer);
    if (owner !== link) {
      fill(target);
      if (owner) { owner.removeAttribute("aria-expanded"); }
      owner = link;
    }
    popup.hidden = false;
    link.setAttribute("aria-expanded", "true");
    place(link);
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (popup) { popup.hidden = true; }
    if (owner) { owner.removeAttribute("aria-expanded"); }
    owner = null;
  }

  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 250);
  }

  function popupLink(event) {
    return event.target.closest ? event.target.closest("a[data-popup]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var link = popupLink(event);
    if (link) { show(link); }
    else if (popup && popup.contains(event.target)) { window.clearTimeout(hideTimer); }
  });
  document.addEventListener("mouseout", function (event) {
    if (popupLink(event) || (popup && popup.contains(event.target))) { hideSoon(); }
  });
  document.addEventListener("focusin", function (event) {
    var link = popupLink(event);
    if (link) { show(link); } else { hide(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && owner) { hide(); }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    var target = link ? targetOf(link) : null;
    if (!target) { return; }
    hide();
    if (!target.hasAttribute("tabindex") && !target.matches("a[href], button, input")) {
      target.setAttribute("tabindex", "-1");
    }
    window.setTimeout(function () { target.focus(); }, 0);
  });
  window.addEventListener("resize", function () { if (owner) { place(owner); } });
})();
