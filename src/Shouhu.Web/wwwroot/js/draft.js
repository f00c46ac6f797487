// Form drafts in this browser tab (sessionStorage: gone when the tab closes). A form with data-draft="KEY" is saved
// while typing; when the page comes back without the server's own answer (a login after the session expired, a
// network failure, the back button) the draft is put back and a note says so. A page that confirms the save carries
// data-draft-clear="KEY" on any element, and the draft is dropped. Keys name the account, so another person logging in
// on the same phone never gets someone else's draft. Nothing leaves the device.
(function () {
    if (!window.sessionStorage) return;
    document.querySelectorAll('[data-draft-clear]').forEach(function (e) { sessionStorage.removeItem(e.getAttribute('data-draft-clear')); });
    document.querySelectorAll('form[data-draft]').forEach(function (form) {
        var key = form.getAttribute('data-draft');
        function fields() {
            return Array.prototype.filter.call(form.elements, function (e) {
                return e.name && e.type !== 'hidden' && e.type !== 'file' && e.type !== 'submit' && e.name !== '__RequestVerificationToken';
            });
        }
        function save() {
            var d = { values: {}, checked: [] };
            fields().forEach(function (e) {
                if (e.type === 'radio' || e.type === 'checkbox') { if (e.checked) d.checked.push(e.name + '=' + e.value); }
                else d.values[e.name] = e.value;
            });
            sessionStorage.setItem(key, JSON.stringify(d));
        }
        if (form.getAttribute('data-draft-restore') === 'true') {
            try {
                var saved = JSON.parse(sessionStorage.getItem(key) || 'null');
                if (saved && saved.values) {
                    fields().forEach(function (e) {
                        if (e.type === 'radio' || e.type === 'checkbox') e.checked = saved.checked.indexOf(e.name + '=' + e.value) >= 0;
                        else if (Object.prototype.hasOwnProperty.call(saved.values, e.name)) e.value = saved.values[e.name];
                    });
                    form.querySelectorAll('details').forEach(function (d) { if (d.querySelector('input:checked')) d.open = true; });
                    var note = document.createElement('div'); note.className = 'alert info'; note.id = 'draft-restored';
                    note.textContent = '已恢复上次未保存的内容，请核对后保存。';
                    form.parentNode.insertBefore(note, form);
                }
            } catch (err) { }
        }
        form.addEventListener('input', save);
        form.addEventListener('change', save);
    });
})();
