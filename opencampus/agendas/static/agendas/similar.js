// Suggests similar problems while someone types a new one. Progressive enhancement only:
// without this file the form's "Check for similar problems" button asks the server instead.
// The element carrying data-similar-url (and optionally data-similar-exclude, an agenda id)
// sits inside the form; the fragment replaces the contents of #similar-agendas.
document.addEventListener("DOMContentLoaded", () => {
  const source = document.querySelector("[data-similar-url]");
  const container = document.getElementById("similar-agendas");
  const form = source && source.closest("form");
  if (!form || !container || !window.fetch || !window.AbortController) return;
  const PAUSE_MS = 400;
  // Enough to recognise a problem, and short enough for any server's URL limit.
  const TITLE_MAX = 400;
  const DESCRIPTION_MAX = 500;
  const TITLES = ["title_ko", "title_en"];
  const DESCRIPTIONS = ["description_ko", "description_en"];

  const joined = (names, limit) =>
    names
      .map((name) => form.elements.namedItem(name))
      .filter((field) => field && typeof field.value === "string")
      .map((field) => field.value.trim())
      .filter(Boolean)
      .join("\n")
      .slice(0, limit);

  const queryOf = () => {
    const title = joined(TITLES, TITLE_MAX);
    const description = joined(DESCRIPTIONS, DESCRIPTION_MAX);
    if (!title && !description) return "";
    const params = new URLSearchParams({ title, description });
    if (source.dataset.similarExclude) params.set("exclude", source.dataset.similarExclude);
    return params.toString();
  };

  let timer = null;
  let controller = null;
  let last = queryOf();

  const refresh = async () => {
    const query = queryOf();
    if (query === last) return;
    last = query;
    if (controller) controller.abort();
    controller = null;
    if (!query) {
      container.replaceChildren();
      return;
    }
    const current = new AbortController();
    controller = current;
    try {
      const response = await fetch(`${source.dataset.similarUrl}?${query}`, {
        signal: current.signal,
        credentials: "same-origin",
        headers: { Accept: "text/html" },
      });
      if (!response.ok) return;
      const html = await response.text();
      // The server escapes every text it puts in the fragment.
      if (controller === current) container.innerHTML = html;
    } catch (error) {
      if (error.name !== "AbortError") last = null; // try again on the next change
    }
  };

  const changed = (event) => {
    if (![...TITLES, ...DESCRIPTIONS].includes(event.target.name)) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, PAUSE_MS);
  };
  form.addEventListener("input", changed);
});
