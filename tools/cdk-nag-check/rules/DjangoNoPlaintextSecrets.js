'use strict';
/**
 * Django-DJ2: secrets are passed through `Secrets`, not in plaintext `Environment`.
 *
 * Non-compliant when any container of a task definition (Django or not) has an
 * `Environment` entry whose name ends with SECRET_KEY, PASSWORD, TOKEN or
 * SECRET (case-insensitive), e.g. DJANGO_SECRET_KEY or POSTGRES_PASSWORD,
 * whatever its value (a literal, a Ref to a NoEcho parameter or a
 * {{resolve:secretsmanager:...}} dynamic reference all end up readable in the
 * task definition). Only the suffix counts: DB_SECRET_NAME / DB_SECRET_ARN,
 * which hold a secret's name or ARN, pass.
 */
const path = require('path');
const { NagRuleCompliance } = require('cdk-nag');
const { containersOf } = require('../lib/task-definition');

const SECRET_NAME = /(SECRET_KEY|PASSWORD|TOKEN|SECRET)$/i;

module.exports = Object.defineProperty(
  (node) => {
    const containers = containersOf(node);
    if (containers === null) return NagRuleCompliance.NOT_APPLICABLE;
    const leaks = containers.some((c) => c.environment.some((v) => SECRET_NAME.test(v.name)));
    return leaks ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
  },
  'name',
  { value: path.parse(__filename).name }
);
module.exports.SECRET_NAME = SECRET_NAME;
