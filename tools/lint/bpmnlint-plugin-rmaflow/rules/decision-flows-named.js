const { isAny } = require('bpmnlint-utils');

/*
 * A decision is read off the diagram: every way out of a splitting exclusive or inclusive
 * gateway carries the answer it stands for. bpmnlint's label-required asks this of flows with
 * a condition; this rule asks it of the rest, above all the default flow. Parallel and
 * event-based gateways are left out: all ways of a parallel split are taken, and the events
 * after an event-based gateway are named themselves.
 */
module.exports = function() {

  function check(node, reporter) {
    if (!isAny(node, [ 'bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway' ])) {
      return;
    }
    const outgoing = node.outgoing || [];
    if (outgoing.length < 2) {
      return;
    }
    outgoing
      .filter(flow => !flow.conditionExpression && !(flow.name || '').trim())
      .forEach(flow => reporter.report(flow.id, `leaves decision ${node.id} without a name`, [ 'name' ]));
  }

  return { check };
};
