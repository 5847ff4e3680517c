'use strict';
/**
 * Read-only view of the containers of an `AWS::ECS::TaskDefinition` L1 resource,
 * shared by the Django rules in ../rules/.
 *
 * Resources loaded with CfnInclude (and resources written with CDK) are
 * `aws_ecs.CfnTaskDefinition` instances whose properties are camelCase
 * (`containerDefinitions[].environment[].name/value`, `secrets[].name`).
 * A raw template uses PascalCase (`ContainerDefinitions[].Environment[].Name/Value`).
 * Both spellings are accepted so the helpers also work on hand-built objects.
 *
 * A value is "literal" when it resolves to a string, number or boolean;
 * CloudFormation intrinsics (`{ "Ref": ... }`, `{ "Fn::Join": ... }`, dynamic
 * references are strings and therefore literal) resolve to objects and are
 * reported with `literal: false`.
 */
const { Stack } = require('aws-cdk-lib');
const { CfnTaskDefinition } = require('aws-cdk-lib/aws-ecs');

function pick(obj, camel, pascal) {
  if (obj === null || typeof obj !== 'object') return undefined;
  return obj[camel] !== undefined ? obj[camel] : obj[pascal];
}

function isLiteral(value) {
  return value === undefined || value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function literalString(value) {
  return value === undefined || value === null ? '' : String(value);
}

/** Normalises a list of `{name, value}` / `{Name, Value}` / `{name, valueFrom}` entries. */
function readVariables(list, valueCamel, valuePascal) {
  if (list === undefined || list === null) return { entries: [], opaque: false };
  if (!Array.isArray(list)) return { entries: [], opaque: true }; // e.g. Fn::If over the whole list
  const entries = [];
  let opaque = false;
  for (const item of list) {
    const name = pick(item, 'name', 'Name');
    if (typeof name !== 'string') {
      opaque = true; // an intrinsic instead of an entry, or an entry whose name is an intrinsic
      continue;
    }
    const value = pick(item, valueCamel, valuePascal);
    entries.push({ name, value, literal: isLiteral(value) });
  }
  return { entries, opaque };
}

/**
 * @param {import('aws-cdk-lib').CfnResource} node
 * @returns {null | Array<{name: string|undefined, environment: Array<{name,value,literal}>,
 *   secrets: Array<{name,value,literal}>, opaque: boolean}>}
 *   null when the node is not an ECS task definition; otherwise one entry per
 *   container definition that could be read. `opaque` is true when part of the
 *   container's environment is hidden behind an intrinsic function.
 */
function containersOf(node) {
  if (!(node instanceof CfnTaskDefinition)) return null;
  const stack = Stack.of(node);
  const definitions = stack.resolve(node.containerDefinitions);
  if (!Array.isArray(definitions)) return [];
  const containers = [];
  for (const raw of definitions) {
    const definition = stack.resolve(raw);
    const readable = definition !== null && typeof definition === 'object' &&
      (pick(definition, 'name', 'Name') !== undefined || pick(definition, 'image', 'Image') !== undefined);
    if (!readable) {
      continue; // an intrinsic (e.g. Fn::If) standing for a whole container: nothing literal to check
    }
    const environment = readVariables(stack.resolve(pick(definition, 'environment', 'Environment')), 'value', 'Value');
    const secrets = readVariables(stack.resolve(pick(definition, 'secrets', 'Secrets')), 'valueFrom', 'ValueFrom');
    containers.push({
      name: pick(definition, 'name', 'Name'),
      environment: environment.entries,
      secrets: secrets.entries,
      opaque: environment.opaque || secrets.opaque,
    });
  }
  return containers;
}

/** A container is a Django container when it sets DJANGO_SETTINGS_MODULE (as env var or secret). */
function isDjangoContainer(container) {
  return [...container.environment, ...container.secrets].some((v) => v.name === 'DJANGO_SETTINGS_MODULE');
}

/** Every literal string inside a value (the value itself, or the literal parts of an intrinsic). */
function literalStrings(value) {
  if (isLiteral(value)) return [literalString(value)];
  const out = [];
  const visit = (v) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return out;
}

module.exports = { containersOf, isDjangoContainer, literalString, literalStrings };
