'use strict';
/**
 * DjangoChecks: a cdk-nag NagPack with Django-specific checks on ECS task
 * definitions. Rule IDs are `Django-<suffix>`; each rule lives in ./rules/.
 *
 * Usage (like any cdk-nag pack): Aspects.of(app).add(new DjangoChecks({ verbose: true }))
 */
const { CfnResource } = require('aws-cdk-lib');
const { NagPack, NagMessageLevel } = require('cdk-nag');
const rules = require('./rules');

const PACK_NAME = 'Django';

/** The rules of the pack, in order. `suffix` makes the rule ID `Django-<suffix>`. */
const DJANGO_RULES = Object.freeze([
  {
    suffix: 'DJ1',
    rule: rules.DjangoDebugDisabled,
    level: NagMessageLevel.ERROR,
    info: 'A Django container has DEBUG enabled.',
    explanation:
      'DEBUG=True makes Django show stack traces, settings and SQL to anyone who triggers an error. ' +
      'Set DEBUG (or DJANGO_DEBUG) to "0"/"false", or leave it unset, in containers that set DJANGO_SETTINGS_MODULE.',
  },
  {
    suffix: 'DJ2',
    rule: rules.DjangoNoPlaintextSecrets,
    level: NagMessageLevel.ERROR,
    info: 'A container passes a secret (SECRET_KEY/PASSWORD/TOKEN/SECRET) as a plaintext environment variable.',
    explanation:
      'Environment values are stored in plaintext in the task definition and visible to anyone who can describe it. ' +
      'Pass them through the container definition\'s Secrets (Secrets Manager or SSM Parameter Store) instead.',
  },
  {
    suffix: 'DJ3',
    rule: rules.DjangoAllowedHostsRestricted,
    level: NagMessageLevel.ERROR,
    info: 'A Django container has no ALLOWED_HOSTS environment variable, or it contains a wildcard (*).',
    explanation:
      'Without a restrictive ALLOWED_HOSTS Django accepts any Host header, which enables host-header poisoning ' +
      '(password-reset links, cache poisoning). Set ALLOWED_HOSTS (or DJANGO_ALLOWED_HOSTS) to the real domain names.',
  },
]);

class DjangoChecks extends NagPack {
  constructor(props) {
    super(props);
    this.packName = PACK_NAME;
  }

  visit(node) {
    if (!(node instanceof CfnResource)) return;
    for (const r of DJANGO_RULES) {
      this.applyRule({
        ruleSuffixOverride: r.suffix,
        info: r.info,
        explanation: r.explanation,
        level: r.level,
        rule: r.rule,
        node,
      });
    }
  }
}

/** The rule IDs of the pack, e.g. ['Django-DJ1', ...]. */
DjangoChecks.RULE_IDS = Object.freeze(DJANGO_RULES.map((r) => `${PACK_NAME}-${r.suffix}`));

module.exports = { DjangoChecks, DJANGO_RULES, PACK_NAME };
