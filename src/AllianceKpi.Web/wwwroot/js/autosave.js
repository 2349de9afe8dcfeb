// 自動儲存: a form marked data-autosave-url saves itself as a draft (資料暫存) 3 seconds after the user stops typing and every
// 30 seconds while something changed. The server answers JSON: { savedAt: "14:32", version, session: { now, expires } }, 409 with
// { message } when someone else saved the form meanwhile, 400 with { message } when a value cannot be kept. The status line
// (data-autosave-status) says 「已自動儲存 14:32」. Files are never sent here; they go with 資料暫存.
(function () {
    "use strict";
    var IDLE_MS = 3000;
    var EVERY_MS = 30000;

    Array.prototype.forEach.call(document.querySelectorAll("form[data-autosave-url]"), function (form) {
        var url = form.getAttribute("data-autosave-url");
        var status = form.querySelector("[data-autosave-status]") || document.querySelector("[data-autosave-status]");
        var dirty = false;
        var busy = false;
        var stopped = false;
        var idleTimer = null;
        var say = function (attribute, value) {
            if (!status) { return; }
            status.textContent = (status.getAttribute(attribute) || "").replace("{0}", value || "");
            status.setAttribute("data-state", attribute.replace("data-text-", ""));
        };
        var token = function () {
            var input = form.querySelector('input[name="__RequestVerificationToken"]');
            return input ? input.value : "";
        };
        var body = function () {
            var data = new FormData(form);
            Array.prototype.forEach.call(form.querySelectorAll('input[type="file"]'), function (input) { data.delete(input.name); });
            return data;
        };
        var save = function () {
            if (!dirty || busy || stopped) { return; }
            busy = true;
            dirty = false;
            say("data-text-saving");
            window.fetch(url, {
                method: "POST",
                body: body(),
                credentials: "same-origin",
                redirect: "manual",
                headers: { "RequestVerificationToken": token(), "Accept": "application/json" }
            }).then(function (response) {
                if (response.type === "opaqueredirect" || response.status === 401) {
                    stopped = true;
                    say("data-text-signed-out");
                    document.dispatchEvent(new CustomEvent("portal:session-expired"));
                    return null;
                }
                return response.json().then(function (json) { return { status: response.status, json: json }; });
            }).then(function (result) {
                if (!result) { return; }
                if (result.status === 200) {
                    Array.prototype.forEach.call(form.querySelectorAll('input[name$="Version"]'), function (input) { input.value = result.json.version; });
                    say("data-text-saved", result.json.savedAt);
                    if (result.json.session) { document.dispatchEvent(new CustomEvent("portal:session-renewed", { detail: result.json.session })); }
                    form.dispatchEvent(new CustomEvent("portal:autosaved", { bubbles: true }));
                } else if (result.status === 409) {
                    stopped = true;
                    say("data-text-conflict", result.json.message);
                } else {
                    say("data-text-failed", result.json.message);
                }
            }).catch(function () {
                dirty = true;
                say("data-text-failed", "");
            }).then(function () { busy = false; });
        };
        var changed = function () {
            dirty = true;
            window.clearTimeout(idleTimer);
            idleTimer = window.setTimeout(save, IDLE_MS);
        };
        form.addEventListener("input", changed);
        form.addEventListener("change", changed);
        form.addEventListener("submit", function () { stopped = true; window.clearTimeout(idleTimer); });
        window.setInterval(save, EVERY_MS);
    });
})();
