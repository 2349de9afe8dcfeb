// Date fields stay text fields typed as 2021/10/31; a button beside each input[data-date-picker] opens the browser's own date
// picker and writes the picked day back as yyyy/MM/dd. The attribute's value is the button's text (localised by the view).
(function () {
    "use strict";

    var pad = function (n) { return (n < 10 ? "0" : "") + n; };

    // 2021/10/31, 2021/5/1 or 2021-05-01 → 2021-05-01 for the native input; anything else → "".
    var toIso = function (text) {
        var m = /^\s*(\d{4})[\/-](\d{1,2})[\/-](\d{1,2})\s*$/.exec(text || "");
        return m ? m[1] + "-" + pad(+m[2]) + "-" + pad(+m[3]) : "";
    };

    // The field's name from its label, without the leading "*" and the trailing colon.
    var nameOf = function (input) {
        var label = input.id ? document.querySelector("label[for='" + input.id + "']") : null;
        return label ? label.textContent.replace(/^[\s*]+/, "").replace(/[\s:：]+$/, "") : "";
    };

    var enhance = function (text) {
        var group = document.createElement("div");
        group.className = "input-group";
        text.parentNode.insertBefore(group, text);
        group.appendChild(text);

        var native = document.createElement("input");
        native.type = "date";
        native.className = "visually-hidden";
        native.tabIndex = -1;
        native.setAttribute("aria-hidden", "true");
        native.setAttribute("data-date-native", "");

        var button = document.createElement("button");
        button.type = "button";
        button.className = "btn btn-outline-secondary";
        button.textContent = text.getAttribute("data-date-picker");
        button.setAttribute("aria-label", button.textContent + " " + nameOf(text));
        native.setAttribute("aria-label", button.getAttribute("aria-label"));
        group.appendChild(button);
        group.appendChild(native);

        button.addEventListener("click", function () {
            native.value = toIso(text.value);
            try {
                native.showPicker();
            } catch (e) {
                native.focus();
            }
        });
        native.addEventListener("change", function () {
            if (!native.value) { return; }
            text.value = native.value.replace(/-/g, "/");
            text.dispatchEvent(new Event("input", { bubbles: true }));
            text.dispatchEvent(new Event("change", { bubbles: true }));
            text.focus();
        });
    };

    Array.prototype.forEach.call(document.querySelectorAll("input[data-date-picker]"), enhance);
})();
