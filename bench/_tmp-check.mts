import { AnalyzerPool } from '../electron/discovery/scan/analyzer-pool';
import { scanFolder } from '../electron/discovery/scan/scan-folder';
import { CODE_PREFILTER_PATTERNS } from '../electron/discovery/code/bundled-code-rules';
const roots = process.argv.slice(2);
const pool = new AnalyzerPool(new Set(), 2);
try {
  for (const root of roots) {
    const t = performance.now();
    const r = await scanFolder(root, { pool });
    console.log(`== ${root} ${(performance.now() - t).toFixed(0)}ms`, JSON.stringify(r.counters));
    for (const a of r.agents) {
      console.log(`  ${a.classification} ${a.confidence.toFixed(2)} ${a.unit.kind} "${a.unit.name}" ${a.unit.path} trigger=${a.trigger.kind}:${a.trigger.schedule ?? ''} entries=${a.entryPoints.join(',')}`);
      console.log(`     llm=${a.llm.map((l) => l.provider + '/' + l.sdk + '[' + l.models.join(',') + ']').join(' ')} fw=${a.frameworks.map((f) => f.framework).join(',')}`);
      console.log(`     caps=${[...new Set(a.capabilities.map((c) => c.kind + ':' + c.detail))].join(' | ')}`);
      console.log(`     creds=${a.credentials.map((c) => c.kind + ':' + c.name + (c.fingerprint ? '#' + c.fingerprint.slice(0, 8) + '..' + c.last4 : '')).join(', ')}`);
      console.log(`     endpoints=${a.endpoints.map((e) => e.purpose + ':' + e.host).join(', ')} guard=${a.guardrails.map((g) => g.kind).join(',')}`);
      console.log(`     pkgs=${a.packages.map((p) => p.name + '@' + p.version).join(', ')}`);
      console.log(`     tools=${a.tools.map((t) => t.name + '(' + t.capabilities.join('/') + ')').join(', ')} code=${a.codeFiles.join(',')}`);
    }
    for (const w of r.warnings.slice(0, 10)) console.log('  warn', w.path, w.message);
  }
} finally { await pool.close(); }
if (process.env.SHOW_PATTERNS) console.log(CODE_PREFILTER_PATTERNS);
if (process.env.LEAK) {
  const p2 = new AnalyzerPool(new Set(), 1);
  const r = await scanFolder(process.env.LEAK, { pool: p2 });
  const s = JSON.stringify(r);
  console.log('raw key present:', s.includes('xxxxxxxxxxxxxxxxxxxxDEMO'), 'snippets:', r.agents.flatMap((a) => a.credentials.filter((c) => c.kind === 'hardcoded-secret').map((c) => c.evidence.snippet)));
  await p2.close();
}
