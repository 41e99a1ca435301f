/**
 * Jest resolves with the `require` conditions, and @actions/core 3, @actions/github 9 and the
 * octokit packages under them are ESM-only: their `exports` offer `import` alone. Resolving such a
 * package again with `import` lets Jest find it (the transform in jest.config.js turns it into
 * CommonJS). Dual packages (the AWS SDK) keep their CommonJS build: retrying only on failure means
 * nothing that already resolved changes, so only ESM-only packages pay for the transform.
 */
module.exports = (request, options) => {
  try {
    return options.defaultResolver(request, options);
  } catch (err) {
    if (request.startsWith('.') || request.startsWith('/')) throw err;
    return options.defaultResolver(request, { ...options, conditions: ['import', 'default'] });
  }
};
