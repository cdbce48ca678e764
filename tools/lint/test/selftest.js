// Lints test/violations.bpmn with the project's .bpmnlintrc and fails unless every breach
// listed below is reported: a rule that silently stopped working would pass every model.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { BpmnModdle } = require('bpmn-moddle');
const Linter = require('bpmnlint/lib/linter');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const EXPECTED = [
  [ 'Process_1', 'rmaflow/element-id' ],
  [ 'Activity_0x8f2ab', 'rmaflow/element-id' ],
  [ 'Flow_Bad', 'rmaflow/decision-flows-named' ],
  [ 'Gateway_Good', 'rmaflow/exclusive-gateway-default' ],
  [ 'Process_1', 'camunda-compat/history-time-to-live' ],
  [ 'Flow_Bad', 'conditional-flows' ],
  [ 'Gateway_Good', 'no-bpmndi' ]
];

async function main() {
  const config = JSON.parse(readFileSync(path.join(__dirname, '..', '.bpmnlintrc'), 'utf-8'));
  const xml = readFileSync(path.join(__dirname, 'violations.bpmn'), 'utf-8');
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const results = await new Linter({ config, resolver: new NodeResolver() }).lint(rootElement);

  const reported = Object.entries(results)
    .flatMap(([ rule, reports ]) => reports.map(report => `${report.id} ${rule} (${report.category})`));
  const missing = EXPECTED
    .filter(([ id, rule ]) => !reported.includes(`${id} ${rule} (error)`))
    .map(([ id, rule ]) => `${id} ${rule}`);

  if (missing.length) {
    console.log(`test/violations.bpmn: bpmnlint does not report as errors:\n  ${missing.join('\n  ')}\n`
      + `It reports:\n  ${reported.join('\n  ')}`);
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.log(error.stack);
  process.exitCode = 1;
});
