'use strict';
// Tests for the Celery queue-depth publisher (src/DjangoCdk/Ecs/QueueDepth/handler/index.js): against fakes of
// Secrets Manager, ECS, CloudWatch and the Redis reader, then against a real TLS redis-server the tests start
// themselves (support/redis-tls-server.js; needs redis-server and openssl on PATH).
// Run with: node --test tests/handlers/
const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const Module = require('node:module');
const net = require('node:net');
const path = require('node:path');
const tls = require('node:tls');

const handlerPath = path.join(__dirname, '../../src/DjangoCdk/Ecs/QueueDepth/handler/index.js');
const publisher = require(handlerPath);
const { startRedisServer, freePort } = require('./support/redis-tls-server');

const { RedisError, RespParser, encodeCommand, queueKeys, WORKER_TAG } = publisher;

// Obviously fake values: nothing here is a real token or account.
const FAKE_TOKEN = 'fake-auth-token-not-a-secret-0001';
const ROTATED_TOKEN = 'fake-auth-token-not-a-secret-0002';
const HOST = 'master.app-cache.abc123.euw1.cache.amazonaws.com';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-redis-auth-AbCdEf';
const CLUSTER = 'app-Cluster-1a2b3c';
const T0 = new Date('2024-05-01T12:00:00.000Z');
const SEP = '\x06\x16';

function env(workers = [{ service: 'app-Worker', queues: ['celery'] }], overrides = {}) {
  return {
    REDIS_HOST: HOST,
    REDIS_PORT: '6379',
    REDIS_AUTH_SECRET_ARN: SECRET_ARN,
    CLUSTER_NAME: CLUSTER,
    WORKERS: JSON.stringify(workers),
    ...overrides,
  };
}

// Fakes with the same seams as the real-SDK adapters: SDK v3 inputs in, SDK v3 outputs out; every call recorded.
//   desired: service -> desiredCount (1 when not listed); missing: services ECS reports as MISSING;
//   describeError(input): an Error to throw for that DescribeServices call; tokens: what the secret returns, in turn;
//   tagged: worker name -> service name, services ListServices returns and DescribeServices tags with the worker tag;
//   others: services of the cluster with no worker tag; listError: an Error ListServices throws.
function fakeAws({ desired = {}, missing = [], describeError, putError, tokens = [FAKE_TOKEN], tagged = {}, others = [], listError } = {}) {
  const calls = { secrets: [], ecs: [], list: [], cloudwatch: [] };
  const arn = (name) => `arn:aws:ecs:eu-west-1:123456789012:service/${CLUSTER}/${name}`;
  const workerOf = new Map(Object.entries(tagged).map(([worker, service]) => [service, worker]));
  const all = [...others, ...Object.values(tagged)]; // the tagged services last: finding them takes every page
  return {
    calls,
    secrets: {
      getSecretValue: async (input) => {
        calls.secrets.push(input);
        return { ARN: SECRET_ARN, SecretString: tokens[Math.min(calls.secrets.length, tokens.length) - 1] };
      },
    },
    ecs: {
      // Pages of input.maxResults ARNs; nextToken is the index of the next one.
      listServices: async (input) => {
        calls.list.push(input);
        if (listError) throw listError;
        const start = Number(input.nextToken || 0);
        const end = start + input.maxResults;
        return { serviceArns: all.slice(start, end).map(arn), nextToken: end < all.length ? String(end) : undefined };
      },
      describeServices: async (input) => {
        calls.ecs.push(input);
        const err = describeError && describeError(input);
        if (err) throw err;
        const name = (s) => String(s).split('/').pop();
        return {
          services: input.services.map(name).filter((s) => !missing.includes(s)).map((s) => ({
            serviceName: s, serviceArn: arn(s), status: 'ACTIVE', desiredCount: desired[s] ?? 1, runningCount: desired[s] ?? 1,
            ...(input.include && input.include.includes('TAGS')
              ? { tags: workerOf.has(s) ? [{ key: 'app', value: 'blog' }, { key: WORKER_TAG, value: workerOf.get(s) }] : [] }
              : {}),
          })),
          failures: input.services.filter((s) => missing.includes(s)).map((s) => ({ arn: arn(s), reason: 'MISSING' })),
        };
      },
    },
    cloudwatch: {
      putMetricData: async (input) => {
        calls.cloudwatch.push(input);
        if (putError) throw putError;
        return {};
      },
    },
  };
}

// A Redis reader that answers LLEN from `lengths` (0 for any other key) for the tokens it accepts.
function fakeRedis(lengths = {}, { accept = [FAKE_TOKEN], error } = {}) {
  const read = async (request) => {
    read.calls.push(request);
    if (error) throw error;
    if (!accept.includes(request.token)) {
      throw new RedisError('AUTH was refused: WRONGPASS invalid username-password pair or user is disabled.', { authRefused: true });
    }
    return request.keys.map((key) => lengths[key] ?? 0);
  };
  read.calls = [];
  return read;
}

let logged;
beforeEach(() => {
  logged = [];
});

function run(aws, readRedis, { environment = env(), cache = {}, ...rest } = {}) {
  return publisher.publish({
    env: environment, ...aws, readRedis, cache, now: () => T0, log: (line) => logged.push(line), ...rest,
  });
}

function datums(aws) {
  return aws.calls.cloudwatch.flatMap((call) => call.MetricData);
}

// The value of the one datum of `metric` whose non-cluster dimension has `value`.
function valueOf(aws, metric, value) {
  const found = datums(aws).filter((d) => d.MetricName === metric && d.Dimensions.some((x) => x.Name !== 'ClusterName' && x.Value === value));
  assert.equal(found.length, 1, `expected one ${metric} datum for ${value}, found ${found.length}`);
  return found[0].Value;
}

// ---------------------------------------------------------------- kombu's key layout and the RESP client

test("queueKeys names the queue itself and the \\x06\\x16 lists of kombu's priority steps 3, 6 and 9", () => {
  // Given kombu's default priority steps / When the keys of "celery" are named
  // Then they are the list for priority 0 and one list per other step
  assert.deepEqual(queueKeys('celery'), ['celery', `celery${SEP}3`, `celery${SEP}6`, `celery${SEP}9`]);
});

test('encodeCommand writes a RESP array of bulk strings whose lengths count bytes, not characters', () => {
  // Given a command with a priority key and a non-ASCII key / When it is encoded
  const bytes = encodeCommand(['LLEN', `celery${SEP}3`]).toString('latin1');
  const utf8 = encodeCommand(['LLEN', 'é']);
  // Then each argument is a bulk string with its byte length
  assert.equal(bytes, `*2\r\n$4\r\nLLEN\r\n$9\r\ncelery${SEP}3\r\n`);
  assert.deepEqual(utf8, Buffer.from('*2\r\n$4\r\nLLEN\r\n$2\r\né\r\n', 'utf8'));
});

test('RespParser completes replies that arrive split across chunks, even one byte at a time', () => {
  // Given the replies to AUTH and two LLENs, fed one byte at a time
  const parser = new RespParser();
  const bytes = Buffer.from('+OK\r\n:12\r\n:0\r\n');
  const replies = [];
  // When each byte is pushed
  for (let i = 0; i < bytes.length; i += 1) replies.push(...parser.push(bytes.subarray(i, i + 1)));
  // Then each reply comes out once, complete
  assert.deepEqual(replies, ['OK', 12, 0]);
});

test('RespParser returns every reply of a chunk that holds several, and keeps a partial one for the next chunk', () => {
  // Given one chunk with two whole replies and the start of a third
  const parser = new RespParser();
  // When it is pushed, then the rest
  const first = parser.push(Buffer.from('+OK\r\n:3\r\n:4'));
  const second = parser.push(Buffer.from('2\r\n'));
  // Then the whole replies come out at once and the third when it is complete
  assert.deepEqual(first, ['OK', 3]);
  assert.deepEqual(second, [42]);
});

test('RespParser reads integers, simple strings, errors, bulk strings, nulls and nested arrays', () => {
  // Given one of each RESP2 type / When they are parsed
  const replies = new RespParser().push(Buffer.from(
    ':-7\r\n+PONG\r\n-WRONGPASS invalid username-password pair\r\n$5\r\nhe\r\no\r\n$-1\r\n*2\r\n:1\r\n*1\r\n$0\r\n\r\n*-1\r\n'));
  // Then each has its value (a bulk string may contain CRLF), the error as a value, not an exception
  assert.equal(replies.length, 7);
  assert.deepEqual(replies.slice(0, 2), [-7, 'PONG']);
  assert.ok(replies[2] instanceof publisher.RedisErrorReply);
  assert.equal(replies[2].message, 'WRONGPASS invalid username-password pair');
  assert.deepEqual(replies.slice(3), ['he\r\no', null, [1, ['']], null]);
});

test('RespParser rejects bytes that are not RESP2', () => {
  // Given an HTTP answer where a Redis reply was expected / When it is parsed / Then it throws a RedisError
  assert.throws(() => new RespParser().push(Buffer.from('HTTP/1.1 400 Bad Request\r\n')), (err) =>
    err instanceof RedisError && /not RESP2: unexpected type byte 0x48/.test(err.message));
});

test('a server that accepts TCP but never answers the TLS handshake times out at the connect timeout', async (t) => {
  // Given a TCP listener that never speaks TLS
  const sockets = [];
  const server = net.createServer((socket) => sockets.push(socket));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    sockets.forEach((s) => s.destroy());
    server.close();
  });
  // When lengths are read with a 200 ms connect timeout
  const read = publisher.readQueueLengths({
    host: '127.0.0.1', port: server.address().port, token: FAKE_TOKEN, keys: ['celery'], connectTimeoutMs: 200, timeoutMs: 2000,
  });
  // Then it fails after the connect timeout, saying where it stopped
  await assert.rejects(read, /^Error: timed out after 200 ms in the TLS handshake$/);
});

// ---------------------------------------------------------------- configuration

const MALFORMED_WORKERS = [
  ['not JSON', '[{service:'],
  ['not an array', '{"service":"app-Worker","queues":["celery"]}'],
  ['an empty array', '[]'],
  ['an item that is not an object', '["app-Worker"]'],
  ['an item without a name or a service', '[{"queues":["celery"]}]'],
  ['an item with both a name and a service', '[{"name":"worker","service":"app-Worker","queues":["celery"]}]'],
  ['an item without queues', '[{"service":"app-Worker"}]'],
  ['an item with an empty queue list', '[{"service":"app-Worker","queues":[]}]'],
  ['an item with a queue that is not a string', '[{"service":"app-Worker","queues":[7]}]'],
  ['a service listed twice', '[{"service":"a","queues":["x"]},{"service":"a","queues":["y"]}]'],
  ['a worker name listed twice', '[{"name":"a","queues":["x"]},{"name":"a","queues":["y"]}]'],
];
for (const [what, value] of MALFORMED_WORKERS) {
  test(`WORKERS that is ${what} fails with an error naming WORKERS before anything is called`, async () => {
    // Given a malformed WORKERS
    const aws = fakeAws();
    const readRedis = fakeRedis();
    // When a run starts / Then it throws a clear error naming WORKERS and the expected shape, having called nothing
    await assert.rejects(run(aws, readRedis, { environment: { ...env(), WORKERS: value } }), (err) => {
      assert.match(err.message, /^queue-depth: WORKERS is malformed: /);
      assert.match(err.message, /Expected a JSON array .*"name":"worker","queues":\["celery","emails"\]/);
      return true;
    });
    assert.equal(readRedis.calls.length + aws.calls.secrets.length + aws.calls.ecs.length + aws.calls.cloudwatch.length, 0);
  });
}

const BAD_SETTINGS = [
  ['REDIS_HOST', undefined, /REDIS_HOST is not set/],
  ['REDIS_PORT', '63a79', /REDIS_PORT must be a whole number from 1 to 65535; received "63a79"/],
  ['REDIS_PORT', '0', /REDIS_PORT must be a whole number from 1 to 65535/],
  ['REDIS_DB', '-1', /REDIS_DB must be a whole number from 0/],
  ['REDIS_AUTH_SECRET_ARN', '', /REDIS_AUTH_SECRET_ARN is not set/],
  ['CLUSTER_NAME', undefined, /CLUSTER_NAME is not set/],
  ['METRIC_NAMESPACE', 'AWS/ECS', /METRIC_NAMESPACE must not start with "AWS\/"/],
];
for (const [name, value, expected] of BAD_SETTINGS) {
  test(`${name}=${JSON.stringify(value)} is rejected with an error naming ${name}`, () => {
    // Given the contract with one setting missing or out of range
    const environment = { ...env(), [name]: value };
    if (value === undefined) delete environment[name];
    // When it is read / Then the error names the setting
    assert.throws(() => publisher.readConfig(environment), expected);
  });
}

test('REDIS_DB defaults to 0 and METRIC_NAMESPACE to DjangoCdk/Celery', () => {
  // Given the contract without the optional settings / When it is read
  const config = publisher.readConfig(env());
  // Then the defaults apply
  assert.equal(config.db, 0);
  assert.equal(config.namespace, 'DjangoCdk/Celery');
  assert.equal(config.port, 6379);
});

// ---------------------------------------------------------------- what is read and published

test('QueueDepth of a queue is the sum of its own list and its priority lists', async () => {
  // Given messages in "celery" at priority 0, 3 and 9
  const aws = fakeAws();
  const readRedis = fakeRedis({ celery: 4, [`celery${SEP}3`]: 2, [`celery${SEP}9`]: 1 });
  // When a run publishes
  await run(aws, readRedis);
  // Then QueueDepth for celery counts all seven
  assert.equal(valueOf(aws, 'QueueDepth', 'celery'), 7);
});

test('an empty queue and a queue that does not exist are both published as 0', async () => {
  // Given a worker on three queues, one with messages; "emails" exists but is empty, "reports" does not exist
  // (both read as LLEN 0: Redis deletes an empty list)
  const aws = fakeAws();
  const readRedis = fakeRedis({ celery: 1 });
  const environment = env([{ service: 'app-Worker', queues: ['celery', 'emails', 'reports'] }]);
  // When a run publishes
  await run(aws, readRedis, { environment });
  // Then the empty queues have a QueueDepth datum of 0, not none
  assert.equal(valueOf(aws, 'QueueDepth', 'emails'), 0);
  assert.equal(valueOf(aws, 'QueueDepth', 'reports'), 0);
  assert.equal(valueOf(aws, 'QueueDepth', 'celery'), 1);
});

test('Redis is read once, for every key of every distinct queue, at the configured host, port and database', async () => {
  // Given two workers sharing "celery", and REDIS_DB 2
  const aws = fakeAws();
  const readRedis = fakeRedis();
  const environment = env([{ service: 'a', queues: ['celery', 'emails'] }, { service: 'b', queues: ['celery'] }], { REDIS_DB: '2' });
  // When a run publishes
  await run(aws, readRedis, { environment });
  // Then one read asks for each queue's four keys once, with the token from the secret
  assert.equal(readRedis.calls.length, 1);
  const { host, port, db, token, keys } = readRedis.calls[0];
  assert.deepEqual({ host, port, db, token }, { host: HOST, port: 6379, db: 2, token: FAKE_TOKEN });
  assert.deepEqual(keys, [...queueKeys('celery'), ...queueKeys('emails')]);
  assert.deepEqual(aws.calls.secrets, [{ SecretId: SECRET_ARN }]);
});

test("BacklogPerTask is a worker's backlog divided by its desired tasks", async () => {
  // Given 12 messages, consumed by a worker with 1 desired task and another with 3
  const aws = fakeAws({ desired: { one: 1, three: 3 } });
  const readRedis = fakeRedis({ celery: 12 });
  const environment = env([{ service: 'one', queues: ['celery'] }, { service: 'three', queues: ['celery'] }]);
  // When a run publishes
  await run(aws, readRedis, { environment });
  // Then each worker's backlog per task is 12 / desired
  assert.equal(valueOf(aws, 'BacklogPerTask', 'one'), 12);
  assert.equal(valueOf(aws, 'BacklogPerTask', 'three'), 4);
});

test('BacklogPerTask of a worker with 0 desired tasks is its whole backlog (no task counts as one)', async () => {
  // Given 5 messages and a worker scaled to zero
  const aws = fakeAws({ desired: { 'app-Worker': 0 } });
  // When a run publishes
  await run(aws, fakeRedis({ celery: 5 }));
  // Then the metric stays finite: the whole backlog
  assert.equal(valueOf(aws, 'BacklogPerTask', 'app-Worker'), 5);
});

test('BacklogWithoutTasks is the backlog of a worker with 0 desired tasks, and 0 for a worker with tasks', async () => {
  // Given 5 messages, a worker at zero tasks and one with 2
  const aws = fakeAws({ desired: { idle: 0, busy: 2 } });
  const environment = env([{ service: 'idle', queues: ['celery'] }, { service: 'busy', queues: ['celery'] }]);
  // When a run publishes
  await run(aws, fakeRedis({ celery: 5 }), { environment });
  // Then only the worker without tasks reports its backlog there
  assert.equal(valueOf(aws, 'BacklogWithoutTasks', 'idle'), 5);
  assert.equal(valueOf(aws, 'BacklogWithoutTasks', 'busy'), 0);
});

test("a worker's backlog is the sum of its queues' depths, priority lists included", async () => {
  // Given a worker on celery (3 + 1 at priority 6) and emails (2), desired 2
  const aws = fakeAws({ desired: { 'app-Worker': 2 } });
  const readRedis = fakeRedis({ celery: 3, [`celery${SEP}6`]: 1, emails: 2 });
  const environment = env([{ service: 'app-Worker', queues: ['celery', 'emails'] }]);
  // When a run publishes
  await run(aws, readRedis, { environment });
  // Then its backlog per task is (4 + 2) / 2
  assert.equal(valueOf(aws, 'BacklogPerTask', 'app-Worker'), 3);
});

test('every datum has the cluster dimension, unit Count, 60 s resolution and the time Redis was read, in DjangoCdk/Celery', async () => {
  // Given one worker on one queue
  const aws = fakeAws();
  // When a run publishes
  await run(aws, fakeRedis({ celery: 2 }));
  // Then one request carries exactly these three datums
  assert.equal(aws.calls.cloudwatch.length, 1);
  assert.equal(aws.calls.cloudwatch[0].Namespace, 'DjangoCdk/Celery');
  const common = { Timestamp: T0, Unit: 'Count', StorageResolution: 60 };
  const cluster = { Name: 'ClusterName', Value: CLUSTER };
  assert.deepEqual(aws.calls.cloudwatch[0].MetricData, [
    { MetricName: 'QueueDepth', Dimensions: [cluster, { Name: 'QueueName', Value: 'celery' }], Value: 2, ...common },
    { MetricName: 'BacklogPerTask', Dimensions: [cluster, { Name: 'ServiceName', Value: 'app-Worker' }], Value: 2, ...common },
    { MetricName: 'BacklogWithoutTasks', Dimensions: [cluster, { Name: 'ServiceName', Value: 'app-Worker' }], Value: 0, ...common },
  ]);
});

test('METRIC_NAMESPACE replaces the namespace', async () => {
  // Given a custom namespace
  const aws = fakeAws();
  // When a run publishes
  await run(aws, fakeRedis(), { environment: env(undefined, { METRIC_NAMESPACE: 'Shop/Celery' }) });
  // Then the datums go there
  assert.deepEqual(aws.calls.cloudwatch.map((c) => c.Namespace), ['Shop/Celery']);
});

test('DescribeServices is asked about at most 10 services per call, in the cluster of CLUSTER_NAME', async () => {
  // Given 23 workers
  const workers = Array.from({ length: 23 }, (_, i) => ({ service: `worker-${i}`, queues: ['celery'] }));
  const aws = fakeAws();
  // When a run publishes
  await run(aws, fakeRedis(), { environment: env(workers) });
  // Then three calls cover the 23 services once each, and every worker got its datums
  assert.deepEqual(aws.calls.ecs.map((c) => c.services.length), [10, 10, 3]);
  assert.ok(aws.calls.ecs.every((c) => c.cluster === CLUSTER));
  assert.deepEqual(aws.calls.ecs.flatMap((c) => c.services), workers.map((w) => w.service));
  assert.equal(datums(aws).filter((d) => d.MetricName === 'BacklogPerTask').length, 23);
});

test('PutMetricData is sent in requests of at most 1000 datums', async () => {
  // Given 600 workers, each on its own queue: 600 QueueDepth + 1200 worker datums
  const workers = Array.from({ length: 600 }, (_, i) => ({ service: `worker-${i}`, queues: [`queue-${i}`] }));
  const aws = fakeAws();
  // When a run publishes
  await run(aws, fakeRedis(), { environment: env(workers) });
  // Then two requests carry all 1800
  assert.deepEqual(aws.calls.cloudwatch.map((c) => c.MetricData.length), [1000, 800]);
});

test("one summary line gives each queue's depth and each worker's backlog per task", async () => {
  // Given two queues and a worker with 2 tasks
  const aws = fakeAws({ desired: { 'app-Worker': 2 } });
  const environment = env([{ service: 'app-Worker', queues: ['celery', 'emails'] }]);
  // When a run publishes
  const result = await run(aws, fakeRedis({ celery: 12 }), { environment });
  // Then one line says what was published, and the result carries the same numbers
  assert.deepEqual(logged, ['queue-depth: celery=12 emails=0; worker backlog/task: app-Worker=6 (backlog 12, desired 2, running 2)']);
  assert.deepEqual(result.queues, { celery: 12, emails: 0 });
});

// ---------------------------------------------------------------- failures

test('a Redis failure publishes nothing, asks ECS nothing, and throws naming host:port but not the token', async () => {
  // Given a Redis reader that fails with a message echoing the token
  const aws = fakeAws();
  const readRedis = fakeRedis({}, { error: new RedisError(`connection error: unexpected "${FAKE_TOKEN}"`) });
  // When a run starts
  const running = run(aws, readRedis);
  // Then it throws with the endpoint and the reason, never the token, and nothing reached ECS or CloudWatch
  await assert.rejects(running, (err) => {
    assert.match(err.message, new RegExp(`^queue-depth: could not read the Celery queues from Redis at ${HOST}:6379: connection error`));
    assert.match(err.message, /nothing was published$/);
    assert.doesNotMatch(err.message, new RegExp(FAKE_TOKEN));
    return true;
  });
  assert.equal(aws.calls.cloudwatch.length, 0);
  assert.equal(aws.calls.ecs.length, 0);
});

test('a Redis failure is logged as one line with host:port and the reason, without the token or the environment', async () => {
  // Given a Redis reader that times out
  const readRedis = fakeRedis({}, { error: new RedisError('timed out after 5000 ms with 0 of 2 replies') });
  // When a run fails
  await assert.rejects(run(fakeAws(), readRedis));
  // Then exactly one line names the endpoint and reason, and nothing of the secret or the other settings
  assert.equal(logged.length, 1);
  assert.match(logged[0], new RegExp(`Redis at ${HOST}:6379: timed out after 5000 ms`));
  for (const hidden of [FAKE_TOKEN, SECRET_ARN, 'WORKERS', CLUSTER]) assert.ok(!logged[0].includes(hidden), `log line shows ${hidden}`);
});

test('a worker whose service ECS reports missing gets no datum, QueueDepth is still published, and the run then fails', async () => {
  // Given two workers, one of whose services ECS does not know
  const aws = fakeAws({ missing: ['gone'] });
  const environment = env([{ service: 'gone', queues: ['celery'] }, { service: 'here', queues: ['emails'] }]);
  // When a run publishes
  const running = run(aws, fakeRedis({ celery: 3, emails: 1 }), { environment });
  // Then the error names the service and the reason, after the true datums were published
  await assert.rejects(running, /ECS could not describe 1 worker service\(s\) in cluster app-Cluster-1a2b3c: gone: MISSING; .*QueueDepth was/);
  assert.equal(valueOf(aws, 'QueueDepth', 'celery'), 3);
  assert.equal(valueOf(aws, 'QueueDepth', 'emails'), 1);
  assert.equal(valueOf(aws, 'BacklogPerTask', 'here'), 1);
  assert.equal(datums(aws).filter((d) => d.Dimensions.some((x) => x.Value === 'gone')).length, 0);
});

test('a named worker is published under the service of the cluster that carries its tag', async () => {
  // Given a worker named "default" whose service (a CloudFormation-generated name) is tagged with it, among others
  const aws = fakeAws({ tagged: { default: 'blog-DjangoWorkerService1A2B-xYz' }, others: ['blog-DjangoWebService3C4D-aBc'], desired: { 'blog-DjangoWorkerService1A2B-xYz': 2 } });
  const environment = env([{ name: 'default', queues: ['celery'] }]);
  // When a run publishes
  await run(aws, fakeRedis({ celery: 8 }), { environment });
  // Then ListServices and DescribeServices (with tags) found it, and its datums carry the service's name
  assert.equal(WORKER_TAG, 'djangocdk:celery-worker');
  assert.deepEqual(aws.calls.list, [{ cluster: CLUSTER, maxResults: 100, nextToken: undefined }]);
  assert.deepEqual(aws.calls.ecs.map((c) => c.include), [['TAGS']]);
  assert.equal(valueOf(aws, 'BacklogPerTask', 'blog-DjangoWorkerService1A2B-xYz'), 4);
  assert.equal(datums(aws).filter((d) => d.Dimensions.some((x) => x.Value === 'blog-DjangoWebService3C4D-aBc')).length, 0);
});

test('every page of ListServices is read to find named workers', async () => {
  // Given 150 untagged services listed before the tagged one (two pages of 100)
  const others = Array.from({ length: 150 }, (_, i) => `other-${i}`);
  const aws = fakeAws({ tagged: { reports: 'blog-Reports-1' }, others });
  // When a run publishes
  await run(aws, fakeRedis({ reports: 3 }), { environment: env([{ name: 'reports', queues: ['reports'] }]) });
  // Then both pages were read and every listed service described in calls of at most 10
  assert.deepEqual(aws.calls.list.map((c) => c.nextToken), [undefined, '100']);
  assert.ok(aws.calls.ecs.every((c) => c.services.length <= 10));
  assert.equal(aws.calls.ecs.flatMap((c) => c.services).length, 151);
  assert.equal(valueOf(aws, 'BacklogPerTask', 'blog-Reports-1'), 3);
});

test('a named worker no service carries gets no datum, QueueDepth is still published, and the run fails naming the tag', async () => {
  // Given two named workers, one without a tagged service
  const aws = fakeAws({ tagged: { here: 'blog-Here-1' } });
  const environment = env([{ name: 'gone', queues: ['celery'] }, { name: 'here', queues: ['emails'] }]);
  // When a run publishes / Then the error names the worker and the tag it looked for
  await assert.rejects(run(aws, fakeRedis({ celery: 3, emails: 1 }), { environment }),
    /ECS could not describe 1 worker service\(s\) in cluster app-Cluster-1a2b3c: gone: no active service of the cluster is tagged djangocdk:celery-worker=gone/);
  assert.equal(valueOf(aws, 'QueueDepth', 'celery'), 3);
  assert.equal(valueOf(aws, 'BacklogPerTask', 'blog-Here-1'), 1);
});

test('ListServices failing leaves out every named worker, and the run fails after publishing QueueDepth', async () => {
  // Given ECS refusing ListServices
  const aws = fakeAws({ tagged: { default: 'blog-Worker-1' }, listError: Object.assign(new Error('User is not authorized to perform: ecs:ListServices'), { name: 'AccessDeniedException' }) });
  // When a run publishes / Then the error says finding the service failed, and only QueueDepth went out
  await assert.rejects(run(aws, fakeRedis({ celery: 2 }), { environment: env([{ name: 'default', queues: ['celery'] }]) }),
    /default: finding its service failed: User is not authorized to perform: ecs:ListServices/);
  assert.deepEqual(datums(aws).map((d) => d.MetricName), ['QueueDepth']);
});

test('a DescribeServices call that throws leaves out the workers of that call only, then fails the run', async () => {
  // Given 12 workers and ECS throttling the second call (workers 10 and 11)
  const workers = Array.from({ length: 12 }, (_, i) => ({ service: `worker-${i}`, queues: ['celery'] }));
  const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
  const aws = fakeAws({ describeError: (input) => (input.services.includes('worker-10') ? throttled : undefined) });
  // When a run publishes
  await assert.rejects(run(aws, fakeRedis({ celery: 2 }), { environment: env(workers) }), /worker-10: DescribeServices failed: Rate exceeded; worker-11/);
  // Then QueueDepth and the first ten workers' datums were published, not the last two's
  assert.equal(valueOf(aws, 'QueueDepth', 'celery'), 2);
  const services = new Set(datums(aws).filter((d) => d.MetricName === 'BacklogPerTask').map((d) => d.Dimensions[1].Value));
  assert.deepEqual([...services], workers.slice(0, 10).map((w) => w.service));
});

test('PutMetricData failing fails the run', async () => {
  // Given CloudWatch refusing the request
  const aws = fakeAws({ putError: new Error('AccessDenied: not authorized to perform cloudwatch:PutMetricData') });
  // When a run publishes / Then it throws with the namespace and the reason
  await assert.rejects(run(aws, fakeRedis()), /PutMetricData to DjangoCdk\/Celery failed: AccessDenied/);
});

test('after WRONGPASS the secret is fetched once more and the read retried once with the new token', async () => {
  // Given a cached token that Redis no longer accepts, and a secret already rotated
  const aws = fakeAws({ tokens: [ROTATED_TOKEN] });
  const readRedis = fakeRedis({ celery: 1 }, { accept: [ROTATED_TOKEN] });
  const cache = { token: FAKE_TOKEN };
  // When a run publishes
  await run(aws, readRedis, { cache });
  // Then the old token was tried, the secret fetched once, the new token used and kept
  assert.deepEqual(readRedis.calls.map((c) => c.token), [FAKE_TOKEN, ROTATED_TOKEN]);
  assert.equal(aws.calls.secrets.length, 1);
  assert.equal(cache.token, ROTATED_TOKEN);
  assert.equal(valueOf(aws, 'QueueDepth', 'celery'), 1);
});

test('the token is kept between runs: a second run fetches no secret', async () => {
  // Given one cache shared by two runs
  const aws = fakeAws();
  const cache = {};
  // When two runs publish
  await run(aws, fakeRedis(), { cache });
  await run(aws, fakeRedis(), { cache });
  // Then the secret was read once
  assert.equal(aws.calls.secrets.length, 1);
});

test('AUTH refused twice publishes nothing, and the next run fetches the token again', async () => {
  // Given a secret whose token Redis refuses
  const aws = fakeAws();
  const readRedis = fakeRedis({}, { accept: [] });
  const cache = {};
  // When a run starts
  await assert.rejects(run(aws, readRedis, { cache }), (err) => {
    // Then it fails saying AUTH was refused with both tokens, without showing them
    assert.match(err.message, /AUTH was refused: WRONGPASS .* \(also with the token fetched again from arn:aws:secretsmanager:/);
    assert.doesNotMatch(err.message, new RegExp(FAKE_TOKEN));
    return true;
  });
  // And it tried exactly twice, published nothing, and left no token cached
  assert.equal(readRedis.calls.length, 2);
  assert.equal(aws.calls.secrets.length, 2);
  assert.equal(aws.calls.cloudwatch.length, 0);
  assert.equal(cache.token, undefined);
});

test('a Redis error other than a refused token is not retried', async () => {
  // Given a reader that fails with a LLEN error (a key of another type)
  const aws = fakeAws();
  const readRedis = fakeRedis({}, { error: new RedisError('LLEN celery failed: WRONGTYPE Operation against a key holding the wrong kind of value') });
  // When a run starts / Then it fails at once, with one read and one secret fetch
  await assert.rejects(run(aws, readRedis), /LLEN celery failed: WRONGTYPE/);
  assert.equal(readRedis.calls.length, 1);
  assert.equal(aws.calls.secrets.length, 1);
});

test('a secret without SecretString fails naming the secret and publishes nothing', async () => {
  // Given a secret stored as binary
  const aws = fakeAws({ tokens: [undefined] });
  // When a run starts / Then it fails naming the secret
  await assert.rejects(run(aws, fakeRedis()), new RegExp(`secret ${SECRET_ARN} has no SecretString`));
  assert.equal(aws.calls.cloudwatch.length, 0);
});

// ---------------------------------------------------------------- Lambda entry point and SDK adapters

// Replaces the three SDK packages by stand-ins recording the commands sent; returns the records and a restore.
function stubSdk(outputs) {
  const sent = [];
  const command = (type) => class { constructor(input) { this.type = type; this.input = input; } };
  const client = (pkg) => class { async send(cmd) { sent.push({ pkg, type: cmd.type, input: cmd.input }); return outputs[cmd.type] || {}; } };
  const packages = {
    '@aws-sdk/client-secrets-manager': { SecretsManagerClient: client('secrets-manager'), GetSecretValueCommand: command('GetSecretValue') },
    '@aws-sdk/client-ecs': { ECSClient: client('ecs'), DescribeServicesCommand: command('DescribeServices') },
    '@aws-sdk/client-cloudwatch': { CloudWatchClient: client('cloudwatch'), PutMetricDataCommand: command('PutMetricData') },
  };
  const originalLoad = Module._load;
  Module._load = function load(request, ...rest) {
    return packages[request] || originalLoad.call(this, request, ...rest);
  };
  return { sent, restore: () => { Module._load = originalLoad; } };
}

// A fresh copy of the handler module: its adapters keep the SDK clients they made (as they should in Lambda),
// so each test that stubs the SDK loads its own copy, with its own clients and token cache.
function freshPublisher() {
  const resolved = require.resolve(handlerPath);
  delete require.cache[resolved];
  const fresh = require(handlerPath);
  delete require.cache[resolved];
  return fresh;
}

test('the SDK adapters send GetSecretValue, DescribeServices and PutMetricData through their v3 clients', async (t) => {
  // Given stand-ins for the three SDK packages (loaded lazily by the adapters)
  const sdk = stubSdk({ DescribeServices: { services: [] } });
  t.after(sdk.restore);
  const { awsClients } = freshPublisher();
  // When each adapter is called
  await awsClients.secrets.getSecretValue({ SecretId: SECRET_ARN });
  const described = await awsClients.ecs.describeServices({ cluster: CLUSTER, services: ['a'] });
  await awsClients.cloudwatch.putMetricData({ Namespace: 'DjangoCdk/Celery', MetricData: [] });
  // Then one command of each went to its package's client, with the input unchanged
  assert.deepEqual(sdk.sent.map((s) => `${s.pkg}:${s.type}`), ['secrets-manager:GetSecretValue', 'ecs:DescribeServices', 'cloudwatch:PutMetricData']);
  assert.deepEqual(sdk.sent[1].input, { cluster: CLUSTER, services: ['a'] });
  assert.deepEqual(described, { services: [] });
});

test('index.handler reads the environment, fetches the token and fails naming host:port when Redis is unreachable', async (t) => {
  // Given the Lambda environment pointing at a loopback port nothing listens on, and SDK stand-ins
  const sdk = stubSdk({ GetSecretValue: { SecretString: FAKE_TOKEN } });
  const port = await freePort();
  const saved = { ...process.env };
  const originalLog = console.log;
  const lines = [];
  Object.assign(process.env, env(undefined, { REDIS_HOST: '127.0.0.1', REDIS_PORT: String(port) }));
  console.log = (...args) => lines.push(args.join(' '));
  t.after(() => {
    sdk.restore();
    console.log = originalLog;
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });
  // When the entry point of a freshly loaded module runs
  const running = freshPublisher().handler({ source: 'aws.events', 'detail-type': 'Scheduled Event' });
  // Then it fails naming the endpoint and the refused connection, having only read the secret
  await assert.rejects(running, new RegExp(`Redis at 127\\.0\\.0\\.1:${port}: connection failed: connect ECONNREFUSED`));
  assert.deepEqual(sdk.sent.map((s) => s.type), ['GetSecretValue']);
  assert.deepEqual(sdk.sent[0].input, { SecretId: SECRET_ARN });
  assert.equal(lines.length, 1);
});

// ---------------------------------------------------------------- against a real TLS redis-server

describe('against a real TLS redis-server', () => {
  let server;
  let setupError;
  before(async () => {
    try {
      server = await startRedisServer();
    } catch (err) {
      setupError = err;
    }
  });
  after(async () => {
    if (server) await server.stop();
  });

  // Each test fails (not skips) with the setup error, e.g. "redis-server not on PATH ... apt-get install ...".
  function redis() {
    if (setupError) throw setupError;
    return server;
  }

  // Runs commands as an authenticated client of the test server (also how messages are pushed).
  function admin(...commands) {
    const s = redis();
    return publisher.sendCommands({ host: s.host, port: s.port, ca: s.ca, commands: [['AUTH', s.password], ...commands] });
  }

  function realRun(aws, overrides = {}, options = {}) {
    const s = redis();
    return run(aws, publisher.readQueueLengths, {
      environment: env([{ service: 'app-Worker', queues: ['celery', 'emails'] }], { REDIS_HOST: s.host, REDIS_PORT: String(s.port), ...overrides }),
      ca: s.ca,
      ...options,
    });
  }

  beforeEach(async () => {
    if (server) await admin(['FLUSHALL']);
  });

  test('QueueDepth counts the queue and its priority lists, and an empty queue is 0', async () => {
    // Given 3 messages in celery, 2 at priority 3 and 1 at priority 9, none in emails
    const s = redis();
    await admin(['LPUSH', 'celery', 'm1', 'm2', 'm3'], ['LPUSH', `celery${SEP}3`, 'p1', 'p2'], ['LPUSH', `celery${SEP}9`, 'p3']);
    const aws = fakeAws({ desired: { 'app-Worker': 2 }, tokens: [s.password] });
    // When a run reads the real server with the real password
    await realRun(aws, {}, { cache: {} });
    // Then the depths and the backlog per task are the server's numbers
    assert.equal(valueOf(aws, 'QueueDepth', 'celery'), 6);
    assert.equal(valueOf(aws, 'QueueDepth', 'emails'), 0);
    assert.equal(valueOf(aws, 'BacklogPerTask', 'app-Worker'), 3);
    assert.ok(!logged.join('\n').includes(s.password));
  });

  test('REDIS_DB selects the database the queues are read from', async () => {
    // Given 2 messages in database 3 and 5 in database 0
    await admin(['SELECT', '3'], ['LPUSH', 'celery', 'a', 'b']);
    await admin(['LPUSH', 'celery', '1', '2', '3', '4', '5']);
    const aws = fakeAws({ tokens: [redis().password] });
    // When a run reads with REDIS_DB=3
    await realRun(aws, { REDIS_DB: '3' }, { cache: {} });
    // Then it counts database 3's
    assert.equal(valueOf(aws, 'QueueDepth', 'celery'), 2);
  });

  test('a wrong password is refused by the server: nothing is published and the error names host:port, not the password', async () => {
    // Given a secret holding a token the server refuses, also when fetched again
    const s = redis();
    const aws = fakeAws({ tokens: ['fake-wrong-password'] });
    // When a run reads the real server
    await assert.rejects(realRun(aws, {}, { cache: {} }), (err) => {
      // Then Redis's WRONGPASS is reported with the endpoint
      assert.match(err.message, new RegExp(`Redis at localhost:${s.port}: AUTH was refused: WRONGPASS`));
      assert.ok(!err.message.includes('fake-wrong-password') && !err.message.includes(s.password));
      return true;
    });
    assert.equal(aws.calls.secrets.length, 2);
    assert.equal(aws.calls.cloudwatch.length, 0);
  });

  test('a rotated token: the server refuses the cached one and the run succeeds with the token fetched again', async () => {
    // Given a cached token from before a rotation, and the secret holding the server's password
    const s = redis();
    await admin(['LPUSH', 'emails', 'e1']);
    const aws = fakeAws({ tokens: [s.password] });
    const cache = { token: 'fake-old-token' };
    // When a run reads the real server
    await realRun(aws, {}, { cache });
    // Then it published after one more secret fetch and kept the new token
    assert.equal(valueOf(aws, 'QueueDepth', 'emails'), 1);
    assert.equal(aws.calls.secrets.length, 1);
    assert.equal(cache.token, s.password);
  });

  test("a server whose certificate is not trusted (Node's CA bundle, no injected CA) is refused, publishing nothing", async () => {
    // Given the real server, whose certificate comes from the tests' own CA, and no CA injected
    const s = redis();
    const aws = fakeAws({ tokens: [s.password] });
    // When a run reads it
    await assert.rejects(realRun(aws, {}, { cache: {}, ca: undefined }),
      // Then the TLS handshake fails on the certificate chain
      new RegExp(`Redis at localhost:${s.port}: TLS handshake failed: self.signed certificate in certificate chain`));
    assert.equal(aws.calls.cloudwatch.length, 0);
  });

  test('an unreachable port fails with an error naming host:port and the refused connection', async () => {
    // Given a loopback port nothing listens on
    redis();
    const port = await freePort();
    const aws = fakeAws();
    // When a run reads there
    await assert.rejects(realRun(aws, { REDIS_PORT: String(port) }, { cache: {} }),
      // Then the error says where and why
      new RegExp(`^Error: queue-depth: could not read the Celery queues from Redis at localhost:${port}: connection failed: connect ECONNREFUSED .*nothing was published$`));
    assert.equal(aws.calls.cloudwatch.length, 0);
  });

  test('a TLS server that never replies times out at the overall timeout', async (t) => {
    // Given a TLS server with the tests' certificate that reads commands and answers nothing
    const s = redis();
    const silent = tls.createServer({ cert: s.cert, key: s.key }, (socket) => socket.resume());
    await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
    t.after(() => silent.close());
    // When lengths are read with a 300 ms overall timeout
    const read = publisher.readQueueLengths({
      host: 'localhost', port: silent.address().port, ca: s.ca, token: FAKE_TOKEN, keys: queueKeys('celery'), timeoutMs: 300,
    });
    // Then it gives up then, saying how many replies it had
    await assert.rejects(read, /timed out after 300 ms with 0 of 5 replies/);
  });

  test('replies that arrive in several TLS records, split mid-reply, are put together', async (t) => {
    // Given a TLS server that answers AUTH and two LLENs in three writes that cut replies apart
    const s = redis();
    const parts = ['+O', 'K\r\n:1', '2\r\n:0\r\n'];
    const choppy = tls.createServer({ cert: s.cert, key: s.key }, (socket) => {
      socket.once('data', async () => {
        for (const part of parts) {
          socket.write(part);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
      socket.on('error', () => {});
    });
    await new Promise((resolve) => choppy.listen(0, '127.0.0.1', resolve));
    t.after(() => choppy.close());
    // When two lengths are read
    const lengths = await publisher.readQueueLengths({
      host: 'localhost', port: choppy.address().port, ca: s.ca, token: FAKE_TOKEN, keys: ['celery', 'emails'],
    });
    // Then both come out whole
    assert.deepEqual(lengths, [12, 0]);
  });
});
