'use strict';
/**
 * Django-DJ1: Django containers do not run with DEBUG enabled.
 *
 * Non-compliant when a Django container (one whose environment sets
 * DJANGO_SETTINGS_MODULE) has an environment variable `DEBUG` (or the
 * cookiecutter-django spelling `DJANGO_DEBUG`) with a literal value other than
 * "0", "false", "False" or "". Values that are CloudFormation intrinsics are
 * not literal and pass (they cannot be judged from the template).
 */
const path = require('path');
const { NagRuleCompliance } = require('cdk-nag');
const { containersOf, isDjangoContainer, literalString } = require('../lib/task-definition');

const DEBUG_NAMES = ['DEBUG', 'DJANGO_DEBUG'];
const DEBUG_OFF_VALUES = ['0', 'false', 'False', ''];

module.exports = Object.defineProperty(
  (node) => {
    const containers = containersOf(node);
    if (containers === null) return NagRuleCompliance.NOT_APPLICABLE;
    const django = containers.filter(isDjangoContainer);
    if (django.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
    const debugOn = django.some((c) =>
      c.environment.some((v) => DEBUG_NAMES.includes(v.name) && v.literal && !DEBUG_OFF_VALUES.includes(literalString(v.value)))
    );
    return debugOn ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
  },
  'name',
  { value: path.parse(__filename).name }
);
