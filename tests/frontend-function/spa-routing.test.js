'use strict';
// Tests for StaticSite's SPA-routing CloudFront Function (viewer request, cloudfront-js-2.0).
// The code under test is the file named by SPA_FUNCTION_FILE (the xunit test writes the FunctionCode of a synthesized
// template there), else src/DjangoCdk/Frontend/SpaRouting/spa-routing.js, the file the DjangoCdk assembly embeds.
// Run with: node --test tests/frontend-function/spa-routing.test.js
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const file = process.env.SPA_FUNCTION_FILE || path.join(__dirname, '../../src/DjangoCdk/Frontend/SpaRouting/spa-routing.js');
const code = fs.readFileSync(file, 'utf8');

// CloudFront runs the code as a script and calls its global `handler`: no modules, no require.
const sandbox = vm.createContext({});
vm.runInContext(code, sandbox, { filename: 'spa-routing.js' });
const handler = sandbox.handler;

function viewerRequest(uri, querystring = {}) {
  return {
    version: '1.0',
    context: { eventType: 'viewer-request', distributionDomainName: 'd111111abcdef8.cloudfront.net' },
    viewer: { ip: '198.51.100.10' },
    request: {
      method: 'GET',
      uri,
      querystring,
      headers: { host: { value: 'app.example.com' }, accept: { value: 'text/html' } },
      cookies: {},
    },
  };
}

const rewrite = (uri) => handler(viewerRequest(uri)).uri;

test('the code defines a global handler function', () => {
  assert.equal(typeof handler, 'function');
});

test('the code stays far below the 10 KB CloudFront Functions limit', () => {
  assert.ok(Buffer.byteLength(code, 'utf8') < 2048, `${Buffer.byteLength(code, 'utf8')} bytes`);
});

for (const uri of ['/', '/posts/42', '/posts/42/', '/settings/profile', '/v1.2/changelog', '/about']) {
  test(`client-side route ${uri} is served /index.html`, () => {
    assert.equal(rewrite(uri), '/index.html');
  });
}

for (const uri of ['/index.html', '/favicon.ico', '/robots.txt', '/assets/app.3f9c2b1d.js', '/manifest.webmanifest', '/posts/42/cover.jpg']) {
  test(`file ${uri} passes through unchanged`, () => {
    assert.equal(rewrite(uri), uri);
  });
}

for (const uri of ['/.well-known/apple-app-site-association', '/.well-known/security.txt', '/.well-known/acme-challenge/token']) {
  test(`well-known document ${uri} passes through unchanged`, () => {
    assert.equal(rewrite(uri), uri);
  });
}

test('the query string, headers and method are kept', () => {
  const event = viewerRequest('/search', { q: { value: 'django' } });
  const request = handler(event);
  assert.deepEqual(request.querystring, { q: { value: 'django' } });
  assert.equal(request.headers.host.value, 'app.example.com');
  assert.equal(request.method, 'GET');
});

test('the handler returns the request (never a response), so the origin answers with status 200', () => {
  const result = handler(viewerRequest('/posts/42'));
  assert.equal(result.statusCode, undefined);
  assert.equal(result.uri, '/index.html');
});
