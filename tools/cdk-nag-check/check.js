#!/usr/bin/env node
'use strict';
/**
 * Runs cdk-nag's AwsSolutions pack and our Django pack over synthesized
 * CloudFormation templates.
 *
 *   node tools/cdk-nag-check/check.js <cdk.out folder> [more folders or template files...] [--verbose]
 *
 * Each template is loaded into a fresh App/Stack with CfnInclude
 * (preserveLogicalIds), so rule IDs, logical IDs and `applies_to` findings are
 * exactly those cdk-nag would report inside the CDK app. Suppressions are read
 * from the templates (`Metadata.cdk_nag.rules_to_suppress` on resources and at
 * template level). Exit code 1 when any unsuppressed finding (error or warning)
 * remains or no template was found, 0 otherwise.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, Stack, CfnResource } = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks, NagMessageLevel } = require('cdk-nag');
const { DjangoChecks } = require('./django-checks');
const { validateCdkNagMetadata } = require('./lib/suppressions');

const TEMPLATE_SUFFIX = '.template.json';
/** Rule ID of findings made by this tool rather than by a pack. */
const TOOL_RULE = {
  suppression: 'CdkNagCheck-Suppression',
  load: 'CdkNagCheck-LoadError',
  crash: 'CdkNagCheck-RuleError',
};

const USAGE =
  'usage: node tools/cdk-nag-check/check.js <cdk.out folder> [more folders or *.template.json files...] [--verbose]';

/**
 * Templates of a cloud assembly folder: its `*.template.json` files, and those
 * of nested assemblies (`assembly-*` folders, one per CDK Stage), recursively.
 * Asset folders (`asset.*`) and other files (manifest.json, tree.json,
 * *.assets.json) are skipped.
 */
function findTemplates(dir) {
  const found = [];
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isFile() && e.name.endsWith(TEMPLATE_SUFFIX)) found.push(full);
  }
  for (const e of entries) {
    if (e.isDirectory() && e.name.startsWith('assembly-')) found.push(...findTemplates(path.join(dir, e.name)));
  }
  return found;
}

/** Collects cdk-nag logger events (an INagLogger, passed as `additionalLoggers`). */
class FindingCollector {
  constructor() {
    this.findings = [];
    this.suppressed = [];
  }
  onCompliance() {}
  onNotApplicable() {}
  onNonCompliance(d) {
    if (d.ruleLevel === NagMessageLevel.INFO) return; // informational only, never counted
    this.findings.push({
      level: d.ruleLevel === NagMessageLevel.ERROR ? 'ERROR' : 'WARN',
      ruleId: d.findingId ? `${d.ruleId}[${d.findingId}]` : d.ruleId,
      resource: d.resource,
      info: d.ruleInfo,
      explanation: d.ruleExplanation,
    });
  }
  onSuppressed(d) {
    this.suppressed.push({ ruleId: d.findingId ? `${d.ruleId}[${d.findingId}]` : d.ruleId, resource: d.resource, reason: d.suppressionReason });
  }
  onError(d) {
    // cdk-nag logs rules that threw (typically on an intrinsic it cannot resolve) as warnings.
    this.findings.push({
      level: 'WARN',
      ruleId: `CdkNagValidationFailure[${d.ruleId}]`,
      resource: d.resource,
      info: `${d.ruleId} could not be evaluated: ${d.errorMessage}`,
      explanation: 'Suppress it with id "CdkNagValidationFailure" and applies_to ["<rule id>"], or suppress the rule itself.',
    });
  }
  onSuppressedError(d) {
    this.suppressed.push({ ruleId: `CdkNagValidationFailure[${d.ruleId}]`, resource: d.resource, reason: d.errorSuppressionReason });
  }
}

/** `LogicalId (cdk/construct/path)` of an included resource. */
function describeResource(resource) {
  if (typeof resource === 'string') return resource;
  const logicalId = Stack.of(resource).resolve(resource.logicalId);
  const cdkPath = resource.getMetadata && resource.getMetadata('aws:cdk:path');
  return typeof cdkPath === 'string' ? `${logicalId} (${cdkPath})` : logicalId;
}

/**
 * Checks one template.
 * @returns {{ resources: number, findings: object[], suppressed: object[] }}
 */
function checkTemplate(templateFile, { outdir } = {}) {
  const app = new App({ outdir, analyticsReporting: false });
  const stack = new Stack(app, 'NagCheck');
  const findings = [];
  let template;
  let include;
  try {
    template = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
    include = new CfnInclude(stack, 'Template', { templateFile, preserveLogicalIds: true });
  } catch (err) {
    findings.push({ level: 'ERROR', ruleId: TOOL_RULE.load, resource: '<template>', info: `cannot load template: ${err.message}` });
    return { resources: 0, findings, suppressed: [] };
  }

  // Suppressions: drop unacceptable entries (each one becomes a finding) before cdk-nag reads them.
  const badSuppression = (where, p) =>
    findings.push({
      level: 'ERROR',
      ruleId: TOOL_RULE.suppression,
      resource: where,
      info: `unacceptable suppression of ${p.id}: ${p.message}`,
    });
  const resources = Object.keys(template.Resources || {}).map((id) => include.getResource(id));
  for (const resource of resources) {
    const metadata = resource.getMetadata('cdk_nag');
    if (metadata === undefined) continue;
    const { accepted, problems } = validateCdkNagMetadata(metadata);
    problems.forEach((p) => badSuppression(resource, p));
    if (problems.length) {
      if (accepted) resource.addMetadata('cdk_nag', accepted);
      else delete resource.cfnOptions.metadata.cdk_nag;
    }
  }
  // Template-level suppressions (what NagSuppressions.addStackSuppressions writes) live in the
  // template's Metadata section; CfnInclude does not carry that into stack.templateOptions,
  // which is where cdk-nag looks, so copy it there.
  const stackLevel = validateCdkNagMetadata(template.Metadata && template.Metadata.cdk_nag);
  stackLevel.problems.forEach((p) => badSuppression('<template Metadata>', p));
  if (stackLevel.accepted) {
    stack.templateOptions.metadata = { ...(stack.templateOptions.metadata || {}), cdk_nag: stackLevel.accepted };
  }

  const collector = new FindingCollector();
  const packProps = { verbose: true, reports: false, additionalLoggers: [collector] };
  const packs = [new AwsSolutionsChecks(packProps), new DjangoChecks(packProps)];
  // What Aspects.of(stack).add(pack) + synth would do, without writing a cloud assembly.
  for (const construct of stack.node.findAll()) {
    if (!(construct instanceof CfnResource)) continue;
    for (const pack of packs) {
      try {
        pack.visit(construct);
      } catch (err) {
        findings.push({ level: 'ERROR', ruleId: TOOL_RULE.crash, resource: construct, info: `${pack.readPackName} pack failed: ${err.message}` });
      }
    }
  }
  findings.push(...collector.findings);
  return { resources: resources.length, findings, suppressed: collector.suppressed };
}

/**
 * Runs the check over folders/templates and prints the report through `write`.
 * @returns {{ exitCode: number, templates: number, unsuppressed: number, suppressed: number }}
 */
function run(args, { write = (s) => process.stdout.write(s) } = {}) {
  const verbose = args.includes('--verbose') || args.includes('-v');
  const inputs = args.filter((a) => !a.startsWith('-'));
  if (args.includes('--help') || args.includes('-h')) {
    write(`${USAGE}\n`);
    return { exitCode: 0, templates: 0, unsuppressed: 0, suppressed: 0 };
  }
  if (inputs.length === 0) {
    write(`${USAGE}\n`);
    return { exitCode: 1, templates: 0, unsuppressed: 0, suppressed: 0 };
  }

  let inputErrors = 0;
  const templates = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = fs.statSync(input);
    } catch {
      write(`cdk-nag: ${input}: no such file or folder\n`);
      inputErrors++;
      continue;
    }
    const base = stat.isDirectory() ? input : path.dirname(input);
    for (const file of stat.isDirectory() ? findTemplates(input) : [input]) {
      templates.push({ file, name: path.relative(base, file) || path.basename(file), label: path.relative(process.cwd(), file) || file });
    }
  }

  // App() would otherwise create (and leave) a fresh temporary cdk.out per template.
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-nag-check-'));
  let unsuppressed = inputErrors;
  let suppressed = 0;
  try {
    for (const t of templates) {
      const started = Date.now();
      const result = checkTemplate(t.file, { outdir });
      write(`${t.label}\n`);
      for (const f of result.findings) {
        write(`${f.level} ${f.ruleId} ${describeResource(f.resource)}: ${f.info}\n`);
        if (verbose && f.explanation) write(`    ${f.explanation.trim()}\n`);
      }
      if (verbose) {
        for (const s of result.suppressed) write(`  suppressed ${s.ruleId} ${describeResource(s.resource)}: ${s.reason}\n`);
      }
      const errors = result.findings.filter((f) => f.level === 'ERROR').length;
      write(
        `${t.name}: ${result.resources} resources, ${result.findings.length} unsuppressed findings ` +
          `(${errors} errors, ${result.findings.length - errors} warnings), ${result.suppressed.length} suppressed ` +
          `[${Date.now() - started} ms]\n\n`
      );
      unsuppressed += result.findings.length;
      suppressed += result.suppressed.length;
    }
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }

  if (templates.length === 0) write(`cdk-nag: no *${TEMPLATE_SUFFIX} found in ${inputs.join(', ')}\n`);
  write(`cdk-nag: ${templates.length} templates, ${unsuppressed} unsuppressed findings, ${suppressed} suppressed\n`);
  const exitCode = templates.length === 0 || unsuppressed > 0 ? 1 : 0;
  return { exitCode, templates: templates.length, unsuppressed, suppressed };
}

module.exports = { run, checkTemplate, findTemplates, TOOL_RULE };

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2)).exitCode;
}
