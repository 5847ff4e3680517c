'use strict';
// Tests for the release-phase waiter (src/DjangoCdk/Ecs/Release/handler/index.js).
// Run with: node --test tests/handlers/
const { test, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const Module = require('node:module');
const path = require('node:path');

const handlerPath = path.join(__dirname, '../../src/DjangoCdk/Ecs/Release/handler/index.js');
const release = require(handlerPath);

const CLUSTER = 'arn:aws:ecs:eu-west-1:123456789012:cluster/app';
const TASK_ARN = 'arn:aws:ecs:eu-west-1:123456789012:task/app/0123456789abcdef';
const T0 = Date.parse('2024-05-01T12:00:00.000Z');

function props(overrides = {}) {
  return {
    ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:provider',
    Name: 'migrate',
    Cluster: CLUSTER,
    TaskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/app-web:7',
    ContainerName: 'web',
    Command: ['python', 'manage.py', 'migrate', '--no-input'],
    Subnets: ['subnet-a', 'subnet-b'],
    SecurityGroups: ['sg-1'],
    LaunchType: 'FARGATE',
    PlatformVersion: 'LATEST',
    TimeoutSeconds: '1200',
    LogGroup: '/djangocdk/app',
    LogStreamPrefix: 'ecs',
    Trigger: 'abc123',
    ...overrides,
  };
}

function createEvent(requestType = 'Create', extra = {}) {
  return { RequestType: requestType, LogicalResourceId: 'ReleaseMigrate', ResourceProperties: props(), ...extra };
}

// What the Provider framework passes to isComplete: the event merged with onEvent's result.
function pollEvent(extra = {}) {
  return {
    ...createEvent('Create'),
    PhysicalResourceId: 'release-migrate-ReleaseMigrate',
    Data: { TaskArn: TASK_ARN, StartedAt: new Date(T0).toISOString() },
    ...extra,
  };
}

// Fake ECS API with the same seam as the real-SDK adapter: methods take the
// SDK v3 input and resolve to the SDK v3 output shape. Records every call.
function fakeEcs(responses = {}) {
  const calls = [];
  const method = (name) => async (input) => {
    calls.push({ name, input });
    const r = responses[name];
    if (r instanceof Error) throw r;
    return typeof r === 'function' ? r(input) : r;
  };
  return {
    calls,
    runTask: method('runTask'),
    describeTasks: method('describeTasks'),
    stopTask: method('stopTask'),
  };
}

function stoppedTask({ exitCode, stopCode = 'EssentialContainerExited', stoppedReason = 'Essential container in task exited', reason } = {}) {
  return {
    tasks: [{
      taskArn: TASK_ARN,
      lastStatus: 'STOPPED',
      stopCode,
      stoppedReason,
      containers: [
        { name: 'sidecar', exitCode: 0 },
        { name: 'web', exitCode, reason },
      ],
    }],
    failures: [],
  };
}

function runningTask(lastStatus = 'RUNNING') {
  return { tasks: [{ taskArn: TASK_ARN, lastStatus, containers: [{ name: 'web' }] }], failures: [] };
}

// A fake clock: `now` returns whatever `clock.ms` is set to.
function handlersWith(ecs, clock = { ms: T0 }) {
  return release.createHandlers(ecs, { now: () => clock.ms });
}

let logged;
let originalLog;
let originalRegion;
beforeEach(() => {
  logged = [];
  originalLog = console.log;
  console.log = (...args) => logged.push(args.join(' '));
  originalRegion = process.env.AWS_REGION;
  process.env.AWS_REGION = 'eu-west-1';
});
afterEach(() => {
  console.log = originalLog;
  if (originalRegion === undefined) delete process.env.AWS_REGION;
  else process.env.AWS_REGION = originalRegion;
});

// ---------------------------------------------------------------- onEvent

test('Create runs one Fargate task with the command override and private awsvpc networking', async () => {
  // Given an ECS API that starts the task
  const ecs = fakeEcs({ runTask: { tasks: [{ taskArn: TASK_ARN, lastStatus: 'PROVISIONING' }], failures: [] } });
  // When the resource is created
  await handlersWith(ecs).onEvent(createEvent('Create'));
  // Then RunTask is called once with the step's task definition, network config and override
  assert.equal(ecs.calls.length, 1);
  assert.equal(ecs.calls[0].name, 'runTask');
  assert.deepEqual(ecs.calls[0].input, {
    cluster: CLUSTER,
    taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/app-web:7',
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    count: 1,
    startedBy: 'djangocdk-release',
    enableExecuteCommand: false,
    networkConfiguration: {
      awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' },
    },
    overrides: { containerOverrides: [{ name: 'web', command: ['python', 'manage.py', 'migrate', '--no-input'] }] },
  });
});

test('Create returns a physical id derived from the step and logical id, with the task ARN and the start time from the clock', async () => {
  // Given an ECS API that starts the task and a clock at T0
  const ecs = fakeEcs({ runTask: { tasks: [{ taskArn: TASK_ARN }], failures: [] } });
  // When the resource is created
  const result = await handlersWith(ecs).onEvent(createEvent('Create'));
  // Then the physical id is stable and Data carries the task ARN and start time
  assert.deepEqual(result, {
    PhysicalResourceId: 'release-migrate-ReleaseMigrate',
    Data: { TaskArn: TASK_ARN, StartedAt: '2024-05-01T12:00:00.000Z' },
  });
});

test('Update re-runs the task and keeps the incoming physical id', async () => {
  // Given an existing resource with a physical id
  const ecs = fakeEcs({ runTask: { tasks: [{ taskArn: TASK_ARN }], failures: [] } });
  const event = createEvent('Update', { PhysicalResourceId: 'release-migrate-OldLogicalId', OldResourceProperties: props({ Trigger: 'old' }) });
  // When the resource is updated
  const result = await handlersWith(ecs).onEvent(event);
  // Then a new task is started and the physical id is unchanged (so CloudFormation issues no Delete)
  assert.equal(ecs.calls.filter((c) => c.name === 'runTask').length, 1);
  assert.equal(result.PhysicalResourceId, 'release-migrate-OldLogicalId');
  assert.equal(result.Data.TaskArn, TASK_ARN);
});

test('RunTask failures throw an error naming the step, the command and the failure reasons', async () => {
  // Given an ECS API that cannot place the task
  const ecs = fakeEcs({
    runTask: { tasks: [], failures: [{ arn: 'arn:aws:ecs:eu-west-1:123456789012:container-instance/x', reason: 'RESOURCE:ENI', detail: 'no free IPs' }] },
  });
  // When the resource is created
  const run = handlersWith(ecs).onEvent(createEvent('Create'));
  // Then the error names the step, the full command and the reason/arn, on one line
  await assert.rejects(run, (err) => {
    assert.match(err.message, /^release step 'migrate' \(python manage\.py migrate --no-input\) could not be started/);
    assert.match(err.message, /RESOURCE:ENI \(no free IPs\)/);
    assert.match(err.message, /container-instance\/x/);
    assert.doesNotMatch(err.message, /\n/);
    return true;
  });
});

test('RunTask returning no task and no failures still throws naming the command', async () => {
  // Given an ECS API that returns an empty result
  const ecs = fakeEcs({ runTask: { tasks: [], failures: [] } });
  // When the resource is created / Then it fails instead of waiting on nothing
  await assert.rejects(handlersWith(ecs).onEvent(createEvent('Create')), /python manage\.py migrate --no-input.*no task returned/);
});

test('Delete is a no-op for onEvent and calls no ECS API', async () => {
  // Given a resource being deleted
  const ecs = fakeEcs();
  // When onEvent handles the Delete
  const result = await handlersWith(ecs).onEvent(createEvent('Delete', { PhysicalResourceId: 'release-migrate-X' }));
  // Then it returns the same physical id and ECS is untouched
  assert.deepEqual(result, { PhysicalResourceId: 'release-migrate-X' });
  assert.equal(ecs.calls.length, 0);
});

test('Update with Skip=true (SkipRelease) starts no task and succeeds, keeping the physical id', async () => {
  // Given a step whose properties carry Skip=true
  const ecs = fakeEcs();
  const event = createEvent('Update', { PhysicalResourceId: 'release-migrate-X', ResourceProperties: { ...props(), Skip: 'true' } });
  // When onEvent handles it
  const result = await handlersWith(ecs).onEvent(event);
  // Then ECS is untouched and the result says the step was skipped
  assert.equal(ecs.calls.length, 0);
  assert.deepEqual(result, { PhysicalResourceId: 'release-migrate-X', Data: { Skipped: 'true' } });
});

test('isComplete of a skipped step is complete at once and calls no ECS API', async () => {
  // Given a skipped step (no task ARN was recorded)
  const ecs = fakeEcs();
  const event = { ...createEvent('Update', { ResourceProperties: { ...props(), Skip: 'true' } }), Data: { Skipped: 'true' } };
  // When isComplete polls it
  const result = await handlersWith(ecs).isComplete(event);
  // Then it is complete without asking ECS
  assert.deepEqual(result, { IsComplete: true, Data: { Skipped: 'true' } });
  assert.equal(ecs.calls.length, 0);
});

test('Skip=false runs the task as usual', async () => {
  // Given a step whose Skip property is anything but true
  const ecs = fakeEcs({ runTask: { tasks: [{ taskArn: TASK_ARN, lastStatus: 'PROVISIONING' }], failures: [] } });
  // When onEvent handles it
  await handlersWith(ecs).onEvent(createEvent('Update', { ResourceProperties: { ...props(), Skip: 'false' } }));
  // Then the task is started
  assert.equal(ecs.calls[0].name, 'runTask');
});

// ---------------------------------------------------------------- isComplete

test('Delete is a no-op for isComplete and calls no ECS API', async () => {
  // Given a resource being deleted
  const ecs = fakeEcs();
  // When isComplete handles the Delete
  const result = await handlersWith(ecs).isComplete(createEvent('Delete', { PhysicalResourceId: 'release-migrate-X' }));
  // Then it is immediately complete and ECS is untouched
  assert.deepEqual(result, { IsComplete: true });
  assert.equal(ecs.calls.length, 0);
});

test('a task that exited with code 0 completes with the task ARN and exit code', async () => {
  // Given a stopped task whose container exited 0
  const ecs = fakeEcs({ describeTasks: stoppedTask({ exitCode: 0 }) });
  // When isComplete polls
  const result = await handlersWith(ecs).isComplete(pollEvent());
  // Then the step is complete, having described exactly the recorded task
  assert.deepEqual(result, { IsComplete: true, Data: { TaskArn: TASK_ARN, ExitCode: '0' } });
  assert.deepEqual(ecs.calls, [{ name: 'describeTasks', input: { cluster: CLUSTER, tasks: [TASK_ARN] } }]);
});

test('a non-zero exit throws with the command, the exit code, the log group, stream and console URL', async () => {
  // Given a stopped task whose container exited 1
  const ecs = fakeEcs({ describeTasks: stoppedTask({ exitCode: 1 }) });
  // When isComplete polls
  const run = handlersWith(ecs).isComplete(pollEvent());
  // Then the error says what failed and where to read the logs
  await assert.rejects(run, (err) => {
    assert.equal(
      err.message,
      "release step 'migrate' (python manage.py migrate --no-input) exited with code 1; " +
        'logs: log group /djangocdk/app, stream ecs/web/0123456789abcdef, ' +
        'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1' +
        '#logsV2:log-groups/log-group/$252Fdjangocdk$252Fapp/log-events/ecs$252Fweb$252F0123456789abcdef',
    );
    return true;
  });
});

test('the exit code of the command container is used, not the one of other containers', async () => {
  // Given a stopped task where a sidecar exited 0 but the web container exited 2
  const ecs = fakeEcs({ describeTasks: stoppedTask({ exitCode: 2 }) });
  // When isComplete polls / Then it fails with the web container's code
  await assert.rejects(handlersWith(ecs).isComplete(pollEvent()), /exited with code 2;/);
});

test('a task that failed to start throws with the stopped reason and the container reason', async () => {
  // Given a task that could not pull its image (no exit code)
  const ecs = fakeEcs({
    describeTasks: stoppedTask({
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)',
      reason: 'CannotPullContainerError: ref pull has been retried',
    }),
  });
  // When isComplete polls
  const run = handlersWith(ecs).isComplete(pollEvent());
  // Then the error names the step, command and both reasons
  await assert.rejects(run, (err) => {
    assert.match(err.message, /^release step 'migrate' \(python manage\.py migrate --no-input\) failed to start: CannotPullContainerError: pull image/);
    assert.match(err.message, /container 'web': CannotPullContainerError: ref pull/);
    assert.match(err.message, new RegExp(TASK_ARN));
    return true;
  });
});

test('a task stopped without an exit code (e.g. secrets not retrievable) throws with the reason', async () => {
  // Given a task stopped during init with no exit code and no TaskFailedToStart code
  const ecs = fakeEcs({
    describeTasks: stoppedTask({
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'ResourceInitializationError: unable to pull secrets or registry auth',
    }),
  });
  // When isComplete polls / Then it fails with the stopped reason instead of reporting success
  await assert.rejects(handlersWith(ecs).isComplete(pollEvent()), /migrate --no-input\) stopped before container 'web' exited.*ResourceInitializationError: unable to pull secrets/);
});

test('a running task within its timeout is not complete yet and is not stopped', async () => {
  // Given a task still running 1199 s after it was started (timeout 1200 s)
  const ecs = fakeEcs({ describeTasks: runningTask('RUNNING') });
  const clock = { ms: T0 + 1199 * 1000 };
  // When isComplete polls
  const result = await handlersWith(ecs, clock).isComplete(pollEvent());
  // Then the framework is asked to poll again and no StopTask is issued
  assert.deepEqual(result, { IsComplete: false });
  assert.deepEqual(ecs.calls.map((c) => c.name), ['describeTasks']);
});

test('a task past its timeout is stopped and the error says so with the log location', async () => {
  // Given a task still pending 1201 s after it was started (timeout 1200 s)
  const ecs = fakeEcs({ describeTasks: runningTask('PENDING'), stopTask: {} });
  const clock = { ms: T0 + 1201 * 1000 };
  // When isComplete polls
  const run = handlersWith(ecs, clock).isComplete(pollEvent());
  // Then the task is stopped with a reason mentioning the timeout, and the error explains it
  await assert.rejects(run, (err) => {
    assert.match(
      err.message,
      new RegExp(`^release step 'migrate' \\(python manage\\.py migrate --no-input\\) timed out after 1200 s; task ${TASK_ARN} was stopped; logs: log group /djangocdk/app, stream ecs/web/0123456789abcdef, https://`),
    );
    return true;
  });
  const stop = ecs.calls.find((c) => c.name === 'stopTask');
  assert.ok(stop, 'StopTask was not called');
  assert.equal(stop.input.cluster, CLUSTER);
  assert.equal(stop.input.task, TASK_ARN);
  assert.match(stop.input.reason, /timed out after 1200 s/);
});

test('a timed-out task that cannot be stopped still fails the step', async () => {
  // Given a task past its timeout and a StopTask call that errors
  const ecs = fakeEcs({ describeTasks: runningTask('RUNNING'), stopTask: new Error('AccessDenied') });
  const clock = { ms: T0 + 5000 * 1000 };
  // When isComplete polls / Then the timeout error is thrown and mentions the stop failure
  await assert.rejects(handlersWith(ecs, clock).isComplete(pollEvent()), /timed out after 1200 s; task .* could not be stopped \(AccessDenied\)/);
});

test('a task missing from DescribeTasks throws naming the step and the task', async () => {
  // Given ECS no longer knows the task
  const ecs = fakeEcs({ describeTasks: { tasks: [], failures: [{ arn: TASK_ARN, reason: 'MISSING' }] } });
  // When isComplete polls / Then it fails naming the step and the task
  await assert.rejects(
    handlersWith(ecs).isComplete(pollEvent()),
    (err) => err.message.startsWith("release step 'migrate'") && err.message.includes(TASK_ARN) && err.message.includes('MISSING'),
  );
});

test('the console URL is omitted when AWS_REGION is not set', async () => {
  // Given no region in the environment and a failing task
  delete process.env.AWS_REGION;
  const ecs = fakeEcs({ describeTasks: stoppedTask({ exitCode: 3 }) });
  // When isComplete polls / Then the log group and stream are still named, without a URL
  await assert.rejects(handlersWith(ecs).isComplete(pollEvent()), (err) =>
    err.message.endsWith('logs: log group /djangocdk/app, stream ecs/web/0123456789abcdef'));
});

test('each call logs one short line with step, request type, task ARN and status only', async () => {
  // Given a running task
  const ecs = fakeEcs({ describeTasks: runningTask('RUNNING') });
  // When isComplete polls
  await handlersWith(ecs).isComplete(pollEvent());
  // Then exactly one line is logged, without the command, network config or other properties
  assert.deepEqual(logged, [`release step=migrate request=Create task=${TASK_ARN} status=RUNNING`]);
});

// ---------------------------------------------------------------- Lambda entry points

test('the Lambda entry points handle Delete without loading the AWS SDK', async () => {
  // Given the module's exported handlers (real-SDK adapter, SDK not needed for Delete)
  // When both handle a Delete
  const onEventResult = await release.onEvent(createEvent('Delete', { PhysicalResourceId: 'p' }));
  const isCompleteResult = await release.isComplete(createEvent('Delete', { PhysicalResourceId: 'p' }));
  // Then both are no-ops
  assert.deepEqual(onEventResult, { PhysicalResourceId: 'p' });
  assert.deepEqual(isCompleteResult, { IsComplete: true });
});

test('the real-SDK adapter sends RunTaskCommand through an ECSClient', async () => {
  // Given a stand-in for @aws-sdk/client-ecs (loaded lazily by the adapter)
  const sent = [];
  class ECSClient { async send(cmd) { sent.push(cmd); return { tasks: [{ taskArn: TASK_ARN }], failures: [] }; } }
  const command = (type) => class { constructor(input) { this.type = type; this.input = input; } };
  const fakeSdk = { ECSClient, RunTaskCommand: command('RunTask'), DescribeTasksCommand: command('DescribeTasks'), StopTaskCommand: command('StopTask') };
  const originalLoad = Module._load;
  Module._load = function load(request, ...rest) {
    return request === '@aws-sdk/client-ecs' ? fakeSdk : originalLoad.call(this, request, ...rest);
  };
  try {
    // When the exported onEvent handles a Create
    const result = await release.onEvent(createEvent('Create'));
    // Then one RunTaskCommand carrying the RunTask input was sent
    assert.equal(sent.length, 1);
    assert.equal(sent[0].type, 'RunTask');
    assert.equal(sent[0].input.startedBy, 'djangocdk-release');
    assert.equal(result.Data.TaskArn, TASK_ARN);
  } finally {
    Module._load = originalLoad;
  }
});
