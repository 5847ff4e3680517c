// Built-SPA fixture for DjangoCdk's StaticSite tests and samples: a stand-in for Vite's output.
const app = document.getElementById('app');
const route = location.pathname;
fetch('/api/health-check/')
  .then((r) => (r.ok ? 'up' : 'down'))
  .catch(() => 'unreachable')
  .then((api) => { app.textContent = `μblog: ${route} (API ${api})`; });
