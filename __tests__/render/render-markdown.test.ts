import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import { code, commentSafe, escapeText } from '../../src/render/markdown-text.js';
import {
  COMMENT_MARKER,
  MAX_COMMENT_CHARS,
  renderMarkdown,
} from '../../src/render/render-markdown.js';
import { renderText } from '../../src/render/render-text.js';
import { writersOf } from '../../src/core/independence.js';
import type { GitPerson } from '../../src/core/inputs.js';
import {
  NOW,
  belowEverything,
  context,
  model,
  record,
  state,
  testPolicy,
} from '../helpers/build.js';

function decide(
  id: string,
  evidence = [record('bio-uplift-trial', 'ratio', 5.3), ...belowEverything().slice(1)],
) {
  return evaluate({
    policy: testPolicy(),
    head: state([model(evidence, { id })]),
    base: null,
    context: context(),
    policyChange: null,
    now: NOW,
  });
}

const person = (login: string): GitPerson => ({ login, name: login, email: `${login}@acme.test` });
const tick = (user: string) => ({
  model: 'acme/m',
  safeguard: 'asl3-deploy-threat-model',
  user,
  at: '2026-11-27T09:00:00Z',
});

describe('text from files cannot inject Markdown, HTML, markers or mentions', () => {
  test.each([
    ['a mention', '@octocat', '@\u2060octocat'],
    ['HTML', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['a link', '[click](https://evil.example)', '\\[click\\]\\(https\\://evil\\.example\\)'],
    ['a hidden marker', '<!-- rsp-gate:comment -->', '&lt;\\!-- rsp-gate\\:comment --&gt;'],
    ['a table break and newline', 'a | b\n## heading', 'a \\| b \\#\\# heading'],
  ])('escapes %s in inline text', (_name, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  test('code spans hold backticks and pipes literally and defuse mentions', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(code('x|y', true)).toBe('`x\\|y`');
    expect(code('@team')).toBe('`@\u2060team`');
  });

  test('hidden ids cannot close the HTML comment they sit in', () => {
    expect(commentSafe('acme/m --> <!-- x')).not.toMatch(/-->|<|>|--/);
  });

  test('a hostile model name renders inert everywhere in the comment', () => {
    const out = renderMarkdown(decide('@octocat <b>x</b> | [y](z) <!-- rsp-gate:comment -->'));
    expect(out.split(COMMENT_MARKER)).toHaveLength(2); // only our own marker, once
    expect(out).not.toMatch(/@octocat/);
    // Outside code spans (which GitHub renders literally) no raw HTML survives.
    const outsideCode = out.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/<b>|\[y\]\(z\)/);
  });
});

describe('the comment', () => {
  test('leads with the verdict, then the table, why, and the checklist', () => {
    const out = renderMarkdown(decide('acme/m'));
    const lines = out.split('\n');
    expect(lines[0]).toBe(COMMENT_MARKER);
    expect(lines[1]).toBe('## 🔴 rsp-gate: blocked — acme/m requires ASL-3');
    expect(lines[3]).toBe('| model | deployment | security | change | decided by | status |');
    expect(out).toContain(
      '**Why:**\n- `acme/m`: `bio-uplift-trial ratio` **5.3** ≥ 5 (rule-in for CBRN-3, published) — `models/m/evals/results.evidence.yml:',
    );
    expect(out).toMatch(
      /- \[ \] Misuse threat model `asl3-deploy-threat-model` — needs: `rso` \(independent: not @\u2060dave\) <!-- rsp-gate:item acme%2Fm asl3%2Ddeploy%2Dthreat%2Dmodel -->/,
    );
    expect(out).toMatch(
      /- \[x\] Usage policy enforced `asl2-deploy-usage-policy` — attested by @alice/,
    );
  });

  test('names who wrote the change above the checklist and on each independent item, without mentioning them', () => {
    const writers = writersOf([
      { sha: 'a'.repeat(40), parents: 1, author: person('sam'), coAuthors: [person('erin')] },
    ]);
    const decided = evaluate({
      policy: testPolicy(),
      head: state([
        model([record('bio-uplift-trial', 'ratio', 5.3), ...belowEverything().slice(1)]),
      ]),
      base: null,
      context: context({
        writers,
        confirmations: [tick('erin')],
        teams: new Map([['acme/rsp-office', ['erin']]]),
      }),
      policyChange: null,
      now: NOW,
    });
    const out = renderMarkdown(decided);
    expect(out).toContain(
      `**Independent items** can be confirmed only by someone who did not write this change. Not by: ${[
        ['dave', 'opened the pull request'],
        ['sam', 'authored commit aaaaaaa'],
        ['erin', 'co-authored commit aaaaaaa'],
      ]
        .map(([who, why]) => `${escapeText(`@${who}`)} (${escapeText(why!)})`)
        .join(', ')}.`,
    );
    expect(out).toContain('needs: `rso` (independent: not @\u2060dave, @\u2060sam, @\u2060erin)');
    expect(out).toContain(
      `⚠ erin: ${escapeText('wrote this change (co-authored commit aaaaaaa), so may not confirm an independent safeguard')} — not counted`,
    );
    expect(out).not.toMatch(/@(dave|sam|erin)\b/);
  });

  test('says why nobody can confirm an independent item when a writer has no GitHub account, and what to do', () => {
    const writers = writersOf([
      {
        sha: 'b'.repeat(40),
        parents: 1,
        author: { login: null, name: 'Sam', email: 'sam@laptop.local' },
        coAuthors: [],
      },
    ]);
    const decided = evaluate({
      policy: testPolicy(),
      head: state([
        model([record('bio-uplift-trial', 'ratio', 5.3), ...belowEverything().slice(1)]),
      ]),
      base: null,
      context: context({ writers }),
      policyChange: null,
      now: NOW,
    });
    const out = renderMarkdown(decided);
    expect(out).toContain('⛔ **Nobody can confirm an independent item yet:**');
    expect(out).toContain(
      `- ${escapeText('Sam <sam@laptop.local> (author of commit bbbbbbb) has no GitHub account that lists that email')}`,
    );
    expect(out).toContain('add the email to their GitHub account');
    expect(out).toContain('needs: `rso` (independent: nobody can confirm it yet, see above)');
  });

  test('says pass when nothing is outstanding', () => {
    expect(renderMarkdown(decide('acme/m', belowEverything())).split('\n')[1]).toBe(
      '## 🟢 rsp-gate: pass — 1 model meets its required safeguards',
    );
  });

  test('stays within GitHub’s comment limit with hundreds of models', () => {
    const policy = testPolicy();
    const models = Array.from({ length: 400 }, (_, i) =>
      model([record('bio-uplift-trial', 'ratio', 5.3)], {
        id: `acme/model-${i}`,
        card: `models/${i}/MODEL_CARD.md`,
      }),
    );
    const result = evaluate({
      policy,
      head: state(models),
      base: null,
      context: context(),
      policyChange: null,
      now: NOW,
    });
    const out = renderMarkdown(result);
    expect(out.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(out.startsWith(`${COMMENT_MARKER}\n## 🔴 rsp-gate: blocked`)).toBe(true);
  });

  test('the text report names the verdict and each model', () => {
    const out = renderText(decide('acme/m'));
    expect(out.split('\n')[0]).toBe('rsp-gate: BLOCKED — 1 model, policy .github/rsp-policy.yml');
    expect(out).toContain('✗ BLOCKED  acme/m  (models/m/MODEL_CARD.md)');
  });
});

describe('why a threshold counts as crossed', () => {
  test('a threshold that is not ruled out cites the rule-out that failed, not a rule-in that did not hold', () => {
    const out = renderMarkdown(
      decide('acme/m', [
        record('bio-uplift-trial', 'ratio', 1.6),
        record('ai-research-suite-2', 'score', 0.2),
      ]),
    );
    const why = out.split('**Why:**')[1]!.split('\n\n')[0]!;
    expect(why).toContain(
      '`longform-virology score`: no evidence for longform-virology\\: cannot rule out (CBRN-3 not ruled out, counts as crossed)',
    );
    expect(why).not.toContain('**1.6** ≥ 5');
  });
});
