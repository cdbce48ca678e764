// RMA Flow insight for process owners, as Cockpit plugins: a page of its own (#/rma-insight),
// its menu entry, and a summary on the dashboard. Every figure shown is read from
// GET /api/insight, which answers to the Cockpit login (session cookie) for reading.
// Plain ES module, charts drawn as inline SVG: no build step and nothing loaded from elsewhere.

const API = '/api/insight';
const PAGE = '#/rma-insight';
const SVG_NS = 'http://www.w3.org/2000/svg';

const STATUS_LABELS = {
  SUBMITTED: 'Submitted',
  IN_REMOTE_DIAGNOSIS: 'Remote triage',
  ON_SITE_SCHEDULED: 'On-site visit',
  AWAITING_DEVICE: 'Awaiting device',
  IN_INSPECTION: 'Inspection',
  IN_DIAGNOSIS: 'Diagnosis',
  AWAITING_PROOF: 'Awaiting proof',
  AWAITING_PAYMENT: 'Awaiting payment',
  IN_REPAIR: 'Repair',
  IN_QUALITY_CHECK: 'Quality check',
  AWAITING_REFUND: 'Awaiting refund',
  AWAITING_RETURN_SHIPMENT: 'Return shipping'
};
const WAIT_LABELS = {
  DEVICE_NOT_SHIPPED: 'Device not shipped in',
  PROOF_OF_PURCHASE: 'Proof of purchase requested',
  PAYMENT: 'Payment pending'
};
const LEVEL_COLOURS = { RESPONSE: '#2f6fad', RESOLUTION: '#e08a1e', COMPLAINT: '#c0392b' };
const BAR = '#3c85c5';
const MUTED = '#8a8f98';

// --- DOM and SVG helpers ------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  return fill(node, attrs, children);
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  return fill(node, attrs, children);
}

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

function fmt(value, unit) {
  return value === null || value === undefined ? '–' : `${value}${unit ? ' ' + unit : ''}`;
}

function dateTime(iso) {
  return iso ? iso.replace('T', ' ').slice(0, 16) : '–';
}

function shortDate(isoDate) {
  return isoDate.slice(5);
}

function installStyles() {
  if (document.getElementById('rma-insight-styles')) {
    return;
  }
  document.head.append(el('style', { id: 'rma-insight-styles' }, `
    .rma-insight { padding: 12px 20px 40px; }
    .rma-insight h2 { font-size: 22px; margin: 6px 0 4px; }
    .rma-insight h3 { font-size: 16px; margin: 0 0 8px; }
    .rma-insight .rma-meta { color: ${MUTED}; margin-bottom: 12px; }
    .rma-insight .rma-grid { display: flex; flex-wrap: wrap; gap: 16px; }
    .rma-insight .rma-card { background: #fff; border: 1px solid #dde1e6; border-radius: 4px; padding: 12px 16px;
      flex: 1 1 440px; min-width: 360px; }
    .rma-insight .rma-split { display: flex; flex-wrap: wrap; gap: 20px; }
    .rma-insight .rma-split > div { flex: 1 1 420px; }
    .rma-insight .rma-tiles { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 10px; }
    .rma-insight .rma-tile { border-left: 4px solid ${BAR}; padding: 2px 10px; min-width: 120px; }
    .rma-insight .rma-tile b { display: block; font-size: 24px; line-height: 1.2; }
    .rma-insight .rma-tile span { color: ${MUTED}; font-size: 12px; }
    .rma-insight table { width: 100%; font-size: 13px; margin-top: 8px; }
    .rma-insight th, .rma-insight td { padding: 3px 6px; border-bottom: 1px solid #eef0f2; text-align: left; }
    .rma-insight td.num, .rma-insight th.num { text-align: right; }
    .rma-insight .rma-legend span { margin-right: 12px; font-size: 12px; }
    .rma-insight .rma-legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
    .rma-insight .rma-error { color: #c0392b; padding: 12px 0; }
    .rma-insight svg text { font-size: 11px; fill: #333; }
    .rma-insight-summary { display: flex; gap: 24px; flex-wrap: wrap; padding: 8px 0; }
    .rma-insight-summary b { font-size: 20px; display: block; }
  `));
}

// --- data ------------------------------------------------------------------------------

async function loadInsight(weeks) {
  const response = await fetch(`${API}?weeks=${encodeURIComponent(weeks)}`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  });
  if (response.status === 401) {
    throw new Error('Your Cockpit session has ended. Log in again to see the insight.');
  }
  if (response.status === 403) {
    throw new Error('Only process owners, service managers and administrators see the insight.');
  }
  if (!response.ok) {
    throw new Error(`The insight could not be read (HTTP ${response.status}).`);
  }
  return response.json();
}

// --- charts ----------------------------------------------------------------------------

/** Horizontal bars: one row per item, the value written after the bar. */
function barChart(rows, { width = 460, rowHeight = 22, labelWidth = 150, colour = BAR } = {}) {
  const max = Math.max(1, ...rows.map((row) => row.value));
  const barSpace = width - labelWidth - 40;
  const chart = chartBox(width, rows.length * rowHeight + 4);
  rows.forEach((row, i) => {
    const y = i * rowHeight + 2;
    const length = row.value === 0 ? 0 : Math.max(2, (row.value / max) * barSpace);
    chart.append(
      svg('text', { x: labelWidth - 6, y: y + rowHeight / 2 + 4, 'text-anchor': 'end' }, row.label),
      svg('rect', { x: labelWidth, y: y + 3, width: length, height: rowHeight - 8, fill: row.colour || colour },
        svg('title', {}, `${row.label}: ${row.value}`)),
      svg('text', { x: labelWidth + length + 5, y: y + rowHeight / 2 + 4 }, String(row.value)));
  });
  return chart;
}

/** Columns per week, stacked by service level. */
function stackedWeeks(weeks, levels, { width = 460, height = 170 } = {}) {
  const left = 28;
  const bottom = 20;
  const plotHeight = height - bottom - 8;
  // An even maximum keeps the middle grid line on a whole number of breaches.
  const max = Math.max(2, Math.ceil(Math.max(...weeks.map((week) => week.total)) / 2) * 2);
  const slot = (width - left) / Math.max(1, weeks.length);
  const chart = chartBox(width, height);
  axis(chart, left, width, plotHeight, max, '');
  weeks.forEach((week, i) => {
    const x = left + i * slot + slot * 0.2;
    let y = plotHeight + 4;
    for (const level of levels) {
      const count = (week.byLevel.find((entry) => entry.level === level) || { count: 0 }).count;
      const h = (count / max) * plotHeight;
      if (count > 0) {
        y -= h;
        chart.append(svg('rect', { x, y, width: slot * 0.6, height: h, fill: LEVEL_COLOURS[level] || MUTED },
          svg('title', {}, `Week of ${week.weekStart}: ${count} ${level}`)));
      }
    }
    if (week.total > 0) {
      chart.append(svg('text', { x: x + slot * 0.3, y: y - 3, 'text-anchor': 'middle' }, String(week.total)));
    }
    chart.append(svg('text', { x: x + slot * 0.3, y: height - 5, 'text-anchor': 'middle' }, shortDate(week.weekStart)));
  });
  return chart;
}

/** Median and 90th percentile per week as two lines; weeks without closings leave a gap. */
function turnaroundLines(weeks, { width = 460, height = 180 } = {}) {
  const left = 34;
  const bottom = 20;
  const plotHeight = height - bottom - 8;
  const max = Math.max(1, ...weeks.map((week) => week.p90Days || 0));
  const slot = (width - left) / Math.max(1, weeks.length);
  const chart = chartBox(width, height);
  axis(chart, left, width, plotHeight, max, 'd');
  const point = (i, value) => [left + i * slot + slot / 2, plotHeight + 4 - (value / max) * plotHeight];
  for (const [key, colour, dash] of [['p90Days', '#e08a1e', '4 3'], ['medianDays', BAR, null]]) {
    let path = '';
    weeks.forEach((week, i) => {
      if (week[key] === null) {
        return;
      }
      const [x, y] = point(i, week[key]);
      const previous = i > 0 && weeks[i - 1][key] !== null;
      path += `${previous ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)} `;
      chart.append(svg('circle', { cx: x, cy: y, r: 3, fill: colour },
        svg('title', {}, `Week of ${week.weekStart}: ${key === 'p90Days' ? '90th percentile' : 'median'} `
          + `${week[key]} days, ${week.count} closed`)));
    });
    if (path) {
      chart.prepend(svg('path', { d: path, fill: 'none', stroke: colour, 'stroke-width': 2, 'stroke-dasharray': dash }));
    }
  }
  weeks.forEach((week, i) => {
    chart.append(svg('text', { x: left + i * slot + slot / 2, y: height - 5, 'text-anchor': 'middle' },
      shortDate(week.weekStart)));
  });
  return chart;
}

/** Drawn in a fixed coordinate space and scaled to the card's width. */
function chartBox(width, height) {
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img',
    style: `width:100%;max-width:${width * 1.4}px;height:auto;display:block` });
}

function axis(chart, left, width, plotHeight, max, unit) {
  for (const fraction of [0, 0.5, 1]) {
    const y = plotHeight + 4 - fraction * plotHeight;
    const value = Math.round(max * fraction * 10) / 10;
    chart.append(
      svg('line', { x1: left, x2: width, y1: y, y2: y, stroke: '#e3e6ea' }),
      svg('text', { x: left - 4, y: y + 4, 'text-anchor': 'end' }, `${value}${unit}`));
  }
}

function legend(entries) {
  return el('div', { class: 'rma-legend' },
    entries.map(([label, colour, dashed]) => el('span', {},
      el('i', { style: `background:${dashed ? 'repeating-linear-gradient(90deg,' + colour + ' 0 4px,#fff 4px 7px)' : colour}` }),
      label)));
}

function tile(value, label, colour) {
  return el('div', { class: 'rma-tile', style: colour ? `border-color:${colour}` : null }, el('b', {}, value), el('span', {}, label));
}

// --- the page ---------------------------------------------------------------------------

function openCasesCard(data) {
  const open = data.openCases;
  return el('div', { class: 'rma-card' },
    el('h3', {}, `Open cases: ${open.total}`),
    barChart(open.byStatus.map((entry) => ({ label: STATUS_LABELS[entry.status] || entry.status, value: entry.count }))));
}

function waitingCard(data) {
  const waiting = data.waitingOnCustomers;
  return el('div', { class: 'rma-card' },
    el('h3', {}, `Waiting on customers: ${waiting.total}`),
    barChart(waiting.reasons.map((reason) => ({ label: WAIT_LABELS[reason.reason] || reason.reason, value: reason.count })),
      { labelWidth: 190, colour: '#7a5cc4' }),
    el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, 'Waiting for'), el('th', { class: 'num' }, 'Cases'),
        el('th', { class: 'num' }, 'Lapsing in 2 days'), el('th', {}, 'Next deadline'), el('th', {}, 'Then'))),
      el('tbody', {}, waiting.reasons.map((reason) => el('tr', {},
        el('td', {}, WAIT_LABELS[reason.reason] || reason.reason),
        el('td', { class: 'num' }, reason.count),
        el('td', { class: 'num' }, reason.lapsingWithin2Days),
        el('td', {}, dateTime(reason.nextDeadline)),
        el('td', {}, reason.deadline))))));
}

function slaCard(data) {
  const sla = data.slaBreaches;
  const levels = sla.byLevel.map((entry) => entry.level);
  return el('div', { class: 'rma-card' },
    el('h3', {}, 'Service levels'),
    el('div', { class: 'rma-tiles' },
      tile(sla.overdueTasksNow, 'tasks overdue now', '#c0392b'),
      tile(sla.atRiskTasksNow, 'tasks at risk now', '#e08a1e'),
      sla.byLevel.map((entry) => tile(entry.count, `${entry.level} breaches in all`, LEVEL_COLOURS[entry.level]))),
    el('div', {}, `Breaches per week (${sla.byWeek.reduce((sum, week) => sum + week.total, 0)} in ${data.weeks} weeks)`),
    stackedWeeks(sla.byWeek, levels),
    legend(levels.map((level) => [level, LEVEL_COLOURS[level] || MUTED])),
    sla.latest.length === 0 ? el('p', { class: 'rma-meta' }, 'No breach in these weeks.')
      : el('table', {},
        el('thead', {}, el('tr', {}, el('th', {}, 'Latest breaches'), el('th', {}, 'Level'), el('th', {}, 'Due'),
          el('th', {}, 'Recorded'))),
        el('tbody', {}, sla.latest.map((breach) => el('tr', {},
          el('td', {}, breach.rmaNumber), el('td', {}, breach.level), el('td', {}, dateTime(breach.dueAt)),
          el('td', {}, dateTime(breach.breachedAt)))))));
}

function turnaroundCard(data) {
  const turnaround = data.turnaround;
  const overall = turnaround.overall;
  return el('div', { class: 'rma-card' },
    el('h3', {}, 'Turnaround, submission to closing'),
    el('div', { class: 'rma-tiles' },
      tile(overall.count, `cases closed in ${data.weeks} weeks`),
      tile(fmt(overall.medianDays, 'd'), 'median'),
      tile(fmt(overall.p90Days, 'd'), '90th percentile', '#e08a1e')),
    el('div', { class: 'rma-split' },
      el('div', {},
        turnaroundLines(turnaround.byWeek),
        legend([['median days per week of closing', BAR], ['90th percentile', '#e08a1e', true]])),
      el('div', {}, turnaroundTables(turnaround))));
}

function contractsCard(data) {
  const contracts = data.contracts;
  const fees = contracts.overdueLateFees.length === 0 ? 'none'
    : contracts.overdueLateFees.map((fee) => `${fee.amount} ${fee.currency}`).join(', ');
  return el('div', { class: 'rma-card', 'data-rma-insight': 'contracts' },
    el('h3', {}, 'Service contracts'),
    el('div', { class: 'rma-tiles' },
      tile(contracts.active, 'active'),
      tile(contracts.awaitingPaymentOrAudit, 'awaiting payment or audit', '#7a5cc4'),
      tile(contracts.overdue, 'with a period overdue', '#c0392b'),
      tile(contracts.endingWithin30Days, 'ending within 30 days, not renewed', '#e08a1e')),
    el('p', { class: 'rma-meta' }, `Late fees run up by overdue periods so far: ${fees}.`));
}

function turnaroundTables(turnaround) {
  return [
    el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, 'Resolution'), el('th', { class: 'num' }, 'Closed'),
        el('th', { class: 'num' }, 'Median days'), el('th', { class: 'num' }, '90th pct. days'))),
      el('tbody', {}, turnaround.byResolution.map((row) => el('tr', {},
        el('td', {}, row.resolution), el('td', { class: 'num' }, row.count),
        el('td', { class: 'num' }, fmt(row.medianDays)), el('td', { class: 'num' }, fmt(row.p90Days)))))),
    el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, 'Staff task (engine history)'), el('th', { class: 'num' }, 'Completed'),
        el('th', { class: 'num' }, 'Median hours'), el('th', { class: 'num' }, '90th pct. hours'))),
      el('tbody', {}, turnaround.byTask.map((row) => el('tr', {},
        el('td', {}, row.task), el('td', { class: 'num' }, row.count),
        el('td', { class: 'num' }, fmt(row.medianHours)), el('td', { class: 'num' }, fmt(row.p90Hours))))))];
}

function renderPage(node) {
  installStyles();
  let weeks = 8;
  const body = el('div', {});
  const weekChoice = el('select', { class: 'form-control input-sm', style: 'display:inline-block;width:auto' },
    [4, 8, 12, 26, 52].map((n) => {
      const option = el('option', { value: n }, `${n} weeks`);
      option.selected = n === weeks;
      return option;
    }));
  const refresh = el('button', { class: 'btn btn-default btn-sm', type: 'button' }, 'Refresh');
  const meta = el('div', { class: 'rma-meta' });
  const root = el('div', { class: 'rma-insight', 'data-rma-insight': 'page' },
    el('h2', {}, 'RMA insight'),
    el('div', { class: 'rma-meta' }, 'Open cases, customers we wait for, service levels, turnaround and service contracts. ',
      weekChoice, ' ', refresh),
    meta, body);
  node.append(root);

  async function show() {
    meta.textContent = 'Loading…';
    try {
      const data = await loadInsight(weeks);
      body.replaceChildren(el('div', { class: 'rma-grid' },
        openCasesCard(data), waitingCard(data), slaCard(data), turnaroundCard(data), contractsCard(data)));
      meta.textContent = `As of ${dateTime(data.generatedAt)} (centre time); weeks from ${data.since}, Monday to Sunday.`;
    } catch (error) {
      meta.textContent = '';
      body.replaceChildren(el('div', { class: 'rma-error' }, error.message));
    }
  }
  weekChoice.addEventListener('change', () => {
    weeks = Number(weekChoice.value);
    show();
  });
  refresh.addEventListener('click', show);
  show();
}

async function renderSummary(node) {
  installStyles();
  const box = el('div', { class: 'rma-insight', 'data-rma-insight': 'summary', style: 'padding:0' });
  node.append(box);
  try {
    const data = await loadInsight(8);
    box.append(el('div', { class: 'rma-insight-summary' },
      el('div', {}, el('b', {}, data.openCases.total), 'open cases'),
      el('div', {}, el('b', {}, data.waitingOnCustomers.total), 'waiting on customers'),
      el('div', {}, el('b', {}, data.slaBreaches.overdueTasksNow), 'tasks overdue'),
      el('div', {}, el('b', {}, fmt(data.turnaround.overall.medianDays, 'd')), 'median turnaround, 8 weeks'),
      el('div', {}, el('b', {}, data.contracts.overdue), 'contracts overdue'),
      el('div', {}, el('a', { href: PAGE }, 'Open the RMA insight →'))));
  } catch (error) {
    // Users without oversight see Cockpit's own dashboard only.
    box.remove();
  }
}

export default [
  {
    id: 'rma-insight.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { pagePath: PAGE },
    checkActive: (path) => path.indexOf(PAGE) > -1,
    render: (node) => {
      node.append(el('a', { href: PAGE }, 'RMA insight'));
    }
  },
  {
    id: 'rma-insight.page',
    pluginPoint: 'cockpit.route',
    properties: { path: '/rma-insight', label: 'RMA insight' },
    render: (node) => renderPage(node)
  },
  {
    id: 'rma-insight.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    properties: { label: 'RMA insight' },
    render: (node) => {
      renderSummary(node);
    }
  }
];
