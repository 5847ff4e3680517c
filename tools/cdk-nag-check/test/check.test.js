'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { fixture, runCheck, tempDir } = require('../test-support/helpers');
const { findTemplates } = require('../check');

/** The final summary line of a run. */
const summary = (stdout) => stdout.trim().split('\n').pop();

test('An unencrypted bucket without suppressions fails naming AwsSolutions-S1', () => {
  // Given a template with a bare S3 bucket
  // When the check runs over its folder
  const r = runCheck(fixture('unencrypted-bucket'));
  // Then it exits 1 and reports the AwsSolutions findings for the bucket
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, /^ERROR AwsSolutions-S1 UploadsBucket: /m);
  assert.match(r.stdout, /^ERROR AwsSolutions-S10 UploadsBucket: /m);
  assert.equal(summary(r.stdout), 'cdk-nag: 1 templates, 2 unsuppressed findings, 0 suppressed');
});

test('The same bucket with cdk_nag suppressions and proper reasons passes and counts them as suppressed', () => {
  // Given the bucket with rules_to_suppress metadata, in a CDK-shaped template with Parameters, Rules, Conditions and Outputs
  // When the check runs
  const r = runCheck(fixture('suppressed-bucket'));
  // Then it exits 0 with both findings counted as suppressed
  assert.equal(r.status, 0, r.stdout);
  assert.equal(summary(r.stdout), 'cdk-nag: 1 templates, 0 unsuppressed findings, 2 suppressed');
});

test('A suppression with a too-short reason is a finding and suppresses nothing', () => {
  // Given the bucket whose S1 suppression reason is "not needed"
  // When the check runs
  const r = runCheck(fixture('short-reason'));
  // Then it exits 1, reporting the bad suppression and the S1 finding it failed to suppress
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, /^ERROR CdkNagCheck-Suppression UploadsBucket: unacceptable suppression of AwsSolutions-S1: reason "not needed" is shorter than 25 characters$/m);
  assert.match(r.stdout, /^ERROR AwsSolutions-S1 UploadsBucket: /m);
  assert.equal(summary(r.stdout), 'cdk-nag: 1 templates, 2 unsuppressed findings, 1 suppressed');
});

test('A suppression whose reason is a TODO placeholder is a finding', () => {
  // Given the bucket whose S1 suppression reason starts with TODO
  // When the check runs
  const r = runCheck(fixture('placeholder-reason'));
  // Then it exits 1 naming the placeholder
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, /^ERROR CdkNagCheck-Suppression UploadsBucket: .*is a placeholder$/m);
});

test('An empty folder fails because no template was found', (t) => {
  // Given an empty folder
  const empty = tempDir(t);
  // When the check runs over it
  const r = runCheck(empty);
  // Then it exits 1 and says that no template was checked
  assert.equal(r.status, 1, r.stdout);
  assert.equal(summary(r.stdout), 'cdk-nag: 0 templates, 0 unsuppressed findings, 0 suppressed');
});

test('manifest.json, tree.json and *.assets.json are not taken for templates', () => {
  // Given a cdk.out-like folder holding only manifest, tree and assets files
  // When the check runs over it
  const r = runCheck(fixture('no-templates'));
  // Then no template is found and it exits 1
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, /no \*\.template\.json found/);
});

test('Templates of nested assembly-* folders are checked and asset.* folders are skipped', () => {
  // Given a cloud assembly whose stack sits in assembly-Prod/ and an asset folder holding a template-named file
  // When the templates of the folder are listed
  const found = findTemplates(fixture('nested-assembly')).map((f) => path.relative(fixture('nested-assembly'), f));
  // Then only the stage's template is found
  assert.deepEqual(found, [path.join('assembly-Prod', 'ProdStorage.template.json')]);
});

test('A finding is printed with its logical ID and the construct path from aws:cdk:path', () => {
  // Given the nested assembly whose bucket carries aws:cdk:path metadata
  // When the check runs
  const r = runCheck(fixture('nested-assembly'));
  // Then the finding line names the template, the logical ID and the construct path
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, /assembly-Prod\/ProdStorage\.template\.json/);
  assert.match(r.stdout, /^ERROR AwsSolutions-S1 LogsBucket \(Prod\/Storage\/Logs\/Resource\): The S3 Bucket has server access logs disabled\.$/m);
});

test('Template-level cdk_nag metadata suppresses findings of every resource', () => {
  // Given a template whose top-level Metadata suppresses S1 and whose bucket suppresses S10
  // When the check runs
  const r = runCheck(fixture('stack-level-suppression'));
  // Then both findings are suppressed
  assert.equal(r.status, 0, r.stdout);
  assert.equal(summary(r.stdout), 'cdk-nag: 1 templates, 0 unsuppressed findings, 2 suppressed');
});

test('Granular applies_to entries, as strings and as regex, suppress the matching IAM5 findings', () => {
  // Given a policy with s3:GetObject* on <UploadsBucket.Arn>/*, suppressed by "Resource::<UploadsBucket.Arn>/*" and a regex for the action
  // When the check runs
  const r = runCheck(fixture('iam-wildcards'), '--verbose');
  // Then both IAM5 findings are suppressed
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /suppressed AwsSolutions-IAM5\[Resource::<UploadsBucket\.Arn>\/\*\] TaskRolePolicy/);
  assert.match(r.stdout, /suppressed AwsSolutions-IAM5\[Action::s3:GetObject\*\] TaskRolePolicy/);
});

test('An IAM5 finding that no applies_to entry matches stays unsuppressed', () => {
  // Given the same policy with only the Resource finding listed in applies_to
  // When the check runs
  const r = runCheck(fixture('iam-wildcards-partly'));
  // Then the action finding is reported, with the exact string applies_to would need
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, /^ERROR AwsSolutions-IAM5\[Action::s3:GetObject\*\] TaskRolePolicy: /m);
  assert.doesNotMatch(r.stdout, /^ERROR AwsSolutions-IAM5\[Resource::/m);
});

test('A Django task definition loaded from a template is checked by the Django pack', () => {
  // Given a task definition with DEBUG=True, ALLOWED_HOSTS=* and DJANGO_SECRET_KEY in Environment
  // When the check runs
  const r = runCheck(fixture('django-task'));
  // Then DJ1, DJ2 and DJ3 are reported for it
  assert.equal(r.status, 1, r.stdout);
  for (const id of ['Django-DJ1', 'Django-DJ2', 'Django-DJ3']) {
    assert.match(r.stdout, new RegExp(`^ERROR ${id} WebTaskDef \\(Fixture/Web/TaskDef/Resource\\): `, 'm'));
  }
});

test('A Django task definition with intrinsic settings and secrets in Secrets passes', () => {
  // Given a task definition whose DEBUG is a Ref, ALLOWED_HOSTS an Fn::Join without *, and the key in Secrets
  // When the check runs
  const r = runCheck(fixture('django-task-clean'));
  // Then it exits 0
  assert.equal(r.status, 0, r.stdout);
});

test('Several folders and template files can be checked in one run', () => {
  // Given a passing folder and a passing template file
  // When both are passed on the command line
  const r = runCheck(fixture('suppressed-bucket'), fixture('iam-wildcards', 'Policy.template.json'));
  // Then both are checked and the run passes
  assert.equal(r.status, 0, r.stdout);
  assert.equal(summary(r.stdout), 'cdk-nag: 2 templates, 0 unsuppressed findings, 6 suppressed');
});

test('A path that does not exist fails the run', () => {
  // Given a passing folder and a missing one
  // When both are passed
  const r = runCheck(fixture('suppressed-bucket'), fixture('does-not-exist'));
  // Then the run fails and names the missing path
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, /does-not-exist: no such file or folder/);
});

test('A file that is not a CloudFormation template is a load error', (t) => {
  // Given a *.template.json that is not JSON
  const dir = tempDir(t);
  fs.writeFileSync(path.join(dir, 'Broken.template.json'), '{ not json');
  // When the check runs over its folder
  const r = runCheck(dir);
  // Then it exits 1 with a load error
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, /^ERROR CdkNagCheck-LoadError <template>: cannot load template: /m);
});

test('A Django finding is suppressed by cdk_nag metadata like any cdk-nag rule', (t) => {
  // Given the failing Django task definition with DJ1, DJ2 and DJ3 suppressed on the resource
  const template = JSON.parse(fs.readFileSync(fixture('django-task', 'TaskDef.template.json'), 'utf8'));
  const rules = template.Resources.WebTaskDef.Metadata.cdk_nag.rules_to_suppress;
  for (const id of ['Django-DJ1', 'Django-DJ2', 'Django-DJ3']) {
    rules.push({ id, reason: `Test fixture: ${id} is accepted for this throw-away test task.` });
  }
  const dir = tempDir(t);
  fs.writeFileSync(path.join(dir, 'TaskDef.template.json'), JSON.stringify(template));
  // When the check runs
  const r = runCheck(dir);
  // Then the Django findings count as suppressed and the run passes
  assert.equal(r.status, 0, r.stdout);
  assert.equal(summary(r.stdout), 'cdk-nag: 1 templates, 0 unsuppressed findings, 4 suppressed');
});
