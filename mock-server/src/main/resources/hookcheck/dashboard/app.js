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
  const FINAL = ["delivered", "failed", "exhausted"];
  // The admin token, when the server has one: kept for this tab only, never in the page or its URL.
  const TOKEN_KEY = "hookcheck.adminToken";
  // A preference of this browser, not part of what a link shares
  const TIME_KEY = "hookcheck.time";

  const state = {
    profiles: [],
    organizations: [],
    // the last profile and organization used, for a bare address; a link's own always win
    profile: localStorage.getItem("hookcheck.profile") || "standard",
    organization: localStorage.getItem("hookcheck.organization") || "",
    utc: localStorage.getItem(TIME_KEY) !== "local",
    clock: null,
    clockFetchedAt: 0,
    changes: null,
    view: null,
    events: new Map(),
    online: true,
  };

  // ---------------------------------------------------------------- elements and keyed redraws

  /** Calls the element's current handler for the event: a redraw swaps handlers, never listeners. */
  function dispatch(event) {
    const handler = this._on && this._on[event.type];
    if (handler) return handler.call(this, event);
    return undefined;
  }

  function listen(el, type, handler) {
    if (!el._on) el._on = {};
    if (!el._on[type]) el.addEventListener(type, dispatch);
    el._on[type] = handler;
  }

  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") el.className = value;
      else if (key.startsWith("on")) listen(el, key.slice(2), value);
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

  function keyOf(node) {
    return node.nodeType === 1 ? node.getAttribute("data-key") || node.id || null : null;
  }

  function sameKind(a, b) {
    return a.nodeType === b.nodeType && (a.nodeType !== 1 || a.tagName === b.tagName);
  }

  /**
   * Makes {@code from} look like {@code to} while keeping every element that is still there: matched
   * by data-key (or id) among siblings, else by position and tag. Kept elements keep focus, scroll
   * position, what the user typed and which details they opened or closed; they take the new
   * attributes, text and handlers.
   */
  function morph(from, to) {
    if (from.nodeType === 3) {
      if (from.data !== to.data) from.data = to.data;
      return;
    }
    for (const attr of [...from.attributes]) {
      if (attr.name === "data-touched" || (attr.name === "open" && from.dataset.touched)) continue;
      if (!to.hasAttribute(attr.name)) from.removeAttribute(attr.name);
    }
    for (const attr of [...to.attributes]) {
      if (attr.name === "open" && from.dataset.touched) continue;
      if (from.getAttribute(attr.name) !== attr.value) from.setAttribute(attr.name, attr.value);
    }
    if (to._on) Object.entries(to._on).forEach(([type, handler]) => listen(from, type, handler));
    if (from.tagName === "INPUT" || from.tagName === "TEXTAREA" || from.tagName === "SELECT") {
      if (from.type === "checkbox") from.checked = to.checked;
      else if (from !== document.activeElement && from.tagName !== "SELECT" && from.value !== to.value) from.value = to.value;
    }
    morphChildren(from, [...to.childNodes]);
    if (from.tagName === "SELECT" && from !== document.activeElement) from.value = to.value;
  }

  function morphChildren(parent, next) {
    const keyed = new Map();
    for (const child of parent.childNodes) {
      const key = keyOf(child);
      if (key) keyed.set(key, child);
    }
    let index = 0;
    for (const wanted of next) {
      const key = keyOf(wanted);
      let match = null;
      if (key) {
        match = keyed.get(key) || null;
        keyed.delete(key);
      } else {
        const here = parent.childNodes[index];
        if (here && !keyOf(here) && sameKind(here, wanted)) match = here;
      }
      if (match && sameKind(match, wanted)) morph(match, wanted);
      else match = wanted;
      const here = parent.childNodes[index];
      if (here !== match) parent.insertBefore(match, here || null);
      index++;
    }
    while (parent.childNodes.length > index) parent.lastChild.remove();
  }

  // a details element the user opened or closed stays so through redraws
  document.addEventListener("click", (e) => {
    const summary = e.target.closest && e.target.closest("summary");
    if (summary && summary.parentElement) summary.parentElement.dataset.touched = "true";
  });

  // ---------------------------------------------------------------- the admin API

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

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  // ---------------------------------------------------------------- time

  function serverNow() {
    if (!state.clock) return Date.now();
    const base = Date.parse(state.clock.now);
    const scale = state.clock.scale == null ? 1 : state.clock.scale;
    return base + (Date.now() - state.clockFetchedAt) * scale;
  }

  function pad(n) {
    return String(n).padStart(2, "0");
  }

  /** An instant in UTC ISO form, or in this browser's time zone, as the header's toggle says. */
  function iso(value) {
    if (!value) return "—";
    const d = new Date(value);
    if (state.utc) return d.toISOString().replace(/\.\d+Z$/, "Z");
    const zone = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" }).formatToParts(d).find((p) => p.type === "timeZoneName");
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + pad(d.getHours()) + ":" + pad(d.getMinutes())
      + ":" + pad(d.getSeconds()) + (zone ? " " + zone.value : "");
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

  function stamp(value, cls) {
    return h("time", { class: cls || "iso", datetime: value, "data-time": value }, iso(value));
  }

  function when(value, options) {
    if (!value) return h("span", { class: "muted" }, (options && options.none) || "—");
    return h("span", { class: "when" }, stamp(value), h("span", { class: "cell-sub rel", "data-rel": value }, relative(value)));
  }

  function tickRelative() {
    document.querySelectorAll("[data-rel]").forEach((el) => {
      const text = relative(el.getAttribute("data-rel"));
      if (el.textContent !== text) el.textContent = text;
    });
    if (state.clock) document.getElementById("clock-now").textContent = iso(new Date(serverNow()).toISOString());
  }

  function setTimeMode(utc) {
    state.utc = utc;
    localStorage.setItem(TIME_KEY, utc ? "utc" : "local");
    const toggle = document.getElementById("time-toggle");
    toggle.setAttribute("aria-pressed", String(!utc));
    document.querySelectorAll("[data-time]").forEach((el) => { el.textContent = iso(el.getAttribute("data-time")); });
    tickRelative();
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
      const input = form.querySelector("[name='" + name + "']");
      if (input) {
        input.setAttribute("aria-invalid", "true");
        let note = form.querySelector("#" + input.id + "-error");
        if (!note) {
          note = h("span", { class: "field-error", id: input.id + "-error" });
          input.insertAdjacentElement("afterend", note);
        }
        note.textContent = error.message;
        input.setAttribute("aria-describedby", note.id);
        input.focus();
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

  async function copyText(text, button, what) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      const area = h("textarea", { class: "visually-hidden", "aria-hidden": "true", tabindex: "-1" });
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    if (button) {
      button.dataset.copied = "true";
      button.textContent = "Copied";
    }
    announce(what + " copied to the clipboard.");
  }

  // ---------------------------------------------------------------- dialogs

  /** Tidies up after the dialog that is open (its onClose, its content, focus back to its opener). */
  let dialogCleanup = null;

  function openDialog(title, content, onClose, opener) {
    const returnTo = opener || document.activeElement;
    closeDialog(); // one dialog at a time: the previous one is tidied up now, not when its close event comes
    const dialog = document.getElementById("dialog");
    if (!dialog.dataset.wired) {
      dialog.dataset.wired = "true";
      // Escape closes the dialog natively; the event comes later, when another dialog may be open already
      dialog.addEventListener("close", () => {
        if (!dialog.open && dialogCleanup) dialogCleanup();
      });
    }
    const body = document.getElementById("dialog-body");
    body.replaceChildren(h("div", { class: "dialog-inner" }, h("h2", { id: "dialog-title" }, title), content));
    dialogCleanup = () => {
      dialogCleanup = null;
      if (onClose) onClose();
      body.replaceChildren();
      // back to what opened it; if a redraw took that away, to the main region, never to nowhere
      if (returnTo && returnTo.isConnected && returnTo !== document.body) returnTo.focus();
      else document.getElementById("main").focus();
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

  /** The one place a secret is ever shown: right after it was made (or set). */
  function showSecret(endpoint, what, opener, extra) {
    const input = h("input", { id: "secret-value", type: "text", readonly: true, value: endpoint.secret, "aria-describedby": "secret-note",
      spellcheck: "false", autocomplete: "off" });
    const copy = h("button", { type: "button", class: "primary", id: "secret-copy",
      onclick: (e) => copyText(input.value, e.currentTarget, "The secret") }, "Copy");
    openDialog(what, h("div", {},
      h("p", { id: "secret-note", class: "warning-text" },
        "Copy it now: the dashboard shows a secret only once. Your receiver verifies " + endpoint.url + " deliveries with it."),
      h("div", { class: "secret-box" }, h("label", { for: "secret-value", class: "visually-hidden" }, "Signing secret"), input, copy),
      extra || null,
      h("div", { class: "form-actions" }, h("button", { type: "button", onclick: closeDialog }, "Done"))),
    () => { input.value = ""; }, opener);
  }

  function confirmDialog(title, text, confirmLabel, action, opener) {
    openDialog(title, h("div", {}, h("p", {}, text),
      h("div", { class: "form-actions" },
        h("button", { type: "button", class: "primary danger-confirm", onclick: async () => { closeDialog(); await act(null, action); } }, confirmLabel),
        h("button", { type: "button", onclick: closeDialog }, "Cancel"))), null, opener);
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
    return h("nav", { class: "pager", "aria-label": "Pages" },
      h("span", {}, (total ? offset + 1 : 0) + "–" + Math.min(total, offset + PAGE_SIZE) + " of " + total),
      h("span", { class: "actions" },
        h("button", { type: "button", class: "small", "data-key": "page-prev", disabled: offset === 0, onclick: () => go(Math.max(0, offset - PAGE_SIZE)) }, "Previous"),
        h("button", { type: "button", class: "small", "data-key": "page-next", disabled: offset + PAGE_SIZE >= total, onclick: () => go(offset + PAGE_SIZE) }, "Next")));
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

  /** Replaces a select's options (keeping its value when it is still among them). */
  function fillSelect(el, options, selected) {
    const value = selected !== undefined ? selected : el.value;
    morphChildren(el, options.map(([v, text]) => h("option", { value: v, "data-key": "opt-" + v }, text)));
    el.value = options.some(([v]) => v === value) ? value : options.length ? options[0][0] : "";
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

  /** How an endpoint is told apart: its name when it has one, its whole URL always (ports matter). */
  function endpointLabel(endpoint) {
    return endpoint.name ? endpoint.name + " · " + endpoint.url : endpoint.url;
  }

  function endpointCell(endpoint, id) {
    if (!endpoint) return h("span", { class: "muted" }, "deleted " + id);
    return h("span", { class: "endpoint-cell" }, endpoint.name ? h("span", { class: "cell-main" }, endpoint.name) : null,
      h("span", { class: "mono url" + (endpoint.name ? " cell-sub" : "") }, endpoint.url));
  }

  function attemptsText(d) {
    const scheduled = d.scheduledAttempts != null ? d.scheduledAttempts : d.attempts;
    return scheduled + " / " + (d.maxAttempts || profileInfo(d.profile).maxAttempts) + (d.manualAttempts ? " · " + d.manualAttempts + " by hand" : "");
  }

  function deliveryTable(deliveries, events, endpoints, caption, refresh) {
    return h("div", { class: "table-wrap" }, h("table", { class: "deliveries stack" },
      h("caption", { class: "visually-hidden" }, caption),
      h("thead", {}, h("tr", {},
        ["Delivery", "Status", capitalize(noun(false)), "Attempts", "Answer", "Next attempt", "Created", "Action"]
          .map((t, i) => h("th", { scope: "col", class: i === 3 ? "num" : null }, t)))),
      h("tbody", {}, deliveries.map((d) => {
        const event = events.get(d.eventId);
        const endpoint = endpoints.get(d.endpointId);
        const retryable = FINAL.includes(d.status) && d.status !== "delivered" && endpoint && endpoint.enabled;
        return h("tr", { "data-delivery": d.id, "data-key": "row-" + d.id },
          h("th", { scope: "row", "data-label": "Delivery" }, h("a", { class: "row-link cell-main", href: href("deliveries", d.id), "data-key": "delivery-" + d.id },
            event ? event.type : "event " + d.eventId),
            h("span", { class: "cell-sub mono id-short", title: d.id }, d.id)),
          h("td", { "data-label": "Status" }, statusBadge(d.status, d.profile)),
          h("td", { "data-label": capitalize(noun(false)) }, endpointCell(endpoint, d.endpointId)),
          h("td", { class: "num", "data-label": "Attempts" }, attemptsText(d)),
          h("td", { class: "nowrap", "data-label": "Answer" }, d.responseStatus != null ? h("span", { class: "mono" }, "HTTP " + d.responseStatus)
            : h("span", { class: "muted" }, d.attempts ? "no answer" : "—")),
          h("td", { "data-label": "Next attempt" }, d.nextAttemptAt && !FINAL.includes(d.status) ? when(d.nextAttemptAt) : h("span", { class: "muted" }, "—")),
          h("td", { "data-label": "Created" }, when(d.createdAt)),
          h("td", { "data-label": "Action" }, retryable ? h("button", { type: "button", class: "small", "data-key": "retry-" + d.id,
            "aria-label": "Retry " + (event ? event.type : "") + " delivery " + d.id,
            onclick: (e) => act(e.currentTarget, async () => {
              await api("POST", "/__admin/deliveries/" + encodeURIComponent(d.id) + "/retry");
              announce("An extra attempt of " + d.id + " was started.");
              if (refresh) await refresh();
            }) }, "Retry") : null));
      }))));
  }

  // ---------------------------------------------------------------- views
  // A view has mount(container) for what stays (forms, filters) and refresh() for its data, which
  // live updates call again; refresh redraws in place (keyed), so what did not change stays.

  function refreshInto(region, build) {
    return async () => {
      const content = await build();
      morphChildren(region, [content]);
    };
  }

  function pageHead(title, text, extra) {
    return h("div", { class: "page-head" }, h("div", {}, h("h1", {}, title), text ? h("p", {}, text) : null), extra || null);
  }

  function crumbs(section, label, id) {
    return h("nav", { class: "crumbs", "aria-label": "Breadcrumb" },
      h("a", { href: href(section) }, label), h("span", { "aria-hidden": "true" }, " / "), h("span", { class: "mono", "aria-current": "page" }, id));
  }

  function fact(label, value) {
    return h("div", {}, h("dt", {}, label), h("dd", {}, value));
  }

  // deliveries list
  function deliveriesView(params) {
    const region = h("div", { class: "card flush" });
    const offset = Number(params.offset || 0);
    const statusOptions = [["", "Any status"]].concat(["pending", "in_progress", "retrying", "delivered", "failed", "exhausted"].map((s) => {
      const words = profileInfo().statusWords;
      return [s, words && words[s].toLowerCase().replace(/ /g, "_") !== s ? words[s] + " (" + s.replace(/_/g, " ") + ")" : (words ? words[s] : humanize(s))];
    }));
    const search = h("input", { name: "q", type: "search", value: params.q || "", autocomplete: "off", placeholder: "id, event type or body text" });
    const statusSelect = select("status", statusOptions, params.status || "");
    const endpointSelect = select("endpointId", [["", "Any " + noun(false)]], params.endpointId || "");
    const apply = () => navigate("deliveries", null, { q: search.value.trim(), status: statusSelect.value, endpointId: endpointSelect.value });
    const retryAll = h("button", { type: "button", id: "retry-failed", onclick: (e) => act(e.currentTarget, async () => {
      const done = await api("POST", "/__admin/deliveries/retry-failed", { profile: state.profile, organizationId: state.organization,
        endpointId: endpointSelect.value || undefined });
      announce(done.total ? plural(done.total, "failed delivery was", "failed deliveries were") + " sent again." : "No failed delivery to retry here.");
      await refresh();
    }) }, "Retry all failed");
    const filters = h("form", { class: "card", "aria-label": "Search and filter deliveries", id: "delivery-filters",
      onsubmit: (e) => { e.preventDefault(); apply(); } },
    h("div", { class: "toolbar" },
      field("deliveries-q", "Search", search, null),
      field("deliveries-status", "Status", statusSelect),
      field("deliveries-endpoint", capitalize(noun(false)), endpointSelect),
      h("div", { class: "toolbar-actions" }, h("button", { type: "submit", class: "primary", id: "deliveries-search" }, "Search"), retryAll)));
    listen(statusSelect, "change", apply);
    listen(endpointSelect, "change", apply);

    const refresh = refreshInto(region, async () => {
      const [list, endpoints] = await Promise.all([
        api("GET", "/__admin/deliveries" + query({ profile: state.profile, organizationId: state.organization, status: params.status,
          endpointId: params.endpointId, q: params.q, limit: PAGE_SIZE, offset })),
        endpointsOfProfile(state.profile),
      ]);
      fillSelect(endpointSelect, [["", "Any " + noun(false)]].concat([...endpoints.values()]
        .filter((e) => e.organizationId === state.organization).map((e) => [e.id, endpointLabel(e)])), params.endpointId || "");
      const events = await eventsById(list.deliveries.map((d) => d.eventId));
      if (!list.deliveries.length) {
        const filtered = params.status || params.endpointId || params.q;
        return filtered
          ? emptyState("No deliveries match", "Change the search, status or " + noun(false) + " above, or send an event from Events.")
          : emptyState("No deliveries yet", "Register a receiver with " + capitalize(noun(true)) + " (for example http://localhost:3000/webhooks), then send an event from Events; its deliveries appear here as they happen.",
            "curl -X POST " + location.origin + "/__admin/endpoints -H 'Content-Type: application/json' \\\n  -d '{\"profile\":\"" + state.profile + "\",\"url\":\"http://localhost:3000/webhooks\"}'");
      }
      return h("div", {},
        h("div", { class: "card-head" }, h("h2", {}, list.total + " deliver" + (list.total === 1 ? "y" : "ies")),
          h("span", { class: "muted" }, "newest first")),
        deliveryTable(list.deliveries, events, endpoints, "Deliveries of " + profileInfo().displayName, refresh),
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
    let seen = null; // attempt ids shown so far: a new one is brought into view
    const refresh = refreshInto(region, async () => {
      const [delivery, attempts] = await Promise.all([
        api("GET", "/__admin/deliveries/" + encodeURIComponent(id)),
        api("GET", "/__admin/deliveries/" + encodeURIComponent(id) + "/attempts"),
      ]);
      adoptScope(delivery.profile, delivery.organizationId);
      const events = await eventsById([delivery.eventId]);
      const event = events.get(delivery.eventId);
      let endpoint = null;
      try { endpoint = await api("GET", "/__admin/endpoints/" + encodeURIComponent(delivery.endpointId)); } catch (e) { endpoint = null; }
      const info = profileInfo(delivery.profile);
      const final = FINAL.includes(delivery.status);
      const reachable = endpoint && endpoint.enabled;
      const inFlight = delivery.status === "in_progress";

      const retry = h("button", { type: "button", class: "primary", id: "retry-now", disabled: !reachable || inFlight,
        "aria-describedby": "retry-note", onclick: (e) => act(e.currentTarget, async () => {
          await api("POST", "/__admin/deliveries/" + encodeURIComponent(id) + "/retry");
          announce("An extra attempt of " + id + " was started; the newest attempt is shown first.");
          await refresh();
        }) }, "Retry now");
      const next = delivery.status === "retrying" && delivery.nextAttemptAt
        ? h("button", { type: "button", id: "deliver-next", disabled: !reachable, "aria-describedby": "retry-note",
          onclick: (e) => act(e.currentTarget, async () => {
            await api("POST", "/__admin/deliveries/" + encodeURIComponent(id) + "/deliver-next");
            announce("The next scheduled attempt of " + id + " was started now.");
            await refresh();
          }) }, "Deliver next attempt now")
        : null;
      const note = !endpoint ? "Its " + noun(false, delivery.profile) + " was deleted: nothing can be sent any more."
        : !endpoint.enabled ? "Its " + noun(false, delivery.profile) + " is disabled: enable it on the " + capitalize(noun(true, delivery.profile)) + " page to send to it."
          : inFlight ? "An attempt is in flight; retry once it is answered."
            : "Retry now sends one extra attempt at once, beside the schedule" + (next ? "; Deliver next attempt now makes the scheduled one early" : "")
              + ". Only this delivery is touched: the clock and other deliveries stay as they are.";

      const summary = h("section", { class: "card", "aria-labelledby": "delivery-summary" },
        h("div", { class: "page-head" },
          h("div", {}, h("h2", { id: "delivery-summary" }, "Summary")),
          h("div", { class: "actions" }, retry, next)),
        h("p", { class: "hint", id: "retry-note" }, note),
        h("dl", { class: "facts" },
          fact("Status", statusBadge(delivery.status, delivery.profile, true)),
          fact("Event", event ? h("span", {}, h("span", { class: "cell-main" }, event.type), " ", h("a", { class: "mono", href: href("events", event.id) }, event.id)) : delivery.eventId),
          fact(capitalize(noun(false, delivery.profile)), endpointCell(endpoint, delivery.endpointId)),
          fact("Attempts", h("span", { id: "attempt-count" }, delivery.scheduledAttempts + " of at most " + delivery.maxAttempts + " scheduled"
            + (delivery.manualAttempts ? ", " + delivery.manualAttempts + " by hand" : ""))),
          fact("Created", when(delivery.createdAt)),
          fact("Next attempt", final ? h("span", { class: "muted" }, "none, " + (delivery.status === "delivered" ? "delivered" : "finished")) : when(delivery.nextAttemptAt, { none: "none scheduled" })),
          delivery.deliveredAt ? fact("Delivered", when(delivery.deliveredAt)) : null,
          delivery.failureReason ? fact("Failure reason", h("span", { class: "mono" }, delivery.failureReason)) : null));

      const list = attempts.attempts.slice().reverse(); // newest first: the one that matters is in view
      const newest = list.length ? list[0].id : null;
      const items = [];
      if (!final && delivery.nextAttemptAt) {
        items.push(h("li", { class: "next-attempt", "data-key": "next-attempt" }, h("span", { class: "marker next", "aria-hidden": "true" }),
          h("div", { class: "attempt-head" }, h("h3", {}, "Next attempt scheduled"), when(delivery.nextAttemptAt))));
      } else if (final && delivery.status !== "delivered") {
        items.push(h("li", { "data-key": "no-more" }, h("span", { class: "marker bad", "aria-hidden": "true" }),
          h("div", { class: "attempt-head" }, h("h3", {}, "No more scheduled attempts"),
            h("span", { class: "muted" }, delivery.failureReason ? "reason: " + delivery.failureReason : ""))));
      }
      list.forEach((a) => items.push(attemptItem(a, info, a.id === newest, endpoint)));
      const fresh = seen ? list.filter((a) => !seen.has(a.id)).map((a) => a.id) : [];
      seen = new Set(list.map((a) => a.id));
      if (fresh.length) {
        window.setTimeout(() => {
          const li = region.querySelector("[data-attempt-id='" + CSS.escape(fresh[0]) + "']");
          if (li) li.scrollIntoView({ block: "nearest" });
        }, 0);
      }
      const timeline = h("section", { class: "card", "aria-labelledby": "timeline-title" },
        h("h2", { id: "timeline-title" }, "Attempts, newest first"),
        items.length ? h("ol", { class: "timeline", id: "timeline", reversed: true }, items)
          : h("p", { class: "muted" }, "No attempt yet: the first one is due " + (relative(delivery.nextAttemptAt) || "soon") + "."));
      return h("div", {}, summary, timeline);
    });
    return {
      mount(container) {
        container.append(crumbs("deliveries", "Deliveries", id), pageHead("Delivery " + id, null), region);
      },
      refresh,
    };
  }

  /** The path and query of an URL, as the request line carries them. */
  function target(url) {
    try {
      const u = new URL(url);
      return u.pathname + u.search;
    } catch (e) {
      return "/";
    }
  }

  function shellQuote(text) {
    return "'" + String(text).replace(/'/g, "'\\''") + "'";
  }

  /**
   * A curl command that sends the attempt's exact request again: the same URL, every header as sent
   * (Host, Content-Length and User-Agent included), none of curl's own (Accept, Expect), HTTP/1.1,
   * the body byte for byte. A signature that carries a timestamp is as old as the attempt.
   */
  function curlOf(a, url) {
    const lines = ["curl --http1.1 -sS -X POST " + shellQuote(url)];
    Object.entries(a.request.headers).forEach(([name, value]) => lines.push("-H " + shellQuote(name + ": " + value)));
    ["Accept", "Expect"].filter((n) => !Object.keys(a.request.headers).some((k) => k.toLowerCase() === n.toLowerCase()))
      .forEach((n) => lines.push("-H " + shellQuote(n + ":")));
    lines.push("--data-binary " + shellQuote(a.request.body));
    return lines.join(" \\\n  ");
  }

  function headersText(headers) {
    return Object.entries(headers).map(([k, v]) => k + ": " + v).join("\n");
  }

  function pretty(body) {
    try {
      return JSON.stringify(JSON.parse(body), null, 2);
    } catch (e) {
      return null;
    }
  }

  /** Bodies shown indented rather than raw, by key: kept across redraws. */
  const indentedBodies = new Set();

  /** A body shown exactly as it was (raw), or indented when it is JSON; the toggle says which. */
  function bodyBlock(body, cls, label, key) {
    const indented = pretty(body);
    const on = indentedBodies.has(key);
    const raw = h("pre", { class: "body " + cls, tabindex: "0", "aria-label": label, "data-key": key + "-raw", hidden: on }, body);
    if (indented === null || indented === body) return raw;
    const nice = h("pre", { class: "body " + cls + "-pretty", tabindex: "0", "aria-label": label + ", indented", hidden: !on, "data-key": key + "-pretty" }, indented);
    const toggle = h("button", { type: "button", class: "small ghost", "aria-pressed": String(on), "data-key": key + "-toggle",
      onclick: (e) => {
        const now = !indentedBodies.has(key);
        if (now) indentedBodies.add(key); else indentedBodies.delete(key);
        const block = e.currentTarget.closest(".body-block");
        e.currentTarget.setAttribute("aria-pressed", String(now));
        block.querySelector("[data-key='" + key + "-raw']").hidden = now;
        block.querySelector("[data-key='" + key + "-pretty']").hidden = !now;
      } }, "Indent JSON");
    return h("div", { class: "body-block", "data-key": key }, h("div", { class: "body-tools" }, toggle), raw, nice);
  }

  function headerTable(headers, cls, caption, signatureHeader) {
    return h("table", { class: "headers " + cls }, h("caption", { class: "visually-hidden" }, caption),
      h("tbody", {}, Object.entries(headers).map(([name, value]) => {
        const signature = signatureHeader && name.toLowerCase() === signatureHeader;
        return h("tr", { class: signature ? "signature" : null, "data-header": name.toLowerCase(), "data-key": "h-" + name.toLowerCase() },
          h("th", { scope: "row" }, name), h("td", {}, h("span", { class: "header-value" }, value),
            signature ? h("span", { class: "sig-label" }, "signature") : null));
      })));
  }

  function attemptItem(a, info, newest, endpoint) {
    const copy = a.copyOf ? " (copy " + a.copy + ")" : "";
    const answered = a.response != null;
    const tone = a.succeeded ? "ok" : a.injected ? "warn" : "bad";
    const outcome = a.succeeded ? h("span", { class: "badge ok" }, "HTTP " + a.response.status + " · accepted")
      : answered ? h("span", { class: "badge bad" }, "HTTP " + a.response.status + " · counted as failed")
        : h("span", { class: "badge bad" }, "No answer: " + (a.error || "unknown"));
    const manual = a.trigger === "manual"
      ? h("span", { class: "tag manual", title: a.scheduled ? "the scheduled attempt, made early by hand" : "an extra attempt by hand, beside the schedule" },
        a.scheduled ? "manual · made early" : "manual · extra")
      : null;
    const url = a.request.url || (endpoint ? endpoint.url : "http://" + (a.request.headers.Host || "localhost") + "/");
    const line = "POST " + target(url) + " HTTP/1.1";
    const name = "attempt " + a.number + copy;
    const tools = h("div", { class: "actions exchange-tools" },
      h("button", { type: "button", class: "small", "data-key": "curl-" + a.id, onclick: (e) => showCurl(a, url, e.currentTarget) }, "Copy as curl"),
      h("button", { type: "button", class: "small", "data-key": "copy-headers-" + a.id,
        onclick: (e) => copyText(line + "\n" + headersText(a.request.headers), e.currentTarget, "The request line and headers") }, "Copy headers"),
      h("button", { type: "button", class: "small", "data-key": "copy-body-" + a.id,
        onclick: (e) => copyText(a.request.body, e.currentTarget, "The request body") }, "Copy body"));
    const request = h("section", { class: "exchange", "aria-label": "Request of " + name, "data-key": "request-" + a.id },
      h("div", { class: "exchange-head" }, h("h4", {}, "Request, exactly as sent"), tools),
      h("pre", { class: "request-line", "aria-label": "Request line of " + name }, line),
      headerTable(a.request.headers, "request-headers", "Request headers of " + name, info.signatureHeader.toLowerCase()),
      bodyBlock(a.request.body, "request-body", "Request body of " + name, "req-body-" + a.id));
    const response = answered
      ? h("section", { class: "exchange", "aria-label": "Response to " + name, "data-key": "response-" + a.id },
        h("div", { class: "exchange-head" }, h("h4", {}, "Response · HTTP " + a.response.status)),
        Object.keys(a.response.headers).length ? headerTable(a.response.headers, "response-headers", "Response headers of " + name, null)
          : h("p", { class: "muted" }, "No headers."),
        a.response.body ? bodyBlock(a.response.body, "response-body", "Response body of " + name, "res-body-" + a.id)
          : h("p", { class: "muted" }, "Empty body."))
      : h("p", { class: "muted", "data-key": "response-" + a.id }, "No response: " + describeError(a.error) + ".");
    return h("li", { "data-attempt": a.number, "data-attempt-id": a.id, "data-key": "attempt-" + a.id },
      h("span", { class: "marker " + tone, "aria-hidden": "true" }),
      h("details", { class: "attempt", "data-key": "details-" + a.id, open: newest },
        h("summary", {}, h("span", { class: "attempt-head" }, h("span", { class: "attempt-title" }, "Attempt " + a.number + copy), outcome, manual,
          a.injected ? h("span", { class: "tag injected", title: "failure injected on purpose" }, "injected: " + a.injected) : null,
          h("span", { class: "attempt-when" }, stamp(a.sentAt), " ", h("span", { class: "rel", "data-rel": a.sentAt }, relative(a.sentAt))))),
        h("div", { class: "attempt-body" },
          h("div", { class: "attempt-meta" },
            h("span", {}, "latency " + a.latencyMillis + " ms"),
            a.nextAttemptAt ? h("span", {}, "retry due ", stamp(a.nextAttemptAt)) : null,
            a.trigger === "manual" ? h("span", {}, a.scheduled ? "made early by hand; it counts as this attempt of the schedule"
              : "made by hand beside the schedule; not counted against it") : null),
          request, response)));
  }

  function showCurl(a, url, opener) {
    const command = curlOf(a, url);
    const copy = h("button", { type: "button", class: "primary", id: "curl-copy", onclick: (e) => copyText(command, e.currentTarget, "The curl command") }, "Copy");
    openDialog("The request as curl", h("div", {},
      h("p", {}, "Sends attempt " + a.number + "'s exact request again: every header as sent, the same body. "
        + "Receivers that check a signature's age refuse it once it is older than their tolerance."),
      h("pre", { class: "body curl", id: "curl-command", tabindex: "0", "aria-label": "curl command" }, command),
      h("div", { class: "form-actions" }, copy, h("button", { type: "button", onclick: closeDialog }, "Done"))), null, opener);
    copyText(command, null, "The curl command");
  }

  function describeError(code) {
    return { refused: "the connection was refused", reset: "the connection was reset before an answer", timeout: "no answer before the timeout",
      tls: "the TLS handshake failed", dropped: "dropped on purpose, never sent" }[code] || (code || "unknown error");
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
    const target = select("endpointId", [["", "Every " + noun(false) + " that takes it"]], "");
    const triggerResource = h("input", { name: "resourceId", type: "text", placeholder: "generated", autocomplete: "off" });
    const payload = h("textarea", { name: "data", rows: "10", spellcheck: "false", autocomplete: "off", class: "mono" });
    const notice = h("div", { role: "status", id: "send-notice" });
    const send = h("button", { type: "submit", class: "primary", id: "send-event" }, "Send event");
    const lifecycle = h("button", { type: "button", id: "run-lifecycle" }, "Run a whole lifecycle");
    let edited = false;
    const loadExample = async () => {
      const example = await api("GET", "/__admin/events/example" + query({ profile: state.profile, type: triggerType.value }));
      payload.value = JSON.stringify(example.data, null, 2);
      edited = false;
    };
    listen(payload, "input", () => { edited = true; });
    listen(triggerType, "change", () => { if (!edited) loadExample().catch(showError); });
    const reset = h("button", { type: "button", class: "small", id: "payload-reset", onclick: (e) => act(e.currentTarget, loadExample) }, "Reset to the example");
    const trigger = h("form", { class: "card", "aria-labelledby": "trigger-title", id: "trigger-form" },
      h("h2", { id: "trigger-title" }, "Send an event"),
      h("div", { class: "form-grid" },
        field("trigger-type", "Event", triggerType),
        field("trigger-target", "Send to", target),
        field("trigger-resource", "Resource id (optional)", triggerResource),
        h("div", { class: "field full" }, h("label", { for: "trigger-data" }, "Data (JSON)"), payload,
          h("span", { class: "hint", id: "trigger-data-hint" }, "The catalog's realistic example for this event; edit it as you like."), h("div", {}, reset))),
      h("div", { class: "form-actions" }, send, lifecycle),
      h("p", { class: "hint below" }, "An event fans out at once to every enabled " + noun(false) + " of the organization that takes it, or to the one you pick; "
        + "a lifecycle is a realistic series of events, each at its own instant."),
      notice);
    payload.id = "trigger-data";
    payload.setAttribute("aria-describedby", "trigger-data-hint");
    listen(trigger, "submit", (e) => {
      e.preventDefault();
      act(send, async () => {
        let data;
        try {
          data = payload.value.trim() ? JSON.parse(payload.value) : {};
        } catch (parse) {
          throw new ApiError("The data is not JSON: " + parse.message + ".", 400, "/data");
        }
        const event = await api("POST", "/__admin/events", { profile: state.profile, organizationId: state.organization,
          type: triggerType.value, resourceId: triggerResource.value || undefined, endpointId: target.value || undefined, data });
        state.events.set(event.id, event);
        const detail = await api("GET", "/__admin/events/" + encodeURIComponent(event.id));
        const links = detail.deliveries.map((d) => h("a", { href: href("deliveries", d.id), class: "mono delivery-link" }, d.id));
        morphChildren(notice, [h("p", { class: "notice" }, "Sent " + event.type + " as ", h("a", { href: href("events", event.id), class: "mono event-link" }, event.id),
          links.length ? [": " + plural(links.length, "delivery", "deliveries") + " ", links.flatMap((l, i) => (i ? [", ", l] : [l]))]
            : ": no " + noun(false) + " takes it.")]);
        announce("Sent " + event.type + ".");
        await liveTick(true);
      }, trigger);
    });
    lifecycle.addEventListener("click", () => act(lifecycle, async () => {
      const planned = await api("POST", "/__admin/lifecycles", { profile: state.profile, organizationId: state.organization });
      const last = planned.steps[planned.steps.length - 1];
      morphChildren(notice, [h("p", { class: "notice" }, "Planned a lifecycle of " + planned.steps.length + " events (" +
        planned.steps.map((s) => s.type).join(" → ") + "). The first is sent now, the last " + relative(last.at) +
        ": speed the clock up or advance it on the Clock page.")]);
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

    let exampleLoaded = false;
    const refresh = refreshInto(region, async () => {
      if (!exampleLoaded) {
        exampleLoaded = true;
        await loadExample().catch(() => { exampleLoaded = false; });
      }
      const endpoints = await api("GET", "/__admin/endpoints" + query({ profile: state.profile, organizationId: state.organization }));
      fillSelect(target, [["", "Every " + noun(false) + " that takes it"]].concat(endpoints.endpoints.filter((e) => e.enabled)
        .map((e) => [e.id, endpointLabel(e)])));
      let list;
      try {
        list = await api("GET", "/__admin/events" + query({ profile: state.profile, organizationId: state.organization, type: params.type,
          resourceType: params.resourceType, resourceId: params.resourceId, createdAfter: params.createdAfter,
          createdBefore: params.createdBefore, limit: PAGE_SIZE, offset }));
      } catch (error) {
        if (error.status !== 400) throw error; // the server is down, or refused for another reason: not the filters' fault
        failed(error, filters);
        return emptyState("These filters do not work", error.message);
      }
      list.events.forEach((e) => state.events.set(e.id, e));
      if (!list.events.length) {
        return Object.keys(params).some((k) => k !== "offset" && k !== "profile" && k !== "org" && params[k])
          ? emptyState("No events match these filters", "Widen the filters or clear them.")
          : emptyState("No events yet", "Send one with the form above, or run a whole lifecycle.");
      }
      return h("div", {},
        h("div", { class: "card-head" }, h("h2", {}, list.total + " event" + (list.total === 1 ? "" : "s")), h("span", { class: "muted" }, "newest first")),
        h("div", { class: "table-wrap" }, h("table", { class: "events stack" },
          h("caption", { class: "visually-hidden" }, "Events of " + info.displayName),
          h("thead", {}, h("tr", {}, ["Event id", "Event", "Resource", "Created"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, list.events.map((e) => h("tr", { "data-event": e.id, "data-key": "row-" + e.id },
            h("th", { scope: "row", "data-label": "Event id" }, h("a", { class: "row-link", href: href("events", e.id), "data-key": "event-" + e.id }, e.id)),
            h("td", { "data-label": "Event" }, h("span", { class: "cell-main" }, e.type)),
            h("td", { "data-label": "Resource" }, h("span", {}, e.resourceType), h("span", { class: "cell-sub mono" }, e.resourceId)),
            h("td", { "data-label": "Created" }, when(e.createdAt))))))),
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
      adoptScope(event.profile, event.organizationId);
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
          deliveries.length ? deliveryTable(deliveries.slice().reverse(), state.events, endpoints, "Deliveries of event " + id, refresh)
            : emptyState("Not delivered anywhere", "No enabled " + noun(false, event.profile) + " of the organization took this event when it happened. Register one with " + capitalize(noun(true, event.profile)) + ", then send another event.")),
        h("section", { class: "card", "aria-labelledby": "event-data" }, h("h2", { id: "event-data" }, "Data"),
          bodyBlock(JSON.stringify(event.data), "event-body", "Data of event " + id, "event-data-" + id)));
    });
    return {
      mount(container) {
        container.append(crumbs("events", "Events", id), pageHead("Event " + id, null), region);
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
    const secret = h("input", { name: "secret", type: "text", autocomplete: "off", spellcheck: "false", class: "mono" });
    const add = h("button", { type: "submit", class: "primary", id: "add-endpoint" }, "Add " + one);
    const form = h("form", { class: "card", "aria-labelledby": "add-title", id: "endpoint-form" },
      h("h2", { id: "add-title" }, "Register a receiver"),
      h("div", { class: "form-grid" },
        field("endpoint-url", "URL", url, "where the sandbox POSTs signed " + info.displayName + " webhooks", true),
        field("endpoint-name", "Name", name, "optional; tells local receivers apart"),
        field("endpoint-events", "Events", events, "* for all, or names separated by commas"),
        field("endpoint-secret", "Signing secret", secret, "optional: your receiver's own; empty: the sandbox makes one", true)),
      h("div", { class: "form-actions" }, add, h("span", { class: "hint" }, "Its signing secret is shown once, right after.")));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      act(add, async () => {
        const created = await api("POST", "/__admin/endpoints", { profile: state.profile, organizationId: state.organization,
          url: url.value.trim(), events: splitEvents(events.value), name: name.value.trim() || undefined, secret: secret.value.trim() || undefined });
        url.value = ""; name.value = ""; secret.value = "";
        // the secret first: it is shown only once and must not depend on the list redrawing
        showSecret(created, "Your new " + one + "'s signing secret", add);
        refresh().catch(() => {});
      }, form);
    });

    const refresh = refreshInto(region, async () => {
      const [list, health] = await Promise.all([
        api("GET", "/__admin/endpoints" + query({ profile: state.profile, organizationId: state.organization })),
        api("GET", "/__admin/endpoints/health" + query({ profile: state.profile, organizationId: state.organization })),
      ]);
      const healthOf = new Map(health.endpoints.map((x) => [x.endpointId, x]));
      if (!list.endpoints.length) {
        return emptyState("No " + noun(true) + " yet", "Register a receiver with the form above (for example http://localhost:3000/webhooks) or with curl; every event of this organization is then delivered to it, signed.",
          "curl -X POST " + location.origin + "/__admin/endpoints -H 'Content-Type: application/json' \\\n  -d '{\"profile\":\"" + state.profile + "\",\"url\":\"http://localhost:3000/webhooks\"}'");
      }
      return h("div", {},
        h("div", { class: "card-head" }, h("h2", {}, list.endpoints.length + " " + (list.endpoints.length === 1 ? one : noun(true)))),
        h("div", { class: "table-wrap" }, h("table", { class: "endpoints stack" },
          h("caption", { class: "visually-hidden" }, capitalize(noun(true)) + " of this organization"),
          h("thead", {}, h("tr", {}, [capitalize(one), "Events", "Health", "Enabled", "Actions"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, list.endpoints.map((e) => endpointRow(e, healthOf.get(e.id), refresh))))));
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

  function healthCell(x) {
    if (!x || !x.attempts) return h("span", { class: "muted" }, "no attempts yet");
    const rate = Math.round(x.successRate * 100);
    const failure = x.lastFailure;
    return h("span", { class: "health" },
      h("span", { class: "badge plain " + (rate >= 95 ? "ok" : rate >= 50 ? "warn" : "bad") }, rate + " % succeeded"),
      h("span", { class: "cell-sub" }, plural(x.attempts, "attempt", "attempts")),
      failure ? h("span", { class: "cell-sub" }, "last failure: ", h("a", { href: href("deliveries", failure.deliveryId) },
        failure.status != null ? "HTTP " + failure.status : describeError(failure.error)), " ", h("span", { "data-rel": failure.at }, relative(failure.at))) : null);
  }

  // the provider's endpoint verification handshake (Slack, Zoom, Twitch…), where the profile has one
  function verificationCell(e, refresh) {
    const v = e.verification;
    if (!v) return null;
    return h("span", { class: "cell-sub" },
      h("span", { class: "badge plain " + (v.verified ? "ok" : "bad") }, v.verified ? v.handshake + " passed" : v.handshake + " failed"),
      v.verified ? null : " " + v.detail + " ",
      h("button", { type: "button", class: "small", "data-key": "verify-" + e.id, "aria-label": "Send " + v.handshake + " again to " + (e.name || e.url),
        onclick: (ev) => act(ev.currentTarget, async () => {
          const answer = await api("POST", "/__admin/endpoints/" + e.id + "/verify");
          announce(answer.verification.verified ? v.handshake + " passed." : v.handshake + " failed: " + answer.verification.detail);
          await refresh();
        }) }, "Verify again"));
  }

  function endpointRow(e, health, refresh) {
    const label = e.name || e.url;
    const toggle = h("input", { type: "checkbox", role: "switch", checked: e.enabled, id: "enabled-" + e.id,
      onchange: (ev) => {
        const box = ev.currentTarget;
        act(box, async () => {
          await api("PATCH", "/__admin/endpoints/" + e.id, { enabled: box.checked });
          announce(label + (box.checked ? " enabled." : " disabled; its pending retries were cancelled."));
          await refresh();
        });
      } });
    return h("tr", { "data-endpoint": e.id, "data-key": "row-" + e.id },
      h("th", { scope: "row", "data-label": capitalize(noun(false, e.profile)) }, e.name ? h("span", { class: "cell-main" }, e.name) : null,
        h("span", { class: e.name ? "cell-sub mono url" : "mono url" }, e.url), h("span", { class: "cell-sub mono" }, e.id)),
      h("td", { "data-label": "Events" }, e.events.map((n) => h("span", { class: "tag" }, n === "*" ? "all events" : n))),
      h("td", { "data-label": "Health" }, healthCell(health), verificationCell(e, refresh)),
      h("td", { "data-label": "Enabled" }, h("label", { class: "switch", for: "enabled-" + e.id }, toggle,
        h("span", {}, e.enabled ? "On" : "Off"), h("span", { class: "visually-hidden" }, ", " + label + " enabled")),
        e.enabled || !e.disabledReason ? null : h("span", { class: "cell-sub" }, e.disabledReason)),
      h("td", { "data-label": "Actions" }, h("div", { class: "actions" },
        h("button", { type: "button", class: "small", "data-key": "edit-" + e.id, "aria-label": "Edit " + label,
          onclick: (ev) => editEndpoint(e, refresh, ev.currentTarget) }, "Edit"),
        h("button", { type: "button", class: "small", "data-key": "rotate-" + e.id, "aria-label": "Rotate secret of " + label,
          onclick: (ev) => rotateSecret(e, refresh, ev.currentTarget) }, "Rotate secret"),
        h("button", { type: "button", class: "small danger", "data-key": "delete-" + e.id, "aria-label": "Delete " + label,
          onclick: (ev) => confirmDialog("Delete this " + noun(false, e.profile) + "?",
            e.url + " stops receiving events and its pending retries are cancelled. Its past deliveries stay listed.", "Delete", async () => {
              await api("DELETE", "/__admin/endpoints/" + e.id);
              announce(label + " deleted.");
              await refresh();
            }, ev.currentTarget) }, "Delete"))));
  }

  function editEndpoint(e, refresh, opener) {
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
    openDialog("Edit " + noun(false, e.profile), form, null, opener);
  }

  function rotateSecret(e, refresh, opener) {
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
        const until = rotated.previousSecretUntil
          ? h("p", { id: "overlap-end" }, "The old secret keeps working until ", stamp(rotated.previousSecretUntil), " (", h("span", { "data-rel": rotated.previousSecretUntil }, relative(rotated.previousSecretUntil)), ").")
          : h("p", { id: "overlap-end" }, "The old secret stopped at once.");
        showSecret(rotated, "The new signing secret", opener, until);
        refresh().catch(() => {});
      }, form);
    });
    openDialog("Rotate the signing secret", form, null, opener);
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
        if (!attemptsField.hidden && attempts.value.trim()) body.attempts = parseAttempts(attempts.value);
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
      // every profile's endpoints: a rule of any profile names its endpoint by name and URL
      const [list, all] = await Promise.all([api("GET", "/__admin/failures"), endpointsOfProfile(undefined)]);
      const endpoints = new Map([...all].filter(([, e]) => e.profile === state.profile));
      fillSelect(endpoint, [["", "Any " + noun(false) + " of " + info.displayName]].concat([...endpoints.values()]
        .filter((e) => e.organizationId === state.organization).map((e) => [e.id, endpointLabel(e)])));
      if (!list.failures.length) {
        return emptyState("No failure rules", "Every attempt goes out exactly as the provider would send it. Add a rule above to see how your receiver copes with a lost acknowledgement, a duplicate or a bad signature.");
      }
      return h("div", {},
        h("div", { class: "card-head" }, h("h2", {}, list.failures.length + " rule" + (list.failures.length === 1 ? "" : "s")), h("span", { class: "muted" }, "all profiles")),
        h("div", { class: "table-wrap" }, h("table", { class: "failures stack" },
          h("caption", { class: "visually-hidden" }, "Failure-injection rules"),
          h("thead", {}, h("tr", {}, ["Rule", "Scope", "Probability", "Matched", "On", "Actions"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, list.failures.map((r) => ruleRow(r, all, refresh))))));
    });
    return {
      mount(container) {
        container.append(pageHead("Failure injection", "Switch faults on and off: what your receiver sees, and whether it copes."), form, region);
      },
      refresh,
    };
  }

  function parseAttempts(text) {
    return text.split(",").map((s) => s.trim()).filter(Boolean).map((s) => /^\d+$/.test(s) ? Number(s) : s);
  }

  /** A rule's parameters in words. */
  function ruleSettings(r) {
    const parts = [];
    if (r.mode === "duplicate") parts.push(r.count + " requests in all, " + (r.concurrent ? "sent at once" : "one after another"));
    if (r.mode === "burst") parts.push(r.count + " events for one");
    if (r.mode === "reorder") parts.push("windows of " + r.window + " deliveries, held at most " + r.maxHoldSeconds + " s");
    if (r.mode === "delay") parts.push("held back " + r.delaySeconds + " s");
    if (r.mode === "stale_timestamp") parts.push("signed " + r.shiftSeconds + " s in the past");
    if (r.mode === "future_timestamp") parts.push("signed " + r.shiftSeconds + " s in the future");
    return parts;
  }

  function ruleRow(r, endpoints, refresh) {
    const target = r.endpointId ? endpoints.get(r.endpointId) : null;
    const scope = [r.profile ? "profile " + profileInfo(r.profile).displayName : null,
      r.endpointId ? noun(false) + " " + (target ? endpointLabel(target) : r.endpointId) : null,
      r.eventType ? "event " + r.eventType : null, r.attempts ? "attempt" + (r.attempts.length > 1 ? "s " : " ") + r.attempts.join(", ") : null]
      .filter(Boolean);
    const title = (MODES[r.mode] || r.mode).split(":")[0];
    const toggle = h("input", { type: "checkbox", role: "switch", checked: r.enabled, id: "rule-on-" + r.id,
      onchange: (ev) => {
        const box = ev.currentTarget;
        act(box, async () => {
          await api("PATCH", "/__admin/failures/" + r.id, { enabled: box.checked });
          announce("Rule " + title + " switched " + (box.checked ? "on." : "off."));
          await refresh();
        });
      } });
    return h("tr", { "data-rule": r.id, "data-key": "row-" + r.id },
      h("th", { scope: "row", "data-label": "Rule" }, h("span", { class: "cell-main" }, title), h("span", { class: "cell-sub mono" }, r.mode + " · " + r.id),
        ruleSettings(r).map((p) => h("span", { class: "cell-sub" }, p))),
      h("td", { "data-label": "Scope" }, scope.length ? scope.map((s) => h("span", { class: "tag" }, s)) : h("span", { class: "muted" }, "every delivery")),
      h("td", { "data-label": "Probability" }, Math.round(r.probability * 100) + " %"),
      h("td", { "data-label": "Matched", class: "rule-matched" }, plural(r.matched || 0, "time", "times")),
      h("td", { "data-label": "On" }, h("label", { class: "switch", for: "rule-on-" + r.id }, toggle,
        h("span", {}, r.enabled ? "On" : "Off"), h("span", { class: "visually-hidden" }, ", rule " + title + " " + r.id + " on"))),
      h("td", { "data-label": "Actions" }, h("div", { class: "actions" },
        h("button", { type: "button", class: "small", "data-key": "rule-edit-" + r.id, "aria-label": "Edit rule " + title + " " + r.id,
          onclick: (ev) => editRule(r, refresh, ev.currentTarget) }, "Edit"),
        h("button", { type: "button", class: "small danger", "data-key": "rule-delete-" + r.id, "aria-label": "Delete rule " + title + " " + r.id,
          onclick: (ev) => act(ev.currentTarget, async () => {
            await api("DELETE", "/__admin/failures/" + r.id);
            announce("Rule " + r.id + " deleted.");
            await refresh();
          }) }, "Delete"))));
  }

  function editRule(r, refresh, opener) {
    const probability = h("input", { name: "probability", type: "number", min: "0", max: "1", step: "0.05", value: String(r.probability) });
    const attempts = h("input", { name: "attempts", type: "text", value: (r.attempts || []).join(", "), placeholder: "every attempt" });
    const perAttempt = !PER_DELIVERY_MODES.includes(r.mode);
    const save = h("button", { type: "submit", class: "primary", id: "rule-save" }, "Save");
    const form = h("form", {},
      h("div", { class: "form-grid" }, field("rule-edit-probability", "Probability", probability, "0 to 1"),
        perAttempt ? field("rule-edit-attempts", "Attempts", attempts, "1, 2 = the first two; empty = every attempt") : null),
      h("div", { class: "form-actions" }, save, h("button", { type: "button", onclick: closeDialog }, "Cancel")));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      act(save, async () => {
        const body = { probability: Number(probability.value) };
        if (perAttempt) body.attempts = attempts.value.trim() ? parseAttempts(attempts.value) : null;
        await api("PATCH", "/__admin/failures/" + r.id, body);
        closeDialog();
        announce("Rule " + r.id + " saved.");
        await refresh();
      }, form);
    });
    openDialog("Edit rule " + (MODES[r.mode] || r.mode).split(":")[0], form, null, opener);
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
          fact(state.utc ? "Now (UTC)" : "Now (local time)", stamp(clock.now, "iso clock-page-now")),
          fact("Speed", clock.scale == null ? "real time (this server's clock cannot be moved)" : clock.scale === 0 ? "stopped: only advancing moves it" : "×" + clock.scale),
          fact("Scheduled", plural(clock.scheduled, "task", "tasks") + " (attempts, lifecycle steps) waiting for their instant")));
    });
    return {
      mount(container) {
        container.append(pageHead("Clock", "One virtual clock drives timestamps, retry schedules and retention. Advancing it runs every retry and lifecycle step that falls due, in every profile; to move one delivery on, use its own buttons instead."),
          region,
          h("div", { class: "split" },
            h("section", { class: "card", "aria-labelledby": "advance-title" }, h("h2", { id: "advance-title" }, "Advance"),
              h("div", { class: "actions" }, quick), advanceForm),
            h("section", { class: "card", "aria-labelledby": "speed-title" }, h("h2", { id: "speed-title" }, "Speed"),
              h("div", { class: "actions" }, presets), scaleForm)));
      },
      refresh,
    };
  }

  // ---------------------------------------------------------------- routing
  // Everything a link needs is in it: #/<section>[/<id>]?profile=&org=&<filters>. Opening a link
  // shows what it showed, under its profile and organization.

  function parseHash() {
    const hash = location.hash.replace(/^#\/?/, "");
    const [path, search] = hash.split("?");
    const [section, id] = path.split("/");
    const params = {};
    new URLSearchParams(search || "").forEach((v, k) => { params[k] = v; });
    return { section: section || "deliveries", id: id ? decodeURIComponent(id) : null, params };
  }

  /** The address of a view, with the profile and organization shown now. */
  function href(section, id, params) {
    return "#/" + section + (id ? "/" + encodeURIComponent(id) : "")
      + query(Object.assign({ profile: state.profile, org: state.organization }, params || {}));
  }

  function navigate(section, id, params) {
    const target = href(section, id, params);
    if (location.hash === target) render(); else location.hash = target;
  }

  /** A delivery or event of another profile or organization: the header follows it, and so does the address. */
  function adoptScope(profile, organization) {
    if (profile === state.profile && organization === state.organization) return;
    state.profile = profile;
    state.organization = organization;
    remember();
    document.getElementById("scope-profile").value = profile;
    loadOrganizations().catch(() => {});
    document.getElementById("view").setAttribute("data-profile", profile);
    const { section, id, params } = parseHash();
    history.replaceState(null, "", "#/" + section + (id ? "/" + encodeURIComponent(id) : "")
      + query(Object.assign({}, params, { profile, org: organization })));
    updateChrome(section);
  }

  function remember() {
    localStorage.setItem("hookcheck.profile", state.profile);
    localStorage.setItem("hookcheck.organization", state.organization);
  }

  /** The header's and the sidebar's links carry the profile and organization shown. */
  function updateChrome(section) {
    document.querySelectorAll(".sidebar a[data-section]").forEach((a) => {
      const name = a.getAttribute("data-section");
      a.setAttribute("href", href(name));
      if (name === section) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    });
    document.querySelector(".brand").setAttribute("href", href("deliveries"));
    document.getElementById("clock-chip").setAttribute("href", href("clock"));
    document.getElementById("nav-endpoints").textContent = capitalize(noun(true));
  }

  async function render() {
    const { section, id, params } = parseHash();
    if (params.profile && params.profile !== state.profile && state.profiles.some((p) => p.name === params.profile)) {
      state.profile = params.profile;
      document.getElementById("scope-profile").value = state.profile;
      await loadOrganizations(params.org).catch(showError);
    } else if (params.org && params.org !== state.organization && state.organizations.some((o) => o.id === params.org)) {
      state.organization = params.org;
      document.getElementById("scope-organization").value = state.organization;
      remember();
    }
    if (!id && (params.profile !== state.profile || params.org !== state.organization)) {
      // a bare or partial address: make it say what it shows, so it can be shared
      history.replaceState(null, "", href(section, null, Object.fromEntries(Object.entries(params).filter(([k]) => k !== "profile" && k !== "org"))));
    }
    updateChrome(section);
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
        if (state.view) await state.view.refresh().catch(() => {});
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

  // ---------------------------------------------------------------- start

  async function loadOrganizations(wanted) {
    const list = await api("GET", "/__admin/organizations" + query({ profile: state.profile }));
    state.organizations = list.organizations;
    const pick = wanted || state.organization;
    state.organization = state.organizations.some((o) => o.id === pick) ? pick : state.organizations.length ? state.organizations[0].id : "";
    fillSelect(document.getElementById("scope-organization"), state.organizations.map((o) => [o.id, o.name.replace(/ \(.*\)$/, "")]), state.organization);
    remember();
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

  let started = false;
  async function start() {
    try {
      const profiles = await api("GET", "/__admin/profiles");
      state.profiles = profiles.profiles;
      const linked = parseHash().params;
      if (linked.profile && state.profiles.some((p) => p.name === linked.profile)) state.profile = linked.profile;
      if (!state.profiles.some((p) => p.name === state.profile)) state.profile = state.profiles[0].name;
      const profileSelect = document.getElementById("scope-profile");
      fillSelect(profileSelect, state.profiles.map((p) => [p.name, p.displayName]), state.profile);
      await loadOrganizations(linked.org);
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
    if (!started) {
      started = true;
      document.getElementById("scope-profile").addEventListener("change", async (e) => {
        state.profile = e.target.value;
        await loadOrganizations().catch(showError);
        navigate(parseHash().section, null, {});
      });
      document.getElementById("scope-organization").addEventListener("change", (e) => {
        state.organization = e.target.value;
        remember();
        navigate(parseHash().section, null, {});
      });
      document.getElementById("scope").addEventListener("submit", (e) => e.preventDefault());
      document.getElementById("time-toggle").addEventListener("click", () => setTimeMode(!state.utc));
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
      window.setInterval(liveTick, POLL_MS);
      window.setInterval(tickRelative, 1000);
    }
    setTimeMode(state.utc);
    await render();
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
