// Saves an application draft while the person types. Progressive enhancement only:
// without this file the form still works with its "Save draft" and "Submit" buttons.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) return;
  const status = document.getElementById(form.dataset.autosave);
  const PAUSE_MS = 2000;
  let timer = null;
  let saving = false;
  let again = false;
  let leaving = false;

  const show = (text) => {
    if (status && text) status.textContent = text;
  };

  const save = async () => {
    if (leaving) return;
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    const data = new FormData(form);
    // Files travel only with the full form: an autosave never uploads.
    for (const name of new Set(data.keys())) {
      if (data.getAll(name).some((value) => value instanceof File)) data.delete(name);
    }
    data.set("action", "save");
    try {
      // getAttribute: ``form.action`` would be the buttons named "action".
      const response = await fetch(form.getAttribute("action") || window.location.href, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: {
          "X-Autosave": "1",
          "X-CSRFToken": data.get("csrfmiddlewaretoken") || "",
          Accept: "application/json",
        },
      });
      const type = response.headers.get("Content-Type") || "";
      if (!type.includes("application/json")) throw new Error("not saved");
      const body = await response.json();
      show(body.message);
    } catch {
      show(form.dataset.autosaveFailed);
    } finally {
      saving = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };

  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, PAUSE_MS);
  };

  const changed = (event) => {
    if (event.target.type !== "file") schedule();
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", () => {
    leaving = true;
    window.clearTimeout(timer);
  });
});
