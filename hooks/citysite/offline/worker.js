/* The offline guide's service worker, one per language: <lang>/sw.js (sw.js for the language at the
   site root), written by the build (hooks/citysite/offline) with this language's SETTINGS below.
   Its scope is its folder: a language's pages and nothing else on the host.

   - install: keeps this language's essentials (SETTINGS.files: the pages whose front matter says
     `offline: true`, the pages made from the data that mkdocs.yml names, the offline page, and what
     they load) in a cache of this version. SETTINGS.version is a hash of those files' bytes, so a new
     build is a new worker; a file whose bytes did not change is copied from the last version's cache
     instead of being downloaded again.
   - activate: deletes this folder's caches of other versions (map tiles stay), takes over open pages.
   - a page: from the network first, and kept once read; without a network (or after
     SETTINGS.timeout ms with no answer) the kept copy; a page not kept gets the offline page, and a
     map frame not kept a note that the map needs a connection. A page of another language's folder
     (the root's worker sees them while that language has no worker of its own) is not kept: without
     a network it gets the offline page too.
   - a file of the site: a kept one from the cache (it belongs to this build; a style or script whose
     link names another revision, "site.css?v=…", belongs to another build and comes from the
     network), a file with a content
     hash in its name from the cache once read, anything else from the network; pictures, styles and
     scripts are kept as read (data that scripts fetch is not; the search index is kept at install).
   - map tiles (SETTINGS.tiles, the only other host): from the cache once seen, else from the network
     and kept, at most SETTINGS.maxTiles (the oldest go first). Nothing else from other hosts.
   No tracking, no push messages, no prompts. */
"use strict";

const SETTINGS = /* SETTINGS */{};

const ROOT = new URL(SETTINGS.root, self.location.href).href; // the site root
const NAME = "citysite " + self.registration.scope + " "; // every cache of this worker starts so
const KEPT = NAME + SETTINGS.version;
const READ = NAME + SETTINGS.version + " read";
const TILES = NAME + "tiles";
const TILE_URL = SETTINGS.tiles ? new RegExp(SETTINGS.tiles) : null;
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9.]+$/; // a content hash in the file name: the bytes never change
const OFFLINE_PAGE = new URL(SETTINGS.offline, ROOT).href;
const MAPS = new URL(SETTINGS.maps, ROOT).pathname; // the language's map files, each a page of its own
const SHOWN = ["image", "style", "script", "font"]; // kept as read; data a script fetches is not

// URL -> cache key of each kept file; the key carries the file's revision, so that the next version
// can tell which files it may copy instead of downloading them.
const KEYS = new Map(SETTINGS.files.map(([path, revision]) => {
  const url = new URL(path, ROOT).href;
  return [url, url + "?revision=" + revision];
}));

self.addEventListener("install", (event) => {
  event.waitUntil(keepEssentials().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(NAME) && ![KEPT, READ, TILES].includes(name)) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  if (TILE_URL && TILE_URL.test(request.url)) {
    event.respondWith(tile(request));
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(ROOT)) return; // not this site
  if (request.mode === "navigate") {
    const path = url.href.slice(ROOT.length);
    if (SETTINGS.others.some((folder) => path.startsWith(folder))) {
      // Another language's folder, whose own worker (the closer scope) is not installed: the network,
      // else this language's offline page (the browser showed its own error page).
      event.respondWith(fetch(request).catch(() => offlinePage()));
      return;
    }
    event.respondWith(page(event));
    return;
  }
  event.respondWith(file(request));
});

// --- install ---------------------------------------------------------------------------------------

async function keepEssentials() {
  const cache = await caches.open(KEPT);
  const earlier = (await caches.keys()).filter((name) => name.startsWith(NAME) && name !== KEPT
    && !name.endsWith(" read") && name !== TILES);
  await Promise.all([...KEYS].map(async ([url, key]) => {
    if (await cache.match(key)) return; // an install that was interrupted before
    for (const name of earlier) {
      const copy = await (await caches.open(name)).match(key);
      if (copy) return cache.put(key, copy);
    }
    const response = await fetch(url, {cache: "no-cache", credentials: "same-origin"});
    if (!response.ok) throw new Error(`${url}: ${response.status}`); // try again on the next visit
    return cache.put(key, await plain(response));
  }));
}

// A response as it came, minus the redirect a browser refuses to show a page from.
async function plain(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {status: response.status, statusText: response.statusText,
                                              headers: response.headers});
}

// --- pages -----------------------------------------------------------------------------------------

function page(event) {
  const request = event.request;
  const url = pageURL(request.url);
  const network = fetch(request).then((response) => {
    if (response.ok && response.type === "basic" && !response.redirected && !KEYS.has(url)) {
      return keepRead(url, response.clone()).then(() => response);
    }
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  return (async () => {
    const copy = await keptCopy(url);
    if (!copy) {
      const map = request.destination === "iframe" || new URL(url).pathname.startsWith(MAPS);
      return network.catch(() => map ? mapNote() : offlinePage());
    }
    const late = new Promise((resolve) => setTimeout(resolve, SETTINGS.timeout, copy));
    return Promise.race([network.catch(() => copy), late]);
  })();
}

// "…/visit/index.html?q=x" and "…/visit/" are the same page.
function pageURL(address) {
  const url = new URL(address);
  url.search = "";
  url.hash = "";
  return url.href.replace(/\/index\.html$/, "/");
}

async function keptCopy(url) {
  const found = (await caches.match(url, {cacheName: READ, ignoreVary: true}))
    || (KEYS.has(url) ? caches.match(KEYS.get(url), {cacheName: KEPT, ignoreVary: true}) : undefined);
  // "…/venues" typed without its slash: the server would have sent the browser on to "…/venues/"
  return found || (/\/[^/.]+$/.test(new URL(url).pathname) ? keptCopy(url + "/") : undefined);
}

// The offline page of this language, its links resolved from its own address whatever was asked.
async function offlinePage() {
  const kept = await caches.match(KEYS.get(OFFLINE_PAGE), {cacheName: KEPT, ignoreVary: true});
  if (!kept) return Response.error();
  const html = (await kept.text()).replace(/<head>/i, `<head><base href="${OFFLINE_PAGE}">`);
  return new Response(html, {headers: {"Content-Type": "text/html; charset=utf-8"}});
}

// What a map frame (or a map opened full screen) shows when its map is not kept and there is no
// network: that it needs one, and a link to the map of all places, which is kept.
function mapNote() {
  const note = SETTINGS.mapNote;
  const all = new URL(note.allPlaces, ROOT).href;
  const link = KEYS.has(all) ? `<br><a href="${all}" target="_top">${note.allPlacesText}</a>` : "";
  const html = `<!DOCTYPE html><html lang="${note.lang}"><head><meta charset="utf-8">`
    + `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${note.title}</title>`
    + "<style>html,body{height:100%;margin:0}body{display:flex;align-items:center;justify-content:center;"
    + "background:#e8eef2;color:#1a1a1a;font:15px/1.5 system-ui,sans-serif;text-align:center;padding:1em;"
    + "box-sizing:border-box}"
    + "a{color:#0b4a6f;font-weight:700}</style></head>"
    + `<body><p role="status">${note.text}${link}</p></body></html>`;
  return new Response(html, {headers: {"Content-Type": "text/html; charset=utf-8"}});
}

// --- files -----------------------------------------------------------------------------------------

async function file(request) {
  const key = keptKey(request.url);
  if (key) {
    const kept = await caches.match(key, {cacheName: KEPT, ignoreVary: true});
    if (kept) return kept;
  }
  if (HASHED.test(new URL(request.url).pathname)) {
    const read = await caches.match(request.url, {cacheName: READ, ignoreVary: true});
    if (read) return read;
  }
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic" && !key && SHOWN.includes(request.destination)) {
      await keepRead(request.url, response.clone());
    }
    return response;
  } catch (error) {
    // without a network, a copy of another revision is better than none
    const other = KEYS.get(unrevised(request.url));
    const read = await caches.match(request.url, {cacheName: READ, ignoreVary: true})
      || (other && await caches.match(other, {cacheName: KEPT, ignoreVary: true}));
    if (read) return read;
    throw error;
  }
}

// The cache key of a kept file: a style or script linked with its revision ("site.css?v=…") is this
// worker's kept copy only if that copy is of the same revision; a page of another build gets the
// network's (the first view after a new build is published, while this worker still runs).
function keptKey(address) {
  const asked = new URL(address).searchParams.get("v");
  if (asked === null) return KEYS.get(address);
  const key = KEYS.get(unrevised(address));
  return key && key.endsWith("?revision=" + asked) ? key : undefined;
}

function unrevised(address) {
  const url = new URL(address);
  url.search = "";
  return url.href;
}

async function keepRead(url, response) {
  const cache = await caches.open(READ);
  await cache.put(url, response);
  await trim(cache, SETTINGS.maxRead);
}

// --- map tiles -------------------------------------------------------------------------------------

async function tile(request) {
  const cache = await caches.open(TILES);
  const seen = await cache.match(request.url);
  if (seen) return seen;
  let response;
  try {
    // Asked with CORS, so that the cache holds the tile itself (an opaque answer would count as
    // megabytes against the phone's storage).
    response = await fetch(request.url, {mode: "cors", credentials: "omit"});
  } catch (error) {
    return fetch(request); // no network (the map says tiles need one), or a server without CORS
  }
  if (response.ok) {
    await cache.put(request.url, response.clone());
    await trim(cache, SETTINGS.maxTiles);
  }
  return response;
}

// Keep at most `most` entries, the oldest going first.
async function trim(cache, most) {
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - most)).map((key) => cache.delete(key)));
}
