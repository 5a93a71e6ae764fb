import { strToU8, unzipSync, zipSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMemoryProbe } from '../archives/memory-probe';
import { tempDir } from '../store/test-workspace';
import { registryToXlsx } from './export';
import { sampleAgents } from './fixtures/sample-agents';
import { parseRegistryFile } from './parse-file';
import { WORKBOOK_BOMBS, type WorkbookBomb } from './workbook-bombs';
import { backendRejectionOf as refusal } from '../testing/backend-errors';

const ADVICE = 'A registry of 10,000 agents unpacks to about 9 MB: save the sheet as CSV UTF-8 and import that (up to 100,000 rows), or split the workbook.';
const REFUSALS: Record<WorkbookBomb, string> = {
  'huge-sheet': `huge-sheet.xlsx was not unpacked: its entry xl/worksheets/sheet1.xml inflates to more than 16 MB, the most one entry of a registry workbook may hold. ${ADVICE}`,
  'huge-shared-strings': `huge-shared-strings.xlsx was not unpacked: its entry xl/sharedStrings.xml inflates to more than 16 MB, the most one entry of a registry workbook may hold. ${ADVICE}`,
  'many-entries': `many-entries.xlsx was not unpacked: it has more than 1,000 entries, more than a registry workbook holds. ${ADVICE}`,
  'high-ratio': `high-ratio.xlsx was not unpacked: its entry xl/worksheets/sheet1.xml inflates to more than 100 times its compressed size, as zip bombs do. ${ADVICE}`,
  'total-size': `total-size.xlsx was not unpacked: its entries inflate to more than 32 MB in all, the most a registry workbook may hold. ${ADVICE}`,
  'nested-zip': `nested-zip.xlsx was not unpacked: its entry xl/worksheets/sheet1.xml is itself an archive, which a registry workbook does not hold. ${ADVICE}`,
};
const BOMBS = Object.keys(REFUSALS) as WorkbookBomb[];
const MEMORY_BUDGET_KB = 256 * 1024;

describe('hostile workbooks', () => {
  it.each(BOMBS)('%s is refused by the archive limits, naming the file, the limit and what to do', async (bomb) => {
    const error = await refusal(parseRegistryFile(`${bomb}.xlsx`, WORKBOOK_BOMBS[bomb]()));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toBe(REFUSALS[bomb]);
  });

  it('every one is refused within 256 MB of process memory (measured in a child process)', () => {
    // Written to files first, so the child's peak memory is the import's and not the bombs' making.
    const dir = tempDir('atw-workbook-bombs-');
    try {
      const files = BOMBS.map((bomb) => {
        writeFileSync(dir.file(`${bomb}.xlsx`), WORKBOOK_BOMBS[bomb]());
        return dir.file(`${bomb}.xlsx`);
      });
      const outcomes = runMemoryProbe(fileURLToPath(new URL('./workbook-bomb-probe.ts', import.meta.url)), files);
      expect(outcomes.map(({ code, message }) => ({ code, message }))).toEqual(BOMBS.map((name) => ({ code: 'import-invalid', message: REFUSALS[name] })));
      for (const outcome of outcomes) expect(outcome.maxRssKb, outcome.name).toBeLessThan(MEMORY_BUDGET_KB);
    } finally {
      dir.cleanup();
    }
  });
});

describe('ordinary workbooks still import', () => {
  it('a 10,000-agent registry as the app exports it', async () => {
    const [template] = sampleAgents();
    const agents = Array.from({ length: 10_000 }, (_, i) => ({ ...template!, id: `agt_${i}`, name: `Refund Triage Bot ${i}`, credentials: [`KEY_${i}`] }));
    const parsed = await parseRegistryFile('registry.xlsx', await registryToXlsx(agents));
    expect(parsed.rows).toHaveLength(10_000);
    expect(parsed.rows.at(-1)).toMatchObject({ errors: [], fields: { name: 'Refund Triage Bot 9999' } });
  });

  it('a workbook with an embedded document: the document is skipped, the sheet read', async () => {
    const parts = unzipSync(await registryToXlsx(sampleAgents()));
    const withEmbedding = zipSync({ ...parts, 'xl/embeddings/Microsoft_Word_Document.docx': zipSync({ 'word/document.xml': strToU8('<w:document/>') }) });
    const parsed = await parseRegistryFile('registry.xlsx', withEmbedding);
    expect(parsed.rows.map((r) => r.fields.name)).toEqual(sampleAgents().map((a) => a.name));
  });
});
