// The import's progress bar (issue #12 item 6): while the import works in the background, ask the server every 1.5 s how
// far it is and move the bar; when it has finished, load the page again to show the results. The state is the server's,
// so a closed tab loses nothing. No inline script: the pages' CSP allows none.
(function () {
    var box = document.getElementById('progress');
    if (!box || box.dataset.working !== 'true') { return; }
    var bar = document.getElementById('progress-bar');
    var text = document.getElementById('progress-text');
    function left(s) {
        if (s === null || s === undefined) { return ''; }
        return s < 60 ? '，约剩 ' + s + ' 秒' : '，约剩 ' + Math.ceil(s / 60) + ' 分钟';
    }
    function tick() {
        fetch(box.dataset.progressUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (s) {
                if (!s) { setTimeout(tick, 3000); return; }
                var p = s.progress;
                bar.max = Math.max(p.total, 1);
                bar.value = p.done;
                text.textContent = (p.step === 'committing' ? '已导入 ' : '已核查 ') + p.done + ' / ' + (p.total > 0 ? p.total : '?') + ' 行' + left(p.secondsLeft);
                if (s.status === 'validating' || s.status === 'committing') { setTimeout(tick, 1500); }
                else { window.location.reload(); }
            })
            .catch(function () { setTimeout(tick, 3000); });
    }
    setTimeout(tick, 1000);
})();
