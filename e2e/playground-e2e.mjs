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
    this.events = []; // {seq, kind: 'create'|'update'|'invokeResponse'|'user', conv, top, message, at}
    this.messages = new Map(); // messageId -> {message, conv, top}: latest version of each bot message the coach can see
    this.turns = []; // Playground -> bot HTTP calls: {type, name, status, text}
    this.connectorCalls = []; // bot -> Playground connector calls: {logId, name, status, method, path, query, body, response, at}
    this.pendingCalls = []; // connector calls whose URL is not yet in the recording file
    this.chatUsers = new Map(); // 1:1 conversation id -> user id (the personal chat, and chats the bot opened with createConversation)
    this.deliveries = []; // bot messages posted into 1:1 chats: {to: user, conv, message, status, at}
    this.posts = new Map(); // channel id -> newest post conversation id ("{channelId};messageid=...")
    this.problems = []; // fatal things seen on the log stream
    this.warnings = [];
    this.sockets = [];
    this.recording = { fd: null, offset: 0, rest: Buffer.alloc(0), byId: new Map() };
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
    this.users = [c.currentUser, ...(c.users || [])];
    this.chatUsers.set(this.conv, this.me.id);
    // Conversations the coach can open, by the names a scenario uses (case-insensitive).
    this.places = [];
    const add = (names, place) => { this.places.push({ ...place, name: names[0], keys: names.map((n) => String(n).toLowerCase()) }); };
    add(['personal', this.conv], { id: this.conv, kind: 'personal', label: 'personal chat' });
    for (const g of c.groupChats || []) add(['groupChat', 'group', g.name, g.id], { id: g.id, kind: 'groupChat', label: `group chat "${g.name}"` });
    for (const t of c.teams || []) {
      for (const ch of t.channels || []) {
        const general = ch.id === t.id;
        add(general ? ['team', t.name, 'General', ch.id] : [ch.name, ch.id], { id: ch.id, kind: 'channel', team: t.id, label: `${general ? 'General' : `"${ch.name}"`} channel of team "${t.name}"` });
      }
    }
    log(`playground-e2e: personal chat ${this.conv}, user "${this.me.name}" (id ${this.me.id}, aadObjectId ${this.me.aadObjectId}), timezone ${this.internal.localTimezone}`);
    // 2. The UI's two websocket streams. Both buffer server-side until a client connects.
    await this.connect('/_ws_conversation/v1/conversations/stream', (d) => this.onConversation(d));
    await this.connect('/_ws/log/stream', (d) => this.onLog(d));
  }

  place(name) {
    const key = String(name ?? 'personal').toLowerCase();
    const p = this.places.find((x) => x.keys.includes(key));
    if (!p) throw new SetupError(`unknown conversation "${name}"; the Playground has: ${this.places.map((x) => `"${x.name}" (${x.label})`).join(', ')}`);
    return p;
  }

  placeOf(top) { return this.places.find((x) => x.id === top); }

  user(nameOrId) {
    if (nameOrId === 'me') return this.me;
    const u = this.users.find((x) => x.id === nameOrId || x.name === nameOrId || x.aadObjectId === nameOrId);
    if (!u) throw new StepFailure(`no user "${nameOrId}" in the Playground config; users: ${this.users.map((x) => `"${x.name}"`).join(', ')}`);
    return u;
  }

  // 'me' | 'members' (everyone but me) | name | id | RegExp (on name or id) | array of those
  usersFor(sel) {
    if (Array.isArray(sel)) return [...new Set(sel.flatMap((s) => this.usersFor(s)))];
    if (sel === 'members') return this.users.filter((u) => u.id !== this.me.id);
    if (sel instanceof RegExp) {
      const us = this.users.filter((u) => sel.test(u.name) || sel.test(u.id));
      if (!us.length) throw new StepFailure(`no user matches ${sel}; users: ${this.users.map((x) => `"${x.name}"`).join(', ')}`);
      return us;
    }
    return [this.user(sel)];
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
    // A bot message that starts a channel post arrives with actionConversationId = channel and postConversationId = post.
    const conv = m.postConversationId ?? this.messages.get(m.messageId)?.conv ?? d.actionConversationId ?? m.directLineConversationId;
    if (!conv) return;
    const top = topOf(conv);
    if (!this.placeOf(top)) return;
    if (conv !== top) this.posts.set(top, conv);
    this.messages.set(m.messageId, { message: m, conv, top });
    this.events.push({ seq: this.events.length, kind: d.action === 'createMessage' ? 'create' : 'update', conv, top, message: m, at: Date.now() });
  }

  onLog(d) {
    const item = d.log;
    if (d.logAction !== 'appendLog' || !item) return;
    if (item.type === 'bot') {
      const status = item.response?.statusCode;
      if (item.from === 'Microsoft 365 Agents Playground') {
        const body = item.request?.body || {};
        this.turns.push({ type: body.type, name: body.name, status, text: body.text, conversation: body.conversation?.id, at: Date.now() });
        if (status >= 400) this.problems.push(`the bot answered the ${body.type}${body.name ? ` (${body.name})` : ''} activity with HTTP ${status}${item.response?.body ? `: ${j(item.response.body, 500)}` : ''}`);
      } else {
        const call = { logId: item.id, name: item.activityName, status, method: undefined, path: undefined, query: undefined, body: item.request?.body, response: item.response?.body, at: Date.now() };
        this.connectorCalls.push(call);
        this.pendingCalls.push(call);
        this.resolveCalls();
        const isGet = call.method ? call.method === 'GET' : /^(get|fetch)/i.test(item.activityName || '');
        if (status >= 400 && isGet) {
          // e.g. TeamsInfo.getMember for an unknown id: the bot may handle a 404, so only warn.
          this.warnings.push(`connector ${describeCall(call)} answered HTTP ${status}: ${j(item.response?.body, 300)}`);
        } else if (status >= 400) {
          this.problems.push(`the Playground's connector rejected the bot's ${describeCall(call)} call with HTTP ${status}: ${j(item.response?.body, 800)}\n      request body: ${j(item.request?.body, 800)}`);
        }
      }
    } else if (item.level === 'warning' || item.level === 'error') {
      const text = item.displayText || '';
      if (/cannot connect to your app/i.test(text)) this.problems.push(`Playground: ${text}`);
      else this.warnings.push(text);
    }
  }

  // Join connector calls with the events-recording file (same log id) to learn their method and URL,
  // then note which 1:1 chat each createConversation opened and which messages went into 1:1 chats.
  resolveCalls() {
    if (!this.pendingCalls.length) return;
    this.readRecording();
    const still = [];
    for (const call of this.pendingCalls) {
      const rec = this.recording.byId.get(call.logId);
      if (rec) {
        const u = new URL(rec.url || '/', 'http://playground');
        const servicePath = new URL(this.pg.base + '/_connector').pathname;
        let p = u.pathname.startsWith(servicePath) ? u.pathname.slice(servicePath.length) : u.pathname;
        p = p.split('/').map((s) => { try { return decodeURIComponent(s); } catch { return s; } }).join('/');
        Object.assign(call, { method: String(rec.method || '').toUpperCase(), path: p, query: Object.fromEntries(u.searchParams) });
      } else if (Date.now() - call.at < 2000) {
        still.push(call);
        continue;
      } // else: no recording (older Playground?) - fall back to the activity's own conversation id below
      this.trackChats(call);
    }
    this.pendingCalls = still;
  }

  trackChats(call) {
    const ok = call.status >= 200 && call.status < 300;
    if (call.name === 'createConversation' && ok && call.body?.isGroup !== true && call.response?.id) {
      const uid = call.body?.members?.[0]?.id;
      if (uid) this.chatUsers.set(call.response.id, uid);
      return;
    }
    let conv;
    if (call.path) {
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(call.path);
      if (!m || call.method !== 'POST') return;
      conv = m[1];
    } else {
      conv = call.body?.conversation?.id;
    }
    if (!conv || call.body?.type !== 'message' || !this.chatUsers.has(conv)) return;
    const uid = this.chatUsers.get(conv);
    const to = this.users.find((u) => u.id === uid) || { id: uid, name: uid };
    this.deliveries.push({ to, conv, message: call.body, status: call.status, at: call.at });
  }

  readRecording() {
    const r = this.recording;
    try {
      if (r.fd === null) {
        if (!fs.existsSync(this.pg.recordingFile)) return;
        r.fd = fs.openSync(this.pg.recordingFile, 'r');
      }
      const size = fs.fstatSync(r.fd).size;
      if (size <= r.offset) return;
      const buf = Buffer.alloc(size - r.offset);
      const n = fs.readSync(r.fd, buf, 0, buf.length, r.offset);
      r.offset += n;
      r.rest = Buffer.concat([r.rest, buf.subarray(0, n)]);
      const sep = Buffer.from('\n---\n');
      for (let i; (i = r.rest.indexOf(sep)) >= 0;) {
        const chunk = r.rest.subarray(0, i).toString('utf8');
        r.rest = r.rest.subarray(i + sep.length);
        try {
          const e = JSON.parse(chunk);
          if (e.logId) r.byId.set(e.logId, { method: e.request?.method, url: e.request?.url });
        } catch { /* not an entry */ }
      }
    } catch (e) {
      this.warnings.push(`could not read the Playground's events recording: ${e.message}`);
    }
  }

  close() {
    for (const ws of this.sockets) try { ws.close(); } catch { /* ignore */ }
    if (this.recording.fd !== null) try { fs.closeSync(this.recording.fd); } catch { /* ignore */ }
  }

  // ---- the things a person can do ----

  async openChat(where) {
    const place = this.place(where);
    const r = await this.api('POST', `/_debug/conversation/${encodeURIComponent(place.id)}/installation`, {});
    if (r.status !== 200) throw new StepFailure(`opening the ${place.label} failed: HTTP ${r.status} ${r.text}`);
    return 2; // installationUpdate + conversationUpdate
  }

  // In a group chat or channel the Playground only forwards a message that @mentions the bot, so the
  // driver types "@Bot text" like a person would, unless mention is false. In a channel each message
  // starts a new post; reply: true answers in the newest post of that channel instead.
  async sendText(text, where, { mention, reply } = {}) {
    const place = this.place(where);
    let convId = place.id;
    if (reply) {
      if (place.kind !== 'channel') throw new StepFailure('"reply: true" only applies in a team channel');
      convId = this.posts.get(place.id);
      if (!convId) throw new StepFailure(`there is no post in the ${place.label} to reply to`);
    }
    const draft = { type: 'text', text, textFormat: 'plain', from: { id: this.me.id } };
    let turns = 1;
    if (place.kind !== 'personal') {
      if (mention ?? true) {
        const at = `<at>${this.bot.name}</at>`;
        draft.text = `${at} ${text}`;
        draft.mentions = [{ mentioned: { id: this.bot.id, name: this.bot.name }, text: at }];
      } else {
        turns = 0; // not @mentioned: the Playground does not send it to the bot
      }
    }
    const r = await this.api('POST', `/_conversation/v1/conversations/${encodeURIComponent(convId)}/messages`, draft);
    if (r.status !== 200) throw new StepFailure(`sending "${text}" in the ${place.label} failed: HTTP ${r.status} ${r.text}`);
    const conv = r.json.postConversationId ?? convId;
    if (conv !== place.id) this.posts.set(place.id, conv);
    this.events.push({ seq: this.events.length, kind: 'user', conv, top: place.id, message: { messageId: r.json.messageId, text: draft.text }, at: Date.now() });
    return { turns, text: draft.text };
  }

  async submitCard(spec, where) {
    const found = this.findAction(spec, where);
    const { message, action, card, conv } = found;
    const value = buildActionData(action, card, spec.inputs || {});
    if (action.type === 'Action.Submit') {
      // The UI sends whatever the action's data is, merged with the card inputs, as message.value.
      const body = { conversation: { id: conv }, replyToId: message.messageId, value, from: { id: this.me.id } };
      const r = await this.api('POST', '/_conversation/v1/submit', body);
      if (r.status !== 200) throw new StepFailure(`Action.Submit failed: HTTP ${r.status} ${r.text}`);
      this.events.push({ seq: this.events.length, kind: 'user', conv, top: topOf(conv), message: { messageId: message.messageId, submit: action.title, value }, at: Date.now() });
      return { turns: 1, desc: `Action.Submit "${action.title ?? ''}" value=${JSON.stringify(value)}` };
    }
    // Action.Execute -> invoke adaptiveCard/action; the bot's HTTP response comes back here.
    const body = {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', title: action.title, verb: action.verb, data: value } },
      from: { id: this.me.id },
      conversation: { id: conv },
      replyToId: message.messageId,
    };
    this.events.push({ seq: this.events.length, kind: 'user', conv, top: topOf(conv), message: { messageId: message.messageId, execute: action.verb, value }, at: Date.now() });
    const r = await this.api('POST', '/_conversation/v1/invoke', body);
    if (r.status !== 200) throw new StepFailure(`Action.Execute (verb "${action.verb}") failed: HTTP ${r.status} ${r.text}`);
    const res = r.json || {};
    let m;
    if (res.type === 'application/vnd.microsoft.card.adaptive') {
      // The Playground replaces the card in place (only when the message has exactly one attachment).
      m = { ...message, attachments: [{ contentType: res.type, content: res.value }], text: undefined };
      if ((message.attachments || []).length === 1) this.messages.set(message.messageId, { message: m, conv, top: topOf(conv) });
    } else if (res.type === 'application/vnd.microsoft.activity.message') {
      m = { messageId: `${message.messageId}#invoke`, text: String(res.value), attachments: [] };
    } else if (res.type === 'application/vnd.microsoft.error') {
      throw new StepFailure(`the bot answered Action.Execute (verb "${action.verb}") with an error: ${JSON.stringify(res.value)}`);
    } else {
      throw new StepFailure(`the bot answered Action.Execute (verb "${action.verb}") with an unexpected invoke response: ${r.text.slice(0, 500)}`);
    }
    this.events.push({ seq: this.events.length, kind: 'invokeResponse', conv, top: topOf(conv), message: m, at: Date.now() });
    return { turns: 1, desc: `Action.Execute verb "${action.verb}" data=${JSON.stringify(value)}` };
  }

  // "Mock an Activity" in the web UI: start from the Playground's template for this conversation,
  // let the scenario change it, and have the Playground send it to the bot.
  async sendCustom(spec, where) {
    const place = this.place(where);
    const q = `conversationId=${encodeURIComponent(place.id)}${spec.template ? `&type=${encodeURIComponent(spec.template)}` : ''}`;
    const t = await this.api('GET', `/_internal/v1/customActivities/template?${q}`);
    if (t.status !== 200) throw new StepFailure(`custom activity template "${spec.template ?? '(base)'}" for the ${place.label}: HTTP ${t.status} ${t.text}`);
    let activity = t.json;
    if (typeof spec.patch === 'function') {
      const chatWith = (n) => {
        const u = this.user(n);
        const id = [...this.chatUsers].find(([, uid]) => uid === u.id)?.[0];
        if (!id) throw new StepFailure(`the bot has not opened a 1:1 chat with "${u.name}" (no createConversation for ${u.id})`);
        return id;
      };
      // What the bot posted into that person's 1:1 chat so far, newest first (to answer a card it sent them).
      const deliveredTo = (n) => {
        const u = this.user(n);
        this.resolveCalls();
        return this.deliveries.filter((d) => d.to.id === u.id && d.status >= 200 && d.status < 300).map((d) => d.message).reverse();
      };
      const helpers = { user: (n) => { const u = this.user(n); return { id: u.id, aadObjectId: u.aadObjectId }; }, chatWith, deliveredTo, me: this.me, bot: this.bot, users: this.users, conversation: this.place(where) };
      activity = (await spec.patch(activity, helpers)) ?? activity;
    } else if (spec.patch) {
      activity = deepMerge(activity, spec.patch);
    }
    const r = await this.api('POST', '/_internal/v1/customActivities', activity);
    if (r.status !== 200) throw new StepFailure(`sending the custom activity failed: HTTP ${r.status} ${r.text}`);
    return { turns: 1, desc: `(mock activity ${activity.type}${spec.template ? ` from template "${spec.template}"` : ''} in the ${place.label})` };
  }

  // Newest bot message first; the first card action matching the selector wins.
  findAction(spec, where) {
    const sel = spec.action;
    if (sel === undefined) throw new StepFailure('submit step needs an "action" (title/verb string or {title, verb, type, data})');
    const place = this.place(where);
    const botMsgs = [...this.messages.values()].filter((x) => x.top === place.id).sort((a, b) => b.message.timestamp - a.message.timestamp || 0);
    for (const { message, conv } of botMsgs) {
      for (const att of message.attachments || []) {
        if (att.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
        const card = att.content;
        if (spec.card !== undefined && !matchText(cardText(card), spec.card)) continue;
        const action = collectActions(card).find((a) => actionMatches(a, sel));
        if (action) return { message, action, card, conv };
      }
    }
    const seen = botMsgs.flatMap(({ message: m }) => (m.attachments || []).flatMap((a) => collectActions(a.content || {}).map((x) => describeAction(x))));
    throw new StepFailure(`no card in the ${place.label} has an action matching ${JSON.stringify(sel, replacer)}${spec.card ? ` (on a card containing ${show(spec.card)})` : ''}; actions seen: ${seen.join(', ') || 'none'}`);
  }
}

const topOf = (conv) => String(conv).split(';')[0];

function describeCall(c) {
  if (c.method) return `${c.method} ${c.path}${c.query && Object.keys(c.query).length ? `?${new URLSearchParams(c.query)}` : ''}`;
  return c.name || 'connector';
}

function deepMerge(base, patch) {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = base && typeof base === 'object' && !Array.isArray(base) ? { ...base } : {};
  for (const [k, v] of Object.entries(patch)) out[k] = v && typeof v === 'object' && !Array.isArray(v) ? deepMerge(out[k], v) : v;
  return out;
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
//     check: (replies, ctx) => true | string   custom; return a string to fail with it
//                      (ctx = { calls, deliveries, users, me }: this step's connector calls and 1:1 deliveries)
//   "replies" are the bot's messages in the step's conversation only (a team step: that channel, all its posts).
//   connectorCalls: { method, path, name, status, query, body, min, max, count }
//                    bot -> connector calls in this step matching all given fields; path is the decoded path
//                    without the service URL prefix, e.g. /v3/conversations/19:x@thread.tacv2/pagedmembers;
//                    default "at least one"
//   delivered: { to, notTo, text, card, contains, cardInputs, cardAction, min, max, count }
//                    bot messages (2xx) posted in this step into 1:1 chats (the personal chat, and chats the bot
//                    opened with createConversation), by recipient. to / notTo: 'me' | 'members' | name | id |
//                    RegExp | array: EVERY listed user got (did not get) a matching message. Default "at least one".
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

function describeCallSpec(c) {
  const bits = [];
  if (c.method) bits.push(c.method.toUpperCase());
  if (c.path !== undefined) bits.push(`path ${show(c.path)}`);
  if (c.name !== undefined) bits.push(`name ${show(c.name)}`);
  if (c.status !== undefined) bits.push(`status ${show(c.status)}`);
  if (c.query !== undefined) bits.push(`query ${JSON.stringify(c.query)}`);
  if (c.body !== undefined) bits.push(`body ${JSON.stringify(c.body, replacer)}`);
  return bits.join(' ') || 'any';
}

function describeCount(c) {
  if (c.count !== undefined) return `exactly ${c.count}`;
  if (c.min !== undefined && c.max !== undefined) return `${c.min} to ${c.max}`;
  if (c.max !== undefined) return `at most ${c.max}`;
  return `at least ${c.min ?? 1}`;
}

function describeUsers(sel) {
  return [].concat(sel).map((x) => (x instanceof RegExp ? String(x) : `"${x}"`)).join(', ');
}

function describeDelivered(d) {
  const per = PER_REPLY.filter((k) => d[k] !== undefined).map((k) => `${k} ${show(d[k])}`).join(' and ');
  const bits = [];
  if (d.to !== undefined) bits.push(`to each of ${describeUsers(d.to)}`);
  if (d.notTo !== undefined) bits.push(`none to ${describeUsers(d.notTo)}`);
  if (d.count !== undefined || d.min !== undefined || d.max !== undefined || (d.to === undefined && d.notTo === undefined)) bits.push(`${describeCount(d)} in all`);
  return `1:1 message${per ? ` (${per})` : ''} ${bits.join(', ')}`;
}

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
  if (exp.connectorCalls !== undefined) bits.push(`${describeCount(exp.connectorCalls)} connector call(s) ${describeCallSpec(exp.connectorCalls)}`);
  if (exp.delivered !== undefined) bits.push(describeDelivered(exp.delivered));
  return bits.join(' and ') || '(empty expectation)';
}

function callMatches(c, spec) {
  if (spec.method !== undefined && String(c.method || '').toUpperCase() !== String(spec.method).toUpperCase()) return false;
  if (spec.path !== undefined && !matchExact(c.path, spec.path)) return false;
  if (spec.name !== undefined && !matchExact(c.name, spec.name)) return false;
  if (spec.status !== undefined && !(typeof spec.status === 'number' ? c.status === spec.status : matchExact(String(c.status), spec.status))) return false;
  if (spec.query !== undefined && !isSubset(spec.query, c.query || {})) return false;
  if (spec.body !== undefined && !isSubset(spec.body, c.body)) return false;
  return true;
}

// null if n satisfies {count, min, max} (default: at least one), else a description of what was expected
function countFailure(n, c) {
  if (c.count !== undefined) return n === c.count ? null : describeCount(c);
  const min = c.min ?? (c.max !== undefined ? 0 : 1);
  if (n < min || (c.max !== undefined && n > c.max)) return describeCount({ ...c, min });
  return null;
}

function evalDelivered(d, ctx) {
  const ok = ctx.deliveries.filter((x) => x.status >= 200 && x.status < 300);
  const matching = ok.filter((x) => replyMatches(replyView(x.message), d));
  const what = describeDelivered(d);
  let counted = matching;
  if (d.to !== undefined) {
    const targets = ctx.usersFor(d.to);
    const missing = targets.filter((u) => !matching.some((x) => x.to.id === u.id));
    if (missing.length) return `expected ${what}; nothing matching reached ${missing.map((u) => `"${u.name}"`).join(', ')}`;
    counted = matching.filter((x) => targets.some((u) => u.id === x.to.id));
  }
  if (d.notTo !== undefined) {
    const bad = ctx.usersFor(d.notTo).filter((u) => matching.some((x) => x.to.id === u.id));
    if (bad.length) return `expected ${what}; but ${bad.map((u) => `"${u.name}"`).join(', ')} got one`;
  }
  if (d.count !== undefined || d.min !== undefined || d.max !== undefined || (d.to === undefined && d.notTo === undefined)) {
    const f = countFailure(counted.length, d);
    if (f) return `expected ${what}; got ${counted.length}`;
  }
  return null;
}

// returns null if ok, else a failure message
function evaluate(expectations, replies, ctx) {
  const views = replies.map(replyView);
  for (const exp of expectations) {
    const perReply = PER_REPLY.some((k) => exp[k] !== undefined);
    if (perReply && !views.some((v) => replyMatches(v, exp))) return `expected a reply where ${describeExpectation({ ...exp, connectorCalls: undefined, delivered: undefined })}`;
    if (exp.none && views.length) return 'expected no reply';
    if (exp.count !== undefined && views.length !== exp.count) return `expected exactly ${exp.count} replies, got ${views.length}`;
    if (exp.notContains !== undefined && views.some((v) => matchText(`${v.text}\n${v.cardText}`, exp.notContains))) return `expected no reply containing ${show(exp.notContains)}`;
    if (exp.connectorCalls !== undefined) {
      const n = ctx.calls.filter((c) => callMatches(c, exp.connectorCalls)).length;
      const f = countFailure(n, exp.connectorCalls);
      if (f) return `expected ${f} connector call(s) ${describeCallSpec(exp.connectorCalls)}, got ${n}`;
    }
    if (exp.delivered !== undefined) {
      const f = evalDelivered(exp.delivered, ctx);
      if (f) return f;
    }
    if (exp.check) {
      let r;
      try { r = exp.check(replies, ctx); } catch (e) { r = `check threw: ${e.message}`; }
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
  // Like the web UI: the personal chat is opened (installation sent) when the Playground loads, and a
  // group chat or team is opened the first time the person goes there. A scenario that does not open a
  // conversation itself gets an implicit open step before it first uses it.
  const placeOf = (s, i) => {
    try { return session.place(stepWhere(s)); } catch (e) { throw new SetupError(`step ${i + 1}: ${e.message}`); }
  };
  const given = scenario.steps;
  const steps = [];
  const opened = new Set();
  const openKey = (p) => p.team ?? p.id; // the UI opens a team once, whichever channel is shown first
  if (!given.some((s, i) => s.open !== undefined && placeOf(s, i).kind === 'personal')) {
    steps.push({ name: 'open the chat (implicit, like the web UI)', open: true, expect: [] });
    opened.add(session.conv);
  }
  given.forEach((s, i) => {
    const p = placeOf(s, i);
    if (s.open === undefined && !opened.has(openKey(p))) {
      steps.push({ name: `open the ${p.label} (implicit, like the web UI)`, open: stepWhere(s), expect: [] });
    }
    opened.add(openKey(p));
    steps.push(s);
  });
  let passed = 0;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const where = stepWhere(step);
    const inWhere = where === 'personal' ? '' : ` in ${where}`;
    const title = step.name || (step.open !== undefined ? `open ${where === 'personal' ? 'chat' : where}`
      : step.send !== undefined ? `send "${step.send}"${inWhere}` : step.custom !== undefined ? `mock activity${inWhere}` : `submit card${inWhere}`);
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
  const mark = {
    ev: session.events.length, turns: session.turns.length, problems: session.problems.length, warnings: session.warnings.length,
    calls: session.connectorCalls.length, deliveries: session.deliveries.length,
  };
  const where = stepWhere(step);
  const place = session.place(where);
  // notBefore: a moment the step cannot come before (a session's start, say); waiting for it is not a guess.
  const notBefore = typeof step.notBefore === 'function' ? step.notBefore() : step.notBefore;
  if (notBefore !== undefined && notBefore > Date.now()) {
    log(`  wait ${Math.ceil((notBefore - Date.now()) / 1000)} s, until ${new Date(notBefore).toISOString()}`);
    await sleep(notBefore - Date.now());
  }
  let turns;
  if (step.open !== undefined) {
    log(`  you  > (open the ${place.label}: installationUpdate + conversationUpdate)`);
    turns = await session.openChat(where);
  } else if (step.send !== undefined) {
    // send may be a function of what the bot has said so far (e.g. to type a join code it gave out).
    const text = typeof step.send === 'function'
      ? String(step.send({ botSaid: session.events.filter((e) => e.kind !== 'user').map((e) => JSON.stringify(e.message)).join('\n') }))
      : String(step.send);
    const r = await session.sendText(text, where, { mention: step.mention, reply: step.reply });
    log(`  you  > ${JSON.stringify(r.text)}${place.kind === 'personal' ? '' : ` (${step.reply ? 'reply in the newest post of the' : 'in the'} ${place.label}${r.turns ? '' : '; not @mentioned, so the bot gets nothing'})`}`);
    turns = r.turns;
  } else if (step.custom !== undefined) {
    const r = await session.sendCustom(step.custom, where);
    log(`  you  > ${r.desc}`);
    turns = r.turns;
  } else {
    // submit may be a function, called when the step runs (e.g. a time a few minutes from then).
    const r = await session.submitCard(typeof step.submit === 'function' ? step.submit() : step.submit, where);
    log(`  you  > ${r.desc}`);
    turns = r.turns;
  }
  const expectations = [].concat(step.expect ?? []);
  const timeoutMs = step.timeoutMs ?? cfg.stepTimeoutMs;
  const deadline = Date.now() + timeoutMs;
  // Replies: the bot's messages in this step's conversation (for a channel: in any of its posts).
  const replyEvents = () => session.events.slice(mark.ev).filter((e) => e.kind !== 'user' && e.top === place.id);
  const replies = () => replyEvents().map((e) => e.message);
  const ctx = () => {
    session.resolveCalls();
    return {
      calls: session.connectorCalls.slice(mark.calls),
      deliveries: session.deliveries.slice(mark.deliveries),
      users: session.users,
      me: session.me,
      usersFor: (sel) => session.usersFor(sel),
    };
  };
  const turnsDone = () => session.turns.length - mark.turns >= turns;
  const problem = () => session.problems.slice(mark.problems)[0];
  const printed = { ev: 0, calls: 0, deliveries: 0 };
  const visible = (conv) => !!session.placeOf(topOf(conv)); // shown in the coach's UI (personal chat, group chat, channels)
  const printNew = () => {
    const es = session.events.slice(mark.ev).filter((e) => e.kind !== 'user');
    for (; printed.ev < es.length; printed.ev++) {
      const e = es[printed.ev];
      const elsewhere = e.top === place.id ? '' : `[in ${session.placeOf(e.top)?.label ?? e.top}] `;
      log(`  bot  < ${elsewhere}${e.kind === 'update' ? '(updated) ' : e.kind === 'invokeResponse' ? '(invoke response) ' : ''}${summarize(e.message)}`);
      if (cfg.verbose) log(`         ${JSON.stringify(e.message)}`);
    }
    session.resolveCalls();
    const cs = session.connectorCalls.slice(mark.calls);
    for (; printed.calls < cs.length; printed.calls++) {
      const c = cs[printed.calls];
      if (session.pendingCalls.includes(c)) break; // method and path not known yet
      // activity posts show up as replies or deliveries; print the other connector calls
      if (c.method === 'POST' && /\/activities(\/[^/]*)?$/.test(c.path || '')) continue;
      if (!c.method && c.body?.type) continue;
      log(`  api  ${describeCall(c)} -> ${c.status}${c.name === 'createConversation' && c.response?.id ? ` (1:1 chat with ${session.users.find((u) => u.id === c.body?.members?.[0]?.id)?.name ?? c.body?.members?.[0]?.id}: ${c.response.id})` : ''}`);
      if (cfg.verbose) log(`         request ${j(c.body, 1000)}\n         response ${j(c.response, 1000)}`);
    }
    const ds = session.deliveries.slice(mark.deliveries);
    for (; printed.deliveries < ds.length; printed.deliveries++) {
      const d = ds[printed.deliveries];
      if (visible(d.conv)) continue; // already printed from the websocket
      log(`  bot  < [1:1 with ${d.to.name}] ${summarize(d.message)}${d.status >= 300 ? ` (HTTP ${d.status})` : ''}`);
    }
  };
  const activity = () => session.events.length + session.connectorCalls.length;

  let failure = 'timed out';
  for (;;) {
    printNew();
    if (problem()) { failure = null; break; }
    if (turnsDone()) {
      failure = evaluate(expectations, replies(), ctx());
      if (!failure) {
        // Let late replies and connector calls land so they are checked here and not blamed on the next step.
        let last = activity();
        let quietSince = Date.now();
        while (Date.now() - quietSince < cfg.settleMs && Date.now() < deadline + cfg.settleMs) {
          await sleep(25);
          if (activity() !== last) { last = activity(); quietSince = Date.now(); }
        }
        printNew();
        failure = problem() ? null : evaluate(expectations, replies(), ctx());
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
    let got = rs.length ? rs.map((m, k) => `\n      [${k + 1}] ${summarize(m)}`).join('') : ' no replies';
    if (expectations.some((e) => e.connectorCalls !== undefined || e.delivered !== undefined)) {
      const c = ctx();
      got += `\n    connector calls:${c.calls.length ? c.calls.map((x) => `\n      ${describeCall(x)} -> ${x.status}`).join('') : ' none'}`;
      got += `\n    1:1 messages:${c.deliveries.length ? c.deliveries.map((x) => `\n      to ${x.to.name}: ${summarize(x.message)} (HTTP ${x.status})`).join('') : ' none'}`;
    }
    throw new StepFailure(`${failure}; within ${timeoutMs} ms the bot sent in the ${place.label}:${got}${cfg.verbose ? '' : '\n      (E2E_VERBOSE=1 prints raw activities)'}`);
  }
  for (const exp of expectations) log(`  ok   ${describeExpectation(exp)}`);
  if (!expectations.length) log('  ok   (no expectations)');
}

function writeTranscript(cfg, workDir, session) {
  const file = cfg.transcriptPath || path.join(workDir, 'transcript.json');
  session.resolveCalls();
  const data = {
    conversationId: session.conv,
    user: session.me,
    conversations: session.places.map(({ keys, ...p }) => p),
    events: session.events.map((e) => ({ kind: e.kind, conversation: e.conv, message: e.message })),
    botCalls: session.turns,
    connectorCalls: session.connectorCalls,
    deliveries: session.deliveries.map((d) => ({ to: { id: d.to.id, name: d.to.name }, conversation: d.conv, status: d.status, message: d.message })),
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
