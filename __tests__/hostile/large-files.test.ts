/**
 * Very large inputs, generated on the fly and never held in memory: a 2 GB Inspect JSON log (in
 * Inspect's key order and with `samples` first), a 2 GB `.eval` archive, text files whose size
 * is 2 GB or lies, and an lm-eval file with a large embedded samples array.
 */
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/core/decision.js';
import { evaluate } from '../../src/core/evaluate.js';
import type { EvidenceRecord, FileSource } from '../../src/core/evidence.js';
import { crc32 } from '../../src/formats/zip.js';
import { loadPolicyFrom } from '../../src/gate/check-trees.js';
import { MAX_TEXT_BYTES } from '../../src/readers/decode-text.js';
import { inspectEvalReader } from '../../src/readers/inspect-eval.js';
import { inspectJsonReader } from '../../src/readers/inspect-json.js';
import { lmEvalReader } from '../../src/readers/lm-eval.js';
import { nativeEvidenceReader } from '../../src/readers/native-evidence.js';
import { findReader, SNIFF_BYTES } from '../../src/readers/registry.js';
import { loadRepository } from '../../src/repository/load-repository.js';
import {
  asl2Attestations,
  attestation,
  context,
  NOW,
  TEST_POLICY,
  testPolicy,
} from '../helpers/build.js';
import {
  cardText,
  centralHeader,
  concatBytes,
  endOfDirectory,
  evidenceText,
  expectLocated,
  GiB,
  hugeInspectLog,
  inspectLog,
  inspectSampleText,
  localHeader,
  memorySource,
  memoryTree,
  MiB,
  rejection,
  utf8,
  virtualFile,
  type VirtualFile,
} from './generators.js';

const LOG = 'models/m/logs/run.json';
const HEAP_LIMIT = 64 * MiB;

/** Fields that do not depend on where in the file the values are. */
const essence = (records: EvidenceRecord[]) =>
  records.map((r) => [
    r.benchmark,
    r.metric,
    r.value,
    r.stderr,
    r.n,
    r.n_intended,
    r.model,
    r.date,
    r.status,
  ]);

async function measured<T>(work: () => Promise<T>): Promise<{ result: T; heapGrowth: number }> {
  const before = process.memoryUsage().heapUsed;
  const result = await work();
  return { result, heapGrowth: process.memoryUsage().heapUsed - before };
}

describe('a 2 GB Inspect JSON log, streamed', () => {
  it(
    'reads the header records from the first chunk and never pulls the samples',
    { timeout: 10_000 },
    async () => {
      const source = hugeInspectLog(LOG, { maxPull: 64 * MiB });
      expect(source.size).toBeGreaterThan(2 * GiB - 16 * 1024);
      const head = await source.read(0, SNIFF_BYTES);
      expect(findReader(LOG, head)?.format).toBe('inspect-json');
      const { result: records, heapGrowth } = await measured(() => inspectJsonReader.read(source));
      const fixture = await inspectJsonReader.read(memorySource(LOG, JSON.stringify(inspectLog())));
      expect(essence(records)).toEqual(essence(fixture));
      expect(essence(records)).toEqual([
        [
          'popularity',
          'accuracy',
          0,
          0,
          1,
          1,
          'ollama/llama3.1',
          '2024-10-15T16:53:13.000Z',
          'success',
        ],
      ]);
      expect(source.stats.chunksPulled).toBe(1);
      expect(source.stats.bytesPulled).toBe(MiB);
      expect(source.stats.closed).toBe(true);
      expect(heapGrowth).toBeLessThan(HEAP_LIMIT);
      console.info(
        `2 GB Inspect log: ${source.size} bytes, pulled ${source.stats.bytesPulled} in ${source.stats.chunksPulled} chunk(s), heap growth ${(heapGrowth / MiB).toFixed(2)} MiB`,
      );
    },
  );

  it(
    'stops at the samples key even when it straddles a chunk boundary',
    { timeout: 10_000 },
    async () => {
      const probe = hugeInspectLog(LOG, { totalBytes: 64 * 1024 });
      const text = new TextDecoder().decode(await probe.read(0, probe.size));
      const key = text.indexOf('\n  "samples": [') + 6; // inside "samples"
      const source = hugeInspectLog(LOG, { chunkSize: key, maxPull: 64 * MiB });
      const records = await inspectJsonReader.read(source);
      expect(records.map((r) => r.value)).toEqual([0]);
      expect(source.stats.chunksPulled).toBe(2);
      expect(source.stats.closed).toBe(true);
    },
  );
});

describe('a 2 GB Inspect JSON log with samples before results', () => {
  const hidden = (results: unknown, task = 'longform-virology', samplesFirst = true) =>
    hugeInspectLog(LOG, {
      samplesFirst,
      maxPull: 64 * MiB,
      header: {
        eval: {
          ...(inspectLog().eval as object),
          task,
          model: 'acme/m',
          created: '2026-10-01T00:00:00Z',
        },
        results,
      },
    });
  const ruleOut = {
    total_samples: 1,
    completed_samples: 1,
    scores: [{ name: 's', metrics: { score: { value: 0.1 } } }],
  };

  it(
    'refuses it with a located error after the first chunk: nothing it did not read becomes evidence',
    { timeout: 10_000 },
    async () => {
      const source = hidden(ruleOut);
      const { result: error, heapGrowth } = await measured(() =>
        inspectJsonReader.read(source).then(
          () => null,
          (e: unknown) => e,
        ),
      );
      expect(error).toMatchObject({
        code: 'inspect-order',
        location: { file: source.path, key: 'samples' },
      });
      expect(source.stats.chunksPulled).toBe(1);
      expect(source.stats.closed).toBe(true);
      expect(heapGrowth).toBeLessThan(HEAP_LIMIT);
    },
  );

  function judge(files: Record<string, string | FileSource>): Promise<DecisionRecord> {
    const policy = testPolicy();
    return loadRepository(
      memoryTree({
        'models/m/MODEL_CARD.md': cardText(
          'acme/m',
          '  assessed_at: 2026-09-01\n  evals: ["logs/*", "evals/*"]\n',
        ),
        ...files,
      }),
      policy,
    ).then((head) =>
      evaluate({
        policy,
        // acme/m has no previous model, so it is new: its capability report is in place.
        head: {
          ...head,
          attestations: [
            ...asl2Attestations(),
            attestation({
              kind: 'report',
              target: 'capability-report',
              approvedBy: ['alice', 'carol'],
            }),
          ],
        },
        base: null,
        context: context(),
        policyChange: null,
        now: NOW,
      }),
    );
  }

  it(
    'is not a silent pass: a rule-out result after the samples does not rule CBRN-3 out',
    { timeout: 10_000 },
    async () => {
      const others = evidenceText('acme/m', [
        { benchmark: 'bio-uplift-trial', metric: 'ratio', value: 1.6 },
        { benchmark: 'ai-research-suite-2', metric: 'score', value: 0.2 },
      ]);
      const record = await judge({
        [LOG]: hidden(ruleOut),
        'models/m/evals/trial.evidence.yml': others,
      });
      expect(record.models[0]!.thresholds.find((t) => t.id === 'CBRN-3')!.status).toBe(
        'not_ruled_out',
      );
      expect(record.decision).toBe('block');
    },
  );

  const crossing = {
    total_samples: 1,
    completed_samples: 1,
    scores: [{ name: 's', metrics: { ratio: { value: 7 } } }],
  };
  const below = evidenceText('acme/m', [
    { benchmark: 'bio-uplift-trial', metric: 'ratio', value: 1.6 },
    { benchmark: 'longform-virology', metric: 'score', value: 0.31 },
    { benchmark: 'ai-research-suite-2', metric: 'score', value: 0.2 },
  ]);

  it(
    'control: the evidence file alone passes; a rule-in result in Inspect order crosses CBRN-3 and blocks',
    { timeout: 10_000 },
    async () => {
      expect((await judge({ 'models/m/evals/trial.evidence.yml': below })).decision).toBe('pass');
      const inOrder = await judge({
        [LOG]: hidden(crossing, 'bio-uplift-trial', false),
        'models/m/evals/trial.evidence.yml': below,
      });
      expect(inOrder.models[0]!.thresholds.find((t) => t.id === 'CBRN-3')!.status).toBe('crossed');
      expect(inOrder.decision).toBe('block');
    },
  );

  it(
    'does not pass a repository whose log holds a rule-in result after 2 GB of samples',
    { timeout: 10_000 },
    async () => {
      const others = below;
      const source = hidden(crossing, 'bio-uplift-trial');
      const record = await judge({ [LOG]: source, 'models/m/evals/trial.evidence.yml': others });
      expect(source.stats.bytesPulled).toBeLessThanOrEqual(64 * MiB);
      expect(record.decision).toBe('block');
    },
  );
});

describe('a 2 GB .eval archive', () => {
  function hugeEval(): VirtualFile {
    const header = utf8(JSON.stringify({ ...inspectLog(), samples: undefined }));
    const sample = utf8(`${inspectSampleText()}\n`);
    const repeat = Math.floor((2 * GiB) / sample.length);
    const samplesSize = repeat * sample.length;
    const samples = {
      name: 'samples/1_epoch_1.json',
      method: 0,
      crc: 0,
      compressedSize: samplesSize,
      uncompressedSize: samplesSize,
    };
    const samplesLocal = localHeader(samples);
    const headerSpec = {
      name: 'header.json',
      method: 0,
      crc: crc32(header),
      compressedSize: header.length,
      uncompressedSize: header.length,
    };
    const headerAt = samplesLocal.length + samplesSize;
    const headerLocal = concatBytes(localHeader(headerSpec), header);
    const directory = concatBytes(centralHeader(samples, 0), centralHeader(headerSpec, headerAt));
    return virtualFile('logs/huge.eval', [
      { bytes: samplesLocal },
      { bytes: sample, repeat },
      {
        bytes: concatBytes(
          headerLocal,
          directory,
          endOfDirectory(2, directory.length, headerAt + headerLocal.length),
        ),
      },
    ]);
  }

  it(
    'reads header.json through the central directory, reading a few KB of the 2 GB',
    { timeout: 10_000 },
    async () => {
      const source = hugeEval();
      expect(source.size).toBeGreaterThan(2 * GiB - 16 * 1024);
      const { result: records, heapGrowth } = await measured(() => inspectEvalReader.read(source));
      expect(essence(records)).toEqual([
        [
          'popularity',
          'accuracy',
          0,
          0,
          1,
          1,
          'ollama/llama3.1',
          '2024-10-15T16:53:13.000Z',
          'success',
        ],
      ]);
      expect(source.stats.chunksPulled).toBe(0);
      expect(source.stats.bytesRead).toBeLessThan(128 * 1024);
      expect(heapGrowth).toBeLessThan(HEAP_LIMIT);
    },
  );
});

describe('text files that are too large, or lie about their size', () => {
  /** `size` says `declared`; the stream goes on for 2 GB. */
  const endless = (path: string, declared: number, start: string) => {
    const source = virtualFile(
      path,
      [{ bytes: utf8(start) }, { bytes: utf8('# padding\n'), repeat: 200 * MiB }],
      { maxPull: 64 * MiB },
    );
    return { source, lying: { ...source, size: declared } as FileSource };
  };

  it.each([
    ['an evidence file', 'models/m/evals/a.evidence.yml', 'model: acme/m\nresults:\n'],
    ['an attestation file', 'safeguards/a.yml', 'model: "*"\nattestations:\n'],
    ['a model card', 'models/m/MODEL_CARD.md', '---\nrsp: { model: acme/m }\n---\n'],
  ])('refuses %s declared as 2 GB before reading a byte', async (_name, path, start) => {
    const { source } = endless(path, 0, start);
    const state = await loadRepository(
      memoryTree({
        'models/m/MODEL_CARD.md': cardText('acme/m', '  evals: ["evals/*"]\n'),
        [path]: source,
      }),
      testPolicy(),
    );
    const problems = [...state.problems, ...state.models.flatMap((m) => m.artifactErrors)];
    expect(problems).toMatchObject([
      { code: 'file-too-large', file: path, hint: expect.any(String) },
    ]);
    expect(source.stats.bytesPulled).toBe(0);
  });

  it('refuses an evidence file that declares 100 bytes and streams 2 GB, once past 8 MiB', async () => {
    const { source, lying } = endless('models/m/evals/a.evidence.yml', 100, 'model: acme/m\n');
    const error = await rejection(nativeEvidenceReader.read(lying));
    expectLocated(error, { code: 'file-too-large', file: 'models/m/evals/a.evidence.yml' });
    expect(source.stats.bytesPulled).toBeGreaterThan(MAX_TEXT_BYTES);
    expect(source.stats.bytesPulled).toBeLessThanOrEqual(MAX_TEXT_BYTES + MiB);
  });

  it('refuses a policy file that declares 100 bytes and streams 2 GB', async () => {
    const { source, lying } = endless('.github/rsp-policy.yml', 100, TEST_POLICY);
    const error = await rejection(
      loadPolicyFrom(memoryTree({ '.github/rsp-policy.yml': lying }), '.github/rsp-policy.yml'),
    );
    expectLocated(error, { code: 'file-too-large', file: '.github/rsp-policy.yml' });
    expect(source.stats.bytesPulled).toBeLessThanOrEqual(MAX_TEXT_BYTES + MiB);
  });
});

describe('an lm-eval results file with a large embedded samples array', () => {
  it(
    'reads the results after 256 MiB of samples in bounded memory',
    { timeout: 20_000 },
    async () => {
      const unit = utf8(`${inspectSampleText()},`);
      const source = virtualFile('results/results_2026-10-01T00-00-00.json', [
        { bytes: utf8('{"results": {"t": {"acc,none": 0.5}}, "samples": {"t": [') },
        { bytes: unit, repeat: Math.floor((256 * MiB) / unit.length) },
        { bytes: utf8('{}]}, "model_name": "org/m", "date": 1790000000}') },
      ]);
      const { result: records, heapGrowth } = await measured(() => lmEvalReader.read(source));
      expect(records.map((r) => [r.benchmark, r.metric, r.value, r.model])).toEqual([
        ['t', 'acc', 0.5, 'org/m'],
      ]);
      expect(source.stats.bytesPulled).toBe(source.size);
      expect(heapGrowth).toBeLessThan(HEAP_LIMIT);
    },
  );
});
