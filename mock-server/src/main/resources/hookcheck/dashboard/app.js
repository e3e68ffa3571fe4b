// Hookcheck sandbox dashboard: plain JavaScript, no build step, no dependencies. It talks to the
// admin API of the server that serves it (same origin) and to nothing else.
"use strict";

(function () {
  const PAGE_SIZE = 25;
  const POLL_MS = 1000;
  const NOUNS = { vitable: ["subscription", "subscriptions"], dfns: ["webhook", "webhooks"] };
  const MODES = {
    lost_ack: "Lost acknowledgement: your 2xx counts as a failure, so the attempt is retried",
    duplicate: "Duplicate: the same signed request sent several times",
    drop: "Drop: never sent; the delivery fails as dropped",
    delay: "Delay: the attempt is held back, then signed for its real send time",
    reorder: "Reorder: new deliveries held until the window fills, then sent shuffled",
    burst: "Burst: a matching event arrives as many events at once",
    bad_signature: "Bad signature: signed with a secret the endpoint does not have",
    tampered_body: "Tampered body: a field added to the JSON after signing",
    missing_signature: "Missing signature: the signature header removed",
    stale_timestamp: "Stale timestamp: correctly signed for an instant in the past",
    future_timestamp: "Future timestamp: correctly signed for an instant in the future",
  };
  const MODE_PARAMETERS = {
    duplicate: [["count", "Copies", "2–10 requests in all", "number", "2"], ["concurrent", "Send the copies at once", "", "checkbox"]],
    burst: [["count", "Events", "how many events arrive", "number", "5"]],
    reorder: [["window", "Window", "deliveries held, then shuffled", "number", "3"], ["maxHoldSeconds", "Hold at most (s)", "", "number", "60"]],
    delay: [["delaySeconds", "Delay (s)", "", "number", "30"]],
    stale_timestamp: [["shiftSeconds", "Shift (s)", "how far in the past", "number", "600"]],
    future_timestamp: [["shiftSeconds", "Shift (s)", "how far in the future", "number", "600"]],
  };
  const PER_DELIVERY_MODES = ["reorder", "burst", "drop"];
  // The admin token, when the server has one: kept for this tab only, never in the page or its URL.
  const TOKEN_KEY = "hookcheck.adminToken";

  const state = {
    profiles: [],
    organizations: [],
    profile: localStorage.getItem("hookcheck.profile") || "standard",
    organization: localStorage.getItem("hookcheck.organization") || "",
    clock: null,
    clockFetchedAt: 0,
    changes: null,
    view: null,
    events: new Map(),
    online: true,
    lastFocus: null,
  };

  // ---------------------------------------------------------------- helpers

  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") el.className = value;
      else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
      else if (key === "checked" || key === "value") el[key] = value;
      else el.setAttribute(key, value === true ? "" : String(value));
    }
    append(el, children);
    return el;
  }

  function append(el, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  class ApiError extends Error {
    constructor(message, status, pointer) {
      super(message);
      this.status = status;
      this.pointer = pointer;
    }
  }

  async function api(method, path, body) {
    let response;
    const headers = body === undefined ? {} : { "Content-Type": "application/json" };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = "Bearer " + token;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError("The sandbox server did not answer. Is it still running? Start it again and reload this page.", 0, null);
    }
    if (response.status === 204) return null;
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!response.ok) {
      const error = json && json.errors && json.errors[0];
      const message = error ? sentence(error.title) : "The server answered " + response.status + " to " + method + " " + path + ".";
      throw new ApiError(message, response.status, error && error.source ? error.source.pointer : null);
    }
    return json;
  }

  function sentence(text) {
    const t = String(text || "").trim();
    if (!t) return "Something went wrong.";
    return /[.!?]$/.test(t) ? t : t + ".";
  }

  function query(params) {
    const parts = [];
    for (const [k, v] of Object.entries(params)) {
      if (v !== null && v !== undefined && v !== "") parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(v));
    }
    return parts.length ? "?" + parts.join("&") : "";
  }

  function profileInfo(name) {
    return state.profiles.find((p) => p.name === (name || state.profile)) || state.profiles[0];
  }

  function noun(plural, profile) {
    const words = NOUNS[profile || state.profile] || ["endpoint", "endpoints"];
    return plural ? words[1] : words[0];
  }

  function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function humanize(status) {
    return capitalize(String(status).replace(/_/g, " "));
  }

  // ---------------------------------------------------------------- time

  function serverNow() {
    if (!state.clock) return Date.now();
    const base = Date.parse(state.clock.now);
    const scale = state.clock.scale == null ? 1 : state.clock.scale;
    return base + (Date.now() - state.clockFetchedAt) * scale;
  }

  function iso(value) {
    return value ? new Date(value).toISOString().replace(/\.\d+Z$/, "Z") : "—";
  }

  function relative(value) {
    if (!value) return "";
    const seconds = Math.round((Date.parse(value) - serverNow()) / 1000);
    const abs = Math.abs(seconds);
    if (abs < 2) return "now";
    let text;
    if (abs < 60) text = abs + " s";
    else if (abs < 3600) text = Math.floor(abs / 60) + " min";
    else if (abs < 86400) text = Math.floor(abs / 3600) + " h" + (abs % 3600 >= 60 && abs < 36000 ? " " + Math.floor((abs % 3600) / 60) + " min" : "");
    else text = Math.floor(abs / 86400) + " d" + (abs % 86400 >= 3600 && abs < 864000 ? " " + Math.floor((abs % 86400) / 3600) + " h" : "");
    return seconds > 0 ? "in " + text : text + " ago";
  }

  function when(value, options) {
    if (!value) return h("span", { class: "muted" }, (options && options.none) || "—");
    return h("span", { class: "when" },
      h("time", { class: "iso", datetime: value }, iso(value)),
      h("span", { class: "cell-sub rel", "data-rel": value }, relative(value)));
  }

  function tickRelative() {
    document.querySelectorAll("[data-rel]").forEach((el) => {
      el.textContent = relative(el.getAttribute("data-rel"));
    });
    if (state.clock) {
      document.getElementById("clock-now").textContent = iso(new Date(serverNow()).toISOString());
    }
  }

  // ---------------------------------------------------------------- feedback

  function announce(text) {
    const live = document.getElementById("announcer");
    live.textContent = "";
    window.setTimeout(() => { live.textContent = text; }, 30);
  }

  function showError(error) {
    const alert = document.getElementById("alert");
    alert.replaceChildren(
      h("span", { id: "alert-text" }, error.message || String(error)),
      h("button", { type: "button", class: "ghost small", onclick: hideError }, "Dismiss"));
    alert.hidden = false;
  }

  function hideError() {
    const alert = document.getElementById("alert");
    alert.hidden = true;
    alert.replaceChildren();
  }

  /** Shows an admin error; marks the form field it names, if the form has it. */
  function failed(error, form) {
    showError(error);
    if (form && error.pointer) {
      const name = error.pointer.replace(/^\//, "").split("/")[0];
      const field = form.querySelector("[name='" + name + "']");
      if (field) {
        field.setAttribute("aria-invalid", "true");
        let note = form.querySelector("#" + field.id + "-error");
        if (!note) {
          note = h("span", { class: "field-error", id: field.id + "-error" });
          field.insertAdjacentElement("afterend", note);
        }
        note.textContent = error.message;
        field.setAttribute("aria-describedby", note.id);
        field.focus();
      }
    }
  }

  function clearFieldErrors(form) {
    form.querySelectorAll("[aria-invalid]").forEach((el) => {
      el.removeAttribute("aria-invalid");
      el.removeAttribute("aria-describedby");
    });
    form.querySelectorAll(".field-error").forEach((el) => el.remove());
  }

  /** Runs an action from a button, keeping it disabled while it runs and reporting failures. */
  async function act(button, action, form) {
    hideError();
    if (form) clearFieldErrors(form);
    if (button) button.disabled = true;
    try {
      return await action();
    } catch (error) {
      failed(error, form);
      return undefined;
    } finally {
      if (button && button.isConnected) button.disabled = false;
    }
  }

  // ---------------------------------------------------------------- dialogs

  /** Tidies up after the dialog that is open (its onClose, its content, focus back to its opener). */
  let dialogCleanup = null;

  function openDialog(title, content, onClose) {
    closeDialog(); // one dialog at a time: the previous one is tidied up now, not when its close event comes
    const dialog = document.getElementById("dialog");
    if (!dialog.dataset.wired) {
      dialog.dataset.wired = "true";
      // Escape closes the dialog natively; the event comes later, when another dialog may be open already
      dialog.addEventListener("close", () => {
        if (!dialog.open && dialogCleanup) dialogCleanup();
      });
    }
    const opener = document.activeElement;
    const body = document.getElementById("dialog-body");
    body.replaceChildren(h("div", { class: "dialog-inner" }, h("h2", { id: "dialog-title" }, title), content));
    dialogCleanup = () => {
      dialogCleanup = null;
      if (onClose) onClose();
      body.replaceChildren();
      if (opener && opener.isConnected) opener.focus();
    };
    dialog.showModal();
    const first = body.querySelector("input, select, textarea, button.primary, button");
    if (first) first.focus();
    return dialog;
  }

  function closeDialog() {
    const dialog = document.getElementById("dialog");
    const cleanup = dialogCleanup;
    if (dialog.open) dialog.close();
    if (cleanup) cleanup();
  }

  /** The one place a secret is ever shown: right after it was made. */
  function showSecret(endpoint, what) {
    const input = h("input", { id: "secret-value", type: "text", readonly: true, value: endpoint.secret, "aria-describedby": "secret-note",
      spellcheck: "false", autocomplete: "off" });
    const copy = h("button", { type: "button", class: "primary", id: "secret-copy" }, "Copy");
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(input.value);
      } catch (e) {
        input.select();
        document.execCommand("copy");
      }
      copy.textContent = "Copied";
      announce("The secret was copied to the clipboard.");
    });
    openDialog(what, h("div", {},
      h("p", { id: "secret-note", class: "warning-text" },
        "Copy it now: the dashboard shows a secret only once. Your receiver verifies " + endpoint.url + " deliveries with it."),
      h("div", { class: "secret-box" }, h("label", { for: "secret-value", class: "visually-hidden" }, "Signing secret"), input, copy),
      h("div", { class: "form-actions" }, h("button", { type: "button", onclick: closeDialog }, "Done"))),
    () => { input.value = ""; });
  }

  function confirmDialog(title, text, confirmLabel, action) {
    const ok = h("button", { type: "button", class: "primary danger-confirm" }, confirmLabel);
    openDialog(title, h("div", {}, h("p", {}, text),
      h("div", { class: "form-actions" }, ok, h("button", { type: "button", onclick: closeDialog }, "Cancel"))));
    ok.addEventListener("click", async () => {
      closeDialog();
      await act(null, action);
    });
  }

  // ---------------------------------------------------------------- shared pieces

  function statusBadge(status, profile, big) {
    const words = profileInfo(profile).statusWords;
    const word = words ? words[status] : humanize(status);
    const tone = { delivered: "ok", retrying: "warn", failed: "bad", exhausted: "bad", pending: "info", in_progress: "info" }[status] || "idle";
    const badge = h("span", { class: "badge " + tone + (big ? " big" : ""), "data-status": status, title: "Hookcheck status: " + status.replace(/_/g, " ") }, word);
    if (words && word.toLowerCase().replace(/ /g, "_") !== status) {
      return h("span", {}, badge, h("span", { class: "cell-sub" }, status.replace(/_/g, " ")));
    }
    return badge;
  }

  function emptyState(title, text, code) {
    return h("div", { class: "empty" }, h("h2", {}, title), h("p", {}, text), code ? h("pre", {}, code) : null);
  }

  function pager(offset, total, go) {
    if (total <= PAGE_SIZE && offset === 0) return null;
    const prev = h("button", { type: "button", class: "small", disabled: offset === 0 }, "Previous");
    const next = h("button", { type: "button", class: "small", disabled: offset + PAGE_SIZE >= total }, "Next");
    prev.addEventListener("click", () => go(Math.max(0, offset - PAGE_SIZE)));
    next.addEventListener("click", () => go(offset + PAGE_SIZE));
    return h("nav", { class: "pager", "aria-label": "Pages" },
      h("span", {}, (total ? offset + 1 : 0) + "–" + Math.min(total, offset + PAGE_SIZE) + " of " + total),
      h("span", { class: "actions" }, prev, next));
  }

  function field(id, labelText, control, hint, wide) {
    control.id = id;
    const hintEl = hint ? h("span", { class: "hint", id: id + "-hint" }, hint) : null;
    if (hintEl) control.setAttribute("aria-describedby", hintEl.id);
    return h("div", { class: "field" + (wide ? " wide" : "") }, h("label", { for: id }, labelText), control, hintEl);
  }

  function select(name, options, selected) {
    return h("select", { name }, options.map(([value, text]) =>
      h("option", { value, selected: value === selected }, text)));
  }

  async function eventsById(ids) {
    const missing = [...new Set(ids)].filter((id) => !state.events.has(id));
    await Promise.all(missing.map(async (id) => {
      try {
        const event = await api("GET", "/__admin/events/" + encodeURIComponent(id));
        delete event.deliveries;
        state.events.set(id, event);
      } catch (e) {
        state.events.set(id, null);
      }
    }));
    return state.events;
  }

  async function endpointsOfProfile(profile) {
    const list = await api("GET", "/__admin/endpoints" + query({ profile }));
    return new Map(list.endpoints.map((e) => [e.id, e]));
  }

  function deliveryTable(deliveries, events, endpoints, caption) {
    const info = profileInfo();
    return h("div", { class: "table-wrap" }, h("table", { class: "deliveries" },
      h("caption", { class: "visually-hidden" }, caption),
      h("thead", {}, h("tr", {},
        ["Delivery", "Status", capitalize(noun(false)), "Attempts", "Answer", "Next attempt", "Created"]
          .map((t, i) => h("th", { scope: "col", class: i === 3 ? "num" : null }, t)))),
      h("tbody", {}, deliveries.map((d) => {
        const event = events.get(d.eventId);
        const endpoint = endpoints.get(d.endpointId);
        return h("tr", { "data-delivery": d.id },
          h("th", { scope: "row" }, h("a", { class: "row-link cell-main", href: "#/deliveries/" + d.id, "data-key": "delivery-" + d.id,
            "aria-label": (event ? event.type : "event") + ", delivery " + d.id }, event ? event.type : "event " + d.eventId),
            h("span", { class: "cell-sub mono id-short", title: d.id }, d.id)),
          h("td", {}, statusBadge(d.status, d.profile)),
          h("td", {}, endpoint ? h("span", { class: "truncate mono", title: endpoint.url }, endpoint.url)
            : h("span", { class: "muted" }, "deleted " + d.endpointId)),
          h("td", { class: "num" }, d.attempts + " / " + (info ? profileInfo(d.profile).maxAttempts : "?")),
          h("td", { class: "nowrap" }, d.responseStatus != null ? h("span", { class: "mono" }, "HTTP " + d.responseStatus)
            : h("span", { class: "muted" }, d.attempts ? "no answer" : "—")),
          h("td", {}, d.nextAttemptAt && !["delivered", "failed", "exhausted"].includes(d.status) ? when(d.nextAttemptAt) : h("span", { class: "muted" }, "—")),
          h("td", {}, when(d.createdAt)));
      }))));
  }

  // ---------------------------------------------------------------- views
  // A view has mount(container) for what stays (forms, filters) and refresh() for its data, which
  // live updates call again; refresh keeps focus and open details where they were.

  function refreshInto(region, build) {
    return async () => {
      const content = await build();
      const active = document.activeElement;
      const key = active && region.contains(active) ? active.getAttribute("data-key") || active.id : null;
      const open = [...region.querySelectorAll("details[open][data-key]")].map((d) => d.getAttribute("data-key"));
      const closed = [...region.querySelectorAll("details[data-key]:not([open])")].map((d) => d.getAttribute("data-key"));
      region.replaceChildren(content);
      open.forEach((k) => { const d = region.querySelector("details[data-key='" + k + "']"); if (d) d.open = true; });
      closed.forEach((k) => { const d = region.querySelector("details[data-key='" + k + "']"); if (d) d.open = false; });
      if (key) {
        const again = region.querySelector("[data-key='" + key + "']") || document.getElementById(key);
        if (again) again.focus();
      }
    };
  }

  function pageHead(title, text, extra) {
    return h("div", { class: "page-head" }, h("div", {}, h("h1", {}, title), text ? h("p", {}, text) : null), extra || null);
  }

  // deliveries list
  function deliveriesView(params) {
    const region = h("div", { class: "card flush" });
    const offset = Number(params.offset || 0);
    const statusOptions = [["", "Any status"]].concat(["pending", "in_progress", "retrying", "delivered", "failed", "exhausted"].map((s) => {
      const words = profileInfo().statusWords;
      return [s, words && words[s].toLowerCase().replace(/ /g, "_") !== s ? words[s] + " (" + s.replace(/_/g, " ") + ")" : (words ? words[s] : humanize(s))];
    }));
    const statusSelect = select("status", statusOptions, params.status || "");
    const endpointSelect = select("endpointId", [["", "Any " + noun(false)]], "");
    const filters = h("form", { class: "card", "aria-label": "Filter deliveries" },
      h("div", { class: "toolbar" },
        field("deliveries-status", "Status", statusSelect),
        field("deliveries-endpoint", capitalize(noun(false)), endpointSelect)));
    const apply = () => navigate("deliveries", null, { status: statusSelect.value, endpointId: endpointSelect.value });
    statusSelect.addEventListener("change", apply);
    endpointSelect.addEventListener("change", apply);
    filters.addEventListener("submit", (e) => { e.preventDefault(); apply(); });

    const refresh = refreshInto(region, async () => {
      const [list, endpoints] = await Promise.all([
        api("GET", "/__admin/deliveries" + query({ profile: state.profile, organizationId: state.organization, status: params.status,
          endpointId: params.endpointId, limit: PAGE_SIZE, offset })),
        endpointsOfProfile(state.profile),
      ]);
      if (endpointSelect.options.length === 1) {
        [...endpoints.values()].filter((e) => e.organizationId === state.organization).forEach((e) =>
          endpointSelect.append(h("option", { value: e.id, selected: e.id === params.endpointId }, e.url)));
      }
      const events = await eventsById(list.deliveries.map((d) => d.eventId));
      if (!list.deliveries.length) {
        const filtered = params.status || params.endpointId;
        return filtered
          ? emptyState("No deliveries match these filters", "Change the status or " + noun(false) + " above, or send an event from Events.")
          : emptyState("No deliveries yet", "Register a receiver with " + capitalize(noun(true)) + " (for example http://localhost:3000/webhooks), then send an event from Events; its deliveries appear here as they happen.",
            "curl -X POST " + location.origin + "/__admin/endpoints -H 'Content-Type: application/json' \\\n  -d '{\"profile\":\"" + state.profile + "\",\"url\":\"http://localhost:3000/webhooks\"}'");
      }
      return h("div", {},
        h("div", { class: "card-head" }, h("h2", {}, list.total + " deliver" + (list.total === 1 ? "y" : "ies")),
          h("span", { class: "muted" }, "newest first")),
        deliveryTable(list.deliveries, events, endpoints, "Deliveries of " + profileInfo().displayName),
        pager(offset, list.total, (o) => navigate("deliveries", null, Object.assign({}, params, { offset: o }))));
    });
    return {
      mount(container) {
        container.append(pageHead("Deliveries", "Every event on its way to every " + noun(false) + ", with what was sent and how your receiver answered."),
          filters, region);
      },
      refresh,
    };
  }

  // one delivery with its attempts
  function deliveryView(id) {
    const region = h("div", {});
    const refresh = refreshInto(region, async () => {
      const [delivery, attempts] = await Promise.all([
        api("GET", "/__admin/deliveries/" + encodeURIComponent(id)),
        api("GET", "/__admin/deliveries/" + encodeURIComponent(id) + "/attempts"),
      ]);
      const events = await eventsById([delivery.eventId]);
      const event = events.get(delivery.eventId);
      let endpoint = null;
      try { endpoint = await api("GET", "/__admin/endpoints/" + encodeURIComponent(delivery.endpointId)); } catch (e) { endpoint = null; }
      const info = profileInfo(delivery.profile);
      const final = ["delivered", "failed", "exhausted"].includes(delivery.status);

      const retry = h("button", { type: "button", class: "primary", id: "retry-now", disabled: !final,
        "aria-describedby": final ? null : "retry-note" }, "Retry now");
      retry.addEventListener("click", () => act(retry, async () => {
        await api("POST", "/__admin/deliveries/" + encodeURIComponent(id) + "/retry");
        announce("A new attempt of " + id + " was started.");
        await refresh();
      }));
      const jump = delivery.nextAttemptAt && !final
        ? h("button", { type: "button", id: "run-next", onclick: (e) => act(e.currentTarget, () => advanceTo(delivery.nextAttemptAt)) },
          "Advance the clock to the next attempt")
        : null;

      const summary = h("section", { class: "card", "aria-labelledby": "delivery-summary" },
        h("div", { class: "page-head" },
          h("div", {}, h("h2", { id: "delivery-summary" }, "Summary")),
          h("div", { class: "actions" }, jump, retry)),
        final ? null : h("p", { class: "hint", id: "retry-note" }, "Retry now is for finished deliveries; this one has an attempt scheduled."),
        h("dl", { class: "facts" },
          fact("Status", statusBadge(delivery.status, delivery.profile, true)),
          fact("Event", event ? h("span", {}, h("span", { class: "cell-main" }, event.type), " ", h("a", { class: "mono", href: "#/events/" + event.id }, event.id)) : delivery.eventId),
          fact(capitalize(noun(false, delivery.profile)), endpoint ? h("span", { class: "mono" }, endpoint.url) : h("span", { class: "muted" }, "deleted (" + delivery.endpointId + ")")),
          fact("Attempts", delivery.attempts + " of at most " + info.maxAttempts),
          fact("Created", when(delivery.createdAt)),
          fact("Next attempt", final ? h("span", { class: "muted" }, "none, " + (delivery.status === "delivered" ? "delivered" : "finished")) : when(delivery.nextAttemptAt, { none: "none scheduled" })),
          delivery.deliveredAt ? fact("Delivered", when(delivery.deliveredAt)) : null,
          delivery.failureReason ? fact("Failure reason", h("span", { class: "mono" }, delivery.failureReason)) : null));

      const items = attempts.attempts.map((a, i) => attemptItem(a, info, i === attempts.attempts.length - 1));
      if (!final && delivery.nextAttemptAt) {
        items.push(h("li", { class: "next-attempt" }, h("span", { class: "marker next", "aria-hidden": "true" }),
          h("div", { class: "attempt-head" }, h("h3", {}, "Next attempt scheduled"), when(delivery.nextAttemptAt))));
      } else if (final && delivery.status !== "delivered") {
        items.push(h("li", {}, h("span", { class: "marker bad", "aria-hidden": "true" }),
          h("div", { class: "attempt-head" }, h("h3", {}, "No more attempts"),
            h("span", { class: "muted" }, delivery.failureReason ? "reason: " + delivery.failureReason : ""))));
      }
      const timeline = h("section", { class: "card", "aria-labelledby": "timeline-title" },
        h("h2", { id: "timeline-title" }, "Attempts"),
        items.length ? h("ol", { class: "timeline", id: "timeline" }, items)
          : h("p", { class: "muted" }, "No attempt yet: the first one is due " + (relative(delivery.nextAttemptAt) || "soon") + "."));
      return h("div", {}, summary, timeline);
    });
    return {
      mount(container) {
        container.append(h("div", { class: "crumbs" }, h("a", { href: "#/deliveries" }, "Deliveries"), " / ", h("span", { class: "mono" }, id)),
          pageHead("Delivery " + id, null), region);
      },
      refresh,
    };
  }

  function fact(label, value) {
    return h("div", {}, h("dt", {}, label), h("dd", {}, value));
  }

  function attemptItem(a, info, last) {
    const copy = a.id.includes("~") ? " (copy " + a.id.split("~").pop() + ")" : "";
    const answered = a.response != null;
    const tone = a.succeeded ? "ok" : a.injected ? "warn" : "bad";
    const outcome = a.succeeded ? h("span", { class: "badge ok" }, "HTTP " + a.response.status + " · accepted")
      : answered ? h("span", { class: "badge bad" }, "HTTP " + a.response.status + " · counted as failed")
        : h("span", { class: "badge bad" }, "No answer: " + (a.error || "unknown"));
    const signatureHeader = info.signatureHeader.toLowerCase();
    const headerRows = (headers, markSignature) => Object.entries(headers).map(([name, value]) => {
      const signature = markSignature && name.toLowerCase() === signatureHeader;
      return h("tr", { class: signature ? "signature" : null, "data-header": name.toLowerCase() },
        h("th", { scope: "row" }, name), h("td", {}, h("span", { class: "header-value" }, value),
          signature ? h("span", { class: "sig-label" }, "signature") : null));
    });
    const request = h("details", { class: "exchange", "data-key": "request-" + a.id, open: last },
      h("summary", {}, "Request"),
      h("div", { class: "exchange-body" },
        h("table", { class: "headers request-headers" }, h("caption", { class: "visually-hidden" }, "Request headers of attempt " + a.number + copy),
          h("tbody", {}, headerRows(a.request.headers, true))),
        h("pre", { class: "body request-body", tabindex: "0", "aria-label": "Request body of attempt " + a.number + copy }, a.request.body)));
    const response = answered
      ? h("details", { class: "exchange", "data-key": "response-" + a.id, open: last },
        h("summary", {}, "Response · HTTP " + a.response.status),
        h("div", { class: "exchange-body" },
          Object.keys(a.response.headers).length
            ? h("table", { class: "headers" }, h("caption", { class: "visually-hidden" }, "Response headers of attempt " + a.number + copy),
              h("tbody", {}, headerRows(a.response.headers, false)))
            : h("p", { class: "muted" }, "No headers."),
          a.response.body ? h("pre", { class: "body response-body", tabindex: "0", "aria-label": "Response body of attempt " + a.number + copy }, a.response.body)
            : h("p", { class: "muted" }, "Empty body.")))
      : h("p", { class: "muted" }, "No response: " + describeError(a.error) + ".");
    return h("li", { "data-attempt": a.number, "data-attempt-id": a.id },
      h("span", { class: "marker " + tone, "aria-hidden": "true" }),
      h("div", { class: "attempt-head" }, h("h3", {}, "Attempt " + a.number + copy), outcome,
        a.injected ? h("span", { class: "tag injected", title: "failure injected on purpose" }, "injected: " + a.injected) : null),
      h("div", { class: "attempt-meta" },
        h("span", {}, "sent ", h("time", { class: "iso", datetime: a.sentAt }, iso(a.sentAt)), " ", h("span", { class: "rel", "data-rel": a.sentAt }, relative(a.sentAt))),
        h("span", {}, "latency " + a.latencyMillis + " ms"),
        a.nextAttemptAt ? h("span", {}, "retry due ", h("time", { class: "iso", datetime: a.nextAttemptAt }, iso(a.nextAttemptAt))) : null),
      request, response);
  }

  function describeError(code) {
    return { refused: "the connection was refused", reset: "the connection was reset before an answer", timeout: "no answer before the timeout",
      tls: "the TLS handshake failed", dropped: "dropped on purpose, never sent" }[code] || (code || "unknown error");
  }

  async function advanceTo(instant) {
    const clock = await api("GET", "/__admin/clock");
    const seconds = Math.max(0.001, (Date.parse(instant) - Date.parse(clock.now)) / 1000);
    await advance({ seconds: Math.ceil(seconds * 1000) / 1000 });
  }

  async function advance(body) {
    const clock = await api("POST", "/__admin/clock/advance", body);
    setClock(clock);
    announce("The clock moved to " + iso(clock.now) + ".");
    await liveTick(true);
  }

  // events
  function eventsView(params) {
    const info = profileInfo();
    const region = h("div", { class: "card flush" });
    const offset = Number(params.offset || 0);
    const typeOptions = info.events.map((e) => [e.name, e.name + (e.replacedBy ? " (old name of " + e.replacedBy + ")" : "")]);

    const triggerType = select("type", typeOptions, info.events[0].name);
    const triggerResource = h("input", { name: "resourceId", type: "text", placeholder: "generated", autocomplete: "off" });
    const notice = h("div", { role: "status" });
    const send = h("button", { type: "submit", class: "primary", id: "send-event" }, "Send event");
    const lifecycle = h("button", { type: "button", id: "run-lifecycle" }, "Run a whole lifecycle");
    const trigger = h("form", { class: "card", "aria-labelledby": "trigger-title", id: "trigger-form" },
      h("h2", { id: "trigger-title" }, "Send an event"),
      h("div", { class: "toolbar" },
        field("trigger-type", "Event", triggerType),
        field("trigger-resource", "Resource id (optional)", triggerResource),
        h("div", { class: "toolbar-actions" }, send, lifecycle)),
      h("p", { class: "hint below" }, "An event fans out at once to every enabled " + noun(false) + " of the organization that takes it; "
        + "a lifecycle is a realistic series of events, each at its own instant."),
      notice);
    trigger.addEventListener("submit", (e) => {
      e.preventDefault();
      act(send, async () => {
        const event = await api("POST", "/__admin/events", { profile: state.profile, organizationId: state.organization,
          type: triggerType.value, resourceId: triggerResource.value || undefined });
        state.events.set(event.id, event);
        notice.replaceChildren(h("p", { class: "notice" }, "Sent " + event.type + " as ", h("a", { href: "#/events/" + event.id, class: "mono" }, event.id), "."));
        announce("Sent " + event.type + ".");
        await liveTick(true);
      }, trigger);
    });
    lifecycle.addEventListener("click", () => act(lifecycle, async () => {
      const planned = await api("POST", "/__admin/lifecycles", { profile: state.profile, organizationId: state.organization });
      const last = planned.steps[planned.steps.length - 1];
      notice.replaceChildren(h("p", { class: "notice" }, "Planned a lifecycle of " + planned.steps.length + " events (" +
        planned.steps.map((s) => s.type).join(" → ") + "). The first is sent now, the last " + relative(last.at) +
        ": speed the clock up or advance it on the Clock page."));
      announce("Planned a lifecycle of " + planned.steps.length + " events.");
      await liveTick(true);
    }, trigger));

    const fType = select("type", [["", "Any event"]].concat(typeOptions), params.type || "");
    const fResourceType = select("resourceType", [["", "Any resource"]].concat(info.resourceTypes.map((r) => [r, r])), params.resourceType || "");
    const fResourceId = h("input", { name: "resourceId", type: "text", value: params.resourceId || "", autocomplete: "off" });
    const fAfter = h("input", { name: "createdAfter", type: "datetime-local", step: "1", value: toLocalInput(params.createdAfter) });
    const fBefore = h("input", { name: "createdBefore", type: "datetime-local", step: "1", value: toLocalInput(params.createdBefore) });
    const filters = h("form", { class: "card", "aria-labelledby": "filter-title", id: "event-filters" },
      h("h2", { id: "filter-title" }, "Filter"),
      h("div", { class: "toolbar" },
        field("filter-type", "Event", fType),
        field("filter-resource-type", "Resource type", fResourceType),
        field("filter-resource-id", "Resource id", fResourceId),
        field("filter-after", "Created after (UTC)", fAfter),
        field("filter-before", "Created before (UTC)", fBefore),
        h("div", { class: "toolbar-actions" }, h("button", { type: "submit", class: "primary", id: "apply-filters" }, "Apply"),
          h("button", { type: "button", onclick: () => navigate("events", null, {}) }, "Clear"))));
    filters.addEventListener("submit", (e) => {
      e.preventDefault();
      navigate("events", null, { type: fType.value, resourceType: fResourceType.value, resourceId: fResourceId.value.trim(),
        createdAfter: fromLocalInput(fAfter.value), createdBefore: fromLocalInput(fBefore.value) });
    });

    const refresh = refreshInto(region, async () => {
      let list;
      try {
        list = await api("GET", "/__admin/events" + query({ profile: state.profile, organizationId: state.organization, type: params.type,
          resourceType: params.resourceType, resourceId: params.resourceId, createdAfter: params.createdAfter,
          createdBefore: params.createdBefore, limit: PAGE_SIZE, offset }));
      } catch (error) {
        failed(error, filters);
        return emptyState("These filters do not work", error.message);
      }
      list.events.forEach((e) => state.events.set(e.id, e));
      if (!list.events.length) {
        return Object.keys(params).some((k) => k !== "offset" && params[k])
          ? emptyState("No events match these filters", "Widen the filters or clear them.")
          : emptyState("No events yet", "Send one with the form above, or run a whole lifecycle.");
      }
      return h("div", {},
        h("div", { class: "card-head" }, h("h2", {}, list.total + " event" + (list.total === 1 ? "" : "s")), h("span", { class: "muted" }, "newest first")),
        h("div", { class: "table-wrap" }, h("table", { class: "events" },
          h("caption", { class: "visually-hidden" }, "Events of " + info.displayName),
          h("thead", {}, h("tr", {}, ["Event id", "Event", "Resource", "Created"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, list.events.map((e) => h("tr", { "data-event": e.id },
            h("th", { scope: "row" }, h("a", { class: "row-link", href: "#/events/" + e.id, "data-key": "event-" + e.id }, e.id)),
            h("td", {}, h("span", { class: "cell-main" }, e.type)),
            h("td", {}, h("span", {}, e.resourceType), h("span", { class: "cell-sub mono" }, e.resourceId)),
            h("td", {}, when(e.createdAt))))))),
        pager(offset, list.total, (o) => navigate("events", null, Object.assign({}, params, { offset: o }))));
    });
    return {
      mount(container) {
        container.append(pageHead("Events", info.displayName + " events of this organization, newest first."), trigger, filters, region);
      },
      refresh,
    };
  }

  function toLocalInput(isoText) {
    return isoText ? isoText.replace(/Z$/, "").replace(/\.\d+$/, "") : "";
  }

  function fromLocalInput(value) {
    if (!value) return "";
    return (value.length === 16 ? value + ":00" : value) + "Z";
  }

  function eventView(id) {
    const region = h("div", {});
    const refresh = refreshInto(region, async () => {
      const event = await api("GET", "/__admin/events/" + encodeURIComponent(id));
      const deliveries = event.deliveries;
      delete event.deliveries;
      state.events.set(id, event);
      const endpoints = await endpointsOfProfile(event.profile);
      return h("div", {},
        h("section", { class: "card", "aria-labelledby": "event-facts" }, h("h2", { id: "event-facts" }, "Event"),
          h("dl", { class: "facts" },
            fact("Type", h("span", { class: "cell-main" }, event.type)),
            fact("Resource", h("span", {}, event.resourceType, " ", h("span", { class: "mono" }, event.resourceId))),
            fact("Profile", profileInfo(event.profile).displayName),
            fact("Organization", h("span", { class: "mono" }, event.organizationId)),
            fact("Created", when(event.createdAt)))),
        h("section", { class: "card flush", "aria-labelledby": "event-deliveries" },
          h("div", { class: "card-head" }, h("h2", { id: "event-deliveries" }, "Deliveries")),
          deliveries.length ? deliveryTable(deliveries.slice().reverse(), state.events, endpoints, "Deliveries of event " + id)
            : emptyState("Not delivered anywhere", "No enabled " + noun(false, event.profile) + " of the organization took this event when it happened. Register one with " + capitalize(noun(true, event.profile)) + ", then send another event.")),
        h("section", { class: "card", "aria-labelledby": "event-data" }, h("h2", { id: "event-data" }, "Data"),
          h("pre", { class: "body", tabindex: "0", "aria-labelledby": "event-data" }, JSON.stringify(event.data, null, 2))));
    });
    return {
      mount(container) {
        container.append(h("div", { class: "crumbs" }, h("a", { href: "#/events" }, "Events"), " / ", h("span", { class: "mono" }, id)),
          pageHead("Event " + id, null), region);
      },
      refresh,
    };
  }

  // endpoints
  function endpointsView() {
    const info = profileInfo();
    const one = noun(false);
    const region = h("div", { class: "card flush" });
    const url = h("input", { name: "url", type: "url", required: true, placeholder: "http://localhost:3000/webhooks", autocomplete: "off" });
    const events = h("input", { name: "events", type: "text", value: "*", autocomplete: "off" });
    const name = h("input", { name: "name", type: "text", autocomplete: "off" });
    const add = h("button", { type: "submit", class: "primary", id: "add-endpoint" }, "Add " + one);
    const form = h("form", { class: "card", "aria-labelledby": "add-title", id: "endpoint-form" },
      h("h2", { id: "add-title" }, "Register a receiver"),
      h("div", { class: "form-grid" },
        field("endpoint-url", "URL", url, "where the sandbox POSTs signed " + info.displayName + " webhooks", true),
        field("endpoint-events", "Events", events, "* for all, or names separated by commas"),
        field("endpoint-name", "Name", name, "optional")),
      h("div", { class: "form-actions" }, add, h("span", { class: "hint" }, "Its signing secret is shown once, right after.")));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      act(add, async () => {
        const created = await api("POST", "/__admin/endpoints", { profile: state.profile, organizationId: state.organization,
          url: url.value.trim(), events: splitEvents(events.value), name: name.value.trim() || undefined });
        url.value = ""; name.value = "";
        // the secret first: it is shown only once and must not depend on the list redrawing
        showSecret(created, "Your new " + one + "'s signing secret");
        refresh().catch(() => {});
      }, form);
    });

    const refresh = refreshInto(region, async () => {
      const list = await api("GET", "/__admin/endpoints" + query({ profile: state.profile, organizationId: state.organization }));
      if (!list.endpoints.length) {
        return emptyState("No " + noun(true) + " yet", "Register a receiver with the form above (for example http://localhost:3000/webhooks) or with curl; every event of this organization is then delivered to it, signed.",
          "curl -X POST " + location.origin + "/__admin/endpoints -H 'Content-Type: application/json' \\\n  -d '{\"profile\":\"" + state.profile + "\",\"url\":\"http://localhost:3000/webhooks\"}'");
      }
      return h("div", {},
        h("div", { class: "card-head" }, h("h2", {}, list.endpoints.length + " " + (list.endpoints.length === 1 ? one : noun(true)))),
        h("div", { class: "table-wrap" }, h("table", { class: "endpoints" },
          h("caption", { class: "visually-hidden" }, capitalize(noun(true)) + " of this organization"),
          h("thead", {}, h("tr", {}, [capitalize(one), "Events", "Enabled", "Created", "Actions"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, list.endpoints.map((e) => endpointRow(e, refresh))))));
    });
    return {
      mount(container) {
        container.append(pageHead(capitalize(noun(true)), info.displayName + " " + noun(true) + " of this organization: where events are delivered."
          + (one !== "endpoint" ? " " + info.displayName + " calls endpoints " + noun(true) + "." : "")), form, region);
      },
      refresh,
    };
  }

  function splitEvents(text) {
    const names = text.split(",").map((s) => s.trim()).filter(Boolean);
    return names.length ? names : ["*"];
  }

  function endpointRow(e, refresh) {
    const label = e.name || e.url;
    const toggle = h("input", { type: "checkbox", role: "switch", checked: e.enabled, id: "enabled-" + e.id, "data-key": "enabled-" + e.id });
    toggle.addEventListener("change", () => act(toggle, async () => {
      await api("PATCH", "/__admin/endpoints/" + e.id, { enabled: toggle.checked });
      announce(label + (toggle.checked ? " enabled." : " disabled; its pending retries were cancelled."));
      await refresh();
    }));
    const edit = h("button", { type: "button", class: "small", "data-key": "edit-" + e.id }, "Edit");
    edit.addEventListener("click", () => editEndpoint(e, refresh));
    const rotate = h("button", { type: "button", class: "small", "data-key": "rotate-" + e.id, "aria-label": "Rotate the secret of " + label }, "Rotate secret");
    rotate.addEventListener("click", () => rotateSecret(e, refresh));
    const remove = h("button", { type: "button", class: "small danger", "data-key": "delete-" + e.id, "aria-label": "Delete " + label }, "Delete");
    remove.addEventListener("click", () => confirmDialog("Delete this " + noun(false, e.profile) + "?",
      e.url + " stops receiving events and its pending retries are cancelled. Its past deliveries stay listed.", "Delete", async () => {
        await api("DELETE", "/__admin/endpoints/" + e.id);
        announce(label + " deleted.");
        await refresh();
      }));
    return h("tr", { "data-endpoint": e.id },
      h("th", { scope: "row" }, e.name ? h("span", { class: "cell-main" }, e.name) : null,
        h("span", { class: e.name ? "cell-sub mono" : "mono" }, e.url), h("span", { class: "cell-sub mono" }, e.id)),
      h("td", {}, e.events.map((n) => h("span", { class: "tag" }, n === "*" ? "all events" : n))),
      h("td", {}, h("label", { class: "switch", for: "enabled-" + e.id }, toggle,
        h("span", { class: "visually-hidden" }, "Enabled: " + label), h("span", { "aria-hidden": "true" }, e.enabled ? "On" : "Off")),
        e.enabled ? null : h("span", { class: "cell-sub" }, e.disabledReason || "")),
      h("td", {}, when(e.createdAt)),
      h("td", {}, h("div", { class: "actions" }, edit, rotate, remove)));
  }

  function editEndpoint(e, refresh) {
    const url = h("input", { name: "url", type: "url", required: true, value: e.url });
    const events = h("input", { name: "events", type: "text", value: e.events.join(", ") });
    const name = h("input", { name: "name", type: "text", value: e.name || "" });
    const description = h("input", { name: "description", type: "text", value: e.description || "" });
    const save = h("button", { type: "submit", class: "primary" }, "Save");
    const form = h("form", {},
      h("div", { class: "form-grid" }, field("edit-url", "URL", url, null, true), field("edit-events", "Events", events, "* or names, comma-separated"),
        field("edit-name", "Name", name), field("edit-description", "Description", description)),
      h("div", { class: "form-actions" }, save, h("button", { type: "button", onclick: closeDialog }, "Cancel")));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      act(save, async () => {
        await api("PATCH", "/__admin/endpoints/" + e.id, { url: url.value.trim(), events: splitEvents(events.value),
          name: name.value.trim() || null, description: description.value.trim() || null });
        closeDialog();
        announce("Saved.");
        await refresh();
      }, form);
    });
    openDialog("Edit " + noun(false, e.profile), form);
  }

  function rotateSecret(e, refresh) {
    const overlap = h("input", { name: "overlapSeconds", type: "number", min: "0", step: "1", inputmode: "numeric" });
    const go = h("button", { type: "submit", class: "primary", id: "rotate-confirm" }, "Rotate secret");
    const form = h("form", {},
      h("p", {}, "Deliveries to " + e.url + " get signed with a new secret from now on."),
      h("div", { class: "form-grid" }, field("rotate-overlap", "Old secret keeps signing for (seconds)", overlap,
        "empty: the server's default (24 h); 0: stop at once. Only schemes that carry several signatures (Standard Webhooks, Stripe) sign with both.", true)),
      h("div", { class: "form-actions" }, go, h("button", { type: "button", onclick: closeDialog }, "Cancel")));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      act(go, async () => {
        const rotated = await api("POST", "/__admin/endpoints/" + e.id + "/rotate-secret",
          overlap.value === "" ? {} : { overlapSeconds: Number(overlap.value) });
        closeDialog();
        showSecret(rotated, "The new signing secret");
        refresh().catch(() => {});
      }, form);
    });
    openDialog("Rotate the signing secret", form);
  }

  // failure rules
  function failuresView() {
    const info = profileInfo();
    const region = h("div", { class: "card flush" });
    const mode = select("mode", Object.entries(MODES), "lost_ack");
    const endpoint = select("endpointId", [["", "Any " + noun(false) + " of " + info.displayName]], "");
    const eventType = select("eventType", [["", "Any event"]].concat(info.events.map((e) => [e.name, e.name])), "");
    const attempts = h("input", { name: "attempts", type: "text", placeholder: "every attempt", autocomplete: "off" });
    const probability = h("input", { name: "probability", type: "number", min: "0", max: "1", step: "0.05", value: "1" });
    const parameters = h("div", { class: "form-grid", id: "mode-parameters" });
    const add = h("button", { type: "submit", class: "primary", id: "add-rule" }, "Add rule");
    const attemptsField = field("rule-attempts", "Attempts", attempts, "1 = only the first; 1, 2 = the first two; empty = every attempt");
    const form = h("form", { class: "card", "aria-labelledby": "rule-title", id: "rule-form" },
      h("h2", { id: "rule-title" }, "Break things on purpose"),
      h("div", { class: "form-grid" },
        field("rule-mode", "What happens", mode, null, true),
        field("rule-endpoint", "Scope", endpoint),
        field("rule-event", "Event", eventType),
        attemptsField,
        field("rule-probability", "Probability", probability, "0 to 1")),
      parameters,
      h("div", { class: "form-actions" }, add, h("span", { class: "hint" }, "A new rule is on at once; switch it off below. Injected attempts are labelled in the timeline.")));
    const showParameters = () => {
      parameters.replaceChildren(...(MODE_PARAMETERS[mode.value] || []).map(([name, label, hint, type, value]) => type === "checkbox"
        ? h("div", { class: "field" }, h("label", { class: "switch", for: "rule-" + name }, h("input", { type: "checkbox", name, id: "rule-" + name }), label))
        : field("rule-" + name, label, h("input", { name, type, min: "0", value }), hint)));
      attemptsField.hidden = PER_DELIVERY_MODES.includes(mode.value);
    };
    mode.addEventListener("change", showParameters);
    showParameters();
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      act(add, async () => {
        const body = { mode: mode.value, probability: Number(probability.value) };
        if (endpoint.value) body.endpointId = endpoint.value; else body.profile = state.profile;
        if (eventType.value) body.eventType = eventType.value;
        if (!attemptsField.hidden && attempts.value.trim()) {
          body.attempts = attempts.value.split(",").map((s) => s.trim()).filter(Boolean).map((s) => /^\d+$/.test(s) ? Number(s) : s);
        }
        parameters.querySelectorAll("input").forEach((input) => {
          if (input.type === "checkbox") body[input.name] = input.checked;
          else if (input.value !== "") body[input.name] = Number(input.value);
        });
        const rule = await api("POST", "/__admin/failures", body);
        announce("Rule " + rule.id + " (" + rule.mode + ") is on.");
        await refresh();
      }, form);
    });

    const refresh = refreshInto(region, async () => {
      const [list, endpoints] = await Promise.all([api("GET", "/__admin/failures"), endpointsOfProfile(state.profile)]);
      if (endpoint.options.length === 1) {
        [...endpoints.values()].filter((e) => e.organizationId === state.organization)
          .forEach((e) => endpoint.append(h("option", { value: e.id }, e.url)));
      }
      if (!list.failures.length) {
        return emptyState("No failure rules", "Every attempt goes out exactly as the provider would send it. Add a rule above to see how your receiver copes with a lost acknowledgement, a duplicate or a bad signature.");
      }
      return h("div", {},
        h("div", { class: "card-head" }, h("h2", {}, list.failures.length + " rule" + (list.failures.length === 1 ? "" : "s")), h("span", { class: "muted" }, "all profiles")),
        h("div", { class: "table-wrap" }, h("table", { class: "failures" },
          h("caption", { class: "visually-hidden" }, "Failure-injection rules"),
          h("thead", {}, h("tr", {}, ["Rule", "Scope", "Probability", "On", "Actions"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, list.failures.map((r) => ruleRow(r, refresh))))));
    });
    return {
      mount(container) {
        container.append(pageHead("Failure injection", "Switch faults on and off: what your receiver sees, and whether it copes."), form, region);
      },
      refresh,
    };
  }

  function ruleRow(r, refresh) {
    const scope = [r.profile ? "profile " + r.profile : null, r.endpointId ? noun(false) + " " + r.endpointId : null,
      r.eventType ? "event " + r.eventType : null, r.attempts ? "attempt" + (r.attempts.length > 1 ? "s " : " ") + r.attempts.join(", ") : null]
      .filter(Boolean);
    const params = ["count", "concurrent", "window", "maxHoldSeconds", "delaySeconds", "shiftSeconds"].filter((k) => k in r).map((k) => k + " " + r[k]);
    const toggle = h("input", { type: "checkbox", role: "switch", checked: r.enabled, id: "rule-on-" + r.id, "data-key": "rule-on-" + r.id });
    toggle.addEventListener("change", () => act(toggle, async () => {
      await api("PATCH", "/__admin/failures/" + r.id, { enabled: toggle.checked });
      announce("Rule " + r.mode + " switched " + (toggle.checked ? "on." : "off."));
      await refresh();
    }));
    const remove = h("button", { type: "button", class: "small danger", "data-key": "rule-delete-" + r.id, "aria-label": "Delete rule " + r.id }, "Delete");
    remove.addEventListener("click", () => act(remove, async () => {
      await api("DELETE", "/__admin/failures/" + r.id);
      announce("Rule " + r.id + " deleted.");
      await refresh();
    }));
    return h("tr", { "data-rule": r.id },
      h("th", { scope: "row" }, h("span", { class: "cell-main mono" }, r.mode), h("span", { class: "cell-sub" }, (MODES[r.mode] || "").split(":")[0]),
        params.length ? h("span", { class: "cell-sub mono" }, params.join(", ")) : null),
      h("td", {}, scope.length ? scope.map((s) => h("span", { class: "tag" }, s)) : h("span", { class: "muted" }, "every delivery")),
      h("td", {}, Math.round(r.probability * 100) + " %"),
      h("td", {}, h("label", { class: "switch", for: "rule-on-" + r.id }, toggle,
        h("span", { class: "visually-hidden" }, "Rule " + r.mode + " " + r.id + " on"), h("span", { "aria-hidden": "true" }, r.enabled ? "On" : "Off"))),
      h("td", {}, remove));
  }

  // clock
  function clockView() {
    const region = h("div", {});
    const amount = h("input", { name: "seconds", type: "text", placeholder: "90 or PT2H", autocomplete: "off" });
    const go = h("button", { type: "submit", class: "primary", id: "advance-custom" }, "Advance");
    const advanceForm = h("form", { id: "advance-form" },
      h("div", { class: "form-grid" }, field("advance-amount", "Advance by", amount, "seconds, or an ISO-8601 duration such as PT2H")),
      h("div", { class: "form-actions" }, go));
    advanceForm.addEventListener("submit", (e) => {
      e.preventDefault();
      const text = amount.value.trim();
      act(go, () => advance(/^\d+(\.\d+)?$/.test(text) ? { seconds: Number(text) } : text ? { duration: text.toUpperCase() } : {}), advanceForm);
    });
    const quick = [["+1 min", 60], ["+5 min", 300], ["+1 h", 3600], ["+1 day", 86400]].map(([label, seconds]) =>
      h("button", { type: "button", "data-advance": seconds, onclick: (e) => act(e.currentTarget, () => advance({ seconds })) }, label));

    const scale = h("input", { name: "scale", type: "number", min: "0", step: "any" });
    const set = h("button", { type: "submit", class: "primary", id: "scale-set" }, "Set speed");
    const scaleForm = h("form", { id: "scale-form" },
      h("div", { class: "form-grid" }, field("scale-value", "Speed", scale, "times real time; 0 stops the clock")),
      h("div", { class: "form-actions" }, set));
    const setScale = (value, button) => act(button, async () => {
      const clock = await api("POST", "/__admin/clock/scale", { scale: value });
      setClock(clock);
      announce("The clock now runs at " + value + " times real time.");
      await refresh();
    }, scaleForm);
    scaleForm.addEventListener("submit", (e) => { e.preventDefault(); setScale(scale.value === "" ? null : Number(scale.value), set); });
    const presets = [["Stop", 0], ["Real time", 1], ["×60", 60], ["×3600", 3600]].map(([label, value]) =>
      h("button", { type: "button", onclick: (e) => setScale(value, e.currentTarget) }, label));

    const refresh = refreshInto(region, async () => {
      const clock = await api("GET", "/__admin/clock");
      setClock(clock);
      return h("section", { class: "card", "aria-labelledby": "clock-title" }, h("h2", { id: "clock-title" }, "Sandbox time"),
        h("dl", { class: "facts" },
          fact("Now (UTC)", h("time", { class: "iso", id: "clock-page-now", datetime: clock.now }, iso(clock.now))),
          fact("Speed", clock.scale == null ? "real time (this server's clock cannot be moved)" : clock.scale === 0 ? "stopped: only advancing moves it" : "×" + clock.scale),
          fact("Scheduled", plural(clock.scheduled, "task", "tasks") + " (attempts, lifecycle steps) waiting for their instant")));
    });
    return {
      mount(container) {
        container.append(pageHead("Clock", "One virtual clock drives timestamps, retry schedules and retention. Advance it to run retries that would take hours, in order."),
          region,
          h("div", { class: "split" },
            h("section", { class: "card", "aria-labelledby": "advance-title" }, h("h2", { id: "advance-title" }, "Advance"),
              h("div", { class: "actions" }, quick), h("hr", { class: "visually-hidden" }), advanceForm),
            h("section", { class: "card", "aria-labelledby": "speed-title" }, h("h2", { id: "speed-title" }, "Speed"),
              h("div", { class: "actions" }, presets), scaleForm)));
      },
      refresh,
    };
  }

  // ---------------------------------------------------------------- routing

  function parseHash() {
    const hash = location.hash.replace(/^#\/?/, "");
    const [path, search] = hash.split("?");
    const [section, id] = path.split("/");
    const params = {};
    new URLSearchParams(search || "").forEach((v, k) => { params[k] = v; });
    return { section: section || "deliveries", id: id ? decodeURIComponent(id) : null, params };
  }

  function navigate(section, id, params) {
    const target = "#/" + section + (id ? "/" + encodeURIComponent(id) : "") + query(params || {});
    if (location.hash === target) render(); else location.hash = target;
  }

  async function render() {
    const { section, id, params } = parseHash();
    document.querySelectorAll(".sidebar a[data-section]").forEach((a) => {
      if (a.getAttribute("data-section") === section) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    });
    document.getElementById("nav-endpoints").textContent = capitalize(noun(true));
    const views = {
      deliveries: () => (id ? deliveryView(id) : deliveriesView(params)),
      events: () => (id ? eventView(id) : eventsView(params)),
      endpoints: () => endpointsView(),
      failures: () => failuresView(),
      clock: () => clockView(),
    };
    const make = views[section] || views.deliveries;
    const view = make();
    state.view = view;
    hideError();
    const container = document.getElementById("view");
    container.removeAttribute("data-loaded");
    container.setAttribute("data-profile", state.profile);
    const fresh = h("div", {});
    view.mount(fresh);
    container.replaceChildren(fresh);
    document.title = (fresh.querySelector("h1") ? fresh.querySelector("h1").textContent + " · " : "") + "Hookcheck sandbox";
    try {
      await view.refresh();
    } catch (error) {
      if (state.view === view) showError(error);
    }
    if (state.view === view) container.setAttribute("data-loaded", "true");
  }

  // ---------------------------------------------------------------- live updates

  function setClock(clock) {
    state.clock = clock;
    state.clockFetchedAt = Date.now();
    document.getElementById("clock-now").textContent = iso(clock.now);
    document.getElementById("clock-scale").textContent = clock.scale == null ? "" : clock.scale === 0 ? "stopped" : "×" + clock.scale;
  }

  let polling = false;
  async function liveTick(force) {
    if (polling && !force) return;
    polling = true;
    const dot = document.getElementById("live-dot");
    try {
      const [changes, clock] = await Promise.all([api("GET", "/__admin/changes"), api("GET", "/__admin/clock")]);
      setClock(clock);
      if (!state.online) {
        state.online = true;
        announce("Connected to the sandbox again.");
        hideError();
      }
      dot.className = "clock-dot live";
      dot.parentElement.title = "Live: updates appear by themselves";
      const before = state.changes;
      state.changes = changes;
      if (before && before.cursor !== changes.cursor) {
        const news = [];
        if (changes.deliveries > before.deliveries) news.push(plural(changes.deliveries - before.deliveries, "new delivery", "new deliveries"));
        if (changes.attempts > before.attempts) news.push(plural(changes.attempts - before.attempts, "new attempt", "new attempts"));
        if (news.length) announce(news.join(", ") + ".");
        if (state.view && !document.getElementById("dialog").open) {
          await state.view.refresh().catch(() => {});
        }
      }
    } catch (error) {
      dot.className = "clock-dot down";
      dot.parentElement.title = "Lost contact with the sandbox server";
      if (state.online) {
        state.online = false;
        showError(error);
      }
    } finally {
      polling = false;
    }
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  // ---------------------------------------------------------------- start

  async function loadOrganizations() {
    const list = await api("GET", "/__admin/organizations" + query({ profile: state.profile }));
    state.organizations = list.organizations;
    if (!state.organizations.some((o) => o.id === state.organization)) {
      state.organization = state.organizations.length ? state.organizations[0].id : "";
    }
    const orgSelect = document.getElementById("scope-organization");
    orgSelect.replaceChildren(...state.organizations.map((o) => h("option", { value: o.id, selected: o.id === state.organization }, o.name.replace(/ \(.*\)$/, ""))));
    localStorage.setItem("hookcheck.organization", state.organization);
  }

  /** A link such as http://localhost:8080/#token=… hands the dashboard the admin token; it leaves the address bar at once. */
  function takeTokenFromAddress() {
    const match = /^#token=(.+)$/.exec(location.hash);
    if (!match) return false;
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search + "#/deliveries");
    return true;
  }

  /** The server wants its admin token (it was started with --admin-token): ask once, keep it for this tab. */
  function askForToken(error) {
    const input = h("input", { type: "password", name: "token", autocomplete: "off", required: true, spellcheck: "false" });
    const go = h("button", { type: "submit", class: "primary", id: "admin-token-submit" }, "Open the sandbox");
    const form = h("form", { class: "token-form", id: "admin-token-form" },
      h("div", { class: "form-grid" }, field("admin-token", "Admin token", input,
        "the token the server was started with (--admin-token or HOOKCHECK_ADMIN_TOKEN); kept for this tab only", true)),
      h("div", { class: "form-actions" }, go));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, input.value.trim());
      hideError();
      start();
    });
    document.getElementById("view").replaceChildren(h("div", { class: "empty" },
      h("h2", {}, "This sandbox needs its admin token"),
      h("p", {}, "Its admin API answers only requests that carry the admin token."), form));
    if (sessionStorage.getItem(TOKEN_KEY)) showError(error); // a token was given, and it is not the one
    input.focus();
  }

  async function start() {
    try {
      const profiles = await api("GET", "/__admin/profiles");
      state.profiles = profiles.profiles;
      if (!state.profiles.some((p) => p.name === state.profile)) state.profile = state.profiles[0].name;
      const profileSelect = document.getElementById("scope-profile");
      profileSelect.replaceChildren(...state.profiles.map((p) => h("option", { value: p.name, selected: p.name === state.profile }, p.displayName)));
      profileSelect.addEventListener("change", async () => {
        state.profile = profileSelect.value;
        localStorage.setItem("hookcheck.profile", state.profile);
        await loadOrganizations().catch(showError);
        navigate(parseHash().section, null, {});
      });
      document.getElementById("scope-organization").addEventListener("change", (e) => {
        state.organization = e.target.value;
        localStorage.setItem("hookcheck.organization", state.organization);
        const { section } = parseHash();
        navigate(section, null, {});
      });
      document.getElementById("scope").addEventListener("submit", (e) => e.preventDefault());
      await loadOrganizations();
      await liveTick(true);
    } catch (error) {
      if (error.status === 401) {
        askForToken(error);
        return;
      }
      showError(error);
      document.getElementById("view").replaceChildren(emptyState("The sandbox did not answer", "Start it (./hookcheck serve) and reload this page."));
      return;
    }
    document.querySelector(".skip-link").addEventListener("click", (e) => {
      e.preventDefault();
      document.getElementById("main").focus();
    });
    let shown = parseHash();
    window.addEventListener("hashchange", () => {
      const next = parseHash();
      const moved = next.section !== shown.section || next.id !== shown.id;
      shown = next;
      render();
      if (moved) document.getElementById("main").focus({ preventScroll: true });
    });
    await render();
    window.setInterval(liveTick, POLL_MS);
    window.setInterval(tickRelative, 1000);
  }

  document.addEventListener("DOMContentLoaded", () => {
    takeTokenFromAddress();
    // a token link opened in a tab that shows the dashboard already: take it, then start afresh with it
    window.addEventListener("hashchange", () => {
      if (takeTokenFromAddress()) location.reload();
    });
    start();
  });
})();
