import { setFlagsFromString } from 'node:v8'

// A command runs for a second or two: compiling Automerge's WebAssembly a second time, optimised,
// while it runs costs more than the optimised code saves (about 0.8 s of a `case list`'s CPU;
// tests/bench/cli-start.bench.ts). Set before Automerge is first imported, by the command below.
setFlagsFromString('--liftoff-only')

// Output piped into `head` and the like: the reader has what it wanted, so stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

// Standard output is the command's answer, which scripts read (--json): a library's own diagnostics
// (automerge-repo logs a document let go while it was syncing) go to standard error instead.
console.log = (...args: unknown[]) => console.error(...args)

const { run } = await import('./program')
process.exitCode = await run(process.argv.slice(2))
