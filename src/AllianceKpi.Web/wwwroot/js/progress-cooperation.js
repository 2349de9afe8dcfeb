// 衍生產學合作計畫 form: the receipt checkbox is shown only for 本年度實際進帳金額.
(function () {
    "use strict";
    var form = document.querySelector("[data-cooperation-form]");
    if (!form) { return; }
    var basis = form.querySelector("[data-budget-basis]");
    var receipt = form.querySelector("[data-receipt-field]");
    if (!basis || !receipt) { return; }
    var update = function () { receipt.hidden = basis.value !== "ReceivedThisYear"; };
    basis.addEventListener("change", update);
    update();
})();
