// The browser engines the journeys run on: Chromium, Firefox and WebKit, each behind one adapter
// with the same small page interface — evaluate(fn, arg), mouse.move/click(x, y), keyboard.type /
// insertText / press(chord), goto, reload, screenshot(file), close — which browser.js's steps use.
// TOUSU_ENGINES="chromium webkit" picks some; a picked engine that is not installed is an error.
import * as chromium from './chromium.js';
import * as firefox from './firefox.js';
import * as webkit from './webkit.js';

const ALL = { chromium, firefox, webkit };

export function enginesToRun() {
  const wanted = process.env.TOUSU_ENGINES?.split(/[\s,]+/).filter(Boolean);
  if (!wanted) return Object.keys(ALL).filter((name) => ALL[name].available());
  for (const name of wanted) {
    if (!ALL[name]) throw new Error(`unknown engine "${name}" in TOUSU_ENGINES (known: ${Object.keys(ALL).join(', ')})`);
    if (!ALL[name].available()) throw new Error(`engine "${name}" is not installed (shell/setup.sh installs it)`);
  }
  return wanted;
}

export const launchEngine = (name) => ALL[name].launch();
export const canPreload = (name) => ALL[name].canPreload;
