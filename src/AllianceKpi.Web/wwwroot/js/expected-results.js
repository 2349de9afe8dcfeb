// 預期成果 form: 總收入(系統自動加總) follows 會員費收入 + 技術服務收入 + 其它項目收入 as they are typed. Amounts are added in
// thousandths (3 decimals) so that no floating-point rounding shows; a blank or a value the server would refuse counts 0,
// and the sum is shown as the server shows it (up to 3 decimals, no trailing zeros).
(function () {
    "use strict";
    var form = document.querySelector("form[data-expected-results]");
    if (!form) { return; }
    var total = form.querySelector("[data-total-income]");
    var parts = form.querySelectorAll("[data-income-part]");
    if (!total || parts.length === 0) { return; }
    var AMOUNT = /^(\d+\.?\d{0,3}|\.\d{1,3})$/;

    var thousandths = function (text) {
        var value = (text || "").trim().replace(/,/g, "");
        if (!AMOUNT.test(value)) { return 0n; }
        var pieces = value.split(".");
        var fraction = ((pieces[1] || "") + "000").slice(0, 3);
        return BigInt(pieces[0]) * 1000n + BigInt(fraction);
    };
    var show = function (sum) {
        var whole = (sum / 1000n).toString();
        var fraction = (sum % 1000n).toString().padStart(3, "0").replace(/0+$/, "");
        return fraction ? whole + "." + fraction : whole;
    };
    var update = function () {
        var sum = 0n;
        Array.prototype.forEach.call(parts, function (input) { sum += thousandths(input.value); });
        total.textContent = show(sum);
    };
    Array.prototype.forEach.call(parts, function (input) { input.addEventListener("input", update); });
    update();
})();
