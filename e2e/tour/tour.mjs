#!/usr/bin/env node
// The screenshot tour: walks every command of README's command table through the Microsoft 365 Agents Playground's
// own web UI, in headless Chromium (playwright-core, Debian's /usr/bin/chromium), as the demo programme's coach and as
// a fresh participant, and writes one PNG per step plus index.html under target/tour/. It fails on what a person
// would call broken (see checks.mjs and e2e/README.md). Started by run.sh, which starts the bot first.
//
// Two Playgrounds run side by side against the same bot: the Playground can only be one person, so the coach (the
// Playground's built-in default user, whom the demo data makes the demo programme's coach) has one, and a new
// participant another. A person's typing and button clicks go through the web UI; card forms whose inputs are Fluent
// comboboxes go through the Playground's own submit route (as playground-e2e.mjs does), and the screenshot then shows
// the web UI with the bot's answer.
//
// Env: BOT_ENDPOINT (required), TOUR_OUT (default target/tour), CHROMIUM (default /usr/bin/chromium),
//      TOUR_ONLY (a RegExp on step ids, for working on a few steps; the gallery then holds only those).
// Exit: 0 every step passed (or failed only as e2e/tour/known-failures.mjs allows), 1 a step failed, 2 setup problem.

import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { steps } from './steps.mjs';
import { knownFailures } from './known-failures.mjs';
import { problemsIn } from './checks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const E2E = path.dirname(HERE);
/** What a person would call slow: a reply later than this, from pressing Enter to the first message of the answer. */
const REPLY_MS = 2000;
const STEP_TIMEOUT_MS = 30000;
const SETTLE_MS = 400;
const VIEWPORT = { width: 1280, height: 900 };
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

class SetupError extends Error {}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.log(...a);

// ---------------------------------------------------------------------------------------------------------------
// Playgrounds
// ---------------------------------------------------------------------------------------------------------------
function playgroundCli() {
  const require = createRequire(path.join(E2E, 'package.json'));
  try {
    return path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  } catch {
    throw new SetupError(`@microsoft/m365agentsplayground is not installed; run "npm ci" in ${E2E}`);
  }
}

/** A new participant in the Playground's own tenant (the demo's tenant), with a team and a group chat of their own. */
function participantConfig() {
  const hex = randomBytes(4).toString('hex');
  const person = (id, given, surname) => ({
    id, name: `${given} ${surname}`, userPrincipleName: `${given.toLowerCase()}-${hex}@example.nhs.uk`,
    aadObjectId: randomUUID(), givenName: given, surname, email: `${given.toLowerCase()}-${hex}@example.nhs.uk`,
  });
  return {
    version: '0.1.1',
    tenantId: '00000000-0000-0000-0000-0000000000001',
    bot: { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' },
    currentUser: person(`tour-${hex}`, 'Sam', 'Okafor'),
    users: [['Nadia', 'Hussain'], ['Tom', 'Reyes'], ['Ruth', 'Ambrose'], ['Owen', 'Clarke'], ['Leah', 'Summers']]
      .map(([g, s], i) => person(`tour-${hex}-${i + 1}`, g, s)),
    personalChat: { id: randomUUID() },
    groupChat: { id: `19:tour-group-${hex}@thread.v2`, name: 'Board development group' },
    team: {
      id: `19:tour-team-${hex}@thread.tacv2`, name: 'Riverside executive team', aadGroupId: randomUUID(),
      channels: [{ id: `19:tour-news-${hex}@thread.tacv2`, name: 'Announcements' }],
    },
  };
}

async function startPlayground(name, workDir, botEndpoint, config) {
  const dir = path.join(workDir, name);
  fs.mkdirSync(dir, { recursive: true });
  const env = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none',
    TZ: 'Europe/London', // the Playground stamps the person's time zone from its own: a UK leader
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(dir, 'playground.log'),
    M365_AGENTS_PLAYGROUND_RECORDING_FILE: path.join(dir, 'events-recording.log'),
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(dir, config ? 'config.yml' : 'none.yml'),
    TEAMS_APP_TEST_TOOL_CONFIG_PATH: path.join(dir, 'none-legacy.yml'),
  };
  if (config) fs.writeFileSync(env.M365_AGENTS_PLAYGROUND_CONFIG_PATH, JSON.stringify(config, null, 2));
  const child = spawn(process.execPath, [playgroundCli(), '-e', botEndpoint, '-c', 'msteams', '--dt', '-p', '0'],
    { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  let exited = false;
  child.on('exit', () => { exited = true; });
  process.on('exit', () => { if (!exited) try { child.kill('SIGKILL'); } catch { /* gone */ } });
  // As the end-to-end driver: PLAYGROUND_START_TIMEOUT_MS, 30 s unless said (a busy shared machine needs more).
  const deadline = Date.now() + Number(process.env.PLAYGROUND_START_TIMEOUT_MS || 30000);
  let port;
  while (!port) {
    const m = /Listening on (\d+)/.exec(out);
    if (m) port = Number(m[1]);
    else if (exited || Date.now() > deadline) throw new SetupError(`the ${name} Playground did not start:\n${out}`);
    else await sleep(50);
  }
  const base = `http://localhost:${port}`;
  for (;;) {
    try { if ((await fetch(`${base}/_debug/ping`)).ok) break; } catch { /* not yet */ }
    if (Date.now() > deadline) throw new SetupError(`the ${name} Playground did not answer /_debug/ping`);
    await sleep(50);
  }
  return { name, child, base, port, stop: () => { if (!exited) child.kill('SIGTERM'); } };
}

// ---------------------------------------------------------------------------------------------------------------
// One person at one Playground: its web page, and what its two websockets say (the page gets the same events)
// ---------------------------------------------------------------------------------------------------------------
class Person {
  constructor(role, pg, page) {
    this.role = role;
    this.pg = pg;
    this.page = page;
    this.messages = []; // bot messages: {id, conv, place, at, text, attachments, update}
    this.turns = []; // Playground -> bot calls answered: {type, status, at}
    this.problems = []; // Playground errors: bot HTTP >= 400, connector rejections, warnings
    this.current = null;
  }

  async api(method, p, body) {
    const res = await fetch(this.pg.base + p, {
      method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = text; }
    return { status: res.status, json, text };
  }

  async start() {
    const r = await this.api('GET', '/_internal/v1/config');
    if (r.status !== 200) throw new SetupError(`${this.pg.name} Playground config: HTTP ${r.status}`);
    const c = r.json.config;
    this.me = c.currentUser;
    this.bot = c.bot;
    this.places = {
      personal: { id: c.personalChat.id, label: 'Personal Chat', kind: 'chat' },
      group: { id: c.groupChats[0].id, label: c.groupChats[0].name, kind: 'chat' },
      team: { id: c.teams[0].id, label: `${c.teams[0].name} - General`, name: c.teams[0].name, kind: 'channel' },
    };
    // Before the page: nothing has happened yet, so both the page and this driver see every event from now on.
    await this.connect('/_ws_conversation/v1/conversations/stream', (d) => this.onConversation(d));
    await this.connect('/_ws/log/stream', (d) => this.onLog(d));
  }

  /** Opens the web UI: like a person's first visit, it opens the 1:1 chat, which adds the bot there. */
  async load() {
    await this.page.goto(this.pg.base + '/');
    await this.page.locator('[role=textbox]').first().waitFor({ timeout: 30000 });
    const hide = this.page.locator('button[title="Hide log panel"]');
    if (await hide.count()) await hide.first().click();
    // What earlier steps showed is hidden (data-tour-old), so each picture holds one step and the page stays light.
    await this.page.addStyleTag({ content: '[data-tour-old] { display: none !important; }' });
    this.loaded = true;
    this.current = 'personal';
  }

  connect(p, handler) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://localhost:${this.pg.port}${p}`);
      ws.onopen = () => resolve();
      ws.onerror = (e) => reject(new SetupError(`websocket ${p}: ${e.message || e.type}`));
      ws.onmessage = (e) => {
        try { handler(JSON.parse(typeof e.data === 'string' ? e.data : Buffer.from(e.data).toString())); } catch { /* not JSON */ }
      };
    });
  }

  placeOf(conv) {
    const top = String(conv).split(';')[0];
    return Object.entries(this.places).find(([, p]) => p.id === top)?.[0];
  }

  onConversation(d) {
    if (process.env.TOUR_DEBUG) log(`    [${this.role} ws] ${JSON.stringify(d).slice(0, 400)}`);
    if (d.action !== 'createMessage' && d.action !== 'updateMessage') return;
    const m = d.message;
    if (!m) return;
    // A message the bot sends on its own (the digest, a scheduled check-in) is told apart by what it says, not by
    // its sender: the conversation reference it goes out on may carry another bot id than the config's.
    const fromBot = m.from?.id === this.bot.id;
    if (!fromBot && m.from?.id === this.me?.id) return;
    const known = this.messages.find((x) => x.id === m.messageId);
    const conv = m.postConversationId ?? known?.conv ?? d.actionConversationId ?? m.directLineConversationId;
    this.messages.push({
      id: m.messageId, conv, place: this.placeOf(conv), at: Date.now(), text: m.text || '',
      attachments: m.attachments || [], update: d.action === 'updateMessage', fromBot,
    });
  }

  onLog(d) {
    const item = d.log;
    if (d.logAction !== 'appendLog' || !item) return;
    if (item.type === 'bot') {
      const status = item.response?.statusCode;
      if (item.from === 'Microsoft 365 Agents Playground') {
        const body = item.request?.body || {};
        if (process.env.TOUR_DEBUG) log(`    [${this.role} turn] ${body.type} ${body.conversation?.id} ${status}`);
        this.turns.push({ type: body.type, status, at: Date.now() });
        if (status >= 400) this.problems.push(`the bot answered a ${body.type} with HTTP ${status}`);
      } else if (status >= 400 && !/^(get|fetch)/i.test(item.activityName || '')) {
        this.problems.push(`the Playground's connector rejected the bot's ${item.activityName} with HTTP ${status}: ${JSON.stringify(item.response?.body).slice(0, 300)}`);
      }
    } else if (item.level === 'error') {
      this.problems.push(`Playground: ${item.displayText || JSON.stringify(item).slice(0, 300)}`);
    }
  }

  // ---- the screen ----

  async select(place) {
    if (this.current === place) return;
    const p = this.places[place];
    await this.page.locator(`[aria-label="${p.label}"]`).first().click();
    await this.page.locator('[role=textbox]').first().waitFor();
    await sleep(300);
    this.current = place;
  }

  /** Marks what is on the screen now, so that the step's own messages can be told apart afterwards. */
  async markOld() {
    await this.page.evaluate(() => {
      // A channel's posts are role=group, as is the list of chats on the left, which is not a post.
      const posts = () => [...document.querySelectorAll('[role=group]')].filter((g) => !g.closest('[role=tree]') && !g.querySelector('[role=tree]'));
      const rows = [];
      const header = document.querySelector('[aria-label="Message header"]');
      if (header) rows.push(...header.parentElement.parentElement.parentElement.children);
      rows.push(...posts());
      for (const el of rows) {
        if (!el.innerText.includes('Start a new post')) el.setAttribute('data-tour-old', '1'); // not the channel's composer
      }
    });
  }

  /** Shows again the newest message that matches: it arrived on its own, before the step that shows it. */
  async unmarkNewest(source, flags) {
    await this.page.evaluate(([src, fl]) => {
      const re = new RegExp(src, fl);
      const header = document.querySelector('[aria-label="Message header"]');
      if (!header) return;
      const hit = [...header.parentElement.parentElement.parentElement.children].reverse().find((el) => re.test(el.innerText));
      if (hit) hit.removeAttribute('data-tour-old');
    }, [source, flags]);
  }

  /** The step's new rows (chat messages, or the channel post it started) and their text, bot messages only. */
  async newRows() {
    return this.page.evaluate(() => {
      const posts = () => [...document.querySelectorAll('[role=group]')].filter((g) => !g.closest('[role=tree]') && !g.querySelector('[role=tree]'));
      const rows = [];
      const header = document.querySelector('[aria-label="Message header"]');
      if (header) {
        for (const el of header.parentElement.parentElement.parentElement.children) {
          if (!el.hasAttribute('data-tour-old') && el.innerText.trim()) rows.push(el);
        }
      }
      for (const el of posts()) {
        if (!el.hasAttribute('data-tour-old') && !el.innerText.includes('Start a new post')) rows.push(el);
      }
      for (const el of rows) el.setAttribute('data-tour-row', '1');
      const bot = rows.filter((el) => el.querySelector('[aria-label="Message author"]')?.innerText.includes('Test Bot')
        || el.getAttribute('role') === 'group');
      return { count: rows.length, botCount: bot.length, text: bot.map((el) => el.innerText).join('\n') };
    });
  }

  /** A picture of the step's rows in the chat pane, the pane made tall enough to hold them. */
  async screenshot(file) {
    const page = this.page;
    const box = async () => page.evaluate(() => {
      const rows = [...document.querySelectorAll('[data-tour-row]')].filter((el) => !el.hasAttribute('data-tour-old'));
      if (!rows.length) return null;
      let pane = rows[0].parentElement;
      while (pane && !['auto', 'scroll'].includes(getComputedStyle(pane).overflowY)) pane = pane.parentElement;
      const rs = rows.map((el) => el.getBoundingClientRect());
      const top = Math.min(...rs.map((r) => r.top));
      const bottom = Math.max(...rs.map((r) => r.bottom));
      const p = pane.getBoundingClientRect();
      return { top, bottom, height: bottom - top, paneTop: p.top, paneHeight: pane.clientHeight, x: p.left, width: p.width };
    });
    await page.mouse.move(1, 1); // no chart tooltip or hover frame left over from a click
    let b = await box();
    if (!b) { await page.screenshot({ path: file }); return; }
    if (b.height + 24 > b.paneHeight) {
      await page.setViewportSize({ width: VIEWPORT.width, height: Math.ceil(VIEWPORT.height + b.height + 24 - b.paneHeight) });
      await sleep(250);
    }
    await page.evaluate(() => {
      const rows = [...document.querySelectorAll('[data-tour-row]')].filter((el) => !el.hasAttribute('data-tour-old'));
      rows[0].scrollIntoView({ block: 'start' });
    });
    await sleep(150);
    b = await box();
    const top = Math.max(b.paneTop, b.top - 12);
    const bottom = Math.min(b.paneTop + b.paneHeight, b.bottom + 12);
    await page.screenshot({ path: file, clip: { x: b.x, y: top, width: b.width, height: Math.max(40, bottom - top) } });
    await page.setViewportSize(VIEWPORT);
  }

  // ---- what a person does ----

  async type(text, place) {
    const page = this.page;
    const shared = place !== 'personal';
    if (this.places[place].kind === 'channel') {
      await page.locator('[role=textbox]').first().click();
    } else {
      await page.locator('[role=textbox]').last().click();
    }
    if (shared) {
      // In a team or group chat the bot hears only an @mention, as in Teams: pick it from the mention menu.
      await page.keyboard.type('@Test');
      await page.locator('[role=menuitem]', { hasText: this.bot.name }).first().click();
      await page.keyboard.type(' ');
    }
    await page.keyboard.type(text);
    const t0 = Date.now();
    if (this.places[place].kind === 'channel') await page.getByRole('button', { name: 'Post', exact: true }).click();
    else await page.keyboard.press('Enter');
    return t0;
  }

  async click(title) {
    // The card is from an earlier step, so it is hidden: show it again (it is then in the picture too).
    await this.page.evaluate((name) => {
      const button = [...document.querySelectorAll('button')].filter((b) => b.innerText.trim() === name).pop();
      for (let el = button; el; el = el.parentElement) el.removeAttribute('data-tour-old');
    }, title);
    const button = this.page.getByRole('button', { name: title, exact: true }).last();
    await button.scrollIntoViewIfNeeded({ timeout: 5000 });
    const t0 = Date.now();
    await button.click();
    return t0;
  }

  /**
   * "Mock an Activity" in this Playground: its template for the 1:1 chat, changed by {@code patch}, sent to the bot as
   * the Playground sends any activity. For what Teams sends and the web UI cannot (a meeting's end).
   */
  async custom(patch) {
    const t = await this.api('GET', `/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(this.places.personal.id)}`);
    if (t.status !== 200) throw new Error(`the Playground's activity template: HTTP ${t.status} ${t.text}`);
    const r = await this.api('POST', '/_internal/v1/customActivities', patch(t.json, this));
    if (r.status !== 200) throw new Error(`the Playground did not send the activity: HTTP ${r.status} ${r.text}`);
  }

  /** A card form through the Playground's submit route: the newest card in the place with this action. */
  async submit(spec, place) {
    const conv = this.places[place].id;
    for (const m of [...this.messages].reverse()) {
      if (m.place !== place) continue;
      for (const att of m.attachments) {
        if (att.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
        const action = collect(att.content, (n) => n.type === 'Action.Submit' && (n.title === spec.action)).pop();
        if (!action) continue;
        const value = { ...(action.data && typeof action.data === 'object' ? action.data : {}) };
        for (const input of collect(att.content, (n) => typeof n.type === 'string' && n.type.startsWith('Input.') && n.id)) {
          if (input.value !== undefined && input.value !== null && input.value !== '') value[input.id] = String(input.value);
        }
        Object.assign(value, spec.inputs || {});
        const t0 = Date.now();
        const r = await this.api('POST', '/_conversation/v1/submit', { conversation: { id: m.conv || conv }, replyToId: m.id, value, from: { id: this.me.id } });
        if (r.status !== 200) throw new Error(`"${spec.action}" could not be submitted: HTTP ${r.status} ${r.text}`);
        return t0;
      }
    }
    throw new Error(`no card in the ${place} chat has a "${spec.action}" button`);
  }
}

function collect(node, pred, out = []) {
  if (Array.isArray(node)) { for (const n of node) collect(n, pred, out); return out; }
  if (!node || typeof node !== 'object') return out;
  if (pred(node)) out.push(node);
  for (const v of Object.values(node)) if (v && typeof v === 'object') collect(v, pred, out);
  return out;
}

const messageText = (m) => [m.text, ...m.attachments.map((a) => JSON.stringify(a.content ?? ''))].join('\n');

// ---------------------------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------------------------
async function runStep(step, people, ctx, index, out) {
  const who = people[step.as];
  const place = step.in || 'personal';
  ctx.marks[step.id] = Object.fromEntries(Object.entries(people).map(([role, p]) => [role, p.messages.length]));
  // A person's first step opens the web UI; opening a chat for the first time adds the bot. Both are the step itself,
  // so the counting starts before them.
  const first = !who.loaded;
  if (!first && !step.open) await who.select(place);
  if (!first) await who.markOld();
  // A message that arrives on its own may have come during the steps before: look from the step named in `since`.
  const fromMsg = step.since ? ctx.marks[step.since][step.as] : who.messages.length;
  const fromTurn = who.turns.length;
  const fromProblem = who.problems.length;
  const failures = [];
  // notBefore: a moment the step cannot come before (a session's start); before: what happens off screen first (Teams
  // saying a meeting ended), at that moment.
  const notBefore = step.notBefore ? step.notBefore(ctx) : 0;
  if (notBefore > Date.now()) await sleep(notBefore - Date.now());
  if (step.before) {
    try { await step.before(ctx, people); } catch (e) { failures.push({ check: 'broken', detail: e.message.split('\n')[0] }); }
  }
  let t0 = Date.now();
  // Timed from when the chat is on screen: how long Chromium takes to draw the page is not the bot's.
  if (first) { await who.load(); t0 = Date.now(); } else if (step.open) { await who.select(place); t0 = Date.now(); }
  const command = typeof step.send === 'function' ? step.send(ctx) : step.send;
  const shown = step.caption || command || (step.click && `clicks "${step.click}"`) || (step.submit && 'fills in the card')
    || (step.open && 'opens the chat') || '(waits)';
  try {
    if (command !== undefined) t0 = await who.type(command, place);
    else if (step.click) t0 = await who.click(step.click);
    else if (step.submit) t0 = await who.submit(typeof step.submit === 'function' ? step.submit(ctx) : step.submit, place);
  } catch (e) {
    failures.push({ check: 'broken', detail: e.message.split('\n')[0] });
  }

  const mine = () => who.messages.slice(fromMsg).filter((m) => m.place === place && m.fromBot);
  const want = step.waitFor;
  const wanted = () => (want ? who.messages.slice(fromMsg).filter((m) => (m.place === place || !m.place) && want.test(messageText(m))) : mine());
  const timeout = step.timeoutMs || STEP_TIMEOUT_MS;
  const deadline = t0 + timeout;
  while (Date.now() < deadline && !failures.length) {
    const ms = mine();
    const turnDone = step.open || want || who.turns.slice(fromTurn).some((t) => t.status !== undefined);
    const quiet = ms.length && Date.now() - ms[ms.length - 1].at >= SETTLE_MS;
    if (step.none && Date.now() - t0 > 1500) break;
    if (wanted().length && turnDone && quiet) break;
    await sleep(100);
  }
  const ms = want ? wanted() : mine();
  if (!step.none && !ms.length && !failures.length) {
    failures.push({ check: 'no-reply', detail: want ? `nothing matching ${want} within ${Math.round(timeout / 1000)} s` : `no answer within ${Math.round(timeout / 1000)} s` });
  }
  // Slow: a reply later than REPLY_MS after the person acted; a message due at a time, later than lateMs after it.
  const due = step.dueAt ? step.dueAt(ctx) : t0;
  const latency = ms.length ? Math.max(0, ms[0].at - due) : undefined;
  const limit = step.dueAt ? step.lateMs ?? REPLY_MS : step.replyMs ?? REPLY_MS;
  if (latency !== undefined && latency > limit) {
    failures.push({ check: 'slow', detail: `${step.dueAt ? 'it arrived' : 'the first reply came'} ${latency} ms ${step.dueAt ? 'after it was due' : 'after the person acted'} (limit ${limit} ms)` });
  }
  if (want && step.since) await who.unmarkNewest(want.source, want.flags);

  // What the person sees: wait until the page shows every bot message of the step.
  let seen = { count: 0, botCount: 0, text: '' };
  const shownBy = Date.now() + 5000;
  const botMsgs = new Set(ms.filter((m) => !m.update).map((m) => m.id)).size;
  for (;;) {
    seen = await who.newRows();
    const enough = who.places[place].kind === 'channel' ? seen.count > 0 : seen.botCount >= botMsgs;
    if (enough || Date.now() > shownBy) break;
    await sleep(150);
  }
  await sleep(100); // images and charts finish drawing
  let visible = seen.text;
  // A channel post holds the person's own message first ("Test Bot summary"): check only what the bot wrote.
  const typed = command && who.places[place].kind === 'channel' ? visible.indexOf(`${who.bot.name} ${command}`) : -1;
  if (typed >= 0) visible = visible.slice(typed + who.bot.name.length + 1 + command.length);
  for (const p of problemsIn(visible)) failures.push(p);
  for (const p of who.problems.slice(fromProblem)) failures.push({ check: 'playground-error', detail: p });
  if (step.expect && ms.length) {
    for (const e of [].concat(step.expect)) {
      if (!e.test(visible) && !ms.some((m) => e.test(messageText(m)))) failures.push({ check: 'expectation', detail: `nothing on screen matches ${e}` });
    }
  }
  if (step.capture) {
    try { step.capture(visible + '\n' + ms.map(messageText).join('\n'), ctx); } catch (e) { failures.push({ check: 'expectation', detail: `could not read what the next steps need: ${e.message}` }); }
  }

  const file = `${String(index + 1).padStart(2, '0')}-${step.id}.png`;
  await who.screenshot(path.join(out, file));
  if (step.after) await step.after(ctx);
  return { step, file, shown, place, latency, failures, text: visible };
}

// ---------------------------------------------------------------------------------------------------------------
// Gallery
// ---------------------------------------------------------------------------------------------------------------
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const WHERE = { personal: '1:1 chat', group: 'group chat', team: 'team channel' };

function writeGallery(out, results, summary) {
  const cards = results.map((r) => `
  <figure id="${esc(r.step.id)}" class="${r.failures.some((f) => !f.known) ? 'fail' : r.failures.length ? 'known' : 'ok'}">
    <img src="${esc(r.file)}" alt="${esc(r.shown)}" loading="lazy">
    <figcaption><b>${esc(r.step.as === 'coach' ? 'Coach' : 'Participant')}, ${esc(WHERE[r.place])}:</b> <code>${esc(r.shown)}</code>
      ${r.latency !== undefined ? `<span class="ms">${r.latency} ms</span>` : ''}
      ${r.step.name ? `<div class="what">${esc(r.step.name)}</div>` : ''}
      ${r.failures.map((f) => `<div class="problem">${f.known ? 'known: ' : ''}${esc(f.check)}: ${esc(f.detail)}${f.known ? ` (${esc(f.known.fix)})` : ''}</div>`).join('')}
    </figcaption>
  </figure>`).join('\n');
  fs.writeFileSync(path.join(out, 'index.html'), `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Waymark screenshot tour</title>
<style>
 body{font-family:system-ui,sans-serif;margin:24px;background:#f5f5f5;color:#222}
 h1{font-size:20px} p{max-width:70em}
 figure{display:inline-block;vertical-align:top;margin:0 16px 24px 0;background:#fff;padding:8px;border:1px solid #ddd;max-width:660px}
 figure img{max-width:640px;display:block;border:1px solid #eee}
 figcaption{margin-top:6px;font-size:14px} code{font-size:14px;background:#f0f0f0;padding:1px 4px}
 .ms{color:#666;font-size:12px;margin-left:6px} .what{color:#555;font-size:13px}
 .problem{color:#a00;font-size:13px} figure.fail{border:2px solid #c00} figure.known{border:2px solid #d90}
</style></head><body>
<h1>Waymark screenshot tour</h1>
<p>${esc(summary)} Each picture is the Microsoft 365 Agents Playground's web UI after the step, in headless Chromium.
A red frame is a failure; an amber one a known failure listed in <code>e2e/tour/known-failures.mjs</code>.</p>
${cards}
</body></html>
`);
}

// ---------------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------------
async function main() {
  const botEndpoint = process.env.BOT_ENDPOINT;
  if (!botEndpoint) throw new SetupError('BOT_ENDPOINT is not set (run e2e/tour/run.sh, which starts the bot)');
  const out = path.resolve(process.env.TOUR_OUT || path.join(E2E, '..', 'target', 'tour'));
  const only = process.env.TOUR_ONLY ? new RegExp(process.env.TOUR_ONLY) : null;
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-tour-'));
  const started = Date.now();

  const playgrounds = [];
  let browser;
  let code = 0;
  try {
    const [coachPg, participantPg] = await Promise.all([
      startPlayground('coach', work, botEndpoint, null),
      startPlayground('participant', work, botEndpoint, participantConfig()),
    ]);
    playgrounds.push(coachPg, participantPg);
    // A new, empty profile each run (playwright-core passes it as --user-data-dir); the machine may have no network.
    browser = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(work, 'chromium-')), {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
      viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'Europe/London',
    });
    const people = {};
    for (const [role, pg] of [['coach', coachPg], ['participant', participantPg]]) {
      people[role] = new Person(role, pg, await browser.newPage());
      await people[role].start();
    }
    log(`tour: coach ${people.coach.me.name} at ${coachPg.base}, participant ${people.participant.me.name} at ${participantPg.base}`);

    const ctx = { people, marks: {} };
    const results = [];
    const todo = steps.filter((s) => !only || only.test(s.id));
    for (const [i, step] of todo.entries()) {
      const r = await runStep(step, people, ctx, i, out);
      for (const f of r.failures) f.known = knownFailures.find((k) => k.step === step.id && k.check === f.check);
      results.push(r);
      const bad = r.failures.filter((f) => !f.known);
      log(`${bad.length ? 'FAIL' : 'ok  '} ${String(Math.round((Date.now() - started) / 1000)).padStart(4)}s ${String(i + 1).padStart(2)} ${step.id.padEnd(24)} ${step.as.padEnd(11)} ${(WHERE[r.place]).padEnd(12)} ${(r.latency ?? '-').toString().padStart(5)} ms  ${r.shown}`);
      for (const f of r.failures) {
        log(`       ${f.known ? 'known' : 'FAIL '} ${f.check}: ${f.detail}${f.known ? ` [${f.known.fix}]` : ''}`);
      }
      if (bad.length) log(`       what the screen shows:\n${r.text.trim().split('\n').slice(0, 12).map((l) => `         | ${l}`).join('\n')}`);
    }
    const failed = results.filter((r) => r.failures.some((f) => !f.known));
    const used = new Set(results.flatMap((r) => r.failures.filter((f) => f.known).map((f) => f.known)));
    for (const k of knownFailures) {
      if (!used.has(k) && todo.some((s) => s.id === k.step)) log(`tour: known failure "${k.step}" (${k.check}) did not happen: remove it from e2e/tour/known-failures.mjs`);
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    const summary = `${results.length - failed.length} passed, ${failed.length} failed, in ${seconds} s.`;
    writeGallery(out, results, summary);
    log(`tour: gallery ${path.join(out, 'index.html')}`);
    log(`tour: ${results.length - failed.length} passed, ${failed.length} failed`);
    code = failed.length ? 1 : 0;
  } catch (e) {
    console.error(`tour: ${e instanceof SetupError ? e.message : e.stack || e}`);
    code = e instanceof SetupError ? 2 : 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    for (const pg of playgrounds) pg.stop();
  }
  if (code === 0) fs.rmSync(work, { recursive: true, force: true });
  else log(`tour: Playground logs kept in ${work}`);
  process.exit(code);
}

main();
