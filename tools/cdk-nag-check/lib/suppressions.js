'use strict';
/**
 * Validation of cdk-nag suppression metadata as it appears in a template:
 *
 *   "Metadata": { "cdk_nag": { "rules_to_suppress": [
 *       { "id": "AwsSolutions-IAM5", "reason": "...", "applies_to": ["Resource::*", { "regex": "/^Action::s3:.*$/" }] }
 *   ] } }
 *
 * cdk-nag itself only demands a reason of 10+ characters and throws (aborting
 * the whole check) when one is shorter. We are stricter and never throw: each
 * unacceptable entry becomes a problem (reported as a finding by check.js) and
 * is dropped, so it suppresses nothing.
 */

const MIN_REASON_LENGTH = 25;
const KNOWN_KEYS = ['id', 'reason', 'applies_to', 'is_reason_encoded'];
/** Reasons that are only a placeholder: the whole reason, or a marker word anywhere in it. */
const PLACEHOLDER_WHOLE = /^(n\/?a|none|null|undefined|placeholder|reason|justification|see above|later|wip|[-_.?*!x\s]+)$/i;
const PLACEHOLDER_WORD = /\b(TODO|TBD|FIXME|XXX|CHANGEME|lorem ipsum)\b/i;

/** The same parsing cdk-nag applies to `{ "regex": "/pattern/flags" }` entries. */
function parseRegex(s) {
  const m = typeof s === 'string' ? s.match(/\/(.*)\/(.*)?/) : null;
  if (!m) throw new Error(`"${s}" is not of the form "/pattern/flags"`);
  return new RegExp(m[1], m[2] || '');
}

function decodeReason(entry) {
  if (entry.is_reason_encoded && typeof entry.reason === 'string') {
    return Buffer.from(entry.reason, 'base64').toString();
  }
  return entry.reason;
}

/** @returns {string[]} what is wrong with one rules_to_suppress entry (empty when acceptable) */
function entryProblems(entry) {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    return ['entry is not an object'];
  }
  const problems = [];
  if (typeof entry.id !== 'string' || entry.id.trim() === '') {
    problems.push('missing "id"');
  } else if (/\[.*\]/.test(entry.id)) {
    problems.push(`"id" ${entry.id} contains a finding; put the finding in "applies_to" instead`);
  }
  const reason = decodeReason(entry);
  if (typeof reason !== 'string') {
    problems.push('missing "reason"');
  } else {
    const trimmed = reason.trim();
    if (trimmed.length < MIN_REASON_LENGTH) {
      problems.push(`reason "${trimmed}" is shorter than ${MIN_REASON_LENGTH} characters`);
    } else if (PLACEHOLDER_WHOLE.test(trimmed) || PLACEHOLDER_WORD.test(trimmed)) {
      problems.push(`reason "${trimmed}" is a placeholder`);
    }
  }
  for (const key of Object.keys(entry)) {
    if (!KNOWN_KEYS.includes(key)) {
      problems.push(`unknown key "${key}"${key === 'appliesTo' ? ' (the template key is "applies_to")' : ''}`);
    }
  }
  if (entry.applies_to !== undefined) {
    if (!Array.isArray(entry.applies_to) || entry.applies_to.length === 0) {
      problems.push('"applies_to" must be a non-empty list (omit it to suppress every finding of the rule)');
    } else {
      for (const item of entry.applies_to) {
        if (typeof item === 'string') continue;
        if (item && typeof item === 'object' && Object.keys(item).length === 1 && 'regex' in item) {
          try {
            parseRegex(item.regex);
          } catch (err) {
            problems.push(`invalid applies_to regex: ${err.message}`);
          }
        } else {
          problems.push(`applies_to entry ${JSON.stringify(item)} is neither a string nor {"regex": "/.../"}`);
        }
      }
    }
  }
  return problems;
}

/**
 * @param {unknown} cdkNagMetadata the value of Metadata.cdk_nag (may be undefined)
 * @returns {{ accepted: object|undefined, problems: Array<{id: string, message: string}>, count: number }}
 *   `accepted` is the metadata with only the acceptable entries (undefined when none).
 */
function validateCdkNagMetadata(cdkNagMetadata) {
  if (cdkNagMetadata === undefined || cdkNagMetadata === null) return { accepted: undefined, problems: [], count: 0 };
  if (typeof cdkNagMetadata !== 'object' || !Array.isArray(cdkNagMetadata.rules_to_suppress)) {
    return {
      accepted: undefined,
      problems: [{ id: '?', message: 'Metadata.cdk_nag must be {"rules_to_suppress": [...]}' }],
      count: 0,
    };
  }
  const accepted = [];
  const problems = [];
  for (const entry of cdkNagMetadata.rules_to_suppress) {
    const found = entryProblems(entry);
    if (found.length === 0) accepted.push(entry);
    else problems.push({ id: (entry && typeof entry.id === 'string' && entry.id) || '?', message: found.join('; ') });
  }
  return {
    accepted: accepted.length ? { ...cdkNagMetadata, rules_to_suppress: accepted } : undefined,
    problems,
    count: cdkNagMetadata.rules_to_suppress.length,
  };
}

module.exports = { validateCdkNagMetadata, entryProblems, parseRegex, MIN_REASON_LENGTH };
