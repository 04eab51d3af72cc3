/** The Action's inputs, read and checked once. */
import * as core from '@actions/core';
import { presetNames } from '../policy/presets.js';

export interface ActionInputs {
  token: string;
  policyPath: string;
  preset: string | null;
  checkName: string;
  mode: 'enforce' | 'advisory' | null;
  cardGlobs: string[] | null;
  failOnError: boolean;
  /** The report on push, scheduled and manual runs (`report-*` inputs); null: none. */
  report: ReportInputs | null;
}

export interface ReportInputs {
  /** First-parent commits judged for the report's history (0: none). */
  history: number;
  redact: boolean;
  /** The artifact's name, also the page's file name (`NAME.html`). */
  name: string;
}

/** The most commits `report-history` may ask for. */
export const MAX_REPORT_HISTORY = 1000;

export class InputsError extends Error {}

/** A `true`/`false` input, as YAML and GitHub spell booleans; empty gives the default. */
function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputsError(`input \`${name}\` must be true or false, not \`${value}\``);
}

/** Characters an artifact's name may not hold (GitHub refuses them). */
const ARTIFACT_NAME_INVALID = /["<>|*?:\\/\r\n]/;

function readReportInputs(): ReportInputs | null {
  if (!booleanInput('report', true)) return null;
  const historyText = core.getInput('report-history') || '30';
  if (!/^\d+$/.test(historyText) || Number(historyText) > MAX_REPORT_HISTORY)
    throw new InputsError(
      `input \`report-history\` must be a whole number of commits from 0 to ${MAX_REPORT_HISTORY}, not \`${historyText}\``,
    );
  const name = core.getInput('report-name') || 'rsp-gate-report';
  const bad = ARTIFACT_NAME_INVALID.exec(name);
  if (bad)
    throw new InputsError(
      `input \`report-name\`: an artifact's name cannot hold ${JSON.stringify(bad[0])} (\`${name}\`); GitHub refuses " : < > | * ? \\ / and line breaks`,
    );
  const base = name.replace(/\.html$/i, '');
  if (base.trim() === '') throw new InputsError(`input \`report-name\` names no file: \`${name}\``);
  return {
    history: Number(historyText),
    redact: booleanInput('report-redact', false),
    name: base,
  };
}

export function readInputs(): ActionInputs {
  const token = core.getInput('token');
  if (!token)
    throw new InputsError(
      'input `token` is empty: pass `token: ${{ github.token }}` or a GitHub App token',
    );
  core.setSecret(token);
  const mode = core.getInput('mode') || 'policy';
  if (!['policy', 'enforce', 'advisory'].includes(mode))
    throw new InputsError(`input \`mode\` must be policy, enforce or advisory, not \`${mode}\``);
  const preset = core.getInput('preset') || null;
  if (preset !== null && !presetNames().includes(preset))
    throw new InputsError(
      `input \`preset\`: unknown preset \`${preset}\`; built-in presets: ${presetNames().join(', ')}`,
    );
  const cards = core
    .getMultilineInput('cards')
    .flatMap((line) => line.split(','))
    .map((g) => g.trim())
    .filter(Boolean);
  return {
    token,
    policyPath: core.getInput('policy') || '.github/rsp-policy.yml',
    preset,
    checkName: core.getInput('check-name') || 'rsp-gate',
    mode: mode === 'policy' ? null : (mode as 'enforce' | 'advisory'),
    cardGlobs: cards.length > 0 ? cards : null,
    failOnError: core.getInput('fail-on-error') !== 'false',
    report: readReportInputs(),
  };
}
