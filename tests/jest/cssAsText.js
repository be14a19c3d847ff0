// Jest counterpart of webpack's `asset/source` rule: a stylesheet imports as its text.
module.exports = {
  process(source) {
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(source)} };` };
  },
};
