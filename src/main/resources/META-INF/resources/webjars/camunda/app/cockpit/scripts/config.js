// Cockpit settings of RMA Flow. This file replaces the webapp's own config.js, whose
// options are all commented out (see the Camunda docs, "Cockpit configuration").
export default {
  // Loaded as ES modules from app/cockpit/: the process owners' insight page, its menu
  // entry and the summary on the dashboard.
  customScripts: ['scripts/rma-insight/insight.js']
};
