module.exports = {
  configs: {
    recommended: {
      rules: {
        'element-id': 'error',
        'decision-flows-named': 'error',
        'exclusive-gateway-default': 'error'
      }
    }
  }
};
