/**
 * GitHub's Markdown engine for tests that check what a comment looks like once GitHub renders
 * it: cmark-gfm (GitHub's fork of cmark), from the `cmark-gfm` npm package, whose install
 * script builds the bundled C sources with node-gyp. Nothing outside `npm ci` is needed beyond
 * node-gyp's own needs (python3, make and a C++ compiler).
 *
 * The engine is loaded on first use, so a test that needs it fails — never skips — with a
 * message that says how to get it when the native build is missing.
 */
import { createRequire } from 'node:module';
import type * as Cmark from 'cmark-gfm';

/** The extensions GitHub turns on for comments, issues and check-run summaries. */
export const GITHUB_EXTENSIONS = ['table', 'tasklist', 'strikethrough', 'autolink', 'tagfilter'];

let engine: typeof Cmark | undefined;

function load(): typeof Cmark {
  if (engine) return engine;
  try {
    engine = createRequire(import.meta.url)('cmark-gfm') as typeof Cmark;
    return engine;
  } catch (error) {
    throw new Error(
      "GitHub's Markdown engine (the cmark-gfm npm package) could not be loaded. Its install " +
        'script builds native code with node-gyp, which needs python3, make and a C++ compiler: ' +
        'install those, then run `npm rebuild cmark-gfm`. ' +
        `Loading it said: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/**
 * Markdown to HTML as GitHub's engine renders a comment: raw HTML kept (GitHub sanitises it
 * afterwards) and the GFM extensions on. `tagfilter: false` leaves out the extension that
 * escapes `<script>`, `<iframe>` and the like, for a check that hostile text never reaches the
 * HTML as a tag at all (the filter would otherwise hide such a leak).
 */
export function renderAsGitHub(markdown: string, options: { tagfilter?: boolean } = {}): string {
  const extensions = Object.fromEntries(
    GITHUB_EXTENSIONS.filter((name) => name !== 'tagfilter' || options.tagfilter !== false).map(
      (name) => [name, true],
    ),
  );
  return load().renderHtmlSync(markdown, { unsafe: true, extensions });
}
