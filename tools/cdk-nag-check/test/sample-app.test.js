'use strict';
/**
 * End-to-end on a realistic template: a Django-shaped CDK app (VPC, ALB + Fargate web service, Celery
 * worker, Postgres, Redis, S3, CloudFront: ~90 resources) synthesized by aws-cdk-lib into a cloud
 * assembly with two stages, then checked from its templates.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Stack } = require('aws-cdk-lib');
const { AwsSolutionsChecks } = require('cdk-nag');
const { DjangoChecks } = require('../django-checks');
const { synthSampleApp } = require('../test-support/sample-app');
const { checkTemplate, findTemplates, TOOL_RULE } = require('../check');
const { runCheck } = require('../test-support/helpers');

const logicalId = (resource) => Stack.of(resource).resolve(resource.logicalId);
const key = (ruleId, findingId, resource) => `${ruleId}${findingId ? `[${findingId}]` : ''} ${logicalId(resource)}`;

let outdir;
let inApp; // findings of cdk-nag run as aspects inside the Prod stage of the CDK app
let prodTemplate;
let devTemplate;
let scratch;

test.before(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-nag-check-sample-'));
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-nag-check-scratch-'));
  inApp = { findings: new Set(), suppressed: new Set() };
  const logger = {
    onCompliance() {},
    onNotApplicable() {},
    onNonCompliance: (d) => inApp.findings.add(key(d.ruleId, d.findingId, d.resource)),
    onSuppressed: (d) => inApp.suppressed.add(key(d.ruleId, d.findingId, d.resource)),
    onError: (d) => inApp.findings.add(key('CdkNagValidationFailure', d.ruleId, d.resource)),
    onSuppressedError: (d) => inApp.suppressed.add(key('CdkNagValidationFailure', d.ruleId, d.resource)),
  };
  const packProps = { reports: false, additionalLoggers: [logger] };
  synthSampleApp(outdir, {
    stages: { Prod: { suppressMediaFindings: true }, Dev: { debug: true } },
    aspectsFor: (stage) => (stage === 'Prod' ? [new AwsSolutionsChecks(packProps), new DjangoChecks(packProps)] : []),
  });
  const templates = findTemplates(outdir);
  prodTemplate = templates.find((f) => f.includes('assembly-Prod'));
  devTemplate = templates.find((f) => f.includes('assembly-Dev'));
});

test.after(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

test('Both stage templates of the synthesized app are found in their assembly-* folders', () => {
  // Given the synthesized cloud assembly with a Prod and a Dev stage (plus an asset.* folder)
  // When its templates are listed
  const names = findTemplates(outdir).map((f) => path.relative(outdir, f));
  // Then exactly one template per stage is found
  assert.equal(names.length, 2, names.join(', '));
  assert.ok(prodTemplate && devTemplate, names.join(', '));
});

test('A CDK-synthesized Django stack of about 90 resources loads without load or rule errors', () => {
  // Given the Prod template
  // When it is checked
  const result = checkTemplate(prodTemplate, { outdir: scratch });
  // Then all its resources were loaded and no rule crashed
  assert.ok(result.resources >= 85, `${result.resources} resources`);
  const toolErrors = result.findings.filter((f) => Object.values(TOOL_RULE).includes(f.ruleId));
  assert.deepEqual(toolErrors.map((f) => `${f.ruleId}: ${f.info}`), []);
});

test('Checking the template finds what cdk-nag finds inside the CDK app, plus CDK-internal provider resources', () => {
  // Given the findings of AwsSolutions and Django packs run as aspects inside the app
  // When the synthesized template is checked through CfnInclude
  const result = checkTemplate(prodTemplate, { outdir: scratch });
  const fromTemplate = new Set(result.findings.map((f) => `${f.ruleId} ${logicalId(f.resource)}`));
  const suppressedFromTemplate = new Set(result.suppressed.map((s) => `${s.ruleId} ${logicalId(s.resource)}`));
  assert.ok(inApp.findings.size > 10, `only ${inApp.findings.size} in-app findings`);
  // Then every in-app finding is found, and the only extra ones are on CDK's custom-resource provider
  // (a raw CfnResource inside the app, a typed CfnRole/CfnFunction once loaded from the template)
  assert.deepEqual([...inApp.findings].filter((f) => !fromTemplate.has(f)), []);
  const extra = [...fromTemplate].filter((f) => !inApp.findings.has(f));
  assert.ok(extra.every((f) => / Custom[A-Za-z0-9]*CustomResourceProvider/.test(f)), extra.join('\n'));
  // And the same findings are suppressed
  assert.deepEqual([...suppressedFromTemplate].sort(), [...inApp.suppressed].sort());
});

test('A granular IAM5 suppression written in CDK code with the bucket logical ID suppresses its findings', () => {
  // Given the web task role policy suppressed with applies_to "Resource::<${logicalId(bucket)}.Arn>/*" and action entries
  // When the Prod template is checked
  const result = checkTemplate(prodTemplate, { outdir: scratch });
  const suppressed = result.suppressed.map((s) => `${s.ruleId} ${logicalId(s.resource)}`);
  // Then the bucket-object finding of that policy is suppressed and not reported
  const finding = /^AwsSolutions-IAM5\[Resource::<Media[0-9A-F]{8}\.Arn>\/\*\] WebTaskDefTaskRoleDefaultPolicy[0-9A-F]{8}$/;
  assert.ok(suppressed.some((s) => finding.test(s)), suppressed.join('\n'));
  assert.ok(!result.findings.some((f) => finding.test(`${f.ruleId} ${logicalId(f.resource)}`)));
});

test('The Dev stage with DEBUG=True is reported as Django-DJ1 by the command', () => {
  // Given the whole cloud assembly
  // When the command runs over the cdk.out folder
  const r = runCheck(outdir);
  // Then it fails, reporting DJ1 on the Dev web task definition only, and checks both templates
  assert.equal(r.status, 1);
  const dj1 = r.stdout.split('\n').filter((l) => l.startsWith('ERROR Django-DJ1 '));
  assert.equal(dj1.length, 1, r.stdout);
  assert.match(dj1[0], /\(Dev\/Django\/Web\/TaskDef\/Resource\)/);
  assert.match(r.stdout, /^cdk-nag: 2 templates, \d+ unsuppressed findings, \d+ suppressed$/m);
});
