// A background export's progress bar (ADR-016): while the file is written, ask the server every 1.5 s how far it is and
// move the bar; when it is done, load the page again to show the download. The state is the server's, so a closed tab
// loses nothing. No inline script: the pages' CSP allows none.
(function () {
    var box = document.getElementById('progress');
    if (!box || box.dataset.working !== 'true') { return; }
    var bar = document.getElementById('progress-bar');
    var text = document.getElementById('progress-text');
    function tick() {
        fetch(box.dataset.progressUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (s) {
                if (!s) { setTimeout(tick, 3000); return; }
                bar.max = Math.max(s.rowsTotal, 1);
                bar.value = s.rowsWritten;
                text.textContent = s.text;
                if (s.status === 'waiting' || s.status === 'writing') { setTimeout(tick, 1500); }
                else { window.location.reload(); }
            })
            .catch(function () { setTimeout(tick, 3000); });
    }
    setTimeout(tick, 1000);
})();
