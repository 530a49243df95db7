// seq2seq4j web page: lists the served models, sends one input to POST /v1/translate with
// attention on, and draws the best translation's attention weights as an SVG heatmap
// (source tokens along x, output tokens along y). Plain DOM, no libraries, no innerHTML.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);

const state = { models: [] };

document.addEventListener('DOMContentLoaded', () => {
  $('form').addEventListener('submit', (event) => {
    event.preventDefault();
    translate();
  });
  $('model').addEventListener('change', showModelInfo);
  loadModels();
});

function setStatus(text, isError) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', Boolean(isError));
}

async function loadModels() {
  try {
    const res = await fetch('/v1/models', { headers: { Accept: 'application/json' } });
    const body = await res.json();
    if (!res.ok) {
      throw new Error(body && body.error ? body.error.message : res.statusText);
    }
    state.models = body.models;
    const select = $('model');
    for (const m of body.models) {
      const option = document.createElement('option');
      option.value = m.name;
      option.textContent = m.name;
      option.selected = m.default;
      select.appendChild(option);
    }
    showModelInfo();
    $('translate').disabled = false;
  } catch (e) {
    setStatus('Cannot list the models: ' + e.message, true);
  }
}

function showModelInfo() {
  const m = state.models.find((x) => x.name === $('model').value);
  if (!m) {
    return;
  }
  const c = m.config;
  const parts = [
    c.cell + (c.layers > 1 ? ' × ' + c.layers : ''),
    c.bidirectional ? 'bidirectional encoder' : 'unidirectional encoder',
    c.attention === 'none' ? 'no attention' : c.attention + ' attention',
    c.tokenizer + ' tokens',
    m.parameters.toLocaleString('en-US') + ' parameters',
  ];
  $('model-info').textContent = parts.join(' · ');
}

async function translate() {
  const text = $('source').value;
  const beam = Number($('beam').value);
  const button = $('translate');
  button.disabled = true;
  setStatus('Translating…', false);
  try {
    const res = await fetch('/v1/translate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ model: $('model').value, inputs: [text], beam: beam, nbest: 1, attention: true }),
    });
    let body = null;
    try {
      body = await res.json();
    } catch (ignored) {
      // not JSON: reported below
    }
    if (!res.ok) {
      throw new Error(body && body.error ? body.error.message : 'HTTP ' + res.status);
    }
    showResult(body.results[0]);
    setStatus('', false);
  } catch (e) {
    setStatus(e.message, true);
  } finally {
    button.disabled = false;
  }
}

function showResult(result) {
  const best = result.translations[0];
  $('result').hidden = false;
  $('translation').textContent = best.text;
  $('score').textContent = best.score.toFixed(4);
  $('normalized').textContent = best.normalized_score.toFixed(4);
  $('length').textContent = String(best.tokens.length);
  $('finished').textContent = best.finished ? 'yes' : 'no (length limit)';
  const a = best.attention;
  const hasAttention = Boolean(a) && a.weights.length > 0 && a.source_tokens.length > 0;
  $('no-attention').hidden = hasAttention;
  $('heatmap-frame').hidden = !hasAttention;
  if (hasAttention) {
    drawHeatmap($('heatmap'), a.source_tokens, a.output_tokens, a.weights);
  }
}

/** How a token is shown as a label: visible spaces, and at most 14 characters. */
function label(token) {
  if (token === '') {
    return '∅';
  }
  const shown = token.replace(/ /g, '␣').replace(/\t/g, '⇥');
  return shown.length > 14 ? shown.slice(0, 13) + '…' : shown;
}

function svg(name, attrs, parent) {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) {
    el.setAttribute(k, String(v));
  }
  if (parent) {
    parent.appendChild(el);
  }
  return el;
}

/** White (0) to dark blue (1), linear in the weight. */
function colour(w) {
  const t = Math.max(0, Math.min(1, w));
  const mix = (from, to) => Math.round(from + (to - from) * t);
  return 'rgb(' + mix(255, 8) + ',' + mix(255, 48) + ',' + mix(255, 107) + ')';
}

function drawHeatmap(root, sources, outputs, weights) {
  while (root.lastChild && root.lastChild.nodeName !== 'title') {
    root.removeChild(root.lastChild);
  }
  const charWidth = 7.4; // 12px monospace
  const srcLabels = sources.map(label);
  const outLabels = outputs.map(label);
  const cell = Math.max(16, Math.min(36, Math.floor(640 / Math.max(1, sources.length))));
  const longestSrc = Math.max(...srcLabels.map((s) => s.length));
  const longestOut = Math.max(...outLabels.map((s) => s.length));
  const rotate = longestSrc * charWidth > cell - 2;
  const left = 34 + Math.ceil(longestOut * charWidth);
  const top = 30 + (rotate ? Math.ceil(longestSrc * charWidth * 0.75) : 16);
  const width = left + cell * sources.length + 12;
  const height = top + cell * outputs.length + 52;
  root.setAttribute('width', width);
  root.setAttribute('height', height);
  root.setAttribute('viewBox', '0 0 ' + width + ' ' + height);

  svg('text', { x: left + (cell * sources.length) / 2, y: 14, 'text-anchor': 'middle', class: 'axis-title' }, root)
    .textContent = 'source tokens';
  const yTitle = svg('text', {
    x: 12, y: top + (cell * outputs.length) / 2, 'text-anchor': 'middle', class: 'axis-title',
    transform: 'rotate(-90 12 ' + (top + (cell * outputs.length) / 2) + ')',
  }, root);
  yTitle.textContent = 'output tokens';

  srcLabels.forEach((text, j) => {
    const x = left + j * cell + cell / 2;
    const y = top - 6;
    const attrs = rotate
      ? { x: x, y: y, 'text-anchor': 'start', transform: 'rotate(-50 ' + x + ' ' + y + ')', class: 'src-label' }
      : { x: x, y: y, 'text-anchor': 'middle', class: 'src-label' };
    svg('text', attrs, root).textContent = text;
  });
  outLabels.forEach((text, i) => {
    svg('text', {
      x: left - 6, y: top + i * cell + cell / 2, 'text-anchor': 'end', 'dominant-baseline': 'central',
      class: 'out-label',
    }, root).textContent = text;
  });

  const grid = svg('g', { class: 'cells' }, root);
  weights.forEach((row, i) => {
    row.forEach((w, j) => {
      const rect = svg('rect', {
        x: left + j * cell, y: top + i * cell, width: cell, height: cell, fill: colour(w),
        class: 'cell', 'data-row': i, 'data-col': j,
      }, grid);
      svg('title', {}, rect).textContent =
        outputs[i] + ' ← ' + sources[j] + ': ' + w.toFixed(3);
      if (cell >= 28) {
        svg('text', {
          x: left + j * cell + cell / 2, y: top + i * cell + cell / 2, 'text-anchor': 'middle',
          'dominant-baseline': 'central', class: w > 0.5 ? 'value dark' : 'value',
        }, grid).textContent = String(Math.round(w * 100));
      }
    });
  });
  svg('rect', {
    x: left, y: top, width: cell * sources.length, height: cell * outputs.length,
    fill: 'none', stroke: '#9aa3b2',
  }, root);

  // Colour scale: 0 to 1.
  const defs = svg('defs', {}, root);
  const gradient = svg('linearGradient', { id: 'scale', x1: 0, x2: 1, y1: 0, y2: 0 }, defs);
  svg('stop', { offset: '0', 'stop-color': colour(0) }, gradient);
  svg('stop', { offset: '1', 'stop-color': colour(1) }, gradient);
  const barY = top + cell * outputs.length + 18;
  const barWidth = Math.min(200, Math.max(120, cell * sources.length));
  svg('rect', { x: left, y: barY, width: barWidth, height: 10, fill: 'url(#scale)', stroke: '#9aa3b2' }, root);
  svg('text', { x: left, y: barY + 24, 'text-anchor': 'start', class: 'axis-title' }, root).textContent = '0';
  svg('text', { x: left + barWidth, y: barY + 24, 'text-anchor': 'end', class: 'axis-title' }, root)
    .textContent = '1';
  svg('text', { x: left + barWidth / 2, y: barY + 24, 'text-anchor': 'middle', class: 'axis-title' }, root)
    .textContent = 'weight';
}
