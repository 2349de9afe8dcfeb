// 登入逾時提醒: five minutes before the sign-in cookie runs out, a notice offers 延長登入; when it has run out, it says so
// and tells the drafts script (typed text stays in this browser). The server gives its own "now" beside the end time, so
// a browser whose clock is wrong still counts the right number of minutes.
(function () {
    "use strict";
    var WARN_BEFORE_MS = 5 * 60 * 1000;
    var meta = function (name) {
        var element = document.querySelector('meta[name="' + name + '"]');
        return element ? element.getAttribute("content") : null;
    };
    var box = document.getElementById("session-warning");
    var serverNow = Date.parse(meta("session-now") || "");
    var serverEnd = Date.parse(meta("session-expires") || "");
    if (!box || isNaN(serverNow) || isNaN(serverEnd)) { return; }

    var message = box.querySelector("[data-session-message]");
    var extend = box.querySelector("[data-session-extend]");
    var login = box.querySelector("[data-session-login]");
    var deadline = Date.now() + (serverEnd - serverNow);
    var warnTimer = null;
    var endTimer = null;

    var twoDigits = function (n) { return (n < 10 ? "0" : "") + n; };
    var clockText = function (ms) { var d = new Date(ms); return twoDigits(d.getHours()) + ":" + twoDigits(d.getMinutes()); };
    var show = function (text, canExtend) {
        message.textContent = text;
        extend.hidden = !canExtend;
        login.hidden = canExtend;
        box.hidden = false;
    };
    var warn = function () { show(box.getAttribute("data-text-expiring").replace("{0}", clockText(deadline)), true); };
    var expired = function () {
        show(box.getAttribute("data-text-expired"), false);
        document.dispatchEvent(new CustomEvent("portal:session-expired"));
    };
    var schedule = function () {
        window.clearTimeout(warnTimer);
        window.clearTimeout(endTimer);
        box.hidden = true;
        warnTimer = window.setTimeout(warn, Math.max(0, deadline - Date.now() - WARN_BEFORE_MS));
        endTimer = window.setTimeout(expired, Math.max(0, deadline - Date.now()));
    };
    // Anything that renewed the sign-in (this button, an autosave) reports the new end here.
    var renewed = function (times) {
        var now = Date.parse(times.now);
        var end = Date.parse(times.expires);
        if (isNaN(now) || isNaN(end)) { return; }
        deadline = Date.now() + (end - now);
        schedule();
    };
    document.addEventListener("portal:session-renewed", function (event) { renewed(event.detail); });

    extend.addEventListener("click", function () {
        var token = document.querySelector('input[name="__RequestVerificationToken"]');
        window.fetch("/account/session/extend", {
            method: "POST",
            credentials: "same-origin",
            headers: { "RequestVerificationToken": token ? token.value : "" }
        }).then(function (response) {
            if (!response.ok) { throw new Error(String(response.status)); }
            return response.json();
        }).then(renewed).catch(function () {
            show(box.getAttribute("data-text-failed"), false);
        });
    });
    schedule();
})();
