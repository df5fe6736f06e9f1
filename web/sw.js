// The service worker: the whole site in one cache named after this build, so the desk starts and
// works with the network off once it has been opened. A new build is a new cache, filled in the
// background; the page offers to switch, and only then do the old cache and worker go — a page
// never runs the old tousu.js with the new tousu.wasm. The build writes the version in
// (cmake/service_worker.cmake: a hash of every file listed here).
'use strict';
const VERSION = '@TOUSU_BUILD@';
const CACHE = 'tousu-' + VERSION;
const FILES = ['./', 'index.html', 'app.css', 'manifest.webmanifest', 'icon.svg', 'tousu-font.ttf', 'tousu.js', 'tousu.wasm'];

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so a new version never mixes in an old file.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('tousu-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate-update') self.skipWaiting();
  if (event.data === 'version' && event.source) event.source.postMessage({ version: VERSION });
});

// Same-origin GETs from this build's cache (the network only for what it does not hold).
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((hit) => hit || fetch(request)));
});
