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

    // After a refused submit the page comes back with each message at its field; on a phone that field may be far from
    // the banner (issue #10). Go to the first field in error: open its folded section, scroll it into view, focus it.
    function firstInError() {
        var mark = document.querySelector('main [aria-invalid=true], main .field-error');
        if (!mark) { return null; }
        if (mark.matches('input, select, textarea')) { return mark; }
        var box = mark.closest('label, fieldset, div, form') || mark.parentElement;
        return (box && box.querySelector('input:not([type=hidden]), select, textarea')) || mark;
    }
    var target = firstInError();
    if (target) {
        for (var d = target.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) { d.open = true; }
        target.scrollIntoView({ block: 'center' });
        if (target.focus) { target.focus({ preventScroll: true }); }
    }
    // A filter that applies as soon as it is chosen (data-autosubmit): no inline handlers, the pages' CSP allows none.
    document.addEventListener('change', function (e) {
        if (e.target.matches && e.target.matches('[data-autosubmit]') && e.target.form) { e.target.form.submit(); }
    });
    // Parts of a page swapped in later (htmx) follow the same rule.
    document.addEventListener('htmx:afterSwap', function (e) { settle(e.target); });
})();
