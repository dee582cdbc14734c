// Sightline's only script (no inline scripts: the Content-Security-Policy forbids them). Progressive enhancement:
// a form marked data-live="#id" refreshes that part of the page when a field changes, without a full reload.
// Without JavaScript the form's button does the same with a normal request.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
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
          history.replaceState(null, "", url);
        }
      } catch (error) {
        if (error.name !== "AbortError") form.submit();
      }
    };
    form.addEventListener("change", refresh);
  }
});
