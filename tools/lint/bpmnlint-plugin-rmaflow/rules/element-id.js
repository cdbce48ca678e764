const { is, isAny } = require('bpmnlint-utils');

/*
 * Element ids are part of the contract with code, tests, Cockpit and the history (docs/adr/0006):
 * user tasks carry the contract's task names, the process its file's kebab-case name, every
 * other element a prefix by kind and a name in PascalCase. Ids a modeler generates
 * (Activity_0x8f2ab, Flow_1k2j3h4) say nothing and change with every copy, so they never pass.
 */
const GENERATED = /^[A-Za-z]+_[0-9a-z]*[0-9][0-9a-z]*$/;
const NAME = '[A-Z][A-Za-z0-9]*';

module.exports = function() {

  function check(node, reporter) {
    const expected = expectedId(node);

    if (!expected || expected.pattern.test(node.id || '')) {
      return;
    }

    const reason = GENERATED.test(node.id || '') ? 'generated id' : 'id outside the naming scheme';
    reporter.report(node.id, `${reason}; expected ${expected.form}`, [ 'id' ]);
  }

  return { check };
};

function expectedId(node) {
  if (is(node, 'bpmn:Process')) {
    return { pattern: /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, form: 'the model file name in kebab-case' };
  }
  if (is(node, 'bpmn:UserTask')) {
    return { pattern: /^[a-z][A-Za-z0-9]*$/, form: "the contract's task name in camelCase" };
  }
  if (is(node, 'bpmn:SubProcess')) {
    return prefixed('SubProcess');
  }
  if (is(node, 'bpmn:Activity')) {
    return prefixed('Task');
  }
  if (is(node, 'bpmn:Gateway')) {
    return prefixed('Gateway');
  }
  if (is(node, 'bpmn:StartEvent')) {
    return prefixed('StartEvent');
  }
  if (is(node, 'bpmn:EndEvent')) {
    return prefixed('EndEvent');
  }
  if (isAny(node, [ 'bpmn:IntermediateCatchEvent', 'bpmn:IntermediateThrowEvent', 'bpmn:BoundaryEvent' ])) {
    const timer = (node.eventDefinitions || []).some(definition => is(definition, 'bpmn:TimerEventDefinition'));
    return prefixed(timer ? 'Timer' : 'Event');
  }
  if (is(node, 'bpmn:SequenceFlow')) {
    return prefixed('Flow');
  }
  if (isAny(node, [ 'bpmn:Message', 'bpmn:Signal', 'bpmn:Error', 'bpmn:Escalation' ])) {
    return prefixed(node.$type.replace('bpmn:', ''));
  }
  return null;
}

function prefixed(prefix) {
  return { pattern: new RegExp(`^${prefix}_${NAME}$`), form: `${prefix}_<Name>` };
}
