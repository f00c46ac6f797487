// The triage form of a report's page (Reports/Details.cshtml).
// One last look before the decision is final: what is decided, for whom, at which risk (issue #10).
(document.getElementById('triage') || document.createElement('form')).addEventListener('submit', function (e) {
    var f = e.target, d = f.querySelector('input[name="Triage.Decision"]:checked');
    if (!d) { return; } // the server names the missing choice
    var text = d.parentElement.textContent.trim();
    if (d.value === 'open-case') {
        var w = f.elements['Triage.WorkerId'], r = f.elements['Triage.RiskLevel'];
        if (!w.value || !r.value) { return; }
        text += '，承办人：' + w.options[w.selectedIndex].text + '，风险等级：' + r.options[r.selectedIndex].text;
    }
    if (!window.confirm('确认研判结果：' + text + '？')) { e.preventDefault(); }
});
