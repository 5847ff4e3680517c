'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, Stack } = require('aws-cdk-lib');
const { CfnTaskDefinition } = require('aws-cdk-lib/aws-ecs');

const TOOL_DIR = path.resolve(__dirname, '..');
const CHECK = path.join(TOOL_DIR, 'check.js');
const FIXTURES = path.join(TOOL_DIR, 'test', 'fixtures');

/** Path of a fixture folder or file under test/fixtures. */
const fixture = (...parts) => path.join(FIXTURES, ...parts);

/** Runs `node check.js <args>` as the CI would; returns { status, stdout, stderr }. */
function runCheck(...args) {
  const r = spawnSync(process.execPath, [CHECK, ...args], { cwd: FIXTURES, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, removed when the test ends. */
function tempDir(t, prefix = 'cdk-nag-check-test-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** An App with a scratch outdir (App() would otherwise leave a temporary cdk.out behind). */
function scratchStack(t) {
  const app = new App({ outdir: tempDir(t, 'cdk-nag-check-app-') });
  return new Stack(app, 'Test');
}

/** Environment list in L1 (camelCase) shape from { NAME: value }. */
const env = (vars) => Object.entries(vars).map(([name, value]) => ({ name, value }));

/**
 * A CfnTaskDefinition with the given containers, e.g.
 *   taskDefinition(t, { name: 'web', environment: env({ DJANGO_SETTINGS_MODULE: 'x' }) })
 */
function taskDefinition(t, ...containers) {
  const stack = scratchStack(t);
  return new CfnTaskDefinition(stack, 'TaskDef', {
    containerDefinitions: containers.map((c) => ({ image: 'public.ecr.aws/docker/library/python:3.12-slim', ...c })),
  });
}

module.exports = { TOOL_DIR, CHECK, FIXTURES, fixture, runCheck, tempDir, scratchStack, env, taskDefinition };
