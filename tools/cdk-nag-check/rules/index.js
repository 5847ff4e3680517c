'use strict';
/** The Django rules, one per file. The pack (../django-checks.js) gives them IDs, levels and texts. */
module.exports = {
  DjangoDebugDisabled: require('./DjangoDebugDisabled'),
  DjangoNoPlaintextSecrets: require('./DjangoNoPlaintextSecrets'),
  DjangoAllowedHostsRestricted: require('./DjangoAllowedHostsRestricted'),
};
