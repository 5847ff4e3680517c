'use strict';
/**
 * Django-DJ3: Django containers set ALLOWED_HOSTS, without a wildcard.
 *
 * Non-compliant when a Django container (one whose environment sets
 * DJANGO_SETTINGS_MODULE) has neither an `ALLOWED_HOSTS` nor a
 * `DJANGO_ALLOWED_HOSTS` variable (in Environment or Secrets), or when such an
 * Environment value contains `*`: a literal value, or any literal string inside
 * an intrinsic (e.g. the parts of an Fn::Join, the text of an Fn::Sub).
 * A value from Secrets cannot be seen and passes.
 */
const path = require('path');
const { NagRuleCompliance } = require('cdk-nag');
const { containersOf, isDjangoContainer, literalStrings } = require('../lib/task-definition');

const ALLOWED_HOSTS_NAMES = ['ALLOWED_HOSTS', 'DJANGO_ALLOWED_HOSTS'];

function restricted(container) {
  const inEnv = container.environment.filter((v) => ALLOWED_HOSTS_NAMES.includes(v.name));
  const inSecrets = container.secrets.filter((v) => ALLOWED_HOSTS_NAMES.includes(v.name));
  if (inEnv.length === 0 && inSecrets.length === 0) return false;
  return !inEnv.some((v) => literalStrings(v.value).some((s) => s.includes('*')));
}

module.exports = Object.defineProperty(
  (node) => {
    const containers = containersOf(node);
    if (containers === null) return NagRuleCompliance.NOT_APPLICABLE;
    const django = containers.filter(isDjangoContainer);
    if (django.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
    return django.every(restricted) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
  'name',
  { value: path.parse(__filename).name }
);
