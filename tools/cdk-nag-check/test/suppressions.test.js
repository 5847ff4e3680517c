'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { validateCdkNagMetadata } = require('../lib/suppressions');

const GOOD_REASON = 'Django media storage needs every object key of its own bucket.';

test('A suppression with an id and a reason of 25+ characters is accepted', () => {
  // Given cdk_nag metadata with one well-formed granular suppression
  const metadata = { rules_to_suppress: [{ id: 'AwsSolutions-IAM5', reason: GOOD_REASON, applies_to: ['Resource::*', { regex: '/^Action::s3:.*$/' }] }] };
  // When it is validated
  const { accepted, problems } = validateCdkNagMetadata(metadata);
  // Then it is kept unchanged and nothing is reported
  assert.deepEqual(problems, []);
  assert.deepEqual(accepted, metadata);
});

test('A suppression whose reason is shorter than 25 characters is rejected', () => {
  // Given a suppression with a 24-character reason
  const metadata = { rules_to_suppress: [{ id: 'AwsSolutions-S1', reason: 'Logs are not needed here' }] };
  assert.equal(metadata.rules_to_suppress[0].reason.length, 24);
  // When it is validated
  const { accepted, problems } = validateCdkNagMetadata(metadata);
  // Then it is dropped and reported
  assert.equal(accepted, undefined);
  assert.match(problems[0].message, /shorter than 25 characters/);
});

test('A suppression whose reason is a TODO placeholder is rejected even when long enough', () => {
  // Given a suppression whose reason says TODO
  const metadata = { rules_to_suppress: [{ id: 'AwsSolutions-S1', reason: 'TODO: write down why logs are not needed' }] };
  // When it is validated
  const { problems } = validateCdkNagMetadata(metadata);
  // Then it is reported as a placeholder
  assert.match(problems[0].message, /placeholder/);
});

test('A suppression that spells applies_to as appliesTo is rejected', () => {
  // Given a suppression using the TypeScript API spelling in the template
  const metadata = { rules_to_suppress: [{ id: 'AwsSolutions-IAM5', reason: GOOD_REASON, appliesTo: ['Resource::*'] }] };
  // When it is validated
  const { problems } = validateCdkNagMetadata(metadata);
  // Then the unknown key is reported, pointing at the template spelling
  assert.match(problems[0].message, /unknown key "appliesTo".*applies_to/);
});

test('A suppression with an applies_to regex that is not /pattern/flags is rejected', () => {
  // Given a regex entry without slashes
  const metadata = { rules_to_suppress: [{ id: 'AwsSolutions-IAM5', reason: GOOD_REASON, applies_to: [{ regex: '^Action::s3:.*$' }] }] };
  // When it is validated
  const { problems } = validateCdkNagMetadata(metadata);
  // Then the regex is reported
  assert.match(problems[0].message, /invalid applies_to regex/);
});

test('Only the unacceptable suppressions of a resource are dropped', () => {
  // Given one good and one bad suppression on the same resource
  const good = { id: 'AwsSolutions-S10', reason: GOOD_REASON };
  const metadata = { rules_to_suppress: [{ id: 'AwsSolutions-S1', reason: 'n/a' }, good] };
  // When they are validated
  const { accepted, problems } = validateCdkNagMetadata(metadata);
  // Then the good one is kept and the bad one reported under its rule id
  assert.deepEqual(accepted.rules_to_suppress, [good]);
  assert.deepEqual(problems.map((p) => p.id), ['AwsSolutions-S1']);
});

test('A base64 reason marked is_reason_encoded is decoded before its length is checked', () => {
  // Given a reason as cdk-nag's NagSuppressions writes it when it holds characters above U+00FF
  const reason = 'Le journal d’accès est fourni par CloudTrail.';
  const metadata = { rules_to_suppress: [{ reason: Buffer.from(reason).toString('base64'), id: 'AwsSolutions-S1', is_reason_encoded: true }] };
  // When it is validated
  const { accepted, problems } = validateCdkNagMetadata(metadata);
  // Then it is accepted as is
  assert.deepEqual(problems, []);
  assert.deepEqual(accepted, metadata);
});

test('A short reason hidden in base64 is still rejected', () => {
  // Given an encoded reason that decodes to "d’accord"
  const metadata = { rules_to_suppress: [{ reason: Buffer.from('d’accord').toString('base64'), id: 'AwsSolutions-S1', is_reason_encoded: true }] };
  // When it is validated
  const { problems } = validateCdkNagMetadata(metadata);
  // Then the decoded reason is reported as too short
  assert.match(problems[0].message, /reason "d’accord" is shorter than 25 characters/);
});
