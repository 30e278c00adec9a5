// The TradeSignal dashboard: one WebSocket (/ws/market, docs/publisher.md), one panel per underlying.
// Every number comes from the publisher; the page only keeps the last snapshot and applies updates to it.
// A module (strict, deferred); the chart library is the standalone build's global LightweightCharts.

const UNDERLYINGS = ['NIFTY', 'BANKNIFTY', 'SENSEX'];
const NAMES = { NIFTY: 'NIFTY 50', BANKNIFTY: 'NIFTY BANK', SENSEX: 'SENSEX' };
const INTERVALS = ['1m', '3m', '5m', '15m'];
const MAX_BARS = 375;
// lightweight-charts draws times as UTC; shifting by IST's offset shows exchange time on any machine.
const IST_OFFSET_S = 19800;
const VOTES = [
  ['ema_trend', 'EMA trend'], ['vwap_position', 'VWAP'], ['supertrend', 'SuperTrend'], ['psar', 'Parabolic SAR'],
  ['rsi', 'RSI'], ['momentum', 'Momentum'], ['market_structure', 'Structure'], ['opening_range', 'Opening range'],
  ['pivots', 'Pivots'], ['candle_intent', 'Candle intent'], ['volume', 'Volume'], ['pcr', 'PCR'], ['oi_buildup', 'OI build-up'],
];
const LINE_KEYS = ['vwap', 'vwap_upper_1', 'vwap_lower_1', 'vwap_upper_2', 'vwap_lower_2', 'ema_9', 'ema_21', 'ema_50',
  'ema_200', 'supertrend'];
const BADGE_TEXT = {
  LIVE: 'LIVE', REPLAY: 'REPLAY', SIMULATED: 'SIMULATED', MARKET_CLOSED: 'MARKET CLOSED', LOGIN_REQUIRED: 'LOGIN REQUIRED',
  RECONNECTING: 'RECONNECTING', NO_DATA: 'NO DATA', DISCONNECTED: 'DISCONNECTED', CONNECTING: 'CONNECTING',
};

const state = { underlyings: {}, status: null, statusAt: 0 };
const panels = {};
const socket = { ws: null, attempt: 0, retryAt: 0, lastSeq: 0, lastMessageAt: 0 };
// A handshake that neither opens nor fails, or an open socket that goes quiet (status comes every second), counts
// as a disconnect: a half-open TCP connection may take minutes to report itself, and the page must not look alive.
const CONNECT_TIMEOUT_MS = 10000;
const SILENCE_MS = 15000;

const $ = (id) => document.getElementById(id);
const fmt = (v, digits = 2) => (v === null || v === undefined || Number.isNaN(v) ? '–'
  : Number(v).toLocaleString('en-IN', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

// ---- panels ---------------------------------------------------------------------------------------------------------

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function buildPanel(u) {
  const root = el('section', 'panel');
  root.dataset.underlying = u;
  const head = el('div', 'panel-head');
  head.append(el('h2', null, NAMES[u]));
  const price = el('span', 'price', '–');
  price.dataset.price = '';
  const change = el('span', 'change', '');
  const future = el('span', 'future muted', '');
  const tabs = el('div', 'intervals');
  const p = { u, root, price, change, future, interval: '5m', buttons: {}, priceLines: [] };
  for (const iv of INTERVALS) {
    const b = el('button', iv === p.interval ? 'active' : '', iv);
    b.type = 'button';
    b.addEventListener('click', () => selectInterval(p, iv));
    tabs.append(b);
    p.buttons[iv] = b;
  }
  head.append(price, change, future, tabs);
  const chartBox = el('div', 'chart');
  const legend = el('div', 'legend',
    'VWAP ±1σ/±2σ (of the near-month future, less its premium) · SuperTrend · SAR · EMA 9/21/50/200 · pivots · opening range');
  p.verdict = el('div', 'verdict neutral', 'Waiting for the first candle');
  p.facts = el('div', 'facts');
  p.votes = el('div', 'votes');
  root.append(head, chartBox, legend, p.verdict, p.facts, p.votes);
  $('panels').append(root);
  makeChart(p, chartBox);
  return p;
}

function makeChart(p, box) {
  const chart = LightweightCharts.createChart(box, {
    autoSize: true,
    layout: { background: { color: '#151b23' }, textColor: '#8b97a7' },
    grid: { vertLines: { color: '#1f2833' }, horzLines: { color: '#1f2833' } },
    // wider bars and a little room on the right: early in the session the few candles are not squeezed at the edge
    timeScale: { timeVisible: true, secondsVisible: false, borderColor: '#2a3441', barSpacing: 9, rightOffset: 3 },
    rightPriceScale: { borderColor: '#2a3441' },
    crosshair: { mode: LightweightCharts.CrosshairMode.Normal },
  });
  const line = (color, width, style) => chart.addLineSeries({
    color, lineWidth: width, lineStyle: style || 0, priceLineVisible: false, lastValueVisible: false,
    crosshairMarkerVisible: false,
  });
  p.chart = chart;
  p.candles = chart.addCandlestickSeries({
    upColor: '#26a269', downColor: '#e5484d', borderVisible: false, wickUpColor: '#26a269', wickDownColor: '#e5484d',
  });
  p.lines = {
    vwap: line('#f0a020', 2),
    vwap_upper_1: line('rgba(240,160,32,.55)', 1, 2), vwap_lower_1: line('rgba(240,160,32,.55)', 1, 2),
    vwap_upper_2: line('rgba(240,160,32,.3)', 1, 2), vwap_lower_2: line('rgba(240,160,32,.3)', 1, 2),
    ema_9: line('#60a5fa', 1), ema_21: line('#a78bfa', 1), ema_50: line('#f472b6', 1), ema_200: line('#e5e7eb', 1),
    supertrend: line('#26a269', 2),
  };
  p.psar = chart.addLineSeries({
    color: '#d7dee8', lineVisible: false, pointMarkersVisible: true, pointMarkersRadius: 2,
    priceLineVisible: false, lastValueVisible: false, crosshairMarkerVisible: false,
  });
}

function selectInterval(p, iv) {
  p.interval = iv;
  for (const [k, b] of Object.entries(p.buttons)) b.className = k === iv ? 'active' : '';
  renderChart(p);
  renderSignals(p);
}

// ---- chart data -----------------------------------------------------------------------------------------------------

const shifted = (bar) => bar.time + IST_OFFSET_S;

function seriesPoints(bar) {
  const t = shifted(bar);
  const out = { candle: { time: t, open: bar.open, high: bar.high, low: bar.low, close: bar.close }, lines: {}, psar: { time: t } };
  // the VWAP lines are the future's; shifted by the premium of the moment they sit on the index's candles
  const basis = num(bar.basis);
  for (const key of LINE_KEYS) {
    let v = num(bar[key]);
    if (v !== null && key.startsWith('vwap')) v = basis === null ? null : v - basis;
    const point = v === null ? { time: t } : { time: t, value: v };
    if (key === 'supertrend' && v !== null) point.color = bar.supertrend_direction >= 0 ? '#26a269' : '#e5484d';
    out.lines[key] = point;
  }
  const sar = num(bar.psar);
  if (sar !== null) {
    out.psar = { time: t, value: sar, color: bar.psar_direction >= 0 ? '#26a269' : '#e5484d' };
  }
  return out;
}

function renderChart(p) {
  const bars = (state.underlyings[p.u]?.candles?.[p.interval]) || [];
  const candles = [];
  const lines = {};
  const psar = [];
  for (const k of Object.keys(p.lines)) lines[k] = [];
  for (const bar of bars) {
    const pts = seriesPoints(bar);
    candles.push(pts.candle);
    for (const k of Object.keys(p.lines)) lines[k].push(pts.lines[k]);
    psar.push(pts.psar);
  }
  p.candles.setData(candles);
  for (const k of Object.keys(p.lines)) p.lines[k].setData(lines[k]);
  p.psar.setData(psar);
  p.lastTime = bars.length ? shifted(bars[bars.length - 1]) : 0;
  renderLevels(p);
}

function appendBar(p, bar) {
  const t = shifted(bar);
  if (t < p.lastTime) { // an older candle (restored or late): redraw rather than break the series' order
    renderChart(p);
    return;
  }
  const pts = seriesPoints(bar);
  p.candles.update(pts.candle);
  for (const k of Object.keys(p.lines)) p.lines[k].update(pts.lines[k]);
  p.psar.update(pts.psar);
  p.lastTime = t;
  renderLevels(p);
}

/** Pivot and opening-range levels of the newest row, as horizontal price lines. */
function renderLevels(p) {
  for (const line of p.priceLines) p.candles.removePriceLine(line);
  p.priceLines = [];
  const row = state.underlyings[p.u]?.latest?.[p.interval];
  if (!row) return;
  const add = (price, title, color, style) => {
    if (num(price) === null) return;
    // the axis label carries the title: without it P, R1 and S1 would be indistinguishable lines
    p.priceLines.push(p.candles.createPriceLine({
      price, title, color, lineWidth: 1, lineStyle: style, axisLabelVisible: true,
    }));
  };
  add(row.pivot, 'P', '#9ca3af', 1);
  for (const k of ['r1', 'r2', 'r3']) add(row[k], k.toUpperCase(), '#b45309', 1);
  for (const k of ['s1', 's2', 's3']) add(row[k], k.toUpperCase(), '#0f766e', 1);
  add(row.orb_high, 'OR high', '#38bdf8', 0);
  add(row.orb_low, 'OR low', '#38bdf8', 0);
}

// ---- numbers and votes ----------------------------------------------------------------------------------------------

function renderPrice(p) {
  const u = state.underlyings[p.u] || {};
  const price = u.price;
  if (price && num(price.last) !== null) {
    p.price.textContent = fmt(price.last);
    p.price.dataset.price = String(price.last);
    const ch = num(price.change);
    p.change.textContent = ch === null ? '' : `${ch >= 0 ? '+' : ''}${fmt(ch)} (${ch >= 0 ? '+' : ''}${fmt(price.change_pct)}%)`;
    p.change.className = 'change ' + (ch === null ? '' : ch >= 0 ? 'up' : 'down');
  } else {
    p.price.textContent = '–';
    p.price.dataset.price = '';
    p.change.textContent = 'no price yet';
    p.change.className = 'change muted';
  }
  const f = u.future;
  p.future.textContent = f && num(f.last) !== null ? `${f.symbol || 'future'} ${fmt(f.last)}` : '';
}

function fact(label, value) {
  const d = el('div', 'fact');
  d.append(el('span', null, label), document.createTextNode(value));
  return d;
}

function renderSignals(p) {
  const row = state.underlyings[p.u]?.latest?.[p.interval];
  p.facts.replaceChildren();
  p.votes.replaceChildren();
  if (!row) {
    p.verdict.className = 'verdict neutral';
    p.verdict.textContent = `No closed ${p.interval} candle yet`;
    return;
  }
  const v = row.verdict;
  const direction = v?.direction || 'neutral';
  const confidence = num(v?.confidence) === null ? '–' : fmt(v.confidence * 100, 0);
  p.verdict.className = 'verdict ' + direction;
  p.verdict.textContent = v ? `${direction.toUpperCase()} · ${v.summary || ''} · confidence ${confidence}%`
    : 'No verdict on this row';
  const imbalance = num(row.buy_sell_imbalance);
  p.facts.append(
    fact(`${p.interval} candle`, row.start ? row.start.substring(11, 16) : '–'),
    fact('PCR', fmt(row.pcr)),
    fact('Volume ratio', fmt(row.volume_ratio)),
    fact('Buy/sell imbalance', imbalance === null ? '–' : fmt(imbalance)),
    fact('OI build-up', row.oi_buildup ? row.oi_buildup.replace('_', ' ') : '–'),
    fact('Candle intent', row.candle_intent ? row.candle_intent.replace('_', ' ') : '–'),
    fact('RSI 14', fmt(row.rsi_14, 1)),
    fact('VWAP (future)', fmt(row.vwap)), // the future's, premium included: it is not on the index's scale
  );
  const signals = row.signals || {};
  for (const [key, label] of VOTES) {
    const s = signals[key];
    const cell = el('div', 'vote-cell vote-' + (s ? s.vote : 'neutral'));
    cell.title = s ? s.reason : 'not on this row';
    cell.append(el('span', 'name', label), el('span', 'vote', s ? s.vote : '–'), el('div', 'reason', s ? s.reason : ''));
    p.votes.append(cell);
  }
}

// ---- status ---------------------------------------------------------------------------------------------------------

function badge(stateName, message) {
  const b = $('status-badge');
  b.dataset.state = stateName;
  b.textContent = BADGE_TEXT[stateName] || stateName;
  $('status-message').textContent = message || '';
}

function renderStatus() {
  const s = state.status;
  if (socket.ws === null || socket.ws.readyState !== WebSocket.OPEN) return; // the socket's own state is shown then
  if (!s) return;
  badge(s.feed, s.message);
  $('login-button').hidden = s.feed !== 'LOGIN_REQUIRED';
  if (s.login_url) $('login-button').href = s.login_url;
  const ribbon = $('data-ribbon');
  ribbon.hidden = s.data_source === 'LIVE';
  ribbon.className = 'ribbon' + (s.data_source === 'REPLAY' ? ' replay' : '');
  ribbon.textContent = s.data_source === 'REPLAY' ? 'REPLAY of recorded ticks: not the live market'
    : s.data_source === 'SIMULATED' ? 'SIMULATED DATA from TradeSignal\'s own simulator: not market prices'
      : `${s.data_source || 'UNKNOWN'} DATA: not the live market`;
  $('market-phase').textContent = (s.market_phase || '–').replace(/_/g, ' ');
}

function duration(seconds) {
  if (seconds === null || seconds === undefined || seconds < 0) return '';
  const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), sec = Math.floor(seconds % 60);
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m ${String(sec).padStart(2, '0')}s`;
}

/** Once a second: the ages and countdowns move between status messages, and the retry countdown while offline. */
function tick() {
  const s = state.status;
  const elapsed = (Date.now() - state.statusAt) / 1000;
  if (s) {
    const age = num(s.last_tick_age_seconds);
    $('tick-age').textContent = age === null ? 'none yet' : `${fmt(age + elapsed, 1)} s ago`;
    const left = num(s.seconds_to_next_event);
    const speed = num(s.clock_speed);
    $('countdown').textContent = left === null ? ''
      : `· ${s.next_event} in ${duration(left - elapsed)}${speed && speed !== 1 ? ` (clock at ${speed}x)` : ''}`;
  }
  if (socket.retryAt) {
    const wait = Math.max(0, Math.ceil((socket.retryAt - Date.now()) / 1000));
    badge('DISCONNECTED', `retrying in ${wait}s (attempt ${socket.attempt})`);
  }
}

// ---- the socket -----------------------------------------------------------------------------------------------------

function connect() {
  socket.retryAt = 0;
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/market';
  const ws = new WebSocket(url);
  socket.ws = ws;
  socket.lastMessageAt = Date.now();
  if (socket.attempt) badge('DISCONNECTED', `connecting (attempt ${socket.attempt})`);
  else badge('CONNECTING', 'connecting to the publisher');
  ws.onopen = () => { document.body.dataset.connection = 'open'; };
  ws.onmessage = (e) => {
    socket.lastMessageAt = Date.now();
    onMessage(ws, JSON.parse(e.data));
  };
  ws.onclose = () => lost(ws);
}

/** The socket is gone (closed, refused, timed out or silent): show it and try again later. */
function lost(ws) {
  if (socket.ws !== ws) return;
  ws.onopen = ws.onmessage = ws.onclose = null;
  if (ws.readyState !== WebSocket.CLOSED) ws.close();
  document.body.dataset.connection = 'closed';
  $('login-button').hidden = true; // a login needs the publisher; the next status shows it again if still needed
  socket.ws = null;
  socket.attempt += 1;
  // 1 s doubling to 30 s, with jitter so a restarted publisher is not hit by every page at once
  const base = 1000 * 2 ** Math.min(socket.attempt - 1, 5);
  const delay = Math.min(30000, base * (0.75 + Math.random() * 0.5));
  socket.retryAt = Date.now() + delay;
  tick();
  setTimeout(connect, delay);
}

function watchdog() {
  const ws = socket.ws;
  if (!ws) return;
  const quiet = Date.now() - socket.lastMessageAt;
  if ((ws.readyState === WebSocket.CONNECTING && quiet > CONNECT_TIMEOUT_MS) || quiet > SILENCE_MS) lost(ws);
}

function onMessage(ws, msg) {
  if (msg.type !== 'snapshot' && socket.lastSeq && msg.seq !== socket.lastSeq + 1) {
    // the publisher dropped updates for this page (it was slow): ask for a fresh snapshot
    ws.send(JSON.stringify({ type: 'subscribe', underlyings: UNDERLYINGS }));
  }
  socket.lastSeq = msg.seq;
  switch (msg.type) {
    case 'snapshot': return onSnapshot(msg);
    case 'update': return onUpdate(msg);
    case 'status':
      state.status = msg.status;
      state.statusAt = Date.now();
      renderStatus();
      return tick();
    default: return undefined; // heartbeat, pong, error
  }
}

function onSnapshot(msg) {
  socket.attempt = 0;
  state.status = msg.status;
  state.statusAt = Date.now();
  for (const u of UNDERLYINGS) {
    if (msg.underlyings[u]) state.underlyings[u] = msg.underlyings[u];
  }
  for (const p of Object.values(panels)) {
    renderPrice(p);
    renderChart(p);
    renderSignals(p);
  }
  document.body.dataset.snapshots = String(Number(document.body.dataset.snapshots) + 1);
  renderStatus();
  tick();
}

function onUpdate(msg) {
  const u = state.underlyings[msg.underlying];
  const p = panels[msg.underlying];
  if (!u || !p) return;
  document.body.dataset.updates = String(Number(document.body.dataset.updates) + 1);
  if (msg.kind === 'price') {
    u.price = msg.price;
    renderPrice(p);
  } else if (msg.kind === 'future') {
    u.future = msg.future;
    renderPrice(p);
  } else if (msg.kind === 'candle') {
    u.candles ||= {};
    u.latest ||= {};
    const bars = (u.candles[msg.interval] ||= []);
    const last = bars[bars.length - 1];
    if (last && last.time === msg.bar.time) bars[bars.length - 1] = msg.bar;
    else bars.push(msg.bar);
    if (last && last.time > msg.bar.time) bars.sort((a, b) => a.time - b.time);
    if (bars.length > MAX_BARS) bars.splice(0, bars.length - MAX_BARS);
    u.latest[msg.interval] = msg.row;
    if (p.interval === msg.interval) {
      appendBar(p, msg.bar);
      renderSignals(p);
    }
  }
}

function start() {
  if (new URLSearchParams(location.search).has('token')) {
    // the publisher has set its cookie; keep the token out of the address bar and history
    history.replaceState(null, '', location.pathname + location.hash);
  }
  for (const u of UNDERLYINGS) panels[u] = buildPanel(u);
  setInterval(() => { watchdog(); tick(); }, 1000);
  connect();
}

start();
