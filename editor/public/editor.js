// Starts Decap CMS with the project's file formats, so that the files the editor writes look like
// hand-written ones: the `# yaml-language-server: $schema=...` line first, keys in the models'
// order, lists of roles on one line, and the comments and layout of an edited file kept.
import * as YAML from '/vendor/yaml/index.js';

const UI_LANGUAGES = ['en', 'fr', 'es'];  // Decap has no Arabic interface
const SCHEMA_LINES = {
  'kb-organisation': ' yaml-language-server: $schema=../schema/organisation.schema.json',
  'kb-network': ' yaml-language-server: $schema=../schema/network.schema.json',
  'kb-resource': ' yaml-language-server: $schema=../schema/resource.schema.json',
};
const POST_KEYS = ['title', 'date', 'network', 'summary', 'description', 'translation'];
const QUOTED = new Set(['title', 'summary', 'description']);

const config = YAML.parse(await (await fetch('/config.yml')).text());
// For each format, the order of keys at each field path ('' top level, 'contacts.' in a contact).
const ORDERS = {};
for (const collection of config.collections) ORDERS[collection.format] = orderOf(collection.fields);

function orderOf(fields, prefix = '', out = {}) {
  out[prefix] = fields.map((f) => f.name);
  for (const f of fields) {
    if (f.fields) orderOf(f.fields, `${prefix}${f.name}.`, out);
  }
  return out;
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function isEmpty(v) {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v)) return Object.values(v).every(isEmpty);
  return false;
}

// Drop what the form leaves empty (the models reject empty values) and trim text.
function clean(v) {
  if (Array.isArray(v)) return v.map(clean).filter((x) => !isEmpty(x));
  if (isObject(v)) {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      const c = clean(x);
      if (!isEmpty(c)) out[k] = c;
    }
    return out;
  }
  return typeof v === 'string' ? v.trim() : v;
}

// Keys in the models' order (unknown keys after, as they were).
function sorted(v, order, prefix = '') {
  if (Array.isArray(v)) return v.map((x) => sorted(x, order, prefix));
  if (!isObject(v)) return v;
  const known = order[prefix] || [];
  const keys = Object.keys(v).sort((a, b) => rank(known, a) - rank(known, b));
  const out = {};
  for (const k of keys) out[k] = sorted(v[k], order, `${prefix}${k}.`);
  return out;
}
const rank = (known, k) => (known.includes(k) ? known.indexOf(k) : known.length);

// Equal as YAML would write them (2004 and "2004" are the same year).
function same(a, b) {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const ka = Object.keys(a).filter((k) => !isEmpty(a[k]));
    const kb = Object.keys(b).filter((k) => !isEmpty(b[k]));
    return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
  }
  return String(a) === String(b);
}

// A new node; a list of plain values inside a list item is written on one line: [a, b].
function node(doc, value, depth) {
  const n = doc.createNode(value);
  flowScalars(n, depth);
  return n;
}
function flowScalars(n, depth) {
  if (YAML.isSeq(n)) {
    if (depth >= 2 && n.items.every((i) => YAML.isScalar(i))) n.flow = true;
    n.items.forEach((i) => flowScalars(i, depth + 1));
  } else if (YAML.isMap(n)) {
    n.items.forEach((p) => flowScalars(p.value, depth + 1));
  }
}

// Write the new value into the old document, keeping every unchanged node with its comments.
function merge(doc, n, value, order, prefix, depth) {
  if (YAML.isMap(n) && isObject(value)) {
    n.items = n.items.filter((p) => String(p.key) in value || String(p.key?.value) in value);
    for (const [k, v] of Object.entries(value)) {
      const pair = n.items.find((p) => String(YAML.isScalar(p.key) ? p.key.value : p.key) === k);
      if (!pair) {
        n.items.push(doc.createPair(k, null));
        n.items[n.items.length - 1].value = node(doc, v, depth + 1);
      } else if (!same(pair.value?.toJSON(), v)) {
        pair.value = merge(doc, pair.value, v, order, `${prefix}${k}.`, depth + 1);
      }
    }
    const known = order[prefix] || [];
    const key = (p) => String(YAML.isScalar(p.key) ? p.key.value : p.key);
    n.items.sort((a, b) => rank(known, key(a)) - rank(known, key(b)));
    return n;
  }
  if (YAML.isSeq(n) && Array.isArray(value)) {
    n.items = n.items.slice(0, value.length);
    value.forEach((v, i) => {
      if (i >= n.items.length) n.items.push(node(doc, v, depth + 1));
      else if (!same(n.items[i]?.toJSON(), v)) n.items[i] = merge(doc, n.items[i], v, order, prefix, depth + 1);
    });
    return n;
  }
  return node(doc, value, depth);
}

const originals = new Map();  // the text each entry was read from, by format and id

function dataFormat(format) {
  return {
    fromFile(content) {
      const data = YAML.parse(content) || {};
      if (data.id) originals.set(`${format}:${data.id}`, content);
      return data;
    },
    toFile(data) {
      const value = sorted(clean(data), ORDERS[format]);
      const original = originals.get(`${format}:${value.id}`);
      let doc;
      if (original) {
        doc = YAML.parseDocument(original);
        doc.contents = merge(doc, doc.contents, value, ORDERS[format], '', 0);
      } else {
        doc = new YAML.Document();
        doc.contents = node(doc, value, 0);
      }
      const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
      const schemaLine = `#${SCHEMA_LINES[format]}\n`;
      return text.startsWith(schemaLine) ? text : schemaLine + text;
    },
  };
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

const postFormat = {
  fromFile(content) {
    const match = FRONT_MATTER.exec(content);
    if (!match) return { body: content };
    const meta = YAML.parse(match[1]) || {};
    if (meta.date !== undefined && meta.date !== null) meta.date = String(meta.date);
    return { ...meta, body: match[2].replace(/^\r?\n/, '') };
  },
  toFile(data) {
    const { body = '', file_name: _unused, original: _shown, ...meta } = clean(data);
    if (!(meta.translation && meta.translation.source_hash)) delete meta.translation;
    const keys = Object.keys(meta).sort((a, b) => rank(POST_KEYS, a) - rank(POST_KEYS, b));
    const lines = keys.map((k) => {
      const v = meta[k];
      if (QUOTED.has(k)) return `${k}: ${JSON.stringify(String(v).replace(/\s+/g, ' ').trim())}`;
      if (k === 'date' || k === 'network') return `${k}: ${v}`;
      return YAML.stringify({ [k]: v }, { lineWidth: 0 }).trimEnd();
    });
    return `---\n${lines.join('\n')}\n---\n\n${String(body).trim()}\n`;
  },
};

CMS.registerCustomFormat('kb-organisation', 'yml', dataFormat('kb-organisation'));
CMS.registerCustomFormat('kb-network', 'yml', dataFormat('kb-network'));
CMS.registerCustomFormat('kb-resource', 'yml', dataFormat('kb-resource'));
CMS.registerCustomFormat('kb-post', 'md', postFormat);

// The English original beside its translation. The `kb-original` field (first in every French,
// Spanish and Arabic update form) finds the English update with the same file name through the
// backend (the same search the relation widget uses, so it works with the local and the hosted
// backend), shows it read only and never writes a value; the preview pane shows the original and
// the translation being written side by side, field by field.
const originalStore = { byCollection: new Map(), listeners: new Set() };
function publishOriginal(collection, entry) {
  originalStore.byCollection.set(collection, entry);
  originalStore.listeners.forEach((listener) => listener());
}
const POST_FIELDS = [['title', 'Title'], ['date', 'Date'], ['summary', 'Summary'], ['body', 'Text']];
const slugOf = (data) => (data && data.date && data.file_name ? `${data.date}-${data.file_name}` : '');

const OriginalControl = createClass({
  getInitialState() { return { hits: null, chosen: '', error: '' }; },
  componentDidMount() {
    const collection = this.props.field.get('collection');
    this.props.query(this.props.forID, collection, ['title'], '', undefined, 0).then((action) => {
      const hits = [...((action && action.payload && action.payload.hits) || [])];  // the store's array is frozen
      hits.sort((a, b) => String(b.data.date).localeCompare(String(a.data.date)));
      const entry = this.props.entry;
      const own = (entry && entry.get('slug')) || slugOf(entry && entry.get('data') && entry.get('data').toJS());
      const match = hits.find((h) => h.slug === own);
      this.setState({ hits, chosen: match ? match.slug : '' });
      this.publish(hits, match ? match.slug : '');
    }).catch((error) => this.setState({ hits: [], error: String(error && error.message || error) }));
  },
  componentWillUnmount() { publishOriginal(this.props.collection.get('name'), null); },
  publish(hits, slug) {
    publishOriginal(this.props.collection.get('name'), hits.find((h) => h.slug === slug) || null);
  },
  choose(event) {
    this.setState({ chosen: event.target.value });
    this.publish(this.state.hits || [], event.target.value);
  },
  render() {
    const { hits, chosen, error } = this.state;
    const id = this.props.forID;
    if (error) return h('p', { id, className: this.props.classNameWrapper, role: 'alert' }, `The English updates could not be read: ${error}`);
    if (!hits) return h('div', { className: `${this.props.classNameWrapper} kb-original` }, h('select', { id, disabled: true }, h('option', null, 'Reading the English updates…')));
    const found = hits.find((h) => h.slug === chosen);
    return h('div', { className: `${this.props.classNameWrapper} kb-original` },
      h('select', { id, value: chosen, onChange: this.choose, 'aria-describedby': `${id}-shown` },
        h('option', { value: '' }, hits.length ? 'Choose the English update this one translates' : 'No English update yet'),
        ...hits.map((hit) => h('option', { key: hit.slug, value: hit.slug }, `${hit.data.date}: ${hit.data.title}`))),
      h('div', { id: `${id}-shown`, lang: 'en', dir: 'ltr', className: 'kb-original-text' },
        found ? [h('p', { key: 't' }, h('strong', null, found.data.title)),
                 h('p', { key: 's' }, found.data.summary)]
              : h('p', null, 'No English original chosen: the right-hand pane shows only this translation.')));
  },
});

const SideBySide = createClass({
  componentDidMount() {
    this.listener = () => this.forceUpdate();
    originalStore.listeners.add(this.listener);
  },
  componentWillUnmount() { originalStore.listeners.delete(this.listener); },
  render() {
    const collection = this.props.collection;
    const original = originalStore.byCollection.get(collection.get('name'));
    const field = collection.get('fields').find((f) => f.get('name') === 'original');
    const language = field ? field.get('language') : 'Translation';
    const data = this.props.entry.get('data');
    const cell = { verticalAlign: 'top', padding: '0.5rem', border: '1px solid #ccc', whiteSpace: 'pre-wrap', width: '45%' };
    return h('table', { className: 'kb-side-by-side', style: { borderCollapse: 'collapse', width: '100%', font: '15px/1.5 system-ui, sans-serif' } },
      h('caption', { style: { textAlign: 'start', fontWeight: 'bold', padding: '0.5rem 0' } },
        original ? 'The English original and this translation, side by side' : 'No English original chosen (first field of the form)'),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', style: cell }, ''),
        h('th', { scope: 'col', style: cell }, 'English original'),
        h('th', { scope: 'col', style: cell }, language))),
      h('tbody', null, ...POST_FIELDS.map(([name, label]) => h('tr', { key: name },
        h('th', { scope: 'row', style: { ...cell, width: '10%' } }, label),
        h('td', { lang: 'en', dir: 'ltr', style: cell, 'data-kb-original': name }, original ? String(original.data[name] ?? '') : ''),
        h('td', { dir: 'auto', style: cell, 'data-kb-translation': name }, String(data.get(name) ?? ''))))));
  },
});

CMS.registerWidget('kb-original', OriginalControl);
for (const collection of config.collections) {
  if (collection.fields.some((f) => f.widget === 'kb-original')) CMS.registerPreviewTemplate(collection.name, SideBySide);
}

const asked = new URLSearchParams(window.location.search).get('lang');
const browser = (navigator.language || 'en').slice(0, 2);
const locale = [asked, browser, 'en'].find((l) => UI_LANGUAGES.includes(l));
document.documentElement.lang = locale;
// The local backend is this server, whatever port make editor was given (EDITOR_PORT).
const localBackend = { ...config.local_backend, url: `${window.location.origin}/api/v1` };
CMS.init({ config: { locale, local_backend: localBackend } });
