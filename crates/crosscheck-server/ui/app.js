// crosscheck web UI: story list, story dossier, search, upload, article reader.
//
// Plain browser JavaScript, no build step and no external resource: the server
// embeds this file and sends `Content-Security-Policy: default-src 'self'`.
// Every piece of text that comes from an article is untrusted, so the DOM is
// built with createElement/textContent only (never innerHTML), there are no
// inline handlers and no inline style attributes (positions and widths go
// through CSSOM, which the policy allows).
'use strict';

(() => {
  // ---------------------------------------------------------------- tables
  // Labels and settings of the interface, apart from the code that uses them.

  /** Auto-refresh choices of the story list, in seconds (0 = off). */
  const REFRESH_CHOICES = [0, 15, 30, 60, 300];
  const REFRESH_DEFAULT = 30;
  /** Stories and articles fetched per page. */
  const PAGE_SIZE = 50;
  /** While a story's first dossier is being built (503 dossier_pending): retry delay and give-up time, ms. */
  const PENDING_RETRY_MS = 1500;
  const PENDING_GIVE_UP_MS = 120_000;
  /** localStorage keys. */
  const KEY_SEEN = 'crosscheck.seen.v1';
  const KEY_REFRESH = 'crosscheck.refresh.v1';
  /** sessionStorage key of the write token (servers started with a token). */
  const KEY_TOKEN = 'crosscheck.token.v1';
  /** How a quote variant differs from the reference wording. */
  const VARIANT_LABELS = {
    identical: 'identical',
    punctuation_only: 'punctuation only',
    shortened: 'shortened',
    extended: 'extended',
    words_dropped: 'words dropped',
    words_added: 'words added',
    wording_changed: 'wording changed',
  };
  /** How a speaker was found, when it is worth saying. */
  const SPEAKER_METHOD_LABELS = {
    anonymous: 'anonymous source',
    'role-resolved': 'named from a role',
    pronoun: 'named from a pronoun',
  };
  /** Kinds of conflicts between outlets. */
  const CONFLICT_LABELS = { role: 'Title or role', number: 'Number', date: 'Date' };
  /** Incident register kinds (machine name → label). */
  const INCIDENT_LABELS = {
    sabotage_arson: 'sabotage / arson',
    explosion: 'explosion',
    cable_damage: 'cable or pipeline damage',
    drone_incursion: 'drone incursion',
    airspace_violation: 'airspace violation',
    gps_jamming: 'GPS jamming',
    cyber_attack: 'cyber attack',
    espionage_arrest: 'espionage / arrest',
    naval_shadowing: 'naval shadowing',
    strike: 'missile / drone strike',
    military_aircraft: 'military aircraft near border',
    other: 'other',
  };
  /** Number of colour classes (`outlet-c0` …) outlets are spread over. */
  const OUTLET_COLOURS = 8;
  /** Upload: file name suffix → Content-Type sent to POST /articles. */
  const UPLOAD_TYPES = [
    ['.jsonl', 'application/x-ndjson'],
    ['.ndjson', 'application/x-ndjson'],
    ['.json', 'application/json'],
    ['.html', 'text/html; charset=utf-8'],
    ['.htm', 'text/html; charset=utf-8'],
    ['.txt', 'text/plain; charset=utf-8'],
    ['.text', 'text/plain; charset=utf-8'],
  ];
  const SVG_NS = 'http://www.w3.org/2000/svg';

  // ---------------------------------------------------------------- DOM building

  /**
   * Create an element. `attrs` values: strings become attributes, except
   * `class` (string or array), `text` (textContent) and `dataset` (object).
   * Event handler attributes are refused: handlers go through addEventListener.
   */
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    append(el, kids);
    return el;
  }

  /** Create an SVG element, same rules as `h`. */
  function s(tag, attrs, ...kids) {
    const el = document.createElementNS(SVG_NS, tag);
    setAttrs(el, attrs);
    append(el, kids);
    return el;
  }

  function setAttrs(el, attrs) {
    if (!attrs) return;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (/^on/i.test(k) || k === 'style' || k === 'innerHTML') throw new Error(`refused attribute ${k}`);
      if (k === 'class') {
        const list = Array.isArray(v) ? v.filter(Boolean) : String(v).split(/\s+/).filter(Boolean);
        for (const c of list) el.classList.add(c);
      } else if (k === 'text') {
        el.textContent = String(v);
      } else if (k === 'dataset') {
        for (const [dk, dv] of Object.entries(v)) el.dataset[dk] = String(dv);
      } else {
        el.setAttribute(k, v === true ? '' : String(v));
      }
    }
  }

  function append(el, kids) {
    for (const k of kids.flat(Infinity)) {
      if (k === undefined || k === null || k === false || k === '') continue;
      el.append(k instanceof Node ? k : document.createTextNode(String(k)));
    }
  }

  /** Replace the children of `el`. */
  function fill(el, ...kids) {
    el.replaceChildren();
    append(el, kids);
    return el;
  }

  const $ = (sel, root = document) => root.querySelector(sel);

  // ---------------------------------------------------------------- formatting

  function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
  }

  /** Parse an ISO date / RFC 3339 timestamp / unix seconds into a Date (or null). */
  function toDate(v) {
    if (v === undefined || v === null || v === '') return null;
    if (typeof v === 'number') return new Date(v < 1e12 ? v * 1000 : v);
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
    return Number.isNaN(d.getTime()) ? null : d;
  }

  const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortDayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const stampFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const clockFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  /** A date range `[start, end]` (ISO days) as words: a day, a month, or a span. */
  function rangeLabel(start, end, precision) {
    const a = toDate(start);
    const b = toDate(end || start);
    if (!a) return 'undated';
    if (!b || start === end || precision === 'day') return dayFormat.format(a);
    const lastOfMonth = new Date(Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + 1, 0));
    if (precision === 'month' || (a.getUTCDate() === 1 && b.getTime() === lastOfMonth.getTime())) return monthFormat.format(a);
    return `${shortDayFormat.format(a)} – ${shortDayFormat.format(b)}`;
  }

  /** "5 min ago" style distance from now. */
  function ago(date) {
    if (!date) return '';
    const secs = Math.round((Date.now() - date.getTime()) / 1000);
    if (secs < 45) return 'just now';
    const mins = Math.round(secs / 60);
    if (mins < 60) return `${mins} min ago`;
    const hours = Math.round(mins / 60);
    if (hours < 36) return `${hours} h ago`;
    return `${Math.round(hours / 24)} days ago`;
  }

  /** A stable colour class for an outlet name, so one outlet looks the same everywhere. */
  function outletClass(name) {
    let x = 0;
    for (const ch of String(name)) x = (x * 31 + ch.codePointAt(0)) >>> 0;
    return `outlet-c${x % OUTLET_COLOURS}`;
  }

  function outletChip(name) {
    return h('span', { class: ['outlet', outletClass(name)], text: name });
  }

  function outletChips(names) {
    return h('span', { class: 'outlets' }, (names || []).map(outletChip));
  }

  function badge(text, kind) {
    return h('span', { class: ['badge', kind && `badge-${kind}`], text });
  }

  // ---------------------------------------------------------------- API

  /** An error the API answered with `{"error": {"code", "message"}}`, or a network failure. */
  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function api(path, options = {}) {
    let res;
    try {
      res = await fetch(path, { headers: { Accept: 'application/json' }, ...options });
    } catch (e) {
      throw new ApiError(0, 'network', `The server did not answer (${e.message}).`);
    }
    const type = res.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await res.json().catch(() => null) : await res.text();
    if (!res.ok) {
      const err = body && body.error;
      throw new ApiError(res.status, (err && err.code) || `http_${res.status}`, (err && err.message) || `${res.status} ${res.statusText}`);
    }
    return body;
  }

  /** The list inside a paged answer, whether the server sends a bare array or an envelope. */
  function listOf(body, ...keys) {
    if (Array.isArray(body)) return body;
    for (const k of [...keys, 'items', 'results']) if (body && Array.isArray(body[k])) return body[k];
    return [];
  }

  function errorBox(err, what) {
    return h('div', { class: 'notice notice-error', role: 'alert' },
      h('strong', { text: `Could not ${what}.` }), ' ',
      err instanceof ApiError ? `${err.message} (${err.code})` : String(err && err.message ? err.message : err));
  }

  // ---------------------------------------------------------------- article texts (byte spans)

  // Spans in the dossier are UTF-8 byte offsets; JavaScript strings are UTF-16,
  // so texts are sliced on their encoded bytes.
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const byteCache = new WeakMap();

  function bytesOf(article) {
    let b = byteCache.get(article);
    if (!b) {
      b = encoder.encode(article.text || '');
      byteCache.set(article, b);
    }
    return b;
  }

  function sliceBytes(article, start, end) {
    const b = bytesOf(article);
    return decoder.decode(b.subarray(Math.max(0, start), Math.min(b.length, end)));
  }

  function sentenceIndexAt(article, pos) {
    const list = article.sentences || [];
    return list.findIndex((x) => x.start <= pos && pos < Math.max(x.end, x.start + 1));
  }

  /**
   * The sentence(s) around a cited span, as `{before, marked, after, index}`:
   * the cite is shown inside its whole sentence.
   */
  function citeContext(article, span) {
    if (!article || !span) return null;
    const i = sentenceIndexAt(article, span.start);
    const j = sentenceIndexAt(article, Math.max(span.start, span.end - 1));
    const from = i >= 0 ? Math.min(article.sentences[i].start, span.start) : span.start;
    const to = j >= 0 ? Math.max(article.sentences[j].end, span.end) : span.end;
    return {
      index: i,
      before: sliceBytes(article, from, span.start),
      marked: sliceBytes(article, span.start, span.end),
      after: sliceBytes(article, span.end, to),
    };
  }

  // ---------------------------------------------------------------- state

  const state = {
    /** The dossier on screen (story page), for cites and the reader. */
    dossier: null,
    articlesById: new Map(),
    /** Cites registered on the page, by number (`data-cite`). */
    cites: [],
    /** Stories of the last list fetch: id → updated_at. */
    storyStamps: new Map(),
    refreshTimer: null,
    /** Reloads the story list in place (set while the list is on screen). */
    refreshList: null,
    lastChecked: null,
    route: null,
    /** Coastline rings for the incident map (`/map/outline.json`), loaded once. */
    mapOutline: null,
  };

  function loadSeen() {
    try {
      const v = JSON.parse(localStorage.getItem(KEY_SEEN) || '{}');
      return v && typeof v === 'object' ? v : {};
    } catch {
      return {};
    }
  }

  function saveSeen(seen) {
    try {
      localStorage.setItem(KEY_SEEN, JSON.stringify(seen));
    } catch {
      // Private mode or full storage: markers just will not persist.
    }
  }

  function markSeen(id, updatedAt) {
    const seen = loadSeen();
    seen[id] = updatedAt === undefined || updatedAt === null ? '' : String(updatedAt);
    saveSeen(seen);
  }

  function refreshSeconds() {
    const v = Number(localStorage.getItem(KEY_REFRESH));
    return REFRESH_CHOICES.includes(v) && localStorage.getItem(KEY_REFRESH) !== null ? v : REFRESH_DEFAULT;
  }

  // ---------------------------------------------------------------- cites and tooltips

  /**
   * A source tag: a link to the cited sentence in its article. Hover/focus shows
   * the sentence (tooltip), activation opens the reader on it.
   */
  function citeLink(cite, label) {
    const n = state.cites.push(cite) - 1;
    const href = `#/article/${encodeURIComponent(cite.article)}?span=${cite.span ? `${cite.span.start}-${cite.span.end}` : ''}`;
    return h('a', {
      class: ['cite', outletClass(cite.source)],
      href,
      dataset: { cite: n },
      'aria-label': `Source: ${cite.source}. ${cite.text || ''}`.trim(),
      text: label || cite.source,
    });
  }

  function citeLinks(cites) {
    return h('span', { class: 'cites' }, (cites || []).map((c) => citeLink(c)));
  }

  const tip = () => $('#tip');
  let tipAnchor = null;

  function showTip(anchor) {
    const cite = state.cites[Number(anchor.dataset.cite)];
    if (!cite) return;
    const t = tip();
    const article = state.articlesById.get(cite.article);
    const ctx = citeContext(article, cite.span);
    const meta = [cite.source];
    if (ctx && ctx.index >= 0) meta.push(`sentence ${ctx.index + 1}`);
    if (article && article.published) meta.push(article.published);
    fill(t,
      h('p', { class: 'tip-meta', text: meta.join(' · ') }),
      ctx
        ? h('p', { class: 'tip-text' }, ctx.before, h('mark', { text: ctx.marked }), ctx.after)
        : h('p', { class: 'tip-text' }, h('mark', { text: cite.text || '' })),
      h('p', { class: 'tip-hint', text: 'Enter or click: open the article at this sentence' }));
    t.hidden = false;
    anchor.setAttribute('aria-describedby', 'tip');
    tipAnchor = anchor;
    placeTip();
  }

  /** Keep the tooltip beside its source tag (also while the page scrolls). */
  function placeTip() {
    const t = tip();
    const anchor = tipAnchor;
    if (!anchor || t.hidden) return;
    const r = anchor.getBoundingClientRect();
    if (r.bottom < 0 || r.top > window.innerHeight) {
      hideTip(anchor);
      return;
    }
    const tw = t.offsetWidth;
    const th = t.offsetHeight;
    let left = Math.min(Math.max(8, r.left), window.innerWidth - tw - 8);
    let top = r.bottom + 6;
    if (top + th > window.innerHeight - 8) top = Math.max(8, r.top - th - 6);
    t.style.left = `${Math.round(left)}px`;
    t.style.top = `${Math.round(top)}px`;
  }

  function hideTip(anchor) {
    const t = tip();
    if (t) t.hidden = true;
    tipAnchor = null;
    if (anchor) anchor.removeAttribute('aria-describedby');
  }

  document.addEventListener('mouseover', (e) => {
    const a = e.target.closest && e.target.closest('a.cite');
    if (a) showTip(a);
  });
  document.addEventListener('mouseout', (e) => {
    const a = e.target.closest && e.target.closest('a.cite');
    if (a && !a.contains(e.relatedTarget)) hideTip(a);
  });
  document.addEventListener('focusin', (e) => {
    const a = e.target.closest && e.target.closest('a.cite');
    if (a) showTip(a);
  });
  document.addEventListener('focusout', (e) => {
    const a = e.target.closest && e.target.closest('a.cite');
    if (a) hideTip(a);
  });
  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a.cite');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    const cite = state.cites[Number(a.dataset.cite)];
    if (!cite) return;
    e.preventDefault();
    hideTip(a);
    openReader(cite.article, cite.span, a);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    if (!tip().hidden) {
      hideTip(document.activeElement && document.activeElement.closest ? document.activeElement.closest('a.cite') : null);
    } else if (!$('#reader').hidden) {
      closeReader();
    }
  });

  // ---------------------------------------------------------------- reader (article side panel)

  let readerReturnFocus = null;

  /** The article's text as paragraphs of sentences; the sentence(s) under `span` marked. */
  function articleBody(article, span) {
    const body = h('div', { class: 'article-text' });
    const sentences = article.sentences || [];
    let marked = null;
    if (!sentences.length) {
      // An article from GET /articles/{id}: paragraphs are byte ranges `[start, end]`.
      const paras = Array.isArray(article.paragraphs) && article.paragraphs.length
        ? article.paragraphs.map(([a, b]) => sliceBytes(article, a, b))
        : String(article.text || '').split(/\n\s*\n/);
      for (const para of paras) if (para.trim()) body.append(h('p', { text: para.trim() }));
      return { body, marked };
    }
    let p = h('p');
    let pos = 0;
    sentences.forEach((x, i) => {
      if (x.start < pos) return;
      const gap = sliceBytes(article, pos, x.start);
      if (gap.includes('\n') && p.childNodes.length) {
        body.append(p);
        p = h('p');
      }
      const hit = span && x.start < Math.max(span.end, span.start + 1) && span.start < x.end;
      const el = h('span', { class: ['sentence', hit && 'sentence-cited'], id: `s-${article.id}-${i}` });
      if (hit && span.start >= x.start && span.end <= x.end && (span.start > x.start || span.end < x.end)) {
        // The cite is part of the sentence (a quotation, a title): mark the exact words.
        el.append(sliceBytes(article, x.start, span.start), h('mark', { text: sliceBytes(article, span.start, span.end) }), sliceBytes(article, span.end, x.end));
      } else {
        el.textContent = sliceBytes(article, x.start, x.end);
      }
      if (hit && !marked) marked = el;
      p.append(el, ' ');
      pos = x.end;
    });
    if (p.childNodes.length) body.append(p);
    return { body, marked };
  }

  function articleHeader(article, level) {
    const meta = [article.published || 'undated', article.path].filter(Boolean);
    const dup = article.duplicate_of ? badge(`copy of ${outletOfArticle(article.duplicate_of)}`, 'muted') : null;
    return [
      h(level, { class: 'article-title', text: article.title || `Article from ${article.source}` }),
      h('p', { class: 'article-meta' }, outletChip(article.source), ' ', meta.join(' · '), ' ', dup,
        article.url && /^https?:\/\//i.test(article.url) ? [' · ', h('a', { href: article.url, rel: 'noopener noreferrer nofollow', target: '_blank', text: 'original page' })] : null,
        article.story_id ? [' · ', h('a', { href: `#/story/${encodeURIComponent(article.story_id)}`, text: 'its story' })] : null),
    ];
  }

  function outletOfArticle(id) {
    const a = state.articlesById.get(id);
    return a ? a.source : id;
  }

  async function fetchArticle(id) {
    const known = state.articlesById.get(id);
    if (known) return known;
    const a = await api(`/articles/${encodeURIComponent(id)}`);
    return a && a.article ? a.article : a;
  }

  async function openReader(id, span, returnFocus) {
    const reader = $('#reader');
    const bodyEl = $('#reader-body');
    readerReturnFocus = returnFocus || document.activeElement;
    reader.hidden = false;
    document.body.classList.add('reader-open');
    fill(bodyEl, h('p', { class: 'loading', text: 'Loading the article…' }));
    try {
      const article = await fetchArticle(id);
      const { body, marked } = articleBody(article, span);
      fill(bodyEl, articleHeader(article, 'h3'), body,
        h('p', { class: 'reader-foot' }, h('a', { href: `#/article/${encodeURIComponent(id)}`, text: 'Open as a page' })));
      $('#reader-title').textContent = `Source: ${article.source}`;
      if (marked) marked.scrollIntoView({ block: 'center' });
    } catch (err) {
      fill(bodyEl, errorBox(err, 'load the article'));
    }
    $('#reader-close').focus();
  }

  function closeReader() {
    $('#reader').hidden = true;
    document.body.classList.remove('reader-open');
    if (readerReturnFocus && document.contains(readerReturnFocus)) readerReturnFocus.focus();
    readerReturnFocus = null;
  }

  // ---------------------------------------------------------------- banner

  function banner(text, action) {
    const b = $('#banner');
    if (!text) {
      b.hidden = true;
      b.replaceChildren();
      return;
    }
    fill(b, h('span', { text }), action ? [' ', action] : null);
    b.hidden = false;
  }

  // ---------------------------------------------------------------- view: story list

  async function viewStories(main) {
    document.title = 'Stories · crosscheck';
    const seconds = refreshSeconds();
    const refreshSelect = h('select', { id: 'refresh-every' },
      REFRESH_CHOICES.map((v) => h('option', { value: String(v), text: v === 0 ? 'off' : v < 60 ? `${v} s` : `${v / 60} min`, selected: v === seconds })));
    refreshSelect.addEventListener('change', () => {
      localStorage.setItem(KEY_REFRESH, refreshSelect.value);
      scheduleRefresh();
    });
    const status = h('span', { class: 'list-status', 'aria-live': 'polite' });
    const refreshNow = h('button', { type: 'button', class: 'button-quiet', text: 'Refresh now' });
    const markAll = h('button', { type: 'button', class: 'button-quiet', text: 'Mark all as read' });
    const list = h('ol', { class: 'story-list', id: 'story-list', 'aria-label': 'Stories, newest first' });
    const more = h('button', { type: 'button', class: 'button-quiet', text: 'Show older stories', hidden: true });
    fill(main,
      h('div', { class: 'page-head' },
        h('h1', { text: 'Stories' }),
        h('p', { class: 'lede', text: 'Developing stories, newest first. Each groups the reports of several outlets and cross-checks them.' })),
      h('div', { class: 'toolbar' },
        h('label', { for: 'refresh-every' }, 'Auto-refresh ', refreshSelect), refreshNow, markAll, status),
      list, more);

    let shown = 0;
    let stories = [];
    let storylineOf = new Map();

    const load = async (append) => {
      const offset = append ? shown : 0;
      const limit = append ? PAGE_SIZE : Math.max(PAGE_SIZE, shown);
      try {
        const page = listOf(await api(`/stories?offset=${offset}&limit=${limit}`), 'stories');
        stories = append ? stories.concat(page) : page;
        // Storylines (events of one developing story); the list works without them.
        try {
          const lines = listOf(await api('/storylines'), 'storylines');
          storylineOf = new Map();
          for (const line of lines) {
            if ((line.stories || []).length < 2) continue;
            for (const st of line.stories) storylineOf.set(st.id, line);
          }
        } catch {
          storylineOf = new Map();
        }
        shown = stories.length;
        state.lastChecked = new Date();
        renderList();
        more.hidden = page.length < limit;
        status.textContent = `${plural(stories.length, 'story', 'stories')} · checked ${clockFormat.format(state.lastChecked)}`;
      } catch (err) {
        status.textContent = '';
        fill(list, h('li', {}, errorBox(err, 'load the stories')));
      }
    };

    const renderList = () => {
      const seen = loadSeen();
      for (const st of stories) state.storyStamps.set(st.id, st.updated_at);
      if (!stories.length) {
        fill(list, h('li', { class: 'empty' },
          h('p', { text: 'No stories yet.' }),
          h('p', {}, h('a', { href: '#/upload', text: 'Add articles' }), ' (text, HTML or JSON Lines files) and crosscheck groups them into stories.')));
        return;
      }
      fill(list, stories.map((st) => {
        const updated = toDate(st.updated_at);
        const seenStamp = seen[st.id];
        let marker = null;
        if (seenStamp === undefined) marker = badge('new', 'new');
        else if (String(st.updated_at ?? '') !== seenStamp) marker = badge('updated', 'new');
        return h('li', { class: ['story-item', marker && 'is-new'] },
          h('div', { class: 'story-counts', 'aria-hidden': 'true' },
            h('span', { class: 'count-big', text: String(st.outlets ?? '?') }),
            h('span', { class: 'count-label', text: st.outlets === 1 ? 'outlet' : 'outlets' })),
          h('div', { class: 'story-main' },
            h('h2', { class: 'story-headline' }, h('a', { href: `#/story/${encodeURIComponent(st.id)}`, text: st.headline || st.id }), marker ? [' ', marker] : null),
            h('p', { class: 'story-meta' },
              `${plural(st.outlets ?? 0, 'outlet')} · ${plural(st.articles ?? 0, 'article')}`,
              updated ? [' · updated ', h('time', { datetime: updated.toISOString(), title: stampFormat.format(updated), text: ago(updated) })] : null),
            storylineNote(storylineOf.get(st.id), st.id)));
      }));
    };

    refreshNow.addEventListener('click', () => load(false));
    more.addEventListener('click', () => load(true));
    markAll.addEventListener('click', () => {
      const seen = loadSeen();
      for (const st of stories) seen[st.id] = String(st.updated_at ?? '');
      saveSeen(seen);
      renderList();
    });
    state.refreshList = () => load(false);
    await load(false);
  }

  /** "One of N events of a developing story", with links to the other events (in time order). */
  function storylineNote(line, id) {
    if (!line) return null;
    const others = line.stories.filter((x) => x.id !== id);
    const links = [];
    others.forEach((x, i) => {
      if (i) links.push(', ');
      links.push(h('a', { href: `#/story/${encodeURIComponent(x.id)}`, text: x.headline || x.id }));
    });
    return h('p', { class: 'story-meta storyline-note' },
      `One of ${line.stories.length} events of a developing story; the others: `, links);
  }

  /** Poll the story list every N seconds: refresh the list view, or tell the reader of a story that it changed. */
  function scheduleRefresh() {
    clearInterval(state.refreshTimer);
    state.refreshTimer = null;
    const seconds = refreshSeconds();
    if (!seconds) return;
    state.refreshTimer = setInterval(async () => {
      if (document.hidden) return;
      const r = state.route;
      if (r && r.name === 'stories' && state.refreshList) {
        state.refreshList();
        checkHealth();
      } else if (r && r.name === 'story' && state.dossier) {
        try {
          const list = listOf(await api(`/stories?offset=0&limit=${PAGE_SIZE}`), 'stories');
          const me = list.find((x) => x.id === r.id);
          const before = state.storyStamps.get(r.id);
          if (me && before !== undefined && String(me.updated_at) !== String(before)) {
            // Tell once per change; reloading marks this version as read.
            state.storyStamps.set(r.id, me.updated_at);
            const reload = h('button', { type: 'button', class: 'button-quiet', text: 'Reload the dossier' });
            reload.addEventListener('click', () => {
              banner(null);
              route();
            });
            banner(`This story has new reports (${plural(me.articles, 'article')} from ${plural(me.outlets, 'outlet')}).`, reload);
          }
        } catch {
          // A failed poll is retried at the next tick.
        }
      }
    }, seconds * 1000);
  }

  // ---------------------------------------------------------------- view: story dossier

  async function viewStory(main, id) {
    fill(main, h('p', { class: 'loading', text: 'Loading the dossier…' }));
    const routeAtStart = state.route;
    const started = Date.now();
    let d;
    for (;;) {
      try {
        d = await api(`/stories/${encodeURIComponent(id)}`);
        if (!state.mapOutline) {
          // The map still works without its coastline (grid and points only).
          state.mapOutline = await api('/map/outline.json').catch(() => null);
        }
        break;
      } catch (err) {
        // A story that just received reports may still wait for its dossier: wait with the reader.
        if (err.code === 'dossier_pending' && Date.now() - started < PENDING_GIVE_UP_MS) {
          fill(main, h('p', { class: 'loading', text: `The dossier of this story is being built from its latest reports… (${Math.round((Date.now() - started) / 1000)} s)` }));
          await new Promise((resolve) => setTimeout(resolve, PENDING_RETRY_MS));
          if (state.route !== routeAtStart) return;
          continue;
        }
        fill(main, errorBox(err, `load story ${id}`), h('p', {}, h('a', { href: '#/', text: '← All stories' })));
        return;
      }
    }
    if (state.route !== routeAtStart) return;
    state.dossier = d;
    state.articlesById = new Map((d.articles || []).map((a) => [a.id, a]));
    const sum = d.summary || {};
    document.title = `${sum.headline || d.story_id} · crosscheck`;
    // Opening a story marks it read at the stamp the list last showed.
    const stamp = state.storyStamps.get(id) ?? state.storyStamps.get(d.story_id);
    if (stamp !== undefined) {
      markSeen(id, stamp);
      if (d.story_id && d.story_id !== id) markSeen(d.story_id, stamp);
    }
    else {
      api(`/stories?offset=0&limit=${PAGE_SIZE}`).then((b) => {
        const me = listOf(b, 'stories').find((x) => x.id === id || x.id === d.story_id);
        if (me) {
          state.storyStamps.set(me.id, me.updated_at);
          markSeen(me.id, me.updated_at);
        }
      }).catch(() => {});
    }

    const quotes = d.quotes || [];
    const claims = d.claims || [];
    const conflicts = d.conflicts || [];
    const framingRows = (d.framing && d.framing.rows) || [];
    const timeline = d.timeline || [];
    const incidents = d.incidents || [];
    const people = d.people || [];
    const articles = d.articles || [];
    const changedQuotes = quotes.filter((q) => (q.variants || []).some((v) => v.kind !== 'identical' && v.kind !== 'punctuation_only'));
    const sections = [
      ['quotes', 'Who said what', quotes.length],
      ['claims', 'Claims', claims.length],
      ['conflicts', 'Conflicts', conflicts.length],
      ['framing', 'Framing', framingRows.length],
      ['timeline', 'Timeline', timeline.length],
      ['incidents', 'Incidents', incidents.length],
      ['people', 'People', people.length],
      ['outlets', 'Outlets', articles.length],
    ];
    const dates = sum.first_date ? (sum.first_date === sum.last_date ? sum.first_date : `${sum.first_date} – ${sum.last_date}`) : null;

    fill(main,
      h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/', text: '← All stories' })),
      h('header', { class: 'story-head' },
        h('p', { class: 'kicker' },
          `${plural(sum.article_count ?? articles.length, 'report')} · ${plural(sum.outlet_count ?? 0, 'outlet')} · ${sum.independent_outlets ?? '?'} independent`,
          dates ? ` · ${dates}` : ''),
        h('h1', { class: 'story-title', text: sum.headline || d.story_id }),
        h('ul', { class: 'summary-lines' }, (sum.lines || []).map((l) => h('li', { text: l }))),
        h('p', { class: 'story-tools' },
          h('a', { href: `/stories/${encodeURIComponent(d.story_id)}.md`, text: 'Markdown' }), ' · ',
          h('a', { href: `/stories/${encodeURIComponent(d.story_id)}`, text: 'JSON' }), ' · ',
          h('span', { class: 'muted', text: `${d.story_id} · ${d.schema || ''}` }))),
      h('nav', { class: 'section-nav', 'aria-label': 'Dossier sections' },
        h('ul', {}, sections.map(([sid, label, n]) => h('li', {}, h('a', { href: `#/story/${encodeURIComponent(id)}/${sid}`, dataset: { section: sid } }, label, ' ', h('span', { class: 'nav-count', text: String(n) })))))),
      sectionQuotes(quotes, changedQuotes),
      sectionClaims(claims, sum.single_source_top || []),
      sectionConflicts(conflicts),
      sectionFraming(d.framing || {}),
      sectionTimeline(timeline, sum),
      sectionIncidents(incidents),
      sectionPeople(people),
      sectionOutlets(articles));
  }

  function section(id, title, intro, ...body) {
    return h('section', { class: 'dossier-section', id: `sec-${id}`, 'aria-labelledby': `h-${id}` },
      h('h2', { id: `h-${id}`, text: title }),
      intro ? h('p', { class: 'section-intro', text: intro }) : null,
      ...body);
  }

  function emptyNote(text) {
    return h('p', { class: 'empty', text });
  }

  // Who said what ---------------------------------------------------------

  function diffView(diff) {
    const out = h('span', { class: 'diff' });
    (diff || []).forEach((op, i) => {
      if (i) out.append(' ');
      if (op.op === 'delete') out.append(h('del', { title: 'in the reference wording, missing here', text: op.text }));
      else if (op.op === 'insert') out.append(h('ins', { title: 'added here', text: op.text }));
      else out.append(h('span', { text: op.text }));
    });
    return out;
  }

  function quoteCard(q) {
    const versions = q.versions || [];
    const ref = versions[q.reference] || versions[0] || { text: '' };
    const variants = q.variants || [];
    const changed = variants.some((v) => v.kind !== 'identical' && v.kind !== 'punctuation_only');
    const method = (q.members || []).map((m) => SPEAKER_METHOD_LABELS[m.speaker_method]).find(Boolean);
    const rows = versions.map((v, vi) => {
      const variant = variants.find((x) => x.version === vi);
      const members = (q.members || []).filter((m) => m.version === vi);
      const scare = members.some((m) => m.scare_quote);
      let wording;
      if (vi === q.reference) {
        wording = h('div', { class: 'wording' },
          h('q', { text: v.text }), ' ',
          badge('reference wording', 'ref'),
          v.punctuation_differs ? [' ', badge('punctuation differs only — not a misquote', 'muted')] : null);
      } else if (variant) {
        wording = h('div', { class: 'wording' },
          h('q', { text: v.text }),
          h('p', { class: 'variant-line' }, badge(VARIANT_LABELS[variant.kind] || variant.kind, changed ? 'warn' : 'muted'), ' ', diffView(variant.diff)));
      } else {
        wording = h('div', { class: 'wording' }, h('q', { text: v.text }));
      }
      return h('li', { class: ['version', vi === q.reference && 'version-ref', variant && 'version-variant'] },
        h('div', { class: 'version-outlets' },
          h('span', { class: 'version-count', text: plural((v.sources || []).length, 'outlet') }),
          members.length ? citeLinks(members.map((m) => m.cite)) : outletChips(v.sources),
          scare ? badge('scare quote', 'muted') : null),
        wording);
    });
    return h('article', { class: ['quote-card', changed && 'quote-changed'], id: `quote-${q.id}`, 'aria-labelledby': `quote-${q.id}-h` },
      h('header', { class: 'quote-head' },
        h('h3', { id: `quote-${q.id}-h`, text: q.speaker || 'Unattributed' }),
        method ? h('span', { class: 'speaker-method', text: method }) : null,
        h('span', { class: 'quote-badges' },
          badge(plural(q.independent_sources ?? (q.sources || []).length, 'independent outlet'), 'count'),
          changed ? badge('wording differs', 'warn') : null)),
      h('blockquote', { class: 'quote-ref' }, h('p', { text: `“${ref.text}”` })),
      versions.length > 1 || (q.members || []).length ? h('ol', { class: 'versions', 'aria-label': 'Wording by outlet' }, rows) : null);
  }

  function sectionQuotes(quotes, changedQuotes) {
    const list = h('div', { class: 'quote-list' }, quotes.map(quoteCard));
    const toggle = h('input', { type: 'checkbox', id: 'only-changed' });
    toggle.addEventListener('change', () => list.classList.toggle('only-changed', toggle.checked));
    return section('quotes', 'Who said what',
      `${plural(quotes.length, 'quotation')}, grouped by what was said. ${changedQuotes.length} printed with different wording by different outlets.`,
      quotes.length ? h('div', { class: 'toolbar' },
        h('label', { for: 'only-changed' }, toggle, ' Only quotations whose wording differs'),
        h('span', { class: 'legend' }, 'Differences from the reference wording: ', h('del', { text: 'dropped' }), ' ', h('ins', { text: 'added' }))) : null,
      quotes.length ? list : emptyNote('No quotations found in these reports.'));
  }

  // Claims ------------------------------------------------------------------

  function claimItem(c) {
    return h('li', { class: ['claim', `claim-${c.status}`], id: `claim-${c.id}` },
      h('p', { class: 'claim-text', text: c.text }),
      h('p', { class: 'claim-meta' },
        badge(c.status === 'corroborated' ? `${c.independent_sources} independent` : 'one outlet', c.status === 'corroborated' ? 'ok' : 'single'), ' ',
        citeLinks(c.support),
        c.specifics && c.specifics.length ? h('span', { class: 'specifics', text: ` only here: ${c.specifics.join(', ')}` }) : null));
  }

  // The summary's few single-source claims (most worth checking first) are
  // shown; the others wait behind "show all" (a big story has hundreds).
  function sectionClaims(claims, topIds) {
    const corroborated = claims.filter((c) => c.status === 'corroborated');
    const single = claims.filter((c) => c.status !== 'corroborated');
    const top = topIds.length ? single.filter((c) => topIds.includes(c.id)) : single.slice(0, 10);
    const rest = single.filter((c) => !top.includes(c));
    const singleList = [h('ul', { class: 'claims' }, top.map(claimItem))];
    if (rest.length) {
      singleList.push(h('details', { class: 'claims-more' },
        h('summary', { text: `Show the other ${rest.length} single-source claims` }),
        h('ul', { class: 'claims' }, rest.map(claimItem))));
    }
    return section('claims', 'Claims',
      'Statements of fact, matched across outlets. Corroborated claims are reported by more than one independent text; single-source claims rest on one outlet.',
      h('div', { class: 'claim-columns' },
        h('div', { class: 'claim-column' },
          h('h3', {}, 'Corroborated ', h('span', { class: 'nav-count', text: String(corroborated.length) })),
          corroborated.length ? h('ul', { class: 'claims' }, corroborated.map(claimItem)) : emptyNote('None.')),
        h('div', { class: 'claim-column' },
          h('h3', {}, 'Single source ', h('span', { class: 'nav-count', text: String(single.length) })),
          single.length ? singleList : emptyNote('None.'))));
  }

  // Conflicts -----------------------------------------------------------------

  function sectionConflicts(conflicts) {
    const claimText = (cid) => {
      const c = state.dossier && (state.dossier.claims || []).find((x) => x.id === cid);
      return c ? c.text : null;
    };
    const cards = conflicts.map((c) => {
      const subject = c.kind === 'role' ? `Title of ${c.subject}` : c.kind === 'number' ? `Number of ${c.subject}` : 'When did it happen?';
      const about = c.kind === 'date' ? (claimText(c.claim) || c.subject) : null;
      return h('article', { class: ['conflict', `conflict-${c.kind}`] },
        h('header', {}, badge(CONFLICT_LABELS[c.kind] || c.kind, 'warn'), ' ', h('h3', { class: 'conflict-subject', text: subject })),
        about ? h('p', { class: 'conflict-about', text: about }) : null,
        h('div', { class: 'sides' }, (c.sides || []).map((side, i) => [
          i ? h('span', { class: 'versus', 'aria-hidden': 'true', text: 'vs' }) : null,
          h('div', { class: 'side' },
            h('p', { class: 'side-value', text: `“${side.value}”` }),
            h('p', { class: 'side-outlets' }, h('span', { class: 'version-count', text: plural((side.sources || []).length, 'outlet') }), ' ',
              (side.cites || []).length ? citeLinks(side.cites) : outletChips(side.sources))),
        ])));
    });
    return section('conflicts', 'Conflicts',
      'Where outlets give different titles, numbers or dates for the same thing.',
      conflicts.length ? h('div', { class: 'conflict-list' }, cards) : emptyNote('No conflicts found between the outlets.'));
  }

  // Framing -------------------------------------------------------------------

  function certaintyBar(score) {
    const v = Math.max(0, Math.min(1, Number(score) || 0));
    const fillEl = h('span', { class: 'bar-fill' });
    fillEl.style.width = `${Math.round(v * 100)}%`;
    return h('span', { class: 'bar', role: 'img', 'aria-label': `certainty ${v.toFixed(2)} of 1` }, fillEl);
  }

  function cueChips(c) {
    return h('span', { class: 'cues' },
      (c.boosters || []).map((b) => h('span', { class: 'cue cue-booster', title: 'sounds more certain', text: `+ ${b}` })),
      (c.hedges || []).map((x) => h('span', { class: 'cue cue-hedge', title: 'sounds less certain', text: `− ${x}` })));
  }

  function sectionFraming(f) {
    const rows = f.rows || [];
    const reference = f.reference_text
      ? h('div', { class: 'framing-ref' },
        h('p', { class: 'framing-ref-label' }, 'What the source said', f.reference_speaker ? ` (${f.reference_speaker})` : '', ':'),
        h('blockquote', {}, h('p', { text: `“${f.reference_text}”` })),
        f.reference_certainty ? h('p', { class: 'framing-ref-score' }, 'certainty ', h('strong', { text: Number(f.reference_certainty.score).toFixed(2) }), ' ', certaintyBar(f.reference_certainty.score), ' ', cueChips(f.reference_certainty)) : null)
      : null;
    const table = h('table', { class: 'framing-table' },
      h('caption', { class: 'visually-hidden', text: 'How each outlet frames the story in its lead' }),
      h('thead', {}, h('tr', {}, ['Outlet', 'Lead', 'Certainty', 'Cues', 'Verdict'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, rows.map((r) => h('tr', { class: r.flagged ? 'flagged' : null },
        h('th', { scope: 'row' }, outletChip(r.source)),
        h('td', { class: 'lead' }, h('span', { text: r.lead }), ' ', citeLinks(r.lead_cites)),
        h('td', { class: 'score' }, h('span', { class: 'score-num', text: Number(r.certainty && r.certainty.score).toFixed(2) }), certaintyBar(r.certainty && r.certainty.score)),
        h('td', {}, cueChips(r.certainty || {})),
        h('td', {}, r.flagged ? badge('more certain than the source', 'alert') : badge('in line', 'ok'))))));
    return section('framing', 'Framing',
      'How sure each outlet’s lead sounds, against what the quoted source actually said. Flagged leads overstate the source.',
      reference, rows.length ? h('div', { class: 'table-wrap' }, table) : emptyNote('No leads to compare.'));
  }

  // Timeline ------------------------------------------------------------------

  /** Dated entries on a vertical axis, grouped by date; undated ones after. */
  function sectionTimeline(events, sum) {
    const dated = events.filter((e) => Array.isArray(e.date) && e.date[0]);
    const undated = events.filter((e) => !(Array.isArray(e.date) && e.date[0]));
    const groups = new Map();
    for (const e of dated) {
      const key = `${e.date[0]}|${e.date[1] || e.date[0]}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    }
    const keys = [...groups.keys()];
    if (sum.first_date) {
      const key = `${sum.first_date}|${sum.last_date || sum.first_date}`;
      if (!groups.has(key)) {
        groups.set(key, []);
        keys.push(key);
      }
    }
    keys.sort((a, b) => {
      const [as, ae] = a.split('|');
      const [bs, be] = b.split('|');
      return as === bs ? ae.localeCompare(be) : as.localeCompare(bs);
    });
    const eventItem = (e) => h('li', { class: 'tl-event' },
      h('p', { class: 'tl-what' }, h('strong', { text: e.kind }),
        e.places && e.places.length ? h('span', { class: 'tl-places', text: ` · ${e.places.join(', ')}` }) : null,
        e.date_text ? h('span', { class: 'tl-datetext', text: ` · “${e.date_text}”` }) : null),
      e.summary ? h('p', { class: 'tl-summary', text: e.summary }) : null,
      h('p', { class: 'tl-sources' }, plural((e.sources || []).length, 'outlet'), ' ', citeLinks(e.cites)));
    const axis = h('ol', { class: 'timeline', 'aria-label': 'Dated events, oldest first' }, keys.map((key) => {
      const [start, end] = key.split('|');
      const evs = groups.get(key);
      const isRange = start !== end;
      const published = sum.first_date && start === sum.first_date && end === (sum.last_date || sum.first_date);
      return h('li', { class: ['tl-stop', isRange && 'tl-range', published && 'tl-published'] },
        h('div', { class: 'tl-date' },
          h('time', { datetime: start, text: rangeLabel(start, end) }),
          isRange ? h('span', { class: 'tl-span', text: 'date range' }) : null),
        h('div', { class: 'tl-body' },
          published ? h('p', { class: 'tl-pubmark', text: 'Reports published' }) : null,
          evs.length ? h('ul', { class: 'tl-events' }, evs.map(eventItem)) : null));
    }));
    return section('timeline', 'Timeline',
      'Events the reports mention, on a time axis (relative dates such as “last month” are resolved against the publication date).',
      dated.length ? axis : emptyNote('No dated events.'),
      undated.length ? [h('h3', { class: 'tl-undated-h', text: `Mentioned without a date (${undated.length})` }), h('ul', { class: 'tl-events tl-undated' }, undated.map(eventItem))] : null);
  }

  // Incidents -----------------------------------------------------------------

  function incidentMap(rows) {
    const points = [];
    for (const r of rows) {
      const p = r.place;
      if (p && typeof p.lat === 'number' && typeof p.lon === 'number') points.push({ r, p });
    }
    if (!points.length) return null;
    // Equirectangular projection, corrected for the mean latitude, over the points' extent.
    let lat0 = Math.min(...points.map((x) => x.p.lat));
    let lat1 = Math.max(...points.map((x) => x.p.lat));
    let lon0 = Math.min(...points.map((x) => x.p.lon));
    let lon1 = Math.max(...points.map((x) => x.p.lon));
    const pad = Math.max(2, (lat1 - lat0) * 0.2, (lon1 - lon0) * 0.1);
    lat0 = Math.floor(lat0 - pad);
    lat1 = Math.ceil(lat1 + pad);
    lon0 = Math.floor(lon0 - pad * 1.5);
    lon1 = Math.ceil(lon1 + pad * 1.5);
    const k = Math.cos(((lat0 + lat1) / 2) * Math.PI / 180);
    const W = 640;
    const scale = W / ((lon1 - lon0) * k);
    const H = Math.round((lat1 - lat0) * scale);
    const x = (lon) => (lon - lon0) * k * scale;
    const y = (lat) => (lat1 - lat) * scale;
    const svgEl = s('svg', { class: 'incident-map', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'map-title' },
      s('title', { id: 'map-title', text: `Map of ${plural(points.length, 'placed incident')}` }),
      s('rect', { class: 'map-sea', x: 0, y: 0, width: W, height: H }));
    const ringPoints = (ring) => ring.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join(' ');
    const outline = state.mapOutline || { land: [], water: [] };
    for (const ring of outline.land || []) svgEl.append(s('polygon', { class: 'map-land', points: ringPoints(ring) }));
    for (const ring of outline.water || []) svgEl.append(s('polygon', { class: 'map-water', points: ringPoints(ring) }));
    const step = (lat1 - lat0) > 20 ? 10 : 5;
    for (let lon = Math.ceil(lon0 / step) * step; lon <= lon1; lon += step) {
      svgEl.append(s('line', { class: 'map-grid', x1: x(lon), y1: 0, x2: x(lon), y2: H }),
        s('text', { class: 'map-grid-label', x: x(lon) + 3, y: H - 4, text: `${lon}°${lon < 0 ? 'W' : 'E'}`.replace('-', '') }));
    }
    for (let lat = Math.ceil(lat0 / step) * step; lat <= lat1; lat += step) {
      svgEl.append(s('line', { class: 'map-grid', x1: 0, y1: y(lat), x2: W, y2: y(lat) }),
        s('text', { class: 'map-grid-label', x: 3, y: y(lat) - 3, text: `${lat}°N` }));
    }
    // One marker per place; incidents at the same place share it.
    const byPlace = new Map();
    for (const pt of points) {
      const key = pt.p.id || `${pt.p.lat},${pt.p.lon}`;
      if (!byPlace.has(key)) byPlace.set(key, { p: pt.p, rows: [] });
      byPlace.get(key).rows.push(pt.r);
    }
    for (const { p, rows: here } of byPlace.values()) {
      const outlets = new Set(here.flatMap((r) => r.outlets || []));
      const radius = 5 + 3 * Math.sqrt(outlets.size);
      const kinds = here.map((r) => INCIDENT_LABELS[r.kind] || r.kind);
      svgEl.append(s('g', { class: ['map-point', outlets.size > 1 ? 'map-point-multi' : 'map-point-single'] },
        s('title', { text: `${p.name}: ${kinds.join('; ')} (${plural(outlets.size, 'outlet')})` }),
        s('circle', { cx: x(p.lon), cy: y(p.lat), r: radius }),
        s('text', { class: 'map-label', x: x(p.lon) + radius + 3, y: y(p.lat) + 4, text: `${p.name}${here.length > 1 ? ` ×${here.length}` : ''}` })));
    }
    return h('figure', { class: 'map-figure' }, svgEl,
      h('figcaption', { text: 'Incident places (marker size: number of outlets reporting). Grid in degrees; places without coordinates are listed in the table only.' }));
  }

  function sectionIncidents(rows) {
    const table = h('table', { class: 'incident-table' },
      h('caption', { class: 'visually-hidden', text: 'Incident register of this story' }),
      h('thead', {}, h('tr', {}, ['When', 'What', 'Where', 'Who (as attributed)', 'Counts', 'Outlets', 'Sources'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, rows.map((r) => {
        const when = r.date ? [rangeLabel(r.date.start, r.date.end, r.date.precision), r.date.text ? h('span', { class: 'muted', text: ` “${r.date.text}”` }) : null] : h('span', { class: 'muted', text: 'undated' });
        const places = (r.places || []).map((p) => p.name);
        return h('tr', { class: (r.conflicts || []).length ? 'has-conflict' : null },
          h('td', {}, when),
          h('th', { scope: 'row' }, INCIDENT_LABELS[r.kind] || r.kind, r.multiplicity && r.multiplicity !== 'single' ? h('span', { class: 'muted', text: ` (${r.multiplicity})` }) : null),
          h('td', { text: places.join(', ') || '—' }),
          h('td', {}, (r.actors || []).length ? h('ul', { class: 'plain' }, r.actors.map((a) => h('li', {}, h('strong', { text: a.name }), a.attributed_by ? ` — per ${a.attributed_by}` : a.wording ? ` — ${a.wording}` : ''))) : '—'),
          h('td', {},
            (r.counts || []).length ? h('ul', { class: 'plain' }, r.counts.map((c) => h('li', { text: `${c.value !== undefined ? c.value : c.vague || ''} ${c.noun || ''}`.trim() }))) : '—',
            (r.conflicts || []).map((c) => h('p', { class: 'incident-conflict' }, badge(`${c.field} differs`, 'warn'), ' ',
              (c.values || []).map((v) => `“${v.value}” (${(v.sources || []).join(', ')})`).join(' vs ')))),
          h('td', {}, h('span', { class: 'version-count', text: String(r.independent_sources ?? (r.outlets || []).length) })),
          h('td', {}, citeLinks(r.sources)));
      })));
    return section('incidents', 'Incidents',
      'The incident register of this story: each row merges the mentions of one incident across outlets.',
      rows.length ? [incidentMap(rows), h('div', { class: 'table-wrap' }, table)] : emptyNote('No incidents registered.'));
  }

  // People and outlets ---------------------------------------------------------

  function sectionPeople(people) {
    return section('people', 'People',
      'Who appears in the reports and the titles each outlet gives them.',
      people.length ? h('ul', { class: 'people' }, people.map((p) => h('li', { class: 'person' },
        h('h3', { class: 'person-name', text: p.name }),
        p.aliases && p.aliases.length ? h('p', { class: 'muted', text: `also: ${p.aliases.join(', ')}` }) : null,
        (p.roles || []).length ? h('ul', { class: 'roles' }, p.roles.map((r) => h('li', {}, h('span', { text: r.text }), ' ', citeLink({ article: r.article, source: r.source, span: r.span, text: r.text })))) : null,
        h('p', { class: 'muted', text: plural((p.sources || []).length, 'outlet') })))) : emptyNote('No people found.'));
  }

  function sectionOutlets(articles) {
    const table = h('table', { class: 'outlet-table' },
      h('caption', { class: 'visually-hidden', text: 'Reports in this story' }),
      h('thead', {}, h('tr', {}, ['Outlet', 'Published', 'Title', 'Independence', 'Text'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, articles.map((a) => {
        const open = h('button', { type: 'button', class: 'button-quiet', text: 'Read' });
        open.addEventListener('click', () => openReader(a.id, null, open));
        return h('tr', {},
          h('th', { scope: 'row' }, outletChip(a.source)),
          h('td', { text: a.published || 'undated' }),
          h('td', {}, h('span', { text: a.title || '—' }), h('br'), h('span', { class: 'muted small', text: a.path })),
          h('td', {}, a.duplicate_of ? badge(`copy of ${outletOfArticle(a.duplicate_of)}`, 'warn') : badge('own text', 'ok')),
          h('td', {}, open));
      })));
    return section('outlets', 'Outlets', 'The reports this dossier is built from. Copies of one text count as one independent source.',
      h('div', { class: 'table-wrap' }, table));
  }

  // ---------------------------------------------------------------- view: articles

  async function viewArticles(main) {
    document.title = 'Articles · crosscheck';
    const list = h('ol', { class: 'article-list' });
    const more = h('button', { type: 'button', class: 'button-quiet', text: 'Show more', hidden: true });
    fill(main, h('div', { class: 'page-head' }, h('h1', { text: 'Articles' }), h('p', { class: 'lede', text: 'Every stored report, newest first.' })), list, more);
    let offset = 0;
    const load = async () => {
      try {
        const page = listOf(await api(`/articles?offset=${offset}&limit=${PAGE_SIZE}`), 'articles');
        if (!offset && !page.length) list.append(h('li', { class: 'empty' }, 'No articles yet. ', h('a', { href: '#/upload', text: 'Add some.' })));
        for (const a of page) {
          list.append(h('li', { class: 'article-item' },
            h('a', { href: `#/article/${encodeURIComponent(a.id)}`, text: a.title || `Untitled report from ${a.source || 'an unknown outlet'}` }), ' ',
            h('span', { class: 'muted mono', text: a.id }), ' ',
            h('span', { class: 'story-meta' }, outletChip(a.source || '?'), ' ', a.published ? (a.published.date || a.published) : 'undated',
              a.words ? ` · ${plural(a.words, 'word')}` : '',
              a.story_id ? [' · ', h('a', { href: `#/story/${encodeURIComponent(a.story_id)}`, text: 'story' })] : null)));
        }
        offset += page.length;
        more.hidden = page.length < PAGE_SIZE;
      } catch (err) {
        list.append(h('li', {}, errorBox(err, 'load the articles')));
      }
    };
    more.addEventListener('click', load);
    await load();
  }

  async function viewArticle(main, id, span) {
    fill(main, h('p', { class: 'loading', text: 'Loading the article…' }));
    try {
      const article = await fetchArticle(id);
      const { body, marked } = articleBody(article, span);
      document.title = `${article.title || article.source} · crosscheck`;
      fill(main, h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/articles', text: '← All articles' }),
        state.dossier && state.articlesById.has(id) ? [' · ', h('a', { href: `#/story/${encodeURIComponent(state.dossier.story_id)}`, text: 'back to the story' })] : null),
      h('article', { class: 'article-page' }, articleHeader(article, 'h1'), body));
      if (marked) marked.scrollIntoView({ block: 'center' });
    } catch (err) {
      fill(main, errorBox(err, `load article ${id}`));
    }
  }

  // ---------------------------------------------------------------- view: search

  /** `text` as text nodes, with the words of `query` wrapped in <mark>. */
  function highlight(text, query) {
    const words = [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1))];
    if (!words.length) return [text];
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = new RegExp(`(${escaped.join('|')})`, 'giu');
    return text.split(re).map((part, i) => (i % 2 ? h('mark', { text: part }) : part));
  }

  async function viewSearch(main, q) {
    document.title = q ? `“${q}” · search · crosscheck` : 'Search · crosscheck';
    $('#search-q').value = q || '';
    const results = h('div', { class: 'search-results', 'aria-live': 'polite' });
    fill(main, h('div', { class: 'page-head' }, h('h1', { text: q ? `Search: “${q}”` : 'Search' })), results);
    if (!q) {
      results.append(h('p', { class: 'empty', text: 'Type words from an article or a quotation in the search box above.' }));
      return;
    }
    fill(results, h('p', { class: 'loading', text: 'Searching…' }));
    try {
      const hits = listOf(await api(`/search?q=${encodeURIComponent(q)}`), 'hits');
      if (!hits.length) {
        fill(results, h('p', { class: 'empty', text: 'Nothing found.' }));
        return;
      }
      const kinds = [['quote', 'Quotations'], ['article', 'Articles']];
      const other = hits.filter((x) => !kinds.some(([k]) => k === x.kind));
      fill(results, h('p', { class: 'muted', text: plural(hits.length, 'hit') }),
        [...kinds, ['', 'Other']].map(([kind, label]) => {
          const mine = kind ? hits.filter((x) => x.kind === kind) : other;
          if (!mine.length) return null;
          return h('section', { class: 'hit-group' }, h('h2', { text: `${label} (${mine.length})` }),
            h('ol', { class: 'hits' }, mine.map((hit) => {
              const open = h('a', { href: `#/article/${encodeURIComponent(hit.article_id)}`, class: 'hit-title', text: hit.title || (hit.kind === 'quote' ? `Quotation in ${hit.source || 'an article'}` : `Article from ${hit.source || 'an unknown outlet'}`) });
              return h('li', { class: ['hit', `hit-kind-${hit.kind}`] },
                h('p', {}, badge(hit.kind, hit.kind === 'quote' ? 'ref' : 'muted'), ' ', open, ' ', outletChip(hit.source || '?'),
                  hit.story_id ? [' · ', h('a', { href: `#/story/${encodeURIComponent(hit.story_id)}`, text: 'open the story dossier' })] : null,
                  h('span', { class: 'muted mono', text: ` ${hit.article_id}` })),
                h('p', { class: hit.kind === 'quote' ? 'hit-snippet hit-quote' : 'hit-snippet' }, highlight(hit.snippet || '', q)));
            })));
        }));
    } catch (err) {
      fill(results, errorBox(err, 'search'));
    }
  }

  // ---------------------------------------------------------------- view: upload

  function contentTypeFor(name) {
    const lower = name.toLowerCase();
    const hit = UPLOAD_TYPES.find(([suffix]) => lower.endsWith(suffix));
    return hit ? hit[1] : null;
  }

  /** Send one file to POST /articles; the outlet defaults to the file name for plain text. */
  async function uploadFile(file, meta) {
    const type = contentTypeFor(file.name);
    if (!type) return { file: file.name, error: { code: 'unsupported_file', message: 'only .txt, .html, .json and .jsonl files are accepted' } };
    const params = new URLSearchParams();
    const stem = file.name.replace(/\.[^.]*$/, '');
    const raw = type.startsWith('text/');
    if (raw) {
      const source = meta.source || (type.startsWith('text/plain') ? stem : '');
      if (source) params.set('source', source);
      if (meta.url) params.set('url', meta.url);
      if (meta.published) params.set('published', meta.published);
      if (meta.title) params.set('title', meta.title);
    }
    // Answer once the touched stories' dossiers are rebuilt, so the links below open at once.
    params.set('wait', 'true');
    const query = params.toString();
    try {
      const headers = { 'Content-Type': type, Accept: 'application/json' };
      if (meta.token) headers.Authorization = `Bearer ${meta.token}`;
      const body = await api(`/articles${query ? `?${query}` : ''}`, { method: 'POST', headers, body: file });
      return { file: file.name, result: body || {} };
    } catch (err) {
      return { file: file.name, error: { code: err.code || 'error', message: err.message } };
    }
  }

  function describeItem(x) {
    if (x === null || x === undefined) return '';
    if (typeof x !== 'object') return String(x);
    const id = x.id || x.article_id || '';
    const parts = [x.source, x.title].filter(Boolean);
    return `${id}${parts.length ? ` (${parts.join(' · ')})` : ''}`;
  }

  function describeError(x) {
    if (typeof x !== 'object' || x === null) return String(x);
    const e = x.error && typeof x.error === 'object' ? x.error : x;
    const where = [x.record !== undefined ? `record ${x.record}` : null, x.index !== undefined ? `record ${x.index}` : null, x.line !== undefined ? `line ${x.line}` : null, x.label].filter(Boolean).join(', ');
    return `${where ? `${where}: ` : ''}${e.message || ''}${e.code ? ` (${e.code})` : ''}`;
  }

  function viewUpload(main) {
    document.title = 'Add articles · crosscheck';
    const files = h('input', { type: 'file', id: 'upload-files', name: 'files', multiple: true, accept: '.txt,.text,.html,.htm,.json,.jsonl,.ndjson', required: true });
    const source = h('input', { type: 'text', id: 'upload-source', name: 'source', autocomplete: 'off' });
    const url = h('input', { type: 'url', id: 'upload-url', name: 'url', autocomplete: 'off', placeholder: 'https://' });
    const published = h('input', { type: 'date', id: 'upload-published', name: 'published' });
    const title = h('input', { type: 'text', id: 'upload-title', name: 'title', autocomplete: 'off' });
    const token = h('input', { type: 'password', id: 'upload-token', name: 'token', autocomplete: 'off' });
    try {
      token.value = sessionStorage.getItem(KEY_TOKEN) || '';
    } catch {
      // No session storage: the token is typed each time.
    }
    const submit = h('button', { type: 'submit', class: 'button-primary', id: 'upload-submit', text: 'Upload' });
    const drop = h('div', { class: 'dropzone' },
      h('label', { for: 'upload-files', class: 'field-label', text: 'Files' }), files,
      h('p', { class: 'hint', text: '.txt and .html: one article each · .jsonl: one JSON article per line ({url, title, text or html, source, published}) · or drop files here' }));
    const results = h('div', { class: 'upload-results', id: 'upload-results', 'aria-live': 'polite' });
    const form = h('form', { class: 'upload-form', id: 'upload-form' },
      drop,
      h('fieldset', {},
        h('legend', { text: 'For plain-text and HTML files (optional)' }),
        h('div', { class: 'field' }, h('label', { for: 'upload-source', class: 'field-label', text: 'Outlet' }), source,
          h('p', { class: 'hint', text: 'Default: the page’s site name for HTML, the file name for plain text.' })),
        h('div', { class: 'field' }, h('label', { for: 'upload-url', class: 'field-label', text: 'Original URL' }), url),
        h('div', { class: 'field' }, h('label', { for: 'upload-title', class: 'field-label', text: 'Title' }), title),
        h('div', { class: 'field' }, h('label', { for: 'upload-published', class: 'field-label', text: 'Published' }), published)),
      h('details', { class: 'token-box' },
        h('summary', { text: 'Access token' }),
        h('div', { class: 'field' }, h('label', { for: 'upload-token', class: 'field-label', text: 'Write token (only if the server was started with one)' }), token,
          h('p', { class: 'hint', text: 'Kept for this browser tab only.' }))),
      h('p', {}, submit));
    drop.addEventListener('dragover', (e) => {
      e.preventDefault();
      drop.classList.add('dragging');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('dragging');
      if (e.dataTransfer && e.dataTransfer.files.length) files.files = e.dataTransfer.files;
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const chosen = [...files.files];
      if (!chosen.length) return;
      submit.disabled = true;
      fill(results, h('p', { class: 'loading', text: `Uploading ${plural(chosen.length, 'file')}…` }));
      const meta = { source: source.value.trim(), url: url.value.trim(), published: published.value, title: title.value.trim(), token: token.value.trim() };
      try {
        if (meta.token) sessionStorage.setItem(KEY_TOKEN, meta.token);
        else sessionStorage.removeItem(KEY_TOKEN);
      } catch {
        // Not kept: fine.
      }
      const outcomes = [];
      for (const f of chosen) outcomes.push(await uploadFile(f, meta));
      submit.disabled = false;
      const totals = { inserted: 0, existing: 0, errors: 0 };
      const pending = outcomes.some((o) => o.result && o.result.dossiers_pending);
      for (const o of outcomes) {
        if (o.error) totals.errors += 1;
        else for (const k of Object.keys(totals)) totals[k] += (o.result[k] || []).length;
      }
      fill(results,
        h('h2', { text: 'Result' }),
        h('p', { class: 'upload-summary', id: 'upload-summary' },
          badge(`${totals.inserted} new`, 'ok'), ' ', badge(`${totals.existing} already stored`, 'muted'), ' ', badge(plural(totals.errors, 'error'), totals.errors ? 'alert' : 'muted')),
        h('table', { class: 'upload-table' },
          h('thead', {}, h('tr', {}, ['File', 'New', 'Already stored', 'Errors'].map((t) => h('th', { scope: 'col', text: t })))),
          h('tbody', {}, outcomes.map((o) => h('tr', { class: o.error || (o.result.errors || []).length ? 'has-error' : null },
            h('th', { scope: 'row', text: o.file }),
            h('td', {}, h('ul', { class: 'plain' }, (o.result ? o.result.inserted || [] : []).map((x) => {
              const story = o.result.stories && typeof x === 'string' ? o.result.stories[x] : null;
              return h('li', {}, h('span', { class: 'mono', text: describeItem(x) }), story ? [' → ', h('a', { href: `#/story/${encodeURIComponent(story)}`, text: 'story' })] : null);
            }))),
            h('td', {}, h('ul', { class: 'plain' }, (o.result ? o.result.existing || [] : []).map((x) => h('li', { text: describeItem(x) })))),
            h('td', {}, h('ul', { class: 'plain' }, o.error ? h('li', { text: describeError(o.error) }) : (o.result.errors || []).map((x) => h('li', { text: describeError(x) })))))))),
        pending ? h('p', { class: 'hint', text: 'Some dossiers are still being rebuilt; their pages will show them in a moment.' }) : null,
        h('p', {}, h('a', { href: '#/', text: 'See the stories →' })));
    });
    fill(main,
      h('div', { class: 'page-head' }, h('h1', { text: 'Add articles' }),
        h('p', { class: 'lede', text: 'Upload reports; crosscheck stores them, skips copies it already has, and regroups the stories.' })),
      form, results);
  }

  // ---------------------------------------------------------------- router

  function parseRoute() {
    const raw = location.hash.replace(/^#/, '') || '/';
    const [path, query = ''] = raw.split('?');
    const params = new URLSearchParams(query);
    const parts = path.split('/').filter(Boolean).map((x) => {
      try {
        return decodeURIComponent(x);
      } catch {
        return x;
      }
    });
    if (parts[0] === 'story' && parts[1]) return { name: 'story', id: parts[1], section: parts[2] || null };
    if (parts[0] === 'article' && parts[1]) {
      const m = /^(\d+)-(\d+)$/.exec(params.get('span') || '');
      return { name: 'article', id: parts[1], span: m ? { start: Number(m[1]), end: Number(m[2]) } : null };
    }
    if (parts[0] === 'articles') return { name: 'articles' };
    if (parts[0] === 'upload') return { name: 'upload' };
    if (parts[0] === 'search') return { name: 'search', q: params.get('q') || '' };
    return { name: 'stories' };
  }

  async function route() {
    const r = parseRoute();
    const prev = state.route;
    state.route = r;
    const main = $('#main');
    // A section link inside the story on screen only scrolls.
    if (r.name === 'story' && prev && prev.name === 'story' && prev.id === r.id && state.dossier && r.section) {
      const target = document.getElementById(`sec-${r.section}`);
      if (target) {
        target.scrollIntoView({ block: 'start' });
        target.querySelector('h2').setAttribute('tabindex', '-1');
        target.querySelector('h2').focus({ preventScroll: true });
      }
      return;
    }
    hideTip(null);
    if (!$('#reader').hidden) closeReader();
    banner(null);
    state.cites = [];
    state.refreshList = null;
    if (r.name !== 'story' && r.name !== 'article') {
      state.dossier = null;
      state.articlesById = new Map();
    }
    for (const a of document.querySelectorAll('.mainnav a')) {
      if (a.dataset.route === (r.name === 'story' ? 'stories' : r.name)) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    if (r.name === 'story') await viewStory(main, r.id);
    else if (r.name === 'article') await viewArticle(main, r.id, r.span);
    else if (r.name === 'articles') await viewArticles(main);
    else if (r.name === 'upload') viewUpload(main);
    else if (r.name === 'search') await viewSearch(main, r.q);
    else await viewStories(main);
    if (r.name === 'story' && r.section) {
      const target = document.getElementById(`sec-${r.section}`);
      if (target) target.scrollIntoView({ block: 'start' });
    } else if (r.name !== 'article') {
      window.scrollTo(0, 0);
    }
    if (prev) main.focus({ preventScroll: true });
    checkHealth();
    document.body.dataset.view = r.name;
    document.body.dataset.ready = 'true';
  }

  async function checkHealth() {
    const el = $('#health');
    try {
      const body = await api('/health');
      const counts = body && typeof body.articles === 'number' ? ` · ${plural(body.articles, 'article')} in ${plural(body.stories || 0, 'story', 'stories')}` : '';
      el.textContent = `server ${body && body.status ? body.status : 'ok'}${body && body.version ? ` ${body.version}` : ''}${counts}`;
      el.className = 'health health-ok';
    } catch (err) {
      el.textContent = `server unreachable (${err.message})`;
      el.className = 'health health-bad';
    }
  }

  function start() {
    $('#search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const q = $('#search-q').value.trim();
      location.hash = `#/search?q=${encodeURIComponent(q)}`;
    });
    $('#reader-close').addEventListener('click', closeReader);
    window.addEventListener('hashchange', () => {
      route();
    });
    window.addEventListener('scroll', placeTip, { passive: true });
    scheduleRefresh();
    route();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
