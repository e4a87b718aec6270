// export_read.mjs - tekg's exports read by graphology, the graph library of
// Gephi Lite and sigma.js (tests/cli/export_node.sh runs it):
// graphology-graphml on GraphML, graphology-gexf on GEXF 1.3 and graphology's
// own import on the JSON.
//
//   node export_read.mjs MODULES_DIR DIR [NAME]...
//
// MODULES_DIR holds node_modules with graphology, graphology-graphml and
// graphology-gexf.  DIR holds sample.graphml, sample.gexf and sample.json
// (tests/test_export_formats.c --write), checked value by value; for each
// NAME also NAME.graphml, NAME.gexf and NAME.json (from `tekg export`), which
// must load and agree with one another on every node and edge.
// Prints one line per failure; exit 1 on any, else 0.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual, inspect } from 'node:util';

const [modules, dir, ...names] = process.argv.slice(2);
const require = createRequire(join(modules, 'package.json'));
const Graph = require('graphology');
const graphml = require('graphology-graphml');
const gexf = require('graphology-gexf');

const fails = [];
function check(what, got, want) {
  if (!isDeepStrictEqual(got, want))
    fails.push(`${what}: got ${inspect(got)}, want ${inspect(want)}`);
}
function load(what, fn) {
  try {
    return fn();
  } catch (e) {
    fails.push(`${what}: ${e && e.message ? e.message : e}`);
    return null;
  }
}
const read = (f) => readFileSync(join(dir, f), 'utf8');
function edgeByKey(g, key) {
  let found = null;
  g.forEachEdge((e, a, s, t) => {
    if (e === key) found = { a, s, t };
  });
  return found;
}

const HOSTILE = '王毅 <b>&"x"\ny';
const BADUTF8 = 'bad \ufffd\ufffd utf8 \ufffd';
const EVIDENCE = '王毅出席峰会,并"致辞"。\r\n第二行';
const E1 = {
  type: 'participant', weight: 1.5, role: '出席', evidence: EVIDENCE,
  first_seen: '2025-11-01', last_seen: '2025-12-04',
};

// GraphML: graphology-graphml turns r, g, b into color
const gm = load('graphology-graphml: sample', () => graphml.parse(Graph, read('sample.graphml')));
if (gm) {
  check('graphml: type', gm.type, 'directed');
  check('graphml: order/size', [gm.order, gm.size], [5, 4]);
  check('graphml: n1', gm.getNodeAttributes('n1'), {
    type: 'person', label: HOSTILE, mentions: 3, first_seen: '2025-11-20',
    last_seen: '2025-12-05', aliases: '王毅|王 毅', pagerank: 0.125, x: -12.5, y: 3.25,
    size: 7.5, color: '#e41a1c',
  });
  check('graphml: d1', gm.getNodeAttributes('d1'), {
    type: 'document', label: '报道, "第一篇"', mentions: 0, first_seen: '2025-12-03',
    last_seen: '2025-12-03', date: '2025-12-03', date_inferred: true,
  });
  check('graphml: n4 label', gm.getNodeAttribute('n4', 'label'), BADUTF8);
  const e = edgeByKey(gm, 'e1');
  check('graphml: e1', e && [e.s, e.t, e.a], ['n1', 'n2', E1]);
}

// GEXF 1.3: viz as color/size/x/y, the relation as kind, label and type
const gx = load('graphology-gexf: sample', () => gexf.parse(Graph, read('sample.gexf')));
if (gx) {
  check('gexf: type', gx.type, 'directed');
  check('gexf: order/size', [gx.order, gx.size], [5, 4]);
  check('gexf: n1', gx.getNodeAttributes('n1'), {
    label: HOSTILE, type: 'person', mentions: 3, first_seen: '2025-11-20',
    last_seen: '2025-12-05', aliases: '王毅|王 毅', pagerank: 0.125,
    color: 'rgb(228,26,28)', size: 7.5, x: -12.5, y: 3.25, z: 0,
  });
  check('gexf: n2', gx.getNodeAttributes('n2'), {
    label: '亚太经合组织峰会', type: 'event', mentions: 2, first_seen: '2025-12-03',
    last_seen: '2025-12-03', start: '2025-12', end: '2025-12',
  });
  check('gexf: d1 date_inferred', gx.getNodeAttribute('d1', 'date_inferred'), true);
  check('gexf: n4 label', gx.getNodeAttribute('n4', 'label'), BADUTF8);
  const e = edgeByKey(gx, 'e1');
  check('gexf: e1', e && [e.s, e.t, e.a], ['n1', 'n2', {
    label: 'participant', kind: 'participant', ...E1,
  }]);
  check('gexf: graph attributes', gx.getAttributes(),
    { creator: gx.getAttribute('creator'), description: 'betweenness=exact' });
}

// JSON: graphology's serialisation format, through Graph.from and import
const data = load('JSON.parse: sample', () => JSON.parse(read('sample.json')));
const js = data && load('graphology Graph.from: sample', () => Graph.from(data));
if (js) {
  check('json: type/multi', [js.type, js.multi], ['directed', true]);
  check('json: n1', js.getNodeAttributes('n1'), {
    type: 'person', label: HOSTILE, mentions: 3, first_seen: '2025-11-20',
    last_seen: '2025-12-05', aliases: '王毅|王 毅', pagerank: 0.125, x: -12.5, y: 3.25,
    size: 7.5, r: 228, g: 26, b: 28, color: '#e41a1c',
  });
  check('json: n2 has no pagerank (NaN left out)', js.hasNodeAttribute('n2', 'pagerank'), false);
  const e = edgeByKey(js, 'e1');
  check('json: e1', e && [e.s, e.t, e.a], ['n1', 'n2', E1]);
  check('json: betweenness note', js.getAttribute('betweenness'), 'exact');
  const again = new Graph({ type: 'directed', multi: true });
  load('graphology import: sample', () => again.import(data));
  check('json: import order/size', [again.order, again.size], [5, 4]);
}

// tekg export output: loads in all three, and agrees
for (const name of names) {
  const a = load(`graphology-graphml: ${name}`, () => graphml.parse(Graph, read(`${name}.graphml`)));
  const b = load(`graphology-gexf: ${name}`, () => gexf.parse(Graph, read(`${name}.gexf`)));
  const c = load(`graphology Graph.from: ${name}`, () => Graph.from(JSON.parse(read(`${name}.json`))));
  if (a && b && c) {
    check('export: orders', [a.order, b.order], [c.order, c.order]);
    check('export: sizes', [a.size, b.size], [c.size, c.size]);
    if (c.order === 0) fails.push('export: empty graph');
    const skip = new Set(['color', 'x', 'y', 'z', 'size', 'r', 'g', 'b']);
    const strip = (o) => Object.fromEntries(Object.entries(o).filter(([k]) => !skip.has(k)));
    c.forEachNode((n, attrs) => {
      check(`export: ${n} graphml`, a.hasNode(n) && strip(a.getNodeAttributes(n)), strip(attrs));
      check(`export: ${n} gexf`, b.hasNode(n) && strip(b.getNodeAttributes(n)), strip(attrs));
    });
    c.forEachEdge((e, attrs, s, t) => {
      const x = edgeByKey(a, e);
      check(`export: ${e} graphml`, x && [x.s, x.t, x.a], [s, t, attrs]);
      const y = edgeByKey(b, e);
      const { label, kind, ...rest } = (y && y.a) || {};
      check(`export: ${e} gexf`, y && [y.s, y.t, rest, label, kind],
        [s, t, attrs, attrs.type, attrs.type]);
    });
  }
}

for (const f of fails) console.log('FAIL:', f);
process.exit(fails.length ? 1 : 0);
