// The Launchpad's browser side: SAP's UI5 Web Components render what the server sends, htmx swaps
// its fragments, and these few handlers do what only the browser can. No inline scripts anywhere,
// so the Content-Security-Policy can forbid them.
import './fonts.css';
import './launchpad.css';
import 'htmx.org';
import { setFormValidity } from '@ui5/webcomponents-base/dist/features/InputElementsFormSupport.js';

import '@ui5/webcomponents/dist/generated/json-imports/i18n.js';
import '@ui5/webcomponents-fiori/dist/generated/json-imports/i18n.js';
import '@ui5/webcomponents-localization/dist/generated/json-imports/LocaleData.js';

import '@ui5/webcomponents/dist/Avatar.js';
import '@ui5/webcomponents/dist/Button.js';
import '@ui5/webcomponents/dist/Card.js';
import '@ui5/webcomponents/dist/CardHeader.js';
import '@ui5/webcomponents/dist/CheckBox.js';
import '@ui5/webcomponents/dist/DatePicker.js';
import '@ui5/webcomponents/dist/Dialog.js';
import '@ui5/webcomponents/dist/FileUploader.js';
import '@ui5/webcomponents/dist/Icon.js';
import '@ui5/webcomponents/dist/Input.js';
import '@ui5/webcomponents/dist/Label.js';
import '@ui5/webcomponents/dist/Link.js';
import '@ui5/webcomponents/dist/List.js';
import '@ui5/webcomponents/dist/ListItemStandard.js';
import '@ui5/webcomponents/dist/MessageStrip.js';
import '@ui5/webcomponents/dist/Option.js';
import '@ui5/webcomponents/dist/Panel.js';
import '@ui5/webcomponents/dist/Popover.js';
import '@ui5/webcomponents/dist/Select.js';
import '@ui5/webcomponents/dist/Table.js';
import '@ui5/webcomponents/dist/TableCell.js';
import '@ui5/webcomponents/dist/TableHeaderCell.js';
import '@ui5/webcomponents/dist/TableHeaderRow.js';
import '@ui5/webcomponents/dist/TableRow.js';
import '@ui5/webcomponents/dist/Tag.js';
import '@ui5/webcomponents/dist/Text.js';
import '@ui5/webcomponents/dist/TextArea.js';
import '@ui5/webcomponents/dist/Title.js';
import '@ui5/webcomponents/dist/ToggleButton.js';
import '@ui5/webcomponents-fiori/dist/IllustratedMessage.js';
import '@ui5/webcomponents-fiori/dist/ShellBar.js';
import '@ui5/webcomponents-fiori/dist/SideNavigation.js';
import '@ui5/webcomponents-fiori/dist/SideNavigationItem.js';
import '@ui5/webcomponents-fiori/dist/SideNavigationSubItem.js';
import '@ui5/webcomponents-fiori/dist/illustrations/NoData.js';
import '@ui5/webcomponents-fiori/dist/illustrations/NoSearchResults.js';
import '@ui5/webcomponents-fiori/dist/illustrations/PageNotFound.js';
import '@ui5/webcomponents-fiori/dist/illustrations/UnableToLoad.js';
import '@ui5/webcomponents-fiori/dist/illustrations/ErrorScreen.js';
import '@ui5/webcomponents-fiori/dist/illustrations/NoEntries.js';

import '@ui5/webcomponents-icons/dist/action-settings.js';
import '@ui5/webcomponents-icons/dist/add.js';
import '@ui5/webcomponents-icons/dist/chain-link.js';
import '@ui5/webcomponents-icons/dist/delete.js';
import '@ui5/webcomponents-icons/dist/edit.js';
import '@ui5/webcomponents-icons/dist/folder-blank.js';
import '@ui5/webcomponents-icons/dist/group.js';
import '@ui5/webcomponents-icons/dist/hide.js';
import '@ui5/webcomponents-icons/dist/history.js';
import '@ui5/webcomponents-icons/dist/inspection.js';
import '@ui5/webcomponents-icons/dist/key.js';
import '@ui5/webcomponents-icons/dist/locked.js';
import '@ui5/webcomponents-icons/dist/log.js';
import '@ui5/webcomponents-icons/dist/menu2.js';
import '@ui5/webcomponents-icons/dist/search.js';
import '@ui5/webcomponents-icons/dist/show.js';
import '@ui5/webcomponents-icons/dist/upload.js';

const MAX_UPLOAD_BYTES = 10240;
const NARROW = window.matchMedia('(max-width: 599px)');

// htmx requests carry the CSRF token from the page's meta tags.
document.addEventListener('htmx:configRequest', (event) => {
  const header = document.querySelector('meta[name="_csrf_header"]');
  const token = document.querySelector('meta[name="_csrf"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});


// Dialogs: the server sends an open <ui5-dialog>; UI5 moves focus into it, keeps Tab inside and
// closes it on Escape. Closing (Escape, Cancel, or the server's "close-dialog" after a success)
// removes it, and focus goes back to what opened it.
let opener = null;
document.addEventListener('htmx:beforeRequest', (event) => {
  if (event.detail.target && event.detail.target.id === 'dialog') {
    opener = event.detail.elt;
  }
});
document.addEventListener('close', (event) => {
  const dialog = event.target;
  if (dialog.tagName !== 'UI5-DIALOG' || !dialog.closest('#dialog')) {
    return;
  }
  dialog.remove();
  refocus();
}, true);
document.body.addEventListener('close-dialog', () => {
  const dialog = document.querySelector('#dialog ui5-dialog');
  if (dialog) {
    dialog.open = false;
  }
});

function refocus() {
  const target = opener && opener.isConnected ? opener : document.querySelector('[data-focus-after-dialog]');
  opener = null;
  if (target) {
    target.focus();
  }
}

document.addEventListener('click', (event) => {
  const close = event.target.closest('[data-close-dialog]');
  if (close) {
    const dialog = close.closest('ui5-dialog');
    if (dialog) {
      dialog.open = false;
    }
    return;
  }
  const link = event.target.closest('[data-href]');
  if (link) {
    window.location.assign(link.getAttribute('data-href'));
    return;
  }
  const toggle = event.target.closest('[data-toggle-visibility]');
  if (toggle) {
    const field = document.querySelector(toggle.getAttribute('data-toggle-visibility'));
    const show = field.type === 'Password';
    field.type = show ? 'Text' : 'Password';
    toggle.icon = show ? 'hide' : 'show';
    toggle.setAttribute('accessible-name', show ? toggle.dataset.hideText : toggle.dataset.showText);
    toggle.pressed = show;
  }
  const submit = event.target.closest('[data-submit]');
  if (submit) {
    const uncheck = submit.dataset.uncheck && document.querySelector(submit.dataset.uncheck);
    if (uncheck) {
      uncheck.checked = false;
    }
    submitForm(document.getElementById(submit.getAttribute('data-submit')));
  }
});

// UI5 fields judge their validity when their value changes; a value set by a script (an upload)
// is judged again before the form is sent, as UI5's own Enter key does.
async function submitForm(form) {
  await Promise.all([...form.elements].filter((field) => field.isUI5Element).map(setFormValidity));
  form.requestSubmit();
}

// The shell: the menu button collapses the side navigation (hidden on phones), the avatar opens
// the profile menu.
function shell() {
  const navigation = document.getElementById('side-navigation');
  const shellbar = document.getElementById('shellbar');
  if (!navigation || !shellbar) {
    return;
  }
  const layout = navigation.closest('.lp-main');
  const apply = (collapsed) => {
    navigation.collapsed = collapsed;
    layout.classList.toggle('lp-nav-hidden', collapsed && NARROW.matches);
  };
  apply(NARROW.matches);
  NARROW.addEventListener('change', () => apply(NARROW.matches));
  document.getElementById('navigation-toggle').addEventListener('click', () => apply(!navigation.collapsed));
  shellbar.addEventListener('profile-click', (event) => {
    const menu = document.getElementById('profile-menu');
    menu.opener = event.detail.targetRef;
    menu.open = !menu.open;
  });
}

// The name of a new secret is checked as it is typed; the server's answer sets the field's state.
document.addEventListener('htmx:afterSwap', (event) => {
  const hint = event.detail.target;
  if (hint && hint.id === 'name-hint') {
    const current = document.getElementById('name-hint');
    const field = current && current.closest('ui5-input');
    if (field) {
      field.valueState = current.dataset.state || 'None';
    }
  }
  markField(event.detail.target);
  localizeDates(event.detail.target);
});

// A dialog's error about one field also marks that field; the next answer clears the mark.
function markField(messages) {
  const form = messages && messages.closest && messages.closest('form');
  if (!form || !messages.classList.contains('lp-messages')) {
    return;
  }
  form.querySelectorAll('[data-marked]').forEach((field) => {
    field.valueState = 'None';
    field.removeAttribute('data-marked');
  });
  // A long dialog may have scrolled past its messages: bring the answer into view.
  if (messages.firstElementChild) {
    messages.scrollIntoView({ block: 'nearest' });
  }
  const problem = messages.querySelector('[data-error-field]');
  const field = problem && document.getElementById(problem.dataset.errorField);
  if (field) {
    field.valueState = 'Negative';
    field.setAttribute('data-marked', '');
  }
}

// The secret dialog's kind of credentials: only the chosen kind's fields show, and only they are
// required.
document.addEventListener('change', (event) => {
  const select = event.target;
  if (!select.matches || !select.matches('[data-kind-select]')) {
    return;
  }
  const kind = select.selectedOption ? select.selectedOption.value : 'docker';
  select.closest('form').querySelectorAll('[data-kind]').forEach((group) => {
    group.hidden = group.dataset.kind !== kind;
    group.querySelectorAll('[data-required]').forEach((field) => {
      field.required = !group.hidden;
    });
  });
});

// Uploads: a .txt or .json file of at most 10 KB fills a field (or, for a service key, the fields).
document.addEventListener('change', (event) => {
  const uploader = event.target;
  if (uploader.tagName !== 'UI5-FILE-UPLOADER') {
    return;
  }
  const error = document.querySelector(uploader.dataset.uploadError);
  error.hidden = true;
  const file = event.detail && event.detail.files && event.detail.files[0];
  if (!file) {
    return;
  }
  const refuse = (message) => {
    error.textContent = message;
    error.hidden = false;
    uploader.valueState = 'Negative';
    uploader.value = '';
  };
  if (file.size > MAX_UPLOAD_BYTES) {
    refuse(uploader.dataset.tooLarge);
    return;
  }
  if (!/\.(txt|json)$/i.test(file.name)) {
    refuse(uploader.dataset.wrongType);
    return;
  }
  uploader.valueState = 'None';
  file.text().then((text) => {
    if (uploader.dataset.uploadInto) {
      document.querySelector(uploader.dataset.uploadInto).value = text;
    } else {
      fillServiceKey(text, refuse, uploader.dataset.notAKey);
    }
  });
});

function fillServiceKey(text, refuse, notAKey) {
  let key;
  try {
    key = JSON.parse(text);
  } catch (e) {
    refuse(notAKey);
    return;
  }
  const fields = {
    '#connection-api-url': key.serviceurls && key.serviceurls.AI_API_URL,
    '#connection-token-url': key.url,
    '#connection-client-id': key.clientid,
    '#connection-client-secret': key.clientsecret,
  };
  Object.entries(fields).forEach(([selector, value]) => {
    const field = document.querySelector(selector);
    if (field && typeof value === 'string') {
      field.value = value;
    }
  });
}

// Dates come as <time datetime="ISO">; they are shown in the reader's language and time zone,
// recent ones relative ("5 minutes ago") with the exact time as a tooltip.
const language = document.documentElement.lang || 'en';
const absolute = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });

function localizeDates(root) {
  (root || document).querySelectorAll('time[datetime]').forEach((element) => {
    const when = new Date(element.getAttribute('datetime'));
    if (Number.isNaN(when.getTime())) {
      return;
    }
    if (element.dataset.format === 'date') {
      element.textContent = day.format(when);
      return;
    }
    const seconds = Math.round((when.getTime() - Date.now()) / 1000);
    const minutes = Math.round(seconds / 60);
    const hours = Math.round(minutes / 60);
    let text;
    if (Math.abs(seconds) < 60) {
      text = relative.format(seconds, 'second');
    } else if (Math.abs(minutes) < 60) {
      text = relative.format(minutes, 'minute');
    } else if (Math.abs(hours) < 24) {
      text = relative.format(hours, 'hour');
    } else {
      text = absolute.format(when);
    }
    element.textContent = text;
    element.title = absolute.format(when);
  });
}

shell();
localizeDates(document);
