'use strict';
// Tests for the DjangoEks release-phase waiter (src/DjangoCdk/Eks/Release/handler/index.js), against a fake
// Kubernetes API server on 127.0.0.1 (plain http, which the handler allows for loopback addresses only).
// Run with: node --test tests/handlers/
const { test, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const path = require('node:path');

const release = require(path.join(__dirname, '../../src/DjangoCdk/Eks/Release/handler/index.js'));

const T0 = Date.parse('2024-05-01T12:00:00.000Z');
const NS = 'app';
const JOB = 'release-migrate-0a1b2c3d';
// Fake credentials in the shape the Lambda runtime provides them; AWS's documented example keys, nothing real.
const ENV = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'FQoGZXIvYXdzEXAMPLE/session+token==',
  AWS_REGION: 'eu-west-1',
};

function manifest() {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { labels: { 'app.kubernetes.io/component': 'release' } },
    spec: {
      backoffLimit: 0,
      ttlSecondsAfterFinished: 600,
      template: {
        spec: {
          restartPolicy: 'Never',
          containers: [{ name: 'web', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:abc', command: ['python', 'manage.py', 'migrate', '--no-input'] }],
        },
      },
    },
  };
}

// ---------------------------------------------------------------- the fake API server

// routes: { 'GET /path': (req, body) => [status, json | string] | json }. Unrouted requests answer 404 with a Status.
function fakeKube(routes = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      const url = new URL(req.url, 'http://localhost');
      requests.push({ method: req.method, path: url.pathname, query: url.searchParams, headers: req.headers, body });
      const route = routes[`${req.method} ${url.pathname}`];
      let status = 404;
      let answer = { kind: 'Status', status: 'Failure', reason: 'NotFound', message: `${url.pathname} not found` };
      if (route) {
        const result = typeof route === 'function' ? route(url, body) : route;
        [status, answer] = Array.isArray(result) ? result : [200, result];
      }
      const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
      res.writeHead(status, { 'Content-Type': typeof answer === 'string' ? 'text/plain' : 'application/json' });
      res.end(text);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ requests, endpoint: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) });
  }));
}

let kube;
async function serve(routes) {
  kube = await fakeKube(routes);
  return kube;
}

function props(overrides = {}) {
  return {
    ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:provider',
    Name: 'migrate',
    Command: ['python', 'manage.py', 'migrate', '--no-input'],
    Namespace: NS,
    ClusterName: 'django-cluster',
    Endpoint: kube.endpoint,
    CertificateAuthority: Buffer.from('-----BEGIN CERTIFICATE-----\nfake\n-----END CERTIFICATE-----\n').toString('base64'),
    Job: JSON.stringify(manifest()),
    TimeoutSeconds: '600',
    ...overrides,
  };
}

function event(requestType = 'Create', extra = {}) {
  return { RequestType: requestType, LogicalResourceId: 'ReleaseStep1', ResourceProperties: props(), ...extra };
}

// What the Provider framework passes to isComplete: the event merged with onEvent's result.
function pollEvent(extra = {}) {
  return { ...event('Create'), PhysicalResourceId: 'release-migrate-ReleaseStep1', Data: { JobName: JOB, StartedAt: new Date(T0).toISOString() }, ...extra };
}

function handlers(clock = { ms: T0 }) {
  return release.createHandlers({ env: ENV, now: () => clock.ms, random: () => '0a1b2c3d', sleep: async () => {} });
}

const jobPath = `/apis/batch/v1/namespaces/${NS}/jobs/${JOB}`;
const podsPath = `/api/v1/namespaces/${NS}/pods`;

function jobWith(conditions, status = {}) {
  return { kind: 'Job', metadata: { name: JOB, namespace: NS }, status: { ...status, conditions } };
}

function failedPod({ exitCode = 1, reason = 'Error' } = {}) {
  return {
    metadata: { name: `${JOB}-x7k2p`, creationTimestamp: '2024-05-01T12:00:05Z' },
    status: { phase: 'Failed', containerStatuses: [{ name: 'web', state: { terminated: { exitCode, reason } } }] },
  };
}

function waitingPod(reason, message) {
  return {
    metadata: { name: `${JOB}-x7k2p`, creationTimestamp: '2024-05-01T12:00:05Z' },
    status: { phase: 'Pending', containerStatuses: [{ name: 'web', state: { waiting: { reason, message } } }] },
  };
}

let logged;
let originalLog;
beforeEach(() => {
  logged = [];
  originalLog = console.log;
  console.log = (...args) => logged.push(args.join(' '));
});
afterEach(async () => {
  console.log = originalLog;
  if (kube) await kube.close();
  kube = undefined;
});

// ---------------------------------------------------------------- the token

test('The SigV4 presigner reproduces the signature of the AWS documentation example', () => {
  // Given the GET Object example of "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)"
  // in the Amazon S3 API Reference (examplebucket/test.txt, 2013-05-24, 86400 s, the documentation's example keys)
  const url = release.presignUrl({
    host: 'examplebucket.s3.amazonaws.com',
    path: '/test.txt',
    service: 's3',
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    date: new Date('2013-05-24T00:00:00Z'),
    expiresSeconds: 86400,
    payloadHash: 'UNSIGNED-PAYLOAD',
  });
  // Then the URL carries the signature the documentation publishes
  assert.equal(url, 'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
    '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z' +
    '&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
    '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
});

test('The EKS token is byte for byte the one aws eks get-token makes for the same credentials and time', () => {
  // Given the expected token, computed independently with the AWS CLI v1's own code (awscli 1.45.11,
  // awscli.customizations.eks.get_token.STSClientFactory + TokenGenerator, botocore 1.43.11,
  // AWS_STS_REGIONAL_ENDPOINTS=regional) with its clock patched to 2024-05-01T12:00:00Z and the ENV credentials
  const expected = 'k8s-aws-v1.aHR0cHM6Ly9zdHMuZXUtd2VzdC0xLmFtYXpvbmF3cy5jb20vP0FjdGlvbj1HZXRDYWxsZXJJZGVudGl0eSZWZXJzaW9uPTIwMTEtMDYtMTUmWC1BbXotQWxnb3JpdGhtPUFXUzQtSE1BQy1TSEEyNTYmWC1BbXotQ3JlZGVudGlhbD1BS0lERVhBTVBMRSUyRjIwMjQwNTAxJTJGZXUtd2VzdC0xJTJGc3RzJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNDA1MDFUMTIwMDAwWiZYLUFtei1FeHBpcmVzPTYwJlgtQW16LVNpZ25lZEhlYWRlcnM9aG9zdCUzQngtazhzLWF3cy1pZCZYLUFtei1TZWN1cml0eS1Ub2tlbj1GUW9HWlhJdllYZHpFWEFNUExFJTJGc2Vzc2lvbiUyQnRva2VuJTNEJTNEJlgtQW16LVNpZ25hdHVyZT1lZTI3MGYxMTkwOGNlMDdmZDRmZDc5MGQxNjE1NTAxZGVjYTc3YTIwYzI1OWY5ODE2NWQ1OGQ4YjQ0OGVkZjcw';
  // When the handler makes a token for cluster django-cluster
  const token = release.eksToken({
    clusterName: 'django-cluster',
    region: 'eu-west-1',
    credentials: { accessKeyId: ENV.AWS_ACCESS_KEY_ID, secretAccessKey: ENV.AWS_SECRET_ACCESS_KEY, sessionToken: ENV.AWS_SESSION_TOKEN },
    date: new Date(T0),
  });
  // Then both are the same
  assert.equal(token, expected);
});

test('Requests carry a bearer token that is a presigned STS GetCallerIdentity URL for the cluster', async () => {
  // Given an API server that accepts the Job
  await serve({ [`POST /apis/batch/v1/namespaces/${NS}/jobs`]: [201, {}] });
  // When the step is created
  await handlers().onEvent(event('Create'));
  // Then the Authorization header decodes to the regional STS URL, signed with host and x-k8s-aws-id
  const auth = kube.requests[0].headers.authorization;
  assert.match(auth, /^Bearer k8s-aws-v1\.[A-Za-z0-9_-]+$/);
  const url = new URL(Buffer.from(auth.slice('Bearer k8s-aws-v1.'.length), 'base64url').toString('utf8'));
  assert.equal(url.origin, 'https://sts.eu-west-1.amazonaws.com');
  assert.equal(url.searchParams.get('Action'), 'GetCallerIdentity');
  assert.equal(url.searchParams.get('Version'), '2011-06-15');
  assert.equal(url.searchParams.get('X-Amz-Expires'), '60');
  assert.equal(url.searchParams.get('X-Amz-SignedHeaders'), 'host;x-k8s-aws-id');
  assert.equal(url.searchParams.get('X-Amz-Security-Token'), ENV.AWS_SESSION_TOKEN);
  assert.match(url.searchParams.get('X-Amz-Credential'), /^AKIDEXAMPLE\/20240501\/eu-west-1\/sts\/aws4_request$/);
  assert.match(url.searchParams.get('X-Amz-Signature'), /^[0-9a-f]{64}$/);
});

test('Nothing the handler logs contains the token or the credentials', async () => {
  // Given an API server where the step is created and then fails
  await serve({
    [`POST /apis/batch/v1/namespaces/${NS}/jobs`]: [201, {}],
    [`GET ${jobPath}`]: jobWith([{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }]),
    [`GET ${podsPath}`]: { items: [failedPod()] },
    [`GET ${podsPath}/${JOB}-x7k2p/log`]: 'boom',
  });
  // When the handlers run
  await handlers().onEvent(event('Create'));
  await assert.rejects(handlers().isComplete(pollEvent()));
  // Then no log line holds the secret key, the session token or a token
  assert.ok(logged.length > 0);
  for (const line of logged) {
    assert.doesNotMatch(line, /k8s-aws-v1|X-Amz-|wJalrXUtnFEMI|FQoGZXIvYXdz|AKIDEXAMPLE/);
  }
});

test('A plain http endpoint other than a loopback address is refused, so the token never travels unencrypted', async () => {
  // Given a step whose endpoint is http:// on another host
  await serve({});
  const e = event('Create', { ResourceProperties: props({ Endpoint: 'http://example.com' }) });
  // When it is created / Then it fails before any request
  await assert.rejects(handlers().onEvent(e), /must be https/);
  assert.equal(kube.requests.length, 0);
});

// ---------------------------------------------------------------- onEvent

test('Create posts the Job manifest with a generated name in the app namespace', async () => {
  // Given an API server that accepts Jobs
  await serve({ [`POST /apis/batch/v1/namespaces/${NS}/jobs`]: [201, {}] });
  // When the step is created
  await handlers().onEvent(event('Create'));
  // Then one Job is posted: the manifest, plus metadata.name and metadata.namespace, numbers kept as numbers
  assert.equal(kube.requests.length, 1);
  const { method, path: p, body } = kube.requests[0];
  assert.equal(`${method} ${p}`, `POST /apis/batch/v1/namespaces/${NS}/jobs`);
  assert.deepEqual(body, { ...manifest(), metadata: { ...manifest().metadata, name: JOB, namespace: NS } });
  assert.equal(body.spec.backoffLimit, 0);
});

test('Job names are valid DNS-1123 labels of at most 63 characters, whatever the step is called', () => {
  // Given step names of every shape
  for (const step of ['migrate', 'collectstatic', 'seed.sh', 'Load_Fixtures', '--weird--', '', 'x'.repeat(100)]) {
    // When a Job name is made
    const name = release.jobName(step, '0a1b2c3d');
    // Then it is a label the API server accepts
    assert.match(name, /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, step);
    assert.ok(name.length <= 63, name);
    assert.ok(name.startsWith('release-') && name.endsWith('-0a1b2c3d'), name);
  }
});

test('Two runs of a step get different Job names', async () => {
  // Given the real random source
  const h = release.createHandlers({ env: ENV, now: () => T0 });
  await serve({ [`POST /apis/batch/v1/namespaces/${NS}/jobs`]: [201, {}] });
  // When the step runs twice
  const first = await h.onEvent(event('Create'));
  const second = await h.onEvent(event('Update', { PhysicalResourceId: first.PhysicalResourceId }));
  // Then the names differ, so the second Job never collides with the first
  assert.notEqual(first.Data.JobName, second.Data.JobName);
});

test('Create returns a physical id from the step and logical id, with the Job name and the start time', async () => {
  // Given an API server that accepts the Job
  await serve({ [`POST /apis/batch/v1/namespaces/${NS}/jobs`]: [201, {}] });
  // When the step is created
  const result = await handlers().onEvent(event('Create'));
  // Then the result is what isComplete needs
  assert.deepEqual(result, { PhysicalResourceId: 'release-migrate-ReleaseStep1', Data: { JobName: JOB, StartedAt: '2024-05-01T12:00:00.000Z' } });
});

test('Update runs a new Job and keeps the physical id, so CloudFormation sends no Delete for the previous run', async () => {
  // Given an existing step
  await serve({ [`POST /apis/batch/v1/namespaces/${NS}/jobs`]: [201, {}] });
  // When it is updated
  const result = await handlers().onEvent(event('Update', { PhysicalResourceId: 'release-migrate-Old' }));
  // Then a Job is posted and the physical id is unchanged
  assert.equal(kube.requests.filter((r) => r.method === 'POST').length, 1);
  assert.equal(result.PhysicalResourceId, 'release-migrate-Old');
});

test('A Job the API server rejects fails the step with the command, the namespace and the server message', async () => {
  // Given an API server that rejects the manifest
  await serve({ [`POST /apis/batch/v1/namespaces/${NS}/jobs`]: [422, { kind: 'Status', reason: 'Invalid', message: 'Job.batch "x" is invalid: spec.template.spec.containers: Required value' }] });
  // When the step is created / Then the error says what and why
  await assert.rejects(handlers().onEvent(event('Create')), (err) => {
    assert.match(err.message, /^release step 'migrate' \(python manage\.py migrate --no-input\) could not be started/);
    assert.match(err.message, /namespace app/);
    assert.match(err.message, /422: Job\.batch "x" is invalid/);
    return true;
  });
});

test('A 403 while the access entry propagates is retried, then the Job is created', async () => {
  // Given an API server that refuses the first two attempts
  let calls = 0;
  await serve({ [`POST /apis/batch/v1/namespaces/${NS}/jobs`]: () => (++calls <= 2 ? [403, { kind: 'Status', reason: 'Forbidden', message: 'forbidden' }] : [201, {}]) });
  // When the step is created
  const result = await handlers().onEvent(event('Create'));
  // Then the third attempt creates the Job
  assert.equal(calls, 3);
  assert.equal(result.Data.JobName, JOB);
});

test('A 403 that persists fails the step and names the access entry it needs', async () => {
  // Given an API server that always refuses
  await serve({ [`POST /apis/batch/v1/namespaces/${NS}/jobs`]: [403, { kind: 'Status', reason: 'Forbidden', message: 'jobs.batch is forbidden' }] });
  // When the step is created / Then the error points at the access entry
  await assert.rejects(handlers().onEvent(event('Create')), /403: jobs\.batch is forbidden.*access entry with AmazonEKSEditPolicy on namespace app/);
});

test('Skip=true creates no Job and succeeds at once', async () => {
  // Given a step whose properties carry Skip=true
  await serve({});
  const e = event('Update', { PhysicalResourceId: 'release-migrate-X', ResourceProperties: props({ Skip: 'true' }) });
  // When both handlers run
  const result = await handlers().onEvent(e);
  const done = await handlers().isComplete({ ...e, ...result });
  // Then the API server is never called and the step is complete
  assert.equal(kube.requests.length, 0);
  assert.deepEqual(result, { PhysicalResourceId: 'release-migrate-X', Data: { Skipped: 'true' } });
  assert.equal(done.IsComplete, true);
});

test('Delete touches nothing in the cluster and succeeds', async () => {
  // Given a step being deleted
  await serve({});
  // When both handlers run
  const result = await handlers().onEvent(event('Delete', { PhysicalResourceId: 'release-migrate-X' }));
  const done = await handlers().isComplete(event('Delete', { PhysicalResourceId: 'release-migrate-X' }));
  // Then it returns the same physical id without a request
  assert.deepEqual(result, { PhysicalResourceId: 'release-migrate-X' });
  assert.deepEqual(done, { IsComplete: true });
  assert.equal(kube.requests.length, 0);
});

// ---------------------------------------------------------------- isComplete

test('A Job with the Complete condition completes the step', async () => {
  // Given a Job that succeeded
  await serve({ [`GET ${jobPath}`]: jobWith([{ type: 'Complete', status: 'True' }], { succeeded: 1 }) });
  // When the waiter polls / Then the step is complete
  assert.deepEqual(await handlers().isComplete(pollEvent()), { IsComplete: true, Data: { JobName: JOB } });
});

test('A running Job keeps the step waiting and logs its state', async () => {
  // Given a Job whose pod runs
  await serve({
    [`GET ${jobPath}`]: jobWith([], { active: 1 }),
    [`GET ${podsPath}`]: { items: [{ metadata: { name: `${JOB}-x7k2p` }, status: { phase: 'Running' } }] },
  });
  // When the waiter polls
  const result = await handlers().isComplete(pollEvent());
  // Then it waits, and one line says so
  assert.deepEqual(result, { IsComplete: false });
  assert.ok(logged.some((l) => l.includes(`job=${JOB} state=Running`)), logged.join('\n'));
});

test('A pod waiting for its Secret keeps waiting instead of failing, while External Secrets syncs it', async () => {
  // Given a pod in CreateContainerConfigError, well before the timeout
  await serve({
    [`GET ${jobPath}`]: jobWith([], { active: 1 }),
    [`GET ${podsPath}`]: { items: [waitingPod('CreateContainerConfigError', 'secret "app-env" not found')] },
  });
  // When the waiter polls 5 minutes in
  const result = await handlers({ ms: T0 + 300_000 }).isComplete(pollEvent());
  // Then the step keeps waiting
  assert.deepEqual(result, { IsComplete: false });
  assert.equal(kube.requests.filter((r) => r.method === 'DELETE').length, 0);
});

test('A failed Job fails the step with the command, exit code, reason, last log lines and the kubectl command', async () => {
  // Given a Job whose pod exited 1 with a traceback
  const logLines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).concat(['django.db.utils.OperationalError: no such table: app_thing']);
  await serve({
    [`GET ${jobPath}`]: jobWith([{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }]),
    [`GET ${podsPath}`]: (url) => (url.searchParams.get('labelSelector') === `batch.kubernetes.io/job-name=${JOB}` ? { items: [failedPod()] } : { items: [] }),
    [`GET ${podsPath}/${JOB}-x7k2p/log`]: (url) => logLines.slice(-Number(url.searchParams.get('tailLines'))).join('\n') + '\n',
  });
  // When the waiter polls / Then the error holds everything needed to act on it
  await assert.rejects(handlers().isComplete(pollEvent()), (err) => {
    assert.match(err.message, /^release step 'migrate' \(python manage\.py migrate --no-input\) exited with code 1 \(Error\)/);
    assert.match(err.message, /BackoffLimitExceeded: Job has reached the specified backoff limit/);
    assert.match(err.message, /no such table: app_thing/);
    assert.match(err.message, /line 12\n/);
    assert.doesNotMatch(err.message, /line 11\n/);
    assert.match(err.message, new RegExp(`kubectl logs -n app job/${JOB}`));
    return true;
  });
  // And the logs asked for were the last 20 lines of the main container
  const logRequest = kube.requests.find((r) => r.path.endsWith('/log'));
  assert.equal(logRequest.query.get('tailLines'), '20');
  assert.equal(logRequest.query.get('container'), 'web');
});

test('Pods of older clusters are found by the job-name label', async () => {
  // Given a cluster that labels pods with job-name only
  await serve({
    [`GET ${jobPath}`]: jobWith([{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }]),
    [`GET ${podsPath}`]: (url) => (url.searchParams.get('labelSelector') === `job-name=${JOB}` ? { items: [failedPod({ exitCode: 137, reason: 'OOMKilled' })] } : { items: [] }),
    [`GET ${podsPath}/${JOB}-x7k2p/log`]: 'Killed\n',
  });
  // When the waiter polls / Then the exit code and reason come from that pod
  await assert.rejects(handlers().isComplete(pollEvent()), /exited with code 137 \(OOMKilled\)/);
});

test('The failure reason stays under 3,500 characters however long the log lines are', async () => {
  // Given a failed Job whose 20 last lines are 2,000 characters each
  await serve({
    [`GET ${jobPath}`]: jobWith([{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }]),
    [`GET ${podsPath}`]: { items: [failedPod()] },
    [`GET ${podsPath}/${JOB}-x7k2p/log`]: Array.from({ length: 20 }, (_, i) => `${i}:${'x'.repeat(2000)}`).join('\n'),
  });
  // When the waiter polls / Then the message fits and still ends with the kubectl command
  await assert.rejects(handlers().isComplete(pollEvent()), (err) => {
    assert.ok(err.message.length <= 3500, String(err.message.length));
    assert.match(err.message, /19:x+/);
    assert.match(err.message, /kubectl logs -n app job\/release-migrate-0a1b2c3d/);
    return true;
  });
});

test('Past its timeout a waiting step deletes the Job in the background and reports why the pod waited', async () => {
  // Given a pod still waiting on its Secret when the timeout passes
  await serve({
    [`GET ${jobPath}`]: jobWith([], { active: 1 }),
    [`GET ${podsPath}`]: { items: [waitingPod('CreateContainerConfigError', 'secret "app-env" not found')] },
    [`DELETE ${jobPath}`]: { kind: 'Status', status: 'Success' },
  });
  // When the waiter polls after 600 s
  const run = handlers({ ms: T0 + 601_000 }).isComplete(pollEvent());
  // Then the step fails naming the timeout and the waiting reason
  await assert.rejects(run, (err) => {
    assert.match(err.message, /timed out after 600 s; Job release-migrate-0a1b2c3d was deleted/);
    assert.match(err.message, /CreateContainerConfigError \(secret "app-env" not found\)/);
    assert.match(err.message, /kubectl logs -n app job\//);
    return true;
  });
  // And the Job was deleted with its pods following in the background
  const del = kube.requests.find((r) => r.method === 'DELETE');
  assert.equal(del.path, jobPath);
  assert.equal(del.body.propagationPolicy, 'Background');
});

test('A timeout with an unschedulable pod reports the scheduler message', async () => {
  // Given a pod that never found a node
  const pod = {
    metadata: { name: `${JOB}-x7k2p` },
    status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/2 nodes are available: 2 Insufficient cpu.' }] },
  };
  await serve({ [`GET ${jobPath}`]: jobWith([]), [`GET ${podsPath}`]: { items: [pod] }, [`DELETE ${jobPath}`]: {} });
  // When the waiter polls past the timeout / Then the reason names the capacity problem
  await assert.rejects(handlers({ ms: T0 + 601_000 }).isComplete(pollEvent()), /Pending: Unschedulable \(0\/2 nodes are available: 2 Insufficient cpu\.\)/);
});

test('A Job that disappeared while running fails the step rather than waiting forever', async () => {
  // Given an API server that no longer has the Job
  await serve({});
  // When the waiter polls / Then it fails naming the Job
  await assert.rejects(handlers().isComplete(pollEvent()), /Job release-migrate-0a1b2c3d no longer exists in namespace app/);
});
