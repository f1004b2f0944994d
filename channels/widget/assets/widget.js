/*
 * LAPOR! web chat widget. One line on any site:
 *   <script src="https://HOST/widget.js" data-agency="AGENCY_ID" async></script>
 * Plain JavaScript, no framework, no eval, no inline script or style: it
 * works under a strict Content-Security-Policy that allows HOST for
 * script-src, style-src and connect-src. Everything lives in a shadow root,
 * so the page's styles and the widget's do not touch. Whatever the bot or
 * the citizen says is set as text, never as HTML.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.fetch || !document.head.attachShadow) { return; }
  var agency = script.getAttribute('data-agency') || 'admin-nasional';
  var base = new URL(script.src, location.href).origin;
  var api = base + '/widget/v1/' + encodeURIComponent(agency);
  var storeKey = 'lapor-widget:' + agency;
  var MAX_UPLOAD = 10 * 1024 * 1024;

  // What survives a reload: the session token, the log cursor, whether the
  // panel was open, and the messages not yet taken by the server.
  var saved = load();
  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey)) || {}; } catch (e) { return {}; }
  }
  function save() {
    try { localStorage.setItem(storeKey, JSON.stringify(saved)); } catch (e) { /* private mode: this tab only */ }
  }
  saved.pending = saved.pending || [];

  var text = {};
  var lang = 'id';
  var els = {};
  var shown = {}; // client ids of citizen messages on screen
  var cursor = '';
  var started = false;
  var typingTimer = 0;

  function el(tag, cls, attrs) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    for (var k in attrs || {}) { e.setAttribute(k, attrs[k]); }
    return e;
  }
  function newID() {
    var b = new Uint8Array(12);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }
  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  function call(method, path, body, headers, signal) {
    headers = headers || {};
    if (saved.token) { headers.Authorization = 'Bearer ' + saved.token; }
    if (body && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(body);
    }
    return fetch(api + path, { method: method, headers: headers, body: body, credentials: 'omit', signal: signal });
  }

  // ---- building the widget -------------------------------------------------

  function build(cfg) {
    text = cfg.text;
    lang = cfg.lang;
    var host = el('div', '', { id: 'lapor-widget', 'data-agency': agency });
    host.hidden = true; // until the stylesheet is in
    host.style.setProperty('--lapor-color', cfg.color);
    var root = host.attachShadow({ mode: 'open' });
    var css = el('link', '', { rel: 'stylesheet', href: base + '/widget/v1/widget.css' });
    css.addEventListener('load', function () { host.hidden = false; });
    root.appendChild(css);

    var launcher = el('button', 'launcher', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'lapor-panel' });
    launcher.setAttribute('aria-label', text.open + ': ' + cfg.name);
    if (cfg.logo_url) { launcher.appendChild(el('img', 'logo', { src: cfg.logo_url, alt: '' })); }
    var label = el('span', 'launcher-text');
    label.textContent = text.open;
    launcher.appendChild(label);
    var badge = el('span', 'badge', { 'aria-hidden': 'true' });
    badge.hidden = true;
    launcher.appendChild(badge);

    var panel = el('div', 'panel', { id: 'lapor-panel', role: 'dialog', 'aria-labelledby': 'lapor-title' });
    panel.hidden = true;
    var head = el('div', 'head');
    if (cfg.logo_url) { head.appendChild(el('img', 'logo', { src: cfg.logo_url, alt: '' })); }
    var title = el('h2', 'title', { id: 'lapor-title' });
    title.textContent = cfg.name;
    var close = el('button', 'close', { type: 'button', 'aria-label': text.close });
    close.textContent = '\u00d7';
    head.appendChild(title);
    head.appendChild(close);

    var status = el('p', 'status', { role: 'status' });
    status.hidden = true;
    var log = el('div', 'log', { role: 'log', 'aria-live': 'polite', 'aria-label': text.log, tabindex: '0' });
    var typing = el('p', 'typing', { 'aria-live': 'polite' });
    typing.hidden = true;
    typing.textContent = text.typing;

    var form = el('form', 'compose');
    var inputLabel = el('label', 'sr', { for: 'lapor-input' });
    inputLabel.textContent = text.input;
    var input = el('textarea', 'input', { id: 'lapor-input', rows: '1', maxlength: '4000', placeholder: text.input, autocomplete: 'off' });
    var file = el('input', 'sr', { type: 'file', accept: 'image/jpeg,image/png,image/gif,image/webp,application/pdf', tabindex: '-1', 'aria-hidden': 'true' });
    var attach = el('button', 'icon attach', { type: 'button', 'aria-label': text.attach, title: text.attach });
    attach.appendChild(clip());
    var send = el('button', 'send', { type: 'submit' });
    send.textContent = text.send;
    form.appendChild(inputLabel);
    form.appendChild(attach);
    form.appendChild(file);
    form.appendChild(input);
    form.appendChild(send);

    panel.appendChild(head);
    panel.appendChild(status);
    panel.appendChild(log);
    panel.appendChild(typing);
    panel.appendChild(form);
    root.appendChild(launcher);
    root.appendChild(panel);
    document.body.appendChild(host);
    els = { host: host, launcher: launcher, panel: panel, log: log, typing: typing, status: status, input: input, file: file,
      badge: badge, name: cfg.name };

    bubble({ from: 'bot', text: cfg.greeting }, 'greeting');
    launcher.addEventListener('click', function () { setOpen(panel.hidden); });
    close.addEventListener('click', function () { setOpen(false); });
    panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') { setOpen(false); } });
    form.addEventListener('submit', function (e) { e.preventDefault(); sendText(input.value); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); sendText(input.value); }
    });
    attach.addEventListener('click', function () { file.click(); });
    file.addEventListener('change', function () { if (file.files[0]) { upload(file.files[0]); } file.value = ''; });
    window.addEventListener('online', flush);
    if (saved.open) { setOpen(true, true); } else if (saved.token) { checkUnread(); }
  }

  function setOpen(open, restoring) {
    els.panel.hidden = !open;
    els.launcher.setAttribute('aria-expanded', String(open));
    els.host.classList.toggle('open', open);
    saved.open = open;
    save();
    if (open) {
      unread(0);
      seen(cursor);
      start();
      if (!restoring) { els.input.focus(); }
    } else {
      els.launcher.focus();
    }
  }

  // ---- the conversation ----------------------------------------------------

  // clip is a paper-clip icon, drawn rather than an emoji that a phone
  // without the font shows as a box.
  function clip() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5');
    svg.appendChild(path);
    return svg;
  }

  function time(at) {
    var d = at ? new Date(at) : new Date();
    return d.toLocaleTimeString(lang === 'en' ? 'en-GB' : 'id-ID', { hour: '2-digit', minute: '2-digit' });
  }

  // bubble shows one message; key keeps a citizen's message from showing twice.
  function bubble(entry, key) {
    if (key && shown[key]) { return shown[key]; }
    var me = entry.from === 'citizen';
    var b = el('div', 'msg ' + (me ? 'me' : 'bot'));
    var who = el('span', 'sr');
    who.textContent = (me ? text.you : text.bot) + ': ';
    b.appendChild(who);
    var p = el('p', 'text');
    p.textContent = entry.file !== undefined ? entry.file || text.file : entry.location ? text.location : entry.text;
    if (entry.file !== undefined) { p.insertBefore(clip(), p.firstChild); }
    b.appendChild(p);
    var t = el('time', 'ts');
    if (entry.at) { t.setAttribute('datetime', entry.at); }
    t.textContent = time(entry.at);
    b.appendChild(t);
    if (key) { shown[key] = b; }
    els.log.appendChild(b);
    if (!me && entry.choices && entry.choices.length) { choices(entry.choices); }
    if (!me && entry.location_button) { locationButton(entry.location_button); }
    els.log.scrollTop = els.log.scrollHeight;
    return b;
  }

  function choices(list) {
    var box = el('div', 'choices', { role: 'group' });
    list.forEach(function (c) {
      var btn = el('button', 'choice', { type: 'button' });
      btn.textContent = c;
      btn.addEventListener('click', function () { sendText(c); });
      box.appendChild(btn);
    });
    els.log.appendChild(box);
  }

  function locationButton(label) {
    if (!navigator.geolocation) { return; }
    var btn = el('button', 'choice location', { type: 'button' });
    btn.textContent = label;
    btn.addEventListener('click', shareLocation);
    els.log.appendChild(btn);
  }

  function receive(entry) {
    cursor = entry.id;
    seen(entry.id);
    if (entry.from === 'citizen') {
      var b = shown[entry.client_id];
      if (b) { b.classList.remove('pending', 'failed'); return; }
      bubble(entry, entry.client_id);
      return;
    }
    clearChoices();
    bubble(entry);
    typing(false);
    if (els.panel.hidden) { unread(unreadCount + 1); }
  }

  // unread shows on the launcher how many replies came while the chat was
  // closed (an agency's answer, days later): the way back to the citizen on
  // the channel they used.
  var unreadCount = 0;
  function unread(n) {
    unreadCount = n;
    els.badge.hidden = n === 0;
    els.badge.textContent = String(n);
    els.launcher.setAttribute('aria-label', text.open + ': ' + els.name + (n ? ' (' + n + ' ' + text.unread + ')' : ''));
  }

  // seen remembers the last entry the citizen had the chat open for.
  function seen(id) {
    if (!els.panel.hidden && id) { saved.seen = id; save(); }
  }

  // checkUnread asks, on a page where the chat starts closed, whether
  // replies came since the citizen last looked.
  function checkUnread() {
    call('GET', '/messages?wait=0&after=' + encodeURIComponent(saved.seen || '')).then(function (r) {
      return r.ok ? r.json() : { messages: [] };
    }).then(function (a) {
      unread(a.messages.filter(function (e) { return e.from === 'bot'; }).length);
    }).catch(function () { /* offline: no badge */ });
  }

  // clearChoices takes away the buttons of earlier questions.
  function clearChoices() {
    Array.prototype.forEach.call(els.log.querySelectorAll('.choices, .location'), function (n) { n.remove(); });
  }

  function typing(on) {
    clearTimeout(typingTimer);
    els.typing.hidden = !on;
    if (on) { typingTimer = setTimeout(function () { els.typing.hidden = true; }, 20000); }
  }

  function offline(on) {
    els.status.hidden = !on;
    els.status.textContent = on ? text.offline : '';
  }

  // start opens (or resumes) the session, shows the conversation so far and
  // listens for replies.
  function start() {
    if (started) { return; }
    started = true;
    openSession().then(function () {
      flush();
      listen();
    });
  }

  function openSession() {
    return call('POST', '/sessions').then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    }).then(function (s) {
      if (s.token !== saved.token) { shown = {}; cursor = ''; }
      saved.token = s.token;
      renewing = false;
      save();
      s.messages.forEach(receive);
      saved.pending.forEach(function (m) {
        if (!shown[m.id]) { bubble({ from: 'citizen', text: m.text }, m.id).classList.add('pending'); }
      });
      offline(false);
    }).catch(function () {
      offline(true);
      return sleep(3000).then(openSession);
    });
  }

  function sendText(value) {
    value = (value || '').trim();
    if (!value) { return; }
    els.input.value = '';
    var m = { id: newID(), text: value };
    saved.pending.push(m);
    save();
    clearChoices();
    bubble({ from: 'citizen', text: value }, m.id).classList.add('pending');
    flush();
  }

  // flush sends the messages not yet taken, in order, retrying with back-off
  // while the network or the server is down; a message refused outright is
  // marked failed and dropped.
  var flushing = false;
  function flush() {
    if (flushing || !saved.token) { return; }
    flushing = true;
    var delay = 1000;
    (function next() {
      var m = saved.pending[0];
      if (!m) { flushing = false; return; }
      typing(true);
      call('POST', '/messages', { id: m.id, text: m.text }).then(function (r) {
        if (r.ok || (r.status >= 400 && r.status < 500 && r.status !== 401 && r.status !== 429)) {
          if (!r.ok && shown[m.id]) { shown[m.id].classList.add('failed'); typing(false); }
          saved.pending.shift();
          save();
          delay = 1000;
          offline(false);
          return next();
        }
        if (r.status === 401) { flushing = false; return renew(); }
        throw new Error(r.status);
      }).catch(function () {
        offline(true);
        delay = Math.min(delay * 2, 30000);
        sleep(delay).then(next);
      });
    })();
  }

  function upload(f) {
    var id = newID();
    var b = bubble({ from: 'citizen', file: f.name }, id);
    if (f.size > MAX_UPLOAD) { b.classList.add('failed'); note(text.too_large); return; }
    b.classList.add('pending');
    typing(true);
    var delay = 1000;
    (function attempt() {
      var form = new FormData();
      form.append('id', id);
      form.append('file', f);
      call('POST', '/uploads', form).then(function (r) {
        if (r.ok) { return; }
        if (r.status >= 400 && r.status < 500 && r.status !== 429) {
          b.classList.add('failed');
          typing(false);
          note(r.status === 413 ? text.too_large : r.status === 415 ? text.bad_file : text.failed);
          return;
        }
        throw new Error(r.status);
      }).catch(function () {
        delay = Math.min(delay * 2, 30000);
        sleep(delay).then(attempt);
      });
    })();
  }

  function shareLocation() {
    navigator.geolocation.getCurrentPosition(function (pos) {
      var id = newID();
      bubble({ from: 'citizen', location: true }, id).classList.add('pending');
      clearChoices();
      typing(true);
      var b = shown[id];
      call('POST', '/location', { id: id, lat: pos.coords.latitude, long: pos.coords.longitude }).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
      }).catch(function () {
        b.classList.add('failed');
        typing(false);
        note(text.failed);
      });
    }, function () { note(text.location_denied); }, { timeout: 15000 });
  }

  function note(msg) {
    var n = el('p', 'note', { role: 'alert' });
    n.textContent = msg;
    els.log.appendChild(n);
    els.log.scrollTop = els.log.scrollHeight;
  }

  // ---- replies: Server-Sent Events read with fetch (so that the token goes
  // in a header, not the URL), else long polling ------------------------------

  var listening = false;
  function listen() {
    if (listening) { return; }
    listening = true;
    var failures = 0;
    var streams = !!(window.ReadableStream && window.TextDecoder);
    (function again() {
      var attempt = streams ? stream() : poll();
      attempt.then(function (gotAny) {
        failures = gotAny ? 0 : failures + 1;
        if (streams && failures >= 3) { streams = false; failures = 0; }
        offline(false);
      }, function () {
        failures++;
        if (streams && failures >= 3) { streams = false; failures = 0; }
        offline(true);
        return sleep(Math.min(1000 * failures, 15000));
      }).then(again);
    })();
  }

  // A stream that brings nothing, not even the heartbeat, for 40 s is held
  // back by something on the way: it is dropped, and after three such the
  // widget polls instead.
  function stream() {
    var got = false;
    var ctl = new AbortController();
    var watchdog = 0;
    function watch() { clearTimeout(watchdog); watchdog = setTimeout(function () { ctl.abort(); }, 40000); }
    watch();
    return call('GET', '/events?after=' + encodeURIComponent(cursor), null, { Accept: 'text/event-stream' }, ctl.signal).then(function (r) {
      if (r.status === 401) { renew(); throw new Error('session'); }
      if (!r.ok || !r.body) { throw new Error(r.status); }
      var reader = r.body.getReader();
      var decoder = new TextDecoder();
      var buf = '';
      return (function read() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { clearTimeout(watchdog); return got; }
          got = true;
          watch();
          buf += decoder.decode(chunk.value, { stream: true });
          var events = buf.split('\n\n');
          buf = events.pop();
          events.forEach(function (ev) {
            var data = '';
            ev.split('\n').forEach(function (line) {
              if (line.indexOf('data: ') === 0) { data += line.slice(6); }
            });
            if (data) { receive(JSON.parse(data)); }
          });
          return read();
        });
      })();
    });
  }

  // renew starts a new session when the server no longer knows this one,
  // once however many requests found out.
  var renewing = false;
  function renew() {
    if (renewing) { return; }
    renewing = true;
    started = false;
    saved.token = '';
    start();
  }

  function poll() {
    return call('GET', '/messages?after=' + encodeURIComponent(cursor)).then(function (r) {
      if (r.status === 401) { renew(); }
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    }).then(function (a) {
      a.messages.forEach(receive);
      return true;
    });
  }

  // ---- start ---------------------------------------------------------------

  function init() {
    fetch(api + '/config', { credentials: 'omit' }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    }).then(build).catch(function (e) {
      if (window.console) { console.warn('LAPOR! widget: ' + e.message); }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
