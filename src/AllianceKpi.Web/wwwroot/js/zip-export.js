// 全部綜整表 PDF: while a zip is being built, its row asks the server for the job's status every second and moves the
// progress bar; when the job is done it shows the download link (or the error). Without this script the page shows the
// progress as of its last refresh.
(function () {
    "use strict";
    var INTERVAL_MS = 1000;

    var follow = function (row) {
        var url = row.getAttribute("data-status-url");
        var bar = row.querySelector("[data-zip-progress]");
        var count = row.querySelector("[data-zip-count]");
        var status = row.querySelector("[data-zip-status]");
        var download = row.querySelector("[data-zip-download]");

        var show = function (job) {
            bar.max = Math.max(job.total, 1);
            bar.value = job.done;
            bar.textContent = job.done + " / " + job.total;
            count.textContent = job.done + " / " + job.total;
            status.textContent = job.statusLabel;
            if (job.error) {
                var error = document.createElement("span");
                error.className = "text-danger d-block small";
                error.textContent = job.error;
                status.appendChild(error);
            }
            if (job.downloadUrl && !download.querySelector("a")) {
                var link = document.createElement("a");
                link.href = job.downloadUrl;
                link.setAttribute("data-testid", "zip-export-download");
                link.textContent = "下載 zip";
                download.appendChild(link);
            }
        };

        var poll = function () {
            fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
                .then(function (response) { return response.ok ? response.json() : null; })
                .then(function (job) {
                    if (!job) { return; }
                    show(job);
                    if (job.status !== "Completed" && job.status !== "Failed") { window.setTimeout(poll, INTERVAL_MS); }
                })
                .catch(function () { window.setTimeout(poll, INTERVAL_MS * 5); });
        };
        poll();
    };

    document.querySelectorAll("tr[data-zip-job][data-status-url]").forEach(follow);
})();
