'use strict';
// Celery queue-depth publisher for DjangoCdk: reads how many messages wait in each Celery queue on ElastiCache for
// Redis (TLS + AUTH) and publishes the CloudWatch metrics that ECS Service Auto Scaling scales the Celery worker
// services on. EventBridge invokes index.handler once a minute; the function runs in the app's VPC.
//
// Environment (set by the construct):
//   REDIS_HOST, REDIS_PORT   the primary endpoint; always TLS, certificate checked against Node's CA bundle
//   REDIS_DB                 optional, default 0 (SELECT is sent only for another database)
//   REDIS_AUTH_SECRET_ARN    Secrets Manager secret whose SecretString is the raw AUTH token (not JSON)
//   CLUSTER_NAME             the ECS cluster of the workers
//   WORKERS                  JSON: [{"name":"<worker>","queues":["celery", ...]}, ...]: each worker's service is the
//                            one of the cluster tagged djangocdk:celery-worker=<worker> (the construct tags them, so
//                            the variable stays small whatever the generated service names; Lambda allows 4 KB of
//                            environment); {"service":"<ECS service name>", "queues": [...]} names a service directly
//   METRIC_NAMESPACE         optional, default DjangoCdk/Celery
// Metrics (Unit Count, StorageResolution 60, one Timestamp per run: when Redis was read):
//   QueueDepth           ClusterName, QueueName    messages waiting in the queue, all its priority lists
//   BacklogPerTask       ClusterName, ServiceName  the worker's messages / its desired tasks (0 tasks count as 1)
//   BacklogWithoutTasks  ClusterName, ServiceName  the worker's messages while it has 0 desired tasks, else 0
//
// It publishes nothing misleading: when Redis cannot be read nothing is published and the invocation fails, so the
// function's Errors metric (alarmed on) counts it; when ECS cannot describe a worker's service, only that worker's
// datums are left out. Never log the AUTH token or the environment: only host:port, queue and service names.
// Node built-ins and the AWS SDK v3 clients of the Lambda runtime only (the file ships embedded in the assembly).

const net = require('node:net');
const tls = require('node:tls');

const DEFAULT_NAMESPACE = 'DjangoCdk/Celery';
const DEFAULT_TIMEOUT_MS = 5000;
const DESCRIBE_SERVICES_MAX = 10; // ECS DescribeServices accepts at most 10 services per call
const LIST_SERVICES_MAX = 100; // ECS ListServices returns at most 100 ARNs per page
const WORKER_TAG = 'djangocdk:celery-worker'; // on each worker service: its worker's name
const PUT_METRIC_DATA_MAX = 1000; // CloudWatch PutMetricData accepts at most 1000 datums per request
const MAX_FIELD = 300; // keeps log lines and error messages short

// How kombu's Redis transport (Celery's broker client) lays out a queue, from celery/kombu
// kombu/transport/redis.py: PRIORITY_STEPS = [0, 3, 6, 9]; Channel.sep = '\x06\x16'; Channel._q_for_pri(queue, pri)
// returns the queue name itself for priority 0 and f"{queue}{sep}{pri}" otherwise; Channel._size(queue) is the sum of
// LLEN over those keys. So a queue is up to four lists, and a message sent with a priority sits in one of the others.
// Only the default steps and separator are read: a project that changes priority_steps or sep in
// broker_transport_options (or sets global_keyprefix) is not counted right.
const PRIORITY_STEPS = [0, 3, 6, 9];
const PRIORITY_SEP = '\x06\x16';

/** The Redis keys of one Celery queue: its name for priority 0, then `<queue>\x06\x16<n>` for each other step. */
function queueKeys(queue) {
  return PRIORITY_STEPS.map((pri) => (pri ? `${queue}${PRIORITY_SEP}${pri}` : queue));
}

// "celery\x06\x163" as readable text for messages.
function displayKey(key) {
  return key.split(PRIORITY_SEP).join('\\x06\\x16');
}

// One line, bounded length.
function clip(value, max = MAX_FIELD) {
  const s = String(value == null ? '' : value).replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

// Error text can come from a server or an SDK: make sure no token it might echo reaches a log line.
function redact(text, tokens) {
  return tokens.filter(Boolean).reduce((s, token) => s.split(token).join('[redacted]'), String(text));
}

// ------------------------------------------------------------------------------------------- configuration

class ConfigError extends Error {}

function requiredText(env, name, hint) {
  const value = env[name];
  if (value === undefined || String(value).trim() === '') {
    throw new ConfigError(`queue-depth: ${name} is not set; ${hint}`);
  }
  return String(value).trim();
}

function wholeNumber(env, name, min, max, fallback) {
  const raw = env[name];
  if ((raw === undefined || raw === '') && fallback !== undefined) return fallback;
  const text = String(raw === undefined ? '' : raw).trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) {
    throw new ConfigError(`queue-depth: ${name} must be a whole number from ${min} to ${max}; received "${clip(text, 40)}".`);
  }
  return n;
}

const WORKERS_EXAMPLE = '[{"name":"worker","queues":["celery","emails"]}]';

function workersError(what, received) {
  return new ConfigError(
    `queue-depth: WORKERS is malformed: ${what}; received ${clip(received, 200)}. ` +
    `Expected a JSON array of the workers (their name, or their ECS service's name as "service") and Celery queues, e.g. ${WORKERS_EXAMPLE}.`);
}

/**
 * Parses WORKERS into [{ name, service, label, queues }]: a worker is named ("name", its service found by tag) or
 * gives its service ("service"), one of the two; label is whichever it gives. Throws an error naming WORKERS when an
 * item is not of that form.
 */
function parseWorkers(text) {
  if (text === undefined || String(text).trim() === '') throw workersError('it is not set', '""');
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw workersError(`it is not valid JSON (${clip(err.message, 100)})`, text);
  }
  if (!Array.isArray(value) || value.length === 0) throw workersError('it must be a non-empty JSON array', text);
  const seen = new Set();
  const text_ = (v) => typeof v === 'string' && v.trim() !== '';
  return value.map((item, i) => {
    const where = `item ${i}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw workersError(`${where} is not an object`, JSON.stringify(item));
    if (text_(item.name) === text_(item.service)) {
      throw workersError(`${where} must have either a "name" (the worker's, its service tagged ${WORKER_TAG}) or a "service" (the ECS service name)`, JSON.stringify(item));
    }
    const label = text_(item.name) ? item.name : item.service;
    if (seen.has(label)) throw workersError(`worker "${clip(label, 100)}" is listed twice`, text);
    seen.add(label);
    const queues = item.queues;
    if (!Array.isArray(queues) || queues.length === 0 || !queues.every((q) => typeof q === 'string' && q !== '')) {
      throw workersError(`${where} ("${clip(label, 100)}") must have "queues", a non-empty array of queue names`, JSON.stringify(item));
    }
    // A queue listed twice for one worker counts once in its backlog.
    return text_(item.name)
      ? { name: item.name, label, queues: [...new Set(queues)] }
      : { service: item.service, label, queues: [...new Set(queues)] };
  });
}

/** Reads and checks the environment contract (see the top of this file) before anything touches the network. */
function readConfig(env) {
  const namespace = env.METRIC_NAMESPACE === undefined || env.METRIC_NAMESPACE === ''
    ? DEFAULT_NAMESPACE
    : String(env.METRIC_NAMESPACE);
  // CloudWatch reserves the AWS/ namespaces and would reject every PutMetricData.
  if (/^AWS\//i.test(namespace)) {
    throw new ConfigError(`queue-depth: METRIC_NAMESPACE must not start with "AWS/" (reserved by CloudWatch); received "${clip(namespace, 100)}".`);
  }
  return {
    host: requiredText(env, 'REDIS_HOST', "the cache's primary endpoint address is expected."),
    port: wholeNumber(env, 'REDIS_PORT', 1, 65535),
    db: wholeNumber(env, 'REDIS_DB', 0, 65535, 0),
    secretArn: requiredText(env, 'REDIS_AUTH_SECRET_ARN', "the ARN of the secret holding the cache's AUTH token is expected."),
    cluster: requiredText(env, 'CLUSTER_NAME', "the ECS cluster name of the Celery workers is expected."),
    workers: parseWorkers(env.WORKERS),
    namespace,
  };
}

// ------------------------------------------------------------------------------------------- RESP2 client

/** An error reply from Redis ("-WRONGPASS ..."): a value the client returns, not an exception it throws. */
class RedisErrorReply {
  constructor(message) {
    this.message = message;
  }
}

/** A failure to read from Redis; authRefused marks a refused AUTH token (which is worth fetching again). */
class RedisError extends Error {
  constructor(message, { authRefused = false } = {}) {
    super(message);
    this.authRefused = authRefused;
  }
}

/** One command as a RESP array of bulk strings; lengths in bytes, so any key (UTF-8, \x06\x16) is sent as is. */
function encodeCommand(args) {
  const parts = [`*${args.length}\r\n`];
  for (const arg of args) {
    const s = String(arg);
    parts.push(`$${Buffer.byteLength(s, 'utf8')}\r\n${s}\r\n`);
  }
  return Buffer.from(parts.join(''), 'utf8');
}

const INCOMPLETE = Symbol('incomplete');

function protocolError(what) {
  return new RedisError(`the server's reply is not RESP2: ${what}`);
}

function parseLength(line) {
  if (!/^-?\d+$/.test(line)) throw protocolError(`"${clip(line, 40)}" is not an integer`);
  return Number(line);
}

// Parses the reply starting at `start`: { value, next } or INCOMPLETE when the bytes have not all arrived yet.
function parseReply(buf, start) {
  if (start >= buf.length) return INCOMPLETE;
  const lineEnd = buf.indexOf('\r\n', start + 1);
  if (lineEnd < 0) return INCOMPLETE;
  const type = buf[start];
  const line = buf.toString('utf8', start + 1, lineEnd);
  const after = lineEnd + 2;
  switch (type) {
    case 0x2b: // '+' simple string
      return { value: line, next: after };
    case 0x2d: // '-' error
      return { value: new RedisErrorReply(line), next: after };
    case 0x3a: // ':' integer
      return { value: parseLength(line), next: after };
    case 0x24: { // '$' bulk string, $-1 is null
      const length = parseLength(line);
      if (length < 0) return { value: null, next: after };
      if (buf.length < after + length + 2) return INCOMPLETE;
      if (buf[after + length] !== 0x0d || buf[after + length + 1] !== 0x0a) throw protocolError('a bulk string is not followed by CRLF');
      return { value: buf.toString('utf8', after, after + length), next: after + length + 2 };
    }
    case 0x2a: { // '*' array, *-1 is null
      const count = parseLength(line);
      if (count < 0) return { value: null, next: after };
      const items = [];
      let next = after;
      for (let i = 0; i < count; i += 1) {
        const item = parseReply(buf, next);
        if (item === INCOMPLETE) return INCOMPLETE;
        items.push(item.value);
        next = item.next;
      }
      return { value: items, next };
    }
    default:
      throw protocolError(`unexpected type byte 0x${type.toString(16).padStart(2, '0')}`);
  }
}

/**
 * Turns the bytes of a connection into replies. A reply may be split over several chunks and a chunk may hold
 * several replies, so bytes are kept until a reply is complete.
 */
class RespParser {
  constructor() {
    this.buffer = Buffer.alloc(0);
  }

  /** Adds a chunk and returns the replies it completes, in order (none while a reply is still partial). */
  push(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const replies = [];
    let offset = 0;
    for (;;) {
      const parsed = parseReply(this.buffer, offset);
      if (parsed === INCOMPLETE) break;
      replies.push(parsed.value);
      offset = parsed.next;
    }
    this.buffer = this.buffer.subarray(offset);
    return replies;
  }
}

function describeSocketError(err, stage) {
  const code = err && err.code ? ` (${err.code})` : '';
  const what = stage === 'tls' ? 'TLS handshake failed' : stage === 'connecting' ? 'connection failed' : 'connection error';
  return `${what}: ${clip(err && err.message, 200)}${code}`;
}

/**
 * Opens one TLS connection, writes every command at once (pipelined) followed by QUIT, and resolves with one reply
 * per command. QUIT's own reply is not waited for: once the replies are in, this side closes the connection.
 * Rejects with a RedisError on a refused connection, a failed handshake (an untrusted certificate included),
 * a timeout or a connection closed early. `ca` replaces Node's CA bundle (tests only).
 */
function sendCommands({ host, port, commands, ca, connectTimeoutMs = DEFAULT_TIMEOUT_MS, timeoutMs = DEFAULT_TIMEOUT_MS }) {
  return new Promise((resolve, reject) => {
    const replies = [];
    const parser = new RespParser();
    let stage = 'connecting'; // then 'tls', then 'replies'
    let settled = false;
    let connectTimer;
    let overallTimer;

    // servername = host (SNI and the certificate's name); RFC 6066 allows no IP address there, and Node then
    // checks the address against the certificate's IP entries by itself.
    const options = { host, port, ca, rejectUnauthorized: true, minVersion: 'TLSv1.2' };
    if (!net.isIP(host)) options.servername = host;
    const socket = tls.connect(options);

    const finish = (err, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(overallTimer);
      if (err) {
        socket.destroy();
        reject(err);
      } else {
        socket.end();
        // A server that ignores QUIT must not keep the connection (and a test process) alive.
        setTimeout(() => socket.destroy(), 1000).unref();
        resolve(value);
      }
    };
    const fail = (reason) => finish(new RedisError(reason));

    connectTimer = setTimeout(
      () => fail(`timed out after ${connectTimeoutMs} ms ${stage === 'connecting' ? 'connecting' : 'in the TLS handshake'}`),
      connectTimeoutMs);
    overallTimer = setTimeout(
      () => fail(`timed out after ${timeoutMs} ms with ${replies.length} of ${commands.length} replies`),
      timeoutMs);

    socket.once('connect', () => {
      stage = 'tls';
    });
    socket.once('secureConnect', () => {
      clearTimeout(connectTimer);
      stage = 'replies';
      socket.write(Buffer.concat([...commands.map(encodeCommand), encodeCommand(['QUIT'])]));
    });
    socket.on('data', (chunk) => {
      if (settled) return;
      try {
        replies.push(...parser.push(chunk));
      } catch (err) {
        fail(err.message);
        return;
      }
      if (replies.length >= commands.length) finish(null, replies.slice(0, commands.length));
    });
    socket.on('error', (err) => fail(describeSocketError(err, stage)));
    socket.on('close', () => fail(`the server closed the connection after ${replies.length} of ${commands.length} replies`));
  });
}

// Redis 6+ answers a bad token with WRONGPASS (NOAUTH to the commands after it); Redis 5 and older with
// "ERR invalid password".
function isAuthRefusal(reply) {
  return /^(WRONGPASS|NOAUTH)\b/i.test(reply.message) || /invalid password/i.test(reply.message);
}

/**
 * Reads the length of each key over one pipelined connection: AUTH <token> (the default user's password form,
 * never a user name), SELECT <db> unless db is 0, LLEN of each key, QUIT. Resolves with one number per key
 * (0 for a key that does not exist). Any error reply rejects: with authRefused set when the token was refused.
 */
async function readQueueLengths({ host, port, db = 0, token, keys, ca, connectTimeoutMs, timeoutMs }) {
  const commands = [['AUTH', token]];
  if (db !== 0) commands.push(['SELECT', String(db)]);
  for (const key of keys) commands.push(['LLEN', key]);
  const replies = await sendCommands({ host, port, commands, ca, connectTimeoutMs, timeoutMs });

  if (replies[0] instanceof RedisErrorReply) {
    const refused = isAuthRefusal(replies[0]);
    throw new RedisError(`AUTH ${refused ? 'was refused' : 'failed'}: ${clip(replies[0].message)}`, { authRefused: refused });
  }
  if (db !== 0 && replies[1] instanceof RedisErrorReply) {
    throw new RedisError(`SELECT ${db} failed: ${clip(replies[1].message)}`);
  }
  const first = db !== 0 ? 2 : 1;
  return keys.map((key, i) => {
    const reply = replies[first + i];
    if (reply instanceof RedisErrorReply) {
      throw new RedisError(`LLEN ${displayKey(key)} failed: ${clip(reply.message)}`, { authRefused: isAuthRefusal(reply) });
    }
    if (!Number.isInteger(reply)) throw new RedisError(`LLEN ${displayKey(key)} returned ${clip(JSON.stringify(reply), 60)}, not an integer`);
    return reply;
  });
}

// ------------------------------------------------------------------------------------------- the run

// The AUTH token, kept between invocations of a warm function so each run costs no Secrets Manager call.
const moduleTokenCache = { token: undefined };

async function fetchToken(secrets, secretArn) {
  let result;
  try {
    result = (await secrets.getSecretValue({ SecretId: secretArn })) || {};
  } catch (err) {
    throw new RedisError(`reading the AUTH token from secret ${secretArn} failed: ${clip(err && (err.name ? `${err.name}: ${err.message}` : err.message), 200)}`);
  }
  if (typeof result.SecretString !== 'string' || result.SecretString === '') {
    throw new RedisError(`secret ${secretArn} has no SecretString; it must hold the AUTH token as plain text`);
  }
  return result.SecretString;
}

// Reads with the cached token; when Redis refuses it the token may have been rotated: drop it, fetch the secret
// once more and retry once. `used` collects every token seen, for redaction.
async function readWithToken(read, request, { secrets, secretArn, cache, used }) {
  if (cache.token === undefined) cache.token = await fetchToken(secrets, secretArn);
  used.push(cache.token);
  try {
    return await read({ ...request, token: cache.token });
  } catch (err) {
    if (!err.authRefused) throw err;
    cache.token = undefined;
  }
  const token = await fetchToken(secrets, secretArn);
  used.push(token);
  try {
    const lengths = await read({ ...request, token });
    cache.token = token;
    return lengths;
  } catch (err) {
    if (!err.authRefused) throw err;
    throw new RedisError(`${err.message} (also with the token fetched again from ${secretArn})`, { authRefused: true });
  }
}

function chunks(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// { counts: Map service -> { service, desired, running }, failures: Map service -> reason }. A call that throws, a service
// in `failures`, one missing from the answer or one deleted (INACTIVE) is a failure for that service only.
async function describeServices(ecs, cluster, services) {
  const counts = new Map();
  const failures = new Map();
  for (const batch of chunks(services, DESCRIBE_SERVICES_MAX)) {
    let result;
    try {
      result = (await ecs.describeServices({ cluster, services: batch })) || {};
    } catch (err) {
      for (const service of batch) failures.set(service, `DescribeServices failed: ${clip(err && err.message, 200)}`);
      continue;
    }
    const reasons = new Map();
    for (const f of result.failures || []) {
      reasons.set(String(f.arn || '').split('/').pop(), `${f.reason || 'failure'}${f.detail ? ` (${clip(f.detail, 100)})` : ''}`);
    }
    const found = new Map((result.services || []).map((s) => [s.serviceName, s]));
    for (const service of batch) {
      const s = found.get(service);
      if (!s) failures.set(service, reasons.get(service) || 'not returned by DescribeServices');
      else if (s.status === 'INACTIVE') failures.set(service, 'INACTIVE (deleted)');
      else if (!Number.isInteger(s.desiredCount)) failures.set(service, 'no desiredCount');
      else counts.set(service, { service, desired: s.desiredCount, running: s.runningCount });
    }
  }
  return { counts, failures };
}

// The services of named workers: every service of the cluster (ListServices, paged), described with their tags, kept
// where the worker tag names one of `names`. { counts: Map name -> { service, desired, running }, failures: Map name
// -> reason }: a call that throws fails every named worker; a name no live service carries fails that worker only.
async function findTaggedServices(ecs, cluster, names) {
  const counts = new Map();
  const failures = new Map();
  if (names.length === 0) return { counts, failures };
  const wanted = new Set(names);
  try {
    const arns = [];
    let nextToken;
    do {
      const page = (await ecs.listServices({ cluster, maxResults: LIST_SERVICES_MAX, nextToken })) || {};
      arns.push(...(page.serviceArns || []));
      nextToken = page.nextToken;
    } while (nextToken);
    for (const batch of chunks(arns, DESCRIBE_SERVICES_MAX)) {
      const result = (await ecs.describeServices({ cluster, services: batch, include: ['TAGS'] })) || {};
      for (const s of result.services || []) {
        const tag = (s.tags || []).find((t) => t.key === WORKER_TAG);
        if (!tag || !wanted.has(tag.value) || s.status === 'INACTIVE' || !Number.isInteger(s.desiredCount)) continue;
        counts.set(tag.value, { service: s.serviceName, desired: s.desiredCount, running: s.runningCount });
      }
    }
  } catch (err) {
    for (const name of names) failures.set(name, `finding its service failed: ${clip(err && err.message, 200)}`);
    return { counts: new Map(), failures };
  }
  for (const name of names) {
    if (!counts.has(name)) failures.set(name, `no active service of the cluster is tagged ${WORKER_TAG}=${clip(name, 100)}`);
  }
  return { counts, failures };
}

function round(n) {
  return Math.round(n * 100) / 100;
}

/**
 * One run: read the queues, describe the workers' services, publish. Every outside call is injected:
 *   secrets    { getSecretValue(input) }, ecs { listServices(input), describeServices(input) },
 *              cloudwatch { putMetricData(input) }
 *              taking SDK v3 inputs and resolving to SDK v3 outputs;
 *   readRedis  ({ host, port, db, token, keys, ca, connectTimeoutMs, timeoutMs }) -> lengths (readQueueLengths);
 *   cache      where the token is kept between runs; now: () -> Date; log: (line) -> void;
 *   ca, connectTimeoutMs, timeoutMs   passed to the Redis reader (tests).
 * Resolves with { timestamp, queues: { name: depth }, workers: [{ service, backlog, desired, running, perTask }],
 * datums }; rejects after logging one line when anything failed (see the top of this file for what is published then).
 */
async function publish({
  env = process.env,
  secrets,
  ecs,
  cloudwatch,
  readRedis = readQueueLengths,
  cache = moduleTokenCache,
  now = () => new Date(),
  log = (line) => console.log(line),
  ca,
  connectTimeoutMs,
  timeoutMs,
} = {}) {
  const config = readConfig(env);
  const queues = [...new Set(config.workers.flatMap((w) => w.queues))];
  const keys = queues.flatMap(queueKeys);
  const where = `${config.host}:${config.port}`;

  // 1. Redis. Nothing is published unless every length was read.
  let lengths;
  let timestamp;
  const used = [];
  try {
    lengths = await readWithToken(readRedis, {
      host: config.host, port: config.port, db: config.db, keys, ca, connectTimeoutMs, timeoutMs,
    }, { secrets, secretArn: config.secretArn, cache, used });
    timestamp = now();
  } catch (err) {
    const message = `queue-depth: could not read the Celery queues from Redis at ${where}: ` +
      `${clip(redact(err && err.message, used), 500)}; nothing was published`;
    log(message);
    throw new Error(message);
  }
  const depthByKey = new Map(keys.map((key, i) => [key, lengths[i]]));
  const depth = new Map(queues.map((q) => [q, queueKeys(q).reduce((sum, key) => sum + depthByKey.get(key), 0)]));

  // 2. ECS: the workers' services (named ones found by their tag) and desired task counts.
  const byService = await describeServices(ecs, config.cluster, config.workers.filter((w) => w.service).map((w) => w.service));
  const byName = await findTaggedServices(ecs, config.cluster, config.workers.filter((w) => w.name).map((w) => w.name));
  const countOf = (w) => (w.service ? byService.counts.get(w.service) : byName.counts.get(w.name));
  const failureOf = (w) => (w.service ? byService.failures.get(w.service) : byName.failures.get(w.name));

  // 3. CloudWatch.
  const datum = (name, dimensions, value) => ({
    MetricName: name,
    Dimensions: [{ Name: 'ClusterName', Value: config.cluster }, ...dimensions],
    Timestamp: timestamp,
    Value: value,
    Unit: 'Count',
    StorageResolution: 60,
  });
  const datums = queues.map((q) => datum('QueueDepth', [{ Name: 'QueueName', Value: q }], depth.get(q)));
  const workers = [];
  for (const worker of config.workers) {
    const count = countOf(worker);
    if (!count) continue;
    // A queue consumed by two workers is backlog for each of them: either may scale out to drain it.
    const backlog = worker.queues.reduce((sum, q) => sum + depth.get(q), 0);
    // With no task the backlog is all one (future) task's, so the metric stays finite and scaling from 0 has a signal.
    const perTask = backlog / Math.max(count.desired, 1);
    const service = [{ Name: 'ServiceName', Value: count.service }];
    datums.push(datum('BacklogPerTask', service, perTask));
    datums.push(datum('BacklogWithoutTasks', service, count.desired === 0 ? backlog : 0));
    workers.push({ label: worker.label, service: count.service, backlog, desired: count.desired, running: count.running, perTask });
  }
  for (const batch of chunks(datums, PUT_METRIC_DATA_MAX)) {
    try {
      await cloudwatch.putMetricData({ Namespace: config.namespace, MetricData: batch });
    } catch (err) {
      const message = `queue-depth: PutMetricData to ${config.namespace} failed: ${clip(err && err.message, 300)}`;
      log(message);
      throw new Error(message);
    }
  }

  // 4. One line for the run; ECS failures fail the invocation once the true datums are out.
  const failed = config.workers.filter((w) => failureOf(w) !== undefined);
  const summary = `queue-depth: ${queues.map((q) => `${q}=${depth.get(q)}`).join(' ')}; worker backlog/task: ` +
    [
      ...workers.map((w) => `${w.label}=${round(w.perTask)} (backlog ${w.backlog}, desired ${w.desired}, running ${w.running ?? '?'})`),
      ...failed.map((w) => `${w.label}=not published (${clip(failureOf(w), 120)})`),
    ].join(' ');
  log(summary);
  if (failed.length > 0) {
    throw new Error(`queue-depth: ECS could not describe ${failed.length} worker service(s) in cluster ${config.cluster}: ` +
      `${failed.map((w) => `${w.label}: ${clip(failureOf(w), 200)}`).join('; ')}; ` +
      'their BacklogPerTask and BacklogWithoutTasks were not published (QueueDepth was)');
  }
  return { timestamp, queues: Object.fromEntries(depth), workers, datums: datums.length };
}

// ------------------------------------------------------------------------------------------- Lambda entry point

// Thin adapters around the SDK v3 clients, in the same shape as the fakes of the tests. Each package is required
// on first use, so this module loads (and its tests run) without @aws-sdk installed; clients live as long as the
// execution environment.
function sdkClient(pkg, clientName, operations) {
  let sdk;
  let client;
  const adapter = {};
  for (const operation of operations) {
    adapter[operation[0].toLowerCase() + operation.slice(1)] = (input) => {
      sdk = sdk || require(pkg);
      client = client || new sdk[clientName]({});
      return client.send(new sdk[`${operation}Command`](input));
    };
  }
  return adapter;
}

const awsClients = {
  secrets: sdkClient('@aws-sdk/client-secrets-manager', 'SecretsManagerClient', ['GetSecretValue']),
  ecs: sdkClient('@aws-sdk/client-ecs', 'ECSClient', ['ListServices', 'DescribeServices']),
  cloudwatch: sdkClient('@aws-sdk/client-cloudwatch', 'CloudWatchClient', ['PutMetricData']),
};

// index.handler: the scheduled event carries nothing we need.
exports.handler = async () => {
  await publish({ ...awsClients, env: process.env });
};
exports.publish = publish;
exports.readConfig = readConfig;
exports.parseWorkers = parseWorkers;
exports.queueKeys = queueKeys;
exports.readQueueLengths = readQueueLengths;
exports.sendCommands = sendCommands;
exports.encodeCommand = encodeCommand;
exports.RespParser = RespParser;
exports.RedisErrorReply = RedisErrorReply;
exports.RedisError = RedisError;
exports.awsClients = awsClients;
exports.PRIORITY_STEPS = PRIORITY_STEPS;
exports.WORKER_TAG = WORKER_TAG;
exports.DEFAULT_NAMESPACE = DEFAULT_NAMESPACE;
