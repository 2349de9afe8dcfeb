// Progressive enhancements shared by every page. No inline script: the CSP forbids it.
(function () {
    "use strict";
    // A select marked data-autosubmit submits its form on change; the fallback button is then hidden.
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
        select.addEventListener("change", function () { select.form.submit(); });
        var fallback = select.form.querySelector(".js-hide");
        if (fallback) { fallback.hidden = true; }
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
