'use strict';
// Release-phase waiter for DjangoEks: runs one Django management command
// (e.g. `manage.py migrate`) as a Kubernetes Job with the new image and waits for it.
// Backed by the CDK custom-resources Provider framework:
//   index.onEvent    creates the Job (Create/Update), ignores Delete; with Skip=true creates nothing
//   index.isComplete polls the Job until it succeeds, fails, or times out (then deletes it)
// Only Node.js built-ins: the Lambda authenticates to the EKS API server itself, with the
// token `aws eks get-token` makes, and trusts the cluster's CA from the resource properties.
// Never log the event, the token or the credentials: only step, Job name and state.

const crypto = require('node:crypto');
const http = require('node:http');
const https = require('node:https');

const MAX_REASON = 3500; // CloudFormation truncates a status reason near 4 KB; the framework adds a line of its own
const LOG_LINES = 20;
const REQUEST_TIMEOUT_MS = 10000;
// Access entries reach the API server's authenticator a few seconds after CloudFormation reports them created.
const AUTH_RETRY_DELAYS_MS = [2000, 4000, 8000, 16000];

// ---------------------------------------------------------------------------------------------------------------
// AWS Signature Version 4, query-string form ("presigned URL"). Spec: AWS General Reference, "Create a signed AWS
// API request" / "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)".

function sha256Hex(data) {
  return crypto.createHash('sha256').update(data, 'utf8').digest('hex');
}

function hmac(key, data) {
  return crypto.createHmac('sha256', key).update(data, 'utf8').digest();
}

// RFC 3986 unreserved characters stay, everything else is %XX (encodeURIComponent leaves !'()* alone).
function uriEncode(value) {
  return encodeURIComponent(String(value)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// 2013-05-24T00:00:00.000Z -> 20130524T000000Z
function amzDate(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

// Returns the presigned URL. query: the request's own parameters, in the order they appear in the URL (the
// signature sorts them). headers: signed headers besides host. payloadHash: the hex SHA-256 of the body, or
// UNSIGNED-PAYLOAD for S3. credentials: { accessKeyId, secretAccessKey, sessionToken? }.
function presignUrl({ method = 'GET', host, path = '/', query = {}, headers = {}, service, region, credentials, date, expiresSeconds, payloadHash = sha256Hex('') }) {
  const timestamp = amzDate(date);
  const day = timestamp.slice(0, 8);
  const scope = `${day}/${region}/${service}/aws4_request`;
  const signed = { host, ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) };
  const signedHeaders = Object.keys(signed).sort().join(';');
  const params = [
    ...Object.entries(query),
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', `${credentials.accessKeyId}/${scope}`],
    ['X-Amz-Date', timestamp],
    ['X-Amz-Expires', String(expiresSeconds)],
    ['X-Amz-SignedHeaders', signedHeaders],
  ];
  if (credentials.sessionToken) params.push(['X-Amz-Security-Token', credentials.sessionToken]);
  const encoded = params.map(([k, v]) => [uriEncode(k), uriEncode(v)]);
  const canonicalQuery = [...encoded].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`).join('&');
  const canonicalHeaders = Object.keys(signed).sort()
    .map((name) => `${name}:${String(signed[name]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [method, path, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', timestamp, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), service), 'aws4_request');
  const signature = hmac(signingKey, stringToSign).toString('hex');
  const url = encoded.map(([k, v]) => `${k}=${v}`).join('&');
  return `https://${host}${path}?${url}&X-Amz-Signature=${signature}`;
}

// The bearer token of aws-iam-authenticator and `aws eks get-token`: "k8s-aws-v1." + unpadded base64url of a
// presigned STS GetCallerIdentity URL whose signed headers include x-k8s-aws-id: <cluster name>. The API server
// calls that URL to learn who signed it. Valid 15 minutes from `date` whatever X-Amz-Expires says (kept at 60 for
// old authenticators). Source: kubernetes-sigs/aws-iam-authenticator pkg/token/token.go.
function eksToken({ clusterName, region, credentials, date }) {
  const host = `sts.${region}.amazonaws.com`;
  const url = presignUrl({
    host,
    query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    headers: { 'x-k8s-aws-id': clusterName },
    service: 'sts',
    region,
    credentials,
    date,
    expiresSeconds: 60,
  });
  return `k8s-aws-v1.${Buffer.from(url, 'utf8').toString('base64url')}`;
}

// The Lambda's own role credentials, as the runtime provides them.
function credentialsFromEnv(env) {
  if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY || !env.AWS_REGION) {
    throw new Error('AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION must be set to sign the EKS token');
  }
  return {
    region: env.AWS_REGION,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// A minimal Kubernetes API client: JSON over HTTPS with the cluster CA and a bearer token.

class KubeError extends Error {
  constructor(method, path, status, body) {
    const detail = body && typeof body === 'object' ? body.message || body.reason : body;
    super(`Kubernetes API ${method} ${path.split('?')[0]} returned ${status}${detail ? `: ${clip(detail, 400)}` : ''}`);
    this.status = status;
    this.reason = body && typeof body === 'object' ? body.reason : undefined;
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

// endpoint: https://<id>.<region>.eks.amazonaws.com; plain http only to a loopback address (the tests' fake server),
// so a bearer token never crosses a network in clear text. token: () => string, called once per client.
function kubeClient({ endpoint, certificateAuthority, token }) {
  const base = new URL(endpoint);
  const secure = base.protocol === 'https:';
  if (!secure && !(base.protocol === 'http:' && LOOPBACK.has(base.hostname))) {
    throw new Error(`the cluster endpoint must be https:// (got ${base.protocol}//${base.hostname})`);
  }
  const ca = secure && certificateAuthority ? Buffer.from(certificateAuthority, 'base64').toString('utf8') : undefined;
  let bearer;

  function request(method, path, body) {
    bearer = bearer || token();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const options = {
      method,
      hostname: base.hostname.replace(/^\[|\]$/g, ''),
      port: base.port || (secure ? 443 : 80),
      path,
      headers: {
        Authorization: `Bearer ${bearer}`,
        Accept: 'application/json',
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
      },
      timeout: REQUEST_TIMEOUT_MS,
      ...(secure ? { ca } : {}),
    };
    return new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(options, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed = text;
          if ((res.headers['content-type'] || '').includes('json')) {
            try { parsed = JSON.parse(text); } catch { /* keep the text */ }
          }
          if (res.statusCode >= 200 && res.statusCode < 300) resolve(parsed);
          else reject(new KubeError(method, path, res.statusCode, parsed));
        });
      });
      req.on('timeout', () => req.destroy(new Error(`Kubernetes API ${method} ${path.split('?')[0]} timed out after ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    delete: (path, body) => request('DELETE', path, body),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Messages and names.

// One line, bounded length.
function clip(value, max = 500) {
  const s = String(value == null ? '' : value).replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

function asList(value) {
  if (Array.isArray(value)) return value;
  return value == null || value === '' ? [] : [value];
}

function isSkipped(props) {
  return String(props.Skip).toLowerCase() === 'true';
}

// "release step 'migrate' (python manage.py migrate --no-input)"
function stepLabel(props) {
  return `release step '${clip(props.Name, 100)}' (${clip(asList(props.Command).join(' '), 300)})`;
}

// A DNS-1123 label (lowercase alphanumerics and '-', starts and ends alphanumeric, at most 63 characters), which
// a Job name must be since it becomes the value of the pods' job-name label: release-<step>-<8 hex>.
function jobName(step, randomHex) {
  const suffix = `-${randomHex}`;
  const room = 63 - 'release-'.length - suffix.length;
  const slug = String(step || 'step').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-')
    .replace(/^-+/, '').slice(0, room).replace(/-+$/, '') || 'step';
  return `release-${slug}${suffix}`;
}

function jobsPath(namespace) {
  return `/apis/batch/v1/namespaces/${encodeURIComponent(namespace)}/jobs`;
}

function jobPath(namespace, name) {
  return `${jobsPath(namespace)}/${encodeURIComponent(name)}`;
}

function kubectlHint(namespace, name) {
  return `kubectl logs -n ${namespace} job/${name}`;
}

// The Job as CloudFormation delivers it: a JSON string (custom-resource properties turn every number and boolean
// into a string, which the Kubernetes API rejects for fields such as backoffLimit), or an object.
function jobManifest(props) {
  const job = typeof props.Job === 'string' ? JSON.parse(props.Job) : props.Job;
  if (!job || typeof job !== 'object' || job.kind !== 'Job') throw new Error(`${stepLabel(props)}: the Job property is not a batch/v1 Job manifest`);
  return job;
}

function log(props, event, name, state) {
  console.log(`release step=${props.Name} request=${event.RequestType} job=${name || '-'} state=${state}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Pods: why a Job's pod waits, and how its container ended.

function podsOf(kube, namespace, name) {
  const list = (selector) => kube.get(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods?labelSelector=${encodeURIComponent(selector)}`)
    .then((r) => (r && r.items) || []);
  // batch.kubernetes.io/job-name since Kubernetes 1.27; job-name before (and still, alongside).
  return list(`batch.kubernetes.io/job-name=${name}`).then((pods) => (pods.length > 0 ? pods : list(`job-name=${name}`)))
    .then((pods) => [...pods].sort((a, b) => String(b.metadata && b.metadata.creationTimestamp).localeCompare(String(a.metadata && a.metadata.creationTimestamp))));
}

function containerStatuses(pod) {
  const status = pod.status || {};
  return [...(status.initContainerStatuses || []), ...(status.containerStatuses || [])];
}

// "Pending: Unschedulable (0/2 nodes are available: 2 Insufficient cpu)", "container web: CreateContainerConfigError (secret "app" not found)"
function waitingReason(pod) {
  const reasons = [];
  for (const c of containerStatuses(pod)) {
    const waiting = c.state && c.state.waiting;
    if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reasons.push(`container ${c.name}: ${waiting.reason}${waiting.message ? ` (${clip(waiting.message, 300)})` : ''}`);
    }
  }
  const unscheduled = ((pod.status && pod.status.conditions) || []).find((c) => c.type === 'PodScheduled' && c.status === 'False');
  if (unscheduled) reasons.push(`${(pod.status && pod.status.phase) || 'Pending'}: ${unscheduled.reason || 'not scheduled'}${unscheduled.message ? ` (${clip(unscheduled.message, 300)})` : ''}`);
  return reasons.join('; ');
}

// The terminated state of the Job's command: the main container's, else the first that failed.
function termination(pod, containerName) {
  const statuses = containerStatuses(pod);
  const ended = (c) => (c.state && c.state.terminated) || (c.lastState && c.lastState.terminated);
  const main = statuses.find((c) => c.name === containerName && ended(c));
  const failed = statuses.find((c) => ended(c) && ended(c).exitCode !== 0);
  const chosen = main || failed;
  return chosen ? { container: chosen.name, ...ended(chosen) } : undefined;
}

async function tailLogs(kube, namespace, pod, container) {
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log?tailLines=${LOG_LINES}` +
    (container ? `&container=${encodeURIComponent(container)}` : '');
  try {
    const text = await kube.get(path);
    return String(typeof text === 'string' ? text : JSON.stringify(text)).replace(/\s+$/, '').split('\n').slice(-LOG_LINES);
  } catch (err) {
    return [`(logs unavailable: ${clip(err && err.message, 200)})`];
  }
}

// head + the last log lines that fit + tail, within MAX_REASON: lines are dropped from the top, each line clipped.
function failureMessage(head, lines, tail) {
  const fixed = `${head}\nlast log lines:\n\n${tail}`;
  const room = MAX_REASON - fixed.length;
  const kept = [];
  let used = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = clip(lines[i], 300);
    if (used + line.length + 1 > room) break;
    kept.unshift(line);
    used += line.length + 1;
  }
  const message = `${head}\nlast log lines:\n${kept.join('\n')}\n${tail}`;
  return message.length > MAX_REASON ? `${message.slice(0, MAX_REASON - 3)}...` : message;
}

// ---------------------------------------------------------------------------------------------------------------
// The handlers.

// options.kube(props) -> client (default: the real API server, authenticated with the Lambda's credentials);
// options.now() -> epoch ms; options.random() -> 8 hex characters; options.sleep(ms) -> Promise.
function createHandlers(options = {}) {
  const now = options.now || (() => Date.now());
  const random = options.random || (() => crypto.randomBytes(4).toString('hex'));
  const sleep = options.sleep || ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const env = options.env || process.env;
  const kubeFor = options.kube || ((props) => {
    const { region, credentials } = credentialsFromEnv(env);
    return kubeClient({
      endpoint: props.Endpoint,
      certificateAuthority: props.CertificateAuthority,
      token: () => eksToken({ clusterName: props.ClusterName, region, credentials, date: new Date(now()) }),
    });
  });

  function physicalId(event, props) {
    // Stable across updates: CloudFormation then never sends a Delete for the previous run's ID.
    return event.PhysicalResourceId || `release-${props.Name}-${event.LogicalResourceId}`;
  }

  async function createJob(kube, props, event, manifest) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await kube.post(jobsPath(props.Namespace), manifest);
      } catch (err) {
        const unauthorised = err instanceof KubeError && (err.status === 401 || err.status === 403);
        if (!unauthorised || attempt >= AUTH_RETRY_DELAYS_MS.length) throw err;
        log(props, event, manifest.metadata.name, `RETRY_AFTER_${err.status}`);
        await sleep(AUTH_RETRY_DELAYS_MS[attempt]);
      }
    }
  }

  async function onEvent(event) {
    const props = event.ResourceProperties || {};
    if (event.RequestType === 'Delete') {
      // Nothing to undo: a finished Job removes itself (ttlSecondsAfterFinished), and migrations are not reversed.
      log(props, event, undefined, 'DELETE_NOOP');
      return { PhysicalResourceId: event.PhysicalResourceId };
    }

    if (isSkipped(props)) {
      log(props, event, undefined, 'SKIPPED');
      return { PhysicalResourceId: physicalId(event, props), Data: { Skipped: 'true' } };
    }

    const job = jobManifest(props);
    const name = jobName(props.Name, random());
    const manifest = { ...job, metadata: { ...(job.metadata || {}), name, namespace: props.Namespace } };
    const kube = kubeFor(props);
    try {
      await createJob(kube, props, event, manifest);
    } catch (err) {
      log(props, event, name, 'CREATE_FAILED');
      const hint = err instanceof KubeError && (err.status === 401 || err.status === 403)
        ? ` (the handler's role needs the access entry with AmazonEKSEditPolicy on namespace ${props.Namespace})`
        : '';
      throw new Error(`${stepLabel(props)} could not be started: creating Job ${name} in namespace ${props.Namespace} failed: ${clip(err && err.message, 1000)}${hint}`);
    }

    log(props, event, name, 'CREATED');
    return {
      PhysicalResourceId: physicalId(event, props),
      Data: { JobName: name, StartedAt: new Date(now()).toISOString() },
    };
  }

  async function failed(kube, props, name, condition) {
    const pods = await podsOf(kube, props.Namespace, name).catch(() => []);
    const job = jobManifest(props);
    const containers = (((job.spec || {}).template || {}).spec || {}).containers || [];
    const mainContainer = containers[0] && containers[0].name;
    const pod = pods.find((p) => termination(p, mainContainer)) || pods[0];
    const ended = pod && termination(pod, mainContainer);
    const exit = ended
      ? `exited with code ${ended.exitCode}${ended.reason ? ` (${ended.reason})` : ''}`
      : `failed${pod && waitingReason(pod) ? `: ${waitingReason(pod)}` : ''}`;
    const why = condition.reason ? `; Job ${condition.reason}${condition.message ? `: ${clip(condition.message, 300)}` : ''}` : '';
    const head = `${stepLabel(props)} ${exit}${why}; Job ${name}${pod ? `, pod ${pod.metadata.name}` : ''}`;
    const lines = pod ? await tailLogs(kube, props.Namespace, pod.metadata.name, ended ? ended.container : mainContainer) : ['(no pod found)'];
    return failureMessage(head, lines, `logs: ${kubectlHint(props.Namespace, name)} (Jobs are kept one day after they finish)`);
  }

  async function timedOut(kube, props, event, name, timeoutSeconds) {
    const pods = await podsOf(kube, props.Namespace, name).catch(() => []);
    const waiting = pods.map((p) => waitingReason(p)).filter(Boolean);
    let deleted = 'was deleted';
    try {
      await kube.delete(jobPath(props.Namespace, name), { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Background' });
    } catch (err) {
      deleted = `could not be deleted (${clip(err && err.message, 200)})`;
    }
    log(props, event, name, 'TIMED_OUT');
    const state = waiting.length > 0 ? `; waiting: ${clip(waiting.join('; '), 1500)}` : (pods.length === 0 ? '; no pod was created' : '');
    return `${stepLabel(props)} timed out after ${timeoutSeconds} s; Job ${name} ${deleted}${state}; logs: ${kubectlHint(props.Namespace, name)}`;
  }

  async function isComplete(event) {
    const props = event.ResourceProperties || {};
    if (event.RequestType === 'Delete') return { IsComplete: true };
    if (isSkipped(props)) return { IsComplete: true, Data: { Skipped: 'true' } };

    const data = event.Data || {};
    const name = data.JobName;
    if (!name) throw new Error(`${stepLabel(props)}: no Job name was recorded by onEvent`);
    const kube = kubeFor(props);

    let job;
    try {
      job = await kube.get(jobPath(props.Namespace, name));
    } catch (err) {
      log(props, event, name, err instanceof KubeError ? `GET_${err.status}` : 'GET_ERROR');
      if (err instanceof KubeError && err.status === 404) {
        throw new Error(`${stepLabel(props)}: Job ${name} no longer exists in namespace ${props.Namespace} (deleted before it finished?)`);
      }
      throw err;
    }

    const conditions = ((job && job.status) || {}).conditions || [];
    const holds = (type) => conditions.find((c) => c.type === type && c.status === 'True');
    if (holds('Complete') || holds('SuccessCriteriaMet')) {
      log(props, event, name, 'SUCCEEDED');
      return { IsComplete: true, Data: { JobName: name } };
    }
    const failure = holds('Failed');
    if (failure) {
      log(props, event, name, `FAILED(${failure.reason || '-'})`);
      throw new Error(await failed(kube, props, name, failure));
    }

    const timeoutSeconds = Number(props.TimeoutSeconds) || 3600;
    if (now() - Date.parse(data.StartedAt) > timeoutSeconds * 1000) {
      throw new Error(await timedOut(kube, props, event, name, timeoutSeconds));
    }

    // Still running or waiting. A pod may wait in CreateContainerConfigError until External Secrets Operator has
    // synced its Secret: that is reported only if the step times out.
    const pods = await podsOf(kube, props.Namespace, name).catch(() => []);
    const waiting = pods.map((p) => waitingReason(p)).filter(Boolean).join('; ');
    const phase = pods[0] && pods[0].status ? pods[0].status.phase : 'NoPod';
    log(props, event, name, waiting ? `${phase}(${clip(waiting, 200)})` : phase);
    return { IsComplete: false };
  }

  return { onEvent, isComplete };
}

const defaults = createHandlers();
exports.onEvent = (event) => defaults.onEvent(event);
exports.isComplete = (event) => defaults.isComplete(event);
exports.createHandlers = createHandlers;
exports.presignUrl = presignUrl;
exports.eksToken = eksToken;
exports.jobName = jobName;
