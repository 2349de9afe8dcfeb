// Progressive enhancements shared by every page. No inline script: the CSP forbids it.
(function () {
    "use strict";
    // A select marked data-autosubmit submits its form when a choice is picked with the pointer. Keyboard users browse the
    // options with the arrow keys without leaving the page, and submit with the button, which appears as soon as they do.
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
        var fallback = select.form.querySelector(".js-hide");
        var byKeyboard = false;
        if (fallback) { fallback.hidden = true; }
        select.addEventListener("keydown", function (event) {
            if (event.key === "Enter" && byKeyboard) { select.form.submit(); return; }
            byKeyboard = true;
            if (fallback) { fallback.hidden = false; }
        });
        select.addEventListener("change", function () {
            if (!byKeyboard) { select.form.submit(); }
        });
    });
    // The portal's one counting rule (docs/workflow-rules.md, TextLength on the server): line breaks CRLF and CR become LF,
    // then user-perceived characters (grapheme clusters) are counted. Browsers without Intl.Segmenter count code points.
    var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter("zh-Hant", { granularity: "grapheme" }) : null;
    var countCharacters = function (text) {
        var normalised = (text || "").replace(/\r\n?/g, "\n");
        if (!segmenter) { return Array.from(normalised).length; }
        var count = 0;
        for (var it = segmenter.segment(normalised)[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) { count++; }
        return count;
    };
    window.portalCountCharacters = countCharacters;
    // A textarea or input with data-maxchars shows 「目前剩 N 字」 in the element named by data-counter.
    document.querySelectorAll("[data-maxchars]").forEach(function (field) {
        var counter = document.getElementById(field.getAttribute("data-counter"));
        if (!counter) { return; }
        var max = parseInt(field.getAttribute("data-maxchars"), 10);
        var update = function () {
            counter.textContent = String(max - countCharacters(field.value));
        };
        field.addEventListener("input", update);
        update();
    });
    // Buttons with data-confirm ask before they submit.
    document.querySelectorAll("[data-confirm]").forEach(function (button) {
        button.addEventListener("click", function (event) {
            if (!window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
        });
    });
    // 採用已儲存的內容: a conflict panel's button puts the other person's saved value into the field of that name.
    document.querySelectorAll("[data-take-theirs]").forEach(function (button) {
        button.addEventListener("click", function () {
            var field = document.querySelector('[name="' + button.getAttribute("data-take-theirs") + '"]');
            if (!field) { return; }
            field.value = button.getAttribute("data-value");
            field.dispatchEvent(new Event("input", { bubbles: true }));
            button.disabled = true;
        });
    });
})();
