/**
 * The Action's report inputs (src/action/inputs.ts): defaults, `report: false`, and refusals
 * that name the input and what it takes.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';

const saved = { ...process.env };
beforeEach(() => {
  process.env = Object.fromEntries(
    Object.entries(saved).filter(([key]) => !key.startsWith('INPUT_')),
  );
  process.env.INPUT_TOKEN = 'ghs_test';
});
afterEach(() => {
  process.env = { ...saved };
});

function withInputs(inputs: Record<string, string>) {
  for (const [key, value] of Object.entries(inputs))
    process.env[`INPUT_${key.toUpperCase()}`] = value;
  return readInputs();
}

test('by default the report is on, with 30 commits of history, unredacted, named rsp-gate-report', () => {
  expect(withInputs({}).report).toEqual({ history: 30, redact: false, name: 'rsp-gate-report' });
});

test('the report inputs are read as given; a name ending in .html is not doubled', () => {
  expect(
    withInputs({
      report: 'true',
      'report-history': '0',
      'report-redact': 'TRUE',
      'report-name': 'models.html',
    }).report,
  ).toEqual({ history: 0, redact: true, name: 'models' });
});

test('`report: false` turns the report off', () => {
  expect(withInputs({ report: 'false' }).report).toBeNull();
});

test.each([
  [{ report: 'yes' }, 'input `report` must be true or false, not `yes`'],
  [{ 'report-redact': '1' }, 'input `report-redact` must be true or false, not `1`'],
  [
    { 'report-history': '-3' },
    'input `report-history` must be a whole number of commits from 0 to 1000, not `-3`',
  ],
  [
    { 'report-history': '1001' },
    'input `report-history` must be a whole number of commits from 0 to 1000, not `1001`',
  ],
  [{ 'report-name': 'reports/main' }, 'input `report-name`: an artifact\'s name cannot hold "/"'],
  [{ 'report-name': '.html' }, 'input `report-name` names no file: `.html`'],
])('%o is refused, naming the input', (inputs, message) => {
  expect(() => withInputs(inputs)).toThrow(message);
});
