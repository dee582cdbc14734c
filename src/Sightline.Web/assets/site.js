// Sightline's only script (no inline scripts: the Content-Security-Policy forbids them). Progressive enhancement:
// a form marked data-live="#id" refreshes that part of the page when a field changes, without a full reload.
// Without JavaScript the form's button does the same with a normal request.
// An element marked data-poll="URL" is fetched again from URL every second and replaced, until the fresh copy's data-poll is
// empty (a running scan's progress; without JavaScript, reloading the page shows the same).
// Each data table's cells are labelled with their column's heading (data-label) and the table marked "cards", so that on a
// phone site.css can show each row as a card of "heading: value" lines. A table marked "grid" (a matrix read across and
// down, such as the compliance page's systems × principles) stays a table and scrolls inside itself on a phone.
"use strict";
const cards = () => {
  for (const table of document.querySelectorAll("table:not(.bars):not(.cards):not(.grid)")) {
    const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    if (headings.length === 0) continue;
    for (const row of table.querySelectorAll("tbody tr")) {
      [...row.children].forEach((cell, i) => cell.setAttribute("data-label", headings[i] ?? ""));
    }
    table.classList.add("cards");
  }
};
document.addEventListener("DOMContentLoaded", () => {
  cards();
  for (const form of document.querySelectorAll("form[data-live]")) {
    const target = form.getAttribute("data-live");
    let pending = null;
    const refresh = async () => {
      const query = new URLSearchParams(new FormData(form));
      for (const [key, value] of [...query.entries()]) { if (value === "") query.delete(key); }
      const url = `${form.action || location.pathname}?${query}`;
      pending?.abort();
      pending = new AbortController();
      try {
        const response = await fetch(url, { signal: pending.signal, headers: { "X-Requested-With": "fetch" } });
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.querySelector(target);
        const current = document.querySelector(target);
        if (fresh && current) {
          current.replaceWith(fresh);
          cards();
          history.replaceState(null, "", url);
        }
      } catch (error) {
        if (error.name !== "AbortError") form.submit();
      }
    };
    form.addEventListener("change", refresh);
  }
  const poll = (id) => {
    const current = document.getElementById(id);
    const url = current?.getAttribute("data-poll");
    if (!url) return;
    setTimeout(async () => {
      try {
        const response = await fetch(url, { headers: { "X-Requested-With": "fetch" } });
        if (response.ok) {
          const fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById(id);
          if (fresh) {
            document.getElementById(id)?.replaceWith(fresh);
            cards();
          }
        }
      } catch {
        // A missed poll (server restarting, network blip) is retried at the next tick.
      }
      poll(id);
    }, 1000);
  };
  for (const element of document.querySelectorAll("[data-poll][id]")) poll(element.id);
});
