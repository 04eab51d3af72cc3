import { q as checkTrees, S as STATE_CONTEXT, u as hasInvalidInput } from './render-markdown-DncR61q3.js';
import { r as renderReportPage } from './render-page-XFYiwW23.js';
import { b as buildReportData } from './report-data-B0Kk7ul_.js';
import 'node:crypto';
import 'node:path';
import 'node:zlib';
import 'node:fs/promises';

async function buildReport(options) {
    const result = await checkTrees({
        head: options.tree,
        base: null,
        policyPath: options.policyPath,
        now: options.now,
        context: options.context ?? STATE_CONTEXT,
        ...(options.organization !== undefined ? { organization: options.organization } : {}),
        ...(options.fallbackPreset !== undefined ? { fallbackPreset: options.fallbackPreset } : {}),
        ...(options.commit ? { policyRef: options.commit.sha } : {}),
    });
    const data = buildReportData({
        now: options.now,
        repository: options.repository,
        current: { record: result.record, state: result.head, commit: options.commit },
        history: options.history,
        historyScope: options.historyScope,
        redact: options.redact,
    });
    const html = await renderReportPage(data);
    return { html, data, record: result.record, invalidInput: hasInvalidInput(result) };
}

export { buildReport };
