/** Built-in presets, bundled as text so the gate needs no files beside it at run time. */
import anthropicRspV22 from '../presets/anthropic-rsp-v2.2.yml?raw';
import anthropicRspV34 from '../presets/anthropic-rsp-v3.4.yml?raw';
import openaiPreparednessV2 from '../presets/openai-preparedness-v2.yml?raw';
import gdmFsfV3 from '../presets/gdm-fsf-v3.yml?raw';

export const DEFAULT_PRESET = 'anthropic-rsp-v2.2';

const presets: Record<string, string> = {
  'anthropic-rsp-v2.2': anthropicRspV22,
  'anthropic-rsp-v3.4': anthropicRspV34,
  'openai-preparedness-v2': openaiPreparednessV2,
  'gdm-fsf-v3': gdmFsfV3,
};

export function presetNames(): string[] {
  return Object.keys(presets);
}

export function presetText(name: string): string | null {
  return Object.hasOwn(presets, name) ? presets[name]! : null;
}
