// chipwatch analyst UI: keyboard review on the queue and event pages. Served from /static (the CSP allows no
// inline script). Writes go to the JSON API with the session's CSRF token from <meta name="csrf-token">.
/* global document, location, window, fetch, URL */
"use strict";

(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute("content") || "";
  const statusLine = document.getElementById("status-line");
  const note = document.getElementById("note");

  function say(text) {
    if (statusLine) statusLine.textContent = text;
  }

  function typing(el) {
    return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
  }

  function safeUrl(url) {
    try {
      const u = new URL(url, location.href);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch {
      return null;
    }
  }

  async function review(id, action, text) {
    const body = { action };
    if (text) body.note = text;
    const res = await fetch("/api/events/" + encodeURIComponent(id) + "/review", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "x-csrf-token": csrf },
      body: JSON.stringify(body),
    });
    if (!res.ok) {
      let msg = "HTTP " + res.status;
      try {
        msg = (await res.json()).error || msg;
      } catch {
        // keep the status
      }
      throw new Error(msg);
    }
    return res.json();
  }

  const STATUS_AFTER = { confirm: "confirmed", dismiss: "dismissed" };

  // --- Queue page -------------------------------------------------------------------------------------------
  const table = document.getElementById("queue");
  const rows = table ? Array.from(table.querySelectorAll("tbody tr.event-row")) : [];
  let current = -1;

  function select(i) {
    if (rows.length === 0) return;
    current = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, n) => r.classList.toggle("selected", n === current));
    rows[current].focus({ preventScroll: true });
    rows[current].scrollIntoView({ block: "nearest" });
  }

  function currentRow() {
    return current >= 0 ? rows[current] : null;
  }

  async function act(row, action) {
    const id = row.dataset.id;
    const text = note && note.value.trim();
    if (action === "note" && !text) {
      say("Type a note first (n).");
      if (note) note.focus();
      return;
    }
    row.classList.add("busy");
    try {
      await review(id, action, text);
      if (note) note.value = "";
      const status = STATUS_AFTER[action];
      if (status) {
        const badge = row.querySelector(".badge[class*='status-']");
        if (badge) {
          badge.className = "badge status-" + status;
          badge.textContent = status;
        }
        row.className = row.className.replace(/\bst-\w+/, "st-" + status);
      }
      say("Event " + id + ": " + (status || "note added") + ".");
      if (status) select(current + 1);
    } catch (err) {
      say("Event " + id + ": " + err.message);
    } finally {
      row.classList.remove("busy");
    }
  }

  if (rows.length) {
    rows.forEach((r, i) => r.addEventListener("click", (ev) => {
      if (!ev.target.closest("a, button, input")) select(i);
    }));
    select(0);
  }

  const selectAll = document.getElementById("select-all");
  if (selectAll) {
    selectAll.addEventListener("change", () => {
      rows.forEach((r) => {
        const box = r.querySelector('input[type="checkbox"]');
        if (box) box.checked = selectAll.checked;
      });
    });
  }

  // Filter drop-downs apply at once; the URL keeps the view across reloads.
  const filters = document.getElementById("filters");
  if (filters) {
    filters.querySelectorAll("select").forEach((s) => s.addEventListener("change", () => filters.requestSubmit()));
  }

  // --- Event page -------------------------------------------------------------------------------------------
  const article = document.querySelector("article.event-page");

  async function actOnArticle(action) {
    const text = note && note.value.trim();
    if (action === "note" && !text) {
      if (note) note.focus();
      return;
    }
    try {
      await review(article.dataset.id, action, text);
      location.reload();
    } catch (err) {
      say("Review failed: " + err.message);
    }
  }

  // --- Stories page: one card per story, its indicators decided in one place ----------------------------------
  const storyCards = Array.from(document.querySelectorAll("#stories section.story"));
  let currentStory = -1;

  function selectStory(i) {
    if (storyCards.length === 0) return;
    currentStory = Math.max(0, Math.min(storyCards.length - 1, i));
    storyCards.forEach((c, n) => c.classList.toggle("selected", n === currentStory));
    storyCards[currentStory].focus({ preventScroll: true });
    storyCards[currentStory].scrollIntoView({ block: "nearest" });
  }

  function setEventStatus(tr, status) {
    tr.dataset.status = status;
    tr.className = tr.className.replace(/\bst-\w+/, "st-" + status);
    const badge = tr.querySelector(".badge[class*='status-']");
    if (badge) {
      badge.className = "badge status-" + status;
      badge.textContent = status;
    }
  }

  async function decideEvents(card, trs, action) {
    if (trs.length === 0) {
      say("Nothing flagged left in this story.");
      return;
    }
    card.classList.add("busy");
    try {
      for (const tr of trs) {
        await review(tr.dataset.id, action);
        setEventStatus(tr, STATUS_AFTER[action]);
      }
      say("Story " + card.dataset.story + ": " + trs.length + " indicator" + (trs.length === 1 ? "" : "s") + " " + STATUS_AFTER[action] + ".");
    } catch (err) {
      say("Story " + card.dataset.story + ": " + err.message);
    } finally {
      card.classList.remove("busy");
    }
  }

  if (storyCards.length) {
    storyCards.forEach((c, i) => c.addEventListener("click", (ev) => {
      if (!ev.target.closest("a, button, input")) selectStory(i);
    }));
    selectStory(0);
    document.addEventListener("keydown", (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(document.activeElement)) return;
      const card = storyCards[currentStory];
      const events = Array.from(card.querySelectorAll("tr.story-event"));
      if (ev.key === "j") selectStory(currentStory + 1);
      else if (ev.key === "k") selectStory(currentStory - 1);
      else if (ev.key === "c" || ev.key === "d") {
        const flagged = events.filter((tr) => tr.dataset.status === "flagged");
        decideEvents(card, flagged, ev.key === "c" ? "confirm" : "dismiss").then(() => {
          if (ev.key === "c" && flagged.length) selectStory(currentStory + 1);
        });
      } else if (/^[1-9]$/.test(ev.key)) {
        const tr = events[Number(ev.key) - 1];
        if (!tr) return;
        decideEvents(card, [tr], tr.dataset.status === "confirmed" ? "dismiss" : "confirm");
      } else if (ev.key === "o") {
        const url = safeUrl(card.dataset.url || "");
        if (!url) return;
        window.open(url, "_blank", "noopener,noreferrer");
      } else if (ev.key === "Enter") {
        if (ev.target.closest("a, button")) return;
        location.href = "/events/" + encodeURIComponent(card.dataset.lead);
      } else return;
      ev.preventDefault();
    });
  }

  // --- Keys -------------------------------------------------------------------------------------------------
  if (note) {
    note.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape") {
        ev.preventDefault();
        note.blur();
        const row = currentRow();
        if (row) row.focus({ preventScroll: true });
      } else if (ev.key === "Enter" && note.tagName === "INPUT") {
        // In the queue, Enter in the note box adds the note to the selected event instead of submitting the bulk form.
        ev.preventDefault();
        const row = currentRow();
        if (row) act(row, "note").then(() => row.focus({ preventScroll: true }));
      }
    });
  }

  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(document.activeElement)) return;
    const row = currentRow();
    const target = row || article;
    switch (ev.key) {
      case "j":
        if (rows.length) select(current + 1);
        break;
      case "k":
        if (rows.length) select(current - 1);
        break;
      case "c":
      case "d":
        if (row) act(row, ev.key === "c" ? "confirm" : "dismiss");
        else if (article) actOnArticle(ev.key === "c" ? "confirm" : "dismiss");
        else return;
        break;
      case "n":
        if (!note) return;
        note.focus();
        break;
      case "o": {
        const url = target && safeUrl(target.dataset.url || "");
        if (!url) return;
        window.open(url, "_blank", "noopener,noreferrer");
        break;
      }
      case "x": {
        const box = row && row.querySelector('input[type="checkbox"]');
        if (!box) return;
        box.checked = !box.checked;
        break;
      }
      case "Enter":
        if (!row || ev.target.closest("a, button")) return;
        location.href = "/events/" + encodeURIComponent(row.dataset.id);
        break;
      default:
        return;
    }
    ev.preventDefault();
  });
})();

// --- Feeds page: the add-feed form's preview ----------------------------------------------------------------
// Posts the form's fields to /api/feeds/preview (the same checks as adding, nothing stored) and lists the items a
// poll would create. Feed text is put in with textContent only: it is hostile input.
(function () {
  const form = document.getElementById("add-feed");
  const button = document.getElementById("preview-feed");
  const section = document.getElementById("feed-preview");
  if (!form || !button || !section) return;
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute("content") || "";
  const status = document.getElementById("feed-preview-status");
  const tbody = section.querySelector("tbody");
  const kind = document.getElementById("feed-kind");
  const selectorBox = document.getElementById("feed-selectors");

  function showSelectors() {
    if (selectorBox && kind) selectorBox.hidden = kind.value !== "html";
  }
  if (kind) kind.addEventListener("change", showSelectors);
  showSelectors();

  function field(name) {
    const el = form.elements.namedItem(name);
    const value = el && "value" in el ? String(el.value).trim() : "";
    return value === "" ? undefined : value;
  }

  function cell(row, text, href) {
    const td = document.createElement("td");
    if (href) {
      const a = document.createElement("a");
      a.href = href;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      a.textContent = text;
      td.appendChild(a);
    } else td.textContent = text;
    row.appendChild(td);
  }

  button.addEventListener("click", async () => {
    const body = { url: field("url"), kind: field("kind"), lang: field("lang"), timezone: field("timezone") };
    if (body.kind === "html") {
      body.selectors = { item: field("selector-item"), title: field("selector-title"), link: field("selector-link"), date: field("selector-date"), summary: field("selector-summary") };
    }
    section.hidden = false;
    section.classList.remove("failed");
    tbody.replaceChildren();
    status.textContent = "Fetching…";
    button.disabled = true;
    try {
      const res = await fetch("/api/feeds/preview", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf-token": csrf },
        body: JSON.stringify(body),
      });
      const data = await res.json().catch(() => ({ error: "HTTP " + res.status }));
      if (!res.ok) {
        section.classList.add("failed");
        status.textContent = "Not previewed: " + (data.error || "HTTP " + res.status);
        return;
      }
      for (const item of data.items) {
        const row = document.createElement("tr");
        row.className = "preview-item";
        let href = null;
        try {
          const u = new URL(item.link || "", location.href);
          if (u.protocol === "http:" || u.protocol === "https:") href = u.href;
        } catch {
          // not a link
        }
        cell(row, item.title, null);
        cell(row, item.link || "", href);
        cell(row, item.published ? item.published.replace("T", " ").replace(/:\d\d\.\d+Z$/, " UTC") : "—", null);
        tbody.appendChild(row);
      }
      const more = data.skippedItems ? " (" + data.skippedItems + " more beyond the per-poll limit)" : "";
      status.textContent = data.items.length + " items would be created from " + data.url + more;
    } catch (err) {
      section.classList.add("failed");
      status.textContent = "Not previewed: " + (err && err.message ? err.message : String(err));
    } finally {
      button.disabled = false;
    }
  });
})();
