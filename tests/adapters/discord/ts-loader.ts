/**
 * Lets a child Node process (a shard spawned by the ShardingManager) run this project's TypeScript
 * sources directly, as vitest does in the test process: Node 20 can't, so the child is started with
 * `--import` of a tiny module that registers loader hooks. The hooks map `./x.js` imports to `./x.ts`
 * when only the `.ts` exists, and compile `.ts` files with the project's own TypeScript
 * (`transpileModule`: types erased, nothing else changed).
 */
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

const hooks = (typescriptUrl: string, cacheDir: string) => `
import { readFile, writeFile, rename, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
const cacheDir = ${JSON.stringify(cacheDir)};
let ts;

export async function resolve(specifier, context, next) {
  const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('file:') || specifier.startsWith('/');
  if (relative && specifier.endsWith('.js') && context.parentURL && context.parentURL.startsWith('file:')) {
    const url = new URL(specifier, context.parentURL);
    if (!existsSync(fileURLToPath(url))) {
      const tsUrl = new URL(url.href.slice(0, -3) + '.ts');
      if (existsSync(fileURLToPath(tsUrl))) return { url: tsUrl.href, format: 'module', shortCircuit: true };
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url.startsWith('file:') && url.endsWith('.ts') && !url.includes('/node_modules/')) {
    const fileName = fileURLToPath(url);
    const source = await readFile(fileName, 'utf8');
    // Compiled output is cached by content, so the second shard (and later runs) skip TypeScript.
    const cached = cacheDir + '/' + createHash('sha256').update(url + '\\0' + source).digest('hex') + '.js';
    if (existsSync(cached)) return { format: 'module', source: await readFile(cached, 'utf8'), shortCircuit: true };
    ts ??= (await import(${JSON.stringify(typescriptUrl)})).default;
    const { outputText } = ts.transpileModule(source, {
      fileName,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    await mkdir(cacheDir, { recursive: true });
    const temporary = cached + '.' + process.pid + '.tmp';
    await writeFile(temporary, outputText);
    await rename(temporary, cached);
    return { format: 'module', source: outputText, shortCircuit: true };
  }
  return next(url, context);
}
`;

const dataUrl = (source: string) => `data:text/javascript,${encodeURIComponent(source)}`;

/** Where compiled sources are kept between child processes and runs. */
export const TS_CACHE_DIR = join(tmpdir(), `backchannel-ts-cache-${(require('typescript/package.json') as { version: string }).version}`);

/** `execArgv` for a child process that should run `.ts` files of this project. */
export function typeScriptExecArgv(cacheDir = TS_CACHE_DIR): string[] {
  const typescriptUrl = pathToFileURL(require.resolve('typescript')).href;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(dataUrl(hooks(typescriptUrl, cacheDir)))});`;
  return ['--import', dataUrl(register)];
}
