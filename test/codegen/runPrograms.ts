/**
 * Run generated programs: NumPy ones in one python3 process per batch (runpy, stdout captured
 * per program), TypeScript ones with node after stripping the types with the compiler API's
 * transpileModule (Node 20 runs no TypeScript).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import type { Program } from '../../src/codegen/program.ts';
import { CSV_NAME } from '../../src/codegen/program.ts';

const run = promisify(execFile);

const RUNNER = `
import contextlib, io, json, os, runpy, sys
out = {}
for path in sys.argv[1:]:
    os.chdir(os.path.dirname(path))
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            runpy.run_path(path, run_name="__main__")
        out[path] = buf.getvalue()
    except Exception as e:
        out[path] = "ERROR " + repr(e)
print(json.dumps(out))
`;

/** Each program in its own directory (with its CSV when it has one); returns the file paths. */
function writePrograms(programs: Program[], ext: string, text: (p: Program) => string): string[] {
  const root = mkdtempSync(join(tmpdir(), 'codegen-'));
  return programs.map((p, i) => {
    const dirPath = mkdtempSync(join(root, `p${i}-`));
    if (p.csv !== null) writeFileSync(join(dirPath, CSV_NAME), p.csv);
    const file = join(dirPath, `run.${ext}`);
    writeFileSync(file, text(p));
    return file;
  });
}

/** stdout of each NumPy program (or "ERROR …"), in `batches` python3 processes run side by side. */
export async function runPython(programs: Program[], batches = 2): Promise<string[]> {
  const files = writePrograms(programs, 'py', (p) => p.text);
  const runner = join(mkdtempSync(join(tmpdir(), 'codegen-runner-')), 'runner.py');
  writeFileSync(runner, RUNNER);
  const size = Math.ceil(files.length / batches);
  const chunks = Array.from({ length: batches }, (_, b) => files.slice(b * size, (b + 1) * size)).filter(
    (c) => c.length,
  );
  const results = await Promise.all(
    chunks.map(async (chunk) => {
      const { stdout } = await run('python3', [runner, ...chunk], { maxBuffer: 64 << 20 });
      return JSON.parse(stdout) as Record<string, string>;
    }),
  );
  const all = Object.assign({}, ...results) as Record<string, string>;
  return files.map((f) => all[f] ?? 'ERROR not run');
}

/** The program as JavaScript Node 20 runs (types stripped). */
export function stripTypes(text: string): string {
  return ts.transpileModule(text, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
}

/** stdout of each TypeScript program, two node processes at a time. */
export async function runTypeScript(programs: Program[]): Promise<string[]> {
  const files = writePrograms(programs, 'mjs', (p) => stripTypes(p.text));
  const out: string[] = new Array<string>(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const { stdout } = await run(process.execPath, [files[i]!], { maxBuffer: 64 << 20, cwd: join(files[i]!, '..') });
      out[i] = stdout;
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}
