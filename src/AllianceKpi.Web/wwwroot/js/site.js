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
    // A textarea or input with data-maxchars shows 「目前剩 N 字」 in the element named by data-counter.
    document.querySelectorAll("[data-maxchars]").forEach(function (field) {
        var counter = document.getElementById(field.getAttribute("data-counter"));
        if (!counter) { return; }
        var max = parseInt(field.getAttribute("data-maxchars"), 10);
        var update = function () {
            var used = Array.from(field.value.replace(/\r\n/g, "\n")).length;
            counter.textContent = String(max - used);
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
})();
