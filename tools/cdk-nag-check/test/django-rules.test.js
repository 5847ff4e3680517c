'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { Fn } = require('aws-cdk-lib');
const { CfnBucket } = require('aws-cdk-lib/aws-s3');
const { NagRuleCompliance } = require('cdk-nag');
const { DjangoChecks } = require('../django-checks');
const { DjangoDebugDisabled, DjangoNoPlaintextSecrets, DjangoAllowedHostsRestricted } = require('../rules');
const { env, taskDefinition, scratchStack } = require('../test-support/helpers');

const { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE } = NagRuleCompliance;
const DJANGO = { DJANGO_SETTINGS_MODULE: 'mysite.settings.production', ALLOWED_HOSTS: 'app.example.com' };

test('The Django pack has exactly the rules Django-DJ1, Django-DJ2 and Django-DJ3', () => {
  // Given the DjangoChecks pack
  // When its rule IDs are listed
  const ids = DjangoChecks.RULE_IDS;
  // Then they are the three documented Django rules, in order
  assert.deepEqual([...ids], ['Django-DJ1', 'Django-DJ2', 'Django-DJ3']);
});

test('Django rules do not apply to resources that are not ECS task definitions', (t) => {
  // Given an S3 bucket
  const bucket = new CfnBucket(scratchStack(t), 'Bucket');
  // When each Django rule checks it
  const results = [DjangoDebugDisabled, DjangoNoPlaintextSecrets, DjangoAllowedHostsRestricted].map((rule) => rule(bucket));
  // Then none of them applies
  assert.deepEqual(results, [NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE]);
});

test('DJ1 passes a Django container whose DEBUG is "0", "false", "False" or empty', (t) => {
  for (const value of ['0', 'false', 'False', '']) {
    // Given a Django container with DEBUG switched off
    const node = taskDefinition(t, { name: 'web', environment: env({ ...DJANGO, DEBUG: value }) });
    // When DJ1 checks it
    // Then it is compliant
    assert.equal(DjangoDebugDisabled(node), COMPLIANT, `DEBUG=${JSON.stringify(value)}`);
  }
});

test('DJ1 fails a Django container whose DEBUG is "True"', (t) => {
  // Given a Django container with DEBUG=True
  const node = taskDefinition(t, { name: 'web', environment: env({ ...DJANGO, DEBUG: 'True' }) });
  // When DJ1 checks it
  // Then it is non-compliant
  assert.equal(DjangoDebugDisabled(node), NON_COMPLIANT);
});

test('DJ1 fails a Django container that uses the DJANGO_DEBUG spelling with "1"', (t) => {
  // Given a Django container with DJANGO_DEBUG=1 (cookiecutter-django naming)
  const node = taskDefinition(t, { name: 'web', environment: env({ ...DJANGO, DJANGO_DEBUG: '1' }) });
  // When DJ1 checks it
  // Then it is non-compliant
  assert.equal(DjangoDebugDisabled(node), NON_COMPLIANT);
});

test('DJ1 passes a Django container whose DEBUG comes from an intrinsic function', (t) => {
  // Given a Django container whose DEBUG value is an Fn::ImportValue (not a literal)
  const node = taskDefinition(t, { name: 'web', environment: env({ ...DJANGO, DEBUG: Fn.importValue('DebugFlag') }) });
  // When DJ1 checks it
  // Then it is compliant, because the value cannot be judged from the template
  assert.equal(DjangoDebugDisabled(node), COMPLIANT);
});

test('DJ1 does not apply to a container without DJANGO_SETTINGS_MODULE', (t) => {
  // Given a non-Django sidecar with DEBUG=1
  const node = taskDefinition(t, { name: 'nginx', environment: env({ DEBUG: '1' }) });
  // When DJ1 checks it
  // Then the rule does not apply
  assert.equal(DjangoDebugDisabled(node), NOT_APPLICABLE);
});

test('DJ2 passes a container that takes its secrets from Secrets and only names a secret in Environment', (t) => {
  // Given a Django container with the secret key in Secrets and DB_SECRET_NAME / DB_SECRET_ARN in Environment
  const node = taskDefinition(t, {
    name: 'web',
    environment: env({ ...DJANGO, DB_SECRET_NAME: 'django/db', DB_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:x' }),
    secrets: [{ name: 'DJANGO_SECRET_KEY', valueFrom: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:key' }],
  });
  // When DJ2 checks it
  // Then it is compliant
  assert.equal(DjangoNoPlaintextSecrets(node), COMPLIANT);
});

test('DJ2 fails a container with DJANGO_SECRET_KEY in Environment', (t) => {
  // Given a Django container with the secret key as a plaintext environment variable
  const node = taskDefinition(t, { name: 'web', environment: env({ ...DJANGO, DJANGO_SECRET_KEY: 'fixture-placeholder' }) });
  // When DJ2 checks it
  // Then it is non-compliant
  assert.equal(DjangoNoPlaintextSecrets(node), NON_COMPLIANT);
});

test('DJ2 fails a non-Django container with a lower-case password variable resolved from a dynamic reference', (t) => {
  // Given a worker container (no DJANGO_SETTINGS_MODULE) with postgres_password from {{resolve:secretsmanager:...}}
  const node = taskDefinition(t, {
    name: 'worker',
    environment: env({ postgres_password: '{{resolve:secretsmanager:django/db:SecretString:password}}' }),
  });
  // When DJ2 checks it
  // Then it is non-compliant: the resolved value lands in the task definition in plaintext
  assert.equal(DjangoNoPlaintextSecrets(node), NON_COMPLIANT);
});

test('DJ2 fails a container with an API token in Environment even when its value is an intrinsic', (t) => {
  // Given a container whose GITHUB_TOKEN comes from Fn::ImportValue
  const node = taskDefinition(t, { name: 'web', environment: env({ GITHUB_TOKEN: Fn.importValue('Token') }) });
  // When DJ2 checks it
  // Then it is non-compliant
  assert.equal(DjangoNoPlaintextSecrets(node), NON_COMPLIANT);
});

test('DJ3 passes a Django container with a specific ALLOWED_HOSTS', (t) => {
  // Given a Django container with ALLOWED_HOSTS=app.example.com,.example.org
  const node = taskDefinition(t, { name: 'web', environment: env({ ...DJANGO, ALLOWED_HOSTS: 'app.example.com,.example.org' }) });
  // When DJ3 checks it
  // Then it is compliant
  assert.equal(DjangoAllowedHostsRestricted(node), COMPLIANT);
});

test('DJ3 passes a Django container that uses DJANGO_ALLOWED_HOSTS from an intrinsic', (t) => {
  // Given a Django container whose DJANGO_ALLOWED_HOSTS is Fn::ImportValue
  const node = taskDefinition(t, {
    name: 'web',
    environment: env({ DJANGO_SETTINGS_MODULE: 'mysite.settings', DJANGO_ALLOWED_HOSTS: Fn.importValue('Domain') }),
  });
  // When DJ3 checks it
  // Then it is compliant
  assert.equal(DjangoAllowedHostsRestricted(node), COMPLIANT);
});

test('DJ3 fails a Django container without ALLOWED_HOSTS', (t) => {
  // Given a Django container that does not set ALLOWED_HOSTS
  const node = taskDefinition(t, { name: 'web', environment: env({ DJANGO_SETTINGS_MODULE: 'mysite.settings' }) });
  // When DJ3 checks it
  // Then it is non-compliant
  assert.equal(DjangoAllowedHostsRestricted(node), NON_COMPLIANT);
});

test('DJ3 fails a Django container whose ALLOWED_HOSTS is a wildcard', (t) => {
  // Given a Django container with ALLOWED_HOSTS=*
  const node = taskDefinition(t, { name: 'web', environment: env({ ...DJANGO, ALLOWED_HOSTS: '*' }) });
  // When DJ3 checks it
  // Then it is non-compliant
  assert.equal(DjangoAllowedHostsRestricted(node), NON_COMPLIANT);
});

test('DJ3 fails a Django container whose ALLOWED_HOSTS joins a wildcard to an imported domain', (t) => {
  // Given ALLOWED_HOSTS = Fn::Join(",", [ImportValue(Domain), "*"])
  const node = taskDefinition(t, {
    name: 'web',
    environment: env({ ...DJANGO, ALLOWED_HOSTS: Fn.join(',', [Fn.importValue('Domain'), '*']) }),
  });
  // When DJ3 checks it
  // Then it is non-compliant: the literal part of the intrinsic contains *
  assert.equal(DjangoAllowedHostsRestricted(node), NON_COMPLIANT);
});

test('DJ3 does not apply to a container without DJANGO_SETTINGS_MODULE', (t) => {
  // Given an nginx sidecar without ALLOWED_HOSTS
  const node = taskDefinition(t, { name: 'nginx', environment: env({ NGINX_PORT: '80' }) });
  // When DJ3 checks it
  // Then the rule does not apply
  assert.equal(DjangoAllowedHostsRestricted(node), NOT_APPLICABLE);
});
