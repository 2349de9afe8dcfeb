// 招募聯盟會員 form: suggests 會員所屬地區 from the city, and shows the fields that only some members need.
(function () {
    "use strict";
    var form = document.querySelector("[data-member-form]");
    if (!form) { return; }

    var city = form.querySelector("[data-region-source]");
    var region = form.querySelector("[data-region-target]");
    if (city && region) {
        city.addEventListener("change", function () {
            var option = city.options[city.selectedIndex];
            var suggested = option ? option.getAttribute("data-region") : null;
            if (suggested) { region.value = suggested; }
        });
    }

    var type = form.querySelector("[data-member-type]");
    var basis = form.querySelector("[data-member-basis]");
    var update = function () {
        var shown = {
            company: type.value === "Company" || basis.value === "CooperationProject",
            application: basis.value === "Application",
            deal: basis.value === "CooperationProject" || basis.value === "TechTransfer"
        };
        form.querySelectorAll("[data-show-for]").forEach(function (group) {
            group.hidden = !shown[group.getAttribute("data-show-for")];
        });
    };
    if (type && basis) {
        type.addEventListener("change", update);
        basis.addEventListener("change", update);
        update();
    }
})();
