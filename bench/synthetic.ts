/**
 * A synthetic repository of model cards and evaluation artifacts in every format, written to disk,
 * plus gigabyte-scale Inspect logs generated without holding them in memory.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32 } from '../src/formats/zip.js';

const FIXTURES = join(import.meta.dirname, '../__tests__/fixtures');

function write(path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export const POLICY = `version: 1
extends: anthropic-rsp-v2.2
mode: enforce
roles:
  rso: { users: [alice-rso] }
  ceo: { users: [carol-ceo] }
  security-lead: { users: [bob-sec] }
  safeguards-lead: { users: [sam-safeguards] }
discovery:
  cards: ["models/*/MODEL_CARD.md"]
  attestations: ["safeguards/**/*.yml"]
`;

function card(i: number, variant = 0): string {
  return `---
model_name: m-${i}
rsp:
  model: acme/m-${i}
  effective_compute: ${(1 + (i % 7)) * 1e23}
  assessed_at: 2026-09-01
  evals: ["evals/**/*"]
---
# m-${i}

Synthetic card${variant ? ` (revision ${variant})` : ''}.
`;
}

function capability(i: number): string {
  const date = '2026-10-01';
  const row = (b: string, m: string, v: number) =>
    `  - { benchmark: ${b}, metric: ${m}, value: ${v}, date: ${date}, source: "bench" }`;
  return [
    `model: acme/m-${i}`,
    'results:',
    row('bio-uplift-trial', 'ratio', 1.2),
    row('longform-virology', 'score', 0.2),
    row('bio-knowledge-expert-parity', 'fraction', 0.2),
    row('lab-bench-human-parity', 'subtasks', 1),
    row('dna-synthesis-screening-evasion', 'success', 0),
    row('ai-research-suite-2', 'score', 0.1),
    row('researcher-survey-automation', 'fraction', 0),
    row('researcher-survey-speedup', 'median', 1.1),
    '',
  ].join('\n');
}

/** Real files from the fixtures, one per format, cycled to fill the artifact count. */
function artifactTemplates(): { name: string; bytes: Uint8Array }[] {
  return [
    {
      name: 'inspect/run.json',
      bytes: readFileSync(join(FIXTURES, 'inspect/eee__data_intercode_ctf_local_path.json')),
    },
    { name: 'inspect/run.eval', bytes: readFileSync(join(FIXTURES, 'inspect/log_formats.eval')) },
    {
      name: 'inspect/run-zstd.eval',
      bytes: readFileSync(join(FIXTURES, 'inspect/log_formats.zstd.eval')),
    },
    {
      name: 'lm-eval/results_2026-10-01T00-00-00.json',
      bytes: readFileSync(
        join(
          FIXTURES,
          'lm-eval/pr3936__negotiationtom_Qwen3-8B_results_2026-07-08T18-15-33.115417.json',
        ),
      ),
    },
  ];
}

export interface SyntheticOptions {
  cards: number;
  artifacts: number;
}

/** Writes the repository at `root`; `changed` cards get a new revision (the head of a pull request). */
export function writeRepository(root: string, options: SyntheticOptions, changed = 0): void {
  write(join(root, '.github/rsp-policy.yml'), POLICY);
  write(
    join(root, 'safeguards/org.yml'),
    `model: "*"\nattestations:\n${[
      'asl2-deploy-usage-policy-model-card',
      'asl2-deploy-harmlessness-detection',
      'asl2-deploy-finetuning-protections',
      'asl2-deploy-vulnerability-reporting',
    ]
      .map((id) => `  - { safeguard: ${id}, approved_by: [sam-safeguards], date: 2026-10-01 }`)
      .join('\n')}\n${[
      'asl2-sec-vendor-review',
      'asl2-sec-office-physical',
      'asl2-sec-workforce-insider-risk',
      'asl2-sec-compartmentalization',
      'asl2-sec-infrastructure',
      'asl2-sec-operations',
    ]
      .map((id) => `  - { safeguard: ${id}, approved_by: [bob-sec], date: 2026-10-01 }`)
      .join('\n')}\n`.replace('model: "*"\nattestations:', 'model: "*"\nattestations:'),
  );
  const templates = artifactTemplates();
  const perCard = Math.max(1, Math.floor(options.artifacts / options.cards) - 1);
  for (let i = 0; i < options.cards; i++) {
    const dir = join(root, `models/m-${i}`);
    write(join(dir, 'MODEL_CARD.md'), card(i, i < changed ? 1 : 0));
    write(join(dir, 'evals/capability.evidence.yml'), capability(i));
    for (let k = 0; k < perCard; k++) {
      const t = templates[(i + k) % templates.length]!;
      write(join(dir, 'evals', `${k}-${t.name.replace('/', '-')}`), t.bytes);
    }
  }
}

const HEADER = readFileSync(join(FIXTURES, 'inspect/log_formats.json'), 'utf8');

/** The log's header: the real fixture without its samples. */
export function inspectHeader(): string {
  const parsed = JSON.parse(HEADER) as Record<string, unknown>;
  delete parsed.samples;
  return JSON.stringify(parsed);
}

const SAMPLE = JSON.stringify((JSON.parse(HEADER) as { samples: unknown[] }).samples[0]);

/** An Inspect JSON log of about `bytes`, streamed to disk: the header, then `samples`. */
export function writeInspectJson(path: string, bytes: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  const header = inspectHeader();
  writeSync(fd, `${header.slice(0, -1)},"samples":[`);
  const block = Buffer.from(Array.from({ length: 256 }, () => SAMPLE).join(','));
  let written = header.length;
  let first = true;
  while (written < bytes) {
    writeSync(fd, first ? block : Buffer.concat([Buffer.from(','), block]));
    written += block.length + 1;
    first = false;
  }
  writeSync(fd, ']}');
  closeSync(fd);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** An Inspect `.eval` of about `bytes`: a stored samples member, then header.json, then the directory. */
export function writeInspectEval(path: string, bytes: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const header = Buffer.from(inspectHeader());
  const block = Buffer.from(Array.from({ length: 256 }, () => SAMPLE).join('\n'));
  const blocks = Math.max(1, Math.floor(bytes / block.length));
  let crc = 0;
  for (let i = 0; i < blocks; i++) crc = crc32(block, crc);
  const samplesSize = blocks * block.length;
  if (samplesSize > 0xfffffffe)
    throw new Error('bench .eval logs stay under 4 GiB (no ZIP64 writer here)');
  const entries: { name: Buffer; crc: number; size: number; offset: number }[] = [];
  const fd = openSync(path, 'w');
  let offset = 0;
  const local = (name: Buffer, memberCrc: number, size: number) =>
    Buffer.concat([
      u32(0x04034b50),
      u16(20),
      u16(0),
      u16(0),
      u16(0),
      u16(0),
      u32(memberCrc),
      u32(size),
      u32(size),
      u16(name.length),
      u16(0),
      name,
    ]);
  const samplesName = Buffer.from('samples/1_epoch_1.json');
  let head = local(samplesName, crc, samplesSize);
  writeSync(fd, head);
  entries.push({ name: samplesName, crc, size: samplesSize, offset });
  offset += head.length;
  for (let i = 0; i < blocks; i++) writeSync(fd, block);
  offset += samplesSize;
  const headerName = Buffer.from('header.json');
  head = Buffer.concat([local(headerName, crc32(header), header.length), header]);
  writeSync(fd, head);
  entries.push({ name: headerName, crc: crc32(header), size: header.length, offset });
  offset += head.length;
  const directory = Buffer.concat(
    entries.map((e) =>
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(e.crc),
        u32(e.size),
        u32(e.size),
        u16(e.name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(e.offset),
        e.name,
      ]),
    ),
  );
  writeSync(fd, directory);
  writeSync(
    fd,
    Buffer.concat([
      u32(0x06054b50),
      u16(0),
      u16(0),
      u16(entries.length),
      u16(entries.length),
      u32(directory.length),
      u32(offset),
      u16(0),
    ]),
  );
  closeSync(fd);
}
