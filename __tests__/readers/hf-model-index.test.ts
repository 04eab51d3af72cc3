import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EvidenceRecord, FileSource } from '../../src/core/evidence.js';
import { InputError } from '../../src/core/errors.js';
import { readFrontMatter } from '../../src/formats/front-matter.js';
import {
  hfModelIndexReader,
  recordsFromModelIndex,
  VERIFIED_WARNING,
  type ModelIndexResult,
} from '../../src/readers/hf-model-index.js';

const CARDS = new URL('../fixtures/hf-model-card/', import.meta.url);

function memorySource(path: string, bytes: Uint8Array, size = bytes.length): FileSource {
  return {
    path,
    size,
    read: async (offset, length) => bytes.slice(offset, offset + length),
    chunks: async function* () {
      for (let i = 0; i < bytes.length; i += 4096) yield bytes.slice(i, i + 4096);
    },
  };
}

const fixtureBytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(name, CARDS)));

/** Read a fixture card through the reader, as the engine does. */
const readCard = (name: string): Promise<EvidenceRecord[]> =>
  hfModelIndexReader.read(memorySource(`models/${name}`, fixtureBytes(name)));

/** Records and file-level warnings of a fixture card, kept apart. */
function indexOf(name: string): ModelIndexResult {
  const doc = readFrontMatter(readFileSync(new URL(name, CARDS), 'utf8'), `models/${name}`);
  if (doc === null) throw new Error(`${name} has no front matter`);
  return recordsFromModelIndex(doc);
}

/** Records of an inline card. */
function indexOfText(text: string): ModelIndexResult {
  const doc = readFrontMatter(text, 'README.md');
  if (doc === null) throw new Error('no front matter');
  return recordsFromModelIndex(doc);
}

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, the read succeeded');
}

describe('hf-model-index reader on real cards', () => {
  it('reads a clean card: one reported record per metric, at the line of its value', async () => {
    const records = await readCard('hfhub__sample_simple_model_index.md');
    expect(records).toEqual([
      {
        file: 'models/hfhub__sample_simple_model_index.md',
        pointer: '/model-index/0/results/0/metrics/0/value',
        line: 22,
        format: 'hf-model-index',
        filter: null,
        scorer: null,
        model: 'my-cool-model',
        benchmark: 'beans',
        metric: 'accuracy',
        value: 0.9,
        scale: 'unknown',
        stderr: null,
        n: null,
        n_intended: null,
        date: null,
        status: 'reported',
        warnings: [],
      },
      expect.objectContaining({
        pointer: '/model-index/0/results/1/metrics/0/value',
        line: 35,
        benchmark: 'beans',
        metric: 'f1',
        value: 0.66,
        warnings: [],
      }),
    ]);
  });

  it('falls back to task.type for a result without a dataset, with a warning', async () => {
    const records = await readCard('hfhub__sample_invalid_model_index.md');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      model: 'my-cool-model',
      benchmark: 'image-classification',
      metric: 'acc',
      value: 0.9,
      line: 19,
      status: 'reported',
      warnings: ['result has no `dataset`; benchmark taken from task.type "image-classification"'],
    });
  });

  it('yields nothing for a card without front matter', async () => {
    expect(await readCard('hfhub__sample_no_metadata.md')).toEqual([]);
  });

  it('rejects a card whose front matter is a list', async () => {
    const error = await rejection(readCard('hfhub__sample_invalid_card_data.md'));
    expect(error.code).toBe('card-front-matter');
    expect(error.location).toMatchObject({
      file: 'models/hfhub__sample_invalid_card_data.md',
      line: 2,
    });
  });

  it('rejects the hub-docs spec template instead of yielding placeholder records', async () => {
    const error = await rejection(readCard('hubdocs__modelcard_spec.md'));
    expect(error.code).toBe('yaml-syntax');
    expect(error.location.file).toBe('models/hubdocs__modelcard_spec.md');
  });

  it('keeps verified results but warns that the flag is not trusted', async () => {
    const records = await readCard('cs577__NimaBoscarino_dog_food_README.md');
    expect(records).toHaveLength(11);
    expect(
      records.every((r) => r.warnings.length === 1 && r.warnings[0] === VERIFIED_WARNING),
    ).toBe(true);
    expect(VERIFIED_WARNING).toBe('verified flag is informational; not trusted');
    expect(records[0]).toMatchObject({
      model: 'NimaBoscarino/dog_food',
      benchmark: 'lewtun/dog_food',
      metric: 'accuracy',
      value: 1,
      line: 34,
      scale: 'unknown',
      status: 'reported',
    });
    expect(records[10]).toMatchObject({ metric: 'loss', value: 1.848173087637406e-5 });
  });

  it('reads self-reported and verified results for the same dataset side by side', async () => {
    const records = await readCard('cs577__JeremiahZ_bert-base-uncased-rte_README.md');
    expect(records.map((r) => [r.benchmark, r.metric, r.value, r.warnings.length])).toEqual([
      ['glue', 'accuracy', 0.6895306859205776, 0],
      ['glue', 'accuracy', 0.6823104693140795, 1],
      ['glue', 'precision', 0.7047619047619048, 1],
      ['glue', 'recall', 0.5648854961832062, 1],
      ['glue', 'auc', 0.7394646031580048, 1],
      ['glue', 'f1', 0.6271186440677967, 1],
      ['glue', 'loss', 0.7001310586929321, 1],
    ]);
    expect(records[1]!.warnings).toEqual([VERIFIED_WARNING]);
    expect(records.every((r) => r.model === 'bert-base-uncased-rte')).toBe(true);
  });

  it('reads "mean +/- std" as the mean and says the std is ignored', async () => {
    const records = await readCard('cs577__Kiwipirate_q-FrozenLake-v1-4x4-noSlippery_README.md');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      model: 'q-FrozenLake-v1-4x4-noSlippery',
      benchmark: 'FrozenLake-v1-4x4-no_slippery',
      metric: 'mean_reward',
      value: 1,
      stderr: null,
      scale: 'unknown',
      line: 12,
      warnings: [
        'value "1.00 +/- 0.00" read as 1; the ± 0.00 part is a standard deviation over episodes, not a standard error, and is ignored',
      ],
    });
  });

  it('names spaCy results after their task when there is no dataset', async () => {
    const records = await readCard('cs577__spacy_da_core_news_md_README.md');
    expect(records).toHaveLength(10);
    expect(new Set(records.map((r) => r.benchmark))).toEqual(
      new Set([
        'NER',
        'TAG',
        'POS',
        'MORPH',
        'LEMMA',
        'UNLABELED_DEPENDENCIES',
        'LABELED_DEPENDENCIES',
        'SENTS',
      ]),
    );
    expect(records[0]).toMatchObject({
      model: 'da_core_news_md',
      benchmark: 'NER',
      metric: 'precision',
      value: 0.8020833333,
      line: 17,
      warnings: ['result has no `dataset`; benchmark taken from task.name "NER"'],
    });
    expect(records[9]).toMatchObject({
      benchmark: 'SENTS',
      metric: 'f_score',
      value: 0.9056603774,
    });
  });

  it('skips results misspelt as `tasks:` with one warning each', async () => {
    const { records, warnings } = indexOf('cs577__radbrt_nb_nocy_trf_README.md');
    expect(records).toEqual([]);
    expect(warnings).toEqual([
      'model-index[0].results[0] (line 10) has no `metrics` list (keys: tasks); skipped',
      'model-index[0].results[1] (line 23) has no `metrics` list (keys: tasks); skipped',
      'model-index[0].results[2] (line 30) has no `metrics` list (keys: tasks); skipped',
      'model-index[0].results[3] (line 43) has no `metrics` list (keys: tasks); skipped',
      'model-index[0].results[4] (line 50) has no `metrics` list (keys: tasks); skipped',
    ]);
    expect(await readCard('cs577__radbrt_nb_nocy_trf_README.md')).toEqual([]);
  });

  it('keeps the model name of each entry in a card with several models', async () => {
    const records = await readCard('cs577__aisingapore_SenticGCN_README.md');
    expect(records).toHaveLength(16);
    expect(records.filter((r) => r.model === 'SenticGCN')).toHaveLength(8);
    expect(records.filter((r) => r.model === 'SenticGCNBert')).toHaveLength(8);
    expect(records[8]).toMatchObject({
      model: 'SenticGCNBert',
      pointer: '/model-index/1/results/0/metrics/0/value',
      benchmark: 'semeval14',
      metric: 'accuracy',
      value: 0.9922,
      line: 82,
      warnings: [],
    });
    expect(records[15]).toMatchObject({
      model: 'SenticGCNBert',
      benchmark: 'semeval16',
      metric: 'f1',
      value: 0.9879,
    });
  });

  it('yields a null value at the metric entry when `value` is missing', async () => {
    const records = await readCard('cs577__Semih_wav2vec2_Irish_Large_README.md');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      model: 'XLSR Wav2Vec2 Irish by Semih GULUM',
      benchmark: 'common_voice',
      metric: 'wer',
      value: null,
      line: 23,
      pointer: '/model-index/0/results/0/metrics/0/value',
      warnings: ['metric has no `value`; no value read'],
    });
  });

  it('warns about a model-index written as a mapping and reads no results', async () => {
    const { records, warnings } = indexOf(
      'cs577__JazibEijaz_bert-base-uncased-finetuned-semeval2020-task4a_README.md',
    );
    expect(records).toEqual([]);
    expect(warnings).toEqual([
      'model-index (line 8) is a mapping, not a list of models; no results read',
    ]);
    expect(
      await readCard('cs577__JazibEijaz_bert-base-uncased-finetuned-semeval2020-task4a_README.md'),
    ).toEqual([]);
  });

  it('reads the card PyYAML rejects (TAB after a value) with its UTF-8 model name', async () => {
    const records = await readCard('cs577__NbAiLab_whisper-large-v2-nob_README.md');
    expect(records).toEqual([
      expect.objectContaining({
        model: 'Whisper Large Norwegian Bokmål',
        benchmark: 'google/fleurs',
        metric: 'wer',
        value: 10.718635559082031,
        scale: 'unknown',
        line: 29,
        warnings: [],
      }),
    ]);
  });

  it('does not guess scales when BLEU (0-100) sits next to chr-F (0-1)', async () => {
    const records = await readCard('cs577__Helsinki-NLP_opus-mt-tc-big-zls-itc_README.md');
    expect(records).toHaveLength(70);
    expect(new Set(records.map((r) => r.pointer.replace(/\/metrics\/.*$/, ''))).size).toBe(35);
    expect(records.slice(0, 2)).toEqual([
      expect.objectContaining({
        model: 'opus-mt-tc-big-zls-itc',
        benchmark: 'flores_101',
        metric: 'bleu',
        value: 34.4,
        scale: 'unknown',
        line: 37,
      }),
      expect.objectContaining({
        benchmark: 'flores_101',
        metric: 'chrf',
        value: 0.6064,
        scale: 'unknown',
        line: 40,
      }),
    ]);
    expect(records[69]).toMatchObject({
      benchmark: 'tatoeba_mt',
      metric: 'chrf',
      value: 0.76045,
      line: 550,
    });
    expect(records.every((r) => r.warnings.length === 0)).toBe(true);
  });

  it('reads all 1,245 metrics of the 217 results in the 116 KB MTEB card', async () => {
    const records = await readCard(
      'cs577__Muennighoff_SGPT-125M-weightedmean-nli-bitfit_README.md',
    );
    expect(records).toHaveLength(1245);
    expect(new Set(records.map((r) => r.pointer.replace(/\/metrics\/.*$/, ''))).size).toBe(217);
    expect(records[0]).toMatchObject({
      model: 'SGPT-125M-weightedmean-nli-bitfit',
      benchmark: 'mteb/amazon_counterfactual',
      metric: 'accuracy',
      value: 65.88059701492537,
      scale: 'unknown',
      line: 21,
    });
    expect(records[1244]).toMatchObject({
      pointer: '/model-index/0/results/216/metrics/22/value',
      benchmark: 'mteb/twitterurlcorpus-pairclassification',
      metric: 'max_f1',
      value: 72.70810586950793,
      line: 4453,
    });
    expect(records.every((r) => typeof r.value === 'number' && r.warnings.length === 0)).toBe(true);
  });

  it('yields nothing for a Trainer card with `results: []`', async () => {
    expect(indexOf('cs577__0x12_t5-opus_infopankki-en-zh-0_README.md')).toEqual({
      records: [],
      warnings: [],
    });
    expect(await readCard('cs577__0x12_t5-opus_infopankki-en-zh-0_README.md')).toEqual([]);
  });

  it('reads "25.59%" as 25.59 on the percent scale, with a warning', async () => {
    const records = await readCard('cs577__DewiBrynJones_wav2vec2-large-xlsr-welsh_README.md');
    expect(records).toEqual([
      expect.objectContaining({
        model: 'wav2vec2-xlsr-welsh (by Dewi Bryn Jones, fine tuning week - March 2021)',
        benchmark: 'common_voice',
        metric: 'wer',
        value: 25.59,
        scale: 'percent',
        line: 26,
        warnings: ['value "25.59%" carries a percent sign; read as 25.59 on the percent scale'],
      }),
    ]);
  });

  it('reads a placeholder word as no value, quoting it', async () => {
    const records = await readCard('cs577__joaoalvarenga_wav2vec2-large-xlsr-53-spanish_README.md');
    expect(records).toEqual([
      expect.objectContaining({
        model: 'JoaoAlvarenga XLSR Wav2Vec2 Large 53 Spanish',
        benchmark: 'common_voice',
        metric: 'wer',
        value: null,
        line: 32,
        warnings: ['value "Training" is not a number; no value read'],
      }),
    ]);
  });

  it('keeps numeric results and nulls "NA" ones in the same card', async () => {
    const records = await readCard(
      'cs577__DrishtiSharma_wav2vec2-large-xls-r-300m-hsb-v3_README.md',
    );
    expect(records.map((r) => [r.benchmark, r.metric, r.value, r.line, r.warnings])).toEqual([
      ['mozilla-foundation/common_voice_8_0', 'wer', 0.4763681592039801, 28, []],
      ['mozilla-foundation/common_voice_8_0', 'cer', 0.11194945177476305, 31, []],
      [
        'speech-recognition-community-v2/dev_data',
        'wer',
        null,
        42,
        ['value "NA" is not a number; no value read'],
      ],
      [
        'speech-recognition-community-v2/dev_data',
        'cer',
        null,
        45,
        ['value "NA" is not a number; no value read'],
      ],
    ]);
  });
});

describe('hf-model-card fixtures', () => {
  it('are the byte-for-byte copies listed in fixtures/SOURCES.md', () => {
    const sources = readFileSync(new URL('../fixtures/SOURCES.md', import.meta.url), 'utf8');
    const section = sources.split('## hf-model-card/')[1]!.split('\n## ')[0]!;
    const listed = new Map(
      [...section.matchAll(/^\| `([^`]+)` \|.*\| `([0-9a-f]{16})` \|$/gm)].map((m) => [
        m[1]!,
        m[2]!,
      ]),
    );
    expect([...listed.keys()].sort()).toEqual(readdirSync(CARDS).sort());
    for (const [name, prefix] of listed) {
      expect(createHash('sha256').update(fixtureBytes(name)).digest('hex').slice(0, 16), name).toBe(
        prefix,
      );
    }
  });
});

describe('recordsFromModelIndex on odd content', () => {
  const card = (modelIndex: string): string =>
    `---\nlicense: mit\nmodel-index:\n${modelIndex}---\n# Card\n`;
  const oneMetric = (metric: string): string =>
    card(`- name: m\n  results:\n  - dataset: {type: d}\n    metrics:\n    - type: acc\n${metric}`);

  it('reads a quoted plain number as a number, with a warning', () => {
    const { records } = indexOfText(oneMetric("      value: '1'\n"));
    expect(records[0]).toMatchObject({ value: 1, scale: 'unknown' });
    expect(records[0]!.warnings).toEqual([
      'value "1" is written as a string; read as the number 1',
    ]);
  });

  it('reads "20.0 ± 1.2" as 20 and ignores the standard deviation', () => {
    const { records } = indexOfText(oneMetric('      value: 20.0 ± 1.2\n'));
    expect(records[0]).toMatchObject({ value: 20, stderr: null });
    expect(records[0]!.warnings).toEqual([
      'value "20.0 ± 1.2" read as 20; the ± 1.2 part is a standard deviation over episodes, not a standard error, and is ignored',
    ]);
  });

  it('reads "279.55 +/- 11.76" as 279.55', () => {
    const { records } = indexOfText(oneMetric('      value: 279.55 +/- 11.76\n'));
    expect(records[0]!.value).toBe(279.55);
  });

  it('refuses strings that only start with a number', () => {
    for (const raw of ['12 (approx)', '0.5 / 0.6', '1e', '50%%', '~0.9']) {
      const { records } = indexOfText(oneMetric(`      value: "${raw}"\n`));
      expect(records[0]!.value, raw).toBeNull();
      expect(records[0]!.warnings, raw).toEqual([
        `value ${JSON.stringify(raw)} is not a number; no value read`,
      ]);
    }
  });

  it('reads empty, non-finite and structured values as no value', () => {
    const cases: [string, string][] = [
      ['      value:\n', 'metric `value` is empty; no value read'],
      ['      value: .nan\n', 'value NaN is not a finite number; no value read'],
      ['      value: -.inf\n', 'value -Infinity is not a finite number; no value read'],
      ['      value: true\n', 'value is a boolean, not a number; no value read'],
      ['      value: [1, 2]\n', 'value is a list, not a number; no value read'],
    ];
    for (const [yaml, warning] of cases) {
      const { records } = indexOfText(oneMetric(yaml));
      expect(records[0]!.value, yaml).toBeNull();
      expect(records[0]!.warnings, yaml).toEqual([warning]);
    }
  });

  it('falls back to dataset.name, then task.name, each with a warning', () => {
    const { records } = indexOfText(
      card(
        '- name: m\n  results:\n' +
          '  - dataset: {name: Pretty}\n    metrics: [{type: acc, value: 1}]\n' +
          '  - task: {type: t, name: Task}\n    metrics: [{type: acc, value: 1}]\n',
      ),
    );
    expect(records.map((r) => [r.benchmark, r.warnings])).toEqual([
      ['Pretty', ['dataset has no `type`; benchmark taken from dataset.name "Pretty"']],
      ['Task', ['result has no `dataset`; benchmark taken from task.name "Task"']],
    ]);
  });

  it('takes the metric from `name` when `type` is missing', () => {
    const { records } = indexOfText(
      card('- name: m\n  results:\n  - dataset: {type: d}\n    metrics: [{name: Acc, value: 1}]\n'),
    );
    expect(records[0]).toMatchObject({
      metric: 'Acc',
      warnings: ['metric has no `type`; metric taken from name "Acc"'],
    });
  });

  it('leaves the model null when the entry has no name', () => {
    const { records } = indexOfText(
      card('- results:\n  - dataset: {type: d}\n    metrics: [{type: acc, value: 1}]\n'),
    );
    expect(records[0]!.model).toBeNull();
  });

  it('keeps readable entries and warns about each unreadable one, with its line', () => {
    const { records, warnings } = indexOfText(
      card(
        '- just a string\n' +
          '- name: no-results\n' +
          '- name: m\n  results:\n' +
          '  - 42\n' +
          '  - metrics: [{type: acc, value: 1}]\n' +
          '  - dataset: {type: d}\n    metrics:\n    - 7\n    - {value: 3}\n    - {type: acc, value: 0.5}\n',
      ),
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      model: 'm',
      benchmark: 'd',
      metric: 'acc',
      value: 0.5,
      line: 14,
    });
    expect(warnings).toEqual([
      'model-index[0] (line 4) is a string, not a mapping; skipped',
      'model-index[1] (line 5) has no `results`; skipped',
      'model-index[2].results[0] (line 8) is a number, not a mapping; skipped',
      'model-index[2].results[1] (line 9) names no benchmark (no dataset.type, dataset.name, task.name or task.type); skipped',
      'model-index[2].results[2].metrics[0] (line 12) is a number, not a mapping; skipped',
      'model-index[2].results[2].metrics[1] (line 13) has no metric `type` or `name`; skipped',
    ]);
  });

  it('reads nothing, silently, from a card without model-index or with an empty one', () => {
    expect(indexOfText('---\nrsp:\n  model: acme/m\n---\n')).toEqual({ records: [], warnings: [] });
    expect(indexOfText('---\nmodel-index:\n---\n')).toEqual({ records: [], warnings: [] });
    expect(indexOfText('---\nmodel-index: []\n---\n')).toEqual({ records: [], warnings: [] });
  });

  it('ignores keys inherited from Object.prototype', () => {
    const { records, warnings } = indexOfText(
      card('- name: m\n  results:\n  - dataset: {type: d}\n    metrics: [{}]\n'),
    );
    expect(records).toEqual([]);
    expect(warnings).toEqual([
      'model-index[0].results[0].metrics[0] (line 7) has no metric `type` or `name`; skipped',
    ]);
  });
});

describe('hfModelIndexReader', () => {
  it('accepts Markdown files only', () => {
    const head = new Uint8Array();
    expect(hfModelIndexReader.format).toBe('hf-model-index');
    expect(hfModelIndexReader.accepts('models/frontier-7/MODEL_CARD.md', head)).toBe(true);
    expect(hfModelIndexReader.accepts('README.MD', head)).toBe(true);
    expect(hfModelIndexReader.accepts('evals/x.evidence.yml', head)).toBe(false);
    expect(hfModelIndexReader.accepts('notes.md.txt', head)).toBe(false);
  });

  it('adds file-level warnings to the first record only', async () => {
    const text =
      '---\nmodel-index:\n- name: m\n  results:\n  - tasks: {}\n' +
      '  - dataset: {type: d}\n    metrics: [{type: acc, value: 1}, {type: f1, value: 2}]\n---\n';
    const records = await hfModelIndexReader.read(
      memorySource('README.md', new TextEncoder().encode(text)),
    );
    expect(records.map((r) => r.warnings)).toEqual([
      ['model-index[0].results[0] (line 5) has no `metrics` list (keys: tasks); skipped'],
      [],
    ]);
  });

  it('reads a card with a BOM and CRLF line endings at the right lines', async () => {
    const text =
      '\uFEFF---\r\nmodel-index:\r\n- name: m\r\n  results:\r\n  - dataset: {type: d}\r\n    metrics:\r\n    - type: acc\r\n      value: 0.5\r\n---\r\n';
    const records = await hfModelIndexReader.read(
      memorySource('README.md', new TextEncoder().encode(text)),
    );
    expect(records).toEqual([expect.objectContaining({ value: 0.5, line: 8 })]);
  });

  it('refuses a card larger than 8 MiB before reading it', async () => {
    const source = memorySource('README.md', new Uint8Array(), 8 * 1024 * 1024 + 1);
    const error = await rejection(hfModelIndexReader.read(source));
    expect(error.code).toBe('file-too-large');
    expect(error.location).toEqual({ file: 'README.md' });
  });

  it('refuses a card that grows past 8 MiB while it is read', async () => {
    const big = new Uint8Array(8 * 1024 * 1024 + 10).fill(0x20);
    const error = await rejection(hfModelIndexReader.read(memorySource('README.md', big, 10)));
    expect(error.code).toBe('file-too-large');
  });

  it('refuses invalid UTF-8 at the line of the bad byte', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('---\nname: caf'),
      0xe9,
      ...new TextEncoder().encode('\n---\n'),
    ]);
    const error = await rejection(hfModelIndexReader.read(memorySource('README.md', bytes)));
    expect(error.code).toBe('encoding');
    expect(error.message).toBe('file is not valid UTF-8 (byte 0xe9 at offset 13)');
    expect(error.location).toEqual({ file: 'README.md', line: 2, column: 10 });
    expect(error.hint).toBe('save the file as UTF-8');
  });
});
