const { is } = require('bpmnlint-utils');

/*
 * A splitting exclusive gateway names one default flow, so a case whose data matches no
 * condition goes the intended way instead of stopping with an engine error. The default flow
 * carries no condition (the engine would ignore it, and readers would trust it); every other
 * flow out of the gateway has one (bpmnlint's conditional-flows).
 */
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:ExclusiveGateway')) {
      return;
    }
    const outgoing = node.outgoing || [];
    if (outgoing.length < 2) {
      return;
    }
    const defaultFlow = node['default'];
    if (!defaultFlow) {
      reporter.report(node.id, 'splits without a default flow', [ 'default' ]);
    } else if (!outgoing.includes(defaultFlow)) {
      reporter.report(node.id, `default flow ${defaultFlow.id} does not leave this gateway`, [ 'default' ]);
    } else if (defaultFlow.conditionExpression) {
      reporter.report(defaultFlow.id, `is the default flow of ${node.id} and must not have a condition`, [ 'conditionExpression' ]);
    }
  }

  return { check };
};
