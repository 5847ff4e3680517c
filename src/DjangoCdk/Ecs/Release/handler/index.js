'use strict';
// Release-phase waiter for DjangoCdk: runs one Django management command
// (e.g. `manage.py migrate`) as a one-off ECS task and waits for it to finish.
// Backed by the CDK custom-resources Provider framework:
//   index.onEvent    starts the task (Create/Update), ignores Delete; with Skip=true starts nothing
//   index.isComplete polls the task until it stops, fails, or times out
// Never log or echo the whole event: only step name, task ARN and status.

const MAX_FIELD = 500; // keeps error messages well under the ~4000-byte CFN reason limit

// Thin adapter around the real SDK v3 client. The SDK is required on first
// use so this module loads (and tests run) without @aws-sdk installed.
function sdkEcs() {
  let sdk;
  let client;
  const send = (name, input) => {
    sdk = sdk || require('@aws-sdk/client-ecs');
    client = client || new sdk.ECSClient({});
    return client.send(new sdk[`${name}Command`](input));
  };
  return {
    runTask: (input) => send('RunTask', input),
    describeTasks: (input) => send('DescribeTasks', input),
    stopTask: (input) => send('StopTask', input),
  };
}

// One line, bounded length: error text ends up in the CloudFormation console.
function clip(value, max = MAX_FIELD) {
  const s = String(value == null ? '' : value).replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

function asList(value) {
  if (Array.isArray(value)) return value;
  return value == null || value === '' ? [] : [value];
}

// "release step 'migrate' (python manage.py migrate --no-input)"
function stepLabel(props) {
  return `release step '${clip(props.Name, 100)}' (${clip(asList(props.Command).join(' '))})`;
}

function isSkipped(props) {
  return String(props.Skip).toLowerCase() === 'true';
}

function taskIdOf(taskArn) {
  return String(taskArn).split('/').pop();
}

// The CloudWatch console double-encodes names in the URL fragment: "/" -> "$252F".
function consoleEncode(name) {
  return encodeURIComponent(encodeURIComponent(name)).replace(/%/g, '$');
}

// "log group /x, stream ecs/web/<taskId>, https://...console..."
function logLocation(props, taskArn) {
  const group = props.LogGroup;
  const stream = `${props.LogStreamPrefix}/${props.ContainerName}/${taskIdOf(taskArn)}`;
  const region = process.env.AWS_REGION;
  let where = `log group ${group}, stream ${stream}`;
  if (region) {
    where += `, https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}` +
      `#logsV2:log-groups/log-group/${consoleEncode(group)}/log-events/${consoleEncode(stream)}`;
  }
  return where;
}

function log(props, event, taskArn, status) {
  console.log(`release step=${props.Name} request=${event.RequestType} task=${taskArn || '-'} status=${status}`);
}

// ecs: { runTask(input), describeTasks(input), stopTask(input) } -> Promise of the
//      SDK v3 output shape. options.now: () => epoch milliseconds (fake clock in tests).
function createHandlers(ecs, options = {}) {
  const now = options.now || (() => Date.now());

  async function onEvent(event) {
    const props = event.ResourceProperties || {};
    if (event.RequestType === 'Delete') {
      log(props, event, undefined, 'DELETE_NOOP');
      return { PhysicalResourceId: event.PhysicalResourceId };
    }

    // SkipRelease: report success without starting a task (a documented recovery switch).
    if (isSkipped(props)) {
      log(props, event, undefined, 'SKIPPED');
      return {
        PhysicalResourceId: event.PhysicalResourceId || `release-${props.Name}-${event.LogicalResourceId}`,
        Data: { Skipped: 'true' },
      };
    }

    const command = asList(props.Command);
    const input = {
      cluster: props.Cluster,
      taskDefinition: props.TaskDefinition,
      launchType: props.LaunchType || 'FARGATE',
      count: 1,
      startedBy: 'djangocdk-release',
      enableExecuteCommand: false,
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: asList(props.Subnets),
          securityGroups: asList(props.SecurityGroups),
          assignPublicIp: 'DISABLED',
        },
      },
      overrides: { containerOverrides: [{ name: props.ContainerName, command }] },
    };
    if (props.PlatformVersion) input.platformVersion = props.PlatformVersion;

    const result = (await ecs.runTask(input)) || {};
    const failures = result.failures || [];
    const task = (result.tasks || [])[0];
    if (failures.length > 0 || !task) {
      const reasons = failures.map((f) => `${f.reason || 'unknown'}${f.detail ? ` (${f.detail})` : ''}${f.arn ? ` [${f.arn}]` : ''}`);
      log(props, event, undefined, 'RUN_TASK_FAILED');
      throw new Error(`${stepLabel(props)} could not be started: RunTask failed: ${clip(reasons.join('; ') || 'no task returned', 1500)}`);
    }

    log(props, event, task.taskArn, task.lastStatus || 'PROVISIONING');
    return {
      // Stable across updates, so CloudFormation never deletes the "old" resource.
      PhysicalResourceId: event.PhysicalResourceId || `release-${props.Name}-${event.LogicalResourceId}`,
      Data: { TaskArn: task.taskArn, StartedAt: new Date(now()).toISOString() },
    };
  }

  async function isComplete(event) {
    const props = event.ResourceProperties || {};
    if (event.RequestType === 'Delete') {
      log(props, event, undefined, 'DELETE_NOOP');
      return { IsComplete: true };
    }

    const data = event.Data || {};
    if (isSkipped(props)) return { IsComplete: true, Data: { Skipped: 'true' } };
    const taskArn = data.TaskArn;
    if (!taskArn) throw new Error(`${stepLabel(props)}: no task ARN was recorded by onEvent`);

    const result = (await ecs.describeTasks({ cluster: props.Cluster, tasks: [taskArn] })) || {};
    const task = (result.tasks || []).find((t) => t.taskArn === taskArn) || (result.tasks || [])[0];
    if (!task || (result.failures || []).length > 0) {
      const reason = (result.failures || []).map((f) => f.reason).filter(Boolean).join('; ') || 'MISSING';
      log(props, event, taskArn, 'MISSING');
      throw new Error(`${stepLabel(props)}: task ${taskArn} was not found by DescribeTasks (${clip(reason)})`);
    }

    if (task.lastStatus !== 'STOPPED') {
      const timeoutSeconds = Number(props.TimeoutSeconds) || 3600;
      const elapsedMs = now() - Date.parse(data.StartedAt);
      if (elapsedMs > timeoutSeconds * 1000) {
        log(props, event, taskArn, `TIMED_OUT(${task.lastStatus})`);
        let stopped = 'was stopped';
        try {
          await ecs.stopTask({
            cluster: props.Cluster,
            task: taskArn,
            reason: clip(`DjangoCdk release step '${props.Name}' timed out after ${timeoutSeconds} s`, 255),
          });
        } catch (err) {
          stopped = `could not be stopped (${clip(err && err.message, 200)})`;
        }
        throw new Error(`${stepLabel(props)} timed out after ${timeoutSeconds} s; task ${taskArn} ${stopped}; logs: ${logLocation(props, taskArn)}`);
      }
      log(props, event, taskArn, task.lastStatus);
      return { IsComplete: false };
    }

    log(props, event, taskArn, `STOPPED(${task.stopCode || '-'})`);
    const container = (task.containers || []).find((c) => c.name === props.ContainerName);
    const exitCode = container ? container.exitCode : undefined;

    // The command never ran (image pull, secrets, ENI, capacity...) or was killed before exiting.
    if (task.stopCode === 'TaskFailedToStart' || exitCode === undefined || exitCode === null) {
      const what = task.stopCode === 'TaskFailedToStart'
        ? 'failed to start'
        : `stopped before container '${props.ContainerName}' exited (stopCode ${task.stopCode || 'unknown'})`;
      const containerReason = container && container.reason ? `; container '${props.ContainerName}': ${clip(container.reason)}` : '';
      throw new Error(`${stepLabel(props)} ${what}: ${clip(task.stoppedReason || 'no reason given')}${containerReason}; task ${taskArn}`);
    }

    if (exitCode !== 0) {
      const reason = container.reason ? ` (${clip(container.reason, 200)})` : '';
      throw new Error(`${stepLabel(props)} exited with code ${exitCode}${reason}; logs: ${logLocation(props, taskArn)}`);
    }

    return { IsComplete: true, Data: { TaskArn: taskArn, ExitCode: String(exitCode) } };
  }

  return { onEvent, isComplete };
}

// Lambda entry points: index.onEvent / index.isComplete, using the real SDK.
const defaults = createHandlers(sdkEcs());
exports.onEvent = (event) => defaults.onEvent(event);
exports.isComplete = (event) => defaults.isComplete(event);
exports.createHandlers = createHandlers;
