// The report form (登记报告): its own draft, and Enter moving to the next field. Loaded by Reports/New.cshtml.
// Keep a draft in this tab while typing (sessionStorage: gone when the tab closes), so that a failed network never loses
// the operator's work: texts, the urgency, the situations ticked and the child chosen.
(function () {
    var form = document.getElementById('report-form'); if (!form || !window.sessionStorage) return;
    var key = form.dataset.draft;
    function save() {
        var d = { fields: {}, checked: [], child: null, savedAt: Date.now() };
        Array.prototype.forEach.call(form.elements, function (e) {
            if (!e.name || e.name.indexOf('Form.') !== 0 || e.type === 'file') return;
            if (e.type === 'radio' || e.type === 'checkbox') {
                if (e.checked) {
                    d.checked.push(e.name + '=' + e.value);
                    if (e.name === 'Form.ChildId') d.child = { id: e.value, label: e.parentElement.textContent.trim() };
                }
            } else if (e.tagName !== 'SELECT') { d.fields[e.name] = e.value; }
        });
        sessionStorage.setItem(key, JSON.stringify(d));
    }
    // Offered only when the page is not the server's own answer to a refused save (its fields are already filled in).
    if (form.dataset.draftOffer === 'yes') {
        // Offered, never put back silently: the next call is another child (issue #10).
        window.ShouhuDraft.offer(form, key, function (saved) {
            if (saved.fields) {
                Object.keys(saved.fields).forEach(function (n) { var e = form.elements[n]; if (e && !e.length && saved.fields[n] && (!e.value || n === 'Form.ReceivedAt')) e.value = saved.fields[n]; });
                if (saved.child && !form.querySelector('input[name="Form.ChildId"][value="' + saved.child.id + '"]')) {
                    var label = document.createElement('label'); var radio = document.createElement('input');
                    radio.type = 'radio'; radio.name = 'Form.ChildId'; radio.value = saved.child.id;
                    label.appendChild(radio); label.appendChild(document.createTextNode(' ' + saved.child.label));
                    document.getElementById('child-matches').appendChild(label);
                }
                saved.checked.forEach(function (pair) {
                    var i = pair.indexOf('='); var box = form.querySelector('input[name="' + pair.slice(0, i) + '"][value="' + pair.slice(i + 1) + '"]');
                    if (box) box.checked = true;
                });
            }
        });
    }
    // Enter moves to the next field (as in the paper-form habit of hotline software); only the button saves.
    form.addEventListener('keydown', function (e) {
        var t = e.target;
        if (e.key !== 'Enter' || t.tagName !== 'INPUT' || t.type === 'submit' || t.type === 'file') return;
        e.preventDefault();
        var items = Array.prototype.filter.call(form.querySelectorAll('input, select, textarea, button'), function (x) { return !x.disabled && x.type !== 'hidden' && x.offsetParent !== null; });
        var next = items[items.indexOf(t) + 1]; if (next) next.focus();
    });
    form.addEventListener('input', save);
    form.addEventListener('change', save);
})();
