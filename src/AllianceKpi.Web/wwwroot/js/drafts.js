// 暫存未儲存的內容: every form marked data-keep-draft copies what the user types into this browser's localStorage (per user
// and form). A draft is forgotten once a save went through (the next page shows a success message).
// Opening the form again with a draft that differs from what the server shows — e.g. after the sign-in ran out and the
// user signed in again — restores it when the record has not changed meanwhile (same Version), and otherwise offers it.
(function () {
    "use strict";
    var PREFIX = "portal-draft:";
    var SUBMITTED = "portal-draft-submitted";
    var MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
    var userMeta = document.querySelector('meta[name="session-user"]');
    var notice = document.getElementById("draft-notice");
    if (!userMeta || !notice || !window.localStorage) { return; }
    var user = userMeta.getAttribute("content");

    var keyOf = function (form) {
        var action = form.getAttribute("action") || window.location.pathname;
        return PREFIX + user + "|" + action.split("?")[0];
    };
    var read = function (key) {
        try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
    };
    // A field marked data-draft-skip (a new form's one-time key) belongs to the rendered form, never to a draft.
    var kept = function (element) {
        return element.name && element.name !== "__RequestVerificationToken" && !element.hasAttribute("data-draft-skip")
            && ["file", "password", "submit", "button", "reset"].indexOf(element.type) < 0;
    };
    // Values by name and position among the same name (ASP.NET's checkboxes have a hidden twin of the same name).
    var valuesOf = function (form) {
        var values = {};
        var seen = {};
        Array.prototype.forEach.call(form.elements, function (element) {
            if (!kept(element)) { return; }
            var n = seen[element.name] = (seen[element.name] || 0) + 1;
            var id = element.name + "#" + n;
            if (element.type === "checkbox" || element.type === "radio") { values[id] = element.checked; }
            else if (element.type === "select-multiple") {
                values[id] = Array.prototype.filter.call(element.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
            } else { values[id] = element.value; }
        });
        return values;
    };
    var apply = function (form, values) {
        var seen = {};
        Array.prototype.forEach.call(form.elements, function (element) {
            if (!kept(element)) { return; }
            var n = seen[element.name] = (seen[element.name] || 0) + 1;
            var value = values[element.name + "#" + n];
            if (value === undefined) { return; }
            if (element.type === "checkbox" || element.type === "radio") { element.checked = value === true; }
            else if (element.type === "select-multiple") {
                Array.prototype.forEach.call(element.options, function (o) { o.selected = value.indexOf(o.value) >= 0; });
            } else { element.value = value; }
            element.dispatchEvent(new Event("change", { bubbles: true }));
            element.dispatchEvent(new Event("input", { bubbles: true }));
        });
    };
    var same = function (a, b) { return JSON.stringify(a) === JSON.stringify(b); };
    var versionOf = function (values) {
        var id = Object.keys(values).filter(function (k) { return /(^|\.)Version#1$/.test(k); })[0];
        return id ? values[id] : null;
    };
    var timeText = function (ms) {
        var d = new Date(ms);
        var two = function (n) { return (n < 10 ? "0" : "") + n; };
        return (d.getMonth() + 1) + "/" + d.getDate() + " " + two(d.getHours()) + ":" + two(d.getMinutes());
    };

    // Forget old drafts, and the one whose save went through.
    Object.keys(window.localStorage).forEach(function (key) {
        if (key.indexOf(PREFIX) !== 0) { return; }
        var draft = read(key);
        if (!draft || Date.now() - draft.savedAt > MAX_AGE_MS) { window.localStorage.removeItem(key); }
    });
    var forms = Array.prototype.slice.call(document.querySelectorAll("form[data-keep-draft]"));
    var submitted = window.sessionStorage.getItem(SUBMITTED);
    if (submitted && document.querySelector('[data-testid="flash"]')) {
        window.localStorage.removeItem(submitted);
        window.sessionStorage.removeItem(SUBMITTED);
    }

    forms.forEach(function (form) {
        var key = keyOf(form);
        var original = valuesOf(form);
        var draft = read(key);
        var restoreButton = notice.querySelector("[data-draft-restore]");
        var discardButton = notice.querySelector("[data-draft-discard]");
        var save = function () {
            var values = valuesOf(form);
            if (same(values, original) && !read(key)) { return; }
            window.localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), values: values }));
        };
        if (draft && !same(draft.values, original)) {
            form.parentNode.insertBefore(notice, form);
            var current = versionOf(original);
            if (current === null || versionOf(draft.values) === current) {
                apply(form, draft.values);
                notice.querySelector("[data-draft-message]").textContent =
                    notice.getAttribute("data-text-restored").replace("{0}", timeText(draft.savedAt));
                restoreButton.hidden = true;
            } else {
                notice.querySelector("[data-draft-message]").textContent =
                    notice.getAttribute("data-text-offer").replace("{0}", timeText(draft.savedAt));
                restoreButton.hidden = false;
            }
            notice.hidden = false;
            restoreButton.addEventListener("click", function () { apply(form, draft.values); restoreButton.hidden = true; });
            discardButton.addEventListener("click", function () {
                apply(form, original);
                window.localStorage.removeItem(key);
                notice.hidden = true;
            });
        }
        var timer = null;
        var later = function () { window.clearTimeout(timer); timer = window.setTimeout(save, 300); };
        form.addEventListener("input", later);
        form.addEventListener("change", later);
        form.addEventListener("submit", function () { save(); window.sessionStorage.setItem(SUBMITTED, key); });
        // The server holds what autosave sent: the browser's copy is no longer needed.
        form.addEventListener("portal:autosaved", function () {
            window.clearTimeout(timer);
            original = valuesOf(form);
            window.localStorage.removeItem(key);
        });
        document.addEventListener("portal:session-expired", save);
    });
})();
