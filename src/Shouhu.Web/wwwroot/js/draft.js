// Form drafts in this browser tab (sessionStorage: gone when the tab closes). A form with data-draft="KEY" is saved
// while typing; when the page comes back without the server's own answer (a login after the session expired, a
// network failure, the back button) the draft is put back and a note says so. A page that confirms the save carries
// data-draft-clear="KEY" on any element, and the draft is dropped. Keys name the account, so another person logging in
// on the same phone never gets someone else's draft. Nothing leaves the device.
// A draft is never put back silently (issue #10: a hotline taking call after call got the previous caller's text in the
// next report): the page offers 继续填写 (restore it) or 放弃 (drop it), and until one is chosen the form stays empty.
// Forms with data-draft-own keep their drafts themselves and use ShouhuDraft.offer.
window.ShouhuDraft = {
    offer: function (form, key, restore) {
        var saved = null;
        try { saved = JSON.parse(sessionStorage.getItem(key) || 'null'); } catch (err) { }
        if (!saved) return;
        var note = document.createElement('div'); note.className = 'alert info'; note.id = 'draft-offer'; note.setAttribute('role', 'status');
        var when = saved.savedAt ? new Date(saved.savedAt) : null;
        var text = document.createElement('span');
        text.textContent = '有一份上次未保存的内容' + (when ? '（' + ('0' + when.getHours()).slice(-2) + ':' + ('0' + when.getMinutes()).slice(-2) + ' 填写）' : '') + '，是否继续填写？ ';
        var keep = document.createElement('button'); keep.type = 'button'; keep.id = 'draft-continue'; keep.textContent = '继续填写';
        var drop = document.createElement('button'); drop.type = 'button'; drop.id = 'draft-discard'; drop.className = 'secondary'; drop.textContent = '放弃';
        [keep, drop].forEach(function (b) { b.style.width = 'auto'; b.style.margin = '0 .5rem 0 0'; b.style.padding = '.2rem .8rem'; });
        note.appendChild(text); note.appendChild(keep); note.appendChild(drop);
        form.parentNode.insertBefore(note, form);
        keep.addEventListener('click', function () {
            restore(saved);
            note.id = 'draft-restored'; note.textContent = '已恢复上次未保存的内容，请核对后保存。';
        });
        drop.addEventListener('click', function () {
            sessionStorage.removeItem(key);
            note.remove();
        });
    }
};
(function () {
    if (!window.sessionStorage) return;
    document.querySelectorAll('[data-draft-clear]').forEach(function (e) { sessionStorage.removeItem(e.getAttribute('data-draft-clear')); });
    document.querySelectorAll('form[data-draft]:not([data-draft-own])').forEach(function (form) {
        var key = form.getAttribute('data-draft');
        function fields() {
            return Array.prototype.filter.call(form.elements, function (e) {
                return e.name && e.type !== 'hidden' && e.type !== 'file' && e.type !== 'submit' && e.name !== '__RequestVerificationToken';
            });
        }
        function save() {
            var d = { values: {}, checked: [], savedAt: Date.now() };
            fields().forEach(function (e) {
                if (e.type === 'radio' || e.type === 'checkbox') { if (e.checked) d.checked.push(e.name + '=' + e.value); }
                else d.values[e.name] = e.value;
            });
            sessionStorage.setItem(key, JSON.stringify(d));
        }
        if (form.getAttribute('data-draft-restore') === 'true') {
            window.ShouhuDraft.offer(form, key, function (saved) {
                if (!saved.values) return;
                fields().forEach(function (e) {
                    if (e.type === 'radio' || e.type === 'checkbox') e.checked = saved.checked.indexOf(e.name + '=' + e.value) >= 0;
                    else if (Object.prototype.hasOwnProperty.call(saved.values, e.name)) e.value = saved.values[e.name];
                });
                form.querySelectorAll('details').forEach(function (d) { if (d.querySelector('input:checked')) d.open = true; });
            });
        }
        form.addEventListener('input', save);
        form.addEventListener('change', save);
    });
})();
