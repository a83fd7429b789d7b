#!/usr/bin/env node
// End-to-end driver: runs the real Microsoft 365 Agents Playground (npm package
// @microsoft/m365agentsplayground, pinned in package.json) headless, and drives it
// exactly the way its web UI does, so the bot under test sees the same activities
// a person clicking in the Playground would produce:
//
//   open chat     POST /_debug/conversation/{conv}/installation   -> bot gets installationUpdate(add) + conversationUpdate(membersAdded)
//   type text     POST /_conversation/v1/conversations/{conv}/messages {type:"text",text,textFormat:"plain",from:{id}}
//                                                                  -> bot gets message{text}
//   Action.Submit POST /_conversation/v1/submit {conversation:{id},replyToId,value,from:{id}}
//                                                                  -> bot gets message{value, replyToId} (no text)
//   Action.Execute POST /_conversation/v1/invoke {name:"adaptiveCard/action",value:{action:{type,title,verb,data}},...}
//                                                                  -> bot gets invoke adaptiveCard/action; its HTTP response body
//                                                                     {statusCode,type,value} comes back synchronously
//   bot replies   ws /_ws_conversation/v1/conversations/stream    {action:"createMessage"|"updateMessage"|"typing",message:{...}}
//   turn results  ws /_ws/log/stream                              {logAction:"appendLog",log:{type:"bot",from,to,request,response:{statusCode}}}
//
// Team channels and the group chat (one of each in the Playground's config) work the same way:
//   open team     POST /_debug/conversation/{channelId|groupChatId}/installation -> installationUpdate + conversationUpdate(membersAdded=[bot]),
//                                                                  channelData.team = {id,name,aadGroupId}
//   type there    POST /_conversation/v1/conversations/{channelId|postId|groupChatId}/messages
//                 {text:"<at>Bot</at> ...", mentions:[{mentioned:{id:botId},text:"<at>Bot</at>"}]}
//                 The Playground forwards it to the bot ONLY if the bot is @mentioned (like Teams). In a channel
//                 each message starts a new post (conversation "{channelId};messageid={id}") unless it replies to one.
//   mock activity POST /_internal/v1/customActivities (any activity; GET .../customActivities/template?conversationId=&type= for a base)
// Bot -> connector calls are logged on /_ws/log/stream without their URL; the driver starts the Playground with
// --enable-events-recording into its work dir and joins that file (logId) to get each call's method and path.
// Messages the bot posts into OTHER users' 1:1 chats never reach the conversation websocket; they are seen
// only as connector calls (createConversation, then POST /v3/conversations/{id}/activities).
//
// Usage:  node playground-e2e.mjs [path/to/scenario.mjs]
// Env:    see README.md (BOT_ENDPOINT, PLAYGROUND_PORT, STEP_TIMEOUT_MS, ...)
// Exit:   0 all steps passed, 1 a step failed, 2 setup problem (bot unreachable, Playground did not start, bad scenario).

import { spawn } from 'node:child_process';
import { randomUUID, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------
function readConfig() {
  const env = process.env;
  const num = (name, dflt) => {
    if (env[name] === undefined || env[name] === '') return dflt;
    const n = Number(env[name]);
    if (!Number.isFinite(n) || n < 0) throw new SetupError(`${name} must be a non-negative number, got "${env[name]}"`);
    return n;
  };
  return {
    botEndpoint: env.BOT_ENDPOINT || 'http://localhost:3978/api/messages',
    port: num('PLAYGROUND_PORT', 0), // 0 = any free port
    stepTimeoutMs: num('STEP_TIMEOUT_MS', 20000),
    botWaitMs: num('BOT_WAIT_MS', 120000),
    startTimeoutMs: num('PLAYGROUND_START_TIMEOUT_MS', 30000),
    settleMs: num('SETTLE_MS', 500),
    user: env.PLAYGROUND_USER || 'fresh', // fresh | default
    tz: env.PLAYGROUND_TZ || '',
    conversationId: env.PLAYGROUND_CONVERSATION_ID || '',
    scenario: process.argv[2] || env.SCENARIO || path.join(HERE, 'scenario.mjs'),
    verbose: env.E2E_VERBOSE === '1',
    keepWorkDir: env.E2E_KEEP === '1',
    transcriptPath: env.E2E_TRANSCRIPT || '',
  };
}

class SetupError extends Error {}
class StepFailure extends Error {}

const j = (v, max) => { const t = JSON.stringify(v) ?? String(v); return t.length > max ? `${t.slice(0, max)}...` : t; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.log(...a);

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------
async function main() {
  let cfg;
  let pg;
  let workDir;
  let code = 0;
  const stopAll = async () => { if (pg) await pg.stop(); };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, async () => { await stopAll(); process.exit(130); });
  }
  try {
    cfg = readConfig();
    const scenario = await loadScenario(cfg.scenario);
    log(`playground-e2e: scenario "${scenario.name}" (${scenario.steps.length} step${scenario.steps.length === 1 ? '' : 's'}), bot ${cfg.botEndpoint}`);

    await waitForBot(cfg.botEndpoint, cfg.botWaitMs);
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-e2e-'));
    pg = await startPlayground(cfg, workDir);
    const session = new Session(pg, cfg);
    await session.open();
    const result = await runScenario(session, scenario, cfg);
    writeTranscript(cfg, workDir, session);
    code = result.failed ? 1 : 0;
    log(`playground-e2e: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);
    if (result.failed) log(`playground-e2e: Playground log and transcript kept in ${workDir}`);
  } catch (e) {
    code = e instanceof StepFailure ? 1 : 2;
    console.error(`playground-e2e: ${e instanceof SetupError || e instanceof StepFailure ? e.message : e.stack || e}`);
    if (pg) console.error(`playground-e2e: Playground log: ${pg.logFile}\n${tail(pg.logFile, 25)}`);
    if (workDir) console.error(`playground-e2e: work dir kept: ${workDir}`);
  } finally {
    await stopAll();
  }
  if (code === 0 && workDir && !cfg.keepWorkDir) fs.rmSync(workDir, { recursive: true, force: true });
  process.exit(code);
}

async function loadScenario(file) {
  const abs = path.resolve(file);
  if (!fs.existsSync(abs)) throw new SetupError(`scenario file not found: ${abs}`);
  const mod = await import(pathToFileURL(abs).href);
  let sc = mod.default ?? mod.scenario ?? mod.steps;
  if (Array.isArray(sc)) sc = { steps: sc };
  if (!sc || !Array.isArray(sc.steps) || sc.steps.length === 0) {
    throw new SetupError(`${abs} must export default an array of steps or { name, steps: [...] }`);
  }
  sc.steps.forEach((s, i) => {
    const kinds = STEP_KINDS.filter((k) => s[k] !== undefined);
    if (kinds.length !== 1) throw new SetupError(`step ${i + 1} must have exactly one of ${STEP_KINDS.join(' / ')} (has: ${kinds.join(', ') || 'none'})`);
    if (s.open !== undefined && s.in !== undefined) throw new SetupError(`step ${i + 1}: use { open: '${s.in}' } rather than "in" on an open step`);
    if (s.custom !== undefined && (typeof s.custom !== 'object' || (s.custom.template === undefined && s.custom.patch === undefined))) {
      throw new SetupError(`step ${i + 1}: custom needs { template?, patch? } and an optional step-level "in" (template: install, uninstall, botAdded, userAdded, botRemoved, userRemoved, channelCreated, channelRenamed, channelDeleted, teamRenamed, teamDeleted)`);
    }
  });
  return { name: sc.name || path.basename(abs), steps: sc.steps };
}

const STEP_KINDS = ['open', 'send', 'submit', 'custom'];
// The conversation a step acts in: `open: true` and steps without `in` mean the personal chat.
const stepWhere = (s) => (s.open !== undefined ? (s.open === true ? 'personal' : String(s.open)) : s.in !== undefined ? String(s.in) : 'personal');

// ---------------------------------------------------------------------------
// Bot and Playground processes
// ---------------------------------------------------------------------------
async function waitForBot(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  let announced = false;
  while (Date.now() < deadline) {
    try {
      // Any HTTP answer (even 404/405) means something listens there - the
      // Playground's own readiness probe (wait-on) accepts any status too.
      await fetch(url, { method: 'GET', signal: AbortSignal.timeout(2000) });
      return;
    } catch (e) {
      lastErr = e;
      if (!announced) { log(`playground-e2e: waiting up to ${Math.round(timeoutMs / 1000)}s for the bot at ${url} ...`); announced = true; }
      await sleep(500);
    }
  }
  throw new SetupError(`bot not reachable at ${url} after ${timeoutMs} ms (${lastErr?.cause?.code || lastErr?.message}). Start the bot first or set BOT_ENDPOINT.`);
}

function playgroundCli() {
  const require = createRequire(path.join(HERE, 'package.json'));
  let pkgJson;
  try {
    pkgJson = require.resolve('@microsoft/m365agentsplayground/package.json');
  } catch {
    throw new SetupError(`@microsoft/m365agentsplayground is not installed; run "npm ci" in ${HERE}`);
  }
  const version = JSON.parse(fs.readFileSync(pkgJson, 'utf8')).version;
  return { cli: path.join(path.dirname(pkgJson), 'cli.js'), version };
}

function freshUserConfig(conversationId) {
  // Same shape as the Playground's built-in default config (the schema allows exactly 5 other
  // users, 1 group chat, 1 team with 1 channel besides General). The ids of the current user,
  // the other users, the team, its channel and the group chat are new each run, so every run
  // talks to the bot as new people in a new team even if the bot keeps its database.
  // Team / chat ids look like real Teams ids ("19:...@thread.tacv2") so URL encoding is exercised.
  // YAML is a superset of JSON, so JSON is written to the .yml file.
  const hex = randomBytes(4).toString('hex');
  const u = (n, given, sur) => ({
    id: `e2e-member-${hex}-${n}`, name: `${given} ${sur}`, userPrincipleName: `${given.toLowerCase()}-${hex}@example.com`,
    aadObjectId: randomUUID(), givenName: given, surname: sur, email: `${given.toLowerCase()}-${hex}@example.com`,
  });
  return {
    version: '0.1.1',
    tenantId: '00000000-0000-0000-0000-0000000000001',
    bot: { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' },
    currentUser: {
      id: `e2e-user-${hex}`, name: `E2E Tester ${hex}`, userPrincipleName: `e2e-${hex}@example.com`,
      aadObjectId: randomUUID(), givenName: 'E2E', surname: `Tester ${hex}`, email: `e2e-${hex}@example.com`,
    },
    users: [u(1, 'Megan', 'Bowen'), u(2, 'Adele', 'Vance'), u(3, 'Isaiah', 'Langer'), u(4, 'Patti', 'Fernandez'), u(5, 'Lynne', 'Robbins')],
    personalChat: { id: conversationId || randomUUID() },
    groupChat: { id: `19:e2e-group-${hex}@thread.v2`, name: 'Group Chat' },
    team: {
      id: `19:e2e-team-${hex}@thread.tacv2`, name: 'My Team', aadGroupId: randomUUID(),
      channels: [{ id: `19:e2e-announcements-${hex}@thread.tacv2`, name: 'Announcements' }],
    },
  };
}

async function startPlayground(cfg, workDir) {
  const { cli, version } = playgroundCli();
  const logFile = path.join(workDir, 'playground.log');
  const recordingFile = path.join(workDir, 'events-recording.log');
  // --er: the Playground appends every bot<->Playground call (method, URL, bodies) to recordingFile,
  // keyed by the same id as the /_ws/log/stream item; that is the only place a connector call's URL shows.
  const args = [cli, '-e', cfg.botEndpoint, '-c', 'msteams', '--dt', '--er', '-p', String(cfg.port)];
  const env = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none', // do not open a browser
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile, // default would be ./devTools/ in the cwd
    M365_AGENTS_PLAYGROUND_RECORDING_FILE: recordingFile, // default would be ./devTools/ in the cwd
  };
  if (cfg.tz) env.TZ = cfg.tz; // the Playground stamps localTimezone / clientInfo.timezone from its own TZ
  if (!env.M365_AGENTS_PLAYGROUND_CONFIG_PATH) {
    if (cfg.user === 'fresh') {
      const conf = path.join(workDir, '.m365agentsplayground.yml');
      fs.writeFileSync(conf, JSON.stringify(freshUserConfig(cfg.conversationId), null, 2));
      env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = conf;
    } else if (cfg.user === 'default') {
      if (cfg.conversationId) args.push('--conversation-id', cfg.conversationId);
      env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = path.join(workDir, 'no-config.yml'); // absent -> built-in defaults
      env.TEAMS_APP_TEST_TOOL_CONFIG_PATH = path.join(workDir, 'no-legacy-config.yml');
    } else {
      throw new SetupError(`PLAYGROUND_USER must be "fresh" or "default", got "${cfg.user}"`);
    }
  }

  const t0 = Date.now();
  const child = spawn(process.execPath, args, { cwd: workDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  let exited = false;
  const exitP = new Promise((r) => child.on('exit', (c, s) => { exited = true; r({ code: c, signal: s }); }));
  const killOnExit = () => { if (!exited) try { child.kill('SIGKILL'); } catch { /* gone */ } };
  process.on('exit', killOnExit);

  const pg = {
    child, logFile, recordingFile, version, port: 0, base: '',
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const r = await Promise.race([exitP, sleep(3000).then(() => null)]);
      if (!r) { child.kill('SIGKILL'); await exitP; }
    },
  };

  // Ready signal: with stdout not a TTY the CLI prints "Listening on <port>".
  const deadline = Date.now() + cfg.startTimeoutMs;
  while (!pg.port) {
    const m = /Listening on (\d+)/.exec(stdout);
    if (m) pg.port = Number(m[1]);
    else if (exited) throw new SetupError(`Playground exited before it was ready.\nstdout: ${stdout}\nstderr: ${stderr}\n${tail(logFile, 20)}`);
    else if (Date.now() > deadline) { await pg.stop(); throw new SetupError(`Playground did not print "Listening on <port>" within ${cfg.startTimeoutMs} ms.\nstderr: ${stderr}`); }
    else await sleep(50);
  }
  pg.base = `http://localhost:${pg.port}`;
  // Routes are mounted right after the listen callback; confirm with the ping route.
  for (;;) {
    try { if ((await fetch(`${pg.base}/_debug/ping`)).ok) break; } catch { /* not yet */ }
    if (Date.now() > deadline) { await pg.stop(); throw new SetupError('Playground /_debug/ping did not answer'); }
    await sleep(50);
  }
  log(`playground-e2e: Playground ${version} listening on ${pg.base} (pid ${child.pid}, ready in ${Date.now() - t0} ms)`);
  return pg;
}

function tail(file, n) {
  try { return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n'); } catch { return '(no Playground log)'; }
}

// ---------------------------------------------------------------------------
// Session: what the Playground web UI keeps in its store, rebuilt from the same
// REST calls and websocket streams.
// ---------------------------------------------------------------------------
class Session {
  constructor(pg, cfg) {
    this.pg = pg;
    this.cfg = cfg;
    this.events = []; // {seq, kind: 'create'|'update'|'invokeResponse'|'user', message, at}
    this.messages = new Map(); // messageId -> latest message (bot messages)
    this.turns = []; // Playground -> bot HTTP calls: {type, name, status, text}
    this.connectorCalls = []; // bot -> Playground connector calls: {activityName, status, body}
    this.problems = []; // fatal things seen on the log stream
    this.warnings = [];
    this.sockets = [];
  }

  async api(method, p, body) {
    const res = await fetch(this.pg.base + p, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = text; }
    return { status: res.status, json, text };
  }

  async open() {
    // 1. What the UI does first: GET config (this also waits up to 15 s for the bot endpoint).
    const r = await this.api('GET', '/_internal/v1/config');
    if (r.status !== 200) throw new SetupError(`GET /_internal/v1/config -> ${r.status} ${r.text}`);
    const c = r.json.config;
    this.conv = c.personalChat.id;
    this.me = c.currentUser;
    this.bot = c.bot;
    this.internal = r.json.internalConfig;
    log(`playground-e2e: personal chat ${this.conv}, user "${this.me.name}" (id ${this.me.id}, aadObjectId ${this.me.aadObjectId}), timezone ${this.internal.localTimezone}`);
    // 2. The UI's two websocket streams. Both buffer server-side until a client connects.
    await this.connect('/_ws_conversation/v1/conversations/stream', (d) => this.onConversation(d));
    await this.connect('/_ws/log/stream', (d) => this.onLog(d));
  }

  connect(p, handler) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://localhost:${this.pg.port}${p}`);
      ws.onopen = () => resolve();
      ws.onerror = (e) => reject(new SetupError(`websocket ${p} failed: ${e.message || e.type}`));
      ws.onmessage = (e) => {
        let d;
        try { d = JSON.parse(typeof e.data === 'string' ? e.data : Buffer.from(e.data).toString()); } catch { return; }
        if (this.cfg.verbose) log(`    [ws ${p.split('/')[1]}] ${j(d, 2000)}`);
        try { handler(d); } catch (err) { this.problems.push(`driver could not handle a ${p} event: ${err.stack || err}`); }
      };
      this.sockets.push(ws);
    });
  }

  onConversation(d) {
    if (d.action !== 'createMessage' && d.action !== 'updateMessage') return; // 'typing' is ignored
    const m = d.message;
    if (!m || m.from?.id !== this.bot.id) return;
    if (d.actionConversationId !== this.conv && m.directLineConversationId !== this.conv) return;
    this.messages.set(m.messageId, m);
    this.events.push({ seq: this.events.length, kind: d.action === 'createMessage' ? 'create' : 'update', message: m, at: Date.now() });
  }

  onLog(d) {
    const item = d.log;
    if (d.logAction !== 'appendLog' || !item) return;
    if (item.type === 'bot') {
      const status = item.response?.statusCode;
      if (item.from === 'Microsoft 365 Agents Playground') {
        const body = item.request?.body || {};
        this.turns.push({ type: body.type, name: body.name, status, text: body.text, at: Date.now() });
        if (status >= 400) this.problems.push(`the bot answered the ${body.type}${body.name ? ` (${body.name})` : ''} activity with HTTP ${status}${item.response?.body ? `: ${j(item.response.body, 500)}` : ''}`);
      } else {
        this.connectorCalls.push({ activityName: item.activityName, status, at: Date.now() });
        if (status >= 400 && /^(get|fetch)/i.test(item.activityName || '')) {
          // e.g. TeamsInfo.getMember for an unknown id: the bot may handle a 404, so only warn.
          this.warnings.push(`connector ${item.activityName} answered HTTP ${status}: ${j(item.response?.body, 300)}`);
        } else if (status >= 400) {
          this.problems.push(`the Playground's connector rejected the bot's ${item.activityName} call with HTTP ${status}: ${j(item.response?.body, 800)}\n      request body: ${j(item.request?.body, 800)}`);
        }
      }
    } else if (item.level === 'warning' || item.level === 'error') {
      const text = item.displayText || '';
      if (/cannot connect to your app/i.test(text)) this.problems.push(`Playground: ${text}`);
      else this.warnings.push(text);
    }
  }

  close() { for (const ws of this.sockets) try { ws.close(); } catch { /* ignore */ } }

  // ---- the three things a person can do ----

  async openChat() {
    const r = await this.api('POST', `/_debug/conversation/${encodeURIComponent(this.conv)}/installation`, {});
    if (r.status !== 200) throw new StepFailure(`opening the chat failed: HTTP ${r.status} ${r.text}`);
    return 2; // installationUpdate + conversationUpdate
  }

  async sendText(text) {
    const draft = { type: 'text', text, textFormat: 'plain', from: { id: this.me.id } };
    const r = await this.api('POST', `/_conversation/v1/conversations/${encodeURIComponent(this.conv)}/messages`, draft);
    if (r.status !== 200) throw new StepFailure(`sending "${text}" failed: HTTP ${r.status} ${r.text}`);
    this.events.push({ seq: this.events.length, kind: 'user', message: { messageId: r.json.messageId, text }, at: Date.now() });
    return 1;
  }

  async submitCard(spec) {
    const found = this.findAction(spec);
    const { message, action, card } = found;
    const value = buildActionData(action, card, spec.inputs || {});
    if (action.type === 'Action.Submit') {
      // The UI sends whatever the action's data is, merged with the card inputs, as message.value.
      const body = { conversation: { id: this.conv }, replyToId: message.messageId, value, from: { id: this.me.id } };
      const r = await this.api('POST', '/_conversation/v1/submit', body);
      if (r.status !== 200) throw new StepFailure(`Action.Submit failed: HTTP ${r.status} ${r.text}`);
      this.events.push({ seq: this.events.length, kind: 'user', message: { messageId: message.messageId, submit: action.title, value }, at: Date.now() });
      return { turns: 1, desc: `Action.Submit "${action.title ?? ''}" value=${JSON.stringify(value)}` };
    }
    // Action.Execute -> invoke adaptiveCard/action; the bot's HTTP response comes back here.
    const body = {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', title: action.title, verb: action.verb, data: value } },
      from: { id: this.me.id },
      conversation: { id: this.conv },
      replyToId: message.messageId,
    };
    this.events.push({ seq: this.events.length, kind: 'user', message: { messageId: message.messageId, execute: action.verb, value }, at: Date.now() });
    const r = await this.api('POST', '/_conversation/v1/invoke', body);
    if (r.status !== 200) throw new StepFailure(`Action.Execute (verb "${action.verb}") failed: HTTP ${r.status} ${r.text}`);
    const res = r.json || {};
    let m;
    if (res.type === 'application/vnd.microsoft.card.adaptive') {
      // The Playground replaces the card in place (only when the message has exactly one attachment).
      m = { ...message, attachments: [{ contentType: res.type, content: res.value }], text: undefined };
      if ((message.attachments || []).length === 1) this.messages.set(message.messageId, m);
    } else if (res.type === 'application/vnd.microsoft.activity.message') {
      m = { messageId: `${message.messageId}#invoke`, text: String(res.value), attachments: [] };
    } else if (res.type === 'application/vnd.microsoft.error') {
      throw new StepFailure(`the bot answered Action.Execute (verb "${action.verb}") with an error: ${JSON.stringify(res.value)}`);
    } else {
      throw new StepFailure(`the bot answered Action.Execute (verb "${action.verb}") with an unexpected invoke response: ${r.text.slice(0, 500)}`);
    }
    this.events.push({ seq: this.events.length, kind: 'invokeResponse', message: m, at: Date.now() });
    return { turns: 1, desc: `Action.Execute verb "${action.verb}" data=${JSON.stringify(value)}` };
  }

  // Newest bot message first; the first card action matching the selector wins.
  findAction(spec) {
    const sel = spec.action;
    if (sel === undefined) throw new StepFailure('submit step needs an "action" (title/verb string or {title, verb, type, data})');
    const botMsgs = [...this.messages.values()].sort((a, b) => b.timestamp - a.timestamp || 0);
    for (const message of botMsgs) {
      for (const att of message.attachments || []) {
        if (att.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
        const card = att.content;
        if (spec.card !== undefined && !matchText(cardText(card), spec.card)) continue;
        const action = collectActions(card).find((a) => actionMatches(a, sel));
        if (action) return { message, action, card };
      }
    }
    const seen = botMsgs.flatMap((m) => (m.attachments || []).flatMap((a) => collectActions(a.content || {}).map((x) => describeAction(x))));
    throw new StepFailure(`no card in the chat has an action matching ${JSON.stringify(sel, replacer)}${spec.card ? ` (on a card containing ${show(spec.card)})` : ''}; actions seen: ${seen.join(', ') || 'none'}`);
  }
}

// ---------------------------------------------------------------------------
// Adaptive Card helpers (mirror what the Playground's renderer does on a click)
// ---------------------------------------------------------------------------
function walk(node, visit) {
  if (Array.isArray(node)) { for (const n of node) walk(n, visit); return; }
  if (!node || typeof node !== 'object') return;
  visit(node);
  for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v, visit);
}

function collectActions(card) {
  const out = [];
  walk(card, (n) => { if (n.type === 'Action.Submit' || n.type === 'Action.Execute') out.push(n); });
  return out;
}

function collectInputs(card) {
  const out = [];
  walk(card, (n) => { if (typeof n.type === 'string' && n.type.startsWith('Input.') && n.id) out.push(n); });
  return out;
}

// Visible strings of a card (texts, titles, labels, choices, placeholders...), not JSON keys.
function cardText(card) {
  const parts = [];
  const keys = new Set(['text', 'title', 'label', 'placeholder', 'value', 'altText', 'fallbackText', 'speak', 'errorMessage', 'valueOn', 'valueOff', 'subtitle']);
  walk(card, (n) => {
    for (const [k, v] of Object.entries(n)) if (typeof v === 'string' && keys.has(k)) parts.push(v);
    if (n.type === 'FactSet' && Array.isArray(n.facts)) for (const f of n.facts) parts.push(`${f.title} ${f.value}`);
    if (n.type === 'RichTextBlock' && Array.isArray(n.inlines)) for (const i of n.inlines) if (typeof i === 'string') parts.push(i);
  });
  return parts.join('\n');
}

function actionMatches(a, sel) {
  if (typeof sel === 'string' || sel instanceof RegExp) return matchExact(a.title, sel) || matchExact(a.verb, sel);
  if (sel.type && a.type !== sel.type) return false;
  if (sel.title !== undefined && !matchExact(a.title, sel.title)) return false;
  if (sel.verb !== undefined && !matchExact(a.verb, sel.verb)) return false;
  if (sel.data !== undefined && !isSubset(sel.data, a.data)) return false;
  return true;
}

function isSubset(want, got) {
  if (want === null || typeof want !== 'object') return want === got;
  if (!got || typeof got !== 'object') return false;
  return Object.entries(want).every(([k, v]) => isSubset(v, got[k]));
}

// data = action.data (if an object) overlaid with the card's input values, as strings,
// like AdaptiveCards' SubmitAction.prepareForExecution(); string data -> {} for Action.Submit
// in the Playground UI.
function buildActionData(action, card, provided) {
  const base = action.data && typeof action.data === 'object' ? JSON.parse(JSON.stringify(action.data)) : {};
  const inputs = collectInputs(card);
  const byId = new Map(inputs.map((i) => [i.id, i]));
  for (const id of Object.keys(provided)) {
    if (!byId.has(id)) throw new StepFailure(`the card has no input "${id}" to fill in (inputs: ${inputs.map((i) => i.id).join(', ') || 'none'})`);
  }
  if (action.associatedInputs === 'none') {
    if (Object.keys(provided).length) throw new StepFailure(`action "${action.title}" has associatedInputs "none"; its inputs are not sent`);
    return base;
  }
  for (const inp of inputs) {
    let v = Object.prototype.hasOwnProperty.call(provided, inp.id) ? provided[inp.id] : inp.value;
    if (inp.type === 'Input.Toggle') {
      const on = inp.valueOn ?? 'true';
      const off = inp.valueOff ?? 'false';
      if (v === true) v = on;
      if (v === false || v === undefined || v === null || v === '') v = off;
      v = String(v);
      if (v !== on && v !== off) throw new StepFailure(`toggle "${inp.id}" can only be "${on}" or "${off}", not "${v}"`);
    } else {
      if (v === undefined || v === null || v === '') {
        if (inp.isRequired) throw new StepFailure(`required input "${inp.id}" is empty - the Playground would not submit the card`);
        continue; // unset inputs are not sent
      }
      v = Array.isArray(v) ? v.join(',') : String(v);
      if (inp.type === 'Input.ChoiceSet' && Array.isArray(inp.choices) && inp.choices.length && !inp['choices.data'] && !inp.choicesData) {
        const allowed = inp.choices.map((c) => String(c.value));
        const picked = inp.isMultiSelect ? v.split(',') : [v];
        const bad = picked.filter((p) => !allowed.includes(p));
        if (bad.length) throw new StepFailure(`choice set "${inp.id}" offers ${allowed.map((a) => `"${a}"`).join(', ')}; cannot pick ${bad.map((b) => `"${b}"`).join(', ')}`);
      }
    }
    base[inp.id] = v;
  }
  return base;
}

function describeAction(a) {
  return `${a.type.replace('Action.', '')} "${a.title ?? ''}"${a.verb ? ` verb=${a.verb}` : ''}${a.data !== undefined ? ` data=${JSON.stringify(a.data)}` : ''}`;
}

// ---------------------------------------------------------------------------
// Expectations (data only, so scenario.mjs stays plain):
//   per-reply keys, all must hold for ONE reply:
//     text: S        reply text contains S (RegExp allowed)
//     card: S        an Adaptive Card in the reply shows S (texts, titles, labels, choices...)
//     cardInputs: [] the card has inputs with these ids
//     cardAction: S  the card has an Action.Submit/Execute whose title or verb is S
//     contains: S    text or card contains S
//   whole-step keys:
//     none: true       the bot sends nothing
//     count: n         exactly n replies
//     notContains: S   no reply (text or card) contains S
//     check: (replies) => true | string   custom; return a string to fail with it
// ---------------------------------------------------------------------------
const PER_REPLY = ['text', 'card', 'cardInputs', 'cardAction', 'contains'];

function replyView(m) {
  const cards = (m.attachments || []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content);
  return {
    text: m.text || '',
    cards,
    cardText: cards.map(cardText).join('\n'),
    inputs: cards.flatMap((c) => collectInputs(c).map((i) => i.id)),
    actions: cards.flatMap(collectActions),
    raw: m,
  };
}

function matchText(hay, needle) {
  if (needle instanceof RegExp) return needle.test(hay);
  return String(hay).includes(String(needle));
}
function matchExact(v, want) {
  if (v === undefined || v === null) return false;
  return want instanceof RegExp ? want.test(v) : String(v) === String(want);
}

function replyMatches(r, exp) {
  if (exp.text !== undefined && !matchText(r.text, exp.text)) return false;
  if (exp.card !== undefined && (!r.cards.length || !matchText(r.cardText, exp.card))) return false;
  if (exp.contains !== undefined && !matchText(`${r.text}\n${r.cardText}`, exp.contains)) return false;
  if (exp.cardInputs !== undefined && !([].concat(exp.cardInputs).every((id) => r.inputs.includes(id)))) return false;
  if (exp.cardAction !== undefined && !r.actions.some((a) => matchExact(a.title, exp.cardAction) || matchExact(a.verb, exp.cardAction))) return false;
  return true;
}

function show(v) { return v instanceof RegExp ? String(v) : JSON.stringify(v); }
function replacer(_k, v) { return v instanceof RegExp ? String(v) : v; }

function describeExpectation(exp) {
  const bits = [];
  if (exp.text !== undefined) bits.push(`text contains ${show(exp.text)}`);
  if (exp.card !== undefined) bits.push(`card shows ${show(exp.card)}`);
  if (exp.contains !== undefined) bits.push(`text or card contains ${show(exp.contains)}`);
  if (exp.cardInputs !== undefined) bits.push(`card has inputs ${[].concat(exp.cardInputs).join(', ')}`);
  if (exp.cardAction !== undefined) bits.push(`card has action ${show(exp.cardAction)}`);
  if (exp.none) bits.push('no reply');
  if (exp.count !== undefined) bits.push(`exactly ${exp.count} repl${exp.count === 1 ? 'y' : 'ies'}`);
  if (exp.notContains !== undefined) bits.push(`nothing contains ${show(exp.notContains)}`);
  if (exp.check) bits.push(`check ${exp.check.name || '(custom)'}`);
  return bits.join(' and ') || '(empty expectation)';
}

// returns null if ok, else a failure message
function evaluate(expectations, replies) {
  const views = replies.map(replyView);
  for (const exp of expectations) {
    const perReply = PER_REPLY.some((k) => exp[k] !== undefined);
    if (perReply && !views.some((v) => replyMatches(v, exp))) return `expected a reply where ${describeExpectation(exp)}`;
    if (exp.none && views.length) return 'expected no reply';
    if (exp.count !== undefined && views.length !== exp.count) return `expected exactly ${exp.count} replies, got ${views.length}`;
    if (exp.notContains !== undefined && views.some((v) => matchText(`${v.text}\n${v.cardText}`, exp.notContains))) return `expected no reply containing ${show(exp.notContains)}`;
    if (exp.check) {
      let r;
      try { r = exp.check(replies); } catch (e) { r = `check threw: ${e.message}`; }
      if (r !== true && r !== undefined) return typeof r === 'string' ? r : `custom check ${exp.check.name || ''} failed`;
    }
  }
  return null;
}

function summarize(m) {
  const v = replyView(m);
  const parts = [];
  if (v.text) parts.push(JSON.stringify(v.text.length > 300 ? `${v.text.slice(0, 300)}...` : v.text));
  for (const c of v.cards) {
    const texts = [];
    walk(c, (n) => { if (n.type === 'TextBlock' && n.text) texts.push(n.text); });
    const ins = collectInputs(c).map((i) => i.id);
    const acts = collectActions(c).map(describeAction);
    parts.push(`[card] ${texts.map((t) => JSON.stringify(t.length > 80 ? `${t.slice(0, 80)}...` : t)).join(' / ')}${ins.length ? `; inputs: ${ins.join(', ')}` : ''}${acts.length ? `; actions: ${acts.join(', ')}` : ''}`);
  }
  const other = (m.attachments || []).filter((a) => a.contentType !== 'application/vnd.microsoft.card.adaptive').map((a) => `[${a.contentType}]`);
  return [...parts, ...other].join(' + ') || '(empty)';
}

// ---------------------------------------------------------------------------
// Running steps
// ---------------------------------------------------------------------------
async function runScenario(session, scenario, cfg) {
  const steps = [...scenario.steps];
  if (!steps.some((s) => s.open)) steps.unshift({ name: 'open the chat (implicit, like the web UI)', open: true, expect: [] });
  let passed = 0;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const title = step.name || (step.open ? 'open chat' : step.send !== undefined ? `send "${step.send}"` : 'submit card');
    log(`\n[${i + 1}/${steps.length}] ${title}`);
    try {
      await runStep(session, step, cfg);
      passed++;
    } catch (e) {
      if (!(e instanceof StepFailure)) throw e;
      log(`  FAIL ${e.message}`);
      return { passed, failed: 1, skipped: steps.length - i - 1 };
    }
  }
  session.close();
  return { passed, failed: 0, skipped: 0 };
}

async function runStep(session, step, cfg) {
  const mark = { ev: session.events.length, turns: session.turns.length, problems: session.problems.length, warnings: session.warnings.length };
  let turns;
  if (step.open) {
    log('  you  > (open the personal chat: installationUpdate + conversationUpdate)');
    turns = await session.openChat();
  } else if (step.send !== undefined) {
    log(`  you  > ${JSON.stringify(step.send)}`);
    turns = await session.sendText(String(step.send));
  } else {
    const r = await session.submitCard(step.submit);
    log(`  you  > ${r.desc}`);
    turns = r.turns;
  }
  const expectations = [].concat(step.expect ?? []);
  const timeoutMs = step.timeoutMs ?? cfg.stepTimeoutMs;
  const deadline = Date.now() + timeoutMs;
  const replies = () => session.events.slice(mark.ev).filter((e) => e.kind !== 'user').map((e) => e.message);
  const turnsDone = () => session.turns.length - mark.turns >= turns;
  const problem = () => session.problems.slice(mark.problems)[0];
  let printed = 0;
  const printNew = () => {
    const rs = session.events.slice(mark.ev).filter((e) => e.kind !== 'user');
    for (; printed < rs.length; printed++) {
      const e = rs[printed];
      log(`  bot  < ${e.kind === 'update' ? '(updated) ' : e.kind === 'invokeResponse' ? '(invoke response) ' : ''}${summarize(e.message)}`);
      if (cfg.verbose) log(`         ${JSON.stringify(e.message)}`);
    }
  };

  let failure = 'timed out';
  for (;;) {
    printNew();
    if (problem()) { failure = null; break; }
    if (turnsDone()) {
      failure = evaluate(expectations, replies());
      if (!failure) {
        // Let late replies land so they are checked here and not blamed on the next step.
        let last = session.events.length;
        let quietSince = Date.now();
        while (Date.now() - quietSince < cfg.settleMs && Date.now() < deadline + cfg.settleMs) {
          await sleep(25);
          if (session.events.length !== last) { last = session.events.length; quietSince = Date.now(); }
        }
        printNew();
        failure = problem() ? null : evaluate(expectations, replies());
        if (!failure) break;
      }
    }
    if (Date.now() > deadline) break;
    await sleep(25);
  }
  for (const w of session.warnings.slice(mark.warnings)) log(`  warn ${w}`);
  const p = problem();
  if (p) throw new StepFailure(p);
  if (!turnsDone()) throw new StepFailure(`the bot did not finish the turn within ${timeoutMs} ms (no HTTP response to the Playground's activity)`);
  if (failure) {
    const rs = replies();
    const got = rs.length ? rs.map((m, k) => `\n      [${k + 1}] ${summarize(m)}`).join('') : ' no replies';
    throw new StepFailure(`${failure}; within ${timeoutMs} ms the bot sent:${got}${cfg.verbose ? '' : '\n      (E2E_VERBOSE=1 prints raw activities)'}`);
  }
  for (const exp of expectations) log(`  ok   ${describeExpectation(exp)}`);
  if (!expectations.length) log('  ok   (no expectations)');
}

function writeTranscript(cfg, workDir, session) {
  const file = cfg.transcriptPath || path.join(workDir, 'transcript.json');
  const data = {
    conversationId: session.conv,
    user: session.me,
    events: session.events.map((e) => ({ kind: e.kind, message: e.message })),
    botCalls: session.turns,
    connectorCalls: session.connectorCalls,
    warnings: session.warnings,
  };
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
  if (cfg.transcriptPath) log(`playground-e2e: transcript written to ${file}`);
}

// ---------------------------------------------------------------------------
// Entry point. Node 20 only has a global WebSocket behind --experimental-websocket (Node 22+
// has it by default). Re-run ourselves with the flag rather than add a dependency.
// ---------------------------------------------------------------------------
if (typeof globalThis.WebSocket === 'undefined') {
  const flags = process.allowedNodeEnvironmentFlags;
  if (!flags.has('--experimental-websocket')) {
    console.error('playground-e2e: this Node has no WebSocket support; use Node >= 20.10.');
    process.exit(2);
  }
  const extra = ['--experimental-websocket'];
  if (flags.has('--disable-warning')) extra.push('--disable-warning=ExperimentalWarning');
  const child = spawn(process.execPath, [...extra, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] || 0) : 1)));
} else {
  await main();
}
