// The few things the browser must do itself; no inline scripts, so the CSP can forbid them.
(function () {
  'use strict';
  var MAX_UPLOAD_BYTES = 10240;

  // htmx requests carry the CSRF token from the page's meta tags.
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="_csrf_header"]');
    var token = document.querySelector('meta[name="_csrf"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  document.addEventListener('click', function (event) {
    var close = event.target.closest('[data-close-dialog]');
    if (close) {
      event.preventDefault();
      document.getElementById('dialog').innerHTML = '';
      return;
    }
    var toggle = event.target.closest('[data-toggle-visibility]');
    if (toggle) {
      event.preventDefault();
      var field = document.querySelector(toggle.getAttribute('data-toggle-visibility'));
      var show = field.type === 'password';
      field.type = show ? 'text' : 'password';
      (toggle.querySelector('.fd-button__text') || toggle).textContent = show ? 'Hide' : 'Show';
      toggle.setAttribute('aria-pressed', String(show));
    }
  });

  // Uploads: a .txt or .json file of at most 10 KB fills a field (or, for a service key, the fields).
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[type="file"][data-upload-into], input[type="file"][data-service-key]')) {
      return;
    }
    var error = document.querySelector(input.getAttribute('data-upload-error'));
    error.textContent = '';
    var file = input.files[0];
    if (!file) {
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      error.textContent = "Files larger than 10 KB can't be uploaded.";
      input.value = '';
      return;
    }
    if (!/\.(txt|json)$/i.test(file.name)) {
      error.textContent = 'Choose a .txt or .json file.';
      input.value = '';
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      if (input.hasAttribute('data-upload-into')) {
        document.querySelector(input.getAttribute('data-upload-into')).value = reader.result;
      } else {
        fillServiceKey(String(reader.result), error);
      }
      input.value = '';
    };
    reader.readAsText(file);
  });

  function fillServiceKey(text, error) {
    var key;
    try {
      key = JSON.parse(text);
    } catch (e) {
      error.textContent = 'The file is not a service key (not JSON).';
      return;
    }
    var fields = {
      '#connection-api-url': key.serviceurls && key.serviceurls.AI_API_URL,
      '#connection-token-url': key.url,
      '#connection-client-id': key.clientid,
      '#connection-client-secret': key.clientsecret
    };
    Object.keys(fields).forEach(function (selector) {
      var field = document.querySelector(selector);
      if (field && typeof fields[selector] === 'string') {
        field.value = fields[selector];
      }
    });
  }
})();
