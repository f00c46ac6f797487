// One way of validating, in Chinese (issue #10): the server checks every field and writes its message next to it. The
// browser's own bubbles (in the browser's language, gone when the pointer moves) are off on every form, and dates are
// typed and shown as YYYY-MM-DD whatever the browser's locale — a date field is a text field of that shape.
(function () {
    function settle(root) {
        root.querySelectorAll('form').forEach(function (f) { f.noValidate = true; });
        root.querySelectorAll('input[type=date]').forEach(function (i) {
            i.type = 'text';
            i.classList.add('date');
            if (!i.placeholder) { i.placeholder = 'YYYY-MM-DD'; }
            i.maxLength = 10;
            i.autocomplete = 'off';
            i.spellcheck = false;
        });
    }
    settle(document);
    // Parts of a page swapped in later (htmx) follow the same rule.
    document.addEventListener('htmx:afterSwap', function (e) { settle(e.target); });
})();
