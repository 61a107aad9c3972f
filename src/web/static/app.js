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

  // --- Queue page: one card per story, its indicators decided in one place ------------------------------------
  const cards = Array.from(document.querySelectorAll("#stories section.story"));
  let current = -1;

  function select(i) {
    if (cards.length === 0) return;
    current = Math.max(0, Math.min(cards.length - 1, i));
    cards.forEach((c, n) => c.classList.toggle("selected", n === current));
    cards[current].focus({ preventScroll: true });
    cards[current].scrollIntoView({ block: "nearest" });
  }

  function currentCard() {
    return current >= 0 ? cards[current] : null;
  }

  function indicatorsOf(card) {
    return Array.from(card.querySelectorAll("tr.story-event"));
  }

  function flaggedOf(card) {
    return indicatorsOf(card).filter((tr) => tr.dataset.status === "flagged");
  }

  function setEventStatus(tr, status) {
    // The story's confirm/dismiss-all form must no longer carry a decided indicator (it would undo the decision).
    const card = tr.closest("section.story");
    const form = card && card.querySelector("form.story-actions");
    if (form) {
      form.querySelectorAll('input[name="ids"]').forEach((input) => {
        if (input.value === tr.dataset.id && status !== "flagged") input.remove();
      });
      if (!form.querySelector('input[name="ids"]')) form.hidden = true;
    }
    tr.dataset.status = status;
    tr.className = tr.className.replace(/\bst-\w+/, "st-" + status);
    const badge = tr.querySelector(".badge[class*='status-']");
    if (badge) {
      badge.className = "badge status-" + status;
      badge.textContent = status;
    }
  }

  // Reviews the given indicator rows of a story one by one, with the note box's text when there is one.
  async function decide(card, trs, action) {
    const text = note && note.value.trim();
    if (action === "note" && !text) {
      say("Type a note first (n).");
      if (note) note.focus();
      return false;
    }
    if (trs.length === 0) {
      say("Nothing flagged left in this story.");
      return false;
    }
    card.classList.add("busy");
    try {
      for (const tr of trs) {
        await review(tr.dataset.id, action, text);
        if (STATUS_AFTER[action]) setEventStatus(tr, STATUS_AFTER[action]);
      }
      if (note) note.value = "";
      const what = STATUS_AFTER[action] || "noted";
      say("Story " + card.dataset.story + ": " + trs.length + " indicator" + (trs.length === 1 ? "" : "s") + " " + what + ".");
      return true;
    } catch (err) {
      say("Story " + card.dataset.story + ": " + err.message);
      return false;
    } finally {
      card.classList.remove("busy");
    }
  }

  if (cards.length) {
    cards.forEach((c, i) => c.addEventListener("click", (ev) => {
      if (!ev.target.closest("a, button, input")) select(i);
    }));
    select(0);
  }

  const selectAll = document.getElementById("select-all");
  if (selectAll) {
    selectAll.addEventListener("change", () => {
      document.querySelectorAll('#stories input[type="checkbox"][name="ids"]').forEach((box) => {
        box.checked = selectAll.checked;
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

  // --- Keys -------------------------------------------------------------------------------------------------
  if (note) {
    note.addEventListener("keydown", (ev) => {
      const card = currentCard();
      if (ev.key === "Escape") {
        ev.preventDefault();
        note.blur();
        if (card) card.focus({ preventScroll: true });
      } else if (ev.key === "Enter" && note.tagName === "INPUT") {
        // In the queue, Enter in the note box notes the selected story's flagged indicators (all of them when none is
        // flagged) instead of submitting the bulk form.
        ev.preventDefault();
        if (!card) return;
        const flagged = flaggedOf(card);
        decide(card, flagged.length ? flagged : indicatorsOf(card), "note").then(() => card.focus({ preventScroll: true }));
      }
    });
  }

  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(document.activeElement)) return;
    const card = currentCard();
    const target = card || article;
    switch (ev.key) {
      case "j":
        if (!card) return;
        select(current + 1);
        break;
      case "k":
        if (!card) return;
        select(current - 1);
        break;
      case "c":
      case "d": {
        const action = ev.key === "c" ? "confirm" : "dismiss";
        if (card) {
          const at = current;
          decide(card, flaggedOf(card), action).then((done) => {
            if (done && action === "confirm" && current === at) select(current + 1);
          });
        } else if (article) actOnArticle(action);
        else return;
        break;
      }
      case "1": case "2": case "3": case "4": case "5": case "6": case "7": case "8": case "9": {
        const tr = card && indicatorsOf(card)[Number(ev.key) - 1];
        if (!tr) return;
        decide(card, [tr], tr.dataset.status === "confirmed" ? "dismiss" : "confirm");
        break;
      }
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
        if (!card) return;
        const boxes = flaggedOf(card).map((tr) => tr.querySelector('input[type="checkbox"]')).filter(Boolean);
        const tick = boxes.some((b) => !b.checked);
        boxes.forEach((b) => {
          b.checked = tick;
        });
        break;
      }
      case "Enter":
        if (!card || ev.target.closest("a, button")) return;
        location.href = "/events/" + encodeURIComponent(card.dataset.lead);
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
