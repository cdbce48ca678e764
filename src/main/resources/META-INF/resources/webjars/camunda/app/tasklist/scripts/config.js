/*
 * Tasklist settings of RMA Flow. This file replaces Tasklist's own scripts/config.js (same
 * path on the classpath, ours first); the keyboard shortcuts are Tasklist's defaults.
 */
export default {
  // The module in scripts/rma-tasklist.js: a working day starts sorted by priority, then due date.
  requireJsConfig: {
    deps: ['rma-tasklist'],
    ngDeps: ['rma.tasklist'],
    paths: {
      'rma-tasklist': 'scripts/rma-tasklist'
    }
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
