'use strict';
/**
 * The two forms scripts/test.sh checks: an environment-agnostic stack and one with a concrete account and region.
 * cdk-nag's findings differ between them (the concrete form names the account, region and, with the
 * @aws-cdk/core:enablePartitionLiterals flag of cdk.json, the partition literally), and the check must report
 * exactly what cdk-nag reports inside the app in both, so a suppression written for one form only shows up.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { App, ArnFormat, Aspects, Stack } = require('aws-cdk-lib');
const iam = require('aws-cdk-lib/aws-iam');
const { AwsSolutionsChecks } = require('cdk-nag');
const { checkTemplate } = require('../check');
const { tempDir } = require('../test-support/helpers');

const CONCRETE = { account: '123456789012', region: 'us-east-1' };
/** Written for the agnostic form only: `<AWS::Region>` and `<AWS::AccountId>` placeholders. */
const AGNOSTIC_ONLY = '/^Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:app:\\*$/';
/** The same suppression for both forms: each placeholder or its literal value. */
const BOTH_FORMS = '/^Resource::arn:(<AWS::Partition>|aws[a-z-]*):logs:(<AWS::Region>|[a-z0-9-]+):(<AWS::AccountId>|[0-9]{12}):log-group:app:\\*$/';

/**
 * A role whose policy writes to the log streams of group "app" (an IAM5 finding), optionally suppressed with
 * `regex`, synthesized with AwsSolutions as an aspect. Returns the in-app IAM5 findings and the template file.
 */
function synthLogWriter(t, env, regex) {
  const outdir = tempDir(t, 'cdk-nag-check-env-');
  // builtinCloudFormationValidation: aws-cdk-lib's own synth-time template validation (WebAssembly) costs ~10 s here.
  const app = new App({ outdir, builtinCloudFormationValidation: false, context: { '@aws-cdk/core:enablePartitionLiterals': true } });
  const stack = new Stack(app, 'Logs', { env });
  const role = new iam.Role(stack, 'Writer', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
  const logGroupArn = stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: 'app:*', arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:PutLogEvents'], resources: [logGroupArn] }));
  if (regex) {
    const policy = role.node.findChild('DefaultPolicy').node.defaultChild;
    policy.addMetadata('cdk_nag', {
      rules_to_suppress: [{ id: 'AwsSolutions-IAM5', reason: 'The app writes only the streams of its own log group.', applies_to: [{ regex }] }],
    });
  }
  const inApp = [];
  const logger = {
    onCompliance() {},
    onNotApplicable() {},
    onNonCompliance: (d) => d.ruleId === 'AwsSolutions-IAM5' && inApp.push(d.findingId),
    onSuppressed() {},
    onError() {},
    onSuppressedError() {},
  };
  Aspects.of(stack).add(new AwsSolutionsChecks({ reports: false, additionalLoggers: [logger] }));
  app.synth();
  return { inApp, template: path.join(outdir, 'Logs.template.json'), scratch: tempDir(t, 'cdk-nag-check-env-scratch-') };
}

/** The IAM5 findings the check reports for a template. */
function iam5FromTemplate({ template, scratch }) {
  return checkTemplate(template, { outdir: scratch })
    .findings.filter((f) => f.ruleId.startsWith('AwsSolutions-IAM5['))
    .map((f) => f.ruleId.slice('AwsSolutions-IAM5['.length, -1));
}

test('An environment-agnostic stack is reported with <AWS::...> placeholders, as cdk-nag does inside the app', (t) => {
  // Given a stack with no account and no region
  const synth = synthLogWriter(t, undefined);
  // When its template is checked
  const found = iam5FromTemplate(synth);
  // Then the finding holds the placeholders, exactly as inside the app
  assert.deepEqual(found, ['Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:app:*']);
  assert.deepEqual(found, synth.inApp);
});

test('A stack with a concrete account and region is reported with them literally, as cdk-nag does inside the app', (t) => {
  // Given the same stack in account 123456789012, us-east-1, with partition literals on (as in cdk.json)
  const synth = synthLogWriter(t, CONCRETE);
  // When its template is checked
  const found = iam5FromTemplate(synth);
  // Then the finding names the partition, region and account, exactly as inside the app
  assert.deepEqual(found, ['Resource::arn:aws:logs:us-east-1:123456789012:log-group:app:*']);
  assert.deepEqual(found, synth.inApp);
});

test('A suppression written with <AWS::Region> and <AWS::AccountId> only covers the agnostic form', (t) => {
  // Given the agnostic-only regex on both forms
  // When they are checked
  // Then the agnostic finding is suppressed and the concrete one is reported
  assert.deepEqual(iam5FromTemplate(synthLogWriter(t, undefined, AGNOSTIC_ONLY)), []);
  assert.deepEqual(iam5FromTemplate(synthLogWriter(t, CONCRETE, AGNOSTIC_ONLY)), ['Resource::arn:aws:logs:us-east-1:123456789012:log-group:app:*']);
});

test('A suppression that accepts each placeholder or its literal value covers both forms', (t) => {
  // Given a regex of the form (<AWS::Partition>|aws...):logs:(<AWS::Region>|...):(<AWS::AccountId>|[0-9]{12})
  // When both forms are checked
  // Then neither reports the finding
  assert.deepEqual(iam5FromTemplate(synthLogWriter(t, undefined, BOTH_FORMS)), []);
  assert.deepEqual(iam5FromTemplate(synthLogWriter(t, CONCRETE, BOTH_FORMS)), []);
});
