// RFC 6902 JSON Patch, applied immutably: returns a new document, the input is left untouched.
// Supports add, remove, replace, move, copy and test. Pointers follow RFC 6901.

function parse(pointer) {
  if (pointer === '') return [];
  if (pointer[0] !== '/') throw new Error(`bad JSON pointer: ${pointer}`);
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function get(doc, tokens) {
  let node = doc;
  for (const t of tokens) {
    if (node === null || typeof node !== 'object') throw new Error(`path not found: /${tokens.join('/')}`);
    node = Array.isArray(node) ? node[index(node, t, false)] : node[t];
    if (node === undefined) throw new Error(`path not found: /${tokens.join('/')}`);
  }
  return node;
}

function index(array, token, forAdd) {
  if (forAdd && token === '-') return array.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new Error(`bad array index: ${token}`);
  const i = Number(token);
  if (i > array.length || (!forAdd && i === array.length)) throw new Error(`array index out of range: ${token}`);
  return i;
}

function add(doc, tokens, value) {
  if (tokens.length === 0) return value;
  const parent = get(doc, tokens.slice(0, -1));
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent)) parent.splice(index(parent, last, true), 0, value);
  else if (parent !== null && typeof parent === 'object') parent[last] = value;
  else throw new Error('cannot add into a non-container');
  return doc;
}

function remove(doc, tokens) {
  if (tokens.length === 0) throw new Error('cannot remove the whole document');
  const parent = get(doc, tokens.slice(0, -1));
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent)) parent.splice(index(parent, last, false), 1);
  else {
    if (!(last in parent)) throw new Error(`path not found: /${tokens.join('/')}`);
    delete parent[last];
  }
  return doc;
}

function equal(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function applyPatch(document, ops) {
  let doc = clone(document);
  for (const op of ops) {
    const path = parse(op.path);
    switch (op.op) {
      case 'add': doc = add(doc, path, clone(op.value)); break;
      case 'remove': doc = remove(doc, path); break;
      case 'replace':
        if (path.length === 0) { doc = clone(op.value); break; }
        get(doc, path);
        doc = add(remove(doc, path), path, clone(op.value));
        break;
      case 'move': {
        const from = parse(op.from);
        const value = get(doc, from);
        doc = add(remove(doc, from), path, value);
        break;
      }
      case 'copy': doc = add(doc, path, clone(get(doc, parse(op.from)))); break;
      case 'test':
        if (!equal(get(doc, path), op.value)) throw new Error(`test failed at ${op.path}`);
        break;
      default: throw new Error(`unknown patch operation: ${op.op}`);
    }
  }
  return doc;
}
