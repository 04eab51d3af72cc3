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
}

export class InputsError extends Error {}

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
  };
}
