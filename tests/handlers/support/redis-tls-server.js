'use strict';
// A throwaway TLS redis-server for the queue-depth publisher's tests: a CA and a server certificate for
// localhost/127.0.0.1 made with the openssl CLI in a temp folder, and redis-server started on a free loopback port
// with its whole configuration on the command line (no config file, nothing saved to disk). The random password
// and the keys live only in that folder and in memory; stop() kills the server and removes the folder.
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const INSTALL_HINT = 'install the Debian packages with: apt-get install redis-server openssl (.ci/run installs them on CI)';

// Throws unless both tools run: the real-server tests must fail, not skip, on a machine without them.
function requireTools() {
  const probes = { 'redis-server': ['--version'], openssl: ['version'] };
  const missing = Object.keys(probes).filter((tool) => spawnSync(tool, probes[tool]).error !== undefined);
  if (missing.length > 0) {
    throw new Error(`${missing.join(' and ')} not on PATH: the queue-depth publisher's tests start their own TLS redis-server; ${INSTALL_HINT}`);
  }
  const version = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout || '';
  const major = Number((/v=(\d+)/.exec(version) || [])[1]);
  if (!(major >= 6)) throw new Error(`redis-server 6 or newer (built with TLS) is needed; found "${version.trim()}"; ${INSTALL_HINT}`);
}

function openssl(dir, args) {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(`openssl ${args.slice(0, 2).join(' ')} failed: ${run.error ? run.error.message : run.stderr}`);
  }
}

// A CA and a server certificate signed by it (P-256 keys: quick to make). Returns the PEM texts and file paths.
function makeCertificates(dir) {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=queue-depth test CA']);
  openssl(dir, ['req', '-new', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost']);
  fs.writeFileSync(path.join(dir, 'server.ext'), [
    'basicConstraints=CA:FALSE',
    'keyUsage=digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '',
  ].join('\n'));
  openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
    '-days', '1', '-extfile', 'server.ext', '-out', 'server.crt']);
  const file = (name) => path.join(dir, name);
  return {
    caFile: file('ca.crt'),
    certFile: file('server.crt'),
    keyFile: file('server.key'),
    ca: fs.readFileSync(file('ca.crt'), 'utf8'),
    cert: fs.readFileSync(file('server.crt'), 'utf8'),
    key: fs.readFileSync(file('server.key'), 'utf8'),
  };
}

// A loopback port nothing listens on right now (also what the "unreachable" test connects to).
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Starts redis-server and resolves once it logs that it accepts TLS connections (rejects with its output if it
// exits or is not ready within 10 s).
async function startRedisServer() {
  requireTools();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'queue-depth-redis-'));
  let child;
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    }
    process.removeListener('exit', killNow);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // If the test process ends without running stop() (a crash), the server goes with it.
  const killNow = () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  };
  try {
    const certificates = makeCertificates(dir);
    const password = crypto.randomBytes(24).toString('hex');
    const port = await freePort();
    child = spawn('redis-server', [
      '--port', '0', // no plain-text listener
      '--tls-port', String(port),
      '--bind', '127.0.0.1',
      '--tls-cert-file', certificates.certFile,
      '--tls-key-file', certificates.keyFile,
      '--tls-ca-cert-file', certificates.caFile,
      '--tls-auth-clients', 'no',
      '--requirepass', password,
      '--save', '',
      '--appendonly', 'no',
      '--dir', dir,
      '--daemonize', 'no',
      '--loglevel', 'notice',
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    process.on('exit', killNow);
    await new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server was not ready within 10 s:\n${output}`)), 10000);
      const onData = (chunk) => {
        output += chunk;
        if (/Ready to accept connections/.test(output)) {
          clearTimeout(timer);
          // From here on its output is not needed; keep the pipes drained so the server never blocks on them.
          child.stdout.removeListener('data', onData);
          child.stderr.removeListener('data', onData);
          child.stdout.resume();
          child.stderr.resume();
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`redis-server could not be started: ${err.message}; ${INSTALL_HINT}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${signal || code}) before it was ready:\n${output}`));
      });
    });
    return { host: 'localhost', port, password, ...certificates, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

module.exports = { requireTools, startRedisServer, makeCertificates, freePort, INSTALL_HINT };
