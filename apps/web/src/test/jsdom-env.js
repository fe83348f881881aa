// jsdom does not expose Node's fetch-family and encoding globals; the app code uses Headers and
// react-router needs TextEncoder. Lend them from the Node realm that runs the environment.
const { TestEnvironment } = require('jest-environment-jsdom');

const LENT = ['TextEncoder', 'TextDecoder', 'Headers', 'Request', 'Response', 'ReadableStream', 'structuredClone'];

module.exports = class XieshangJsdomEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of LENT) {
      if (typeof this.global[name] === 'undefined') this.global[name] = globalThis[name];
    }
  }
};
